//! Proficiency scales as data, and the explicit mapping between them.
//!
//! A scale is a numeric range `min..=max`, optionally with named levels. The
//! built-in scales live in `data/scales.json` (compiled in), so they can be
//! extended or translated without touching code; a plan may define its own in
//! its `scales` list, and so may a role catalog.
//!
//! # Normalisation
//! Every scale maps onto one common axis, *proficiency* `0..=1`, where `0`
//! means "none of this skill" and `1` the top of the scale. That is what lets a
//! person rated on one scale be compared with a role written in another.
//!
//! The map is piecewise linear through the scale's `anchors`, a list of
//! `[level, proficiency]` pairs from `min` to `max`. Without anchors it is the
//! straight line from `(min, 0)` to `(max, 1)`. The built-ins anchor their
//! lowest level above zero when that level still means *some* skill:
//!
//! | scale | lowest level | proficiency |
//! |---|---|---|
//! | `dreyfus-5` (1 to 5) | 1 novice | `level / 5`: 0.2, 0.4, 0.6, 0.8, 1.0 |
//! | `sfia-7` (1 to 7) | 1 follow | `level / 7` |
//! | `stars-5` (1 to 5) | one star | `level / 5` |
//! | `onet-level-0-7` | 0 (not needed) | `level / 7` |
//! | `percent` | 0 | `level / 100` |
//! | `onet-importance-1-5` | 1 not important | `(level - 1) / 4` |
//!
//! Converting a level from scale A to scale B goes through that axis:
//! `B.denormalize(A.normalize(level))` ([`convert_level`]). So `competent` (3)
//! on `dreyfus-5` is proficiency 0.6, which is 4.2 on `sfia-7` and on
//! `onet-level-0-7`, and 60 on `percent`. A custom scale that needs a
//! different correspondence says so with its own anchors, e.g.
//! `"anchors": [[1, 0.1], [2, 0.5], [3, 1.0]]` for a three-step scale whose
//! middle step is already half-way.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::document::Extra;

