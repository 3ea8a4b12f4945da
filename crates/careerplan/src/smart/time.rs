//! Time expressions: finding deadlines, spans, frequencies and measures in a
//! goal statement and resolving them against a reference date.
//!
//! [`find_time_expressions`] scans the tokens of a text once, left to right,
//! trying at each token the forms below (longest first) and skipping past what
//! it recognises. Every expression carries its byte span, a [`TimeKind`], and
//! for deadlines the date it resolves to.
//!
//! # Grammar
//!
//! Keys are matched case-insensitively; names in `<...>` come from the data
//! files (`months.txt`, `time_units.txt`, `frequencies.txt`, ...).
//!
//! ```text
//! expr      := deadline-prep point          "by June 2027", "before the end of 2027"
//!            | window-prep [the next] dur    "within six months", "over the next 12 weeks"
//!            | window-prep point             "in 2028", "during Q3", "this quarter"
//!            | dur (from now | from today)   "three weeks from today"
//!            | window-prep dur (of|after) X  "within 6 months of graduation"  (unknown anchor)
//!            | by [my|the] [40th] <event>    "by my 40th birthday", "by age 35"  (unknown anchor)
//!            | from point (to|until|-) point "from March to June 2027"  (range: its end)
//!            | point                         "Q3 2027", "2027-04-30", "next year", "EOM"
//!            | frequency | rate              "every month", "weekly", "30 hours a day"
//!            | dur                           "8-week", "to 30 days", "3,000 hours"  (measures)
//!            | <vague time>                  "soon", "someday", "in the long run"
//! deadline-prep := by | before | until | till | through | no later than | on or before
//!                | prior to | ahead of | due | on | at
//! window-prep   := within | in | inside | during | over | throughout | for
//! point  := date | [the] (end|start|middle) of period | (early|mid|late) period
//!         | (this|next|last) unit | period | today | tomorrow | <weekday>
//! date   := 2027-04-30 | 30/06/2027 | 6/30/27 | 30.06.2027
//!         | <month> day[st|nd|rd|th] [,] [year] | [the] day [of] <month> [year]
//! period := <month> [[of] year] | Q1-Q4 [year|'27] | H1|H2 [year] | the first half of year
//!         | the third quarter [of year] | <season> [year] | FY27 | year | year-year
//!         | EOM | EOQ | EOY | EOW | year-end | month-end | christmas | new year
//! dur    := number [-|to|or number] [-] <unit> [and a half] | a|an <unit> [and a half]
//!         | half a <unit> | between number and number <unit>
//! ```
//!
//! # Resolution
//! - A period resolves to its last day ("by June 2027" is 2027-06-30, "by
//!   2030" is 2030-12-31), "the start of" a period to its first day, and
//!   "before" a period to the day before it starts ("before 2030" is
//!   2029-12-31). A day resolves to itself.
//! - A month, quarter, half, season or day without a year is its next
//!   occurrence that has not ended: on 2026-11-22, "by September" is
//!   2027-09-30 and "by December 31" is 2026-12-31.
//! - A span from the reference date adds days, weeks (7 days), fortnights,
//!   months, quarters (3 months), halves (6 months), years (12 months) or
//!   decades (120 months). Month arithmetic clamps to the month's end (Jan 31
//!   plus one month is Feb 28); a fraction of a year becomes whole months
//!   ("two and a half years" is 30 months), a fraction of a month 30-day parts.
//! - A range ("six to nine months", "6-9 months", "from March to June 2027")
//!   resolves to its end.
//! - "within 6 months of graduation", "by my 40th birthday", "by the end of
//!   my contract" depend on an event with no date in the text: they are
//!   [`TimeKind::UnknownAnchor`], with no date.
//! - Numeric dates read day first (30/06/2027) unless the configuration says
//!   month first; a date that reads both ways carries the other reading in
//!   [`TimeExpression::alternative`].
//! - Weeks end on Sunday. Fiscal years are read as calendar years.
//!
//! # What is not a deadline
//! - Frequencies and rates: "every month", "weekly", "$50,000 a year", "30
//!   hours a day" ([`TimeKind::Frequency`]).
//! - Durations that measure something: "reduce hiring time to 30 days", "from
//!   40 minutes to 10", "3,000 hours of practice", and anything in hours or
//!   minutes, such as "respond within 4 hours" ([`TimeKind::Measure`]).
//! - Durations that describe a thing: "an 8-week course", "my five-year plan"
//!   ([`TimeKind::Modifier`]).
//! - The past: "as I did in 2024", "since 2020", "last year", "two years ago"
//!   ([`TimeKind::Past`]); starts: "starting in January", "after graduation"
//!   ([`TimeKind::Start`]); vague words: "soon", "a few months"
//!   ([`TimeKind::Vague`]).

use chrono::{Datelike, Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Span;
use super::lexicon::{Cat, Func, Lexicon, Matches, lexicon};
use super::number::{number_at, ordinal_at};
use super::token::{Key, KeySet, Tokens, kw, kws};
use crate::decimal::Decimal;
use crate::plan::date;

/// A unit of time.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, crate::FromValue, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// 60 seconds.
    Minute,
    /// 60 minutes.
    Hour,
    /// A calendar day.
    Day,
    /// Seven days.
    Week,
    /// Fourteen days.
    Fortnight,
    /// A calendar month.
    Month,
    /// Three months.
    Quarter,
    /// Six months (a half year, a semester).
    Half,
    /// Twelve months.
    Year,
    /// Ten years.
    Decade,
}

