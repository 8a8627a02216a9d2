//! `caricc evaluate-facts`: how well the fact extractor reads a set of events labelled by
//! hand, as precision and recall per type of fact; exits 1 below the goals.

use crate::failure::Failure;
use caricc_facts::evaluation::{evaluate, LabelledSet, PRECISION_GOAL, RECALL_GOAL};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The labelled events (the repository's are in tests/fixtures/facts/evaluation.json).
    labelled: PathBuf,
    /// Also list every fact the extractor missed or found in excess, by event.
    #[arg(long)]
    misses: bool,
}

pub fn run(Args { labelled, misses }: Args) -> Result<(), Failure> {
    let path = labelled.display();
    let text = std::fs::read_to_string(&labelled).map_err(|error| Failure(format!("{path}: cannot read: {error}")))?;
    let set: LabelledSet = serde_json::from_str(&text)
        .map_err(|error| Failure(format!("{path}: not a set of labelled events: {error}")))?;
    let report = evaluate(&set);
    if misses {
        for miss in &report.misses {
            let how = if miss.extra { "found, not labelled" } else { "labelled, not found" };
            println!("{}  {} {how}: {}", miss.id, miss.fact, miss.what);
        }
    }
    let russian = set.events.iter().filter(|event| event.lang == "ru").count();
    println!("{path}: {} events ({russian} in Russian)", report.events);
    println!("  {:<11} {:>9} {:>7}  {:>7} {:>7} {:>9}", "", "precision", "recall", "matched", "found", "labelled");
    for (name, score) in report.scores() {
        println!(
            "  {name:<11} {:>9.3} {:>7.3}  {:>7} {:>7} {:>9}{}",
            score.precision(),
            score.recall(),
            score.matched,
            score.found,
            score.labelled,
            if score.meets_goals() { "" } else { "  below the goals" }
        );
    }
    println!("  goals: precision ≥ {PRECISION_GOAL}, recall ≥ {RECALL_GOAL}");
    if report.scores().iter().any(|(_, score)| !score.meets_goals()) {
        return Err(Failure(format!("{path}: the extractor is below its goals")));
    }
    Ok(())
}
