//! Shared generators for the careerplan benchmarks.

use std::path::PathBuf;

use careerplan::skills::Person;

/// The text of a file of the shared O*NET test data, or a panic that names
/// the missing file.
pub fn onet_file(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/onet")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read the O*NET data file {} ({e}); benchmarks expect shared/data/onet/ next to the repository", path.display())
    })
}

/// A small deterministic generator (xorshift64*), so benchmarks need no
/// random-number crate and see the same people every run.
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// `n` people, each rated on `per_person` of `skills` (distinct, random), half
/// of the ratings on `onet-level-0-7` (0 to 7 in quarter steps) and half on
/// `dreyfus-5`, as a team export would hold them.
pub fn people(n: usize, skills: &[String], per_person: usize, seed: u64) -> Vec<Person> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let mut chosen: Vec<usize> = Vec::with_capacity(per_person);
            while chosen.len() < per_person.min(skills.len()) {
                let s = rng.below(skills.len() as u64) as usize;
                if !chosen.contains(&s) {
                    chosen.push(s);
                }
            }
            let ratings: Vec<serde_json::Value> = chosen
                .into_iter()
                .map(|s| {
                    if rng.below(2) == 0 {
                        serde_json::json!({"skill": skills[s], "level": rng.below(29) as f64 / 4.0, "scale": "onet-level-0-7"})
                    } else {
                        serde_json::json!({"skill": skills[s], "level": 1 + rng.below(5), "scale": "dreyfus-5"})
                    }
                })
                .collect();
            serde_json::from_value(serde_json::json!({"id": format!("p{i:05}"), "skills": ratings}))
                .unwrap_or_else(|e| panic!("generated person {i} does not parse: {e}"))
        })
        .collect()
}
