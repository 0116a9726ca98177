//! Transport security of the gRPC port: TLS, mutual TLS, and certificates
//! rotated without a restart.
//!
//! Input: the `[server.tls]` settings (PEM files). With no certificate set the
//! port stays plaintext and nothing here runs.
//!
//! - [`CertificateWatch::load`] reads the files once at start-up; an error
//!   there stops the server and names the key.
//! - [`CertificateWatch::incoming`] then polls the files every
//!   `server.tls.reload_interval_seconds` and swaps in a new
//!   [`ServerConfig`] when their contents change. Polling contents, not file
//!   events, survives the symlink swap a Kubernetes Secret volume does on
//!   update. A change that does not load is logged, and the previous
//!   certificate keeps serving.
//! - Each accepted connection is handshaken with the configuration current
//!   at that moment, in a task of its own, so one slow client never holds up
//!   the accept loop; handshaken streams go to tonic, which serves them as it
//!   serves plain TCP (keepalive, drain and shutdown unchanged).

use std::{
    convert::Infallible,
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::Arc,
    time::Duration,
};

use rustls::{
    RootCertStore, ServerConfig,
    crypto::CryptoProvider,
    pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject},
    server::WebPkiClientVerifier,
};
use serde::Deserialize;
use tokio::{
    net::{TcpListener, TcpStream},
    sync::{mpsc, watch},
};
use tokio_rustls::{TlsAcceptor, server::TlsStream};
use tokio_stream::{Stream, StreamExt, wrappers::ReceiverStream};

/// How long a client has to finish the TLS handshake; past it the connection
/// is dropped, so a client that connects and says nothing holds only its own
/// task, for a bounded time.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Pause after a failed `accept` (e.g. out of file descriptors), so the loop
/// does not spin while the condition lasts.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(100);

/// Handshaken connections waiting for tonic to take them; tonic takes each
/// at once, so this only smooths bursts.
const HANDSHAKEN_QUEUE: usize = 64;

/// The protocol offered in ALPN: gRPC clients (grpc-go, grpcurl) refuse a
/// TLS server that does not agree to `h2`.
const ALPN_H2: &[u8] = b"h2";

/// `[server.tls]`: the PEM files of the gRPC port's certificate.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsSettings {
    /// The server's certificate chain, leaf first; empty for plaintext.
    pub cert_file: String,
    /// The certificate's private key (PKCS#8, PKCS#1 or SEC1).
    pub key_file: String,
    /// CA certificates a caller's certificate must be signed by; empty for
    /// TLS without client certificates.
    pub client_ca_file: String,
    /// Seconds between checks of the files for a rotated certificate.
    pub reload_interval_seconds: u64,
}

/// Why the TLS files do not make a server configuration. Each names the key
/// of the file at fault, so an operator knows which setting to fix.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// Half of the certificate and key pair is set.
    #[error(
        "server.tls.cert_file and server.tls.key_file must be set together (or both left empty for plaintext)"
    )]
    HalfPair,
    /// A client CA without a server certificate.
    #[error("server.tls.client_ca_file needs server.tls.cert_file and server.tls.key_file")]
    ClientCaWithoutCertificate,
    /// A reload interval of zero would poll without pause.
    #[error("server.tls.reload_interval_seconds must be greater than 0")]
    ZeroInterval,
    /// A file cannot be read.
    #[error("cannot read {key} `{}`", path.display())]
    Read {
        /// The settings key of the file.
        key: &'static str,
        /// The file.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// A file is not the PEM it should be.
    #[error("{key} `{}` holds no {what}: {reason}", path.display())]
    Pem {
        /// The settings key of the file.
        key: &'static str,
        /// The file.
        path: PathBuf,
        /// What was looked for.
        what: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// The files parse, but rustls refuses them together (e.g. a key that
    /// does not match the certificate).
    #[error("server.tls.cert_file and server.tls.key_file do not make a TLS configuration: {0}")]
    Config(rustls::Error),
    /// The client CA file cannot verify client certificates.
    #[error("server.tls.client_ca_file cannot verify client certificates: {0}")]
    ClientCa(String),
}

/// The files named by the settings.
#[derive(Debug, Clone)]
struct TlsFiles {
    /// `server.tls.cert_file`.
    cert: PathBuf,
    /// `server.tls.key_file`.
    key: PathBuf,
    /// `server.tls.client_ca_file`, when callers must present a certificate.
    client_ca: Option<PathBuf>,
}

/// The files' bytes as read at one moment: compared with the last read to
/// spot a rotation, whatever the file system did to get there.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Contents {
    /// The certificate chain's PEM.
    cert: Vec<u8>,
    /// The private key's PEM.
    key: Vec<u8>,
    /// The client CA's PEM.
    client_ca: Option<Vec<u8>>,
}

