//! The events shown, to take away: as CSV, a row per event ([`events_csv`]) or per amount
//! ([`quantities_csv`]), and as a bundle ([`events_json`]).

use crate::chart::decimal_text;
use crate::facts::{entry, fact_text, kinds_of, resolve, Sorted};
use caricc_format::bundle::to_json;
use caricc_format::model::{Bundle, Issue, FORMAT_VERSION};
use caricc_search::search::EventRef;

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

fn flag_text(flag: bool) -> &'static str {
    if flag {
        "true"
    } else {
        "false"
    }
}
