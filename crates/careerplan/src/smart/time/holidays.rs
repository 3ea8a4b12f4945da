//! Holidays as points in time.

use chrono::{Datelike, NaiveDate};

use super::*;

impl Scanner<'_, '_> {
    pub(super) fn holiday(&self, i: usize) -> Option<Pt> {
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
}
