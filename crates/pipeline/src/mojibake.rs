//! The step before every stage: text that was UTF-8, read by a scraper as
//! windows-1252 (or Latin-1) and written out again as UTF-8, read back as
//! it was written. That is mojibake: `donâ€™t` for `don’t`, `Ã©tÃ©` for
//! `été`, `â€”` for `—`. The bytes of each such character are all there,
//! one per character, so reading the characters back as bytes and the
//! bytes as UTF-8 gives the text as it was meant.
//!
//! A sequence is rebuilt when its first character stands for a UTF-8 lead
//! byte (`Â` to `ô`), the characters after it for the continuation bytes
//! its lead asks for (`€` to `¿` and the C1 controls), and together they
//! are one valid UTF-8 character that is not a control. A no-break space
//! or a soft hyphen stands for a continuation byte only after `Â` or `Ã`
//! (as in `Ã\u{a0}` for `à`): after any other letter it is what it says,
//! as in French `été »` or German `Maß\u{ad}nahmen`. Real text in Latin
//! scripts seldom has other such pairs (`ß“` in German quotes is one), so a text
//! is repaired only when it shows the marks mojibake nearly always leaves:
//! a sequence led by `Â`, `Ã` or `â` (the Latin-1 letters and signs, and
//! the quotes, dashes and ellipsis of General Punctuation, which almost
//! every text holds), or at least [`EVIDENCE_SEQUENCES`] sequences of any
//! lead.
//!
//! Reads: `Input::text`. Writes: the text every stage reads, and
//! `SourceCharset::repaired_characters`.

use std::borrow::Cow;

/// How many sequences show mojibake when none is led by `Â`, `Ã` or `â`.
const EVIDENCE_SEQUENCES: usize = 3;

/// The characters windows-1252 gives bytes 0x80 to 0x9F, by byte; `None`
/// where it gives none (WHATWG reads those bytes as the C1 control of the
/// same number, which [`byte_of`] covers as Latin-1).
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// A no-break space and a soft hyphen: after a letter in real text, they
/// stand for continuation bytes only after the leads `Â` and `Ã`.
const SPACING_AFTER_LETTERS: [u8; 2] = [0xA0, 0xAD];

/// The leads after which [`SPACING_AFTER_LETTERS`] stand for bytes.
const LATIN1_LEADS: [u8; 2] = [0xC2, 0xC3];

/// Leads whose sequences are evidence on their own: `Â` and `Ã` (bytes
/// 0xC2, 0xC3: U+0080 to U+00FF) and `â` (0xE2: General Punctuation).
const TELLTALE_LEADS: [u8; 3] = [0xC2, 0xC3, 0xE2];

/// `text` with its mojibake read back as UTF-8, and how many characters
/// were rebuilt; `text` itself when it shows no mojibake.
pub(crate) fn repair(text: &str) -> (Cow<'_, str>, u32) {
    // Every lead stands for a character from `Â` to `ô`, which UTF-8
    // writes as 0xC3 and a second byte: a text without 0xC3 has none.
    if memchr::memchr(0xC3, text.as_bytes()).is_none() {
        return (Cow::Borrowed(text), 0);
    }
    let sequences = find_sequences(text);
    let telltale = sequences
        .iter()
        .any(|sequence| TELLTALE_LEADS.contains(&sequence.lead));
    if sequences.is_empty() || !telltale && sequences.len() < EVIDENCE_SEQUENCES {
        return (Cow::Borrowed(text), 0);
    }
    let mut repaired = String::with_capacity(text.len());
    let mut copied = 0;
    for sequence in &sequences {
        repaired.push_str(&text[copied..sequence.start]);
        repaired.push(sequence.meant);
        copied = sequence.end;
    }
    repaired.push_str(&text[copied..]);
    (
        Cow::Owned(repaired),
        u32::try_from(sequences.len()).unwrap_or(u32::MAX),
    )
}

/// One character written as mojibake.
#[derive(Debug)]
struct Sequence {
    /// Byte offsets of the characters in the text.
    start: usize,
    end: usize,
    /// The UTF-8 lead byte its first character stands for.
    lead: u8,
    /// The character it was meant to be.
    meant: char,
}

/// The mojibake sequences of `text`, in order and apart.
fn find_sequences(text: &str) -> Vec<Sequence> {
    let mut sequences = Vec::new();
    let mut chars = text.char_indices();
    while let Some((start, first)) = chars.next() {
        let Some(lead @ 0xC2..=0xF4) = byte_of(first) else {
            continue;
        };
        let continuations = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            _ => 3,
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut end = start + first.len_utf8();
        let mut lookahead = chars.clone();
        let mut read = 0;
        while read < continuations {
            let Some((at, next)) = lookahead.next() else { break };
            let Some(byte) = byte_of(next).filter(|&byte| is_continuation(lead, byte)) else {
                break;
            };
            read += 1;
            bytes[read] = byte;
            end = at + next.len_utf8();
        }
        if read != continuations {
            continue;
        }
        let Ok(decoded) = std::str::from_utf8(&bytes[..=continuations]) else {
            continue;
        };
        let Some(meant) = decoded.chars().next().filter(|meant| !meant.is_control()) else {
            continue;
        };
        sequences.push(Sequence {
            start,
            end,
            lead,
            meant,
        });
        chars = lookahead;
    }
    sequences
}

