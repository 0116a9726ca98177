//! Stage 4: headline and byline. Takes the first block as the headline when
//! it reads like one, and splits off a byline printed on the same line
//! (`Headline – By A and B (Outlet) (Republisher)`) or on the next line
//! (`By A (Outlet)`). The first parenthesis names the publisher, the later
//! ones the republishers.

use crate::{
    document::{Document, Role},
    markers,
};

/// A headline is at most this long; a longer first block is body text.
const MAX_HEADLINE_CHARS: usize = 400;

/// Fills title, authors, publisher and republishers.
pub(crate) fn apply(doc: &mut Document) {
    let Some(first) = doc.blocks.iter().position(|block| block.is_body()) else {
        return;
    };
    let text = doc.blocks[first].text.clone();
    if doc.blocks[first].list_item || text.chars().count() > MAX_HEADLINE_CHARS {
        return;
    }
    let (title, byline) = split_headline(&text);
    if byline.is_none() && text.ends_with('.') {
        return;
    }
    doc.blocks[first].role = Role::Headline;
    doc.article.title = title.to_owned();
    let byline = byline.or_else(|| {
        let next = doc.blocks.get(first + 1).filter(|block| block.is_body())?;
        let byline = markers::strip_byline_opener(&next.text)?.to_owned();
        doc.blocks[first + 1].role = Role::Byline;
        Some(byline)
    });
    if let Some(byline) = byline {
        let (names, outlets) = split_outlets(&byline);
        doc.article.authors = markers::split_names(names);
        let mut outlets = outlets.into_iter();
        doc.article.publisher = outlets.next().unwrap_or_default();
        doc.article.republishers = outlets.collect();
    }
}

/// Splits `Headline – By Names (Outlets)` into the headline and the byline
/// after its opener.
fn split_headline(text: &str) -> (&str, Option<String>) {
    for separator in markers::BYLINE_SEPARATORS {
        for (at, _) in text.match_indices(separator) {
            let after = &text[at + separator.len()..];
            if let Some(byline) = markers::strip_byline_opener(after) {
                return (text[..at].trim(), Some(byline.to_owned()));
            }
        }
    }
    (text, None)
}

/// Splits `Names (Outlet) (Republisher)` into the names and the outlets in order.
fn split_outlets(byline: &str) -> (&str, Vec<String>) {
    let mut rest = byline.trim_end();
    let mut outlets = Vec::new();
    while let Some(inner) = rest.strip_suffix(')') {
        let Some(open) = inner.rfind('(') else { break };
        let outlet = inner[open + 1..].trim();
        if !outlet.is_empty() {
            outlets.push(outlet.to_owned());
        }
        rest = inner[..open].trim_end();
    }
    outlets.reverse();
    (rest, outlets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Document {
        let mut doc = Document::from_texts(texts);
        apply(&mut doc);
        doc
    }

    #[test]
    fn a_byline_on_the_headline_line_gives_authors_publisher_and_republishers() {
        let doc = run(&[
            "Dam opens – By Ann Lee and Bo Park (River Post) (Digest)",
            "Body.",
        ]);
        assert_eq!(doc.article.title, "Dam opens");
        assert_eq!(doc.article.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(doc.article.publisher, "River Post");
        assert_eq!(doc.article.republishers, ["Digest"]);
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Body."]);
    }

    #[test]
    fn every_separator_is_understood() {
        for separator in ["-", "–", "—", "|"] {
            let doc = run(&[&format!("Dam opens {separator} By Ann Lee")]);
            assert_eq!(doc.article.title, "Dam opens", "{separator}");
            assert_eq!(doc.article.authors, ["Ann Lee"], "{separator}");
        }
    }

    #[test]
    fn a_byline_on_the_next_line_is_taken_too() {
        let doc = run(&["Dam opens", "By Ann Lee (River Post)", "Body."]);
        assert_eq!(doc.article.title, "Dam opens");
        assert_eq!(doc.article.authors, ["Ann Lee"]);
        assert_eq!(doc.article.publisher, "River Post");
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Body."]);
    }

    #[test]
    fn a_dash_inside_the_headline_is_not_a_byline() {
        let doc = run(&["Cold snap – and by Friday, snow", "Body."]);
        assert_eq!(doc.article.title, "Cold snap – and by Friday, snow");
        assert!(doc.article.authors.is_empty());
    }

    #[test]
    fn a_first_block_that_reads_like_a_sentence_is_not_a_headline() {
        let doc = run(&["The dam opened on Monday.", "More."]);
        assert_eq!(doc.article.title, "");
        assert_eq!(doc.body_texts().count(), 2);
    }
}
