//! The marker words the stages look for, kept as data: one table per
//! language in `markers/<code>.rs`, plus the few that hold in every language.
//!
//! Labels are matched without regard to case, apostrophe style (`'` or `’`)
//! or spacing before the colon (`Voir aussi :`), with or without the colon.
//! A newsroom extends the normalizer by adding lines to a table.

use std::{collections::HashMap, sync::LazyLock};

use aho_corasick::AhoCorasick;

use crate::article::RemovedKind;

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pl;
mod pt;
mod ru;
mod tr;
mod uk;

/// Every language's table. Labels of all languages are looked for in every
/// article: the language is only known once the body is.
const LANGUAGES: &[&LanguageMarkers] = &[
    &en::MARKERS,
    &de::MARKERS,
    &fr::MARKERS,
    &es::MARKERS,
    &it::MARKERS,
    &pt::MARKERS,
    &nl::MARKERS,
    &pl::MARKERS,
    &ru::MARKERS,
    &uk::MARKERS,
    &ar::MARKERS,
    &tr::MARKERS,
];

/// Separators between a headline and its byline: `Headline – By Name`.
pub(crate) const BYLINE_SEPARATORS: &[&str] = &[" – ", " — ", " - ", " | "];

/// Separators between author names that hold in every language (the last
/// is the Arabic comma).
const AUTHOR_SEPARATORS: &[&str] = &[", ", " & ", "; ", "، "];

/// Social networks and share targets: a line of nothing but these is a share bar.
const SOCIAL_NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "print",
    "reddit",
    "linkedin",
    "pinterest",
    "tumblr",
    "pocket",
    "vk",
    "vkontakte",
    "mastodon",
    "threads",
    "bluesky",
    "instagram",
    "youtube",
    "messenger",
    "viber",
    "flipboard",
];

/// How far a commentary label reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extent {
    /// To the end of the article or the next trailer (a republisher's `Comment:`).
    ToEnd,
    /// One paragraph: the label's own text, or the next block when it has none.
    OneParagraph,
}

/// What a name in a wire credit trailer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CreditRole {
    /// Reported or wrote the story: an author.
    Reporter,
    /// Edited, compiled or translated it.
    Editor,
}

/// The markers of one language.
#[derive(Debug)]
pub(crate) struct LanguageMarkers {
    /// ISO 639-1 code of the language, for whoever reads the table.
    #[allow(dead_code)]
    pub language: &'static str,
    /// Words that open a byline: `By`.
    pub byline_openers: &'static [&'static str],
    /// Words that join the last two author names: `and`.
    pub author_conjunctions: &'static [&'static str],
    /// Labels of "See also" links and headings.
    pub see_also_labels: &'static [&'static str],
    /// Labels that open editorial commentary, and how far each reaches.
    pub commentary_labels: &'static [(&'static str, Extent)],
    /// Whole lines of boilerplate, as printed (digits stand for any number).
    pub boilerplate_lines: &'static [(&'static str, RemovedKind)],
    /// Openings of boilerplate lines.
    pub boilerplate_prefixes: &'static [(&'static str, RemovedKind)],
    /// Labels of a line that only says when the story was published or
    /// updated: `Updated: 5:27 am`.
    pub timestamp_labels: &'static [&'static str],
    /// Photo credits appended to captions, matched as printed.
    pub photo_credits: &'static [&'static str],
    /// Openers of the parts of a wire credit trailer:
    /// `(Reporting by A; Editing by B)`.
    pub wire_credits: &'static [(&'static str, CreditRole)],
}

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
struct KeyStart {
    /// The whole key, or, when `whole` is false, its first bytes: more than
    /// the limit asked for.
    key: String,
    /// Whether `key` is the whole key.
    whole: bool,
}

