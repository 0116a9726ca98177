//! The main content of a page, chosen by a cascade written once here:
//!
//! 1. **A marked article body.** On articles, the first of the
//!    [`MARKED_BODY_SELECTORS`] of [`CONTENT_SELECTORS`]
//!    (`itemprop=articleBody`, the body classes CMSs print) with a container
//!    holding at least `min_container_chars` of text that is not mostly
//!    links gives the text: that container and every other part it marks
//!    (a CMS may print one per section), each once and none inside
//!    boilerplate, when they keep `min_content_chars` once pruned (see
//!    step 3).
//! 2. **Readability.** Otherwise, on articles, `dom_smoothie`, a port of
//!    Mozilla's Readability, scores the page's nodes by text and link
//!    density; a choice of at least `min_content_chars` stands, unless it
//!    holds less than `min_readability_share` of the region the page names
//!    as its article or main content ([`NAMED_REGION_SELECTORS`]), pruned as
//!    in step 3: then it took one section of a long guide or one card of a
//!    page of them, and the region is the text. This was the whole
//!    extractor before the cascade, and it is right on most news pages; it
//!    runs on the page as parsed (the page is parsed a second time only
//!    when it finds too little).
//! 3. **Our own extractor.** On pages that are not articles (a forum, a
//!    listing, a product…), and on articles where Readability found too
//!    little, the container is the first of [`CONTENT_SELECTORS`] (articles,
//!    documentation), of [`PRODUCT_SELECTORS`] (a product's description,
//!    then its main region) or of the main-region selectors (the rest, whose
//!    content is many items rather than one text). Inside it, boilerplate
//!    subtrees are pruned by tag ([`PRUNED_TAGS`]) and by class and id words
//!    ([`BOILERPLATE_WORDS`]); a forum keeps its comment and reply subtrees,
//!    which are its posts, but not the poster's card its engine prints
//!    beside each ([`FORUM_USER_CARD_CLASSES`]) nor lines that are only a
//!    count; a product page also loses its reviews, ratings,
//!    carousels of other products and fine print
//!    ([`PRODUCT_BOILERPLATE_WORDS`]).
//!    When pruning keeps less than `min_kept_share` of the container's
//!    text, the named boxes longer than `max_box_chars` stay (a theme that
//!    calls every section a `banner`), except on a shop's pages.
//!    Blocks that are mostly link text are dropped (navigation), except on
//!    listings and collections (their items are links). On articles the
//!    longer of this and Readability's choice wins.
//! 4. **Fallback.** A choice shorter than `min_content_chars` gives way to
//!    the whole body, pruned, when that is longer; when pruning left nothing
//!    (the page's wrappers carry boilerplate names) to the whole body.
//!
//! Every threshold is in [`SETTINGS`].

use std::{cell::RefCell, collections::HashSet};

use dom_query::{Document, NodeRef};
use dom_smoothie::{Article, ParsePolicy};

use super::blocks;
use crate::{
    article::{PageType, RemovedKind},
    document::{Block, Origin, Role},
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
    /// A choice shorter than this (characters) falls back.
    pub min_content_chars: usize,
    /// On an article, Readability's choice gives way to the region the
    /// page names as its article or main content when it holds less than
    /// this share of that region's characters (pruned): it took one part.
    pub min_readability_share: f64,
    /// In Readability's choice, the boxes named as boilerplate are removed
    /// only when together they hold at most this share of the choice's
    /// characters: more is the article under loose names.
    pub max_pruned_share: f64,
    /// …and each holds at most this many characters that are not link
    /// text: a longer one is a part of the text under a loose name.
    pub max_box_chars: usize,
    /// When pruning keeps less than this share of our container's text
    /// that is not links, its boxes longer than `max_box_chars` stay.
    pub min_kept_share: f64,
    /// An element named after a sidebar ([`LAYOUT_WORDS`]) that holds more
    /// than this share of its container's characters is the layout around
    /// the text (`main-with-sidebar`), not the sidebar, and is not pruned.
    pub min_layout_share: f64,
}

