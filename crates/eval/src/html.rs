//! `normalizer-eval html`: the main-content benchmark. Runs the HTML
//! pipeline on the pages of one or more benchmarks and scores the body (its
//! paragraphs joined with newlines) against the labelled main content.
//!
//! Two layouts are read:
//! - the Scrapinghub article-extraction-benchmark: `html/<id>.html.gz`
//!   beside `ground-truth.json` (`articleBody`, `url`); every page is an
//!   article;
//! - WCXB: `html/<id>.html.gz` beside `ground-truth/<id>.json`
//!   (`ground_truth.main_content`, `url`, `_internal.page_type.primary`).
//!
//! Scoring:
//! - word F1 as WCXB's `evaluate.py` computes it: lower-cased `\w+` tokens,
//!   precision and recall of the multiset overlap, F1 per page, averaged
//!   over pages, overall and per labelled page type;
//! - on the Scrapinghub layout also that benchmark's own score: 4-token
//!   shingles, each page's counts normalized, precision and recall averaged
//!   over pages, F1 of the averages;
//! - `page_type` accuracy against the labels, with a confusion summary (the
//!   commonest mistakes);
//! - pages per second (the pipeline alone, one core) and memory: the peak
//!   bytes the pipeline holds while normalizing a page, as a multiple of the
//!   page's bytes (counted by the tool's global allocator), after one
//!   unmeasured run that builds the pipeline's tables.
//!
//! With `--failures` each benchmark's report ends with a table of the pages
//! whose `page_type` is wrong: labelled beside ours, with the URL and word F1;
//! and a table of the pages where our word F1 trails the reference's most
//! (or of our lowest, without a reference): where to look for the next rule.
//!
//! With `--reference FILE` (written by `scripts/html_trafilatura.py --out`)
//! the reference tool's word F1 on the same pages sits beside ours.

use std::{
    collections::{BTreeMap, HashMap},
    fmt::Write as _,
    io::Read,
    path::Path,
    time::{Duration, Instant},
};

use anyhow::Context;
use normalizer_pipeline::{Article, Format, Input, NormalizeError, Options, PageType};

/// Counts the bytes the process holds, and their peak, for the memory ratio.
#[global_allocator]
static ALLOCATOR: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// What one run found.
#[derive(Debug)]
pub struct Report {
    /// The Markdown report.
    pub text: String,
    /// The lowest word F1 over the benchmarks scored.
    pub f1: f64,
}

/// One page's share of true positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PageScore {
    true_positive: f64,
    false_positive: f64,
    false_negative: f64,
}

/// One page of a benchmark, as read from its layout.
#[derive(Debug)]
struct Page {
    id: String,
    url: String,
    truth: String,
    page_type: PageType,
}

/// What the pipeline made of one page.
#[derive(Debug)]
struct Outcome {
    id: String,
    url: String,
    page_type: PageType,
    expected_type: PageType,
    word_f1: f64,
    reference_f1: Option<f64>,
    shingles: PageScore,
}

