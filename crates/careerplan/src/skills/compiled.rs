//! A role catalog compiled for fast scoring.
//!
//! Ranking hundreds of roles for one person, or every person of an
//! organisation against every role, must not touch strings in its inner loop.
//! [`CompiledCatalog`] interns the catalog's skills as indices once (numbered
//! in key order, so nothing depends on the order of the catalog) and stores,
//! per role and skill, two `f32`s: the importance `w` (0 where the role does
//! not ask for the skill) and `inv = 1 / (required proficiency · (1 − 10⁻⁶))`,
//! the relative tolerance absorbing `f32` rounding so that a level equal to
//! the requirement attains exactly 1 (an absolute tolerance would skew small
//! requirements: 1 % on the `percent` scale by 10⁻⁴). A person
//! becomes the sorted list of their non-zero proficiencies `c`
//! ([`PersonVector`]). Readiness is then
//!
//! ```text
//! readiness = (base + Σ_j w[j] · min(c[j] · inv[j], 1)) / (base + Σ_j w[j])
//! ```
//!
//! where `base` is the importance of requirements of proficiency 0 (met by
//! anyone). Skills the person lacks add exactly 0 and are skipped. The
//! denominator is computed once with the very same operations for a person at
//! proficiency 1 everywhere, so meeting everything scores exactly 1. The
//! formula is the one of [`skill_gap`](super::skill_gap), in `f32`; the two
//! agree within 1e-5.
//!
//! Catalogs whose skills are mostly shared (O*NET: every occupation rates the
//! same 35 skills) are stored *roles in lanes*: blocks of 8 roles, and for
//! each skill the 8 roles' values side by side, so one pass over the person's
//! skills scores 8 roles at once in vector registers, with no horizontal sums.
//! Sparse catalogs (thousands of skills, a few per role) store `(skill,
//! weight, inverse)` triples per role, merged with the person's sorted list.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::ranking::{RankEntry, RankOptions, TierThresholds};
use super::resolve::{self, Context, EPS};
use super::role::RoleCatalog;
use crate::Error;
use crate::plan::SkillAssessment;
use crate::scale::unknown_scale;
use crate::text::SharedStr;

/// Lanes per accumulator block; rows are padded to a multiple of this.
const LANES: usize = 8;

/// A catalog compiled for fast ranking and batch scoring; build it once with
/// [`CompiledCatalog::new`] (or take the one a [`Catalog`](super::Catalog)
/// keeps, [`Catalog::compiled`](super::Catalog::compiled)) and reuse it for
/// many people.
///
/// ```
/// use careerplan::skills::{builtin_roles, CompiledCatalog, RankOptions};
/// let compiled = CompiledCatalog::new(builtin_roles(), &RankOptions::default())?;
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
///     {"skill": "SQL", "level": 4}, {"skill": "Data analysis", "level": 4}]}}"#, &Default::default())?;
/// let person = compiled.person(&plan.profile.skills, "profile.skills")?;
/// let ranking = compiled.rank(&person, Some(3));
/// assert_eq!(ranking[0].role_id, "data-analyst");
/// # Ok::<(), careerplan::Error>(())
/// ```
#[derive(Debug)]
pub struct CompiledCatalog {
    /// Roles imported from O*NET: people are read through the crosswalk.
    onet: bool,
    ctx: Context<'static>,
    tiers: TierThresholds,
    roles: Vec<RoleMeta>,
    /// Position of each role in id order: the tie-break of rankings.
    id_rank: Vec<u32>,
    /// The role at each position of id order (inverse of `id_rank`).
    by_id_rank: Vec<u32>,
    skill_index: HashMap<String, u32>,
    /// Skill names exactly as the catalog writes them, for a fast first look-up.
    exact: HashMap<SharedStr, u32>,
    skill_names: Vec<SharedStr>,
    layout: Layout,
    /// Per role: importance of requirements of proficiency 0.
    base: Vec<f32>,
    /// Per role: the readiness denominator, computed like the numerator.
    total: Vec<f32>,
    /// Every requirement, grouped by role (`req_offsets`).
    reqs: Vec<CompiledRequirement>,
    req_offsets: Vec<u32>,
    /// Must-haves per role (`must_offsets`): skill and inverse required
    /// proficiency, as in the layout (met when `c · inv >= 1`).
    musts: Vec<(u32, f32)>,
    must_offsets: Vec<u32>,
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
    /// Roles in lanes: for block `b` (roles `8b..8b+8`) and skill `j`, the
    /// 8 roles' values are chunk `b * skills + j`.
    Blocked {
        skills: usize,
        weight: Vec<[f32; LANES]>,
        inverse: Vec<[f32; LANES]>,
        /// 1 where the requirement is a must-have, else 0.
        must: Vec<[f32; LANES]>,
    },
    /// Per role (`offsets`), `(skill, weight, inverse)` sorted by skill.
    Sparse {
        skill: Vec<u32>,
        weight: Vec<f32>,
        inverse: Vec<f32>,
        offsets: Vec<u32>,
    },
}

