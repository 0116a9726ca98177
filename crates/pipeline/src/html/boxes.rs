//! Boxes our own rules know, taken out of the page before the main content
//! is chosen (the content extractor would drop them unseen): boxes that open
//! with a commentary label (`Comment:`, `Editor's note:`) whatever their
//! class, editor's-note and commentary boxes by class, and related-link
//! boxes. Reader comment threads are `reader_comments`' job; a box that
//! opens with a commentary label is taken before them, so a republisher's
//! `<div class="comment">` stays commentary.

use dom_query::{Document, NodeRef};

use super::{blocks, reader_comments};
use crate::{
    document::{Block, Origin},
    markers,
};

/// Class or id words (lower case, without `-` and `_`) that mark a
/// commentary box.
const COMMENTARY_NAMES: &[&str] = &[
    "editornote",
    "editorsnote",
    "editorialnote",
    "commentary",
    "republishercomment",
    "republishernote",
];

/// Class or id words (lower case, without `-` and `_`) that mark a box of
/// related links.
const RELATED_NAMES: &[&str] = &["related", "seealso", "readmore", "alsoread"];

/// A related-links box is mostly links: at least this share of its text.
const MIN_RELATED_LINK_SHARE: f64 = 0.5;

/// A commentary box is at most this long; a longer one wraps the article.
const MAX_COMMENTARY_CHARS: usize = 4_000;

/// At most this many elements named like a box are examined: each costs a
/// walk of its subtree, and a hostile page may name thousands of nested
/// elements so.
const MAX_CANDIDATES: usize = 32;

/// Elements that hold a page or an article, never a box in it, whatever
/// their class says (`<article class="commentary">` is an opinion piece).
const CONTAINERS: &[&str] = &["html", "body", "main", "article"];

/// Elements whose text may open with a commentary label: the label is
/// printed as a paragraph, a heading or in bold at the start of the box.
const LABEL_HOLDERS: &str = "p, h2, h3, h4, h5, h6, strong, b, dt";

/// A labelled box says at least this many words after its label; a
/// `Comment` button in a toolbar says none.
const MIN_COMMENTARY_WORDS: usize = 4;

/// Form controls: a box holding one is a form, never commentary.
const FORM_CONTROLS: &str = "form, textarea, input, select, button";

/// Takes the boxes that open with a commentary label out of `doc`, and
/// returns their blocks in document order, as `Origin::CommentaryBox`.
/// A box is the widest marked element (with a class or an id) around the
/// label that opens with it and fits a commentary; a label in running text
/// with no such box around it is left to the commentary stage. A box that
/// holds a form or a reader comment is no commentary (`Comment` over a
/// comment form).
pub(crate) fn take_labelled(doc: &Document, page_url: Option<&url::Url>) -> Vec<Block> {
    let mut taken = Vec::new();
    let mut examined = 0;
    for holder in doc.select(LABEL_HOLDERS).nodes() {
        if examined == MAX_CANDIDATES {
            break;
        }
        let text = holder.text();
        let opening = text.trim_start();
        if opening.is_empty() || markers::commentary_label(opening).is_none() || !is_attached(holder) {
            continue;
        }
        examined += 1;
        let Some(commentary) = labelled_box(holder, opening) else {
            continue;
        };
        taken.extend(blocks::collect(&commentary, Origin::CommentaryBox, page_url));
        commentary.remove_from_parent();
    }
    taken
}

/// The widest marked box around `holder` that opens with its text `opening`.
fn labelled_box<'a>(holder: &NodeRef<'a>, opening: &str) -> Option<NodeRef<'a>> {
    let mut found = None;
    for ancestor in std::iter::once(*holder).chain(holder.ancestors_it(None)) {
        let name = ancestor.node_name().unwrap_or_default().to_ascii_lowercase();
        if !ancestor.is_element() || CONTAINERS.contains(&name.as_str()) {
            break;
        }
        let text = ancestor.text();
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if !text.trim_start().starts_with(opening) || chars > MAX_COMMENTARY_CHARS {
            break;
        }
        if ancestor.has_attr("class") || ancestor.has_attr("id") {
            found = Some(ancestor);
        }
    }
    found.filter(|found| {
        let text = found.text();
        let after_label = markers::commentary_label(text.trim_start())
            .map_or(0, |(label, _)| label.rest.split_whitespace().count());
        after_label >= MIN_COMMENTARY_WORDS
            && dom_query::Selection::from(*found)
                .select(FORM_CONTROLS)
                .is_empty()
            && !reader_comments::holds_or_is_in_one(found)
    })
}

