//! Property tests and bounded fuzzing: whatever text, JSON, query or URL arrives, the core
//! answers with a value or an error, never a panic, and the importer accounts for every
//! non-blank line.
//!
//! Each target runs `FUZZ_CASES` cases (default 2,000) in the test command; run longer on
//! demand with e.g. `FUZZ_CASES=200000 cargo test --release --features cli --test properties`.
//! A failing case is shrunk and its seed saved by proptest in `tests/properties.proptest-regressions`,
//! which is committed, so every crash found stays a regression test.

use caricc_format::archive::{parse_manifest, parse_shard, shard_file, Postings};
use caricc_format::bundle::{parse_bundle, to_json};
use caricc_format::json_path::{fault_offset, offset_of, path_at};
use caricc_format::model::{Bundle, Event};
use caricc_format::text::{display_host, strip_markup};
use caricc_import::check::check_bundle;
use caricc_import::import::{decode_release_bytes, import_release, ImportOptions};
use caricc_search::index::{shard_of, split, IndexQuery};
use caricc_search::search::{highlight, searchable_text, Query, SearchIndex};
use caricc_search::trigram::{Signature, SignatureFilter};
use caricc_view::route::Route;
use caricc_view::view::release_view;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn sample() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/releases/information-release-2025-15.txt"
    ))
    .unwrap()
}

/// Lines that look like release text, so that generated inputs reach deep into the importer.
fn release_like_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("## REPUBLIC OF KAZAKHSTAN".to_owned()),
        Just("RUSSIAN FEDERATION".to_owned()),
        Just("**TOPNEWS.KG****TITLE  ".to_owned()),
        Just("TITLE CONTINUED**".to_owned()),
        Just("## CONTENTS".to_owned()),
        Just("<i>KYRGYZ PEPUBLIC</i> .....\t6".to_owned()),
        Just("#15".to_owned()),
        Just("1-15.08.2025".to_owned()),
        Just("«Information Release», #15, 2025".to_owned()),
        Just("tel.: +7 727".to_owned()),
        Just("covered 10 events (*Azerbaijan -1, Russia – 4*).".to_owned()),
        Just("<https://xn--b1aew.xn--plai/news>".to_owned()),
        Just("<javascript:alert(1)>".to_owned()),
        "[a-zA-Zа-яА-Я0-9 .,*#<>()«»“”–-]{0,60}",
        any::<String>(),
    ]
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000)
}

fn embedded_bundle() -> caricc_format::model::Bundle {
    parse_bundle(include_str!("../../../static/bundle.json")).unwrap()
}

/// The embedded bundle's manifest and shard files (`caricc split` of it), made once.
fn embedded_index_files() -> &'static [(String, String)] {
    static FILES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        split(&embedded_bundle(), Some(1))
            .files()
            .into_iter()
            .filter(|(name, _)| !name.starts_with("releases/"))
            .collect()
    })
}

/// Edits to a JSON text: at a place, insert a few JSON-ish characters over up to three.
type Edit = (prop::sample::Index, String, usize);

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec((any::<prop::sample::Index>(), "[\\[\\]{}\",:0-9a-z\\\\ ]{0,3}", 0usize..4), 1..8)
}

fn mangle(text: &mut String, edits: &[Edit]) {
    for (index, insert, remove) in edits {
        let mut at = index.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + remove).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.replace_range(at..end.max(at), insert);
    }
}

/// Words that search folds, transliterates or reads past: both scripts, `ё`, case, signs
/// dropped in spellings, invisible characters, punctuation inside words.
const SEARCH_WORDS: &[&str] = &[
    "police",
    "Полиция",
    "politsiya",
    "Алматы",
    "Almaty",
    "ALMATY",
    "ёлка",
    "елка",
    "yolka",
    "гашиш",
    "gashish",
    "Бишкек",
    "Bishkek",
    "мвд.рф",
    "heroin",
    "her\u{200b}oin",
    "KG",
    "drug",
    "других",
    "Объект",
    "obekt",
    "съезд",
    "sezd",
    "Қазақстан",
    "kazakhstan",
    "Ташкент",
    "Tashkent",
    "дж",
    "джамп",
    "jump",
    "x",
    "кс",
    "Ы",
    "ий",
    "2025",
];

