//! Numeric dates and years: ISO dates, 30/06/2027, 6/30/27, years and year ranges.

use chrono::{Datelike, NaiveDate};

use super::*;

impl Scanner<'_, '_> {
    /// A four-digit year (1900-2199) or 'yy.
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t;
        if t.is_num(i) && !t.toks[i].formatted && t.toks[i].int_digits == 4 {
            let y = t.toks[i].value as i32;
            if (1900..=2199).contains(&y)
                && !(self.is(i + 1, kw!("-"))
                    && t.joined(i + 1)
                    && t.is_num(i + 2)
                    && t.toks[i + 2].int_digits <= 2
                    && self.is(i + 3, kw!("-")))
            {
                return Some((y, i + 1));
            }
        }
        if self.is(i, kw!("'"))
            && t.is_num(i + 1)
            && t.joined(i + 1)
            && t.toks[i + 1].int_digits == 2
            && !t.toks[i + 1].formatted
        {
            return Some((2000 + t.toks[i + 1].value as i32, i + 2));
        }
        None
    }

    /// A year, or a year range "2027-2028" / "2027/28" (its later year).
    pub(super) fn year_or_range_at(&self, i: usize) -> Option<(i32, usize)> {
        let (y, e) = self.year_at(i)?;
        if self.is_any(e, kws!["-", "/"]) && self.t.joined(e) && self.t.joined(e + 1) {
            if let Some((y2, e2)) = self.year_at(e + 1)
                && y2 > y
                && y2 - y <= 10
            {
                return Some((y2, e2));
            }
            let t = self.t;
            if t.is_num(e + 1) && t.toks[e + 1].int_digits == 2 {
                let y2 = y / 100 * 100 + t.toks[e + 1].value as i32;
                if y2 > y && y2 - y <= 10 {
                    return Some((y2, e + 2));
                }
            }
        }
        Some((y, e))
    }

    /// An optional year after a month, quarter, half or season: "2027", "of 2027", "'27", ", 2027".
    pub(super) fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some(y);
        }
        if self.is_any(i, kws!["of", ","])
            && let Some(y) = self.year_at(i + 1)
        {
            return Some(y);
        }
        if self.is(i, kw!("of"))
            && self.is_any(i + 1, kws!["this", "next"])
            && self.is(i + 2, kw!("year"))
        {
            let y = self.today.year() + i32::from(self.is(i + 1, kw!("next")));
            return Some((y, i + 3));
        }
        if self.is(i, kw!("of")) && self.is(i + 1, kw!("the")) && self.is(i + 2, kw!("year")) {
            return Some((self.today.year(), i + 3));
        }
        // "January next year", "June this year"
        if self.is_any(i, kws!["this", "next"]) && self.is(i + 1, kw!("year")) {
            let y = self.today.year() + i32::from(self.is(i, kw!("next")));
            return Some((y, i + 2));
        }
        None
    }

    pub(super) fn numeric_date(&self, i: usize, partial_ok: bool) -> Option<Pt> {
        let t = self.t;
        if !t.is_num(i) || t.toks[i].formatted {
            return None;
        }
        let sep = t.toks.get(i + 1)?.packed;
        if !sep.is_in(kws!["-", "/", "."])
            || !t.joined(i + 1)
            || !t.is_num(i + 2)
            || !t.joined(i + 2)
        {
            return None;
        }
        let a = &t.toks[i];
        let b = &t.toks[i + 2];
        if b.formatted {
            return None;
        }
        let third = self.is(i + 3, sep)
            && t.joined(i + 3)
            && t.is_num(i + 4)
            && t.joined(i + 4)
            && !t.toks[i + 4].formatted;
        if a.int_digits == 4 {
            // ISO order: year, month, day.
            if !third {
                return None;
            }
            let c = &t.toks[i + 4];
            let d = NaiveDate::from_ymd_opt(a.value as i32, b.value as u32, c.value as u32)?;
            return Some(self.pt(i + 5, day_period(d), TimeKind::Date));
        }
        if a.int_digits > 2 || b.int_digits > 2 {
            return None;
        }
        let (x, y) = (a.value as u32, b.value as u32);
        let (year, to) = if third {
            let c = &t.toks[i + 4];
            match c.int_digits {
                4 => (c.value as i32, i + 5),
                2 => (2000 + c.value as i32, i + 5),
                _ => return None,
            }
        } else {
            if !partial_ok || sep != kw!("/") {
                return None;
            }
            (0, i + 3)
        };
        let build = |day: u32, month: u32| -> Option<NaiveDate> {
            if year == 0 {
                let this = NaiveDate::from_ymd_opt(self.today.year(), month, day);
                match this {
                    Some(d) if d >= self.today => Some(d),
                    _ => NaiveDate::from_ymd_opt(self.today.year() + 1, month, day),
                }
            } else {
                NaiveDate::from_ymd_opt(year, month, day)
            }
        };
        let dmy = build(x, y);
        let mdy = build(y, x);
        let (chosen, other) = match (dmy, mdy, self.order) {
            (Some(d), Some(m), _) if d == m => (d, None),
            (Some(d), Some(m), DateOrder::DayFirst) => (d, Some(m)),
            (Some(d), Some(m), DateOrder::MonthFirst) => (m, Some(d)),
            (Some(d), None, _) => (d, None),
            (None, Some(m), _) => (m, None),
            (None, None, _) => return None,
        };
        let mut p = self.pt(to, day_period(chosen), TimeKind::Date);
        p.alt = other;
        Some(p)
    }
}
