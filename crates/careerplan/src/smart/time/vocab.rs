//! Vocabulary: the words the grammar is made of (month, unit, weekday and
//! ordinal names from the lexicons) and the keywords an expression can start at.

use super::*;
use crate::smart::lexicon::Cat;

impl Scanner<'_, '_> {
    pub(super) fn month_at(&self, i: usize, strict: bool) -> Option<(u32, usize)> {
        let (end, cat) = self.m.longest(i, |c| matches!(c, Cat::Month(_)))?;
        let Cat::Month(n) = cat else { return None };
        // "may" and "march" are verbs too; without a date-like context they need a capital.
        if strict && self.is_any(i, kws!["may", "march", "mar"]) {
            let title = self.t.toks[i].case == crate::smart::token::Case::Title && i > 0;
            if !title {
                return None;
            }
        }
        let mut end = end;
        // "Sept.", "Mar.": the dot of an abbreviation belongs to the month.
        if self.is(end, kw!("."))
            && self.t.joined(end)
            && (self.key(i).len() <= 3 || self.is(i, kw!("sept")))
        {
            end += 1;
        }
        Some((u32::from(n), end))
    }

    pub(super) fn unit_at(&self, i: usize) -> Option<(TimeUnit, usize)> {
        let (end, cat) = self.m.longest(i, |c| matches!(c, Cat::Unit(_)))?;
        let Cat::Unit(u) = cat else { return None };
        Some((u, end))
    }

