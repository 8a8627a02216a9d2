//! The facts put to use: sentences of facts, insights over a set of events, chart geometry
//! and exports, on small bundles written here, on the built-in release, and on hostile ones.

use caricc_format::bundle::parse_bundle;
use caricc_format::model::{Bundle, Event, Place};
use caricc_search::search::EventRef;
use caricc_view::chart::{decimal_text, nice_scale, number_text, stacked_bars, BarChart, Frame, Scale};
use caricc_view::export::{events_csv, events_json, quantities_csv};
use caricc_view::facts::{drug_name, fact_sentence, fact_text, in_measure, Measure, OTHER_KIND};
use caricc_view::insights::{events_in, insights, AmountRow, Insights, MonthRow, Selection};

fn written(title: &str, paragraphs: &[&str]) -> Event {
    Event {
        id: "2025-1-kz-1".into(),
        country: "kz".into(),
        title: title.into(),
        outlet: None,
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        sources: Vec::new(),
        facts: None,
    }
}

fn at(p: Option<u32>, from: u32, to: u32) -> Place {
    Place { p, from, to }
}

/// The place of `needle` in paragraph `p` (or the title), in characters.
fn place_of(event: &Event, p: Option<u32>, needle: &str) -> Place {
    let text = match p {
        None => &event.title,
        Some(p) => &event.paragraphs[p as usize],
    };
    let byte = text.find(needle).unwrap();
    let from = text[..byte].chars().count() as u32;
    at(p, from, from + needle.chars().count() as u32)
}

#[test]
fn a_fact_is_shown_in_its_sentence() {
    let event = written(
        "POLICE SEIZED HEROIN",
        &[
            "Operation «Мак» began in May. Officers seized 5 kg of heroin in Almaty! Two men were detained… The case goes on?",
            "He said: “We found 3 kg.” Then they left.",
        ],
    );
    let heroin = place_of(&event, Some(0), "5 kg");
    assert_eq!(fact_text(&event, heroin).as_deref(), Some("5 kg"));
    assert_eq!(fact_sentence(&event, heroin).as_deref(), Some("Officers seized 5 kg of heroin in Almaty!"));
    let detained = place_of(&event, Some(0), "detained");
    assert_eq!(fact_sentence(&event, detained).as_deref(), Some("Two men were detained…"));
    let first = place_of(&event, Some(0), "Operation");
    assert_eq!(fact_sentence(&event, first).as_deref(), Some("Operation «Мак» began in May."));
    let last = place_of(&event, Some(0), "goes on");
    assert_eq!(fact_sentence(&event, last).as_deref(), Some("The case goes on?"));
    // A closing quote after the full stop still ends the sentence.
    let quoted = place_of(&event, Some(1), "3 kg");
    assert_eq!(fact_sentence(&event, quoted).as_deref(), Some("He said: “We found 3 kg.”"));
    // The title has no sentence ends: all of it.
    let title = place_of(&event, None, "HEROIN");
    assert_eq!(fact_sentence(&event, title).as_deref(), Some("POLICE SEIZED HEROIN"));
    // A fact across a sentence end gets both sentences.
    let across = place_of(&event, Some(0), "May. Officers");
    assert_eq!(
        fact_sentence(&event, across).as_deref(),
        Some("Operation «Мак» began in May. Officers seized 5 kg of heroin in Almaty!")
    );
}

#[test]
fn places_count_characters_not_bytes() {
    let event = written("", &["Изъято 2 кг героина. Задержан мужчина."]);
    let heroin = place_of(&event, Some(0), "героина");
    assert_eq!(heroin, at(Some(0), 12, 19));
    assert_eq!(fact_text(&event, heroin).as_deref(), Some("героина"));
    assert_eq!(fact_sentence(&event, heroin).as_deref(), Some("Изъято 2 кг героина."));
    // A decimal point or an abbreviation without a space after it ends nothing.
    let decimal = written("", &["Seized 2.5 kg of hashish. Done."]);
    assert_eq!(fact_sentence(&decimal, at(Some(0), 7, 13)).as_deref(), Some("Seized 2.5 kg of hashish."));
}

