//! Python input data as JSON: the one way a dict, list or scalar from Python
//! reaches the core.
//!
//! Plans, profiles, catalogs, options, contexts and reviews are all read
//! through [`json_value`], so every input accepts the same Python types in
//! the same way, at any depth:
//!
//! - `dict` (and any other `Mapping`) with `str` keys, `list`, `tuple` (and
//!   any other `Sequence` that is not text or bytes), `str`, `int`, `float`,
//!   `bool` and `None`, as their JSON counterparts;
//! - `datetime.date` as its ISO `"YYYY-MM-DD"` string, the form the core's
//!   date fields read (so `{"deadline": date(2027, 6, 30)}` and
//!   `{"deadline": "2027-06-30"}` are the same plan);
//! - `datetime.datetime` (a subclass of `date`) is refused with the path of
//!   the value: read as a date it would silently lose its time, and read as
//!   an instant a naive one has no offset. Callers pass `.date()` for a date
//!   or `.isoformat()` for an instant (`created`, `updated`, `dtstamp`).
//!
//! Anything else (a set, bytes, a NaN, an int beyond 64 bits, a non-`str`
//! key, nesting deeper than [`MAX_DEPTH`]) raises `InvalidValueError` whose
//! `path` is where the value sits, e.g. `goals[0].deadline`, rather than
//! being guessed at or dropped.

use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyMapping,
    PySequence, PyString, PyTuple,
};
use serde_json::{Map, Number, Value};

use crate::errors::to_py_err;

/// Deepest nesting accepted: the core's [`careerplan::limits::MAX_NESTING`],
/// as JSON text is read (the core then checks `Limits.max_depth`). A Python
/// list that contains itself would otherwise recurse until the stack ends.
pub(crate) const MAX_DEPTH: usize = careerplan::limits::MAX_NESTING;

/// How a date-like Python object is read.
pub(crate) enum DateLike {
    /// A `datetime.date`, as `YYYY-MM-DD`.
    Date(String),
    /// A `datetime.datetime`, which careerplan refuses where a date goes.
    DateTime,
}

/// Classify `obj` as a `datetime.date` or `datetime.datetime`, or `None`
/// for anything else. Shared by [`json_value`] and the top-level date
/// arguments ([`crate::convert::date_arg`]).
pub(crate) fn date_like(obj: &Bound<'_, PyAny>) -> PyResult<Option<DateLike>> {
    if obj.cast::<PyDateTime>().is_ok() {
        Ok(Some(DateLike::DateTime))
    } else if obj.cast::<PyDate>().is_ok() {
        Ok(Some(DateLike::Date(
            obj.call_method0("isoformat")?.extract::<String>()?,
        )))
    } else {
        Ok(None)
    }
}

/// `obj` as a JSON value; a value that has no JSON form raises
/// `InvalidValueError` with its path below `root` (an argument name such as
/// `options`, or `""` for a document).
pub(crate) fn json_value(obj: &Bound<'_, PyAny>, root: &str) -> PyResult<Value> {
    match walk(obj, 0) {
        Ok(value) => Ok(value),
        Err(Walk::Py(err)) => Err(err),
        Err(Walk::Bad { rev_path, message }) => {
            let mut path = root.to_string();
            for segment in rev_path.iter().rev() {
                match segment {
                    Segment::Key(key) if path.is_empty() => path.push_str(key),
                    Segment::Key(key) => {
                        path.push('.');
                        path.push_str(key);
                    }
                    Segment::Index(i) => path.push_str(&format!("[{i}]")),
                }
            }
            let err = careerplan::Error::InvalidValue { path, message };
            Err(to_py_err(obj.py(), &err))
        }
    }
}

/// One step of a path, collected while an error unwinds (so a successful
/// conversion builds no path at all).
enum Segment {
    Key(String),
    Index(usize),
}

enum Walk {
    Py(PyErr),
    Bad {
        rev_path: Vec<Segment>,
        message: String,
    },
}

