//! The `ArticleNormalizer` gRPC service. Handlers stay thin: admit the call,
//! parse each request, run the pipeline on the worker pool off the async
//! reactor within the caller's deadline, map the result.

use std::{pin::Pin, sync::Arc, time::Instant};

use futures_util::{Stream, StreamExt};
use normalizer_pipeline::{Input, Options, SourceCharset, decode_page, normalize};
use normalizer_proto::v1::{self as pb, article_normalizer_server::ArticleNormalizer};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::{Request, Response, Status, Streaming};

use crate::{
    convert::{ArticleInput, Content, to_proto},
    deadline::GiveUpAt,
    error::{ServiceError, Unanswered},
    metrics::Metrics,
};

/// Articles of one stream normalized at once; responses still leave in order.
const STREAM_PARALLELISM: usize = 8;

/// The limits a service enforces.
#[derive(Debug, Clone, Copy)]
pub struct ServiceLimits {
    /// Largest article content, in bytes (`limits.max_article_bytes`).
    pub max_article_bytes: usize,
    /// Most articles in a batch (`limits.max_batch_articles`).
    pub max_batch_articles: usize,
    /// Calls at once (`server.max_concurrent_requests`).
    pub max_concurrent_requests: usize,
    /// Pipeline runs at once (`server.workers`).
    pub workers: usize,
}

/// Serves `newsroom.normalizer.v1.ArticleNormalizer`.
#[derive(Debug, Clone)]
pub struct NormalizerService {
    /// What the service refuses past.
    limits: ServiceLimits,
    /// Options for requests that bring none (`pipeline.*`), parsed once at start-up.
    default_options: Arc<Options>,
    /// Counts what the pipeline removed.
    metrics: Arc<Metrics>,
    /// One permit per call being served: when none is left the next call is
    /// refused at once (load shedding), so memory and latency stay bounded.
    admission: Arc<Semaphore>,
    /// One permit per pipeline run: the CPU-bound work runs on the blocking
    /// pool, never more at once than there are workers.
    workers: Arc<Semaphore>,
}

impl NormalizerService {
    /// A service with `limits`, normalizing with `default_options` unless a
    /// request says otherwise.
    pub fn new(limits: ServiceLimits, default_options: Options, metrics: Arc<Metrics>) -> Self {
        Self {
            limits,
            default_options: Arc::new(default_options),
            metrics,
            admission: Arc::new(Semaphore::new(limits.max_concurrent_requests)),
            workers: Arc::new(Semaphore::new(limits.workers.max(1))),
        }
    }

    /// Admits a call, or refuses it at once when the server is full.
    fn admit(&self) -> Result<OwnedSemaphorePermit, ServiceError> {
        Arc::clone(&self.admission)
            .try_acquire_owned()
            .map_err(|_| ServiceError::Overloaded {
                limit: self.limits.max_concurrent_requests,
            })
    }

    /// Normalizes one request on the worker pool, within `deadline`.
    async fn normalize_one(
        &self,
        request: pb::NormalizeRequest,
        deadline: Option<Instant>,
    ) -> Result<pb::NormalizedArticle, ServiceError> {
        let input = ArticleInput::parse(request, self.limits.max_article_bytes)?;
        let defaults = Arc::clone(&self.default_options);
        let workers = Arc::clone(&self.workers);
        let span = tracing::Span::current();
        let work = async move {
            let worker = workers
                .acquire_owned()
                .await
                .map_err(|_| ServiceError::ShuttingDown)?;
            tokio::task::spawn_blocking(move || {
                let _worker = worker;
                span.in_scope(|| normalize_input(input, &defaults))
            })
            .await
            .map_err(|error| ServiceError::PipelineStopped(error.to_string()))?
        };
        let record = match deadline {
            Some(deadline) => tokio::time::timeout_at(deadline.into(), work)
                .await
                .map_err(|_| ServiceError::DeadlineExceeded(Unanswered::Article))??,
            None => work.await?,
        };
        for removed in &record.removed {
            self.metrics.count_removed(&removed.kind);
        }
        Ok(record)
    }

