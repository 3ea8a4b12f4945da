//! How a JSON document writes values, shared by every document the crate
//! reads and writes (the plan, role catalogs, scales, reports): dates and
//! instants ([`date`]), whole numbers kept whole ([`number`]) and the fields a
//! model does not know ([`Extra`]).
//!
//! This layer knows no entity: `plan`, `scale` and every engine build on it.
//! The public paths are [`crate::plan::date`], [`crate::plan::number`] and
//! [`crate::plan::Extra`].

pub mod date;
pub mod number;

/// Fields of an entity that this version of the model does not know, kept in
/// document order and written back unchanged.
pub type Extra = serde_json::Map<String, serde_json::Value>;
