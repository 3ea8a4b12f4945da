//! Durations: "six months", "a year and a half", "the next 60 days", and
//! durations with no preposition (relative, past, anchored, rates, measures).

use super::*;

impl Scanner<'_, '_> {
    pub(super) fn vague_amount(&self, i: usize) -> Option<usize> {
        let j = if self.is(i, kw!("a")) && self.is_any(i + 1, kws!["few", "number"]) {
            i + 1
        } else {
            i
        };
        if self.is(j, kw!("number")) {
            return self.is(j + 1, kw!("of")).then_some(j + 2);
        }
        let info = self.lex.info(self.t.toks.get(j)?.wid);
        (info.func == Func::VagueQuantifier).then_some(j + 1)
    }

    /// A duration: "six months", "6-9 months", "a year and a half", "8-week", "a few weeks".
    pub(super) fn duration_at(&self, i: usize) -> Option<Dur> {
        let t = self.t;
        if i >= t.len() {
            return None;
        }
        if let Some(e) = self.vague_amount(i)
            && let Some((u, to)) = self.unit_at(e)
        {
            return Some(Dur {
                value: 3.0,
                unit: u,
                to,
                vague: true,
                hyphen: false,
                rest: [None; 2],
            });
        }
        // "half a year", "half an hour"
        if self.is(i, kw!("half"))
            && self.is_any(i + 1, kws!["a", "an"])
            && let Some((u, to)) = self.unit_at(i + 2)
        {
            return Some(Dur {
                value: 0.5,
                unit: u,
                to,
                vague: false,
                hyphen: false,
                rest: [None; 2],
            });
        }
        // "between 6 and 9 months"
        if self.is(i, kw!("between"))
            && let Some(a) = number_at(t, self.lex, i + 1)
            && self.is(a.end, kw!("and"))
            && let Some(b) = number_at(t, self.lex, a.end + 1)
            && let Some((u, to)) = self.unit_at(b.end)
            && b.value > a.value
        {
            return Some(Dur {
                value: b.value,
                unit: u,
                to,
                vague: false,
                hyphen: false,
                rest: [None; 2],
            });
        }
        let (mut value, mut e) = if self.is_any(i, kws!["a", "an"]) && self.unit_at(i + 1).is_some()
        {
            (1.0, i + 1)
        } else {
            let n = number_at(t, self.lex, i)?;
            (n.value, n.end)
        };
        // Ranges: "six to nine months", "6-9 months", "2 or 3 years".
        if self.is_any(e, kws!["to", "or", "-", "/"])
            && let Some(b) = number_at(t, self.lex, e + 1)
            && b.value > value
            && self.unit_at(b.end).is_some()
        {
            value = b.value;
            e = b.end;
        }
        if self.is(e, kw!("+")) && t.joined(e) {
            e += 1;
        }
        let hyphen = self.is(e, kw!("-")) && t.joined(e) && t.joined(e + 1);
        let ue = if hyphen { e + 1 } else { e };
        let (unit, mut to) = self.unit_at(ue)?;
        // "a year and a half"
        if self.is(to, kw!("and"))
            && self.is_any(to + 1, kws!["a", "one"])
            && self.is(to + 2, kw!("half"))
        {
            value += 0.5;
            to += 3;
        }
        // "year-long", "12-month-long"
        if self.is(to, kw!("-")) && t.joined(to) && self.is(to + 1, kw!("long")) && t.joined(to + 1)
        {
            to += 2;
        }
        // "2 weeks and 2 days", "5 years 1 month 12 days", "1 month, 21 days"
        let mut rest = [None; 2];
        let mut smaller = unit;
        for slot in &mut rest {
            if hyphen {
                break;
            }
            let k = to + usize::from(self.is_any(to, kws![",", "and"]));
            let Some(n) = number_at(t, self.lex, k).filter(|n| n.value > 0.0) else {
                break;
            };
            let Some((u, e)) = self.unit_at(n.end) else {
                break;
            };
            if u == unit || u == smaller || u.is_clock() {
                break;
            }
            *slot = Some(Duration {
                value: n.value,
                unit: u,
            });
            smaller = u;
            to = e;
        }
        Some(Dur {
            value,
            unit,
            to,
            vague: false,
            hyphen,
            rest,
        })
    }

