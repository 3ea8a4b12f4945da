//! Integration tests of the skill-gap engine: the JSON contract, the built-in
//! catalog, the real O*NET 29.2 catalog, and invariants by proptest.

// Helpers outside `#[test]` functions unwrap too; a panic is a test failure.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use careerplan::plan::{Plan, Profile, SkillAssessment, load_plan};
use careerplan::skills::onet::{self, OnetOptions, OnetSources};
use careerplan::skills::resume::{ResumeOptions, profile_from_json_resume};
use careerplan::skills::{
    Catalog, CompiledCatalog, GapOptions, LearningCatalog, Person, RankOptions, Requirement, Role,
    RoleCatalog, Tier, builtin_roles, plan_gap, skill_gap, transferable_skills,
};
use proptest::prelude::*;

fn example_plan() -> Plan {
    load_plan(
        include_str!("../../../examples/data/plan.json"),
        &Default::default(),
    )
    .unwrap()
}

fn onet_file(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/onet");
    let path = dir.join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the O*NET test data file {} ({e}); the tests expect shared/data/onet/ next to the repository",
            path.display()
        )
    })
}

struct Onet {
    skills: String,
    knowledge: String,
    occupations: String,
    readme: String,
}

fn onet_texts() -> &'static Onet {
    static DATA: std::sync::OnceLock<Onet> = std::sync::OnceLock::new();
    DATA.get_or_init(|| Onet {
        skills: onet_file(onet::SKILLS_FILE),
        knowledge: onet_file(onet::KNOWLEDGE_FILE),
        occupations: onet_file(onet::OCCUPATIONS_FILE),
        readme: onet_file(onet::README_FILE),
    })
}