/// The line key of `text`, built only as far as needed to tell that it is
/// longer than `limit` bytes: a paragraph is compared with short table keys,
/// and folding all of it would be wasted.
fn line_key_start(text: &str, limit: usize) -> KeyStart {
    let unfilled;
    let text = if text.contains("%d") {
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
struct MarkerTable<T> {
    /// Each marker folded, as printed in its table, and what it means, in
    /// table order.
    markers: Vec<(String, &'static str, T)>,
    /// The positions in `markers` of the markers that start with each
    /// folded character, in table order.
    by_first_char: HashMap<char, Vec<usize>>,
}

impl<T: Copy> MarkerTable<T> {
    fn new(markers: impl Iterator<Item = (&'static str, T)>) -> Self {
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
    fn prefixes_of<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, &'static str, T)> + 't {
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
fn find_label<'a, T: Copy>(text: &'a str, table: &MarkerTable<T>) -> Option<Label<'a>> {
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

/// A "See also" label at the start of `text`.
pub(crate) fn see_also_label(text: &str) -> Option<Label<'_>> {
    static LABELS: LazyLock<MarkerTable<()>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.see_also_labels.iter().map(|label| (*label, ()))),
        )
    });
    find_label(text, &LABELS)
}

/// A commentary label at the start of `text`, and how far it reaches.
pub(crate) fn commentary_label(text: &str) -> Option<(Label<'_>, Extent)> {
    static LABELS: LazyLock<MarkerTable<Extent>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.commentary_labels.iter().copied()),
        )
    });
    /// The extent of each label by its line key; the first table to list
    /// a key decides.
    static EXTENTS: LazyLock<HashMap<String, Extent>> = LazyLock::new(|| {
        let mut extents = HashMap::new();
        for (label, extent) in LANGUAGES
            .iter()
            .flat_map(|markers| markers.commentary_labels.iter())
        {
            extents.entry(line_key(label)).or_insert(*extent);
        }
        extents
    });
    let label = find_label(text, &LABELS)?;
    let extent = EXTENTS
        .get(&line_key(label.printed))
        .map_or(Extent::OneParagraph, |extent| *extent);
    Some((label, extent))
}

/// Whether `text` opens with a label that starts a block of its own.
pub(crate) fn starts_with_label(text: &str) -> bool {
    see_also_label(text).is_some() || commentary_label(text).is_some()
}

/// Whole boilerplate lines by their line keys.
static BOILERPLATE_LINES: LazyLock<HashMap<String, RemovedKind>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .flat_map(|markers| markers.boilerplate_lines.iter())
        .map(|(line, kind)| (line_key(line), *kind))
        .collect()
});

/// The line keys of the openings of boilerplate lines.
static BOILERPLATE_PREFIXES: LazyLock<Vec<(String, RemovedKind)>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .flat_map(|markers| markers.boilerplate_prefixes.iter())
        .map(|(prefix, kind)| (line_key(prefix), *kind))
        .collect()
});

/// The longest key of both boilerplate tables and the longest network name:
/// a line whose key is longer can only be a share bar.
static LONGEST_BOILERPLATE_KEY: LazyLock<usize> = LazyLock::new(|| {
    BOILERPLATE_LINES
        .keys()
        .chain(BOILERPLATE_PREFIXES.iter().map(|(prefix, _)| prefix))
        .map(String::len)
        .chain(SOCIAL_NETWORKS.iter().map(|name| name.len()))
        .max()
        .unwrap_or_default()
});

/// What kind of boilerplate a whole line is, if it is boilerplate.
pub(crate) fn boilerplate_kind(text: &str) -> Option<RemovedKind> {
    let KeyStart { key, whole } = line_key_start(text, *LONGEST_BOILERPLATE_KEY);
    if whole && let Some(kind) = BOILERPLATE_LINES.get(&key) {
        return Some(*kind);
    }
    if let Some((_, kind)) = BOILERPLATE_PREFIXES
        .iter()
        .find(|(prefix, _)| key.starts_with(prefix.as_str()))
    {
        return Some(*kind);
    }
    let social = if whole {
        is_social_links(&key)
    } else {
        // A long line is a share bar only if it opens with a network name
        // (a first word that runs past the start cannot be one); only then
        // is the whole key worth building.
        social_words(&key)
            .next()
            .is_none_or(|first| SOCIAL_NETWORKS.contains(&first))
            && is_social_links(&line_key(text))
    };
    social.then_some(RemovedKind::SocialLinks)
}

/// A timestamp line is at most this long.
const MAX_TIMESTAMP_CHARS: usize = 100;

/// A timestamp line has a digit this close after its label.
const TIMESTAMP_DIGIT_WITHIN: usize = 16;

