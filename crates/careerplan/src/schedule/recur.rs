//! Occurrences of a [`Cadence`], computed from the anchor.
//!
//! The `n`-th occurrence (`n = 0` is the anchor itself) is always computed
//! from the anchor in one step, never by adding an interval to the previous
//! occurrence, so a clamped month end never drifts:
//!
//! - **Days and weeks**: `anchor + n * every` days (weeks are 7 days).
//! - **Months and years**: move `n * every` calendar months (a year is 12
//!   months) from the anchor's month, keeping the anchor's day of the month;
//!   when that month is shorter, use its last day (**month-end clamping**).
//!   Monthly from January 31 gives February 28 (29 in a leap year), March 31,
//!   April 30, May 31: the day comes back because every occurrence starts
//!   again from the anchor's 31.
//! - **Leap day**: an anchor on February 29 recurring yearly gives February 28
//!   in common years and February 29 in leap years. A monthly cadence anchored
//!   on the 29th gives the 29th in every month but a common-year February
//!   (the 28th).
//!
//! Occurrences past the last date chrono can represent end the sequence.
//!
//! ```
//! use careerplan::plan::Cadence;
//! use careerplan::schedule::recur::nth_occurrence;
//! use chrono::NaiveDate;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let anchor = d(2027, 1, 31);
//! let dates: Vec<_> = (0..4).filter_map(|n| nth_occurrence(anchor, Cadence::Monthly, n)).collect();
//! assert_eq!(dates, [d(2027, 1, 31), d(2027, 2, 28), d(2027, 3, 31), d(2027, 4, 30)]);
//! ```

use chrono::{Datelike, Days, NaiveDate};

use crate::plan::{Cadence, CadenceUnit};

/// The cadence as a step in days or in calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// A fixed number of days.
    Days(u64),
    /// A number of calendar months.
    Months(u64),
}

impl Step {
    pub(crate) fn of(cadence: Cadence) -> Step {
        let (every, unit) = cadence.interval();
        // A zero interval cannot be parsed, but a caller may build one; one
        // unit is the only reading that does not loop forever.
        let every = u64::from(every.max(1));
        match unit {
            CadenceUnit::Days => Step::Days(every),
            CadenceUnit::Weeks => Step::Days(every * 7),
            CadenceUnit::Months => Step::Months(every),
            CadenceUnit::Years => Step::Months(every * 12),
        }
    }
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap_year(year) => 29,
        _ => 28,
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The month `months` calendar months after the anchor's, on the anchor's
/// day clamped to that month's length.
fn add_months_clamped(anchor: NaiveDate, months: u64) -> Option<NaiveDate> {
    let index = i64::from(anchor.year()) * 12 + i64::from(anchor.month0());
    let target = index.checked_add(i64::try_from(months).ok()?)?;
    let year = i32::try_from(target.div_euclid(12)).ok()?;
    // rem_euclid(12) is 0..=11, so the cast cannot truncate.
    let month = target.rem_euclid(12) as u32 + 1;
    let day = anchor.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day)
}

pub(crate) fn nth_step(anchor: NaiveDate, step: Step, n: u64) -> Option<NaiveDate> {
    match step {
        Step::Days(days) => anchor.checked_add_days(Days::new(days.checked_mul(n)?)),
        Step::Months(months) => add_months_clamped(anchor, months.checked_mul(n)?),
    }
}

/// The `n`-th occurrence of `cadence` counted from `anchor` (`n = 0` is the
/// anchor), or `None` past the representable dates.
pub fn nth_occurrence(anchor: NaiveDate, cadence: Cadence, n: u64) -> Option<NaiveDate> {
    nth_step(anchor, Step::of(cadence), n)
}

/// The index of the first occurrence on or after `date` (0 when `date` is on
/// or before the anchor).
pub(crate) fn first_index_on_or_after(anchor: NaiveDate, step: Step, date: NaiveDate) -> u64 {
    if date <= anchor {
        return 0;
    }
    match step {
        Step::Days(days) => {
            // date > anchor, so the difference is positive.
            let diff = (date - anchor).num_days() as u64;
            diff.div_ceil(days)
        }
        Step::Months(months) => {
            let month_index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
            // date > anchor, so the month difference is >= 0.
            let diff = (month_index(date) - month_index(anchor)) as u64;
            let k = diff / months;
            match nth_step(anchor, step, k) {
                Some(d) if d >= date => k,
                _ => k + 1,
            }
        }
    }
}

