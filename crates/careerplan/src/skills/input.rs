//! Who a skill calculation is about, read from JSON: a plan, a person or a
//! profile.
//!
//! Tools and bindings let their users pass whichever they have wherever one
//! person's skills are needed. The shape of the JSON object decides, so that
//! every surface reads the same input the same way:
//!
//! - a **plan** ([`Plan`](crate::plan::Plan)): an object with `schema_version` or `profile`, or
//!   an unversioned (version 0) plan, recognised by its `skills` *map* of
//!   skill to level; it is loaded and migrated as by
//!   [`load_plan`] and its profile used;
//! - a **person** ([`Person`]): an object with `id` (and a `skills` list);
//! - a **profile** ([`Profile`]): any other object, e.g. `{"skills": [...]}`.
//!
//! Anything but an object is an error rather than an empty profile, so a
//! wrong argument never reads as a person without skills.
//!
//! Error paths are those of the engines: below `profile` for a person or a
//! profile given alone ([`profile_from_value`]), below the `root` given to
//! [`person_from_value`] (`people[3].skills[0].level`); a plan's own fields
//! keep the plan's paths (`goals[0].deadline`), below `root` for a person.

use serde_json::Value;

use crate::plan::migrate::kind_of;

use super::resolve::join;
use super::team::Person;
use crate::Error;
use crate::plan::{Extra, Profile, load_plan};

/// What a JSON value is, by the rules of the [module docs](self).
enum Shape {
    Plan,
    Person,
    Profile,
}

fn shape(value: &Value, root: &str) -> Result<Shape, Error> {
    let Value::Object(obj) = value else {
        return Err(Error::InvalidValue {
            path: root.to_string(),
            message: format!(
                "expected a plan, a person or a profile as an object, got {}",
                kind_of(value)
            ),
        });
    };
    Ok(
        if obj.contains_key("schema_version")
            || obj.contains_key("profile")
            || obj.get("skills").is_some_and(Value::is_object)
        {
            Shape::Plan
        } else if obj.contains_key("id") {
            Shape::Person
        } else {
            Shape::Profile
        },
    )
}

/// The profile of a plan, a person or a profile given as JSON; see the
/// [module docs](self) for how the shape is told.
///
/// ```
/// use careerplan::skills::input::profile_from_value;
/// let plan = serde_json::json!({"schema_version": 1, "id": "p",
///     "profile": {"skills": [{"skill": "SQL", "level": 3}]}});
/// let person = serde_json::json!({"id": "ana", "skills": [{"skill": "SQL", "level": 3}]});
/// let profile = serde_json::json!({"skills": [{"skill": "SQL", "level": 3}]});
/// let a = profile_from_value(plan)?;
/// assert_eq!(a.skills, profile_from_value(person)?.skills);
/// assert_eq!(a.skills, profile_from_value(profile)?.skills);
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// As [`load_plan`] for a plan;
/// [`Error::InvalidValue`] for a value that is not an object, or a profile
/// that does not fit the model (path below `profile`, e.g.
/// `profile.skills[0].level`).
pub fn profile_from_value(value: Value) -> Result<Profile, Error> {
    match shape(&value, "")? {
        Shape::Plan => Ok(load_plan(value, &Default::default())?.profile),
        Shape::Person | Shape::Profile => crate::json::from_value(value, "profile"),
    }
}

/// A person from a plan, a person or a profile given as JSON, for team views;
/// `root` is the value's JSON path, e.g. `people[3]`, that errors start with.
///
/// A plan gives [`Person::from_plan`] (its id, owner and skills); a profile
/// has no id, so its person's id is empty.
///
/// ```
/// use careerplan::skills::input::person_from_value;
/// let plan = serde_json::json!({"schema_version": 1, "id": "plan-ana", "owner": {"name": "Ana"},
///     "profile": {"skills": [{"skill": "SQL", "level": 3}]}});
/// let person = person_from_value(plan, "people[0]")?;
/// assert_eq!((person.id.as_str(), person.name.as_deref()), ("plan-ana", Some("Ana")));
/// let err = person_from_value(serde_json::json!({"id": "b", "skills": [{"skill": "SQL"}]}), "people[1]")
///     .unwrap_err();
/// assert_eq!(err.path(), "people[1].skills[0]");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// As [`profile_from_value`], with paths below `root`.
pub fn person_from_value(value: Value, root: &str) -> Result<Person, Error> {
    match shape(&value, root)? {
        Shape::Plan => load_plan(value, &Default::default())
            .map(|plan| Person::from_plan(&plan))
            .map_err(|e| below(e, root)),
        Shape::Person => crate::json::from_value(value, root),
        Shape::Profile => {
            let profile: Profile = crate::json::from_value(value, root)?;
            Ok(Person {
                id: String::new(),
                name: None,
                skills: profile.skills,
                extra: Extra::new(),
            })
        }
    }
}

/// [`profile_from_value`] over JSON text.
///
/// # Errors
/// [`Error::InvalidJson`] for malformed text, else as [`profile_from_value`].
pub fn profile_from_json(text: &str) -> Result<Profile, Error> {
    profile_from_value(parse(text, "")?)
}

