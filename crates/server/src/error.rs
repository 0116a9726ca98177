//! Why the service answers without a record, and the gRPC status each reason
//! maps to: the one place where errors become a `tonic::Status`, or the
//! `google.rpc.Status` of one stream or batch response.

use normalizer_pipeline::{Format, NormalizeError, UnknownLanguage};
use normalizer_proto::google::rpc;
use prost::Message;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

/// The request field that carries an article's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentField {
    /// `article.text`.
    Text,
    /// `article.html`.
    Html,
    /// `article.html_bytes`.
    HtmlBytes,
}

impl ContentField {
    /// What the pipeline reads the field's content as.
    pub fn format(self) -> Format {
        match self {
            Self::Text => Format::Text,
            Self::Html | Self::HtmlBytes => Format::Html,
        }
    }

    /// The field's name in the request.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "article.text",
            Self::Html => "article.html",
            Self::HtmlBytes => "article.html_bytes",
        }
    }
}

impl std::fmt::Display for ContentField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a call, or one article of a stream or batch, gets no record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    /// `NormalizeRequest.article` is unset.
    #[error("article is required")]
    MissingArticle,
    /// Neither `text` nor `html` is set.
    #[error("article.content is required: set article.text, article.html or article.html_bytes")]
    MissingContent,
    /// The content is empty or holds only spaces and invisible characters.
    #[error("{field} is blank")]
    BlankContent {
        /// The field that was blank.
        field: ContentField,
    },
    /// The content is over the configured limit.
    #[error("{field} is {size} bytes, over the limit of {limit} bytes (limits.max_article_bytes)")]
    TooLarge {
        /// The field that was too large.
        field: ContentField,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The article URL is not absolute.
    #[error("article.url is not an absolute URL: {reason}")]
    InvalidUrl {
        /// Why it did not parse.
        reason: String,
    },
    /// A language code the detector does not know.
    #[error("options.{0}")]
    UnknownLanguage(UnknownLanguage),
    /// A batch with more articles than `limits.max_batch_articles`.
    #[error("requests holds {count} articles, over the limit of {limit} (limits.max_batch_articles)")]
    TooManyArticles {
        /// Articles in the batch.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A page whose main content holds no text.
    #[error("{field} holds no article text")]
    NoArticleText {
        /// The field that carried the page.
        field: ContentField,
    },
    /// A page nesting elements deeper than the extractor follows.
    #[error("{field} nests elements deeper than {limit} levels")]
    TooDeep {
        /// The field that carried the page.
        field: ContentField,
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// A line of a JSON-lines file that is not a `RawArticle` (CLI only).
    #[error("line {line} is not a RawArticle in proto JSON: {reason}")]
    NotARawArticle {
        /// The line number, from 1.
        line: usize,
        /// Why it did not parse.
        reason: String,
    },
    /// A file of a directory run that cannot be read (CLI only).
    #[error("cannot read {path}: {reason}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The server is serving `server.max_concurrent_requests` calls already.
    #[error(
        "the server is serving its limit of {limit} calls (server.max_concurrent_requests): retry with backoff"
    )]
    Overloaded {
        /// The limit.
        limit: usize,
    },
    /// The caller's deadline passed first.
    #[error("the caller's deadline (grpc-timeout) passed before {0}")]
    DeadlineExceeded(Unanswered),
    /// The worker pool is closed: the server is stopping.
    #[error("the server is shutting down")]
    ShuttingDown,
    /// The pipeline panicked: a bug, never the caller's fault.
    #[error("the pipeline stopped unexpectedly: {0}")]
    PipelineStopped(String),
}

/// What the deadline passed before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unanswered {
    /// One article of the call.
    Article,
    /// The whole call.
    Call,
}

impl std::fmt::Display for Unanswered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Article => "the article was normalized",
            Self::Call => "the call was answered",
        })
    }
}

impl ServiceError {
    /// What the pipeline refused, for content sent in `field`.
    pub fn from_pipeline(error: NormalizeError, field: ContentField) -> Self {
        match (error, field) {
            (NormalizeError::BlankText, ContentField::Text) => Self::BlankContent { field },
            (NormalizeError::BlankText, ContentField::Html | ContentField::HtmlBytes) => {
                Self::NoArticleText { field }
            }
            (NormalizeError::InvalidUrl { reason }, _) => Self::InvalidUrl { reason },
            (NormalizeError::TooDeep { limit }, _) => Self::TooDeep { field, limit },
        }
    }

    /// The gRPC code: the caller's mistakes are INVALID_ARGUMENT.
    fn code(&self) -> Code {
        match self {
            Self::Overloaded { .. } => Code::ResourceExhausted,
            Self::DeadlineExceeded(_) => Code::DeadlineExceeded,
            Self::ShuttingDown => Code::Unavailable,
            Self::PipelineStopped(_) => Code::Internal,
            _ => Code::InvalidArgument,
        }
    }

