//! `article-normalizer normalize DIR|FILE.jsonl`: many articles at once, on
//! every core. A directory gives one article per `.txt`, `.html` or `.htm`
//! file (its id is the path below the directory); a JSON-lines file gives one `RawArticle` (proto
//! JSON) per line. Each article becomes one line of output: a
//! `NormalizeResponse` in proto JSON, in input order, with the record or the
//! error. A progress bar shows on a terminal; a summary ends the run.

use std::{
    fs::File,
    io::{BufRead, BufReader, BufWriter, IsTerminal, Write},
    path::{Path, PathBuf},
    time::Instant,
};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use normalizer_pipeline::{Options, SourceCharset, decode_page};
use normalizer_proto::v1 as pb;
use rayon::prelude::*;

use crate::{
    convert::{ArticleInput, charset_to_proto},
    error::ServiceError,
    service::normalize_input,
};

/// An article of a run, and the charset a text file was decoded from when
/// it was not UTF-8 (the record then says so rather than `UTF-8`).
type Article = (pb::RawArticle, Option<SourceCharset>);

/// Articles read and normalized together: bounds memory on any input size.
const CHUNK: usize = 512;

/// How each article of a run is normalized.
struct ChunkSettings<'a> {
    /// `limits.max_article_bytes`.
    max_article_bytes: usize,
    /// `pipeline.*`.
    options: &'a Options,
}

/// What a run did.
#[derive(Debug, Default)]
struct Summary {
    articles: usize,
    bytes: usize,
    errors: usize,
}

/// Whether `path` is read as many articles rather than one.
pub fn is_bulk(path: &Path) -> bool {
    path.is_dir()
        || matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "ndjson")
        )
}

