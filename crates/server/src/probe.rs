//! `article-normalizer probe`: a gRPC health check client, so that a
//! container with no shell (the Helm test pod, a Docker HEALTHCHECK) can ask
//! a server whether it is SERVING.

use std::time::Duration;

use anyhow::{Context, bail};
use tonic_health::pb::{
    HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
};

/// Asks the health service at `address` about `service` (`""` for the
/// whole server).
///
/// # Errors
/// The server cannot be reached within `timeout`, or is not SERVING.
pub async fn check(address: &str, service: &str, timeout: Duration) -> anyhow::Result<()> {
    let uri = if address.contains("://") {
        address.to_owned()
    } else {
        format!("http://{address}")
    };
    let call = async {
        let channel = tonic::transport::Endpoint::from_shared(uri.clone())
            .with_context(|| format!("`{address}` is not a valid address"))?
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
