//! `article-normalizer`: the gRPC server, and a command-line front end to
//! the same pipeline for operators. The scoring tools live apart, in
//! `normalizer-eval`.

use std::{
    io::{Read, Write},
    net::SocketAddr,
    path::PathBuf,
    process::ExitCode,
};

use anyhow::Context;
use article_normalizer::{
    bulk,
    convert::{self, ArticleInput},
    metrics, probe, service,
    settings::{self, ConfigFlag, Settings},
    shutdown,
    startup::Application,
    telemetry,
};
use clap::{Parser, Subcommand};
use normalizer_proto::v1 as pb;

/// Normalizes raw scraped articles into clean, structured records.
#[derive(Debug, Parser)]
#[command(name = "article-normalizer", version, about)]
struct Cli {
    #[command(flatten)]
    config: ConfigFlag,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the gRPC API.
    Serve {
        /// Address to listen on (overrides server.listen).
        #[arg(long, value_name = "ADDR")]
        listen: Option<SocketAddr>,
    },
    /// Normalize articles: one file or standard input (prints the record as
    /// JSON), or a directory of `.txt` and `.html` files or a `.jsonl` file
    /// of RawArticle objects (prints one NormalizeResponse per line).
    Normalize {
        /// A text or HTML file (`.html`, `.htm`), `-` for standard input, a
        /// directory, or a `.jsonl` file.
        #[arg(default_value = "-", value_name = "FILE|DIR")]
        file: PathBuf,
        /// Where the JSON lines of a directory or `.jsonl` run go (default: standard output).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The id to echo in the record.
        #[arg(long, default_value = "")]
        id: String,
        /// The URL to echo in the record.
        #[arg(long, default_value = "")]
        url: String,
        /// Read the file or standard input as HTML (implied by `.html` and `.htm`).
        #[arg(long)]
        html: bool,
    },
    /// Check a server's gRPC health: exit 0 when it is SERVING.
    Probe {
        /// The server's address.
        #[arg(long, default_value = "127.0.0.1:50051", value_name = "HOST:PORT")]
        addr: String,
        /// The service to ask about; empty for the whole server.
        #[arg(long, default_value = "")]
        service: String,
        /// Seconds to wait for the answer.
        #[arg(long, default_value_t = 5.0, value_name = "SECONDS")]
        timeout: f64,
        /// Speak TLS, trusting the CA certificates (PEM) in this file.
        #[arg(long, value_name = "FILE")]
        ca: Option<PathBuf>,
        /// Client certificate (PEM) for a server that requires one.
        #[arg(long, value_name = "FILE", requires_all = ["ca", "key"])]
        cert: Option<PathBuf>,
        /// The client certificate's private key (PEM).
        #[arg(long, value_name = "FILE", requires = "cert")]
        key: Option<PathBuf>,
        /// The name the server's certificate must carry (default: the host in --addr).
        #[arg(long, value_name = "NAME", requires = "ca")]
        server_name: Option<String>,
    },
    /// Print the embedded default configuration.
    DefaultConfig,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command.
fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { listen } => {
            let overrides: Vec<(&str, String)> = listen
                .map(|address| ("server.listen", address.to_string()))
                .into_iter()
                .collect();
            let settings = load_settings(cli.config.file.as_deref(), &overrides)?;
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .context("cannot start the async runtime")?;
            let _runtime = runtime.enter();
            let metrics = std::sync::Arc::new(metrics::Metrics::new());
            let telemetry = telemetry::init(&settings.telemetry, &settings.log, &metrics)?;
            let served = runtime.block_on(async {
                let signals = shutdown::signals().context("cannot listen for stop signals")?;
                let application = Application::build(settings, metrics).await?;
                application.run_until_stopped(signals).await
            });
            telemetry.shutdown();
            served
        }
        Command::Normalize {
            file,
            output,
            id,
            url,
            html,
        } => {
            let settings = load_settings(cli.config.file.as_deref(), &[])?;
            if bulk::is_bulk(&file) {
                bulk::run(
                    &file,
                    output.as_deref(),
                    settings.limits.max_article_bytes,
                    &settings.pipeline.options,
                )
            } else {
                normalize_file(
                    &file,
                    pb::RawArticle {
                        id,
                        url,
                        content: None,
                        content_type: String::new(),
                    },
                    html,
                    &settings,
                )
            }
        }
        Command::Probe {
            addr,
            service,
            timeout,
            ca,
            cert,
            key,
            server_name,
        } => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .context("cannot start the async runtime")?;
            let timeout =
                std::time::Duration::try_from_secs_f64(timeout).context("--timeout must be positive")?;
            let tls = ca.map(|ca| probe::ProbeTls {
                ca,
                identity: cert.zip(key),
                server_name,
            });
            runtime.block_on(probe::check(&addr, &service, timeout, tls.as_ref()))?;
            println!("SERVING");
            Ok(())
        }
        Command::DefaultConfig => {
            print!("{}", settings::DEFAULTS);
            Ok(())
        }
    }
}

/// Loads the settings, or explains which key is wrong.
fn load_settings(file: Option<&std::path::Path>, overrides: &[(&str, String)]) -> anyhow::Result<Settings> {
    Settings::load(file, overrides).map_err(|error| anyhow::anyhow!("invalid configuration: {error}"))
}

/// Runs the pipeline on a file or standard input and prints the record in
/// the proto3 JSON mapping.
fn normalize_file(
    file: &std::path::Path,
    mut article: pb::RawArticle,
    html: bool,
    settings: &Settings,
) -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    }
    let (content, charset) = bulk::file_content(file, bytes, html);
    article.content = Some(content);
    let request = pb::NormalizeRequest {
        article: Some(article),
        options: None,
    };
    let input = ArticleInput::parse(request, settings.limits.max_article_bytes)?;
    let mut record = service::normalize_input(input, &settings.pipeline.options)?;
    if let Some(charset) = charset {
        record.source_charset = Some(convert::charset_to_proto(charset));
    }
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &record)?;
    writeln!(stdout)?;
    Ok(())
}
