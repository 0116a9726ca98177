//! The article's URL in canonical form, so that the same page
//! scraped through different links compares equal: tracking parameters
//! (`utm_*`, `fbclid`, `gclid`, …) and the fragment dropped, the host in
//! lower case, a default port dropped. Other query parameters keep their
//! order and encoding.
//!
//! Reads: `Input::url`. Writes: `Article::url`; refuses a URL that is not
//! absolute.

use crate::{document::Document, error::NormalizeError};
use url::Url;

/// Query parameters that only track the visitor, by exact name.
const TRACKING_PARAMETERS: &[&str] = &[
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid",
];

/// Query parameters that only track the visitor, by prefix.
const TRACKING_PREFIXES: &[&str] = &["utm_"];

/// The canonical form of `raw`; empty for an empty URL.
///
/// # Errors
/// `raw` is not an absolute URL.
pub(crate) fn canonicalize(raw: &str) -> Result<String, url::ParseError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(String::new());
    }
    let mut url = Url::parse(raw)?;
    url.set_fragment(None);
    let kept: Option<Vec<String>> = url.query().map(|query| {
        query
            .split('&')
            .filter(|pair| !pair.is_empty() && !is_tracking(pair.split('=').next().unwrap_or_default()))
            .map(str::to_owned)
            .collect()
    });
    match kept {
        Some(pairs) if !pairs.is_empty() => url.set_query(Some(&pairs.join("&"))),
        _ => url.set_query(None),
    }
    Ok(url.into())
}

/// Whether a query parameter name only tracks the visitor.
fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    TRACKING_PARAMETERS.contains(&name.as_str()) || TRACKING_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Puts the caller's URL in canonical form as the record's URL.
///
/// # Errors
/// [`NormalizeError::InvalidUrl`] when the URL is not absolute.
pub(crate) fn apply(doc: &mut Document<'_>) -> Result<(), NormalizeError> {
    doc.article.url = canonicalize(doc.input.url).map_err(|error| NormalizeError::InvalidUrl {
        reason: error.to_string(),
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::canonicalize;

    #[test]
    fn tracking_parameters_and_the_fragment_are_dropped() {
        assert_eq!(
            canonicalize(
                "https://News.Example.COM:443/a/b?id=7&utm_source=x&UTM_Medium=y&fbclid=z&gclid=w#top"
            )
            .as_deref(),
            Ok("https://news.example.com/a/b?id=7")
        );
    }

    #[test]
    fn a_query_of_only_tracking_parameters_goes_entirely() {
        assert_eq!(
            canonicalize("https://news.example/a?utm_campaign=spring").as_deref(),
            Ok("https://news.example/a")
        );
    }

    #[test]
    fn other_parameters_keep_their_order_and_encoding() {
        assert_eq!(
            canonicalize("https://news.example/search?q=a%20b&page=2&utm_term=x").as_deref(),
            Ok("https://news.example/search?q=a%20b&page=2")
        );
    }

    #[test]
    fn an_empty_url_stays_empty_and_a_relative_one_is_refused() {
        assert_eq!(canonicalize("  ").as_deref(), Ok(""));
        assert!(canonicalize("/news/story").is_err());
    }
}