    /// "the next 60 days", "next 12 months", "the coming year", "the next few weeks".
    pub(super) fn window_duration(&self, i: usize) -> Option<Dur> {
        let j = if self.is(i, kw!("the")) { i + 1 } else { i };
        // "the first year (of launch)", "my first 90 days": a span from the start of something.
        let possessive = self
            .t
            .toks
            .get(i)
            .is_some_and(|t| self.lex.info(t.wid).func == Func::Possessive);
        let j = if possessive { i + 1 } else { j };
        // "the first week of January" is a part of a period (see `first_part_of`).
        if j > i && self.is(j, kw!("first")) && self.first_part_of(i).is_none() {
            if let Some(d) = self.duration_at(j + 1) {
                return Some(d);
            }
            if let Some((u, to)) = self.unit_at(j + 1) {
                return Some(Dur {
                    value: 1.0,
                    unit: u,
                    to,
                    vague: false,
                    hyphen: false,
                    rest: [None; 2],
                });
            }
        }
        if self.is_any(j, kws!["next", "coming", "following", "upcoming"]) {
            if let Some(d) = self.duration_at(j + 1) {
                return Some(d);
            }
            if j > i
                && let Some((u, to)) = self.unit_at(j + 1)
            {
                let plural = self.plural(j + 1);
                // "the next quarter" is the calendar quarter (see `deictic`).
                if !plural && matches!(u, TimeUnit::Quarter | TimeUnit::Half) {
                    return None;
                }
                return Some(Dur {
                    value: if plural { 3.0 } else { 1.0 },
                    unit: u,
                    to,
                    vague: plural,
                    hyphen: false,
                    rest: [None; 2],
                });
            }
            return None;
        }
        self.duration_at(i)
    }

    /// After a duration: "'s time", "' time", "time".
    pub(super) fn skip_time_word(&self, e: usize) -> usize {
        if e > 0 && self.key(e - 1).ends_with("'s") && self.is(e, kw!("time")) {
            return e + 1;
        }
        let quote_s = self.is(e, kw!("'")) && self.is(e + 1, kw!("s"));
        let joined_s = self.is(e, kw!("s")) && self.t.joined(e);
        if quote_s && self.is(e + 2, kw!("time")) {
            e + 3
        } else if (self.is(e, kw!("'")) || joined_s) && self.is(e + 1, kw!("time")) {
            e + 2
        } else {
            e
        }
    }

    /// "from now", "from today", "hence": the reference date itself.
    pub(super) fn relative_to_now(&self, e: usize) -> Option<usize> {
        if self.is(e, kw!("hence")) || self.is(e, kw!("later")) {
            return Some(e + 1);
        }
        if self.is_any(e, kws!["from", "after"]) {
            if self.is_any(e + 1, kws!["now", "today", "tonight"]) {
                return Some(e + 2);
            }
            if self.is(e + 1, kw!("today's")) && self.is(e + 2, kw!("date")) {
                return Some(e + 3);
            }
            if self.is(e + 1, kw!("this")) && self.is_any(e + 2, kws!["date", "day", "point"]) {
                return Some(e + 3);
            }
        }
        None
    }

