//! Commentary. A block that opens with a commentary label
//! (`Comment:`, `Editor's note:`) starts editorial commentary, kept apart
//! from the reporting. A `Comment:` runs to the end of the article or to the
//! next trailer (a "See also" link or boilerplate); an editor's note is one
//! paragraph. Captions inside the commentary are passed over. A page's
//! commentary box is commentary to its end, with the label it prints or
//! none. A label alone that is a link (`Comment` linking to the reader
//! comments) is a link, not a label.
//!
//! Reads: every block's role (a trailer ends a `Comment:`) and
//! `Origin::CommentaryBox`. Writes: `Role::Commentary` and
//! `Article::commentary`.

use crate::{
    article::Commentary,
    document::{Document, Origin, Role},
    markers::{self, Extent},
};

/// Fills `Article::commentary` and marks its blocks.
pub(crate) fn apply(doc: &mut Document) {
    let mut index = 0;
    while let Some(at) = doc.next_body_block(index) {
        let block = &doc.blocks[at];
        index = at + 1;
        let in_box = block.origin == Origin::CommentaryBox;
        let (label, rest, extent) = match markers::commentary_label(&block.text) {
            // A `Comment` link to the comment thread opens nothing.
            Some((label, _)) if label.rest.is_empty() && block.href.is_some() && !in_box => continue,
            Some((label, extent)) => (label.printed, label.rest, extent),
            None if in_box => ("", block.text.as_str(), Extent::ToEnd),
            None => continue,
        };
        let mut commentary = Commentary {
            label: label.to_owned(),
            paragraphs: Vec::new(),
        };
        if !rest.is_empty() {
            commentary.paragraphs.push(rest.to_owned());
        }
        doc.blocks[index - 1].role = Role::Commentary;
        while let Some(next) = doc.blocks.get_mut(index) {
            if in_box && next.origin != Origin::CommentaryBox {
                break;
            }
            match next.role {
                Role::Body => {
                    let full = extent == Extent::OneParagraph && !commentary.paragraphs.is_empty();
                    if full || markers::commentary_label(&next.text).is_some() {
                        break;
                    }
                    commentary.paragraphs.push(next.text.clone());
                    next.role = Role::Commentary;
                }
                Role::Caption | Role::Headline | Role::Byline | Role::Commentary => {}
                Role::SeeAlso | Role::Removed(_) => break,
            }
            index += 1;
        }
        doc.article.commentary.push(commentary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::RemovedKind;

    /// Runs the stage on paragraphs, after giving `roles` to some of them
    /// as earlier stages would.
    fn run(texts: &[&str], roles: &[(usize, Role)]) -> Document<'static> {
        let mut doc = Document::from_texts(texts);
        for (index, role) in roles {
            doc.blocks[*index].role = *role;
        }
        apply(&mut doc);
        doc
    }

    #[test]
    fn a_comment_runs_to_the_next_trailer() {
        let texts = [
            "Report.",
            "Comment: First.",
            "Second.",
            "Third.",
            "See also: x",
            "After.",
        ];
        let doc = run(&texts, &[(4, Role::SeeAlso)]);
        assert_eq!(doc.article.commentary.len(), 1);
        assert_eq!(doc.article.commentary[0].label, "Comment");
        assert_eq!(
            doc.article.commentary[0].paragraphs,
            ["First.", "Second.", "Third."]
        );
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Report.", "After."]);
    }

    #[test]
    fn a_label_on_its_own_line_takes_the_paragraphs_after_it() {
        let texts = ["Report.", "Comment:", "First.", "Like this:"];
        let doc = run(&texts, &[(3, Role::Removed(RemovedKind::LikesWidget))]);
        assert_eq!(doc.article.commentary[0].paragraphs, ["First."]);
    }

    #[test]
    fn a_label_alone_that_is_a_link_opens_nothing() {
        let mut doc = Document::from_texts(&["Report.", "Comment", "Next teaser."]);
        doc.blocks[1].href = Some("https://news.example/story#comments".to_owned());
        apply(&mut doc);
        assert!(doc.article.commentary.is_empty());
        assert_eq!(doc.body_texts().count(), 3);
    }

    #[test]
    fn an_editors_note_is_one_paragraph() {
        let doc = run(&["Editor's note: This story was updated.", "Report."], &[]);
        assert_eq!(doc.article.commentary[0].label, "Editor's note");
        assert_eq!(doc.article.commentary[0].paragraphs, ["This story was updated."]);
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Report."]);
    }

    #[test]
    fn a_commentary_box_is_commentary_to_its_end_labelled_or_not() {
        let mut doc = Document::from_texts(&[
            "Report.",
            "Comment: First.",
            "Second.",
            "This story was updated.",
            "After.",
        ]);
        for index in [1, 2] {
            doc.blocks[index].origin = Origin::CommentaryBox;
        }
        doc.blocks[3].origin = Origin::CommentaryBox;
        doc.blocks[3].text = "Corrected on Tuesday.".to_owned();
        apply(&mut doc);
        let found: Vec<(&str, Vec<&str>)> = doc
            .article
            .commentary
            .iter()
            .map(|c| {
                (
                    c.label.as_str(),
                    c.paragraphs.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [("Comment", vec!["First.", "Second.", "Corrected on Tuesday."])]
        );
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Report.", "After."]);
    }
}
