//! The articles a run sends: one per corpus article (`<dir>/<case>/input.txt`),
//! each brought to about the target size by adding paragraphs that join two
//! of its own, or by keeping only its first paragraphs, so that every
//! language and shape of the corpus is in the mix and each call carries
//! about the same work.

use std::{
    collections::HashSet,
    path::{Path, PathBuf},
};

use normalizer_proto::v1::{NormalizeRequest, RawArticle, raw_article::Content};

/// Why the corpus gave no articles.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// A folder or file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The folder or file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// No `<case>/input.txt` with any text.
    #[error("{0} holds no `<case>/input.txt` with text")]
    Empty(PathBuf),
}

/// The requests of a run, sent in turn.
#[derive(Debug, Clone)]
pub struct Articles {
    /// One request per corpus article.
    requests: Vec<NormalizeRequest>,
}

impl Articles {
    /// One request per `<dir>/<case>/input.txt`, each sized to about
    /// `target_bytes`.
    ///
    /// # Errors
    /// The folder cannot be read, or holds no article with text.
    pub fn from_corpus(dir: &Path, target_bytes: usize) -> Result<Self, ArticleError> {
        let read_error = |path: &Path| {
            let path = path.to_owned();
            move |source| ArticleError::Read { path, source }
        };
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(read_error(dir))?
            .filter_map(Result::ok)
            .map(|entry| entry.path().join("input.txt"))
            .filter(|input| input.is_file())
            .collect();
        inputs.sort();
        let mut requests = Vec::with_capacity(inputs.len());
        for input in inputs {
            let text = std::fs::read_to_string(&input).map_err(read_error(&input))?;
            if let Some(sized) = sized_article(&text, target_bytes) {
                let case = input.parent().and_then(Path::file_name).unwrap_or_default();
                requests.push(request(case.to_string_lossy().into_owned(), sized));
            }
        }
        if requests.is_empty() {
            return Err(ArticleError::Empty(dir.to_owned()));
        }
        Ok(Self { requests })
    }

    /// The request of call `sequence`: the articles in turn.
    pub fn pick(&self, sequence: u64) -> &NormalizeRequest {
        // Never empty: `from_corpus` refuses an empty corpus.
        &self.requests[(sequence % self.requests.len() as u64) as usize]
    }

    /// The mean article size in bytes.
    pub fn mean_bytes(&self) -> usize {
        let total: usize = self.requests.iter().map(text_bytes).sum();
        total / self.requests.len()
    }

    /// How many different articles there are.
    pub fn len(&self) -> usize {
        self.requests.len()
    }

    /// Never true: a corpus without articles is refused.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }
}

/// The size of the article text of `request`, in bytes.
pub fn text_bytes(request: &NormalizeRequest) -> usize {
    match request
        .article
        .as_ref()
        .and_then(|article| article.content.as_ref())
    {
        Some(Content::Text(text) | Content::Html(text)) => text.len(),
        Some(Content::HtmlBytes(bytes)) => bytes.len(),
        None => 0,
    }
}

fn request(id: String, text: String) -> NormalizeRequest {
    NormalizeRequest {
        article: Some(RawArticle {
            id,
            url: String::new(),
            content: Some(Content::Text(text)),
            content_type: String::new(),
        }),
        options: None,
    }
}

