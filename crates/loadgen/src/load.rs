//! One load run: connect, start the workers on a shared schedule, poll
//! health and sample the server's memory beside them, merge what they
//! counted into a report.

use std::{
    net::SocketAddr,
    sync::Arc,
    time::{Duration, Instant},
};

use normalizer_proto::v1::article_normalizer_client::ArticleNormalizerClient;
use serde::Serialize;
use tokio::task::JoinSet;
use tonic::transport::{Channel, Endpoint};

use crate::{
    articles::Articles,
    health::{self, HealthReport},
    latency::LatencySummary,
    rss::{RssError, RssProbe, RssReport},
    schedule::{Rate, Schedule},
    stream,
    tally::Tally,
    unary,
};

/// How long past its deadline a call may stay unanswered before it counts
/// as `NO_ANSWER`: the server answers `DEADLINE_EXCEEDED` before the
/// deadline, so only a hung server gets here.
pub const ANSWER_GRACE: Duration = Duration::from_secs(5);

/// How long a call without a deadline (or one article in a stream) may stay
/// unanswered before it counts as `NO_ANSWER`, so a hung server cannot hang
/// the run.
pub const CALL_LIMIT: Duration = Duration::from_secs(60);

/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Largest response accepted: a record is smaller than its article, and
/// the server takes articles up to 4 MiB by default.
const MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// Which RPC a run calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// `Normalize`: one call per article.
    Unary,
    /// `NormalizeStream`: one stream per connection, articles in flight on it.
    Stream,
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Unary => "unary",
            Self::Stream => "stream",
        })
    }
}

/// What a run sends, how fast and for how long.
#[derive(Debug, Clone)]
pub struct LoadPlan {
    /// The server.
    pub addr: SocketAddr,
    /// Which RPC.
    pub method: Method,
    /// How fast.
    pub rate: Rate,
    /// HTTP/2 connections, each its own TCP connection.
    pub connections: usize,
    /// Calls in flight per connection (unary), or articles in flight on
    /// each connection's stream.
    pub concurrency: usize,
    /// Sent but not measured, before the measured part.
    pub warmup: Duration,
    /// The measured part.
    pub duration: Duration,
    /// The deadline of each unary call (`grpc-timeout`); a stream is one
    /// call for the whole run and has none.
    pub deadline: Option<Duration>,
    /// Check health this often during the measured part.
    pub health_every: Option<Duration>,
    /// Sample this process's resident memory (the server's).
    pub server_pid: Option<u32>,
}

/// Why a run could not be made.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The server cannot be reached.
    #[error("cannot connect to {addr}: {reason}")]
    Connect {
        /// The server.
        addr: SocketAddr,
        /// Why.
        reason: String,
    },
    /// The server's memory cannot be read.
    #[error(transparent)]
    Rss(#[from] RssError),
    /// A worker panicked.
    #[error("a load worker stopped unexpectedly: {0}")]
    Worker(#[from] tokio::task::JoinError),
}

/// What a run measured.
#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    /// Which RPC.
    pub method: Method,
    /// The rate asked for in calls per second; `None` for max.
    pub target_rate: Option<f64>,
    /// Connections used.
    pub connections: usize,
    /// Calls in flight per connection.
    pub concurrency: usize,
    /// The deadline of each unary call, in milliseconds.
    pub deadline_ms: Option<u64>,
    /// The mean article size, in bytes.
    pub article_bytes: usize,
    /// From the end of the warm-up until the last measured call ended.
    pub seconds: f64,
    /// Measured calls (articles in a stream), whatever their outcome.
    pub calls: u64,
    /// Measured calls per second, whatever their outcome.
    pub requests_per_second: f64,
    /// Megabytes (10^6 bytes) of article text normalized (answered `OK`) per second.
    pub megabytes_per_second: f64,
    /// Calls by outcome: the gRPC status name, `OK_WITHOUT_RECORD` or `NO_ANSWER`.
    pub outcomes: std::collections::BTreeMap<&'static str, u64>,
    /// Latency of the calls answered `OK`, from when each was due.
    pub latency: LatencySummary,
    /// Latency of the calls answered `OK`, from when each was sent: what the
    /// server took, without the load generator's lag behind its schedule.
    pub latency_from_send: LatencySummary,
    /// What the health probe heard, when asked for.
    pub health: Option<HealthReport>,
    /// The server's resident memory, when asked for.
    pub rss: Option<RssReport>,
}

