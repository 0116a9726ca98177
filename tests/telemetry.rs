//! Traces, metrics and logs of the real binary: spans exported to a real
//! OTLP collector (an in-process tonic server implementing the OTLP trace
//! service) on loopback, `/metrics` scraped and parsed as Prometheus text.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use blackbox_tests::{SERVICE_NAME, TestServer, eventually};
use normalizer_proto::v1::{NormalizeRequest, RawArticle, raw_article::Content};
use opentelemetry_proto::tonic::{
    collector::trace::v1::{
        ExportTraceServiceRequest, ExportTraceServiceResponse,
        trace_service_server::{TraceService, TraceServiceServer},
    },
    common::v1::{AnyValue, any_value::Value},
    trace::v1::Span,
};
use tokio_stream::wrappers::TcpListenerStream;

const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN_ID: &str = "00f067aa0ba902b7";
/// A word of the article that must never appear in a span.
const SECRET_WORD: &str = "Marrowfield";

/// An OTLP trace collector that keeps what it receives.
#[derive(Debug, Clone, Default)]
struct Collector {
    spans: Arc<Mutex<Vec<Span>>>,
}

#[tonic::async_trait]
impl TraceService for Collector {
    async fn export(
        &self,
        request: tonic::Request<ExportTraceServiceRequest>,
    ) -> Result<tonic::Response<ExportTraceServiceResponse>, tonic::Status> {
        let mut spans = self.spans.lock().expect("not poisoned");
        for resource in request.into_inner().resource_spans {
            for scope in resource.scope_spans {
                spans.extend(scope.spans);
            }
        }
        Ok(tonic::Response::new(ExportTraceServiceResponse {
            partial_success: None,
        }))
    }
}

impl Collector {
    /// Starts the collector on a free loopback port; returns its endpoint.
    async fn start(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let endpoint = format!("http://{}", listener.local_addr().expect("an address"));
        let service = TraceServiceServer::new(self.clone());
        tokio::spawn(
            tonic::transport::Server::builder()
                .add_service(service)
                .serve_with_incoming(TcpListenerStream::new(listener)),
        );
        endpoint
    }

    fn spans(&self) -> Vec<Span> {
        self.spans.lock().expect("not poisoned").clone()
    }
}

/// A collector, and a server exporting to it every 50 ms.
async fn traced_server() -> (Collector, TestServer) {
    let collector = Collector::default();
    let endpoint = collector.start().await;
    let server = TestServer::start_with(
        &[],
        &[
            ("NORMALIZER__TELEMETRY__OTLP_ENDPOINT", &endpoint),
            ("OTEL_BSP_SCHEDULE_DELAY", "50"),
        ],
    )
    .await;
    (collector, server)
}

fn article(text: &str) -> NormalizeRequest {
    NormalizeRequest {
        article: Some(RawArticle {
            id: "traced".into(),
            url: String::new(),
            content: Some(Content::Text(text.into())),
            content_type: String::new(),
        }),
        options: None,
    }
}

fn attribute<'a>(span: &'a Span, key: &str) -> Option<&'a Value> {
    span.attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| kv.value.as_ref())
        .and_then(|value: &AnyValue| value.value.as_ref())
}

fn text(value: Option<&Value>) -> Option<&str> {
    match value {
        Some(Value::StringValue(s)) => Some(s),
        _ => None,
    }
}

