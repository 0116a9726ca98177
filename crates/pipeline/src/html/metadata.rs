//! What the page says about itself, from its most trusted statement to its
//! least: JSON-LD (`json_ld`), then meta tags, then the printed page.
//!
//! - headline: the `<h1>` that agrees best with what the metadata calls
//!   the page (`og:title`, JSON-LD `headline`, `<title>`, each without a
//!   ` | Outlet` suffix: at least [`MIN_HEADLINE_AGREEMENT`] of its words in
//!   one of them), else the first of those titles, else the first `<h1>`
//!   (first of all when a `<title>` opening with the site's name is the
//!   only title);
//!   an `<h1>` that is only the site's name, or repeats the short segment
//!   ending the `<title>`, is passed over, and a date or a label opening
//!   one (`Thread:`) is no part of it;
//! - authors: JSON-LD article authors who are people, else the author meta
//!   tags of [`AUTHOR_META`], cleaned (`authors`); the byline element is
//!   kept as printed for `headline`;
//! - publisher: JSON-LD `publisher.name`, an organization JSON-LD gives as
//!   author, then `og:site_name`;
//! - dates: first publication and last change (`dates`);
//! - the canonical link.

use dom_query::Document;

use dom_query::NodeRef;

use crate::{article::PageType, unicode};

use super::{
    authors, dates,
    dates::{Furniture, PageDates, spaced_text},
    json_ld,
    narrowed::NarrowedSelector,
};

/// How many words the segment before the site's name may have to be taken
/// as the section or board it files the page under (`Topic - Board - Site`).
const MAX_SECTION_WORDS: usize = 3;

/// Separators between a headline and the site name in `<title>`.
const SITE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " · ", " :: ", " » ", " • ", " / "];

/// Elements that print the byline; the first in the page that is short
/// enough, names someone and is not in a comment or a teaser is taken.
static BYLINE_ELEMENTS: NarrowedSelector = NarrowedSelector {
    selector: "[class*=\"byline\" i], .by-line, [itemprop=\"author\"], [rel=\"author\"], \
        [class*=\"author\" i], a[href*=\"/author/\"], a[href*=\"/authors/\"]",
    carries: &[
        ("class", &["by", "author"]),
        ("itemprop", &[]),
        ("rel", &[]),
        ("href", &["/author"]),
    ],
};

/// Labels printed in an element of their own before the name
/// (`<p>Written by</p><p>Ann Lee</p>`), folded as line keys.
const BYLINE_LABELS: &[&str] = &[
    "written by",
    "article by",
    "author",
    "authors",
    "by",
    "posted by",
    "started by",
    "thread starter",
    "topic author",
    "autor",
    "von",
    "par",
    "por",
];

/// A byline printed without a class naming it is at most this long: a
/// longer text opening with `By` is running text.
const MAX_PRINTED_BYLINE_CHARS: usize = 100;

/// A byline element is at most this long; a longer one is an author box.
const MAX_BYLINE_CHARS: usize = 200;

/// Meta tags naming the authors (lower case), most trusted first.
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
];

/// Author meta tags of catalogues (Dublin Core, and the Highwire Press
/// tags of scholarly publishers): one tag per person, written `Surname,
/// Given names` (`Roy, Aniruddha`).
const CATALOGUE_AUTHOR_META: &[&str] = &["dc.creator", "dcterms.creator", "citation_author"];

/// The most words a surname, and a person's given names, hold in a
/// catalogue's `Surname, Given names`.
const MAX_CATALOGUE_NAME_WORDS: usize = 3;

/// An `<h1>` is the headline when at least this share of its words are in a
/// title the metadata gives: the rest is a site logo or a section name.
const MIN_HEADLINE_AGREEMENT: f64 = 0.5;

/// The most words a site's name has where the page's `<title>` ends with it
/// (`What is a lock? - The Harbour Handbook`).
const MAX_SITE_NAME_WORDS: usize = 4;

/// How many words an `<h1>` needs to be the headline over a `<title>` that
/// is only the site's name and motto: fewer make a label (`Pulse!`).
const MIN_HEADLINE_WORDS_OVER_SITE_TITLE: usize = 4;

/// How many `<h1>`s are weighed: the headline is among the first.
const MAX_HEADINGS: usize = 5;

/// A catalogue's `Surname, Given names` as a person writes it (`Aniruddha
/// Roy`, `Jeff T. Kaufman`); any other value as it stands.
fn given_names_first(value: &str) -> String {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    let is_name_part = |part: &str| {
        let words = part.split_whitespace().count();
        (1..=MAX_CATALOGUE_NAME_WORDS).contains(&words)
            && part
                .split_whitespace()
                .all(|word| word.starts_with(char::is_uppercase))
    };
    match parts.as_slice() {
        [surname, given] if is_name_part(surname) && is_name_part(given) => format!("{given} {surname}"),
        _ => value.to_owned(),
    }
}

/// The page's own description of the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    /// The headline, without the site suffix; it may still carry a byline.
    pub title: String,
    /// The text of the byline element, if the page has one.
    pub byline: Option<String>,
    /// Author names from JSON-LD or the author meta tags, cleaned.
    pub authors: Vec<String>,
    /// The outlet publishing the page: JSON-LD `publisher.name`, else
    /// `og:site_name`.
    pub site_name: String,
    /// Names of the site itself (`og:site_name`, an
    /// organization given as author): a byline naming one names no author.
    pub outlets: Vec<String>,
    /// When the article was first published and last changed.
    pub dates: PageDates,
    /// `link[rel=canonical]`, made absolute against the page URL.
    pub canonical_url: Option<String>,
    /// JSON-LD `articleBody`, for the main content's cross-check
    /// (`article_body`); taken out before the metadata is kept.
    pub article_body: Option<String>,
}

/// Kinds of page whose `By …` texts are not bylines: a shop's `By Brand`,
/// a listing's `By Category` filter.
const WITHOUT_PRINTED_BYLINES: &[PageType] = &[PageType::Product, PageType::Listing, PageType::Collection];

/// Kinds of page dated by the day their text prints most often when nothing
/// marks their date: a shop's or a service's page prints days of offers and
/// reviews, not its own.
const DATED_BY_PRINTED_DAYS: &[PageType] = &[PageType::Article, PageType::Forum];