#[test]
fn a_place_outside_its_text_reads_as_nothing() {
    let event = written("TITLE", &["Short.", ""]);
    for place in [
        at(Some(0), 0, 7),        // past the end
        at(Some(0), 4, 2),        // inverted
        at(Some(0), 3, 3),        // empty
        at(Some(1), 0, 1),        // an empty paragraph
        at(Some(2), 0, 1),        // a paragraph the event lacks
        at(Some(u32::MAX), 0, 1), // far past them
        at(None, 0, u32::MAX),
        at(None, u32::MAX, u32::MAX),
    ] {
        assert_eq!(fact_text(&event, place), None, "{place:?}");
        assert_eq!(fact_sentence(&event, place), None, "{place:?}");
    }
    assert_eq!(fact_text(&event, at(Some(0), 0, 6)).as_deref(), Some("Short."));
    assert_eq!(fact_sentence(&event, at(None, 4, 5)).as_deref(), Some("TITLE"));
}

#[test]
fn a_paragraph_as_long_as_a_bundle_allows_is_one_sentence_without_ends() {
    let text = format!("{}x", "” ".repeat(49_999));
    let event = written("", &[&text]);
    let end = text.chars().count() as u32;
    assert_eq!(fact_text(&event, at(Some(0), end - 1, end)).as_deref(), Some("x"));
    assert_eq!(fact_sentence(&event, at(Some(0), end - 1, end)), Some(text.trim().to_owned()));
}

