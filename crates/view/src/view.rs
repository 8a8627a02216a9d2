//! What the viewer shows for a bundle and a route, decided here (natively testable) so
//! the UI components only render it.

use crate::facts::kinds_of;
use crate::i18n::Messages;
use crate::route::{ReleaseKey, Route, Scope};
use caricc_facts::Kind;
use caricc_format::country;
use caricc_format::date::Date;
use caricc_format::model::{Bundle, Event, Issue};
use caricc_format::order::stable_order;
use caricc_search::search::{EventRef, Query, SearchIndex};

/// A country tab (or the "All" tab when `country` is `None`) with its number of events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub country: Option<String>,
    pub count: usize,
}

/// Everything the page shows besides the bundle's own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseView {
    /// Index of the release on screen in `bundle.issues`.
    pub issue: usize,
    /// Every release, newest first, one language version each (indexes into `bundle.issues`).
    pub releases: Vec<usize>,
    pub tabs: Vec<Tab>,
    /// The selected tab's country; `None` for "All".
    pub country: Option<String>,
    pub query: Query,
    pub scope: Scope,
    /// The events to show, in bundle order.
    pub results: Vec<EventRef>,
    /// The event opened by the route, when it exists.
    pub opened: Option<EventRef>,
    /// Parts of the route that named something the bundle lacks.
    pub notices: Vec<Notice>,
    /// The release on screen is listed but its events are not fetched yet (chunked archive).
    pub pending: bool,
    /// The drug, kind and date range filters, with how many events each choice shows.
    pub facets: Facets,
}

/// The filters by the facts the importer read ([`caricc_format::model::Facts`]): what the
/// route chose, and for each drug and kind how many events choosing it would show (with the
/// search, the country and the other filter as they are).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub drug: Option<String>,
    pub kind: Option<String>,
    /// The date range, as months (`2025-01`): applied across releases only.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Drugs named by the events in scope, most events first (table order between equals).
    pub drugs: Vec<FacetCount>,
    /// Kinds of the events in scope, in the rules' order (`other` last).
    pub kinds: Vec<FacetCount>,
    /// Whether any event in scope has facts: without, there is nothing to filter by.
    pub read: bool,
    /// The first and last month of the releases in the bundle, for the range's bounds.
    pub months: Option<(String, String)>,
}

impl Facets {
    /// Whether a drug, kind or date filter is on.
    pub fn any(&self) -> bool {
        self.drug.is_some() || self.kind.is_some() || self.from.is_some() || self.to.is_some()
    }
}

/// A filter's choice and the events it would show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub id: String,
    pub count: usize,
}

/// Whether the event names the drug.
fn names_drug(event: &Event, drug: &str) -> bool {
    event.facts.as_ref().is_some_and(|facts| facts.drugs.iter().any(|fact| fact.drug == drug))
}

/// Whether the event is of the kind (`other`: it has facts and no kind), as the insights
/// count it.
fn is_of_kind(event: &Event, kind: &str) -> bool {
    kinds_of(event).is_some_and(|kinds| kinds.contains(&kind))
}

/// Whether a release's period meets the months `from..=to` (`YYYY-MM`, either open).
fn in_months(issue: &Issue, from: Option<&str>, to: Option<&str>) -> bool {
    let month = |date: &str| date.get(..7).map(str::to_owned).unwrap_or_default();
    from.is_none_or(|from| month(&issue.period.to).as_str() >= from)
        && to.is_none_or(|to| month(&issue.period.from).as_str() <= to)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    ReleaseNotFound(ReleaseKey),
    EventNotFound(String),
    CountryNotFound(String),
    /// The release is not in the reader's language; it is shown in this one.
    LanguageFallback(String),
}

impl ReleaseView {
    /// True when a search is narrowing the events.
    pub fn searching(&self) -> bool {
        !self.query.is_empty()
    }
}

/// The key links use for a release.
pub fn release_key(issue: &Issue) -> ReleaseKey {
    ReleaseKey { year: issue.year, number: issue.number }
}

