//! Author names as pages give them, cleaned to the names alone. Meta tags,
//! JSON-LD and byline elements carry more than names: an opener (`By`,
//! `Written by`, `Von`), a label with no name after it (`Author`), the date
//! and time (`Ann Lee, May 17, 2024 10:04 AM`), an update note run into the
//! name (`Ann LeeUpdated on …`), a job title (`Ann Lee, Senior Reporter`),
//! a `Follow` button, a handle or an e-mail address, or the outlet itself.
//! Several authors stay several.
//!
//! Reads: a raw author string and the outlet names of the page. Writes
//! nothing: [`clean`] returns the names for `metadata` and `headline`.

use super::metadata::same_name;
use crate::markers;

/// Openers before the names, lower case, longest first; the names follow
/// after a space or a colon.
const OPENERS: &[&str] = &[
    "written by",
    "text by",
    "posted by",
    "post by",
    "published by",
    "reported by",
    "article by",
    "story by",
    "words by",
    "authors",
    "author",
    "autorin",
    "autoren",
    "autor",
    "by",
    "von",
    "par",
    "por",
    "door",
];

/// Openers naming someone who did not write the article: what follows is
/// not an author.
const NOT_AUTHOR_OPENERS: &[&str] = &[
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
    "edited by",
    "photo by",
    "photos by",
    "image by",
    "illustration by",
];

/// Labels standing where a name should be: a byline with no name in it;
/// and what a page's script prints when the name failed to load
/// (`undefined`, `null`).
const LABELS: &[&str] = &[
    "author",
    "authors",
    "undefined",
    "null",
    "by",
    "name",
    "admin",
    "administrator",
    "webmaster",
    "posted by",
    "written by",
    "topic author",
    "thread starter",
    "editor",
    "autor",
    "redaktion",
];

/// Words that end the names: what follows is a date, a note, a button or a
/// biography (lower case, whole words).
const STOP_WORDS: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "follow",
    "edited",
    "reviewed",
    "fact",
    "is",
    "was",
    "joined",
    "on",
    "at",
    "am",
    "in",
    "aktualisiert",
    "veröffentlicht",
    "mis",
    "publié",
    "|",
    "·",
    "•",
    "-",
    "–",
    "—",
    "/",
];

/// Weekdays (lower case): a date starts at one.
const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// Words of a job title: a name part holding one is the author's role.
const JOB_WORDS: &[&str] = &[
    "reporter",
    "editor",
    "correspondent",
    "writer",
    "columnist",
    "contributor",
    "journalist",
    "producer",
    "analyst",
    "expert",
    "author",
    "staff",
    "team",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "periodista",
    "redactor",
];

/// Small words inside a name (`Anna van der Berg`, `Luis de la Cruz`); any
/// other word of a name of several words starts with a capital.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la", "le", "al", "el",
    "bin", "ibn", "ter", "zu", "y",
];

/// Degrees and credentials printed after a name (lower case, without dots).
const CREDENTIALS: &[&str] = &[
    "phd", "md", "mba", "rn", "rd", "ms", "ma", "msc", "bsc", "dds", "dmd", "jd", "cpa", "cfa", "esq",
    "lcsw", "np", "facs", "facp", "mph",
];

/// A name has at most this many words; more is a biography or a sentence.
const MAX_NAME_WORDS: usize = 5;

/// The names in `raw`, cleaned; `outlets` (the site, the publisher) are no
/// authors.
pub(crate) fn clean(raw: &str, outlets: &[&str]) -> Vec<String> {
    let text = split_run_ins(&super::metadata::collapse_spaces(raw));
    let lower = text.to_lowercase();
    if NOT_AUTHOR_OPENERS.iter().any(|opener| lower.starts_with(opener)) {
        return Vec::new();
    }
    let text = strip_opener(after_leading_date(strip_opener(&text)));
    let text = until_stop_word(text);
    let mut names: Vec<String> = Vec::new();
    for (index, part) in markers::split_names(&text).into_iter().enumerate() {
        let part = part
            .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '.')
            .trim();
        let part = part.trim_end_matches('.');
        if is_name(part, index, outlets) && !names.iter().any(|name| name == part) {
            names.push(part.to_owned());
        }
    }
    names
}

/// Cleans each of several names (a byline already split), keeping their order.
pub(crate) fn clean_all(names: &[String], outlets: &[&str]) -> Vec<String> {
    let mut cleaned: Vec<String> = Vec::new();
    for name in names.iter().flat_map(|name| clean(name, outlets)) {
        if !cleaned.contains(&name) {
            cleaned.push(name);
        }
    }
    cleaned
}

/// Whether a part of a byline is a person's name.
fn is_name(part: &str, index: usize, outlets: &[&str]) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let lower = part.to_lowercase();
    if words.is_empty()
        || words.len() > MAX_NAME_WORDS
        || !part.chars().any(char::is_alphabetic)
        || part.contains(['@', '©'])
        || lower.starts_with("http")
        || LABELS.contains(&lower.as_str())
        || outlets.iter().any(|outlet| same_name(part, outlet))
    {
        return false;
    }
    // Several words are a name when each starts with a capital (or is a
    // particle or of a script without case), or when all are in lower case
    // (a name typed so); a single word may be a handle. A sentence mixes.
    let starts_lower = |word: &&str| word.chars().next().is_some_and(char::is_lowercase);
    let capitalized = words.len() == 1
        || words.iter().all(starts_lower)
        || words
            .iter()
            .all(|word| NAME_PARTICLES.contains(&word.to_lowercase().as_str()) || !starts_lower(word));
    if !capitalized {
        return false;
    }
    let is_job = words
        .iter()
        .any(|word| JOB_WORDS.contains(&word.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())));
    // A credential after a name (`Ann Lee, MD`, `PhD`): short, in capitals
    // or dotted.
    let bare: String = part
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let is_credential = index > 0
        && words.len() == 1
        && (CREDENTIALS.contains(&bare.as_str())
            || (part.chars().count() <= 6
                && part.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)));
    !(is_credential || (is_job && index > 0))
}

