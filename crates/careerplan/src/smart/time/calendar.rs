//! Resolution to a date: calendar periods (days, weeks, months, quarters,
//! halves, seasons, years, decades) and date arithmetic, from a reference date.

use chrono::{Datelike, Months, NaiveDate};

use super::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Period {
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
    pub(super) grain: Grain,
}

pub(super) fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

pub(super) fn month_period(year: i32, month: u32) -> Option<Period> {
    Some(Period {
        start: NaiveDate::from_ymd_opt(year, month, 1)?,
        end: last_day(year, month)?,
        grain: Grain::Month,
    })
}

pub(super) fn months_period(year: i32, first: u32, last: u32, grain: Grain) -> Option<Period> {
    Some(Period {
        start: NaiveDate::from_ymd_opt(year, first, 1)?,
        end: last_day(year, last)?,
        grain,
    })
}

pub(super) fn year_period(year: i32) -> Option<Period> {
    months_period(year, 1, 12, Grain::Year)
}

pub(super) fn quarter_period(year: i32, q: u32) -> Option<Period> {
    months_period(year, q * 3 - 2, q * 3, Grain::Quarter)
}

pub(super) fn half_period(year: i32, h: u32) -> Option<Period> {
    months_period(year, h * 6 - 5, h * 6, Grain::Half)
}

pub(super) fn season_period(year: i32, last_month: u32) -> Option<Period> {
    // Winter (ending in February) of year Y runs from December Y to February Y+1.
    let (start, end) = if last_month <= 2 {
        (
            NaiveDate::from_ymd_opt(year, 12, 1)?,
            last_day(year + 1, last_month)?,
        )
    } else {
        (
            NaiveDate::from_ymd_opt(year, last_month - 2, 1)?,
            last_day(year, last_month)?,
        )
    };
    Some(Period {
        start,
        end,
        grain: Grain::Season,
    })
}

pub(super) fn day_period(d: NaiveDate) -> Period {
    Period {
        start: d,
        end: d,
        grain: Grain::Day,
    }
}

/// Add a duration to a date; `None` for clock units, for overflow, and past
/// the years a document can hold ([`date::in_document_range`]).
pub(crate) fn add_duration(date: NaiveDate, d: Duration) -> Option<NaiveDate> {
    add_duration_unbounded(date, d).filter(|&d| date::in_document_range(d))
}

pub(super) fn add_duration_unbounded(date: NaiveDate, d: Duration) -> Option<NaiveDate> {
    move_by(date, d, false)
}

/// Take a duration from a date (the mirror of [`add_duration`]); `None`
/// for clock units, for overflow and before the years a document can hold.
pub(super) fn sub_duration(date: NaiveDate, d: Duration) -> Option<NaiveDate> {
    move_by(date, d, true).filter(|&d| date::in_document_range(d))
}

/// `date` moved forward (or `back`) by `d`: days, working days, or whole
/// months (clamped to the month's end) and the fraction as 30-day parts.
fn move_by(date: NaiveDate, d: Duration, back: bool) -> Option<NaiveDate> {
    if !(d.value.is_finite() && d.value >= 0.0 && d.value < 10_000.0) {
        return None;
    }
    let days = |date: NaiveDate, days: f64| {
        let n = chrono::Days::new(days.round() as u64);
        if back {
            date.checked_sub_days(n)
        } else {
            date.checked_add_days(n)
        }
    };
    let months = |date: NaiveDate, months: f64| {
        let whole = Months::new(months.trunc() as u32);
        let d = if back {
            date.checked_sub_months(whole)
        } else {
            date.checked_add_months(whole)
        }?;
        days(d, months.fract() * 30.0)
    };
    match d.unit {
        TimeUnit::Minute | TimeUnit::Hour => None,
        TimeUnit::Day => days(date, d.value.ceil()),
        TimeUnit::BusinessDay => {
            let n = d.value.ceil() as i64;
            add_business_days(date, if back { -n } else { n })
        }
        TimeUnit::Week => days(date, d.value * 7.0),
        TimeUnit::Fortnight => days(date, d.value * 14.0),
        TimeUnit::Month => months(date, d.value),
        TimeUnit::Quarter => months(date, d.value * 3.0),
        TimeUnit::Half => months(date, d.value * 6.0),
        TimeUnit::Year => months(date, (d.value * 12.0).round()),
        TimeUnit::Decade => months(date, (d.value * 120.0).round()),
    }
}

