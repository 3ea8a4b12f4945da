//! The plan summary: statuses, counts, next deadlines, overdue actions and
//! recent achievements.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{GoalStatus, ProgressOptions, TrackStatus, goal_statuses, truncate};
use crate::Error;
use crate::plan::{Plan, date};

/// Whether a deadline belongs to a goal or an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// A goal's deadline.
    Goal,
    /// An action's due date.
    Action,
}

/// An upcoming or missed deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    /// When.
    #[serde(with = "date::required")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// Goal or action.
    pub kind: DeadlineKind,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Days from `today` (negative when missed).
    pub days_left: i64,
}

/// An achievement of the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AchievementRef {
    /// Its id.
    pub id: String,
    /// What was achieved.
    pub title: String,
    /// When.
    #[serde(with = "date::required")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
}

/// Where a plan stands on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanStatus {
    /// The day.
    #[serde(with = "date::required")]
    #[schemars(with = "NaiveDate")]
    pub today: NaiveDate,
    /// Progress across top-level open or done goals (those without a parent),
    /// weighted by priority as for child goals, 0 to 100.
    pub overall_percent: f64,
    /// Every goal's progress and status, in document order.
    pub goals: Vec<GoalStatus>,
    /// Number of goals in each status.
    #[schemars(extend("propertyNames" = {"$ref": "#/$defs/TrackStatus"}))]
    pub counts: BTreeMap<TrackStatus, usize>,
    /// Number of goals in each status per horizon (`short`, `mid`, `long`,
    /// or `unassigned`).
    #[schemars(extend("additionalProperties" = {
        "type": "object",
        "additionalProperties": {"type": "integer", "minimum": 0},
        "propertyNames": {"$ref": "#/$defs/TrackStatus"}
    }))]
    pub counts_by_horizon: BTreeMap<String, BTreeMap<TrackStatus, usize>>,
    /// The next open deadlines on or after `today`, soonest first.
    pub next_deadlines: Vec<Deadline>,
    /// Open actions past their due date, oldest first.
    pub overdue_actions: Vec<Deadline>,
    /// The first day of "this period".
    #[serde(with = "date::required")]
    #[schemars(with = "NaiveDate")]
    pub period_start: NaiveDate,
    /// Achievements dated from `period_start` to `today`, and actions
    /// completed in that span.
    pub achievements: Vec<AchievementRef>,
}

