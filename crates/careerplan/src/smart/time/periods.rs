//! Periods: quarters, halves, seasons, fiscal years, this/next/last
//! periods, period ends and edges ("the end of", "early", "mid").

use chrono::{Datelike, NaiveDate};

use super::*;

impl Scanner<'_, '_> {
    /// Q3, Q3 2027, Q3'27, Q4 FY27, 29q2, 2029Q2, H2 2027, the third
    /// quarter of 2027, the 2nd qtr, the second half of next year.
    pub(super) fn quarter_or_half(&self, i: usize) -> Option<Pt> {
        let t = self.t;
        let letter = |k: usize| -> Option<(Grain, u32, usize)> {
            if !(self.is_any(k, kws!["q", "h"])
                && t.is_num(k + 1)
                && t.joined(k + 1)
                && !t.toks[k + 1].formatted)
            {
                return None;
            }
            let n = t.toks[k + 1].value as u32;
            let (grain, max) = if self.is(k, kw!("q")) {
                (Grain::Quarter, 4)
            } else {
                (Grain::Half, 2)
            };
            (1..=max).contains(&n).then_some((grain, n, k + 2))
        };
        let build = |grain: Grain, n: u32, y: i32| {
            if grain == Grain::Quarter {
                quarter_period(y, n)
            } else {
                half_period(y, n)
            }
        };
        // "29q2", "2029Q2": the year first, joined.
        if t.is_num(i)
            && !t.toks[i].formatted
            && matches!(t.toks[i].int_digits, 2 | 4)
            && t.joined(i + 1)
            && let Some((grain, n, e)) = letter(i + 1)
        {
            let v = t.toks[i].value as i32;
            let y = if t.toks[i].int_digits == 2 {
                self.full_year(v)
            } else {
                v
            };
            return Some(self.pt(e, build(grain, n, y)?, TimeKind::Period));
        }
        let (grain, n, e) = if let Some(found) = letter(i) {
            found
        } else {
            let j = if self.is(i, kw!("the")) { i + 1 } else { i };
            let (n, e) = self.ordinal_word(j)?;
            // "last quarter" is the previous one (`deictic`); "the last quarter" the fourth.
            if n == 0 && j == i {
                return None;
            }
            match self.unit_at(e) {
                Some((TimeUnit::Quarter, e2)) if n <= 4 && !self.plural(e) => {
                    (Grain::Quarter, if n == 0 { 4 } else { n }, e2)
                }
                Some((TimeUnit::Half, e2)) if n <= 2 && !self.plural(e) => {
                    (Grain::Half, if n == 0 { 2 } else { n }, e2)
                }
                _ if self.is(e, kw!("half")) && n <= 2 => {
                    (Grain::Half, if n == 0 { 2 } else { n }, e + 1)
                }
                _ => return None,
            }
        };
        let fy = |k: usize| -> Option<(i32, usize)> {
            let k = k + usize::from(self.is(k, kw!("of")));
            if self.is(k, kw!("fy")) && t.is_num(k + 1) && t.joined(k + 1) {
                let v = t.toks[k + 1].value as i32;
                return match t.toks[k + 1].int_digits {
                    2 => Some((self.full_year(v), k + 2)),
                    4 => Some((v, k + 2)),
                    _ => None,
                };
            }
            None
        };
        if let Some((y, to)) = self.trailing_year(e).or_else(|| fy(e)) {
            return Some(self.pt(to, build(grain, n, y)?, TimeKind::Period));
        }
        let p = self.upcoming(|y| build(grain, n, y))?;
        Some(self.pt(e, p, TimeKind::Period))
    }