/// What the last poll saw, so each change is acted on, and logged, once.
#[derive(Debug, PartialEq, Eq)]
enum Seen {
    /// The files were read.
    Files(Contents),
    /// A file could not be read, with the error's message.
    Unreadable(String),
}

/// The current server configuration and the watch that keeps it fresh.
#[derive(Debug)]
pub struct CertificateWatch {
    /// Where the certificate, key and client CA are.
    files: TlsFiles,
    /// How often the files are checked.
    interval: Duration,
    /// The contents the current configuration was built from.
    loaded: Contents,
    /// The configuration new connections are handshaken with.
    config: Arc<ServerConfig>,
}

impl TlsSettings {
    /// The files to serve TLS with; `None` for plaintext.
    fn files(&self) -> Result<Option<TlsFiles>, TlsError> {
        let set = |value: &str| {
            let value = value.trim();
            (!value.is_empty()).then(|| PathBuf::from(value))
        };
        let client_ca = set(&self.client_ca_file);
        match (set(&self.cert_file), set(&self.key_file)) {
            (None, None) if client_ca.is_some() => Err(TlsError::ClientCaWithoutCertificate),
            (None, None) => Ok(None),
            (Some(cert), Some(key)) => Ok(Some(TlsFiles { cert, key, client_ca })),
            _ => Err(TlsError::HalfPair),
        }
    }
}

impl CertificateWatch {
    /// Loads the certificate named by `settings`; `None` when TLS is off.
    ///
    /// # Errors
    /// Inconsistent settings, or a file that is missing, unreadable or not a
    /// usable PEM certificate, key or CA; the message names the key.
    pub fn load(settings: &TlsSettings) -> Result<Option<Self>, TlsError> {
        let Some(files) = settings.files()? else {
            return Ok(None);
        };
        if settings.reload_interval_seconds == 0 {
            return Err(TlsError::ZeroInterval);
        }
        let loaded = files.read()?;
        let config = Arc::new(loaded.server_config(&files)?);
        Ok(Some(Self {
            files,
            interval: Duration::from_secs(settings.reload_interval_seconds),
            loaded,
            config,
        }))
    }

    /// Whether callers must present a client certificate.
    pub fn requires_client_certificates(&self) -> bool {
        self.files.client_ca.is_some()
    }

    /// Accepts connections on `listener` and yields them handshaken, each
    /// with the certificate current when it was accepted. Starts the task
    /// that watches the files.
    ///
    /// When the stream is dropped (tonic stops accepting on shutdown), the
    /// listener closes and the watch stops.
    pub fn incoming(
        self,
        listener: TcpListener,
    ) -> impl Stream<Item = Result<TlsStream<TcpStream>, Infallible>> + Send + 'static {
        let (configs, current) = watch::channel(Arc::clone(&self.config));
        tokio::spawn(watch_files(self.files, self.interval, self.loaded, configs));
        let (handshaken, incoming) = mpsc::channel(HANDSHAKEN_QUEUE);
        tokio::spawn(accept(listener, current, handshaken));
        ReceiverStream::new(incoming).map(Ok)
    }
}

impl TlsFiles {
    /// Reads the three files as they are now.
    fn read(&self) -> Result<Contents, TlsError> {
        Ok(Contents {
            cert: read("server.tls.cert_file", &self.cert)?,
            key: read("server.tls.key_file", &self.key)?,
            client_ca: self
                .client_ca
                .as_deref()
                .map(|path| read("server.tls.client_ca_file", path))
                .transpose()?,
        })
    }
}

/// Reads one file, naming its key on failure.
fn read(key: &'static str, path: &Path) -> Result<Vec<u8>, TlsError> {
    std::fs::read(path).map_err(|source| TlsError::Read {
        key,
        path: path.to_owned(),
        source,
    })
}

/// Every certificate in a PEM file; at least one.
fn certificates(
    key: &'static str,
    path: &Path,
    pem: &[u8],
) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let bad = |reason: String| TlsError::Pem {
        key,
        path: path.to_owned(),
        what: "PEM certificate",
        reason,
    };
    let certificates = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| bad(error.to_string()))?;
    if certificates.is_empty() {
        return Err(bad("no `BEGIN CERTIFICATE` section".into()));
    }
    Ok(certificates)
}

