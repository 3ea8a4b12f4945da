//! Time expressions: finding deadlines, spans, frequencies and measures in a
//! goal statement and resolving them against a reference date.
//!
//! [`find_time_expressions`] scans the tokens of a text once, left to right,
//! trying at each token the forms below (longest first) and skipping past what
//! it recognises. Every expression carries its byte span, a [`TimeKind`], and
//! for deadlines (and past references) the date it resolves to.
//!
//! # The parts of the grammar
//!
//! | module | reads |
//! |---|---|
//! | `vocab` | month, weekday, unit and ordinal names (from `data/smart/`), the words an expression may start at |
//! | `numeric` | numeric dates and years: ISO, `30/06/2027`, `4/20`, `2028-05`, `24/Dec/1979`, `20270316`, years in words |
//! | `points` | days: written dates, weekdays, today/tomorrow/yesterday, "Mon, Aug 14", "the first Friday of July"; refinement ("next week on Tuesday") |
//! | `periods` | quarters, halves, seasons, fiscal years, this/next/last, weeks ("the second week of May", "week 31"), decades, edges ("the end of") |
//! | `durations` | spans ("six months", "2 weeks and 3 days") and offsets from a day ("three weeks from tomorrow", "two days ago") |
//! | `offsets` | prepositions ("by", "within", "before", "from ... to", "between"), ranges, events with no date ("of graduation") |
//! | `frequency` | "every month", "weekly", "30 hours a day" |
//! | `holidays` | holiday names from `data/smart/holidays.txt` |
//! | `calendar` | resolution to a date: periods, weeks, month arithmetic, business days, Easter, ISO weeks |
//!
//! # Grammar
//!
//! Keys are matched case-insensitively; names in `<...>` come from the data
//! files (`months.txt`, `weekdays.txt`, `time_units.txt`, `holidays.txt`, ...).
//! A line that is only a time expression, or a heading before a colon ("Q3
//! 2027: PMP certification"), is read as if a preposition stood before it, so
//! bare "may", "friday", "1998" or "the 18th" resolve too.
//!
//! ```text
//! expr      := deadline-prep point          "by June 2027", "before the end of 2027"
//!            | window-prep [the next] dur    "within six months", "over the next 12 weeks"
//!            | window-prep point             "in 2028", "during Q3", "this quarter"
//!            | (from|between) point (to|until|through|-|and) point
//!                                            "from March to June 2027", "November 19-20"  (range: its end)
//!            | dur (from|after|before) point "three weeks from tomorrow", "2 weeks before May 13"
//!            | dur (ago|back)                "two days ago"  (past)
//!            | window-prep dur (of|after) X  "within 6 months of graduation"  (unknown anchor)
//!            | by [my|the] [40th] <event>    "by my 40th birthday", "by age 35"  (unknown anchor)
//!            | point                         "Q3 2027", "2027-04-30", "next year", "EOM"
//!            | frequency | rate              "every month", "weekly", "30 hours a day"
//!            | dur                           "8-week", "to 30 days", "3,000 hours"  (measures)
//!            | <vague time>                  "soon", "someday", "in the long run"
//! deadline-prep := by | before | until | till | through | no later than | as late as
//!                | on or before | prior to | ahead of | sooner than | due | on | at
//! window-prep   := within | in | inside | during | over | throughout | for
//! point  := date | [the] (end|start|middle) of period | (early|mid|late) period
//!         | (this|next|last|coming|past|following) (unit|<month>|<season>|<weekday>)
//!         | <weekday> [of|in] (this|next|last) week | (this|next) week [on] <weekday>
//!         | [the] ordinal <weekday> [of period] | last <weekday> of period
//!         | <weekday> [,] date-without-year | <weekday> [the] day | N <weekday>s from now
//!         | <weekday> after next | the (week|month|year) after next
//!         | [the] day [day] of (this|next|last) month | the day after tomorrow
//!         | <holiday> | today | tomorrow | yesterday | period
//! date   := 2027-04-30 | 30/06/2027 | 6/30/27 | 4/20 | 4-20 | 24/Dec/1979 | 2019-aug-01
//!         | 20270316 | <month> [,] [the] day [,] [year] | [the] day [of] <month> [year]
//! period := <month> [[of|in] year] | year <month> | 2028-05 | 11/2016
//!         | Q1-Q4 [year|'27|FY27] | 29q2 | 2029Q2 | year Q3 | H1|H2 [year]
//!         | the ordinal (quarter|qtr|half) [of year] | <season> [year] | FY27 | year | year-year
//!         | the ordinal week of period | week N [of year] | the week of date
//!         | the ordinal month of year | the 1990s | the nineteen seventies
//!         | the rest of the (week|month|year) | this working week
//!         | EOM | EOQ | EOY | EOW | year-end | month-end
//! year   := 2027 | '27 | twenty twenty-eight | two thousand and thirty | nineteen ninety six
//! dur    := number [-|to|or number] [-] <unit> [and a half] [[,|and] number <unit>]...
//!         | a|an <unit> [and a half] | half a <unit> | between number and number <unit>
//! ```
//!
//! # Conventions
//!
//! These are the readings a deadline gets where English leaves a choice.
//! Three of them are options of [`TimeOptions`] (and of `LintConfig`).
//!
//! - **A period resolves to its last day**: "by June 2027" is 2027-06-30,
//!   "by 2030" is 2030-12-31, "next week" is its Sunday, "Q3" September 30th.
//!   "The start of" a period is its first day; "before" a period or a day is
//!   the day before it ("before 2030" is 2029-12-31, "before March 1" is
//!   February 28th or 29th).
//! - **A range resolves to its end**: "six to nine months", "from March to
//!   June 2027", "November 19-20", "between 3 and 12 of Sept".
//! - **A date without a year is its next occurrence**: a month, quarter,
//!   half, season or day that has not ended: on 2026-11-22 "by September" is
//!   2027-09-30 and "by December 31" is 2026-12-31; a holiday likewise. A day
//!   without a month ("by the 30th") is this month's, or the next month's
//!   that has it. A date written with a weekday and no year takes the year
//!   nearest the reference date in which the day falls on that weekday ("Mon,
//!   Aug 14" said in December 2026 is 2028-08-14).
//! - **Weeks run Monday to Sunday** ([`WeekStart::Monday`]; `sunday` makes
//!   them Sunday to Saturday). "The first week of May" is the week that holds
//!   May 1st, cut to May; ISO 8601 numbers weeks ("week 31").
//! - **"next &lt;weekday&gt;" is that weekday of the following week**
//!   ([`NextWeekday::FollowingWeek`]): said on Wednesday 2026-12-02, "next
//!   Thursday" is 2026-12-10. With [`NextWeekday::Nearest`] it is the nearest
//!   one after today (2026-12-03). "This Thursday" is this week's, "the coming
//!   Thursday" the next one after today, "last Thursday" the previous week's
//!   (with `nearest`, the last one before today). A bare weekday ("by Friday")
//!   is the next one, today included.
//! - **A span from the reference date** adds days, business days (Monday to
//!   Friday), weeks (7 days), fortnights, months, quarters (3 months), halves
//!   (6 months), years (12 months) or decades (120 months). Month arithmetic
//!   clamps to the month's end (Jan 31 plus one month is Feb 28); a fraction
//!   of a year becomes whole months ("two and a half years" is 30 months), a
//!   fraction of a month 30-day parts. "The next 2 quarters" counts calendar
//!   quarters after the current one. "For 3 days from today" and "a week
//!   starting tomorrow" end on the stay's last day.
//! - **Numeric dates** read day first (30/06/2027) unless
//!   [`TimeOptions::numeric_date_order`] says month first; a date that reads
//!   both ways carries the other reading in [`TimeExpression::alternative`],
//!   and the linter says so (`ambiguous-date`). A two-digit year is the year
//!   ending in those digits within 50 years before and 49 after the reference
//!   date ("79" is 1979 and "27" 2027, said in 2026).
//! - **Fiscal years are read as calendar years** ("FY27", "Q4 FY27").
//! - **The past keeps its date**: "last year" is 2025-12-31 said in 2026, "two
//!   days ago" that day, "the last 3 months" yesterday. Such an expression is
//!   [`TimeKind::Past`], not a deadline; where it stands in place of one ("Get
//!   promoted last year.") the linter reads it as a deadline that has passed,
//!   and where the clause makes it context ("as I did in 2024", "since 2020")
//!   it does not.
//! - **A date that does not exist** ("2027-02-30", "February 30, 2027") is
//!   [`TimeKind::ImpossibleDate`]: the linter reports it (`impossible-date`).
//! - "within 6 months of graduation", "by my 40th birthday", "by the end of
//!   my contract" depend on an event with no date in the text: they are
//!   [`TimeKind::UnknownAnchor`], with no date.
//! - Holidays come from `data/smart/holidays.txt` (fixed days, the Nth
//!   weekday of a month, days relative to Easter), by region;
//!   [`TimeOptions::holiday_regions`] chooses the calendars.
//!
//! # What is not a deadline
//! - Frequencies and rates: "every month", "weekly", "on Mondays", "$50,000 a
//!   year", "30 hours a day" ([`TimeKind::Frequency`]).
//! - Durations that measure something: "reduce hiring time to 30 days", "from
//!   40 minutes to 10", "3,000 hours of practice", and anything in hours or
//!   minutes, such as "respond within 4 hours" ([`TimeKind::Measure`]).
//! - Durations that describe a thing: "an 8-week course", "my five-year plan"
//!   ([`TimeKind::Modifier`]).
//! - The past ([`TimeKind::Past`], above); starts: "starting in January",
//!   "after graduation" ([`TimeKind::Start`]); vague words: "soon", "a few
//!   months" ([`TimeKind::Vague`]).

