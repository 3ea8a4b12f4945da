//! The scheduling and progress engines: agenda, next and overdue reviews,
//! iCalendar export, recording a review, progress, plan status and roadmap.
//!
//! Each function converts its arguments ([`crate::convert`]), calls one core
//! function with the GIL released ([`released`]), and converts the result.
//! Dates are `datetime.date`s or `YYYY-MM-DD` strings; options are dicts read
//! into the core's options structs (unknown keys raise with their path).

use careerplan::plan::Review;
use careerplan::progress::{ProgressOptions, RoadmapFormat, RoadmapOptions};
use careerplan::schedule::{AgendaOptions, IcsOptions};
use pyo3::prelude::*;

use crate::convert::{date_arg, from_py, options_arg, plan_arg, to_py};
use crate::errors::released;

/// The plan's events from `from_date` to `to_date` (both included), sorted
/// by date and deduplicated per subject per day.
///
/// Each event is a dict with `date` (`YYYY-MM-DD`), `kind`
/// (`periodic_review`, `checkin`, `goal_deadline`, ...), `subject_id` (the
/// plan, goal, action or contact), `title` and `prompts` (reflection
/// questions). `options` (AgendaOptions) may set `today` (the day goal status
/// is judged on, for the reviews of goals at risk; default `from_date`),
/// `kinds`, `prompts` and `progress` thresholds.
///
/// Raises InvalidDateError for a bad date (path `from_date`, `to_date`, or
/// the option's path), InvalidArgumentError when the window ends before it
/// starts (path `from`) or for bad thresholds, InvalidValueError for an
/// unknown option, and the errors of `load_plan`.
#[pyfunction]
#[pyo3(signature = (plan, from_date, to_date, options=None))]
fn agenda<'py>(
    plan: &Bound<'py, PyAny>,
    from_date: &Bound<'py, PyAny>,
    to_date: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let from = date_arg(from_date, "from_date")?;
    let to = date_arg(to_date, "to_date")?;
    let options: AgendaOptions = options_arg(options)?;
    let events = released(py, || {
        careerplan::schedule::agenda(&plan, from, to, &options)
    })?;
    to_py(py, &events)
}

/// The first review (periodic, ad-hoc, at-risk, midpoint or check-in) on or
/// after `today`, or None when the plan schedules none.
///
/// The event has the shape of `agenda`'s; `options` as for `agenda`.
#[pyfunction]
#[pyo3(signature = (plan, today, options=None))]
fn next_review<'py>(
    plan: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let today = date_arg(today, "today")?;
    let options: AgendaOptions = options_arg(options)?;
    let event = released(py, || {
        careerplan::schedule::next_review(&plan, today, &options)
    })?;
    to_py(py, &event)
}

/// What is overdue on `today`: open goals and actions past their deadline,
/// contact follow-ups that have passed, and reviews scheduled since the
/// latest recorded review that were not held.
///
/// One event per subject and kind, dated when it first fell due, sorted by
/// date; `options` as for `agenda`.
#[pyfunction]
#[pyo3(signature = (plan, today, options=None))]
fn overdue<'py>(
    plan: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let today = date_arg(today, "today")?;
    let options: AgendaOptions = options_arg(options)?;
    let events = released(py, || careerplan::schedule::overdue(&plan, today, &options))?;
    to_py(py, &events)
}

/// The agenda from `from_date` to `to_date` as an iCalendar (RFC 5545) file.
///
/// All-day events with stable UIDs, one VEVENT with an RRULE per periodic
/// series, VTODOs for actions; any RFC 5545 reader expands it to the dates
/// `agenda` gives. `options` (IcsOptions) may set `agenda` (AgendaOptions),
/// `dtstamp` (RFC 3339; default the plan's `updated` or `created` instant,
/// so the same plan gives the same file), `alarm_days_before` and
/// `calendar_name`. Raises as `agenda` does.
#[pyfunction]
#[pyo3(signature = (plan, from_date, to_date, options=None))]
fn to_ics<'py>(
    plan: &Bound<'py, PyAny>,
    from_date: &Bound<'py, PyAny>,
    to_date: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<String> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let from = date_arg(from_date, "from_date")?;
    let to = date_arg(to_date, "to_date")?;
    let options: IcsOptions = options_arg(options)?;
    released(py, || {
        careerplan::schedule::to_ics(&plan, from, to, &options)
    })
}

