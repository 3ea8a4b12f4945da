//! The skill-gap engine: `skillGap`, `rankRoles`, `transferableSkills`,
//! `gapMatrix`, `builtinRoles` and `profileFromJsonResume`.
//!
//! Each function converts its arguments, calls one core function and
//! converts the result. A person is a plan, a profile or a person (JSON text
//! or an object), told apart by the core ([`careerplan::skills::input`]).
//! Roles are ids looked up in a catalog or role objects. The catalog travels
//! in the options object as `catalog` (JSON text, a catalog object or an
//! array of roles; the built-in catalog when absent), next to the core's own
//! options, which stay strict: an unknown key throws with its path. The core
//! is built without its `parallel` feature here, so `gapMatrix` runs on one
//! thread.

use careerplan::json::FromValue;
use careerplan::plan::Profile;
use careerplan::skills::resume::{self, ResumeOptions};
use careerplan::skills::{self as core, GapOptions, Person, RankOptions, Role, RoleCatalog};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use crate::{JsFailure, from_js, json_value, options_arg, to_js, type_error, type_name};

/// Whose skills: a plan, a profile or a person, as JSON text or an object.
fn profile_arg(value: JsValue) -> Result<Profile, JsFailure> {
    if let Some(text) = value.as_string() {
        Ok(core::input::profile_from_json(&text)?)
    } else if value.is_object() && !js_sys::Array::is_array(&value) {
        Ok(core::input::profile_from_value(json_value(value, "")?)?)
    } else {
        Err(type_error(&format!(
            "expected a plan or a profile as a JSON string or an object, got {}",
            type_name(&value)
        )))
    }
}

/// An array of people: plans, people or profiles, as objects or JSON text.
fn people_arg(value: JsValue) -> Result<Vec<Person>, JsFailure> {
    if !js_sys::Array::is_array(&value) {
        return Err(type_error(&format!(
            "people: expected an array of plans, people or profiles, got {}",
            type_name(&value)
        )));
    }
    js_sys::Array::from(&value)
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let root = format!("people[{i}]");
            if let Some(text) = item.as_string() {
                Ok(core::input::person_from_json(&text, &root)?)
            } else if item.is_object() {
                Ok(core::input::person_from_value(
                    json_value(item, &root)?,
                    &root,
                )?)
            } else {
                Err(type_error(&format!(
                    "{root}: expected a plan, a person or a profile as an object or JSON string, got {}",
                    type_name(&item)
                )))
            }
        })
        .collect()
}

/// A role argument: an id to look up in the catalog, or a role object.
enum RoleArg {
    Id(String),
    Role(Box<Role>),
}

fn role_arg(value: JsValue, name: &str, root: &str) -> Result<RoleArg, JsFailure> {
    if let Some(id) = value.as_string() {
        Ok(RoleArg::Id(id))
    } else if value.is_object() && !js_sys::Array::is_array(&value) {
        Ok(RoleArg::Role(Box::new(from_js(value, root)?)))
    } else {
        Err(type_error(&format!(
            "{name}: expected a role id (string) or a role (object), got {}",
            type_name(&value)
        )))
    }
}

/// An options object split into the core's options `T` and the binding's
/// own keys (`catalog`, `top_k`), which the core's strict options would
/// refuse.
struct Split<T> {
    core: T,
    own: Map<String, Value>,
}

fn split_options<T: FromValue + Default>(
    options: Option<JsValue>,
    own_keys: &[&str],
) -> Result<Split<T>, JsFailure> {
    let Some(options) = options.filter(|o| !o.is_null() && !o.is_undefined()) else {
        return Ok(Split {
            core: T::default(),
            own: Map::new(),
        });
    };
    let mut value = json_value(options, "options")?;
    let mut own = Map::new();
    if let Value::Object(map) = &mut value {
        for key in own_keys {
            if let Some(v) = map.remove(*key) {
                own.insert((*key).to_string(), v);
            }
        }
    }
    Ok(Split {
        core: careerplan::json::from_value(value, "options")?,
        own,
    })
}