impl Metadata {
    /// Takes a byline printed without a class naming it (`<p>By Ann Lee</p>`)
    /// as the byline when the page has no byline element and is of a kind
    /// that prints bylines; on a forum thread without either, the name a
    /// forum engine marks as the first post's poster. Both are read from
    /// `doc` only then: most pages have a byline element.
    pub(crate) fn settle_byline(&mut self, kind: PageType, doc: &Document) {
        if self.byline.is_some() {
            return;
        }
        let outlets: Vec<&str> = self.outlets.iter().map(String::as_str).collect();
        if !WITHOUT_PRINTED_BYLINES.contains(&kind) {
            self.byline = printed_byline(doc, &Furniture::new(doc), &outlets);
        }
        if self.byline.is_none() && kind == PageType::Forum {
            self.byline = first_poster(doc, &outlets);
        }
    }

    /// Whether the authors the metadata gives are only the site's own name
    /// (`<meta name="author" content="River Post">` on riverpost.example):
    /// a personal site's owner, or an outlet signing for its writer.
    pub(crate) fn authors_name_only_the_site(&self) -> bool {
        !self.authors.is_empty()
            && self.authors.iter().all(|author| {
                std::iter::once(&self.site_name)
                    .chain(&self.outlets)
                    .any(|site| same_name(author, site))
            })
    }

    /// Takes the day the page's own text prints most often as its
    /// publication when nothing else dated it and it is of a kind of
    /// [`DATED_BY_PRINTED_DAYS`].
    pub(crate) fn settle_date(&mut self, kind: PageType, doc: &Document) {
        if self.dates.published.is_none() && DATED_BY_PRINTED_DAYS.contains(&kind) {
            self.dates.published =
                dates::most_printed_day(doc, &Furniture::new(doc)).map(dates::PageDate::Day);
        }
    }
}

/// Reads the metadata of a parsed page; `page_url` resolves relative links.
pub(crate) fn read(doc: &Document, page_url: Option<&url::Url>) -> Metadata {
    let metas = MetaTags::read(doc);
    let json_ld = json_ld::read(doc);
    let site_name = json_ld
        .publisher
        .clone()
        .or_else(|| json_ld.organization_author.clone())
        .or_else(|| metas.get("og:site_name"))
        .unwrap_or_default();
    let title = headline(doc, &metas, json_ld.headline.as_deref(), &site_name, page_url).unwrap_or_default();
    let og_site = metas.get("og:site_name").unwrap_or_default();
    // A personal site is named after its author: a name the metadata gives
    // as author is kept even when it is the site's, unless JSON-LD calls it
    // an organization; a byline element naming the site names no author.
    let organization = [json_ld.organization_author.as_deref().unwrap_or_default()];
    let outlets = [og_site.as_str(), organization[0]];
    let mut authors = authors::clean_all(&json_ld.authors, &organization);
    if authors.is_empty() {
        authors = AUTHOR_META
            .iter()
            .flat_map(|key| {
                if CATALOGUE_AUTHOR_META.contains(key) {
                    let people: Vec<String> = metas.all(key).map(given_names_first).collect();
                    vec![authors::clean_all(&people, &organization)]
                } else {
                    metas
                        .all(key)
                        .map(|names| authors::clean(names, &organization))
                        .collect()
                }
            })
            .chain(labelled_author(&metas).map(|names| authors::clean(names, &organization)))
            .find(|names| !names.is_empty())
            .unwrap_or_default();
    }
    let furniture = Furniture::new(doc);
    let byline = byline(doc, &furniture, &outlets);
    let dates = dates::read(doc, &furniture, &metas, &json_ld, page_url);
    let canonical_url = doc
        .select_single("link[rel=\"canonical\"]")
        .attr("href")
        .and_then(|href| absolute(href.trim(), page_url));
    Metadata {
        title,
        byline,
        authors,
        site_name,
        outlets: outlets
            .iter()
            .filter(|outlet| !outlet.is_empty())
            .map(|outlet| (*outlet).to_owned())
            .collect(),
        dates,
        canonical_url,
        article_body: json_ld.article_body,
    }
}

/// The headline: the `<h1>` agreeing best with a metadata title, else the
/// metadata's own title, else the first `<h1>`, each without the site's
/// name (`site_name`, or the host of `page_url`) as a suffix; an `<h1>`
/// that is only the site's name (a blog's masthead) is passed over, and
/// so is one repeating the name that ends the `<title>`, which then comes
/// off the titles as the site's name. A title giving the agreeing `<h1>`
/// with a count before it (`7 Ways to …`) is the headline in full.
fn headline(
    doc: &Document,
    metas: &MetaTags,
    json_ld_headline: Option<&str>,
    site_name: &str,
    page_url: Option<&url::Url>,
) -> Option<String> {
    let host = page_url.and_then(url::Url::host_str).unwrap_or_default();
    let document_title = text_of(doc, "title");
    let headings: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .filter(|heading| !dates::is_masthead(heading))
        .map(heading_text)
        .filter(|text| !text.is_empty())
        .take(MAX_HEADINGS)
        .collect();
    // An `<h1>` repeating the short segment that ends the `<title>` is the
    // site's name printed as its masthead, unless the `<title>` opens with
    // the site's name (`River Post - Dam opens`), when it is the headline.
    let masthead = document_title
        .as_deref()
        .and_then(last_segment)
        .filter(|(head, _, _)| !names_site(head, site_name, host))
        .map(|(_, _, last)| last)
        .filter(|last| last.split_whitespace().count() <= MAX_SITE_NAME_WORDS)
        .filter(|last| headings.iter().any(|heading| same_name(heading, last)));
    let strip = |title: &str| {
        let title = without_site_suffix(title, site_name, page_url);
        masthead
            .map_or(title, |masthead| without_site_suffix(title, masthead, None))
            .to_owned()
    };
    let titles: Vec<String> = [
        metas.get("og:title"),
        json_ld_headline.map(collapse_spaces),
        document_title.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|title| strip(&title))
    .filter(|title| !title.is_empty())
    .collect();
    let mut best: Option<(f64, &String)> = None;
    for heading in &headings {
        if names_site(heading, site_name, host)
            || masthead.is_some_and(|masthead| same_name(heading, masthead))
        {
            continue;
        }
        let score = titles
            .iter()
            .map(|title| agreement(heading, title))
            .fold(0.0, f64::max);
        if score >= MIN_HEADLINE_AGREEMENT && best.is_none_or(|(best, _)| score > best) {
            best = Some((score, heading));
        }
    }
    match best {
        Some((_, heading)) => {
            let heading = strip(heading);
            let counted = titles.iter().find(|title| counts_heading(&heading, title));
            Some(counted.cloned().unwrap_or(heading))
        }
        // A `<title>` that opens with the site's name, when nothing else
        // titles the page, is the site's own (`Site - Its motto`), served
        // on every page of an app that never sets its pages' titles: an
        // `<h1>` saying more than a label is the headline.
        None if metas.get("og:title").is_none()
            && json_ld_headline.is_none()
            && document_title
                .as_deref()
                .is_some_and(|title| opens_with_site_name(title, site_name, host)) =>
        {
            headings
                .first()
                .filter(|heading| heading.split_whitespace().count() >= MIN_HEADLINE_WORDS_OVER_SITE_TITLE)
                .map(|heading| strip(heading))
                .or_else(|| titles.first().cloned())
        }
        None => titles
            .first()
            .cloned()
            .or_else(|| headings.first().map(|heading| strip(heading))),
    }
}

