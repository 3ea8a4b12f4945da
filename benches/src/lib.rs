//! Deterministic generators of realistic inputs for the careerplan benchmarks.

use careerplan::plan::{Cadence, Contact, Goal, Plan, Relation, ReviewPolicy};
use careerplan::skills::Person;
use chrono::{Days, NaiveDate};
use serde_json::{Value, json};
use std::path::PathBuf;

pub mod esco;

/// A small deterministic pseudo-random generator (xorshift64*), so benchmark
/// inputs are the same on every run without a dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (zero is replaced by a fixed odd constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const VERBS: [&str; 8] = [
    "Earn", "Lead", "Complete", "Publish", "Mentor", "Launch", "Reduce", "Present",
];
const OBJECTS: [&str; 8] = [
    "the PMP certification",
    "a cross-functional team of 6 engineers",
    "a 40-hour data analysis course",
    "two articles on supply-chain analytics",
    "three junior analysts",
    "the customer self-service portal",
    "average ticket resolution time by 20%",
    "at one regional conference",
];
const SKILLS: [&str; 6] = [
    "Project management",
    "Leadership",
    "SQL",
    "Budgeting",
    "Communication",
    "Risk management",
];

/// A plan document with `goals` goals (a tree of depth up to 3, dates
/// consistent so the plan validates clean) and `actions_per_goal` actions each.
///
/// `generate_plan(2000, 3)` is about 1 MB.
pub fn generate_plan(goals: usize, actions_per_goal: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut goal_docs = Vec::with_capacity(goals);
    let mut action_docs = Vec::with_capacity(goals * actions_per_goal);
    for i in 0..goals {
        // Every 10th goal is a root; the rest hang under the latest root, so
        // the tree is wide and shallow like real plans.
        let root = i - i % 10;
        let (parent, year) = if i == root {
            (Value::Null, 2031)
        } else {
            (json!(format!("g{root}")), 2029)
        };
        let month = 1 + rng.below(12);
        let text = format!(
            "{} {} by the end of {year}.",
            rng.pick(&VERBS),
            rng.pick(&OBJECTS)
        );
        goal_docs.push(json!({
            "id": format!("g{i}"),
            "title": text,
            "horizon": if i == root { "long" } else { "mid" },
            "parent_id": parent,
            "priority": {"importance": 1 + rng.below(5), "feasibility": 1 + rng.below(5)},
            "status": "in_progress",
            "start": "2026-01-15",
            "deadline": format!("{year}-{month:02}-28"),
        }));
        if i % 4 == 0 {
            goal_docs[i]["values"] = json!(["growth"]);
            goal_docs[i]["skills"] = json!([rng.pick(&SKILLS)]);
            goal_docs[i]["metric"] =
                json!({"name": "progress", "target": 100, "current": rng.below(100)});
            goal_docs[i]["x-source"] = json!({"row": i});
        }
        for j in 0..actions_per_goal {
            action_docs.push(json!({
                "id": format!("a{i}-{j}"),
                "goal_id": format!("g{i}"),
                "title": format!("Step {j} of goal {i}"),
                "due": format!("2028-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                "effort_hours": 1 + rng.below(40),
            }));
            if j == 0 {
                let last = action_docs.len() - 1;
                action_docs[last]["obstacles"] = json!([{"description": "Competing priorities", "mitigation": "Block focus time"}]);
            }
        }
    }
    let mut doc = json!({
        "schema_version": 1,
        "id": "bench",
        "owner": {"name": "Bench Person", "current_role": "Analyst"},
        "created": "2026-01-15T09:00:00Z",
        "profile": {
            "skills": SKILLS.iter().map(|s| json!({"skill": s, "level": 3, "scale": "dreyfus-5"})).collect::<Vec<_>>(),
            "values": [{"name": "growth", "rank": 1}]
        },
        "goals": goal_docs,
        "actions": action_docs,
    });
    // Null parents were placeholders for roots; drop them so the document is canonical.
    if let Some(goals) = doc["goals"].as_array_mut() {
        for g in goals {
            if let Some(obj) = g.as_object_mut()
                && obj.get("parent_id") == Some(&Value::Null)
            {
                obj.remove("parent_id");
            }
        }
    }
    serde_json::to_string(&doc).unwrap_or_default()
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
    let mut rng = Rng::new(seed);
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

/// `n` realistic goal statements of about 100 bytes, specific and vague,
/// with every kind of time expression, generated from templates.
pub fn goal_statements(n: usize) -> Vec<String> {
    let mut r = Rng::new(0x5EED_5A17);
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
                let d = *r.pick(&deadlines);
                format!("{} {} {}.", *r.pick(&specific_verbs), *r.pick(&objects), d)
                    .replace(" .", ".")
            }
            5..=6 => format!("{}.", *r.pick(&vague)),
            _ => format!("{} {}.", *r.pick(&measures), *r.pick(&deadlines)).replace(" .", "."),
        })
        .collect()
}

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

/// The shared ESCO relations table (`shared/data/esco/occupation_skill_relations_by_label.tsv.gz`), decompressed.
pub fn esco_tsv() -> String {
    use std::io::Read;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/esco/occupation_skill_relations_by_label.tsv.gz");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        panic!("cannot read the ESCO data file {} ({e}); benchmarks expect shared/data/esco/ next to the repository", path.display())
    });
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("cannot decompress {}: {e}", path.display()));
    text
}

/// `n` people, each rated on `per_person` of `skills` (distinct, random), half
/// of the ratings on `onet-level-0-7` (0 to 7 in quarter steps) and half on
/// `dreyfus-5`, as a team export would hold them.
pub fn people(n: usize, skills: &[impl AsRef<str>], per_person: usize, seed: u64) -> Vec<Person> {
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
                        serde_json::json!({"skill": skills[s].as_ref(), "level": rng.below(29) as f64 / 4.0, "scale": "onet-level-0-7"})
                    } else {
                        serde_json::json!({"skill": skills[s].as_ref(), "level": 1 + rng.below(5), "scale": "dreyfus-5"})
                    }
                })
                .collect();
            serde_json::from_value(serde_json::json!({"id": format!("p{i:05}"), "skills": ratings}))
                .unwrap_or_else(|e| panic!("generated person {i} does not parse: {e}"))
        })
        .collect()
}
#[cfg(test)]
mod tests {
    #[test]
    fn goals_are_about_100_bytes() {
        let goals = super::goal_statements(1000);
        let mean = goals.iter().map(String::len).sum::<usize>() as f64 / goals.len() as f64;
        assert!((75.0..=125.0).contains(&mean), "{mean}");
        assert_eq!(goals, super::goal_statements(1000));
    }

    #[test]
    fn generated_plan_is_about_a_megabyte_and_valid() {
        let text = super::generate_plan(2000, 3, 1);
        assert!(
            (800_000..1_300_000).contains(&text.len()),
            "{} bytes",
            text.len()
        );
        let plan = careerplan::plan::load_plan(&text, &Default::default()).unwrap();
        assert_eq!((plan.goals.len(), plan.actions.len()), (2000, 6000));
        let errors: Vec<_> = plan
            .validate()
            .into_iter()
            .filter(|p| p.severity == careerplan::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
