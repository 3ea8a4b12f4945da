//! The skill-gap engine: gap reports, role ranking, career changes, team
//! matrices, role catalogs (built-in, JSON, O*NET) and JSON Resume import.
//!
//! Each function converts its arguments, calls one core function with the
//! GIL released ([`released`]), and converts the result. Who a calculation is
//! about (a plan, a person or a profile) is told apart by the core
//! ([`careerplan::skills::input`]). Two classes hold Rust data that should
//! not cross into Python on every call:
//!
//! - [`RoleCatalog`] keeps a catalog and, compiled on first use with the
//!   default options, the core's [`CompiledCatalog`]; so ranking against
//!   O*NET's 879 occupations compiles them once, not per call.
//! - [`Team`] keeps people converted once, so team views over the same
//!   people (a matrix per catalog, per options) do not read the same
//!   thousands of dicts again.
//! - [`GapMatrix`] keeps the `f32` cells in the `bytes` object the core wrote
//!   them into ([`core::fill_gap_matrix`], GIL released) and hands Python a
//!   read-only `memoryview` of it rather than millions of float objects.

use std::io;
use std::path::{Path, PathBuf};

use careerplan::plan::Profile;
use careerplan::skills::esco::{self, EscoOptions, EscoSources, EscoStats};
use careerplan::skills::files::{FilesError, NamedFiles};
use careerplan::skills::onet::{self, OnetOptions, OnetStats};
use careerplan::skills::resume::{self, ResumeOptions};
use careerplan::skills::{
    self as core, Catalog, CompiledCatalog, GapOptions, Person, RankOptions, RoleRef,
};
use pyo3::exceptions::{PyFileNotFoundError, PyIndexError, PyMemoryError, PyOSError, PyTypeError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyMemoryView, PyString};

use crate::convert::{from_py, options_arg, to_py};
use crate::errors::{guarded, released, to_py_err};
use crate::input::json_value;

// ---- arguments ----------------------------------------------------------------

/// Whose skills: a plan or a profile (or a person) as JSON text or a dict.
fn profile_arg(obj: &Bound<'_, PyAny>) -> PyResult<Profile> {
    let py = obj.py();
    if let Ok(text) = obj.cast::<PyString>() {
        let text = text.to_cow()?;
        guarded(py, || core::input::profile_from_json(&text))
    } else if obj.cast::<PyMapping>().is_ok() {
        let value = json_value(obj, "")?;
        guarded(py, || core::input::profile_from_value(value))
    } else {
        Err(PyTypeError::new_err(format!(
            "expected a plan or a profile as a JSON str or a dict, got {}",
            obj.get_type().name()?
        )))
    }
}

/// A list of people: plans, `Person` dicts or profiles, as dicts or JSON text.
fn people_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Person>> {
    let py = obj.py();
    if obj.cast::<PyString>().is_ok() || obj.cast::<PyMapping>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "people: expected a list of plans, people or profiles, got {}",
            obj.get_type().name()?
        )));
    }
    let mut people = Vec::with_capacity(obj.len().unwrap_or(0));
    let default_scale = default_scale(py)?;
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        if let Some(person) = plain_person(&item, &default_scale)? {
            people.push(person);
            continue;
        }
        let root = format!("people[{i}]");
        let person = if let Ok(text) = item.cast::<PyString>() {
            let text = text.to_cow()?;
            guarded(py, || core::input::person_from_json(&text, &root))?
        } else if item.cast::<PyMapping>().is_ok() {
            let value = json_value(&item, &root)?;
            guarded(py, || core::input::person_from_value(value, &root))?
        } else {
            return Err(PyTypeError::new_err(format!(
                "{root}: expected a plan, a person or a profile as a dict or JSON str, got {}",
                item.get_type().name()?
            )));
        };
        people.push(person);
    }
    Ok(people)
}

/// The scale of an assessment that names none, as the plan model defines it.
pub(crate) fn default_scale(py: Python<'_>) -> PyResult<String> {
    let probe = serde_json::json!({"skill": "", "level": 0});
    let assessment: careerplan::plan::SkillAssessment =
        guarded(py, || careerplan::json::from_value(probe, ""))?;
    Ok(assessment.scale)
}

