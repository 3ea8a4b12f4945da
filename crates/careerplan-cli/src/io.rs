//! Input, output formats and exit statuses shared by every command.

use std::io::Read;
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

/// A failure that ends the command with exit status 2: one line on stderr.
#[derive(Debug)]
pub struct Fatal(pub String);

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<careerplan::Error> for Fatal {
    fn from(err: careerplan::Error) -> Self {
        Fatal(format!("{err} [{}]", err.code()))
    }
}

/// Read a whole input: a file path, or `-` for stdin. The text must be UTF-8
/// and no larger than the default `max_input_bytes` (reading stops one byte
/// past it, so a huge input cannot exhaust memory).
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
    result.map_err(|e| Fatal(format!("{name}: cannot read: {e}")))?;
    let in_file = |err: careerplan::Error| Fatal(format!("{name}: {err} [{}]", err.code()));
    limits.check_input_bytes(bytes.len(), "").map_err(in_file)?;
    careerplan::error::text_from_utf8(bytes).map_err(in_file)
}

/// How an input is named in messages.
pub fn display_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// Print a value as pretty JSON with a trailing newline.
pub fn print_json<T: serde::Serialize>(value: &T) {
    print!("{}", careerplan::json::to_pretty_text(value));
}

/// Parse a `YYYY-MM-DD` argument strictly (clap value parser).
pub fn parse_date_arg(text: &str) -> Result<chrono::NaiveDate, String> {
    careerplan::plan::date::parse_date(text)
}

/// `--today`, or the local calendar date when it is not given.
pub fn today_or_now(today: Option<chrono::NaiveDate>) -> chrono::NaiveDate {
    today.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Read and load a plan document, naming the file in any error.
pub fn read_plan(path: &str) -> Result<careerplan::plan::Plan, Fatal> {
    let text = read_input(path)?;
    careerplan::plan::load_plan(&text)
        .map_err(|err| Fatal(format!("{}: {err} [{}]", display_name(path), err.code())))
}
