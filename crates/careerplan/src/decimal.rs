//! The crate's one way to read decimal text as an `f64`: [`parse_f64`]
//! accepts what `str::parse::<f64>` accepts and returns the same value
//! (correctly rounded; `inf`, `NaN`, signs, `.5`, `5.`, exponents alike),
//! which the unit tests check against the standard library.
//!
//! Why not `str::parse`: it links core's float parser, whose table of
//! 128-bit powers of five alone is 10 KB that gzip cannot shrink, and the
//! WebAssembly module already carries serde_json's correctly rounded parser
//! for JSON numbers. So: the text is checked against Rust's float grammar
//! here; a number of at most 15 significant digits with a decimal exponent
//! within ±22 is exact as `digits × 10^e` or `digits ÷ 10^-e` in `f64`
//! (both operands are exact, so the one rounding is the correct one: the
//! classic fast path, which covers the percentages and levels people write);
//! anything longer goes to serde_json as the JSON number `digits e exponent`.
//!
//! It stays because it earns its keep (ARCHITECTURE.md, "What the
//! WebAssembly build leaves out": 12 KB of the brotli-compressed module);
//! `bindings/wasm/build.sh` fails when core's parser (`core::num::dec2flt`)
//! is linked again. Floats are written with the standard library's `{}` and
//! `{:.N}`: a printer of our own saved only 6 KB.

/// `text` as `str::parse::<f64>` reads it, or `None` where that fails.
///
/// ```ignore
/// assert_eq!(parse_f64("2.5"), Some(2.5));
/// assert_eq!(parse_f64(".5e1"), Some(5.0));
/// assert_eq!(parse_f64("1,5"), None);
/// ```
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    // One pass by index, without slicing helpers: at opt-level "z" a new
    // caller of a shared slice function can tip the inliner, and serde_json's
    // string escaping (hot when reports become JSON) once lost an inlined
    // `split_at` that way, 10% of `toArray`.
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut at = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    let signed = |value: f64| if negative { -value } else { value };
    if is_word(bytes, at, b"inf") || is_word(bytes, at, b"infinity") {
        return Some(signed(f64::INFINITY));
    }
    if is_word(bytes, at, b"nan") {
        return Some(signed(f64::NAN));
    }
    // The significant digits (no leading zeros), how many digits followed
    // the point, and whether there was any digit at all.
    let mut digits: Vec<u8> = Vec::new();
    let mut fraction_len = 0i64;
    let mut any_digit = false;
    let mut in_fraction = false;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_digit() {
            any_digit = true;
            fraction_len += i64::from(in_fraction);
            if !(digits.is_empty() && b == b'0') {
                digits.push(b);
            }
        } else if b == b'.' && !in_fraction {
            in_fraction = true;
        } else {
            break;
        }
        at += 1;
    }
    if !any_digit {
        return None;
    }
    let exponent = match bytes.get(at) {
        None => 0,
        Some(b'e' | b'E') => exponent(bytes, at + 1)?,
        Some(_) => return None,
    };
    // digits × 10^power, without trailing zeros.
    let mut power = exponent.saturating_sub(fraction_len);
    while digits.last() == Some(&b'0') {
        digits.pop();
        power = power.saturating_add(1);
    }
    if digits.is_empty() {
        return Some(signed(0.0));
    }
    if digits.len() <= 15 && (-22..=22).contains(&power) {
        let mantissa = digits
            .iter()
            .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0')) as f64;
        let scale = POWERS_OF_TEN[power.unsigned_abs() as usize];
        return Some(signed(if power < 0 {
            mantissa / scale
        } else {
            mantissa * scale
        }));
    }
    // Beyond any f64 either way: core's parser gives infinity or zero.
    let magnitude = power.saturating_add(digits.len() as i64);
    if magnitude > 400 {
        return Some(signed(f64::INFINITY));
    }
    if magnitude < -400 {
        return Some(signed(0.0));
    }
    let mut json = String::with_capacity(digits.len() + 24);
    digits.iter().for_each(|&d| json.push(char::from(d)));
    json.push('e');
    if power < 0 {
        json.push('-');
    }
    let size = power.unsigned_abs();
    let mut place = 1;
    while place <= size / 10 {
        place *= 10;
    }
    while place > 0 {
        json.push(char::from(b'0' + (size / place % 10) as u8));
        place /= 10;
    }
    // Through the crate's one JSON reader (`serde_json::from_str::<f64>`
    // would link a second, typed one).
    match crate::json::parse_value(&json, "").map(|value| value.as_f64()) {
        Ok(Some(value)) => Some(signed(value)),
        Ok(None) => None,
        // serde_json refuses a number that rounds to infinity.
        Err(_) if magnitude > 0 => Some(signed(f64::INFINITY)),
        Err(_) => None,
    }
}

