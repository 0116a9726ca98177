//! Stage 3: boilerplate. Marks the blocks that are CMS and share-widget
//! furniture (`Share this:`, `Like Loading…`, `%d bloggers like this:`, a bar
//! of social network names) as removed, with their kind, for
//! `Article::removed`. Empty headings are left to the "See also" stage, which
//! knows whether anything stands under them.

use crate::{
    document::{Document, Role},
    markers,
};

/// Marks boilerplate blocks as removed.
pub(crate) fn apply(doc: &mut Document) {
    for block in doc.blocks.iter_mut().filter(|block| block.is_body()) {
        if let Some(kind) = markers::boilerplate_kind(&block.text) {
            block.role = Role::Removed(kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::RemovedKind;

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
}
