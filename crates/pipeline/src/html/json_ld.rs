//! What a page's JSON-LD (`<script type="application/ld+json">`) says about
//! its article: the headline, when it was published and modified, who wrote
//! it and who published it.
//!
//! Pages write JSON-LD in many shapes: one object, an array, a `@graph`,
//! objects nested in others (`mainEntity`), authors given by reference
//! (`{"@id": …}`) to a node elsewhere in the graph, and sometimes JSON that
//! is not valid (raw line breaks in strings, a trailing `;`, comment
//! markers). Each script is read on its own; one that cannot be read is
//! skipped. Article nodes ([`ARTICLE_TYPES`]) are trusted before page nodes
//! ([`PAGE_TYPES`]), whose dates are only a fallback.
//!
//! Reads: the parsed page. Writes nothing: [`read`] returns what it found
//! for `metadata` to weigh against the meta tags.

use std::collections::HashMap;

use dom_query::Document;
use serde_json::Value;

/// A JSON object.
type Object = serde_json::Map<String, Value>;

/// Schema.org types of an article: their `datePublished`, `author` and
/// `headline` are the article's own.
pub(crate) const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "TechArticle",
    "Report",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "AdvertiserContentArticle",
    "Review",
    "Question",
];

/// Schema.org types of a page: their dates describe the page, which is
/// usually but not always the article's.
const PAGE_TYPES: &[&str] = &[
    "WebPage",
    "ItemPage",
    "QAPage",
    "FAQPage",
    "MedicalWebPage",
    "AboutPage",
];

/// Schema.org types of an organization: one named as an article's author
/// is its publisher, not a person who wrote it.
const ORGANIZATION_TYPES: &[&str] = &[
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "EducationalOrganization",
    "GovernmentOrganization",
    "NGO",
    "LocalBusiness",
    "Brand",
    "WebSite",
];

/// Keys holding an article's first publication, most trusted first.
const PUBLISHED_KEYS: &[&str] = &["datePublished", "dateCreated"];

/// Keys holding an article's last change.
const MODIFIED_KEYS: &[&str] = &["dateModified"];

/// Objects nested deeper than this are not looked at: real graphs are
/// shallow, and the walk is recursive.
const MAX_DEPTH: usize = 12;

/// What the page's JSON-LD says, each field from the first node giving it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct JsonLd {
    /// An article node's `headline` (or its `name`).
    pub headline: Option<String>,
    /// An article node's `datePublished`, as written.
    pub published: Option<String>,
    /// An article node's `dateModified`, as written.
    pub modified: Option<String>,
    /// A page node's `datePublished`, for when no article node has one.
    pub page_published: Option<String>,
    /// A page node's `dateModified`.
    pub page_modified: Option<String>,
    /// The names of the people an article node gives as its authors.
    pub authors: Vec<String>,
    /// The article's publisher (`publisher.name`).
    pub publisher: Option<String>,
    /// An organization an article node gives as its author: the publisher
    /// when none is named.
    pub organization_author: Option<String>,
    /// The longest `articleBody` of an article node, as written (plain
    /// text or HTML): the article's text as the page's metadata states it.
    pub article_body: Option<String>,
}

/// Reads every JSON-LD script of the page.
pub(crate) fn read(doc: &Document) -> JsonLd {
    let mut roots = Vec::new();
    for script in doc.select("script").nodes() {
        let is_json_ld = script
            .attr("type")
            .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"));
        if is_json_ld && let Some(value) = parse_lenient(&script.text()) {
            roots.push(value);
        }
    }
    let mut nodes = Vec::new();
    for root in &roots {
        collect_nodes(root, 0, &mut nodes);
    }
    let by_id: HashMap<&str, &Object> = nodes
        .iter()
        .filter_map(|node| Some((node.get("@id")?.as_str()?, *node)))
        .collect();
    let mut found = JsonLd::default();
    for node in &nodes {
        if has_type(node, ARTICLE_TYPES) {
            found.read_article(node, &by_id);
        } else if has_type(node, PAGE_TYPES) {
            found.page_published = found
                .page_published
                .take()
                .or_else(|| first_string(node, PUBLISHED_KEYS));
            found.page_modified = found
                .page_modified
                .take()
                .or_else(|| first_string(node, MODIFIED_KEYS));
        }
    }
    found
}

