//! Black-box tests: the real binary on a free loopback port, called over gRPC.

use std::time::Duration;

use blackbox_tests::{SERVICE_NAME, TestServer, text_corpus};
use normalizer_corpus as corpus;
use normalizer_proto::v1::{NormalizeOptions, NormalizeRequest, RawArticle, raw_article::Content};
use tonic::Code;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_types::StatusExt;

fn text_request(id: &str, text: &str) -> NormalizeRequest {
    NormalizeRequest {
        article: Some(RawArticle {
            id: id.to_owned(),
            url: format!("https://news.example/{id}"),
            content: Some(Content::Text(text.to_owned())),
            content_type: String::new(),
        }),
        options: None,
    }
}

#[tokio::test]
async fn every_fixture_article_gives_its_expected_record() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let fixtures = corpus::load(&text_corpus()).expect("the corpus is readable");
    assert!(fixtures.len() >= 20, "the corpus has {} articles", fixtures.len());
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let response = client
            .normalize(text_request(&fixture.name, &fixture.input))
            .await
            .unwrap_or_else(|status| panic!("{}: {status}", fixture.name));
        let record = response.into_inner().article.expect("a record");
        assert_eq!(record.id, fixture.name, "the id is echoed");
        assert_eq!(
            record.url,
            format!("https://news.example/{}", fixture.name),
            "the url is echoed"
        );
        let fingerprint = record.fingerprint.as_ref().expect("a fingerprint");
        assert_eq!(
            fingerprint.body_sha256.len(),
            64,
            "{}: a hex SHA-256",
            fixture.name
        );
        for mismatch in corpus::mismatches(&fixture.expected, &corpus::compact(&record)) {
            failures.push(format!("{}: {mismatch}", fixture.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn bad_requests_are_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let cases = [
        (
            NormalizeRequest {
                article: None,
                options: None,
            },
            "article is required",
            "article",
        ),
        (
            NormalizeRequest {
                article: Some(RawArticle::default()),
                options: None,
            },
            "article.content is required",
            "article.content",
        ),
        (text_request("blank", ""), "article.text is blank", "article.text"),
        (
            text_request("spaces", " \n\t\r\n "),
            "article.text is blank",
            "article.text",
        ),
        (
            text_request("invisible", "\u{200B}\u{FEFF}\n\u{00A0}"),
            "article.text is blank",
            "article.text",
        ),
    ];
    for (request, message, field) in cases {
        let status = client.normalize(request).await.expect_err(message);
        assert_eq!(status.code(), Code::InvalidArgument, "{message}");
        assert!(status.message().starts_with(message), "{}", status.message());
        let details = status.get_error_details();
        let violation = &details
            .bad_request()
            .expect("a BadRequest detail")
            .field_violations[0];
        assert_eq!(violation.field, field);
        assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
    }
}

#[tokio::test]
async fn an_article_over_the_size_limit_is_refused_with_the_limit() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let limit = 4 * 1024 * 1024;
    let status = client
        .normalize(text_request("huge", &"a".repeat(limit + 1)))
        .await
        .expect_err("over the limit");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status
            .message()
            .contains(&format!("over the limit of {limit} bytes")),
        "{}",
        status.message()
    );
    let at_limit = "word ".repeat(limit / 5);
    let record = client
        .normalize(text_request("at-limit", &at_limit))
        .await
        .expect("at the limit");
    assert_eq!(record.into_inner().article.expect("a record").body.len(), 1);
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
}

#[tokio::test]
async fn the_size_limit_comes_from_configuration() {
    let server = TestServer::start_with(&[], &[("NORMALIZER__LIMITS__MAX_ARTICLE_BYTES", "100")]).await;
    let mut client = server.client().await;
    let status = client
        .normalize(text_request("big", &"b".repeat(101)))
        .await
        .expect_err("over the configured limit");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status.message().contains("over the limit of 100 bytes"),
        "{}",
        status.message()
    );
}

