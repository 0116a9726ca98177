//! Fingerprints. `body_sha256` hashes the normalized body, so the
//! same story scraped twice, with different boilerplate and spacing, gets the
//! same value. `simhash` is a 64-bit SimHash of the body's three-word
//! shingles, so a lightly edited copy lands within a few bits.
//!
//! Reads: `Article::body`. Writes: `Article::fingerprint`.

use std::collections::VecDeque;

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
    let mut shingle = Shingle::default();
    let mut set_bits = SetBitCounts::default();
    let mut words = 0usize;
    for paragraph in body {
        for_each_word(paragraph, |word| {
            shingle.push(word);
            words += 1;
            if shingle.is_full() {
                set_bits.add(xxh3_64(shingle.text.as_bytes()));
            }
        });
    }
    match words {
        0 => 0,
        // Fewer words than a shingle holds: they are the one shingle.
        short if short < SHINGLE_WORDS => xxh3_64(shingle.text.as_bytes()),
        _ => set_bits.majority(),
    }
}

/// The last `SHINGLE_WORDS` words seen, lower-cased, one space between each
/// two: only a shingle is held, however long the body.
#[derive(Default)]
struct Shingle {
    text: String,
    /// The length of each word in `text`, first to last.
    word_lengths: VecDeque<usize>,
}

impl Shingle {
    /// Adds `word` at the end, dropping the first word when full.
    fn push(&mut self, word: &str) {
        if self.is_full() {
            let first = self.word_lengths.pop_front().unwrap_or_default();
            // The word and the space after it.
            self.text.drain(..(first + 1).min(self.text.len()));
        }
        if !self.word_lengths.is_empty() {
            self.text.push(' ');
        }
        let start = self.text.len();
        if word.is_ascii() {
            self.text.push_str(word);
            self.text[start..].make_ascii_lowercase();
        } else {
            // `str::to_lowercase`, not per character: a final sigma lowers
            // differently.
            self.text.push_str(&word.to_lowercase());
        }
        self.word_lengths.push_back(self.text.len() - start);
    }

    fn is_full(&self) -> bool {
        self.word_lengths.len() == SHINGLE_WORDS
    }
}

/// Calls `each` with the words of `paragraph`: its runs of alphanumeric
/// characters.
fn for_each_word<'a>(paragraph: &'a str, mut each: impl FnMut(&'a str)) {
    if !paragraph.is_ascii() {
        paragraph
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .for_each(each);
        return;
    }
    // ASCII text, the common case, is split a byte at a time rather than
    // decoded; `u8::is_ascii_alphanumeric` is `char::is_alphanumeric` there,
    // and every byte offset is a character boundary.
    let mut start = None;
    for (at, byte) in paragraph.bytes().enumerate() {
        match (byte.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                each(&paragraph[from..at]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        each(&paragraph[from..]);
    }
}

/// `BYTE_LANES[b]` holds bit `i` of `b` in its byte `i`, so adding it to a
/// `u64` counts one byte of a hash into eight byte-wide counters at once.
const BYTE_LANES: [u64; 256] = {
    let mut lanes = [0u64; 256];
    let mut byte = 0;
    while byte < 256 {
        let mut bit = 0;
        while bit < 8 {
            if byte >> bit & 1 == 1 {
                lanes[byte] |= 1 << (8 * bit);
            }
            bit += 1;
        }
        byte += 1;
    }
    lanes
};

/// For each of the 64 bits, how many of the hashes added have it set.
struct SetBitCounts {
    /// Counts of bits `8k..8k+8` in the bytes of `recent[k]`, for the hashes
    /// added since the last flush (at most 255, so no byte overflows).
    recent: [u64; 8],
    /// Hashes counted in `recent`.
    recent_hashes: u32,
    /// Counts flushed from `recent`.
    counts: [u32; 64],
    /// All hashes added.
    hashes: u32,
}

impl Default for SetBitCounts {
    fn default() -> Self {
        Self {
            recent: [0; 8],
            recent_hashes: 0,
            counts: [0; 64],
            hashes: 0,
        }
    }
}

impl SetBitCounts {
    fn add(&mut self, hash: u64) {
        for (byte, lanes) in hash.to_le_bytes().into_iter().zip(&mut self.recent) {
            *lanes += BYTE_LANES[usize::from(byte)];
        }
        self.recent_hashes += 1;
        self.hashes += 1;
        if self.recent_hashes == 255 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (lanes, counts) in self.recent.iter_mut().zip(self.counts.chunks_exact_mut(8)) {
            for (lane, count) in lanes.to_le_bytes().into_iter().zip(counts) {
                *count += u32::from(lane);
            }
            *lanes = 0;
        }
        self.recent_hashes = 0;
    }

    /// The hash whose bits are set where more than half the hashes have them.
    fn majority(mut self) -> u64 {
        self.flush();
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, count)| 2 * **count > self.hashes)
            .fold(0, |hash, (bit, _)| hash | 1 << bit)
    }
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

    #[test]
    fn simhash_values_stay_what_stored_fingerprints_hold() {
        // Callers keep these values to find duplicates later, so a faster
        // computation must give the same bits.
        let body: Vec<String> = vec![
            "The ferry to the northern islands ran late on Monday, after fog closed the harbour for most of the morning.".into(),
            "Öffnungszeiten: Die Fähre fährt wieder. ΟΔΟΣ".into(),
            "Two".into(),
        ];
        assert_eq!(simhash(&body), 0xb214_6eed_66e2_77a3);
        assert_eq!(simhash(&body[1..2]), 0x8000_2e0d_0024_2681);
        assert_eq!(simhash(&body[2..]), 0x6c05_60bd_cb29_998b);
    }

    #[test]
    fn set_bits_are_counted_past_the_byte_wide_flush() {
        // 1,000 hashes: several flushes of the byte-wide counters.
        let hashes: Vec<u64> = (0..1_000u64).map(|index| xxh3_64(&index.to_le_bytes())).collect();
        let mut set_bits = SetBitCounts::default();
        for &hash in &hashes {
            set_bits.add(hash);
        }
        let expected = (0..64).fold(0u64, |majority, bit| {
            let set = hashes.iter().filter(|hash| *hash >> bit & 1 == 1).count();
            if 2 * set > hashes.len() {
                majority | 1 << bit
            } else {
                majority
            }
        });
        assert_eq!(set_bits.majority(), expected);
    }
}
