//! Body statistics, for callers that route or bill by length.
//!
//! Reads: `Article::body`. Writes: `Article::stats`.

use crate::{article::Stats, document::Document};

/// Fills `Article::stats` from the body.
pub(crate) fn apply(doc: &mut Document) {
    doc.article.stats = of(&doc.article.body);
}

/// Paragraph, word and character counts of `body`.
fn of(body: &[String]) -> Stats {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Stats {
        paragraphs: count(body.len()),
        words: count(body.iter().map(|p| words_in(p)).sum()),
        characters: count(body.iter().map(|p| p.chars().count()).sum()),
    }
}

/// Words of `paragraph`: runs of anything but (Unicode) white space.
fn words_in(paragraph: &str) -> usize {
    if !paragraph.is_ascii() {
        return paragraph.split_whitespace().count();
    }
    // The same count a byte at a time; the ASCII white space `char` knows
    // includes the vertical tab, which `u8::is_ascii_whitespace` does not.
    let is_space = |byte: u8| byte.is_ascii_whitespace() || byte == 0x0B;
    let mut words = 0;
    let mut in_word = false;
    for &byte in paragraph.as_bytes() {
        let space = is_space(byte);
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_characters_are_counted_over_the_body() {
        let body = vec!["Two words.".to_owned(), "Ещё три слова.".to_owned()];
        assert_eq!(
            of(&body),
            Stats {
                paragraphs: 2,
                words: 5,
                characters: 24
            }
        );
    }

    #[test]
    fn ascii_words_are_counted_as_unicode_ones_are() {
        for paragraph in [
            "",
            " ",
            "one",
            " two  words ",
            "tab\tand\x0Bvertical\x0Ctab\r\nend",
            "a-b c,d",
        ] {
            assert_eq!(
                words_in(paragraph),
                paragraph.split_whitespace().count(),
                "{paragraph:?}"
            );
        }
    }
}