/// Whether `title`'s first segment names the site (`Lune Notes - Tides
/// for sailors` on `lunenotes.example`) and something follows it.
fn opens_with_site_name(title: &str, site_name: &str, host: &str) -> bool {
    SITE_SEPARATORS
        .iter()
        .filter_map(|separator| title.find(separator))
        .min()
        .is_some_and(|at| names_site(&title[..at], site_name, host))
}

/// Whether `text` is the site's name: its `site_name`, or a label of its
/// host spelt whole ([`spells_host_label`]).
fn names_site(text: &str, site_name: &str, host: &str) -> bool {
    same_name(text, site_name) || spells_host_label(text, host)
}

/// Whether `title` is `heading` with a count before it (`7 Ways to Cut
/// Your Water Bill` for `Ways to Cut Your Water Bill`): a list's count is
/// part of its headline, though the page may print it apart.
fn counts_heading(heading: &str, title: &str) -> bool {
    title
        .to_lowercase()
        .strip_suffix(&heading.to_lowercase())
        .and_then(|count| count.strip_suffix(' '))
        .is_some_and(|count| !count.is_empty() && count.chars().all(|c| c.is_ascii_digit()))
}

/// The share of the heading's words that are in the title, ignoring case.
fn agreement(heading: &str, title: &str) -> f64 {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let heading = words(heading);
    let title = words(title);
    if heading.is_empty() {
        return 0.0;
    }
    let shared = heading.iter().filter(|word| title.contains(word)).count();
    #[allow(clippy::cast_precision_loss)]
    let share = shared as f64 / heading.len() as f64;
    share
}

/// The page's `<meta>` tags, read in one pass: each `property`, `name` or
/// `itemprop` (lower case) with its `content`, in page order; an `itemprop`
/// of a comment, an answer or a review nested in the page's item is not the
/// page's.
pub(crate) struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    pub(crate) fn read(doc: &Document) -> Self {
        // Every `<meta>`, those without a `content` dropped below: a plain
        // element name is matched without the selector engine.
        let tags = doc
            .select("meta")
            .nodes()
            .iter()
            .filter_map(|node| {
                let key = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop").filter(|_| !dates::in_nested_item(node)))?;
                let content = collapse_spaces(&node.attr("content")?);
                (!content.is_empty()).then(|| (key.trim().to_ascii_lowercase(), content))
            })
            .collect();
        Self(tags)
    }

    /// The content of the first tag named `key` (lower case).
    fn get(&self, key: &str) -> Option<String> {
        self.all(key).next().map(str::to_owned)
    }

    /// The content of the first tag named `key` (lower case), borrowed.
    fn first(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, content)| content.as_str())
    }

    /// The contents of every tag named `key` (lower case), in page order.
    pub(crate) fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.0
            .iter()
            .filter(move |(name, _)| name == key)
            .map(|(_, content)| content.as_str())
    }

    /// Every tag's name (lower case) and content, in page order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(name, content)| (name.as_str(), content.as_str()))
    }
}

/// The text of the first element matching `selector`, if not empty.
fn text_of(doc: &Document, selector: &str) -> Option<String> {
    let text = collapse_spaces(&doc.select_single(selector).text());
    (!text.is_empty()).then_some(text)
}

/// The text of the first byline element short enough to be one, naming
/// someone (not only `By` or `Author`) and not in a comment or teaser; an
/// element holding only a label gives the text of the element after it.
/// The candidates are matched as the page is walked, so the walk stops at
/// the first byline taken (it is most often near the top).
fn byline(doc: &Document, furniture: &Furniture, outlets: &[&str]) -> Option<String> {
    let names = |text: &str| names_someone(text, outlets);
    BYLINE_ELEMENTS
        .select(doc)
        .filter(|node| !furniture.holds_byline(node) && !names_login(node))
        .find_map(|node| {
            let text = author_text(&node);
            if names(&text) {
                return Some(text);
            }
            let key = crate::markers::line_key(&text);
            BYLINE_LABELS
                .contains(&key.as_str())
                .then(|| next_element_text(&node))
                .flatten()
                .filter(|next| names(next))
        })
}

/// A byline the page prints without a class naming it: the first text
/// after the page's first `<h1>` (a site's menus come before it), outside
/// comments and teasers, that opens with a byline opener (`By Ann Lee`,
/// `Written by` then the name in the next element, a forum's `Thread
/// starter`) and whose element `names` someone.
fn printed_byline(doc: &Document, furniture: &Furniture, outlets: &[&str]) -> Option<String> {
    let names = |text: &str| {
        let names = authors::clean(text, outlets);
        text.chars().count() <= MAX_BYLINE_CHARS
            && !names.is_empty()
            && names
                .iter()
                .all(|name| !names_facet(name) && name.chars().count() > 1)
    };
    let body = doc.select("body").nodes().first().copied()?;
    let mut after_headline = doc.select_single("h1").is_empty();
    body.descendants_it()
        .filter(|node| {
            after_headline |= node.node_name().as_deref() == Some("h1");
            after_headline && node.is_text() && opens_with_byline_label(&node.text())
        })
        .filter_map(|node| node.parent())
        .filter(|element| !furniture.holds_byline(element))
        .find_map(|element| {
            let text = spaced_text(&element);
            if text.chars().count() > MAX_PRINTED_BYLINE_CHARS {
                return None;
            }
            if BYLINE_LABELS.contains(&crate::markers::line_key(&text).as_str()) {
                return next_element_text(&element).filter(|next| names(next));
            }
            names(&text).then_some(text)
        })
}

/// Where forum engines print a post's poster (phpBB, vBulletin, FluxBB,
/// SMF, Flarum, XenForo).
const FORUM_POSTER_SELECTOR: &str = ".username, .username-coloured, .bigusername, .postleft dt strong, \
    .poster h4, .PostUser-name, .message-name";

