//! Shared generators for the careerplan benchmarks.

/// A small deterministic generator (64-bit LCG), so every run lints the same goals.
pub struct Lcg(u64);

impl Lcg {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// The next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    /// One element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// `n` realistic goal statements of about 100 bytes, specific and vague,
/// with every kind of time expression, generated from templates.
pub fn goal_statements(n: usize) -> Vec<String> {
    let mut r = Lcg::new(0x5EED_5A17);
    let specific_verbs = [
        "Earn", "Complete", "Publish", "Lead", "Deliver", "Launch", "Submit", "Present", "Write",
        "Recruit",
    ];
    let objects = [
        "the AWS Solutions Architect Professional certification",
        "four client workshops for the regional sales team",
        "a peer-reviewed paper on supply-chain analytics",
        "12 weekly posts on product analytics for the company blog",
        "the Kubernetes CKA practice labs and the final mock exam",
        "a three-page case study of the warehouse migration project",
        "15 informational interviews with senior UX researchers",
        "my individual development plan and review it with my mentor",
    ];
    let deadlines = [
        "within six months",
        "by the end of Q3 2027",
        "by March 15, 2027",
        "before the end of next year",
        "over the next 12 weeks",
        "by 30/06/2027",
        "in two and a half years",
        "by EOM",
        "this quarter",
        "within 6 months of graduation",
        "",
    ];
    let vague = [
        "Try to get better at leadership and communication so that I can advance in my career someday",
        "Be a more effective communicator who is seen by leadership as ready for the next level",
        "Improve my public speaking skills and network more with people across the whole department",
        "Grow into a well-rounded professional and take on bigger projects at work in the long run",
    ];
    let measures = [
        "Reduce the average hiring time from 45 days to 30 days",
        "Raise my code-review approval rate from 70% to 90%",
        "Cut cloud infrastructure costs by $50,000 a year",
        "Grow my newsletter to 5,000 subscribers and post weekly",
    ];
    (0..n)
        .map(|_| match r.below(10) {
            0..=4 => {
                let d = r.pick(&deadlines);
                format!("{} {} {}.", r.pick(&specific_verbs), r.pick(&objects), d)
                    .replace(" .", ".")
            }
            5..=6 => format!("{}.", r.pick(&vague)),
            _ => format!("{} {}.", r.pick(&measures), r.pick(&deadlines)).replace(" .", "."),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn goals_are_about_100_bytes() {
        let goals = super::goal_statements(1000);
        let mean = goals.iter().map(String::len).sum::<usize>() as f64 / goals.len() as f64;
        assert!((80.0..=120.0).contains(&mean), "{mean}");
        assert_eq!(goals, super::goal_statements(1000));
    }
}