/// The `catalog` option: JSON text, a catalog object or an array of roles;
/// `None` when absent or `null` (then the built-in catalog applies).
fn catalog_option(own: &mut Map<String, Value>) -> Result<Option<RoleCatalog>, JsFailure> {
    match own.remove("catalog") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(RoleCatalog::from_json(&text)?)),
        Some(value) => Ok(Some(RoleCatalog::from_value(value)?)),
    }
}

/// `catalog=` names where role ids are looked up; role objects would
/// silently ignore it, so it is refused.
fn no_catalog_with_role_objects(catalog: &Option<RoleCatalog>) -> Result<(), JsFailure> {
    match catalog {
        Some(_) => Err(type_error(
            "options.catalog applies to roles given by id; a role object uses the built-in \
             scales and options.scales (pass its id and its catalog instead)",
        )),
        None => Ok(()),
    }
}

/// Compare a person with a role: per requirement the current and required
/// level (on the role's scale and normalised), gap, weight, contribution,
/// priority and estimated hours; the weighted readiness (0 to 1, the sum of
/// the contributions), tier, unmet must-haves, strengths, unmatched skills
/// and total hours.
///
/// `role` is a role id, looked up in `options.catalog` (the built-in
/// catalog when absent), or a role object. `options` may also set `scales`,
/// `aliases`, `hours_per_step` (default 40), `today` and
/// `max_assessment_age_days` (stale assessments lower `confidence`), `tiers`
/// and a `learning` catalog.
///
/// Throws `invalid-argument` (path `role`) for an unknown id or bad options,
/// `invalid-value` with the path of a bad field (`profile.skills[2].scale`).
#[wasm_bindgen(js_name = skillGap, unchecked_return_type = "GapReport")]
pub fn skill_gap(
    #[wasm_bindgen(js_name = planOrProfile, unchecked_param_type = "ProfileInput")]
    plan_or_profile: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Role")] role: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SkillGapOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let profile = profile_arg(plan_or_profile)?;
    let role = role_arg(role, "role", "")?;
    let Split {
        core: options,
        mut own,
    } = split_options::<GapOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut own)?;
    let report = match role {
        RoleArg::Id(id) => {
            let catalog = catalog.as_ref().unwrap_or_else(|| core::builtin_roles());
            core::skill_gap_in_catalog(&profile, catalog, &id, &options)?
        }
        RoleArg::Role(role) => {
            no_catalog_with_role_objects(&catalog)?;
            core::skill_gap(&profile, &role, &options)?
        }
    };
    to_js(&report)
}

/// Score every role of `options.catalog` (the built-in catalog when absent)
/// for a person and order them, best first: `{role_id, title, readiness,
/// tier, rank, unmet_must_haves}` (and `attribution` for O*NET roles).
/// Readiness has six decimals; ties are broken by role id. `options.top_k`
/// keeps the first k; `options` may also set `scales`, `aliases` and
/// `tiers`.
#[wasm_bindgen(js_name = rankRoles, unchecked_return_type = "RankEntry[]")]
pub fn rank_roles(
    #[wasm_bindgen(js_name = planOrProfile, unchecked_param_type = "ProfileInput")]
    plan_or_profile: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RankRolesOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let profile = profile_arg(plan_or_profile)?;
    let Split {
        core: options,
        mut own,
    } = split_options::<RankOptions>(options, &["catalog", "top_k"])?;
    let catalog = catalog_option(&mut own)?;
    let top_k: Option<usize> = match own.remove("top_k") {
        Some(value) => careerplan::json::from_value(value, "options.top_k")?,
        None => None,
    };
    let catalog = catalog.as_ref().unwrap_or_else(|| core::builtin_roles());
    to_js(&core::rank_roles(&profile, catalog, top_k, &options)?)
}

