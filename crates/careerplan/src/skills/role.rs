//! Roles, their skill requirements, and catalogs of roles.
//!
//! A [`Role`] is a list of [`Requirement`]s `{skill, level, scale,
//! importance, required}`. A [`RoleCatalog`] groups roles with the scales and
//! aliases they use, and, for roles derived from a third-party source such as
//! O*NET, the attribution that source asks for.
//!
//! The built-in starter catalog ([`builtin_roles`], `data/roles.json`) was
//! written for this project. It is **illustrative**: 30 roles on the career
//! paths the seed texts discuss (project coordinator to programme manager,
//! engineer to engineering manager, analyst to data scientist, nurse to nurse
//! manager, HR, marketing, product, design, security, founding a business),
//! each with a handful of plausible requirements on the `dreyfus-5` scale.
//! The levels and weights are judgement, not survey data; use them for demos
//! and as a template, and bring your own catalog (or O*NET's) for decisions.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::plan::Extra;
use crate::scale::Scale;
use crate::text::SharedStr;

/// One skill a role needs, at a level on a scale, with a weight.
// Its texts are `SharedStr`s: a catalog import makes each skill's name, URI
// and scale id once and shares them among every requirement that names the
// skill (ESCO's 129,004 requirements name about 13,500 skills). In JSON they
// are plain strings. (Not in the doc comment: that is the schema's text.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Requirement {
    /// The skill's name (aliases resolve through the skill vocabulary).
    pub skill: SharedStr,
    /// The level needed, on `scale`.
    pub level: f64,
    /// Id of the scale `level` is on (default `dreyfus-5`).
    #[serde(default = "default_scale")]
    pub scale: SharedStr,
    /// How much the skill matters, a positive weight; by convention on O*NET's
    /// importance scale, 1 (not important) to 5 (extremely important).
    /// Default 3.
    #[serde(default = "default_importance")]
    pub importance: f64,
    /// A must-have: readiness tiers treat an unmet must-have as a blocker.
    #[serde(default)]
    pub required: bool,
    /// The skill's id in an external taxonomy: an O*NET element id such as
    /// `2.A.1.a`, or an ESCO skill URI. When the vocabulary knows the id, it
    /// decides which skill this is, whatever `skill` says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<SharedStr>,
    /// The source flags the rating as statistically imprecise (O*NET's
    /// "Recommend Suppress"); gap reports repeat the flag.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub low_precision: bool,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

fn default_scale() -> SharedStr {
    "dreyfus-5".into()
}

fn default_importance() -> f64 {
    3.0
}

impl Requirement {
    /// A requirement on `dreyfus-5` with the default importance (3).
    ///
    /// ```
    /// use careerplan::skills::role::Requirement;
    /// let r = Requirement::new("SQL", 3.0).importance(5.0).required(true);
    /// assert_eq!((r.level, r.importance, r.required), (3.0, 5.0, true));
    /// ```
    pub fn new(skill: impl Into<SharedStr>, level: f64) -> Requirement {
        Requirement {
            skill: skill.into(),
            level,
            scale: default_scale(),
            importance: default_importance(),
            required: false,
            external_id: None,
            low_precision: false,
            extra: Extra::new(),
        }
    }

    /// The same requirement on another scale.
    pub fn on_scale(mut self, scale: impl Into<SharedStr>) -> Requirement {
        self.scale = scale.into();
        self
    }

    /// The same requirement with another importance.
    pub fn importance(mut self, importance: f64) -> Requirement {
        self.importance = importance;
        self
    }

    /// The same requirement, marked as a must-have or not.
    pub fn required(mut self, required: bool) -> Requirement {
        self.required = required;
        self
    }
}

