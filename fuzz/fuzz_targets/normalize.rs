//! The libFuzzer target: any bytes, as a plain-text or HTML article with one
//! of the URLs of `normalizer_fuzz::URLS`, must normalize without a panic to
//! a refusal the input explains or a well-formed record.

#![no_main]

use libfuzzer_sys::fuzz_target;
use normalizer_fuzz::{Case, check};

fuzz_target!(|data: &[u8]| {
    let case = Case::from_bytes(data);
    if let Err(violation) = check(&case) {
        panic!("{violation}");
    }
});
