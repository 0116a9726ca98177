//! The fixture corpus: `tests/fixtures/text/<case>/input.txt` beside
//! `expected.json`, the record an editor expects, compared field by field.

use std::path::{Path, PathBuf};

use normalizer_proto::v1::NormalizedArticle;
use serde_json::{Value, json};

/// One fixture article.
#[derive(Debug)]
pub struct Fixture {
    /// The folder name.
    pub name: String,
    /// The raw input.
    pub input: String,
    /// The expected record, in the fixture's compact shape.
    pub expected: Value,
}

/// The fields an expected record lists, in order.
pub const FIELDS: &[&str] = &[
    "title",
    "authors",
    "publisher",
    "republishers",
    "body",
    "captions",
    "commentary",
    "language",
    "see_also",
    "removed",
];

/// The folder of the text corpus.
pub fn text_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text")
}

/// Every fixture in `dir`, sorted by name.
pub fn load(dir: &Path) -> Vec<Fixture> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.is_dir())
        .collect();
    entries.sort();
    entries
        .into_iter()
        .map(|path| {
            let read = |file: &str| {
                std::fs::read_to_string(path.join(file))
                    .unwrap_or_else(|error| panic!("cannot read {}/{file}: {error}", path.display()))
            };
            let expected: Value = serde_json::from_str(&read("expected.json"))
                .unwrap_or_else(|error| panic!("{}/expected.json: {error}", path.display()));
            Fixture {
                name: path
                    .file_name()
                    .expect("a folder name")
                    .to_string_lossy()
                    .into_owned(),
                input: read("input.txt"),
                expected,
            }
        })
        .collect()
}

/// A record in the fixtures' compact shape.
pub fn compact(record: &NormalizedArticle) -> Value {
    let texts = |paragraphs: &[normalizer_proto::v1::Paragraph]| -> Vec<String> {
        paragraphs.iter().map(|p| p.text.clone()).collect()
    };
    json!({
        "title": record.title,
        "authors": record.authors,
        "publisher": record.publisher,
        "republishers": record.republishers,
        "body": texts(&record.body),
        "captions": record.captions.iter().map(|c| json!({"text": c.text, "occurrences": c.occurrences})).collect::<Vec<_>>(),
        "commentary": record.commentary.iter().map(|c| json!({"label": c.label, "paragraphs": texts(&c.paragraphs)})).collect::<Vec<_>>(),
        "language": record.language.as_ref().map(|l| l.code.clone()).unwrap_or_default(),
        "see_also": record.see_also.iter().map(|l| json!({"text": l.text, "url": l.url})).collect::<Vec<_>>(),
        "removed": record.removed.iter().map(|r| json!({"kind": r.kind, "text": r.text})).collect::<Vec<_>>(),
    })
}

/// The fields where `actual` differs from `expected`, each with both values.
pub fn mismatches(expected: &Value, actual: &Value) -> Vec<String> {
    FIELDS
        .iter()
        .filter(|field| expected.get(**field) != actual.get(**field))
        .map(|field| {
            format!(
                "{field}:\n  expected {}\n  got      {}",
                expected.get(*field).unwrap_or(&Value::Null),
                actual.get(*field).unwrap_or(&Value::Null)
            )
        })
        .collect()
}
