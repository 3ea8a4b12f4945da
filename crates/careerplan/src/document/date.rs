//! Calendar dates (`YYYY-MM-DD`) and instants (RFC 3339) as the plan document
//! writes them.
//!
//! Dates are [`chrono::NaiveDate`]s read strictly: exactly four year digits, two
//! month digits and two day digits, and a day that exists (`2027-02-30` is an
//! error, not March 2nd). Instants are kept as the text the user wrote, after
//! checking that it is RFC 3339, so that a round trip never rewrites
//! `2026-01-01T09:00:00Z` as `2026-01-01T09:00:00+00:00`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub(crate) use crate::error::DATE_ERROR_PREFIX;

/// Parse a `YYYY-MM-DD` date strictly.
///
/// ```
/// use careerplan::plan::date::parse_date;
/// assert!(parse_date("2027-02-28").is_ok());
/// assert!(parse_date("2027-02-30").is_err());
/// assert!(parse_date("2027-2-3").is_err());
/// ```
///
/// # Errors
/// A message starting with `expected a date as YYYY-MM-DD` that names the
/// offending text and, for a well-formed but impossible date, why.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(format!("{DATE_ERROR_PREFIX}, got {text:?}"));
    }
    let num = |r: std::ops::Range<usize>| -> u32 {
        b[r].iter().fold(0, |acc, c| acc * 10 + u32::from(c - b'0'))
    };
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(1..=12).contains(&month) {
        return Err(format!(
            "{DATE_ERROR_PREFIX}, got {text:?} (there is no month {month})"
        ));
    }
    // The year has four digits, so it always fits in i32.
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        format!("{DATE_ERROR_PREFIX}, got {text:?} (month {month} of {year} has no day {day})")
    })
}

/// Parse a `YYYY-MM-DD` date that is not a document field but an argument
/// (a binding's `today`), reporting a bad one as an [`Error`](crate::Error)
/// whose path is `path`, the argument's name.
///
/// ```
/// use careerplan::plan::date::parse_date_at;
/// assert_eq!(parse_date_at("2028-02-29", "today")?.to_string(), "2028-02-29");
/// let err = parse_date_at("2027-02-29", "today").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid-date", "today"));
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidDate`](crate::Error::InvalidDate) (code `invalid-date`)
/// as [`parse_date`] describes.
pub fn parse_date_at(text: &str, path: &str) -> Result<NaiveDate, crate::Error> {
    parse_date(text).map_err(|message| crate::Error::InvalidDate {
        path: path.to_string(),
        message,
    })
}

/// Write a date as `YYYY-MM-DD`.
///
/// ```
/// use chrono::NaiveDate;
/// use careerplan::plan::date::format_date;
/// assert_eq!(format_date(NaiveDate::from_ymd_opt(2027, 3, 9).unwrap()), "2027-03-09");
/// ```
pub fn format_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, date, "-");
    out
}

/// Whether a date fits `YYYY-MM-DD`, the form of every date in a document:
/// years 0 to 9999. A date computed past that (a deadline "within 8888
/// years") would be written with a sign and five digits that no date field
/// reads back, so whoever computes one treats it as out of range.
///
/// ```
/// use chrono::NaiveDate;
/// use careerplan::plan::date::in_document_range;
/// assert!(in_document_range(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()));
/// assert!(!in_document_range(NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap()));
/// ```
pub fn in_document_range(date: NaiveDate) -> bool {
    (0..=9999).contains(&chrono::Datelike::year(&date))
}

/// The last date a document can hold, 9999-12-31: schedules end there.
pub const LAST_DOCUMENT_DATE: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(date) => date,
    None => NaiveDate::MAX,
};

/// Write a date as iCalendar's basic `YYYYMMDD`.
pub fn format_basic_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(8);
    push_date(&mut out, date, "");
    out
}

/// The digits of a date as chrono's `%Y{sep}%m{sep}%d` writes them (a year
/// outside 0..=9999 with its sign), without chrono's format-string machinery,
/// which is a few kilobytes of the WebAssembly package.
pub(crate) fn push_date(out: &mut String, date: NaiveDate, separator: &str) {
    use chrono::Datelike;
    use std::fmt::Write;
    let year = date.year();
    // Writing to a String cannot fail.
    let _ = match year {
        0..=9999 => write!(out, "{year:04}"),
        10_000.. => write!(out, "+{year}"),
        _ => write!(out, "-{:04}", year.unsigned_abs()),
    };
    let _ = write!(
        out,
        "{separator}{:02}{separator}{:02}",
        date.month(),
        date.day()
    );
}

