//! Compatibility decomposition without combining marks, the Unicode step of
//! [`fold`](super::fold): what NFKD makes of a character, minus the
//! combining marks (so `é` gives `e`, `ﬁ` gives `fi`, `Ｊ` gives `J`).
//!
//! The mapping is data, `data/fold.txt` (format: `crate::chars`), generated from the
//! unicode-normalization crate and checked against it for every code point
//! by `tests/fold_table.rs` (`UPDATE_FOLD_TABLE=1` regenerates it). Since the
//! marks are dropped, NFKD's canonical reordering of marks cannot change the
//! result, so folding one character at a time gives exactly NFKD-then-strip
//! of the whole string. Shipping the table instead of the crate's own tables
//! (which also serve composition and the other normal forms) keeps the
//! WebAssembly package about 50 KB (gzipped) smaller: the table, each line
//! a gap from the previous one, gzips to 12 KB.
//!
//! Hangul syllables decompose by the arithmetic of the Unicode standard
//! (section 3.12), not through the table.

use std::sync::OnceLock;

use crate::chars::CharTable;

const TABLE_TEXT: &str = crate::embed::data_text!("../../data/fold.txt");

/// Call `emit` with each character `c` folds to, in order (none for a
/// combining mark).
pub(crate) fn decompose_without_marks(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        return emit(c);
    }
    let cp = u32::from(c);
    if (HANGUL_FIRST..HANGUL_FIRST + HANGUL_COUNT).contains(&cp) {
        return hangul(cp - HANGUL_FIRST, emit);
    }
    let table = table();
    if !table.map(c, &mut emit) && !table.is_mark(c) {
        emit(c);
    }
}

const HANGUL_FIRST: u32 = 0xAC00;
const HANGUL_COUNT: u32 = 11_172;

/// A precomposed Hangul syllable (its offset from U+AC00) as its leading
/// consonant, vowel and, if any, trailing consonant jamo.
fn hangul(offset: u32, mut emit: impl FnMut(char)) {
    const L_FIRST: u32 = 0x1100;
    const V_FIRST: u32 = 0x1161;
    const T_FIRST: u32 = 0x11A7;
    const V_COUNT: u32 = 21;
    const T_COUNT: u32 = 28;
    let jamo = [
        L_FIRST + offset / (V_COUNT * T_COUNT),
        V_FIRST + (offset % (V_COUNT * T_COUNT)) / T_COUNT,
        T_FIRST + offset % T_COUNT,
    ];
    let has_trailing = !offset.is_multiple_of(T_COUNT);
    for (k, cp) in jamo.into_iter().enumerate() {
        if k < 2 || has_trailing {
            emit(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }
}

fn table() -> &'static CharTable {
    static TABLE: OnceLock<CharTable> = OnceLock::new();
    // The file ships with the crate and a unit test parses it strictly, so
    // failure here is a build defect; an empty table folds only case.
    TABLE.get_or_init(|| CharTable::parse(TABLE_TEXT, "data/fold.txt").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(c: char) -> String {
        let mut out = String::new();
        decompose_without_marks(c, |d| out.push(d));
        out
    }

    #[test]
    fn the_shipped_table_parses() {
        let table = CharTable::parse(TABLE_TEXT, "data/fold.txt");
        assert!(table.is_ok_and(|t| t.map('é', |_| {}) && t.is_mark('\u{301}')));
    }

    #[test]
    fn letters_lose_their_marks_and_compatibility_forms_their_style() {
        assert_eq!(folded('é'), "e");
        assert_eq!(folded('\u{301}'), "");
        assert_eq!(folded('ﬁ'), "fi");
        assert_eq!(folded('Ｊ'), "J");
        assert_eq!(folded('²'), "2");
        assert_eq!(folded('a'), "a");
        assert_eq!(folded('ß'), "ß");
        assert_eq!(folded('한'), "\u{1112}\u{1161}\u{11ab}");
        assert_eq!(folded('가'), "\u{1100}\u{1161}");
    }
}
