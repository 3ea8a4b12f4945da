//! Normalisation and tokenisation with byte spans.
//!
//! One pass over the text produces words, numbers and punctuation, each with
//! its byte span in the original text and a normalised key (lower case,
//! typographic apostrophes and dashes folded to ASCII). A key that differs
//! from the token's text is stored in one shared buffer, so tokenising fills
//! two vectors whatever the length of the text (reused from one statement to
//! the next by the linter); most keys are the text itself and are not copied.
//!
//! Letters and digits are split where they meet ("Q3" is `q` `3`, "3wks" is
//! `3` `wks`, "1st" is `1` `st`), and every token records whether white space
//! separated it from the previous one (`joined`), so "8-week" and "8 week" can
//! be told apart by the grammars that read the tokens.

/// The word id of a token whose key is in no lexicon.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// Where tokens get their word ids: a vocabulary that numbers keys (the
/// lexicon, `super::lexicon::Lexicon`, one layer up).
pub(crate) trait WordIds {
    /// The id of a normalised key, or [`NO_WORD`].
    fn word_id(&self, key: &str) -> u32;
    /// The id of a key of at most 15 bytes, packed, or [`NO_WORD`].
    fn packed_word_id(&self, packed: Key) -> u32;
}

/// A key of at most 15 bytes packed into two integers: its bytes, then its
/// length in the last byte.
///
/// The grammars compare token keys with hundreds of fixed words ("the", "of",
/// "next"), often several times per token. Comparing strings costs a call to
/// the slicing and `memcmp` machinery each time, which the compiler no longer
/// inlines when it optimises for size (the WebAssembly package); comparing
/// two packed keys is two integer compares wherever it is compiled. The words
/// are packed at compile time with [`kw!`] and [`kws!`].
///
/// Packing is exact up to 15 bytes. A longer key packs to its first 15 bytes
/// with the marker 0xFF for a length, which equals no packed word (words are
/// checked at compile time to be short enough), so `is` and `is_any` answer
/// exactly as a string comparison would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    lo: u64,
    hi: u64,
}

impl Key {
    /// `s` packed; keys longer than 15 bytes get the marker length.
    pub(crate) const fn new(s: &str) -> Key {
        Key::from_bytes(s.as_bytes())
    }

    const fn from_bytes(b: &[u8]) -> Key {
        // Little-endian, last byte first: two tight loops (this runs once
        // per token).
        let mut lo = 0u64;
        let mut hi = 0u64;
        let mut i = if b.len() < 15 { b.len() } else { 15 };
        while i > 8 {
            i -= 1;
            hi = hi << 8 | b[i] as u64;
        }
        while i > 0 {
            i -= 1;
            lo = lo << 8 | b[i] as u64;
        }
        let len = if b.len() > 15 { 0xFF } else { b.len() as u64 };
        Key {
            lo,
            hi: hi | (len << 56),
        }
    }

    /// A fixed word of a grammar; more than 15 bytes is a compile-time error
    /// when called in a constant, as [`kw!`] does.
    pub(crate) const fn word(s: &str) -> Key {
        assert!(s.len() <= 15, "grammar words are packed in 15 bytes");
        Key::new(s)
    }

