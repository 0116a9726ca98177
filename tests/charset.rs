//! Pages sent as the bytes they were fetched as (`html_bytes`), each in its
//! own charset, and string fields holding bytes that are not UTF-8: the
//! right text, the charset named in the record, and INVALID_ARGUMENT naming
//! the field for the bad strings, on every RPC, while the server stays
//! SERVING.

use std::time::Duration;

use blackbox_tests::{SERVICE_NAME, TestServer};
use encoding_rs::{Encoding, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252};
use normalizer_proto::v1::{
    CharsetSource, NormalizeBatchResponse, NormalizeRequest, NormalizeResponse, NormalizedArticle,
    RawArticle, raw_article::Content,
};
use prost::Message;
use tonic::{Code, Status, transport::Channel};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_prost::ProstCodec;
use tonic_types::StatusExt;

/// How long one call may take.
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

/// A short article page, `head` inside its `<head>`.
fn page(head: &str, title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )
}

fn encoded(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "the fixture is written in {}", encoding.name());
    bytes.into_owned()
}

async fn normalize_bytes(
    server: &TestServer,
    bytes: Vec<u8>,
    content_type: &str,
    url: &str,
) -> NormalizedArticle {
    let mut client = server.client().await;
    let request = NormalizeRequest {
        article: Some(RawArticle {
            id: "bytes".into(),
            url: url.into(),
            content: Some(Content::HtmlBytes(bytes)),
            content_type: content_type.into(),
        }),
        options: None,
    };
    tokio::time::timeout(ANSWER_WITHIN, client.normalize(request))
        .await
        .expect("answered in time")
        .unwrap_or_else(|status| panic!("{status}"))
        .into_inner()
        .article
        .expect("a record")
}

fn assert_charset(record: &NormalizedArticle, name: &str, chosen_by: CharsetSource) {
    let charset = record
        .source_charset
        .as_ref()
        .expect("the record names its charset");
    assert_eq!((charset.name.as_str(), charset.chosen_by()), (name, chosen_by));
}

fn body(record: &NormalizedArticle) -> Vec<&str> {
    record.body.iter().map(|p| p.text.as_str()).collect()
}

#[tokio::test]
async fn each_page_is_read_in_the_charset_it_names() {
    let server = TestServer::start().await;

    let french = page(
        "<meta charset=\"windows-1252\">",
        "Crème brûlée à l’école",
        &["Les élèves ont goûté une crème brûlée préparée au réfectoire, a précisé la directrice."],
    );
    let record = normalize_bytes(&server, encoded(WINDOWS_1252, &french), "", "").await;
    assert_eq!(record.title, "Crème brûlée à l’école");
    assert_eq!(
        body(&record),
        ["Les élèves ont goûté une crème brûlée préparée au réfectoire, a précisé la directrice."]
    );
    assert_charset(&record, "windows-1252", CharsetSource::MetaTag);

    // The header names the charset; the page says nothing.
    let russian = page(
        "",
        "Паром вышел по новому расписанию",
        &["Первый паром вышел из гавани в семь утра, сообщили в администрации порта."],
    );
    let record = normalize_bytes(
        &server,
        encoded(WINDOWS_1251, &russian),
        "text/html; charset=windows-1251",
        "",
    )
    .await;
    assert_eq!(record.title, "Паром вышел по новому расписанию");
    assert_eq!(
        body(&record),
        ["Первый паром вышел из гавани в семь утра, сообщили в администрации порта."]
    );
    assert_charset(&record, "windows-1251", CharsetSource::ContentType);

    let japanese = page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
        "橋が再開通",
        &["川に架かる古い橋が二年ぶりに再開通し、朝から多くの車が行き交った。"],
    );
    let record = normalize_bytes(&server, encoded(SHIFT_JIS, &japanese), "text/html", "").await;
    assert_eq!(record.title, "橋が再開通");
    assert_eq!(
        body(&record),
        ["川に架かる古い橋が二年ぶりに再開通し、朝から多くの車が行き交った。"]
    );
    assert_charset(&record, "Shift_JIS", CharsetSource::MetaTag);
}

#[tokio::test]
async fn a_byte_order_mark_wins_and_an_unlabelled_page_is_detected() {
    let server = TestServer::start().await;

    // UTF-8 with its BOM, though the header and the page both say Latin-1.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(
        page(
            "<meta charset=\"iso-8859-1\">",
            "Zoë’s café reopens",
            &["Zoë’s café on the quay reopened on Friday after the winter floods, its owner said."],
        )
        .as_bytes(),
    );
    let record = normalize_bytes(&server, with_bom, "text/html; charset=iso-8859-1", "").await;
    assert_eq!(record.title, "Zoë’s café reopens");
    assert_charset(&record, "UTF-8", CharsetSource::ByteOrderMark);

    let unlabelled = page(
        "",
        "Городской совет утвердил бюджет",
        &[
            "Городской совет утвердил бюджет на следующий год: больше всего денег получат школы и больницы, сообщила пресс-служба.",
        ],
    );
    let record = normalize_bytes(
        &server,
        encoded(WINDOWS_1251, &unlabelled),
        "",
        "https://news.example.ru/budget",
    )
    .await;
    assert_eq!(record.title, "Городской совет утвердил бюджет");
    assert_charset(&record, "windows-1251", CharsetSource::Detected);
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
}

/// What a scraper that read UTF-8 as windows-1252 writes out again.
fn as_mojibake(text: &str) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