/// Takes the known boxes out of `doc` and returns their blocks in document
/// order.
pub(crate) fn take(doc: &Document, page_url: Option<&url::Url>) -> Vec<Block> {
    let mut taken = Vec::new();
    let mut examined = 0;
    for node in doc.select("[class], [id]").nodes() {
        let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
        if CONTAINERS.contains(&name.as_str()) {
            continue;
        }
        let names = box_names(node);
        let origin = if names.iter().any(|name| contains_any(name, COMMENTARY_NAMES)) {
            Origin::CommentaryBox
        } else if names.iter().any(|name| contains_any(name, RELATED_NAMES)) {
            Origin::RelatedLinks
        } else {
            continue;
        };
        if examined == MAX_CANDIDATES {
            break;
        }
        if !is_attached(node) {
            continue;
        }
        examined += 1;
        if !node.find(&["h1"]).is_empty() {
            continue;
        }
        let text_chars = node.text().chars().filter(|c| !c.is_whitespace()).count();
        let fits = match origin {
            Origin::CommentaryBox => text_chars > 0 && text_chars <= MAX_COMMENTARY_CHARS,
            _ => text_chars > 0 && link_share(node, text_chars) >= MIN_RELATED_LINK_SHARE,
        };
        if fits {
            taken.extend(blocks::collect(node, origin, page_url));
            node.remove_from_parent();
        }
    }
    taken
}

