//! The crosswalk from everyday skill names to O*NET's elements, and how much
//! of a profile a catalog covers.
//!
//! O*NET rates occupations on its own 35 skills and 33 knowledge areas
//! ("Coordination", "Administration and Management"). A profile written in
//! everyday terms ("Project management", "Leadership") matches almost none
//! of them by name, and a ranking against O*NET would then rest on the one
//! or two skills that happen to share a name. `data/onet_crosswalk.json`
//! lists, per common skill, the O*NET elements it draws on (careerplan's
//! own judgement, by element id).
//!
//! # Use in scoring
//! Against roles imported from O*NET (requirements whose `external_id` is an
//! O*NET element id, `2.A.1.a`), an assessment of a skill in the crosswalk
//! also counts for each element it lists, at the same level and on the same
//! scale, unless the person assessed that element directly; when several
//! skills point to one element the highest proficiency is in force, as for
//! any repeated assessment. Other catalogs are scored on the names as
//! written.
//!
//! # Coverage
//! [`Catalog::coverage`](super::Catalog::coverage) tells how many of a
//! profile's skills a catalog names, directly or through the crosswalk: a
//! ranking that rests on a small share of the profile says little, and below
//! `low_coverage_share` (0.5) the report carries a warning.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::names::SkillVocabulary;
use super::role::{Role, RoleCatalog};
use crate::plan::{Profile, SkillAssessment};

const CROSSWALK_JSON: &str = include_str!("../../data/onet_crosswalk.json");

#[derive(Deserialize)]
struct CrosswalkFile {
    #[allow(dead_code)]
    note: String,
    low_coverage_share: f64,
    skills: std::collections::BTreeMap<String, Vec<String>>,
}

/// The crosswalk of `data/onet_crosswalk.json`.
#[derive(Debug)]
pub struct Crosswalk {
    /// Below this share of a profile's skills found in a catalog, coverage is low.
    pub low_coverage_share: f64,
    /// Skill key (the vocabulary's [`key`](SkillVocabulary::key)) to the
    /// canonical names of the O*NET elements it draws on.
    targets: HashMap<String, Vec<String>>,
    /// The key of each element name, made once (keys cost a fold each).
    element_keys: HashMap<String, String>,
}

impl Crosswalk {
    /// The built-in crosswalk, parsed once.
    pub fn builtin() -> &'static Crosswalk {
        static BUILTIN: OnceLock<Crosswalk> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The file ships with the crate and a unit test parses it; an
            // empty crosswalk is the (untested-for) fallback, not a panic.
            let file: Option<CrosswalkFile> = crate::json::from_text(CROSSWALK_JSON, "").ok();
            let vocabulary = SkillVocabulary::builtin();
            let mut targets: HashMap<String, Vec<String>> = HashMap::new();
            let mut low = 0.5;
            if let Some(file) = file {
                low = file.low_coverage_share;
                for (skill, ids) in file.skills {
                    let names = ids
                        .iter()
                        .filter_map(|id| vocabulary.by_external_id(id))
                        .map(str::to_string)
                        .collect();
                    targets.insert(vocabulary.key(&skill), names);
                }
            }
            let element_keys = targets
                .values()
                .flatten()
                .map(|name| (name.clone(), vocabulary.key(name)))
                .collect();
            Crosswalk {
                low_coverage_share: low,
                targets,
                element_keys,
            }
        })
    }

    /// The canonical names of the O*NET elements skill `name` draws on
    /// (empty when the crosswalk does not list it).
    ///
    /// ```
    /// use careerplan::skills::crosswalk::Crosswalk;
    /// let elements = Crosswalk::builtin().elements("project management");
    /// assert!(elements.contains(&"Coordination".to_string()));
    /// assert!(Crosswalk::builtin().elements("Basket weaving").is_empty());
    /// ```
    pub fn elements(&self, name: &str) -> &[String] {
        self.targets
            .get(&SkillVocabulary::builtin().key(name))
            .map_or(&[], Vec::as_slice)
    }

    /// `skills` and, after them, one derived assessment per O*NET element
    /// the crosswalk reaches from them that is not assessed directly: the
    /// same level, scale and date as its source, with `evidence` naming the
    /// source. Unchanged when nothing is derived.
    pub fn expand<'s>(
        &self,
        skills: &'s [SkillAssessment],
    ) -> std::borrow::Cow<'s, [SkillAssessment]> {
        let vocabulary = SkillVocabulary::builtin();
        let direct: HashSet<String> = skills.iter().map(|a| vocabulary.key(&a.skill)).collect();
        let mut derived: Vec<SkillAssessment> = Vec::new();
        for a in skills {
            for element in self.elements(&a.skill) {
                let key = self.element_keys.get(element);
                if key.is_some_and(|k| direct.contains(k)) {
                    continue;
                }
                derived.push(SkillAssessment {
                    skill: element.clone(),
                    evidence: Some(format!("through the O*NET crosswalk from {}", a.skill)),
                    ..a.clone()
                });
            }
        }
        if derived.is_empty() {
            return std::borrow::Cow::Borrowed(skills);
        }
        let mut all = skills.to_vec();
        all.extend(derived);
        std::borrow::Cow::Owned(all)
    }
}