impl Contents {
    /// The rustls configuration these files make: TLS 1.2 and 1.3 with
    /// rustls' safe defaults, `h2` in ALPN, and client certificates required
    /// when a client CA is set.
    fn server_config(&self, files: &TlsFiles) -> Result<ServerConfig, TlsError> {
        let chain = certificates("server.tls.cert_file", &files.cert, &self.cert)?;
        let key = PrivateKeyDer::from_pem_slice(&self.key).map_err(|error| TlsError::Pem {
            key: "server.tls.key_file",
            path: files.key.clone(),
            what: "PEM private key",
            reason: error.to_string(),
        })?;
        // The provider is named, not taken from the process default, so the
        // choice never depends on which crypto features other crates enable.
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ServerConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(TlsError::Config)?;
        let builder = match (&files.client_ca, &self.client_ca) {
            (Some(path), Some(pem)) => {
                builder.with_client_cert_verifier(client_verifier(path, pem, provider)?)
            }
            _ => builder.with_no_client_auth(),
        };
        let mut config = builder.with_single_cert(chain, key).map_err(TlsError::Config)?;
        config.alpn_protocols = vec![ALPN_H2.to_vec()];
        Ok(config)
    }
}

/// A verifier that requires every caller to present a certificate signed by
/// one of the CAs in `pem`.
fn client_verifier(
    path: &Path,
    pem: &[u8],
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn rustls::server::danger::ClientCertVerifier>, TlsError> {
    let mut roots = RootCertStore::empty();
    for certificate in certificates("server.tls.client_ca_file", path, pem)? {
        roots
            .add(certificate)
            .map_err(|error| TlsError::ClientCa(error.to_string()))?;
    }
    WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
        .build()
        .map_err(|error| TlsError::ClientCa(error.to_string()))
}

/// Polls the files every `interval` and publishes a new configuration when
/// they change and load; stops when no acceptor is left to read it.
async fn watch_files(
    files: TlsFiles,
    interval: Duration,
    loaded: Contents,
    configs: watch::Sender<Arc<ServerConfig>>,
) {
    let mut seen = Seen::Files(loaded);
    let mut ticks = tokio::time::interval(interval);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick is immediate; the files were just read.
    ticks.tick().await;
    loop {
        tokio::select! {
            () = configs.closed() => return,
            _ = ticks.tick() => {}
        }
        let reading = files.clone();
        // File reads block; keep them off the reactor.
        let Ok(read) = tokio::task::spawn_blocking(move || reading.read()).await else {
            continue;
        };
        let now = match read {
            Ok(contents) => Seen::Files(contents),
            // The I/O error is the source, not part of the message: add it.
            Err(error) => Seen::Unreadable(match std::error::Error::source(&error) {
                Some(source) => format!("{error}: {source}"),
                None => error.to_string(),
            }),
        };
        if now == seen {
            continue;
        }
        match &now {
            Seen::Files(contents) => match contents.server_config(&files) {
                Ok(config) => {
                    configs.send_replace(Arc::new(config));
                    tracing::info!("Reloaded the TLS certificate; new connections use it.");
                }
                Err(error) => tracing::warn!(
                    %error,
                    "Kept the previous TLS certificate: the changed files do not load."
                ),
            },
            Seen::Unreadable(error) => tracing::warn!(
                %error,
                "Kept the previous TLS certificate: the files cannot be read."
            ),
        }
        seen = now;
    }
}

/// Accepts TCP connections until `handshaken` is closed, handshaking each in
/// a task of its own with the configuration current at accept time.
async fn accept(
    listener: TcpListener,
    current: watch::Receiver<Arc<ServerConfig>>,
    handshaken: mpsc::Sender<TlsStream<TcpStream>>,
) {
    loop {
        let (stream, peer) = tokio::select! {
            () = handshaken.closed() => return,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    tracing::warn!(%error, "Cannot accept a connection.");
                    tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
                    continue;
                }
            },
        };
        // Without TCP_NODELAY a small response waits for the caller's
        // delayed ACK: about 40 ms per unary call.
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%peer, %error, "Cannot set TCP_NODELAY.");
        }
        let acceptor = TlsAcceptor::from(Arc::clone(&current.borrow()));
        tokio::spawn(handshake(acceptor, stream, peer, handshaken.clone()));
    }
}

