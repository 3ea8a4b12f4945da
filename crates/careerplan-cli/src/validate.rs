//! `careerplan validate FILE`: every problem of a plan, by path and code.

use careerplan::plan::{ProblemCode, validate_json};

use crate::io::{Fatal, Format, Outcome, display_name, emit, print_json, read_input};

#[derive(clap::Args)]
pub struct Args {
    /// The plan document (JSON), or `-` for stdin.
    file: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: &Args) -> Result<Outcome, Fatal> {
    let text = read_input(&args.file)?;
    let validation = validate_json(&text);
    let name = display_name(&args.file);
    // A document we cannot read at all is "unreadable input" (exit 2); one we
    // read but that breaks the model's rules is "has problems" (exit 1).
    let unreadable = validation.problems.iter().any(|p| {
        matches!(
            p.code,
            ProblemCode::InvalidJson
                | ProblemCode::UnsupportedSchemaVersion
                | ProblemCode::LimitExceeded
        )
    });
    match args.format {
        Format::Json => print_json(&validation)?,
        Format::Text => {
            let mut out = String::new();
            for p in &validation.problems {
                let path = if p.path.is_empty() {
                    "(document)"
                } else {
                    &p.path
                };
                out.push_str(&format!(
                    "{name}: {}: {path}: {} [{}]\n",
                    p.severity, p.message, p.code
                ));
            }
            let errors = validation
                .problems
                .iter()
                .filter(|p| p.severity == careerplan::Severity::Error)
                .count();
            let warnings = validation.problems.len() - errors;
            let counts = format!(
                "{}, {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            );
            let verdict = if validation.valid { "valid" } else { "invalid" };
            out.push_str(&format!("{name}: {verdict} ({counts})\n"));
            emit(&out)?;
        }
    }
    if unreadable && let Some(p) = validation.problems.first() {
        let at = if p.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", p.path)
        };
        return Err(Fatal::new(format!(
            "{name}: {at}{} [{}]",
            p.message, p.code
        )));
    }
    Ok(if validation.valid {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[derive(clap::Args)]
pub struct SchemaArgs {
    /// Output format: the JSON Schema (both formats; it is a document for
    /// people and programs alike).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

/// `careerplan schema`: the JSON Schema of the plan document.
pub fn run_schema(args: &SchemaArgs) -> Result<Outcome, Fatal> {
    let schema = careerplan::plan::schema::plan_schema_json();
    match args.format {
        Format::Json => emit(&schema)?,
        Format::Text => emit(&careerplan::plan::schema::schema_outline())?,
    }
    Ok(Outcome::Clean)
}
