//! `careerplan demo`: the library at work on the built-in example plan.

use careerplan::plan::{Plan, load_plan, outline::outline};

use careerplan::progress::{ProgressOptions, plan_status, status_text};
use careerplan::schedule::{AgendaOptions, agenda, agenda_text};
use careerplan::skills::render::{render_gap_text, render_ranking_text};
use careerplan::skills::{
    GapOptions, RankOptions, builtin_roles, rank_roles, skill_gap_in_catalog,
};
use careerplan::smart::{LintConfig, Linter, render_plan_summary};

/// The role the example person aims for (their long-term goal).
const TARGET_ROLE: &str = "senior-project-manager";
use chrono::{Days, NaiveDate};

use crate::io::{Fatal, Format, Outcome, parse_date_arg, print_json, today_or_now};

/// The example plan from `examples/data/plan.json`, compiled in so the demo
/// needs no arguments.
const EXAMPLE_PLAN: &str = include_str!("../../../examples/data/plan.json");

#[derive(clap::Args)]
pub struct Args {
    /// The date the demo runs as of (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    today: Option<NaiveDate>,
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
    let today = today_or_now(args.today);
    let status = plan_status(&plan, today, &ProgressOptions::default())?;
    let lint = Linter::new(LintConfig {
        today: Some(today),
        ..LintConfig::default()
    })?
    .lint_plan(&plan);
    let options = AgendaOptions {
        today: Some(today),
        ..AgendaOptions::default()
    };
    let gap_options = GapOptions {
        today: Some(today),
        ..GapOptions::default()
    };
    let gap = skill_gap_in_catalog(&plan.profile, builtin_roles(), TARGET_ROLE, &gap_options)?;
    let top_roles = rank_roles(
        &plan.profile,
        builtin_roles(),
        Some(5),
        &RankOptions::default(),
    )?;
    let horizon = today.checked_add_days(Days::new(90)).unwrap_or(today);
    let reviews: Vec<_> = agenda(&plan, today, horizon, &options)?
        .into_iter()
        .filter(|e| e.kind.is_review())
        .take(5)
        .collect();
    match args.format {
        Format::Json => print_json(&serde_json::json!({
            "plan": plan,
            "problems": problems,
            "lint": lint,
            "gap": gap,
            "top_roles": top_roles,
            "status": status,
            "next_reviews": reviews,
        })),
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
            println!("\nSMART check (+ met, - not met, ? not judged):");
            print!("{}", render_plan_summary(&lint));
            println!("\nSkill gap to the target role:");
            print!("{}", render_gap_text(&gap));
            println!("\nTop five roles for this profile:");
            print!("{}", render_ranking_text(&top_roles));
            println!("\n{}", status_text(&status).trim_end());
            println!("\nNext reviews:");
            print!("{}", agenda_text(&reviews, false));
        }
    }
    Ok(Outcome::Clean)
}
