//! A role catalog ready for use ([`Catalog`]) and role arguments
//! ([`RoleRef`]): the entry points of the skill-gap engine that every face
//! (CLI, Python, WebAssembly) calls.
//!
//! A [`Catalog`] owns a [`RoleCatalog`], read-only, and compiles it for
//! ranking ([`CompiledCatalog`]) on first use with the default options, so
//! ranking many people against O*NET's 879 occupations compiles them once.
//! Every calculation over a catalog's roles is one of its methods
//! ([`skill_gap`](Catalog::skill_gap),
//! [`transferable_skills`](Catalog::transferable_skills),
//! [`rank`](Catalog::rank), [`gap_matrix`](Catalog::gap_matrix),
//! [`team_coverage`](Catalog::team_coverage),
//! [`coverage`](Catalog::coverage)): one call per calculation, the cache
//! used when it applies. The free functions [`skill_gap`] and
//! [`transferable_skills`] take roles given whole, with no catalog.
//!
//! A [`RoleRef`] is a role argument: the id of a role in the catalog, or a
//! role given whole. [`RoleRef::catalog_for`] holds the rules every face
//! applies to them: ids are looked up in the catalog given (the built-in one
//! when none is); a role given whole uses no catalog, so a catalog given
//! beside it is refused rather than silently ignored; two roles are both ids
//! or both roles.
//!
//! ```
//! use careerplan::skills::{Catalog, GapOptions, RankOptions, RoleRef};
//! let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
//!     {"skill": "SQL", "level": 4}, {"skill": "Data analysis", "level": 4}]}}"#, &Default::default())?;
//! let catalog = Catalog::builtin();
//! let top = catalog.rank(&plan.profile, Some(3), &RankOptions::default())?;
//! let gap = catalog.skill_gap(&plan.profile, &RoleRef::from(top[0].role_id), &GapOptions::default())?;
//! assert_eq!(gap.role_id, top[0].role_id);
//! # Ok::<(), careerplan::Error>(())
//! ```

use std::ops::Deref;
use std::sync::OnceLock;

use super::compiled::CompiledCatalog;
use super::crosswalk::{Coverage, catalog_coverage};
use super::gap::{
    GapOptions, GapReport, TransferReport, gap_by_id, skill_gap, transfer_by_id,
    transferable_skills,
};
use super::rank::{RankEntry, RankOptions, rank_compiled, rank_fresh};
use super::role::{Role, RoleCatalog, builtin_roles};
use super::team::{GapMatrix, Person, RoleCoverage, coverage_of, matrix_of};
use crate::Error;
use crate::plan::Profile;

/// A role catalog ready for use: the roles, read-only, and their compiled
/// form, built on first use and kept.
///
/// Build one with [`Catalog::new`] (or `From<RoleCatalog>`); the built-in
/// starter catalog is [`Catalog::builtin`]. It dereferences to its
/// [`RoleCatalog`] for reading (`catalog.roles`, `catalog.role(id)`); it
/// cannot be changed, so the compiled form never goes stale. It is `Send`
/// and `Sync`: share one across threads and calls.
///
/// ```
/// use careerplan::skills::{Catalog, RankOptions, RoleCatalog};
/// let catalog = Catalog::new(RoleCatalog::from_json(r#"[{"id": "dba", "title": "DBA",
///     "requirements": [{"skill": "SQL", "level": 4}]}]"#)?);
/// let first = catalog.compiled()? as *const _;
/// let profile = careerplan::plan::Profile::default();
/// assert_eq!(catalog.rank(&profile, None, &RankOptions::default())?[0].role_id, "dba");
/// assert_eq!(catalog.compiled()? as *const _, first, "compiled once");
/// # Ok::<(), careerplan::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Catalog {
    data: RoleCatalog,
    compiled: OnceLock<Result<CompiledCatalog, Error>>,
}

