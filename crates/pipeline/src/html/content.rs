//! The main content of a page, chosen by a cascade written once here:
//!
//! 1. **Our own extractor.** The container is the first of
//!    [`CONTENT_SELECTORS`] (article bodies as CMSs mark them, then
//!    `<article>`, `<main>`, `#content`…) holding at least
//!    `min_container_chars` of text that is not mostly links; pages that are
//!    not articles (a forum, a listing, a product…) take the page's main
//!    region whole, since their content is many items rather than one text.
//!    Inside it, boilerplate subtrees are pruned by tag ([`PRUNED_TAGS`]) and
//!    by class and id words ([`BOILERPLATE_WORDS`]); a forum keeps its
//!    comment and reply subtrees, which are its posts. Blocks that are mostly
//!    link text are dropped from articles and documentation (navigation),
//!    kept on listings and collections (their items are links).
//! 2. **A second opinion.** `dom_smoothie`, a port of Mozilla's
//!    Readability, scores the page's nodes by text and link density; it runs
//!    on articles only, when our container was not a marked article body.
//! 3. **The choice.** Ours stands unless the second opinion finds clearly
//!    more text (`second_opinion_ratio` times ours), which means our
//!    container missed part of the story; a choice shorter than
//!    `min_content_chars` falls back to the longer of the two, then to the
//!    whole page's body, pruned, and when pruning left nothing (the page's
//!    wrappers carry boilerplate names) to the whole body.
//!
//! Every threshold is in [`SETTINGS`].

use dom_query::{Document, NodeRef};

use super::blocks;
use crate::{
    article::PageType,
    document::{Block, Origin},
};

/// The cascade's thresholds, in one table.
#[derive(Debug)]
pub(crate) struct Settings {
    /// A container holds at least this many characters (white space aside)
    /// of text that is not link text.
    pub min_container_chars: usize,
    /// A container whose text is more than this share link text is a menu.
    pub max_container_link_share: f64,
    /// In an article, a block more than this share link text is dropped.
    pub max_block_link_share: f64,
    /// …unless it is this long (characters), when it is prose with links.
    pub long_block_chars: usize,
    /// The second opinion replaces ours when it has this many times our text.
    pub second_opinion_ratio: f64,
    /// A choice shorter than this (characters) falls back.
    pub min_content_chars: usize,
}

/// The thresholds in force.
pub(crate) const SETTINGS: Settings = Settings {
    min_container_chars: 250,
    max_container_link_share: 0.5,
    max_block_link_share: 0.6,
    long_block_chars: 160,
    second_opinion_ratio: 1.6,
    min_content_chars: 200,
};

/// Containers of an article's text, most specific first: what CMSs and
/// schema.org mark as the body, then the page's own article and main
/// regions.
pub(crate) const CONTENT_SELECTORS: &[&str] = &[
    "[itemprop=articleBody]",
    ".entry-content, .post-content, .article-content, .article-body, .article__body, .story-body, \
     .post-body, .c-article-body, .content-body, .articleBody, .article-text, .story-content, .post-entry, \
     .td-post-content, .single-content, .blog-post-content, .rich-text",
    "article",
    "main, [role=main]",
    "#content, #main, #main-content, .main-content, #primary, .content",
];

/// How many of the selectors above are marked article bodies: a container
/// found by one of them needs no second opinion.
const MARKED_BODY_SELECTORS: usize = 2;

/// The page's main region for pages that are not articles.
const MAIN_REGION_SELECTORS: &[&str] = &[
    "main, [role=main]",
    "#content, #main, #main-content, .main-content",
];

/// Elements never part of the main content.
/// (Not `form`: ASP.NET pages wrap the whole page in one.)
pub(crate) const PRUNED_TAGS: &[&str] = &["nav", "aside", "footer", "header", "dialog", "menu"];

