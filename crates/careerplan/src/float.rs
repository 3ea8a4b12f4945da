//! `f64` helpers used instead of the standard library's where its version
//! links code the WebAssembly build should not carry.

/// `value` limited to `low..=high`, as `f64::clamp` and `f32::clamp` (NaN
/// stays NaN). Their `clamp` asserts `low <= high` with a message that formats both
/// bounds with `{:?}`, which links core's float printer; the crate's bounds
/// are constants or a validated scale's `min < max`.
///
/// ```ignore
/// assert_eq!(clamp(1.5, 0.0, 1.0), 1.0);
/// assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
/// ```
pub(crate) fn clamp<T: PartialOrd + Copy>(value: T, low: T, high: T) -> T {
    debug_assert!(low <= high);
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn clamps_as_the_standard_library_does(bits in any::<u64>(), a in -10.0f64..10.0, b in -10.0f64..10.0) {
            let value = f64::from_bits(bits);
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            prop_assert_eq!(clamp(value, low, high).to_bits(), value.clamp(low, high).to_bits());
            let (value, low, high) = (value as f32, low as f32, high as f32);
            prop_assert_eq!(clamp(value, low, high).to_bits(), value.clamp(low, high).to_bits());
        }
    }
}