/// A compiled catalog: the one a [`Catalog`] keeps, or one compiled for a
/// call with other options ([`Catalog::compiled_for`]).
#[derive(Debug)]
pub enum CompiledRef<'a> {
    /// The catalog's own, compiled with the default options.
    Cached(&'a CompiledCatalog),
    /// Compiled for this call.
    Fresh(Box<CompiledCatalog>),
}

impl Deref for CompiledRef<'_> {
    type Target = CompiledCatalog;

    fn deref(&self) -> &CompiledCatalog {
        match self {
            CompiledRef::Cached(compiled) => compiled,
            CompiledRef::Fresh(compiled) => compiled,
        }
    }
}

impl Catalog {
    /// A catalog of these roles, compiled when first needed.
    pub fn new(data: RoleCatalog) -> Catalog {
        Catalog {
            data,
            compiled: OnceLock::new(),
        }
    }

    /// The built-in starter catalog ([`builtin_roles`]), one for the process.
    pub fn builtin() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| Catalog::new(builtin_roles().clone()))
    }

    /// The roles, scales and aliases, as read.
    pub fn data(&self) -> &RoleCatalog {
        &self.data
    }

    /// The roles, scales and aliases, for a caller that wants to change them
    /// (into a new `Catalog`).
    pub fn into_data(self) -> RoleCatalog {
        self.data
    }

    /// The catalog compiled with the default [`RankOptions`], on the first
    /// call; later calls return the same.
    ///
    /// # Errors
    /// As [`CompiledCatalog::new`] (a bad scale or level, with its path
    /// `roles[i].requirements[j]...`), on every call.
    pub fn compiled(&self) -> Result<&CompiledCatalog, Error> {
        self.compiled
            .get_or_init(|| CompiledCatalog::new(&self.data, &RankOptions::default()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The catalog compiled for `options`: the kept one for the default
    /// options, else compiled for this call.
    ///
    /// # Errors
    /// As [`CompiledCatalog::new`].
    pub fn compiled_for(&self, options: &RankOptions) -> Result<CompiledRef<'_>, Error> {
        if *options == RankOptions::default() {
            self.compiled().map(CompiledRef::Cached)
        } else {
            CompiledCatalog::new(&self.data, options).map(|c| CompiledRef::Fresh(Box::new(c)))
        }
    }

    /// Compare a profile with a role: one of the catalog's, by id (with the
    /// catalog's scales and aliases), or one given whole (with the built-in
    /// scales and the options' only; see [`RoleRef`]).
    ///
    /// # Errors
    /// As [`skill_gap`]; [`Error::InvalidArgument`] (path `role`) for an id
    /// the catalog does not have.
    pub fn skill_gap(
        &self,
        profile: &Profile,
        role: &RoleRef,
        options: &GapOptions,
    ) -> Result<GapReport, Error> {
        match role {
            RoleRef::Id(id) => gap_by_id(profile, &self.data, id, options),
            RoleRef::Role(role) => skill_gap(profile, role, options),
        }
    }

    /// What carries over in a career change from `from` to `to`: both ids
    /// of the catalog's roles, or both roles given whole.
    ///
    /// ```
    /// use careerplan::skills::{Catalog, GapOptions, RoleRef};
    /// let t = Catalog::builtin().transferable_skills(&Default::default(),
    ///     &"registered-nurse".into(), &"charge-nurse".into(), &GapOptions::default())?;
    /// assert!(t.readiness_after > t.readiness_before);
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`transferable_skills`]; [`Error::InvalidArgument`] (path
    /// `from_role` or `to_role`) for an unknown id, and (path `""`) for an
    /// id beside a role given whole.
    pub fn transferable_skills(
        &self,
        profile: &Profile,
        from: &RoleRef,
        to: &RoleRef,
        options: &GapOptions,
    ) -> Result<TransferReport, Error> {
        match (from, to) {
            (RoleRef::Id(from), RoleRef::Id(to)) => {
                transfer_by_id(profile, &self.data, from, to, options)
            }
            (RoleRef::Role(from), RoleRef::Role(to)) => {
                transferable_skills(profile, from, to, options)
            }
            _ => Err(mixed_roles("from_role", "to_role")),
        }
    }

    /// Every role scored for a profile and ordered, best first; the first
    /// `top_k` (all when `None`). With the default options on the kept
    /// compiled form, otherwise on one compiled for the call.
    ///
    /// Readiness is the weighted readiness of [`skill_gap`] (computed in
    /// `f32`) rounded to six decimals; ties are broken by role id, so the
    /// ranking is a total order that does not depend on the catalog's order.
    ///
    /// ```
    /// use careerplan::skills::{Catalog, RankOptions};
    /// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
    ///     {"skill": "Patient care", "level": 4}, {"skill": "Clinical assessment", "level": 4},
    ///     {"skill": "Medication administration", "level": 4}]}}"#, &Default::default())?;
    /// let top = Catalog::builtin().rank(&plan.profile, Some(2), &RankOptions::default())?;
    /// assert_eq!(top[0].role_id, "registered-nurse");
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`CompiledCatalog::new`] and [`CompiledCatalog::person`] (paths
    /// `profile.skills[i]...`).
    pub fn rank(
        &self,
        profile: &Profile,
        top_k: Option<usize>,
        options: &RankOptions,
    ) -> Result<Vec<RankEntry<'_>>, Error> {
        if *options == RankOptions::default() {
            rank_compiled(profile, self.compiled()?, top_k)
        } else {
            rank_fresh(profile, &self.data, top_k, options)
        }
    }

    /// Readiness of every person for every role: each cell the readiness of
    /// [`rank`](Catalog::rank) before its rounding to six decimals. With the
    /// default options on the kept compiled form; parallel over people with
    /// the `parallel` feature.
    ///
    /// ```
    /// use careerplan::skills::{Catalog, Person, RankOptions};
    /// let people: Vec<Person> = serde_json::from_str(r#"[
    ///   {"id": "ana", "skills": [{"skill": "SQL", "level": 3}]},
    ///   {"id": "ben", "skills": [{"skill": "Leadership", "level": 4}]}]"#).unwrap();
    /// let catalog = Catalog::builtin();
    /// let m = catalog.gap_matrix(&people, &RankOptions::default())?;
    /// assert_eq!(m.person_ids, ["ana", "ben"]);
    /// assert_eq!(m.row(0).len(), catalog.roles.len());
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`CompiledCatalog::new`], and [`Error::InvalidValue`] for a bad
    /// assessment (path `people[i].skills[j]...`).
    pub fn gap_matrix(&self, people: &[Person], options: &RankOptions) -> Result<GapMatrix, Error> {
        matrix_of(people, &*self.compiled_for(options)?)
    }

    /// Per role and requirement, how many of `people` meet it. With the
    /// default options on the kept compiled form; parallel over roles with
    /// the `parallel` feature.
    ///
    /// ```
    /// use careerplan::skills::{Catalog, Person, RankOptions};
    /// let people: Vec<Person> = serde_json::from_str(r#"[
    ///   {"id": "ana", "skills": [{"skill": "SQL", "level": 3}, {"skill": "Data analysis", "level": 3}]},
    ///   {"id": "ben", "skills": [{"skill": "SQL", "level": 1}]}]"#).unwrap();
    /// let cov = Catalog::builtin().team_coverage(&people, &RankOptions::default())?;
    /// let analyst = cov.iter().find(|c| c.role_id == "data-analyst").unwrap();
    /// let sql = analyst.skills.iter().find(|s| s.skill == "SQL").unwrap();
    /// assert_eq!(sql.people_meeting, 1);
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`gap_matrix`](Catalog::gap_matrix).
    pub fn team_coverage(
        &self,
        people: &[Person],
        options: &RankOptions,
    ) -> Result<Vec<RoleCoverage>, Error> {
        coverage_of(people, &*self.compiled_for(options)?)
    }

    /// How much of a profile the roles cover: the profile's skills the
    /// catalog names, reaches through the O*NET crosswalk, or does not know
    /// (see [`crosswalk`](super::crosswalk)).
    ///
    /// ```
    /// use careerplan::skills::Catalog;
    /// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
    ///     {"skill": "SQL", "level": 3}, {"skill": "Basket weaving", "level": 5}]}}"#, &Default::default())?;
    /// let c = Catalog::builtin().coverage(&plan.profile);
    /// assert_eq!((c.covered.as_slice(), c.uncovered.as_slice(), c.share), (&["SQL".to_string()][..], &["Basket weaving".to_string()][..], 0.5));
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    pub fn coverage(&self, profile: &Profile) -> Coverage {
        catalog_coverage(profile, &self.data)
    }
}

