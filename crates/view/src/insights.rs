//! What the events shown hold, for the page's charts: per country and month, per drug and
//! measure, per kind ([`insights`]), with the events behind each bar ([`events_in`]).

use crate::facts::{add, counted, entry, kinds_of, release_month, resolve, Counted, Measure, Sorted, OTHER_KIND};
use caricc_facts::Kind;
use caricc_format::model::{Bundle, Event, Issue};
use caricc_search::search::EventRef;

/// What a set of events holds, for the page's charts. Every list is in a fixed order, so the
/// same events give the same insights.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Insights {
    /// The events' countries, by code: the order of [`MonthRow::counts`] (stacking and colours).
    pub countries: Vec<String>,
    /// Events per month of their release's period (its first day), months in order. A month
    /// with no events has no row: the page labels each bar with its month.
    pub months: Vec<MonthRow>,
    /// Amounts, one table per measure any amount is in, in [`Measure::ALL`] order.
    pub amounts: Vec<AmountTable>,
    /// Events per kind: the rules' kinds in their order, then kinds this build does not know
    /// (by id), then [`OTHER_KIND`]. An event counts once under each kind it tells; kinds no
    /// event tells are left out.
    pub kinds: Vec<(String, usize)>,
    /// Amounts left out because their number reads two ways (`5,065 kg`).
    pub ambiguous_left_out: usize,
    /// Amounts left out because their unit is unknown, or their number missing, negative or
    /// too large to add.
    pub unreadable_left_out: usize,
    /// Events whose facts were not read (bundles from before facts): in no kind and no amount.
    pub not_read: usize,
    /// Events whose release has no valid period: in no month and no amount.
    pub undated: usize,
}

/// One month's events, per country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    /// Events per country, in the order of [`Insights::countries`] (zero where it has none).
    pub counts: Vec<usize>,
    pub total: usize,
}

/// The amounts of one measure, per month and drug.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountTable {
    pub measure: Measure,
    /// The drugs (ids of the drug table), by id; then `None`, the amounts whose sentence does
    /// not say what they are of. Those are kept, not dropped: the page can say "drug not
    /// stated" and the totals hide nothing.
    pub drugs: Vec<Option<String>>,
    /// Months with an amount of the measure, in order.
    pub rows: Vec<AmountRow>,
    /// Per drug, over all months, in the order of `drugs`.
    pub totals: Vec<f64>,
    /// How many of the amounts added were printed as approximate ("about 5 kg"): they count
    /// at their value.
    pub approximate: usize,
}

/// One month's amounts of a measure.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountRow {
    /// `YYYY-MM`.
    pub month: String,
    /// In the measure's unit, per drug in the order of [`AmountTable::drugs`].
    pub amounts: Vec<f64>,
    pub total: f64,
}

/// What a bar or a cell stands for, to open the events behind it ([`events_in`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Selection {
    /// The events of one month (`YYYY-MM`): a whole bar of the months chart.
    Month(String),
    /// The events of one country in one month: a segment of that bar.
    CountryMonth { country: String, month: String },
    /// The events with an amount added to this cell of the measure's table (`drug: None`:
    /// amounts of no stated drug).
    Amount { measure: Measure, drug: Option<String>, month: String },
    /// The events of a kind ([`OTHER_KIND`] included).
    Kind(String),
    /// The events whose facts were not read.
    NotRead,
}

impl Selection {
    /// Whether an event of a release is behind the bar: the same rules [`insights`] counts by.
    pub fn fits(&self, issue: &Issue, event: &Event) -> bool {
        match self {
            Selection::Month(month) => release_month(issue).as_ref() == Some(month),
            Selection::CountryMonth { country, month } => {
                &event.country == country && release_month(issue).as_ref() == Some(month)
            }
            Selection::Amount { measure, drug, month } => {
                release_month(issue).as_ref() == Some(month)
                    && event.facts.iter().flat_map(|facts| &facts.quantities).any(|quantity| {
                        matches!(counted(quantity), Counted::Amount { measure: m, drug: d, .. }
                            if m == *measure && d == drug.as_deref())
                    })
            }
            Selection::Kind(kind) => kinds_of(event).is_some_and(|kinds| kinds.contains(&kind.as_str())),
            Selection::NotRead => event.facts.is_none(),
        }
    }
}

/// The events of `events` behind a bar, in the order given.
pub fn events_in(selection: &Selection, bundle: &Bundle, events: &[EventRef]) -> Vec<EventRef> {
    events
        .iter()
        .copied()
        .filter(|&at| resolve(bundle, at).is_some_and(|(issue, event)| selection.fits(issue, event)))
        .collect()
}