fn onet_catalog(knowledge: bool) -> onet::OnetImport {
    let d = onet_texts();
    let sources = OnetSources {
        skills: Some(&d.skills),
        knowledge: knowledge.then_some(d.knowledge.as_str()),
        occupations: Some(&d.occupations),
    };
    let options = OnetOptions {
        version: onet::detect_version(&d.readme),
        ..OnetOptions::default()
    };
    onet::import(&sources, &options).unwrap()
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

// ---------------------------------------------------------------- contract

#[test]
fn json_shapes_follow_the_cli_contract() {
    let catalog = builtin_roles();
    let role = serde_json::to_value(&catalog.roles[0]).unwrap();
    assert_eq!(keys(&role)[..3], ["id", "title", "requirements"]);
    assert_eq!(
        keys(&role["requirements"][0])[..5],
        ["skill", "level", "scale", "importance", "required"]
    );

    let plan = example_plan();
    let ranking = Catalog::builtin()
        .rank(&plan.profile, Some(5), &RankOptions::default())
        .unwrap();
    let rank = serde_json::to_value(&ranking).unwrap();
    assert_eq!(rank.as_array().unwrap().len(), 5);
    assert_eq!(
        keys(&rank[0])[..4],
        ["role_id", "title", "readiness", "tier"]
    );

    let report = skill_gap(
        &plan.profile,
        catalog.role("senior-project-manager").unwrap(),
        &GapOptions::default(),
    )
    .unwrap();
    let gap = serde_json::to_value(&report).unwrap();
    assert_eq!(keys(&gap)[..3], ["role_id", "readiness", "skills"]);
    assert_eq!(
        keys(&gap["skills"][0])[..5],
        ["skill", "current", "required", "gap", "weight"]
    );
    // The plan variant keeps the same shape at the top level.
    let pg = plan_gap(
        &plan,
        catalog.role("senior-project-manager").unwrap(),
        &GapOptions::default(),
    )
    .unwrap();
    let pg = serde_json::to_value(&pg).unwrap();
    assert_eq!(keys(&pg)[..3], ["role_id", "readiness", "skills"]);
}

// ---------------------------------------------------------------- example person

#[test]
fn example_person_against_senior_project_manager() {
    let plan = example_plan();
    let role = builtin_roles().role("senior-project-manager").unwrap();
    let opts = GapOptions {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
        ..GapOptions::default()
    };
    let report = skill_gap(&plan.profile, role, &opts).unwrap();
    let sum: f64 = report.skills.iter().map(|s| s.contribution).sum();
    assert!((sum - report.readiness).abs() < 1e-12);
    let weights: f64 = report.skills.iter().map(|s| s.weight).sum();
    assert!((weights - 1.0).abs() < 1e-12);
    assert!(
        report.readiness > 0.3 && report.readiness < 0.9,
        "{}",
        report.readiness
    );
    // Project management 3 of 5 needed: a gap of 2 dreyfus levels, 0.4 proficiency.
    let pm = report
        .skills
        .iter()
        .find(|s| s.skill == "Project management")
        .unwrap();
    assert_eq!((pm.current, pm.required, pm.gap), (Some(3.0), 5.0, 2.0));
    assert!((pm.hours - 0.4 * 5.0 * 40.0).abs() < 1e-9);
    // "Budgeting" in the profile is the O*NET skill it is an alias of.
    let budget = report
        .skills
        .iter()
        .find(|s| s.skill == "Management of Financial Resources")
        .unwrap();
    assert_eq!(budget.assessed_as.as_deref(), Some("Budgeting"));
    let text = careerplan::skills::render::render_gap_text(&report);
    assert!(
        text.contains("Management of Financial Resources (your Budgeting)"),
        "{text}"
    );
    assert!(text.starts_with("Senior project manager (senior-project-manager): readiness "));
    assert!(report.unmet_must_haves.contains(&"Leadership".to_string()));
    assert_ne!(report.tier, Tier::ReadyNow);
    assert!(
        report.unmatched_skills.is_empty()
            || !report.unmatched_skills.contains(&"Leadership".to_string())
    );
    // Assessed 2026-09-01, judged on 2026-11-22: nothing is stale.
    assert_eq!(report.confidence, Some(1.0));
    // Priorities are 1..n over the gaps, in order.
    let priorities: Vec<u32> = report.skills.iter().filter_map(|s| s.priority).collect();
    assert_eq!(
        priorities,
        (1..=priorities.len() as u32).collect::<Vec<_>>()
    );
    assert!(report.attribution.is_none());
}

#[test]
fn stale_assessments_lower_confidence_not_readiness() {
    let plan = example_plan();
    let role = builtin_roles().role("project-manager").unwrap();
    let fresh = skill_gap(&plan.profile, role, &GapOptions::default()).unwrap();
    let late = GapOptions {
        today: chrono::NaiveDate::from_ymd_opt(2028, 1, 1),
        ..GapOptions::default()
    };
    let stale = skill_gap(&plan.profile, role, &late).unwrap();
    assert_eq!(fresh.readiness, stale.readiness);
    assert_eq!(stale.confidence, Some(0.0));
    assert!(
        stale
            .stale_skills
            .contains(&"Project management".to_string())
    );
    assert_eq!(fresh.confidence, None);
}

#[test]
fn example_person_top_five_and_plan_gaps() {
    let plan = example_plan();
    let top = Catalog::builtin()
        .rank(&plan.profile, Some(5), &RankOptions::default())
        .unwrap();
    let ids: Vec<&str> = top.iter().map(|e| e.role_id).collect();
    assert!(ids.contains(&"project-coordinator"), "{ids:?}");
    assert!(ids.contains(&"project-manager"), "{ids:?}");
    for w in top.windows(2) {
        assert!(w[0].readiness >= w[1].readiness);
    }

    let report = plan_gap(
        &plan,
        builtin_roles().role("senior-project-manager").unwrap(),
        &GapOptions::default(),
    )
    .unwrap();
    let pm = report
        .links
        .iter()
        .find(|l| l.skill == "Project management")
        .unwrap();
    assert!(pm.goals.contains(&"g-senior-pm".to_string()));
    // Mentoring and Negotiation appear in no goal or action of the plan.
    assert!(
        report.unaddressed.contains(&"Mentoring".to_string()),
        "{:?}",
        report.unaddressed
    );
    assert!(report.unaddressed.contains(&"Negotiation".to_string()));
    assert!(!report.unaddressed.contains(&"Leadership".to_string()));
}

#[test]
fn plan_gap_counts_open_actions_and_ignores_closed_goals() {
    let mut plan = example_plan();
    plan.actions[1].skills = vec!["mentorship".into()];
    for g in &mut plan.goals {
        g.status = careerplan::plan::Status::Done;
    }
    let report = plan_gap(
        &plan,
        builtin_roles().role("senior-project-manager").unwrap(),
        &GapOptions::default(),
    )
    .unwrap();
    let mentoring = report
        .links
        .iter()
        .find(|l| l.skill == "Mentoring")
        .unwrap();
    assert_eq!(mentoring.actions, [plan.actions[1].id.clone()]);
    assert!(
        report.unaddressed.contains(&"Leadership".to_string()),
        "closed goals no longer address gaps"
    );
}

// ---------------------------------------------------------------- built-in catalog

#[test]
fn builtin_catalog_compiles_and_follows_the_seeds_paths() {
    let catalog = builtin_roles();
    let compiled = CompiledCatalog::new(catalog, &RankOptions::default()).unwrap();
    assert!(compiled.len() >= 25);
    let pm = catalog.role("project-manager").unwrap();
    assert!(
        pm.next_roles
            .contains(&"senior-project-manager".to_string())
    );
    for role in &catalog.roles {
        assert!(
            role.requirements.len() >= 5,
            "{} has few requirements",
            role.id
        );
        assert!(
            role.requirements.iter().any(|r| r.required),
            "{} has no must-have",
            role.id
        );
    }
}

#[test]
fn transferable_skills_for_a_career_change() {
    let catalog = builtin_roles();
    let nurse = catalog.role("registered-nurse").unwrap();
    let charge = catalog.role("charge-nurse").unwrap();
    let profile = Profile::default();
    let t = transferable_skills(&profile, nurse, charge, &GapOptions::default()).unwrap();
    assert_eq!(t.readiness_before, 0.0);
    // Patient care, clinical assessment and communication at the nurse's
    // level, care coordination below: (5·3/4 + 5·3/4 + 4·2/3 + 4·3/4) / 35.
    let expected = (5.0 * 0.75 + 5.0 * 0.75 + 4.0 * (0.4 / 0.6) + 4.0 * 0.75) / 35.0;
    assert!(
        (t.readiness_after - expected).abs() < 1e-9,
        "{}",
        t.readiness_after
    );
    let care = t
        .transferable
        .iter()
        .find(|s| s.skill == "Patient care")
        .unwrap();
    assert!(
        !care.covers,
        "charge nurses need patient care at 4, nurses at 3"
    );
    assert!(t.new_skills.contains(&"Leadership".to_string()));
    let sum: f64 = t.transferable.iter().map(|s| s.weight).sum();
    assert!((sum - t.transfer_share).abs() < 1e-12);

    // A project coordinator moving into UX brings communication along.
    let plan = example_plan();
    let t = transferable_skills(
        &plan.profile,
        catalog.role("project-coordinator").unwrap(),
        catalog.role("ux-designer").unwrap(),
        &GapOptions::default(),
    )
    .unwrap();
    let comm = t
        .transferable
        .iter()
        .find(|s| s.skill == "Communication")
        .unwrap();
    assert!(comm.covers);
    assert!(t.new_skills.contains(&"User research".to_string()));
    assert!(t.readiness_after >= t.readiness_before);
}

#[test]
fn learning_activities_match_gaps() {
    let learning = LearningCatalog::from_json(
        r#"{"activities": [
            {"id": "pmp", "title": "PMP exam prep", "kind": "certification", "skill": "project mgmt", "from_level": 3, "to_level": 4, "hours": 35, "cost": 450, "currency": "USD"},
            {"id": "intro", "title": "Intro to PM", "kind": "course", "skill": "Project management", "from_level": 1, "to_level": 2, "hours": 10},
            {"id": "mentor", "title": "Shadow a senior PM", "kind": "mentoring", "skill": "Project management", "hours": 20},
            {"id": "lead", "title": "Lead a pilot", "kind": "on_the_job", "skill": "Leadership", "from_level": 1}]}"#,
    )
    .unwrap();
    let plan = example_plan();
    let opts = GapOptions {
        learning: Some(learning),
        ..GapOptions::default()
    };
    let report = skill_gap(
        &plan.profile,
        builtin_roles().role("senior-project-manager").unwrap(),
        &opts,
    )
    .unwrap();
    let pm = report
        .skills
        .iter()
        .find(|s| s.skill == "Project management")
        .unwrap();
    let ids: Vec<&str> = pm.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["mentor", "pmp"],
        "shortest first; the intro course ends below the person's level"
    );
    let lead = report
        .skills
        .iter()
        .find(|s| s.skill == "Leadership")
        .unwrap();
    assert_eq!(lead.activities.len(), 1);
    let text = careerplan::skills::render::render_gap_text(&report);
    assert!(
        text.contains("PMP exam prep (certification, 35 h)"),
        "{text}"
    );
    let bad = LearningCatalog::from_json(
        r#"{"activities": [{"id": "x", "title": "x", "kind": "podcast", "skill": "y"}]}"#,
    )
    .unwrap_err();
    assert_eq!(bad.path(), "activities[0].kind");
}

