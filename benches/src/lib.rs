//! Shared generators for the careerplan benchmarks.

use careerplan::plan::{Cadence, Contact, Goal, Plan, Relation, ReviewPolicy};
use chrono::{Days, NaiveDate};

/// SplitMix64, so every run benchmarks the same plans.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// The first day of the benchmark's ten-year agenda.
pub fn agenda_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day of the benchmark's ten-year agenda.
pub fn agenda_end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2036, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// `count` plans for the agenda benchmark: each with a quarterly review, 3
/// contacts followed up monthly and 20 goal deadlines with a check-in two
/// weeks before each, spread over the ten years from [`agenda_start`].
/// Anchors, last contacts and deadlines are random (seeded), with many on
/// the 29th to 31st.
pub fn schedule_plans(count: usize, seed: u64) -> Vec<Plan> {
    let mut rng = Rng(seed);
    let start = agenda_start();
    let day = |rng: &mut Rng, span: u64| {
        start
            .checked_add_days(Days::new(rng.below(span)))
            .unwrap_or(start)
    };
    (0..count)
        .map(|i| {
            let mut plan = Plan::new(format!("plan-{i}"));
            let mut policy = ReviewPolicy::new(Cadence::Quarterly);
            policy.anchor = Some(day(&mut rng, 90));
            policy.checkin_days_before = vec![14];
            plan.review_policy = Some(policy);
            for c in 0..3 {
                plan.contacts.push(Contact {
                    id: format!("c{c}"),
                    name: format!("Contact {c}"),
                    relation: Relation::Mentor,
                    cadence: Some(Cadence::Monthly),
                    last_contact: Some(
                        day(&mut rng, 31)
                            .checked_sub_days(Days::new(31))
                            .unwrap_or(start),
                    ),
                    notes: None,
                    extra: Default::default(),
                });
            }
            for g in 0..20 {
                let mut goal = Goal::new(format!("g{g}"), format!("Goal number {g}"));
                goal.deadline = Some(
                    day(&mut rng, 3600).max(start.checked_add_days(Days::new(14)).unwrap_or(start)),
                );
                plan.goals.push(goal);
            }
            plan
        })
        .collect()
}
