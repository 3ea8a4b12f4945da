//! Progress of goals, on-track status, the plan summary and the roadmap.
//!
//! # Progress of a goal
//! A goal's progress is a percentage from 0 to 100, taken from the first
//! source of evidence that applies ([`ProgressSource`]):
//!
//! 1. **done**: a goal with status `done` is 100%.
//! 2. **metric**: `(current - baseline) / (target - baseline)`, clamped to
//!    0..=1 (a missing baseline is 0, a missing current is the baseline). A
//!    falling target (fewer defects) works the same way. A metric whose
//!    target equals its baseline measures nothing and is skipped. A
//!    **pass/fail metric** (target one step from the baseline: "PMP exam
//!    passed", 0 to 1) says nothing until it flips, so while it has not, the
//!    evidence below comes first and the metric's 0% is the last resort.
//! 3. **actions**: the goal's actions that are not abandoned, each weighted by
//!    its `effort_hours` (an action without an estimate weighs the mean of
//!    the estimated ones, or 1 when none is estimated), each credited by its
//!    status from `data/progress.json` (`done` = 1, others 0 by default):
//!    `sum(weight * credit) / sum(weight)`. Milestones are actions too.
//! 4. **children**: the child goals that are not abandoned, each weighted by
//!    its importance through the table `child_weight_by_importance` in
//!    `data/progress.json` (1, 2, 3, 5, 8 for importance 1 to 5; a child
//!    without a priority counts as importance 3): `sum(weight * progress) /
//!    sum(weight)`.
//! 5. **review**: the percentage the latest review (by date) recorded for the
//!    goal in its `progress`, when nothing above applies.
//! 6. **metric** again, for a pass/fail metric that has not flipped: 0%.
//! 7. **none**: 0%.
//!
//! # On-track status
//! Against elapsed time: `expected = (today - start) / (deadline - start)`
//! as a percentage, clamped to 0..=100, where `start` is the goal's start or
//! else the plan's creation date. `gap = progress - expected` (in percentage
//! points) gives the [`TrackStatus`] with the configurable
//! [`ProgressOptions`] thresholds:
//!
//! | status | when |
//! |---|---|
//! | `done` | the goal's status is `done` |
//! | `abandoned` | the goal's status is `abandoned` |
//! | `unscheduled` | no deadline, or no start date to measure from |
//! | `overdue` | the deadline has passed and the goal is not done |
//! | `ahead` | `gap >= ahead_points` (default 10) |
//! | `on_track` | `gap >= -at_risk_points` (default 10) |
//! | `at_risk` | `gap >= -off_track_points` (default 25) |
//! | `off_track` | otherwise |
//!
//! # Roadmap
//! [`roadmap`] renders the plan as Markdown tables per horizon, a Mermaid
//! `gantt` chart or a self-contained SVG timeline.

mod roadmap;
mod summary;

pub use roadmap::{RoadmapData, RoadmapFormat, RoadmapLane, RoadmapOptions, roadmap, roadmap_data};
pub use summary::{AchievementRef, Deadline, DeadlineKind, PlanStatus, plan_status, status_text};

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::plan::{Goal, Horizon, Plan, Status};

/// Where a goal's progress figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgressSource {
    /// The goal is done.
    Done,
    /// Its metric.
    Metric,
    /// Its actions, weighted by effort.
    Actions,
    /// Its child goals, weighted by priority.
    Children,
    /// The percentage the latest review recorded for it.
    Review,
    /// Nothing to measure it by.
    None,
}

/// A goal's progress and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalProgress {
    /// The goal.
    pub goal_id: String,
    /// Progress, 0 to 100.
    pub percent: f64,
    /// Where the figure comes from.
    pub source: ProgressSource,
}

/// Whether a goal is on track against elapsed time.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TrackStatus {
    /// Progress leads elapsed time by at least `ahead_points`.
    Ahead,
    /// Progress is within `at_risk_points` of elapsed time, or ahead of it.
    OnTrack,
    /// Progress trails elapsed time by more than `at_risk_points`.
    AtRisk,
    /// Progress trails elapsed time by more than `off_track_points`.
    OffTrack,
    /// The deadline has passed and the goal is not done.
    Overdue,
    /// The goal is done.
    Done,
    /// The goal was dropped.
    Abandoned,
    /// No deadline or no start date to measure elapsed time from.
    Unscheduled,
}

