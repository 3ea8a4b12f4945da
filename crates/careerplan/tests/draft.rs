//! The plan drafter: the example plan against built-in roles, linking,
//! idempotence, feasibility, and every drafted goal linted from many random
//! profiles and roles (proptest).
#![allow(clippy::unwrap_used)]

mod common;

use careerplan::Severity;
use careerplan::draft::{DraftOptions, DraftReport, draft_plan};
use careerplan::plan::{Plan, SkillAssessment};

fn assessment(skill: &str, level: f64) -> SkillAssessment {
    serde_json::from_value(serde_json::json!({"skill": skill, "level": level})).unwrap()
}
use careerplan::schedule::{AgendaOptions, agenda};
use careerplan::skills::{Requirement, Role, RoleCatalog, builtin_roles};
use common::{d, example_plan};
use proptest::prelude::*;

fn options(start: chrono::NaiveDate) -> DraftOptions {
    DraftOptions {
        start: Some(start),
        ..DraftOptions::default()
    }
}

/// What every feasible draft must satisfy.
fn check_draft(report: &DraftReport, catalog: &RoleCatalog, role: &str, opts: &DraftOptions) {
    let problems = report.plan.validate();
    if report.feasibility.feasible {
        assert!(problems.is_empty(), "{problems:#?}");
    } else {
        assert!(
            problems.iter().all(|p| p.severity < Severity::Error),
            "{problems:#?}"
        );
    }
    for g in &report.drafted {
        let c = &g.lint.criteria;
        assert_eq!(
            (c.specific.met, c.measurable.met, c.time_bound.met),
            (Some(true), Some(true), Some(true)),
            "{}: {:?}",
            g.title,
            g.lint.diagnostics
        );
        if report.feasibility.feasible {
            let bad: Vec<_> = g
                .lint
                .diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .collect();
            assert!(bad.is_empty(), "{}: {bad:#?}", g.title);
        }
        assert!(g.start <= g.deadline);
    }
    // Every drafted goal hangs under the role goal and ends by its deadline.
    let role_goal = report.plan.goal(&report.role_goal_id).unwrap();
    for id in &report.added_goals {
        let goal = report.plan.goal(id).unwrap();
        if *id != report.role_goal_id {
            assert_eq!(
                goal.parent_id.as_deref(),
                Some(report.role_goal_id.as_str())
            );
            assert!(goal.metric.is_some(), "{id} has a metric");
            if let (Some(a), Some(b)) = (goal.deadline, role_goal.deadline) {
                assert!(a <= b, "{id} ends {a} after the role goal {b}");
            }
        }
    }
    // Every added action belongs to an added goal and is due inside it.
    for id in &report.added_actions {
        let a = report.plan.actions.iter().find(|a| &a.id == id).unwrap();
        let g = report.plan.goal(&a.goal_id).unwrap();
        assert!(report.added_goals.contains(&g.id));
        let due = a.due.unwrap();
        assert!(
            g.start.unwrap() <= due && due <= g.deadline.unwrap(),
            "{id}"
        );
        assert!(a.effort_hours.unwrap() > 0.0);
        assert!(!a.obstacles.is_empty() && a.obstacles[0].mitigation.is_some());
    }
    // Idempotent: drafting the drafted plan adds nothing.
    let again = draft_plan(&report.plan, catalog, role, opts).unwrap();
    assert!(again.added_goals.is_empty(), "{:?}", again.added_goals);
    assert!(again.added_actions.is_empty());
    assert_eq!(again.plan, report.plan);
}

