//! The stages that work on the segmented document, in the order
//! [`normalize`](crate::normalize) runs them, and a way to run them one at a
//! time so the benches (`benches/pipeline.rs`) can time each stage alone.
//!
//! Hidden from the docs and not part of the API: a caller wants
//! [`normalize`](crate::normalize). The document stays opaque here, so the
//! stages' internals can change without breaking anything outside the crate.

use crate::{NormalizeError, Options, blocks, canonical_url, document::Document, run_stage, unicode};

/// A stage that works on the segmented document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `boilerplate`: widgets and CMS furniture.
    Boilerplate,
    /// `headline`: title, authors, publisher and republishers.
    Headline,
    /// `credits`: wire credit trailers.
    Credits,
    /// `see_also`: "See also" links.
    SeeAlso,
    /// `captions`: image captions.
    Captions,
    /// `commentary`: editorial commentary.
    Commentary,
    /// Body and removed blocks in document order.
    Assembly,
    /// `language`: the body's language.
    Language,
    /// `fingerprint`: hashes for de-duplication.
    Fingerprint,
    /// `stats`: sizes of the body.
    Stats,
}

impl Stage {
    /// Every stage, in the order the pipeline runs them.
    pub const ALL: [Self; 10] = [
        Self::Boilerplate,
        Self::Headline,
        Self::Credits,
        Self::SeeAlso,
        Self::Captions,
        Self::Commentary,
        Self::Assembly,
        Self::Language,
        Self::Fingerprint,
        Self::Stats,
    ];

    /// The stage's module name, as its span is named.
    pub fn name(self) -> &'static str {
        match self {
            Self::Boilerplate => "boilerplate",
            Self::Headline => "headline",
            Self::Credits => "credits",
            Self::SeeAlso => "see_also",
            Self::Captions => "captions",
            Self::Commentary => "commentary",
            Self::Assembly => "assembly",
            Self::Language => "language",
            Self::Fingerprint => "fingerprint",
            Self::Stats => "stats",
        }
    }
}

/// Stage 0 alone: the URL in canonical form; `None` for a URL that is not absolute.
pub fn canonical_url(raw: &str) -> Option<String> {
    canonical_url::canonicalize(raw).ok()
}

/// Stage 1 alone: Unicode and spacing.
pub fn unicode(raw: &str) -> String {
    unicode::normalize(raw)
}

/// A document part way through the pipeline.
#[derive(Debug, Clone)]
pub struct PartialDocument {
    /// The document the next stage works on.
    doc: Document,
    /// The options the stages run with.
    options: Options,
}

impl PartialDocument {
    /// Stage 2 alone: segments text that stage 1 normalized.
    pub fn segment(text: &str, options: &Options) -> Self {
        Self {
            doc: Document::new(blocks::segment(text)),
            options: options.clone(),
        }
    }

    /// `raw` taken through every stage before `stage`, ready for it.
    ///
    /// # Errors
    /// [`NormalizeError::BlankText`] when `raw` has no blocks.
    pub fn before(raw: &str, stage: Stage, options: &Options) -> Result<Self, NormalizeError> {
        let mut partial = Self::segment(&unicode(raw), options);
        if partial.doc.blocks.is_empty() {
            return Err(NormalizeError::BlankText);
        }
        for earlier in Stage::ALL.into_iter().take_while(|earlier| *earlier != stage) {
            partial.run(earlier);
        }
        Ok(partial)
    }

    /// Runs one stage, as the pipeline does.
    pub fn run(&mut self, stage: Stage) {
        run_stage(stage, &mut self.doc, &self.options);
    }

    /// How many blocks the document has.
    pub fn blocks(&self) -> usize {
        self.doc.blocks.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Dam opens – By Ann Lee\n\nThe dam opened on Monday.\n\nShare this:";

    #[test]
    fn running_every_stage_gives_what_normalize_gives() {
        let options = Options::default();
        let mut partial = PartialDocument::before(TEXT, Stage::Stats, &options).expect("blocks");
        partial.run(Stage::Stats);
        assert_eq!(Ok(partial.doc.article), crate::normalize_text(TEXT));
    }

    #[test]
    fn a_document_before_the_first_stage_is_only_segmented() {
        let partial = PartialDocument::before(TEXT, Stage::Boilerplate, &Options::default()).expect("blocks");
        assert_eq!(partial.blocks(), 3);
        assert!(partial.doc.blocks.iter().all(|block| block.is_body()));
    }
}
