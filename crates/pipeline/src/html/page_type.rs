//! What kind of page this is: an article, a listing, a forum thread, a
//! product, a collection, documentation or a service page. Each kind gathers
//! votes from general signals, and the kind with the most wins; an article
//! wins ties, being the commonest page a newsroom sends.
//!
//! The signals, each a table below:
//! 1. what the page says it is: JSON-LD `@type` (each type once, however
//!    many nodes carry it) and `og:type` (`article` only beside a byline or
//!    a date: CMSs write it on every page);
//! 2. the shape of its URL: host prefixes (`docs.`, `forum.`) and path
//!    words (`/threads/`, `/products/`, `/collections/`, a dated path); a
//!    site's front page is a company's front door (a service page) unless it
//!    shows goods with their prices (a shop's collection) or lists items and
//!    asks nothing of the reader (a publication's listing);
//! 3. its structure: code blocks, prices (more so by the dozen) and cart
//!    buttons, a grid of product cards, repeated posts,
//!    repeated item cards (when they outnumber the paragraphs of running
//!    text; more so each under a date), a long table on a page of little
//!    running text, long paragraphs of running text;
//! 4. what an article has and an offer lacks: a byline, an
//!    `article:published_time`, an article's JSON-LD, a headline made into
//!    the URL's last segment (`/how-the-bridge-was-saved`). A page with none
//!    of these that asks the reader to act (`Get a quote`, `Book now`,
//!    `Contact sales`, `Pricing`), or whose URL ends in a short name
//!    (`/dental-care`), is a service page.
//!    A short slug that names an offer (`/hr-consulting`,
//!    `/retirement-calculator`) votes for a service page whatever the marks.

use std::collections::BTreeSet;

use dom_query::Document;

use crate::article::PageType;

/// A signal's weight for one kind.
type Vote = (PageType, u32);

/// JSON-LD `@type`s (lower case) and the kind each votes for.
const JSON_LD_TYPES: &[(&str, Vote)] = &[
    ("article", (PageType::Article, 3)),
    ("newsarticle", (PageType::Article, 4)),
    ("blogposting", (PageType::Article, 4)),
    ("reportagenewsarticle", (PageType::Article, 4)),
    ("opinionnewsarticle", (PageType::Article, 4)),
    ("analysisnewsarticle", (PageType::Article, 4)),
    ("liveblogposting", (PageType::Article, 4)),
    ("scholarlyarticle", (PageType::Article, 3)),
    ("techarticle", (PageType::Documentation, 3)),
    ("apireference", (PageType::Documentation, 4)),
    ("discussionforumposting", (PageType::Forum, 6)),
    ("qapage", (PageType::Forum, 6)),
    ("product", (PageType::Product, 4)),
    ("productgroup", (PageType::Product, 3)),
    ("collectionpage", (PageType::Collection, 3)),
    ("itemlist", (PageType::Listing, 1)),
    ("searchresultspage", (PageType::Listing, 4)),
    ("service", (PageType::Service, 2)),
    ("professionalservice", (PageType::Service, 2)),
    ("course", (PageType::Service, 2)),
];

/// `og:type` values (lower case) and the kind each votes for.
const OG_TYPES: &[(&str, Vote)] = &[
    ("article", (PageType::Article, 2)),
    ("blog", (PageType::Article, 1)),
    ("product", (PageType::Product, 4)),
    ("product.item", (PageType::Product, 4)),
    ("product.group", (PageType::Collection, 4)),
    ("product:group", (PageType::Collection, 4)),
    ("book", (PageType::Documentation, 1)),
];

/// `og:type` values a CMS writes on every page it serves, not only on its
/// posts (WordPress's SEO plugins write `article` on a company's service
/// pages as on its blog): they vote only beside a mark of a story (a byline,
/// an `article:published_time`, an article's JSON-LD).
const OG_TYPES_OF_EVERY_PAGE: &[&str] = &["article"];

/// The first label of a host (`docs.` in `docs.example.org`) and the kind
/// each votes for.
const HOST_PREFIXES: &[(&str, Vote)] = &[
    ("docs", (PageType::Documentation, 4)),
    ("doc", (PageType::Documentation, 4)),
    ("developer", (PageType::Documentation, 2)),
    ("developers", (PageType::Documentation, 2)),
    ("wiki", (PageType::Documentation, 2)),
    ("forum", (PageType::Forum, 4)),
    ("forums", (PageType::Forum, 4)),
    ("community", (PageType::Forum, 3)),
    ("discuss", (PageType::Forum, 4)),
    ("discussion", (PageType::Forum, 4)),
    ("answers", (PageType::Forum, 3)),
    ("boards", (PageType::Forum, 4)),
    ("bbs", (PageType::Forum, 4)),
    ("users", (PageType::Forum, 2)),
    ("shop", (PageType::Product, 1)),
];

/// Host suffixes of documentation sites.
const DOCUMENTATION_HOSTS: &[&str] = &["readthedocs.io", "gitbook.io", "readthedocs.org"];