impl TimeUnit {
    /// Approximate length in days, for comparing spans.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Minute => 1.0 / 1440.0,
            TimeUnit::Hour => 1.0 / 24.0,
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Fortnight => 14.0,
            TimeUnit::Month => 30.44,
            TimeUnit::Quarter => 91.31,
            TimeUnit::Half => 182.62,
            TimeUnit::Year => 365.25,
            TimeUnit::Decade => 3652.5,
        }
    }

    /// The singular English name.
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Fortnight => "fortnight",
            TimeUnit::Month => "month",
            TimeUnit::Quarter => "quarter",
            TimeUnit::Half => "half year",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
        }
    }

    /// Whether the unit measures effort or response times rather than calendar time.
    pub fn is_clock(self) -> bool {
        matches!(self, TimeUnit::Minute | TimeUnit::Hour)
    }
}

/// An amount of time: `value` `unit`s.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, crate::FromValue, JsonSchema)]
pub struct Duration {
    /// How many units (may be fractional: 2.5 years).
    pub value: f64,
    /// The unit.
    pub unit: TimeUnit,
}

impl Duration {
    /// Approximate length in days.
    pub fn days(self) -> f64 {
        self.value * self.unit.days()
    }

    /// The duration in words, e.g. "2 years", "1.5 months".
    pub fn describe(self) -> String {
        let v = self.value;
        let n = if v.fract() == 0.0 {
            format!("{:.0}", Decimal(v))
        } else {
            Decimal(v).to_string()
        };
        let unit = self.unit.name();
        if (v - 1.0).abs() < f64::EPSILON {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    }
}

/// What a time expression is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, crate::FromValue, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A calendar day: "March 15, 2027", "2027-04-30", "by May 1st".
    Date,
    /// A month, quarter, half, season, year or other period, resolved to its
    /// end (or start): "by June 2027", "Q3 2027", "this quarter", "EOM".
    Period,
    /// A span from the reference date: "within six months", "three weeks from today".
    Relative,
    /// A span from an event whose date is unknown: "within 6 months of
    /// graduation", "by my 40th birthday". A deadline, but with no date.
    UnknownAnchor,
    /// How often, not by when: "every month", "weekly", "30 hours a day".
    Frequency,
    /// A duration that is a quantity: "to 30 days", "within 4 hours", "3,000 hours".
    Measure,
    /// A duration that describes a thing: "an 8-week course", "five-year plan".
    Modifier,
    /// A time word that is not a deadline: "soon", "someday", "in a few months".
    Vague,
    /// A reference to the past: "as I did in 2024", "last year".
    Past,
    /// A start, not an end: "starting in January", "after graduation".
    Start,
}

impl TimeKind {
    /// Whether an expression of this kind sets a deadline (possibly with an
    /// unknown date).
    pub fn is_deadline(self) -> bool {
        matches!(
            self,
            TimeKind::Date | TimeKind::Period | TimeKind::Relative | TimeKind::UnknownAnchor
        )
    }
}

/// How to read numeric dates such as 03/04/2027 whose parts could be either.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, crate::FromValue, JsonSchema,
)]
pub enum DateOrder {
    /// Day first: 03/04/2027 is 3 April 2027.
    #[default]
    #[serde(rename = "dmy")]
    DayFirst,
    /// Month first: 03/04/2027 is March 4, 2027.
    #[serde(rename = "mdy")]
    MonthFirst,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::FromValue, JsonSchema)]
pub struct TimeExpression {
    /// Byte span in the text.
    pub span: Span,
    /// The text the span covers.
    pub text: String,
    /// What the expression is.
    pub kind: TimeKind,
    /// The date a deadline resolves to; `null` for other kinds and for unknown anchors.
    #[serde(with = "date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub date: Option<NaiveDate>,
    /// Relative to an event whose date is unknown ("of graduation").
    pub unknown_anchor: bool,
    /// Whether this expression sets a deadline.
    pub deadline: bool,
    /// The span, measure or interval it states, when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// For a rate ("30 hours a day"): the time spent per interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Duration>,
    /// For a numeric date that reads two ways: the reading not taken.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub alternative: Option<NaiveDate>,
    /// `span` in UTF-16 code units, when requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_utf16: Option<Span>,
}

/// Find and resolve every time expression in `text` against `today`, reading
/// ambiguous numeric dates day first.
///
/// ```
/// use careerplan::smart::time::{find_time_expressions, TimeKind};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let found = find_time_expressions("Pass the exam within six months, then review weekly.", today);
/// assert_eq!(found[0].text, "within six months");
/// assert_eq!(found[0].date.unwrap().to_string(), "2027-05-22");
/// assert_eq!(found[1].kind, TimeKind::Frequency);
/// ```
pub fn find_time_expressions(text: &str, today: NaiveDate) -> Vec<TimeExpression> {
    find_time_expressions_with(text, today, DateOrder::DayFirst)
}

