//! Human-readable rendering of a report, in the style of rustc.

use std::fmt::Write;

use super::plan_lint::PlanLintReport;
use super::report::{Applicability, Criterion, LintReport};
use super::rules::RuleInfo;
use crate::plan::date::format_date;

/// Render a report for people: one block per diagnostic with the offending
/// words underlined, then a line with the five verdicts and the deadline.
///
/// ```
/// use careerplan::smart::{render_text, Context, LintConfig, Linter};
/// let linter = Linter::new(LintConfig {
///     today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
///     ..LintConfig::default()
/// })?;
/// let report = linter.lint_text("Try to get better at sales.", &Context::default())?;
/// let text = render_text(&report);
/// assert!(text.contains("warning[hedge]"));
/// assert!(text.contains("^^^^^^"));
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn render_text(report: &LintReport) -> String {
    let mut out = String::new();
    let text = report.text.as_str();
    for d in &report.diagnostics {
        let _ = writeln!(out, "{}[{}]: {}", d.severity, d.code, d.message);
        let (line_no, line_start, line) = line_of(text, d.span.start);
        let gutter = line_no.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line_no} | {line}");
        let line_end = line_start + line.len();
        let from = d.span.start.clamp(line_start, line_end);
        let to = d.span.end.clamp(from, line_end);
        let lead = columns(&text[line_start..from]);
        let width = columns(&text[from..to]).max(1);
        let mut marker = format!("{pad} | {}{}", " ".repeat(lead), "^".repeat(width));
        if let Some(s) = &d.suggestion {
            let _ = write!(marker, " {s}");
        }
        let _ = writeln!(out, "{marker}");
        if !d.also.is_empty() {
            let _ = writeln!(out, "{pad} = also: {}", d.also.join(", "));
        }
        if let Some(fix) = &d.fix {
            let how = match fix.applicability {
                Applicability::Safe => "safe fix",
                Applicability::Unsafe => "unsafe fix",
                Applicability::DisplayOnly => "for example",
            };
            if let Some(fixed) = fix.apply(text) {
                let _ = writeln!(out, "{pad} = {how}: {fixed}");
            }
        }
        out.push('\n');
    }
    let mut summary = String::new();
    for c in Criterion::ALL {
        let v = report.criteria.get(c);
        let met = match v.met {
            Some(true) => "met",
            Some(false) => "not met",
            None => "n/a",
        };
        let _ = write!(summary, "{} {} ({met}) | ", c.as_str(), v.score);
    }
    let deadline = report
        .deadline
        .map_or_else(|| "none".to_string(), format_date);
    let _ = writeln!(out, "{summary}deadline {deadline}");
    out
}

/// Render a whole plan's lint report: each goal's diagnostics under a
/// heading naming it, then the plan-level findings.
pub fn render_plan_text(report: &PlanLintReport) -> String {
    let mut out = String::new();
    for g in &report.goals {
        let _ = writeln!(out, "== {} ({}): {}", g.path, g.goal_id, g.report.text);
        out.push_str(&render_text(&g.report));
        out.push('\n');
    }
    if !report.findings.is_empty() {
        let _ = writeln!(out, "== plan");
        for f in &report.findings {
            let _ = writeln!(out, "{}[{}]: {}: {}", f.severity, f.code, f.path, f.message);
            if let Some(s) = &f.suggestion {
                let _ = writeln!(out, "  = {s}");
            }
        }
    }
    out
}

/// One line per goal with its five verdicts (`+` met, `-` not met, `?` not
/// judged) and its number of diagnostics, then the plan-level findings; the
/// compact view `careerplan demo` shows.
pub fn render_plan_summary(report: &PlanLintReport) -> String {
    let mut out = String::from("S M A R T  goal\n");
    for g in &report.goals {
        let marks: Vec<&str> = Criterion::ALL
            .iter()
            .map(|c| match report_verdict(&g.report, *c) {
                Some(true) => "+",
                Some(false) => "-",
                None => "?",
            })
            .collect();
        let n = g.report.diagnostics.len();
        let notes = match n {
            0 => String::new(),
            1 => " (1 finding)".to_string(),
            n => format!(" ({n} findings)"),
        };
        let _ = writeln!(out, "{}  {}{notes}", marks.join(" "), g.report.text);
    }
    for f in &report.findings {
        let _ = writeln!(out, "{}[{}]: {}", f.severity, f.code, f.message);
    }
    out
}

fn report_verdict(report: &LintReport, c: Criterion) -> Option<bool> {
    report.criteria.get(c).met
}

/// One line per rule: code, criterion, default severity and summary, the
/// way `careerplan rules` lists them.
pub fn render_rule_list(rules: &[RuleInfo]) -> String {
    let width = rules.iter().map(|r| r.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rules {
        let _ = writeln!(
            out,
            "{:width$}  {:10}  {:7}  {}",
            r.code,
            r.criterion.as_str(),
            r.severity.as_str(),
            r.summary
        );
    }
    out
}

/// A rule's full documentation: what it checks, why, and a bad and a good
/// example, the way `careerplan rules CODE` explains it.
pub fn render_rule(rule: &RuleInfo) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", rule.code, rule.summary);
    let _ = writeln!(
        out,
        "criterion: {}, default severity: {}",
        rule.criterion.as_str(),
        rule.severity
    );
    let _ = writeln!(out, "\n{}", rule.explanation.trim_end());
    if let Some(s) = &rule.suggestion {
        let _ = writeln!(out, "\nSuggestion: {s}");
    }
    let _ = writeln!(out, "\nBad:  {}", rule.bad.text);
    let _ = writeln!(out, "Good: {}", rule.good.text);
    out
}

/// The line holding byte `at`: (1-based number, start offset, text).
fn line_of(text: &str, at: usize) -> (usize, usize, &str) {
    let at = at.min(text.len());
    let mut start = 0;
    for (n, line) in text.split('\n').enumerate() {
        let end = start + line.len();
        if at <= end {
            return (n + 1, start, line.trim_end_matches('\r'));
        }
        start = end + 1;
    }
    (1, 0, text)
}

/// Display columns of a string: one per character, none for combining marks.
fn columns(s: &str) -> usize {
    s.chars()
        .filter(|c| !matches!(*c as u32, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F))
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        assert_eq!(line_of("ab\ncd", 4), (2, 3, "cd"));
        assert_eq!(line_of("ab", 2), (1, 0, "ab"));
        assert_eq!(columns("e\u{301}x"), 2);
    }
}
