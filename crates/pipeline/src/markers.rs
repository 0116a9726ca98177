//! The marker words the stages look for, kept as data: one table per
//! language in `markers/<code>.rs`, plus the few that hold in every language.
//!
//! Labels are matched without regard to case, apostrophe style (`'` or `’`)
//! or spacing before the colon (`Voir aussi :`), with or without the colon.
//! A newsroom extends the normalizer by adding lines to a table.
//!
//! This module holds the tables' schema and the lookups the stages make in
//! them; `matching` holds how markers are folded and found; each stage keeps
//! its own rules (how long a timestamp line may be, what a share bar is).

use std::{collections::HashMap, sync::LazyLock};

use aho_corasick::AhoCorasick;

pub(crate) use matching::{KeyStart, Label, line_key, line_key_start};
use matching::{MarkerTable, find_label};

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

mod matching;

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

/// Separators between author names that hold in every language (the last
/// is the Arabic comma).
const AUTHOR_SEPARATORS: &[&str] = &[", ", " & ", "; ", "، "];

/// Social networks and share targets: a line of nothing but these is a share bar.
pub(crate) const SOCIAL_NETWORKS: &[&str] = &[
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

/// News agencies, as they sign copy in any language: in a byline they are
/// the outlet, never an author.
const AGENCIES: &[&str] = &[
    "The Associated Press",
    "Associated Press",
    "AP",
    "Reuters",
    "Thomson Reuters",
    "Agence France-Presse",
    "AFP",
    "dpa",
    "Deutsche Presse-Agentur",
    "EFE",
    "Agencia EFE",
    "ANSA",
    "PAP",
    "Polska Agencja Prasowa",
    "ANP",
    "Belga",
    "APA",
    "Keystone-SDA",
    "KNA",
    "epd",
    "Europa Press",
    "Lusa",
    "Agência Lusa",
    "Agência Brasil",
    "AGI",
    "Adnkronos",
    "TASS",
    "ТАСС",
    "RIA Novosti",
    "РИА Новости",
    "Interfax",
    "Интерфакс",
    "Ukrinform",
    "Укрінформ",
    "UNIAN",
    "УНІАН",
    "Anadolu Agency",
    "Anadolu Ajansı",
    "AA",
    "MENA",
    "WAFA",
    "KUNA",
    "Bloomberg",
    "Bloomberg News",
    "Xinhua",
    "Kyodo",
    "Kyodo News",
    "Yonhap",
    "PA Media",
    "Press Association",
    "The Canadian Press",
    "Canadian Press",
    "AAP",
    "Australian Associated Press",
];

/// An agency is found at the end of a longer name only when it is at least
/// this long: `Daniel Kim Associated Press`, but not `Ann Lee AA`.
const MIN_TRAILING_AGENCY_CHARS: usize = 4;

/// Words that name an institution or a post, in any of the languages:
/// they make `Name, …` under a headline an author-and-affiliation line.
/// Matched as the start of a word, in any case.
const AFFILIATION_WORDS: &[&str] = &[
    "universit",
    "professor",
    "lecturer",
    "researcher",
    "research fellow",
    "fellow",
    "institut",
    "college",
    "school of",
    "hochschule",
    "dozent",
    "wissenschaftler",
    "professeur",
    "chercheu",
    "maître de conférences",
    "profesor",
    "investigador",
    "catedrátic",
    "docente",
    "ricercat",
    "pesquisador",
    "hoogleraar",
    "onderzoeker",
    "universiteit",
    "uniwersytet",
    "badacz",
    "wykładowca",
    "университет",
    "профессор",
    "исследовател",
    "університет",
    "дослідни",
    "جامعة",
    "أستاذ",
    "üniversite",
    "öğretim",
    "araştırmacı",
    "akademi",
    "academy",
    "académie",
    "accademia",
];

/// Where a news agency starts at the end of `name`, as a byte offset: 0 when
/// the whole name is an agency.
pub(crate) fn agency_start(name: &str) -> Option<usize> {
    static LOWERCASE: LazyLock<Vec<String>> =
        LazyLock::new(|| AGENCIES.iter().map(|agency| agency.to_lowercase()).collect());
    let name = name.trim_end_matches(['.', ',']);
    AGENCIES
        .iter()
        .zip(LOWERCASE.iter())
        .find_map(|(agency, lowercase)| {
            if lowercases_to(name, lowercase) {
                return Some(0);
            }
            let start = name.len().checked_sub(agency.len())?;
            let trailing = agency.chars().count() >= MIN_TRAILING_AGENCY_CHARS
                && name.is_char_boundary(start)
                && lowercases_to(&name[start..], lowercase)
                && starts_after_a_name(&name[..start]);
            trailing.then_some(start)
        })
}

/// Whether `text` in lowercase is `lowercase`, without allocating: a
/// paragraph is told from an agency's name at its first letters.
fn lowercases_to(text: &str, lowercase: &str) -> bool {
    text.chars().flat_map(char::to_lowercase).eq(lowercase.chars())
}

/// Whether what stands before an agency at the end of a name ends a name:
/// a space, or a last name in capitals run into it (`ERIC TUCKERAssociated
/// Press`, where the page lost the line break).
fn starts_after_a_name(before: &str) -> bool {
    before.ends_with(' ')
        || before
            .rsplit(' ')
            .next()
            .is_some_and(|last| last.chars().count() >= 2 && last.chars().all(char::is_uppercase))
}

/// Whether `text` names an institution or a post (`University of …`,
/// `Senior Lecturer`, `hoogleraar`).
pub(crate) fn names_an_affiliation(text: &str) -> bool {
    static WORDS: LazyLock<MarkerTable<()>> =
        LazyLock::new(|| MarkerTable::new(AFFILIATION_WORDS.iter().map(|word| (*word, ()))));
    phrase_ends(text, &WORDS).next().is_some()
}

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
    /// Openings of a line that credits contributors to the report:
    /// `Additional reporting by A`, `Mit Material von dpa`.
    pub contributor_openers: &'static [&'static str],
    /// Endings of such a line: `A in Boston contributed to this report`.
    pub contributor_endings: &'static [&'static str],
    /// Phrases of a copyright or redistribution notice: `All rights reserved`.
    pub rights_notices: &'static [&'static str],
    /// Phrases right before the name of the outlet that first published an
    /// article: `republished from`, `erschien zuerst bei`.
    pub republication_phrases: &'static [&'static str],
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
pub(crate) static BOILERPLATE_LINES: LazyLock<HashMap<String, RemovedKind>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .flat_map(|markers| markers.boilerplate_lines.iter())
        .map(|(line, kind)| (line_key(line), *kind))
        .collect()
});

