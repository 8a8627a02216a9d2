//! Facts in an event's text, read at import time, in English and Russian: the drugs it
//! names ([`drugs::DRUGS`], one table of canonical names and their printed forms), the
//! amounts seized (number, unit, the drug when the sentence says, approximate or not; a
//! number that reads two ways keeps both readings), and the kinds of event. Each fact
//! keeps its place in the text, so a reader can be shown the sentence it came from.
//!
//! Plain rules over words, no model: each rule can be read, tested and measured against
//! the hand-labelled events in `tests/fixtures/facts/` ([`evaluation`]).

pub mod drugs;
pub mod evaluation;
pub mod kinds;
pub mod number;
pub mod quantity;
pub mod words;

use caricc_format::model::{DrugFact, Facts, KindFact, Place, QuantityFact};
pub use kinds::Kind;
use number::Reading;
pub use quantity::Unit;

/// The facts of an event with this title and these paragraphs, as its bundle holds them
/// (drugs, kinds and units by their ids). Amounts are read from the paragraphs only (a
/// title repeats them); drugs and kinds from the title too. An event that tells no kind
/// has none: that is what kind `other` is, so it is not written.
pub fn extract(title: &str, paragraphs: &[String]) -> Facts {
    let mut facts = Facts::default();
    let texts =
        std::iter::once((None, title)).chain(paragraphs.iter().enumerate().map(|(at, text)| (Some(at), text.as_str())));
    for (paragraph, text) in texts {
        let chars: Vec<char> = text.chars().collect();
        let words = words::words(text);
        let named = drugs::named(&words, &chars);
        // Texts are far shorter than u32 counts (the format's limits).
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let place = |from: usize, to: usize| Place { p: paragraph.map(number), from: number(from), to: number(to) };
        for drug in &named {
            if !facts.drugs.iter().any(|known| known.drug == drug.drug.id) {
                facts.drugs.push(DrugFact {
                    drug: drug.drug.id.to_owned(),
                    at: place(words[drug.first].start, words[drug.last].end),
                });
            }
        }
        for told in kinds::kinds(&chars, &words, &named) {
            if !facts.kinds.iter().any(|known| known.kind == told.kind.id()) {
                let word = &words[told.word];
                facts.kinds.push(KindFact { kind: told.kind.id().to_owned(), at: place(word.start, word.end) });
            }
        }
        if paragraph.is_some() {
            for amount in quantity::amounts(&chars, &words, &named) {
                let (value, readings) = match amount.reading {
                    Reading::One(value) => (Some(value), Vec::new()),
                    Reading::Either(a, b) => (None, vec![a, b]),
                };
                facts.quantities.push(QuantityFact {
                    amount: value,
                    readings,
                    to: amount.to,
                    unit: amount.unit.id().to_owned(),
                    drug: amount.drug.map(str::to_owned),
                    approximate: amount.approximate,
                    at: place(amount.start, amount.end),
                });
            }
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_s_facts_with_their_places() {
        let paragraphs = vec![
            "Police officers in Shymkent detained two men.".to_owned(),
            "About 3.2 kg of hashish and 5,065 kg of heroin were seized from their car.".to_owned(),
        ];
        let facts = extract("HASHISH SEIZED IN SHYMKENT", &paragraphs);
        let drugs: Vec<&str> = facts.drugs.iter().map(|fact| fact.drug.as_str()).collect();
        assert_eq!(drugs, ["hashish", "heroin"]);
        assert_eq!(facts.drugs[0].at, Place { p: None, from: 0, to: 7 });
        let [hashish, heroin] = &facts.quantities[..] else { panic!("{:?}", facts.quantities) };
        assert_eq!(
            (hashish.amount, hashish.unit.as_str(), hashish.drug.as_deref(), hashish.approximate),
            (Some(3.2), "kg", Some("hashish"), true)
        );
        assert_eq!(
            &paragraphs[1]
                .chars()
                .skip(hashish.at.from as usize)
                .take((hashish.at.to - hashish.at.from) as usize)
                .collect::<String>(),
            "About 3.2 kg"
        );
        assert!(heroin.ambiguous() && heroin.amount.is_none() && heroin.readings == [5.065, 5065.0]);
        assert_eq!(hashish.at.p, Some(1));
        let kinds: Vec<&str> = facts.kinds.iter().map(|fact| fact.kind.as_str()).collect();
        assert_eq!(kinds, ["seizure", "arrest"]);
        let json = serde_json::to_string(&facts).unwrap();
        assert_eq!(serde_json::from_str::<Facts>(&json).unwrap(), facts);
    }

    #[test]
    fn a_number_inside_a_joined_word_is_no_amount_and_no_panic() {
        // `0-0T` is one word to the tokenizer; its second number starts inside it.
        let facts = extract("T", &["0-0T".to_owned(), "5-10kg 3-4 t".to_owned()]);
        assert!(facts.quantities.iter().all(|fact| fact.at.p == Some(1)), "{:?}", facts.quantities);
    }

    #[test]
    fn an_event_that_tells_no_kind_has_none_written() {
        let facts = extract("A NEW BUILDING", &["The agency moved into a new building.".to_owned()]);
        assert!(facts.kinds.is_empty());
    }

    #[test]
    fn every_unit_has_the_id_serde_writes() {
        for unit in Unit::ALL {
            assert_eq!(serde_json::to_string(&unit).unwrap(), format!("\"{}\"", unit.id()));
        }
    }
}
