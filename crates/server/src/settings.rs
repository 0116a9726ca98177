//! Typed configuration, layered with the `config` crate: the embedded
//! defaults (`config/default.toml`), then an optional file, then
//! `NORMALIZER__SECTION__KEY` environment variables, then command-line flags.
//! Unknown keys and values of the wrong type stop start-up with a message
//! that names the key.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

use config::{Config, Environment, File, FileFormat};
use normalizer_pipeline::{LanguageAllowlist, Options};
use serde::{Deserialize, Deserializer};

/// The defaults, compiled into the binary so it runs with no file at all.
pub const DEFAULTS: &str = include_str!("../config/default.toml");

/// Prefix of the environment variables that override settings.
const ENV_PREFIX: &str = "NORMALIZER";

/// Separator between the prefix, sections and keys in environment variables.
const ENV_SEPARATOR: &str = "__";

/// The `--config FILE` flag of every binary that loads the settings.
#[derive(Debug, clap::Args)]
pub struct ConfigFlag {
    /// A configuration file (TOML) layered over the embedded defaults.
    #[arg(id = "config", long = "config", global = true, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// All settings of the service.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The gRPC server.
    pub server: ServerSettings,
    /// Limits on what callers may send.
    pub limits: LimitSettings,
    /// The normalization pipeline.
    pub pipeline: PipelineSettings,
    /// Logging.
    pub log: LogSettings,
    /// Traces.
    pub telemetry: TelemetrySettings,
    /// Prometheus metrics.
    pub metrics: MetricsSettings,
}

/// Traces.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetrySettings {
    /// OTLP collector address (`http://collector:4317` for gRPC,
    /// `http://collector:4318` for HTTP); empty: `OTEL_EXPORTER_OTLP_ENDPOINT`
    /// when set, else traces stay in the process.
    pub otlp_endpoint: String,
    /// How spans are sent.
    pub otlp_protocol: OtlpProtocol,
    /// `service.name` of the spans; `OTEL_SERVICE_NAME` wins when set.
    pub service_name: String,
}

/// How spans are sent to the collector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum OtlpProtocol {
    /// OTLP over gRPC (port 4317).
    #[serde(rename = "grpc")]
    Grpc,
    /// OTLP over HTTP with protobuf bodies (port 4318).
    #[serde(rename = "http/protobuf")]
    HttpProtobuf,
}

/// Prometheus metrics.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsSettings {
    /// Address of the `/metrics` HTTP endpoint; `None` (an empty string in
    /// the configuration) switches it off.
    #[serde(deserialize_with = "optional_address")]
    pub listen: Option<SocketAddr>,
}

/// An empty string as `None`, anything else as a socket address.
fn optional_address<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<SocketAddr>, D::Error> {
    let text = String::deserialize(deserializer)?;
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|error| {
        serde::de::Error::custom(format!(
            "metrics.listen `{text}` is not a socket address: {error}"
        ))
    })
}

/// The gRPC server.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    /// Address to listen on; port 0 picks a free port (logged at start-up).
    pub listen: SocketAddr,
    /// Largest gRPC message in either direction: the transport refuses a
    /// larger request before reading it, so memory per request stays bounded.
    pub max_message_bytes: usize,
    /// Calls served at once: past it RESOURCE_EXHAUSTED at once, not a queue.
    pub max_concurrent_requests: usize,
    /// Pipeline runs at once (0: one per core): keeps the reactor free.
    pub workers: usize,
    /// HTTP/2 streams per connection.
    pub max_concurrent_streams_per_connection: u32,
    /// Seconds between HTTP/2 keepalive pings on an idle connection.
    pub keepalive_interval_seconds: u64,
    /// Seconds a keepalive ping may go unanswered before the connection closes.
    pub keepalive_timeout_seconds: u64,
    /// Seconds between NOT_SERVING and closing the listener on SIGTERM: the
    /// time load balancers need to stop sending new requests.
    pub shutdown_delay_seconds: u64,
    /// Seconds in-flight requests get to finish after the listener closes;
    /// past it the process exits anyway, before the orchestrator kills it.
    pub drain_timeout_seconds: u64,
    /// `[server.tls]`: TLS and mutual TLS of the gRPC port; empty files
    /// keep it plaintext.
    pub tls: crate::tls::TlsSettings,
}

/// Limits on what callers may send.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSettings {
    /// Largest article content in bytes: past it the article is refused with
    /// INVALID_ARGUMENT instead of tying up a worker.
    pub max_article_bytes: usize,
    /// Most articles in one batch: bounds the work one message can ask for.
    pub max_batch_articles: usize,
}

/// The normalization pipeline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineSettings {
    /// The options for requests that bring none, from `pipeline.languages`:
    /// the languages the detector may choose from (ISO 639-1 or 639-3),
    /// empty for all. Parsed at start-up, so a typo stops the server, not
    /// requests.
    #[serde(rename = "languages", deserialize_with = "language_options")]
    pub options: Options,
}