/// Text of an event: words search treats specially, release-like lines, or anything at all.
fn event_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::collection::vec(prop::sample::select(SEARCH_WORDS), 0..12).prop_map(|words| words.join(" ")),
        1 => release_like_line(),
        1 => any::<String>(),
    ]
}

/// A bundle of 1–4 releases (English or Russian) of 0–4 events each, built on the embedded
/// release, with generated titles, outlets and paragraphs.
fn small_bundle() -> impl Strategy<Value = Bundle> {
    let event = (event_text(), proptest::option::of(event_text()), proptest::collection::vec(event_text(), 0..3));
    let release = (any::<bool>(), proptest::collection::vec(event, 0..5));
    proptest::collection::vec(release, 1..5).prop_map(|releases| {
        static BASE: std::sync::OnceLock<Bundle> = std::sync::OnceLock::new();
        let base = &BASE.get_or_init(embedded_bundle).issues[0];
        let issues = releases
            .into_iter()
            .enumerate()
            .map(|(index, (russian, events))| {
                let number = index as u32 + 1;
                let events = events
                    .into_iter()
                    .enumerate()
                    .map(|(at, (title, outlet, paragraphs))| Event {
                        id: format!("2025-{number}-kz-{}", at + 1),
                        country: "kz".into(),
                        title,
                        outlet,
                        paragraphs,
                        sources: Vec::new(),
                        facts: None,
                    })
                    .collect();
                let lang = if russian { "ru" } else { "en" }.to_owned();
                caricc_format::model::Issue { number, lang, events, ..base.clone() }
            })
            .collect();
        Bundle { format: 1, issues }
    })
}

/// A query: search words, a piece of the bundle's own text (chosen in the test), or anything.
fn index_query() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => proptest::collection::vec(prop::sample::select(SEARCH_WORDS), 1..4).prop_map(|words| words.join(" ")),
        1 => "[a-zа-яё .-]{0,12}",
        1 => any::<String>(),
    ]
}

/// `length` characters of the bundle's event text from `at`: a query that occurs in it.
fn piece_of(bundle: &Bundle, at: prop::sample::Index, length: usize) -> String {
    let text: Vec<char> = bundle
        .issues
        .iter()
        .flat_map(|issue| &issue.events)
        .flat_map(|event| std::iter::once(&event.title).chain(&event.outlet).chain(&event.paragraphs))
        .flat_map(|text| text.chars().chain(['\n']))
        .collect();
    if text.is_empty() {
        return String::new();
    }
    let start = at.index(text.len());
    text[start..(start + length).min(text.len())].iter().collect()
}

/// The embedded bundle with each edit applied in turn.
fn mangled_bundle(edits: Vec<Edit>) -> String {
    let mut text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/bundle.json")).unwrap();
    mangle(&mut text, &edits);
    text
}

