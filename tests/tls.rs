//! Transport security, black-box: the real binary serving TLS and mutual TLS
//! on a free loopback port, configured through `NORMALIZER__SERVER__TLS__*`
//! variables, with certificates made here for each test. Every wait is a
//! poll with a deadline, never a sleep.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    time::Duration,
};

use blackbox_tests::{
    TestServer, binary_path, eventually,
    pki::{Authority, Pair},
};
use normalizer_proto::v1::{
    NormalizeRequest, RawArticle, article_normalizer_client::ArticleNormalizerClient, raw_article::Content,
};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};

/// The name the server certificates carry, and the clients expect.
const SERVER_NAME: &str = blackbox_tests::pki::SERVER_NAME;

/// Bound on one connection attempt and call, so a hung handshake fails the
/// test instead of stalling it.
const CALL_DEADLINE: Duration = Duration::from_secs(10);

/// Bound on waiting for the server to notice changed files (it checks every
/// second in these tests).
const RELOAD_DEADLINE: Duration = Duration::from_secs(30);

/// The server's files in a temporary folder, replaced the way a Secret
/// update does: a new file renamed over the old one.
struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, contents: &str) {
        let staged = self.path(&format!(".{name}.new"));
        std::fs::write(&staged, contents).expect("the file is written");
        std::fs::rename(&staged, self.path(name)).expect("the file is replaced");
    }

    fn write_server(&self, pair: &Pair) {
        self.write("tls.crt", &pair.cert);
        self.write("tls.key", &pair.key);
    }

    /// The variables that point the server at these files.
    fn env(&self, client_ca: bool) -> Vec<(String, String)> {
        let mut env = vec![
            (
                "NORMALIZER__SERVER__TLS__CERT_FILE".to_owned(),
                self.string("tls.crt"),
            ),
            (
                "NORMALIZER__SERVER__TLS__KEY_FILE".to_owned(),
                self.string("tls.key"),
            ),
            (
                "NORMALIZER__SERVER__TLS__RELOAD_INTERVAL_SECONDS".to_owned(),
                "1".to_owned(),
            ),
        ];
        if client_ca {
            env.push((
                "NORMALIZER__SERVER__TLS__CLIENT_CA_FILE".to_owned(),
                self.string("client-ca.crt"),
            ));
        }
        env
    }

    fn string(&self, name: &str) -> String {
        self.path(name).to_string_lossy().into_owned()
    }
}

/// A server with a certificate of `authority`, asking for client
/// certificates of `clients` when given, and the files it reads.
async fn serve(authority: &Authority, clients: Option<&Authority>) -> (Files, TestServer) {
    let files = Files::new();
    files.write_server(&authority.server());
    if let Some(clients) = clients {
        files.write("client-ca.crt", &clients.pem());
    }
    let env = files.env(clients.is_some());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let server = TestServer::start_with(&[], &env).await;
    (files, server)
}

/// A channel to `addr` that trusts `ca` and, when given, presents `identity`.
async fn connect(addr: SocketAddr, ca: &str, identity: Option<&Pair>) -> Result<Channel, String> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca))
        .domain_name(SERVER_NAME);
    if let Some(pair) = identity {
        tls = tls.identity(Identity::from_pem(&pair.cert, &pair.key));
    }
    let endpoint = Endpoint::from_shared(format!("https://{addr}"))
        .map_err(|error| error.to_string())?
        .tls_config(tls)
        .map_err(|error| error.to_string())?
        .connect_timeout(CALL_DEADLINE);
    endpoint.connect().await.map_err(|error| format!("{error:?}"))
}

/// The server's health over `channel`, or why the call failed. With TLS 1.3
/// a refused client certificate can surface here rather than at connect.
async fn health(channel: Result<Channel, String>) -> Result<ServingStatus, String> {
    let call = async {
        let response = HealthClient::new(channel?)
            .check(HealthCheckRequest::default())
            .await
            .map_err(|status| status.to_string())?;
        ServingStatus::try_from(response.into_inner().status).map_err(|error| error.to_string())
    };
    tokio::time::timeout(CALL_DEADLINE, call)
        .await
        .unwrap_or_else(|_| Err("no answer within the deadline".to_owned()))
}

/// Whether a fresh connection trusting only `ca` gets SERVING.
async fn serves_to(addr: SocketAddr, ca: &str, identity: Option<&Pair>) -> bool {
    health(connect(addr, ca, identity).await).await == Ok(ServingStatus::Serving)
}

#[tokio::test]
async fn a_tls_server_answers_health_and_normalize_calls() {
    let ca = Authority::new("test CA");
    let (_files, server) = serve(&ca, None).await;

    let channel = connect(server.addr, &ca.pem(), None).await;
    assert_eq!(health(channel.clone()).await, Ok(ServingStatus::Serving));
    let mut client = ArticleNormalizerClient::new(channel.expect("a TLS channel"));
    let response = tokio::time::timeout(
        CALL_DEADLINE,
        client.normalize(NormalizeRequest {
            article: Some(RawArticle {
                id: "tls-1".into(),
                url: String::new(),
                content: Some(Content::Text(
                    "Headline over TLS\n\nThe body of the article, sent encrypted.".into(),
                )),
                content_type: String::new(),
            }),
            options: None,
        }),
    )
    .await
    .expect("an answer within the deadline")
    .expect("the call succeeds");
    let record = response.into_inner().article.expect("a record");
    assert_eq!(record.id, "tls-1");
}

