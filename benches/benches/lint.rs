//! SMART linter throughput: 10,000 realistic ~100-byte goal statements.
//!
//! Run with `cargo bench -p careerplan-benches --bench lint -- --measurement-time 3`.

use std::hint::black_box;

use careerplan::smart::time::find_time_expressions;
use careerplan::smart::{Context, LintConfig, Linter};
use careerplan_benches::goal_statements;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn lint(c: &mut Criterion) {
    let goals = goal_statements(10_000);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let linter = Linter::new(LintConfig {
        today: Some(today),
        ..LintConfig::default()
    })
    .expect("the default configuration is valid");
    let ctx = Context::default();
    let mut group = c.benchmark_group("smart");
    group.throughput(Throughput::Elements(goals.len() as u64));
    group.bench_function("lint_text 10k goals", |b| {
        b.iter(|| {
            for g in &goals {
                black_box(linter.lint_text(black_box(g), &ctx).unwrap());
            }
        })
    });
    group.bench_function("lint_text + JSON 10k goals", |b| {
        b.iter(|| {
            for g in &goals {
                let report = linter.lint_text(black_box(g), &ctx).unwrap();
                black_box(serde_json::to_string(&report).unwrap_or_default());
            }
        })
    });
    // The batch the bindings call (rayon over all cores): their overhead is
    // the difference to this, not to the one-core figure above.
    group.bench_function("lint_many 10k goals", |b| {
        b.iter(|| black_box(linter.lint_many(black_box(&goals), &ctx)))
    });
    group.bench_function("find_time_expressions 10k goals", |b| {
        b.iter(|| {
            for g in &goals {
                black_box(find_time_expressions(black_box(g), today));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, lint);
criterion_main!(benches);