/// The benchmark's name and its pages, from either layout.
fn pages(dir: &Path, every: usize) -> anyhow::Result<(&'static str, Vec<Page>)> {
    let truth_path = dir.join("ground-truth.json");
    if truth_path.is_file() {
        let truth: HashMap<String, serde_json::Value> = serde_json::from_slice(
            &std::fs::read(&truth_path).with_context(|| format!("cannot read {}", truth_path.display()))?,
        )
        .with_context(|| format!("{} is not a JSON object", truth_path.display()))?;
        let mut ids: Vec<&String> = truth.keys().collect();
        ids.sort();
        let pages = ids
            .into_iter()
            .step_by(every.max(1))
            .map(|id| Page {
                id: id.clone(),
                url: truth[id]["url"].as_str().unwrap_or_default().to_owned(),
                truth: truth[id]["articleBody"].as_str().unwrap_or_default().to_owned(),
                page_type: PageType::Article,
            })
            .collect();
        return Ok(("scrapinghub", pages));
    }
    let truth_dir = dir.join("ground-truth");
    let mut paths: Vec<_> = std::fs::read_dir(&truth_dir)
        .with_context(|| {
            format!(
                "{} has neither ground-truth.json nor ground-truth/",
                dir.display()
            )
        })?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths.iter().step_by(every.max(1)) {
        let truth: serde_json::Value = serde_json::from_slice(&std::fs::read(path)?)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        let label = &truth["_internal"]["page_type"];
        let label = label["primary"].as_str().or(label.as_str()).unwrap_or("article");
        pages.push(Page {
            id: path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .unwrap_or_default()
                .to_owned(),
            url: truth["url"].as_str().unwrap_or_default().to_owned(),
            truth: truth["ground_truth"]["main_content"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            page_type: PageType::from_name(label).unwrap_or(PageType::Article),
        });
    }
    Ok(("wcxb", pages))
}

/// The reference tool's word F1 per benchmark and page, from
/// `scripts/html_trafilatura.py --out`.
type Reference = HashMap<String, HashMap<String, f64>>;

fn read_reference(path: &Path) -> anyhow::Result<(Reference, HashMap<String, f64>)> {
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?,
    )
    .with_context(|| format!("{} is not JSON", path.display()))?;
    let mut scores = Reference::new();
    let mut speeds = HashMap::new();
    for (set, results) in json.as_object().into_iter().flatten() {
        let pages = results["f1"].as_object().into_iter().flatten();
        scores.insert(
            set.clone(),
            pages
                .map(|(id, f1)| (id.clone(), f1.as_f64().unwrap_or(0.0)))
                .collect(),
        );
        if let Some(speed) = results["pages_per_second"].as_f64() {
            speeds.insert(set.clone(), speed);
        }
    }
    Ok((scores, speeds))
}

/// Scores every benchmark in `dirs`, every `every`-th page (1 for all),
/// beside the reference tool's scores when `reference` names its file;
/// with `failures`, each benchmark's pages of the wrong `page_type` listed.
///
/// # Errors
/// A benchmark or the reference file cannot be read.
pub fn evaluate(
    dirs: &[std::path::PathBuf],
    every: usize,
    options: &Options,
    reference: Option<&Path>,
    failures: bool,
) -> anyhow::Result<Report> {
    let (reference, reference_speed) = match reference {
        Some(path) => read_reference(path)?,
        None => Default::default(),
    };
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    let mut text = String::from("# Main-content benchmark\n");
    let mut lowest = f64::INFINITY;
    let mut warmed_up = false;
    for dir in dirs {
        let (name, pages) = pages(dir, every)?;
        anyhow::ensure!(!pages.is_empty(), "{} lists no pages", dir.display());
        let mut outcomes = Vec::new();
        let mut spent = Duration::ZERO;
        let mut refused = 0;
        let mut memory = Vec::new();
        for page in &pages {
            let html = read_page(&dir.join("html").join(format!("{}.html.gz", page.id)))?;
            if !warmed_up {
                // The tables the pipeline builds on first use (stop words,
                // marker automata) are built once per process, as in the
                // server: one unmeasured run keeps them out of the first
                // page's time and memory.
                let _ = normalize_page(&html, &page.url, options);
                warmed_up = true;
            }
            let held = ALLOCATOR.current_usage();
            ALLOCATOR.reset_peak_usage();
            let started = Instant::now();
            let normalized = normalize_page(&html, &page.url, options);
            spent += started.elapsed();
            #[allow(clippy::cast_precision_loss)]
            memory.push((ALLOCATOR.peak_usage().saturating_sub(held)) as f64 / html.len().max(1) as f64);
            let (body, page_type) = match normalized {
                Ok(article) => (article.body.join("\n"), article.page_type),
                Err(error) => {
                    refused += 1;
                    eprintln!("{name} {}: refused: {error}", page.id);
                    (String::new(), PageType::Unspecified)
                }
            };
            outcomes.push(Outcome {
                id: page.id.clone(),
                url: page.url.clone(),
                page_type,
                expected_type: page.page_type,
                word_f1: word_f1(&body, &page.truth),
                reference_f1: reference
                    .get(name)
                    .and_then(|scores| scores.get(&page.id))
                    .copied(),
                shingles: score_page(&page.truth, &body),
            });
        }
        let overall = mean(outcomes.iter().map(|o| o.word_f1));
        lowest = lowest.min(overall);
        #[allow(clippy::cast_precision_loss)]
        let pages_per_second = outcomes.len() as f64 / spent.as_secs_f64().max(f64::EPSILON);
        let _ = write!(
            text,
            "\n## {name}: {} pages from {}\n\n",
            outcomes.len(),
            dir.display()
        );
        text.push_str(&f1_table(&outcomes));
        if name == "scrapinghub" {
            let scores: Vec<PageScore> = outcomes.iter().map(|o| o.shingles).collect();
            let (precision, recall) = average(&scores);
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            let _ = write!(
                text,
                "\nThe benchmark's own score (4-token shingles): precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}.\n"
            );
        }
        text.push_str(&type_summary(&outcomes));
        memory.sort_by(f64::total_cmp);
        let speed_ratio = reference_speed
            .get(name)
            .map(|theirs| {
                format!(
                    ", {:.1}× the reference tool's {theirs:.1}",
                    pages_per_second / theirs
                )
            })
            .unwrap_or_default();
        let _ = write!(
            text,
            "\nSpeed: {pages_per_second:.0} pages/s ({:.2} ms/page){speed_ratio}: the pipeline alone (parsing, extraction and every stage), one core, {build} build. \
             Refused: {refused}.\n\
             Memory held at the peak while normalizing a page, as a multiple of the page's bytes: median {:.1}×, 90th percentile {:.1}×, highest {:.1}×.\n",
            1e3 / pages_per_second,
            percentile(&memory, 0.5),
            percentile(&memory, 0.9),
            percentile(&memory, 1.0),
        );
        if failures {
            text.push_str(&type_failures(&outcomes));
            text.push_str(&furthest_behind(&outcomes));
        }
    }
    Ok(Report { text, f1: lowest })
}

