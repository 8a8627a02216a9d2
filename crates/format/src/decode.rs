//! Decoding the bundle's types, with serde and serde_json, through one shared visitor.
//!
//! `#[derive(Deserialize)]` writes a visitor for every struct, and serde_json then
//! compiles a copy of its sequence and map reading for every `Vec` and struct of them:
//! for the ten types of the bundle, 7 KB gzipped more of the viewer's WebAssembly than
//! this. Here each type only lists its fields ([`Record`]), and one visitor fills any of
//! them, reading whatever value comes and saying itself what is wrong with it. It behaves
//! as the derived code does, error messages included: unknown fields are skipped, a
//! repeated field is a `duplicate field`, a field without a default is a `missing field`,
//! a value of the wrong type is `invalid type: string "15", expected u32`, and a struct may
//! be written as a JSON array of its fields in order (as serde allows), which the property
//! tests check against derived decoders. Two differences: a wrong string is quoted with
//! only what would hide or reorder text escaped (serde escapes as Rust's `Debug` does,
//! whose Unicode tables the viewer would carry for this alone), and an array or object
//! where something else belongs is reported where serde_json stopped reading, past its
//! bracket (`json_path::fault_offset` finds the bracket for the JSON path).

use crate::archive::{GramList, Manifest, ReleaseEntry, SearchShards, Shard};
use crate::model::{
    Bundle, ContentsEntry, CountryCount, CountryTopic, Event, Issue, Period, Publisher, Source, Summary,
};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Where a field's value goes, by kind.
enum Slot<'a> {
    Text(&'a mut String),
    MaybeText(&'a mut Option<String>),
    Count(&'a mut u32),
    MaybeCount(&'a mut Option<u32>),
    Year(&'a mut i32),
    Texts(&'a mut Vec<String>),
    Counts(&'a mut Vec<u32>),
    Record(&'a mut dyn Record),
    Records(&'a mut dyn Records),
    /// Any JSON value, kept as compact JSON text.
    Json(&'a mut String),
}

/// A struct of the bundle, as decoding sees it. Decoding starts from [`Record::blank`],
/// which holds each field's default (or a placeholder, for fields that must be present).
trait Record {
    /// The struct's name, as serde's messages give it (`struct Event`).
    fn name(&self) -> &'static str;
    /// The fields in declaration order, each with whether it may be left out.
    fn fields(&self) -> &'static [(&'static str, Presence)];
    /// Where the field at `index` of [`Record::fields`] goes.
    fn slot(&mut self, index: usize) -> Slot<'_>;
}

#[derive(Clone, Copy, PartialEq)]
enum Presence {
    Required,
    /// Left out, the field keeps the value [`Record::blank`] gave it.
    Defaulted,
}
use Presence::{Defaulted, Required};

/// A `Vec` of records, grown one element at a time.
trait Records {
    fn push_blank(&mut self) -> &mut dyn Record;
}

/// A struct that decoding can start from.
trait Blank: Record + Sized {
    fn blank() -> Self;
}

impl<T: Blank> Records for Vec<T> {
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
            Slot::Count(_) | Slot::MaybeCount(_) => "u32".into(),
            Slot::Year(_) => "i32".into(),
            Slot::Texts(_) | Slot::Counts(_) | Slot::Records(_) => "a sequence".into(),
            Slot::Record(record) => format!("struct {}", record.name()),
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
            Slot::Json(to) => *to = value.to_string(),
            other => return Err(other.wrong(format_args!("boolean `{value}`"))),
        }
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        self.number(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        self.number(value)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        // As serde_json writes a number it has read (JSON has no infinities or NaN).
        let written =
            serde_json::Number::from_f64(value).map_or_else(|| "null".to_owned(), |number| number.to_string());
        match self {
            Slot::Json(to) => *to = written,
            other => return Err(other.wrong(format_args!("floating point `{written}`"))),
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        match self {
            Slot::Text(to) => *to = value.to_owned(),
            Slot::MaybeText(to) => *to = Some(value.to_owned()),
            Slot::Json(to) => *to = json_string(value),
            other => return Err(other.wrong(format_args!("string \"{}\"", Escaped(value)))),
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        match self {
            Slot::MaybeText(to) => *to = None,
            Slot::MaybeCount(to) => *to = None,
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
            Slot::Records(records) => while seq.next_element_seed(Element(&mut *records))?.is_some() {},
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
fn decode<'de, T: Blank, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let mut record = T::blank();
    Slot::Record(&mut record).deserialize(deserializer)?;
    Ok(record)
}

/// The `Deserialize` impl of a record, through [`decode`].
macro_rules! deserialize_with_record {
    ($($record:ty),*) => {$(
        impl<'de> Deserialize<'de> for $record {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                decode(deserializer)
            }
        }
    )*};
}

deserialize_with_record!(
    FormatProbe,
    Bundle,
    Issue,
    Period,
    Publisher,
    Summary,
    CountryCount,
    CountryTopic,
    ContentsEntry,
    Event,
    Source,
    Manifest,
    ReleaseEntry,
    SearchShards,
    Shard,
    GramList
);

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

impl Blank for FormatProbe {
    fn blank() -> Self {
        FormatProbe { format: String::new() }
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

// ---- The bundle's types, field by field (declaration order, as serde reads arrays) ----

impl Blank for Bundle {
    fn blank() -> Self {
        Bundle { format: 0, issues: Vec::new() }
    }
}

impl Record for Bundle {
    fn name(&self) -> &'static str {
        "Bundle"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("format", Required), ("issues", Defaulted)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Count(&mut self.format),
            _ => Slot::Records(&mut self.issues),
        }
    }
}

impl Blank for Issue {
    fn blank() -> Self {
        Issue {
            number: 0,
            year: 0,
            lang: "en".to_owned(),
            period: Period::blank(),
            title: String::new(),
            subtitle: String::new(),
            place: String::new(),
            publisher: Publisher::default(),
            summary: Summary::default(),
            contents: Vec::new(),
            events: Vec::new(),
        }
    }
}

impl Record for Issue {
    fn name(&self) -> &'static str {
        "Issue"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[
            ("number", Required),
            ("year", Required),
            ("lang", Defaulted),
            ("period", Required),
            ("title", Required),
            ("subtitle", Defaulted),
            ("place", Defaulted),
            ("publisher", Defaulted),
            ("summary", Defaulted),
            ("contents", Defaulted),
            ("events", Defaulted),
        ]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Count(&mut self.number),
            1 => Slot::Year(&mut self.year),
            2 => Slot::Text(&mut self.lang),
            3 => Slot::Record(&mut self.period),
            4 => Slot::Text(&mut self.title),
            5 => Slot::Text(&mut self.subtitle),
            6 => Slot::Text(&mut self.place),
            7 => Slot::Record(&mut self.publisher),
            8 => Slot::Record(&mut self.summary),
            9 => Slot::Records(&mut self.contents),
            _ => Slot::Records(&mut self.events),
        }
    }
}

impl Blank for Period {
    fn blank() -> Self {
        Period { from: String::new(), to: String::new() }
    }
}

impl Record for Period {
    fn name(&self) -> &'static str {
        "Period"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("from", Required), ("to", Required)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Text(&mut self.from),
            _ => Slot::Text(&mut self.to),
        }
    }
}

impl Blank for Publisher {
    fn blank() -> Self {
        Publisher::default()
    }
}

impl Record for Publisher {
    fn name(&self) -> &'static str {
        "Publisher"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[
            ("name", Defaulted),
            ("address", Defaulted),
            ("phone", Defaulted),
            ("fax", Defaulted),
            ("email", Defaulted),
            ("website", Defaulted),
            ("imprint", Defaulted),
        ]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Text(&mut self.name),
            1 => Slot::Text(&mut self.address),
            2 => Slot::Text(&mut self.phone),
            3 => Slot::Text(&mut self.fax),
            4 => Slot::Text(&mut self.email),
            5 => Slot::Text(&mut self.website),
            _ => Slot::Texts(&mut self.imprint),
        }
    }
}

impl Blank for Summary {
    fn blank() -> Self {
        Summary::default()
    }
}

impl Record for Summary {
    fn name(&self) -> &'static str {
        "Summary"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("paragraphs", Defaulted), ("total", Defaulted), ("counts", Defaulted), ("topics", Defaulted)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Texts(&mut self.paragraphs),
            1 => Slot::MaybeCount(&mut self.total),
            2 => Slot::Records(&mut self.counts),
            _ => Slot::Records(&mut self.topics),
        }
    }
}

impl Blank for CountryCount {
    fn blank() -> Self {
        CountryCount { country: String::new(), label: String::new(), count: 0 }
    }
}

impl Record for CountryCount {
    fn name(&self) -> &'static str {
        "CountryCount"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("country", Required), ("label", Required), ("count", Required)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Text(&mut self.country),
            1 => Slot::Text(&mut self.label),
            _ => Slot::Count(&mut self.count),
        }
    }
}

