//! Property tests: any plan serializes and parses back equal, and extension
//! fields survive at every level.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use careerplan::plan::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};

fn date() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

fn text() -> impl Strategy<Value = String> {
    // Unicode, quotes, backslashes, control characters: all must round-trip.
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(16).collect()),
        Just("é\u{301} \u{202e}rtl \"q\" \\ \n\t 🚀".to_string()),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| n as f64),
        -1e12f64..1e12,
    ]
}

fn extra() -> impl Strategy<Value = Extra> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        text().prop_map(Value::String),
    ];
    let value = leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    // Extension keys never collide with model fields: tools prefix theirs.
    prop::collection::btree_map("x-[a-z_]{1,6}", value, 0..3).prop_map(|m| m.into_iter().collect())
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::NotStarted),
        Just(Status::InProgress),
        Just(Status::Blocked),
        Just(Status::Done),
        Just(Status::Abandoned),
    ]
}

fn goal() -> impl Strategy<Value = Goal> {
    (
        ("[a-z0-9-]{1,8}", text(), prop::option::of(text())),
        prop::option::of(prop_oneof![
            Just(Horizon::Short),
            Just(Horizon::Mid),
            Just(Horizon::Long)
        ]),
        prop::option::of("[a-z]{1,4}"),
        prop::option::of((1u8..=5, 1u8..=5, extra())),
        status(),
        (prop::option::of(date()), prop::option::of(date())),
        prop::option::of((
            text(),
            prop::option::of(number()),
            number(),
            prop::option::of(number()),
        )),
        prop::collection::vec(text(), 0..3),
        extra(),
    )
        .prop_map(
            |(
                (id, title, description),
                horizon,
                parent_id,
                priority,
                status,
                (start, deadline),
                metric,
                values,
                extra,
            )| {
                let mut g = Goal::new(id, title);
                g.description = description;
                g.horizon = horizon;
                g.parent_id = parent_id;
                g.priority = priority.map(|(importance, feasibility, extra)| Priority {
                    importance,
                    feasibility,
                    extra,
                });
                g.status = status;
                g.start = start;
                g.deadline = deadline;
                g.metric = metric.map(|(name, baseline, target, current)| Metric {
                    name,
                    unit: None,
                    baseline,
                    target,
                    current,
                    extra: Extra::new(),
                });
                g.values = values;
                g.extra = extra;
                g
            },
        )
}

fn action() -> impl Strategy<Value = Action> {
    (
        ("[a-z0-9]{1,6}", "[a-z0-9]{1,6}", text()),
        prop::option::of(date()),
        status(),
        prop::option::of(number()),
        prop::collection::vec((text(), prop::option::of(text()), extra()), 0..2),
        extra(),
    )
        .prop_map(
            |((id, goal_id, title), due, status, effort_hours, obstacles, extra)| Action {
                id,
                goal_id,
                title,
                kind: ActionKind::Step,
                due,
                status,
                completed_on: None,
                effort_hours,
                skills: vec![],
                resources: vec![],
                obstacles: obstacles
                    .into_iter()
                    .map(|(description, mitigation, extra)| Obstacle {
                        description,
                        mitigation,
                        extra,
                    })
                    .collect(),
                extra,
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        "[a-z0-9-]{1,10}",
        prop::collection::vec(goal(), 0..5),
        prop::collection::vec(action(), 0..5),
        prop::collection::vec((text(), number(), date(), extra()), 0..3),
        prop::option::of((date(), extra())),
        extra(),
    )
        .prop_map(|(id, goals, actions, skills, policy, extra)| {
            let mut p = Plan::new(id);
            p.goals = goals;
            p.actions = actions;
            p.profile.skills = skills
                .into_iter()
                .map(|(skill, level, assessed_on, extra)| SkillAssessment {
                    skill,
                    level,
                    scale: "percent".into(),
                    assessed_on: Some(assessed_on),
                    evidence: None,
                    source: AssessmentSource::Peer,
                    extra,
                })
                .collect();
            p.review_policy = policy.map(|(anchor, extra)| ReviewPolicy {
                cadence: Cadence::Every {
                    every: 5,
                    unit: CadenceUnit::Weeks,
                },
                anchor: Some(anchor),
                until: None,
                business_days: BusinessDayConvention::ModifiedFollowing,
                holidays: vec![anchor],
                checkin_days_before: vec![7, 14],
                midpoint_min_days: None,
                at_risk_cadence: Some(Cadence::Monthly),
                ad_hoc: vec![],
                extra,
            });
            p.extra = extra;
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_plan_round_trips(p in plan()) {
        let text = p.to_json();
        let back = load_plan(&text, &Default::default()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &p);
        // Writing again gives the same text: the form is canonical.
        prop_assert_eq!(back.to_json(), text);
    }

    #[test]
    fn extension_fields_survive(p in plan()) {
        let back = load_plan(&p.to_json(), &Default::default()).unwrap();
        prop_assert_eq!(&back.extra, &p.extra);
        for (a, b) in back.goals.iter().zip(&p.goals) {
            prop_assert_eq!(&a.extra, &b.extra);
        }
        for (a, b) in back.actions.iter().zip(&p.actions) {
            prop_assert_eq!(&a.extra, &b.extra);
        }
    }

    #[test]
    fn validation_never_panics_and_paths_point_into_the_document(p in plan()) {
        let doc = p.to_value();
        for problem in p.validate() {
            // The first segment of every path names a field that exists.
            let head = problem.path.split(['.', '[']).next().unwrap_or("");
            prop_assert!(doc.get(head).is_some(), "{} not in document", problem.path);
        }
    }

    #[test]
    fn loading_arbitrary_text_never_panics(s in any::<String>()) {
        let _ = load_plan(&s, &Default::default());
        let _ = validate_json(&s);
    }
}
