//! The caller's deadline (`grpc-timeout`). It counts from when a call
//! arrived, before its message was read, as tonic's own timer for it does;
//! that timer answers CANCELLED when it runs out. [`DeadlineLayer`] answers
//! DEADLINE_EXCEEDED a margin sooner for the whole call, reading the message
//! included, and hands that instant ([`GiveUpAt`]) to the service, which
//! gives up on an article then with a message that says so.

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll},
    time::{Duration, Instant},
};

use http::{Request, Response};
use tonic::Status;
use tower::{Layer, Service};

use crate::error::{ServiceError, Unanswered};

/// How much sooner than the caller's deadline the server gives up, so that
/// the caller hears DEADLINE_EXCEEDED rather than CANCELLED at the very
/// deadline: at least this, or a twentieth of the timeout when that is more.
const MARGIN: Duration = Duration::from_millis(10);

/// When the server gives up on a call: its deadline less the margin,
/// counted from when the call arrived. Only calls with a `grpc-timeout` have one.
#[derive(Debug, Clone, Copy)]
pub struct GiveUpAt(pub Instant);

/// The timeout of a `grpc-timeout` header value (`100m`, `2S`, …).
fn grpc_timeout(value: &str) -> Option<Duration> {
    let (amount, unit) = value.split_at(value.len().checked_sub(1)?);
    let amount: u64 = amount.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(amount.saturating_mul(3600)),
        "M" => Duration::from_secs(amount.saturating_mul(60)),
        "S" => Duration::from_secs(amount),
        "m" => Duration::from_millis(amount),
        "u" => Duration::from_micros(amount),
        "n" => Duration::from_nanos(amount),
        _ => return None,
    })
}

/// When the server gives up on a call that arrived at `arrived` with
/// `timeout`: the deadline less the margin.
fn give_up_at(arrived: Instant, timeout: Duration) -> Instant {
    arrived + timeout.saturating_sub(MARGIN.max(timeout / 20))
}

/// Wraps services in [`Deadlined`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DeadlineLayer;

impl<S> Layer<S> for DeadlineLayer {
    type Service = Deadlined<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Deadlined { inner }
    }
}

/// Answers DEADLINE_EXCEEDED when the caller's deadline, less the margin,
/// passes before the call is answered, and tells the service when that is
/// ([`GiveUpAt`]).
#[derive(Debug, Clone)]
pub struct Deadlined<S> {
    inner: S,
}

impl<S, B, R> Service<Request<B>> for Deadlined<S>
where
    S: Service<Request<B>, Response = Response<R>>,
    S::Future: Send + 'static,
    R: Default,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let arrived = Instant::now();
        let give_up = request
            .headers()
            .get("grpc-timeout")
            .and_then(|value| value.to_str().ok())
            .and_then(grpc_timeout)
            .map(|timeout| give_up_at(arrived, timeout));
        if let Some(give_up) = give_up {
            request.extensions_mut().insert(GiveUpAt(give_up));
        }
        let call = self.inner.call(request);
        Box::pin(async move {
            let Some(give_up) = give_up else {
                return call.await;
            };
            match tokio::time::timeout_at(give_up.into(), call).await {
                Ok(answered) => answered,
                Err(_) => Ok(Status::from(ServiceError::DeadlineExceeded(Unanswered::Call)).into_http()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use super::*;

    #[test]
    fn grpc_timeout_units_are_understood() {
        assert_eq!(grpc_timeout("2S"), Some(Duration::from_secs(2)));
        assert_eq!(grpc_timeout("100m"), Some(Duration::from_millis(100)));
        assert_eq!(grpc_timeout("5u"), Some(Duration::from_micros(5)));
        assert_eq!(grpc_timeout("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(grpc_timeout("soon"), None);
        assert_eq!(grpc_timeout(""), None);
    }

    #[test]
    fn the_server_gives_up_a_margin_before_the_deadline() {
        let arrived = Instant::now();
        assert_eq!(
            give_up_at(arrived, Duration::from_millis(100)),
            arrived + Duration::from_millis(90)
        );
        assert_eq!(
            give_up_at(arrived, Duration::from_secs(2)),
            arrived + Duration::from_millis(1900)
        );
    }

    #[tokio::test]
    async fn a_call_still_unanswered_at_its_deadline_is_deadline_exceeded() {
        // A service that never answers: only the deadline can end the call.
        let never = tower::service_fn(|_: Request<()>| {
            std::future::pending::<Result<Response<String>, Infallible>>()
        });
        let mut service = DeadlineLayer.layer(never);
        let request = Request::builder()
            .header("grpc-timeout", "20m")
            .body(())
            .expect("a request");
        let response = tokio::time::timeout(Duration::from_secs(10), service.call(request))
            .await
            .expect("the layer answers at the deadline, long before 10 s")
            .expect("an answer");
        assert_eq!(
            response
                .headers()
                .get("grpc-status")
                .map(|value| value.as_bytes()),
            Some(b"4".as_slice())
        );
    }

    #[tokio::test]
    async fn the_service_is_told_when_the_call_is_given_up() {
        let before = Instant::now();
        let echo = tower::service_fn(|request: Request<()>| async move {
            let give_up = request.extensions().get::<GiveUpAt>().map(|at| at.0);
            Ok::<_, Infallible>(Response::new(give_up))
        });
        let mut service = DeadlineLayer.layer(echo);
        let timed = Request::builder()
            .header("grpc-timeout", "100m")
            .body(())
            .expect("a request");
        let give_up = service
            .call(timed)
            .await
            .expect("an answer")
            .into_body()
            .expect("a give-up instant for a call with a timeout");
        // 100 ms less the 10 ms margin, from the call's arrival.
        assert!(give_up >= before + Duration::from_millis(90));
        assert!(give_up <= Instant::now() + Duration::from_millis(90));
        let untimed = service.call(Request::new(())).await.expect("an answer");
        assert_eq!(untimed.into_body(), None);
    }
}