/// Summarise where the plan stands on `today`.
///
/// "This period" starts at the latest review before `today`, or
/// `options.period_days` before it when there is none.
///
/// # Errors
/// [`Error::InvalidArgument`] for invalid thresholds.
///
/// ```
/// use careerplan::progress::{plan_status, ProgressOptions, TrackStatus};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///   "goals": [{"id": "g", "title": "Lead a pilot", "status": "done"}]}"#, &Default::default())?;
/// let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
/// let s = plan_status(&plan, today, &ProgressOptions::default())?;
/// assert_eq!(s.counts[&TrackStatus::Done], 1);
/// assert_eq!(s.overall_percent, 100.0);
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn plan_status(
    plan: &Plan,
    today: NaiveDate,
    options: &ProgressOptions,
) -> Result<PlanStatus, Error> {
    let goals = goal_statuses(plan, today, options)?;
    let mut counts = BTreeMap::new();
    let mut counts_by_horizon: BTreeMap<String, BTreeMap<TrackStatus, usize>> = BTreeMap::new();
    for g in &goals {
        *counts.entry(g.status).or_insert(0) += 1;
        let h = g.horizon.map_or("unassigned", |h| h.as_str()).to_string();
        *counts_by_horizon
            .entry(h)
            .or_default()
            .entry(g.status)
            .or_insert(0) += 1;
    }

    let (mut sum, mut total) = (0.0, 0.0);
    for (g, s) in plan.goals.iter().zip(&goals) {
        if g.parent_id.is_none() && s.status != TrackStatus::Abandoned {
            let w = super::child_weight(g);
            sum += w * s.percent;
            total += w;
        }
    }
    let overall_percent = if total > 0.0 { sum / total } else { 0.0 };

    let mut upcoming = Vec::new();
    let mut overdue_actions = Vec::new();
    for g in plan.goals.iter().filter(|g| g.status.is_open()) {
        if let Some(d) = g.deadline.filter(|d| *d >= today) {
            upcoming.push(Deadline {
                date: d,
                kind: DeadlineKind::Goal,
                id: g.id.clone(),
                title: g.title.clone(),
                days_left: (d - today).num_days(),
            });
        }
    }
    for a in plan.actions.iter().filter(|a| a.status.is_open()) {
        if let Some(d) = a.due {
            let entry = Deadline {
                date: d,
                kind: DeadlineKind::Action,
                id: a.id.clone(),
                title: a.title.clone(),
                days_left: (d - today).num_days(),
            };
            if d >= today {
                upcoming.push(entry);
            } else {
                overdue_actions.push(entry);
            }
        }
    }
    crate::sort::sort_by(&mut upcoming, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
    });
    upcoming.truncate(options.next_deadlines);
    crate::sort::sort_by(&mut overdue_actions, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
    });

    let period_start = plan
        .reviews
        .iter()
        .map(|r| r.date)
        .filter(|d| *d < today)
        .max()
        .unwrap_or_else(|| {
            today
                .checked_sub_days(Days::new(u64::from(options.period_days)))
                .unwrap_or(NaiveDate::MIN)
        });
    let in_period = |d: NaiveDate| d >= period_start && d <= today;
    let mut achievements: Vec<AchievementRef> = plan
        .achievements
        .iter()
        .filter_map(|a| {
            let d = a.date.filter(|d| in_period(*d))?;
            Some(AchievementRef {
                id: a.id.clone(),
                title: a.title.clone(),
                date: d,
            })
        })
        .chain(plan.actions.iter().filter_map(|a| {
            let d = a.completed_on.filter(|d| in_period(*d))?;
            Some(AchievementRef {
                id: a.id.clone(),
                title: a.title.clone(),
                date: d,
            })
        }))
        .collect();
    crate::sort::sort_by(&mut achievements, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
    });

    Ok(PlanStatus {
        today,
        overall_percent,
        goals,
        counts,
        counts_by_horizon,
        next_deadlines: upcoming,
        overdue_actions,
        period_start,
        achievements,
    })
}

/// The status as a text table for people: one row per goal with progress,
/// expected progress, gap, deadline and status, then the next deadlines,
/// overdue actions and achievements of the period.
pub fn status_text(status: &PlanStatus) -> String {
    let mut out = format!(
        "Plan status on {} (overall {:.0}%)\n\n",
        date::format_date(status.today),
        status.overall_percent
    );
    out.push_str(&format!(
        "{:<44} {:<7} {:>5} {:>8} {:>6} {:<10} {}\n",
        "goal", "horizon", "done", "expected", "gap", "deadline", "status"
    ));
    for g in &status.goals {
        let pct = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{:.0}%", v));
        let gap = g
            .gap_points
            .map_or("-".to_string(), |v| format!("{:+.0}", v));
        out.push_str(&format!(
            "{:<44} {:<7} {:>5} {:>8} {:>6} {:<10} {}\n",
            truncate(&g.title, 44),
            g.horizon.map_or("-", |h| h.as_str()),
            format!("{:.0}%", g.percent),
            pct(g.expected_percent),
            gap,
            g.deadline.map_or("-".to_string(), date::format_date),
            g.status.as_str().replace('_', " ")
        ));
    }
    let list = |out: &mut String, title: &str, items: &[Deadline]| {
        if items.is_empty() {
            return;
        }
        out.push_str(&format!("\n{title}:\n"));
        for d in items {
            let when = if d.days_left >= 0 {
                format!("in {} days", d.days_left)
            } else {
                format!("{} days late", -d.days_left)
            };
            out.push_str(&format!(
                "  {}  {} ({when})\n",
                date::format_date(d.date),
                d.title
            ));
        }
    };
    list(&mut out, "Next deadlines", &status.next_deadlines);
    list(&mut out, "Overdue actions", &status.overdue_actions);
    if !status.achievements.is_empty() {
        out.push_str(&format!(
            "\nAchieved since {}:\n",
            date::format_date(status.period_start)
        ));
        for a in &status.achievements {
            out.push_str(&format!("  {}  {}\n", date::format_date(a.date), a.title));
        }
    }
    out
}
