//! Text as it comes in: the UTF-8 byte-order mark.
//!
//! Windows tools often start a UTF-8 file with the byte-order mark U+FEFF
//! (bytes `EF BB BF`). It marks the encoding and is no part of the content,
//! so every entry point that takes text (plans, catalogs, resumes, O*NET
//! files, goal statements) skips one at the start. Offsets reported back,
//! such as lint spans, still count in the text the caller gave, mark
//! included, so they index the caller's own string.

/// The byte-order mark, U+FEFF (three bytes in UTF-8).
pub const BOM: char = '\u{feff}';

/// `text` without a leading byte-order mark (only the first one: a second
/// would be content).
///
/// ```
/// assert_eq!(careerplan::text::strip_bom("\u{feff}{}"), "{}");
/// assert_eq!(careerplan::text::strip_bom("{}"), "{}");
/// ```
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// How many bytes [`strip_bom`] skips in `text`: 3 or 0.
pub fn bom_len(text: &str) -> usize {
    text.len() - strip_bom(text).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_mark_is_skipped() {
        assert_eq!(bom_len("\u{feff}x"), 3);
        assert_eq!(strip_bom("\u{feff}\u{feff}x"), "\u{feff}x");
        assert_eq!(strip_bom("x\u{feff}"), "x\u{feff}");
        assert_eq!(bom_len(""), 0);
    }
}
