//! One worker of a streaming run: one `NormalizeStream` call per connection
//! for the whole run, with up to `concurrency` articles in flight on it.
//! Responses come back in request order, so each is matched with the oldest
//! ticket still waiting. A stream that ends early (refused, or broken) counts
//! its waiting articles under its status and is opened again.

use std::{collections::VecDeque, sync::Arc, time::Instant};

use normalizer_proto::v1::{NormalizeRequest, article_normalizer_client::ArticleNormalizerClient};
use tokio::sync::{Semaphore, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Streaming, transport::Channel};

use crate::{
    articles::{Articles, text_bytes},
    load::CALL_LIMIT,
    outcome,
    schedule::{Schedule, Ticket},
    tally::Tally,
};

/// An article sent and not yet answered.
#[derive(Debug)]
struct Waiting {
    /// Its ticket.
    ticket: Ticket,
    /// When it was sent.
    sent: Instant,
    /// Its size.
    article_bytes: usize,
}

/// Streams articles until the schedule is over; returns what it measured.
pub async fn drive(
    client: ArticleNormalizerClient<Channel>,
    schedule: Arc<Schedule>,
    articles: Arc<Articles>,
    concurrency: usize,
) -> Tally {
    let mut tally = Tally::default();
    while let Some(first) = schedule.next(Instant::now()) {
        one_stream(
            client.clone(),
            &schedule,
            &articles,
            concurrency,
            first,
            &mut tally,
        )
        .await;
    }
    tally
}

/// Runs one stream, starting with the article of `first`, until the
/// schedule is over or the stream ends.
async fn one_stream(
    mut client: ArticleNormalizerClient<Channel>,
    schedule: &Schedule,
    articles: &Articles,
    concurrency: usize,
    first: Ticket,
    tally: &mut Tally,
) {
    crate::schedule::wait_until(first.due).await;
    let (sender, outbound) = mpsc::channel::<NormalizeRequest>(concurrency.max(1));
    let mut waiting = VecDeque::new();
    let first_article = articles.pick(first.sequence);
    waiting.push_back(Waiting {
        ticket: first,
        sent: Instant::now(),
        article_bytes: text_bytes(first_article),
    });
    // The channel has room for the first article: the stream opens with it.
    if sender.try_send(first_article.clone()).is_err() {
        return;
    }
    let inbound = match client.normalize_stream(ReceiverStream::new(outbound)).await {
        Ok(response) => response.into_inner(),
        Err(status) => {
            settle(waiting, outcome::of_status(&status), tally);
            return;
        }
    };
    // One permit per article in flight; the first is already out.
    let window = Semaphore::new(concurrency.max(1) - 1);
    let (sent, unanswered) = mpsc::unbounded_channel::<Waiting>();
    for article in waiting.drain(..) {
        let _ = sent.send(article);
    }
    let send = send_articles(schedule, articles, &window, sender, sent);
    let receive = receive_answers(inbound, unanswered, &window, tally);
    tokio::join!(send, receive);
}

/// Sends an article for each ticket that is due, while the window has room.
async fn send_articles(
    schedule: &Schedule,
    articles: &Articles,
    window: &Semaphore,
    sender: mpsc::Sender<NormalizeRequest>,
    sent: mpsc::UnboundedSender<Waiting>,
) {
    // The receiver closes the window when the stream ends.
    while let Ok(permit) = window.acquire().await {
        permit.forget();
        let Some(ticket) = schedule.next(Instant::now()) else {
            break;
        };
        crate::schedule::wait_until(ticket.due).await;
        let article = articles.pick(ticket.sequence);
        let waiting = Waiting {
            ticket,
            sent: Instant::now(),
            article_bytes: text_bytes(article),
        };
        if sent.send(waiting).is_err() || sender.send(article.clone()).await.is_err() {
            break;
        }
    }
    // Dropping `sender` ends the request stream: the server answers what it
    // has and closes.
}

/// Matches each answer with the oldest article waiting, until the stream ends.
async fn receive_answers(
    mut inbound: Streaming<normalizer_proto::v1::NormalizeResponse>,
    mut unanswered: mpsc::UnboundedReceiver<Waiting>,
    window: &Semaphore,
    tally: &mut Tally,
) {
    let ended_with = loop {
        match tokio::time::timeout(CALL_LIMIT, inbound.message()).await {
            Ok(Ok(Some(response))) => {
                let Some(answered) = unanswered.recv().await else {
                    break outcome::code_name(tonic::Code::Internal);
                };
                if answered.ticket.measured {
                    tally.record(
                        outcome::of_stream_response(&response),
                        answered.ticket.due.elapsed(),
                        answered.sent.elapsed(),
                        answered.article_bytes,
                    );
                }
                window.add_permits(1);
            }
            Ok(Ok(None)) => break outcome::NO_ANSWER,
            Ok(Err(status)) => break outcome::of_status(&status),
            Err(_) => break outcome::NO_ANSWER,
        }
    };
    window.close();
    unanswered.close();
    let mut left = VecDeque::new();
    while let Some(waiting) = unanswered.recv().await {
        left.push_back(waiting);
    }
    settle(left, ended_with, tally);
}

/// Counts the articles still waiting when their stream ended with `outcome`.
fn settle(waiting: VecDeque<Waiting>, outcome: &'static str, tally: &mut Tally) {
    for article in waiting.into_iter().filter(|article| article.ticket.measured) {
        tally.record(
            outcome,
            article.ticket.due.elapsed(),
            article.sent.elapsed(),
            article.article_bytes,
        );
    }
}
