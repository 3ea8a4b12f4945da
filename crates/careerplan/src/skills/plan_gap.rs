//! A plan's gap to a role, and which gaps the plan's goals and actions work on.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::gap::{self, GapOptions, GapReport};
use super::resolve::Context;
use super::role::Role;
use crate::Error;
use crate::plan::Plan;

/// The goals and actions that work on one gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GapLinks {
    /// Canonical skill name.
    pub skill: String,
    /// Ids of open goals that link the skill.
    pub goals: Vec<String>,
    /// Ids of open actions that link the skill.
    pub actions: Vec<String>,
}

/// A [`GapReport`] for the plan's profile, plus what the plan does about each
/// gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanGapReport {
    /// The gap report (its fields appear at the top level in JSON).
    #[serde(flatten)]
    pub gap: GapReport,
    /// For every skill with a gap, in priority order: the open goals and
    /// actions that link it.
    pub links: Vec<GapLinks>,
    /// Skills with a gap that no open goal or action links.
    pub unaddressed: Vec<String>,
}

/// The gap from the plan's profile to `role`, and which gaps no goal or
/// action addresses.
///
/// A goal or action addresses a skill when it lists it in `skills` (names
/// compare after aliases and normalisation) and is still open (not done, not
/// abandoned): finished work that left a gap no longer addresses it. The
/// plan's own `scales` are available to its assessments.
///
/// ```
/// use careerplan::skills::{builtin_roles, plan_gap, GapOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///   "profile": {"skills": [{"skill": "Project management", "level": 3}]},
///   "goals": [{"id": "g1", "title": "Earn the PMP", "skills": ["project management"]}]}"#, &Default::default())?;
/// let report = plan_gap(&plan, builtin_roles().role("project-manager")?, &GapOptions::default())?;
/// let pm = report.links.iter().find(|l| l.skill == "Project management").unwrap();
/// assert_eq!(pm.goals, ["g1"]);
/// assert!(report.unaddressed.contains(&"Leadership".to_string()));
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// As [`skill_gap`](super::skill_gap); the plan's scales are checked at
/// `scales[i]`.
pub fn plan_gap(plan: &Plan, role: &Role, options: &GapOptions) -> Result<PlanGapReport, Error> {
    options.check()?;
    let ctx = Context::new(
        &[(&options.aliases, "options.aliases")],
        &[
            (&plan.scales, "scales"),
            (&options.scales, "options.scales"),
        ],
    )?;
    let report = gap::gap_in_context(&ctx, &plan.profile, role, "", options)?;
    Ok(link(plan, &ctx, report))
}

fn link(plan: &Plan, ctx: &Context<'_>, gap: GapReport) -> PlanGapReport {
    let mut goals: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut actions: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for g in plan.goals.iter().filter(|g| g.status.is_open()) {
        for s in &g.skills {
            push_unique(goals.entry(ctx.vocab.key(s)).or_default(), &g.id);
        }
    }
    for a in plan.actions.iter().filter(|a| a.status.is_open()) {
        for s in &a.skills {
            push_unique(actions.entry(ctx.vocab.key(s)).or_default(), &a.id);
        }
    }
    let mut links = Vec::new();
    let mut unaddressed = Vec::new();
    for s in gap.skills.iter().filter(|s| !s.met) {
        let key = super::names::fold(&s.skill);
        let g = goals.get(&key).cloned().unwrap_or_default();
        let a = actions.get(&key).cloned().unwrap_or_default();
        if g.is_empty() && a.is_empty() {
            unaddressed.push(s.skill.clone());
        }
        links.push(GapLinks {
            skill: s.skill.clone(),
            goals: g,
            actions: a,
        });
    }
    PlanGapReport {
        gap,
        links,
        unaddressed,
    }
}

fn push_unique(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}