    /// A year then what it holds: "2016 Q3", "2017-q1", "2016 the third
    /// quarter", "2016 June", "2016, Nov", "2016-11" is numeric (see
    /// `numeric_date`).
    pub(super) fn year_first(&self, i: usize) -> Option<Pt> {
        let (y, e) = self.year_at(i)?;
        let k = if self.is_any(e, kws![",", "-", "/"]) {
            e + 1
        } else {
            e
        };
        if let Some((month, e2)) = self.month_at(k, false)
            && !self.t.is_num(e2)
        {
            let p = month_period(y, month)?;
            return Some(self.pt(e2, p, TimeKind::Period));
        }
        let t = self.t;
        let j = if self.is(k, kw!("the")) { k + 1 } else { k };
        let (grain, n, e2) = if self.is_any(k, kws!["q", "h"]) && t.is_num(k + 1) && t.joined(k + 1)
        {
            let n = t.toks[k + 1].value as u32;
            let grain = if self.is(k, kw!("q")) {
                Grain::Quarter
            } else {
                Grain::Half
            };
            (grain, n, k + 2)
        } else {
            let (n, e2) = self.ordinal_word(j)?;
            match self.unit_at(e2) {
                Some((TimeUnit::Quarter, e3)) => (Grain::Quarter, n, e3),
                Some((TimeUnit::Half, e3)) => (Grain::Half, n, e3),
                _ => return None,
            }
        };
        let p = match grain {
            Grain::Quarter if (1..=4).contains(&n) => quarter_period(y, n)?,
            Grain::Half if (1..=2).contains(&n) => half_period(y, n)?,
            _ => return None,
        };
        Some(self.pt(e2, p, TimeKind::Period))
    }

    /// Decades: "the 1990s", "1990 s", "the 1970's", "the nineteen
    /// seventies", "the twenty-tens", "the two thousands", "the noughties".
    pub(super) fn decade(&self, i: usize) -> Option<Pt> {
        let t = self.t;
        let j = usize::from(self.is(i, kw!("the"))) + i;
        let decade = |d0: i32| -> Option<Period> {
            Some(Period {
                start: NaiveDate::from_ymd_opt(d0, 1, 1)?,
                end: NaiveDate::from_ymd_opt(d0 + 9, 12, 31)?,
                grain: Grain::Decade,
            })
        };
        // "1990s", "1990 s", "1970's"
        if t.is_num(j) && !t.toks[j].formatted && t.toks[j].int_digits == 4 {
            let y = t.toks[j].value as i32;
            let e = if self.is(j + 1, kw!("'")) && self.is(j + 2, kw!("s")) && t.joined(j + 1) {
                j + 3
            } else if self.is(j + 1, kw!("s")) || self.is(j + 1, kw!("'s")) {
                j + 2
            } else {
                return None;
            };
            if y % 10 != 0 {
                return None;
            }
            let p = decade(y)?;
            return Some(self.pt(e, p, self.past_or(p.end, TimeKind::Period)));
        }
        if self.is(j, kw!("noughties")) {
            let p = decade(2000)?;
            return Some(self.pt(j + 1, p, self.past_or(p.end, TimeKind::Period)));
        }
        // "[the] <century> <decade word>": "nineteen seventies", "twenty-tens",
        // "two thousand and tens", "two thousands".
        let (century, k) = if let Some(n) = number_at(t, self.lex, j)
            && n.words
        {
            (n.value as i32, n.end)
        } else {
            return None;
        };
        let k = k + usize::from(self.is_any(k, kws!["-", "and"]));
        let tens = self.decade_word(k)?;
        let base = if (10..=29).contains(&century) {
            century * 100
        } else if century % 100 == 0 && (1000..=2900).contains(&century) {
            century
        } else {
            return None;
        };
        let p = decade(base + tens)?;
        Some(self.pt(k + 1, p, self.past_or(p.end, TimeKind::Period)))
    }

    /// "tens", "twenties", ..., "nineties": the decade's tens, read through
    /// the number words ("seventies" is "seventy" + "ies").
    fn decade_word(&self, k: usize) -> Option<i32> {
        let key = self.key(k);
        let stem = match key.strip_suffix("ies") {
            Some(s) => format!("{s}y"),
            None => key.strip_suffix('s')?.to_string(),
        };
        let (value, _) = self.lex.info(self.lex.word_id(&stem)).number?;
        let tens = value as i32;
        (value.fract() == 0.0 && tens % 10 == 0 && (10..=90).contains(&tens)).then_some(tens)
    }

