//! The article normalization pipeline: raw scraped text in, one clean
//! structured [`Article`] out. Pure functions, no I/O, no async: the server,
//! the CLI and benches all call [`normalize`].
//!
//! # Layout
//! - `article`: the record the pipeline produces.
//! - `document`: the blocks being classified, and the record being filled.
//! - `markers`: the marker words of each language, as data tables.
//! - `stages`: the order of the stages after segmentation, and a way to run
//!   them one at a time for the benches (hidden; not part of the API).
//! - One module per stage, run in this order:
//!   0. `canonical_url`: the article URL without tracking parameters.
//!   1. `unicode`: NFC, line ends, invisible characters, spacing.
//!   2. `blocks`: paragraphs, list items and labelled lines.
//!      For HTML, `html` replaces 1 and 2: the page's metadata, and the
//!      blocks of its main content and of the boxes it marks.
//!   3. `boilerplate`: share and like widgets, social bars, CMS furniture.
//!   4. `headline`: title, authors, publisher and republishers.
//!   5. `credits`: wire credit trailers, and authors from them.
//!   6. `see_also`: "See also" links, inline or under a heading.
//!   7. `captions`: image captions, once each, without credits.
//!   8. `commentary`: editorial commentary blocks.
//!   9. (assembly: body and removed blocks in document order)
//!   10. `language`: the body's language.
//!   11. `fingerprint`: hashes for de-duplication.
//!   12. `stats`: sizes of the body.
//!
//! Each stage runs in a `tracing` span named after its module (target
//! `normalizer_pipeline`), with what it found as fields (sizes and counts,
//! never article text), so a caller's trace shows which stage took the time.
//!
//! Boilerplate runs before "See also" so that a heading followed only by
//! widgets is known to be empty; credits run after the headline so that a
//! byline wins over a trailer; all of them run before commentary so that a
//! `Comment:` block stops at the first trailer.

mod article;
mod blocks;
mod boilerplate;
mod canonical_url;
mod captions;
mod commentary;
mod credits;
mod document;
mod error;
mod fingerprint;
mod headline;
mod html;
mod language;
mod markers;
mod see_also;
#[doc(hidden)]
pub mod stages;
mod stats;
mod unicode;

pub use article::{Article, Caption, Commentary, Fingerprint, Language, Link, Removed, RemovedKind, Stats};
pub use error::NormalizeError;
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

/// Normalizes an article, plain text or HTML.
///
/// # Errors
/// [`NormalizeError::BlankText`] when the text (or the page's main content)
/// holds nothing but spaces, control or invisible characters;
/// [`NormalizeError::InvalidUrl`] when the URL is not absolute;
/// [`NormalizeError::TooDeep`] when a page nests elements deeper than
/// [`MAX_NESTING_DEPTH`].
pub fn normalize(input: &Input<'_>, options: &Options) -> Result<Article, NormalizeError> {
    let url = in_span(info_span!("canonical_url"), |_| {
        canonical_url::canonicalize(input.url)
    })
    .map_err(|error| NormalizeError::InvalidUrl {
        reason: error.to_string(),
    })?;
    let (blocks, page) = match input.format {
        Format::Text => (text_blocks(input.text), None),
        Format::Html => {
            let page = in_span(
                info_span!("html", bytes_in = as_i64(input.text.len()), blocks = Empty),
                |span| {
                    let page = html::extract(input.text, &url)?;
                    span.record("blocks", as_i64(page.blocks.len()));
                    Ok::<_, NormalizeError>(page)
                },
            )?;
            (page.blocks, Some(page.metadata))
        }
    };
    if blocks.is_empty() {
        return Err(NormalizeError::BlankText);
    }
    let mut doc = Document::new(blocks);
    doc.article.url = match page.as_ref().and_then(|page| page.canonical_url.as_deref()) {
        Some(canonical) => canonical_url::canonicalize(canonical).unwrap_or(url),
        None => url,
    };
    doc.article.published_at = page
        .as_ref()
        .and_then(|page| page.published_at)
        .map(std::time::SystemTime::from);
    doc.page = page;
    for stage in Stage::ALL {
        run_stage(stage, &mut doc, options);
    }
    Ok(doc.article)
}

/// Stages 1 and 2 for plain text: normalized Unicode cut into blocks.
fn text_blocks(text: &str) -> Vec<document::Block> {
    let text = in_span(
        info_span!("unicode", bytes_in = as_i64(text.len()), bytes_out = Empty),
        |span| {
            let text = unicode::normalize(text);
            span.record("bytes_out", as_i64(text.len()));
            text
        },
    );
    in_span(info_span!("blocks", blocks = Empty), |span| {
        let blocks = blocks::segment(&text);
        span.record("blocks", as_i64(blocks.len()));
        blocks
    })
}

/// Runs one stage of [`Stage::ALL`] on `doc` in its span.
fn run_stage(stage: Stage, doc: &mut Document, options: &Options) {
    match stage {
        Stage::Boilerplate => in_span(info_span!("boilerplate", removed = Empty), |span| {
            boilerplate::apply(doc);
            span.record(
                "removed",
                as_i64(doc.count(|role| matches!(role, Role::Removed(_)))),
            );
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
        Stage::Assembly => doc.assemble(),
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
