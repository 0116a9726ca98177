//! The document being built: the input, the article's blocks, each with the
//! role a stage gave it, and the record the stages fill in. Assembly, the
//! stage that turns the blocks' roles into the record's body and `removed`,
//! lives here.
//!
//! Assembly reads: every block's role. Writes: `Article::body` and
//! `Article::removed`.

use crate::{
    Input,
    article::{Article, Removed, RemovedKind},
    html::Metadata,
};

/// What a block turned out to be. Every block starts as `Body`; a stage that
/// claims a block changes its role, so later stages see what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Reporting: ends up in `Article::body`.
    Body,
    /// The headline line.
    Headline,
    /// A byline line under the headline.
    Byline,
    /// An image caption.
    Caption,
    /// A "See also" label or link.
    SeeAlso,
    /// A commentary label or paragraph.
    Commentary,
    /// Boilerplate, recorded in `Article::removed` with why it was dropped.
    Removed(RemovedKind),
}

/// Where in an HTML page a block came from, when the markup says what it
/// is; plain text has no such hints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Running text.
    #[default]
    Text,
    /// A `<figure>`'s caption or an image's alt text.
    Figure,
    /// A box the page marks as editorial commentary (an editor's note).
    CommentaryBox,
    /// A box of related links.
    RelatedLinks,
}

/// One paragraph, heading or list item of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The text, on one line, spacing normalized.
    pub text: String,
    /// Whether it was printed as a list item (`- `, `* `, `• `, `1. `):
    /// lists under a heading are link lists.
    pub list_item: bool,
    /// Where in the page it came from.
    pub origin: Origin,
    /// The target of the block's only link, when it has exactly one.
    pub href: Option<String>,
    /// How many of the text's characters (white space aside) were link
    /// text in the page: a block that is mostly links is navigation.
    pub linked_chars: usize,
    /// What a stage decided the block is.
    pub role: Role,
}

impl Block {
    pub(crate) fn new(text: impl Into<String>, list_item: bool) -> Self {
        Self {
            text: text.into(),
            list_item,
            origin: Origin::Text,
            href: None,
            linked_chars: 0,
            role: Role::Body,
        }
    }

    pub(crate) fn is_body(&self) -> bool {
        self.role == Role::Body
    }

    /// The share of the text's characters (white space aside) that were
    /// link text: near one for a link or a menu, near none for prose that
    /// cites a source in one inline link.
    pub(crate) fn link_share(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let share = self.linked_chars as f64 / text_chars(&self.text).max(1) as f64;
        share
    }
}

/// Characters other than white space: what link shares are measured in.
pub(crate) fn text_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The state every stage works on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Document<'a> {
    /// The article as the caller gave it.
    pub input: Input<'a>,
    /// Plain text after `unicode`, which `blocks` cuts; empty for HTML.
    pub text: String,
    /// The blocks in document order.
    pub blocks: Vec<Block>,
    /// The record being filled in.
    pub article: Article,
    /// What the page says about itself, when the input was HTML.
    pub page: Option<Metadata>,
}

impl<'a> Document<'a> {
    /// A document of `input` before the first stage.
    pub(crate) fn new(input: Input<'a>) -> Self {
        Self {
            input,
            article: Article {
                source_charset: input.charset,
                ..Article::default()
            },
            ..Self::default()
        }
    }

    /// A document of these blocks, for stage tests.
    #[cfg(test)]
    pub(crate) fn from_blocks(blocks: Vec<Block>) -> Self {
        Self {
            blocks,
            ..Self::default()
        }
    }

    /// A document of plain paragraphs, for stage tests.
    #[cfg(test)]
    pub(crate) fn from_texts(texts: &[&str]) -> Self {
        Self::from_blocks(texts.iter().map(|text| Block::new(*text, false)).collect())
    }

    /// A document of plain paragraphs after `stage` ran on it, for stage tests.
    #[cfg(test)]
    pub(crate) fn after(texts: &[&str], stage: fn(&mut Document<'static>)) -> Document<'static> {
        let mut doc = Document::from_texts(texts);
        stage(&mut doc);
        doc
    }

    /// The position of the first block still in the body at or after `from`:
    /// the stages that claim blocks walk the document with it.
    pub(crate) fn next_body_block(&self, from: usize) -> Option<usize> {
        self.blocks
            .iter()
            .skip(from)
            .position(Block::is_body)
            .map(|offset| from + offset)
    }

    /// How many blocks have a role that `matches`.
    pub(crate) fn count(&self, matches: impl Fn(Role) -> bool) -> usize {
        self.blocks.iter().filter(|block| matches(block.role)).count()
    }

    /// Fills `Article::body` and `Article::removed` from the blocks' roles,
    /// in document order.
    pub(crate) fn assemble(&mut self) {
        for block in &self.blocks {
            match block.role {
                Role::Body => self.article.body.push(block.text.clone()),
                Role::Removed(kind) => self.article.removed.push(Removed {
                    kind,
                    text: block.text.clone(),
                }),
                _ => {}
            }
        }
    }

    /// The text of the blocks still in the body, in order.
    #[cfg(test)]
    pub(crate) fn body_texts(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(|block| block.is_body())
            .map(|block| block.text.as_str())
    }
}
