//! Parts of a page streamed in after it, put where the reader sees them.
//! A page rendered by React on the server and streamed (as Next.js serves
//! it) prints a fallback where a part is still loading (a grey skeleton,
//! "Loading paragraph…"), marked by an empty `<template id="B:…">` (a
//! Suspense boundary) or `<template id="P:…">` (a placeholder), and sends
//! the part later, at the end of the body, in a hidden `<div id="S:…">` with
//! the same suffix; the page's script then moves the part into place. No
//! script runs here, so this stage moves each part as that script does:
//! the article's paragraphs stand in the article, not in a hidden tail, and
//! the fallback is gone.
//!
//! Where the page kept React's comment marks (`<!--$?-->` before the
//! boundary's template, `<!--/$-->` after its fallback), the fallback is
//! what they enclose. A page saved without its comments, or whose closing
//! mark is lost, gives no such bound: the fallback is then the element
//! right after the template, when it prints nothing or only a short label
//! closed by an ellipsis, and what follows stays.

use std::collections::HashMap;

use dom_query::{Document, NodeData, NodeRef};

/// The id prefixes of the marks a streamed part fills: a boundary's, whose
/// fallback the part replaces, and a placeholder's, which holds none.
const BOUNDARY: &str = "B:";
const PLACEHOLDER: &str = "P:";
/// The id prefix of the hidden `<div>` that carries a part.
const PART: &str = "S:";

/// The most words of a loading label ("Loading…", "Loading paragraph…")
/// standing as a fallback on a page saved without its comment marks.
const MAX_LOADING_LABEL_WORDS: usize = 3;

/// The tag every mark opens with, as React prints it: a page without it
/// streams no part, and its tree is not walked.
const MARK_TAG: &str = "<template";

/// Parses `html` and moves each streamed part into the place it fills.
pub(super) fn parse(html: &str) -> Document {
    let doc = Document::from(html);
    if html.contains(MARK_TAG) {
        put_in_place(&doc);
    }
    doc
}

/// Moves each hidden part `S:x` of `doc` into the place of its mark `B:x`
/// or `P:x`, as the page's script would; a part without a mark stays.
fn put_in_place(doc: &Document) {
    let mut marks: HashMap<String, NodeRef> = HashMap::new();
    let mut parts = Vec::new();
    for node in doc.root().descendants_it() {
        let Some(id) = node.id_attr() else { continue };
        match node.node_name().as_deref() {
            Some("template") if id.starts_with(BOUNDARY) || id.starts_with(PLACEHOLDER) => {
                marks.insert(id.to_string(), node);
            }
            Some("div") if id.starts_with(PART) && node.has_attr("hidden") => parts.push((id, node)),
            _ => {}
        }
    }
    for (id, part) in parts {
        let suffix = &id[PART.len()..];
        if let Some(boundary) = marks.get(&format!("{BOUNDARY}{suffix}")) {
            let end = remove_fallback(boundary);
            move_children(&part, boundary, end.as_ref());
        } else if let Some(placeholder) = marks.get(&format!("{PLACEHOLDER}{suffix}")) {
            move_children(&part, placeholder, None);
        } else {
            continue;
        }
        part.remove_from_parent();
    }
}

/// Removes the fallback after `boundary`'s template and gives the comment
/// closing it, when the page kept its marks.
fn remove_fallback<'a>(boundary: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let opened = boundary
        .prev_sibling()
        .is_some_and(|mark| comment(&mark).is_some_and(|text| text == "$?"));
    if let Some(end) = opened.then(|| closing_mark(boundary)).flatten() {
        while let Some(node) = boundary.next_sibling().filter(|node| node.id != end.id) {
            node.remove_from_parent();
        }
        return Some(end);
    }
    if let Some(fallback) = boundary.next_element_sibling()
        && is_loading_fallback(&fallback.text())
    {
        fallback.remove_from_parent();
    }
    None
}

/// The comment closing the boundary opened before `boundary`'s template
/// (`<!--/$-->`, past the marks nested in the fallback); none on a page
/// that lost it, whose siblings then stay.
fn closing_mark<'a>(boundary: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut depth = 0_usize;
    let mut next = boundary.next_sibling();
    while let Some(node) = next {
        match comment(&node).as_deref() {
            Some("/$") if depth == 0 => return Some(node),
            Some("/$") => depth -= 1,
            Some("$" | "$?" | "$!") => depth += 1,
            _ => {}
        }
        next = node.next_sibling();
    }
    None
}

