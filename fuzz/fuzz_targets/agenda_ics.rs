//! Agenda and iCalendar export for arbitrary small plans, policies, options
//! and windows. The plan is built as JSON from a structured input (so most
//! inputs are plans the loader accepts) and loaded through the public API.
//!
//! Guard: the window is at most `MAX_WINDOW_DAYS` long. The core has no limit
//! on the agenda span yet, and a daily cadence over a window of millions of
//! days legitimately yields millions of events; the cap keeps one input to
//! milliseconds. The window itself may sit anywhere in chrono's range.
#![no_main]

use arbitrary::Arbitrary;
use careerplan::plan::{self, Plan};
use careerplan::schedule::{self, AgendaOptions, EventKind, IcsOptions, Prompts};
use chrono::{Datelike, Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

const MAX_WINDOW_DAYS: u64 = 3_660;

/// A date a plan may hold: the loader reads four-digit years only.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum PlanDay {
    /// Days from 2026-11-22 (about +-90 years).
    Near(i16),
    /// Any year 0000-9999, day of the year.
    Year(u16, u16),
}

impl PlanDay {
    fn date(self) -> NaiveDate {
        let base = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        match self {
            PlanDay::Near(n) => base
                .checked_add_signed(chrono::Duration::days(i64::from(n)))
                .unwrap_or(base),
            PlanDay::Year(y, d) => {
                NaiveDate::from_yo_opt(i32::from(y % 10_000), u32::from(d % 366) + 1)
                    .or_else(|| NaiveDate::from_yo_opt(i32::from(y % 10_000), 365))
                    .unwrap_or(base)
            }
        }
    }

    fn json(self) -> Value {
        Value::String(self.date().format("%Y-%m-%d").to_string())
    }
}

/// A window start: anywhere chrono can go, or near the plan's dates.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum WindowDay {
    Plan(PlanDay),
    Min(u16),
    Max(u16),
    Any(u32),
}

