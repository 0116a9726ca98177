//! `normalizer-eval html`: the extraction benchmark. Runs the HTML
//! pipeline on every page of an article-body benchmark (`html/<id>.html.gz`
//! beside `ground-truth.json`, the layout of the public Scrapinghub
//! article-extraction-benchmark) and scores the body (its paragraphs joined
//! with newlines) against the ground truth as that benchmark does: 4-token
//! shingles of `\w+` tokens, each page's counts normalized, precision and
//! recall averaged over pages, F1 of the averages. Prints the scores and
//! the pipeline's pages per second; fails under an F1 floor.

use std::{
    collections::HashMap,
    io::Read,
    path::Path,
    time::{Duration, Instant},
};

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

/// One page's share of true positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PageScore {
    true_positive: f64,
    false_positive: f64,
    false_negative: f64,
}

/// Scores the benchmark in `dir`, every `every`-th page (1 for all).
///
/// # Errors
/// The benchmark cannot be read.
pub fn evaluate(dir: &Path, every: usize, options: &Options) -> anyhow::Result<Report> {
    let truth_path = dir.join("ground-truth.json");
    let truth: HashMap<String, serde_json::Value> = serde_json::from_slice(
        &std::fs::read(&truth_path).with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .with_context(|| format!("{} is not a JSON object", truth_path.display()))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut scores = Vec::new();
    let mut spent = Duration::ZERO;
    let mut refused = 0;
    for id in ids.into_iter().step_by(every.max(1)) {
        let bytes = read_page(&dir.join("html").join(format!("{id}.html.gz")))?;
        let url = truth[id]["url"].as_str().unwrap_or_default();
        // The charset step counts in the time, as it does in the server.
        let started = Instant::now();
        let page = normalizer_pipeline::decode_page(&bytes, "", url);
        let normalized = normalizer_pipeline::normalize(
            &Input {
                text: &page.text,
                url,
                format: Format::Html,
                charset: page.charset,
            },
            options,
        );
        spent += started.elapsed();
        let body = match normalized {
            Ok(article) => article.body.join("\n"),
            Err(_) => {
                refused += 1;
                String::new()
            }
        };
        let expected = truth[id]["articleBody"].as_str().unwrap_or_default();
        scores.push(score_page(expected, &body));
    }
    anyhow::ensure!(!scores.is_empty(), "{} lists no pages", truth_path.display());
    let (precision, recall) = average(&scores);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let pages = scores.len();
    #[allow(clippy::cast_precision_loss)]
    let pages_per_second = pages as f64 / spent.as_secs_f64().max(f64::EPSILON);
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    let text = format!(
        "# HTML extraction benchmark\n\n\
         | pages | precision | recall | F1 | pages/s | ms/page | refused |\n\
         |---:|---:|---:|---:|---:|---:|---:|\n\
         | {pages} | {precision:.3} | {recall:.3} | {f1:.3} | {pages_per_second:.0} | {:.2} | {refused} |\n\n\
         Pages per second: the pipeline alone (parsing, extraction and every stage), one core, {build} build.\n",
        1e3 / pages_per_second
    );
    Ok(Report { text, f1 })
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
    fn averages_skip_pages_with_nothing_to_measure() {
        let nothing_predicted = score_page("a b c d", "");
        let exact = score_page("a b c d", "a b c d");
        let (precision, recall) = average(&[nothing_predicted, exact]);
        assert_eq!(precision, 1.0, "the empty prediction has no precision to average");
        assert_eq!(recall, 0.5);
    }
}