#[tokio::test]
async fn a_message_over_the_transport_limit_is_refused_and_the_server_stays_up() {
    let server = TestServer::start().await;
    let mut client = server.client().await.max_encoding_message_size(64 * 1024 * 1024);
    let status = client
        .normalize(text_request("enormous", &"c".repeat(9 * 1024 * 1024)))
        .await
        .expect_err("over server.max_message_bytes");
    assert_eq!(status.code(), Code::OutOfRange, "{status}");
    assert!(status.message().contains("8388608"), "{}", status.message());
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
}

#[tokio::test]
async fn hostile_text_gets_an_answer_and_the_server_stays_serving() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let hostile = [
        "\u{0000}\u{0001}title\u{0007}\n\nbody\u{001B}[31m text",
        &"(".repeat(100_000),
        &"By ".repeat(50_000),
        &"See also:\n".repeat(20_000),
        &"Comment:\n\n".repeat(20_000),
        &"x\n\n".repeat(200_000),
        &"\u{0301}".repeat(100_000),
        "\u{202E}reversed\u{202C} text with a right-to-left override",
    ];
    for (index, text) in hostile.iter().enumerate() {
        let result = client
            .normalize(text_request(&format!("hostile-{index}"), text))
            .await;
        match result {
            Ok(response) => assert!(response.into_inner().article.is_some(), "hostile-{index}"),
            Err(status) => assert_eq!(status.code(), Code::InvalidArgument, "hostile-{index}: {status}"),
        }
    }
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
}

#[tokio::test]
async fn health_reports_serving_for_the_server_and_the_service() {
    let server = TestServer::start().await;
    assert_eq!(server.health("").await, ServingStatus::Serving);
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
}

#[tokio::test]
async fn reflection_lists_the_services_in_v1_and_v1alpha() {
    use tokio_stream::StreamExt;
    use tonic_reflection::pb::{v1, v1alpha};

    let server = TestServer::start().await;

    let mut client = v1::server_reflection_client::ServerReflectionClient::new(server.channel().await);
    let request = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1::server_reflection_request::MessageRequest::ListServices(
            String::new(),
        )),
    };
    let mut responses = client
        .server_reflection_info(tokio_stream::once(request))
        .await
        .expect("reflection v1 answers")
        .into_inner();
    let Some(Ok(response)) = responses.next().await else {
        panic!("no v1 reflection response")
    };
    let Some(v1::server_reflection_response::MessageResponse::ListServicesResponse(list)) =
        response.message_response
    else {
        panic!("not a service list")
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    assert!(names.contains(&SERVICE_NAME.to_owned()), "{names:?}");
    assert!(names.contains(&"grpc.health.v1.Health".to_owned()), "{names:?}");

    let mut client = v1alpha::server_reflection_client::ServerReflectionClient::new(server.channel().await);
    let request = v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1alpha::server_reflection_request::MessageRequest::ListServices(
            String::new(),
        )),
    };
    let mut responses = client
        .server_reflection_info(tokio_stream::once(request))
        .await
        .expect("reflection v1alpha answers")
        .into_inner();
    let Some(Ok(response)) = responses.next().await else {
        panic!("no v1alpha reflection response")
    };
    let Some(v1alpha::server_reflection_response::MessageResponse::ListServicesResponse(list)) =
        response.message_response
    else {
        panic!("not a service list")
    };
    assert!(list.service.iter().any(|s| s.name == SERVICE_NAME));
}

#[tokio::test]
async fn sigterm_stops_the_server_with_exit_zero() {
    let mut server = TestServer::start().await;
    let mut client = server.client().await;
    client
        .normalize(text_request("before", "Headline\n\nA body paragraph."))
        .await
        .expect("served before the signal");
    server.terminate();
    let status = server.exit_status(Duration::from_secs(10)).await;
    assert!(status.success(), "exit status {status}");
}

