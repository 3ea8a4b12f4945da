//! A serde serializer that builds plain Python data (dict, list, str, int,
//! float, bool, None) from the core's result types.
//!
//! It produces what `pythonize` does for the core's types (structs and maps
//! become dicts, sequences and tuples lists, unit variants their name), but
//! makes each field name and variant name once per conversion instead of
//! once per value: serde hands them over as `&'static str`, so they are
//! cached by address. A lint report is mostly such names (about 45 of its
//! roughly 70 Python objects), and `lint_many` over 10,000 goals spent most
//! of its time making them again (benches/README.md has the figures).

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde::Serialize;
use serde::ser::{self, Impossible};

/// Serialize `value` as plain Python data, with the field and variant names
/// of earlier conversions that used the same `names` (a fresh
/// `Names::default()` for a single value): results converted one item at a
/// time (`LintReports`) would otherwise spend most of the work making the
/// names again.
pub(crate) fn to_python_with<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    names: &mut Names,
    value: &T,
) -> Result<Bound<'py, PyAny>, Error> {
    value.serialize(Serializer { py, names })
}

/// Why a value could not be converted.
#[derive(Debug)]
pub(crate) enum Error {
    /// A Python call failed (out of memory).
    Py(PyErr),
    /// A `Serialize` impl reported an error of its own.
    Custom(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Py(err) => write!(f, "{err}"),
            Error::Custom(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::Custom(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(err: PyErr) -> Error {
        Error::Py(err)
    }
}

/// Hashes a `&'static str` by address and length, which identify it.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The Python strings made so far for field and variant names.
#[derive(Default)]
pub(crate) struct Names(HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>);

impl Names {
    fn get<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        self.0
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
            .clone()
    }
}

struct Serializer<'py, 'n> {
    py: Python<'py>,
    names: &'n mut Names,
}

impl<'py, 'n> Serializer<'py, 'n> {
    fn reborrow(&mut self) -> Serializer<'py, '_> {
        Serializer {
            py: self.py,
            names: self.names,
        }
    }

    fn object<T: IntoPyObject<'py>>(&self, value: T) -> Result<Bound<'py, PyAny>, Error> {
        Ok(value.into_bound_py_any(self.py)?)
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

/// A list being built.
struct Seq<'py, 'n> {
    ser: Serializer<'py, 'n>,
    items: Vec<Bound<'py, PyAny>>,
}

/// A dict being built; `variant` wraps it as `{variant: dict}`.
struct Map<'py, 'n> {
    ser: Serializer<'py, 'n>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

/// A list being built for a tuple variant, wrapped as `{variant: list}`.
struct VariantSeq<'py, 'n> {
    seq: Seq<'py, 'n>,
    variant: &'static str,
}

impl<'py, 'n> ser::Serializer for Serializer<'py, 'n> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'py, 'n>;
    type SerializeTuple = Seq<'py, 'n>;
    type SerializeTupleStruct = Seq<'py, 'n>;
    type SerializeTupleVariant = VariantSeq<'py, 'n>;
    type SerializeMap = Map<'py, 'n>;
    type SerializeStruct = Map<'py, 'n>;
    type SerializeStructVariant = Map<'py, 'n>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        self.object(v)
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.object(v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.object(v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.object(v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.object(v)
    }
    fn serialize_i128(self, v: i128) -> Out<'py> {
        self.object(v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.object(v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.object(v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.object(v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.object(v)
    }
    fn serialize_u128(self, v: u128) -> Out<'py> {
        self.object(v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.object(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        self.object(v)
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        self.object(v)
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(PyBytes::new(self.py, v).into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.names.get(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let dict = PyDict::new(self.py);
        let inner = value.serialize(self.reborrow())?;
        dict.set_item(self.names.get(self.py, variant), inner)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py, 'n>, Error> {
        Ok(Seq {
            ser: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py, 'n>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq<'py, 'n>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantSeq<'py, 'n>, Error> {
        Ok(VariantSeq {
            seq: self.serialize_seq(Some(len))?,
            variant,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'py, 'n>, Error> {
        let dict = PyDict::new(self.py);
        Ok(Map {
            ser: self,
            dict,
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'py, 'n>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'py, 'n>, Error> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

impl<'py> ser::SerializeSeq for Seq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(self.ser.reborrow())?;
        self.items.push(item);
        Ok(())
    }

    fn end(self) -> Out<'py> {
        Ok(PyList::new(self.ser.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeTuple for Seq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Out<'py> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Out<'py> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeTupleVariant for VariantSeq<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(&mut self.seq, value)
    }

    fn end(mut self) -> Out<'py> {
        let py = self.seq.ser.py;
        let name = self.seq.ser.names.get(py, self.variant);
        let items = std::mem::take(&mut self.seq.items);
        let dict = PyDict::new(py);
        dict.set_item(name, PyList::new(py, items)?)?;
        Ok(dict.into_any())
    }
}

impl<'py> ser::SerializeMap for Map<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(MapKey {
            ser: self.ser.reborrow(),
        })?);
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error::Custom("a map value came before its key".into()))?;
        let value = value.serialize(self.ser.reborrow())?;
        self.dict.set_item(key, value)?;
        Ok(())
    }

    fn end(self) -> Out<'py> {
        finish_map(self)
    }
}

impl<'py> ser::SerializeStruct for Map<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let value = value.serialize(self.ser.reborrow())?;
        self.dict
            .set_item(self.ser.names.get(self.ser.py, key), value)?;
        Ok(())
    }

    fn end(self) -> Out<'py> {
        finish_map(self)
    }
}

impl<'py> ser::SerializeStructVariant for Map<'py, '_> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Out<'py> {
        finish_map(self)
    }
}

fn finish_map<'py>(map: Map<'py, '_>) -> Out<'py> {
    match map.variant {
        None => Ok(map.dict.into_any()),
        Some(variant) => {
            let outer = PyDict::new(map.ser.py);
            outer.set_item(map.ser.names.get(map.ser.py, variant), map.dict)?;
            Ok(outer.into_any())
        }
    }
}

/// Map keys: strings, numbers and unit variants become dict keys as they
/// would be values (JSON would write numbers as strings; Python keeps them).
struct MapKey<'py, 'n> {
    ser: Serializer<'py, 'n>,
}

macro_rules! key_as_value {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Out<'py> {
            ser::Serializer::$method(self.ser, v)
        }
    )*};
}

impl<'py, 'n> ser::Serializer for MapKey<'py, 'n> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTuple = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleStruct = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleVariant = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeMap = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStruct = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStructVariant = Impossible<Bound<'py, PyAny>, Error>;

    key_as_value!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_str: &str,
    );

    fn serialize_bytes(self, _v: &[u8]) -> Out<'py> {
        Err(key_error("bytes"))
    }
    fn serialize_none(self) -> Out<'py> {
        Err(key_error("None"))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        Err(key_error("None"))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        Err(key_error("None"))
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Out<'py> {
        ser::Serializer::serialize_unit_variant(self.ser, name, index, variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Out<'py> {
        Err(key_error("a dict"))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error("a list"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error("a list"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error("a list"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error("a dict"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error("a dict"))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_error("a dict"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error("a dict"))
    }
}

fn key_error(what: &str) -> Error {
    Error::Custom(format!("{what} cannot be a dict key"))
}
