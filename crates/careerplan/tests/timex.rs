//! The time-expression resolver on a public development set.
//!
//! `../shared/data/timex/recognizers-en.tsv` holds 628 English time expressions
//! derived from Microsoft Recognizers-Text's DateTime specs (MIT), each with a
//! reference date and the deadline(s) it should resolve to (see its README).
//! Every row goes through the linter as a user's goal text would, and the
//! report's `deadline` is compared with the expected date(s). `date` and
//! `end_of_range` rows together must reach 0.97; `past_range` is reported.

use std::collections::BTreeMap;
use std::path::PathBuf;

use careerplan::smart::{Context, DateOrder, LintConfig, Linter};
use chrono::NaiveDate;

struct Row {
    id: String,
    today: NaiveDate,
    expression: String,
    expected: Vec<NaiveDate>,
    kind: String,
}

fn rows() -> Vec<Row> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/timex/recognizers-en.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the time-expression development set is missing: {} ({e}); \
             it lives in ../shared/data/timex/ beside the repository",
            path.display()
        )
    });
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date in the TSV");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 6, "six columns: {l}");
            Row {
                id: c[0].to_string(),
                today: date(c[1]),
                expression: c[3].to_string(),
                expected: c[4].split('|').map(date).collect(),
                kind: c[5].to_string(),
            }
        })
        .collect()
}

#[test]
fn recognizers_development_set() {
    let rows = rows();
    assert!(rows.len() >= 600, "{} rows", rows.len());
    // The specs are US English: 10/1/2018 is October 1st.
    let config = LintConfig {
        numeric_date_order: DateOrder::MonthFirst,
        ..LintConfig::default()
    };
    let linter = Linter::new(config).unwrap();
    let mut right: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for r in &rows {
        let ctx = Context {
            today: Some(r.today),
            ..Context::default()
        };
        let got = linter.lint_text(&r.expression, &ctx).deadline;
        let ok = got.is_some_and(|d| r.expected.contains(&d));
        let e = right.entry(r.kind.as_str()).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            misses.push(format!(
                "{:<28} {:<12} {} {:<40} want {:<24} got {}",
                r.id,
                r.kind,
                r.today,
                format!("{:?}", r.expression),
                r.expected
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("|"),
                got.map_or_else(|| "-".to_string(), |d| d.to_string()),
            ));
        }
    }
    let share = |k: &str| right.get(k).map_or((0, 0), |&(a, b)| (a, b));
    let (d_ok, d_n) = share("date");
    let (e_ok, e_n) = share("end_of_range");
    let (p_ok, p_n) = share("past_range");
    let main = (d_ok + e_ok) as f64 / (d_n + e_n) as f64;
    let summary = format!(
        "date {d_ok}/{d_n}, end_of_range {e_ok}/{e_n}, together {main:.3}; past_range {p_ok}/{p_n} ({:.3})",
        p_ok as f64 / p_n.max(1) as f64
    );
    println!("{summary}");
    if std::env::var_os("TIMEX_MISSES").is_some() || main < 0.97 {
        for m in &misses {
            println!("{m}");
        }
    }
    assert!(main >= 0.97, "{summary}; misses above");
}
