//! The main content checked against the article's text as the page's
//! metadata states it: JSON-LD `articleBody`, which news CMSs print for
//! search engines. It is a second opinion, not the body: it drops the
//! figures, subheadings and links, and many sites cut it short. So it only
//! corrects the cascade's choice, in two ways:
//!
//! - **Edges.** When the choice holds most of the stated words
//!   (`min_held_share`), the blocks at its start and end made mostly of
//!   words the stated text never uses (`min_block_share`) are not the
//!   article: an author's card, a donation appeal, a "more from" teaser.
//!   Blocks inside the text stay, and so do "See also" lines, which the
//!   `see_also` stage reads.
//! - **Missed text.** When the choice holds less than `max_missed_share` of
//!   the stated words, the cascade found a part of a body the page spreads
//!   over several containers, and the stated text is the body, its
//!   paragraphs as the page's metadata breaks them, followed by the
//!   choice's figure captions.
//!
//! A stated text shorter than `min_stated_chars` is a teaser, and checks
//! nothing. Every threshold is in [`SETTINGS`].
//!
//! Reads: the cascade's blocks and the stated text. Writes nothing:
//! [`checked`] returns the blocks to keep.

use std::collections::{HashMap, HashSet};

use dom_query::Document;

use super::{blocks, json_ld::decode_entities};
use crate::{
    document::{Block, Origin},
    markers,
};

/// The cross-check's thresholds, in one table.
#[derive(Debug)]
pub(crate) struct Settings {
    /// A stated text shorter than this (characters, white space aside) is a
    /// teaser or a cut, and checks nothing.
    pub min_stated_chars: usize,
    /// The choice's edges are trimmed only when it holds at least this
    /// share of the stated words: the two are the same text.
    pub min_held_share: f64,
    /// A choice holding less than this share of the stated words missed
    /// most of the article.
    pub max_missed_share: f64,
    /// An edge block keeps its place when at least this share of its words
    /// are words of the stated text.
    pub min_block_share: f64,
}

/// The thresholds in force.
pub(crate) const SETTINGS: Settings = Settings {
    min_stated_chars: 1_000,
    min_held_share: 0.8,
    max_missed_share: 0.5,
    min_block_share: 0.5,
};

/// The cascade's `chosen` blocks, checked against the `stated` text;
/// `base` makes the links of a stated text written as HTML absolute.
pub(crate) fn checked(chosen: Vec<Block>, stated: &str, base: Option<&url::Url>) -> Vec<Block> {
    let stated = stated_blocks(stated, base);
    let stated_chars: usize = stated.iter().map(|block| blocks::text_chars(&block.text)).sum();
    if stated_chars < SETTINGS.min_stated_chars {
        return chosen;
    }
    let stated_words = word_counts(stated.iter().map(|block| block.text.as_str()));
    let chosen_words = word_counts(chosen.iter().map(|block| block.text.as_str()));
    let held = held_share(&chosen_words, &stated_words);
    if held < SETTINGS.max_missed_share {
        let figures = chosen.into_iter().filter(|block| block.origin == Origin::Figure);
        return stated.into_iter().chain(figures).collect();
    }
    if held < SETTINGS.min_held_share {
        return chosen;
    }
    let vocabulary: HashSet<&str> = stated_words.keys().map(String::as_str).collect();
    trimmed(chosen, &vocabulary)
}

/// The stated text's paragraphs: the blocks of its markup when it is HTML,
/// else its lines.
fn stated_blocks(stated: &str, base: Option<&url::Url>) -> Vec<Block> {
    if is_markup(stated) {
        let fragment = Document::fragment(stated);
        return blocks::collect(&fragment.root(), Origin::Text, base);
    }
    stated
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .map(|line| Block::new(decode_entities(&line).into_owned(), false))
        .collect()
}

