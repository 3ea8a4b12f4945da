//! The career-plan document: its entities, loading with migration, validation
//! and JSON Schema.
//!
//! # The document
//! One JSON object with `snake_case` keys, dates as `YYYY-MM-DD`, instants in
//! RFC 3339 and a top-level `"schema_version"`. Entities carry stable string
//! ids and refer to each other by id (`parent_id`, `goal_id`, `contact_id`).
//! Fields the model does not know are preserved at every level.
//!
//! # Loading
//! [`load_plan`] reads JSON text or a JSON value ([`PlanSource`]) within
//! [`Limits`], migrates an older (or unversioned) document
//! to [`SCHEMA_VERSION`], refuses a newer one, and reports the JSON path of
//! any field that does not fit (`goals[2].deadline: expected a date as
//! YYYY-MM-DD, got "2027-02-30" (month 2 of 2027 has no day 30)`).
//!
//! # Validation
//! [`Plan::validate`] checks the rules that span entities and returns every
//! problem at once; see [`validate`] for the list of codes.

pub mod cadence;
pub use crate::document::date;
pub mod migrate;
mod model;
pub use crate::document::number;
pub mod outline;
pub mod schema;
pub mod validate;

pub use cadence::{Cadence, CadenceUnit};
pub use date::Timestamp;
pub use migrate::SCHEMA_VERSION;
pub use model::*;
pub use validate::{Problem, ProblemCode, Validation, validate_json};

use crate::Error;
use crate::limits::Limits;

/// What [`load_plan`] reads: JSON text, or a JSON value already parsed.
///
/// Built with `From`: `load_plan(text, ..)` for a `&str` or `&String`,
/// `load_plan(value, ..)` for a `serde_json::Value`.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanSource<'a> {
    /// JSON text. A leading byte-order mark is skipped; the size limit
    /// (`max_input_bytes`) applies.
    Text(&'a str),
    /// An already-parsed JSON value (from a binding's dict or object, or
    /// a larger document). The size limit does not apply: the value is
    /// already in memory; depth and list lengths are checked.
    Value(serde_json::Value),
}

impl<'a> From<&'a str> for PlanSource<'a> {
    fn from(text: &'a str) -> PlanSource<'a> {
        PlanSource::Text(text)
    }
}

impl<'a> From<&'a String> for PlanSource<'a> {
    fn from(text: &'a String) -> PlanSource<'a> {
        PlanSource::Text(text)
    }
}

impl From<serde_json::Value> for PlanSource<'_> {
    fn from(value: serde_json::Value) -> Self {
        PlanSource::Value(value)
    }
}

/// Read a plan from JSON text or a JSON value, migrating older schema
/// versions, within `limits` on size, nesting depth and list lengths
/// (checked before and after parsing; see [`crate::limits`]).
/// `&Limits::default()` suits input from outside; [`Limits::none`] lifts
/// them.
///
/// ```
/// use careerplan::limits::Limits;
/// use careerplan::plan::load_plan;
/// let plan = load_plan(r#"{"schema_version": 1, "id": "p"}"#, &Limits::default())?;
/// assert_eq!(plan.id, "p");
/// let value = serde_json::json!({"schema_version": 1, "id": "p"});
/// assert_eq!(load_plan(value, &Limits::default())?, plan);
/// let err = load_plan(r#"{"schema_version": 1, "id": "p",
///     "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}"#, &Limits::default()).unwrap_err();
/// assert_eq!(err.code(), "invalid-date");
/// assert_eq!(err.path(), "goals[0].deadline");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidJson`] for malformed text, [`Error::InvalidValue`] (code
/// `invalid-value` or `invalid-date`) for content that does not fit the model,
/// [`Error::UnsupportedSchemaVersion`] for a document from a newer library,
/// [`Error::LimitExceeded`] for a document over `limits`, naming the limit
/// and the path.
pub fn load_plan<'a>(input: impl Into<PlanSource<'a>>, limits: &Limits) -> Result<Plan, Error> {
    match input.into() {
        PlanSource::Text(json) => {
            // A byte-order mark fails the direct parse, and the road through a
            // value (`json::parse_value`) skips it (`crate::text`).
            limits.check_json_text(json)?;
            let plan = parse_plan(json)?;
            plan.check_limits(limits)?;
            Ok(plan)
        }
        PlanSource::Value(value) => plan_from_value(value, limits),
    }
}

fn parse_plan(json: &str) -> Result<Plan, Error> {
    #[cfg(feature = "direct-parse")]
    return parse_plan_direct(json);
    #[cfg(not(feature = "direct-parse"))]
    return parse_plan_via_value(json);
}

