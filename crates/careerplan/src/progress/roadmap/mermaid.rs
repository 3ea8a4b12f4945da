//! The roadmap as a Mermaid `gantt` chart.

use std::fmt::Write as _;

use super::layout::{Lane, milestones, status_word};
use crate::plan::{Plan, Status, date};
use crate::progress::TrackStatus;

fn mermaid_text(text: &str) -> String {
    // Colons end a task name and '#' and ';' start comments or separate
    // statements in Mermaid; replace them with look-alikes that are safe.
    text.replace(':', " -")
        .replace('#', "no.")
        .replace(';', ",")
        .replace(['\n', '\r'], " ")
}

fn mermaid_id(id: &str, index: usize) -> String {
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("t{index}_{clean}")
}

pub(super) fn mermaid(plan: &Plan, title: &str, lanes: &[Lane<'_>]) -> String {
    let mut out = String::from("gantt\n");
    let _ = writeln!(out, "    title {}", mermaid_text(title));
    out.push_str("    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n");
    let mut unscheduled = Vec::new();
    for lane in lanes {
        if lane.goals.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    section {}", lane.name);
        for (i, s) in &lane.goals {
            let (Some(start), Some(deadline)) = (s.start, s.deadline) else {
                unscheduled.push(s.title.clone());
                continue;
            };
            let tag = match s.status {
                TrackStatus::Done => "done, ",
                TrackStatus::AtRisk | TrackStatus::OffTrack | TrackStatus::Overdue => "crit, ",
                TrackStatus::Ahead | TrackStatus::OnTrack if s.percent > 0.0 => "active, ",
                _ => "",
            };
            let _ = writeln!(
                out,
                "    {} ({:.0}%, {}) :{tag}{}, {}, {}",
                mermaid_text(&s.title),
                s.percent,
                status_word(s.status),
                mermaid_id(&s.goal_id, *i),
                date::format_date(start),
                date::format_date(deadline.max(start)),
            );
            for (j, m) in milestones(plan, &s.goal_id).iter().enumerate() {
                let Some(d) = m.date else { continue };
                let tag = if m.status == Status::Done {
                    "done, milestone"
                } else {
                    "milestone"
                };
                let _ = writeln!(
                    out,
                    "    {} :{tag}, {}, {}, 0d",
                    mermaid_text(m.title),
                    mermaid_id(&format!("{}_m{j}", s.goal_id), *i),
                    date::format_date(d)
                );
            }
        }
    }
    for t in unscheduled {
        let _ = writeln!(
            out,
            "    %% not shown (no start or deadline): {}",
            mermaid_text(&t)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_names_and_ids_are_safe() {
        assert_eq!(mermaid_text("Phase 1: plan; #2"), "Phase 1 - plan, no.2");
        assert_eq!(mermaid_id("g-pmp.1", 3), "t3_g_pmp_1");
    }
}