#[test]
fn example_plan_against_a_built_in_role() {
    let plan = example_plan();
    let opts = options(d(2026, 12, 7));
    let report = draft_plan(&plan, builtin_roles(), "program-manager", &opts).unwrap();
    check_draft(&report, builtin_roles(), "program-manager", &opts);
    assert!(
        report.feasibility.feasible,
        "{}",
        report.feasibility.message
    );
    assert!(!report.added_goals.is_empty());
    // The plan's own goals and their unknown fields are untouched.
    assert_eq!(report.plan.goals[..plan.goals.len()], plan.goals[..]);
    assert_eq!(report.plan.actions[..plan.actions.len()], plan.actions[..]);
    // Skills the plan's goals already list are linked, not drafted again.
    let drafted_skills: Vec<&String> = report.drafted.iter().flat_map(|g| &g.skills).collect();
    for l in &report.linked {
        assert!(
            !drafted_skills.contains(&&l.skill),
            "{} drafted twice",
            l.skill
        );
    }
    // The plan keeps its own review policy.
    assert!(!report.review_policy_added);
    assert_eq!(report.plan.review_policy, plan.review_policy);
}

#[test]
fn the_plans_own_goal_for_the_role_is_the_parent() {
    let plan = example_plan();
    let opts = options(d(2026, 12, 7));
    let report = draft_plan(&plan, builtin_roles(), "senior-project-manager", &opts).unwrap();
    assert_eq!(report.role_goal_id, "g-senior-pm");
    check_draft(&report, builtin_roles(), "senior-project-manager", &opts);
    assert!(
        report
            .linked
            .iter()
            .any(|l| l.skill == "Project management" && l.goals.contains(&"g-pmp".to_string()))
    );
}

#[test]
fn a_bare_plan_gets_a_role_goal_a_review_policy_and_an_agenda() {
    let mut plan = Plan::new("p");
    plan.profile.skills.push(assessment("SQL", 2.0));
    let start = d(2027, 1, 4);
    let opts = options(start);
    let report = draft_plan(&plan, builtin_roles(), "data-scientist", &opts).unwrap();
    check_draft(&report, builtin_roles(), "data-scientist", &opts);
    let role_goal = report.plan.goal(&report.role_goal_id).unwrap();
    assert!(
        role_goal
            .title
            .starts_with("Become Data scientist at 100% skill readiness by ")
    );
    assert!(report.review_policy_added);
    let events = agenda(
        &report.plan,
        start,
        d(2032, 12, 31),
        &AgendaOptions::default(),
    )
    .unwrap();
    assert!(
        events.iter().any(|e| e.kind.as_str() == "periodic_review"),
        "{events:?}"
    );
    assert!(events.iter().any(|e| e.kind.as_str() == "goal_deadline"));
    // Goals do not all run at once: at most two at any day.
    let goals: Vec<_> = report
        .drafted
        .iter()
        .filter(|g| g.goal_id != report.role_goal_id)
        .collect();
    for g in &goals {
        let running = goals
            .iter()
            .filter(|o| o.start <= g.start && g.start <= o.deadline)
            .count();
        assert!(running <= 2, "{} goals run on {}", running, g.start);
    }
    // Must-haves come first.
    let role = builtin_roles().role("data-scientist").unwrap();
    let must: Vec<&str> = role
        .requirements
        .iter()
        .filter(|r| r.required)
        .map(|r| r.skill.as_str())
        .collect();
    let first = &goals[0];
    assert!(
        first.skills.iter().any(|s| must.contains(&s.as_str())),
        "{first:?}"
    );
}

#[test]
fn not_enough_hours_is_said_with_a_date_that_fits() {
    let plan = Plan::new("p");
    let mut opts = options(d(2027, 1, 4));
    opts.hours_per_week = 1.0;
    opts.target_date = Some(d(2027, 6, 30));
    let report = draft_plan(&plan, builtin_roles(), "engineering-manager", &opts).unwrap();
    let f = &report.feasibility;
    assert!(!f.feasible);
    assert!(f.fits_by > d(2027, 6, 30));
    assert!(f.needed_hours_per_week > 1.0);
    assert!(f.message.contains("do not fit"), "{}", f.message);
    // Still a valid plan, every goal inside the target date.
    assert!(report.plan.validate().is_empty());
    for g in &report.drafted {
        assert!(g.deadline <= d(2027, 6, 30), "{g:?}");
    }
    // The linter says so too.
    assert!(report.drafted.iter().any(|g| {
        g.lint
            .diagnostics
            .iter()
            .any(|d| d.code == "effort-exceeds-capacity")
    }));
    // Enough hours make it fit.
    opts.hours_per_week = f.needed_hours_per_week * 2.0;
    let report = draft_plan(&plan, builtin_roles(), "engineering-manager", &opts).unwrap();
    assert!(
        report.feasibility.feasible,
        "{}",
        report.feasibility.message
    );
}

