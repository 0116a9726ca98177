//! `article-normalizer probe`: a gRPC health check client, so that a
//! container with no shell (the Helm test pod, a Docker HEALTHCHECK) can ask
//! a server whether it is SERVING. It speaks TLS, with a client certificate
//! for mutual TLS, because the kubelet's native gRPC probe does not.

use std::{path::PathBuf, time::Duration};

use anyhow::{Context, bail};
use tonic::transport::{Certificate, ClientTlsConfig, Identity};
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};

/// How the probe checks a TLS server's certificate and proves its own.
#[derive(Debug, Clone)]
pub struct ProbeTls {
    /// CA certificates (PEM) the server's certificate must be signed by.
    pub ca: PathBuf,
    /// A client certificate and its key (PEM), for a server that requires
    /// one (mutual TLS).
    pub identity: Option<(PathBuf, PathBuf)>,
    /// The name the server's certificate must carry, when it is not the host
    /// in the address (a pod probing itself on 127.0.0.1 with a certificate
    /// for its Service name).
    pub server_name: Option<String>,
}

impl ProbeTls {
    /// The tonic client configuration: the files read, nothing checked yet.
    fn client_config(&self) -> anyhow::Result<ClientTlsConfig> {
        let read = |flag: &str, path: &PathBuf| {
            std::fs::read(path).with_context(|| format!("cannot read {flag} `{}`", path.display()))
        };
        let mut config =
            ClientTlsConfig::new().ca_certificate(Certificate::from_pem(read("--ca", &self.ca)?));
        if let Some((cert, key)) = &self.identity {
            config = config.identity(Identity::from_pem(read("--cert", cert)?, read("--key", key)?));
        }
        if let Some(name) = &self.server_name {
            config = config.domain_name(name);
        }
        Ok(config)
    }
}

/// Asks the health service at `address` about `service` (`""` for the
/// whole server), over TLS when `tls` is given.
///
/// # Errors
/// The server cannot be reached within `timeout`, or is not SERVING.
pub async fn check(
    address: &str,
    service: &str,
    timeout: Duration,
    tls: Option<&ProbeTls>,
) -> anyhow::Result<()> {
    let scheme = if tls.is_some() { "https" } else { "http" };
    let uri = if address.contains("://") {
        address.to_owned()
    } else {
        format!("{scheme}://{address}")
    };
    let mut endpoint = tonic::transport::Endpoint::from_shared(uri.clone())
        .with_context(|| format!("`{address}` is not a valid address"))?;
    if let Some(tls) = tls {
        endpoint = endpoint
            .tls_config(tls.client_config()?)
            .context("the TLS flags do not make a client configuration")?;
    }
    let call = async {
        let channel = endpoint
            .connect()
            .await
            .with_context(|| format!("cannot connect to {address}"))?;
        let response = HealthClient::new(channel)
            .check(HealthCheckRequest {
                service: service.to_owned(),
            })
            .await
            .with_context(|| format!("the health check of {address} failed"))?;
        anyhow::Ok(response.into_inner().status)
    };
    let status = tokio::time::timeout(timeout, call)
        .await
        .with_context(|| format!("no answer from {address} within {} s", timeout.as_secs_f64()))??;
    match ServingStatus::try_from(status) {
        Ok(ServingStatus::Serving) => Ok(()),
        Ok(other) => bail!("{address} reports {} for {service:?}", other.as_str_name()),
        Err(_) => bail!("{address} reports an unknown status {status}"),
    }
}