/// Four releases: two in January 2025, one in February, one with no valid period. Their
/// events hold every case the insights count: drugs and none, every measure, ranges,
/// approximate, ambiguous and hostile amounts, repeated and unknown kinds, no facts.
fn sample() -> Bundle {
    let release = |number: u32, from: &str, events: &str| {
        format!(
            r#"{{"number":{number},"year":2025,"lang":"en","period":{{"from":"{from}","to":"{from}"}},"title":"Release {number}","events":[{events}]}}"#
        )
    };
    let event = |id: &str, country: &str, facts: &str| {
        let facts = if facts.is_empty() { String::new() } else { format!(r#","facts":{facts}"#) };
        format!(
            r#"{{"id":"{id}","country":"{country}","title":"Event {id}","paragraphs":["Officers seized 500 g of heroin, about 2 kg of heroin and 1.5 t of hashish. Also 5,065 kg."],"sources":[{{"url":"https://a.kz/{id}"}}]{facts}}}"#
        )
    };
    let place = r#""at":{"p":0,"from":16,"to":21}"#;
    let q = |fields: &str| format!(r#"{{{fields},{place}}}"#);
    let kz1 = event(
        "2025-1-kz-1",
        "kz",
        &format!(
            r#"{{"drugs":[{{"drug":"heroin",{place}}}],"quantities":[{},{},{},{},{},{},{}],"kinds":[{{"kind":"seizure",{place}}},{{"kind":"arrest",{place}}},{{"kind":"seizure",{place}}}]}}"#,
            q(r#""amount":500,"unit":"g","drug":"heroin""#),
            q(r#""amount":2,"unit":"kg","drug":"heroin","approximate":true"#),
            q(r#""amount":1.5,"unit":"t","drug":"hashish""#),
            q(r#""readings":[5.065,5065],"unit":"kg","drug":"heroin""#),
            q(r#""amount":10,"unit":"t""#),
            q(r#""amount":100,"unit":"tablets","drug":"zzz-new-drug""#),
            q(r#""amount":2,"to":3,"unit":"l","drug":"hashish""#),
        ),
    );
    let kg1 = event("2025-1-kg-1", "kg", "{}");
    let uz1 = event("2025-1-uz-1", "uz", "");
    let kz2 = event(
        "2025-2-kz-1",
        "kz",
        &format!(
            r#"{{"quantities":[{},{},{}],"kinds":[{{"kind":"sentence",{place}}}]}}"#,
            q(r#""amount":300,"unit":"ml""#),
            q(r#""amount":20,"unit":"doses""#),
            q(r#""amount":5,"unit":"ampoules","drug":"tramadol""#),
        ),
    );
    let kz3 = event(
        "2025-3-kz-1",
        "kz",
        &format!(
            r#"{{"quantities":[{},{},{},{},{}],"kinds":[{{"kind":"future-kind",{place}}},{{"kind":"other",{place}}}]}}"#,
            q(r#""amount":3,"unit":"bags""#),
            q(r#""amount":-4,"unit":"kg""#),
            q(r#""amount":1e308,"unit":"t""#),
            q(r#""amount":1e308,"unit":"kg","drug":"heroin""#),
            q(r#""amount":1.7e308,"unit":"kg","drug":"heroin""#),
        ),
    );
    let undated = event(
        "2025-4-kz-1",
        "kz",
        &format!(r#"{{"quantities":[{}],"kinds":[{{"kind":"seizure",{place}}}]}}"#, q(r#""amount":1,"unit":"kg""#)),
    );
    let issues = [
        release(1, "2025-01-01", &[kz1, kg1, uz1].join(",")),
        release(2, "2025-01-16", &kz2),
        release(3, "2025-02-01", &kz3),
        release(4, "soon", &undated),
    ];
    parse_bundle(&format!(r#"{{"format":1,"issues":[{}]}}"#, issues.join(","))).unwrap()
}

fn every_event(bundle: &Bundle) -> Vec<EventRef> {
    let mut all = Vec::new();
    for (issue, release) in bundle.issues.iter().enumerate() {
        all.extend((0..release.events.len()).map(|event| EventRef { issue, event }));
    }
    all
}

#[test]
fn amounts_are_put_in_their_measure() {
    assert_eq!(in_measure(500.0, "g"), Some((Measure::Mass, 0.5)));
    assert_eq!(in_measure(1.5, "t"), Some((Measure::Mass, 1500.0)));
    assert_eq!(in_measure(300.0, "ml"), Some((Measure::Volume, 0.3)));
    assert_eq!(in_measure(2.0, "l"), Some((Measure::Volume, 2.0)));
    assert_eq!(in_measure(7.0, "plants"), Some((Measure::Plants, 7.0)));
    assert_eq!(in_measure(7.0, "bags"), None);
    assert_eq!(in_measure(-1.0, "kg"), None);
    assert_eq!(in_measure(1e308, "t"), None);
    for measure in Measure::ALL {
        assert_eq!(in_measure(1.0, measure.unit()), Some((measure, 1.0)));
    }
}

#[test]
fn drugs_are_named_in_the_reader_s_language() {
    assert_eq!(drug_name("heroin", "en"), "heroin");
    assert_eq!(drug_name("heroin", "ru"), "героин");
    assert_eq!(drug_name("zzz-new-drug", "ru"), "zzz-new-drug");
}

#[test]
fn insights_count_events_per_month_and_country() {
    let bundle = sample();
    let found = insights(&bundle, &every_event(&bundle));
    assert_eq!(found.countries, ["kg", "kz", "uz"]);
    assert_eq!(
        found.months,
        [
            MonthRow { month: "2025-01".into(), counts: vec![1, 2, 1], total: 4 },
            MonthRow { month: "2025-02".into(), counts: vec![0, 1, 0], total: 1 },
        ]
    );
    assert_eq!(found.undated, 1);
    assert_eq!(found.not_read, 1);
}

#[test]
fn insights_add_amounts_per_drug_within_each_measure_only() {
    let bundle = sample();
    let found = insights(&bundle, &every_event(&bundle));
    let measures: Vec<Measure> = found.amounts.iter().map(|table| table.measure).collect();
    assert_eq!(measures, [Measure::Mass, Measure::Volume, Measure::Tablets, Measure::Doses, Measure::Ampoules]);

    let mass = &found.amounts[0];
    // By id, and the amounts of no stated drug last.
    assert_eq!(mass.drugs, [Some("hashish".into()), Some("heroin".into()), None]);
    assert_eq!(
        mass.rows,
        [
            AmountRow { month: "2025-01".into(), amounts: vec![1500.0, 2.5, 10_000.0], total: 11_502.5 },
            // Two huge amounts add up to the largest number, not to infinity.
            AmountRow { month: "2025-02".into(), amounts: vec![0.0, f64::MAX, 0.0], total: f64::MAX },
        ]
    );
    assert_eq!(mass.totals, [1500.0, f64::MAX, 10_000.0]);
    assert_eq!(mass.approximate, 1);

    // A range (2–3 l) counts at its lower end; millilitres are litres / 1000.
    let volume = &found.amounts[1];
    assert_eq!(volume.drugs, [Some("hashish".into()), None]);
    assert_eq!(volume.rows, [AmountRow { month: "2025-01".into(), amounts: vec![2.0, 0.3], total: 2.3 }]);
    // A drug this build's table lacks is kept under its id.
    assert_eq!(found.amounts[2].drugs, [Some("zzz-new-drug".into())]);
    assert_eq!(found.amounts[2].totals, [100.0]);
    assert_eq!(found.amounts[3].drugs, [None]);
    assert_eq!(found.amounts[4].drugs, [Some("tramadol".into())]);

    // 5,065 kg reads two ways; `bags`, a negative amount and 1e308 t cannot be added.
    assert_eq!(found.ambiguous_left_out, 1);
    assert_eq!(found.unreadable_left_out, 3);
}

#[test]
fn insights_count_each_kind_once_per_event() {
    let bundle = sample();
    let found = insights(&bundle, &every_event(&bundle));
    let kinds: Vec<(&str, usize)> = found.kinds.iter().map(|(kind, n)| (kind.as_str(), *n)).collect();
    // The rules' kinds in their order, an unknown kind, then other; a written `other`
    // beside a kind tells nothing more.
    assert_eq!(kinds, [("seizure", 2), ("arrest", 1), ("sentence", 1), ("future-kind", 1), (OTHER_KIND, 1)]);
}

#[test]
fn every_bar_opens_the_events_it_counts() {
    let bundle = sample();
    let all = every_event(&bundle);
    let found = insights(&bundle, &all);
    let ids = |selection: &Selection| -> Vec<String> {
        events_in(selection, &bundle, &all)
            .iter()
            .map(|at| bundle.issues[at.issue].events[at.event].id.clone())
            .collect()
    };
    for row in &found.months {
        assert_eq!(events_in(&Selection::Month(row.month.clone()), &bundle, &all).len(), row.total);
        for (country, &count) in found.countries.iter().zip(&row.counts) {
            let selection = Selection::CountryMonth { country: country.clone(), month: row.month.clone() };
            assert_eq!(events_in(&selection, &bundle, &all).len(), count, "{selection:?}");
        }
    }
    for table in &found.amounts {
        for row in &table.rows {
            for (drug, &amount) in table.drugs.iter().zip(&row.amounts) {
                let selection =
                    Selection::Amount { measure: table.measure, drug: drug.clone(), month: row.month.clone() };
                assert_eq!(events_in(&selection, &bundle, &all).is_empty(), amount == 0.0, "{selection:?}");
            }
        }
    }
    for (kind, count) in &found.kinds {
        assert_eq!(events_in(&Selection::Kind(kind.clone()), &bundle, &all).len(), *count, "{kind}");
    }
    assert_eq!(ids(&Selection::NotRead), ["2025-1-uz-1"]);
    assert_eq!(ids(&Selection::Kind(OTHER_KIND.into())), ["2025-1-kg-1"]);
    let heroin_in_january =
        Selection::Amount { measure: Measure::Mass, drug: Some("heroin".into()), month: "2025-01".into() };
    assert_eq!(ids(&heroin_in_january), ["2025-1-kz-1"]);
    let unstated = Selection::Amount { measure: Measure::Mass, drug: None, month: "2025-01".into() };
    assert_eq!(ids(&unstated), ["2025-1-kz-1"]);
    assert_eq!(ids(&Selection::Month("2025-03".into())), Vec::<String>::new());
}

#[test]
fn insights_of_no_events_or_of_references_to_nothing_are_empty() {
    let bundle = sample();
    assert_eq!(insights(&bundle, &[]), Insights::default());
    let nowhere = [EventRef { issue: 99, event: 0 }, EventRef { issue: 0, event: 99 }];
    assert_eq!(insights(&bundle, &nowhere), Insights::default());
    assert_eq!(events_in(&Selection::NotRead, &bundle, &nowhere), []);
    assert_eq!(insights(&Bundle::default(), &[]), Insights::default());
}

#[test]
fn insights_of_the_built_in_release() {
    let bundle = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
    let all = every_event(&bundle);
    let found = insights(&bundle, &all);
    assert_eq!(found.months.len(), 1);
    assert_eq!(found.months[0].month, "2025-08");
    assert_eq!(found.months[0].total, all.len());
    // “about 21 t of precursors” and “about 10 t” of no stated drug.
    assert_eq!(found.amounts.len(), 1);
    assert_eq!(found.amounts[0].drugs, [Some("precursors".into()), None]);
    assert_eq!(found.amounts[0].totals, [21_000.0, 10_000.0]);
    assert_eq!(found.amounts[0].approximate, 2);
    assert_eq!(found.kinds[0].0, "seizure");
    assert_eq!((found.not_read, found.undated, found.ambiguous_left_out), (0, 0, 0));
}

#[test]
fn scales_step_by_one_two_or_five_times_a_power_of_ten() {
    let scale = |max: f64| nice_scale(max).map(|s| (s.step, s.top, s.decimals));
    assert_eq!(scale(3.0), Some((1.0, 3.0, 0)));
    assert_eq!(scale(4.0), Some((1.0, 4.0, 0)));
    assert_eq!(scale(4.5), Some((2.0, 6.0, 0)));
    assert_eq!(scale(7.0), Some((2.0, 8.0, 0)));
    assert_eq!(scale(11.0), Some((5.0, 15.0, 0)));
    assert_eq!(scale(21_000.0), Some((10_000.0, 30_000.0, 0)));
    assert_eq!(scale(1.0), Some((0.5, 1.0, 1)));
    assert_eq!(scale(0.3), Some((0.1, 0.30000000000000004, 1)));
    assert_eq!(scale(0.0), None);
    assert_eq!(scale(-1.0), None);
    assert_eq!(scale(f64::INFINITY), None);
    assert_eq!(scale(f64::NAN), None);
    // Near the ends of the numbers: one step, zero to the largest value.
    assert_eq!(scale(f64::MAX), Some((f64::MAX, f64::MAX, 0)));
    assert_eq!(scale(5e-324), Some((5e-324, 5e-324, 0)));
    // Whatever the value, the top covers it within a few ticks.
    for max in [1e-300, 0.007, 0.5, 1.0, 2.5, 9.99, 10.0, 10.01, 99.0, 123_456.0, 1e15, 3.3e300] {
        let Scale { step, top, decimals } = nice_scale(max).unwrap();
        assert!(top >= max && top - step < max, "{max}: {step} {top}");
        let ticks = (top / step).round();
        assert!((1.0..=5.0).contains(&ticks), "{max}: {ticks} steps");
        let leading = step / 10f64.powf(step.log10().floor());
        assert!([1.0, 2.0, 5.0].iter().any(|m| (leading - m).abs() < 1e-9), "{max}: step {step}");
        assert_eq!(decimals, (-step.log10().floor()).max(0.0) as usize, "{max}");
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn stacked_bars_are_proportional_and_add_up() {
    let chart = stacked_bars(&[vec![1.0, 2.0], vec![3.0], vec![0.0, 0.5]], Frame::PHONE);
    let BarChart { baseline, bars, ticks, labels, .. } = &chart;
    assert_eq!(*baseline, 158.0);
    // Scale 0–3 in steps of 1 over the 150 units between the top margin and the baseline.
    let tick_values: Vec<f64> = ticks.iter().map(|tick| tick.value).collect();
    assert_eq!(tick_values, [0.0, 1.0, 2.0, 3.0]);
    let tick_ys: Vec<f64> = ticks.iter().map(|tick| tick.y).collect();
    assert_eq!(tick_ys, [158.0, 108.0, 58.0, 8.0]);
    assert!(ticks.iter().all(|tick| tick.x == 44.0 && tick.decimals == 0));

    let shape: Vec<(usize, usize, f64, f64)> = bars.iter().map(|b| (b.column, b.segment, b.y, b.height)).collect();
    // A zero draws nothing but keeps the next value's segment (its colour).
    assert_eq!(shape, [(0, 0, 108.0, 50.0), (0, 1, 8.0, 100.0), (1, 0, 8.0, 150.0), (2, 1, 133.0, 25.0)]);
    // Each column's bars touch and reach from the baseline to its total.
    assert!(close(bars[0].y, bars[1].y + bars[1].height));
    assert!(close(bars[0].y + bars[0].height, *baseline));
    // Three columns of 264 / 3 = 88 units; bars 32 wide (the widest), centred.
    assert_eq!(
        bars.iter().map(|b| (b.x, b.width)).collect::<Vec<_>>()[..3],
        [(76.0, 32.0), (76.0, 32.0), (164.0, 32.0)]
    );
    let label_xs: Vec<f64> = labels.iter().map(|label| label.x).collect();
    assert_eq!(label_xs, [92.0, 180.0, 268.0]);
    assert!(labels.iter().all(|label| label.y == 172.0));
}

#[test]
fn stacks_add_up_after_rounding() {
    let columns: Vec<Vec<f64>> =
        (1..40).map(|n| (0..n % 7 + 1).map(|k| (n * 37 % 11 + k) as f64 / 3.0).collect()).collect();
    let chart = stacked_bars(&columns, Frame::PHONE);
    let top = chart.ticks.last().unwrap();
    for (column, values) in columns.iter().enumerate() {
        let bars: Vec<_> = chart.bars.iter().filter(|b| b.column == column).collect();
        let total: f64 = values.iter().sum();
        let height: f64 = bars.iter().map(|b| b.height).sum();
        let expected = chart.baseline - (chart.baseline - total / top.value * (chart.baseline - top.y));
        assert!((height - expected).abs() <= 0.1 + 1e-9, "column {column}: {height} vs {expected}");
        assert!(close(bars[0].y + bars[0].height, chart.baseline));
        for pair in bars.windows(2) {
            assert!(close(pair[0].y, pair[1].y + pair[1].height), "column {column}");
        }
        for bar in &bars {
            assert!(close(bar.height * 10.0, (bar.height * 10.0).round()), "{bar:?}");
        }
    }
}

#[test]
fn many_columns_are_labelled_without_overlap() {
    let columns = vec![vec![1.0]; 24];
    let chart = stacked_bars(&columns, Frame::PHONE);
    assert_eq!(chart.bars.len(), 24);
    assert!(chart.labels.len() < 24 && chart.labels[0].column == 0);
    for pair in chart.labels.windows(2) {
        assert!(pair[1].x - pair[0].x >= 44.0, "{pair:?}");
    }
    let one = stacked_bars(&[vec![5.0]], Frame::PHONE);
    assert_eq!(one.labels.len(), 1);
}

#[test]
fn nothing_to_draw_draws_no_chart() {
    for columns in [vec![], vec![vec![]], vec![vec![0.0, 0.0]], vec![vec![-1.0, f64::NAN, f64::NEG_INFINITY]]] {
        let chart = stacked_bars(&columns, Frame::PHONE);
        assert!(chart.bars.is_empty() && chart.ticks.is_empty() && chart.labels.is_empty(), "{columns:?}");
    }
}

#[test]
fn huge_values_draw_within_the_frame() {
    let columns = [vec![f64::MAX, f64::MAX], vec![1e308], vec![f64::INFINITY, 1.0]];
    let chart = stacked_bars(&columns, Frame::PHONE);
    assert_eq!(chart.ticks.iter().map(|t| t.value).collect::<Vec<_>>(), [0.0, f64::MAX]);
    for bar in &chart.bars {
        for coordinate in [bar.x, bar.y, bar.width, bar.height] {
            assert!(coordinate.is_finite() && (0.0..=320.0).contains(&coordinate), "{bar:?}");
        }
    }
    assert_eq!(chart.bars.iter().filter(|b| b.column == 0).map(|b| b.height).sum::<f64>(), 150.0);
}

#[test]
fn numbers_are_written_for_labels() {
    assert_eq!(number_text(21_000.0, 0, ',', '.'), "21,000");
    assert_eq!(number_text(21_000.0, 0, '\u{a0}', ','), "21\u{a0}000");
    // Halves round away from zero, as people round.
    assert_eq!(number_text(1234567.25, 1, ',', '.'), "1,234,567.3");
    assert_eq!(number_text(0.5, 1, '\u{a0}', ','), "0,5");
    assert_eq!(number_text(999.0, 0, ',', '.'), "999");
    assert_eq!(number_text(-1500.0, 0, ',', '.'), "-1,500");
    assert_eq!(number_text(-0.0, 0, ',', '.'), "0");
    assert_eq!(number_text(-0.01, 1, ',', '.'), "0.0");
    assert_eq!(number_text(f64::MAX, 0, ',', '.').len(), 309 + 102);
    assert!(number_text(f64::MAX, 0, ',', '.')
        .starts_with("179,769,313,486,231,570,814,527,423,731,704,356,798,070,567,525,844,996,598,917"));
    assert_eq!(decimal_text(1e19, 2), "10000000000000000000.00");
    assert_eq!(decimal_text(2f64.powi(70), 0), "1180591620717411303424");
    assert_eq!(decimal_text(0.005, 2), "0.01");
    assert_eq!(decimal_text(-2.5, 1), "-2.5");
    assert_eq!(decimal_text(f64::NAN, 1), "0");
}

/// Reads RFC 4180 CSV back: rows of fields, lines ending in CRLF, quoted fields with their
/// quotes doubled. Panics on anything else, so a test fails on a malformed export.
fn read_csv(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = csv.chars().peekable();
    while chars.peek().is_some() {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next().expect("a quoted field ends") {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => break,
                    c => field.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                assert!(c != '"' && c != '\n', "a bare quote or LF in an unquoted field: {csv:?}");
                if c == ',' || c == '\r' {
                    break;
                }
                field.push(c);
                chars.next();
            }
        }
        row.push(field);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "lines end in CRLF");
                rows.push(std::mem::take(&mut row));
            }
            other => panic!("after a field: {other:?} in {csv:?}"),
        }
    }
    assert!(row.is_empty(), "the last line ends in CRLF");
    rows
}

#[test]
fn events_export_as_csv_rows() {
    let bundle = sample();
    let rows = read_csv(&events_csv(&bundle, &every_event(&bundle)));
    assert_eq!(
        rows[0],
        [
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
            "source"
        ]
    );
    assert_eq!(rows.len(), 1 + 6);
    assert_eq!(
        rows[1],
        [
            "2025-1-kz-1",
            "1",
            "2025",
            "2025-01-01",
            "2025-01-01",
            "en",
            "kz",
            "Event 2025-1-kz-1",
            "",
            "heroin",
            "seizure;arrest",
            "https://a.kz/2025-1-kz-1"
        ]
    );
    // Read with no kind: other; not read: nothing.
    assert_eq!(rows[2][10], "other");
    assert_eq!(rows[3][10], "");
    assert_eq!(rows[5][10], "future-kind");
    assert_eq!(
        events_csv(&bundle, &[]),
        "id,release,year,period_from,period_to,lang,country,title,outlet,drugs,kinds,source\r\n"
    );
}

#[test]
fn amounts_export_as_csv_rows_with_their_text() {
    let bundle = sample();
    let rows = read_csv(&quantities_csv(&bundle, &every_event(&bundle)));
    assert_eq!(
        rows[0],
        [
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
            "text"
        ]
    );
    assert_eq!(rows.len(), 1 + 7 + 3 + 5 + 1);
    let row = |n: usize| rows[n].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(row(1), ["2025-1-kz-1", "kz", "2025-01-01", "500", "false", "", "", "g", "heroin", "false", "500 g"]);
    assert_eq!(row(2)[3..10], ["2", "false", "", "", "kg", "heroin", "true"]);
    // A number that reads two ways has no amount, so a column sum adds only stated ones.
    assert_eq!(row(4)[3..9], ["", "true", "5.065;5065", "", "kg", "heroin"]);
    assert_eq!(row(7)[3..8], ["2", "false", "", "3", "l"]);
    // A negative amount is a plain number, not a formula; huge ones are written out.
    assert_eq!(row(12)[3], "-4");
    // Written out in full (the double's exact digits), never in exponent form.
    assert_eq!(row(13)[3].len(), 309);
    assert_eq!(row(13)[3].parse::<f64>(), Ok(1e308));
    assert_eq!(row(16)[0], "2025-4-kz-1");
}

#[test]
fn csv_fields_are_quoted_and_kept_from_running_as_formulas() {
    let mut bundle = sample();
    let event = &mut bundle.issues[0].events[0];
    event.title = "=HYPERLINK(\"http://x\",\"click\")".into();
    event.outlet = Some("Line one\r\nline two, \"quoted\"".into());
    event.id = "-5".into();
    event.country = "@kz".into();
    event.sources[0].url = "+7 (727) 000".into();
    bundle.issues[0].lang = "\tru".into();
    bundle.issues[0].period.to = "-2.5".into();
    bundle.issues[0].period.from = "-1-2".into();
    let at = [EventRef { issue: 0, event: 0 }];
    let csv = events_csv(&bundle, &at);
    let rows = read_csv(&csv);
    assert_eq!(rows.len(), 2);
    let row = &rows[1];
    assert_eq!(row[7], "'=HYPERLINK(\"http://x\",\"click\")");
    assert_eq!(row[8], "Line one\r\nline two, \"quoted\"");
    assert_eq!(row[0], "-5");
    assert_eq!(row[6], "'@kz");
    assert_eq!(row[11], "'+7 (727) 000");
    assert_eq!(row[5], "'\tru");
    assert_eq!(row[4], "-2.5");
    assert_eq!(row[3], "'-1-2");
    assert!(csv.contains(r#","'=HYPERLINK(""http://x"",""click"")","#), "{csv}");
    // The text of a fact is guarded too.
    bundle.issues[0].events[0].paragraphs[0] = "Officers seized =cmd|' /C calc'!A0".into();
    assert_eq!(read_csv(&quantities_csv(&bundle, &at))[1][10], "'=cmd|");
}

#[test]
fn exported_events_read_back_as_a_bundle() {
    let bundle = sample();
    // Out of order, twice, and one reference to nothing.
    let chosen = [
        EventRef { issue: 2, event: 0 },
        EventRef { issue: 0, event: 2 },
        EventRef { issue: 0, event: 0 },
        EventRef { issue: 0, event: 2 },
        EventRef { issue: 7, event: 0 },
    ];
    let read = parse_bundle(&events_json(&bundle, &chosen)).unwrap();
    let mut expected = bundle.clone();
    expected.issues.retain(|issue| issue.number != 2 && issue.number != 4);
    expected.issues[0].events.remove(1);
    assert_eq!(read, expected);
    // Huge amounts and facts survive the trip.
    assert_eq!(read.issues[1].events[0].facts, bundle.issues[2].events[0].facts);

    let everything = parse_bundle(&events_json(&bundle, &every_event(&bundle))).unwrap();
    assert_eq!(everything, bundle);
    let nothing = parse_bundle(&events_json(&bundle, &[])).unwrap();
    assert_eq!(nothing, Bundle::default());

    let built_in = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
    let all = every_event(&built_in);
    assert_eq!(parse_bundle(&events_json(&built_in, &all)).unwrap(), built_in);
}

#[test]
fn counts_get_whole_steps() {
    let chart = stacked_bars(&[vec![1.0, 1.0], vec![2.0]], Frame::PHONE);
    let ticks: Vec<f64> = chart.ticks.iter().map(|tick| tick.value).collect();
    assert_eq!(ticks, [0.0, 1.0, 2.0]);
    // Amounts keep their finer steps.
    let chart = stacked_bars(&[vec![0.5], vec![1.5]], Frame::PHONE);
    assert!(chart.ticks.iter().any(|tick| tick.value.fract() != 0.0));
}
