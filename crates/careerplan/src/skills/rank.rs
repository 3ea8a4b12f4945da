//! Ranking every role of a catalog for one person, with readiness tiers.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::compiled::CompiledCatalog;
use super::role::RoleCatalog;
use super::scale::Scale;
use crate::Error;
use crate::plan::Profile;

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

/// Options of [`rank_roles`], [`gap_matrix`](super::gap_matrix) and
/// [`team_coverage`](super::team_coverage).
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
/// Borrows the ids and titles from the catalog it was ranked from; only
/// the names of unmet must-haves are allocated (for the entries kept).
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
    pub unmet_must_haves: Vec<String>,
    /// Attribution of the role's data source, if it requires one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<&'a str>,
}

/// Score every role of `catalog` for a person and order them, best first;
/// keep the first `top_k` (all when `None`).
///
/// Readiness is the weighted readiness of [`skill_gap`](super::skill_gap)
/// rounded to six decimals; ties are broken by role id, so the ranking is a
/// total order that does not depend on the catalog's order. To rank many
/// people against one catalog, compile it once with [`CompiledCatalog`].
///
/// ```
/// use careerplan::skills::{builtin_roles, rank_roles, RankOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
///     {"skill": "Patient care", "level": 4}, {"skill": "Clinical assessment", "level": 4},
///     {"skill": "Medication administration", "level": 4}]}}"#)?;
/// let top = rank_roles(&plan.profile, builtin_roles(), Some(2), &RankOptions::default())?;
/// assert_eq!(top[0].role_id, "registered-nurse");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// As [`CompiledCatalog::new`] and [`CompiledCatalog::person`] (paths
/// `profile.skills[i]...`).
pub fn rank_roles<'c>(
    profile: &Profile,
    catalog: &'c RoleCatalog,
    top_k: Option<usize>,
    options: &RankOptions,
) -> Result<Vec<RankEntry<'c>>, Error> {
    let compiled = CompiledCatalog::new(catalog, options)?;
    // The compiled entries borrow from `compiled`; re-point them at the
    // catalog, whose roles are in the same order.
    let index: std::collections::HashMap<&str, usize> = (0..compiled.len())
        .map(|i| (compiled.role_id(i), i))
        .collect();
    Ok(rank_roles_compiled(profile, &compiled, top_k)?
        .into_iter()
        .map(|e| {
            let role = &catalog.roles[index[e.role_id]];
            RankEntry {
                role_id: &role.id,
                title: &role.title,
                readiness: e.readiness,
                tier: e.tier,
                rank: e.rank,
                unmet_must_haves: e.unmet_must_haves,
                attribution: role
                    .attribution
                    .as_deref()
                    .or(catalog.attribution.as_deref()),
            }
        })
        .collect())
}

/// [`rank_roles`] over an already compiled catalog: for ranking many people,
/// or one person many times, against a large catalog (such as O*NET's 879
/// occupations) without compiling it on every call.
///
/// The entries borrow from `compiled`; their order, readiness and tiers are
/// those of [`rank_roles`] with the options the catalog was compiled with.
///
/// ```
/// use careerplan::skills::{builtin_roles, rank_roles, rank_roles_compiled, CompiledCatalog, RankOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
///     {"skill": "SQL", "level": 4}, {"skill": "Data analysis", "level": 4}]}}"#)?;
/// let compiled = CompiledCatalog::new(builtin_roles(), &RankOptions::default())?;
/// let top = rank_roles_compiled(&plan.profile, &compiled, Some(3))?;
/// assert_eq!(top, rank_roles(&plan.profile, builtin_roles(), Some(3), &RankOptions::default())?);
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// As [`CompiledCatalog::person`] (paths `profile.skills[i]...`).
pub fn rank_roles_compiled<'c>(
    profile: &Profile,
    compiled: &'c CompiledCatalog,
    top_k: Option<usize>,
) -> Result<Vec<RankEntry<'c>>, Error> {
    let person = compiled.person(&profile.skills, "profile.skills")?;
    Ok(compiled.rank(&person, top_k))
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
    fn compiled_ranking_equals_ranking_and_checks_the_profile() {
        let catalog = crate::skills::builtin_roles();
        let compiled = CompiledCatalog::new(catalog, &RankOptions::default()).unwrap();
        let profile: Profile = serde_json::from_str(
            r#"{"skills": [{"skill": "Leadership", "level": 4}, {"skill": "Budgeting", "level": 3},
                {"skill": "Patient care", "level": 2, "scale": "dreyfus-5"}]}"#,
        )
        .unwrap();
        let all = rank_roles_compiled(&profile, &compiled, None).unwrap();
        assert_eq!(all.len(), catalog.roles.len());
        assert_eq!(
            all,
            rank_roles(&profile, catalog, None, &RankOptions::default()).unwrap()
        );
        assert_eq!(
            rank_roles_compiled(&profile, &compiled, Some(4)).unwrap(),
            all[..4]
        );
        let bad: Profile = serde_json::from_str(
            r#"{"skills": [{"skill": "SQL", "level": 3}, {"skill": "Budgeting", "level": 9}]}"#,
        )
        .unwrap();
        let err = rank_roles_compiled(&bad, &compiled, None).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid-value", "profile.skills[1].level")
        );
    }

    #[test]
    fn options_reject_unknown_fields() {
        let err = serde_json::from_str::<RankOptions>(r#"{"tier": {}}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field"));
    }
}
