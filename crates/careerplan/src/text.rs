//! Text as it comes in: the UTF-8 byte-order mark; and [`SharedStr`], the
//! immutable string that many values of a large catalog share.
//!
//! Windows tools often start a UTF-8 file with the byte-order mark U+FEFF
//! (bytes `EF BB BF`). It marks the encoding and is no part of the content,
//! so every entry point that takes text (plans, catalogs, resumes, O*NET
//! files, goal statements) skips one at the start. Offsets reported back,
//! such as lint spans, still count in the text the caller gave, mark
//! included, so they index the caller's own string.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

/// The byte-order mark, U+FEFF (three bytes in UTF-8).
pub const BOM: char = '\u{feff}';

/// `text` without a leading byte-order mark (only the first one: a second
/// would be content).
///
/// ```
/// assert_eq!(careerplan::text::strip_bom("\u{feff}{}"), "{}");
/// assert_eq!(careerplan::text::strip_bom("{}"), "{}");
/// ```
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// How many bytes [`strip_bom`] skips in `text`: 3 or 0.
pub fn bom_len(text: &str) -> usize {
    text.len() - strip_bom(text).len()
}

/// An immutable string whose clones share one allocation (an `Arc<str>`).
///
/// Catalogs repeat the same few strings many times: ESCO's 129,004
/// requirements name some 13,000 skills, each requirement holds its
/// skill's name, URI and scale id, and almost all are on `dreyfus-5`. An
/// import makes each of those strings once and every requirement that
/// names it holds a pointer to it, rather than three copies per
/// requirement to allocate and free (`Requirement`'s `skill`, `scale` and
/// `external_id`; the ESCO import's CPU time fell by a quarter with them,
/// `benches/README.md`). A clone costs a reference count, not a copy; the
/// text cannot change once made (build a new one to change a field).
///
/// It reads as a `&str` (`Deref`, `AsRef`, `Borrow`, comparisons with
/// `str` and `String` both ways), converts from `&str`, `String` and
/// `Arc<str>`, and crosses every boundary as a plain string: it serializes
/// and deserializes as a JSON string, and its JSON schema is that of a
/// string, so documents and `schema/*.json` do not see it.
///
/// ```
/// use careerplan::text::SharedStr;
/// let name = SharedStr::from("data mining");
/// let again = name.clone(); // the same text, not a copy
/// assert!(std::ptr::eq(name.as_str(), again.as_str()));
/// assert_eq!(name, "data mining");
/// assert_eq!(serde_json::to_string(&name)?, r#""data mining""#);
/// let back: SharedStr = serde_json::from_str(r#""SQL""#)?;
/// assert_eq!(back.len(), 3);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        SharedStr(Arc::from(s))
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> Self {
        SharedStr(Arc::from(s.as_str()))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr(Arc::from(s))
    }
}

impl From<Arc<str>> for SharedStr {
    fn from(s: Arc<str>) -> Self {
        SharedStr(s)
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> Self {
        String::from(&*s.0)
    }
}

impl From<SharedStr> for Arc<str> {
    fn from(s: SharedStr) -> Self {
        s.0
    }
}

macro_rules! eq_str {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for SharedStr {
            fn eq(&self, other: &$other) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<SharedStr> for $other {
            fn eq(&self, other: &SharedStr) -> bool {
                **self == *other.0
            }
        }
    )*};
}

eq_str!(&str, String);

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == *other.0
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Through `String`'s own code, which every deserializer already has
        // compiled: a visitor of its own would be another copy per
        // deserializer in the WebAssembly module, for one copy of the text
        // saved when reading JSON.
        String::deserialize(d).map(SharedStr::from)
    }
}

/// The schema of a `str`: a plain string.
impl JsonSchema for SharedStr {
    fn inline_schema() -> bool {
        str::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        str::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        str::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        str::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_mark_is_skipped() {
        assert_eq!(bom_len("\u{feff}x"), 3);
        assert_eq!(strip_bom("\u{feff}\u{feff}x"), "\u{feff}x");
        assert_eq!(strip_bom("x\u{feff}"), "x\u{feff}");
        assert_eq!(bom_len(""), 0);
    }
}