impl TrackStatus {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TrackStatus::Ahead => "ahead",
            TrackStatus::OnTrack => "on_track",
            TrackStatus::AtRisk => "at_risk",
            TrackStatus::OffTrack => "off_track",
            TrackStatus::Overdue => "overdue",
            TrackStatus::Done => "done",
            TrackStatus::Abandoned => "abandoned",
            TrackStatus::Unscheduled => "unscheduled",
        }
    }

    /// Whether the goal needs attention: at risk, off track or overdue.
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            TrackStatus::AtRisk | TrackStatus::OffTrack | TrackStatus::Overdue
        )
    }
}

impl std::fmt::Display for TrackStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Thresholds of the on-track status and the extent of the plan summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ProgressOptions {
    /// Percentage points of progress ahead of elapsed time that count as ahead.
    pub ahead_points: f64,
    /// Points behind elapsed time beyond which a goal is at risk.
    pub at_risk_points: f64,
    /// Points behind elapsed time beyond which a goal is off track.
    pub off_track_points: f64,
    /// How many upcoming deadlines the plan summary lists.
    pub next_deadlines: usize,
    /// Days back from `today` that "this period" covers in the summary when
    /// the plan has no earlier review (after a review, the period starts at
    /// the latest review before `today`).
    pub period_days: u32,
}

impl Default for ProgressOptions {
    fn default() -> Self {
        ProgressOptions {
            ahead_points: 10.0,
            at_risk_points: 10.0,
            off_track_points: 25.0,
            next_deadlines: 5,
            period_days: 90,
        }
    }
}

impl ProgressOptions {
    /// Check that the thresholds are finite, non-negative and ordered.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the bad field below `options`.
    pub fn check(&self) -> Result<(), Error> {
        self.check_at("options")
    }

    /// [`check`](Self::check) for thresholds nested in another options
    /// struct: `root` is their path, such as `options.progress` in
    /// [`AgendaOptions`](crate::schedule::AgendaOptions), so the error names
    /// the field the caller wrote.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the bad field below `root`.
    pub fn check_at(&self, root: &str) -> Result<(), Error> {
        for (name, v) in [
            ("ahead_points", self.ahead_points),
            ("at_risk_points", self.at_risk_points),
            ("off_track_points", self.off_track_points),
        ] {
            if !v.is_finite() || v < 0.0 {
                return Err(Error::InvalidArgument {
                    path: format!("{root}.{name}"),
                    message: format!(
                        "expected a non-negative number of percentage points, got {}",
                        v
                    ),
                });
            }
        }
        if self.off_track_points < self.at_risk_points {
            return Err(Error::InvalidArgument {
                path: format!("{root}.off_track_points"),
                message: format!(
                    "off_track_points ({}) must be at least at_risk_points ({})",
                    self.off_track_points, self.at_risk_points
                ),
            });
        }
        Ok(())
    }
}

/// A goal's progress, on-track status and the numbers behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalStatus {
    /// The goal.
    pub goal_id: String,
    /// Its title.
    pub title: String,
    /// Its horizon: as written, else inferred from its span, else `None`.
    pub horizon: Option<Horizon>,
    /// Progress, 0 to 100.
    pub percent: f64,
    /// Where the progress figure comes from.
    pub source: ProgressSource,
    /// On-track status.
    pub status: TrackStatus,
    /// The start elapsed time is measured from.
    #[serde(with = "crate::plan::date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub start: Option<NaiveDate>,
    /// The deadline.
    #[serde(with = "crate::plan::date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub deadline: Option<NaiveDate>,
    /// Share of the time from start to deadline that has elapsed, 0 to 100.
    pub expected_percent: Option<f64>,
    /// `percent - expected_percent`, in percentage points.
    pub gap_points: Option<f64>,
    /// Days from `today` to the deadline (negative once it has passed).
    pub days_left: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct RollupTable {
    child_weight_by_importance: HashMap<String, f64>,
    default_importance: u8,
    action_credit_by_status: HashMap<String, f64>,
}