mod calendar;
mod durations;
mod frequency;
pub(crate) mod holidays;
mod numeric;
mod offsets;
mod periods;
mod points;
mod vocab;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lexicon::{Cat, Func, Lexicon, Matches, lexicon};
use super::number::{number_at, ordinal_at};
use super::span::Span;
use crate::plan::date;
use crate::smart::token::{Key, KeySet, Tokens, kw, kws};

pub use super::unit::TimeUnit;
pub(crate) use calendar::add_duration;
use calendar::{
    Grain, Period, add_business_days, day_period, half_period, is_business_day, iso_week, last_day,
    month_period, nth_weekday, quarter_period, season_period, year_period,
};

/// An amount of time: `value` `unit`s.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
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
            format!("{:.0}", v)
        } else {
            v.to_string()
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
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
    /// A reference to the past: "as I did in 2024", "last year", "two days
    /// ago". Its `date` is the past day it names (the last day of a past
    /// period); when it stands where a deadline would ("Get promoted last
    /// year."), the linter reads it as a deadline that has passed.
    Past,
    /// A start, not an end: "starting in January", "after graduation".
    Start,
    /// A date that does not exist: "2027-02-30", "February 30, 2027". The
    /// linter reports it (`impossible-date`) rather than a missing deadline.
    ImpossibleDate,
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

/// The first day of a week: where "this week", "next week" and "the week of"
/// start and end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WeekStart {
    /// Monday to Sunday (ISO 8601; "next week" ends on a Sunday).
    #[default]
    Monday,
    /// Sunday to Saturday (the US calendar).
    Sunday,
}

