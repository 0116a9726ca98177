//! `article-normalizer`: the gRPC server around the pipeline, and what its
//! command line and the developer tools share with it.
//!
//! # Layout
//! - `settings`: layered configuration, parsed once into its types.
//! - `telemetry`: logs and traces.
//! - `metrics`: Prometheus metrics and their endpoint.
//! - `observe`: the tower layer that traces and measures every call.
//! - `deadline`: the tower layer that answers a call past its deadline.
//! - `startup`: binding, serving, draining.
//! - `shutdown`: the stop signal.
//! - `service`: the gRPC handlers.
//! - `convert`: wire types to pipeline types and back.
//! - `error`: every reason a call gets no record, and its gRPC status.
//! - `bulk`: `normalize` over a directory or a JSON-lines file.
//! - `probe`: a gRPC health check client.
//! - `tls`: TLS and mutual TLS of the gRPC port, with certificate rotation.

pub mod bulk;
pub mod convert;
mod deadline;
pub mod error;
pub mod metrics;
mod observe;
pub mod probe;
pub mod service;
pub mod settings;
pub mod shutdown;
pub mod startup;
pub mod telemetry;
pub mod tls;