    pub(super) fn season(&self, i: usize) -> Option<Pt> {
        let (e, cat) = self.m.longest(i, |c| matches!(c, Cat::Season(_)))?;
        let Cat::Season(last) = cat else { return None };
        let last = u32::from(last);
        if let Some((y, to)) = self.trailing_year(e) {
            return Some(self.pt(to, season_period(y, last)?, TimeKind::Period));
        }
        let p = self.upcoming(|y| season_period(y, last))?;
        Some(self.pt(e, p, TimeKind::Period))
    }

    pub(super) fn fiscal_year(&self, i: usize) -> Option<Pt> {
        let t = self.t;
        if self.is(i, kw!("fy")) && t.is_num(i + 1) && t.joined(i + 1) {
            let v = t.toks[i + 1].value as i32;
            let y = match t.toks[i + 1].int_digits {
                2 => 2000 + v,
                4 => v,
                _ => return None,
            };
            return Some(self.pt(i + 2, year_period(y)?, TimeKind::Period));
        }
        if self.is(i, kw!("fiscal")) {
            let j = if self.is(i + 1, kw!("year")) {
                i + 2
            } else {
                i + 1
            };
            let (y, to) = self.year_at(j)?;
            return Some(self.pt(to, year_period(y)?, TimeKind::Period));
        }
        None
    }

    /// this/next/last/the coming + unit, month, season or weekday.
    pub(super) fn deictic(&self, i: usize) -> Option<Pt> {
        let k = self.packed(i);
        let the = k == kw!("the");
        let next_is = |w: &KeySet| self.is_any(i + 1, w);
        // (periods: offset, weekdays: how, first token of what follows)
        let (offset, wref, j) = if k == kw!("this") && next_is(kws!["past"]) {
            (-1, WeekdayRef::Before, i + 2)
        } else if k == kw!("this") && next_is(kws!["coming", "upcoming"]) {
            (0, WeekdayRef::After, i + 2)
        } else if k.is_in(kws!["this", "current"]) {
            (0, WeekdayRef::This, i + 1)
        } else if k == kw!("next") {
            (1, WeekdayRef::Next, i + 1)
        } else if k.is_in(kws!["last", "previous"]) {
            (-1, WeekdayRef::Last, i + 1)
        } else if k == kw!("past") {
            (-1, WeekdayRef::Before, i + 1)
        } else if k == kw!("following") {
            (1, WeekdayRef::Weeks(1), i + 1)
        } else if k.is_in(kws!["coming", "upcoming"]) {
            (1, WeekdayRef::After, i + 1)
        } else if the && next_is(kws!["current"]) {
            (0, WeekdayRef::This, i + 2)
        } else if the && next_is(kws!["following"]) {
            (1, WeekdayRef::Weeks(1), i + 2)
        } else if the && next_is(kws!["previous", "past", "last"]) {
            (-1, WeekdayRef::Last, i + 2)
        } else if the
            && (next_is(kws!["coming", "upcoming"])
                // "in the next quarter": quarters and halves are calendar periods;
                // "the next year" is a span, read by the window grammar.
                || (next_is(kws!["next"])
                    && matches!(
                        self.unit_at(i + 2),
                        Some((TimeUnit::Quarter | TimeUnit::Half, _))
                    )
                    && !self.plural(i + 2)))
        {
            (1, WeekdayRef::After, i + 2)
        } else {
            return None;
        };
        let kind = if offset < 0 {
            TimeKind::Past
        } else {
            TimeKind::Period
        };
        // "this fiscal year": fiscal and financial years are read as calendar years.
        let j = if self.is_any(j, kws!["fiscal", "financial", "calendar"])
            && self.is(j + 1, kw!("year"))
        {
            j + 1
        } else {
            j
        };
        if self.is(j, kw!("weekend")) {
            let p = self.unit_period(TimeUnit::Week, offset)?;
            return Some(self.pt(j + 1, self.weekend(p)?, kind));
        }
        // "this working week", "next workweek": Monday to Friday.
        if let Some(e) = self.work_week_at(j) {
            let p = self.unit_period(TimeUnit::Week, offset)?;
            return Some(self.pt(e, self.work_week(p)?, kind));
        }
        if let Some((u, e)) = self.unit_at(j)
            && !self.plural(j)
            && u != TimeUnit::BusinessDay
        {
            // "next year's" is still next year.
            let p = self.unit_period(u, offset)?;
            return Some(self.pt(e, p, kind));
        }
        if let Some((month, e)) = self.month_at(j, false) {
            let p = if offset < 0 {
                let y = self.today.year();
                [y, y - 1]
                    .into_iter()
                    .filter_map(|y| month_period(y, month))
                    .find(|p| p.end < self.today)?
            } else if offset > 0 && month == self.today.month() {
                month_period(self.today.year() + 1, month)?
            } else {
                self.upcoming(|y| month_period(y, month))?
            };
            return Some(self.pt(e, p, kind));
        }
        if let Some(mut p) = self.season(j) {
            if offset < 0 {
                let mut p = p;
                while p.period.end >= self.today {
                    let y = p.period.end.year() - 1 - i32::from(p.period.end.month() <= 2);
                    p.period = season_period(y, p.period.end.month())?;
                }
                return Some(self.pt(p.to, p.period, TimeKind::Past));
            }
            if offset > 0 && p.period.start <= self.today {
                let y = p.period.end.year() + 1
                    - i32::from(p.period.grain == Grain::Season && p.period.end.month() <= 2);
                let last = p.period.end.month();
                p.period = season_period(y, last)?;
            }
            return Some(p);
        }
        // "next 5/12", "this 5/12": a date read as this year's or next year's.
        if offset >= 0
            && k.is_in(kws!["this", "next"])
            && let Some(p) = self
                .numeric_date(j, true)
                .or_else(|| self.written_date(j, true))
            && p.period.grain == Grain::Day
            && !p.explicit_year
        {
            let d = p.period.end;
            let y = self.today.year() + offset;
            let d = NaiveDate::from_ymd_opt(y, d.month(), d.day())?;
            return Some(self.pt(p.to, day_period(d), self.past_or(d, TimeKind::Date)));
        }
        // "this Friday (Jun-15)": the date beside the weekday decides.
        if let Some(p) = self.weekday_point(j, true)
            && p.to > j + 1
            && self.weekday_at(j).is_none_or(|(_, e)| e < p.to)
        {
            return Some(p);
        }
        self.weekday_ref(j, wref)
    }

