//! The step before the `html` stage for a page sent as the bytes it was
//! fetched as: which charset the bytes are in, and the page as text.
//!
//! The charset comes from the most trusted statement to the least, as a
//! browser chooses it (WHATWG Encoding and HTML "determining the character
//! encoding"):
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. the `charset=` of the HTTP `Content-Type` header;
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type" content="…;
//!    charset=…">` near the start of the page;
//! 4. detection from the bytes themselves (`chardetng`, the detector
//!    Firefox uses), helped by the top-level domain of the page's URL.
//!
//! A label encoding_rs does not know, or one naming the `replacement`
//! encoding, is passed over for the next source. The bytes are decoded by
//! `encoding_rs`; malformed sequences become U+FFFD and the record says so.
//! The caller gets the text and the [`SourceCharset`] to put in the record,
//! so the server, the CLI and the scoring tool decode pages alike.

use std::borrow::Cow;

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, REPLACEMENT, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How far into a page a `<meta>` naming its charset is looked for. The
/// standard's prescan reads 1024 bytes, but a browser still honours a
/// `<meta>` further on when its parser meets it (it "changes the encoding"
/// and starts again), and real pages put one after long comments and
/// scripts.
const META_WINDOW: usize = 8 * 1024;

/// The charset an article's text was read in, and how it was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceCharset {
    /// The WHATWG name of the encoding, e.g. `UTF-8`, `windows-1252`,
    /// `Shift_JIS`.
    pub name: &'static str,
    /// Which statement chose it.
    pub chosen_by: CharsetSource,
    /// Whether malformed byte sequences were replaced with U+FFFD.
    pub replaced_malformed: bool,
    /// How many characters were read back from mojibake: UTF-8 that had
    /// been read as windows-1252 or Latin-1 and written out again (the
    /// `mojibake` step); 0 when none.
    pub repaired_characters: u32,
}

impl SourceCharset {
    /// Text the caller sent as a string: UTF-8 by the protocol.
    pub const UTF8_STRING: Self = Self {
        name: "UTF-8",
        chosen_by: CharsetSource::String,
        replaced_malformed: false,
        repaired_characters: 0,
    };
}

impl Default for SourceCharset {
    fn default() -> Self {
        Self::UTF8_STRING
    }
}

