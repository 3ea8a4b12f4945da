//! `careerplan demo`: the library at work on the built-in example plan.

use careerplan::plan::{Plan, load_plan, outline::outline};

use crate::io::{Fatal, Format, Outcome, print_json};

/// The example plan from `examples/data/plan.json`, compiled in so the demo
/// needs no arguments.
const EXAMPLE_PLAN: &str = include_str!("../../../examples/data/plan.json");

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

fn example() -> Result<Plan, Fatal> {
    Ok(load_plan(EXAMPLE_PLAN)?)
}

pub fn run(args: &Args) -> Result<Outcome, Fatal> {
    let plan = example()?;
    let problems = plan.validate();
    match args.format {
        Format::Json => print_json(&serde_json::json!({
            "plan": plan,
            "problems": problems,
        }))?,
        Format::Text => {
            print!("{}", outline(&plan));
            println!();
            if problems.is_empty() {
                println!("Validation: no problems.");
            } else {
                println!("Validation: {} problems", problems.len());
                for p in &problems {
                    println!("  {p}");
                }
            }
        }
    }
    Ok(Outcome::Clean)
}