/// Normalizes every article of `path`, writing JSON lines to `output`
/// (standard output when `None`).
///
/// # Errors
/// The input cannot be read or the output written. Refused articles are not
/// errors of the run: they are reported in their own lines and counted.
pub fn run(
    path: &Path,
    output: Option<&Path>,
    max_article_bytes: usize,
    options: &Options,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut out: Box<dyn Write> = match output {
        Some(file) => Box::new(BufWriter::new(
            File::create(file).with_context(|| format!("cannot create {}", file.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut summary = Summary::default();
    let settings = ChunkSettings {
        max_article_bytes,
        options,
    };
    if path.is_dir() {
        let files = text_files(path)?;
        let progress = progress_bar(Some(files.len() as u64));
        for chunk in files.chunks(CHUNK) {
            let articles: Vec<Result<Article, ServiceError>> = chunk
                .par_iter()
                .map(|file| {
                    let bytes = std::fs::read(file).map_err(|e| ServiceError::Unreadable {
                        path: file.display().to_string(),
                        reason: e.to_string(),
                    })?;
                    let id = file
                        .strip_prefix(path)
                        .unwrap_or(file)
                        .to_string_lossy()
                        .into_owned();
                    let (content, charset) = file_content(file, bytes, false);
                    Ok((
                        pb::RawArticle {
                            id,
                            url: String::new(),
                            content: Some(content),
                            content_type: String::new(),
                        },
                        charset,
                    ))
                })
                .collect();
            write_chunk(articles, &settings, &mut out, &mut summary, &progress)?;
        }
        progress.finish_and_clear();
    } else {
        let reader =
            BufReader::new(File::open(path).with_context(|| format!("cannot open {}", path.display()))?);
        let progress = progress_bar(None);
        let mut lines = reader.lines().enumerate().peekable();
        while lines.peek().is_some() {
            let mut articles = Vec::with_capacity(CHUNK);
            for (number, line) in lines.by_ref().take(CHUNK) {
                let line =
                    line.with_context(|| format!("cannot read line {} of {}", number + 1, path.display()))?;
                if line.trim().is_empty() {
                    continue;
                }
                articles.push(
                    serde_json::from_str::<pb::RawArticle>(&line)
                        .map(|article| (article, None))
                        .map_err(|e| ServiceError::NotARawArticle {
                            line: number + 1,
                            reason: e.to_string(),
                        }),
                );
            }
            write_chunk(articles, &settings, &mut out, &mut summary, &progress)?;
        }
        progress.finish_and_clear();
    }
    out.flush()?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{} articles, {:.2} MB in {seconds:.2} s ({:.1} MB/s), {} errors",
        summary.articles,
        summary.bytes as f64 / 1e6,
        summary.bytes as f64 / 1e6 / seconds.max(1e-9),
        summary.errors
    );
    Ok(())
}

/// Normalizes one chunk on every core and writes it in order.
fn write_chunk(
    articles: Vec<Result<Article, ServiceError>>,
    settings: &ChunkSettings<'_>,
    out: &mut dyn Write,
    summary: &mut Summary,
    progress: &ProgressBar,
) -> anyhow::Result<()> {
    let responses: Vec<(usize, pb::NormalizeResponse)> = articles
        .into_par_iter()
        .map(|article| match article {
            Ok((article, charset)) => respond(article, charset, settings.max_article_bytes, settings.options),
            Err(error) => (
                0,
                pb::NormalizeResponse {
                    article: None,
                    id: String::new(),
                    error: Some(error.into()),
                },
            ),
        })
        .collect();
    for (bytes, response) in responses {
        summary.articles += 1;
        summary.bytes += bytes;
        summary.errors += usize::from(response.error.is_some());
        serde_json::to_writer(&mut *out, &response)?;
        out.write_all(b"\n")?;
        progress.inc(1);
    }
    Ok(())
}

/// The response for one article, and its size in bytes; `charset` is the
/// one a text file was decoded from, for the record.
fn respond(
    article: pb::RawArticle,
    charset: Option<SourceCharset>,
    max_article_bytes: usize,
    options: &Options,
) -> (usize, pb::NormalizeResponse) {
    let id = article.id.clone();
    let bytes = match &article.content {
        Some(pb::raw_article::Content::Text(text) | pb::raw_article::Content::Html(text)) => text.len(),
        Some(pb::raw_article::Content::HtmlBytes(bytes)) => bytes.len(),
        None => 0,
    };
    let request = pb::NormalizeRequest {
        article: Some(article),
        options: None,
    };
    let result = ArticleInput::parse(request, max_article_bytes)
        .and_then(|input| normalize_input(input, options))
        .map(|mut record| {
            if let Some(charset) = charset {
                record.source_charset = Some(charset_to_proto(charset));
            }
            record
        });
    let response = match result {
        Ok(record) => pb::NormalizeResponse {
            article: Some(record),
            id,
            error: None,
        },
        Err(error) => pb::NormalizeResponse {
            article: None,
            id,
            error: Some(error.into()),
        },
    };
    (bytes, response)
}

/// The content of a file read as bytes: a page (`html_bytes`, decoded by
/// the server's own charset rules) when `html` is set or the file is named
/// `.html` or `.htm`; plain text otherwise, and a text file that is not
/// UTF-8 is decoded by the same rules (byte order mark, else detection),
/// with the charset it was read in for the record.
pub fn file_content(
    path: &Path,
    bytes: Vec<u8>,
    html: bool,
) -> (pb::raw_article::Content, Option<SourceCharset>) {
    if html || is_html_file(path) {
        return (pb::raw_article::Content::HtmlBytes(bytes), None);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (pb::raw_article::Content::Text(text), None),
        Err(not_utf8) => {
            let decoded = decode_page(not_utf8.as_bytes(), "", "");
            (
                pb::raw_article::Content::Text(decoded.text.into_owned()),
                Some(decoded.charset),
            )
        }
    }
}

fn is_html_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "htm"))
}

/// The `.txt`, `.html` and `.htm` files below `dir`, sorted, at any depth.
fn text_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in
            std::fs::read_dir(&folder).with_context(|| format!("cannot read {}", folder.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") || is_html_file(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A progress bar on a terminal, nothing otherwise.
fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match total {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} articles, {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    }
}
