//! Character mappings kept as data: the table format shared by
//! `data/fold.txt` (the skill-name fold, `skills::decompose`),
//! `data/upper.txt` and `data/lower.txt` (case, [`to_uppercase`] and
//! [`to_lowercase`]).
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
//! Why case is a table here: `char::to_uppercase` and `char::to_lowercase`
//! link core's own case tables, 25 KB of the WebAssembly module that gzip
//! can only halve. The same mappings as runs gzip to about 1 KB each. Unit
//! tests check both files against the standard library on every code point
//! (they are what `char::to_uppercase` and `char::to_lowercase` give, `ß`
//! -> `SS` included) and regenerate them with
//! `UPDATE_CASE_TABLES=1 cargo test -p careerplan --lib chars`.
//!
//! There is no string-level `str::to_lowercase` here: its one extra rule,
//! a capital sigma at the end of a word becoming `ς`, only matters to
//! comparisons, which use [`lowercase_key`] (both sigmas as `σ`).

use std::sync::OnceLock;

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

const UPPER_TEXT: &str = include_str!("../data/upper.txt");
const LOWER_TEXT: &str = include_str!("../data/lower.txt");

/// Call `emit` with `c` in upper case: exactly the characters
/// `char::to_uppercase` gives (`ß` -> `SS`), from `data/upper.txt`.
pub(crate) fn to_uppercase(c: char, emit: impl FnMut(char)) {
    static TABLE: OnceLock<CharTable> = OnceLock::new();
    case(
        c,
        char::to_ascii_uppercase,
        &TABLE,
        UPPER_TEXT,
        "data/upper.txt",
        emit,
    );
}

/// Call `emit` with `c` in lower case: exactly the characters
/// `char::to_lowercase` gives, from `data/lower.txt`.
pub(crate) fn to_lowercase(c: char, emit: impl FnMut(char)) {
    static TABLE: OnceLock<CharTable> = OnceLock::new();
    case(
        c,
        char::to_ascii_lowercase,
        &TABLE,
        LOWER_TEXT,
        "data/lower.txt",
        emit,
    );
}

fn case(
    c: char,
    ascii: fn(&char) -> char,
    table: &'static OnceLock<CharTable>,
    text: &str,
    file: &str,
    mut emit: impl FnMut(char),
) {
    if c.is_ascii() {
        return emit(ascii(&c));
    }
    // The file ships with the crate and a unit test parses it strictly, so
    // failure here is a build defect; an empty table leaves case alone.
    let table = table.get_or_init(|| CharTable::parse(text, file).unwrap_or_default());
    if !table.map(c, &mut emit) {
        emit(c);
    }
}

