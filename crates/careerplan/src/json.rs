//! Reading JSON into the model in two steps, each with JSON paths in its
//! errors: [`parse_value`] turns text into a [`serde_json::Value`], and
//! [`from_value`] turns a value into a model type. Every input that is not
//! parsed straight into a plan takes this road: plans in older versions (and
//! all plans in the WebAssembly build), profiles, people, role catalogs,
//! vocabularies, résumés, options, and the dicts and objects of the Python
//! and JavaScript bindings.
//!
//! Two things set [`parse_value`] apart from `serde_json::from_str::<Value>`:
//! - **A repeated key is an error**, as it is when text is parsed straight
//!   into a model type (`duplicate field`). A plain `Value` keeps the last
//!   copy and silently drops the others, which would lose data.
//! - **Every error has a JSON path**: a syntax error names the value the
//!   parser was in (`goals[0].metric.target` for a `NaN` there), a repeated
//!   key names its object.
//!
//! The path of a syntax error is kept by the reader itself, as
//! `serde_path_to_error` would keep it (a test holds [`parse_value`] to it
//! on broken text).
//!
//! [`from_value`] reads a type with its serde `Deserialize` impl (serde's
//! derive on the model types) over a deserializer of our own that keeps the
//! path of the value being read, as `serde_path_to_error` keeps it over
//! serde_json's `Value` (a test holds it to that, on mutated plans with one
//! fault and with several), with one deliberate difference: a struct is
//! read from an object only, never positionally from an array (a cadence
//! included). Why not `serde_path_to_error` over serde_json's `Value`
//! deserializer: that deserializer reads a struct positionally from an
//! array (`[12, 12, 60, 60, 120]`), which no document of ours means and the
//! schema does not allow. [`from_text`] is the two steps together; the
//! built-in data files are read with it too.
//!
//! [`to_pretty_text`] is the crate's one pretty writer: compact text,
//! indented, so each type's serialization is compiled once.

use std::cell::RefCell;

use serde::de::{
    self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess,
    IntoDeserializer, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};
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
    // A byte-order mark is no part of the document (`crate::text`).
    let text = crate::text::strip_bom(text);
    let path = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = StrictSeed {
        path: &path,
        step: None,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    parsed.map_err(|e| {
        // As before this reader kept its own path: serde_path_to_error's
        // path with a trailing `.` (an empty last key) taken off.
        let at = crate::error::join_path(root, &render(&path.borrow()));
        Error::from_json(at.trim_end_matches('.').to_string(), &e)
    })
}

/// A deserializer that reads a struct as a map: an array is an
/// `invalid type` error, as [`from_value`] makes it, on every road. For a
/// struct without an `extra` map (which serde already reads as a map) that
/// can appear in a plan:
///
/// ```ignore
/// impl<'de> Deserialize<'de> for Windows {
///     fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
///         WindowsFields::deserialize(crate::json::MapOnly(d)).map(Windows::from)
///     }
/// }
/// ```
pub(crate) struct MapOnly<D>(pub(crate) D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

/// Text read into `T` the way every input but a plan's direct parse is
/// read: [`parse_value`], then [`from_value`], so its errors carry the path
/// below `root`. The built-in data files take this road too, which keeps a
/// second set of text readers for their types out of the WebAssembly build.
///
/// ```
/// use careerplan::json::from_text;
/// let levels: Vec<u8> = from_text("[1, 2]", "levels")?;
/// assert_eq!(levels, [1, 2]);
/// let err = from_text::<Vec<u8>>("[1, 300]", "levels").unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid-value", "levels[1]"));
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// Those of [`parse_value`] and [`from_value`].
pub fn from_text<T: DeserializeOwned>(text: &str, root: &str) -> Result<T, Error> {
    from_value(parse_value(text, root)?, root)
}

/// The `extra` map of a model type (`#[serde(flatten, deserialize_with =
/// "crate::json::extra")]`): the fields it does not know, read as
/// [`parse_value`] reads them, so that a key given twice is an error when
/// text is parsed straight into the model too, not only on the way through
/// a value.
pub(crate) fn extra<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Map<String, Value>, D::Error> {
    // Text parsed straight into the model keeps no path: a document that
    // fails is read again through a value (`plan::load_plan`), which does.
    let path = RefCell::new(Vec::new());
    match deserializer.deserialize_map(StrictVisitor { path: &path })? {
        Value::Object(map) => Ok(map),
        // deserialize_map hands the visitor a map, and visit_map makes an object.
        _ => Ok(Map::new()),
    }
}

/// An optional free-form value of a model type (`PlanChange::from`/`to`),
/// read as [`parse_value`] reads values; see [`extra`].
pub(crate) fn optional_value<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Value>, D::Error> {
    Ok(Option::<Strict>::deserialize(deserializer)?.map(|Strict(value)| value))
}

/// A JSON value read by [`StrictVisitor`], the path kept by the caller.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Strict, D::Error> {
        let path = RefCell::new(Vec::new());
        deserializer
            .deserialize_any(StrictVisitor { path: &path })
            .map(Strict)
    }
}

