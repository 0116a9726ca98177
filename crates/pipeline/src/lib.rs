//! The article normalization pipeline: raw scraped text in, one clean
//! structured [`Article`] out. Pure functions, no I/O, no async: the server,
//! the CLI and benches all call [`normalize_text`].
//!
//! # Layout
//! - `article`: the record the pipeline produces.
//! - `document`: the blocks being classified, and the record being filled.
//! - `markers`: the marker words of each language, as data tables.
//! - One module per stage, run in this order:
//!   1. `unicode`: NFC, line ends, invisible characters, spacing.
//!   2. `blocks`: paragraphs, list items and labelled lines.
//!   3. `boilerplate`: share and like widgets, social bars, CMS furniture.
//!   4. `headline`: title, authors, publisher and republishers.
//!   5. `see_also`: "See also" links, inline or under a heading.
//!   6. `captions`: image captions, once each, without credits.
//!   7. `commentary`: editorial commentary blocks.
//!   8. (assembly: body and removed blocks in document order)
//!   9. `language`: the body's language.
//!   10. `fingerprint`: hashes for de-duplication.
//!
//! Boilerplate runs before "See also" so that a heading followed only by
//! widgets is known to be empty, and both run before commentary so that a
//! `Comment:` block stops at the first trailer.

mod article;
mod blocks;
mod boilerplate;
mod captions;
mod commentary;
mod document;
mod error;
mod fingerprint;
mod headline;
mod language;
mod markers;
mod see_also;
mod unicode;

pub use article::{Article, Caption, Commentary, Fingerprint, Language, Link, Removed, RemovedKind};
pub use error::NormalizeError;

use document::Document;

/// Normalizes a plain-text article.
///
/// # Errors
/// [`NormalizeError::BlankText`] when the text holds nothing but spaces,
/// control or invisible characters.
pub fn normalize_text(raw: &str) -> Result<Article, NormalizeError> {
    let text = unicode::normalize(raw);
    let blocks = blocks::segment(&text);
    if blocks.is_empty() {
        return Err(NormalizeError::BlankText);
    }
    let mut doc = Document::new(blocks);
    boilerplate::apply(&mut doc);
    headline::apply(&mut doc);
    see_also::apply(&mut doc);
    captions::apply(&mut doc);
    commentary::apply(&mut doc);
    doc.assemble();
    language::apply(&mut doc);
    fingerprint::apply(&mut doc);
    Ok(doc.article)
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
