//! Language. Detects the language of the title and the body on a bounded
//! sample from their start, among an optional allowlist, and reports it as
//! ISO 639-1 where one exists. whatlang names the language; a vote of the
//! sample's stop words in front of it (`stop_words`) settles the clear cases
//! without it and narrows its candidates in the others. Captions and commentary are
//! read only when the title and body are too short to tell (a flash of one
//! line); link titles never.
//!
//! Reads: `Article::title` and `Article::body`, and when they are short
//! `Article::captions` and `Article::commentary`. Writes: `Article::language`.

mod stop_words;

use whatlang::{Detector, Lang, Script};

use self::stop_words::Verdict;
use crate::{
    article::{Article, Language},
    document::Document,
    error::UnknownLanguage,
};

/// The languages the detector may choose from; empty means all it knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguageAllowlist {
    /// The languages, in the order given.
    languages: Vec<Lang>,
}

impl LanguageAllowlist {
    /// Parses ISO 639-1 (`en`) or ISO 639-3 (`eng`) codes.
    ///
    /// # Errors
    /// [`UnknownLanguage`] for a code the detector does not know.
    pub fn parse<S: AsRef<str>>(codes: &[S]) -> Result<Self, UnknownLanguage> {
        let languages = codes
            .iter()
            .enumerate()
            .map(|(index, code)| {
                let code = code.as_ref().trim();
                lang_of(code).ok_or_else(|| UnknownLanguage {
                    index,
                    code: code.to_owned(),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { languages })
    }

    /// Whether every language is allowed.
    pub fn is_empty(&self) -> bool {
        self.languages.is_empty()
    }

    /// Whether `lang` may be chosen.
    fn allows(&self, lang: Lang) -> bool {
        self.is_empty() || self.languages.contains(&lang)
    }
}

/// The whatlang language of an ISO 639-1 or 639-3 code.
fn lang_of(code: &str) -> Option<Lang> {
    let code = code.to_ascii_lowercase();
    let iso639_3 = match code.len() {
        2 => isolang::Language::from_639_1(&code)?.to_639_3(),
        _ => code.as_str(),
    };
    Lang::from_code(iso639_3)
}

/// How much of the title and body is read: about five paragraphs. The
/// stop-word vote stops well before the end on running text, so the size
/// costs only where whatlang is asked; at 1 KiB, articles that open with a
/// line in another language or script (a page's English navigation before
/// Urdu text) were read in the wrong one. The fixture corpus is detected
/// the same with this sample as with the whole body (see the test below).
const SAMPLE_BYTES: usize = 2048;

/// A title and body shorter than this say too little for the detector on
/// their own: a flash of a line or two, a page whose body is a caption.
const SHORT_SAMPLE_BYTES: usize = 200;

/// Fills `Article::language`.
pub(crate) fn apply(doc: &mut Document, allowlist: &LanguageAllowlist) {
    let sample = sample(&doc.article);
    doc.article.language = detect(&sample, allowlist);
}

/// What the detector reads: the title and the start of the body; when they
/// are short, the captions and the commentary too.
fn sample(article: &Article) -> String {
    let text =
        bounded(std::iter::once(article.title.as_str()).chain(article.body.iter().map(String::as_str)));
    if text.len() >= SHORT_SAMPLE_BYTES {
        return text;
    }
    let captions = article.captions.iter().map(|caption| caption.text.as_str());
    let commentary = article
        .commentary
        .iter()
        .flat_map(|commentary| commentary.paragraphs.iter().map(String::as_str));
    bounded(
        std::iter::once(article.title.as_str())
            .chain(article.body.iter().map(String::as_str))
            .chain(captions)
            .chain(commentary),
    )
}

/// The texts one a line, at most `SAMPLE_BYTES` long, cut at a char boundary.
fn bounded<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut sample = String::new();
    for text in texts.filter(|text| !text.is_empty()) {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(text);
        sample.push('\n');
    }
    if sample.len() > SAMPLE_BYTES {
        let mut end = SAMPLE_BYTES;
        while !sample.is_char_boundary(end) {
            end -= 1;
        }
        sample.truncate(end);
    }
    sample
}

/// Detects the language of `text`; an empty `Language` when nothing is found.
fn detect(text: &str, allowlist: &LanguageAllowlist) -> Language {
    let candidates = match stop_words::vote(text, &stop_words::VOTE) {
        Verdict::Settled { lang, script, margin } if allowlist.allows(lang) => {
            return language(lang, script, margin, true);
        }
        Verdict::Narrowed(candidates) => {
            let allowed: Vec<Lang> = candidates
                .into_iter()
                .filter(|&lang| allowlist.allows(lang))
                .collect();
            if allowed.is_empty() {
                allowlist.languages.clone()
            } else {
                allowed
            }
        }
        Verdict::Settled { .. } | Verdict::Open => allowlist.languages.clone(),
    };
    let detector = if candidates.is_empty() {
        Detector::new()
    } else {
        Detector::with_allowlist(candidates)
    };
    detector.detect(text).map_or_else(Language::default, |info| {
        language(info.lang(), info.script(), info.confidence(), info.is_reliable())
    })
}

/// The record's language: ISO 639-1 where the language has a code there.
fn language(lang: Lang, script: Script, confidence: f64, reliable: bool) -> Language {
    let iso639_3 = lang.code();
    let code = isolang::Language::from_639_3(iso639_3)
        .and_then(|language| language.to_639_1())
        .unwrap_or(iso639_3);
    Language {
        code: code.to_owned(),
        iso639_3: iso639_3.to_owned(),
        script: script.name().to_owned(),
        confidence,
        reliable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_reported_as_iso_639_1_with_its_script() {
        let language = detect(
            "The council voted on Tuesday to reopen the old bridge to traffic after two years of repairs.",
            &LanguageAllowlist::default(),
        );
        assert_eq!(
            (language.code.as_str(), language.iso639_3.as_str()),
            ("en", "eng")
        );
        assert_eq!(language.script, "Latin");
        assert!(language.reliable);
        assert!(language.confidence > 0.5);
    }

    #[test]
    fn russian_is_reported_in_cyrillic() {
        let language = detect(
            "Городской совет во вторник проголосовал за открытие старого моста после двух лет ремонта.",
            &LanguageAllowlist::default(),
        );
        assert_eq!(language.code, "ru");
        assert_eq!(language.script, "Cyrillic");
    }

    #[test]
    fn an_empty_body_has_no_language() {
        assert_eq!(detect("", &LanguageAllowlist::default()), Language::default());
    }

    #[test]
    fn the_allowlist_limits_the_choice() {
        // Close enough to Ukrainian that an allowlist decides.
        let text = "Міська рада у вівторок проголосувала за відкриття старого мосту.";
        let only_russian = LanguageAllowlist::parse(&["ru"]).expect("ru");
        assert_eq!(detect(text, &only_russian).code, "ru");
        let ukrainian = LanguageAllowlist::parse(&["ukr", "ru"]).expect("ukr, ru");
        assert_eq!(detect(text, &ukrainian).code, "uk");
    }

    #[test]
    fn unknown_codes_are_refused_with_their_position() {
        assert_eq!(
            LanguageAllowlist::parse(&["en", "xx"]),
            Err(UnknownLanguage {
                index: 1,
                code: "xx".into()
            })
        );
    }

    #[test]
    fn the_sample_gives_the_language_of_the_whole_title_and_body_on_the_fixture_corpus() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/text");
        let mut checked = 0;
        for entry in std::fs::read_dir(&corpus).expect("the fixture corpus") {
            let path = entry.expect("a fixture").path().join("input.txt");
            let text = std::fs::read_to_string(&path).expect("input.txt");
            let article = crate::normalize_text(&text).expect("a record");
            let whole_text = std::iter::once(article.title.as_str())
                .chain(article.body.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("\n");
            let whole = detect(&whole_text, &LanguageAllowlist::default());
            let sampled = detect(&sample(&article), &LanguageAllowlist::default());
            assert_eq!(sampled.code, whole.code, "{}", path.display());
            checked += 1;
        }
        assert!(checked >= 70, "only {checked} fixtures");
    }

    #[test]
    fn a_headline_only_flash_gets_the_language_of_its_headline() {
        let flash = crate::normalize_text("Le Parlement adopte la réforme des retraites après un vote serré")
            .expect("a record");
        assert!(flash.body.is_empty());
        assert_eq!(flash.language.code, "fr");
    }

    #[test]
    fn a_short_body_is_read_with_the_title_captions_and_commentary() {
        let article = Article {
            title: "Der Stadtrat stimmt für die neue Brücke".into(),
            body: vec!["Foto.".into()],
            captions: vec![crate::Caption {
                text: "Die alte Brücke am Morgen".into(),
                occurrences: 2,
            }],
            ..Article::default()
        };
        assert_eq!(
            sample(&article),
            "Der Stadtrat stimmt für die neue Brücke\nFoto.\nDie alte Brücke am Morgen\n"
        );
        let long = Article {
            title: "Title".into(),
            body: vec!["word ".repeat(60)],
            captions: article.captions.clone(),
            ..Article::default()
        };
        assert!(!sample(&long).contains("Brücke"));
    }

    #[test]
    fn the_sample_is_bounded_and_cut_at_a_char_boundary() {
        let article = Article {
            body: vec!["é".repeat(5000)],
            ..Article::default()
        };
        let sample = sample(&article);
        assert!(sample.len() <= SAMPLE_BYTES);
        assert!(sample.chars().all(|c| c == 'é'));
    }
}