/// The first poster's name a forum engine marks, when it names someone.
fn first_poster(doc: &Document, outlets: &[&str]) -> Option<String> {
    let node = doc
        .select_single(FORUM_POSTER_SELECTOR)
        .nodes()
        .first()
        .copied()?;
    Some(spaced_text(&node)).filter(|name| names_someone(name, outlets))
}

/// Whether a byline's text is short enough to be one and names someone
/// other than the outlets.
fn names_someone(text: &str, outlets: &[&str]) -> bool {
    text.chars().count() <= MAX_BYLINE_CHARS && !authors::clean(text, outlets).is_empty()
}

/// Sort and filter facets a menu prints after `By` (`By Category`, `Sort
/// by Date`), lower case.
const FACET_WORDS: &[&str] = &[
    "category",
    "categories",
    "topic",
    "topics",
    "type",
    "types",
    "title",
    "titles",
    "date",
    "region",
    "country",
    "countries",
    "brand",
    "brands",
    "price",
    "size",
    "color",
    "colour",
    "collection",
    "collections",
    "department",
    "industry",
    "location",
    "subject",
    "format",
    "language",
    "year",
    "month",
    "rating",
    "popularity",
    "relevance",
    "newest",
    "oldest",
    "group",
    "review",
    "reviews",
];

/// Whether each word of a name is a facet of [`FACET_WORDS`].
fn names_facet(name: &str) -> bool {
    name.split_whitespace()
        .all(|word| FACET_WORDS.contains(&word.to_lowercase().as_str()))
}

/// Whether a text is a byline label alone (`Written by`, `Author:`) or opens
/// with one before a capitalised name (`By Ann Lee`, `Par Marie Roy`).
fn opens_with_byline_label(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_PRINTED_BYLINE_CHARS * 4 {
        return false;
    }
    let key = crate::markers::line_key(text);
    let lower = text.to_lowercase();
    BYLINE_LABELS.contains(&key.as_str())
        || crate::markers::strip_byline_opener(text).is_some()
        || BYLINE_LABELS.iter().any(|label| {
            lower
                .strip_prefix(label)
                .and_then(|rest| rest.strip_prefix(' '))
                .and_then(|rest| rest.trim_start().chars().next())
                .is_some_and(char::is_uppercase)
        })
}

/// The name an author element gives: the `itemprop="name"` inside it, as
/// content or text (schema.org microdata), else its own text.
fn author_text(node: &NodeRef) -> String {
    let microdata = node
        .attr("itemprop")
        .is_some_and(|prop| prop.eq_ignore_ascii_case("author"))
        .then(|| {
            node.descendants_it().find(|child| {
                child
                    .attr("itemprop")
                    .is_some_and(|prop| prop.eq_ignore_ascii_case("name"))
            })
        })
        .flatten()
        .map(|name| match name.attr("content") {
            Some(content) => collapse_spaces(content.as_ref()),
            None => spaced_text(&name),
        })
        .filter(|name| !name.is_empty());
    microdata.unwrap_or_else(|| spaced_text(node))
}

/// Class-name parts of sign-in links (`authorization-link`), which hold
/// the word `author` without naming one.
const LOGIN_CLASS_WORDS: &[&str] = &["authoriz", "authoris"];

/// Whether the element's class names a sign-in link.
fn names_login(node: &NodeRef) -> bool {
    node.attr("class").is_some_and(|class| {
        let class = class.to_ascii_lowercase();
        LOGIN_CLASS_WORDS.iter().any(|word| class.contains(word))
    })
}

/// The text of the element after `node`, as [`spaced_text`] reads it.
fn next_element_text(node: &NodeRef) -> Option<String> {
    Some(spaced_text(&node.next_element_sibling()?))
}

/// The author a page names in its sharing card's label and data pair
/// (`twitter:label1` = `Written by`, `twitter:data1` = the name).
fn labelled_author(metas: &MetaTags) -> Option<&str> {
    (1..=LABELLED_META_PAIRS).find_map(|index| {
        let label = metas.get(&format!("twitter:label{index}"))?;
        let key = crate::markers::line_key(&label);
        BYLINE_LABELS
            .contains(&key.as_str())
            .then(|| metas.first(&format!("twitter:data{index}")))
            .flatten()
    })
}

/// How many `twitter:label`/`twitter:data` pairs a page may give.
const LABELLED_META_PAIRS: usize = 4;

/// A heading's text as a reader sees it: a line break set in it
/// (`News Product<br>Management`) parts two words; the date a blog sets in
/// its post title (`<time>`), a label opening it (a forum's `Thread:`, a
/// thread prefix's badge), a button set in it (`Copy link`), its comment
/// count and an aggregator's source link are no part of the headline.
fn heading_text(heading: &NodeRef) -> String {
    let mut text = String::new();
    push_heading_text(heading, &mut text);
    let text = collapse_spaces(&text);
    if text.is_empty() {
        collapse_spaces(&heading.text())
    } else {
        text
    }
}

/// Words that, closed by a colon, label a heading rather than open it
/// (lower case): forum engines print `Thread:` or `Topic:` before a
/// thread's title, preprint servers `Title:`.
const HEADING_LABELS: &[&str] = &["thread", "topic", "title", "subject", "blog"];

/// Class names of an element labelling the heading it opens (lower case):
/// a forum's thread-prefix badge (`label label--primary`), a descriptor.
const HEADING_LABEL_CLASSES: &[&str] = &["label", "descriptor"];

/// Appends the text under `node` to `text`, as [`heading_text`] reads it.
fn push_heading_text(node: &NodeRef, text: &mut String) {
    for child in node.children_it(false) {
        let opening = text.trim().is_empty();
        if child.is_text() {
            let part = child.text();
            if !(opening && is_heading_label(&part)) {
                text.push_str(&part);
            }
            continue;
        }
        match child.node_name().as_deref() {
            Some("br") => text.push(' '),
            Some("time" | "script" | "style" | "button") => {}
            Some("a") if is_headline_furniture_link(&child) => {}
            _ if opening && (names_heading_label(&child) || is_heading_label(&child.text())) => {}
            _ => push_heading_text(&child, text),
        }
    }
}

/// Fragments of links to a page's comment thread: the count a theme sets
/// in the headline (`… Guarantee Jobs 87`) links there.
const COMMENT_FRAGMENTS: &[&str] = &["#comment", "#respond", "#disqus_thread"];

