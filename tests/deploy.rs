//! The container image and the Helm chart, checked with the real tools that
//! `make test` installs and names in `HELM3`, `HELM4`, `KUBERNETES_VALIDATE`
//! and `HADOLINT`: lint and render with Helm 3 and 4, validate the manifests
//! against the Kubernetes schemas, refuse bad values, lint the Dockerfile,
//! and boot the real binary exactly as the rendered Deployment would.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    process::Output,
    time::Duration,
};

use blackbox_tests::{SERVICE_NAME, TestServer};
use normalizer_proto::v1::{NormalizeRequest, RawArticle, raw_article::Content};
use serde_json::Value;

const CHART: &str = "deploy/helm/article-normalizer";
const ALL_ON: &str = "deploy/helm/ci/all-on-values.yaml";
const EXAMPLE: &str = "deploy/helm/ci/example-values.yaml";
const TLS: &str = "deploy/helm/ci/tls-values.yaml";
const BAD_VALUES: &str = "deploy/helm/ci/bad-values";
/// The oldest and newest Kubernetes versions the chart is validated against;
/// the native `sleep` preStop action (all-on values) needs 1.30.
const KUBERNETES_VERSIONS: &[&str] = &["1.25.0", "1.37.0"];
const KUBERNETES_VERSIONS_WITH_SLEEP: &[&str] = &["1.30.0", "1.37.0"];

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tool(variable: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os(variable).unwrap_or_else(|| panic!("{variable} names the tool (make test sets it)")),
    )
}

/// Runs a tool in the repository, bounded in time.
async fn run(program: &Path, args: &[&str]) -> Output {
    tokio::time::timeout(
        Duration::from_secs(120),
        tokio::process::Command::new(program)
            .args(args)
            .current_dir(repository())
            .output(),
    )
    .await
    .unwrap_or_else(|_| panic!("{} {args:?} finished within 120 s", program.display()))
    .unwrap_or_else(|error| panic!("{} runs: {error}", program.display()))
}

