//! Team and organisation views: readiness of every person for every role,
//! and how well a team covers each role's requirements
//! ([`Catalog::gap_matrix`](super::Catalog::gap_matrix),
//! [`Catalog::team_coverage`](super::Catalog::team_coverage)).
//!
//! Both run on the compiled catalog ([`CompiledCatalog`], the one the
//! `Catalog` keeps for the default options) and turn each person
//! into a dense vector; with the default `parallel` feature the people (for
//! the matrix) or the roles (for coverage) are spread over all cores with
//! rayon. Without it the same code runs on one thread, e.g. in WebAssembly.

use schemars::JsonSchema;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};

use super::compiled::{CompiledCatalog, PersonVector};
use super::resolve::EPS;
use crate::Error;
use crate::plan::{Extra, Plan, SkillAssessment};

/// A person in a team: an id and their skill assessments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// Stable id, e.g. an employee number.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Skills with a level on a scale, as in a plan's profile.
    #[serde(default)]
    pub skills: Vec<SkillAssessment>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl Person {
    /// The plan's owner as a person: the plan's id, the owner's name and the
    /// profile's skills.
    pub fn from_plan(plan: &Plan) -> Person {
        Person {
            id: plan.id.clone(),
            name: plan.owner.as_ref().map(|o| o.name.clone()),
            skills: plan.profile.skills.clone(),
            extra: Extra::new(),
        }
    }
}

/// Readiness of every person for every role.
///
/// Stored row-major (`readiness[person * roles + role]`) as `f32`; JSON shows
/// `{"person_ids": [...], "role_ids": [...], "readiness": [[...], ...]}` with
/// one inner list per person, in `role_ids` order.
#[derive(Debug, Clone, PartialEq)]
pub struct GapMatrix {
    /// People, in input order.
    pub person_ids: Vec<String>,
    /// Roles, in catalog order.
    pub role_ids: Vec<String>,
    /// Row-major readiness, one row per person.
    pub readiness: Vec<f32>,
    /// Attribution of the catalog's data source, if it requires one.
    pub attribution: Option<String>,
}

impl GapMatrix {
    /// The ids and attribution of the matrix of `people` against
    /// `compiled`, with `readiness` left empty: for a caller that keeps the
    /// cells elsewhere ([`fill_gap_matrix`]).
    pub fn labels(people: &[Person], compiled: &CompiledCatalog) -> GapMatrix {
        GapMatrix {
            person_ids: people.iter().map(|p| p.id.clone()).collect(),
            role_ids: (0..compiled.len())
                .map(|r| compiled.role_id(r).to_string())
                .collect(),
            readiness: Vec::new(),
            attribution: compiled.attribution().map(str::to_string),
        }
    }

    /// Readiness of person `person` for role `role` (both indices).
    pub fn get(&self, person: usize, role: usize) -> f32 {
        self.readiness[person * self.role_ids.len() + role]
    }

    /// One person's readiness for every role.
    pub fn row(&self, person: usize) -> &[f32] {
        let n = self.role_ids.len();
        &self.readiness[person * n..(person + 1) * n]
    }
}

struct Rows<'a>(&'a [f32], usize);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let width = self.1.max(1);
        let rows = if self.1 == 0 { 0 } else { self.0.len() / width };
        let mut seq = s.serialize_seq(Some(rows))?;
        for row in self.0.chunks(width).take(rows) {
            seq.serialize_element(row)?;
        }
        seq.end()
    }
}

impl Serialize for GapMatrix {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fields = if self.attribution.is_some() { 4 } else { 3 };
        let mut st = s.serialize_struct("GapMatrix", fields)?;
        st.serialize_field("person_ids", &self.person_ids)?;
        st.serialize_field("role_ids", &self.role_ids)?;
        if self.role_ids.is_empty() {
            // One empty row per person.
            let empty: Vec<[f32; 0]> = vec![[]; self.person_ids.len()];
            st.serialize_field("readiness", &empty)?;
        } else {
            st.serialize_field("readiness", &Rows(&self.readiness, self.role_ids.len()))?;
        }
        if let Some(a) = &self.attribution {
            st.serialize_field("attribution", a)?;
        }
        st.end()
    }
}