/// The line keys of the openings of boilerplate lines.
pub(crate) static BOILERPLATE_PREFIXES: LazyLock<Vec<(String, RemovedKind)>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .flat_map(|markers| markers.boilerplate_prefixes.iter())
        .map(|(prefix, kind)| (line_key(prefix), *kind))
        .collect()
});

/// Where each timestamp label (`Updated`, `Publié le`) that `text` starts
/// with ends, as byte offsets.
pub(crate) fn timestamp_label_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    static LABELS: LazyLock<MarkerTable<()>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.timestamp_labels.iter().map(|label| (*label, ()))),
        )
    });
    LABELS.prefixes_of(text).map(|(end, _, _)| end)
}

/// Labels of a last change, folded as line keys, in the twelve languages:
/// the timestamp labels that say a story was updated, not published.
const UPDATE_LABELS: &[&str] = &[
    "updated",
    "last updated",
    "last modified",
    "modified",
    "last edited",
    "aktualisiert",
    "zuletzt aktualisiert",
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualizado",
    "actualización",
    "última actualización",
    "aggiornato",
    "aggiornamento",
    "ultimo aggiornamento",
    "atualizado",
    "atualização",
    "bijgewerkt",
    "laatst bijgewerkt",
    "zaktualizowano",
    "aktualizacja",
    "обновлено",
    "оновлено",
    "تحديث",
    "آخر تحديث",
    "تم التحديث",
    "güncellendi",
    "güncelleme",
    "son güncelleme",
];

