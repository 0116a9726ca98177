//! The matching engine of the marker tables: how markers and blocks are
//! folded to be compared (case, apostrophes, the Turkish i; in whole lines
//! also digits, ellipses and trailing punctuation), tables indexed by their
//! first folded character, and labels found at the start of a block.

use std::collections::HashMap;

/// A label found at the start of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    /// The label as printed, without its colon.
    pub printed: &'a str,
    /// The text after the label and its colon, trimmed; empty for a heading.
    pub rest: &'a str,
}

/// Folds a character for matching: lower case, one apostrophe, and the
/// Turkish dotted and dotless i as plain `i` (so `AYRICA` matches `Ayrıca`
/// and `İLGİLİ` matches `İlgili`, which Unicode's own lower-casing misses).
fn fold(c: char) -> impl Iterator<Item = char> {
    let c = match c {
        '’' | '‘' | 'ʼ' => '\'',
        'I' | 'İ' | 'ı' => 'i',
        other => other,
    };
    c.to_lowercase()
}

/// Appends the fold of `c` to `out`, without the iterator for ASCII.
#[inline]
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(fold(c));
    }
}

/// The fold of a whole marker, as the tables are prepared for matching.
fn folded(marker: &str) -> String {
    let mut out = String::with_capacity(marker.len());
    for c in marker.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// The matching key of a whole line: folded, `…` as `...`, runs of digits
/// (and WordPress's unfilled `%d`) as one `0`, without trailing colons, dots
/// and spaces.
pub(crate) fn line_key(text: &str) -> String {
    line_key_start(text, usize::MAX).key
}

/// Characters a line key drops from its end.
const KEY_TRAILERS: [char; 4] = [':', '.', ' ', '!'];

/// The start of a line key, from [`line_key_start`].
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct KeyStart {
    /// The whole key, or, when `whole` is false, its first bytes: more than
    /// the limit asked for.
    pub key: String,
    /// Whether `key` is the whole key.
    pub whole: bool,
}

/// The line key of `text`, built only as far as needed to tell that it is
/// longer than `limit` bytes: a paragraph is compared with short table keys,
/// and folding all of it would be wasted.
pub(crate) fn line_key_start(text: &str, limit: usize) -> KeyStart {
    let unfilled;
    let text = if text.contains('%') && text.contains("%d") {
        unfilled = text.replace("%d", "0");
        unfilled.as_str()
    } else {
        text
    };
    // Whitespace folds to itself and nothing else folds to whitespace, so
    // trimming the text's start trims the key's.
    let text = text.trim_start();
    let mut key = String::with_capacity(text.len().min(limit.saturating_add(4)));
    let mut in_digits = false;
    let mut rest_is_trimmed = false;
    for (at, c) in text.char_indices() {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('0');
            }
            in_digits = true;
        } else {
            in_digits = false;
            if c == '…' {
                key.push_str("...");
            } else {
                push_folded(&mut key, c);
            }
        }
        // Past the limit the key can only come back under it if all that
        // follows is trimmed from its end; that is looked at once.
        if key.len() > limit && !rest_is_trimmed {
            let rest = &text[at + c.len_utf8()..];
            if rest.chars().any(|c| !KEY_TRAILERS.contains(&c) && c != '…') {
                return KeyStart { key, whole: false };
            }
            rest_is_trimmed = true;
        }
    }
    let end = key.trim_end_matches(KEY_TRAILERS).len();
    key.truncate(end);
    KeyStart { key, whole: true }
}