impl Blank for CountryTopic {
    fn blank() -> Self {
        CountryTopic { country: String::new(), text: String::new() }
    }
}

impl Record for CountryTopic {
    fn name(&self) -> &'static str {
        "CountryTopic"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("country", Required), ("text", Required)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Text(&mut self.country),
            _ => Slot::Text(&mut self.text),
        }
    }
}

impl Blank for ContentsEntry {
    fn blank() -> Self {
        ContentsEntry { title: String::new(), country: None, page: None }
    }
}

impl Record for ContentsEntry {
    fn name(&self) -> &'static str {
        "ContentsEntry"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("title", Required), ("country", Defaulted), ("page", Defaulted)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Text(&mut self.title),
            1 => Slot::MaybeText(&mut self.country),
            _ => Slot::MaybeCount(&mut self.page),
        }
    }
}

impl Blank for Event {
    fn blank() -> Self {
        Event {
            id: String::new(),
            country: String::new(),
            title: String::new(),
            outlet: None,
            paragraphs: Vec::new(),
            sources: Vec::new(),
        }
    }
}

impl Record for Event {
    fn name(&self) -> &'static str {
        "Event"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[
            ("id", Required),
            ("country", Required),
            ("title", Required),
            ("outlet", Defaulted),
            ("paragraphs", Defaulted),
            ("sources", Defaulted),
        ]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Text(&mut self.id),
            1 => Slot::Text(&mut self.country),
            2 => Slot::Text(&mut self.title),
            3 => Slot::MaybeText(&mut self.outlet),
            4 => Slot::Texts(&mut self.paragraphs),
            _ => Slot::Records(&mut self.sources),
        }
    }
}