#[tokio::test]
async fn bad_configuration_stops_start_up_naming_the_key() {
    let cases = [
        ("NORMALIZER__SERVER__LISTEN", "nowhere", "server.listen"),
        (
            "NORMALIZER__LIMITS__MAX_ARTICLE_BYTES",
            "lots",
            "limits.max_article_bytes",
        ),
        ("NORMALIZER__SERVER__LISTN", "127.0.0.1:1", "listn"),
        ("NORMALIZER__LOG__FORMAT", "xml", "log.format"),
    ];
    for (variable, value, key) in cases {
        let output = tokio::time::timeout(
            Duration::from_secs(10),
            tokio::process::Command::new(blackbox_tests::binary_path())
                .arg("serve")
                .env(variable, value)
                .output(),
        )
        .await
        .expect("start-up fails within 10 s")
        .expect("the binary runs");
        assert!(!output.status.success(), "{variable}={value} was accepted");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(key), "{variable}={value}: {stderr}");
    }
}

#[tokio::test]
async fn a_configuration_file_is_layered_under_the_environment() {
    let temp = tempfile::tempdir().expect("a temp dir");
    let dir = temp.path();
    let file = dir.join("config.toml");
    std::fs::write(&file, "[limits]\nmax_article_bytes = 50\n").expect("a config file");
    let file = file.to_string_lossy().into_owned();
    let server = TestServer::start_with(&["--config", &file], &[]).await;
    let mut client = server.client().await;
    let status = client
        .normalize(text_request("big", &"d".repeat(51)))
        .await
        .expect_err("over the file's limit");
    assert!(
        status.message().contains("over the limit of 50 bytes"),
        "{}",
        status.message()
    );
    drop(server);

    let server = TestServer::start_with(
        &["--config", &file],
        &[("NORMALIZER__LIMITS__MAX_ARTICLE_BYTES", "60")],
    )
    .await;
    let mut client = server.client().await;
    let status = client
        .normalize(text_request("big", &"d".repeat(61)))
        .await
        .expect_err("over the environment's limit");
    assert!(
        status.message().contains("over the limit of 60 bytes"),
        "{}",
        status.message()
    );
}

#[tokio::test]
async fn the_cli_prints_the_record_as_proto_json() {
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::new(blackbox_tests::binary_path())
        .args(["normalize", "-", "--id", "cli-1"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all("Harbour wall repaired – By Ann Lee (Harbour Ledger)\n\nThe council finished the repairs on Friday.\n\nShare this:".as_bytes())
        .await
        .expect("stdin is writable");
    drop(stdin);
    let output = tokio::time::timeout(Duration::from_secs(10), child.wait_with_output())
        .await
        .expect("the CLI finishes within 10 s")
        .expect("output");
    assert!(output.status.success());
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(record["id"], "cli-1");
    assert_eq!(record["title"], "Harbour wall repaired");
    assert_eq!(record["authors"][0], "Ann Lee");
    assert_eq!(
        record["body"][0]["text"],
        "The council finished the repairs on Friday."
    );
    assert_eq!(record["removed"][0]["kind"], "share_widget");
    assert_eq!(
        record["fingerprint"]["bodySha256"].as_str().map(str::len),
        Some(64)
    );
}

#[tokio::test]
async fn the_url_comes_back_canonical() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut request = text_request("url", "Headline\n\nA body paragraph about the harbour.");
    if let Some(article) = request.article.as_mut() {
        article.url = "https://NEWS.Example:443/story?id=9&utm_source=feed&fbclid=abc#comments".into();
    }
    let record = client.normalize(request).await.expect("a record").into_inner();
    assert_eq!(
        record.article.expect("a record").url,
        "https://news.example/story?id=9"
    );
}

#[tokio::test]
async fn a_relative_url_is_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut request = text_request("url", "Headline\n\nBody.");
    if let Some(article) = request.article.as_mut() {
        article.url = "/story/9".into();
    }
    let status = client.normalize(request).await.expect_err("relative URL");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status.message().starts_with("article.url is not an absolute URL"),
        "{}",
        status.message()
    );
    let details = status.get_error_details();
    assert_eq!(
        details.bad_request().expect("BadRequest").field_violations[0].field,
        "article.url"
    );
}