/// The page normalized as the server does it: the charset step counts in
/// the time and memory.
fn normalize_page(html: &[u8], url: &str, options: &Options) -> Result<Article, NormalizeError> {
    let decoded = normalizer_pipeline::decode_page(html, "", url);
    normalizer_pipeline::normalize(
        &Input {
            text: &decoded.text,
            url,
            format: Format::Html,
            charset: decoded.charset,
        },
        options,
    )
}

/// Word F1 per labelled page type, and overall, beside the reference's.
fn f1_table(outcomes: &[Outcome]) -> String {
    let with_reference = outcomes.iter().all(|o| o.reference_f1.is_some());
    let mut table = String::from("| page type | pages | word F1 |");
    table.push_str(if with_reference {
        " reference | difference |\n|---|---:|---:|---:|---:|\n"
    } else {
        "\n|---|---:|---:|\n"
    });
    let mut rows: Vec<(String, Vec<&Outcome>)> = PageType::ALL
        .into_iter()
        .map(|kind| {
            (
                kind.as_str().to_owned(),
                outcomes
                    .iter()
                    .filter(|o| o.expected_type == kind)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    if rows.len() > 1 {
        rows.push(("all".to_owned(), outcomes.iter().collect()));
    }
    for (kind, rows) in rows {
        let ours = mean(rows.iter().map(|o| o.word_f1));
        let _ = write!(table, "| {kind} | {} | {ours:.3} |", rows.len());
        if with_reference {
            let theirs = mean(rows.iter().filter_map(|o| o.reference_f1));
            let _ = write!(table, " {theirs:.3} | {:+.3} |", ours - theirs);
        }
        table.push('\n');
    }
    table
}

/// `page_type` accuracy and the commonest confusions.
fn type_summary(outcomes: &[Outcome]) -> String {
    let right = outcomes.iter().filter(|o| o.page_type == o.expected_type).count();
    let mut confusions: BTreeMap<(PageType, PageType), usize> = BTreeMap::new();
    for outcome in outcomes.iter().filter(|o| o.page_type != o.expected_type) {
        *confusions
            .entry((outcome.expected_type, outcome.page_type))
            .or_default() += 1;
    }
    let mut confusions: Vec<_> = confusions.into_iter().collect();
    confusions.sort_by_key(|confusion| std::cmp::Reverse(confusion.1));
    let listed: Vec<String> = confusions
        .iter()
        .take(8)
        .map(|((expected, found), count)| format!("{} as {} {count}", expected.as_str(), found.as_str()))
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let accuracy = right as f64 / outcomes.len().max(1) as f64;
    format!(
        "\n`page_type` accuracy: {accuracy:.3} ({right} of {}). Commonest confusions (labelled as found): {}.\n",
        outcomes.len(),
        if listed.is_empty() {
            "none".to_owned()
        } else {
            listed.join(", ")
        }
    )
}

/// The pages of the wrong `page_type`, by labelled and found type.
fn type_failures(outcomes: &[Outcome]) -> String {
    let mut wrong: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.page_type != o.expected_type)
        .collect();
    wrong.sort_by_key(|o| (o.expected_type, o.page_type, o.id.clone()));
    let mut table = String::from(
        "\n### page_type failures\n\n| page | labelled | ours | word F1 | url |\n|---|---|---|---:|---|\n",
    );
    for outcome in wrong {
        table.push_str(&crate::failure_row(&[
            &outcome.id,
            outcome.expected_type.as_str(),
            outcome.page_type.as_str(),
            &format!("{:.3}", outcome.word_f1),
            &outcome.url,
        ]));
    }
    table
}

/// How many pages [`furthest_behind`] lists.
const BEHIND_LISTED: usize = 40;

/// The [`BEHIND_LISTED`] pages where our word F1 trails the reference's
/// most, or without a reference the pages of our lowest word F1.
fn furthest_behind(outcomes: &[Outcome]) -> String {
    let behind = |o: &Outcome| o.word_f1 - o.reference_f1.unwrap_or(0.0);
    let mut pages: Vec<&Outcome> = outcomes.iter().collect();
    pages.sort_by(|a, b| behind(a).total_cmp(&behind(b)).then_with(|| a.id.cmp(&b.id)));
    let mut table = String::from(
        "\n### Furthest behind the reference (our lowest without one)\n\n\
         | page | labelled | ours | word F1 | reference | url |\n|---|---|---|---:|---:|---|\n",
    );
    for outcome in pages.into_iter().take(BEHIND_LISTED) {
        table.push_str(&crate::failure_row(&[
            &outcome.id,
            outcome.expected_type.as_str(),
            outcome.page_type.as_str(),
            &format!("{:.3}", outcome.word_f1),
            &outcome
                .reference_f1
                .map_or_else(|| "-".to_owned(), |f1| format!("{f1:.3}")),
            &outcome.url,
        ]));
    }
    table
}

/// The mean, 0 for none.
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0_u32), |(sum, count), value| (sum + value, count + 1));
    if count == 0 { 0.0 } else { sum / f64::from(count) }
}

