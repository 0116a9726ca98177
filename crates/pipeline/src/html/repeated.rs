//! A forum thread's repeats. A reply that quotes an earlier post prints the
//! quoted paragraphs again word for word, and an engine may print a
//! poster's signature under each of their posts: on a forum page, a
//! paragraph the thread already printed stays where it first stood and its
//! later copies go to `removed` as `repeated`. Only on forums: an article or
//! a guide may print a paragraph twice on purpose (the same ingredient list
//! for two meals, the same parameter for two methods), and there the rule
//! measured a loss.

use std::collections::HashSet;

use crate::{
    article::RemovedKind,
    document::{Block, Origin, Role},
};

/// The fewest characters of a paragraph whose copies count as repeats:
/// shorter lines ("Thanks!", "Same here.") are said again by other posters.
const MIN_REPEATED_CHARS: usize = 40;

/// Marks the later copies of each running-text paragraph of `blocks` of at
/// least [`MIN_REPEATED_CHARS`] characters as removed.
pub(super) fn mark(blocks: &mut [Block]) {
    let mut printed: HashSet<String> = HashSet::new();
    for block in blocks
        .iter_mut()
        .filter(|block| block.role == Role::Body && block.origin == Origin::Text)
    {
        if block.text.chars().count() < MIN_REPEATED_CHARS {
            continue;
        }
        if !printed.insert(block.text.clone()) {
            block.role = Role::Removed(RemovedKind::Repeated);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts.iter().map(|text| Block::new(*text, false)).collect()
    }

    #[test]
    fn a_quoted_paragraph_stays_where_it_was_first_posted() {
        let question = "Has anyone fitted the winter tyres to the 2019 model without new rims?";
        let mut thread = blocks(&[
            question,
            "Thanks!",
            question,
            "Yes, the stock rims take them; ask the shop to check the pressure sensors.",
            "Thanks!",
        ]);
        mark(&mut thread);
        let roles: Vec<Role> = thread.iter().map(|block| block.role).collect();
        assert_eq!(
            roles,
            [
                Role::Body,
                Role::Body,
                Role::Removed(RemovedKind::Repeated),
                Role::Body,
                Role::Body
            ]
        );
    }
}
