//! iCalendar (RFC 5545) export of the agenda.
//!
//! # The file
//! One `VCALENDAR` (`VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`) with
//! lines ending in CRLF, folded so that no line exceeds 75 octets (a fold
//! never splits a UTF-8 character), and TEXT values escaped (`\\`, `\;`,
//! `\,`, `\n`; other control characters dropped). Every event is all-day
//! (`DTSTART;VALUE=DATE`, `DTEND` the next day).
//!
//! # Components
//! - Each periodic series (the plan's periodic reviews, a goal's at-risk
//!   reviews, a contact's follow-ups) is **one** `VEVENT` with an `RRULE`.
//! - Every other review, check-in and goal deadline is a single `VEVENT`.
//! - Each action due date is a `VTODO` with `DUE;VALUE=DATE`.
//!
//! UIDs are `PLAN/KIND/SUBJECT@careerplan` for a series and
//! `PLAN/KIND/SUBJECT/YYYYMMDD@careerplan` for a single event, so the same
//! plan always gives the same UIDs and a calendar that re-imports the file
//! updates events instead of duplicating them.
//!
//! # Expressing our dates in RRULE
//! RFC 5545 skips a `BYMONTHDAY` that a month lacks, where the agenda clamps
//! to the month's end, so the rule names the clamping explicitly:
//!
//! | anchor day | rule |
//! |---|---|
//! | 1 to 28 | `BYMONTHDAY=d` |
//! | 29 or 30 | `BYMONTHDAY=d,-1;BYSETPOS=1` (the `d`-th, or the last day when the month is shorter) |
//! | 31 | `BYMONTHDAY=-1` |
//!
//! Yearly cadences use `FREQ=YEARLY;BYMONTH=m` with the same day rule (only
//! February 29 needs the `BYSETPOS` form). Days and weeks are plain
//! `FREQ=DAILY`/`FREQ=WEEKLY` with `INTERVAL`.
//!
//! The rule is bounded to the exported window: `DTSTART` is the first
//! occurrence in the window and `UNTIL` the last. Where business-day rolling
//! moved an occurrence (or a same-day duplicate removed it), the nominal date
//! is listed in `EXDATE` and the rolled date in `RDATE`. We chose this over
//! expanding every occurrence into its own event because the series stays one
//! editable item in the person's calendar, and the file still yields exactly
//! the agenda's dates in any RFC 5545 reader (checked against python-dateutil
//! and `recurring_ical_events` by `tests/oracle/ics_oracle.py`).

use chrono::{Datelike, Days, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::agenda::{AgendaOptions, Built, Meta, Series, build};
use super::event::{EventKind, uid};
use super::recur::{Step, first_index_on_or_after, nth_step};
use crate::Error;
use crate::plan::{Plan, Status, Timestamp};

/// Options of [`to_ics`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct IcsOptions {
    /// Which events, prompts and thresholds (as for the agenda).
    pub agenda: AgendaOptions,
    /// The `DTSTAMP` of every component. Defaults to the plan's `updated`
    /// instant, else its `created` instant, else midnight UTC of the window's
    /// first day, so the same plan always gives the same file (pass the
    /// current time for a strict RFC 5545 "time the file was made").
    pub dtstamp: Option<Timestamp>,
    /// Add a display alarm this many days before each event (0: on the day).
    pub alarm_days_before: Option<u32>,
    /// The calendar's name (`X-WR-CALNAME`); defaults to "Career plan:" and
    /// the owner's name or the plan id.
    pub calendar_name: Option<String>,
}

