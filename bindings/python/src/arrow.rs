//! The native half of `careerplan.arrow`: batch functions that take Arrow
//! arrays and return Arrow record batches through the Arrow PyCapsule
//! interface, so pyarrow, Polars, DuckDB and Spark exchange columns with the
//! core without a Python object per row (and without importing pyarrow).
//!
//! In: any object with `__arrow_c_array__` (one array, or a record batch as a
//! struct array) or `__arrow_c_stream__` (a chunked array, a table, a
//! Series), imported with arrow-rs's C data interface ([`import`]). Strings
//! may be `string`, `large_string` or `string_view`.
//!
//! Out: an [`ArrowBatch`] holding one `RecordBatch`, which exports itself
//! with `__arrow_c_schema__`, `__arrow_c_array__` and `__arrow_c_stream__`.
//! Output types are ones Spark reads (no unsigned or fixed-size types):
//! `int8` scores, `int16` ranks, `int64` row numbers, `date32` dates.
//!
//! Behaviour is the core's: [`careerplan::smart::Linter::lint_each`],
//! [`careerplan::skills::rank_each`], [`careerplan::skills::fill_gap_rows`]
//! and [`careerplan::schedule::agenda_each`], each giving one result per
//! row; a bad row becomes an `error` struct (`code`, `path`, `message`) in
//! that row, never an exception for the batch. The work runs with the GIL
//! released, on rayon's global pool or on a pool of `threads` threads.

use std::ffi::CStr;
use std::sync::{Arc, Mutex};

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, Int8Builder, Int16Builder,
    Int32Builder, Int64Builder, ListBuilder, StringBuilder, StructBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::types::{
    Float16Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, Float32Array, RecordBatch, RecordBatchIterator, StructArray, make_array,
};
use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use careerplan::skills::{self as core, Rating};
use careerplan::smart::{Context, Criterion};
use chrono::{Datelike, NaiveDate};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::convert::{date_arg, options_arg};
use crate::errors::{internal_error, released};

const SCHEMA_CAPSULE: &CStr = c"arrow_schema";
const ARRAY_CAPSULE: &CStr = c"arrow_array";
const STREAM_CAPSULE: &CStr = c"arrow_array_stream";

// ---- import ---------------------------------------------------------------------

/// One input column: its field and its chunks (one for an array, any number
/// for a stream).
struct Column {
    field: FieldRef,
    chunks: Vec<ArrayRef>,
}

fn arrow_err(name: &str, err: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("{name}: {err}"))
}

/// Import an Arrow array or stream from any object of the PyCapsule
/// interface. A record batch or table with exactly one column stands for
/// that column.
fn import(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Column> {
    let py = obj.py();
    let column = if obj.hasattr(intern!(py, "__arrow_c_array__"))? {
        let pair = obj.call_method0(intern!(py, "__arrow_c_array__"))?;
        let pair = pair.cast::<PyTuple>().map_err(|_| {
            PyTypeError::new_err(format!("{name}: __arrow_c_array__ did not return a tuple"))
        })?;
        let schema = pair.get_item(0)?.cast_into::<PyCapsule>()?;
        let array = pair.get_item(1)?.cast_into::<PyCapsule>()?;
        let schema_ptr = schema.pointer_checked(Some(SCHEMA_CAPSULE))?;
        let array_ptr = array.pointer_checked(Some(ARRAY_CAPSULE))?;
        // SAFETY: the capsules are named as the PyCapsule interface names
        // them, so they hold an ArrowSchema and an ArrowArray. The schema is
        // borrowed (its capsule keeps it alive for this call); the array is
        // moved out, leaving a released struct for the capsule's destructor.
        let (field, data) = unsafe {
            let schema = schema_ptr.cast::<FFI_ArrowSchema>().as_ref();
            let array = FFI_ArrowArray::from_raw(array_ptr.cast::<FFI_ArrowArray>().as_ptr());
            let field = Field::try_from(schema).map_err(|e| arrow_err(name, e))?;
            (
                field,
                from_ffi(array, schema).map_err(|e| arrow_err(name, e))?,
            )
        };
        Column {
            field: Arc::new(field),
            chunks: vec![make_array(data)],
        }
    } else if obj.hasattr(intern!(py, "__arrow_c_stream__"))? {
        let capsule = obj
            .call_method0(intern!(py, "__arrow_c_stream__"))?
            .cast_into::<PyCapsule>()?;
        let ptr = capsule.pointer_checked(Some(STREAM_CAPSULE))?;
        // SAFETY: a capsule of this name holds an ArrowArrayStream; it is
        // moved out, leaving a released struct for the capsule's destructor.
        let reader = unsafe { ArrayStreamReader::from_raw(ptr.cast().as_ptr()) }
            .map_err(|e| arrow_err(name, e))?;
        let field = arrow_array::ArrayReader::field(&reader).clone();
        let chunks = reader
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| arrow_err(name, e))?;
        Column { field, chunks }
    } else {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected Arrow data (an object with __arrow_c_array__ or \
             __arrow_c_stream__, e.g. a pyarrow.Array or a polars.Series), got {}",
            obj.get_type().name()?
        )));
    };
    unwrap_single_column(column, name)
}

