//! Block segmentation, for plain text. Takes the normalized text and cuts it into
//! blocks: paragraphs separated by blank lines, or one block per line when
//! the text has no blank lines. Hard-wrapped lines inside a paragraph are
//! joined again. A list item, or a line that opens with a known label
//! (`See also:`, `Comment:`), starts a block of its own.
//!
//! Reads: `Document::text`. Writes: the blocks, each in the body; refuses
//! text that gives none.

use crate::{
    document::{Block, Document},
    markers,
};

/// List markers that open a list item.
const BULLETS: &[&str] = &["- ", "* ", "• ", "· "];

/// Dashes that open a list item only where two or more lines of a paragraph
/// start with them: a single line opening with one is dialogue or a quote
/// (`– Czekaliśmy na to – mówi …`), as Polish, Russian or French print them.
const DASH_BULLETS: &[&str] = &["– ", "— "];

/// Cuts normalized text into blocks.
pub(crate) fn segment(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let paragraphs_have_blank_lines = lines
        .windows(3)
        .any(|w| !w[0].is_empty() && w[1].is_empty() && !w[2].is_empty());
    let mut blocks = Vec::new();
    if paragraphs_have_blank_lines {
        for chunk in lines.split(|line| line.is_empty()) {
            segment_chunk(chunk, &mut blocks);
        }
    } else {
        for line in lines.iter().filter(|line| !line.is_empty()) {
            segment_chunk(std::slice::from_ref(line), &mut blocks);
        }
    }
    blocks
}

/// Cuts one run of non-blank lines into blocks.
fn segment_chunk(chunk: &[&str], blocks: &mut Vec<Block>) {
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::new(std::mem::take(paragraph), false));
        }
    };
    let dash_lines = chunk
        .iter()
        .filter(|line| DASH_BULLETS.iter().any(|dash| line.starts_with(dash)))
        .count();
    let bullets: Vec<&str> = BULLETS
        .iter()
        .chain(if dash_lines >= 2 { DASH_BULLETS } else { &[] })
        .copied()
        .collect();
    for line in chunk {
        if let Some(item) = list_item(line, &bullets) {
            flush(&mut paragraph, blocks);
            blocks.push(Block::new(item, true));
        } else if markers::starts_with_label(line) {
            flush(&mut paragraph, blocks);
            paragraph.push_str(line);
            if line.ends_with(':') || markers::see_also_label(line).is_some() {
                flush(&mut paragraph, blocks);
            }
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
    }
    flush(&mut paragraph, blocks);
}

/// The text of a list item (`- text`, `• text`, `1. text`), without its marker.
fn list_item<'a>(line: &'a str, bullets: &[&str]) -> Option<&'a str> {
    if let Some(text) = bullets.iter().find_map(|bullet| line.strip_prefix(bullet)) {
        return Some(text.trim_start()).filter(|text| !text.is_empty());
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        let text = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "))?;
        return Some(text.trim_start()).filter(|text| !text.is_empty());
    }
    None
}

/// Cuts the normalized text into blocks; the text is not needed after.
pub(crate) fn apply(doc: &mut Document<'_>) {
    let text = std::mem::take(&mut doc.text);
    doc.blocks = segment(&text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<(&str, bool)> {
        blocks.iter().map(|b| (b.text.as_str(), b.list_item)).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_wrapped_lines_are_joined() {
        let blocks = segment("Title\n\nFirst line\nwraps here.\n\nSecond.");
        assert_eq!(
            texts(&blocks),
            [
                ("Title", false),
                ("First line wraps here.", false),
                ("Second.", false)
            ]
        );
    }

    #[test]
    fn without_blank_lines_every_line_is_a_block() {
        let blocks = segment("Title\nOne.\nTwo.");
        assert_eq!(
            texts(&blocks),
            [("Title", false), ("One.", false), ("Two.", false)]
        );
    }

    #[test]
    fn list_items_are_blocks_of_their_own() {
        let blocks = segment("Intro\n\nSee also:\n- First link\n2. Second link\n\nEnd.");
        assert_eq!(
            texts(&blocks),
            [
                ("Intro", false),
                ("See also:", false),
                ("First link", true),
                ("Second link", true),
                ("End.", false)
            ]
        );
    }

    #[test]
    fn a_labelled_line_starts_a_new_block() {
        let blocks = segment("Body text.\nSee also: Another story\n\nEnd.");
        assert_eq!(
            texts(&blocks),
            [
                ("Body text.", false),
                ("See also: Another story", false),
                ("End.", false)
            ]
        );
    }

    #[test]
    fn a_number_that_opens_a_sentence_is_not_a_list_item() {
        assert_eq!(list_item("2024 was a year.", BULLETS), None);
        assert_eq!(list_item("12. Twelfth", BULLETS), Some("Twelfth"));
        assert_eq!(list_item("-5 degrees", BULLETS), None);
    }

    #[test]
    fn a_line_opening_with_a_dash_is_dialogue_unless_more_follow() {
        let blocks = segment("Title\n\n– Czekaliśmy na to – mówi sołtys.\n\nEnd.");
        assert_eq!(blocks[1].text, "– Czekaliśmy na to – mówi sołtys.");
        assert!(!blocks[1].list_item);
        let blocks = segment("Title\n\nSee also:\n– First\n– Second\n\nEnd.");
        assert_eq!(texts(&blocks)[2..4], [("First", true), ("Second", true)]);
    }
}