/// The fast path: most documents are current and well-formed, so they are
/// parsed straight into the model. Everything else (another version, or an
/// error to report) goes through a JSON value, so an error is the same,
/// message and path, with or without `direct-parse`.
#[cfg(feature = "direct-parse")]
fn parse_plan_direct(json: &str) -> Result<Plan, Error> {
    match serde_json::from_str::<Plan>(json) {
        Ok(plan) if plan.schema_version == SCHEMA_VERSION => Ok(plan),
        _ => parse_plan_via_value(json),
    }
}

/// Without `direct-parse`, text goes through a JSON value like every other
/// input, so the model's deserialization code exists once (for
/// `serde_json::Value`); the WebAssembly build saves that much download.
/// With `direct-parse`, older documents and every error take this path too;
/// a test holds both paths to the same plan on every document.
fn parse_plan_via_value(json: &str) -> Result<Plan, Error> {
    plan_from_value(crate::json::parse_value(json, "")?, &Limits::none())
}

/// A plan from a JSON value: depth, migration, the model, list lengths.
fn plan_from_value(mut value: serde_json::Value, limits: &Limits) -> Result<Plan, Error> {
    limits.check_value_depth(&value)?;
    migrate::migrate(&mut value)?;
    let plan: Plan = crate::json::from_value(value, "")?;
    plan.check_limits(limits)?;
    Ok(plan)
}

impl Plan {
    /// The plan as pretty-printed JSON (two-space indent, trailing newline).
    pub fn to_json(&self) -> String {
        crate::json::to_pretty_text(self)
    }

    /// The plan as a JSON value.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// Check every rule that spans entities; see [`validate`].
    pub fn validate(&self) -> Vec<Problem> {
        validate::validate(self)
    }

