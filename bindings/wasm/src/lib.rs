//! WebAssembly bindings of careerplan, packaged as the `careerplan` npm
//! package for Node and the web.
//!
//! Each exported function only converts its arguments (a plan is JSON text
//! or a plain object), calls the core, and converts the result back into
//! plain JS data (objects, arrays, strings, numbers, booleans, `null`; never
//! `Map`). Core errors are thrown as JS `Error`s with `code` and `path`
//! properties through [`JsFailure`], the one conversion point.
//!
//! TypeScript: the types in `types.d.ts` (generated from the core's types
//! by `scripts/gen_types.py`, see ARCHITECTURE.md) are appended to the
//! generated `.d.ts`, and each function names them with `unchecked_return_type` /
//! `unchecked_param_type`, so `validatePlan` returns `Problem[]`, not `any`.
//!
//! Panics: `wasm32-unknown-unknown` aborts on panic, a trap that surfaces in
//! JS as a `WebAssembly.RuntimeError` ("unreachable") and leaves the
//! instance unusable. The core does not panic on user input; as a last line
//! of defence the package's entry module (`js/guard.js`, see `build.sh`)
//! wraps every export: a trap becomes a `CareerPlanError` with code
//! `internal-error`, and the instance is reset
//! (`--experimental-reset-state-function`) so the next call works.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

mod draft;
mod schedule;
mod skills;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

// --- SMART linter ---
mod lint;

/// Parse a plan (JSON text or a plain object) and bring it to the current
/// schema version. Returns the canonical plan as a plain object; fields
/// careerplan does not know are kept.
///
/// Throws a `CareerPlanError` (`code`: `invalid-json`, `invalid-value`,
/// `invalid-date`, `unsupported-schema-version`, `migration-failed`) whose
/// `path` names the offending field.
#[wasm_bindgen(js_name = loadPlan, unchecked_return_type = "Plan")]
pub fn load_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
) -> Result<JsValue, JsFailure> {
    to_js(&plan_arg(plan)?)
}

/// Write a plan as canonical, pretty-printed JSON (two-space indent, trailing
/// newline). The plan is read exactly as by `loadPlan`, so a value that does
/// not fit the model throws instead of being written.
#[wasm_bindgen(js_name = dumpPlan)]
pub fn dump_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
) -> Result<String, JsFailure> {
    Ok(plan_arg(plan)?.to_json())
}

/// Check the rules that span a plan's entities and return every problem
/// (`code`, `severity`, `path`, `message`); an empty array means valid. A plan
/// that cannot be read at all throws, as `loadPlan` does.
#[wasm_bindgen(js_name = validatePlan, unchecked_return_type = "Problem[]")]
pub fn validate_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
) -> Result<JsValue, JsFailure> {
    to_js(&plan_arg(plan)?.validate())
}

/// Internal, for the package's own tests: panic, to prove that the guard
/// turns the trap into a `CareerPlanError` (code `internal-error`) and that
/// the next call works. Only in the test build (feature `test-hooks`,
/// `pkg/test/`), never in the published package.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __panicForTests, skip_typescript)]
pub fn panic_for_tests() {
    panic!("deliberate panic from __panicForTests")
}

/// A JS exception ready to be thrown: a core error converted by
/// [`From<careerplan::Error>`], or a `TypeError` for an argument of the
/// wrong JS type.
pub struct JsFailure(JsValue);

impl From<careerplan::Error> for JsFailure {
    /// An `Error` named `CareerPlanError` whose `message` is the core's
    /// one-line `Display` (path first), with the stable `code` and the
    /// JSON `path` as properties.
    fn from(err: careerplan::Error) -> JsFailure {
        JsFailure(career_plan_error(err.code(), err.path(), &err.to_string()))
    }
}

impl From<JsFailure> for JsValue {
    fn from(failure: JsFailure) -> JsValue {
        failure.0
    }
}

