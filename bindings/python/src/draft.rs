//! The plan drafter: `draft_plan`, one call from a plan and a target role to
//! a development plan.

use careerplan::draft::{self, DraftOptions};
use pyo3::prelude::*;

use crate::convert::{options_arg, plan_arg, to_py};
use crate::errors::released;
use crate::skills::catalog_arg;

/// Draft a development plan for `role` (an id of `catalog`, the built-in
/// catalog when None; a `RoleCatalog` from `from_json`, `from_onet` or
/// `from_esco`) into `plan` (JSON text or a dict).
///
/// Returns a dict: `plan` (the plan with the drafted goals, actions and, if
/// it had none, a review policy; the plan's own entities and unknown fields
/// unchanged), `role_id`, `role_title`, `readiness`, `role_goal_id`,
/// `added_goals`, `added_actions`, `review_policy_added`, `linked` (gaps the
/// plan's goals already cover), `deferred` (gaps beyond `max_goals`),
/// `drafted` (each drafted goal with its dates, hours, horizon and `lint`
/// report) and `feasibility` (`feasible`, `fits_by`, `deadline`,
/// `needed_hours_per_week`, `message`). Drafting the result again adds
/// nothing.
///
/// `options` (DraftOptions) may set `start` (default: today),
/// `hours_per_week` (5), `buffer` (0.25), `max_parallel_goals` (2),
/// `max_skills_per_goal` (2), `max_goals` (8 open goals under the role goal), `min_goal_weeks` (6),
/// `target_date`, `review_cadence` (quarterly), `checkin_days_before`
/// (`[14]`), `gap` (GapOptions: `hours_per_step`, a `learning` catalog, ...)
/// and `id_prefix` ("draft").
///
/// Raises InvalidArgumentError for an unknown role (path `role`) or a bad
/// option (`options.hours_per_week`), InvalidValueError with the path of a
/// bad plan or catalog field.
#[pyfunction]
#[pyo3(signature = (plan, role, options=None, *, catalog=None))]
fn draft_plan<'py>(
    plan: &Bound<'py, PyAny>,
    role: &str,
    options: Option<&Bound<'py, PyAny>>,
    catalog: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let mut options: DraftOptions = options_arg(options)?;
    // Today (UTC) from the core's clock, as the linter's default.
    options
        .start
        .get_or_insert_with(careerplan::smart::system_today);
    let catalog = catalog_arg(py, catalog)?;
    let catalog = &catalog.get().catalog;
    let report = released(py, || draft::draft_plan(&plan, catalog, role, &options))?;
    to_py(py, &report)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(draft_plan, m)?)?;
    Ok(())
}
