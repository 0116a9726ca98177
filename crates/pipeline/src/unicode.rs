//! Stage 1: Unicode and spacing. Takes the raw text and returns it in NFC,
//! with `\n` line ends, without control, zero-width and direction marks, with
//! every run of spaces (tabs, no-break and other Unicode spaces) as one space
//! and each line trimmed. Blank lines stay: they separate blocks.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Invisible characters dropped outright: zero-width spaces and joiners, word
/// joiner, byte-order mark, soft hyphen, and left-to-right/right-to-left marks.
const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{200E}', '\u{200F}',
];

/// Normalizes Unicode and spacing.
pub(crate) fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut spacing = Spacing::default();
    // Most scraped text is NFC already, which the quick check tells without
    // decomposing and recomposing every character.
    if is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        spacing.push_str(&mut out, raw);
    } else {
        for c in raw.nfc() {
            spacing.push(&mut out, c);
        }
    }
    out
}

/// What the spacing rules remember between characters.
#[derive(Debug)]
struct Spacing {
    /// White space was seen since the last character written.
    pending_space: bool,
    /// Nothing but white space was seen on this line yet.
    line_start: bool,
    /// The last character was `\r`, so a `\n` after it ends no new line.
    previous_cr: bool,
}

impl Default for Spacing {
    fn default() -> Self {
        Self {
            pending_space: false,
            line_start: true,
            previous_cr: false,
        }
    }
}

impl Spacing {
    /// Writes `text` to `out`: each run of printable ASCII, the common case,
    /// at once, any other character by [`Spacing::push`].
    fn push_str(&mut self, out: &mut String, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let run = rest.bytes().take_while(u8::is_ascii_graphic).count();
            if run > 0 {
                self.write(out, &rest[..run]);
                rest = &rest[run..];
            } else if let Some(c) = rest.chars().next() {
                self.push(out, c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }

    /// Writes one character to `out`, by the spacing rules.
    fn push(&mut self, out: &mut String, c: char) {
        if c.is_ascii_graphic() {
            let mut buffer = [0; 4];
            self.write(out, c.encode_utf8(&mut buffer));
            return;
        }
        let is_cr = c == '\r';
        let c = match c {
            '\r' | '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}' | '\u{0085}' => '\n',
            '\n' if self.previous_cr => {
                self.previous_cr = false;
                return;
            }
            other => other,
        };
        self.previous_cr = is_cr;
        if c == '\n' {
            out.push('\n');
            self.pending_space = false;
            self.line_start = true;
        } else if c == '\t' || c.is_whitespace() {
            self.pending_space = !self.line_start;
        } else if !c.is_control() && !INVISIBLE.contains(&c) {
            let mut buffer = [0; 4];
            self.write(out, c.encode_utf8(&mut buffer));
        }
    }

    /// Writes visible text, after the one space that stands for the white
    /// space before it.
    fn write(&mut self, out: &mut String, visible: &str) {
        if self.pending_space {
            out.push(' ');
            self.pending_space = false;
        }
        out.push_str(visible);
        self.line_start = false;
        self.previous_cr = false;
    }
}

#[cfg(test)]
mod tests {
    use super::{Spacing, normalize};

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

    #[test]
    fn runs_of_ascii_are_spaced_as_their_characters_one_by_one() {
        for text in [
            "  a \t b\u{00A0}c  \n d ",
            "a\r\nb\rc\n\n \nd",
            "x\r\r\ny \r",
            "in\u{200B}vis ible\u{0007}!",
            "Ünïcödé  text\u{2028}end\u{0085}",
        ] {
            let mut by_runs = String::new();
            Spacing::default().push_str(&mut by_runs, text);
            let mut by_characters = String::new();
            let mut spacing = Spacing::default();
            for c in text.chars() {
                spacing.push(&mut by_characters, c);
            }
            assert_eq!(by_runs, by_characters, "{text:?}");
        }
    }
}