    /// A hash of the key for the lexicon's table: a multiply of both
    /// words, whose high bits are taken.
    #[inline(always)]
    pub(crate) fn hash(self) -> u64 {
        (self.lo ^ self.hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// Whether the key was longer than 15 bytes, so that it stands for every
    /// key with the same first 15 bytes.
    pub(crate) fn is_long(self) -> bool {
        self.hi >> 56 == 0xFF
    }

    /// The bit of one of 64 buckets, from a multiplicative hash of the first
    /// 8 bytes.
    const fn bucket(self) -> u64 {
        1 << (self.lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// Whether the key is one of `set`.
    ///
    /// Most tokens are in none of the sets the grammars test, and the filter
    /// turns most of them away before the scan. The filter test is inlined
    /// (a few instructions, cheaper than a call at opt-level "z"); the scan
    /// is not, to keep the code small.
    #[inline(always)]
    pub(crate) fn is_in(self, set: &KeySet) -> bool {
        set.filter & self.bucket() != 0 && self.is_among(set.keys)
    }

    fn is_among(self, keys: &[Key]) -> bool {
        // A plain loop rather than `contains`, which at opt-level "z" calls
        // `eq` per element.
        for &k in keys {
            if k == self {
                return true;
            }
        }
        false
    }
}

/// A fixed set of words (from [`kws!`]) with a one-word filter of the
/// buckets its keys fall in.
#[derive(Debug)]
pub(crate) struct KeySet {
    filter: u64,
    keys: &'static [Key],
}

impl KeySet {
    pub(crate) const fn new(keys: &'static [Key]) -> KeySet {
        let mut filter = 0;
        let mut i = 0;
        while i < keys.len() {
            filter |= keys[i].bucket();
            i += 1;
        }
        KeySet { filter, keys }
    }
}

/// The packed [`Key`] of a fixed word, computed at compile time.
macro_rules! kw {
    ($s:literal) => {
        const { $crate::smart::token::Key::word($s) }
    };
}
pub(crate) use kw;

/// A static set of packed [`Key`]s ([`KeySet`]), computed at compile time.
macro_rules! kws {
    ($($s:literal),+ $(,)?) => {{
        const SET: &$crate::smart::token::KeySet =
            &$crate::smart::token::KeySet::new(&[$($crate::smart::token::Key::word($s)),+]);
        SET
    }};
}
pub(crate) use kws;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (with inner apostrophes: "master's", "I'd").
    Word,
    /// Digits, with thousands separators and one decimal part: "5,000", "1.5".
    Num,
    /// Any other single character: `$ % , . - / ' ( )`.
    Punct,
}

/// Letter case of a word, for acronyms and proper nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Not a word, or no cased letters.
    None,
    /// all lower case
    Lower,
    /// First letter upper case, the rest not all upper.
    Title,
    /// Two or more letters, all upper case: an acronym.
    Upper,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offset of the first byte in the original text.
    pub start: u32,
    /// Byte offset after the last byte.
    pub end: u32,
    /// Range of the normalised key in [`Tokens::keys`], or in the text when
    /// `key_in_text`.
    key_start: u32,
    key_end: u32,
    /// The key is the token's own text (numbers, words in lower-case
    /// ASCII: most tokens), which is then not copied.
    key_in_text: bool,
    /// The key packed, for comparisons with fixed words.
    pub packed: Key,
    pub kind: TokKind,
    pub case: Case,
    /// No white space between the previous token and this one.
    pub joined: bool,
    /// Value of a number token (0 otherwise).
    pub value: f64,
    /// Number of digits before the decimal point (numbers only).
    pub int_digits: u8,
    /// The number had a thousands separator or a decimal part.
    pub formatted: bool,
    /// Id of the key in the lexicon's vocabulary, or [`NO_WORD`].
    pub wid: u32,
}

/// The tokens of one text.
#[derive(Debug)]
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    keys: String,
    pub toks: Vec<Token>,
}

impl<'a> Tokens<'a> {
    /// Tokenise `text` and look every key up in `lex`.
    pub fn new(text: &'a str, lex: &impl WordIds) -> Tokens<'a> {
        Tokens::new_in(text, lex, String::new(), Vec::new())
    }

    /// [`Tokens::new`] into the (empty) buffers of an earlier statement.
    pub fn new_in(text: &'a str, lex: &impl WordIds, keys: String, toks: Vec<Token>) -> Tokens<'a> {
        let mut t = tokenize_into(text, keys, toks);
        for i in 0..t.toks.len() {
            let wid = match t.toks.get(i) {
                Some(tok) if tok.packed.is_long() => lex.word_id(t.key(i)),
                Some(tok) => lex.packed_word_id(tok.packed),
                None => NO_WORD,
            };
            if let Some(tok) = t.toks.get_mut(i) {
                tok.wid = wid;
            }
        }
        t
    }

    /// The buffers, for the next statement.
    pub fn into_buffers(self) -> (String, Vec<Token>) {
        (self.keys, self.toks)
    }

    /// The normalised key of token `i`.
    pub fn key(&self, i: usize) -> &str {
        let t = &self.toks[i];
        let from = if t.key_in_text { self.text } else { &self.keys };
        from.get(t.key_start as usize..t.key_end as usize)
            .unwrap_or("")
    }

    /// The word id of token `i`; [`NO_WORD`] past the end.
    #[inline(always)]
    pub fn wid(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(NO_WORD, |t| t.wid)
    }

    /// The packed key of token `i`; the empty key past the end.
    #[inline(always)]
    pub fn packed(&self, i: usize) -> Key {
        self.toks.get(i).map_or(kw!(""), |t| t.packed)
    }

    /// Whether token `i` exists and its key is `k` (a word from [`kw!`]).
    #[inline(always)]
    pub fn is(&self, i: usize, k: Key) -> bool {
        self.toks.get(i).is_some_and(|t| t.packed == k)
    }

    /// Whether token `i` exists and its key is one of `set` (from [`kws!`]).
    #[inline(always)]
    pub fn is_any(&self, i: usize, set: &KeySet) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        t.packed.is_in(set)
    }

    /// Number of tokens.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The original text of tokens `from..to` (exclusive).
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        if from >= to || to > self.toks.len() {
            return "";
        }
        let s = self.toks[from].start as usize;
        let e = self.toks[to - 1].end as usize;
        self.text.get(s..e).unwrap_or("")
    }

