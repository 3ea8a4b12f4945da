//! # careerplan
//!
//! An embeddable library for strategic career planning. One data model, the
//! [`plan::Plan`] document, feeds four engines:
//!
//! - [`plan`]: the career-plan model (profile, aspirations, goals, actions,
//!   contacts, achievements, feedback, reviews), its validation, migrations
//!   between schema versions and the JSON Schema of the document.
//! - [`smart`]: the SMART-goal linter: rule codes, severities, spans,
//!   suggestions, per-criterion verdicts and scores, time expressions
//!   resolved to dates.
//! - [`scale`]: proficiency scales as data and the mapping between them,
//!   shared by the plan (its `scales`) and the engines.
//! - [`skills`]: role catalogs (built-in, JSON, O*NET),
//!   skill-gap reports, role ranking and team matrices.
//! - [`draft`]: a development plan drafted from a plan and a target role:
//!   goals on the right horizons, actions with deadlines from effort,
//!   resources and obstacles, a review policy, and a feasibility verdict.
//! - [`schedule`] and [`progress`]: review cadences, check-ins, iCalendar
//!   export, progress, on-track status and roadmaps.
//!
//! The JSON produced by serde for these types is the contract shared by the
//! CLI, the Python package and the WebAssembly package: a plan written by one
//! is read unchanged by the others. Every failure is an [`Error`] with a
//! stable [`code`](Error::code) and the JSON [`path`](Error::path) of the bad
//! field.
//!
//! ```
//! use careerplan::{limits::Limits, plan, progress, schedule, skills, smart};
//! let json = r#"{"schema_version": 1, "id": "p1",
//!   "profile": {"skills": [{"skill": "Leadership", "level": 2}]},
//!   "goals": [{"id": "g1", "title": "Earn the PMP certification by June 2027",
//!              "start": "2026-11-01", "deadline": "2027-06-30"}],
//!   "review_policy": {"cadence": "quarterly", "anchor": "2026-11-01"}}"#;
//! let plan = plan::load_plan(json, &Limits::default())?;
//! assert!(plan.validate().is_empty());
//!
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
//! let linter = smart::Linter::new(smart::LintConfig { today: Some(today), ..Default::default() })?;
//! let report = linter.lint_text("Try to get better at sales.", &smart::Context::default())?;
//! assert_eq!(report.criteria.specific.met, Some(false));
//!
//! let roles = skills::Catalog::builtin();
//! let gap = roles.skill_gap(&plan.profile, &"team-lead".into(), &skills::GapOptions::default())?;
//! assert!(gap.readiness < 1.0);
//!
//! let end = chrono::NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
//! let events = schedule::agenda(&plan, today, end, &schedule::AgendaOptions::default())?;
//! assert_eq!(events[0].date.to_string(), "2027-02-01");
//! let status = progress::plan_status(&plan, today, &progress::ProgressOptions::default())?;
//! assert_eq!(status.goals.len(), 1);
//! # Ok::<(), careerplan::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chars;
mod decimal;
mod document;
pub mod draft;
mod embed;
pub mod error;
mod fold;
pub mod json;
pub mod limits;
pub mod plan;
pub mod progress;
pub mod scale;
pub mod schedule;
pub mod severity;
pub mod skills;
pub mod smart;
mod sort;
pub mod text;

/// The date library of the API (`chrono::NaiveDate` in signatures and
/// results), re-exported so callers use the same version without naming it
/// in their own `Cargo.toml`: `careerplan::chrono::NaiveDate`.
///
/// ```
/// use careerplan::chrono::NaiveDate;
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p"}"#, &Default::default())?;
/// let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let status = careerplan::progress::plan_status(&plan, today, &Default::default())?;
/// assert_eq!(status.today, today);
/// # Ok::<(), careerplan::Error>(())
/// ```
pub use chrono;
pub use error::Error;
pub use severity::Severity;

// The derive names this crate `::careerplan`, as it would from outside.
extern crate self as careerplan;

// The README's Rust examples run as doctests, so they cannot go stale.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
