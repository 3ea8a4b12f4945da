//! Ranking every role of a catalog for one person, with readiness tiers:
//! [`Catalog::rank`](super::Catalog::rank) is the entry point; this module
//! holds the ranking of a catalog compiled for the call.

use super::compiled::CompiledCatalog;
pub use super::ranking::{RankEntry, RankOptions, Tier, TierThresholds};
use super::role::RoleCatalog;
use crate::Error;
use crate::plan::Profile;

/// Every role of `catalog` scored for a person and ordered, best first, on
/// a compiled form made for this call with `options`; the entries borrow
/// from `catalog`, whose roles the compiled form lists in the same order.
pub(crate) fn rank_fresh<'c>(
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
    Ok(rank_compiled(profile, &compiled, top_k)?
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

/// Every role of `compiled` scored for a person and ordered, best first.
///
/// # Errors
/// As [`CompiledCatalog::person`] (paths `profile.skills[i]...`).
pub(crate) fn rank_compiled<'c>(
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
    fn compiled_ranking_equals_fresh_ranking_and_checks_the_profile() {
        let catalog = crate::skills::builtin_roles();
        let compiled = CompiledCatalog::new(catalog, &RankOptions::default()).unwrap();
        let profile: Profile = serde_json::from_str(
            r#"{"skills": [{"skill": "Leadership", "level": 4}, {"skill": "Budgeting", "level": 3},
                {"skill": "Patient care", "level": 2, "scale": "dreyfus-5"}]}"#,
        )
        .unwrap();
        let all = rank_compiled(&profile, &compiled, None).unwrap();
        assert_eq!(all.len(), catalog.roles.len());
        assert_eq!(
            all,
            rank_fresh(&profile, catalog, None, &RankOptions::default()).unwrap()
        );
        assert_eq!(
            rank_compiled(&profile, &compiled, Some(4)).unwrap(),
            all[..4]
        );
        let bad: Profile = serde_json::from_str(
            r#"{"skills": [{"skill": "SQL", "level": 3}, {"skill": "Budgeting", "level": 9}]}"#,
        )
        .unwrap();
        let err = rank_compiled(&bad, &compiled, None).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid-value", "profile.skills[1].level")
        );
    }
}
