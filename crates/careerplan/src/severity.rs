//! How serious a finding is; shared by plan validation and the linter.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
///
/// Ordered from least to most serious, so `max()` over findings gives the
/// overall outcome (the CLI exits 1 when any finding is an [`Severity::Error`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably a mistake, but the document is usable.
    Warning,
    /// The document breaks a rule of the model.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