/// A person's proficiencies over a compiled catalog's skills: the non-zero
/// ones sorted by skill index (and, for dense catalogs, a dense copy for
/// look-ups).
#[derive(Debug, Clone, PartialEq)]
pub struct PersonVector {
    nonzero: Vec<(u32, f32)>,
    dense: Vec<f32>,
}

impl PersonVector {
    /// The proficiency in skill `index` ([`CompiledCatalog::skill_names`]
    /// order), 0 when not assessed.
    pub fn level(&self, index: usize) -> f32 {
        if let Some(&c) = self.dense.get(index) {
            return c;
        }
        match self
            .nonzero
            .binary_search_by_key(&(index as u32), |&(s, _)| s)
        {
            Ok(i) => self.nonzero[i].1,
            Err(_) => 0.0,
        }
    }

    /// `(skill index, proficiency)` of every skill above 0, by index.
    pub fn nonzero(&self) -> &[(u32, f32)] {
        &self.nonzero
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
            &[
                (&catalog.aliases, "aliases"),
                (&options.aliases, "options.aliases"),
            ],
            &[
                (&options.scales, "options.scales"),
                (&catalog.scales, "scales"),
            ],
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
        let mut exact: HashMap<SharedStr, u32> = HashMap::new();
        let mut skill_names: Vec<SharedStr> = Vec::new();
        let mut reqs = Vec::new();
        let mut req_offsets = Vec::with_capacity(catalog.roles.len() + 1);
        let mut roles = Vec::with_capacity(catalog.roles.len());
        req_offsets.push(0u32);
        let mut cache = resolve::SkillCache::new();
        for (i, role) in catalog.roles.iter().enumerate() {
            for (j, next) in role.next_roles.iter().enumerate() {
                if !ids.contains_key(next.as_str()) {
                    return Err(Error::InvalidValue {
                        path: format!("roles[{i}].next_roles[{j}]"),
                        message: format!("no role has id {next:?}"),
                    });
                }
            }
            let resolved = resolve::resolve_requirements(
                &ctx,
                &role.requirements,
                &format!("roles[{i}]"),
                &mut cache,
            )?;
            for r in resolved {
                let next_index = skill_names.len() as u32;
                let index = *skill_index.entry(r.key).or_insert_with(|| {
                    skill_names.push(SharedStr::from(r.skill.as_str()));
                    next_index
                });
                // Spellings of a skill the vocabulary does not know may
                // differ; show the same one whatever the catalog's order.
                if r.skill.as_str() < skill_names[index as usize].as_str() {
                    skill_names[index as usize] = SharedStr::from(r.skill.as_str());
                }
                // A shared name: the key costs a reference count, not a copy.
                exact.entry(r.req.skill.clone()).or_insert(index);
                reqs.push(CompiledRequirement {
                    skill: index,
                    proficiency: r.proficiency as f32,
                    level: r.req.level,
                    importance: r.req.importance,
                    must_have: r.req.required,
                });
            }
            req_offsets.push(
                u32::try_from(reqs.len()).map_err(|_| Error::InvalidArgument {
                    path: "catalog".into(),
                    message: "too many requirements".into(),
                })?,
            );
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
        crate::sort::sort(&mut by_key);
        let mut remap = vec![0u32; by_key.len()];
        for (new, &(_, old)) in by_key.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let mut names = vec![SharedStr::default(); skill_names.len()];
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
        let mut by_id_rank: Vec<u32> = (0..roles.len() as u32).collect();
        crate::sort::sort_by(&mut by_id_rank, |&a, &b| {
            roles[a as usize].id.cmp(&roles[b as usize].id)
        });
        let mut id_rank = vec![0u32; roles.len()];
        for (rank, &i) in by_id_rank.iter().enumerate() {
            id_rank[i as usize] = rank as u32;
        }
        let mut musts = Vec::new();
        let mut must_offsets = vec![0u32];
        for r in 0..roles.len() {
            let (a, b) = (req_offsets[r] as usize, req_offsets[r + 1] as usize);
            musts.extend(
                reqs[a..b]
                    .iter()
                    .filter(|q| q.must_have && f64::from(q.proficiency) > EPS)
                    .map(|q| (q.skill, 1.0 / (q.proficiency - EPS as f32))),
            );
            must_offsets.push(musts.len() as u32);
        }
        let mut compiled = CompiledCatalog {
            ctx,
            tiers: options.tiers.clone(),
            roles,
            id_rank,
            by_id_rank,
            skill_index,
            exact,
            skill_names,
            layout: Layout::Blocked {
                skills: 0,
                weight: Vec::new(),
                inverse: Vec::new(),
                must: Vec::new(),
            },
            base: Vec::new(),
            total: Vec::new(),
            reqs,
            req_offsets,
            musts,
            must_offsets,
            attribution: catalog.attribution.clone(),
            onet: catalog.roles.iter().any(super::crosswalk::is_onet_role),
        };
        compiled.lay_out();
        Ok(compiled)
    }

    /// Build the scoring layout and the per-role constants.
    fn lay_out(&mut self) {
        let n = self.roles.len();
        let skills = self.skill_names.len();
        let blocks = n.div_ceil(LANES);
        let cells = blocks.saturating_mul(skills).saturating_mul(LANES);
        // Roles in lanes when at least one cell in eight is used, or the
        // matrix is small anyway (256 Ki cells = 1 MiB per array).
        let blocked = cells <= 8 * self.reqs.len().max(1) || cells <= 1 << 18;
        let mut base = vec![0f32; n];
        // Relative, not absolute: `1 / (p - EPS)` was off by EPS / p, 1e-4
        // for a requirement of 1 % (found by the ranking proptest).
        let inverse_of = |p: f32| 1.0 / (p * (1.0 - EPS as f32));
        if blocked {
            let mut weight = vec![[0f32; LANES]; blocks * skills];
            let mut inverse = vec![[0f32; LANES]; blocks * skills];
            let mut must = vec![[0f32; LANES]; blocks * skills];
            for (r, zero) in base.iter_mut().enumerate() {
                let (block, lane) = (r / LANES, r % LANES);
                for req in self.role_reqs(r) {
                    if f64::from(req.proficiency) <= EPS {
                        *zero += req.importance as f32;
                    } else {
                        let chunk = block * skills + req.skill as usize;
                        weight[chunk][lane] = req.importance as f32;
                        inverse[chunk][lane] = inverse_of(req.proficiency);
                        must[chunk][lane] = if req.must_have { 1.0 } else { 0.0 };
                    }
                }
            }
            self.layout = Layout::Blocked {
                skills,
                weight,
                inverse,
                must,
            };
        } else {
            let (mut skill, mut weight, mut inverse) = (Vec::new(), Vec::new(), Vec::new());
            let mut offsets = Vec::with_capacity(n + 1);
            offsets.push(0u32);
            for (r, zero) in base.iter_mut().enumerate() {
                let mut row: Vec<(u32, f32, f32)> = Vec::new();
                for req in self.role_reqs(r) {
                    if f64::from(req.proficiency) <= EPS {
                        *zero += req.importance as f32;
                    } else {
                        row.push((
                            req.skill,
                            req.importance as f32,
                            inverse_of(req.proficiency),
                        ));
                    }
                }
                // Skill order, as in the blocked layout, so both sum alike.
                crate::sort::sort_by_key(&mut row, |&(s, _, _)| s);
                for (s, w, inv) in row {
                    skill.push(s);
                    weight.push(w);
                    inverse.push(inv);
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
        let everyone = PersonVector {
            nonzero: (0..skills as u32).map(|s| (s, 1.0)).collect(),
            dense: vec![1.0; skills],
        };
        let mut total = vec![0f32; n];
        self.numerators(&everyone, &mut total, None);
        self.total = total;
    }

    fn role_reqs(&self, role: usize) -> &[CompiledRequirement] {
        let (a, b) = (
            self.req_offsets[role] as usize,
            self.req_offsets[role + 1] as usize,
        );
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
    pub fn skill_names(&self) -> &[SharedStr] {
        &self.skill_names
    }

    /// The catalog's attribution, if its source requires one.
    pub fn attribution(&self) -> Option<&str> {
        self.attribution.as_deref()
    }

    /// Whether the catalog is stored dense (roles in lanes, one cell per
    /// role and catalog skill) rather than sparse.
    pub fn is_dense(&self) -> bool {
        matches!(self.layout, Layout::Blocked { .. })
    }

    pub(crate) fn requirements_of(&self, role: usize) -> &[CompiledRequirement] {
        self.role_reqs(role)
    }

    pub(crate) fn attribution_of(&self, role: usize) -> Option<&str> {
        self.roles[role]
            .attribution
            .as_deref()
            .or(self.attribution.as_deref())
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
        // Against O*NET, everyday skill names also count for the elements
        // they draw on (`super::crosswalk`); the derived assessments follow
        // the originals, which are checked first.
        let expanded;
        let skills = if self.onet {
            expanded = super::crosswalk::Crosswalk::builtin().expand(skills);
            &expanded[..]
        } else {
            skills
        };
        self.person_of(skills.iter().map(Rating::of), path)
    }

    /// [`person`](CompiledCatalog::person) from borrowed ratings, for
    /// callers whose skills are not [`SkillAssessment`]s, such as the rows
    /// of an Arrow table: the same vector and errors, without a `String`
    /// per skill and scale (against O*NET, with the crosswalk, as `person`).
    ///
    /// # Errors
    /// As [`person`](CompiledCatalog::person).
    pub fn person_from<'a>(
        &self,
        skills: impl ExactSizeIterator<Item = Rating<'a>>,
        path: &str,
    ) -> Result<PersonVector, Error> {
        if self.onet {
            let owned: Vec<SkillAssessment> = skills.map(Rating::to_assessment).collect();
            return self.person(&owned, path);
        }
        self.person_of(skills, path)
    }

    /// The vector of ratings already expanded through the crosswalk.
    fn person_of<'a>(
        &self,
        skills: impl ExactSizeIterator<Item = Rating<'a>>,
        path: &str,
    ) -> Result<PersonVector, Error> {
        // (skill, date, proficiency) of the assessment in force per skill.
        let mut seen: Vec<(u32, Option<NaiveDate>, f32)> = Vec::with_capacity(skills.len());
        let registry = self.ctx.registry();
        for (i, a) in skills.enumerate() {
            let Some(scale) = registry.get(a.scale) else {
                return Err(unknown_scale(a.scale, &format!("{path}[{i}].scale")));
            };
            if !scale.contains(a.level) {
                return Err(Error::InvalidValue {
                    path: format!("{path}[{i}].level"),
                    message: scale.outside_message(a.level),
                });
            }
            let index = match self.exact.get(a.skill) {
                Some(&ix) => Some(ix),
                None => self.skill_index.get(&self.ctx.vocab.key(a.skill)).copied(),
            };
            let Some(index) = index else { continue };
            let level = scale.normalize(a.level) as f32;
            match seen.iter_mut().find(|(s, _, _)| *s == index) {
                Some((_, date, kept)) => {
                    let replace = match (*date, a.assessed_on) {
                        (Some(k), Some(n)) => n >= k,
                        (Some(_), None) => false,
                        (None, _) => true,
                    };
                    if replace {
                        *date = a.assessed_on;
                        *kept = level;
                    }
                }
                None => seen.push((index, a.assessed_on, level)),
            }
        }
        let mut nonzero: Vec<(u32, f32)> = seen
            .into_iter()
            .filter(|&(_, _, c)| c > 0.0)
            .map(|(s, _, c)| (s, c))
            .collect();
        crate::sort::sort_by_key(&mut nonzero, |&(s, _)| s);
        let dense = match &self.layout {
            Layout::Blocked { skills, .. } => {
                let mut dense = vec![0f32; *skills];
                for &(s, c) in &nonzero {
                    dense[s as usize] = c;
                }
                dense
            }
            Layout::Sparse { .. } => Vec::new(),
        };
        Ok(PersonVector { nonzero, dense })
    }

    /// `base + Σ w · min(c · inv, 1)` for every role, into `out` (one cell
    /// per role); with `unmet`, also each role's unmet must-haves.
    fn numerators(&self, person: &PersonVector, out: &mut [f32], unmet: Option<&mut [u32]>) {
        match (&self.layout, unmet) {
            (
                Layout::Blocked {
                    skills,
                    weight,
                    inverse,
                    ..
                },
                None,
            ) => {
                // Two blocks per pass: two independent chains of additions
                // per lane keep the adder busy instead of waiting on itself.
                for (pair, cells) in out.chunks_mut(2 * LANES).enumerate() {
                    let first = 2 * pair;
                    let accs = if cells.len() > LANES {
                        block_sums_pair(
                            weight,
                            inverse,
                            first * skills,
                            (first + 1) * skills,
                            &person.nonzero,
                        )
                    } else {
                        [
                            block_sums(weight, inverse, first * skills, &person.nonzero),
                            [0f32; LANES],
                        ]
                    };
                    for (i, cell) in cells.iter_mut().enumerate() {
                        *cell = self.base[first * LANES + i] + accs[i / LANES][i % LANES];
                    }
                }
            }
            (
                Layout::Blocked {
                    skills,
                    weight,
                    inverse,
                    must,
                },
                Some(unmet),
            ) => {
                for (pair, (cells, misses)) in out
                    .chunks_mut(2 * LANES)
                    .zip(unmet.chunks_mut(2 * LANES))
                    .enumerate()
                {
                    let first = 2 * pair;
                    let (acc, met) = if cells.len() > LANES {
                        block_sums_musts::<2>(
                            weight,
                            inverse,
                            must,
                            first,
                            *skills,
                            &person.nonzero,
                        )
                    } else {
                        let (a, m) = block_sums_musts::<1>(
                            weight,
                            inverse,
                            must,
                            first,
                            *skills,
                            &person.nonzero,
                        );
                        ([a[0], [0f32; LANES]], [m[0], [0f32; LANES]])
                    };
                    for (i, (cell, miss)) in cells.iter_mut().zip(misses).enumerate() {
                        let r = first * LANES + i;
                        let (b, lane) = (i / LANES, i % LANES);
                        *cell = self.base[r] + acc[b][lane];
                        *miss =
                            self.must_offsets[r + 1] - self.must_offsets[r] - met[b][lane] as u32;
                    }
                }
            }
            (Layout::Sparse { .. }, unmet) => {
                for (r, cell) in out.iter_mut().enumerate() {
                    *cell = self.numerator(r, person);
                }
                if let Some(unmet) = unmet {
                    for (r, miss) in unmet.iter_mut().enumerate() {
                        *miss = self.unmet_must_haves(r, person);
                    }
                }
            }
        }
    }

    fn numerator(&self, role: usize, person: &PersonVector) -> f32 {
        let sum = match &self.layout {
            Layout::Blocked {
                skills,
                weight,
                inverse,
                ..
            } => {
                let (block, lane) = (role / LANES, role % LANES);
                let mut acc = 0f32;
                for &(j, c) in &person.nonzero {
                    let chunk = block * skills + j as usize;
                    acc += weight[chunk][lane] * attain(c, inverse[chunk][lane]);
                }
                acc
            }
            Layout::Sparse {
                skill,
                weight,
                inverse,
                offsets,
            } => {
                let row = offsets[role] as usize..offsets[role + 1] as usize;
                merge_sum(
                    &skill[row.clone()],
                    &weight[row.clone()],
                    &inverse[row],
                    &person.nonzero,
                )
            }
        };
        self.base[role] + sum
    }

    fn finish(&self, role: usize, numerator: f32) -> f32 {
        let total = self.total[role];
        if total > 0.0 {
            (numerator / total).clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// Readiness of `person` for role `index`, 0 to 1.
    pub fn readiness(&self, index: usize, person: &PersonVector) -> f32 {
        self.finish(index, self.numerator(index, person))
    }

    /// Readiness of `person` for every role, in catalog order, into `out`
    /// (cleared first).
    pub fn readiness_all(&self, person: &PersonVector, out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.roles.len(), 0.0);
        self.readiness_into(person, out);
    }

    /// Readiness of `person` for every role into `out`, which must hold one
    /// cell per role.
    pub(crate) fn readiness_into(&self, person: &PersonVector, out: &mut [f32]) {
        self.numerators(person, out, None);
        for (r, cell) in out.iter_mut().enumerate() {
            *cell = self.finish(r, *cell);
        }
    }

    /// Number of must-haves of role `index` that `person` does not meet.
    pub fn unmet_must_haves(&self, index: usize, person: &PersonVector) -> u32 {
        self.unmet_musts(index, person).count() as u32
    }

    /// The must-haves of role `index` that `person` does not meet, by skill
    /// name (the catalog's spelling), in the role's order:
    /// [`RankEntry::unmet_must_haves`].
    pub fn unmet_must_have_names(&self, index: usize, person: &PersonVector) -> Vec<SharedStr> {
        self.unmet_names(index, person, self.unmet_must_haves(index, person))
    }

    /// [`unmet_must_have_names`](Self::unmet_must_have_names) when their
    /// number, `count`, is known: the list is allocated once, at its size.
    fn unmet_names(&self, index: usize, person: &PersonVector, count: u32) -> Vec<SharedStr> {
        let mut names = Vec::with_capacity(count as usize);
        names.extend(
            self.unmet_musts(index, person)
                .map(|s| self.skill_names[s as usize].clone()),
        );
        debug_assert_eq!(names.len(), count as usize);
        names
    }

    /// The skill indices of role `index`'s must-haves that `person` misses.
    fn unmet_musts<'s>(
        &'s self,
        index: usize,
        person: &'s PersonVector,
    ) -> impl Iterator<Item = u32> + 's {
        let (a, b) = (
            self.must_offsets[index] as usize,
            self.must_offsets[index + 1] as usize,
        );
        self.musts[a..b]
            .iter()
            .filter(|&&(s, inv)| attain(person.level(s as usize), inv) < 1.0)
            .map(|&(s, _)| s)
    }

    /// Every role ranked for `person`, best first, cut to `top_k`; see
    /// [`Catalog::rank`](super::Catalog::rank) for the order and tiers.
    pub fn rank(&self, person: &PersonVector, top_k: Option<usize>) -> Vec<RankEntry<'_>> {
        let n = self.roles.len();
        let k = top_k.unwrap_or(n).min(n);
        if k == 0 {
            return Vec::new();
        }
        let mut scores = vec![0f32; n];
        let mut unmet = vec![0u32; n];
        self.numerators(person, &mut scores, Some(&mut unmet));
        for (r, cell) in scores.iter_mut().enumerate() {
            *cell = self.finish(r, *cell);
        }
        // Sort keys: readiness rounded to 1e-6 (descending), then the role's
        // place in id order, packed in one integer so the sort compares
        // integers. 20 bits hold the readiness, so u32 keys serve catalogs of
        // up to 4,096 roles; larger ones use u64 keys.
        if n <= 1 << ID_BITS {
            let mut keys: Vec<u32> = scores
                .iter()
                .zip(&self.id_rank)
                .map(|(&r, &id)| ((super::ranking::QUANTUM - quantize(r)) << ID_BITS) | id)
                .collect();
            bucket_sort_u32(&mut keys, k);
            let entries = keys
                .iter()
                .map(|&key| (key >> ID_BITS, key & ((1 << ID_BITS) - 1)));
            self.entries(entries, &unmet, person)
        } else {
            let mut keys: Vec<u64> = scores
                .iter()
                .zip(&self.id_rank)
                .map(|(&r, &id)| {
                    (u64::from(super::ranking::QUANTUM - quantize(r)) << 32) | u64::from(id)
                })
                .collect();
            crate::sort::smallest_integers(&mut keys, k);
            let entries = keys.iter().map(|&key| ((key >> 32) as u32, key as u32));
            self.entries(entries, &unmet, person)
        }
    }

    /// Rank entries from `(QUANTUM - quantised readiness, id rank)` pairs in
    /// ranking order.
    fn entries(
        &self,
        sorted: impl ExactSizeIterator<Item = (u32, u32)>,
        unmet: &[u32],
        person: &PersonVector,
    ) -> Vec<RankEntry<'_>> {
        sorted
            .enumerate()
            .map(|(place, (inverse_q, id_rank))| {
                let role = self.by_id_rank[id_rank as usize] as usize;
                let readiness = f64::from(super::ranking::QUANTUM - inverse_q)
                    / f64::from(super::ranking::QUANTUM);
                // Names only for the roles kept; the count came with the scores.
                let names = self.unmet_names(role, person, unmet[role]);
                let tier = self.tiers.tier(readiness, names.len());
                RankEntry {
                    role_id: &self.roles[role].id,
                    title: &self.roles[role].title,
                    readiness,
                    tier,
                    rank: place as u32 + 1,
                    unmet_must_haves: names,
                    attribution: self.attribution_of(role),
                }
            })
            .collect()
    }
}