/// [`find_time_expressions`] with an explicit reading of ambiguous numeric dates.
pub fn find_time_expressions_with(
    text: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Vec<TimeExpression> {
    let lex = lexicon();
    let t = Tokens::new(text, lex);
    let m = lex.match_phrases(&t);
    scan(&t, lex, &m, today, order)
        .into_iter()
        .map(|f| f.expr)
        .collect()
}

/// Keywords of the grammar that can start an expression. With the calendar
/// words of the lexicons (months, units, frequencies, vague time phrases) and
/// the number words, they are the only words the scanner tries to parse at;
/// every other word is skipped at the cost of one flag test.
pub(crate) const START_WORDS: &[&str] = &[
    "by",
    "until",
    "till",
    "til",
    "through",
    "thru",
    "on",
    "at",
    "due",
    "no",
    "not",
    "before",
    "prior",
    "ahead",
    "within",
    "in",
    "inside",
    "during",
    "throughout",
    "for",
    "across",
    "over",
    "from",
    "after",
    "starting",
    "beginning",
    "commencing",
    "once",
    "upon",
    "as",
    "since",
    "when",
    "every",
    "each",
    "per",
    "twice",
    "thrice",
    "a",
    "an",
    "this",
    "current",
    "next",
    "last",
    "previous",
    "past",
    "the",
    "end",
    "close",
    "start",
    "middle",
    "early",
    "mid",
    "late",
    "q",
    "h",
    "fy",
    "fiscal",
    "christmas",
    "xmas",
    "new",
    "today",
    "tonight",
    "tomorrow",
    "eom",
    "eoq",
    "eoy",
    "eow",
    "eod",
    "half",
    "between",
    "several",
    "few",
    "some",
    "many",
];

/// A time expression with the tokens it covers.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub expr: TimeExpression,
    pub from: usize,
    pub to: usize,
    /// A frequency with a count ("3 times a week", "30 hours a day").
    pub counted: bool,
}

/// Scan tokens for time expressions.
pub(crate) fn scan(
    t: &Tokens<'_>,
    lex: &Lexicon,
    m: &Matches,
    today: NaiveDate,
    order: DateOrder,
) -> Vec<Found> {
    scan_into(t, lex, m, today, order, Vec::new())
}

