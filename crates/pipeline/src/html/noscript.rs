//! A `<noscript>` that holds the page, read as the page. The parser reads a
//! `<noscript>` as markup (as a browser without scripts does), and what it
//! holds is usually a tracking pixel or "Please enable JavaScript": never
//! article text, so the extraction skips it. Two kinds of page put their
//! content there instead:
//! - a page that opens an element in a `<noscript>` to style a script-less
//!   browser (`<noscript><div class="no-js"></noscript>`): the parser does
//!   not close an open `<div>` at `</noscript>`, so the rest of the body
//!   ends up inside it;
//! - an app that prints its content for readers without scripts only
//!   (Discourse's crawler view, `<noscript data-path="/t/…">`).
//!
//! A `<noscript>` holding an `<h1>` is such a one: its children take its
//! place, so every later step reads them as the page's. Text alone is no
//! sign: a page rendered by its script may print its article again in a
//! `<noscript>` for readers without scripts, which would then be read twice.

use dom_query::{Document, NodeRef};

/// Puts in its place each `<noscript>` of `doc`'s body that holds the page.
pub(super) fn unwrap_content(doc: &Document) {
    let holders: Vec<NodeRef> = doc
        .select("body noscript")
        .nodes()
        .iter()
        .filter(|noscript| holds_content(noscript))
        .copied()
        .collect();
    for noscript in holders {
        if let Some(first) = noscript.first_child() {
            first.unwrap_node();
        }
    }
}

/// Whether a `<noscript>` holds the page (its headline) rather than a
/// notice, a pixel or a copy of an article printed outside it.
fn holds_content(noscript: &NodeRef) -> bool {
    noscript
        .descendants_it()
        .any(|node| node.node_name().as_deref() == Some("h1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unwrapped(html: &str) -> Document {
        let doc = Document::from(html);
        unwrap_content(&doc);
        doc
    }

    #[test]
    fn a_noscript_holding_the_page_is_read_as_the_page() {
        let cases = [
            // An element opened for script-less browsers takes the body in.
            r#"<body><noscript><div class="no-js"></noscript><h1>Bears in the park</h1><p>Nine cubs.</p><noscript></div></noscript></body>"#,
            // An app's view for readers without scripts.
            r#"<body><div id="app"></div><noscript data-path="/t/42"><h1>Bears in the park</h1><p>Nine cubs.</p></noscript></body>"#,
        ];
        for html in cases {
            let doc = unwrapped(html);
            assert!(doc.select("noscript h1").is_empty(), "{html}");
            assert_eq!(doc.select("h1").text().as_ref(), "Bears in the park", "{html}");
        }
    }

    #[test]
    fn a_noscript_notice_pixel_or_copy_of_the_article_stays_where_it_is() {
        let doc = unwrapped(
            r#"<body><noscript><img src="/pixel.gif"></noscript>
            <noscript><p>Please enable JavaScript to read the comments.</p></noscript>
            <h1>Bears in the park</h1><div id="story"><p>Nine cubs.</p></div>
            <noscript><div><p>Nine cubs.</p></div></noscript></body>"#,
        );
        assert_eq!(doc.select("noscript").length(), 3);
    }
}
