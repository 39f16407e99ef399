//! The benchmarks' floor: walk the paths as `medlint check` does, read each
//! file and run pulldown-cmark over it, on all cores, and nothing else.
//! `bench/run.sh` compares the whole lint with this.
//!
//!     cargo run --release --example parse_floor -- PATHS…

use rayon::prelude::*;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let inputs: Vec<medlint::discover::Input> =
        medlint::discover::discover(paths, Vec::new(), Default::default()).collect();
    let events: usize = inputs
        .par_iter()
        .map(|input| match input {
            medlint::discover::Input::File(path) => std::fs::read_to_string(path)
                .map(|text| pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::all()).count())
                .unwrap_or(0),
            _ => 0,
        })
        .sum();
    println!("{} files, {events} events", inputs.len());
}