/// What the events add up to. References to no event are passed over.
pub fn insights(bundle: &Bundle, events: &[EventRef]) -> Insights {
    let mut insights = Insights::default();
    let mut countries: Sorted<&str, ()> = Vec::new();
    let mut per_month: Sorted<String, Sorted<&str, usize>> = Vec::new();
    let mut amounts: Sorted<Measure, Amounts> = Vec::new();
    let mut kinds: Sorted<&str, usize> = Vec::new();

    for (issue, event) in events.iter().filter_map(|&at| resolve(bundle, at)) {
        match kinds_of(event) {
            Some(told) => told.into_iter().for_each(|kind| *entry(&mut kinds, kind) += 1),
            None => insights.not_read += 1,
        }
        let Some(month) = release_month(issue) else {
            insights.undated += 1;
            continue;
        };
        entry(&mut countries, event.country.as_str());
        for quantity in event.facts.iter().flat_map(|facts| &facts.quantities) {
            match counted(quantity) {
                Counted::Amount { measure, drug, value } => {
                    let table = entry(&mut amounts, measure);
                    entry(&mut table.drugs, drug);
                    let cell = entry(&mut table.cells, (month.clone(), drug));
                    *cell = add(*cell, value);
                    table.approximate += usize::from(quantity.approximate);
                }
                Counted::Ambiguous => insights.ambiguous_left_out += 1,
                Counted::Unreadable => insights.unreadable_left_out += 1,
            }
        }
        *entry(entry(&mut per_month, month), event.country.as_str()) += 1;
    }

    insights.countries = countries.iter().map(|&(code, ())| code.to_owned()).collect();
    insights.months = per_month
        .into_iter()
        .map(|(month, counts)| {
            let count_of = |code: &str| counts.iter().find(|(other, _)| *other == code).map_or(0, |(_, n)| *n);
            let counts: Vec<usize> = countries.iter().map(|&(code, ())| count_of(code)).collect();
            MonthRow { month, total: counts.iter().sum(), counts }
        })
        .collect();
    insights.amounts = amounts.into_iter().map(|(measure, amounts)| amounts.table(measure)).collect();
    insights.kinds = kinds_in_order(kinds);
    insights
}

/// One measure's amounts as they are added up: per (month, drug), in order.
#[derive(Default)]
struct Amounts<'a> {
    drugs: Sorted<Option<&'a str>, ()>,
    cells: Sorted<(String, Option<&'a str>), f64>,
    approximate: usize,
}

impl Amounts<'_> {
    fn table(self, measure: Measure) -> AmountTable {
        // `None` sorts first; the amounts of no stated drug go last.
        let mut drugs: Vec<Option<&str>> = self.drugs.into_iter().map(|(drug, ())| drug).collect();
        if drugs.first() == Some(&None) {
            drugs.rotate_left(1);
        }
        let mut rows: Vec<AmountRow> = Vec::new();
        let mut totals = vec![0.0; drugs.len()];
        for ((month, drug), value) in self.cells {
            let column = drugs.iter().position(|&d| d == drug).unwrap_or_default();
            if rows.last().is_none_or(|row| row.month != month) {
                rows.push(AmountRow { month, amounts: vec![0.0; drugs.len()], total: 0.0 });
            }
            if let Some(row) = rows.last_mut() {
                row.amounts[column] = value;
                row.total = add(row.total, value);
            }
            totals[column] = add(totals[column], value);
        }
        let drugs = drugs.into_iter().map(|drug| drug.map(str::to_owned)).collect();
        AmountTable { measure, drugs, rows, totals, approximate: self.approximate }
    }
}

/// Kinds in the order the page lists them: the rules' kinds, unknown ones by id, other.
fn kinds_in_order(mut counts: Sorted<&str, usize>) -> Vec<(String, usize)> {
    let mut remove = |kind: &str| {
        let at = counts.iter().position(|(other, _)| *other == kind)?;
        Some(counts.remove(at).1)
    };
    let mut ordered: Vec<(String, usize)> = Vec::new();
    for kind in Kind::ALL.iter().map(|kind| kind.id()).filter(|&id| id != OTHER_KIND) {
        if let Some(count) = remove(kind) {
            ordered.push((kind.to_owned(), count));
        }
    }
    let other = remove(OTHER_KIND);
    ordered.extend(counts.into_iter().map(|(kind, count)| (kind.to_owned(), count)));
    ordered.extend(other.map(|count| (OTHER_KIND.to_owned(), count)));
    ordered
}
