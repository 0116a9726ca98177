//! Headline and byline. Takes the first block as the headline when
//! it reads like one, and splits off a byline printed on the same line
//! (`Headline – By A and B (Outlet) (Republisher)`) or on the next line
//! (`By A (Outlet)`). The first parenthesis names the publisher, the later
//! ones the republishers.
//!
//! A page's headline comes from its metadata instead (`apply_page`), read
//! by the same rules; the byline element and the `author` meta tag fill in
//! what the headline does not say (the tag's names first, unless they are
//! only the site's and the byline names writers in full), and a site
//! serving another outlet's article is one of its republishers.
//!
//! Reads: the first body blocks, and `Document::page` for HTML. Writes:
//! `Role::Headline`, `Role::Byline`, `Article::title`, `Article::authors`,
//! `Article::publisher` and `Article::republishers`.

use crate::{
    byline,
    document::{Document, Role},
    html::{Metadata, authors},
    markers,
};

/// Separators between a headline and its byline: `Headline – By Name`.
pub(crate) const BYLINE_SEPARATORS: &[&str] = &[" – ", " — ", " - ", " | "];

/// A byline block repeated at the top of a page's content is among its
/// first this many blocks.
const PAGE_HEADER_BLOCKS: usize = 3;

/// A headline is at most this long; a longer first block is body text.
const MAX_HEADLINE_CHARS: usize = 400;

/// Fills title, authors, publisher and republishers: from the page's
/// metadata when the input was HTML, else from the first blocks.
pub(crate) fn apply(doc: &mut Document) {
    if let Some(page) = doc.page.take() {
        apply_page(doc, &page);
        doc.page = Some(page);
        return;
    }
    let Some(first) = doc.blocks.iter().position(|block| block.is_body()) else {
        return;
    };
    let text = doc.blocks[first].text.clone();
    if doc.blocks[first].list_item || text.chars().count() > MAX_HEADLINE_CHARS {
        return;
    }
    let (title, byline) = split_headline(&text);
    if byline.is_none() && text.ends_with('.') {
        return;
    }
    doc.blocks[first].role = Role::Headline;
    doc.article.title = title.to_owned();
    let byline = byline.or_else(|| {
        let next = doc.blocks.get(first + 1).filter(|block| block.is_body())?;
        let byline = markers::strip_byline_opener(&next.text)?.to_owned();
        doc.blocks[first + 1].role = Role::Byline;
        Some(byline)
    });
    match byline {
        Some(byline) => {
            apply_byline(doc, &byline);
            take_agency_line(doc, first + 1);
        }
        None => take_affiliation_lines(doc, first + 1),
    }
}

/// Takes the line under a byline when it is only a news agency (`By Ann
/// Lee`, then `Associated Press`): the agency is the publisher.
fn take_agency_line(doc: &mut Document, byline_at: usize) {
    if doc
        .blocks
        .get(byline_at)
        .is_none_or(|block| block.role != Role::Byline)
    {
        return;
    }
    let Some(next) = doc.blocks.get_mut(byline_at + 1).filter(|block| block.is_body()) else {
        return;
    };
    if markers::agency_start(&next.text) == Some(0) {
        next.role = Role::Byline;
        let agency = next.text.trim_end_matches(['.', ',']).to_owned();
        let previous = std::mem::replace(&mut doc.article.publisher, agency);
        if !previous.is_empty() {
            doc.article.republishers.insert(0, previous);
        }
    }
}

/// Takes the author-and-affiliation lines under a headline that had no
/// byline (`Hannah Berg, Senior Lecturer, University of Tamsworth`): each
/// names an author.
fn take_affiliation_lines(doc: &mut Document, from: usize) {
    for block in doc.blocks.iter_mut().skip(from) {
        let Some(author) = block
            .is_body()
            .then(|| byline::affiliation_author(&block.text))
            .flatten()
        else {
            break;
        };
        block.role = Role::Byline;
        doc.article.authors.push(author);
    }
}

