//! Building and running the server: [`Application::build`] binds the port
//! (port 0 picks a free one, read back with [`Application::local_addr`]),
//! [`Application::run_until_stopped`] serves until a stop signal.
//!
//! Shutdown order:
//! 1. the first stop signal arrives;
//! 2. the health service reports NOT_SERVING, so load balancers and probes
//!    stop sending new work;
//! 3. after `server.shutdown_delay_seconds` (or at a second stop signal,
//!    whichever comes first) the gRPC server stops accepting
//!    connections and lets in-flight requests finish, for at most
//!    `server.drain_timeout_seconds`; the metrics endpoint stops with it;
//!    With TLS on, closing the listener also stops the certificate watch;
//!    connections still in their handshake are dropped.
//! 4. `run_until_stopped` returns; `main` flushes pending spans and the
//!    process exits 0.

use std::{future::Future, net::SocketAddr, pin::Pin, sync::Arc, time::Duration};

use anyhow::Context;
use normalizer_proto::{FILE_DESCRIPTOR_SET, v1::article_normalizer_server::ArticleNormalizerServer};
use tokio::net::TcpListener;
use tokio_stream::{Stream, StreamExt};
use tonic::{
    codec::CompressionEncoding,
    transport::{Server, server::TcpIncoming},
};
use tonic_health::ServingStatus;

use crate::{
    deadline::DeadlineLayer,
    metrics::Metrics,
    observe::ObserveLayer,
    service::{NormalizerService, ServiceLimits},
    settings::Settings,
    tls::CertificateWatch,
};

/// A server bound to its port, not yet serving.
#[derive(Debug)]
pub struct Application {
    /// The bound listener: binding in `build` lets callers learn the port
    /// before serving starts.
    listener: TcpListener,
    /// The certificate of the gRPC port, when `server.tls` is set: loaded
    /// in `build`, so a bad file stops start-up before the port is served.
    tls: Option<CertificateWatch>,
    /// The metrics listener, when `metrics.listen` is set.
    metrics_listener: Option<TcpListener>,
    /// The settings the server runs with.
    settings: Settings,
    /// The metrics every request records into.
    metrics: Arc<Metrics>,
}

impl Application {
    /// Loads the TLS certificate, if any, and binds `server.listen`.
    ///
    /// # Errors
    /// The TLS files do not load, or the address cannot be bound.
    pub async fn build(settings: Settings, metrics: Arc<Metrics>) -> anyhow::Result<Self> {
        let tls = CertificateWatch::load(&settings.server.tls)?;
        let listener = TcpListener::bind(settings.server.listen)
            .await
            .with_context(|| format!("cannot listen on {} (server.listen)", settings.server.listen))?;
        let metrics_address = settings.metrics.listen;
        let metrics_listener = crate::metrics::bind(metrics_address).await.with_context(|| {
            let address = metrics_address
                .map(|address| address.to_string())
                .unwrap_or_default();
            format!("cannot listen on {address} (metrics.listen)")
        })?;
        Ok(Self {
            listener,
            tls,
            metrics_listener,
            settings,
            metrics,
        })
    }

