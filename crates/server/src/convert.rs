//! Conversions between the wire types of `newsroom.normalizer.v1` and the
//! pipeline's own types, in one place: requests are parsed into an
//! [`ArticleInput`] that is valid by construction, records are mapped onto
//! `NormalizedArticle`.

use normalizer_pipeline::{Article, CharsetSource, LanguageAllowlist, Options, PageType, SourceCharset};
use normalizer_proto::v1 as pb;

use crate::error::{ContentField, ServiceError};

/// A request that passed every check: an article the pipeline can take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInput {
    /// The caller's id, echoed.
    pub id: String,
    /// The caller's URL, canonicalized by the pipeline.
    pub url: String,
    /// The plain text or the page, not blank and within the size limit.
    pub content: Content,
    /// The field `content` came in, which says whether it is text or HTML.
    pub field: ContentField,
    /// The request's own options; `None` for the server's defaults.
    pub options: Option<Options>,
}

/// An article's content as the request carried it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// A string: UTF-8 already (`text`, `html`).
    Utf8(String),
    /// A page as fetched (`html_bytes`), decoded on the worker pool by
    /// [`normalizer_pipeline::decode_page`].
    Bytes {
        /// The page's bytes.
        bytes: Vec<u8>,
        /// `RawArticle.content_type`, empty when not given.
        content_type: String,
    },
}

impl Content {
    /// Its size in bytes, as sent (what `limits.max_article_bytes` counts).
    pub fn size(&self) -> usize {
        match self {
            Self::Utf8(text) => text.len(),
            Self::Bytes { bytes, .. } => bytes.len(),
        }
    }

    /// Whether it holds nothing but spaces (for bytes, ASCII spaces: a
    /// page in another charset is decoded later, on the worker pool).
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Utf8(text) => text.trim().is_empty(),
            Self::Bytes { bytes, .. } => bytes.trim_ascii().is_empty(),
        }
    }
}

impl ArticleInput {
    /// Parses a request, refusing what the service cannot take.
    ///
    /// # Errors
    /// A [`ServiceError`] naming the field that is missing, blank, too large
    /// or not supported.
    pub fn parse(request: pb::NormalizeRequest, max_article_bytes: usize) -> Result<Self, ServiceError> {
        let article = request.article.ok_or(ServiceError::MissingArticle)?;
        let options = match request.options {
            Some(options) if !options.languages.is_empty() => Some(Options {
                languages: LanguageAllowlist::parse(&options.languages)
                    .map_err(ServiceError::UnknownLanguage)?,
            }),
            _ => None,
        };
        let (content, field) = match article.content {
            None => return Err(ServiceError::MissingContent),
            Some(pb::raw_article::Content::Html(html)) => (Content::Utf8(html), ContentField::Html),
            Some(pb::raw_article::Content::Text(text)) => (Content::Utf8(text), ContentField::Text),
            Some(pb::raw_article::Content::HtmlBytes(bytes)) => (
                Content::Bytes {
                    bytes,
                    content_type: article.content_type,
                },
                ContentField::HtmlBytes,
            ),
        };
        if content.size() > max_article_bytes {
            return Err(ServiceError::TooLarge {
                field,
                size: content.size(),
                limit: max_article_bytes,
            });
        }
        if content.is_blank() {
            return Err(ServiceError::BlankContent { field });
        }
        Ok(Self {
            id: article.id,
            url: article.url,
            content,
            field,
            options,
        })
    }
}

/// The wire value of a page type.
fn page_type(kind: PageType) -> pb::PageType {
    match kind {
        PageType::Unspecified => pb::PageType::Unspecified,
        PageType::Article => pb::PageType::Article,
        PageType::Listing => pb::PageType::Listing,
        PageType::Forum => pb::PageType::Forum,
        PageType::Product => pb::PageType::Product,
        PageType::Collection => pb::PageType::Collection,
        PageType::Documentation => pb::PageType::Documentation,
        PageType::Service => pb::PageType::Service,
    }
}