    /// Durations with no preposition: relative ("three weeks from today"), past ("two years ago"),
    /// anchored ("six months after graduation"), rates ("30 hours a day"), modifiers ("8-week")
    /// and measures ("to 30 days").
    pub(super) fn bare_duration(&self, i: usize) -> Option<Found> {
        let t = self.t;
        let d = self.window_duration(i)?;
        let dur = Duration {
            value: d.value,
            unit: d.unit,
        };
        if d.vague {
            return Some(self.found(i, d.to, TimeKind::Vague, None));
        }
        let e = self.skip_time_word(d.to);
        if let Some(end) = self.relative_to_now(e)
            && !d.unit.is_clock()
        {
            let date = add_duration(self.today, dur)?;
            return Some(Self::with_duration(
                self.found(i, end, TimeKind::Relative, Some(date)),
                Some(dur),
            ));
        }
        if self.is_any(e, kws!["ago", "back", "earlier"]) {
            return Some(self.found(i, e + 1, TimeKind::Past, None));
        }
        // "the next 60 days", "following 2 quarters" with no preposition is still a window.
        if self.is_any(i, kws!["the", "next", "following", "coming", "upcoming"])
            && !d.unit.is_clock()
        {
            let date = if d.rest[0].is_none() {
                self.window_end(dur)?
            } else {
                d.shift(self.today, false)?
            };
            return Some(Self::with_duration(
                self.found(i, e, TimeKind::Relative, Some(date)),
                Some(dur),
            ));
        }
        if !d.unit.is_clock()
            && !d.hyphen
            && let Some(end) = self.anchor_suffix(e, false)
        {
            return Some(Self::with_duration(
                self.found(i, end, TimeKind::UnknownAnchor, None),
                Some(dur),
            ));
        }
        // Rates: "30 hours a day", "2 hours per week", "10 hours/week".
        if self.is_any(d.to, kws!["a", "an", "per", "each", "every", "/"])
            && let Some((u, e2)) = self.unit_at(d.to + 1)
        {
            let mut f = self.found(i, e2, TimeKind::Frequency, None);
            f.expr.duration = Some(Duration {
                value: 1.0,
                unit: u,
            });
            f.expr.rate = Some(dur);
            f.counted = true;
            return Some(f);
        }
        let kind = if d.hyphen
            || (i > 0
                && self.is_any(i - 1, kws!["a", "an"])
                && t.is_word(d.to)
                && !t.is_boundary(d.to)
                && self.prep_at(d.to).is_none()
                && !self.is(d.to, kw!("of")))
        {
            TimeKind::Modifier
        } else {
            TimeKind::Measure
        };
        Some(Self::with_duration(
            self.found(i, d.to, kind, None),
            Some(dur),
        ))
    }