impl Scanner<'_, '_> {
    /// The next occurrence (not yet ended) of a period built from a year.
    pub(super) fn upcoming(&self, build: impl Fn(i32) -> Option<Period>) -> Option<Period> {
        let y = self.today.year();
        (y - 1..=y + 1)
            .filter_map(&build)
            .find(|p| p.end >= self.today)
    }

    pub(super) fn unit_period(&self, unit: TimeUnit, offset: i32) -> Option<Period> {
        let today = self.today;
        let y = today.year();
        match unit {
            TimeUnit::Day => {
                let d = today.checked_add_signed(chrono::Duration::days(i64::from(offset)))?;
                Some(day_period(d))
            }
            TimeUnit::Week => {
                let first = self.week_first(today)?;
                week_from(first.checked_add_signed(chrono::Duration::days(7 * i64::from(offset)))?)
            }
            TimeUnit::Month => {
                let first = NaiveDate::from_ymd_opt(y, today.month(), 1)?;
                let first = if offset >= 0 {
                    first.checked_add_months(Months::new(offset as u32))?
                } else {
                    first.checked_sub_months(Months::new(offset.unsigned_abs()))?
                };
                month_period(first.year(), first.month())
            }
            TimeUnit::Quarter => {
                let q = (today.month() - 1) / 3 + 1;
                let idx = y * 4 + q as i32 - 1 + offset;
                quarter_period(idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
            }
            TimeUnit::Half => {
                let h = (today.month() - 1) / 6 + 1;
                let idx = y * 2 + h as i32 - 1 + offset;
                half_period(idx.div_euclid(2), (idx.rem_euclid(2) + 1) as u32)
            }
            TimeUnit::Year => year_period(y + offset),
            TimeUnit::Decade => {
                let d0 = y.div_euclid(10) * 10 + 10 * offset;
                Some(Period {
                    start: NaiveDate::from_ymd_opt(d0, 1, 1)?,
                    end: NaiveDate::from_ymd_opt(d0 + 9, 12, 31)?,
                    grain: Grain::Decade,
                })
            }
            TimeUnit::Fortnight | TimeUnit::Minute | TimeUnit::Hour | TimeUnit::BusinessDay => None,
        }
    }

    pub(super) fn dated(&self, year: Option<i32>, month: u32, day: u32) -> Option<NaiveDate> {
        match year {
            Some(y) => NaiveDate::from_ymd_opt(y, month, day),
            None => {
                let y = self.today.year();
                (y..=y + 4)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .find(|d| *d >= self.today)
            }
        }
    }

    /// Day `day` of this month, or of the next month that has it, on or
    /// after the reference date: "by the 30th".
    pub(super) fn upcoming_day(&self, day: u32) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(self.today.year(), self.today.month(), 1)?;
        (0..3)
            .filter_map(|k| first.checked_add_months(Months::new(k)))
            .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
            .find(|d| *d >= self.today)
    }

    /// The first day of the week that contains `d` (see [`WeekStart`]).
    pub(super) fn week_first(&self, d: NaiveDate) -> Option<NaiveDate> {
        let back = match self.opts.week_start {
            WeekStart::Monday => d.weekday().num_days_from_monday(),
            WeekStart::Sunday => d.weekday().num_days_from_sunday(),
        };
        d.checked_sub_days(chrono::Days::new(u64::from(back)))
    }

    /// The week that contains `d`.
    pub(super) fn week_of(&self, d: NaiveDate) -> Option<Period> {
        week_from(self.week_first(d)?)
    }

    /// Weekday `n` (1 = Monday) of the week `weeks` after the current one.
    pub(super) fn weekday_in_week(&self, base: NaiveDate, n: u32, weeks: i64) -> Option<NaiveDate> {
        let first = self.week_first(base)?;
        let into = match self.opts.week_start {
            WeekStart::Monday => i64::from(n) - 1,
            WeekStart::Sunday => i64::from(n % 7),
        };
        first.checked_add_signed(chrono::Duration::days(7 * weeks + into))
    }

    /// A two-digit year in full: the year ending in those digits that lies
    /// within 50 years before and 49 after the reference date ("79" in 2026
    /// is 1979, "27" is 2027, "76" is 2076).
    pub(super) fn full_year(&self, yy: i32) -> i32 {
        let y = self.today.year();
        let mut full = y.div_euclid(100) * 100 + yy;
        if full > y + 49 {
            full -= 100;
        } else if full < y - 50 {
            full += 100;
        }
        full
    }
}

