//! The article normalization pipeline: raw scraped text in, one clean
//! structured [`Article`] out. Pure functions, no I/O, no async: the server,
//! the CLI and benches all call [`normalize`].
//!
//! # Layout
//! - `article`: the record the pipeline produces.
//! - `document`: the input, the blocks being classified, and the record
//!   being filled: what every stage reads and writes.
//! - `charset`: the step before `html` for a page sent as bytes: which
//!   charset it is in ([`decode_page`]), and the page as text.
//! - `mojibake`: the step before every stage: UTF-8 that a scraper read
//!   as windows-1252 and wrote out again (`donâ€™t`), read back as meant.
//! - `markers`: the marker words of each language, as data tables, and the
//!   engine that matches them.
//! - `byline`: names as a person writes them, agencies apart, and the
//!   author-and-affiliation line (for `headline` and `credits`).
//! - `stages`: [`Stage::ALL`](stages::Stage::ALL), the order of the stages,
//!   written once; and a way to run them one at a time for the benches.
//! - One module per stage, named as the stage and its span: `canonical_url`,
//!   `unicode`, `blocks` (plain text), `html`, `page` (HTML), `boilerplate`,
//!   `timestamps`,
//!   `headline`, `credits`, `trailers`, `see_also`, `captions`, `commentary`, assembly
//!   (in `document`), `language`, `fingerprint`, `stats`. Each module's
//!   header says what the stage reads and what it writes.
//!
//! Each stage runs in a `tracing` span named after it (target
//! `normalizer_pipeline`), with what it found as fields (sizes and counts,
//! never article text), so a caller's trace shows which stage took the time;
//! the server's per-stage metrics are labelled with the same names.
//!
//! Boilerplate runs before "See also" so that a heading followed only by
//! widgets is known to be empty; credits run after the headline so that a
//! byline wins over a trailer; all of them run before commentary so that a
//! `Comment:` block stops at the first trailer.

mod article;
mod blocks;
mod boilerplate;
mod byline;
mod canonical_url;
mod captions;
mod charset;
mod commentary;
mod credits;
mod document;
mod error;
mod fingerprint;
mod headline;
mod html;
mod language;
mod markers;
mod mojibake;
mod page;
mod see_also;
#[doc(hidden)]
pub mod stages;
mod stats;
mod timestamps;
mod trailers;
mod unicode;

pub use article::{
    Article, Caption, Commentary, Fingerprint, Language, Link, PageType, ReaderComment, Removed, RemovedKind,
    Stats,
};
pub use charset::{CharsetSource, DecodedPage, SourceCharset, decode_page};
pub use error::{NormalizeError, UnknownLanguage};
pub use html::MAX_NESTING_DEPTH;
pub use language::LanguageAllowlist;

use document::{Document, Role};
use stages::Stage;
use tracing::{Span, field::Empty, info_span};

/// An article as scraped.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    /// The article: plain text, or the page's HTML (see `format`).
    pub text: &'a str,
    /// Where it was scraped from; empty when unknown.
    pub url: &'a str,
    /// Whether `text` is plain text or HTML.
    pub format: Format,
    /// The charset `text` was read in: [`SourceCharset::UTF8_STRING`] for a
    /// string, what [`decode_page`] says for a page sent as bytes. Copied
    /// into the record.
    pub charset: SourceCharset,
}

/// What an [`Input`] holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines, or one per line.
    #[default]
    Text,
    /// A web page as fetched.
    Html,
}

/// How to normalize.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The languages the detector may choose from; empty for all.
    pub languages: LanguageAllowlist,
}

/// Normalizes an article, plain text or HTML: every stage of [`Stage::ALL`]
/// that reads its format, in order.
///
/// # Errors
/// [`NormalizeError::BlankText`] when the text (or the page's main content)
/// holds nothing but spaces, control or invisible characters;
/// [`NormalizeError::InvalidUrl`] when the URL is not absolute;
/// [`NormalizeError::TooDeep`] when a page nests elements deeper than
/// [`MAX_NESTING_DEPTH`].
pub fn normalize(input: &Input<'_>, options: &Options) -> Result<Article, NormalizeError> {
    let (text, repaired_characters) = mojibake::repair(input.text);
    let input = Input {
        text: &text,
        charset: SourceCharset {
            repaired_characters,
            ..input.charset
        },
        ..*input
    };
    let mut doc = Document::new(input);
    for stage in Stage::ALL {
        if stage.reads(input.format) {
            run_stage(stage, &mut doc, options)?;
        }
    }
    Ok(doc.article)
}