/// Indexes of the bundle's releases, newest first, one per release: the version in `lang`
/// when the bundle has the release in several languages and one of them is `lang`, else the
/// first in the bundle. One sort, so that a manifest of 10,000 releases costs no more than
/// sorting them on each redraw.
pub fn releases_newest_first(bundle: &Bundle, lang: &str) -> Vec<usize> {
    let issues = &bundle.issues;
    // The versions of one release end up side by side, in bundle order (the sort is stable).
    let order =
        stable_order(issues.len(), &|a, b| (issues[b].year, issues[b].number).cmp(&(issues[a].year, issues[a].number)));
    let mut chosen: Vec<usize> = Vec::new();
    for index in order {
        match chosen.last_mut() {
            Some(last) if release_key(&issues[*last]) == release_key(&issues[index]) => {
                if issues[*last].lang != lang && issues[index].lang == lang {
                    *last = index;
                }
            }
            _ => chosen.push(index),
        }
    }
    chosen
}

/// What the release picker lists, newest first, as (release index, stands for its year):
/// every release of the year on screen, and one entry per other year, its newest release,
/// labelled with the year. An archive of any length then adds one option a year, not one a
/// release, and the rest of a year is a choice away.
pub fn picker_entries(bundle: &Bundle, view: &ReleaseView) -> Vec<(usize, bool)> {
    let year_on_screen = bundle.issues[view.issue].year;
    let mut entries: Vec<(usize, bool)> = Vec::new();
    let mut previous_year = None;
    // `releases` is newest first, so a year's releases are side by side.
    for &index in &view.releases {
        let year = bundle.issues[index].year;
        if year == year_on_screen {
            entries.push((index, false));
        } else if previous_year != Some(year) {
            entries.push((index, true));
        }
        previous_year = Some(year);
    }
    entries
}

/// Finds an event by id.
pub fn find_event(bundle: &Bundle, id: &str) -> Option<EventRef> {
    bundle.issues.iter().enumerate().find_map(|(issue_index, issue)| {
        issue.events.iter().position(|e| e.id == id).map(|event| EventRef { issue: issue_index, event })
    })
}

/// Decides what to show, in the reader's language `lang` where the bundle has it. `None`
/// only for a bundle with no releases.
pub fn release_view(bundle: &Bundle, index: &SearchIndex, route: &Route, lang: &str) -> Option<ReleaseView> {
    release_view_in_archive(bundle, index, route, lang, &|_| false)
}