/// One skill rating, borrowed: what [`CompiledCatalog::person_from`] reads
/// of a [`SkillAssessment`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rating<'a> {
    /// The skill's name (matched as the catalog matches names: exactly,
    /// else folded and through the aliases).
    pub skill: &'a str,
    /// The level on `scale`.
    pub level: f64,
    /// The scale's id.
    pub scale: &'a str,
    /// When it was assessed; of two ratings of one skill the later counts.
    pub assessed_on: Option<NaiveDate>,
}

impl<'a> Rating<'a> {
    /// The rating of an assessment.
    fn of(a: &'a SkillAssessment) -> Rating<'a> {
        Rating {
            skill: &a.skill,
            level: a.level,
            scale: &a.scale,
            assessed_on: a.assessed_on,
        }
    }

    /// An assessment with this rating and nothing else.
    fn to_assessment(self) -> SkillAssessment {
        SkillAssessment {
            skill: self.skill.to_string(),
            level: self.level,
            scale: self.scale.to_string(),
            assessed_on: self.assessed_on,
            evidence: None,
            source: crate::plan::AssessmentSource::default(),
            extra: Default::default(),
        }
    }
}

/// Readiness rounded to the ranking's resolution, as an integer.
pub(crate) fn quantize(readiness: f32) -> u32 {
    // Readiness is clamped to 0..=1, so this is round-half-up within
    // 0..=QUANTUM (and avoids a call to libm's `round`).
    let q = f64::from(readiness.clamp(0.0, 1.0)) * f64::from(super::ranking::QUANTUM) + 0.5;
    (q as u32).min(super::ranking::QUANTUM)
}

/// `min(c · inv, 1)`, written so that it compiles to a vector `min`.
#[inline(always)]
fn attain(c: f32, inv: f32) -> f32 {
    let a = c * inv;
    if a < 1.0 { a } else { 1.0 }
}

/// `Σ_j w · min(c_j · inv, 1)` for the 8 roles of one block, over the
/// person's non-zero skills: each lane is one role, summed in skill order.
#[inline]
fn block_sums(
    weight: &[[f32; LANES]],
    inverse: &[[f32; LANES]],
    start: usize,
    person: &[(u32, f32)],
) -> [f32; LANES] {
    let mut acc = [0f32; LANES];
    for &(j, c) in person {
        let (w, inv) = (&weight[start + j as usize], &inverse[start + j as usize]);
        for k in 0..LANES {
            acc[k] += w[k] * attain(c, inv[k]);
        }
    }
    acc
}

/// [`block_sums`] for two blocks at once (same results, lane by lane).
#[inline]
fn block_sums_pair(
    weight: &[[f32; LANES]],
    inverse: &[[f32; LANES]],
    start0: usize,
    start1: usize,
    person: &[(u32, f32)],
) -> [[f32; LANES]; 2] {
    let mut acc = [[0f32; LANES]; 2];
    for &(j, c) in person {
        let (a, b) = (start0 + j as usize, start1 + j as usize);
        let (w0, inv0, w1, inv1) = (&weight[a], &inverse[a], &weight[b], &inverse[b]);
        for k in 0..LANES {
            acc[0][k] += w0[k] * attain(c, inv0[k]);
            acc[1][k] += w1[k] * attain(c, inv1[k]);
        }
    }
    acc
}

/// [`block_sums`] for `B` consecutive blocks from `first`, also counting
/// per lane the must-haves met (independent chains per block keep the adder
/// busy; results are those of one block at a time).
#[inline]
fn block_sums_musts<const B: usize>(
    weight: &[[f32; LANES]],
    inverse: &[[f32; LANES]],
    must: &[[f32; LANES]],
    first: usize,
    skills: usize,
    person: &[(u32, f32)],
) -> ([[f32; LANES]; B], [[f32; LANES]; B]) {
    let mut acc = [[0f32; LANES]; B];
    let mut met = [[0f32; LANES]; B];
    for &(j, c) in person {
        for b in 0..B {
            let chunk = (first + b) * skills + j as usize;
            let (w, inv, m) = (&weight[chunk], &inverse[chunk], &must[chunk]);
            for k in 0..LANES {
                let a = attain(c, inv[k]);
                acc[b][k] += w[k] * a;
                // A select of constants, then a product: stays a vector blend.
                let hit = if a >= 1.0 { 1.0 } else { 0.0 };
                met[b][k] += m[k] * hit;
            }
        }
    }
    (acc, met)
}

/// The same sum for one sparse role: a merge of two lists sorted by skill.
#[inline]
fn merge_sum(skill: &[u32], weight: &[f32], inverse: &[f32], person: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut acc) = (0, 0, 0f32);
    while i < skill.len() && j < person.len() {
        match skill[i].cmp(&person[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                acc += weight[i] * attain(person[j].1, inverse[i]);
                i += 1;
                j += 1;
            }
        }
    }
    acc
}