/// A table of markers folded once, with the markers of each first folded
/// character together, so a block is compared only with the markers that
/// can start it. `T` is what the table says of each marker.
#[derive(Debug)]
pub(crate) struct MarkerTable<T> {
    /// Each marker folded, as printed in its table, and what it means, in
    /// table order.
    markers: Vec<(String, &'static str, T)>,
    /// The positions in `markers` of the markers that start with each
    /// folded character, in table order.
    by_first_char: HashMap<char, Vec<usize>>,
}

impl<T: Copy> MarkerTable<T> {
    pub(crate) fn new(markers: impl Iterator<Item = (&'static str, T)>) -> Self {
        let markers: Vec<(String, &'static str, T)> = markers
            .map(|(marker, value)| (folded(marker), marker, value))
            .filter(|(folded, _, _)| !folded.is_empty())
            .collect();
        let mut by_first_char: HashMap<char, Vec<usize>> = HashMap::new();
        for (position, (folded, _, _)) in markers.iter().enumerate() {
            if let Some(first) = folded.chars().next() {
                by_first_char.entry(first).or_default().push(position);
            }
        }
        Self {
            markers,
            by_first_char,
        }
    }

    /// The markers that `text` starts with (folded), in table order: where
    /// each ends in `text` as a byte offset, the marker as printed in its
    /// table, and what it means.
    pub(crate) fn prefixes_of<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, &'static str, T)> + 't {
        let first = text.chars().next().and_then(|c| fold(c).next());
        first
            .and_then(|first| self.by_first_char.get(&first))
            .into_iter()
            .flatten()
            .filter_map(move |&position| {
                let (folded, printed, value) = &self.markers[position];
                prefix_end(text, folded).map(|end| (end, *printed, *value))
            })
    }
}

/// Where `folded_label` ends in `text` when `text` starts with it (folded),
/// as a byte offset. The label must end where a character of `text` ends.
fn prefix_end(text: &str, folded_label: &str) -> Option<usize> {
    let mut wanted = folded_label.chars();
    let mut buffer = String::new();
    for (index, c) in text.char_indices() {
        if c.is_ascii() {
            if wanted.next() != Some(c.to_ascii_lowercase()) {
                return None;
            }
        } else {
            buffer.clear();
            buffer.extend(fold(c));
            for folded in buffer.chars() {
                if wanted.next() != Some(folded) {
                    return None;
                }
            }
        }
        if wanted.as_str().is_empty() {
            return Some(index + c.len_utf8());
        }
    }
    None
}

/// Finds one of the labels of `table` at the start of `text`, followed by a
/// colon (with or without space before it) or by nothing. The longest label
/// wins.
pub(crate) fn find_label<'a, T: Copy>(text: &'a str, table: &MarkerTable<T>) -> Option<Label<'a>> {
    table
        .prefixes_of(text)
        .filter_map(|(end, _, _)| {
            let after = text[end..].trim_start();
            let rest = if after.is_empty() {
                ""
            } else {
                after.strip_prefix(':')?.trim()
            };
            Some((
                end,
                Label {
                    printed: &text[..end],
                    rest,
                },
            ))
        })
        .max_by_key(|(end, _)| *end)
        .map(|(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_start_stops_past_the_limit_unless_the_rest_is_trimmed() {
        let long = line_key_start("Share this story with 12 friends today", 8);
        assert!(!long.whole);
        assert!(long.key.len() > 8);
        assert!("share this story with 0 friends today".starts_with(&long.key));
        assert_eq!(
            line_key_start("  Like Loading…!::...  ", 12),
            KeyStart {
                key: "like loading".to_owned(),
                whole: true
            }
        );
        assert_eq!(line_key_start("Share this:", usize::MAX).key, "share this");
        // The rest is looked at once, not once a character: a hostile line
        // of a million dots is folded in one pass.
        let dots = format!("Share this{}", ".".repeat(1 << 20));
        assert_eq!(
            line_key_start(&dots, 12),
            KeyStart {
                key: "share this".to_owned(),
                whole: true
            }
        );
    }

    proptest::proptest! {
        #[test]
        fn a_key_start_is_the_start_of_the_line_key(
            pieces in proptest::collection::vec(proptest::sample::select(super::super::line_pieces()), 0..12),
            trailers in proptest::collection::vec(proptest::sample::select(KEY_TRAILERS.to_vec()), 0..8),
            limit in 0usize..60,
        ) {
            // What the key drops from its end, where the limit may fall.
            let text = pieces.concat() + &trailers.into_iter().collect::<String>() + "…";
            let start = line_key_start(&text, limit);
            let whole_key = line_key(&text);
            if start.whole {
                proptest::prop_assert_eq!(start.key, whole_key);
            } else {
                proptest::prop_assert!(start.key.len() > limit);
                proptest::prop_assert!(whole_key.starts_with(&start.key), "{:?} {:?}", whole_key, start.key);
            }
        }

    }
}