    /// Byte span of tokens `from..to` (exclusive).
    pub fn span(&self, from: usize, to: usize) -> (usize, usize) {
        if from >= to || to > self.toks.len() {
            let at = self
                .toks
                .get(from)
                .map_or(self.text.len(), |t| t.start as usize);
            return (at, at);
        }
        (
            self.toks[from].start as usize,
            self.toks[to - 1].end as usize,
        )
    }

    /// Whether token `i` is a word.
    // These accessors use `get` rather than a length test and indexing: at
    // opt-level "z" indexing stays a call (its panic path makes it too big
    // to inline), and these run for nearly every token, many times.
    #[inline(always)]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// Whether token `i` is a number.
    #[inline(always)]
    pub fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Num)
    }

    /// Whether token `i` is joined to the previous one (no space between).
    #[inline(always)]
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.joined)
    }

    /// Whether token `i` ends a clause: `, ; : . ! ? ( )` and dashes with spaces.
    pub fn is_boundary(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        t.kind == TokKind::Punct
            && (t
                .packed
                .is_in(kws![",", ";", ":", ".", "!", "?", "(", ")", "\""])
                || (t.packed == kw!("-") && !t.joined))
    }
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
        '\u{FF04}' => '$',
        _ => c,
    }
}

fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    }
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() || is_mark(c)
}

/// Combining marks stay inside the word they decorate.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The normalised keys of `text`, for compiling lexicon phrases.
pub(crate) fn tokenize_keys(text: &str) -> Vec<String> {
    let t = tokenize(text);
    (0..t.toks.len()).map(|i| t.key(i).to_string()).collect()
}

/// The character at byte `i` and its length, with a fast path for ASCII.
#[inline]
fn char_at(text: &str, bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn tokenize(text: &str) -> Tokens<'_> {
    tokenize_into(text, String::new(), Vec::new())
}

/// Tokenise `text` into the buffers of an earlier statement.
fn tokenize_into(text: &str, mut keys: String, mut toks: Vec<Token>) -> Tokens<'_> {
    keys.clear();
    keys.reserve(text.len() + 8);
    toks.clear();
    toks.reserve(text.len() / 4 + 2);
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut joined = false;
    // Each branch says where the token ends and appends its key to `keys`
    // unless the key is the text; the token is made in one place below. (At
    // opt-level "z" a `Vec::push` is a call, and one call site keeps the
    // loop small.)
    while let Some(&b) = bytes.get(i) {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
            i += 1;
            joined = false;
            continue;
        }
        let ks = keys.len();
        let mut kind = TokKind::Word;
        let mut number = (0.0, 0, false);
        let mut in_text = false;
        let end;
        let case;
        if b.is_ascii_digit() {
            let (e, value, int_digits, formatted) = scan_number(bytes, i);
            kind = TokKind::Num;
            number = (value, int_digits, formatted);
            case = Case::None;
            end = e;
            in_text = true;
        } else if let Some((e, c, copied)) = ascii_word(text, i, &mut keys) {
            case = c;
            end = e;
            in_text = !copied;
        } else {
            let Some((c, clen)) = char_at(text, bytes, i) else {
                break;
            };
            if is_space(c) {
                i += clen;
                joined = false;
                continue;
            }
            if is_letter(c) {
                (end, case) = word(text, i, &mut keys);
            } else {
                // Punctuation and symbols: one token per character.
                keys.push(fold_char(c));
                kind = TokKind::Punct;
                case = Case::None;
                end = i + clen;
            }
        }
        let (key_start, key_end, key) = if in_text {
            (i, end, bytes.get(i..end))
        } else {
            (ks, keys.len(), keys.as_bytes().get(ks..))
        };
        toks.push(Token {
            start: i as u32,
            end: end as u32,
            key_start: key_start as u32,
            key_end: key_end as u32,
            key_in_text: in_text,
            packed: Key::from_bytes(key.unwrap_or(&[])),
            kind,
            case,
            joined,
            value: number.0,
            int_digits: number.1,
            formatted: number.2,
            wid: NO_WORD,
        });
        i = end;
        joined = true;
    }
    Tokens { text, keys, toks }
}

