//! ESCO import: a hand-written fixture in the official layout
//! (`tests/data/esco/`), and the scale test: the shared ESCO table (3,039
//! occupations, 129,004 links) written into the three-file layout and
//! imported whole.
#![allow(clippy::unwrap_used)]

mod common;

#[path = "../../../benches/src/esco.rs"]
#[allow(dead_code)]
mod esco_layout;

use std::path::PathBuf;

use careerplan::draft::{DraftOptions, draft_plan};
use careerplan::skills::esco::{self, EscoOptions, EscoSources, import};
use careerplan::skills::{Catalog, CompiledCatalog, GapOptions};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/esco")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture_import(options: &EscoOptions) -> esco::EscoImport {
    let [o, s, r] = esco::file_names("en");
    let (o, s, r) = (fixture(&o), fixture(&s), fixture(&r));
    import(
        &EscoSources {
            occupations: &o,
            skills: &s,
            relations: &r,
        },
        options,
    )
    .unwrap()
}

#[test]
fn fixture_in_the_official_layout() {
    let out = fixture_import(&EscoOptions::default());
    let c = &out.catalog;
    assert_eq!(c.roles.len(), 2, "the street sweeper has no skills");
    let ds = &c.roles[0];
    assert_eq!(ds.id, "a1b2c3d4-0000-4000-8000-000000000001");
    assert_eq!(
        ds.external_id.as_deref(),
        Some("http://data.europa.eu/esco/occupation/a1b2c3d4-0000-4000-8000-000000000001")
    );
    assert_eq!(ds.title, "data scientist");
    assert!(
        ds.description
            .as_deref()
            .unwrap()
            .contains("merge data sources, ensure")
    );
    assert_eq!(ds.family.as_deref(), Some("ISCO-08 2511"));
    assert_eq!(ds.attribution.as_deref(), Some(esco::ATTRIBUTION));
    let skills: Vec<(&str, bool, f64)> = ds
        .requirements
        .iter()
        .map(|r| (r.skill.as_str(), r.required, r.importance))
        .collect();
    assert_eq!(
        skills,
        [
            ("data mining", true, 4.0),
            ("statistics", true, 4.0),
            ("statistics (5d1a2d9d)", false, 2.0),
            ("Python (computer programming)", false, 2.0),
        ]
    );
    assert!(
        ds.requirements
            .iter()
            .all(|r| r.level == 3.0 && r.scale == "dreyfus-5")
    );
    assert!(
        ds.requirements[0]
            .external_id
            .as_deref()
            .unwrap()
            .starts_with("http://data.europa.eu/esco/skill/")
    );
    assert_eq!(c.roles[1].title, "policy manager, \"public sector\"");
    // Alternative labels are aliases; a label two skills share is not.
    assert_eq!(c.aliases["mine data"], "data mining");
    assert_eq!(c.aliases["team leadership"], "lead a team");
    assert!(!c.aliases.contains_key("KDD"));
    let s = &out.stats;
    assert_eq!(
        (s.occupation_rows, s.skill_rows, s.relation_rows),
        (3, 5, 8)
    );
    assert_eq!((s.essential, s.optional, s.requirements), (3, 2, 5));
    assert_eq!(s.duplicate_relations, 1);
    assert_eq!(s.unknown_skills, 1);
    assert_eq!(s.unknown_occupations, 1);
    assert_eq!(s.occupations_without_skills, 1);
    assert_eq!(s.renamed_skills, 1);
    assert_eq!(s.ambiguous_aliases, 2);

    // Aliases match a profile's own words.
    let plan = careerplan::plan::load_plan(
        r#"{"schema_version": 1, "id": "p", "profile": {"skills": [
            {"skill": "Team leadership", "level": 3}, {"skill": "Mine data", "level": 2}]}}"#,
        &Default::default(),
    )
    .unwrap();
    let catalog = Catalog::new(c.clone());
    let gap = catalog
        .skill_gap(
            &plan.profile,
            &ds.id.as_str().into(),
            &GapOptions::default(),
        )
        .unwrap();
    let mining = gap
        .skills
        .iter()
        .find(|g| g.skill == "data mining")
        .unwrap();
    assert_eq!(mining.current, Some(2.0));
    assert_eq!(gap.attribution.as_deref(), Some(esco::ATTRIBUTION));
    let policy = catalog
        .skill_gap(
            &plan.profile,
            &c.roles[1].id.as_str().into(),
            &GapOptions::default(),
        )
        .unwrap();
    assert_eq!(policy.readiness, 1.0);

    // Options: only essential skills, another level.
    let out = fixture_import(&EscoOptions {
        optional: false,
        level: 4.0,
        ..EscoOptions::default()
    });
    assert_eq!(out.catalog.roles[0].requirements.len(), 2);
    assert_eq!(out.stats.optional_dropped, 3);
    assert_eq!(out.catalog.roles[0].requirements[0].level, 4.0);
}

