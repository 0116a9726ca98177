//! The `ArticleNormalizer` gRPC service. Handlers stay thin: parse the
//! request, run the pipeline off the async reactor, map the result.

use std::sync::Arc;

use normalizer_pipeline::{Input, Options, normalize};
use normalizer_proto::v1::{self as pb, article_normalizer_server::ArticleNormalizer};
use tonic::{Request, Response, Status};

use crate::{
    convert::{ArticleInput, to_proto},
    error::RequestError,
    metrics::Metrics,
};

/// Serves `newsroom.normalizer.v1.ArticleNormalizer`.
#[derive(Debug, Clone)]
pub struct NormalizerService {
    /// Largest article content accepted, in bytes (`limits.max_article_bytes`).
    max_article_bytes: usize,
    /// Options for requests that bring none (`pipeline.*`), parsed once at start-up.
    default_options: Arc<Options>,
    /// Counts what the pipeline removed.
    metrics: Arc<Metrics>,
}

impl NormalizerService {
    /// A service that refuses articles over `max_article_bytes` and
    /// normalizes with `default_options` unless a request says otherwise.
    pub fn new(max_article_bytes: usize, default_options: Options, metrics: Arc<Metrics>) -> Self {
        Self {
            max_article_bytes,
            default_options: Arc::new(default_options),
            metrics,
        }
    }
}

#[tonic::async_trait]
impl ArticleNormalizer for NormalizerService {
    async fn normalize(
        &self,
        request: Request<pb::NormalizeRequest>,
    ) -> Result<Response<pb::NormalizeResponse>, Status> {
        let input = ArticleInput::parse(request.into_inner(), self.max_article_bytes)?;
        let defaults = Arc::clone(&self.default_options);
        let bytes = input.text.len();
        // The pipeline is CPU-bound: it runs on the blocking pool so that the
        // reactor keeps answering health checks and new connections.
        let span = tracing::Span::current();
        let record = tokio::task::spawn_blocking(move || span.in_scope(|| normalize_input(input, &defaults)))
            .await
            .map_err(|error| Status::internal(format!("the pipeline stopped unexpectedly: {error}")))??;
        for removed in &record.removed {
            self.metrics.count_removed(&removed.kind);
        }
        tracing::debug!(id = %record.id, bytes, paragraphs = record.body.len(), "Normalized an article.");
        Ok(Response::new(pb::NormalizeResponse {
            article: Some(record),
        }))
    }
}

/// Runs the pipeline on a parsed request, with the request's options or
/// else `defaults`, and maps the record onto the wire type.
///
/// # Errors
/// What the pipeline refuses, as a [`RequestError`].
pub fn normalize_input(
    input: ArticleInput,
    defaults: &Options,
) -> Result<pb::NormalizedArticle, RequestError> {
    let ArticleInput {
        id,
        url,
        text,
        options,
    } = input;
    let raw = Input {
        text: &text,
        url: &url,
    };
    let article = normalize(&raw, options.as_ref().unwrap_or(defaults))?;
    Ok(to_proto(id, article))
}
