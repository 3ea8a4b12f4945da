//! Shared plumbing of the engines: which vocabulary and scales are in force,
//! and how requirements and assessments become canonical keys and
//! proficiencies.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::names::SkillVocabulary;
use super::role::Requirement;
use crate::Error;
use crate::plan::SkillAssessment;
use crate::scale::{Scale, ScaleRegistry};

/// Tolerance when comparing proficiencies: a current proficiency within this
/// of the required one meets it (levels converted between scales should
/// compare as equal when they are), and a requirement of at most this much is
/// met by anyone.
pub(crate) const EPS: f64 = 1e-6;

/// The vocabulary and scales in force for one computation.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub vocab: Cow<'a, SkillVocabulary>,
    pub scales: Vec<Scale>,
}

impl<'a> Context<'a> {
    /// Built-in vocabulary plus `aliases`, built-in scales plus `scales`
    /// (earlier lists win over later ones and over the built-ins).
    pub fn new(
        aliases: &[(&BTreeMap<String, String>, &str)],
        scales: &[(&[Scale], &str)],
    ) -> Result<Context<'a>, Error> {
        let mut vocab = Cow::Borrowed(SkillVocabulary::builtin());
        for (map, path) in aliases {
            if !map.is_empty() {
                vocab.to_mut().add_aliases(map, path)?;
            }
        }
        let mut all = Vec::new();
        for (list, path) in scales {
            for (i, s) in list.iter().enumerate() {
                s.check(&format!("{path}[{i}]"))?;
                all.push(s.clone());
            }
        }
        Ok(Context { vocab, scales: all })
    }

    pub fn registry(&self) -> ScaleRegistry<'_> {
        ScaleRegistry::with_custom(&self.scales)
    }

    /// The scale `id`, checked, or an error at `path`.
    pub fn scale(&self, id: &str, path: &str) -> Result<&Scale, Error> {
        let scale = self.registry().require(id, path)?;
        // Custom scales were checked in `new`; built-ins by a unit test.
        Ok(scale)
    }

    /// Canonical display name and key of a requirement's skill: its external
    /// id decides when the vocabulary knows it.
    pub fn requirement_skill(&self, req: &Requirement) -> (String, String) {
        let canonical = req
            .external_id
            .as_deref()
            .and_then(|id| self.vocab.by_external_id(id))
            .map(str::to_string)
            .unwrap_or_else(|| self.vocab.canonical_name(&req.skill).into_owned());
        let key = super::names::fold(&canonical);
        (canonical, key)
    }
}

/// A requirement checked and resolved.
#[derive(Debug, Clone)]
pub(crate) struct ResolvedRequirement<'r, 'c> {
    pub req: &'r Requirement,
    pub skill: String,
    pub key: String,
    pub scale: &'c Scale,
    /// Required proficiency, 0..=1.
    pub proficiency: f64,
}

/// Canonical name and key per `(skill, external id)` as written, so a catalog
/// that names the same skills in every role (O*NET) resolves each once.
pub(crate) type SkillCache<'r> = HashMap<&'r str, Vec<(Option<&'r str>, String, String)>>;

/// Check and resolve a role's requirements; `path` is the role's JSON path
/// (`""` for a lone role, `roles[3]` in a catalog).
pub(crate) fn resolve_requirements<'r, 'c>(
    ctx: &'c Context<'_>,
    reqs: &'r [Requirement],
    path: &str,
    cache: &mut SkillCache<'r>,
) -> Result<Vec<ResolvedRequirement<'r, 'c>>, Error> {
    let mut out: Vec<ResolvedRequirement<'r, 'c>> = Vec::with_capacity(reqs.len());
    let mut cached: Option<&'c Scale> = None;
    for (i, req) in reqs.iter().enumerate() {
        let here = |field: &str| join(path, &format!("requirements[{i}].{field}"));
        let external = req.external_id.as_deref();
        let known = cache
            .get(req.skill.as_str())
            .and_then(|v| v.iter().find(|(e, _, _)| *e == external))
            .map(|(_, skill, key)| (skill.clone(), key.clone()));
        let (skill, key) = match known {
            Some(found) => found,
            None => {
                let (skill, key) = ctx.requirement_skill(req);
                cache.entry(req.skill.as_str()).or_default().push((
                    external,
                    skill.clone(),
                    key.clone(),
                ));
                (skill, key)
            }
        };
        if key.is_empty() {
            return Err(Error::InvalidValue {
                path: here("skill"),
                message: "skill name is empty".into(),
            });
        }
        if !(req.importance.is_finite() && req.importance > 0.0) {
            return Err(Error::InvalidValue {
                path: here("importance"),
                message: format!(
                    "importance must be a positive number, got {}",
                    req.importance
                ),
            });
        }
        let scale = match cached {
            Some(s) if s.id == req.scale => s,
            _ => {
                let s = ctx.scale(&req.scale, &here("scale"))?;
                cached = Some(s);
                s
            }
        };
        if !scale.contains(req.level) {
            return Err(Error::InvalidValue {
                path: here("level"),
                message: scale.outside_message(req.level),
            });
        }
        out.push(ResolvedRequirement {
            req,
            skill,
            key,
            proficiency: scale.normalize(req.level),
            scale,
        });
    }
    // Duplicates: sort positions by key and compare neighbours; report the
    // earliest requirement that repeats an earlier one.
    let mut order: Vec<usize> = (0..out.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        out[a].key.cmp(&out[b].key).then(a.cmp(&b))
    });
    let duplicate = order
        .windows(2)
        .filter(|w| out[w[0]].key == out[w[1]].key)
        .map(|w| (w[1], w[0]))
        .min();
    if let Some((later, first)) = duplicate {
        return Err(Error::InvalidValue {
            path: join(path, &format!("requirements[{later}].skill")),
            message: format!(
                "skill {:?} is already required by requirements[{first}] (names compare after aliases and normalisation)",
                out[later].skill
            ),
        });
    }
    Ok(out)
}

