//! The roadmap's layout, shared by every renderer: the plan's goals in one
//! lane per horizon, each goal with its milestones and resources.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::RoadmapOptions;
use crate::plan::{ActionKind, Horizon, Plan, ResourceKind, Status, date};
use crate::progress::{GoalStatus, TrackStatus};

pub(super) fn title(plan: &Plan, options: &RoadmapOptions) -> String {
    options.title.clone().unwrap_or_else(|| {
        let who = plan
            .owner
            .as_ref()
            .map_or(plan.id.as_str(), |o| o.name.as_str());
        format!("Career roadmap: {who}")
    })
}

pub(super) struct Lane<'a> {
    pub(super) name: &'static str,
    pub(super) horizon: Option<Horizon>,
    pub(super) goals: Vec<(usize, &'a GoalStatus)>,
}

pub(super) fn lanes(statuses: &[GoalStatus]) -> Vec<Lane<'_>> {
    let mut out: Vec<Lane<'_>> = [
        (Some(Horizon::Short), "Short term"),
        (Some(Horizon::Mid), "Mid term"),
        (Some(Horizon::Long), "Long term"),
        (None, "Unassigned"),
    ]
    .into_iter()
    .map(|(h, name)| Lane {
        name,
        horizon: h,
        goals: statuses
            .iter()
            .enumerate()
            .filter(|(_, s)| s.horizon == h)
            .collect(),
    })
    .collect();
    // An empty horizon still shows (the seeds' roadmap has all three); an
    // empty "Unassigned" does not.
    out.retain(|l| l.name != "Unassigned" || !l.goals.is_empty());
    out
}

pub(super) struct Milestone<'a> {
    pub(super) date: Option<NaiveDate>,
    pub(super) title: &'a str,
    pub(super) status: Status,
}

pub(super) fn milestones<'a>(plan: &'a Plan, goal_id: &'a str) -> Vec<Milestone<'a>> {
    let mut m: Vec<Milestone<'a>> = plan
        .actions_for(goal_id)
        .filter(|a| a.kind == ActionKind::Milestone)
        .map(|a| Milestone {
            date: a.due,
            title: &a.title,
            status: a.status,
        })
        .collect();
    crate::sort::sort_by_key(&mut m, |m| m.date);
    m
}

pub(super) fn resources(plan: &Plan, goal_id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for a in plan.actions_for(goal_id) {
        for r in &a.resources {
            let kind = match r.kind {
                ResourceKind::Time => "time",
                ResourceKind::Money => "money",
                ResourceKind::Training => "training",
                ResourceKind::Contact => "contact",
                ResourceKind::Other => "other",
            };
            let mut text = kind.to_string();
            if let Some(amount) = r.amount {
                let _ = write!(text, " {}", amount);
                if let Some(unit) = &r.unit {
                    let _ = write!(text, " {unit}");
                }
            }
            if let Some(c) = r
                .contact_id
                .as_deref()
                .and_then(|id| plan.contacts.iter().find(|c| c.id == id))
            {
                let _ = write!(text, " {}", c.name);
            }
            if let Some(note) = &r.note {
                let _ = write!(text, " ({note})");
            }
            out.push(text);
        }
    }
    out
}

pub(super) fn status_word(s: TrackStatus) -> String {
    s.as_str().replace('_', " ")
}

pub(super) fn fmt_date(d: Option<NaiveDate>) -> String {
    d.map_or("-".to_string(), date::format_date)
}
