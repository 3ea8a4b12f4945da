//! Review scheduling: cadences, business days, the agenda, iCalendar export
//! and recording reviews.
//!
//! # Model
//! A plan's agenda is built from its [`ReviewPolicy`](crate::plan::ReviewPolicy),
//! its goals, actions and contacts:
//!
//! | kind | subject | when |
//! |---|---|---|
//! | `periodic_review` | the plan | every occurrence of `review_policy.cadence` from `anchor` (default: the plan's `created` date) to `until` |
//! | `ad_hoc_review` | the plan | each date in `review_policy.ad_hoc` (a job change, an opportunity) |
//! | `checkin` | goal or action | `n` days before each open goal's deadline and action's due date, for each `n` in `checkin_days_before` |
//! | `midpoint_review` | goal | halfway from start to deadline (rounded down) for goals longer than `midpoint_min_days` |
//! | `at_risk_review` | goal | every occurrence of `at_risk_cadence`, counted from the goal's start, from `today` to the deadline, for goals at risk or off track on `today` |
//! | `contact_follow_up` | contact | every occurrence of the contact's cadence after `last_contact` (without one, from the policy's anchor, starting that day) |
//! | `goal_deadline`, `action_due` | goal, action | the deadline of each open goal and action |
//!
//! Done and abandoned goals and actions have no events.
//!
//! # Dates
//! Occurrences come from the anchor, never from the previous occurrence;
//! months clamp to their last day (see [`recur`] for the month-end and
//! leap-day rules). Review dates (all kinds except deadlines and ad-hoc
//! reviews, whose dates the person chose) then move off weekends and holidays
//! by the policy's business-day convention ([`business`]). A rolled date
//! never leaves its series' bounds: a periodic review that would roll before
//! the anchor or after `until` rolls the other way instead, a check-in never
//! rolls past its deadline, a midpoint stays between start and deadline; a
//! date with no business day on either side inside its bounds is dropped.
//!
//! # Order and duplicates
//! Events are sorted by date, then by subject (the plan, then goals, actions
//! and contacts in document order), then by kind in the precedence of
//! [`EventKind`]. When two events land on the same day for the same subject
//! only the first is kept: a deadline wins over a check-in, an ad-hoc review
//! over a periodic one.
//!
//! # Example
//! ```
//! use careerplan::schedule::{agenda, AgendaOptions, EventKind};
//! use chrono::NaiveDate;
//! let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
//!   "review_policy": {"cadence": "monthly", "anchor": "2027-01-31"}}"#, &Default::default())?;
//! let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
//! let events = agenda(&plan, d(1, 1), d(4, 30), &AgendaOptions::default())?;
//! let dates: Vec<String> = events.iter().map(|e| e.date.to_string()).collect();
//! assert_eq!(dates, ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
//! assert_eq!(events[0].kind, EventKind::PeriodicReview);
//! # Ok::<(), careerplan::Error>(())
//! ```

mod agenda;
mod batch;
pub mod business;
mod event;
mod ics;
pub mod recur;
mod review;

pub use agenda::{AgendaOptions, cadence_label};
pub use batch::{PlanAgenda, agenda_each};
pub use event::{EventKind, Prompts, ReviewEvent};
pub use ics::{IcsOptions, to_ics};
pub use review::record_review;

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use crate::Error;
use crate::plan::Plan;

/// The plan's events from `from` to `to` (both included), sorted by date and
/// deduplicated per subject per day; see the module docs.
///
/// # Errors
/// [`Error::InvalidArgument`] when `from` is after `to` or the options'
/// thresholds are invalid; [`Error::InvalidValue`] at `review_policy.anchor`
/// when the plan has a review policy but neither an anchor nor a creation
/// date to count from.
pub fn agenda(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    options: &AgendaOptions,
) -> Result<Vec<ReviewEvent>, Error> {
    Ok(agenda::build(plan, from, to, options)?.events())
}

