//! What the facts the importer read add up to, decided here so that the page only draws
//! it: the sentence a fact was read in ([`fact_sentence`]), and what a set of events holds
//! per country and month, per drug and measure and per kind ([`insights`]), with the events
//! behind each bar ([`events_in`]), the geometry of a stacked bar chart for inline SVG
//! ([`stacked_bars`]), and the events to take away: as CSV ([`events_csv`],
//! [`quantities_csv`]) and as a bundle ([`events_json`]).
//!
//! Facts come from a bundle, which may be hostile: a place may point past its text or run
//! backwards, a number may be too large to add, a unit or a kind unknown to this build. So
//! nothing here indexes text by a place it has not checked, and what cannot be counted is
//! left out and counted as left out.

use caricc_facts::Kind;
use caricc_format::bundle::to_json;
use caricc_format::date::Date;
use caricc_format::model::{Bundle, Event, Issue, Place, QuantityFact, FORMAT_VERSION};
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

/// A map kept as a vector sorted by its keys: the order a `BTreeMap` keeps, for the few
/// keys a chart has, without the B-tree's code in the app (about 15 KB of WebAssembly).
type Sorted<K, V> = Vec<(K, V)>;

/// The value at `key`, inserted as its default where it was not.
fn entry<K: Ord, V: Default>(map: &mut Sorted<K, V>, key: K) -> &mut V {
    let at = match map.binary_search_by(|(other, _)| other.cmp(&key)) {
        Ok(at) => at,
        Err(at) => {
            map.insert(at, (key, V::default()));
            at
        }
    };
    &mut map[at].1
}

/// Sums that cannot overflow to infinity: a hostile bundle's huge amounts add up to the
/// largest number rather than to something no chart can scale.
fn add(a: f64, b: f64) -> f64 {
    (a + b).min(f64::MAX)
}

/// The box a chart is drawn in, as an SVG `viewBox`, and the room kept around the bars for
/// the axis's labels (left) and the columns' labels (below).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// 320 × 180: on a 360 px phone it is drawn at about its own size, so 10 px labels read.
    pub const PHONE: Frame = Frame { width: 320.0, height: 180.0, left: 48.0, right: 8.0, top: 8.0, bottom: 22.0 };
}

/// A stacked bar chart's shapes, in the frame's coordinates (y down), each rounded to a
/// tenth of a unit: finer than a phone's pixel, and short in the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub frame: Frame,
    /// The y of zero, where the bars stand (the x axis).
    pub baseline: f64,
    /// One rectangle per value above zero.
    pub bars: Vec<Bar>,
    /// The y axis's ticks, zero up to the scale's top.
    pub ticks: Vec<Tick>,
    /// The columns that get a label: every one, or every n-th when labels would overlap.
    pub labels: Vec<ColumnLabel>,
}

/// One value of one column.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub column: usize,
    /// The value's place in its column, bottom first: the series it belongs to (its colour).
    pub segment: usize,
    pub value: f64,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A tick of the y axis: a grid line at `y`, and the value's label ending at `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    /// Decimals to write the value with: none for whole steps, one for steps of 0.5, …
    pub decimals: usize,
    pub x: f64,
    pub y: f64,
}

/// Where a column's label goes: centred on `x`, its baseline at `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnLabel {
    pub column: usize,
    pub x: f64,
    pub y: f64,
}

/// The y axis's scale: ticks every `step` from zero to `top`, the first multiple of the step
/// at or above the largest value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub step: f64,
    pub top: f64,
    pub decimals: usize,
}

/// About this many steps up the y axis: enough to read a bar's value off, few enough that
/// the labels do not crowd 150 units of height.
const TICK_STEPS: f64 = 4.0;
/// The room a column's label (`2025-08` in 10 px type) needs.
const LABEL_WIDTH: f64 = 44.0;
/// Bars take this share of their column, and no more than `MAX_BAR_WIDTH`: one month alone is
/// not a slab.
const BAR_SHARE: f64 = 0.8;
const MAX_BAR_WIDTH: f64 = 32.0;

