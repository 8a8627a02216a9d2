//! The adversarial corpus (`tests/corpus`): hostile, broken and oversized releases and
//! bundles, each with the outcome it must have. Markup stays text, every line of a release
//! is accounted for, every non-web source is flagged, and every refusal says where.
//! Inputs too large to commit (a 1 MB title, 100,000 events, 100,000-deep nesting, binary
//! bytes) are generated here.
//!
//! The bundles' expected outcomes are in `tests/corpus/expected-bundles.json`, which the
//! browser test (`tests/e2e/hostile.test.mjs`) reads too, so the viewer and the CLI are held
//! to the same messages; the CLI's tests (`crates/cli/tests/corpus.rs`) run `caricc` on it too.

use caricc_format::bundle::{parse_bundle, parse_bundle_within_limits, to_json, DecodeError};
use caricc_format::model::Bundle;
use caricc_import::check::{check_bundle, Problem, Severity};
use caricc_import::import::{Import, ImportError, Placement, WarningKind};
use caricc_search::search::{Query, SearchIndex};
use std::time::Instant;

mod corpus_cases;
use corpus_cases::*;

// ---- Releases --------------------------------------------------------------------------

/// An http(s) URL with a host: the only kind a reader may be given as a link. Written
/// independently of the viewer's own rule so that the two are checked against each other.
fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else { return false };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = if host.starts_with('[') { host } else { host.split(':').next().unwrap_or("") };
    !host.is_empty()
}

/// Every source of a bundle that is not a web link, by JSON path.
fn non_web_sources(bundle: &Bundle) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (i, issue) in bundle.issues.iter().enumerate() {
        for (e, event) in issue.events.iter().enumerate() {
            for (s, source) in event.sources.iter().enumerate() {
                if !is_web_link(&source.url) {
                    found.push((format!("$.issues[{i}].events[{e}].sources[{s}].url"), source.url.clone()));
                }
            }
        }
    }
    found
}

fn paths(problems: &[Problem], severity: Severity) -> Vec<&str> {
    problems.iter().filter(|p| p.severity == severity).map(|p| p.path.as_str()).collect()
}

#[test]
fn every_corpus_release_is_imported_or_refused_as_the_table_says() {
    let listed: Vec<&str> = RELEASES.iter().map(|(name, _)| *name).collect();
    assert_eq!(files("releases", ".txt"), listed, "every corpus release has an expected outcome, and no more");
    for (name, expected) in RELEASES {
        let bytes = read_release(name);
        match (expected, import_bytes(&bytes)) {
            (Expected::Refused(message), Err(error)) => assert_eq!(error.to_string(), *message, "{name}"),
            (Expected::Refused(message), Ok(_)) => panic!("{name}: imported, but should be refused with “{message}”"),
            (Expected::Imported { .. }, Err(error)) => panic!("{name}: refused: {error}"),
            (Expected::Imported { events, unplaced, check_errors }, Ok(import)) => {
                assert_eq!(import.issue.events.len(), *events, "{name}: events");
                assert_eq!(import.report.unplaced_lines(), *unplaced, "{name}: unplaced lines");
                let problems = check_bundle(&bundle_of(&import));
                assert_eq!(paths(&problems, Severity::Error), *check_errors, "{name}: {problems:#?}");
                assert_release_is_accounted_for(name, std::str::from_utf8(&bytes).unwrap(), &import);
            }
        }
    }
}

/// The properties every imported corpus release must have, whatever its content.
fn assert_release_is_accounted_for(name: &str, text: &str, import: &Import) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // (a) Each non-blank line is placed exactly once, in order…
    let non_blank: Vec<usize> =
        text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i + 1).collect();
    let placed: Vec<usize> = import.report.placements.iter().map(|p| p.line).collect();
    assert_eq!(placed, non_blank, "{name}: each non-blank line placed exactly once");
    // …and each unplaced line is named by an "unplaced" warning at it or at the start of its
    // run of unplaced lines.
    for line in import.report.unplaced_lines() {
        let warned = import.report.warnings.iter().any(|w| {
            w.kind == WarningKind::Unplaced
                && w.line <= line
                && import
                    .report
                    .placements
                    .iter()
                    .all(|p| p.line < w.line || p.line > line || p.placement == Placement::Unplaced)
        });
        assert!(warned, "{name}: unplaced line {line} has no warning: {:#?}", import.report.warnings);
    }
    // (b) The bundle survives being written and read back, unchanged.
    let bundle = bundle_of(import);
    assert_eq!(parse_bundle(&to_json(&bundle)).as_ref(), Ok(&bundle), "{name}: round trip");
    // (c) Every source that is not a web link is a warning at its own path, in the checker
    // and in the importer's report alike.
    let problems = check_bundle(&bundle);
    let warned = paths(&problems, Severity::Warning);
    for (path, url) in non_web_sources(&bundle) {
        assert!(warned.contains(&path.as_str()), "{name}: {url:?} at {path} is not flagged: {problems:#?}");
    }
    let source_warnings = problems.iter().filter(|p| p.path.ends_with(".url")).count();
    let reported = import.report.warnings.iter().filter(|w| w.kind == WarningKind::SuspiciousSource).count();
    assert_eq!(reported, source_warnings, "{name}: the import report and the check agree on sources");
}

