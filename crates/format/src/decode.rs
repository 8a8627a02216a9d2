//! Decoding the bundle's types, with serde and serde_json, through one shared visitor.
//!
//! `#[derive(Deserialize)]` writes a visitor for every struct, and serde_json then
//! compiles a copy of its sequence and map reading for every `Vec` and struct of them:
//! for the fifteen types of the bundle and the archive, 11.6 KB gzipped (35 KB raw) more
//! of the viewer's WebAssembly than this. Here each type only lists its fields
//! ([`Record`]), and one visitor fills any of them, reading whatever value comes and
//! saying itself what is wrong with it. It behaves as the derived code does, error
//! messages included: unknown fields are skipped, a repeated field is a `duplicate field`,
//! a field without a default is a `missing field`, a value of the wrong type is
//! `invalid type: string "15", expected u32`, and a struct may be written as a JSON array
//! of its fields in order (as serde allows), which the property tests check against
//! derived decoders. Two differences: a wrong string is quoted with only what would hide
//! or reorder text escaped (serde escapes as Rust's `Debug` does, whose Unicode tables the
//! viewer would carry for this alone), and an array or object where something else
//! belongs is reported where serde_json stopped reading, past its bracket
//! (`json_path::fault_offset` finds the bracket for the JSON path).
//!
//! The types themselves are declared where they belong ([`crate::model`],
//! [`crate::archive`]), each with [`record!`], which writes the struct and its decoding
//! from the one declaration: this module knows no type of the bundle.

