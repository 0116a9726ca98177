//! Trailers at the end of an article that are not the reporting: lines
//! crediting contributors (`A in Boston contributed to this report`,
//! `Mit Material von dpa`), copyright and redistribution notices
//! (`Copyright 2026 Agency. All rights reserved.`), and republication
//! trailers naming the outlet that first published the article (`This
//! article is republished from Outlet under a Creative Commons license.`),
//! which make that outlet the publisher and the one named before it a
//! republisher.
//!
//! Reads: the last body blocks, `Article::publisher` and
//! `Article::republishers`. Writes: `Role::Removed` (`contributor_line`,
//! `copyright`, `republication`), `Article::publisher` and
//! `Article::republishers`.

use crate::{
    article::{Article, RemovedKind},
    document::{Document, Role},
    markers,
};

/// Trailers stand among the last this many blocks of an article.
const TRAILER_WINDOW: usize = 6;

/// A trailer is at most this long; a longer block is reporting.
const MAX_TRAILER_CHARS: usize = 400;

/// An outlet's name is at most this long.
const MAX_OUTLET_CHARS: usize = 80;

/// A copyright notice names its year within this many characters.
const YEAR_WITHIN: usize = 30;

/// How a copyright notice opens, folded: `©`, `(c)`, `Copyright`.
const COPYRIGHT_OPENERS: &[&str] = &["©", "(c)", "copyright"];

/// Lower-case words that may stand inside an outlet's name
/// (`Museum of London`, `Le Journal de Montréal`).
const OUTLET_CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "&", "de", "del", "des", "du", "la", "le", "les", "di", "dei", "degli",
    "della", "delle", "dello", "van", "der", "den", "het", "von", "y", "e", "do", "dos", "da", "das",
];

/// Marks the trailers as removed, and makes the outlet a republication
/// trailer names the publisher.
pub(crate) fn apply(doc: &mut Document) {
    let start = doc.blocks.len().saturating_sub(TRAILER_WINDOW);
    let mut original = None;
    for block in doc.blocks[start..].iter_mut().filter(|block| block.is_body()) {
        if block.text.chars().count() > MAX_TRAILER_CHARS {
            continue;
        }
        let kind =
            if let Some(outlet) = markers::after_republication_phrase(&block.text).and_then(outlet_name) {
                original.get_or_insert_with(|| outlet.to_owned());
                RemovedKind::Republication
            } else if markers::is_contributor_line(&block.text) {
                RemovedKind::ContributorLine
            } else if is_copyright_notice(&block.text) {
                RemovedKind::Copyright
            } else {
                continue;
            };
        block.role = Role::Removed(kind);
    }
    if let Some(original) = original {
        make_publisher(&mut doc.article, original);
    }
}

/// Whether `text` is a copyright notice: a rights phrase of any language,
/// or `©`, `(c)` or `Copyright` with a year right after it (`© 2026 Agency`,
/// `Copyright © Agency 2026`), unlike a sentence about copyright.
fn is_copyright_notice(text: &str) -> bool {
    if markers::has_rights_notice(text) {
        return true;
    }
    let key = markers::line_key(text);
    COPYRIGHT_OPENERS.iter().any(|opener| key.starts_with(opener)) && has_year(&head(text, YEAR_WITHIN))
}

/// The first `chars` characters of `text`.
fn head(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// Whether `text` holds a year from 1900 to 2099 as a number of its own.
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|number| number.len() == 4 && (number.starts_with("19") || number.starts_with("20")))
}

