//! What the events shown hold, drawn: events per month by country, amounts per drug over
//! time (each measure apart), events by kind. Each chart is inline SVG drawn from the core's
//! geometry ([`caricc_view::chart::stacked_bars`]), with the same numbers in a table beside
//! it for screen readers and print; each bar and each number is a link to the events behind
//! it (as filters). And the events shown, to take away as CSV or JSON.

use crate::browser;
use crate::links::Links;
use caricc_format::model::Bundle;
use caricc_search::search::EventRef;
use caricc_view::chart::{decimal_text, stacked_bars, Frame};
use caricc_view::export::{events_csv, events_json, quantities_csv};
use caricc_view::facts::drug_name;
use caricc_view::i18n::Messages;
use caricc_view::insights::insights;
use caricc_view::loaded::Loaded;
use caricc_view::route::{Route, Scope};
use caricc_view::view::country_name;
use std::rc::Rc;
use yew::prelude::*;

/// Colours for a chart's series, in turn (the stylesheet's `[data-series]`).
const PALETTE: usize = 8;

pub struct InsightsProps<'a> {
    pub loaded: &'a Rc<Loaded>,
    /// The events shown (all pages of the list).
    pub events: &'a [EventRef],
    /// The view now: a bar's link is this view narrowed to the bar.
    pub route: &'a Route,
    pub links: Links,
}

/// One chart as the page draws it: its columns (bars), each a stack of its series' values,
/// and where each value leads.
struct Chart {
    id: String,
    caption: String,
    /// Each column's label under its bar, and in the table's first column.
    columns: Vec<String>,
    /// The series' names: the legend and the table's headings.
    series: Vec<String>,
    /// Per column, per series.
    values: Vec<Vec<f64>>,
    /// Per column, per series: the link to the events behind the value.
    links: Vec<Vec<String>>,
    /// Said under the chart (what was left out, how amounts were counted).
    notes: Vec<String>,
}

/// The charts, their tables and the downloads.
pub fn insights_panel(props: InsightsProps, t: &Messages) -> Html {
    let found = insights(&props.loaded.bundle, props.events);
    // A bar's link: the view narrowed to it; a month reaches across all releases.
    let link = |month: Option<&str>, narrow: &dyn Fn(&mut Route)| {
        let mut route = Route { event: None, ..props.route.clone() };
        if let Some(month) = month {
            (route.scope, route.from, route.to) = (Scope::All, Some(month.to_owned()), Some(month.to_owned()));
        }
        narrow(&mut route);
        props.links.href(&route)
    };
    let mut charts = Vec::new();
    if !found.months.is_empty() {
        charts.push(Chart {
            id: "chart-months".to_owned(),
            caption: t.chart_months.to_owned(),
            columns: found.months.iter().map(|row| row.month.clone()).collect(),
            series: found.countries.iter().map(|code| country_name(code, t.code)).collect(),
            values: found.months.iter().map(|row| row.counts.iter().map(|&n| n as f64).collect()).collect(),
            links: found
                .months
                .iter()
                .map(|row| {
                    let month = Some(row.month.as_str());
                    found
                        .countries
                        .iter()
                        .map(|code| link(month, &|route| route.country = Some(code.clone())))
                        .collect()
                })
                .collect(),
            notes: Vec::new(),
        });
    }
    for table in &found.amounts {
        let unit = table.measure.unit();
        let mut notes = Vec::new();
        if table.approximate > 0 {
            notes.push((t.approximate_counted)(table.approximate));
        }
        charts.push(Chart {
            id: format!("chart-amounts-{unit}"),
            caption: (t.chart_amounts)(&(t.unit_name)(unit, 2.0)),
            columns: table.rows.iter().map(|row| row.month.clone()).collect(),
            series: table
                .drugs
                .iter()
                .map(|drug| drug.as_deref().map_or_else(|| t.drug_not_stated.to_owned(), |id| drug_name(id, t.code)))
                .collect(),
            values: table.rows.iter().map(|row| row.amounts.clone()).collect(),
            links: table
                .rows
                .iter()
                .map(|row| {
                    let month = Some(row.month.as_str());
                    table.drugs.iter().map(|drug| link(month, &|route| route.drug = drug.clone())).collect()
                })
                .collect(),
            notes,
        });
    }
    if !found.kinds.is_empty() {
        let mut notes = Vec::new();
        if found.not_read > 0 {
            notes.push((t.not_read)(found.not_read));
        }
        charts.push(Chart {
            id: "chart-kinds".to_owned(),
            caption: t.chart_kinds.to_owned(),
            columns: found.kinds.iter().map(|(kind, _)| (t.kind_name)(kind)).collect(),
            series: vec![t.events.to_owned()],
            values: found.kinds.iter().map(|(_, count)| vec![*count as f64]).collect(),
            links: found
                .kinds
                .iter()
                .map(|(kind, _)| vec![link(None, &|route| route.kind = Some(kind.clone()))])
                .collect(),
            notes,
        });
    }
    html! {
        <section id="insights" class="insights" aria-labelledby="insights-heading">
            <h3 id="insights-heading">{ (t.insights_heading)(props.events.len()) }</h3>
            { downloads(props.loaded.clone(), props.events, t) }
            { for charts.iter().map(|chart| draw(chart, t)) }
            if found.ambiguous_left_out > 0 {
                <p class="chart-note">{ (t.ambiguous_left_out)(found.ambiguous_left_out) }</p>
            }
        </section>
    }
}

