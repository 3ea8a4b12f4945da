//! Units of time: named by the lexicon's data (`units.txt`, `rates.txt`) and
//! measured by the time grammar, so they sit below both.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// 60 seconds.
    Minute,
    /// 60 minutes.
    Hour,
    /// A calendar day.
    Day,
    /// A working day, Monday to Friday: "within 5 business days".
    BusinessDay,
    /// Seven days.
    Week,
    /// Fourteen days.
    Fortnight,
    /// A calendar month.
    Month,
    /// Three months.
    Quarter,
    /// Six months (a half year, a semester).
    Half,
    /// Twelve months.
    Year,
    /// Ten years.
    Decade,
}

impl TimeUnit {
    /// Approximate length in days, for comparing spans.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Minute => 1.0 / 1440.0,
            TimeUnit::Hour => 1.0 / 24.0,
            TimeUnit::Day => 1.0,
            TimeUnit::BusinessDay => 1.4,
            TimeUnit::Week => 7.0,
            TimeUnit::Fortnight => 14.0,
            TimeUnit::Month => 30.44,
            TimeUnit::Quarter => 91.31,
            TimeUnit::Half => 182.62,
            TimeUnit::Year => 365.25,
            TimeUnit::Decade => 3652.5,
        }
    }

    /// The singular English name.
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::BusinessDay => "business day",
            TimeUnit::Week => "week",
            TimeUnit::Fortnight => "fortnight",
            TimeUnit::Month => "month",
            TimeUnit::Quarter => "quarter",
            TimeUnit::Half => "half year",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
        }
    }

    /// Whether the unit measures effort or response times rather than calendar time.
    pub fn is_clock(self) -> bool {
        matches!(self, TimeUnit::Minute | TimeUnit::Hour)
    }
}