    /// Check the length of every list of the plan against
    /// `limits.max_entities` (the loaders do this after parsing).
    ///
    /// # Errors
    /// [`Error::LimitExceeded`] for `max_entities`, at the list's path.
    pub fn check_limits(&self, limits: &Limits) -> Result<(), Error> {
        let p = &self.profile;
        limits.check_entities(&[
            ("aspirations", self.aspirations.len()),
            ("goals", self.goals.len()),
            ("actions", self.actions.len()),
            ("contacts", self.contacts.len()),
            ("achievements", self.achievements.len()),
            ("feedback", self.feedback.len()),
            ("reviews", self.reviews.len()),
            ("scales", self.scales.len()),
            ("profile.skills", p.skills.len()),
            ("profile.values", p.values.len()),
            ("profile.interests", p.interests.len()),
            ("profile.strengths", p.strengths.len()),
            ("profile.weaknesses", p.weaknesses.len()),
            ("profile.personality", p.personality.len()),
            ("profile.experience", p.experience.len()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_the_bad_field() {
        let err = load_plan(
            r#"{"schema_version":1,"id":"p","goals":[{"id":"a","title":"x"},{"id":"b","title":"y","priority":{"importance":"high","feasibility":3}}]}"#, &Default::default(),
        )
        .unwrap_err();
        assert_eq!(err.path(), "goals[1].priority.importance");
        assert_eq!(err.code(), "invalid-value");
    }

    #[test]
    fn malformed_json_reports_position() {
        let err = load_plan("{\n  \"id\": }", &Default::default()).unwrap_err();
        assert_eq!(err.code(), "invalid-json");
        assert_eq!(err.path(), "id");
        assert!(err.to_string().starts_with("id: line 2, column"), "{err}");
    }

    #[test]
    fn syntax_errors_name_the_value_being_parsed() {
        let err = load_plan(
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t",}]}"#,
            &Default::default(),
        )
        .unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-json", "goals[0]"));
        let err = load_plan(r#"{"id": "p", "goals": [{"id": "g", "title": "t", "metric": {"name": "m", "target": NaN}}]}"#, &Default::default())
            .unwrap_err();
        assert_eq!(err.path(), "goals[0].metric.target");
    }

    /// The WebAssembly build reads text through a JSON value; it must agree
    /// with the direct parse on every document: the same plan, or both an
    /// error with the same code and path. Valid plans, the bad-input corpus,
    /// and documents that stress the difference (keys given twice, also in
    /// extension fields and free-form values, old versions, syntax errors
    /// deep inside).
    #[test]
    #[cfg(feature = "direct-parse")]
    fn text_via_a_value_reads_what_the_direct_parse_reads() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut docs: Vec<(String, String)> = Vec::new();
        for dir in [
            "tests/bad-inputs/cases",
            "examples/data",
            "crates/careerplan/tests/golden",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "json")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    docs.push((path.display().to_string(), text));
                }
            }
        }
        assert!(docs.len() >= 30, "found only {} documents", docs.len());
        for (i, text) in [
            r#"{"schema_version": 1, "id": "p", "id": "q"}"#,
            r#"{"id": "p", "goals": [{"id": "g", "title": "t", "term": "short"}]}"#,
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": 5}]}"#,
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "x": [1, }]}"#,
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}"#,
            r#"{"schema_version": 1.5, "id": "p"}"#,
            r#"{"schema_version": 1, "id": "p", "reviews": [{"date": "2026-01-01", "mood": {}}]}"#,
            r#"[]"#,
            r#"{"schema_version": 1, "id": "p", "x-tool": 1, "x-tool": 2}"#,
            r#"{"schema_version": 1, "id": "p", "x-tool": {"a": 1, "a": 2}}"#,
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "x": [{"k": 1, "k": 1}]}]}"#,
            r#"{"schema_version": 1, "id": "p", "reviews": [{"id": "r", "date": "2026-01-01", "changes": [{"kind": "deadline_moved", "to": {"a": 1, "a": 2}}]}]}"#,
            r#"{"schema_version": 1, "id": "p", "reviews": [{"id": "r", "date": "2026-01-01", "changes": [{"kind": "deadline_moved", "to": {"a": 1, "b": 2}}]}]}"#,
            r#"{"schema_version": 1, "id": "p", "horizons": [12, 12, 60, 60, 120]}"#,
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "priority": [3, 4]}]}"#,
            r#"{"schema_version": 1, "id": "p", "goals": [["g", "t"]]}"#,
        ]
        .into_iter()
        .enumerate()
        {
            docs.push((format!("inline {i}"), text.to_string()));
        }
        for (name, text) in &docs {
            match (parse_plan_direct(text), parse_plan_via_value(text)) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}"),
                (Err(a), Err(b)) => {
                    assert_eq!(
                        (a.code(), a.path()),
                        (b.code(), b.path()),
                        "{name}: {a} / {b}"
                    )
                }
                (a, b) => panic!("{name}: direct {:?}, via a value {:?}", a.err(), b.err()),
            }
        }
    }

    /// A struct is an object: serde's positional reading of an array is
    /// refused on every road, with the struct's name and the array's path.
    #[test]
    fn arrays_are_not_structs() {
        for (text, path, name) in [
            (
                r#"{"schema_version": 1, "id": "p", "horizons": [12, 12, 60, 60, 120]}"#,
                "horizons",
                "HorizonWindows",
            ),
            (
                r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "priority": [3, 4]}]}"#,
                "goals[0].priority",
                "Priority",
            ),
        ] {
            let err = load_plan(text, &Default::default()).unwrap_err();
            assert_eq!((err.code(), err.path()), ("invalid-value", path), "{err}");
            assert_eq!(
                err.message(),
                format!("invalid type: sequence, expected struct {name}")
            );
            // serde_json alone refuses it too, so the direct parse never
            // accepts what the value road refuses.
            assert!(serde_json::from_str::<Plan>(text).is_err(), "{text}");
        }
        // A cadence's interval too (serde's untagged reading would take
        // `[6, "weeks"]` positionally).
        let text =
            r#"{"schema_version": 1, "id": "p", "review_policy": {"cadence": [6, "weeks"]}}"#;
        let err = load_plan(text, &Default::default()).unwrap_err();
        assert_eq!(err.path(), "review_policy.cadence", "{err}");
        assert!(err.message().starts_with("expected a cadence"), "{err}");
        assert!(serde_json::from_str::<Plan>(text).is_err());
        let text = r#"{"schema_version": 1, "id": "p", "review_policy": {"cadence": {"every": 6, "unit": "weeks"}}}"#;
        assert!(load_plan(text, &Default::default()).is_ok());
        let windows = r#"{"short_max_months": 6, "mid_min_months": 6, "mid_max_months": 48, "long_min_months": 48, "long_max_months": 96}"#;
        let read: HorizonWindows = serde_json::from_str(windows).unwrap();
        assert_eq!(read.long_max_months, 96);
        assert!(
            serde_json::from_str::<HorizonWindows>(r#"{"short_max_months": 6, "x": 1}"#).is_err()
        );
    }

    #[test]
    fn unknown_fields_survive() {
        let text = r#"{"schema_version":1,"id":"p","x-tool":{"a":1},"goals":[{"id":"g","title":"t","status":"done","color":"red"}]}"#;
        let plan = load_plan(text, &Default::default()).unwrap();
        let back: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
        let orig: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(back, orig);
    }
}
