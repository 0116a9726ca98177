//! Whole-page selections narrowed by a cheap test first. The selector
//! engine costs much for each element it is asked about, and a selector
//! over the whole page asks it about every one; most elements lack the
//! attribute every match carries, so a test of their attributes passes
//! them by and the selector decides only for the few left.

use dom_query::{Document, Element, LocalName, Matcher, NodeRef};

/// A CSS selector with the attributes one of which every element it
/// matches carries.
pub(super) struct NarrowedSelector<'s> {
    /// The selector, which decides.
    pub selector: &'s str,
    /// Attributes one of which every match carries, each with words (lower
    /// case) one of which its value holds in any ASCII case; no words: any
    /// value. The test may let pass more than the selector matches, never
    /// less.
    pub carries: &'s [(&'s str, &'s [&'s str])],
}

impl NarrowedSelector<'_> {
    /// The elements of `doc` the selector matches, in page order.
    pub(super) fn select<'a>(&self, doc: &'a Document) -> impl Iterator<Item = NodeRef<'a>> + use<'a, '_> {
        let matcher = Matcher::new(self.selector).ok();
        // The names as the parser stores them, compared without reading them.
        let carries: Vec<(LocalName, &[&str])> = self
            .carries
            .iter()
            .map(|(name, words)| (LocalName::from(*name), *words))
            .collect();
        let tree = &doc.tree;
        tree.descendant_ids_of_it(&tree.root().id)
            .map(move |id| NodeRef::new(id, tree))
            .filter(move |node| {
                node.query_or(false, |node| {
                    node.as_element()
                        .is_some_and(|element| carries_one(element, &carries))
                })
            })
            .filter(move |node| {
                matcher
                    .as_ref()
                    .is_some_and(|matcher| matcher.match_element(node))
            })
    }
}

/// Whether `element` carries one of the attributes of `carries`, with a
/// value holding one of its words.
fn carries_one(element: &Element, carries: &[(LocalName, &[&str])]) -> bool {
    element.attrs.iter().any(|attr| {
        carries.iter().any(|(name, words)| {
            *name == attr.name.local
                && (words.is_empty()
                    || words
                        .iter()
                        .any(|word| super::dates::holds_ignoring_case(&attr.value, word)))
        })
    })
}
