//! Helpers for the black-box tests: start the real `article-normalizer`
//! binary on a free loopback port, talk gRPC to it, and find the fixture
//! corpus.
//!
//! The binary is the one cargo built next to the test executable
//! (`target/<profile>/article-normalizer`), or `ARTICLE_NORMALIZER_BIN`.
//! Its output is shown when `TEST_LOG` is set.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use normalizer_proto::v1::article_normalizer_client::ArticleNormalizerClient;
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};
use tonic::transport::Channel;
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};

/// How long a server may take to start listening.
const START_DEADLINE: Duration = Duration::from_secs(30);

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
        "{} does not exist: build it first (`cargo build -p article-normalizer`, which `make test` does)",
        binary.display()
    );
    binary
}

/// A running server, killed when dropped.
#[derive(Debug)]
pub struct TestServer {
    /// The server process.
    pub child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

impl TestServer {
    /// Starts the server on a free loopback port with the embedded defaults.
    pub async fn start() -> Self {
        Self::start_with(&[], &[]).await
    }

    /// Starts the server with extra arguments after `serve` and extra
    /// environment variables.
    pub async fn start_with(args: &[&str], envs: &[(&str, &str)]) -> Self {
        let mut command = Command::new(binary_path());
        command
            .arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .env_remove("RUST_LOG")
            .env("NORMALIZER__LOG__FORMAT", "json")
            .env("NORMALIZER__LOG__LEVEL", "info")
            .envs(envs.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let mut child = command.spawn().expect("the server binary starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut lines = BufReader::new(stdout).lines();
        let addr = tokio::time::timeout(START_DEADLINE, async {
            while let Some(line) = lines.next_line().await.expect("server stdout is readable") {
                echo(&line);
                if let Some(addr) = listening_address(&line) {
                    return addr;
                }
            }
            panic!("the server exited before listening");
        })
        .await
        .expect("the server listens within the deadline");
        // Keep draining stdout so the server never blocks on a full pipe.
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                echo(&line);
            }
        });
        Self { child, addr }
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

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let pid = self.child.id().expect("the server is running");
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -TERM {pid} failed");
    }
}

/// The address of a `Listening.` JSON log line.
fn listening_address(line: &str) -> Option<SocketAddr> {
    let event: serde_json::Value = serde_json::from_str(line).ok()?;
    let fields = event.get("fields")?;
    if fields.get("message")?.as_str()? != "Listening." {
        return None;
    }
    fields.get("address")?.as_str()?.parse().ok()
}

/// Prints a server output line when `TEST_LOG` is set.
fn echo(line: &str) {
    if std::env::var_os("TEST_LOG").is_some() {
        eprintln!("[server] {line}");
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
