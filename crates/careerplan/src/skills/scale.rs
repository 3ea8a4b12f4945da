//! Proficiency scales as data.
//!
//! A scale is a numeric range `min..=max`, optionally with named levels. The
//! built-in scales live in `data/scales.json` (compiled in), so they can be
//! extended or translated without touching code; a plan may define its own in
//! its `scales` list.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::plan::Extra;

/// A named level of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScaleLevel {
    /// Numeric value of the level.
    #[serde(serialize_with = "crate::plan::number::whole")]
    pub value: f64,
    /// Name, e.g. `"proficient"`.
    pub name: String,
    /// What the level means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A proficiency scale: a numeric range with optional named levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scale {
    /// Stable id, e.g. `dreyfus-5`.
    pub id: String,
    /// Human-readable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Lowest level.
    #[serde(serialize_with = "crate::plan::number::whole")]
    pub min: f64,
    /// Highest level.
    #[serde(serialize_with = "crate::plan::number::whole")]
    pub max: f64,
    /// Named levels, lowest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ScaleLevel>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Scale {
    /// Whether `level` lies on the scale.
    pub fn contains(&self, level: f64) -> bool {
        level.is_finite() && level >= self.min && level <= self.max
    }
}

const BUILTIN_JSON: &str = include_str!("../../data/scales.json");

fn builtin() -> &'static [Scale] {
    static SCALES: OnceLock<Vec<Scale>> = OnceLock::new();
    // The file is part of the crate and checked by a unit test, so a parse
    // failure here is a build defect; an empty list keeps the library usable.
    SCALES.get_or_init(|| serde_json::from_str(BUILTIN_JSON).unwrap_or_default())
}

/// The scales a plan can use: the built-ins plus the plan's own.
#[derive(Debug, Clone, Copy)]
pub struct ScaleRegistry<'a> {
    custom: &'a [Scale],
}

impl<'a> ScaleRegistry<'a> {
    /// Built-ins plus `custom` (a custom scale with a built-in id wins).
    pub fn with_custom(custom: &'a [Scale]) -> Self {
        ScaleRegistry { custom }
    }

    /// The scale with this id.
    pub fn get(&self, id: &str) -> Option<&'a Scale> {
        self.custom
            .iter()
            .chain(builtin().iter())
            .find(|s| s.id == id)
    }

    /// Ids of the built-in scales.
    pub fn builtin_ids() -> Vec<&'static str> {
        builtin().iter().map(|s| s.id.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_scales_load() {
        let scales: Vec<Scale> = serde_json::from_str(BUILTIN_JSON).unwrap();
        assert!(scales.len() >= 6);
        let reg = ScaleRegistry::with_custom(&[]);
        assert!(reg.get("dreyfus-5").unwrap().contains(5.0));
        assert!(!reg.get("dreyfus-5").unwrap().contains(6.0));
        assert!(reg.get("onet-level-0-7").unwrap().contains(0.0));
    }
}