#[test]
fn custom_scales_and_aliases_from_catalogs_and_options() {
    let catalog = RoleCatalog::from_json(
        r#"{"scales": [{"id": "abc", "min": 1, "max": 3, "levels": [{"value": 1, "name": "a"}, {"value": 2, "name": "b"}, {"value": 3, "name": "c"}]}],
            "aliases": {"TS": "TypeScript", "Frontend": "JavaScript"},
            "roles": [{"id": "fe", "title": "Frontend developer", "requirements": [
               {"skill": "frontend", "level": 3, "scale": "abc", "importance": 5, "required": true},
               {"skill": "TypeScript", "level": 2, "scale": "abc"}]}]}"#,
    )
    .unwrap();
    let plan = load_plan(
        r#"{"schema_version": 1, "id": "p", "scales": [{"id": "ten", "min": 0, "max": 10}],
            "profile": {"skills": [{"skill": "JS", "level": 10, "scale": "ten"}, {"skill": "ts", "level": 5, "scale": "ten"}]}}"#, &Default::default(),
    )
    .unwrap();
    let opts = GapOptions {
        scales: plan.scales.clone(),
        ..GapOptions::default()
    };
    let catalog = Catalog::new(catalog);
    let report = catalog
        .skill_gap(&plan.profile, &"fe".into(), &opts)
        .unwrap();
    assert_eq!(
        report.skills.iter().filter(|s| s.met).count(),
        2,
        "{report:#?}"
    );
    assert_eq!(report.readiness, 1.0);
    // Without the plan's scale the assessment cannot be read.
    let err = catalog
        .skill_gap(&plan.profile, &"fe".into(), &GapOptions::default())
        .unwrap_err();
    assert_eq!(err.path(), "profile.skills[0].scale");
    let err = catalog
        .skill_gap(&plan.profile, &"nope".into(), &opts)
        .unwrap_err();
    assert_eq!(err.path(), "role");
}

