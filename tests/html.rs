//! HTML input over gRPC: a page gives the same record as its plain-text
//! twin, and hostile markup gets an answer in bounded time while the server
//! stays SERVING.

use std::{path::Path, time::Duration};

use blackbox_tests::{SERVICE_NAME, TestServer, text_corpus};
use normalizer_proto::v1::{NormalizeRequest, NormalizedArticle, RawArticle, raw_article::Content};
use tonic::Code;
use tonic_health::pb::health_check_response::ServingStatus;

/// How long one hostile page may take to be answered.
const HOSTILE_ANSWER_WITHIN: Duration = Duration::from_secs(2);

fn request(content: Content, url: &str) -> NormalizeRequest {
    NormalizeRequest {
        article: Some(RawArticle {
            id: "page".to_owned(),
            url: url.to_owned(),
            content: Some(content),
            content_type: String::new(),
        }),
        options: None,
    }
}

/// The HTML twins of text fixtures: `fixtures/html/<fixture>.html`.
fn html_twins() -> Vec<(String, std::path::PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html");
    let mut twins: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(&dir)
        .expect("the html fixtures are readable")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "html"))
        .map(|path| {
            let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
            (name, path)
        })
        .collect();
    twins.sort();
    twins
}

#[tokio::test]
async fn a_page_gives_the_same_record_as_its_text_twin() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let twins = html_twins();
    assert!(!twins.is_empty(), "no html twins");
    for (name, path) in twins {
        let html = std::fs::read_to_string(&path).expect("the page is readable");
        let text = std::fs::read_to_string(text_corpus().join(&name).join("input.txt"))
            .unwrap_or_else(|error| panic!("{name} has no text twin: {error}"));
        let page = client
            .normalize(request(Content::Html(html), ""))
            .await
            .unwrap_or_else(|status| panic!("{name}: {status}"))
            .into_inner()
            .article
            .expect("a record");
        let plain = client
            .normalize(request(Content::Text(text), &page.url))
            .await
            .unwrap_or_else(|status| panic!("{name}: {status}"))
            .into_inner()
            .article
            .expect("a record");
        assert_same_article(&name, &page, &plain);
    }
}

/// Everything the text says the page says too; the page adds link targets,
/// its publication time and its canonical URL, and lists only the junk the
/// text rules removed from its main content.
fn assert_same_article(name: &str, page: &NormalizedArticle, plain: &NormalizedArticle) {
    assert!(!page.url.is_empty(), "{name}: the canonical link gives the url");
    assert!(page.published_at.is_some(), "{name}: published_at");
    assert_eq!(page.title, plain.title, "{name}: title");
    assert_eq!(page.authors, plain.authors, "{name}: authors");
    assert_eq!(page.publisher, plain.publisher, "{name}: publisher");
    assert_eq!(page.republishers, plain.republishers, "{name}: republishers");
    assert_eq!(page.body, plain.body, "{name}: body");
    assert_eq!(page.captions, plain.captions, "{name}: captions");
    assert_eq!(page.commentary, plain.commentary, "{name}: commentary");
    assert_eq!(page.language, plain.language, "{name}: language");
    let link_texts = |article: &NormalizedArticle| -> Vec<String> {
        article.see_also.iter().map(|link| link.text.clone()).collect()
    };
    assert_eq!(link_texts(page), link_texts(plain), "{name}: see_also");
    assert!(
        page.see_also.iter().all(|link| link.url.starts_with("https://")),
        "{name}: every see_also link has its href: {:?}",
        page.see_also
    );
    for removed in &page.removed {
        assert!(
            plain.removed.contains(removed),
            "{name}: {removed:?} is removed from the text too"
        );
    }
    assert_eq!(page.fingerprint, plain.fingerprint, "{name}: fingerprint");
    assert_eq!(page.stats, plain.stats, "{name}: stats");
}

#[tokio::test]
async fn hostile_pages_get_an_answer_within_two_seconds_and_the_server_stays_serving() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let paragraph = "<p>The harbour board met again on Thursday to discuss the repairs.</p>\n";
    let four_mib = 4 * 1024 * 1024 - 64;
    let large = format!(
        "<html><body><article>{}</article></body></html>",
        paragraph.repeat((four_mib - 60) / paragraph.len())
    );
    assert!(large.len() <= four_mib, "{}", large.len());
    let hostile: Vec<(&str, String)> = vec![
        ("100,000 nested elements", format!("{}deep{}", "<div>".repeat(100_000), "</div>".repeat(100_000))),
        ("100,000 unclosed tags", format!("<p>start{}", "<b><i><span>".repeat(33_334))),
        ("a 4 MiB page", large),
        (
            "scripts and styles only",
            format!("<script>{}</script><style>{}</style>", "var a = '</p>';".repeat(1000), "p{}".repeat(1000)),
        ),
        (
            "invalid entities",
            "<p>&#0; &#xD800; &#x110000; &#99999999999; &bogus; &amp &lt;p&gt; &#</p><p>A real sentence follows the entities here.</p>".to_owned(),
        ),
        (
            "conflicting encodings",
            "<html><head><meta charset=\"iso-8859-1\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\"></head><body><p>Caf\u{e9} cr\u{e8}me, na\u{ef}ve fa\u{e7}ade, \u{fffd} and more.</p></body></html>".to_owned(),
        ),
        ("a comment that never ends", format!("<p>Text</p><!-- {}", "x".repeat(100_000))),
        ("attributes without end", format!("<div class=\"{}", "a ".repeat(200_000))),
    ];
    for (what, html) in hostile {
        let call = client.normalize(request(Content::Html(html), ""));
        let answer = tokio::time::timeout(HOSTILE_ANSWER_WITHIN, call)
            .await
            .unwrap_or_else(|_| panic!("{what}: no answer within {HOSTILE_ANSWER_WITHIN:?}"));
        match answer {
            Ok(response) => assert!(response.into_inner().article.is_some(), "{what}"),
            Err(status) => {
                assert_eq!(status.code(), Code::InvalidArgument, "{what}: {status}");
                assert!(status.message().starts_with("article.html"), "{what}: {status}");
            }
        }
    }
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
}

#[tokio::test]
async fn a_page_without_article_text_is_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let status = client
        .normalize(request(
            Content::Html(
                "<html><head><title>Empty</title></head><body><script>x()</script></body></html>".into(),
            ),
            "",
        ))
        .await
        .expect_err("no text");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(status.message(), "article.html holds no article text");
}