/// The thresholds in force.
pub(crate) const SETTINGS: Settings = Settings {
    min_container_chars: 250,
    max_container_link_share: 0.5,
    max_block_link_share: 0.6,
    long_block_chars: 160,
    min_content_chars: 200,
    min_readability_share: 0.5,
    max_pruned_share: 0.25,
    max_box_chars: 1_200,
    min_kept_share: 0.2,
    min_layout_share: 0.5,
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
/// found by one of them is the article's text, without a second opinion.
const MARKED_BODY_SELECTORS: usize = 2;

/// How many of the selectors above name the article's region by what it
/// is (marked bodies, `article`, `main`); the rest are generic wrappers
/// (`#content`, `.content`) too loose to outweigh Readability.
const NAMED_REGION_SELECTORS: usize = 4;

/// The page's main region for pages that are not articles.
const MAIN_REGION_SELECTORS: &[&str] = &[
    "main, [role=main]",
    "#content, #main, #main-content, .main-content",
];

/// A product page's description, as shops and schema.org mark it, then
/// the page's main region.
const PRODUCT_SELECTORS: &[&str] = &[
    "div[itemprop=description], section[itemprop=description], [itemprop=description] > div",
    ".product-description, .product__description, .product-single__description, #product-description, \
     .woocommerce-product-details__short-description, #tab-description, #description, .product-details",
    "main, [role=main]",
    "#content, #main, #main-content, .main-content",
];

/// Elements never part of the main content.
/// (Not `form`: ASP.NET pages wrap the whole page in one.)
pub(crate) const PRUNED_TAGS: &[&str] = &["nav", "aside", "footer", "header", "dialog", "menu"];

/// Class and id words (lower case, split at `-`, `_` and spaces) that mark
/// boilerplate: navigation, sharing, promotion, consent, related links and
/// rails of other stories (`trending`).
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
    "trending",
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

/// Boilerplate words that a page's layout also names its main column by
/// (`main-with-sidebar`, `c-layout-sidebar-left`): see `min_layout_share`.
const LAYOUT_WORDS: &[&str] = &["sidebar"];

/// Boilerplate words that name a forum's posts, kept on forum pages.
const POST_WORDS: &[&str] = &["comments", "comment", "respond", "author", "meta"];

/// Classes (whole, any case) that forum engines give the poster's card
/// beside each post: the rank or title the board gives them and their
/// statistics (posts, join date, reactions, reputation), and what sits under
/// a post rather than in it (its likes; on a question-and-answer board the
/// short comments on a question or answer, which the answers are not). The
/// poster's name and the post's date stay: they say who wrote what, and when.
const FORUM_USER_CARD_CLASSES: &[&str] = &[
    // XenForo 2, then 1 (and vBulletin's `usertitle`)
    "message-userExtras",
    "message-userTitle",
    "extraUserInfo",
    "userTitle",
    // vBulletin
    "userinfo_extra",
    // phpBB
    "profile-rank",
    "profile-posts",
    "profile-joined",
    // MyBB
    "author_statistics",
    // Simple Machines
    "postcount",
    "membergroup",
    "postgroup",
    // Invision
    "ipsEntry__authorStats",
    "cAuthorPane_info",
    // Discourse's page for crawlers: a post's likes
    "post-likes",
    // Stack Exchange: reputation and badges; comments under a question or answer
    "-flair",
    "comments-list",
];

/// Class and id words that mark boilerplate on a product page only: what
/// shoppers say of the product (reviews, ratings), the carousels of other
/// products beside it, and the fine print under the offer (a maker's
/// disclaimers and footnotes, the legal lines of a game's store page). An
/// article's review, slideshow or legal notes are its text, so these stay
/// out of [`BOILERPLATE_WORDS`].
const PRODUCT_BOILERPLATE_WORDS: &[&str] = &[
    "review",
    "reviews",
    "rating",
    "ratings",
    "carousel",
    "disclaimer",
    "disclaimers",
    "legal",
];

/// The blocks of the page's main content, for a page of kind `kind`.
/// `reparse` gives the page again, as `doc` came, for the rare article
/// where Readability (which takes the page apart) finds too little: parsing
/// again then costs less than copying every article's tree beforehand.
pub(crate) fn extract(
    doc: Document,
    kind: PageType,
    base: Option<&url::Url>,
    reparse: impl Fn() -> Document,
) -> Vec<Block> {
    if matches!(kind, PageType::Article | PageType::Unspecified) {
        if let Some((node, index)) = container(&doc, &CONTENT_SELECTORS[..MARKED_BODY_SELECTORS]) {
            let ours: Vec<Block> = marked_parts(&doc, CONTENT_SELECTORS[index], &node)
                .iter()
                .flat_map(|node| pruned(node, kind, base))
                .collect();
            if chars(&ours) >= SETTINGS.min_content_chars {
                return ours;
            }
        }
        let region = container(&doc, &CONTENT_SELECTORS[..NAMED_REGION_SELECTORS])
            .map(|(node, _)| pruned(&node, kind, base))
            .unwrap_or_default();
        let readable = readability(doc, base, &reparse);
        if chars(&readable) >= SETTINGS.min_content_chars {
            #[allow(clippy::cast_precision_loss)]
            let share = chars(&readable) as f64 / chars(&region).max(1) as f64;
            return if share < SETTINGS.min_readability_share {
                region
            } else {
                readable
            };
        }
        let doc = reparse();
        let ours = ours(&doc, kind, base);
        return finish(&doc, kind, base, longest(readable, ours));
    }
    let ours = ours(&doc, kind, base);
    finish(&doc, kind, base, ours)
}

/// The choice, or when it is shorter than `min_content_chars` the longer of
/// it and the whole body pruned; the whole body when pruning took everything.
fn finish(doc: &Document, kind: PageType, base: Option<&url::Url>, chosen: Vec<Block>) -> Vec<Block> {
    let chosen = if chars(&chosen) >= SETTINGS.min_content_chars {
        chosen
    } else {
        let body = doc
            .select("body")
            .nodes()
            .first()
            .map(|node| pruned(node, kind, base))
            .unwrap_or_default();
        longest(chosen, body)
    };
    if chosen.is_empty() {
        // Pruning took everything: the page's boilerplate names wrap its text.
        return doc
            .select("body")
            .nodes()
            .first()
            .map(|body| blocks::collect(body, Origin::Text, base))
            .unwrap_or_default();
    }
    chosen
}

/// Our own extractor: the container's blocks, pruned and filtered.
fn ours(doc: &Document, kind: PageType, base: Option<&url::Url>) -> Vec<Block> {
    let selectors = match kind {
        PageType::Article | PageType::Unspecified | PageType::Documentation => CONTENT_SELECTORS,
        PageType::Product => PRODUCT_SELECTORS,
        _ => MAIN_REGION_SELECTORS,
    };
    container(doc, selectors)
        .map(|(node, _)| pruned(&node, kind, base))
        .unwrap_or_default()
}

/// The node's blocks without its boilerplate (not the layout around the
/// text a sidebar names: [`is_layout`]), filtered for `kind`. When
/// that keeps less than `min_kept_share` of the node's text, the boxes that
/// hold more than `max_box_chars` of text stay: a theme's loose names (a
/// `banner` per section) wrap the text itself. Not on a shop's pages, whose
/// reviews and carousels of other products are long named boxes. On a
/// forum, a block that is only a number is a count beside a post (its votes,
/// likes, replies, the poster's posts), not what anyone wrote.
fn pruned(node: &NodeRef<'_>, kind: PageType, base: Option<&url::Url>) -> Vec<Block> {
    let keep_links = matches!(kind, PageType::Listing | PageType::Collection);
    let container_chars = std::cell::OnceCell::new();
    let collect = |keep_long: bool| {
        filtered(
            blocks::collect_pruned(node, Origin::Text, base, |element| {
                is_boilerplate(element, kind)
                    && !is_layout(element, || {
                        *container_chars.get_or_init(|| blocks::text_chars(&node.text()))
                    })
                    && !(keep_long && {
                        let (text, linked) = unlinked_chars(element);
                        text - linked > SETTINGS.max_box_chars
                    })
            }),
            keep_links,
        )
    };
    let mut blocks = collect(false);
    if !matches!(kind, PageType::Product | PageType::Collection) {
        let (text, linked) = unlinked_chars(node);
        #[allow(clippy::cast_precision_loss)]
        if (chars(&blocks) as f64) < SETTINGS.min_kept_share * (text - linked) as f64 {
            blocks = collect(true);
        }
    }
    if kind == PageType::Forum {
        blocks.retain(|block| !is_count(&block.text));
    }
    blocks
}

/// Whether the text is only a number, as counts are printed: digits with
/// group and decimal marks, and a `K` or `M` for thousands or millions.
fn is_count(text: &str) -> bool {
    let number = text.trim().trim_end_matches(['K', 'k', 'M', 'm']);
    number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// Whether an element named after a sidebar is the layout around the text:
/// it holds more than `min_layout_share` of the container's characters
/// (`container_chars`, counted only when needed).
fn is_layout(element: &NodeRef<'_>, container_chars: impl FnOnce() -> usize) -> bool {
    let named = [element.attr("class"), element.attr("id")]
        .iter()
        .flatten()
        .any(|value| name_words(value).any(|word| LAYOUT_WORDS.contains(&word.as_str())));
    #[allow(clippy::cast_precision_loss)]
    let share = || blocks::text_chars(&element.text()) as f64 / container_chars().max(1) as f64;
    named && share() > SETTINGS.min_layout_share
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

/// Every part of a body the page marks with `selector`, in page order, with
/// `chosen`, the container with most text: a CMS may print one container
/// per section of the text. Left out: a match inside another (the outer
/// one holds it), one that is mostly links, a copy of a part already taken
/// (the same text again for print or a modal), and but for `chosen` one
/// inside boilerplate (a teaser of another article in a sidebar).
fn marked_parts<'a>(doc: &'a Document, selector: &str, chosen: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let matches = doc.select(selector).nodes().to_vec();
    let ids: HashSet<_> = matches.iter().map(|node| node.id).collect();
    let is_part = |node: &NodeRef<'_>| {
        if node.id == chosen.id {
            return true;
        }
        let (text, linked) = unlinked_chars(node);
        #[allow(clippy::cast_precision_loss)]
        let share = linked as f64 / text.max(1) as f64;
        share <= SETTINGS.max_container_link_share
            && !node
                .ancestors_it(None)
                .any(|ancestor| ids.contains(&ancestor.id) || is_boilerplate(&ancestor, PageType::Article))
    };
    let mut texts = HashSet::new();
    matches
        .into_iter()
        .filter(|node| is_part(node) && texts.insert(node.text().split_whitespace().collect::<String>()))
        .collect()
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
    [node.attr("class"), node.attr("id")]
        .iter()
        .flatten()
        .any(|value| names_boilerplate(value, kind))
}

/// Whether a class or id value holds one of the [`BOILERPLATE_WORDS`] on a
/// page of kind `kind`.
fn names_boilerplate(value: &str, kind: PageType) -> bool {
    if kind == PageType::Forum
        && value.split_whitespace().any(|token| {
            FORUM_USER_CARD_CLASSES
                .iter()
                .any(|class| token.eq_ignore_ascii_case(class))
        })
    {
        return true;
    }
    name_words(value).any(|word| {
        (BOILERPLATE_WORDS.contains(&word.as_str())
            && !(kind == PageType::Forum && POST_WORDS.contains(&word.as_str())))
            || (kind == PageType::Product && PRODUCT_BOILERPLATE_WORDS.contains(&word.as_str()))
    })
}

/// The attribute [`mark_named_boxes`] sets on the boxes our tables name
/// before Readability reads the page.
const NAMED_BOX_MARK: &str = "data-named-box";

/// Marks each element of `doc` named as a box ([`is_named_box`]) with
/// [`NAMED_BOX_MARK`], before Readability reads the page. Readability folds
/// a `<div>` holding one `<div>` into it and gives the inner one the outer
/// one's attributes, so a box's class (`rail--trending`) inside a wrapper
/// of one child (`sun-row`) gives way to the wrapper's; the mark, which no
/// wrapper carries, stays on the box.
fn mark_named_boxes(doc: &Document) {
    let boxes: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|node| is_named_box(node))
        .collect();
    for node in boxes {
        node.set_attr(NAMED_BOX_MARK, "");
    }
}