#[tokio::test]
async fn mojibake_is_read_back_as_the_text_meant_in_pages_and_text() {
    let server = TestServer::start().await;
    let title = "Zoë’s café reopens — “at last”";
    let paragraph = "Zoë’s café on the quay reopened on Friday after the winter floods, its owner said.";
    let scraped = as_mojibake(&page("<meta charset=\"utf-8\">", title, &[paragraph]));
    assert!(scraped.contains("ZoÃ«â€™s"), "the fixture is mojibake");

    let record = normalize_bytes(&server, scraped.into_bytes(), "", "").await;
    assert_eq!((record.title.as_str(), body(&record)), (title, vec![paragraph]));
    assert_charset(&record, "UTF-8", CharsetSource::MetaTag);
    let repaired = |record: &NormalizedArticle| record.source_charset.as_ref().map(|c| c.repaired_characters);
    // Each title character outside ASCII is in the page twice (`<title>`
    // and `<h1>`), each of the paragraph's once.
    assert_eq!(repaired(&record), Some(2 * 6 + 3));

    let mut client = server.client().await;
    let text = as_mojibake(&format!("{title}\n\n{paragraph}"));
    let request = NormalizeRequest {
        article: Some(RawArticle {
            id: "text".into(),
            content: Some(Content::Text(text)),
            ..RawArticle::default()
        }),
        options: None,
    };
    let record = tokio::time::timeout(ANSWER_WITHIN, client.normalize(request))
        .await
        .expect("answered in time")
        .unwrap_or_else(|status| panic!("{status}"))
        .into_inner()
        .article
        .expect("a record");
    assert_eq!((record.title.as_str(), body(&record)), (title, vec![paragraph]));
    assert_charset(&record, "UTF-8", CharsetSource::String);
    assert_eq!(repaired(&record), Some(6 + 3));
}

/// `NormalizeRequest` and `NormalizeBatchRequest` as the wire carries them,
/// with `RawArticle.text` as raw bytes, so a test can send what no UTF-8
/// string holds.
#[derive(Clone, PartialEq, Message)]
struct RawRequest {
    #[prost(message, optional, tag = "1")]
    article: Option<RawTextArticle>,
}

#[derive(Clone, PartialEq, Message)]
struct RawTextArticle {
    #[prost(string, tag = "1")]
    id: String,
    #[prost(bytes = "vec", tag = "3")]
    text: Vec<u8>,
}

#[derive(Clone, PartialEq, Message)]
struct RawBatch {
    #[prost(message, repeated, tag = "1")]
    requests: Vec<RawRequest>,
}

fn raw_request(id: &str, text: &[u8]) -> RawRequest {
    RawRequest {
        article: Some(RawTextArticle {
            id: id.into(),
            text: text.to_vec(),
        }),
    }
}

const NOT_UTF8: &[u8] = b"Caf\xE9 reopens\n\nThe caf\xE9 on the quay reopened on Friday.";
const FINE: &[u8] = b"Pier reopens\n\nThe pier reopened on Friday.";

async fn raw_client(server: &TestServer) -> tonic::client::Grpc<Channel> {
    let mut client = tonic::client::Grpc::new(server.channel().await);
    client.ready().await.expect("the channel is ready");
    client
}

fn path(method: &str) -> http::uri::PathAndQuery {
    http::uri::PathAndQuery::from_maybe_shared(format!("/newsroom.normalizer.v1.ArticleNormalizer/{method}"))
        .expect("a path")
}

fn assert_names_field(status: &Status, field: &str) {
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(
        status
            .message()
            .starts_with(&format!("{field} is not valid UTF-8")),
        "{}",
        status.message()
    );
    let details = status.get_error_details();
    let violations = &details
        .bad_request()
        .expect("a BadRequest detail")
        .field_violations;
    assert_eq!(violations[0].field, field);
}

#[tokio::test]
async fn a_string_field_holding_invalid_utf8_is_invalid_argument_naming_it_on_every_rpc() {
    let server = TestServer::start().await;

    let mut client = raw_client(&server).await;
    let unary = tokio::time::timeout(
        ANSWER_WITHIN,
        client.unary(
            tonic::Request::new(raw_request("u", NOT_UTF8)),
            path("Normalize"),
            ProstCodec::<RawRequest, NormalizeResponse>::default(),
        ),
    )
    .await
    .expect("answered in time")
    .expect_err("refused");
    assert_names_field(&unary, "article.text");

    let mut client = raw_client(&server).await;
    let batch = tokio::time::timeout(
        ANSWER_WITHIN,
        client.unary(
            tonic::Request::new(RawBatch {
                requests: vec![raw_request("b0", FINE), raw_request("b1", NOT_UTF8)],
            }),
            path("NormalizeBatch"),
            ProstCodec::<RawBatch, NormalizeBatchResponse>::default(),
        ),
    )
    .await
    .expect("answered in time")
    .expect_err("refused");
    assert_names_field(&batch, "requests[1].article.text");

    // A stream reads each message as it comes: the good one is answered, the
    // bad one ends the call with the status naming its field.
    let mut client = raw_client(&server).await;
    let outbound = tokio_stream::iter([raw_request("s0", FINE), raw_request("s1", NOT_UTF8)]);
    let stream_status = tokio::time::timeout(ANSWER_WITHIN, async {
        let mut inbound = client
            .streaming(
                tonic::Request::new(outbound),
                path("NormalizeStream"),
                ProstCodec::<RawRequest, NormalizeResponse>::default(),
            )
            .await?
            .into_inner();
        while inbound.message().await?.is_some() {}
        Ok::<(), Status>(())
    })
    .await
    .expect("answered in time")
    .expect_err("the stream ends with the error");
    assert_names_field(&stream_status, "article.text");

    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
    assert_eq!(server.health("").await, ServingStatus::Serving);
}