/// The common shape of a person in a team export, read without the generic
/// conversion: a dict with a str `id`, an optional str `name` and a list
/// `skills` of dicts with just a str `skill`, a number `level` and an
/// optional str `scale`. By the core's rules
/// ([`careerplan::skills::input`]) such a dict is a person, and these
/// fields read as the model reads them, so the result is the same as the
/// generic path's; anything else (a plan, a profile, another field, another
/// type) returns `None` and goes the generic way, which also reports errors
/// with their paths. A test checks both ways agree.
fn plain_person(item: &Bound<'_, PyAny>, default_scale: &str) -> PyResult<Option<Person>> {
    let py = item.py();
    let Ok(dict) = item.cast_exact::<PyDict>() else {
        return Ok(None);
    };
    let Some(id) = exact_str(dict, intern!(py, "id"))? else {
        return Ok(None);
    };
    let name = match dict.get_item(intern!(py, "name"))? {
        None => None,
        Some(n) => match n.cast_exact::<PyString>() {
            Ok(n) => Some(n.to_cow()?.into_owned()),
            Err(_) => return Ok(None),
        },
    };
    let Some(list) = dict.get_item(intern!(py, "skills"))? else {
        return Ok(None);
    };
    let Ok(list) = list.cast_exact::<PyList>() else {
        return Ok(None);
    };
    if dict.len() != 2 + usize::from(name.is_some()) {
        return Ok(None);
    }
    let mut skills = Vec::with_capacity(list.len());
    for entry in list.iter() {
        let Ok(entry) = entry.cast_exact::<PyDict>() else {
            return Ok(None);
        };
        let Some(skill) = exact_str(entry, intern!(py, "skill"))? else {
            return Ok(None);
        };
        let Some(level) = entry.get_item(intern!(py, "level"))? else {
            return Ok(None);
        };
        let level = if let Ok(f) = level.cast_exact::<PyFloat>() {
            f.value()
        } else if level.is_exact_instance_of::<PyInt>() {
            match level.extract::<i64>() {
                Ok(n) => n as f64,
                Err(_) => return Ok(None),
            }
        } else {
            return Ok(None);
        };
        let scale = match entry.get_item(intern!(py, "scale"))? {
            None => None,
            Some(s) => match s.cast_exact::<PyString>() {
                Ok(s) => Some(s.to_cow()?.into_owned()),
                Err(_) => return Ok(None),
            },
        };
        if entry.len() != 2 + usize::from(scale.is_some()) {
            return Ok(None);
        }
        skills.push(careerplan::plan::SkillAssessment {
            skill,
            level,
            scale: scale.unwrap_or_else(|| default_scale.to_string()),
            assessed_on: None,
            evidence: None,
            source: Default::default(),
            extra: Default::default(),
        });
    }
    Ok(Some(Person {
        id,
        name,
        skills,
        extra: Default::default(),
    }))
}

/// The str at `key` of `dict`, or `None` when absent or not exactly a str.
fn exact_str(dict: &Bound<'_, PyDict>, key: &Bound<'_, PyString>) -> PyResult<Option<String>> {
    Ok(match dict.get_item(key)? {
        Some(v) => match v.cast_exact::<PyString>() {
            Ok(v) => Some(v.to_cow()?.into_owned()),
            Err(_) => None,
        },
        None => None,
    })
}

/// A role argument: a str is a role id, a mapping a role read at `root`.
fn role_arg(obj: &Bound<'_, PyAny>, name: &str, root: &str) -> PyResult<RoleRef> {
    if let Ok(text) = obj.cast::<PyString>() {
        Ok(RoleRef::Id(text.to_cow()?.into_owned()))
    } else if obj.cast::<PyMapping>().is_ok() {
        Ok(RoleRef::Role(Box::new(from_py(obj, root)?)))
    } else {
        Err(PyTypeError::new_err(format!(
            "{name}: expected a role id (str) or a role (dict), got {}",
            obj.get_type().name()?
        )))
    }
}

/// The catalog the role arguments `roles` are looked up in, by the core's
/// rules ([`RoleRef::catalog_for`]): `catalog=` when given, else the
/// built-in one. A catalog beside a role dict, or an id beside a role dict,
/// is a misuse of the arguments: a TypeError.
fn roles_catalog<'py>(
    py: Python<'py>,
    roles: &[&RoleRef],
    catalog: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, RoleCatalog>> {
    let given = match catalog {
        Some(obj) if !obj.is_none() => Some(catalog_arg(py, Some(obj))?),
        _ => None,
    };
    RoleRef::catalog_for(roles, given.as_ref().map(|c| &c.get().catalog), "catalog")
        .map_err(|e| PyTypeError::new_err(e.to_string()))?;
    match given {
        Some(catalog) => Ok(catalog),
        None => builtin(py),
    }
}

/// The catalog argument: `None` for the built-in catalog, a [`RoleCatalog`],
/// or anything `RoleCatalog.from_json` reads (converted on every call).
pub(crate) fn catalog_arg<'py>(
    py: Python<'py>,
    obj: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, RoleCatalog>> {
    match obj {
        Some(obj) if !obj.is_none() => match obj.cast::<RoleCatalog>() {
            Ok(catalog) => Ok(catalog.clone()),
            Err(_) => Bound::new(py, RoleCatalog::read(obj)?),
        },
        _ => builtin(py),
    }
}

// ---- RoleCatalog ----------------------------------------------------------------