    pub(super) fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((d, e)) = ordinal_at(self.t, self.lex, i) {
            return (1..=31).contains(&d).then_some((d, e));
        }
        let t = self.t;
        if t.is_num(i) && !t.toks[i].formatted && t.toks[i].int_digits <= 2 {
            let d = t.toks[i].value as u32;
            // "June 2027" must stay a month: a day is not followed by a joined digit.
            return (1..=31).contains(&d).then_some((d, i + 1));
        }
        // "May twenty nine", "Friday the fifteen"
        let n = number_at(t, self.lex, i)?;
        (n.words
            && n.value.fract() == 0.0
            && (1.0..=31.0).contains(&n.value)
            && !self.is_any(i, kws!["a", "an"]))
        .then_some((n.value as u32, n.end))
    }

    /// An ordinal that can count periods at `i` ("first", "2nd", "third",
    /// "last", "final"): its value (0 for the last) and the token after it.
    pub(super) fn ordinal_word(&self, i: usize) -> Option<(u32, usize)> {
        if self.is_any(i, kws!["last", "final"]) {
            return Some((0, i + 1));
        }
        ordinal_at(self.t, self.lex, i)
    }

    /// Whether token `i` is a plural ("months", "yrs"); "year's" is a genitive, not a plural.
    pub(super) fn plural(&self, i: usize) -> bool {
        // A unit of several words is plural by its last: "business days",
        // not "business day".
        let last = self.unit_at(i).map_or(i, |(_, e)| e - 1);
        let k = self.key(last);
        k.ends_with('s') && !k.ends_with("'s")
    }

    /// A weekday name at `i` ("Friday", "fri", "Thu."): its ISO number
    /// (Monday = 1) and the token after it. Plurals ("Mondays") are not a day.
    pub(super) fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        if self.plural(i) && !self.is_any(i, kws!["tues", "weds", "thurs"]) {
            return None;
        }
        self.weekday_name(i)
    }

    /// A plural weekday name at `i` ("Mondays").
    pub(super) fn weekday_plural_at(&self, i: usize) -> Option<(u32, usize)> {
        if !self.plural(i) || self.is_any(i, kws!["tues", "weds", "thurs"]) {
            return None;
        }
        self.weekday_name(i)
    }

    fn weekday_name(&self, i: usize) -> Option<(u32, usize)> {
        let (e, cat) = self.m.longest(i, |c| matches!(c, Cat::Weekday(_)))?;
        let Cat::Weekday(n) = cat else { return None };
        // "Thu.", "Mon.": the dot of an abbreviation belongs to the day.
        let e = if self.is(e, kw!(".")) && self.t.joined(e) && self.key(i).len() <= 5 {
            e + 1
        } else {
            e
        };
        Some((u32::from(n), e))
    }

    /// A time of day at `k` ("5pm", "at 3 p.m.", "17:00", "noon", "EOD",
    /// "close of business", "tomorrow morning"'s "morning"): the token after
    /// it. A deadline is a day; the hour does not move it.
    pub(super) fn time_of_day(&self, k: usize) -> Option<usize> {
        let t = self.t;
        let k = k + usize::from(self.is_any(k, kws!["at", "@", "by", ","]));
        if self.is_any(
            k,
            kws![
                "noon",
                "midday",
                "midnight",
                "eod",
                "cob",
                "eob",
                "morning",
                "afternoon",
                "evening",
                "night",
                "tonight"
            ],
        ) {
            return Some(k + 1);
        }
        if self.is_any(k, kws!["end", "close"]) && self.is(k + 1, kw!("of")) {
            // "end of day", "close of business", "end of the business day"
            let j = k + 2 + usize::from(self.is(k + 2, kw!("the")));
            if self.is(j, kw!("business")) && self.is(j + 1, kw!("day")) {
                return Some(j + 2);
            }
            if self.is_any(j, kws!["day", "business", "play"]) {
                return Some(j + 1);
            }
        }
        if !t.is_num(k) || t.toks[k].formatted || t.toks[k].int_digits > 2 || t.toks[k].value > 24.0
        {
            return None;
        }
        let mut e = k + 1;
        // "17:00", "5:30"
        let minutes = self.is_any(e, kws![":", "."])
            && t.joined(e)
            && t.is_num(e + 1)
            && t.joined(e + 1)
            && t.toks[e + 1].int_digits == 2;
        if minutes {
            e += 2;
        }
        if self.is_any(e, kws!["am", "pm"]) {
            return Some(e + 1);
        }
        // "a.m.", "p.m."
        if self.is_any(e, kws!["a", "p"]) && self.is(e + 1, kw!(".")) && self.is(e + 2, kw!("m")) {
            return Some(e + 3 + usize::from(self.is(e + 3, kw!("."))));
        }
        if self.is(e, kw!("o'clock"))
            || (self.is(e, kw!("o")) && self.is(e + 1, kw!("'")) && self.is(e + 2, kw!("clock")))
        {
            return Some(if self.is(e, kw!("o'clock")) {
                e + 1
            } else {
                e + 3
            });
        }
        minutes.then_some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    /// Run `f` on a scanner over `text` (reference date 2026-12-02).
    fn with<R>(text: &str, f: impl FnOnce(&Scanner<'_, '_>) -> R) -> R {
        let lex = lexicon();
        let t = Tokens::new(text, lex);
        let m = lex.match_phrases(&t);
        let s = Scanner {
            t: &t,
            lex,
            m: &m,
            today: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            opts: TimeOptions::default(),
            first_content: 0,
        };
        f(&s)
    }

    #[test]
    fn weekday_names_abbreviations_and_plurals() {
        assert_eq!(with("Thu. next", |s| s.weekday_at(0)), Some((4, 2)));
        assert_eq!(with("tues", |s| s.weekday_at(0)), Some((2, 1)));
        assert_eq!(with("Mondays", |s| s.weekday_at(0)), None);
        assert_eq!(with("Mondays", |s| s.weekday_plural_at(0)), Some((1, 1)));
        assert_eq!(with("sunny", |s| s.weekday_at(0)), None);
    }

    #[test]
    fn months_may_and_march_need_a_date_beside_them() {
        assert_eq!(with("Sept. 3", |s| s.month_at(0, true)), Some((9, 2)));
        assert_eq!(with("I may go", |s| s.month_at(1, true)), None);
        assert_eq!(with("I may go", |s| s.month_at(1, false)), Some((5, 2)));
    }

    #[test]
    fn days_ordinals_and_plurals() {
        assert_eq!(with("the 21st", |s| s.day_number(1)), Some((21, 3)));
        assert_eq!(with("twenty nine", |s| s.day_number(0)), Some((29, 2)));
        assert_eq!(with("forty", |s| s.day_number(0)), None);
        assert_eq!(with("last", |s| s.ordinal_word(0)), Some((0, 1)));
        assert_eq!(with("third", |s| s.ordinal_word(0)), Some((3, 1)));
        assert!(with("business days", |s| s.plural(0)));
        assert!(!with("business day", |s| s.plural(0)));
        assert!(!with("year's", |s| s.plural(0)));
    }

    #[test]
    fn times_of_day() {
        for (text, end) in [
            ("5pm", 2),
            ("at 3 p.m.", 6),
            ("17:00", 3),
            ("noon", 1),
            ("close of business", 3),
            ("end of the business day", 5),
            ("EOD", 1),
        ] {
            assert_eq!(with(text, |s| s.time_of_day(0)), Some(end), "{text}");
        }
        assert_eq!(with("5 people", |s| s.time_of_day(0)), None);
        assert_eq!(with("at 30", |s| s.time_of_day(0)), None);
    }
}
