//! Character mappings kept as data: the table format of `data/fold.txt`
//! (the skill-name fold, `skills::decompose`), and [`lowercase_key`].
//!
//! Numbers are hexadecimal. A line's first code point is GAP after the last
//! one of the previous line of its kind (marks; mappings, `r` and `d`), or
//! after 0, so runs of similar lines repeat and gzip well:
//!
//! ```text
//! m GAP LEN           marks: code points FIRST..=FIRST+LEN (what the caller does with them is its own)
//! r GAP LEN DELTA     each code point of FIRST..=FIRST+LEN maps to itself plus DELTA
//! d GAP [TO...]       one code point maps to the code points TO (none: to nothing)
//! ```
//!
//! Upper and lower case come from the standard library
//! (`char::to_uppercase`, `char::to_lowercase`): tables of our own in this
//! format saved only 5 KB of the brotli-compressed WebAssembly module
//! (ARCHITECTURE.md, "What the WebAssembly build leaves out").

/// A parsed table: ranges of marks and of mapped code points, both sorted
/// and disjoint.
#[derive(Debug, Default)]
pub(crate) struct CharTable {
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
    /// One code point maps to `len` characters at `start` in `chars`.
    Chars { start: u32, len: u32 },
}

impl CharTable {
    /// Call `emit` with what `c` maps to and return `true`, or return
    /// `false` (emitting nothing) when no mapping line covers `c`.
    pub(crate) fn map(&self, c: char, mut emit: impl FnMut(char)) -> bool {
        let cp = u32::from(c);
        let i = self.maps.partition_point(|m| m.first <= cp);
        let Some(m) = i.checked_sub(1).and_then(|i| self.maps.get(i)) else {
            return false;
        };
        if cp > m.last {
            return false;
        }
        match m.to {
            Target::Shift(delta) => {
                if let Some(d) = cp.checked_add_signed(delta).and_then(char::from_u32) {
                    emit(d);
                }
            }
            Target::Chars { start, len } => {
                let chars = self.chars.get(start as usize..(start + len) as usize);
                chars.unwrap_or_default().iter().for_each(|&d| emit(d));
            }
        }
        true
    }

    /// Whether an `m` line covers `c`.
    pub(crate) fn is_mark(&self, c: char) -> bool {
        let cp = u32::from(c);
        let j = self.marks.partition_point(|&(first, _)| first <= cp);
        j.checked_sub(1)
            .and_then(|j| self.marks.get(j))
            .is_some_and(|&(_, last)| cp <= last)
    }

    /// Read the table format (module docs); `file` names it in errors,
    /// which also give the line.
    pub(crate) fn parse(text: &str, file: &str) -> Result<CharTable, String> {
        let mut table = CharTable::default();
        // Each line starts at a gap after the previous line of its kind ends.
        let (mut marks_end, mut maps_end) = (0u32, 0u32);
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("{file} line {}: {line:?}", n + 1);
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
            return Err(format!("{file}: mark ranges are not sorted and disjoint"));
        }
        if !sorted_and_disjoint(table.maps.iter().map(|m| (m.first, m.last))) {
            return Err(format!("{file}: mappings are not sorted and disjoint"));
        }
        Ok(table)
    }
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

/// `text` lower-cased for comparing, not for showing: `char::to_lowercase`
/// of each character, with the final sigma `ς` as `σ`, so that "ΟΔΟΣ",
/// "οδος" and "οδοσ" compare equal.
pub(crate) fn lowercase_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        key.extend(c.to_lowercase().map(|l| if l == 'ς' { 'σ' } else { l }));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_tables_are_refused_with_their_line() {
        let parse = |text| CharTable::parse(text, "data/fold.txt");
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

    #[test]
    fn lowercase_keys_compare_case_and_sigma_insensitively() {
        assert_eq!(lowercase_key("ΟΔΟΣ"), lowercase_key("οδος"));
        assert_eq!(lowercase_key("Growth"), "growth");
        assert_eq!(lowercase_key("İ"), "i\u{307}");
        assert_ne!(lowercase_key("growth"), lowercase_key("growths"));
    }
}