/// The plan's agenda from `from` to `to` as an iCalendar file; see the
/// module docs for its shape.
///
/// # Errors
/// As [`super::agenda`].
///
/// ```
/// use careerplan::schedule::{to_ics, IcsOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///   "review_policy": {"cadence": "monthly", "anchor": "2027-01-31"}}"#, &Default::default())?;
/// let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let ics = to_ics(&plan, d(2027, 1, 1), d(2027, 12, 31), &IcsOptions::default())?;
/// assert!(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1;UNTIL=20271231\r\n"));
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn to_ics(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    options: &IcsOptions,
) -> Result<String, Error> {
    // Checked here so a bad threshold is reported where the caller wrote it.
    options
        .agenda
        .progress
        .check_at("options.agenda.progress")?;
    let built = build(plan, from, to, &options.agenda)?;
    let stamp = options
        .dtstamp
        .as_ref()
        .or(plan.updated.as_ref())
        .or(plan.created.as_ref())
        .map(|t| {
            let utc = t.instant().with_timezone(&Utc);
            let (h, m, s) = (
                chrono::Timelike::hour(&utc),
                chrono::Timelike::minute(&utc),
                chrono::Timelike::second(&utc),
            );
            format!("{}T{h:02}{m:02}{s:02}Z", ymd(utc.date_naive()))
        })
        .unwrap_or_else(|| format!("{}T000000Z", ymd(from)));
    let name = options.calendar_name.clone().unwrap_or_else(|| {
        let who = plan
            .owner
            .as_ref()
            .map_or(plan.id.as_str(), |o| o.name.as_str());
        format!("Career plan: {who}")
    });

    // Dates of each series or one-off, in the order they first occur.
    let mut dates: Vec<Vec<NaiveDate>> = vec![Vec::new(); built.metas.len()];
    let mut order: Vec<usize> = Vec::new();
    for raw in &built.raws {
        let m = raw.meta as usize;
        if dates[m].is_empty() {
            order.push(m);
        }
        dates[m].push(raw.date());
    }

    let mut w = Writer::default();
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line(&format!(
        "PRODID:-//careerplan//careerplan {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    w.line(&format!("X-WR-CALNAME:{}", escape(&name)));
    let ctx = Ctx {
        plan,
        built: &built,
        stamp: &stamp,
        alarm: options.alarm_days_before,
        from,
        to,
    };
    for m in order {
        ctx.component(&mut w, m, &dates[m]);
    }
    w.line("END:VCALENDAR");
    Ok(w.out)
}

struct Ctx<'a> {
    plan: &'a Plan,
    built: &'a Built,
    stamp: &'a str,
    alarm: Option<u32>,
    from: NaiveDate,
    to: NaiveDate,
}

impl Ctx<'_> {
    fn component(&self, w: &mut Writer, m: usize, dates: &[NaiveDate]) {
        let meta = &self.built.metas[m];
        let Some(&first) = dates.first() else { return };
        let plan_id = &self.plan.id;
        let subject = meta.info.subject_id();
        if meta.kind == EventKind::ActionDue {
            w.line("BEGIN:VTODO");
            w.line(&format!(
                "UID:{}",
                escape(&uid(plan_id, meta.kind, subject, first))
            ));
            w.line(&format!("DTSTAMP:{}", self.stamp));
            w.line(&format!("DUE;VALUE=DATE:{}", ymd(first)));
            self.describe(w, meta);
            let status = self
                .plan
                .actions
                .iter()
                .find(|a| a.id == subject)
                .map_or(Status::NotStarted, |a| a.status);
            let status = if status == Status::InProgress {
                "IN-PROCESS"
            } else {
                "NEEDS-ACTION"
            };
            w.line(&format!("STATUS:{status}"));
            self.alarm(w, meta, "TRIGGER;RELATED=END");
            w.line("END:VTODO");
            return;
        }
        w.line("BEGIN:VEVENT");
        match &meta.series {
            Some(series) => {
                w.line(&format!(
                    "UID:{}",
                    escape(&uid(plan_id, meta.kind, subject, first))
                ));
                w.line(&format!("DTSTAMP:{}", self.stamp));
                self.recurrence(w, series, dates);
            }
            None => {
                w.line(&format!(
                    "UID:{}",
                    escape(&uid(plan_id, meta.kind, subject, first))
                ));
                w.line(&format!("DTSTAMP:{}", self.stamp));
                w.line(&format!("DTSTART;VALUE=DATE:{}", ymd(first)));
                w.line(&format!("DTEND;VALUE=DATE:{}", ymd(next_day(first))));
            }
        }
        self.describe(w, meta);
        w.line("TRANSP:TRANSPARENT");
        self.alarm(w, meta, "TRIGGER");
        w.line("END:VEVENT");
    }

    fn describe(&self, w: &mut Writer, meta: &Meta) {
        w.line(&format!("SUMMARY:{}", escape(meta.info.title())));
        let prompts = &meta.info.prompts;
        if !prompts.is_empty() {
            w.line(&format!("DESCRIPTION:{}", escape(&prompts.join("\n"))));
        }
        w.line(&format!("CATEGORIES:{}", meta.kind.as_str()));
        w.line(&format!("X-CAREERPLAN-KIND:{}", meta.kind.as_str()));
        w.line(&format!(
            "X-CAREERPLAN-SUBJECT:{}",
            escape(meta.info.subject_id())
        ));
    }

    fn alarm(&self, w: &mut Writer, meta: &Meta, trigger: &str) {
        if let Some(days) = self.alarm {
            w.line("BEGIN:VALARM");
            w.line("ACTION:DISPLAY");
            w.line(&format!("{trigger}:-P{days}D"));
            w.line(&format!("DESCRIPTION:{}", escape(meta.info.title())));
            w.line("END:VALARM");
        }
    }

    /// DTSTART, RRULE, EXDATE and RDATE that expand to exactly `dates`.
    fn recurrence(&self, w: &mut Writer, series: &Series, dates: &[NaiveDate]) {
        let nominal = nominal_dates(series, self.from, self.to);
        let Some((&start, &until)) = nominal.first().zip(nominal.last()) else {
            // Every occurrence in the window was rolled in from outside it.
            w.line(&format!("DTSTART;VALUE=DATE:{}", ymd(dates[0])));
            w.line(&format!("DTEND;VALUE=DATE:{}", ymd(next_day(dates[0]))));
            if dates.len() > 1 {
                w.line(&format!("RDATE;VALUE=DATE:{}", join_dates(&dates[1..])));
            }
            return;
        };
        w.line(&format!("DTSTART;VALUE=DATE:{}", ymd(start)));
        w.line(&format!("DTEND;VALUE=DATE:{}", ymd(next_day(start))));
        w.line(&format!("RRULE:{};UNTIL={}", rrule(series), ymd(until)));
        let exdates: Vec<NaiveDate> = nominal
            .iter()
            .filter(|d| dates.binary_search(d).is_err())
            .copied()
            .collect();
        let rdates: Vec<NaiveDate> = dates
            .iter()
            .filter(|d| nominal.binary_search(d).is_err())
            .copied()
            .collect();
        if !exdates.is_empty() {
            w.line(&format!("EXDATE;VALUE=DATE:{}", join_dates(&exdates)));
        }
        if !rdates.is_empty() {
            w.line(&format!("RDATE;VALUE=DATE:{}", join_dates(&rdates)));
        }
    }
}

