//! Integration tests of the plan document: loading, validation codes with
//! their paths, migration, and lossless round-trips.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use careerplan::Severity;
use careerplan::plan::{Plan, load_plan, validate_json};
use serde_json::{Value, json};

const EXAMPLE: &str = include_str!("../../../examples/data/plan.json");

fn plan(extra: Value) -> Plan {
    let mut doc = json!({"schema_version": 1, "id": "p"});
    for (k, v) in extra.as_object().unwrap() {
        doc[k] = v.clone();
    }
    load_plan(&doc.to_string(), &Default::default()).unwrap()
}

/// The (code, path, severity) triples a plan produces.
fn findings(p: &Plan) -> Vec<(String, String, Severity)> {
    p.validate()
        .into_iter()
        .map(|x| (x.code.as_str().to_string(), x.path, x.severity))
        .collect()
}

fn has(p: &Plan, code: &str, path: &str, severity: Severity) {
    let f = findings(p);
    assert!(
        f.iter()
            .any(|(c, q, s)| c == code && q == path && *s == severity),
        "expected {code} at {path} ({severity}), got {f:?}"
    );
}

#[test]
fn example_plan_is_valid_and_complete() {
    let p = load_plan(EXAMPLE, &Default::default()).unwrap();
    assert_eq!(findings(&p), vec![]);
    assert!(p.goals.len() >= 4 && p.actions.len() >= 6);
    assert!(!p.contacts.is_empty() && !p.feedback.is_empty() && !p.reviews.is_empty());
    assert!(p.actions.iter().any(|a| !a.obstacles.is_empty()));
    assert!(p.actions.iter().any(|a| !a.resources.is_empty()));
}

#[test]
fn every_validation_code_has_its_path() {
    let g = |id: &str, extra: Value| {
        let mut v = json!({"id": id, "title": format!("Goal {id}")});
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v
    };
    has(
        &plan(json!({"goals": [g("a", json!({})), g("a", json!({}))]})),
        "duplicate-id",
        "goals[1].id",
        Severity::Error,
    );
    has(
        &plan(json!({"goals": [g(" ", json!({}))]})),
        "empty-id",
        "goals[0].id",
        Severity::Error,
    );
    has(
        &plan(json!({"goals": [g("a", json!({"parent_id": "zz"}))]})),
        "dangling-reference",
        "goals[0].parent_id",
        Severity::Error,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({}))], "actions": [{"id": "x", "goal_id": "nope", "title": "t"}]}),
        ),
        "dangling-reference",
        "actions[0].goal_id",
        Severity::Error,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({"parent_id": "c"})), g("b", json!({"parent_id": "a"})), g("c", json!({"parent_id": "b"}))]}),
        ),
        "goal-cycle",
        "goals[0].parent_id",
        Severity::Error,
    );
    has(
        &plan(json!({"goals": [g("a", json!({"parent_id": "a"}))]})),
        "goal-cycle",
        "goals[0].parent_id",
        Severity::Error,
    );
    has(
        &plan(json!({"goals": [g("a", json!({"start": "2027-05-01", "deadline": "2027-04-01"}))]})),
        "deadline-before-start",
        "goals[0].deadline",
        Severity::Error,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({"deadline": "2027-06-30"})), g("b", json!({"parent_id": "a", "deadline": "2027-07-01"}))]}),
        ),
        "child-after-parent",
        "goals[1].deadline",
        Severity::Error,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({"deadline": "2027-06-30"}))], "actions": [{"id": "x", "goal_id": "a", "title": "t", "due": "2027-07-02"}]}),
        ),
        "action-after-goal",
        "actions[0].due",
        Severity::Warning,
    );
    has(
        &plan(json!({"profile": {"skills": [{"skill": "SQL", "level": 6, "scale": "dreyfus-5"}]}})),
        "level-out-of-scale",
        "profile.skills[0].level",
        Severity::Error,
    );
    has(
        &plan(json!({"profile": {"skills": [{"skill": "SQL", "level": 2, "scale": "belts"}]}})),
        "unknown-scale",
        "profile.skills[0].scale",
        Severity::Error,
    );
    // A custom scale defined in the plan makes the same assessment valid.
    let custom = plan(
        json!({"scales": [{"id": "belts", "min": 0, "max": 9}], "profile": {"skills": [{"skill": "SQL", "level": 2, "scale": "belts"}]}}),
    );
    assert_eq!(findings(&custom), vec![]);
    has(
        &plan(json!({"goals": [g("a", json!({"priority": {"importance": 9, "feasibility": 3}}))]})),
        "priority-out-of-range",
        "goals[0].priority.importance",
        Severity::Error,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({"horizon": "short", "start": "2027-01-01", "deadline": "2029-06-30"}))]}),
        ),
        "horizon-mismatch",
        "goals[0].horizon",
        Severity::Warning,
    );
    has(
        &plan(json!({"goals": [g("a", json!({"values": ["fame"]}))]})),
        "unknown-value",
        "goals[0].values[0]",
        Severity::Warning,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({"metric": {"name": "x", "baseline": 3, "target": 3}}))]}),
        ),
        "metric-without-change",
        "goals[0].metric.target",
        Severity::Warning,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({}))], "actions": [{"id": "x", "goal_id": "a", "title": "t", "effort_hours": -2}]}),
        ),
        "negative-number",
        "actions[0].effort_hours",
        Severity::Error,
    );
    has(
        &plan(json!({"goals": [{"id": "a", "title": "  "}]})),
        "empty-text",
        "goals[0].title",
        Severity::Error,
    );
    has(
        &plan(
            json!({"goals": [g("a", json!({}))], "reviews": [{"id": "r", "date": "2026-01-01", "progress": [{"goal_id": "gone", "percent": 10}]}]}),
        ),
        "dangling-reference",
        "reviews[0].progress[0].goal_id",
        Severity::Warning,
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let p = plan(json!({"goals": [
        {"id": "a", "title": "x", "parent_id": "missing"},
        {"id": "a", "title": "y", "start": "2027-02-01", "deadline": "2027-01-01"}
    ]}));
    let codes: Vec<String> = findings(&p).into_iter().map(|f| f.0).collect();
    assert_eq!(
        codes,
        [
            "duplicate-id",
            "dangling-reference",
            "deadline-before-start"
        ]
    );
}

