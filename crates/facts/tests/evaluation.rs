//! The extractor against the hand-labelled events in `tests/fixtures/facts/evaluation.json`
//! (111 events: 50 English, 51 Russian, the sample release's 10), labelled from the text,
//! not from the extractor. `cargo test -p caricc-facts --test evaluation -- --nocapture`
//! prints every miss and the scores.

use caricc_facts::evaluation::{evaluate, LabelledSet};

#[test]
fn the_extractor_is_measured_against_hand_labelled_events() {
    let text = include_str!("../../../tests/fixtures/facts/evaluation.json");
    let set: LabelledSet = serde_json::from_str(text).unwrap();
    assert!(set.events.len() >= 90 && set.events.iter().filter(|event| event.lang == "ru").count() >= 45);
    let report = evaluate(&set);
    for miss in &report.misses {
        println!("{} {} {}: {}", miss.id, miss.fact, if miss.extra { "extra" } else { "missed" }, miss.what);
    }
    for (name, score) in report.scores() {
        println!("{name}: precision {:.3}, recall {:.3} ({score:?})", score.precision(), score.recall());
    }
    // The goals: precision ≥ 0.95 and recall ≥ 0.90 for drugs, amounts and kinds.
    for (name, score) in report.scores() {
        assert!(score.meets_goals(), "{name}: {score:?}");
    }
}

/// The held-out set: 60 events (30 Russian) written after the rules were tuned, by a
/// labeller who saw neither the rules nor their output. What the rules score there is
/// what to expect of text they were not fitted to; it is not tuned against, or it would
/// stop telling that. `caricc evaluate-facts tests/fixtures/facts/held-out.json --misses`
/// lists its misses.
#[test]
fn the_extractor_on_events_it_was_not_tuned_on() {
    let text = include_str!("../../../tests/fixtures/facts/held-out.json");
    let set: LabelledSet = serde_json::from_str(text).unwrap();
    assert!(set.events.len() >= 60 && set.events.iter().filter(|event| event.lang == "ru").count() >= 30);
    let report = evaluate(&set);
    for (name, score) in report.scores() {
        println!("held out, {name}: precision {:.3}, recall {:.3} ({score:?})", score.precision(), score.recall());
    }
    // Drugs and kinds meet the goals here too. Amounts do not (0.887 / 0.797 when the set
    // was written: drugs tied across a shared noun or a `respectively` list, and units
    // read as other units): until they do, they may not fall below where they are.
    assert!(report.drugs.meets_goals(), "drugs: {:?}", report.drugs);
    assert!(report.kinds.meets_goals(), "kinds: {:?}", report.kinds);
    let amounts = report.quantities;
    assert!(amounts.precision() >= 0.88 && amounts.recall() >= 0.79, "quantities: {amounts:?}");
}