/// A chart: the SVG (hidden from screen readers, which read the table), its legend, and the
/// table of its numbers, each a link.
fn draw(chart: &Chart, t: &Messages) -> Html {
    let shapes = stacked_bars(&chart.values, Frame::PHONE);
    let frame = shapes.frame;
    let (left, right) = (coordinate(frame.left), coordinate(frame.width - frame.right));
    // Long labels (kinds) are numbered under the bars and named in the table.
    let short = chart.columns.iter().all(|label| label.chars().count() <= 8);
    let axis_label = |column: usize| if short { chart.columns[column].clone() } else { (column + 1).to_string() };
    let many = chart.series.len() > 1;
    html! {
        <figure class="chart">
            <figcaption id={chart.id.clone()}>{ chart.caption.clone() }</figcaption>
            <svg class="chart-svg" viewBox={format!("0 0 {} {}", coordinate(frame.width), coordinate(frame.height))} aria-hidden="true" focusable="false">
                { for shapes.ticks.iter().map(|tick| html! {
                    <>
                        <line class="grid" x1={left.clone()} x2={right.clone()} y1={coordinate(tick.y)} y2={coordinate(tick.y)} />
                        <text x={coordinate(tick.x)} y={coordinate(tick.y + 3.0)} text-anchor="end">{ (t.number)(tick.value) }</text>
                    </>
                }) }
                { for shapes.bars.iter().map(|bar| html! {
                    <a href={chart.links[bar.column][bar.segment].clone()} tabindex="-1">
                        <rect data-series={(bar.segment % PALETTE).to_string()} x={coordinate(bar.x)} y={coordinate(bar.y)} width={coordinate(bar.width)} height={coordinate(bar.height)}>
                            <title>{ format!("{} · {}: {}", chart.columns[bar.column], chart.series[bar.segment], (t.number)(bar.value)) }</title>
                        </rect>
                    </a>
                }) }
                <line class="axis" x1={left} x2={right} y1={coordinate(shapes.baseline)} y2={coordinate(shapes.baseline)} />
                { for shapes.labels.iter().map(|label| html! {
                    <text x={coordinate(label.x)} y={coordinate(label.y)} text-anchor="middle">{ axis_label(label.column) }</text>
                }) }
            </svg>
            if many {
                <ul class="legend" aria-hidden="true">
                    { for chart.series.iter().enumerate().map(|(segment, name)| html! {
                        <li><span class="swatch" data-series={(segment % PALETTE).to_string()}></span>{ name.clone() }</li>
                    }) }
                </ul>
            }
            <table class="chart-table" aria-labelledby={chart.id.clone()}>
                <thead><tr>
                    <th scope="col">{ if short { t.month } else { t.filter_kind } }</th>
                    { for chart.series.iter().map(|name| html! { <th scope="col">{ name.clone() }</th> }) }
                    if many { <th scope="col">{ t.total }</th> }
                </tr></thead>
                <tbody>
                    { for chart.values.iter().enumerate().map(|(column, values)| html! {
                        <tr>
                            <th scope="row">{ if short { chart.columns[column].clone() } else { format!("{}. {}", column + 1, chart.columns[column]) } }</th>
                            { for values.iter().enumerate().map(|(segment, &value)| html! {
                                <td>
                                    if value > 0.0 {
                                        <a href={chart.links[column][segment].clone()}>{ (t.number)(value) }</a>
                                    } else {
                                        { "0" }
                                    }
                                </td>
                            }) }
                            if many { <td>{ (t.number)(values.iter().sum()) }</td> }
                        </tr>
                    }) }
                </tbody>
            </table>
            { for chart.notes.iter().map(|note| html! { <p class="chart-note">{ note.clone() }</p> }) }
        </figure>
    }
}

/// A coordinate as SVG takes it, to a tenth (as the core rounds them).
fn coordinate(value: f64) -> String {
    decimal_text(value, 1)
}

/// The events shown, as files to take away: CSV one row per event, CSV one row per amount,
/// and a bundle of just those events. Each file is made on the click, not on every redraw.
fn downloads(loaded: Rc<Loaded>, events: &[EventRef], t: &Messages) -> Html {
    let events: Rc<[EventRef]> = events.into();
    let save = |name: &'static str, mime: &'static str, write: fn(&Bundle, &[EventRef]) -> String| {
        let (loaded, events) = (loaded.clone(), events.clone());
        Callback::from(move |_: MouseEvent| {
            browser::download(name, mime, &write(&loaded.bundle, &events));
        })
    };
    html! {
        <div class="downloads" role="group" aria-labelledby="downloads-heading">
            <p id="downloads-heading">{ (t.download_events)(events.len()) }</p>
            <button type="button" onclick={save("caricc-events.csv", "text/csv;charset=utf-8", events_csv)}>{ t.download_events_csv }</button>
            <button type="button" onclick={save("caricc-amounts.csv", "text/csv;charset=utf-8", quantities_csv)}>{ t.download_amounts_csv }</button>
            <button type="button" onclick={save("caricc-events.json", "application/json", events_json)}>{ t.download_json }</button>
        </div>
    }
}
