//! Why the pipeline can refuse an input, or an allowlist its codes.

/// An input the pipeline cannot normalize.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NormalizeError {
    /// Nothing but spaces, control or invisible characters.
    #[error("text is blank")]
    BlankText,
    /// The article URL is not an absolute URL.
    #[error("url is not an absolute URL: {reason}")]
    InvalidUrl {
        /// Why it did not parse.
        reason: String,
    },
    /// HTML elements nest deeper than the extractor follows.
    #[error("html nests elements deeper than {limit} levels")]
    TooDeep {
        /// The deepest nesting accepted.
        limit: usize,
    },
}

/// A language code of an allowlist that is not one the detector knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("languages[{index}] `{code}` is not an ISO 639-1 or 639-3 code of a language the detector knows")]
pub struct UnknownLanguage {
    /// Its position in the list.
    pub index: usize,
    /// The code as given.
    pub code: String,
}
