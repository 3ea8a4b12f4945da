//! Schema versions and the migrations between them.
//!
//! A document records the schema it was written for in `schema_version`.
//! Loading an older document applies each migration in turn, on the generic
//! JSON value, until it reaches [`SCHEMA_VERSION`]; a newer one is refused
//! with an error naming both versions, because guessing at fields from the
//! future would lose data silently.
//!
//! # Version 0
//! Documents without `schema_version` are version 0, the draft format of the
//! first prototypes:
//!
//! ```json
//! {"id": "p", "owner": "Ada", "skills": {"Python": 3},
//!  "goals": [{"id": "g", "title": "...", "term": "short-term", "due": "2027-01-31", "parent": "g0"}]}
//! ```
//!
//! Migrating to version 1 turns the owner string into `{"name": ...}`, the
//! `skills` map into `profile.skills` assessments on `dreyfus-5`, and each
//! goal's `term` into `horizon`, `due` into `deadline` and `parent` into
//! `parent_id`. Every other field is kept.

use serde_json::{Map, Value, json};

use crate::Error;

/// The schema version this library reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A migration from version `n` to `n + 1`, indexed by `n`.
type Migration = fn(&mut Map<String, Value>) -> Result<(), Error>;
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize] = [v0_to_v1];

fn version_number(value: &Value) -> Result<u64, Error> {
    value.as_u64().ok_or_else(|| Error::InvalidValue {
        path: "schema_version".into(),
        message: format!("expected a non-negative integer, got {value}"),
    })
}

/// Bring a document to [`SCHEMA_VERSION`] in place.
///
/// ```
/// let mut doc = serde_json::json!({"id": "p", "goals": [{"id": "g", "title": "t", "term": "long-term"}]});
/// careerplan::plan::migrate::migrate(&mut doc)?;
/// assert_eq!(doc["schema_version"], 1);
/// assert_eq!(doc["goals"][0]["horizon"], "long");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnsupportedSchemaVersion`] for a newer document;
/// [`Error::Migration`] when an old field cannot be converted.
pub fn migrate(doc: &mut Value) -> Result<(), Error> {
    let Some(obj) = doc.as_object_mut() else {
        return Err(Error::InvalidValue {
            path: String::new(),
            message: format!("expected a plan object, got {}", kind_of(doc)),
        });
    };
    let found = match obj.get("schema_version") {
        None | Some(Value::Null) => 0,
        Some(v) => version_number(v)?,
    };
    if found > u64::from(SCHEMA_VERSION) {
        return Err(Error::UnsupportedSchemaVersion {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for step in &MIGRATIONS[found as usize..] {
        step(obj)?;
    }
    obj.insert("schema_version".into(), json!(SCHEMA_VERSION));
    Ok(())
}

/// How a JSON value's type is named in messages ("an array", "null").
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn v0_to_v1(doc: &mut Map<String, Value>) -> Result<(), Error> {
    let fail = |path: String, message: String| Error::Migration {
        from: 0,
        path,
        message,
    };
    if let Some(Value::String(name)) = doc.get("owner") {
        let name = name.clone();
        doc.insert("owner".into(), json!({ "name": name }));
    }
    if let Some(skills) = doc.remove("skills") {
        let Value::Object(skills) = skills else {
            return Err(fail(
                "skills".into(),
                format!("expected a map of skill to level, got {}", kind_of(&skills)),
            ));
        };
        let mut assessments = Vec::with_capacity(skills.len());
        for (skill, level) in skills {
            if !level.is_number() {
                return Err(fail(
                    format!("skills.{skill}"),
                    format!("expected a numeric level, got {}", kind_of(&level)),
                ));
            }
            assessments.push(json!({"skill": skill, "level": level, "scale": "dreyfus-5"}));
        }
        let profile = doc.entry("profile").or_insert_with(|| json!({}));
        let Some(profile) = profile.as_object_mut() else {
            return Err(fail("profile".into(), "expected an object".into()));
        };
        profile.insert("skills".into(), Value::Array(assessments));
    }
    if let Some(Value::Array(goals)) = doc.get_mut("goals") {
        for (i, goal) in goals.iter_mut().enumerate() {
            let Some(goal) = goal.as_object_mut() else {
                continue; // deserialization reports the wrong type with its path
            };
            if let Some(term) = goal.remove("term") {
                let horizon = match term.as_str() {
                    Some("short-term" | "short") => "short",
                    Some("medium-term" | "mid-term" | "medium" | "mid") => "mid",
                    Some("long-term" | "long") => "long",
                    _ => {
                        return Err(fail(
                            format!("goals[{i}].term"),
                            format!("expected short-term, medium-term or long-term, got {term}"),
                        ));
                    }
                };
                goal.insert("horizon".into(), json!(horizon));
            }
            for (old, new) in [("due", "deadline"), ("parent", "parent_id")] {
                if let Some(v) = goal.remove(old) {
                    if goal.contains_key(new) {
                        return Err(fail(
                            format!("goals[{i}].{old}"),
                            format!("both {old:?} and {new:?} are set; keep one"),
                        ));
                    }
                    goal.insert(new.into(), v);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_zero_document_migrates() {
        let mut doc = json!({
            "id": "p", "owner": "Ada", "skills": {"Python": 3, "SQL": 2},
            "goals": [{"id": "g", "title": "t", "term": "medium-term", "due": "2028-01-31", "parent": "g0", "x": 1}]
        });
        migrate(&mut doc).unwrap();
        assert_eq!(doc["schema_version"], 1);
        assert_eq!(doc["owner"], json!({"name": "Ada"}));
        assert_eq!(
            doc["profile"]["skills"][1],
            json!({"skill": "SQL", "level": 2, "scale": "dreyfus-5"})
        );
        assert_eq!(
            doc["goals"][0],
            json!({"id": "g", "title": "t", "x": 1, "horizon": "mid", "deadline": "2028-01-31", "parent_id": "g0"})
        );
    }

    #[test]
    fn newer_versions_are_refused() {
        let err = migrate(&mut json!({"schema_version": 7, "id": "p"})).unwrap_err();
        assert_eq!(err.code(), "unsupported-schema-version");
        assert!(err.to_string().contains("version 7"));
        assert!(err.to_string().contains("up to 1"));
    }

    #[test]
    fn bad_terms_have_paths() {
        let err = migrate(&mut json!({"goals": [{"id": "g", "title": "t", "term": "soon"}]}))
            .unwrap_err();
        assert_eq!(err.path(), "goals[0].term");
        assert_eq!(err.code(), "migration-failed");
    }
}
