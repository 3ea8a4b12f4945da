//! Periods: quarters, halves, seasons, fiscal years, this/next/last
//! periods, period ends and edges ("the end of", "early", "mid").

use chrono::{Datelike, NaiveDate};

use super::*;

impl Scanner<'_, '_> {
    /// Q3, Q3 2027, Q3'27, H2 2027, the third quarter of 2027, the second half of next year.
    pub(super) fn quarter_or_half(&self, i: usize) -> Option<Pt> {
        let t = self.t;
        let (grain, n, e) = if self.is_any(i, kws!["q", "h"])
            && t.is_num(i + 1)
            && t.joined(i + 1)
            && !t.toks[i + 1].formatted
        {
            let n = t.toks[i + 1].value as u32;
            let grain = if self.is(i, kw!("q")) {
                Grain::Quarter
            } else {
                Grain::Half
            };
            let max = if grain == Grain::Quarter { 4 } else { 2 };
            if !(1..=max).contains(&n) {
                return None;
            }
            (grain, n, i + 2)
        } else {
            let j = if self.is(i, kw!("the")) { i + 1 } else { i };
            let n = self.ordinal_word(j)?;
            if self.is(j + 1, kw!("quarter")) {
                (Grain::Quarter, n, j + 2)
            } else if self.is(j + 1, kw!("half")) && n <= 2 {
                (Grain::Half, n, j + 2)
            } else if self.is(j + 1, kw!("half")) && self.is(j, kw!("last")) {
                (Grain::Half, 2, j + 2)
            } else {
                return None;
            }
        };
        let build = |y: i32| {
            if grain == Grain::Quarter {
                quarter_period(y, n)
            } else {
                half_period(y, n)
            }
        };
        let fy = |k: usize| -> Option<(i32, usize)> {
            if self.is(k, kw!("fy")) && t.is_num(k + 1) && t.joined(k + 1) {
                let v = t.toks[k + 1].value as i32;
                return match t.toks[k + 1].int_digits {
                    2 => Some((2000 + v, k + 2)),
                    4 => Some((v, k + 2)),
                    _ => None,
                };
            }
            None
        };
        if let Some((y, to)) = self.trailing_year(e).or_else(|| fy(e)) {
            return Some(self.pt(to, build(y)?, TimeKind::Period));
        }
        let p = self.upcoming(build)?;
        Some(self.pt(e, p, TimeKind::Period))
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
        let (offset, j) = if k.is_in(kws!["this", "current"]) {
            (0, i + 1)
        } else if k == kw!("next") {
            (1, i + 1)
        } else if k.is_in(kws!["last", "previous", "past"]) {
            (-1, i + 1)
        } else if the && self.is(i + 1, kw!("current")) {
            (0, i + 2)
        } else if the && self.is(i + 1, kw!("following")) {
            (1, i + 2)
        } else if the && self.is_any(i + 1, kws!["previous", "past", "last"]) {
            (-1, i + 2)
        } else if the
            // "in the next quarter": quarters and halves are calendar periods;
            // "the next year" is a span, read by the window grammar.
            && self.is_any(i + 1, kws!["next", "coming", "upcoming"])
            && matches!(
                self.unit_at(i + 2),
                Some((TimeUnit::Quarter | TimeUnit::Half, _))
            )
            && !self.plural(i + 2)
        {
            (1, i + 2)
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
            return Some(self.pt(j + 1, p, kind));
        }
        if let Some((u, e)) = self.unit_at(j)
            && !self.plural(j)
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
        if let Some(p) = self.weekday(j, offset) {
            return Some(p);
        }
        None
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
        if !self.is(i, kw!("the")) || !self.is_any(i + 1, kws!["first", "last", "final"]) {
            return None;
        }
        let first = self.is(i + 1, kw!("first"));
        let (value, unit, e) = match self.duration_at(i + 2) {
            Some(d) if !d.vague && !d.unit.is_clock() => (d.value, d.unit, d.to),
            _ => {
                let (u, e) = self.unit_at(i + 2)?;
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
