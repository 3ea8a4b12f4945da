//! The roadmap as Markdown: one table per horizon.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::layout::{Lane, fmt_date, milestones, resources, status_word};
use crate::plan::{Plan, Status, date};

fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

pub(super) fn markdown(plan: &Plan, today: NaiveDate, title: &str, lanes: &[Lane<'_>]) -> String {
    let w = plan.horizon_windows();
    let mut out = format!("# {}\n\n", md_cell(title));
    let _ = writeln!(
        out,
        "As of {}. Short term: up to {} months; mid term: {} to {} months; long term: {} to {} months.\n",
        date::format_date(today),
        w.short_max_months,
        w.mid_min_months,
        w.mid_max_months,
        w.long_min_months,
        w.long_max_months
    );
    for lane in lanes {
        let _ = writeln!(out, "## {}\n", lane.name);
        if lane.goals.is_empty() {
            out.push_str("No goals yet.\n\n");
            continue;
        }
        out.push_str("| Goal | Start | Deadline | Progress | Status | Milestones | Resources |\n");
        out.push_str("|---|---|---|---|---|---|---|\n");
        for (_, s) in &lane.goals {
            let ms: Vec<String> = milestones(plan, &s.goal_id)
                .iter()
                .map(|m| {
                    let done = if m.status == Status::Done {
                        " (done)"
                    } else {
                        ""
                    };
                    format!("{} {}{done}", fmt_date(m.date), m.title)
                })
                .collect();
            let res = resources(plan, &s.goal_id);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {:.0}% | {} | {} | {} |",
                md_cell(&s.title),
                fmt_date(s.start),
                fmt_date(s.deadline),
                s.percent,
                status_word(s.status),
                md_cell(&if ms.is_empty() {
                    "-".to_string()
                } else {
                    ms.join("; ")
                }),
                md_cell(&if res.is_empty() {
                    "-".to_string()
                } else {
                    res.join("; ")
                }),
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_are_escaped() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
    }
}
