//! The SMART linter for JavaScript: `lintGoal`, `lintMany`, `lintPlan` and
//! `rules`.
//!
//! Reports are the core's [`careerplan::smart::LintReport`] with
//! [`LintReport::with_utf16_spans`] applied, so besides the byte `span`s of
//! the JSON contract every diagnostic, fix and time expression carries a
//! `span_utf16` that indexes the JS string directly
//! (`text.slice(d.span_utf16.start, d.span_utf16.end)`).
//!
//! Options are a plain object used as named arguments: `today`
//! (`"YYYY-MM-DD"`, the reference date), `context` (what is known around the
//! goal, `lintGoal` only) and `config` (a `LintConfig`). Errors inside
//! `context` or `config` name the path inside that value
//! (`rules.vage-outcome`), as they do in Python and in a configuration file.

use std::cell::RefCell;

use careerplan::smart::{self, Context, LintConfig, LintReport};
use chrono::NaiveDate;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use careerplan::error::{ErrorItem, OnItemError};

use super::{JsFailure, missing_or_wrong, options_arg, plan_arg, string_arg, to_js};

/// The options of `lintPlan`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct LintOptions {
    #[serde(with = "careerplan::plan::date::optional")]
    today: Option<NaiveDate>,
    config: Option<serde_json::Value>,
}

/// The options of `lintMany`: those of `lintPlan` and what a text over the
/// limit does (`errors`: `"raise"`, the default, or `"item"`).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct LintManyOptions {
    #[serde(with = "careerplan::plan::date::optional")]
    today: Option<NaiveDate>,
    config: Option<serde_json::Value>,
    errors: OnItemError,
}

/// The options of `lintGoal`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct GoalLintOptions {
    #[serde(with = "careerplan::plan::date::optional")]
    today: Option<NaiveDate>,
    context: Option<serde_json::Value>,
    config: Option<serde_json::Value>,
}

/// A core linter for a `config` option, with `today` (when given) as its
/// reference date.
fn new_linter(
    config: Option<serde_json::Value>,
    today: Option<NaiveDate>,
) -> Result<smart::Linter, JsFailure> {
    let mut config: LintConfig = match config {
        None => LintConfig::default(),
        Some(value) => careerplan::json::from_value(value, "")?,
    };
    config.today = today.or(config.today).or_else(crate::today);
    Ok(smart::Linter::new(config)?)
}

