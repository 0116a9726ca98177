//! `normalizer-eval text`: the quality report. Runs the pipeline over a
//! fixture corpus, prints per field how many records are exactly right, per
//! language how many are right in every field, and the pipeline's throughput
//! on the corpus. Fails when a field scores below the floor.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    path::Path,
    time::{Duration, Instant},
};

use anyhow::Context;
use normalizer_corpus::{self as corpus, FIELDS, Fixture};
use normalizer_pipeline::{Input, Options};
use normalizer_proto::v1 as pb;

use article_normalizer::{convert::ArticleInput, service::normalize_input, settings::Settings};

/// The throughput loop runs the corpus at least this long, for a stable figure.
const MIN_TIMING: Duration = Duration::from_secs(1);

/// What one evaluation found.
#[derive(Debug)]
pub struct Report {
    /// The Markdown report.
    pub text: String,
    /// The lowest per-field share of exact records, in percent.
    pub lowest_percent: f64,
}

/// Evaluates the corpus in `dir`.
///
/// # Errors
/// The corpus cannot be read, or the pipeline refuses one of its articles.
pub fn evaluate(dir: &Path, settings: &Settings) -> anyhow::Result<Report> {
    let fixtures = corpus::load(dir)?;
    anyhow::ensure!(!fixtures.is_empty(), "{} holds no fixture folders", dir.display());
    let options = &settings.pipeline.options;
    let mut exact = vec![0usize; FIELDS.len()];
    let mut by_language: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = String::new();
    for fixture in &fixtures {
        let record = normalize_fixture(fixture, options, settings.limits.max_article_bytes)?;
        let actual = corpus::compact(&record);
        let mut all_right = true;
        for (count, field) in exact.iter_mut().zip(FIELDS) {
            if corpus::field_matches(&fixture.expected, &actual, field) {
                *count += 1;
            } else {
                all_right = false;
            }
        }
        let language = by_language.entry(fixture.language()).or_default();
        language.0 += 1;
        language.1 += usize::from(all_right);
        for mismatch in corpus::mismatches(&fixture.expected, &actual) {
            writeln!(failures, "- {}: {mismatch}", fixture.name)?;
        }
    }

    let total = fixtures.len();
    let percent = |n: usize| 100.0 * n as f64 / total as f64;
    let mut text = String::new();
    writeln!(text, "Quality on {} ({total} articles)\n", dir.display())?;
    writeln!(text, "| field | exact | of | % |\n| --- | ---: | ---: | ---: |")?;
    for (field, count) in FIELDS.iter().zip(&exact) {
        writeln!(text, "| {field} | {count} | {total} | {:.1} |", percent(*count))?;
    }
    writeln!(
        text,
        "\n| language | articles | all fields exact |\n| --- | ---: | ---: |"
    )?;
    for (language, (articles, right)) in &by_language {
        writeln!(text, "| {language} | {articles} | {right} |")?;
    }
    writeln!(text, "\n{}", throughput(&fixtures, options))?;
    if !failures.is_empty() {
        writeln!(text, "\nMismatches:\n{failures}")?;
    }
    let lowest_percent = exact.iter().map(|n| percent(*n)).fold(100.0, f64::min);
    Ok(Report { text, lowest_percent })
}

/// Normalizes one fixture the way the service would.
fn normalize_fixture(
    fixture: &Fixture,
    options: &Options,
    max_article_bytes: usize,
) -> anyhow::Result<pb::NormalizedArticle> {
    let request = pb::NormalizeRequest {
        article: Some(pb::RawArticle {
            id: fixture.name.clone(),
            url: String::new(),
            content: Some(pb::raw_article::Content::Text(fixture.input.clone())),
            content_type: String::new(),
        }),
        options: None,
    };
    let input = ArticleInput::parse(request, max_article_bytes).with_context(|| fixture.name.clone())?;
    normalize_input(input, options).with_context(|| fixture.name.clone())
}

/// The pipeline's throughput over the corpus on one core.
fn throughput(fixtures: &[Fixture], options: &Options) -> String {
    let bytes: usize = fixtures.iter().map(|f| f.input.len()).sum();
    let start = Instant::now();
    let mut rounds = 0u32;
    while rounds < 3 || start.elapsed() < MIN_TIMING {
        for fixture in fixtures {
            let input = Input {
                text: &fixture.input,
                ..Input::default()
            };
            std::hint::black_box(normalizer_pipeline::normalize(&input, options).ok());
        }
        rounds += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    let megabytes = bytes as f64 * f64::from(rounds) / 1e6;
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    format!(
        "Throughput: {} articles ({:.1} KB) x {rounds} rounds in {seconds:.2} s = {:.1} MB/s, {:.0} articles/s on one core ({build} build)",
        fixtures.len(),
        bytes as f64 / 1e3,
        megabytes / seconds,
        f64::from(rounds) * fixtures.len() as f64 / seconds
    )
}
