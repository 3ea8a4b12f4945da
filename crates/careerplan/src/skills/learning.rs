//! Learning activities that close skill gaps.
//!
//! A [`LearningCatalog`] lists courses, certifications, workshops, mentoring,
//! on-the-job assignments and reading, each for one skill and a level range.
//! A gap report lists, for each skill with a gap, the activities that can
//! raise the person from where they are: same skill (after aliases), a range
//! that starts at or below the person's current proficiency and ends above it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::plan::Extra;

/// What kind of learning an activity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A taught course, online or in person.
    Course,
    /// A certification and its exam.
    Certification,
    /// A short hands-on workshop.
    Workshop,
    /// Regular sessions with a mentor.
    Mentoring,
    /// A stretch assignment or rotation at work.
    OnTheJob,
    /// Books, articles, documentation.
    Reading,
}

/// One learning activity for one skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LearningActivity {
    /// Stable id.
    pub id: String,
    /// Title, e.g. `"PMP exam prep course"`.
    pub title: String,
    /// Course, certification, workshop, ...
    pub kind: ActivityKind,
    /// The skill it builds.
    pub skill: String,
    /// Lowest level it suits, on `scale` (default: the scale's minimum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_level: Option<f64>,
    /// Level it brings a learner to, on `scale` (default: the maximum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_level: Option<f64>,
    /// Scale of the levels (default `dreyfus-5`).
    #[serde(default = "default_scale")]
    pub scale: String,
    /// Hours of effort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// Price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Currency of `cost`, e.g. `"USD"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

fn default_scale() -> String {
    "dreyfus-5".to_string()
}

/// A list of learning activities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LearningCatalog {
    /// The activities.
    pub activities: Vec<LearningActivity>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl LearningCatalog {
    /// Read a learning catalog from JSON: `{"activities": [...]}`.
    ///
    /// # Errors
    /// [`Error::InvalidJson`] or [`Error::InvalidValue`] with the field's path.
    pub fn from_json(text: &str) -> Result<LearningCatalog, Error> {
        crate::json::from_text(text, "")
    }
}

/// An activity resolved for matching: skill key and proficiency range.
pub(crate) struct ResolvedActivity<'a> {
    pub activity: &'a LearningActivity,
    pub key: String,
    pub from: f64,
    pub to: f64,
}

/// Check and resolve every activity; `path` names the catalog.
pub(crate) fn resolve_activities<'a>(
    ctx: &super::resolve::Context<'_>,
    catalog: &'a LearningCatalog,
    path: &str,
) -> Result<Vec<ResolvedActivity<'a>>, Error> {
    let mut out = Vec::with_capacity(catalog.activities.len());
    for (i, a) in catalog.activities.iter().enumerate() {
        let here = |f: &str| format!("{path}.activities[{i}].{f}");
        let scale = ctx.scale(&a.scale, &here("scale"))?;
        let from = a.from_level.unwrap_or(scale.min);
        let to = a.to_level.unwrap_or(scale.max);
        for (field, v) in [("from_level", from), ("to_level", to)] {
            if !scale.contains(v) {
                return Err(Error::InvalidValue {
                    path: here(field),
                    message: scale.outside_message(v),
                });
            }
        }
        if to < from {
            return Err(Error::InvalidValue {
                path: here("to_level"),
                message: format!("to_level {} is below from_level {}", to, from),
            });
        }
        for (field, v) in [("hours", a.hours), ("cost", a.cost)] {
            if let Some(v) = v
                && !(v.is_finite() && v >= 0.0)
            {
                return Err(Error::InvalidValue {
                    path: here(field),
                    message: format!("expected a non-negative number, got {}", v),
                });
            }
        }
        let key = ctx.vocab.key(&a.skill);
        out.push(ResolvedActivity {
            activity: a,
            key,
            // An activity that starts at the bottom of its scale suits
            // someone who does not have the skill at all.
            from: if from <= scale.min {
                0.0
            } else {
                scale.normalize(from)
            },
            to: scale.normalize(to),
        });
    }
    Ok(out)
}

/// The activities that raise proficiency `current` in skill `key`, shortest
/// first (then by id).
pub(crate) fn matching<'a>(
    activities: &[ResolvedActivity<'a>],
    key: &str,
    current: f64,
) -> Vec<LearningActivity> {
    use super::resolve::EPS;
    let mut found: Vec<&ResolvedActivity<'a>> = activities
        .iter()
        .filter(|a| a.key == key && a.from <= current + EPS && a.to > current + EPS)
        .collect();
    crate::sort::sort_by(&mut found, |a, b| {
        let ha = a.activity.hours.unwrap_or(f64::INFINITY);
        let hb = b.activity.hours.unwrap_or(f64::INFINITY);
        ha.total_cmp(&hb)
            .then_with(|| a.activity.id.cmp(&b.activity.id))
    });
    found.into_iter().map(|a| a.activity.clone()).collect()
}