#[test]
fn bad_roles_and_options_are_errors_with_paths() {
    let profile = Profile::default();
    let dup = Role::new(
        "r",
        "R",
        vec![
            Requirement::new("JS", 2.0),
            Requirement::new("JavaScript", 3.0),
        ],
    );
    assert_eq!(
        skill_gap(&profile, &dup, &GapOptions::default())
            .unwrap_err()
            .path(),
        "requirements[1].skill"
    );
    let out = Role::new("r", "R", vec![Requirement::new("SQL", 6.0)]);
    assert_eq!(
        skill_gap(&profile, &out, &GapOptions::default())
            .unwrap_err()
            .path(),
        "requirements[0].level"
    );
    let zero = Role::new("r", "R", vec![Requirement::new("SQL", 2.0).importance(0.0)]);
    assert_eq!(
        skill_gap(&profile, &zero, &GapOptions::default())
            .unwrap_err()
            .path(),
        "requirements[0].importance"
    );
    let opts: Result<GapOptions, _> = serde_json::from_str(r#"{"hours_per_stp": 3}"#);
    assert!(opts.is_err(), "options reject unknown fields");
    let opts = GapOptions {
        hours_per_step: -1.0,
        ..GapOptions::default()
    };
    assert_eq!(
        skill_gap(&profile, &out, &opts).unwrap_err().path(),
        "options.hours_per_step"
    );
}

#[test]
fn resume_import_feeds_a_gap_report() {
    let resume = r#"{"basics": {"name": "Jordan Rivera", "label": "Project Coordinator"},
      "skills": [{"name": "Project Management", "level": "Advanced", "keywords": ["Scheduling", "MS Project"]},
                 {"name": "Leadership", "level": "Intermediate"},
                 {"name": "Juggling", "level": "Legendary"}]}"#;
    let out = profile_from_json_resume(resume, &ResumeOptions::default()).unwrap();
    assert_eq!(out.profile.skills.len(), 4);
    assert_eq!(out.issues.len(), 1);
    assert_eq!(out.issues[0].level.as_deref(), Some("Legendary"));
    let report = skill_gap(
        &out.profile,
        builtin_roles().role("project-coordinator").unwrap(),
        &GapOptions::default(),
    )
    .unwrap();
    let msp = report
        .skills
        .iter()
        .find(|s| s.skill == "Microsoft Project")
        .unwrap();
    assert!(msp.met);
    let mut plan = Plan::new("from-resume");
    plan.profile = out.profile;
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
}