    /// "weekend" as a period: Saturday and Sunday of week `p`.
    pub(super) fn weekend(&self, p: Period) -> Option<Period> {
        let sat = nth_weekday(p, 6, 1)?;
        let sun = nth_weekday(p, 7, 1)?;
        Some(Period {
            start: sat.min(sun),
            end: sat.max(sun),
            grain: Grain::Week,
        })
    }

    /// Monday to Friday of week `p`.
    pub(super) fn work_week(&self, p: Period) -> Option<Period> {
        Some(Period {
            start: nth_weekday(p, 1, 1)?,
            end: nth_weekday(p, 5, 1)?,
            grain: Grain::Week,
        })
    }

    /// "working week", "work week", "workweek", "business week" at `j`: the token after it.
    pub(super) fn work_week_at(&self, j: usize) -> Option<usize> {
        if self.is(j, kw!("workweek")) {
            return Some(j + 1);
        }
        (self.is_any(j, kws!["working", "work", "business"]) && self.is(j + 1, kw!("week")))
            .then_some(j + 2)
    }

    /// "the week after next", "the month after the next", "the weekend after next".
    pub(super) fn after_next(&self, i: usize) -> Option<Pt> {
        let j = usize::from(self.is(i, kw!("the"))) + i;
        let weekend = self.is(j, kw!("weekend"));
        let (u, e) = if weekend {
            (TimeUnit::Week, j + 1)
        } else {
            self.unit_at(j)?
        };
        if self.plural(j) || !self.is(e, kw!("after")) {
            return None;
        }
        let n = e + 1 + usize::from(self.is(e + 1, kw!("the")));
        if !self.is(n, kw!("next")) {
            return None;
        }
        let p = self.unit_period(u, 2)?;
        let p = if weekend { self.weekend(p)? } else { p };
        Some(self.pt(n + 1, p, TimeKind::Period))
    }