/// Handshakes one connection and hands it to the server; a failed or slow
/// handshake only drops this connection.
async fn handshake(
    acceptor: TlsAcceptor,
    stream: TcpStream,
    peer: SocketAddr,
    handshaken: mpsc::Sender<TlsStream<TcpStream>>,
) {
    match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
        Ok(Ok(stream)) => {
            // A closed queue means the server is shutting down: the
            // connection is dropped like any other after the listener closes.
            let _ = handshaken.send(stream).await;
        }
        Ok(Err(error)) => tracing::debug!(%peer, %error, "TLS handshake failed."),
        Err(_) => tracing::debug!(
            %peer,
            timeout_seconds = HANDSHAKE_TIMEOUT.as_secs(),
            "TLS handshake timed out."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(cert: &str, key: &str, client_ca: &str) -> TlsSettings {
        TlsSettings {
            cert_file: cert.into(),
            key_file: key.into(),
            client_ca_file: client_ca.into(),
            reload_interval_seconds: 5,
        }
    }

    /// A self-signed certificate for `localhost` and its key, as PEM files.
    fn write_pair(dir: &Path, name: &str) -> (String, String) {
        let certified = rcgen::generate_simple_self_signed(vec!["localhost".into()]).expect("a certificate");
        let cert = dir.join(format!("{name}.crt"));
        let key = dir.join(format!("{name}.key"));
        std::fs::write(&cert, certified.cert.pem()).expect("cert written");
        std::fs::write(&key, certified.signing_key.serialize_pem()).expect("key written");
        (
            cert.to_string_lossy().into_owned(),
            key.to_string_lossy().into_owned(),
        )
    }

    #[test]
    fn empty_settings_mean_plaintext() {
        let watch = CertificateWatch::load(&settings("", "  ", "")).expect("plaintext");
        assert!(watch.is_none());
    }

    #[test]
    fn a_certificate_without_a_key_is_refused() {
        let error = CertificateWatch::load(&settings("server.crt", "", "")).expect_err("half a pair");
        assert!(error.to_string().contains("server.tls.key_file"), "{error}");
    }

    #[test]
    fn a_client_ca_without_a_certificate_is_refused() {
        let error = CertificateWatch::load(&settings("", "", "ca.crt")).expect_err("CA alone");
        assert!(error.to_string().contains("server.tls.client_ca_file"), "{error}");
    }

    #[test]
    fn a_missing_certificate_file_is_refused_with_its_key() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (_, key) = write_pair(dir.path(), "server");
        let missing = dir.path().join("missing.crt");
        let error = CertificateWatch::load(&settings(&missing.to_string_lossy(), &key, ""))
            .expect_err("missing file");
        let message = error.to_string();
        assert!(message.contains("server.tls.cert_file"), "{message}");
        assert!(message.contains("missing.crt"), "{message}");
    }

    #[test]
    fn a_key_file_without_a_key_is_refused_with_its_key() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (cert, _) = write_pair(dir.path(), "server");
        // A certificate where the key should be.
        let error = CertificateWatch::load(&settings(&cert, &cert, "")).expect_err("no key");
        assert!(error.to_string().contains("server.tls.key_file"), "{error}");
    }

    #[test]
    fn a_key_that_does_not_match_the_certificate_is_refused() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (cert, _) = write_pair(dir.path(), "one");
        let (_, other_key) = write_pair(dir.path(), "two");
        let error = CertificateWatch::load(&settings(&cert, &other_key, "")).expect_err("mismatch");
        assert!(error.to_string().contains("server.tls.cert_file"), "{error}");
    }

    #[test]
    fn a_zero_reload_interval_is_refused() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (cert, key) = write_pair(dir.path(), "server");
        let mut settings = settings(&cert, &key, "");
        settings.reload_interval_seconds = 0;
        let error = CertificateWatch::load(&settings).expect_err("zero interval");
        assert!(
            error.to_string().contains("server.tls.reload_interval_seconds"),
            "{error}"
        );
    }

    #[test]
    fn a_client_ca_makes_client_certificates_required() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (cert, key) = write_pair(dir.path(), "server");
        let (ca, _) = write_pair(dir.path(), "ca");
        let watch = CertificateWatch::load(&settings(&cert, &key, &ca))
            .expect("loads")
            .expect("TLS on");
        assert!(watch.requires_client_certificates());
        assert_eq!(watch.config.alpn_protocols, vec![b"h2".to_vec()]);
    }
}
