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

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::{Rc, Weak};

use careerplan::plan::Profile;
use careerplan::skills::esco::{self, EscoOptions, EscoSources, EscoStats};
use careerplan::skills::onet::{self, OnetOptions, OnetStats};
use careerplan::skills::resume::{self, ResumeOptions};
use careerplan::skills::{
    self as core, Catalog, GapOptions, Person, RankOptions, RoleCatalog, RoleRef,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use crate::{JsFailure, from_js, json_value, options_arg, to_js, type_error, type_name};

/// Whose skills: a plan, a profile or a person, as JSON text or an object.
fn profile_arg(value: JsValue) -> Result<Profile, JsFailure> {
    if let Some(text) = value.as_string() {
        Ok(core::input::profile_from_json(&text)?)
    } else if value.is_object() && !js_sys::Array::is_array(&value) {
        Ok(core::input::profile_from_value(json_value(value, "")?)?)
    } else if value.is_undefined() {
        Err(crate::missing_or_wrong(
            &value,
            "planOrProfile",
            "a plan or a profile as a JSON string or an object",
        ))
    } else {
        Err(type_error(&format!(
            "expected a plan or a profile as a JSON string or an object, got {}",
            type_name(&value)
        )))
    }
}

/// An array of people: plans, people or profiles, as objects or JSON text.
fn people_arg(value: JsValue) -> Result<Vec<Person>, JsFailure> {
    if value.is_undefined() {
        return Err(crate::missing_or_wrong(
            &value,
            "people",
            "an array of plans, people or profiles",
        ));
    }
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

/// A role argument: a string is a role id, an object a role read at `root`.
fn role_arg(value: JsValue, name: &str, root: &str) -> Result<RoleRef, JsFailure> {
    if let Some(id) = value.as_string() {
        Ok(RoleRef::Id(id))
    } else if value.is_object() && !js_sys::Array::is_array(&value) {
        Ok(RoleRef::Role(Box::new(from_js(value, root)?)))
    } else if value.is_undefined() {
        Err(crate::missing_or_wrong(
            &value,
            name,
            "a role id (string) or a role (object)",
        ))
    } else {
        Err(type_error(&format!(
            "{name}: expected a role id (string) or a role (object), got {}",
            type_name(&value)
        )))
    }
}

/// An options object split into the core's options `T` and the binding's
/// own keys (`catalog`, `top_k`), which the core's strict options would
/// refuse. A `RoleCatalog` object as `catalog` is taken out before the
/// options cross as JSON, so its roles are not copied on every call.
pub(crate) struct Split<T> {
    pub(crate) core: T,
    pub(crate) own: Map<String, Value>,
    shared: Option<Rc<Shared>>,
}

pub(crate) fn split_options<T: DeserializeOwned + Default>(
    options: Option<JsValue>,
    own_keys: &[&str],
) -> Result<Split<T>, JsFailure> {
    let Some(mut options) = options.filter(|o| !o.is_null() && !o.is_undefined()) else {
        return Ok(Split {
            core: T::default(),
            own: Map::new(),
            shared: None,
        });
    };
    let mut shared = None;
    if own_keys.contains(&"catalog") && options.is_object() {
        let catalog = js_sys::Reflect::get(&options, &JsValue::from_str("catalog"))
            .unwrap_or(JsValue::UNDEFINED);
        if let Some(found) = shared_catalog(&catalog) {
            // A shallow copy without `catalog`: the caller's object is left as it was.
            let rest = js_sys::Object::assign(&js_sys::Object::new(), &options.clone().into());
            let _ = js_sys::Reflect::delete_property(&rest, &JsValue::from_str("catalog"));
            options = rest.into();
            shared = Some(found);
        }
    }
    let mut value = json_value(options, "options")?;
    let mut own = Map::new();
    if let Value::Object(map) = &mut value {
        for key in own_keys {
            if let Some(v) = map.remove(*key) {
                own.insert((*key).to_string(), v);
            }
        }
    }
    let core = careerplan::json::from_value(value, "options")
        .map_err(|e| crate::with_own_options(e, own_keys))?;
    Ok(Split { core, own, shared })
}

/// Where role ids are looked up: the built-in catalog, one read from the
/// `catalog` option for this call, or a `RoleCatalog` object's.
pub(crate) enum CatalogArg {
    Builtin,
    Read(Box<Catalog>),
    Shared(Rc<Shared>),
}

impl CatalogArg {
    pub(crate) fn get(&self) -> &Catalog {
        self.given().unwrap_or(Catalog::builtin())
    }

    /// The catalog the caller gave, if any.
    fn given(&self) -> Option<&Catalog> {
        match self {
            CatalogArg::Builtin => None,
            CatalogArg::Read(catalog) => Some(catalog),
            CatalogArg::Shared(shared) => Some(&shared.catalog),
        }
    }

    /// The catalog `roles` are looked up in, by the core's rules
    /// ([`RoleRef::catalog_for`]); breaking them is a misuse of the
    /// arguments, thrown as a `TypeError`.
    fn for_roles(&self, roles: &[&RoleRef]) -> Result<&Catalog, JsFailure> {
        RoleRef::catalog_for(roles, self.given(), "options.catalog")
            .map_err(|e| crate::type_error_at(&e))
    }
}

/// The `catalog` option: a `RoleCatalog`, JSON text, a catalog object or an
/// array of roles; the built-in catalog when absent or `null`.
pub(crate) fn catalog_option<T>(split: &mut Split<T>) -> Result<CatalogArg, JsFailure> {
    if let Some(shared) = split.shared.take() {
        return Ok(CatalogArg::Shared(shared));
    }
    match split.own.remove("catalog") {
        None | Some(Value::Null) => Ok(CatalogArg::Builtin),
        Some(Value::String(text)) => Ok(CatalogArg::Read(Box::new(
            RoleCatalog::from_json(&text)?.into(),
        ))),
        Some(value) => Ok(CatalogArg::Read(Box::new(
            RoleCatalog::from_value(value)?.into(),
        ))),
    }
}

// ---- RoleCatalog ---------------------------------------------------------------

/// What a `RoleCatalog` object holds: the catalog (which keeps its compiled
/// form) and the counts of an import.
pub(crate) struct Shared {
    catalog: Catalog,
    onet_stats: Option<OnetStats>,
    esco_stats: Option<EscoStats>,
}

thread_local! {
    /// The live `RoleCatalog` objects by key, so that a function given one
    /// in its options finds the Rust data behind it (wasm-bindgen passes an
    /// exported struct by reference only as a direct argument). An entry
    /// leaves when its object is freed.
    static LIVE: RefCell<HashMap<u32, Weak<Shared>>> = RefCell::new(HashMap::new());
    static NEXT_KEY: Cell<u32> = const { Cell::new(1) };
}

/// The name of the (undocumented) getter a `RoleCatalog` is recognised by.
const KEY_PROPERTY: &str = "__careerplanCatalogKey";

/// The catalog behind a `RoleCatalog` object, or `None` for anything else.
fn shared_catalog(value: &JsValue) -> Option<Rc<Shared>> {
    if !value.is_object() {
        return None;
    }
    let key = js_sys::Reflect::get(value, &JsValue::from_str(KEY_PROPERTY))
        .ok()?
        .as_f64()?;
    if key.fract() != 0.0 || !(1.0..=f64::from(u32::MAX)).contains(&key) {
        return None;
    }
    // A whole number in u32's range, checked just above.
    let key = key as u32;
    LIVE.with(|live| live.borrow().get(&key).and_then(Weak::upgrade))
}

/// A role catalog read once and reused: from JSON (`RoleCatalog.fromJson`)
/// or from the contents of O*NET's database files (`RoleCatalog.fromOnet`).
///
/// Pass it as `options.catalog` to `skillGap`, `rankRoles`,
/// `transferableSkills` and `gapMatrix`: it is read and checked once, and
/// compiled for ranking on first use, so ranking against O*NET's 900
/// occupations costs about a millisecond a call instead of re-reading
/// 10 MB. It is immutable. Its memory is released when it is
/// garbage-collected, or at once with `free()`.
#[wasm_bindgen(js_name = RoleCatalog)]
pub struct JsRoleCatalog {
    key: u32,
    shared: Rc<Shared>,
}

impl JsRoleCatalog {
    fn new(catalog: RoleCatalog, onet_stats: Option<OnetStats>) -> JsRoleCatalog {
        JsRoleCatalog::with_stats(catalog, onet_stats, None)
    }

    fn with_stats(
        catalog: RoleCatalog,
        onet_stats: Option<OnetStats>,
        esco_stats: Option<EscoStats>,
    ) -> JsRoleCatalog {
        let shared = Rc::new(Shared {
            catalog: catalog.into(),
            onet_stats,
            esco_stats,
        });
        let key = LIVE.with(|live| {
            let mut live = live.borrow_mut();
            let mut key = NEXT_KEY.get();
            while key == 0 || live.contains_key(&key) {
                key = key.wrapping_add(1);
            }
            NEXT_KEY.set(key.wrapping_add(1));
            live.insert(key, Rc::downgrade(&shared));
            key
        });
        JsRoleCatalog { key, shared }
    }
}

impl Drop for JsRoleCatalog {
    fn drop(&mut self) {
        // `try_with`: at thread exit the map may already be gone.
        let _ = LIVE.try_with(|live| live.borrow_mut().remove(&self.key));
    }
}

/// The string at `files[key]`, the text of `what`: `None` when the key is
/// absent (undefined or null), an `invalid-argument` at `files.<key>` when it
/// holds anything but a string.
fn file_text(files: &JsValue, key: &str, what: &str) -> Result<Option<String>, JsFailure> {
    let value = js_sys::Reflect::get(files, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| not_text(key, what, &value))
}

/// The `invalid-argument` error at `files.<key>` for a `value` that is not
/// the text of `what`.
fn not_text(key: &str, what: &str, value: &JsValue) -> JsFailure {
    careerplan::Error::InvalidArgument {
        path: format!("files.{key}"),
        message: format!(
            "expected the text of {what} as a string, got {}",
            type_name(value)
        ),
    }
    .into()
}

/// The contents of O*NET's files for `RoleCatalog.fromOnet`, by key.
const ONET_FILES: [(&str, &str); 4] = [
    ("skills", onet::SKILLS_FILE),
    ("knowledge", onet::KNOWLEDGE_FILE),
    ("occupations", onet::OCCUPATIONS_FILE),
    ("readme", onet::README_FILE),
];

#[wasm_bindgen(js_class = RoleCatalog)]
impl JsRoleCatalog {
    /// Read a catalog from JSON text, a catalog object `{roles, scales,
    /// aliases, attribution, ...}` or an array of roles (what `careerplan
    /// roles --format json` prints). Throws `invalid-json` or
    /// `invalid-value` with the path of the bad field
    /// (`roles[3].requirements[0].level`).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "RoleCatalogInput")] catalog: JsValue,
    ) -> Result<JsRoleCatalog, JsFailure> {
        let catalog = if let Some(text) = catalog.as_string() {
            RoleCatalog::from_json(&text)?
        } else if catalog.is_object() {
            RoleCatalog::from_value(json_value(catalog, "")?)?
        } else {
            return Err(crate::missing_or_wrong(
                &catalog,
                "catalog",
                "a role catalog as JSON text, an object or an array of roles",
            ));
        };
        Ok(JsRoleCatalog::new(catalog, None))
    }

    /// Import O*NET's occupations from the contents of its database files:
    /// `{skills, knowledge, occupations, readme}`, the text of
    /// `Skills.txt`, `Knowledge.txt`, `Occupation Data.txt` and
    /// `ONET_Read_Me.txt` (each optional; at least one ratings file). The
    /// version in the attribution comes from `readme` unless
    /// `options.version` is set. `options` (OnetOptions) may also set
    /// `not_relevant`, `recommend_suppress` (`"drop"` or `"keep"`),
    /// `must_have_importance` and `descriptions`; `onetStats` tells what
    /// the import did. Throws `invalid-table` (path `Skills.txt:LINE`) for
    /// a row that does not fit O*NET's layout, `invalid-argument` when
    /// neither ratings file is given.
    #[wasm_bindgen(js_name = fromOnet)]
    pub fn from_onet(
        #[wasm_bindgen(unchecked_param_type = "OnetFiles")] files: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "OnetOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<JsRoleCatalog, JsFailure> {
        if !files.is_object() || js_sys::Array::is_array(&files) {
            return Err(crate::missing_or_wrong(
                &files,
                "files",
                "an object {skills, knowledge, occupations, readme} of file contents",
            ));
        }
        let mut texts = BTreeMap::new();
        let keys = js_sys::Object::keys(&js_sys::Object::from(files.clone()));
        for key in keys.iter() {
            let key = key.as_string().unwrap_or_default();
            let Some(i) = ONET_FILES.iter().position(|(k, _)| *k == key) else {
                return Err(careerplan::Error::InvalidArgument {
                    path: format!("files.{key}"),
                    message: format!(
                        "unknown key; expected one of {}",
                        ONET_FILES.map(|(k, f)| format!("`{k}` ({f})")).join(", ")
                    ),
                }
                .into());
            };
            if let Some(text) = file_text(&files, &key, ONET_FILES[i].1)? {
                texts.insert(ONET_FILES[i].1.to_string(), text);
            }
        }
        let options: OnetOptions = crate::options_arg(options, "options")?;
        let imported = onet::import_files(&mut texts, &options, true).map_err(|e| e.into_core())?;
        Ok(JsRoleCatalog::new(imported.catalog, Some(imported.stats)))
    }

    /// Import ESCO's occupations from the contents of its CSV download:
    /// `{occupations, skills, relations}`, the text of
    /// `occupations_<lang>.csv`, `skills_<lang>.csv` and
    /// `occupationSkillRelations_<lang>.csv` (any language). One role per
    /// occupation with skills, id the UUID at the end of its URI,
    /// `external_id` the URI; essential skills are must-haves (importance
    /// 4), optional ones nice-to-haves (importance 2); alternative labels
    /// become aliases. ESCO has no levels: every requirement is level 3
    /// ("competent") on `dreyfus-5` unless `options` (EscoOptions) sets
    /// `level` and `scale`; it may also set `essential_importance`,
    /// `optional_importance`, `optional`, `descriptions`, `aliases`,
    /// `version` and `language`. `escoStats` tells what the import did.
    /// Throws `invalid-table` (path `<file>:LINE`) for a row that does not
    /// fit ESCO's layout, `invalid-argument` for a missing file.
    #[wasm_bindgen(js_name = fromEsco)]
    pub fn from_esco(
        #[wasm_bindgen(unchecked_param_type = "EscoFiles")] files: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "EscoOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<JsRoleCatalog, JsFailure> {
        if !files.is_object() || js_sys::Array::is_array(&files) {
            return Err(crate::missing_or_wrong(
                &files,
                "files",
                "an object {occupations, skills, relations} of file contents",
            ));
        }
        // All three are needed: an absent one (undefined or null) is
        // reported as a wrong type, naming which.
        let text = |key: &str| -> Result<String, JsFailure> {
            let value =
                js_sys::Reflect::get(&files, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
            value
                .as_string()
                .ok_or_else(|| not_text(key, "the ESCO file", &value))
        };
        let (occupations, skills, relations) =
            (text("occupations")?, text("skills")?, text("relations")?);
        let options: EscoOptions = crate::options_arg(options, "options")?;
        let sources = EscoSources {
            occupations: &occupations,
            skills: &skills,
            relations: &relations,
        };
        let imported = esco::import(&sources, &options)?;
        Ok(JsRoleCatalog::with_stats(
            imported.catalog,
            None,
            Some(imported.stats),
        ))
    }

    /// For a catalog from `fromEsco`, the counts of the import (rows,
    /// occupations, requirements, essential and optional links, aliases,
    /// relations left out, ...); otherwise `null`.
    #[wasm_bindgen(getter = escoStats, unchecked_return_type = "EscoStats | null")]
    pub fn esco_stats(&self) -> Result<JsValue, JsFailure> {
        to_js(&self.shared.esco_stats)
    }

    /// The number of roles.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.shared.catalog.roles.len()
    }

    /// The catalog's name, if it has one.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> Option<String> {
        self.shared.catalog.name.clone()
    }

    /// The attribution the catalog's data source requires (O*NET's), if any.
    #[wasm_bindgen(getter)]
    pub fn attribution(&self) -> Option<String> {
        self.shared.catalog.attribution.clone()
    }

    /// For a catalog from `fromOnet`, the counts of the import (rows,
    /// occupations, requirements, flagged ratings dropped or kept, ...);
    /// otherwise `null`.
    #[wasm_bindgen(getter = onetStats, unchecked_return_type = "OnetStats | null")]
    pub fn onet_stats(&self) -> Result<JsValue, JsFailure> {
        to_js(&self.shared.onet_stats)
    }

    /// The role ids, in catalog order.
    #[wasm_bindgen(getter = roleIds)]
    pub fn role_ids(&self) -> Vec<String> {
        self.shared
            .catalog
            .roles
            .iter()
            .map(|r| r.id.clone())
            .collect()
    }

    /// The role with this id, as an object. Throws `invalid-argument` (path
    /// `role`, naming close ids) when there is none.
    #[wasm_bindgen(unchecked_return_type = "Role")]
    pub fn role(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsFailure> {
        let id = crate::string_arg(&id, "id")?;
        to_js(self.shared.catalog.role(&id)?)
    }

    /// The whole catalog as plain data, the shape `fromJson` reads (so
    /// `JSON.stringify(catalog)` writes it).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "RoleCatalogData")]
    pub fn to_json(&self) -> Result<JsValue, JsFailure> {
        to_js(self.shared.catalog.data())
    }

    /// How a function given this object in its options recognises it.
    #[wasm_bindgen(getter = __careerplanCatalogKey, skip_typescript)]
    pub fn catalog_key(&self) -> u32 {
        self.key
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
    let mut split = split_options::<GapOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut split)?;
    let catalog = catalog.for_roles(&[&role])?;
    to_js(&catalog.skill_gap(&profile, &role, &split.core)?)
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
    let mut split = split_options::<RankOptions>(options, &["catalog", "top_k"])?;
    let catalog = catalog_option(&mut split)?;
    let top_k: Option<usize> = match split.own.remove("top_k") {
        Some(value) => careerplan::json::from_value(value, "options.top_k")?,
        None => None,
    };
    to_js(&catalog.get().rank(&profile, top_k, &split.core)?)
}

/// How much of a person's profile the roles of `options.catalog` (the
/// built-in catalog when absent) cover: `{skills, covered, via_crosswalk,
/// uncovered, share, low, warning?}`. `via_crosswalk` lists skills an O*NET
/// catalog reaches only through careerplan's crosswalk to O*NET elements;
/// `low` (share below 0.5) comes with a `warning`. Call it next to
/// `rankRoles`: a ranking that rests on a small share of the profile says
/// little.
#[wasm_bindgen(js_name = catalogCoverage, unchecked_return_type = "Coverage")]
pub fn catalog_coverage(
    #[wasm_bindgen(js_name = planOrProfile, unchecked_param_type = "ProfileInput")]
    plan_or_profile: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CoverageOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let profile = profile_arg(plan_or_profile)?;
    let mut split = split_options::<NoOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut split)?;
    to_js(&catalog.get().coverage(&profile))
}

/// `catalogCoverage` has no options of the core's, only `catalog`.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NoOptions {}

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
    let mut split = split_options::<GapOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut split)?;
    let catalog = catalog.for_roles(&[&from, &to])?;
    to_js(&catalog.transferable_skills(&profile, &from, &to, &split.core)?)
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
    let mut split = split_options::<RankOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut split)?;
    to_js(&catalog.get().gap_matrix(&people, &split.core)?)
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
    } else if resume.is_undefined() {
        return Err(crate::missing_or_wrong(
            &resume,
            "resume",
            "a JSON Resume document as a JSON string or an object",
        ));
    } else {
        return Err(type_error(&format!(
            "expected a JSON Resume document as a JSON string or an object, got {}",
            type_name(&resume)
        )));
    };
    to_js(&imported)
}
