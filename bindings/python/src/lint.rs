//! The SMART linter: `lint_goal`, `lint_many`, `lint_plan`, `rules` and the
//! `Linter` class.
//!
//! Reports are the core's [`careerplan::smart::LintReport`] (and
//! [`careerplan::smart::PlanLintReport`]) converted as serde writes them, so
//! a Python dict has exactly the keys of the JSON contract in docs/CONTRACTS.md.
//! A `today` argument sets the reference date of the statements
//! ([`Context::today`], which takes precedence over the configuration's); a
//! `config` is a [`LintConfig`] dict, and errors in it name the path inside
//! it (`rules.vage-outcome`), as the core does for a configuration file.

use std::sync::Mutex;

use careerplan::error::{ErrorItem, OnItemError};
use careerplan::smart::{self, Context, LintConfig};
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyInt, PyList, PyMapping, PySlice};

use crate::convert::{date_arg, from_py, plan_arg, to_py, to_py_with};
use crate::errors::{guarded, to_py_err};
use crate::pyser::Names;

/// A `config` argument: a mapping, or None for the defaults.
fn config_arg(config: Option<&Bound<'_, PyAny>>) -> PyResult<LintConfig> {
    match config {
        None => Ok(LintConfig::default()),
        Some(obj) => from_py(mapping(obj, "config")?, ""),
    }
}

/// A `context` argument (a mapping, or None for the text alone), with the
/// `today` argument, when given, as its reference date.
pub(crate) fn context_arg(
    context: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<Context> {
    let mut ctx: Context = match context {
        None => Context::default(),
        Some(obj) => from_py(mapping(obj, "context")?, "")?,
    };
    if let Some(today) = today {
        ctx.today = Some(date_arg(today, "today")?);
    }
    Ok(ctx)
}

fn mapping<'a, 'py>(obj: &'a Bound<'py, PyAny>, name: &str) -> PyResult<&'a Bound<'py, PyAny>> {
    if obj.cast::<PyMapping>().is_ok() {
        Ok(obj)
    } else {
        Err(PyTypeError::new_err(format!(
            "expected {name} as a dict, got {}",
            obj.get_type().name()?
        )))
    }
}

/// A core linter for a `config` argument, with `today` (when given) as its
/// reference date.
pub(crate) fn new_linter(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<smart::Linter> {
    let mut config = config_arg(config)?;
    if let Some(today) = today {
        config.today = Some(date_arg(today, "today")?);
    }
    smart::Linter::new(config).map_err(|err| to_py_err(py, &err))
}

/// Lint a batch with the GIL released (the core spreads it over all cores).
/// `errors` is `"raise"` (a text over the limit fails the call) or `"item"`
/// (it becomes an error item in its place).
fn lint_batch<'py>(
    py: Python<'py>,
    linter: &smart::Linter,
    texts: Vec<String>,
    ctx: &Context,
    errors: &str,
) -> PyResult<Bound<'py, LintReports>> {
    let on_error = OnItemError::parse(errors, "errors").map_err(|e| to_py_err(py, &e))?;
    let (reports, failures) = guarded(py, || {
        let results = py.detach(|| linter.lint_many(&texts, ctx));
        on_error.split(results, linter.lint_text("", ctx)?)
    })?;
    Bound::new(py, LintReports::new(reports, failures))
}

/// The reports of `lint_many`, one per statement, in input order: a
/// read-only sequence of LintReport dicts (`len`, indexing, slicing,
/// iteration, `==` with a list of reports).
///
/// The reports stay in Rust until they are read: an item becomes a dict the
/// first time it is read, and is that same dict afterwards. Linting a batch
/// therefore costs what the core's linting costs, and a caller pays for
/// the conversion of the reports it looks at only (a dict per report costs
/// about as much as linting the statement). `to_list()` converts them all,
/// e.g. for `json.dumps`; `scores()` and `deadlines()` read columns without
/// making whole reports.
#[pyclass(name = "LintReports", module = "careerplan", frozen, sequence)]
pub(crate) struct LintReports {
    reports: Vec<smart::LintReport>,
    /// With `errors="item"`, the error item of each text that failed (its
    /// report is a stand-in); empty otherwise.
    failures: Vec<Option<ErrorItem>>,
    items: Vec<PyOnceLock<Py<PyAny>>>,
    /// Field names made once for every item of this batch.
    names: Mutex<Names>,
}

impl LintReports {
    fn new(reports: Vec<smart::LintReport>, failures: Vec<Option<ErrorItem>>) -> LintReports {
        LintReports {
            items: reports.iter().map(|_| PyOnceLock::new()).collect(),
            reports,
            failures,
            names: Mutex::new(Names::default()),
        }
    }

