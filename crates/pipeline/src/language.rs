//! Stage 9: language. Detects the language of the body (never of captions,
//! commentary or link titles) with whatlang, on a bounded sample from the
//! start of the body, and reports it as ISO 639-1 where one exists.

use crate::{article::Language, document::Document};

/// How much of the body the detector reads. Detection time grows with the
/// text, its accuracy hardly does past a few paragraphs.
const SAMPLE_BYTES: usize = 4096;

/// Fills `Article::language`.
pub(crate) fn apply(doc: &mut Document) {
    let sample = sample(&doc.article.body);
    doc.article.language = detect(&sample);
}

/// The start of the body, at most `SAMPLE_BYTES` long, cut at a char boundary.
fn sample(body: &[String]) -> String {
    let mut sample = String::new();
    for paragraph in body {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(paragraph);
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
fn detect(text: &str) -> Language {
    let Some(info) = whatlang::detect(text) else {
        return Language::default();
    };
    let iso639_3 = info.lang().code();
    let code = isolang::Language::from_639_3(iso639_3)
        .and_then(|language| language.to_639_1())
        .unwrap_or(iso639_3);
    Language {
        code: code.to_owned(),
        iso639_3: iso639_3.to_owned(),
        script: info.script().name().to_owned(),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_reported_as_iso_639_1_with_its_script() {
        let language = detect(
            "The council voted on Tuesday to reopen the old bridge to traffic after two years of repairs.",
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
        );
        assert_eq!(language.code, "ru");
        assert_eq!(language.script, "Cyrillic");
    }

    #[test]
    fn an_empty_body_has_no_language() {
        assert_eq!(detect(""), Language::default());
    }

    #[test]
    fn the_sample_is_bounded_and_cut_at_a_char_boundary() {
        let body = vec!["é".repeat(5000)];
        let sample = sample(&body);
        assert!(sample.len() <= SAMPLE_BYTES);
        assert!(sample.chars().all(|c| c == 'é'));
    }
}