/// The common word: ASCII letters from byte `i` to a byte that is neither a
/// letter, non-ASCII nor an apostrophe. Returns its end, its case and
/// whether its key was appended to `keys` (only a word with capitals needs
/// one: the key of any other is its text); `None` (with nothing appended)
/// for any other word.
fn ascii_word(text: &str, i: usize, keys: &mut String) -> Option<(usize, Case, bool)> {
    // One pass finds the end and counts capitals.
    let bytes = text.as_bytes();
    let mut j = i;
    let mut upper = 0;
    while let Some(&b) = bytes.get(j)
        && b.is_ascii_alphabetic()
    {
        upper += usize::from(b.is_ascii_uppercase());
        j += 1;
    }
    let len = j - i;
    if len == 0 || bytes.get(j).is_some_and(|&b| b >= 0x80 || b == b'\'') {
        return None;
    }
    let case = if upper >= 2 && upper == len {
        Case::Upper
    } else if bytes.get(i).is_some_and(u8::is_ascii_uppercase) {
        Case::Title
    } else if upper < len {
        Case::Lower
    } else {
        Case::None
    };
    if upper == 0 {
        return Some((j, case, false));
    }
    let ks = keys.len();
    keys.push_str(text.get(i..j).unwrap_or(""));
    if let Some(key) = keys.get_mut(ks..) {
        key.make_ascii_lowercase();
    }
    Some((j, case, true))
}

/// Any other word, from the letter at byte `i`: letters, combining marks and
/// apostrophes between letters. Appends its lower-cased key and returns its
/// end and case.
fn word(text: &str, i: usize, keys: &mut String) -> (usize, Case) {
    let bytes = text.as_bytes();
    let mut upper = 0u32;
    let mut lower = 0u32;
    let mut first_upper = false;
    let mut first = true;
    let mut end = i;
    let mut j = i;
    while j < text.len() {
        let Some((d, dlen)) = char_at(text, bytes, j) else {
            break;
        };
        if is_letter(d) {
            if d.is_uppercase() {
                upper += 1;
                if first {
                    first_upper = true;
                }
            } else if d.is_lowercase() {
                lower += 1;
            }
            first = false;
            if d.is_ascii() {
                keys.push(d.to_ascii_lowercase());
            } else {
                keys.extend(d.to_lowercase());
            }
            j += dlen;
            end = j;
            continue;
        }
        // An apostrophe between letters stays inside the word: "master's", "I'd".
        if fold_char(d) == '\'' {
            let next = j + dlen;
            if let Some(n) = text.get(next..).and_then(|s| s.chars().next())
                && is_letter(n)
            {
                keys.push('\'');
                j = next;
                continue;
            }
        }
        break;
    }
    let case = if upper >= 2 && lower == 0 {
        Case::Upper
    } else if first_upper {
        Case::Title
    } else if lower > 0 {
        Case::Lower
    } else {
        Case::None
    };
    (end, case)
}