impl From<PyErr> for Walk {
    fn from(err: PyErr) -> Walk {
        Walk::Py(err)
    }
}

fn bad(message: String) -> Walk {
    Walk::Bad {
        rev_path: Vec::new(),
        message,
    }
}

/// Add `segment` to the path of an error coming out of a nested value.
fn at(segment: impl FnOnce() -> Segment) -> impl FnOnce(Walk) -> Walk {
    move |err| match err {
        Walk::Bad {
            mut rev_path,
            message,
        } => {
            rev_path.push(segment());
            Walk::Bad { rev_path, message }
        }
        py => py,
    }
}

fn walk(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Walk> {
    if depth > MAX_DEPTH {
        return Err(bad(format!("nested more than {MAX_DEPTH} levels deep")));
    }
    // The common types first, by cheap exact checks; bool before int, of
    // which it is a subclass.
    if obj.is_none() {
        Ok(Value::Null)
    } else if let Ok(b) = obj.cast::<PyBool>() {
        Ok(Value::Bool(b.is_true()))
    } else if let Ok(s) = obj.cast::<PyString>() {
        Ok(Value::String(s.to_cow()?.into_owned()))
    } else if obj.cast::<PyInt>().is_ok() {
        if let Ok(n) = obj.extract::<i64>() {
            Ok(Value::Number(n.into()))
        } else if let Ok(n) = obj.extract::<u64>() {
            Ok(Value::Number(n.into()))
        } else {
            Err(bad(format!(
                "the integer {} does not fit in 64 bits",
                obj.str()?.to_cow()?
            )))
        }
    } else if let Ok(f) = obj.cast::<PyFloat>() {
        let f = f.value();
        Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| bad(format!("expected a finite number, got {f}")))
    } else if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, value) in dict.iter() {
            let key = key_text(&key)?;
            let value = walk(&value, depth + 1).map_err(at(|| Segment::Key(key.clone())))?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    } else if let Ok(list) = obj.cast::<PyList>() {
        let mut items = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            items.push(walk(&item, depth + 1).map_err(at(|| Segment::Index(i)))?);
        }
        Ok(Value::Array(items))
    } else if let Ok(tuple) = obj.cast::<PyTuple>() {
        let mut items = Vec::with_capacity(tuple.len());
        for (i, item) in tuple.iter().enumerate() {
            items.push(walk(&item, depth + 1).map_err(at(|| Segment::Index(i)))?);
        }
        Ok(Value::Array(items))
    } else if let Some(date) = date_like(obj)? {
        match date {
            DateLike::Date(iso) => Ok(Value::String(iso)),
            DateLike::DateTime => Err(bad(format!(
                "expected a datetime.date or a 'YYYY-MM-DD' string, got the datetime {} (pass \
                 .date() for a date, .isoformat() for an instant)",
                obj.str()?.to_cow()?
            ))),
        }
    } else if let Ok(mapping) = obj.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in mapping.items()?.iter() {
            let (key, value) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
            let key = key_text(&key)?;
            let value = walk(&value, depth + 1).map_err(at(|| Segment::Key(key.clone())))?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    } else if obj.cast::<PySequence>().is_ok()
        && !obj.is_instance_of::<PyBytes>()
        && !obj.is_instance_of::<PyByteArray>()
    {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(walk(&item?, depth + 1).map_err(at(|| Segment::Index(i)))?);
        }
        Ok(Value::Array(items))
    } else {
        Err(bad(format!(
            "expected JSON-like data (dict, list, str, int, float, bool, None) or a \
             datetime.date, got {}",
            obj.get_type().name()?
        )))
    }
}

/// A mapping key, which JSON requires to be text.
fn key_text(key: &Bound<'_, PyAny>) -> Result<String, Walk> {
    match key.cast::<PyString>() {
        Ok(key) => Ok(key.to_cow()?.into_owned()),
        Err(_) => Err(bad(format!(
            "keys must be str, got the {} {}",
            key.get_type().name()?,
            key.repr()?.to_cow()?
        ))),
    }
}
