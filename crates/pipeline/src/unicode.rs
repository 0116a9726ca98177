//! Unicode and spacing, for plain text. Takes the raw text and returns it in NFC,
//! with `\n` line ends, without control, zero-width and direction marks, with
//! every run of spaces (tabs, no-break and other Unicode spaces) as one space
//! and each line trimmed. Blank lines stay: they separate blocks.
//!
//! Reads: `Input::text`. Writes: `Document::text`.

use crate::document::Document;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Invisible characters dropped outright: zero-width spaces and joiners, word
/// joiner, byte-order mark, soft hyphen, and left-to-right/right-to-left marks.
pub(crate) const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{200E}', '\u{200F}',
];

/// Normalizes Unicode and spacing.
pub(crate) fn normalize(raw: &str) -> String {
    // Most scraped text is NFC already, which the quick check tells without
    // decomposing and recomposing every character; ASCII text is NFC
    // without checking.
    if raw.is_ascii() || is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        normalize_spacing(raw.chars(), raw.len())
    } else {
        normalize_spacing(raw.nfc(), raw.len())
    }
}

/// Normalizes line ends, invisible characters and spacing of text in NFC.
fn normalize_spacing(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut pending_space = false;
    let mut line_start = true;
    let mut previous_cr = false;
    for c in chars {
        if c.is_ascii_graphic() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
            line_start = false;
            previous_cr = false;
            continue;
        }
        let is_cr = c == '\r';
        let c = match c {
            '\r' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}' | '\u{0085}' => '\n',
            '\n' if previous_cr => {
                previous_cr = false;
                continue;
            }
            other => other,
        };
        previous_cr = is_cr;
        if c == '\n' {
            out.push('\n');
            pending_space = false;
            line_start = true;
        } else if c == '\t' || c.is_whitespace() {
            pending_space = !line_start;
        } else if c.is_control() || INVISIBLE.contains(&c) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
            line_start = false;
        }
    }
    out
}

/// Normalizes the caller's text for `blocks`.
pub(crate) fn apply(doc: &mut Document<'_>) {
    doc.text = normalize(doc.input.text);
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn runs_of_any_space_become_one_space_and_lines_are_trimmed() {
        assert_eq!(normalize("  a \t b\u{00A0}\u{2009}c  \n d "), "a b c\nd");
    }

    #[test]
    fn line_ends_become_newlines_and_blank_lines_stay() {
        assert_eq!(normalize("a\r\nb\rc\n\n \nd"), "a\nb\nc\n\n\nd");
    }

    #[test]
    fn control_and_zero_width_characters_are_dropped() {
        assert_eq!(
            normalize("in\u{200B}vis\u{00AD}ible\u{0007} \u{FEFF}text"),
            "invisible text"
        );
    }

    #[test]
    fn text_is_composed_to_nfc() {
        assert_eq!(normalize("cafe\u{0301}"), "caf\u{00E9}");
    }

    #[test]
    fn text_already_in_nfc_is_only_respaced() {
        assert_eq!(
            normalize("Caf\u{00E9}  au\u{00A0}lait\r\n"),
            "Caf\u{00E9} au lait\n"
        );
    }
}
