//! "See also" links. Takes blocks that open with a see-also label:
//! inline (`See also: Headline https://…`) gives one link; a heading
//! (`See also:`, or a rail's `Trending`, `Most read`, `You may also like`,
//! `More:`) takes the list items, links and URL-bearing blocks under it; a paragraph
//! that only cites a source in an inline link is prose (a `Read more`
//! button that unfolds the rest of a story stands right above it). The
//! URL leaves the text for `Link::url`; in HTML the link's own `href` gives
//! it. A heading with nothing under it is removed as an empty heading. In a
//! page's related-links box every link is taken, and its other text (a
//! heading no label names) is removed.
//!
//! Reads: body blocks, with their `list_item`, `Origin::RelatedLinks` and
//! `href`. Writes: `Role::SeeAlso`, `Role::Removed` (`empty_heading`,
//! `related_links`) and `Article::see_also`.

use linkify::{LinkFinder, LinkKind};

use crate::{
    article::{Link, RemovedKind},
    document::{Block, Document, Origin, Role},
    markers,
};

/// A block under a see-also heading is one of its links when at least
/// this share of its text is link text.
const MIN_LINK_SHARE: f64 = 0.5;

/// Characters that stand between a link's text and its URL.
const URL_FRAMING: &[char] = &[' ', '(', ')', '<', '>', '[', ']', ':', '-', '–', '—', '|'];

/// Fills `Article::see_also` and marks the blocks it took.
pub(crate) fn apply(doc: &mut Document) {
    let mut index = 0;
    while let Some(at) = doc.next_body_block(index) {
        let block = &doc.blocks[at];
        index = at + 1;
        let Some(label) = markers::see_also_label(&block.text) else {
            if block.origin == Origin::RelatedLinks {
                doc.blocks[at].role = if block.href.is_some() {
                    doc.article
                        .see_also
                        .push(link(&block.text, block.href.as_deref()));
                    Role::SeeAlso
                } else {
                    Role::Removed(RemovedKind::RelatedLinks)
                };
            }
            continue;
        };
        let heading = index - 1;
        if !label.rest.is_empty() {
            doc.article.see_also.push(link(label.rest, block.href.as_deref()));
            doc.blocks[heading].role = Role::SeeAlso;
            continue;
        }
        let mut found = false;
        while let Some(item) = doc.blocks.get(index).filter(|item| is_link_under_heading(item)) {
            doc.article.see_also.push(link(&item.text, item.href.as_deref()));
            doc.blocks[index].role = Role::SeeAlso;
            index += 1;
            found = true;
        }
        doc.blocks[heading].role = if found {
            Role::SeeAlso
        } else {
            Role::Removed(RemovedKind::EmptyHeading)
        };
    }
}

/// Whether a block under a see-also heading is one of its links.
fn is_link_under_heading(block: &Block) -> bool {
    block.is_body()
        && markers::see_also_label(&block.text).is_none()
        && (block.list_item
            || (block.href.is_some() && block.link_share() >= MIN_LINK_SHARE)
            || find_url(&block.text).is_some())
}

/// The first URL in `text`, as a byte range.
fn find_url(text: &str) -> Option<(usize, usize)> {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url]);
    finder
        .links(text)
        .next()
        .map(|found| (found.start(), found.end()))
}

