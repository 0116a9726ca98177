//! The gRPC codec of `ArticleNormalizer`: prost's, except for what a request
//! that does not decode is answered.
//!
//! tonic-prost answers every message that does not decode with INTERNAL
//! (gRPC's status-code guide calls a parse failure internal), before the
//! service sees the request. A request is the caller's, so the server
//! answers INVALID_ARGUMENT naming the field, with a `google.rpc.BadRequest`
//! detail, as for every other bad request: a string field holding invalid
//! UTF-8 is named with its path (`article.text`,
//! `requests[2].article.url`, `options.languages[0]`). A response that does
//! not decode is still INTERNAL at the client: the server sent it.
//!
//! prost's error names a oneof (`RawArticle.content`), not the member that
//! held the bytes, and a repeated field without its index; so the request
//! is read again as [`lenient`] mirrors of the request messages whose string
//! fields are bytes, and the first one that is not UTF-8 is named.

use std::marker::PhantomData;

use prost::{DecodeError, Message, bytes::Buf};
use tonic::{
    Status,
    codec::{Codec, DecodeBuf, Decoder},
};
use tonic_prost::ProstEncoder;
use tonic_types::{ErrorDetails, StatusExt};

use crate::v1;

/// prost's codec, with [`Received::refuse`] answering what does not decode.
/// Generated code names it in `build.rs` (`codec_path`).
#[derive(Debug, Clone)]
pub struct NormalizerCodec<T, U>(PhantomData<(T, U)>);

impl<T, U> Default for NormalizerCodec<T, U> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<T, U> Codec for NormalizerCodec<T, U>
where
    T: Message + Send + 'static,
    U: Received + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = ReceivedDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        ProstEncoder::default()
    }

    fn decoder(&mut self) -> Self::Decoder {
        ReceivedDecoder(PhantomData)
    }
}

/// Decodes a `U`, answering what does not decode with [`Received::refuse`].
#[derive(Debug, Clone)]
pub struct ReceivedDecoder<U>(PhantomData<U>);

impl<U: Received> Decoder for ReceivedDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        // The frame is one contiguous buffer: taking it is no copy.
        let message = buf.copy_to_bytes(buf.remaining());
        U::decode(message.clone())
            .map(Some)
            .map_err(|error| U::refuse(&message, &error))
    }
}

/// A message one side of a call receives, and what it answers when the
/// message does not decode.
pub trait Received: Message + Default {
    /// The status for `message`, which did not decode with `error`.
    fn refuse(message: &[u8], error: &DecodeError) -> Status;
}

impl Received for v1::NormalizeRequest {
    fn refuse(message: &[u8], error: &DecodeError) -> Status {
        let field = lenient::NormalizeRequest::decode(message)
            .ok()
            .and_then(|request| request.not_utf8());
        invalid_argument(field, error)
    }
}

impl Received for v1::NormalizeBatchRequest {
    fn refuse(message: &[u8], error: &DecodeError) -> Status {
        let field =
            lenient::NormalizeBatchRequest::decode(message)
                .ok()
                .and_then(|batch| {
                    batch.requests.iter().enumerate().find_map(|(index, request)| {
                        Some(format!("requests[{index}].{}", request.not_utf8()?))
                    })
                });
        invalid_argument(field, error)
    }
}

impl Received for v1::NormalizeResponse {
    fn refuse(_: &[u8], error: &DecodeError) -> Status {
        Status::internal(error.to_string())
    }
}

impl Received for v1::NormalizeBatchResponse {
    fn refuse(_: &[u8], error: &DecodeError) -> Status {
        Status::internal(error.to_string())
    }
}

/// INVALID_ARGUMENT for a request that did not decode: naming `field`, the
/// string field that is not UTF-8, when there is one.
fn invalid_argument(field: Option<String>, error: &DecodeError) -> Status {
    match field {
        Some(field) => {
            let message = format!(
                "{field} is not valid UTF-8: a string field must be; send a page in its own charset as article.html_bytes"
            );
            Status::with_error_details(
                tonic::Code::InvalidArgument,
                message.clone(),
                ErrorDetails::with_bad_request_violation(field, message),
            )
        }
        None => Status::invalid_argument(format!("the request is not a valid protobuf message: {error}")),
    }
}

/// The request messages with every string field read as bytes, the same
/// field numbers, and nothing else: whatever a string held decodes here.
mod lenient {
    use prost::Message;

    /// `NormalizeBatchRequest`.
    #[derive(Clone, PartialEq, Message)]
    pub(super) struct NormalizeBatchRequest {
        #[prost(message, repeated, tag = "1")]
        pub requests: Vec<NormalizeRequest>,
    }

    /// `NormalizeRequest`.
    #[derive(Clone, PartialEq, Message)]
    pub(super) struct NormalizeRequest {
        #[prost(message, optional, tag = "1")]
        pub article: Option<RawArticle>,
        #[prost(message, optional, tag = "2")]
        pub options: Option<NormalizeOptions>,
    }