/// A struct column of one field (a one-column record batch or table) as
/// that field's column.
fn unwrap_single_column(column: Column, name: &str) -> PyResult<Column> {
    let DataType::Struct(fields) = column.field.data_type() else {
        return Ok(column);
    };
    if fields.len() != 1 {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected one column, got a struct or table of {} columns ({})",
            fields.len(),
            fields
                .iter()
                .map(|f| f.name().as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let field = fields[0].clone();
    let chunks = column
        .chunks
        .iter()
        .map(|c| c.as_struct().column(0).clone())
        .collect();
    Ok(Column { field, chunks })
}

/// The values of a string column (`string`, `large_string`, `string_view`,
/// or all-null), borrowed from its buffers.
fn strings<'a>(column: &'a Column, name: &str) -> PyResult<Vec<Option<&'a str>>> {
    let mut out = Vec::with_capacity(column.chunks.iter().map(|c| c.len()).sum());
    for chunk in &column.chunks {
        string_values(chunk.as_ref(), name, &mut out)?;
    }
    Ok(out)
}

fn string_values<'a>(
    array: &'a dyn Array,
    name: &str,
    out: &mut Vec<Option<&'a str>>,
) -> PyResult<()> {
    match array.data_type() {
        DataType::Utf8 => out.extend(array.as_string::<i32>().iter()),
        DataType::LargeUtf8 => out.extend(array.as_string::<i64>().iter()),
        DataType::Utf8View => out.extend(array.as_string_view().iter()),
        DataType::Null => out.extend(std::iter::repeat_n(None, array.len())),
        other => {
            return Err(PyTypeError::new_err(format!(
                "{name}: expected a string column (string, large_string or string_view), got {other}"
            )));
        }
    }
    Ok(())
}

/// A level value of any numeric type, as the model's `f64`.
fn numbers(array: &dyn Array, name: &str) -> PyResult<Vec<Option<f64>>> {
    fn all<T, F>(values: impl Iterator<Item = Option<T>>, f: F) -> Vec<Option<f64>>
    where
        F: Fn(T) -> f64,
    {
        values.map(|v| v.map(&f)).collect()
    }
    Ok(match array.data_type() {
        DataType::Float64 => all(array.as_primitive::<Float64Type>().iter(), |v| v),
        DataType::Float32 => all(array.as_primitive::<Float32Type>().iter(), f64::from),
        DataType::Float16 => all(array.as_primitive::<Float16Type>().iter(), f64::from),
        DataType::Int8 => all(array.as_primitive::<Int8Type>().iter(), f64::from),
        DataType::Int16 => all(array.as_primitive::<Int16Type>().iter(), f64::from),
        DataType::Int32 => all(array.as_primitive::<Int32Type>().iter(), f64::from),
        DataType::Int64 => all(array.as_primitive::<Int64Type>().iter(), |v| v as f64),
        DataType::UInt8 => all(array.as_primitive::<UInt8Type>().iter(), f64::from),
        DataType::UInt16 => all(array.as_primitive::<UInt16Type>().iter(), f64::from),
        DataType::UInt32 => all(array.as_primitive::<UInt32Type>().iter(), f64::from),
        DataType::UInt64 => all(array.as_primitive::<UInt64Type>().iter(), |v| v as f64),
        DataType::Null => vec![None; array.len()],
        other => {
            return Err(PyTypeError::new_err(format!(
                "{name}: expected a numeric column, got {other}"
            )));
        }
    })
}

// ---- export ---------------------------------------------------------------------

/// A record batch made by careerplan, exported through the Arrow PyCapsule
/// interface: pass it to `pyarrow.record_batch`, `pyarrow.table`,
/// `polars.DataFrame`, DuckDB, or anything else that reads
/// `__arrow_c_array__` / `__arrow_c_stream__`.
#[pyclass(name = "ArrowBatch", module = "careerplan.arrow", frozen)]
pub(crate) struct ArrowBatch {
    batch: RecordBatch,
}

#[pymethods]
impl ArrowBatch {
    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "<careerplan.arrow.ArrowBatch of {} rows x {} columns>",
            self.batch.num_rows(),
            self.batch.num_columns()
        )
    }

    /// The schema as an ArrowSchema PyCapsule (a struct of the columns).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, self.batch.schema().as_ref())
    }

    /// The batch as a struct array: (ArrowSchema, ArrowArray) PyCapsules.
    /// `requested_schema` is accepted and ignored, as the interface allows.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let _ = requested_schema;
        let array = StructArray::from(self.batch.clone());
        let schema = schema_capsule(py, self.batch.schema().as_ref())?;
        let array =
            PyCapsule::new_with_value(py, FFI_ArrowArray::new(&array.to_data()), ARRAY_CAPSULE)?;
        PyTuple::new(py, [schema.into_any(), array.into_any()])
    }

    /// The batch as a stream of one record batch: an ArrowArrayStream
    /// PyCapsule. `requested_schema` is accepted and ignored.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader =
            RecordBatchIterator::new([Ok(self.batch.clone())], self.batch.schema().clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, STREAM_CAPSULE)
    }
}