/// Splits link text into its words and its URL; without a URL in the text,
/// the link's `href` is the URL.
fn link(text: &str, href: Option<&str>) -> Link {
    let Some((start, end)) = find_url(text) else {
        return Link {
            text: text.to_owned(),
            url: href.unwrap_or_default().to_owned(),
        };
    };
    let before = text[..start].trim_end_matches(URL_FRAMING);
    let after = text[end..].trim_start_matches(URL_FRAMING);
    let words = match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("{before} {after}"),
        (false, true) => before.to_owned(),
        _ => after.to_owned(),
    };
    Link {
        text: words,
        url: text[start..end].to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(blocks: Vec<Block>) -> Document<'static> {
        let mut doc = Document::from_blocks(blocks);
        apply(&mut doc);
        doc
    }

    fn links<'d>(doc: &'d Document<'_>) -> Vec<(&'d str, &'d str)> {
        doc.article
            .see_also
            .iter()
            .map(|l| (l.text.as_str(), l.url.as_str()))
            .collect()
    }

    #[test]
    fn an_inline_link_without_url_keeps_its_text() {
        let doc = run(vec![Block::new("See also: Town hall reopens", false)]);
        assert_eq!(links(&doc), [("Town hall reopens", "")]);
        assert_eq!(doc.blocks[0].role, Role::SeeAlso);
    }

    #[test]
    fn the_url_leaves_the_text() {
        let doc = run(vec![Block::new(
            "Read more: Town hall reopens (https://news.example/town?id=4)",
            false,
        )]);
        assert_eq!(
            links(&doc),
            [("Town hall reopens", "https://news.example/town?id=4")]
        );
    }

    #[test]
    fn a_heading_takes_the_list_under_it() {
        let doc = run(vec![
            Block::new("See also:", false),
            Block::new("First story", true),
            Block::new("Second story - https://news.example/2", false),
            Block::new("A paragraph of body text.", false),
        ]);
        assert_eq!(
            links(&doc),
            [("First story", ""), ("Second story", "https://news.example/2")]
        );
        assert_eq!(doc.blocks[3].role, Role::Body);
    }

    #[test]
    fn a_rail_of_teasers_under_trending_or_most_read_is_taken() {
        for heading in ["Trending", "Most read stories", "You may also like", "More:"] {
            let doc = run(vec![
                Block::new("A paragraph of body text.", false),
                Block::new(heading, false),
                Block::new("Ferry fares rise again", true),
                html_block(
                    "Harbour wall to be rebuilt",
                    Origin::Text,
                    Some("https://news.example/wall"),
                ),
            ]);
            assert_eq!(
                links(&doc),
                [
                    ("Ferry fares rise again", ""),
                    ("Harbour wall to be rebuilt", "https://news.example/wall")
                ],
                "{heading}"
            );
            assert_eq!(doc.blocks[0].role, Role::Body);
            assert_eq!(doc.blocks[1].role, Role::SeeAlso, "{heading}");
        }
    }

    #[test]
    fn a_heading_with_nothing_under_it_is_removed() {
        let doc = run(vec![
            Block::new("See Also:", false),
            Block::new("Body text.", false),
        ]);
        assert!(doc.article.see_also.is_empty());
        assert_eq!(doc.blocks[0].role, Role::Removed(RemovedKind::EmptyHeading));
        assert_eq!(doc.blocks[1].role, Role::Body);
    }

    /// A block as the HTML stage gives it: with an `href`, its whole text
    /// is the link's.
    fn html_block(text: &str, origin: Origin, href: Option<&str>) -> Block {
        let mut block = Block::new(text, false);
        block.origin = origin;
        block.href = href.map(str::to_owned);
        if href.is_some() {
            block.linked_chars = crate::document::text_chars(text);
        }
        block
    }

    #[test]
    fn a_paragraph_citing_a_source_in_one_link_under_read_more_stays_in_the_body() {
        let mut paragraph = html_block(
            "Harbour officials said on Tuesday that the ferry timetable would change in spring.",
            Origin::Text,
            Some("https://news.example/timetable"),
        );
        paragraph.linked_chars = "ferrytimetable".len();
        let doc = run(vec![
            Block::new("The pier reopened to anglers on Friday.", false),
            Block::new("Read more", false),
            paragraph,
        ]);
        assert!(doc.article.see_also.is_empty());
        assert_eq!(doc.blocks[1].role, Role::Removed(RemovedKind::EmptyHeading));
        assert_eq!(doc.blocks[2].role, Role::Body);
    }

    #[test]
    fn an_html_link_gives_its_href() {
        let doc = run(vec![html_block(
            "See also: Town hall reopens",
            Origin::Text,
            Some("https://news.example/town"),
        )]);
        assert_eq!(links(&doc), [("Town hall reopens", "https://news.example/town")]);
    }

    #[test]
    fn a_related_box_gives_every_link_and_drops_its_other_text() {
        let doc = run(vec![
            html_block("Body text.", Origin::Text, None),
            html_block("More from the coast", Origin::RelatedLinks, None),
            html_block(
                "Pier reopens",
                Origin::RelatedLinks,
                Some("https://news.example/pier"),
            ),
        ]);
        assert_eq!(links(&doc), [("Pier reopens", "https://news.example/pier")]);
        assert_eq!(doc.blocks[0].role, Role::Body);
        assert_eq!(doc.blocks[1].role, Role::Removed(RemovedKind::RelatedLinks));
    }
}