/// How to read "next &lt;weekday&gt;".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NextWeekday {
    /// That weekday in the following week: said on a Wednesday, "next
    /// Thursday" is eight days later and "next Friday" nine. "this Thursday"
    /// and "the coming Thursday" are the nearest one.
    #[default]
    FollowingWeek,
    /// The nearest such weekday after today: said on a Wednesday, "next
    /// Thursday" is tomorrow.
    Nearest,
}

/// The conventions a reader of time expressions must choose: how to read
/// numeric dates, where weeks start and what "next &lt;weekday&gt;" means.
/// [`LintConfig`](super::LintConfig) carries the same three settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeOptions {
    /// Day or month first in 03/04/2027.
    pub numeric_date_order: DateOrder,
    /// The first day of a week.
    pub week_start: WeekStart,
    /// "next Thursday": in the following week, or the nearest one.
    pub next_weekday: NextWeekday,
    /// The holiday calendars to read names with, as a bit set of the
    /// regions of `data/smart/holidays.txt`; 0 is all of them. Built from
    /// region codes by [`LintConfig`](super::LintConfig) (`holiday_regions`).
    pub holiday_regions: u64,
}

/// How to read numeric dates such as 03/04/2027 whose parts could be either.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimeExpression {
    /// Byte span in the text.
    pub span: Span,
    /// The text the span covers.
    pub text: String,
    /// What the expression is.
    pub kind: TimeKind,
    /// The date a deadline resolves to, or the past day a [`TimeKind::Past`]
    /// reference names; `null` for other kinds and for unknown anchors.
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
    let opts = TimeOptions {
        numeric_date_order: order,
        ..TimeOptions::default()
    };
    find_time_expressions_in(text, today, &opts)
}

