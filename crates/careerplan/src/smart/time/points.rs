//! Points in time: written dates, weekdays, today and tomorrow, and the
//! entry point that tries every point form.

use chrono::{Datelike, NaiveDate};

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
        if let Some(p) = self.after_next(i) {
            return Some(Ok(p));
        }
        // "the weekend", "my weekend", "this weekend" is read by `deictic`.
        let j = i + usize::from(self.is_any(i, kws!["the", "my", "our"]));
        if self.is(j, kw!("weekend")) && (j > i || ctx) {
            let week = self.unit_period(TimeUnit::Week, 0)?;
            return Some(Ok(self.pt(j + 1, self.weekend(week)?, TimeKind::Period)));
        }
        if j > i && !self.is(i, kw!("the")) && self.is(j, kw!("week")) {
            return Some(Ok(self.pt(
                j + 1,
                self.unit_period(TimeUnit::Week, 0)?,
                TimeKind::Period,
            )));
        }
        let relative = self.relative_day(i);
        if let Some(p) = relative.filter(|p| p.kind == TimeKind::Relative) {
            return Some(Ok(p));
        }
        // The simple forms, first match wins. Tests in a row rather than an
        // `or_else` chain, which at opt-level "z" is a call per link, each
        // copying the candidate.
        if let Some(p) = self.first_part_of(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.rest_of(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.week_form(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.decade(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.day_in_context(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.numeric_date(i, ctx) {
            return Some(Ok(p));
        }
        if let Some(p) = self.year_first(i) {
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
            if let Some((y, to)) = self.bare_year(i) {
                let p = year_period(y)?;
                return Some(Ok(self.pt(to, p, self.past_or(p.end, TimeKind::Period))));
            }
            // "by now", "until now"
            if self.is(i, kw!("now")) || (self.is(i, kw!("right")) && self.is(i + 1, kw!("now"))) {
                let to = i + 1 + usize::from(self.is(i, kw!("right")));
                return Some(Ok(self.pt(to, day_period(self.today), TimeKind::Date)));
            }
            // "(of) the year", "the month": the current one.
            if self.is(i, kw!("the"))
                && let Some((u, e)) = self.unit_at(i + 1)
                && !self.plural(i + 1)
                && u != TimeUnit::BusinessDay
            {
                return Some(Ok(self.pt(e, self.unit_period(u, 0)?, TimeKind::Period)));
            }
        }
        None
    }

    /// "March 15, 2027", "March 15th", "15 March 2027", "the 15th of March", "June 2027", "June".
    pub(super) fn written_date(&self, i: usize, ctx: bool) -> Option<Pt> {
        // Month first: "March 15, 2027", "October, 1st", "June the 28th 2020", "May twenty nine".
        // "may" and "march" in lower case are verbs too: a day must follow them.
        let verb_like = !ctx && self.month_at(i, true).is_none();
        if let Some((month, e)) = self.month_at(i, false) {
            if verb_like {
                let (day, e2) = self.day_number(e)?;
                if self.t.is_word(e2) && !self.is(e2, kw!("and")) || self.t.is_num(e2) {
                    return None;
                }
                let year = self.trailing_year(e2);
                return self.day_of(
                    year.map(|(y, _)| y),
                    month,
                    day,
                    year.map_or(e2, |(_, to)| to),
                );
            }
            // "June in two years": June of the year two years from now.
            if self.is(e, kw!("in"))
                && let Some(d) = self.duration_at(e + 1)
                && matches!(d.unit, TimeUnit::Year | TimeUnit::Decade)
                && !d.vague
                && let Some(then) = d.shift(self.today, false)
            {
                let mut p = self.pt(d.to, month_period(then.year(), month)?, TimeKind::Period);
                p.explicit_year = true;
                return Some(p);
            }
            let k = e + usize::from(self.is_any(e, kws![",", "."]));
            let k = k + usize::from(self.is(k, kw!("the")));
            if let Some((day, e2)) = self.day_number(k)
                && !(self.t.is_num(k) && self.t.toks[k].int_digits == 4)
                && (k == e || ordinal_at(self.t, self.lex, k).is_some() || ctx)
            {
                let year = self.trailing_year(e2);
                let to = year.map_or(e2, |(_, to)| to);
                // "March 5 people": a bare day after a month with no year needs context or a comma.
                if year.is_some() || ctx || self.t.is_boundary(to) {
                    return self.day_of(year.map(|(y, _)| y), month, day, to);
                }
            }
            if let Some((y, to)) = self.trailing_year(e) {
                let mut p = self.pt(to, month_period(y, month)?, TimeKind::Period);
                p.explicit_year = true;
                return Some(p);
            }
            if ctx {
                let p = self.upcoming(|y| month_period(y, month))?;
                return Some(self.pt(e, p, TimeKind::Period));
            }
            return None;
        }
        // Day first: "15 March 2027", "the 15th of March", "16. Nov. 2016".
        let j = i + usize::from(self.is(i, kw!("the")));
        let (day, e) = self.day_number(j)?;
        let e = e + usize::from(self.is(e, kw!(".")) && self.t.joined(e));
        let e = e + usize::from(self.is(e, kw!("of")));
        let Some((month, e2)) = self.month_at(e, false) else {
            // "by the 30th": that day of this month, or of the next one.
            if ctx && j > i && ordinal_at(self.t, self.lex, j).is_some() && !self.t.is_word(e) {
                let d = self.upcoming_day(day)?;
                return Some(self.pt(e, day_period(d), TimeKind::Date));
            }
            return None;
        };
        let year = self.trailing_year(e2);
        if year.is_none()
            && !ctx
            && j == i
            && number_at(self.t, self.lex, j).is_some_and(|n| !n.words)
        {
            return None;
        }
        self.day_of(
            year.map(|(y, _)| y),
            month,
            day,
            year.map_or(e2, |(_, to)| to),
        )
    }

    /// Day `day` of `month` in `year` (or its next occurrence), ending at
    /// `to`; a day the month does not have is an impossible date.
    fn day_of(&self, year: Option<i32>, month: u32, day: u32, to: usize) -> Option<Pt> {
        let Some(d) = self.dated(year, month, day) else {
            return Some(self.impossible(to));
        };
        let mut p = self.pt(to, day_period(d), TimeKind::Date);
        p.explicit_year = year.is_some();
        Some(p)
    }

    /// A weekday at `i` read by "next"/"last" (`offset` 1 / -1) or bare (0).
    pub(super) fn weekday(&self, i: usize, offset: i32) -> Option<Pt> {
        let r = match offset {
            0 => WeekdayRef::OnOrAfter,
            o if o > 0 => WeekdayRef::Next,
            _ => WeekdayRef::Last,
        };
        self.weekday_ref(i, r)
    }

    /// A weekday at `i`, resolved as `r` says.
    pub(super) fn weekday_ref(&self, i: usize, r: WeekdayRef) -> Option<Pt> {
        let (n, e) = self.weekday_at(i)?;
        let d = self.weekday_date(n, r)?;
        let kind = if d < self.today {
            TimeKind::Past
        } else {
            TimeKind::Date
        };
        Some(self.pt(e, day_period(d), kind))
    }

    /// The date of weekday `n` (1 = Monday) read as `r` from the reference date.
    pub(super) fn weekday_date(&self, n: u32, r: WeekdayRef) -> Option<NaiveDate> {
        let today = self.today;
        let ahead = (i64::from(n) - i64::from(today.weekday().number_from_monday())).rem_euclid(7);
        let days = |k: i64| today.checked_add_signed(chrono::Duration::days(k));
        let nearest = self.opts.next_weekday == NextWeekday::Nearest;
        match r {
            WeekdayRef::OnOrAfter => days(ahead),
            WeekdayRef::After => days(if ahead == 0 { 7 } else { ahead }),
            WeekdayRef::Before => days(if ahead == 0 { -7 } else { ahead - 7 }),
            WeekdayRef::This => self.weekday_in_week(today, n, 0),
            WeekdayRef::Next if nearest => days(if ahead == 0 { 7 } else { ahead }),
            WeekdayRef::Last if nearest => days(if ahead == 0 { -7 } else { ahead - 7 }),
            WeekdayRef::Next => self.weekday_in_week(today, n, 1),
            WeekdayRef::Last => self.weekday_in_week(today, n, -1),
            WeekdayRef::Weeks(k) => self.weekday_in_week(today, n, k),
        }
    }

    /// A point with what may refine it: "next week on Tuesday", "the 21st
    /// this month", "Monday two weeks from now", ranges ("from March to June
    /// 2027", "November 19-20": their end). `Err` is an event with no date
    /// ("the end of my contract").
    pub(super) fn point_any(&self, i: usize, ctx: bool) -> Option<Result<Pt, usize>> {
        // "end of day tomorrow", "5pm Friday": the day after the hour.
        if let Some(e) = self.time_of_day(i)
            && self.t.is_word(e)
            && let Some(Ok(p)) = self.point_at(e, true)
            && p.period.grain == Grain::Day
        {
            return Some(Ok(self.refine(p)));
        }
        if let Some(p) = self.weekday_point(i, ctx) {
            return Some(Ok(self.range_end(i, p, ctx)));
        }
        if ctx && let Some(p) = self.bare_day_range(i) {
            return Some(Ok(p));
        }
        if let Some(p) = self.offset_point(i) {
            return Some(Ok(self.on_weekday(p)));
        }
        let p = match self.point_at(i, ctx)? {
            Ok(p) => p,
            Err(e) => return Some(Err(e)),
        };
        let p = self.refine(p);
        Some(Ok(self.range_end(i, p, ctx)))
    }

    /// [`point_any`](Self::point_any) when it is a time.
    pub(super) fn point_full(&self, i: usize, ctx: bool) -> Option<Pt> {
        self.point_any(i, ctx)?.ok()
    }

    /// What may follow a point and narrow it: a weekday within a week ("next
    /// week Monday", "the first week of October on Friday"), a month for a
    /// bare day ("the 21st this month"), a year for a day and month ("28 June
    /// in 2020").
    pub(super) fn refine(&self, p: Pt) -> Pt {
        // "Friday 5pm", "Feb 15th at 3pm", "tomorrow morning": the day is the deadline.
        let p = match self.time_of_day(p.to) {
            Some(e) if p.period.grain == Grain::Day => Pt { to: e, ..p },
            _ => p,
        };
        let mut k = p.to;
        if self.is_any(k, kws!["on", "-", ",", "between", "from"]) {
            k += 1;
        }
        if matches!(p.period.grain, Grain::Week)
            && p.period.start != p.period.end
            && let Some((n, e)) = self.weekday_at(k)
            && let Some(d) = nth_weekday(p.period, n, 1)
        {
            let mut out = self.pt(e, day_period(d), p.kind);
            out.kind = self.past_or(d, p.kind);
            // "next week between Wednesday and Friday": the later weekday.
            if self.is_any(
                e,
                kws!["to", "-", "and", "through", "thru", "till", "until"],
            ) && let Some((n2, e2)) = self.weekday_at(e + 1)
                && let Some(d2) = nth_weekday(p.period, n2, 1)
            {
                out = self.pt(e2, day_period(d2), self.past_or(d2, p.kind));
            }
            return out;
        }
        if p.period.grain == Grain::Day
            && let Some(q) = self.weekday_point_after(p)
        {
            return q;
        }
        // "next month on the 15th": that day of the month.
        if p.period.grain == Grain::Month
            && self.is(p.to, kw!("on"))
            && let Some((day, e)) =
                self.day_number(p.to + 1 + usize::from(self.is(p.to + 1, kw!("the"))))
            && let Some(d) =
                NaiveDate::from_ymd_opt(p.period.start.year(), p.period.start.month(), day)
        {
            return self.pt(e, day_period(d), self.past_or(d, TimeKind::Date));
        }
        p
    }

    /// `Past` for a day before the reference date, else `kind`.
    pub(super) fn past_or(&self, d: NaiveDate, kind: TimeKind) -> TimeKind {
        if d < self.today {
            TimeKind::Past
        } else if kind == TimeKind::Past {
            TimeKind::Date
        } else {
            kind
        }
    }

    /// "in 3 days on Friday", "two months from today on Tuesday": the
    /// weekday in the week of the day found.
    fn weekday_point_after(&self, p: Pt) -> Option<Pt> {
        let k = if self.is_any(p.to, kws!["on", ","]) {
            p.to + 1
        } else {
            return None;
        };
        let (n, e) = self.weekday_at(k)?;
        let d = self.weekday_in_week(p.period.end, n, 0)?;
        Some(self.pt(e, day_period(d), self.past_or(d, TimeKind::Date)))
    }

    /// [`weekday_point_after`](Self::weekday_point_after) for an offset point.
    fn on_weekday(&self, p: Pt) -> Pt {
        self.weekday_point_after(p).unwrap_or(p)
    }

    /// Forms that start with a weekday: "Monday the 14th", "Mon, Aug 14",
    /// "Friday 7/6", "Tuesday of next week", "Tuesday next week", "Monday
    /// two weeks from now", "Monday after next", and with an ordinal before
    /// it: "the first Friday of July", "last Friday of June", "second
    /// Saturday", "two Mondays from now".
    pub(super) fn weekday_point(&self, i: usize, ctx: bool) -> Option<Pt> {
        if let Some(p) = self.nth_weekday_point(i) {
            return Some(p);
        }
        let (n, e) = self.weekday_at(i)?;
        let mut k = e;
        if self.is_any(k, kws![",", "(", "-"]) {
            k += 1;
        }
        // "Tuesday of next week", "on Monday of the following week", "Tuesday next week"
        let of = usize::from(self.is_any(k, kws!["of", "in"]));
        if let Some(w) = self.point_at(k + of, true).and_then(Result::ok)
            && w.period.grain == Grain::Week
            && w.period.start != w.period.end
            && (of == 1 || self.is_any(k, kws!["this", "next", "last", "previous", "the"]))
        {
            let d = nth_weekday(w.period, n, 1)?;
            return Some(self.pt(w.to, day_period(d), self.past_or(d, w.kind)));
        }
        // "Monday next" (next Monday)
        if self.is(k, kw!("next"))
            && self.unit_at(k + 1).is_none()
            && !self.is(k + 1, kw!("weekend"))
        {
            let d = self.weekday_date(n, WeekdayRef::Next)?;
            return Some(self.pt(k + 1, day_period(d), TimeKind::Date));
        }
        // "Monday after next"
        if self.is(k, kw!("after")) && self.is(k + 1, kw!("next")) {
            let d = self.weekday_date(n, WeekdayRef::Next)?;
            let d = d.checked_add_signed(chrono::Duration::days(7))?;
            return Some(self.pt(k + 2, day_period(d), TimeKind::Date));
        }
        // "Monday two weeks from now", "Thursday, two years from now"
        if let Some(p) = self.offset_point(k) {
            let d = self.weekday_in_week(p.period.end, n, 0)?;
            return Some(self.pt(p.to, day_period(d), self.past_or(d, p.kind)));
        }
        // "Monday the 14th", "Mon 13th", "Mon, Aug 14", "Friday 7/6", "Friday 2018-7-6"
        let the = usize::from(self.is(k, kw!("the")));
        if self.time_of_day(k).is_none()
            && let Some((day, e2)) = self.day_number(k + the)
            && self.month_at(e2, false).is_none()
            && !(self.is_any(e2, kws!["/", "-", "."]) && self.t.joined(e2))
            && (the == 1 || ctx || ordinal_at(self.t, self.lex, k).is_some())
        {
            let d = self.day_with_weekday(day, n, the == 1)?;
            return Some(self.pt(e2, day_period(d), self.past_or(d, TimeKind::Date)));
        }
        if let Some(p) = self.date_without_weekday(k) {
            if p.kind == TimeKind::ImpossibleDate {
                return Some(p);
            }
            let to = p.to + usize::from(self.is(p.to, kw!(")")));
            if p.period.grain == Grain::Day && !p.explicit_year {
                let (m, d0) = (p.period.end.month(), p.period.end.day());
                let d = self
                    .month_day_with_weekday(m, d0, n)
                    .unwrap_or(p.period.end);
                return Some(self.pt(to, day_period(d), self.past_or(d, TimeKind::Date)));
            }
            let mut p = p;
            p.to = to;
            return Some(p);
        }
        None
    }

    /// A written or numeric date after a weekday ("Aug 14", "7/6", "the 15th of March").
    fn date_without_weekday(&self, k: usize) -> Option<Pt> {
        if let Some(p) = self.numeric_date(k, true) {
            return Some(p);
        }
        let p = self.written_date(k, true)?;
        (p.period.grain == Grain::Day || p.kind == TimeKind::ImpossibleDate).then_some(p)
    }

    /// Day `day` of a month that falls on weekday `n`: this month's when
    /// `this_month` and it fits ("Thursday the 21st" names this month's
    /// 21st), else the first on or after the reference date.
    fn day_with_weekday(&self, day: u32, n: u32, this_month: bool) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(self.today.year(), self.today.month(), 1)?;
        let fits = |d: &NaiveDate| d.weekday().number_from_monday() == n;
        if this_month
            && let Some(d) = NaiveDate::from_ymd_opt(first.year(), first.month(), day)
            && fits(&d)
        {
            return Some(d);
        }
        (0..=84)
            .filter_map(|k| first.checked_add_months(chrono::Months::new(k)))
            .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
            .find(|d| *d >= self.today && fits(d))
    }

    /// Month `m`, day `d` in the year nearest the reference date where it
    /// falls on weekday `n`: "Mon, Aug 14" said in December 2026 is 2028's.
    fn month_day_with_weekday(&self, m: u32, d: u32, n: u32) -> Option<NaiveDate> {
        let y = self.today.year();
        (y - 28..=y + 28)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
            .filter(|x| x.weekday().number_from_monday() == n)
            .min_by_key(|x| (*x - self.today).num_days().abs())
    }

    /// "the first Friday of July", "the last Friday of June", "second
    /// Saturday" (of this month), "the third Wednesday of previous month",
    /// "two Mondays from now".
    fn nth_weekday_point(&self, i: usize) -> Option<Pt> {
        let j = usize::from(self.is(i, kw!("the"))) + i;
        // "two Mondays from now", "two sundays from now"
        if let Some(num) = number_at(self.t, self.lex, j)
            && num.value >= 1.0
            && num.value <= 60.0
            && num.value.fract() == 0.0
            && let Some((n, e)) = self.weekday_plural_at(num.end)
        {
            let weeks = num.value as i64 - 1;
            // "two Mondays from now", "2 Thursdays back"
            if let Some(e2) = self.relative_to_now(e) {
                let first = self.weekday_date(n, WeekdayRef::After)?;
                let d = first.checked_add_signed(chrono::Duration::days(7 * weeks))?;
                return Some(self.pt(e2, day_period(d), TimeKind::Date));
            }
            if self.is_any(e, kws!["ago", "back", "before", "earlier"]) {
                let first = self.weekday_date(n, WeekdayRef::Before)?;
                let d = first.checked_sub_signed(chrono::Duration::days(7 * weeks))?;
                return Some(self.pt(e + 1, day_period(d), TimeKind::Past));
            }
            return None;
        }
        let (nth, e) = if self.is_any(j, kws!["last", "final"]) {
            (0, j + 1)
        } else {
            let (o, e) = ordinal_at(self.t, self.lex, j)?;
            (o, e)
        };
        if nth > 5 {
            return None;
        }
        let (n, e2) = self.weekday_at(e)?;
        let (period, to, kind) = if self.is_any(e2, kws!["of", "in"]) {
            let p = self.point_at(e2 + 1, true)?.ok()?;
            if !matches!(
                p.period.grain,
                Grain::Month | Grain::Quarter | Grain::Year | Grain::Season | Grain::Half
            ) {
                return None;
            }
            (p.period, p.to, p.kind)
        } else if nth == 0 {
            return None;
        } else {
            (self.unit_period(TimeUnit::Month, 0)?, e2, TimeKind::Date)
        };
        let d = nth_weekday(period, n, nth)?;
        Some(self.pt(to, day_period(d), self.past_or(d, kind)))
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
        let j = i + usize::from(self.is(i, kw!("the")));
        let k = self.packed(j);
        let (offset, to) = if k.is_in(kws!["today", "tonight"]) && j == i {
            (0, i + 1)
        } else if k == kw!("this")
            && j == i
            && self.is_any(i + 1, kws!["morning", "afternoon", "evening"])
        {
            (0, i + 2)
        } else if k.is_in(kws!["tomorrow", "tmrw", "tmr", "tomorow"]) && j == i {
            (1, i + 1)
        } else if k == kw!("yesterday") && j == i {
            (-1, i + 1)
        } else if k == kw!("day")
            && self.is_any(j + 1, kws!["after", "before"])
            && self.is_any(j + 2, kws!["tomorrow", "tmrw", "tmr", "yesterday"])
        {
            // "the day after tomorrow", "the day before yesterday"
            let base = if self.is(j + 2, kw!("yesterday")) {
                -1
            } else {
                1
            };
            let step = if self.is(j + 1, kw!("after")) { 1 } else { -1 };
            (base + step, j + 3)
        } else {
            return None;
        };
        let d = self
            .today
            .checked_add_signed(chrono::Duration::days(offset))?;
        let kind = if offset < 0 {
            TimeKind::Past
        } else {
            TimeKind::Date
        };
        Some(self.pt(to, day_period(d), kind))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{NextWeekday, TimeOptions, WeekStart, check_rows, resolve_with};

    #[test]
    fn written_dates_in_any_case() {
        check_rows(
            "2026-12-02",
            &[
                ("march 14", "2027-03-14"),
                ("may 20", "2027-05-20"),
                ("Submit the report march 14.", "2027-03-14"),
                ("Publish it may 20, 2027.", "2027-05-20"),
                ("by MARCH 14 2027", "2027-03-14"),
                ("by Sept. 3rd", "2027-09-03"),
                ("by the third of March", "2027-03-03"),
                ("by March twenty first", "2027-03-21"),
                ("by February 30, 2027", "impossible"),
            ],
        );
    }

    #[test]
    fn points_from_the_reference_date() {
        // Wednesday 2026-12-02.
        check_rows(
            "2026-12-02",
            &[
                ("the 15th of next month", "2027-01-15"),
                ("by the 9th", "2026-12-09"),
                ("Monday the 14th", "2026-12-14"),
                ("Mon, Aug 14", "2028-08-14"),
                ("by monday after next", "2026-12-14"),
                ("two mondays from now", "2026-12-14"),
                ("the day after tomorrow", "2026-12-04"),
                ("last Friday of June", "2027-06-25"),
                ("the first Friday of July", "2027-07-02"),
                ("June in two years", "2028-06-30"),
                ("by the third working day of January", "2027-01-05"),
                ("the third working day", "2026-12-03"),
                ("by the second business day", "2026-12-02"),
                ("tuesday next week", "2026-12-08"),
                ("next week on Friday", "2026-12-11"),
                ("this Friday", "2026-12-04"),
                ("by Friday", "2026-12-04"),
                ("yesterday", "2026-12-01"),
            ],
        );
    }

    #[test]
    fn a_time_of_day_does_not_move_the_day() {
        check_rows(
            "2013-02-12",
            &[
                ("by friday 5pm", "2013-02-15"),
                ("feb 15th at 3pm", "2013-02-15"),
                ("by close of business friday", "2013-02-15"),
                ("end of day tomorrow", "2013-02-13"),
                ("tomorrow morning", "2013-02-13"),
                ("this evening", "2013-02-12"),
                ("by 17:00 on Thursday", "2013-02-14"),
                ("by now", "2013-02-12"),
                ("black friday", "2013-11-29"),
            ],
        );
    }

    #[test]
    fn next_weekday_follows_the_option() {
        let today = "2026-12-02";
        let default = TimeOptions::default();
        assert_eq!(
            resolve_with("next thursday", today, &default).as_deref(),
            Some("2026-12-10")
        );
        assert_eq!(
            resolve_with("last tuesday", today, &default).as_deref(),
            Some("2026-11-24")
        );
        assert_eq!(
            resolve_with("the coming thursday", today, &default).as_deref(),
            Some("2026-12-03")
        );
        let nearest = TimeOptions {
            next_weekday: NextWeekday::Nearest,
            ..TimeOptions::default()
        };
        assert_eq!(
            resolve_with("next thursday", today, &nearest).as_deref(),
            Some("2026-12-03")
        );
        assert_eq!(
            resolve_with("last tuesday", today, &nearest).as_deref(),
            Some("2026-12-01")
        );
    }

    #[test]
    fn weeks_start_on_the_configured_day() {
        let today = "2026-12-02";
        let sunday = TimeOptions {
            week_start: WeekStart::Sunday,
            ..TimeOptions::default()
        };
        assert_eq!(
            resolve_with("by the end of next week", today, &TimeOptions::default()).as_deref(),
            Some("2026-12-13")
        );
        assert_eq!(
            resolve_with("by the end of next week", today, &sunday).as_deref(),
            Some("2026-12-12")
        );
        assert_eq!(
            resolve_with("next week on Sunday", today, &sunday).as_deref(),
            Some("2026-12-06")
        );
    }
}
