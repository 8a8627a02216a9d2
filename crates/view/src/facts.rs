//! The facts the importer read, as the page uses them: the text and the sentence a fact was
//! read in ([`fact_sentence`]), amounts in their measure ([`in_measure`]), drugs by name
//! ([`drug_name`]), and the few rules the insights ([`crate::insights`]) and the exports
//! ([`crate::export`]) count by.
//!
//! Facts come from a bundle, which may be hostile: a place may point past its text or run
//! backwards, a number may be too large to add, a unit or a kind unknown to this build. So
//! nothing here indexes text by a place it has not checked, and what cannot be counted is
//! left out and counted as left out.

use caricc_format::date::Date;
use caricc_format::model::{Bundle, Event, Issue, Place, QuantityFact};
use caricc_search::search::EventRef;

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

/// A map kept as a vector sorted by its keys: the order a `BTreeMap` keeps, for the few
/// keys a chart has, without the B-tree's code in the app (about 15 KB of WebAssembly).
pub(crate) type Sorted<K, V> = Vec<(K, V)>;

/// The value at `key`, inserted as its default where it was not.
pub(crate) fn entry<K: Ord, V: Default>(map: &mut Sorted<K, V>, key: K) -> &mut V {
    let at = match map.binary_search_by(|(other, _)| other.cmp(&key)) {
        Ok(at) => at,
        Err(at) => {
            map.insert(at, (key, V::default()));
            at
        }
    };
    &mut map[at].1
}

/// How an amount counts.
pub(crate) enum Counted<'a> {
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
pub(crate) fn counted(quantity: &QuantityFact) -> Counted<'_> {
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
pub fn kinds_of(event: &Event) -> Option<Vec<&str>> {
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
pub(crate) fn release_month(issue: &Issue) -> Option<String> {
    Date::parse_iso(&issue.period.from).map(|date| format!("{:04}-{:02}", date.year, date.month))
}

/// The release and event a reference points to, if it points to one.
pub(crate) fn resolve(bundle: &Bundle, at: EventRef) -> Option<(&Issue, &Event)> {
    let issue = bundle.issues.get(at.issue)?;
    Some((issue, issue.events.get(at.event)?))
}

/// Sums that cannot overflow to infinity: a hostile bundle's huge amounts add up to the
/// largest number rather than to something no chart can scale.
pub(crate) fn add(a: f64, b: f64) -> f64 {
    (a + b).min(f64::MAX)
}
