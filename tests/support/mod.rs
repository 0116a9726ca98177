//! Helpers for the black-box tests: start the real `article-normalizer`
//! binary on a free loopback port, talk gRPC to it, find the fixture
//! corpus, and make certificates for the TLS tests (`pki`).
//!
//! The binary is the one cargo built next to the test executable
//! (`target/<profile>/article-normalizer`), or `ARTICLE_NORMALIZER_BIN`.
//! Its output is shown when `TEST_LOG` is set.

pub mod pki;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use normalizer_loadgen::server::{Logs, ServerProcess};
use normalizer_proto::v1::article_normalizer_client::ArticleNormalizerClient;
use tonic::transport::Channel;
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};

/// The service name the health service reports for the normalizer.
pub const SERVICE_NAME: &str = "newsroom.normalizer.v1.ArticleNormalizer";

/// The folder of the plain-text fixture corpus.
pub fn text_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text")
}

/// The path of the binary under test.
pub fn binary_path() -> PathBuf {
    if let Some(path) = std::env::var_os("ARTICLE_NORMALIZER_BIN") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("the test executable has a path");
    // target/<profile>/deps/<test> → target/<profile>/article-normalizer
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let binary = profile_dir.join("article-normalizer");
    assert!(
        binary.exists(),
        "{} does not exist: build it first (`cargo build -p article-normalizer`), or set ARTICLE_NORMALIZER_BIN to a release build as `make test` does",
        binary.display()
    );
    binary
}

/// A running server, killed when dropped: the load generator's
/// [`ServerProcess`] with what the tests ask of it.
#[derive(Debug)]
pub struct TestServer {
    /// The server process.
    pub process: ServerProcess,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Where it serves `/metrics`, when it does.
    pub metrics_addr: Option<SocketAddr>,
    /// Every line the server wrote to stdout since it listened.
    pub logs: Logs,
}

impl TestServer {
    /// Starts the server on a free loopback port with the embedded defaults.
    pub async fn start() -> Self {
        Self::start_with(&[], &[]).await
    }

    /// Starts the server with extra arguments after `serve` and extra
    /// environment variables.
    pub async fn start_with(args: &[&str], envs: &[(&str, &str)]) -> Self {
        let echo = std::env::var_os("TEST_LOG").is_some();
        let process = ServerProcess::start(&binary_path(), args, envs, echo)
            .await
            .unwrap_or_else(|error| panic!("the server starts: {error}"));
        Self {
            addr: process.addr(),
            metrics_addr: process.metrics_addr(),
            logs: std::sync::Arc::clone(process.logs()),
            process,
        }
    }

    /// The `http://` URI of the server.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A connected channel.
    pub async fn channel(&self) -> Channel {
        Channel::from_shared(self.uri())
            .expect("a valid URI")
            .connect()
            .await
            .expect("the server accepts connections")
    }

    /// A normalizer client.
    pub async fn client(&self) -> ArticleNormalizerClient<Channel> {
        ArticleNormalizerClient::new(self.channel().await).max_decoding_message_size(64 * 1024 * 1024)
    }

    /// The health status of `service` (`""` for the whole server).
    pub async fn health(&self, service: &str) -> ServingStatus {
        let mut client = HealthClient::new(self.channel().await);
        let response = client
            .check(HealthCheckRequest {
                service: service.to_owned(),
            })
            .await
            .expect("the health check answers");
        ServingStatus::try_from(response.into_inner().status).expect("a known status")
    }

    /// The body of `GET /metrics`, over a plain HTTP/1.1 connection.
    pub async fn scrape_metrics(&self) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let addr = self.metrics_addr.expect("the server serves metrics");
        let mut stream = tokio::net::TcpStream::connect(addr)
            .await
            .expect("the metrics port accepts");
        stream
            .write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .await
            .expect("the request is written");
        let mut response = String::new();
        tokio::time::timeout(Duration::from_secs(10), stream.read_to_string(&mut response))
            .await
            .expect("the scrape answers within 10 s")
            .expect("the response is text");
        let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        body.to_owned()
    }

    /// Waits for the process to exit, at most `within`.
    pub async fn exit_status(&mut self, within: Duration) -> std::process::ExitStatus {
        self.process
            .wait(within)
            .await
            .unwrap_or_else(|error| panic!("the server exits: {error}"))
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        self.process.terminate().expect("SIGTERM is sent");
    }
}

/// Polls `check` until it returns true or `deadline` passes.
pub async fn eventually<F, Fut>(deadline: Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if check().await {
            return true;
        }
        if start.elapsed() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
