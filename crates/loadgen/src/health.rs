//! Health checks during a run: a probe asks `grpc.health.v1.Health/Check`
//! at a fixed interval on a connection of its own, as an orchestrator would,
//! and counts what it hears and how long it waited. Under overload the
//! answer must stay `SERVING` and quick, or the orchestrator restarts a
//! server that is only busy.

use std::{
    collections::BTreeMap,
    time::{Duration, Instant},
};

use serde::Serialize;
use tonic::transport::Channel;
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};

use crate::{
    latency::{Latencies, LatencySummary},
    outcome,
};

/// The service whose health is asked for.
pub const SERVICE_NAME: &str = "newsroom.normalizer.v1.ArticleNormalizer";

/// How long one check may wait for its answer before it counts as
/// `NO_ANSWER`; a kubelet's default probe timeout is 1 s, this is generous.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(5);

/// What the probe heard during a run.
#[derive(Debug, Clone, Serialize)]
pub struct HealthReport {
    /// Checks made.
    pub checks: u64,
    /// Checks by answer: `SERVING`, `NOT_SERVING`, …, or the gRPC status
    /// name of a check that failed, or `NO_ANSWER`.
    pub answers: BTreeMap<String, u64>,
    /// How long the checks took, whatever the answer.
    pub latency: LatencySummary,
}

impl HealthReport {
    /// Whether every check answered `SERVING`.
    pub fn always_serving(&self) -> bool {
        self.checks > 0 && self.answers.get(ServingStatus::Serving.as_str_name()) == Some(&self.checks)
    }
}

/// Checks the health of the server on `channel` every `every` until `until`.
pub async fn poll(channel: Channel, every: Duration, until: Instant) -> HealthReport {
    let mut client = HealthClient::new(channel);
    let mut answers = BTreeMap::<String, u64>::new();
    let mut latencies = Latencies::default();
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let sent = Instant::now();
        if sent >= until {
            break;
        }
        let request = HealthCheckRequest {
            service: SERVICE_NAME.to_owned(),
        };
        let answer = match tokio::time::timeout(CHECK_TIMEOUT, client.check(request)).await {
            Err(_) => outcome::NO_ANSWER.to_owned(),
            Ok(Err(status)) => outcome::of_status(&status).to_owned(),
            Ok(Ok(response)) => ServingStatus::try_from(response.into_inner().status)
                .map_or("UNKNOWN_SERVING_STATUS", |status| status.as_str_name())
                .to_owned(),
        };
        latencies.record(sent.elapsed());
        *answers.entry(answer).or_default() += 1;
    }
    HealthReport {
        checks: latencies.count(),
        answers,
        latency: latencies.summary(),
    }
}