const ROLLUP_JSON: &str = include_str!("../../data/progress.json");

struct Rollup {
    child_weights: [f64; 6],
    default_importance: u8,
    credit: [f64; 5],
}

fn rollup() -> &'static Rollup {
    static TABLE: OnceLock<Rollup> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file ships with the crate and a unit test parses it, so a
        // failure here is a build defect; fall back to the documented table.
        let parsed: Option<RollupTable> = crate::json::from_text(ROLLUP_JSON, "").ok();
        let mut child_weights = [0.0, 1.0, 2.0, 3.0, 5.0, 8.0];
        let mut credit = [0.0, 0.0, 0.0, 1.0, 0.0];
        let mut default_importance = 3;
        if let Some(t) = parsed {
            for (i, w) in child_weights.iter_mut().enumerate().skip(1) {
                if let Some(v) = t.child_weight_by_importance.get(&i.to_string()) {
                    *w = *v;
                }
            }
            for (status, slot) in [
                ("not_started", 0),
                ("in_progress", 1),
                ("blocked", 2),
                ("done", 3),
            ] {
                if let Some(v) = t.action_credit_by_status.get(status) {
                    credit[slot] = *v;
                }
            }
            default_importance = t.default_importance.clamp(1, 5);
        }
        Rollup {
            child_weights,
            default_importance,
            credit,
        }
    })
}

fn status_slot(status: Status) -> usize {
    match status {
        Status::NotStarted => 0,
        Status::InProgress => 1,
        Status::Blocked => 2,
        Status::Done => 3,
        Status::Abandoned => 4,
    }
}

fn child_weight(goal: &Goal) -> f64 {
    let table = rollup();
    let importance = goal
        .priority
        .as_ref()
        .map_or(table.default_importance, |p| p.importance.clamp(1, 5));
    table.child_weights[usize::from(importance)]
}

/// A pass/fail metric that has not flipped yet: its target one step from
/// its baseline (0 to 1: "exam passed", "promoted") and its current value
/// still the baseline. Its 0% hides the work done so far.
fn pass_fail_pending(goal: &Goal) -> bool {
    let Some(m) = goal.metric.as_ref() else {
        return false;
    };
    let baseline = m.baseline.unwrap_or(0.0);
    (m.target - baseline).abs() == 1.0 && m.current.unwrap_or(baseline) == baseline
}

/// The percentage the latest review (by date; the later one in the document
/// on the same date) recorded for the goal.
fn review_percent(plan: &Plan, goal_id: &str) -> Option<f64> {
    plan.reviews
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let snapshot = r.progress.iter().rev().find(|p| p.goal_id == goal_id)?;
            snapshot
                .percent
                .is_finite()
                .then_some(((r.date, i), snapshot.percent))
        })
        .max_by_key(|&(key, _)| key)
        .map(|(_, percent)| percent.clamp(0.0, 100.0))
}

fn metric_percent(goal: &Goal) -> Option<f64> {
    let m = goal.metric.as_ref()?;
    let baseline = m.baseline.unwrap_or(0.0);
    let span = m.target - baseline;
    if span == 0.0 || !span.is_finite() {
        return None;
    }
    let current = m.current.unwrap_or(baseline);
    let share = ((current - baseline) / span).clamp(0.0, 1.0);
    share.is_finite().then_some(share * 100.0)
}