    /// Item `i` (in range) as its dict, made on first use.
    fn item<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        let item = self.items[i].get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            if let Some(Some(failure)) = self.failures.get(i) {
                return Ok(to_py(py, failure)?.unbind());
            }
            let report = &self.reports[i];
            // A conversion that triggers a garbage collection can run Python
            // code that reads this batch again; it then makes its own names
            // rather than wait for the lock it already holds.
            let dict = match self.names.try_lock() {
                Ok(mut names) => to_py_with(py, &mut names, report)?,
                Err(_) => to_py(py, report)?,
            };
            Ok(dict.unbind())
        })?;
        Ok(item.bind(py).clone())
    }

    fn failed(&self, i: usize) -> bool {
        matches!(self.failures.get(i), Some(Some(_)))
    }

    fn all<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = (0..self.reports.len())
            .map(|i| self.item(py, i))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }
}

#[pymethods]
impl LintReports {
    fn __len__(&self) -> usize {
        self.reports.len()
    }

    /// A report by index (negative counts from the end), or a list of
    /// reports for a slice.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let len = self.reports.len();
        if let Ok(slice) = index.cast::<PySlice>() {
            // A Vec never holds more than isize::MAX items.
            let s = slice.indices(len as isize)?;
            let items = (0..s.slicelength as isize)
                .map(|k| self.item(py, (s.start + k * s.step) as usize))
                .collect::<PyResult<Vec<_>>>()?;
            return Ok(PyList::new(py, items)?.into_any());
        }
        let i: isize = match index.extract() {
            Ok(i) => i,
            // An int too large for an index is out of range, as for a list.
            Err(_) if index.is_instance_of::<PyInt>() => {
                return Err(PyIndexError::new_err(format!(
                    "index {index} is out of range for {len} reports"
                )));
            }
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "LintReports indices must be integers or slices, not {}",
                    index.get_type().name()?
                )));
            }
        };
        let at = if i < 0 { i + len as isize } else { i };
        if at < 0 || at >= len as isize {
            return Err(PyIndexError::new_err(format!(
                "index {i} is out of range for {len} reports"
            )));
        }
        self.item(py, at as usize)
    }

    /// Equal to another `LintReports` with equal reports, or to a list (or
    /// other sequence) of equal report dicts.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(other) = other.cast::<LintReports>() {
            let other = other.get();
            let failed = |b: &LintReports, i: usize| b.failures.get(i).cloned().flatten();
            return Ok(self.reports.len() == other.reports.len()
                && (0..self.reports.len()).all(|i| match (failed(self, i), failed(other, i)) {
                    (None, None) => self.reports[i] == other.reports[i],
                    (a, b) => a == b,
                }));
        }
        if other.len().is_err() || other.is_instance_of::<pyo3::types::PyString>() {
            return Ok(false);
        }
        let theirs = PyList::new(py, other.try_iter()?.collect::<PyResult<Vec<_>>>()?)?;
        self.all(py)?.eq(theirs)
    }

    fn __repr__(&self) -> String {
        format!("<careerplan.LintReports of {} reports>", self.reports.len())
    }

    /// Every report as a dict, in a new list.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.all(py)
    }

    /// The score (0-100) of every report on each criterion: a dict from
    /// criterion (`specific`, ..., `time_bound`) to a list in report order
    /// (None for an error item).
    fn scores<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let columns = PyDict::new(py);
        for (criterion, column) in smart::score_columns(&self.reports).0 {
            let column: Vec<Option<u8>> = column
                .into_iter()
                .enumerate()
                .map(|(i, score)| (!self.failed(i)).then_some(score))
                .collect();
            columns.set_item(criterion.as_str(), PyList::new(py, column)?)?;
        }
        Ok(columns)
    }

    /// The deadline of every report (`YYYY-MM-DD`, or None), in report order.
    fn deadlines(&self) -> Vec<Option<String>> {
        smart::deadline_column(&self.reports)
            .into_iter()
            .enumerate()
            .map(|(i, d)| d.filter(|_| !self.failed(i)))
            .map(|d| d.map(careerplan::plan::date::format_date))
            .collect()
    }

    /// The error items (`{"error": {...}}`) of texts that failed, by index,
    /// with `errors="item"`; an empty dict when every text was linted.
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (i, failure) in self.failures.iter().enumerate() {
            if let Some(failure) = failure {
                out.set_item(i, to_py(py, failure)?)?;
            }
        }
        Ok(out)
    }
}

fn lint_plan_with<'py>(
    linter: &smart::Linter,
    plan: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan.py();
    let plan = plan_arg(plan)?;
    let report = guarded(py, || py.detach(|| linter.lint_plan(&plan)))?;
    to_py(py, &report)
}