/// Maps a pipeline record onto the wire type, with the caller's id.
pub fn to_proto(id: String, article: Article) -> pb::NormalizedArticle {
    let paragraphs = |texts: Vec<String>| texts.into_iter().map(|text| pb::Paragraph { text }).collect();
    pb::NormalizedArticle {
        id,
        url: article.url,
        title: article.title,
        published_at: article.published_at.map(Into::into),
        published_at_local: article.published_at_local.unwrap_or_default(),
        updated_at: article.updated_at.map(Into::into),
        page_type: page_type(article.page_type).into(),
        authors: article.authors,
        publisher: article.publisher,
        republishers: article.republishers,
        body: paragraphs(article.body),
        captions: article
            .captions
            .into_iter()
            .map(|caption| pb::Caption {
                text: caption.text,
                occurrences: caption.occurrences,
            })
            .collect(),
        commentary: article
            .commentary
            .into_iter()
            .map(|commentary| pb::Commentary {
                label: commentary.label,
                paragraphs: paragraphs(commentary.paragraphs),
            })
            .collect(),
        reader_comments: article
            .reader_comments
            .into_iter()
            .map(|comment| pb::ReaderComment {
                author: comment.author,
                posted_at: comment.posted_at,
                paragraphs: paragraphs(comment.paragraphs),
            })
            .collect(),
        language: Some(pb::Language {
            code: article.language.code,
            script: article.language.script,
            confidence: article.language.confidence,
            reliable: article.language.reliable,
            iso639_3: article.language.iso639_3,
        }),
        see_also: article
            .see_also
            .into_iter()
            .map(|link| pb::Link {
                text: link.text,
                url: link.url,
            })
            .collect(),
        removed: article
            .removed
            .into_iter()
            .map(|removed| pb::Removed {
                kind: removed.kind.as_str().to_owned(),
                text: removed.text,
            })
            .collect(),
        source_charset: Some(charset_to_proto(article.source_charset)),
        fingerprint: Some(pb::Fingerprint {
            body_sha256: article.fingerprint.body_sha256,
            simhash: article.fingerprint.simhash,
        }),
        stats: Some(pb::Stats {
            paragraphs: article.stats.paragraphs,
            words: article.stats.words,
            characters: article.stats.characters,
        }),
    }
}

