//! Conversions between Python objects and the core's serde types.
//!
//! Inputs go Python object -> `serde_json::Value` ([`crate::input`], which
//! also turns `datetime.date`s into `YYYY-MM-DD` strings at any depth, with
//! the path of any value that is not JSON-like) -> core loader; outputs go core type ->
//! Python object ([`crate::pyser`]), so the JSON contract of the core types is the
//! shape Python sees: dicts, lists, str, int, float, bool and None.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString};
use serde::Serialize;
use serde::de::DeserializeOwned;

use careerplan::limits::Limits;
use careerplan::plan::PlanSource;

use crate::errors::{guarded, internal_error, to_py_err};
use crate::input::{DateLike, date_like, json_value};

/// A plan argument: JSON text or a mapping, parsed and migrated by the core.
pub(crate) fn plan_arg(obj: &Bound<'_, PyAny>) -> PyResult<careerplan::plan::Plan> {
    let py = obj.py();
    let text;
    let source = if let Ok(string) = obj.cast::<PyString>() {
        text = string.to_cow()?;
        PlanSource::Text(&text)
    } else if obj.cast::<PyMapping>().is_ok() {
        PlanSource::Value(json_value(obj, "")?)
    } else {
        return Err(PyTypeError::new_err(format!(
            "expected a plan as a JSON str or a dict, got {}",
            obj.get_type().name()?
        )));
    };
    guarded(py, || {
        careerplan::plan::load_plan(source, &Limits::default())
    })
}

/// A date argument: a `datetime.date` or a `YYYY-MM-DD` string, read by the
/// core's strict date parser. A bad string raises `InvalidDateError` whose
/// `path` is the argument's name. A `datetime.datetime` is refused rather
/// than silently cut to its date.
pub(crate) fn date_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<chrono::NaiveDate> {
    let py = obj.py();
    let text = match date_like(obj)? {
        Some(DateLike::Date(iso)) => iso,
        Some(DateLike::DateTime) => {
            return Err(PyTypeError::new_err(format!(
                "{name}: expected a datetime.date or a 'YYYY-MM-DD' string, got a datetime (pass its .date())"
            )));
        }
        None => match obj.cast::<PyString>() {
            Ok(text) => text.to_cow()?.into_owned(),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "{name}: expected a datetime.date or a 'YYYY-MM-DD' string, got {}",
                    obj.get_type().name()?
                )));
            }
        },
    };
    guarded(py, || careerplan::plan::date::parse_date_at(&text, name))
}

/// An options argument: `None` (every default) or a dict read into the
/// core's options struct, whose unknown keys are errors with their path
/// below `options`.
pub(crate) fn options_arg<T: DeserializeOwned + Default>(
    obj: Option<&Bound<'_, PyAny>>,
) -> PyResult<T> {
    match obj {
        Some(obj) if !obj.is_none() => from_py(obj, "options"),
        _ => Ok(T::default()),
    }
}

/// Deserialize a Python argument into a core type, through
/// [`json_value`] (so dates may be `datetime.date`s at any depth). Errors
/// name the path of the bad value below `root` (an argument name, or `""`
/// for a document) and are raised as `InvalidValueError`.
pub(crate) fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, root: &str) -> PyResult<T> {
    let value = json_value(obj, root)?;
    careerplan::json::from_value(value, root).map_err(|err| to_py_err(obj.py(), &err))
}

/// Serialize a core value into plain Python data (see [`crate::pyser`]).
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    to_py_with(py, &mut crate::pyser::Names::default(), value)
}

/// [`to_py`] reusing the names of earlier conversions.
pub(crate) fn to_py_with<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    names: &mut crate::pyser::Names,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    // Core types serialize to JSON-like data only, so this fails only when
    // Python is out of memory; anything else is a bug to report, not a user
    // error.
    crate::pyser::to_python_with(py, names, value).map_err(|e| match e {
        crate::pyser::Error::Py(err) => err,
        crate::pyser::Error::Custom(e) => {
            internal_error(py, &format!("cannot convert the result to Python: {e}"))
        }
    })
}