/// The first review (periodic, ad-hoc, at-risk, midpoint or check-in) on or
/// after `today`, if any.
///
/// # Errors
/// As [`agenda`].
pub fn next_review(
    plan: &Plan,
    today: NaiveDate,
    options: &AgendaOptions,
) -> Result<Option<ReviewEvent>, Error> {
    let mut options = options.clone();
    options.today = options.today.or(Some(today));
    // Look a year ahead, then further, up to the longest window the limits
    // allow: cadences of many years are legal.
    let most = u64::from(options.limits.max_agenda_years);
    let mut years = 1u64.min(most);
    // Schedules end on the last date a document can hold.
    let last = crate::plan::date::LAST_DOCUMENT_DATE;
    if today > last {
        return Ok(None);
    }
    loop {
        let to = today
            .checked_add_days(Days::new(years * 366))
            .map_or(last, |to| to.min(last));
        let built = agenda::build(plan, today, to, &options)?;
        if let Some(raw) = built.raws.iter().find(|r| r.kind().is_review()) {
            return Ok(Some(built.event(raw)));
        }
        if to == last || years >= most {
            break;
        }
        years = (years * 4).min(most);
    }
    Ok(None)
}

/// What is overdue on `today`: open goals and actions past their deadline,
/// contacts whose follow-up date has passed, and reviews scheduled since the
/// latest recorded review that have not been held.
///
/// One event per subject and kind, dated when it first fell due (the
/// earliest missed occurrence), sorted by date. A review counts as held when
/// the plan records a review on or after its date.
///
/// # Errors
/// As [`agenda`].
pub fn overdue(
    plan: &Plan,
    today: NaiveDate,
    options: &AgendaOptions,
) -> Result<Vec<ReviewEvent>, Error> {
    let Some(origin) = earliest_date(plan) else {
        return Ok(Vec::new());
    };
    let Some(yesterday) = today.pred_opt() else {
        return Ok(Vec::new());
    };
    if origin > yesterday {
        return Ok(Vec::new());
    }
    let mut options = options.clone();
    options.today = Some(today);
    let built = agenda::build(plan, origin, yesterday, &options)?;
    let last_review = plan
        .reviews
        .iter()
        .map(|r| r.date)
        .filter(|d| *d < today)
        .max();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for raw in &built.raws {
        if raw.kind().is_review() && last_review.is_some_and(|r| r >= raw.date()) {
            continue;
        }
        if seen.insert((raw.subject(), raw.kind())) {
            out.push(built.event(raw));
        }
    }
    Ok(out)
}

/// The earliest date the plan mentions that an event could be counted from.
fn earliest_date(plan: &Plan) -> Option<NaiveDate> {
    let policy = plan.review_policy.as_ref();
    let dates = [
        policy.and_then(|p| p.anchor),
        plan.created.as_ref().map(|t| t.date()),
    ];
    dates
        .into_iter()
        .flatten()
        .chain(
            policy
                .into_iter()
                .flat_map(|p| p.ad_hoc.iter().map(|a| a.date)),
        )
        .chain(
            plan.goals
                .iter()
                .flat_map(|g| [g.start, g.deadline])
                .flatten(),
        )
        .chain(plan.actions.iter().filter_map(|a| a.due))
        .chain(plan.contacts.iter().filter_map(|c| c.last_contact))
        .min()
        .map(|d| {
            // Check-ins fall before the deadlines they precede.
            let back = policy
                .and_then(|p| p.checkin_days_before.iter().max().copied())
                .unwrap_or(0);
            d.checked_sub_days(Days::new(u64::from(back))).unwrap_or(d)
        })
}

/// The agenda as text for people: one line per event (`date  kind  title`),
/// each followed by its prompts when `with_prompts` is set.
///
/// ```
/// use careerplan::schedule::{agenda, agenda_text, AgendaOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///   "goals": [{"id": "g", "title": "Pass the PMP exam", "deadline": "2027-02-26"}]}"#, &Default::default())?;
/// let d = |m, day| chrono::NaiveDate::from_ymd_opt(2027, m, day).unwrap();
/// let events = agenda(&plan, d(1, 1), d(12, 31), &AgendaOptions::default())?;
/// assert_eq!(agenda_text(&events, false), "2027-02-26  goal deadline      Deadline: Pass the PMP exam\n");
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn agenda_text(events: &[ReviewEvent], with_prompts: bool) -> String {
    let mut out = String::new();
    if events.is_empty() {
        out.push_str("No events in this period.\n");
    }
    for e in events {
        let kind = e.kind.as_str().replace('_', " ");
        out.push_str(&format!(
            "{}  {kind:<17}  {}\n",
            crate::plan::date::format_date(e.date),
            e.title()
        ));
        if with_prompts {
            for p in e.prompts() {
                out.push_str(&format!("            - {p}\n"));
            }
        }
    }
    out
}