/// A catalog of roles and the scales and aliases they use: the built-in
/// starter catalog (`builtin_roles()`), one read from JSON
/// (`RoleCatalog.from_json`, or `RoleCatalog(data)`), O*NET's occupations
/// (`RoleCatalog.from_onet`) or ESCO's (`RoleCatalog.from_esco`).
///
/// Pass it as `catalog=` to `skill_gap`, `rank_roles`, `transferable_skills`,
/// `gap_matrix` and `draft_plan`. It is immutable, and compiled for ranking once, on first
/// use, so rankings and matrices over a large catalog do not redo that work
/// (calls with non-default `options` compile it for that call). A catalog is
/// checked when it is first used: a bad field raises with its path, e.g.
/// `roles[3].requirements[0].scale`.
#[pyclass(module = "careerplan", name = "RoleCatalog", frozen)]
pub(crate) struct RoleCatalog {
    /// The roles, with their compiled form kept by the core.
    pub(crate) catalog: Catalog,
    onet_stats: Option<OnetStats>,
    esco_stats: Option<EscoStats>,
}

impl RoleCatalog {
    fn new(catalog: core::RoleCatalog, onet_stats: Option<OnetStats>) -> RoleCatalog {
        RoleCatalog {
            catalog: Catalog::new(catalog),
            onet_stats,
            esco_stats: None,
        }
    }

    /// A catalog from JSON text, a dict (`{"roles": [...], ...}`) or a list
    /// of roles.
    fn read(obj: &Bound<'_, PyAny>) -> PyResult<RoleCatalog> {
        let py = obj.py();
        let catalog = if let Ok(text) = obj.cast::<PyString>() {
            let text = text.to_cow()?;
            guarded(py, || core::RoleCatalog::from_json(&text))?
        } else if obj.cast::<PyMapping>().is_ok() || obj.is_instance_of::<pyo3::types::PyList>() {
            let value = json_value(obj, "")?;
            guarded(py, || core::RoleCatalog::from_value(value))?
        } else {
            return Err(PyTypeError::new_err(format!(
                "expected a role catalog as a JSON str, a dict or a list of roles, got {}",
                obj.get_type().name()?
            )));
        };
        Ok(RoleCatalog::new(catalog, None))
    }
}

