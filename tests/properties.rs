//! Property tests and bounded fuzzing: whatever text, JSON, query or URL arrives, the core
//! answers with a value or an error, never a panic, and the importer accounts for every
//! non-blank line.
//!
//! Each target runs `FUZZ_CASES` cases (default 2,000) in the test command; run longer on
//! demand with e.g. `FUZZ_CASES=200000 cargo test --release --features cli --test properties`.
//! A failing case is shrunk and its seed saved by proptest in `tests/properties.proptest-regressions`,
//! which is committed, so every crash found stays a regression test.

use caricc_viewer::core::bundle::{parse_bundle, to_json};
use caricc_viewer::core::check::check_bundle;
use caricc_viewer::core::import::{decode_release_bytes, import_release, ImportOptions};
use caricc_viewer::core::route::Route;
use caricc_viewer::core::search::{highlight, Query, SearchIndex};
use caricc_viewer::core::text::{display_host, strip_markup};
use caricc_viewer::core::view::release_view;
use proptest::prelude::*;

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
    fn bundle_decoding_never_panics_on_a_mangled_bundle(edits in proptest::collection::vec((any::<prop::sample::Index>(), "[\\[\\]{}\",:0-9a-z\\\\ ]{0,3}", 0usize..4), 1..8)) {
        let mut text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/bundle.json")).unwrap();
        for (index, insert, remove) in edits {
            let mut at = index.index(text.len() + 1);
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + remove).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(at..end.max(at), &insert);
        }
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
}
