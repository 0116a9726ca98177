//! What the workers of a run counted. Each worker keeps its own tally, so
//! recording takes no lock; the run merges them at the end.

use std::{collections::BTreeMap, time::Duration};

use crate::{latency::Latencies, outcome};

/// The measured calls of one worker, or of a whole run once merged.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Calls by outcome name (see [`outcome`]).
    pub outcomes: BTreeMap<&'static str, u64>,
    /// Latencies of the calls answered `OK` with a record. Refusals are
    /// answered at once and would hide how long real work takes; they are
    /// counted in `outcomes`.
    pub latencies: Latencies,
    /// Latencies of the same calls from when each was sent: the server's
    /// share, without the load generator's own lag behind its schedule.
    pub from_send: Latencies,
    /// Article bytes of the calls answered `OK`.
    pub ok_bytes: u64,
}

impl Tally {
    /// Records one call that ended with `outcome`, `latency` after it was
    /// due and `from_send` after it was sent, carrying an article of
    /// `article_bytes`.
    pub fn record(
        &mut self,
        outcome: &'static str,
        latency: Duration,
        from_send: Duration,
        article_bytes: usize,
    ) {
        *self.outcomes.entry(outcome).or_default() += 1;
        if outcome == outcome::code_name(tonic::Code::Ok) {
            self.latencies.record(latency);
            self.from_send.record(from_send);
            self.ok_bytes += article_bytes as u64;
        }
    }

    /// Adds another tally to this one.
    pub fn merge(&mut self, other: &Self) {
        for (outcome, count) in &other.outcomes {
            *self.outcomes.entry(outcome).or_default() += count;
        }
        self.latencies.merge(&other.latencies);
        self.from_send.merge(&other.from_send);
        self.ok_bytes += other.ok_bytes;
    }

    /// Calls recorded, whatever their outcome.
    pub fn calls(&self) -> u64 {
        self.outcomes.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(millis: u64) -> Duration {
        Duration::from_millis(millis)
    }

    #[test]
    fn only_calls_answered_ok_count_towards_latency_and_bytes() {
        let mut tally = Tally::default();
        tally.record("OK", ms(5), ms(2), 5000);
        tally.record("RESOURCE_EXHAUSTED", ms(1), ms(1), 5000);
        tally.record(outcome::NO_ANSWER, ms(9000), ms(8000), 5000);
        assert_eq!(tally.calls(), 3);
        assert_eq!(tally.latencies.count(), 1);
        assert_eq!(tally.from_send.count(), 1);
        assert_eq!(tally.ok_bytes, 5000);
    }

    #[test]
    fn merged_tallies_add_up() {
        let mut first = Tally::default();
        first.record("OK", ms(1), ms(1), 10);
        first.record("DEADLINE_EXCEEDED", ms(1), ms(1), 10);
        let mut second = Tally::default();
        second.record("OK", ms(2), ms(1), 20);
        first.merge(&second);
        assert_eq!(first.outcomes.get("OK"), Some(&2));
        assert_eq!(first.outcomes.get("DEADLINE_EXCEEDED"), Some(&1));
        assert_eq!(first.ok_bytes, 30);
        assert_eq!(first.latencies.count(), 2);
        assert_eq!(first.from_send.count(), 2);
    }
}
