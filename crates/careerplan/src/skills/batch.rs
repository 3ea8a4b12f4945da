//! Readiness of many people for a batch job, one result per person: a
//! person whose assessments do not fit the catalog's scales costs that
//! person's row, not the batch (as [`fill_gap_matrix`](super::fill_gap_matrix)
//! does for an interactive call, which refuses the whole team).
//!
//! Two shapes, for the two layouts a data platform writes: the best `k`
//! roles per person ([`rank_each`]; for a million people and a thousand
//! roles the full matrix is 10⁹ cells, which few jobs want), and every
//! role's readiness per person ([`fill_gap_rows`]), row-major as the
//! matrix is.

use super::compiled::{CompiledCatalog, PersonVector, Rating};
use super::ranking::RankEntry;
use super::team::Person;
use crate::Error;

/// Whose skills a batch function reads: a [`Person`], or the borrowed
/// [`Rating`]s of one row of a table (no `String` per skill).
pub trait Rated: Sync {
    /// This person's vector over `compiled`; errors have paths below
    /// `skills` (`skills[2].level`).
    ///
    /// # Errors
    /// As [`CompiledCatalog::person`].
    fn vector(&self, compiled: &CompiledCatalog) -> Result<PersonVector, Error>;
}

impl Rated for Person {
    fn vector(&self, compiled: &CompiledCatalog) -> Result<PersonVector, Error> {
        compiled.person(&self.skills, "skills")
    }
}

impl Rated for Vec<Rating<'_>> {
    fn vector(&self, compiled: &CompiledCatalog) -> Result<PersonVector, Error> {
        compiled.person_from(self.iter().copied(), "skills")
    }
}

/// Every person's best roles, best first, as [`Catalog::rank`]
/// orders them (readiness to six decimals, ties by role id): at most
/// `top_k` (all when `None`), and only those with a readiness of at least
/// `min_readiness` when given. One result per person, in order; a bad
/// assessment is that person's [`Error::InvalidValue`] with the path
/// below the person (`skills[2].level`).
///
/// With the `parallel` feature the people are shared out over rayon's
/// current pool.
///
/// ```
/// use careerplan::skills::{CompiledCatalog, Person, RankOptions, builtin_roles, rank_each};
/// let compiled = CompiledCatalog::new(builtin_roles(), &RankOptions::default())?;
/// let ana: Person = serde_json::from_str(r#"{"id": "ana", "skills": [{"skill": "SQL", "level": 4}]}"#).unwrap();
/// let bad: Person = serde_json::from_str(r#"{"id": "bo", "skills": [{"skill": "SQL", "level": 9}]}"#).unwrap();
/// let out = rank_each(&[ana, bad], &compiled, Some(3), None);
/// assert_eq!(out[0].as_ref().unwrap().len(), 3);
/// assert_eq!(out[1].as_ref().unwrap_err().path(), "skills[0].level");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// [`Catalog::rank`]: super::Catalog::rank
pub fn rank_each<'c, P: Rated>(
    people: &[P],
    compiled: &'c CompiledCatalog,
    top_k: Option<usize>,
    min_readiness: Option<f64>,
) -> Vec<Result<Vec<RankEntry<'c>>, Error>> {
    let one = |p: &P| {
        let person = p.vector(compiled)?;
        let mut entries = compiled.rank(&person, top_k);
        if let Some(min) = min_readiness {
            // Entries are best first, so the kept ones are a prefix.
            let keep = entries.partition_point(|e| e.readiness >= min);
            entries.truncate(keep);
        }
        Ok(entries)
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        people.par_iter().map(one).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        people.iter().map(one).collect()
    }
}

