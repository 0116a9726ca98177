//! The short fuzz run of `cargo test`: the check of the fuzz target over
//! every fixture in both formats, each with one of the URLs, then over a fixed
//! number of mutations of them, from a fixed seed so that a run is the
//! same on every machine. `make fuzz` searches much further.

use std::path::Path;
use std::sync::LazyLock;

use normalizer_fuzz::{Case, URLS, check, seeds};
use normalizer_pipeline::Format;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

static SEEDS: LazyLock<Vec<Case>> = LazyLock::new(|| {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let seeds = seeds(&fixtures).unwrap_or_else(|error| panic!("{}: {error}", fixtures.display()));
    assert!(seeds.len() > 1, "no fixtures in {}", fixtures.display());
    seeds.into_iter().map(|(_, case)| case).collect()
});

/// Pieces the mutations insert: markup, marker words and characters the
/// stages treat specially.
const PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<figure><img src=x><figcaption>",
    "</figcaption></figure>",
    "<a href=\"/a\">",
    "</a>",
    "<ul><li>",
    "<br>",
    "<script>",
    "<!--",
    "-->",
    "<table><tr><td>",
    "&amp;",
    "&#x0;",
    "\n",
    "\n\n",
    "\r\n",
    "See also:",
    "By ",
    "Photo: ",
    "Comment:",
    "(Reporting by ",
    ";",
    ")",
    "Share this:",
    "©",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0301}",
    "İ",
    "https://x.example/a?utm_source=y",
    " – ",
    "- ",
];

/// One edit of a case's text, at a position taken modulo its length.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Byte(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), prop::sample::select(PIECES)).prop_map(|(at, piece)| Edit::Insert(at, piece)),
        (any::<usize>(), 0usize..2000).prop_map(|(at, len)| Edit::Delete(at, len)),
        (any::<usize>(), 0usize..400).prop_map(|(at, len)| Edit::Duplicate(at, len)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Byte(at, byte)),
    ]
}

/// `edits` applied to the bytes of a seed, read back as a case: a byte
/// edit may cut a character in two, as a fuzzer's would.
fn mutate(seed: &Case, first: u8, edits: &[Edit]) -> Case {
    let mut bytes = seed.text.as_bytes().to_vec();
    for edit in edits {
        let at = |at: usize| at % (bytes.len() + 1);
        match *edit {
            Edit::Insert(position, piece) => {
                let position = at(position);
                bytes.splice(position..position, piece.bytes());
            }
            Edit::Delete(position, len) => {
                let position = at(position);
                bytes.drain(position..(position + len).min(bytes.len()));
            }
            Edit::Duplicate(position, len) => {
                let position = at(position);
                let copy = bytes[position..(position + len).min(bytes.len())].to_vec();
                bytes.splice(position..position, copy);
            }
            Edit::Byte(position, byte) => {
                let position = at(position);
                if let Some(slot) = bytes.get_mut(position) {
                    *slot = byte;
                }
            }
        }
    }
    let mut data = vec![first];
    data.extend(bytes);
    Case::from_bytes(&data)
}

#[test]
fn every_fixture_passes_the_check_in_both_formats() {
    for (index, seed) in SEEDS.iter().enumerate() {
        for format in [Format::Text, Format::Html] {
            let case = Case {
                format,
                url: index % URLS.len(),
                ..seed.clone()
            };
            if let Err(violation) = check(&case) {
                panic!("{violation}\nin {case:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        rng_seed: RngSeed::Fixed(0x6e6f_726d),
        // The same cases every run: a failure is found again without a file.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_fixtures_pass_the_check(
        seed in any::<prop::sample::Index>(),
        first in any::<u8>(),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        let case = mutate(seed.get(&SEEDS), first, &edits);
        let outcome = check(&case);
        prop_assert!(outcome.is_ok(), "{}\nin {:?}", outcome.err().map(|v| v.to_string()).unwrap_or_default(), case);
    }
}
