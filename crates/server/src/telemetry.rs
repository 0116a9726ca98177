//! Logs and traces. [`init`] installs one subscriber with three layers:
//! log lines on stdout (text or JSON, filtered by `log.level`/`RUST_LOG`),
//! OpenTelemetry spans of this service and its pipeline, and the stage
//! timer of the metrics. Spans always get trace ids (for logs and the
//! `x-trace-id` header); they leave the process only when an OTLP endpoint
//! is configured, through a batch processor on its own thread, so a slow or
//! unreachable collector never holds up a request. [`Telemetry::shutdown`]
//! flushes what is pending.

use std::{io::IsTerminal, sync::Arc, time::Duration};

use anyhow::Context as _;
use opentelemetry::{global, propagation::TextMapCompositePropagator, trace::TracerProvider as _};
use opentelemetry_otlp::{Protocol, WithExportConfig};
use opentelemetry_sdk::{
    Resource,
    propagation::{BaggagePropagator, TraceContextPropagator},
    trace::SdkTracerProvider,
};
use tracing::Level;
use tracing_subscriber::{EnvFilter, Layer, filter::Targets, fmt, layer::SubscriberExt};

use crate::{
    metrics::{Metrics, PIPELINE_TARGET},
    settings::{LogFormat, LogSettings, OtlpProtocol, TelemetrySettings},
};

/// How long one export to the collector may take before it is dropped.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(3);

/// The crates whose spans are traced.
const TRACED_TARGETS: &[&str] = &["article_normalizer", PIPELINE_TARGET];

/// The installed tracing pipeline, to flush at shutdown.
#[derive(Debug)]
pub struct Telemetry {
    /// Owns the span processor and exporter.
    provider: SdkTracerProvider,
}

impl Telemetry {
    /// Exports the spans still queued and stops the exporter.
    pub fn shutdown(self) {
        if let Err(error) = self.provider.shutdown() {
            tracing::warn!(%error, "Could not flush the pending spans.");
        }
    }
}

/// Where traces go: the configured endpoint, else the standard
/// `OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT`, else nowhere.
fn otlp_endpoint(settings: &TelemetrySettings) -> Option<Option<String>> {
    if !settings.otlp_endpoint.is_empty() {
        return Some(Some(settings.otlp_endpoint.clone()));
    }
    let from_environment = [
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    ]
    .iter()
    .any(|name| std::env::var(name).is_ok_and(|value| !value.is_empty()));
    // `None` inside: the exporter reads the environment itself.
    from_environment.then_some(None)
}

/// Builds the tracer provider, with an OTLP exporter when an endpoint is set.
/// Must run inside the tokio runtime: the gRPC exporter's channel lives there.
fn tracer_provider(settings: &TelemetrySettings) -> anyhow::Result<(SdkTracerProvider, bool)> {
    let mut resource = Resource::builder();
    if std::env::var("OTEL_SERVICE_NAME").is_err() {
        resource = resource.with_service_name(settings.service_name.clone());
    }
    let mut provider = SdkTracerProvider::builder().with_resource(resource.build());
    let endpoint = otlp_endpoint(settings);
    if let Some(endpoint) = &endpoint {
        let exporter = match settings.otlp_protocol {
            OtlpProtocol::Grpc => {
                let mut builder = opentelemetry_otlp::SpanExporter::builder()
                    .with_tonic()
                    .with_timeout(EXPORT_TIMEOUT);
                if let Some(endpoint) = endpoint {
                    builder = builder.with_endpoint(endpoint);
                }
                builder.build()
            }
            OtlpProtocol::HttpProtobuf => {
                let mut builder = opentelemetry_otlp::SpanExporter::builder()
                    .with_http()
                    .with_protocol(Protocol::HttpBinary)
                    .with_timeout(EXPORT_TIMEOUT);
                if let Some(endpoint) = endpoint {
                    builder = builder.with_endpoint(format!("{}/v1/traces", endpoint.trim_end_matches('/')));
                }
                builder.build()
            }
        }
        .context("cannot build the OTLP span exporter (telemetry.otlp_endpoint)")?;
        provider = provider.with_batch_exporter(exporter);
    }
    Ok((provider.build(), endpoint.is_some()))
}

/// Installs logging, tracing and the stage timer for the whole process.
///
/// # Errors
/// An invalid log level, an exporter that cannot be built, or a subscriber
/// installed already.
pub fn init(
    telemetry: &TelemetrySettings,
    log: &LogSettings,
    metrics: &Arc<Metrics>,
) -> anyhow::Result<Telemetry> {
    global::set_text_map_propagator(TextMapCompositePropagator::new(vec![
        Box::new(TraceContextPropagator::new()),
        Box::new(BaggagePropagator::new()),
    ]));
    let (provider, exporting) = tracer_provider(telemetry)?;
    global::set_tracer_provider(provider.clone());
    let tracer = provider.tracer("article-normalizer");

    let log_filter = match std::env::var("RUST_LOG") {
        Ok(directive) if !directive.is_empty() => EnvFilter::try_new(directive),
        _ => EnvFilter::try_new(&log.level),
    }
    .context("invalid log.level")?;
    let log_layer = match log.format {
        LogFormat::Text => fmt::layer()
            .with_ansi(std::io::stdout().is_terminal())
            .with_writer(std::io::stdout)
            .boxed(),
        LogFormat::Json => fmt::layer()
            .json()
            .with_current_span(true)
            .with_span_list(true)
            .with_writer(std::io::stdout)
            .boxed(),
    };
    let traced = TRACED_TARGETS.iter().fold(Targets::new(), |targets, target| {
        targets.with_target(*target, Level::INFO)
    });
    let subscriber = tracing_subscriber::registry()
        .with(log_layer.with_filter(log_filter))
        .with(
            tracing_opentelemetry::layer()
                .with_tracer(tracer)
                .with_filter(traced),
        )
        .with(
            metrics
                .stage_timer()
                .with_filter(Targets::new().with_target(PIPELINE_TARGET, Level::INFO)),
        );
    tracing::subscriber::set_global_default(subscriber).context("a logger is installed already")?;
    if exporting {
        tracing::info!(protocol = ?telemetry.otlp_protocol, "Exporting traces over OTLP.");
    }
    Ok(Telemetry { provider })
}