/// Scan a number starting at `i`: digits, thousands groups (",ddd") and one
/// decimal part. A dotted date ("30.06.2027") is left as separate numbers.
fn scan_number(b: &[u8], i: usize) -> (usize, f64, u8, bool) {
    let digits_from = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut end = digits_from(i);
    let mut value = 0f64;
    for &d in &b[i..end] {
        value = value * 10.0 + f64::from(d - b'0');
    }
    let mut int_digits = end - i;
    let mut formatted = false;
    // Thousands groups: ",ddd" not followed by another digit, after at most three digits.
    if int_digits <= 3 {
        while end + 4 <= b.len()
            && b[end] == b','
            && b[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && (end + 4 == b.len() || !b[end + 4].is_ascii_digit())
        {
            for &d in &b[end + 1..end + 4] {
                value = value * 10.0 + f64::from(d - b'0');
            }
            end += 4;
            int_digits += 3;
            formatted = true;
        }
    }
    // One decimal part, unless the number is a piece of a dotted date ("30.06.2027").
    let after_dot = i >= 2 && b[i - 1] == b'.' && b[i - 2].is_ascii_digit();
    if !after_dot && end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_digit() {
        let frac_end = digits_from(end + 1);
        let dotted_date =
            frac_end + 1 < b.len() && b[frac_end] == b'.' && b[frac_end + 1].is_ascii_digit();
        if !dotted_date {
            let mut scale = 0.1;
            for &d in &b[end + 1..frac_end] {
                value += f64::from(d - b'0') * scale;
                scale /= 10.0;
            }
            end = frac_end;
            formatted = true;
        }
    }
    (end, value, int_digits.min(255) as u8, formatted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let t = tokenize(text);
        (0..t.toks.len()).map(|i| t.key(i).to_string()).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            keys("Grow my newsletter to 5,000 subscribers."),
            [
                "grow",
                "my",
                "newsletter",
                "to",
                "5,000",
                "subscribers",
                "."
            ]
        );
        assert_eq!(keys("H2'27"), ["h", "2", "'", "27"]);
        assert_eq!(keys("Q3 2027"), ["q", "3", "2027"]);
        assert_eq!(keys("30.06.2027"), ["30", ".", "06", ".", "2027"]);
        assert_eq!(keys("I’d like 1.5x"), ["i'd", "like", "1.5", "x"]);
        assert_eq!(keys("six–nine"), ["six", "-", "nine"]);
    }

    #[test]
    fn number_values_and_spans() {
        let t = tokenize("$10,000 in 2027, 1.5 and 12,34");
        assert_eq!(t.toks[1].value, 10000.0);
        assert_eq!(
            &t.text[t.toks[1].start as usize..t.toks[1].end as usize],
            "10,000"
        );
        assert_eq!(t.toks[3].value, 2027.0);
        assert_eq!(t.toks[5].value, 1.5);
        // "12,34" is not a thousands group.
        assert_eq!(t.toks[7].value, 12.0);
        let t = tokenize("costs 5,000");
        assert_eq!(t.toks[1].value, 5000.0);
    }

    #[test]
    fn joined_and_case() {
        let t = tokenize("an 8-week CCNA course");
        assert!(t.toks[2].joined && t.toks[3].joined && !t.toks[4].joined);
        assert_eq!(t.toks[4].case, Case::Upper);
        assert_eq!(t.toks[0].case, Case::Lower);
    }

    #[test]
    fn packed_keys_equal_exactly_when_the_strings_do() {
        let words = [
            "",
            "\0",
            "a",
            "ab",
            "ba",
            "the",
            "then",
            "12345678",
            "123456789",
            "approximately",
            "abcdefghijklmno",
            "i'd",
            "é",
        ];
        for a in words {
            assert!(!Key::new(a).is_long(), "{a}");
            for b in words {
                assert_eq!(Key::new(a) == Key::new(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(
            Key::new("ab"),
            Key {
                lo: 0x6261,
                hi: 2 << 56
            }
        );
        // Past 15 bytes only the marker: such keys equal no short word.
        let long = Key::new("abcdefghijklmnop");
        assert!(long.is_long());
        assert!(words.iter().all(|w| Key::new(w) != long));
        // The tokenizer packs what `key` returns.
        let t = tokenize("Try to pass the CCNA, ideally by Q3 — internationalisation");
        for (i, tok) in t.toks.iter().enumerate() {
            assert_eq!(tok.packed, Key::new(t.key(i)), "{}", t.key(i));
        }
    }

    #[test]
    fn key_sets_find_every_member_and_nothing_else() {
        let set = kws![
            "to", "from", "with", "for", "at", "in", "on", "by", "of", "about"
        ];
        for w in [
            "to", "from", "with", "for", "at", "in", "on", "by", "of", "about",
        ] {
            assert!(Key::new(w).is_in(set), "{w}");
        }
        for w in ["", "t", "tot", "into", "About", "abouts", "the"] {
            assert!(!Key::new(w).is_in(set), "{w}");
        }
    }

    #[test]
    fn combining_marks_stay_in_words() {
        let t = tokenize("cafe\u{301} x");
        assert_eq!(t.toks.len(), 2);
        assert_eq!(t.toks[0].end as usize, "cafe\u{301}".len());
    }
}