#[test]
fn bad_options_are_errors_with_paths() {
    let plan = Plan::new("p");
    let err = draft_plan(
        &plan,
        builtin_roles(),
        "data-analyst",
        &DraftOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid-argument", "options.start")
    );
    let mut opts = options(d(2027, 1, 4));
    opts.hours_per_week = 0.0;
    let err = draft_plan(&plan, builtin_roles(), "data-analyst", &opts).unwrap_err();
    assert_eq!(err.path(), "options.hours_per_week");
    let err = draft_plan(&plan, builtin_roles(), "nope", &options(d(2027, 1, 4))).unwrap_err();
    assert_eq!(err.path(), "role");
    let opts: Result<DraftOptions, _> = serde_json::from_str(r#"{"hours_per_wek": 3}"#);
    assert!(opts.is_err());
}

#[test]
fn learning_activities_and_contacts_become_resources() {
    let plan = careerplan::plan::load_plan(
        r#"{"schema_version": 1, "id": "p",
            "profile": {"skills": [{"skill": "SQL", "level": 1}]},
            "contacts": [{"id": "c1", "name": "Ada", "relation": "peer", "skills": ["sql"]},
                         {"id": "c2", "name": "Bo", "relation": "mentor"}]}"#,
        &Default::default(),
    )
    .unwrap();
    let mut opts = options(d(2027, 1, 4));
    opts.gap.learning = Some(
        careerplan::skills::LearningCatalog::from_json(
            r#"{"activities": [{"id": "sql-course", "title": "SQL for analysts", "kind": "course",
                "skill": "SQL", "hours": 30, "cost": 200, "currency": "EUR"}]}"#,
        )
        .unwrap(),
    );
    let report = draft_plan(&plan, builtin_roles(), "data-analyst", &opts).unwrap();
    let sql_learn = report
        .plan
        .actions
        .iter()
        .find(|a| a.id.contains("-learn-sql"))
        .unwrap();
    assert_eq!(sql_learn.effort_hours, Some(30.0));
    assert!(sql_learn.title.contains("SQL for analysts"));
    assert!(
        sql_learn
            .resources
            .iter()
            .any(|r| r.amount == Some(200.0) && r.unit.as_deref() == Some("EUR"))
    );
    let practice = report
        .plan
        .actions
        .iter()
        .find(|a| a.id.contains("-practice-sql"))
        .unwrap();
    assert!(
        practice
            .resources
            .iter()
            .any(|r| r.contact_id.as_deref() == Some("c1"))
    );
}

/// A role on a random scale with random requirements from a pool of skills.
fn role_strategy() -> impl Strategy<Value = Role> {
    let pool = [
        "Leadership",
        "Budgeting",
        "SQL",
        "Statistics",
        "Python",
        "Negotiation",
        "Coaching",
        "Risk management",
        "Welding",
        "Tax law",
        "computer programming",
        "data mining",
        "Critical Thinking",
        "Writing",
        "user research",
    ];
    let scales = [
        ("dreyfus-5", 1.0, 5.0),
        ("sfia-7", 1.0, 7.0),
        ("onet-level-0-7", 0.0, 7.0),
        ("percent", 0.0, 100.0),
    ];
    (
        0..scales.len(),
        proptest::collection::vec(
            (0..pool.len(), 0.0..1.0f64, 1.0..5.0f64, any::<bool>()),
            1..10,
        ),
        "[a-z]{3,10}( [a-z]{3,10}){0,2}",
    )
        .prop_map(move |(s, reqs, title)| {
            let (scale, lo, hi) = scales[s];
            let mut seen = std::collections::HashSet::new();
            let reqs = reqs
                .into_iter()
                .filter(|(i, ..)| seen.insert(*i))
                .map(|(i, level, imp, req)| {
                    let level = ((lo + level * (hi - lo)) * 4.0).round() / 4.0;
                    Requirement::new(pool[i], level.max(lo + (hi - lo) * 0.1))
                        .on_scale(scale)
                        .importance((imp * 2.0).round() / 2.0)
                        .required(req)
                })
                .collect();
            Role::new("r-1", title, reqs)
        })
}

