//! The scheduling and progress engines: `agenda`, `nextReview`, `overdue`,
//! `toIcs`, `recordReview`, `progress`, `planStatus` and `roadmap`.
//!
//! Each function converts its arguments, calls one core function and
//! converts the result. Dates are `YYYY-MM-DD` strings (not JS `Date`s,
//! whose calendar day depends on the time zone); options are plain objects
//! read into the core's options structs, so an unknown key throws with its
//! path.

use careerplan::plan::Review;
use careerplan::progress::{ProgressOptions, RoadmapFormat, RoadmapOptions};
use careerplan::schedule::{AgendaOptions, IcsOptions};
use wasm_bindgen::prelude::*;

use crate::{JsFailure, date_arg, from_js, options_arg, plan_arg, to_js};

/// The plan's events from `from` to `to` (both included, `YYYY-MM-DD`),
/// sorted by date and deduplicated per subject per day: `{date, kind,
/// subject_id, title, prompts}`. `options` may set `today` (the day goal
/// status is judged on, for reviews of goals at risk; default `from`),
/// `kinds`, `prompts` and `progress` thresholds.
///
/// Throws `invalid-date` for a bad date (path `from`, `to` or the option's
/// path), `invalid-argument` when the window ends before it starts (path
/// `from`) or for bad thresholds, `invalid-value` for an unknown option.
#[wasm_bindgen(unchecked_return_type = "ReviewEvent[]")]
pub fn agenda(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AgendaOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let plan = plan_arg(plan)?;
    let (from, to) = (date_arg(&from, "from")?, date_arg(&to, "to")?);
    let options: AgendaOptions = options_arg(options, "options")?;
    to_js(&careerplan::schedule::agenda(&plan, from, to, &options)?)
}

/// The first review (periodic, ad-hoc, at-risk, midpoint or check-in) on or
/// after `today`, or `null` when the plan schedules none. `options` as for
/// `agenda`.
#[wasm_bindgen(js_name = nextReview, unchecked_return_type = "ReviewEvent | null")]
pub fn next_review(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AgendaOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let plan = plan_arg(plan)?;
    let today = date_arg(&today, "today")?;
    let options: AgendaOptions = options_arg(options, "options")?;
    to_js(&careerplan::schedule::next_review(&plan, today, &options)?)
}

/// What is overdue on `today`: open goals and actions past their deadline,
/// contact follow-ups that have passed, and reviews scheduled since the
/// latest recorded review that were not held. One event per subject and
/// kind, dated when it first fell due; `options` as for `agenda`.
#[wasm_bindgen(unchecked_return_type = "ReviewEvent[]")]
pub fn overdue(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AgendaOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let plan = plan_arg(plan)?;
    let today = date_arg(&today, "today")?;
    let options: AgendaOptions = options_arg(options, "options")?;
    to_js(&careerplan::schedule::overdue(&plan, today, &options)?)
}

/// The agenda from `from` to `to` as an iCalendar (RFC 5545) file: all-day
/// events with stable UIDs, one VEVENT with an RRULE per periodic series,
/// VTODOs for actions. `options` may set `agenda` (as for `agenda`),
/// `dtstamp` (RFC 3339; default the plan's `updated` or `created`),
/// `alarm_days_before` and `calendar_name`. Throws as `agenda` does.
#[wasm_bindgen(js_name = toIcs)]
pub fn to_ics(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "IcsOptions | null")] options: Option<JsValue>,
) -> Result<String, JsFailure> {
    let plan = plan_arg(plan)?;
    let (from, to) = (date_arg(&from, "from")?, date_arg(&to, "to")?);
    let options: IcsOptions = options_arg(options, "options")?;
    Ok(careerplan::schedule::to_ics(&plan, from, to, &options)?)
}

/// Append a review to the plan's history, apply the changes it records and
/// return the updated plan (the argument is left alone). `review.id` may be
/// `""` to have one made from the date; an empty `progress` is filled with
/// every goal's progress.
///
/// Throws `invalid-value` with the path of the bad field: inside the review
/// (`review.changes[0].goal_id`) or, for a change that would make the plan
/// invalid, the plan's path (`goals[2].deadline`).
#[wasm_bindgen(js_name = recordReview, unchecked_return_type = "Plan")]
pub fn record_review(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Review")] review: JsValue,
) -> Result<JsValue, JsFailure> {
    let mut plan = plan_arg(plan)?;
    let review: Review = from_js(review, "review")?;
    careerplan::schedule::record_review(&mut plan, review)?;
    to_js(&plan)
}

/// Every goal's progress in document order: `{goal_id, percent, source}`,
/// `percent` from 0 to 100, `source` the first of `done`, `metric`,
/// `actions`, `children`, `none` that applies.
#[wasm_bindgen(unchecked_return_type = "GoalProgress[]")]
pub fn progress(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
) -> Result<JsValue, JsFailure> {
    to_js(&careerplan::progress::progress(&plan_arg(plan)?))
}

/// Where the plan stands on `today`: every goal's progress and on-track
/// status with the numbers behind it, counts per status and horizon, the
/// next deadlines, overdue actions and the period's achievements. `options`
/// may set the thresholds (`ahead_points`, `at_risk_points`,
/// `off_track_points`), `next_deadlines` and `period_days`.
#[wasm_bindgen(js_name = planStatus, unchecked_return_type = "PlanStatus")]
pub fn plan_status(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ProgressOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let plan = plan_arg(plan)?;
    let today = date_arg(&today, "today")?;
    let options: ProgressOptions = options_arg(options, "options")?;
    to_js(&careerplan::progress::plan_status(&plan, today, &options)?)
}

/// The plan's roadmap as of `today` as text: `format` is `"markdown"` (a
/// table per horizon), `"mermaid"` (a `gantt` chart) or `"svg"` (a
/// self-contained timeline). `options` may set `progress` thresholds, the
/// SVG `width` (at least 600) and the `title`.
#[wasm_bindgen]
pub fn roadmap(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: JsValue,
    // "md" (the CLI's name) is read as "markdown" too.
    #[wasm_bindgen(unchecked_param_type = "RoadmapFormat | \"md\"")] format: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RoadmapOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<String, JsFailure> {
    let plan = plan_arg(plan)?;
    let today = date_arg(&today, "today")?;
    let format: RoadmapFormat = from_js(format, "format")?;
    let options: RoadmapOptions = options_arg(options, "options")?;
    Ok(careerplan::progress::roadmap(
        &plan, today, format, &options,
    )?)
}