/// Which statement chose a [`SourceCharset`]. The names are part of the
/// wire contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// The article came as a string, which is UTF-8.
    String,
    /// A byte order mark at the start of the bytes.
    ByteOrderMark,
    /// The `charset=` of the `Content-Type` header.
    ContentType,
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` in the page.
    MetaTag,
    /// Detection from the bytes, nothing having said.
    Detected,
}

/// A page decoded from its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedPage<'a> {
    /// The page as text, without its byte order mark.
    pub text: Cow<'a, str>,
    /// The charset it was read in.
    pub charset: SourceCharset,
}

/// Decodes a page sent as bytes: `content_type` is the HTTP `Content-Type`
/// header's value (empty when unknown), `url` the page's URL (empty when
/// unknown; its top-level domain helps detection).
pub fn decode_page<'a>(bytes: &'a [u8], content_type: &str, url: &str) -> DecodedPage<'a> {
    let (encoding, chosen_by, body) = if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        (encoding, CharsetSource::ByteOrderMark, &bytes[bom_length..])
    } else if let Some(encoding) = content_type_charset(content_type.as_bytes()) {
        (encoding, CharsetSource::ContentType, bytes)
    } else if let Some(encoding) = meta_charset(bytes) {
        (encoding, CharsetSource::MetaTag, bytes)
    } else {
        (detect(bytes, url), CharsetSource::Detected, bytes)
    };
    let (text, replaced_malformed) = encoding.decode_without_bom_handling(body);
    DecodedPage {
        text,
        charset: SourceCharset {
            name: encoding.name(),
            chosen_by,
            replaced_malformed,
            repaired_characters: 0,
        },
    }
}

/// The encoding a `charset=` parameter of a MIME type names, if encoding_rs
/// knows it (`text/html; charset="windows-1251"`).
fn content_type_charset(content_type: &[u8]) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let start = memchr::memmem::find(&lower, b"charset")? + b"charset".len();
    let rest = content_type[start..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let label = match rest.first() {
        Some(&quote @ (b'"' | b'\'')) => rest[1..].split(|&b| b == quote).next()?,
        _ => rest.split(|&b| b == b';' || b.is_ascii_whitespace()).next()?,
    };
    usable(Encoding::for_label(label)?)
}

/// The encoding a `<meta>` near the start of the page names. The start is
/// read as UTF-8 with invalid bytes replaced, which keeps every ASCII tag
/// and attribute as written, and parsed by html5ever, so a `<meta>` inside
/// a comment or a script does not count.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(META_WINDOW)]);
    let page = dom_query::Document::from(start.as_ref());
    page.select("meta")
        .iter()
        .find_map(|meta| {
            let declared = if let Some(charset) = meta.attr("charset") {
                Encoding::for_label(charset.trim().as_bytes())
            } else if meta
                .attr("http-equiv")
                .is_some_and(|equiv| equiv.trim().eq_ignore_ascii_case("content-type"))
            {
                meta.attr("content")
                    .and_then(|content| content_type_charset(content.as_bytes()))
            } else {
                None
            };
            // A page that says it is UTF-16 in ASCII is not (HTML standard);
            // `x-user-defined` in a page means windows-1252.
            declared.map(|encoding| match encoding {
                encoding if encoding == X_USER_DEFINED => WINDOWS_1252,
                encoding => encoding.output_encoding(),
            })
        })
        .and_then(usable)
}

/// An encoding that decodes text: the `replacement` encoding, which labels
/// such as `iso-2022-kr` name, turns the whole page into one U+FFFD.
fn usable(encoding: &'static Encoding) -> Option<&'static Encoding> {
    (encoding != REPLACEMENT).then_some(encoding)
}

/// The encoding of bytes nothing labels: UTF-8 when they are valid UTF-8,
/// else chardetng's guess, told the URL's top-level domain.
fn detect(bytes: &[u8], url: &str) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new();
    detector.feed(bytes, true);
    let host = url::Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned));
    let tld = host.as_deref().and_then(|host| host.rsplit('.').next());
    detector.guess(tld.map(str::as_bytes), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    #[test]
    fn a_meta_charset_names_windows_1252() {
        let page = encode(
            WINDOWS_1252,
            "<html><head><meta charset=\"windows-1252\"><title>Café</title></head><body><p>Crème brûlée à la carte.</p></body></html>",
        );
        let decoded = decode_page(&page, "", "");
        assert!(
            decoded.text.contains("Crème brûlée à la carte."),
            "{}",
            decoded.text
        );
        assert_eq!(decoded.charset.name, "windows-1252");
        assert_eq!(decoded.charset.chosen_by, CharsetSource::MetaTag);
        assert!(!decoded.charset.replaced_malformed);
    }

    #[test]
    fn the_content_type_header_wins_over_the_page() {
        let page = encode(
            encoding_rs::WINDOWS_1251,
            "<html><head><meta charset=\"utf-8\"></head><body><p>Мост открыли в понедельник.</p></body></html>",
        );
        for content_type in [
            "text/html; charset=windows-1251",
            "text/html;charset=\"Windows-1251\"",
            "TEXT/HTML; Charset = 'cp1251'; foo=bar",
        ] {
            let decoded = decode_page(&page, content_type, "");
            assert!(
                decoded.text.contains("Мост открыли"),
                "{content_type}: {}",
                decoded.text
            );
            assert_eq!(decoded.charset.name, "windows-1251", "{content_type}");
            assert_eq!(decoded.charset.chosen_by, CharsetSource::ContentType);
        }
    }

    #[test]
    fn http_equiv_names_shift_jis() {
        let page = encode(
            encoding_rs::SHIFT_JIS,
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>橋が月曜日に再開した。</p></body></html>",
        );
        let decoded = decode_page(&page, "text/html", "");
        assert!(
            decoded.text.contains("橋が月曜日に再開した。"),
            "{}",
            decoded.text
        );
        assert_eq!(decoded.charset.name, "Shift_JIS");
        assert_eq!(decoded.charset.chosen_by, CharsetSource::MetaTag);
    }

    #[test]
    fn a_byte_order_mark_wins_over_every_label_and_is_dropped() {
        let mut page = b"\xEF\xBB\xBF".to_vec();
        page.extend_from_slice("<meta charset=\"iso-8859-1\"><p>Zoë’s café</p>".as_bytes());
        let decoded = decode_page(&page, "text/html; charset=iso-8859-1", "");
        assert!(decoded.text.starts_with("<meta"));
        assert!(decoded.text.contains("Zoë’s café"));
        assert_eq!(decoded.charset.name, "UTF-8");
        assert_eq!(decoded.charset.chosen_by, CharsetSource::ByteOrderMark);

        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("<p>Grüße</p>".encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode_page(&utf16, "", "");
        assert_eq!(decoded.text, "<p>Grüße</p>");
        assert_eq!(decoded.charset.name, "UTF-16LE");
    }

    #[test]
    fn an_unlabelled_page_is_detected() {
        let page = encode(
            encoding_rs::WINDOWS_1251,
            "<html><body><p>Городской совет утвердил новое расписание паромов на летний сезон, сообщили в администрации.</p></body></html>",
        );
        let decoded = decode_page(&page, "", "https://news.example.ru/a");
        assert!(
            decoded.text.contains("Городской совет утвердил"),
            "{}",
            decoded.text
        );
        assert_eq!(decoded.charset.name, "windows-1251");
        assert_eq!(decoded.charset.chosen_by, CharsetSource::Detected);

        let utf8 = "<p>Grüße aus Köln</p>".as_bytes();
        let decoded = decode_page(utf8, "", "");
        assert_eq!(
            (decoded.charset.name, decoded.charset.chosen_by),
            ("UTF-8", CharsetSource::Detected)
        );
    }

    #[test]
    fn an_unknown_or_replacement_label_falls_through_to_the_next_source() {
        let page = encode(WINDOWS_1252, "<meta charset=\"windows-1252\"><p>Señor</p>");
        for content_type in [
            "text/html; charset=no-such-charset",
            "text/html; charset=iso-2022-kr",
            "text/html",
        ] {
            let decoded = decode_page(&page, content_type, "");
            assert_eq!(
                decoded.charset.chosen_by,
                CharsetSource::MetaTag,
                "{content_type}"
            );
            assert!(decoded.text.contains("Señor"));
        }
    }

    #[test]
    fn a_meta_in_a_comment_does_not_count_and_one_claiming_utf_16_means_utf_8() {
        let page = b"<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-16\"><p>ok</p>";
        let decoded = decode_page(page, "", "");
        assert_eq!(
            (decoded.charset.name, decoded.charset.chosen_by),
            ("UTF-8", CharsetSource::MetaTag)
        );
    }

    #[test]
    fn malformed_bytes_are_replaced_and_the_record_says_so() {
        let page = b"<meta charset=\"utf-8\"><p>caf\xE9 au lait</p>";
        let decoded = decode_page(page, "", "");
        assert!(decoded.text.contains("caf\u{FFFD} au lait"));
        assert!(decoded.charset.replaced_malformed);
    }

    #[test]
    fn a_meta_after_a_long_head_is_still_found() {
        let mut page = format!("<html><head><!-- {} -->", "x".repeat(2000)).into_bytes();
        page.extend(encode(
            WINDOWS_1252,
            "<meta charset=\"iso-8859-1\"></head><p>Müller</p>",
        ));
        let decoded = decode_page(&page, "", "");
        assert_eq!(decoded.charset.name, "windows-1252");
        assert!(decoded.text.contains("Müller"));
    }
}