/// The built-in catalog, one object for the process.
fn builtin(py: Python<'_>) -> PyResult<Bound<'_, RoleCatalog>> {
    static BUILTIN: PyOnceLock<Py<RoleCatalog>> = PyOnceLock::new();
    let catalog = BUILTIN.get_or_try_init(py, || {
        // The roles as read, not `Catalog::builtin()`: that one would be a
        // second copy for the process, kept and never used here.
        Py::new(py, RoleCatalog::new(core::builtin_roles().clone(), None))
    })?;
    Ok(catalog.bind(py).clone())
}

#[pymethods]
impl RoleCatalog {
    /// Read a catalog, as `RoleCatalog.from_json` does. `onet_stats` (the
    /// `onet_stats` of an O*NET import) is kept with it; pickling passes it.
    #[new]
    #[pyo3(signature = (catalog, *, onet_stats=None))]
    fn py_new(
        catalog: &Bound<'_, PyAny>,
        onet_stats: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<RoleCatalog> {
        let mut read = RoleCatalog::read(catalog)?;
        if let Some(stats) = onet_stats.filter(|s| !s.is_none()) {
            read.onet_stats = Some(from_py(stats, "onet_stats")?);
        }
        Ok(read)
    }

    /// Pickle by data: the catalog's JSON text and its `onet_stats`, so a
    /// closure that captures a catalog works on Spark, Dask or Ray (it is
    /// compiled again, once, where it is unpickled).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let py = slf.py();
        let this = slf.get();
        let state = pyo3::types::PyDict::new(py);
        if let Some(stats) = &this.onet_stats {
            state.set_item("onet_stats", to_py(py, stats)?)?;
        }
        let partial = py
            .import("functools")?
            .getattr("partial")?
            .call((slf.get_type(),), Some(&state))?;
        Ok((partial, (this.catalog.data().to_json(),)))
    }

    /// Read a catalog from JSON text, a dict `{"roles": [...], "scales":
    /// [...], "aliases": {...}, "attribution": ...}` or a bare list of roles
    /// (what `careerplan roles --format json` prints).
    ///
    /// Raises InvalidJsonError or InvalidValueError with the path of the bad
    /// field (`roles[3].requirements[0].level`).
    #[staticmethod]
    fn from_json(catalog: &Bound<'_, PyAny>) -> PyResult<RoleCatalog> {
        RoleCatalog::read(catalog)
    }

    /// Import O*NET's occupations from the database files in `directory`:
    /// `Skills.txt`, `Knowledge.txt` (unless `knowledge` is False), titles
    /// from `Occupation Data.txt`, and the version for the attribution from
    /// `ONET_Read_Me.txt` (unless `options["version"]` is set). Files that
    /// are absent are skipped; at least one ratings file must be there.
    ///
    /// One role per occupation, id the O*NET-SOC code (`11-1011.00`): level
    /// is O*NET's LV on `onet-level-0-7`, importance its IM (1-5), and
    /// importance of 4 or more makes a must-have. `options` (OnetOptions) may
    /// set `version`, `not_relevant` and `recommend_suppress` (`"drop"` or
    /// `"keep"`; by default Not Relevant ratings are dropped, suppressed ones
    /// kept and marked `low_precision`), `must_have_importance` and
    /// `descriptions`. Every role, and every result derived from them,
    /// carries O*NET's attribution. What the import did is in `onet_stats`.
    ///
    /// Raises FileNotFoundError when the directory has neither ratings file,
    /// OSError when a file cannot be read, InvalidTableError (path
    /// `Skills.txt:LINE`) for a row that does not fit O*NET's layout.
    #[staticmethod]
    #[pyo3(signature = (directory, options=None, knowledge=true))]
    fn from_onet(
        py: Python<'_>,
        directory: std::path::PathBuf,
        options: Option<&Bound<'_, PyAny>>,
        knowledge: bool,
    ) -> PyResult<RoleCatalog> {
        let options: OnetOptions = options_arg(options)?;
        let mut files = Directory(directory.clone());
        let imported = py
            .detach(|| onet::import_files(&mut files, &options, knowledge))
            .map_err(|e| import_error(py, &directory, e))?;
        Ok(RoleCatalog::new(imported.catalog, Some(imported.stats)))
    }

    /// Import ESCO's occupations from its CSV download: either the text of
    /// the three files, `from_esco(occupations, skills, relations)`
    /// (`occupations_<lang>.csv`, `skills_<lang>.csv`,
    /// `occupationSkillRelations_<lang>.csv`, any language), or a directory
    /// holding them, `from_esco(directory)` (the language is found from the
    /// file names).
    ///
    /// One role per occupation with skills, id the UUID at the end of its
    /// URI, `external_id` the URI, `family` its ISCO-08 group. Essential
    /// skills are must-haves (importance 4), optional ones nice-to-haves
    /// (importance 2); skill URIs are kept as `external_id`, alternative
    /// labels become aliases. ESCO has no levels: every requirement is level
    /// 3 ("competent") on `dreyfus-5` unless `options` (EscoOptions) sets
    /// `level` and `scale`; it may also set `essential_importance`,
    /// `optional_importance`, `optional` (False: essential skills only),
    /// `descriptions`, `aliases`, `version` and `language`. Every role
    /// carries ESCO's attribution. What the import did is in `esco_stats`.
    ///
    /// Raises TypeError when only some of the three texts are given,
    /// FileNotFoundError when the directory has no ESCO files, OSError when
    /// a file cannot be read, InvalidTableError (path `<file>:LINE`) for a
    /// row that does not fit ESCO's layout.
    #[staticmethod]
    #[pyo3(signature = (occupations, skills=None, relations=None, options=None))]
    fn from_esco(
        py: Python<'_>,
        occupations: &Bound<'_, PyAny>,
        skills: Option<String>,
        relations: Option<String>,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<RoleCatalog> {
        let options: EscoOptions = options_arg(options)?;
        let imported = match (skills, relations) {
            (Some(s), Some(r)) => {
                let o = occupations.extract::<String>()?;
                let sources = EscoSources {
                    occupations: &o,
                    skills: &s,
                    relations: &r,
                };
                released(py, || esco::import(&sources, &options))?
            }
            (None, None) => {
                let dir: PathBuf = occupations.extract()?;
                let mut files = Directory(dir.clone());
                py.detach(|| esco::import_files(&mut files, &options))
                    .map_err(|e| import_error(py, &dir, e))?
            }
            _ => {
                return Err(PyTypeError::new_err(
                    "from_esco takes the text of all three files (occupations, skills, \
                     relations) or one directory",
                ));
            }
        };
        let mut catalog = RoleCatalog::new(imported.catalog, None);
        catalog.esco_stats = Some(imported.stats);
        Ok(catalog)
    }

    /// For a catalog from `from_esco`, the counts of the import (rows,
    /// occupations, requirements, essential and optional links, aliases,
    /// relations left out, ...); otherwise None.
    #[getter]
    fn esco_stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.esco_stats)
    }

    /// The roles, as dicts (a new list on every access).
    #[getter]
    fn roles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.catalog.roles)
    }

    /// The catalog's name, if it has one.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.catalog.name.as_deref()
    }

    /// The attribution the catalog's data source requires (O*NET's), if any.
    #[getter]
    fn attribution(&self) -> Option<&str> {
        self.catalog.attribution.as_deref()
    }

    /// For a catalog from `from_onet`, the counts of the import (rows,
    /// occupations, requirements, flagged ratings dropped or kept, ...);
    /// otherwise None.
    #[getter]
    fn onet_stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.onet_stats)
    }

    /// The role with this id, as a dict. Raises InvalidArgumentError (path
    /// `role`, naming close ids) when there is none.
    fn role<'py>(&self, py: Python<'py>, role_id: &str) -> PyResult<Bound<'py, PyAny>> {
        let role = guarded(py, || self.catalog.role(role_id))?;
        to_py(py, role)
    }

    /// The whole catalog as a dict, the shape `from_json` reads.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.catalog.data())
    }

    /// The catalog as pretty JSON text (trailing newline).
    fn to_json(&self) -> String {
        self.catalog.to_json()
    }

    fn __len__(&self) -> usize {
        self.catalog.roles.len()
    }

    fn __repr__(&self) -> String {
        match &self.catalog.name {
            Some(name) => format!("<RoleCatalog {name:?}, {} roles>", self.catalog.roles.len()),
            None => format!("<RoleCatalog, {} roles>", self.catalog.roles.len()),
        }
    }
}