use crate::text::WebUrl;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Declares a struct of the bundle or the archive once: the struct as written (its
/// attributes, and each field's docs, serde attributes and type), and how it is decoded:
/// its [`Record`] and [`Field`] impls, and `Deserialize` through the shared visitor.
///
/// A field written `name: Type = value` may be left out, and then holds `value` (serde's
/// `#[serde(default = …)]`); a field without `= value` must be present (`missing field`).
/// What a field's type reads, and is before it is read, is that type's [`Field`] impl. A
/// struct written as a JSON array lists its fields in declaration order, as serde reads it.
///
/// ```text
/// record! {
///     /// One line of the printed contents list.
///     #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
///     pub struct ContentsEntry {
///         pub title: String,
///         #[serde(skip_serializing_if = "Option::is_none")]
///         pub page: Option<u32> = None,
///     }
/// }
/// ```
macro_rules! record {
    (
        $(#[$attribute:meta])*
        $visibility:vis struct $name:ident {
            $(
                $(#[$field_attribute:meta])*
                $field_visibility:vis $field:ident: $type:ty $(= $default:expr)?
            ),+ $(,)?
        }
    ) => {
        $(#[$attribute])*
        $visibility struct $name {
            $($(#[$field_attribute])* $field_visibility $field: $type,)+
        }

        impl $crate::decode::Field for $name {
            fn blank() -> Self {
                $name { $($field: $crate::decode::record!(@blank $type $(= $default)?),)+ }
            }
            fn slot(&mut self) -> $crate::decode::Slot<'_> {
                $crate::decode::Slot::Record(self)
            }
        }

        impl $crate::decode::Record for $name {
            fn name(&self) -> &'static str {
                stringify!($name)
            }
            fn fields(&self) -> &'static [(&'static str, $crate::decode::Presence)] {
                &[$((stringify!($field), $crate::decode::record!(@presence $(= $default)?)),)+]
            }
            fn slot(&mut self, index: usize) -> $crate::decode::Slot<'_> {
                $crate::decode::record!(@slot self, index; $($field),+)
            }
        }

        $crate::decode::deserialize_with_record!($name);
    };
    // A field's value before decoding: its default, or its type's blank.
    (@blank $type:ty) => { <$type as $crate::decode::Field>::blank() };
    (@blank $type:ty = $default:expr) => { $default };
    (@presence) => { $crate::decode::Presence::Required };
    (@presence = $default:expr) => { $crate::decode::Presence::Defaulted };
    // The slot of the field at `index`: the first of the fields at 0, else the slot of
    // `index - 1` in the rest; the last field takes any index that is left (so the index
    // is not read there).
    (@slot $record:ident, $index:ident; $last:ident) => {{
        let _ = $index;
        $crate::decode::Field::slot(&mut $record.$last)
    }};
    (@slot $record:ident, $index:ident; $first:ident, $($rest:ident),+) => {
        match $index.checked_sub(1) {
            None => $crate::decode::Field::slot(&mut $record.$first),
            Some($index) => $crate::decode::record!(@slot $record, $index; $($rest),+),
        }
    };
}
pub(crate) use record;

/// Where a field's value goes, by kind.
pub(crate) enum Slot<'a> {
    Text(&'a mut String),
    MaybeText(&'a mut Option<String>),
    /// An http(s) URL or nothing: any other string is refused, so the value can be linked.
    MaybeWebUrl(&'a mut Option<WebUrl>),
    Flag(&'a mut bool),
    Count(&'a mut u32),
    MaybeCount(&'a mut Option<u32>),
    Year(&'a mut i32),
    Texts(&'a mut Vec<String>),
    Counts(&'a mut Vec<u32>),
    /// A number that may have a fraction (an amount), or nothing.
    MaybeAmount(&'a mut Option<f64>),
    Amounts(&'a mut Vec<f64>),
    Record(&'a mut dyn Record),
    /// A record or nothing (`null`, or left out).
    MaybeRecord(&'a mut dyn MaybeRecord),
    Records(&'a mut dyn Records),
    /// Any JSON value, kept as compact JSON text.
    Json(&'a mut String),
}

/// A struct of the bundle, as decoding sees it. Decoding starts from its [`Field::blank`],
/// which holds each field's default (or a placeholder, for fields that must be present).
pub(crate) trait Record {
    /// The struct's name, as serde's messages give it (`struct Event`).
    fn name(&self) -> &'static str;
    /// The fields in declaration order, each with whether it may be left out.
    fn fields(&self) -> &'static [(&'static str, Presence)];
    /// Where the field at `index` of [`Record::fields`] goes.
    fn slot(&mut self, index: usize) -> Slot<'_>;
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Presence {
    Required,
    /// Left out, the field keeps the value its record's [`Field::blank`] gave it (the
    /// `= value` of [`record!`]).
    Defaulted,
}
use Presence::Required;

/// A type a record's field may have: the value it holds before decoding, and where a
/// value read for it goes.
pub(crate) trait Field {
    /// The value before decoding: a record's own with each field's default, for other
    /// types empty (the placeholder of a field that must be present, read over anyway).
    fn blank() -> Self;
    /// Where a value read for the field goes.
    fn slot(&mut self) -> Slot<'_>;
}

/// The types a record's fields have besides records (whose [`Field`] impls [`record!`]
/// writes) and lists of records (below).
macro_rules! fields {
    ($($type:ty => $blank:expr, $kind:ident;)+) => {$(
        impl Field for $type {
            fn blank() -> Self {
                $blank
            }
            fn slot(&mut self) -> Slot<'_> {
                Slot::$kind(self)
            }
        }
    )+};
}

fields! {
    String => String::new(), Text;
    Option<String> => None, MaybeText;
    Option<WebUrl> => None, MaybeWebUrl;
    bool => false, Flag;
    u32 => 0, Count;
    Option<u32> => None, MaybeCount;
    i32 => 0, Year;
    Vec<String> => Vec::new(), Texts;
    Vec<u32> => Vec::new(), Counts;
    Option<f64> => None, MaybeAmount;
    Vec<f64> => Vec::new(), Amounts;
}

impl<T: Record + Field> Field for Option<T> {
    fn blank() -> Self {
        None
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::MaybeRecord(self)
    }
}

/// An optional record, as decoding sees it.
pub(crate) trait MaybeRecord {
    /// The record's name, as [`Record::name`].
    fn name(&self) -> &'static str;
    /// Makes it absent (`null`).
    fn clear(&mut self);
    /// Makes it present and blank, to be read into.
    fn fill(&mut self) -> &mut dyn Record;
}

impl<T: Record + Field> MaybeRecord for Option<T> {
    fn name(&self) -> &'static str {
        T::blank().name()
    }
    fn clear(&mut self) {
        *self = None;
    }
    fn fill(&mut self) -> &mut dyn Record {
        self.insert(T::blank())
    }
}

impl<T: Record + Field> Field for Vec<T> {
    fn blank() -> Self {
        Vec::new()
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::Records(self)
    }
}

/// A `Vec` of records, grown one element at a time.
pub(crate) trait Records {
    fn push_blank(&mut self) -> &mut dyn Record;
}

impl<T: Record + Field> Records for Vec<T> {
    fn push_blank(&mut self) -> &mut dyn Record {
        self.push(T::blank());
        let last = self.len() - 1;
        &mut self[last]
    }
}

impl<'de> DeserializeSeed<'de> for Slot<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        // Every slot reads whatever value is there and says itself what is wrong with it:
        // serde's typed readers would format a wrong string with `Debug`, whose escaping
        // tables cost the viewer 0.7 KB gzipped.
        deserializer.deserialize_any(self)
    }
}

impl Slot<'_> {
    /// What the slot holds, as serde's messages name it.
    fn expected(&self) -> String {
        match self {
            Slot::Text(_) | Slot::MaybeText(_) => "a string".into(),
            Slot::MaybeWebUrl(_) => "an http(s) URL".into(),
            Slot::Flag(_) => "a boolean".into(),
            Slot::Count(_) | Slot::MaybeCount(_) => "u32".into(),
            Slot::Year(_) => "i32".into(),
            Slot::MaybeAmount(_) => "f64".into(),
            Slot::Texts(_) | Slot::Counts(_) | Slot::Amounts(_) | Slot::Records(_) => "a sequence".into(),
            Slot::Record(record) => format!("struct {}", record.name()),
            // As serde's `Option` says: what the record is, once it is not `null`.
            Slot::MaybeRecord(record) => format!("struct {}", record.name()),
            Slot::Json(_) => "a JSON value".into(),
        }
    }

    /// A value of the wrong kind: `invalid type: string "15", expected u32`.
    fn wrong<E: de::Error>(&self, found: fmt::Arguments) -> E {
        E::custom(format_args!("invalid type: {found}, expected {}", self.expected()))
    }

    /// A whole number, where a count or year may go.
    fn number<E, N>(self, value: N) -> Result<(), E>
    where
        E: de::Error,
        N: fmt::Display + Copy + TryInto<u32> + TryInto<i32>,
    {
        let out_of_range =
            |expected: &str| E::custom(format_args!("invalid value: integer `{value}`, expected {expected}"));
        match self {
            Slot::Count(to) => *to = value.try_into().map_err(|_| out_of_range("u32"))?,
            Slot::MaybeCount(to) => *to = Some(value.try_into().map_err(|_| out_of_range("u32"))?),
            Slot::Year(to) => *to = value.try_into().map_err(|_| out_of_range("i32"))?,
            Slot::Json(to) => *to = value.to_string(),
            other => return Err(other.wrong(format_args!("integer `{value}`"))),
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for Slot<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(&self.expected())
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<(), E> {
        match self {
            Slot::Flag(to) => *to = value,
            Slot::Json(to) => *to = value.to_string(),
            other => return Err(other.wrong(format_args!("boolean `{value}`"))),
        }
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        match self {
            // A whole number is an amount too, as serde reads one into an f64.
            Slot::MaybeAmount(to) => {
                *to = Some(value as f64);
                Ok(())
            }
            other => other.number(value),
        }
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        match self {
            Slot::MaybeAmount(to) => {
                *to = Some(value as f64);
                Ok(())
            }
            other => other.number(value),
        }
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        // As serde_json writes a number it has read (JSON has no infinities or NaN).
        let written =
            serde_json::Number::from_f64(value).map_or_else(|| "null".to_owned(), |number| number.to_string());
        match self {
            Slot::MaybeAmount(to) => *to = Some(value),
            Slot::Json(to) => *to = written,
            other => return Err(other.wrong(format_args!("floating point `{written}`"))),
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        match self {
            Slot::Text(to) => *to = value.to_owned(),
            Slot::MaybeText(to) => *to = Some(value.to_owned()),
            Slot::MaybeWebUrl(to) => match WebUrl::new(value) {
                Some(url) => *to = Some(url),
                // As serde words a value of the right type that is not allowed.
                None => {
                    return Err(E::custom(format_args!(
                        "invalid value: string \"{}\", expected an http(s) URL",
                        Escaped(value)
                    )))
                }
            },
            Slot::Json(to) => *to = json_string(value),
            other => return Err(other.wrong(format_args!("string \"{}\"", Escaped(value)))),
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        match self {
            Slot::MaybeText(to) => *to = None,
            Slot::MaybeWebUrl(to) => *to = None,
            Slot::MaybeCount(to) => *to = None,
            Slot::MaybeAmount(to) => *to = None,
            Slot::MaybeRecord(to) => to.clear(),
            Slot::Json(to) => *to = "null".to_owned(),
            other => return Err(other.wrong(format_args!("null"))),
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match self {
            Slot::Texts(to) => {
                let mut text = String::new();
                while seq.next_element_seed(Slot::Text(&mut text))?.is_some() {
                    to.push(std::mem::take(&mut text));
                }
            }
            Slot::Counts(to) => {
                let mut count = 0;
                while seq.next_element_seed(Slot::Count(&mut count))?.is_some() {
                    to.push(count);
                }
            }
            Slot::Amounts(to) => {
                let mut amount = None;
                while seq.next_element_seed(Slot::MaybeAmount(&mut amount))?.is_some() {
                    // `null` is not an amount.
                    let Some(amount) = amount.take() else {
                        return Err(de::Error::custom("invalid type: null, expected f64"));
                    };
                    to.push(amount);
                }
            }
            Slot::Records(records) => while seq.next_element_seed(Element(&mut *records))?.is_some() {},
            Slot::MaybeRecord(record) => return Slot::Record(record.fill()).visit_seq(seq),
            // A struct may be written as the array of its fields, in order (as serde allows).
            Slot::Record(record) => {
                let fields = record.fields();
                for (index, (_, presence)) in fields.iter().enumerate() {
                    if seq.next_element_seed(record.slot(index))?.is_none() && *presence == Required {
                        return Err(de::Error::invalid_length(index, &Elements(record.name(), fields.len())));
                    }
                }
            }
            Slot::Json(to) => {
                let mut written = Vec::new();
                let mut item = String::new();
                while seq.next_element_seed(Slot::Json(&mut item))?.is_some() {
                    written.push(std::mem::take(&mut item));
                }
                *to = format!("[{}]", written.join(","));
            }
            other => return Err(other.wrong(format_args!("sequence"))),
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        match self {
            Slot::MaybeRecord(record) => return Slot::Record(record.fill()).visit_map(map),
            Slot::Record(record) => {
                let fields = record.fields();
                let mut seen = vec![false; fields.len()];
                while let Some(key) = map.next_key_seed(FieldName(fields))? {
                    let Some(index) = key else {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    };
                    if seen[index] {
                        return Err(de::Error::duplicate_field(fields[index].0));
                    }
                    map.next_value_seed(record.slot(index))?;
                    seen[index] = true;
                }
                if let Some(((name, _), _)) =
                    fields.iter().zip(&seen).find(|((_, presence), seen)| *presence == Required && !**seen)
                {
                    return Err(de::Error::missing_field(name));
                }
            }
            Slot::Json(to) => {
                // A `Value` keeps an object's members in a sorted map: keys in order, and the
                // last value of a repeated key.
                let mut members: Vec<(String, String)> = Vec::new();
                let (mut key, mut value) = (String::new(), String::new());
                while map.next_key_seed(Slot::Text(&mut key))?.is_some() {
                    map.next_value_seed(Slot::Json(&mut value))?;
                    let (key, value) = (std::mem::take(&mut key), std::mem::take(&mut value));
                    match members.binary_search_by(|(other, _)| other.as_str().cmp(&key)) {
                        Ok(at) => members[at].1 = value,
                        Err(at) => members.insert(at, (key, value)),
                    }
                }
                let written: Vec<String> =
                    members.iter().map(|(key, value)| format!("{}:{value}", json_string(key))).collect();
                *to = format!("{{{}}}", written.join(","));
            }
            other => return Err(other.wrong(format_args!("map"))),
        }
        Ok(())
    }
}

/// A string in a message, escaped as Rust's `Debug` escapes it (which serde's messages
/// use) for everything a bundle can hold that would hide or reorder text: quotes,
/// backslashes, control characters, zero-width and direction marks.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        use fmt::Write;
        for c in self.0.chars() {
            match c {
                '"' | '\\' => write!(formatter, "\\{c}")?,
                '\n' => formatter.write_str("\\n")?,
                '\r' => formatter.write_str("\\r")?,
                '\t' => formatter.write_str("\\t")?,
                '\0' => formatter.write_str("\\0")?,
                c if c.is_control()
                    || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}') =>
                {
                    write!(formatter, "\\u{{{:x}}}", c as u32)?
                }
                c => formatter.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// What a struct written as an array must have: `struct Event with 6 elements`.
struct Elements(&'static str, usize);

impl de::Expected for Elements {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        match self.1 {
            1 => write!(formatter, "struct {} with 1 element", self.0),
            count => write!(formatter, "struct {} with {count} elements", self.0),
        }
    }
}

/// The next element of a `Vec` of records.
struct Element<'a>(&'a mut dyn Records);

impl<'de> DeserializeSeed<'de> for Element<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        Slot::Record(self.0.push_blank()).deserialize(deserializer)
    }
}

/// A key of a JSON object: the index of the field it names, or `None` for a field the
/// record does not have.
struct FieldName(&'static [(&'static str, Presence)]);

impl<'de> DeserializeSeed<'de> for FieldName {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FieldName {
    type Value = Option<usize>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|(field, _)| *field == name))
    }
}

/// Decodes a record with the shared visitor.
pub(crate) fn decode<'de, T: Record + Field, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let mut record = T::blank();
    Slot::Record(&mut record).deserialize(deserializer)?;
    Ok(record)
}

/// The `Deserialize` impl of a record, through [`decode`].
macro_rules! deserialize_with_record {
    ($($record:ty),*) => {$(
        impl<'de> ::serde::Deserialize<'de> for $record {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::decode::decode(deserializer)
            }
        }
    )*};
}
pub(crate) use deserialize_with_record;

/// A string as a JSON string literal.
fn json_string(text: &str) -> String {
    // Writing a string to memory cannot fail.
    serde_json::to_string(text).unwrap_or_default()
}

/// The `format` of a document of any shape, for saying which format an unreadable bundle
/// has: the only field of a record that ignores every other.
pub struct FormatProbe {
    /// The value as compact JSON.
    pub format: String,
}

impl Field for FormatProbe {
    fn blank() -> Self {
        FormatProbe { format: String::new() }
    }
    fn slot(&mut self) -> Slot<'_> {
        Slot::Record(self)
    }
}

impl Record for FormatProbe {
    fn name(&self) -> &'static str {
        "FormatProbe"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("format", Required)]
    }
    fn slot(&mut self, _: usize) -> Slot<'_> {
        Slot::Json(&mut self.format)
    }
}

deserialize_with_record!(FormatProbe);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_string_is_quoted_with_what_would_hide_or_reorder_text_escaped() {
        let quoted = |text: &str| Escaped(text).to_string();
        assert_eq!(quoted("15"), "15");
        assert_eq!(quoted("Алматы \"ok\" \\"), "Алматы \\\"ok\\\" \\\\");
        assert_eq!(quoted("a\nb\tc\r\0\u{1b}[2J"), "a\\nb\\tc\\r\\0\\u{1b}[2J");
        assert_eq!(quoted("\u{202e}kz\u{200b}\u{feff}\u{2066}"), "\\u{202e}kz\\u{200b}\\u{feff}\\u{2066}");
        // The same as Rust's `Debug` (serde's quoting) for all of these.
        for text in ["15", "Алматы \"ok\" \\", "a\nb\tc\r\0\u{1b}[2J", "\u{202e}kz\u{200b}\u{feff}\u{2066}"] {
            assert_eq!(format!("\"{}\"", quoted(text)), format!("{text:?}"));
        }
    }
}
