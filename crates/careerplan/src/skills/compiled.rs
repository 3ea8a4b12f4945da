//! A role catalog compiled for fast scoring.
//!
//! Ranking hundreds of roles for one person, or every person of an
//! organisation against every role, must not touch strings in its inner loop.
//! [`CompiledCatalog`] interns the catalog's skills as dense indices once and
//! lays each role out as two `f32` rows over those indices: the importance of
//! each skill (0 where the role does not ask for it) and `1 / required
//! proficiency`. A person becomes one `f32` row of proficiencies
//! ([`PersonVector`]). Scoring a role is then one pass over three aligned
//! slices:
//!
//! ```text
//! readiness = (base + Σ w[j] · min(c[j] · inv[j], 1)) / (base + Σ w[j])
//! ```
//!
//! where `base` is the importance of requirements of proficiency 0 (met by
//! anyone). The denominator is precomputed with exactly the same operations,
//! so a person who meets everything scores exactly 1. The formula is the one
//! of [`skill_gap`](super::skill_gap), in `f32`; the two agree within 1e-5.
//!
//! Catalogs whose skills are mostly shared (O*NET: every occupation rates the
//! same 35 skills) use dense rows padded to a multiple of 8 lanes, which the
//! compiler vectorises. Sparse catalogs (thousands of skills, a few per role)
//! store `(skill, weight, inverse)` triples instead.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::rank::{RankEntry, RankOptions, TierThresholds};
use super::resolve::{self, Context, EPS};
use super::role::RoleCatalog;
use super::scale::unknown_scale;
use crate::Error;
use crate::plan::SkillAssessment;

/// Lanes per accumulator block; rows are padded to a multiple of this.
const LANES: usize = 8;

/// A catalog compiled for fast ranking and batch scoring; build it once with
/// [`CompiledCatalog::new`] and reuse it for many people.
///
/// ```
/// use careerplan::skills::{builtin_roles, CompiledCatalog, RankOptions};
/// let compiled = CompiledCatalog::new(builtin_roles(), &RankOptions::default())?;
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
///     {"skill": "SQL", "level": 4}, {"skill": "Data analysis", "level": 4}]}}"#)?;
/// let person = compiled.person(&plan.profile.skills, "profile.skills")?;
/// let ranking = compiled.rank(&person, Some(3));
/// assert_eq!(ranking[0].role_id, "data-analyst");
/// # Ok::<(), careerplan::Error>(())
/// ```
#[derive(Debug)]
pub struct CompiledCatalog {
    ctx: Context<'static>,
    tiers: TierThresholds,
    roles: Vec<RoleMeta>,
    /// Position of each role in id order: the tie-break of rankings.
    id_rank: Vec<u32>,
    skill_index: HashMap<String, u32>,
    /// Skill names exactly as the catalog writes them, for a fast first look-up.
    exact: HashMap<String, u32>,
    skill_names: Vec<String>,
    /// Row length: the number of skills, rounded up to a multiple of `LANES`.
    width: usize,
    layout: Layout,
    /// Per role: importance of requirements of proficiency 0.
    base: Vec<f32>,
    /// Per role: the readiness denominator, computed like the numerator.
    total: Vec<f32>,
    /// Every requirement, grouped by role (`req_offsets`).
    reqs: Vec<CompiledRequirement>,
    req_offsets: Vec<u32>,
    attribution: Option<String>,
}

#[derive(Debug)]
struct RoleMeta {
    id: String,
    title: String,
    attribution: Option<String>,
}

/// One requirement, resolved: what team coverage and must-have checks need.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRequirement {
    pub skill: u32,
    pub proficiency: f32,
    pub level: f64,
    pub importance: f64,
    pub must_have: bool,
}

#[derive(Debug)]
enum Layout {
    Dense {
        weight: Vec<f32>,
        inverse: Vec<f32>,
    },
    Sparse {
        skill: Vec<u32>,
        weight: Vec<f32>,
        inverse: Vec<f32>,
        offsets: Vec<u32>,
    },
}