/// [`release_view`] for a bundle some of whose releases are not fetched yet: `pending`
/// says which. An event link into a pending release opens that release, without a notice,
/// so that the event is found once it arrives.
pub fn release_view_in_archive(
    bundle: &Bundle,
    index: &SearchIndex,
    route: &Route,
    lang: &str,
    pending: &dyn Fn(usize) -> bool,
) -> Option<ReleaseView> {
    let releases = releases_newest_first(bundle, lang);
    let newest = *releases.first()?;
    let mut notices = Vec::new();
    // The language version shown for a release.
    let version = |issue: usize| -> usize {
        let key = release_key(&bundle.issues[issue]);
        releases.iter().copied().find(|&chosen| release_key(&bundle.issues[chosen]) == key).unwrap_or(issue)
    };

    let opened = route.event.as_ref().and_then(|id| {
        find_event(bundle, id).map(|at| {
            // The same event in the reader's language, when the bundle has that version.
            let shown = version(at.issue);
            let event = bundle.issues[shown].events.iter().position(|e| &e.id == id);
            event.map_or(at, |event| EventRef { issue: shown, event })
        })
    });
    // An event of a release not fetched yet: that release opens, and the event once it is here.
    let awaited = route
        .event
        .as_deref()
        .filter(|_| opened.is_none())
        .and_then(|id| pending_release_of(bundle, id, pending))
        .map(version);
    if let (Some(id), None, None) = (&route.event, opened, awaited) {
        notices.push(Notice::EventNotFound(id.clone()));
    }
    let issue = match route.release {
        Some(key) => match releases.iter().copied().find(|&chosen| release_key(&bundle.issues[chosen]) == key) {
            Some(found) => found,
            None => {
                notices.push(Notice::ReleaseNotFound(key));
                opened.map_or(awaited.unwrap_or(newest), |at| at.issue)
            }
        },
        None => opened.map_or(awaited.unwrap_or(newest), |at| at.issue),
    };
    if bundle.issues[issue].lang != lang {
        notices.push(Notice::LanguageFallback(bundle.issues[issue].lang.clone()));
    }
    let mut shown_versions = vec![false; bundle.issues.len()];
    for &chosen in &releases {
        shown_versions[chosen] = true;
    }

    let query = Query::parse(&route.query);
    // A search or a filter may look through all releases; the date range only does then.
    let scope = if query.is_empty() && !route.filtered() { Scope::Release } else { route.scope };
    let only_issue = (scope == Scope::Release).then_some(issue);
    let (from, to) = match scope {
        Scope::All => (route.from.as_deref(), route.to.as_deref()),
        Scope::Release => (None, None),
    };
    let in_range = |at: &EventRef| in_months(&bundle.issues[at.issue], from, to);
    let in_shown_versions = |found: Vec<EventRef>| -> Vec<EventRef> {
        found.into_iter().filter(|at| shown_versions[at.issue] && in_range(at)).collect()
    };
    let in_scope: Vec<EventRef> = in_shown_versions(index.search(bundle, &Query::default(), only_issue));
    let matching: Vec<EventRef> =
        if query.is_empty() { in_scope.clone() } else { in_shown_versions(index.search(bundle, &query, only_issue)) };

    let mut countries: Vec<&str> = Vec::new();
    for at in &in_scope {
        let code = bundle.issues[at.issue].events[at.event].country.as_str();
        if !countries.contains(&code) {
            countries.push(code);
        }
    }
    let country = match &route.country {
        Some(code) if countries.contains(&code.as_str()) => Some(code.clone()),
        // The release's countries are not known until it arrives.
        Some(_) if pending(issue) => None,
        Some(code) => {
            notices.push(Notice::CountryNotFound(code.clone()));
            None
        }
        None => None,
    };

    // Each filter narrows the events; the counts of one filter's choices apply the others.
    let event = |at: &EventRef| &bundle.issues[at.issue].events[at.event];
    let (drug, kind) = (route.drug.as_deref(), route.kind.as_deref());
    let drug_fits = |at: &EventRef| drug.is_none_or(|drug| names_drug(event(at), drug));
    let kind_fits = |at: &EventRef| kind.is_none_or(|kind| is_of_kind(event(at), kind));
    let country_fits = |at: &EventRef| country.as_ref().is_none_or(|code| &event(at).country == code);
    let mut drugs: Vec<FacetCount> = Vec::new();
    // Per kind of the rules' list (`other` among them), in its order.
    let mut kind_counts = [0; Kind::ALL.len()];
    for at in matching.iter().filter(|at| country_fits(at)) {
        let Some(facts) = &event(at).facts else { continue };
        if kind_fits(at) {
            for fact in &facts.drugs {
                match drugs.iter_mut().find(|counted| counted.id == fact.drug) {
                    Some(counted) => counted.count += 1,
                    None => drugs.push(FacetCount { id: fact.drug.clone(), count: 1 }),
                }
            }
        }
        if drug_fits(at) {
            for told in kinds_of(event(at)).unwrap_or_default() {
                if let Some(known) = Kind::ALL.iter().position(|kind| kind.id() == told) {
                    kind_counts[known] += 1;
                }
            }
        }
    }
    // The chosen ones stay listed at 0, so that they can be seen and undone.
    if let Some(chosen) = drug.filter(|drug| !drugs.iter().any(|counted| counted.id == *drug)) {
        drugs.push(FacetCount { id: chosen.to_owned(), count: 0 });
    }
    let table_place = |id: &str| caricc_facts::drugs::DRUGS.iter().position(|known| known.id == id);
    // The app's one sort (not the standard library's, a second copy in the WebAssembly).
    let order = stable_order(drugs.len(), &|a, b| {
        let (a, b) = (&drugs[a], &drugs[b]);
        b.count.cmp(&a.count).then_with(|| table_place(&a.id).cmp(&table_place(&b.id)))
    });
    let drugs: Vec<FacetCount> = order.into_iter().map(|at| drugs[at].clone()).collect();
    let kinds: Vec<FacetCount> = Kind::ALL
        .iter()
        .map(|known| known.id())
        .zip(kind_counts)
        .filter(|(id, count)| *count > 0 || kind == Some(*id))
        .map(|(id, count)| FacetCount { id: id.to_owned(), count })
        .collect();
    let read = in_scope.iter().any(|at| event(at).facts.is_some());
    let months = bundle
        .issues
        .iter()
        .filter_map(|issue| Some((issue.period.from.get(..7)?, issue.period.to.get(..7)?)))
        .fold(None, |range: Option<(&str, &str)>, (first, last)| match range {
            None => Some((first, last)),
            Some((a, b)) => Some((a.min(first), b.max(last))),
        })
        .map(|(first, last)| (first.to_owned(), last.to_owned()));
    let facets = Facets {
        drug: route.drug.clone(),
        kind: route.kind.clone(),
        from: from.map(str::to_owned),
        to: to.map(str::to_owned),
        drugs,
        kinds,
        read,
        months,
    };

    let filtered: Vec<EventRef> = matching.into_iter().filter(|at| drug_fits(at) && kind_fits(at)).collect();
    let count_for = |code: &str| filtered.iter().filter(|at| event(at).country == code).count();
    let mut tabs = vec![Tab { country: None, count: filtered.len() }];
    tabs.extend(countries.iter().map(|code| Tab { country: Some((*code).to_owned()), count: count_for(code) }));
    let results = filtered.into_iter().filter(|at| country_fits(at)).collect();
    let pending = pending(issue);
    Some(ReleaseView { issue, releases, tabs, country, query, scope, results, opened, notices, pending, facets })
}