/// An iterator over the occurrences of a cadence from its anchor, in order.
///
/// ```
/// use careerplan::plan::Cadence;
/// use careerplan::schedule::recur::Occurrences;
/// use chrono::NaiveDate;
/// let anchor = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
/// let years: Vec<String> = Occurrences::new(anchor, Cadence::Annual)
///     .take(5).map(|d| d.to_string()).collect();
/// assert_eq!(years, ["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]);
/// ```
#[derive(Debug, Clone)]
pub struct Occurrences {
    anchor: NaiveDate,
    step: Step,
    next: u64,
}

impl Occurrences {
    /// All occurrences of `cadence` from `anchor` on.
    pub fn new(anchor: NaiveDate, cadence: Cadence) -> Occurrences {
        Occurrences {
            anchor,
            step: Step::of(cadence),
            next: 0,
        }
    }

    /// The occurrences on or after `date`.
    pub fn starting_at(anchor: NaiveDate, cadence: Cadence, date: NaiveDate) -> Occurrences {
        let step = Step::of(cadence);
        Occurrences {
            anchor,
            step,
            next: first_index_on_or_after(anchor, step, date),
        }
    }
}

impl Iterator for Occurrences {
    type Item = NaiveDate;

    fn next(&mut self) -> Option<NaiveDate> {
        let date = nth_step(self.anchor, self.step, self.next)?;
        self.next += 1;
        Some(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_end_clamps_without_drift() {
        let got: Vec<_> = Occurrences::new(d(2027, 1, 31), Cadence::Monthly)
            .take(5)
            .collect();
        assert_eq!(
            got,
            [
                d(2027, 1, 31),
                d(2027, 2, 28),
                d(2027, 3, 31),
                d(2027, 4, 30),
                d(2027, 5, 31)
            ]
        );
        let leap: Vec<_> = Occurrences::new(d(2028, 1, 31), Cadence::Monthly)
            .take(3)
            .collect();
        assert_eq!(leap[1], d(2028, 2, 29));
        let q: Vec<_> = Occurrences::new(d(2026, 11, 30), Cadence::Quarterly)
            .take(3)
            .collect();
        assert_eq!(q, [d(2026, 11, 30), d(2027, 2, 28), d(2027, 5, 30)]);
    }

    #[test]
    fn leap_day_yearly_and_every_four_years() {
        let every4 = Cadence::Every {
            every: 4,
            unit: CadenceUnit::Years,
        };
        let got: Vec<_> = Occurrences::new(d(2096, 2, 29), every4).take(3).collect();
        // 2100 is not a leap year.
        assert_eq!(got, [d(2096, 2, 29), d(2100, 2, 28), d(2104, 2, 29)]);
    }

    #[test]
    fn days_and_weeks_are_fixed_steps() {
        let six_weeks = Cadence::Every {
            every: 6,
            unit: CadenceUnit::Weeks,
        };
        assert_eq!(
            nth_occurrence(d(2026, 12, 28), six_weeks, 1),
            Some(d(2027, 2, 8))
        );
        let ten_days = Cadence::Every {
            every: 10,
            unit: CadenceUnit::Days,
        };
        assert_eq!(
            nth_occurrence(d(2026, 2, 25), ten_days, 3),
            Some(d(2026, 3, 27))
        );
    }

    #[test]
    fn first_index_finds_the_first_occurrence_on_or_after() {
        let anchor = d(2027, 1, 31);
        let step = Step::of(Cadence::Monthly);
        assert_eq!(first_index_on_or_after(anchor, step, d(2020, 1, 1)), 0);
        assert_eq!(first_index_on_or_after(anchor, step, d(2027, 2, 28)), 1);
        assert_eq!(first_index_on_or_after(anchor, step, d(2027, 3, 1)), 2);
        assert_eq!(first_index_on_or_after(anchor, step, d(2027, 3, 31)), 2);
        let weekly = Step::of(Cadence::Weekly);
        assert_eq!(first_index_on_or_after(anchor, weekly, d(2027, 2, 7)), 1);
        assert_eq!(first_index_on_or_after(anchor, weekly, d(2027, 2, 8)), 2);
    }

    #[test]
    fn the_end_of_time_ends_the_sequence() {
        assert_eq!(nth_occurrence(NaiveDate::MAX, Cadence::Monthly, 1), None);
        assert_eq!(
            nth_occurrence(d(2026, 1, 1), Cadence::Weekly, u64::MAX),
            None
        );
    }
}
