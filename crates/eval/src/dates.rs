//! `normalizer-eval dates`: publication dates on real pages. Runs the HTML
//! pipeline on every page of a date benchmark laid out as htmldate's
//! (`expected-dates.json`: `{url: {"page", "date"}}`, pages in
//! `html/<page>.gz`) and scores the day of `published_at_local` the way
//! htmldate's own comparison does: a true positive when the day found is the
//! expected day, a false positive when another day is found, a false
//! negative when none is found for a page that has one, a true negative when
//! neither has one. Prints precision, recall, F1 and coverage (the share of
//! pages given a date); fails under an F1 floor.

use std::{collections::BTreeMap, path::Path};

use anyhow::Context;
use normalizer_pipeline::{Format, Input, Options};

/// What one run found.
#[derive(Debug)]
pub struct Report {
    /// The Markdown report.
    pub text: String,
    /// F1 over the pages scored.
    pub f1: f64,
}

/// The counts htmldate's scoring keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// The expected day was found.
    pub true_positives: u32,
    /// Another day was found.
    pub false_positives: u32,
    /// No day was found for a page that has one.
    pub false_negatives: u32,
    /// No day was found for a page that has none.
    pub true_negatives: u32,
}

impl Tally {
    /// Counts one page: the day expected and the day found (`YYYY-MM-DD`).
    pub fn add(&mut self, expected: Option<&str>, found: Option<&str>) {
        match (expected, found) {
            (None, None) => self.true_negatives += 1,
            (Some(_), None) => self.false_negatives += 1,
            (Some(expected), Some(found)) if expected == found => self.true_positives += 1,
            (_, Some(_)) => self.false_positives += 1,
        }
    }

    /// Precision, recall, F1 and coverage, as htmldate computes them.
    pub fn scores(self) -> (f64, f64, f64, f64) {
        let [tp, fp, fn_, tn] = [
            self.true_positives,
            self.false_positives,
            self.false_negatives,
            self.true_negatives,
        ]
        .map(f64::from);
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        (
            ratio(tp, tp + fp),
            ratio(tp, tp + fn_),
            ratio(2.0 * tp, 2.0 * tp + fp + fn_),
            ratio(tp + fp, tp + fp + fn_ + tn),
        )
    }
}

/// Scores the benchmark in `dir`, every `every`-th page (1 for all); with
/// `failures`, the report ends with a table of the pages scored wrong or
/// missed.
///
/// # Errors
/// The benchmark cannot be read.
pub fn evaluate(dir: &Path, every: usize, options: &Options, failures: bool) -> anyhow::Result<Report> {
    let expected_path = dir.join("expected-dates.json");
    let expected: BTreeMap<String, serde_json::Value> = serde_json::from_slice(
        &std::fs::read(&expected_path).with_context(|| format!("cannot read {}", expected_path.display()))?,
    )
    .with_context(|| format!("{} is not a JSON object", expected_path.display()))?;
    let mut tally = Tally::default();
    let mut pages = 0;
    let mut failed = String::new();
    for (url, item) in expected.iter().step_by(every.max(1)) {
        let page_name = item["page"].as_str().unwrap_or_default();
        let bytes = crate::html::read_page(&dir.join("html").join(format!("{page_name}.gz")))?;
        let page = normalizer_pipeline::decode_page(&bytes, "", url);
        let found = normalizer_pipeline::normalize(
            &Input {
                text: &page.text,
                url,
                format: Format::Html,
                charset: page.charset,
            },
            options,
        )
        .ok()
        .and_then(|article| published_day(&article));
        let expected_day = item["date"].as_str();
        if failures && expected_day != found.as_deref() {
            failed.push_str(&crate::failure_row(&[
                page_name,
                url,
                expected_day.unwrap_or("-"),
                found.as_deref().unwrap_or("-"),
            ]));
        }
        tally.add(expected_day, found.as_deref());
        pages += 1;
    }
    anyhow::ensure!(pages > 0, "{} lists no pages", expected_path.display());
    let (precision, recall, f1, coverage) = tally.scores();
    let Tally {
        true_positives,
        false_positives,
        false_negatives,
        true_negatives,
    } = tally;
    let text = format!(
        "# Publication dates\n\n\
         | pages | right | wrong | none found | none expected | precision | recall | F1 | coverage |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
         | {pages} | {true_positives} | {false_positives} | {false_negatives} | {true_negatives} \
         | {precision:.3} | {recall:.3} | {f1:.3} | {coverage:.3} |\n\n\
         Exact day of `published_at_local`, scored as htmldate's comparison scores it.\n"
    );
    let text = if failures {
        format!("{text}\n## Failures\n\n| page | url | expected | ours |\n|---|---|---|---|\n{failed}")
    } else {
        text
    };
    Ok(Report { text, f1 })
}

/// The day the record says the article was published, as the page prints it.
pub fn published_day(article: &normalizer_pipeline::Article) -> Option<String> {
    article
        .published_at_local
        .as_deref()
        .and_then(|local| local.get(..10))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_found_is_right_or_wrong_and_none_found_is_a_miss_unless_none_is_expected() {
        let mut tally = Tally::default();
        tally.add(Some("2024-05-17"), Some("2024-05-17"));
        tally.add(Some("2024-05-17"), Some("2024-05-18"));
        tally.add(Some("2024-05-17"), None);
        tally.add(None, None);
        tally.add(None, Some("2024-05-17"));
        assert_eq!(
            tally,
            Tally {
                true_positives: 1,
                false_positives: 2,
                false_negatives: 1,
                true_negatives: 1,
            }
        );
        let (precision, recall, f1, coverage) = tally.scores();
        assert!((precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((recall - 0.5).abs() < 1e-9);
        assert!((f1 - 2.0 / 5.0).abs() < 1e-9);
        assert!((coverage - 3.0 / 5.0).abs() < 1e-9);
    }
}
