//! `normalizer-eval`: the developer's scoring tool, apart from the product.
//! It runs the same pipeline and the same request conversion as the server,
//! in process, and prints Markdown reports.
//!
//! # Layout
//! - `text`: the quality report over the fixture corpus.
//! - `html`: main content and `page_type` on the HTML benchmarks.
//! - `lang`: language accuracy on sentences, beside whatlang alone.
//! - `dates`: publication dates on real pages, scored as htmldate scores them.
//! - `wcxb`: title, authors and date on the WCXB pages, right on N of M.

mod dates;
mod html;
mod lang;
mod text;
mod wcxb;

use std::path::PathBuf;

use article_normalizer::settings::{ConfigFlag, Settings};
use clap::{Parser, Subcommand};

/// Scores the article normalizer on fixtures and public benchmarks.
#[derive(Debug, Parser)]
#[command(name = "normalizer-eval", version, about)]
struct Cli {
    /// What to score.
    #[command(subcommand)]
    command: Command,
    /// The settings the pipeline runs with, as the server would load them.
    #[command(flatten)]
    config: ConfigFlag,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score the pipeline on a fixture corpus (`<case>/input.txt` beside
    /// `expected.json`) and print the quality report.
    Text {
        /// The corpus folder.
        #[arg(default_value = "tests/fixtures/text", value_name = "DIR")]
        dir: PathBuf,
        /// Fail when a field is exact in fewer than this percentage of articles.
        #[arg(long, default_value_t = 100.0, value_name = "PERCENT")]
        min_exact: f64,
    },
    /// Score main-content extraction and `page_type` on benchmarks laid out
    /// as Scrapinghub's (`html/<id>.html.gz`, `ground-truth.json`) or WCXB's
    /// (`html/<id>.html.gz`, `ground-truth/<id>.json`): word F1 per page
    /// type, `page_type` accuracy, pages per second and memory.
    Html {
        /// The benchmark folders.
        #[arg(value_name = "DIR", required = true)]
        dirs: Vec<PathBuf>,
        /// Score every N-th page only (1 for all).
        #[arg(long, default_value_t = 1, value_name = "N")]
        every: usize,
        /// The reference tool's scores on the same pages, as
        /// `scripts/html_trafilatura.py --out` writes them.
        #[arg(long, value_name = "FILE")]
        reference: Option<PathBuf>,
        /// Fail when the word F1 of a benchmark is under this floor.
        #[arg(long, default_value_t = 0.0, value_name = "F1")]
        min_f1: f64,
        /// Also list each page whose `page_type` is wrong: labelled beside
        /// ours, with its URL and word F1; and the pages where our word F1
        /// trails the reference's most (our lowest without a reference).
        #[arg(long)]
        failures: bool,
    },
    /// Language accuracy on sentences (`<code>/sentences.txt`), as articles
    /// and as single lines, beside whatlang alone on the same texts.
    Lang {
        /// The folder of language folders.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Score publication dates on a benchmark laid out as htmldate's
    /// (`expected-dates.json`, `html/<page>.gz`): exact-day precision, recall,
    /// F1 and coverage.
    Dates {
        #[command(flatten)]
        pages: Pages,
        /// Fail when F1 is under this floor.
        #[arg(long, default_value_t = 0.0, value_name = "F1")]
        min_f1: f64,
        /// Also list each page scored wrong or missed: expected beside ours.
        #[arg(long)]
        failures: bool,
    },
    /// Score title, authors and publication date on the WCXB pages
    /// (`html/<id>.html.gz`, `ground-truth/<id>.json`): right on N of M.
    Wcxb {
        #[command(flatten)]
        pages: Pages,
        /// Also list each field scored wrong, missed or extra (given where
        /// the ground truth gives none): expected beside ours.
        #[arg(long)]
        failures: bool,
    },
}

/// A benchmark folder, scored whole or on a sample of its pages.
#[derive(Debug, clap::Args)]
struct Pages {
    /// The benchmark folder.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Score every N-th page only (1 for all).
    #[arg(long, default_value_t = 1, value_name = "N")]
    every: usize,
}

/// One row of a failure table: the cells with `|` and line breaks escaped,
/// an empty one as `-`.
fn failure_row(cells: &[&str]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|cell| {
            let cell = cell.split_whitespace().collect::<Vec<_>>().join(" ");
            if cell.is_empty() {
                "-".to_owned()
            } else {
                cell.replace('|', "\\|")
            }
        })
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Fails when a score is under its floor.
fn at_least(score: f64, floor: f64, what: &str) -> anyhow::Result<()> {
    anyhow::ensure!(score >= floor, "{what} {score:.3} is under the floor of {floor}");
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.file.as_deref(), &[])?;
    match cli.command {
        Command::Text { dir, min_exact } => {
            let report = text::evaluate(&dir, &settings)?;
            print!("{}", report.text);
            anyhow::ensure!(
                report.lowest_percent >= min_exact,
                "a field is exact in only {:.1} % of the articles, under the floor of {min_exact} %",
                report.lowest_percent
            );
            Ok(())
        }
        Command::Dates {
            pages,
            min_f1,
            failures,
        } => {
            let report = dates::evaluate(&pages.dir, pages.every, &settings.pipeline.options, failures)?;
            print!("{}", report.text);
            at_least(report.f1, min_f1, "date F1")
        }
        Command::Wcxb { pages, failures } => {
            let report = wcxb::evaluate(&pages.dir, pages.every, &settings.pipeline.options, failures)?;
            print!("{}", report.text);
            Ok(())
        }
        Command::Html {
            dirs,
            every,
            reference,
            min_f1,
            failures,
        } => {
            let report = html::evaluate(
                &dirs,
                every,
                &settings.pipeline.options,
                reference.as_deref(),
                failures,
            )?;
            print!("{}", report.text);
            at_least(report.f1, min_f1, "F1")
        }
        Command::Lang { dir } => {
            print!("{}", lang::evaluate(&dir, &settings.pipeline.options)?.text);
            Ok(())
        }
    }
}
