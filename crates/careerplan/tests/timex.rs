//! The time-expression resolver on a public development set.
//!
//! `../shared/data/timex/recognizers-en.tsv` holds 628 English time expressions
//! derived from Microsoft Recognizers-Text's DateTime specs (MIT), each with a
//! reference date and the deadline(s) it should resolve to (see its README).
//! Every row goes through the linter as a user's goal text would, and the
//! report's `deadline` is compared with the expected date(s). `date` and
//! `end_of_range` rows together must reach 0.97; `past_range` is reported.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

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
        let got = linter.lint_text(&r.expression, &ctx).unwrap().deadline;
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

mod invariants {
    use careerplan::smart::time::{
        NextWeekday, TimeKind, TimeOptions, WeekStart, find_time_expressions_in,
    };
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// Words and marks the grammar reads, so random sentences hit its forms.
    const WORDS: &[&str] = &[
        "by",
        "before",
        "after",
        "from",
        "to",
        "between",
        "and",
        "within",
        "in",
        "on",
        "of",
        "the",
        "next",
        "last",
        "this",
        "coming",
        "past",
        "following",
        "week",
        "weeks",
        "month",
        "quarter",
        "year",
        "years",
        "days",
        "business",
        "day",
        "weekend",
        "monday",
        "fri",
        "sunday",
        "mondays",
        "march",
        "may",
        "dec",
        "Q3",
        "H2",
        "FY27",
        "29q2",
        "2027",
        "1999",
        "27",
        "12",
        "31",
        "30",
        "2",
        "0",
        "99999",
        "1st",
        "2nd",
        "third",
        "last",
        "first",
        "twenty",
        "nineteen",
        "ninety",
        "thousand",
        "hundred",
        "ago",
        "from now",
        "tomorrow",
        "yesterday",
        "end",
        "start",
        "middle",
        "early",
        "mid",
        "christmas",
        "thanksgiving",
        "easter",
        "new",
        "year's",
        "eve",
        "after next",
        "rest",
        "week 53",
        "the 1990s",
        "-",
        "/",
        ".",
        ",",
        ":",
        "(",
        ")",
        "4/20",
        "2027-02-30",
        "31/04/2027",
        "2028/05",
        "5pm",
        "at",
        "noon",
        "EOD",
        "now",
    ];

    fn sentence() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(WORDS), 0..14).prop_map(|w| w.join(" "))
    }

    fn options() -> impl Strategy<Value = TimeOptions> {
        (any::<bool>(), any::<bool>()).prop_map(|(sunday, nearest)| TimeOptions {
            week_start: if sunday {
                WeekStart::Sunday
            } else {
                WeekStart::Monday
            },
            next_weekday: if nearest {
                NextWeekday::Nearest
            } else {
                NextWeekday::FollowingWeek
            },
            ..TimeOptions::default()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Any text at any reference date: no panic, spans on character
        /// boundaries in order, dates within the document range, and a date
        /// exactly where the kind says there is one.
        #[test]
        fn every_expression_is_well_formed(
            text in sentence(),
            days in -700_000i64..2_900_000,
            opts in options(),
        ) {
            let today = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Duration::days(days);
            let found = find_time_expressions_in(&text, today, &opts);
            let mut last_end = 0;
            for e in &found {
                prop_assert!(e.span.start < e.span.end && e.span.end <= text.len());
                prop_assert!(e.span.start >= last_end, "overlap in {:?}", text);
                prop_assert_eq!(&text[e.span.start..e.span.end], e.text.as_str());
                last_end = e.span.end;
                if let Some(d) = e.date {
                    prop_assert!((0..=9999).contains(&chrono::Datelike::year(&d)));
                }
                if e.kind == TimeKind::ImpossibleDate || e.kind == TimeKind::UnknownAnchor {
                    prop_assert!(e.date.is_none());
                }
                prop_assert_eq!(e.deadline, e.kind.is_deadline());
            }
        }
    }
}