/// A named level of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScaleLevel {
    /// Numeric value of the level.
    #[serde(serialize_with = "crate::document::number::whole")]
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
    #[serde(serialize_with = "crate::document::number::whole")]
    pub min: f64,
    /// Highest level.
    #[serde(serialize_with = "crate::document::number::whole")]
    pub max: f64,
    /// Named levels, lowest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ScaleLevel>,
    /// How levels map to proficiency `0..=1`: `[level, proficiency]` pairs,
    /// the first at `min`, the last at `max`, both columns increasing. Absent:
    /// the straight line from `(min, 0)` to `(max, 1)`. See the module docs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<[f64; 2]>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl Scale {
    /// A numeric scale from `min` to `max` with the default linear mapping.
    ///
    /// ```
    /// let scale = careerplan::scale::Scale::numeric("ten", 0.0, 10.0);
    /// assert_eq!(scale.normalize(2.5), 0.25);
    /// ```
    pub fn numeric(id: impl Into<String>, min: f64, max: f64) -> Scale {
        Scale {
            id: id.into(),
            name: None,
            min,
            max,
            levels: Vec::new(),
            anchors: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// Whether `level` lies on the scale.
    pub fn contains(&self, level: f64) -> bool {
        level.is_finite() && level >= self.min && level <= self.max
    }

    /// The message for a level that does not lie on the scale (the same
    /// wherever a level is checked: profiles, requirements, résumés).
    pub(crate) fn outside_message(&self, level: f64) -> String {
        format!(
            "level {} is outside scale {:?} ({} to {})",
            level, self.id, self.min, self.max
        )
    }

    /// Check that the scale is usable: a finite range with `min < max`, named
    /// levels inside it and increasing, anchors that cover it monotonically.
    ///
    /// `path` is the JSON path of the scale, used in the error.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the first offending field.
    pub fn check(&self, path: &str) -> Result<(), Error> {
        let bad = |field: &str, message: String| Error::InvalidValue {
            path: format!("{path}.{field}"),
            message,
        };
        if self.id.trim().is_empty() {
            return Err(bad("id", "scale id is empty".into()));
        }
        if !(self.min.is_finite() && self.max.is_finite() && self.min < self.max) {
            return Err(bad(
                "max",
                format!(
                    "scale {:?} needs finite min < max, got {} to {}",
                    self.id, self.min, self.max
                ),
            ));
        }
        let mut previous = f64::NEG_INFINITY;
        for (i, level) in self.levels.iter().enumerate() {
            if !self.contains(level.value) || level.value <= previous {
                return Err(bad(
                    &format!("levels[{i}].value"),
                    format!(
                        "named levels must increase within {} to {}, got {}",
                        self.min, self.max, level.value
                    ),
                ));
            }
            previous = level.value;
        }
        if self.anchors.is_empty() {
            return Ok(());
        }
        let (first, last) = (self.anchors[0], self.anchors[self.anchors.len() - 1]);
        if self.anchors.len() < 2 || first[0] != self.min || last[0] != self.max {
            return Err(bad(
                "anchors",
                format!(
                    "anchors must start at min {} and end at max {}",
                    self.min, self.max
                ),
            ));
        }
        for (i, pair) in self.anchors.windows(2).enumerate() {
            let ([l0, p0], [l1, p1]) = (pair[0], pair[1]);
            let in_unit = |p: f64| (0.0..=1.0).contains(&p);
            if !(l1 > l0 && p1 > p0 && in_unit(p0) && in_unit(p1)) {
                return Err(bad(
                    &format!("anchors[{}]", i + 1),
                    "anchor levels and proficiencies must both increase, proficiencies within 0 to 1"
                        .into(),
                ));
            }
        }
        Ok(())
    }

    /// The proficiency (`0..=1`) of `level`, clamped to the scale's range; see
    /// the module docs for the mapping.
    ///
    /// ```
    /// use careerplan::scale::ScaleRegistry;
    /// let dreyfus = ScaleRegistry::with_custom(&[]).get("dreyfus-5").unwrap();
    /// assert!((dreyfus.normalize(3.0) - 0.6).abs() < 1e-12);
    /// ```
    pub fn normalize(&self, level: f64) -> f64 {
        let x = if level.is_nan() {
            self.min
        } else {
            // Not `f64::clamp`, which panics on bounds out of order, and a
            // `Scale` built in code need not have passed `check`.
            level.max(self.min).min(self.max)
        };
        if self.anchors.len() < 2 {
            let span = self.max - self.min;
            return if span > 0.0 {
                ((x - self.min) / span).clamp(0.0, 1.0)
            } else {
                1.0
            };
        }
        interpolate(&self.anchors, x, 0, 1)
    }

    /// The level whose proficiency is `proficiency`: the inverse of
    /// [`Scale::normalize`], clamped to the scale.
    pub fn denormalize(&self, proficiency: f64) -> f64 {
        let p = if proficiency.is_nan() {
            0.0
        } else {
            proficiency
        };
        if self.anchors.len() < 2 {
            return self.min + p.clamp(0.0, 1.0) * (self.max - self.min);
        }
        interpolate(&self.anchors, p, 1, 0)
    }

    /// The level (possibly below `min`) with proficiency `proficiency`.
    ///
    /// Like [`Scale::denormalize`], but below the scale's lowest proficiency it
    /// extends the first segment instead of clamping, so "none of the skill"
    /// (proficiency 0) has a level too: 0 on `dreyfus-5`, whose novice is 1.
    /// Gap reports measure gaps in levels this way.
    pub fn level_at(&self, proficiency: f64) -> f64 {
        let floor = self.normalize(self.min);
        if proficiency >= floor {
            return self.denormalize(proficiency);
        }
        let slope = if self.anchors.len() >= 2 {
            let ([l0, p0], [l1, p1]) = (self.anchors[0], self.anchors[1]);
            (l1 - l0) / (p1 - p0)
        } else {
            self.max - self.min
        };
        self.min - (floor - proficiency) * slope
    }

    /// The value of the named level `name`, compared case- and
    /// punctuation-insensitively (`"Advanced beginner"`, `"advanced-beginner"`).
    ///
    /// ```
    /// use careerplan::scale::ScaleRegistry;
    /// let dreyfus = ScaleRegistry::with_custom(&[]).get("dreyfus-5").unwrap();
    /// assert_eq!(dreyfus.level_by_name("Advanced-Beginner"), Some(2.0));
    /// assert_eq!(dreyfus.level_by_name("wizard"), None);
    /// ```
    pub fn level_by_name(&self, name: &str) -> Option<f64> {
        let key = crate::fold::fold(name);
        self.levels
            .iter()
            .find(|l| crate::fold::fold(&l.name) == key)
            .map(|l| l.value)
    }

    /// The name of the level exactly at `value`, if the scale names it.
    pub fn level_name(&self, value: f64) -> Option<&str> {
        self.levels
            .iter()
            .find(|l| (l.value - value).abs() < 1e-9)
            .map(|l| l.name.as_str())
    }
}

/// Piecewise-linear interpolation through `anchors`, from column `from` to
/// column `to` (both columns are increasing, so either direction works).
fn interpolate(anchors: &[[f64; 2]], x: f64, from: usize, to: usize) -> f64 {
    let first = anchors[0];
    let last = anchors[anchors.len() - 1];
    if x <= first[from] {
        return first[to];
    }
    if x >= last[from] {
        return last[to];
    }
    for pair in anchors.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if x <= b[from] {
            let span = b[from] - a[from];
            let t = if span > 0.0 {
                (x - a[from]) / span
            } else {
                1.0
            };
            return a[to] + t * (b[to] - a[to]);
        }
    }
    last[to]
}