    /// The address the server listens on.
    ///
    /// # Errors
    /// The socket has no local address.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the first item of `stop_signals`, then drains (see the
    /// module docs). Each item names the signal, for the log.
    ///
    /// # Errors
    /// The transport fails or reflection cannot be built.
    pub async fn run_until_stopped(
        mut self,
        mut stop_signals: impl Stream<Item = &'static str> + Unpin,
    ) -> anyhow::Result<()> {
        let settings = &self.settings;
        let limits = ServiceLimits {
            max_article_bytes: settings.limits.max_article_bytes,
            max_batch_articles: settings.limits.max_batch_articles,
            max_concurrent_requests: settings.server.max_concurrent_requests,
            workers: settings.workers(),
        };
        let service = NormalizerService::new(
            limits,
            settings.pipeline.options.clone(),
            Arc::clone(&self.metrics),
        );
        let normalizer = ArticleNormalizerServer::new(service)
            .max_decoding_message_size(settings.server.max_message_bytes)
            .max_encoding_message_size(settings.server.max_message_bytes)
            .accept_compressed(CompressionEncoding::Gzip)
            .accept_compressed(CompressionEncoding::Zstd)
            .send_compressed(CompressionEncoding::Gzip)
            .send_compressed(CompressionEncoding::Zstd);

        let (health, health_service) = tonic_health::server::health_reporter();
        health
            .set_serving::<ArticleNormalizerServer<NormalizerService>>()
            .await;

        let reflection = || {
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        };
        let reflection_v1 = reflection().build_v1().context("building reflection v1")?;
        let reflection_v1alpha = reflection()
            .build_v1alpha()
            .context("building reflection v1alpha")?;

        let shutdown_delay = Duration::from_secs(settings.server.shutdown_delay_seconds);
        let drain_timeout = Duration::from_secs(settings.server.drain_timeout_seconds);
        let (stopped, mut on_stop) = tokio::sync::watch::channel(false);
        let metrics_server = match self.metrics_listener.take() {
            Some(listener) => {
                tracing::info!(address = %listener.local_addr()?, "Serving metrics.");
                let mut on_stop = on_stop.clone();
                let shutdown = async move {
                    let _ = on_stop.wait_for(|stopped| *stopped).await;
                };
                Some(tokio::spawn(crate::metrics::serve(
                    listener,
                    Arc::clone(&self.metrics),
                    shutdown,
                )))
            }
            None => None,
        };

        let stop_serving = async move {
            if let Some(signal) = stop_signals.next().await {
                tracing::info!(signal, "Received a stop signal.");
            }
            health
                .set_not_serving::<ArticleNormalizerServer<NormalizerService>>()
                .await;
            health.set_service_status("", ServingStatus::NotServing).await;
            tracing::info!(delay_seconds = shutdown_delay.as_secs(), "Reported NOT_SERVING.");
            tokio::select! {
                () = tokio::time::sleep(shutdown_delay) => {}
                Some(signal) = stop_signals.next() => {
                    tracing::info!(signal, "Received a second stop signal; skipping the rest of the delay.");
                }
            }
            tracing::info!("Closed the listener; draining in-flight requests.");
            let _ = stopped.send(true);
        };
        let mut on_drain = on_stop.clone();
        let drain_deadline = async move {
            let _ = on_drain.wait_for(|stopped| *stopped).await;
            tokio::time::sleep(drain_timeout).await;
        };

        let address = self.local_addr()?;
        let router = Server::builder()
            .max_concurrent_streams(settings.server.max_concurrent_streams_per_connection)
            .http2_keepalive_interval(Some(Duration::from_secs(
                settings.server.keepalive_interval_seconds,
            )))
            .http2_keepalive_timeout(Some(Duration::from_secs(
                settings.server.keepalive_timeout_seconds,
            )))
            .layer(ObserveLayer::new(Arc::clone(&self.metrics)))
            .layer(DeadlineLayer)
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha)
            .add_service(normalizer);
        let serve: Pin<Box<dyn Future<Output = Result<(), tonic::transport::Error>>>> = match self.tls.take()
        {
            None => {
                tracing::info!(%address, tls = "off", "Listening.");
                Box::pin(router.serve_with_incoming_shutdown(
                    // Without TCP_NODELAY a small response waits for the
                    // caller's delayed ACK: about 40 ms per unary call.
                    TcpIncoming::from(self.listener).with_nodelay(Some(true)),
                    stop_serving,
                ))
            }
            Some(tls) => {
                let tls_mode = if tls.requires_client_certificates() {
                    "mutual"
                } else {
                    "on"
                };
                tracing::info!(%address, tls = tls_mode, "Listening.");
                Box::pin(router.serve_with_incoming_shutdown(tls.incoming(self.listener), stop_serving))
            }
        };
        tokio::select! {
            served = serve => served.context("the gRPC server failed")?,
            () = drain_deadline => tracing::warn!(
                drain_timeout_seconds = drain_timeout.as_secs(),
                "In-flight requests did not finish in time; stopping anyway."
            ),
        }
        let _ = on_stop.wait_for(|stopped| *stopped).await;
        if let Some(metrics_server) = metrics_server {
            metrics_server
                .await
                .context("the metrics server stopped unexpectedly")?
                .context("the metrics server failed")?;
        }
        tracing::info!("Stopped.");
        Ok(())
    }
}