/// Whether an element inside Readability's choice is a boilerplate box:
/// as [`is_boilerplate`] on an article (by its tag, or by the name
/// [`mark_named_boxes`] found before Readability folded its wrappers),
/// except what Readability's choice holds of the text itself: a section's
/// `<header>` over its subheading, a heading's anchor
/// (`id="h-why-use-social-media"` names the heading's words), a
/// highlighter's classes in code (`<span class="token comment">`).
fn is_box_in_choice(node: &NodeRef<'_>) -> bool {
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    let by_tag = PRUNED_TAGS.contains(&name.as_ref()) && !(name == "header" && is_section_heading(node));
    (by_tag || node.has_attr(NAMED_BOX_MARK)) && !node.ancestors_it(None).any(|ancestor| is_code(&ancestor))
}

/// Whether an element's class or id names it as boilerplate on an article,
/// but for a heading's anchor made from its text.
fn is_named_box(node: &NodeRef<'_>) -> bool {
    node.is_element()
        && !matches!(
            node.node_name().unwrap_or_default().to_ascii_lowercase().as_ref(),
            "body" | "main" | "article" | "html"
        )
        && (node
            .attr("class")
            .is_some_and(|class| names_boilerplate(&class, PageType::Article))
            || node
                .attr("id")
                .is_some_and(|id| names_boilerplate(&id, PageType::Article) && !is_anchor_of_text(&id, node)))
}

