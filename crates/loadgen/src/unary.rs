//! One worker of a unary run: takes the next ticket, waits until it is due,
//! sends one `Normalize` call, records how it ended; one call in flight at a
//! time. A run has `concurrency` of these per connection.

use std::{sync::Arc, time::Duration};

use normalizer_proto::v1::article_normalizer_client::ArticleNormalizerClient;
use tonic::transport::Channel;

use crate::{
    articles::{Articles, text_bytes},
    load::{ANSWER_GRACE, CALL_LIMIT},
    outcome,
    schedule::Schedule,
    tally::Tally,
};

/// Sends calls until the schedule is over; returns what it measured.
pub async fn drive(
    mut client: ArticleNormalizerClient<Channel>,
    schedule: Arc<Schedule>,
    articles: Arc<Articles>,
    deadline: Option<Duration>,
) -> Tally {
    let mut tally = Tally::default();
    let bound = deadline.map_or(CALL_LIMIT, |deadline| deadline + ANSWER_GRACE);
    while let Some(ticket) = schedule.next(std::time::Instant::now()) {
        crate::schedule::wait_until(ticket.due).await;
        let article = articles.pick(ticket.sequence);
        let mut request = tonic::Request::new(article.clone());
        if let Some(deadline) = deadline {
            request.set_timeout(deadline);
        }
        let sent = std::time::Instant::now();
        let ended = match tokio::time::timeout(bound, client.normalize(request)).await {
            Ok(result) => outcome::of_unary(&result),
            Err(_) => outcome::NO_ANSWER,
        };
        let took = sent.elapsed();
        let ended = outcome::against_deadline(ended, took, deadline);
        if ticket.measured {
            tally.record(ended, ticket.due.elapsed(), took, text_bytes(article));
        }
    }
    tally
}
