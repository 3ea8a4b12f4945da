//! Time-expression resolution with an arbitrary reference date: the first
//! four bytes pick a day anywhere in chrono's range (so extreme years near
//! +-262,000 are hit as often as ordinary ones), the fifth the numeric date
//! order, the rest is the text.
#![no_main]

use careerplan::limits::Limits;
use careerplan::smart::time::find_time_expressions_with;
use careerplan::smart::{Context, DateOrder, LintConfig, Linter};
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;

fn reference_date(bytes: [u8; 4]) -> NaiveDate {
    let raw = u32::from_le_bytes(bytes);
    // A quarter of the inputs land within a few days of the extremes, a
    // quarter in the years 1-9999, the rest anywhere.
    let (min, max) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    let span = (max - min) as u32 + 1;
    let day = match raw >> 30 {
        0 => min + (raw & 0xFF) as i32,
        1 => max - (raw & 0xFF) as i32,
        2 => 1 + (raw & 0x3FFF_FFFF) as i32 % 3_652_059,
        _ => min + (raw % span) as i32,
    };
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 5 {
        return;
    }
    let today = reference_date([data[0], data[1], data[2], data[3]]);
    let order = if data[4] & 1 == 0 {
        DateOrder::DayFirst
    } else {
        DateOrder::MonthFirst
    };
    let Ok(text) = std::str::from_utf8(&data[5..]) else {
        return;
    };
    for e in find_time_expressions_with(text, today, order) {
        assert!(
            e.span.start <= e.span.end && e.span.end <= text.len(),
            "span {:?}",
            e.span
        );
        assert_eq!(text.get(e.span.start..e.span.end), Some(e.text.as_str()));
    }
    // The same text through the whole linter, with the date in the config
    // and, for the start-relative reading, in the context.
    let config = LintConfig {
        today: Some(today),
        numeric_date_order: order,
        limits: Limits::none(),
        ..Default::default()
    };
    let linter = match Linter::new(config) {
        Ok(l) => l,
        Err(e) => panic!("config refused: {e}"),
    };
    let ctx = Context {
        start: Some(today),
        deadline: Some(today),
        ..Default::default()
    };
    let report = match linter.lint_text(text, &ctx) {
        Ok(report) => report,
        Err(e) => panic!("refused without limits: {e}"),
    };
    assert_eq!(report.text, text);
});
