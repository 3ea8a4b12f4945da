//! `careerplan`: the command-line face of the careerplan library.
//!
//! Every command reads a file (or `-` for stdin), writes results to stdout
//! and problems to stderr as one line each, and exits 0 on success, 1 when
//! the input was understood but has problems at error severity, 2 on bad
//! usage or unreadable input. `--format json` gives the serde shape of the
//! core types; `--format text` is for people.

mod demo;
mod draft;
mod io;
mod lint;
mod schedule;
mod skills;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Strategic career planning: validate plans, lint SMART goals, find skill
/// gaps, schedule reviews.
#[derive(Parser)]
#[command(name = "careerplan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a plan document and list every problem with its path and code.
    Validate(validate::Args),
    /// Print the JSON Schema of the plan document.
    Schema(validate::SchemaArgs),
    /// Show what the library does on the built-in example plan.
    Demo(demo::Args),
    /// Lint goal statements (one per line) or a whole plan against SMART.
    Lint(lint::LintArgs),
    /// List the linter's rules, or explain one.
    Rules(lint::RulesArgs),
    /// A plan's gap to a target role: per-skill levels, readiness, hours, what no goal addresses.
    Gap(skills::GapArgs),
    /// Draft a development plan for a target role: goals, actions, deadlines, reviews.
    Draft(draft::DraftArgs),
    /// Rank every role of a catalog by the plan owner's readiness.
    Rank(skills::RankArgs),
    /// List the roles of the built-in catalog, a catalog file, an O*NET database or an ESCO download.
    Roles(skills::RolesArgs),
    /// Turn a JSON Resume's skills section into a plan with that profile.
    ImportResume(skills::ImportResumeArgs),
    /// List review dates, check-ins and follow-ups (text, JSON or iCalendar).
    Schedule(schedule::ScheduleArgs),
    /// Progress and on-track status of every goal, and a plan summary.
    Status(schedule::StatusArgs),
    /// Render the plan as a roadmap (Markdown, Mermaid gantt or SVG).
    Roadmap(schedule::RoadmapArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => validate::run_schema(&args),
        Command::Demo(args) => demo::run(&args),
        Command::Lint(args) => lint::run_lint(&args),
        Command::Rules(args) => lint::run_rules(&args),
        Command::Gap(args) => skills::run_gap(&args),
        Command::Draft(args) => draft::run_draft(&args),
        Command::Rank(args) => skills::run_rank(&args),
        Command::Roles(args) => skills::run_roles(&args),
        Command::ImportResume(args) => skills::run_import_resume(&args),
        Command::Schedule(args) => schedule::run_schedule(&args),
        Command::Status(args) => schedule::run_status(&args),
        Command::Roadmap(args) => schedule::run_roadmap(&args),
    };
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => err.finish(),
    }
}