/// [`find_time_expressions`] with every convention chosen.
///
/// ```
/// use careerplan::smart::time::{find_time_expressions_in, NextWeekday, TimeOptions};
/// let wednesday = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
/// let date = |opts: &TimeOptions| find_time_expressions_in("next thursday", wednesday, opts)[0].date;
/// assert_eq!(date(&TimeOptions::default()).unwrap().to_string(), "2026-12-10");
/// let nearest = TimeOptions { next_weekday: NextWeekday::Nearest, ..TimeOptions::default() };
/// assert_eq!(date(&nearest).unwrap().to_string(), "2026-12-03");
/// ```
pub fn find_time_expressions_in(
    text: &str,
    today: NaiveDate,
    opts: &TimeOptions,
) -> Vec<TimeExpression> {
    let lex = lexicon();
    let t = Tokens::new(text, lex);
    let m = lex.match_phrases(&t);
    scan(&t, lex, &m, today, opts)
        .into_iter()
        .map(|f| f.expr)
        .collect()
}

/// A time expression with the tokens it covers.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub expr: TimeExpression,
    pub from: usize,
    pub to: usize,
    /// A frequency with a count ("3 times a week", "30 hours a day").
    pub counted: bool,
    /// The first token of the date or period itself, after any preposition
    /// ("by" in "by February 30").
    pub at: usize,
    /// A past point standing where a deadline would ("Get promoted last
    /// year."), not a reference to the past as context ("as I did in 2024",
    /// "since 2020"): the linter takes it as a deadline that has passed.
    pub passed: bool,
}

/// Scan tokens for time expressions.
pub(crate) fn scan(
    t: &Tokens<'_>,
    lex: &Lexicon,
    m: &Matches,
    today: NaiveDate,
    opts: &TimeOptions,
) -> Vec<Found> {
    scan_into(t, lex, m, today, opts, Vec::new())
}

