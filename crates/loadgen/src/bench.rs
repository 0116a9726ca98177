//! The bench phases (`normalizer-loadgen bench`, run by `make bench`):
//! start the server binary, find its unary and streaming maximum rates, load
//! it at 50 % and 90 % of each (the latency a caller sees below saturation),
//! then overload it at 4 × the unary maximum with a deadline, polling health
//! and sampling its memory, and stop it. Before the server starts, the
//! pipeline alone runs on the same articles on one thread, for comparison.
//! The results are one Markdown table and a few lines.

use std::{fmt::Write, path::PathBuf, time::Duration};

use crate::{
    articles::Articles,
    cpu,
    load::{self, LoadError, LoadPlan, LoadReport, Method},
    pipeline::{self, PipelineRate},
    report,
    schedule::Rate,
    server::{ServerError, ServerProcess},
};

/// The overload rate as a multiple of the unary maximum.
const OVERLOAD_FACTOR: f64 = 4.0;

/// Connections of the overload run.
const OVERLOAD_CONNECTIONS: usize = 4;

/// Calls in flight per connection in the overload run: with
/// [`OVERLOAD_CONNECTIONS`], twice the server's default
/// `server.max_concurrent_requests` (256), so calls past it are refused,
/// and no more than its HTTP/2 streams per connection (128).
const OVERLOAD_CONCURRENCY: usize = 128;

/// How long the pipeline alone runs on the articles.
const PIPELINE_DURATION: Duration = Duration::from_secs(5);

/// How often the health service is asked during the overload run.
const OVERLOAD_HEALTH_EVERY: Duration = Duration::from_millis(100);

/// How fast a phase loads the server.
#[derive(Debug, Clone, Copy)]
enum Pace {
    /// As fast as it answers.
    Max,
    /// This share of the maximum measured for the same method.
    ShareOfMax(f64),
}

/// The phases before the overload, in order: each share needs its method's
/// maximum measured before it.
const PHASES: [(Method, Pace); 6] = [
    (Method::Unary, Pace::Max),
    (Method::Stream, Pace::Max),
    (Method::Unary, Pace::ShareOfMax(0.5)),
    (Method::Unary, Pace::ShareOfMax(0.9)),
    (Method::Stream, Pace::ShareOfMax(0.5)),
    (Method::Stream, Pace::ShareOfMax(0.9)),
];

/// How to run the bench.
#[derive(Debug, Clone)]
pub struct BenchPlan {
    /// The `article-normalizer` binary to serve.
    pub server_binary: PathBuf,
    /// The articles to send.
    pub articles: Articles,
    /// HTTP/2 connections of each phase but the overload.
    pub connections: usize,
    /// Calls in flight per connection of each phase but the overload.
    pub concurrency: usize,
    /// Warm-up before each phase.
    pub warmup: Duration,
    /// Measured length of each phase but the overload.
    pub duration: Duration,
    /// Measured length of the overload run.
    pub overload_duration: Duration,
    /// Deadline of each call of the overload run.
    pub overload_deadline: Duration,
}

/// Why the bench stopped.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The server would not start or stop.
    #[error(transparent)]
    Server(#[from] ServerError),
    /// A phase could not run.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The pipeline alone panicked on an article.
    #[error("the pipeline panicked on an article of the corpus")]
    PipelinePanicked,
    /// A maximum-rate phase answered nothing, so no rate can be derived from it.
    #[error("the {0} maximum-rate phase got no calls answered")]
    NoThroughput(Method),
}

/// What the bench measured: each phase with its label, the overload last.
#[derive(Debug, Clone)]
pub struct BenchResults {
    /// `(label, report)` per phase, in order.
    pub phases: Vec<(String, LoadReport)>,
    /// The overload run.
    pub overload: LoadReport,
    /// The pipeline alone on the same articles, on one thread.
    pub pipeline: PipelineRate,
    /// Cores the server used on average during the streaming maximum phase:
    /// its CPU time over the wall time. `None` where it cannot be read.
    pub stream_max_cores: Option<f64>,
}

/// Runs every phase against a server started for it.
///
/// # Errors
/// The server cannot be started, a phase cannot run, or a maximum is zero.
pub async fn run(plan: &BenchPlan, progress: impl Fn(&str)) -> Result<BenchResults, BenchError> {
    progress("pipeline alone");
    let articles = plan.articles.clone();
    let pipeline = tokio::task::spawn_blocking(move || pipeline::measure(&articles, PIPELINE_DURATION))
        .await
        .map_err(|_| BenchError::PipelinePanicked)?;
    let server = ServerProcess::start(
        &plan.server_binary,
        &[],
        &[("NORMALIZER__METRICS__LISTEN", "")],
        false,
    )
    .await?;
    let results = run_phases(plan, &server, pipeline, progress).await;
    let stopped = server.stop().await;
    let results = results?;
    stopped?;
    Ok(results)
}

