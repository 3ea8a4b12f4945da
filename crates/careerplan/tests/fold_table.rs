//! `data/fold.txt`, the table behind `skills::names::fold`, against its
//! oracle, the unicode-normalization crate: the file is what the crate
//! generates, and `fold` agrees with NFKD-then-strip-marks on every code
//! point and on random strings.
//!
//! Regenerate the table (after upgrading unicode-normalization) with
//! `UPDATE_FOLD_TABLE=1 cargo test -p careerplan --test fold_table`.

use careerplan::skills::names::fold;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// What `fold` computed before the table: NFKD of the whole string, marks
/// removed, then the rest of the key rules (copied from `names::fold`).
fn oracle_fold(name: &str) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    let push = |out: &mut String, c: char, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
        out.push(c);
    };
    for c in name.nfkd() {
        if is_combining_mark(c) || matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}') {
            continue;
        }
        if c == '&' {
            pending_space = true;
            for a in "and".chars() {
                push(&mut out, a, &mut pending_space);
            }
            pending_space = true;
        } else if c.is_alphanumeric() || c == '+' || c == '#' {
            for l in c.to_lowercase() {
                push(&mut out, l, &mut pending_space);
            }
        } else {
            pending_space = true;
        }
    }
    out
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The table as unicode-normalization defines it.
fn generate() -> String {
    let mut out = String::from(
        "# Compatibility decomposition (NFKD) without combining marks, for skill-name keys\n\
         # (careerplan::skills::names::fold). Generated from the unicode-normalization crate\n\
         # (Unicode version in its UNICODE_VERSION) by\n\
         #   UPDATE_FOLD_TABLE=1 cargo test -p careerplan --test fold_table\n\
         # Numbers are hexadecimal. A line's first code point is GAP after the last one\n\
         # of the previous line of its kind (marks; mappings, r and d), or after 0.\n\
         #   m GAP LEN           combining marks, dropped: code points FIRST..=FIRST+LEN\n\
         #   r GAP LEN DELTA     each code point of FIRST..=FIRST+LEN maps to itself plus DELTA\n\
         #   d GAP [TO...]       one code point maps to the code points TO (none: dropped)\n\
         # A code point on no line folds to itself. Hangul syllables (AC00-D7A3)\n\
         # decompose by the arithmetic of Unicode section 3.12, in code.\n",
    );
    let (major, minor, update) = unicode_normalization::UNICODE_VERSION;
    out.push_str(&format!("# Unicode {major}.{minor}.{update}\n"));
    let chars = || (0..=0x10FFFFu32).filter_map(char::from_u32);
    // Marks, as ranges.
    let mut marks_end = 0;
    let mut mark_line = |out: &mut String, first: u32, last: u32| {
        out.push_str(&format!("m {:X} {:X}\n", first - marks_end, last - first));
        marks_end = last;
    };
    let mut run: Option<(u32, u32)> = None;
    for c in chars().chain(std::iter::once('\u{10FFFF}')) {
        let cp = u32::from(c);
        let mark = is_combining_mark(c) && cp != 0x10FFFF;
        match (&mut run, mark) {
            (Some((_, last)), true) if *last + 1 == cp => *last = cp,
            (_, true) => {
                if let Some((first, last)) = run.take() {
                    mark_line(&mut out, first, last);
                }
                run = Some((cp, cp));
            }
            (_, false) => {
                if let Some((first, last)) = run.take() {
                    mark_line(&mut out, first, last);
                }
            }
        }
    }
    // Mappings: what differs from "itself, or nothing for a mark".
    let mut entries: Vec<(u32, Vec<u32>)> = Vec::new();
    for c in chars().filter(|&c| !c.is_ascii() && !is_hangul_syllable(c)) {
        let mut to = Vec::new();
        decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                to.push(u32::from(d));
            }
        });
        let default: Vec<u32> = if is_combining_mark(c) {
            vec![]
        } else {
            vec![u32::from(c)]
        };
        if to != default {
            entries.push((u32::from(c), to));
        }
    }
    // Runs of single characters at a constant distance become one line.
    let mut maps_end = 0;
    let mut i = 0;
    while i < entries.len() {
        let (cp, to) = &entries[i];
        let mut j = i + 1;
        if let [single] = to[..] {
            let delta = i64::from(single) - i64::from(*cp);
            while let Some((next, [t])) = entries.get(j).map(|(n, t)| (*n, &t[..]))
                && next == entries[j - 1].0 + 1
                && i64::from(*t) - i64::from(next) == delta
            {
                j += 1;
            }
            if j - i > 1 {
                let last = entries[j - 1].0;
                let sign = if delta < 0 { "-" } else { "" };
                let (gap, len) = (cp - maps_end, last - cp);
                out.push_str(&format!("r {gap:X} {len:X} {sign}{:X}\n", delta.abs()));
                maps_end = last;
                i = j;
                continue;
            }
        }
        out.push_str(&format!("d {:X}", cp - maps_end));
        maps_end = *cp;
        for t in to {
            out.push_str(&format!(" {t:X}"));
        }
        out.push('\n');
        i += 1;
    }
    out
}

#[test]
fn the_table_is_what_unicode_normalization_generates() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/fold.txt");
    let generated = generate();
    if std::env::var_os("UPDATE_FOLD_TABLE").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap();
    assert!(
        shipped == generated,
        "data/fold.txt is stale; regenerate it with UPDATE_FOLD_TABLE=1 cargo test -p careerplan --test fold_table"
    );
}

#[test]
fn fold_agrees_with_nfkd_on_every_code_point() {
    let mut disagreements = Vec::new();
    let mut text = String::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        text.clear();
        // Between letters, so a mark or a break in the middle shows.
        text.push('a');
        text.push(c);
        text.push('b');
        if fold(&text) != oracle_fold(&text) {
            disagreements.push(c);
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} code points differ, first {:?}",
        disagreements.len(),
        &disagreements[..disagreements.len().min(20)]
    );
}

proptest! {
    #[test]
    fn fold_agrees_with_nfkd_on_strings(text in "\\PC{0,40}") {
        prop_assert_eq!(fold(&text), oracle_fold(&text));
    }

    #[test]
    fn fold_agrees_with_nfkd_on_decomposable_text(
        text in "[a-zÀ-ɏḀ-ỿ가-힣ﬀ-ﬆＡ-ｚ①-⑳\u{300}-\u{36f}&' #+.-]{0,30}"
    ) {
        prop_assert_eq!(fold(&text), oracle_fold(&text));
    }
}
