//! Prepositions, anchors and offsets: "by", "within", "before", "from ... to",
//! "after"; events with no date ("of graduation", "by my 40th birthday").

use chrono::{Datelike, NaiveDate};

use super::*;

impl Scanner<'_, '_> {
    pub(super) fn prep_at(&self, i: usize) -> Option<(Prep, usize)> {
        let k = self.packed(i);
        let next = |w: Key| self.is(i + 1, w);
        let p = if k == kw!("on") && next(kw!("or")) && self.is(i + 2, kw!("before")) {
            (Prep::By, i + 3)
        } else if k.is_in(kws![
            "by", "until", "till", "til", "through", "thru", "on", "at"
        ]) {
            (Prep::By, i + 1)
        } else if k == kw!("due") {
            let j = if self.is_any(i + 1, kws!["by", "on", "in", "at"]) {
                i + 2
            } else {
                i + 1
            };
            (Prep::By, j)
        } else if k == kw!("up")
            && next(kw!("to"))
            && self.is(i + 2, kw!("and"))
            && self.is(i + 3, kw!("including"))
        {
            (Prep::By, i + 4)
        } else if k == kw!("up") && next(kw!("to")) {
            (Prep::By, i + 2)
        } else if (k.is_in(kws!["no", "not"]) && next(kw!("later")) && self.is(i + 2, kw!("than")))
            || (k == kw!("as") && next(kw!("late")) && self.is(i + 2, kw!("as")))
        {
            (Prep::By, i + 3)
        } else if k.is_in(kws!["sooner", "earlier"]) && next(kw!("than")) {
            (Prep::Before, i + 2)
        } else if k == kw!("before") {
            (Prep::Before, i + 1)
        } else if (k == kw!("prior") && next(kw!("to"))) || (k == kw!("ahead") && next(kw!("of"))) {
            (Prep::Before, i + 2)
        } else if k.is_in(kws![
            "within",
            "in",
            "inside",
            "during",
            "throughout",
            "for",
            "across"
        ]) {
            let j = if next(kw!("of")) && k == kw!("inside") {
                i + 2
            } else {
                i + 1
            };
            (Prep::Window, j)
        } else if k == kw!("over") {
            (Prep::Over, i + 1)
        } else if k.is_in(kws!["from", "between"]) {
            (Prep::From, i + 1)
        } else if k.is_in(kws![
            "after",
            "starting",
            "beginning",
            "commencing",
            "once",
            "upon"
        ]) {
            let j = if self.is_any(i + 1, kws!["in", "on", "from"]) && k != kw!("after") {
                i + 2
            } else {
                i + 1
            };
            (Prep::After, j)
        } else if k == kw!("as") && next(kw!("of")) {
            (Prep::After, i + 2)
        } else if k == kw!("since") {
            (Prep::Since, i + 1)
        } else if k == kw!("when") && self.is_any(i + 1, kws!["i", "we"]) {
            (Prep::After, i + 1)
        } else {
            return None;
        };
        Some(p)
    }