/// A directory of data files for the core's imports, which decide what to
/// read and what may be missing; reading is this face's (with the GIL
/// released).
struct Directory(PathBuf);

impl NamedFiles for Directory {
    type Error = (String, io::Error);

    fn read(&mut self, name: &str) -> Result<Option<String>, Self::Error> {
        let path = self.0.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err((path.display().to_string(), e)),
        }
    }

    fn names(&mut self) -> Result<Vec<String>, Self::Error> {
        Ok(std::fs::read_dir(&self.0)
            .map_err(|e| (self.0.display().to_string(), e))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect())
    }
}

/// An import's failure in Python: OSError (FileNotFoundError for a missing
/// file or directory) naming the path, else the core's error.
fn import_error(py: Python<'_>, dir: &Path, err: FilesError<(String, io::Error)>) -> PyErr {
    match err {
        FilesError::Read((path, err)) => {
            let message = format!("{path}: {err}");
            match err.kind() {
                io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
                _ => PyOSError::new_err(message),
            }
        }
        FilesError::Missing(e) => {
            PyFileNotFoundError::new_err(format!("{}: {}", dir.display(), e.message()))
        }
        FilesError::Invalid(e) => to_py_err(py, &e),
    }
}

/// The built-in starter catalog: 30 illustrative roles written for
/// careerplan (project manager and senior project manager, team lead,
/// engineering manager, data analyst and scientist, security analyst, UX
/// designer, product manager, registered and charge nurse, HR business
/// partner, marketing manager, ...). The same object on every call.
#[pyfunction]
fn builtin_roles(py: Python<'_>) -> PyResult<Bound<'_, RoleCatalog>> {
    builtin(py)
}

// ---- GapMatrix ------------------------------------------------------------------

/// Readiness of every person for every role, as `gap_matrix` returns it.
///
/// `readiness` is a read-only `memoryview` of 32-bit floats (format `'f'`),
/// row-major: person `p`'s readiness for role `r` is at `p * len(role_ids) +
/// r`. NumPy reads it without a copy:
/// `numpy.frombuffer(m.readiness, numpy.float32).reshape(m.shape)`.
/// `get(p, r)` and `row(p)` read single cells and rows; `to_dict()` gives the
/// JSON shape (`readiness` as one list per person).
#[pyclass(module = "careerplan", name = "GapMatrix", frozen)]
pub(crate) struct GapMatrix {
    /// Ids and attribution; its `readiness` stays empty, the cells are in
    /// `cells`.
    labels: core::GapMatrix,
    /// The cells, row-major, as native-endian `f32`: the core wrote the
    /// matrix straight into this object, and the memoryview shares it.
    cells: Py<PyBytes>,
    readiness: PyOnceLock<Py<PyAny>>,
}

impl GapMatrix {
    /// Compute the matrix of `people` against `compiled` into a new `bytes`
    /// object, with the GIL released.
    fn compute(
        py: Python<'_>,
        people: &[Person],
        compiled: &CompiledCatalog,
    ) -> PyResult<GapMatrix> {
        let n = compiled.len();
        let size = people
            .len()
            .checked_mul(n)
            .and_then(|cells| cells.checked_mul(4))
            .ok_or_else(|| PyMemoryError::new_err("the matrix does not fit in memory"))?;
        let cells = PyBytes::new_with(py, size, |buf| {
            match bytemuck::try_cast_slice_mut::<u8, f32>(buf) {
                Ok(out) => released(py, || core::fill_gap_matrix(people, compiled, out)),
                // CPython's bytes are aligned for f32; were they not, compute
                // aside and copy.
                Err(_) => {
                    let mut out = vec![0f32; people.len() * n];
                    released(py, || core::fill_gap_matrix(people, compiled, &mut out))?;
                    buf.copy_from_slice(bytemuck::cast_slice(&out));
                    Ok(())
                }
            }
        })?;
        Ok(GapMatrix {
            labels: core::GapMatrix::labels(people, compiled),
            cells: cells.unbind(),
            readiness: PyOnceLock::new(),
        })
    }

    /// Cells `range` (in range) of the row-major matrix.
    fn read_cells(&self, py: Python<'_>, range: std::ops::Range<usize>) -> Vec<f32> {
        let bytes = &self.cells.bind(py).as_bytes()[range.start * 4..range.end * 4];
        bytes
            .chunks_exact(4)
            .map(bytemuck::pod_read_unaligned)
            .collect()
    }
}

#[pymethods]
impl GapMatrix {
    /// The people's ids, in input order (a plan's id; `""` for a profile).
    #[getter]
    fn person_ids(&self) -> Vec<String> {
        self.labels.person_ids.clone()
    }

    /// The roles' ids, in catalog order.
    #[getter]
    fn role_ids(&self) -> Vec<String> {
        self.labels.role_ids.clone()
    }

    /// The catalog's attribution (O*NET's), if it requires one.
    #[getter]
    fn attribution(&self) -> Option<&str> {
        self.labels.attribution.as_deref()
    }

    /// `(number of people, number of roles)`.
    #[getter]
    fn shape(&self) -> (usize, usize) {
        (self.labels.person_ids.len(), self.labels.role_ids.len())
    }

    /// Every cell, row-major, as a read-only memoryview of float32.
    #[getter]
    fn readiness<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let view = self
            .readiness
            .get_or_try_init(py, || -> PyResult<Py<PyAny>> {
                let view = PyMemoryView::from(self.cells.bind(py).as_any())?
                    .call_method1("cast", ("f",))?;
                Ok(view.unbind())
            })?;
        Ok(view.bind(py).clone())
    }

    /// Readiness of person `person` for role `role` (indices into
    /// `person_ids` and `role_ids`). Raises IndexError out of range.
    fn get(&self, py: Python<'_>, person: usize, role: usize) -> PyResult<f32> {
        let (people, roles) = self.shape();
        if person >= people || role >= roles {
            return Err(PyIndexError::new_err(format!(
                "cell ({person}, {role}) is outside the {people} x {roles} matrix"
            )));
        }
        let at = person * roles + role;
        Ok(self.read_cells(py, at..at + 1)[0])
    }

    /// One person's readiness for every role, in `role_ids` order. Raises
    /// IndexError out of range.
    fn row(&self, py: Python<'_>, person: usize) -> PyResult<Vec<f32>> {
        let (people, roles) = self.shape();
        if person >= people {
            return Err(PyIndexError::new_err(format!(
                "person {person} is outside the matrix of {people} people"
            )));
        }
        Ok(self.read_cells(py, person * roles..(person + 1) * roles))
    }

    /// The matrix as plain data in its JSON shape: `person_ids`, `role_ids`,
    /// `readiness` (one list per person) and `attribution` when required.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let matrix = core::GapMatrix {
            readiness: self.read_cells(
                py,
                0..self.labels.person_ids.len() * self.labels.role_ids.len(),
            ),
            ..self.labels.clone()
        };
        to_py(py, &matrix)
    }

    fn __len__(&self) -> usize {
        self.labels.person_ids.len()
    }

    fn __repr__(&self) -> String {
        let (people, roles) = self.shape();
        format!("<GapMatrix {people} people x {roles} roles>")
    }
}

