//! Boilerplate. Marks the blocks that are CMS and share-widget
//! furniture (`Share this:`, `Like Loading…`, `%d bloggers like this:`, a bar
//! of social network names) as removed, with their kind, for
//! `Article::removed`, lines that only say when the story was published
//! or updated, and a line that is nothing but the page's own address (a
//! print header or a share box prints it; a story never does). Empty headings are left to the "See also" stage, which knows
//! whether anything stands under them.
//!
//! Reads: body blocks. Writes: `Role::Removed` with the kinds `share_widget`,
//! `likes_widget`, `social_links`, `cms_widget`, `comment_form` (the text of
//! a reader-comment or sign-in form) and `timestamp`.

use std::sync::LazyLock;

use crate::{
    article::RemovedKind,
    canonical_url,
    document::{Document, Role},
    markers::{
        self, BOILERPLATE_LINES, BOILERPLATE_PREFIXES, KeyStart, SOCIAL_NETWORKS, line_key, line_key_start,
    },
};

/// Marks boilerplate blocks as removed.
pub(crate) fn apply(doc: &mut Document) {
    let own_address = doc.article.url.as_str();
    for block in doc.blocks.iter_mut().filter(|block| block.is_body()) {
        if let Some(kind) = boilerplate_kind(&block.text) {
            block.role = Role::Removed(kind);
        } else if is_timestamp_line(&block.text) {
            block.role = Role::Removed(RemovedKind::Timestamp);
        } else if is_own_address(&block.text, own_address) {
            block.role = Role::Removed(RemovedKind::CmsWidget);
        }
    }
}

/// Whether `text` is nothing but `own_address`, the page's URL in canonical
/// form, as a print header prints it above the story.
fn is_own_address(text: &str, own_address: &str) -> bool {
    let text = text.trim();
    !own_address.is_empty()
        && text.starts_with("http")
        && !text.contains(char::is_whitespace)
        && canonical_url::canonicalize(text).is_ok_and(|address| address == own_address)
}

/// The longest key of both boilerplate tables and the longest network name:
/// a line whose key is longer can only be a share bar.
static LONGEST_BOILERPLATE_KEY: LazyLock<usize> = LazyLock::new(|| {
    BOILERPLATE_LINES
        .keys()
        .chain(BOILERPLATE_PREFIXES.iter().map(|(prefix, _)| prefix))
        .map(String::len)
        .chain(SOCIAL_NETWORKS.iter().map(|name| name.len()))
        .max()
        .unwrap_or_default()
});

/// What kind of boilerplate a whole line is, if it is boilerplate.
fn boilerplate_kind(text: &str) -> Option<RemovedKind> {
    let KeyStart { key, whole } = line_key_start(text, *LONGEST_BOILERPLATE_KEY);
    if whole && let Some(kind) = BOILERPLATE_LINES.get(&key) {
        return Some(*kind);
    }
    if let Some((_, kind)) = BOILERPLATE_PREFIXES
        .iter()
        .find(|(prefix, _)| key.starts_with(prefix.as_str()))
    {
        return Some(*kind);
    }
    let social = if whole {
        is_social_links(&key)
    } else {
        // A long line is a share bar only if it opens with a network name
        // (a first word that runs past the start cannot be one); only then
        // is the whole key worth building.
        social_words(&key)
            .next()
            .is_none_or(|first| SOCIAL_NETWORKS.contains(&first))
            && is_social_links(&line_key(text))
    };
    social.then_some(RemovedKind::SocialLinks)
}

/// Whether a line key is nothing but social network names.
fn is_social_links(key: &str) -> bool {
    let mut names = social_words(key).peekable();
    names.peek().is_some() && names.all(|name| SOCIAL_NETWORKS.contains(&name))
}

/// The words of a line key, split where a share bar separates its names.
fn social_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | ','))
        .filter(|name| !name.is_empty())
}

/// A timestamp line is at most this long.
const MAX_TIMESTAMP_CHARS: usize = 100;

