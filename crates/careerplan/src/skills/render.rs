//! Plain-text renderings of skill results, for `--format text` and logs.
//!
//! ASCII only, columns aligned, numbers short (`4.62`, `3`, `62%`). Output
//! derived from O*NET ends with its attribution line.

use std::fmt::Write;

use super::gap::{GapReport, TransferReport, TransferSource};
use super::plan_gap::PlanGapReport;
use super::ranking::RankEntry;
use super::team::RoleCoverage;

/// A number with at most two decimals and no trailing zeros.
fn num(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

/// Rows of cells as left-aligned columns, two spaces apart, no trailing space.
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                let pad = widths[c] - cell.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn attribution(out: &mut String, line: Option<&str>) {
    if let Some(a) = line {
        let _ = write!(out, "\n{a}\n");
    }
}

/// A gap report for people: readiness and tier, one line per requirement in
/// priority order, strengths, unmatched skills, effort and confidence.
///
/// ```
/// use careerplan::skills::{builtin_roles, render::render_gap_text, skill_gap, GapOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
///     {"skill": "SQL", "level": 4}]}}"#, &Default::default())?;
/// let report = skill_gap(&plan.profile, builtin_roles().role("data-analyst")?, &GapOptions::default())?;
/// let text = render_gap_text(&report);
/// assert!(text.starts_with("Data analyst (data-analyst): readiness "));
/// assert!(text.contains("SQL"));
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn render_gap_text(report: &GapReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): readiness {} - {}",
        report.title,
        report.role_id,
        pct(report.readiness),
        report.tier.label()
    );
    if !report.unmet_must_haves.is_empty() {
        let _ = writeln!(
            out,
            "Unmet must-haves: {}",
            report.unmet_must_haves.join(", ")
        );
    }
    let mut rows = vec![
        [
            "#", "skill", "current", "required", "gap", "weight", "adds", "hours",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for s in &report.skills {
        let mut name = s.skill.clone();
        if let Some(written) = &s.assessed_as
            && super::names::fold(written) != super::names::fold(&s.skill)
        {
            name.push_str(&format!(" (your {written})"));
        }
        if s.must_have {
            name.push_str(" *");
        }
        if s.stale {
            name.push_str(" (stale)");
        }
        rows.push(vec![
            s.priority
                .map_or_else(|| "ok".to_string(), |p| p.to_string()),
            name,
            s.current.map_or_else(|| "-".to_string(), num),
            format!("{} {}", num(s.required), s.scale),
            if s.met { "-".into() } else { num(s.gap) },
            pct(s.weight),
            pct(s.contribution),
            if s.met {
                "-".into()
            } else {
                format!("{:.0}", s.hours)
            },
        ]);
    }
    out.push('\n');
    out.push_str(&table(&rows));
    out.push_str("(* must-have; \"adds\" is the skill's contribution to readiness)\n");
    let with_activities: Vec<_> = report
        .skills
        .iter()
        .filter(|s| !s.activities.is_empty())
        .collect();
    if !with_activities.is_empty() {
        out.push_str("\nLearning:\n");
        for s in with_activities {
            for a in &s.activities {
                let hours = a
                    .hours
                    .map(|h| format!(", {} h", num(h)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {}: {} ({}{hours})",
                    s.skill,
                    a.title,
                    serde_plain(&a.kind)
                );
            }
        }
    }
    out.push('\n');
    let _ = writeln!(out, "Estimated effort: {:.0} hours", report.total_hours);
    if !report.strengths.is_empty() {
        let list: Vec<String> = report
            .strengths
            .iter()
            .map(|s| format!("{} (+{})", s.skill, num(s.margin)))
            .collect();
        let _ = writeln!(out, "Strengths: {}", list.join(", "));
    }
    if !report.unmatched_skills.is_empty() {
        let _ = writeln!(
            out,
            "Not asked for by this role: {}",
            report.unmatched_skills.join(", ")
        );
    }
    if let Some(c) = report.confidence {
        if report.stale_skills.is_empty() {
            let _ = writeln!(out, "Confidence: {} (no stale assessments)", pct(c));
        } else {
            let _ = writeln!(
                out,
                "Confidence: {} (stale: {})",
                pct(c),
                report.stale_skills.join(", ")
            );
        }
    }
    attribution(&mut out, report.attribution.as_deref());
    out
}

fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

/// A ranking as a table: place, readiness, tier, role; attribution last.
///
/// ```
/// use careerplan::skills::{Catalog, render::render_ranking_text, RankOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p"}"#, &Default::default())?;
/// let top = Catalog::builtin().rank(&plan.profile, Some(3), &RankOptions::default())?;
/// assert_eq!(render_ranking_text(&top).lines().count(), 4);
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn render_ranking_text(entries: &[RankEntry<'_>]) -> String {
    let mut rows = vec![
        ["#", "readiness", "tier", "role"]
            .map(String::from)
            .to_vec(),
    ];
    for e in entries {
        let mut tier = e.tier.label().to_string();
        if !e.unmet_must_haves.is_empty() {
            let _ = write!(
                tier,
                " ({} must-have{} unmet)",
                e.unmet_must_haves.len(),
                if e.unmet_must_haves.len() == 1 {
                    ""
                } else {
                    "s"
                }
            );
        }
        rows.push(vec![
            e.rank.to_string(),
            pct(e.readiness),
            tier,
            format!("{} ({})", e.title, e.role_id),
        ]);
    }
    let mut out = table(&rows);
    let mut lines: Vec<&str> = entries.iter().filter_map(|e| e.attribution).collect();
    lines.dedup();
    for a in lines {
        attribution(&mut out, Some(a));
    }
    out
}

/// A plan gap: the gap report, then which gaps the plan addresses.
pub fn render_plan_gap_text(report: &PlanGapReport) -> String {
    let mut out = String::new();
    // The attribution goes last, after the plan's part.
    let mut gap = report.gap.clone();
    let line = gap.attribution.take();
    out.push_str(&render_gap_text(&gap));
    out.push_str("\nIn the plan:\n");
    if report.links.is_empty() {
        out.push_str("  no gaps to address\n");
    }
    for l in &report.links {
        let mut by: Vec<String> = l.goals.iter().map(|g| format!("goal {g}")).collect();
        by.extend(l.actions.iter().map(|a| format!("action {a}")));
        let what = if by.is_empty() {
            "NOT ADDRESSED".to_string()
        } else {
            by.join(", ")
        };
        let _ = writeln!(out, "  {}: {what}", l.skill);
    }
    attribution(&mut out, line.as_deref());
    out
}

/// What carries over in a career change.
pub fn render_transfer_text(report: &TransferReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "From {} to {}: readiness {} from your profile, {} counting the role you leave",
        report.from_role_id,
        report.to_role_id,
        pct(report.readiness_before),
        pct(report.readiness_after)
    );
    let _ = writeln!(
        out,
        "Transferable skills cover {} of the target role's weight.",
        pct(report.transfer_share)
    );
    let mut rows = vec![
        ["skill", "from", "carried", "required", "covers"]
            .map(String::from)
            .to_vec(),
    ];
    for t in &report.transferable {
        rows.push(vec![
            t.skill.clone(),
            match t.source {
                TransferSource::Profile => "profile",
                TransferSource::FromRole => "old role",
                TransferSource::Both => "both",
            }
            .into(),
            num(t.current),
            num(t.required),
            if t.covers {
                "yes".into()
            } else {
                format!("gap {}", num(t.gap))
            },
        ]);
    }
    out.push('\n');
    out.push_str(&table(&rows));
    if !report.new_skills.is_empty() {
        let _ = writeln!(out, "\nNew to learn: {}", report.new_skills.join(", "));
    }
    attribution(&mut out, report.attribution.as_deref());
    out
}

/// Team coverage: per role, the share covered and the requirements nobody
/// meets.
pub fn render_coverage_text(coverage: &[RoleCoverage]) -> String {
    let mut rows = vec![
        ["role", "covered", "nobody meets"]
            .map(String::from)
            .to_vec(),
    ];
    for c in coverage {
        rows.push(vec![
            format!("{} ({})", c.title, c.role_id),
            pct(c.covered_share),
            if c.uncovered.is_empty() {
                "-".into()
            } else {
                c.uncovered.join(", ")
            },
        ]);
    }
    let mut out = table(&rows);
    let mut lines: Vec<&str> = coverage
        .iter()
        .filter_map(|c| c.attribution.as_deref())
        .collect();
    lines.dedup();
    for a in lines {
        attribution(&mut out, Some(a));
    }
    out
}

/// The coverage of a profile by a catalog, for people: one line, plus the
/// skills the catalog does not know.
///
/// ```
/// use careerplan::skills::{Catalog, render::render_profile_coverage_text};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
///     {"skill": "SQL", "level": 3}, {"skill": "Basket weaving", "level": 5}]}}"#, &Default::default())?;
/// let text = render_profile_coverage_text(&Catalog::builtin().coverage(&plan.profile));
/// assert_eq!(text, "\nProfile coverage: the catalog names 1 of 2 skills (50%).\nNot in the catalog: Basket weaving\n");
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn render_profile_coverage_text(coverage: &super::Coverage) -> String {
    let named = coverage.covered.len() + coverage.via_crosswalk.len();
    let mut out = format!(
        "\nProfile coverage: the catalog names {named} of {} skills ({}%)",
        coverage.skills,
        (coverage.share * 100.0).round()
    );
    if !coverage.via_crosswalk.is_empty() {
        let _ = write!(
            out,
            ", {} through the O*NET crosswalk",
            coverage.via_crosswalk.len()
        );
    }
    out.push_str(".\n");
    if !coverage.uncovered.is_empty() {
        let _ = writeln!(out, "Not in the catalog: {}", coverage.uncovered.join(", "));
    }
    if coverage.low {
        out.push_str("Low coverage: readiness rests on the skills named above alone.\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(4.62), "4.62");
        assert_eq!(num(3.0), "3");
        assert_eq!(num(4.2), "4.2");
        assert_eq!(num(-0.001), "0");
        assert_eq!(pct(0.625), "62%");
    }

    #[test]
    fn tables_align_without_trailing_space() {
        let t = table(&[
            vec!["a".into(), "bb".into()],
            vec!["ccc".into(), "d".into()],
        ]);
        assert_eq!(t, "a    bb\nccc  d\n");
    }
}