/// Bits of a `u32` ranking key that hold the role's place in id order.
const ID_BITS: u32 = 12;

/// Sort `u32`s and keep the `k` smallest: one counting pass distributes
/// them into 1,024 buckets by their top 10 bits, then the buckets, usually
/// holding a handful of keys each, are sorted on their own (insertion sort
/// when small) until `k` keys are in order. Ranking keys spread over many
/// buckets, so this beats both a comparison sort and a full radix sort on
/// catalogs of hundreds of roles.
fn bucket_sort_u32(keys: &mut Vec<u32>, k: usize) {
    const TOP: u32 = 10;
    const BUCKETS: usize = 1 << TOP;
    if keys.len() < 64 {
        crate::sort::smallest_integers(keys, k);
        return;
    }
    let shift = 32 - TOP;
    let mut starts = [0u32; BUCKETS + 1];
    for &k in keys.iter() {
        starts[(k >> shift) as usize + 1] += 1;
    }
    for b in 0..BUCKETS {
        starts[b + 1] += starts[b];
    }
    let mut next = starts;
    let mut sorted = vec![0u32; keys.len()];
    for &k in keys.iter() {
        let b = (k >> shift) as usize;
        sorted[next[b] as usize] = k;
        next[b] += 1;
    }
    for b in 0..BUCKETS {
        if starts[b] as usize >= k {
            break;
        }
        let bucket = &mut sorted[starts[b] as usize..starts[b + 1] as usize];
        if bucket.len() > 16 {
            crate::sort::sort_integers(bucket);
        } else {
            for i in 1..bucket.len() {
                let mut j = i;
                while j > 0 && bucket[j - 1] > bucket[j] {
                    bucket.swap(j - 1, j);
                    j -= 1;
                }
            }
        }
    }
    sorted.truncate(k);
    *keys = sorted;
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
            Role::new(
                "b",
                "B",
                vec![
                    Requirement::new("SQL", 4.0),
                    Requirement::new("Python", 2.0).importance(1.0),
                ],
            ),
            Role::new(
                "a",
                "A",
                vec![
                    Requirement::new("SQL", 2.0),
                    Requirement::new("Zero", 0.0).on_scale("percent"),
                ],
            ),
            Role::new("c", "C", vec![]),
        ])
    }

    #[test]
    fn blocked_and_sparse_layouts_agree() {
        let cat = catalog();
        let compiled = CompiledCatalog::new(&cat, &RankOptions::default()).unwrap();
        assert!(compiled.is_dense());
        let person = compiled
            .person(&[assess("sql", 3.0), assess("Python", 1.0)], "skills")
            .unwrap();
        let mut blocked = Vec::new();
        compiled.readiness_all(&person, &mut blocked);
        let single: Vec<f32> = (0..3).map(|r| compiled.readiness(r, &person)).collect();
        assert_eq!(blocked, single);
        // Force the sparse layout on the same data.
        let mut sparse = CompiledCatalog::new(&cat, &RankOptions::default()).unwrap();
        let (mut skill, mut weight, mut inverse, mut offsets) =
            (vec![], vec![], vec![], vec![0u32]);
        if let Layout::Blocked {
            skills,
            weight: w,
            inverse: inv,
            ..
        } = &sparse.layout
        {
            for r in 0..3 {
                for j in 0..*skills {
                    let chunk = (r / LANES) * skills + j;
                    if w[chunk][r % LANES] > 0.0 {
                        skill.push(j as u32);
                        weight.push(w[chunk][r % LANES]);
                        inverse.push(inv[chunk][r % LANES]);
                    }
                }
                offsets.push(skill.len() as u32);
            }
        }
        sparse.layout = Layout::Sparse {
            skill,
            weight,
            inverse,
            offsets,
        };
        let person = sparse
            .person(&[assess("sql", 3.0), assess("Python", 1.0)], "skills")
            .unwrap();
        let mut got = Vec::new();
        sparse.readiness_all(&person, &mut got);
        assert_eq!(blocked, got);
        // b: SQL 0.6/0.8 weight 3, Python 0.2/0.4 weight 1 -> (2.25 + 0.5) / 4
        assert!((blocked[0] - 0.6875).abs() < 1e-5, "{blocked:?}");
        assert_eq!(blocked[1], 1.0);
        assert_eq!(blocked[2], 1.0);
        assert_eq!(compiled.unmet_must_haves(0, &person), 0);
    }

    #[test]
    fn must_haves_counted_in_the_kernel_match_the_scalar_count() {
        let cat = RoleCatalog::from_roles(vec![
            Role::new(
                "m",
                "M",
                vec![
                    Requirement::new("SQL", 3.0).required(true),
                    Requirement::new("Go", 2.0).required(true),
                ],
            ),
            Role::new("n", "N", vec![Requirement::new("SQL", 5.0).required(true)]),
        ]);
        let compiled = CompiledCatalog::new(&cat, &RankOptions::default()).unwrap();
        let person = compiled.person(&[assess("SQL", 3.0)], "skills").unwrap();
        let ranking = compiled.rank(&person, None);
        for e in &ranking {
            let r = (0..2).find(|&r| compiled.role_id(r) == e.role_id).unwrap();
            assert_eq!(
                e.unmet_must_haves.len(),
                compiled.unmet_must_haves(r, &person) as usize
            );
            assert_eq!(
                e.unmet_must_haves,
                compiled.unmet_must_have_names(r, &person)
            );
        }
        assert_eq!(ranking[0].role_id, "n");
        assert_eq!(ranking[0].unmet_must_haves.len(), 1);
        assert_eq!(ranking[1].unmet_must_haves.len(), 1);
    }

    #[test]
    fn bucket_sort_sorts() {
        let mut keys: Vec<u32> = (0..1000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) % 1_000_003) << 12 | (i * 7 % 1000))
            .collect();
        let mut want = keys.clone();
        #[allow(clippy::disallowed_methods)] // the oracle
        want.sort_unstable();
        let mut top = keys.clone();
        bucket_sort_u32(&mut keys, 1000);
        assert_eq!(keys, want);
        bucket_sort_u32(&mut top, 10);
        assert_eq!(top, want[..10]);
        let mut same: Vec<u32> = (0..300u32).rev().collect();
        bucket_sort_u32(&mut same, 300);
        assert_eq!(same, (0..300u32).collect::<Vec<_>>());
    }

    #[test]
    fn quantize_rounds_half_up() {
        assert_eq!(quantize(0.0), 0);
        assert_eq!(quantize(1.0), 1_000_000);
        assert_eq!(quantize(0.25), 250_000);
        assert_eq!(quantize(2.0), 1_000_000);
    }

    #[test]
    fn ranking_breaks_ties_by_id() {
        let compiled = CompiledCatalog::new(&catalog(), &RankOptions::default()).unwrap();
        let person = compiled
            .person(&[assess("SQL", 5.0), assess("Python", 5.0)], "skills")
            .unwrap();
        let ids: Vec<&str> = compiled
            .rank(&person, None)
            .iter()
            .map(|e| e.role_id)
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let top: Vec<&str> = compiled
            .rank(&person, Some(2))
            .iter()
            .map(|e| e.role_id)
            .collect();
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
        let err = compiled
            .person(&[assess("SQL", 1.0), bad], "people[4].skills")
            .unwrap_err();
        assert_eq!(err.path(), "people[4].skills[1].scale");
        let err = compiled
            .person(&[assess("SQL", 7.0)], "skills")
            .unwrap_err();
        assert_eq!(err.path(), "skills[0].level");
    }
}
