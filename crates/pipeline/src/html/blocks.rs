//! Cutting a DOM subtree into blocks: a block element (paragraph, heading,
//! list item, table cell, caption…) or a `<br>` ends a block; inline
//! elements and links stay in the text, their URLs out of it. The walk keeps
//! its own stack, so no nesting depth can exhaust the thread's stack; a
//! caller may prune subtrees it knows are boilerplate, and each block counts
//! the characters of its text that were link text.

use dom_query::NodeRef;

use super::metadata::absolute;
use crate::{
    document::{Block, Origin},
    unicode,
};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
    "audio", "map", "button", "select", "option", "input", "textarea", "head",
];

/// Elements that start and end a block of their own.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// An image's alt text outside a `<figure>` is a caption only with at least
/// this many words: shorter ones name logos and icons.
const MIN_LOOSE_ALT_WORDS: usize = 4;

/// What a figure of something other than an image holds: its cells, quotes
/// and items are text, not captions.
const NOT_IMAGE_FIGURE: &str = "table, blockquote, ul, ol, pre, dl";

/// Whether a `<figure>` is an image's (or a video's), so that what it says
/// is a caption: WordPress prints tables and pull quotes in figures too.
fn is_image_figure(figure: &NodeRef<'_>) -> bool {
    let media = dom_query::Selection::from(*figure).select("img, picture, video, iframe, svg, object");
    media.exists()
        && !dom_query::Selection::from(*figure)
            .select(NOT_IMAGE_FIGURE)
            .exists()
}

/// One step of the walk.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(Element),
}

/// What leaving an element must undo.
#[derive(Clone, Copy)]
enum Element {
    Block,
    ListItem,
    Figure,
    /// A link: leaving it ends the link text, not the block.
    Link,
}

/// The block being written, and where the walk is.
struct Writer<'u> {
    origin: Origin,
    page_url: Option<&'u url::Url>,
    raw: String,
    hrefs: Vec<String>,
    list_depth: usize,
    figure_depth: usize,
    link_depth: usize,
    /// Characters of `raw` written inside a link.
    linked: usize,
    blocks: Vec<Block>,
}

impl Writer<'_> {
    fn flush(&mut self) {
        let text = unicode::normalize(&self.raw);
        self.raw.clear();
        let hrefs = std::mem::take(&mut self.hrefs);
        let linked = std::mem::take(&mut self.linked);
        if text.is_empty() {
            return;
        }
        let href = match hrefs.as_slice() {
            [only] => absolute(only, self.page_url),
            _ => None,
        };
        let mut block = Block::new(text, self.list_depth > 0);
        block.origin = if self.figure_depth > 0 {
            Origin::Figure
        } else {
            self.origin
        };
        block.href = href;
        block.linked_chars = linked.min(text_chars(&block.text));
        self.blocks.push(block);
    }

    fn push_text(&mut self, text: &str) {
        if self.link_depth > 0 {
            self.linked += text_chars(text);
        }
        // Line breaks in markup are spaces; `unicode::normalize` folds the runs.
        self.raw
            .extend(text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
    }

    fn push_image(&mut self, alt: &str) {
        let alt = alt.trim();
        let in_figure = self.figure_depth > 0;
        if alt.is_empty() || (!in_figure && alt.split_whitespace().count() < MIN_LOOSE_ALT_WORDS) {
            return;
        }
        // The alt text is a block of its own, from a figure.
        self.flush();
        self.figure_depth += 1;
        self.push_text(alt);
        self.flush();
        self.figure_depth -= 1;
    }
}

pub(crate) use crate::document::text_chars;

/// The blocks of `root`'s subtree, in document order, each from `origin`
/// unless inside a figure; `page_url` makes link targets absolute.
pub(crate) fn collect(root: &NodeRef<'_>, origin: Origin, page_url: Option<&url::Url>) -> Vec<Block> {
    collect_pruned(root, origin, page_url, |_| false)
}

