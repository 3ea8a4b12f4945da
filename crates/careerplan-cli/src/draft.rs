//! `careerplan draft`: a development plan drafted from a plan and a target role.

use chrono::NaiveDate;

use careerplan::draft::{DraftOptions, draft_plan, render_text};

use crate::io::{
    Fatal, Format, Outcome, emit, parse_date_arg, print_json, read_plan, today_or_now,
};
use crate::skills::CatalogArgs;

#[derive(clap::Args)]
pub struct DraftArgs {
    /// The plan document (JSON), or `-` for stdin.
    #[arg(long)]
    plan: String,
    /// Id of the target role (`careerplan roles` lists them).
    #[arg(long)]
    role: String,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// The day the drafted work starts (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    start: Option<NaiveDate>,
    /// Hours a week available for development (default 5).
    #[arg(long)]
    hours_per_week: Option<f64>,
    /// When the role should be reached, if the plan has no goal for it with a deadline.
    #[arg(long, value_parser = parse_date_arg)]
    by: Option<NaiveDate>,
    /// Output format: the report with the drafted plan (json), or a summary for people (text).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run_draft(args: &DraftArgs) -> Result<Outcome, Fatal> {
    let plan = read_plan(&args.plan)?;
    let catalog = args.catalog.load()?;
    let defaults = DraftOptions::default();
    let options = DraftOptions {
        start: Some(today_or_now(args.start)),
        hours_per_week: args.hours_per_week.unwrap_or(defaults.hours_per_week),
        target_date: args.by,
        ..defaults
    };
    let report = draft_plan(&plan, &catalog, &args.role, &options)?;
    match args.format {
        Format::Text => emit(&render_text(&report))?,
        Format::Json => print_json(&report)?,
    }
    let errors = report.drafted.iter().any(|g| g.lint.has_errors());
    Ok(if errors {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
