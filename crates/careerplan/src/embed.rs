//! Line-oriented data files compiled into the crate, without their comments.
//!
//! The lexicons (`data/smart/*.txt`), the holiday rules and the fold table
//! explain themselves in `#` comments, for the people who edit them. The
//! engine reads only the entries, so [`data_text!`] blanks every comment at
//! compile time: the text after a `#` on a line, and the spaces before it.
//! Line breaks stay, so a line number in an error about a data file is still
//! the line in the file. The comments are about a fifth of those files'
//! bytes; dropping them took 2,886 bytes off the WebAssembly package with
//! `brotli -q 11` (ARCHITECTURE.md, "What the WebAssembly build leaves out").
//!
//! Every reader of these files treats `#` as the start of a comment
//! wherever it appears, so the entries they see are the same either way (a
//! unit test of each reader parses the file as written too).

/// The length of `text` with its comments blanked ([`without_comments`]).
pub(crate) const fn comment_free_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut len) = (0, 0);
    while i < bytes.len() {
        let end = line_end(bytes, i);
        len += kept(bytes, i, end) + (end < bytes.len()) as usize;
        i = end + 1;
    }
    len
}

/// `text` with the comment of each line blanked: `N` must be
/// [`comment_free_len`]`(text)`.
pub(crate) const fn without_comments<const N: usize>(text: &str) -> [u8; N] {
    let bytes = text.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    while i < bytes.len() {
        let end = line_end(bytes, i);
        let keep = kept(bytes, i, end);
        let mut k = 0;
        while k < keep {
            out[o] = bytes[i + k];
            o += 1;
            k += 1;
        }
        if end < bytes.len() {
            out[o] = b'\n';
            o += 1;
        }
        i = end + 1;
    }
    out
}

/// Where the line starting at `start` ends: its `\n`, or the end of the text.
const fn line_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() && bytes[i] != b'\n' {
        i += 1;
    }
    i
}

/// How many bytes of the line `start..end` come before its comment, spaces
/// before the comment (and a `\r`) left out. `#` is ASCII, so cutting there
/// never splits a UTF-8 character.
const fn kept(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut cut = start;
    while cut < end && bytes[cut] != b'#' {
        cut += 1;
    }
    while cut > start && matches!(bytes[cut - 1], b' ' | b'\t' | b'\r') {
        cut -= 1;
    }
    cut - start
}

/// A data file's text, as `include_str!` gives it, with its comments blanked
/// at compile time (see the module docs). The path is relative to the file
/// that uses the macro, as for `include_str!`.
macro_rules! data_text {
    ($path:expr) => {{
        const RAW: &str = include_str!($path);
        const LEN: usize = $crate::embed::comment_free_len(RAW);
        const BYTES: [u8; LEN] = $crate::embed::without_comments::<LEN>(RAW);
        // Cutting at an ASCII `#` keeps whole characters, so this holds;
        // a failure would stop the build, not a user.
        const TEXT: &str = match core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a data file is not UTF-8 after its comments are blanked"),
        };
        TEXT
    }};
}
pub(crate) use data_text;

#[cfg(test)]
mod tests {
    /// `text` through [`data_text!`]'s two steps, at compile time.
    macro_rules! stripped {
        ($text:expr) => {{
            const T: &str = $text;
            const N: usize = super::comment_free_len(T);
            const B: [u8; N] = super::without_comments::<N>(T);
            std::str::from_utf8(&B).unwrap().to_string()
        }};
    }

    #[test]
    fn comments_are_blanked_and_lines_kept() {
        assert_eq!(
            stripped!("# about\nword : other   # note\r\n\n  two words\t# x\nlast"),
            "\nword : other\n\n  two words\nlast"
        );
        assert_eq!(stripped!("a\n"), "a\n");
        assert_eq!(stripped!(""), "");
        assert_eq!(stripped!("é # ü\nñ"), "é\nñ");
    }

    #[test]
    fn the_embedded_files_keep_their_lines() {
        let raw = include_str!("../data/smart/holidays.txt");
        let text = data_text!("../data/smart/holidays.txt");
        assert_eq!(raw.lines().count(), text.lines().count());
        assert!(text.len() < raw.len() && !text.contains('#'));
        for (a, b) in raw.lines().zip(text.lines()) {
            assert_eq!(a.split('#').next().unwrap_or("").trim_end(), b);
        }
    }
}