/// A role (job, position, occupation) and the skills it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Role {
    /// Stable id, unique in its catalog (O*NET roles use the O*NET-SOC code).
    pub id: String,
    /// Display title.
    pub title: String,
    /// The skills the role needs.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// What the role does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Job family or career track, e.g. `"project management"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Ids of roles that are typical next steps from this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_roles: Vec<String>,
    /// Attribution required by the source of the role's data (set on every
    /// role imported from O*NET); results derived from the role repeat it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The role's id in an external taxonomy: an ESCO occupation URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl Role {
    /// A role with an id, a title and requirements.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        requirements: Vec<Requirement>,
    ) -> Role {
        Role {
            id: id.into(),
            title: title.into(),
            requirements,
            description: None,
            family: None,
            next_roles: Vec::new(),
            attribution: None,
            external_id: None,
            extra: Extra::new(),
        }
    }
}

/// A set of roles with the custom scales and skill aliases they use.
///
/// JSON: `{"roles": [...], "scales": [...], "aliases": {"JS": "JavaScript"},
/// "attribution": "..."}`; [`RoleCatalog::from_json`] also accepts a bare list
/// of roles (what `careerplan roles --format json` prints).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RoleCatalog {
    /// Name of the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the catalog is, where its data comes from, how far to trust it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Attribution required by the catalog's data source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Custom scales the requirements use (besides the built-ins).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<Scale>,
    /// Extra skill aliases, `alias -> canonical name`, on top of the built-in
    /// vocabulary; they apply to the roles and to the profiles compared with
    /// them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<String, String>,
    /// The roles.
    pub roles: Vec<Role>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl RoleCatalog {
    /// A catalog of these roles and nothing else.
    pub fn from_roles(roles: Vec<Role>) -> RoleCatalog {
        RoleCatalog {
            roles,
            ..RoleCatalog::default()
        }
    }

    /// Read a catalog from JSON: an object with `roles`, or a bare list of
    /// roles.
    ///
    /// ```
    /// let catalog = careerplan::skills::RoleCatalog::from_json(
    ///     r#"[{"id": "pm", "title": "Project manager",
    ///          "requirements": [{"skill": "Project management", "level": 4}]}]"#)?;
    /// assert_eq!(catalog.roles[0].requirements[0].scale, "dreyfus-5");
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidJson`] for malformed text, [`Error::InvalidValue`] with
    /// the JSON path of a field that does not fit.
    pub fn from_json(text: &str) -> Result<RoleCatalog, Error> {
        crate::limits::Limits::default().check_json_text(text)?;
        Self::read(crate::json::parse_value(text, "")?)
    }

    /// Read a catalog from a parsed JSON value (a Python dict or a JS object
    /// read into one); see [`RoleCatalog::from_json`]. Its nesting is held to
    /// [`Limits::max_depth`](crate::limits::Limits::max_depth), as the text's is.
    ///
    /// # Errors
    /// As [`RoleCatalog::from_json`]; [`Error::LimitExceeded`] for a value
    /// nested deeper than the limit.
    pub fn from_value(value: serde_json::Value) -> Result<RoleCatalog, Error> {
        crate::limits::Limits::default().check_value_depth(&value)?;
        Self::read(value)
    }

    fn read(value: serde_json::Value) -> Result<RoleCatalog, Error> {
        // Parse the shape we recognise with path tracking, so an error names
        // the field (`roles[3].requirements[0].level`) rather than the whole
        // untagged enum.
        if value.is_array() {
            crate::json::from_value::<Vec<Role>>(value, "").map(RoleCatalog::from_roles)
        } else {
            crate::json::from_value(value, "")
        }
    }

    /// The role with this id.
    pub fn get(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The role with this id, or an error that lists close ids.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (path `role`) when no role has this id.
    pub fn role(&self, id: &str) -> Result<&Role, Error> {
        self.get(id).ok_or_else(|| self.unknown_role(id))
    }

    /// The position of the role with this id, or the error of
    /// [`RoleCatalog::role`].
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] (path `role`) when no role has this id.
    pub fn position(&self, id: &str) -> Result<usize, Error> {
        self.roles
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| self.unknown_role(id))
    }

    fn unknown_role(&self, id: &str) -> Error {
        let needle = super::names::fold(id);
        let mut close: Vec<&str> = self
            .roles
            .iter()
            .filter(|r| {
                let hay = super::names::fold(&r.id);
                !needle.is_empty() && (hay.contains(&needle) || needle.contains(&hay))
            })
            .map(|r| r.id.as_str())
            .take(5)
            .collect();
        crate::sort::sort(&mut close);
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", close.join(", "))
        };
        Error::InvalidArgument {
            path: "role".into(),
            message: format!("no role has id {id:?}{hint}"),
        }
    }

    /// The catalog as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        crate::json::to_pretty_text(self)
    }
}

const BUILTIN_JSON: &str = include_str!("../../data/roles.json");

/// The built-in starter catalog (`data/roles.json`): 30 **illustrative**
/// roles written for this project; see the module docs.
///
/// ```
/// let roles = careerplan::skills::builtin_roles();
/// assert!(roles.get("senior-project-manager").is_some());
/// ```
pub fn builtin_roles() -> &'static RoleCatalog {
    static CATALOG: OnceLock<RoleCatalog> = OnceLock::new();
    // The file ships with the crate and is checked by tests; an empty catalog
    // would only follow from a build defect.
    CATALOG.get_or_init(|| RoleCatalog::from_json(BUILTIN_JSON).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalog_value_is_held_to_the_depth_limit_as_its_text_is() {
        // A role whose unknown field nests 70 arrays deep: kept in `extra`
        // if read, so only the limit stops it.
        let deep = format!("{}1{}", "[".repeat(70), "]".repeat(70));
        let text = format!(r#"[{{"id": "r", "title": "R", "requirements": [], "x": {deep}}}]"#);
        let from_text = RoleCatalog::from_json(&text).unwrap_err();
        assert_eq!(from_text.code(), "limit-exceeded");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let from_value = RoleCatalog::from_value(value).unwrap_err();
        assert_eq!(from_value.code(), "limit-exceeded");
        assert!(from_value.to_string().starts_with("[0].x"), "{from_value}");
        // Within the limit, the same shape reads.
        let shallow = text.replace(&deep, "[[1]]");
        let value: serde_json::Value = serde_json::from_str(&shallow).unwrap();
        assert_eq!(
            RoleCatalog::from_value(value).unwrap().roles[0].extra["x"],
            serde_json::json!([[1]])
        );
    }

    #[test]
    fn builtin_catalog_parses_and_is_marked_illustrative() {
        let catalog = RoleCatalog::from_json(BUILTIN_JSON).unwrap();
        assert!(catalog.roles.len() >= 25);
        assert!(
            catalog
                .note
                .as_deref()
                .unwrap()
                .to_lowercase()
                .contains("illustrative")
        );
        for id in [
            "project-manager",
            "senior-project-manager",
            "team-lead",
            "engineering-manager",
            "data-analyst",
            "data-scientist",
            "security-analyst",
            "ux-designer",
            "product-manager",
            "registered-nurse",
            "charge-nurse",
            "hr-business-partner",
            "marketing-manager",
        ] {
            assert!(catalog.get(id).is_some(), "missing {id}");
        }
    }

    #[test]
    fn requirement_defaults_and_serialized_shape() {
        let r: Requirement = serde_json::from_str(r#"{"skill": "SQL", "level": 3}"#).unwrap();
        assert_eq!(
            (r.scale.as_str(), r.importance, r.required),
            ("dreyfus-5", 3.0, false)
        );
        let v = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["skill", "level", "scale", "importance", "required"]);
    }

    #[test]
    fn catalog_errors_name_the_field() {
        let err = RoleCatalog::from_json(
            r#"{"roles": [{"id": "a", "title": "A", "requirements": [{"skill": "x", "level": "high"}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.path(), "roles[0].requirements[0].level");
        let err = RoleCatalog::from_json(r#"[{"id": "a"}]"#).unwrap_err();
        assert_eq!(err.path(), "[0]");
    }

    #[test]
    fn unknown_role_suggests_close_ids() {
        let err = builtin_roles().role("project-mgr").unwrap_err();
        assert_eq!(err.code(), "invalid-argument");
        let err = builtin_roles().role("senior-project").unwrap_err();
        assert!(err.to_string().contains("senior-project-manager"), "{err}");
    }
}
