//! Latencies: recorded in microseconds into an HDR histogram (three
//! significant digits, so a percentile is within 0.1 % of the true value),
//! read back as the percentiles a report prints.

use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;

/// Significant decimal digits the histogram keeps.
const SIGNIFICANT_DIGITS: u8 = 3;

/// The largest latency told apart, in microseconds (an hour); longer ones
/// are recorded as this.
const HIGHEST_MICROS: u64 = 3_600_000_000;

/// Latencies of one kind of call.
#[derive(Debug, Clone)]
pub struct Latencies {
    /// Microseconds, from 1 to [`HIGHEST_MICROS`].
    histogram: Histogram<u64>,
}

impl Default for Latencies {
    fn default() -> Self {
        Self {
            histogram: Histogram::new_with_bounds(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS)
                .expect("the bounds and precision are valid constants"),
        }
    }
}

impl Latencies {
    /// Records one latency (at least 1 µs).
    pub fn record(&mut self, latency: Duration) {
        let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX).max(1);
        self.histogram.saturating_record(micros);
    }

    /// Adds another set of latencies to this one.
    pub fn merge(&mut self, other: &Self) {
        // Both have the same bounds: adding cannot fail.
        let _ = self.histogram.add(&other.histogram);
    }

    /// How many latencies were recorded.
    pub fn count(&self) -> u64 {
        self.histogram.len()
    }

    /// The percentiles of what was recorded.
    pub fn summary(&self) -> LatencySummary {
        let at = |quantile: f64| micros_to_ms(self.histogram.value_at_quantile(quantile));
        LatencySummary {
            count: self.count(),
            p50_ms: at(0.50),
            p90_ms: at(0.90),
            p99_ms: at(0.99),
            p999_ms: at(0.999),
            max_ms: micros_to_ms(self.histogram.max()),
        }
    }
}

/// The latency percentiles of a run, in milliseconds; all 0 when nothing
/// was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatencySummary {
    /// Latencies recorded.
    pub count: u64,
    /// Median.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// 99.9th percentile.
    pub p999_ms: f64,
    /// The largest latency.
    pub max_ms: f64,
}

fn micros_to_ms(micros: u64) -> f64 {
    micros as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() <= expected * 0.001
    }

    #[test]
    fn percentiles_of_one_to_a_thousand_milliseconds_are_their_ranks() {
        let mut latencies = Latencies::default();
        for ms in 1..=1000 {
            latencies.record(Duration::from_millis(ms));
        }
        let summary = latencies.summary();
        assert_eq!(summary.count, 1000);
        assert!(close(summary.p50_ms, 500.0), "{summary:?}");
        assert!(close(summary.p90_ms, 900.0), "{summary:?}");
        assert!(close(summary.p99_ms, 990.0), "{summary:?}");
        assert!(close(summary.p999_ms, 999.0), "{summary:?}");
        assert!(close(summary.max_ms, 1000.0), "{summary:?}");
    }

    #[test]
    fn one_slow_call_in_a_thousand_shows_at_the_99_9th_percentile_only() {
        let mut latencies = Latencies::default();
        for _ in 0..999 {
            latencies.record(Duration::from_millis(2));
        }
        latencies.record(Duration::from_secs(3));
        let summary = latencies.summary();
        assert!(close(summary.p99_ms, 2.0), "{summary:?}");
        assert!(close(summary.p999_ms, 2.0), "{summary:?}");
        assert!(close(summary.max_ms, 3000.0), "{summary:?}");
    }

    #[test]
    fn merged_latencies_are_summarized_together() {
        let mut fast = Latencies::default();
        let mut slow = Latencies::default();
        for _ in 0..50 {
            fast.record(Duration::from_millis(1));
            slow.record(Duration::from_millis(100));
        }
        fast.merge(&slow);
        let summary = fast.summary();
        assert_eq!(summary.count, 100);
        assert!(close(summary.p50_ms, 1.0), "{summary:?}");
        assert!(close(summary.p90_ms, 100.0), "{summary:?}");
    }

    #[test]
    fn no_latencies_summarize_as_zero() {
        let summary = Latencies::default().summary();
        assert_eq!(summary.count, 0);
        assert_eq!(summary.p99_ms, 0.0);
        assert_eq!(summary.max_ms, 0.0);
    }

    #[test]
    fn sub_microsecond_latencies_count_as_one_microsecond() {
        let mut latencies = Latencies::default();
        latencies.record(Duration::from_nanos(10));
        assert_eq!(latencies.summary().max_ms, 0.001);
    }
}
