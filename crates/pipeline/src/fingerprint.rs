//! Stage 10: fingerprints. `body_sha256` hashes the normalized body, so the
//! same story scraped twice, with different boilerplate and spacing, gets the
//! same value. `simhash` is a 64-bit SimHash of the body's three-word
//! shingles, so a lightly edited copy lands within a few bits.

use sha2::{Digest, Sha256};
use xxhash_rust::xxh3::xxh3_64;

use crate::{article::Fingerprint, document::Document};

/// Words per shingle: long enough that word order matters, short enough
/// that one changed sentence touches few shingles.
const SHINGLE_WORDS: usize = 3;

/// Fills `Article::fingerprint`.
pub(crate) fn apply(doc: &mut Document) {
    doc.article.fingerprint = Fingerprint {
        body_sha256: body_sha256(&doc.article.body),
        simhash: simhash(&doc.article.body),
    };
}

/// Lower-case hex SHA-256 of the paragraphs joined with `\n`.
fn body_sha256(body: &[String]) -> String {
    let mut hasher = Sha256::new();
    for (index, paragraph) in body.iter().enumerate() {
        if index > 0 {
            hasher.update(b"\n");
        }
        hasher.update(paragraph.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// SimHash of the lower-cased word shingles of the body; 0 for no words.
fn simhash(body: &[String]) -> u64 {
    let words: Vec<String> = body
        .iter()
        .flat_map(|paragraph| paragraph.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return 0;
    }
    let mut weights = [0i64; 64];
    for shingle in words.windows(SHINGLE_WORDS.min(words.len())) {
        let hash = xxh3_64(shingle.join(" ").as_bytes());
        for (bit, weight) in weights.iter_mut().enumerate() {
            *weight += if hash >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    weights
        .iter()
        .enumerate()
        .filter(|(_, weight)| **weight > 0)
        .fold(0, |hash, (bit, _)| hash | 1 << bit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        text.split("\n\n").map(str::to_owned).collect()
    }

    #[test]
    fn the_hash_is_of_the_paragraphs_joined_with_newlines() {
        let body = vec!["One.".to_owned(), "Two.".to_owned()];
        let expected = hex::encode(Sha256::digest(b"One.\nTwo."));
        assert_eq!(body_sha256(&body), expected);
    }

    #[test]
    fn an_empty_body_hashes_the_empty_string_and_has_simhash_zero() {
        assert_eq!(
            body_sha256(&[]),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(simhash(&[]), 0);
    }

    #[test]
    fn simhash_ignores_case_and_punctuation() {
        assert_eq!(
            simhash(&paragraphs("The river rose, fast.")),
            simhash(&paragraphs("the RIVER rose fast"))
        );
    }
}