    /// "the rest of the week", "rest of my week", "the remainder of the
    /// year", "later this month": what is left of the current period.
    pub(super) fn rest_of(&self, i: usize) -> Option<Pt> {
        let j = usize::from(self.is(i, kw!("the"))) + i;
        let k = if self.is_any(j, kws!["rest", "remainder", "remaining", "balance"]) {
            let k = j + 1;
            k + usize::from(self.is(k, kw!("of")))
        } else if self.is(i, kw!("later")) && self.is(i + 1, kw!("this")) {
            i + 1
        } else {
            return None;
        };
        let k = k + usize::from(self.is_any(k, kws!["the", "this", "my", "our"]));
        if let Some(e) = self.work_week_at(k) {
            let p = self.unit_period(TimeUnit::Week, 0)?;
            return Some(self.pt(e, self.work_week(p)?, TimeKind::Period));
        }
        let (u, e) = self.unit_at(k)?;
        if self.plural(k) || u == TimeUnit::BusinessDay {
            return None;
        }
        let p = self.unit_period(u, 0)?;
        Some(self.pt(e, p, TimeKind::Period))
    }

    /// "the second week of May 2027", "the last week of the year", "week 31",
    /// "week 3 of 2027", "the week of April 10th", "the week starting
    /// February 4", "w/c Feb 4", "the third month of 2021".
    pub(super) fn week_form(&self, i: usize) -> Option<Pt> {
        let j = usize::from(self.is(i, kw!("the"))) + i;
        // "w/c Feb 4": the week commencing.
        if self.is(j, kw!("w")) && self.is(j + 1, kw!("/")) && self.is(j + 2, kw!("c")) {
            let p = self.point_at(j + 3, true)?.ok()?;
            return Some(self.pt(p.to, self.week_of(p.period.start)?, p.kind));
        }
        // "week 31", "week 3 of 2027", "week 27 of last year"
        if self.is(j, kw!("week"))
            && self.t.is_num(j + 1)
            && !self.t.toks[j + 1].formatted
            && (1..=53).contains(&(self.t.toks[j + 1].value as u32))
        {
            let w = self.t.toks[j + 1].value as u32;
            let (y, to) = if self.is(j + 2, kw!("of")) {
                let p = self.point_at(j + 3, true)?.ok()?;
                if p.period.grain != Grain::Year {
                    return None;
                }
                (p.period.start.year(), p.to)
            } else {
                (self.today.year(), j + 2)
            };
            let p = iso_week(y, w)?;
            return Some(self.pt(to, p, self.past_or(p.end, TimeKind::Period)));
        }
        // "the week of April 10th", "the week starting (on) February 4", "month of september 16th"
        if let Some((u, e)) = self.unit_at(j)
            && matches!(u, TimeUnit::Week | TimeUnit::Month)
            && !self.plural(j)
        {
            let k = if self.is(e, kw!("of")) {
                e + 1
            } else if self.is_any(e, kws!["starting", "beginning", "commencing"]) {
                e + 1 + usize::from(self.is_any(e + 1, kws!["on", "from"]))
            } else {
                return None;
            };
            // "the week of the 18th" reads the bare day in context.
            let p = self.point_at(k, true)?.ok()?;
            if p.period.grain != Grain::Day {
                return None;
            }
            let d = p.period.start;
            let period = if u == TimeUnit::Week {
                self.week_of(d)?
            } else {
                month_period(d.year(), d.month())?
            };
            return Some(self.pt(p.to, period, self.past_or(period.end, TimeKind::Period)));
        }
        // "the second week of May 2027", "the last week of the year", "the third month of 2021"
        let (nth, e) = self.ordinal_word(j)?;
        let (u, e2) = self.unit_at(e)?;
        if self.plural(e) {
            return None;
        }
        if !self.is_any(e2, kws!["of", "in"]) {
            // "the third working day": of this month, or of the next once it has passed.
            if u != TimeUnit::BusinessDay || nth == 0 || j == i {
                return None;
            }
            let this = self.unit_period(TimeUnit::Month, 0)?;
            let before = this.start.pred_opt()?;
            let mut d = add_business_days(before, i64::from(nth))?;
            if d < self.today {
                let next = self.unit_period(TimeUnit::Month, 1)?;
                d = add_business_days(next.start.pred_opt()?, i64::from(nth))?;
            }
            return Some(self.pt(e2, day_period(d), TimeKind::Date));
        }
        let outer = self.point_at(e2 + 1, true)?.ok()?;
        let op = outer.period;
        let period = match u {
            TimeUnit::Week => {
                let first_week = self.week_of(op.start)?;
                let w = if nth == 0 {
                    self.week_of(op.end)?
                } else {
                    let start = first_week
                        .start
                        .checked_add_signed(chrono::Duration::days(7 * (i64::from(nth) - 1)))?;
                    self.week_of(start)?
                };
                if w.start > op.end {
                    return None;
                }
                Period {
                    start: w.start.max(op.start),
                    end: w.end.min(op.end),
                    grain: Grain::Week,
                }
            }
            TimeUnit::Month if op.grain == Grain::Year || op.grain == Grain::Quarter => {
                let months = (op.end.year() - op.start.year()) * 12 + op.end.month() as i32
                    - op.start.month() as i32
                    + 1;
                let k = if nth == 0 { months } else { nth as i32 };
                if k < 1 || k > months {
                    return None;
                }
                let first = op
                    .start
                    .checked_add_months(chrono::Months::new(k as u32 - 1))?;
                month_period(first.year(), first.month())?
            }
            TimeUnit::Day if !matches!(op.grain, Grain::Day) => {
                let d = if nth == 0 {
                    op.end
                } else {
                    op.start
                        .checked_add_signed(chrono::Duration::days(i64::from(nth) - 1))?
                };
                if d > op.end {
                    return None;
                }
                day_period(d)
            }
            TimeUnit::BusinessDay if !matches!(op.grain, Grain::Day) => {
                let d = if nth == 0 {
                    let mut d = op.end;
                    while !is_business_day(d) {
                        d = d.pred_opt()?;
                    }
                    d
                } else {
                    let before = op.start.pred_opt()?;
                    add_business_days(before, i64::from(nth))?
                };
                if d > op.end {
                    return None;
                }
                day_period(d)
            }
            _ => return None,
        };
        Some(self.pt(outer.to, period, self.past_or(period.end, outer.kind)))
    }

