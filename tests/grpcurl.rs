//! The README's grpcurl examples, run as printed (with the test server's
//! address for `localhost:50051`) by the real grpcurl client, which `make
//! test` installs and names in `GRPCURL`. grpcurl 1.8 speaks reflection
//! v1alpha, so this also proves the older reflection service works.
//! Commands with `-cacert` run against a mutual TLS server, in a folder
//! holding the `ca.crt`, `client.crt` and `client.key` they name.

use std::{path::Path, time::Duration};

use blackbox_tests::{SERVICE_NAME, TestServer, pki::Authority};

/// The grpcurl commands in the README's `sh` code blocks, continuation lines joined.
fn readme_grpcurl_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
        .expect("README.md is readable");
    let mut commands = Vec::new();
    let mut in_shell_block = false;
    let mut current = String::new();
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_shell_block = !in_shell_block && line.trim() == "```sh";
            continue;
        }
        if !in_shell_block {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(start) => current.push_str(start),
            None => {
                current.push_str(line);
                let command = std::mem::take(&mut current);
                if command.trim_start().starts_with("grpcurl ") {
                    commands.push(command.trim().to_owned());
                }
            }
        }
    }
    commands
}

#[tokio::test]
#[ignore = "needs grpcurl: run by `make test`, which installs it and sets GRPCURL"]
async fn the_readme_grpcurl_examples_work_as_printed() {
    let grpcurl = std::env::var("GRPCURL").expect("GRPCURL names the grpcurl binary (make test sets it)");
    let grpcurl_dir = Path::new(&grpcurl).parent().expect("a folder").to_owned();
    let path = format!(
        "{}:{}",
        grpcurl_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let server = TestServer::start().await;
    let tls_dir = tempfile::tempdir().expect("a temp dir");
    let tls_server = start_mutual_tls(tls_dir.path()).await;
    let commands = readme_grpcurl_commands();
    let kinds = [
        "list",
        "describe",
        "/Normalize",
        "Health/Check",
        "-cacert ca.crt -cert client.crt -key client.key",
    ];
    for kind in kinds {
        assert!(
            commands.iter().any(|command| command.contains(kind)),
            "the README shows no grpcurl `{kind}` example"
        );
    }
    for command in &commands {
        let tls = command.contains("-cacert");
        let target = if tls { &tls_server } else { &server };
        let command_here = command.replace("localhost:50051", &target.addr.to_string());
        let output = tokio::time::timeout(
            Duration::from_secs(20),
            tokio::process::Command::new("bash")
                .args(["-c", &command_here])
                .env("PATH", &path)
                .current_dir(if tls { tls_dir.path() } else { Path::new(".") })
                .output(),
        )
        .await
        .unwrap_or_else(|_| panic!("`{command}` finished within 20 s"))
        .expect("bash runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "`{command}` failed: {}{}",
            stdout,
            String::from_utf8_lossy(&output.stderr)
        );
        if command.contains(" list") {
            assert!(stdout.contains(SERVICE_NAME), "`{command}`: {stdout}");
            assert!(stdout.contains("grpc.health.v1.Health"), "`{command}`: {stdout}");
        } else if command.contains(" describe") {
            assert!(stdout.contains("rpc Normalize"), "`{command}`: {stdout}");
        } else if command.contains("/Normalize") {
            let response: serde_json::Value = serde_json::from_str(&stdout).expect("a JSON response");
            let article = &response["article"];
            assert!(
                article["title"].as_str().is_some_and(|t| !t.is_empty()),
                "{stdout}"
            );
            assert!(
                article["body"].as_array().is_some_and(|b| !b.is_empty()),
                "{stdout}"
            );
            assert_eq!(article["language"]["code"], "en", "{stdout}");
        } else if command.contains("Health/Check") {
            assert!(stdout.contains("\"SERVING\""), "`{command}`: {stdout}");
        }
    }
}

/// A server requiring client certificates from the CA in `dir/ca.crt`, which
/// also signed its own certificate (for `localhost` and 127.0.0.1), with a
/// client certificate beside it, as the README's openssl commands make them.
async fn start_mutual_tls(dir: &Path) -> TestServer {
    let ca = Authority::new("demo-ca");
    let server = ca.server();
    let client = ca.client();
    for (name, contents) in [
        ("ca.crt", ca.pem()),
        ("tls.crt", server.cert),
        ("tls.key", server.key),
        ("client.crt", client.cert),
        ("client.key", client.key),
    ] {
        std::fs::write(dir.join(name), contents).expect("a TLS file is written");
    }
    let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let (cert, key, ca) = (file("tls.crt"), file("tls.key"), file("ca.crt"));
    TestServer::start_with(
        &[],
        &[
            ("NORMALIZER__SERVER__TLS__CERT_FILE", &cert),
            ("NORMALIZER__SERVER__TLS__KEY_FILE", &key),
            ("NORMALIZER__SERVER__TLS__CLIENT_CA_FILE", &ca),
        ],
    )
    .await
}
