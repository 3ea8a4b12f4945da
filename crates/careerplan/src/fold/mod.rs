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
    let mut key = Key {
        text: String::with_capacity(name.len()),
        pending_space: false,
    };
    if name.is_ascii() {
        // ASCII decomposes to itself: skip the table (most names, all of
        // ESCO's English labels).
        for c in name.chars() {
            key.push(c);
        }
    } else {
        for c in name.chars() {
            decompose::decompose_without_marks(c, |d| key.push(d));
        }
    }
    key.text
}

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
