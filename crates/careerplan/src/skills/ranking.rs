//! What a ranking is made of: the options, the readiness tiers and their
//! thresholds, and one ranked entry. Shared by the ranking entry points
//! ([`Catalog::rank`](super::Catalog::rank)) and the compiled catalog that
//! computes them ([`CompiledCatalog`](super::CompiledCatalog)), which sits
//! below them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::scale::Scale;
use crate::text::SharedStr;

/// Rankings report readiness in steps of `1 / QUANTUM` (six decimals).
pub(crate) const QUANTUM: u32 = 1_000_000;

/// How close a person is to a role.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Readiness at or above `ready_now` and every must-have met.
    ReadyNow,
    /// Readiness at or above `within_a_year` (or ready but for a must-have).
    WithinAYear,
    /// Readiness at or above `stretch`.
    Stretch,
    /// Anything lower: a long-term aspiration.
    Aspirational,
}

impl Tier {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::ReadyNow => "ready_now",
            Tier::WithinAYear => "within_a_year",
            Tier::Stretch => "stretch",
            Tier::Aspirational => "aspirational",
        }
    }

    /// Words for people: `"ready now"`, `"within a year"`, ...
    pub fn label(self) -> &'static str {
        match self {
            Tier::ReadyNow => "ready now",
            Tier::WithinAYear => "within a year",
            Tier::Stretch => "stretch",
            Tier::Aspirational => "aspirational",
        }
    }
}

impl std::fmt::Display for Tier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Readiness thresholds of the tiers; `0 <= stretch <= within_a_year <=
/// ready_now <= 1`.
///
/// The defaults (0.9, 0.75, 0.5) read as: ready now when nine tenths of the
/// weighted requirements are met; within a year when three quarters are, a
/// gap a year of deliberate learning typically closes; a stretch from half.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct TierThresholds {
    /// Lowest readiness of `ready_now` (default 0.9).
    pub ready_now: f64,
    /// Lowest readiness of `within_a_year` (default 0.75).
    pub within_a_year: f64,
    /// Lowest readiness of `stretch` (default 0.5).
    pub stretch: f64,
}

impl Default for TierThresholds {
    fn default() -> Self {
        TierThresholds {
            ready_now: 0.9,
            within_a_year: 0.75,
            stretch: 0.5,
        }
    }
}

impl TierThresholds {
    /// Check the ordering; `path` names the thresholds in errors.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when a threshold is outside 0 to 1 or out of
    /// order.
    pub fn check(&self, path: &str) -> Result<(), Error> {
        let fields = [
            ("stretch", 0.0, self.stretch),
            ("within_a_year", self.stretch, self.within_a_year),
            ("ready_now", self.within_a_year, self.ready_now),
        ];
        for (name, low, value) in fields {
            if !(value.is_finite() && value >= low && value <= 1.0) {
                return Err(Error::InvalidArgument {
                    path: format!("{path}.{name}"),
                    message: format!(
                        "tier thresholds must satisfy 0 <= stretch <= within_a_year <= ready_now <= 1, got {name} = {}",
                        value
                    ),
                });
            }
        }
        Ok(())
    }

    /// The tier of `readiness` with `unmet_must_haves` unmet must-haves: a
    /// role is never `ready_now` while a must-have is unmet.
    ///
    /// ```
    /// use careerplan::skills::{Tier, TierThresholds};
    /// let t = TierThresholds::default();
    /// assert_eq!(t.tier(0.95, 0), Tier::ReadyNow);
    /// assert_eq!(t.tier(0.95, 1), Tier::WithinAYear);
    /// assert_eq!(t.tier(0.3, 0), Tier::Aspirational);
    /// ```
    pub fn tier(&self, readiness: f64, unmet_must_haves: usize) -> Tier {
        if readiness >= self.ready_now && unmet_must_haves == 0 {
            Tier::ReadyNow
        } else if readiness >= self.within_a_year {
            Tier::WithinAYear
        } else if readiness >= self.stretch {
            Tier::Stretch
        } else {
            Tier::Aspirational
        }
    }
}

/// Options of role ranking, team matrices and team coverage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RankOptions {
    /// Custom scales the people's assessments use.
    pub scales: Vec<Scale>,
    /// Extra skill aliases, `alias -> canonical name`.
    pub aliases: BTreeMap<String, String>,
    /// Readiness tier thresholds.
    pub tiers: TierThresholds,
}

/// One role in a ranking.
///
/// Borrows the ids and titles from the catalog it was ranked from, and
/// shares the names of unmet must-haves with its compiled form.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RankEntry<'a> {
    /// The role's id.
    pub role_id: &'a str,
    /// The role's title.
    pub title: &'a str,
    /// Readiness, 0 to 1, rounded to six decimals.
    pub readiness: f64,
    /// Readiness tier.
    pub tier: Tier,
    /// Place in the ranking, 1 first.
    pub rank: u32,
    /// The must-haves the person does not meet yet, by skill name: the same
    /// shape as [`GapReport::unmet_must_haves`](super::GapReport) (whose
    /// order is by priority; here it is the role's order).
    // Shared with the compiled catalog's names, so ranking every role
    // copies none of them (a `SharedStr` is a JSON string).
    pub unmet_must_haves: Vec<SharedStr>,
    /// Attribution of the role's data source, if it requires one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_checked() {
        let bad = TierThresholds {
            ready_now: 0.6,
            within_a_year: 0.7,
            stretch: 0.5,
        };
        assert_eq!(bad.check("tiers").unwrap_err().path(), "tiers.ready_now");
        let bad = TierThresholds {
            stretch: -0.1,
            ..TierThresholds::default()
        };
        assert_eq!(bad.check("tiers").unwrap_err().path(), "tiers.stretch");
        TierThresholds::default().check("tiers").unwrap();
    }

    #[test]
    fn tiers_follow_thresholds() {
        let t = TierThresholds::default();
        assert_eq!(t.tier(0.9, 0), Tier::ReadyNow);
        assert_eq!(t.tier(0.8, 0), Tier::WithinAYear);
        assert_eq!(t.tier(0.5, 0), Tier::Stretch);
        assert_eq!(t.tier(0.49, 0), Tier::Aspirational);
        assert_eq!(
            serde_json::to_string(&Tier::WithinAYear).unwrap(),
            "\"within_a_year\""
        );
    }

    #[test]
    fn options_reject_unknown_fields() {
        let err = serde_json::from_str::<RankOptions>(r#"{"tier": {}}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field"));
    }
}
