//! A gRPC load generator for the article normalizer: drives `Normalize` or
//! `NormalizeStream` at a fixed rate (open loop) or as fast as it can, over
//! several HTTP/2 connections, and reports throughput, outcomes by gRPC
//! status and latency percentiles; optionally the health service's latency
//! and the server's memory while under load.
//!
//! # Layout
//! - `schedule`: when each call is due; the warm-up.
//! - `articles`: the corpus articles, sized for a run.
//! - `unary`, `stream`: the workers that send calls and record how they ended.
//! - `outcome`: how a call ended, as the name it is counted under.
//! - `latency`: the latency histogram and its percentiles.
//! - `tally`: what the workers counted, merged.
//! - `health`: health checks during a run.
//! - `rss`: the server's resident memory during a run.
//! - `cpu`: the CPU time the server used.
//! - `load`: one run, from plan to report.
//! - `report`: reports as text and Markdown.
//! - `server`: the server under test as a child process.
//! - `pipeline`: the pipeline alone on the same articles, for comparison.
//! - `bench`: the phases of `make bench` and their results page.

pub mod articles;
pub mod bench;
pub mod cpu;
pub mod health;
pub mod latency;
pub mod load;
pub mod outcome;
pub mod pipeline;
pub mod report;
pub mod rss;
pub mod schedule;
pub mod server;
mod stream;
pub mod tally;
mod unary;

pub use articles::Articles;
pub use load::{LoadPlan, LoadReport, Method, run};
pub use schedule::Rate;
