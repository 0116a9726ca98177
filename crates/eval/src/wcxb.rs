//! `normalizer-eval wcxb`: title, authors and publication date on the pages
//! of the WCXB benchmark (`html/<id>.html.gz` beside
//! `ground-truth/<id>.json`). Each field is counted on the pages whose
//! ground truth gives it, and is right when the record matches it by the
//! rule `scripts/wcxb_rules.py` applies to trafilatura, so the two can be
//! put side by side:
//!
//! - text is compared folded: NFKC, lower case, every run of characters
//!   that are not letters or digits as one space, trimmed;
//! - title: the folded strings are equal;
//! - date: the day of `published_at_local` is the expected day;
//! - author (the record's authors joined with `; `): the folded strings are
//!   equal, or the sets of folded names are (split at `,` `;` `&` `|` and the
//!   word `and`), or one folded string holds the other as whole words and
//!   the held one has at least two words.
//!
//! A value given on a page whose ground truth has none is counted apart, as
//! extra.

use std::{collections::BTreeSet, path::Path};

use anyhow::Context;
use normalizer_pipeline::{Article, Format, Input, Options};
use unicode_normalization::UnicodeNormalization;

/// The fields scored, in report order.
const FIELDS: [Field; 3] = [Field::Title, Field::Author, Field::Date];

/// A field of the record scored against the ground truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Author,
    Date,
}

impl Field {
    /// The ground truth's key for the field.
    fn key(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Author => "author",
            Self::Date => "publish_date",
        }
    }

    /// The record's value for the field, empty when it has none.
    fn value(self, article: &Article) -> String {
        match self {
            Self::Title => article.title.clone(),
            Self::Author => article.authors.join("; "),
            Self::Date => crate::dates::published_day(article).unwrap_or_default(),
        }
    }

    /// Whether `found` matches `expected`, both non-empty.
    fn matches(self, found: &str, expected: &str) -> bool {
        match self {
            Self::Title => fold(found) == fold(expected),
            Self::Date => found.get(..10) == Some(expected),
            Self::Author => author_matches(found, expected),
        }
    }
}

/// One field's counts over a set of pages.
#[derive(Debug, Clone, Copy, Default)]
struct Count {
    /// Pages where the ground truth gives the field.
    expected: u32,
    /// Of those, pages where the record matches.
    right: u32,
    /// Pages where the record gives the field and the ground truth does not.
    extra: u32,
}

/// What one run found.
#[derive(Debug)]
pub struct Report {
    /// The Markdown report.
    pub text: String,
}