/// Lint one goal statement: a verdict per SMART criterion and diagnostics.
///
/// Options: `today` (`"YYYY-MM-DD"`; default: `config.today`, else the
/// current UTC date), `context` (the goal's deadline field, horizon, metric,
/// linked values, ...; without it `relevant` is not judged) and `config`.
/// Spans are byte offsets into `text`, and `span_utf16` the same range in
/// UTF-16 code units. Throws a `CareerPlanError` (`invalid-value`,
/// `invalid-date`) naming a bad option.
#[wasm_bindgen(js_name = lintGoal, unchecked_return_type = "LintReport")]
pub fn lint_goal(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GoalLintOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsFailure> {
    let text = string_arg(&text, "text")?;
    let options: GoalLintOptions = options_arg(options, "")?;
    let linter = new_linter(options.config, None)?;
    let mut ctx: Context = match options.context {
        None => Context::default(),
        Some(value) => careerplan::json::from_value(value, "")?,
    };
    if options.today.is_some() {
        ctx.today = options.today;
    }
    to_js(&linter.lint_text(&text, &ctx)?.with_utf16_spans())
}

/// Lint many goal statements with the same options: a `LintReports` with
/// one report per text, in order, each what `lintGoal(text, options)` would
/// return.
///
/// `options.errors` says what a text over `limits.max_text_bytes` does:
/// `"raise"` (the default) throws `limit-exceeded` (path `texts[i]`, the
/// first such text) and returns nothing; `"item"` puts `{error: {code, message, path, limit}}` in
/// that text's place and lints the others.
#[wasm_bindgen(js_name = lintMany)]
pub fn lint_many(
    #[wasm_bindgen(unchecked_param_type = "string[]")] texts: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LintManyOptions")] options: Option<JsValue>,
) -> Result<LintReports, JsFailure> {
    let texts = texts_arg(&texts)?;
    let options: LintManyOptions = options_arg(options, "")?;
    let linter = new_linter(options.config, options.today)?;
    let ctx = Context::default();
    let (reports, failures) = options
        .errors
        .split(linter.lint_many(&texts, &ctx), linter.lint_text("", &ctx)?)?;
    let reports: Vec<LintReport> = reports
        .into_iter()
        .map(LintReport::with_utf16_spans)
        .collect();
    Ok(LintReports {
        items: RefCell::new(vec![None; reports.len()]),
        reports,
        failures,
    })
}

/// `texts`: an array of strings; anything else, or a non-string item, is
/// an `invalid-argument` error naming it.
fn texts_arg(texts: &JsValue) -> Result<Vec<String>, JsFailure> {
    if !js_sys::Array::is_array(texts) {
        return Err(missing_or_wrong(texts, "texts", "an array of strings"));
    }
    js_sys::Array::from(texts)
        .iter()
        .enumerate()
        .map(|(i, item)| string_arg(&item, &format!("texts[{i}]")))
        .collect()
}

/// The reports of `lintMany`, in input order: `length`, `at(i)` (negative
/// counts from the end, as `Array.prototype.at`), iteration with `for ... of`,
/// `toArray()`, and the columns `scores()` and `deadlines()`.
///
/// The reports stay in WebAssembly memory until read: a report becomes a
/// plain object the first time it is read, and is that same object
/// afterwards. Linting a batch therefore costs what the linting costs, and
/// a caller pays for the objects it looks at only. The memory is released
/// when the object is garbage-collected, or at once with `free()`.
#[wasm_bindgen]
pub struct LintReports {
    reports: Vec<LintReport>,
    /// With `errors: "item"`, the error item of each text that failed (its
    /// report is a stand-in); empty otherwise.
    failures: Vec<Option<ErrorItem>>,
    items: RefCell<Vec<Option<JsValue>>>,
}

impl LintReports {
    fn failed(&self, i: usize) -> bool {
        matches!(self.failures.get(i), Some(Some(_)))
    }

    /// Item `i` as plain data: its report, or its error item.
    fn plain(&self, i: usize) -> Result<JsValue, JsFailure> {
        match self.failures.get(i) {
            Some(Some(failure)) => to_js(failure),
            _ => to_js(&self.reports[i]),
        }
    }
}

#[wasm_bindgen]
impl LintReports {
    /// The number of reports.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.reports.len()
    }

    /// The report at `index` (negative counts back from the end; a fraction
    /// is truncated), or `undefined` outside `-length .. length - 1`.
    #[wasm_bindgen(unchecked_return_type = "LintReport | undefined")]
    pub fn at(&self, index: f64) -> Result<JsValue, JsFailure> {
        let len = self.reports.len() as f64;
        let index = if index.is_nan() { 0.0 } else { index.trunc() };
        let index = if index < 0.0 { index + len } else { index };
        if !(0.0..len).contains(&index) {
            return Ok(JsValue::UNDEFINED);
        }
        // In range, so a whole number below `len`.
        let i = index as usize;
        if let Some(item) = &self.items.borrow()[i] {
            return Ok(item.clone());
        }
        let item = self.plain(i)?;
        self.items.borrow_mut()[i] = Some(item.clone());
        Ok(item)
    }

    /// Every report, in a new array (of the same objects `at` gives).
    #[wasm_bindgen(js_name = toArray, unchecked_return_type = "LintReport[]")]
    pub fn to_array(&self) -> Result<JsValue, JsFailure> {
        let mut items = self.items.borrow_mut();
        if items.iter().all(Option::is_none) && self.failures.is_empty() {
            // Nothing read yet: make every object in one JSON.parse.
            let array = to_js(&self.reports)?;
            let array: js_sys::Array = array.unchecked_into();
            for (i, item) in items.iter_mut().enumerate() {
                *item = Some(array.get(i as u32));
            }
            return Ok(array.into());
        }
        let array = js_sys::Array::new_with_length(self.reports.len() as u32);
        for (i, item) in items.iter_mut().enumerate() {
            let value = match item {
                Some(value) => value.clone(),
                None => {
                    let value = self.plain(i)?;
                    *item = Some(value.clone());
                    value
                }
            };
            array.set(i as u32, value);
        }
        Ok(array.into())
    }

    /// The score (0-100) of every report on each criterion:
    /// `{specific: number[], measurable: ..., time_bound: number[]}`
    /// (`null` for an error item).
    #[wasm_bindgen(unchecked_return_type = "Record<Criterion, (number | null)[]>")]
    pub fn scores(&self) -> Result<JsValue, JsFailure> {
        let columns = smart::score_columns(&self.reports);
        if self.failures.is_empty() {
            return to_js(&columns);
        }
        let columns: serde_json::Map<String, serde_json::Value> = columns
            .0
            .into_iter()
            .map(|(criterion, column)| {
                let column: Vec<Option<u8>> = column
                    .into_iter()
                    .enumerate()
                    .map(|(i, score)| (!self.failed(i)).then_some(score))
                    .collect();
                (criterion.as_str().to_string(), serde_json::json!(column))
            })
            .collect();
        to_js(&columns)
    }

    /// The deadline of every report (`"YYYY-MM-DD"` or `null`), in order.
    #[wasm_bindgen(unchecked_return_type = "(string | null)[]")]
    pub fn deadlines(&self) -> Result<JsValue, JsFailure> {
        let column: Vec<Option<String>> = smart::deadline_column(&self.reports)
            .into_iter()
            .enumerate()
            .map(|(i, d)| d.filter(|_| !self.failed(i)))
            .map(|d| d.map(careerplan::plan::date::format_date))
            .collect();
        to_js(&column)
    }

    /// The error items (`{error: {...}}`) of texts that failed, by index,
    /// with `errors: "item"`: `[[index, item], ...]`, empty when every text
    /// was linted.
    #[wasm_bindgen(unchecked_return_type = "[number, ErrorItem][]")]
    pub fn errors(&self) -> Result<JsValue, JsFailure> {
        let pairs: Vec<(usize, &ErrorItem)> = self
            .failures
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.as_ref().map(|f| (i, f)))
            .collect();
        to_js(&pairs)
    }
}

/// Lint every goal of a plan with its context, then the plan as a whole
/// (too many active goals, long-term goals without short-term steps, goals
/// without actions, duplicates). The plan is read as by `loadPlan`.
#[wasm_bindgen(js_name = lintPlan, unchecked_return_type = "PlanLintReport")]
pub fn lint_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LintOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsFailure> {
    let options: LintOptions = options_arg(options, "")?;
    let linter = new_linter(options.config, options.today)?;
    to_js(&linter.lint_plan(&plan_arg(plan)?)?.with_utf16_spans())
}

/// The linter's rules: code, criterion, default severity, scope, summary,
/// message and suggestion templates, explanation, and a bad and a good
/// example.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsFailure> {
    to_js(&smart::rules())
}
