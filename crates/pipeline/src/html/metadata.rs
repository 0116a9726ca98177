//! What the page says about itself: the headline (`og:title`, `<h1>`, then
//! `<title>`, without a ` | Outlet` suffix), the byline element, the
//! `author` meta tag, `og:site_name`, `article:published_time` and the
//! canonical link.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use dom_query::Document;

use crate::markers;

/// Separators between a headline and the site name in `<title>`.
const SITE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " · ", " :: ", " » "];

/// Elements that print the byline; the first in the page that is short
/// enough is taken.
const BYLINE_SELECTOR: &str =
    ".byline, .by-line, [class*=\"byline\"], [itemprop=\"author\"], [rel=\"author\"], .author-name, .author";

/// A byline element is at most this long; a longer one is an author box.
const MAX_BYLINE_CHARS: usize = 200;

/// The page's own description of the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    /// The headline, without the site suffix; it may still carry a byline.
    pub title: String,
    /// The text of the byline element, if the page has one.
    pub byline: Option<String>,
    /// Names from the `author` meta tag.
    pub authors: Vec<String>,
    /// `og:site_name`: the site serving the page.
    pub site_name: String,
    /// `article:published_time` (or `datePublished`), in UTC.
    pub published_at: Option<DateTime<Utc>>,
    /// `link[rel=canonical]`, made absolute against the page URL.
    pub canonical_url: Option<String>,
}

/// Reads the metadata of a parsed page; `page_url` resolves relative links.
pub(crate) fn read(doc: &Document, page_url: Option<&url::Url>) -> Metadata {
    let metas = MetaTags::read(doc);
    let site_name = metas.get("og:site_name").unwrap_or_default();
    let title = metas
        .get("og:title")
        .or_else(|| text_of(doc, "h1"))
        .or_else(|| text_of(doc, "title"))
        .map(|title| without_site_suffix(&title, &site_name, page_url).to_owned())
        .unwrap_or_default();
    let authors = metas
        .get("author")
        .filter(|names| !names.starts_with("http"))
        .map(|names| markers::split_names(&names))
        .unwrap_or_default();
    let published_at = ["article:published_time", "datepublished", "date"]
        .iter()
        .find_map(|key| metas.get(key).and_then(|value| parse_timestamp(&value)));
    let canonical_url = doc
        .select("link[rel=\"canonical\"]")
        .attr("href")
        .and_then(|href| absolute(href.trim(), page_url));
    Metadata {
        title,
        byline: byline(doc),
        authors,
        site_name,
        published_at,
        canonical_url,
    }
}

/// The page's `<meta>` tags, read in one pass: each `property`, `name` or
/// `itemprop` (lower case) with its `content`, in page order.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(doc: &Document) -> Self {
        let tags = doc
            .select("meta[content]")
            .nodes()
            .iter()
            .filter_map(|node| {
                let key = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop"))?;
                let content = collapse_spaces(&node.attr("content")?);
                (!content.is_empty()).then(|| (key.to_ascii_lowercase(), content))
            })
            .collect();
        Self(tags)
    }

    /// The content of the first tag named `key` (lower case).
    fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, content)| content.clone())
    }
}

/// The text of the first element matching `selector`, if not empty.
fn text_of(doc: &Document, selector: &str) -> Option<String> {
    let text = collapse_spaces(&doc.select(selector).first().text());
    (!text.is_empty()).then_some(text)
}

/// The text of the first byline element short enough to be one.
fn byline(doc: &Document) -> Option<String> {
    doc.select(BYLINE_SELECTOR).nodes().iter().find_map(|node| {
        let text = collapse_spaces(&node.text());
        (!text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS).then_some(text)
    })
}

/// Runs of whitespace as one space, trimmed.
pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline without a trailing ` | Site` naming the site (by its name or
/// its host), or, after ` | `, any short last segment.
fn without_site_suffix<'a>(title: &'a str, site_name: &str, page_url: Option<&url::Url>) -> &'a str {
    let host = page_url.and_then(url::Url::host_str).unwrap_or_default();
    for separator in SITE_SEPARATORS {
        let Some((head, suffix)) = title.rsplit_once(separator) else {
            continue;
        };
        let names_the_site = same_name(suffix, site_name) || names_host(suffix, host);
        let short_after_bar = *separator == " | " && suffix.split_whitespace().count() <= 4;
        if !head.trim().is_empty() && (names_the_site || short_after_bar) {
            return head.trim();
        }
    }
    title
}

/// Whether two names are the same, ignoring case, spaces and punctuation.
fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let a = fold(a);
    !a.is_empty() && a == fold(b)
}

/// Whether `name` spells the site's host without its `www.` and top-level
/// domain (`Harbour Ledger` for `www.harbourledger.example`).
fn names_host(name: &str, host: &str) -> bool {
    let host = host.strip_prefix("www.").unwrap_or(host);
    let domain = host.rsplit_once('.').map_or(host, |(domain, _)| domain);
    same_name(name, domain)
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

/// An ISO 8601 date or date-time; without an offset it is taken as UTC.
fn parse_timestamp(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(value) {
        return Some(at.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(at) = DateTime::parse_from_str(value, format) {
            return Some(at.with_timezone(&Utc));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(value, format) {
            return Some(at.and_utc());
        }
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_page(html: &str, url: &str) -> Metadata {
        let url = url::Url::parse(url).ok();
        read(&Document::from(html), url.as_ref())
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
            page.published_at.map(|at| at.to_rfc3339()),
            Some("2026-03-02T07:15:00+00:00".to_owned())
        );
        assert_eq!(
            page.canonical_url.as_deref(),
            Some("https://riverpost.example/2026/dam-opens")
        );
    }

    #[test]
    fn the_title_falls_back_to_h1_then_title_without_the_site_suffix() {
        let h1 = read_page("<title>Other</title><h1> Dam  opens </h1>", "https://a.example/");
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
    fn dates_without_offset_are_utc_and_nonsense_is_ignored() {
        assert_eq!(
            parse_timestamp("2026-03-02").map(|at| at.to_rfc3339()),
            Some("2026-03-02T00:00:00+00:00".to_owned())
        );
        assert_eq!(
            parse_timestamp("2026-03-02T08:15:00").map(|at| at.to_rfc3339()),
            Some("2026-03-02T08:15:00+00:00".to_owned())
        );
        assert_eq!(parse_timestamp("last Tuesday"), None);
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
