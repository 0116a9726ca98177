//! Why a request is refused, and the gRPC status each reason maps to: the
//! one place where errors become `tonic::Status`.

use normalizer_pipeline::NormalizeError;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

/// A request the service refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// `NormalizeRequest.article` is unset.
    #[error("article is required")]
    MissingArticle,
    /// Neither `text` nor `html` is set.
    #[error("article.content is required: set article.text or article.html")]
    MissingContent,
    /// The content is empty or holds only spaces and invisible characters.
    #[error("{field} is blank")]
    BlankContent {
        /// The field that was blank.
        field: &'static str,
    },
    /// The content is over the configured limit.
    #[error("{field} is {size} bytes, over the limit of {limit} bytes (limits.max_article_bytes)")]
    TooLarge {
        /// The field that was too large.
        field: &'static str,
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
    UnknownLanguage(NormalizeError),
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
        /// The content field.
        field: &'static str,
    },
    /// A page nesting elements deeper than the extractor follows.
    #[error("article.{0}")]
    TooDeep(NormalizeError),
}

impl RequestError {
    /// The request field the error is about.
    fn field(&self) -> String {
        match self {
            Self::MissingArticle => "article".into(),
            Self::MissingContent => "article.content".into(),
            Self::BlankContent { field } | Self::TooLarge { field, .. } | Self::NoArticleText { field } => {
                (*field).into()
            }
            Self::InvalidUrl { .. } => "article.url".into(),
            Self::UnknownLanguage(NormalizeError::UnknownLanguage { index, .. }) => {
                format!("options.languages[{index}]")
            }
            Self::UnknownLanguage(_) => "options.languages".into(),
            Self::TooManyArticles { .. } => "requests".into(),
            Self::TooDeep(_) => "article.html".into(),
        }
    }
}

impl RequestError {
    /// What the pipeline refused, for content sent in `field`.
    pub fn from_pipeline(error: NormalizeError, field: &'static str) -> Self {
        match error {
            NormalizeError::BlankText if field == "article.text" => Self::BlankContent { field },
            NormalizeError::BlankText => Self::NoArticleText { field },
            NormalizeError::InvalidUrl { reason } => Self::InvalidUrl { reason },
            NormalizeError::UnknownLanguage { .. } => Self::UnknownLanguage(error),
            NormalizeError::TooDeep { .. } => Self::TooDeep(error),
        }
    }
}

impl From<NormalizeError> for RequestError {
    fn from(error: NormalizeError) -> Self {
        Self::from_pipeline(error, "article.text")
    }
}

impl From<RequestError> for Status {
    fn from(error: RequestError) -> Self {
        let message = error.to_string();
        Status::with_error_details(
            Code::InvalidArgument,
            message.clone(),
            ErrorDetails::with_bad_request_violation(error.field(), message),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_invalid_argument_with_a_field_violation() {
        let status = Status::from(RequestError::BlankContent {
            field: "article.text",
        });
        assert_eq!(status.code(), Code::InvalidArgument);
        assert_eq!(status.message(), "article.text is blank");
        let details = status.get_error_details();
        let violations = &details.bad_request().expect("bad request").field_violations;
        assert_eq!(violations[0].field, "article.text");
    }

    #[test]
    fn an_unknown_language_names_its_position() {
        let error = RequestError::from(NormalizeError::UnknownLanguage {
            index: 2,
            code: "xx".into(),
        });
        assert_eq!(error.field(), "options.languages[2]");
        assert!(
            error.to_string().starts_with("options.languages[2] `xx`"),
            "{error}"
        );
    }

    #[test]
    fn a_page_without_text_or_nesting_too_deep_names_the_html_field() {
        let empty = RequestError::from_pipeline(NormalizeError::BlankText, "article.html");
        assert_eq!(empty.to_string(), "article.html holds no article text");
        let deep = RequestError::from_pipeline(NormalizeError::TooDeep { limit: 512 }, "article.html");
        assert_eq!(deep.field(), "article.html");
        assert_eq!(
            deep.to_string(),
            "article.html nests elements deeper than 512 levels"
        );
        assert_eq!(Status::from(deep).code(), Code::InvalidArgument);
    }

    #[test]
    fn the_size_error_names_the_limit() {
        let error = RequestError::TooLarge {
            field: "article.text",
            size: 11,
            limit: 10,
        };
        assert_eq!(
            error.to_string(),
            "article.text is 11 bytes, over the limit of 10 bytes (limits.max_article_bytes)"
        );
    }
}