async fn run_phases(
    plan: &BenchPlan,
    server: &ServerProcess,
    pipeline: PipelineRate,
    progress: impl Fn(&str),
) -> Result<BenchResults, BenchError> {
    let base = LoadPlan {
        addr: server.addr(),
        method: Method::Unary,
        rate: Rate::Max,
        connections: plan.connections,
        concurrency: plan.concurrency,
        warmup: plan.warmup,
        duration: plan.duration,
        deadline: None,
        health_every: None,
        server_pid: None,
    };
    let mut unary_max = None;
    let mut stream_max = None;
    let mut stream_max_cores = None;
    let mut phases = Vec::new();
    for (method, pace) in PHASES {
        let measured_max = match method {
            Method::Unary => unary_max,
            Method::Stream => stream_max,
        };
        let (rate, label) = match (pace, measured_max) {
            (Pace::Max, _) => (Rate::Max, format!("{method}, max")),
            (Pace::ShareOfMax(share), Some(max)) => {
                let percent = share * 100.0;
                (
                    Rate::PerSecond(max * share),
                    format!("{method}, {percent:.0} % of max"),
                )
            }
            (Pace::ShareOfMax(_), None) => return Err(BenchError::NoThroughput(method)),
        };
        progress(&label);
        let cpu_before = server.pid().and_then(cpu::used);
        let started = std::time::Instant::now();
        let report = load::run(
            &LoadPlan {
                method,
                rate,
                ..base.clone()
            },
            &plan.articles,
        )
        .await?;
        if matches!((method, pace), (Method::Stream, Pace::Max)) {
            let cpu_after = server.pid().and_then(cpu::used);
            stream_max_cores = cpu_before.zip(cpu_after).map(|(before, after)| {
                after.saturating_sub(before).as_secs_f64() / started.elapsed().as_secs_f64()
            });
        }
        if matches!(pace, Pace::Max) {
            let max = Some(report.requests_per_second).filter(|rate| *rate > 0.0);
            let max = max.ok_or(BenchError::NoThroughput(method))?;
            match method {
                Method::Unary => unary_max = Some(max),
                Method::Stream => stream_max = Some(max),
            }
        }
        phases.push((label, report));
    }
    let unary_max = unary_max.ok_or(BenchError::NoThroughput(Method::Unary))?;
    let overload_plan = LoadPlan {
        rate: Rate::PerSecond(unary_max * OVERLOAD_FACTOR),
        connections: OVERLOAD_CONNECTIONS,
        concurrency: OVERLOAD_CONCURRENCY,
        duration: plan.overload_duration,
        deadline: Some(plan.overload_deadline),
        health_every: Some(OVERLOAD_HEALTH_EVERY),
        server_pid: server.pid(),
        ..base
    };
    progress("unary overload");
    let overload = load::run(&overload_plan, &plan.articles).await?;
    Ok(BenchResults {
        phases,
        overload,
        pipeline,
        stream_max_cores,
    })
}

/// The results as the Markdown page `make bench` writes.
pub fn markdown(plan: &BenchPlan, results: &BenchResults) -> String {
    let mut out = String::from("# Benchmark results\n\n");
    let _ = writeln!(
        out,
        "Written by `make bench`: the release server on a loopback port with its default \
         configuration, loaded by `normalizer-loadgen` with {} corpus articles of about {} bytes \
         over {} connections × {} calls in flight (NormalizeStream: one stream per connection), \
         each run measured for {} s after a {} s warm-up. Rates are calls (articles) per second; \
         latencies are of the calls answered OK, from when each call was due.\n",
        plan.articles.len(),
        plan.articles.mean_bytes(),
        plan.connections,
        plan.concurrency,
        plan.duration.as_secs_f64(),
        plan.warmup.as_secs_f64(),
    );
    let overload = &results.overload;
    let label = format!("unary, overload {OVERLOAD_FACTOR:.0} × max");
    let mut rows: Vec<(String, &LoadReport)> = results
        .phases
        .iter()
        .map(|(label, report)| (label.clone(), report))
        .collect();
    rows.push((label, overload));
    out.push_str(&report::markdown_table(&rows));
    let _ = writeln!(
        out,
        "\nOverload: {} s at {:.0} calls/s over {OVERLOAD_CONNECTIONS} connections × \
         {OVERLOAD_CONCURRENCY} in flight, each call with a {} ms deadline.",
        plan.overload_duration.as_secs_f64(),
        overload.target_rate.unwrap_or_default(),
        plan.overload_deadline.as_millis(),
    );
    let _ = writeln!(
        out,
        "- Calls answered OK, from when each was sent (the table counts from when each was due, \
         so it adds the load generator's lag behind its schedule): {}",
        report::from_send_line(overload)
    );
    if let Some(health) = &overload.health {
        let _ = writeln!(
            out,
            "- Health checks every {} ms: {}",
            OVERLOAD_HEALTH_EVERY.as_millis(),
            report::health_line(health)
        );
    }
    if let Some(rss) = &overload.rss {
        let _ = writeln!(out, "- Server resident memory: {}", report::rss_line(rss));
    }
    out.push_str(&comparison(results));
    out
}

/// The server's streaming rate next to the pipeline's own, per core.
fn comparison(results: &BenchResults) -> String {
    let pipeline = results.pipeline;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut out = format!(
        "\nThe pipeline alone on the same articles, one thread, no gRPC: {:.0} articles/s, \
         {:.2} MB/s per core ({cores} cores here).\n",
        pipeline.articles_per_second, pipeline.megabytes_per_second,
    );
    let stream_max = results
        .phases
        .iter()
        .find(|(_, report)| report.method == Method::Stream && report.target_rate.is_none());
    if let Some((_, stream)) = stream_max.filter(|_| pipeline.megabytes_per_second > 0.0) {
        let all_cores = pipeline.megabytes_per_second * cores as f64;
        let _ = writeln!(
            out,
            "- Streaming at max: {:.2} MB/s, {:.2} × the pipeline's rate on all {cores} cores \
             ({all_cores:.2} MB/s), which the server shares with the load generator.",
            stream.megabytes_per_second,
            stream.megabytes_per_second / all_cores,
        );
        if let Some(cores_used) = results.stream_max_cores.filter(|cores| *cores > 0.0) {
            let per_core = stream.megabytes_per_second / cores_used;
            let _ = writeln!(
                out,
                "- The server used {cores_used:.2} cores on average in that phase (its CPU time \
                 over the wall time): {per_core:.2} MB/s per core it used, {:.2} × the \
                 pipeline's per-core rate.",
                per_core / pipeline.megabytes_per_second,
            );
        }
    }
    out
}