/// Path segments (lower case, whole) and the kind each votes for; a
/// segment followed by a further one (a slug) counts as `deeper`, the last
/// segment as `last`.
const PATH_SEGMENTS: &[(&str, Segment)] = &[
    ("t", Segment::deeper(PageType::Forum, 3)),
    ("thread", Segment::deeper(PageType::Forum, 4)),
    ("threads", Segment::deeper(PageType::Forum, 4)),
    ("topic", Segment::deeper(PageType::Forum, 3)),
    ("topics", Segment::deeper(PageType::Forum, 2)),
    ("questions", Segment::deeper(PageType::Forum, 4)),
    ("forum", Segment::deeper(PageType::Forum, 3)),
    ("forums", Segment::deeper(PageType::Forum, 3)),
    ("discussion", Segment::deeper(PageType::Forum, 3)),
    ("discussions", Segment::deeper(PageType::Forum, 3)),
    ("community", Segment::deeper(PageType::Forum, 2)),
    ("comments", Segment::deeper(PageType::Forum, 4)),
    ("boards", Segment::deeper(PageType::Forum, 3)),
    ("viewtopic.php", Segment::any(PageType::Forum, 4)),
    ("showthread.php", Segment::any(PageType::Forum, 4)),
    ("viewthread.php", Segment::any(PageType::Forum, 4)),
    ("docs", Segment::deeper(PageType::Documentation, 4)),
    ("doc", Segment::deeper(PageType::Documentation, 3)),
    ("documentation", Segment::deeper(PageType::Documentation, 4)),
    ("reference", Segment::deeper(PageType::Documentation, 2)),
    ("manual", Segment::deeper(PageType::Documentation, 3)),
    ("handbook", Segment::deeper(PageType::Documentation, 3)),
    ("tutorial", Segment::deeper(PageType::Documentation, 2)),
    ("guide", Segment::deeper(PageType::Documentation, 2)),
    ("guides", Segment::deeper(PageType::Documentation, 2)),
    ("userguide", Segment::deeper(PageType::Documentation, 3)),
    ("usersguide", Segment::deeper(PageType::Documentation, 3)),
    ("api", Segment::deeper(PageType::Documentation, 2)),
    ("library", Segment::deeper(PageType::Documentation, 1)),
    ("glossary", Segment::any(PageType::Documentation, 3)),
    ("get-started", Segment::any(PageType::Documentation, 2)),
    ("getting-started", Segment::any(PageType::Documentation, 2)),
    ("kb", Segment::deeper(PageType::Documentation, 3)),
    ("knowledge-base", Segment::deeper(PageType::Documentation, 3)),
    ("product", Segment::deeper(PageType::Product, 4)),
    ("products", Segment::deeper(PageType::Product, 4)),
    ("p", Segment::deeper(PageType::Product, 2)),
    ("dp", Segment::deeper(PageType::Product, 4)),
    ("item", Segment::deeper(PageType::Product, 2)),
    ("shop", Segment::deeper(PageType::Product, 2)),
    ("collections", Segment::any(PageType::Collection, 4)),
    ("collection", Segment::any(PageType::Collection, 3)),
    ("category", Segment::any(PageType::Collection, 3)),
    ("categories", Segment::any(PageType::Collection, 3)),
    ("c", Segment::deeper(PageType::Collection, 2)),
    ("cat", Segment::deeper(PageType::Collection, 3)),
    ("browse", Segment::deeper(PageType::Collection, 3)),
    ("b", Segment::any(PageType::Collection, 2)),
    ("product-category", Segment::any(PageType::Collection, 3)),
    ("product-tag", Segment::any(PageType::Collection, 3)),
    ("news", Segment::last(PageType::Listing, 4)),
    ("blog", Segment::last(PageType::Listing, 3)),
    ("articles", Segment::last(PageType::Listing, 3)),
    ("events", Segment::last(PageType::Listing, 3)),
    ("jobs", Segment::last(PageType::Listing, 3)),
    ("search", Segment::any(PageType::Listing, 4)),
    ("list", Segment::any(PageType::Listing, 3)),
    ("archive", Segment::any(PageType::Listing, 3)),
    ("tag", Segment::deeper(PageType::Listing, 3)),
    ("issues", Segment::last(PageType::Listing, 3)),
    ("press", Segment::last(PageType::Listing, 3)),
    ("reviews", Segment::last(PageType::Listing, 2)),
    ("rankings", Segment::last(PageType::Listing, 3)),
    ("schedule", Segment::last(PageType::Listing, 3)),
    ("standings", Segment::last(PageType::Listing, 3)),
    ("scores", Segment::last(PageType::Listing, 3)),
    ("results", Segment::last(PageType::Listing, 3)),
    ("catalog", Segment::any(PageType::Listing, 2)),
    ("catalogs", Segment::any(PageType::Listing, 2)),
    ("directory", Segment::any(PageType::Listing, 2)),
    ("sections", Segment::deeper(PageType::Listing, 2)),
    ("services", Segment::any(PageType::Service, 3)),
    ("service", Segment::any(PageType::Service, 2)),
    ("solutions", Segment::any(PageType::Service, 3)),
    ("pricing", Segment::any(PageType::Service, 3)),
    ("about", Segment::any(PageType::Service, 2)),
    ("contact", Segment::any(PageType::Service, 2)),
    ("courses", Segment::any(PageType::Service, 1)),
    ("programs", Segment::any(PageType::Service, 2)),
    ("training", Segment::any(PageType::Service, 1)),
    ("what-we-do", Segment::any(PageType::Service, 3)),
    ("consulting", Segment::any(PageType::Service, 2)),
    ("insurance", Segment::any(PageType::Service, 2)),
    ("tools", Segment::any(PageType::Service, 2)),
    ("article", Segment::deeper(PageType::Article, 3)),
    ("articles", Segment::deeper(PageType::Article, 3)),
    ("news", Segment::deeper(PageType::Article, 2)),
    ("blog", Segment::deeper(PageType::Article, 2)),
    ("story", Segment::deeper(PageType::Article, 3)),
    ("post", Segment::deeper(PageType::Article, 2)),
    ("posts", Segment::deeper(PageType::Article, 2)),
];

