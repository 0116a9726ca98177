//! Why the pipeline can refuse an input.

/// An input the pipeline cannot normalize.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NormalizeError {
    /// Nothing but spaces, control or invisible characters.
    #[error("text is blank")]
    BlankText,
}