#[tokio::test]
async fn a_plaintext_call_to_the_tls_port_fails() {
    let ca = Authority::new("test CA");
    let (_files, server) = serve(&ca, None).await;

    let plaintext = async {
        Endpoint::from_shared(server.uri())
            .map_err(|error| error.to_string())?
            .connect_timeout(CALL_DEADLINE)
            .connect()
            .await
            .map_err(|error| error.to_string())
    };
    let result = health(plaintext.await).await;
    assert!(result.is_err(), "a plaintext call was answered: {result:?}");
    // The server keeps serving TLS callers after the bad connection.
    assert!(serves_to(server.addr, &ca.pem(), None).await);
}

#[tokio::test]
async fn a_client_that_trusts_another_ca_refuses_the_server() {
    let ca = Authority::new("test CA");
    let (_files, server) = serve(&ca, None).await;
    assert!(!serves_to(server.addr, &Authority::new("other CA").pem(), None).await);
}

#[tokio::test]
async fn mutual_tls_serves_a_client_with_a_certificate_from_the_client_ca() {
    let ca = Authority::new("server CA");
    let clients = Authority::new("client CA");
    let (_files, server) = serve(&ca, Some(&clients)).await;
    assert!(serves_to(server.addr, &ca.pem(), Some(&clients.client())).await);
}

#[tokio::test]
async fn mutual_tls_refuses_a_client_without_a_certificate() {
    let ca = Authority::new("server CA");
    let clients = Authority::new("client CA");
    let (_files, server) = serve(&ca, Some(&clients)).await;
    let result = health(connect(server.addr, &ca.pem(), None).await).await;
    assert!(
        result.is_err(),
        "answered without a client certificate: {result:?}"
    );
}

#[tokio::test]
async fn mutual_tls_refuses_a_client_certificate_from_another_ca() {
    let ca = Authority::new("server CA");
    let clients = Authority::new("client CA");
    let (_files, server) = serve(&ca, Some(&clients)).await;
    let stranger = Authority::new("stranger CA").client();
    let result = health(connect(server.addr, &ca.pem(), Some(&stranger)).await).await;
    assert!(
        result.is_err(),
        "answered a foreign client certificate: {result:?}"
    );
}

#[tokio::test]
async fn a_rotated_certificate_is_served_to_new_connections_without_a_restart() {
    let old = Authority::new("old CA");
    let (files, server) = serve(&old, None).await;
    assert!(serves_to(server.addr, &old.pem(), None).await);

    let new = Authority::new("new CA");
    files.write_server(&new.server());
    let new_pem = new.pem();
    let rotated = eventually(RELOAD_DEADLINE, || serves_to(server.addr, &new_pem, None)).await;
    assert!(
        rotated,
        "no connection trusting the new CA succeeded within {RELOAD_DEADLINE:?}"
    );
    assert!(
        !serves_to(server.addr, &old.pem(), None).await,
        "new connections still get the old certificate"
    );
}

#[tokio::test]
async fn a_bad_new_certificate_file_keeps_the_old_certificate_serving() {
    let ca = Authority::new("test CA");
    let (files, server) = serve(&ca, None).await;

    files.write("tls.crt", "not a certificate\n");
    let noticed = eventually(RELOAD_DEADLINE, || async {
        server
            .logs
            .lock()
            .expect("the log is not poisoned")
            .iter()
            .any(|line| {
                line.contains("Kept the previous TLS certificate") && line.contains("server.tls.cert_file")
            })
    })
    .await;
    assert!(
        noticed,
        "the server did not report the bad file within {RELOAD_DEADLINE:?}"
    );
    assert!(serves_to(server.addr, &ca.pem(), None).await);
}

/// Runs `article-normalizer` with `args` and `envs` to the end, bounded in time.
async fn run_binary(args: &[&str], envs: &[(String, String)]) -> std::process::Output {
    tokio::time::timeout(
        Duration::from_secs(30),
        tokio::process::Command::new(binary_path())
            .args(args)
            .env_remove("RUST_LOG")
            .env("NORMALIZER__METRICS__LISTEN", "127.0.0.1:0")
            .envs(envs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdin(std::process::Stdio::null())
            .kill_on_drop(true)
            .output(),
    )
    .await
    .expect("the binary finishes within 30 s")
    .expect("the binary runs")
}

#[tokio::test]
async fn a_missing_certificate_file_stops_start_up_naming_the_key() {
    let files = Files::new();
    files.write("tls.key", &Authority::new("test CA").server().key);
    let output = run_binary(&["serve", "--listen", "127.0.0.1:0"], &files.env(false)).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the server started: {stderr}");
    assert!(stderr.contains("server.tls.cert_file"), "{stderr}");
}

fn probe_args<'a>(addr: &'a str, ca: &'a Path) -> Vec<&'a str> {
    vec![
        "probe",
        "--addr",
        addr,
        "--ca",
        ca.to_str().expect("a UTF-8 path"),
        "--server-name",
        SERVER_NAME,
        "--timeout",
        "10",
    ]
}

#[tokio::test]
async fn the_probe_checks_a_mutual_tls_server_with_a_client_certificate() {
    let ca = Authority::new("server CA");
    let clients = Authority::new("client CA");
    let (files, server) = serve(&ca, Some(&clients)).await;
    files.write("ca.crt", &ca.pem());
    let client = clients.client();
    files.write("client.crt", &client.cert);
    files.write("client.key", &client.key);
    let addr = server.addr.to_string();
    let ca_path = files.path("ca.crt");

    let mut args = probe_args(&addr, &ca_path);
    let (cert, key) = (files.string("client.crt"), files.string("client.key"));
    args.extend(["--cert", &cert, "--key", &key]);
    let output = run_binary(&args, &[]).await;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "SERVING");

    let without_certificate = run_binary(&probe_args(&addr, &ca_path), &[]).await;
    assert!(
        !without_certificate.status.success(),
        "the probe passed without a client certificate"
    );
}
