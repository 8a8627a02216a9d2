//! What the facts the importer read add up to, decided here so that the page only draws
//! it: the sentence a fact was read in ([`fact_sentence`]), and what a set of events holds
//! per country and month, per drug and measure and per kind ([`insights`]), with the events
//! behind each bar ([`events_in`]).
//!
//! Facts come from a bundle, which may be hostile: a place may point past its text or run
//! backwards, a number may be too large to add, a unit or a kind unknown to this build. So
//! nothing here indexes text by a place it has not checked, and what cannot be counted is
//! left out and counted as left out.

use caricc_facts::Kind;
use caricc_format::date::Date;
use caricc_format::model::{Bundle, Event, Issue, Place, QuantityFact};
use caricc_search::search::EventRef;
use std::collections::{BTreeMap, BTreeSet};

/// The characters a fact was read in; `None` when the place is not in the event (a
/// paragraph it lacks, characters past the end of the text, an empty or inverted range).
pub fn fact_text(event: &Event, at: Place) -> Option<String> {
    let (chars, from, to) = placed(event, at)?;
    Some(chars[from..to].iter().collect())
}

/// The sentence a fact was read in, trimmed: from the end of the sentence before it to the
/// end of its own, or the whole title or paragraph when it has no sentence ends there. A
/// fact that spans a sentence end gets both sentences. `None` as for [`fact_text`].
pub fn fact_sentence(event: &Event, at: Place) -> Option<String> {
    let (chars, from, to) = placed(event, at)?;
    let start = (1..=from).rev().find(|&at| sentence_ends_before(&chars, at)).unwrap_or(0);
    let end = (to..chars.len()).find(|&at| sentence_ends_before(&chars, at)).unwrap_or(chars.len());
    let sentence: String = chars[start..end].iter().collect();
    Some(sentence.trim().to_owned())
}

/// The characters of the text a place is in, and the place as indexes that are in range.
fn placed(event: &Event, at: Place) -> Option<(Vec<char>, usize, usize)> {
    let text = match at.p {
        None => &event.title,
        Some(p) => event.paragraphs.get(usize::try_from(p).ok()?)?,
    };
    let (from, to) = (usize::try_from(at.from).ok()?, usize::try_from(at.to).ok()?);
    let chars: Vec<char> = text.chars().collect();
    (from < to && to <= chars.len()).then_some((chars, from, to))
}

/// Closing quotes and brackets that may stand between a sentence's full stop and the space
/// after it (`… he said.” Then`).
const CLOSERS: [char; 6] = ['"', '”', '»', '’', '\'', ')'];

/// True when the whitespace at `at` follows a sentence's end: `.`, `!`, `?` or `…`, maybe
/// with closing quotes or brackets after it.
fn sentence_ends_before(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|c| c.is_whitespace())
        && chars[..at].iter().rev().find(|c| !CLOSERS.contains(c)).is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// The kind of an event whose facts were read and tell none of the kinds the rules know.
pub const OTHER_KIND: &str = "other";

/// What amounts are added up in: mass (kilograms), volume (litres), or a count of one kind
/// of thing. Each is a series of its own: kilograms are never added to litres, nor tablets
/// to doses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    Mass,
    Volume,
    Tablets,
    Capsules,
    Doses,
    Ampoules,
    Packets,
    Plants,
}

impl Measure {
    /// Every measure, in the order the page lists them.
    pub const ALL: [Measure; 8] = [
        Measure::Mass,
        Measure::Volume,
        Measure::Tablets,
        Measure::Capsules,
        Measure::Doses,
        Measure::Ampoules,
        Measure::Packets,
        Measure::Plants,
    ];

    /// The unit the measure's amounts are given in (`kg`, `l`, `tablets`, …).
    pub fn unit(self) -> &'static str {
        match self {
            Measure::Mass => "kg",
            Measure::Volume => "l",
            Measure::Tablets => "tablets",
            Measure::Capsules => "capsules",
            Measure::Doses => "doses",
            Measure::Ampoules => "ampoules",
            Measure::Packets => "packets",
            Measure::Plants => "plants",
        }
    }
}

/// An amount in a bundle's unit (`g`, `t`, `ml`, `tablets`, …) as its measure and its value
/// in the measure's unit (grams to kilograms, tonnes to kilograms, millilitres to litres).
/// `None` for a unit this build does not know, or a value that is negative or too large to
/// be a number (a hostile bundle's `1e308 t`).
pub fn in_measure(amount: f64, unit: &str) -> Option<(Measure, f64)> {
    let (measure, value) = match unit {
        "g" => (Measure::Mass, amount / 1000.0),
        "kg" => (Measure::Mass, amount),
        "t" => (Measure::Mass, amount * 1000.0),
        "ml" => (Measure::Volume, amount / 1000.0),
        "l" => (Measure::Volume, amount),
        "tablets" => (Measure::Tablets, amount),
        "capsules" => (Measure::Capsules, amount),
        "doses" => (Measure::Doses, amount),
        "ampoules" => (Measure::Ampoules, amount),
        "packets" => (Measure::Packets, amount),
        "plants" => (Measure::Plants, amount),
        _ => return None,
    };
    (value.is_finite() && value >= 0.0).then_some((measure, value))
}