fn schema_capsule<'py>(py: Python<'py>, schema: &Schema) -> PyResult<Bound<'py, PyCapsule>> {
    let ffi = FFI_ArrowSchema::try_from(schema)
        .map_err(|e| internal_error(py, &format!("cannot export the schema: {e}")))?;
    PyCapsule::new_with_value(py, ffi, SCHEMA_CAPSULE)
}

/// An output schema without data, exported with `__arrow_c_schema__`
/// (`pyarrow.schema(s)` reads it).
#[pyclass(name = "ArrowSchema", module = "careerplan.arrow", frozen)]
pub(crate) struct ArrowSchema {
    schema: SchemaRef,
}

#[pymethods]
impl ArrowSchema {
    /// The schema as an ArrowSchema PyCapsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, self.schema.as_ref())
    }

    /// The column names, in order.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn __repr__(&self) -> String {
        format!("<careerplan.arrow.ArrowSchema {}>", self.names().join(", "))
    }
}

fn batch(py: Python<'_>, schema: SchemaRef, columns: Vec<ArrayRef>) -> PyResult<ArrowBatch> {
    RecordBatch::try_new(schema, columns)
        .map(|batch| ArrowBatch { batch })
        .map_err(|e| internal_error(py, &format!("cannot assemble the record batch: {e}")))
}

// ---- shared columns -------------------------------------------------------------

/// The `error` column's type: null for a good row, else the core error's
/// stable `code`, JSON `path` (within the row) and `message`.
fn error_fields() -> Fields {
    Fields::from(vec![
        Field::new("code", DataType::Utf8, true),
        Field::new("path", DataType::Utf8, true),
        Field::new("message", DataType::Utf8, true),
    ])
}

/// Builds the `error` column row by row.
struct ErrorColumn(StructBuilder);

impl ErrorColumn {
    fn new(capacity: usize) -> ErrorColumn {
        ErrorColumn(StructBuilder::from_fields(error_fields(), capacity))
    }

    fn push(&mut self, err: Option<&careerplan::Error>) {
        let b = &mut self.0;
        let (code, path, message) = match err {
            Some(e) => (e.code(), e.path().to_string(), e.message()),
            None => ("", String::new(), String::new()),
        };
        // Children of a null struct slot still need a value each.
        for (i, text) in [code, path.as_str(), message.as_str()]
            .into_iter()
            .enumerate()
        {
            if let Some(child) = b.field_builder::<StringBuilder>(i) {
                child.append_value(text);
            }
        }
        b.append(err.is_some());
    }

    fn finish(mut self) -> ArrayRef {
        Arc::new(self.0.finish())
    }
}

fn days(date: NaiveDate) -> i32 {
    // 719,163 days from 0001-01-01 (CE day 1) to 1970-01-01.
    date.num_days_from_ce() - 719_163
}

// ---- threads --------------------------------------------------------------------