/// The words of a class or id value, lower case: split at `-`, `_` and
/// spaces.
fn name_words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
}

/// An id of at least this many words, all but one of them words of the
/// element's text, is an anchor made from the text.
const MIN_ANCHOR_WORDS: usize = 3;

/// Whether `id` is an anchor the CMS made from the element's own text (a
/// heading's `h-why-use-social-media`): it has at least
/// [`MIN_ANCHOR_WORDS`] words and the text uses all but one of them.
fn is_anchor_of_text(id: &str, node: &NodeRef<'_>) -> bool {
    let words: Vec<String> = name_words(id).collect();
    if words.len() < MIN_ANCHOR_WORDS {
        return false;
    }
    let text = node.text().to_lowercase();
    let text_words: HashSet<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    words
        .iter()
        .filter(|word| !text_words.contains(word.as_str()))
        .count()
        <= 1
}

/// The headings under an article's title.
const SUBHEADINGS: &str = "h2, h3, h4, h5, h6";

/// Whether a `<header>` is a section's heading: it holds a subheading that
/// is not a link and no title (a teaser's header links its headline; the
/// article's header holds its `h1`).
fn is_section_heading(header: &NodeRef<'_>) -> bool {
    let header = dom_query::Selection::from(*header);
    let headings = header.select(SUBHEADINGS);
    headings.exists() && !headings.select("a").exists() && !header.select("h1").exists()
}

