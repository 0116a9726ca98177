//! Wire credit trailers. Wire copy ends with the credits in
//! parentheses, `(Reporting by A and B; Editing by C)`, as a block of its
//! own or at the end of the last paragraph. The trailer leaves the body for
//! `Article::removed`; when the headline had no byline, its reporters become
//! the authors.
//!
//! Reads: the last body blocks and `Article::authors`. Writes:
//! `Role::Removed(CreditTrailer)` (a trailer at the end of a paragraph is cut
//! off it), and `Article::authors` when it was empty.

use crate::{
    article::RemovedKind,
    byline,
    document::{Block, Document, Role},
    markers::{self, CreditRole},
};

/// Separators between the parts of a trailer.
const PART_SEPARATORS: &[char] = &[';', ','];

/// Marks trailers as removed and fills authors from them when the byline
/// named none.
pub(crate) fn apply(doc: &mut Document) {
    let mut reporters: Vec<String> = Vec::new();
    let mut index = 0;
    while let Some(at) = doc.next_body_block(index) {
        let block = &doc.blocks[at];
        index = at + 1;
        let Some((start, names)) = trailer(&block.text) else {
            continue;
        };
        for name in names {
            if !reporters.contains(&name) {
                reporters.push(name);
            }
        }
        let at = index - 1;
        if start == 0 {
            doc.blocks[at].role = Role::Removed(RemovedKind::CreditTrailer);
        } else {
            let text = doc.blocks[at].text.clone();
            doc.blocks[at].text = text[..start].trim_end().to_owned();
            let mut credit = Block::new(&text[start..], false);
            credit.role = Role::Removed(RemovedKind::CreditTrailer);
            doc.blocks.insert(index, credit);
            index += 1;
        }
    }
    if doc.article.authors.is_empty() {
        let names = byline::sort_names(reporters);
        doc.article.authors = names.authors;
        if doc.article.publisher.is_empty()
            && let Some(agency) = names.outlets.into_iter().next()
        {
            doc.article.publisher = agency;
        }
    }
}

/// Where a credit trailer starts at the end of `text`, and its reporters.
fn trailer(text: &str) -> Option<(usize, Vec<String>)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let credits = &inner[open + 1..];
    let mut parts = credits
        .split(PART_SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let (mut role, first) = markers::wire_credit(parts.next()?)?;
    let mut reporters = Vec::new();
    let mut take = |role: CreditRole, names: &str| {
        if role == CreditRole::Reporter {
            reporters.extend(markers::split_names(names));
        }
    };
    take(role, first);
    for part in parts {
        match markers::wire_credit(part) {
            Some((next_role, names)) => {
                role = next_role;
                take(role, names);
            }
            None => take(role, part),
        }
    }
    Some((open, reporters))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str], authors: &[&str]) -> Document<'static> {
        let mut doc = Document::from_texts(texts);
        doc.article.authors = authors.iter().map(|a| (*a).to_owned()).collect();
        apply(&mut doc);
        doc
    }

    #[test]
    fn a_trailer_block_leaves_the_body_and_names_the_authors() {
        let doc = run(
            &["Body.", "(Reporting by Ann Lee and Bo Park; Editing by Cy Moss)"],
            &[],
        );
        assert_eq!(doc.article.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(doc.blocks[1].role, Role::Removed(RemovedKind::CreditTrailer));
    }

    #[test]
    fn a_trailer_at_the_end_of_a_paragraph_is_cut_off() {
        let doc = run(
            &["Prices rose, he said. (Reporting by Ann Lee, Bo Park; Writing by Dee Roy)"],
            &[],
        );
        assert_eq!(doc.blocks[0].text, "Prices rose, he said.");
        assert_eq!(
            doc.blocks[1].text,
            "(Reporting by Ann Lee, Bo Park; Writing by Dee Roy)"
        );
        assert_eq!(doc.blocks[1].role, Role::Removed(RemovedKind::CreditTrailer));
        assert_eq!(doc.article.authors, ["Ann Lee", "Bo Park", "Dee Roy"]);
    }

    #[test]
    fn a_byline_wins_over_the_trailer() {
        let doc = run(&["Body.", "(Reporting by Ann Lee)"], &["Eve Holt"]);
        assert_eq!(doc.article.authors, ["Eve Holt"]);
        assert_eq!(doc.blocks[1].role, Role::Removed(RemovedKind::CreditTrailer));
    }

    #[test]
    fn other_languages_trailers_are_understood() {
        let doc = run(
            &[
                "Text.",
                "(Bericht von Anna Berg und Jan Wolf, redigiert von Ute Kern)",
            ],
            &[],
        );
        assert_eq!(doc.article.authors, ["Anna Berg", "Jan Wolf"]);
    }

    #[test]
    fn a_parenthesis_that_is_no_credit_stays() {
        let doc = run(&["The mayor (who took office in May) agreed."], &[]);
        assert_eq!(doc.blocks[0].role, Role::Body);
        let doc = run(&["Rates rose (by a quarter point)"], &[]);
        assert_eq!(doc.blocks[0].role, Role::Body);
    }
}
