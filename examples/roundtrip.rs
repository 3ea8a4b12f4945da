//! The Rust hops of the cross-language round-trip test
//! (`tests/roundtrip/test_roundtrip.py`, run by `scripts/test`).
//!
//! ```text
//! roundtrip load < plan.json                      the plan, loaded (and migrated), as canonical JSON
//! roundtrip record-review REVIEW.json < plan.json the same after recording the review
//! roundtrip same A.json B.json                    exit 0 when both are the same JSON value
//! ```
//!
//! `same` compares `serde_json::Value`s, so `1` and `1.0` differ, as do the
//! orders of arrays; key order does not matter.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("roundtrip: {message}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn stdin_plan() -> Result<careerplan::plan::Plan, String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("stdin: {e}"))?;
    careerplan::plan::load_plan(&text, &Default::default())
        .map_err(|e| format!("{e} [{}]", e.code()))
}

fn run() -> Result<ExitCode, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["load"] => {
            print!("{}", stdin_plan()?.to_json());
            Ok(ExitCode::SUCCESS)
        }
        ["record-review", review] => {
            let mut plan = stdin_plan()?;
            let review = serde_json::from_str(&read(review)?).map_err(|e| e.to_string())?;
            careerplan::schedule::record_review(&mut plan, review)
                .map_err(|e| format!("{e} [{}]", e.code()))?;
            print!("{}", plan.to_json());
            Ok(ExitCode::SUCCESS)
        }
        ["same", a, b] => {
            let parse = |path: &str| -> Result<serde_json::Value, String> {
                serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))
            };
            let (va, vb) = (parse(a)?, parse(b)?);
            if va == vb {
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("roundtrip: {a} and {b} differ");
                Ok(ExitCode::from(1))
            }
        }
        _ => Err("usage: roundtrip load | record-review REVIEW.json | same A.json B.json".into()),
    }
}
