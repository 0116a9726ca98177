//! Captions. A short block that ends in a photo credit is an image caption,
//! and so is, in HTML, what a figure or a caption box says (its caption, its
//! image's alt text). In plain text, which has no markup, a short block
//! printed more than once is one too (scrapers pick it up from both the
//! image's alt text and its caption), unless every copy stands in a run of
//! short lines, as a chorus in a song's verses does. In HTML a line printed
//! twice in running text (a chorus, a recipe step, a `Read more` under each
//! teaser) is no caption: the markup says where the captions are. The
//! credit is dropped, the copies become one `Caption` with its count, and a
//! short subheading printed once stays in the body. A photo credit printed
//! on a line of its own is removed. A list item is no caption for its
//! shortness or its copies (a list repeats its items), but what a figure
//! says is one in a list too: a slideshow or a product gallery prints its
//! slides as a list (`<ul class="gallery"><li><figure>…`). What a figure
//! says is a caption whatever its length: a long alt text describes a
//! chart or a photo for a screen reader, it does not carry the story.
//! A gallery that prints a caption in full and shortened, each with its
//! `less` or `… more` toggle, prints one caption: the toggles are dropped
//! and the shortened copy counts as the caption it starts.
//!
//! Reads: body blocks, with their `Origin::Figure`, and the input's format.
//! Writes: `Role::Caption`, `Role::Removed(PhotoCredit)` and
//! `Article::captions`.

use std::collections::{HashMap, HashSet};

use crate::{
    Format,
    article::{Caption, RemovedKind},
    document::{Block, Document, Origin, Role},
    markers,
};

/// A caption is at most this long, unless a figure says it (an alt text
/// describing a chart for a screen reader runs long); a longer block is a
/// paragraph.
const MAX_CAPTION_CHARS: usize = 300;

/// A photo credit is at most this long, from its marker to the end of the
/// block: at the end of a caption, or on a line of its own.
const MAX_CREDIT_CHARS: usize = 80;

/// A line of verse or of a list of steps is at most this long: a copy
/// standing between two such lines is in a run of short lines, not beside
/// the paragraphs a caption stands between.
const MAX_SHORT_LINE_CHARS: usize = 100;

/// The labels of the toggle a gallery prints at the end of a caption it
/// shows shortened (`… more`) and in full (`less`), after an ellipsis or the
/// caption's last sentence. Lower case; longest first.
const TOGGLE_LABELS: &[&str] = &["show more", "show less", "read more", "more", "less"];

/// A shortened copy of a caption keeps at least this many characters of
/// its key: a shorter start could be the start of another caption.
const MIN_SHORTENED_CHARS: usize = 40;

