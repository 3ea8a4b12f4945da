//! Input, output formats and exit statuses shared by every command.

use std::io::{Read, Write};
use std::process::ExitCode;

/// Output format of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For programs: the serde shape of the core types.
    Json,
}

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at error severity.
    Clean,
    /// The input was understood but has problems at error severity.
    Findings,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
        }
    }
}

/// A failure that ends the command: a message for stderr (one line) and
/// the exit status, 2 (bad usage, unreadable input) unless said otherwise.
#[derive(Debug)]
pub struct Fatal {
    message: String,
    exit: u8,
}

impl Fatal {
    /// Exit status 2 with this message.
    pub fn new(message: impl Into<String>) -> Fatal {
        Fatal {
            message: message.into(),
            exit: 2,
        }
    }

    /// A plan that was read but has problems at error severity, already
    /// listed on stderr: exit status 1, as `validate` gives.
    pub fn invalid(message: impl Into<String>) -> Fatal {
        Fatal {
            message: message.into(),
            exit: 1,
        }
    }

    /// The reader of our output went away (`careerplan roles | head -1`):
    /// stop quietly with status 0, as Unix tools do.
    fn closed_pipe() -> Fatal {
        Fatal {
            message: String::new(),
            exit: 0,
        }
    }

    /// Report on stderr (nothing for a closed pipe) and give the exit status.
    pub fn finish(&self) -> ExitCode {
        if !self.message.is_empty() {
            eprintln_quiet(&format!("careerplan: error: {}", self.message));
        }
        ExitCode::from(self.exit)
    }
}

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<careerplan::Error> for Fatal {
    fn from(err: careerplan::Error) -> Self {
        Fatal::new(format!("{err} [{}]", err.code()))
    }
}

/// A failed write to stdout: a closed pipe stops quietly, anything else is
/// reported.
pub fn write_err(e: std::io::Error) -> Fatal {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Fatal::closed_pipe()
    } else {
        Fatal::new(format!("cannot write output: {e}"))
    }
}

/// Write `text` to stdout. Every command writes through here (or through
/// [`write_err`]), never with `print!`, which panics when the pipe closes.
pub fn emit(text: &str) -> Result<(), Fatal> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).map_err(write_err)?;
    out.flush().map_err(write_err)
}

/// One line on stderr; a closed stderr is ignored (there is nobody to tell).
pub fn eprintln_quiet(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Read a whole input: a file path, or `-` for stdin. The text must be UTF-8
/// and no larger than the default `max_input_bytes` (reading stops one byte
/// past it, so a huge input cannot exhaust memory); a leading byte-order
/// mark is dropped.
pub fn read_input(path: &str) -> Result<String, Fatal> {
    read_input_within(path, careerplan::limits::Limits::default().max_input_bytes)
}

/// [`read_input`] with another size limit: reference data such as ESCO's
/// relations file (about 20 MB per language) is larger than any plan.
pub fn read_input_within(path: &str, max_bytes: u64) -> Result<String, Fatal> {
    let limits = careerplan::limits::Limits {
        max_input_bytes: max_bytes,
        ..careerplan::limits::Limits::default()
    };
    let cap = limits.max_input_bytes.saturating_add(1);
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin()
            .take(cap)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|f| f.take(cap).read_to_end(&mut bytes).map(|_| ()))
    };
    let name = display_name(path);
    result.map_err(|e| Fatal::new(format!("{name}: cannot read: {e}")))?;
    let in_file = |err: careerplan::Error| Fatal::new(format!("{name}: {err} [{}]", err.code()));
    limits.check_input_bytes(bytes.len(), "").map_err(in_file)?;
    let mut text = careerplan::error::text_from_utf8(bytes).map_err(in_file)?;
    // A byte-order mark (from Windows tools) is no part of the content.
    let skip = careerplan::text::bom_len(&text);
    text.drain(..skip);
    Ok(text)
}

/// How an input is named in messages.
pub fn display_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// Print a value as pretty JSON with a trailing newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Fatal> {
    emit(&careerplan::json::to_pretty_text(value))
}

/// Parse a `YYYY-MM-DD` argument strictly (clap value parser).
pub fn parse_date_arg(text: &str) -> Result<chrono::NaiveDate, String> {
    careerplan::plan::date::parse_date(text)
}

/// `--today`, or today's date (UTC) when it is not given: the core's clock
/// ([`careerplan::smart::system_today`]), as every face reads it.
pub fn today_or_now(today: Option<chrono::NaiveDate>) -> chrono::NaiveDate {
    today.unwrap_or_else(careerplan::smart::system_today)
}

/// Read and load a plan document, naming the file in any error, and check
/// it as `validate` does: every command that reads a plan refuses one with
/// problems at error severity (a goal cycle, a level outside its scale),
/// listing them on stderr with the codes `validate` gives, and exits 1.
pub fn read_plan(path: &str) -> Result<careerplan::plan::Plan, Fatal> {
    let text = read_input(path)?;
    let name = display_name(path);
    let plan = careerplan::plan::load_plan(&text, &careerplan::limits::Limits::default())
        .map_err(|err| Fatal::new(format!("{name}: {err} [{}]", err.code())))?;
    let errors: Vec<_> = plan
        .validate()
        .into_iter()
        .filter(|p| p.severity == careerplan::Severity::Error)
        .collect();
    if errors.is_empty() {
        return Ok(plan);
    }
    for p in &errors {
        eprintln_quiet(&format!(
            "careerplan: {name}: {}: {}: {} [{}]",
            p.severity,
            if p.path.is_empty() {
                "(document)"
            } else {
                &p.path
            },
            p.message,
            p.code
        ));
    }
    Err(Fatal::invalid(format!(
        "{name}: the plan has {} at error severity; fix {} first (`careerplan validate` lists every problem)",
        if errors.len() == 1 {
            "1 problem".to_string()
        } else {
            format!("{} problems", errors.len())
        },
        if errors.len() == 1 { "it" } else { "them" }
    )))
}