    pub(super) fn after_prep(&self, i: usize, prep: Prep, j: usize) -> Option<Found> {
        match prep {
            Prep::By | Prep::Before => {
                // "by the time I ...", "by my 40th birthday", "by age 35", "before I turn 30"
                if let Some(e) = self.anchor_event(j, !self.is_any(i, kws!["at", "on"])) {
                    return Some(self.found(i, e, TimeKind::UnknownAnchor, None));
                }
                // "by close of business Friday", "by 5pm tomorrow": the day decides.
                let j = match self.time_of_day(j) {
                    Some(e) if self.point_at(e, true).is_some_and(|p| p.is_ok()) => e,
                    _ => j,
                };
                match self.point_any(j, true)? {
                    Err(e) => Some(self.found(i, e, TimeKind::UnknownAnchor, None)),
                    Ok(p) if p.kind == TimeKind::ImpossibleDate => {
                        let mut f = self.deadline_from(i, &p, p.period.end);
                        f.at = j;
                        Some(f)
                    }
                    Ok(p) => {
                        let date = if prep == Prep::Before && !p.pinned {
                            p.period.start.pred_opt()?
                        } else {
                            p.period.end
                        };
                        Some(self.deadline_from(i, &p, date))
                    }
                }
            }
            Prep::Window | Prep::Over => {
                // "in ~6 months", "within about a year", "in under 6 months", "in less than a year"
                let mut j = j;
                loop {
                    if self.is_any(
                        j,
                        kws![
                            "~",
                            "about",
                            "around",
                            "approximately",
                            "approx",
                            "roughly",
                            "just",
                            "only",
                            "under",
                        ],
                    ) {
                        j += 1;
                    } else if self.is_any(j, kws!["less", "fewer"]) && self.is(j + 1, kw!("than")) {
                        j += 2;
                    } else if self.is(j, kw!("no"))
                        && self.is(j + 1, kw!("more"))
                        && self.is(j + 2, kw!("than"))
                    {
                        j += 3;
                    } else {
                        break;
                    }
                    if self.is(j, kw!(".")) {
                        j += 1;
                    }
                }
                // "within the week", "within the month": the current one.
                if prep == Prep::Window
                    && self.is(j, kw!("the"))
                    && let Some((u, e)) = self.unit_at(j + 1)
                    && !self.plural(j + 1)
                    && !self.is(e, kw!("of"))
                    && let Some(p) = self.unit_period(u, 0)
                {
                    return Some(self.found(i, e, TimeKind::Period, Some(p.end)));
                }
                // "within the next review cycle", "during my probation": an event with no date.
                if prep == Prep::Window
                    && let Some(e) = self.anchor_event(j, false)
                {
                    return Some(self.found(i, e, TimeKind::UnknownAnchor, None));
                }
                if let Some(d) = self.window_duration(j) {
                    if d.vague {
                        return Some(self.found(i, d.to, TimeKind::Vague, None));
                    }
                    let dur = Duration {
                        value: d.value,
                        unit: d.unit,
                    };
                    if d.unit.is_clock() || d.hyphen {
                        return None;
                    }
                    // "over 5 years of experience" is a measure; "over the next 5 years" a window.
                    if prep == Prep::Over && !self.is_any(j, kws!["the", "next"]) {
                        return None;
                    }
                    let e = self.skip_time_word(d.to);
                    // "for 3 days from today", "for 1 week, from 20th Dec": the last day of the stay.
                    if self.is(i, kw!("for"))
                        && let k = e + usize::from(self.is(e, kw!(",")))
                        && self.is_any(k, kws!["from", "starting", "beginning"])
                        && let Some(Ok(p)) =
                            self.point_at(k + 1 + usize::from(self.is(k + 1, kw!("on"))), true)
                    {
                        let end = d.shift(p.period.start, false)?.pred_opt()?;
                        let mut f = self.found(i, p.to, TimeKind::Relative, Some(end));
                        f.expr.duration = Some(dur);
                        return Some(f);
                    }
                    // "3 days starting from next Monday", "a week starting tomorrow"
                    if self.is_any(e, kws!["starting", "beginning", "commencing"])
                        && let Some(Ok(p)) = self.point_at(
                            e + 1 + usize::from(self.is_any(e + 1, kws!["on", "from"])),
                            true,
                        )
                    {
                        let end = d.shift(p.period.start, false)?.pred_opt()?;
                        let mut f = self.found(i, p.to, TimeKind::Relative, Some(end));
                        f.expr.duration = Some(dur);
                        return Some(f);
                    }
                    let e = self.relative_to_now(e).unwrap_or(e);
                    // "reply to every review within 2 days" is a response time, not a deadline.
                    if dur.days() <= 14.0 && self.universal_before(i) {
                        return Some(Self::with_duration(
                            self.found(j, d.to, TimeKind::Measure, None),
                            Some(dur),
                        ));
                    }
                    // "in my first 90 days": counted from a start only the person knows.
                    let possessive = self
                        .t
                        .toks
                        .get(j)
                        .is_some_and(|t| self.lex.info(t.wid).func == Func::Possessive);
                    if possessive {
                        return Some(Self::with_duration(
                            self.found(i, e, TimeKind::UnknownAnchor, None),
                            Some(dur),
                        ));
                    }
                    if let Some(end) = self.anchor_suffix(e, prep == Prep::Window) {
                        return Some(Self::with_duration(
                            self.found(i, end, TimeKind::UnknownAnchor, None),
                            Some(dur),
                        ));
                    }
                    let calendar = (j..d.to)
                        .any(|k| self.is_any(k, kws!["next", "coming", "following", "upcoming"]));
                    let date = if calendar && d.rest[0].is_none() {
                        self.window_end(dur)?
                    } else {
                        d.shift(self.today, false)?
                    };
                    // "in 3 days on Friday": the Friday of that week.
                    let p = self.refine(self.pt(e, day_period(date), TimeKind::Relative));
                    return Some(Self::with_duration(
                        self.found(i, p.to, TimeKind::Relative, Some(p.period.end)),
                        Some(dur),
                    ));
                }
                if prep == Prep::Over && !self.is(j, kw!("the")) {
                    return None;
                }
                let p = self.point_full(j, true)?;
                if p.kind == TimeKind::Past
                    || (self.is_any(i, kws!["in", "during", "for"]) && p.period.end < self.today)
                {
                    return Some(self.past(i, p.to, Some(p.period.end)));
                }
                Some(self.deadline_from(i, &p, p.period.end))
            }
            Prep::From => {
                // "between now and May 21st", "from today until June"
                if self.is_any(j, kws!["now", "today"])
                    && self.is_any(j + 1, kws!["and", "to", "until", "till", "through", "-"])
                    && let Some(q) = self.point_full(j + 2, true)
                {
                    return Some(self.deadline_from(i, &q, q.period.end));
                }
                let p = match self.bare_day_range(j) {
                    Some(q) => q,
                    None => self.point_full(j, true)?,
                };
                if p.range {
                    return Some(self.deadline_from(i, &p, p.period.end));
                }
                if self.is(i, kw!("between")) {
                    return None;
                }
                Some(self.found(i, p.to, TimeKind::Start, None))
            }
            Prep::After => {
                if let Some(e) = self.anchor_event(j, true) {
                    let mut f = self.found(i, e, TimeKind::Start, None);
                    f.expr.unknown_anchor = true;
                    return Some(f);
                }
                let p = self.point_at(j, true)?.ok()?;
                Some(self.found(i, p.to, TimeKind::Start, None))
            }
            Prep::Since => {
                let p = self.point_at(j, true)?.ok()?;
                Some(self.found(i, p.to, TimeKind::Past, None))
            }
        }
    }

