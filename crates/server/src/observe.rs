//! A tower layer around every gRPC call: continues the caller's W3C trace
//! (`traceparent`, `tracestate`, `baggage`), opens the server span with the
//! OpenTelemetry RPC attributes, answers with the trace id in the
//! `x-trace-id` header, and records the RED metrics. Handlers know nothing
//! of it.

use std::{
    sync::Arc,
    task::{Context, Poll},
};

use http::{HeaderValue, Request, Response};
use opentelemetry::{global, trace::TraceContextExt};
use opentelemetry_http::HeaderExtractor;
use tonic::Code;
use tower::{Layer, Service};
use tracing::{Instrument, field::Empty};
use tracing_opentelemetry::OpenTelemetrySpanExt;

use crate::metrics::{Metrics, RpcLabels};

/// The response header that carries the trace id, for support tickets.
pub const TRACE_ID_HEADER: &str = "x-trace-id";

/// Services whose calls get metrics but no span: probes would flood traces.
const UNTRACED_SERVICES: &[&str] = &["grpc.health.v1.Health"];

/// Wraps services in [`Observed`].
#[derive(Debug, Clone)]
pub struct ObserveLayer {
    /// Where the RED metrics go.
    metrics: Arc<Metrics>,
}

impl ObserveLayer {
    /// A layer recording into `metrics`.
    pub fn new(metrics: Arc<Metrics>) -> Self {
        Self { metrics }
    }
}

impl<S> Layer<S> for ObserveLayer {
    type Service = Observed<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Observed {
            inner,
            metrics: Arc::clone(&self.metrics),
        }
    }
}

/// A service whose calls are traced and measured.
#[derive(Debug, Clone)]
pub struct Observed<S> {
    /// The wrapped service.
    inner: S,
    /// Where the RED metrics go.
    metrics: Arc<Metrics>,
}

impl<S, B, R> Service<Request<B>> for Observed<S>
where
    S: Service<Request<B>, Response = Response<R>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let (service, method) = split_path(request.uri().path());
        let span = if UNTRACED_SERVICES.contains(&service.as_str()) {
            tracing::Span::none()
        } else {
            let parent = global::get_text_map_propagator(|propagator| {
                propagator.extract(&HeaderExtractor(request.headers()))
            });
            let span = tracing::info_span!(
                "rpc",
                otel.name = %format!("{service}/{method}"),
                otel.kind = "server",
                otel.status_code = Empty,
                rpc.system = "grpc",
                rpc.service = %service,
                rpc.method = %method,
                rpc.grpc.status_code = Empty,
                trace_id = Empty,
                span_id = Empty,
            );
            // A parent that cannot be set leaves the span a root: still traced.
            let _ = span.set_parent(parent);
            span
        };
        let context = span.context();
        let span_context = context.span().span_context().clone();
        let trace_id = span_context
            .is_valid()
            .then(|| span_context.trace_id().to_string());
        if let Some(id) = &trace_id {
            // For the JSON logs: every event inside the call names its trace and span.
            span.record("trace_id", id.as_str());
            span.record("span_id", span_context.span_id().to_string().as_str());
        }
        let metrics = Arc::clone(&self.metrics);
        let started = metrics.start_request();
        let call = self.inner.call(request).instrument(span.clone());
        Box::pin(async move {
            let result = call.await;
            let code = match &result {
                Ok(response) => status_code(response.headers()),
                Err(_) => Code::Unknown,
            };
            span.record("rpc.grpc.status_code", code as i32);
            if code != Code::Ok {
                span.record("otel.status_code", "ERROR");
            }
            metrics.finish_request(
                RpcLabels {
                    service,
                    method,
                    code: code_name(code).to_owned(),
                },
                started,
            );
            result.map(|mut response| {
                if let Some(value) = trace_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
                    response.headers_mut().insert(TRACE_ID_HEADER, value);
                }
                response
            })
        })
    }
}

/// `/package.Service/Method` as (`package.Service`, `Method`).
fn split_path(path: &str) -> (String, String) {
    let path = path.trim_start_matches('/');
    match path.split_once('/') {
        Some((service, method)) => (service.to_owned(), method.to_owned()),
        None => (path.to_owned(), String::new()),
    }
}

/// The status of a response: in its headers when the call failed before a
/// message (a trailers-only response), else OK (it comes in the trailers).
fn status_code(headers: &http::HeaderMap) -> Code {
    headers
        .get("grpc-status")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<i32>().ok())
        .map_or(Code::Ok, Code::from_i32)
}

/// The canonical name of a gRPC status code.
fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_names_the_service_and_the_method() {
        assert_eq!(
            split_path("/newsroom.normalizer.v1.ArticleNormalizer/Normalize"),
            (
                "newsroom.normalizer.v1.ArticleNormalizer".to_owned(),
                "Normalize".to_owned()
            )
        );
    }

    #[test]
    fn a_trailers_only_status_is_read_from_the_headers() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(status_code(&headers), Code::Ok);
        headers.insert("grpc-status", HeaderValue::from_static("3"));
        assert_eq!(status_code(&headers), Code::InvalidArgument);
        assert_eq!(code_name(Code::InvalidArgument), "INVALID_ARGUMENT");
    }
}
