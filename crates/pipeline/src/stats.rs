//! Stage 11: body statistics, for callers that route or bill by length.

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
        words: count(body.iter().map(|p| p.split_whitespace().count()).sum()),
        characters: count(body.iter().map(|p| p.chars().count()).sum()),
    }
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
}
