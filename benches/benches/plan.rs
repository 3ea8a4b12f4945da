//! Parse + validate a generated plan of about 1 MB (2,000 goals, 6,000 actions).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn plan_benches(c: &mut Criterion) {
    let text = careerplan_benches::generate_plan(2000, 3, 42);
    let mut group = c.benchmark_group("plan");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("load_1mb", |b| {
        b.iter(|| careerplan::plan::load_plan(black_box(&text), &Default::default()))
    });
    group.bench_function("load_and_validate_1mb", |b| {
        b.iter(|| {
            let plan = careerplan::plan::load_plan(black_box(&text), &Default::default())
                .unwrap_or_else(|_| careerplan::plan::Plan::new("x"));
            plan.validate()
        })
    });
    let plan = careerplan::plan::load_plan(&text, &Default::default())
        .unwrap_or_else(|_| careerplan::plan::Plan::new("x"));
    group.bench_function("validate_1mb", |b| b.iter(|| black_box(&plan).validate()));
    group.bench_function("dump_1mb", |b| b.iter(|| black_box(&plan).to_json()));
    group.finish();
}

criterion_group!(benches, plan_benches);
criterion_main!(benches);
