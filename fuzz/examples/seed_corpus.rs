//! Writes the seed corpus of the fuzz target: one file per fixture, in the
//! bytes `Case::from_bytes` reads. `make fuzz` runs it before the fuzzer.
//!
//! Usage: `seed_corpus FIXTURES_DIR CORPUS_DIR`

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(fixtures), Some(corpus)) = (args.next(), args.next()) else {
        eprintln!("usage: seed_corpus FIXTURES_DIR CORPUS_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&corpus)?;
    let seeds = normalizer_fuzz::seeds(&fixtures)?;
    for (name, case) in &seeds {
        std::fs::write(corpus.join(format!("seed-{name}")), case.to_bytes())?;
    }
    println!("seed_corpus: {} seeds in {}", seeds.len(), corpus.display());
    Ok(())
}
