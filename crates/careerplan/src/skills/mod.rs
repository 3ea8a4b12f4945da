//! Skills: proficiency scales, role catalogs, gap reports, role ranking and
//! team views.
//!
//! # Model
//! - **Scales** ([`scale`]) are data. Every level maps to a *proficiency*
//!   between 0 (none of the skill) and 1 (the top of the scale), through the
//!   scale's anchors; that is the common axis on which a person rated on one
//!   scale meets a role written in another. Conversion between two scales
//!   goes through it and is documented there.
//! - **Skills** ([`names`]) compare by a normalised key (case, spacing,
//!   punctuation, accents), after aliases (`JS` -> `JavaScript`) from the
//!   vocabulary `data/skills.json` plus any a catalog or the options add. An
//!   O*NET element id or ESCO URI on a requirement decides the skill when the
//!   vocabulary knows it.
//! - **Roles** ([`role`]) list requirements `{skill, level, scale,
//!   importance, required}`; a [`RoleCatalog`] groups them. The built-in
//!   starter catalog ([`builtin_roles`]) is illustrative;
//!   [`onet::import`] builds a catalog from O*NET's database files,
//!   [`esco::import`] one from ESCO's CSV download. A [`Catalog`] holds a
//!   catalog ready for use: every calculation over its roles (gap, career
//!   change, ranking, team matrix and coverage) is one of its methods, on
//!   the compiled form it keeps; [`skill_gap`] and [`transferable_skills`]
//!   take roles given whole.
//! - **Profiles** come from the plan model: a [`Profile`](crate::plan::Profile)'s
//!   [`SkillAssessment`](crate::plan::SkillAssessment)s, a [`Person`] in a
//!   team, or a JSON Resume via [`resume`]; [`input`] tells them apart in
//!   JSON.
//!
//! # Readiness
//! For a role with requirements `i`, importance `w_i > 0`, required
//! proficiency `r_i` and the person's proficiency `c_i` (0 when they have no
//! assessment of the skill):
//!
//! ```text
//! attainment_i   = 1                 if c_i >= r_i (within 1e-6), including r_i = 0
//!                = c_i / r_i         otherwise
//! weight_i       = w_i / Σ_k w_k
//! contribution_i = weight_i · attainment_i
//! readiness      = Σ_i w_i · attainment_i / Σ_i w_i  =  Σ_i contribution_i
//! ```
//!
//! So readiness lies in `0..=1`, meeting every requirement gives exactly 1,
//! raising a current level never lowers it, and the contributions in a
//! [`GapReport`] add up to it. Exceeding a requirement earns no credit beyond
//! 1 for that skill (it is listed as a strength instead), so strength in one
//! skill never hides a gap in another. A role without requirements has
//! readiness 1.
//!
//! Per skill a report also gives the gap in levels of the role's scale
//! (`required - current`, a missing skill counting from proficiency 0), the
//! estimated hours (`gap in proficiency × 5 × hours_per_step`, i.e.
//! `hours_per_step` per fifth of the axis, one `dreyfus-5` level; default 40)
//! and a priority: unmet must-haves first, then the largest readiness gain
//! `weight_i · (1 - attainment_i)`. With a reference date, assessments older
//! than `max_assessment_age_days` (default 365) or undated are *stale*, and
//! `confidence` is the share of the readiness resting on fresh assessments.
//!
//! # Tiers
//! [`Catalog::rank`] orders every role by readiness (six decimals; ties by role
//! id, so the order is total and independent of the catalog's order) and puts
//! each in a [`Tier`]: `ready_now` (readiness ≥ 0.9 and no unmet must-have),
//! `within_a_year` (≥ 0.75), `stretch` (≥ 0.5), `aspirational`; the
//! thresholds are [`TierThresholds`].
//!
//! # Speed
//! Ranking and the batch views run on a [`CompiledCatalog`]: interned skill
//! indices and dense `f32` rows, one pass per role, no strings in the inner
//! loop. [`Catalog::gap_matrix`] and [`Catalog::team_coverage`] use every core with the default
//! `parallel` feature (rayon); without it (WebAssembly) they run on one.
//!
//! # O*NET
//! Roles imported from O*NET carry the attribution its licence asks for
//! ([`onet::ATTRIBUTION`]), and so does everything derived from them: gap
//! reports, ranking entries, matrices and coverage. [`render`] prints it
//! under text output.

pub mod batch;
pub mod catalog;
pub mod compiled;
pub mod crosswalk;
pub mod esco;
pub mod files;
pub mod gap;
pub mod input;
pub mod learning;
pub mod names;
pub mod onet;
pub mod plan_gap;
pub mod rank;
pub mod ranking;
pub mod render;
mod resolve;
pub mod resume;
pub mod role;
pub use crate::scale;
pub mod team;

pub use crate::scale::{Scale, ScaleLevel, ScaleRegistry, convert_level};
pub use batch::{Rated, fill_gap_rows, rank_each};
pub use catalog::{Catalog, CompiledRef, RoleRef};
pub use compiled::{CompiledCatalog, PersonVector, Rating};
pub use crosswalk::Coverage;
pub use gap::{
    GapOptions, GapReport, SkillGap, Strength, TransferReport, TransferSource, TransferableSkill,
    skill_gap, transferable_skills,
};
pub use learning::{ActivityKind, LearningActivity, LearningCatalog};
pub use names::{SkillVocabulary, fold};
pub use plan_gap::{GapLinks, PlanGapReport, plan_gap};
pub use ranking::{RankEntry, RankOptions, Tier, TierThresholds};
pub use role::{Requirement, Role, RoleCatalog, builtin_roles};
pub use team::{GapMatrix, Person, RoleCoverage, SkillCoverage, fill_gap_matrix};