/// Class and id words (lower case, split at `-`, `_` and spaces) that mark
/// boilerplate: navigation, sharing, promotion, consent, related links.
/// (Not `widget`: page builders such as Elementor call every block of the
/// article a widget.)
pub(crate) const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "footer",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "related",
    "recommended",
    "promo",
    "advert",
    "advertisement",
    "ads",
    "banner",
    "cookie",
    "cookies",
    "consent",
    "popup",
    "modal",
    "pagination",
    "pager",
    "toolbar",
    "skip",
    "login",
    "signup",
    "comments",
    "comment",
    "disqus",
    "respond",
    "tags",
    "taglist",
    "byline",
    "author",
    "meta",
];

/// Boilerplate words that name a forum's posts, kept on forum pages.
const POST_WORDS: &[&str] = &["comments", "comment", "respond", "author", "meta"];

/// The blocks of the page's main content, for a page of kind `kind`.
pub(crate) fn extract(doc: Document, kind: PageType, base: Option<&url::Url>) -> Vec<Block> {
    let whole = doc
        .select("body")
        .nodes()
        .first()
        .map(|body| blocks::collect(body, Origin::Text, base));
    let chosen = cascade(doc, kind, base);
    if chosen.is_empty() {
        // Pruning took everything: the page's boilerplate names wrap its text.
        return whole.unwrap_or_default();
    }
    chosen
}

/// Steps 1 to 3 of the module comment.
fn cascade(doc: Document, kind: PageType, base: Option<&url::Url>) -> Vec<Block> {
    let prune = |node: &NodeRef<'_>| is_boilerplate(node, kind);
    let is_article = matches!(kind, PageType::Article | PageType::Unspecified);
    let (container, marked) = if is_article || kind == PageType::Documentation {
        match container(&doc, CONTENT_SELECTORS) {
            Some((node, index)) => (Some(node), index < MARKED_BODY_SELECTORS),
            None => (None, false),
        }
    } else {
        (
            container(&doc, MAIN_REGION_SELECTORS).map(|(node, _)| node),
            false,
        )
    };
    let keep_links = matches!(kind, PageType::Listing | PageType::Collection);
    let ours = container
        .map(|node| {
            filtered(
                blocks::collect_pruned(&node, Origin::Text, base, prune),
                keep_links,
            )
        })
        .unwrap_or_default();
    let body = || {
        let body = doc.select("body");
        body.nodes()
            .first()
            .map(|node| {
                filtered(
                    blocks::collect_pruned(node, Origin::Text, base, prune),
                    keep_links,
                )
            })
            .unwrap_or_default()
    };
    let ours_chars = chars(&ours);
    if !is_article || marked {
        return if ours_chars >= SETTINGS.min_content_chars {
            ours
        } else {
            longest(ours, body())
        };
    }
    let fallback = body();
    let second = second_opinion(doc, base);
    #[allow(clippy::cast_precision_loss)]
    let second_is_fuller = chars(&second) as f64 > SETTINGS.second_opinion_ratio * ours_chars as f64;
    let chosen = if second_is_fuller || ours_chars < SETTINGS.min_content_chars {
        longest(ours, second)
    } else {
        ours
    };
    if chars(&chosen) >= SETTINGS.min_content_chars {
        chosen
    } else {
        longest(chosen, fallback)
    }
}

/// The first selector's best node (the one with most text that is not
/// links) holding enough text, and the selector's index.
fn container<'a>(doc: &'a Document, selectors: &[&str]) -> Option<(NodeRef<'a>, usize)> {
    selectors.iter().enumerate().find_map(|(index, selector)| {
        doc.select(selector)
            .nodes()
            .iter()
            .map(|node| (*node, unlinked_chars(node)))
            .filter(|(_, (text, linked))| {
                let text = *text;
                #[allow(clippy::cast_precision_loss)]
                let share = *linked as f64 / text.max(1) as f64;
                text.saturating_sub(*linked) >= SETTINGS.min_container_chars
                    && share <= SETTINGS.max_container_link_share
            })
            .max_by_key(|(_, (text, linked))| text - linked)
            .map(|(node, _)| (node, index))
    })
}

/// A node's characters, and how many of them are link text.
fn unlinked_chars(node: &NodeRef<'_>) -> (usize, usize) {
    let text = blocks::text_chars(&node.text());
    let linked = node
        .find(&["a"])
        .iter()
        .map(|link| blocks::text_chars(&link.text()))
        .sum::<usize>();
    (text, linked.min(text))
}