/// The pool for `threads`: None for rayon's global pool (all cores, or
/// `RAYON_NUM_THREADS`), else a pool of exactly that many threads, kept for
/// later calls of the same size (a Spark task calls once per batch).
fn pool(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    let Some(n) = threads else {
        return Ok(None);
    };
    if n == 0 {
        return Err(PyValueError::new_err("threads: expected 1 or more, got 0"));
    }
    static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let mut pools = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, pool)) = pools.iter().find(|(size, _)| *size == n) {
        return Ok(Some(pool.clone()));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("careerplan-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.push((n, pool.clone()));
    Ok(Some(pool))
}

/// Run a core batch call with the GIL released, under the panic guard, on
/// the pool `threads` asks for.
fn run<T: Send>(
    py: Python<'_>,
    threads: Option<usize>,
    work: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    let pool = pool(threads)?;
    released(py, || {
        Ok(match pool {
            Some(pool) => pool.install(work),
            None => work(),
        })
    })
}

/// A schema whose fields are those of `columns`, all nullable: the one place
/// output types are written down is the code that builds the columns, so
/// the exported schemas are those of the builders run on no rows.
fn schema_of(names: &[String], columns: &[ArrayRef]) -> SchemaRef {
    Arc::new(Schema::new(
        names
            .iter()
            .zip(columns)
            .map(|(name, c)| Field::new(name, c.data_type().clone(), true))
            .collect::<Vec<_>>(),
    ))
}

// ---- lint_batch -----------------------------------------------------------------

fn diagnostic_fields() -> Fields {
    Fields::from(vec![
        Field::new("code", DataType::Utf8, true),
        Field::new("criterion", DataType::Utf8, true),
        Field::new("severity", DataType::Utf8, true),
        Field::new("start", DataType::Int32, true),
        Field::new("end", DataType::Int32, true),
        Field::new("message", DataType::Utf8, true),
    ])
}

/// The columns of `lint_batch` for one result per row.
fn lint_columns(
    rows: &[Result<careerplan::smart::LintReport, careerplan::Error>],
    diagnostics: bool,
) -> (Vec<String>, Vec<ArrayRef>) {
    let n = rows.len();
    let mut deadline = Date32Builder::with_capacity(n);
    let mut met: Vec<BooleanBuilder> = Criterion::ALL
        .iter()
        .map(|_| BooleanBuilder::with_capacity(n))
        .collect();
    let mut score: Vec<Int8Builder> = Criterion::ALL
        .iter()
        .map(|_| Int8Builder::with_capacity(n))
        .collect();
    let mut codes = ListBuilder::new(StringBuilder::new());
    let mut diags = ListBuilder::new(StructBuilder::from_fields(diagnostic_fields(), 0));
    let mut error = ErrorColumn::new(n);
    for row in rows {
        match row {
            Ok(report) => {
                deadline.append_option(report.deadline.map(days));
                for (i, &c) in Criterion::ALL.iter().enumerate() {
                    let verdict = report.criteria.get(c);
                    met[i].append_option(verdict.met);
                    // Scores are 0..=100, so they fit Spark's signed TINYINT.
                    score[i].append_value(verdict.score.min(100) as i8);
                }
                for d in &report.diagnostics {
                    codes.values().append_value(&d.code);
                }
                codes.append(true);
                if diagnostics {
                    let items = diags.values();
                    for d in &report.diagnostics {
                        push_diagnostic(items, d);
                    }
                    diags.append(true);
                }
                error.push(None);
            }
            Err(err) => {
                deadline.append_null();
                met.iter_mut().for_each(BooleanBuilder::append_null);
                score.iter_mut().for_each(Int8Builder::append_null);
                codes.append(false);
                if diagnostics {
                    diags.append(false);
                }
                error.push(Some(err));
            }
        }
    }
    let mut names = vec!["deadline".to_string()];
    let mut columns: Vec<ArrayRef> = vec![Arc::new(deadline.finish())];
    for (i, c) in Criterion::ALL.iter().enumerate() {
        names.push(format!("{c}_met"));
        columns.push(Arc::new(met[i].finish()));
        names.push(format!("{c}_score"));
        columns.push(Arc::new(score[i].finish()));
    }
    names.push("codes".into());
    columns.push(Arc::new(codes.finish()));
    if diagnostics {
        names.push("diagnostics".into());
        columns.push(Arc::new(diags.finish()));
    }
    names.push("error".into());
    columns.push(error.finish());
    (names, columns)
}

fn push_diagnostic(items: &mut StructBuilder, d: &careerplan::smart::Diagnostic) {
    let texts = [
        (0, d.code.as_str()),
        (1, d.criterion.as_str()),
        (2, d.severity.as_str()),
        (5, d.message.as_str()),
    ];
    for (i, text) in texts {
        if let Some(b) = items.field_builder::<StringBuilder>(i) {
            b.append_value(text);
        }
    }
    // Spans are byte offsets into a text of at most `max_text_bytes`
    // (64 KiB by default); a larger limit saturates rather than wraps.
    for (i, at) in [(3, d.span.start), (4, d.span.end)] {
        if let Some(b) = items.field_builder::<Int32Builder>(i) {
            b.append_value(i32::try_from(at).unwrap_or(i32::MAX));
        }
    }
    items.append(true);
}

/// Lint a column of goal statements: one row per statement, in order.
///
/// `texts` is Arrow data through the PyCapsule interface (a pyarrow
/// Array or ChunkedArray, a Polars Series, a one-column table or batch) of
/// `string`, `large_string` or `string_view`. Columns: `deadline` (date32),
/// per criterion `<criterion>_met` (bool, null when not judged) and
/// `<criterion>_score` (int8, 0-100), `codes` (`list<string>`, diagnostic
/// codes in text order), `diagnostics` when asked for (list of struct
/// `code`, `criterion`, `severity`, `start`, `end` (UTF-8 byte offsets),
/// `message`), and `error` (struct `code`, `path`, `message`): null, or
/// why this row has no report (a null text, a text over
/// `limits.max_text_bytes`); the other columns of such a row are null.
///
/// `linter` (a Linter) or `config` (a LintConfig dict) configures the
/// linter, `today` sets the reference date. `threads` runs the batch on a
/// pool of that many threads (default: all cores, or RAYON_NUM_THREADS).
#[pyfunction]
#[pyo3(signature = (texts, *, today=None, config=None, linter=None, diagnostics=false, threads=None))]
#[allow(clippy::too_many_arguments)]
fn lint_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    today: Option<&Bound<'_, PyAny>>,
    config: Option<&Bound<'_, PyAny>>,
    linter: Option<&Bound<'_, crate::lint::PyLinter>>,
    diagnostics: bool,
    threads: Option<usize>,
) -> PyResult<ArrowBatch> {
    let made;
    let linter = match (linter, config) {
        (Some(_), Some(c)) if !c.is_none() => {
            return Err(PyTypeError::new_err("give linter= or config=, not both"));
        }
        (Some(linter), _) => &linter.get().inner,
        (None, config) => {
            made = crate::lint::new_linter(py, config.filter(|c| !c.is_none()), None)?;
            &made
        }
    };
    let ctx: Context = crate::lint::context_arg(None, today.filter(|t| !t.is_none()))?;
    let column = import(texts, "texts")?;
    let texts = strings(&column, "texts")?;
    let rows = run(py, threads, || linter.lint_each(&texts, &ctx))?;
    let (names, columns) = lint_columns(&rows, diagnostics);
    batch(py, schema_of(&names, &columns), columns)
}