/// Separators between the parts of a byline line.
const BYLINE_SEPARATORS: &[&str] = &["|", "·", "•", "-", "–", "—", "/"];

/// The text after a date opening it and the separator that ends the date
/// (`Dec. 19, 2025 · Ann Lee`, `Monday 2 March | By Ann Lee`), or the text
/// itself.
fn after_leading_date(text: &str) -> &str {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return text;
    };
    if !opens_date(first, words.next()) {
        return text;
    }
    let mut end = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        end += word.len();
        if BYLINE_SEPARATORS.contains(&word.trim()) {
            return text[end..].trim_start();
        }
    }
    text
}

/// Whether a date starts at `word`, `next` following it: a number, a
/// weekday, or a month's name before a number (`May 17`).
fn opens_date(word: &str, next: Option<&str>) -> bool {
    let starts_digit = |word: &str| word.starts_with(|c: char| c.is_ascii_digit());
    let bare = word.trim_end_matches([',', ';', ':', '.']).to_lowercase();
    starts_digit(word)
        || WEEKDAYS.contains(&bare.as_str())
        || (super::dates::month(&bare).is_some() && next.is_some_and(starts_digit))
}

/// The text after an opener (`By`, `Written by:`), or the text itself.
fn strip_opener(text: &str) -> &str {
    let lower = text.to_lowercase();
    for opener in OPENERS {
        if lower.starts_with(opener) && text.is_char_boundary(opener.len()) {
            let rest = &text[opener.len()..];
            if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix(' ')) {
                return rest.trim_start_matches([' ', ':']);
            }
        }
    }
    text
}

/// The words before the first stop word or the first word starting with a
/// digit (a date, a time, a count), without `@handles`.
fn until_stop_word(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut kept = Vec::new();
    for (at, word) in words.iter().enumerate() {
        if word.starts_with('@') {
            continue;
        }
        let bare = word.trim_end_matches([',', ';', ':', '.']).to_lowercase();
        if STOP_WORDS.contains(&bare.as_str()) || opens_date(word, words.get(at + 1).copied()) {
            break;
        }
        kept.push(*word);
    }
    kept.join(" ").trim_end_matches([',', ';', ':']).to_owned()
}

/// Splits words run together where a label meets a name
/// (`ByAnn`, `LeeUpdated`), at a small letter followed by a capital, when
/// one side is an opener or a stop word.
fn split_run_ins(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, word) in text.split(' ').enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let mut start = 0;
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        for pair in chars.windows(2) {
            let [(_, before), (at, after)] = pair else {
                continue;
            };
            if before.is_lowercase() && after.is_uppercase() {
                let left = word[start..*at].to_lowercase();
                let right = word[*at..].to_lowercase();
                let joins_label = OPENERS.contains(&left.as_str())
                    || STOP_WORDS
                        .iter()
                        .any(|stop| stop.len() > 2 && right.starts_with(stop));
                if joins_label {
                    out.push_str(&word[start..*at]);
                    out.push(' ');
                    start = *at;
                }
            }
        }
        out.push_str(&word[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<String> {
        clean(raw, &["River Post"])
    }

    #[test]
    fn openers_and_labels_alone_give_no_name() {
        assert_eq!(names("By Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("Written by: Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("Von Anna Schmidt"), ["Anna Schmidt"]);
        for label in [
            "By",
            "Author",
            "Written by",
            "Posted by:",
            "Name",
            "Administrator",
        ] {
            assert!(names(label).is_empty(), "{label}");
        }
    }

    #[test]
    fn dates_times_notes_and_follow_buttons_end_the_names() {
        assert_eq!(names("By Ann Lee, May 17, 2026 10:04 AM"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee - 11/18/26 11:04 PM"), ["Ann Lee"]);
        assert_eq!(names("Ann LeeUpdated on October 21, 2026"), ["Ann Lee"]);
        assert_eq!(names("Written ByAnn Lee"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee Follow"), ["Ann Lee"]);
        assert_eq!(
            names("Mar. 2, 2026 · Ann Lee on behalf of the board"),
            ["Ann Lee"]
        );
        assert_eq!(names("Monday 2 March 2026 | By Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee | Guest Columnist"), ["Ann Lee"]);
        assert!(names("Sat, 20 Dec, 2026 - 06:36").is_empty());
    }

    #[test]
    fn job_titles_and_credentials_after_a_name_are_dropped_and_several_names_stay_several() {
        assert_eq!(names("Ann Lee, Senior Reporter"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee, MD, PhD"), ["Ann Lee"]);
        assert_eq!(
            names("Ann Lee, Bo Park and Cy Diaz"),
            ["Ann Lee", "Bo Park", "Cy Diaz"]
        );
        assert_eq!(names("The Research Team"), ["The Research Team"]);
    }

    #[test]
    fn handles_addresses_outlets_and_reviewers_are_no_authors() {
        assert_eq!(names("Ann Lee @annlee"), ["Ann Lee"]);
        assert!(names("desk@riverpost.example").is_empty());
        assert!(names("River Post").is_empty());
        assert!(names("Reviewed by Ann Lee").is_empty());
        assert!(names("© 2026 River Post").is_empty());
    }

    #[test]
    fn a_biography_is_not_a_name() {
        assert!(names("Ann writes about rivers and dams for the paper every week").is_empty());
        assert_eq!(names("Ann Lee is a reporter covering rivers"), ["Ann Lee"]);
    }
}