/// Fills title, authors, publisher and republishers from a page's metadata,
/// and marks the content blocks that repeat the headline or the byline.
fn apply_page(doc: &mut Document, page: &Metadata) {
    let (title, title_byline) = split_headline(&page.title);
    doc.article.title = title.to_owned();
    let element_byline = page
        .byline
        .as_deref()
        .map(|byline| markers::strip_byline_opener(byline).unwrap_or(byline).to_owned());
    mark_page_header(doc, title, page.byline.as_deref());
    if let Some(byline) = title_byline.or(element_byline) {
        apply_byline(doc, &byline);
        let outlets: Vec<&str> = page
            .outlets
            .iter()
            .map(String::as_str)
            .chain([doc.article.publisher.as_str()])
            .collect();
        doc.article.authors = authors::clean_all(&doc.article.authors, &outlets);
    }
    // The metadata's authors win, but a byline naming people in full
    // (given name and surname) wins over metadata naming only the site.
    let bylined = !doc.article.authors.is_empty()
        && doc
            .article
            .authors
            .iter()
            .all(|name| name.split_whitespace().count() >= 2);
    let only_the_site_beside_a_byline = bylined && page.authors_name_only_the_site();
    if !page.authors.is_empty() && !only_the_site_beside_a_byline {
        doc.article.authors.clone_from(&page.authors);
    }
    let site = page.site_name.as_str();
    if doc.article.publisher.is_empty() {
        doc.article.publisher = site.to_owned();
    } else if !site.is_empty()
        && !std::iter::once(&doc.article.publisher)
            .chain(&doc.article.republishers)
            .any(|outlet| outlet.eq_ignore_ascii_case(site))
    {
        doc.article.republishers.push(site.to_owned());
    }
}

/// A byline printed at the top of a page's content is at most this long.
const MAX_PAGE_BYLINE_CHARS: usize = 120;

/// Marks the first blocks of a page's content that repeat its headline or
/// its byline, or that read as a byline (`By Ann Lee - 11/18/19 11:04 PM`).
fn mark_page_header(doc: &mut Document, title: &str, byline: Option<&str>) {
    let title_key = markers::line_key(title);
    let byline_key = byline.map(markers::line_key);
    for block in doc.blocks.iter_mut().take(PAGE_HEADER_BLOCKS) {
        if !block.is_body() {
            continue;
        }
        let key = markers::line_key(&block.text);
        if !title_key.is_empty() && key == title_key {
            block.role = Role::Headline;
        } else if byline_key.as_ref() == Some(&key)
            || (block.text.chars().count() <= MAX_PAGE_BYLINE_CHARS
                && markers::strip_byline_opener(&block.text).is_some())
        {
            block.role = Role::Byline;
        }
    }
}

/// Fills authors and outlets from a byline without its opener.
fn apply_byline(doc: &mut Document, byline: &str) {
    let (names, outlets) = split_outlets(byline);
    let names = byline::sort_names(markers::split_names(names));
    doc.article.authors = names.authors;
    // An agency signing with the reporters is the outlet that published first.
    let mut outlets = names.outlets.into_iter().chain(outlets);
    doc.article.publisher = outlets.next().unwrap_or_default();
    doc.article.republishers = outlets.collect();
}

/// Splits `Headline – By Names (Outlets)` into the headline and the byline
/// after its opener.
fn split_headline(text: &str) -> (&str, Option<String>) {
    for separator in BYLINE_SEPARATORS {
        for (at, _) in text.match_indices(separator) {
            let after = &text[at + separator.len()..];
            if let Some(byline) = markers::strip_byline_opener(after) {
                return (text[..at].trim(), Some(byline.to_owned()));
            }
        }
    }
    (text, None)
}

