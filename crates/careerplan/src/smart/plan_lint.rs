//! Linting goals in their plan, and whole plans.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::report::{Criterion, LintReport};
use super::rules::{Rule, render};
use super::{Context, Linter};
use crate::Severity;
use crate::plan::{Goal, Horizon, Plan};

/// The report on one goal of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalReport {
    /// The goal's id.
    pub goal_id: String,
    /// JSON path of the goal in the plan, e.g. `goals[2]`.
    pub path: String,
    /// The goal's report (its fields appear at this level in JSON).
    #[serde(flatten)]
    pub report: LintReport,
}

/// A finding about a plan as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanDiagnostic {
    /// Stable rule code, e.g. `too-many-active-goals`.
    pub code: String,
    /// The criterion the rule judges.
    pub criterion: Criterion,
    /// How serious it is.
    pub severity: Severity,
    /// One line naming the goals involved.
    pub message: String,
    /// JSON path of the goal (or `goals` for the whole list).
    pub path: String,
    /// Ids of the goals involved.
    pub goal_ids: Vec<String>,
    /// What to do about it.
    pub suggestion: Option<String>,
}

/// The linter's verdict on a whole plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanLintReport {
    /// One report per goal, in plan order.
    pub goals: Vec<GoalReport>,
    /// Findings about the plan as a whole.
    pub findings: Vec<PlanDiagnostic>,
}

impl PlanLintReport {
    /// The most serious severity among all diagnostics and findings.
    pub fn max_severity(&self) -> Option<Severity> {
        self.goals
            .iter()
            .filter_map(|g| g.report.max_severity())
            .chain(self.findings.iter().map(|f| f.severity))
            .max()
    }

    /// Whether anything is at error severity.
    pub fn has_errors(&self) -> bool {
        self.max_severity() == Some(Severity::Error)
    }

    /// Fill the UTF-16 spans of every goal's report (see
    /// [`LintReport::with_utf16_spans`]), for editors that index strings in
    /// UTF-16 (JavaScript).
    pub fn with_utf16_spans(mut self) -> PlanLintReport {
        for g in &mut self.goals {
            g.report.fill_utf16_spans();
        }
        self
    }
}

impl Context {
    /// The context of a goal in its plan: its deadline, start, horizon and
    /// metric, what it is linked to (values, aspiration, parent goal), the
    /// person's values, aspirations and interests, and the remaining effort of
    /// its open actions.
    pub fn for_goal(goal: &Goal, plan: &Plan) -> Context {
        let target = named_role_gap(goal, plan);
        let effort: Vec<f64> = plan
            .actions_for(&goal.id)
            .filter(|a| a.status.is_open())
            .filter_map(|a| a.effort_hours)
            .filter(|h| h.is_finite() && *h >= 0.0)
            .collect();
        Context {
            today: None,
            deadline: goal.deadline,
            start: goal
                .start
                .or_else(|| plan.created.as_ref().map(|t| t.date())),
            horizon: goal.horizon,
            horizon_windows: plan.horizons.clone(),
            metric: goal.metric.clone(),
            linked_values: goal.values.clone(),
            aspiration: goal
                .aspiration_id
                .as_deref()
                .and_then(|id| plan.aspirations.iter().find(|a| a.id == id))
                .map(|a| a.statement.clone()),
            parent: goal
                .parent_id
                .as_deref()
                .and_then(|id| plan.goal(id))
                .map(|g| g.title.clone()),
            values: plan.profile.values.iter().map(|v| v.name.clone()).collect(),
            aspirations: plan
                .aspirations
                .iter()
                .map(|a| a.statement.clone())
                .collect(),
            interests: plan.profile.interests.clone(),
            remaining_effort_hours: (!effort.is_empty()).then(|| effort.iter().sum()),
            target_role: target.map(|(role, _)| role.title.clone()),
            skill_gap_hours: target.map(|(_, hours)| hours),
        }
    }
}

