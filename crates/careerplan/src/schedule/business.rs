//! Business days: weekends, holidays and the conventions that move a date
//! off them.
//!
//! Saturdays and Sundays are never business days, nor is any date in the
//! holiday list. The conventions follow the usual financial-calendar
//! definitions:
//!
//! | convention | a date on a non-business day moves to |
//! |---|---|
//! | `none` | nowhere: the date is kept |
//! | `following` | the next business day |
//! | `preceding` | the previous business day |
//! | `modified_following` | the next business day, unless that is in another month; then the previous business day (and if the whole rest of the month *and* its beginning are holidays, the next business day after all) |
//!
//! Every convention is monotone: a later input never rolls to an earlier
//! date, so a rolled sequence stays in order (two inputs may roll onto the
//! same day; the agenda keeps one).

use chrono::{Datelike, NaiveDate, Weekday};

use crate::plan::BusinessDayConvention;

/// Weekends and holidays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusinessCalendar {
    holidays: Vec<NaiveDate>,
}

impl BusinessCalendar {
    /// A calendar with these holidays (in any order, repeats allowed).
    pub fn new(holidays: &[NaiveDate]) -> BusinessCalendar {
        let mut holidays = holidays.to_vec();
        crate::sort::sort(&mut holidays);
        holidays.dedup();
        BusinessCalendar { holidays }
    }

    /// How many distinct holidays the calendar holds.
    pub fn holiday_count(&self) -> usize {
        self.holidays.len()
    }

    /// Whether `date` is a weekday that is not a holiday.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && (self.holidays.is_empty() || self.holidays.binary_search(&date).is_err())
    }

    /// The first business day on or after `date` (`None` past the last
    /// representable date).
    pub fn following(&self, mut date: NaiveDate) -> Option<NaiveDate> {
        while !self.is_business_day(date) {
            date = date.succ_opt()?;
        }
        Some(date)
    }

    /// The last business day on or before `date`.
    pub fn preceding(&self, mut date: NaiveDate) -> Option<NaiveDate> {
        while !self.is_business_day(date) {
            date = date.pred_opt()?;
        }
        Some(date)
    }

    /// Move `date` off a non-business day by `convention`.
    ///
    /// ```
    /// use careerplan::plan::BusinessDayConvention as C;
    /// use careerplan::schedule::business::BusinessCalendar;
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
    /// let cal = BusinessCalendar::new(&[]);
    /// // Saturday, July 31st 2027
    /// assert_eq!(cal.roll(d(7, 31), C::Following), Some(d(8, 2)));
    /// assert_eq!(cal.roll(d(7, 31), C::ModifiedFollowing), Some(d(7, 30)));
    /// assert_eq!(cal.roll(d(7, 31), C::Preceding), Some(d(7, 30)));
    /// assert_eq!(cal.roll(d(7, 31), C::None), Some(d(7, 31)));
    /// ```
    pub fn roll(&self, date: NaiveDate, convention: BusinessDayConvention) -> Option<NaiveDate> {
        match convention {
            BusinessDayConvention::None => Some(date),
            BusinessDayConvention::Following => self.following(date),
            BusinessDayConvention::Preceding => self.preceding(date),
            BusinessDayConvention::ModifiedFollowing => {
                let next = self.following(date);
                match next {
                    Some(n) if n.month() == date.month() && n.year() == date.year() => next,
                    _ => match self.preceding(date) {
                        Some(p) if p.month() == date.month() && p.year() == date.year() => Some(p),
                        _ => next,
                    },
                }
            }
        }
    }

    /// Roll `date`, keeping it inside `lower..=upper`: a roll that would
    /// leave the window is made in the other direction instead, and a date
    /// that cannot stay inside either way is dropped (`None`).
    pub fn roll_within(
        &self,
        date: NaiveDate,
        convention: BusinessDayConvention,
        lower: NaiveDate,
        upper: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let inside = |d: NaiveDate| d >= lower && upper.is_none_or(|u| d <= u);
        let rolled = self.roll(date, convention)?;
        if inside(rolled) {
            return Some(rolled);
        }
        let other = if rolled < date {
            self.following(date)
        } else {
            self.preceding(date)
        }?;
        inside(other).then_some(other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BusinessDayConvention as C;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn holidays_and_weekends_are_skipped() {
        // Friday 2026-12-25 and Monday 2026-12-28 are holidays.
        let cal = BusinessCalendar::new(&[d(2026, 12, 28), d(2026, 12, 25)]);
        assert_eq!(
            cal.roll(d(2026, 12, 25), C::Following),
            Some(d(2026, 12, 29))
        );
        assert_eq!(
            cal.roll(d(2026, 12, 27), C::Preceding),
            Some(d(2026, 12, 24))
        );
        assert_eq!(
            cal.roll(d(2026, 12, 29), C::Preceding),
            Some(d(2026, 12, 29))
        );
    }

    #[test]
    fn modified_following_stays_in_the_month() {
        let cal = BusinessCalendar::new(&[]);
        // Sunday 2027-01-31 -> Friday 2027-01-29, not Monday 2027-02-01.
        assert_eq!(
            cal.roll(d(2027, 1, 31), C::ModifiedFollowing),
            Some(d(2027, 1, 29))
        );
        // Saturday 2027-01-02 -> Monday 2027-01-04.
        assert_eq!(
            cal.roll(d(2027, 1, 2), C::ModifiedFollowing),
            Some(d(2027, 1, 4))
        );
    }

    #[test]
    fn modified_following_falls_back_when_the_month_is_closed() {
        let all_feb: Vec<NaiveDate> = (1..=28).map(|day| d(2027, 2, day)).collect();
        let cal = BusinessCalendar::new(&all_feb);
        assert_eq!(
            cal.roll(d(2027, 2, 15), C::ModifiedFollowing),
            Some(d(2027, 3, 1))
        );
    }

    #[test]
    fn rolling_within_a_window_turns_back_at_its_edges() {
        let cal = BusinessCalendar::new(&[]);
        // Saturday 2027-05-01 as the anchor: preceding would leave the window.
        let got = cal.roll_within(d(2027, 5, 1), C::Preceding, d(2027, 5, 1), None);
        assert_eq!(got, Some(d(2027, 5, 3)));
        let got = cal.roll_within(
            d(2027, 5, 1),
            C::Following,
            d(2027, 4, 1),
            Some(d(2027, 5, 2)),
        );
        assert_eq!(got, Some(d(2027, 4, 30)));
        let got = cal.roll_within(
            d(2027, 5, 1),
            C::Following,
            d(2027, 5, 1),
            Some(d(2027, 5, 2)),
        );
        assert_eq!(got, None);
    }
}