/// `text` lower-cased for comparing, not for showing: [`to_lowercase`] of
/// each character, with the final sigma `ς` as `σ`, so that "ΟΔΟΣ",
/// "οδος" and "οδοσ" compare equal.
pub(crate) fn lowercase_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        to_lowercase(c, |l| key.push(if l == 'ς' { 'σ' } else { l }));
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

    /// A case table as the standard library defines it.
    fn generate(file: &str, function: &str, map: fn(char) -> Vec<char>) -> String {
        let (major, minor, update) = char::UNICODE_VERSION;
        let mut out = format!(
            "# {function} of every non-ASCII character it changes, for\n\
             # careerplan::chars (format: src/chars.rs). {file} is generated from\n\
             # Rust's char::{function} by\n\
             #   UPDATE_CASE_TABLES=1 cargo test -p careerplan --lib chars\n\
             # Unicode {major}.{minor}.{update}\n"
        );
        let mut end = 0u32;
        let mut run: Option<(u32, u32, i64)> = None;
        let flush = |out: &mut String, run: &mut Option<(u32, u32, i64)>, end: &mut u32| {
            if let Some((first, last, delta)) = run.take() {
                let sign = if delta < 0 { "-" } else { "" };
                let (gap, len) = (first - *end, last - first);
                out.push_str(&format!("r {gap:X} {len:X} {sign}{:X}\n", delta.abs()));
                *end = last;
            }
        };
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let cp = u32::from(c);
            let mapped = map(c);
            if mapped == [c] {
                continue;
            }
            if let [single] = mapped[..] {
                let delta = i64::from(u32::from(single)) - i64::from(cp);
                if let Some((_, last, d)) = &mut run
                    && *last + 1 == cp
                    && *d == delta
                {
                    *last = cp;
                    continue;
                }
                flush(&mut out, &mut run, &mut end);
                run = Some((cp, cp, delta));
            } else {
                flush(&mut out, &mut run, &mut end);
                out.push_str(&format!("d {:X}", cp - end));
                end = cp;
                for m in mapped {
                    out.push_str(&format!(" {:X}", u32::from(m)));
                }
                out.push('\n');
            }
        }
        flush(&mut out, &mut run, &mut end);
        out
    }

    /// The Unicode version a table was generated with (its `# Unicode X.Y.Z` line).
    fn table_version(text: &str) -> Option<(u8, u8, u8)> {
        let line = text.lines().find_map(|l| l.strip_prefix("# Unicode "))?;
        let mut parts = line.trim().split('.').map(|p| p.parse::<u8>().ok());
        Some((parts.next()??, parts.next()??, parts.next()??))
    }

    /// Whether this toolchain's Unicode is the one the tables were made
    /// with. Another version (an older or newer Rust) adds or changes
    /// characters, so the tables are then compared with the standard library
    /// only where both know a character's case, and are not regenerated.
    fn same_unicode(text: &str) -> bool {
        table_version(text) == Some(char::UNICODE_VERSION)
    }

    #[test]
    fn the_case_tables_name_their_unicode_version() {
        for text in [UPPER_TEXT, LOWER_TEXT] {
            assert!(table_version(text).is_some());
        }
    }

    #[test]
    fn the_case_tables_are_what_the_standard_library_defines() {
        let tables = [
            (
                "upper.txt",
                "to_uppercase",
                UPPER_TEXT,
                (|c: char| c.to_uppercase().collect()) as fn(char) -> Vec<char>,
            ),
            ("lower.txt", "to_lowercase", LOWER_TEXT, |c: char| {
                c.to_lowercase().collect()
            }),
        ];
        for (file, function, shipped, map) in tables {
            let generated = generate(&format!("data/{file}"), function, map);
            if std::env::var_os("UPDATE_CASE_TABLES").is_some() {
                let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
                std::fs::write(path, &generated).unwrap();
                continue;
            }
            if !same_unicode(shipped) {
                // Another toolchain: the per-code-point test compares what
                // both versions define.
                eprintln!(
                    "data/{file} is Unicode {:?}, this toolchain {:?}: compared where both define a case",
                    table_version(shipped),
                    char::UNICODE_VERSION
                );
                continue;
            }
            assert!(
                generated == shipped,
                "data/{file} differs from this toolchain's char::{function} (Unicode {:?}); \
                 regenerate it with UPDATE_CASE_TABLES=1 cargo test -p careerplan --lib chars",
                char::UNICODE_VERSION
            );
        }
    }

    #[test]
    fn case_matches_the_standard_library_on_every_code_point() {
        let exact = same_unicode(UPPER_TEXT) && same_unicode(LOWER_TEXT);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let (mut upper, mut lower) = (String::new(), String::new());
            to_uppercase(c, |u| upper.push(u));
            to_lowercase(c, |l| lower.push(l));
            let itself = c.to_string();
            let std_upper: String = c.to_uppercase().collect();
            let std_lower: String = c.to_lowercase().collect();
            // With another Unicode version, a mapping that only one side
            // has (a character not yet, or no longer, cased in the other)
            // is not compared; where both map a character they must agree.
            let comparable =
                |ours: &str, theirs: &str| exact || (ours == itself) == (theirs == itself);
            if comparable(&upper, &std_upper) {
                assert_eq!(upper, std_upper, "U+{:04X}", u32::from(c));
            }
            if comparable(&lower, &std_lower) {
                assert_eq!(lower, std_lower, "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn lowercase_keys_compare_case_and_sigma_insensitively() {
        assert_eq!(lowercase_key("ΟΔΟΣ"), lowercase_key("οδος"));
        assert_eq!(lowercase_key("Growth"), "growth");
        assert_eq!(lowercase_key("İ"), "i\u{307}");
        assert_ne!(lowercase_key("growth"), lowercase_key("growths"));
    }
}
