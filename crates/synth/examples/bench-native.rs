//! What the viewer computes from a bundle before it can draw the first card, and on each
//! search keystroke, timed natively: decoding (serde, with the limits), the search index,
//! the view, a search in every release, and a drug or kind filter over every release. The same core code the viewer runs, built with
//! the viewer's profile (`wasm-release`, optimised for size), but as native code rather
//! than WebAssembly and without the DOM: it tells which of these steps dominates, not how
//! long the browser takes.
//!
//! `cargo run --profile wasm-release --example bench-native -- BUNDLE.json [RUNS]`
//! (bench/run.sh runs it); prints one JSON object of medians in milliseconds.

use caricc_format::bundle::parse_bundle_within_limits;
use caricc_search::search::SearchIndex;
use caricc_view::route::{Route, Scope};
use caricc_view::view::release_view;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: bench-native BUNDLE.json [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|runs| runs.parse().ok()).unwrap_or(5).max(1);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("{path}: {error}");
        std::process::exit(1);
    });
    let queries = ["police", "полиция", "almaty", "zqxw"];
    let mut steps: Vec<(&str, Vec<f64>)> = ["parse", "index", "view", "search_all", "facet_all"]
        .iter()
        .map(|name| (*name, Vec::with_capacity(runs)))
        .collect();
    let mut events = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let bundle = parse_bundle_within_limits(&text).unwrap_or_else(|error| {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        });
        let parsed = Instant::now();
        let index = SearchIndex::new(&bundle);
        let indexed = Instant::now();
        let view = release_view(&bundle, &index, &Route::default(), "en");
        let viewed = Instant::now();
        // One keystroke's worth of work per query: the view of a search in every release.
        for query in queries {
            let route = Route { query: query.to_owned(), scope: Scope::All, ..Route::default() };
            std::hint::black_box(release_view(&bundle, &index, &route, "en"));
        }
        let searched = Instant::now();
        // A drug, then a kind, chosen across every release with no search.
        for (drug, kind) in [(Some("heroin"), None), (None, Some("seizure"))] {
            let route = Route {
                drug: drug.map(str::to_owned),
                kind: kind.map(str::to_owned),
                scope: Scope::All,
                ..Route::default()
            };
            std::hint::black_box(release_view(&bundle, &index, &route, "en"));
        }
        let faceted = Instant::now();
        events = bundle.issues.iter().map(|issue| issue.events.len()).sum::<usize>();
        std::hint::black_box(view);
        let ms = |from: Instant, to: Instant| (to - from).as_secs_f64() * 1000.0;
        steps[0].1.push(ms(started, parsed));
        steps[1].1.push(ms(parsed, indexed));
        steps[2].1.push(ms(indexed, viewed));
        steps[3].1.push(ms(viewed, searched) / queries.len() as f64);
        steps[4].1.push(ms(searched, faceted) / 2.0);
    }
    let fields: Vec<String> = steps
        .iter_mut()
        .map(|(name, times)| {
            times.sort_by(f64::total_cmp);
            format!("\"{name}_ms\": {:.2}", times[times.len() / 2])
        })
        .collect();
    println!("{{\"bytes\": {}, \"events\": {events}, \"runs\": {runs}, {}}}", text.len(), fields.join(", "));
}
