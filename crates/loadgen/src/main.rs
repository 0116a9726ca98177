//! `normalizer-loadgen`: load a running article normalizer over gRPC and
//! print what it measured.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode, time::Duration};

use anyhow::Context;
use clap::Parser;
use normalizer_loadgen::{Articles, LoadPlan, Method, Rate, bench, report};

/// Loads an article normalizer with Normalize or NormalizeStream calls and
/// reports throughput, outcomes by gRPC status and latency percentiles.
#[derive(Debug, Parser)]
#[command(
    name = "normalizer-loadgen",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Start a server binary and run the bench phases against it: unary and
    /// streaming maximum rates, 50 % and 90 % of each, then an overload at
    /// 4 × the unary maximum; write the results as Markdown.
    Bench(BenchArgs),
}

/// The options of `bench`.
#[derive(Debug, clap::Args)]
struct BenchArgs {
    /// The `article-normalizer` binary to start.
    #[arg(long, value_name = "PATH")]
    server: PathBuf,
    /// Where the Markdown results go (also printed).
    #[arg(long, default_value = "bench/RESULTS.md", value_name = "FILE")]
    output: PathBuf,
    /// The shape of each phase but the overload.
    #[command(flatten)]
    shape: ShapeArgs,
    /// Seconds measured in the overload run.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    overload_duration: f64,
    /// Deadline of each call in the overload run, in milliseconds.
    #[arg(long, default_value_t = 100, value_name = "MS")]
    overload_deadline_ms: u64,
    #[command(flatten)]
    articles: ArticleArgs,
}

/// Where the articles come from.
#[derive(Debug, clap::Args)]
struct ArticleArgs {
    /// Folder of `<case>/input.txt` articles.
    #[arg(long, default_value = "tests/fixtures/text", value_name = "DIR")]
    corpus: PathBuf,
    /// Size each article is brought to, in bytes.
    #[arg(long, default_value_t = 5000, value_name = "BYTES")]
    article_bytes: usize,
}

impl ArticleArgs {
    fn load(&self) -> anyhow::Result<Articles> {
        Ok(Articles::from_corpus(&self.corpus, self.article_bytes)?)
    }
}

/// How much load a run keeps on the server, and for how long.
#[derive(Debug, clap::Args)]
struct ShapeArgs {
    /// HTTP/2 connections to open.
    #[arg(long, default_value_t = 2, value_name = "N")]
    connections: usize,
    /// Calls in flight per connection (articles in flight on its stream).
    #[arg(long, default_value_t = 16, value_name = "N")]
    concurrency: usize,
    /// Seconds measured, after the warm-up.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    duration: f64,
    /// Seconds of load sent before measuring.
    #[arg(long, default_value_t = 2.0, value_name = "SECONDS")]
    warmup: f64,
}

/// The options of one run.
#[derive(Debug, clap::Args)]
struct RunArgs {
    /// The server's gRPC address.
    #[arg(long, default_value = "127.0.0.1:50051", value_name = "HOST:PORT")]
    addr: SocketAddr,
    /// Which RPC to call: `unary` (Normalize) or `stream` (NormalizeStream,
    /// one stream per connection).
    #[arg(long, value_enum, default_value_t = Method::Unary)]
    method: Method,
    /// Calls per second, sent on schedule whether or not earlier calls were
    /// answered (latency counts from when a call was due); `max` sends each
    /// call as soon as a worker is free.
    #[arg(long, default_value = "max", value_name = "N|max")]
    rate: Rate,
    #[command(flatten)]
    shape: ShapeArgs,
    /// Deadline of each unary call (grpc-timeout), in milliseconds.
    #[arg(long, value_name = "MS")]
    deadline_ms: Option<u64>,
    #[command(flatten)]
    articles: ArticleArgs,
    /// Check the health service this often during the run and report its latency.
    #[arg(long, value_name = "MS")]
    health_every_ms: Option<u64>,
    /// The server's process id: report its resident memory (Linux /proc).
    #[arg(long, value_name = "PID")]
    pid: Option<u32>,
    /// Print the report as JSON.
    #[arg(long, conflicts_with = "markdown")]
    json: bool,
    /// Print the report as a Markdown table.
    #[arg(long)]
    markdown: bool,
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

fn run(cli: Cli) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    match cli.command {
        Some(Command::Bench(args)) => runtime.block_on(bench(args)),
        None => runtime.block_on(load(cli.run)),
    }
}

async fn bench(args: BenchArgs) -> anyhow::Result<()> {
    let plan = bench::BenchPlan {
        server_binary: args.server,
        articles: args.articles.load()?,
        connections: args.shape.connections,
        concurrency: args.shape.concurrency,
        warmup: seconds(args.shape.warmup, "--warmup")?,
        duration: seconds(args.shape.duration, "--duration")?,
        overload_duration: seconds(args.overload_duration, "--overload-duration")?,
        overload_deadline: Duration::from_millis(args.overload_deadline_ms),
    };
    let results = bench::run(&plan, |phase| eprintln!("bench: {phase}")).await?;
    let page = bench::markdown(&plan, &results);
    if let Some(folder) = args
        .output
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))?;
    }
    std::fs::write(&args.output, &page).with_context(|| format!("cannot write {}", args.output.display()))?;
    print!("{page}");
    eprintln!("bench: written to {}", args.output.display());
    Ok(())
}

async fn load(args: RunArgs) -> anyhow::Result<()> {
    let articles = args.articles.load()?;
    let plan = LoadPlan {
        addr: args.addr,
        method: args.method,
        rate: args.rate,
        connections: args.shape.connections,
        concurrency: args.shape.concurrency,
        warmup: seconds(args.shape.warmup, "--warmup")?,
        duration: seconds(args.shape.duration, "--duration")?,
        deadline: args.deadline_ms.map(Duration::from_millis),
        health_every: args.health_every_ms.map(Duration::from_millis),
        server_pid: args.pid,
    };
    let report = normalizer_loadgen::run(&plan, &articles).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if args.markdown {
        let label = format!("{} at {}", plan.method, plan.rate);
        print!("{}", report::markdown_table(&[(label, &report)]));
    } else {
        print!("{}", report::text(&report));
    }
    Ok(())
}

fn seconds(value: f64, option: &str) -> anyhow::Result<Duration> {
    Duration::try_from_secs_f64(value).with_context(|| format!("{option} {value} is not a number of seconds"))
}