impl Deref for Catalog {
    type Target = RoleCatalog;

    fn deref(&self) -> &RoleCatalog {
        &self.data
    }
}

impl From<RoleCatalog> for Catalog {
    fn from(data: RoleCatalog) -> Catalog {
        Catalog::new(data)
    }
}

/// A copy of the roles; the copy compiles again when first needed.
impl Clone for Catalog {
    fn clone(&self) -> Catalog {
        Catalog::new(self.data.clone())
    }
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        self.data == other.data
    }
}

/// A role argument: the id of a role in a catalog, or a role given whole.
///
/// ```
/// use careerplan::skills::{Catalog, Requirement, Role, RoleRef};
/// let by_id = RoleRef::from("team-lead");
/// let whole = RoleRef::from(Role::new("dba", "DBA", vec![Requirement::new("SQL", 4.0)]));
/// // Ids are looked up in the catalog given, the built-in one when none is.
/// assert!(std::ptr::eq(RoleRef::catalog_for(&[&by_id], None, "catalog")?, Catalog::builtin()));
/// // A catalog beside a role given whole would be ignored: it is refused.
/// let mine = Catalog::builtin().clone();
/// let err = RoleRef::catalog_for(&[&whole], Some(&mine), "catalog").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid-argument", "catalog"));
/// # Ok::<(), careerplan::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum RoleRef {
    /// The id of a role in the catalog.
    Id(String),
    /// A role given whole: compared with the built-in scales and the
    /// options' scales and aliases.
    Role(Box<Role>),
}