/// The value at `share` (0 to 1) of sorted `values`, 0 for none.
fn percentile(sorted: &[f64], share: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let index = ((sorted.len() - 1) as f64 * share).round() as usize;
    sorted[index]
}

/// Word-level F1 as WCXB's `evaluate.py` computes it: lower-cased `\w+`
/// tokens counted as multisets; an empty truth scores 1 against an empty
/// prediction and 0 against anything else.
fn word_f1(predicted: &str, expected: &str) -> f64 {
    let count = |text: &str| {
        let lower = text.to_lowercase();
        let mut counts: HashMap<String, i64> = HashMap::new();
        for token in tokens(&lower) {
            *counts.entry(token.to_owned()).or_default() += 1;
        }
        counts
    };
    let (predicted, expected) = (count(predicted), count(expected));
    let total = |counts: &HashMap<String, i64>| counts.values().sum::<i64>();
    let (predicted_total, expected_total) = (total(&predicted), total(&expected));
    if expected_total == 0 {
        return if predicted_total == 0 { 1.0 } else { 0.0 };
    }
    let overlap: i64 = predicted
        .iter()
        .map(|(token, count)| (*count).min(expected.get(token).copied().unwrap_or(0)))
        .sum();
    if overlap == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let (precision, recall) = (
        overlap as f64 / predicted_total as f64,
        overlap as f64 / expected_total as f64,
    );
    2.0 * precision * recall / (precision + recall)
}

/// A gzip-compressed page as the bytes it was fetched as; decode it with
/// [`normalizer_pipeline::decode_page`], as the server does.
pub(crate) fn read_page(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{} is not gzip", path.display()))?;
    Ok(bytes)
}

/// The text's `\w+` tokens: runs of letters, digits and `_`.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|token| !token.is_empty())
        .collect()
}

