//! Robustness fuzzing of the whole pipeline, plain text and HTML. One input
//! is a byte string: the first byte picks the format and the URL, the rest is
//! the article, read as UTF-8 with invalid bytes replaced. [`check`]
//! normalizes it and holds the outcome to what every caller relies on: no
//! panic, only the refusals the input can explain, and a well-formed record.
//!
//! Normalizing a record's own text again is not checked here: it gives the
//! same record only for a clean article (`crates/pipeline/tests/properties.rs`
//! asserts it there). Any text breaks it, e.g. a page whose only block is a
//! body paragraph: the record has no title, and its text read again makes
//! that paragraph the title.
//!
//! # Layout
//! - [`Case`]: the fuzzer's bytes as a pipeline input, and back ([`Case::to_bytes`]
//!   writes the seed corpus).
//! - [`check`]: normalize one case and test the invariants.
//! - `fuzz_targets/normalize.rs`: the libFuzzer target (`make fuzz`).
//! - `tests/short_run.rs`: the same check over the fixtures and mutations of
//!   them, bounded, in `cargo test`.

use std::path::Path;

use normalizer_pipeline::{Article, Format, Input, NormalizeError, Options, normalize};

/// Page URLs an input may carry, picked by bits 1 and 2 of its first byte:
/// none, one with tracking parameters and a fragment to drop, one with a
/// default port and an upper-case host, and one that is not absolute.
pub const URLS: [&str; 4] = [
    "",
    "https://news.example/2024/05/harbour-wall?utm_source=feed&id=7#comments",
    "http://NEWS.example:80/story",
    "/not/absolute",
];

/// Stack of the thread each case runs on: tokio's default for the blocking
/// threads the server normalizes on, so a recursion that would overflow the
/// server's stack fails here too (the fuzzer's main thread has more).
pub const STACK_BYTES: usize = 2 * 1024 * 1024;

/// One fuzz input as the pipeline sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Plain text or HTML: bit 0 of the first byte.
    pub format: Format,
    /// Index into [`URLS`]: bits 1 and 2 of the first byte.
    pub url: usize,
    /// The article: the bytes after the first, lossily UTF-8.
    pub text: String,
}

impl Case {
    /// The case a fuzzer's bytes stand for; an empty input is empty text.
    pub fn from_bytes(data: &[u8]) -> Self {
        let (first, rest) = data
            .split_first()
            .map_or((0, &[][..]), |(first, rest)| (*first, rest));
        Self {
            format: if first & 1 == 0 {
                Format::Text
            } else {
                Format::Html
            },
            url: usize::from((first >> 1) & 3),
            text: String::from_utf8_lossy(rest).into_owned(),
        }
    }

    /// The bytes [`Case::from_bytes`] reads back as this case.
    pub fn to_bytes(&self) -> Vec<u8> {
        let format = u8::from(self.format == Format::Html);
        // `url` is below 4 for every case `from_bytes` gives.
        let url = u8::try_from(self.url & 3).unwrap_or_default();
        let mut bytes = vec![format | url << 1];
        bytes.extend_from_slice(self.text.as_bytes());
        bytes
    }

    fn input(&self) -> Input<'_> {
        Input {
            text: &self.text,
            url: URLS[self.url % URLS.len()],
            format: self.format,
            ..Input::default()
        }
    }
}

/// An invariant a normalized record or a refusal broke.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{invariant}: {detail}")]
pub struct Violation {
    /// The invariant, as a short sentence.
    pub invariant: &'static str,
    /// What was found instead.
    pub detail: String,
}

/// Normalizes `case` on a thread with [`STACK_BYTES`] of stack and checks
/// the outcome. A panic in the pipeline is resumed on the caller's thread,
/// so the fuzzer or test sees it as its own.
///
/// # Errors
/// The first invariant the outcome breaks.
pub fn check(case: &Case) -> Result<(), Violation> {
    let outcome = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("normalize".to_owned())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || normalize(&case.input(), &Options::default()))
            .map(|thread| thread.join())
    });
    match outcome {
        Ok(Ok(result)) => check_outcome(case, &result),
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        // No thread to run on: run here rather than report a false failure.
        Err(_) => check_outcome(case, &normalize(&case.input(), &Options::default())),
    }
}

/// The invariants of one outcome.
fn check_outcome(case: &Case, result: &Result<Article, NormalizeError>) -> Result<(), Violation> {
    let url_is_absolute = case.input().url.is_empty() || url::Url::parse(case.input().url).is_ok();
    match result {
        Ok(article) => {
            ensure(url_is_absolute, "a URL that is not absolute is refused", || {
                case.input().url.to_owned()
            })?;
            check_article(article)
        }
        Err(NormalizeError::BlankText) => Ok(()),
        Err(NormalizeError::InvalidUrl { .. }) => ensure(
            !url_is_absolute,
            "only a URL that is not absolute is refused as invalid",
            || case.input().url.to_owned(),
        ),
        Err(NormalizeError::TooDeep { .. }) => {
            ensure(case.format == Format::Html, "only HTML can nest too deep", || {
                format!("{:?}", case.format)
            })
        }
    }
}

