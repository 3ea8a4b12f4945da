//! The drafted plan for people (`careerplan draft --format text`): the role
//! and readiness, the feasibility verdict, each drafted goal with its SMART
//! marks (`+` met, `-` not met, `?` not judged) and findings, its actions
//! with due dates and effort, then linked and deferred gaps.

use std::fmt::Write;

use super::DraftReport;
use crate::smart::Criterion;

/// The report as plain text (ASCII apart from names in the data).
///
/// ```
/// use careerplan::draft::{draft_plan, render_text, DraftOptions};
/// let plan = careerplan::plan::Plan::new("p");
/// let options = DraftOptions { start: chrono::NaiveDate::from_ymd_opt(2027, 1, 4), ..DraftOptions::default() };
/// let report = draft_plan(&plan, careerplan::skills::builtin_roles(), "data-analyst", &options)?;
/// assert!(render_text(&report).starts_with("Development plan for Data analyst"));
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn render_text(report: &DraftReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Development plan for {} ({}): readiness {:.0}% now",
        report.role_title,
        report.role_id,
        report.readiness * 100.0
    );
    let f = &report.feasibility;
    let _ = writeln!(
        out,
        "{}: {}",
        if f.feasible { "Fits" } else { "Does not fit" },
        f.message
    );
    if report.added_goals.is_empty() {
        out.push_str("\nNothing new to draft: the plan already covers this role.\n");
    }
    for g in &report.drafted {
        let marks: Vec<&str> = Criterion::ALL
            .iter()
            .map(|c| match g.lint.criteria.get(*c).met {
                Some(true) => "+",
                Some(false) => "-",
                None => "?",
            })
            .collect();
        let _ = writeln!(
            out,
            "\n[{}] {}\n    {} {} to {}, {} hours, SMART {}",
            g.goal_id,
            g.title,
            g.horizon.as_str(),
            g.start,
            g.deadline,
            g.hours,
            marks.join(" ")
        );
        for d in &g.lint.diagnostics {
            let _ = writeln!(out, "    {}[{}]: {}", d.severity, d.code, d.message);
        }
        let mut actions: Vec<_> = report
            .plan
            .actions
            .iter()
            .filter(|a| a.goal_id == g.goal_id)
            .collect();
        crate::sort::sort_by_key(&mut actions, |a| a.due);
        for a in actions {
            let due = a.due.map(|d| d.to_string()).unwrap_or_default();
            let hours = a
                .effort_hours
                .map(|h| format!(", {} h", h))
                .unwrap_or_default();
            let _ = writeln!(out, "    - {due}{hours}: {}", a.title);
            for o in &a.obstacles {
                if let Some(m) = &o.mitigation {
                    let _ = writeln!(out, "      obstacle: {} -> {m}", o.description);
                }
            }
        }
    }
    if !report.linked.is_empty() {
        out.push_str("\nAlready covered by the plan's goals:\n");
        for l in &report.linked {
            let _ = writeln!(out, "  {}: {}", l.skill, l.goals.join(", "));
        }
    }
    if !report.deferred.is_empty() {
        out.push_str("\nDeferred to a later draft:\n");
        for d in &report.deferred {
            let _ = writeln!(
                out,
                "  {} ({} hours{})",
                d.skill,
                d.hours,
                if d.must_have { ", must-have" } else { "" }
            );
        }
    }
    if report.review_policy_added {
        out.push_str("\nAdded a review policy: periodic reviews and check-ins before deadlines.\n");
    }
    if let Some(a) = &report.attribution {
        let _ = write!(out, "\n{a}\n");
    }
    out
}
