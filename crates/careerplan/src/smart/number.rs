//! Numbers written with digits or words.
//!
//! Grammar (over tokens, case-insensitive):
//!
//! ```text
//! number   := digits [suffix] [scale] [half] | words [half]
//! digits   := 5 | 5,000 | 1.5            suffix := k (after digits, no space)
//! scale    := hundred | thousand | million | billion | dozen
//! words    := [a|an] word ( [-|and] word )*     ("twenty-five", "a hundred and twenty")
//! half     := and a half | and one half        ("two and a half" = 2.5)
//! ordinal  := 1st | 2nd | 15th | first | twenty-first
//! ```
//!
//! "a couple of" is 2. The number words themselves live in
//! `data/smart/numbers.txt`.

use super::lexicon::{Lexicon, NumKind};
use super::token::{Tokens, kw, kws};

/// A number found at some token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    pub value: f64,
    /// Token after the number.
    pub end: usize,
    /// Written with words rather than digits.
    pub words: bool,
}

// Inlined: called for nearly every token, and at opt-level "z" a call.
#[inline(always)]
fn word_number(t: &Tokens<'_>, lex: &Lexicon, i: usize) -> Option<(f64, NumKind)> {
    if i < t.len() && t.is_word(i) {
        lex.info(t.wid(i)).number
    } else {
        None
    }
}

/// "and a half" / "and one half" at `i`: the end of the phrase.
fn and_a_half(t: &Tokens<'_>, i: usize) -> Option<usize> {
    (t.is(i, kw!("and")) && t.is_any(i + 1, kws!["a", "one"]) && t.is(i + 2, kw!("half")))
        .then_some(i + 3)
}

/// The number that starts at token `i`, if any.
pub(crate) fn number_at(t: &Tokens<'_>, lex: &Lexicon, i: usize) -> Option<Num> {
    if i >= t.len() {
        return None;
    }
    if t.is_num(i) {
        let mut value = t.toks[i].value;
        let mut end = i + 1;
        if t.is(end, kw!("k")) && t.joined(end) {
            value *= 1000.0;
            end += 1;
        } else if t.is_any(end, kws!["m", "mm", "mn"])
            && t.joined(end)
            && currency_before(t, lex, i)
        {
            value *= 1e6;
            end += 1;
        } else if t.is_any(end, kws!["b", "bn"]) && t.joined(end) && currency_before(t, lex, i) {
            value *= 1e9;
            end += 1;
        }
        if let Some((scale, NumKind::Multiplier)) = word_number(t, lex, end)
            && !t.is(end, kw!("k"))
        {
            value *= scale;
            end += 1;
        }
        if let Some(e) = and_a_half(t, end) {
            value += 0.5;
            end = e;
        }
        return Some(Num {
            value,
            end,
            words: false,
        });
    }
    #[derive(PartialEq)]
    enum Last {
        Nothing,
        Unit,
        Tens,
        Hundred,
        Big,
    }
    let mut j = i;
    let mut total = 0f64;
    let mut current = 0f64;
    let mut last = Last::Nothing;
    // A group ("two hundred and five") takes one "hundred"/"dozen", and each
    // "thousand"/"million"/"billion" must be smaller than the one before, as
    // in "two million three thousand". Without these rules "one hundred one
    // hundred ..." would read as one endless number, and scanning it from
    // every token would take quadratic time; with them a number spans a
    // bounded number of tokens.
    let mut group_has_hundred = false;
    let mut last_big = f64::INFINITY;
    // "a hundred", "a dozen", "a couple of".
    if t.is_any(i, kws!["a", "an"]) {
        match word_number(t, lex, i + 1) {
            Some((_, NumKind::Multiplier)) if !t.is(i + 1, kw!("k")) => j = i + 1,
            Some((v, NumKind::Cardinal)) if t.is(i + 1, kw!("couple")) => {
                let end = if t.is(i + 2, kw!("of")) { i + 3 } else { i + 2 };
                return Some(Num {
                    value: v,
                    end,
                    words: true,
                });
            }
            _ => return None,
        }
    }
    while j < t.len() {
        match word_number(t, lex, j) {
            Some((v, NumKind::Cardinal)) => {
                let fits = match last {
                    Last::Nothing | Last::Hundred | Last::Big => true,
                    Last::Tens => v < 10.0,
                    Last::Unit => false,
                };
                if !fits {
                    break;
                }
                current += v;
                if t.is(j, kw!("couple")) {
                    j += if t.is(j + 1, kw!("of")) { 2 } else { 1 };
                    last = Last::Unit;
                    break;
                }
                last = if v >= 20.0 && v % 10.0 == 0.0 {
                    Last::Tens
                } else {
                    Last::Unit
                };
            }
            Some((v, NumKind::Multiplier)) if !t.is(j, kw!("k")) => {
                if matches!(last, Last::Big | Last::Hundred) && v < 1000.0 {
                    break;
                }
                if v >= 1000.0 {
                    if v >= last_big {
                        break;
                    }
                    total += current.max(1.0) * v;
                    current = 0.0;
                    last = Last::Big;
                    last_big = v;
                    group_has_hundred = false;
                } else {
                    if group_has_hundred {
                        break;
                    }
                    current = current.max(1.0) * v;
                    last = Last::Hundred;
                    group_has_hundred = true;
                }
            }
            _ => break,
        }
        j += 1;
        // "twenty-five", "a hundred and twenty"
        let next_cardinal = |k: usize| {
            matches!(word_number(t, lex, k), Some((_, NumKind::Cardinal)))
                && !t.is(k, kw!("couple"))
        };
        let hyphen = t.is(j, kw!("-")) && t.joined(j) && t.joined(j + 1) && last == Last::Tens;
        let and = t.is(j, kw!("and")) && matches!(last, Last::Hundred | Last::Big);
        if (hyphen || and) && next_cardinal(j + 1) {
            j += 1;
        }
    }
    let any = last != Last::Nothing;
    if !any {
        return None;
    }
    let mut value = total + current;
    if let Some(e) = and_a_half(t, j) {
        value += 0.5;
        j = e;
    }
    Some(Num {
        value,
        end: j,
        words: true,
    })
}

