//! The linter's output: reports, verdicts, diagnostics and fixes.
//!
//! [`LintReport`] serialises to the contract in docs/CONTRACTS.md: `text`,
//! `deadline`, `criteria` (five verdicts) and `diagnostics`, in that order,
//! followed by `time_expressions`. Spans are byte offsets into `text`;
//! [`LintReport::with_utf16_spans`] adds UTF-16 offsets for JavaScript.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::span::{Span, utf16_offset};
use super::time::TimeExpression;
use crate::Severity;
use crate::plan::date;

/// Many byte offsets of one text in UTF-16 code units, found in one pass.
///
/// A report on a long text has spans all along it; converting each with
/// [`Span::to_utf16`] rescans the text from the start every time, which is
/// quadratic (found by the `lint_text` fuzz target: 15 KB of dates took
/// seconds). Sorting the offsets first makes it one scan plus a sort.
struct Utf16Offsets<'t> {
    text: &'t str,
    /// Sorted, distinct byte offsets.
    bytes: Vec<usize>,
    /// `units[i]`: the UTF-16 offset of `bytes[i]`, as [`utf16_offset`] gives it.
    units: Vec<usize>,
    /// The text is ASCII: every offset is its own UTF-16 offset.
    ascii: bool,
}

impl<'t> Utf16Offsets<'t> {
    /// For ASCII text (nearly every goal), where there is nothing to scan;
    /// the scan was a few percent of `lintMany` in WebAssembly.
    fn ascii(text: &'t str) -> Utf16Offsets<'t> {
        Utf16Offsets {
            text,
            bytes: Vec::new(),
            units: Vec::new(),
            ascii: true,
        }
    }

    fn new(text: &'t str, mut bytes: Vec<usize>) -> Utf16Offsets<'t> {
        crate::sort::sort(&mut bytes);
        bytes.dedup();
        let mut units = Vec::with_capacity(bytes.len());
        let mut chars = text.char_indices().peekable();
        let mut sum = 0;
        for &b in &bytes {
            // The characters that end at or before `b`: an offset inside a
            // character counts up to that character's start, as in
            // `utf16_offset`.
            while let Some(&(i, c)) = chars.peek() {
                if i + c.len_utf8() > b {
                    break;
                }
                sum += c.len_utf16();
                chars.next();
            }
            units.push(sum);
        }
        Utf16Offsets {
            text,
            bytes,
            units,
            ascii: false,
        }
    }

    fn offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte.min(self.text.len());
        }
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units[i],
            Err(_) => utf16_offset(self.text, byte),
        }
    }

    fn span(&self, span: Span) -> Span {
        Span::new(self.offset(span.start), self.offset(span.end))
    }
}

/// One of the five SMART criteria.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// A concrete outcome, not a direction.
    Specific,
    /// A quantity or a checkable completion event.
    Measurable,
    /// Within reach in the time given.
    Achievable,
    /// Serves the person's values, aspiration or a parent goal.
    Relevant,
    /// Has a deadline.
    TimeBound,
}

impl Criterion {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::Specific => "specific",
            Criterion::Measurable => "measurable",
            Criterion::Achievable => "achievable",
            Criterion::Relevant => "relevant",
            Criterion::TimeBound => "time_bound",
        }
    }

    /// All five, in SMART order.
    pub const ALL: [Criterion; 5] = [
        Criterion::Specific,
        Criterion::Measurable,
        Criterion::Achievable,
        Criterion::Relevant,
        Criterion::TimeBound,
    ];
}

impl std::fmt::Display for Criterion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The verdict on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Verdict {
    /// `true` met, `false` not met, `null` when it cannot be judged (e.g.
    /// relevance without plan context).
    pub met: Option<bool>,
    /// 0 (absent) to 100 (fully met); 50 when it cannot be judged.
    pub score: u8,
}

/// Verdicts on the five criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Criteria {
    /// Specific.
    pub specific: Verdict,
    /// Measurable.
    pub measurable: Verdict,
    /// Achievable.
    pub achievable: Verdict,
    /// Relevant.
    pub relevant: Verdict,
    /// Time-bound.
    pub time_bound: Verdict,
}

impl Criteria {
    /// The verdict on one criterion.
    pub fn get(&self, c: Criterion) -> Verdict {
        match c {
            Criterion::Specific => self.specific,
            Criterion::Measurable => self.measurable,
            Criterion::Achievable => self.achievable,
            Criterion::Relevant => self.relevant,
            Criterion::TimeBound => self.time_bound,
        }
    }
}