impl JsonLd {
    /// Takes from an article node what is not known yet.
    fn read_article(&mut self, node: &Object, by_id: &HashMap<&str, &Object>) {
        if self.headline.is_none() {
            self.headline = first_string(node, &["headline", "name"]);
        }
        if self.published.is_none() {
            self.published = first_string(node, PUBLISHED_KEYS);
        }
        if self.modified.is_none() {
            self.modified = first_string(node, MODIFIED_KEYS);
        }
        if self.authors.is_empty() {
            for author in one_or_many(node.get("author")) {
                match party(author, by_id) {
                    Some((name, Party::Organization)) => {
                        self.organization_author.get_or_insert(name);
                    }
                    Some((name, Party::Person)) if !self.authors.contains(&name) => self.authors.push(name),
                    _ => {}
                }
            }
        }
        if let Some(body) = node.get("articleBody").and_then(Value::as_str)
            && self
                .article_body
                .as_ref()
                .is_none_or(|longest| body.len() > longest.len())
        {
            self.article_body = Some(body.to_owned());
        }
        if self.publisher.is_none() {
            self.publisher = node
                .get("publisher")
                .and_then(|publisher| party(publisher, by_id))
                .map(|(name, _)| name);
        }
    }
}

/// Parses a script's JSON, forgiving what pages commonly get wrong: comment
/// or CDATA markers around it, a trailing `;`, raw control characters, and
/// anything after the first complete value (a stray closing brace).
fn parse_lenient(text: &str) -> Option<Value> {
    let text = text.trim();
    if let Ok(value) = serde_json::from_str(text) {
        return Some(value);
    }
    let mut cleaned = text;
    for marker in ["<!--", "//<![CDATA[", "<![CDATA["] {
        cleaned = cleaned.trim_start().strip_prefix(marker).unwrap_or(cleaned);
    }
    for marker in ["-->", "//]]>", "]]>", ";"] {
        cleaned = cleaned.trim_end().strip_suffix(marker).unwrap_or(cleaned);
    }
    let cleaned: String = cleaned
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok().or_else(|| {
        serde_json::Deserializer::from_str(&cleaned)
            .into_iter::<Value>()
            .next()
            .and_then(Result::ok)
    })
}

/// Keys under which a node holds what readers wrote about it (a recipe's
/// reviews, a post's comments): their dates and authors are not the
/// article's.
const READER_KEYS: &[&str] = &["review", "reviews", "comment", "comments"];

/// Every object in `value` that has a `@type`, in document order, through
/// arrays, `@graph` and nested objects, but not under [`READER_KEYS`].
fn collect_nodes<'v>(value: &'v Value, depth: usize, nodes: &mut Vec<&'v Object>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_nodes(item, depth + 1, nodes);
            }
        }
        Value::Object(object) => {
            if object.contains_key("@type") {
                nodes.push(object);
            }
            for (key, inner) in object {
                if key != "@type" && key != "@context" && !READER_KEYS.contains(&key.as_str()) {
                    collect_nodes(inner, depth + 1, nodes);
                }
            }
        }
        _ => {}
    }
}

/// Whether the node's `@type` (one or several, bare or as a schema.org URL)
/// is one of `types`.
fn has_type(node: &Object, types: &[&str]) -> bool {
    one_or_many(node.get("@type"))
        .filter_map(Value::as_str)
        .map(|kind| kind.rsplit(['/', ':']).next().unwrap_or(kind))
        .any(|kind| types.contains(&kind))
}

/// The value, or each item when it is an array.
fn one_or_many(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    let items: &[Value] = match value {
        Some(Value::Array(items)) => items,
        Some(one) => std::slice::from_ref(one),
        None => &[],
    };
    items.iter()
}

/// Whether a party is a person or an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Person,
    Organization,
}

/// The name of a person or organization and which it is: a string that is
/// not a link (a person), or an object's `name`, following a `{"@id": …}`
/// reference to the node it names.
fn party(value: &Value, by_id: &HashMap<&str, &Object>) -> Option<(String, Party)> {
    let object = match value {
        Value::String(name) => return clean_name(name).map(|name| (name, Party::Person)),
        Value::Object(object) if object.contains_key("name") => object,
        Value::Object(object) => by_id.get(object.get("@id")?.as_str()?).copied()?,
        _ => return None,
    };
    let name = match object.get("name")? {
        Value::String(name) => name.as_str(),
        Value::Array(names) => names.first()?.as_str()?,
        _ => return None,
    };
    let party = if has_type(object, ORGANIZATION_TYPES) {
        Party::Organization
    } else {
        Party::Person
    };
    Some((clean_name(name)?, party))
}

/// A name with its spaces collapsed, unless empty or a link.
fn clean_name(name: &str) -> Option<String> {
    let name = super::metadata::collapse_spaces(&decode_entities(name));
    (!name.is_empty() && !name.starts_with("http")).then_some(name)
}

/// The first of `keys` whose value is a non-empty string.
fn first_string(node: &Object, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        let value = one_or_many(node.get(*key)).find_map(Value::as_str)?;
        let value = super::metadata::collapse_spaces(&decode_entities(value));
        (!value.is_empty()).then_some(value)
    })
}