/// The element's class names and id, lower case, without `-` and `_`.
fn box_names(node: &NodeRef<'_>) -> Vec<String> {
    let class = node.class().unwrap_or_default();
    let id = node.id_attr().unwrap_or_default();
    class
        .split_whitespace()
        .chain(std::iter::once(id.as_ref()))
        .map(|name| {
            name.chars()
                .filter(|c| *c != '-' && *c != '_')
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect()
}

fn contains_any(name: &str, words: &[&str]) -> bool {
    words.iter().any(|word| name.contains(word))
}

/// Whether a node still hangs in the document (not in a removed box).
fn is_attached(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(None).any(|ancestor| ancestor.is_document())
}

/// The share of a box's visible characters that are link text.
fn link_share(node: &NodeRef<'_>, text_chars: usize) -> f64 {
    let link_chars: usize = node
        .find(&["a"])
        .iter()
        .map(|link| link.text().chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let share = link_chars as f64 / text_chars as f64;
    share
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take_from(html: &str) -> (Vec<Block>, Document) {
        let doc = Document::from(html);
        let blocks = take(&doc, None);
        (blocks, doc)
    }

    #[test]
    fn an_editors_note_box_becomes_commentary_blocks_and_leaves_the_page() {
        let (blocks, doc) =
            take_from(r#"<p>Body.</p><aside class="editors-note"><p>This story was updated.</p></aside>"#);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "This story was updated.");
        assert_eq!(blocks[0].origin, Origin::CommentaryBox);
        assert!(!doc.select("aside").exists());
    }

    #[test]
    fn a_related_box_of_links_is_taken_with_its_hrefs() {
        let (blocks, _) = take_from(
            r#"<div id="related-posts"><h3>Related</h3><ul>
            <li><a href="https://a.example/1">Ferry fares rise again</a></li>
            <li><a href="https://a.example/2">New pier opens</a></li></ul></div>"#,
        );
        let hrefs: Vec<Option<&str>> = blocks.iter().map(|block| block.href.as_deref()).collect();
        assert_eq!(
            hrefs,
            [None, Some("https://a.example/1"), Some("https://a.example/2")]
        );
        assert!(blocks.iter().all(|block| block.origin == Origin::RelatedLinks));
    }

    #[test]
    fn a_wrapper_named_related_but_full_of_text_stays() {
        let (blocks, doc) = take_from(
            r#"<div class="related-content"><p>A long paragraph of reporting with one <a href="/x">link</a>.</p></div>"#,
        );
        assert!(blocks.is_empty());
        assert!(doc.select("div.related-content").exists());
    }

    #[test]
    fn a_box_inside_a_taken_box_is_not_taken_twice() {
        let (blocks, _) = take_from(
            r#"<div class="editor-note"><p>Note.</p><div class="commentary"><p>Inner.</p></div></div>"#,
        );
        assert_eq!(
            blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            ["Note.", "Inner."]
        );
    }

    fn take_labelled_from(html: &str) -> (Vec<Block>, Document) {
        let doc = Document::from(html);
        let blocks = take_labelled(&doc, None);
        (blocks, doc)
    }

    #[test]
    fn a_box_opening_with_a_commentary_label_is_commentary_whatever_its_class() {
        let (blocks, doc) = take_labelled_from(
            r#"<article><p>The mill closed on Friday after ninety years.</p>
            <div class="post-comment"><p><strong>Comment:</strong> The owners had warned of this for a decade.</p>
            <p>Nobody listened.</p></div></article>"#,
        );
        assert_eq!(
            blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            [
                "Comment: The owners had warned of this for a decade.",
                "Nobody listened."
            ]
        );
        assert!(blocks.iter().all(|b| b.origin == Origin::CommentaryBox));
        assert!(!doc.select(".post-comment").exists());
        assert!(doc.select("article p").exists());
    }

    #[test]
    fn labels_of_other_languages_open_a_box_too() {
        for (label, rest) in [
            ("Anmerkung der Redaktion:", "Dieser Text wurde am Montag ergänzt."),
            ("Note de la rédaction :", "Cet article a été mis à jour lundi."),
            ("Комментарий:", "Власти так и не ответили на вопросы жителей."),
        ] {
            let (blocks, _) = take_labelled_from(&format!(
                r#"<p>Report.</p><aside id="x-note"><b>{label}</b> {rest}</aside>"#
            ));
            assert_eq!(blocks.len(), 1, "{label}");
        }
    }

    #[test]
    fn a_label_in_running_text_a_comment_form_or_a_toolbar_button_is_left_alone() {
        for page in [
            r#"<div class="entry"><p>Report.</p><p>Comment: left to the text stage.</p></div>"#,
            r#"<div class="comment-box"><h3>Comment</h3><p>Sign in to comment on this story</p><input type="text"></div>"#,
            r#"<div class="tools"><b>Comment</b> <a>Share</a></div>"#,
        ] {
            let (blocks, _) = take_labelled_from(page);
            assert!(blocks.is_empty(), "{page}: {blocks:?}");
        }
    }

    #[test]
    fn an_article_or_a_box_holding_the_headline_is_never_a_box() {
        let (blocks, doc) = take_from(
            r#"<body class="section-commentary"><article class="commentary"><p>An opinion piece.</p></article>
            <div class="related-wrapper"><h1>Headline</h1><a href="/x">Link</a></div></body>"#,
        );
        assert!(blocks.is_empty());
        assert!(doc.select("article").exists());
    }

    #[test]
    fn only_the_first_candidates_are_examined() {
        let page = |wrappers: usize| {
            format!(
                "{}<p>Reporting without links.</p>{}<div class=\"related-posts\"><a href=\"/x\">Pier reopens</a></div>",
                "<div class=\"related-wrapper\">".repeat(wrappers),
                "</div>".repeat(wrappers)
            )
        };
        let (within, _) = take_from(&page(MAX_CANDIDATES - 1));
        assert_eq!(within.len(), 1, "the box after the wrappers is taken");
        let (past, _) = take_from(&page(MAX_CANDIDATES));
        assert!(past.is_empty(), "the box past the limit is not examined");
    }
}