/// The schema of `lint_batch`'s result (with or without `diagnostics`).
#[pyfunction]
#[pyo3(signature = (*, diagnostics=false))]
fn lint_schema(diagnostics: bool) -> ArrowSchema {
    let (names, columns) = lint_columns(&[], diagnostics);
    ArrowSchema {
        schema: schema_of(&names, &columns),
    }
}

// ---- readiness_batch ------------------------------------------------------------

/// How `readiness_batch` lays out its result.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One row per person with their best `k` roles as a list.
    TopK,
    /// One row per person with a column per role.
    Wide,
    /// One row per (person, role).
    Long,
}

impl Layout {
    fn parse(text: &str) -> PyResult<Layout> {
        match text {
            "top_k" => Ok(Layout::TopK),
            "wide" => Ok(Layout::Wide),
            "long" => Ok(Layout::Long),
            other => Err(PyValueError::new_err(format!(
                "layout: expected 'top_k', 'wide' or 'long', got {other:?}"
            ))),
        }
    }
}

fn row_error(path: String, message: &str) -> careerplan::Error {
    careerplan::Error::InvalidValue {
        path,
        message: message.to_string(),
    }
}

/// Each row's ratings from a `list<struct<skill, level, scale?>>` column,
/// borrowed from the column's buffers; a row whose skills cannot be read
/// (null list, null entry, null skill or level) is that row's error.
fn ratings_from_column<'a>(
    skills: &'a Column,
    default_scale: &'a str,
) -> PyResult<Vec<Result<Vec<Rating<'a>>, careerplan::Error>>> {
    let mut out = Vec::new();
    for chunk in &skills.chunks {
        let (offsets, entries): (Vec<usize>, &StructArray) = match chunk.data_type() {
            DataType::List(_) => {
                let list = chunk.as_list::<i32>();
                let offsets = list.value_offsets().iter().map(|&o| o as usize).collect();
                (offsets, struct_values(list.values(), "skills")?)
            }
            DataType::LargeList(_) => {
                let list = chunk.as_list::<i64>();
                let offsets = list.value_offsets().iter().map(|&o| o as usize).collect();
                (offsets, struct_values(list.values(), "skills")?)
            }
            other => {
                return Err(PyTypeError::new_err(format!(
                    "skills: expected list<struct<skill: string, level: number, scale: string>>, got {other}"
                )));
            }
        };
        let child = |name: &str| entries.column_by_name(name);
        let Some(skill_col) = child("skill") else {
            return Err(PyTypeError::new_err(
                "skills: the list's structs have no `skill` field",
            ));
        };
        let Some(level_col) = child("level") else {
            return Err(PyTypeError::new_err(
                "skills: the list's structs have no `level` field",
            ));
        };
        let mut names = Vec::with_capacity(skill_col.len());
        string_values(skill_col.as_ref(), "skills.skill", &mut names)?;
        let levels = numbers(level_col.as_ref(), "skills.level")?;
        let mut scales = Vec::new();
        if let Some(scale_col) = child("scale") {
            string_values(scale_col.as_ref(), "skills.scale", &mut scales)?;
        }
        for row in 0..chunk.len() {
            if chunk.is_null(row) {
                out.push(Err(row_error(
                    "skills".into(),
                    "expected a list of skills, got null",
                )));
                continue;
            }
            let mut assessments = Vec::with_capacity(offsets[row + 1] - offsets[row]);
            let mut bad = None;
            for (j, e) in (offsets[row]..offsets[row + 1]).enumerate() {
                let (skill, level) = match (entries.is_null(e), names[e], levels[e]) {
                    (true, _, _) => {
                        bad = Some(row_error(
                            format!("skills[{j}]"),
                            "expected a skill, got null",
                        ));
                        break;
                    }
                    (_, None, _) => {
                        bad = Some(row_error(
                            format!("skills[{j}].skill"),
                            "expected a skill name, got null",
                        ));
                        break;
                    }
                    (_, _, None) => {
                        bad = Some(row_error(
                            format!("skills[{j}].level"),
                            "expected a level, got null",
                        ));
                        break;
                    }
                    (_, Some(skill), Some(level)) => (skill, level),
                };
                let scale = scales.get(e).copied().flatten().unwrap_or(default_scale);
                assessments.push(Rating {
                    skill,
                    level,
                    scale,
                    assessed_on: None,
                });
            }
            out.push(match bad {
                Some(err) => Err(err),
                None => Ok(assessments),
            });
        }
    }
    Ok(out)
}

fn struct_values<'a>(values: &'a ArrayRef, name: &str) -> PyResult<&'a StructArray> {
    values.as_struct_opt().ok_or_else(|| {
        PyTypeError::new_err(format!(
            "{name}: expected list<struct<skill: string, level: number, scale: string>>, got a list of {}",
            values.data_type()
        ))
    })
}

