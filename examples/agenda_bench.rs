//! Time the agenda over a file of plans; used by
//! `benches/python/agenda_vs_dateutil.py` to compare with python-dateutil.
//!
//! Run with `cargo run --release -p careerplan-examples --example agenda_bench -- PLANS.jsonl FROM TO [RUNS]`.
//! Prints one JSON object: `{"plans", "events", "seconds"}` where `seconds`
//! is the fastest of `RUNS` (default 3) passes over all plans, after loading.

use std::time::Instant;

use careerplan::limits::Limits;
use careerplan::plan::{date::parse_date, load_plan};
use careerplan::schedule::{AgendaOptions, agenda};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, from, to, rest @ ..] = args.as_slice() else {
        return Err("usage: agenda_bench PLANS.jsonl FROM TO [RUNS]".into());
    };
    let runs: usize = rest.first().map_or(Ok(3), |r| r.parse())?;
    let (from, to) = (parse_date(from)?, parse_date(to)?);
    let text = std::fs::read_to_string(path)?;
    let plans = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| load_plan(line, &Limits::default()))
        .collect::<Result<Vec<_>, _>>()?;
    let options = AgendaOptions::default();
    let mut best = f64::INFINITY;
    let mut events = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let mut n = 0;
        for plan in &plans {
            n += agenda(plan, from, to, &options)?.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
        events = n;
    }
    println!(
        "{}",
        serde_json::json!({"plans": plans.len(), "events": events, "seconds": best})
    );
    Ok(())
}