    /// A duration measured from a point: "three weeks from tomorrow", "3 days
    /// after January 12th", "2 weeks before May 13 1999", "two days ago",
    /// "4 weeks in the future", "less than 3 days after tomorrow", "3 next
    /// weeks", "5 past years".
    pub(super) fn offset_point(&self, i: usize) -> Option<Pt> {
        let mut j = i;
        if self.is_any(j, kws!["less", "fewer", "more"]) && self.is(j + 1, kw!("than")) {
            j += 2;
        }
        // "3 next weeks", "5 upcoming years", "10 previous weeks"
        if let Some(n) = number_at(self.t, self.lex, j)
            && self.is_any(
                n.end,
                kws![
                    "next",
                    "upcoming",
                    "coming",
                    "following",
                    "past",
                    "previous",
                    "last"
                ],
            )
            && let Some((u, e)) = self.unit_at(n.end + 1)
            && !u.is_clock()
        {
            if self.is_any(n.end, kws!["past", "previous", "last"]) {
                let d = self.past_window_end(u)?;
                return Some(self.pt(e, day_period(d), TimeKind::Past));
            }
            let dur = Duration {
                value: n.value,
                unit: u,
            };
            let d = self.window_end(dur)?;
            let mut p = self.pt(e, day_period(d), TimeKind::Relative);
            p.duration = Some(dur);
            return Some(p);
        }
        let d = self.duration_at(j)?;
        if d.vague || d.unit.is_clock() || d.hyphen {
            return None;
        }
        let e = self.skip_time_word(d.to);
        // "two days ago", "a month back"
        if self.is_any(e, kws!["ago", "back", "earlier"]) {
            let date = d.shift(self.today, true)?;
            let mut p = self.pt(e + 1, day_period(date), TimeKind::Past);
            p.duration = Some(d.head());
            return Some(p);
        }
        // "3 days starting from next Monday", "a week starting tomorrow": the stay's last day.
        if self.is_any(e, kws!["starting", "beginning", "commencing"])
            && let k = e + 1 + usize::from(self.is_any(e + 1, kws!["on", "from"]))
            && let Some(Ok(p)) = self.point_at(k, true)
        {
            let date = d.shift(p.period.start, false)?.pred_opt()?;
            let mut out = self.pt(
                p.to,
                day_period(date),
                self.past_or(date, TimeKind::Relative),
            );
            out.duration = Some(d.head());
            return Some(out);
        }
        // "4 weeks in the future"
        if self.is(e, kw!("in")) && self.is(e + 1, kw!("the")) && self.is(e + 2, kw!("future")) {
            let date = d.shift(self.today, false)?;
            let mut p = self.pt(e + 3, day_period(date), TimeKind::Relative);
            p.duration = Some(d.head());
            return Some(p);
        }
        let back = if self.is_any(e, kws!["from", "after", "since"]) {
            false
        } else if self.is(e, kw!("before")) {
            true
        } else {
            return None;
        };
        let to_now = self.relative_to_now(e);
        let (anchor, to, kind) = if let Some(end) = to_now.filter(|_| !back) {
            (self.today, end, TimeKind::Relative)
        } else {
            let p = self.point_at(e + 1, true)?.ok()?;
            if p.period.grain != Grain::Day && !self.is(e, kw!("since")) {
                return None;
            }
            let anchor = if self.is(e, kw!("since")) {
                p.period.start
            } else {
                p.period.end
            };
            let kind = if self.is_any(e + 1, kws!["today", "now"]) {
                TimeKind::Relative
            } else {
                TimeKind::Date
            };
            (anchor, p.to, kind)
        };
        let date = d.shift(anchor, back)?;
        let kind = if date < self.today {
            TimeKind::Past
        } else {
            kind
        };
        let mut p = self.pt(to, day_period(date), kind);
        p.duration = Some(d.head());
        Some(p)
    }

    /// The last day of "the last 3 months", "the past two weeks", "the
    /// previous 2 quarters": yesterday, or for quarters, halves and years
    /// counted as calendar periods ("the last 2 quarters") the end of the
    /// previous one.
    pub(super) fn past_window_end(&self, unit: TimeUnit) -> Option<NaiveDate> {
        match unit {
            TimeUnit::Quarter | TimeUnit::Half => Some(self.unit_period(unit, -1)?.end),
            TimeUnit::BusinessDay => add_business_days(self.today, -1),
            _ => self.today.pred_opt(),
        }
    }

    /// The end of "the next N units" from the reference date: N calendar
    /// quarters or halves after the current one, else the span added.
    pub(super) fn window_end(&self, dur: Duration) -> Option<NaiveDate> {
        if matches!(dur.unit, TimeUnit::Quarter | TimeUnit::Half) && dur.value.fract() == 0.0 {
            return Some(self.unit_period(dur.unit, dur.value as i32)?.end);
        }
        add_duration(self.today, dur)
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_rows;

    #[test]
    fn offsets_from_a_day() {
        check_rows(
            "2026-12-02",
            &[
                ("three weeks from tomorrow", "2026-12-24"),
                ("2 weeks from 2027-01-15", "2027-01-29"),
                ("10 days after January 4th", "2027-01-14"),
                ("2 weeks before March 1, 2027", "2027-02-15"),
                ("two days ago", "2026-11-30"),
                ("1 month and 3 days ago", "2026-10-30"),
                ("within 2 years 3 months", "2029-03-02"),
                ("in 4 business days", "2026-12-08"),
                ("within 2 yrs", "2028-12-02"),
                ("in 3 wks", "2026-12-23"),
                ("within 10 working days", "2026-12-16"),
                ("a week starting tomorrow", "2026-12-09"),
                ("4 weeks in the future", "2026-12-30"),
                ("the last 3 months", "2026-12-01"),
            ],
        );
    }
}