#[test]
fn team_views_agree_with_single_rankings() {
    let plan = example_plan();
    let people = vec![
        Person::from_plan(&plan),
        serde_json::from_value(serde_json::json!({"id": "ana", "skills": [
            {"skill": "SQL", "level": 4}, {"skill": "Data analysis", "level": 4}, {"skill": "Spreadsheets", "level": 5}]}))
        .unwrap(),
    ];
    let matrix = Catalog::builtin()
        .gap_matrix(&people, &RankOptions::default())
        .unwrap();
    for (p, person) in people.iter().enumerate() {
        let profile = Profile {
            skills: person.skills.clone(),
            ..Profile::default()
        };
        let ranking = Catalog::builtin()
            .rank(&profile, None, &RankOptions::default())
            .unwrap();
        for e in &ranking {
            let r = matrix
                .role_ids
                .iter()
                .position(|id| id == e.role_id)
                .unwrap();
            assert!((f64::from(matrix.get(p, r)) - e.readiness).abs() < 1e-6);
        }
    }
    let coverage = Catalog::builtin()
        .team_coverage(&people, &RankOptions::default())
        .unwrap();
    let analyst = coverage
        .iter()
        .find(|c| c.role_id == "data-analyst")
        .unwrap();
    assert!(
        analyst
            .uncovered
            .contains(&"Data visualization".to_string())
    );
    let sql = analyst.skills.iter().find(|s| s.skill == "SQL").unwrap();
    assert_eq!((sql.people_meeting, sql.share), (1, 0.5));
}

// ---------------------------------------------------------------- O*NET

#[test]
fn real_onet_skills_import() {
    let out = onet_catalog(false);
    let catalog = &out.catalog;
    assert_eq!(out.stats.rows, 61_530);
    assert_eq!(catalog.roles.len(), 879);
    assert_eq!(out.stats.occupations, 879);
    assert!(out.stats.missing_titles.is_empty());
    let ceo = catalog.role("11-1011.00").unwrap();
    assert_eq!(ceo.title, "Chief Executives");
    let reading = ceo
        .requirements
        .iter()
        .find(|r| r.skill == "Reading Comprehension")
        .unwrap();
    assert_eq!((reading.level, reading.importance), (4.62, 4.12));
    assert_eq!(reading.scale, "onet-level-0-7");
    assert_eq!(reading.external_id.as_deref(), Some("2.A.1.a"));
    assert!(reading.required);
    // Not Relevant levels are dropped: the CEO needs no Repairing.
    assert!(!ceo.requirements.iter().any(|r| r.skill == "Repairing"));
    // 3,302 LV rows are flagged Not Relevant and 124 Recommend Suppress; six
    // carry both flags and are dropped as Not Relevant.
    assert_eq!(out.stats.not_relevant_dropped, 3302);
    assert_eq!(out.stats.suppressed_kept, 118);
    assert_eq!(out.stats.requirements, 30_765 - 3302);
    assert_eq!(out.stats.incomplete, 0);
    let line = ceo.attribution.as_deref().unwrap();
    assert!(
        line.contains("O*NET 29.2 Database") && line.contains("CC BY 4.0"),
        "{line}"
    );
    assert_eq!(catalog.attribution.as_deref(), Some(line));
}

#[test]
fn every_onet_occupation_ranks_without_nan() {
    let out = onet_catalog(true);
    assert_eq!(out.catalog.roles.len(), 879);
    let catalog = Catalog::new(out.catalog.clone());
    let compiled = CompiledCatalog::new(&out.catalog, &RankOptions::default()).unwrap();
    assert!(compiled.is_dense());
    assert_eq!(compiled.skill_names().len(), 68);
    let profiles = [
        Profile::default(),
        example_plan().profile,
        load_plan(
            r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
              {"skill": "Reading Comprehension", "level": 5, "scale": "onet-level-0-7"},
              {"skill": "Critical thinking", "level": 4},
              {"skill": "Programming", "level": 90, "scale": "percent"},
              {"skill": "Mathematics (knowledge)", "level": 6, "scale": "onet-level-0-7"}]}}"#,
            &Default::default(),
        )
        .unwrap()
        .profile,
    ];
    for profile in &profiles {
        let person = compiled.person(&profile.skills, "profile.skills").unwrap();
        let ranking = compiled.rank(&person, None);
        assert_eq!(ranking.len(), 879);
        let mut seen = std::collections::HashSet::new();
        for (i, e) in ranking.iter().enumerate() {
            assert!(
                e.readiness.is_finite() && (0.0..=1.0).contains(&e.readiness),
                "{e:?}"
            );
            assert_eq!(e.rank as usize, i + 1);
            assert!(e.attribution.unwrap().contains("O*NET"));
            assert!(seen.insert(e.role_id));
        }
        for w in ranking.windows(2) {
            assert!(
                w[0].readiness > w[1].readiness
                    || (w[0].readiness == w[1].readiness && w[0].role_id < w[1].role_id)
            );
        }
        // The fast path agrees with the full report.
        for e in ranking.iter().step_by(97) {
            let report = catalog
                .skill_gap(profile, &e.role_id.into(), &GapOptions::default())
                .unwrap();
            assert!(
                (report.readiness - e.readiness).abs() < 1e-5,
                "{} {} {}",
                e.role_id,
                report.readiness,
                e.readiness
            );
            assert!(report.attribution.is_some());
        }
    }
    let text = careerplan::skills::render::render_ranking_text(
        &compiled.rank(&compiled.person(&[], "p").unwrap(), Some(3)),
    );
    assert!(
        text.trim_end().ends_with("tested these modifications."),
        "{text}"
    );
}