/// Where in a path a segment must stand to vote.
#[derive(Debug, Clone, Copy)]
struct Segment {
    vote: Vote,
    /// Only with a further segment after it.
    deeper: bool,
    /// Only as the last segment.
    last: bool,
}

impl Segment {
    const fn deeper(kind: PageType, weight: u32) -> Self {
        Self {
            vote: (kind, weight),
            deeper: true,
            last: false,
        }
    }
    const fn last(kind: PageType, weight: u32) -> Self {
        Self {
            vote: (kind, weight),
            deeper: false,
            last: true,
        }
    }
    const fn any(kind: PageType, weight: u32) -> Self {
        Self {
            vote: (kind, weight),
            deeper: false,
            last: false,
        }
    }
}

/// How the links and buttons of a service page open: the calls to action of
/// a page selling a service (lower case; a link's text must start with one).
const SERVICE_CALLS: &[&str] = &[
    "get started",
    "get a quote",
    "get quote",
    "get a free",
    "get pricing",
    "get estimate",
    "get in touch",
    "get a demo",
    "request a quote",
    "request a demo",
    "request demo",
    "request info",
    "request service",
    "request a consultation",
    "free quote",
    "free estimate",
    "free consultation",
    "free trial",
    "start free",
    "start your free",
    "try for free",
    "try it free",
    "try free",
    "book now",
    "book a",
    "book your",
    "schedule a",
    "schedule your",
    "schedule service",
    "contact us",
    "contact sales",
    "talk to",
    "call now",
    "call us",
    "call today",
    "pricing",
    "see pricing",
    "view pricing",
    "see plans",
    "view plans",
    "compare plans",
    "enroll",
    "apply now",
    "sign up free",
    "watch demo",
];

/// Last words of a short slug that name what a business offers
/// (`/hr-consulting`, `/pest-control-coupons`, `/retirement-calculator`).
const OFFER_WORDS: &[&str] = &[
    "services",
    "consulting",
    "solutions",
    "agency",
    "company",
    "pricing",
    "plans",
    "calculator",
    "calculators",
    "coupons",
    "deals",
    "packages",
    "course",
    "courses",
    "certification",
    "tutoring",
    "tutors",
    "insurance",
    "repair",
    "rental",
    "rentals",
    "movers",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
];

/// First words of a slug that make it a roundup's headline, an article
/// about offers (`/best-crm-software`, `/top-mba-programs`).
const ROUNDUP_WORDS: &[&str] = &["best", "top"];

/// Class words of elements holding one post of a thread.
const POST_CLASSES: &str = "[class~=post], [class~=topic-post], [class~=message], [class~=postbody], \
     [class~=post-body], [class~=answer], [class~=comment-body], [class~=messageContent], [itemprop=comment], \
     [itemtype*=Comment], [data-post-id], [itemtype*=DiscussionForumPosting]";

/// Elements that mark a price or a cart.
const PRICE_SELECTOR: &str = "[itemprop=price], [class*=price], [class*=Price]";
const CART_SELECTOR: &str = "[name=add-to-cart], [class*=add-to-cart], [class*=addtocart], [class*=add_to_cart], \
     [class*=AddToCart], [id*=add-to-cart], [data-action=add-to-cart]";
/// Class words of a shop's cards of goods in a grid (Shopify, WooCommerce
/// and Magento themes name them so).
const PRODUCT_CARD_SELECTOR: &str = "[class*=product-card], [class*=productCard], [class*=ProductCard], \
     [class*=product-item], [class*=product-tile], [class*=product-grid-item]";

