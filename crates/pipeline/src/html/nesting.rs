//! How deep a page's elements nest. Parsing a deeply nested page costs the
//! HTML5 tree builder time in proportion to the depth for every tag (it
//! searches the open elements for scope), so a hostile page of 100,000
//! nested elements would take minutes: `exceeds_before_parsing` estimates
//! the depth from the tags alone, in one linear pass, before any parsing.
//! After parsing, `depth` measures it exactly.

use dom_query::Document;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag is implied by what follows, so pages often leave
/// them open; they are not counted.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
    "caption", "rb", "rp", "rt", "rtc", "html", "head", "body",
];

/// Elements whose content is text up to their end tag, never tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Whether the open elements of `html`, counted from its tags, go deeper
/// than `limit` anywhere. Tags that close themselves, void elements and
/// elements with implied end tags do not count; text, comments and the
/// content of scripts and styles are skipped.
pub(crate) fn exceeds_before_parsing(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut at = 0;
    let mut depth = 0_usize;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        at += offset + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at += find(rest, b"-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (tag_end, self_closing) = tag_end(bytes, name_start + name_len);
        at = tag_end;
        let counted = !VOID.contains(&name.as_str()) && !IMPLIED_END.contains(&name.as_str());
        if closing {
            if counted {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            at += raw_text_len(&bytes[at..], name.as_bytes());
        } else if counted && !self_closing {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

/// Where a tag whose attributes start at `from` ends (after its `>`), and
/// whether it closes itself (`/>`). Quoted attribute values may hold `>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut at = from;
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &bytes[at..]) {
        let found = at + offset;
        if bytes[found] == b'>' {
            return (found + 1, found > from && bytes[found - 1] == b'/');
        }
        at = found + 1;
        match memchr::memchr(bytes[found], &bytes[at..]) {
            Some(close) => at += close + 1,
            None => break,
        }
    }
    (bytes.len(), false)
}

/// The length of raw text up to (not including) `</name`, any case.
fn raw_text_len(bytes: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(offset) = find(&bytes[at..], b"</") {
        let candidate = &bytes[at + offset + 2..];
        if candidate.len() >= name.len() && candidate[..name.len()].eq_ignore_ascii_case(name) {
            return at + offset;
        }
        at += offset + 2;
    }
    bytes.len()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// How deep the parsed page's elements nest, counted without recursion;
/// the count stops once it passes `limit`.
pub(crate) fn depth(doc: &Document, limit: usize) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0_usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
        stack.extend(
            node.children_it(false)
                .filter(|child| child.is_element())
                .map(|child| (child, depth + 1)),
        );
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_elements_are_counted_and_closed_ones_are_not() {
        let nested = format!("{}x{}", "<div>".repeat(20), "</div>".repeat(20));
        assert!(exceeds_before_parsing(&nested, 19));
        assert!(!exceeds_before_parsing(&nested, 20));
        let siblings = "<div>x</div>".repeat(1000);
        assert!(!exceeds_before_parsing(&siblings, 2));
    }

    #[test]
    fn void_self_closing_and_implied_end_elements_do_not_count() {
        let page = format!(
            "{}{}{}",
            "<p>Old page paragraph".repeat(500),
            "<br><img src=a.png><li>item".repeat(500),
            "<path d='M0 0'/>".repeat(500)
        );
        assert!(!exceeds_before_parsing(&page, 3));
    }

    #[test]
    fn scripts_comments_and_quoted_attributes_hide_no_tags() {
        let page = format!(
            "<script>{}</SCRIPT><!-- {} --><div title=\"a > b\">x</div>",
            "document.write('<div>');".repeat(100),
            "<div>".repeat(100)
        );
        assert!(!exceeds_before_parsing(&page, 1));
    }

    #[test]
    fn unclosed_formatting_elements_count() {
        let page = format!("<p>start{}", "<b><i><span>".repeat(100));
        assert!(exceeds_before_parsing(&page, 299));
    }

    #[test]
    fn the_parsed_depth_is_exact() {
        let doc = Document::from("<div><div><span>x</span></div></div>");
        // html > body > div > div > span
        assert_eq!(depth(&doc, 100), 5);
    }
}
