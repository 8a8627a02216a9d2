//! Measuring the extractor against events labelled by hand: precision and recall per kind
//! of fact. The labels are written by reading the text, never by running the extractor.

use crate::{extract, Kind, Unit};
use caricc_format::model::Facts;
use serde::Deserialize;
use std::collections::BTreeSet;

/// A file of labelled events (`tests/fixtures/facts/evaluation.json`).
#[derive(Debug, Deserialize)]
pub struct LabelledSet {
    pub events: Vec<LabelledEvent>,
}

#[derive(Debug, Deserialize)]
pub struct LabelledEvent {
    pub id: String,
    pub lang: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub labels: Labels,
}

/// What a reader finds in the event.
#[derive(Debug, Deserialize)]
pub struct Labels {
    pub drugs: Vec<String>,
    pub quantities: Vec<LabelledQuantity>,
    pub kinds: Vec<Kind>,
}

#[derive(Debug, Deserialize)]
pub struct LabelledQuantity {
    pub amount: Option<f64>,
    #[serde(default)]
    pub readings: Vec<f64>,
    #[serde(default)]
    pub to: Option<f64>,
    pub unit: Unit,
    pub drug: Option<String>,
    #[serde(default)]
    pub approximate: bool,
}

/// The goals for every type of fact: of what the extractor finds, at least this share is
/// right (precision) ...
pub const PRECISION_GOAL: f64 = 0.95;
/// ... and of what a reader finds, at least this share is found (recall).
pub const RECALL_GOAL: f64 = 0.90;

/// Counts for one type of fact.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Found and labelled.
    pub matched: usize,
    /// Found in all.
    pub found: usize,
    /// Labelled in all.
    pub labelled: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.matched as f64 / self.labelled as f64
        }
    }
    /// Whether the score meets [`PRECISION_GOAL`] and [`RECALL_GOAL`].
    pub fn meets_goals(&self) -> bool {
        self.precision() >= PRECISION_GOAL && self.recall() >= RECALL_GOAL
    }
    fn add(&mut self, other: Score) {
        self.matched += other.matched;
        self.found += other.found;
        self.labelled += other.labelled;
    }
}

/// What the extractor got wrong in one event, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub id: String,
    /// `drug`, `quantity` or `kind`.
    pub fact: &'static str,
    /// Found but not labelled (`false`: labelled but not found).
    pub extra: bool,
    pub what: String,
}

/// Scores per type of fact, over a set.
#[derive(Debug, Default)]
pub struct Report {
    pub events: usize,
    pub drugs: Score,
    /// An amount matches when its number (or both readings), range, unit, drug and
    /// approximation all agree with a label.
    pub quantities: Score,
    pub kinds: Score,
    pub misses: Vec<Miss>,
}

impl Report {
    /// Each type of fact with its score: drugs, quantities, kinds.
    pub fn scores(&self) -> [(&'static str, Score); 3] {
        [("drugs", self.drugs), ("quantities", self.quantities), ("kinds", self.kinds)]
    }
}

/// Scores the extractor on every event of `set`.
pub fn evaluate(set: &LabelledSet) -> Report {
    let mut report = Report::default();
    for event in &set.events {
        let facts = extract(&event.title, &event.paragraphs);
        report.events += 1;
        score_event(event, &facts, &mut report);
    }
    report
}

fn score_event(event: &LabelledEvent, facts: &Facts, report: &mut Report) {
    let mut miss = |fact: &'static str, extra: bool, what: String| {
        report.misses.push(Miss { id: event.id.clone(), fact, extra, what });
    };
    // Drugs and kinds: sets.
    let found: BTreeSet<&str> = facts.drugs.iter().map(|fact| fact.drug.as_str()).collect();
    let labelled: BTreeSet<&str> = event.labels.drugs.iter().map(String::as_str).collect();
    for drug in found.symmetric_difference(&labelled) {
        miss("drug", found.contains(drug), (*drug).to_owned());
    }
    report.drugs.add(Score {
        matched: found.intersection(&labelled).count(),
        found: found.len(),
        labelled: labelled.len(),
    });

    // An event with facts and no kind is of kind `other`, which is not written.
    let mut found: BTreeSet<&str> = facts.kinds.iter().map(|fact| fact.kind.as_str()).collect();
    if found.is_empty() {
        found.insert(Kind::Other.id());
    }
    let labelled: BTreeSet<&str> = event.labels.kinds.iter().map(|kind| kind.id()).collect();
    for kind in found.symmetric_difference(&labelled) {
        miss("kind", found.contains(kind), (*kind).to_owned());
    }
    report.kinds.add(Score {
        matched: found.intersection(&labelled).count(),
        found: found.len(),
        labelled: labelled.len(),
    });

    // Amounts: each label matched by at most one found amount.
    let mut unmatched: Vec<&LabelledQuantity> = event.labels.quantities.iter().collect();
    let mut matched = 0;
    for quantity in &facts.quantities {
        let same = |label: &&LabelledQuantity| {
            near(label.amount, quantity.amount)
                && label.readings.len() == quantity.readings.len()
                && label.readings.iter().zip(&quantity.readings).all(|(a, b)| near(Some(*a), Some(*b)))
                && near(label.to, quantity.to)
                && label.unit.id() == quantity.unit
                && label.drug == quantity.drug
                && label.approximate == quantity.approximate
        };
        match unmatched.iter().position(same) {
            Some(at) => {
                unmatched.remove(at);
                matched += 1;
            }
            None => miss(
                "quantity",
                true,
                describe(
                    quantity.amount,
                    &quantity.readings,
                    quantity.to,
                    &quantity.unit,
                    quantity.drug.as_deref(),
                    quantity.approximate,
                ),
            ),
        }
    }
    for label in unmatched {
        miss(
            "quantity",
            false,
            describe(
                label.amount,
                &label.readings,
                label.to,
                label.unit.id(),
                label.drug.as_deref(),
                label.approximate,
            ),
        );
    }
    report.quantities.add(Score { matched, found: facts.quantities.len(), labelled: event.labels.quantities.len() });
}

fn near(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn describe(
    amount: Option<f64>,
    readings: &[f64],
    to: Option<f64>,
    unit: &str,
    drug: Option<&str>,
    approximate: bool,
) -> String {
    let number = match amount {
        Some(amount) => amount.to_string(),
        None => format!("{readings:?}"),
    };
    let to = to.map(|to| format!("–{to}")).unwrap_or_default();
    let about = if approximate { "about " } else { "" };
    format!("{about}{number}{to} {unit} of {}", drug.unwrap_or("?"))
}
