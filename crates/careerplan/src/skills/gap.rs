//! Gap reports: one person against one role, and what carries over between
//! two roles. The formulas are in the [module docs](super).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::learning::{self, LearningActivity, LearningCatalog};
use super::ranking::{Tier, TierThresholds};
use super::resolve::{self, Assessed, Context, ResolvedRequirement};
use super::role::{Role, RoleCatalog};
use crate::Error;
use crate::plan::{Profile, date};
use crate::scale::Scale;

/// Options of [`skill_gap`], [`transferable_skills`] and
/// [`plan_gap`](fn@super::plan_gap).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct GapOptions {
    /// Custom scales the profile's assessments use (a plan's `scales`).
    pub scales: Vec<Scale>,
    /// Extra skill aliases, `alias -> canonical name`.
    pub aliases: BTreeMap<String, String>,
    /// Hours of learning per step of proficiency, a step being a fifth of the
    /// proficiency axis (one level of `dreyfus-5`). Default 40: a planning
    /// figure, not research; set your own.
    pub hours_per_step: f64,
    /// The reference date for the age of assessments; without it, no
    /// assessment is judged stale and `confidence` is `null`.
    #[serde(with = "date::optional", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<NaiveDate>")]
    pub today: Option<NaiveDate>,
    /// Assessments older than this many days (or undated) are stale. Default
    /// 365.
    pub max_assessment_age_days: u32,
    /// Readiness tier thresholds.
    pub tiers: TierThresholds,
    /// Learning activities to suggest for gaps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learning: Option<LearningCatalog>,
}

impl Default for GapOptions {
    fn default() -> Self {
        GapOptions {
            scales: Vec::new(),
            aliases: BTreeMap::new(),
            hours_per_step: 40.0,
            today: None,
            max_assessment_age_days: 365,
            tiers: TierThresholds::default(),
            learning: None,
        }
    }
}

impl GapOptions {
    /// Check the free-form numbers.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if !(self.hours_per_step.is_finite() && self.hours_per_step >= 0.0) {
            return Err(Error::InvalidArgument {
                path: "options.hours_per_step".into(),
                message: format!(
                    "expected a non-negative number, got {}",
                    self.hours_per_step
                ),
            });
        }
        self.tiers.check("options.tiers")
    }
}

/// One requirement of the role, compared with the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SkillGap {
    /// Canonical skill name.
    pub skill: String,
    /// The person's level converted to the role's scale; `null` when the
    /// person has no assessment of the skill.
    pub current: Option<f64>,
    /// The level the role needs, on the role's scale.
    pub required: f64,
    /// `required - current` in levels of the role's scale, at least 0 (a
    /// missing skill counts from proficiency 0; see [`Scale::level_at`]).
    pub gap: f64,
    /// This requirement's share of the role's total importance; the weights
    /// of a report sum to 1.
    pub weight: f64,
    /// The role's scale.
    pub scale: String,
    /// The requirement's importance as written.
    pub importance: f64,
    /// Whether the requirement is a must-have.
    pub must_have: bool,
    /// Whether the person meets the requirement.
    pub met: bool,
    /// Current proficiency, 0 to 1 (0 when not assessed).
    pub current_normalized: f64,
    /// Required proficiency, 0 to 1.
    pub required_normalized: f64,
    /// `max(required - current, 0)` in proficiency.
    pub gap_normalized: f64,
    /// `min(current / required, 1)` in proficiency (1 when nothing is required).
    pub attainment: f64,
    /// `weight * attainment`: this skill's part of the readiness.
    pub contribution: f64,
    /// Place among the gaps, 1 first (unmet must-haves first, then the
    /// largest readiness gain); `null` when met.
    pub priority: Option<u32>,
    /// Estimated hours to close the gap: `gap_normalized * 5 * hours_per_step`.
    pub hours: f64,
    /// The skill's name as the person wrote it, when assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_as: Option<String>,
    /// When the assessment was made.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub assessed_on: Option<NaiveDate>,
    /// The assessment is older than `max_assessment_age_days` or undated
    /// (only judged when `today` is given).
    pub stale: bool,
    /// The role's source flags the requirement as imprecise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub low_precision: bool,
    /// Learning activities that raise the person from their current level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<LearningActivity>,
}

