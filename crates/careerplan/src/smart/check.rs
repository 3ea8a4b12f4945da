//! The rules over one statement, and the scores they lead to.

use chrono::NaiveDate;

use super::Context;
use super::lexicon::{Cat, Lexicon, VerbClass};
use super::report::{Applicability, Criteria, Criterion, Fix, Verdict};
use super::rules::Rule;
use super::scratch::Scratch;
use super::span::Span;
use super::stages::{Analysis, Evidence, Finding, Outcome, QKind};
use super::time::{Duration, TimeKind, TimeUnit, add_duration};
use super::token::{kw, kws};
use super::{Thresholds, key_terms};
use crate::Severity;
use crate::plan::HorizonWindows;
use crate::plan::date::format_date;

/// What [`check`] needs besides the statement.
pub(crate) struct Inputs<'c> {
    pub today: NaiveDate,
    pub thresholds: &'c Thresholds,
    pub ctx: &'c Context,
    pub enabled: &'c [bool],
    /// Severity per rule, as configured: which finding leads a merged group.
    pub severity: &'c [Severity],
}

/// Evidence weights (points added to a base of 30): see the module docs of `smart`.
const BASE: i32 = 30;
/// Score at which a criterion counts as met.
pub(crate) const PASS: i32 = 50;

struct Checker<'x, 'a> {
    a: &'x Analysis<'a>,
    lex: &'x Lexicon,
    inp: &'x Inputs<'x>,
    out: Vec<Finding>,
}

fn describe_days(days: f64) -> String {
    let d = days.max(0.0);
    if d < 14.0 {
        let n = d.round() as i64;
        if n == 1 {
            "1 day".into()
        } else {
            format!("{n} days")
        }
    } else if d < 63.0 {
        let w = (d / 7.0).round() as i64;
        format!("{w} weeks")
    } else if d < 730.0 {
        let m = (d / 30.44).round() as i64;
        if m == 1 {
            "1 month".into()
        } else {
            format!("{m} months")
        }
    } else {
        let y = d / 365.25;
        if (y - y.round()).abs() < 0.1 {
            format!("{} years", y.round() as i64)
        } else {
            format!("{:.1} years", y)
        }
    }
}

impl Checker<'_, '_> {
    fn on(&self, rule: Rule) -> bool {
        self.inp.enabled.get(rule.index()).copied().unwrap_or(true)
    }