    /// EOM, EOQ, EOY, EOW, EOD, year-end, month-end, quarter-end, the weekend.
    pub(super) fn period_end_word(&self, i: usize) -> Option<Pt> {
        const ENDS: [(Key, TimeUnit); 5] = [
            (kw!("eom"), TimeUnit::Month),
            (kw!("eoq"), TimeUnit::Quarter),
            (kw!("eoy"), TimeUnit::Year),
            (kw!("eow"), TimeUnit::Week),
            (kw!("eod"), TimeUnit::Day),
        ];
        let k = self.packed(i);
        let unit = ENDS.iter().find(|&&(w, _)| w == k).map(|&(_, u)| u);
        if let Some(u) = unit {
            let mut p = self.pt(i + 1, self.unit_period(u, 0)?, TimeKind::Period);
            p.pinned = true;
            return Some(p);
        }
        if let Some((u, e)) = self.unit_at(i) {
            let e2 = self.hyphen(e);
            if self.is(e2, kw!("end"))
                && matches!(
                    u,
                    TimeUnit::Month | TimeUnit::Quarter | TimeUnit::Year | TimeUnit::Week
                )
                && !self.plural(i)
            {
                let mut p = self.pt(e2 + 1, self.unit_period(u, 0)?, TimeKind::Period);
                p.pinned = true;
                return Some(p);
            }
        }
        None
    }

