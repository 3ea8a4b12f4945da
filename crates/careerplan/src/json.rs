//! Reading JSON text into a [`serde_json::Value`]: the one parser behind
//! every document that goes through a generic value on its way into the
//! model (plans in older versions, and all plans in the WebAssembly build;
//! profiles, people, role catalogs and résumés everywhere).
//!
//! Two things set it apart from `serde_json::from_str::<Value>`:
//! - **A repeated key is an error**, as it is when text is parsed straight
//!   into a model type (`duplicate field`). A plain `Value` keeps the last
//!   copy and silently drops the others, which would lose data.
//! - **Every error has a JSON path**: a syntax error names the value the
//!   parser was in (`goals[0].metric.target` for a `NaN` there), a repeated
//!   key names its object.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::Error;

/// Parse JSON text into a value; `root` prefixes the paths of errors (an
/// argument name such as `people[3]`, or `""` for a document).
///
/// ```
/// use careerplan::json::parse_value;
/// let value = parse_value(r#"{"a": [1, {"b": true}]}"#, "")?;
/// assert_eq!(value["a"][1]["b"], true);
///
/// let err = parse_value(r#"{"goals": [{"id": "g", "id": "h"}]}"#, "").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid-value", "goals[0]"));
/// assert_eq!(err.to_string(), "goals[0]: duplicate field `id`");
///
/// let err = parse_value("{\"a\": {\"b\": NaN}}", "doc").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid-json", "doc.a.b"));
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidJson`] for malformed text (with line, column and the path
/// of the value being read), [`Error::InvalidValue`] for a key that appears
/// twice in one object.
pub fn parse_value(text: &str, root: &str) -> Result<Value, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = serde_path_to_error::deserialize::<_, Strict>(&mut de);
    match parsed {
        Ok(Strict(value)) => match de.end() {
            Ok(()) => Ok(value),
            Err(e) => Err(Error::from_json(root.to_string(), &e)),
        },
        Err(e) => {
            // A key not read yet shows as `?`: the path ends at its object.
            let path = crate::error::join_path(root, e.path());
            let path = path.trim_end_matches('?').trim_end_matches('.');
            Err(Error::from_json(path.to_string(), e.inner()))
        }
    }
}

/// A JSON value read by [`StrictVisitor`].
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Strict, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

/// serde_json's own `Value` visitor, except that a repeated key fails.
struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity, so this is always a number.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if map.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            let Strict(value) = access.next_value()?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 3.5, 1e300, 18446744073709551615, "x\u00e9", null, true, {}],
            "b": {"c": []}, "z": 0, "m": -0.0}"#;
        let strict = parse_value(text, "").unwrap();
        let plain: Value = serde_json::from_str(text).unwrap();
        assert_eq!(strict, plain);
        // Key order is kept (preserve_order), as serde_json keeps it.
        let keys: Vec<_> = strict.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["a", "b", "z", "m"]);
    }

    #[test]
    fn repeated_keys_fail_at_their_object() {
        let err = parse_value(r#"{"a": 1, "a": 2}"#, "").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-value", ""));
        let err = parse_value(r#"{"x": [{"k": 1}, {"k": 1, "k": 1}]}"#, "people[2]").unwrap_err();
        assert_eq!(err.path(), "people[2].x[1]");
        // The same key in different objects is fine.
        assert!(parse_value(r#"[{"k": 1}, {"k": 2}]"#, "").is_ok());
    }

    #[test]
    fn syntax_errors_have_a_position_and_a_path() {
        let err = parse_value("{\"a\": [1, 2,]}", "").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-json", "a"));
        let err = parse_value("{\"a\": 1} x", "").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-json", ""));
        assert!(err.to_string().contains("trailing characters"), "{err}");
        let err = parse_value("", "doc").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-json", "doc"));
    }
}
