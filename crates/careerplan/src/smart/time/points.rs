//! Points in time: written dates, weekdays, today and tomorrow, and the
//! entry point that tries every point form.

use chrono::{Datelike, Months, NaiveDate};

use super::*;

impl Scanner<'_, '_> {
    /// A point in time: a date, a period, a period edge. `ctx` is true after a
    /// preposition, where a bare month, year or weekday can stand.
    pub(super) fn point_at(&self, i: usize, ctx: bool) -> Option<Result<Pt, usize>> {
        if i >= self.t.len() {
            return None;
        }
        if let Some(r) = self.edge_of(i) {
            return Some(r);
        }
        if self.is(i, kw!("the")) && self.is(i + 1, kw!("weekend")) {
            return Some(Ok(self.pt(
                i + 2,
                self.unit_period(TimeUnit::Week, 0)?,
                TimeKind::Period,
            )));
        }
        let relative = self.relative_day(i);
        if let Some(p) = relative.filter(|p| p.kind == TimeKind::Relative) {
            return Some(Ok(p));
        }
        if let Some(p) = self.first_part_of(i) {
            return Some(Ok(p));
        }
        // The simple forms, first match wins. Tests in a row rather than an
        // `or_else` chain, which at opt-level "z" is a call per link, each
        // copying the candidate.
        if let Some(p) = self.numeric_date(i, ctx) {
            return Some(Ok(p));
        }
        if let Some(p) = self.period_end_word(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.quarter_or_half(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.fiscal_year(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.deictic(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.written_date(i, ctx) {
            return Some(Ok(p));
        }
        if let Some(p) = self.holiday(i) {
            return Some(Ok(p));
        }
        if let Some(p) = relative {
            return Some(Ok(p));
        }
        if ctx {
            let j = if self.is(i, kw!("the")) { i + 1 } else { i };
            if let Some(p) = self.season(j).or_else(|| self.weekday(i, 0)) {
                return Some(Ok(p));
            }
            if let Some((y, to)) = self.year_or_range_at(i) {
                return Some(Ok(self.pt(to, year_period(y)?, TimeKind::Period)));
            }
            if self.is(i, kw!("the"))
                && self.is(i + 1, kw!("year"))
                && self.is(i + 2, kw!("after"))
                && self.is(i + 3, kw!("next"))
            {
                return Some(Ok(self.pt(
                    i + 4,
                    year_period(self.today.year() + 2)?,
                    TimeKind::Period,
                )));
            }
        }
        None
    }

    /// "March 15, 2027", "March 15th", "15 March 2027", "the 15th of March", "June 2027", "June".
    pub(super) fn written_date(&self, i: usize, ctx: bool) -> Option<Pt> {
        // Month first.
        if let Some((month, e)) = self.month_at(i, !ctx) {
            if let Some((day, e2)) = self.day_number(e)
                && !(self.t.is_num(e) && self.t.toks[e].int_digits == 4)
            {
                let (year, to) = match self.trailing_year(e2) {
                    Some((y, to)) => (Some(y), to),
                    None => (None, e2),
                };
                // "March 5 people": a bare day after a month with no year needs context or a comma.
                if year.is_some() || ctx || self.t.is_boundary(to) {
                    let d = self.dated(year, month, day)?;
                    return Some(self.pt(to, day_period(d), TimeKind::Date));
                }
            }
            if let Some((y, to)) = self.trailing_year(e) {
                return month_period(y, month).map(|p| self.pt(to, p, TimeKind::Period));
            }
            if ctx {
                let p = self.upcoming(|y| month_period(y, month))?;
                return Some(self.pt(e, p, TimeKind::Period));
            }
            return None;
        }
        // Day first.
        let mut j = i;
        if self.is(j, kw!("the")) {
            j += 1;
        }
        let (day, e) = self.day_number(j)?;
        let e = if self.is(e, kw!("of")) { e + 1 } else { e };
        let Some((month, e2)) = self.month_at(e, false) else {
            // "by the 30th": that day of this month, or of the next one.
            if ctx && j > i && ordinal_at(self.t, self.lex, j).is_some() && !self.t.is_word(e) {
                let first = NaiveDate::from_ymd_opt(self.today.year(), self.today.month(), 1)?;
                let d = (0..3)
                    .filter_map(|k| first.checked_add_months(Months::new(k)))
                    .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
                    .find(|d| *d >= self.today)?;
                return Some(self.pt(e, day_period(d), TimeKind::Date));
            }
            return None;
        };
        let (year, to) = match self.trailing_year(e2) {
            Some((y, to)) => (Some(y), to),
            None => (None, e2),
        };
        if year.is_none() && !ctx && j == i {
            return None;
        }
        let d = self.dated(year, month, day)?;
        Some(self.pt(to, day_period(d), TimeKind::Date))
    }

    pub(super) fn weekday(&self, i: usize, offset: i32) -> Option<Pt> {
        let (e, cat) = self.m.longest(i, |c| matches!(c, Cat::Weekday(_)))?;
        let Cat::Weekday(n) = cat else { return None };
        let today_n = self.today.weekday().number_from_monday() as i64;
        let mut ahead = (i64::from(n) - today_n).rem_euclid(7);
        if offset > 0 && ahead == 0 {
            ahead = 7;
        }
        if offset < 0 {
            let back = (today_n - i64::from(n)).rem_euclid(7);
            let back = if back == 0 { 7 } else { back };
            let d = self
                .today
                .checked_sub_signed(chrono::Duration::days(back))?;
            return Some(self.pt(e, day_period(d), TimeKind::Past));
        }
        let d = self
            .today
            .checked_add_signed(chrono::Duration::days(ahead))?;
        Some(self.pt(e, day_period(d), TimeKind::Date))
    }

    pub(super) fn relative_day(&self, i: usize) -> Option<Pt> {
        // "this time next year": a year from the reference date.
        if self.is(i, kw!("this")) && self.is(i + 1, kw!("time")) && self.is(i + 2, kw!("next")) {
            let (u, e) = self.unit_at(i + 3)?;
            let d = add_duration(
                self.today,
                Duration {
                    value: 1.0,
                    unit: u,
                },
            )?;
            return Some(self.pt(e, day_period(d), TimeKind::Relative));
        }
        let k = self.packed(i);
        let (offset, to) = if k.is_in(kws!["today", "tonight"]) {
            (0, i + 1)
        } else if k == kw!("tomorrow") {
            (1, i + 1)
        } else if k == kw!("the")
            && self.is(i + 1, kw!("day"))
            && self.is(i + 2, kw!("after"))
            && self.is(i + 3, kw!("tomorrow"))
        {
            (2, i + 4)
        } else {
            return None;
        };
        let d = self.today.checked_add_days(chrono::Days::new(offset))?;
        Some(self.pt(to, day_period(d), TimeKind::Date))
    }
}