/// Runs one stage of [`Stage::ALL`] on `doc` in its span, named as
/// [`Stage::name`] says (a span's name must be a literal).
///
/// # Errors
/// What the stages that can refuse an input refuse.
fn run_stage(stage: Stage, doc: &mut Document<'_>, options: &Options) -> Result<(), NormalizeError> {
    match stage {
        Stage::CanonicalUrl => in_span(info_span!("canonical_url"), |_| canonical_url::apply(doc))?,
        Stage::Unicode => in_span(
            info_span!(
                "unicode",
                bytes_in = as_i64(doc.input.text.len()),
                bytes_out = Empty
            ),
            |span| {
                unicode::apply(doc);
                span.record("bytes_out", as_i64(doc.text.len()));
            },
        ),
        Stage::Blocks => in_span(info_span!("blocks", blocks = Empty), |span| {
            blocks::apply(doc);
            span.record("blocks", as_i64(doc.blocks.len()));
        }),
        Stage::Html => in_span(
            info_span!("html", bytes_in = as_i64(doc.input.text.len()), blocks = Empty),
            |span| {
                html::apply(doc)?;
                span.record("blocks", as_i64(doc.blocks.len()));
                Ok::<_, NormalizeError>(())
            },
        )?,
        Stage::Page => in_span(info_span!("page", published = Empty), |span| {
            page::apply(doc);
            span.record("published", doc.article.published_at.is_some());
        }),
        Stage::Boilerplate => in_span(info_span!("boilerplate", removed = Empty), |span| {
            boilerplate::apply(doc);
            span.record(
                "removed",
                as_i64(doc.count(|role| matches!(role, Role::Removed(_)))),
            );
        }),
        Stage::Timestamps => in_span(info_span!("timestamps", published = Empty), |span| {
            timestamps::apply(doc);
            span.record("published", doc.article.published_at.is_some());
        }),
        Stage::Headline => in_span(info_span!("headline", title = Empty, authors = Empty), |span| {
            headline::apply(doc);
            span.record("title", !doc.article.title.is_empty());
            span.record("authors", as_i64(doc.article.authors.len()));
        }),
        Stage::Credits => in_span(info_span!("credits", trailers = Empty), |span| {
            credits::apply(doc);
            span.record(
                "trailers",
                as_i64(doc.count(|role| role == Role::Removed(RemovedKind::CreditTrailer))),
            );
        }),
        Stage::Trailers => in_span(info_span!("trailers", removed = Empty), |span| {
            trailers::apply(doc);
            span.record(
                "removed",
                as_i64(doc.count(|role| {
                    matches!(
                        role,
                        Role::Removed(
                            RemovedKind::ContributorLine
                                | RemovedKind::Copyright
                                | RemovedKind::Republication
                        )
                    )
                })),
            );
        }),
        Stage::SeeAlso => in_span(info_span!("see_also", links = Empty), |span| {
            see_also::apply(doc);
            span.record("links", as_i64(doc.article.see_also.len()));
        }),
        Stage::Captions => in_span(info_span!("captions", captions = Empty), |span| {
            captions::apply(doc);
            span.record("captions", as_i64(doc.article.captions.len()));
        }),
        Stage::Commentary => in_span(info_span!("commentary", blocks = Empty), |span| {
            commentary::apply(doc);
            span.record("blocks", as_i64(doc.article.commentary.len()));
        }),
        Stage::Assembly => in_span(info_span!("assembly", paragraphs = Empty), |span| {
            doc.assemble();
            span.record("paragraphs", as_i64(doc.article.body.len()));
        }),
        Stage::Language => in_span(
            info_span!("language", language = Empty, reliable = Empty),
            |span| {
                language::apply(doc, &options.languages);
                span.record("language", doc.article.language.code.as_str());
                span.record("reliable", doc.article.language.reliable);
            },
        ),
        Stage::Fingerprint => in_span(info_span!("fingerprint"), |_| fingerprint::apply(doc)),
        Stage::Stats => in_span(info_span!("stats", words = Empty), |span| {
            stats::apply(doc);
            span.record("words", i64::from(doc.article.stats.words));
        }),
    }
    if stage.segments() && doc.blocks.is_empty() {
        return Err(NormalizeError::BlankText);
    }
    Ok(())
}

/// A count as a span attribute: OpenTelemetry integers are signed.
fn as_i64(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// Runs one stage inside its span, which closes when the stage ends: the
/// span's length is the stage's duration in traces and metrics.
fn in_span<T>(span: Span, run: impl FnOnce(&Span) -> T) -> T {
    span.in_scope(|| run(&span))
}

/// Normalizes plain text with no URL and the default options.
///
/// # Errors
/// As [`normalize`].
pub fn normalize_text(text: &str) -> Result<Article, NormalizeError> {
    normalize(
        &Input {
            text,
            ..Input::default()
        },
        &Options::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_only_text_is_rejected() {
        assert_eq!(normalize_text(" \n\t\u{200B}\n "), Err(NormalizeError::BlankText));
    }

    #[test]
    fn the_same_story_with_other_junk_and_spacing_has_the_same_fingerprint() {
        let clean = normalize_text("Bridge reopens\n\nThe bridge reopened on Monday.\n\nTraffic was light.")
            .expect("clean");
        let noisy = normalize_text(
            "Bridge  reopens\r\n\r\nShare this:\r\n\r\nThe bridge\u{00A0}reopened\non Monday.\r\n\r\n  Traffic was light. \r\n\r\nLike Loading...\r\n",
        )
        .expect("noisy");
        assert_eq!(clean.body, noisy.body);
        assert_eq!(clean.fingerprint, noisy.fingerprint);
    }
}