/// A person's proficiencies over a compiled catalog's skills (0 where not
/// assessed), padded like the catalog's rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonVector {
    levels: Vec<f32>,
}

impl PersonVector {
    /// Proficiency per catalog skill, in [`CompiledCatalog::skill_names`] order.
    pub fn levels(&self) -> &[f32] {
        &self.levels
    }
}

impl CompiledCatalog {
    /// Check and compile `catalog` (with the scales, aliases and tiers of
    /// `options`).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] with the JSON path of the first bad field: a
    /// duplicate or empty role id, an unknown scale, a level outside its
    /// scale, a non-positive importance, a skill required twice, a
    /// `next_roles` entry naming no role. [`Error::InvalidArgument`] for bad
    /// options.
    pub fn new(catalog: &RoleCatalog, options: &RankOptions) -> Result<CompiledCatalog, Error> {
        options.tiers.check("options.tiers")?;
        let ctx: Context<'static> = Context::new(
            &[(&catalog.aliases, "aliases"), (&options.aliases, "options.aliases")],
            &[(&options.scales, "options.scales"), (&catalog.scales, "scales")],
        )?;
        let mut ids: HashMap<&str, usize> = HashMap::with_capacity(catalog.roles.len());
        for (i, role) in catalog.roles.iter().enumerate() {
            if role.id.trim().is_empty() {
                return Err(Error::InvalidValue {
                    path: format!("roles[{i}].id"),
                    message: "role id is empty".into(),
                });
            }
            if let Some(first) = ids.insert(&role.id, i) {
                return Err(Error::InvalidValue {
                    path: format!("roles[{i}].id"),
                    message: format!("role id {:?} is already used by roles[{first}]", role.id),
                });
            }
        }
        let mut skill_index: HashMap<String, u32> = HashMap::new();
        let mut exact: HashMap<String, u32> = HashMap::new();
        let mut skill_names: Vec<String> = Vec::new();
        let mut reqs = Vec::new();
        let mut req_offsets = Vec::with_capacity(catalog.roles.len() + 1);
        let mut roles = Vec::with_capacity(catalog.roles.len());
        req_offsets.push(0u32);
        for (i, role) in catalog.roles.iter().enumerate() {
            for (j, next) in role.next_roles.iter().enumerate() {
                if !ids.contains_key(next.as_str()) {
                    return Err(Error::InvalidValue {
                        path: format!("roles[{i}].next_roles[{j}]"),
                        message: format!("no role has id {next:?}"),
                    });
                }
            }
            let resolved = resolve::resolve_requirements(&ctx, &role.requirements, &format!("roles[{i}]"))?;
            for r in resolved {
                let next_index = skill_names.len() as u32;
                let index = *skill_index.entry(r.key).or_insert_with(|| {
                    skill_names.push(r.skill.clone());
                    next_index
                });
                // Spellings of a skill the vocabulary does not know may
                // differ; show the same one whatever the catalog's order.
                if r.skill < skill_names[index as usize] {
                    skill_names[index as usize] = r.skill.clone();
                }
                exact.entry(r.req.skill.clone()).or_insert(index);
                reqs.push(CompiledRequirement {
                    skill: index,
                    proficiency: r.proficiency as f32,
                    level: r.req.level,
                    importance: r.req.importance,
                    must_have: r.req.required,
                });
            }
            req_offsets.push(u32::try_from(reqs.len()).map_err(|_| Error::InvalidArgument {
                path: "catalog".into(),
                message: "too many requirements".into(),
            })?);
            roles.push(RoleMeta {
                id: role.id.clone(),
                title: role.title.clone(),
                attribution: role.attribution.clone(),
            });
        }
        // Number the skills in key order rather than order of appearance, so
        // a role's row, and so its f32 sums, do not depend on where the role
        // sits in the catalog: rankings are then identical under reordering.
        let mut by_key: Vec<(&String, u32)> = skill_index.iter().map(|(k, &i)| (k, i)).collect();
        by_key.sort_unstable();
        let mut remap = vec![0u32; by_key.len()];
        for (new, &(_, old)) in by_key.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let mut names = vec![String::new(); skill_names.len()];
        for (old, name) in skill_names.into_iter().enumerate() {
            names[remap[old] as usize] = name;
        }
        let skill_names = names;
        for index in skill_index.values_mut().chain(exact.values_mut()) {
            *index = remap[*index as usize];
        }
        for r in &mut reqs {
            r.skill = remap[r.skill as usize];
        }
        for (index, name) in skill_names.iter().enumerate() {
            exact.entry(name.clone()).or_insert(index as u32);
        }
        let width = skill_names.len().div_ceil(LANES).max(1) * LANES;
        let mut order: Vec<u32> = (0..roles.len() as u32).collect();
        order.sort_by(|&a, &b| roles[a as usize].id.cmp(&roles[b as usize].id));
        let mut id_rank = vec![0u32; roles.len()];
        for (rank, &i) in order.iter().enumerate() {
            id_rank[i as usize] = rank as u32;
        }
        let mut compiled = CompiledCatalog {
            ctx,
            tiers: options.tiers.clone(),
            roles,
            id_rank,
            skill_index,
            exact,
            skill_names,
            width,
            layout: Layout::Dense {
                weight: Vec::new(),
                inverse: Vec::new(),
            },
            base: Vec::new(),
            total: Vec::new(),
            reqs,
            req_offsets,
            attribution: catalog.attribution.clone(),
        };
        compiled.lay_out();
        Ok(compiled)
    }

    /// Build the scoring rows and the per-role constants.
    fn lay_out(&mut self) {
        let n = self.roles.len();
        let dense_cells = n.saturating_mul(self.width);
        // Dense when at least one cell in eight is used or the matrix is
        // small anyway (256 Ki cells = 1 MiB per array).
        let dense = dense_cells <= 8 * self.reqs.len().max(1) || dense_cells <= 1 << 18;
        let mut base = vec![0f32; n];
        let inverse_of = |p: f32| 1.0 / (p - EPS as f32);
        if dense {
            let mut weight = vec![0f32; dense_cells];
            let mut inverse = vec![0f32; dense_cells];
            for r in 0..n {
                for req in self.role_reqs(r) {
                    if f64::from(req.proficiency) <= EPS {
                        base[r] += req.importance as f32;
                    } else {
                        let cell = r * self.width + req.skill as usize;
                        weight[cell] = req.importance as f32;
                        inverse[cell] = inverse_of(req.proficiency);
                    }
                }
            }
            self.layout = Layout::Dense { weight, inverse };
        } else {
            let (mut skill, mut weight, mut inverse) = (Vec::new(), Vec::new(), Vec::new());
            let mut offsets = Vec::with_capacity(n + 1);
            offsets.push(0u32);
            for r in 0..n {
                for req in self.role_reqs(r) {
                    if f64::from(req.proficiency) <= EPS {
                        base[r] += req.importance as f32;
                    } else {
                        skill.push(req.skill);
                        weight.push(req.importance as f32);
                        inverse.push(inverse_of(req.proficiency));
                    }
                }
                offsets.push(skill.len() as u32);
            }
            self.layout = Layout::Sparse {
                skill,
                weight,
                inverse,
                offsets,
            };
        }
        self.base = base;
        // Every inverse is >= 1 (proficiencies are <= 1), so a person at
        // proficiency 1 everywhere attains 1 everywhere: scoring them yields
        // the denominator through the very same operations.
        let everyone = vec![1f32; self.width];
        self.total = (0..n).map(|r| self.numerator(r, &everyone)).collect();
    }

    fn role_reqs(&self, role: usize) -> &[CompiledRequirement] {
        let (a, b) = (self.req_offsets[role] as usize, self.req_offsets[role + 1] as usize);
        &self.reqs[a..b]
    }

    /// Number of roles.
    pub fn len(&self) -> usize {
        self.roles.len()
    }

    /// Whether the catalog has no roles.
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }

    /// Id of role `index` (catalog order).
    pub fn role_id(&self, index: usize) -> &str {
        &self.roles[index].id
    }

    /// Title of role `index` (catalog order).
    pub fn role_title(&self, index: usize) -> &str {
        &self.roles[index].title
    }

    /// Canonical names of the catalog's skills, in vector order.
    pub fn skill_names(&self) -> &[String] {
        &self.skill_names
    }

    /// The catalog's attribution, if its source requires one.
    pub fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    /// Whether rows are stored dense (one cell per catalog skill).
    pub fn is_dense(&self) -> bool {
        matches!(self.layout, Layout::Dense { .. })
    }

    pub(crate) fn requirements_of(&self, role: usize) -> &[CompiledRequirement] {
        self.role_reqs(role)
    }

    pub(crate) fn attribution_of(&self, role: usize) -> Option<&str> {
        self.roles[role].attribution.as_deref().or(self.attribution.as_deref())
    }

    /// A person's vector over this catalog's skills. Skills the catalog does
    /// not use are left out (they cannot change any readiness); a skill
    /// assessed twice counts at its most recent assessment. `path` is the JSON
    /// path of `skills`, used in errors.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for an unknown scale or a level outside its
    /// scale, with the path of the field.
    pub fn person(&self, skills: &[SkillAssessment], path: &str) -> Result<PersonVector, Error> {
        let mut levels = vec![0f32; self.width];
        // (skill, date, proficiency) of the assessment in force per skill.
        let mut seen: Vec<(u32, Option<NaiveDate>)> = Vec::with_capacity(skills.len());
        let registry = self.ctx.registry();
        for (i, a) in skills.iter().enumerate() {
            let Some(scale) = registry.get(&a.scale) else {
                return Err(unknown_scale(&a.scale, &format!("{path}[{i}].scale")));
            };
            if !scale.contains(a.level) {
                return Err(Error::InvalidValue {
                    path: format!("{path}[{i}].level"),
                    message: format!(
                        "level {} is outside scale {:?} ({} to {})",
                        a.level, scale.id, scale.min, scale.max
                    ),
                });
            }
            let index = match self.exact.get(&a.skill) {
                Some(&ix) => Some(ix),
                None => self.skill_index.get(&self.ctx.vocab.key(&a.skill)).copied(),
            };
            let Some(index) = index else { continue };
            match seen.iter_mut().find(|(s, _)| *s == index) {
                Some((_, date)) => {
                    let replace = match (*date, a.assessed_on) {
                        (Some(k), Some(n)) => n >= k,
                        (Some(_), None) => false,
                        (None, _) => true,
                    };
                    if !replace {
                        continue;
                    }
                    *date = a.assessed_on;
                }
                None => seen.push((index, a.assessed_on)),
            }
            levels[index as usize] = scale.normalize(a.level) as f32;
        }
        Ok(PersonVector { levels })
    }

    fn numerator(&self, role: usize, person: &[f32]) -> f32 {
        let sum = match &self.layout {
            Layout::Dense { weight, inverse } => {
                let row = role * self.width..(role + 1) * self.width;
                dense_sum(&weight[row.clone()], &inverse[row], person)
            }
            Layout::Sparse {
                skill,
                weight,
                inverse,
                offsets,
            } => {
                let row = offsets[role] as usize..offsets[role + 1] as usize;
                sparse_sum(&skill[row.clone()], &weight[row.clone()], &inverse[row], person)
            }
        };
        self.base[role] + sum
    }

    /// Readiness of `person` for role `index`, 0 to 1.
    pub fn readiness(&self, index: usize, person: &PersonVector) -> f32 {
        let total = self.total[index];
        if total > 0.0 {
            (self.numerator(index, &person.levels) / total).clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// Readiness of `person` for every role, in catalog order, into `out`
    /// (cleared first).
    pub fn readiness_all(&self, person: &PersonVector, out: &mut Vec<f32>) {
        out.clear();
        out.extend((0..self.roles.len()).map(|r| self.readiness(r, person)));
    }

    /// Readiness of `person` for every role into `out`, which must hold one
    /// cell per role.
    pub(crate) fn readiness_into(&self, person: &PersonVector, out: &mut [f32]) {
        for (r, cell) in out.iter_mut().enumerate() {
            *cell = self.readiness(r, person);
        }
    }

    /// Number of must-haves of role `index` that `person` does not meet.
    pub fn unmet_must_haves(&self, index: usize, person: &PersonVector) -> u32 {
        self.role_reqs(index)
            .iter()
            .filter(|r| r.must_have && f64::from(person.levels[r.skill as usize]) + EPS < f64::from(r.proficiency))
            .count() as u32
    }

    /// Every role ranked for `person`, best first, cut to `top_k`; see
    /// [`rank_roles`](super::rank_roles) for the order and tiers.
    pub fn rank(&self, person: &PersonVector, top_k: Option<usize>) -> Vec<RankEntry<'_>> {
        let n = self.roles.len();
        let k = top_k.unwrap_or(n).min(n);
        if k == 0 {
            return Vec::new();
        }
        // Sort keys: readiness rounded to 1e-6 (descending), then the role's
        // place in id order, packed in one u64 so the sort compares integers.
        let mut keys: Vec<u64> = (0..n)
            .map(|r| {
                let q = quantize(self.readiness(r, person));
                (u64::from(super::rank::QUANTUM - q) << 32) | u64::from(self.id_rank[r])
            })
            .collect();
        if k < n {
            keys.select_nth_unstable(k - 1);
            keys.truncate(k);
        }
        keys.sort_unstable();
        let by_id_rank = self.by_id_rank();
        keys.iter()
            .enumerate()
            .map(|(place, &key)| {
                let role = by_id_rank[(key & 0xffff_ffff) as usize] as usize;
                let readiness = f64::from(super::rank::QUANTUM - (key >> 32) as u32) / f64::from(super::rank::QUANTUM);
                let unmet = self.unmet_must_haves(role, person);
                RankEntry {
                    role_id: &self.roles[role].id,
                    title: &self.roles[role].title,
                    readiness,
                    tier: self.tiers.tier(readiness, unmet as usize),
                    rank: place as u32 + 1,
                    unmet_must_haves: unmet,
                    attribution: self.attribution_of(role),
                }
            })
            .collect()
    }

    fn by_id_rank(&self) -> Vec<u32> {
        let mut inverse = vec![0u32; self.id_rank.len()];
        for (role, &rank) in self.id_rank.iter().enumerate() {
            inverse[rank as usize] = role as u32;
        }
        inverse
    }
}