fn profile_strategy() -> impl Strategy<Value = Vec<(usize, f64)>> {
    proptest::collection::vec((0..15usize, 1.0..5.0f64), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Every drafted goal, from random profiles against random and built-in
    /// roles, meets Specific, Measurable and Time-bound with no warning or
    /// error (when the work fits), and the result validates and is idempotent.
    #[test]
    fn drafted_goals_pass_the_linter(
        role in role_strategy(),
        builtin in 0..31usize,
        skills in profile_strategy(),
        hours in 2.0..20.0f64,
        start_days in 0..2000u64,
        with_values in any::<bool>(),
    ) {
        let pool = ["Leadership", "Budgeting", "SQL", "Statistics", "Python", "Negotiation",
            "Coaching", "Risk management", "Welding", "Tax law", "Programming", "Data analysis",
            "Critical Thinking", "Writing", "User research"];
        let mut plan = Plan::new("p");
        let mut seen = std::collections::HashSet::new();
        for (i, level) in skills {
            if seen.insert(i) {
                plan.profile.skills.push(assessment(pool[i], (level * 2.0).round() / 2.0));
            }
        }
        if with_values {
            plan.profile.values.push(serde_json::from_value(serde_json::json!({"name": "growth"})).unwrap());
        }
        let start = d(2026, 1, 1) + chrono::Days::new(start_days);
        let mut opts = options(start);
        opts.hours_per_week = (hours * 2.0).round() / 2.0;
        let catalog = RoleCatalog::from_roles(vec![role]);
        let report = draft_plan(&plan, &catalog, "r-1", &opts).unwrap();
        check_draft(&report, &catalog, "r-1", &opts);
        let builtin_role = builtin_roles().roles[builtin % builtin_roles().roles.len()].id.clone();
        let report = draft_plan(&plan, builtin_roles(), &builtin_role, &opts).unwrap();
        check_draft(&report, builtin_roles(), &builtin_role, &opts);
    }
}

/// O*NET occupations (every 40th of the real 29.2 catalog, skills and
/// knowledge): long requirement lists on `onet-level-0-7`, grouped under
/// O*NET's parent elements.
#[test]
fn onet_occupations_draft_smart_goals() {
    use careerplan::skills::onet::{self, OnetOptions, OnetSources};
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/onet");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("cannot read the O*NET test data {name}: {e}"))
    };
    let (skills, knowledge, occupations) = (
        read(onet::SKILLS_FILE),
        read(onet::KNOWLEDGE_FILE),
        read(onet::OCCUPATIONS_FILE),
    );
    let catalog = onet::import(
        &OnetSources {
            skills: Some(&skills),
            knowledge: Some(&knowledge),
            occupations: Some(&occupations),
        },
        &OnetOptions::default(),
    )
    .unwrap()
    .catalog;
    let plan = example_plan();
    let mut opts = options(d(2026, 12, 7));
    opts.hours_per_week = 20.0;
    let mut grouped = 0;
    for role in catalog.roles.iter().step_by(40) {
        let report = draft_plan(&plan, &catalog, &role.id, &opts).unwrap();
        check_draft(&report, &catalog, &role.id, &opts);
        grouped += report.drafted.iter().filter(|g| g.skills.len() > 1).count();
        assert!(report.attribution.as_deref().unwrap().contains("O*NET"));
    }
    assert!(grouped > 0, "related O*NET skills share goals");
}
