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
//! [`load_plan`] reads JSON text, migrates an older (or unversioned) document
//! to [`SCHEMA_VERSION`], refuses a newer one, and reports the JSON path of
//! any field that does not fit (`goals[2].deadline: expected a date as
//! YYYY-MM-DD, got "2027-02-30" (month 2 of 2027 has no day 30)`).
//!
//! # Validation
//! [`Plan::validate`] checks the rules that span entities and returns every
//! problem at once; see [`validate`] for the list of codes.

pub mod cadence;
pub mod date;
pub mod migrate;
mod model;
pub mod number;
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

/// Read a plan from JSON text, migrating older schema versions.
///
/// ```
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p"}"#)?;
/// assert_eq!(plan.id, "p");
/// let err = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///     "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}"#).unwrap_err();
/// assert_eq!(err.code(), "invalid-date");
/// assert_eq!(err.path(), "goals[0].deadline");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidJson`] for malformed text, [`Error::InvalidValue`] (code
/// `invalid-value` or `invalid-date`) for content that does not fit the model,
/// [`Error::UnsupportedSchemaVersion`] for a document from a newer library,
/// [`Error::LimitExceeded`] for a document over the default [`Limits`].
pub fn load_plan(json: &str) -> Result<Plan, Error> {
    load_plan_with(json, &Limits::default())
}

/// [`load_plan`] with explicit [`Limits`] on size, nesting depth and list
/// lengths (checked before and after parsing; see [`crate::limits`]).
///
/// # Errors
/// As [`load_plan`]; [`Error::LimitExceeded`] names the limit and the path.
pub fn load_plan_with(json: &str, limits: &Limits) -> Result<Plan, Error> {
    limits.check_json_text(json)?;
    let plan = parse_plan(json)?;
    limits.check_plan(&plan)?;
    Ok(plan)
}

fn parse_plan(json: &str) -> Result<Plan, Error> {
    // Fast path: most documents are current and well-formed, so parse them
    // straight into the model. Only when that fails, or finds another
    // version, do we look at the version and take the slower paths.
    if let Ok(plan) = serde_json::from_str::<Plan>(json)
        && plan.schema_version == SCHEMA_VERSION
    {
        return Ok(plan);
    }
    let version = match migrate::peek_version(json) {
        Ok(version) => version,
        Err(Error::InvalidJson { .. }) => return Err(syntax_error_with_path(json)),
        Err(other) => return Err(other),
    };
    match version {
        Some(v) if v == u64::from(SCHEMA_VERSION) => parse_current_with_path(json),
        _ => {
            // Older, newer or unversioned: go through a generic value so
            // migrations can reshape it (and newer versions are refused).
            let value: serde_json::Value =
                serde_json::from_str(json).map_err(|e| Error::from_json(String::new(), &e))?;
            load_plan_value_with(value, &Limits::none())
        }
    }
}

/// Read a plan from an already-parsed JSON value, migrating older versions.
///
/// # Errors
/// As [`load_plan`] (the size limit does not apply: the value is already in
/// memory).
pub fn load_plan_value(value: serde_json::Value) -> Result<Plan, Error> {
    load_plan_value_with(value, &Limits::default())
}

/// [`load_plan_value`] with explicit [`Limits`] on nesting depth and list
/// lengths.
///
/// # Errors
/// As [`load_plan_value`].
pub fn load_plan_value_with(mut value: serde_json::Value, limits: &Limits) -> Result<Plan, Error> {
    limits.check_value_depth(&value)?;
    migrate::migrate(&mut value)?;
    let plan: Plan = serde_path_to_error::deserialize(value)
        .map_err(|e| Error::from_json(crate::error::join_path("", e.path()), e.inner()))?;
    limits.check_plan(&plan)?;
    Ok(plan)
}

/// The syntax error of malformed text, with the JSON path of the value the
/// parser was in (`goals[0].metric.target` for a `NaN` there), found by a
/// second, path-tracking parse: only malformed documents pay for it.
fn syntax_error_with_path(json: &str) -> Error {
    let mut de = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, serde_json::Value>(&mut de) {
        Err(e) => {
            // A key not read yet shows as `?`: the path ends at its object.
            let path = crate::error::join_path("", e.path());
            let path = path.trim_end_matches('?').trim_end_matches('.');
            Error::from_json(path.to_string(), e.inner())
        }
        // Cannot happen (the text failed to parse a moment ago); report the
        // whole document rather than nothing.
        Ok(_) => Error::InvalidJson {
            path: String::new(),
            line: 0,
            column: 0,
            message: "malformed JSON".into(),
        },
    }
}

/// Parse a current-version document that failed the fast path, tracking the
/// path so the error says where the problem is.
fn parse_current_with_path(json: &str) -> Result<Plan, Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut de)
        .map_err(|e| Error::from_json(crate::error::join_path("", e.path()), e.inner()))
}

impl Plan {
    /// The plan as pretty-printed JSON (two-space indent, trailing newline).
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string and
        // no custom serializer returns an error.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The plan as a JSON value.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// Check every rule that spans entities; see [`validate`].
    pub fn validate(&self) -> Vec<Problem> {
        validate::validate(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_the_bad_field() {
        let err = load_plan(
            r#"{"schema_version":1,"id":"p","goals":[{"id":"a","title":"x"},{"id":"b","title":"y","priority":{"importance":"high","feasibility":3}}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.path(), "goals[1].priority.importance");
        assert_eq!(err.code(), "invalid-value");
    }

    #[test]
    fn malformed_json_reports_position() {
        let err = load_plan("{\n  \"id\": }").unwrap_err();
        assert_eq!(err.code(), "invalid-json");
        assert_eq!(err.path(), "id");
        assert!(err.to_string().starts_with("id: line 2, column"), "{err}");
    }

    #[test]
    fn syntax_errors_name_the_value_being_parsed() {
        let err =
            load_plan(r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t",}]}"#)
                .unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-json", "goals[0]"));
        let err = load_plan(r#"{"id": "p", "goals": [{"id": "g", "title": "t", "metric": {"name": "m", "target": NaN}}]}"#)
            .unwrap_err();
        assert_eq!(err.path(), "goals[0].metric.target");
    }

    #[test]
    fn unknown_fields_survive() {
        let text = r#"{"schema_version":1,"id":"p","x-tool":{"a":1},"goals":[{"id":"g","title":"t","status":"done","color":"red"}]}"#;
        let plan = load_plan(text).unwrap();
        let back: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
        let orig: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(back, orig);
    }
}