/// The outlet named at the start of `rest`: its capitalized words (and the
/// connectors between them), up to punctuation, an apostrophe (`Outlet'da`)
/// or a lower-case word.
fn outlet_name(rest: &str) -> Option<&str> {
    let rest = rest.trim_start().trim_start_matches(':').trim_start();
    let mut end = 0;
    let mut offset = 0;
    for word in rest.split(' ') {
        let at = offset;
        offset += word.len() + 1;
        let bare = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '”', '»']);
        let capitalized = bare
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !capitalized && (end == 0 || !OUTLET_CONNECTORS.contains(&bare)) {
            break;
        }
        if let Some(apostrophe) = bare.find(['\'', '’']) {
            end = at + apostrophe;
            break;
        }
        end = at + bare.len();
        if bare.len() < word.len() {
            break;
        }
    }
    let mut name = rest[..end].trim();
    while let Some((before, last)) = name.rsplit_once(' ')
        && OUTLET_CONNECTORS.contains(&last)
    {
        name = before;
    }
    (!name.is_empty() && name.chars().count() <= MAX_OUTLET_CHARS).then_some(name)
}

/// Makes `original` the publisher; an outlet named before it republished
/// the article.
fn make_publisher(article: &mut Article, original: String) {
    let previous = std::mem::replace(&mut article.publisher, original);
    if !previous.is_empty() && previous != article.publisher && !article.republishers.contains(&previous) {
        article.republishers.insert(0, previous);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Document<'static> {
        Document::after(texts, apply)
    }

    fn roles(doc: &Document<'_>) -> Vec<Role> {
        doc.blocks.iter().map(|block| block.role).collect()
    }

    #[test]
    fn contributor_lines_of_several_languages_are_removed() {
        for line in [
            "Staff writer Ann Lee in Leeds contributed to this report.",
            "Additional reporting by Bo Park.",
            "Mit Material von dpa",
            "Con información de EFE.",
            "Met medewerking van Joris de Wit",
        ] {
            let doc = run(&["The dam opened on Monday.", line]);
            assert_eq!(
                roles(&doc),
                [Role::Body, Role::Removed(RemovedKind::ContributorLine)],
                "{line}"
            );
        }
    }

    #[test]
    fn copyright_notices_are_removed_but_not_a_sentence_about_copyright() {
        let doc = run(&[
            "Copyright law was changed in 2019, the court said.",
            "Copyright 2026 The River Post. All rights reserved.",
            "© 2026 Agence Exemple",
            "Tous droits réservés.",
        ]);
        assert_eq!(
            roles(&doc),
            [
                Role::Body,
                Role::Removed(RemovedKind::Copyright),
                Role::Removed(RemovedKind::Copyright),
                Role::Removed(RemovedKind::Copyright)
            ]
        );
    }

    #[test]
    fn a_republication_trailer_names_the_publisher_and_the_earlier_one_republished() {
        let mut doc = Document::from_texts(&[
            "The dam opened on Monday.",
            "This article is republished from The Campus Review under a Creative Commons license. Read the original article.",
        ]);
        doc.article.publisher = "Valley Digest".into();
        apply(&mut doc);
        assert_eq!(doc.article.publisher, "The Campus Review");
        assert_eq!(doc.article.republishers, ["Valley Digest"]);
        assert_eq!(doc.blocks[1].role, Role::Removed(RemovedKind::Republication));
    }

    #[test]
    fn outlets_end_at_punctuation_an_apostrophe_or_a_lower_case_word() {
        assert_eq!(
            outlet_name(" The Campus Review under a licence."),
            Some("The Campus Review")
        );
        assert_eq!(outlet_name(" Museum of London."), Some("Museum of London"));
        assert_eq!(
            outlet_name(" Kampüs Postası'nda yayımlandı."),
            Some("Kampüs Postası")
        );
        assert_eq!(
            outlet_name(" Le Journal de la Vallée, le 3 mars."),
            Some("Le Journal de la Vallée")
        );
        assert_eq!(outlet_name(" the ministry in May."), None);
    }

    #[test]
    fn trailers_are_looked_for_only_at_the_end() {
        let mut texts = vec!["Additional reporting by Bo Park."];
        texts.extend(["Paragraph."; TRAILER_WINDOW]);
        let doc = run(&texts);
        assert!(doc.blocks.iter().all(|block| block.is_body()));
    }
}