fn describe(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Renders the chart with `values` files; panics when rendering fails.
async fn render(helm: &Path, values: &[&str]) -> String {
    let mut args = vec!["template", "normalizer", CHART];
    for file in values {
        args.extend(["-f", file]);
    }
    let output = run(helm, &args).await;
    assert!(
        output.status.success(),
        "helm template {values:?}: {}",
        describe(&output)
    );
    String::from_utf8(output.stdout).expect("UTF-8 manifests")
}

/// The rendered documents as JSON values.
fn documents(manifests: &str) -> Vec<Value> {
    manifests
        .split("\n---")
        .filter_map(|document| serde_norway::from_str::<Value>(document).ok())
        .filter(|document| document.is_object())
        .collect()
}

fn kinds(manifests: &str) -> Vec<String> {
    documents(manifests)
        .iter()
        .filter_map(|document| document["kind"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
#[ignore = "needs helm 3 and 4: run by `make test`"]
async fn the_chart_lints_and_renders_with_helm_3_and_4() {
    for helm in [tool("HELM3"), tool("HELM4")] {
        for values in [
            &[][..],
            &[ALL_ON][..],
            &[EXAMPLE][..],
            &[TLS][..],
            &[ALL_ON, TLS][..],
        ] {
            let mut args = vec!["lint", "--strict", CHART];
            for file in values {
                args.extend(["-f", file]);
            }
            let output = run(&helm, &args).await;
            assert!(
                output.status.success(),
                "{} lint {values:?}: {}",
                helm.display(),
                describe(&output)
            );
        }
        let defaults = kinds(&render(&helm, &[]).await);
        for kind in [
            "Deployment",
            "Service",
            "ConfigMap",
            "ServiceAccount",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "Pod",
        ] {
            assert!(
                defaults.iter().any(|k| k == kind),
                "no {kind} by default: {defaults:?}"
            );
        }
        let all_on = kinds(&render(&helm, &[ALL_ON]).await);
        for kind in ["NetworkPolicy", "ServiceMonitor"] {
            assert!(
                all_on.iter().any(|k| k == kind),
                "no {kind} with every part on: {all_on:?}"
            );
        }
        assert_eq!(
            all_on.iter().filter(|k| *k == "Service").count(),
            2,
            "the headless Service too"
        );
    }
}

#[tokio::test]
#[ignore = "needs helm and kubernetes-validate: run by `make test`"]
async fn the_rendered_manifests_validate_against_the_kubernetes_schemas() {
    let helm = tool("HELM3");
    let validate = tool("KUBERNETES_VALIDATE");
    let temp = tempfile::tempdir().expect("a temp dir");
    let dir = temp.path();
    for (name, values, versions) in [
        ("defaults", &[][..], KUBERNETES_VERSIONS),
        ("example", &[EXAMPLE][..], KUBERNETES_VERSIONS),
        ("all-on", &[ALL_ON][..], KUBERNETES_VERSIONS_WITH_SLEEP),
        ("tls", &[TLS][..], KUBERNETES_VERSIONS),
        ("all-on-tls", &[ALL_ON, TLS][..], KUBERNETES_VERSIONS_WITH_SLEEP),
    ] {
        // kubernetes-validate knows the built-in kinds; the ServiceMonitor is a
        // CRD, checked on its own below.
        let builtin: Vec<Value> = documents(&render(&helm, values).await)
            .into_iter()
            .filter(|document| document["kind"] != "ServiceMonitor")
            .collect();
        let file = dir.join(format!("{name}.yaml"));
        let yaml: Vec<String> = builtin
            .iter()
            .map(|document| serde_norway::to_string(document).expect("YAML"))
            .collect();
        std::fs::write(&file, yaml.join("---\n")).expect("the manifests are written");
        let file = file.to_string_lossy().into_owned();
        for version in versions {
            let output = run(&validate, &["--strict", "--kubernetes-version", version, &file]).await;
            assert!(
                output.status.success(),
                "{name} on Kubernetes {version}: {}",
                describe(&output)
            );
        }
    }
    let all_on = documents(&render(&helm, &[ALL_ON]).await);
    let monitor = all_on
        .iter()
        .find(|document| document["kind"] == "ServiceMonitor")
        .expect("a ServiceMonitor");
    assert_eq!(monitor["apiVersion"], "monitoring.coreos.com/v1");
    assert_eq!(monitor["spec"]["endpoints"][0]["port"], "metrics");
}

#[tokio::test]
#[ignore = "needs helm 3 and 4: run by `make test`"]
async fn the_values_schema_refuses_bad_values() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repository().join(BAD_VALUES))
        .expect("the bad values folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    for helm in [tool("HELM3"), tool("HELM4")] {
        for file in &files {
            let file = file.to_string_lossy();
            let output = run(&helm, &["template", "normalizer", CHART, "-f", &file]).await;
            assert!(!output.status.success(), "{} rendered {file}", helm.display());
        }
    }
}

#[tokio::test]
#[ignore = "needs hadolint: run by `make test`"]
async fn hadolint_passes_on_the_dockerfile() {
    let output = run(&tool("HADOLINT"), &["deploy/docker/Dockerfile"]).await;
    assert!(output.status.success(), "{}", describe(&output));
}

/// The container, config file and probes of the rendered Deployment.
struct RenderedPod {
    container: Value,
    config: String,
    grace_seconds: u64,
}

async fn rendered_pod() -> RenderedPod {
    let documents = documents(&render(&tool("HELM3"), &[]).await);
    let deployment = documents
        .iter()
        .find(|d| d["kind"] == "Deployment")
        .expect("a Deployment");
    let pod = &deployment["spec"]["template"]["spec"];
    let container = pod["containers"][0].clone();
    let configmap = documents
        .iter()
        .find(|d| d["kind"] == "ConfigMap")
        .expect("a ConfigMap");
    let data = configmap["data"].as_object().expect("ConfigMap data");
    assert_eq!(data.len(), 1, "one config file");
    let config = data
        .values()
        .next()
        .and_then(Value::as_str)
        .expect("a config file")
        .to_owned();
    RenderedPod {
        container,
        config,
        grace_seconds: pod["terminationGracePeriodSeconds"]
            .as_u64()
            .expect("a grace period"),
    }
}

#[tokio::test]
#[ignore = "needs helm: run by `make test`"]
async fn the_rendered_deployment_boots_the_binary_and_drains_on_sigterm() {
    let pod = rendered_pod().await;
    let temp = tempfile::tempdir().expect("a temp dir");
    let dir = temp.path();

    // The container's arguments, with the mounted config file where the
    // ConfigMap would put it.
    let mount = pod.container["volumeMounts"][0]["mountPath"]
        .as_str()
        .expect("a config mount");
    let args: Vec<String> = pod.container["args"]
        .as_array()
        .expect("container args")
        .iter()
        .map(|arg| arg.as_str().expect("a string arg").to_owned())
        .collect();
    let config_arg = args.iter().position(|arg| arg == "--config").expect("--config") + 1;
    let config_path = Path::new(&args[config_arg]);
    assert!(config_path.starts_with(mount), "the config file is on the mount");
    let local_config = dir.join(config_path.file_name().expect("a file name"));
    std::fs::write(&local_config, &pod.config).expect("the config is written");
    let mut args = args.clone();
    args[config_arg] = local_config.to_string_lossy().into_owned();
    assert_eq!(args[0], "serve");

    // The probes ask the gRPC port the container declares.
    let grpc_port = pod.container["ports"]
        .as_array()
        .expect("ports")
        .iter()
        .find(|p| p["name"] == "grpc")
        .and_then(|p| p["containerPort"].as_u64())
        .expect("a grpc port");
    for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
        assert_eq!(
            pod.container[probe]["grpc"]["port"].as_u64(),
            Some(grpc_port),
            "{probe}"
        );
    }
    assert!(
        pod.config.contains(&format!(":{grpc_port}")),
        "server.listen is the declared port"
    );

    // Start it with exactly those arguments and environment; only the listen
    // addresses move to free loopback ports (TestServer passes them last).
    let env: BTreeMap<String, String> = pod.container["env"]
        .as_array()
        .map(|env| {
            env.iter()
                .filter_map(|e| Some((e["name"].as_str()?.to_owned(), e["value"].as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    let mut env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    // The chart's delay, stretched past the test so only a second signal ends it.
    env.push(("NORMALIZER__SERVER__SHUTDOWN_DELAY_SECONDS", "3600"));
    let extra_args: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    let mut server = TestServer::start_with(&extra_args, &env).await;

    // Probe the way the kubelet does.
    for probe in ["startupProbe", "livenessProbe", "readinessProbe"] {
        let service = pod.container[probe]["grpc"]["service"]
            .as_str()
            .unwrap_or_default();
        assert_eq!(
            server.health(service).await,
            tonic_health::pb::health_check_response::ServingStatus::Serving,
            "{probe}"
        );
    }
    assert!(pod.grace_seconds > 0);

    // A stream of requests, SIGTERM in the middle of it.
    let article = "Sentence of a long body that keeps the pipeline busy for a while. ".repeat(20_000);
    let mut clients = Vec::new();
    for _ in 0..4 {
        clients.push(server.client().await);
    }
    let (sent_tx, mut sent_rx) = tokio::sync::mpsc::channel::<()>(64);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut workers = Vec::new();
    for (index, mut client) in clients.into_iter().enumerate() {
        let article = article.clone();
        let stop = std::sync::Arc::clone(&stop);
        let sent_tx = sent_tx.clone();
        workers.push(tokio::spawn(async move {
            let mut results = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let request = NormalizeRequest {
                    article: Some(RawArticle {
                        id: format!("worker-{index}"),
                        url: String::new(),
                        content: Some(Content::Text(article.clone())),
                        content_type: String::new(),
                    }),
                    options: None,
                };
                let _ = sent_tx.try_send(());
                results.push(client.normalize(request).await.map(|_| ()));
            }
            results
        }));
    }
    // Requests are on the wire before the signal.
    for _ in 0..4 {
        sent_rx.recv().await.expect("a request was sent");
    }
    server.terminate();
    // Like a load balancer, stop sending once the health check says so.
    let not_serving = blackbox_tests::eventually(Duration::from_secs(10), || async {
        server.health(SERVICE_NAME).await
            == tonic_health::pb::health_check_response::ServingStatus::NotServing
    })
    .await;
    assert!(not_serving, "health turned NOT_SERVING after SIGTERM");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut total = 0;
    for worker in workers {
        for result in worker.await.expect("a worker joins") {
            total += 1;
            assert!(result.is_ok(), "an in-flight request failed: {result:?}");
        }
    }
    assert!(total >= 4, "{total} requests");
    server.terminate();
    let grace = Duration::from_secs(pod.grace_seconds);
    let status = server.exit_status(grace).await;
    assert!(status.success(), "{status}");
}

/// A rendered path under `mount`, moved to the same file under `dir`.
fn remount(value: &str, mount: &str, dir: &Path) -> String {
    match value.strip_prefix(mount) {
        Some(file) => format!("{}{file}", dir.display()),
        None => value.to_owned(),
    }
}

#[tokio::test]
#[ignore = "needs helm: run by `make test`"]
async fn the_rendered_tls_deployment_serves_mutual_tls_and_its_exec_probes_pass() {
    let documents = documents(&render(&tool("HELM3"), &[TLS]).await);
    let values: Value = serde_norway::from_str(
        &std::fs::read_to_string(repository().join(TLS)).expect("the TLS values are readable"),
    )
    .expect("YAML values");
    let secret_name = values["tls"]["secretName"].as_str().expect("tls.secretName");
    let server_name = values["tls"]["serverName"].as_str().expect("tls.serverName");
    let deployment = documents
        .iter()
        .find(|d| d["kind"] == "Deployment")
        .expect("a Deployment");
    let pod = &deployment["spec"]["template"]["spec"];
    let container = &pod["containers"][0];

    // The Secret is mounted whole (no subPath), so renewals reach the pod.
    let volume = pod["volumes"]
        .as_array()
        .expect("volumes")
        .iter()
        .find(|v| v["secret"]["secretName"] == secret_name)
        .expect("a volume of the TLS Secret");
    let mount = container["volumeMounts"]
        .as_array()
        .expect("volume mounts")
        .iter()
        .find(|m| m["name"] == volume["name"])
        .expect("the TLS Secret is mounted");
    assert!(mount.get("subPath").is_none(), "{mount}");
    let mount = mount["mountPath"].as_str().expect("a mount path");

    // cert-manager's layout, at the mount; the rendered config points there.
    let dir = tempfile::tempdir().expect("a temp dir");
    let ca = blackbox_tests::pki::Authority::new("newsroom CA");
    let pair = ca.server_for(server_name);
    std::fs::write(dir.path().join("tls.crt"), &pair.cert).expect("tls.crt");
    std::fs::write(dir.path().join("tls.key"), &pair.key).expect("tls.key");
    std::fs::write(dir.path().join("ca.crt"), ca.pem()).expect("ca.crt");
    let config = documents
        .iter()
        .find(|d| d["kind"] == "ConfigMap")
        .and_then(|configmap| configmap["data"]["config.toml"].as_str())
        .expect("a config.toml");
    for file in ["tls.crt", "tls.key", "ca.crt"] {
        assert!(config.contains(&format!("{mount}/{file}")), "{file} in {config}");
    }
    let config_file = dir.path().join("config.toml");
    std::fs::write(&config_file, config.replace(mount, &dir.path().to_string_lossy())).expect("config.toml");
    let config_file = config_file.to_string_lossy().into_owned();
    let server = TestServer::start_with(&["--config", &config_file], &[]).await;

    // A call without a client certificate is refused (mutual TLS).
    let plain_probe = tokio::process::Command::new(blackbox_tests::binary_path())
        .args(["probe", "--addr", &server.addr.to_string(), "--timeout", "5"])
        .output();
    let refused = tokio::time::timeout(Duration::from_secs(30), plain_probe)
        .await
        .expect("the probe finishes")
        .expect("the probe runs");
    assert!(!refused.status.success(), "a plaintext probe passed");

    // Each probe is an exec of the binary with TLS flags; run it as the
    // kubelet would, against the test server.
    let mut commands = Vec::new();
    for probe in ["startupProbe", "livenessProbe", "readinessProbe"] {
        assert!(
            container[probe].get("grpc").is_none(),
            "{probe} is still a gRPC probe"
        );
        let command: Vec<String> = container[probe]["exec"]["command"]
            .as_array()
            .unwrap_or_else(|| panic!("{probe} is an exec probe"))
            .iter()
            .map(|arg| arg.as_str().expect("a string arg").to_owned())
            .collect();
        commands.push((probe.to_owned(), command));
    }
    let test_pod = documents
        .iter()
        .find(|d| d["kind"] == "Pod")
        .expect("the test pod");
    let mut test_command = vec!["article-normalizer".to_owned()];
    test_command.extend(
        test_pod["spec"]["containers"][0]["args"]
            .as_array()
            .expect("test args")
            .iter()
            .map(|arg| arg.as_str().expect("a string arg").to_owned()),
    );
    commands.push(("test pod".to_owned(), test_command));
    for (name, command) in commands {
        for flag in ["--ca", "--cert", "--key", "--server-name"] {
            assert!(
                command.iter().any(|arg| arg == flag),
                "{name}: no {flag} in {command:?}"
            );
        }
        let mut args: Vec<String> = command[1..]
            .iter()
            .map(|arg| remount(arg, mount, dir.path()))
            .collect();
        let addr = args.iter().position(|arg| arg == "--addr").expect("--addr") + 1;
        args[addr] = server.addr.to_string();
        let run = tokio::process::Command::new(blackbox_tests::binary_path())
            .args(&args)
            .output();
        let output = tokio::time::timeout(Duration::from_secs(30), run)
            .await
            .unwrap_or_else(|_| panic!("{name} finishes within 30 s"))
            .expect("the probe runs");
        assert!(output.status.success(), "{name} {args:?}: {}", describe(&output));
    }
}
