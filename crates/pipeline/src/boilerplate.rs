//! Stage 3: boilerplate. Marks the blocks that are CMS and share-widget
//! furniture (`Share this:`, `Like Loading…`, `%d bloggers like this:`, a bar
//! of social network names) as removed, with their kind, for
//! `Article::removed`, and lines that only say when the story was published
//! or updated. Empty headings are left to the "See also" stage, which knows
//! whether anything stands under them.

use crate::{
    article::RemovedKind,
    document::{Document, Role},
    markers,
};

/// Marks boilerplate blocks as removed.
pub(crate) fn apply(doc: &mut Document) {
    for block in doc.blocks.iter_mut().filter(|block| block.is_body()) {
        if let Some(kind) = markers::boilerplate_kind(&block.text) {
            block.role = Role::Removed(kind);
        } else if markers::is_timestamp_line(&block.text) {
            block.role = Role::Removed(RemovedKind::Timestamp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(texts: &[&str]) -> Vec<Role> {
        let mut doc = Document::from_texts(texts);
        apply(&mut doc);
        doc.blocks.iter().map(|block| block.role).collect()
    }

    #[test]
    fn widget_lines_are_removed_with_their_kind() {
        assert_eq!(
            roles(&[
                "Body.",
                "Share this:",
                "Twitter",
                "Like Loading...",
                "%d bloggers like this:"
            ]),
            [
                Role::Body,
                Role::Removed(RemovedKind::ShareWidget),
                Role::Removed(RemovedKind::SocialLinks),
                Role::Removed(RemovedKind::LikesWidget),
                Role::Removed(RemovedKind::LikesWidget),
            ]
        );
    }

    #[test]
    fn a_sentence_that_mentions_a_widget_word_stays() {
        assert_eq!(roles(&["Share prices rose on Twitter news."]), [Role::Body]);
    }

    #[test]
    fn timestamp_lines_are_removed_and_sentences_opening_with_the_word_stay() {
        let texts = [
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
            "| UPDATED: 11:05, Tue, Nov 19, 2019",
            "Publié le 19/11/2026 à 10h12",
            "UPDATED: Tue., Nov. 19, 2026",
            "Updated figures show unemployment fell to 5 percent.",
            "Posted by the harbour master at 9 am",
        ];
        assert_eq!(
            roles(&texts),
            [
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Body,
                Role::Body,
            ]
        );
    }
}