/// Whether `text` is a line that only says when the story was published or
/// updated: short, opening with a timestamp label (after an optional `|`),
/// with a digit soon after it (`Updated 5:27 am`, `PUBLISHED: 10:48, Tue`,
/// `Publié le 19/11/2019`), unlike a sentence that opens with the same word.
pub(crate) fn is_timestamp_line(text: &str) -> bool {
    static LABELS: LazyLock<MarkerTable<()>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.timestamp_labels.iter().map(|label| (*label, ()))),
        )
    });
    if text.chars().count() > MAX_TIMESTAMP_CHARS {
        return false;
    }
    let text = text.trim_start_matches(['|', ' ']);
    LABELS.prefixes_of(text).any(|(end, _, _)| {
        let rest = &text[end..];
        let word_ends = rest.is_empty() || rest.starts_with([' ', ':']);
        word_ends
            && rest
                .chars()
                .take(TIMESTAMP_DIGIT_WITHIN)
                .any(|c| c.is_ascii_digit())
    })
}

/// Whether `text` is nothing but a photo credit (`Photo: Ann Lee`,
/// `© Agency`), printed apart from its caption.
pub(crate) fn is_photo_credit_line(text: &str) -> bool {
    text.chars().count() <= MAX_CREDIT_LINE_CHARS && photo_credit_starts(text).any(|at| at == 0)
}

/// A credit printed on its own line is at most this long.
const MAX_CREDIT_LINE_CHARS: usize = 80;

/// Whether a line key is nothing but social network names.
fn is_social_links(key: &str) -> bool {
    let mut names = social_words(key).peekable();
    names.peek().is_some() && names.all(|name| SOCIAL_NETWORKS.contains(&name))
}

/// The words of a line key, split where a share bar separates its names.
fn social_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | ','))
        .filter(|name| !name.is_empty())
}

/// The names after a byline opener (`By `, `Autor:`) at the start of
/// `text`. Names start with a capital (or an uncased script's) letter, so
/// `by Friday` is no byline but `By Friday Adeyemi` is.
pub(crate) fn strip_byline_opener(text: &str) -> Option<&str> {
    static OPENERS: LazyLock<MarkerTable<()>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.byline_openers.iter().map(|opener| (*opener, ()))),
        )
    });
    OPENERS
        .prefixes_of(text)
        .filter_map(|(end, opener, ())| opener_rest(text, end).map(|rest| (opener.len(), rest)))
        .max_by_key(|(length, _)| *length)
        .map(|(_, rest)| rest)
        .filter(|rest| rest.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// The text after an opener that ends at `end` in `text`, when a space or a
/// colon follows it.
fn opener_rest(text: &str, end: usize) -> Option<&str> {
    let after = &text[end..];
    let rest = match after.trim_start().strip_prefix(':') {
        Some(rest) => rest,
        None => after.strip_prefix(' ')?,
    };
    Some(rest.trim_start()).filter(|rest| !rest.is_empty())
}

/// A wire credit opener at the start of `segment`, its role and the names
/// after it.
pub(crate) fn wire_credit(segment: &str) -> Option<(CreditRole, &str)> {
    static OPENERS: LazyLock<MarkerTable<CreditRole>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.wire_credits.iter().copied()),
        )
    });
    OPENERS
        .prefixes_of(segment)
        .filter_map(|(end, opener, role)| opener_rest(segment, end).map(|rest| (opener.len(), role, rest)))
        .max_by_key(|(length, _, _)| *length)
        .map(|(_, role, rest)| (role, rest))
}

/// Splits a list of names: `A, B and C` gives `[A, B, C]`.
pub(crate) fn split_names(text: &str) -> Vec<String> {
    static SEPARATORS: LazyLock<Vec<String>> = LazyLock::new(|| {
        let conjunctions = LANGUAGES
            .iter()
            .flat_map(|markers| markers.author_conjunctions.iter())
            .map(|word| format!(" {word} "));
        AUTHOR_SEPARATORS
            .iter()
            .map(|s| (*s).to_owned())
            .chain(conjunctions)
            .collect()
    });
    let mut names = vec![text.to_owned()];
    for separator in SEPARATORS.iter() {
        names = names
            .iter()
            .flat_map(|name| name.split(separator.as_str()))
            .map(|name| name.trim().to_owned())
            .collect();
    }
    names.retain(|name| !name.is_empty());
    names
}

