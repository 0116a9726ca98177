//! The `ArticleNormalizer` gRPC service. Handlers stay thin: parse the
//! request, run the pipeline off the async reactor, map the result.

use normalizer_pipeline::normalize_text;
use normalizer_proto::v1::{self as pb, article_normalizer_server::ArticleNormalizer};
use tonic::{Request, Response, Status};

use crate::{
    convert::{ArticleInput, to_proto},
    error::RequestError,
};

/// Serves `newsroom.normalizer.v1.ArticleNormalizer`.
#[derive(Debug, Clone)]
pub struct NormalizerService {
    /// Largest article content accepted, in bytes (`limits.max_article_bytes`).
    max_article_bytes: usize,
}

impl NormalizerService {
    /// A service that refuses articles over `max_article_bytes`.
    pub fn new(max_article_bytes: usize) -> Self {
        Self { max_article_bytes }
    }
}

#[tonic::async_trait]
impl ArticleNormalizer for NormalizerService {
    async fn normalize(
        &self,
        request: Request<pb::NormalizeRequest>,
    ) -> Result<Response<pb::NormalizeResponse>, Status> {
        let ArticleInput { id, url, text } =
            ArticleInput::parse(request.into_inner(), self.max_article_bytes)?;
        let bytes = text.len();
        // The pipeline is CPU-bound: it runs on the blocking pool so that the
        // reactor keeps answering health checks and new connections.
        let article = tokio::task::spawn_blocking(move || normalize_text(&text))
            .await
            .map_err(|error| Status::internal(format!("the pipeline stopped unexpectedly: {error}")))?
            .map_err(RequestError::from)?;
        tracing::debug!(id = %id, bytes, paragraphs = article.body.len(), "Normalized an article.");
        Ok(Response::new(pb::NormalizeResponse {
            article: Some(to_proto(id, url, article)),
        }))
    }
}
