//! Integration tests of the SMART linter: the labelled dev set, time
//! expressions, rule examples and invariants.

use std::path::PathBuf;

use careerplan::smart::time::{TimeKind, find_time_expressions, find_time_expressions_with};
use careerplan::smart::{Context, DateOrder, LintConfig, LintReport, Linter, RuleScope, render_text, rules};
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn linter_at(today: &str) -> Linter {
    Linter::new(LintConfig {
        today: Some(date(today)),
        ..LintConfig::default()
    })
    .unwrap()
}

fn shared_data(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "missing test data {}: {e} (the shared data directory must sit next to the repository)",
            path.display()
        )
    })
}

// ---------------------------------------------------------------------------
// The labelled dev set
// ---------------------------------------------------------------------------

struct Row {
    id: String,
    labels: [Option<bool>; 4], // S, M, A, T
    deadline: Option<Vec<String>>, // None: not judged; Some(empty): none expected
    text: String,
}

fn dev_set() -> (NaiveDate, Vec<Row>) {
    let text = shared_data("smart-goals-dev.tsv");
    let today = text
        .lines()
        .find_map(|l| l.split("Reference date ").nth(1))
        .map(|rest| date(rest.trim_end_matches('.').trim()))
        .expect("the dev set names its reference date");
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with("id\t")) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 7, "bad row {line:?}");
        let label = |s: &str| match s {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        let deadline = match cols[5] {
            "-" => None,
            "none" => Some(Vec::new()),
            d => Some(d.split('|').map(str::to_string).collect()),
        };
        rows.push(Row {
            id: cols[0].to_string(),
            labels: [label(cols[1]), label(cols[2]), label(cols[3]), label(cols[4])],
            deadline,
            text: cols[6].to_string(),
        });
    }
    (today, rows)
}

fn adversarial(id: &str) -> bool {
    id.trim_start_matches('d').parse::<u32>().unwrap() >= 61
}

/// Macro-F1 over the two classes, skipping rows with no label.
fn macro_f1(pairs: &[(bool, bool)]) -> f64 {
    let f1 = |class: bool| {
        let tp = pairs.iter().filter(|(g, p)| *g == class && *p == class).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| *g != class && *p == class).count() as f64;
        let fnn = pairs.iter().filter(|(g, p)| *g == class && *p != class).count() as f64;
        if tp + fp + fnn == 0.0 { 1.0 } else { 2.0 * tp / (2.0 * tp + fp + fnn) }
    };
    (f1(true) + f1(false)) / 2.0
}

#[test]
fn dev_set_quality() {
    let (today, rows) = dev_set();
    let linter = linter_at(&today.to_string());
    let reports: Vec<LintReport> = rows.iter().map(|r| linter.lint_text(&r.text, &Context::default())).collect();
    let names = ["specific", "measurable", "achievable", "time_bound"];
    let mut failures = Vec::new();
    for (k, name) in names.iter().enumerate() {
        if k == 2 {
            continue;
        }
        for subset in ["all", "adversarial"] {
            let pairs: Vec<(bool, bool)> = rows
                .iter()
                .zip(&reports)
                .filter(|(r, _)| subset == "all" || adversarial(&r.id))
                .filter_map(|(r, rep)| {
                    let v = match k {
                        0 => rep.criteria.specific,
                        1 => rep.criteria.measurable,
                        _ => rep.criteria.time_bound,
                    };
                    r.labels[k].map(|g| (g, v.met == Some(true)))
                })
                .collect();
            let f1 = macro_f1(&pairs);
            println!("{name:<10} {subset:<11} macro-F1 {f1:.3} over {} goals", pairs.len());
            let bar = if subset == "all" { 0.93 } else { 0.85 };
            if f1 < bar {
                failures.push(format!("{name} {subset}: {f1:.3} < {bar}"));
            }
        }
    }
    for (r, rep) in rows.iter().zip(&reports) {
        for (k, name) in names.iter().enumerate() {
            let v = match k {
                0 => rep.criteria.specific,
                1 => rep.criteria.measurable,
                2 => rep.criteria.achievable,
                _ => rep.criteria.time_bound,
            };
            let Some(gold) = r.labels[k] else {
                if k == 2 && v.met == Some(false) {
                    failures.push(format!("{} flagged unachievable without a label: {}", r.id, r.text));
                }
                continue;
            };
            let predicted = v.met == Some(true);
            let wrong = if k == 2 { (v.met == Some(false)) != !gold } else { predicted != gold };
            if wrong {
                println!("  {} {name}: expected {gold}, got {:?} ({}) | {}", r.id, v.met, v.score, r.text);
                if k == 2 {
                    failures.push(format!("{} achievable: expected {gold}, got {:?}: {}", r.id, v.met, r.text));
                }
            }
        }
        if let Some(expected) = &r.deadline {
            let got = rep.deadline.map(|d| d.to_string());
            let ok = match &got {
                None => expected.is_empty(),
                Some(d) => expected.contains(d),
            };
            if !ok {
                failures.push(format!("{} deadline: expected {expected:?}, got {got:?}: {}", r.id, r.text));
            }
        }
    }
    assert!(failures.is_empty(), "dev-set failures:\n{}", failures.join("\n"));
}