// ---------------------------------------------------------------- invariants

const SKILLS: [&str; 8] = [
    "SQL",
    "Python",
    "Leadership",
    "Budgeting",
    "Writing",
    "Negotiation",
    "Statistics",
    "Coaching",
];
const SCALES: [&str; 5] = [
    "dreyfus-5",
    "sfia-7",
    "onet-level-0-7",
    "percent",
    "stars-5",
];

fn scale_range(id: &str) -> (f64, f64) {
    match id {
        "dreyfus-5" | "stars-5" => (1.0, 5.0),
        "sfia-7" => (1.0, 7.0),
        "onet-level-0-7" => (0.0, 7.0),
        _ => (0.0, 100.0),
    }
}

fn level_on(scale: &'static str) -> impl Strategy<Value = (&'static str, f64)> {
    let (lo, hi) = scale_range(scale);
    // Whole and quarter steps exercise exact equality as well as ratios.
    (0u32..=((hi - lo) * 4.0) as u32).prop_map(move |q| (scale, lo + f64::from(q) / 4.0))
}

fn any_level() -> impl Strategy<Value = (&'static str, f64)> {
    prop::sample::select(SCALES.to_vec()).prop_flat_map(level_on)
}

fn arb_role(id: String) -> impl Strategy<Value = Role> {
    prop::sample::subsequence(SKILLS.to_vec(), 1..=6).prop_flat_map(move |skills| {
        let id = id.clone();
        let n = skills.len();
        (
            prop::collection::vec(any_level(), n),
            prop::collection::vec(1u32..=5, n),
            prop::collection::vec(any::<bool>(), n),
        )
            .prop_map(move |(levels, imps, reqd)| {
                let reqs = skills
                    .iter()
                    .zip(levels)
                    .zip(imps.iter().zip(&reqd))
                    .map(|((s, (scale, level)), (&imp, &r))| {
                        Requirement::new(*s, level)
                            .on_scale(scale)
                            .importance(f64::from(imp))
                            .required(r)
                    })
                    .collect();
                Role::new(id.clone(), format!("Role {id}"), reqs)
            })
    })
}

fn arb_profile() -> impl Strategy<Value = Profile> {
    prop::sample::subsequence(SKILLS.to_vec(), 0..=8).prop_flat_map(|skills| {
        let n = skills.len();
        prop::collection::vec(any_level(), n).prop_map(move |levels| Profile {
            skills: skills
                .iter()
                .zip(levels)
                .map(|(s, (scale, level))| assessment(s, level, scale))
                .collect(),
            ..Profile::default()
        })
    })
}

fn assessment(skill: &str, level: f64, scale: &str) -> SkillAssessment {
    serde_json::from_value(serde_json::json!({"skill": skill, "level": level, "scale": scale}))
        .unwrap()
}

#[test]
fn ranking_agrees_with_the_report_on_small_requirements() {
    // 0.75 % of a 1 % requirement: the compiled kernel once divided by
    // (required - 1e-6), 1e-4 too much at this size (found by the proptest).
    let catalog: RoleCatalog = serde_json::from_value(serde_json::json!({"roles": [
        {"id": "r", "title": "R", "requirements": [
            {"skill": "Statistics", "level": 1.0, "scale": "percent", "importance": 5.0},
            {"skill": "SQL", "level": 1.0, "scale": "percent", "importance": 1.0, "required": true}]}]}))
    .unwrap();
    let profile = Profile {
        skills: vec![
            assessment("Statistics", 0.75, "percent"),
            assessment("SQL", 1.0, "percent"),
        ],
        ..Profile::default()
    };
    let catalog = Catalog::new(catalog);
    let entry = &catalog
        .rank(&profile, None, &RankOptions::default())
        .unwrap()[0];
    let report = skill_gap(&profile, &catalog.roles[0], &GapOptions::default()).unwrap();
    assert!(
        (report.readiness - 0.7916666).abs() < 1e-6,
        "{}",
        report.readiness
    );
    assert!(
        (entry.readiness - report.readiness).abs() < 1e-6,
        "{} vs {}",
        entry.readiness,
        report.readiness
    );
    // A level equal to a must-have's requirement meets it in both.
    assert!(entry.unmet_must_haves.is_empty() && report.unmet_must_haves.is_empty());
}

