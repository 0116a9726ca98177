//! Benches of the whole pipeline and of each stage, on a small (~1 KB), a
//! typical (~5 KB) and a large (~200 KB) article, all made of the fixture
//! corpus's English articles. Throughput is in bytes of raw article text, so
//! the figures of the stages and of the whole pipeline compare.
//! `normalize/html` takes the HTML twin of the frame fixture through the
//! whole pipeline, HTML extraction included. `whatlang/<size>` runs whatlang
//! alone on the same articles, for comparison. `metadata/<fixture>` times
//! the reading of a parsed HTML fixture's metadata (title, authors, outlet,
//! dates, byline), the parse left out.
//!
//! `cargo bench -p normalizer-pipeline` runs them all; a filter picks some:
//! `cargo bench -p normalizer-pipeline -- normalize/typical`.

use std::{
    hint::black_box,
    path::{Path, PathBuf},
    time::Duration,
};

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use normalizer_pipeline::{
    Format, Input, Options, normalize, normalize_text,
    stages::{ParsedPage, PartialDocument, Stage},
};

/// The small article: one fixture as it is.
const SMALL_FIXTURE: &str = "en-08-caption-file-photo-editorial-comment-to-end";

/// The fixture the typical and large articles are built around.
const FRAME_FIXTURE: &str = "en-01-republished-blog-post";

/// The sizes the typical and large articles are grown to.
const TYPICAL_BYTES: usize = 5_000;
const LARGE_BYTES: usize = 200_000;

/// A URL with tracking parameters, for the URL stage.
const TRACKED_URL: &str = "https://News.Example.com:443/2024/05/harbour-wall?id=7&utm_source=feed&utm_medium=rss&fbclid=abc#comments";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/text")
}

fn fixture(name: &str) -> String {
    let path = corpus_dir().join(name).join("input.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The body paragraphs of every English fixture, in name order.
fn english_paragraphs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("the fixture corpus")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("en-"))
        .collect();
    names.sort();
    names
        .iter()
        .flat_map(|name| normalize_text(&fixture(name)).expect("a fixture record").body)
        .collect()
}

/// The frame fixture with body paragraphs of the corpus inserted after its
/// headline until it is at least `bytes` long: a real article's headline,
/// captions, commentary and trailers around a longer body. Each inserted
/// paragraph joins two of the corpus's, a different pair every time, so no
/// paragraph repeats: a short paragraph printed twice would be taken for an
/// image caption.
fn article_of(bytes: usize, paragraphs: &[String]) -> String {
    let frame = fixture(FRAME_FIXTURE);
    let (headline, rest) = frame.split_once("\n\n").expect("a headline");
    let mut text = format!("{headline}\n\n");
    for index in 0.. {
        if text.len() + rest.len() >= bytes {
            break;
        }
        let (round, first) = (index / paragraphs.len(), index % paragraphs.len());
        let second = (first + round + 1) % paragraphs.len();
        text.push_str(&paragraphs[first]);
        text.push(' ');
        text.push_str(&paragraphs[second]);
        text.push_str("\n\n");
    }
    text.push_str(rest);
    text
}

/// The articles the benches run on, by name.
fn articles() -> Vec<(&'static str, String)> {
    let paragraphs = english_paragraphs();
    vec![
        ("small", fixture(SMALL_FIXTURE)),
        ("typical", article_of(TYPICAL_BYTES, &paragraphs)),
        ("large", article_of(LARGE_BYTES, &paragraphs)),
    ]
}

fn whole_pipeline(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("normalize");
    for (size, text) in articles() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(size, |b| {
            let input = Input {
                text: &text,
                ..Input::default()
            };
            b.iter(|| normalize(black_box(&input), &options));
        });
    }
    let page_path = corpus_dir().join("../html").join(format!("{FRAME_FIXTURE}.html"));
    let page = std::fs::read_to_string(&page_path)
        .unwrap_or_else(|error| panic!("{}: {error}", page_path.display()));
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("html", |b| {
        let input = Input {
            text: &page,
            format: Format::Html,
            ..Input::default()
        };
        b.iter(|| normalize(black_box(&input), &options));
    });
    group.finish();
}

/// whatlang alone on each whole article, the detector the language stage is
/// built on, so a run puts the pipeline's time beside it.
fn whatlang_alone(c: &mut Criterion) {
    let mut group = c.benchmark_group("whatlang");
    for (size, text) in articles() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(size, |b| b.iter(|| whatlang::detect(black_box(&text))));
    }
    group.finish();
}

fn each_stage(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("stage");
    for (size, text) in articles() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        let input = Input {
            text: &text,
            url: TRACKED_URL,
            format: Format::Text,
            ..Input::default()
        };
        for stage in Stage::ALL.into_iter().filter(|stage| stage.reads(Format::Text)) {
            let ready = PartialDocument::before(input, stage, &options).expect("blocks");
            group.bench_with_input(BenchmarkId::new(stage.name(), size), &ready, |b, ready| {
                b.iter_batched(
                    || ready.clone(),
                    |mut partial| {
                        partial.run(stage).expect("the stage runs");
                        partial
                    },
                    BatchSize::SmallInput,
                );
            });
        }
    }
    group.finish();
}

/// The metadata step alone on each HTML fixture: what it adds per page.
fn page_metadata(c: &mut Criterion) {
    let mut group = c.benchmark_group("metadata");
    let dir = corpus_dir().join("../html");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    pages.sort();
    for path in pages {
        let html =
            std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let name = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default()
            .to_owned();
        let page = ParsedPage::parse(&html);
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(page.read_metadata(black_box("https://news.example/2026/03/harbour-wall"))));
        });
    }
    group.finish();
}

/// Short runs: the corpus is small and the figures are read side by side,
/// not tracked to the last percent.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = whole_pipeline, whatlang_alone, each_stage, page_metadata
}
criterion_main!(benches);