/// A drug's name in an interface language (`en`, `ru`); its id when this build's drug table
/// lacks it (a bundle written by a newer importer).
pub fn drug_name(id: &str, lang: &str) -> String {
    match (caricc_facts::drugs::by_id(id), lang) {
        (Some(drug), "ru") => drug.ru.to_owned(),
        (Some(drug), _) => drug.en.to_owned(),
        (None, _) => id.to_owned(),
    }
}

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
    let mut countries: BTreeSet<&str> = BTreeSet::new();
    let mut per_month: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut amounts: BTreeMap<Measure, Amounts> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();

    for (issue, event) in events.iter().filter_map(|&at| resolve(bundle, at)) {
        match kinds_of(event) {
            Some(told) => told.into_iter().for_each(|kind| *kinds.entry(kind).or_default() += 1),
            None => insights.not_read += 1,
        }
        let Some(month) = release_month(issue) else {
            insights.undated += 1;
            continue;
        };
        countries.insert(&event.country);
        for quantity in event.facts.iter().flat_map(|facts| &facts.quantities) {
            match counted(quantity) {
                Counted::Amount { measure, drug, value } => {
                    let table = amounts.entry(measure).or_default();
                    table.drugs.insert(drug);
                    let cell = table.cells.entry((month.clone(), drug)).or_default();
                    *cell = add(*cell, value);
                    table.approximate += usize::from(quantity.approximate);
                }
                Counted::Ambiguous => insights.ambiguous_left_out += 1,
                Counted::Unreadable => insights.unreadable_left_out += 1,
            }
        }
        *per_month.entry(month).or_default().entry(&event.country).or_default() += 1;
    }

    insights.countries = countries.iter().map(|&code| code.to_owned()).collect();
    insights.months = per_month
        .into_iter()
        .map(|(month, counts)| {
            let counts: Vec<usize> =
                countries.iter().map(|code| counts.get(code).copied().unwrap_or_default()).collect();
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
    drugs: BTreeSet<Option<&'a str>>,
    cells: BTreeMap<(String, Option<&'a str>), f64>,
    approximate: usize,
}

impl Amounts<'_> {
    fn table(self, measure: Measure) -> AmountTable {
        // `None` sorts first; the amounts of no stated drug go last.
        let mut drugs: Vec<Option<&str>> = self.drugs.into_iter().collect();
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
fn kinds_in_order(mut counts: BTreeMap<&str, usize>) -> Vec<(String, usize)> {
    let mut ordered: Vec<(String, usize)> = Vec::new();
    for kind in Kind::ALL.iter().map(|kind| kind.id()).filter(|&id| id != OTHER_KIND) {
        if let Some(count) = counts.remove(kind) {
            ordered.push((kind.to_owned(), count));
        }
    }
    let other = counts.remove(OTHER_KIND);
    ordered.extend(counts.into_iter().map(|(kind, count)| (kind.to_owned(), count)));
    ordered.extend(other.map(|count| (OTHER_KIND.to_owned(), count)));
    ordered
}

/// Sums that cannot overflow to infinity: a hostile bundle's huge amounts add up to the
/// largest number rather than to something no chart can scale.
fn add(a: f64, b: f64) -> f64 {
    (a + b).min(f64::MAX)
}

/// How an amount counts.
enum Counted<'a> {
    Amount {
        measure: Measure,
        drug: Option<&'a str>,
        value: f64,
    },
    /// The number reads two ways and the text does not say which.
    Ambiguous,
    Unreadable,
}

/// A range counts at its lower end, what the text says at least; an approximate amount at
/// its value.
fn counted(quantity: &QuantityFact) -> Counted<'_> {
    if quantity.ambiguous() {
        return Counted::Ambiguous;
    }
    match quantity.amount.and_then(|amount| in_measure(amount, &quantity.unit)) {
        Some((measure, value)) => Counted::Amount { measure, drug: quantity.drug.as_deref(), value },
        None => Counted::Unreadable,
    }
}

/// The kinds an event tells, each once, in the order told; [`OTHER_KIND`] alone when its
/// facts tell none; `None` when its facts were not read. A kind written as `other` is read
/// as telling none.
fn kinds_of(event: &Event) -> Option<Vec<&str>> {
    let facts = event.facts.as_ref()?;
    let mut kinds: Vec<&str> = Vec::new();
    for kind in facts.kinds.iter().map(|fact| fact.kind.as_str()) {
        if kind != OTHER_KIND && !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds.push(OTHER_KIND);
    }
    Some(kinds)
}

/// The month of a release, `YYYY-MM`, from the first day of its period.
fn release_month(issue: &Issue) -> Option<String> {
    Date::parse_iso(&issue.period.from).map(|date| format!("{:04}-{:02}", date.year, date.month))
}

/// The release and event a reference points to, if it points to one.
fn resolve(bundle: &Bundle, at: EventRef) -> Option<(&Issue, &Event)> {
    let issue = bundle.issues.get(at.issue)?;
    Some((issue, issue.events.get(at.event)?))
}