/// Whether a fix can be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Applicability {
    /// Keeps the meaning; a tool may apply it automatically.
    #[serde(rename = "safe")]
    Safe,
    /// Probably right but may change the meaning; apply on request.
    #[serde(rename = "unsafe")]
    Unsafe,
    /// Shows the shape of a fix (with placeholders); never applied.
    #[serde(rename = "display-only")]
    DisplayOnly,
}

/// A mechanical edit that addresses a diagnostic: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Fix {
    /// Byte span to replace (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
    /// Whether it can be applied automatically.
    pub applicability: Applicability,
    /// `span` in UTF-16 code units, when requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_utf16: Option<Span>,
}

impl Fix {
    /// `text` with this fix applied; `None` when the span does not fit `text`.
    pub fn apply(&self, text: &str) -> Option<String> {
        let head = text.get(..self.span.start)?;
        let tail = text.get(self.span.end..)?;
        Some(format!("{head}{}{tail}", self.replacement))
    }
}

/// One finding about a goal statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `vague-outcome`; see [`super::rules`].
    pub code: String,
    /// The criterion the rule judges.
    pub criterion: Criterion,
    /// How serious it is (the rule's default, or the configured one).
    pub severity: Severity,
    /// One line naming the offending words.
    pub message: String,
    /// Byte span of the offending words (empty: where something is missing).
    pub span: Span,
    /// What to do about it.
    pub suggestion: Option<String>,
    /// A mechanical edit, when one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Codes of other findings on the same words, merged into this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// `span` in UTF-16 code units, when requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_utf16: Option<Span>,
}

/// The linter's verdict on one goal statement.
///
/// Serialises to the docs/CONTRACTS.md contract (`text`, `deadline`, `criteria`,
/// `diagnostics`), then `time_expressions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LintReport {
    /// The statement as given.
    pub text: String,
    /// The deadline: the goal's deadline field, or else the latest date a time
    /// expression in the text resolves to; `null` when there is none.
    #[serde(default, with = "date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub deadline: Option<NaiveDate>,
    /// A verdict per criterion.
    pub criteria: Criteria,
    /// Findings, in text order; overlapping findings on the same words are merged.
    pub diagnostics: Vec<Diagnostic>,
    /// Every time expression found in the text.
    #[serde(default)]
    pub time_expressions: Vec<TimeExpression>,
}

/// The score (0-100) of every report on each criterion, one column per
/// criterion in [`Criterion::ALL`] order: a batch's scores without its
/// reports (the bindings' `LintReports.scores()`).
pub fn score_columns(reports: &[LintReport]) -> ScoreColumns {
    ScoreColumns(
        Criterion::ALL
            .into_iter()
            .map(|c| (c, reports.iter().map(|r| r.criteria.get(c).score).collect()))
            .collect(),
    )
}

/// The columns of [`score_columns`]; serialized as an object keyed by
/// criterion (`{"specific": [..], ..., "time_bound": [..]}`, in
/// [`Criterion::ALL`] order), as the bindings return it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreColumns(pub Vec<(Criterion, Vec<u8>)>);

impl Serialize for ScoreColumns {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(c, column)| (c.as_str(), column)))
    }
}

/// The deadline of every report, in order (the bindings'
/// `LintReports.deadlines()`).
pub fn deadline_column(reports: &[LintReport]) -> Vec<Option<NaiveDate>> {
    reports.iter().map(|r| r.deadline).collect()
}

impl LintReport {
    /// The most serious severity among the diagnostics.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Whether any diagnostic is an error (the CLI then exits with 1).
    pub fn has_errors(&self) -> bool {
        self.max_severity() == Some(Severity::Error)
    }

    /// Fill `span_utf16` of every diagnostic, fix and time expression, for
    /// editors that index strings in UTF-16 (JavaScript).
    pub fn with_utf16_spans(mut self) -> LintReport {
        self.fill_utf16_spans();
        self
    }

