//! Prepositions, anchors and offsets: "by", "within", "before", "from ... to",
//! "after"; events with no date ("of graduation", "by my 40th birthday").

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
        } else if k.is_in(kws!["no", "not"]) && next(kw!("later")) && self.is(i + 2, kw!("than")) {
            (Prep::By, i + 3)
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
        } else if k == kw!("from") {
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
                match self.point_at(j, true)? {
                    Err(e) => Some(self.found(i, e, TimeKind::UnknownAnchor, None)),
                    Ok(p) => {
                        let date =
                            if prep == Prep::Before && p.period.grain != Grain::Day && !p.pinned {
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
                    let date = add_duration(self.today, dur)?;
                    return Some(Self::with_duration(
                        self.found(i, e, TimeKind::Relative, Some(date)),
                        Some(dur),
                    ));
                }
                if prep == Prep::Over && !self.is(j, kw!("the")) {
                    return None;
                }
                let p = self.point_at(j, true)?.ok()?;
                if p.kind == TimeKind::Past
                    || (self.is_any(i, kws!["in", "during", "for"]) && p.period.end < self.today)
                {
                    return Some(self.found(i, p.to, TimeKind::Past, None));
                }
                Some(self.deadline_from(i, &p, p.period.end))
            }
            Prep::From => {
                let p = self.point_at(j, true)?.ok()?;
                let k = p.to;
                if self.is_any(k, kws!["to", "until", "till", "through", "thru", "-"])
                    && let Some(Ok(q)) = self.point_at(k + 1, true)
                {
                    return Some(self.deadline_from(i, &q, q.period.end));
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
}