#[test]
fn rank_entries_and_gap_reports_name_the_same_unmet_must_haves() {
    // One shape on every face: a list of skill names in both results.
    let plan = careerplan::plan::load_plan(
        include_str!("../../../examples/data/plan.json"),
        &Default::default(),
    )
    .unwrap();
    let ranking = Catalog::builtin()
        .rank(&plan.profile, None, &RankOptions::default())
        .unwrap();
    assert!(ranking.iter().any(|e| !e.unmet_must_haves.is_empty()));
    for entry in &ranking {
        let report = Catalog::builtin()
            .skill_gap(&plan.profile, &entry.role_id.into(), &GapOptions::default())
            .unwrap();
        let mut ranked = entry.unmet_must_haves.clone();
        let mut gap = report.unmet_must_haves.clone();
        // Order does not matter here (and tests are not in the WASM build).
        #[allow(clippy::disallowed_methods)]
        ranked.sort();
        #[allow(clippy::disallowed_methods)]
        gap.sort();
        assert_eq!(ranked, gap, "{}", entry.role_id);
    }
    let json = serde_json::to_value(&ranking[0]).unwrap();
    assert!(json["unmet_must_haves"].is_array());
}

fn arb_catalog() -> impl Strategy<Value = RoleCatalog> {
    (1usize..=8).prop_flat_map(|n| {
        (0..n)
            .map(|i| arb_role(format!("r{i}")))
            .collect::<Vec<_>>()
            .prop_map(RoleCatalog::from_roles)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readiness_is_a_share_made_of_its_contributions(role in arb_role("x".into()), profile in arb_profile()) {
        let report = skill_gap(&profile, &role, &GapOptions::default()).unwrap();
        prop_assert!((0.0..=1.0).contains(&report.readiness));
        let sum: f64 = report.skills.iter().map(|s| s.contribution).sum();
        prop_assert!((sum - report.readiness).abs() < 1e-12, "{} vs {}", sum, report.readiness);
        for s in &report.skills {
            prop_assert!((0.0..=1.0).contains(&s.attainment));
            prop_assert!(s.gap >= 0.0 && s.gap_normalized >= 0.0 && s.hours >= 0.0);
            prop_assert_eq!(s.met, s.gap == 0.0);
        }
    }

    #[test]
    fn raising_a_level_never_lowers_readiness(
        role in arb_role("x".into()),
        profile in arb_profile(),
        pick in any::<prop::sample::Index>(),
        step in 0.25f64..3.0,
    ) {
        prop_assume!(!profile.skills.is_empty());
        let i = pick.index(profile.skills.len());
        let mut better = profile.clone();
        let (_, hi) = scale_range(&better.skills[i].scale);
        better.skills[i].level = (better.skills[i].level + step).min(hi);
        let opts = GapOptions::default();
        let before = skill_gap(&profile, &role, &opts).unwrap().readiness;
        let after = skill_gap(&better, &role, &opts).unwrap().readiness;
        prop_assert!(after >= before, "{} -> {}", before, after);
        let catalog = RoleCatalog::from_roles(vec![role]);
        let compiled = CompiledCatalog::new(&catalog, &RankOptions::default()).unwrap();
        let a = compiled.readiness(0, &compiled.person(&profile.skills, "p").unwrap());
        let b = compiled.readiness(0, &compiled.person(&better.skills, "p").unwrap());
        prop_assert!(b >= a, "{} -> {}", a, b);
    }

    #[test]
    fn meeting_every_requirement_gives_one(role in arb_role("x".into()), bump in 0.0f64..1.0) {
        // The person holds each skill at the required level, or above, on the
        // role's own scale or converted to dreyfus-5 ... either way it meets.
        let skills = role.requirements.iter().map(|r| {
            let (_, hi) = scale_range(&r.scale);
            assessment(&r.skill, (r.level + bump).min(hi), &r.scale)
        }).collect();
        let profile = Profile { skills, ..Profile::default() };
        let report = skill_gap(&profile, &role, &GapOptions::default()).unwrap();
        prop_assert_eq!(report.readiness, 1.0);
        prop_assert!(report.unmet_must_haves.is_empty());
        prop_assert_eq!(report.tier, Tier::ReadyNow);
        let catalog = RoleCatalog::from_roles(vec![role]);
        let compiled = CompiledCatalog::new(&catalog, &RankOptions::default()).unwrap();
        prop_assert_eq!(compiled.readiness(0, &compiled.person(&profile.skills, "p").unwrap()), 1.0);
    }

    #[test]
    fn ranking_is_a_total_order_stable_under_input_order(
        catalog in arb_catalog(),
        profile in arb_profile(),
        seed in any::<u64>(),
    ) {
        let opts = RankOptions::default();
        let ranked = Catalog::new(catalog.clone());
        let ranking = ranked.rank(&profile, None, &opts).unwrap();
        prop_assert_eq!(ranking.len(), catalog.roles.len());
        for w in ranking.windows(2) {
            prop_assert!(w[0].readiness > w[1].readiness
                || (w[0].readiness == w[1].readiness && w[0].role_id < w[1].role_id));
        }
        // Shuffle the catalog (a seeded Fisher-Yates) and rank again.
        let mut shuffled = catalog.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.roles.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.roles.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let shuffled = Catalog::new(shuffled);
        let again = shuffled.rank(&profile, None, &opts).unwrap();
        let a: Vec<(&str, f64)> = ranking.iter().map(|e| (e.role_id, e.readiness)).collect();
        let b: Vec<(&str, f64)> = again.iter().map(|e| (e.role_id, e.readiness)).collect();
        prop_assert_eq!(a, b);
        // Each entry agrees with the full report.
        for e in &ranking {
            let report = skill_gap(&profile, catalog.get(e.role_id).unwrap(), &GapOptions::default()).unwrap();
            prop_assert!((report.readiness - e.readiness).abs() < 1e-5);
        }
    }
}

// ---------------------------------------------------------------- by id in a catalog

#[test]
fn transferable_skills_by_id_use_the_catalogs_scales() {
    let opts = GapOptions::default();
    // On the built-in catalog it is the same as passing the roles.
    let plan = example_plan();
    let catalog = builtin_roles();
    let by_id = Catalog::builtin()
        .transferable_skills(
            &plan.profile,
            &"project-coordinator".into(),
            &"ux-designer".into(),
            &opts,
        )
        .unwrap();
    let by_role = transferable_skills(
        &plan.profile,
        catalog.role("project-coordinator").unwrap(),
        catalog.role("ux-designer").unwrap(),
        &opts,
    )
    .unwrap();
    assert_eq!(by_id, by_role);

    // A catalog's own scale and alias apply, which lone roles cannot see.
    let catalog = RoleCatalog::from_json(
        r#"{"scales": [{"id": "abc", "min": 1, "max": 3}], "aliases": {"Frontend": "JavaScript"},
            "attribution": "Example Corp. job architecture",
            "roles": [
              {"id": "fe", "title": "Frontend developer", "requirements": [
                 {"skill": "frontend", "level": 2, "scale": "abc"}, {"skill": "CSS", "level": 3}]},
              {"id": "lead", "title": "Frontend lead", "requirements": [
                 {"skill": "JavaScript", "level": 3, "scale": "abc"}, {"skill": "Leadership", "level": 3}]}]}"#,
    )
    .unwrap();
    let catalog = Catalog::new(catalog);
    let t = catalog
        .transferable_skills(&Profile::default(), &"fe".into(), &"lead".into(), &opts)
        .unwrap();
    assert_eq!(t.transferable.len(), 1, "{t:#?}");
    assert_eq!(
        (t.transferable[0].skill.as_str(), t.transferable[0].covers),
        ("JavaScript", false)
    );
    assert_eq!(t.new_skills, ["Leadership"]);
    assert_eq!(
        t.attribution.as_deref(),
        Some("Example Corp. job architecture")
    );
    let err = transferable_skills(
        &Profile::default(),
        catalog.role("fe").unwrap(),
        catalog.role("lead").unwrap(),
        &opts,
    )
    .unwrap_err();
    assert_eq!(err.path(), "from_role.requirements[0].scale");

    for (from, to, path) in [("nope", "lead", "from_role"), ("fe", "leed", "to_role")] {
        let err = catalog
            .transferable_skills(&Profile::default(), &from.into(), &to.into(), &opts)
            .unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-argument", path));
    }
    let broken = RoleCatalog::from_json(
        r#"[{"id": "a", "title": "A", "requirements": [{"skill": "x", "level": 1}]},
            {"id": "b", "title": "B", "requirements": [{"skill": "y", "level": 1, "scale": "nope"}]}]"#,
    )
    .unwrap();
    let err = Catalog::new(broken)
        .transferable_skills(&Profile::default(), &"a".into(), &"b".into(), &opts)
        .unwrap_err();
    assert_eq!(err.path(), "roles[1].requirements[0].scale");
}
