//! RED metrics for Prometheus: requests, errors by status code, latency per
//! method, requests in flight, the duration of each pipeline stage and the
//! blocks each removal kind dropped. Served as OpenMetrics text on
//! `GET /metrics` at `metrics.listen`.

use std::{net::SocketAddr, sync::Arc, time::Instant};

use axum::{Router, extract::State, http::header, response::IntoResponse, routing::get};
use prometheus_client::{
    encoding::{EncodeLabelSet, text::encode},
    metrics::{
        counter::Counter,
        family::Family,
        gauge::Gauge,
        histogram::{Histogram, exponential_buckets},
    },
    registry::Registry,
};
use tokio::net::TcpListener;
use tracing::{Subscriber, span};
use tracing_subscriber::{Layer, layer::Context, registry::LookupSpan};

/// Labels of a finished RPC.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RpcLabels {
    /// Fully qualified gRPC service.
    pub service: String,
    /// Method name.
    pub method: String,
    /// gRPC status code name, e.g. `OK`, `INVALID_ARGUMENT`.
    pub code: String,
}

/// Labels of one method.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MethodLabels {
    /// Fully qualified gRPC service.
    pub service: String,
    /// Method name.
    pub method: String,
}

/// Labels of a pipeline stage.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StageLabels {
    /// The stage's module name, e.g. `boilerplate`.
    stage: String,
}

/// Labels of a removal kind.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabels {
    /// The `Removed.kind`, e.g. `share_widget`.
    kind: String,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

/// Every metric the service exports, and the registry that encodes them.
#[derive(Debug)]
pub struct Metrics {
    /// Encodes the metrics below; written once at start-up.
    registry: Registry,
    /// Finished RPCs by method and status code.
    requests: Family<RpcLabels, Counter>,
    /// RPCs that ended with a status other than OK, by method and code.
    errors: Family<RpcLabels, Counter>,
    /// Seconds from request to response headers, by method.
    latency: HistogramFamily<MethodLabels>,
    /// RPCs being served now: a rising value with flat throughput means queueing.
    in_flight: Gauge,
    /// Seconds each pipeline stage took, by stage.
    stage_duration: HistogramFamily<StageLabels>,
    /// Blocks the pipeline removed, by kind: what it drops is counted, never silent.
    removed: Family<KindLabels, Counter>,
}

fn latency_histogram() -> Histogram {
    // 100 µs to about 13 s.
    Histogram::new(exponential_buckets(0.0001, 2.0, 18))
}

fn stage_histogram() -> Histogram {
    // 1 µs to about 0.5 s.
    Histogram::new(exponential_buckets(0.000_001, 2.0, 20))
}

impl Metrics {
    /// Registers every metric.
    pub fn new() -> Self {
        let mut registry = Registry::default();
        let requests = Family::<RpcLabels, Counter>::default();
        let errors = Family::<RpcLabels, Counter>::default();
        let latency: HistogramFamily<MethodLabels> = Family::new_with_constructor(latency_histogram);
        let in_flight = Gauge::default();
        let stage_duration: HistogramFamily<StageLabels> = Family::new_with_constructor(stage_histogram);
        let removed = Family::<KindLabels, Counter>::default();
        registry.register(
            "rpc_server_requests",
            "Finished gRPC requests by method and status code",
            requests.clone(),
        );
        registry.register(
            "rpc_server_errors",
            "gRPC requests that ended with a status other than OK",
            errors.clone(),
        );
        registry.register(
            "rpc_server_duration_seconds",
            "Seconds from a gRPC request to its response, by method",
            latency.clone(),
        );
        registry.register(
            "rpc_server_in_flight_requests",
            "gRPC requests being served now",
            in_flight.clone(),
        );
        registry.register(
            "normalizer_stage_duration_seconds",
            "Seconds each pipeline stage took",
            stage_duration.clone(),
        );
        registry.register(
            "normalizer_removed_blocks",
            "Blocks the pipeline removed, by kind",
            removed.clone(),
        );
        Self {
            registry,
            requests,
            errors,
            latency,
            in_flight,
            stage_duration,
            removed,
        }
    }

