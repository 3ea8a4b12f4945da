use std::hint::black_box;
use std::time::Instant;
use careerplan::skills::onet::{self, OnetOptions, OnetSources};
use careerplan::skills::{CompiledCatalog, RankOptions, gap_matrix_compiled};
use careerplan_benches::{onet_file, people};
fn min_time<F: FnMut() -> usize>(name: &str, batches: usize, per: usize, mut f: F) {
    let mut best = f64::MAX;
    for _ in 0..batches {
        let t = Instant::now();
        for _ in 0..per { black_box(f()); }
        best = best.min(t.elapsed().as_secs_f64() / per as f64);
    }
    println!("{name}: min {:.2} us", best * 1e6);
}
fn main() {
    let skills = onet_file(onet::SKILLS_FILE);
    let sources = OnetSources { skills: Some(&skills), ..Default::default() };
    let only_matrix = std::env::var("ONLY_MATRIX").is_ok();
    if let Ok(n) = std::env::var("ONLY_IMPORT") {
        for _ in 0..n.parse::<usize>().unwrap() { black_box(onet::import(&sources, &OnetOptions::default()).unwrap()); }
        return;
    }
    if !only_matrix { min_time("import", 30, 1, || onet::import(&sources, &OnetOptions::default()).unwrap().catalog.roles.len());
    }
    let catalog = onet::import(&sources, &OnetOptions::default()).unwrap().catalog;
    let compiled = CompiledCatalog::new(&catalog, &RankOptions::default()).unwrap();
    let person = &people(1, compiled.skill_names(), 12, 7)[0];
    let vector = compiled.person(&person.skills, "s").unwrap();
    let mut out = Vec::new();
    if !only_matrix {
    min_time("person_vector", 200, 100, || compiled.person(black_box(&person.skills), "s").unwrap().nonzero().len());
    min_time("readiness_all", 200, 100, || { compiled.readiness_all(black_box(&vector), &mut out); out.len() });
    min_time("rank_top10", 200, 100, || compiled.rank(black_box(&vector), Some(10)).len());
    min_time("rank_all", 200, 100, || compiled.rank(black_box(&vector), None).len());
    min_time("person+rank_all", 200, 100, || { let v = compiled.person(black_box(&person.skills), "s").unwrap(); compiled.rank(&v, None).len() });
    }
    let team = people(10_000, compiled.skill_names(), 12, 42);
    min_time("matrix_10k", 30, 1, || gap_matrix_compiled(black_box(&team), &compiled).unwrap().readiness.len());
}
