//! Stage 10: fingerprints. `body_sha256` hashes the normalized body, so the
//! same story scraped twice, with different boilerplate and spacing, gets the
//! same value. `simhash` is a 64-bit SimHash of the body's three-word
//! shingles, so a lightly edited copy lands within a few bits.

use std::ops::Range;

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
    // The lower-cased words, one after another in one buffer: one
    // allocation for the body rather than one per word.
    let mut lowered = String::new();
    let mut words: Vec<Range<usize>> = Vec::new();
    for word in body
        .iter()
        .flat_map(|paragraph| paragraph.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
    {
        let start = lowered.len();
        if word.is_ascii() {
            lowered.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            // `str::to_lowercase`, not per character: a final sigma lowers
            // differently.
            lowered.push_str(&word.to_lowercase());
        }
        words.push(start..lowered.len());
    }
    if words.is_empty() {
        return 0;
    }
    let mut weights = [0i64; 64];
    let mut shingle = String::new();
    for window in words.windows(SHINGLE_WORDS.min(words.len())) {
        shingle.clear();
        for (index, word) in window.iter().enumerate() {
            if index > 0 {
                shingle.push(' ');
            }
            shingle.push_str(&lowered[word.clone()]);
        }
        let hash = xxh3_64(shingle.as_bytes());
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
    fn simhash_lowers_words_as_whole_words() {
        // Lowered as a whole word, a closing capital sigma becomes `ς`.
        assert_eq!(
            simhash(&paragraphs("ΟΔΟΣ ΚΑΙ ΓΕΦΥΡΑ")),
            simhash(&paragraphs("\u{3BF}\u{3B4}\u{3BF}\u{3C2} και γεφυρα"))
        );
    }

    #[test]
    fn simhash_ignores_case_and_punctuation() {
        assert_eq!(
            simhash(&paragraphs("The river rose, fast.")),
            simhash(&paragraphs("the RIVER rose fast"))
        );
    }
}