/// The built-in role the goal's title names (the longest title that appears
/// in it as whole words) and the hours the skill-gap engine estimates to
/// reach it from the plan's profile. Nothing without a profile to judge.
fn named_role_gap(goal: &Goal, plan: &Plan) -> Option<(&'static crate::skills::Role, f64)> {
    use crate::skills::{GapOptions, builtin_roles, fold, skill_gap};
    if plan.profile.skills.is_empty() {
        return None;
    }
    let text = format!(" {} ", fold(&goal.title));
    let role = builtin_roles()
        .roles
        .iter()
        .filter(|r| text.contains(&format!(" {} ", fold(&r.title))))
        .max_by_key(|r| r.title.len())?;
    let options = GapOptions {
        scales: plan.scales.clone(),
        ..GapOptions::default()
    };
    let report = skill_gap(&plan.profile, role, &options).ok()?;
    Some((role, report.total_hours))
}

impl Linter {
    /// Lint a goal of `plan`: its title, judged with its deadline field,
    /// metric, horizon, links (values, aspiration, parent) and the effort of
    /// its open actions.
    ///
    /// ```
    /// use careerplan::smart::{LintConfig, Linter};
    /// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
    ///   "profile": {"values": [{"name": "growth"}]},
    ///   "goals": [{"id": "g", "title": "Pass the CCNA exam", "deadline": "2027-03-31",
    ///              "values": ["growth"]}]}"#, &Default::default())?;
    /// let linter = Linter::new(LintConfig { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22), ..Default::default() })?;
    /// let report = linter.lint_goal(&plan.goals[0], &plan)?;
    /// assert_eq!(report.deadline.unwrap().to_string(), "2027-03-31");
    /// assert_eq!(report.criteria.relevant.met, Some(true));
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::LimitExceeded`] at `title` for a title longer than
    /// the configuration's `limits.max_text_bytes`.
    pub fn lint_goal(&self, goal: &Goal, plan: &Plan) -> Result<LintReport, crate::Error> {
        self.lint_text(&goal.title, &Context::for_goal(goal, plan))
            .map_err(|e| e.at_path("title".into()))
    }

    /// Lint every goal of `plan`, then the plan as a whole: too many active
    /// goals, long-term goals with no short-term goal under them, open goals
    /// with no actions, and duplicate goals.
    ///
    /// # Errors
    /// [`crate::Error::LimitExceeded`] at `goals[i].title` for the first
    /// goal whose title is longer than the configuration's
    /// `limits.max_text_bytes`.
    pub fn lint_plan(&self, plan: &Plan) -> Result<PlanLintReport, crate::Error> {
        // Every title is checked before any goal is linted: a refused plan
        // costs no linting.
        for (i, g) in plan.goals.iter().enumerate() {
            self.config()
                .limits
                .check_text(&g.title)
                .map_err(|e| e.at_path(format!("goals[{i}].title")))?;
        }
        let goals = plan
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| GoalReport {
                goal_id: g.id.clone(),
                path: format!("goals[{i}]"),
                report: self.lint_unchecked(&g.title, &Context::for_goal(g, plan)),
            })
            .collect();
        let mut findings = Vec::new();
        self.plan_findings(plan, &mut findings);
        Ok(PlanLintReport { goals, findings })
    }

    fn plan_finding(
        &self,
        rule: Rule,
        path: String,
        goal_ids: Vec<String>,
        args: &[(&str, String)],
    ) -> Option<PlanDiagnostic> {
        if !self.enabled(rule) {
            return None;
        }
        let info = rule.info()?;
        Some(PlanDiagnostic {
            code: rule.code().to_string(),
            criterion: info.criterion,
            severity: self.severity(rule),
            message: render(&info.message, args),
            path,
            goal_ids,
            suggestion: info.suggestion.as_deref().map(|s| render(s, args)),
        })
    }

    fn plan_findings(&self, plan: &Plan, out: &mut Vec<PlanDiagnostic>) {
        let open: Vec<(usize, &Goal)> = plan
            .goals
            .iter()
            .enumerate()
            .filter(|(_, g)| g.status.is_open())
            .collect();
        let has_open_child = |g: &Goal| plan.children_of(&g.id).any(|c| c.status.is_open());
        // Active goals: open leaves. A parent whose children carry the work is not counted.
        let active: Vec<&Goal> = open
            .iter()
            .map(|(_, g)| *g)
            .filter(|g| !has_open_child(g))
            .collect();
        let max = self.config().thresholds.max_active_goals;
        if active.len() > max {
            let ids = active.iter().map(|g| g.id.clone()).collect();
            out.extend(self.plan_finding(
                Rule::TooManyActiveGoals,
                "goals".into(),
                ids,
                &[
                    ("count", active.len().to_string()),
                    ("max", max.to_string()),
                ],
            ));
        }
        let windows = plan.horizon_windows();
        for &(i, g) in &open {
            if g.horizon == Some(Horizon::Long) {
                let short_child = plan.children_of(&g.id).any(|c| {
                    c.horizon == Some(Horizon::Short)
                        || matches!((c.start.or(g.start), c.deadline), (Some(s), Some(d)) if crate::plan::validate::months_between(s, d) <= i64::from(windows.short_max_months))
                });
                if !short_child {
                    out.extend(self.plan_finding(
                        Rule::LongTermWithoutSteps,
                        format!("goals[{i}]"),
                        vec![g.id.clone()],
                        &[("goal", g.title.clone())],
                    ));
                }
            }
            if plan.actions_for(&g.id).next().is_none() && plan.children_of(&g.id).next().is_none()
            {
                out.extend(self.plan_finding(
                    Rule::GoalWithoutActions,
                    format!("goals[{i}]"),
                    vec![g.id.clone()],
                    &[("goal", g.title.clone())],
                ));
            }
        }
        // Duplicates: Jaccard similarity of key terms.
        let terms: Vec<HashSet<String>> = plan
            .goals
            .iter()
            .map(|g| self.goal_terms(&g.title))
            .collect();
        let threshold = self.config().thresholds.duplicate_similarity;
        for (j, i) in similar_pairs(&terms, threshold) {
            let (gi, gj) = (&plan.goals[i], &plan.goals[j]);
            out.extend(self.plan_finding(
                Rule::DuplicateGoal,
                format!("goals[{j}]"),
                vec![gj.id.clone(), gi.id.clone()],
                &[("goal", gj.title.clone()), ("other", gi.title.clone())],
            ));
        }
    }
}

/// For each set `j` whose Jaccard similarity to an earlier set reaches
/// `threshold`, the pair `(j, i)` with the first such `i`: one finding per
/// duplicate goal, however many copies a plan holds.
///
/// Prefix filtering keeps this near linear: with each set's terms ordered
/// rarest first, two sets with similarity >= t share a term among the first
/// `|x| - ceil(t * |x|) + 1` terms of each, so only those are indexed and
/// probed, and goals that share only common words are never compared.
fn similar_pairs(terms: &[HashSet<String>], threshold: f64) -> Vec<(usize, usize)> {
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for set in terms {
        for term in set {
            *frequency.entry(term.as_str()).or_default() += 1;
        }
    }
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut pairs = Vec::new();
    for (j, set) in terms.iter().enumerate() {
        if set.is_empty() {
            continue;
        }
        let mut ordered: Vec<&str> = set.iter().map(String::as_str).collect();
        crate::sort::sort_by_key(&mut ordered, |t| {
            (frequency.get(t).copied().unwrap_or(0), *t)
        });
        let size = ordered.len() as f64;
        let prefix = (ordered.len() + 1)
            .saturating_sub((threshold * size).ceil() as usize)
            .max(1);
        let prefix = &ordered[..prefix.min(ordered.len())];
        let mut candidates: Vec<usize> = prefix
            .iter()
            .filter_map(|t| index.get(t))
            .flatten()
            .copied()
            .collect();
        crate::sort::sort(&mut candidates);
        candidates.dedup();
        let first = candidates.into_iter().find(|&i| {
            let other = &terms[i];
            let inter = set.intersection(other).count() as f64;
            let union = (set.len() + other.len()) as f64 - inter;
            inter / union >= threshold
        });
        if let Some(i) = first {
            pairs.push((j, i));
        }
        for t in prefix {
            index.entry(t).or_default().push(j);
        }
    }
    pairs
}
