//! The span of each stage is named as `Stage::name` says: the server's
//! per-stage metrics are labelled with span names. A test binary of its own,
//! so no other test's thread caches the spans' interest while no subscriber
//! is set.

use std::sync::{Arc, Mutex};

use normalizer_pipeline::{Format, Input, Options, normalize, stages::Stage};
use tracing::{Subscriber, span};
use tracing_subscriber::{Layer, layer::Context, prelude::*, registry::LookupSpan};

/// Records the name of every span the pipeline opens.
#[derive(Debug, Clone, Default)]
struct SpanNames(Arc<Mutex<Vec<&'static str>>>);

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for SpanNames {
    fn on_new_span(&self, attrs: &span::Attributes<'_>, _: &span::Id, _: Context<'_, S>) {
        if attrs.metadata().target() == "normalizer_pipeline" {
            self.0.lock().expect("not poisoned").push(attrs.metadata().name());
        }
    }
}

#[test]
fn each_stage_runs_in_a_span_named_as_the_stage_says() {
    let html = "<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>\
                <p>The dam on the river opened on Monday after four years of work on it.</p></article></body></html>";
    for (text, format) in [
        ("Dam opens\n\nThe dam opened on Monday.", Format::Text),
        (html, Format::Html),
    ] {
        let names = SpanNames::default();
        let subscriber = tracing_subscriber::registry().with(names.clone());
        let input = Input {
            text,
            url: "https://news.example/dam",
            format,
            ..Input::default()
        };
        tracing::subscriber::with_default(subscriber, || normalize(&input, &Options::default()))
            .expect("a record");
        let expected: Vec<&str> = Stage::ALL
            .into_iter()
            .filter(|stage| stage.reads(format))
            .map(Stage::name)
            .collect();
        assert_eq!(*names.0.lock().expect("not poisoned"), expected, "{format:?}");
    }
}
