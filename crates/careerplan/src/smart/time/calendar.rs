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
    if !(d.value.is_finite() && d.value >= 0.0 && d.value < 10_000.0) {
        return None;
    }
    let add_days =
        |date: NaiveDate, days: f64| date.checked_add_days(chrono::Days::new(days.round() as u64));
    let add_months = |date: NaiveDate, months: f64| {
        let whole = months.trunc();
        let frac = months - whole;
        let d = date.checked_add_months(Months::new(whole as u32))?;
        add_days(d, frac * 30.0)
    };
    match d.unit {
        TimeUnit::Minute | TimeUnit::Hour => None,
        TimeUnit::Day => add_days(date, d.value.ceil()),
        TimeUnit::Week => add_days(date, d.value * 7.0),
        TimeUnit::Fortnight => add_days(date, d.value * 14.0),
        TimeUnit::Month => add_months(date, d.value),
        TimeUnit::Quarter => add_months(date, d.value * 3.0),
        TimeUnit::Half => add_months(date, d.value * 6.0),
        TimeUnit::Year => add_months(date, (d.value * 12.0).round()),
        TimeUnit::Decade => add_months(date, (d.value * 120.0).round()),
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
                let monday = today.checked_sub_days(chrono::Days::new(u64::from(
                    today.weekday().num_days_from_monday(),
                )))?;
                let start =
                    monday.checked_add_signed(chrono::Duration::days(7 * i64::from(offset)))?;
                Some(Period {
                    start,
                    end: start.checked_add_days(chrono::Days::new(6))?,
                    grain: Grain::Week,
                })
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
            TimeUnit::Fortnight | TimeUnit::Minute | TimeUnit::Hour => None,
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
}