/// One assessment, resolved to its canonical skill and proficiency.
#[derive(Debug, Clone)]
pub(crate) struct Assessed<'p> {
    pub assessment: &'p SkillAssessment,
    pub index: usize,
    pub proficiency: f64,
}

/// Resolve a person's assessments, keyed by canonical skill key. When a skill
/// is assessed more than once, the most recent assessment wins (undated ones
/// are older than dated ones; on a tie the later in the list wins).
pub(crate) fn resolve_assessments<'p>(
    ctx: &Context<'_>,
    skills: &'p [SkillAssessment],
    path: &str,
) -> Result<HashMap<String, Assessed<'p>>, Error> {
    let mut out: HashMap<String, Assessed<'p>> = HashMap::with_capacity(skills.len());
    for (i, a) in skills.iter().enumerate() {
        let here = |field: &str| join(path, &format!("[{i}].{field}"));
        let key = ctx.vocab.key(&a.skill);
        if key.is_empty() {
            return Err(Error::InvalidValue {
                path: here("skill"),
                message: "skill name is empty".into(),
            });
        }
        let scale = ctx.scale(&a.scale, &here("scale"))?;
        if !scale.contains(a.level) {
            return Err(Error::InvalidValue {
                path: here("level"),
                message: scale.outside_message(a.level),
            });
        }
        let entry = Assessed {
            assessment: a,
            index: i,
            proficiency: scale.normalize(a.level),
        };
        match out.get(&key) {
            Some(prev) if newer(prev.assessment.assessed_on, a.assessed_on) => {}
            _ => {
                out.insert(key, entry);
            }
        }
    }
    Ok(out)
}

/// Whether an assessment dated `kept` should stay over one dated `new` that
/// comes later in the list.
fn newer(kept: Option<NaiveDate>, new: Option<NaiveDate>) -> bool {
    match (kept, new) {
        (Some(k), Some(n)) => k > n,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// `a.b` path joining that leaves out empty parts and glues `[i]` on.
pub(crate) fn join(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        rest.trim_start_matches('.').to_string()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

/// Whether proficiency `current` meets `required` (within [`EPS`]).
pub(crate) fn meets(current: f64, required: f64) -> bool {
    current + EPS >= required
}

/// Attainment of one requirement: `current / required`, 1 once met.
pub(crate) fn attainment(current: f64, required: f64) -> f64 {
    if meets(current, required) {
        1.0
    } else {
        current / required
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_cleanly() {
        assert_eq!(join("", "requirements[0].level"), "requirements[0].level");
        assert_eq!(
            join("roles[2]", "requirements[0].level"),
            "roles[2].requirements[0].level"
        );
        assert_eq!(
            join("profile.skills", "[3].scale"),
            "profile.skills[3].scale"
        );
    }

    #[test]
    fn attainment_is_a_capped_ratio() {
        assert_eq!(attainment(0.3, 0.6), 0.5);
        assert_eq!(attainment(0.9, 0.6), 1.0);
        assert_eq!(attainment(0.0, 0.0), 1.0);
        assert_eq!(attainment(0.6 - 1e-9, 0.6), 1.0);
    }

    #[test]
    fn most_recent_assessment_wins() {
        let ctx = Context::new(&[], &[]).unwrap();
        let skills: Vec<SkillAssessment> = serde_json::from_str(
            r#"[{"skill": "SQL", "level": 4, "assessed_on": "2026-01-01"},
                {"skill": "sql", "level": 2, "assessed_on": "2025-01-01"},
                {"skill": "SQL ", "level": 1}]"#,
        )
        .unwrap();
        let map = resolve_assessments(&ctx, &skills, "skills").unwrap();
        assert_eq!(map["sql"].index, 0);
        let err = resolve_assessments(
            &ctx,
            &skills[..1]
                .iter()
                .cloned()
                .map(|mut s| {
                    s.level = 9.0;
                    s
                })
                .collect::<Vec<_>>(),
            "skills",
        )
        .unwrap_err();
        assert_eq!(err.path(), "skills[0].level");
    }
}
