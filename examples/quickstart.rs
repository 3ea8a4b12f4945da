//! Load the example plan, validate it and print a one-line summary per goal.
//!
//! Run with `cargo run -p careerplan-examples --example quickstart`.

fn main() -> Result<(), careerplan::Error> {
    let json = include_str!("data/plan.json");
    let plan = careerplan::plan::load_plan(json, &careerplan::limits::Limits::default())?;
    let problems = plan.validate();
    println!(
        "plan {:?}: {} goals, {} problems",
        plan.id,
        plan.goals.len(),
        problems.len()
    );
    for goal in &plan.goals {
        let deadline = goal
            .deadline
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no deadline".into());
        println!("- {} ({deadline})", goal.title);
    }
    Ok(())
}
