//! The agenda benchmark: ten years of events for 10,000 plans, each with a
//! quarterly review, 3 contacts followed up monthly and 20 goal deadlines
//! with a check-in two weeks before each (about 4.4 million events).

use careerplan::schedule::{AgendaOptions, agenda};
use careerplan_benches::{agenda_end, agenda_start, schedule_plans};
use criterion::{Criterion, criterion_group, criterion_main};

fn agenda_10k_plans_10_years(c: &mut Criterion) {
    let plans = schedule_plans(10_000, 42);
    let options = AgendaOptions::default();
    let (from, to) = (agenda_start(), agenda_end());
    let events: usize = plans
        .iter()
        .map(|p| agenda(p, from, to, &options).map_or(0, |e| e.len()))
        .sum();
    eprintln!(
        "agenda benchmark: {} plans, {events} events per run",
        plans.len()
    );
    let mut group = c.benchmark_group("schedule");
    group.sample_size(10);
    group.bench_function("agenda_10k_plans_10_years", |b| {
        b.iter(|| {
            let mut n = 0;
            for plan in &plans {
                n += agenda(plan, from, to, &options).map_or(0, |e| e.len());
            }
            n
        })
    });
    let plan = &plans[0];
    group.sample_size(100);
    group.bench_function("agenda_1_plan_10_years", |b| {
        b.iter(|| agenda(plan, from, to, &options))
    });
    group.bench_function("to_ics_1_plan_10_years", |b| {
        b.iter(|| careerplan::schedule::to_ics(plan, from, to, &Default::default()))
    });
    group.finish();
}

criterion_group!(benches, agenda_10k_plans_10_years);
criterion_main!(benches);