fn actions_percent(plan: &Plan, goal_id: &str) -> Option<f64> {
    let table = rollup();
    let actions: Vec<_> = plan
        .actions_for(goal_id)
        .filter(|a| a.status != Status::Abandoned)
        .collect();
    if actions.is_empty() {
        return None;
    }
    let estimates: Vec<f64> = actions
        .iter()
        .filter_map(|a| a.effort_hours)
        .filter(|h| h.is_finite() && *h >= 0.0)
        .collect();
    let fallback = if estimates.is_empty() {
        1.0
    } else {
        estimates.iter().sum::<f64>() / estimates.len() as f64
    };
    let (mut done, mut total) = (0.0, 0.0);
    for a in &actions {
        let w = a
            .effort_hours
            .filter(|h| h.is_finite() && *h >= 0.0)
            .unwrap_or(fallback);
        total += w;
        done += w * table.credit[status_slot(a.status)];
    }
    // All estimates zero: every action counts the same.
    if total == 0.0 {
        let n = actions.len() as f64;
        let credited: f64 = actions
            .iter()
            .map(|a| table.credit[status_slot(a.status)])
            .sum();
        return Some(credited / n * 100.0);
    }
    Some(done / total * 100.0)
}

/// Progress of every goal, in document order; see the module docs for the
/// rule.
///
/// ```
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "goals": [
///   {"id": "g", "title": "Meet 6 senior managers", "deadline": "2027-02-28",
///    "metric": {"name": "met", "baseline": 0, "target": 6, "current": 2}}]}"#, &Default::default())?;
/// let p = careerplan::progress::progress(&plan);
/// assert!((p[0].percent - 33.33).abs() < 0.01);
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn progress(plan: &Plan) -> Vec<GoalProgress> {
    let children = plan.goal_tree().children;
    let mut memo: Vec<Option<(f64, ProgressSource)>> = vec![None; plan.goals.len()];
    let mut on_stack = vec![false; plan.goals.len()];
    (0..plan.goals.len())
        .map(|i| {
            let (percent, source) = goal_percent(plan, &children, i, &mut memo, &mut on_stack);
            GoalProgress {
                goal_id: plan.goals[i].id.clone(),
                percent,
                source,
            }
        })
        .collect()
}

fn goal_percent(
    plan: &Plan,
    children: &[Vec<usize>],
    i: usize,
    memo: &mut [Option<(f64, ProgressSource)>],
    on_stack: &mut [bool],
) -> (f64, ProgressSource) {
    if let Some(v) = memo[i] {
        return v;
    }
    // A goal in a cycle (reported by validation) contributes nothing to its
    // ancestors rather than recursing forever.
    if on_stack[i] {
        return (0.0, ProgressSource::None);
    }
    on_stack[i] = true;
    let goal = &plan.goals[i];
    let pending = pass_fail_pending(goal);
    let result = if goal.status == Status::Done {
        (100.0, ProgressSource::Done)
    } else if let Some(p) = metric_percent(goal).filter(|_| !pending) {
        (p, ProgressSource::Metric)
    } else if let Some(p) = actions_percent(plan, &goal.id) {
        (p, ProgressSource::Actions)
    } else {
        let (mut sum, mut total) = (0.0, 0.0);
        for &c in &children[i] {
            let child = &plan.goals[c];
            if child.status == Status::Abandoned {
                continue;
            }
            let w = child_weight(child);
            let (p, _) = goal_percent(plan, children, c, memo, on_stack);
            sum += w * p;
            total += w;
        }
        if total > 0.0 {
            (sum / total, ProgressSource::Children)
        } else if let Some(p) = review_percent(plan, &goal.id) {
            (p, ProgressSource::Review)
        } else if let Some(p) = metric_percent(goal) {
            (p, ProgressSource::Metric)
        } else {
            (0.0, ProgressSource::None)
        }
    };
    on_stack[i] = false;
    memo[i] = Some(result);
    result
}

/// The horizon of a goal: as written, else the horizon whose window holds
/// its start-to-deadline span.
pub fn effective_horizon(plan: &Plan, goal: &Goal) -> Option<Horizon> {
    goal.horizon.or_else(|| {
        let start = goal
            .start
            .or_else(|| plan.created.as_ref().map(|t| t.date()))?;
        let deadline = goal.deadline?;
        let months = crate::plan::validate::months_between(start, deadline);
        u32::try_from(months)
            .ok()
            .and_then(|m| plan.horizon_windows().classify(m))
    })
}

/// Each goal's progress and on-track status as of `today`, in document order.
///
/// # Errors
/// [`Error::InvalidArgument`] for thresholds that are negative, not finite or
/// out of order.
///
/// ```
/// use careerplan::progress::{goal_statuses, ProgressOptions, TrackStatus};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "goals": [
///   {"id": "g", "title": "Meet 6 senior managers", "start": "2027-01-01", "deadline": "2027-07-01",
///    "metric": {"name": "met", "target": 6, "current": 1}}]}"#, &Default::default())?;
/// let today = chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
/// let s = &goal_statuses(&plan, today, &ProgressOptions::default())?[0];
/// assert_eq!(s.status, TrackStatus::OffTrack); // 17% done, 50% of the time gone
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn goal_statuses(
    plan: &Plan,
    today: NaiveDate,
    options: &ProgressOptions,
) -> Result<Vec<GoalStatus>, Error> {
    options.check()?;
    Ok(progress(plan)
        .into_iter()
        .zip(&plan.goals)
        .map(|(p, goal)| assess(plan, goal, p, today, options))
        .collect())
}

fn assess(
    plan: &Plan,
    goal: &Goal,
    p: GoalProgress,
    today: NaiveDate,
    options: &ProgressOptions,
) -> GoalStatus {
    let start = goal
        .start
        .or_else(|| plan.created.as_ref().map(|t| t.date()));
    let deadline = goal.deadline;
    let days_left = deadline.map(|d| (d - today).num_days());
    let expected = match (start, deadline) {
        (Some(s), Some(d)) => {
            let total = (d - s).num_days();
            let elapsed = (today - s).num_days();
            Some(if total <= 0 {
                if today >= d { 100.0 } else { 0.0 }
            } else {
                (elapsed as f64 / total as f64 * 100.0).clamp(0.0, 100.0)
            })
        }
        _ => None,
    };
    let gap = expected.map(|e| p.percent - e);
    let status = match (goal.status, deadline, gap) {
        (Status::Done, _, _) => TrackStatus::Done,
        (Status::Abandoned, _, _) => TrackStatus::Abandoned,
        (_, Some(d), _) if d < today => TrackStatus::Overdue,
        (_, _, None) => TrackStatus::Unscheduled,
        (_, _, Some(g)) if g >= options.ahead_points && p.percent > 0.0 => TrackStatus::Ahead,
        (_, _, Some(g)) if g >= -options.at_risk_points => TrackStatus::OnTrack,
        (_, _, Some(g)) if g >= -options.off_track_points => TrackStatus::AtRisk,
        _ => TrackStatus::OffTrack,
    };
    GoalStatus {
        goal_id: p.goal_id,
        title: goal.title.clone(),
        horizon: effective_horizon(plan, goal),
        percent: p.percent,
        source: p.source,
        status,
        start,
        deadline,
        expected_percent: expected,
        gap_points: gap,
        days_left,
    }
}

/// `text` cut to at most `max` characters, with an ellipsis when cut; for
/// table cells and SVG labels.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut t: String = text.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load_plan;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn rollup_table_parses() {
        let t: RollupTable = crate::json::from_text(ROLLUP_JSON, "").unwrap();
        assert_eq!(t.child_weight_by_importance.len(), 5);
        assert_eq!(rollup().child_weights[5], 8.0);
        assert_eq!(rollup().credit[3], 1.0);
    }

    #[test]
    fn sources_in_order() {
        let plan = load_plan(
            r#"{"schema_version":1,"id":"p","goals":[
            {"id":"top","title":"t"},
            {"id":"m","title":"m","parent_id":"top","priority":{"importance":5,"feasibility":3},
             "metric":{"name":"x","baseline":10,"target":20,"current":15}},
            {"id":"a","title":"a","parent_id":"top","priority":{"importance":1,"feasibility":3}},
            {"id":"done","title":"d","status":"done","metric":{"name":"x","target":5,"current":0}},
            {"id":"empty","title":"e"}],
            "actions":[
            {"id":"x1","goal_id":"a","title":"s","status":"done","effort_hours":30},
            {"id":"x2","goal_id":"a","title":"s","effort_hours":10},
            {"id":"x3","goal_id":"a","title":"s","status":"abandoned","effort_hours":100},
            {"id":"x4","goal_id":"a","title":"s","status":"done"}]}"#,
            &Default::default(),
        )
        .unwrap();
        let p = progress(&plan);
        assert_eq!(p[1].source, ProgressSource::Metric);
        assert_eq!(p[1].percent, 50.0);
        // x4 weighs the mean of 30 and 10: (30 + 20) / (30 + 10 + 20).
        assert_eq!(p[2].source, ProgressSource::Actions);
        assert!((p[2].percent - 50.0 / 60.0 * 100.0).abs() < 1e-9);
        // Children weighted 8 (importance 5) and 1 (importance 1).
        assert_eq!(p[0].source, ProgressSource::Children);
        assert!((p[0].percent - (8.0 * 50.0 + 1.0 * p[2].percent) / 9.0).abs() < 1e-9);
        assert_eq!((p[3].percent, p[3].source), (100.0, ProgressSource::Done));
        assert_eq!((p[4].percent, p[4].source), (0.0, ProgressSource::None));
    }

    #[test]
    fn falling_metrics_and_overshoot_clamp() {
        let plan = load_plan(
            r#"{"schema_version":1,"id":"p","goals":[
            {"id":"down","title":"t","metric":{"name":"bugs","baseline":40,"target":10,"current":25}},
            {"id":"over","title":"t","metric":{"name":"x","target":10,"current":15}},
            {"id":"flat","title":"t","metric":{"name":"x","baseline":3,"target":3,"current":3}}]}"#, &Default::default(),
        )
        .unwrap();
        let p = progress(&plan);
        assert_eq!(p[0].percent, 50.0);
        assert_eq!(p[1].percent, 100.0);
        assert_eq!(p[2].source, ProgressSource::None);
    }

    #[test]
    fn cycles_do_not_recurse_forever() {
        let plan = load_plan(
            r#"{"schema_version":1,"id":"p","goals":[
            {"id":"a","title":"t","parent_id":"b"},{"id":"b","title":"t","parent_id":"a"}]}"#,
            &Default::default(),
        )
        .unwrap();
        let p = progress(&plan);
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn statuses_follow_the_thresholds() {
        let goal = |pct: u32| {
            format!(
                r#"{{"id":"g{pct}","title":"t","start":"2027-01-01","deadline":"2027-01-11",
                "metric":{{"name":"x","target":100,"current":{pct}}}}}"#
            )
        };
        let goals: Vec<String> = [0, 34, 40, 41, 49, 61].iter().map(|p| goal(*p)).collect();
        let json = format!(
            r#"{{"schema_version":1,"id":"p","goals":[{}]}}"#,
            goals.join(",")
        );
        let plan = load_plan(&json, &Default::default()).unwrap();
        let s = goal_statuses(&plan, d(2027, 1, 6), &ProgressOptions::default()).unwrap();
        let got: Vec<TrackStatus> = s.iter().map(|s| s.status).collect();
        use TrackStatus::*;
        assert_eq!(got, [OffTrack, AtRisk, OnTrack, OnTrack, OnTrack, Ahead]);
        assert_eq!(s[1].expected_percent, Some(50.0));
        assert_eq!(s[1].gap_points, Some(-16.0));
        assert_eq!(s[1].days_left, Some(5));
        let late = goal_statuses(&plan, d(2027, 1, 12), &ProgressOptions::default()).unwrap();
        assert!(late.iter().all(|s| s.status == Overdue));
    }

    #[test]
    fn bad_thresholds_are_rejected() {
        let plan = Plan::new("p");
        let opts = ProgressOptions {
            at_risk_points: 30.0,
            ..ProgressOptions::default()
        };
        let err = goal_statuses(&plan, d(2027, 1, 1), &opts).unwrap_err();
        assert_eq!(err.path(), "options.off_track_points");
    }
}