    /// Whether "every", "each", "all" or "any" comes before token `i` in its
    /// clause, over an open-ended stream: "respond to every ticket within 2
    /// days" states a response time.
    pub(super) fn universal_before(&self, i: usize) -> bool {
        // "each of my five references" is a finite set, done once: a deadline.
        let Some(u) = (0..i)
            .rev()
            .take_while(|&k| !self.t.is_boundary(k))
            .find(|&k| self.is_any(k, kws!["every", "each", "all", "any"]))
        else {
            return false;
        };
        !self.is(u + 1, kw!("of"))
            && !(u + 1..i)
                .any(|k| self.t.is_num(k) || self.lex.info(self.t.wid(k)).number.is_some())
    }

    /// The end of a short noun phrase naming an event: "graduation", "starting my new job".
    pub(super) fn np_end(&self, i: usize, max: usize) -> usize {
        let stops = kws![
            "by", "within", "in", "and", "or", "to", "for", "with", "at", "on", "but", "so",
            "while", "then",
        ];
        let mut j = i;
        while j < self.t.len() && j < i + max && !self.t.is_boundary(j) && !self.is_any(j, stops) {
            j += 1;
        }
        j
    }

    /// "of graduation", "after I graduate", "following my promotion": an unknown anchor.
    pub(super) fn anchor_suffix(&self, e: usize, prep_of: bool) -> Option<usize> {
        let link = if self.is_any(e, kws!["after", "following", "before"])
            || (prep_of && self.is(e, kw!("of")))
        {
            e + 1
        } else if self.is(e, kw!("prior")) && self.is(e + 1, kw!("to")) {
            e + 2
        } else {
            return None;
        };
        if link >= self.t.len() || self.t.is_boundary(link) {
            return None;
        }
        if self.point_at(link, true).is_some() || self.is_any(link, kws!["now", "today"]) {
            return None;
        }
        let end = self.np_end(link, 6);
        (end > link).then_some(end)
    }