/// A scale whose step is 1, 2 or 5 times a power of ten, for values up to `max`; `None` when
/// there is nothing above zero to draw. Values too close to the largest or the smallest
/// number for such a step get one step, zero to `max`.
pub fn nice_scale(max: f64) -> Option<Scale> {
    if !(max > 0.0 && max.is_finite()) {
        return None;
    }
    let whole = Scale { step: max, top: max, decimals: 0 };
    let rough = max / TICK_STEPS;
    if !rough.is_normal() {
        return Some(whole);
    }
    let mut exponent = rough.log10().floor() as i32;
    let mut multiple = [1.0, 2.0, 5.0].into_iter().find(|m| m * 10f64.powi(exponent) >= rough).unwrap_or(10.0);
    if multiple == 10.0 {
        (multiple, exponent) = (1.0, exponent + 1);
    }
    let step = multiple * 10f64.powi(exponent);
    let mut top = (max / step).ceil() * step;
    // Rounding may leave the top a hair under the largest value.
    if top < max {
        top += step;
    }
    if !(top.is_finite() && step > 0.0) {
        return Some(whole);
    }
    Some(Scale { step, top, decimals: usize::try_from(-exponent).unwrap_or(0) })
}

/// The shapes of a stacked bar chart: one column per entry of `columns`, its values stacked
/// bottom first. A value that is not a number above zero draws nothing; no values above zero
/// draw no chart at all (no bars, ticks or labels).
pub fn stacked_bars(columns: &[Vec<f64>], frame: Frame) -> BarChart {
    let baseline = round_tenth(frame.height - frame.bottom);
    let mut chart = BarChart { frame, baseline, bars: Vec::new(), ticks: Vec::new(), labels: Vec::new() };
    let drawn = |value: f64| if value.is_finite() && value > 0.0 { value } else { 0.0 };
    let max =
        columns.iter().map(|column| column.iter().fold(0.0, |sum, &value| add(sum, drawn(value)))).fold(0.0, f64::max);
    let Some(scale) = nice_scale(max) else {
        return chart;
    };
    let height = frame.height - frame.bottom - frame.top;
    let y = |value: f64| round_tenth(frame.height - frame.bottom - value / scale.top * height);

    let steps = (scale.top / scale.step).round() as usize;
    chart.ticks = (0..=steps)
        .map(|k| {
            let value = if k == steps { scale.top } else { k as f64 * scale.step };
            Tick { value, decimals: scale.decimals, x: round_tenth(frame.left - 4.0), y: y(value) }
        })
        .collect();

    let plot_width = frame.width - frame.right - frame.left;
    let slot = plot_width / columns.len() as f64;
    let bar_width = (slot * BAR_SHARE).min(MAX_BAR_WIDTH);
    for (column, values) in columns.iter().enumerate() {
        let x = frame.left + slot * column as f64 + (slot - bar_width) / 2.0;
        let mut below = 0.0;
        for (segment, &value) in values.iter().enumerate() {
            let value = drawn(value);
            if value == 0.0 {
                continue;
            }
            let above = add(below, value);
            let (top, bottom) = (y(above), y(below));
            let (x, width, height) = (round_tenth(x), round_tenth(bar_width), round_tenth(bottom - top));
            chart.bars.push(Bar { column, segment, value, x, y: top, width, height });
            below = above;
        }
    }

    let every = ((LABEL_WIDTH / slot).ceil() as usize).max(1);
    chart.labels = (0..columns.len())
        .step_by(every)
        .map(|column| ColumnLabel {
            column,
            x: round_tenth(frame.left + slot * (column as f64 + 0.5)),
            y: round_tenth(frame.height - frame.bottom + 14.0),
        })
        .collect();
    chart
}

fn round_tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// A number as a label writes it: `decimals` decimals, the whole part in groups of three
/// digits (`group`: `,` in English, a no-break space in Russian), the decimal `point`.
pub fn number_text(value: f64, decimals: usize, group: char, point: char) -> String {
    let printed = decimal_text(value, decimals);
    let (negative, printed) = match printed.strip_prefix('-') {
        // `-0` and `-0.00` are zero.
        Some(rest) if rest.bytes().any(|b| matches!(b, b'1'..=b'9')) => (true, rest),
        Some(rest) => (false, rest),
        None => (false, printed.as_str()),
    };
    let (whole, fraction) = printed.split_once('.').unwrap_or((printed, ""));
    let mut text = String::with_capacity(printed.len() + whole.len() / 3 + 1);
    if negative {
        text.push('-');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            text.push(group);
        }
        text.push(digit);
    }
    if !fraction.is_empty() {
        text.push(point);
        text.push_str(fraction);
    }
    text
}

