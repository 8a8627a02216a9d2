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