#[tokio::test]
async fn the_server_span_continues_the_callers_trace_and_the_stages_are_its_children() {
    let (collector, server) = traced_server().await;
    let mut client = server.client().await;
    let mut request = tonic::Request::new(article(&format!(
        "Ferry returns – By Ann Lee (Coast Post)\n\nThe ferry to {SECRET_WORD} resumed on Monday after repairs.\n\nShare this:"
    )));
    request.metadata_mut().insert(
        "traceparent",
        format!("00-{TRACE_ID}-{PARENT_SPAN_ID}-01")
            .parse()
            .expect("ASCII"),
    );
    let response = client.normalize(request).await.expect("a record");
    assert_eq!(
        response
            .metadata()
            .get("x-trace-id")
            .and_then(|v| v.to_str().ok()),
        Some(TRACE_ID),
        "the response names the trace"
    );

    let method = format!("{SERVICE_NAME}/Normalize");
    let exported = eventually(Duration::from_secs(20), || {
        let spans = collector.spans();
        let method = method.clone();
        async move { spans.iter().any(|s| s.name == method) && spans.iter().any(|s| s.name == "stats") }
    })
    .await;
    assert!(exported, "the spans reach the collector: {:?}", collector.spans());
    let spans = collector.spans();
    let server_span = spans.iter().find(|s| s.name == method).expect("the server span");
    assert_eq!(hex(&server_span.trace_id), TRACE_ID);
    assert_eq!(hex(&server_span.parent_span_id), PARENT_SPAN_ID);
    assert_eq!(server_span.kind, 2, "SPAN_KIND_SERVER");
    assert_eq!(text(attribute(server_span, "rpc.system")), Some("grpc"));
    assert_eq!(text(attribute(server_span, "rpc.service")), Some(SERVICE_NAME));
    assert_eq!(text(attribute(server_span, "rpc.method")), Some("Normalize"));
    assert_eq!(
        attribute(server_span, "rpc.grpc.status_code"),
        Some(&Value::IntValue(0))
    );

    for stage in [
        "canonical_url",
        "unicode",
        "blocks",
        "boilerplate",
        "headline",
        "credits",
        "see_also",
        "captions",
        "commentary",
        "language",
        "fingerprint",
        "stats",
    ] {
        let span = spans
            .iter()
            .find(|s| s.name == stage)
            .unwrap_or_else(|| panic!("no `{stage}` span"));
        assert_eq!(
            span.parent_span_id, server_span.span_id,
            "`{stage}` is a child of the server span"
        );
        assert_eq!(hex(&span.trace_id), TRACE_ID);
    }
    let boilerplate = spans
        .iter()
        .find(|s| s.name == "boilerplate")
        .expect("boilerplate");
    assert_eq!(attribute(boilerplate, "removed"), Some(&Value::IntValue(1)));
    let language = spans.iter().find(|s| s.name == "language").expect("language");
    assert_eq!(text(attribute(language, "language")), Some("en"));

    let leaked = spans
        .iter()
        .flat_map(|s| &s.attributes)
        .any(|kv| format!("{:?}", kv.value).contains(SECRET_WORD));
    assert!(!leaked, "article text is in a span");
}

#[tokio::test]
async fn an_error_status_is_recorded_on_the_server_span() {
    let (collector, server) = traced_server().await;
    let mut client = server.client().await;
    let status = client.normalize(article("   ")).await.expect_err("blank");
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    let method = format!("{SERVICE_NAME}/Normalize");
    let exported = eventually(Duration::from_secs(20), || {
        let found = collector.spans().iter().any(|s| s.name == method);
        async move { found }
    })
    .await;
    assert!(exported, "the span reaches the collector");
    let spans = collector.spans();
    let span = spans.iter().find(|s| s.name == method).expect("the server span");
    assert_eq!(attribute(span, "rpc.grpc.status_code"), Some(&Value::IntValue(3)));
    assert_eq!(span.status.as_ref().map(|s| s.code), Some(2), "STATUS_CODE_ERROR");
}

#[tokio::test]
async fn an_unreachable_collector_never_fails_a_request() {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
        listener.local_addr().expect("an address")
    };
    let endpoint = format!("http://{closed}");
    let mut server = TestServer::start_with(
        &[],
        &[
            ("NORMALIZER__TELEMETRY__OTLP_ENDPOINT", &endpoint),
            ("OTEL_BSP_SCHEDULE_DELAY", "10"),
        ],
    )
    .await;
    let mut client = server.client().await;
    for index in 0..50 {
        let call = client.normalize(article("Headline\n\nA short body paragraph for the test."));
        let response = tokio::time::timeout(Duration::from_secs(5), call)
            .await
            .unwrap_or_else(|_| panic!("request {index} answered within 5 s"));
        assert!(response.is_ok(), "request {index}: {response:?}");
    }
    server.terminate();
    let status = server.exit_status(Duration::from_secs(15)).await;
    assert!(status.success(), "{status}");
}

