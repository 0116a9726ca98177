//! From a page to blocks and metadata, in place of `unicode` and `blocks`. The page is parsed
//! by html5ever (through `dom_query`), which survives any markup, and the
//! parts a streamed page sends after its end are put in place (`streamed`),
//! as is a `<noscript>` that holds the page (`noscript`);
//! its metadata is read; its kind is told (`page_type`); the boxes our own
//! rules know are taken out (`boxes`), and reader comments apart from them
//! (`reader_comments`); the main content is chosen by the cascade in
//! `content` (our extractor, `dom_smoothie` as a second opinion); and the
//! content and the boxes are cut into blocks, so the text stages that
//! follow see the same shapes as for plain text; on a forum, what a reply
//! quotes of an earlier post is kept once (`repeated`).
//!
//! Reads: `Input::text` (the page) and `Article::url`. Writes: the blocks,
//! with their `Origin` and `href`, `Article::page_type`, `Document::page`
//! and `Article::reader_comments`; refuses a page nesting too deep or giving
//! no block.

mod article_body;
pub(crate) mod authors;
mod blocks;
mod boxes;
mod caption_boxes;
mod content;
mod dates;
mod json_ld;
mod metadata;
mod narrowed;
mod nesting;
mod noscript;
mod page_type;
mod reader_comments;
mod repeated;
mod streamed;

use dom_query::Document;

pub(crate) use dates::{PageDate, printed as printed_day};
pub(crate) use metadata::Metadata;

use crate::{
    article::{PageType, ReaderComment},
    document::Block,
    error::NormalizeError,
};

/// Pages nesting elements deeper than this are refused: real pages stay far
/// below it, and the content extractor walks the tree recursively.
pub const MAX_NESTING_DEPTH: usize = 512;

/// Before parsing, the depth estimated from the tags may go this far: the
/// estimate counts elements the parser may close on its own, so it is
/// allowed more room than the exact check after parsing.
const MAX_ESTIMATED_DEPTH: usize = 2 * MAX_NESTING_DEPTH;

/// The blocks of a page and what it says about itself.
#[derive(Debug)]
pub(crate) struct Page {
    pub metadata: Metadata,
    pub page_type: PageType,
    pub blocks: Vec<Block>,
    pub reader_comments: Vec<ReaderComment>,
}

/// Parses `html` and sets the page as a reader sees it: the parts streamed
/// after it in place (`streamed`), and a `<noscript>` holding the page read
/// as the page (`noscript`).
pub(crate) fn parse_page(html: &str) -> Document {
    let doc = streamed::parse(html);
    noscript::unwrap_content(&doc);
    doc
}