impl Blank for Source {
    fn blank() -> Self {
        Source { url: String::new() }
    }
}

impl Record for Source {
    fn name(&self) -> &'static str {
        "Source"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("url", Required)]
    }
    fn slot(&mut self, _: usize) -> Slot<'_> {
        Slot::Text(&mut self.url)
    }
}

// ---- A chunked archive's manifest and index shards (`core::archive`) ----

impl Blank for Manifest {
    fn blank() -> Self {
        Manifest { format: 0, releases: Vec::new(), search: SearchShards::blank(), older: None }
    }
}

impl Record for Manifest {
    fn name(&self) -> &'static str {
        "Manifest"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("format", Required), ("releases", Required), ("search", Required), ("older", Defaulted)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Count(&mut self.format),
            1 => Slot::Records(&mut self.releases),
            2 => Slot::Record(&mut self.search),
            _ => Slot::MaybeText(&mut self.older),
        }
    }
}

impl Blank for ReleaseEntry {
    fn blank() -> Self {
        ReleaseEntry {
            number: 0,
            year: 0,
            lang: String::new(),
            period: Period::blank(),
            file: String::new(),
            events: 0,
        }
    }
}

impl Record for ReleaseEntry {
    fn name(&self) -> &'static str {
        "ReleaseEntry"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[
            ("number", Required),
            ("year", Required),
            ("lang", Required),
            ("period", Required),
            ("file", Required),
            ("events", Required),
        ]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Count(&mut self.number),
            1 => Slot::Year(&mut self.year),
            2 => Slot::Text(&mut self.lang),
            3 => Slot::Record(&mut self.period),
            4 => Slot::Text(&mut self.file),
            _ => Slot::Count(&mut self.events),
        }
    }
}

impl Blank for SearchShards {
    fn blank() -> Self {
        SearchShards { shards: 0, files: String::new() }
    }
}

impl Record for SearchShards {
    fn name(&self) -> &'static str {
        "SearchShards"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("shards", Required), ("files", Required)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Count(&mut self.shards),
            _ => Slot::Text(&mut self.files),
        }
    }
}

impl Blank for Shard {
    fn blank() -> Self {
        Shard::default()
    }
}

impl Record for Shard {
    fn name(&self) -> &'static str {
        "Shard"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("format", Required), ("shard", Required), ("grams", Required)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Count(&mut self.format),
            1 => Slot::Count(&mut self.shard),
            _ => Slot::Records(&mut self.grams),
        }
    }
}

impl Blank for GramList {
    fn blank() -> Self {
        GramList::default()
    }
}

impl Record for GramList {
    fn name(&self) -> &'static str {
        "GramList"
    }
    fn fields(&self) -> &'static [(&'static str, Presence)] {
        &[("gram", Required), ("releases", Required)]
    }
    fn slot(&mut self, index: usize) -> Slot<'_> {
        match index {
            0 => Slot::Text(&mut self.gram),
            _ => Slot::Counts(&mut self.releases),
        }
    }
}

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

    #[test]
    fn wrong_values_are_named_as_serde_names_them() {
        let error = |json: &str| serde_json::from_str::<Period>(json).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"from": 1, "to": "b"}"#),
            "invalid type: integer `1`, expected a string at line 1 column 10"
        );
        // Inside the bracket, one column later than serde's typed readers say (see
        // `json_path::fault_offset`).
        assert_eq!(
            error(r#"{"from": [], "to": "b"}"#),
            "invalid type: sequence, expected a string at line 1 column 11"
        );
        assert_eq!(
            error(r#"{"from": 1.5}"#),
            "invalid type: floating point `1.5`, expected a string at line 1 column 12"
        );
        let error = |json: &str| serde_json::from_str::<ReleaseEntry>(json).unwrap_err().to_string();
        assert_eq!(error(r#"{"number": "15"}"#), "invalid type: string \"15\", expected u32 at line 1 column 15");
        assert_eq!(error(r#"{"number": -1}"#), "invalid value: integer `-1`, expected u32 at line 1 column 13");
        assert_eq!(
            error(r#"{"year": 3000000000}"#),
            "invalid value: integer `3000000000`, expected i32 at line 1 column 19"
        );
        assert_eq!(
            error(r#"{"period": true}"#),
            "invalid type: boolean `true`, expected struct Period at line 1 column 15"
        );
        assert_eq!(error(r#"{"lang": null}"#), "invalid type: null, expected a string at line 1 column 13");
        assert_eq!(error("[]"), "invalid length 0, expected struct ReleaseEntry with 6 elements at line 1 column 2");
    }
}
