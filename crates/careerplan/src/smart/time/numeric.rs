//! Numeric dates and years: ISO dates, 30/06/2027, 6/30/27, years and year ranges.

use chrono::{Datelike, NaiveDate};

use super::*;

/// One part of a numeric date.
#[derive(Debug, Clone, Copy)]
enum Part {
    None,
    /// A number and its count of digits.
    Num(u32, u8),
    /// A month name.
    Month(u32),
}

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
        if let Some(y) = self.dated_year_at(i) {
            return Some(y);
        }
        if self.is_any(i, kws!["of", ",", "in"])
            && let Some(y) = self.dated_year_at(i + 1)
        {
            return Some(y);
        }
        // "q1-2019", "Q3/2027"
        if self.is_any(i, kws!["-", "/"])
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

    /// A year where a date has been read already (after a month or a day):
    /// any four-digit year from 1000, 'yy, or a year in words ("nineteen
    /// eighty six", "two thousand and eighteen").
    pub(super) fn dated_year_at(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some(y);
        }
        let t = self.t;
        if t.is_num(i) && !t.toks[i].formatted && t.toks[i].int_digits == 4 {
            let y = t.toks[i].value as i32;
            return (1000..=2999).contains(&y).then_some((y, i + 1));
        }
        self.year_words(i)
    }

    /// A year written in words: "nineteen ninety six", "twenty twenty-eight",
    /// "nineteen zero one", "two thousand and fifteen", "seventeen hundred
    /// thirty three".
    pub(super) fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t;
        let a = number_at(t, self.lex, i)?;
        if !a.words || a.value.fract() != 0.0 {
            return None;
        }
        let v = a.value as i32;
        if (1000..=2999).contains(&v) {
            // "two thousand steps" counts steps: a year ends the phrase.
            let e = a.end;
            let ends = !t.is_word(e)
                || self.prep_at(e).is_some()
                || self.is_any(e, kws!["and", "or", "to", "through", "until", "till"]);
            return ends.then_some((v, e));
        }
        if !(10..=29).contains(&v) {
            return None;
        }
        // "nineteen oh one", "nineteen zero one"
        if self.is_any(a.end, kws!["oh", "zero", "o"])
            && let Some(b) = number_at(t, self.lex, a.end + 1)
            && b.words
            && (1.0..=9.0).contains(&b.value)
        {
            return Some((v * 100 + b.value as i32, b.end));
        }
        let b = number_at(t, self.lex, a.end)?;
        (b.words && b.value.fract() == 0.0 && (10.0..=99.0).contains(&b.value))
            .then_some((v * 100 + b.value as i32, b.end))
    }

    /// A bare year where a date can stand: any four-digit year from 1000,
    /// "year 2008", "the year 2019", "calendar year 2008", "CY 2008", "FY
    /// 2027" (fiscal years are read as calendar years), a year in words.
    pub(super) fn bare_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = usize::from(self.is(i, kw!("the"))) + i;
        let k = if self.is(j, kw!("calendar")) && self.is(j + 1, kw!("year")) {
            j + 2
        } else if self.is_any(j, kws!["year", "cy"]) {
            j + 1
        } else {
            // "the 2027 intake": a year before a noun names that year.
            if let Some(y) = self.year_or_range_at(j) {
                return Some(y);
            }
            return self.dated_year_at(i);
        };
        let t = self.t;
        if t.is_num(k) && !t.toks[k].formatted && (1..=4).contains(&t.toks[k].int_digits) {
            let y = t.toks[k].value as i32;
            return (1..=9999).contains(&y).then_some((y, k + 1));
        }
        let n = number_at(t, self.lex, k)?;
        if n.words
            && n.value.fract() == 0.0
            && (1.0..=9999.0).contains(&n.value)
            && n.value >= 100.0
        {
            return Some((n.value as i32, n.end));
        }
        self.year_words(k)
    }

    /// A numeric date, or a date of numbers and a month name joined by `-`,
    /// `/` or `.`: "2027-04-30", "30/06/2027", "6/30/27", "4/20" (with
    /// `partial_ok`), "2028-05", "11/2016", "24/Dec/1979", "05-aug-2016",
    /// "2019/aug/01", "Oct-2", "20161016" (with `partial_ok`). A date that
    /// reads as no day of the calendar ("2027-02-30") is a
    /// [`TimeKind::ImpossibleDate`].
    pub(super) fn numeric_date(&self, i: usize, partial_ok: bool) -> Option<Pt> {
        let t = self.t;
        // "2016 10 16": a year, month and day with spaces.
        if partial_ok
            && t.is_num(i)
            && t.toks[i].int_digits == 4
            && !t.joined(i + 1)
            && t.is_num(i + 1)
            && !t.joined(i + 2)
            && t.is_num(i + 2)
            && t.toks[i + 1].int_digits <= 2
            && t.toks[i + 2].int_digits <= 2
            && !(t.toks[i].formatted || t.toks[i + 1].formatted || t.toks[i + 2].formatted)
            && self.fragment_end(i + 3)
        {
            let v = |k: usize| t.toks[k].value as u32;
            let mut p = self.ymd(v(i) as i32, v(i + 1), v(i + 2), i + 3)?;
            p.explicit_year = true;
            return Some(p);
        }
        // "20161016": eight digits, year first.
        if partial_ok && t.is_num(i) && !t.toks[i].formatted && t.toks[i].int_digits == 8 {
            let v = t.toks[i].value as i64;
            let (y, m, d) = (
                (v / 10_000) as i32,
                (v / 100 % 100) as u32,
                (v % 100) as u32,
            );
            if (1000..=2999).contains(&y) {
                let mut p = self.ymd(y, m, d, i + 1)?;
                p.explicit_year = true;
                return Some(p);
            }
            return None;
        }
        if partial_ok && let Some(p) = self.decimal_date(i) {
            return Some(p);
        }
        let mut parts: [Part; 3] = [Part::None; 3];
        let mut n = 0;
        let mut k = i;
        let mut sep: Option<Key> = None;
        let mut spaced = false;
        while n < 3 {
            let part = self.date_part(k)?;
            parts[n] = part.0;
            n += 1;
            k = part.1;
            // The separator: joined on both sides, or spaced around a number ("2016 - 11").
            let s = t.toks.get(k).map(|x| x.packed);
            let Some(s) = s.filter(|s| s.is_in(kws!["-", "/", "."])) else {
                break;
            };
            if sep.is_some_and(|x| x != s) {
                break;
            }
            let tight = t.joined(k) && t.joined(k + 1);
            let spaced_ok = n == 1 && s != kw!(".") && matches!(parts[0], Part::Num(..));
            if !(tight || spaced_ok) {
                break;
            }
            if n == 3 || self.date_part(k + 1).is_none() {
                break;
            }
            // "2016 - 11" is a year and a month, never the start of three parts.
            spaced |= !tight;
            if spaced && n == 2 {
                break;
            }
            sep = Some(s);
            k += 1;
        }
        if n < 2 {
            return None;
        }
        let sep = sep?;
        let parts = &parts[..n];
        let months: Vec<(usize, u32)> = parts
            .iter()
            .enumerate()
            .filter_map(|(x, p)| match p {
                Part::Month(m) => Some((x, *m)),
                _ => None,
            })
            .collect();
        let num = |x: usize| match parts[x] {
            Part::Num(v, d) => Some((v, d)),
            _ => None,
        };
        if months.len() > 1 {
            return None;
        }
        if let Some(&(mx, month)) = months.first() {
            let nums: Vec<(u32, u8)> = (0..n).filter(|&x| x != mx).filter_map(num).collect();
            return match nums.as_slice() {
                [(v, 4)] => {
                    let mut p = self.pt(k, month_period(*v as i32, month)?, TimeKind::Period);
                    p.explicit_year = true;
                    Some(p)
                }
                [(d, _)] if (1..=31).contains(d) => {
                    let d0 = self.dated(None, month, *d);
                    match d0 {
                        Some(date) => Some(self.pt(k, day_period(date), TimeKind::Date)),
                        None => Some(self.impossible(k)),
                    }
                }
                [(a, da), (b, db)] => {
                    let (day, year) = if *da == 4 {
                        (*b, *a as i32)
                    } else if *db == 4 {
                        (*a, *b as i32)
                    } else if *db == 2 && (1..=31).contains(a) {
                        (*a, self.full_year(*b as i32))
                    } else {
                        return None;
                    };
                    let mut p = self.ymd(year, month, day, k)?;
                    p.explicit_year = true;
                    Some(p)
                }
                _ => None,
            };
        }
        let (a, da) = num(0)?;
        let (b, db) = num(1)?;
        if n == 3 {
            let (c, dc) = num(2)?;
            if da == 4 {
                // ISO order: year, month, day.
                if db > 2 || dc > 2 {
                    return None;
                }
                let mut p = self.ymd(a as i32, b, c, k)?;
                p.explicit_year = true;
                return Some(p);
            }
            if da > 2 || db > 2 {
                return None;
            }
            let year = match dc {
                4 => c as i32,
                2 => self.full_year(c as i32),
                _ => return None,
            };
            let mut p = self.day_month(a, b, Some(year), k)?;
            p.explicit_year = true;
            return Some(p);
        }
        // Two numbers: a year and a month ("2028-05", "11/2016", "2015/3"), or a day and a month.
        if da == 4 && db <= 2 && (1..=12).contains(&b) {
            let mut p = self.pt(k, month_period(a as i32, b)?, TimeKind::Period);
            p.explicit_year = true;
            return Some(p);
        }
        if db == 4 && da <= 2 && (1..=12).contains(&a) {
            let mut p = self.pt(k, month_period(b as i32, a)?, TimeKind::Period);
            p.explicit_year = true;
            return Some(p);
        }
        if da > 2 || db > 2 || !partial_ok || sep == kw!(".") {
            return None;
        }
        // "6-9 months" is a range of months, not a date.
        if self.unit_at(k).is_some() || (sep == kw!("-") && self.t.is_num(k)) {
            return None;
        }
        // "08/12, 2015": a year after the day and month.
        if self.is(k, kw!(","))
            && let Some((y, to)) = self.year_at(k + 1)
        {
            let mut p = self.day_month(a, b, Some(y), to)?;
            p.explicit_year = true;
            return Some(p);
        }
        self.day_month(a, b, None, k)
    }

    /// "7.6", "4.22", "2015.3": a day and month, or a year and month, that the
    /// tokenizer read as one decimal number (only where a date can stand).
    fn decimal_date(&self, i: usize) -> Option<Pt> {
        let t = self.t;
        if !t.is_num(i) || !t.toks[i].formatted {
            return None;
        }
        let (a, b) = t.slice(i, i + 1).split_once('.')?;
        let digits =
            |x: &str| !x.is_empty() && x.len() <= 4 && x.bytes().all(|c| c.is_ascii_digit());
        if !digits(a) || !digits(b) || b.len() > 2 || self.unit_at(i + 1).is_some() {
            return None;
        }
        let (x, y) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
        if a.len() == 4 {
            let mut p = self.pt(i + 1, month_period(x as i32, y)?, TimeKind::Period);
            p.explicit_year = true;
            return Some(p);
        }
        if a.len() > 2 {
            return None;
        }
        self.day_month(x, y, None, i + 1)
    }

    /// One part of a numeric date at `k`: a number of at most four digits
    /// (no separators or decimals) or a month name.
    fn date_part(&self, k: usize) -> Option<(Part, usize)> {
        let t = self.t;
        if t.is_num(k) && !t.toks[k].formatted && t.toks[k].int_digits <= 4 {
            return Some((
                Part::Num(t.toks[k].value as u32, t.toks[k].int_digits),
                k + 1,
            ));
        }
        let (m, e) = self.month_at(k, false)?;
        // "Oct." inside "Oct.2" keeps its dot only when a number does not follow it.
        Some((Part::Month(m), e))
    }

    /// The day `y`-`m`-`d`, or an impossible date when each part is in range.
    fn ymd(&self, y: i32, m: u32, d: u32, to: usize) -> Option<Pt> {
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => Some(self.pt(to, day_period(date), TimeKind::Date)),
            None if (1..=12).contains(&m) && (1..=31).contains(&d) => Some(self.impossible(to)),
            None => None,
        }
    }

    /// A date that names no day of the calendar.
    pub(super) fn impossible(&self, to: usize) -> Pt {
        self.pt(to, day_period(self.today), TimeKind::ImpossibleDate)
    }

    /// `x`/`y` read as day and month in the configured order, with the other
    /// reading as the alternative; without a year, the next such day.
    fn day_month(&self, x: u32, y: u32, year: Option<i32>, to: usize) -> Option<Pt> {
        let build = |day: u32, month: u32| -> Option<NaiveDate> {
            match year {
                None => self.dated(None, month, day),
                Some(yr) => NaiveDate::from_ymd_opt(yr, month, day),
            }
        };
        let in_range = |day: u32, month: u32| (1..=31).contains(&day) && (1..=12).contains(&month);
        let dmy = build(x, y);
        let mdy = build(y, x);
        let (chosen, other) = match (dmy, mdy, self.opts.numeric_date_order) {
            (Some(d), Some(m), _) if d == m => (d, None),
            (Some(d), Some(m), DateOrder::DayFirst) => (d, Some(m)),
            (Some(d), Some(m), DateOrder::MonthFirst) => (m, Some(d)),
            (Some(d), None, _) => (d, None),
            (None, Some(m), _) => (m, None),
            (None, None, _) if in_range(x, y) || in_range(y, x) => {
                return Some(self.impossible(to));
            }
            (None, None, _) => return None,
        };
        let mut p = self.pt(to, day_period(chosen), TimeKind::Date);
        p.alt = other;
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_rows;

    #[test]
    fn numeric_dates() {
        // Said on Wednesday 2026-12-02; day first unless only month first reads.
        check_rows(
            "2026-12-02",
            &[
                ("by 4/20", "2027-04-20"),
                ("4-20", "2027-04-20"),
                ("4 / 20", "2027-04-20"),
                ("by 12/24/79", "1979-12-24"),
                ("24/Dec/1979", "1979-12-24"),
                ("2028-05", "2028-05-31"),
                ("2028/05", "2028-05-31"),
                ("05/2028", "2028-05-31"),
                ("by 2027-04-30", "2027-04-30"),
                ("05-aug-2027", "2027-08-05"),
                ("2027/aug/01", "2027-08-01"),
                ("Oct-2", "2027-10-02"),
                ("dec-2027", "2027-12-31"),
                ("20270316", "2027-03-16"),
                ("2027 03 16", "2027-03-16"),
                ("by 03/04/2027", "2027-04-03"),
                ("by 2027-02-30", "impossible"),
                ("30/02/2027", "impossible"),
                ("4.22", "2027-04-22"),
                ("by 15/06, 2027", "2027-06-15"),
            ],
        );
    }

    #[test]
    fn years() {
        check_rows(
            "2026-12-02",
            &[
                ("by twenty twenty-eight", "2028-12-31"),
                ("in two thousand and thirty", "2030-12-31"),
                ("May 5th, nineteen ninety six", "1996-05-05"),
                ("the year 2029", "2029-12-31"),
                ("calendar year 2028", "2028-12-31"),
                ("1998", "1998-12-31"),
                ("by 2027/28", "2028-12-31"),
            ],
        );
    }
}