/// Whether `byte` stands for a continuation byte after `lead`.
fn is_continuation(lead: u8, byte: u8) -> bool {
    (0x80..=0xBF).contains(&byte) && (LATIN1_LEADS.contains(&lead) || !SPACING_AFTER_LETTERS.contains(&byte))
}

/// The byte a character stands for when bytes were read one per
/// character, as windows-1252 or Latin-1 reads them; `None` for characters
/// neither gives.
fn byte_of(c: char) -> Option<u8> {
    match u8::try_from(u32::from(c)) {
        Ok(byte) => Some(byte),
        Err(_) => WINDOWS_1252_HIGH
            .iter()
            .position(|&high| high == Some(c))
            .and_then(|index| u8::try_from(0x80 + index).ok()),
    }
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    #[test]
    fn mojibake_is_read_back_as_the_text_meant() {
        let cases = [
            // UTF-8 read as windows-1252: quotes, dashes, ellipsis.
            (
                "The mayor didnâ€™t say â€œnoâ€\u{9d} â€” not yet.",
                "The mayor didn’t say “no” — not yet.",
            ),
            // Latin-1 letters.
            ("Le cafÃ© de lâ€™Ã©tÃ©", "Le café de l’été"),
            // UTF-8 read as Latin-1: the C1 controls stand for the bytes.
            ("itertools \u{e2}\u{80}\u{94} Functions", "itertools — Functions"),
            // A no-break space and a four-byte emoji.
            ("Price:Â\u{a0}12 Ã— 3 ðŸ™‚", "Price:\u{a0}12 × 3 🙂"),
            // `à` and `í` are `Ã` before a no-break space and a soft hyphen.
            ("VoilÃ\u{a0}, RamÃ\u{ad}rez", "Voilà, Ramírez"),
        ];
        for (written, meant) in cases {
            let (repaired, count) = repair(written);
            assert_eq!(repaired, meant, "{written}");
            assert!(count > 0, "{written}");
        }
    }

    #[test]
    fn text_without_the_marks_of_mojibake_is_left_as_written() {
        let cases = [
            "Plain ASCII text.",
            "Un été à Genève, déjà « chaud ».",
            // `ß“` would read as one character, but nothing else on the
            // text looks like mojibake.
            "Sie sagte „Straß“ und ging.",
            // A no-break space and a guillemet after `é`, a soft hyphen
            // after `ß`: three sequences by their bytes, none by the text.
            "Une difficulté\u{a0}», une gravité\u{a0}» et l’unité\u{a0}».",
            "Maß\u{ad}nahmen, Verbesserungs\u{ad}maß\u{ad}nahmen, Maß\u{ad}stab",
            "Ã alone, Â alone, â alone.",
            "Русский текст и 日本語のテキスト",
        ];
        for text in cases {
            let (repaired, count) = repair(text);
            assert!(matches!(repaired, Cow::Borrowed(_)), "{text}");
            assert_eq!(count, 0, "{text}");
        }
    }

    /// Characters of the texts written as mojibake below: letters and
    /// signs of Latin-1 and of windows-1252's upper half, General
    /// Punctuation, a CJK character and an emoji.
    const MEANT_CHARS: &[char] = &[
        'a', 'e', 'n', 's', 't', ' ', '.', 'é', 'à', 'ü', 'ß', 'ñ', 'ç', 'Ø', '’', '“', '”', '—', '…', '€',
        '™', '°', '×', '\u{a0}', '日', '🙂',
    ];

    proptest::proptest! {
        #[test]
        fn any_text_written_as_mojibake_is_read_back(
            text in proptest::collection::vec(proptest::sample::select(MEANT_CHARS), 0..40)
                .prop_map(|chars| chars.into_iter().collect::<String>() + "’"),
        ) {
            let written = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes()).0;
            let (repaired, _) = repair(&written);
            proptest::prop_assert_eq!(repaired.as_ref(), text.as_str());
        }

        #[test]
        fn any_text_is_read_without_panic(text in ".*") {
            let (repaired, count) = repair(&text);
            proptest::prop_assert!(count == 0 || repaired.len() < text.len());
        }
    }

    #[test]
    fn only_the_mojibake_of_a_mixed_text_is_rebuilt() {
        let (repaired, count) = repair("déjà vu: itâ€™s back");
        assert_eq!(repaired, "déjà vu: it’s back");
        assert_eq!(count, 1);
    }

    #[test]
    fn sequences_that_are_not_valid_utf8_or_are_controls_stay() {
        // `Ã(` is no continuation; `Â…` would be U+0085, a control.
        let (repaired, count) = repair("Ã( and Â… but donâ€™t");
        assert_eq!(repaired, "Ã( and Â… but don’t");
        assert_eq!(count, 1);
    }
}