    /// Counts a request as started; returns the moment it started.
    pub fn start_request(&self) -> Instant {
        self.in_flight.inc();
        Instant::now()
    }

    /// Records a finished request.
    pub fn finish_request(&self, labels: RpcLabels, started: Instant) {
        self.in_flight.dec();
        let method = MethodLabels {
            service: labels.service.clone(),
            method: labels.method.clone(),
        };
        self.latency
            .get_or_create(&method)
            .observe(started.elapsed().as_secs_f64());
        if labels.code != "OK" {
            self.errors.get_or_create(&labels).inc();
        }
        self.requests.get_or_create(&labels).inc();
    }

    /// Counts one removed block of `kind`.
    pub fn count_removed(&self, kind: &str) {
        self.removed
            .get_or_create(&KindLabels {
                kind: kind.to_owned(),
            })
            .inc();
    }

    /// The metrics in the OpenMetrics text format.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut text, &self.registry);
        text
    }

    /// A tracing layer that times the pipeline's stage spans into
    /// `normalizer_stage_duration_seconds`.
    pub fn stage_timer<S>(self: &Arc<Self>) -> impl Layer<S>
    where
        S: Subscriber + for<'a> LookupSpan<'a>,
    {
        StageTimer {
            metrics: Arc::clone(self),
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Times spans of the pipeline crate, one per stage.
struct StageTimer {
    /// Where the durations go.
    metrics: Arc<Metrics>,
}

/// When a stage span was created, kept in the span's extensions.
struct StageStart(Instant);

impl<S> Layer<S> for StageTimer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &span::Attributes<'_>, id: &span::Id, ctx: Context<'_, S>) {
        if attrs.metadata().target() == PIPELINE_TARGET
            && let Some(span) = ctx.span(id)
        {
            span.extensions_mut().insert(StageStart(Instant::now()));
        }
    }

    fn on_close(&self, id: span::Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else { return };
        let Some(StageStart(start)) = span.extensions().get::<StageStart>().map(|s| StageStart(s.0)) else {
            return;
        };
        let labels = StageLabels {
            stage: span.name().to_owned(),
        };
        self.metrics
            .stage_duration
            .get_or_create(&labels)
            .observe(start.elapsed().as_secs_f64());
    }
}

/// The tracing target of the pipeline's stage spans.
pub const PIPELINE_TARGET: &str = "normalizer_pipeline";

/// Serves `GET /metrics` on `listener` until `shutdown` resolves.
///
/// # Errors
/// The HTTP server fails.
pub async fn serve(
    listener: TcpListener,
    metrics: Arc<Metrics>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = Router::new().route("/metrics", get(scrape)).with_state(metrics);
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// Answers a scrape.
async fn scrape(State(metrics): State<Arc<Metrics>>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        metrics.encode(),
    )
}

/// Binds the metrics listener when `metrics.listen` is set.
///
/// # Errors
/// The address cannot be bound.
pub async fn bind(listen: Option<SocketAddr>) -> std::io::Result<Option<TcpListener>> {
    match listen {
        Some(address) => TcpListener::bind(address).await.map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_request_moves_the_counters_and_the_histogram() {
        let metrics = Metrics::new();
        let started = metrics.start_request();
        let labels = RpcLabels {
            service: "s".into(),
            method: "m".into(),
            code: "INVALID_ARGUMENT".into(),
        };
        metrics.finish_request(labels, started);
        metrics.count_removed("share_widget");
        let text = metrics.encode();
        assert!(
            text.contains(r#"rpc_server_requests_total{service="s",method="m",code="INVALID_ARGUMENT"} 1"#),
            "{text}"
        );
        assert!(
            text.contains(r#"rpc_server_errors_total{service="s",method="m",code="INVALID_ARGUMENT"} 1"#),
            "{text}"
        );
        assert!(
            text.contains(r#"rpc_server_duration_seconds_count{service="s",method="m"} 1"#),
            "{text}"
        );
        assert!(text.contains("rpc_server_in_flight_requests 0"), "{text}");
        assert!(
            text.contains(r#"normalizer_removed_blocks_total{kind="share_widget"} 1"#),
            "{text}"
        );
    }
}
