//! A range of the statement's text, the unit every stage and the report
//! point into it with.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A range of a text, `start..end`: byte offsets (or UTF-16 code units where
/// a field says so).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First offset.
    pub start: usize,
    /// Offset after the last unit.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Whether the span covers nothing (an insertion point).
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether two non-empty spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        !self.is_empty() && !other.is_empty() && self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn union(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This byte span as UTF-16 code-unit offsets into `text`, as JavaScript
    /// strings index. Offsets past the end or inside a character are clamped
    /// to the previous character boundary.
    ///
    /// ```
    /// use careerplan::smart::Span;
    /// let text = "🚀 Ship v2 by 2027-03-01";
    /// let bytes = Span::new(5, 9); // "Ship"
    /// assert_eq!(&text[bytes.start..bytes.end], "Ship");
    /// assert_eq!(bytes.to_utf16(text), Span::new(3, 7));
    /// ```
    pub fn to_utf16(self, text: &str) -> Span {
        Span::new(utf16_offset(text, self.start), utf16_offset(text, self.end))
    }
}

pub(crate) fn utf16_offset(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().map(char::len_utf16).sum()
}