/// One row per event, for a spreadsheet: its id, release (number, year, period, language),
/// country code, title, outlet, drugs and kinds (ids joined by `;`: kinds empty when the
/// facts were not read, `other` when they tell none) and its first source as printed.
/// CSV as RFC 4180 writes it, with a header row; see [`quantities_csv`] for the quoting.
pub fn events_csv(bundle: &Bundle, events: &[EventRef]) -> String {
    let mut csv = String::new();
    let header = [
        "id",
        "release",
        "year",
        "period_from",
        "period_to",
        "lang",
        "country",
        "title",
        "outlet",
        "drugs",
        "kinds",
        "source",
    ];
    push_row(&mut csv, &header);
    for (issue, event) in events.iter().filter_map(|&at| resolve(bundle, at)) {
        let mut drugs: Vec<&str> = Vec::new();
        for drug in event.facts.iter().flat_map(|facts| &facts.drugs) {
            if !drugs.contains(&drug.drug.as_str()) {
                drugs.push(&drug.drug);
            }
        }
        let kinds = kinds_of(event).unwrap_or_default();
        push_row(
            &mut csv,
            &[
                &event.id,
                &issue.number.to_string(),
                &issue.year.to_string(),
                &issue.period.from,
                &issue.period.to,
                &issue.lang,
                &event.country,
                &event.title,
                event.outlet.as_deref().unwrap_or(""),
                &drugs.join(";"),
                &kinds.join(";"),
                event.sources.first().map_or("", |source| source.url.as_str()),
            ],
        );
    }
    csv
}

/// One row per amount the events give: the event's id, country and release's first day; the
/// amount (empty when the number reads two ways, so that a column sum adds only amounts the
/// text states), whether it reads two ways and both readings (joined by `;`), the range's
/// upper end, the unit and drug as the bundle writes them, whether it is approximate, and
/// the exact text it was read in.
///
/// CSV as RFC 4180 writes it: a header row, lines ending in CRLF, a field quoted when it
/// holds `"`, `,`, CR or LF, its quotes doubled. A field a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or CR: a title like `=HYPERLINK(…)`)
/// gets a leading `'`, which spreadsheets show as text; a plain negative number (`-5`,
/// `-2.5`) is left as it is, a number and no formula.
pub fn quantities_csv(bundle: &Bundle, events: &[EventRef]) -> String {
    let mut csv = String::new();
    let header = [
        "event",
        "country",
        "period_from",
        "amount",
        "ambiguous",
        "readings",
        "to",
        "unit",
        "drug",
        "approximate",
        "text",
    ];
    push_row(&mut csv, &header);
    for (issue, event) in events.iter().filter_map(|&at| resolve(bundle, at)) {
        for quantity in event.facts.iter().flat_map(|facts| &facts.quantities) {
            let ambiguous = quantity.ambiguous();
            let amount = quantity.amount.filter(|_| !ambiguous).map(number).unwrap_or_default();
            let readings: Vec<String> = quantity.readings.iter().map(|&reading| number(reading)).collect();
            push_row(
                &mut csv,
                &[
                    &event.id,
                    &event.country,
                    &issue.period.from,
                    &amount,
                    flag_text(ambiguous),
                    &readings.join(";"),
                    &quantity.to.map(number).unwrap_or_default(),
                    &quantity.unit,
                    quantity.drug.as_deref().unwrap_or(""),
                    flag_text(quantity.approximate),
                    &fact_text(event, quantity.at).unwrap_or_default(),
                ],
            );
        }
    }
    csv
}