impl RoleRef {
    /// The catalog that `roles` (the role arguments of one calculation) are
    /// looked up in, by the rules every face applies: `catalog`, or the
    /// built-in catalog when none is given. `catalog_arg` is how the caller
    /// names the catalog argument (`catalog`, `options.catalog`), for the
    /// error.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] at `catalog_arg` when a catalog is given
    /// beside a role given whole (it would be silently ignored), and at
    /// `""` when some roles are ids and others given whole. The faces
    /// report both as their language's type error (`TypeError`).
    pub fn catalog_for<'c>(
        roles: &[&RoleRef],
        catalog: Option<&'c Catalog>,
        catalog_arg: &str,
    ) -> Result<&'c Catalog, Error> {
        let whole = roles
            .iter()
            .filter(|r| matches!(r, RoleRef::Role(_)))
            .count();
        if whole > 0 && whole < roles.len() {
            return Err(mixed_roles("from_role", "to_role"));
        }
        match catalog {
            Some(_) if whole > 0 => Err(Error::InvalidArgument {
                path: catalog_arg.to_string(),
                message: "applies to roles given by id; a role given whole uses the built-in \
                          scales and the options' scales (pass its id and its catalog instead)"
                    .into(),
            }),
            Some(catalog) => Ok(catalog),
            None => Ok(Catalog::builtin()),
        }
    }

    /// The id, for a role given by id.
    pub fn id(&self) -> Option<&str> {
        match self {
            RoleRef::Id(id) => Some(id),
            RoleRef::Role(_) => None,
        }
    }
}

/// Two role arguments of which one is an id and the other a role.
fn mixed_roles(from: &str, to: &str) -> Error {
    Error::InvalidArgument {
        path: String::new(),
        message: format!("{from} and {to}: give both as ids or both as roles"),
    }
}

impl From<&str> for RoleRef {
    fn from(id: &str) -> RoleRef {
        RoleRef::Id(id.to_string())
    }
}