/// Whether the element is boilerplate on a page of kind `kind`.
fn is_boilerplate(node: &NodeRef<'_>, kind: PageType) -> bool {
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    if PRUNED_TAGS.contains(&name.as_ref()) {
        return true;
    }
    if matches!(name.as_ref(), "body" | "main" | "article" | "html") {
        return false;
    }
    let names = [node.attr("class"), node.attr("id")];
    names.iter().flatten().any(|value| {
        value
            .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
            .map(str::to_ascii_lowercase)
            .any(|word| {
                BOILERPLATE_WORDS.contains(&word.as_str())
                    && !(kind == PageType::Forum && POST_WORDS.contains(&word.as_str()))
            })
    })
}

/// The blocks without those that are mostly link text, unless `keep_links`.
fn filtered(blocks: Vec<Block>, keep_links: bool) -> Vec<Block> {
    if keep_links {
        return blocks;
    }
    blocks
        .into_iter()
        .filter(|block| {
            let text = blocks::text_chars(&block.text);
            #[allow(clippy::cast_precision_loss)]
            let share = block.linked_chars as f64 / text.max(1) as f64;
            share <= SETTINGS.max_block_link_share || text >= SETTINGS.long_block_chars
        })
        .collect()
}

/// The second opinion: the content `dom_smoothie` chooses, none when it
/// finds none.
fn second_opinion(doc: Document, base: Option<&url::Url>) -> Vec<Block> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: 0,
        ..dom_smoothie::Config::default()
    };
    let article = dom_smoothie::Readability::with_document(doc, base.map(url::Url::as_str), Some(config))
        .and_then(|mut readability| readability.parse());
    match article {
        Ok(article) => {
            let content = Document::fragment(article.content);
            blocks::collect(&content.root(), Origin::Text, base)
        }
        Err(_) => Vec::new(),
    }
}

/// The characters of the blocks' text.
fn chars(blocks: &[Block]) -> usize {
    blocks.iter().map(|block| blocks::text_chars(&block.text)).sum()
}

/// The one with more text.
fn longest(a: Vec<Block>, b: Vec<Block>) -> Vec<Block> {
    if chars(&b) > chars(&a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str, kind: PageType) -> Vec<String> {
        extract(Document::from(html), kind, None)
            .into_iter()
            .map(|block| block.text)
            .collect()
    }

    const PARAGRAPH: &str = "The harbour board agreed on Thursday to rebuild the north wall before winter, after storms in March left a gap wide enough for a small boat to pass through at high tide.";

    #[test]
    fn a_marked_article_body_is_the_content_without_its_boilerplate() {
        let html = format!(
            r#"<body><nav><a href="/">Home</a></nav><div class="entry-content"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>
            <div class="share-buttons">Share on Facebook</div></div><div class="sidebar"><p>Most read today</p></div></body>"#
        );
        let texts = texts(&html, PageType::Article);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.iter().all(|text| text == PARAGRAPH));
    }

    #[test]
    fn an_article_drops_lines_of_links_and_a_listing_keeps_them() {
        let items = r#"<ul><li><a href="/a">Harbour wall to be rebuilt before the winter storms</a></li>
            <li><a href="/b">Ferry timetable changes from the first of May this year</a></li></ul>"#;
        let html = format!("<body><main><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{items}</main></body>");
        assert_eq!(texts(&html, PageType::Article).len(), 2);
        assert_eq!(texts(&html, PageType::Listing).len(), 4);
    }

    #[test]
    fn a_forum_keeps_its_replies() {
        let html = format!(
            r#"<body><main><div class="post"><p>{PARAGRAPH}</p></div>
            <div class="comment reply"><p>I saw the gap myself last week, and it is wider than the photographs suggest.</p></div></main></body>"#
        );
        assert_eq!(texts(&html, PageType::Forum).len(), 2);
    }

    #[test]
    fn a_page_without_a_container_falls_back_to_its_body() {
        let html = format!("<body><div><p>{PARAGRAPH}</p></div><footer>© Harbour News</footer></body>");
        assert_eq!(texts(&html, PageType::Article), [PARAGRAPH]);
    }
}
