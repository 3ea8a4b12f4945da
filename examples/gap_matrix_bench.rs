//! Time the team readiness matrix over a file of people against O*NET's
//! occupations; used by `benches/python/gap_matrix.py` to compare the Python
//! binding with native Rust on the same data.
//!
//! Run with `cargo run --release -p careerplan-examples --example gap_matrix_bench -- PEOPLE.json ONET_DIR [RUNS]`.
//! `PEOPLE.json` is a list of people (`{"id", "skills": [...]}`); the catalog
//! is `Skills.txt` with titles from `Occupation Data.txt`, compiled once
//! before timing. Prints one JSON object: `{"people", "roles", "seconds",
//! "sum"}` where `seconds` is the fastest of `RUNS` (default 5) matrices and
//! `sum` adds up every cell (to check that both sides computed the same).

use std::path::Path;
use std::time::Instant;

use careerplan::skills::onet::{self, OnetOptions, OnetSources};
use careerplan::skills::{Catalog, Person, RankOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [people, dir, rest @ ..] = args.as_slice() else {
        return Err("usage: gap_matrix_bench PEOPLE.json ONET_DIR [RUNS]".into());
    };
    let runs: usize = rest.first().map_or(Ok(5), |r| r.parse())?;
    let people: Vec<Person> = serde_json::from_str(&std::fs::read_to_string(people)?)?;
    let read = |name: &str| std::fs::read_to_string(Path::new(dir).join(name));
    let (skills, occupations) = (read(onet::SKILLS_FILE)?, read(onet::OCCUPATIONS_FILE)?);
    let sources = OnetSources {
        skills: Some(&skills),
        occupations: Some(&occupations),
        ..Default::default()
    };
    let catalog = Catalog::new(onet::import(&sources, &OnetOptions::default())?.catalog);
    // Compiled once, before timing; every matrix below uses the kept form.
    let roles = catalog.compiled()?.len();
    let options = RankOptions::default();
    let mut best = f64::INFINITY;
    let mut sum = 0.0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let matrix = catalog.gap_matrix(&people, &options)?;
        best = best.min(start.elapsed().as_secs_f64());
        sum = matrix.readiness.iter().map(|&r| f64::from(r)).sum();
    }
    println!(
        "{}",
        serde_json::json!({"people": people.len(), "roles": roles, "seconds": best, "sum": sum})
    );
    Ok(())
}