/// [`scan`] into the buffer of an earlier statement.
pub(crate) fn scan_into(
    t: &Tokens<'_>,
    lex: &Lexicon,
    m: &Matches,
    today: NaiveDate,
    opts: &TimeOptions,
    mut out: Vec<Found>,
) -> Vec<Found> {
    let s = Scanner {
        t,
        lex,
        m,
        today,
        opts: *opts,
        first_content: (0..t.len())
            .find(|&k| t.is_word(k) || t.is_num(k))
            .unwrap_or(t.len()),
    };
    out.clear();
    let mut i = 0;
    while let Some(tok) = t.toks.get(i) {
        let may_start = match tok.kind {
            crate::smart::token::TokKind::Num => true,
            crate::smart::token::TokKind::Punct => t.is(i, kw!("/")),
            crate::smart::token::TokKind::Word => lex.info(tok.wid).time_start,
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
    /// The text wrote the year ("Aug 14, 2028"), so a weekday beside it
    /// does not choose one.
    explicit_year: bool,
    /// The point ends a range ("from March to June").
    range: bool,
}

/// Which day a weekday name means, from the reference date.
#[derive(Debug, Clone, Copy, PartialEq)]
enum WeekdayRef {
    /// The next one, today included: "by Friday".
    OnOrAfter,
    /// The next one after today: "the coming Friday".
    After,
    /// The last one before today: "this past Wednesday".
    Before,
    /// This week's: "this Friday".
    This,
    /// "next Friday" (see [`NextWeekday`]).
    Next,
    /// "last Friday": the previous week's, or with [`NextWeekday::Nearest`]
    /// the last one before today.
    Last,
    /// That many weeks from this one: "the following Friday" is 1.
    Weeks(i64),
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
    /// Smaller parts of a compound duration: "2 weeks and 2 days", "5 years
    /// 1 month 12 days".
    rest: [Option<Duration>; 2],
}

impl Dur {
    /// The first part as a [`Duration`].
    fn head(&self) -> Duration {
        Duration {
            value: self.value,
            unit: self.unit,
        }
    }

    /// `date` moved by the whole duration, forward or (`back`) backward.
    fn shift(&self, date: NaiveDate, back: bool) -> Option<NaiveDate> {
        let step = |d: NaiveDate, x: Duration| {
            if back {
                calendar::sub_duration(d, x)
            } else {
                add_duration(d, x)
            }
        };
        let mut d = step(date, self.head())?;
        for part in self.rest.iter().flatten() {
            d = step(d, *part)?;
        }
        Some(d)
    }
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

struct Scanner<'s, 'a> {
    t: &'s Tokens<'a>,
    lex: &'s Lexicon,
    m: &'s Matches,
    today: NaiveDate,
    opts: TimeOptions,
    /// The first word or number: before it, the text is punctuation only.
    first_content: usize,
}

impl Scanner<'_, '_> {
    pub(super) fn key(&self, i: usize) -> &str {
        if i < self.t.len() { self.t.key(i) } else { "" }
    }

    // Forwarders: inlined so that at opt-level "z" a test is one call, not two.
    #[inline(always)]
    pub(super) fn packed(&self, i: usize) -> Key {
        self.t.packed(i)
    }

    #[inline(always)]
    pub(super) fn is(&self, i: usize, k: Key) -> bool {
        self.t.is(i, k)
    }

    #[inline(always)]
    pub(super) fn is_any(&self, i: usize, set: &KeySet) -> bool {
        self.t.is_any(i, set)
    }

    /// Skip a hyphen joined on both sides ("end-of-year", "year-end").
    pub(super) fn hyphen(&self, i: usize) -> usize {
        if self.is(i, kw!("-")) && self.t.joined(i) && self.t.joined(i + 1) {
            i + 1
        } else {
            i
        }
    }

    pub(super) fn found(
        &self,
        from: usize,
        to: usize,
        kind: TimeKind,
        date: Option<NaiveDate>,
    ) -> Found {
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
            passed: false,
            at: from,
        }
    }

    pub(super) fn with_duration(mut f: Found, d: Option<Duration>) -> Found {
        f.expr.duration = d;
        f
    }

    pub(super) fn pt(&self, to: usize, period: Period, kind: TimeKind) -> Pt {
        Pt {
            to,
            period,
            kind,
            alt: None,
            pinned: false,
            duration: None,
            explicit_year: false,
            range: false,
        }
    }

    pub(super) fn deadline_from(&self, from: usize, p: &Pt, date: NaiveDate) -> Found {
        let date = (p.kind != TimeKind::ImpossibleDate).then_some(date);
        let mut f = self.found(from, p.to, p.kind, date);
        f.expr.alternative = p.alt.filter(|&d| date::in_document_range(d));
        f.expr.duration = p.duration;
        if p.kind == TimeKind::Past {
            f.passed = !self.past_context(from);
        }
        f
    }

    /// A past expression at `from`, found with its date and whether it
    /// stands where a deadline would.
    pub(super) fn past(&self, from: usize, to: usize, date: Option<NaiveDate>) -> Found {
        let mut f = self.found(from, to, TimeKind::Past, date);
        f.passed = date.is_some() && !self.past_context(from);
        f
    }

    /// Whether the clause before token `i` makes a past time context rather
    /// than a deadline: "as I did in 2024", "better than last year", "since
    /// 2020", "I was promoted two years ago".
    pub(super) fn past_context(&self, i: usize) -> bool {
        (0..i)
            .rev()
            .take_while(|&k| !self.t.is_boundary(k))
            .any(|k| {
                self.is_any(
                    k,
                    kws![
                        "as", "like", "than", "since", "did", "was", "were", "had", "been", "used",
                        "compared", "versus", "vs",
                    ],
                )
            })
    }

    /// Whether token `i` starts a fragment: the text so far is punctuation
    /// only, or a heading ends before it ("Q3 2027: PMP certification").
    pub(super) fn fragment_start(&self, i: usize) -> bool {
        i <= self.first_content || (i > 0 && self.is_any(i - 1, kws![":", ";", "(", "\"", "["]))
    }

    /// Whether token `e` ends a fragment: the end of the text, punctuation
    /// only after it, or the end of a heading.
    pub(super) fn fragment_end(&self, e: usize) -> bool {
        (e..self.t.len()).all(|k| !self.t.is_word(k) && !self.t.is_num(k))
            || self.is_any(e, kws![":", ";", ")", "\"", "]"])
    }

    /// A point or a past point found from token `from`.
    pub(super) fn point_found(&self, from: usize, p: &Pt) -> Found {
        self.deadline_from(from, p, p.period.end)
    }

    /// The expression starting at token `i`, if any.
    pub(super) fn at(&self, i: usize) -> Option<Found> {
        // A line that is only a time expression ("may", "friday", "1998",
        // "the 18th") reads as one after a preposition would.
        if self.fragment_start(i) {
            if let Some(p) = self.point_full(i, true)
                && self.fragment_end(p.to)
            {
                return Some(self.point_found(i, &p));
            }
            // "15": a day of the month, alone.
            if self.t.is_num(i)
                && let Some((day, e)) = self.day_number(i)
                && self.fragment_end(e)
            {
                let d = self.upcoming_day(day)?;
                return Some(self.point_found(i, &self.pt(e, day_period(d), TimeKind::Date)));
            }
        }
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
            let date = self.past_window_end(d.unit);
            return Some(self.past(i, d.to, date));
        }
        // "the Q3 budget", "H1 results": a bare quarter before a noun names the thing.
        if let Some(p) = self.quarter_or_half(i)
            && self.t.is_word(p.to)
            && self.t.toks[p.to].case != crate::smart::token::Case::Upper
            && self.prep_at(p.to).is_none()
            && !self.is_any(p.to, kws!["and", "or", "to", "at", "the"])
            && !self.m.has(p.to, |c| matches!(c, Cat::VagueTime))
        {
            return None;
        }
        if let Some(p) = self.point_full(i, false) {
            return Some(self.point_found(i, &p));
        }
        self.bare_duration(i)
    }
}

/// The date the whole text resolves to, for the unit tests of every part
/// of the grammar: the date of the expression that covers the most of it.
#[cfg(test)]
pub(super) fn resolve_with(text: &str, today: &str, opts: &TimeOptions) -> Option<String> {
    let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").ok()?;
    find_time_expressions_in(text, today, opts)
        .into_iter()
        .filter(|e| e.date.is_some() || e.kind == TimeKind::ImpossibleDate)
        .max_by_key(|e| e.span.end - e.span.start)
        .map(|e| match e.date {
            Some(d) => d.to_string(),
            None => "impossible".to_string(),
        })
}

/// Check `(text, expected)` rows said on `today` with the default options.
#[cfg(test)]
pub(super) fn check_rows(today: &str, rows: &[(&str, &str)]) {
    let opts = TimeOptions::default();
    let wrong: Vec<String> = rows
        .iter()
        .filter_map(|&(text, want)| {
            let got = resolve_with(text, today, &opts).unwrap_or_else(|| "-".into());
            (got != want).then(|| format!("{text:?}: want {want}, got {got}"))
        })
        .collect();
    assert!(wrong.is_empty(), "said on {today}:\n{}", wrong.join("\n"));
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
