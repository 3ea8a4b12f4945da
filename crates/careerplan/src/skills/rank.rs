//! Ranking every role of a catalog for one person, with readiness tiers.

use super::compiled::CompiledCatalog;
pub use super::ranking::{RankEntry, RankOptions, Tier, TierThresholds};
use super::role::RoleCatalog;
use crate::Error;
use crate::plan::Profile;

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
}