/// Ukrainian close enough to Russian that an allowlist decides.
const UKRAINIAN: &str = "Новини\n\nМіська рада у вівторок проголосувала за відкриття старого мосту.";

#[tokio::test]
async fn request_languages_limit_detection_and_unknown_codes_are_refused() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let detect = |languages: &[&str]| {
        let mut request = text_request("languages", UKRAINIAN);
        request.options = Some(NormalizeOptions {
            languages: languages.iter().map(|code| (*code).to_owned()).collect(),
        });
        request
    };
    let code = |response: tonic::Response<normalizer_proto::v1::NormalizeResponse>| {
        response
            .into_inner()
            .article
            .and_then(|a| a.language)
            .map(|l| l.code)
            .unwrap_or_default()
    };
    assert_eq!(
        code(client.normalize(detect(&["ru"])).await.expect("ru only")),
        "ru"
    );
    assert_eq!(
        code(client.normalize(detect(&["uk", "rus"])).await.expect("uk or ru")),
        "uk"
    );
    let status = client
        .normalize(detect(&["uk", "elvish"]))
        .await
        .expect_err("unknown code");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status.message().starts_with("options.languages[1] `elvish`"),
        "{}",
        status.message()
    );
    let details = status.get_error_details();
    assert_eq!(
        details.bad_request().expect("BadRequest").field_violations[0].field,
        "options.languages[1]"
    );
}

#[tokio::test]
async fn the_configured_languages_apply_when_a_request_names_none() {
    let server = TestServer::start_with(&[], &[("NORMALIZER__PIPELINE__LANGUAGES", "ru,de")]).await;
    let mut client = server.client().await;
    let record = client
        .normalize(text_request("configured", UKRAINIAN))
        .await
        .expect("a record")
        .into_inner();
    assert_eq!(
        record.article.and_then(|a| a.language).map(|l| l.code).as_deref(),
        Some("ru")
    );
}

#[tokio::test]
async fn the_record_carries_simhash_and_stats() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let record = client
        .normalize(text_request("stats", "Headline\n\nThree words here.\n\nAnd two."))
        .await
        .expect("a record")
        .into_inner()
        .article
        .expect("a record");
    let stats = record.stats.expect("stats");
    assert_eq!((stats.paragraphs, stats.words, stats.characters), (2, 5, 25));
    assert_ne!(record.fingerprint.expect("a fingerprint").simhash, 0);
}

#[tokio::test]
async fn a_publication_line_in_text_dates_the_record_and_is_removed() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let text = "Tram line approved\n\nBy Ann Lee\n\nPublished: 3 March 2026, 14:05 GMT | Updated: 4 March 2026\n\n\
                The council approved the new tram line on Tuesday after a long debate.";
    let record = client
        .normalize(text_request("dated", text))
        .await
        .expect("a record")
        .into_inner()
        .article
        .expect("a record");
    assert_eq!(record.published_at_local, "2026-03-03");
    assert_eq!(record.published_at.map(|at| at.seconds), Some(1_772_496_000));
    assert_eq!(record.updated_at.map(|at| at.seconds), Some(1_772_582_400));
    assert_eq!(
        record.removed.first().map(|removed| removed.kind.as_str()),
        Some("timestamp")
    );
}