/// Readiness of every person for every role of `compiled`: the body of
/// [`Catalog::gap_matrix`](super::Catalog::gap_matrix).
///
/// # Errors
/// [`Error::InvalidValue`] for a bad assessment (path `people[i].skills[j]...`).
pub(crate) fn matrix_of(people: &[Person], compiled: &CompiledCatalog) -> Result<GapMatrix, Error> {
    let mut matrix = GapMatrix::labels(people, compiled);
    matrix.readiness = vec![0f32; people.len() * compiled.len()];
    fill_gap_matrix(people, compiled, &mut matrix.readiness)?;
    Ok(matrix)
}

/// The cells of [`Catalog::gap_matrix`](super::Catalog::gap_matrix), written
/// row-major into `out` (`people.len() × compiled.len()` of them) instead of
/// a new vector: for a caller that owns the memory the matrix must end up in
/// (the Python binding writes it straight into the `bytes` behind its
/// `memoryview`, saving a copy of 35 MB for 10,000 people and 879 roles).
/// `compiled` is typically the form a catalog keeps
/// ([`Catalog::compiled`](super::Catalog::compiled)).
///
/// # Example
/// ```
/// use careerplan::skills::{CompiledCatalog, Person, RankOptions, builtin_roles, fill_gap_matrix};
/// let compiled = CompiledCatalog::new(builtin_roles(), &RankOptions::default())?;
/// let ana: Person = serde_json::from_str(r#"{"id": "ana", "skills": [{"skill": "SQL", "level": 4}]}"#).unwrap();
/// let mut cells = vec![0f32; compiled.len()];
/// fill_gap_matrix(&[ana], &compiled, &mut cells)?;
/// assert!(cells.iter().any(|&c| c > 0.0));
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] when `out` has another length, and
/// [`Error::InvalidValue`] for a bad assessment (path `people[i].skills[j]...`).
pub fn fill_gap_matrix(
    people: &[Person],
    compiled: &CompiledCatalog,
    out: &mut [f32],
) -> Result<(), Error> {
    let n = compiled.len();
    check_room(people.len(), n, out.len())?;
    let vectors = person_vectors(people, compiled)?;
    if n > 0 {
        fill_rows(compiled, &vectors, out, n);
    }
    Ok(())
}

/// `out` must hold `people × roles` cells, row-major.
pub(super) fn check_room(people: usize, roles: usize, out: usize) -> Result<(), Error> {
    if Some(out) != people.checked_mul(roles) {
        return Err(Error::InvalidArgument {
            path: "out".into(),
            message: format!("expected room for {people} x {roles} cells, got {out}"),
        });
    }
    Ok(())
}

fn person_vector(compiled: &CompiledCatalog, i: usize, p: &Person) -> Result<PersonVector, Error> {
    compiled.person(&p.skills, &format!("people[{i}].skills"))
}

#[cfg(feature = "parallel")]
fn person_vectors(
    people: &[Person],
    compiled: &CompiledCatalog,
) -> Result<Vec<PersonVector>, Error> {
    use rayon::prelude::*;
    people
        .par_iter()
        .enumerate()
        .map(|(i, p)| person_vector(compiled, i, p))
        .collect()
}

#[cfg(not(feature = "parallel"))]
fn person_vectors(
    people: &[Person],
    compiled: &CompiledCatalog,
) -> Result<Vec<PersonVector>, Error> {
    people
        .iter()
        .enumerate()
        .map(|(i, p)| person_vector(compiled, i, p))
        .collect()
}

#[cfg(feature = "parallel")]
fn fill_rows(compiled: &CompiledCatalog, vectors: &[PersonVector], out: &mut [f32], n: usize) {
    use rayon::prelude::*;
    // Blocks of rows keep rayon's per-task overhead small against the work.
    const BLOCK: usize = 64;
    out.par_chunks_mut(n * BLOCK)
        .zip(vectors.par_chunks(BLOCK))
        .for_each(|(rows, people)| {
            for (row, person) in rows.chunks_mut(n).zip(people) {
                compiled.readiness_into(person, row);
            }
        });
}

