//! The drug, kind and date filters: what they show, their counts, and how they combine
//! with the country tabs and the search, on a bundle written here.

use caricc_format::bundle::parse_bundle;
use caricc_format::model::Bundle;
use caricc_search::search::SearchIndex;
use caricc_view::route::{Route, Scope};
use caricc_view::view::{release_view, FacetCount, ReleaseView};

/// An event: id, country, text, and its facts as JSON (or none).
fn event(id: &str, country: &str, text: &str, facts: Option<&str>) -> String {
    let facts = facts.map(|facts| format!(r#","facts":{facts}"#)).unwrap_or_default();
    format!(r#"{{"id":"{id}","country":"{country}","title":"T","paragraphs":["{text}"]{facts}}}"#)
}

fn at() -> &'static str {
    r#"{"p":0,"from":0,"to":1}"#
}

fn drugs(ids: &[&str]) -> String {
    ids.iter().map(|id| format!(r#"{{"drug":"{id}","at":{}}}"#, at())).collect::<Vec<_>>().join(",")
}

fn kinds(ids: &[&str]) -> String {
    ids.iter().map(|id| format!(r#"{{"kind":"{id}","at":{}}}"#, at())).collect::<Vec<_>>().join(",")
}

fn facts(drug_ids: &[&str], kind_ids: &[&str]) -> String {
    format!(r#"{{"drugs":[{}],"kinds":[{}]}}"#, drugs(drug_ids), kinds(kind_ids))
}

fn release(number: u32, month: u32, events: &[String]) -> String {
    format!(
        r#"{{"number":{number},"year":2025,"period":{{"from":"2025-{month:02}-01","to":"2025-{month:02}-15"}},"title":"R","events":[{}]}}"#,
        events.join(",")
    )
}

/// Two releases: #16 (September) and #15 (August).
fn bundle() -> Bundle {
    let august = [
        event("a1", "kz", "police heroin", Some(&facts(&["heroin"], &["seizure", "arrest"]))),
        event("a2", "kz", "police hashish heroin", Some(&facts(&["hashish", "heroin"], &["seizure"]))),
        event("a3", "kg", "a lecture", Some(&facts(&[], &["prevention"]))),
        event("a4", "ru", "a new building", Some(&facts(&[], &[]))),
        event("a5", "ru", "not read", None),
    ];
    let september = [event("s1", "tj", "police heroin", Some(&facts(&["heroin"], &["seizure"])))];
    let text = format!(r#"{{"format":1,"issues":[{},{}]}}"#, release(16, 9, &september), release(15, 8, &august));
    parse_bundle(&text).unwrap()
}

fn view_of(bundle: &Bundle, fragment: &str) -> ReleaseView {
    let index = SearchIndex::new(bundle);
    release_view(bundle, &index, &Route::from_fragment(fragment), "en").unwrap()
}

fn ids(bundle: &Bundle, view: &ReleaseView) -> Vec<String> {
    view.results.iter().map(|at| bundle.issues[at.issue].events[at.event].id.clone()).collect()
}

fn counts(facets: &[FacetCount]) -> Vec<(&str, usize)> {
    facets.iter().map(|facet| (facet.id.as_str(), facet.count)).collect()
}

#[test]
fn drugs_and_kinds_are_counted_in_the_release_on_screen() {
    let bundle = bundle();
    let view = view_of(&bundle, "#release=2025-15");
    assert!(view.facets.read);
    assert_eq!(counts(&view.facets.drugs), [("heroin", 2), ("hashish", 1)]);
    assert_eq!(counts(&view.facets.kinds), [("seizure", 2), ("arrest", 1), ("prevention", 1), ("other", 1)]);
    assert_eq!(ids(&bundle, &view).len(), 5);
}

#[test]
fn a_drug_narrows_the_events_the_tabs_and_the_kind_counts() {
    let bundle = bundle();
    let view = view_of(&bundle, "#release=2025-15&drug=heroin");
    assert_eq!(ids(&bundle, &view), ["a1", "a2"]);
    let tabs: Vec<(Option<&str>, usize)> = view.tabs.iter().map(|tab| (tab.country.as_deref(), tab.count)).collect();
    assert_eq!(tabs, [(None, 2), (Some("kz"), 2), (Some("kg"), 0), (Some("ru"), 0)]);
    assert_eq!(counts(&view.facets.kinds), [("seizure", 2), ("arrest", 1)]);
    // The drug counts do not narrow by the drug itself: another can be chosen instead.
    assert_eq!(counts(&view.facets.drugs), [("heroin", 2), ("hashish", 1)]);
}

#[test]
fn filters_combine_with_each_other_the_country_and_the_search() {
    let bundle = bundle();
    let view = view_of(&bundle, "#release=2025-15&drug=heroin&kind=arrest");
    assert_eq!(ids(&bundle, &view), ["a1"]);
    let view = view_of(&bundle, "#release=2025-15&country=kg&kind=prevention");
    assert_eq!(ids(&bundle, &view), ["a3"]);
    assert_eq!(counts(&view.facets.drugs), []);
    let view = view_of(&bundle, "#release=2025-15&q=hashish&drug=heroin");
    assert_eq!(ids(&bundle, &view), ["a2"]);
}

#[test]
fn other_is_an_event_with_facts_and_no_kind_and_unread_events_have_no_kind() {
    let bundle = bundle();
    assert_eq!(ids(&bundle, &view_of(&bundle, "#release=2025-15&kind=other")), ["a4"]);
}

#[test]
fn a_choice_with_no_events_shows_none_and_stays_listed() {
    let bundle = bundle();
    let view = view_of(&bundle, "#release=2025-15&drug=cocaine");
    assert_eq!(ids(&bundle, &view), Vec::<String>::new());
    assert!(counts(&view.facets.drugs).contains(&("cocaine", 0)));
    assert_eq!(view.tabs[0].count, 0);
}

#[test]
fn a_filter_of_all_releases_reaches_across_them_and_the_date_range_narrows_it() {
    let bundle = bundle();
    let all = view_of(&bundle, "#drug=heroin&scope=all");
    assert_eq!(all.scope, Scope::All);
    assert_eq!(ids(&bundle, &all), ["s1", "a1", "a2"]);
    assert_eq!(all.facets.months, Some(("2025-08".to_owned(), "2025-09".to_owned())));
    let september = view_of(&bundle, "#drug=heroin&scope=all&from=2025-09");
    assert_eq!(ids(&bundle, &september), ["s1"]);
    let august = view_of(&bundle, "#drug=heroin&scope=all&to=2025-08");
    assert_eq!(ids(&bundle, &august), ["a1", "a2"]);
    // In one release the range does not apply: its events share its period.
    let one = view_of(&bundle, "#release=2025-15&drug=heroin&from=2025-09");
    assert_eq!((one.facets.from.as_deref(), ids(&bundle, &one).len()), (None, 2));
}

#[test]
fn a_bundle_without_facts_has_nothing_to_filter_by() {
    let text = format!(r#"{{"format":1,"issues":[{}]}}"#, release(1, 1, &[event("x", "kz", "text", None)]));
    let bundle = parse_bundle(&text).unwrap();
    let view = view_of(&bundle, "#");
    assert!(!view.facets.read);
    assert!(view.facets.drugs.is_empty() && view.facets.kinds.is_empty());
}
