//! Publication lines: a line that only says when the story was published
//! or updated (`Published: 3 March 2026, 14:05 GMT | Updated: 4 March 2026`),
//! which `boilerplate` removed as a `timestamp`, dates the article when
//! nothing else did. Each part of the line between `|` gives the day it
//! prints; a part opening with an update label (`Updated`, `Aktualisiert`,
//! `Mis à jour`, …) is the last change, any other the publication.
//!
//! Reads: the blocks removed as `timestamp`, `Article::published_at` and
//! `Article::updated_at`. Writes: `Article::published_at` and
//! `Article::published_at_local` (the day, `YYYY-MM-DD`), and
//! `Article::updated_at`, each only when still unset.

use crate::{
    article::RemovedKind,
    document::{Document, Role},
    html::{self, PageDate},
    markers,
};

/// Fills the article's dates from its publication lines.
pub(crate) fn apply(doc: &mut Document) {
    let (mut published, mut updated) = (None, None);
    for block in &doc.blocks {
        if block.role != Role::Removed(RemovedKind::Timestamp) {
            continue;
        }
        for part in block.text.split('|') {
            let Some(day) = html::printed_day(part) else {
                continue;
            };
            let slot = if markers::opens_with_update_label(part) {
                &mut updated
            } else {
                &mut published
            };
            slot.get_or_insert(PageDate::Day(day));
        }
    }
    let article = &mut doc.article;
    if article.published_at.is_none()
        && let Some(day) = published
    {
        article.published_at = Some(day.utc());
        article.published_at_local = Some(day.local());
    }
    if article.updated_at.is_none() {
        article.updated_at = updated.map(PageDate::utc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(line: &str) -> (Option<String>, Option<String>) {
        let mut doc = Document::from_texts(&["Body.", line]);
        doc.blocks[1].role = Role::Removed(RemovedKind::Timestamp);
        apply(&mut doc);
        (
            doc.article.published_at_local,
            doc.article.updated_at.map(|at| at.date_naive().to_string()),
        )
    }

    #[test]
    fn a_publication_line_gives_the_day_and_an_update_part_the_last_change() {
        assert_eq!(
            dates("Published: 3 March 2026, 14:05 GMT | Updated: 4 March 2026"),
            (Some("2026-03-03".into()), Some("2026-03-04".into()))
        );
        assert_eq!(dates("Publié le 19/11/2026"), (Some("2026-11-19".into()), None));
        assert_eq!(
            dates("Aktualisiert: 05.03.2026"),
            (None, Some("2026-03-05".into()))
        );
    }

    #[test]
    fn a_date_the_page_gave_is_kept() {
        let mut doc = Document::from_texts(&["Published: 3 March 2026"]);
        doc.blocks[0].role = Role::Removed(RemovedKind::Timestamp);
        doc.article.published_at_local = Some("2026-03-01".into());
        doc.article.published_at = Some(PageDate::Day(chrono::NaiveDate::MIN).utc());
        apply(&mut doc);
        assert_eq!(doc.article.published_at_local.as_deref(), Some("2026-03-01"));
    }

    #[test]
    fn a_body_line_is_never_read() {
        let mut doc = Document::from_texts(&["Published: 3 March 2026"]);
        apply(&mut doc);
        assert_eq!(doc.article.published_at, None);
    }
}