/// Scores the benchmark in `dir`, every `every`-th page (1 for all); with
/// `failures`, the report ends with a table of the fields scored wrong or
/// missed, and of the extra ones (expected `(none)`).
///
/// # Errors
/// The benchmark cannot be read.
pub fn evaluate(dir: &Path, every: usize, options: &Options, failures: bool) -> anyhow::Result<Report> {
    let truth_dir = dir.join("ground-truth");
    let mut truths: Vec<_> = std::fs::read_dir(&truth_dir)
        .with_context(|| format!("cannot read {}", truth_dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    truths.sort();
    let mut all = [Count::default(); 3];
    let mut articles = [Count::default(); 3];
    let mut pages = 0;
    let mut failed = String::new();
    let mut metadata_times = Vec::new();
    for truth_path in truths.iter().step_by(every.max(1)) {
        let truth: serde_json::Value = serde_json::from_slice(&std::fs::read(truth_path)?)
            .with_context(|| format!("{} is not JSON", truth_path.display()))?;
        let id = truth_path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        let bytes = crate::html::read_page(&dir.join("html").join(format!("{id}.html.gz")))?;
        let url = truth["url"].as_str().unwrap_or_default();
        let page = normalizer_pipeline::decode_page(&bytes, "", url);
        let record = normalizer_pipeline::normalize(
            &Input {
                text: &page.text,
                url,
                format: Format::Html,
                charset: page.charset,
            },
            options,
        )
        .unwrap_or_default();
        let parsed = normalizer_pipeline::stages::ParsedPage::parse(&page.text);
        let started = std::time::Instant::now();
        std::hint::black_box(parsed.read_metadata(url));
        metadata_times.push(started.elapsed());
        let is_article = truth["_internal"]["page_type"]["primary"].as_str() == Some("article");
        for (index, field) in FIELDS.into_iter().enumerate() {
            let expected = truth["ground_truth"][field.key()].as_str().unwrap_or_default();
            let found = field.value(&record);
            let right = !found.is_empty() && field.matches(&found, expected);
            if failures && !expected.is_empty() && !right {
                failed.push_str(&crate::failure_row(&[id, field.key(), expected, &found]));
            } else if failures && expected.is_empty() && !found.is_empty() {
                failed.push_str(&crate::failure_row(&[id, field.key(), "(none)", &found]));
            }
            let counts = std::iter::once(&mut all[index]).chain(is_article.then_some(&mut articles[index]));
            for count in counts {
                if !expected.is_empty() {
                    count.expected += 1;
                    count.right += u32::from(right);
                } else if !found.is_empty() {
                    count.extra += 1;
                }
            }
        }
        pages += 1;
    }
    anyhow::ensure!(pages > 0, "{} holds no ground truth", truth_dir.display());
    let row = |name: &str, counts: &[Count; 3]| {
        let cells: Vec<String> = counts
            .iter()
            .map(|count| {
                format!(
                    "{}/{} ({:.1} %, {} extra)",
                    count.right,
                    count.expected,
                    100.0 * f64::from(count.right) / f64::from(count.expected.max(1)),
                    count.extra
                )
            })
            .collect();
        format!("| {name} | {} |\n", cells.join(" | "))
    };
    let text = format!(
        "# Page metadata (WCXB)\n\n{pages} pages.\n\n\
         | pages | title | author | date |\n|---|---:|---:|---:|\n{}{}\n\
         Right on N of the M pages whose ground truth gives the field; extra: given where it gives none.\n\n\
         Reading the metadata of a parsed page (the parse left out), one core: {}.\n",
        row("all", &all),
        row("article", &articles),
        spread(&mut metadata_times)
    );
    let text = if failures {
        format!("{text}\n## Failures\n\n| page | field | expected | ours |\n|---|---|---|---|\n{failed}")
    } else {
        text
    };
    Ok(Report { text })
}

/// The median, 90th percentile and largest of `times`, in milliseconds.
fn spread(times: &mut [std::time::Duration]) -> String {
    times.sort();
    let at = |share: f64| {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let index = ((times.len().saturating_sub(1)) as f64 * share).round() as usize;
        times.get(index).map_or(0.0, |time| time.as_secs_f64() * 1000.0)
    };
    format!(
        "median {:.3} ms, 90th percentile {:.3} ms, largest {:.3} ms per page",
        at(0.5),
        at(0.9),
        at(1.0)
    )
}

/// NFKC, lower case, runs of anything but letters and digits as one space.
fn fold(text: &str) -> String {
    let lower: String = text.nfkc().flat_map(char::to_lowercase).collect();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The folded names of an author string, split at `,` `;` `&` `|` and `and`.
fn names(text: &str) -> BTreeSet<String> {
    text.split([',', ';', '&', '|'])
        .flat_map(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            words
                .split(|word| word.eq_ignore_ascii_case("and"))
                .map(|name| fold(&name.join(" ")))
                .collect::<Vec<_>>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The author rule of the module comment.
fn author_matches(found: &str, expected: &str) -> bool {
    let (a, b) = (fold(found), fold(expected));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b || names(found) == names(expected) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.split(' ').count() >= 2 && format!(" {long} ").contains(&format!(" {short} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_whatever_their_case_spacing_and_punctuation() {
        assert!(Field::Title.matches("Dam opens:  the “new” weir", "dam opens – the \"new\" weir"));
        assert!(!Field::Title.matches("Dam opens | River Post", "Dam opens"));
    }

    #[test]
    fn authors_match_as_names_in_any_order_or_a_name_with_its_title() {
        assert!(author_matches("Bo Park; Ann Lee", "Ann Lee and Bo Park"));
        assert!(author_matches("Ann Lee", "Ann Lee, MD, PhD"));
        assert!(!author_matches("Lee", "Ann Lee"));
        assert!(!author_matches("River Post", "Ann Lee"));
    }

    #[test]
    fn dates_match_on_the_day() {
        assert!(Field::Date.matches("2024-05-17T10:00:00+02:00", "2024-05-17"));
        assert!(!Field::Date.matches("2024-05-18", "2024-05-17"));
    }
}
