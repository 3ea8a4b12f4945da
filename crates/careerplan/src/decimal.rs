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
//! Writing: [`Decimal`] wraps an `f64` so that `{:.1}` and `{}` write it as
//! they would the bare `f64`, without core's float printer (see its docs).

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

/// An `f64` that formats as the bare `f64` would, without `core::fmt`'s
/// float printer (Grisu and Dragon4 for the shortest and the fixed forms,
/// and their tables, 7 KB of the gzipped WebAssembly module):
/// `format!("{:.1}", Decimal(x))` writes what `format!("{x:.1}")` writes,
/// the same rounding (half to even on the exact binary value), `-0.0`,
/// `NaN` and `inf` alike, and the `+` flag; `{}` writes the fewest digits
/// that read back as `x`, never in exponent form, as `{x}` does. The one
/// difference: when `x` lies exactly halfway between two shortest
/// candidates (779936859664567.25, between ...567.2 and ...567.3), `{}`
/// takes the even one, as serde_json writes the number in JSON, where
/// `{x}` takes the other. Width and alignment (`{:>6}`) are not supported.
/// The unit tests hold both forms to the standard library over arbitrary
/// `f64`s.
///
/// The fixed form is exact integer arithmetic: `x` is `m × 2^e` exactly, so
/// `x × 10^d` is the integer `m × 10^d` shifted by `e` bits, held in
/// base-10^9 limbs on the stack, rounded by the bits the shift drops. The
/// shortest form takes its digits from zmij, the printer serde_json uses.
///
/// ```ignore
/// assert_eq!(format!("{:.1}", Decimal(2.25)), "2.2");
/// assert_eq!(format!("{}", Decimal(1e-7)), "0.0000001");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Decimal(pub(crate) f64);

const MAX_DECIMALS: usize = 17;

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        debug_assert!(f.width().is_none(), "Decimal has no width");
        let value = self.0;
        if value.is_nan() {
            return f.write_str("NaN");
        }
        if value.is_sign_negative() {
            f.write_str("-")?;
        } else if f.sign_plus() {
            f.write_str("+")?;
        }
        if value.is_infinite() {
            return f.write_str("inf");
        }
        match f.precision() {
            Some(decimals) => {
                debug_assert!(decimals <= MAX_DECIMALS);
                write_fixed(f, value.abs(), decimals.min(MAX_DECIMALS))
            }
            None => write_shortest(f, value.abs()),
        }
    }
}

const LIMB: u64 = 1_000_000_000;
// 2^1024 × 10^17 < 10^326: 37 limbs of nine digits.
const LIMBS: usize = 37;

/// A non-negative integer in base-10^9 limbs, least significant first.
struct Limbs {
    limbs: [u32; LIMBS],
    len: usize,
}

impl Limbs {
    fn new(value: u64) -> Self {
        let mut out = Limbs {
            limbs: [0; LIMBS],
            len: 0,
        };
        let mut rest = value;
        while rest > 0 {
            out.limbs[out.len] = (rest % LIMB) as u32;
            out.len += 1;
            rest /= LIMB;
        }
        out
    }

    /// `self × factor`, `factor` below 2^30.
    fn multiply(&mut self, factor: u64) {
        let mut carry = 0u64;
        for limb in &mut self.limbs[..self.len] {
            let product = u64::from(*limb) * factor + carry;
            *limb = (product % LIMB) as u32;
            carry = product / LIMB;
        }
        while carry > 0 {
            self.limbs[self.len] = (carry % LIMB) as u32;
            self.len += 1;
            carry /= LIMB;
        }
    }

    /// `self ÷ 2^bits`, `bits` from 1 to 29; whether the remainder was not 0.
    fn shift_right(&mut self, bits: u32) -> bool {
        let mut remainder = 0u64;
        for limb in self.limbs[..self.len].iter_mut().rev() {
            let current = remainder * LIMB + u64::from(*limb);
            *limb = (current >> bits) as u32;
            remainder = current & ((1 << bits) - 1);
        }
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
        remainder != 0
    }

    fn is_odd(&self) -> bool {
        self.len > 0 && self.limbs[0] % 2 == 1
    }