#[cfg(not(feature = "parallel"))]
fn fill_rows(compiled: &CompiledCatalog, vectors: &[PersonVector], out: &mut [f32], n: usize) {
    for (row, person) in out.chunks_mut(n).zip(vectors) {
        compiled.readiness_into(person, row);
    }
}

/// How many people of a team meet one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SkillCoverage {
    /// Canonical skill name.
    pub skill: String,
    /// The role's required level, on its own scale.
    pub required: f64,
    /// Whether the requirement is a must-have.
    pub must_have: bool,
    /// How many people meet it.
    pub people_meeting: usize,
    /// `people_meeting / people` (0 for an empty team).
    pub share: f64,
}

/// How a team covers one role's requirements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RoleCoverage {
    /// The role's id.
    pub role_id: String,
    /// The role's title.
    pub title: String,
    /// Team size.
    pub people: usize,
    /// Per requirement, in the role's order.
    pub skills: Vec<SkillCoverage>,
    /// Requirements nobody in the team meets.
    pub uncovered: Vec<String>,
    /// Share of the role's importance that at least one person meets.
    pub covered_share: f64,
    /// Attribution of the role's data source, if it requires one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// Per role of `compiled` and requirement, how many people of `people`
/// meet it: the body of [`Catalog::team_coverage`](super::Catalog::team_coverage).
///
/// # Errors
/// [`Error::InvalidValue`] for a bad assessment (path `people[i].skills[j]...`).
pub(crate) fn coverage_of(
    people: &[Person],
    compiled: &CompiledCatalog,
) -> Result<Vec<RoleCoverage>, Error> {
    let vectors = person_vectors(people, compiled)?;
    // Column-major copy: one contiguous column of proficiencies per skill, so
    // counting who meets a level is a straight scan.
    let skills = compiled.skill_names().len();
    let mut columns = vec![0f32; skills * people.len()];
    for (p, v) in vectors.iter().enumerate() {
        for &(s, level) in v.nonzero() {
            columns[s as usize * people.len() + p] = level;
        }
    }
    let columns = Columns {
        data: &columns,
        people: people.len(),
    };
    Ok(coverage_rows(compiled, &columns))
}

struct Columns<'a> {
    data: &'a [f32],
    people: usize,
}

fn role_coverage(compiled: &CompiledCatalog, columns: &Columns<'_>, role: usize) -> RoleCoverage {
    let reqs = compiled.requirements_of(role);
    let total: f64 = reqs.iter().map(|r| r.importance).sum();
    let mut covered = 0.0;
    let mut skills = Vec::with_capacity(reqs.len());
    let mut uncovered = Vec::new();
    for r in reqs {
        let s = r.skill as usize;
        let column = &columns.data[s * columns.people..(s + 1) * columns.people];
        let need = f64::from(r.proficiency) - EPS;
        let meeting = column.iter().filter(|&&c| f64::from(c) >= need).count();
        let name = compiled.skill_names()[s].as_str().to_owned();
        if meeting > 0 {
            covered += r.importance;
        } else {
            uncovered.push(name.clone());
        }
        skills.push(SkillCoverage {
            skill: name,
            required: r.level,
            must_have: r.must_have,
            people_meeting: meeting,
            share: if columns.people == 0 {
                0.0
            } else {
                meeting as f64 / columns.people as f64
            },
        });
    }
    RoleCoverage {
        role_id: compiled.role_id(role).to_string(),
        title: compiled.role_title(role).to_string(),
        people: columns.people,
        skills,
        uncovered,
        covered_share: if total > 0.0 { covered / total } else { 1.0 },
        attribution: compiled.attribution_of(role).map(str::to_string),
    }
}