/// Whether a link set in a headline is furniture, not words of it: the
/// count of its comments, or the source an aggregator names after a
/// story's title, a host in parentheses (`(latimes.com)`).
fn is_headline_furniture_link(link: &NodeRef) -> bool {
    let names_source = || {
        let text = link.text();
        text.trim()
            .strip_prefix('(')
            .and_then(|inner| inner.strip_suffix(')'))
            .is_some_and(|inner| {
                inner.contains('.')
                    && url::Url::parse(&format!("http://{inner}/"))
                        .is_ok_and(|url| url.host_str() == Some(&inner.to_lowercase()))
            })
    };
    link.attr("href")
        .is_some_and(|href| COMMENT_FRAGMENTS.iter().any(|fragment| href.contains(fragment)))
        || names_source()
}

/// Whether `text` is a heading label of [`HEADING_LABELS`] and its colon.
fn is_heading_label(text: &str) -> bool {
    text.trim().strip_suffix(':').is_some_and(|word| {
        HEADING_LABELS
            .iter()
            .any(|label| word.trim().eq_ignore_ascii_case(label))
    })
}

/// Whether one of the element's class names is of [`HEADING_LABEL_CLASSES`].
fn names_heading_label(element: &NodeRef) -> bool {
    element.attr("class").is_some_and(|class| {
        class.split_whitespace().any(|name| {
            HEADING_LABEL_CLASSES
                .iter()
                .any(|label| name.eq_ignore_ascii_case(label))
        })
    })
}

