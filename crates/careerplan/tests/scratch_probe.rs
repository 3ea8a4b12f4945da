use careerplan::smart::{Context, LintConfig, Linter};
#[test]
fn probe() {
    let l = Linter::new(LintConfig { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22), ..Default::default() }).unwrap();
    let text = std::fs::read_to_string("/tmp/smart/goals.txt").unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let r = l.lint_text(line, &Context::default());
        let f = |v: careerplan::smart::Verdict| match v.met { Some(true) => "1", Some(false) => "0", None => "-" };
        let c = &r.criteria;
        let te: Vec<String> = r.time_expressions.iter().map(|e| format!("[{}:{:?}]", e.text, e.kind)).collect();
        println!("S{} M{} A{} T{} {} | {} | {} | {}", f(c.specific), f(c.measurable), f(c.achievable), f(c.time_bound),
            r.deadline.map(|d| d.to_string()).unwrap_or("none".into()), line, r.codes().join(","), te.join(" "));
    }
}
