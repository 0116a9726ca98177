//! The signals that stop the server: SIGTERM (what Kubernetes sends) or
//! Ctrl-C. The first starts a graceful shutdown; a second one during the
//! shutdown delay skips the rest of the delay.

use tokio::signal::unix::{SignalKind, signal};
use tokio_stream::{Stream, StreamExt, wrappers::SignalStream};

/// One item per stop signal, named by the signal.
///
/// # Errors
/// The signal handlers cannot be installed.
pub fn signals() -> std::io::Result<impl Stream<Item = &'static str> + Unpin + Send> {
    let interrupt = SignalStream::new(signal(SignalKind::interrupt())?).map(|()| "SIGINT");
    let terminate = SignalStream::new(signal(SignalKind::terminate())?).map(|()| "SIGTERM");
    Ok(interrupt.merge(terminate))
}