/// `pipeline.languages` as pipeline options; blank codes are skipped.
fn language_options<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Options, D::Error> {
    let codes = Vec::<String>::deserialize(deserializer)?;
    let codes: Vec<&str> = codes
        .iter()
        .map(|code| code.trim())
        .filter(|code| !code.is_empty())
        .collect();
    let languages = LanguageAllowlist::parse(&codes)
        .map_err(|error| serde::de::Error::custom(format!("pipeline.{error}")))?;
    Ok(Options { languages })
}

/// Logging.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    /// Level filter directive; `RUST_LOG` wins when set.
    pub level: String,
    /// How each event is written.
    pub format: LogFormat,
}

/// How log events are written to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

impl Settings {
    /// Loads the layered settings. `overrides` are `(key, value)` pairs from
    /// command-line flags, applied last.
    ///
    /// # Errors
    /// A missing or unreadable file, an unknown key, or a value that does not
    /// parse; the message names the key.
    pub fn load(file: Option<&Path>, overrides: &[(&str, String)]) -> Result<Self, config::ConfigError> {
        let mut builder = Config::builder().add_source(File::from_str(DEFAULTS, FileFormat::Toml));
        if let Some(path) = file {
            builder = builder.add_source(File::from(path).required(true));
        }
        builder = builder.add_source(
            Environment::with_prefix(ENV_PREFIX)
                .prefix_separator(ENV_SEPARATOR)
                .separator(ENV_SEPARATOR)
                .list_separator(",")
                .with_list_parse_key("pipeline.languages")
                .try_parsing(true),
        );
        for (key, value) in overrides {
            builder = builder.set_override(*key, value.as_str())?;
        }
        let settings: Self = builder.build()?.try_deserialize()?;
        settings.check()?;
        Ok(settings)
    }

    /// Pipeline runs at once: `server.workers`, or one per core.
    pub fn workers(&self) -> usize {
        match self.server.workers {
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            workers => workers,
        }
    }

    /// Checks what types alone cannot say.
    fn check(&self) -> Result<(), config::ConfigError> {
        if self.server.max_concurrent_requests == 0 {
            return Err(config::ConfigError::Message(
                "server.max_concurrent_requests must be greater than 0".into(),
            ));
        }
        if self.limits.max_article_bytes == 0 {
            return Err(config::ConfigError::Message(
                "limits.max_article_bytes must be greater than 0".into(),
            ));
        }
        if self.server.max_message_bytes <= self.limits.max_article_bytes {
            return Err(config::ConfigError::Message(format!(
                "server.max_message_bytes ({}) must be greater than limits.max_article_bytes ({}), \
                 so that an article at the limit fits in a message with its other fields",
                self.server.max_message_bytes, self.limits.max_article_bytes
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults with `toml` layered over them.
    fn load_with(toml: &str) -> Result<Settings, config::ConfigError> {
        Config::builder()
            .add_source(File::from_str(DEFAULTS, FileFormat::Toml))
            .add_source(File::from_str(toml, FileFormat::Toml))
            .build()?
            .try_deserialize()
    }

    #[test]
    fn the_embedded_defaults_load() {
        let settings = Settings::load(None, &[]).expect("defaults");
        assert_eq!(settings.server.listen.to_string(), "0.0.0.0:50051");
        assert_eq!(settings.limits.max_article_bytes, 4 * 1024 * 1024);
        assert_eq!(settings.log.format, LogFormat::Text);
    }

    #[test]
    fn overrides_win_over_the_defaults() {
        let settings = Settings::load(None, &[("server.listen", "127.0.0.1:0".into())]).expect("override");
        assert_eq!(settings.server.listen.to_string(), "127.0.0.1:0");
    }

    #[test]
    fn a_bad_value_is_refused_with_its_key() {
        let error = Settings::load(None, &[("server.listen", "nowhere".into())]).expect_err("bad address");
        assert!(error.to_string().contains("server.listen"), "{error}");
    }

    #[test]
    fn an_unknown_language_is_refused_with_its_key() {
        let error = load_with("[pipeline]\nlanguages = [\"en\", \"klingon\"]").expect_err("unknown language");
        assert!(error.to_string().contains("pipeline.languages[1]"), "{error}");
    }

    #[test]
    fn languages_and_the_metrics_address_are_parsed_at_load_time() {
        let settings = Settings::load(None, &[("metrics.listen", String::new())]).expect("no metrics");
        assert_eq!(settings.metrics.listen, None);
        assert!(settings.pipeline.options.languages.is_empty());
        let error = Settings::load(None, &[("metrics.listen", "nowhere".into())]).expect_err("bad address");
        assert!(error.to_string().contains("metrics.listen"), "{error}");
    }

    #[test]
    fn a_message_limit_below_the_article_limit_is_refused() {
        let error =
            Settings::load(None, &[("server.max_message_bytes", "1024".into())]).expect_err("too small");
        assert!(error.to_string().contains("server.max_message_bytes"), "{error}");
    }
}