fn career_plan_error(code: &str, path: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("CareerPlanError");
    let target: &JsValue = error.as_ref();
    for (key, value) in [("code", code), ("path", path)] {
        // Defining a property on a fresh, unfrozen Error object cannot fail.
        let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    error.into()
}

/// A plan argument: JSON text or a plain object, parsed and migrated by the core.
pub(crate) fn plan_arg(plan: JsValue) -> Result<careerplan::plan::Plan, JsFailure> {
    use careerplan::plan::PlanSource;
    let text;
    let source = if let Some(string) = plan.as_string() {
        text = string;
        PlanSource::Text(&text)
    } else if plan.is_object() {
        PlanSource::Value(json_value(plan, "")?)
    } else if plan.is_undefined() {
        return Err(missing_or_wrong(
            &plan,
            "plan",
            "a plan as a JSON string or an object",
        ));
    } else {
        return Err(type_error(&format!(
            "expected a plan as a JSON string or an object, got {}",
            type_name(&plan)
        )));
    };
    let limits = careerplan::limits::Limits::default();
    Ok(careerplan::plan::load_plan(source, &limits)?)
}

/// A date argument: a `YYYY-MM-DD` string, read by the core's strict date
/// parser; a bad one throws `invalid-date` with the argument's name as
/// `path`. Anything but a string (a JS `Date` included: its calendar day
/// depends on the time zone) is a `TypeError`.
pub(crate) fn date_arg(value: &JsValue, name: &str) -> Result<chrono::NaiveDate, JsFailure> {
    match value.as_string() {
        Some(text) => Ok(careerplan::plan::date::parse_date_at(&text, name)?),
        None if value.is_undefined() => Err(missing_or_wrong(
            value,
            name,
            "a date as a 'YYYY-MM-DD' string",
        )),
        None => Err(type_error(&format!(
            "{name}: expected a date as a 'YYYY-MM-DD' string, got {}",
            type_name(value)
        ))),
    }
}

/// An options argument: `undefined`/`null` (every default) or an object read
/// into the core's options struct, whose unknown keys throw with their path
/// below `root`: `options` for most functions, `""` for the linter's, whose
/// paths name keys of the configuration itself (`rules.S001`).
pub(crate) fn options_arg<T: DeserializeOwned + Default>(
    options: Option<JsValue>,
    root: &str,
) -> Result<T, JsFailure> {
    match options {
        Some(value) if !value.is_null() && !value.is_undefined() => from_js(value, root),
        _ => Ok(T::default()),
    }
}

/// An argument of the wrong JS type: a `TypeError` (so `instanceof
/// TypeError` holds) that is also a `CareerPlanError` like every other
/// failure: `name` "CareerPlanError", `code` "invalid-argument", `path` "".
pub(crate) fn type_error(message: &str) -> JsFailure {
    let error = js_sys::TypeError::new(message);
    error.set_name("CareerPlanError");
    let target: &JsValue = error.as_ref();
    for (key, value) in [("code", "invalid-argument"), ("path", "")] {
        // Defining a property on a fresh, unfrozen Error object cannot fail.
        let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    JsFailure(error.into())
}

/// Today's date (UTC) from the JS clock: every default "today" of this
/// package (the linter's reference date, `draftPlan`'s start).
///
/// The core's clock ([`careerplan::smart::system_today`], which the CLI and
/// Python use) reads the system clock, but `wasm32-unknown-unknown` has
/// none (`SystemTime::now` panics there), so the binding reads
/// JavaScript's, the same way: the UTC calendar date.
pub(crate) fn today() -> Option<chrono::NaiveDate> {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        i32::try_from(now.get_utc_full_year()).ok()?,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
}

/// A [`type_error`] for a core error that reports a misuse of the
/// arguments (a catalog beside a role object): its code and path kept.
pub(crate) fn type_error_at(err: &careerplan::Error) -> JsFailure {
    let failure = type_error(&err.to_string());
    let _ = js_sys::Reflect::set(
        &failure.0,
        &JsValue::from_str("path"),
        &JsValue::from_str(err.path()),
    );
    failure
}

/// The failure for argument `name` that is absent (`undefined`: code
/// `invalid-argument`, path `name`) or of the wrong type (a [`type_error`]).
pub(crate) fn missing_or_wrong(value: &JsValue, name: &str, expected: &str) -> JsFailure {
    if value.is_undefined() {
        JsFailure::from(careerplan::Error::InvalidArgument {
            path: name.to_string(),
            message: format!("missing argument: expected {expected}"),
        })
    } else {
        type_error(&format!(
            "{name}: expected {expected}, got {}",
            type_name(value)
        ))
    }
}

/// A string argument, or the failure [`missing_or_wrong`] describes.
pub(crate) fn string_arg(value: &JsValue, name: &str) -> Result<String, JsFailure> {
    value
        .as_string()
        .ok_or_else(|| missing_or_wrong(value, name, "a string"))
}

/// An options error from the core's strict options, whose list of accepted
/// keys does not know the binding's own (`catalog`, `top_k`): those are
/// added, so the message names every option the function takes.
pub(crate) fn with_own_options(err: careerplan::Error, own_keys: &[&str]) -> careerplan::Error {
    match err {
        careerplan::Error::InvalidValue { path, message }
            if message.starts_with("unknown field") && !own_keys.is_empty() =>
        {
            let own: Vec<String> = own_keys.iter().map(|k| format!("`{k}`")).collect();
            let message = if message.contains("expected one of") {
                format!("{message}, {}", own.join(", "))
            } else {
                format!("{message}; expected one of {}", own.join(", "))
            };
            careerplan::Error::InvalidValue { path, message }
        }
        other => other,
    }
}

/// `typeof value`, or `Date` for a date object.
pub(crate) fn type_name(value: &JsValue) -> String {
    if value.is_instance_of::<js_sys::Date>() {
        "a Date object".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Deserialize a JS argument into a core type. Errors name the path of the
/// bad value below `root` (an argument name, or `""` for a document) and are
/// thrown with code `invalid-value` (`invalid-date` for a bad date).
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsFailure> {
    let json = json_value(value, root)?;
    Ok(careerplan::json::from_value(json, root)?)
}

/// A JS value as plain JSON data, by way of `JSON.stringify`: one call into
/// the engine's own serializer, instead of one call per field, and no second
/// copy of every type's deserialization code for a JS-object deserializer
/// (which is what keeps the `.wasm` small). So JSON's rules apply: `toJSON`
/// is honoured (a `Date` becomes an ISO timestamp, which date fields then
/// refuse with their path), properties that are `undefined`, functions or
/// symbols are left out, `NaN` and infinities become `null`. What JSON
/// cannot hold, a `BigInt` or a cycle, is an `invalid-value` error at its
/// path below `root`.
pub(crate) fn json_value(value: JsValue, root: &str) -> Result<serde_json::Value, JsFailure> {
    // Only a whole argument can be `undefined` here (JSON.stringify leaves
    // such properties out): an argument the caller did not pass.
    if value.is_undefined() {
        return Err(missing_or_wrong(&value, root, "a value"));
    }
    let Ok(text) = js_sys::JSON::stringify(&value) else {
        return Err(not_json(&value, root));
    };
    // A string for any object or array; `undefined` for a lone function or
    // symbol, which is no JSON either.
    let Some(text) = text.as_string() else {
        return Err(not_json(&value, root));
    };
    // Valid JSON by construction, except that serde_json refuses a lone
    // surrogate (`"\ud800"`, which a JS string may hold) and nesting over
    // `careerplan::limits::MAX_NESTING` levels (the core then checks
    // `Limits.max_depth`, as on every face); the text's line and column
    // mean nothing to the caller.
    careerplan::json::parse_value(&text, root).map_err(|e| match e {
        careerplan::Error::InvalidJson { path, message, .. } => {
            JsFailure::from(careerplan::Error::InvalidValue {
                path,
                message: format!("cannot be read as JSON: {message}"),
            })
        }
        other => JsFailure::from(other),
    })
}

/// The error for a value that `JSON.stringify` refused: the path of the
/// first `BigInt` or cycle in it. Only failed calls walk the value.
fn not_json(value: &JsValue, root: &str) -> JsFailure {
    let mut path = root.to_string();
    let mut open = Vec::new();
    let message = match first_non_json(value, &mut path, &mut open) {
        Some(message) => message,
        None => format!("a {} cannot be read as JSON", type_name(value)),
    };
    JsFailure::from(careerplan::Error::InvalidValue { path, message })
}

/// Depth-first search for what JSON cannot hold; `path` is left at it.
/// `open` holds the objects on the way down, to see a cycle.
fn first_non_json(value: &JsValue, path: &mut String, open: &mut Vec<JsValue>) -> Option<String> {
    if value.is_bigint() {
        return Some("a BigInt cannot be read as JSON; pass a number or a string".into());
    }
    if !value.is_object() {
        return None;
    }
    if open.iter().any(|o| js_sys::Object::is(o, value)) {
        return Some("a circular reference cannot be read as JSON".into());
    }
    open.push(value.clone());
    let len = path.len();
    let found = if js_sys::Array::is_array(value) {
        js_sys::Array::from(value)
            .iter()
            .enumerate()
            .find_map(|(i, item)| {
                path.truncate(len);
                path.push_str(&format!("[{i}]"));
                first_non_json(&item, path, open)
            })
    } else {
        let object = js_sys::Object::from(value.clone());
        js_sys::Object::entries(&object).iter().find_map(|entry| {
            let entry = js_sys::Array::from(&entry);
            path.truncate(len);
            if len > 0 {
                path.push('.');
            }
            path.push_str(&entry.get(0).as_string().unwrap_or_default());
            first_non_json(&entry.get(1), path, open)
        })
    };
    if found.is_none() {
        path.truncate(len);
    }
    open.pop();
    found
}

/// Serialize a core value as plain JS data (objects, not `Map`s): the value
/// crosses as one JSON text that the engine's `JSON.parse` turns into
/// objects, instead of one call into JavaScript per field and one
/// `TextDecoder` call per string.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsFailure> {
    let text = serde_json::to_string(value).map_err(|e| conversion_bug(&e))?;
    js_sys::JSON::parse(&text).map_err(|e| conversion_bug(&format!("{e:?}")))
}

/// Core types serialize to JSON-like data only, so a failed conversion
/// cannot come from any input: it is a bug to report, not a user error.
fn conversion_bug(e: &dyn std::fmt::Display) -> JsFailure {
    JsFailure(career_plan_error(
        "internal-error",
        "",
        &format!(
            "cannot convert the result to JavaScript: {e} (this is a bug in careerplan; please report it)"
        ),
    ))
}