/// Serde adapter for a required date field: `#[serde(with = "date::required")]`.
pub mod required {
    use super::*;

    /// Serialize as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*date))
    }

    /// Deserialize strictly from `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        parse_date(&text).map_err(serde::de::Error::custom)
    }
}

/// Serde adapter for an optional date field: `#[serde(default, with = "date::optional")]`.
pub mod optional {
    use super::*;

    /// Serialize as `YYYY-MM-DD` or `null`.
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&format_date(*d)),
            None => s.serialize_none(),
        }
    }

    /// Deserialize `YYYY-MM-DD` or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text = Option::<std::borrow::Cow<str>>::deserialize(d)?;
        text.map(|t| parse_date(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Serde adapter for a list of dates: `#[serde(default, with = "date::list")]`.
pub mod list {
    use super::*;

    /// Serialize as a list of `YYYY-MM-DD` strings.
    pub fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(dates.iter().map(|d| format_date(*d)))
    }

    /// Deserialize a list of `YYYY-MM-DD` strings.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        let texts = Vec::<std::borrow::Cow<str>>::deserialize(d)?;
        texts
            .iter()
            .map(|t| parse_date(t).map_err(serde::de::Error::custom))
            .collect()
    }
}

/// An instant in RFC 3339 form (`2026-11-22T09:30:00Z`), kept exactly as written.
///
/// ```
/// use careerplan::plan::Timestamp;
/// let t: Timestamp = "2026-11-22T09:30:00Z".parse()?;
/// assert_eq!(t.as_str(), "2026-11-22T09:30:00Z");
/// assert_eq!(t.date().to_string(), "2026-11-22");
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp {
    text: String,
    instant: DateTime<FixedOffset>,
}

impl Timestamp {
    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The instant.
    pub fn instant(&self) -> DateTime<FixedOffset> {
        self.instant
    }

    /// The calendar date in the timestamp's own offset.
    pub fn date(&self) -> NaiveDate {
        self.instant.date_naive()
    }
}

impl std::str::FromStr for Timestamp {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_rfc3339(text)
            .map(|instant| Timestamp {
                text: text.to_string(),
                instant,
            })
            .map_err(|e| {
                format!(
                    "expected an RFC 3339 instant such as 2026-11-22T09:30:00Z, got {text:?} ({e})"
                )
            })
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "An RFC 3339 instant, kept as written."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// chrono's `%Y-%m-%d` and `%Y%m%d` are the oracle of our formatting,
    /// over chrono's whole range of years (signs and five digits included).
    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let mut days: Vec<NaiveDate> = [NaiveDate::MIN, NaiveDate::MAX]
            .into_iter()
            .chain(
                [-10_000, -1, 0, 1, 999, 1000, 2027, 9999, 10_000, 12_345]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, 2, 28)),
            )
            .collect();
        let mut day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        for _ in 0..800 {
            days.push(day);
            day = day.succ_opt().unwrap();
        }
        for d in days {
            assert_eq!(format_date(d), d.format("%Y-%m-%d").to_string());
            assert_eq!(format_basic_date(d), d.format("%Y%m%d").to_string());
        }
    }

    #[test]
    fn strict_dates() {
        assert_eq!(
            parse_date("2028-02-29").ok(),
            NaiveDate::from_ymd_opt(2028, 2, 29)
        );
        for bad in [
            "2027-02-29",
            "2027-13-01",
            "2027-00-10",
            "27-01-01",
            "2027-01-1",
            "2027/01/01",
            "",
            "2027-01-01T00:00",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(err.starts_with(DATE_ERROR_PREFIX), "{bad}: {err}");
        }
        assert!(
            parse_date("2027-02-30")
                .unwrap_err()
                .contains("has no day 30")
        );
    }

    #[test]
    fn argument_dates_name_the_argument() {
        assert_eq!(
            parse_date_at("2027-01-31", "from").ok(),
            NaiveDate::from_ymd_opt(2027, 1, 31)
        );
        for bad in ["2027-02-30", "tomorrow", ""] {
            let err = parse_date_at(bad, "to").unwrap_err();
            assert_eq!((err.code(), err.path()), ("invalid-date", "to"), "{bad}");
            assert!(err.to_string().starts_with("to: expected a date"), "{err}");
        }
    }

    #[test]
    fn timestamps_keep_their_text() {
        let t: Timestamp = "2026-01-01T00:00:00+02:00".parse().unwrap();
        assert_eq!(t.to_string(), "2026-01-01T00:00:00+02:00");
        assert!("2026-01-01".parse::<Timestamp>().is_err());
    }
}
