//! De-duplication fingerprints on whole articles from the fixture corpus:
//! the same story with other junk and spacing hashes the same, a lightly
//! edited copy lands within a few SimHash bits, unrelated stories far apart.

use std::path::Path;

use normalizer_pipeline::{Article, normalize_text};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/text")
        .join(name)
        .join("input.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn record(text: &str) -> Article {
    normalize_text(text).expect("a record")
}

fn distance(a: &Article, b: &Article) -> u32 {
    (a.fingerprint.simhash ^ b.fingerprint.simhash).count_ones()
}

/// The body paragraphs of a record as a plain article with a headline.
fn as_article(record: &Article) -> String {
    format!("{}\n\n{}", record.title, record.body.join("\n\n"))
}

#[test]
fn the_same_story_with_other_boilerplate_and_spacing_has_the_same_body_sha256() {
    let original = record(&fixture("en-01-republished-blog-post"));
    let rescraped = format!(
        "Share this:\r\n\r\n{}\r\n\r\nFacebook | Twitter\r\n\r\nLike Loading…\r\n",
        as_article(&original)
            .replace(". ", ".  ")
            .replace("\n\n", "\r\n\u{00A0}\r\n")
            .replace(' ', " \u{200B}")
    );
    let rescraped = record(&rescraped);
    assert_eq!(rescraped.body, original.body);
    assert_eq!(
        rescraped.fingerprint.body_sha256,
        original.fingerprint.body_sha256
    );
    assert_eq!(rescraped.fingerprint.simhash, original.fingerprint.simhash);
}

/// Replaces the first sentence of body paragraph `index`.
fn replace_first_sentence(record: &Article, index: usize, sentence: &str) -> String {
    let paragraph = &record.body[index];
    let end = paragraph.find(". ").map_or(paragraph.len(), |at| at + 1);
    let mut edited = record.clone();
    edited.body[index] = format!("{sentence}{}", &paragraph[end..]);
    as_article(&edited)
}

#[test]
fn a_typical_article_with_one_sentence_replaced_is_within_8_simhash_bits() {
    // A typical article of about 5 KB: the bodies of eight corpus articles under one headline.
    let bodies: Vec<String> = (1..=8)
        .map(|n| {
            let name =
                std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/text"))
                    .expect("the corpus")
                    .filter_map(Result::ok)
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .find(|name| name.starts_with(&format!("en-{n:02}-")))
                    .expect("an English fixture");
            record(&fixture(&name)).body.join("\n\n")
        })
        .collect();
    let original = record(&format!("Around the county this week\n\n{}", bodies.join("\n\n")));
    let bytes: usize = original.body.iter().map(String::len).sum();
    assert!(bytes > 4_000, "the article has {bytes} bytes of body");
    let edited = record(&replace_first_sentence(
        &original,
        3,
        "A spokesperson for the county said the figures would be published in full next month.",
    ));
    assert_ne!(edited.fingerprint.body_sha256, original.fingerprint.body_sha256);
    let bits = distance(&original, &edited);
    assert!(
        bits <= 8,
        "one replaced sentence moved the SimHash by {bits} bits"
    );
}

#[test]
fn a_short_article_with_one_sentence_reworded_is_within_8_simhash_bits() {
    let original = record(&fixture("en-01-republished-blog-post"));
    let sentence = original.body[0]
        .split(". ")
        .next()
        .expect("a sentence")
        .to_owned();
    let reworded = sentence
        .replacen("Monday", "Tuesday", 1)
        .replacen("five", "six", 1);
    assert_ne!(reworded, sentence, "the sentence changed");
    let edited = record(&as_article(&original).replacen(&sentence, &reworded, 1));
    let bits = distance(&original, &edited);
    assert!(bits <= 8, "a reworded sentence moved the SimHash by {bits} bits");
}

#[test]
fn unrelated_articles_differ_by_more_than_20_simhash_bits() {
    let names = [
        "en-01-republished-blog-post",
        "en-05-byline-next-line-with-outlet",
        "en-11-headline-without-byline-subheadings-stay-in-body",
        "en-17-no-blank-lines-one-block-per-line",
        "en-21-body-words-share-like-comment-related-stay-in-body",
    ];
    let records: Vec<Article> = names.iter().map(|name| record(&fixture(name))).collect();
    for (i, a) in records.iter().enumerate() {
        for (j, b) in records.iter().enumerate().skip(i + 1) {
            let bits = distance(a, b);
            assert!(
                bits > 20,
                "{} and {} differ by only {bits} bits",
                names[i],
                names[j]
            );
        }
    }
}
