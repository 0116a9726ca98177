//! Caption boxes: elements a page marks by class as an image's caption
//! outside a `<figure>` (WordPress's `wp-caption-text`, `image-caption`,
//! `photo-caption`), and the boxes that hold such an image and its caption
//! (`wp-caption`). The content extractor drops class names, so before it
//! runs they are renamed `<figcaption>` and `<figure>`, which the blocks
//! know as a figure's: what they say is a caption even printed once.

use dom_query::Document;

/// Classes of an image's caption. A gallery that prints each caption in
/// full and shortened, with `more` and `less` toggles, marks the two copies
/// (`caption-full`, `caption-truncated`) in a box too long to be one.
const CAPTIONS: &str = ".wp-caption-text, .wp-caption-dd, .caption, .image-caption, .img-caption, \
    .photo-caption, .figure-caption, .media-caption, .caption-text, .article-caption, .picture-caption, \
    .caption-full, .caption-truncated";

/// Classes of a box holding an image and its caption.
const FIGURES: &str = ".wp-caption, .image-with-caption, .captioned-image";

/// A caption box says at most this much; a longer one wraps more than a
/// caption (`<div class="caption">` around a gallery's text).
const MAX_CAPTION_CHARS: usize = 300;

/// Renames the caption boxes of `doc` to `<figcaption>`, and the boxes
/// holding an image and its caption to `<figure>`.
pub(crate) fn mark(doc: &Document) {
    for caption in doc.select(CAPTIONS).nodes() {
        let text = caption.text();
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if chars > 0 && chars <= MAX_CAPTION_CHARS && !caption.is("figure, figure *, figcaption *") {
            caption.rename("figcaption");
        }
    }
    for figure in doc.select(FIGURES).nodes() {
        let has_image = !figure.find(&["img"]).is_empty();
        if has_image && !figure.is("figure, figure *") {
            figure.rename("figure");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_box_becomes_a_figcaption_and_its_holder_a_figure() {
        let doc = Document::from(
            r#"<div class="wp-caption"><img src="a.jpg" alt=""><p class="wp-caption-text">Boats in the bay</p></div>
            <span class="image-caption">Gulls over the pier</span>"#,
        );
        mark(&doc);
        assert_eq!(
            doc.select("figure > figcaption").text().as_ref(),
            "Boats in the bay"
        );
        assert_eq!(doc.select("figcaption").length(), 2);
    }

    #[test]
    fn a_gallery_s_full_and_shortened_copies_of_a_caption_are_captions() {
        let full = "Fishermen mend their nets on the north wall of the harbour before the storms. ".repeat(2);
        let doc = Document::from(format!(
            r#"<li class="slide"><img src="a.jpg" alt="Nets"><div class="caption">
            <div class="caption-full">{full} {full}<a class="toggle">less</a></div>
            <div class="caption-truncated">{full}<a class="toggle">... more</a></div></div></li>"#
        ));
        mark(&doc);
        assert_eq!(doc.select("figcaption").length(), 2);
    }

    #[test]
    fn a_long_box_named_caption_and_a_figure_without_image_stay() {
        let long = "A sentence of a long story. ".repeat(20);
        let doc = Document::from(format!(
            r#"<div class="caption"><p>{long}</p></div><div class="wp-caption"><p>No image</p></div>"#
        ));
        mark(&doc);
        assert!(!doc.select("figcaption").exists());
        assert!(!doc.select("figure").exists());
    }
}
