//! The adversarial corpus (`tests/corpus`) as a table: each release and bundle with the
//! outcome it must have, read by the importer's tests and by the CLI's, which run the
//! `caricc` binary on the same files.
#![allow(dead_code)] // each test binary uses a part

use caricc_format::model::Bundle;
use caricc_import::import::{decode_release_bytes, import_release, Import, ImportError, ImportOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn corpus(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus").join(dir)
}

/// File names in a corpus folder with this extension, sorted.
pub fn files(dir: &str, extension: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus(dir))
        .unwrap_or_else(|e| panic!("tests/corpus/{dir}: {e}"))
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(extension))
        .collect();
    names.sort();
    names
}

/// What importing a corpus release must give.
pub enum Expected {
    /// `decode_release_bytes` or `import_release` refuses it with exactly this message.
    Refused(&'static str),
    /// It imports with this many events and these unplaced lines, and `check_bundle` then
    /// reports errors at exactly these paths (the CLI refuses to write such a bundle).
    Imported { events: usize, unplaced: &'static [usize], check_errors: &'static [&'static str] },
}

pub const RELEASES: &[(&str, Expected)] = &[
    // Its third title is a zero-width space alone: shown as nothing, so an empty title.
    (
        "bidi-and-invisible.txt",
        Expected::Imported { events: 3, unplaced: &[], check_errors: &["$.issues[0].events[2].title"] },
    ),
    (
        "empty-after-markup.txt",
        Expected::Imported { events: 1, unplaced: &[], check_errors: &["$.issues[0].events[0].title"] },
    ),
    ("hostile-sources.txt", Expected::Imported { events: 2, unplaced: &[], check_errors: &[] }),
    ("html-in-every-position.txt", Expected::Imported { events: 2, unplaced: &[], check_errors: &[] }),
    (
        "not-a-release.txt",
        Expected::Refused(
            "not a release text: no release number (like “#15”), no period (like “1-15.08.2025”) (read 5 lines)",
        ),
    ),
    ("truncated.txt", Expected::Imported { events: 1, unplaced: &[], check_errors: &[] }),
    ("unplaceable.txt", Expected::Imported { events: 1, unplaced: &[7, 12, 16, 18, 22, 24], check_errors: &[] }),
];

pub fn read_release(name: &str) -> Vec<u8> {
    std::fs::read(corpus("releases").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Decodes and imports release bytes as the CLI does.
pub fn import_bytes(bytes: &[u8]) -> Result<Import, ImportError> {
    import_release(decode_release_bytes(bytes)?, &ImportOptions::default())
}

pub fn import_corpus_release(name: &str) -> Import {
    import_bytes(&read_release(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The imported release as the one release of a bundle, as `caricc import` writes it.
pub fn bundle_of(import: &Import) -> Bundle {
    Bundle { issues: vec![import.issue.clone()], ..Bundle::default() }
}

/// Release texts that are not text: (what, bytes, the refusal's message).
pub fn binary_releases() -> Vec<(&'static str, Vec<u8>, String)> {
    let good = read_release("hostile-sources.txt");
    let at_line = |line: usize, insert: &[u8]| -> (Vec<u8>, usize) {
        let offset = good.split_inclusive(|&b| b == b'\n').take(line - 1).map(<[u8]>::len).sum::<usize>() + 3;
        let mut bytes = good.clone();
        bytes.splice(offset..offset, insert.iter().copied());
        (bytes, offset)
    };
    let invalid = |line: usize, offset: usize| {
        format!("line {line}: not text: byte {offset} is not valid UTF-8 (release texts are UTF-8)")
    };
    let control = |line: usize, code: &str| format!("line {line}: not text: control character U+{code}");
    let mut cases = Vec::new();
    for (what, line, insert) in [
        ("a byte 0xFF", 5, &b"\xff"[..]),
        ("an overlong encoding of '/'", 9, b"\xc0\xaf"),
        ("an encoded UTF-16 surrogate", 11, b"\xed\xa0\x80"),
    ] {
        let (bytes, offset) = at_line(line, insert);
        cases.push((what, bytes, invalid(line, offset)));
    }
    for (what, line, insert, code) in [
        ("a NUL", 3, &b"\x00"[..], "0000"),
        ("a terminal escape sequence", 13, b"\x1b[2J", "001B"),
        ("a C1 control (CSI)", 15, "\u{9b}".as_bytes(), "009B"),
        ("a backspace", 17, b"\x08", "0008"),
    ] {
        cases.push((what, at_line(line, insert).0, control(line, code)));
    }
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(String::from_utf8(good.clone()).unwrap().encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    cases.push(("UTF-16 with a byte-order mark", utf16, invalid(1, 0)));
    let mut cut = "# ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ\n\n#16\n\nЖ".as_bytes().to_vec();
    cut.pop();
    cases.push(("cut inside a Cyrillic letter", cut.clone(), invalid(5, cut.len() - 1)));
    cases.push(("a PNG image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(), invalid(1, 0)));
    cases.push(("a gzip stream", b"\x1f\x8b\x08\x00\x00\x00\x00\x00".to_vec(), invalid(1, 1)));
    cases
}

/// One row of `tests/corpus/expected-bundles.json`: either the decoding error (its whole
/// message, and its JSON path or its line and column) or every problem `check_bundle` reports.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedBundle {
    pub error: Option<String>,
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub problems: Option<Vec<String>>,
}

pub fn expected_bundles() -> BTreeMap<String, ExpectedBundle> {
    let text = std::fs::read_to_string(corpus("expected-bundles.json")).unwrap();
    serde_json::from_str(&text).expect("tests/corpus/expected-bundles.json")
}

pub fn read_bundle(name: &str) -> String {
    std::fs::read_to_string(corpus("bundles").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}
