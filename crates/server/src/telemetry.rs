//! Logging: one subscriber, built by [`get_subscriber`] and installed by
//! [`init_subscriber`], writing to stdout as text or JSON lines.

use tracing::Subscriber;
use tracing_subscriber::{EnvFilter, fmt, layer::SubscriberExt};

use crate::settings::LogFormat;

/// Builds the subscriber: `RUST_LOG` when set, else `level`, in `format`.
///
/// # Errors
/// A level directive that does not parse.
pub fn get_subscriber(
    level: &str,
    format: LogFormat,
) -> Result<Box<dyn Subscriber + Send + Sync>, tracing_subscriber::filter::ParseError> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(directive) if !directive.is_empty() => EnvFilter::try_new(directive)?,
        _ => EnvFilter::try_new(level)?,
    };
    let registry = tracing_subscriber::registry().with(filter);
    Ok(match format {
        LogFormat::Text => Box::new(registry.with(fmt::layer().with_writer(std::io::stdout))),
        LogFormat::Json => Box::new(
            registry.with(
                fmt::layer()
                    .json()
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_writer(std::io::stdout),
            ),
        ),
    })
}

/// Installs the subscriber for the whole process.
///
/// # Errors
/// A subscriber was installed already.
pub fn init_subscriber(
    subscriber: Box<dyn Subscriber + Send + Sync>,
) -> Result<(), tracing::subscriber::SetGlobalDefaultError> {
    tracing::subscriber::set_global_default(subscriber)
}
