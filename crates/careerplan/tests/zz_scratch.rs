#[test]
fn scratch() {
    use careerplan::smart::*;
    let linter = Linter::new(LintConfig {
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
        ..Default::default()
    })
    .unwrap();
    for line in std::fs::read_to_string("/tmp/scr/lines.txt")
        .unwrap()
        .lines()
    {
        let r = linter.lint_text(line, &Context::default());
        let c = &r.criteria;
        println!(
            "{line}\n  S={:?}/{} M={:?}/{} T={:?}/{} dl={:?} {:?}",
            c.specific.met,
            c.specific.score,
            c.measurable.met,
            c.measurable.score,
            c.time_bound.met,
            c.time_bound.score,
            r.deadline,
            r.diagnostics
                .iter()
                .map(|d| format!("{}:{:?}", d.code, d.severity))
                .collect::<Vec<_>>()
        );
    }
}
