//! Holidays as points in time, from `data/smart/holidays.txt`.
//!
//! Each row names a holiday, the rule that places it in a year (a fixed
//! day, the Nth weekday of a month, or Easter, moved by some days) and the
//! regions whose calendars have it. A holiday resolves to its next
//! occurrence on or after the reference date. `LintConfig.holiday_regions`
//! chooses the calendars; when two rows share a name ("thanksgiving" is the
//! fourth Thursday of November in the US and the second Monday of October
//! in Canada), the first row of a chosen region wins.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::calendar::easter;
use super::*;
use crate::smart::lexicon::FnvMap;
use crate::smart::token::tokenize_keys;

/// Where a holiday falls in a year, before any shift.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Base {
    /// Month and day.
    Fixed(u32, u32),
    /// The `nth` (0: last) weekday `wd` (1 = Monday) of `month`.
    Nth { month: u32, wd: u32, nth: u32 },
    /// Easter Sunday.
    Easter,
}

/// How a holiday falls in a year: a base day moved by `shift` days
/// ("easter-2" is Good Friday, "11-thu-4 +1" the day after US Thanksgiving).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rule {
    base: Base,
    shift: i64,
}

impl Rule {
    fn parse(s: &str) -> Option<Rule> {
        let (base, shift) = match s.split_once(' ') {
            Some((base, shift)) => {
                let shift = shift.trim();
                (base, shift.strip_prefix('+').unwrap_or(shift).parse().ok()?)
            }
            None => (s, 0),
        };
        if let Some(rest) = base.strip_prefix("easter") {
            let own: i64 = if rest.is_empty() {
                0
            } else {
                rest.strip_prefix('+').unwrap_or(rest).parse().ok()?
            };
            return Some(Rule {
                base: Base::Easter,
                shift: own + shift,
            });
        }
        let parts: Vec<&str> = base.split('-').collect();
        let base = match parts.as_slice() {
            [m, d] => {
                let (m, d) = (m.parse().ok()?, d.parse().ok()?);
                NaiveDate::from_ymd_opt(2024, m, d)?;
                Base::Fixed(m, d)
            }
            [m, wd, n] => {
                let month: u32 = m.parse().ok()?;
                let wd = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                    .iter()
                    .position(|w| w == wd)? as u32
                    + 1;
                let nth = if *n == "last" { 0 } else { n.parse().ok()? };
                if !((1..=12).contains(&month) && nth <= 5) {
                    return None;
                }
                Base::Nth { month, wd, nth }
            }
            _ => return None,
        };
        Some(Rule { base, shift })
    }

    /// The holiday's day in `year`.
    fn in_year(self, year: i32) -> Option<NaiveDate> {
        let day = match self.base {
            Base::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            Base::Nth { month, wd, nth } => nth_weekday(month_period(year, month)?, wd, nth),
            Base::Easter => easter(year),
        }?;
        day.checked_add_signed(chrono::Duration::days(self.shift))
    }
}

/// One name of one holiday row.
#[derive(Debug)]
struct Name {
    keys: Vec<String>,
    row: usize,
}

/// The holiday table.
#[derive(Debug, Default)]
pub(crate) struct Holidays {
    rules: Vec<Rule>,
    /// Bit set of each row's regions; `*` is every bit.
    regions: Vec<u64>,
    /// Names by their first key, packed as the tokens' keys are (a
    /// holiday's first word is short), so a lookup is two integers.
    names: FnvMap<Key, Vec<Name>>,
    /// Region codes, in the order their bits are assigned.
    codes: Vec<String>,
}

use crate::smart::lexicon::HOLIDAYS as TABLE;

impl Holidays {
    fn parse(text: &str) -> Result<Holidays, String> {
        let mut h = Holidays::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split(" : ").map(str::trim).collect();
            let [names, rule, regions] = fields.as_slice() else {
                return Err(format!(
                    "holidays.txt line {}: three fields expected",
                    n + 1
                ));
            };
            let rule = Rule::parse(rule)
                .ok_or_else(|| format!("holidays.txt line {}: bad rule {rule:?}", n + 1))?;
            let mut bits = 0u64;
            for code in regions.split_whitespace() {
                if code == "*" {
                    bits = u64::MAX;
                    continue;
                }
                let at = match h.codes.iter().position(|c| c == code) {
                    Some(at) => at,
                    None => {
                        h.codes.push(code.to_string());
                        h.codes.len() - 1
                    }
                };
                if at >= 64 {
                    return Err("holidays.txt: more than 64 regions".into());
                }
                bits |= 1 << at;
            }
            let row = h.rules.len();
            h.rules.push(rule);
            h.regions.push(bits);
            for name in names.split('|') {
                let keys = tokenize_keys(name.trim());
                let Some(first) = keys.first().cloned() else {
                    return Err(format!("holidays.txt line {}: empty name", n + 1));
                };
                if first.len() > 15 {
                    return Err(format!(
                        "holidays.txt line {}: a first word over 15 bytes",
                        n + 1
                    ));
                }
                h.names
                    .entry(Key::new(&first))
                    .or_default()
                    .push(Name { keys, row });
            }
        }
        Ok(h)
    }

    /// The bit set of region codes (case-insensitive); an unknown code is
    /// an error naming the known ones.
    pub(crate) fn region_mask(&self, codes: &[String]) -> Result<u64, String> {
        let mut mask = 0;
        for code in codes {
            let lower = code.to_ascii_lowercase();
            let at = self.codes.iter().position(|c| *c == lower).ok_or_else(|| {
                format!(
                    "unknown holiday region {code:?}; known: {}",
                    self.codes.join(", ")
                )
            })?;
            mask |= 1 << at;
        }
        Ok(mask)
    }
}

