//! Python bindings of careerplan: the `careerplan._careerplan` extension
//! module, re-exported by the pure-Python package `careerplan`.
//!
//! Each function only converts its arguments ([`convert`]), calls the core
//! under [`errors::guarded`] (or [`errors::released`], which also releases
//! the GIL while the core works), and converts the result back. Docstrings come
//! from the `///` comments below; type stubs live in
//! `python/careerplan/_careerplan.pyi`.
//!
//! The crate's only public Rust item is the module init function; its docs
//! are for maintainers, built with `cargo doc --document-private-items`, so
//! links to private items are what they should be.
#![allow(rustdoc::private_intra_doc_links)]

use pyo3::prelude::*;

mod arrow;
mod convert;
mod draft;
mod errors;
mod input;
mod lint;
mod pyser;
mod schedule;
mod skills;

use convert::{plan_arg, to_py};
use errors::guarded;

/// Parse a plan and bring it to the current schema version.
///
/// `plan` is JSON text or a dict. Returns the canonical plan as plain data:
/// documents from older schema versions are migrated, and fields careerplan
/// does not know are kept unchanged.
///
/// Raises InvalidJsonError, InvalidValueError (InvalidDateError for an
/// impossible date), UnsupportedSchemaVersionError or MigrationError, each
/// with the `path` of the offending field.
#[pyfunction]
fn load_plan<'py>(plan: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    to_py(plan.py(), &plan_arg(plan)?)
}

/// Write a plan as canonical, pretty-printed JSON (two-space indent,
/// trailing newline).
///
/// `plan` is a dict (or JSON text); it is read exactly as by `load_plan`, so
/// a value that does not fit the model raises instead of being written.
#[pyfunction]
fn dump_plan(plan: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(plan_arg(plan)?.to_json())
}

/// Check the rules that span a plan's entities and return every problem.
///
/// `plan` is JSON text or a dict. Each problem is a dict with `code` (stable,
/// e.g. `dangling-reference`), `severity` (`error` or `warning`), `path`
/// (e.g. `goals[2].deadline`) and `message`. An empty list means the plan is
/// valid. A plan that cannot be read at all raises, as `load_plan` does.
#[pyfunction]
fn validate_plan<'py>(plan: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    to_py(py, &guarded(py, || Ok(plan.validate()))?)
}

/// Internal, for careerplan's own tests: panic inside the guard every entry
/// point uses, to prove that a panic reaches Python as `CareerPlanError`
/// (code `internal-error`), not as pyo3's `PanicException`.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    guarded(py, || -> Result<(), careerplan::Error> {
        panic!("deliberate panic from _panic_for_tests")
    })
}

/// Strategic career planning: plan model, validation and engines, in Rust.
#[pymodule]
fn _careerplan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", careerplan::plan::SCHEMA_VERSION)?;
    m.add_function(wrap_pyfunction!(load_plan, m)?)?;
    m.add_function(wrap_pyfunction!(dump_plan, m)?)?;
    m.add_function(wrap_pyfunction!(validate_plan, m)?)?;
    // An attribute, not an export: it stays out of `__all__` (and so out
    // of `careerplan`'s namespace and the stubs).
    m.setattr("_panic_for_tests", wrap_pyfunction!(_panic_for_tests, m)?)?;
    schedule::register(m)?;
    skills::register(m)?;
    draft::register(m)?;
    errors::register(m)?;
    // --- SMART linter ---
    lint::register(m)?;
    // The Arrow batch functions live in a submodule, re-exported by the
    // pure-Python `careerplan.arrow` (not by `careerplan`).
    let arrow = PyModule::new(m.py(), "_arrow")?;
    arrow::register(&arrow)?;
    m.setattr("_arrow", arrow)?;
    Ok(())
}