/// Whether the element is a code listing or code in a line.
fn is_code(node: &NodeRef<'_>) -> bool {
    node.node_name()
        .is_some_and(|name| name.eq_ignore_ascii_case("pre") || name.eq_ignore_ascii_case("code"))
}

/// The blocks without those that are mostly link text, unless `keep_links`.
/// A line that opens with a "See also" label (`Lesen Sie auch: <a>…</a>`)
/// stays: the `see_also` stage reads it.
fn filtered(blocks: Vec<Block>, keep_links: bool) -> Vec<Block> {
    if keep_links {
        return blocks;
    }
    blocks
        .into_iter()
        .filter(|block| {
            block.link_share() <= SETTINGS.max_block_link_share
                || blocks::text_chars(&block.text) >= SETTINGS.long_block_chars
                || crate::markers::see_also_label(&block.text).is_some()
        })
        .collect()
}

/// Readability's policies, strictest first, in the order
/// `Readability::parse` tries them.
const READABILITY_POLICIES: [ParsePolicy; 4] = [
    ParsePolicy::Strict,
    ParsePolicy::Moderate,
    ParsePolicy::Clean,
    ParsePolicy::Raw,
];

/// The element Readability leaves its choice in.
const READABILITY_CHOICE: &str = "#readability-page-1";

/// The content `dom_smoothie` (Readability) chooses, none when it finds
/// none. As `Readability::parse`: the first policy whose choice keeps
/// `char_threshold` characters, else the longest choice. But `parse` copies
/// the whole tree before its first attempt and keeps the best attempt's
/// tree, the peak of the pipeline's memory, while the first policy is enough
/// on most articles; so the first runs on `doc` itself, and each later one,
/// when the one before found too little, on the page parsed again
/// (`reparse`): one tree at a time, where keeping a pristine tree to copy
/// held two (measured: no slower, as the copy costs a good part of a parse).
fn readability(doc: Document, base: Option<&url::Url>, reparse: &impl Fn() -> Document) -> Vec<Block> {
    let config = || dom_smoothie::Config {
        max_elements_to_parse: 0,
        // The class names stay for `without_named_boxes`.
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let enough = config().char_threshold;
    let mut doc = Some(doc);
    let mut best: Option<(Article, usize)> = None;
    for policy in READABILITY_POLICIES {
        let page = doc.take().unwrap_or_else(reparse);
        mark_named_boxes(&page);
        let Ok(mut readability) =
            dom_smoothie::Readability::with_document(page, base.map(url::Url::as_str), Some(config()))
        else {
            return Vec::new();
        };
        let Ok(article) = readability.parse_with_policy(policy) else {
            continue;
        };
        let found = readability
            .doc
            .select_single(READABILITY_CHOICE)
            .nodes()
            .first()
            .map_or(0, NodeRef::normalized_char_count);
        if found >= enough {
            best = Some((article, found));
            break;
        }
        if best.as_ref().is_none_or(|(_, longest)| found > *longest) {
            best = Some((article, found));
        }
    }
    best.map(|(article, _)| without_named_boxes(&Document::fragment(article.content).root(), base))
        .unwrap_or_default()
}

/// The blocks of Readability's choice under `root`, with the boxes our
/// tables name as boilerplate ([`is_box_in_choice`]: a share bar, a
/// newsletter sign-up, related links, an author's card) marked removed and
/// put after the text. Readability scores by class names but keeps what
/// sits inside its chosen node. When the boxes hold more than
/// `max_pruned_share` of the choice, none is removed: that is the text
/// itself under loose names (`sidebar-enabled--false`).
fn without_named_boxes(root: &NodeRef<'_>, base: Option<&url::Url>) -> Vec<Block> {
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let limit = (blocks::text_chars(&root.text()) as f64 * SETTINGS.max_pruned_share) as usize;
    let boxes = RefCell::new(Vec::new());
    let mut kept = blocks::collect_pruned(root, Origin::Text, base, |node| {
        let named = is_box_in_choice(node) && {
            let (text, linked) = unlinked_chars(node);
            text - linked <= SETTINGS.max_box_chars
        };
        if named {
            boxes.borrow_mut().push(*node);
        }
        named
    });
    let boxes: Vec<Block> = boxes
        .into_inner()
        .iter()
        .flat_map(|node| blocks::collect(node, Origin::Text, base))
        .map(|block| Block {
            role: Role::Removed(RemovedKind::BoilerplateBox),
            ..block
        })
        .collect();
    if boxes
        .iter()
        .map(|block| blocks::text_chars(&block.text))
        .sum::<usize>()
        > limit
    {
        // Together they are the text, under names a theme gave its layout.
        return blocks::collect(root, Origin::Text, base);
    }
    kept.extend(boxes);
    kept
}

/// The characters of the blocks' text, removed blocks aside.
fn chars(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|block| block.is_body())
        .map(|block| blocks::text_chars(&block.text))
        .sum()
}