    /// What may follow "the end of", "early", "mid": a period.
    pub(super) fn period_after(&self, i: usize) -> Option<Pt> {
        let j = if self.is(i, kw!("the")) { i + 1 } else { i };
        // "the calendar year", "the next fiscal year": fiscal years are read as calendar years.
        let skip = |k: usize| {
            if self.is_any(k, kws!["calendar", "fiscal", "financial"])
                && self.is(k + 1, kw!("year"))
            {
                k + 1
            } else {
                k
            }
        };
        let j = skip(j);
        if self.is(i, kw!("the")) && self.is_any(j, kws!["next", "following", "coming"]) {
            let k = skip(j + 1);
            if let Some((u, e)) = self.unit_at(k)
                && !self.plural(k)
            {
                let p = self.unit_period(u, 1)?;
                return Some(self.pt(e, p, TimeKind::Period));
            }
        }
        // "the month", "the year", "the quarter": the current one.
        if self.is(i, kw!("the"))
            && let Some((u, e)) = self.unit_at(j)
            && !self.plural(j)
        {
            let p = self.unit_period(u, 0)?;
            return Some(self.pt(e, p, TimeKind::Period));
        }
        if self.is(i, kw!("the"))
            && self.is_any(j, kws!["next", "following", "coming"])
            && let Some((u, e)) = self.unit_at(j + 1)
            && !self.plural(j + 1)
        {
            let p = self.unit_period(u, 1)?;
            return Some(self.pt(e, p, TimeKind::Period));
        }
        if let Some((u, e)) = self.unit_at(i)
            && !self.plural(i)
            && matches!(
                u,
                TimeUnit::Day
                    | TimeUnit::Week
                    | TimeUnit::Month
                    | TimeUnit::Quarter
                    | TimeUnit::Year
            )
        {
            // "end of year", "end of day"
            let p = self.unit_period(u, 0)?;
            return Some(self.pt(e, p, TimeKind::Period));
        }
        self.deictic(i)
            .or_else(|| self.quarter_or_half(i))
            .or_else(|| self.fiscal_year(i))
            .or_else(|| self.season(j))
            .or_else(|| self.written_date(i, true))
            .or_else(|| {
                let (y, to) = self.year_or_range_at(i)?;
                Some(self.pt(to, year_period(y)?, TimeKind::Period))
            })
            .or_else(|| {
                // "the decade"
                if !(self.is(i, kw!("the")) && self.is(j, kw!("decade"))) {
                    return None;
                }
                let p = self.unit_period(TimeUnit::Decade, 0)?;
                Some(self.pt(j + 1, p, TimeKind::Period))
            })
    }

    /// [the] end/start/middle of X, early/mid/late X. `Err(to)` when X is not
    /// a time: the end of an unknown event ("the end of my contract").
    pub(super) fn edge_of(&self, i: usize) -> Option<Result<Pt, usize>> {
        let j = if self.is(i, kw!("the")) { i + 1 } else { i };
        #[derive(Clone, Copy, PartialEq)]
        enum Edge {
            Start,
            Early,
            Mid,
            Late,
            End,
        }
        let w = self.packed(j);
        let edge = if w.is_in(kws!["end", "close"]) {
            Edge::End
        } else if w.is_in(kws!["start", "beginning"]) {
            Edge::Start
        } else if w == kw!("middle") || (j == i && w == kw!("mid")) {
            Edge::Mid
        } else if j == i && w == kw!("early") {
            Edge::Early
        } else if j == i && w == kw!("late") {
            Edge::Late
        } else {
            return None;
        };
        let k = j + 1;
        // "end-June" needs no "of".
        let hyphenated = self.hyphen(k) > k;
        let k = self.hyphen(k);
        let k = if self.is(k, kw!("of")) {
            self.hyphen(k + 1)
        } else if (matches!(edge, Edge::Start | Edge::End) || self.is(j, kw!("middle")))
            && !hyphenated
        {
            // "the end of", "the middle of": the "of" is required.
            return None;
        } else {
            k
        };
        let Some(mut p) = self.period_after(k) else {
            // "the end of my contract": an event the text gives no date for.
            if matches!(edge, Edge::End | Edge::Start)
                && self.t.is_word(k)
                && !self.t.is_boundary(k)
            {
                let e = self.np_end(k, 5);
                if e > k {
                    return Some(Err(e));
                }
            }
            return None;
        };
        let per = p.period;
        let date = match (edge, per.grain) {
            (Edge::End | Edge::Late, _) => per.end,
            (Edge::Start, _) => per.start,
            (Edge::Mid, Grain::Month) => {
                NaiveDate::from_ymd_opt(per.start.year(), per.start.month(), 15)?
            }
            (Edge::Early, Grain::Month) => {
                NaiveDate::from_ymd_opt(per.start.year(), per.start.month(), 10)?
            }
            (Edge::Mid, Grain::Year) => last_day(per.start.year(), 6)?,
            (Edge::Early, Grain::Year) => last_day(per.start.year(), 4)?,
            (Edge::Mid | Edge::Early, _) => {
                let days = (per.end - per.start).num_days();
                let part = if edge == Edge::Mid {
                    days / 2
                } else {
                    days / 3
                };
                per.start.checked_add_signed(chrono::Duration::days(part))?
            }
        };
        p.period = Period {
            start: date,
            end: date,
            grain: per.grain,
        };
        p.pinned = true;
        if p.kind != TimeKind::Past {
            p.kind = TimeKind::Period;
        }
        Some(Ok(p))
    }

