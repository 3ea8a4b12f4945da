//! Print the goal statements of the `lint` benchmark
//! ([`careerplan_benches::goal_statements`]), one per line, so the Python and
//! Node benchmarks (`benches/python/lint_many.py`, `benches/node/lint.mjs`)
//! lint exactly the same texts as the native one.
//!
//! Run with `cargo run --profile bench -p careerplan-benches --example goal_statements -- [N]`
//! (default N: 10,000).

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(10_000), |a| a.parse())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for goal in careerplan_benches::goal_statements(n) {
        writeln!(out, "{goal}")?;
    }
    out.flush()?;
    Ok(())
}
