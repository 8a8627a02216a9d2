//! Reading and writing bundle JSON, with errors that say where.

use crate::decode::FormatProbe;
use crate::json_path;
use crate::model::{Bundle, FORMAT_VERSION};
use thiserror::Error;

pub use crate::limits::MAX_BUNDLE_BYTES;

/// Why a bundle could not be read. Every variant says what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax { line: usize, column: usize, message: String },
    #[error("unsupported bundle format {found} at $.format: this viewer reads format {FORMAT_VERSION}")]
    UnsupportedFormat { found: String },
    #[error("{path}: {message}")]
    Shape { path: String, message: String },
    #[error("{path}: {message} (the viewer's limits keep a wrong file from freezing the page)")]
    OverLimit { path: String, message: String },
}

impl DecodeError {
    /// The JSON path at fault, when the error has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            DecodeError::Shape { path, .. } | DecodeError::OverLimit { path, .. } => Some(path),
            DecodeError::UnsupportedFormat { .. } => Some("$.format"),
            DecodeError::Syntax { .. } => None,
        }
    }
}

/// Parses bundle JSON. Unknown fields are ignored; an unsupported `format` is reported as
/// such even when the rest of the document has another shape.
pub fn parse_bundle(text: &str) -> Result<Bundle, DecodeError> {
    let bundle: Bundle = decode_object(text, "a bundle is a JSON object with \"format\" and \"issues\"")?;
    if bundle.format != FORMAT_VERSION {
        return Err(DecodeError::UnsupportedFormat { found: bundle.format.to_string() });
    }
    Ok(bundle)
}

/// Decodes a JSON document that must be an object (a bundle, an archive's manifest or
/// shard), with errors that say where: a document of another kind is refused as a whole,
/// one of another `format` says so first, and a value of the wrong shape is named by its
/// JSON path. `expected` says what the document should be, for the first case.
pub(crate) fn decode_object<T: serde::de::DeserializeOwned>(text: &str, expected: &str) -> Result<T, DecodeError> {
    // Only `T::deserialize` is written here: the rest is in functions of their own, so that
    // the three kinds of document share one copy of it.
    let text = object_text(text, expected)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    match T::deserialize(&mut deserializer) {
        Ok(value) => end_of_document(&mut deserializer).map(|()| value),
        Err(error) => Err(decode_failure(text, error)),
    }
}

/// The text of a document that may be an object, without a byte-order mark; for any other
/// kind of document, the error.
fn object_text<'a>(text: &'a str, expected: &str) -> Result<&'a str, DecodeError> {
    // Editors on Windows may save a byte-order mark; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde would read a struct from a JSON array too, and then complain about its
    // elements; a reader needs to hear that the whole document has the wrong kind.
    let kind = match text.trim_start().chars().next() {
        Some('[') => Some("an array"),
        Some('"') => Some("a string"),
        Some('0'..='9' | '-') => Some("a number"),
        Some('t' | 'f') => Some("a boolean"),
        Some('n') => Some("null"),
        _ => None,
    };
    match kind {
        Some(kind) => Err(DecodeError::Shape { path: "$".into(), message: format!("{expected}, not {kind}") }),
        None => Ok(text),
    }
}

/// Why a document could not be decoded: its other format if it has one (a document of
/// another format may legitimately have another shape: that is said first), else where
/// and what is wrong.
fn decode_failure(text: &str, error: serde_json::Error) -> DecodeError {
    if let Some(found) = probe_format(text) {
        if found != FORMAT_VERSION.to_string() {
            return DecodeError::UnsupportedFormat { found };
        }
    }
    describe(text, error)
}

/// Refuses anything but whitespace after the decoded value.
fn end_of_document(deserializer: &mut serde_json::Deserializer<serde_json::de::StrRead>) -> Result<(), DecodeError> {
    deserializer.end().map_err(|error| DecodeError::Syntax {
        line: error.line(),
        column: error.column(),
        message: strip_position(&error.to_string()),
    })
}

/// Parses bundle JSON and refuses one that exceeds the limits in [`crate::limits`]:
/// what the viewer opens.
pub fn parse_bundle_within_limits(text: &str) -> Result<Bundle, DecodeError> {
    if text.len() > MAX_BUNDLE_BYTES {
        return Err(DecodeError::OverLimit {
            path: "$".into(),
            message: format!("the bundle is {} bytes; the limit is {MAX_BUNDLE_BYTES}", text.len()),
        });
    }
    let bundle = parse_bundle(text)?;
    match crate::limits::over_limits(&bundle, 1).into_iter().next() {
        Some(over) => Err(DecodeError::OverLimit { path: over.path, message: over.message }),
        None => Ok(bundle),
    }
}

