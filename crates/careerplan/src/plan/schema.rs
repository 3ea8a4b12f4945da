//! The JSON Schema of the plan document, generated from the Rust types.
//!
//! The checked-in copy at `schema/careerplan.schema.json` is compared with
//! [`plan_schema_json`] by a test, so it can never go stale unnoticed.

use super::Plan;

/// The JSON Schema (draft 2020-12) of the plan document.
pub fn plan_schema() -> schemars::Schema {
    schemars::schema_for!(Plan)
}

/// The schema as pretty-printed JSON with a trailing newline, exactly as
/// checked in at `schema/careerplan.schema.json`.
///
/// ```
/// let schema = careerplan::plan::schema::plan_schema_json();
/// assert!(schema.contains("\"schema_version\""));
/// ```
pub fn plan_schema_json() -> String {
    crate::json::to_pretty_text(&plan_schema())
}