/// Whether the text is written as HTML: it holds a tag.
fn is_markup(text: &str) -> bool {
    text.match_indices('<')
        .any(|(at, _)| text[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'))
}

/// The blocks without those at either end made mostly of words outside
/// `vocabulary`.
fn trimmed(mut chosen: Vec<Block>, vocabulary: &HashSet<&str>) -> Vec<Block> {
    let foreign = |block: &Block| {
        block.origin == Origin::Text
            && markers::see_also_label(&block.text).is_none()
            && vocabulary_share(&block.text, vocabulary) < SETTINGS.min_block_share
    };
    let end = chosen
        .iter()
        .rposition(|block| !foreign(block))
        .map_or(0, |last| last + 1);
    chosen.truncate(end);
    let start = chosen
        .iter()
        .position(|block| !foreign(block))
        .unwrap_or(chosen.len());
    chosen.drain(..start);
    chosen
}

/// The words of a text, lower case: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// How often each word occurs in the texts.
fn word_counts<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in texts.flat_map(words) {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// The share of the stated words (counted with repeats) the chosen words
/// hold.
fn held_share(chosen: &HashMap<String, usize>, stated: &HashMap<String, usize>) -> f64 {
    let total: usize = stated.values().sum();
    let held: usize = stated
        .iter()
        .map(|(word, count)| (*count).min(chosen.get(word).copied().unwrap_or(0)))
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let share = held as f64 / total.max(1) as f64;
    share
}

/// The share of a text's words that are in `vocabulary`; none for a text
/// without words.
fn vocabulary_share(text: &str, vocabulary: &HashSet<&str>) -> f64 {
    let (known, all) = words(text).fold((0_usize, 0_usize), |(known, all), word| {
        (known + usize::from(vocabulary.contains(word.as_str())), all + 1)
    });
    #[allow(clippy::cast_precision_loss)]
    let share = known as f64 / all.max(1) as f64;
    share
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: &str = "The harbour board agreed on Thursday to rebuild the north wall before winter, after storms in March left a gap wide enough for a small boat to pass through at high tide.";
    const SECOND: &str = "Engineers will close the inner basin for six weeks while the new stones are set, and the ferry will sail from the fish quay until the work is done in late October.";
    const THIRD: &str = "Fishing crews said they welcomed the decision but asked the board to publish a timetable, since the closure falls in the busiest weeks of the mackerel season for the town.";
    const FOURTH: &str = "The board will meet the crews next Tuesday, and its chair promised that the plans and their costs would be on the council's website before that meeting takes place.";

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|block| block.text.as_str()).collect()
    }

    fn chosen(texts: &[&str]) -> Vec<Block> {
        texts.iter().map(|text| Block::new(*text, false)).collect()
    }

    fn stated() -> String {
        [FIRST, SECOND, THIRD, FOURTH, FIRST, SECOND, THIRD, FOURTH].join("\n")
    }

    #[test]
    fn blocks_at_the_ends_the_stated_text_never_uses_are_trimmed() {
        let bio =
            "Mara Quint has covered ports and shipping since 2011; support our work with a monthly donation.";
        let kept = [
            FIRST,
            SECOND,
            "Photographs: supplied",
            THIRD,
            FOURTH,
            FIRST,
            SECOND,
            THIRD,
            FOURTH,
        ];
        let page: Vec<&str> = std::iter::once("Advertisement")
            .chain(kept)
            .chain([bio])
            .collect();
        let checked = checked(chosen(&page), &stated(), None);
        assert_eq!(texts(&checked), kept, "only the ends are trimmed");
    }

    #[test]
    fn a_see_also_line_at_the_end_stays() {
        let see_also = "Read more: Ferry timetable for the summer";
        let blocks = chosen(&[
            FIRST, SECOND, THIRD, FOURTH, FIRST, SECOND, THIRD, FOURTH, see_also,
        ]);
        assert_eq!(
            checked(blocks, &stated(), None).last().map(|b| b.text.as_str()),
            Some(see_also)
        );
    }

    #[test]
    fn a_choice_missing_most_of_the_stated_text_gives_way_to_it() {
        let stated = format!(
            "<p>{FIRST}</p><p>{SECOND} &amp; more</p><p>{THIRD}</p><p>{FOURTH}</p><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p><p>{FOURTH}</p>"
        );
        let mut figure = Block::new("The north wall after the March storms.", false);
        figure.origin = Origin::Figure;
        let checked = checked(vec![Block::new(FIRST, false), figure.clone()], &stated, None);
        assert_eq!(checked.len(), 9, "{:?}", texts(&checked));
        assert_eq!(checked[1].text, format!("{SECOND} & more"));
        assert_eq!(checked.last(), Some(&figure));
    }

    #[test]
    fn a_short_stated_text_is_a_teaser_and_changes_nothing() {
        let blocks = chosen(&["Advertisement", FIRST, SECOND]);
        assert_eq!(checked(blocks.clone(), FIRST, None), blocks);
    }

    #[test]
    fn a_stated_text_in_plain_lines_is_read_line_by_line_with_its_references() {
        let stated =
            format!("{FIRST}\n\n{SECOND} &ndash; {THIRD}\n{FOURTH}\n{FIRST}\n{SECOND}\n{THIRD}\n{FOURTH}");
        let checked = checked(chosen(&[FIRST]), &stated, None);
        assert_eq!(checked.len(), 7, "{:?}", texts(&checked));
        assert_eq!(checked[1].text, format!("{SECOND} – {THIRD}"));
    }
}