    /// `RawArticle`.
    #[derive(Clone, PartialEq, Message)]
    pub(super) struct RawArticle {
        #[prost(bytes = "vec", tag = "1")]
        pub id: Vec<u8>,
        #[prost(bytes = "vec", tag = "2")]
        pub url: Vec<u8>,
        #[prost(bytes = "vec", tag = "3")]
        pub text: Vec<u8>,
        #[prost(bytes = "vec", tag = "4")]
        pub html: Vec<u8>,
        #[prost(bytes = "vec", tag = "6")]
        pub content_type: Vec<u8>,
    }

    /// `NormalizeOptions`.
    #[derive(Clone, PartialEq, Message)]
    pub(super) struct NormalizeOptions {
        #[prost(bytes = "vec", repeated, tag = "1")]
        pub languages: Vec<Vec<u8>>,
    }

    impl NormalizeRequest {
        /// The path of the first string field that is not UTF-8.
        pub(super) fn not_utf8(&self) -> Option<String> {
            let bad = |bytes: &[u8]| std::str::from_utf8(bytes).is_err();
            if let Some(article) = &self.article {
                for (name, value) in [
                    ("id", &article.id),
                    ("url", &article.url),
                    ("text", &article.text),
                    ("html", &article.html),
                    ("content_type", &article.content_type),
                ] {
                    if bad(value) {
                        return Some(format!("article.{name}"));
                    }
                }
            }
            let languages = self.options.as_ref().map(|options| options.languages.as_slice());
            languages
                .unwrap_or_default()
                .iter()
                .position(|code| bad(code))
                .map(|index| format!("options.languages[{index}]"))
        }
    }
}

#[cfg(test)]
mod tests {
    use tonic::Code;

    use super::*;

    /// The wire form of a request whose `field_number` of `RawArticle`
    /// holds `bytes`, with a valid `id` before it.
    fn article_with(field_number: u8, bytes: &[u8]) -> Vec<u8> {
        let mut article = vec![0x0A, 2, b'a', b'1', (field_number << 3) | 2, bytes.len() as u8];
        article.extend_from_slice(bytes);
        let mut request = vec![0x0A, article.len() as u8];
        request.extend(article);
        request
    }

    fn refused<U: Received + std::fmt::Debug>(message: &[u8]) -> Status {
        let error = U::decode(message).expect_err("does not decode");
        U::refuse(message, &error)
    }

    #[test]
    fn invalid_utf8_in_a_string_is_invalid_argument_naming_the_field() {
        for (field_number, name) in [
            (2, "article.url"),
            (3, "article.text"),
            (4, "article.html"),
            (6, "article.content_type"),
        ] {
            let status = refused::<v1::NormalizeRequest>(&article_with(field_number, b"caf\xE9"));
            assert_eq!(status.code(), Code::InvalidArgument, "{name}");
            assert!(
                status
                    .message()
                    .starts_with(&format!("{name} is not valid UTF-8")),
                "{}",
                status.message()
            );
            let details = status.get_error_details();
            let violations = &details.bad_request().expect("a bad request").field_violations;
            assert_eq!(violations[0].field, name);
        }
    }

    #[test]
    fn the_same_bytes_are_taken_in_html_bytes() {
        let request =
            v1::NormalizeRequest::decode(article_with(5, b"caf\xE9").as_slice()).expect("bytes decode");
        assert!(matches!(
            request.article.and_then(|article| article.content),
            Some(v1::raw_article::Content::HtmlBytes(bytes)) if bytes == b"caf\xE9"
        ));
    }

    #[test]
    fn a_batch_names_the_request_and_the_options_their_language() {
        let mut batch = Vec::new();
        for request in [article_with(3, b"fine"), article_with(3, b"\xFF")] {
            batch.extend([0x0A, request.len() as u8]);
            batch.extend(request);
        }
        let status = refused::<v1::NormalizeBatchRequest>(&batch);
        assert_eq!(status.code(), Code::InvalidArgument);
        assert!(
            status
                .message()
                .starts_with("requests[1].article.text is not valid UTF-8"),
            "{}",
            status.message()
        );

        let options = [0x12, 7, 0x0A, 2, b'd', b'e', 0x0A, 1, 0xC3];
        let status = refused::<v1::NormalizeRequest>(&options);
        assert!(
            status
                .message()
                .starts_with("options.languages[1] is not valid UTF-8"),
            "{}",
            status.message()
        );
    }

    #[test]
    fn broken_framing_is_invalid_argument_too_and_a_response_internal() {
        let truncated = [0x0A, 10, 0x0A];
        let status = refused::<v1::NormalizeRequest>(&truncated);
        assert_eq!(status.code(), Code::InvalidArgument);
        assert!(
            status
                .message()
                .starts_with("the request is not a valid protobuf message"),
            "{}",
            status.message()
        );
        assert_eq!(
            refused::<v1::NormalizeResponse>(&truncated).code(),
            Code::Internal
        );
    }
}