/// The seven days from `first`.
pub(super) fn week_from(first: NaiveDate) -> Option<Period> {
    Some(Period {
        start: first,
        end: first.checked_add_days(chrono::Days::new(6))?,
        grain: Grain::Week,
    })
}

/// Weekday `n` (1 = Monday) of `period` counted from its start (`nth` 1, 2,
/// ...) or, for `nth` 0, the last one in it.
pub(super) fn nth_weekday(period: Period, n: u32, nth: u32) -> Option<NaiveDate> {
    let first = period.start;
    let ahead = (i64::from(n) - i64::from(first.weekday().number_from_monday())).rem_euclid(7);
    let d = if nth == 0 {
        let last = period.end;
        let back = (i64::from(last.weekday().number_from_monday()) - i64::from(n)).rem_euclid(7);
        last.checked_sub_signed(chrono::Duration::days(back))?
    } else {
        first.checked_add_signed(chrono::Duration::days(ahead + 7 * (i64::from(nth) - 1)))?
    };
    (d >= period.start && d <= period.end).then_some(d)
}

/// Whether `d` is a working day (Monday to Friday).
pub(super) fn is_business_day(d: NaiveDate) -> bool {
    d.weekday().number_from_monday() <= 5
}

/// `n` working days after (or, negative, before) `d`, weekends skipped:
/// whole weeks of five at once, then day by day (fewer than five steps).
pub(super) fn add_business_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n == 0 {
        return Some(d);
    }
    if n.abs() > 10_000_000 {
        return None;
    }
    let step = n.signum();
    // From a weekend, counting forward starts as from the Friday before,
    // counting back as from the Monday after.
    let mut d = d;
    while !is_business_day(d) {
        d = d.checked_add_signed(chrono::Duration::days(-step))?;
    }
    d = d.checked_add_signed(chrono::Duration::weeks(n / 5))?;
    let mut left = (n % 5).abs();
    while left > 0 {
        d = d.checked_add_signed(chrono::Duration::days(step))?;
        if is_business_day(d) {
            left -= 1;
        }
    }
    Some(d)
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// Gregorian computus of Meeus, Jones and Butcher).
pub(super) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// ISO 8601 week `w` of `year` (weeks start on Monday; week 1 holds the
/// year's first Thursday).
pub(super) fn iso_week(year: i32, w: u32) -> Option<Period> {
    let first = NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)?;
    week_from(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_sundays() {
        for (y, want) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (1818, "1818-03-22"),
        ] {
            assert_eq!(easter(y), Some(d(want)), "{y}");
        }
    }

    #[test]
    fn nth_and_last_weekdays() {
        let june = month_period(2027, 6).unwrap();
        assert_eq!(nth_weekday(june, 5, 0), Some(d("2027-06-25")));
        assert_eq!(nth_weekday(june, 5, 1), Some(d("2027-06-04")));
        assert_eq!(nth_weekday(june, 2, 1), Some(d("2027-06-01")));
        assert_eq!(nth_weekday(june, 5, 5), None);
        let nov = month_period(2026, 11).unwrap();
        assert_eq!(
            nth_weekday(nov, 4, 4),
            Some(d("2026-11-26")),
            "Thanksgiving"
        );
    }

    #[test]
    fn business_days_in_weeks_match_day_by_day() {
        fn slow(d: NaiveDate, n: i64) -> NaiveDate {
            let mut d = d;
            let mut left = n.abs();
            while left > 0 {
                d += chrono::Duration::days(n.signum());
                if is_business_day(d) {
                    left -= 1;
                }
            }
            d
        }
        let start = d("2026-11-28");
        for offset in 0..14 {
            let from = start + chrono::Duration::days(offset);
            for n in -23..=23 {
                assert_eq!(
                    add_business_days(from, n),
                    Some(slow(from, n)),
                    "{from} {n}"
                );
            }
        }
    }

    #[test]
    fn business_days_skip_weekends() {
        assert_eq!(add_business_days(d("2018-08-21"), 4), Some(d("2018-08-27")));
        assert_eq!(add_business_days(d("2026-12-04"), 1), Some(d("2026-12-07")));
        assert_eq!(
            add_business_days(d("2026-12-07"), -1),
            Some(d("2026-12-04"))
        );
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(2027, 3).unwrap().end, d("2027-01-24"));
        assert_eq!(iso_week(2018, 31).unwrap().end, d("2018-08-05"));
    }
}