/// Whether `text` opens with an update label (`Updated: 4 March`,
/// `Aktualisiert am …`).
pub(crate) fn opens_with_update_label(text: &str) -> bool {
    let key = line_key(text);
    UPDATE_LABELS.iter().any(|label| key.starts_with(label))
}

/// Whether `words` (lower case, one space between them) end with an update
/// label (`last updated`).
pub(crate) fn ends_with_update_label(words: &str) -> bool {
    UPDATE_LABELS.iter().any(|label| ends_with_words(words, label))
}

/// Whether `words` end with the whole words of `tail`.
fn ends_with_words(words: &str, tail: &str) -> bool {
    words
        .strip_suffix(tail)
        .is_some_and(|head| head.is_empty() || head.ends_with(' '))
}

/// Where a publication label (`Published`, `Datum`, `Veröffentlicht`,
/// `Stand`: a timestamp label that is not an update label) that `text`
/// starts with ends, as a byte offset, when a space, a colon or nothing
/// follows it.
pub(crate) fn publication_label_end(text: &str) -> Option<usize> {
    timestamp_label_ends(text)
        .filter(|&end| {
            let rest = &text[end..];
            rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}'])
        })
        .filter(|&end| !opens_with_update_label(&text[..end]))
        .max()
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

/// Whether `text` opens with a contributor opener (`Additional reporting
/// by A`) or ends with a contributor ending (`A contributed to this report`).
pub(crate) fn is_contributor_line(text: &str) -> bool {
    static OPENERS: LazyLock<MarkerTable<()>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.contributor_openers.iter().map(|opener| (*opener, ()))),
        )
    });
    static ENDINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
        LANGUAGES
            .iter()
            .flat_map(|markers| markers.contributor_endings.iter())
            .map(|ending| line_key(ending))
            .collect()
    });
    if OPENERS
        .prefixes_of(text)
        .any(|(end, _, ())| opener_rest(text, end).is_some())
    {
        return true;
    }
    let key = line_key(text);
    ENDINGS.iter().any(|ending| key.ends_with(ending.as_str()))
}

/// Whether `text` holds a copyright or redistribution notice of any
/// language (`All rights reserved`), at the start of a word.
pub(crate) fn has_rights_notice(text: &str) -> bool {
    static NOTICES: LazyLock<MarkerTable<()>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.rights_notices.iter().map(|notice| (*notice, ()))),
        )
    });
    phrase_ends(text, &NOTICES).next().is_some()
}

/// The text after a republication phrase of any language (`republished
/// from`), where the original outlet is named.
pub(crate) fn after_republication_phrase(text: &str) -> Option<&str> {
    static PHRASES: LazyLock<MarkerTable<()>> = LazyLock::new(|| {
        MarkerTable::new(
            LANGUAGES
                .iter()
                .flat_map(|markers| markers.republication_phrases.iter().map(|phrase| (*phrase, ()))),
        )
    });
    phrase_ends(text, &PHRASES).next().map(|end| &text[end..])
}

/// Where the phrases of `table` that start a word of `text` end, as byte
/// offsets, in text order.
fn phrase_ends<'t>(text: &'t str, table: &'t MarkerTable<()>) -> impl Iterator<Item = usize> + 't {
    let word_starts = text.char_indices().filter(move |(at, _)| {
        text[..*at]
            .chars()
            .next_back()
            .is_none_or(|before| !before.is_alphanumeric())
    });
    word_starts.flat_map(move |(at, _)| table.prefixes_of(&text[at..]).map(move |(end, _, ())| at + end))
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

/// Pieces of lines, for property tests: every boilerplate line and opening
/// of every table, network names, separators, and what a line key folds or
/// drops.
#[cfg(test)]
pub(crate) fn line_pieces() -> Vec<String> {
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
}
