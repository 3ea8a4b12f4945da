//! Numbers as the user wrote them: a whole number read into an `f64` field is
//! written back as `3`, not `3.0`, so a round trip does not rewrite documents.

use serde::Serializer;

/// Largest magnitude at which every integer is exactly representable in f64.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// Serialize an `f64`, as an integer when it is a whole number.
pub fn whole<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() <= EXACT {
        // Exact: |v| <= 2^53 and whole, so the cast neither truncates nor rounds.
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// Serialize an `Option<f64>` like [`whole`].
pub fn whole_opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => whole(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct T(#[serde(serialize_with = "super::whole")] f64);

    #[test]
    fn whole_numbers_stay_whole() {
        assert_eq!(serde_json::to_string(&T(3.0)).unwrap(), "3");
        assert_eq!(serde_json::to_string(&T(-2.0)).unwrap(), "-2");
        assert_eq!(serde_json::to_string(&T(2.5)).unwrap(), "2.5");
        assert_eq!(serde_json::to_string(&T(1e300)).unwrap(), "1e+300");
    }
}