/// Where a photo credit of any language (as printed) starts in `text`, as
/// byte offsets, every occurrence of every credit, in no particular order.
/// No credit overlaps itself, so these are the starts a search for each
/// credit alone would give.
pub(crate) fn photo_credit_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    static CREDITS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        let credits = LANGUAGES
            .iter()
            .flat_map(|markers| markers.photo_credits.iter().copied())
            .chain(["©"]);
        AhoCorasick::new(credits).expect("the photo credits build an automaton")
    });
    CREDITS.find_overlapping_iter(text).map(|found| found.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_without_regard_to_case_colon_spacing_or_apostrophe() {
        assert_eq!(see_also_label("SEE ALSO: x").map(|l| l.rest), Some("x"));
        assert_eq!(see_also_label("See also :x").map(|l| l.printed), Some("See also"));
        assert_eq!(see_also_label("See Also").map(|l| l.rest), Some(""));
        let (label, extent) = commentary_label("Editor’s note: updated").expect("label");
        assert_eq!(
            (label.printed, label.rest, extent),
            ("Editor’s note", "updated", Extent::OneParagraph)
        );
    }

    #[test]
    fn a_label_must_end_at_a_colon_or_the_end_of_the_block() {
        assert_eq!(see_also_label("Related to the case, police said"), None);
        assert_eq!(commentary_label("Comments were sought"), None);
        assert_eq!(commentary_label("Commentary: x"), None);
    }

    #[test]
    fn the_longest_label_wins() {
        let label = see_also_label("Related stories: x").expect("label");
        assert_eq!(label.printed, "Related stories");
    }

    #[test]
    fn boilerplate_lines_match_with_any_number_and_ellipsis_style() {
        assert_eq!(
            boilerplate_kind("%d bloggers like this:"),
            Some(RemovedKind::LikesWidget)
        );
        assert_eq!(
            boilerplate_kind("17 bloggers like this:"),
            Some(RemovedKind::LikesWidget)
        );
        assert_eq!(boilerplate_kind("Like Loading…"), Some(RemovedKind::LikesWidget));
        assert_eq!(
            boilerplate_kind("Click to share on Reddit (Opens in new window)"),
            Some(RemovedKind::ShareWidget)
        );
        assert_eq!(
            boilerplate_kind("Facebook | Twitter | WhatsApp"),
            Some(RemovedKind::SocialLinks)
        );
        assert_eq!(boilerplate_kind("Share prices fell."), None);
    }

    #[test]
    fn byline_openers_need_a_name_after_them() {
        assert_eq!(strip_byline_opener("By Jane Roe"), Some("Jane Roe"));
        assert_eq!(strip_byline_opener("by  Jane Roe"), Some("Jane Roe"));
        assert_eq!(strip_byline_opener("By"), None);
        assert_eq!(strip_byline_opener("Bystanders said"), None);
    }

    #[test]
    fn a_byline_opener_may_take_a_colon_and_a_lowercase_word_is_no_name() {
        assert_eq!(strip_byline_opener("Autor: Jan Nowak"), Some("Jan Nowak"));
        assert_eq!(strip_byline_opener("Von Anna Berg"), Some("Anna Berg"));
        assert_eq!(strip_byline_opener("by the river"), None);
    }

    #[test]
    fn wire_credits_give_the_role_and_the_names() {
        assert_eq!(
            wire_credit("Reporting by Ann Lee"),
            Some((CreditRole::Reporter, "Ann Lee"))
        );
        assert_eq!(
            wire_credit("Additional reporting by Bo Park"),
            Some((CreditRole::Reporter, "Bo Park"))
        );
        assert_eq!(
            wire_credit("editing by Cy Moss"),
            Some((CreditRole::Editor, "Cy Moss"))
        );
        assert_eq!(
            wire_credit("Bericht von Anna Berg"),
            Some((CreditRole::Reporter, "Anna Berg"))
        );
        assert_eq!(wire_credit("Reporters said"), None);
    }

    #[test]
    fn labels_of_every_language_are_found() {
        for (text, label) in [
            ("Siehe auch: x", "Siehe auch"),
            ("Voir aussi : x", "Voir aussi"),
            ("LEA TAMBIÉN: x", "LEA TAMBIÉN"),
            ("Читайте также: x", "Читайте также"),
            ("Читайте також: x", "Читайте також"),
            ("اقرأ أيضا: x", "اقرأ أيضا"),
            ("Ayrıca okuyun: x", "Ayrıca okuyun"),
            ("AYRICA OKUYUN: x", "AYRICA OKUYUN"),
            ("İLGİLİ HABERLER", "İLGİLİ HABERLER"),
            ("Czytaj też: x", "Czytaj też"),
            ("Zie ook: x", "Zie ook"),
            ("Leggi anche: x", "Leggi anche"),
            ("Leia também: x", "Leia também"),
        ] {
            assert_eq!(see_also_label(text).map(|l| l.printed), Some(label), "{text}");
        }
        assert_eq!(
            commentary_label("Anmerkung der Redaktion: x").map(|(_, extent)| extent),
            Some(Extent::OneParagraph)
        );
        assert_eq!(
            commentary_label("Commentaire : x").map(|(_, extent)| extent),
            Some(Extent::ToEnd)
        );
    }

    #[test]
    fn names_split_on_commas_ampersands_and_conjunctions() {
        assert_eq!(
            split_names("Ann Lee, Bo Park and Cy Moss"),
            ["Ann Lee", "Bo Park", "Cy Moss"]
        );
        assert_eq!(split_names("Ann Lee & Bo Park"), ["Ann Lee", "Bo Park"]);
        assert_eq!(split_names("Ann Lee"), ["Ann Lee"]);
    }

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

    #[test]
    fn a_long_share_bar_is_found_past_the_key_limit() {
        let bar = ["Facebook"; 40].join(" | ");
        assert!(bar.len() > *LONGEST_BOILERPLATE_KEY);
        assert_eq!(boilerplate_kind(&bar), Some(RemovedKind::SocialLinks));
        assert_eq!(boilerplate_kind(&format!("{bar} | Newsletter")), None);
        assert_eq!(
            boilerplate_kind(&format!(" | {bar}")),
            Some(RemovedKind::SocialLinks)
        );
    }

    /// The kind `boilerplate_kind` must give: the tables looked up with the
    /// whole line key.
    fn kind_by_whole_key(text: &str) -> Option<RemovedKind> {
        let key = line_key(text);
        BOILERPLATE_LINES.get(&key).copied().or_else(|| {
            BOILERPLATE_PREFIXES
                .iter()
                .find(|(prefix, _)| key.starts_with(prefix.as_str()))
                .map(|(_, kind)| *kind)
                .or_else(|| is_social_links(&key).then_some(RemovedKind::SocialLinks))
        })
    }

    /// Pieces of lines: every boilerplate line and opening of every table,
    /// network names, separators, and what the key folds or drops.
    fn line_pieces() -> Vec<String> {
        LANGUAGES
            .iter()
            .flat_map(|markers| {
                markers
                    .boilerplate_lines
                    .iter()
                    .chain(markers.boilerplate_prefixes)
                    .map(|(text, _)| *text)
            })
            .chain(SOCIAL_NETWORKS.iter().copied())
            .chain([
                " ", " | ", ", ", "/", ":", ".", "!", "…", "%d", "2024", "İ", "É", "prices", "\u{00A0}",
            ])
            .map(str::to_owned)
            .collect()
    }

    /// Pieces of share bars: each network name with each separator after it.
    fn share_bar_pieces() -> Vec<String> {
        SOCIAL_NETWORKS
            .iter()
            .flat_map(|name| [" ", " | ", ", ", "/", " · "].map(|separator| format!("{name}{separator}")))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn a_key_start_is_the_start_of_the_line_key(
            pieces in proptest::collection::vec(proptest::sample::select(line_pieces()), 0..12),
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

        #[test]
        fn boilerplate_is_found_as_with_the_whole_key(
            pieces in proptest::prop_oneof![
                proptest::collection::vec(proptest::sample::select(line_pieces()), 0..30),
                // Share bars, long ones included.
                proptest::collection::vec(proptest::sample::select(share_bar_pieces()), 0..60),
            ],
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(boilerplate_kind(&text), kind_by_whole_key(&text), "{:?}", text);
        }
    }
}