/// What carries over in a career change from `fromRole` to `toRole`:
/// readiness for the target from the profile alone and when credited with
/// the old role's requirements, the transferable skills (source `profile`,
/// `from_role` or `both`), their share of the target's importance, and the
/// new skills to learn. Both roles are ids looked up in `options.catalog`
/// (the built-in catalog when absent), or both are role objects. Throws
/// `invalid-argument` (path `from_role` or `to_role`) for an unknown id.
#[wasm_bindgen(js_name = transferableSkills, unchecked_return_type = "TransferReport")]
pub fn transferable_skills(
    #[wasm_bindgen(js_name = planOrProfile, unchecked_param_type = "ProfileInput")]
    plan_or_profile: JsValue,
    #[wasm_bindgen(js_name = fromRole, unchecked_param_type = "string | Role")] from_role: JsValue,
    #[wasm_bindgen(js_name = toRole, unchecked_param_type = "string | Role")] to_role: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SkillGapOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let profile = profile_arg(plan_or_profile)?;
    let from = role_arg(from_role, "fromRole", "from_role")?;
    let to = role_arg(to_role, "toRole", "to_role")?;
    let Split {
        core: options,
        mut own,
    } = split_options::<GapOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut own)?;
    let report = match (from, to) {
        (RoleArg::Id(from), RoleArg::Id(to)) => {
            let catalog = catalog.as_ref().unwrap_or_else(|| core::builtin_roles());
            core::transferable_skills_in_catalog(&profile, catalog, &from, &to, &options)?
        }
        (RoleArg::Role(from), RoleArg::Role(to)) => {
            no_catalog_with_role_objects(&catalog)?;
            core::transferable_skills(&profile, &from, &to, &options)?
        }
        _ => {
            return Err(type_error(
                "fromRole and toRole: give both as ids or both as role objects",
            ));
        }
    };
    to_js(&report)
}

/// Readiness of every person for every role of `options.catalog` (the
/// built-in catalog when absent): `{person_ids, role_ids, readiness}` with
/// one array per person in `role_ids` order (and `attribution` for O*NET).
/// `people` holds plans, people (`{id, name, skills}`) or profiles, as
/// objects or JSON text; a profile's id is `""`. Each cell is the readiness
/// `rankRoles` gives before its rounding. Throws `invalid-value` with the
/// path of a bad assessment (`people[12].skills[3].level`).
#[wasm_bindgen(js_name = gapMatrix, unchecked_return_type = "GapMatrix")]
pub fn gap_matrix(
    #[wasm_bindgen(unchecked_param_type = "PersonInput[]")] people: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GapMatrixOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let people = people_arg(people)?;
    let Split {
        core: options,
        mut own,
    } = split_options::<RankOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut own)?;
    let catalog = catalog.as_ref().unwrap_or_else(|| core::builtin_roles());
    to_js(&core::gap_matrix(&people, catalog, &options)?)
}

/// The built-in starter catalog: 30 illustrative roles written for
/// careerplan, as `{name, note, roles: [{id, title, requirements: [...]}]}`.
#[wasm_bindgen(js_name = builtinRoles, unchecked_return_type = "RoleCatalogData")]
pub fn builtin_roles() -> Result<JsValue, JsFailure> {
    to_js(core::builtin_roles())
}

/// Read the `skills` of a JSON Resume document (JSON text or an object) into
/// profile skill assessments: each entry's `level` word ("Beginner",
/// "Intermediate", "Advanced", "Master", ...) through a level lexicon, its
/// `keywords` at the same level. Returns `{profile, name, label, issues}`;
/// every entry left out is in `issues` with its `path`, `kind`
/// (`unknown_level`, `missing_level`, `empty_name`, `duplicate`), `skill`
/// and `level`: unknown level words are reported, never guessed. `options`
/// may set `levels`, `lexicon`, `scales`, `keywords`, `default_level` and
/// `assessed_on`.
#[wasm_bindgen(js_name = profileFromJsonResume, unchecked_return_type = "ResumeImport")]
pub fn profile_from_json_resume(
    #[wasm_bindgen(unchecked_param_type = "string | Record<string, unknown>")] resume: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ResumeOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let options: ResumeOptions = options_arg(options, "options")?;
    let imported = if let Some(text) = resume.as_string() {
        resume::profile_from_json_resume(&text, &options)?
    } else if resume.is_object() && !js_sys::Array::is_array(&resume) {
        resume::profile_from_json_resume_value(&json_value(resume, "")?, &options)?
    } else {
        return Err(type_error(&format!(
            "expected a JSON Resume document as a JSON string or an object, got {}",
            type_name(&resume)
        )));
    };
    to_js(&imported)
}