#[tokio::test]
async fn sigterm_reports_not_serving_and_a_second_signal_ends_the_delay() {
    // A delay far longer than the test: only the second signal can end it.
    let mut server =
        TestServer::start_with(&[], &[("NORMALIZER__SERVER__SHUTDOWN_DELAY_SECONDS", "3600")]).await;
    assert_eq!(server.health(SERVICE_NAME).await, ServingStatus::Serving);
    server.terminate();
    let reported = blackbox_tests::eventually(Duration::from_secs(10), || async {
        server.health(SERVICE_NAME).await == ServingStatus::NotServing
            && server.health("").await == ServingStatus::NotServing
    })
    .await;
    assert!(
        reported,
        "health turned NOT_SERVING while the listener stayed open"
    );
    server.terminate();
    let status = server.exit_status(Duration::from_secs(15)).await;
    assert!(status.success(), "{status}");
}

#[tokio::test]
async fn the_probe_command_exits_zero_only_for_a_serving_server() {
    let server = TestServer::start().await;
    let probe = |addr: String, service: &str| {
        let service = service.to_owned();
        async move {
            tokio::time::timeout(
                Duration::from_secs(15),
                tokio::process::Command::new(blackbox_tests::binary_path())
                    .args(["probe", "--addr", &addr, "--service", &service, "--timeout", "5"])
                    .output(),
            )
            .await
            .expect("the probe answers within 15 s")
            .expect("the binary runs")
        }
    };
    let serving = probe(server.addr.to_string(), SERVICE_NAME).await;
    assert!(
        serving.status.success(),
        "{}",
        String::from_utf8_lossy(&serving.stderr)
    );
    let unknown = probe(server.addr.to_string(), "no.such.Service").await;
    assert!(!unknown.status.success());
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.local_addr().expect("an address")
    };
    let unreachable = probe(closed.to_string(), "").await;
    assert!(!unreachable.status.success());
    assert!(String::from_utf8_lossy(&unreachable.stderr).contains("cannot connect"));
}

#[tokio::test]
async fn the_cli_normalizes_a_directory_and_a_json_lines_file_in_order() {
    let temp = tempfile::tempdir().expect("a temp dir");
    let dir = temp.path();
    let articles = dir.join("articles");
    std::fs::create_dir_all(articles.join("nested")).expect("a temp dir");
    std::fs::write(articles.join("a.txt"), "First story\n\nBody of the first story.").expect("a.txt");
    std::fs::write(
        articles.join("nested/b.txt"),
        "Second story\n\nBody of the second.",
    )
    .expect("b.txt");
    std::fs::write(articles.join("blank.txt"), "  \n ").expect("blank.txt");
    let jsonl = dir.join("articles.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"j1\", \"text\": \"Third story\\n\\nBody.\"}\nnot json\n{\"id\": \"j3\", \"text\": \"\"}\n",
    )
    .expect("a JSON-lines file");
    let run = |input: &std::path::Path| {
        let input = input.to_string_lossy().into_owned();
        async move {
            let output = tokio::time::timeout(
                Duration::from_secs(20),
                tokio::process::Command::new(blackbox_tests::binary_path())
                    .args(["normalize", &input])
                    .output(),
            )
            .await
            .expect("the CLI finishes within 20 s")
            .expect("the binary runs");
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
                .lines()
                .map(|line| serde_json::from_str(line).expect("a JSON line"))
                .collect();
            (lines, String::from_utf8_lossy(&output.stderr).into_owned())
        }
    };
    let (lines, summary) = run(&articles).await;
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["a.txt", "blank.txt", "nested/b.txt"]);
    assert_eq!(lines[0]["article"]["title"], "First story");
    assert_eq!(lines[1]["error"]["message"], "article.text is blank");
    assert!(
        summary.contains("3 articles") && summary.contains("1 errors"),
        "{summary}"
    );

    let (lines, summary) = run(&jsonl).await;
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["article"]["title"], "Third story");
    assert!(
        lines[1]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("line 2"))
    );
    assert_eq!(lines[2]["id"], "j3");
    assert!(summary.contains("2 errors"), "{summary}");
}