/// Character references left in JSON-LD strings by pages that escape them
/// twice (`Maria &amp; Katerina`): the named ones of [`NAMED_ENTITIES`]
/// and numeric ones; anything else is kept as written.
pub(super) fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest
            .find(';')
            .filter(|end| *end <= MAX_ENTITY_CHARS)
            .and_then(|end| {
                let name = &rest[1..end];
                let c = match name.strip_prefix('#') {
                    Some(number) => match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => number.parse().ok(),
                    }
                    .and_then(char::from_u32)?,
                    None => NAMED_ENTITIES.iter().find(|(entity, _)| *entity == name)?.1,
                };
                Some((c, end + 1))
            });
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// A character reference is at most this long, `&` to `;`.
const MAX_ENTITY_CHARS: usize = 10;

/// The named character references pages leave in JSON-LD.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("lt", '<'),
    ("gt", '>'),
    ("nbsp", ' '),
    ("rsquo", '’'),
    ("lsquo", '‘'),
    ("rdquo", '”'),
    ("ldquo", '“'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read_html(html: &str) -> JsonLd {
        read(&Document::from(html))
    }

    #[test]
    fn an_article_in_a_graph_gives_its_headline_dates_authors_by_reference_and_publisher() {
        let found = read_html(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://riverpost.example/dam#page","datePublished":"2026-03-01"},
              {"@type":["NewsArticle"],"headline":"Dam opens","datePublished":"2026-03-02T08:15:00+01:00",
               "dateModified":"2026-03-03T09:00:00+01:00",
               "author":[{"@id":"https://riverpost.example/#ann"},{"@type":"Person","name":"Bo Park"}],
               "publisher":{"@id":"https://riverpost.example/#org"}},
              {"@type":"Person","@id":"https://riverpost.example/#ann","name":"Ann Lee"},
              {"@type":"NewsMediaOrganization","@id":"https://riverpost.example/#org","name":"River Post"}]}
            </script>"#,
        );
        assert_eq!(found.headline.as_deref(), Some("Dam opens"));
        assert_eq!(found.published.as_deref(), Some("2026-03-02T08:15:00+01:00"));
        assert_eq!(found.modified.as_deref(), Some("2026-03-03T09:00:00+01:00"));
        assert_eq!(found.page_published.as_deref(), Some("2026-03-01"));
        assert_eq!(found.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(found.publisher.as_deref(), Some("River Post"));
    }

    #[test]
    fn an_organization_given_as_author_is_no_author() {
        let found = read_html(
            r#"<script type="application/ld+json">[{"@type":"BlogPosting",
              "author":{"@type":"Organization","name":"River Post"}}]</script>"#,
        );
        assert!(found.authors.is_empty());
        assert_eq!(found.organization_author.as_deref(), Some("River Post"));
    }

    #[test]
    fn raw_line_breaks_and_comment_markers_are_forgiven_and_broken_json_is_skipped() {
        let found = read_html(
            "<script type=\"application/ld+json\"><!--\n{\"@type\":\"Report\",\"headline\":\"Dam\nopens\"};\n--></script>\
             <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",</script>",
        );
        assert_eq!(found.headline.as_deref(), Some("Dam opens"));
    }

    #[test]
    fn a_stray_brace_after_the_json_is_forgiven() {
        let found = read_html(
            r#"<script type="application/ld+json">{"@type":"NewsArticle",
              "datePublished":"2026-03-02T08:15:00+01:00"} }</script>"#,
        );
        assert_eq!(found.published.as_deref(), Some("2026-03-02T08:15:00+01:00"));
    }

    #[test]
    fn the_reviews_and_comments_a_node_holds_give_no_date_or_author() {
        let found = read_html(
            r#"<script type="application/ld+json">{"@type":"Recipe","name":"Plum cake",
              "datePublished":"2026-03-02",
              "review":[{"@type":"Review","datePublished":"2026-04-09",
                "author":{"@type":"Person","name":"Ann Lee"}}],
              "comment":{"@type":"Comment","dateCreated":"2026-04-10"}}</script>"#,
        );
        assert_eq!(found.published, None);
        assert!(found.authors.is_empty());
    }

    #[test]
    fn only_a_page_node_gives_a_fallback_date_and_nothing_else() {
        let found = read_html(
            r#"<script type="application/ld+json">{"@type":"WebPage","name":"Home",
              "datePublished":"2026-03-01","author":{"name":"Ann Lee"}}</script>"#,
        );
        assert_eq!(found.published, None);
        assert_eq!(found.page_published.as_deref(), Some("2026-03-01"));
        assert!(found.authors.is_empty() && found.headline.is_none());
    }

    #[test]
    fn character_references_escaped_twice_are_decoded() {
        assert_eq!(decode_entities("Maria &amp; Katerina"), "Maria & Katerina");
        assert_eq!(
            decode_entities("O&#39;Brien &#x2014; &bogus; & co"),
            "O'Brien — &bogus; & co"
        );
    }
}