/// A skill in which the person exceeds the role's requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Strength {
    /// Canonical skill name.
    pub skill: String,
    /// The person's level on the role's scale.
    pub current: f64,
    /// The role's requirement.
    pub required: f64,
    /// `current - required`, in levels of the role's scale.
    pub margin: f64,
}

/// How one person measures up to one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GapReport {
    /// The role's id.
    pub role_id: String,
    /// Weighted readiness, 0 to 1: the sum of the skills' contributions.
    pub readiness: f64,
    /// Every requirement: gaps in priority order, then the met ones in the
    /// role's order.
    pub skills: Vec<SkillGap>,
    /// The role's title.
    pub title: String,
    /// Readiness tier.
    pub tier: Tier,
    /// Must-have skills the person does not meet yet.
    pub unmet_must_haves: Vec<String>,
    /// Skills where the person exceeds the requirement.
    pub strengths: Vec<Strength>,
    /// The person's skills that the role does not ask for, as written.
    pub unmatched_skills: Vec<String>,
    /// Sum of the hours of every gap.
    pub total_hours: f64,
    /// Share of the readiness that rests on fresh (not stale) assessments;
    /// `null` without a reference date.
    pub confidence: Option<f64>,
    /// Assessed skills whose assessment is stale.
    pub stale_skills: Vec<String>,
    /// Attribution of the role's data source, if it requires one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// Compare a person's profile with a role given whole.