/// Splits `Names (Outlet) (Republisher)` into the names and the outlets in order.
fn split_outlets(byline: &str) -> (&str, Vec<String>) {
    let mut rest = byline.trim_end();
    let mut outlets = Vec::new();
    while let Some(inner) = rest.strip_suffix(')') {
        let Some(open) = inner.rfind('(') else { break };
        let outlet = inner[open + 1..].trim();
        if !outlet.is_empty() {
            outlets.push(outlet.to_owned());
        }
        rest = inner[..open].trim_end();
    }
    outlets.reverse();
    (rest, outlets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Document<'static> {
        let mut doc = Document::from_texts(texts);
        apply(&mut doc);
        doc
    }

    #[test]
    fn a_byline_on_the_headline_line_gives_authors_publisher_and_republishers() {
        let doc = run(&[
            "Dam opens – By Ann Lee and Bo Park (River Post) (Digest)",
            "Body.",
        ]);
        assert_eq!(doc.article.title, "Dam opens");
        assert_eq!(doc.article.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(doc.article.publisher, "River Post");
        assert_eq!(doc.article.republishers, ["Digest"]);
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Body."]);
    }

    #[test]
    fn a_byline_line_at_the_top_of_a_page_leaves_the_body() {
        let mut doc =
            Document::from_texts(&["By Ann Lee - 11/18/26 11:04 PM", "By the river, the dam opened."]);
        doc.page = Some(page("Dam opens", None, &["Ann Lee"], "River Post"));
        apply(&mut doc);
        assert_eq!(
            doc.body_texts().collect::<Vec<_>>(),
            ["By the river, the dam opened."]
        );
    }

    #[test]
    fn every_separator_is_understood() {
        for separator in ["-", "–", "—", "|"] {
            let doc = run(&[&format!("Dam opens {separator} By Ann Lee")]);
            assert_eq!(doc.article.title, "Dam opens", "{separator}");
            assert_eq!(doc.article.authors, ["Ann Lee"], "{separator}");
        }
    }

    #[test]
    fn a_byline_on_the_next_line_is_taken_too() {
        let doc = run(&["Dam opens", "By Ann Lee (River Post)", "Body."]);
        assert_eq!(doc.article.title, "Dam opens");
        assert_eq!(doc.article.authors, ["Ann Lee"]);
        assert_eq!(doc.article.publisher, "River Post");
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Body."]);
    }

    #[test]
    fn a_dash_inside_the_headline_is_not_a_byline() {
        let doc = run(&["Cold snap – and by Friday, snow", "Body."]);
        assert_eq!(doc.article.title, "Cold snap – and by Friday, snow");
        assert!(doc.article.authors.is_empty());
    }

    fn page(title: &str, byline: Option<&str>, authors: &[&str], site_name: &str) -> Metadata {
        Metadata {
            title: title.to_owned(),
            byline: byline.map(str::to_owned),
            authors: authors.iter().map(|name| (*name).to_owned()).collect(),
            site_name: site_name.to_owned(),
            ..Metadata::default()
        }
    }

    #[test]
    fn a_page_byline_naming_another_outlet_makes_the_site_a_republisher() {
        let mut doc = Document::from_texts(&["Dam opens", "By Ann Lee (River Post)", "Body."]);
        apply_page(
            &mut doc,
            &page("Dam opens", Some("By Ann Lee (River Post)"), &[], "Digest"),
        );
        assert_eq!(doc.article.title, "Dam opens");
        assert_eq!(doc.article.authors, ["Ann Lee"]);
        assert_eq!(doc.article.publisher, "River Post");
        assert_eq!(doc.article.republishers, ["Digest"]);
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Body."]);
    }

    #[test]
    fn a_page_without_byline_outlet_is_published_by_its_site_and_meta_authors_win() {
        let mut doc = Document::from_texts(&["Body."]);
        apply_page(
            &mut doc,
            &page(
                "Dam opens – By Staff",
                Some("By Ann Lee"),
                &["Ann Lee", "Bo Park"],
                "River Post",
            ),
        );
        assert_eq!(doc.article.title, "Dam opens");
        assert_eq!(doc.article.authors, ["Ann Lee", "Bo Park"]);
        assert_eq!(doc.article.publisher, "River Post");
        assert!(doc.article.republishers.is_empty());
    }

    #[test]
    fn a_byline_naming_a_writer_wins_over_metadata_naming_only_the_site() {
        let mut doc = Document::from_texts(&["Body."]);
        apply_page(
            &mut doc,
            &page("Dam opens", Some("By Ann Lee"), &["River Post"], "River Post"),
        );
        assert_eq!(doc.article.authors, ["Ann Lee"]);
        // A personal site is named after its owner, who signs it.
        let mut own = Document::from_texts(&["Body."]);
        apply_page(&mut own, &page("Dam opens", None, &["Ann Lee"], "Ann Lee"));
        assert_eq!(own.article.authors, ["Ann Lee"]);
    }

    #[test]
    fn a_first_block_that_reads_like_a_sentence_is_not_a_headline() {
        let doc = run(&["The dam opened on Monday.", "More."]);
        assert_eq!(doc.article.title, "");
        assert_eq!(doc.body_texts().count(), 2);
    }
}