#[test]
fn bad_files_are_reported_by_file_and_line() {
    let options = EscoOptions {
        language: Some("en".into()),
        ..EscoOptions::default()
    };
    let good_o = fixture("occupations_en.csv");
    let good_s = fixture("skills_en.csv");
    let err = import(
        &EscoSources {
            occupations: &good_o,
            skills: &good_s,
            relations: "occupationUri,skillUri\n",
        },
        &options,
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid-table", "occupationSkillRelations_en.csv:1")
    );
    let err = import(
        &EscoSources {
            occupations: &good_o,
            skills: "conceptUri,preferredLabel\nhttp://x/s1,\"never closed\n",
            relations: "occupationUri,relationType,skillUri\n",
        },
        &options,
    )
    .unwrap_err();
    assert_eq!(err.path(), "skills_en.csv:2");
    let err = import(
        &EscoSources {
            occupations: &good_o,
            skills: &good_s,
            relations: "occupationUri,relationType,skillUri\n,essential,http://x\n",
        },
        &options,
    )
    .unwrap_err();
    assert_eq!(err.path(), "occupationSkillRelations_en.csv:2");
    let err = import(
        &EscoSources {
            occupations: &good_o,
            skills: &good_s,
            relations: "occupationUri,relationType,skillUri\nhttp://x,essential\n",
        },
        &options,
    )
    .unwrap_err();
    assert!(err.to_string().contains("fields"), "{err}");
}

#[test]
fn a_plan_drafted_against_an_esco_occupation() {
    let out = fixture_import(&EscoOptions::default());
    let plan = common::example_plan();
    let options = DraftOptions {
        start: Some(common::d(2026, 12, 7)),
        ..DraftOptions::default()
    };
    let id = out.catalog.roles[0].id.clone();
    let report = draft_plan(&plan, &out.catalog, &id, &options).unwrap();
    assert!(report.plan.validate().is_empty());
    assert!(report.feasibility.feasible);
    assert_eq!(report.attribution.as_deref(), Some(esco::ATTRIBUTION));
    for g in &report.drafted {
        let c = &g.lint.criteria;
        assert_eq!(
            (c.specific.met, c.measurable.met, c.time_bound.met),
            (Some(true), Some(true), Some(true)),
            "{}",
            g.title
        );
        assert!(
            g.lint
                .diagnostics
                .iter()
                .all(|d| d.severity < careerplan::Severity::Warning),
            "{}: {:?}",
            g.title,
            g.lint.diagnostics
        );
    }
}

/// The whole of ESCO's occupation-skill relations (3,039 occupations,
/// 129,004 links), written into the official three files and imported.
#[test]
fn the_full_esco_table_imports() {
    let tsv = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/esco/occupation_skill_relations_by_label.tsv.gz"),
    )
    .unwrap_or_else(|e| {
        panic!("cannot read shared/data/esco/occupation_skill_relations_by_label.tsv.gz: {e}")
    });
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&tsv[..]), &mut text).unwrap();
    let files = esco_layout::esco_files_from_tsv(&text);
    assert_eq!(files.occupation_count, 3_039);
    assert_eq!(files.relation_count, 129_004);
    let out = import(&files.sources(), &EscoOptions::default()).unwrap();
    let s = &out.stats;
    assert_eq!(s.occupation_rows, 3_039);
    assert_eq!(s.skill_rows, files.skill_count);
    assert_eq!(s.relation_rows, 129_004);
    assert_eq!(s.occupations, 3_039);
    // The table repeats 17 (occupation, skill label) pairs; one skill URI
    // per label here, so each repeat is one requirement.
    assert_eq!(s.duplicate_relations, 17);
    assert_eq!(s.requirements, 129_004 - 17);
    assert_eq!(s.essential + s.optional, s.requirements);
    assert_eq!((s.unknown_occupations, s.unknown_skills), (0, 0));
    assert!(s.aliases > 0);
    // Every role compiles for ranking: no skill is required twice.
    CompiledCatalog::new(&out.catalog, &Default::default()).unwrap();
}
