//! Property tests and bounded fuzzing: whatever text, JSON, query or URL arrives, the core
//! answers with a value or an error, never a panic, and the importer accounts for every
//! non-blank line.
//!
//! Each target runs `FUZZ_CASES` cases (default 2,000) in the test command; run longer on
//! demand with e.g. `FUZZ_CASES=200000 cargo test --release --features cli --test properties`.
//! A failing case is shrunk and its seed saved by proptest in `tests/properties.proptest-regressions`,
//! which is committed, so every crash found stays a regression test.

use caricc_viewer::core::archive::{parse_manifest, parse_shard, shard_file, shard_of, split, IndexQuery, Postings};
use caricc_viewer::core::bundle::{parse_bundle, to_json};
use caricc_viewer::core::check::check_bundle;
use caricc_viewer::core::import::{decode_release_bytes, import_release, ImportOptions};
use caricc_viewer::core::model::{Bundle, Event};
use caricc_viewer::core::route::Route;
use caricc_viewer::core::search::{highlight, Query, SearchIndex};
use caricc_viewer::core::text::{display_host, strip_markup};
use caricc_viewer::core::view::release_view;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn sample() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/releases/information-release-2025-15.txt"))
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

fn embedded_bundle() -> caricc_viewer::core::model::Bundle {
    parse_bundle(include_str!("../static/bundle.json")).unwrap()
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
                    })
                    .collect();
                let lang = if russian { "ru" } else { "en" }.to_owned();
                caricc_viewer::core::model::Issue { number, lang, events, ..base.clone() }
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
            let bundle = caricc_viewer::core::model::Bundle { format: 1, issues: vec![import.issue] };
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
    }

    #[test]
    fn bundle_decoding_never_panics_on_a_mangled_bundle(edits in edits()) {
        let mut text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/bundle.json")).unwrap();
        mangle(&mut text, &edits);
        match parse_bundle(&text) {
            Ok(bundle) => { let _ = check_bundle(&bundle); }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn search_never_panics_and_marks_only_what_it_was_asked(query in any::<String>(), text in any::<String>()) {
        let parsed = Query::parse(&query);
        let fragments = highlight(&text, &parsed);
        // Highlighting splits the text without losing or adding anything.
        prop_assert_eq!(fragments.iter().map(|f| f.text).collect::<String>(), text.clone());
        let bundle = embedded_bundle();
        let index = SearchIndex::new(&bundle);
        let found = index.search(&parsed, None);
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
        let split = split(&bundle, Some(shards));
        let files = split.files();
        let text_of = |name: &str| files.iter().find(|(file, _)| file == name).map(|(_, text)| text.as_str());
        let manifest = parse_manifest(text_of("manifest.json").unwrap_or_default());
        prop_assert_eq!(manifest.as_ref(), Ok(&split.manifest));
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
            let found: BTreeSet<usize> = index.search(&parsed, None).iter().map(|at| at.issue).collect();
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
