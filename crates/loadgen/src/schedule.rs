//! When each call is sent. At a fixed rate the send times are laid out in
//! advance (open loop): call `n` is due at `start + n / rate` whether or not
//! the calls before it have been answered, and its latency is measured from
//! that due time, so a server that stalls is charged for the calls that queued
//! behind the stall (no coordinated omission). At `max` each call is sent as
//! soon as a worker is free and measured from its send.
//!
//! Calls due during the warm-up are sent but not measured.

use std::{
    fmt,
    str::FromStr,
    sync::atomic::{AtomicU64, Ordering},
    time::{Duration, Instant},
};

/// How fast calls are sent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rate {
    /// As fast as the workers can: each sends its next call once the last is answered.
    Max,
    /// This many calls per second, open loop.
    PerSecond(f64),
}

impl FromStr for Rate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.eq_ignore_ascii_case("max") {
            return Ok(Self::Max);
        }
        match text.parse::<f64>() {
            Ok(rate) if rate.is_finite() && rate > 0.0 => Ok(Self::PerSecond(rate)),
            _ => Err(format!(
                "`{text}` is not `max` or a positive number of requests per second"
            )),
        }
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Max => f.write_str("max"),
            Self::PerSecond(rate) => write!(f, "{rate:.0}/s"),
        }
    }
}

/// One call to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket {
    /// The call's number in the run, from 0; picks its article.
    pub sequence: u64,
    /// When the call is due; its latency is measured from here.
    pub due: Instant,
    /// False during the warm-up: the call is sent but not counted.
    pub measured: bool,
}

/// Hands out the tickets of one run to any number of workers.
#[derive(Debug)]
pub struct Schedule {
    /// When the first call is due.
    start: Instant,
    /// The end of the warm-up: calls due from here on are measured.
    measured_from: Instant,
    /// No call is due at or after this.
    end: Instant,
    /// The send rate.
    rate: Rate,
    /// Tickets handed out so far: the next ticket's sequence number.
    issued: AtomicU64,
}

impl Schedule {
    /// A run that starts at `start`, warms up for `warmup`, then is measured
    /// for `duration`.
    pub fn new(start: Instant, warmup: Duration, duration: Duration, rate: Rate) -> Self {
        let measured_from = start + warmup;
        Self {
            start,
            measured_from,
            end: measured_from + duration,
            rate,
            issued: AtomicU64::new(0),
        }
    }

    /// The next call, or `None` once the run is over. `now` is when a worker
    /// asks: at `max` rate the call is due then.
    pub fn next(&self, now: Instant) -> Option<Ticket> {
        if self.rate == Rate::Max && now >= self.end {
            return None;
        }
        let sequence = self.issued.fetch_add(1, Ordering::Relaxed);
        let due = match self.rate {
            Rate::Max => now,
            Rate::PerSecond(rate) => self.start + Duration::from_secs_f64(sequence as f64 / rate),
        };
        (due < self.end).then_some(Ticket {
            sequence,
            due,
            measured: due >= self.measured_from,
        })
    }

    /// Whether no call is due any more at `now`.
    pub fn is_over(&self, now: Instant) -> bool {
        now >= self.end
    }

    /// When the measured part of the run starts.
    pub fn measured_from(&self) -> Instant {
        self.measured_from
    }

    /// When the last call is due, at the latest.
    pub fn end(&self) -> Instant {
        self.end
    }
}

/// Waits until `due`, returning at once when it has passed: a timer set in
/// the past still waits for the timer's next tick (about a millisecond),
/// which would cap a max-rate caller near a thousand calls a second.
pub async fn wait_until(due: Instant) {
    if due > Instant::now() {
        tokio::time::sleep_until(due.into()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(schedule: &Schedule, now: Instant) -> Vec<Ticket> {
        std::iter::from_fn(|| schedule.next(now)).collect()
    }

    #[test]
    fn a_fixed_rate_spaces_calls_evenly_from_the_start() {
        let start = Instant::now();
        let schedule = Schedule::new(
            start,
            Duration::ZERO,
            Duration::from_secs(1),
            Rate::PerSecond(4.0),
        );
        let tickets = drain(&schedule, start);
        let offsets: Vec<Duration> = tickets.iter().map(|t| t.due - start).collect();
        assert_eq!(
            offsets,
            [0, 250, 500, 750].map(Duration::from_millis).to_vec(),
            "due times do not depend on when they are asked for"
        );
        assert_eq!(
            tickets.iter().map(|t| t.sequence).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
    }

    #[test]
    fn calls_due_during_the_warm_up_are_not_measured() {
        let start = Instant::now();
        let schedule = Schedule::new(
            start,
            Duration::from_secs(1),
            Duration::from_secs(1),
            Rate::PerSecond(2.0),
        );
        let measured: Vec<bool> = drain(&schedule, start).iter().map(|t| t.measured).collect();
        assert_eq!(measured, [false, false, true, true]);
    }

    #[test]
    fn a_fixed_rate_run_sends_rate_times_seconds_calls() {
        let start = Instant::now();
        let schedule = Schedule::new(
            start,
            Duration::ZERO,
            Duration::from_secs(3),
            Rate::PerSecond(1000.0),
        );
        assert_eq!(drain(&schedule, start).len(), 3000);
    }

    #[test]
    fn at_max_rate_a_call_is_due_when_asked_for_until_the_end() {
        let start = Instant::now();
        let schedule = Schedule::new(start, Duration::from_secs(1), Duration::from_secs(1), Rate::Max);
        let warm = schedule
            .next(start + Duration::from_millis(500))
            .expect("a ticket");
        assert_eq!(warm.due, start + Duration::from_millis(500));
        assert!(!warm.measured);
        let measured = schedule
            .next(start + Duration::from_millis(1500))
            .expect("a ticket");
        assert!(measured.measured);
        assert_eq!(measured.sequence, 1);
        assert!(schedule.next(start + Duration::from_secs(2)).is_none());
        assert!(schedule.is_over(start + Duration::from_secs(2)));
    }

    #[test]
    fn a_rate_is_max_or_a_positive_number() {
        assert_eq!("max".parse(), Ok(Rate::Max));
        assert_eq!("MAX".parse(), Ok(Rate::Max));
        assert_eq!("250".parse(), Ok(Rate::PerSecond(250.0)));
        assert_eq!("0.5".parse(), Ok(Rate::PerSecond(0.5)));
        for bad in ["0", "-3", "fast", "NaN", "inf"] {
            assert!(bad.parse::<Rate>().is_err(), "{bad}");
        }
    }
}
