//! The facts put to use: sentences of facts, insights over a set of events, chart geometry
//! and exports, on small bundles written here, on the built-in release, and on hostile ones.

use caricc_format::model::{Event, Place};
use caricc_view::facts::{fact_sentence, fact_text};

fn written(title: &str, paragraphs: &[&str]) -> Event {
    Event {
        id: "2025-1-kz-1".into(),
        country: "kz".into(),
        title: title.into(),
        outlet: None,
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        sources: Vec::new(),
        facts: None,
    }
}

fn at(p: Option<u32>, from: u32, to: u32) -> Place {
    Place { p, from, to }
}

/// The place of `needle` in paragraph `p` (or the title), in characters.
fn place_of(event: &Event, p: Option<u32>, needle: &str) -> Place {
    let text = match p {
        None => &event.title,
        Some(p) => &event.paragraphs[p as usize],
    };
    let byte = text.find(needle).unwrap();
    let from = text[..byte].chars().count() as u32;
    at(p, from, from + needle.chars().count() as u32)
}

#[test]
fn a_fact_is_shown_in_its_sentence() {
    let event = written(
        "POLICE SEIZED HEROIN",
        &[
            "Operation «Мак» began in May. Officers seized 5 kg of heroin in Almaty! Two men were detained… The case goes on?",
            "He said: “We found 3 kg.” Then they left.",
        ],
    );
    let heroin = place_of(&event, Some(0), "5 kg");
    assert_eq!(fact_text(&event, heroin).as_deref(), Some("5 kg"));
    assert_eq!(fact_sentence(&event, heroin).as_deref(), Some("Officers seized 5 kg of heroin in Almaty!"));
    let detained = place_of(&event, Some(0), "detained");
    assert_eq!(fact_sentence(&event, detained).as_deref(), Some("Two men were detained…"));
    let first = place_of(&event, Some(0), "Operation");
    assert_eq!(fact_sentence(&event, first).as_deref(), Some("Operation «Мак» began in May."));
    let last = place_of(&event, Some(0), "goes on");
    assert_eq!(fact_sentence(&event, last).as_deref(), Some("The case goes on?"));
    // A closing quote after the full stop still ends the sentence.
    let quoted = place_of(&event, Some(1), "3 kg");
    assert_eq!(fact_sentence(&event, quoted).as_deref(), Some("He said: “We found 3 kg.”"));
    // The title has no sentence ends: all of it.
    let title = place_of(&event, None, "HEROIN");
    assert_eq!(fact_sentence(&event, title).as_deref(), Some("POLICE SEIZED HEROIN"));
    // A fact across a sentence end gets both sentences.
    let across = place_of(&event, Some(0), "May. Officers");
    assert_eq!(
        fact_sentence(&event, across).as_deref(),
        Some("Operation «Мак» began in May. Officers seized 5 kg of heroin in Almaty!")
    );
}

#[test]
fn places_count_characters_not_bytes() {
    let event = written("", &["Изъято 2 кг героина. Задержан мужчина."]);
    let heroin = place_of(&event, Some(0), "героина");
    assert_eq!(heroin, at(Some(0), 12, 19));
    assert_eq!(fact_text(&event, heroin).as_deref(), Some("героина"));
    assert_eq!(fact_sentence(&event, heroin).as_deref(), Some("Изъято 2 кг героина."));
    // A decimal point or an abbreviation without a space after it ends nothing.
    let decimal = written("", &["Seized 2.5 kg of hashish. Done."]);
    assert_eq!(fact_sentence(&decimal, at(Some(0), 7, 13)).as_deref(), Some("Seized 2.5 kg of hashish."));
}

#[test]
fn a_place_outside_its_text_reads_as_nothing() {
    let event = written("TITLE", &["Short.", ""]);
    for place in [
        at(Some(0), 0, 7),        // past the end
        at(Some(0), 4, 2),        // inverted
        at(Some(0), 3, 3),        // empty
        at(Some(1), 0, 1),        // an empty paragraph
        at(Some(2), 0, 1),        // a paragraph the event lacks
        at(Some(u32::MAX), 0, 1), // far past them
        at(None, 0, u32::MAX),
        at(None, u32::MAX, u32::MAX),
    ] {
        assert_eq!(fact_text(&event, place), None, "{place:?}");
        assert_eq!(fact_sentence(&event, place), None, "{place:?}");
    }
    assert_eq!(fact_text(&event, at(Some(0), 0, 6)).as_deref(), Some("Short."));
    assert_eq!(fact_sentence(&event, at(None, 4, 5)).as_deref(), Some("TITLE"));
}

#[test]
fn a_paragraph_as_long_as_a_bundle_allows_is_one_sentence_without_ends() {
    let text = format!("{}x", "” ".repeat(49_999));
    let event = written("", &[&text]);
    let end = text.chars().count() as u32;
    assert_eq!(fact_text(&event, at(Some(0), end - 1, end)).as_deref(), Some("x"));
    assert_eq!(fact_sentence(&event, at(Some(0), end - 1, end)), Some(text.trim().to_owned()));
}