/// Whether `text` is what a fallback prints: nothing (a skeleton), or a
/// short label closed by an ellipsis ("Loading…").
fn is_loading_fallback(text: &str) -> bool {
    let text = text.trim();
    text.is_empty()
        || ((text.ends_with('…') || text.ends_with("..."))
            && text.split_whitespace().count() <= MAX_LOADING_LABEL_WORDS)
}

/// Moves `part`'s children into the place of `mark`, before `end` when
/// given (the boundary's closing comment), and removes the mark.
fn move_children(part: &NodeRef, mark: &NodeRef, end: Option<&NodeRef>) {
    if let Some(first) = part.first_child() {
        end.unwrap_or(mark).insert_siblings_before(&first);
    }
    mark.remove_from_parent();
}

/// The text of a comment node, none for any other node.
fn comment(node: &NodeRef) -> Option<String> {
    node.query(|node| match &node.data {
        NodeData::Comment { contents } => Some(contents.to_string()),
        _ => None,
    })
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the page's headings, paragraphs and footer, in page
    /// order, one space between them.
    fn body_text(html: &str) -> String {
        let doc = parse(html);
        let texts: Vec<String> = doc
            .select("h1, h2, p, footer")
            .iter()
            .map(|node| node.text().to_string())
            .collect();
        texts.join(" ")
    }

    #[test]
    fn a_part_replaces_its_boundary_s_fallback_between_the_comment_marks() {
        let html = r#"<body><article><h1>Ferry returns</h1>
            <!--$?--><template id="B:0"></template><div class="skeleton">Loading story…</div><!--/$-->
            <p>Tickets go on sale on Friday.</p></article>
            <footer>Harbour Times</footer>
            <div hidden id="S:0"><p>The island ferry sails again from Monday after a winter in dry dock.</p></div></body>"#;
        assert_eq!(
            body_text(html),
            "Ferry returns The island ferry sails again from Monday after a winter in dry dock. \
             Tickets go on sale on Friday. Harbour Times"
        );
    }

    #[test]
    fn nested_marks_inside_a_fallback_go_with_it() {
        let html = r#"<body><main><!--$?--><template id="B:1"></template>
            <div><!--$--><span>Loading…</span><!--/$--></div><!--/$--><p>Last line.</p></main>
            <div hidden id="S:1"><p>First line.</p></div></body>"#;
        assert_eq!(body_text(html), "First line. Last line.");
    }

    #[test]
    fn without_comment_marks_a_loading_label_or_a_skeleton_after_the_template_is_the_fallback() {
        let html = r#"<body><div class="article-body">
            <template id="B:0"></template><div>Loading paragraph...</div>
            <template id="B:1"></template><div class="pulse"><div></div></div>
            <template id="B:2"></template><h2>Where the ferry calls</h2>
            </div>
            <div hidden id="S:1"><p>Second part.</p></div>
            <div hidden id="S:0"><p>First part.</p></div>
            <div hidden id="S:2"><p>Third part.</p></div></body>"#;
        assert_eq!(
            body_text(html),
            "First part. Second part. Third part. Where the ferry calls"
        );
    }

    #[test]
    fn a_part_fills_its_placeholder_and_parts_nest() {
        let html = r#"<body><section><template id="P:3"></template><p>After.</p></section>
            <div hidden id="S:3"><p>Outer.</p><template id="P:4"></template></div>
            <div hidden id="S:4"><p>Inner.</p></div></body>"#;
        assert_eq!(body_text(html), "Outer. Inner. After.");
    }

    #[test]
    fn an_opened_boundary_never_closed_keeps_what_follows_it() {
        let html = r#"<body><main><!--$?--><template id="B:0"></template><div>Loading…</div>
            <p>Second part.</p></main><div hidden id="S:0"><p>First part.</p></div></body>"#;
        assert_eq!(body_text(html), "First part. Second part.");
    }

    #[test]
    fn a_hidden_part_without_a_mark_stays_where_it_is() {
        let html = r#"<body><p>Body.</p><div hidden id="S:9"><p>Kept aside.</p></div></body>"#;
        let doc = parse(html);
        assert_eq!(doc.select(r#"div[hidden][id="S:9"]"#).length(), 1);
    }
}
