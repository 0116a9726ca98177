//! Streaming and batch calls, and the limits that keep the server
//! answering: admission (RESOURCE_EXHAUSTED), deadlines, compression.

use std::time::Duration;

use blackbox_tests::{SERVICE_NAME, TestServer};
use normalizer_proto::v1::{NormalizeBatchRequest, NormalizeRequest, RawArticle, raw_article::Content};
use tonic::{Code, codec::CompressionEncoding};
use tonic_health::pb::health_check_response::ServingStatus;

fn request(id: &str, text: &str) -> NormalizeRequest {
    NormalizeRequest {
        article: Some(RawArticle {
            id: id.to_owned(),
            url: String::new(),
            content: Some(Content::Text(text.to_owned())),
            content_type: String::new(),
        }),
        options: None,
    }
}

/// Twenty articles, every fifth one blank.
fn mixed_requests() -> Vec<NormalizeRequest> {
    (0..20)
        .map(|n| {
            let text = if n % 5 == 4 {
                String::from("   ")
            } else {
                format!("Story {n}\n\nParagraph of story {n} about the harbour.")
            };
            request(&format!("a{n}"), &text)
        })
        .collect()
}

fn check_in_order(responses: &[normalizer_proto::v1::NormalizeResponse]) {
    assert_eq!(responses.len(), 20);
    for (n, response) in responses.iter().enumerate() {
        assert_eq!(response.id, format!("a{n}"), "responses come in request order");
        if n % 5 == 4 {
            let error = response.error.as_ref().expect("the blank article has an error");
            assert_eq!(error.code, Code::InvalidArgument as i32);
            assert_eq!(error.message, "article.text is blank");
            assert!(response.article.is_none());
        } else {
            let article = response.article.as_ref().expect("a record");
            assert_eq!(article.title, format!("Story {n}"));
            assert!(response.error.is_none());
        }
    }
}

#[tokio::test]
async fn a_stream_answers_every_article_in_order_and_an_error_does_not_end_it() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let outbound = tokio_stream::iter(mixed_requests());
    let mut inbound = client
        .normalize_stream(outbound)
        .await
        .expect("the stream opens")
        .into_inner();
    let mut responses = Vec::new();
    while let Some(response) = tokio::time::timeout(Duration::from_secs(20), inbound.message())
        .await
        .expect("each response within 20 s")
        .expect("no stream error")
    {
        responses.push(response);
    }
    check_in_order(&responses);
}

#[tokio::test]
async fn a_batch_answers_every_article_in_order() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let batch = NormalizeBatchRequest {
        requests: mixed_requests(),
    };
    let responses = client
        .normalize_batch(batch)
        .await
        .expect("a batch")
        .into_inner()
        .responses;
    check_in_order(&responses);
}

#[tokio::test]
async fn a_batch_over_the_limit_is_refused_naming_it() {
    let server = TestServer::start_with(&[], &[("NORMALIZER__LIMITS__MAX_BATCH_ARTICLES", "3")]).await;
    let mut client = server.client().await;
    let batch = NormalizeBatchRequest {
        requests: (0..4)
            .map(|n| request(&n.to_string(), "Title\n\nBody."))
            .collect(),
    };
    let status = client.normalize_batch(batch).await.expect_err("too many");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status.message().contains("limits.max_batch_articles"),
        "{}",
        status.message()
    );
}