    /// A stream or batch response for one request: the record, or the error.
    async fn respond(
        &self,
        request: pb::NormalizeRequest,
        deadline: Option<Instant>,
    ) -> pb::NormalizeResponse {
        let id = request.article.as_ref().map(|a| a.id.clone()).unwrap_or_default();
        match self.normalize_one(request, deadline).await {
            Ok(article) => pb::NormalizeResponse {
                article: Some(article),
                id,
                error: None,
            },
            Err(error) => pb::NormalizeResponse {
                article: None,
                id,
                error: Some(error.into()),
            },
        }
    }
}

/// When the service gives up on the caller's deadline (`grpc-timeout`), as
/// the deadline layer reckoned it from when the call arrived.
fn deadline_of<T>(request: &Request<T>) -> Option<Instant> {
    request.extensions().get::<GiveUpAt>().map(|give_up| give_up.0)
}

/// The response stream of NormalizeStream.
type ResponseStream = Pin<Box<dyn Stream<Item = Result<pb::NormalizeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl ArticleNormalizer for NormalizerService {
    async fn normalize(
        &self,
        request: Request<pb::NormalizeRequest>,
    ) -> Result<Response<pb::NormalizeResponse>, Status> {
        let _call = self.admit()?;
        let deadline = deadline_of(&request);
        let article = self.normalize_one(request.into_inner(), deadline).await?;
        tracing::debug!(id = %article.id, paragraphs = article.body.len(), "Normalized an article.");
        Ok(Response::new(pb::NormalizeResponse {
            id: article.id.clone(),
            article: Some(article),
            error: None,
        }))
    }

    type NormalizeStreamStream = ResponseStream;

    async fn normalize_stream(
        &self,
        request: Request<Streaming<pb::NormalizeRequest>>,
    ) -> Result<Response<Self::NormalizeStreamStream>, Status> {
        let call = self.admit()?;
        let deadline = deadline_of(&request);
        let service = self.clone();
        let responses = request
            .into_inner()
            .map(move |item| {
                let service = service.clone();
                async move {
                    match item {
                        Ok(request) => Ok(service.respond(request, deadline).await),
                        Err(status) => Err(status),
                    }
                }
            })
            .buffered(STREAM_PARALLELISM)
            // The call's permit lives as long as its stream.
            .map(move |response| {
                let _call = &call;
                response
            });
        Ok(Response::new(Box::pin(responses)))
    }

    async fn normalize_batch(
        &self,
        request: Request<pb::NormalizeBatchRequest>,
    ) -> Result<Response<pb::NormalizeBatchResponse>, Status> {
        let _call = self.admit()?;
        let deadline = deadline_of(&request);
        let requests = request.into_inner().requests;
        if requests.len() > self.limits.max_batch_articles {
            return Err(ServiceError::TooManyArticles {
                count: requests.len(),
                limit: self.limits.max_batch_articles,
            }
            .into());
        }
        let responses = futures_util::stream::iter(requests)
            .map(|request| self.respond(request, deadline))
            .buffered(self.limits.workers.max(1))
            .collect()
            .await;
        Ok(Response::new(pb::NormalizeBatchResponse { responses }))
    }
}

/// Runs the pipeline on a parsed request, with the request's options or
/// else `defaults`, and maps the record onto the wire type.
///
/// # Errors
/// What the pipeline refuses, as a [`ServiceError`].
pub fn normalize_input(
    input: ArticleInput,
    defaults: &Options,
) -> Result<pb::NormalizedArticle, ServiceError> {
    let ArticleInput {
        id,
        url,
        content,
        field,
        options,
    } = input;
    let decoded;
    let (text, charset) = match &content {
        Content::Utf8(text) => (text.as_str(), SourceCharset::UTF8_STRING),
        Content::Bytes { bytes, content_type } => {
            decoded = decode_page(bytes, content_type, &url);
            (decoded.text.as_ref(), decoded.charset)
        }
    };
    let raw = Input {
        text,
        url: &url,
        format: field.format(),
        charset,
    };
    let article = normalize(&raw, options.as_ref().unwrap_or(defaults))
        .map_err(|error| ServiceError::from_pipeline(error, field))?;
    Ok(to_proto(id, article))
}