    /// "my 40th birthday", "graduation", "the age of 35", "age 35", "the time I turn 40", "I graduate".
    pub(super) fn anchor_event(&self, i: usize, clause_ok: bool) -> Option<usize> {
        let t = self.t;
        if self.is(i, kw!("the")) && self.is(i + 1, kw!("time")) {
            return Some(self.np_end(i + 2, 5).max(i + 2));
        }
        let mut j = i;
        let func = self.lex.info(t.toks.get(j)?.wid).func;
        if matches!(func, Func::Possessive | Func::Article) && !self.is(j, kw!("a")) {
            j += 1;
        }
        if let Some((_, e)) = ordinal_at(t, self.lex, j) {
            j = e;
        }
        // "my next performance review", "the upcoming product launch": a word or two may qualify the event.
        let j = (j..(j + 3).min(t.len()))
            .take_while(|&k| t.is_word(k) && self.prep_at(k).is_none())
            .find(|&k| self.m.has(k, |c| matches!(c, Cat::AnchorEvent)))
            .unwrap_or(j);
        // "(in calculus) this semester": a period of the calendar, not an event.
        if j > i && self.deictic(j - 1).is_some() {
            return None;
        }
        if let Some((e, _)) = self.m.longest(j, |c| matches!(c, Cat::AnchorEvent)) {
            let mut e = e;
            // "the age of 35", "age 35", "the time I turn 40"
            if self.is(e, kw!("of")) && t.is_num(e + 1) {
                e += 2;
            } else if t.is_num(e) && self.is(e - 1, kw!("age")) {
                e += 1;
            } else if self.is(e, kw!("i")) || self.is(e, kw!("we")) {
                e = self.np_end(e, 4);
            }
            return Some(e);
        }
        // "I turn 30", "we launch"
        if clause_ok && self.is_any(i, kws!["i", "we"]) && t.is_word(i + 1) {
            let e = self.np_end(i + 1, 4);
            return Some(e.max(i + 2));
        }
        None
    }

    /// The end of a range that starts with `p` at token `i`: "March to June
    /// 2027", "November 19-20", "Feb 28th to March 1st", "April 9th through
    /// 17th", "5/1-5/7, 2020", "26 June to 28 June in 2020", "next week
    /// between Wednesday and Friday". Without a range, `p` itself.
    pub(super) fn range_end(&self, i: usize, p: Pt, _ctx: bool) -> Pt {
        let k = p.to;
        let connector = self.is_any(k, kws!["to", "until", "till", "through", "thru", "-"])
            || (self.is(k, kw!("and")) && i > 0 && self.is(i - 1, kw!("between")));
        if !connector {
            return p;
        }
        let Some(mut q) = self.range_target(&p, k + 1) else {
            return p;
        };
        q.range = true;
        q
    }

    /// What ends a range that starts with `p`: a point, or a bare day in
    /// `p`'s month ("November 19-20"), with a year or a month after it that
    /// applies to both ends ("5/1-5/7, 2020", "4 to 22 this month").
    fn range_target(&self, p: &Pt, k: usize) -> Option<Pt> {
        let q = if let Some((n, e)) = self.weekday_at(k)
            && !self.is_any(e, kws![",", "the"])
            && !self.t.is_num(e)
        {
            // "from next Monday to Friday": the first Friday from the start.
            let ahead = (i64::from(n) - i64::from(p.period.start.weekday().number_from_monday()))
                .rem_euclid(7);
            let d = p
                .period
                .start
                .checked_add_signed(chrono::Duration::days(ahead))?;
            self.pt(e, day_period(d), self.past_or(d, TimeKind::Date))
        } else if let Some(q) = self.weekday_point(k, true) {
            q
        } else if let Some(q) = self.day_in_context(k) {
            q
        } else if p.period.grain == Grain::Day
            && let Some((day, e)) = self.day_number(k + usize::from(self.is(k, kw!("the"))))
            && self.month_at(e, false).is_none()
            && !(self.is_any(e, kws!["/", "-", "."]) && self.t.joined(e))
        {
            let start = p.period.start;
            let mut d = NaiveDate::from_ymd_opt(start.year(), start.month(), day);
            if d.is_none_or(|d| d < start) {
                let next = start.checked_add_months(chrono::Months::new(1))?;
                d = NaiveDate::from_ymd_opt(next.year(), next.month(), day);
            }
            let d = d?;
            let mut q = self.pt(e, day_period(d), self.past_or(d, TimeKind::Date));
            q.explicit_year = p.explicit_year;
            q
        } else if let Some(Ok(q)) = self.point_at(k, true) {
            self.refine(q)
        } else {
            return None;
        };
        // "from 5/1 to 5/7, 2020", "26 June to 28 June in 2020": a year for the end.
        if q.period.grain == Grain::Day
            && !q.explicit_year
            && let Some((y, to)) = self.trailing_year(q.to)
        {
            let d = q.period.end;
            let d = NaiveDate::from_ymd_opt(y, d.month(), d.day())?;
            let mut out = self.pt(to, day_period(d), self.past_or(d, TimeKind::Date));
            out.explicit_year = true;
            return Some(out);
        }
        Some(q)
    }

