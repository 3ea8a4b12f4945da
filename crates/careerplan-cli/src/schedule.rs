//! `careerplan schedule`, `status` and `roadmap`: reviews, progress and the
//! roadmap of a plan.

use chrono::{Months, NaiveDate};

use careerplan::progress::{
    ProgressOptions, RoadmapFormat, RoadmapOptions, plan_status, roadmap, roadmap_data, status_text,
};
use careerplan::schedule::{AgendaOptions, IcsOptions, agenda, agenda_text, to_ics};

use crate::io::{
    Fatal, Format, Outcome, emit, parse_date_arg, print_json, read_plan, today_or_now,
};

/// Output format of `schedule`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ScheduleFormat {
    /// For people.
    Text,
    /// A list of events as JSON.
    Json,
    /// An iCalendar (RFC 5545) file.
    Ics,
}

#[derive(clap::Args)]
pub struct ScheduleArgs {
    /// The plan document (JSON), or `-` for stdin.
    #[arg(long)]
    plan: String,
    /// First day of the agenda (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    from: Option<NaiveDate>,
    /// Last day of the agenda (default: a year after --from).
    #[arg(long, value_parser = parse_date_arg)]
    to: Option<NaiveDate>,
    /// The date progress is judged on, for denser reviews of goals at risk (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    today: Option<NaiveDate>,
    /// Print each review's reflection prompts (text format).
    #[arg(long)]
    prompts: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScheduleFormat::Text)]
    format: ScheduleFormat,
}

pub fn run_schedule(args: &ScheduleArgs) -> Result<Outcome, Fatal> {
    let plan = read_plan(&args.plan)?;
    let today = today_or_now(args.today);
    let from = args.from.unwrap_or(today);
    let to = match args.to {
        Some(to) => to,
        None => from
            .checked_add_months(Months::new(12))
            .ok_or_else(|| Fatal::new(format!("--from {from} is too late to add a year")))?,
    };
    let options = AgendaOptions {
        today: Some(today),
        ..AgendaOptions::default()
    };
    match args.format {
        ScheduleFormat::Text => emit(&agenda_text(
            &agenda(&plan, from, to, &options)?,
            args.prompts,
        ))?,
        ScheduleFormat::Json => print_json(&agenda(&plan, from, to, &options)?)?,
        ScheduleFormat::Ics => {
            let ics_options = IcsOptions {
                agenda: options,
                ..IcsOptions::default()
            };
            emit(&to_ics(&plan, from, to, &ics_options)?)?;
        }
    }
    Ok(Outcome::Clean)
}

#[derive(clap::Args)]
pub struct StatusArgs {
    /// The plan document (JSON), or `-` for stdin.
    #[arg(long)]
    plan: String,
    /// The date progress is judged on (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    today: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run_status(args: &StatusArgs) -> Result<Outcome, Fatal> {
    let plan = read_plan(&args.plan)?;
    let status = plan_status(&plan, today_or_now(args.today), &ProgressOptions::default())?;
    match args.format {
        Format::Text => emit(&status_text(&status))?,
        Format::Json => print_json(&status)?,
    }
    Ok(Outcome::Clean)
}

/// Output format of `roadmap`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RoadmapArg {
    /// For people: the Markdown tables.
    Text,
    /// For programs: the goals of each horizon with their progress and status.
    Json,
    /// A Markdown table per horizon (also `md`).
    #[value(alias = "md")]
    Markdown,
    /// A Mermaid `gantt` chart.
    Mermaid,
    /// A self-contained SVG timeline.
    Svg,
}

#[derive(clap::Args)]
pub struct RoadmapArgs {
    /// The plan document (JSON), or `-` for stdin.
    #[arg(long)]
    plan: String,
    /// The date the "today" line and statuses refer to (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    today: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RoadmapArg::Markdown)]
    format: RoadmapArg,
}

pub fn run_roadmap(args: &RoadmapArgs) -> Result<Outcome, Fatal> {
    let plan = read_plan(&args.plan)?;
    let today = today_or_now(args.today);
    let options = RoadmapOptions::default();
    let format = match args.format {
        RoadmapArg::Json => {
            print_json(&roadmap_data(&plan, today, &options)?)?;
            return Ok(Outcome::Clean);
        }
        RoadmapArg::Text | RoadmapArg::Markdown => RoadmapFormat::Markdown,
        RoadmapArg::Mermaid => RoadmapFormat::Mermaid,
        RoadmapArg::Svg => RoadmapFormat::Svg,
    };
    emit(&roadmap(&plan, today, format, &options)?)?;
    Ok(Outcome::Clean)
}
