//! Resource limits: inputs over a limit fail fast with `limit-exceeded`, and
//! the linter finishes on multi-megabyte adversarial text.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use careerplan::limits::Limits;
use careerplan::plan::load_plan;
use careerplan::schedule::{AgendaOptions, agenda, next_review};
use careerplan::smart::{Context, Linter};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn linter_finishes_on_multi_megabyte_adversarial_text() {
    // Each pattern once made some matcher rescan from every token; the
    // linter must stay linear. No timing assertion: it has to finish.
    // `Limits::none()` lifts the text limit, which would refuse the text.
    let unlimited = Linter::new(careerplan::smart::LintConfig {
        limits: Limits::none(),
        ..Default::default()
    })
    .unwrap();
    let linter = Linter::default();
    let ctx = Context {
        today: Some(d(2026, 11, 22)),
        ..Context::default()
    };
    // One 2 MiB text made of runs of each pattern (the debug build of the
    // test suite lints about 150 KB/s; a release build is far faster).
    let patterns = [
        "in ",
        "one hundred ",
        "one thousand ",
        "1",
        "3/4/",
        "within 3 ",
        "twenty-",
        "Q1 ",
        "by June ",
        "\u{5d0}\u{5d1} \u{1f389}e\u{301} ",
        // The time resolver's fragments, ranges, weekday searches and compound spans.
        "/ ",
        "(1998 ",
        "monday the ",
        "from 4 to ",
        "2 weeks and 2 ",
        "next week on ",
        "the last ",
    ];
    let run = 2 * 1024 * 1024 / patterns.len();
    let text: String = patterns.iter().map(|p| p.repeat(run / p.len())).collect();
    let started = std::time::Instant::now();
    let report = unlimited.lint_text(&text, &ctx).unwrap();
    eprintln!(
        "linted {} bytes of adversarial text in {:?}",
        text.len(),
        started.elapsed()
    );
    assert_eq!(report.text.len(), text.len());
    assert!(report.diagnostics.iter().all(|d| d.span.end <= text.len()));
    let err = linter.lint_text(&text, &ctx).unwrap_err();
    assert_eq!(
        (err.code(), err.path(), err.limit()),
        ("limit-exceeded", "text", Some("max_text_bytes"))
    );
}

fn goals(n: usize) -> String {
    let goals: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"g{i}","title":"Goal {i}"}}"#))
        .collect();
    format!(
        r#"{{"schema_version":1,"id":"p","goals":[{}]}}"#,
        goals.join(",")
    )
}

#[test]
fn plans_over_the_limits_are_refused_with_the_limit_named() {
    let err = load_plan(&goals(10_001), &Default::default()).unwrap_err();
    assert_eq!(
        (err.code(), err.path(), err.limit()),
        ("limit-exceeded", "goals", Some("max_entities"))
    );
    assert!(load_plan(&goals(10_000), &Default::default()).is_ok());

    let deep = format!(
        r#"{{"schema_version":1,"id":"p","x":{}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = load_plan(&deep, &Default::default()).unwrap_err();
    assert_eq!(
        (err.code(), err.limit()),
        ("limit-exceeded", Some("max_depth"))
    );
    assert_eq!(err.path(), format!("x{}", "[0]".repeat(63)));
    let value: serde_json::Value = serde_json::from_str(&format!(
        r#"{{"schema_version":1,"id":"p","x":{}{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    ))
    .unwrap_or(serde_json::Value::Null);
    let err = careerplan::plan::load_plan(value, &Default::default()).unwrap_err();
    assert_eq!(err.path(), format!("x{}", "[0]".repeat(63)));

    let big = format!(
        r#"{{"schema_version":1,"id":"p","note":"{}"}}"#,
        "x".repeat(16 * 1024 * 1024)
    );
    let err = load_plan(&big, &Default::default()).unwrap_err();
    assert_eq!(
        (err.code(), err.path(), err.limit()),
        ("limit-exceeded", "", Some("max_input_bytes"))
    );
    let loose = Limits::none();
    assert!(careerplan::plan::load_plan(&big, &loose).is_ok());
    assert!(careerplan::plan::load_plan(&goals(10_001), &loose).is_ok());
}

#[test]
fn agendas_over_the_limits_are_refused() {
    let plan = load_plan(
        r#"{"schema_version":1,"id":"p",
            "contacts":[{"id":"c","name":"Ann","relation":"mentor","cadence":{"every":1,"unit":"days"},"last_contact":"2026-01-01"}]}"#, &Default::default(),
    )
    .unwrap();
    let options = AgendaOptions::default();
    let err = agenda(&plan, d(2000, 1, 1), d(2101, 1, 1), &options).unwrap_err();
    assert_eq!(
        (err.code(), err.path(), err.limit()),
        ("limit-exceeded", "to", Some("max_agenda_years"))
    );
    assert!(agenda(&plan, d(2026, 1, 1), d(2027, 1, 1), &options).is_ok());
    let tight = AgendaOptions {
        limits: Limits {
            max_events: 100,
            ..Limits::default()
        },
        ..AgendaOptions::default()
    };
    let err = agenda(&plan, d(2026, 1, 1), d(2027, 1, 1), &tight).unwrap_err();
    assert_eq!(
        (err.code(), err.limit()),
        ("limit-exceeded", Some("max_events"))
    );
    // next_review looks ahead no further than the span limit allows.
    let rare = load_plan(
        r#"{"schema_version":1,"id":"p",
            "review_policy":{"cadence":{"every":150,"unit":"years"},"anchor":"2000-01-01"}}"#,
        &Default::default(),
    )
    .unwrap();
    assert_eq!(next_review(&rare, d(2026, 6, 1), &options).unwrap(), None);
    let far = AgendaOptions {
        limits: Limits {
            max_agenda_years: 200,
            ..Limits::default()
        },
        ..AgendaOptions::default()
    };
    let next = next_review(&rare, d(2026, 6, 1), &far).unwrap().unwrap();
    assert_eq!(next.date, d(2150, 1, 1));
}

#[test]
fn limits_are_options_with_strict_keys() {
    let config: careerplan::smart::LintConfig =
        serde_json::from_str(r#"{"today": "2026-11-22", "limits": {"max_text_bytes": 4}}"#)
            .unwrap();
    let linter = Linter::new(config).unwrap();
    let err = linter.lint_text("Grow.", &Context::default()).unwrap_err();
    assert_eq!((err.path(), err.limit()), ("text", Some("max_text_bytes")));
    assert!(linter.lint_text("Grow", &Context::default()).is_ok());
    let out = linter.lint_many(&["ok", "too long"], &Context::default());
    assert!(out[0].is_ok());
    assert_eq!(out[1].as_ref().unwrap_err().path(), "texts[1]");
    assert!(
        serde_json::from_str::<AgendaOptions>(r#"{"limits": {"max_event": 5}}"#).is_err(),
        "a misspelt limit is an error"
    );
    let options: AgendaOptions = serde_json::from_str(r#"{"limits": {"max_events": 5}}"#).unwrap();
    assert_eq!(options.limits.max_events, 5);
    assert_eq!(
        options.limits.max_agenda_years,
        Limits::default().max_agenda_years
    );
}