    fn add_one(&mut self) {
        for limb in &mut self.limbs[..self.len] {
            if u64::from(*limb) + 1 < LIMB {
                *limb += 1;
                return;
            }
            *limb = 0;
        }
        self.limbs[self.len] = 1;
        self.len += 1;
    }

    /// The decimal digits into `out`, most significant first ("0" for
    /// zero); how many.
    fn digits(&self, out: &mut [u8; LIMBS * 9]) -> usize {
        if self.len == 0 {
            out[0] = b'0';
            return 1;
        }
        let mut written = 0;
        for index in (0..self.len).rev() {
            let mut nine = [0u8; 9];
            let mut rest = self.limbs[index];
            for digit in nine.iter_mut().rev() {
                *digit = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            // The leading limb without its leading zeros.
            let skip = if index + 1 == self.len {
                nine.iter().take_while(|&&d| d == b'0').count().min(8)
            } else {
                0
            };
            for &digit in &nine[skip..] {
                out[written] = digit;
                written += 1;
            }
        }
        written
    }
}

/// `value` (finite, not negative) with `decimals` digits after the point.
fn write_fixed(f: &mut std::fmt::Formatter<'_>, value: f64, decimals: usize) -> std::fmt::Result {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // value × 10^decimals, rounded half to even.
    let mut scaled = Limbs::new(mantissa);
    for _ in 0..decimals {
        scaled.multiply(10);
    }
    if exponent >= 0 {
        let mut left = exponent.unsigned_abs();
        while left > 0 {
            let step = left.min(29);
            scaled.multiply(1 << step);
            left -= step;
        }
    } else {
        // Divide by 2^(shift - 1), keeping whether anything non-zero was
        // dropped; the last bit is then the half.
        let mut left = exponent.unsigned_abs() - 1;
        let mut dropped = false;
        while left > 0 {
            let step = left.min(29);
            dropped |= scaled.shift_right(step);
            left -= step;
        }
        let half = scaled.is_odd();
        scaled.shift_right(1);
        if half && (dropped || scaled.is_odd()) {
            scaled.add_one();
        }
    }
    let mut text = [0u8; LIMBS * 9];
    let len = scaled.digits(&mut text);
    // At least one digit before the point: "0.05", not ".05".
    if len <= decimals {
        f.write_str("0")?;
        if decimals > 0 {
            f.write_str(".")?;
        }
        write_zeros(f, decimals - len)?;
        return write_ascii(f, &text, 0, len);
    }
    write_ascii(f, &text, 0, len - decimals)?;
    if decimals > 0 {
        f.write_str(".")?;
        write_ascii(f, &text, len - decimals, len)?;
    }
    Ok(())
}

/// `value` (finite, not negative) in the fewest digits that read back as
/// it (ties to even, see [`Decimal`]), laid out as `{}` lays out an `f64`.
fn write_shortest(f: &mut std::fmt::Formatter<'_>, value: f64) -> std::fmt::Result {
    if value == 0.0 {
        return f.write_str("0");
    }
    let mut buffer = zmij::Buffer::new();
    let printed = buffer.format_finite(value).as_bytes();
    // "d.ddd" or "ddd", then perhaps "e+N" / "e-N".
    let mut digits = [0u8; 32];
    let mut len = 0;
    let mut whole_len = 0i32;
    let mut seen_point = false;
    let mut at = 0;
    while let Some(&b) = printed.get(at) {
        match b {
            b'0'..=b'9' => {
                whole_len += i32::from(!seen_point);
                if len < digits.len() {
                    digits[len] = b;
                    len += 1;
                }
            }
            b'.' => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    let mut exponent = 0i32;
    let mut negative = false;
    for &b in printed.iter().skip(at + 1) {
        match b {
            b'-' => negative = true,
            b'0'..=b'9' => exponent = exponent * 10 + i32::from(b - b'0'),
            _ => {}
        }
    }
    // The point sits after `point` digits of `digits`.
    let mut point = whole_len + if negative { -exponent } else { exponent };
    let mut first = 0;
    while first + 1 < len && digits[first] == b'0' {
        first += 1;
        point -= 1;
    }
    while len > first + 1 && digits[len - 1] == b'0' {
        len -= 1;
    }
    let count = (len - first) as i32;
    if point <= 0 {
        f.write_str("0.")?;
        write_zeros(f, point.unsigned_abs() as usize)?;
        write_ascii(f, &digits, first, len)
    } else if point >= count {
        write_ascii(f, &digits, first, len)?;
        write_zeros(f, (point - count) as usize)
    } else {
        let split = first + point as usize;
        write_ascii(f, &digits, first, split)?;
        f.write_str(".")?;
        write_ascii(f, &digits, split, len)
    }
}

/// `bytes[from..to]`, ASCII digits, as text.
fn write_ascii(
    f: &mut std::fmt::Formatter<'_>,
    bytes: &[u8],
    from: usize,
    to: usize,
) -> std::fmt::Result {
    use std::fmt::Write as _;
    (from..to).try_for_each(|k| f.write_char(char::from(bytes[k])))
}

fn write_zeros(f: &mut std::fmt::Formatter<'_>, count: usize) -> std::fmt::Result {
    use std::fmt::Write as _;
    (0..count).try_for_each(|_| f.write_char('0'))
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

    fn fixed(value: f64, decimals: usize) -> String {
        format!("{:.*}", decimals, Decimal(value))
    }

    #[test]
    fn writes_fixed_decimals_as_the_standard_library_does() {
        for value in [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            0.375,
            0.05,
            0.15,
            0.25,
            0.35,
            99.95,
            99.5,
            100.0,
            123.456,
            1e-7,
            4.9e-324,
            2.2250738585072014e-308,
            f64::MAX,
            -f64::MAX,
            f64::MIN_POSITIVE,
            9007199254740993.0,
            1e22,
            1e23,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.4,
            0.999_999_999,
            999_999_999.5,
            1_000_000_000.0,
        ] {
            for decimals in 0..=MAX_DECIMALS {
                assert_eq!(
                    fixed(value, decimals),
                    format!("{value:.*}", decimals),
                    "{value:e}, {decimals}"
                );
            }
            assert_eq!(format!("{:+.1}", Decimal(value)), format!("{value:+.1}"));
        }
    }

    #[test]
    fn writes_shortest_as_the_standard_library_does() {
        for value in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            1.5,
            0.1,
            0.3,
            1e-7,
            1.5e-7,
            1e20,
            1e21,
            1e22,
            123.456,
            100.0,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            40.0,
            12.5,
            0.001,
            9007199254740993.0,
        ] {
            assert_eq!(Decimal(value).to_string(), format!("{value}"), "{value:e}");
        }
        // The tie of the docs: `{}` of the bare f64 writes ...567.3.
        assert_eq!(
            // -779936859664567.25 exactly (a literal would be rounded by
            // clippy's reading to its shortest form).
            Decimal(f64::from_bits(14_052_966_732_645_893_562)).to_string(),
            "-779936859664567.2"
        );
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
        fn writes_any_f64_fixed_as_the_standard_library_does(bits in any::<u64>(), decimals in 0..=MAX_DECIMALS) {
            let value = f64::from_bits(bits);
            prop_assert_eq!(fixed(value, decimals), format!("{value:.*}", decimals));
        }

        #[test]
        fn writes_everyday_numbers_as_the_standard_library_does(
            whole in 0u64..100_000,
            hundredths in 0u64..100,
            nudge in -1.0e-9f64..1.0e-9,
            decimals in 0usize..=3,
        ) {
            // Near the ties a percentage or an SVG coordinate meets.
            let value = whole as f64 + hundredths as f64 / 100.0 + nudge;
            for v in [value, -value] {
                prop_assert_eq!(fixed(v, decimals), format!("{v:.*}", decimals));
                prop_assert_eq!(format!("{:+.*}", decimals, Decimal(v)), format!("{v:+.*}", decimals));
            }
        }

        #[test]
        fn writes_any_f64_shortest_as_the_standard_library_does(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            let ours = Decimal(value).to_string();
            let theirs = format!("{value}");
            if ours != theirs {
                // Only a tie may differ: as short, reading back, the even one.
                prop_assert_eq!(ours.len(), theirs.len(), "{} vs {}", ours, theirs);
                prop_assert_eq!(ours.parse::<f64>().ok(), Some(value), "{} vs {}", ours, theirs);
                let last = ours.trim_end_matches('0').bytes().last();
                prop_assert!(last.is_some_and(|d| d % 2 == 0), "{} vs {}", ours, theirs);
            }
        }
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
