//! `careerplan lint` and `careerplan rules`: the SMART-goal linter.

use std::io::Write;

use chrono::NaiveDate;

use careerplan::error::ErrorItem;
use careerplan::smart::{
    Context, LintConfig, Linter, render_plan_text, render_rule, render_rule_list, render_text,
    rule, rules,
};

use crate::io::{
    Fatal, Outcome, display_name, parse_date_arg, read_input, read_plan, today_or_now, write_err,
};

/// Output format of `lint`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LintFormat {
    /// Diagnostics for people, offending words underlined.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line (per goal).
    Jsonl,
}

#[derive(clap::Args)]
pub struct LintArgs {
    /// A plan document (JSON) to lint as a whole, or `-` for stdin.
    #[arg(conflicts_with = "lines", required_unless_present = "lines")]
    plan: Option<String>,
    /// A text file with one goal statement per line, or `-` for stdin.
    #[arg(long)]
    lines: Option<String>,
    /// The reference date deadlines resolve against (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    today: Option<NaiveDate>,
    /// A LintConfig JSON file: rules on/off, severities, thresholds.
    #[arg(long)]
    config: Option<String>,
    /// How to read 03/04/2027: day first (`dmy`) or month first (`mdy`);
    /// overrides the configuration's `numeric_date_order`.
    #[arg(long, value_parser = ["dmy", "mdy"])]
    date_order: Option<String>,
    /// The first day of a week (`monday` or `sunday`); overrides `week_start`.
    #[arg(long, value_parser = ["monday", "sunday"])]
    week_start: Option<String>,
    /// "next Thursday": `following_week` or `nearest`; overrides `next_weekday`.
    #[arg(long, value_parser = ["following_week", "nearest"])]
    next_weekday: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    format: LintFormat,
}

fn linter(args: &LintArgs) -> Result<Linter, Fatal> {
    let mut config = match &args.config {
        Some(path) => {
            let text = read_input(path)?;
            serde_json::from_str::<LintConfig>(&text).map_err(|e| {
                Fatal::new(format!(
                    "{}: invalid lint configuration: {e}",
                    display_name(path)
                ))
            })?
        }
        None => LintConfig::default(),
    };
    if args.today.is_some() || config.today.is_none() {
        config.today = Some(today_or_now(args.today));
    }
    // The option names are the configuration's JSON values, read as JSON.
    let setting = |value: &str| serde_json::Value::String(value.to_string());
    let invalid = |e: serde_json::Error| Fatal::new(format!("invalid option: {e}"));
    if let Some(v) = &args.date_order {
        config.numeric_date_order = serde_json::from_value(setting(v)).map_err(invalid)?;
    }
    if let Some(v) = &args.week_start {
        config.week_start = serde_json::from_value(setting(v)).map_err(invalid)?;
    }
    if let Some(v) = &args.next_weekday {
        config.next_weekday = serde_json::from_value(setting(v)).map_err(invalid)?;
    }
    Ok(Linter::new(config)?)
}

/// serde_json's writers wrap the writer's own error: a closed pipe is still one.
fn json_err(e: serde_json::Error) -> Fatal {
    match e.io_error_kind() {
        Some(kind) => write_err(std::io::Error::from(kind)),
        None => Fatal::new(e.to_string()),
    }
}

pub fn run_lint(args: &LintArgs) -> Result<Outcome, Fatal> {
    let linter = linter(args)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let errors = if let Some(path) = &args.lines {
        let text = read_input(path)?;
        let name = display_name(path);
        let lines: Vec<&str> = text.lines().collect();
        // One line over a limit costs that line: an error item in its
        // place (path `FILE:LINE`), every other line linted, exit 1.
        let results = linter.lint_many(&lines, &Context::default());
        let mut errors = false;
        let mut all: Vec<serde_json::Value> = Vec::new();
        for (n, (line, result)) in lines.iter().zip(results).enumerate() {
            let result = result.map_err(|e| e.at_path(format!("{name}:{}", n + 1)));
            errors |= match &result {
                Ok(report) => report.max_severity() == Some(careerplan::Severity::Error),
                Err(_) => true,
            };
            match (args.format, &result) {
                (LintFormat::Jsonl, Ok(report)) => {
                    serde_json::to_writer(&mut out, report).map_err(json_err)?;
                    out.write_all(b"\n").map_err(write_err)?;
                }
                (LintFormat::Jsonl, Err(e)) => {
                    serde_json::to_writer(&mut out, &ErrorItem::from(e)).map_err(json_err)?;
                    out.write_all(b"\n").map_err(write_err)?;
                }
                (LintFormat::Text, Ok(report)) => {
                    writeln!(out, "== {name}:{}: {line}", n + 1).map_err(write_err)?;
                    out.write_all(render_text(report).as_bytes())
                        .map_err(write_err)?;
                    out.write_all(b"\n").map_err(write_err)?;
                }
                (LintFormat::Text, Err(e)) => {
                    // The line itself may be a megabyte: name it by its size.
                    writeln!(
                        out,
                        "== {name}:{}: ({} bytes, not linted)",
                        n + 1,
                        line.len()
                    )
                    .map_err(write_err)?;
                    writeln!(out, "error: {} [{}]\n", e.message(), e.code()).map_err(write_err)?;
                }
                (LintFormat::Json, Ok(report)) => {
                    all.push(serde_json::to_value(report).map_err(json_err)?);
                }
                (LintFormat::Json, Err(e)) => {
                    all.push(serde_json::to_value(ErrorItem::from(e)).map_err(json_err)?);
                }
            }
        }
        if args.format == LintFormat::Json {
            serde_json::to_writer_pretty(&mut out, &all).map_err(json_err)?;
            out.write_all(b"\n").map_err(write_err)?;
        }
        errors
    } else {
        let path = args.plan.as_deref().unwrap_or("-");
        let plan = read_plan(path)?;
        let report = linter
            .lint_plan(&plan)
            .map_err(|e| Fatal::new(format!("{}: {e} [{}]", display_name(path), e.code())))?;
        match args.format {
            LintFormat::Text => out
                .write_all(render_plan_text(&report).as_bytes())
                .map_err(write_err)?,
            LintFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &report).map_err(json_err)?;
                out.write_all(b"\n").map_err(write_err)?;
            }
            LintFormat::Jsonl => {
                for goal in &report.goals {
                    serde_json::to_writer(&mut out, goal).map_err(json_err)?;
                    out.write_all(b"\n").map_err(write_err)?;
                }
            }
        }
        report.has_errors()
    };
    out.flush().map_err(write_err)?;
    Ok(if errors {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

#[derive(clap::Args)]
pub struct RulesArgs {
    /// Explain this rule (e.g. `vague-outcome`); without it, list all rules.
    code: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::io::Format::Text)]
    format: crate::io::Format,
}

pub fn run_rules(args: &RulesArgs) -> Result<Outcome, Fatal> {
    use crate::io::{Format, emit, print_json};
    match &args.code {
        None => match args.format {
            Format::Text => emit(&render_rule_list(rules()))?,
            Format::Json => print_json(&rules())?,
        },
        Some(code) => {
            let info = rule(code).ok_or_else(|| {
                Fatal::new(format!(
                    "unknown rule {code:?}; `careerplan rules` lists them"
                ))
            })?;
            match args.format {
                Format::Text => emit(&render_rule(info))?,
                Format::Json => print_json(info)?,
            }
        }
    }
    Ok(Outcome::Clean)
}