    /// The request field an INVALID_ARGUMENT is about.
    fn field(&self) -> Option<String> {
        Some(match self {
            Self::MissingArticle => "article".into(),
            Self::MissingContent => "article.content".into(),
            Self::BlankContent { field }
            | Self::TooLarge { field, .. }
            | Self::NoArticleText { field }
            | Self::TooDeep { field, .. } => field.name().into(),
            Self::InvalidUrl { .. } => "article.url".into(),
            Self::UnknownLanguage(unknown) => format!("options.languages[{}]", unknown.index),
            Self::TooManyArticles { .. } => "requests".into(),
            // What the CLI could not read is no field of a request.
            Self::NotARawArticle { .. }
            | Self::Unreadable { .. }
            | Self::Overloaded { .. }
            | Self::DeadlineExceeded(_)
            | Self::ShuttingDown
            | Self::PipelineStopped(_) => return None,
        })
    }
}

impl From<ServiceError> for Status {
    fn from(error: ServiceError) -> Self {
        let message = error.to_string();
        match error.field() {
            Some(field) => Status::with_error_details(
                error.code(),
                message.clone(),
                ErrorDetails::with_bad_request_violation(field, message),
            ),
            None => Status::new(error.code(), message),
        }
    }
}

impl From<ServiceError> for rpc::Status {
    fn from(error: ServiceError) -> Self {
        let status = Status::from(error);
        // A status with details carries them encoded as a google.rpc.Status.
        if !status.details().is_empty()
            && let Ok(decoded) = rpc::Status::decode(status.details())
        {
            return decoded;
        }
        rpc::Status {
            code: status.code() as i32,
            message: status.message().to_owned(),
            details: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_invalid_argument_with_a_field_violation() {
        let status = Status::from(ServiceError::BlankContent {
            field: ContentField::Text,
        });
        assert_eq!(status.code(), Code::InvalidArgument);
        assert_eq!(status.message(), "article.text is blank");
        let details = status.get_error_details();
        let violations = &details.bad_request().expect("bad request").field_violations;
        assert_eq!(violations[0].field, "article.text");
    }

    #[test]
    fn a_response_error_keeps_the_details_of_the_status() {
        let error = rpc::Status::from(ServiceError::BlankContent {
            field: ContentField::Text,
        });
        assert_eq!(error.code, Code::InvalidArgument as i32);
        assert_eq!(error.message, "article.text is blank");
        assert_eq!(error.details.len(), 1);
        assert!(error.details[0].type_url.ends_with("google.rpc.BadRequest"));
    }

    #[test]
    fn refusals_of_the_server_have_their_own_codes_and_no_field() {
        for (error, code) in [
            (ServiceError::Overloaded { limit: 4 }, Code::ResourceExhausted),
            (
                ServiceError::DeadlineExceeded(Unanswered::Call),
                Code::DeadlineExceeded,
            ),
            (ServiceError::ShuttingDown, Code::Unavailable),
            (ServiceError::PipelineStopped("panic".into()), Code::Internal),
        ] {
            let response = rpc::Status::from(error.clone());
            assert_eq!(response.code, code as i32, "{error}");
            assert!(response.details.is_empty(), "{error}");
            assert_eq!(response.message, error.to_string());
        }
    }

    #[test]
    fn an_unknown_language_names_its_position() {
        let error = ServiceError::UnknownLanguage(UnknownLanguage {
            index: 2,
            code: "xx".into(),
        });
        assert_eq!(error.field().as_deref(), Some("options.languages[2]"));
        assert!(
            error.to_string().starts_with("options.languages[2] `xx`"),
            "{error}"
        );
    }

    #[test]
    fn a_page_without_text_or_nesting_too_deep_names_the_html_field() {
        let empty = ServiceError::from_pipeline(NormalizeError::BlankText, ContentField::Html);
        assert_eq!(empty.to_string(), "article.html holds no article text");
        let blank = ServiceError::from_pipeline(NormalizeError::BlankText, ContentField::Text);
        assert_eq!(blank.to_string(), "article.text is blank");
        let deep = ServiceError::from_pipeline(NormalizeError::TooDeep { limit: 512 }, ContentField::Html);
        let bytes = ServiceError::from_pipeline(NormalizeError::BlankText, ContentField::HtmlBytes);
        assert_eq!(bytes.to_string(), "article.html_bytes holds no article text");
        assert_eq!(deep.field().as_deref(), Some("article.html"));
        assert_eq!(
            deep.to_string(),
            "article.html nests elements deeper than 512 levels"
        );
        assert_eq!(Status::from(deep).code(), Code::InvalidArgument);
    }

    #[test]
    fn the_size_error_names_the_limit() {
        let error = ServiceError::TooLarge {
            field: ContentField::Text,
            size: 11,
            limit: 10,
        };
        assert_eq!(
            error.to_string(),
            "article.text is 11 bytes, over the limit of 10 bytes (limits.max_article_bytes)"
        );
    }
}