/// A bundle (the current format) holding only these events, each under its release as the
/// bundle has it (the release's other fields whole), releases and events in bundle order,
/// each once: a file the viewer and `caricc` open like any other.
pub fn events_json(bundle: &Bundle, events: &[EventRef]) -> String {
    let mut chosen: Sorted<usize, Sorted<usize, ()>> = Vec::new();
    for &at in events.iter().filter(|&&at| resolve(bundle, at).is_some()) {
        entry(entry(&mut chosen, at.issue), at.event);
    }
    let issues = chosen
        .into_iter()
        .filter_map(|(issue, events)| {
            let release = bundle.issues.get(issue)?;
            // Field by field, so that a field added to releases is a compile error here
            // rather than silently left out of the exports.
            Some(Issue {
                number: release.number,
                year: release.year,
                lang: release.lang.clone(),
                period: release.period.clone(),
                title: release.title.clone(),
                subtitle: release.subtitle.clone(),
                place: release.place.clone(),
                publisher: release.publisher.clone(),
                summary: release.summary.clone(),
                contents: release.contents.clone(),
                events: events.into_iter().filter_map(|(event, ())| release.events.get(event).cloned()).collect(),
            })
        })
        .collect();
    to_json(&Bundle { format: FORMAT_VERSION, issues })
}

fn push_row(csv: &mut String, fields: &[&str]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            csv.push(',');
        }
        push_field(csv, field);
    }
    csv.push_str("\r\n");
}

fn push_field(csv: &mut String, field: &str) {
    let quoted = field.contains(['"', ',', '\r', '\n']);
    if quoted {
        csv.push('"');
    }
    if runs_as_formula(field) {
        csv.push('\'');
    }
    csv.push_str(&field.replace('"', "\"\""));
    if quoted {
        csv.push('"');
    }
}

/// Whether a spreadsheet would read the field as a formula (or, after a tab or CR, start
/// one): a bundle is text from the internet, and an export must not run it.
fn runs_as_formula(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_negative_number(field)
}

/// `-5`, `-2.5`: a minus and digits, with at most one decimal point between digits.
fn is_negative_number(field: &str) -> bool {
    let Some(digits) = field.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// A number as CSV holds it: up to nine decimals, trailing zeros dropped, never in exponent
/// form (`0.005`, `21000`). Amounts come from printed text, so nine decimals keep them
/// exactly.
fn number(value: f64) -> String {
    let text = decimal_text(value, 9);
    match text.split_once('.') {
        Some((whole, fraction)) => match fraction.trim_end_matches('0') {
            "" => whole.to_owned(),
            fraction => format!("{whole}.{fraction}"),
        },
        None => text,
    }
}

/// `value` rounded to `decimals` decimals (at most nine), written with a `.` and no
/// grouping: `-2.50`, `1200`. Built from integers, so that the app carries no code for
/// writing floating-point numbers (Rust's, or serde_json's, which are larger): the charts,
/// their labels and the exports all write numbers through here. Values past 10^15 (none
/// an amount printed in a release) are written as the nearest whole number this can.
pub fn decimal_text(value: f64, decimals: usize) -> String {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals as u32);
    if !value.is_finite() {
        return "0".to_owned();
    }
    let scaled = (value.abs() * scale as f64).round();
    let sign = if value < 0.0 && scaled > 0.0 { "-" } else { "" };
    if scaled >= 9.0e18 {
        // Past 2^53 every double is a whole number: its digits, and zeros for decimals.
        let zeros = if decimals == 0 { String::new() } else { format!(".{}", "0".repeat(decimals)) };
        return format!("{sign}{}{zeros}", whole_digits(value.abs()));
    }
    let scaled = scaled as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = fraction.to_string();
    format!("{sign}{whole}.{}{fraction}", "0".repeat(decimals - fraction.len()))
}

/// The exact digits of a large whole double: its 53-bit mantissa doubled as often as its
/// exponent says, in decimal digits (least significant first while working).
fn whole_digits(value: f64) -> String {
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut digits: Vec<u8> = mantissa.to_string().bytes().rev().map(|b| b - b'0').collect();
    for _ in 0..exponent.max(0) {
        let mut carry = 0;
        for digit in &mut digits {
            let doubled = *digit * 2 + carry;
            (*digit, carry) = (doubled % 10, doubled / 10);
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    digits.iter().rev().map(|digit| char::from(b'0' + digit)).collect()
}

fn flag_text(flag: bool) -> &'static str {
    if flag {
        "true"
    } else {
        "false"
    }
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