/// Parses `html` and extracts its article; `page_url` (absolute or empty)
/// makes relative links absolute until the page names its canonical URL.
///
/// # Errors
/// [`NormalizeError::TooDeep`] when elements nest deeper than
/// [`MAX_NESTING_DEPTH`].
pub(crate) fn extract(html: &str, page_url: &str) -> Result<Page, NormalizeError> {
    let too_deep = NormalizeError::TooDeep {
        limit: MAX_NESTING_DEPTH,
    };
    if nesting::exceeds_before_parsing(html, MAX_ESTIMATED_DEPTH) {
        return Err(too_deep);
    }
    let doc = parse_page(html);
    if nesting::depth(&doc, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH {
        return Err(too_deep);
    }
    let page_url = url::Url::parse(page_url).ok();
    let mut metadata = metadata::read(&doc, page_url.as_ref());
    let base = metadata
        .canonical_url
        .as_deref()
        .and_then(|canonical| url::Url::parse(canonical).ok())
        .or(page_url);
    let signed = !metadata.authors.is_empty() || metadata.byline.is_some();
    let page_type = page_type::classify(&doc, &page_type::Signals::read(&doc, base.as_ref(), signed));
    metadata.settle_byline(page_type, &doc);
    metadata.settle_date(page_type, &doc);
    let (boxed, reader_comments) = take_known(&doc, page_type, base.as_ref());
    let reparse = || {
        let doc = parse_page(html);
        take_known(&doc, page_type, base.as_ref());
        doc
    };
    let mut blocks = content::extract(doc, page_type, base.as_ref(), reparse);
    if let Some(stated) = metadata.article_body.take()
        && matches!(page_type, PageType::Article | PageType::Unspecified)
    {
        blocks = article_body::checked(blocks, &stated, base.as_ref());
    }
    if page_type == PageType::Forum {
        repeated::mark(&mut blocks);
    }
    blocks.extend(boxed);
    Ok(Page {
        metadata,
        page_type,
        blocks,
        reader_comments,
    })
}

/// The page's metadata, as [`extract`] reads it (for the benches).
pub(crate) fn read_metadata(doc: &Document, page_url: Option<&url::Url>) -> metadata::Metadata {
    metadata::read(doc, page_url)
}

/// Takes what our own rules know out of the page, a page of kind `kind`,
/// before the main content is chosen: labelled commentary boxes, then
/// reader comments (none on a forum, whose posts are its content), then the
/// other boxes; and marks caption boxes as figures. Gives the boxes' blocks
/// and the reader comments.
fn take_known(doc: &Document, kind: PageType, base: Option<&url::Url>) -> (Vec<Block>, Vec<ReaderComment>) {
    let mut boxed = boxes::take_labelled(doc, base);
    let reader_comments = reader_comments::take(doc, kind);
    boxed.extend(boxes::take(doc, base));
    caption_boxes::mark(doc);
    (boxed, reader_comments)
}

/// Extracts the page's blocks and metadata into the document.
///
/// # Errors
/// As [`extract`].
pub(crate) fn apply(doc: &mut crate::document::Document<'_>) -> Result<(), NormalizeError> {
    let page = extract(doc.input.text, &doc.article.url)?;
    doc.blocks = page.blocks;
    doc.article.page_type = page.page_type;
    doc.page = Some(page.metadata);
    doc.article.reader_comments = page.reader_comments;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Origin;

    const PAGE: &str = r#"<!doctype html><html><head>
        <title>Dam opens | River Post</title>
        <meta property="og:site_name" content="River Post">
        <link rel="canonical" href="https://riverpost.example/dam-opens">
        </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Dam opens</h1>
        <p>The new dam on the Lune opened on Monday after four years of building work and a long dispute over its cost.</p>
        <figure><img src="dam.jpg" alt="The dam at dawn"><figcaption>The dam at dawn</figcaption></figure>
        <p>Engineers say the reservoir behind it will take two winters to fill, and the old weir will stay in place until then.</p>
        <p>Anglers had asked for a fish pass, which the council added to the plans in the second year of building.</p>
        <aside class="editors-note"><p>An earlier version of this story misnamed the river.</p></aside>
        <div class="related-links"><h4>See also</h4><ul><li><a href="/weir">The old weir, a history</a></li></ul></div>
        </article>
        <footer>© River Post. All rights reserved.</footer>
        </body></html>"#;

    #[test]
    fn a_page_gives_its_content_then_its_boxes_with_absolute_links() {
        let page = extract(PAGE, "").expect("a page");
        let texts: Vec<&str> = page.blocks.iter().map(|block| block.text.as_str()).collect();
        assert!(
            texts.iter().any(|text| text.starts_with("The new dam")),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|text| text.contains("All rights")), "{texts:?}");
        assert!(!texts.contains(&"Home News"), "{texts:?}");
        let figure = page.blocks.iter().filter(|b| b.origin == Origin::Figure).count();
        assert_eq!(figure, 2, "{texts:?}");
        let link = page
            .blocks
            .iter()
            .find(|b| b.origin == Origin::RelatedLinks && b.href.is_some());
        assert_eq!(
            link.and_then(|b| b.href.as_deref()),
            Some("https://riverpost.example/weir")
        );
        assert_eq!(page.metadata.title, "Dam opens");
    }

    #[test]
    fn pages_nesting_too_deep_are_refused_before_or_after_parsing() {
        let parsed = "<div>".repeat(MAX_NESTING_DEPTH + 10);
        assert!(matches!(
            extract(&parsed, ""),
            Err(NormalizeError::TooDeep { .. })
        ));
        let estimated = "<div>".repeat(MAX_ESTIMATED_DEPTH + 10);
        assert!(nesting::exceeds_before_parsing(&estimated, MAX_ESTIMATED_DEPTH));
        assert!(matches!(
            extract(&estimated, ""),
            Err(NormalizeError::TooDeep { .. })
        ));
    }

    #[test]
    fn a_page_without_text_gives_no_blocks() {
        let page =
            extract("<html><head><script>x()</script></head><body></body></html>", "").expect("a page");
        assert!(page.blocks.is_empty());
    }
}