/// Runs of whitespace as one space, trimmed, without the invisible
/// characters of [`unicode::INVISIBLE`]: a soft hyphen set to break a long
/// word in a headline (`Assis\u{AD}tance`) is no part of the word.
pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split(|c: char| unicode::INVISIBLE.contains(&c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The headline without trailing ` | Site` segments naming the site (by
/// its name or its host), taken off one at a time from the end; a short last
/// segment after ` | ` is taken as the site's name too, and a short segment
/// before the site's name after the same separator as the board or section
/// the page is filed under (`Topic / Board / Example Forums`, `Headline |
/// Politics | Example News`), unless it lists things (`Sensors, buoys`):
/// that describes the page and is part of its title.
fn without_site_suffix<'a>(title: &'a str, site_name: &str, page_url: Option<&url::Url>) -> &'a str {
    let host = page_url.and_then(url::Url::host_str).unwrap_or_default();
    let whole = title.trim();
    let mut title = whole;
    let mut site_separator = None;
    while let Some((head, separator, suffix)) = last_segment(title) {
        let names_the_site = same_name(suffix, site_name) || names_host(suffix, host);
        let short_after_bar =
            title == whole && separator == " | " && suffix.split_whitespace().count() <= MAX_SITE_NAME_WORDS;
        let section = site_separator == Some(separator)
            && suffix.split_whitespace().count() <= MAX_SECTION_WORDS
            && !suffix.contains(',');
        if head.is_empty() || !(names_the_site || short_after_bar || section) {
            break;
        }
        site_separator = names_the_site.then_some(separator);
        title = head;
    }
    title
}

/// The title split at its last separator: the head, trimmed, the separator
/// and the last segment.
fn last_segment(title: &str) -> Option<(&str, &str, &str)> {
    let (at, separator) = SITE_SEPARATORS
        .iter()
        .filter_map(|separator| Some((title.rfind(separator)?, *separator)))
        .max_by_key(|(at, _)| *at)?;
    Some((title[..at].trim(), separator, &title[at + separator.len()..]))
}

/// Whether two names are the same, ignoring case, spaces and punctuation.
pub(super) fn same_name(a: &str, b: &str) -> bool {
    let a = folded(a);
    !a.is_empty() && a == folded(b)
}

/// The letters and digits of `text`, lower case.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `name` spells one of the host's labels of at least
/// [`MIN_HOST_LABEL_INSIDE`] letters (`Lune Notes` on
/// `lunenotes.example`), or the host itself from one of its labels on
/// (`lunenotes.example` on `forums.lunenotes.example`, as a site that
/// prints its domain as its logo): stricter than [`names_host`], as a
/// headline may hold the site's name among other words.
fn spells_host_label(name: &str, host: &str) -> bool {
    let name = folded(name);
    let labels: Vec<&str> = host.split('.').collect();
    name.chars().count() >= MIN_HOST_LABEL_INSIDE
        && (labels.iter().any(|label| folded(label) == name)
            || (0..labels.len().saturating_sub(1)).any(|start| folded(&labels[start..].concat()) == name))
}

/// Labels of a host that name a service, not the site (`forums.` in
/// `forums.example.org`), and second-level labels of country domains
/// (`co.` in `example.co.uk`).
const GENERIC_HOST_LABELS: &[&str] = &[
    "www",
    "m",
    "amp",
    "en",
    "blog",
    "blogs",
    "news",
    "forum",
    "forums",
    "community",
    "docs",
    "shop",
    "store",
    "support",
    "help",
    "co",
    "com",
    "org",
    "net",
    "gov",
    "ac",
    "edu",
];

/// A host label is looked for inside a longer name only from this length
/// (`Raspberry Pi Forums` for `raspberrypi`).
const MIN_HOST_LABEL_INSIDE: usize = 4;

/// Short words left out of a name's initials (`Occupational Safety and
/// Health Administration` is `osha`).
const INITIALS_SKIPPED: &[&str] = &["of", "and", "the", "for", "&"];

/// Whether `name` names the site's host: it spells a label of the host
/// other than the top-level domain and the generic ones (`Harbour Ledger`
/// for `www.harbourledger.example`), holds one (`Raspberry Pi Forums`), is
/// held in one (`Doom9` for `doom9forum.example`), or its initials spell
/// one (`Occupational Safety and Health Administration` for `osha.gov`).
fn names_host(name: &str, host: &str) -> bool {
    let name_folded = folded(name);
    if name_folded.is_empty() {
        return false;
    }
    let initials: String = name
        .split_whitespace()
        .filter(|word| !INITIALS_SKIPPED.contains(&word.to_lowercase().as_str()))
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let labels = host.split('.').collect::<Vec<_>>();
    let labels = labels.split_last().map_or(&[][..], |(_, rest)| rest);
    labels
        .iter()
        .filter(|label| !GENERIC_HOST_LABELS.contains(label))
        .map(|label| folded(label))
        .any(|label| {
            let inside = label.chars().count() >= MIN_HOST_LABEL_INSIDE
                && name_folded.chars().count() >= MIN_HOST_LABEL_INSIDE
                && (name_folded.contains(&label) || label.contains(&name_folded));
            label == name_folded || inside || (initials.chars().count() >= 3 && initials == label)
        })
}

/// `href` as an absolute URL: as it is when absolute, else joined to the page URL.
pub(crate) fn absolute(href: &str, page_url: Option<&url::Url>) -> Option<String> {
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    match url::Url::parse(href) {
        Ok(url) => Some(url.into()),
        Err(url::ParseError::RelativeUrlWithoutBase) => Some(page_url?.join(href).ok()?.into()),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_page(html: &str, url: &str) -> Metadata {
        read_page_of_kind(html, url, PageType::Article)
    }

    fn read_page_of_kind(html: &str, url: &str, kind: PageType) -> Metadata {
        let url = url::Url::parse(url).ok();
        let doc = Document::from(html);
        let mut page = read(&doc, url.as_ref());
        page.settle_byline(kind, &doc);
        page.settle_date(kind, &doc);
        page
    }

    #[test]
    fn og_tags_give_title_site_date_and_canonical_url() {
        let page = read_page(
            r#"<html><head><title>Dam opens | River Post</title>
            <meta property="og:title" content="Dam opens">
            <meta property="og:site_name" content="River Post">
            <meta name="author" content="Ann Lee and Bo Park">
            <meta property="article:published_time" content="2026-03-02T08:15:00+01:00">
            <link rel="canonical" href="/2026/dam-opens"></head><body></body></html>"#,
            "https://riverpost.example/amp/dam-opens",
        );
        assert_eq!(page.title, "Dam opens");
        assert_eq!(page.site_name, "River Post");
        assert_eq!(page.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(
            page.dates.published.map(|at| at.utc().to_rfc3339()),
            Some("2026-03-02T07:15:00+00:00".to_owned())
        );
        assert_eq!(
            page.canonical_url.as_deref(),
            Some("https://riverpost.example/2026/dam-opens")
        );
    }

    #[test]
    fn the_title_falls_back_to_title_then_h1_without_the_site_suffix() {
        let h1 = read_page("<h1> Dam  opens </h1>", "https://a.example/");
        assert_eq!(h1.title, "Dam opens");
        let title = read_page(
            "<title>Dam opens – River Post</title>",
            "https://riverpost.example/x",
        );
        assert_eq!(title.title, "Dam opens");
        let bar = read_page("<title>Dam opens | Local news</title>", "https://a.example/");
        assert_eq!(bar.title, "Dam opens");
        let dash = read_page(
            "<title>Cold snap - and by Friday, snow</title>",
            "https://a.example/",
        );
        assert_eq!(dash.title, "Cold snap - and by Friday, snow");
    }

    #[test]
    fn site_segments_named_by_the_host_come_off_the_end_one_at_a_time() {
        let title = |title: &str, url: &str| read_page(&format!("<title>{title}</title>"), url).title;
        assert_eq!(
            title(
                "Rudder squeaks at low speed / Tiller Talk Forums / Tillertalk.example",
                "https://forums.tillertalk.example/t/1"
            ),
            "Rudder squeaks at low speed"
        );
        assert_eq!(
            title(
                "Rudder squeaks at low speed - Rigging board - Tillertalk",
                "https://tillertalk.example/t/1"
            ),
            "Rudder squeaks at low speed"
        );
        assert_eq!(
            title(
                "Gauge readings - Harbourledger.example",
                "https://www.harbourledger.example/a"
            ),
            "Gauge readings"
        );
        assert_eq!(
            title(
                "Flood maps | Coastal Water Authority",
                "https://www.cwa.example/maps"
            ),
            "Flood maps"
        );
        assert_eq!(
            title(
                "Pier repairs approved | Harbour news | Tiller Talk",
                "https://tillertalk.example/p"
            ),
            "Pier repairs approved"
        );
        assert_eq!(
            title(
                "Tide gauges | Sensors, buoys | Tiller Talk",
                "https://tillertalk.example/g"
            ),
            "Tide gauges | Sensors, buoys"
        );
        assert_eq!(
            title(
                "Pier repairs - what the council decided",
                "https://pier.example/p"
            ),
            "Pier repairs - what the council decided"
        );
    }

    #[test]
    fn the_byline_element_is_read_unless_it_is_an_author_box() {
        let page = read_page(
            r#"<p class="byline">By Ann Lee (River Post)</p>"#,
            "https://a.example/",
        );
        assert_eq!(page.byline.as_deref(), Some("By Ann Lee (River Post)"));
        let long = format!(
            r#"<div class="author">{}</div>"#,
            "Ann writes about rivers. ".repeat(20)
        );
        assert_eq!(read_page(&long, "https://a.example/").byline, None);
    }

    #[test]
    fn a_byline_is_read_from_author_classes_labels_and_the_sharing_card_but_not_from_comments() {
        let classed = read_page(
            r#"<div class="comments"><span class="comment-author">Cy Diaz</span></div>
            <div class="post-header__author"><span>Ann Lee</span><time>May 4, 2026</time></div>"#,
            "https://a.example/",
        );
        assert_eq!(classed.byline.as_deref(), Some("Ann Lee May 4, 2026"));
        let labelled = read_page(
            r#"<div class="post-meta"><p class="author-label">Written by</p><p>Bo Park</p></div>"#,
            "https://a.example/",
        );
        assert_eq!(labelled.byline.as_deref(), Some("Bo Park"));
        let card = read_page(
            r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ann Lee">"#,
            "https://a.example/",
        );
        assert_eq!(card.authors, ["Ann Lee"]);
    }

    #[test]
    fn a_byline_in_the_post_footer_or_a_builder_widget_is_read_but_a_sign_in_link_is_not() {
        let footer = read_page(
            r#"<article><h1>Tide tables</h1><p>Body.</p>
            <footer class="post-meta"><div class="author"><a rel="author">Ann Lee</a></div></footer>
            </article>"#,
            "https://a.example/",
        );
        assert_eq!(footer.byline.as_deref(), Some("Ann Lee"));
        let widget = read_page(
            r#"<h1>Tide tables</h1><div class="builder-widget-author-box">
            <h4 class="author-box__name">Bo Park</h4></div>"#,
            "https://a.example/",
        );
        assert_eq!(widget.byline.as_deref(), Some("Bo Park"));
        let login = read_page(
            r#"<ul><li class="link authorization-link"><a>Sign In</a></li></ul>
            <h1>Tide tables</h1><span class="post-author">Cy Diaz</span>"#,
            "https://a.example/",
        );
        assert_eq!(login.byline.as_deref(), Some("Cy Diaz"));
    }

    #[test]
    fn a_count_the_title_gives_before_the_headline_is_part_of_it() {
        for (html, title) in [
            (
                "<title>7 Ways to Cut Your Water Bill | River Post</title><h1>Ways to Cut Your Water Bill</h1>",
                "7 Ways to Cut Your Water Bill",
            ),
            // A year after the headline is no count.
            (
                "<title>Water Bills in 2026 | River Post</title><h1>Water Bills</h1>",
                "Water Bills",
            ),
        ] {
            assert_eq!(read_page(html, "https://a.example/").title, title, "{html}");
        }
    }

    #[test]
    fn a_button_a_soft_hyphen_and_a_line_break_in_the_headline_read_as_a_reader_sees_them() {
        for (html, expected) in [
            (
                r#"<title>Chapter tides | Harbour Handbook</title>
                <h1>Chapter tides <button title="Copy the link to this page">Copy link</button></h1>"#,
                "Chapter tides",
            ),
            (
                "<title>Flood relief grants | River Post</title><h1>Flood re&shy;lief grants</h1>",
                "Flood relief grants",
            ),
            (
                "<h1>Dam opens on<span><br>the Lune</span></h1><p>Body.</p>",
                "Dam opens on the Lune",
            ),
        ] {
            assert_eq!(read_page(html, "https://a.example/").title, expected, "{html}");
        }
    }

    #[test]
    fn a_date_or_a_label_opening_the_headline_is_no_part_of_it() {
        for heading in [
            r#"<h1><a href="/dam"><time datetime="2026-03-02">Mar <span>2</span> 2026</time> Dam opens on the Lune</a></h1>"#,
            r#"<h1>Thread: <span class="threadtitle">Dam opens on the Lune</span></h1>"#,
            r#"<h1><span class="label label--primary">Harbour</span><span>&nbsp;</span>Dam opens on the Lune</h1>"#,
            r#"<h1><strong>Blog:</strong> Dam opens on the Lune</h1>"#,
        ] {
            let page = read_page(&format!("{heading}<p>Body.</p>"), "https://a.example/");
            assert_eq!(page.title, "Dam opens on the Lune", "{heading}");
        }
        let label_alone = read_page("<h1>Topic:</h1>", "https://a.example/");
        assert_eq!(label_alone.title, "Topic:");
    }

    #[test]
    fn a_comment_count_and_a_source_link_set_in_the_headline_are_no_part_of_it() {
        let page = read_page(
            r##"<h1><a href="/story/dam-opens">Dam opens on the Lune</a>
            <span><a href="https://riverpost.example/dam" title="External link">(riverpost.example)</a></span>
            <span class="comment-bubble"><a href="/story/dam-opens#comments">87</a></span></h1>"##,
            "https://news.example/story/dam-opens",
        );
        assert_eq!(page.title, "Dam opens on the Lune");
        // A parenthesis that names no host stays.
        let page = read_page(
            r#"<h1>Dam opens <a href="/lune">(Lune)</a></h1>"#,
            "https://news.example/story/dam-opens",
        );
        assert_eq!(page.title, "Dam opens (Lune)");
    }

    #[test]
    fn a_title_that_is_only_the_site_s_name_and_motto_gives_way_to_the_h1() {
        let url = "https://lunenotes.example/t/42";
        let cases = [
            (
                "<title>Lune Notes - Tides for every sailor</title><h1>Which anchor holds in soft mud?</h1>",
                "Which anchor holds in soft mud?",
            ),
            // A label is no headline; the page's own title is kept.
            (
                "<title>Lune Notes - Tides for every sailor</title><h1>Ask!</h1>",
                "Lune Notes - Tides for every sailor",
            ),
            // `og:title` titles the page, so the `<title>` is not the only word.
            (
                r#"<title>Lune Notes - Tides for every sailor</title>
                <meta property="og:title" content="Spring tides on the Lune">
                <h1>Which anchor holds in soft mud?</h1>"#,
                "Spring tides on the Lune",
            ),
        ];
        for (html, title) in cases {
            assert_eq!(read_page(html, url).title, title, "{html}");
        }
    }

    #[test]
    fn an_article_no_mark_dates_takes_the_day_it_prints_but_a_shop_s_page_does_not() {
        let story = "The new dam across the Lune held its first spring flood without a leak, the \
            river board said, and the fields below it stayed dry for the first time in a decade. ";
        let page = format!(
            "<h1>Dam opens</h1><p>{}</p><p>The gates first closed on 2 March 2026.</p>\
            <p>Reporting by Ann Lee, 2 March 2026.</p>",
            story.repeat(3)
        );
        let day = |kind| {
            read_page_of_kind(&page, "https://a.example/dam", kind)
                .dates
                .published
                .map(|date| date.day().to_string())
        };
        assert_eq!(day(PageType::Article).as_deref(), Some("2026-03-02"));
        assert_eq!(day(PageType::Forum).as_deref(), Some("2026-03-02"));
        assert_eq!(day(PageType::Product), None);
        assert_eq!(day(PageType::Listing), None);
    }

    #[test]
    fn an_h1_that_is_only_the_site_s_name_is_no_headline() {
        let named = read_page(
            r#"<title>Lune Notes: Dam opens on the Lune</title>
            <meta property="og:title" content="Dam opens on the Lune">
            <meta property="og:site_name" content="Lune Notes">
            <h1>Lune Notes</h1><h1>Day one</h1>"#,
            "https://notes.example/dam",
        );
        assert_eq!(named.title, "Dam opens on the Lune");
        let by_host = read_page(
            r#"<title>Lunenotes: Dam opens on the Lune</title><h1>LUNENOTES</h1>"#,
            "https://www.lunenotes.example/dam",
        );
        assert_eq!(by_host.title, "Lunenotes: Dam opens on the Lune");
        let domain = read_page(
            r#"<title>Dam opens on the Lune - lunenotes.example</title><h1>lunenotes.example</h1>"#,
            "https://forums.lunenotes.example/t/1",
        );
        assert_eq!(domain.title, "Dam opens on the Lune");
    }

    #[test]
    fn an_h1_repeating_the_name_that_ends_the_title_is_the_site_s_masthead() {
        let masthead = read_page(
            "<title>What is a lock? - The Harbour Handbook</title><h1>The Harbour Handbook</h1>",
            "https://hh.example/locks",
        );
        assert_eq!(masthead.title, "What is a lock?");
        let headline = read_page(
            r#"<title>River Post - Dam opens</title>
            <meta property="og:site_name" content="River Post"><h1>Dam opens</h1>"#,
            "https://a.example/",
        );
        assert_eq!(headline.title, "Dam opens");
    }

    #[test]
    fn the_h1_agreeing_with_the_metadata_title_is_the_headline_and_a_site_logo_is_not() {
        let page = read_page(
            r#"<title>Dam opens on the Lune after four years | River Post</title>
            <h1>River Post</h1><h1>Dam opens on the Lune</h1>"#,
            "https://riverpost.example/dam",
        );
        assert_eq!(page.title, "Dam opens on the Lune");
        let logo_only = read_page(
            r#"<meta property="og:title" content="Dam opens | River Post"><h1>River Post</h1>"#,
            "https://riverpost.example/dam",
        );
        assert_eq!(logo_only.title, "Dam opens");
        let masthead = read_page(
            r#"<title>Dam opens on the Lune - Lune valley news</title>
            <h1 class="site-title">Lune valley news</h1><h1>Dam opens on the Lune</h1>"#,
            "https://riverpost.example/dam",
        );
        assert_eq!(masthead.title, "Dam opens on the Lune");
    }

    #[test]
    fn json_ld_people_are_the_authors_and_its_publisher_the_outlet() {
        let page = read_page(
            r#"<meta name="author" content="Desk">
            <meta property="og:site_name" content="riverpost.example">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Dam opens",
              "author":[{"@type":"Person","name":"By Ann Lee"},{"@type":"Person","name":"Bo Park, Reporter"}],
              "publisher":{"@type":"Organization","name":"River Post"}}</script>"#,
            "https://riverpost.example/dam",
        );
        assert_eq!(page.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(page.site_name, "River Post");
        assert_eq!(page.title, "Dam opens");
    }

    #[test]
    fn author_meta_tags_are_read_when_json_ld_names_nobody_and_an_organization_is_no_author() {
        let page = read_page(
            r#"<script type="application/ld+json">{"@type":"Article",
              "author":{"@type":"Organization","name":"River Post"}}</script>
            <meta name="author" content="River Post"><meta name="parsely-author" content="Ann Lee">"#,
            "https://riverpost.example/dam",
        );
        assert_eq!(page.authors, ["Ann Lee"]);
    }

    #[test]
    fn a_catalogue_s_author_tags_give_each_person_given_names_first() {
        let authors = |html: &str| read_page(html, "https://journal.example/paper").authors;
        assert_eq!(
            authors(
                r#"<meta name="citation_author" content="Roy, Aniruddha">
                <meta name="citation_author" content="Kaufman, Jeff T.">"#
            ),
            ["Aniruddha Roy", "Jeff T. Kaufman"]
        );
        assert_eq!(
            authors(
                r#"<meta name="DC.creator" content="Ann Lee"><meta name="DC.creator" content="Bo Park">"#
            ),
            ["Ann Lee", "Bo Park"]
        );
        // A script's placeholder for a name that failed to load.
        assert!(authors(r#"<meta name="author" content="undefined">"#).is_empty());
    }

    #[test]
    fn a_byline_printed_without_a_class_is_read_under_the_headline() {
        let byline = |html: &str| read_page(html, "https://a.example/").byline;
        assert_eq!(
            byline("<h1>Tide tables</h1><p>By <a href=\"/people/ann\">Ann Lee</a></p><p>Body.</p>")
                .as_deref(),
            Some("By Ann Lee")
        );
        assert_eq!(
            byline("<h1>Tide tables</h1><div><p>Written by</p><p>Bo Park</p></div>").as_deref(),
            Some("Bo Park")
        );
        assert_eq!(
            byline("<h1>Pump fails</h1><ul><li><span>Thread starter</span> <a>harbourfan</a></li></ul>")
                .as_deref(),
            Some("harbourfan")
        );
        // A name printed before the headline is the site's, not a byline.
        assert_eq!(
            byline("<div><p>By Night Ferry Tours</p></div><h1>Tide tables</h1><p>Body.</p>"),
            None
        );
        // A menu before the headline, a filter, running text and a comment
        // are no bylines.
        assert_eq!(
            byline(
                "<nav><p>By Region</p></nav><h1>Tide tables</h1><h3>By Topic</h3>\
                 <p>By accessing this site you agree to the terms.</p>\
                 <div class=\"comments\"><p>By Cy Diaz</p></div>"
            ),
            None
        );
    }

    #[test]
    fn a_shop_or_listing_filter_reading_by_is_no_byline() {
        let html = "<h1>Desk lamps</h1><h3>By Lumen Works</h3>";
        assert_eq!(
            read_page(html, "https://a.example/").byline.as_deref(),
            Some("By Lumen Works")
        );
        for kind in [PageType::Product, PageType::Listing, PageType::Collection] {
            assert_eq!(read_page_of_kind(html, "https://a.example/", kind).byline, None);
        }
    }

    #[test]
    fn a_forum_thread_without_a_byline_is_signed_by_its_first_poster() {
        let html = r#"<h2>Pump fails at dawn</h2><div class="post"><div class="postleft"><dl><dt><strong>harbourfan</strong></dt></dl></div>
            <div class="postright"><p>The bilge pump stops every morning.</p></div></div>
            <div class="post"><div class="postleft"><dl><dt><strong>deckhand</strong></dt></dl></div></div>"#;
        let forum = read_page_of_kind(html, "https://a.example/viewtopic.php?id=7", PageType::Forum);
        assert_eq!(forum.byline.as_deref(), Some("harbourfan"));
        assert_eq!(
            read_page(html, "https://a.example/viewtopic.php?id=7").byline,
            None
        );
    }

    #[test]
    fn a_microdata_author_gives_the_name_inside_it() {
        let page = read_page(
            r#"<div itemprop="author" itemscope><meta itemprop="name" content="Ann Lee"><a href="/u/ann">Profile</a></div>"#,
            "https://a.example/",
        );
        assert_eq!(page.byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_byline_element_naming_the_site_names_no_author() {
        let page = read_page(
            r#"<meta property="og:site_name" content="River Post"><span class="author">River Post</span>"#,
            "https://riverpost.example/dam",
        );
        assert_eq!(page.byline, None);
    }

    #[test]
    fn a_byline_element_that_is_only_a_label_is_passed_over() {
        let page = read_page(
            r#"<span class="author">By</span><a href="/author/ann-lee">Ann Lee</a>"#,
            "https://a.example/",
        );
        assert_eq!(page.byline.as_deref(), Some("Ann Lee"));
        let forum = read_page(
            r#"<dt><div class="showtopicauthor">Topic Author</div><a class="username">harbourfan</a></dt>"#,
            "https://a.example/",
        );
        assert_eq!(forum.byline.as_deref(), Some("harbourfan"));
    }

    #[test]
    fn relative_links_need_a_page_url() {
        assert_eq!(absolute("/a", None), None);
        assert_eq!(absolute("#top", None), None);
        assert_eq!(
            absolute("https://b.example/a", None).as_deref(),
            Some("https://b.example/a")
        );
    }
}
