//! Properties of the whole pipeline, on generated articles: it never panics,
//! never loses a word of a clean article, and normalizing its own output
//! again changes nothing.

use normalizer_pipeline::{Article, NormalizeError, normalize_text};
use proptest::prelude::*;

/// Words a clean article is made of: none is a marker word of any language.
const WORDS: &[&str] = &[
    "harbour",
    "council",
    "river",
    "engineers",
    "school",
    "market",
    "winter",
    "budget",
    "residents",
    "bridge",
    "ferry",
    "station",
    "garden",
    "library",
    "village",
    "mayor",
    "opened",
    "closed",
    "repaired",
    "planned",
    "quickly",
    "after",
    "before",
    "during",
    "seven",
    "twelve",
    "Saltmere",
    "Corran",
    "Lindholm",
    "Ostrava",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 4..14).prop_map(|words| {
        let mut sentence = words.join(" ");
        if let Some(first) = sentence.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        sentence + "."
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 2..4).prop_map(|sentences| sentences.join(" "))
}

/// A clean article: a headline and distinct paragraphs of body text.
fn clean_article() -> impl Strategy<Value = (String, Vec<String>)> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 3..8).prop_map(|words| words.join(" ")),
        prop::collection::vec(paragraph(), 1..6),
    )
        .prop_map(|(title, mut body)| {
            body.dedup();
            (title, body)
        })
}

/// The text of a record as an article again: headline, then the body.
fn as_text(record: &Article) -> String {
    std::iter::once(record.title.as_str())
        .chain(record.body.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gets_a_record_or_a_blank_error_and_never_a_panic(text in any::<String>()) {
        if let Err(error) = normalize_text(&text) {
            prop_assert_eq!(error, NormalizeError::BlankText);
            prop_assert!(text.trim().chars().all(|c| !c.is_alphanumeric()), "refused as blank: {:?}", text);
        }
    }

    #[test]
    fn text_made_of_markers_and_punctuation_never_panics(
        parts in prop::collection::vec(
            prop::sample::select(&[
                "See also:", "Comment:", "By ", " – ", "(", ")", "\n", "\n\n", "- ", "Photo: ", "©",
                "%d bloggers like this:", "Share this:", "READ MORE:", "(Reporting by ", ";", "https://x.example/a",
                "Editor's note:", "İLGİLİ", "Voir aussi :", "word", " ", "\u{200B}", "\r\n",
            ][..]),
            0..60,
        )
    ) {
        let _ = normalize_text(&parts.concat());
    }

    #[test]
    fn every_word_of_a_clean_article_is_kept((title, body) in clean_article()) {
        let text = format!("{title}\n\n{}", body.join("\n\n"));
        let record = normalize_text(&text).expect("a record");
        prop_assert_eq!(&record.title, &title);
        prop_assert_eq!(&record.body, &body);
    }

    #[test]
    fn normalizing_the_output_again_changes_nothing((title, body) in clean_article(), noise in 0usize..4) {
        let widgets = ["Share this:", "Like Loading...", "Facebook | Twitter", "%d bloggers like this:"];
        let text = format!("{title}\n\n{}\n\n{}", body.join("\n\n"), widgets[..noise].join("\n\n"));
        let first = normalize_text(&text).expect("a record");
        let second = normalize_text(&as_text(&first)).expect("a record");
        prop_assert_eq!(&second.title, &first.title);
        prop_assert_eq!(&second.body, &first.body);
        prop_assert_eq!(&second.fingerprint, &first.fingerprint);
        prop_assert!(second.removed.is_empty());
    }
}
