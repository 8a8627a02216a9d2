//! Facts in an event's text, read at import time, in English and Russian: the drugs it
//! names ([`drugs::DRUGS`], one table of canonical names and their printed forms), the
//! amounts seized (number, unit, the drug when the sentence says, approximate or not; a
//! number that reads two ways keeps both readings), and the kinds of event. Each fact
//! keeps its place in the text, so a reader can be shown the sentence it came from.
//!
//! Plain rules over words, no model: each rule can be read, tested and measured against
//! the hand-labelled events in `tests/fixtures/facts/` ([`evaluation`]).

pub mod bundle;
pub mod drugs;
pub mod evaluation;
pub mod kinds;
pub mod number;
pub mod quantity;
pub mod words;

pub use kinds::Kind;
use number::Reading;
pub use quantity::Unit;
use serde::{Deserialize, Serialize};

/// Where a fact was read: the title (no paragraph) or a paragraph, and the characters
/// `from..to` in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    pub from: usize,
    pub to: usize,
}

/// A drug the event names, at its first mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrugFact {
    pub drug: String,
    pub at: Place,
}

/// An amount the event gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityFact {
    /// The amount; `None` when it reads two ways (then `readings` has both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The two readings of an ambiguous number (`5,065`: 5.065 and 5065), decimal first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<f64>,
    /// The upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<f64>,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    pub at: Place,
}

impl QuantityFact {
    pub fn ambiguous(&self) -> bool {
        !self.readings.is_empty()
    }
}

/// A kind of event, where the text first tells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindFact {
    pub kind: Kind,
    pub at: Place,
}

/// The facts of one event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drugs: Vec<DrugFact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<QuantityFact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<KindFact>,
}

impl Facts {
    pub fn is_empty(&self) -> bool {
        self.drugs.is_empty() && self.quantities.is_empty() && self.kinds.is_empty()
    }
}

/// The facts of an event with this title and these paragraphs. Amounts are read from the
/// paragraphs only (a title repeats them); drugs and kinds from the title too. With no
/// kind told, the event is of kind `other`.
pub fn extract(title: &str, paragraphs: &[String]) -> Facts {
    let mut facts = Facts::default();
    let texts =
        std::iter::once((None, title)).chain(paragraphs.iter().enumerate().map(|(at, text)| (Some(at), text.as_str())));
    for (paragraph, text) in texts {
        let chars: Vec<char> = text.chars().collect();
        let words = words::words(text);
        let named = drugs::named(&words, &chars);
        let place = |from: usize, to: usize| Place { paragraph, from, to };
        for drug in &named {
            if !facts.drugs.iter().any(|known| known.drug == drug.drug.id) {
                facts.drugs.push(DrugFact {
                    drug: drug.drug.id.to_owned(),
                    at: place(words[drug.first].start, words[drug.last].end),
                });
            }
        }
        for told in kinds::kinds(&chars, &words, &named) {
            if !facts.kinds.iter().any(|known| known.kind == told.kind) {
                let word = &words[told.word];
                facts.kinds.push(KindFact { kind: told.kind, at: place(word.start, word.end) });
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
                    unit: amount.unit,
                    drug: amount.drug.map(str::to_owned),
                    approximate: amount.approximate,
                    at: place(amount.start, amount.end),
                });
            }
        }
    }
    if facts.kinds.is_empty() {
        facts.kinds.push(KindFact { kind: Kind::Other, at: Place { paragraph: None, from: 0, to: 0 } });
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
        assert_eq!(facts.drugs[0].at, Place { paragraph: None, from: 0, to: 7 });
        let [hashish, heroin] = &facts.quantities[..] else { panic!("{:?}", facts.quantities) };
        assert_eq!(
            (hashish.amount, hashish.unit, hashish.drug.as_deref(), hashish.approximate),
            (Some(3.2), Unit::Kg, Some("hashish"), true)
        );
        assert_eq!(
            &paragraphs[1].chars().skip(hashish.at.from).take(hashish.at.to - hashish.at.from).collect::<String>(),
            "About 3.2 kg"
        );
        assert!(heroin.ambiguous() && heroin.amount.is_none() && heroin.readings == [5.065, 5065.0]);
        let kinds: Vec<Kind> = facts.kinds.iter().map(|fact| fact.kind).collect();
        assert_eq!(kinds, [Kind::Seizure, Kind::Arrest]);
        let json = serde_json::to_string(&facts).unwrap();
        assert_eq!(serde_json::from_str::<Facts>(&json).unwrap(), facts);
    }

    #[test]
    fn an_event_that_tells_no_kind_is_other() {
        let facts = extract("A NEW BUILDING", &["The agency moved into a new building.".to_owned()]);
        assert_eq!(facts.kinds.iter().map(|fact| fact.kind).collect::<Vec<_>>(), [Kind::Other]);
    }
}
