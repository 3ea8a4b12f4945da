//! CPU time of the ESCO import, for machines shared with other jobs, where
//! criterion's wall-clock figures include waiting for a core: run it under
//! `perf stat -e task-clock` with N = 0 and with N imports, and divide the
//! difference by N.
//!
//! `cargo build --profile bench -p careerplan-benches --example esco_import_cpu`
//! then `perf stat -e task-clock target/release/examples/esco_import_cpu 20`.

use careerplan::skills::esco::{self, EscoOptions};
use careerplan_benches::esco::esco_files_from_tsv;
use careerplan_benches::esco_tsv;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let files = esco_files_from_tsv(&esco_tsv());
    let sources = files.sources();
    let options = EscoOptions::default();
    let mut requirements = 0;
    for _ in 0..n {
        match esco::import(std::hint::black_box(&sources), &options) {
            Ok(out) => requirements += out.stats.requirements,
            Err(e) => panic!("{e}"),
        }
    }
    println!("{n} imports, {requirements} requirements in all");
}