fn rank_fields() -> Fields {
    Fields::from(vec![
        Field::new("rank", DataType::Int16, true),
        Field::new("role_id", DataType::Utf8, true),
        Field::new("title", DataType::Utf8, true),
        Field::new("readiness", DataType::Float64, true),
        Field::new("tier", DataType::Utf8, true),
        Field::new("unmet_must_have_count", DataType::Int32, true),
    ])
}

/// The `top_k` layout's columns.
fn top_k_columns(
    ids: &[Option<&str>],
    rows: &[Result<Vec<core::RankEntry<'_>>, careerplan::Error>],
) -> (Vec<String>, Vec<ArrayRef>) {
    let mut person = StringBuilder::new();
    let mut top = ListBuilder::new(StructBuilder::from_fields(rank_fields(), 0));
    let mut error = ErrorColumn::new(rows.len());
    for (id, row) in ids.iter().zip(rows) {
        person.append_option(*id);
        match row {
            Ok(entries) => {
                let items = top.values();
                for e in entries {
                    if let Some(b) = items.field_builder::<Int16Builder>(0) {
                        b.append_value(i16::try_from(e.rank).unwrap_or(i16::MAX));
                    }
                    for (i, text) in [(1, e.role_id), (2, e.title), (4, e.tier.as_str())] {
                        if let Some(b) = items.field_builder::<StringBuilder>(i) {
                            b.append_value(text);
                        }
                    }
                    if let Some(b) = items.field_builder::<Float64Builder>(3) {
                        b.append_value(e.readiness);
                    }
                    if let Some(b) = items.field_builder::<Int32Builder>(5) {
                        b.append_value(i32::try_from(e.unmet_must_haves.len()).unwrap_or(i32::MAX));
                    }
                    items.append(true);
                }
                top.append(true);
                error.push(None);
            }
            Err(err) => {
                top.append(false);
                error.push(Some(err));
            }
        }
    }
    (
        vec!["person_id".into(), "top_roles".into(), "error".into()],
        vec![
            Arc::new(person.finish()),
            Arc::new(top.finish()),
            error.finish(),
        ],
    )
}

/// The `wide` layout's columns: one float32 column per role, named by its
/// id, null in a bad row.
fn wide_columns(
    ids: &[Option<&str>],
    compiled: &core::CompiledCatalog,
    cells: &[f32],
    errors: &[Option<careerplan::Error>],
) -> (Vec<String>, Vec<ArrayRef>) {
    let n = compiled.len();
    let mut names = vec!["person_id".to_string()];
    let mut columns: Vec<ArrayRef> = vec![Arc::new(arrow_array::StringArray::from_iter(
        ids.iter().copied(),
    ))];
    for r in 0..n {
        names.push(compiled.role_id(r).to_string());
        let column: Float32Array = errors
            .iter()
            .enumerate()
            .map(|(p, e)| e.is_none().then(|| cells[p * n + r]))
            .collect();
        columns.push(Arc::new(column));
    }
    let mut error = ErrorColumn::new(errors.len());
    errors.iter().for_each(|e| error.push(e.as_ref()));
    names.push("error".into());
    columns.push(error.finish());
    (names, columns)
}

/// The `long` layout's columns: a row per (person, role) at or above
/// `min_readiness`, one row with the error for a bad person; `row` is the
/// person's row in the input.
fn long_columns(
    ids: &[Option<&str>],
    compiled: &core::CompiledCatalog,
    cells: &[f32],
    errors: &[Option<careerplan::Error>],
    min_readiness: Option<f64>,
) -> (Vec<String>, Vec<ArrayRef>) {
    let n = compiled.len();
    let mut row = Int64Builder::new();
    let mut person = StringBuilder::new();
    let mut role = StringBuilder::new();
    let mut readiness = Float32Builder::new();
    let mut error = ErrorColumn::new(errors.len());
    for (p, e) in errors.iter().enumerate() {
        if let Some(err) = e {
            row.append_value(p as i64);
            person.append_option(ids[p]);
            role.append_null();
            readiness.append_null();
            error.push(Some(err));
            continue;
        }
        for r in 0..n {
            let cell = cells[p * n + r];
            if min_readiness.is_some_and(|min| f64::from(cell) < min) {
                continue;
            }
            row.append_value(p as i64);
            person.append_option(ids[p]);
            role.append_value(compiled.role_id(r));
            readiness.append_value(cell);
            error.push(None);
        }
    }
    (
        vec![
            "row".into(),
            "person_id".into(),
            "role_id".into(),
            "readiness".into(),
            "error".into(),
        ],
        vec![
            Arc::new(row.finish()),
            Arc::new(person.finish()),
            Arc::new(role.finish()),
            Arc::new(readiness.finish()),
            error.finish(),
        ],
    )
}

/// Readiness of many people for the roles of a catalog, from Arrow columns.
///
/// `person_ids` is a string column (labels only; may hold nulls); `skills`
/// a column of `list<struct<skill: string, level: number, scale:
/// string>>` (`scale` optional, default the model's), one list per person.
/// `catalog` is a RoleCatalog (default: the built-in catalog); `options`
/// (RankOptions) as for `rank_roles`.
///
/// `layout`:
/// - `"top_k"` (default): one row per person, `person_id`, `top_roles`
///   (list of struct `rank` int16, `role_id`, `title`, `readiness` float64
///   to six decimals, `tier`, `unmet_must_have_count` int32 (the length of `rank_roles`' `unmet_must_haves` list); best first, as
///   `rank_roles` orders them; `k` of them, default 5, at or above
///   `min_readiness` when given), `error`.
/// - `"wide"`: one row per person, `person_id`, one float32 column per
///   role named by its id, `error`.
/// - `"long"`: one row per (person, role) at or above `min_readiness`:
///   `row` (int64, the person's input row), `person_id`, `role_id`,
///   `readiness` (float32), `error`.
///
/// A person whose skills cannot be read or do not fit the catalog's scales
/// gets an `error` (`code`, `path` such as `skills[2].level`, `message`)
/// and nulls, in one row; the others are computed as usual.
#[pyfunction]
#[pyo3(signature = (person_ids, skills, *, catalog=None, layout="top_k", k=None, min_readiness=None, options=None, threads=None))]
#[allow(clippy::too_many_arguments)]
fn readiness_batch(
    py: Python<'_>,
    person_ids: &Bound<'_, PyAny>,
    skills: &Bound<'_, PyAny>,
    catalog: Option<&Bound<'_, PyAny>>,
    layout: &str,
    k: Option<usize>,
    min_readiness: Option<f64>,
    options: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<ArrowBatch> {
    let layout = Layout::parse(layout)?;
    if layout != Layout::TopK && k.is_some() {
        return Err(PyValueError::new_err("k applies to layout='top_k' only"));
    }
    if layout == Layout::Wide && min_readiness.is_some() {
        return Err(PyValueError::new_err(
            "min_readiness applies to layout='top_k' and 'long', not 'wide'",
        ));
    }
    let id_column = import(person_ids, "person_ids")?;
    let ids = strings(&id_column, "person_ids")?;
    let skill_column = import(skills, "skills")?;
    let default_scale = crate::skills::default_scale(py)?;
    let read = ratings_from_column(&skill_column, &default_scale)?;
    if read.len() != ids.len() {
        return Err(PyValueError::new_err(format!(
            "person_ids has {} rows but skills has {}",
            ids.len(),
            read.len()
        )));
    }
    let options: core::RankOptions = options_arg(options)?;
    let catalog = crate::skills::catalog_arg(py, catalog)?;
    let catalog = &catalog.get().catalog;
    let compiled = released(py, || catalog.compiled_for(&options))?;
    let compiled: &core::CompiledCatalog = &compiled;
    // The good people are computed together (moved out, not copied: at a
    // hundred thousand people they are the call's largest allocation); a
    // bad row keeps its error in its slot.
    let mut good: Vec<Vec<Rating<'_>>> = Vec::with_capacity(read.len());
    let slots: Vec<Option<careerplan::Error>> = read
        .into_iter()
        .map(|r| match r {
            Ok(person) => {
                good.push(person);
                None
            }
            Err(err) => Some(err),
        })
        .collect();
    let (names, columns) = match layout {
        Layout::TopK => {
            let ranked = run(py, threads, || {
                core::rank_each(&good, compiled, Some(k.unwrap_or(5)), min_readiness)
            })?;
            let mut ranked = ranked.into_iter();
            let rows: Vec<_> = slots
                .into_iter()
                .map(|slot| match slot {
                    None => ranked.next().unwrap_or_else(|| Ok(Vec::new())),
                    Some(err) => Err(err),
                })
                .collect();
            top_k_columns(&ids, &rows)
        }
        Layout::Wide | Layout::Long => {
            let n = compiled.len();
            let size = slots.len().checked_mul(n).ok_or_else(|| {
                PyValueError::new_err("the readiness matrix does not fit in memory")
            })?;
            let mut good_cells = vec![0f32; good.len() * n];
            let good_errors = run(py, threads, || {
                core::fill_gap_rows(&good, compiled, &mut good_cells)
            })?
            .map_err(|e| crate::errors::to_py_err(py, &e))?;
            drop(good);
            let (cells, errors) = if slots.iter().all(Option::is_none) {
                (good_cells, good_errors)
            } else {
                // Spread the good rows back to their places among the bad ones.
                let mut cells = vec![f32::NAN; size];
                let mut errors = Vec::with_capacity(slots.len());
                let mut good_errors = good_errors.into_iter();
                let mut next = 0;
                for (p, slot) in slots.into_iter().enumerate() {
                    match slot {
                        None => {
                            cells[p * n..(p + 1) * n]
                                .copy_from_slice(&good_cells[next * n..(next + 1) * n]);
                            errors.push(good_errors.next().flatten());
                            next += 1;
                        }
                        Some(err) => errors.push(Some(err)),
                    }
                }
                (cells, errors)
            };
            if layout == Layout::Wide {
                wide_columns(&ids, compiled, &cells, &errors)
            } else {
                long_columns(&ids, compiled, &cells, &errors, min_readiness)
            }
        }
    };
    batch(py, schema_of(&names, &columns), columns)
}

/// The schema of `readiness_batch`'s result for `layout` (the `wide`
/// layout's role columns come from `catalog`, default the built-in one).
#[pyfunction]
#[pyo3(signature = (*, layout="top_k", catalog=None, options=None))]
fn readiness_schema(
    py: Python<'_>,
    layout: &str,
    catalog: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyAny>>,
) -> PyResult<ArrowSchema> {
    let (names, columns) = match Layout::parse(layout)? {
        Layout::TopK => top_k_columns(&[], &[]),
        Layout::Long => {
            // The built-in catalog's kept compiled form, not a new one per call.
            let catalog = core::Catalog::builtin()
                .compiled()
                .map_err(|e| crate::errors::to_py_err(py, &e))?;
            long_columns(&[], catalog, &[], &[], None)
        }
        Layout::Wide => {
            let options: core::RankOptions = options_arg(options)?;
            let catalog = crate::skills::catalog_arg(py, catalog)?;
            let catalog = &catalog.get().catalog;
            let compiled = released(py, || catalog.compiled_for(&options))?;
            wide_columns(&[], &compiled, &[], &[])
        }
    };
    Ok(ArrowSchema {
        schema: schema_of(&names, &columns),
    })
}

// ---- agenda_batch ---------------------------------------------------------------

/// The columns of `agenda_batch`.
fn agenda_columns(
    rows: &[Result<careerplan::schedule::PlanAgenda, careerplan::Error>],
) -> (Vec<String>, Vec<ArrayRef>) {
    let mut row = Int64Builder::new();
    let mut plan = StringBuilder::new();
    let mut date = Date32Builder::new();
    let mut kind = StringBuilder::new();
    let mut subject = StringBuilder::new();
    let mut title = StringBuilder::new();
    let mut error = ErrorColumn::new(rows.len());
    for (i, r) in rows.iter().enumerate() {
        match r {
            Ok(agenda) => {
                for e in &agenda.events {
                    row.append_value(i as i64);
                    plan.append_value(&agenda.plan_id);
                    date.append_value(days(e.date));
                    kind.append_value(e.kind.as_str());
                    subject.append_value(e.subject_id());
                    title.append_value(e.title());
                    error.push(None);
                }
            }
            Err(err) => {
                row.append_value(i as i64);
                plan.append_null();
                date.append_null();
                kind.append_null();
                subject.append_null();
                title.append_null();
                error.push(Some(err));
            }
        }
    }
    (
        [
            "row",
            "plan_id",
            "date",
            "kind",
            "subject_id",
            "title",
            "error",
        ]
        .map(String::from)
        .to_vec(),
        vec![
            Arc::new(row.finish()),
            Arc::new(plan.finish()),
            Arc::new(date.finish()),
            Arc::new(kind.finish()),
            Arc::new(subject.finish()),
            Arc::new(title.finish()),
            error.finish(),
        ],
    )
}

/// The review agenda of many plans, from a column of plan JSON text.
///
/// One row per event, as `agenda(plan, from_date, to_date, options)` gives
/// them, in plan order: `row` (int64, the plan's input row), `plan_id`,
/// `date` (date32), `kind`, `subject_id`, `title`, `error`. A plan with no
/// events in the window has no rows; a plan that cannot be read or
/// scheduled (a null, bad JSON, an impossible date) has one row with its
/// `row`, its `error` (`code`, `path` inside the plan, `message`) and nulls.
#[pyfunction]
#[pyo3(signature = (plans, from_date, to_date, *, options=None, threads=None))]
fn agenda_batch(
    py: Python<'_>,
    plans: &Bound<'_, PyAny>,
    from_date: &Bound<'_, PyAny>,
    to_date: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<ArrowBatch> {
    let from = date_arg(from_date, "from_date")?;
    let to = date_arg(to_date, "to_date")?;
    let options: careerplan::schedule::AgendaOptions = options_arg(options)?;
    let column = import(plans, "plans")?;
    let plans = strings(&column, "plans")?;
    let rows = run(py, threads, || {
        careerplan::schedule::agenda_each(&plans, from, to, &options)
    })?;
    let (names, columns) = agenda_columns(&rows);
    batch(py, schema_of(&names, &columns), columns)
}

/// The schema of `agenda_batch`'s result.
#[pyfunction]
fn agenda_schema() -> ArrowSchema {
    let (names, columns) = agenda_columns(&[]);
    ArrowSchema {
        schema: schema_of(&names, &columns),
    }
}

/// Add the Arrow functions and classes to the extension module. They are
/// re-exported by the pure-Python `careerplan.arrow`, not by `careerplan`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ArrowBatch>()?;
    m.add_class::<ArrowSchema>()?;
    m.add_function(wrap_pyfunction!(lint_batch, m)?)?;
    m.add_function(wrap_pyfunction!(lint_schema, m)?)?;
    m.add_function(wrap_pyfunction!(readiness_batch, m)?)?;
    m.add_function(wrap_pyfunction!(readiness_schema, m)?)?;
    m.add_function(wrap_pyfunction!(agenda_batch, m)?)?;
    m.add_function(wrap_pyfunction!(agenda_schema, m)?)?;
    Ok(())
}