/// The pending release an event id (`{year}-{number}-{country}-{n}`) belongs to, if any.
fn pending_release_of(bundle: &Bundle, id: &str, pending: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut parts = id.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let number: u32 = parts.next()?.parse().ok()?;
    bundle.issues.iter().enumerate().position(|(at, issue)| issue.year == year && issue.number == number && pending(at))
}

/// `1–15.08.2025`, as the releases print their period; `25.12.2025–10.01.2026` across
/// months. Text that is not an ISO date is shown as written.
pub fn format_period(from: &str, to: &str) -> String {
    match (Date::parse_iso(from), Date::parse_iso(to)) {
        (Some(f), Some(t)) if f.year == t.year && f.month == t.month => {
            format!("{}–{:02}.{:02}.{}", f.day, t.day, t.month, t.year)
        }
        (Some(f), Some(t)) if f.year == t.year => {
            format!("{:02}.{:02}–{:02}.{:02}.{}", f.day, f.month, t.day, t.month, t.year)
        }
        (Some(f), Some(t)) => format!("{:02}.{:02}.{}–{:02}.{:02}.{}", f.day, f.month, f.year, t.day, t.month, t.year),
        _ => format!("{from} – {to}"),
    }
}

/// A country's name in an interface language (`en`, `ru`); its code when the table lacks it.
pub fn country_name(code: &str, lang: &str) -> String {
    match (country::by_code(code), lang) {
        (Some(country), "ru") => country.name_ru.to_owned(),
        (Some(country), _) => country.name_en.to_owned(),
        (None, _) => caricc_format::case::to_uppercase(code),
    }
}