/// Every person's readiness for every role of `compiled`, written
/// row-major into `out` (`people.len() × compiled.len()` cells) as
/// [`fill_gap_matrix`](super::fill_gap_matrix) writes it; a person whose
/// assessments do not fit gets a row of NaN and their error in the
/// returned list (one entry per person, `None` when the row is good).
///
/// # Errors
/// [`Error::InvalidArgument`] when `out` has another length.
pub fn fill_gap_rows<P: Rated>(
    people: &[P],
    compiled: &CompiledCatalog,
    out: &mut [f32],
) -> Result<Vec<Option<Error>>, Error> {
    let n = compiled.len();
    super::team::check_room(people.len(), n, out.len())?;
    let one = |(row, p): (&mut [f32], &P)| match p.vector(compiled) {
        Ok(person) => {
            compiled.readiness_into(&person, row);
            None
        }
        Err(err) => {
            row.fill(f32::NAN);
            Some(err)
        }
    };
    if n == 0 {
        return Ok(people.iter().map(|p| p.vector(compiled).err()).collect());
    }
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        Ok(out
            .par_chunks_mut(n)
            .zip(people.par_iter())
            .map(one)
            .collect())
    }
    #[cfg(not(feature = "parallel"))]
    {
        Ok(out.chunks_mut(n).zip(people.iter()).map(one).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::rank::rank_compiled;
    use crate::skills::{RankOptions, builtin_roles, fill_gap_matrix};

    fn person(json: &str) -> Person {
        crate::json::from_text(json, "").unwrap()
    }

    #[test]
    fn rows_match_the_single_person_calls() {
        let compiled = CompiledCatalog::new(builtin_roles(), &RankOptions::default()).unwrap();
        let good = person(
            r#"{"id": "a", "skills": [{"skill": "SQL", "level": 4}, {"skill": "Leadership", "level": 2}]}"#,
        );
        let bad = person(
            r#"{"id": "b", "skills": [{"skill": "SQL", "level": 4}, {"skill": "Go", "level": 3, "scale": "nope"}]}"#,
        );
        let people = [good.clone(), bad, good.clone()];
        let ranked = rank_each(&people, &compiled, Some(5), None);
        let profile = crate::plan::Profile {
            skills: good.skills.clone(),
            ..Default::default()
        };
        let single = rank_compiled(&profile, &compiled, Some(5)).unwrap();
        assert_eq!(ranked[0].as_ref().unwrap(), &single);
        assert_eq!(ranked[2].as_ref().unwrap(), &single);
        let err = ranked[1].as_ref().unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid-value", "skills[1].scale")
        );

        let floor = single[2].readiness;
        let above = rank_each(&people[..1], &compiled, None, Some(floor));
        assert!(
            above[0]
                .as_ref()
                .unwrap()
                .iter()
                .all(|e| e.readiness >= floor)
        );
        assert!(above[0].as_ref().unwrap().len() >= 3);

        let n = compiled.len();
        let mut rows = vec![0f32; 3 * n];
        let errors = fill_gap_rows(&people, &compiled, &mut rows).unwrap();
        assert!(errors[0].is_none() && errors[2].is_none());
        assert_eq!(errors[1].as_ref().unwrap().path(), "skills[1].scale");
        assert!(rows[n..2 * n].iter().all(|c| c.is_nan()));
        let mut one = vec![0f32; n];
        fill_gap_matrix(&people[..1], &compiled, &mut one).unwrap();
        assert_eq!(&rows[..n], &one[..]);
        assert_eq!(&rows[2 * n..], &one[..]);
        assert!(fill_gap_rows(&people, &compiled, &mut one).is_err());

        // Borrowed ratings read exactly as the people's assessments.
        let rated: Vec<Vec<Rating<'_>>> = people
            .iter()
            .map(|p| {
                p.skills
                    .iter()
                    .map(|a| Rating {
                        skill: &a.skill,
                        level: a.level,
                        scale: &a.scale,
                        assessed_on: a.assessed_on,
                    })
                    .collect()
            })
            .collect();
        assert_eq!(rank_each(&rated, &compiled, Some(5), None), ranked);
        let mut again = vec![0f32; 3 * n];
        let errors_again = fill_gap_rows(&rated, &compiled, &mut again).unwrap();
        assert_eq!(errors_again, errors);
        assert_eq!(again[..n], rows[..n]);
    }
}