///
/// The role may use the built-in scales and those in `options.scales`; for a
/// role of a catalog with its own scales or aliases use
/// [`Catalog::skill_gap`](super::Catalog::skill_gap) with its id.
///
/// ```
/// use careerplan::skills::{builtin_roles, skill_gap, GapOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
///     {"skill": "Project management", "level": 3}, {"skill": "Leadership", "level": 2}]}}"#, &Default::default())?;
/// let role = builtin_roles().role("project-manager")?;
/// let report = skill_gap(&plan.profile, role, &GapOptions::default())?;
/// let sum: f64 = report.skills.iter().map(|s| s.contribution).sum();
/// assert!((sum - report.readiness).abs() < 1e-12);
/// // Both must-haves are short; Leadership first, as closing it gains more.
/// assert_eq!(report.unmet_must_haves, ["Leadership", "Project management"]);
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidValue`] for an unknown scale, a level outside its scale, a
/// non-positive importance or a skill required twice (with the JSON path:
/// `profile.skills[2].scale`, `requirements[0].level`);
/// [`Error::InvalidArgument`] for bad options.
pub fn skill_gap(profile: &Profile, role: &Role, options: &GapOptions) -> Result<GapReport, Error> {
    options.check()?;
    let ctx = Context::new(
        &[(&options.aliases, "options.aliases")],
        &[(&options.scales, "options.scales")],
    )?;
    gap_in_context(&ctx, profile, role, "", options)
}

/// [`skill_gap`] for the role `role_id` of `catalog`, using the catalog's
/// scales and aliases as well as the options': the body of
/// [`Catalog::skill_gap`](super::Catalog::skill_gap) for a role given by id.
///
/// # Errors
/// As [`skill_gap`], plus [`Error::InvalidArgument`] (path `role`) when the
/// catalog has no such role.
pub(crate) fn gap_by_id(
    profile: &Profile,
    catalog: &RoleCatalog,
    role_id: &str,
    options: &GapOptions,
) -> Result<GapReport, Error> {
    options.check()?;
    let index = catalog.position(role_id)?;
    let role = &catalog.roles[index];
    let ctx = catalog_context(catalog, options)?;
    let mut report = gap_in_context(&ctx, profile, role, &format!("roles[{index}]"), options)?;
    if report.attribution.is_none() {
        report.attribution.clone_from(&catalog.attribution);
    }
    Ok(report)
}

pub(crate) fn catalog_context<'c>(
    catalog: &RoleCatalog,
    options: &GapOptions,
) -> Result<Context<'c>, Error> {
    Context::new(
        &[
            (&catalog.aliases, "aliases"),
            (&options.aliases, "options.aliases"),
        ],
        &[
            (&options.scales, "options.scales"),
            (&catalog.scales, "scales"),
        ],
    )
}

/// The person's proficiency per canonical key.
type Current<'p> = HashMap<String, Assessed<'p>>;

pub(crate) fn gap_in_context(
    ctx: &Context<'_>,
    profile: &Profile,
    role: &Role,
    role_path: &str,
    options: &GapOptions,
) -> Result<GapReport, Error> {
    let reqs =
        resolve::resolve_requirements(ctx, &role.requirements, role_path, &mut Default::default())?;
    // Against an O*NET role, everyday skill names also count for the
    // elements they draw on (`super::crosswalk`), those the role requires.
    let expanded;
    let skills = if super::crosswalk::is_onet_role(role) {
        let vocabulary = super::names::SkillVocabulary::builtin();
        let required: std::collections::HashSet<String> = role
            .requirements
            .iter()
            .map(|r| vocabulary.key(&r.skill))
            .collect();
        let n = profile.skills.len();
        let mut all = super::crosswalk::Crosswalk::builtin()
            .expand(&profile.skills)
            .into_owned();
        let mut i = 0;
        all.retain(|a| {
            i += 1;
            i <= n || required.contains(&vocabulary.key(&a.skill))
        });
        expanded = all;
        &expanded[..]
    } else {
        &profile.skills[..]
    };
    let current = resolve::resolve_assessments(ctx, skills, "profile.skills")?;
    let activities = match &options.learning {
        Some(cat) => learning::resolve_activities(ctx, cat, "options.learning")?,
        None => Vec::new(),
    };
    Ok(build_report(
        role,
        &reqs,
        &current,
        |key| current.get(key).map(|a| a.proficiency),
        &activities,
        options,
    ))
}

fn build_report(
    role: &Role,
    reqs: &[ResolvedRequirement<'_, '_>],
    assessed: &Current<'_>,
    proficiency: impl Fn(&str) -> Option<f64>,
    activities: &[learning::ResolvedActivity<'_>],
    options: &GapOptions,
) -> GapReport {
    let total: f64 = reqs.iter().map(|r| r.req.importance).sum();
    let mut skills: Vec<SkillGap> = Vec::with_capacity(reqs.len());
    let mut strengths = Vec::new();
    let mut stale_skills = Vec::new();
    // readiness = sum(importance * attainment) / sum(importance), summed in
    // the same order as `total` so that meeting everything gives exactly 1.
    let (mut weighted, mut fresh_readiness) = (0.0, 0.0);
    for r in reqs {
        let have = proficiency(&r.key);
        let c = have.unwrap_or(0.0);
        let p = r.proficiency;
        let weight = if total > 0.0 {
            r.req.importance / total
        } else {
            0.0
        };
        let attainment = resolve::attainment(c, p);
        let contribution = r.req.importance * attainment / total;
        weighted += r.req.importance * attainment;
        let met = resolve::meets(c, p);
        let assessment = assessed.get(&r.key);
        let current_level = have.map(|c| match assessment {
            // On the role's own scale the level is shown as the person wrote it.
            Some(a) if a.assessment.scale == r.scale.id && a.proficiency == c => a.assessment.level,
            _ => round6(r.scale.level_at(c)),
        });
        let gap = if met {
            0.0
        } else {
            (r.req.level - current_level.unwrap_or_else(|| round6(r.scale.level_at(0.0)))).max(0.0)
        };
        let gap_normalized = if met { 0.0 } else { (p - c).max(0.0) };
        let stale = match (assessment, options.today) {
            (Some(a), Some(today)) => a.assessment.assessed_on.is_none_or(|d| {
                (today - d).num_days() > i64::from(options.max_assessment_age_days)
            }),
            _ => false,
        };
        if stale {
            stale_skills.push(r.skill.clone());
        } else {
            fresh_readiness += contribution;
        }
        if let Some(level) = current_level
            && c > p + resolve::EPS
        {
            strengths.push(Strength {
                skill: r.skill.clone(),
                current: level,
                required: r.req.level,
                margin: level - r.req.level,
            });
        }
        skills.push(SkillGap {
            skill: r.skill.clone(),
            current: current_level,
            required: r.req.level,
            gap,
            weight,
            scale: r.scale.id.clone(),
            importance: r.req.importance,
            must_have: r.req.required,
            met,
            // Proficiencies and hours are shown to 9 decimals, so that the
            // binary noise of 0.6 - 0.4 does not reach the JSON.
            current_normalized: round9(c),
            required_normalized: round9(p),
            gap_normalized: round9(gap_normalized),
            attainment,
            contribution,
            priority: None,
            hours: round9(gap_normalized * 5.0 * options.hours_per_step),
            assessed_as: assessment.map(|a| a.assessment.skill.clone()),
            assessed_on: assessment.and_then(|a| a.assessment.assessed_on),
            stale,
            low_precision: r.req.low_precision,
            activities: if met {
                Vec::new()
            } else {
                learning::matching(activities, &r.key, c)
            },
        });
    }
    let readiness = if reqs.is_empty() {
        // A role that asks for nothing is met by anyone.
        fresh_readiness = 1.0;
        1.0
    } else {
        (weighted / total).clamp(0.0, 1.0)
    };
    // Priority: unmet must-haves first, then the largest readiness gain, then
    // the role's order; met skills keep the role's order after the gaps.
    let mut order: Vec<usize> = (0..skills.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        let (x, y) = (&skills[a], &skills[b]);
        x.met
            .cmp(&y.met)
            .then_with(|| (y.must_have && !y.met).cmp(&(x.must_have && !x.met)))
            .then_with(|| {
                let gain = |s: &SkillGap| {
                    if s.met {
                        0.0
                    } else {
                        s.weight - s.contribution
                    }
                };
                gain(y).total_cmp(&gain(x))
            })
            .then_with(|| a.cmp(&b))
    });
    let mut ordered: Vec<SkillGap> = Vec::with_capacity(skills.len());
    let mut slots: Vec<Option<SkillGap>> = skills.into_iter().map(Some).collect();
    for (rank, i) in order.into_iter().enumerate() {
        if let Some(mut s) = slots[i].take() {
            if !s.met {
                s.priority = u32::try_from(rank + 1).ok();
            }
            ordered.push(s);
        }
    }
    let unmet_must_haves: Vec<String> = ordered
        .iter()
        .filter(|s| s.must_have && !s.met)
        .map(|s| s.skill.clone())
        .collect();
    let required_keys: std::collections::HashSet<&str> =
        reqs.iter().map(|r| r.key.as_str()).collect();
    let mut unmatched: Vec<(usize, String)> = assessed
        .iter()
        .filter(|(k, _)| !required_keys.contains(k.as_str()))
        .map(|(_, a)| (a.index, a.assessment.skill.clone()))
        .collect();
    crate::sort::sort(&mut unmatched);
    let total_hours = round9(ordered.iter().map(|s| s.hours).sum());
    let confidence = options.today.map(|_| {
        if readiness > 0.0 {
            (fresh_readiness / readiness).clamp(0.0, 1.0)
        } else {
            1.0
        }
    });
    GapReport {
        role_id: role.id.clone(),
        readiness,
        skills: ordered,
        title: role.title.clone(),
        tier: options.tiers.tier(readiness, unmet_must_haves.len()),
        unmet_must_haves,
        strengths,
        unmatched_skills: unmatched.into_iter().map(|(_, s)| s).collect(),
        total_hours,
        confidence,
        stale_skills,
        attribution: role.attribution.clone(),
    }
}

fn round9(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

/// Levels converted between scales, rounded to six decimals so that 3 on
/// `dreyfus-5` reads back as 3, not 3.0000000000000004.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Where a transferable skill comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransferSource {
    /// The person's own assessment.
    Profile,
    /// The role they are leaving requires it.
    FromRole,
    /// Both.
    Both,
}

/// A skill of the target role that the person brings along.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TransferableSkill {
    /// Canonical skill name.
    pub skill: String,
    /// Where the skill comes from.
    pub source: TransferSource,
    /// The level carried over, on the target role's scale.
    pub current: f64,
    /// The target role's requirement.
    pub required: f64,
    /// Remaining gap in levels of the target role's scale.
    pub gap: f64,
    /// Share of the target role's importance.
    pub weight: f64,
    /// Whether the carried-over level meets the target requirement.
    pub covers: bool,
}

/// What carries over from one role to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TransferReport {
    /// The role the person leaves.
    pub from_role_id: String,
    /// The role they aim for.
    pub to_role_id: String,
    /// Readiness for the target from the profile alone.
    pub readiness_before: f64,
    /// Readiness for the target when the person is credited with the
    /// requirements of the role they leave (at least at its levels).
    pub readiness_after: f64,
    /// Target-role skills the person brings along, in the target's order.
    pub transferable: Vec<TransferableSkill>,
    /// Share of the target role's importance covered by transferable skills.
    pub transfer_share: f64,
    /// Target-role skills that neither the profile nor the old role provide.
    pub new_skills: Vec<String>,
    /// Attribution of the roles' data source, if either requires one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// What carries over in a career change from `from_role` to `to_role`,
/// both given whole (for roles of a catalog, by id, use
/// [`Catalog::transferable_skills`](super::Catalog::transferable_skills)).
///
/// The person is assumed to hold the old role's requirements at least at
/// their required levels (they do that job); their own assessments count
/// where higher. A target skill transfers when either source provides it.
///
/// ```
/// use careerplan::skills::{builtin_roles, transferable_skills, GapOptions};
/// let roles = builtin_roles();
/// let t = transferable_skills(&Default::default(), roles.role("registered-nurse")?,
///     roles.role("charge-nurse")?, &GapOptions::default())?;
/// assert!(t.transferable.iter().any(|s| s.skill == "Patient care"));
/// assert!(t.readiness_after > t.readiness_before);
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// As [`skill_gap`], for either role (paths start `from_role.` or `to_role.`).
pub fn transferable_skills(
    profile: &Profile,
    from_role: &Role,
    to_role: &Role,
    options: &GapOptions,
) -> Result<TransferReport, Error> {
    options.check()?;
    let ctx = Context::new(
        &[(&options.aliases, "options.aliases")],
        &[(&options.scales, "options.scales")],
    )?;
    transfer_in_context(
        &ctx,
        profile,
        (from_role, "from_role"),
        (to_role, "to_role"),
        options,
    )
}