/// Convert `level` on scale `from` to the level on scale `to` with the same
/// proficiency (see the module docs).
///
/// ```
/// use careerplan::scale::{convert_level, ScaleRegistry};
/// let reg = ScaleRegistry::with_custom(&[]);
/// let (dreyfus, onet) = (reg.get("dreyfus-5").unwrap(), reg.get("onet-level-0-7").unwrap());
/// assert!((convert_level(3.0, dreyfus, onet) - 4.2).abs() < 1e-9);
/// ```
pub fn convert_level(level: f64, from: &Scale, to: &Scale) -> f64 {
    to.denormalize(from.normalize(level))
}

/// The error for a scale id that names no scale.
pub(crate) fn unknown_scale(id: &str, path: &str) -> Error {
    Error::InvalidValue {
        path: path.to_string(),
        message: format!(
            "unknown scale {id:?}; built-in scales are {}, or define it in \"scales\"",
            ScaleRegistry::builtin_ids().join(", ")
        ),
    }
}

const BUILTIN_JSON: &str = include_str!("../data/scales.json");

fn builtin() -> &'static [Scale] {
    static SCALES: OnceLock<Vec<Scale>> = OnceLock::new();
    // The file is part of the crate and checked by a unit test, so a parse
    // failure here is a build defect; an empty list keeps the library usable.
    SCALES.get_or_init(|| crate::json::from_text(BUILTIN_JSON, "").unwrap_or_default())
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

    /// The scale with this id, or an error naming `path` and the scales
    /// available.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when no scale has this id.
    pub fn require(&self, id: &str, path: &str) -> Result<&'a Scale, Error> {
        self.get(id).ok_or_else(|| unknown_scale(id, path))
    }

    /// Ids of the built-in scales.
    pub fn builtin_ids() -> Vec<&'static str> {
        builtin().iter().map(|s| s.id.as_str()).collect()
    }

    /// The built-in scales, as in `data/scales.json`.
    pub fn builtin_scales() -> &'static [Scale] {
        builtin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> ScaleRegistry<'static> {
        ScaleRegistry::with_custom(&[])
    }

    #[test]
    fn builtin_scales_load_and_check() {
        let scales: Vec<Scale> = crate::json::from_text(BUILTIN_JSON, "").unwrap();
        assert!(scales.len() >= 6);
        for (i, s) in scales.iter().enumerate() {
            s.check(&format!("scales[{i}]")).unwrap();
        }
        let reg = reg();
        assert!(reg.get("dreyfus-5").unwrap().contains(5.0));
        assert!(!reg.get("dreyfus-5").unwrap().contains(6.0));
        assert!(reg.get("onet-level-0-7").unwrap().contains(0.0));
    }

    #[test]
    fn builtin_normalisation_matches_the_documented_table() {
        let reg = reg();
        let cases = [
            ("dreyfus-5", 1.0, 0.2),
            ("dreyfus-5", 5.0, 1.0),
            ("sfia-7", 1.0, 1.0 / 7.0),
            ("stars-5", 4.0, 0.8),
            ("onet-level-0-7", 0.0, 0.0),
            ("onet-level-0-7", 3.5, 0.5),
            ("percent", 70.0, 0.7),
            ("onet-importance-1-5", 3.0, 0.5),
        ];
        for (id, level, want) in cases {
            let got = reg.get(id).unwrap().normalize(level);
            assert!((got - want).abs() < 1e-12, "{id} {level}: {got} != {want}");
        }
    }

    #[test]
    fn normalisation_clamps_and_inverts() {
        let d = reg().get("dreyfus-5").unwrap();
        assert_eq!(d.normalize(0.0), 0.2);
        assert_eq!(d.normalize(9.0), 1.0);
        assert_eq!(d.normalize(f64::NAN), 0.2);
        for level in [1.0, 1.5, 2.0, 3.7, 5.0] {
            assert!((d.denormalize(d.normalize(level)) - level).abs() < 1e-12);
        }
        // Proficiency below the scale's floor maps to its lowest level.
        assert_eq!(d.denormalize(0.0), 1.0);
        // ... while level_at extends the scale down to "none".
        assert!(d.level_at(0.0).abs() < 1e-12);
        assert!((d.level_at(0.1) - 0.5).abs() < 1e-12);
        assert!((d.level_at(0.6) - 3.0).abs() < 1e-12);
        let onet = reg().get("onet-level-0-7").unwrap();
        assert_eq!(onet.level_at(0.0), 0.0);
    }

    #[test]
    fn conversion_between_scales_goes_through_proficiency() {
        let reg = reg();
        let d = reg.get("dreyfus-5").unwrap();
        let sfia = reg.get("sfia-7").unwrap();
        let pct = reg.get("percent").unwrap();
        assert!((convert_level(3.0, d, sfia) - 4.2).abs() < 1e-12);
        assert!((convert_level(3.0, d, pct) - 60.0).abs() < 1e-12);
        assert!((convert_level(60.0, pct, d) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn custom_anchors_are_piecewise_linear() {
        let mut s = Scale::numeric("three", 1.0, 3.0);
        s.anchors = vec![[1.0, 0.1], [2.0, 0.5], [3.0, 1.0]];
        s.check("scales[0]").unwrap();
        assert!((s.normalize(1.5) - 0.3).abs() < 1e-12);
        assert!((s.normalize(2.5) - 0.75).abs() < 1e-12);
        assert!((s.denormalize(0.75) - 2.5).abs() < 1e-12);
    }

    #[test]
    fn bad_scales_are_reported_with_paths() {
        let s = Scale::numeric("flat", 2.0, 2.0);
        assert_eq!(s.check("scales[1]").unwrap_err().path(), "scales[1].max");
        let mut s = Scale::numeric("x", 0.0, 4.0);
        s.anchors = vec![[0.0, 0.0], [2.0, 0.6], [4.0, 0.5]];
        assert_eq!(
            s.check("scales[0]").unwrap_err().path(),
            "scales[0].anchors[2]"
        );
        s.anchors = vec![[1.0, 0.0], [4.0, 1.0]];
        assert_eq!(s.check("s").unwrap_err().path(), "s.anchors");
        let mut s = Scale::numeric("y", 0.0, 4.0);
        s.levels = vec![
            ScaleLevel {
                value: 2.0,
                name: "b".into(),
                description: None,
            },
            ScaleLevel {
                value: 1.0,
                name: "a".into(),
                description: None,
            },
        ];
        assert_eq!(s.check("s").unwrap_err().path(), "s.levels[1].value");
    }

    #[test]
    fn named_levels_are_found_by_folded_name() {
        let sfia = reg().get("sfia-7").unwrap();
        assert_eq!(sfia.level_by_name("Ensure, advise"), Some(5.0));
        assert_eq!(sfia.level_by_name("ensure advise"), Some(5.0));
        assert_eq!(sfia.level_name(5.0), Some("ensure, advise"));
        assert_eq!(sfia.level_name(5.5), None);
    }

    #[test]
    fn unknown_scale_error_names_the_path() {
        let err = reg()
            .require("nope", "roles[0].requirements[1].scale")
            .unwrap_err();
        assert_eq!(err.path(), "roles[0].requirements[1].scale");
        assert!(err.to_string().contains("dreyfus-5"));
    }
}