/// A timestamp line has a digit this close after its label.
const TIMESTAMP_DIGIT_WITHIN: usize = 16;

/// Whether `text` is a line that only says when the story was published or
/// updated: short, opening with a timestamp label (after an optional `|`),
/// with a digit soon after it (`Updated 5:27 am`, `PUBLISHED: 10:48, Tue`,
/// `Publié le 19/11/2019`), unlike a sentence that opens with the same word.
fn is_timestamp_line(text: &str) -> bool {
    if text.chars().count() > MAX_TIMESTAMP_CHARS {
        return false;
    }
    let text = text.trim_start_matches(['|', ' ']);
    markers::timestamp_label_ends(text).any(|end| {
        let rest = &text[end..];
        let word_ends = rest.is_empty() || rest.starts_with([' ', ':']);
        word_ends
            && rest
                .chars()
                .take(TIMESTAMP_DIGIT_WITHIN)
                .any(|c| c.is_ascii_digit())
    })
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
    fn a_line_that_is_the_page_s_own_address_is_removed_and_other_addresses_stay() {
        let mut doc = Document::from_texts(&[
            "https://harbour.example/news/wall-rebuilt-1234.php",
            "The board met on Thursday.",
            "https://harbour.example/tide-tables",
            "Read it at https://harbour.example/news/wall-rebuilt-1234.php",
        ]);
        doc.article.url = "https://harbour.example/news/wall-rebuilt-1234.php".to_owned();
        apply(&mut doc);
        let roles: Vec<Role> = doc.blocks.iter().map(|block| block.role).collect();
        assert_eq!(
            roles,
            [
                Role::Removed(RemovedKind::CmsWidget),
                Role::Body,
                Role::Body,
                Role::Body
            ]
        );
    }

    #[test]
    fn cms_widget_labels_are_removed_and_sentences_with_their_words_stay() {
        // Each row: the labels, then a sentence that opens with their words.
        let rows: &[(&[&str], &str)] = &[
            (
                &["Advert", "Sponsored", "Subscribe"],
                "Sponsored by the harbour board, the regatta returns in May.",
            ),
            (
                &["Advertisement - Continue Reading Below"],
                "Advertisement - continue reading below the harbour map.",
            ),
            (
                &["3 min read", "12 minute read", "Reading Time: 8 minutes"],
                "The report takes 5 min to read and the ferry takes longer.",
            ),
            (
                &[
                    "Table of Contents",
                    "In this article:",
                    "Inhaltsverzeichnis",
                    "Sommaire",
                ],
                "In this article the harbour board explains the new fares.",
            ),
        ];
        for (labels, sentence) in rows {
            let texts: Vec<&str> = labels.iter().copied().chain([*sentence]).collect();
            let mut expected = vec![Role::Removed(RemovedKind::CmsWidget); labels.len()];
            expected.push(Role::Body);
            assert_eq!(roles(&texts), expected, "{labels:?}");
        }
    }

    #[test]
    fn a_sign_up_disclaimer_and_gallery_and_print_buttons_are_removed() {
        assert_eq!(
            roles(&[
                "Print this page",
                "By signing up, you agree to our Terms of Use and Privacy Policy.",
                "By signing up, the council agreed to a ten-year lease.",
                "Back to Gallery",
            ]),
            [
                Role::Removed(RemovedKind::CmsWidget),
                Role::Removed(RemovedKind::CmsWidget),
                Role::Body,
                Role::Removed(RemovedKind::CmsWidget),
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
            "Last edited: Jul 5, 2026",
            "Start date Jul 3, 2026",
            "Updated figures show unemployment fell to 5 percent.",
            "Posted by the harbour master at 9 am",
            // A reporting sentence opening with a Q&A site's word.
            "Asked about the 2026 budget, the mayor said nothing.",
        ];
        assert_eq!(
            roles(&texts),
            [
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Removed(RemovedKind::Timestamp),
                Role::Body,
                Role::Body,
                Role::Body,
            ]
        );
    }

    #[test]
    fn boilerplate_lines_match_with_any_number_and_ellipsis_style() {
        assert_eq!(
            boilerplate_kind("%d bloggers like this:"),
            Some(RemovedKind::LikesWidget)
        );
        assert_eq!(
            boilerplate_kind("17 bloggers like this:"),
            Some(RemovedKind::LikesWidget)
        );
        assert_eq!(boilerplate_kind("Like Loading…"), Some(RemovedKind::LikesWidget));
        assert_eq!(
            boilerplate_kind("Loading content ..."),
            Some(RemovedKind::CmsWidget)
        );
        assert_eq!(
            boilerplate_kind("Click to share on Reddit (Opens in new window)"),
            Some(RemovedKind::ShareWidget)
        );
        assert_eq!(
            boilerplate_kind("Facebook | Twitter | WhatsApp"),
            Some(RemovedKind::SocialLinks)
        );
        assert_eq!(boilerplate_kind("Share prices fell."), None);
    }

    #[test]
    fn a_site_s_controls_and_a_thread_s_sign_up_appeal_are_boilerplate_but_sentences_on_them_are_not() {
        for line in [
            "Sort by:",
            "Filters",
            "Show more",
            "Tags",
            "Add to cart",
            "Compare",
            "Replies",
            "Views",
            "Check price at Amazon",
            "Show caption",
            "Press enter or click to view image in full size",
        ] {
            assert_eq!(boilerplate_kind(line), Some(RemovedKind::CmsWidget), "{line}");
        }
        assert_eq!(
            boilerplate_kind(
                "This topic has been deleted. Only users with topic management privileges can see it."
            ),
            Some(RemovedKind::CmsWidget)
        );
        for line in ["Sign in", "Create an account", "Start asking to get answers"] {
            assert_eq!(boilerplate_kind(line), Some(RemovedKind::CommentForm), "{line}");
        }
        for line in [
            "Search teams found the hikers at dawn.",
            "Sort by size before you weigh the catch.",
            "This topic has been deleted from the exam, the board said.",
        ] {
            assert_eq!(boilerplate_kind(line), None, "{line}");
        }
    }

    #[test]
    fn a_long_share_bar_is_found_past_the_key_limit() {
        let bar = ["Facebook"; 40].join(" | ");
        assert!(bar.len() > *LONGEST_BOILERPLATE_KEY);
        assert_eq!(boilerplate_kind(&bar), Some(RemovedKind::SocialLinks));
        assert_eq!(boilerplate_kind(&format!("{bar} | Newsletter")), None);
        assert_eq!(
            boilerplate_kind(&format!(" | {bar}")),
            Some(RemovedKind::SocialLinks)
        );
    }

    /// The kind `boilerplate_kind` must give: the tables looked up with the
    /// whole line key.
    fn kind_by_whole_key(text: &str) -> Option<RemovedKind> {
        let key = line_key(text);
        BOILERPLATE_LINES.get(&key).copied().or_else(|| {
            BOILERPLATE_PREFIXES
                .iter()
                .find(|(prefix, _)| key.starts_with(prefix.as_str()))
                .map(|(_, kind)| *kind)
                .or_else(|| is_social_links(&key).then_some(RemovedKind::SocialLinks))
        })
    }

    /// Pieces of share bars: each network name with each separator after it.
    fn share_bar_pieces() -> Vec<String> {
        SOCIAL_NETWORKS
            .iter()
            .flat_map(|name| [" ", " | ", ", ", "/", " · "].map(|separator| format!("{name}{separator}")))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn boilerplate_is_found_as_with_the_whole_key(
            pieces in proptest::prop_oneof![
                proptest::collection::vec(proptest::sample::select(markers::line_pieces()), 0..30),
                // Share bars, long ones included.
                proptest::collection::vec(proptest::sample::select(share_bar_pieces()), 0..60),
            ],
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(boilerplate_kind(&text), kind_by_whole_key(&text), "{:?}", text);
        }
    }
}