/// A citation a reader can paste into a report, in the interface language.
pub fn citation(issue: &Issue, event: &Event, messages: &Messages) -> String {
    let period = format_period(&issue.period.from, &issue.period.to);
    let mut text = (messages.citation)(issue.number, &period, &event.title, event.outlet.as_deref().unwrap_or(""));
    for source in &event.sources {
        text.push(' ');
        text.push_str(&source.url);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use caricc_format::bundle::parse_bundle;

    /// One release per key, by a scan of the bundle: what [`releases_newest_first`] must
    /// return, in a form plain enough to check by eye.
    fn releases_by_scan(bundle: &Bundle, lang: &str) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::new();
        for (index, issue) in bundle.issues.iter().enumerate() {
            match chosen.iter_mut().find(|other| release_key(&bundle.issues[**other]) == release_key(issue)) {
                Some(other) if bundle.issues[*other].lang != lang && issue.lang == lang => *other = index,
                Some(_) => {}
                None => chosen.push(index),
            }
        }
        chosen.sort_by_key(|&index| std::cmp::Reverse(release_key(&bundle.issues[index])));
        chosen
    }

    #[test]
    fn one_version_of_each_release_newest_first() {
        let base = parse_bundle(include_str!("../../../static/bundle.json")).unwrap().issues.remove(0);
        // Releases in no order, some in two or three languages, one year apart at times.
        let versions = [
            (15, 2025, "en"),
            (3, 2026, "ru"),
            (15, 2025, "ru"),
            (2, 2024, "kk"),
            (3, 2026, "en"),
            (2, 2024, "ru"),
            (1, 2026, "ru"),
            (15, 2025, "kk"),
            (2, 2024, "en"),
        ];
        let issues = versions
            .iter()
            .map(|&(number, year, lang)| Issue { number, year, lang: lang.into(), ..base.clone() })
            .collect();
        let bundle = Bundle { format: 1, issues };
        for lang in ["en", "ru", "kk", "de"] {
            assert_eq!(releases_newest_first(&bundle, lang), releases_by_scan(&bundle, lang), "{lang}");
        }
        assert_eq!(releases_newest_first(&bundle, "en"), [4, 6, 0, 8]);
        assert_eq!(releases_newest_first(&bundle, "de"), [1, 6, 0, 3]);
    }

    fn two_releases() -> Bundle {
        let mut bundle = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
        let mut older = bundle.issues[0].clone();
        older.number = 14;
        older.period.from = "2025-07-16".into();
        older.period.to = "2025-07-31".into();
        older.events.retain(|e| e.country == "kz");
        for event in &mut older.events {
            event.id = event.id.replace("2025-15", "2025-14");
            event.title = format!("JULY {}", event.title);
        }
        bundle.issues.push(older);
        bundle
    }

    fn view(bundle: &Bundle, fragment: &str) -> ReleaseView {
        release_view(bundle, &SearchIndex::new(bundle), &Route::from_fragment(fragment), "en").unwrap()
    }

    fn tab_counts(view: &ReleaseView) -> Vec<(Option<&str>, usize)> {
        view.tabs.iter().map(|t| (t.country.as_deref(), t.count)).collect()
    }

    #[test]
    fn the_newest_release_opens_with_all_its_tabs() {
        let bundle = two_releases();
        let view = view(&bundle, "");
        assert_eq!(view.issue, 0);
        assert_eq!(view.releases, [0, 1]);
        assert_eq!(tab_counts(&view), [(None, 10), (Some("az"), 1), (Some("kz"), 4), (Some("kg"), 1), (Some("ru"), 4)]);
        assert_eq!(view.results.len(), 10);
        assert!(view.notices.is_empty());
    }

    #[test]
    fn the_picker_lists_the_year_on_screen_and_one_entry_per_other_year() {
        let mut bundle = Bundle::default();
        for (year, number) in [(2025, 2), (2024, 24), (2025, 1), (2023, 9), (2024, 23), (2023, 8)] {
            let mut issue = two_releases().issues[1].clone();
            (issue.year, issue.number) = (year, number);
            issue.events.clear();
            bundle.issues.push(issue);
        }
        let entries = |fragment: &str| picker_entries(&bundle, &view(&bundle, fragment));
        assert_eq!(entries(""), [(0, false), (2, false), (1, true), (3, true)]);
        assert_eq!(entries("#release=2024-23"), [(0, true), (1, false), (4, false), (3, true)]);
        assert_eq!(entries("#release=2023-8"), [(0, true), (1, true), (3, false), (5, false)]);
    }

    #[test]
    fn a_country_tab_filters_the_events() {
        let bundle = two_releases();
        let view = view(&bundle, "#country=ru");
        assert_eq!(view.country.as_deref(), Some("ru"));
        assert_eq!(view.results.len(), 4);
        assert!(view.results.iter().all(|at| bundle.issues[at.issue].events[at.event].country == "ru"));
    }

    #[test]
    fn search_in_the_release_or_everywhere() {
        let bundle = two_releases();
        let here = view(&bundle, "#q=police");
        let everywhere = view(&bundle, "#q=police&scope=all");
        assert!(here.results.iter().all(|at| at.issue == 0));
        assert!(everywhere.results.iter().any(|at| at.issue == 1));
        assert!(everywhere.results.len() > here.results.len());
        assert_eq!(everywhere.tabs[0].count, everywhere.results.len());
        let nothing = view(&bundle, "#q=zzzz");
        assert!(nothing.results.is_empty() && nothing.searching());
        assert!(nothing.tabs.iter().all(|t| t.count == 0));
    }

    #[test]
    fn an_event_link_opens_its_release() {
        let bundle = two_releases();
        let view = view(&bundle, "#event=2025-14-kz-2");
        assert_eq!(view.issue, 1);
        assert_eq!(view.opened, Some(EventRef { issue: 1, event: 1 }));
    }

    #[test]
    fn links_to_what_is_not_there_fall_back_with_a_notice() {
        let bundle = two_releases();
        let view = view(&bundle, "#release=2019-3&country=tm&event=nope");
        assert_eq!(view.issue, 0);
        assert_eq!(view.country, None);
        assert_eq!(
            view.notices,
            [
                Notice::EventNotFound("nope".into()),
                Notice::ReleaseNotFound(ReleaseKey { year: 2019, number: 3 }),
                Notice::CountryNotFound("tm".into())
            ]
        );
        assert!(release_view(&Bundle::default(), &SearchIndex::default(), &Route::default(), "en").is_none());
    }

    /// Release #15 in English and Russian, and #14 in English only.
    fn bilingual() -> Bundle {
        let mut bundle = two_releases();
        let mut russian = bundle.issues[0].clone();
        russian.lang = "ru".into();
        for event in &mut russian.events {
            event.title = format!("ПО-РУССКИ {}", event.title);
        }
        bundle.issues.push(russian);
        bundle
    }

    #[test]
    fn the_readers_language_version_is_shown_when_there_is_one() {
        let bundle = bilingual();
        let index = SearchIndex::new(&bundle);
        let view =
            |fragment: &str, lang: &str| release_view(&bundle, &index, &Route::from_fragment(fragment), lang).unwrap();
        let russian = view("", "ru");
        assert_eq!(russian.issue, 2);
        assert_eq!(russian.releases, [2, 1], "one entry per release in the picker");
        assert!(russian.notices.is_empty());
        assert_eq!(view("", "en").issue, 0);
        // #14 exists only in English: shown with a notice.
        let fallback = view("#release=2025-14", "ru");
        assert_eq!(fallback.issue, 1);
        assert_eq!(fallback.notices, [Notice::LanguageFallback("en".into())]);
        // A link to an event opens it in the reader's language.
        assert_eq!(view("#event=2025-15-kz-2", "ru").opened, Some(EventRef { issue: 2, event: 2 }));
        // Searching all releases does not count a release twice.
        let everywhere = view("#q=police&scope=all", "ru");
        assert!(everywhere.results.iter().all(|at| at.issue != 0), "{:?}", everywhere.results);
        assert_eq!(country_name("kz", "ru"), "Казахстан");
        assert_eq!(country_name("xk", "ru"), "XK");
    }

    #[test]
    fn a_pending_release_opens_quietly_and_fills_in_when_it_arrives() {
        let full = two_releases();
        let mut bundle = full.clone();
        bundle.issues[0].events.clear();
        let mut index = SearchIndex::new(&bundle);
        let pending = |at: usize| at == 0;
        let route = Route::from_fragment(&format!("event={}&country=kz", full.issues[0].events[1].id));
        let view = release_view_in_archive(&bundle, &index, &route, "en", &pending).unwrap();
        assert_eq!((view.issue, view.pending, view.opened), (0, true, None));
        assert!(view.notices.is_empty(), "{:?}", view.notices);

        bundle.issues[0] = full.issues[0].clone();
        index.insert_issue(0, &bundle.issues[0]);
        let view = release_view_in_archive(&bundle, &index, &route, "en", &|_| false).unwrap();
        assert_eq!(view, release_view(&full, &SearchIndex::new(&full), &route, "en").unwrap());
        assert!(view.opened.is_some() && !view.pending);
        let police = Query::parse("police");
        let expected = SearchIndex::new(&full).search(&full, &police, None);
        assert!(expected.iter().any(|at| at.issue == 0), "{expected:?}");
        assert_eq!(index.search(&bundle, &police, None), expected);
        // An index not built when the release arrived is built from the bundle as it is then.
        let mut deferred = SearchIndex::default();
        deferred.insert_issue(0, &bundle.issues[0]);
        assert_eq!(deferred.search(&bundle, &police, None), expected);
    }

    #[test]
    fn periods_and_citations_read_like_the_release() {
        assert_eq!(format_period("2025-08-01", "2025-08-15"), "1–15.08.2025");
        assert_eq!(format_period("2025-07-25", "2025-08-05"), "25.07–05.08.2025");
        assert_eq!(format_period("2025-12-25", "2026-01-05"), "25.12.2025–05.01.2026");
        assert_eq!(format_period("soon", ""), "soon – ");
        let bundle = two_releases();
        let issue = &bundle.issues[0];
        assert_eq!(
            citation(issue, &issue.events[5], &crate::i18n::EN),
            "CARICC Information Release #15 (1–15.08.2025): “DRUG ENFORCEMENT OFFICERS INSPECTED NIGHTCLUBS AND BARS IN BISHKEK”, TOPNEWS.KG. https://topnews.kg/obshchestvo/54012-narkoborecy-proverili-nochnye-kluby-i-bary-v-bishkeke.html"
        );
    }
}
