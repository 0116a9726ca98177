//! The pipeline alone on the articles of a run: one thread of this process,
//! no gRPC. The bench compares the server's throughput with this per-core
//! rate, measured on the same articles.

use std::time::{Duration, Instant};

use normalizer_pipeline::{Format, Input, Options, normalize};
use normalizer_proto::v1::raw_article::Content;
use serde::Serialize;

use crate::articles::Articles;

/// How fast the pipeline alone normalized the articles, on one thread.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PipelineRate {
    /// Articles normalized per second.
    pub articles_per_second: f64,
    /// Megabytes (10^6 bytes) of article text normalized per second.
    pub megabytes_per_second: f64,
}

/// Normalizes the text articles in turn, whole rounds, for at least
/// `duration`.
pub fn measure(articles: &Articles, duration: Duration) -> PipelineRate {
    let texts: Vec<&str> = (0..articles.len() as u64)
        .filter_map(
            |sequence| match articles.pick(sequence).article.as_ref()?.content.as_ref()? {
                Content::Text(text) => Some(text.as_str()),
                Content::Html(_) | Content::HtmlBytes(_) => None,
            },
        )
        .collect();
    let options = Options::default();
    let start = Instant::now();
    let (mut count, mut bytes) = (0u64, 0u64);
    while !texts.is_empty() && (count == 0 || start.elapsed() < duration) {
        for text in &texts {
            let input = Input {
                text,
                url: "",
                format: Format::Text,
                ..Input::default()
            };
            // Refusals count too: the work was done.
            let _ = std::hint::black_box(normalize(&input, &options));
            count += 1;
            bytes += text.len() as u64;
        }
    }
    let seconds = start.elapsed().as_secs_f64().max(f64::MIN_POSITIVE);
    PipelineRate {
        articles_per_second: count as f64 / seconds,
        megabytes_per_second: bytes as f64 / 1e6 / seconds,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn every_article_of_the_corpus_is_normalized_at_least_once() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/text");
        let articles = Articles::from_corpus(&corpus, 2000).expect("the corpus loads");
        let rate = measure(&articles, Duration::ZERO);
        assert!(rate.articles_per_second > 0.0);
        assert!(rate.megabytes_per_second > 0.0);
    }
}