#[cfg(feature = "parallel")]
fn coverage_rows(compiled: &CompiledCatalog, columns: &Columns<'_>) -> Vec<RoleCoverage> {
    use rayon::prelude::*;
    (0..compiled.len())
        .into_par_iter()
        .map(|r| role_coverage(compiled, columns, r))
        .collect()
}

#[cfg(not(feature = "parallel"))]
fn coverage_rows(compiled: &CompiledCatalog, columns: &Columns<'_>) -> Vec<RoleCoverage> {
    (0..compiled.len())
        .map(|r| role_coverage(compiled, columns, r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::role::{Requirement, Role, RoleCatalog};
    use crate::skills::{Catalog, RankOptions};

    fn people() -> Vec<Person> {
        serde_json::from_str(
            r#"[{"id": "a", "skills": [{"skill": "SQL", "level": 4}]},
                {"id": "b", "skills": [{"skill": "SQL", "level": 2}, {"skill": "Python", "level": 5}]},
                {"id": "c"}]"#,
        )
        .unwrap()
    }

    fn catalog() -> Catalog {
        Catalog::new(RoleCatalog::from_roles(vec![
            Role::new(
                "x",
                "X",
                vec![
                    Requirement::new("SQL", 4.0),
                    Requirement::new("Python", 4.0),
                ],
            ),
            Role::new("y", "Y", vec![Requirement::new("Go", 3.0).required(true)]),
        ]))
    }

    #[test]
    fn matrix_rows_match_single_scores_and_serialize_nested() {
        let m = catalog()
            .gap_matrix(&people(), &RankOptions::default())
            .unwrap();
        assert_eq!(m.role_ids, ["x", "y"]);
        assert!((m.get(0, 0) - 0.5).abs() < 1e-6);
        assert!((m.get(1, 0) - 0.75).abs() < 1e-6);
        assert_eq!(m.row(2), [0.0, 0.0]);
        let v = serde_json::to_value(&m).unwrap();
        assert_eq!(v["readiness"].as_array().unwrap().len(), 3);
        assert_eq!(v["readiness"][1].as_array().unwrap().len(), 2);
        assert!(v.get("attribution").is_none());
    }

    #[test]
    fn coverage_counts_people_meeting_each_requirement() {
        let cov = catalog()
            .team_coverage(&people(), &RankOptions::default())
            .unwrap();
        assert_eq!(cov[0].skills[0].people_meeting, 1);
        assert_eq!(cov[0].skills[1].people_meeting, 1);
        assert_eq!(cov[0].covered_share, 1.0);
        assert_eq!(cov[1].uncovered, ["Go"]);
        assert_eq!(cov[1].covered_share, 0.0);
        let empty = catalog()
            .team_coverage(&[], &RankOptions::default())
            .unwrap();
        assert_eq!(empty[0].skills[0].share, 0.0);
    }

    #[test]
    fn bad_people_are_reported_by_index() {
        let mut p = people();
        p[2].skills = serde_json::from_str(r#"[{"skill": "SQL", "level": 9}]"#).unwrap();
        let err = catalog()
            .gap_matrix(&p, &RankOptions::default())
            .unwrap_err();
        assert_eq!(err.path(), "people[2].skills[0].level");
    }
}

/// Readiness of every person for every role (`gap_matrix`).
///
/// (The JSON shape [`GapMatrix`]'s `Serialize` writes, for its schema: the
/// matrix itself stores one flat row-major list.)
#[derive(JsonSchema)]
#[schemars(rename = "GapMatrix")]
#[allow(dead_code)] // only described, never built
struct GapMatrixShape {
    /// People, in input order; a profile's id is `""`.
    person_ids: Vec<String>,
    /// Roles, in catalog order.
    role_ids: Vec<String>,
    /// One list per person, in `role_ids` order, each readiness 0 to 1.
    readiness: Vec<Vec<f32>>,
    /// Attribution of the catalog's data source, if it requires one.
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<String>,
}

impl JsonSchema for GapMatrix {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        GapMatrixShape::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        GapMatrixShape::json_schema(generator)
    }
}