/// Fills `Article::captions` and marks the caption blocks.
pub(crate) fn apply(doc: &mut Document) {
    for block in doc.blocks.iter_mut().filter(|block| block.is_body()) {
        if is_photo_credit_line(&block.text) {
            block.role = Role::Removed(RemovedKind::PhotoCredit);
        }
    }
    let keys: Vec<Option<(String, bool)>> = doc
        .blocks
        .iter()
        .map(|block| {
            let candidate = block.is_body()
                && (!block.list_item || block.origin == Origin::Figure)
                && (block.origin == Origin::Figure || block.text.chars().count() <= MAX_CAPTION_CHARS)
                && block.text.chars().any(char::is_alphabetic);
            candidate.then(|| {
                let (text, credited) = strip_credit(&block.text);
                (
                    markers::line_key(text),
                    credited || block.origin == Origin::Figure,
                )
            })
        })
        .collect();
    let keys = with_shortened_copies_whole(keys, &doc.blocks);
    let mut counts: HashMap<&str, u32> = HashMap::new();
    let mut certain_keys: HashSet<&str> = HashSet::new();
    let mut keys_beside_text: HashSet<&str> = HashSet::new();
    for (key, certain) in keys.iter().flatten() {
        *counts.entry(key).or_default() += 1;
        if *certain {
            certain_keys.insert(key);
        }
    }
    let by_repetition = doc.input.format == Format::Text;
    for (at, key) in keys.iter().enumerate() {
        if let Some((key, _)) = key
            && by_repetition
            && counts[key.as_str()] >= 2
            && !in_run_of_short_lines(&doc.blocks, at)
        {
            keys_beside_text.insert(key);
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (block, key) in doc.blocks.iter_mut().zip(&keys) {
        let Some((key, _)) = key else { continue };
        let key = key.as_str();
        let occurrences = counts[key];
        let repeated = by_repetition && occurrences >= 2 && keys_beside_text.contains(key);
        if !repeated && !certain_keys.contains(key) {
            continue;
        }
        block.role = Role::Caption;
        if seen.insert(key) {
            let text = strip_credit(&block.text).0;
            doc.article.captions.push(Caption {
                text: without_toggle(text).map_or(text, |(text, _)| text).to_owned(),
                occurrences,
            });
        }
    }
}

/// The keys, with a figure's caption printed with a gallery's toggle
/// (`… more`, `less`) keyed as the caption without it, and a shortened copy
/// (`… more`) as the caption it starts, when a figure says that caption
/// too: a gallery prints each caption in full and shortened.
fn with_shortened_copies_whole(
    keys: Vec<Option<(String, bool)>>,
    blocks: &[Block],
) -> Vec<Option<(String, bool)>> {
    let keys: Vec<Option<(String, bool, bool)>> = keys
        .into_iter()
        .zip(blocks)
        .map(|(key, block)| {
            let (key, certain) = key?;
            let toggled = (block.origin == Origin::Figure)
                .then(|| without_toggle(strip_credit(&block.text).0))
                .flatten();
            Some(match toggled {
                Some((text, shortened)) => (markers::line_key(text), certain, shortened),
                None => (key, certain, false),
            })
        })
        .collect();
    let whole: Vec<&str> = keys
        .iter()
        .flatten()
        .filter(|(_, certain, shortened)| *certain && !shortened)
        .map(|(key, _, _)| key.as_str())
        .collect();
    keys.iter()
        .map(|key| {
            let (key, certain, shortened) = key.as_ref()?;
            let full = shortened
                .then(|| {
                    whole
                        .iter()
                        .find(|whole| whole.len() > key.len() && whole.starts_with(key.as_str()))
                })
                .flatten()
                .filter(|_| key.chars().count() >= MIN_SHORTENED_CHARS);
            Some((
                full.map_or_else(|| key.clone(), |full| (*full).to_owned()),
                *certain,
            ))
        })
        .collect()
}

/// The caption without a gallery's toggle at its end, and whether the
/// toggle followed an ellipsis (the caption was shortened); none when it
/// ends in no toggle.
fn without_toggle(text: &str) -> Option<(&str, bool)> {
    let trimmed = text.trim_end();
    TOGGLE_LABELS.iter().find_map(|label| {
        let at = trimmed.len().checked_sub(label.len())?;
        let end = trimmed.get(at..)?;
        let before = trimmed[..at].strip_suffix(' ')?;
        if !end.eq_ignore_ascii_case(label) {
            return None;
        }
        let rest = before.trim_end();
        let caption = rest.trim_end_matches(['.', '…']).trim_end();
        let shortened = rest.ends_with("...") || rest.ends_with('…');
        let after_sentence = rest.ends_with(['.', '!', '?', ')', '"', '”']);
        (!caption.is_empty() && (shortened || after_sentence))
            .then_some((if shortened { caption } else { rest }, shortened))
    })
}

/// Whether the block at `at` stands between two short body lines other than
/// copies of itself: a line of a verse or of a list of steps.
fn in_run_of_short_lines(blocks: &[Block], at: usize) -> bool {
    let key = markers::line_key(&blocks[at].text);
    let short_line = |block: &Block| {
        block.is_body()
            && block.text.chars().count() <= MAX_SHORT_LINE_CHARS
            && markers::line_key(&block.text) != key
    };
    let before = blocks[..at]
        .iter()
        .rev()
        .find(|block| markers::line_key(&block.text) != key);
    let after = blocks[at + 1..]
        .iter()
        .find(|block| markers::line_key(&block.text) != key);
    before.is_some_and(short_line) && after.is_some_and(short_line)
}

/// Whether `text` is nothing but a photo credit (`Photo: Ann Lee`,
/// `© Agency`), printed apart from its caption.
fn is_photo_credit_line(text: &str) -> bool {
    text.chars().count() <= MAX_CREDIT_CHARS && markers::photo_credit_starts(text).any(|at| at == 0)
}

/// The caption without a photo credit at its end, and whether it had one.
fn strip_credit(text: &str) -> (&str, bool) {
    // A credit starts within the last MAX_CREDIT_CHARS characters: search only there.
    let tail_start = text
        .char_indices()
        .rev()
        .nth(MAX_CREDIT_CHARS - 1)
        .map_or(0, |(at, _)| at);
    let tail = &text[tail_start..];
    let cut = markers::photo_credit_starts(tail)
        .map(|at| tail_start + at)
        .filter(|&at| at > 0)
        .filter(|&at| text[..at].ends_with([' ', '(', '[']) || text[at..].starts_with('©'))
        .min();
    match cut {
        Some(at) => {
            // A credit may stand in brackets: `Caption (Photo: Agency)`.
            let caption = text[..at].trim_end_matches([' ', '-', '–', '—', '|', '/', ',', '(', '[']);
            if caption.is_empty() {
                (text, false)
            } else {
                (caption, true)
            }
        }
        None => (text, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_in_brackets_of_any_language_is_cut_off_the_caption() {
        for (printed, credit) in [
            (
                "De brug bij zonsopgang (Foto: Pieter Jansen)",
                "De brug bij zonsopgang",
            ),
            ("Die Brücke am Morgen [Foto: Anna Berg]", "Die Brücke am Morgen"),
            (
                "Le pont au lever du jour (Photo : Luc Martin)",
                "Le pont au lever du jour",
            ),
        ] {
            assert_eq!(strip_credit(printed), (credit, true), "{printed}");
        }
    }

    fn run(texts: &[&str]) -> Document<'static> {
        let mut doc = Document::from_texts(texts);
        apply(&mut doc);
        doc
    }

    fn captions<'d>(doc: &'d Document<'_>) -> Vec<(&'d str, u32)> {
        doc.article
            .captions
            .iter()
            .map(|c| (c.text.as_str(), c.occurrences))
            .collect()
    }

    #[test]
    fn a_short_block_printed_twice_is_one_caption() {
        let doc = run(&[
            "Rescuers at the bridge",
            "Rescuers at the bridge",
            "The body text.",
        ]);
        assert_eq!(captions(&doc), [("Rescuers at the bridge", 2)]);
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["The body text."]);
    }

    #[test]
    fn a_copy_with_a_credit_is_the_same_caption() {
        let doc = run(&[
            "Rescuers at the bridge",
            "Rescuers at the bridge. Photo: Ann Lee",
            "Body.",
        ]);
        assert_eq!(captions(&doc), [("Rescuers at the bridge", 2)]);
        let doc = run(&[
            "Rescuers at the bridge (File photo)",
            "Rescuers at the bridge © Agency",
            "Body.",
        ]);
        assert_eq!(captions(&doc), [("Rescuers at the bridge", 2)]);
    }

    #[test]
    fn a_chorus_between_verse_lines_is_no_caption() {
        let doc = run(&[
            "The tide comes in at Saltmere, the boats come home at dawn.",
            "Nets are hung on the harbour rail",
            "Gulls are loud above the sail",
            "Row, row home to Saltmere",
            "Lamps are lit along the quay",
            "Someone's waiting there for me",
            "Row, row home to Saltmere",
            "Winter storms will come and go",
        ]);
        assert!(doc.article.captions.is_empty(), "{:?}", doc.article.captions);
        assert_eq!(doc.body_texts().count(), 8);
    }

    #[test]
    fn in_a_page_a_line_printed_twice_in_running_text_is_no_caption() {
        let mut doc = Document::from_texts(&[
            "Fold the dough and leave it for an hour in a warm place.",
            "Knock it back.",
            "Shape the loaves and leave them to rise again until doubled in size.",
            "Knock it back.",
        ]);
        doc.input.format = Format::Html;
        apply(&mut doc);
        assert!(doc.article.captions.is_empty());
        assert_eq!(doc.body_texts().count(), 4);
    }

    #[test]
    fn a_short_block_with_a_credit_is_a_caption_even_once() {
        let doc = run(&["Flooded streets on Monday. Photo by Ann Lee", "Body."]);
        assert_eq!(captions(&doc), [("Flooded streets on Monday.", 1)]);
    }

    #[test]
    fn a_subheading_printed_once_stays_in_the_body() {
        let doc = run(&["What happens next", "Body."]);
        assert!(doc.article.captions.is_empty());
        assert_eq!(doc.body_texts().count(), 2);
    }

    #[test]
    fn a_credit_word_inside_a_sentence_is_not_a_credit() {
        let long =
            "The Photo: a story about old cameras and the people who kept them, told by those who were there";
        assert!(!strip_credit(long).1);
        assert_eq!(strip_credit("Photo: Ann Lee"), ("Photo: Ann Lee", false));
    }

    #[test]
    fn a_figure_caption_printed_once_is_a_caption_and_its_alt_text_a_second_print() {
        let mut doc =
            Document::from_texts(&["Body.", "Boats in the bay", "Boats in the bay - Photo: Ann Lee"]);
        doc.blocks[1].origin = Origin::Figure;
        doc.blocks[2].origin = Origin::Figure;
        apply(&mut doc);
        assert_eq!(captions(&doc), [("Boats in the bay", 2)]);
        let mut once = Document::from_texts(&["Body.", "Boats in the bay"]);
        once.blocks[1].origin = Origin::Figure;
        apply(&mut once);
        assert_eq!(captions(&once), [("Boats in the bay", 1)]);
    }

    #[test]
    fn a_figure_in_a_list_is_a_caption_and_a_list_item_printed_twice_is_not() {
        let mut doc = Document::from_blocks(vec![
            Block::new("Body.", false),
            Block::new("Crews lift the first stone of the north wall", true),
            Block::new("Tide tables", true),
            Block::new("Tide tables", true),
        ]);
        doc.blocks[1].origin = Origin::Figure;
        apply(&mut doc);
        assert_eq!(
            captions(&doc),
            [("Crews lift the first stone of the north wall", 1)]
        );
        assert_eq!(
            doc.body_texts().collect::<Vec<_>>(),
            ["Body.", "Tide tables", "Tide tables"]
        );
    }

    #[test]
    fn a_long_alt_text_is_a_caption_and_a_long_paragraph_is_not() {
        let alt = "A chart of the harbour's tide heights through the year, month by month, with the spring tides \
                   of March and September marked in red, the neap tides in blue, and the height of the old north \
                   wall drawn as a dashed line across it, so that the reader sees at a glance which of the tides \
                   the wall held back and which of them ran over it in the storms of the last three winters.";
        assert!(alt.chars().count() > MAX_CAPTION_CHARS);
        let mut doc = Document::from_texts(&["Body.", alt]);
        doc.blocks[1].origin = Origin::Figure;
        doc.input.format = Format::Html;
        apply(&mut doc);
        assert_eq!(doc.article.captions.len(), 1);
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Body."]);
        let mut paragraph = Document::from_texts(&["Body.", alt]);
        paragraph.input.format = Format::Html;
        apply(&mut paragraph);
        assert!(paragraph.article.captions.is_empty());
        assert_eq!(paragraph.body_texts().count(), 2);
    }

    #[test]
    fn a_gallery_s_caption_in_full_and_shortened_with_toggles_is_one_caption() {
        let full = "Fishermen mend their nets on the north wall of the harbour before the first of the winter storms.";
        let mut doc = Document::from_texts(&[
            "Body.",
            &format!("{full} less"),
            "Fishermen mend their nets on the north wall of the harbour ... more",
            "More body.",
        ]);
        doc.blocks[1].origin = Origin::Figure;
        doc.blocks[2].origin = Origin::Figure;
        apply(&mut doc);
        assert_eq!(captions(&doc), [(full, 2)]);
        assert_eq!(doc.body_texts().collect::<Vec<_>>(), ["Body.", "More body."]);
        // A caption that ends in the word, not in a toggle, keeps it.
        let mut doc = Document::from_texts(&["Body.", "Gulls over the pier, and more"]);
        doc.blocks[1].origin = Origin::Figure;
        apply(&mut doc);
        assert_eq!(captions(&doc), [("Gulls over the pier, and more", 1)]);
    }

    #[test]
    fn a_credit_on_a_line_of_its_own_is_removed() {
        let doc = run(&[
            "Body.",
            "Photo: Ann Lee, Harbour Ledger",
            "© Saltmere Council",
            "Photographers gathered.",
        ]);
        let roles: Vec<Role> = doc.blocks.iter().map(|block| block.role).collect();
        assert_eq!(
            roles,
            [
                Role::Body,
                Role::Removed(RemovedKind::PhotoCredit),
                Role::Removed(RemovedKind::PhotoCredit),
                Role::Body
            ]
        );
    }
}
