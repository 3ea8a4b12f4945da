//! Frequencies: "every month", "weekly", "once a quarter", "$50,000 a year".

use super::*;

impl Scanner<'_, '_> {
    /// "every month", "each quarter", "every other week", "per week", "a year" (after an amount),
    /// "weekly", "on a weekly basis", "once a month", "twice a year".
    pub(super) fn frequency_at(&self, i: usize) -> Option<Found> {
        let t = self.t;
        // "on Mondays", "on Fridays": every week.
        if self.is(i, kw!("on"))
            && let Some((_, e)) = self.weekday_plural_at(i + 1)
        {
            return Some(self.every(i, e, 1.0, TimeUnit::Week, false));
        }
        // "once a month", "twice a year"
        if self.is_any(i, kws!["once", "twice", "thrice"])
            && self.is_any(i + 1, kws!["a", "an", "per", "every", "each"])
        {
            let (u, e) = self.unit_at(i + 2)?;
            return Some(self.every(i, e, 1.0, u, true));
        }
        if self.is_any(i, kws!["every", "each", "per"]) || (self.is(i, kw!("/")) && t.joined(i + 1))
        {
            let mut j = i + 1;
            let mut value = 1.0;
            if self.is(j, kw!("other")) {
                value = 2.0;
                j += 1;
            } else if let Some(n) = number_at(t, self.lex, j)
                && self.unit_at(n.end).is_some()
            {
                value = n.value;
                j = n.end;
            }
            if let Some((u, e)) = self.unit_at(j) {
                return Some(self.every(i, e, value, u, false));
            }
            if let Some(p) = self.weekday(j, 0) {
                return Some(self.every(i, p.to, 1.0, TimeUnit::Week, false));
            }
            if let Some((_, e)) = self.month_at(j, false) {
                return Some(self.every(i, e, 1.0, TimeUnit::Year, false));
            }
            return None;
        }
        if let Some((e, Cat::Frequency(u))) = self.m.longest(i, |c| matches!(c, Cat::Frequency(_)))
        {
            return Some(self.every(i, e, 1.0, u, false));
        }
        if self.is(i, kw!("on"))
            && self.is_any(i + 1, kws!["a", "an"])
            && let Some((e, Cat::Frequency(u))) =
                self.m.longest(i + 2, |c| matches!(c, Cat::Frequency(_)))
        {
            let to = if self.is(e, kw!("basis")) { e + 1 } else { e };
            return Some(self.every(i, to, 1.0, u, false));
        }
        // "a year" after an amount or a noun: "$50,000 a year", "one book a month".
        if self.is_any(i, kws!["a", "an"]) && i > 0 {
            let (u, e) = self.unit_at(i + 1)?;
            if self.plural(i + 1) {
                return None;
            }
            let prev = &t.toks[i - 1];
            let prev_info = self.lex.info(prev.wid);
            let prev_is_prep = self.prep_at(i - 1).is_some()
                || self.is_any(
                    i - 1,
                    kws![
                        "than", "about", "around", "nearly", "almost", "spend", "take", "takes",
                        "took",
                    ],
                );
            let noun_like = prev.kind == crate::smart::token::TokKind::Num
                || (t.is_word(i - 1)
                    && prev_info.verb.is_none()
                    && prev_info.func == Func::None
                    && !prev_is_prep);
            if noun_like {
                return Some(self.every(i, e, 1.0, u, false));
            }
        }
        None
    }
}

impl Scanner<'_, '_> {
    /// A frequency over tokens `from..to`: every `value` `unit`s, with a
    /// count ("3 times a week") when `counted`.
    fn every(&self, from: usize, to: usize, value: f64, unit: TimeUnit, counted: bool) -> Found {
        let mut f = self.found(from, to, TimeKind::Frequency, None);
        f.expr.duration = Some(Duration { value, unit });
        f.counted = counted;
        f
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn weekday_plurals_are_frequencies() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let found = find_time_expressions("Run the team retro on Fridays.", today);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].text.as_str(), found[0].kind),
            ("on Fridays", TimeKind::Frequency)
        );
        let found = find_time_expressions("Review the plan every Monday.", today);
        assert_eq!(found[0].kind, TimeKind::Frequency);
    }
}