/// Thresholds of the structural signals.
#[derive(Debug)]
struct Thresholds {
    /// `<pre>` blocks that make a page documentation.
    code_blocks: usize,
    /// Price elements beyond which a page sells many things (a collection),
    /// and beyond which it surely does (a grid of goods, not a product and
    /// its few related ones).
    many_prices: usize,
    most_prices: usize,
    /// Cart buttons from which a page of many prices sells many things (one
    /// button on each card of a grid), below which it sells one.
    many_carts: usize,
    /// Product cards that make a grid of goods (a collection).
    product_cards: usize,
    /// Post elements that make a thread.
    posts: usize,
    /// Headings that are links (item titles), or `<article>` cards, that
    /// make a list of items.
    items: usize,
    /// `<time>` elements among such items that make them a list of stories.
    dated_items: usize,
    /// Paragraphs of running text (at least `long_paragraph_chars`) that
    /// make an article.
    long_paragraphs: usize,
    long_paragraph_chars: usize,
    /// Links or buttons longer than this (characters) are no call to action.
    call_chars: usize,
    /// Distinct calls to action that make a page without an article's marks
    /// a service page, and that make it one surely.
    service_calls: usize,
    many_service_calls: usize,
    /// Words of a last path segment that read as a headline (an article's
    /// slug), and at most as a name (a service's, `/dental-care`).
    headline_slug_words: usize,
    name_slug_words: usize,
    /// Words of a slug, at most, that can name an offer.
    offer_slug_words: usize,
    /// Prices on a site's front page that make it a shop's front (a
    /// collection of its goods) rather than a company's front door.
    shop_front_prices: usize,
    /// Table rows that make a page of little running text a list.
    table_rows: usize,
}

const THRESHOLDS: Thresholds = Thresholds {
    code_blocks: 3,
    many_prices: 12,
    most_prices: 24,
    many_carts: 12,
    product_cards: 12,
    posts: 3,
    items: 6,
    dated_items: 5,
    long_paragraphs: 4,
    long_paragraph_chars: 200,
    call_chars: 40,
    service_calls: 2,
    many_service_calls: 4,
    headline_slug_words: 5,
    name_slug_words: 2,
    offer_slug_words: 4,
    shop_front_prices: 6,
    table_rows: 30,
};

/// What the page says it is, and where it lives.
#[derive(Debug, Default)]
pub(crate) struct Signals<'a> {
    /// JSON-LD `@type`s, lower case, without a schema.org prefix.
    pub json_ld_types: Vec<String>,
    /// `og:type`, lower case.
    pub og_type: String,
    /// The page's URL.
    pub url: Option<&'a url::Url>,
    /// The page names its author (a byline, or authors in its metadata).
    pub signed: bool,
    /// The page gives `article:published_time`, which publishing tools
    /// write for posts and not for their other pages.
    pub article_date: bool,
}

impl<'a> Signals<'a> {
    /// Reads the page's JSON-LD types, `og:type` and
    /// `article:published_time`; `signed` says whether the metadata found an
    /// author.
    pub(crate) fn read(doc: &Document, url: Option<&'a url::Url>, signed: bool) -> Self {
        let mut json_ld_types = Vec::new();
        for script in doc.select("script[type='application/ld+json']").nodes() {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text()) {
                collect_types(&value, &mut json_ld_types, 0);
            }
        }
        let og_type = doc
            .select("meta[property='og:type']")
            .attr("content")
            .map(|kind| kind.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let article_date = doc
            .select("meta[property='article:published_time']")
            .attr("content")
            .is_some_and(|date| !date.trim().is_empty());
        Self {
            json_ld_types,
            og_type,
            url,
            signed,
            article_date,
        }
    }
}

/// JSON-LD nests this deep at most in what is read: real graphs are
/// shallow, and a hostile one must not cost a deep walk.
const MAX_JSON_LD_DEPTH: usize = 8;