/// Lint one goal statement: a verdict per SMART criterion and diagnostics.
///
/// `today` (a `datetime.date` or a `YYYY-MM-DD` str) is the date deadlines
/// resolve against (default: the config's `today`, else the current UTC
/// date). `context` is what is known around the goal (its `deadline` field,
/// `horizon`, `metric`, linked `values`, ...); without it, `relevant` is not
/// judged (`met` is None). `config` turns rules on and off, changes
/// severities and thresholds.
///
/// Returns the report as a dict: `text`, `deadline`, `criteria`,
/// `diagnostics` (byte spans into `text`) and `time_expressions`.
///
/// Raises InvalidValueError (InvalidDateError for a bad date) with the path
/// of a bad `config` or `context` field, e.g. `rules.vage-outcome`.
#[pyfunction]
#[pyo3(signature = (text, today=None, context=None, config=None))]
fn lint_goal<'py>(
    py: Python<'py>,
    text: String,
    today: Option<&Bound<'py, PyAny>>,
    context: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let linter = new_linter(py, config, None)?;
    let ctx = context_arg(context, today)?;
    to_py(py, &guarded(py, || linter.lint_text(&text, &ctx))?)
}

/// Lint many goal statements at once; one report per text, in order.
///
/// The same reports as `[lint_goal(t, today, config=config) for t in
/// texts]`, but the GIL is released, the statements are linted on all
/// cores, and the result is a `LintReports` sequence whose items become
/// dicts when read (`to_list()` for a plain list).
///
/// `errors` says what a text over `limits.max_text_bytes` does: `"raise"`
/// (the default) raises LimitExceededError (path `texts[i]`, the first
/// such text) and returns nothing; `"item"` puts
/// `{"error": {"code", "message", "path", "limit"}}` in that text's place and
/// lints the others.
#[pyfunction]
#[pyo3(signature = (texts, today=None, config=None, *, errors="raise"))]
fn lint_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    today: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, LintReports>> {
    let linter = new_linter(py, config, None)?;
    let ctx = context_arg(None, today)?;
    lint_batch(py, &linter, texts, &ctx, errors)
}

/// Lint every goal of a plan with its context (deadline field, metric,
/// horizon, links, actions), then the plan as a whole (too many active
/// goals, long-term goals without short-term steps, goals without actions,
/// duplicates).
///
/// `plan` is JSON text or a dict, read as by `load_plan`. Returns a dict with
/// `goals` (one report per goal, with its `goal_id` and `path`) and
/// `findings` (plan-level diagnostics).
#[pyfunction]
#[pyo3(signature = (plan, today=None, config=None))]
fn lint_plan<'py>(
    plan: &Bound<'py, PyAny>,
    today: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let linter = new_linter(plan.py(), config, today)?;
    lint_plan_with(&linter, plan)
}

/// The linter's rules: code, criterion, default severity, scope, summary,
/// message and suggestion templates, explanation, and a bad and a good
/// example.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, smart::rules())
}

/// A SMART-goal linter with its configuration parsed and checked once.
///
/// `config` is a LintConfig dict (None: the defaults). Raises
/// InvalidValueError with the path of a bad setting, e.g.
/// `rules.vage-outcome`. Safe to share between threads.
#[pyclass(name = "Linter", module = "careerplan", frozen)]
pub(crate) struct PyLinter {
    pub(crate) inner: smart::Linter,
}

#[pymethods]
impl PyLinter {
    #[new]
    #[pyo3(signature = (config=None))]
    fn new(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<PyLinter> {
        Ok(PyLinter {
            inner: new_linter(py, config, None)?,
        })
    }

    /// Pickle by configuration: `Linter(linter.config)` is the same
    /// linter, so closures that capture one work on Spark, Dask or Ray.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        let py = slf.py();
        Ok((
            slf.get_type().into_any(),
            (to_py(py, slf.get().inner.config())?,),
        ))
    }

    /// The configuration, as a LintConfig dict with every field.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.config())
    }

    /// Lint one goal statement, as `lint_goal` does.
    #[pyo3(signature = (text, today=None, context=None))]
    fn lint<'py>(
        &self,
        py: Python<'py>,
        text: String,
        today: Option<&Bound<'py, PyAny>>,
        context: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let ctx = context_arg(context, today)?;
        to_py(py, &guarded(py, || self.inner.lint_text(&text, &ctx))?)
    }

    /// Lint many goal statements on all cores with the GIL released, as
    /// `lint_many` does (`errors`: `"raise"` or `"item"`).
    #[pyo3(signature = (texts, today=None, *, errors="raise"))]
    fn lint_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        today: Option<&Bound<'py, PyAny>>,
        errors: &str,
    ) -> PyResult<Bound<'py, LintReports>> {
        let ctx = context_arg(None, today)?;
        lint_batch(py, &self.inner, texts, &ctx, errors)
    }

    /// Lint a plan, as `lint_plan` does; the reference date is the config's
    /// `today` (else the current UTC date).
    fn lint_plan<'py>(&self, plan: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        lint_plan_with(&self.inner, plan)
    }
}

/// Add the linter's functions and class to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(lint_goal, m)?)?;
    m.add_function(wrap_pyfunction!(lint_many, m)?)?;
    m.add_function(wrap_pyfunction!(lint_plan, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_class::<PyLinter>()?;
    m.add_class::<LintReports>()?;
    Ok(())
}
