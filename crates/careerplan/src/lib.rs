//! # careerplan
//!
//! An embeddable library for strategic career planning. One data model, the
//! [`plan::Plan`] document, feeds four engines:
//!
//! - [`plan`]: the career-plan model (profile, aspirations, goals, actions,
//!   contacts, achievements, feedback, reviews), its validation, migrations
//!   between schema versions and the JSON Schema of the document.
//! - `smart`: the SMART-goal linter.
//! - [`skills`]: proficiency scales, role catalogs and skill-gap reports.
//! - `schedule` and `progress`: review cadences, progress and roadmaps.
//!
//! The JSON produced by serde for these types is the contract shared by the
//! CLI, the Python package and the WebAssembly package: a plan written by one
//! is read unchanged by the others.
//!
//! ```
//! let json = r#"{"schema_version": 1, "id": "p1",
//!   "goals": [{"id": "g1", "title": "Earn the PMP certification", "deadline": "2027-06-30"}]}"#;
//! let plan = careerplan::plan::load_plan(json)?;
//! assert_eq!(plan.goals[0].title, "Earn the PMP certification");
//! assert!(plan.validate().is_empty());
//! # Ok::<(), careerplan::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod error;
pub mod plan;
pub mod progress;
pub mod schedule;
pub mod severity;
pub mod skills;
pub mod smart;

pub use error::Error;
pub use severity::Severity;
