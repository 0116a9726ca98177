//! How a call ended, as the name a report counts it under: the gRPC status
//! code (`OK`, `RESOURCE_EXHAUSTED`, …), or one of three names for what no
//! status code says: an `OK` without a record, a record after the call's
//! deadline, and no answer at all.

use normalizer_proto::v1::NormalizeResponse;
use std::time::Duration;

use tonic::{Code, Response, Status, TimeoutExpired};

/// An `OK` answer that carries no record: the server broke its contract.
pub const OK_WITHOUT_RECORD: &str = "OK_WITHOUT_RECORD";

/// An `OK` answer with a record that came after the call's deadline, by the
/// load generator's clock from when it sent the call. A gRPC client that
/// enforces its deadline would have given up on it with `DEADLINE_EXCEEDED`.
pub const OK_AFTER_DEADLINE: &str = "OK_AFTER_DEADLINE";

/// No answer within the call's bound (its deadline and a grace period, or
/// the bound of calls without a deadline): the server hung.
pub const NO_ANSWER: &str = "NO_ANSWER";

/// The canonical names of the gRPC status codes, as the spec spells them.
const CODE_NAMES: [(Code, &str); 17] = [
    (Code::Ok, "OK"),
    (Code::Cancelled, "CANCELLED"),
    (Code::Unknown, "UNKNOWN"),
    (Code::InvalidArgument, "INVALID_ARGUMENT"),
    (Code::DeadlineExceeded, "DEADLINE_EXCEEDED"),
    (Code::NotFound, "NOT_FOUND"),
    (Code::AlreadyExists, "ALREADY_EXISTS"),
    (Code::PermissionDenied, "PERMISSION_DENIED"),
    (Code::ResourceExhausted, "RESOURCE_EXHAUSTED"),
    (Code::FailedPrecondition, "FAILED_PRECONDITION"),
    (Code::Aborted, "ABORTED"),
    (Code::OutOfRange, "OUT_OF_RANGE"),
    (Code::Unimplemented, "UNIMPLEMENTED"),
    (Code::Internal, "INTERNAL"),
    (Code::Unavailable, "UNAVAILABLE"),
    (Code::DataLoss, "DATA_LOSS"),
    (Code::Unauthenticated, "UNAUTHENTICATED"),
];

/// The canonical name of `code`, e.g. `RESOURCE_EXHAUSTED`.
pub fn code_name(code: Code) -> &'static str {
    CODE_NAMES
        .iter()
        .find(|(known, _)| *known == code)
        .map_or("UNKNOWN", |(_, name)| name)
}

/// The outcome of a unary `Normalize` call.
pub fn of_unary(result: &Result<Response<NormalizeResponse>, Status>) -> &'static str {
    match result {
        Ok(response) if response.get_ref().article.is_some() => code_name(Code::Ok),
        Ok(_) => OK_WITHOUT_RECORD,
        Err(status) => of_status(status),
    }
}

/// `outcome`, or [`OK_AFTER_DEADLINE`] for an `OK` that took longer than
/// `deadline`.
pub fn against_deadline(outcome: &'static str, took: Duration, deadline: Option<Duration>) -> &'static str {
    let late = deadline.is_some_and(|deadline| took > deadline);
    if late && outcome == code_name(Code::Ok) {
        OK_AFTER_DEADLINE
    } else {
        outcome
    }
}

/// The outcome of one article answered in a `NormalizeStream`.
pub fn of_stream_response(response: &NormalizeResponse) -> &'static str {
    match (&response.article, &response.error) {
        (_, Some(error)) => code_name(Code::from_i32(error.code)),
        (Some(_), None) => code_name(Code::Ok),
        (None, None) => OK_WITHOUT_RECORD,
    }
}

/// The outcome of a call that ended with `status`.
///
/// tonic ends a call whose own deadline passes with `CANCELLED` ("Timeout
/// expired"); other gRPC clients report it as `DEADLINE_EXCEEDED`, and so
/// does this one: either side's clock may be the first to see the deadline.
pub fn of_status(status: &Status) -> &'static str {
    if status.code() == Code::Cancelled && status.message() == TimeoutExpired(()).to_string() {
        return code_name(Code::DeadlineExceeded);
    }
    code_name(status.code())
}

#[cfg(test)]
mod tests {
    use normalizer_proto::{google::rpc, v1::NormalizedArticle};

    use super::*;

    #[test]
    fn every_code_has_its_canonical_name() {
        for (code, name) in CODE_NAMES {
            assert_eq!(code_name(code), name);
            assert_eq!(Code::from_i32(code as i32), code, "{name} round-trips");
        }
    }

    #[test]
    fn the_clients_own_deadline_counts_as_deadline_exceeded() {
        let expired = Status::cancelled(TimeoutExpired(()).to_string());
        assert_eq!(of_status(&expired), "DEADLINE_EXCEEDED");
        assert_eq!(of_status(&Status::cancelled("the caller went away")), "CANCELLED");
        assert_eq!(
            of_status(&Status::resource_exhausted("full")),
            "RESOURCE_EXHAUSTED"
        );
    }

    #[test]
    fn an_ok_answer_without_a_record_is_counted_apart() {
        let empty = Ok(Response::new(NormalizeResponse::default()));
        assert_eq!(of_unary(&empty), OK_WITHOUT_RECORD);
        let answered = Ok(Response::new(NormalizeResponse {
            article: Some(NormalizedArticle::default()),
            ..NormalizeResponse::default()
        }));
        assert_eq!(of_unary(&answered), "OK");
    }

    #[test]
    fn a_refused_article_in_a_stream_counts_under_its_code() {
        let refused = NormalizeResponse {
            error: Some(rpc::Status {
                code: Code::InvalidArgument as i32,
                message: String::from("article.text is blank"),
                details: Vec::new(),
            }),
            ..NormalizeResponse::default()
        };
        assert_eq!(of_stream_response(&refused), "INVALID_ARGUMENT");
        assert_eq!(
            of_stream_response(&NormalizeResponse::default()),
            OK_WITHOUT_RECORD
        );
    }

    #[test]
    fn a_record_after_the_deadline_is_counted_apart() {
        let deadline = Some(Duration::from_millis(100));
        let ok = code_name(Code::Ok);
        assert_eq!(against_deadline(ok, Duration::from_millis(99), deadline), ok);
        assert_eq!(
            against_deadline(ok, Duration::from_millis(101), deadline),
            OK_AFTER_DEADLINE
        );
        assert_eq!(against_deadline(ok, Duration::from_secs(9), None), ok);
        let refused = code_name(Code::ResourceExhausted);
        assert_eq!(
            against_deadline(refused, Duration::from_millis(101), deadline),
            refused
        );
    }
}
