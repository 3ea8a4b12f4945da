//! Skill-gap engine: O*NET and ESCO imports, ranking every O*NET occupation for one
//! person, and the 10,000 people x 879 roles readiness matrix.
//!
//! Run with `cargo bench -p careerplan-benches --bench skills -- --measurement-time 3`.

use std::hint::black_box;

use careerplan::skills::esco::{self, EscoOptions};
use careerplan::skills::onet::{self, OnetOptions, OnetSources};
use careerplan::skills::{Catalog, CompiledCatalog, RankOptions};
use careerplan_benches::esco::esco_files_from_tsv;
use careerplan_benches::{esco_tsv, onet_file, people};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

fn import(c: &mut Criterion) {
    let skills = onet_file(onet::SKILLS_FILE);
    let knowledge = onet_file(onet::KNOWLEDGE_FILE);
    let occupations = onet_file(onet::OCCUPATIONS_FILE);
    let options = OnetOptions::default();
    c.bench_function("onet_import_skills_61530_rows", |b| {
        let sources = OnetSources {
            skills: Some(&skills),
            ..Default::default()
        };
        b.iter(|| onet::import(black_box(&sources), &options).unwrap())
    });
    c.bench_function("onet_import_skills_knowledge_titles", |b| {
        let sources = OnetSources {
            skills: Some(&skills),
            knowledge: Some(&knowledge),
            occupations: Some(&occupations),
        };
        b.iter(|| onet::import(black_box(&sources), &options).unwrap())
    });
}

/// The whole ESCO table (3,039 occupations, 129,004 links) in the official
/// three-file layout: occupations, skills and relations parsed, aliases from
/// two alternative labels per skill, one role per occupation. Target: 100 ms
/// on one core (issue 19).
fn import_esco(c: &mut Criterion) {
    let files = esco_files_from_tsv(&esco_tsv());
    let sources = files.sources();
    let options = EscoOptions::default();
    c.bench_function("esco_import_3039_occupations_129004_links", |b| {
        b.iter(|| esco::import(black_box(&sources), &options).unwrap())
    });
}

fn onet_catalog() -> careerplan::skills::RoleCatalog {
    let skills = onet_file(onet::SKILLS_FILE);
    let occupations = onet_file(onet::OCCUPATIONS_FILE);
    let sources = OnetSources {
        skills: Some(&skills),
        occupations: Some(&occupations),
        ..Default::default()
    };
    onet::import(&sources, &OnetOptions::default())
        .unwrap()
        .catalog
}

fn rank(c: &mut Criterion) {
    let catalog = onet_catalog();
    let compiled = CompiledCatalog::new(&catalog, &RankOptions::default()).unwrap();
    let person = &people(1, compiled.skill_names(), 12, 7)[0];
    assert_eq!(compiled.len(), 879);
    c.bench_function("rank_879_onet_roles_one_person", |b| {
        b.iter(|| {
            let vector = compiled
                .person(black_box(&person.skills), "skills")
                .unwrap();
            let ranking = compiled.rank(&vector, None);
            assert_eq!(ranking.len(), 879);
            ranking.len()
        })
    });
    c.bench_function("compile_onet_catalog_879_roles", |b| {
        b.iter(|| CompiledCatalog::new(black_box(&catalog), &RankOptions::default()).unwrap())
    });
}

fn matrix(c: &mut Criterion) {
    let catalog = Catalog::new(onet_catalog());
    let team = people(10_000, catalog.compiled().unwrap().skill_names(), 12, 42);
    let options = RankOptions::default();
    let mut group = c.benchmark_group("gap_matrix");
    group.sample_size(10);
    // The catalog's kept compiled form (compiled above, before timing).
    group.bench_function("10000_people_x_879_roles_compiled", |b| {
        b.iter(|| catalog.gap_matrix(black_box(&team), &options).unwrap())
    });
    // A fresh catalog per matrix: compiling it is part of the time.
    group.bench_function("10000_people_x_879_roles_from_catalog", |b| {
        b.iter_batched(
            || catalog.clone(),
            |fresh| fresh.gap_matrix(black_box(&team), &options).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, import, import_esco, rank, matrix);
criterion_main!(benches);