    /// "the first week of January", "the last two weeks of June": a part of a period.
    pub(super) fn first_part_of(&self, i: usize) -> Option<Pt> {
        let j = i + usize::from(self.is(i, kw!("the")));
        if !self.is_any(j, kws!["first", "last", "final"]) {
            return None;
        }
        let first = self.is(j, kw!("first"));
        let (value, unit, e) = match self.duration_at(j + 1) {
            Some(d) if !d.vague && !d.unit.is_clock() => (d.value, d.unit, d.to),
            // "first week of May" without "the" is `week_form`'s.
            _ if j == i => return None,
            _ => {
                let (u, e) = self.unit_at(j + 1)?;
                (1.0, u, e)
            }
        };
        if !self.is(e, kw!("of")) {
            return None;
        }
        let p = self.point_at(e + 1, true)?.ok()?;
        let d = Duration { value, unit };
        let end = if first {
            add_duration(p.period.start, d)?
                .pred_opt()?
                .min(p.period.end)
        } else {
            p.period.end
        };
        let mut out = self.pt(
            p.to,
            Period {
                start: p.period.start,
                end,
                grain: Grain::Day,
            },
            TimeKind::Period,
        );
        out.pinned = true;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_rows;

    #[test]
    fn quarters_halves_and_fiscal_years() {
        check_rows(
            "2026-12-02",
            &[
                ("the 2nd quarter", "2027-06-30"),
                ("the 1st qtr of 2029", "2029-03-31"),
                ("by the third quarter", "2027-09-30"),
                ("29q2", "2029-06-30"),
                ("2029Q2", "2029-06-30"),
                ("Q4 FY27", "2027-12-31"),
                ("by Q3 2027", "2027-09-30"),
                ("2027 Q3", "2027-09-30"),
                ("H1 2028", "2028-06-30"),
                ("by the second half of next year", "2027-12-31"),
                ("in FY2028", "2028-12-31"),
                ("Q3 2027: PMP certification", "2027-09-30"),
            ],
        );
    }

    #[test]
    fn weeks_months_and_seasons() {
        check_rows(
            "2026-12-02",
            &[
                ("the second week of May 2027", "2027-05-09"),
                ("the last week of the year", "2026-12-31"),
                ("the week of January 14th", "2027-01-17"),
                ("week 3 of 2027", "2027-01-24"),
                ("this weekend", "2026-12-06"),
                ("next weekend", "2026-12-13"),
                ("the weekend after next", "2026-12-20"),
                ("the rest of the month", "2026-12-31"),
                ("the third month of 2028", "2028-03-31"),
                ("by summer 2027", "2027-08-31"),
                ("by the end of next month", "2027-01-31"),
                ("by the beginning of 2028", "2028-01-01"),
                ("by the middle of next year", "2027-06-30"),
                ("the upcoming quarter", "2027-03-31"),
                ("next 2 quarters", "2027-06-30"),
                ("last quarter", "2026-09-30"),
                ("the 2030s", "2039-12-31"),
            ],
        );
    }
}