/// The series' unrolled occurrences inside both its bounds and the window.
fn nominal_dates(series: &Series, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let lo = series.lower.max(from);
    let hi = series.upper.map_or(to, |u| u.min(to));
    let mut out = Vec::new();
    if lo > hi {
        return out;
    }
    let mut n = first_index_on_or_after(series.anchor, series.step, lo);
    while let Some(d) = nth_step(series.anchor, series.step, n) {
        if d > hi {
            break;
        }
        out.push(d);
        n += 1;
    }
    out
}

/// The RRULE (without UNTIL) that reproduces the series from any of its
/// occurrences as DTSTART.
fn rrule(series: &Series) -> String {
    let day = series.anchor.day();
    let by_day = match day {
        29 | 30 => format!("BYMONTHDAY={day},-1;BYSETPOS=1"),
        31 => "BYMONTHDAY=-1".to_string(),
        _ => format!("BYMONTHDAY={day}"),
    };
    match series.step {
        Step::Days(n) if n % 7 == 0 => format!("FREQ=WEEKLY;INTERVAL={}", n / 7),
        Step::Days(n) => format!("FREQ=DAILY;INTERVAL={n}"),
        Step::Months(n) if n % 12 == 0 => {
            format!(
                "FREQ=YEARLY;INTERVAL={};BYMONTH={};{by_day}",
                n / 12,
                series.anchor.month()
            )
        }
        Step::Months(n) => format!("FREQ=MONTHLY;INTERVAL={n};{by_day}"),
    }
}

fn ymd(d: NaiveDate) -> String {
    crate::plan::date::format_basic_date(d)
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(d)
}

fn join_dates(dates: &[NaiveDate]) -> String {
    dates.iter().map(|d| ymd(*d)).collect::<Vec<_>>().join(",")
}