    /// A range that starts with a bare day: "4 to 22 this month", "3 and 12
    /// of Sept" (after "between"), "9 to 12 of June", "the ninth and the
    /// seventeenth of April".
    pub(super) fn bare_day_range(&self, i: usize) -> Option<Pt> {
        let j = i + usize::from(self.is(i, kw!("the")));
        let (_, e) = self.day_number(j)?;
        if !(self.is_any(e, kws!["to", "until", "till", "through", "thru", "-"])
            || (self.is(e, kw!("and")) && i > 0 && self.is_any(i - 1, kws!["between"])))
        {
            return None;
        }
        let mut q = self.day_in_context(e + 1)?;
        q.range = true;
        Some(q)
    }

    /// A day with the month it is in: "22 this month", "23 of next month",
    /// "the 15th day of next month", "12 of Sept", "the seventeenth of April".
    pub(super) fn day_in_context(&self, i: usize) -> Option<Pt> {
        let j = i + usize::from(self.is(i, kw!("the")));
        let (day, mut e) = self.day_number(j)?;
        if self.is(e, kw!("day")) {
            e += 1;
        }
        let k = e + usize::from(self.is_any(e, kws!["of", "in"]));
        let mut bare_month = false;
        let month = if self.is(k, kw!("the")) && self.is(k + 1, kw!("month")) {
            // "the first of the month": the next first.
            let d = self.upcoming_day(day)?;
            return Some(self.pt(k + 2, day_period(d), TimeKind::Date));
        } else if self.is_any(
            k,
            kws![
                "this",
                "next",
                "last",
                "previous",
                "the",
                "coming",
                "following"
            ],
        ) && let Some(p) = self.deictic(k)
            && p.period.grain == Grain::Month
        {
            p
        } else if let Some((m, e2)) = self.month_at(k, false) {
            match self.trailing_year(e2) {
                Some((y, to)) => {
                    let mut p = self.pt(to, month_period(y, m)?, TimeKind::Period);
                    p.explicit_year = true;
                    p
                }
                None => {
                    bare_month = true;
                    self.pt(e2, self.upcoming(|y| month_period(y, m))?, TimeKind::Period)
                }
            }
        } else {
            return None;
        };
        let start = month.period.start;
        let Some(mut d) = NaiveDate::from_ymd_opt(start.year(), start.month(), day) else {
            return Some(self.impossible(month.to));
        };
        // "12 of Nov" said on November 28th is next year's.
        if bare_month && d < self.today {
            d = self.dated(None, start.month(), day)?;
        }
        let mut p = self.pt(month.to, day_period(d), self.past_or(d, TimeKind::Date));
        p.explicit_year = month.explicit_year;
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_rows;

    #[test]
    fn prepositions_and_ranges() {
        check_rows(
            "2026-12-02",
            &[
                ("no later than March 1", "2027-03-01"),
                ("before June", "2027-05-31"),
                ("until Friday", "2026-12-04"),
                ("through March", "2027-03-31"),
                ("sooner than 2028", "2027-12-31"),
                ("from March to June 2027", "2027-06-30"),
                ("between 3 and 12 of Sept", "2027-09-12"),
                ("November 19-20", "2027-11-20"),
                ("from 4 to 22 next month", "2027-01-22"),
                ("between now and May 21st", "2027-05-21"),
                ("from next Monday to Friday", "2026-12-11"),
                ("for 3 days from today", "2026-12-04"),
            ],
        );
    }
}