#[test]
fn markup_in_every_position_of_a_release_stays_text() {
    let import = import_corpus_release("html-in-every-position.txt");
    let issue = &import.issue;
    assert_eq!(issue.title, r#"Information Release <script>alert("citation")</script>"#);
    // Entities are not decoded either: `&#40;` stays five characters.
    assert_eq!(issue.subtitle, "according to the media <svg onload=alert&#40;1&#41;>");
    let publisher = &issue.publisher;
    assert_eq!(publisher.name, r#"Central Asian Regional <script>alert("publisher")</script> Centre"#);
    assert_eq!(publisher.address, r#"Republic of Kazakhstan, <img src=x onerror=alert("address")> Almaty"#);
    assert_eq!(publisher.phone, r#"+7 727 <script>alert("tel")</script>"#);
    assert_eq!(publisher.fax, r#"+7 727 <img src=x onerror=alert("fax")>"#);
    assert_eq!(publisher.email, r#"registry@caricc.org"onmouseover="alert(1)"#);
    assert_eq!(publisher.website, "www.caricc.org/<script>");
    assert_eq!(publisher.imprint[1], r#"Circulation in <iframe src=javascript:alert("imprint")></iframe> format"#);
    assert!(issue.summary.paragraphs[0].ends_with(r#"(Tajikistan – 2). <img src=x onerror=alert("summary")>"#));
    assert_eq!(issue.summary.topics[0].text, r#"seizures <script>alert("topic")</script>"#);
    assert_eq!(issue.contents[1].title, r#"<img src=x onerror=alert("contents")>"#);
    assert_eq!(issue.contents[1].country, None);

    let [first, second] = &issue.events[..] else { panic!("{:#?}", issue.events) };
    // A byline that is not a domain name stays in the title, markup and all.
    assert_eq!(first.outlet, None);
    assert_eq!(
        first.title,
        r#"<img src=x onerror=alert("byline")>.TJ <script>alert("title")</script> POLICE SEIZED HEROIN"#
    );
    assert_eq!(second.outlet.as_deref(), Some("ASIAPLUS.TJ"));
    assert_eq!(second.title, r#"<img src=x onerror=alert("second title")> SECOND SEIZURE"#);
    assert_eq!(
        first.paragraphs,
        [
            r#"<script>alert("paragraph")</script> Police seized 5 kg of heroin."#,
            // <span> and <b> are PDF converters' inline markup: removed whole, handlers included.
            "The Drug Control Agency said more seizures follow.",
        ]
    );
    assert_eq!(
        second.paragraphs,
        [r#"Text with <a href="javascript:alert(1)">a link</a> in it and <style>*{display:none}</style> a style."#]
    );
    assert!(import.report.warnings.is_empty(), "{:#?}", import.report.warnings);
}

#[test]
fn hostile_and_malformed_sources_in_a_release_are_kept_and_flagged() {
    let import = import_corpus_release("hostile-sources.txt");
    let urls: Vec<Vec<&str>> =
        import.issue.events.iter().map(|e| e.sources.iter().map(|s| s.url.as_str()).collect()).collect();
    assert_eq!(
        urls,
        [
            vec![
                "javascript:alert(1)",
                "JaVaScRiPt:alert(document.cookie)",
                "data:text/html,<script>alert(1)</script>",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "vbscript:msgbox(1)",
                "file:///etc/passwd",
            ],
            vec![
                "https://",
                "https:///no-host",
                "https://xn--zz.com/",
                "www.caricc.org",
                "ftp://files.tj/a",
                "https://",
                // A web address broken by the converter is still read as the source, and flagged.
                "http://exa mple.com",
                "https://mvd.tj/ok",
            ],
        ]
    );
    // A bare non-web URL is text, kept in the event (the bracketed address with a space
    // above it is now read as the source it is, and flagged).
    assert_eq!(import.issue.events[1].paragraphs, ["Police seized more heroin.", "javascript:alert(2)"]);
    let flagged: Vec<usize> =
        import.report.warnings.iter().filter(|w| w.kind == WarningKind::SuspiciousSource).map(|w| w.line).collect();
    assert_eq!(flagged, [19, 20, 21, 22, 23, 24, 30, 31, 32, 33, 34, 35, 36]);
    let structure: Vec<(usize, &str)> = import
        .report
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Structure)
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(structure, [(37, "text after the source link of “MALFORMED SOURCES”; kept in that event")]);
}

#[test]
fn bidi_controls_and_invisible_characters_in_a_release_are_kept_exactly() {
    let import = import_corpus_release("bidi-and-invisible.txt");
    let titles: Vec<&str> = import.issue.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "\u{202e}NIOREH DEZIES ECILOP\u{202c}",
            "ASIA\u{200b}PLUS.TJ TITLE WITH A ZERO\u{200b}WIDTH SPACE",
            "\u{200b}"
        ]
    );
    assert_eq!(
        import.issue.events[0].paragraphs,
        [
            "Police seized her\u{200b}oin in Dush\u{feff}anbe\u{200d}\u{200c}\u{200f}.",
            // U+2028 is white space: folded into a plain space like any other.
            "Invisible \u{2067}isolate\u{2069} and \u{202d}override\u{202c} and a line separator.",
        ]
    );
    assert!(import.issue.title.ends_with("\u{202e}aidem eht ot gnidrocca\u{202c}"), "{:?}", import.issue.title);
    assert!(import.issue.summary.paragraphs[0].contains("counter\u{ad}narcotics"));
    let urls: Vec<&str> = import.issue.events.iter().flat_map(|e| e.sources.iter().map(|s| s.url.as_str())).collect();
    assert_eq!(urls, ["https://mvd.tj/\u{202e}txt.exe", "https://\u{202e}jt.dvm/a", "https://mvd.tj/c"]);
    // An override in a host makes it invalid, and says so.
    let flagged: Vec<&str> = import.report.messages(WarningKind::SuspiciousSource);
    assert_eq!(
        flagged,
        ["source https://\u{202e}jt.dvm/a: host “\u{202e}jt.dvm” is not a valid internationalised domain name"]
    );
}

/// Found with this corpus: a title of invisible characters only is not "empty" to the
/// checker, so the viewer shows a card whose heading (and accessible name) is blank.
#[test]
fn a_title_of_only_invisible_characters_is_reported_as_empty() {
    let import = import_corpus_release("bidi-and-invisible.txt");
    let problems = check_bundle(&bundle_of(&import));
    assert!(paths(&problems, Severity::Error).contains(&"$.issues[0].events[2].title"), "{problems:#?}");
}

#[test]
fn a_truncated_release_imports_what_is_there_and_says_what_is_missing() {
    let import = import_corpus_release("truncated.txt");
    let event = &import.issue.events[0];
    // The unclosed title and the cut paragraph are kept (as text of the last event), not lost.
    assert_eq!(
        event.paragraphs,
        [
            "Police seized heroin.",
            "POLICE SEIZED OPIUM IN KHUJAND AND",
            "Officers of the Drug Control Agency detained two men who were carrying"
        ]
    );
    let messages: Vec<(usize, &str)> = import.report.warnings.iter().map(|w| (w.line, w.message.as_str())).collect();
    assert_eq!(
        messages,
        [
            (0, "the summary states Tajikistan – 2, but 1 events were found under Tajikistan"),
            (0, "the summary states Kyrgyzstan – 1, but 0 events were found under Kyrgyzstan"),
            (0, "the summary states 3 events in all, but 1 were found"),
            (13, "the contents list KYRGYZ REPUBLIC but the text has no such section"),
            (25, "text after the source link of “SEIZURE IN DUSHANBE”; kept in that event"),
            (26, "text after the source link of “SEIZURE IN DUSHANBE”; kept in that event"),
        ]
    );
}

#[test]
fn lines_that_cannot_be_placed_are_each_reported_with_why() {
    let import = import_corpus_release("unplaceable.txt");
    let unplaced: Vec<(usize, &str)> = import
        .report
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Unplaced)
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        unplaced,
        [
            (7, "link before the release's first section: “<https://mvd.tj/before-any-section>”"),
            (12, "line in the contents list not read as an entry: “see the annex for the rest”"),
            (16, "link in the summary, outside any event: “<https://mvd.tj/in-the-summary>”"),
            (18, "event title before any country section: “### AN EVENT TITLE BEFORE ANY COUNTRY”"),
            (22, "text before any event: “Text under the section before any event title.”"),
            (24, "link before any event: “<https://mvd.tj/before-any-event>”"),
        ]
    );
}

#[test]
fn release_bytes_that_are_not_text_are_refused_with_their_line() {
    for (what, bytes, expected) in binary_releases() {
        match import_bytes(&bytes) {
            Err(error @ ImportError::Binary { .. }) => assert_eq!(error.to_string(), expected, "{what}"),
            other => panic!("{what}: expected a refusal, got {other:?}"),
        }
    }
}

// ---- Bundles ---------------------------------------------------------------------------

#[test]
fn every_corpus_bundle_decodes_or_is_refused_as_the_table_says() {
    let table = expected_bundles();
    assert_eq!(
        files("bundles", ".json"),
        table.keys().cloned().collect::<Vec<_>>(),
        "the table lists every corpus bundle"
    );
    for (name, expected) in &table {
        let text = read_bundle(name);
        let within_limits = parse_bundle_within_limits(&text);
        // The corpus files are small: the limits change nothing.
        assert_eq!(within_limits, parse_bundle(&text), "{name}");
        match (within_limits, expected) {
            (Err(error), ExpectedBundle { error: Some(message), path, line, column, problems: None }) => {
                assert_eq!(&error.to_string(), message, "{name}");
                match &error {
                    DecodeError::Syntax { line: l, column: c, .. } => {
                        assert_eq!((path, line, column), (&None, &Some(*l), &Some(*c)), "{name}");
                        assert!(message.contains(&format!("at line {l}, column {c}")), "{name}: {message}");
                    }
                    _ => {
                        let at = error.path().expect("every other error has a path");
                        assert!(at.starts_with('$') && message.contains(at), "{name}: {message}");
                        assert_eq!((path.as_deref(), line, column), (Some(at), &None, &None), "{name}");
                    }
                }
            }
            (
                Ok(bundle),
                ExpectedBundle { error: None, path: None, line: None, column: None, problems: Some(problems) },
            ) => {
                let found: Vec<String> = check_bundle(&bundle).iter().map(Problem::to_string).collect();
                assert_eq!(&found, problems, "{name}");
                for problem in check_bundle(&bundle) {
                    assert!(problem.path.starts_with("$.issues"), "{name}: {problem}");
                }
                for (path, url) in non_web_sources(&bundle) {
                    assert!(
                        found.iter().any(|p| p.starts_with(&format!("warning: {path}: "))),
                        "{name}: {url:?} at {path} is not flagged"
                    );
                }
                assert_eq!(parse_bundle(&to_json(&bundle)).as_ref(), Ok(&bundle), "{name}: round trip");
            }
            (result, expected) => panic!("{name}: got {result:?}, expected {expected:?}"),
        }
    }
}

// ---- Generated: too large to commit -----------------------------------------------------

fn release_json(events: &str) -> String {
    format!(
        r#"{{"format":1,"issues":[{{"number":15,"year":2025,"period":{{"from":"2025-08-01","to":"2025-08-15"}},"title":"Generated","events":[{events}]}}]}}"#
    )
}

#[test]
fn a_one_megabyte_title_is_refused_by_path_and_is_an_error_to_the_checker() {
    let title = "<b>x</b>".repeat(131_072);
    assert_eq!(title.len(), 1 << 20);
    let text = release_json(&format!(r#"{{"id":"2025-15-kz-1","country":"kz","title":"{title}","sources":[]}}"#));
    let error = parse_bundle_within_limits(&text).unwrap_err();
    assert_eq!(error.path(), Some("$.issues[0].events[0].title"));
    assert_eq!(
        error.to_string(),
        "$.issues[0].events[0].title: the title is 1048576 characters long; the limit is 2000 (the viewer's limits keep a wrong file from freezing the page)"
    );
    let problems = check_bundle(&parse_bundle(&text).unwrap());
    let errors: Vec<String> =
        problems.iter().filter(|p| p.severity == Severity::Error).map(Problem::to_string).collect();
    assert_eq!(errors, ["error: $.issues[0].events[0].title: the title is 1048576 characters long; the limit is 2000"]);
}

#[test]
fn too_many_paragraphs_releases_or_events_are_refused_by_path() {
    let paragraphs = vec![r#""p""#; 100_001].join(",");
    let many_paragraphs =
        release_json(&format!(r#"{{"id":"a","country":"kz","title":"t","paragraphs":[{paragraphs}]}}"#));
    let too_many_events = release_json(
        &(0..200_001).map(|i| format!(r#"{{"id":"{i}","country":"kz","title":"t"}}"#)).collect::<Vec<_>>().join(","),
    );
    let release = r#"{"number":1,"year":2025,"period":{"from":"2025-01-01","to":"2025-01-15"},"title":"t"}"#;
    let too_many_releases = format!(r#"{{"format":1,"issues":[{}]}}"#, vec![release; 10_001].join(","));
    let long_paragraph =
        release_json(&format!(r#"{{"id":"a","country":"kz","title":"t","paragraphs":["{}"]}}"#, "ж".repeat(100_001)));
    for (what, text, path, message) in [
        (
            "100,001 paragraphs",
            &many_paragraphs,
            "$.issues[0].events[0].paragraphs",
            "100001 paragraphs; an event has at most 1000",
        ),
        ("200,001 events", &too_many_events, "$.issues", "200001 events in all; a bundle holds at most 200000"),
        ("10,001 releases", &too_many_releases, "$.issues", "10001 releases; a bundle holds at most 10000"),
        (
            "a paragraph of 100,001 letters",
            &long_paragraph,
            "$.issues[0].events[0].paragraphs[0]",
            "the paragraph is 100001 characters long; the limit is 100000",
        ),
    ] {
        match parse_bundle_within_limits(text) {
            Err(DecodeError::OverLimit { path: p, message: m }) => {
                assert_eq!((p.as_str(), m.as_str()), (path, message), "{what}")
            }
            other => panic!("{what}: {:?}", other.map(|_| ())),
        }
    }
}

#[test]
fn deep_nesting_is_refused_where_a_value_is_expected_and_skipped_where_unknown() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    let in_title = release_json(&format!(r#"{{"id":"a","country":"kz","title":{deep_array}}}"#));
    let error = parse_bundle(&in_title).unwrap_err();
    assert_eq!(error.to_string(), "$.issues[0].events[0].title: invalid type: sequence, expected a string");
    let in_unknown =
        release_json(&format!(r#"{{"id":"a","country":"kz","title":"t","x":{deep_object},"y":{deep_array}}}"#));
    assert_eq!(parse_bundle(&in_unknown).unwrap().issues[0].events[0].title, "t");
    // The whole document deeply nested is not an object: said at once, without descending.
    assert_eq!(parse_bundle(&deep_array).unwrap_err().path(), Some("$"));
}

#[test]
fn one_hundred_thousand_events_decode_and_search() {
    let countries = ["kz", "kg", "ru", "tj", "uz"];
    let events: Vec<String> = (0..100_000)
        .map(|i| {
            let country = countries[i % 5];
            let text = if i % 1000 == 7 { format!("A needle in event {}.", i + 1) } else { "Text.".to_owned() };
            format!(
                r#"{{"id":"2025-15-{country}-{n}","country":"{country}","title":"EVENT {n}","paragraphs":["{text}"],"sources":[{{"url":"https://polisia.kz/{n}"}}]}}"#,
                n = i + 1
            )
        })
        .collect();
    let text = release_json(&events.join(","));
    let started = Instant::now();
    let bundle = parse_bundle_within_limits(&text).expect("100,000 events are within the limits");
    let decoded = started.elapsed();
    assert_eq!(bundle.issues[0].events.len(), 100_000);
    let started = Instant::now();
    let index = SearchIndex::new(&bundle);
    let indexed = started.elapsed();
    let started = Instant::now();
    let found = index.search(&bundle, &Query::parse("needle"), None);
    let searched = started.elapsed();
    assert_eq!(found.len(), 100);
    assert_eq!(found[0].event, 7);
    assert_eq!(index.search(&bundle, &Query::parse("event 100000"), Some(0)).len(), 1);
    let started = Instant::now();
    let problems = check_bundle(&bundle);
    let checked = started.elapsed();
    assert_eq!(problems, []);
    eprintln!(
        "100,000 events ({:.1} MB): decoded in {decoded:?}, indexed in {indexed:?}, searched in {searched:?}, checked in {checked:?}",
        text.len() as f64 / 1e6
    );
}