/// Every `@type` in `value`, lower case, without a schema.org prefix.
fn collect_types(value: &serde_json::Value, types: &mut Vec<String>, depth: usize) {
    if depth > MAX_JSON_LD_DEPTH {
        return;
    }
    match value {
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|item| collect_types(item, types, depth + 1)),
        serde_json::Value::Object(object) => {
            for (key, item) in object {
                if key == "@type" {
                    let names = match item {
                        serde_json::Value::Array(names) => names.iter().filter_map(|n| n.as_str()).collect(),
                        other => other.as_str().into_iter().collect::<Vec<_>>(),
                    };
                    types.extend(names.into_iter().map(|name| {
                        name.rsplit(['/', ':'])
                            .next()
                            .unwrap_or(name)
                            .to_ascii_lowercase()
                    }));
                } else {
                    collect_types(item, types, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// The page's kind, from its signals and its parsed tree.
pub(crate) fn classify(doc: &Document, signals: &Signals<'_>) -> PageType {
    let mut votes = [0_u32; PageType::ALL.len()];
    let mut vote = |(kind, weight): Vote| votes[kind as usize] += weight;
    // Each type votes once: a shop's page of twenty `Product`s is no more a
    // product than a page of one.
    let json_ld_types: BTreeSet<&String> = signals.json_ld_types.iter().collect();
    let mut article_json_ld = false;
    for kind in json_ld_types {
        if let Some((_, v)) = JSON_LD_TYPES.iter().find(|(name, _)| name == kind) {
            article_json_ld |= v.0 == PageType::Article;
            vote(*v);
        }
    }
    let marked_as_article = signals.signed || signals.article_date || article_json_ld;
    if let Some((_, v)) = OG_TYPES.iter().find(|(name, _)| *name == signals.og_type)
        && (marked_as_article || !OG_TYPES_OF_EVERY_PAGE.contains(&signals.og_type.as_str()))
    {
        vote(*v);
    }
    let slug = signals.url.map(slug).unwrap_or_default();
    let slug_words = slug_words(&slug);
    if let Some(url) = signals.url {
        url_votes(url, &mut vote);
        if slug_words >= THRESHOLDS.headline_slug_words {
            vote((PageType::Article, 1));
        }
        if names_an_offer(&slug) {
            vote((PageType::Service, 2));
        }
    }
    let code_blocks = doc.select("pre").length();
    if code_blocks >= THRESHOLDS.code_blocks {
        vote((PageType::Documentation, 3));
    }
    let prices = doc.select(PRICE_SELECTOR).length();
    let carts = doc.select(CART_SELECTOR).length();
    if prices >= THRESHOLDS.many_prices {
        vote((PageType::Collection, 2));
        // A grid of goods has a cart button on each card; a handful beside
        // many prices sell one thing in its sizes, editions or bundles.
        if (1..THRESHOLDS.many_carts).contains(&carts) {
            vote((PageType::Product, 3));
        }
    } else if prices > 0 && carts > 0 {
        vote((PageType::Product, 2));
    }
    if prices >= THRESHOLDS.most_prices {
        vote((PageType::Collection, 1));
    }
    if doc.select(PRODUCT_CARD_SELECTOR).length() >= THRESHOLDS.product_cards {
        vote((PageType::Collection, 1));
    }
    if doc.select(POST_CLASSES).length() >= THRESHOLDS.posts {
        vote((PageType::Forum, 2));
    }
    let long_paragraphs = doc
        .select("p")
        .nodes()
        .iter()
        .filter(|p| p.text().chars().count() >= THRESHOLDS.long_paragraph_chars)
        .count();
    let items = doc
        .select("h2 a, h3 a, h4 a, a h2, a h3, a h4")
        .length()
        .max(doc.select("article").length());
    // Linked headings under a story (related stories, a sidebar) are fewer
    // than its paragraphs; a list's items outnumber them.
    let listed = items >= THRESHOLDS.items && items > long_paragraphs;
    if listed {
        vote((PageType::Listing, 3));
        // Stories each under its date: a publication's front page or index.
        if doc.select("time").length() >= THRESHOLDS.dated_items {
            vote((PageType::Listing, 1));
        }
    }
    // A long table on a page of little running text is a list: a
    // schedule, standings, rankings, search results.
    if doc.select("tr").length() >= THRESHOLDS.table_rows && long_paragraphs < THRESHOLDS.long_paragraphs {
        vote((PageType::Listing, 3));
    }
    if long_paragraphs >= THRESHOLDS.long_paragraphs {
        vote((PageType::Article, 2));
    }
    let calls = service_calls(doc);
    // A site's front page: a shop's shows its goods with their prices, a
    // publication's lists its stories and asks nothing of the reader; any
    // other is the front door of a company or an organisation.
    if signals.url.is_some_and(is_home) {
        if prices >= THRESHOLDS.shop_front_prices {
            vote((PageType::Collection, 3));
        } else if !(listed && calls == 0) {
            vote((PageType::Service, 3));
        }
    }
    if !marked_as_article {
        if calls >= THRESHOLDS.service_calls {
            vote((PageType::Service, 2));
        }
        if calls >= THRESHOLDS.many_service_calls {
            vote((PageType::Service, 2));
        }
        if (1..=THRESHOLDS.name_slug_words).contains(&slug_words) {
            vote((PageType::Service, 1));
        }
    }
    let best = PageType::ALL
        .into_iter()
        .skip(1)
        .max_by_key(|kind| (votes[*kind as usize], *kind == PageType::Article))
        .unwrap_or(PageType::Article);
    if votes[best as usize] == 0 {
        return if long_paragraphs > 0 {
            PageType::Article
        } else {
            PageType::Service
        };
    }
    best
}

/// How many distinct links and buttons open with a call to action.
fn service_calls(doc: &Document) -> usize {
    let mut calls = BTreeSet::new();
    for node in doc.select("a, button").nodes() {
        let text = node.text().to_lowercase();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty()
            && text.chars().count() <= THRESHOLDS.call_chars
            && SERVICE_CALLS.iter().any(|call| text.starts_with(call))
        {
            calls.insert(text);
        }
    }
    calls.len()
}

/// The words of the URL's last path segment, without an extension, lower
/// case (`/How-the-bridge-was-saved.html`: `how`, `the`, `bridge`, …); none
/// for the site's root.
fn slug(url: &url::Url) -> Vec<String> {
    let last = url
        .path_segments()
        .into_iter()
        .flatten()
        .rfind(|segment| !segment.is_empty())
        .unwrap_or_default();
    let stem = last
        .rsplit_once('.')
        .filter(|(_, extension)| EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str()))
        .map_or(last, |(stem, _)| stem);
    stem.split(['-', '_', '+'])
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of the slug that are words, not numbers or ids
/// (`/how-the-bridge-was-saved.html` has five); 0 for the site's root.
fn slug_words(slug: &[String]) -> usize {
    slug.iter()
        .filter(|word| word.chars().all(char::is_alphabetic))
        .count()
}

/// The slug is the short name of an offer (`/data-analytics-services`,
/// `/retirement-calculator`), not a roundup (`/best-crm-software`).
fn names_an_offer(slug: &[String]) -> bool {
    slug.len() <= THRESHOLDS.offer_slug_words
        && slug
            .last()
            .is_some_and(|word| OFFER_WORDS.contains(&word.as_str()))
        && slug
            .first()
            .is_some_and(|word| !ROUNDUP_WORDS.contains(&word.as_str()))
}

/// Extensions a page's last path segment may carry.
const EXTENSIONS: &[&str] = &["html", "htm", "php", "asp", "aspx", "jsp"];

/// The votes of the URL's host and path.
fn url_votes(url: &url::Url, vote: &mut impl FnMut(Vote)) {
    let host = url.host_str().unwrap_or_default().trim_start_matches("www.");
    if let Some(first) = host.split('.').next()
        && let Some((_, v)) = HOST_PREFIXES.iter().find(|(prefix, _)| *prefix == first)
    {
        vote(*v);
    }
    if DOCUMENTATION_HOSTS.iter().any(|suffix| host.ends_with(suffix)) {
        vote((PageType::Documentation, 4));
    }
    let segments: Vec<String> = url
        .path_segments()
        .into_iter()
        .flatten()
        .filter(|segment| !segment.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    for (index, segment) in segments.iter().enumerate() {
        let is_last = index + 1 == segments.len();
        for (_, rule) in PATH_SEGMENTS.iter().filter(|(name, _)| name == segment) {
            if (rule.deeper && is_last) || (rule.last && !is_last) {
                continue;
            }
            vote(rule.vote);
        }
    }
    let dated = segments
        .windows(2)
        .any(|pair| is_year(&pair[0]) && pair[1].len() <= 2 && pair[1].parse::<u8>().is_ok());
    if dated && segments.len() > 2 {
        vote((PageType::Article, 4));
    }
}

/// The URL is a site's front page: no path, whatever its query.
fn is_home(url: &url::Url) -> bool {
    url.path_segments()
        .is_none_or(|mut segments| segments.all(str::is_empty))
}

/// A plausible year of publication.
fn is_year(segment: &str) -> bool {
    segment.len() == 4
        && segment
            .parse::<u16>()
            .is_ok_and(|year| (1990..=2100).contains(&year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(html: &str, url: &str, json_ld: &[&str], og: &str) -> PageType {
        let doc = Document::from(html);
        let url = url::Url::parse(url).ok();
        let signals = Signals {
            json_ld_types: json_ld.iter().map(|t| t.to_ascii_lowercase()).collect(),
            og_type: og.into(),
            url: url.as_ref(),
            ..Signals::default()
        };
        classify(&doc, &signals)
    }

    /// The kind of a page read whole, as the html stage reads it.
    fn kind_of_page(html: &str, url: &str, signed: bool) -> PageType {
        let doc = Document::from(html);
        let url = url::Url::parse(url).ok();
        classify(&doc, &Signals::read(&doc, url.as_ref(), signed))
    }

    const STORY: &str = "<p>The council voted on Tuesday to close the old bridge to cars from next spring, after engineers found cracks in two of its piers during the yearly inspection and warned that repairs would take months, and that buses would cross it only until the end of the year.</p>";

    #[test]
    fn what_the_page_says_it_is_decides_first() {
        assert_eq!(
            kind_of("<p>x</p>", "https://a.example/x", &["NewsArticle"], ""),
            PageType::Article
        );
        assert_eq!(
            kind_of("<p>x</p>", "https://a.example/x", &["QAPage"], ""),
            PageType::Forum
        );
        assert_eq!(
            kind_of("<p>x</p>", "https://a.example/x", &[], "product"),
            PageType::Product
        );
    }

    #[test]
    fn a_json_ld_type_votes_once_however_many_nodes_carry_it() {
        // Twenty products in one page's JSON-LD (a category's grid) outvote
        // neither the page's own CollectionPage nor its URL.
        let mut types = vec!["Product"; 20];
        types.push("CollectionPage");
        assert_eq!(
            kind_of("<p>x</p>", "https://shop.example/c/kettles/all", &types, ""),
            PageType::Collection
        );
    }

    #[test]
    fn the_url_tells_threads_docs_and_shops_apart() {
        assert_eq!(
            kind_of("<p>x</p>", "https://forum.example/t/help-me/12", &[], ""),
            PageType::Forum
        );
        assert_eq!(
            kind_of(
                "<p>x</p>",
                "https://bbs.example.org/viewtopic.php?id=7",
                &[],
                "article"
            ),
            PageType::Forum
        );
        let comments = "https://site.example/r/gardening/comments/abc12/my_roses_wilt/";
        assert_eq!(kind_of(&STORY.repeat(4), comments, &[], ""), PageType::Forum);
        for (url, expected) in [
            ("https://docs.example.org/guide/start", PageType::Documentation),
            ("https://shop.example/collections/socks", PageType::Collection),
            ("https://paper.example/news", PageType::Listing),
            (
                "https://shop.example/product-category/mugs/",
                PageType::Collection,
            ),
            ("https://sport.example/league/schedule", PageType::Listing),
            ("https://parts.example/catalogs/fasteners/", PageType::Listing),
            ("https://app.example/glossary/churn-rate", PageType::Documentation),
        ] {
            assert_eq!(kind_of("<p>x</p>", url, &[], ""), expected, "{url}");
        }
        let dated = "https://paper.example/2026/03/bridge-closes";
        assert_eq!(kind_of("<p>x</p>", dated, &[], ""), PageType::Article);
    }

    #[test]
    fn linked_headings_under_a_long_story_do_not_make_it_a_list() {
        let related: String = (1..=6)
            .map(|n| format!("<h3><a href=\"/more/{n}\">Another story {n}</a></h3>"))
            .collect();
        let story = format!("<h1>Bridge closes</h1>{}{related}", STORY.repeat(8));
        assert_eq!(kind_of(&story, "https://a.example/x", &[], ""), PageType::Article);
        let list = format!("<h1>Latest</h1>{related}{STORY}");
        assert_eq!(kind_of(&list, "https://a.example/x", &[], ""), PageType::Listing);
    }

    #[test]
    fn a_front_page_of_dated_stories_is_a_listing() {
        let stories: String = (1..=6)
            .map(|n| {
                format!("<article><h2><a href=\"/s/{n}\">Story {n}</a></h2><time>2 March</time></article>")
            })
            .collect();
        assert_eq!(
            kind_of(&stories, "https://paper.example/", &[], ""),
            PageType::Listing
        );
    }

    #[test]
    fn a_front_page_of_goods_with_prices_is_a_shop_collection() {
        let goods: String = (1..=6)
            .map(|n| format!(r#"<div><a href="/p/{n}">Mug {n}</a><span class="price">£{n}</span></div>"#))
            .collect();
        assert_eq!(
            kind_of(&goods, "https://mugs.example/", &[], ""),
            PageType::Collection
        );
        assert_eq!(
            kind_of("<h1>We fix roofs</h1>", "https://roofs.example/", &[], ""),
            PageType::Service
        );
    }

    #[test]
    fn a_front_page_listing_stories_without_calls_to_act_is_a_listing() {
        let stories: String = (1..=6)
            .map(|n| format!("<h2><a href=\"/s/{n}\">Story {n}</a></h2>"))
            .collect();
        assert_eq!(
            kind_of(&stories, "https://paper.example/", &[], ""),
            PageType::Listing
        );
        // The same cards beside calls to act are a company's front door.
        let calls = r#"<a href="/demo">Request a demo</a> <a href="/start">Get started</a>"#;
        assert_eq!(
            kind_of(&format!("{stories}{calls}"), "https://app.example/", &[], ""),
            PageType::Service
        );
    }

    #[test]
    fn a_long_table_on_a_page_of_little_text_is_a_listing() {
        let rows: String = (1..=30)
            .map(|n| format!("<tr><td>{n}</td><td>Team {n}</td><td>{}</td></tr>", 60 - n))
            .collect();
        let page = format!("<h1>League table</h1><table>{rows}</table>");
        assert_eq!(
            kind_of(&page, "https://sport.example/league/table", &[], ""),
            PageType::Listing
        );
    }

    #[test]
    fn a_headline_in_the_url_votes_for_an_article() {
        let page = "<h1>How to choose a winter coat</h1><p>Warmth first.</p>";
        let slug = "https://a.example/style/how-to-choose-a-winter-coat";
        assert_eq!(kind_of_page(page, slug, false), PageType::Article);
    }

    #[test]
    fn an_offer_without_byline_or_date_is_a_service_page() {
        let calls = r#"<a href="/quote">Get a quote</a> <a href="/book">Book now</a>
            <button>Contact sales</button> <a href="/pricing">Pricing</a>"#;
        let page = format!("<h1>Roof repair</h1>{}{calls}", STORY.repeat(4));
        assert_eq!(
            kind_of_page(&page, "https://roofs.example/roof-repair", false),
            PageType::Service
        );
        // The same page with a byline is a story about roofs.
        assert_eq!(
            kind_of_page(&page, "https://roofs.example/roof-repair", true),
            PageType::Article
        );
        let dated =
            format!(r#"<meta property="article:published_time" content="2026-03-02T08:00:00Z">{page}"#);
        assert_eq!(
            kind_of_page(&dated, "https://roofs.example/roof-repair", false),
            PageType::Article
        );
    }

    #[test]
    fn og_type_article_without_a_date_or_byline_is_no_story() {
        let og = r#"<meta property="og:type" content="article">"#;
        let calls = r#"<a href="/quote">Get a quote</a> <a href="tel:1">Call us</a>"#;
        let page = format!("{og}<h1>Roof repair</h1>{}{calls}", STORY.repeat(4));
        let url = "https://roofs.example/roof-repair";
        assert_eq!(kind_of_page(&page, url, false), PageType::Service);
        let dated =
            format!(r#"<meta property="article:published_time" content="2026-03-02T08:00:00Z">{page}"#);
        assert_eq!(kind_of_page(&dated, url, false), PageType::Article);
    }

    #[test]
    fn a_short_slug_naming_an_offer_is_a_service_page() {
        let page = format!("<h1>HR consulting</h1>{}", STORY.repeat(4));
        let offer = "https://firm.example/services/hr-consulting/";
        assert_eq!(kind_of_page(&page, offer, false), PageType::Service);
        let calculator = "https://bank.example/planning/retirement-calculator";
        assert_eq!(kind_of_page(&page, calculator, false), PageType::Service);
        // A roundup of offers is an article about them.
        let roundup = "https://news.example/best-hr-consulting";
        assert_eq!(kind_of_page(&page, roundup, false), PageType::Article);
    }

    #[test]
    fn two_dozen_prices_outvote_a_long_description() {
        let story = STORY.repeat(4);
        let prices: String = (1..=24)
            .map(|n| format!(r#"<span class="price">£{n}</span>"#))
            .collect();
        let url = "https://shop.example/kettles/electric";
        assert_eq!(
            kind_of(&format!("{story}{prices}"), url, &[], ""),
            PageType::Collection
        );
        let dozen: String = (1..=12)
            .map(|n| format!(r#"<span class="price">£{n}</span>"#))
            .collect();
        assert_eq!(
            kind_of(&format!("{story}{dozen}"), url, &[], ""),
            PageType::Article
        );
    }

    #[test]
    fn a_few_cart_buttons_beside_many_prices_sell_one_product() {
        let editions: String = (1..=12)
            .map(|n| format!(r#"<div><h3>Edition {n}</h3><span class="price">£{n}</span></div>"#))
            .collect();
        let carts = r#"<button class="add-to-cart">Add</button>"#.repeat(3);
        let url = "https://games.example/app/730/space-race";
        assert_eq!(
            kind_of(&format!("<h1>Space race</h1>{editions}{carts}"), url, &[], ""),
            PageType::Product
        );
        let grid: String = (1..=12)
            .map(|n| {
                format!(
                    r#"<div><span class="price">£{n}</span><button class="add-to-cart">Add</button></div>"#
                )
            })
            .collect();
        assert_eq!(
            kind_of(&format!("<h1>Racing games</h1>{grid}"), url, &[], ""),
            PageType::Collection
        );
    }

    #[test]
    fn a_grid_of_product_cards_adds_to_the_prices() {
        let story = STORY.repeat(4);
        let cards: String = (1..=12)
            .map(|n| format!(r#"<div class="product-card"><a href="/p/{n}">Kettle {n}</a><span class="price">£{n}</span></div>"#))
            .collect();
        assert_eq!(
            kind_of(
                &format!("{story}{cards}"),
                "https://shop.example/kettles/electric",
                &[],
                ""
            ),
            PageType::Collection
        );
    }

    #[test]
    fn structure_speaks_when_nothing_else_does() {
        let code = "<pre>a</pre><pre>b</pre><pre>c</pre><p>Call the function.</p>";
        assert_eq!(
            kind_of(code, "https://a.example/x", &[], ""),
            PageType::Documentation
        );
        let story = STORY.repeat(4);
        assert_eq!(kind_of(&story, "https://a.example/x", &[], ""), PageType::Article);
        let sale = r#"<h1>Kettle</h1><span class="price">£20</span><button class="add-to-cart">Add</button>"#;
        assert_eq!(kind_of(sale, "https://a.example/x", &[], ""), PageType::Product);
        assert_eq!(
            kind_of(
                "<h1>We fix roofs</h1><p>Call us.</p>",
                "https://a.example/x",
                &[],
                ""
            ),
            PageType::Service
        );
    }
}