/// A value read by [`StrictVisitor`] one `step` below its parent: the step
/// is on `path` while the value is read, so when an error comes back up,
/// the path ends at the value the parser was in, as serde_path_to_error
/// tracks it (a step is taken only once the value itself is being read:
/// a missing `:` or a trailing comma is reported at the object or array).
struct StrictSeed<'p> {
    path: &'p RefCell<Vec<Segment>>,
    step: Option<Segment>,
}

impl<'de> DeserializeSeed<'de> for StrictSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        let stepped = self.step.is_some();
        if let Some(step) = self.step {
            self.path.borrow_mut().push(step);
        }
        let value = deserializer.deserialize_any(StrictVisitor { path: self.path })?;
        if stepped {
            self.path.borrow_mut().pop();
        }
        Ok(value)
    }
}

/// serde_json's own `Value` visitor, except that a repeated key fails, and
/// that it keeps the path of the value being read.
struct StrictVisitor<'p> {
    path: &'p RefCell<Vec<Segment>>,
}

impl<'de> Visitor<'de> for StrictVisitor<'_> {
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
        while let Some(item) = seq.next_element_seed(StrictSeed {
            path: self.path,
            step: Some(Segment::Index(items.len())),
        })? {
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
            let value = access.next_value_seed(StrictSeed {
                path: self.path,
                step: Some(Segment::Key(key.clone())),
            })?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

/// Deserialize a model type from a JSON value. A failure is an
/// [`Error::InvalidValue`] (code `invalid-value`, or `invalid-date` for a bad
/// date) at the JSON path of the offending field below `root` (`""` for a
/// document, or an argument name such as `"options"`).
///
/// ```
/// let value = serde_json::json!({"goals": [{"id": "g", "deadline": "2027-02-30"}]});
/// #[derive(serde::Deserialize)]
/// struct Goal { #[serde(with = "careerplan::plan::date::required")] deadline: chrono::NaiveDate }
/// #[derive(serde::Deserialize)]
/// struct Doc { goals: Vec<Goal> }
/// let err = careerplan::json::from_value::<Doc>(value, "plan").err().unwrap();
/// assert_eq!(err.code(), "invalid-date");
/// assert_eq!(err.path(), "plan.goals[0].deadline");
/// ```
///
/// # Errors
/// [`Error::InvalidValue`] for a value that does not fit `T`.
pub fn from_value<T: DeserializeOwned>(value: Value, root: &str) -> Result<T, Error> {
    let path = RefCell::new(Vec::new());
    T::deserialize(Tracked {
        value,
        path: &path,
        depth: 0,
    })
    .map_err(|e| invalid_value(e, &path, root))
}

/// The error of [`from_value`], at the path where it happened.
#[cold]
#[inline(never)]
fn invalid_value(e: ReadError, path: &RefCell<Vec<Segment>>, root: &str) -> Error {
    Error::value(
        crate::error::join_path(root, &render(&path.borrow())),
        e.to_string(),
    )
}

/// One step of a path: a key of an object (or the variant of an enum, which
/// JSON spells as a key), or an index into an array.
#[derive(Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

/// `goals[2].deadline`, as `serde_path_to_error` writes it.
fn render(path: &[Segment]) -> String {
    let mut out = String::new();
    for (n, segment) in path.iter().enumerate() {
        match segment {
            Segment::Key(key) => {
                // After any step, even an empty key: `"".":"` is `.:`.
                if n > 0 {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// A value being deserialized, `depth` steps below the root. The shared
/// path holds the steps to the value being read: a step is pushed on the
/// way down and taken off when its value has been read, so when an error
/// comes back up, the path still ends where it happened.
struct Tracked<'p> {
    value: Value,
    path: &'p RefCell<Vec<Segment>>,
    depth: usize,
}

impl<'p> Tracked<'p> {
    /// The value one `step` below the value at `depth`.
    ///
    /// Out of line, as are the other non-generic steps of reading here
    /// (`enter`, `leave`, `next_child`, `advance`): every type's reader calls
    /// them, and a copy inlined into each would grow the WebAssembly build.
    #[inline(never)]
    fn child(value: Value, step: Segment, path: &'p RefCell<Vec<Segment>>, depth: usize) -> Self {
        enter(path, depth, step);
        Tracked {
            value,
            path,
            depth: depth + 1,
        }
    }

    /// Read the child with `seed`; on success, its step comes off the path.
    /// Every read of a child goes through here, one instance per type read:
    /// kept to a call and a test, so that it costs little per type.
    fn read_seed<'de, S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, ReadError> {
        let (path, depth) = (self.path, self.depth - 1);
        let read = seed.deserialize(self);
        if read.is_ok() {
            leave(path, depth);
        }
        read
    }
}

/// Take the path back to `depth` steps.
#[inline(never)]
fn leave(path: &RefCell<Vec<Segment>>, depth: usize) {
    path.borrow_mut().truncate(depth);
}

/// Make `step` the path's step below `depth`.
#[inline(never)]
fn enter(path: &RefCell<Vec<Segment>>, depth: usize, step: Segment) {
    let mut steps = path.borrow_mut();
    // Steps left by an error that a visitor recovered from are stale.
    steps.truncate(depth);
    steps.push(step);
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (None, Some(i), _) => Unexpected::Signed(i),
            (None, None, f) => Unexpected::Float(f.unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'p> Tracked<'p> {
    /// Visit an array's elements, each one step (its index) below it.
    fn visit_array<'de, V: Visitor<'de>>(
        self,
        items: Vec<Value>,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let len = items.len();
        let mut seq = Elements {
            items: items.into_iter(),
            index: 0,
            path: self.path,
            depth: self.depth,
        };
        let out = visitor.visit_seq(&mut seq)?;
        match seq.items.len() {
            0 => Ok(out),
            _ => Err(de::Error::invalid_length(len, &"fewer elements in array")),
        }
    }

    /// Visit an object's entries, each value one step (its key) below it.
    fn visit_object<'de, V: Visitor<'de>>(
        self,
        map: Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let len = map.len();
        let mut entries = Entries {
            entries: map.into_iter(),
            pending: None,
            path: self.path,
            depth: self.depth,
        };
        let out = visitor.visit_map(&mut entries)?;
        match entries.entries.len() {
            0 => Ok(out),
            _ => Err(de::Error::invalid_length(len, &"fewer elements in map")),
        }
    }
}

/// A number as serde_json's own `Number` deserializer visits it.
fn visit_number<'de, V: Visitor<'de>>(
    n: &serde_json::Number,
    visitor: V,
) -> Result<V::Value, ReadError> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => visitor.visit_u64(u),
        (None, Some(i)) => visitor.visit_i64(i),
        (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
    }
}

/// The error of reading a value: serde_json's own, so that messages are
/// worded as `serde_json::from_value` words them.
type ReadError = serde_json::Error;

/// The error for a value of the wrong type, worded as serde words it.
#[cold]
fn invalid_type(value: &Value, expected: &dyn de::Expected) -> ReadError {
    de::Error::invalid_type(unexpected(value), expected)
}

/// An enum as JSON spells it, split into its variant's name and payload:
/// `"variant"` (no payload) or `{"variant": payload}`, as serde_json reads
/// an enum from a `Value`.
fn split_variant(value: Value) -> Result<(String, Option<Value>), ReadError> {
    match value {
        Value::String(variant) => Ok((variant, None)),
        Value::Object(map) => {
            let mut entries = map.into_iter();
            match (entries.next(), entries.next()) {
                (Some((variant, payload)), None) => Ok((variant, Some(payload))),
                _ => Err(de::Error::invalid_value(
                    Unexpected::Map,
                    &"map with a single key",
                )),
            }
        }
        other => Err(invalid_type(&other, &"string or map")),
    }
}

/// Deserializer methods that read what another method of the same
/// deserializer reads: `forward_to! { target: method method; ... }`.
macro_rules! forward_to {
    ($($target:ident: $($method:ident)+;)+) => {
        $($(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.$target(visitor)
            }
        )+)+
    };
}

/// Each typed method accepts what serde_json's own `Value` deserializer
/// accepts, so results and messages stay those of `serde_json::from_value`,
/// with one exception: a struct is an object, never an array. serde reads a
/// struct from an array positionally (`[12, 12, 60, 60, 120]`), which no
/// document of ours means and the schema does not allow; refusing it also
/// keeps every struct's positional reader out of the build. Structs with an
/// `extra` map are read as maps by serde itself, so text parsed straight
/// into a plan refuses arrays there too; [`MapOnly`] does it for the plan's
/// one struct without `extra`.
///
/// Dispatching on the type asked for, rather than forwarding everything to
/// `deserialize_any`, also keeps each visitor's unused methods out of the
/// build: a struct's visitor is never asked to visit a string.
impl<'de> Deserializer<'de> for Tracked<'_> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Self::Error> {
        match std::mem::take(&mut self.value) {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => visit_number(&n, visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => self.visit_array(items, visitor),
            Value::Object(map) => self.visit_object(map, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(b),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Number(n) => visit_number(&n, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::String(s) => visitor.visit_string(s),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(
        mut self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match std::mem::take(&mut self.value) {
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => self.visit_array(items, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Self::Error> {
        match std::mem::take(&mut self.value) {
            Value::Array(items) => self.visit_array(items, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, Self::Error> {
        match std::mem::take(&mut self.value) {
            Value::Object(map) => self.visit_object(map, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    /// Read as a map: an object only (see the impl's docs).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let (variant, payload) = split_variant(self.value)?;
        visitor.visit_enum(Variant {
            variant,
            payload,
            path: self.path,
            depth: self.depth,
        })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    // As serde_json's `Value` does: every number through the `Number`, every
    // text through the `String`.
    forward_to! {
        deserialize_f64: deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
            deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
            deserialize_u128 deserialize_f32;
        deserialize_string: deserialize_char deserialize_str deserialize_identifier;
        deserialize_byte_buf: deserialize_bytes;
    }
}

/// The elements of an array, each one step (its index) below the array.
struct Elements<'p> {
    items: std::vec::IntoIter<Value>,
    index: usize,
    path: &'p RefCell<Vec<Segment>>,
    depth: usize,
}

impl<'de> SeqAccess<'de> for Elements<'_> {
    type Error = ReadError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Self::Error> {
        match self.next_child() {
            Some(child) => child.read_seed(seed).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

impl<'p> Elements<'p> {
    /// The next element, with its index on the path. Not generic, so each
    /// element type's reader shares it.
    #[inline(never)]
    fn next_child(&mut self) -> Option<Tracked<'p>> {
        let item = self.items.next()?;
        let step = Segment::Index(self.index);
        self.index += 1;
        Some(Tracked::child(item, step, self.path, self.depth))
    }
}

/// The entries of an object, each value one step (its key) below the object.
struct Entries<'p> {
    entries: serde_json::map::IntoIter,
    pending: Option<(String, Value)>,
    path: &'p RefCell<Vec<Segment>>,
    depth: usize,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = ReadError;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Self::Error> {
        let read = match self.advance() {
            Some(key) => seed.deserialize(key.into_deserializer()),
            None => return Ok(None),
        };
        match read {
            Ok(read) => Ok(Some(read)),
            Err(e) => Err(self.refused_key(e)),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, Self::Error> {
        self.next_child()?.read_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

impl<'p> Entries<'p> {
    /// Move to the next entry (its value waits in `pending`) and give its key.
    #[inline(never)]
    fn advance(&mut self) -> Option<&str> {
        self.pending = Some(self.entries.next()?);
        self.pending.as_ref().map(|(key, _)| key.as_str())
    }

    /// A refused key (`unknown field`) is reported at the key.
    #[cold]
    #[inline(never)]
    fn refused_key(&mut self, e: ReadError) -> ReadError {
        if let Some((key, _)) = self.pending.take() {
            enter(self.path, self.depth, Segment::Key(key));
        }
        e
    }

    /// The value of the key just read, with the key on the path.
    #[inline(never)]
    fn next_child(&mut self) -> Result<Tracked<'p>, ReadError> {
        match self.pending.take() {
            Some((key, value)) => Ok(Tracked::child(
                value,
                Segment::Key(key),
                self.path,
                self.depth,
            )),
            None => Err(de::Error::custom("value is missing")),
        }
    }
}

/// An enum as JSON spells it: `"variant"` or `{"variant": payload}`; the
/// payload is one step (the variant's name) below the enum.
struct Variant<'p> {
    variant: String,
    payload: Option<Value>,
    path: &'p RefCell<Vec<Segment>>,
    depth: usize,
}

impl<'de, 'p> EnumAccess<'de> for Variant<'p> {
    type Error = ReadError;
    type Variant = Variant<'p>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self), Self::Error> {
        let read = seed.deserialize(self.variant.as_str().into_deserializer())?;
        Ok((read, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_> {
    type Error = ReadError;

    fn unit_variant(mut self) -> Result<(), Self::Error> {
        match self.payload.take() {
            None => Ok(()),
            Some(payload) => self
                .payload_reader(payload)
                .read_seed(std::marker::PhantomData::<()>),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(
        mut self,
        seed: S,
    ) -> Result<S::Value, Self::Error> {
        match self.payload.take() {
            Some(payload) => self.payload_reader(payload).read_seed(seed),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(
        mut self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.payload.take() {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(payload @ Value::Array(_)) => {
                self.payload_reader(payload).read_seed(VisitorSeed(visitor))
            }
            Some(other) => Err(de::Error::invalid_type(
                unexpected(&other),
                &"tuple variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        mut self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.payload.take() {
            Some(payload @ Value::Object(_)) => {
                self.payload_reader(payload).read_seed(VisitorSeed(visitor))
            }
            Some(other) => Err(de::Error::invalid_type(
                unexpected(&other),
                &"struct variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

impl<'p> Variant<'p> {
    fn payload_reader(&self, payload: Value) -> Tracked<'p> {
        Tracked::child(
            payload,
            Segment::Key(self.variant.clone()),
            self.path,
            self.depth,
        )
    }
}

/// A visitor as a seed: the payload of a tuple or struct variant is read
/// with `deserialize_any`, as serde_json reads it.
struct VisitorSeed<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for VisitorSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_any(self.0)
    }
}

/// `value` as pretty-printed JSON text (two-space indent, `"key": value`)
/// with a trailing newline: the text of `serde_json::to_string_pretty`, made
/// by indenting compact text. Writing compact text only keeps one writer per
/// model type in the build rather than two (which is 6 KB of the gzipped
/// WebAssembly file); indenting is one pass over the text.
///
/// ```
/// let text = careerplan::json::to_pretty_text(&serde_json::json!({"a": [1, {}], "b": "}"}));
/// assert_eq!(text, "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"}\"\n}\n");
/// ```
pub fn to_pretty_text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // The model's types serialize infallibly: every map key is a string and
    // no custom serializer returns an error.
    let compact = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(compact.len() * 2);
    indent(&compact, &mut out);
    out.push('\n');
    out
}

/// Indent compact JSON text into `out`. Compact text has no whitespace
/// outside strings, so every `{ [ , : ] }` outside a string is structure.
fn indent(compact: &str, out: &mut String) {
    fn new_line(out: &mut String, level: usize) {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", level));
    }
    let bytes = compact.as_bytes();
    let (mut level, mut at, mut copied) = (0usize, 0usize, 0usize);
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                // Skip the string: up to the first quote not escaped.
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                at += 1;
                continue;
            }
            open @ (b'{' | b'[') => {
                out.push_str(&compact[copied..=at]);
                let close = if open == b'{' { b'}' } else { b']' };
                if bytes.get(at + 1) == Some(&close) {
                    // An empty object or array stays on its line: `{}`, `[]`.
                    out.push(close as char);
                    at += 1;
                } else {
                    level += 1;
                    new_line(out, level);
                }
            }
            close @ (b'}' | b']') => {
                out.push_str(&compact[copied..at]);
                level = level.saturating_sub(1);
                new_line(out, level);
                out.push(close as char);
            }
            b',' => {
                out.push_str(&compact[copied..=at]);
                new_line(out, level);
            }
            b':' => {
                out.push_str(&compact[copied..=at]);
                out.push(' ');
            }
            _ => {
                at += 1;
                continue;
            }
        }
        at += 1;
        copied = at;
    }
    out.push_str(compact.get(copied..).unwrap_or_default());
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

    /// `serde_path_to_error` over serde_json's own `Value` deserializer: the
    /// oracle of [`from_value`].
    fn oracle<T: DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
        serde_path_to_error::deserialize(value).map_err(|e| {
            (
                crate::error::join_path("", &e.path().to_string()),
                e.inner().to_string(),
            )
        })
    }

    fn ours<T: DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
        from_value(value, "").map_err(|e| (e.path().to_string(), e.message()))
    }

    /// The node at a rendered path (`goals[0].metric`).
    fn node_at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
        let mut node = value;
        for part in path.split('.').filter(|p| !p.is_empty()) {
            let (key, indices) = part.split_once('[').unwrap_or((part, ""));
            if !key.is_empty() {
                node = node.get(key)?;
            }
            for index in indices.split('[').filter(|i| !i.is_empty()) {
                node = node.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
            }
        }
        Some(node)
    }

    /// Ours and the oracle agree, except where ours refuses an array in
    /// place of a struct that the oracle reads positionally: that error
    /// must then name an array where a struct was expected.
    fn same<T: DeserializeOwned + PartialEq + std::fmt::Debug>(value: &Value) {
        match (ours::<T>(value.clone()), oracle::<T>(value.clone())) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{value}"),
            (Err(a), Err(b)) if a == b => {}
            (Err((path, message)), _)
                if message.starts_with("invalid type: sequence, expected struct ") =>
            {
                let node = node_at(value, &path);
                assert!(
                    node.is_some_and(Value::is_array),
                    "{value}\n{path}: {message}"
                );
            }
            (a, b) => panic!("{value}\nours {:?}\noracle {:?}", a.err(), b.err()),
        }
    }

    fn example_plan() -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/plan.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Every node of `value`, as a list of steps from the root.
    fn node_paths(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(at.clone());
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    at.push(Step::Index(i));
                    node_paths(item, at, out);
                    at.pop();
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    at.push(Step::Key(k.clone()));
                    node_paths(v, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }

    #[derive(Clone, Debug)]
    enum Step {
        Key(String),
        Index(usize),
    }

    fn node_mut<'v>(value: &'v mut Value, path: &[Step]) -> &'v mut Value {
        path.iter().fold(value, |v, step| match step {
            Step::Key(k) => &mut v[k.as_str()],
            Step::Index(i) => &mut v[*i],
        })
    }

    const REPLACEMENTS: &[&str] = &[
        "null",
        "true",
        "-1",
        "7",
        "1.5",
        "1e300",
        "\"x\"",
        "\"2027-02-30\"",
        "\"2027-01-01\"",
        "[]",
        "[1, \"a\"]",
        "{}",
        "{\"k\": 1}",
        "{\"every\": 0, \"unit\": \"days\"}",
        "\"quarterly\"",
        "{\"name\": \"m\", \"target\": \"x\"}",
    ];

    #[test]
    fn paths_start_at_the_root() {
        use serde_json::json;
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            a: Vec<u32>,
        }
        let err = from_value::<Doc>(json!({"a": [1, "x"]}), "").unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-value", "a[1]"));
        let err = from_value::<Doc>(json!({"a": [1, "x"]}), "options").unwrap_err();
        assert_eq!(err.path(), "options.a[1]");
        let err = from_value::<Vec<u32>>(json!(["x"]), "levels").unwrap_err();
        assert_eq!(err.path(), "levels[0]");
        let err = from_value::<u32>(json!("x"), "").unwrap_err();
        assert_eq!(
            (err.path(), err.message()),
            ("", "invalid type: string \"x\", expected u32".to_string())
        );
    }

    #[test]
    fn the_example_plan_reads_alike() {
        same::<crate::plan::Plan>(&example_plan());
    }

    #[test]
    fn options_read_alike() {
        use serde_json::json;
        for doc in [
            json!({"today": "2026-11-22", "rules": {"S001": "off"}}),
            json!({"today": "2026-02-30"}),
            json!({"bogus": 1}),
            json!({"rules": {"S001": {"severity": "loud"}}}),
            json!({"thresholds": {"pass": "high"}}),
            json!([1, 2]),
            json!("x"),
            // Several faults: the first in the document is the one reported,
            // a missing field only when nothing else fails.
            json!({"bogus": 1, "today": "x"}),
            json!({"today": "x", "bogus": 1}),
            json!({"thresholds": {"pass": "high"}, "today": 5}),
            json!({"today": 5, "thresholds": {"pass": "high"}}),
            json!({"rules": {"S001": {"severity": "loud"}}, "bogus": 1, "today": []}),
            json!({"top_k": "x", "horizon": 1, "weights": []}),
            json!({"limit": -1, "from": "2027-13-01", "to": 3, "days_before": "x"}),
        ] {
            same::<crate::smart::LintConfig>(&doc);
            same::<crate::schedule::AgendaOptions>(&doc);
            same::<crate::skills::RankOptions>(&doc);
            same::<crate::skills::GapOptions>(&doc);
            same::<crate::progress::ProgressOptions>(&doc);
        }
    }

    /// Arbitrary JSON: nesting, empty containers, and strings full of the
    /// characters that are structure outside them.
    fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "[{}\\[\\],:\"\\\\ a\u{e9}\u{1f600}\n\t]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec(("[a-z{}\\[\\]:,\"]{0,4}", inner), 0..6)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn pretty_text_is_serde_jsons_pretty_text() {
        let plan = example_plan();
        let mut expected = serde_json::to_string_pretty(&plan).unwrap();
        expected.push('\n');
        assert_eq!(to_pretty_text(&plan), expected);
        use serde_json::json;
        for doc in [
            json!({}),
            json!([]),
            json!(""),
            json!({"a": [[], {}, [{}]]}),
            json!(3.5),
        ] {
            assert_eq!(
                to_pretty_text(&doc),
                serde_json::to_string_pretty(&doc).unwrap() + "\n"
            );
        }
    }

    /// The oracle of [`parse_value`]'s errors: serde_path_to_error over
    /// serde_json's own text deserializer (what `parse_value` was before
    /// it kept its own path), reading values that refuse a repeated key.
    fn parse_oracle(text: &str) -> Result<Value, (String, String)> {
        let mut de = serde_json::Deserializer::from_str(text);
        match serde_path_to_error::deserialize::<_, Strict>(&mut de) {
            Ok(Strict(value)) => match de.end() {
                Ok(()) => Ok(value),
                Err(e) => Err((String::new(), Error::from_json(String::new(), &e).message())),
            },
            Err(e) => {
                let path = e.path().to_string();
                let path = path.trim_end_matches('?').trim_end_matches('.');
                let path = crate::error::join_path("", path);
                Err((path.clone(), Error::from_json(path, e.inner()).message()))
            }
        }
    }

    proptest::proptest! {
        /// Broken JSON text (a valid document cut short, or with a character
        /// put in or taken out): the same error message at the same path
        /// as serde_path_to_error reports.
        #[test]
        fn broken_text_fails_alike(doc in any_json(), at in 0usize..10_000, edit in 0usize..12) {
            let text = serde_json::to_string(&doc).unwrap();
            let mut cut = at % (text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let inserted = ["", "", "", "]", "}", ",", ":", "\"", "x", "1", "NaN", " "];
            let broken = match edit {
                0 => text[..cut].to_string(),
                1 => {
                    let mut end = cut + 1;
                    while end < text.len() && !text.is_char_boundary(end) {
                        end += 1;
                    }
                    format!("{}{}", &text[..cut], &text[end.min(text.len())..])
                }
                i => format!("{}{}{}", &text[..cut], inserted[i], &text[cut..]),
            };
            let ours = parse_value(&broken, "").map_err(|e| (e.path().to_string(), e.message()));
            match (ours, parse_oracle(&broken)) {
                (Ok(a), Ok(b)) => proptest::prop_assert_eq!(a, b),
                (Err(a), Err(b)) => proptest::prop_assert_eq!(a, b, "{}", broken),
                (a, b) => proptest::prop_assert!(false, "{broken}\nours {a:?}\noracle {b:?}"),
            }
        }

        /// `to_pretty_text` writes what serde_json's pretty writer writes.
        #[test]
        fn pretty_text_matches_serde_json(doc in any_json()) {
            let expected = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            proptest::prop_assert_eq!(to_pretty_text(&doc), expected);
        }

        /// Any one node of the example plan replaced by a value of another
        /// type (or an unknown key added): the same plan, or the same error
        /// message at the same path, as serde_path_to_error.
        #[test]
        fn a_mutated_plan_reads_alike(pick in 0usize..100_000, with in 0..REPLACEMENTS.len(), add_key in proptest::bool::ANY) {
            let mut plan = example_plan();
            let mut paths = Vec::new();
            node_paths(&plan, &mut Vec::new(), &mut paths);
            let path = &paths[pick % paths.len()];
            let node = node_mut(&mut plan, path);
            if add_key && let Value::Object(map) = node {
                map.insert("bogus".into(), serde_json::from_str(REPLACEMENTS[with]).unwrap());
            } else {
                *node = serde_json::from_str(REPLACEMENTS[with]).unwrap();
            }
            same::<crate::plan::Plan>(&plan);
        }

        /// Several nodes replaced at once: serde reports the fault it meets
        /// first in the document, and so must the reader, which reads
        /// fields in declaration order.
        #[test]
        fn a_plan_mutated_in_several_places_reads_alike(
            changes in proptest::collection::vec((0usize..100_000, 0..REPLACEMENTS.len(), proptest::bool::ANY), 2..6)
        ) {
            let mut plan = example_plan();
            for (pick, with, add_key) in changes {
                let mut paths = Vec::new();
                node_paths(&plan, &mut Vec::new(), &mut paths);
                let path = &paths[pick % paths.len()];
                let node = node_mut(&mut plan, path);
                if add_key && let Value::Object(map) = node {
                    map.insert(format!("bogus{pick}"), serde_json::from_str(REPLACEMENTS[with]).unwrap());
                } else {
                    *node = serde_json::from_str(REPLACEMENTS[with]).unwrap();
                }
            }
            same::<crate::plan::Plan>(&plan);
        }
    }
}