/// [`scan`] into the buffer of an earlier statement.
pub(crate) fn scan_into(
    t: &Tokens<'_>,
    lex: &Lexicon,
    m: &Matches,
    today: NaiveDate,
    order: DateOrder,
    mut out: Vec<Found>,
) -> Vec<Found> {
    let s = Scanner {
        t,
        lex,
        m,
        today,
        order,
    };
    out.clear();
    let mut i = 0;
    while let Some(tok) = t.toks.get(i) {
        let may_start = match tok.kind {
            super::token::TokKind::Num => true,
            super::token::TokKind::Punct => t.is(i, kw!("/")),
            super::token::TokKind::Word => lex.info(tok.wid).time_start,
        };
        if !may_start {
            i += 1;
            continue;
        }
        let structured = s.at(i);
        let vague = m
            .longest(i, |c| matches!(c, Cat::VagueTime))
            .map(|(e, _)| e);
        match (structured, vague) {
            (Some(f), Some(ve)) if ve >= f.to => {
                out.push(s.found(i, ve, TimeKind::Vague, None));
                i = ve;
            }
            (Some(f), _) => {
                i = f.to.max(i + 1);
                out.push(f);
            }
            (None, Some(ve)) => {
                out.push(s.found(i, ve, TimeKind::Vague, None));
                i = ve;
            }
            (None, None) => i += 1,
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
}

#[derive(Debug, Clone, Copy)]
struct Period {
    start: NaiveDate,
    end: NaiveDate,
    grain: Grain,
}

/// A point or period found at some token.
#[derive(Debug, Clone, Copy)]
struct Pt {
    to: usize,
    period: Period,
    kind: TimeKind,
    /// The other reading of an ambiguous numeric date.
    alt: Option<NaiveDate>,
    /// The date is an explicit choice within the period ("the start of",
    /// "the end of"), so `before` must not move it.
    pinned: bool,
    /// The span this resolves from ("the next 6 months").
    duration: Option<Duration>,
}

/// A duration found at some token.
#[derive(Debug, Clone, Copy)]
struct Dur {
    value: f64,
    unit: TimeUnit,
    to: usize,
    /// "a few months", "several weeks".
    vague: bool,
    /// "8-week": the number is joined to the unit by a hyphen.
    hyphen: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Prep {
    /// by, until, through, no later than, on, at, due
    By,
    /// before, prior to, ahead of
    Before,
    /// within, in, inside, during, over, throughout, for
    Window,
    /// over (more than, for measures)
    Over,
    /// from
    From,
    /// after, starting, beginning, as of, once, upon
    After,
    /// since
    Since,
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn month_period(year: i32, month: u32) -> Option<Period> {
    Some(Period {
        start: NaiveDate::from_ymd_opt(year, month, 1)?,
        end: last_day(year, month)?,
        grain: Grain::Month,
    })
}

fn months_period(year: i32, first: u32, last: u32, grain: Grain) -> Option<Period> {
    Some(Period {
        start: NaiveDate::from_ymd_opt(year, first, 1)?,
        end: last_day(year, last)?,
        grain,
    })
}

fn year_period(year: i32) -> Option<Period> {
    months_period(year, 1, 12, Grain::Year)
}

fn quarter_period(year: i32, q: u32) -> Option<Period> {
    months_period(year, q * 3 - 2, q * 3, Grain::Quarter)
}

fn half_period(year: i32, h: u32) -> Option<Period> {
    months_period(year, h * 6 - 5, h * 6, Grain::Half)
}

fn season_period(year: i32, last_month: u32) -> Option<Period> {
    // Winter (ending in February) of year Y runs from December Y to February Y+1.
    let (start, end) = if last_month <= 2 {
        (
            NaiveDate::from_ymd_opt(year, 12, 1)?,
            last_day(year + 1, last_month)?,
        )
    } else {
        (
            NaiveDate::from_ymd_opt(year, last_month - 2, 1)?,
            last_day(year, last_month)?,
        )
    };
    Some(Period {
        start,
        end,
        grain: Grain::Season,
    })
}

fn day_period(d: NaiveDate) -> Period {
    Period {
        start: d,
        end: d,
        grain: Grain::Day,
    }
}

/// Add a duration to a date; `None` for clock units, for overflow, and past
/// the years a document can hold ([`date::in_document_range`]).
pub(crate) fn add_duration(date: NaiveDate, d: Duration) -> Option<NaiveDate> {
    add_duration_unbounded(date, d).filter(|&d| date::in_document_range(d))
}

fn add_duration_unbounded(date: NaiveDate, d: Duration) -> Option<NaiveDate> {
    if !(d.value.is_finite() && d.value >= 0.0 && d.value < 10_000.0) {
        return None;
    }
    let add_days =
        |date: NaiveDate, days: f64| date.checked_add_days(chrono::Days::new(days.round() as u64));
    let add_months = |date: NaiveDate, months: f64| {
        let whole = months.trunc();
        let frac = months - whole;
        let d = date.checked_add_months(Months::new(whole as u32))?;
        add_days(d, frac * 30.0)
    };
    match d.unit {
        TimeUnit::Minute | TimeUnit::Hour => None,
        TimeUnit::Day => add_days(date, d.value.ceil()),
        TimeUnit::Week => add_days(date, d.value * 7.0),
        TimeUnit::Fortnight => add_days(date, d.value * 14.0),
        TimeUnit::Month => add_months(date, d.value),
        TimeUnit::Quarter => add_months(date, d.value * 3.0),
        TimeUnit::Half => add_months(date, d.value * 6.0),
        TimeUnit::Year => add_months(date, (d.value * 12.0).round()),
        TimeUnit::Decade => add_months(date, (d.value * 120.0).round()),
    }
}

struct Scanner<'s, 'a> {
    t: &'s Tokens<'a>,
    lex: &'s Lexicon,
    m: &'s Matches,
    today: NaiveDate,
    order: DateOrder,
}

impl Scanner<'_, '_> {
    fn key(&self, i: usize) -> &str {
        if i < self.t.len() { self.t.key(i) } else { "" }
    }

    // Forwarders: inlined so that at opt-level "z" a test is one call, not two.
    #[inline(always)]
    fn packed(&self, i: usize) -> Key {
        self.t.packed(i)
    }

    #[inline(always)]
    fn is(&self, i: usize, k: Key) -> bool {
        self.t.is(i, k)
    }

    #[inline(always)]
    fn is_any(&self, i: usize, set: &KeySet) -> bool {
        self.t.is_any(i, set)
    }

    /// Skip a hyphen joined on both sides ("end-of-year", "year-end").
    fn hyphen(&self, i: usize) -> usize {
        if self.is(i, kw!("-")) && self.t.joined(i) && self.t.joined(i + 1) {
            i + 1
        } else {
            i
        }
    }

    fn found(&self, from: usize, to: usize, kind: TimeKind, date: Option<NaiveDate>) -> Found {
        let (s, e) = self.t.span(from, to);
        // Every form computes its date within range; this keeps a report
        // that reads back as the contract's dates even if one does not.
        let date = date.filter(|&d| date::in_document_range(d));
        Found {
            expr: TimeExpression {
                span: Span::new(s, e),
                text: self.t.slice(from, to).to_string(),
                kind,
                date,
                unknown_anchor: kind == TimeKind::UnknownAnchor,
                deadline: kind.is_deadline(),
                duration: None,
                rate: None,
                alternative: None,
                span_utf16: None,
            },
            from,
            to,
            counted: false,
        }
    }

    fn with_duration(mut f: Found, d: Option<Duration>) -> Found {
        f.expr.duration = d;
        f
    }

    fn month_at(&self, i: usize, strict: bool) -> Option<(u32, usize)> {
        let (end, cat) = self.m.longest(i, |c| matches!(c, Cat::Month(_)))?;
        let Cat::Month(n) = cat else { return None };
        // "may" and "march" are verbs too; without a date-like context they need a capital.
        if strict && self.is_any(i, kws!["may", "march", "mar"]) {
            let title = self.t.toks[i].case == super::token::Case::Title && i > 0;
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

    fn unit_at(&self, i: usize) -> Option<(TimeUnit, usize)> {
        let (end, cat) = self.m.longest(i, |c| matches!(c, Cat::Unit(_)))?;
        let Cat::Unit(u) = cat else { return None };
        Some((u, end))
    }

    /// A four-digit year (1900-2199) or 'yy.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
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
    fn year_or_range_at(&self, i: usize) -> Option<(i32, usize)> {
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
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
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

    /// The next occurrence (not yet ended) of a period built from a year.
    fn upcoming(&self, build: impl Fn(i32) -> Option<Period>) -> Option<Period> {
        let y = self.today.year();
        (y - 1..=y + 1)
            .filter_map(&build)
            .find(|p| p.end >= self.today)
    }

    fn unit_period(&self, unit: TimeUnit, offset: i32) -> Option<Period> {
        let today = self.today;
        let y = today.year();
        match unit {
            TimeUnit::Day => {
                let d = today.checked_add_signed(chrono::Duration::days(i64::from(offset)))?;
                Some(day_period(d))
            }
            TimeUnit::Week => {
                let monday = today.checked_sub_days(chrono::Days::new(u64::from(
                    today.weekday().num_days_from_monday(),
                )))?;
                let start =
                    monday.checked_add_signed(chrono::Duration::days(7 * i64::from(offset)))?;
                Some(Period {
                    start,
                    end: start.checked_add_days(chrono::Days::new(6))?,
                    grain: Grain::Week,
                })
            }
            TimeUnit::Month => {
                let first = NaiveDate::from_ymd_opt(y, today.month(), 1)?;
                let first = if offset >= 0 {
                    first.checked_add_months(Months::new(offset as u32))?
                } else {
                    first.checked_sub_months(Months::new(offset.unsigned_abs()))?
                };
                month_period(first.year(), first.month())
            }
            TimeUnit::Quarter => {
                let q = (today.month() - 1) / 3 + 1;
                let idx = y * 4 + q as i32 - 1 + offset;
                quarter_period(idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u32)
            }
            TimeUnit::Half => {
                let h = (today.month() - 1) / 6 + 1;
                let idx = y * 2 + h as i32 - 1 + offset;
                half_period(idx.div_euclid(2), (idx.rem_euclid(2) + 1) as u32)
            }
            TimeUnit::Year => year_period(y + offset),
            TimeUnit::Decade => {
                let d0 = y.div_euclid(10) * 10 + 10 * offset;
                Some(Period {
                    start: NaiveDate::from_ymd_opt(d0, 1, 1)?,
                    end: NaiveDate::from_ymd_opt(d0 + 9, 12, 31)?,
                    grain: Grain::Decade,
                })
            }
            TimeUnit::Fortnight | TimeUnit::Minute | TimeUnit::Hour => None,
        }
    }

    fn pt(&self, to: usize, period: Period, kind: TimeKind) -> Pt {
        Pt {
            to,
            period,
            kind,
            alt: None,
            pinned: false,
            duration: None,
        }
    }

    // ----- dates -----

    fn numeric_date(&self, i: usize, partial_ok: bool) -> Option<Pt> {
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

    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((d, e)) = ordinal_at(self.t, self.lex, i) {
            return (1..=31).contains(&d).then_some((d, e));
        }
        let t = self.t;
        if t.is_num(i) && !t.toks[i].formatted && t.toks[i].int_digits <= 2 {
            let d = t.toks[i].value as u32;
            // "June 2027" must stay a month: a day is not followed by a joined digit.
            return (1..=31).contains(&d).then_some((d, i + 1));
        }
        None
    }

    fn dated(&self, year: Option<i32>, month: u32, day: u32) -> Option<NaiveDate> {
        match year {
            Some(y) => NaiveDate::from_ymd_opt(y, month, day),
            None => {
                let y = self.today.year();
                (y..=y + 4)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .find(|d| *d >= self.today)
            }
        }
    }

    /// "March 15, 2027", "March 15th", "15 March 2027", "the 15th of March", "June 2027", "June".
    fn written_date(&self, i: usize, ctx: bool) -> Option<Pt> {
        // Month first.
        if let Some((month, e)) = self.month_at(i, !ctx) {
            if let Some((day, e2)) = self.day_number(e)
                && !(self.t.is_num(e) && self.t.toks[e].int_digits == 4)
            {
                let (year, to) = match self.trailing_year(e2) {
                    Some((y, to)) => (Some(y), to),
                    None => (None, e2),
                };
                // "March 5 people": a bare day after a month with no year needs context or a comma.
                if year.is_some() || ctx || self.t.is_boundary(to) {
                    let d = self.dated(year, month, day)?;
                    return Some(self.pt(to, day_period(d), TimeKind::Date));
                }
            }
            if let Some((y, to)) = self.trailing_year(e) {
                return month_period(y, month).map(|p| self.pt(to, p, TimeKind::Period));
            }
            if ctx {
                let p = self.upcoming(|y| month_period(y, month))?;
                return Some(self.pt(e, p, TimeKind::Period));
            }
            return None;
        }
        // Day first.
        let mut j = i;
        if self.is(j, kw!("the")) {
            j += 1;
        }
        let (day, e) = self.day_number(j)?;
        let e = if self.is(e, kw!("of")) { e + 1 } else { e };
        let Some((month, e2)) = self.month_at(e, false) else {
            // "by the 30th": that day of this month, or of the next one.
            if ctx && j > i && ordinal_at(self.t, self.lex, j).is_some() && !self.t.is_word(e) {
                let first = NaiveDate::from_ymd_opt(self.today.year(), self.today.month(), 1)?;
                let d = (0..3)
                    .filter_map(|k| first.checked_add_months(Months::new(k)))
                    .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
                    .find(|d| *d >= self.today)?;
                return Some(self.pt(e, day_period(d), TimeKind::Date));
            }
            return None;
        };
        let (year, to) = match self.trailing_year(e2) {
            Some((y, to)) => (Some(y), to),
            None => (None, e2),
        };
        if year.is_none() && !ctx && j == i {
            return None;
        }
        let d = self.dated(year, month, day)?;
        Some(self.pt(to, day_period(d), TimeKind::Date))
    }

    // ----- periods -----

    fn ordinal_word(&self, i: usize) -> Option<u32> {
        // If-chains on packed keys rather than a `match` on the key string:
        // see [`Key`].
        let k = self.packed(i);
        if k.is_in(kws!["first", "1st"]) {
            Some(1)
        } else if k.is_in(kws!["second", "2nd"]) {
            Some(2)
        } else if k.is_in(kws!["third", "3rd"]) {
            Some(3)
        } else if k.is_in(kws!["fourth", "4th", "final"]) {
            Some(4)
        } else {
            None
        }
    }

    /// Q3, Q3 2027, Q3'27, H2 2027, the third quarter of 2027, the second half of next year.
    fn quarter_or_half(&self, i: usize) -> Option<Pt> {
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

    fn season(&self, i: usize) -> Option<Pt> {
        let (e, cat) = self.m.longest(i, |c| matches!(c, Cat::Season(_)))?;
        let Cat::Season(last) = cat else { return None };
        let last = u32::from(last);
        if let Some((y, to)) = self.trailing_year(e) {
            return Some(self.pt(to, season_period(y, last)?, TimeKind::Period));
        }
        let p = self.upcoming(|y| season_period(y, last))?;
        Some(self.pt(e, p, TimeKind::Period))
    }

    fn fiscal_year(&self, i: usize) -> Option<Pt> {
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

    fn holiday(&self, i: usize) -> Option<Pt> {
        if self.is_any(i, kws!["christmas", "xmas"]) {
            let d = self.dated(None, 12, 25)?;
            let to = if self.is_any(i + 1, kws!["day", "eve"]) {
                i + 2
            } else {
                i + 1
            };
            let d = if self.is(i + 1, kw!("eve")) {
                d.pred_opt()?
            } else {
                d
            };
            return Some(self.pt(to, day_period(d), TimeKind::Date));
        }
        if self.is(i, kw!("new")) && self.is_any(i + 1, kws!["year", "year's", "years"]) {
            if self.is(i + 2, kw!("eve")) {
                let d = self.dated(None, 12, 31)?;
                return Some(self.pt(i + 3, day_period(d), TimeKind::Date));
            }
            let to = if self.is(i + 2, kw!("day")) {
                i + 3
            } else {
                i + 2
            };
            let d = NaiveDate::from_ymd_opt(self.today.year() + 1, 1, 1)?;
            return Some(self.pt(to, day_period(d), TimeKind::Date));
        }
        None
    }

    /// this/next/last/the coming + unit, month, season or weekday.
    fn deictic(&self, i: usize) -> Option<Pt> {
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

    fn weekday(&self, i: usize, offset: i32) -> Option<Pt> {
        let (e, cat) = self.m.longest(i, |c| matches!(c, Cat::Weekday(_)))?;
        let Cat::Weekday(n) = cat else { return None };
        let today_n = self.today.weekday().number_from_monday() as i64;
        let mut ahead = (i64::from(n) - today_n).rem_euclid(7);
        if offset > 0 && ahead == 0 {
            ahead = 7;
        }
        if offset < 0 {
            let back = (today_n - i64::from(n)).rem_euclid(7);
            let back = if back == 0 { 7 } else { back };
            let d = self
                .today
                .checked_sub_signed(chrono::Duration::days(back))?;
            return Some(self.pt(e, day_period(d), TimeKind::Past));
        }
        let d = self
            .today
            .checked_add_signed(chrono::Duration::days(ahead))?;
        Some(self.pt(e, day_period(d), TimeKind::Date))
    }

    /// EOM, EOQ, EOY, EOW, EOD, year-end, month-end, quarter-end, the weekend.
    fn period_end_word(&self, i: usize) -> Option<Pt> {
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
    fn period_after(&self, i: usize) -> Option<Pt> {
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
    fn edge_of(&self, i: usize) -> Option<Result<Pt, usize>> {
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

    /// A point in time: a date, a period, a period edge. `ctx` is true after a
    /// preposition, where a bare month, year or weekday can stand.
    fn point_at(&self, i: usize, ctx: bool) -> Option<Result<Pt, usize>> {
        if i >= self.t.len() {
            return None;
        }
        if let Some(r) = self.edge_of(i) {
            return Some(r);
        }
        if self.is(i, kw!("the")) && self.is(i + 1, kw!("weekend")) {
            return Some(Ok(self.pt(
                i + 2,
                self.unit_period(TimeUnit::Week, 0)?,
                TimeKind::Period,
            )));
        }
        let relative = self.relative_day(i);
        if let Some(p) = relative.filter(|p| p.kind == TimeKind::Relative) {
            return Some(Ok(p));
        }
        if let Some(p) = self.first_part_of(i) {
            return Some(Ok(p));
        }
        // The simple forms, first match wins. Tests in a row rather than an
        // `or_else` chain, which at opt-level "z" is a call per link, each
        // copying the candidate.
        if let Some(p) = self.numeric_date(i, ctx) {
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
            if let Some((y, to)) = self.year_or_range_at(i) {
                return Some(Ok(self.pt(to, year_period(y)?, TimeKind::Period)));
            }
            if self.is(i, kw!("the"))
                && self.is(i + 1, kw!("year"))
                && self.is(i + 2, kw!("after"))
                && self.is(i + 3, kw!("next"))
            {
                return Some(Ok(self.pt(
                    i + 4,
                    year_period(self.today.year() + 2)?,
                    TimeKind::Period,
                )));
            }
        }
        None
    }

    /// "the first week of January", "the last two weeks of June": a part of a period.
    fn first_part_of(&self, i: usize) -> Option<Pt> {
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

    fn relative_day(&self, i: usize) -> Option<Pt> {
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
        let k = self.packed(i);
        let (offset, to) = if k.is_in(kws!["today", "tonight"]) {
            (0, i + 1)
        } else if k == kw!("tomorrow") {
            (1, i + 1)
        } else if k == kw!("the")
            && self.is(i + 1, kw!("day"))
            && self.is(i + 2, kw!("after"))
            && self.is(i + 3, kw!("tomorrow"))
        {
            (2, i + 4)
        } else {
            return None;
        };
        let d = self.today.checked_add_days(chrono::Days::new(offset))?;
        Some(self.pt(to, day_period(d), TimeKind::Date))
    }

    // ----- durations -----

    fn vague_amount(&self, i: usize) -> Option<usize> {
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
    fn duration_at(&self, i: usize) -> Option<Dur> {
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
        Some(Dur {
            value,
            unit,
            to,
            vague: false,
            hyphen,
        })
    }

    /// "the next 60 days", "next 12 months", "the coming year", "the next few weeks".
    fn window_duration(&self, i: usize) -> Option<Dur> {
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
                });
            }
            return None;
        }
        self.duration_at(i)
    }

    /// Whether token `i` is a plural ("months", "yrs"); "year's" is a genitive, not a plural.
    fn plural(&self, i: usize) -> bool {
        let k = self.key(i);
        k.ends_with('s') && !k.ends_with("'s")
    }

    /// Whether "every", "each", "all" or "any" comes before token `i` in its
    /// clause, over an open-ended stream: "respond to every ticket within 2
    /// days" states a response time.
    fn universal_before(&self, i: usize) -> bool {
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

    /// After a duration: "'s time", "' time", "time".
    fn skip_time_word(&self, e: usize) -> usize {
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
    fn relative_to_now(&self, e: usize) -> Option<usize> {
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

    /// The end of a short noun phrase naming an event: "graduation", "starting my new job".
    fn np_end(&self, i: usize, max: usize) -> usize {
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
    fn anchor_suffix(&self, e: usize, prep_of: bool) -> Option<usize> {
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
    fn anchor_event(&self, i: usize, clause_ok: bool) -> Option<usize> {
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

    fn prep_at(&self, i: usize) -> Option<(Prep, usize)> {
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

    fn deadline_from(&self, from: usize, p: &Pt, date: NaiveDate) -> Found {
        let mut f = self.found(from, p.to, p.kind, Some(date));
        f.expr.alternative = p.alt.filter(|&d| date::in_document_range(d));
        f.expr.duration = p.duration;
        if p.kind == TimeKind::Past {
            f.expr.date = None;
        }
        f
    }

    fn after_prep(&self, i: usize, prep: Prep, j: usize) -> Option<Found> {
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

    /// "every month", "each quarter", "every other week", "per week", "a year" (after an amount),
    /// "weekly", "on a weekly basis", "once a month", "twice a year".
    fn frequency_at(&self, i: usize) -> Option<Found> {
        let t = self.t;
        let interval = |f: &mut Found, d: Duration| f.expr.duration = Some(d);
        // "once a month", "twice a year"
        if self.is_any(i, kws!["once", "twice", "thrice"])
            && self.is_any(i + 1, kws!["a", "an", "per", "every", "each"])
        {
            let (u, e) = self.unit_at(i + 2)?;
            let mut f = self.found(i, e, TimeKind::Frequency, None);
            interval(
                &mut f,
                Duration {
                    value: 1.0,
                    unit: u,
                },
            );
            f.counted = true;
            return Some(f);
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
                let mut f = self.found(i, e, TimeKind::Frequency, None);
                interval(&mut f, Duration { value, unit: u });
                return Some(f);
            }
            if let Some(p) = self.weekday(j, 0) {
                let mut f = self.found(i, p.to, TimeKind::Frequency, None);
                interval(
                    &mut f,
                    Duration {
                        value: 1.0,
                        unit: TimeUnit::Week,
                    },
                );
                return Some(f);
            }
            if let Some((_, e)) = self.month_at(j, false) {
                let mut f = self.found(i, e, TimeKind::Frequency, None);
                interval(
                    &mut f,
                    Duration {
                        value: 1.0,
                        unit: TimeUnit::Year,
                    },
                );
                return Some(f);
            }
            return None;
        }
        if let Some((e, Cat::Frequency(u))) = self.m.longest(i, |c| matches!(c, Cat::Frequency(_)))
        {
            let mut f = self.found(i, e, TimeKind::Frequency, None);
            interval(
                &mut f,
                Duration {
                    value: 1.0,
                    unit: u,
                },
            );
            return Some(f);
        }
        if self.is(i, kw!("on"))
            && self.is_any(i + 1, kws!["a", "an"])
            && let Some((e, Cat::Frequency(u))) =
                self.m.longest(i + 2, |c| matches!(c, Cat::Frequency(_)))
        {
            let to = if self.is(e, kw!("basis")) { e + 1 } else { e };
            let mut f = self.found(i, to, TimeKind::Frequency, None);
            interval(
                &mut f,
                Duration {
                    value: 1.0,
                    unit: u,
                },
            );
            return Some(f);
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
            let noun_like = prev.kind == super::token::TokKind::Num
                || (t.is_word(i - 1)
                    && prev_info.verb.is_none()
                    && prev_info.func == Func::None
                    && !prev_is_prep);
            if noun_like {
                let mut f = self.found(i, e, TimeKind::Frequency, None);
                interval(
                    &mut f,
                    Duration {
                        value: 1.0,
                        unit: u,
                    },
                );
                return Some(f);
            }
        }
        None
    }

    /// Durations with no preposition: relative ("three weeks from today"), past ("two years ago"),
    /// anchored ("six months after graduation"), rates ("30 hours a day"), modifiers ("8-week")
    /// and measures ("to 30 days").
    fn bare_duration(&self, i: usize) -> Option<Found> {
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
        // "the next 60 days" with no preposition is still a window.
        if self.is_any(i, kws!["the", "next"]) && !d.unit.is_clock() {
            let date = add_duration(self.today, dur)?;
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

    /// The expression starting at token `i`, if any.
    fn at(&self, i: usize) -> Option<Found> {
        if let Some((prep, j)) = self.prep_at(i)
            && let Some(f) = self.after_prep(i, prep, j)
        {
            return Some(f);
        }
        if let Some(f) = self.frequency_at(i) {
            return Some(f);
        }
        // "the past 6 months", "last two years"
        let past = if self.is_any(i, kws!["last", "past", "previous"]) {
            Some(i + 1)
        } else if self.is(i, kw!("the")) && self.is_any(i + 1, kws!["last", "past", "previous"]) {
            Some(i + 2)
        } else {
            None
        };
        if let Some(j) = past
            && let Some(d) = self.duration_at(j)
        {
            return Some(self.found(i, d.to, TimeKind::Past, None));
        }
        // "the Q3 budget", "H1 results": a bare quarter before a noun names the thing.
        if let Some(p) = self.quarter_or_half(i)
            && self.t.is_word(p.to)
            && self.t.toks[p.to].case != super::token::Case::Upper
            && self.prep_at(p.to).is_none()
            && !self.is_any(p.to, kws!["and", "or", "to", "at", "the"])
            && !self.m.has(p.to, |c| matches!(c, Cat::VagueTime))
        {
            return None;
        }
        if let Some(Ok(p)) = self.point_at(i, false) {
            if p.kind == TimeKind::Past {
                return Some(self.found(i, p.to, TimeKind::Past, None));
            }
            return Some(self.deadline_from(i, &p, p.period.end));
        }
        self.bare_duration(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    /// (text covered, kind, date) of each expression.
    fn find(text: &str) -> Vec<(String, TimeKind, Option<String>)> {
        find_time_expressions(text, today())
            .into_iter()
            .map(|e| {
                assert_eq!(&text[e.span.start..e.span.end], e.text);
                (e.text, e.kind, e.date.map(|d| d.to_string()))
            })
            .collect()
    }

    fn deadline(text: &str) -> (String, Option<String>) {
        let found = find(text);
        let d = found
            .into_iter()
            .find(|f| f.1.is_deadline())
            .unwrap_or_else(|| panic!("no deadline in {text:?}"));
        (d.0, d.2)
    }

    #[test]
    fn month_arithmetic_clamps() {
        let jan31 = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        let d = add_duration(
            jan31,
            Duration {
                value: 1.0,
                unit: TimeUnit::Month,
            },
        )
        .unwrap();
        assert_eq!(d.to_string(), "2027-02-28");
        let d = add_duration(
            jan31,
            Duration {
                value: 2.5,
                unit: TimeUnit::Year,
            },
        )
        .unwrap();
        assert_eq!(d.to_string(), "2029-07-31");
    }

    #[test]
    fn resolves_basic_forms() {
        assert_eq!(
            deadline("within six months"),
            ("within six months".into(), Some("2027-05-22".into()))
        );
        assert_eq!(
            deadline("by June 2027"),
            ("by June 2027".into(), Some("2027-06-30".into()))
        );
        assert_eq!(
            deadline("by May 1st"),
            ("by May 1st".into(), Some("2027-05-01".into()))
        );
        assert_eq!(
            deadline("by 2030"),
            ("by 2030".into(), Some("2030-12-31".into()))
        );
        assert_eq!(
            deadline("before 2030"),
            ("before 2030".into(), Some("2029-12-31".into()))
        );
        assert_eq!(deadline("H2'27").1, Some("2027-12-31".into()));
        assert_eq!(deadline("by EOM").1, Some("2026-11-30".into()));
    }

    #[test]
    fn measures_are_not_deadlines() {
        let f = find("Reduce the average hiring time to 30 days.");
        assert_eq!(f, [("30 days".into(), TimeKind::Measure, None)]);
        let f = find("Respond to support tickets within 4 hours.");
        assert!(f.iter().all(|x| !x.1.is_deadline()), "{f:?}");
        let f = find("Finish an 8-week negotiation course.");
        assert_eq!(f, [("8-week".into(), TimeKind::Modifier, None)]);
    }
}