/// [`transferable_skills`] between the roles `from_role_id` and `to_role_id`
/// of `catalog`, using the catalog's scales and aliases as well as the
/// options': the body of
/// [`Catalog::transferable_skills`](super::Catalog::transferable_skills) for
/// roles given by id.
///
/// # Errors
/// As [`transferable_skills`] (paths of the roles' fields start `roles[i].`),
/// and [`Error::InvalidArgument`] (path `from_role` or `to_role`) when the
/// catalog has no role with that id.
pub(crate) fn transfer_by_id(
    profile: &Profile,
    catalog: &RoleCatalog,
    from_role_id: &str,
    to_role_id: &str,
    options: &GapOptions,
) -> Result<TransferReport, Error> {
    options.check()?;
    let locate = |id: &str, argument: &str| {
        catalog.position(id).map_err(|e| Error::InvalidArgument {
            path: argument.to_string(),
            message: e.message(),
        })
    };
    let (from, to) = (
        locate(from_role_id, "from_role")?,
        locate(to_role_id, "to_role")?,
    );
    let ctx = catalog_context(catalog, options)?;
    let mut report = transfer_in_context(
        &ctx,
        profile,
        (&catalog.roles[from], &format!("roles[{from}]")),
        (&catalog.roles[to], &format!("roles[{to}]")),
        options,
    )?;
    if report.attribution.is_none() {
        report.attribution.clone_from(&catalog.attribution);
    }
    Ok(report)
}