/// Pieces of JSON that, put in the wrong place, give a bundle of the wrong shape more often
/// than broken JSON: values of every kind, members, known and unknown keys.
fn json_snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1".to_owned()),
        Just("-7".to_owned()),
        Just("2.5".to_owned()),
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just(r#""x""#.to_owned()),
        Just("[]".to_owned()),
        Just("{}".to_owned()),
        Just(r#"[1,"a"]"#.to_owned()),
        Just(r#"{"a":[{}]}"#.to_owned()),
        Just(r#""title":1,"#.to_owned()),
        Just(r#""id":"x","#.to_owned()),
        Just(r#""ti\u0074le":"#.to_owned()),
        Just(r#""unknown":{"a":[1,{"b":"]"}]},"#.to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just(" \n ".to_owned()),
    ]
}

/// The embedded bundle as JSON that is valid but often of the wrong shape: for each edit,
/// one value anywhere in it replaced by a snippet (0), or an object's member removed (1),
/// added under an unknown key (2), or the object written as an array of its values (3). Written pretty or compact, so that errors fall on many lines or one.
fn reshaped_bundle(edits: Vec<(prop::sample::Index, usize, String)>, pretty: bool) -> String {
    use serde_json::Value;
    let mut bundle: Value = serde_json::from_str(include_str!("../../../static/bundle.json")).unwrap();
    for (index, edit, snippet) in edits {
        let count = count_values(&bundle);
        let Some(value) = nth_value(&mut bundle, index.index(count)) else { continue };
        let snippet: Value = serde_json::from_str(&snippet).unwrap_or(Value::Null);
        match (edit, value) {
            (1, Value::Object(members)) if !members.is_empty() => {
                let key = members.keys().nth(index.index(members.len())).cloned().unwrap();
                members.remove(&key);
            }
            (2, Value::Object(members)) => {
                members.insert("unknown".to_owned(), snippet);
            }
            (3, value @ Value::Object(_)) => {
                // A struct written as an array of (some of) its fields' values, as serde allows.
                let Value::Object(members) = std::mem::take(value) else { unreachable!() };
                let kept = index.index(members.len() + 1);
                *value = Value::Array(members.into_iter().map(|(_, member)| member).take(kept).collect());
            }
            (_, value) => *value = snippet,
        }
    }
    if pretty {
        serde_json::to_string_pretty(&bundle).unwrap()
    } else {
        bundle.to_string()
    }
}

/// How many values a JSON value holds, itself included.
fn count_values(value: &serde_json::Value) -> usize {
    1 + match value {
        serde_json::Value::Array(items) => items.iter().map(count_values).sum(),
        serde_json::Value::Object(members) => members.values().map(count_values).sum(),
        _ => 0,
    }
}

/// The `n`th value of a JSON value in document order, itself being the 0th.
fn nth_value(value: &mut serde_json::Value, n: usize) -> Option<&mut serde_json::Value> {
    if n == 0 {
        return Some(value);
    }
    let mut skipped = 1;
    let children: Vec<&mut serde_json::Value> = match value {
        serde_json::Value::Array(items) => items.iter_mut().collect(),
        serde_json::Value::Object(members) => members.values_mut().collect(),
        _ => return None,
    };
    for child in children {
        let size = count_values(child);
        if n < skipped + size {
            return nth_value(child, n - skipped);
        }
        skipped += size;
    }
    None
}

/// The JSON path serde_path_to_error tracks for a bundle of the wrong shape, decoded with
/// serde's derived decoders (as the viewer did before its own scanner and decoding
/// replaced them), or `None` for any other outcome.
fn tracked_path(text: &str) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let error = serde_path_to_error::deserialize::<_, derived::Bundle>(&mut deserializer).err()?;
    if !error.inner().is_data() {
        return None;
    }
    let mut path = String::from("$");
    for segment in error.path().iter() {
        match segment {
            Segment::Seq { index } => path.push_str(&format!("[{index}]")),
            Segment::Map { key } => path.push_str(&format!(".{key}")),
            Segment::Enum { variant } => path.push_str(&format!(".{variant}")),
            Segment::Unknown => path.push_str(".?"),
        }
    }
    Some(path)
}

/// The path the viewer's scanner finds at the position of the decoding error, if it is one
/// of the wrong shape.
fn scanned_path(text: &str) -> Option<String> {
    let error = serde_json::from_str::<Bundle>(text).err()?;
    let at = fault_offset(text, &error.to_string(), offset_of(text, error.line(), error.column()));
    error.is_data().then(|| path_at(text, at))
}

/// The bundle's types with serde's derived decoders: what the viewer's own decoding
/// (core::decode) must behave exactly like, results and error messages alike.
mod derived {
    // Read only through their Debug form, which the dead-code lint does not count.
    #![allow(dead_code)]

    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    pub struct Bundle {
        pub format: u32,
        #[serde(default)]
        pub issues: Vec<Issue>,
    }

    #[derive(Debug, Deserialize)]
    pub struct Issue {
        pub number: u32,
        pub year: i32,
        #[serde(default = "default_lang")]
        pub lang: String,
        pub period: Period,
        pub title: String,
        #[serde(default)]
        pub subtitle: String,
        #[serde(default)]
        pub place: String,
        #[serde(default)]
        pub publisher: Publisher,
        #[serde(default)]
        pub summary: Summary,
        #[serde(default)]
        pub contents: Vec<ContentsEntry>,
        #[serde(default)]
        pub events: Vec<Event>,
    }

    fn default_lang() -> String {
        "en".to_owned()
    }

    #[derive(Debug, Deserialize)]
    pub struct Period {
        pub from: String,
        pub to: String,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct Publisher {
        #[serde(default)]
        pub name: String,
        #[serde(default)]
        pub address: String,
        #[serde(default)]
        pub phone: String,
        #[serde(default)]
        pub fax: String,
        #[serde(default)]
        pub email: String,
        #[serde(default)]
        pub website: String,
        #[serde(default)]
        pub imprint: Vec<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct Summary {
        #[serde(default)]
        pub paragraphs: Vec<String>,
        #[serde(default)]
        pub total: Option<u32>,
        #[serde(default)]
        pub counts: Vec<CountryCount>,
        #[serde(default)]
        pub topics: Vec<CountryTopic>,
    }

    #[derive(Debug, Deserialize)]
    pub struct CountryCount {
        pub country: String,
        pub label: String,
        pub count: u32,
    }

    #[derive(Debug, Deserialize)]
    pub struct CountryTopic {
        pub country: String,
        pub text: String,
    }

    #[derive(Debug, Deserialize)]
    pub struct ContentsEntry {
        pub title: String,
        #[serde(default)]
        pub country: Option<String>,
        #[serde(default)]
        pub page: Option<u32>,
    }

    #[derive(Debug, Deserialize)]
    pub struct Event {
        pub id: String,
        pub country: String,
        pub title: String,
        #[serde(default)]
        pub outlet: Option<String>,
        #[serde(default)]
        pub paragraphs: Vec<String>,
        #[serde(default)]
        pub sources: Vec<Source>,
        #[serde(default)]
        pub facts: Option<Facts>,
    }

    #[derive(Debug, Deserialize)]
    pub struct Facts {
        #[serde(default)]
        pub drugs: Vec<DrugFact>,
        #[serde(default)]
        pub quantities: Vec<QuantityFact>,
        #[serde(default)]
        pub kinds: Vec<KindFact>,
    }

    #[derive(Debug, Deserialize)]
    pub struct Place {
        #[serde(default)]
        pub p: Option<u32>,
        pub from: u32,
        pub to: u32,
    }

    #[derive(Debug, Deserialize)]
    pub struct DrugFact {
        pub drug: String,
        pub at: Place,
    }

    #[derive(Debug, Deserialize)]
    pub struct QuantityFact {
        #[serde(default)]
        pub amount: Option<f64>,
        #[serde(default)]
        pub readings: Vec<f64>,
        #[serde(default)]
        pub to: Option<f64>,
        pub unit: String,
        #[serde(default)]
        pub drug: Option<String>,
        #[serde(default)]
        pub approximate: bool,
        pub at: Place,
    }

    #[derive(Debug, Deserialize)]
    pub struct KindFact {
        pub kind: String,
        pub at: Place,
    }

    #[derive(Debug, Deserialize)]
    pub struct Source {
        pub url: String,
        #[serde(default)]
        pub broken: bool,
        #[serde(default)]
        pub corrected: Option<WebUrl>,
    }

    /// What serde would write for a field that refuses strings other than http(s) URLs.
    #[derive(Debug)]
    pub struct WebUrl(String);

    impl<'de> Deserialize<'de> for WebUrl {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Url;
            impl serde::de::Visitor<'_> for Url {
                type Value = WebUrl;
                fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                    formatter.write_str("an http(s) URL")
                }
                fn visit_str<E: serde::de::Error>(self, url: &str) -> Result<WebUrl, E> {
                    match caricc_format::text::is_web_url(url) {
                        true => Ok(WebUrl(url.to_owned())),
                        false => Err(E::invalid_value(serde::de::Unexpected::Str(url), &self)),
                    }
                }
            }
            deserializer.deserialize_str(Url)
        }
    }
}

/// What decoding `text` gives, as text: the bundle (its Debug form: the mirror's types have
/// the same names and fields) or the error message with its position.
/// Two differences are allowed, as the viewer reads any value and then says what is wrong
/// with it: an array or object in the wrong place is reported further on, where serde_json
/// stopped reading (`fault_offset` finds the bracket again, for the JSON path and here), and
/// a wrong string is quoted with fewer escapes (`core::decode::Escaped`, tested there), so
/// quoted strings are compared as `"…"`.
fn decoded_by_viewer(text: &str) -> Result<String, String> {
    serde_json::from_str::<Bundle>(text).map(|bundle| format!("{bundle:?}")).map_err(|error| {
        let message = error.to_string();
        let reported = offset_of(text, error.line(), error.column());
        let at = fault_offset(text, &message, reported);
        let message = match message.rsplit_once(" at line ") {
            // At a bracket, so on a character's boundary.
            Some((head, _)) if at != reported => {
                let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
                let line = text[..at].matches('\n').count() + 1;
                format!("{head} at line {line} column {}", at - line_start)
            }
            _ => message,
        };
        without_quoted_string(&message)
    })
}

fn decoded_by_derive(text: &str) -> Result<String, String> {
    serde_json::from_str::<derived::Bundle>(text)
        .map(|bundle| format!("{bundle:?}"))
        .map_err(|error| without_quoted_string(&error.to_string()))
}

/// `invalid type: string "…", expected …` (or `invalid value`), whatever the string.
fn without_quoted_string(message: &str) -> String {
    for kind in ["invalid type", "invalid value"] {
        let prefix = format!("{kind}: string \"");
        if let (Some(_), Some(end)) = (message.strip_prefix(&prefix), message.rfind("\", expected ")) {
            return format!("{prefix}…{}", &message[end..]);
        }
    }
    message.to_owned()
}

#[test]
fn the_viewers_decoding_is_serdes_on_the_corpus_and_on_structs_written_as_arrays() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/bundles");
    let mut texts: Vec<String> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default())
        .collect();
    texts.push(include_str!("../../../static/bundle.json").to_owned());
    let release = |issue: &str| format!(r#"{{"format": 1, "issues": [{issue}]}}"#);
    for issue in [
        r#"[15, 2025, "ru", ["2025-08-01", "2025-08-15"], "t"]"#,
        r#"[15, 2025, "ru", ["2025-08-01"], "t"]"#,
        r#"[15, 2025]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "s", "p", [], {}, [["c"]], [["id", "kz", "t", null, ["p"], [["u"]]]]]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", ["n"], [[], 3, [["kz", "K", 1]], [["kz"]]]]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", {}, {}, [], [{"id": "a", "country": "kz", "title": "t", "sources": [[]]}]]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", {}, {}, [], [], "extra"]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", {}, {}, [], [["i", "kz", "t", null, [], [["https://a.kz/", true, "https://b.kz/x"], {"url": "u", "corrected": null, "broken": false}]]]]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", {}, {}, [], [["i", "kz", "t", null, [], [{"url": "u", "broken": true, "corrected": "javascript:alert(\"x\")"}]]]]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", {}, {}, [], [["i", "kz", "t", null, [], [["u", "yes"]]]]]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", {}, {}, [], [["i", "kz", "t", null, [], [["u", true, 7]]]]]"#,
        r#"[15, 2025, "en", {"from": "a", "to": "b"}, "t", "", "", {}, {}, [], [["i", "kz", "t", null, [], [["u", null, ["https://b.kz/"]]]]]]"#,
        r#"{"number": 1, "year": 2, "period": {"from": "a", "to": "b", "from": "c"}, "title": "t"}"#,
        r#"{"number": 1, "year": 2, "period": {"from": "a"}, "title": "t"}"#,
        r#"{"number": 1, "year": 2, "period": {"to": "b", "from": "a"}, "title": "t", "events": [{"id": 1}]}"#,
    ] {
        texts.push(release(issue));
    }
    texts.push(r#"[1, [[15, 2025, "en", ["a", "b"], "t"]]]"#.to_owned());
    texts.push(r#"[]"#.to_owned());
    for text in &texts {
        assert_eq!(decoded_by_viewer(text), decoded_by_derive(text), "{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn import_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = import_release(&text, &ImportOptions::default());
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(text) = decode_release_bytes(&bytes) {
            let _ = import_release(text, &ImportOptions::default());
        }
    }

    #[test]
    fn every_non_blank_line_is_placed_exactly_once(lines in proptest::collection::vec(release_like_line(), 0..60)) {
        let text = lines.join("\n");
        if let Ok(import) = import_release(&text, &ImportOptions::default()) {
            let non_blank: Vec<usize> = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i + 1).collect();
            let placed: Vec<usize> = import.report.placements.iter().map(|p| p.line).collect();
            prop_assert_eq!(placed, non_blank);
            // Whatever was imported must be a bundle the checker can read back.
            let bundle = caricc_format::model::Bundle { format: 1, issues: vec![import.issue] };
            let again = parse_bundle(&to_json(&bundle));
            prop_assert_eq!(again.as_ref(), Ok(&bundle));
            let _ = check_bundle(&bundle);
        }
    }

    #[test]
    fn import_never_panics_on_a_mangled_sample(cuts in proptest::collection::vec((0usize..300, 0usize..4, release_like_line()), 1..20)) {
        let mut lines: Vec<String> = sample().lines().map(str::to_owned).collect();
        for (at, action, line) in cuts {
            let at = at % (lines.len() + 1);
            match action {
                0 if at < lines.len() => { lines.remove(at); }
                1 => lines.insert(at, line),
                2 if at < lines.len() => { let copy = lines[at].clone(); lines.insert(at, copy); }
                _ if at < lines.len() => lines[at].push_str(&line),
                _ => {}
            }
        }
        let _ = import_release(&lines.join("\n"), &ImportOptions::default());
    }

    #[test]
    fn bundle_decoding_and_checking_never_panic_on_arbitrary_text(text in any::<String>()) {
        if let Ok(bundle) = parse_bundle(&text) {
            let _ = check_bundle(&bundle);
        }
        prop_assert_eq!(decoded_by_viewer(&text), decoded_by_derive(&text));
    }

    #[test]
    fn bundle_decoding_never_panics_on_a_mangled_bundle(edits in edits()) {
        let text = mangled_bundle(edits);
        match parse_bundle(&text) {
            Ok(bundle) => { let _ = check_bundle(&bundle); }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
        prop_assert_eq!(scanned_path(&text), tracked_path(&text));
        prop_assert_eq!(decoded_by_viewer(&text), decoded_by_derive(&text));
    }

    #[test]
    fn the_path_of_a_misplaced_snippet_is_the_one_serde_tracks(edits in proptest::collection::vec((any::<prop::sample::Index>(), json_snippet(), 0usize..12), 1..4)) {
        let text = mangled_bundle(edits);
        prop_assert_eq!(scanned_path(&text), tracked_path(&text));
        prop_assert_eq!(decoded_by_viewer(&text), decoded_by_derive(&text));
    }

    #[test]
    fn the_path_of_a_wrong_value_is_the_one_serde_tracks(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..4, json_snippet()), 1..3),
        pretty: bool,
    ) {
        let text = reshaped_bundle(edits, pretty);
        prop_assert_eq!(scanned_path(&text), tracked_path(&text));
        prop_assert_eq!(decoded_by_viewer(&text), decoded_by_derive(&text));
    }

    #[test]
    fn json_paths_never_panic_on_arbitrary_text(text in any::<String>(), line in 0usize..8, column in 0usize..64) {
        let offset = offset_of(&text, line, column);
        prop_assert!(offset <= text.len());
        prop_assert!(path_at(&text, offset).starts_with('$'));
        prop_assert!(path_at(&text, column).starts_with('$'));
    }

    #[test]
    fn search_never_panics_and_marks_only_what_it_was_asked(query in any::<String>(), text in any::<String>()) {
        let parsed = Query::parse(&query);
        let fragments = highlight(&text, &parsed);
        // Highlighting splits the text without losing or adding anything.
        prop_assert_eq!(fragments.iter().map(|f| f.text).collect::<String>(), text.clone());
        let bundle = embedded_bundle();
        let index = SearchIndex::new(&bundle);
        let found = index.search(&bundle, &parsed, None);
        prop_assert!(found.len() <= 10);
        if parsed.is_empty() { prop_assert_eq!(found.len(), 10); }
    }

    #[test]
    fn any_url_fragment_opens_a_view(fragment in any::<String>()) {
        let bundle = embedded_bundle();
        let index = SearchIndex::new(&bundle);
        let route = Route::from_fragment(&fragment);
        let view = release_view(&bundle, &index, &route, "en");
        prop_assert!(view.is_some());
        // What the viewer writes back reads as the same route.
        prop_assert_eq!(Route::from_fragment(&route.to_fragment()), route);
    }

    #[test]
    fn hosts_and_markup_never_panic(host in any::<String>(), text in any::<String>()) {
        let _ = display_host(&host);
        let _ = display_host(&format!("xn--{host}"));
        let _ = strip_markup(&text);
    }

    #[test]
    fn the_index_shards_name_every_release_search_finds(
        bundle in small_bundle(),
        shards in 1u32..8,
        query in index_query(),
        at in any::<prop::sample::Index>(),
        length in 1usize..12,
    ) {
        // Newest first, as a split orders them, so that positions in the bundle are positions
        // in the manifest.
        let mut bundle = bundle;
        bundle.issues.sort_by_key(|issue| std::cmp::Reverse((issue.year, issue.number)));
        let split = split(&bundle, Some(shards));
        let files = split.files();
        let text_of = |name: &str| files.iter().find(|(file, _)| file == name).map(|(_, text)| text.as_str());
        // The manifest as the viewer reads it: the newest year's, then the older releases'.
        let newest = parse_manifest(text_of("manifest.json").unwrap_or_default());
        prop_assert!(newest.is_ok(), "{:?}", newest);
        let mut manifest = newest.unwrap_or_else(|_| split.manifest.clone());
        if let Some(older) = manifest.older.take() {
            let older = parse_manifest(text_of(&older).unwrap_or_default());
            prop_assert!(older.is_ok(), "{:?}", older);
            manifest.releases.extend(older.unwrap_or_else(|_| split.manifest.clone()).releases);
        }
        prop_assert_eq!(&manifest, &split.manifest);
        // The shards as the viewer gets them: files, decoded and checked.
        let releases = bundle.issues.len();
        let mut decoded: Vec<Postings> = Vec::new();
        for shard in 0..shards {
            let text = text_of(&shard_file(&split.manifest.search.files, shard)).unwrap_or_default();
            let postings = parse_shard(text, shard, releases);
            prop_assert!(postings.is_ok(), "shard {}: {:?}", shard, postings);
            decoded.extend(postings);
        }
        let index = SearchIndex::new(&bundle);
        for query in [query, piece_of(&bundle, at, length)] {
            let parsed = Query::parse(&query);
            let found: BTreeSet<usize> = index.search(&bundle, &parsed, None).iter().map(|at| at.issue).collect();
            let candidates = IndexQuery::new(&parsed)
                .candidates(releases, |gram| decoded[shard_of(gram, shards) as usize].get(gram));
            // None: no word long enough to narrow, so every release is searched.
            if let Some(candidates) = candidates {
                for issue in found {
                    prop_assert!(candidates.contains(&issue), "{:?}: release {} found but not a candidate ({:?})", query, issue, candidates);
                }
            }
        }
    }

    #[test]
    fn signatures_never_hide_an_event_search_would_find(
        bundle in small_bundle(),
        query in index_query(),
        at in any::<prop::sample::Index>(),
        length in 1usize..12,
    ) {
        let index = SearchIndex::new(&bundle);
        for query in [query, piece_of(&bundle, at, length)] {
            let parsed = Query::parse(&query);
            let filter = SignatureFilter::new(parsed.grams());
            // Every event read in full, without the signatures.
            let mut expected = Vec::new();
            for (issue_at, issue) in bundle.issues.iter().enumerate() {
                for (event_at, event) in issue.events.iter().enumerate() {
                    let folded = searchable_text(event);
                    if parsed.matches_folded(&folded) {
                        prop_assert!(filter.may_match(&Signature::of(&folded)), "{:?} in {:?}", query, folded);
                        expected.push((issue_at, event_at));
                    }
                }
            }
            let found: Vec<(usize, usize)> = index.search(&bundle, &parsed, None).iter().map(|at| (at.issue, at.event)).collect();
            prop_assert_eq!(found, expected, "{:?}", query);
        }
    }

    #[test]
    fn manifests_and_shards_never_panic_on_arbitrary_text(text in any::<String>(), shard in any::<u32>(), releases in 0usize..100_000) {
        let _ = parse_manifest(&text);
        let _ = parse_shard(&text, shard, releases);
    }

    #[test]
    fn manifests_and_shards_never_panic_when_mangled(edits in edits()) {
        for (name, text) in embedded_index_files() {
            let mut text = text.clone();
            mangle(&mut text, &edits);
            let error = if name == "manifest.json" { parse_manifest(&text).err() } else { parse_shard(&text, 0, 1).err() };
            if let Some(error) = error {
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }
}
