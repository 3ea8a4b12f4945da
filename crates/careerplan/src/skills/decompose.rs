//! Compatibility decomposition without combining marks, the Unicode step of
//! [`fold`](super::names::fold): what NFKD makes of a character, minus the
//! combining marks (so `é` gives `e`, `ﬁ` gives `fi`, `Ｊ` gives `J`).
//!
//! The mapping is data, `data/fold.txt`, generated from the
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

const TABLE_TEXT: &str = include_str!("../../data/fold.txt");

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
    let i = table.maps.partition_point(|m| m.first <= cp);
    if let Some(m) = i.checked_sub(1).and_then(|i| table.maps.get(i))
        && cp <= m.last
    {
        match m.to {
            Target::Shift(delta) => {
                if let Some(d) = cp.checked_add_signed(delta).and_then(char::from_u32) {
                    emit(d);
                }
            }
            Target::Chars { start, len } => {
                let chars = table.chars.get(start as usize..(start + len) as usize);
                chars.unwrap_or_default().iter().for_each(|&d| emit(d));
            }
        }
        return;
    }
    let j = table.marks.partition_point(|&(first, _)| first <= cp);
    let is_mark = j
        .checked_sub(1)
        .and_then(|j| table.marks.get(j))
        .is_some_and(|&(_, last)| cp <= last);
    if !is_mark {
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
    let has_trailing = offset % T_COUNT != 0;
    for (k, cp) in jamo.into_iter().enumerate() {
        if k < 2 || has_trailing {
            emit(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }
}

/// `data/fold.txt` parsed: ranges of marks and of mapped code points, both
/// sorted and disjoint.
#[derive(Debug, Default)]
struct Table {
    marks: Vec<(u32, u32)>,
    maps: Vec<Mapping>,
    chars: Vec<char>,
}

#[derive(Debug)]
struct Mapping {
    first: u32,
    last: u32,
    to: Target,
}

#[derive(Debug)]
enum Target {
    /// Each code point maps to itself plus `delta` (a run such as the
    /// full-width Latin letters).
    Shift(i32),
    /// One code point maps to `len` characters at `start` in `Table::chars`.
    Chars { start: u32, len: u32 },
}

/// Whether inclusive ranges are in increasing order without overlap, as
/// the binary searches need.
fn sorted_and_disjoint(ranges: impl Iterator<Item = (u32, u32)>) -> bool {
    let mut previous: Option<u32> = None;
    for (first, last) in ranges {
        if first > last || previous.is_some_and(|p| p >= first) {
            return false;
        }
        previous = Some(last);
    }
    true
}

/// A hexadecimal number with an optional minus sign.
fn hex(field: &str) -> Option<i64> {
    match field.strip_prefix('-') {
        Some(digits) => i64::from_str_radix(digits, 16).ok().map(|v| -v),
        None => i64::from_str_radix(field, 16).ok(),
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    // The file ships with the crate and a unit test parses it strictly, so
    // failure here is a build defect; an empty table folds only case.
    TABLE.get_or_init(|| parse(TABLE_TEXT).unwrap_or_default())
}

/// Read the table format (see the header of `data/fold.txt`); the error
/// names the line.
fn parse(text: &str) -> Result<Table, String> {
    let mut table = Table::default();
    // Each line starts at a gap after the previous line of its kind ends.
    let (mut marks_end, mut maps_end) = (0u32, 0u32);
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("data/fold.txt line {}: {line:?}", n + 1);
        let mut fields = line.split(' ');
        let kind = fields.next().ok_or_else(bad)?;
        let mut numbers = fields.map(hex);
        let mut next = || numbers.next().flatten().ok_or_else(bad);
        let code_point = |v: i64| {
            u32::try_from(v)
                .ok()
                .filter(|&v| v <= 0x10FFFF)
                .ok_or_else(bad)
        };
        let after = |end: u32, gap: i64| code_point(i64::from(end) + gap);
        match kind {
            "m" => {
                let first = after(marks_end, next()?)?;
                let last = after(first, next()?)?;
                marks_end = last;
                table.marks.push((first, last));
            }
            "r" => {
                let first = after(maps_end, next()?)?;
                let last = after(first, next()?)?;
                maps_end = last;
                let delta = i32::try_from(next()?).map_err(|_| bad())?;
                table.maps.push(Mapping {
                    first,
                    last,
                    to: Target::Shift(delta),
                });
            }
            "d" => {
                let first = after(maps_end, next()?)?;
                maps_end = first;
                let start = u32::try_from(table.chars.len()).map_err(|_| bad())?;
                for v in numbers {
                    let v = code_point(v.ok_or_else(bad)?)?;
                    table.chars.push(char::from_u32(v).ok_or_else(bad)?);
                }
                let len = u32::try_from(table.chars.len()).map_err(|_| bad())? - start;
                table.maps.push(Mapping {
                    first,
                    last: first,
                    to: Target::Chars { start, len },
                });
            }
            _ => return Err(bad()),
        }
    }
    if !sorted_and_disjoint(table.marks.iter().copied()) {
        return Err("data/fold.txt: mark ranges are not sorted and disjoint".into());
    }
    if !sorted_and_disjoint(table.maps.iter().map(|m| (m.first, m.last))) {
        return Err("data/fold.txt: mappings are not sorted and disjoint".into());
    }
    Ok(table)
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
        let table = parse(TABLE_TEXT).unwrap();
        assert!(
            table.marks.len() > 200 && table.maps.len() > 3000,
            "{:?}",
            (table.marks.len(), table.maps.len())
        );
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

    #[test]
    fn malformed_tables_are_refused_with_their_line() {
        assert!(parse("m 300 6F\nx 1 2").unwrap_err().contains("line 2"));
        assert!(parse("d C0 41\nd 0 42").unwrap_err().contains("not sorted"));
        assert!(parse("d C0 110000").unwrap_err().contains("line 1"));
        assert!(parse("m 300").unwrap_err().contains("line 1"));
        assert!(parse("m 10FFFF 1").unwrap_err().contains("line 1"));
        let table = parse("m 300 6F\nm 114 6\nd C0 41\nr 1 2 -1\nd 5").unwrap();
        assert_eq!(table.marks, [(0x300, 0x36F), (0x483, 0x489)]);
        let ranges: Vec<_> = table.maps.iter().map(|m| (m.first, m.last)).collect();
        assert_eq!(ranges, [(0xC0, 0xC0), (0xC1, 0xC3), (0xC8, 0xC8)]);
    }
}