/// [`person_from_value`] over JSON text.
///
/// # Errors
/// [`Error::InvalidJson`] (path `root`) for malformed text, else as
/// [`person_from_value`].
pub fn person_from_json(text: &str, root: &str) -> Result<Person, Error> {
    person_from_value(parse(text, root)?, root)
}

fn parse(text: &str, root: &str) -> Result<Value, Error> {
    crate::limits::Limits::default()
        .check_json_text(text)
        .map_err(|e| below(e, root))?;
    crate::json::parse_value(text, root)
}

/// `err` with its path moved below `root`.
fn below(err: Error, root: &str) -> Error {
    if root.is_empty() {
        return err;
    }
    // Errors without a path (a schema version's is always
    // `schema_version`) are returned as they are.
    let path = join(root, err.path());
    err.at_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn skills(profile: &Profile) -> Vec<(&str, f64)> {
        profile
            .skills
            .iter()
            .map(|s| (s.skill.as_str(), s.level))
            .collect()
    }

    #[test]
    fn the_shape_decides_plan_person_or_profile() {
        let plan = json!({"schema_version": 1, "id": "p", "profile": {"skills": [{"skill": "SQL", "level": 3}]}});
        let loaded = load_plan(plan.clone(), &Default::default()).unwrap();
        assert_eq!(
            person_from_value(plan.clone(), "").unwrap(),
            Person::from_plan(&loaded)
        );
        assert_eq!(skills(&profile_from_value(plan).unwrap()), [("SQL", 3.0)]);
        // A version-0 plan: no schema_version, skills as a map, migrated.
        let v0 = json!({"id": "old", "skills": {"Python": 4}});
        assert_eq!(
            skills(&profile_from_value(v0.clone()).unwrap()),
            [("Python", 4.0)]
        );
        let person = person_from_value(v0, "people[0]").unwrap();
        assert_eq!((person.id.as_str(), person.skills.len()), ("old", 1));
        // A plan whose profile is its only distinguishing key.
        let bare = json!({"id": "p", "profile": {"skills": [{"skill": "Go", "level": 2}]}});
        assert_eq!(person_from_value(bare, "").unwrap().skills[0].skill, "Go");

        let person = json!({"id": "ana", "name": "Ana", "skills": [{"skill": "SQL", "level": 4}]});
        assert_eq!(
            skills(&profile_from_value(person.clone()).unwrap()),
            [("SQL", 4.0)]
        );
        let p = person_from_value(person, "people[0]").unwrap();
        assert_eq!(
            (p.id.as_str(), p.name.as_deref(), p.skills.len()),
            ("ana", Some("Ana"), 1)
        );

        let profile = json!({"skills": [{"skill": "SQL", "level": 2}], "interests": ["data"]});
        assert_eq!(
            skills(&profile_from_value(profile.clone()).unwrap()),
            [("SQL", 2.0)]
        );
        let p = person_from_value(profile, "people[2]").unwrap();
        assert_eq!((p.id.as_str(), p.skills[0].level), ("", 2.0));
        // An empty object is an empty profile, not an error.
        assert!(profile_from_value(json!({})).unwrap().skills.is_empty());
    }

    #[test]
    fn json_text_reads_like_values() {
        let text = r#"{"schema_version": 1, "id": "p", "profile": {"skills": [{"skill": "SQL", "level": 3}]}}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            profile_from_json(text).unwrap(),
            profile_from_value(value.clone()).unwrap()
        );
        assert_eq!(
            person_from_json(text, "people[0]").unwrap(),
            person_from_value(value, "people[0]").unwrap()
        );
        let err = profile_from_json("{").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-json", ""));
        let err = person_from_json("[1,", "people[2]").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-json", "people[2]"));
    }

    #[test]
    fn errors_name_the_field_below_the_root() {
        let err = profile_from_value(json!([1])).unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-value", ""));
        assert!(err.to_string().contains("got an array"), "{err}");
        let err = person_from_value(json!("p.json"), "people[4]").unwrap_err();
        assert_eq!(err.path(), "people[4]");

        let err =
            profile_from_value(json!({"skills": [{"skill": "SQL", "level": "high"}]})).unwrap_err();
        assert_eq!(err.path(), "profile.skills[0].level");
        let err = profile_from_value(json!({"schema_version": 1, "id": "p",
            "profile": {"skills": [{"skill": "SQL", "level": "high"}]}}))
        .unwrap_err();
        assert_eq!(err.path(), "profile.skills[0].level");

        let err = person_from_value(
            json!({"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}),
            "people[1]",
        )
        .unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid-date", "people[1].goals[0].deadline")
        );
        let err = person_from_value(json!({"id": 7}), "people[0]").unwrap_err();
        assert_eq!(err.path(), "people[0].id");
        let err = person_from_value(json!({"skills": [{"level": 1}]}), "people[0]").unwrap_err();
        assert_eq!(err.path(), "people[0].skills[0]");
        let err = person_from_value(json!({"id": "old", "skills": {"Go": "lots"}}), "people[0]")
            .unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("migration-failed", "people[0].skills.Go")
        );
        let err =
            person_from_value(json!({"schema_version": 9, "id": "p"}), "people[0]").unwrap_err();
        assert_eq!(err.code(), "unsupported-schema-version");
    }
}
