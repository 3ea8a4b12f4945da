//! The comparison key of a name (a skill, a level word, a role id):
//! [`fold`]. The rules are documented with the names they serve,
//! [`crate::skills::names`]; they live here, below `scale` and `skills`, because
//! scales match level names by the same key.

mod decompose;

/// The comparison key of a skill name or level word; see [`crate::skills::names`].
///
/// ```
/// use careerplan::skills::names::fold;
/// assert_eq!(fold("  Project-Management "), "project management");
/// assert_eq!(fold("Résumé writing"), "resume writing");
/// assert_eq!(fold("R&D"), "r and d");
/// assert_ne!(fold("C++"), fold("C#"));
/// ```
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        // ASCII decomposes to itself: skip the table (most names, all of
        // ESCO's English labels).
        return fold_ascii(name);
    }
    let mut key = Key {
        text: String::with_capacity(name.len()),
        pending_space: false,
    };
    for c in name.chars() {
        decompose::decompose_without_marks(c, |d| key.push(d));
    }
    key.text
}

/// [`fold`] of ASCII text: [`Key::push`]'s rules byte by byte, without a
/// call per character (an ESCO import folds some 40,000 labels; this is
/// several times faster). A unit test holds the two to the same output.
fn fold_ascii(name: &str) -> String {
    // Most labels are already keys (ESCO's are lower case, one space
    // between words): a check that vectorises, then a copy. Natively only:
    // WebAssembly has no vectors to gain by it, and it is code to download.
    #[cfg(not(target_family = "wasm"))]
    if is_key(name.as_bytes()) {
        return name.to_owned();
    }
    // Bytes rather than chars: pushing a byte is a store, pushing a char an
    // encoding step. One look-up in [`ASCII_CLASS`] per byte says what it
    // is, rather than a chain of tests.
    let mut text: Vec<u8> = Vec::with_capacity(name.len());
    let mut pending_space = false;
    for &b in name.as_bytes() {
        match ASCII_CLASS[usize::from(b)] {
            BREAK => pending_space = true,
            DROP => {}
            AND => {
                // "R&D" is "r and d": a word of its own.
                if !text.is_empty() {
                    text.push(b' ');
                }
                text.extend_from_slice(b"and");
                pending_space = true;
            }
            lower => {
                if pending_space && !text.is_empty() {
                    text.push(b' ');
                }
                pending_space = false;
                text.push(lower);
            }
        }
    }
    // Only ASCII bytes were pushed: always valid UTF-8.
    String::from_utf8(text).unwrap_or_default()
}

/// Whether ASCII `text` is its own key: words of lower-case letters,
/// digits, `+` and `#`, one space between two words, none at the ends.
/// Every byte is looked at (no early exit), so the loops vectorise.
#[cfg(not(target_family = "wasm"))]
fn is_key(text: &[u8]) -> bool {
    let word = |c: u8| c.is_ascii_lowercase() | c.is_ascii_digit() | (c == b'+') | (c == b'#');
    match (text.first(), text.last()) {
        (Some(&first), Some(&last)) if word(first) && word(last) => {}
        _ => return false,
    }
    let allowed = text
        .iter()
        .fold(true, |ok, &c| ok & (word(c) | (c == b' ')));
    let single = text
        .windows(2)
        .fold(true, |ok, w| ok & !((w[0] == b' ') & (w[1] == b' ')));
    allowed && single
}

/// [`ASCII_CLASS`] of a word break (every byte not listed otherwise).
const BREAK: u8 = 0;
/// [`ASCII_CLASS`] of an apostrophe, which is dropped.
const DROP: u8 = 1;
/// [`ASCII_CLASS`] of `&`, read as "and".
const AND: u8 = 2;

/// What [`fold_ascii`] does with each byte below 128 (and, never asked,
/// above): a word character (letter, digit, `+`, `#`) maps to itself in
/// lower case; otherwise [`BREAK`], [`DROP`] or [`AND`], none of which is a
/// word character.
const ASCII_CLASS: [u8; 256] = {
    let mut class = [BREAK; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'+' || c == b'#' {
            class[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    class[b'\'' as usize] = DROP;
    class[b'&' as usize] = AND;
    class
};

/// A key being built by [`fold`] from decomposed characters.
struct Key {
    text: String,
    /// A word break was seen since the last word character.
    pending_space: bool,
}

impl Key {
    fn push(&mut self, c: char) {
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}') {
            return;
        }
        if c == '&' {
            self.pending_space = true;
            "and".chars().for_each(|a| self.push_word_char(a));
            self.pending_space = true;
        } else if c.is_alphanumeric() || c == '+' || c == '#' {
            c.to_lowercase().for_each(|l| self.push_word_char(l));
        } else {
            self.pending_space = true;
        }
    }

    fn push_word_char(&mut self, c: char) {
        if self.pending_space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.pending_space = false;
        self.text.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ascii_follows_the_general_rules() {
        let general = |name: &str| {
            let mut key = Key {
                text: String::new(),
                pending_space: false,
            };
            name.chars().for_each(|c| key.push(c));
            key.text
        };
        // Every ASCII character alone, after a word and between two words.
        for b in 0..=127u8 {
            let c = char::from(b);
            for name in [
                format!("{c}"),
                format!("a{c}"),
                format!("{c}b"),
                format!("a {c}b"),
            ] {
                assert_eq!(fold_ascii(&name), general(&name), "{name:?}");
            }
        }
        // Every text of up to four characters from an alphabet with each
        // class of byte: keys (the copy) and non-keys (the loop) alike.
        let alphabet = ['a', 'Z', '7', '+', ' ', '-', '&', '\'', '\0'];
        let mut names = vec![String::new()];
        let mut last = names.clone();
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|n| alphabet.iter().map(move |c| format!("{n}{c}")))
                .collect();
            names.extend(last.iter().cloned());
        }
        for name in &names {
            assert_eq!(fold_ascii(name), general(name), "{name:?}");
        }
        for name in [
            "data mining",
            "c++ and c# 2",
            "  R&D  ",
            "&&x",
            "Node.js & C++/C#",
            "O'Reilly's",
            "a - b",
            "",
        ] {
            assert_eq!(fold_ascii(name), general(name), "{name:?}");
        }
    }
}
