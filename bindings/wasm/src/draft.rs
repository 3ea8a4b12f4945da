//! The plan drafter: `draftPlan`.

use careerplan::draft::{self, DraftOptions};
use wasm_bindgen::prelude::*;

use crate::JsFailure;
use crate::skills::{catalog_option, split_options};

/// Draft a development plan for the role with id `role` (looked up in
/// `options.catalog`: a `RoleCatalog`, e.g. from `RoleCatalog.fromOnet` or
/// `RoleCatalog.fromEsco`, or catalog data; the built-in catalog when
/// absent) into `plan` (JSON text or an object).
///
/// Returns `{plan, role_id, role_title, readiness, role_goal_id,
/// added_goals, added_actions, review_policy_added, linked, deferred,
/// drafted, feasibility, attribution?}`: the plan with the drafted goals,
/// actions and (if it had none) a review policy, the plan's own entities
/// unchanged; each drafted goal with its dates, hours, horizon and `lint`
/// report; whether the work fits the hours (`feasibility.feasible`,
/// `fits_by`, `needed_hours_per_week`, `message`). Drafting the result
/// again adds nothing.
///
/// `options` may set `start` (default: today), `hours_per_week` (5),
/// `buffer` (0.25), `max_parallel_goals` (2), `max_skills_per_goal` (2),
/// `max_goals` (8 open goals under the role goal), `min_goal_weeks` (6),
/// `target_date`, `review_cadence` ("quarterly"), `checkin_days_before`
/// (`[14]`), `gap` (GapOptions) and `id_prefix` ("draft"). Throws
/// `invalid-argument` for an unknown role (path `role`) or a bad option.
#[wasm_bindgen(js_name = draftPlan, unchecked_return_type = "DraftReport")]
pub fn draft_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] role: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DraftPlanOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsFailure> {
    let plan = crate::plan_arg(plan)?;
    let role = crate::string_arg(&role, "role")?;
    let mut split = split_options::<DraftOptions>(options, &["catalog"])?;
    let catalog = catalog_option(&mut split)?;
    let mut options = split.core;
    if options.start.is_none() {
        options.start = crate::today();
    }
    crate::to_js(&draft::draft_plan(&plan, catalog.get(), &role, &options)?)
}