/// Append a review to the plan's history, apply the changes it records, and
/// return the updated plan (the argument is left alone).
///
/// `review` is a dict with `id` (`""` to have one made from the date),
/// `date`, and optional `answers`, `progress` (filled with every goal's
/// progress when empty), `changes` (`deadline_moved`, `goal_abandoned`,
/// `goal_completed`, `goal_added`, `priority_changed`, `aspiration_changed`,
/// `other`) and `notes`.
///
/// Raises InvalidValueError with the path of the bad field: inside the
/// review (`review.changes[0].goal_id`) or, for a change that would make the
/// plan invalid, the plan's path (`goals[2].deadline`).
#[pyfunction]
fn record_review<'py>(
    plan: &Bound<'py, PyAny>,
    review: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let mut plan = plan_arg(plan)?;
    let review: Review = from_py(review, "review")?;
    released(py, || {
        careerplan::schedule::record_review(&mut plan, review)
    })?;
    to_py(py, &plan)
}

/// Every goal's progress, in document order: dicts with `goal_id`,
/// `percent` (0 to 100) and `source` (`done`, `metric`, `actions`,
/// `children` or `none`: the first of these that applies).
#[pyfunction]
fn progress<'py>(plan: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let goals = released(py, || Ok(careerplan::progress::progress(&plan)))?;
    to_py(py, &goals)
}

/// Where the plan stands on `today`: every goal's progress and on-track
/// status (`ahead`, `on_track`, `at_risk`, `off_track`, `overdue`, `done`,
/// `abandoned`, `unscheduled`) with the numbers behind it, counts per status
/// and horizon, the next deadlines, overdue actions and the achievements of
/// the period.
///
/// `options` (ProgressOptions) may set the thresholds `ahead_points`,
/// `at_risk_points`, `off_track_points`, and `next_deadlines`,
/// `period_days`; bad thresholds raise InvalidArgumentError.
#[pyfunction]
#[pyo3(signature = (plan, today, options=None))]
fn plan_status<'py>(
    plan: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let today = date_arg(today, "today")?;
    let options: ProgressOptions = options_arg(options)?;
    let status = released(py, || {
        careerplan::progress::plan_status(&plan, today, &options)
    })?;
    to_py(py, &status)
}

/// The plan's roadmap as of `today`, as text: `format` is `"markdown"` (a
/// table per horizon), `"mermaid"` (a `gantt` chart) or `"svg"` (a
/// self-contained timeline).
///
/// `options` (RoadmapOptions) may set `progress` thresholds, the SVG `width`
/// (at least 600 pixels) and the `title`. An unknown format raises
/// InvalidValueError (path `format`).
#[pyfunction]
#[pyo3(signature = (plan, today, format, options=None))]
fn roadmap<'py>(
    plan: &Bound<'py, PyAny>,
    today: &Bound<'py, PyAny>,
    format: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<String> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let today = date_arg(today, "today")?;
    let format: RoadmapFormat = from_py(format, "format")?;
    let options: RoadmapOptions = options_arg(options)?;
    released(py, || {
        careerplan::progress::roadmap(&plan, today, format, &options)
    })
}

/// Add this module's functions to the extension module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(agenda, m)?)?;
    m.add_function(wrap_pyfunction!(next_review, m)?)?;
    m.add_function(wrap_pyfunction!(overdue, m)?)?;
    m.add_function(wrap_pyfunction!(to_ics, m)?)?;
    m.add_function(wrap_pyfunction!(record_review, m)?)?;
    m.add_function(wrap_pyfunction!(progress, m)?)?;
    m.add_function(wrap_pyfunction!(plan_status, m)?)?;
    m.add_function(wrap_pyfunction!(roadmap, m)?)?;
    Ok(())
}
