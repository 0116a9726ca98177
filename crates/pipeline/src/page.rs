//! What a page says about the article that the record takes as it is: the
//! canonical URL the page names (`<link rel="canonical">`, canonicalized)
//! replaces the caller's; the publication becomes `published_at` (the UTC
//! instant) and `published_at_local` (as the page means it), the last change
//! `updated_at`. The `html` stage chose the dates (`html/dates.rs`).
//!
//! Reads: the page's metadata (`html`). Writes: `Article::url` (when the
//! page names a canonical URL), `Article::published_at`,
//! `Article::published_at_local` and `Article::updated_at`.

use crate::{canonical_url, document::Document, html::PageDate};

/// Fills the record's URL and publication time from the page's metadata.
pub(crate) fn apply(doc: &mut Document<'_>) {
    let Some(page) = doc.page.as_ref() else {
        return;
    };
    if let Some(canonical) = page
        .canonical_url
        .as_deref()
        .and_then(|canonical| canonical_url::canonicalize(canonical).ok())
    {
        doc.article.url = canonical;
    }
    let dates = page.dates;
    doc.article.published_at = dates.published.map(PageDate::utc);
    doc.article.published_at_local = dates.published.map(PageDate::local);
    doc.article.updated_at = dates.updated.map(PageDate::utc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Format, Input, Options,
        stages::{PartialDocument, Stage},
    };

    const PAGE: &str = r#"<html><head>
        <link rel="canonical" href="https://News.example:443/dam?utm_source=x">
        <meta property="article:published_time" content="2026-03-02T08:15:00+01:00">
        </head><body><article><h1>Dam opens</h1>
        <p>The dam on the river opened on Monday after four years of work on it.</p></article></body></html>"#;

    #[test]
    fn the_page_s_canonical_url_and_publication_time_fill_the_record() {
        let input = Input {
            text: PAGE,
            url: "https://mirror.example/copy",
            format: Format::Html,
            ..Input::default()
        };
        let record = crate::normalize(&input, &Options::default()).expect("a record");
        assert_eq!(record.url, "https://news.example/dam");
        assert_eq!(
            record.published_at.map(|at| at.to_rfc3339()).as_deref(),
            Some("2026-03-02T07:15:00+00:00")
        );
        let before = PartialDocument::before(input, Stage::Page, &Options::default()).expect("a page");
        assert!(before.blocks() > 0);
    }

    #[test]
    fn plain_text_keeps_the_caller_s_url() {
        let mut doc = Document::from_texts(&["Body."]);
        doc.article.url = "https://news.example/a".into();
        apply(&mut doc);
        assert_eq!(doc.article.url, "https://news.example/a");
        assert_eq!(doc.article.published_at, None);
    }
}