#[tokio::test]
async fn metrics_count_requests_errors_latency_and_stages_in_prometheus_text() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    for _ in 0..3 {
        client
            .normalize(article("Headline\n\nA body paragraph.\n\nShare this:"))
            .await
            .expect("a record");
    }
    client.normalize(article("")).await.expect_err("blank");
    let body = server.scrape_metrics().await;
    let lines = body.lines().map(|line| Ok(line.to_owned()));
    let scrape = prometheus_parse::Scrape::parse(lines).expect("Prometheus text format");
    let value = |name: &str, labels: &[(&str, &str)]| -> f64 {
        scrape
            .samples
            .iter()
            .filter(|s| s.metric == name)
            .filter(|s| labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
            .map(|s| match s.value {
                prometheus_parse::Value::Counter(v)
                | prometheus_parse::Value::Gauge(v)
                | prometheus_parse::Value::Untyped(v) => v,
                prometheus_parse::Value::Histogram(ref buckets) => buckets.last().map_or(0.0, |b| b.count),
                _ => 0.0,
            })
            .sum()
    };
    let normalize = [("service", SERVICE_NAME), ("method", "Normalize")];
    let ok = [normalize[0], normalize[1], ("code", "OK")];
    let invalid = [normalize[0], normalize[1], ("code", "INVALID_ARGUMENT")];
    assert_eq!(value("rpc_server_requests_total", &ok), 3.0, "{body}");
    assert_eq!(value("rpc_server_requests_total", &invalid), 1.0, "{body}");
    assert_eq!(value("rpc_server_errors_total", &invalid), 1.0, "{body}");
    assert_eq!(value("rpc_server_duration_seconds", &normalize), 4.0, "{body}");
    assert_eq!(value("rpc_server_in_flight_requests", &[]), 0.0, "{body}");
    assert_eq!(
        value("normalizer_stage_duration_seconds", &[("stage", "boilerplate")]),
        3.0,
        "{body}"
    );
    assert_eq!(
        value("normalizer_removed_blocks_total", &[("kind", "share_widget")]),
        3.0,
        "{body}"
    );
}

#[tokio::test]
async fn json_logs_carry_the_trace_id_of_the_request() {
    let server = TestServer::start_with(
        &[],
        &[("NORMALIZER__LOG__LEVEL", "info,article_normalizer=debug")],
    )
    .await;
    let mut client = server.client().await;
    let mut request = tonic::Request::new(article("Headline\n\nBody."));
    request.metadata_mut().insert(
        "traceparent",
        format!("00-{TRACE_ID}-{PARENT_SPAN_ID}-01")
            .parse()
            .expect("ASCII"),
    );
    client.normalize(request).await.expect("a record");
    let logged = eventually(Duration::from_secs(10), || {
        let found = server.logs.lock().expect("not poisoned").iter().any(|line| {
            let Ok(event) = serde_json::from_str::<serde_json::Value>(line) else {
                return false;
            };
            let rpc = event["spans"]
                .as_array()
                .and_then(|spans| spans.iter().find(|s| s["name"] == "rpc"));
            event["fields"]["message"] == "Normalized an article."
                && rpc.is_some_and(|rpc| {
                    rpc["trace_id"] == TRACE_ID && rpc["span_id"].as_str().is_some_and(|id| id.len() == 16)
                })
        });
        async move { found }
    })
    .await;
    assert!(
        logged,
        "no log line with the trace id: {:?}",
        server.logs.lock().expect("log")
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