impl LoadReport {
    /// How many calls ended with `outcome`.
    pub fn count(&self, outcome: &str) -> u64 {
        self.outcomes.get(outcome).copied().unwrap_or(0)
    }
}

/// Runs `plan` with `articles`.
///
/// # Errors
/// The server cannot be reached, its memory cannot be read, or a worker panicked.
pub async fn run(plan: &LoadPlan, articles: &Articles) -> Result<LoadReport, LoadError> {
    let mut channels = Vec::with_capacity(plan.connections);
    for _ in 0..plan.connections.max(1) {
        channels.push(connect(plan.addr).await?);
    }
    let health_channel = match plan.health_every {
        Some(_) => Some(connect(plan.addr).await?),
        None => None,
    };
    let rss = plan.server_pid.map(RssProbe::new).transpose()?;

    let start = Instant::now();
    let schedule = Arc::new(Schedule::new(start, plan.warmup, plan.duration, plan.rate));
    let shared_articles = Arc::new(articles.clone());
    let (load_done, rss_stop) = tokio::sync::oneshot::channel::<()>();
    let rss_task = rss.map(|probe| tokio::spawn(async move { probe.sample_until_stopped(rss_stop).await }));
    let health_task = health_channel.zip(plan.health_every).map(|(channel, every)| {
        let (from, until) = (schedule.measured_from(), schedule.end());
        tokio::spawn(async move {
            crate::schedule::wait_until(from).await;
            health::poll(channel, every, until).await
        })
    });

    let mut workers = JoinSet::new();
    for channel in channels {
        let client = ArticleNormalizerClient::new(channel).max_decoding_message_size(MAX_RESPONSE_BYTES);
        match plan.method {
            Method::Unary => {
                for _ in 0..plan.concurrency.max(1) {
                    let worker = unary::drive(
                        client.clone(),
                        Arc::clone(&schedule),
                        Arc::clone(&shared_articles),
                        plan.deadline,
                    );
                    workers.spawn(worker);
                }
            }
            Method::Stream => {
                let worker = stream::drive(
                    client,
                    Arc::clone(&schedule),
                    Arc::clone(&shared_articles),
                    plan.concurrency,
                );
                workers.spawn(worker);
            }
        }
    }
    let mut total = Tally::default();
    while let Some(tally) = workers.join_next().await {
        total.merge(&tally?);
    }
    let seconds = schedule.measured_from().elapsed().as_secs_f64();
    let _ = load_done.send(());
    let health = match health_task {
        Some(task) => Some(task.await?),
        None => None,
    };
    let rss = match rss_task {
        Some(task) => Some(task.await??),
        None => None,
    };
    Ok(LoadReport {
        method: plan.method,
        target_rate: match plan.rate {
            Rate::Max => None,
            Rate::PerSecond(rate) => Some(rate),
        },
        connections: plan.connections,
        concurrency: plan.concurrency,
        deadline_ms: plan
            .deadline
            .filter(|_| plan.method == Method::Unary)
            .map(|deadline| deadline.as_millis() as u64),
        article_bytes: articles.mean_bytes(),
        seconds,
        calls: total.calls(),
        requests_per_second: per_second(total.calls() as f64, seconds),
        megabytes_per_second: per_second(total.ok_bytes as f64 / 1e6, seconds),
        outcomes: total.outcomes,
        latency: total.latencies.summary(),
        latency_from_send: total.from_send.summary(),
        health,
        rss,
    })
}

/// A new HTTP/2 connection to `addr`.
async fn connect(addr: SocketAddr) -> Result<Channel, LoadError> {
    let error = |reason: String| LoadError::Connect { addr, reason };
    let endpoint = Endpoint::from_shared(format!("http://{addr}"))
        .map_err(|e| error(e.to_string()))?
        .connect_timeout(CONNECT_TIMEOUT)
        .tcp_nodelay(true);
    endpoint.connect().await.map_err(|e| error(e.to_string()))
}

fn per_second(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 { amount / seconds } else { 0.0 }
}