/// The one with more text.
fn longest(a: Vec<Block>, b: Vec<Block>) -> Vec<Block> {
    if chars(&b) > chars(&a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str, kind: PageType) -> Vec<String> {
        extract(Document::from(html), kind, None, || Document::from(html))
            .into_iter()
            .map(|block| block.text)
            .collect()
    }

    const PARAGRAPH: &str = "The harbour board agreed on Thursday to rebuild the north wall before winter, after storms in March left a gap wide enough for a small boat to pass through at high tide.";

    #[test]
    fn a_marked_article_body_is_the_content_without_its_boilerplate() {
        // A share bar and a rail of trending stories in the body, a sidebar beside it.
        let html = format!(
            r#"<body><nav><a href="/">Home</a></nav><div class="entry-content"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>
            <div class="share-buttons">Share on Facebook</div>
            <div class="rail rail--trending"><p>Ferry fares rise again as the council looks for savings in the spring budget.</p></div>
            </div><div class="sidebar"><p>Most read today</p></div></body>"#
        );
        let texts = texts(&html, PageType::Article);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.iter().all(|text| text == PARAGRAPH));
    }

    #[test]
    fn a_layout_named_after_its_sidebar_holding_the_text_is_not_pruned_and_the_sidebar_is() {
        let html = format!(
            r#"<body><main><div class="page with-sidebar"><div class="main-with-sidebar"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>
            <div class="sidebar"><p>Tide tables, the ferry timetable and the harbour master's office hours for the week ahead.</p></div></div></main></body>"#
        );
        let texts = texts(&html, PageType::Service);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.iter().all(|text| text == PARAGRAPH));
    }

    #[test]
    fn a_body_marked_in_several_parts_is_read_whole_once() {
        let second = "Engineers will close the inner basin for six weeks while the new stones are set, and the ferry will sail from the fish quay.";
        let html = format!(
            r#"<body><div class="rich-text"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div><figure><img src="a.jpg"></figure>
            <div class="rich-text"><p>{second}</p></div>
            <div class="modal"><div class="rich-text"><p>{second}</p></div></div>
            <div class="sidebar"><div class="rich-text"><p>Read our guide to the coast path this summer.</p></div></div>
            <div class="print-copy"><div class="rich-text"><p>{second}</p></div></div></body>"#
        );
        assert_eq!(texts(&html, PageType::Article), [PARAGRAPH, PARAGRAPH, second]);
    }

    #[test]
    fn readability_taking_one_section_of_the_main_region_gives_way_to_the_region() {
        let section = |name: &str| {
            format!(
                "<div class=\"panel-{name}\"><div><h2>Section {name}</h2><p>{PARAGRAPH} {PARAGRAPH}</p><p>{PARAGRAPH}</p></div></div>"
            )
        };
        let short = "<div class=\"panel-b\"><h3>Section b</h3><ul><li>Tide tables for the harbour, updated weekly by the board.</li>\
             <li>Mooring fees for visiting boats from April to October.</li></ul></div>";
        let html = format!(
            "<body><main><h1>Harbour guide</h1>{}{short}<div class=\"grid\"><div class=\"cell\">{}</div><div class=\"cell\">{}</div></div></main></body>",
            section("a"),
            section("c"),
            section("d")
        );
        let texts = texts(&html, PageType::Article);
        assert!(texts.iter().any(|text| text == "Section a"), "{texts:?}");
        assert!(texts.iter().any(|text| text == "Section d"), "{texts:?}");
    }

    #[test]
    fn an_article_drops_lines_of_links_and_a_listing_keeps_them() {
        let items = r#"<ul><li><a href="/a">Harbour wall to be rebuilt before the winter storms</a></li>
            <li><a href="/b">Ferry timetable changes from the first of May this year</a></li></ul>"#;
        let html = format!(
            "<body><main><div class=\"entry-content\"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{items}</div></main></body>"
        );
        assert_eq!(texts(&html, PageType::Article).len(), 2);
        assert_eq!(texts(&html, PageType::Listing).len(), 4);
    }

    #[test]
    fn a_see_also_line_of_links_stays_for_the_see_also_stage() {
        let html = format!(
            "<body><main><div class=\"entry-content\"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>\
             <p>Lesen Sie auch: <a href=\"/b\">Neuer Fahrplan für die Fähre ab Mai</a></p></div></main></body>"
        );
        let texts = texts(&html, PageType::Article);
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[2].starts_with("Lesen Sie auch:"), "{texts:?}");
    }

    #[test]
    fn a_product_page_gives_its_description() {
        let description = "A stoneware mug thrown by hand in our studio, glazed in speckled white and fired twice, so every one differs a little from the next in its colour and its shape.";
        let html = format!(
            r#"<body><main><div class="gallery"><p>Photo 1 of 6</p></div><p>Free delivery on orders over fifty pounds to every address in the country.</p>
            <div class="product-description"><p>{description}</p><p>{description}</p><p>Holds 350 ml. Dishwasher safe.</p></div>
            <div class="reviews"><p>Ann gave it five stars and said it keeps her tea hot for longer than her old cup ever did.</p></div></main></body>"#
        );
        assert_eq!(
            texts(&html, PageType::Product),
            [description, description, "Holds 350 ml. Dishwasher safe."]
        );
    }

    #[test]
    fn a_product_page_drops_its_reviews_and_its_carousel_of_other_products() {
        let description = "A stoneware mug thrown by hand in our studio, glazed in speckled white and fired twice, so every one differs a little from the next.";
        let html = format!(
            r#"<body><main><h1>Speckled mug</h1><p>{description}</p><p>{description}</p>
            <section class="product-reviews"><h2>Customer reviews</h2><p>Ann gave it five stars and said it keeps her tea hot for longer than her old cup ever did.</p></section>
            <div class="rating-summary"><p>4.8 out of 5 from 212 shoppers</p></div>
            <div class="product-carousel"><h2>You may also like</h2><p>Speckled bowl, thrown by hand and glazed to match the mug.</p></div></main></body>"#
        );
        assert_eq!(
            texts(&html, PageType::Product),
            ["Speckled mug", description, description]
        );
        // An article's review is its text.
        let review = format!(
            r#"<body><main><div class="review"><p>{description}</p><p>{description}</p></div></main></body>"#
        );
        assert_eq!(texts(&review, PageType::Article), [description, description]);
    }

    #[test]
    fn a_product_page_drops_its_fine_print() {
        let description = "A cordless kettle that boils a litre in three minutes, with a filter that lifts out for cleaning and a base that turns all the way round.";
        let html = format!(
            r#"<body><main><p>{description}</p><p>{description}</p>
            <div class="pdp-disclaimer"><p>* Boiling time measured in our laboratory with one litre of water at twenty degrees.</p></div>
            <div id="legal-notes"><p>All trademarks are the property of their respective owners and are used with permission.</p></div></main></body>"#
        );
        assert_eq!(texts(&html, PageType::Product), [description, description]);
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
    fn a_forum_post_keeps_its_poster_and_date_but_not_their_card_or_counts() {
        let html = r#"<body><main>
            <div class="message"><section class="message-user">
              <h4 class="message-name">harbourwatcher</h4>
              <h5 class="userTitle message-userTitle">Well-known member</h5>
              <div class="message-userExtras"><dl><dt>Joined</dt><dd>May 3, 2019</dd></dl>
                <dl><dt>Messages</dt><dd>2,418</dd></dl></div></section>
              <div class="message-main"><time>Mar 2, 2026</time>
                <p>The north wall was patched twice before the storms, and both patches failed within a year.</p>
                <span class="likes">14</span></div></div>
            <div class="post"><dl class="postprofile"><dt>quayside_ann</dt>
              <dd class="profile-rank">Regular</dd><dd class="profile-posts">Posts: 311</dd></dl>
              <p>The board should publish the engineers' survey before it votes on the rebuild.</p>
              <span class="score">1.2K</span></div>
            <div class="answer"><p>Both points stand, and the survey is due in April.</p>
              <div class="user-details"><span>pier_keeper</span><div class="-flair">2,031 reputation</div></div>
              <ul class="comments-list"><li>Is the April date confirmed?</li></ul></div>
            </main></body>"#;
        assert_eq!(
            texts(html, PageType::Forum),
            [
                "harbourwatcher",
                "Mar 2, 2026",
                "The north wall was patched twice before the storms, and both patches failed within a year.",
                "quayside_ann",
                "The board should publish the engineers' survey before it votes on the rebuild.",
                "Both points stand, and the survey is due in April.",
                "pier_keeper",
            ]
        );
    }

    #[test]
    fn long_sections_under_loose_boilerplate_names_stay_when_pruning_took_most_of_the_text() {
        let section = format!("<p>{PARAGRAPH}</p>").repeat(10);
        let html = format!(
            r#"<body><main><div class="banner hero"><h2>Harbour repairs</h2>{section}</div>
            <div class="banner-7"><h2>Winter moorings</h2>{section}</div>
            <div class="banner promo"><p>Book a mooring today and save ten per cent.</p></div>
            <p>Call the harbour office before noon to book a survey of your berth.</p></main></body>"#
        );
        let kept = texts(&html, PageType::Service);
        assert!(kept.contains(&"Harbour repairs".to_owned()), "{kept:?}");
        assert!(kept.contains(&"Winter moorings".to_owned()), "{kept:?}");
        assert!(
            !kept.iter().any(|text| text.starts_with("Book a mooring")),
            "{kept:?}"
        );
        // On a shop's page the long boxes are its reviews: pruned.
        assert!(!texts(&html, PageType::Product).contains(&"Harbour repairs".to_owned()));
    }

    #[test]
    fn counts_are_numbers_as_boards_print_them() {
        for count in ["7", "2,418", "1.2K", "3m "] {
            assert!(is_count(count), "{count}");
        }
        for text in ["", "K", "2026 was a wet year", "v2.1", "#7", "Page 2"] {
            assert!(!is_count(text), "{text}");
        }
    }

    /// An article Readability reads (no container names it), with
    /// `inside` among its paragraphs; its body and removed texts.
    fn read_with(inside: &str) -> (Vec<String>, Vec<String>) {
        let html = format!(
            "<body><div class=\"story\"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{inside}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div></body>"
        );
        let (body, removed): (Vec<Block>, Vec<Block>) =
            extract(Document::from(html.as_str()), PageType::Article, None, || {
                Document::from(html.as_str())
            })
            .into_iter()
            .partition(Block::is_body);
        assert!(
            removed
                .iter()
                .all(|block| block.role == Role::Removed(RemovedKind::BoilerplateBox))
        );
        let texts = |blocks: Vec<Block>| blocks.into_iter().map(|block| block.text).collect();
        (texts(body), texts(removed))
    }

    const SIGN_UP: &str = "Sign up to get the harbour news in your inbox every morning before seven.";

    #[test]
    fn a_box_named_as_boilerplate_in_readability_s_choice_is_removed_and_recorded() {
        let (body, removed) = read_with(&format!(
            "<div class=\"newsletter-box\"><h3>Morning briefing</h3><p>{SIGN_UP}</p></div>"
        ));
        assert_eq!(body, [PARAGRAPH; 5]);
        assert_eq!(removed, ["Morning briefing", SIGN_UP]);
    }

    #[test]
    fn a_box_named_on_a_wrapper_readability_folds_is_still_removed() {
        // Readability folds the one-child wrappers into the rail and gives
        // it their names (`row`), not the rail's own.
        let (body, removed) = read_with(&format!(
            "<div class=\"row\"><div class=\"rail rail--trending\"><div class=\"rail__items\">\
             <h3>Most read</h3><p>{SIGN_UP}</p></div></div></div>"
        ));
        assert_eq!(body, [PARAGRAPH; 5]);
        assert_eq!(removed, ["Most read", SIGN_UP]);
    }

    #[test]
    fn boxes_holding_much_of_readability_s_choice_are_its_text() {
        let wide = format!("<div class=\"post sharing-on\"><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>");
        let (body, removed) = read_with(&wide);
        assert_eq!((body.len(), removed.len()), (7, 0), "{body:?}");
        // A small share of a long text, but longer than any widget.
        let long = format!(
            "<div class=\"author-note\"><h4>From the editor</h4><p>{}</p></div>{}",
            format!("{SIGN_UP} ").repeat(20),
            format!("<p>{PARAGRAPH}</p>").repeat(30)
        );
        let (body, removed) = read_with(&long);
        assert_eq!((body.len(), removed.len()), (37, 0), "{body:?}");
    }

    #[test]
    fn a_heading_anchor_naming_a_boilerplate_word_is_text() {
        let (body, _) =
            read_with("<h2 id=\"h-our-newsletter-archive-opens\">Our newsletter archive opens</h2>");
        assert!(
            body.iter().any(|text| text == "Our newsletter archive opens"),
            "{body:?}"
        );
    }

    #[test]
    fn a_highlighted_comment_in_code_is_code() {
        let (body, _) = read_with(
            "<pre><code>tide = read() <span class=\"token comment\"># metres above datum</span></code></pre>",
        );
        assert!(
            body.iter().any(|text| text.contains("metres above datum")),
            "{body:?}"
        );
    }

    #[test]
    fn a_section_s_header_over_its_subheading_is_text_and_a_teaser_s_is_not() {
        let section = "<section><header><h2>Tide tables</h2></header><p>Tide tables for the harbour are posted weekly by the board at the fish quay and online.</p></section>";
        let (body, _) = read_with(section);
        assert!(body.iter().any(|text| text == "Tide tables"), "{body:?}");
        let teaser = "<section><header><h2><a href=\"/ferry\">Ferry timetable</a></h2></header><p>Tide tables for the harbour are posted weekly by the board at the fish quay and online.</p></section>";
        let (body, removed) = read_with(teaser);
        assert!(!body.iter().any(|text| text == "Ferry timetable"), "{body:?}");
        assert_eq!(removed, ["Ferry timetable"]);
    }

    #[test]
    fn a_page_without_a_container_falls_back_to_its_body() {
        let html = format!("<body><div><p>{PARAGRAPH}</p></div><footer>© Harbour News</footer></body>");
        assert_eq!(texts(&html, PageType::Article), [PARAGRAPH]);
    }
}