// ---- functions ------------------------------------------------------------------

/// Compare a person with a role: per requirement the current and required
/// level (on the role's scale and normalised to 0..1), gap, weight,
/// contribution, priority and estimated hours; the weighted readiness (0 to
/// 1, the sum of the contributions), tier, unmet must-haves, strengths,
/// unmatched skills and total hours.
///
/// `plan_or_profile` is a plan, a profile or a person (JSON text or a dict).
/// `role` is a role id, looked up in `catalog` (a RoleCatalog, or the
/// built-in catalog when None), or a role dict (then `catalog` must be None).
/// `options` (GapOptions) may set `scales`, `aliases`, `hours_per_step`
/// (default 40), `today` and `max_assessment_age_days` (stale assessments
/// lower `confidence`), `tiers` and a `learning` catalog of activities.
///
/// Raises InvalidArgumentError (path `role`) for an unknown role id or bad
/// options, InvalidValueError with the path of a bad field
/// (`profile.skills[2].scale`, `roles[4].requirements[0].level`).
#[pyfunction]
#[pyo3(signature = (plan_or_profile, role, options=None, *, catalog=None))]
fn skill_gap<'py>(
    plan_or_profile: &Bound<'py, PyAny>,
    role: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    catalog: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan_or_profile.py();
    let profile = profile_arg(plan_or_profile)?;
    let options: GapOptions = options_arg(options)?;
    let role = role_arg(role, "role", "")?;
    let catalog = roles_catalog(py, &[&role], catalog)?;
    let catalog = &catalog.get().catalog;
    let report = released(py, || catalog.skill_gap(&profile, &role, &options))?;
    to_py(py, &report)
}

