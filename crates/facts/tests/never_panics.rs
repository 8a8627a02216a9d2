//! The extractor reads text from the internet: whatever it is given, it answers, and every
//! place it answers with lies within the text it names.

use caricc_facts::extract;
use caricc_format::model::Place;
use proptest::prelude::*;

/// Text made of what the rules look at: digits, separators, units, drug words, quotes.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "5",
        "1,5",
        "5,065",
        "100 000",
        "-",
        "–",
        ".",
        ",",
        " ",
        "kg",
        "кг",
        "T",
        "г.",
        "tablets",
        "таблеток",
        "тыс.",
        "thousand",
        "heroin",
        "героина",
        "«соль»",
        "\"salt\"",
        "about",
        "около",
        "до",
        "to",
        "from",
        "от",
        "of",
        "packed in",
        "seized",
        "изъято",
        "ё",
        "α-PVP",
        "\u{a0}",
        "\n",
    ]);
    prop_oneof![
        3 => prop::collection::vec(pieces, 0..24).prop_map(|pieces| pieces.concat()),
        1 => any::<String>(),
    ]
}

fn within(title: &str, paragraphs: &[String], at: Place) -> bool {
    let text = match at.p {
        None => Some(title),
        Some(p) => paragraphs.get(p as usize).map(String::as_str),
    };
    text.is_some_and(|text| at.from <= at.to && at.to as usize <= text.chars().count())
}

proptest! {
    // Enough cases to meet a number inside a joined word (`about-0kg`) most runs.
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_gets_facts_placed_within_it(title in texty(), paragraphs in prop::collection::vec(texty(), 0..4)) {
        let facts = extract(&title, &paragraphs);
        let places = facts.drugs.iter().map(|fact| fact.at)
            .chain(facts.quantities.iter().map(|fact| fact.at))
            .chain(facts.kinds.iter().map(|fact| fact.at));
        for at in places {
            prop_assert!(within(&title, &paragraphs, at), "{at:?}");
        }
    }
}