/// Escape a TEXT value (RFC 5545 section 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines with CRLF ends, folded at 75 octets on character boundaries.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, line: &str) {
        let mut rest = line;
        // The first line holds 75 octets; continuations start with a space
        // and hold 74 more.
        let mut limit = 75;
        loop {
            if rest.len() <= limit {
                self.out.push_str(rest);
                self.out.push_str("\r\n");
                return;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.push_str(&rest[..cut]);
            self.out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
    }
}

/// Unfold and split an iCalendar text into logical lines (for tests).
#[cfg(test)]
fn unfold(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in ics.split("\r\n") {
        if let Some(cont) = physical.strip_prefix(' ') {
            if let Some(last) = lines.last_mut() {
                last.push_str(cont);
            }
        } else if !physical.is_empty() {
            lines.push(physical.to_string());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load_plan;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn folding_respects_octets_and_characters() {
        let mut w = Writer::default();
        let long = format!("SUMMARY:{}", "é".repeat(100));
        w.line(&long);
        for physical in w.out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        assert!(w.out.ends_with("\r\n"));
        assert_eq!(unfold(&w.out), [long]);
        let mut w = Writer::default();
        w.line(&"x".repeat(75));
        assert_eq!(w.out, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne\r"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn month_end_rules() {
        let series = |anchor: NaiveDate, step| Series {
            anchor,
            step,
            lower: anchor,
            upper: None,
        };
        assert_eq!(
            rrule(&series(d(2027, 1, 31), Step::Months(1))),
            "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1"
        );
        assert_eq!(
            rrule(&series(d(2027, 1, 30), Step::Months(3))),
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30,-1;BYSETPOS=1"
        );
        assert_eq!(
            rrule(&series(d(2028, 2, 29), Step::Months(12))),
            "FREQ=YEARLY;INTERVAL=1;BYMONTH=2;BYMONTHDAY=29,-1;BYSETPOS=1"
        );
        assert_eq!(
            rrule(&series(d(2027, 1, 5), Step::Days(14))),
            "FREQ=WEEKLY;INTERVAL=2"
        );
        assert_eq!(
            rrule(&series(d(2027, 1, 5), Step::Days(10))),
            "FREQ=DAILY;INTERVAL=10"
        );
    }

    #[test]
    fn rolled_occurrences_become_exdate_and_rdate() {
        // 2027-07-31 is a Saturday; following moves it to Monday 2027-08-02.
        let plan = load_plan(
            r#"{"schema_version":1,"id":"p","review_policy":{"cadence":"monthly","anchor":"2027-05-31","business_days":"following"}}"#, &Default::default(),
        )
        .unwrap();
        let ics = to_ics(&plan, d(2027, 5, 1), d(2027, 8, 31), &IcsOptions::default()).unwrap();
        let lines = unfold(&ics);
        assert!(
            lines.contains(&"DTSTART;VALUE=DATE:20270531".to_string()),
            "{ics}"
        );
        assert!(
            lines.contains(
                &"RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1;UNTIL=20270831".to_string()
            )
        );
        assert!(lines.contains(&"EXDATE;VALUE=DATE:20270731".to_string()));
        assert!(lines.contains(&"RDATE;VALUE=DATE:20270802".to_string()));
        assert!(lines.contains(&"DTSTAMP:20270501T000000Z".to_string()));
    }

    #[test]
    fn actions_are_todos_and_alarms_are_optional() {
        let plan = load_plan(
            r#"{"schema_version":1,"id":"p","created":"2026-01-01T10:00:00+02:00","goals":[{"id":"g","title":"G"}],
            "actions":[{"id":"a","goal_id":"g","title":"Sit the exam; bring ID","due":"2027-02-20","status":"in_progress"}]}"#, &Default::default(),
        )
        .unwrap();
        let opts = IcsOptions {
            alarm_days_before: Some(2),
            ..IcsOptions::default()
        };
        let ics = to_ics(&plan, d(2027, 1, 1), d(2027, 12, 31), &opts).unwrap();
        let lines = unfold(&ics);
        for expected in [
            "BEGIN:VTODO",
            "UID:p/action_due/a/20270220@careerplan",
            "DTSTAMP:20260101T080000Z",
            "DUE;VALUE=DATE:20270220",
            "SUMMARY:Due: Sit the exam\\; bring ID",
            "STATUS:IN-PROCESS",
            "TRIGGER;RELATED=END:-P2D",
        ] {
            assert!(
                lines.contains(&expected.to_string()),
                "missing {expected} in {ics}"
            );
        }
    }
}
