//! `careerplan demo`: the library at work on the built-in example plan.

use careerplan::plan::{Plan, load_plan, outline::outline};

use careerplan::progress::{ProgressOptions, plan_status, status_text};
use careerplan::schedule::{AgendaOptions, agenda, agenda_text};
use careerplan::skills::render::{render_gap_text, render_ranking_text};
use careerplan::skills::{Catalog, GapOptions, RankOptions, RoleRef};
use careerplan::smart::{LintConfig, Linter, render_plan_summary};

/// The role the example person aims for (their long-term goal).
const TARGET_ROLE: &str = "senior-project-manager";
use chrono::{Days, NaiveDate};

use crate::io::{Fatal, Format, Outcome, emit, parse_date_arg, print_json, today_or_now};

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
    Ok(load_plan(EXAMPLE_PLAN, &Default::default())?)
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
    .lint_plan(&plan)?;
    let options = AgendaOptions {
        today: Some(today),
        ..AgendaOptions::default()
    };
    let gap_options = GapOptions {
        today: Some(today),
        ..GapOptions::default()
    };
    let roles = Catalog::builtin();
    let gap = roles.skill_gap(&plan.profile, &RoleRef::from(TARGET_ROLE), &gap_options)?;
    let top_roles = roles.rank(&plan.profile, Some(5), &RankOptions::default())?;
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
        }))?,
        Format::Text => {
            let mut out = outline(&plan);
            out.push('\n');
            if problems.is_empty() {
                out.push_str("Validation: no problems.\n");
            } else {
                out.push_str(&format!("Validation: {} problems\n", problems.len()));
                for p in &problems {
                    out.push_str(&format!("  {p}\n"));
                }
            }
            out.push_str("\nSMART check (+ met, - not met, ? not judged):\n");
            out.push_str(&render_plan_summary(&lint));
            out.push_str("\nSkill gap to the target role:\n");
            out.push_str(&render_gap_text(&gap));
            out.push_str("\nTop five roles for this profile:\n");
            out.push_str(&render_ranking_text(&top_roles));
            out.push_str(&format!("\n{}\n", status_text(&status).trim_end()));
            out.push_str("\nNext reviews:\n");
            out.push_str(&agenda_text(&reviews, false));
            emit(&out)?;
        }
    }
    Ok(Outcome::Clean)
}