/// Readiness rounded to the ranking's resolution, as an integer.
pub(crate) fn quantize(readiness: f32) -> u32 {
    let q = (f64::from(readiness) * f64::from(super::rank::QUANTUM)).round();
    // readiness is clamped to 0..=1, so q fits.
    q.clamp(0.0, f64::from(super::rank::QUANTUM)) as u32
}

/// `Σ w · min(c · inv, 1)` over aligned rows, in `LANES` independent
/// accumulators so the compiler can vectorise it.
#[inline]
fn dense_sum(weight: &[f32], inverse: &[f32], person: &[f32]) -> f32 {
    let mut acc = [0f32; LANES];
    for ((w, inv), c) in weight
        .chunks_exact(LANES)
        .zip(inverse.chunks_exact(LANES))
        .zip(person.chunks_exact(LANES))
    {
        for k in 0..LANES {
            let a = c[k] * inv[k];
            let a = if a < 1.0 { a } else { 1.0 };
            acc[k] += w[k] * a;
        }
    }
    lane_sum(acc)
}

#[inline]
fn sparse_sum(skill: &[u32], weight: &[f32], inverse: &[f32], person: &[f32]) -> f32 {
    let mut acc = [0f32; LANES];
    for (k, ((&s, &w), &inv)) in skill.iter().zip(weight).zip(inverse).enumerate() {
        let a = person[s as usize] * inv;
        let a = if a < 1.0 { a } else { 1.0 };
        acc[k % LANES] += w * a;
    }
    lane_sum(acc)
}