/// Score every role of `catalog` (the built-in catalog when None) for a
/// person and order them, best first: dicts with `role_id`, `title`,
/// `readiness` (six decimals), `tier` (`ready_now`, `within_a_year`,
/// `stretch`, `aspirational`), `rank` (1 first), `unmet_must_haves` and,
/// for O*NET roles, `attribution`. Ties are broken by role id. `top_k` keeps
/// the first k. `options` (RankOptions) may set `scales`, `aliases` and
/// `tiers`.
///
/// Raises InvalidValueError with the path of a bad assessment
/// (`profile.skills[1].level`) or catalog field.
#[pyfunction]
#[pyo3(signature = (plan_or_profile, catalog=None, top_k=None, options=None))]
fn rank_roles<'py>(
    plan_or_profile: &Bound<'py, PyAny>,
    catalog: Option<&Bound<'py, PyAny>>,
    top_k: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan_or_profile.py();
    let top_k = top_k_arg(top_k)?;
    let profile = profile_arg(plan_or_profile)?;
    let options: RankOptions = options_arg(options)?;
    let catalog = catalog_arg(py, catalog)?;
    let catalog = &catalog.get().catalog;
    let entries = released(py, || catalog.rank(&profile, top_k, &options))?;
    to_py(py, &entries)
}

/// How much of a person's profile the roles of `catalog` (the built-in
/// catalog when None) cover: a dict with `skills` (the profile's distinct
/// skills), `covered` (skills some role requires under their own name),
/// `via_crosswalk` (skills an O*NET catalog reaches only through careerplan's
/// crosswalk to O*NET elements), `uncovered` (skills no role can count),
/// `share` (0 to 1), `low` (below 0.5) and, when low, a `warning`. Call it
/// next to `rank_roles`: a ranking that rests on a small share of the
/// profile says little.
#[pyfunction]
#[pyo3(signature = (plan_or_profile, catalog=None))]
fn catalog_coverage<'py>(
    plan_or_profile: &Bound<'py, PyAny>,
    catalog: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan_or_profile.py();
    let profile = profile_arg(plan_or_profile)?;
    let catalog = catalog_arg(py, catalog)?;
    let coverage = catalog.get().catalog.coverage(&profile);
    to_py(py, &coverage)
}

/// `top_k`: None (every role) or a count of 0 or more. Anything else is an
/// InvalidArgumentError (path `top_k`), not Python's bare OverflowError.
fn top_k_arg(top_k: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(obj) = top_k.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let bad = |message: String| {
        to_py_err(
            obj.py(),
            &careerplan::Error::InvalidArgument {
                path: "top_k".into(),
                message,
            },
        )
    };
    if !obj.is_instance_of::<pyo3::types::PyInt>() || obj.is_instance_of::<pyo3::types::PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "top_k: expected an int or None, got {}",
            obj.get_type().name()?
        )));
    }
    match obj.extract::<i128>() {
        Ok(n) if n >= 0 => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX))),
        Ok(n) => Err(bad(format!("expected a count of 0 or more, got {n}"))),
        Err(_) => Err(bad(format!("expected a count of 0 or more, got {obj}"))),
    }
}

/// What carries over in a career change from `from_role` to `to_role`:
/// readiness for the target from the profile alone and when credited with
/// the old role's requirements, the transferable skills (source `profile`,
/// `from_role` or `both`, whether each covers the target's level), their
/// share of the target's importance, and the new skills to learn.
///
/// Both roles are ids looked up in `catalog` (the built-in catalog when
/// None), or both are role dicts (then `catalog` must be None). `options`
/// as for `skill_gap`. Raises InvalidArgumentError (path `from_role` or
/// `to_role`) for an unknown id.
#[pyfunction]
#[pyo3(signature = (plan_or_profile, from_role, to_role, options=None, *, catalog=None))]
fn transferable_skills<'py>(
    plan_or_profile: &Bound<'py, PyAny>,
    from_role: &Bound<'py, PyAny>,
    to_role: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    catalog: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = plan_or_profile.py();
    let profile = profile_arg(plan_or_profile)?;
    let options: GapOptions = options_arg(options)?;
    let from = role_arg(from_role, "from_role", "from_role")?;
    let to = role_arg(to_role, "to_role", "to_role")?;
    let catalog = roles_catalog(py, &[&from, &to], catalog)?;
    let catalog = &catalog.get().catalog;
    let report = released(py, || {
        catalog.transferable_skills(&profile, &from, &to, &options)
    })?;
    to_py(py, &report)
}

