//! Generate random plans with their agenda and iCalendar export, one JSON
//! object per line, for the differential test
//! `crates/careerplan/tests/oracle/ics_oracle.py`.
//!
//! Run with `cargo run -p careerplan-examples --example ics_cases -- COUNT SEED > cases.jsonl`.
//!
//! Each line: `{"case": i, "from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "plan": {...},
//! "ics": "...", "events": [{"uid", "date", "kind", "subject_id"}, ...]}`.
//! Anchors fall on the 29th to 31st of a month or on February 29 far more
//! often than chance; business-day conventions, holidays, check-ins,
//! midpoints, at-risk reviews and contact follow-ups vary from case to case.

use careerplan::plan::{
    BusinessDayConvention, Cadence, CadenceUnit, Contact, Goal, Metric, Plan, Relation,
    ReviewPolicy,
};
use careerplan::schedule::{
    AgendaOptions, EventKind, IcsOptions, agenda, recur::days_in_month, to_ics,
};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::io::Write;

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn date(rng: &mut Rng) -> NaiveDate {
    let year = 1998 + rng.below(40) as i32;
    match rng.below(10) {
        // February 29 of a leap year.
        0 | 1 => {
            let leap = year - year.rem_euclid(4);
            NaiveDate::from_ymd_opt(leap, 2, 29).unwrap_or(NaiveDate::MIN)
        }
        // The 29th to 31st (or the month's last day).
        2..=5 => {
            let month = 1 + rng.below(12) as u32;
            let day = (29 + rng.below(3) as u32).min(days_in_month(year, month));
            NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
        }
        _ => {
            let month = 1 + rng.below(12) as u32;
            let day = 1 + rng.below(u64::from(days_in_month(year, month))) as u32;
            NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
        }
    }
}

fn cadence(rng: &mut Rng) -> Cadence {
    match rng.below(10) {
        0 => Cadence::Weekly,
        1 => Cadence::Monthly,
        2 => Cadence::Quarterly,
        3 => Cadence::SemiAnnual,
        4 => Cadence::Annual,
        5 => Cadence::Every {
            every: rng.range(1, 400) as u32,
            unit: CadenceUnit::Days,
        },
        6 => Cadence::Every {
            every: rng.range(1, 10) as u32,
            unit: CadenceUnit::Weeks,
        },
        7 | 8 => Cadence::Every {
            every: rng.range(1, 36) as u32,
            unit: CadenceUnit::Months,
        },
        _ => Cadence::Every {
            every: rng.range(1, 5) as u32,
            unit: CadenceUnit::Years,
        },
    }
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(d)
    }
}

fn random_plan(rng: &mut Rng, case: u64) -> (Plan, NaiveDate, NaiveDate) {
    let mut plan = Plan::new(format!("case-{case}"));
    let anchor = date(rng);
    let mut policy = ReviewPolicy::new(cadence(rng));
    policy.anchor = Some(anchor);
    if rng.chance(40) {
        policy.until = Some(shift(anchor, rng.range(0, 4000) as i64));
    }
    policy.business_days = match rng.below(4) {
        0 => BusinessDayConvention::None,
        1 => BusinessDayConvention::Following,
        2 => BusinessDayConvention::ModifiedFollowing,
        _ => BusinessDayConvention::Preceding,
    };
    for _ in 0..rng.below(8) {
        policy
            .holidays
            .push(shift(anchor, rng.range(0, 1500) as i64 - 100));
    }
    if rng.chance(50) {
        policy.checkin_days_before = vec![14];
        if rng.chance(30) {
            policy.checkin_days_before.push(rng.range(1, 40) as u32);
        }
    }
    if rng.chance(40) {
        policy.midpoint_min_days = Some(rng.range(30, 200) as u32);
    }
    if rng.chance(40) {
        policy.at_risk_cadence = Some(cadence(rng));
    }
    let from = shift(anchor, rng.range(0, 1500) as i64 - 500);
    let to = shift(from, rng.range(0, 2500) as i64);
    for g in 0..rng.below(4) {
        let start = shift(from, rng.range(0, 700) as i64 - 400);
        let mut goal = Goal::new(
            format!("g{g}"),
            format!("Goal {g}, with a comma; and a semicolon"),
        );
        goal.start = Some(start);
        goal.deadline = Some(shift(start, rng.range(20, 1500) as i64));
        if rng.chance(60) {
            goal.metric = Some(Metric {
                name: "units".into(),
                unit: None,
                baseline: Some(0.0),
                target: 10.0,
                current: Some(rng.below(11) as f64),
                extra: Default::default(),
            });
        }
        plan.goals.push(goal);
    }
    for c in 0..rng.below(3) {
        plan.contacts.push(Contact {
            id: format!("c{c}"),
            name: format!("Contact {c}"),
            relation: Relation::Mentor,
            cadence: Some(cadence(rng)),
            last_contact: if rng.chance(80) {
                Some(shift(from, rng.range(0, 800) as i64 - 600))
            } else {
                None
            },
            notes: None,
            extra: Default::default(),
        });
    }
    plan.review_policy = Some(policy);
    (plan, from, to)
}

/// One line of output. Plain structs rather than `serde_json::json!`: building
/// a map per event was a quarter of the run in the dev build that
/// `scripts/test` uses.
#[derive(Serialize)]
struct Case<'a> {
    case: u64,
    from: String,
    to: String,
    plan: serde_json::Value,
    ics: String,
    events: Vec<CaseEvent<'a>>,
}

#[derive(Serialize)]
struct CaseEvent<'a> {
    uid: String,
    date: String,
    kind: EventKind,
    subject_id: &'a str,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().map_or(Ok(10_000), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |a| a.parse())?;
    let mut rng = Rng(seed);
    let ics_options = IcsOptions {
        dtstamp: Some("2026-01-01T00:00:00Z".parse()?),
        ..IcsOptions::default()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for case in 0..count {
        let (plan, from, to) = random_plan(&mut rng, case);
        let options = AgendaOptions::default();
        let events = agenda(&plan, from, to, &options)?;
        let ics = to_ics(&plan, from, to, &ics_options)?;
        let events: Vec<CaseEvent<'_>> = events
            .iter()
            .map(|e| CaseEvent {
                uid: e.uid(&plan.id),
                date: e.date.to_string(),
                kind: e.kind,
                subject_id: e.subject_id(),
            })
            .collect();
        let line = Case {
            case,
            from: from.to_string(),
            to: to.to_string(),
            plan: plan.to_value(),
            ics,
            events,
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