/// Whether `bytes` from `at` on is `word` (lower case), in any case.
fn is_word(bytes: &[u8], at: usize, word: &[u8]) -> bool {
    bytes.len().checked_sub(at) == Some(word.len())
        && (0..word.len()).all(|k| bytes[at + k].to_ascii_lowercase() == word[k])
}

const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The exponent from `at` to the end: an optional sign and at least one
/// digit. Saturates far beyond any `f64`.
fn exponent(bytes: &[u8], mut at: usize) -> Option<i64> {
    let negative = bytes.get(at) == Some(&b'-');
    at += usize::from(matches!(bytes.get(at), Some(b'-' | b'+')));
    if at == bytes.len() {
        return None;
    }
    let mut value = 0i64;
    while let Some(&b) = bytes.get(at) {
        if !b.is_ascii_digit() {
            return None;
        }
        value = (value * 10 + i64::from(b - b'0')).min(1 << 40);
        at += 1;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(text: &str) {
        let ours = parse_f64(text);
        let theirs = text.parse::<f64>().ok();
        match (ours, theirs) {
            (Some(a), Some(b)) if a.is_nan() && b.is_nan() => {
                assert_eq!(a.is_sign_negative(), b.is_sign_negative(), "{text:?}");
            }
            (a, b) => assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{text:?}"),
        }
    }

    #[test]
    fn reads_what_the_standard_library_reads() {
        for text in [
            "0",
            "-0",
            "+0",
            "2.5",
            "80",
            "4",
            "0.8",
            ".5",
            "5.",
            "-.5e1",
            "1e5",
            "1E-5",
            "1e+5",
            "007",
            "0.000",
            "1e400",
            "-1e400",
            "1e-400",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "123456789012345678901234567890",
            "0.1000000000000000055511151231257827",
            "inf",
            "-Infinity",
            "NaN",
            "-nan",
            "infin",
            "",
            "-",
            "+",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1,5",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "１",
            "1e99999999999999999999999",
            "1e-99999999999999999999999",
            "0e99999999999999999999",
            "10000000000000000000000e-22",
        ] {
            same(text);
        }
        // Long enough for serde_json's big-number path.
        let long = format!("0.{}{}e10", "0".repeat(300), "17".repeat(250));
        same(&long);
        same(&"9".repeat(400));
        same(&format!("{}e-700", "3".repeat(390)));
        // More digits than any exponent field has: the power has five.
        same(&format!("0.{}5", "0".repeat(20_000)));
        same(&format!("{}.5e-19990", "7".repeat(20_000)));
    }

    proptest! {
        #[test]
        fn reads_any_float_text_as_the_standard_library_does(
            text in r"[+-]?[0-9]{0,25}(\.[0-9]{0,25})?([eE][+-]?[0-9]{0,4})?"
        ) {
            let ours = parse_f64(&text);
            let theirs = text.parse::<f64>().ok();
            prop_assert_eq!(ours.map(f64::to_bits), theirs.map(f64::to_bits), "{:?}", text);
        }

        #[test]
        fn reads_long_numbers_as_the_standard_library_does(
            text in r"-?[0-9]{280,420}(\.[0-9]{0,40})?([eE][+-]?[0-9]{1,3})?"
        ) {
            // Near the overflow and underflow edges, where the digit count
            // and the exponent together decide.
            let ours = parse_f64(&text);
            let theirs = text.parse::<f64>().ok();
            prop_assert_eq!(ours.map(f64::to_bits), theirs.map(f64::to_bits), "{:?}", text);
        }

        #[test]
        fn reads_every_f64_back(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            for text in [format!("{value}"), format!("{value:e}"), format!("{value:.3e}")] {
                let ours = parse_f64(&text);
                let theirs = text.parse::<f64>().ok();
                prop_assert_eq!(
                    ours.map(|v| v.is_nan() || v.to_bits() == theirs.map_or(0, f64::to_bits)),
                    Some(true),
                    "{:?}", text
                );
            }
        }

        #[test]
        fn refuses_what_the_standard_library_refuses(text in r"\PC{0,12}") {
            prop_assert_eq!(parse_f64(&text).is_some(), text.parse::<f64>().is_ok(), "{:?}", text);
        }
    }
}
