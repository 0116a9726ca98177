//! Names in a byline as a person writes them, for `headline` and
//! `credits`: a name printed in capitals in ordinary case (`MARIA LOPEZ`
//! is `Maria Lopez`), and a news agency named in a byline (`By AP`,
//! `By DANIEL KIM Associated Press`, the agency on the line under the
//! names) taken out as an outlet, never an author. Also the
//! author-and-affiliation line printed under a headline (`Hannah Berg,
//! Senior Lecturer in Urban Ecology, University of Tamsworth`).

use crate::markers;

/// An affiliation line is at most this long.
const MAX_AFFILIATION_CHARS: usize = 200;

/// A person's name has at least this many words, and at most
/// `MAX_NAME_WORDS`.
const MIN_NAME_WORDS: usize = 2;

/// See `MIN_NAME_WORDS`.
const MAX_NAME_WORDS: usize = 4;

/// Lower-case words inside a person's name: `Anne de Vries`.
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el",
];

/// Authors and outlets read from the names of a byline.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Names {
    /// People, in order, in ordinary case.
    pub authors: Vec<String>,
    /// Agencies and outlets named among them, in order.
    pub outlets: Vec<String>,
}

/// Sorts the names of a byline into people and outlets.
pub(crate) fn sort_names(names: Vec<String>) -> Names {
    let mut sorted = Names::default();
    for name in names {
        let (person, outlet) = split_outlet(&name);
        if let Some(outlet) = outlet
            && !sorted.outlets.iter().any(|known| known == outlet)
        {
            sorted.outlets.push(outlet.to_owned());
        }
        if !person.is_empty() {
            sorted.authors.push(ordinary_case(person));
        }
    }
    sorted
}

/// A name without the agency or outlet printed after it: a known agency
/// (`Daniel Kim Associated Press`), or words in ordinary case after a name
/// in capitals (`DANIEL KIM The Harbour Times`).
fn split_outlet(name: &str) -> (&str, Option<&str>) {
    if let Some(start) = markers::agency_start(name) {
        return (name[..start].trim_end(), Some(&name[start..]));
    }
    let words: Vec<(usize, &str)> = word_offsets(name).collect();
    let capitals = words.iter().take_while(|(_, word)| in_capitals(word)).count();
    let rest_reads_as_an_outlet = words[capitals.min(words.len())..]
        .first()
        .is_some_and(|(_, word)| word.chars().next().is_some_and(char::is_uppercase));
    if capitals >= MIN_NAME_WORDS && capitals < words.len() && rest_reads_as_an_outlet {
        let (start, _) = words[capitals];
        return (name[..start].trim_end(), Some(&name[start..]));
    }
    (name, None)
}

/// The words of `text` with their byte offsets.
fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |offset, word| {
            let at = *offset;
            *offset += word.len() + 1;
            Some((at, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

/// Whether a word is printed in capitals: two letters or more, none lower case.
fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// A name printed in capitals in ordinary case: each part of it (between
/// spaces, hyphens and apostrophes) capitalized. Other names, one word in
/// capitals (`CNN`) and text with digits are left as printed.
pub(crate) fn ordinary_case(name: &str) -> String {
    let words: Vec<(usize, &str)> = word_offsets(name).collect();
    if words.len() < MIN_NAME_WORDS
        || !words.iter().all(|(_, word)| in_capitals(word))
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut starts_part = true;
    for c in name.chars() {
        if starts_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        starts_part = matches!(c, ' ' | '-' | '\'' | '’');
    }
    out
}

/// The author of an author-and-affiliation line (`Hannah Berg, Senior
/// Lecturer, University of Tamsworth`): a person's name, a comma, and words
/// that name an institution or a post, with no sentence end.
pub(crate) fn affiliation_author(text: &str) -> Option<String> {
    if text.chars().count() > MAX_AFFILIATION_CHARS || text.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let (name, affiliation) = text.split_once(", ")?;
    (is_person_name(name) && markers::names_an_affiliation(affiliation)).then(|| ordinary_case(name))
}

/// Whether `text` reads as a person's name: two to four words, each
/// capitalized or a particle, no digits.
fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    (MIN_NAME_WORDS..=MAX_NAME_WORDS).contains(&words.len())
        && !text.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|word| NAME_PARTICLES.contains(word) || word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn names_in_capitals_are_written_in_ordinary_case() {
        assert_eq!(ordinary_case("MARIA LOPEZ"), "Maria Lopez");
        assert_eq!(ordinary_case("JEAN-PAUL O'NEILL"), "Jean-Paul O'Neill");
        assert_eq!(ordinary_case("ÉMILE DURAND"), "Émile Durand");
        assert_eq!(ordinary_case("Anne de Vries"), "Anne de Vries");
    }

    #[test]
    fn an_agency_after_the_names_is_an_outlet_and_never_an_author() {
        let sorted = sort_names(names(&["MARIA LOPEZ", "DANIEL KIM Associated Press"]));
        assert_eq!(sorted.authors, ["Maria Lopez", "Daniel Kim"]);
        assert_eq!(sorted.outlets, ["Associated Press"]);
        let agency_only = sort_names(names(&["Reuters"]));
        assert!(agency_only.authors.is_empty());
        assert_eq!(agency_only.outlets, ["Reuters"]);
    }

    #[test]
    fn one_word_in_capitals_or_text_with_digits_keeps_its_case() {
        assert_eq!(ordinary_case("CNN"), "CNN");
        assert_eq!(ordinary_case("2019 6:30 AM"), "2019 6:30 AM");
        let dated = sort_names(names(&["CITY DESK NOVEMBER 20"]));
        assert!(dated.outlets.is_empty(), "{dated:?}");
    }

    #[test]
    fn an_agency_run_into_a_name_in_capitals_is_still_found() {
        let sorted = sort_names(names(&["ERIC TUCKERAssociated Press"]));
        assert_eq!(sorted.authors, ["Eric Tucker"]);
        assert_eq!(sorted.outlets, ["Associated Press"]);
    }

    #[test]
    fn words_in_ordinary_case_after_a_name_in_capitals_are_the_outlet() {
        let sorted = sort_names(names(&["ANNA BERG The Harbour Times"]));
        assert_eq!(sorted.authors, ["Anna Berg"]);
        assert_eq!(sorted.outlets, ["The Harbour Times"]);
        let plain = sort_names(names(&["Anna Berg"]));
        assert_eq!(plain.authors, ["Anna Berg"]);
        assert!(plain.outlets.is_empty());
    }

    #[test]
    fn an_affiliation_line_gives_its_author_but_a_dateline_or_a_sentence_does_not() {
        assert_eq!(
            affiliation_author("Hannah Berg, Senior Lecturer in Urban Ecology, University of Tamsworth")
                .as_deref(),
            Some("Hannah Berg")
        );
        assert_eq!(
            affiliation_author("Jan de Vries, hoogleraar geschiedenis, Universiteit van Brakel").as_deref(),
            Some("Jan de Vries")
        );
        assert_eq!(
            affiliation_author("Port Ellis, Maine — Crews worked through the night."),
            None
        );
        assert_eq!(
            affiliation_author("Hannah Berg, who teaches at the University of Tamsworth, said so."),
            None
        );
        assert_eq!(affiliation_author("New York, March 3"), None);
    }
}