/// Whether a requirement's external id is an O*NET element id (`2.A.1.a`,
/// `2.C.10`): the mark of a role imported from O*NET.
pub fn is_onet_element_id(id: &str) -> bool {
    let mut parts = id.split('.');
    matches!(parts.next(), Some(d) if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        && matches!(parts.next(), Some(l) if l.len() == 1 && l.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Whether any requirement of `role` carries an O*NET element id.
pub fn is_onet_role(role: &Role) -> bool {
    role.requirements
        .iter()
        .any(|r| r.external_id.as_deref().is_some_and(is_onet_element_id))
}

/// How much of a profile a catalog covers: its skills that some role of the
/// catalog names directly, those it reaches only through the crosswalk (an
/// O*NET catalog), and those it does not name at all.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Coverage {
    /// The profile's distinct skills.
    pub skills: usize,
    /// Skills some role requires under their own name (or an alias).
    pub covered: Vec<String>,
    /// Skills no role names, but whose O*NET elements (through the
    /// crosswalk) some role requires.
    pub via_crosswalk: Vec<String>,
    /// Skills the catalog does not know: they cannot count for any role.
    pub uncovered: Vec<String>,
    /// `(covered + via_crosswalk) / skills`, 0 to 1 (1 for an empty profile).
    pub share: f64,
    /// The share is below the crosswalk's `low_coverage_share`.
    pub low: bool,
    /// When `low`: a sentence saying what that means for the ranking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// How much of `profile` the roles of `catalog` cover: the body of
/// [`Catalog::coverage`](super::Catalog::coverage).
pub(crate) fn catalog_coverage(profile: &Profile, catalog: &RoleCatalog) -> Coverage {
    let vocabulary = SkillVocabulary::builtin();
    let mut required: HashSet<String> = HashSet::new();
    let mut onet = false;
    for role in &catalog.roles {
        onet |= is_onet_role(role);
        for r in &role.requirements {
            required.insert(vocabulary.key(&r.skill));
        }
    }
    let crosswalk = Crosswalk::builtin();
    let mut seen = HashSet::new();
    let (mut covered, mut via, mut uncovered) = (Vec::new(), Vec::new(), Vec::new());
    for a in &profile.skills {
        let key = vocabulary.key(&a.skill);
        if !seen.insert(key.clone()) {
            continue;
        }
        let name = a.skill.trim().to_string();
        if required.contains(&key) {
            covered.push(name);
        } else if onet
            && crosswalk
                .elements(&a.skill)
                .iter()
                .any(|e| required.contains(&vocabulary.key(e)))
        {
            via.push(name);
        } else {
            uncovered.push(name);
        }
    }
    let skills = seen.len();
    let share = if skills == 0 {
        1.0
    } else {
        (covered.len() + via.len()) as f64 / skills as f64
    };
    let low = share < crosswalk.low_coverage_share;
    let warning = low.then(|| {
        format!(
            "the catalog names only {} of the profile's {skills} skills ({}%); readiness rests on those alone, so the ranking says little (not covered: {})",
            covered.len() + via.len(),
            (share * 100.0).round(),
            uncovered.join(", ")
        )
    });
    Coverage {
        skills,
        covered,
        via_crosswalk: via,
        uncovered,
        share,
        low,
        warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crosswalk_file_parses_and_names_known_elements() {
        let file: CrosswalkFile = crate::json::from_text(CROSSWALK_JSON, "").unwrap();
        let vocabulary = SkillVocabulary::builtin();
        for (skill, ids) in &file.skills {
            assert!(!ids.is_empty(), "{skill}");
            for id in ids {
                assert!(is_onet_element_id(id), "{skill}: {id}");
                assert!(
                    vocabulary.by_external_id(id).is_some(),
                    "{skill}: {id} unknown"
                );
            }
        }
        assert_eq!(Crosswalk::builtin().targets.len(), file.skills.len());
    }

    #[test]
    fn element_ids_are_recognised() {
        assert!(is_onet_element_id("2.A.1.a"));
        assert!(is_onet_element_id("2.C.10"));
        assert!(!is_onet_element_id("http://data.europa.eu/esco/skill/abc"));
        assert!(!is_onet_element_id("S1"));
    }
}