/// People read once for repeated team views: `Team(people)` takes what
/// `gap_matrix` takes (plans, `Person` dicts or profiles, as dicts or JSON
/// text) and keeps them as the core's people, so `gap_matrix(team,
/// catalog)` starts from them as a Rust program would, without reading the
/// dicts again.
///
/// Raises InvalidValueError with the path of a bad field (`people[12].id`);
/// levels are checked against the scales of the catalog they meet, so
/// `gap_matrix` reports a bad level (`people[12].skills[3].level`).
#[pyclass(name = "Team", module = "careerplan", frozen)]
pub(crate) struct Team {
    people: Vec<Person>,
}

#[pymethods]
impl Team {
    #[new]
    fn new(people: &Bound<'_, PyAny>) -> PyResult<Team> {
        Ok(Team {
            people: people_arg(people)?,
        })
    }

    /// The people's ids, in input order (a plan's id; `""` for a profile).
    #[getter]
    fn person_ids(&self) -> Vec<String> {
        self.people.iter().map(|p| p.id.clone()).collect()
    }

    /// Pickle by data: `Team(team.to_list())` is the same team.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        Ok((
            slf.get_type().into_any(),
            (to_py(slf.py(), &slf.get().people)?,),
        ))
    }

    /// The people as `Person` dicts (`id`, `name`, `skills`).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.people)
    }

    fn __len__(&self) -> usize {
        self.people.len()
    }

    fn __repr__(&self) -> String {
        format!("<careerplan.Team of {} people>", self.people.len())
    }
}

/// Readiness of every person for every role of `catalog` (the built-in
/// catalog when None), computed on all cores with the GIL released.
///
/// `people` is a `Team`, or a list of plans, `Person` dicts (`{"id",
/// "name", "skills"}`) or profiles, each a dict or JSON text. Each cell is the readiness
/// `rank_roles` gives (before its rounding to six decimals). Returns a
/// GapMatrix; `options` (RankOptions) as for `rank_roles`.
///
/// Raises InvalidValueError with the path of a bad assessment
/// (`people[12].skills[3].level`).
#[pyfunction]
#[pyo3(signature = (people, catalog=None, options=None))]
fn gap_matrix<'py>(
    people: &Bound<'py, PyAny>,
    catalog: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, GapMatrix>> {
    let py = people.py();
    let converted;
    let people: &[Person] = if let Ok(team) = people.cast::<Team>() {
        &team.get().people
    } else {
        converted = people_arg(people)?;
        &converted
    };
    let options: RankOptions = options_arg(options)?;
    let catalog = catalog_arg(py, catalog)?;
    let catalog = &catalog.get().catalog;
    let compiled = released(py, || catalog.compiled_for(&options))?;
    Bound::new(py, GapMatrix::compute(py, people, &compiled)?)
}

/// Read the `skills` of a JSON Resume document (text or dict) into profile
/// skill assessments: each entry's `level` word ("Beginner", "Intermediate",
/// "Advanced", "Master", ...) through a level lexicon, its `keywords` at the
/// same level.
///
/// Returns `profile` (with the imported skills), the resume's `name` and
/// `label`, and `issues`: every entry left out, with its `path`
/// (`skills[2].level`), `kind` (`unknown_level`, `missing_level`,
/// `empty_name`, `duplicate`), `skill` and `level`; unknown level words are
/// reported, never guessed. `options` (ResumeOptions) may set `levels`
/// (extra words), a replacement `lexicon`, `scales`, `keywords`,
/// `default_level` and `assessed_on`.
#[pyfunction]
#[pyo3(signature = (resume, options=None))]
fn profile_from_json_resume<'py>(
    resume: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = resume.py();
    let options: ResumeOptions = options_arg(options)?;
    let imported = if let Ok(text) = resume.cast::<PyString>() {
        let text = text.to_cow()?;
        released(py, || resume::profile_from_json_resume(&text, &options))?
    } else if resume.cast::<PyMapping>().is_ok() {
        let value = json_value(resume, "")?;
        released(py, || {
            resume::profile_from_json_resume_value(&value, &options)
        })?
    } else {
        return Err(PyTypeError::new_err(format!(
            "expected a JSON Resume document as a JSON str or a dict, got {}",
            resume.get_type().name()?
        )));
    };
    to_py(py, &imported)
}

/// Add this module's classes and functions to the extension module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RoleCatalog>()?;
    m.add_class::<GapMatrix>()?;
    m.add_class::<Team>()?;
    m.add_function(wrap_pyfunction!(builtin_roles, m)?)?;
    m.add_function(wrap_pyfunction!(skill_gap, m)?)?;
    m.add_function(wrap_pyfunction!(rank_roles, m)?)?;
    m.add_function(wrap_pyfunction!(transferable_skills, m)?)?;
    m.add_function(wrap_pyfunction!(gap_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(profile_from_json_resume, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_coverage, m)?)?;
    Ok(())
}