impl WindowDay {
    fn date(self) -> NaiveDate {
        let (min, max) = (
            NaiveDate::MIN.num_days_from_ce(),
            NaiveDate::MAX.num_days_from_ce(),
        );
        let day = match self {
            WindowDay::Plan(p) => return p.date(),
            WindowDay::Min(n) => min + i32::from(n),
            WindowDay::Max(n) => max - i32::from(n),
            WindowDay::Any(n) => min + (n % (max - min + 1) as u32) as i32,
        };
        NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum CadenceIn {
    Preset(u8),
    Every(u16, u8),
}

impl CadenceIn {
    fn json(self) -> Value {
        match self {
            CadenceIn::Preset(p) => {
                let names = [
                    "weekly",
                    "biweekly",
                    "monthly",
                    "quarterly",
                    "semi_annual",
                    "annual",
                ];
                json!(names[usize::from(p) % names.len()])
            }
            CadenceIn::Every(n, u) => {
                let units = ["days", "weeks", "months", "years"];
                json!({"every": n, "unit": units[usize::from(u) % units.len()]})
            }
        }
    }
}

const STATUSES: [&str; 5] = ["not_started", "in_progress", "blocked", "done", "abandoned"];

#[derive(Arbitrary, Debug)]
struct GoalIn {
    title: String,
    status: u8,
    parent: Option<u8>,
    start: Option<PlanDay>,
    deadline: Option<PlanDay>,
    metric: Option<(i16, i16, Option<i16>)>,
}

#[derive(Arbitrary, Debug)]
struct ActionIn {
    goal: u8,
    title: String,
    milestone: bool,
    status: u8,
    due: Option<PlanDay>,
    completed_on: Option<PlanDay>,
}

#[derive(Arbitrary, Debug)]
struct ContactIn {
    name: String,
    relation: u8,
    cadence: Option<CadenceIn>,
    last_contact: Option<PlanDay>,
}

#[derive(Arbitrary, Debug)]
struct ReviewIn {
    date: PlanDay,
    progress: Vec<(u8, u8)>,
}

#[derive(Arbitrary, Debug)]
struct PolicyIn {
    cadence: CadenceIn,
    anchor: Option<PlanDay>,
    until: Option<PlanDay>,
    business_days: u8,
    holidays: Vec<PlanDay>,
    checkin_days_before: Vec<u16>,
    midpoint_min_days: Option<u16>,
    at_risk_cadence: Option<CadenceIn>,
    ad_hoc: Vec<(PlanDay, String)>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    owner: Option<String>,
    created: Option<PlanDay>,
    goals: Vec<GoalIn>,
    actions: Vec<ActionIn>,
    contacts: Vec<ContactIn>,
    reviews: Vec<ReviewIn>,
    policy: Option<PolicyIn>,
    from: WindowDay,
    window_days: u16,
    today: Option<WindowDay>,
    kinds: Vec<u8>,
    prompts: Option<Vec<String>>,
    alarm_days_before: Option<u32>,
    calendar_name: Option<String>,
    dtstamp: Option<PlanDay>,
}

fn take<T>(v: &[T], n: usize) -> &[T] {
    &v[..v.len().min(n)]
}

fn plan_json(input: &Input) -> Value {
    let goal_id = |i: usize| format!("g{i}");
    let n_goals = input.goals.len().min(8);
    let goals: Vec<Value> = take(&input.goals, 8)
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut m = Map::new();
            m.insert("id".into(), json!(goal_id(i)));
            m.insert("title".into(), json!(g.title));
            m.insert("status".into(), json!(STATUSES[usize::from(g.status) % 5]));
            if let Some(p) = g.parent {
                // Parents earlier in the list only, so there is no cycle.
                if i > 0 {
                    m.insert("parent_id".into(), json!(goal_id(usize::from(p) % i)));
                }
            }
            if let Some(d) = g.start {
                m.insert("start".into(), d.json());
            }
            if let Some(d) = g.deadline {
                m.insert("deadline".into(), d.json());
            }
            if let Some((baseline, target, current)) = g.metric {
                m.insert(
                    "metric".into(),
                    json!({"name": "m", "baseline": baseline, "target": target, "current": current}),
                );
            }
            Value::Object(m)
        })
        .collect();
    let actions: Vec<Value> = if n_goals == 0 {
        Vec::new()
    } else {
        take(&input.actions, 8)
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut m = Map::new();
                m.insert("id".into(), json!(format!("a{i}")));
                m.insert(
                    "goal_id".into(),
                    json!(goal_id(usize::from(a.goal) % n_goals)),
                );
                m.insert("title".into(), json!(a.title));
                m.insert(
                    "kind".into(),
                    json!(if a.milestone { "milestone" } else { "step" }),
                );
                m.insert("status".into(), json!(STATUSES[usize::from(a.status) % 5]));
                if let Some(d) = a.due {
                    m.insert("due".into(), d.json());
                }
                if let Some(d) = a.completed_on {
                    m.insert("completed_on".into(), d.json());
                }
                Value::Object(m)
            })
            .collect()
    };
    let relations = [
        "mentor",
        "manager",
        "peer",
        "coach",
        "counselor",
        "mentee",
        "other",
    ];
    let contacts: Vec<Value> = take(&input.contacts, 6)
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut m = Map::new();
            m.insert("id".into(), json!(format!("c{i}")));
            m.insert("name".into(), json!(c.name));
            m.insert(
                "relation".into(),
                json!(relations[usize::from(c.relation) % relations.len()]),
            );
            if let Some(cad) = c.cadence {
                m.insert("cadence".into(), cad.json());
            }
            if let Some(d) = c.last_contact {
                m.insert("last_contact".into(), d.json());
            }
            Value::Object(m)
        })
        .collect();
    let reviews: Vec<Value> = take(&input.reviews, 4)
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let progress: Vec<Value> = if n_goals == 0 {
                Vec::new()
            } else {
                take(&r.progress, 8)
                    .iter()
                    .map(|&(g, p)| json!({"goal_id": goal_id(usize::from(g) % n_goals), "percent": p % 101}))
                    .collect()
            };
            json!({"id": format!("r{i}"), "date": r.date.json(), "progress": progress})
        })
        .collect();
    let mut doc = json!({
        "schema_version": plan::SCHEMA_VERSION,
        "id": "fuzz-plan",
        "goals": goals,
        "actions": actions,
        "contacts": contacts,
        "reviews": reviews,
    });
    if let Some(name) = &input.owner {
        doc["owner"] = json!({"name": name});
    }
    if let Some(d) = input.created {
        doc["created"] = json!(format!("{}T09:00:00Z", d.date().format("%Y-%m-%d")));
    }
    if let Some(p) = &input.policy {
        let conventions = ["none", "following", "modified_following", "preceding"];
        let mut m = Map::new();
        m.insert("cadence".into(), p.cadence.json());
        if let Some(d) = p.anchor {
            m.insert("anchor".into(), d.json());
        }
        if let Some(d) = p.until {
            m.insert("until".into(), d.json());
        }
        m.insert(
            "business_days".into(),
            json!(conventions[usize::from(p.business_days) % conventions.len()]),
        );
        m.insert(
            "holidays".into(),
            Value::Array(take(&p.holidays, 32).iter().map(|d| d.json()).collect()),
        );
        m.insert(
            "checkin_days_before".into(),
            json!(take(&p.checkin_days_before, 4)),
        );
        if let Some(n) = p.midpoint_min_days {
            m.insert("midpoint_min_days".into(), json!(n));
        }
        if let Some(c) = p.at_risk_cadence {
            m.insert("at_risk_cadence".into(), c.json());
        }
        m.insert(
            "ad_hoc".into(),
            Value::Array(
                take(&p.ad_hoc, 4)
                    .iter()
                    .map(|(d, reason)| json!({"date": d.json(), "reason": reason}))
                    .collect(),
            ),
        );
        doc["review_policy"] = Value::Object(m);
    }
    doc
}