    fn push(
        &mut self,
        rule: Rule,
        span: Span,
        args: Vec<(&'static str, String)>,
        fix: Option<Fix>,
        mergeable: bool,
    ) {
        self.push_on(rule, span, None, args, fix, mergeable);
    }

    /// [`Checker::push`] for a finding on `words` (a byte span).
    fn push_on(
        &mut self,
        rule: Rule,
        span: Span,
        words: Option<Span>,
        args: Vec<(&'static str, String)>,
        fix: Option<Fix>,
        mergeable: bool,
    ) {
        // An achievable finding carries its own arithmetic and always stands
        // alone: merged under another criterion's finding, the reason the goal
        // is out of reach would be hidden in `also`.
        let mergeable = mergeable && rule.criterion() != Criterion::Achievable;
        if self.on(rule) {
            self.out.push(Finding {
                rule,
                span,
                words,
                args,
                fix,
                mergeable,
            });
        }
    }

    fn tok_span(&self, from: usize, to: usize) -> Span {
        let (s, e) = self.a.t.span(from, to);
        Span::new(s, e)
    }

    /// A finding on the words of tokens `from..to`.
    fn local(&mut self, rule: Rule, from: usize, to: usize, args: Vec<(&'static str, String)>) {
        let span = self.tok_span(from, to);
        self.push_on(rule, span, Some(span), args, None, true);
    }

    fn whole(&self) -> Span {
        let (f, t) = self.a.trimmed();
        self.tok_span(f, t)
    }

    /// The end of a predicate: the first boundary, time expression or clause end after `from`.
    fn predicate_end(&self, from: usize, clause_end: usize) -> usize {
        let t = &self.a.t;
        let mut j = from + 1;
        while j < clause_end
            && !t.is_boundary(j)
            && !self.a.in_time(j)
            && !t.is_any(j, kws!["who", "which", "and"])
        {
            j += 1;
        }
        j
    }
}

/// Run every text and context rule over an analysed statement.
pub(crate) fn check(
    a: &Analysis<'_>,
    lex: &Lexicon,
    inp: &Inputs<'_>,
    scratch: &mut Scratch,
) -> Outcome {
    let mut out = std::mem::take(&mut scratch.findings);
    out.clear();
    let mut c = Checker { a, lex, inp, out };
    let today = inp.today;
    let ctx = inp.ctx;
    let t = &a.t;

    // ----- Specific and Measurable -----
    // Vague phrases (longest first; contained matches add nothing).
    let mut vague = std::mem::take(&mut scratch.ranges);
    vague.clear();
    vague.extend(
        a.m.all()
            .iter()
            .filter(|m| matches!(m.cat, Cat::Vague) && !a.in_time(m.start as usize))
            .map(|m| (m.start as usize, m.end as usize)),
    );
    crate::sort::sort_by_key(&mut vague, |&(s, e)| (s, std::cmp::Reverse(e)));
    let mut last_end = 0;
    for &(s, e) in &vague {
        if e <= last_end {
            continue;
        }
        last_end = e;
        c.local(Rule::VagueOutcome, s, e, vec![]);
    }
    vague.clear();
    scratch.ranges = vague;
    for (k, cl) in a.clauses.iter().enumerate() {
        let (Some(v), Some(class)) = (cl.verb, cl.class) else {
            continue;
        };
        let ev = a.evidence[k];
        let end = c.predicate_end(v, cl.end);
        match class {
            VerbClass::Vague if !a.clause_has_target(k) && !ev.described => {
                c.local(Rule::VagueOutcome, v, end, vec![])
            }
            VerbClass::Copula
                if !(ev.role || ev.credential || ev.quantity || ev.event || ev.concrete) =>
            {
                c.local(Rule::VagueOutcome, v, end, vec![]);
            }
            VerbClass::Change if !ev.quantity => {
                c.local(Rule::UnquantifiedChange, v, v + 1, vec![])
            }
            _ => {}
        }
    }
    // Comparatives with no target in their clause: "more", "better", "bigger".
    for m in
        a.m.all()
            .iter()
            .filter(|m| matches!(m.cat, Cat::Comparative))
    {
        let (s, e) = (m.start as usize, m.end as usize);
        if a.in_time(s) {
            continue;
        }
        let k = a.clause_of(s);
        if a.clauses[k].verb == Some(s) || a.clause_quantities(k).next().is_some() {
            continue;
        }
        if t.is(e, kw!("than")) && (t.is_num(e + 1) || a.quantities.iter().any(|q| q.from == e + 1))
        {
            continue;
        }
        c.local(Rule::UnquantifiedChange, s, e, vec![]);
    }
    for m in a.m.all().iter().filter(|m| matches!(m.cat, Cat::Hedge)) {
        let (s, e) = (m.start as usize, m.end as usize);
        if a.in_time(s) {
            continue;
        }
        let fix = hedge_fix(a, s, e);
        let span = c.tok_span(s, e);
        c.push_on(Rule::Hedge, span, Some(span), vec![], fix, true);
    }
    for m in a.m.all().iter().filter(|m| matches!(m.cat, Cat::Hyperbole)) {
        let (s, e) = (m.start as usize, m.end as usize);
        if !a.in_time(s) {
            c.local(Rule::Hyperbole, s, e, vec![]);
        }
    }
    for &(s, e) in &a.hyperbole_pct {
        c.local(Rule::Hyperbole, s, e, vec![]);
    }
    // ----- Aims -----
    let mut aims = std::mem::take(&mut scratch.aims);
    a.aims_into(&mut aims);
    let mut aim_ev = std::mem::take(&mut scratch.aim_evidence);
    aim_ev.clear();
    aim_ev.extend(aims.iter().map(|r| a.aim_evidence(r.clone())));
    let too_many = aims.len() > inp.thresholds.max_goals_per_statement;
    if aims.len() >= 2 && (too_many || outcomes_differ(&aim_ev)) {
        let span = c.whole();
        let list: Vec<String> = aims
            .iter()
            .map(|r| {
                let (f, t) = aim_tokens(a, r.clone());
                format!("`{}`", text_of(&c, f, t))
            })
            .collect();
        let args = vec![("count", aims.len().to_string()), ("aims", list.join(", "))];
        c.push(Rule::CompoundGoal, span, args, None, false);
    }
    // Outcomes named only by their kind, in aims that name nothing more precise.
    for g in &a.generic {
        let Some(i) = aims.iter().position(|r| r.contains(&g.clause)) else {
            continue;
        };
        if aim_ev[i].identifies() {
            continue;
        }
        let hint = lex
            .class_hints
            .get(usize::from(g.hint))
            .map_or_else(String::new, |h| h.to_string());
        c.local(Rule::GenericOutcome, g.from, g.to, vec![("hint", hint)]);
    }
    // A bare completion event: "get promoted" (to what?).
    for (i, r) in aims.iter().enumerate() {
        let ev = aim_ev[i];
        if ev.identifies() || ev.generic || !ev.event {
            continue;
        }
        let event = r
            .clone()
            .find_map(|k| a.clause_matches(k, |c| matches!(c, Cat::Event(_))).next());
        if let Some((s, e, Cat::Event(hint))) = event {
            let hint = lex
                .class_hints
                .get(usize::from(hint))
                .map_or_else(String::new, |h| h.to_string());
            c.local(Rule::GenericOutcome, s, e, vec![("hint", hint)]);
        }
    }

    // ----- Time-bound -----
    let text_deadline = a
        .time
        .iter()
        .filter(|f| f.expr.kind.is_deadline())
        .filter_map(|f| f.expr.date.map(|d| (d, f)))
        .max_by_key(|(d, _)| *d)
        // "Get promoted last year.": a past point where a deadline would stand.
        .or_else(|| {
            a.time
                .iter()
                .filter(|f| f.passed)
                .filter_map(|f| f.expr.date.map(|d| (d, f)))
                .max_by_key(|(d, _)| *d)
        });
    let has_anchor = a
        .time
        .iter()
        .any(|f| f.expr.kind == TimeKind::UnknownAnchor);
    let deadline = ctx.deadline.or(text_deadline.map(|(d, _)| d));
    let has_vague = a.time.iter().any(|f| f.expr.kind == TimeKind::Vague);
    let has_freq = a.time.iter().any(|f| f.expr.kind == TimeKind::Frequency);
    for f in &a.time {
        match f.expr.kind {
            TimeKind::Vague => {
                let fix = Some(Fix {
                    span: f.expr.span,
                    replacement: "by YYYY-MM-DD".into(),
                    applicability: Applicability::DisplayOnly,
                    span_utf16: None,
                });
                let span = f.expr.span;
                c.push_on(Rule::VagueDeadline, span, Some(span), vec![], fix, true);
            }
            TimeKind::UnknownAnchor => c.local(Rule::UnknownAnchor, f.from, f.to, vec![]),
            // The span is the date itself, not the "by" before it.
            TimeKind::ImpossibleDate => c.local(Rule::ImpossibleDate, f.at, f.to, vec![]),
            _ => {}
        }
        if let (Some(alt), Some(date)) = (f.expr.alternative, f.expr.date) {
            // Only the date's own tokens are rewritten, not a leading "by".
            let first_num = (f.from..f.to).find(|&i| t.is_num(i)).unwrap_or(f.from);
            let span = c.tok_span(first_num, f.to);
            let fix = Some(Fix {
                span,
                replacement: format_date(date),
                applicability: Applicability::Unsafe,
                span_utf16: None,
            });
            let args = vec![
                ("first", format_date(date)),
                ("second", format_date(alt)),
                ("chosen", format_date(date)),
            ];
            c.push_on(Rule::AmbiguousDate, span, Some(span), args, fix, true);
        }
    }
    let impossible = a
        .time
        .iter()
        .any(|f| f.expr.kind == TimeKind::ImpossibleDate);
    let timed = deadline.is_some() || has_anchor || impossible;
    if !timed && has_freq {
        if let Some(f) = a.time.iter().find(|f| f.expr.kind == TimeKind::Frequency) {
            c.local(Rule::FrequencyNotDeadline, f.from, f.to, vec![]);
        }
    } else if !timed && !has_vague {
        let (_, end) = a.trimmed();
        let at = if end == 0 {
            0
        } else {
            t.toks[end - 1].end as usize
        };
        let fix = Some(Fix {
            span: Span::new(at, at),
            replacement: " by YYYY-MM-DD".into(),
            applicability: Applicability::DisplayOnly,
            span_utf16: None,
        });
        c.push(Rule::NoDeadline, Span::new(at, at), vec![], fix, false);
    }
    let start = ctx.start.unwrap_or(today);
    if let (Some(h), Some(d)) = (ctx.horizon, deadline)
        && d >= start
    {
        let windows = ctx.horizon_windows.clone().unwrap_or_default();
        let months = crate::plan::validate::months_between(start, d);
        let (lo, hi) = HorizonWindows::months(&windows, h);
        if months < i64::from(lo) || months > i64::from(hi) {
            let span = text_deadline.map_or_else(|| c.whole(), |(_, f)| f.expr.span);
            let args = vec![
                ("deadline", format_date(d)),
                ("months", months.to_string()),
                ("horizon", h.as_str().to_string()),
                ("lo", lo.to_string()),
                ("hi", hi.to_string()),
            ];
            c.push_on(Rule::HorizonMismatch, span, Some(span), args, None, false);
        }
    }
    if let (Some(field), Some((text_d, f))) = (ctx.deadline, text_deadline) {
        let span_days = (field - start).num_days().abs() as f64;
        let tolerance = (span_days * 0.1).max(14.0);
        if ((field - text_d).num_days().abs() as f64) > tolerance {
            let args = vec![
                ("text_deadline", format_date(text_d)),
                ("field_deadline", format_date(field)),
            ];
            let span = f.expr.span;
            c.push_on(Rule::DeadlineConflict, span, Some(span), args, None, true);
        }
    }

    // ----- Achievable -----
    let mut verified = false;
    if let Some(d) = deadline
        && d < today
    {
        let span = match text_deadline {
            Some((td, f)) if td == d => f.expr.span,
            _ => c.whole(),
        };
        let args = vec![("deadline", format_date(d)), ("today", format_date(today))];
        c.push(Rule::DeadlinePassed, span, args, None, true);
    }
    let window = deadline
        .filter(|d| *d > today)
        .map(|d| (d - today).num_days() as f64);
    if let Some(window) = window {
        verified |= achievable_arithmetic(&mut c, window);
    }
    verified |= plausible_rates(&mut c, window);
    // Rates that do not fit their period ("30 hours a day"), or that no one
    // sustains ("100 hours a week").
    for f in &a.time {
        if f.expr.kind == TimeKind::Frequency
            && let (Some(rate), Some(per)) = (f.expr.rate, f.expr.duration)
        {
            let weekly_hours = rate.days() * 24.0 / (per.days() / 7.0);
            if rate.days() > per.days() + 1e-9 {
                c.local(
                    Rule::ImpossibleRate,
                    f.from,
                    f.to,
                    vec![("unit", per.unit.name().to_string())],
                );
            } else if rate.unit.is_clock() && weekly_hours > inp.thresholds.max_hours_per_week {
                let span = c.tok_span(f.from, f.to);
                let args = vec![
                    (
                        "deadline",
                        deadline.map_or_else(|| "any deadline".to_string(), format_date),
                    ),
                    ("rate", format!("{:.0}", weekly_hours)),
                    ("max", inp.thresholds.max_hours_per_week.to_string()),
                ];
                c.push_on(
                    Rule::HoursExceedTime,
                    span,
                    Some(f.expr.span),
                    args,
                    None,
                    true,
                );
            }
        }
    }
    if let (Some(hours), Some(window)) = (
        ctx.remaining_effort_hours
            .filter(|h| h.is_finite() && *h > 0.0),
        window,
    ) {
        let weeks = (window / 7.0).max(1.0 / 7.0);
        let rate = hours / weeks;
        if rate > inp.thresholds.hours_per_week {
            let span = c.whole();
            let args = vec![
                ("effort", format!("{:.0}", hours)),
                ("deadline", deadline.map(format_date).unwrap_or_default()),
                ("rate", format!("{:.1}", rate)),
                ("capacity", inp.thresholds.hours_per_week.to_string()),
            ];
            c.push(Rule::EffortExceedsCapacity, span, args, None, false);
        } else {
            verified = true;
        }
    }
    // The skill gap to a role the goal names, in hours of learning, against
    // the same weekly capacity.
    if let (Some(hours), Some(window), Some(role)) = (
        ctx.skill_gap_hours.filter(|h| h.is_finite() && *h >= 0.0),
        window,
        ctx.target_role.as_deref(),
    ) {
        let weeks = (window / 7.0).max(1.0 / 7.0);
        let rate = hours / weeks;
        if rate > inp.thresholds.hours_per_week {
            let span = c.whole();
            let args = vec![
                ("role", role.to_string()),
                ("hours", format!("{:.0}", hours)),
                ("deadline", deadline.map(format_date).unwrap_or_default()),
                ("rate", format!("{:.1}", rate)),
                ("capacity", inp.thresholds.hours_per_week.to_string()),
            ];
            c.push(Rule::SkillGapExceedsTime, span, args, None, false);
        } else {
            verified = true;
        }
    }

    // ----- Relevant -----
    let relevant = relevance(&mut c, ctx);

    // ----- Scores -----
    // Each aim is judged on its own evidence; the goal is as specific and as
    // measurable as its weakest aim.
    let mut s_evidence = i32::MAX;
    let mut m_evidence = i32::MAX;
    let mut weakest = (0, 0);
    for (i, r) in aims.iter().enumerate() {
        let s_aim = specific_evidence(aim_ev[i]);
        if s_aim < s_evidence {
            s_evidence = s_aim;
            weakest.0 = i;
        }
        let m_aim = r
            .clone()
            .map(|k| measurable_evidence(a, k))
            .max()
            .unwrap_or(0);
        if m_aim < m_evidence {
            m_evidence = m_aim;
            weakest.1 = i;
        }
    }
    let s_evidence = if s_evidence == i32::MAX {
        0
    } else {
        s_evidence
    };
    let mut m_evidence = if m_evidence == i32::MAX {
        0
    } else {
        m_evidence
    };
    if ctx.metric.is_some() {
        m_evidence = m_evidence.max(80);
    }
    // The words of an aim a whole-statement finding is about: the weakest
    // aim when there are several, else the whole statement.
    let aim_span = |c: &Checker<'_, '_>, i: usize| -> Span {
        match aims.get(i) {
            Some(r) if aims.len() > 1 => {
                let (f, t) = aim_tokens(a, r.clone());
                c.tok_span(f, t)
            }
            _ => c.whole(),
        }
    };
    // Absence rules fire only when no more precise finding explains the gap.
    let explained =
        |c: &Checker<'_, '_>, rules: &[Rule]| c.out.iter().any(|f| rules.contains(&f.rule));
    if s_evidence == 0
        && !explained(
            &c,
            &[
                Rule::VagueOutcome,
                Rule::UnquantifiedChange,
                Rule::Hyperbole,
                Rule::GenericOutcome,
            ],
        )
    {
        let span = aim_span(&c, weakest.0);
        c.push(Rule::NoConcreteOutcome, span, vec![], None, false);
    }
    if m_evidence == 0
        && !explained(
            &c,
            &[
                Rule::VagueOutcome,
                Rule::UnquantifiedChange,
                Rule::Hyperbole,
            ],
        )
    {
        let span = aim_span(&c, weakest.1);
        c.push(Rule::NoMeasure, span, vec![], None, false);
    }
    let t_base = if timed {
        100
    } else if has_freq {
        20
    } else {
        0
    };
    let bases = Bases {
        // Evidence saturates at 100 before penalties, so a penalty always counts.
        specific: (BASE + s_evidence).min(100),
        measurable: (BASE + m_evidence).min(100),
        time_bound: t_base,
        resolved: deadline.is_some(),
        verified,
        relevant,
        // More aims than one statement should carry: not one specific goal.
        specific_cap: if too_many { PASS - 10 } else { 100 },
    };
    let mut findings = c.out;
    let mut groups = std::mem::take(&mut scratch.groups);
    let mut criteria = judge(&mut findings, &mut groups, &bases);
    // Every failed verdict carries its reason: a criterion that fails with no
    // diagnostic of its own (its findings merged under another criterion's,
    // or only penalties from other criteria's rules) gets the absence rule
    // that names what is missing, on the aim it concerns. Adding a finding
    // only lowers a score, so the verdicts stay failed.
    let unexplained = |criteria: &Criteria, findings: &[Finding], groups: &[(u32, u32)]| {
        let mut led = [false; 5];
        for group in groups.chunk_by(|a, b| a.0 == b.0) {
            if let Some(lead) = lead_of(group, findings, inp.severity) {
                led[findings[lead].rule.criterion() as usize] = true;
            }
        }
        [
            Criterion::Specific,
            Criterion::Measurable,
            Criterion::TimeBound,
        ]
        .map(|k| (criteria.get(k).met == Some(false) && !led[k as usize]).then_some(k))
    };
    let missing = unexplained(&criteria, &findings, &groups);
    if missing.iter().any(Option::is_some) {
        let mut c = Checker {
            a,
            lex,
            inp,
            out: findings,
        };
        for k in missing.into_iter().flatten() {
            match k {
                Criterion::Specific => {
                    let span = aim_span(&c, weakest.0);
                    c.push(Rule::NoConcreteOutcome, span, vec![], None, false);
                }
                Criterion::Measurable => {
                    let span = aim_span(&c, weakest.1);
                    c.push(Rule::NoMeasure, span, vec![], None, false);
                }
                _ => {
                    let span = c.whole();
                    c.push(
                        Rule::NoDeadline,
                        Span::new(span.end, span.end),
                        vec![],
                        None,
                        false,
                    );
                }
            }
        }
        findings = c.out;
        criteria = judge(&mut findings, &mut groups, &bases);
    }
    scratch.aim_evidence = aim_ev;
    scratch.aims = aims;
    Outcome {
        findings,
        groups,
        criteria,
        deadline,
    }
}

/// What the verdicts start from, before penalties.
struct Bases {
    specific: i32,
    measurable: i32,
    time_bound: i32,
    /// A deadline resolved to a date.
    resolved: bool,
    /// Achievability arithmetic was checked and fits.
    verified: bool,
    /// The Relevant base, `None` without context.
    relevant: Option<i32>,
    /// The most the Specific score may be.
    specific_cap: i32,
}

/// Sort and merge the findings, and judge the five criteria from them.
fn judge(findings: &mut [Finding], groups: &mut Vec<(u32, u32)>, b: &Bases) -> Criteria {
    crate::sort::sort_by_key(findings, |f| (f.span.start, f.rule));
    merge_groups(findings, groups);
    let penalties = penalties(findings, groups);
    let score = |base: i32, crit: Criterion| -> u8 {
        (base - penalties[crit as usize]).clamp(0, 100) as u8
    };
    let verdict = |s: u8| Verdict {
        met: Some(i32::from(s) >= PASS),
        score: s,
    };
    let specific =
        verdict(score(b.specific, Criterion::Specific).min(b.specific_cap.clamp(0, 100) as u8));
    let measurable = verdict(score(b.measurable, Criterion::Measurable));
    let time_bound = time_bound_verdict(score(b.time_bound, Criterion::TimeBound), b.resolved);
    let a_fired = findings
        .iter()
        .any(|f| f.rule.criterion() == Criterion::Achievable);
    let achievable = if a_fired {
        Verdict {
            met: Some(false),
            score: score(if b.verified { 100 } else { 50 }, Criterion::Achievable),
        }
    } else if b.verified {
        Verdict {
            met: Some(true),
            score: 100,
        }
    } else {
        Verdict {
            met: None,
            score: 50,
        }
    };
    let relevant = match b.relevant {
        Some(base) => verdict(score(base, Criterion::Relevant)),
        None => Verdict {
            met: None,
            score: 50,
        },
    };
    Criteria {
        specific,
        measurable,
        achievable,
        relevant,
        time_bound,
    }
}

/// The finding that leads a merged group: the most severe, then the earliest rule.
pub(crate) fn lead_of(
    group: &[(u32, u32)],
    findings: &[Finding],
    severity: &[Severity],
) -> Option<usize> {
    group
        .iter()
        .map(|&(_, i)| i as usize)
        .filter(|&i| i < findings.len())
        .max_by_key(|&i| {
            let rule = findings[i].rule;
            (
                severity
                    .get(rule.index())
                    .copied()
                    .unwrap_or_else(|| rule.default_severity()),
                std::cmp::Reverse(rule),
            )
        })
}

/// The Specific evidence of an aim (points over the base): its strongest
/// kind, plus 10 for each further kind, up to 20.
fn specific_evidence(ev: Evidence) -> i32 {
    let best = [
        (ev.role, 60),
        (ev.credential, 60),
        (ev.quantity, 60),
        (ev.deliverable, 50),
        (ev.described, 50),
        (ev.concrete, 40),
        (ev.event, 10),
        (ev.generic, 10),
    ];
    let kinds = best.iter().filter(|(on, _)| *on).count() as i32;
    best.iter()
        .filter(|(on, _)| *on)
        .map(|(_, w)| *w)
        .max()
        .unwrap_or(0)
        + 10 * (kinds - 1).clamp(0, 2)
}

/// The Measurable evidence of clause `k` (points over the base).
fn measurable_evidence(a: &Analysis<'_>, k: usize) -> i32 {
    let (Some(cl), Some(e)) = (a.clauses.get(k), a.evidence.get(k)) else {
        return 0;
    };
    let complete = cl.class == Some(VerbClass::Complete);
    [
        (e.quantity || e.credential || e.role || e.event, 70),
        (complete && (e.deliverable || e.concrete), 60),
        (e.described, 60),
        (e.generic && complete, 60),
        (e.deliverable, 50),
        (e.concrete || e.generic, 40),
        (cl.class == Some(VerbClass::Multiply), 60),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, w)| *w)
    .max()
    .unwrap_or(0)
}

/// The kind of outcome an aim names, to tell aims of different outcomes
/// apart: 1 a position reached (a role, a credential, an event such as a
/// promotion, or a kind of one), 2 an amount or a thing done or produced (a
/// quantity, a deliverable, a concrete or described object), 0 nothing to
/// compare (a vague aim, which its own findings judge). "Hire a trainer and
/// train twice a week" is one kind of outcome; "double my salary and become
/// CTO" two.
fn outcome_kind(ev: Evidence) -> u8 {
    if ev.role || ev.credential {
        1
    } else if ev.quantity || ev.deliverable || ev.concrete || ev.described {
        2
    } else if ev.generic || ev.event {
        1
    } else {
        0
    }
}

/// Whether two aims of the statement name different kinds of outcome.
fn outcomes_differ(aims: &[Evidence]) -> bool {
    let mut seen = 0u8;
    for &ev in aims {
        match outcome_kind(ev) {
            0 => {}
            k => seen |= 1 << k,
        }
    }
    seen.count_ones() > 1
}

/// The tokens of an aim's words: from its first verb to the end of its last
/// clause, without trailing punctuation, coordinators or time expressions.
fn aim_tokens(a: &Analysis<'_>, aim: std::ops::Range<usize>) -> (usize, usize) {
    let t = &a.t;
    let first = a.clauses.get(aim.start);
    let from = first.map_or(0, |c| c.verb.unwrap_or(c.start));
    let mut to = aim
        .end
        .checked_sub(1)
        .and_then(|k| a.clauses.get(k))
        .map_or(t.len(), |c| c.end);
    while to > from + 1
        && (t.is_boundary(to - 1)
            || a.in_time(to - 1)
            || t.is_any(
                to - 1,
                kws!["and", "then", "or", "&", "plus", "by", "within", "in"],
            ))
    {
        to -= 1;
    }
    (from, to.max(from + 1).min(t.len()))
}

/// The text of tokens `from..to`.
fn text_of(c: &Checker<'_, '_>, from: usize, to: usize) -> String {
    let span = c.tok_span(from, to);
    c.a.t
        .text
        .get(span.start..span.end)
        .unwrap_or("")
        .to_string()
}

/// The Time-bound verdict from its penalised score. A goal whose deadline
/// resolved to a date has what the criterion asks for; the other time_bound
/// findings judge how that date is worded or fits the plan, so they lower the
/// score down to the pass mark but not below it.
fn time_bound_verdict(score: u8, resolved: bool) -> Verdict {
    let floor = if resolved { PASS as u8 } else { 0 };
    let score = score.max(floor);
    Verdict {
        met: Some(i32::from(score) >= PASS),
        score,
    }
}

/// Whether a rule's penalty on `crit` counts once per goal rather than once per
/// group of findings. Time-bound judges the goal's one deadline: "soon ...
/// soon" is one vague deadline, two unknown anchors one unresolved date. The
/// other criteria judge each clause's outcome, so each finding counts.
fn once_per_goal(crit: Criterion) -> bool {
    crit == Criterion::TimeBound
}

/// Penalty points per criterion: findings merged on the same words count once
/// (the largest penalty of the group), and on a [`once_per_goal`] criterion a
/// rule counts once however many groups it leads.
fn penalties(findings: &[Finding], groups: &[(u32, u32)]) -> [i32; 5] {
    let mut out = [0i32; 5];
    // Rules already charged on a once-per-goal criterion; empty (and not
    // allocated) unless such a penalty fires.
    let mut charged: Vec<(Criterion, Rule)> = Vec::new();
    for group in groups.chunk_by(|a, b| a.0 == b.0) {
        // Per criterion, the group's largest penalty and the rule behind it
        // (the last of equals, in span order).
        let mut most: [(i32, Option<Rule>); 5] = [(0, None); 5];
        for &(_, i) in group {
            let Some(f) = findings.get(i as usize) else {
                continue;
            };
            let penalty = f.rule.penalty();
            for crit in Criterion::ALL {
                let p = i32::from(penalty.get(crit));
                let k = crit as usize;
                if p > 0 && p >= most[k].0 {
                    most[k] = (p, Some(f.rule));
                }
            }
        }
        for crit in Criterion::ALL {
            let (p, rule) = most[crit as usize];
            let Some(rule) = rule else {
                continue;
            };
            if once_per_goal(crit) {
                if charged.contains(&(crit, rule)) {
                    continue;
                }
                charged.push((crit, rule));
            }
            out[crit as usize] += p;
        }
    }
    out
}

/// Groups of findings to merge: mergeable findings whose spans overlap.
///
/// Fills `groups` with a `(group, finding index)` pair per finding: groups
/// numbered in the order they open (by span), each group's pairs together
/// (`chunk_by` on the group yields them) and in span order. Which findings
/// share a group does not depend on the order of `findings`: among findings
/// on the same span, the mergeable ones all join the group the first of them
/// joins or opens, and the others stay alone.
pub(crate) fn merge_groups(findings: &[Finding], groups: &mut Vec<(u32, u32)>) {
    groups.clear();
    groups.extend((0..findings.len() as u32).map(|i| (0, i)));
    crate::sort::sort_by_key(groups, |&(_, i)| {
        let span = findings[i as usize].span;
        (span.start, span.end)
    });
    let mut next = 0u32;
    // The group that a mergeable finding may join, and the span it covers.
    let mut open: Option<(u32, Span)> = None;
    for pair in groups.iter_mut() {
        let f = &findings[pair.1 as usize];
        match open {
            Some((g, span)) if f.mergeable && span.overlaps(f.span) => {
                pair.0 = g;
                open = Some((g, span.union(f.span)));
            }
            _ => {
                pair.0 = next;
                if f.mergeable {
                    open = Some((next, f.span));
                }
                next += 1;
            }
        }
    }
    crate::sort::sort_by_key(groups, |&(g, _)| g);
}

/// The fix for a hedge: remove it (and, at the start, capitalise what follows).
fn hedge_fix(a: &Analysis<'_>, s: usize, e: usize) -> Option<Fix> {
    let t = &a.t;
    let start = t.toks[s].start as usize;
    let next = t.toks.get(e)?;
    let next_start = next.start as usize;
    // "I'd like to earn" -> "Earn": at the start, capitalise the next word.
    let at_start = s == 0 || (s == 1 && t.is_any(0, kws!["i", "we"]));
    let start = if at_start {
        t.toks[0].start as usize
    } else {
        start
    };
    if at_start {
        let first = t.text.get(next_start..)?.chars().next()?;
        let mut upper = String::new();
        upper.extend(first.to_uppercase());
        Some(Fix {
            span: Span::new(start, next_start + first.len_utf8()),
            replacement: upper,
            applicability: Applicability::Unsafe,
            span_utf16: None,
        })
    } else {
        Some(Fix {
            span: Span::new(start, next_start),
            replacement: String::new(),
            applicability: Applicability::Unsafe,
            span_utf16: None,
        })
    }
}

/// Text arithmetic against the days left before the deadline. Returns whether
/// something was checked and found feasible.
fn achievable_arithmetic(c: &mut Checker<'_, '_>, window: f64) -> bool {
    let a = c.a;
    let t = &a.t;
    let today = c.inp.today;
    let mut verified = false;
    let available = describe_days(window);
    // A stated length: "a two-year master's program", "an 8-week course".
    for f in &a.time {
        let Some(d) = f.expr.duration else { continue };
        match f.expr.kind {
            TimeKind::Modifier if !d.unit.is_clock() => {
                let head = (f.to..(f.to + 5).min(t.len()))
                    .find(|&k| a.m.has(k, |c| matches!(c, Cat::Program(_))));
                let Some(h) = head else { continue };
                if in_progress(a, f.from) {
                    continue;
                }
                // Underline up to the last program word: "two-year master's program".
                let end = (h..(h + 4).min(t.len()))
                    .filter_map(|k| {
                        a.m.longest(k, |c| matches!(c, Cat::Program(_)))
                            .map(|m| m.0)
                    })
                    .max()
                    .unwrap_or(h + 1);
                if d.days() > window + 1.0 {
                    let earliest = add_duration(today, d).map(format_date).unwrap_or_default();
                    c.local(
                        Rule::DurationExceedsDeadline,
                        f.from,
                        end,
                        vec![
                            ("needed", d.describe()),
                            ("available", available.clone()),
                            ("earliest", earliest),
                        ],
                    );
                } else {
                    verified = true;
                }
            }
            TimeKind::Measure | TimeKind::Modifier
                if d.unit == TimeUnit::Hour && f.expr.rate.is_none() =>
            {
                // Hours of work: more than the weekly ceiling is out of reach.
                // "within 4 hours" (a response time) follows a window word and is not effort.
                if f.from > 0 && t.is_any(f.from - 1, kws!["within", "in", "under", "than"]) {
                    continue;
                }
                let weeks = (window / 7.0).max(1.0 / 7.0);
                let rate = d.value / weeks;
                if rate > c.inp.thresholds.max_hours_per_week {
                    c.local(
                        Rule::HoursExceedTime,
                        f.from,
                        f.to,
                        vec![
                            (
                                "deadline",
                                format_date(today + chrono::Duration::days(window as i64)),
                            ),
                            ("rate", format!("{:.0}", rate)),
                            ("max", c.inp.thresholds.max_hours_per_week.to_string()),
                        ],
                    );
                } else {
                    verified = true;
                }
            }
            _ => {}
        }
    }
    // A credential with a known minimum length and no stated one: "a PhD within 6 months".
    for m in a.m.all() {
        let Cat::Program(months) = m.cat else {
            continue;
        };
        let s = m.start as usize;
        if months == 0 || a.in_time(s) || a.in_subclause(s) {
            continue;
        }
        let stated = (s.saturating_sub(5)..s).any(|k| a.time_kind(k) == Some(TimeKind::Modifier));
        // "apply to 6 PhD programs", "get into a master's programme": admission, not the degree.
        let admission = (s.saturating_sub(3)..s).any(|k| t.is_any(k, kws!["to", "into", "for"]));
        if stated || admission || in_progress(a, s) {
            continue;
        }
        let d = Duration {
            value: f64::from(months),
            unit: TimeUnit::Month,
        };
        if d.days() > window + 1.0 {
            let earliest = add_duration(today, d).map(format_date).unwrap_or_default();
            c.local(
                Rule::DurationExceedsDeadline,
                s,
                m.end as usize,
                vec![
                    ("needed", format!("at least {}", d.describe())),
                    ("available", available.clone()),
                    ("earliest", earliest),
                ],
            );
        }
    }
    // A count of periodic things: "20 weekly posts" takes 19 weeks after the first.
    for q in a.quantities.iter().filter(|q| q.kind == QKind::Count) {
        let k = q.to;
        if a.time_kind(k) != Some(TimeKind::Frequency) {
            continue;
        }
        let Some(f) = a.time.iter().find(|f| f.from == k) else {
            continue;
        };
        let Some(interval) = f.expr.duration else {
            continue;
        };
        let needed = (q.value - 1.0).max(0.0) * interval.days();
        if needed > window + 1.0 {
            let d = Duration {
                value: (q.value - 1.0).max(0.0) * interval.value,
                unit: interval.unit,
            };
            let earliest = add_duration(today, d).map(format_date).unwrap_or_default();
            c.local(
                Rule::DurationExceedsDeadline,
                q.from,
                f.to + 1,
                vec![
                    ("needed", d.describe()),
                    ("available", available.clone()),
                    ("earliest", earliest),
                ],
            );
        } else {
            verified = true;
        }
    }
    // Senior roles on a short horizon: "Chief Medical Officer within a month".
    for (k, ev) in a.evidence.iter().enumerate() {
        if !ev.role {
            continue;
        }
        let senior = a
            .clause_matches(k, |c| matches!(c, Cat::SeniorRole(_)))
            .filter_map(|(s, e, cat)| match cat {
                Cat::SeniorRole(m) => Some((s, e, m)),
                _ => None,
            })
            .max_by_key(|x| x.2);
        let Some((s, e, months)) = senior else {
            continue;
        };
        let d = Duration {
            value: f64::from(months),
            unit: TimeUnit::Month,
        };
        if d.days() > window + 1.0 {
            // Underline the whole title: "Chief Medical Officer".
            let mut end = e;
            while end < a.clauses[k].end
                && t.is_word(end)
                && !a.in_time(end)
                && !t.is_any(end, kws!["of", "at", "in", "for", "by", "within", "and"])
                && t.toks[end].case != super::token::Case::Lower
            {
                end += 1;
            }
            c.local(
                Rule::ExtremeScope,
                s,
                end,
                vec![("available", available.clone()), ("needed", d.describe())],
            );
        }
    }
    verified
}

/// A number in plain words: "4", "2.5", "0.3".
fn plain_number(x: f64) -> String {
    if x >= 10.0 || (x - x.round()).abs() < 0.05 {
        format!("{:.0}", x.round())
    } else {
        format!("{:.1}", x)
    }
}

/// A rate per day in the largest period where it is at least one: "4 a day",
/// "2 a week", "0.5 a month".
fn describe_rate(per_day: f64) -> String {
    if per_day >= 1.0 {
        format!("{} a day", plain_number(per_day))
    } else if per_day * 7.0 >= 1.0 {
        format!("{} a week", plain_number(per_day * 7.0))
    } else {
        format!("{} a month", plain_number(per_day * 30.44))
    }
}

/// A span of days as a person would say it: "30 days" up to nine weeks, then weeks, months, years.
fn describe_window(days: f64) -> String {
    if days < 63.0 {
        let n = days.round().max(1.0) as i64;
        if n == 1 {
            "1 day".into()
        } else {
            format!("{n} days")
        }
    } else {
        describe_days(days)
    }
}

/// Counts and study hours against plausible human rates (`rates.txt`,
/// `study_levels.txt`): a count over the days to the deadline, a count per
/// period ("5 books a day"), or the hours of study a level or mastery takes
/// over the weeks to the deadline. Returns whether something was checked and
/// found plausible.
fn plausible_rates(c: &mut Checker<'_, '_>, window: Option<f64>) -> bool {
    let a = c.a;
    let lex = c.lex;
    let t = &a.t;
    let today = c.inp.today;
    let mut verified = false;
    for q in a
        .quantities
        .iter()
        .filter(|q| matches!(q.kind, QKind::Count | QKind::Target | QKind::Money))
    {
        if !(q.value.is_finite() && q.value > 0.0) {
            continue;
        }
        let k = a.clause_of(q.from);
        let verb = a.clauses[k].verb.map(|v| t.wid(v));
        // The thing counted: "120 online courses", "5 books", "20 kg".
        let mut item: Option<(usize, usize)> = None;
        // "15 pounds" reads as money: the unit is the word after the number.
        let mut j = if q.kind == QKind::Money && t.is_num(q.from) {
            q.from + 1
        } else {
            q.to
        };
        while j < t.len()
            && j < q.to + 4
            && t.is_word(j)
            && !a.in_time(j)
            && !t.is_any(j, super::features::PREPS)
        {
            let found =
                a.m.at(j)
                    .iter()
                    .filter_map(|m| match m.cat {
                        Cat::Rate(row) => lex
                            .rates
                            .get(usize::from(row))
                            .filter(|r| r.done_by(verb))
                            .map(|_| (m.end as usize, usize::from(row))),
                        _ => None,
                    })
                    .max_by_key(|x| x.0);
            // The head noun is the last one: "3 AWS certification exams" are exams.
            if found.is_some() {
                item = found;
            }
            j += 1;
        }
        let Some((end, row)) = item else { continue };
        let Some(row) = lex.rates.get(row) else {
            continue;
        };
        let max_per_day = row.max / row.per.days();
        // A period right after the thing ("5 books a day") or the days to the deadline.
        let freq = a.time.iter().find(|f| {
            matches!(f.expr.kind, TimeKind::Frequency | TimeKind::Measure)
                && f.from >= end
                && f.from <= end + 1
        });
        let (days, period, until) = match (freq.and_then(|f| f.expr.duration), window) {
            (Some(per), _) => (per.days(), None, false),
            (None, Some(w)) => (w.max(1.0), Some(describe_window(w)), true),
            (None, None) => continue,
        };
        if days <= 0.0 {
            continue;
        }
        let per_day = q.value / days;
        if per_day <= max_per_day * 1.000_001 {
            verified = true;
            continue;
        }
        let count = plain_number(q.value);
        let arithmetic = match period {
            Some(p) => format!("{count} in {p} = {}", describe_rate(per_day)),
            // "5 a day = 35 a week": the rate in the table's period.
            None => format!(
                "{count} a {} = {} a {}",
                freq.and_then(|f| f.expr.duration)
                    .map_or("period", |d| d.unit.name()),
                plain_number(per_day * row.per.days()),
                row.per.name()
            ),
        };
        let max = format!("about {} a {}", plain_number(row.max), row.per.name());
        let longer = if until {
            let needed = (q.value / max_per_day).ceil();
            let earliest = today
                .checked_add_days(chrono::Days::new(needed as u64))
                .map(format_date)
                .unwrap_or_default();
            format!(", or allow until {earliest} for all {count}")
        } else {
            String::new()
        };
        let to = freq.map_or(end, |f| f.to);
        let span = c.tok_span(q.from, end);
        let words = Some(span);
        let span = c.tok_span(q.from, to);
        // Never merged: the arithmetic must show, whatever else is said about these words.
        c.push_on(
            Rule::ImplausibleRate,
            span,
            words,
            vec![("arithmetic", arithmetic), ("max", max), ("longer", longer)],
            None,
            false,
        );
    }
    // Hours of study: a language level or mastery of a whole field.
    let Some(window) = window else {
        return verified;
    };
    if !a
        .m
        .all()
        .iter()
        .any(|m| matches!(m.cat, Cat::StudyLevel(..)))
    {
        return verified;
    }
    let max_hours = c.inp.thresholds.max_hours_per_week;
    for k in 0..a.clauses.len() {
        let level = a
            .clause_matches(k, |c| matches!(c, Cat::StudyLevel(..)))
            .filter_map(|(s, e, cat)| match cat {
                Cat::StudyLevel(h, field) => Some((s, e, h, field)),
                _ => None,
            })
            .max_by_key(|x| x.2);
        let Some((s, e, hours, field)) = level else {
            continue;
        };
        let object = a
            .clause_matches(k, |c| matches!(c, Cat::Language | Cat::Field))
            .find(|&(_, _, cat)| field || matches!(cat, Cat::Language));
        let Some((os, oe, _)) = object else { continue };
        let hours = f64::from(hours);
        let weeks = (window / 7.0).max(1.0 / 7.0);
        let weekly = hours / weeks;
        if weekly <= max_hours {
            verified = true;
            continue;
        }
        let arithmetic = format!(
            "about {} hours of study in {} = {} hours a week",
            plain_number(hours),
            describe_window(window),
            plain_number(weekly)
        );
        let needed = (hours / max_hours * 7.0).ceil();
        let earliest = today
            .checked_add_days(chrono::Days::new(needed as u64))
            .map(format_date)
            .unwrap_or_default();
        let span = c.tok_span(s.min(os), e.max(oe));
        c.push_on(
            Rule::ImplausibleRate,
            span,
            Some(span),
            vec![
                ("arithmetic", arithmetic),
                ("max", format!("{} hours a week", max_hours)),
                ("longer", format!(", or allow until {earliest}")),
            ],
            None,
            false,
        );
    }
    verified
}

/// Whether the program at token `at` is one the person is already in:
/// "finish my master's", "obtain my bachelor's degree". Its length then says
/// nothing about the time left.
fn in_progress(a: &Analysis<'_>, at: usize) -> bool {
    let t = &a.t;
    let k = a.clause_of(at);
    let Some(v) = a.clauses[k].verb else {
        return false;
    };
    (v + 1..at).any(|j| t.is_any(j, kws!["my", "our", "his", "her", "their", "current"]))
}

/// The Relevant base score: `None` without context to judge by.
fn relevance(c: &mut Checker<'_, '_>, ctx: &Context) -> Option<i32> {
    let linked_value = !ctx.linked_values.is_empty()
        && (ctx.values.is_empty()
            || ctx.linked_values.iter().any(|v| {
                ctx.values
                    .iter()
                    .any(|p| p.trim().eq_ignore_ascii_case(v.trim()))
            }));
    if linked_value || ctx.aspiration.is_some() || ctx.parent.is_some() {
        return Some(100);
    }
    let mut anchors: Vec<&str> = Vec::new();
    anchors.extend(ctx.values.iter().map(String::as_str));
    anchors.extend(ctx.aspirations.iter().map(String::as_str));
    anchors.extend(ctx.interests.iter().map(String::as_str));
    if anchors.is_empty() {
        return None;
    }
    let goal_terms = key_terms(c.a);
    let lex = c.lex;
    let shared = anchors.iter().any(|text| {
        let t = super::token::Tokens::new(text, lex);
        (0..t.len())
            .any(|i| super::term_of(&t, lex, i).is_some_and(|term| goal_terms.contains(&term)))
    });
    if shared {
        return Some(80);
    }
    let span = c.whole();
    c.push(Rule::UnlinkedGoal, span, vec![], None, false);
    Some(80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_in_words() {
        assert_eq!(describe_days(1.0), "1 day");
        assert_eq!(describe_days(14.0), "2 weeks");
        assert_eq!(describe_days(92.0), "3 months");
        assert_eq!(describe_days(730.5), "2 years");
    }

    fn finding(rule: Rule, start: usize, end: usize, mergeable: bool) -> Finding {
        Finding {
            rule,
            span: Span::new(start, end),
            words: None,
            args: Vec::new(),
            fix: None,
            mergeable,
        }
    }

    fn all_penalties(findings: &[Finding]) -> [i32; 5] {
        let mut groups = Vec::new();
        merge_groups(findings, &mut groups);
        penalties(findings, &groups)
    }

    fn time_bound(findings: &[Finding]) -> i32 {
        all_penalties(findings)[Criterion::TimeBound as usize]
    }

    #[test]
    fn a_time_bound_rule_costs_its_penalty_once_per_goal() {
        let soon = |at| finding(Rule::VagueDeadline, at, at + 4, true);
        let anchor = |at| finding(Rule::UnknownAnchor, at, at + 10, true);
        assert_eq!(time_bound(&[soon(0)]), 15);
        assert_eq!(time_bound(&[soon(0), soon(10), soon(20)]), 15);
        assert_eq!(time_bound(&[soon(0), anchor(10), soon(30)]), 45);
        assert_eq!(time_bound(&[anchor(0), anchor(20)]), 30);
        let horizon = finding(Rule::HorizonMismatch, 0, 40, false);
        let conflict = finding(Rule::DeadlineConflict, 30, 40, true);
        assert_eq!(
            time_bound(&[soon(0), anchor(10), horizon, conflict, soon(50)]),
            75
        );
    }

    #[test]
    fn merged_findings_still_take_off_one_penalty() {
        // A conflict on the same words as an ambiguous date: one group, led by
        // the conflict's 10 points; the same rule in another group adds nothing.
        let ambiguous = finding(Rule::AmbiguousDate, 3, 13, true);
        let conflict = |at| finding(Rule::DeadlineConflict, at, at + 13, true);
        assert_eq!(time_bound(&[ambiguous.clone(), conflict(0)]), 10);
        assert_eq!(time_bound(&[ambiguous, conflict(0), conflict(40)]), 10);
    }

    #[test]
    fn other_criteria_still_count_every_finding() {
        let vague = |at| finding(Rule::VagueOutcome, at, at + 5, true);
        let p = all_penalties(&[vague(0), vague(10)]);
        assert_eq!(p[Criterion::Specific as usize], 90);
        assert_eq!(p[Criterion::Measurable as usize], 60);
        let passed = |at| finding(Rule::DeadlinePassed, at, at + 5, true);
        let hours = finding(Rule::HoursExceedTime, 20, 25, true);
        assert_eq!(
            all_penalties(&[passed(0), hours, passed(40)])[Criterion::Achievable as usize],
            210
        );
    }

    #[test]
    fn a_resolved_deadline_floors_time_bound_at_the_pass_mark() {
        let pass = PASS as u8;
        for score in [0, 25, 49] {
            let v = time_bound_verdict(score, true);
            assert_eq!((v.met, v.score), (Some(true), pass));
            let v = time_bound_verdict(score, false);
            assert_eq!((v.met, v.score), (Some(false), score));
        }
        for score in [50, 85, 100] {
            for resolved in [true, false] {
                let v = time_bound_verdict(score, resolved);
                assert_eq!((v.met, v.score), (Some(true), score));
            }
        }
    }
}