/// Whether a currency symbol or word sits right before token `i`.
fn currency_before(t: &Tokens<'_>, _lex: &Lexicon, i: usize) -> bool {
    i > 0 && t.is_any(i - 1, kws!["$", "€", "£", "¥", "₹"])
}

/// An ordinal at token `i` ("15th", "first", "twenty-first"): its value and end.
pub(crate) fn ordinal_at(t: &Tokens<'_>, lex: &Lexicon, i: usize) -> Option<(u32, usize)> {
    if i >= t.len() {
        return None;
    }
    if t.is_num(i)
        && !t.toks[i].formatted
        && t.is_any(i + 1, kws!["st", "nd", "rd", "th"])
        && t.joined(i + 1)
    {
        let v = t.toks[i].value;
        return (1.0..=1e6).contains(&v).then_some((v as u32, i + 2));
    }
    match word_number(t, lex, i) {
        Some((v, NumKind::Ordinal)) => Some((v as u32, i + 1)),
        Some((tens, NumKind::Cardinal)) if (20.0..100.0).contains(&tens) => {
            let k = if t.is(i + 1, kw!("-")) { i + 2 } else { i + 1 };
            match word_number(t, lex, k) {
                Some((u, NumKind::Ordinal)) if u < 10.0 => Some(((tens + u) as u32, k + 1)),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smart::lexicon::lexicon;

    fn num(text: &str) -> Option<(f64, String)> {
        let lex = lexicon();
        let t = Tokens::new(text, lex);
        number_at(&t, lex, 0).map(|n| (n.value, t.slice(0, n.end).to_string()))
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(num("5,000 subscribers"), Some((5000.0, "5,000".into())));
        assert_eq!(num("1.5 years"), Some((1.5, "1.5".into())));
        assert_eq!(num("10k users"), Some((10000.0, "10k".into())));
        assert_eq!(num("twenty-five posts"), Some((25.0, "twenty-five".into())));
        assert_eq!(num("twenty five posts"), Some((25.0, "twenty five".into())));
        assert_eq!(
            num("two and a half years"),
            Some((2.5, "two and a half".into()))
        );
        assert_eq!(
            num("a hundred and twenty days"),
            Some((120.0, "a hundred and twenty".into()))
        );
        assert_eq!(
            num("three thousand hours"),
            Some((3000.0, "three thousand".into()))
        );
        assert_eq!(num("a couple of months"), Some((2.0, "a couple of".into())));
        assert_eq!(num("2 dozen"), Some((24.0, "2 dozen".into())));
        assert_eq!(num("one two"), Some((1.0, "one".into())));
        assert_eq!(
            num("two million three thousand four hundred and five"),
            Some((
                2_003_405.0,
                "two million three thousand four hundred and five".into()
            ))
        );
        // Repeated scales end the number instead of extending it forever.
        assert_eq!(
            num("one hundred one hundred"),
            Some((101.0, "one hundred one".into()))
        );
        assert_eq!(
            num("one thousand one thousand"),
            Some((1001.0, "one thousand one".into()))
        );
        assert_eq!(num("a book"), None);
        assert_eq!(num("manager"), None);
    }

    #[test]
    fn ordinals() {
        let lex = lexicon();
        for (text, v) in [
            ("15th", 15),
            ("first", 1),
            ("twenty-first", 21),
            ("31st", 31),
        ] {
            let t = Tokens::new(text, lex);
            assert_eq!(ordinal_at(&t, lex, 0).map(|o| o.0), Some(v), "{text}");
        }
    }
}
