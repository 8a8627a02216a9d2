//! The facts as a bundle holds them ([`caricc_format::model::Facts`]): drugs, kinds and
//! units by their ids, places as paragraph and character numbers. Kind `other` is not
//! written: it is what an event with facts and no kind is.

use crate::{extract, Kind, Place, Unit};
use caricc_format::model;

/// The facts of an event with this title and these paragraphs, for its bundle.
pub fn read(title: &str, paragraphs: &[String]) -> model::Facts {
    let facts = extract(title, paragraphs);
    model::Facts {
        drugs: facts.drugs.into_iter().map(|fact| model::DrugFact { drug: fact.drug, at: place(fact.at) }).collect(),
        quantities: facts
            .quantities
            .into_iter()
            .map(|fact| model::QuantityFact {
                amount: fact.amount,
                readings: fact.readings,
                to: fact.to,
                unit: unit_id(fact.unit).to_owned(),
                drug: fact.drug,
                approximate: fact.approximate,
                at: place(fact.at),
            })
            .collect(),
        kinds: facts
            .kinds
            .into_iter()
            .filter(|fact| fact.kind != Kind::Other)
            .map(|fact| model::KindFact { kind: fact.kind.id().to_owned(), at: place(fact.at) })
            .collect(),
    }
}

fn place(at: Place) -> model::Place {
    // A paragraph or an offset past u32 cannot occur: the format's limits keep texts far shorter.
    let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    model::Place { p: at.paragraph.map(number), from: number(at.from), to: number(at.to) }
}

/// Every unit, in the order readers list them.
pub const UNITS: [Unit; 11] = [
    Unit::Kg,
    Unit::G,
    Unit::T,
    Unit::L,
    Unit::Ml,
    Unit::Tablets,
    Unit::Capsules,
    Unit::Doses,
    Unit::Ampoules,
    Unit::Packets,
    Unit::Plants,
];

/// The unit's id, as bundles write it.
pub fn unit_id(unit: Unit) -> &'static str {
    match unit {
        Unit::G => "g",
        Unit::Kg => "kg",
        Unit::T => "t",
        Unit::Ml => "ml",
        Unit::L => "l",
        Unit::Tablets => "tablets",
        Unit::Capsules => "capsules",
        Unit::Doses => "doses",
        Unit::Plants => "plants",
        Unit::Packets => "packets",
        Unit::Ampoules => "ampoules",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_as_the_bundle_writes_them() {
        let paragraphs = vec!["Officers seized 5,065 kg of heroin and about 200 tablets.".to_owned()];
        let facts = read("HEROIN SEIZED", &paragraphs);
        assert_eq!(facts.drugs[0].drug, "heroin");
        assert_eq!(facts.drugs[0].at, model::Place { p: None, from: 0, to: 6 });
        let units: Vec<&str> = facts.quantities.iter().map(|fact| fact.unit.as_str()).collect();
        assert_eq!(units, ["kg", "tablets"]);
        assert!(facts.quantities[0].ambiguous());
        assert_eq!(facts.quantities[1].at.p, Some(0));
        assert_eq!(facts.kinds.iter().map(|fact| fact.kind.as_str()).collect::<Vec<_>>(), ["seizure"]);
        let json = serde_json::to_string(&facts).unwrap();
        assert_eq!(serde_json::from_str::<model::Facts>(&json).unwrap(), facts);
    }

    #[test]
    fn other_is_no_kind() {
        let facts = read("A NEW BUILDING", &["The agency moved into a new building.".to_owned()]);
        assert!(facts.kinds.is_empty());
    }

    #[test]
    fn every_unit_has_the_id_serde_writes() {
        for unit in UNITS {
            assert_eq!(serde_json::to_string(&unit).unwrap(), format!("\"{}\"", unit_id(unit)));
        }
    }
}