/// The holiday table, read on first use.
pub(crate) fn holidays() -> &'static Holidays {
    static TABLE_ONCE: OnceLock<Holidays> = OnceLock::new();
    // The file is compiled in and a unit test checks it parses, so the
    // fallback (no holidays) is never used in practice.
    TABLE_ONCE.get_or_init(|| Holidays::parse(TABLE).unwrap_or_default())
}

impl Scanner<'_, '_> {
    /// A holiday's name at `i` ("Christmas", "by Labor Day", "New Year's
    /// Eve"): its next occurrence on or after the reference date.
    pub(super) fn holiday(&self, i: usize) -> Option<Pt> {
        // Holiday names start with a word; most tokens tried here are numbers.
        if !self.t.is_word(i) {
            return None;
        }
        let table = holidays();
        let candidates = table.names.get(&self.packed(i))?;
        let allowed = |row: usize| {
            self.opts.holiday_regions == 0 || table.regions[row] & self.opts.holiday_regions != 0
        };
        let (row, to) = candidates
            .iter()
            .filter(|n| allowed(n.row))
            .filter(|n| {
                n.keys
                    .iter()
                    .enumerate()
                    .all(|(k, key)| self.key(i + k) == key)
            })
            // The longest name; among equals the first row.
            .max_by_key(|n| (n.keys.len(), usize::MAX - n.row))
            .map(|n| (n.row, i + n.keys.len()))?;
        let rule = table.rules[row];
        let y = self.today.year();
        let d = (y..=y + 1)
            .filter_map(|y| rule.in_year(y))
            .find(|d| *d >= self.today)?;
        Some(self.pt(to, day_period(d), TimeKind::Date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses() {
        let h = Holidays::parse(TABLE).unwrap();
        assert!(h.rules.len() >= 25);
        assert!(h.codes.contains(&"us".to_string()));
        assert_eq!(
            h.region_mask(&["US".into()]),
            Ok(1 << h.codes.iter().position(|c| c == "us").unwrap())
        );
        assert!(
            h.region_mask(&["xx".into()])
                .unwrap_err()
                .contains("known: ")
        );
    }

    #[test]
    fn holidays_by_name() {
        super::super::check_rows(
            "2026-12-02",
            &[
                ("by Christmas", "2026-12-25"),
                ("by New Year's Day", "2027-01-01"),
                ("by Thanksgiving", "2027-11-25"),
                ("Easter", "2027-03-28"),
                ("before Independence Day", "2027-07-03"),
                ("by Labor Day", "2027-09-06"),
                ("by Memorial Day", "2027-05-31"),
                ("by Boxing Day", "2026-12-26"),
                ("by christmas eve", "2026-12-24"),
            ],
        );
    }

    #[test]
    fn regions_choose_the_calendar() {
        let h = holidays();
        let ca = TimeOptions {
            holiday_regions: h.region_mask(&["ca".into()]).unwrap(),
            ..TimeOptions::default()
        };
        assert_eq!(
            super::super::resolve_with("by Thanksgiving", "2026-12-02", &ca).as_deref(),
            Some("2027-10-11")
        );
        let gb = TimeOptions {
            holiday_regions: h.region_mask(&["gb".into()]).unwrap(),
            ..TimeOptions::default()
        };
        assert_eq!(
            super::super::resolve_with("by Thanksgiving", "2026-12-02", &gb),
            None
        );
    }

    #[test]
    fn rules_place_holidays() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            Rule::parse("11-thu-4").unwrap().in_year(2027),
            Some(d("2027-11-25"))
        );
        assert_eq!(
            Rule::parse("05-mon-last").unwrap().in_year(2027),
            Some(d("2027-05-31"))
        );
        assert_eq!(
            Rule::parse("09-mon-1").unwrap().in_year(2027),
            Some(d("2027-09-06"))
        );
        assert_eq!(
            Rule::parse("easter-2").unwrap().in_year(2027),
            Some(d("2027-03-26"))
        );
        assert_eq!(
            Rule::parse("12-25").unwrap().in_year(2026),
            Some(d("2026-12-25"))
        );
        assert_eq!(
            Rule::parse("11-thu-4 +1").unwrap().in_year(2013),
            Some(d("2013-11-29"))
        );
        assert_eq!(Rule::parse("02-30"), None);
        assert_eq!(Rule::parse("11-xyz-4"), None);
    }
}