    /// [`LintReport::with_utf16_spans`] in place.
    pub(crate) fn fill_utf16_spans(&mut self) {
        let offsets = if self.text.is_ascii() {
            Utf16Offsets::ascii(&self.text)
        } else {
            let mut bytes =
                Vec::with_capacity(2 * (self.diagnostics.len() + self.time_expressions.len()));
            for d in &self.diagnostics {
                bytes.extend([d.span.start, d.span.end]);
                if let Some(f) = &d.fix {
                    bytes.extend([f.span.start, f.span.end]);
                }
            }
            for e in &self.time_expressions {
                bytes.extend([e.span.start, e.span.end]);
            }
            Utf16Offsets::new(&self.text, bytes)
        };
        for d in &mut self.diagnostics {
            d.span_utf16 = Some(offsets.span(d.span));
            if let Some(f) = &mut d.fix {
                f.span_utf16 = Some(offsets.span(f.span));
            }
        }
        for e in &mut self.time_expressions {
            e.span_utf16 = Some(offsets.span(e.span));
        }
    }

    /// This report, made for the end of `text` from byte `skip` on, as a
    /// report of the whole `text`: every span moved `skip` bytes on. The
    /// linter skips a leading byte-order mark this way (`crate::text`), so
    /// spans index the caller's string. Called before UTF-16 spans are filled.
    pub(crate) fn offset_into(mut self, text: &str, skip: usize) -> LintReport {
        let shift = |span: &mut Span| *span = Span::new(span.start + skip, span.end + skip);
        for d in &mut self.diagnostics {
            shift(&mut d.span);
            if let Some(f) = &mut d.fix {
                shift(&mut f.span);
            }
        }
        for e in &mut self.time_expressions {
            shift(&mut e.span);
        }
        self.text = text.to_string();
        self
    }

    /// The diagnostic codes, including merged ones, in order.
    pub fn codes(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for d in &self.diagnostics {
            out.push(d.code.as_str());
            out.extend(d.also.iter().map(String::as_str));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_reports() {
        let linter = crate::smart::Linter::default();
        let ctx = crate::smart::Context {
            today: NaiveDate::from_ymd_opt(2026, 11, 22),
            ..Default::default()
        };
        let reports: Vec<_> = linter
            .lint_many(&["Grow.", "Publish 4 posts by June 2027."], &ctx)
            .into_iter()
            .collect::<Result<_, _>>()
            .unwrap();
        let scores = score_columns(&reports).0;
        assert_eq!(scores.len(), 5);
        for (criterion, column) in &scores {
            let expected: Vec<u8> = reports
                .iter()
                .map(|r| r.criteria.get(*criterion).score)
                .collect();
            assert_eq!(column, &expected);
        }
        assert_eq!(scores[4], (Criterion::TimeBound, vec![0, 100]));
        assert_eq!(
            deadline_column(&reports),
            [None, NaiveDate::from_ymd_opt(2027, 6, 30)]
        );
        let json = serde_json::to_string(&score_columns(&reports)).unwrap();
        assert_eq!(
            json,
            r#"{"specific":[0,100],"measurable":[0,100],"achievable":[50,50],"relevant":[50,50],"time_bound":[0,100]}"#
        );
    }

    #[test]
    fn utf16_offsets() {
        let text = "é👍 go";
        let s = Span::new(7, 9);
        assert_eq!(&text[7..9], "go");
        assert_eq!(s.to_utf16(text), Span::new(4, 6));
        // Inside a character: clamped back.
        assert_eq!(Span::new(2, 100).to_utf16(text), Span::new(1, 6));
    }

    #[test]
    fn utf16_offsets_in_one_pass_match_one_at_a_time() {
        let text = "é👍 go\u{301} 日本 x";
        // Every offset, including ones inside characters and past the end.
        let all: Vec<usize> = (0..text.len() + 3).rev().collect();
        let batch = Utf16Offsets::new(text, all.clone());
        for b in all {
            assert_eq!(batch.offset(b), utf16_offset(text, b), "byte {b}");
        }
        // An offset that was not asked for still converts.
        let some = Utf16Offsets::new(text, vec![7]);
        assert_eq!(some.offset(3), utf16_offset(text, 3));
    }

    #[test]
    fn ascii_offsets_match_the_scan() {
        let text = "Ship v2 by 2027-06-30.";
        let ascii = Utf16Offsets::ascii(text);
        for b in 0..text.len() + 3 {
            assert_eq!(ascii.offset(b), utf16_offset(text, b), "byte {b}");
        }
    }

    #[test]
    fn fixes_apply() {
        let f = Fix {
            span: Span::new(0, 8),
            replacement: "P".into(),
            applicability: Applicability::Unsafe,
            span_utf16: None,
        };
        assert_eq!(f.apply("Try to pass").as_deref(), Some("Pass"));
        assert_eq!(
            Fix {
                span: Span::new(5, 99),
                ..f
            }
            .apply("abc"),
            None
        );
    }
}