fn check_ics(ics: &str) {
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    for line in ics.split_terminator("\r\n") {
        assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
    }
}

fuzz_target!(|input: Input| {
    let Ok(plan): Result<Plan, _> = plan::load_plan(plan_json(&input), &Default::default()) else {
        return;
    };
    let from = input.from.date();
    let to = from
        .checked_add_days(Days::new(u64::from(input.window_days) % MAX_WINDOW_DAYS))
        .unwrap_or(NaiveDate::MAX);
    let kinds: Vec<EventKind> = take(&input.kinds, 8)
        .iter()
        .map(|&k| EventKind::ALL[usize::from(k) % EventKind::ALL.len()])
        .collect();
    let prompts = input.prompts.as_ref().map(|p| {
        let p = take(p, 3).to_vec();
        Prompts {
            periodic_review: p.clone(),
            ad_hoc_review: p.clone(),
            at_risk_review: p.clone(),
            midpoint_review: p.clone(),
            checkin: p.clone(),
            contact_follow_up: p.clone(),
            goal_deadline: p.clone(),
            action_due: p,
        }
    });
    let agenda_options = AgendaOptions {
        today: input.today.map(WindowDay::date),
        kinds,
        prompts,
        ..Default::default()
    };

    let events = match schedule::agenda(&plan, from, to, &agenda_options) {
        Ok(events) => events,
        Err(_) => return,
    };
    for pair in events.windows(2) {
        assert!(pair[0].date <= pair[1].date, "agenda not sorted");
    }
    for e in &events {
        assert!(
            from <= e.date && e.date <= to,
            "event {} outside {from}..{to}",
            e.date
        );
    }
    let _ = schedule::agenda_text(&events, true);

    let dtstamp = input.dtstamp.and_then(|d| {
        let text = format!("\"{}T12:00:00Z\"", d.date().format("%Y-%m-%d"));
        serde_json::from_str(&text).ok()
    });
    let ics_options = IcsOptions {
        agenda: agenda_options,
        dtstamp,
        alarm_days_before: input.alarm_days_before,
        calendar_name: input.calendar_name.clone(),
    };
    match schedule::to_ics(&plan, from, to, &ics_options) {
        Ok(ics) => check_ics(&ics),
        Err(e) => panic!("agenda succeeded but to_ics failed: {e}"),
    }
});