/// Maps the charset an article was read in onto the wire type.
pub fn charset_to_proto(charset: SourceCharset) -> pb::SourceCharset {
    let chosen_by = match charset.chosen_by {
        CharsetSource::String => pb::CharsetSource::String,
        CharsetSource::ByteOrderMark => pb::CharsetSource::ByteOrderMark,
        CharsetSource::ContentType => pb::CharsetSource::ContentType,
        CharsetSource::MetaTag => pb::CharsetSource::MetaTag,
        CharsetSource::Detected => pb::CharsetSource::Detected,
    };
    pb::SourceCharset {
        name: charset.name.to_owned(),
        chosen_by: chosen_by.into(),
        replaced_malformed: charset.replaced_malformed,
        repaired_characters: charset.repaired_characters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(content: Option<pb::raw_article::Content>) -> pb::NormalizeRequest {
        pb::NormalizeRequest {
            article: Some(pb::RawArticle {
                id: "a1".into(),
                url: "https://news.example/a1".into(),
                content,
                content_type: String::new(),
            }),
            options: None,
        }
    }

    fn text(text: &str) -> Option<pb::raw_article::Content> {
        Some(pb::raw_article::Content::Text(text.into()))
    }

    #[test]
    fn a_text_article_is_accepted_with_its_id_and_url() {
        let input = ArticleInput::parse(request(text("Body.")), 100).expect("valid");
        assert_eq!(input.id, "a1");
        assert_eq!(input.url, "https://news.example/a1");
        assert_eq!(input.content, Content::Utf8("Body.".into()));
    }

    #[test]
    fn each_bad_request_names_its_field() {
        assert_eq!(
            ArticleInput::parse(
                pb::NormalizeRequest {
                    article: None,
                    options: None
                },
                100
            ),
            Err(ServiceError::MissingArticle)
        );
        assert_eq!(
            ArticleInput::parse(request(None), 100),
            Err(ServiceError::MissingContent)
        );
        assert_eq!(
            ArticleInput::parse(request(text(" \n\t ")), 100),
            Err(ServiceError::BlankContent {
                field: ContentField::Text
            })
        );
        assert_eq!(
            ArticleInput::parse(request(text("0123456789!")), 10),
            Err(ServiceError::TooLarge {
                field: ContentField::Text,
                size: 11,
                limit: 10
            })
        );
        assert_eq!(
            ArticleInput::parse(request(Some(pb::raw_article::Content::Html(" \n".into()))), 100),
            Err(ServiceError::BlankContent {
                field: ContentField::Html
            })
        );
        let html = ArticleInput::parse(
            request(Some(pb::raw_article::Content::Html("<p>x</p>".into()))),
            100,
        )
        .expect("html is taken");
        assert_eq!(
            (html.content, html.field),
            (Content::Utf8("<p>x</p>".into()), ContentField::Html)
        );
    }

    #[test]
    fn a_page_as_bytes_keeps_its_bytes_and_content_type_and_counts_its_size_in_bytes() {
        let mut with_bytes = request(Some(pb::raw_article::Content::HtmlBytes(
            b"<p>caf\xE9</p>".to_vec(),
        )));
        if let Some(article) = with_bytes.article.as_mut() {
            article.content_type = "text/html; charset=iso-8859-1".into();
        }
        let input = ArticleInput::parse(with_bytes.clone(), 100).expect("bytes are taken");
        assert_eq!(input.field, ContentField::HtmlBytes);
        assert_eq!(
            input.content,
            Content::Bytes {
                bytes: b"<p>caf\xE9</p>".to_vec(),
                content_type: "text/html; charset=iso-8859-1".into()
            }
        );
        assert_eq!(
            ArticleInput::parse(with_bytes, 5),
            Err(ServiceError::TooLarge {
                field: ContentField::HtmlBytes,
                size: 11,
                limit: 5
            })
        );
        assert_eq!(
            ArticleInput::parse(
                request(Some(pb::raw_article::Content::HtmlBytes(b" \r\n".to_vec()))),
                100
            ),
            Err(ServiceError::BlankContent {
                field: ContentField::HtmlBytes
            })
        );
    }

    #[test]
    fn the_charset_a_record_was_read_in_is_carried_over() {
        let record = to_proto(String::new(), Article::default());
        let charset = record.source_charset.expect("always set");
        assert_eq!(charset.name, "UTF-8");
        assert_eq!(charset.chosen_by(), pb::CharsetSource::String);
    }

    #[test]
    fn the_publication_time_keeps_its_nanoseconds_before_the_epoch_too() {
        let before_epoch = chrono::DateTime::from_timestamp(-2, 500_000_000).expect("a time");
        let record = to_proto(
            String::new(),
            Article {
                published_at: Some(before_epoch),
                ..Article::default()
            },
        );
        let published = record.published_at.expect("a timestamp");
        assert_eq!((published.seconds, published.nanos), (-2, 500_000_000));
    }

    #[test]
    fn the_local_publication_and_the_last_change_are_carried_over() {
        let changed = chrono::DateTime::from_timestamp(1_715_940_000, 0).expect("a time");
        let record = to_proto(
            String::new(),
            Article {
                published_at_local: Some("2024-05-17T10:04:00+02:00".into()),
                updated_at: Some(changed),
                ..Article::default()
            },
        );
        assert_eq!(record.published_at_local, "2024-05-17T10:04:00+02:00");
        assert_eq!(record.updated_at.map(|at| at.seconds), Some(1_715_940_000));
        assert_eq!(to_proto(String::new(), Article::default()).published_at_local, "");
    }

    #[test]
    fn request_languages_are_parsed_and_an_unknown_one_is_refused() {
        let mut with_languages = request(text("Body."));
        with_languages.options = Some(pb::NormalizeOptions {
            languages: vec!["de".into(), "fra".into()],
        });
        let input = ArticleInput::parse(with_languages.clone(), 100).expect("valid");
        assert!(input.options.is_some_and(|options| !options.languages.is_empty()));
        with_languages.options = Some(pb::NormalizeOptions {
            languages: vec!["de".into(), "zz".into()],
        });
        let error = ArticleInput::parse(with_languages, 100).expect_err("unknown");
        assert!(
            error.to_string().starts_with("options.languages[1] `zz`"),
            "{error}"
        );
    }

    #[test]
    fn a_record_maps_every_field() {
        let article = normalizer_pipeline::normalize_text(
            "Dam opens – By Ann Lee (River Post) (Digest)\n\nThe dam opened on Monday after years of work on the river.\n\nComment: A view.\n\nSee also: Floods\n\nShare this:",
        )
        .expect("record");
        let record = to_proto("a1".into(), article);
        assert_eq!(record.id, "a1");
        assert_eq!(record.title, "Dam opens");
        assert_eq!(record.authors, ["Ann Lee"]);
        assert_eq!(record.publisher, "River Post");
        assert_eq!(record.republishers, ["Digest"]);
        assert_eq!(record.body.len(), 1);
        assert_eq!(record.commentary[0].label, "Comment");
        assert_eq!(record.see_also[0].text, "Floods");
        assert_eq!(record.removed[0].kind, "share_widget");
        assert_eq!(record.fingerprint.map(|f| f.body_sha256.len()), Some(64));
    }

    #[test]
    fn reader_comments_map_with_their_author_time_and_paragraphs() {
        let page = r#"<html><body><article><h1>Dam opens</h1>
            <p>The dam opened on Monday after years of work on the river and a long dispute over its cost.</p>
            <p>Engineers expect the reservoir to fill over two winters, the water board said on Monday.</p></article>
            <ol class="comment-list"><li class="comment"><b class="fn">Bo Park</b>
            <time datetime="2026-05-02">2 May</time><div class="comment-content"><p>At last.</p></div></li></ol>
            </body></html>"#;
        let article = normalizer_pipeline::normalize(
            &normalizer_pipeline::Input {
                text: page,
                format: normalizer_pipeline::Format::Html,
                ..normalizer_pipeline::Input::default()
            },
            &Options::default(),
        )
        .expect("record");
        let record = to_proto("a1".into(), article);
        assert_eq!(
            record.reader_comments,
            [pb::ReaderComment {
                author: "Bo Park".into(),
                posted_at: "2026-05-02".into(),
                paragraphs: vec![pb::Paragraph {
                    text: "At last.".into()
                }],
            }]
        );
    }
}