/// The invariants of a record, whatever the input.
fn check_article(article: &Article) -> Result<(), Violation> {
    if !article.url.is_empty() {
        ensure(
            url::Url::parse(&article.url).is_ok(),
            "the record's URL is absolute",
            || article.url.clone(),
        )?;
    }
    ensure(is_one_line(&article.title), "the title is one line", || {
        format!("{:?}", article.title)
    })?;
    for paragraph in &article.body {
        ensure(
            !paragraph.trim().is_empty() && is_one_line(paragraph),
            "body paragraphs are one line of text",
            || format!("{paragraph:?}"),
        )?;
    }
    let stats = &article.stats;
    ensure(
        usize::try_from(stats.paragraphs).ok() == Some(article.body.len()),
        "stats.paragraphs counts the body paragraphs",
        || format!("{} for {} paragraphs", stats.paragraphs, article.body.len()),
    )?;
    let words: usize = article.body.iter().map(|p| p.split_whitespace().count()).sum();
    ensure(
        usize::try_from(stats.words).ok() == Some(words),
        "stats.words counts the body's words",
        || format!("{} for {words} words", stats.words),
    )?;
    let sha256 = &article.fingerprint.body_sha256;
    ensure(
        sha256.len() == 64
            && sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "fingerprint.body_sha256 is 64 lower-case hex digits",
        || sha256.clone(),
    )?;
    for caption in &article.captions {
        ensure(
            caption.occurrences >= 1 && !caption.text.trim().is_empty(),
            "a caption has text and was printed at least once",
            || format!("{caption:?}"),
        )?;
    }
    for commentary in &article.commentary {
        ensure(
            commentary.paragraphs.iter().all(|p| !p.trim().is_empty()),
            "commentary paragraphs have text",
            || format!("{commentary:?}"),
        )?;
    }
    for removed in &article.removed {
        ensure(
            !removed.text.trim().is_empty(),
            "a removed block has text",
            || format!("{removed:?}"),
        )?;
    }
    let confidence = article.language.confidence;
    ensure(
        (0.0..=1.0).contains(&confidence),
        "the language confidence is between 0 and 1",
        || confidence.to_string(),
    )
}

fn is_one_line(text: &str) -> bool {
    !text.contains(['\n', '\r'])
}

fn ensure(holds: bool, invariant: &'static str, detail: impl FnOnce() -> String) -> Result<(), Violation> {
    if holds {
        Ok(())
    } else {
        Err(Violation {
            invariant,
            detail: detail(),
        })
    }
}

/// The seed corpus: every text fixture as plain text and every HTML fixture
/// as HTML, without a URL, named after the fixture.
///
/// # Errors
/// A fixture folder or file that cannot be read.
pub fn seeds(fixtures: &Path) -> std::io::Result<Vec<(String, Case)>> {
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(fixtures.join("text"))? {
        let dir = entry?.path();
        let name = dir
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(dir.join("input.txt"))?;
        seeds.push((
            format!("text-{name}"),
            Case {
                format: Format::Text,
                url: 0,
                text,
            },
        ));
    }
    for entry in std::fs::read_dir(fixtures.join("html"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "html") {
            let name = path
                .file_stem()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path)?;
            seeds.push((
                format!("html-{name}"),
                Case {
                    format: Format::Html,
                    url: 0,
                    text,
                },
            ));
        }
    }
    seeds.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(seeds)
}

#[cfg(test)]
mod tests {
    use normalizer_pipeline::{Caption, normalize_text};

    use super::*;

    fn clean_case() -> Case {
        Case {
            format: Format::Text,
            url: 1,
            text: "Bridge reopens\n\nThe bridge reopened on Monday.\n\nTraffic was light.".to_owned(),
        }
    }

    #[test]
    fn a_case_reads_back_from_its_bytes() {
        for format in [Format::Text, Format::Html] {
            for url in 0..URLS.len() {
                let case = Case {
                    format,
                    url,
                    ..clean_case()
                };
                assert_eq!(Case::from_bytes(&case.to_bytes()), case);
            }
        }
        assert_eq!(Case::from_bytes(b"").text, "");
    }

    #[test]
    fn a_clean_article_passes() {
        assert_eq!(check(&clean_case()), Ok(()));
    }

    #[test]
    fn a_record_with_a_paragraph_on_two_lines_is_a_violation() {
        let mut article = normalize_text(&clean_case().text).expect("a record");
        article.body[0].push_str("\nand more");
        let violation = check_outcome(&clean_case(), &Ok(article)).expect_err("a violation");
        assert_eq!(violation.invariant, "body paragraphs are one line of text");
    }

    #[test]
    fn a_record_with_a_caption_never_printed_is_a_violation() {
        let mut article = normalize_text(&clean_case().text).expect("a record");
        article.captions.push(Caption {
            text: "A ferry.".to_owned(),
            occurrences: 0,
        });
        assert!(check_outcome(&clean_case(), &Ok(article)).is_err());
    }

    #[test]
    fn plain_text_refused_as_too_deep_is_a_violation() {
        let too_deep = Err(NormalizeError::TooDeep { limit: 1 });
        assert!(check_outcome(&clean_case(), &too_deep).is_err());
    }

    #[test]
    fn a_url_that_is_not_absolute_must_be_refused() {
        let case = Case {
            url: 3,
            ..clean_case()
        };
        assert!(matches!(
            normalize(&case.input(), &Options::default()),
            Err(NormalizeError::InvalidUrl { .. })
        ));
        let article = normalize_text(&case.text);
        assert!(check_outcome(&case, &article).is_err());
    }
}
