//! Stage 10: fingerprint. Hashes the normalized body so that the same story
//! scraped twice, with different boilerplate and spacing, gets the same value.

use sha2::{Digest, Sha256};

use crate::{article::Fingerprint, document::Document};

/// Fills `Article::fingerprint`.
pub(crate) fn apply(doc: &mut Document) {
    doc.article.fingerprint = Fingerprint {
        body_sha256: body_sha256(&doc.article.body),
    };
}

/// Lower-case hex SHA-256 of the paragraphs joined with `\n`.
fn body_sha256(body: &[String]) -> String {
    let mut hasher = Sha256::new();
    for (index, paragraph) in body.iter().enumerate() {
        if index > 0 {
            hasher.update(b"\n");
        }
        hasher.update(paragraph.as_bytes());
    }
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_of_the_paragraphs_joined_with_newlines() {
        let body = vec!["One.".to_owned(), "Two.".to_owned()];
        let expected = hex::encode(Sha256::digest(b"One.\nTwo."));
        assert_eq!(body_sha256(&body), expected);
    }

    #[test]
    fn an_empty_body_hashes_the_empty_string() {
        assert_eq!(
            body_sha256(&[]),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
