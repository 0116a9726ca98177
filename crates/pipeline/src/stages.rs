//! The stages in the order [`normalize`](crate::normalize) runs them,
//! written once ([`Stage::ALL`]), and a way to run them one at a time so the
//! benches (`benches/pipeline.rs`) can time each stage alone.
//!
//! Hidden from the docs and not part of the API: a caller wants
//! [`normalize`](crate::normalize). The document stays opaque here, so the
//! stages' internals can change without breaking anything outside the crate.

use crate::{Format, Input, NormalizeError, Options, document::Document, run_stage};

/// One stage of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `canonical_url`: the article URL without tracking parameters.
    CanonicalUrl,
    /// `unicode`: NFC, line ends, invisible characters, spacing (text).
    Unicode,
    /// `blocks`: paragraphs, list items and labelled lines (text).
    Blocks,
    /// `html`: a page's metadata, and the blocks of its main content and of
    /// the boxes it marks (HTML, in place of `unicode` and `blocks`).
    Html,
    /// `page`: the page's canonical URL and publication time (HTML).
    Page,
    /// `boilerplate`: widgets and CMS furniture.
    Boilerplate,
    /// `timestamps`: the dates of publication lines.
    Timestamps,
    /// `headline`: title, authors, publisher and republishers.
    Headline,
    /// `credits`: wire credit trailers.
    Credits,
    /// `trailers`: contributor lines, copyright notices, republication
    /// trailers.
    Trailers,
    /// `see_also`: "See also" links.
    SeeAlso,
    /// `captions`: image captions.
    Captions,
    /// `commentary`: editorial commentary.
    Commentary,
    /// `assembly`: body and removed blocks in document order.
    Assembly,
    /// `language`: the body's language.
    Language,
    /// `fingerprint`: hashes for de-duplication.
    Fingerprint,
    /// `stats`: sizes of the body.
    Stats,
}

impl Stage {
    /// Every stage, in the order the pipeline runs them; each runs only on
    /// the formats it [reads](Self::reads).
    pub const ALL: [Self; 17] = [
        Self::CanonicalUrl,
        Self::Unicode,
        Self::Blocks,
        Self::Html,
        Self::Page,
        Self::Boilerplate,
        Self::Timestamps,
        Self::Headline,
        Self::Credits,
        Self::Trailers,
        Self::SeeAlso,
        Self::Captions,
        Self::Commentary,
        Self::Assembly,
        Self::Language,
        Self::Fingerprint,
        Self::Stats,
    ];

    /// The stage's name: its module's, its span's and its metric label.
    pub fn name(self) -> &'static str {
        match self {
            Self::CanonicalUrl => "canonical_url",
            Self::Unicode => "unicode",
            Self::Blocks => "blocks",
            Self::Html => "html",
            Self::Page => "page",
            Self::Boilerplate => "boilerplate",
            Self::Timestamps => "timestamps",
            Self::Headline => "headline",
            Self::Credits => "credits",
            Self::Trailers => "trailers",
            Self::SeeAlso => "see_also",
            Self::Captions => "captions",
            Self::Commentary => "commentary",
            Self::Assembly => "assembly",
            Self::Language => "language",
            Self::Fingerprint => "fingerprint",
            Self::Stats => "stats",
        }
    }

    /// Whether the stage runs on input of `format`.
    pub fn reads(self, format: Format) -> bool {
        match self {
            Self::Unicode | Self::Blocks => format == Format::Text,
            Self::Html | Self::Page => format == Format::Html,
            _ => true,
        }
    }

    /// Whether the stage cuts the input into blocks: past it, a document
    /// without blocks is refused as blank.
    pub(crate) fn segments(self) -> bool {
        matches!(self, Self::Blocks | Self::Html)
    }
}

/// A document part way through the pipeline.
#[derive(Debug, Clone)]
pub struct PartialDocument<'a> {
    /// The document the next stage works on.
    doc: Document<'a>,
    /// The options the stages run with.
    options: Options,
}

impl<'a> PartialDocument<'a> {
    /// `input` taken through every stage before `stage` that reads its
    /// format, ready for it.
    ///
    /// # Errors
    /// What those stages refuse, as [`normalize`](crate::normalize) would.
    pub fn before(input: Input<'a>, stage: Stage, options: &Options) -> Result<Self, NormalizeError> {
        let mut partial = Self {
            doc: Document::new(input),
            options: options.clone(),
        };
        for earlier in Stage::ALL.into_iter().take_while(|earlier| *earlier != stage) {
            if earlier.reads(input.format) {
                partial.run(earlier)?;
            }
        }
        Ok(partial)
    }

    /// Runs one stage, as the pipeline does.
    ///
    /// # Errors
    /// What the stage refuses.
    pub fn run(&mut self, stage: Stage) -> Result<(), NormalizeError> {
        run_stage(stage, &mut self.doc, &self.options)
    }

    /// How many blocks the document has.
    pub fn blocks(&self) -> usize {
        self.doc.blocks.len()
    }
}

/// A parsed HTML page, so a bench can time the reading of its metadata
/// (title, authors, outlet, dates, byline) apart from the parse.
pub struct ParsedPage(dom_query::Document);

impl std::fmt::Debug for ParsedPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedPage").finish_non_exhaustive()
    }
}

impl ParsedPage {
    /// Parses `html` as the `html` stage does.
    #[must_use]
    pub fn parse(html: &str) -> Self {
        Self(crate::html::parse_page(html))
    }

    /// Reads the page's metadata as the `html` stage does; gives the length
    /// of the title found, so the work is not optimised away.
    #[must_use]
    pub fn read_metadata(&self, page_url: &str) -> usize {
        let page_url = url::Url::parse(page_url).ok();
        crate::html::read_metadata(&self.0, page_url.as_ref()).title.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Dam opens – By Ann Lee\n\nThe dam opened on Monday.\n\nShare this:";

    fn text() -> Input<'static> {
        Input {
            text: TEXT,
            ..Input::default()
        }
    }

    #[test]
    fn running_every_stage_gives_what_normalize_gives() {
        let options = Options::default();
        let mut partial = PartialDocument::before(text(), Stage::Stats, &options).expect("blocks");
        partial.run(Stage::Stats).expect("stats");
        assert_eq!(Ok(partial.doc.article), crate::normalize_text(TEXT));
    }

    #[test]
    fn a_document_before_the_first_text_stage_is_only_segmented() {
        let partial =
            PartialDocument::before(text(), Stage::Boilerplate, &Options::default()).expect("blocks");
        assert_eq!(partial.blocks(), 3);
        assert!(partial.doc.blocks.iter().all(|block| block.is_body()));
    }

    #[test]
    fn each_stage_has_its_own_name_and_text_and_html_share_the_stages_after_segmenting() {
        let mut names: Vec<&str> = Stage::ALL.into_iter().map(Stage::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Stage::ALL.len());
        let only_one_format: Vec<Stage> = Stage::ALL
            .into_iter()
            .filter(|stage| stage.reads(Format::Text) != stage.reads(Format::Html))
            .collect();
        assert_eq!(
            only_one_format,
            [Stage::Unicode, Stage::Blocks, Stage::Html, Stage::Page]
        );
    }
}
