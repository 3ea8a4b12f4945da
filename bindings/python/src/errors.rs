//! The Python exception hierarchy, built from the core's stable error codes.
//!
//! Every core [`careerplan::Error`] becomes an instance of the class registered
//! for its [`code`](careerplan::Error::code), carrying `code`, `path` and
//! `message` attributes; `str(exc)` is the core's one-line `Display`. A code
//! without a class of its own (one added to the core later) falls back to
//! `CareerPlanError`, so callers catching the base class never miss one.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    careerplan,
    CareerPlanError,
    PyException,
    "Base class of every careerplan error.\n\nAttributes: `code` (stable kebab-case code), `path` (JSON path of the\nbad field, '' for the whole input) and `message` (without the path)."
);
create_exception!(
    careerplan,
    InvalidJsonError,
    CareerPlanError,
    "The input is not well-formed JSON (code `invalid-json`)."
);
create_exception!(
    careerplan,
    InvalidValueError,
    CareerPlanError,
    "Well-formed input whose content does not fit the model (code `invalid-value`)."
);
create_exception!(
    careerplan,
    InvalidDateError,
    InvalidValueError,
    "A date that is malformed or does not exist, e.g. 2027-02-30 (code `invalid-date`)."
);
create_exception!(
    careerplan,
    UnsupportedSchemaVersionError,
    CareerPlanError,
    "The document was written by a newer careerplan (code `unsupported-schema-version`)."
);
create_exception!(
    careerplan,
    MigrationError,
    CareerPlanError,
    "An older document could not be migrated (code `migration-failed`)."
);
create_exception!(
    careerplan,
    InvalidArgumentError,
    CareerPlanError,
    "An argument (not a document field) is invalid (code `invalid-argument`)."
);
create_exception!(
    careerplan,
    InvalidTableError,
    CareerPlanError,
    "A row of a tab-separated data file, such as O*NET's Skills.txt, does not fit its layout\n(code `invalid-table`; `path` is `file:line`, e.g. `Skills.txt:1042`)."
);

create_exception!(
    careerplan,
    LimitExceededError,
    CareerPlanError,
    "The input or the work asked for exceeds a configured limit, e.g. a document nested\ndeeper than `max_depth` (code `limit-exceeded`; the message names the limit)."
);

/// Code of the error raised when the library panics, which is always a bug.
const INTERNAL_ERROR: &str = "internal-error";

/// Register the exception classes on the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("CareerPlanError", py.get_type::<CareerPlanError>())?;
    m.add("InvalidJsonError", py.get_type::<InvalidJsonError>())?;
    m.add("InvalidValueError", py.get_type::<InvalidValueError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add(
        "UnsupportedSchemaVersionError",
        py.get_type::<UnsupportedSchemaVersionError>(),
    )?;
    m.add("MigrationError", py.get_type::<MigrationError>())?;
    m.add(
        "InvalidArgumentError",
        py.get_type::<InvalidArgumentError>(),
    )?;
    m.add("InvalidTableError", py.get_type::<InvalidTableError>())?;
    m.add("LimitExceededError", py.get_type::<LimitExceededError>())?;
    Ok(())
}

/// The exception class for a stable error code.
fn class_for<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyType> {
    match code {
        "invalid-json" => py.get_type::<InvalidJsonError>(),
        "invalid-value" => py.get_type::<InvalidValueError>(),
        "invalid-date" => py.get_type::<InvalidDateError>(),
        "unsupported-schema-version" => py.get_type::<UnsupportedSchemaVersionError>(),
        "migration-failed" => py.get_type::<MigrationError>(),
        "invalid-argument" => py.get_type::<InvalidArgumentError>(),
        "invalid-table" => py.get_type::<InvalidTableError>(),
        "limit-exceeded" => py.get_type::<LimitExceededError>(),
        _ => py.get_type::<CareerPlanError>(),
    }
}

/// Convert a core error into the matching Python exception.
pub(crate) fn to_py_err(py: Python<'_>, err: &careerplan::Error) -> PyErr {
    new_error(py, err.code(), err.path(), &err.message(), &err.to_string())
}

fn new_error(py: Python<'_>, code: &str, path: &str, message: &str, display: &str) -> PyErr {
    let err = PyErr::from_type(class_for(py, code), display.to_string());
    let value = err.value(py);
    let attrs = value
        .setattr("code", code)
        .and_then(|()| value.setattr("path", path))
        .and_then(|()| value.setattr("message", message));
    match attrs {
        Ok(()) => err,
        // Setting an attribute on a fresh exception fails only when Python
        // is out of memory; that error is the more useful one then.
        Err(setattr_failed) => setattr_failed,
    }
}

/// Run a core call, turning its error into a Python exception and a panic
/// into a `CareerPlanError` with code `internal-error`.
///
/// The core never panics on user input, and pyo3 would catch a panic at the
/// boundary anyway, but it would raise `pyo3_runtime.PanicException`, which
/// derives from `BaseException` and so slips past `except Exception` and
/// `except careerplan.CareerPlanError`. Catching it here keeps a bug an
/// ordinary, catchable error.
pub(crate) fn guarded<T>(
    py: Python<'_>,
    call: impl FnOnce() -> Result<T, careerplan::Error>,
) -> PyResult<T> {
    settle(py, catch_unwind(AssertUnwindSafe(call)))
}

/// [`guarded`] with the GIL released while the core works, so other Python
/// threads run meanwhile: for engine calls over data already converted to
/// Rust (an agenda, an iCalendar file, a roadmap).
pub(crate) fn released<T: Send>(
    py: Python<'_>,
    call: impl FnOnce() -> Result<T, careerplan::Error> + Send,
) -> PyResult<T> {
    settle(py, py.detach(|| catch_unwind(AssertUnwindSafe(call))))
}

/// The Python outcome of a core call caught by `catch_unwind`.
fn settle<T>(
    py: Python<'_>,
    outcome: std::thread::Result<Result<T, careerplan::Error>>,
) -> PyResult<T> {
    match outcome {
        Ok(result) => result.map_err(|err| to_py_err(py, &err)),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(internal_error(py, &format!("careerplan panicked: {what}")))
        }
    }
}

/// An error that is a bug in careerplan rather than in the input.
pub(crate) fn internal_error(py: Python<'_>, what: &str) -> PyErr {
    let message = format!("{what} (this is a bug in careerplan; please report it)");
    new_error(py, INTERNAL_ERROR, "", &message, &message)
}
