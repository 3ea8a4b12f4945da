//! Text as it comes in, on every road: a leading UTF-8 byte-order mark is
//! skipped (plans, catalogs, resumes, O*NET files, goal statements), and a
//! batch of statements reports a bad one in its place.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use careerplan::error::ErrorItem;
use careerplan::plan::{load_plan, validate_json};
use careerplan::skills::RoleCatalog;
use careerplan::skills::onet::{self, OnetOptions, OnetSources};
use careerplan::smart::{Context, LintConfig, Linter};

const EXAMPLE: &str = include_str!("../../../examples/data/plan.json");
const BOM: &str = "\u{feff}";

fn linter() -> Linter {
    Linter::new(LintConfig {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
        ..LintConfig::default()
    })
    .unwrap()
}

#[test]
fn documents_with_a_byte_order_mark_read_as_without() {
    let marked = format!("{BOM}{EXAMPLE}");
    assert_eq!(
        load_plan(&marked, &Default::default()).unwrap(),
        load_plan(EXAMPLE, &Default::default()).unwrap()
    );
    assert!(validate_json(&marked).valid);
    let value = careerplan::json::parse_value(&format!("{BOM}{{\"a\": 1}}"), "").unwrap();
    assert_eq!(value["a"], 1);
    let catalog = careerplan::skills::builtin_roles().to_json();
    assert_eq!(
        RoleCatalog::from_json(&format!("{BOM}{catalog}")).unwrap(),
        RoleCatalog::from_json(&catalog).unwrap()
    );
    let resume = r#"{"skills": [{"name": "SQL", "level": "Advanced"}]}"#;
    let options = careerplan::skills::resume::ResumeOptions::default();
    assert_eq!(
        careerplan::skills::resume::profile_from_json_resume(&format!("{BOM}{resume}"), &options)
            .unwrap(),
        careerplan::skills::resume::profile_from_json_resume(resume, &options).unwrap()
    );
    // Only the first mark is skipped: a second one is content, and no JSON.
    assert_eq!(
        load_plan(&format!("{BOM}{BOM}{EXAMPLE}"), &Default::default())
            .unwrap_err()
            .code(),
        "invalid-json"
    );
}

#[test]
fn onet_files_with_a_byte_order_mark() {
    let skills = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n\
11-1011.00\t2.A.1.a\tReading Comprehension\tIM\t4.12\t8\t0.1\t3.9\t4.3\tN\tn/a\t08/2023\tAnalyst\n\
11-1011.00\t2.A.1.a\tReading Comprehension\tLV\t4.62\t8\t0.183\t4.2664\t4.9836\tN\tN\t08/2023\tAnalyst\n";
    let marked = format!("{BOM}{skills}");
    let read = |text: &str| {
        onet::import(
            &OnetSources {
                skills: Some(text),
                ..Default::default()
            },
            &OnetOptions::default(),
        )
        .unwrap()
    };
    assert_eq!(read(&marked), read(skills));
}

#[test]
fn lint_spans_count_in_the_text_as_given() {
    let text = "Try to get better at sales soon.";
    let marked = format!("{BOM}{text}");
    let plain = linter().lint_text(text, &Context::default()).unwrap();
    let report = linter().lint_text(&marked, &Context::default()).unwrap();
    assert_eq!(report.text, marked);
    assert_eq!(report.codes(), plain.codes());
    assert!(!report.diagnostics.is_empty());
    for (d, p) in report.diagnostics.iter().zip(&plain.diagnostics) {
        assert_eq!(
            (d.span.start, d.span.end),
            (p.span.start + 3, p.span.end + 3)
        );
        // The span names the same words in the caller's string.
        assert_eq!(
            &marked[d.span.start..d.span.end],
            &text[p.span.start..p.span.end]
        );
        if let (Some(f), Some(g)) = (&d.fix, &p.fix) {
            assert_eq!(f.span.start, g.span.start + 3);
        }
    }
    // UTF-16 spans index a JS string that starts with the mark (one unit).
    let utf16 = report.clone().with_utf16_spans();
    let plain16 = plain.clone().with_utf16_spans();
    let (a, b) = (
        utf16.diagnostics[0].span_utf16.unwrap(),
        plain16.diagnostics[0].span_utf16.unwrap(),
    );
    assert_eq!((a.start, a.end), (b.start + 1, b.end + 1));
    // A deadline is still found after the mark.
    let report = linter()
        .lint_text(
            &format!("{BOM}Pass the CCNA exam by June 2027."),
            &Context::default(),
        )
        .unwrap();
    assert_eq!(report.deadline.unwrap().to_string(), "2027-06-30");
    assert_eq!(
        report.time_expressions[0].span.start,
        3 + "Pass the CCNA exam ".len()
    );
}

#[test]
fn one_bad_statement_costs_that_statement() {
    let long = "grow ".repeat(20_000);
    let texts = ["Grow.", long.as_str(), "Pass the CCNA exam by June 2027."];
    let out = linter().lint_many(&texts, &Context::default());
    assert_eq!(out.len(), 3);
    assert_eq!(
        out[0].as_ref().unwrap(),
        &linter().lint_text("Grow.", &Context::default()).unwrap()
    );
    let err = out[1].as_ref().unwrap_err();
    assert_eq!(
        (err.code(), err.path(), err.limit()),
        ("limit-exceeded", "texts[1]", Some("max_text_bytes"))
    );
    let item = serde_json::to_value(ErrorItem::from(err)).unwrap();
    assert_eq!(
        item,
        serde_json::json!({"error": {
            "code": "limit-exceeded",
            "message": "the text has 100000 bytes, more than the limit of 65536 for one goal statement (limit max_text_bytes)",
            "path": "texts[1]",
            "limit": "max_text_bytes",
        }})
    );
    assert!(out[2].is_ok());
    // Errors other than a limit carry no `limit`.
    let err = load_plan("{", &Default::default()).unwrap_err();
    let item = serde_json::to_value(ErrorItem::from(&err)).unwrap();
    assert!(item["error"].get("limit").is_none());
    assert_eq!(item["error"]["code"], "invalid-json");
}
