//! `normalizer-eval lang`: language accuracy on held-apart sentences, one
//! folder per language named by its ISO 639-1 code with one sentence a line
//! in `sentences.txt` (the layout of lingua's public test data). Two shapes:
//! an article (a title sentence, then two paragraphs of three sentences) and
//! a single line. Each text goes through the whole pipeline, and to
//! whatlang alone on the same text, so the report puts ours beside the
//! detector it is built on, per language where the two differ.

use std::{collections::BTreeMap, fmt::Write as _, path::Path, time::Instant};

use anyhow::Context;
use normalizer_pipeline::{Input, Options, normalize};

/// The shapes each language's sentences are scored in, in report order.
const SHAPES: [&str; 2] = ["article", "single line"];

/// Sentences in the title of an article shape.
const TITLE_SENTENCES: usize = 1;

/// Sentences in each of its paragraphs.
const PARAGRAPH_SENTENCES: usize = 3;

/// Paragraphs in its body.
const PARAGRAPHS: usize = 2;

/// What one run found.
#[derive(Debug)]
pub struct Report {
    /// The Markdown report.
    pub text: String,
}

/// One shape's tally for one language: texts, right by us, right by whatlang.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    texts: usize,
    ours: usize,
    whatlang: usize,
}

impl Tally {
    fn add(&mut self, other: Self) {
        self.texts += other.texts;
        self.ours += other.ours;
        self.whatlang += other.whatlang;
    }
}

/// Scores every language folder of `dir`.
///
/// # Errors
/// The folder or a `sentences.txt` cannot be read.
pub fn evaluate(dir: &Path, options: &Options) -> anyhow::Result<Report> {
    let mut languages: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("sentences.txt").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();
    anyhow::ensure!(
        !languages.is_empty(),
        "{} holds no language folders",
        dir.display()
    );
    let mut by_language: BTreeMap<String, [Tally; 2]> = BTreeMap::new();
    let mut seconds = [0.0_f64; 2];
    for language in &languages {
        let path = dir.join(language).join("sentences.txt");
        let text =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let sentences: Vec<&str> = text.lines().map(str::trim).filter(|s| !s.is_empty()).collect();
        let articles = articles(&sentences);
        let (article, article_seconds) = score(language, articles.iter().map(String::as_str), options);
        let (line, line_seconds) = score(language, sentences.iter().copied(), options);
        seconds[0] += article_seconds[0];
        seconds[1] += article_seconds[1] + line_seconds[1];
        seconds[0] += line_seconds[0];
        by_language.insert(language.clone(), [article, line]);
    }
    // All languages, then only those whatlang knows: the others no
    // detector built on it can name.
    let mut totals = [[Tally::default(); 2]; 2];
    for (language, tallies) in &by_language {
        for (subset, counts) in totals.iter_mut().enumerate() {
            if subset == 0 || whatlang_knows(language) {
                counts[0].add(tallies[0]);
                counts[1].add(tallies[1]);
            }
        }
    }
    let known = languages
        .iter()
        .filter(|language| whatlang_knows(language))
        .count();
    let share = |right: usize, of: usize| if of == 0 { 0.0 } else { right as f64 / of as f64 };
    let mut text = String::new();
    writeln!(
        text,
        "# Language accuracy on {} ({} languages)\n",
        dir.display(),
        languages.len()
    )?;
    writeln!(
        text,
        "| languages | shape | texts | ours | whatlang alone |\n|---|---|---:|---:|---:|"
    )?;
    let subsets = [
        format!("all {}", languages.len()),
        format!("the {known} whatlang knows"),
    ];
    // One row of a table: what it is about, the shape, and the two shares.
    let row = |text: &mut String, about: &str, shape: &str, tally: Tally| {
        writeln!(
            text,
            "| {about} | {shape} | {} | {:.3} | {:.3} |",
            tally.texts,
            share(tally.ours, tally.texts),
            share(tally.whatlang, tally.texts)
        )
    };
    for (subset, counts) in subsets.iter().zip(totals) {
        for (shape, tally) in SHAPES.iter().zip(counts) {
            row(&mut text, subset, shape, tally)?;
        }
    }
    writeln!(
        text,
        "\nTime on one core: the whole pipeline {:.2} s, whatlang alone {:.2} s ({:.2} ×).\n",
        seconds[0],
        seconds[1],
        seconds[0] / seconds[1].max(f64::EPSILON)
    )?;
    writeln!(
        text,
        "Languages where the two differ:\n\n| language | shape | texts | ours | whatlang alone |\n|---|---|---:|---:|---:|"
    )?;
    for (language, tallies) in &by_language {
        for (shape, tally) in SHAPES.iter().zip(tallies) {
            if tally.ours != tally.whatlang {
                row(&mut text, language, shape, *tally)?;
            }
        }
    }
    Ok(Report { text })
}

/// Articles of consecutive sentences: a title, then the paragraphs.
fn articles(sentences: &[&str]) -> Vec<String> {
    let size = TITLE_SENTENCES + PARAGRAPHS * PARAGRAPH_SENTENCES;
    sentences
        .chunks_exact(size)
        .map(|chunk| {
            let (title, body) = chunk.split_at(TITLE_SENTENCES);
            let paragraphs = body
                .chunks(PARAGRAPH_SENTENCES)
                .map(|paragraph| paragraph.join(" "));
            std::iter::once(title.join(" "))
                .chain(paragraphs)
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .collect()
}

/// How many of `texts` the pipeline and whatlang alone put in `language`,
/// and the seconds each took.
fn score<'a>(language: &str, texts: impl Iterator<Item = &'a str>, options: &Options) -> (Tally, [f64; 2]) {
    let mut tally = Tally::default();
    let mut seconds = [0.0; 2];
    for text in texts {
        tally.texts += 1;
        let started = Instant::now();
        let ours = normalize(
            &Input {
                text,
                ..Input::default()
            },
            options,
        )
        .map(|record| record.language.code)
        .unwrap_or_default();
        seconds[0] += started.elapsed().as_secs_f64();
        let started = Instant::now();
        let alone = whatlang::detect_lang(text).map(iso639_1).unwrap_or_default();
        seconds[1] += started.elapsed().as_secs_f64();
        tally.ours += usize::from(ours == language);
        tally.whatlang += usize::from(alone == language);
    }
    (tally, seconds)
}

/// Whether whatlang can name the language of this ISO 639-1 code.
fn whatlang_knows(code: &str) -> bool {
    isolang::Language::from_639_1(code)
        .is_some_and(|language| whatlang::Lang::from_code(language.to_639_3()).is_some())
}

/// A whatlang language as ISO 639-1 where it has a code there, as the record
/// reports it.
fn iso639_1(lang: whatlang::Lang) -> String {
    isolang::Language::from_639_3(lang.code())
        .and_then(|language| language.to_639_1())
        .unwrap_or(lang.code())
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_a_title_sentence_and_two_paragraphs_of_three() {
        let sentences: Vec<String> = (0..15).map(|n| format!("S{n}.")).collect();
        let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
        let articles = articles(&sentences);
        assert_eq!(articles.len(), 2, "the last sentence makes no article");
        assert_eq!(articles[0], "S0.\n\nS1. S2. S3.\n\nS4. S5. S6.");
    }
}