/// The `format` field of a document, if it is a JSON object that has one, written as
/// compact JSON (`2`, `"1"`, `1.5`, `null`).
pub(crate) fn probe_format(text: &str) -> Option<String> {
    serde_json::from_str::<FormatProbe>(text).ok().map(|probe| probe.format)
}

/// A decoding error as the reader sees it: where the text is not JSON, its line and
/// column; where it is JSON of the wrong shape, the JSON path of the value at fault.
fn describe(text: &str, error: serde_json::Error) -> DecodeError {
    let message = strip_position(&error.to_string());
    if error.is_data() {
        // Decoding stops right at (or just after) the value at fault: the path at that point
        // is the one serde reports, e.g. `$.issues[0].events[3].title`.
        let at = json_path::fault_offset(text, &message, json_path::offset_of(text, error.line(), error.column()));
        let path = json_path::path_at(text, at);
        return DecodeError::Shape { path, message };
    }
    DecodeError::Syntax { line: error.line(), column: error.column(), message }
}

/// serde_json appends " at line L column C"; the path already says where.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Serialises a bundle as the importer writes it: pretty, with a trailing newline, so
/// that committed bundles diff line by line.
pub fn to_json(bundle: &Bundle) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut json = serde_json::to_string_pretty(bundle).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_bundle_round_trips() {
        let bundle = Bundle::default();
        assert_eq!(parse_bundle(&to_json(&bundle)), Ok(bundle));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let bundle = parse_bundle(r#"{"format":1,"issues":[],"future":{"x":1}}"#).unwrap();
        assert!(bundle.issues.is_empty());
    }

    #[test]
    fn unsupported_format_is_named() {
        let error = parse_bundle(r#"{"format":2,"releases":{}}"#).unwrap_err();
        assert_eq!(error, DecodeError::UnsupportedFormat { found: "2".into() });
        assert!(error.to_string().contains("$.format"));
    }

    #[test]
    fn the_format_probe_writes_a_value_as_serde_json_does() {
        let values = [
            "1",
            "0",
            "-0",
            "-15",
            "18446744073709551615",
            "-9223372036854775808",
            "99999999999999999999",
            "1.5",
            "-0.0",
            "1e16",
            "1e15",
            "1e-5",
            "1e-7",
            "0.1",
            "2.5E+3",
            "123456789.123456789",
            "true",
            "false",
            "null",
            r#""1""#,
            r#""\u0000\t\"\\ ж \ud83d\ude00 \u001f""#,
            "[]",
            "{}",
            r#"[1, "a", [null, {}], 2.0]"#,
            r#"{"b": 1, "a": [2], "b": {"d": 3, "c": 4}, "": "e"}"#,
        ];
        for value in values {
            let text = format!(r#"{{"x": 0, "format": {value}, "issues": 7}}"#);
            let expected = serde_json::from_str::<serde_json::Value>(value).unwrap().to_string();
            assert_eq!(probe_format(&text), Some(expected), "{value}");
        }
        assert_eq!(probe_format(r#"{"format": 1, "format": 2}"#), None);
        assert_eq!(probe_format(r#"{"issues": []}"#), None);
        assert_eq!(probe_format(&format!(r#"{{"format": {}1{}}}"#, "[".repeat(200), "]".repeat(200))), None);
    }

    #[test]
    fn wrong_type_names_the_json_path() {
        let text = r#"{"format":1,"issues":[{"number":15,"year":2025,"period":{"from":"2025-08-01","to":"2025-08-15"},"title":"t","events":[{"id":"a","country":"kz","title":7}]}]}"#;
        let error = parse_bundle(text).unwrap_err();
        assert_eq!(error.path(), Some("$.issues[0].events[0].title"), "{error}");
    }

    /// A bundle of one event with `sources`, as JSON.
    fn with_sources(sources: &str) -> String {
        format!(
            r#"{{"format":1,"issues":[{{"number":15,"year":2025,"period":{{"from":"2025-08-01","to":"2025-08-15"}},"title":"t","events":[{{"id":"a","country":"ru","title":"t","sources":{sources}}}]}}]}}"#
        )
    }

    #[test]
    fn a_broken_source_and_its_correction_round_trip_and_are_written_only_when_present() {
        let text = with_sources(
            r#"[{"url":"https://xn--blaww.xn--plai/1","broken":true,"corrected":"https://xn--b1aew.xn--p1ai/1"},{"url":"https://a.kz/"}]"#,
        );
        let bundle = parse_bundle(&text).unwrap();
        let sources = &bundle.issues[0].events[0].sources;
        assert!(sources[0].broken);
        assert_eq!(sources[0].corrected.as_ref().map(|url| url.as_str()), Some("https://xn--b1aew.xn--p1ai/1"));
        assert_eq!(sources[1], crate::model::Source::printed("https://a.kz/"));
        let written = to_json(&bundle);
        assert_eq!(written.matches("\"broken\"").count(), 1, "{written}");
        assert_eq!(written.matches("\"corrected\"").count(), 1, "{written}");
        assert_eq!(parse_bundle(&written), Ok(bundle));
        // A null correction is none, as for the other optional fields.
        let none = parse_bundle(&with_sources(r#"[{"url":"https://a.kz/","broken":true,"corrected":null}]"#)).unwrap();
        assert_eq!(none.issues[0].events[0].sources[0].corrected, None);
    }

    #[test]
    fn a_correction_that_is_not_an_http_url_is_refused_with_its_path() {
        // Readers link a correction as it is, so the decoder lets through only what they may link.
        for corrected in ["javascript:alert(1)", "www.caricc.org", "https:///nohost", "https://a.kz/ x", ""] {
            let text = with_sources(&format!(r#"[{{"url":"https://a/","broken":true,"corrected":"{corrected}"}}]"#));
            let error = parse_bundle(&text).unwrap_err();
            assert_eq!(error.path(), Some("$.issues[0].events[0].sources[0].corrected"), "{corrected}: {error}");
            assert_eq!(
                error.to_string(),
                format!(
                    "$.issues[0].events[0].sources[0].corrected: invalid value: string \"{corrected}\", expected an http(s) URL"
                )
            );
        }
        let error = parse_bundle(&with_sources(r#"[{"url":"https://a/","broken":"yes"}]"#)).unwrap_err();
        assert_eq!(error.path(), Some("$.issues[0].events[0].sources[0].broken"), "{error}");
        assert!(error.to_string().ends_with("invalid type: string \"yes\", expected a boolean"), "{error}");
        let error = parse_bundle(&with_sources(r#"[{"url":"https://a/","corrected":7}]"#)).unwrap_err();
        assert!(error.to_string().ends_with("invalid type: integer `7`, expected an http(s) URL"), "{error}");
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let error = parse_bundle("{\"format\":1,\n\"issues\": [,]}").unwrap_err();
        assert!(matches!(error, DecodeError::Syntax { line: 2, .. }), "{error}");
    }

    #[test]
    fn a_document_of_another_kind_is_named() {
        let error = parse_bundle(" [1, 2]").unwrap_err();
        assert_eq!(error.to_string(), "$: a bundle is a JSON object with \"format\" and \"issues\", not an array");
        assert_eq!(parse_bundle("null").unwrap_err().path(), Some("$"));
    }

    #[test]
    fn what_the_viewer_opens_is_within_limits() {
        let title = "x".repeat(crate::limits::MAX_SHORT_TEXT + 1);
        let text = format!(
            r#"{{"format":1,"issues":[{{"number":1,"year":2025,"period":{{"from":"2025-01-01","to":"2025-01-15"}},"title":"{title}"}}]}}"#
        );
        assert!(parse_bundle(&text).is_ok());
        let error = parse_bundle_within_limits(&text).unwrap_err();
        assert_eq!(error.path(), Some("$.issues[0].title"));
        assert!(error.to_string().contains("the title is 2001 characters long; the limit is 2000"), "{error}");
    }

    #[test]
    fn deep_nesting_and_duplicate_keys_are_refused_with_a_position() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(parse_bundle(&deep), Err(DecodeError::Shape { .. })));
        // Deep nesting where a value is expected hits serde_json's recursion limit…
        let nested = format!(r#"{{"format":1,"issues":[{{"number":{}1{}}}]}}"#, "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse_bundle(&nested).is_err());
        // …and in an unknown field it is skipped without recursing: no stack to overflow.
        let ignored = format!(r#"{{"format":1,"issues":[],"x":{}1{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_bundle(&ignored).is_ok());
        let duplicated = parse_bundle(r#"{"format":1,"format":1,"issues":[]}"#).unwrap_err();
        assert!(duplicated.to_string().contains("duplicate field `format`"), "{duplicated}");
    }

    #[test]
    fn trailing_garbage_is_rejected() {
        assert!(parse_bundle(r#"{"format":1,"issues":[]} x"#).is_err());
    }
}
