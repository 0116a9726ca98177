//! Reports for people: a run as text, runs as a Markdown table (the JSON
//! form is the report's serde serialization).

use std::fmt::Write;

use crate::{health::HealthReport, load::LoadReport, rss::RssReport};

/// The outcomes that get a column of their own in a table; the rest are
/// listed together under "other".
const OUTCOME_COLUMNS: [&str; 3] = ["OK", "RESOURCE_EXHAUSTED", "DEADLINE_EXCEEDED"];

/// One run as text.
pub fn text(report: &LoadReport) -> String {
    let mut out = String::new();
    let target = report
        .target_rate
        .map_or_else(|| String::from("max"), |rate| format!("{rate:.0}/s"));
    let _ = writeln!(
        out,
        "{} calls at {target} over {} connections × {} in flight, {} B articles, {:.1} s measured",
        report.method, report.connections, report.concurrency, report.article_bytes, report.seconds
    );
    let _ = writeln!(
        out,
        "throughput  {:.1} requests/s, {:.2} MB/s of articles normalized",
        report.requests_per_second, report.megabytes_per_second
    );
    let outcomes: Vec<String> = report
        .outcomes
        .iter()
        .map(|(outcome, count)| format!("{outcome} {count}"))
        .collect();
    let _ = writeln!(out, "outcomes    {} calls: {}", report.calls, outcomes.join(", "));
    let latency = &report.latency;
    let _ = writeln!(
        out,
        "latency OK  p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, p99.9 {:.2} ms, max {:.2} ms",
        latency.p50_ms, latency.p90_ms, latency.p99_ms, latency.p999_ms, latency.max_ms
    );
    let _ = writeln!(out, "  from send {}", from_send_line(report));
    if let Some(health) = &report.health {
        let _ = writeln!(out, "health      {}", health_line(health));
    }
    if let Some(rss) = &report.rss {
        let _ = writeln!(out, "server RSS  {}", rss_line(rss));
    }
    out
}

/// Runs as a Markdown table, one row per `(label, report)`.
pub fn markdown_table(rows: &[(String, &LoadReport)]) -> String {
    let mut out = String::from(
        "| Run | Target/s | Achieved/s | MB/s | OK | RESOURCE_EXHAUSTED | DEADLINE_EXCEEDED | Other | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for (label, report) in rows {
        let target = report
            .target_rate
            .map_or_else(|| String::from("max"), |rate| format!("{rate:.0}"));
        let other: Vec<String> = report
            .outcomes
            .iter()
            .filter(|(outcome, _)| !OUTCOME_COLUMNS.contains(outcome))
            .map(|(outcome, count)| format!("{outcome} {count}"))
            .collect();
        let latency = &report.latency;
        let _ = writeln!(
            out,
            "| {label} | {target} | {:.0} | {:.2} | {} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
            report.requests_per_second,
            report.megabytes_per_second,
            report.count(OUTCOME_COLUMNS[0]),
            report.count(OUTCOME_COLUMNS[1]),
            report.count(OUTCOME_COLUMNS[2]),
            if other.is_empty() {
                String::from("0")
            } else {
                other.join(", ")
            },
            latency.p50_ms,
            latency.p90_ms,
            latency.p99_ms,
            latency.p999_ms,
            latency.max_ms,
        );
    }
    out
}

/// The latency of the calls answered `OK` from when each was sent, on one
/// line: how long the server took, whatever the load generator's lag.
pub fn from_send_line(report: &LoadReport) -> String {
    let latency = &report.latency_from_send;
    format!(
        "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latency.p50_ms, latency.p99_ms, latency.max_ms
    )
}

/// What the health probe heard, on one line.
pub fn health_line(health: &HealthReport) -> String {
    let answers: Vec<String> = health
        .answers
        .iter()
        .map(|(answer, count)| format!("{answer} {count}"))
        .collect();
    format!(
        "{} checks ({}): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        health.checks,
        answers.join(", "),
        health.latency.p50_ms,
        health.latency.p99_ms,
        health.latency.max_ms
    )
}

/// The server's memory, on one line.
pub fn rss_line(rss: &RssReport) -> String {
    format!(
        "start {:.1} MiB, end {:.1} MiB, max {:.1} MiB",
        rss.start_mib, rss.end_mib, rss.max_mib
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::{latency::Latencies, load::Method};

    fn report() -> LoadReport {
        LoadReport {
            method: Method::Unary,
            target_rate: Some(400.0),
            connections: 2,
            concurrency: 8,
            deadline_ms: None,
            article_bytes: 5000,
            seconds: 10.0,
            calls: 4003,
            requests_per_second: 400.3,
            megabytes_per_second: 2.0,
            outcomes: BTreeMap::from([("OK", 4000), ("RESOURCE_EXHAUSTED", 1), ("UNAVAILABLE", 2)]),
            latency: Latencies::default().summary(),
            latency_from_send: Latencies::default().summary(),
            health: None,
            rss: None,
        }
    }

    #[test]
    fn a_table_row_gives_the_main_outcomes_columns_and_lists_the_rest() {
        let table = markdown_table(&[(String::from("unary, 50 %"), &report())]);
        let row = table.lines().nth(2).expect("a row");
        assert!(
            row.starts_with("| unary, 50 % | 400 | 400 | 2.00 | 4000 | 1 | 0 | UNAVAILABLE 2 |"),
            "{row}"
        );
        let header_columns = table.lines().next().expect("a header").matches('|').count();
        assert_eq!(row.matches('|').count(), header_columns);
    }

    #[test]
    fn the_text_report_names_every_outcome() {
        let text = text(&report());
        assert!(
            text.contains("OK 4000, RESOURCE_EXHAUSTED 1, UNAVAILABLE 2"),
            "{text}"
        );
        assert!(text.contains("400.3 requests/s"), "{text}");
    }
}
