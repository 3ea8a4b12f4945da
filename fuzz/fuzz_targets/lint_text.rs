//! The SMART linter on arbitrary text: never panics, and every span it
//! reports lies inside the text on character boundaries, with UTF-16 spans
//! that match the byte spans.
#![no_main]

use careerplan::limits::Limits;
use careerplan::smart::{Context, LintConfig, Linter, Span};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22);
        // No text limit: every input is linted, however long.
        match Linter::new(LintConfig {
            today,
            limits: Limits::none(),
            ..Default::default()
        }) {
            Ok(l) => l,
            Err(e) => panic!("default config refused: {e}"),
        }
    })
}

/// UTF-16 offset of every byte offset that is a char boundary (others: unused),
/// built once so the checks stay linear in the text.
fn utf16_table(text: &str) -> Vec<usize> {
    let mut table = vec![0; text.len() + 1];
    let mut units = 0;
    for (i, c) in text.char_indices() {
        table[i] = units;
        units += c.len_utf16();
    }
    table[text.len()] = units;
    table
}

fn check(text: &str, table: &[usize], span: Span, utf16: Option<Span>, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} inside a character"
    );
    let u = utf16.unwrap_or_else(|| panic!("{what}: no utf16 span"));
    assert_eq!(u.start, table[span.start], "{what}: utf16 start");
    assert_eq!(u.end, table[span.end], "{what}: utf16 end");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = match linter().lint_text(text, &Context::default()) {
        Ok(report) => report.with_utf16_spans(),
        Err(e) => panic!("refused without limits: {e}"),
    };
    assert_eq!(report.text, text);
    let table = utf16_table(text);
    for d in &report.diagnostics {
        check(text, &table, d.span, d.span_utf16, &d.code);
        if let Some(f) = &d.fix {
            check(text, &table, f.span, f.span_utf16, "fix");
        }
    }
    for e in &report.time_expressions {
        check(text, &table, e.span, e.span_utf16, "time expression");
        assert_eq!(
            &text[e.span.start..e.span.end],
            e.text,
            "time expression text"
        );
    }
    // The report is the JSON contract: it must serialise and read back.
    let json = match serde_json::to_string(&report) {
        Ok(j) => j,
        Err(e) => panic!("report does not serialise: {e}"),
    };
    let back: careerplan::smart::LintReport = match serde_json::from_str(&json) {
        Ok(r) => r,
        Err(e) => panic!("report does not read back: {e}\n{json}"),
    };
    assert_eq!(back, report, "report JSON round-trip");
});