/// The multiset of 4-token shingles; a text of fewer tokens is one shingle
/// of what it has, an empty one has none.
fn shingles(text: &str) -> HashMap<Vec<&str>, i64> {
    let tokens = tokens(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < 4 {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(4) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// One page's score, its counts divided by their sum.
fn score_page(expected: &str, predicted: &str) -> PageScore {
    let truth = shingles(expected);
    let prediction = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0_i64, 0_i64, 0_i64);
    for (shingle, &count_true) in &truth {
        let count_predicted = prediction.get(shingle).copied().unwrap_or(0);
        tp += count_true.min(count_predicted);
        fn_ += (count_true - count_predicted).max(0);
        fp += (count_predicted - count_true).max(0);
    }
    for (shingle, &count_predicted) in &prediction {
        if !truth.contains_key(shingle) {
            fp += count_predicted;
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let total = (tp + fp + fn_) as f64;
    #[allow(clippy::cast_precision_loss)]
    let share = |count: i64| if total > 0.0 { count as f64 / total } else { 0.0 };
    PageScore {
        true_positive: share(tp),
        false_positive: share(fp),
        false_negative: share(fn_),
    }
}

/// Precision averaged over pages that predicted something, recall over pages
/// that expected something.
fn average(scores: &[PageScore]) -> (f64, f64) {
    let ratio = |hit: f64, miss: f64, other_miss: f64| {
        if miss == 0.0 && other_miss == 0.0 {
            1.0
        } else if hit == 0.0 && miss == 0.0 {
            0.0
        } else {
            hit / (hit + miss)
        }
    };
    let mean = |values: Vec<f64>| {
        #[allow(clippy::cast_precision_loss)]
        let count = values.len() as f64;
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / count
        }
    };
    let precision = scores
        .iter()
        .filter(|s| s.true_positive + s.false_positive > 0.0)
        .map(|s| ratio(s.true_positive, s.false_positive, s.false_negative))
        .collect();
    let recall = scores
        .iter()
        .filter(|s| s.true_positive + s.false_negative > 0.0)
        .map(|s| ratio(s.true_positive, s.false_negative, s.false_positive))
        .collect();
    (mean(precision), mean(recall))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_runs_of_word_characters() {
        assert_eq!(
            tokens("Ça va? l'été_2026, 3.5%"),
            ["Ça", "va", "l", "été_2026", "3", "5"]
        );
    }

    #[test]
    fn short_texts_are_one_shingle_and_repeats_are_counted() {
        assert_eq!(shingles("a b").len(), 1);
        assert!(shingles("").is_empty());
        let repeated = shingles("a b c d a b c d");
        assert_eq!(repeated[&vec!["a", "b", "c", "d"]], 2);
    }

    #[test]
    fn a_page_scores_its_shingles_as_shares() {
        let exact = score_page("one two three four five", "one two three four five");
        assert_eq!(
            (exact.true_positive, exact.false_positive, exact.false_negative),
            (1.0, 0.0, 0.0)
        );
        // Truth has 2 shingles; the prediction finds one and adds two.
        let partial = score_page("a b c d e", "a b c d x y");
        assert_eq!(partial.true_positive, 0.25);
        assert_eq!(partial.false_positive, 0.5);
        assert_eq!(partial.false_negative, 0.25);
    }

    #[test]
    fn word_f1_counts_lower_cased_words_as_multisets() {
        assert_eq!(word_f1("The dam, the DAM.", "the dam the dam"), 1.0);
        // Two of three predicted words are right, two of four expected are found.
        let f1 = word_f1("dam weir river", "dam weir lake sea");
        assert!((f1 - 2.0 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5)).abs() < 1e-9);
        assert_eq!(word_f1("", ""), 1.0);
        assert_eq!(word_f1("words", ""), 0.0);
    }

    #[test]
    fn averages_skip_pages_with_nothing_to_measure() {
        let nothing_predicted = score_page("a b c d", "");
        let exact = score_page("a b c d", "a b c d");
        let (precision, recall) = average(&[nothing_predicted, exact]);
        assert_eq!(precision, 1.0, "the empty prediction has no precision to average");
        assert_eq!(recall, 0.5);
    }
}