/// As [`collect`], without the subtrees of the elements `prune` names.
pub(crate) fn collect_pruned<'a>(
    root: &NodeRef<'a>,
    origin: Origin,
    page_url: Option<&url::Url>,
    prune: impl Fn(&NodeRef<'a>) -> bool,
) -> Vec<Block> {
    let mut writer = Writer {
        origin,
        page_url,
        raw: String::new(),
        hrefs: Vec::new(),
        list_depth: 0,
        figure_depth: 0,
        link_depth: 0,
        linked: 0,
        blocks: Vec::new(),
    };
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::Leave(Element::Link) => {
                writer.link_depth -= 1;
                continue;
            }
            Step::Leave(element) => {
                writer.flush();
                match element {
                    Element::Block | Element::Link => {}
                    Element::ListItem => writer.list_depth -= 1,
                    Element::Figure => writer.figure_depth -= 1,
                }
                continue;
            }
        };
        if node.is_text() {
            writer.push_text(&node.text());
            continue;
        }
        if node.is_element() {
            let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
            match name.as_str() {
                name if SKIPPED.contains(&name) => continue,
                _ if node.id != root.id && prune(&node) => continue,
                "br" | "hr" => {
                    writer.flush();
                    continue;
                }
                "img" => {
                    writer.push_image(&node.attr("alt").unwrap_or_default());
                    continue;
                }
                "a" => {
                    if let Some(href) = node.attr("href") {
                        writer.hrefs.push(href.trim().to_owned());
                    }
                    writer.link_depth += 1;
                    stack.push(Step::Leave(Element::Link));
                }
                name if BLOCK_ELEMENTS.contains(&name) => {
                    writer.flush();
                    let element = match name {
                        "li" => {
                            writer.list_depth += 1;
                            Element::ListItem
                        }
                        "figure" if !is_image_figure(&node) => Element::Block,
                        "figure" | "figcaption" => {
                            writer.figure_depth += 1;
                            Element::Figure
                        }
                        _ => Element::Block,
                    };
                    stack.push(Step::Leave(element));
                }
                _ => {}
            }
        } else if !node.is_document() && !node.is_fragment() {
            continue;
        }
        let children: Vec<NodeRef<'_>> = node.children_it(true).collect();
        stack.extend(children.into_iter().map(Step::Enter));
    }
    writer.flush();
    writer.blocks
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    fn blocks_of(html: &str) -> Vec<Block> {
        let doc = Document::from(html);
        let url = url::Url::parse("https://page.example/news/story").ok();
        collect(&doc.root(), Origin::Text, url.as_ref())
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|block| block.text.as_str()).collect()
    }

    #[test]
    fn block_elements_and_line_breaks_cut_blocks_and_inline_markup_stays_in_them() {
        let blocks = blocks_of(
            "<div><p>One <b>bold</b>\n  claim.</p>Loose text<h2>Sub</h2><p>Line<br>break</p></div>",
        );
        assert_eq!(
            texts(&blocks),
            ["One bold claim.", "Loose text", "Sub", "Line", "break"]
        );
    }

    #[test]
    fn scripts_styles_and_forms_controls_leave_no_text() {
        let blocks = blocks_of("<p>Kept</p><script>var x = 1;</script><style>p{}</style><button>Go</button>");
        assert_eq!(texts(&blocks), ["Kept"]);
    }

    #[test]
    fn list_items_are_marked_and_a_single_link_gives_the_href() {
        let blocks = blocks_of(
            r#"<ul><li><a href="/a">First</a></li><li>Plain <a href="x">one</a> <a href="y">two</a></li></ul>"#,
        );
        assert_eq!(texts(&blocks), ["First", "Plain one two"]);
        assert!(blocks.iter().all(|block| block.list_item));
        assert_eq!(blocks[0].href.as_deref(), Some("https://page.example/a"));
        assert_eq!(blocks[1].href, None);
    }

    #[test]
    fn figure_captions_and_alt_texts_come_from_the_figure() {
        let blocks = blocks_of(
            r#"<p>Body.</p><figure><img alt="Boats in the bay"><figcaption>Boats in the bay</figcaption></figure>
            <img alt="Logo"><img alt="Crews rebuild the old harbour wall">"#,
        );
        assert_eq!(
            texts(&blocks),
            [
                "Body.",
                "Boats in the bay",
                "Boats in the bay",
                "Crews rebuild the old harbour wall"
            ]
        );
        let origins: Vec<Origin> = blocks.iter().map(|block| block.origin).collect();
        assert_eq!(
            origins,
            [Origin::Text, Origin::Figure, Origin::Figure, Origin::Figure]
        );
    }

    #[test]
    fn a_figure_holding_a_table_or_a_quote_gives_text_not_captions() {
        let blocks = blocks_of(
            r#"<figure class="wp-block-table"><table><tr><td>Rank</td><td>Price</td></tr></table></figure>
            <figure class="wp-block-pullquote"><blockquote><p>We will rebuild.</p></blockquote></figure>
            <figure><img alt="A gull"><figcaption>A gull</figcaption></figure>"#,
        );
        let origins: Vec<(&str, Origin)> = blocks.iter().map(|b| (b.text.as_str(), b.origin)).collect();
        assert_eq!(
            origins,
            [
                ("Rank", Origin::Text),
                ("Price", Origin::Text),
                ("We will rebuild.", Origin::Text),
                ("A gull", Origin::Figure),
                ("A gull", Origin::Figure)
            ]
        );
    }

    #[test]
    fn entities_are_decoded_and_spacing_normalized() {
        let blocks = blocks_of("<p>Fish&nbsp;&amp;&#160;chips &bogus; caf&eacute;</p>");
        assert_eq!(texts(&blocks), ["Fish & chips &bogus; café"]);
    }

    #[test]
    fn very_deep_nesting_is_walked_without_recursion() {
        let depth = 50_000;
        let html = format!("{}deep{}", "<span>".repeat(depth), "</span>".repeat(depth));
        assert_eq!(texts(&blocks_of(&html)), ["deep"]);
    }
}
