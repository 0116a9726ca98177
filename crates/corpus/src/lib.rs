//! The fixture corpus: one folder per article, `<case>/input.txt` beside
//! `expected.json`, the record an editor expects in a compact shape (body
//! and paragraphs as plain strings, the language as its code). Records are
//! compared with it field by field, by the black-box tests over gRPC and by
//! `normalizer-eval text`.

use std::path::{Path, PathBuf};

use normalizer_proto::v1::{NormalizedArticle, Paragraph};
use serde_json::{Value, json};

/// One fixture article.
#[derive(Debug)]
pub struct Fixture {
    /// The folder name, e.g. `de-02-wire-copy`; its first part names the language.
    pub name: String,
    /// The raw input.
    pub input: String,
    /// The expected record, in the compact shape.
    pub expected: Value,
}

/// The fields an expected record lists, in order: each is scored on its own.
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

/// Why the corpus cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct CorpusError {
    /// The file or folder.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

/// Every fixture in `dir`, sorted by name.
///
/// # Errors
/// A folder or file that cannot be read, or an `expected.json` that is not JSON.
pub fn load(dir: &Path) -> Result<Vec<Fixture>, CorpusError> {
    let error = |path: &Path, reason: &dyn std::fmt::Display| CorpusError {
        path: path.to_owned(),
        reason: reason.to_string(),
    };
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| error(dir, &e))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
        .into_iter()
        .map(|folder| {
            let read = |file: &str| {
                let path = folder.join(file);
                std::fs::read_to_string(&path).map_err(|e| error(&path, &e))
            };
            let expected = serde_json::from_str(&read("expected.json")?)
                .map_err(|e| error(&folder.join("expected.json"), &e))?;
            Ok(Fixture {
                name: folder
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                input: read("input.txt")?,
                expected,
            })
        })
        .collect()
}

impl Fixture {
    /// The language the fixture is written in: the first part of its name.
    pub fn language(&self) -> &str {
        self.name.split('-').next().unwrap_or_default()
    }
}

/// A record in the fixtures' compact shape.
pub fn compact(record: &NormalizedArticle) -> Value {
    let texts =
        |paragraphs: &[Paragraph]| -> Vec<String> { paragraphs.iter().map(|p| p.text.clone()).collect() };
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

/// Whether `field` of `actual` is exactly as expected.
pub fn field_matches(expected: &Value, actual: &Value, field: &str) -> bool {
    expected.get(field) == actual.get(field)
}

/// The fields where `actual` differs from `expected`, each with both values.
pub fn mismatches(expected: &Value, actual: &Value) -> Vec<String> {
    FIELDS
        .iter()
        .filter(|field| !field_matches(expected, actual, field))
        .map(|field| {
            format!(
                "{field}:\n  expected {}\n  got      {}",
                expected.get(*field).unwrap_or(&Value::Null),
                actual.get(*field).unwrap_or(&Value::Null)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use normalizer_proto::v1::Language;

    #[test]
    fn a_record_is_compared_field_by_field() {
        let record = NormalizedArticle {
            title: "T".into(),
            body: vec![Paragraph { text: "B".into() }],
            language: Some(Language {
                code: "en".into(),
                ..Language::default()
            }),
            ..NormalizedArticle::default()
        };
        let mut expected = compact(&record);
        assert!(mismatches(&expected, &compact(&record)).is_empty());
        expected["title"] = Value::from("Other");
        let found = mismatches(&expected, &compact(&record));
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("title:"), "{}", found[0]);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let error = load(Path::new("no/such/folder")).expect_err("missing");
        assert!(error.to_string().starts_with("no/such/folder"), "{error}");
    }
}