#[test]
fn loading_errors_carry_codes_and_paths() {
    let cases = [
        ("{", "invalid-json", ""),
        (r#"{"schema_version": 1, "id": 5}"#, "invalid-value", "id"),
        (r#"{"schema_version": 1}"#, "invalid-value", ""),
        (
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "deadline": "2027-13-01"}]}"#,
            "invalid-date",
            "goals[0].deadline",
        ),
        (
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "status": "finished"}]}"#,
            "invalid-value",
            "goals[0].status",
        ),
        (
            r#"{"schema_version": 1, "id": "p", "contacts": [{"id": "c", "name": "n", "relation": "mentor", "cadence": "hourly"}]}"#,
            "invalid-value",
            "contacts[0].cadence",
        ),
        (
            r#"{"schema_version": 1, "id": "p", "created": "yesterday"}"#,
            "invalid-value",
            "created",
        ),
        (
            r#"{"schema_version": 2, "id": "p"}"#,
            "unsupported-schema-version",
            "schema_version",
        ),
        (
            r#"{"schema_version": "one", "id": "p"}"#,
            "invalid-value",
            "schema_version",
        ),
        ("[]", "invalid-value", ""),
    ];
    for (text, code, path) in cases {
        let err = load_plan(text, &Default::default()).unwrap_err();
        assert_eq!((err.code(), err.path()), (code, path), "{text}: {err}");
        let v = validate_json(text);
        assert!(!v.valid);
        assert_eq!(v.problems[0].code.as_str(), code);
    }
    let missing = load_plan(r#"{"schema_version": 1}"#, &Default::default()).unwrap_err();
    assert!(
        missing.to_string().contains("missing field `id`"),
        "{missing}"
    );
}

#[test]
fn version_zero_documents_load() {
    let v0 = r#"{"id": "old", "owner": "Ada", "skills": {"Python": 3},
        "goals": [{"id": "g", "title": "Ship it", "term": "short-term", "due": "2027-01-31", "custom": true}]}"#;
    let p = load_plan(v0, &Default::default()).unwrap();
    assert_eq!(p.schema_version, 1);
    assert_eq!(p.owner.unwrap().name, "Ada");
    assert_eq!(p.profile.skills[0].skill, "Python");
    assert_eq!(p.goals[0].deadline.unwrap().to_string(), "2027-01-31");
    assert_eq!(p.goals[0].extra["custom"], json!(true));
}

#[test]
fn example_round_trips_exactly() {
    let p = load_plan(EXAMPLE, &Default::default()).unwrap();
    let again = load_plan(&p.to_json(), &Default::default()).unwrap();
    assert_eq!(p, again);
    let original: Value = serde_json::from_str(EXAMPLE).unwrap();
    assert_eq!(
        p.to_value(),
        original,
        "the example is written in canonical form"
    );
}

#[test]
fn extension_fields_survive_at_every_level() {
    let doc = json!({
        "schema_version": 1, "id": "p", "x-app": {"theme": "dark"},
        "owner": {"name": "A", "x-owner": 1},
        "profile": {"x-profile": [1, 2], "skills": [{"skill": "SQL", "level": 3, "scale": "dreyfus-5", "x-skill": "s"}],
                    "values": [{"name": "growth", "x-v": null}]},
        "goals": [{"id": "g", "title": "t", "status": "done", "x-goal": {"nested": [true]},
                   "priority": {"importance": 3, "feasibility": 3, "x-p": 1},
                   "metric": {"name": "m", "target": 5, "x-m": "u"}}],
        "actions": [{"id": "a", "goal_id": "g", "title": "t", "status": "not_started", "x-a": 1,
                     "resources": [{"kind": "money", "x-r": 2}], "obstacles": [{"description": "d", "x-o": 3}]}],
        "contacts": [{"id": "c", "name": "n", "relation": "peer", "x-c": 4}],
        "reviews": [{"id": "r", "date": "2026-01-01", "x-r": 5,
                     "answers": [{"prompt": "p", "answer": "a", "x-ans": 6}],
                     "changes": [{"kind": "other", "x-ch": 7}]}],
        "review_policy": {"cadence": {"every": 6, "unit": "weeks"}, "x-pol": 8}
    });
    let p = load_plan(&doc.to_string(), &Default::default()).unwrap();
    assert_eq!(p.to_value(), doc);
}