#[inline]
fn lane_sum(acc: [f32; LANES]) -> f32 {
    ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::role::{Requirement, Role};

    fn assess(skill: &str, level: f64) -> SkillAssessment {
        serde_json::from_value(serde_json::json!({"skill": skill, "level": level})).unwrap()
    }

    fn catalog() -> RoleCatalog {
        RoleCatalog::from_roles(vec![
            Role::new("b", "B", vec![Requirement::new("SQL", 4.0), Requirement::new("Python", 2.0).importance(1.0)]),
            Role::new("a", "A", vec![Requirement::new("SQL", 2.0), Requirement::new("Zero", 0.0).on_scale("percent")]),
            Role::new("c", "C", vec![]),
        ])
    }

    #[test]
    fn dense_and_sparse_layouts_agree() {
        let cat = catalog();
        let compiled = CompiledCatalog::new(&cat, &RankOptions::default()).unwrap();
        assert!(compiled.is_dense());
        let person = compiled.person(&[assess("sql", 3.0), assess("Python", 1.0)], "skills").unwrap();
        let dense: Vec<f32> = (0..3).map(|r| compiled.readiness(r, &person)).collect();
        let mut sparse = CompiledCatalog::new(&cat, &RankOptions::default()).unwrap();
        // Force the sparse layout on the same data.
        let (mut skill, mut weight, mut inverse, mut offsets) = (vec![], vec![], vec![], vec![0u32]);
        if let Layout::Dense { weight: w, inverse: inv } = &sparse.layout {
            for r in 0..3 {
                for j in 0..sparse.width {
                    let cell = r * sparse.width + j;
                    if w[cell] > 0.0 {
                        skill.push(j as u32);
                        weight.push(w[cell]);
                        inverse.push(inv[cell]);
                    }
                }
                offsets.push(skill.len() as u32);
            }
        }
        sparse.layout = Layout::Sparse { skill, weight, inverse, offsets };
        let got: Vec<f32> = (0..3).map(|r| sparse.readiness(r, &person)).collect();
        assert_eq!(dense, got);
        // b: SQL 0.6/0.8 weight 3, Python 0.2/0.4 weight 1 -> (2.25 + 0.5) / 4
        assert!((dense[0] - 0.6875).abs() < 1e-5, "{dense:?}");
        assert_eq!(dense[1], 1.0);
        assert_eq!(dense[2], 1.0);
    }

    #[test]
    fn ranking_breaks_ties_by_id() {
        let compiled = CompiledCatalog::new(&catalog(), &RankOptions::default()).unwrap();
        let person = compiled.person(&[assess("SQL", 5.0), assess("Python", 5.0)], "skills").unwrap();
        let ids: Vec<&str> = compiled.rank(&person, None).iter().map(|e| e.role_id).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let top: Vec<&str> = compiled.rank(&person, Some(2)).iter().map(|e| e.role_id).collect();
        assert_eq!(top, ["a", "b"]);
        assert!(compiled.rank(&person, Some(0)).is_empty());
    }

    #[test]
    fn duplicate_ids_and_dangling_next_roles_are_errors() {
        let mut cat = catalog();
        cat.roles[2].id = "a".into();
        let err = CompiledCatalog::new(&cat, &RankOptions::default()).unwrap_err();
        assert_eq!(err.path(), "roles[2].id");
        let mut cat = catalog();
        cat.roles[0].next_roles = vec!["zzz".into()];
        let err = CompiledCatalog::new(&cat, &RankOptions::default()).unwrap_err();
        assert_eq!(err.path(), "roles[0].next_roles[0]");
    }

    #[test]
    fn person_errors_name_the_assessment() {
        let compiled = CompiledCatalog::new(&catalog(), &RankOptions::default()).unwrap();
        let mut bad = assess("SQL", 3.0);
        bad.scale = "nope".into();
        let err = compiled.person(&[assess("SQL", 1.0), bad], "people[4].skills").unwrap_err();
        assert_eq!(err.path(), "people[4].skills[1].scale");
        let err = compiled.person(&[assess("SQL", 7.0)], "skills").unwrap_err();
        assert_eq!(err.path(), "skills[0].level");
    }
}