impl From<String> for RoleRef {
    fn from(id: String) -> RoleRef {
        RoleRef::Id(id)
    }
}

impl From<Role> for RoleRef {
    fn from(role: Role) -> RoleRef {
        RoleRef::Role(Box::new(role))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::Requirement;

    fn role(id: &str) -> RoleRef {
        RoleRef::from(Role::new(id, id, vec![Requirement::new("SQL", 3.0)]))
    }

    #[test]
    fn ids_go_to_the_catalog_given_or_the_builtin_one() {
        let mine = Catalog::new(RoleCatalog::default());
        let id = RoleRef::from("x");
        assert!(std::ptr::eq(
            RoleRef::catalog_for(&[&id], Some(&mine), "catalog").unwrap(),
            &mine
        ));
        assert!(std::ptr::eq(
            RoleRef::catalog_for(&[&id, &id], None, "catalog").unwrap(),
            Catalog::builtin()
        ));
        // Roles given whole without a catalog: fine.
        RoleRef::catalog_for(&[&role("a"), &role("b")], None, "catalog").unwrap();
    }

    #[test]
    fn a_catalog_beside_a_whole_role_is_refused() {
        let mine = Catalog::new(RoleCatalog::default());
        let err = RoleRef::catalog_for(&[&role("a")], Some(&mine), "options.catalog").unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid-argument", "options.catalog")
        );
        assert!(
            err.to_string()
                .starts_with("options.catalog: applies to roles given by id")
        );
    }

    #[test]
    fn ids_and_whole_roles_do_not_mix() {
        let err = RoleRef::catalog_for(&[&"a".into(), &role("b")], None, "catalog").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-argument", ""));
        assert!(err.message().contains("both as ids or both as roles"));
        let err = Catalog::builtin()
            .transferable_skills(
                &Profile::default(),
                &role("a"),
                &"charge-nurse".into(),
                &GapOptions::default(),
            )
            .unwrap_err();
        assert_eq!(err.code(), "invalid-argument");
    }

    #[test]
    fn an_unknown_id_names_the_argument() {
        let err = Catalog::builtin()
            .skill_gap(
                &Profile::default(),
                &"nobody".into(),
                &GapOptions::default(),
            )
            .unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-argument", "role"));
    }

    #[test]
    fn the_compiled_form_is_kept_and_matches_a_fresh_one() {
        let catalog = Catalog::builtin().clone();
        let first: *const CompiledCatalog = catalog.compiled().unwrap();
        let again: *const CompiledCatalog =
            &*catalog.compiled_for(&RankOptions::default()).unwrap();
        assert_eq!(first, again);
        let other = RankOptions {
            tiers: crate::skills::TierThresholds {
                ready_now: 0.95,
                ..Default::default()
            },
            ..Default::default()
        };
        assert!(matches!(
            catalog.compiled_for(&other).unwrap(),
            CompiledRef::Fresh(_)
        ));
        let profile: Profile = crate::json::from_value(
            serde_json::json!({"skills": [{"skill": "SQL", "level": 4}]}),
            "",
        )
        .unwrap();
        let builtin = builtin_roles();
        let options = RankOptions::default();
        assert_eq!(
            catalog.rank(&profile, Some(5), &options).unwrap(),
            rank_fresh(&profile, builtin, Some(5), &options).unwrap()
        );
        // A clone compiles again (its own cache), to the same result.
        let copy = catalog.clone();
        assert!(!std::ptr::eq(copy.compiled().unwrap(), first));
        assert_eq!(copy, catalog);
    }

    #[test]
    fn a_bad_catalog_fails_on_every_use() {
        let bad = RoleCatalog::from_json(
            r#"[{"id": "x", "title": "X", "requirements": [{"skill": "SQL", "level": 3, "scale": "nope"}]}]"#,
        )
        .unwrap();
        let catalog = Catalog::new(bad);
        let first = catalog.compiled().unwrap_err();
        assert_eq!(catalog.compiled().unwrap_err(), first);
        assert!(first.path().starts_with("roles[0]"), "{first}");
    }
}