/// What carries over from `from` to `to`, each a role and its JSON path.
fn transfer_in_context(
    ctx: &Context<'_>,
    profile: &Profile,
    (from_role, from_path): (&Role, &str),
    (to_role, to_path): (&Role, &str),
    options: &GapOptions,
) -> Result<TransferReport, Error> {
    let mut cache = resolve::SkillCache::new();
    let from = resolve::resolve_requirements(ctx, &from_role.requirements, from_path, &mut cache)?;
    let to = resolve::resolve_requirements(ctx, &to_role.requirements, to_path, &mut cache)?;
    let current = resolve::resolve_assessments(ctx, &profile.skills, "profile.skills")?;
    let from_levels: HashMap<&str, f64> = from
        .iter()
        .map(|r| (r.key.as_str(), r.proficiency))
        .collect();
    let no_activities = Vec::new();
    let before = build_report(
        to_role,
        &to,
        &current,
        |k| current.get(k).map(|a| a.proficiency),
        &no_activities,
        options,
    );
    let carried = |k: &str| -> Option<f64> {
        match (current.get(k).map(|a| a.proficiency), from_levels.get(k)) {
            (Some(a), Some(&b)) => Some(a.max(b)),
            (a, b) => a.or(b.copied()),
        }
    };
    let after = build_report(to_role, &to, &current, carried, &no_activities, options);
    let total: f64 = to.iter().map(|r| r.req.importance).sum();
    let mut transferable = Vec::new();
    let mut new_skills = Vec::new();
    for r in &to {
        let mine = current
            .get(&r.key)
            .map(|a| a.proficiency)
            .filter(|&p| p > 0.0);
        let theirs = from_levels
            .get(r.key.as_str())
            .copied()
            .filter(|&p| p > 0.0);
        let source = match (mine, theirs) {
            (Some(_), Some(_)) => TransferSource::Both,
            (Some(_), None) => TransferSource::Profile,
            (None, Some(_)) => TransferSource::FromRole,
            (None, None) => {
                new_skills.push(r.skill.clone());
                continue;
            }
        };
        let c = mine.unwrap_or(0.0).max(theirs.unwrap_or(0.0));
        let covers = resolve::meets(c, r.proficiency);
        let current_level = round6(r.scale.level_at(c));
        transferable.push(TransferableSkill {
            skill: r.skill.clone(),
            source,
            current: current_level,
            required: r.req.level,
            gap: if covers {
                0.0
            } else {
                (r.req.level - current_level).max(0.0)
            },
            weight: if total > 0.0 {
                r.req.importance / total
            } else {
                0.0
            },
            covers,
        });
    }
    Ok(TransferReport {
        from_role_id: from_role.id.clone(),
        to_role_id: to_role.id.clone(),
        readiness_before: before.readiness,
        readiness_after: after.readiness,
        transfer_share: transferable.iter().map(|t| t.weight).sum(),
        transferable,
        new_skills,
        attribution: to_role
            .attribution
            .clone()
            .or_else(|| from_role.attribution.clone()),
    })
}