#[tokio::test]
async fn calls_past_the_concurrency_limit_are_refused_at_once_and_health_still_answers() {
    let server = TestServer::start_with(
        &[],
        &[
            ("NORMALIZER__SERVER__MAX_CONCURRENT_REQUESTS", "2"),
            ("NORMALIZER__SERVER__WORKERS", "1"),
        ],
    )
    .await;
    // An open stream holds its admission for as long as it lasts: two open
    // streams take both places.
    let mut senders = Vec::new();
    let mut inbounds = Vec::new();
    for _ in 0..2 {
        let (sender, outbound) = tokio::sync::mpsc::channel(4);
        let inbound = server
            .client()
            .await
            .normalize_stream(tokio_stream::wrappers::ReceiverStream::new(outbound))
            .await
            .expect("the stream is admitted")
            .into_inner();
        senders.push(sender);
        inbounds.push(inbound);
    }
    let mut client = server.client().await;
    let status = client
        .normalize(request("third", "Title\n\nBody."))
        .await
        .expect_err("no place left");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status}");
    assert!(
        status.message().contains("server.max_concurrent_requests"),
        "{}",
        status.message()
    );

    // With the only worker busy on a queue of long articles, health answers
    // before the queue is done.
    const LONG_ARTICLES: usize = 12;
    let long = "A sentence that keeps the single worker busy for a while. ".repeat(40_000);
    let feeder = {
        let sender = senders[0].clone();
        tokio::spawn(async move {
            for n in 0..LONG_ARTICLES {
                sender
                    .send(request(&format!("long-{n}"), &long))
                    .await
                    .expect("the stream takes the article");
            }
        })
    };
    let started = blackbox_tests::eventually(Duration::from_secs(20), || async {
        server
            .scrape_metrics()
            .await
            .contains(r#"normalizer_stage_duration_seconds_count{stage="canonical_url"} 1"#)
    })
    .await;
    assert!(started, "the long articles reached the pipeline");
    {
        let long_queue = &mut inbounds[0];
        let all_answered = async move {
            for _ in 0..LONG_ARTICLES {
                let response = long_queue
                    .message()
                    .await
                    .expect("no stream error")
                    .expect("a response");
                assert!(response.article.is_some());
            }
        };
        tokio::pin!(all_answered);
        tokio::select! {
            biased;
            health = server.health(SERVICE_NAME) => assert_eq!(health, ServingStatus::Serving),
            () = &mut all_answered => panic!("health waited for the busy worker"),
        }
        tokio::time::timeout(Duration::from_secs(60), all_answered)
            .await
            .expect("the long articles are answered within 60 s");
    }
    feeder.await.expect("the feeder joins");

    // Closing the streams gives the places back.
    drop(senders);
    for mut inbound in inbounds {
        let end = tokio::time::timeout(Duration::from_secs(10), inbound.message())
            .await
            .expect("the stream ends within 10 s");
        assert!(matches!(end, Ok(None)), "{end:?}");
    }
    let served = blackbox_tests::eventually(Duration::from_secs(10), || {
        let mut client = client.clone();
        async move { client.normalize(request("after", "Title\n\nBody.")).await.is_ok() }
    })
    .await;
    assert!(served, "a call is admitted once the streams closed");
}

#[tokio::test]
async fn articles_sent_after_the_callers_deadline_are_deadline_exceeded() {
    // The response headers of a stream come at once, so only the server
    // judges the deadline (a unary call would race the client's own timer).
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let (sender, outbound) = tokio::sync::mpsc::channel(1);
    let mut call = tonic::Request::new(tokio_stream::wrappers::ReceiverStream::new(outbound));
    call.set_timeout(Duration::from_millis(500));
    let mut inbound = client
        .normalize_stream(call)
        .await
        .expect("the stream opens")
        .into_inner();
    // Articles are answered until the deadline passes, then refused.
    let started = std::time::Instant::now();
    let mut answered = 0_u32;
    let refused = loop {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no refusal within 30 s"
        );
        sender
            .send(request(&answered.to_string(), "Title\n\nA short body."))
            .await
            .expect("the stream takes the article");
        let response = tokio::time::timeout(Duration::from_secs(20), inbound.message())
            .await
            .expect("each response within 20 s")
            .expect("no stream error")
            .expect("a response");
        match response.error {
            Some(error) => break error,
            None => answered += 1,
        }
    };
    assert!(answered >= 1, "articles before the deadline are answered");
    assert_eq!(refused.code, Code::DeadlineExceeded as i32, "{refused:?}");
    assert!(refused.message.contains("grpc-timeout"), "{}", refused.message);
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
}

#[tokio::test]
async fn gzip_and_zstd_requests_are_accepted_and_answered_compressed() {
    let server = TestServer::start().await;
    for (encoding, name) in [
        (CompressionEncoding::Gzip, "gzip"),
        (CompressionEncoding::Zstd, "zstd"),
    ] {
        let mut client = server
            .client()
            .await
            .send_compressed(encoding)
            .accept_compressed(encoding);
        let response = client
            .normalize(request("compressed", &"Title\n\nA body paragraph. ".repeat(50)))
            .await
            .unwrap_or_else(|status| panic!("{encoding:?}: {status}"));
        assert_eq!(
            response
                .metadata()
                .get("grpc-encoding")
                .and_then(|v| v.to_str().ok()),
            Some(name),
            "{encoding:?} answer"
        );
    }
}
