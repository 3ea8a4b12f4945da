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

/// The schema for people: each type of the document with its description,
/// then one line per field (name, type, `required` when it is, description).
/// `careerplan schema --format text` prints it.
///
/// ```
/// let text = careerplan::plan::schema::schema_outline();
/// assert!(text.starts_with("Plan"));
/// assert!(text.contains("\n  deadline: date or null. When it must be achieved.\n"));
/// ```
pub fn schema_outline() -> String {
    use serde_json::Value;
    let schema = plan_schema().to_value();
    let mut out = String::new();
    let mut section = |name: &str, def: &Value| {
        out.push_str(name);
        if let Some(d) = def.get("description").and_then(Value::as_str) {
            out.push_str(": ");
            out.push_str(&one_line(d));
        }
        out.push('\n');
        let required: Vec<&str> = def
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if let Some(props) = def.get("properties").and_then(Value::as_object) {
            for (field, prop) in props {
                out.push_str(&format!("  {field}: {}", type_name(prop)));
                if required.contains(&field.as_str()) {
                    out.push_str(", required");
                }
                out.push('.');
                if let Some(d) = prop.get("description").and_then(Value::as_str) {
                    out.push(' ');
                    out.push_str(&one_line(d));
                }
                out.push('\n');
            }
        } else {
            out.push_str(&format!("  {}\n", type_name(def)));
        }
        out.push('\n');
    };
    section("Plan", &schema);
    if let Some(defs) = schema.get("$defs").and_then(Value::as_object) {
        for (name, def) in defs {
            section(name, def);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A schema's type in words: `string`, `date`, `list of Goal`, `one of
/// "short", "mid", "long"`, `Metric or null`.
fn type_name(schema: &serde_json::Value) -> String {
    use serde_json::Value;
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_string();
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let names: Vec<String> = options.iter().map(type_name).collect();
            return names.join(" or ");
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let names: Vec<String> = values.iter().map(Value::to_string).collect();
        return format!("one of {}", names.join(", "));
    }
    if let Some(value) = schema.get("const") {
        return value.to_string();
    }
    let format = schema.get("format").and_then(Value::as_str);
    let one = |t: &str| -> String {
        match (t, format) {
            ("string", Some("date")) => "date".into(),
            ("string", Some("date-time")) => "date-time".into(),
            ("array", _) => match schema.get("items") {
                Some(items) => format!("list of {}", type_name(items)),
                None => "list".into(),
            },
            ("object", _) => match schema.get("additionalProperties") {
                Some(v) if v.is_object() => format!("map of {}", type_name(v)),
                _ => "object".into(),
            },
            (t, _) => t.to_string(),
        }
    };
    match schema.get("type") {
        Some(Value::String(t)) => one(t),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(one)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "any value".into(),
    }
}

/// A description on one line, rustdoc's link brackets taken off.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("[`", "`")
        .replace("`]", "`")
}