/// `text` brought to about `target_bytes` at paragraph boundaries: its
/// headline and its paragraphs (blocks between blank lines, or lines when it
/// has no blank line) in order, then, while there is room, new paragraphs
/// that each join two different ones of them, a different pair each time.
/// Sizing prints no paragraph twice: the pipeline takes a short block
/// printed twice for an image caption, and an article of repeated paragraphs
/// would lose its body. A text longer than the target keeps its first
/// paragraphs; the headline and one paragraph are always kept. `None` for a
/// text without paragraphs.
fn sized_article(text: &str, target_bytes: usize) -> Option<String> {
    const SEPARATOR: &str = "\n\n";
    let blocks = |separator: &'static str| -> Vec<&str> {
        text.split(separator)
            .map(str::trim)
            .filter(|paragraph| !paragraph.is_empty())
            .collect()
    };
    // A text without blank lines has one block per line.
    let mut paragraphs = blocks("\n\n");
    if paragraphs.len() < 2 {
        paragraphs = blocks("\n");
    }
    let (headline, body) = paragraphs.split_first().filter(|(_, body)| !body.is_empty())?;
    let count = body.len();
    let mut joined_before = HashSet::new();
    let joined = (1..count)
        .flat_map(|shift| (0..count).map(move |first| (first, (first + shift) % count)))
        .map(|(first, second)| format!("{} {}", body[first], body[second]))
        .filter(|paragraph| joined_before.insert(paragraph.clone()));
    let mut article = String::from(*headline);
    for (n, paragraph) in body
        .iter()
        .map(|paragraph| (*paragraph).to_owned())
        .chain(joined)
        .enumerate()
    {
        let grown = article.len() + SEPARATOR.len() + paragraph.len();
        if n > 0 && grown > target_bytes {
            break;
        }
        article.push_str(SEPARATOR);
        article.push_str(&paragraph);
    }
    Some(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_article_grows_by_paragraphs_that_join_two_of_its_own() {
        let text = "Headline\n\nFirst paragraph.\n\nSecond paragraph.\n";
        let sized = sized_article(text, 100).expect("an article");
        assert_eq!(
            sized,
            "Headline\n\nFirst paragraph.\n\nSecond paragraph.\n\nFirst paragraph. Second paragraph."
        );
    }

    #[test]
    fn sizing_prints_no_paragraph_twice() {
        let text = "Headline\n\nOne.\n\nTwo.\n\nThree.\n\nFour.";
        let sized = sized_article(text, 10_000).expect("an article");
        let paragraphs: Vec<&str> = sized.split("\n\n").collect();
        let distinct: HashSet<&str> = paragraphs.iter().copied().collect();
        assert_eq!(distinct.len(), paragraphs.len(), "{paragraphs:?}");
        // The headline, the four paragraphs, and every ordered pair of two of them.
        assert_eq!(paragraphs.len(), 1 + 4 + 4 * 3, "{paragraphs:?}");
    }

    #[test]
    fn a_long_article_keeps_its_first_paragraphs() {
        let text = format!("Headline\n\n{}\n\n{}", "a".repeat(50), "b".repeat(50));
        let sized = sized_article(&text, 70).expect("an article");
        assert_eq!(sized, format!("Headline\n\n{}", "a".repeat(50)));
    }

    #[test]
    fn the_headline_and_one_paragraph_are_kept_whatever_the_target() {
        let sized = sized_article("Headline\n\nBody.", 1).expect("an article");
        assert_eq!(sized, "Headline\n\nBody.");
    }

    #[test]
    fn a_text_without_blank_lines_has_one_paragraph_per_line() {
        let sized = sized_article("Headline\nOne.\nTwo.\n", 40).expect("an article");
        assert_eq!(sized, "Headline\n\nOne.\n\nTwo.\n\nOne. Two.");
    }

    #[test]
    fn a_text_without_paragraphs_gives_no_article() {
        assert_eq!(sized_article("Only a headline", 100), None);
        assert_eq!(sized_article("\n\n  \n\n", 100), None);
    }

    #[test]
    fn the_fixture_corpus_gives_one_article_per_case_near_the_target() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/text");
        let articles = Articles::from_corpus(&corpus, 5000).expect("the corpus loads");
        assert!(articles.len() >= 20, "{}", articles.len());
        let mean = articles.mean_bytes();
        assert!((4000..=5000).contains(&mean), "mean {mean} bytes");
        assert_eq!(
            articles.pick(0),
            articles.pick(articles.len() as u64),
            "the articles repeat in turn"
        );
    }
}
