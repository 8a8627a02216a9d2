//! One release on screen: picker, header, summary, contents, search, tabs, events and
//! the editorial address. Navigation goes up as a [`Navigate`]; nothing here keeps view
//! state of its own, the route is the one source of truth.

use crate::browser::{self, HistoryMode};
use crate::components::card::EventCard;
use crate::components::filters::{filter_bar, FilterChange, FiltersProps};
use crate::components::insights::{insights_panel, InsightsProps};
use crate::components::search::{search_box, SearchProps};
use crate::components::site_nav::site_nav;
#[cfg(not(target_arch = "wasm32"))]
use crate::components::tabs::country_tab_links;
use crate::components::tabs::{country_tabs, tab_id, TabsProps, PANEL_ID};
use crate::components::{content_lang, dom_id, masthead, use_kept, Kept};
use crate::links::Links;
use crate::navigate::Navigate;
use crate::text::Text;
use caricc_format::model::{Bundle, Issue};
use caricc_view::i18n::Messages;
use caricc_view::loaded::{Archive, Loaded, SearchState};
use caricc_view::loading::{Need, ARCHIVE_SEARCH_PAGE};
use caricc_view::route::{ReleaseKey, Route, Scope};
use caricc_view::site::{release_nav, Nav};
use caricc_view::view::{
    country_name, format_period, picker_entries, release_key, release_view_in_archive, Notice, ReleaseView,
};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseProps {
    pub loaded: Rc<Loaded>,
    pub route: Route,
    pub arrival: u32,
    pub on_navigate: Callback<Navigate>,
    #[prop_or_default]
    pub on_need: Callback<Need>,
    /// The bundle controls for the masthead.
    #[prop_or_default]
    pub tools: Html,
    /// The interface language.
    pub text: Text,
    /// How links name a view; [`Links::Site`] draws a static page of the published site.
    #[prop_or_default]
    pub links: Links,
    /// Drawn as a page of the published site: statically ([`Links::Site`]) or by the app
    /// taking such a page over, in the same shape. The site's navigation in the masthead,
    /// every event open.
    #[prop_or_default]
    pub site_page: bool,
    /// On a static page, the releases before and after this one (newer, older): the page's
    /// bundle holds this release alone.
    #[prop_or_default]
    pub neighbours: Option<(Option<ReleaseKey>, Option<ReleaseKey>)>,
    /// Called once the page shows its release (not a status while it loads).
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

#[component]
pub fn ReleasePage(props: &ReleaseProps) -> Html {
    let t = props.text.0;
    let view = use_memo((props.loaded.clone(), props.route.clone(), t.code), |(loaded, route, lang)| {
        release_view_in_archive(&loaded.bundle, &loaded.index, route, lang, &|at| loaded.is_pending(at))
    });
    {
        // A chunked archive's releases are fetched when the view needs them.
        let needs = archive_needs(&props.loaded, view.as_ref().as_ref(), &props.route);
        let on_need = props.on_need.clone();
        use_effect_with(needs, move |needs| needs.iter().for_each(|need| on_need.emit(need.clone())));
    }
    {
        // A link to one event opens scrolled to it; opening one in the page leaves the view be.
        let opened = props.route.event.clone();
        use_effect_with(props.arrival, move |_| {
            if let Some(id) = opened {
                browser::scroll_to(&dom_id("event", &id));
            }
        });
    }
    // How many cards of the current list are drawn: a page at a time, so an archive of
    // thousands of events (or a hostile bundle of 100,000) never floods the page.
    let shown = use_kept(|| (ListKey::default(), CARDS_PER_PAGE));
    // Whether the charts and downloads are open: drawn only then, so the events' facts are
    // not added up on every keystroke of a search.
    let insights_open = use_kept(|| false);
    let bundle = &props.loaded.bundle;
    {
        let title = view.as_ref().as_ref().map(|view| page_title(bundle, view, t));
        use_effect_with(title, |title| {
            if let Some(title) = title {
                browser::set_title(title);
            }
        });
    }
    // A link to a release or event not among those listed yet waits for the older releases'
    // manifest rather than saying it is not there.
    let older_on_its_way = props.loaded.archive.as_ref().is_some_and(|archive| archive.older.is_some());
    let listed = |view: &&ReleaseView| {
        !older_on_its_way
            || !view
                .notices
                .iter()
                .any(|notice| matches!(notice, Notice::ReleaseNotFound(_) | Notice::EventNotFound(_)))
    };
    {
        // The release is on screen once its events are: for an archive, once its file is here.
        let shown_release = view.as_ref().as_ref().filter(listed).is_some_and(|view| !view.pending);
        let on_shown = props.on_shown.clone();
        use_effect_with(shown_release, move |shown| {
            if *shown {
                on_shown.emit(());
            }
        });
    }
    let Some(view) = view.as_ref().as_ref().filter(listed) else {
        let status = if view.is_some() { t.loading } else { t.no_releases };
        return html! {
            <>
                { masthead(Html::default(), props.tools.clone(), t) }
                <main id="main">
                    <h1>{ t.site_name }</h1>
                    <p class="status" role="status">{ status }</p>
                </main>
            </>
        };
    };
    let issue = &bundle.issues[view.issue];
    let key = release_key(issue);
    // Every view the reader moves to names its release, so a shared link keeps showing
    // the same release after newer ones are published.
    let pinned = Route { release: Some(key), ..props.route.clone() };
    let go = {
        let on_navigate = props.on_navigate.clone();
        move |route: Route, mode: HistoryMode| on_navigate.emit(Navigate { route, mode })
    };

    let on_release = {
        let go = go.clone();
        let route = props.route.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(release) = ReleaseKey::parse(&value) {
                let next = Route {
                    release: Some(release),
                    query: route.query.clone(),
                    scope: route.scope,
                    lang: route.lang.clone(),
                    ..Route::default()
                };
                go(next, HistoryMode::Push);
            }
        })
    };
    let on_select_country = {
        let go = go.clone();
        let pinned = pinned.clone();
        Callback::from(move |(country, mode): (Option<String>, HistoryMode)| {
            go(Route { country, event: None, ..pinned.clone() }, mode);
        })
    };
    let on_query = {
        let go = go.clone();
        let pinned = pinned.clone();
        Callback::from(move |query: String| go(Route { query, event: None, ..pinned.clone() }, HistoryMode::Replace))
    };
    let on_scope = {
        let go = go.clone();
        let pinned = pinned.clone();
        Callback::from(move |scope: Scope| go(Route { scope, ..pinned.clone() }, HistoryMode::Replace))
    };
    let on_filter = {
        let go = go.clone();
        let pinned = pinned.clone();
        Callback::from(move |(name, value): FilterChange| {
            let value = (!value.is_empty()).then_some(value);
            let mut route = Route { event: None, ..pinned.clone() };
            match name {
                "drug" => route.drug = value,
                "kind" => route.kind = value,
                "from" => route.from = value,
                "to" => route.to = value,
                _ => (route.drug, route.kind, route.from, route.to) = (None, None, None, None),
            }
            go(route, HistoryMode::Push);
        })
    };
    let filters = filter_bar(
        FiltersProps {
            facets: &view.facets,
            across_releases: view.scope == Scope::All,
            found: view.tabs.first().map_or(0, |all| all.count),
            on_change: on_filter,
        },
        t,
    );

    // Nothing found yet in an archive still being searched is not "no events match": the
    // count and the empty message wait for the search to finish.
    let awaiting = awaiting_archive_search(props, view);
    let found_everywhere = view.tabs.first().map_or(0, |all| all.count);
    let search = SearchProps {
        query: AttrValue::from(props.route.query.clone()),
        scope: props.route.scope,
        found: view.results.len(),
        found_everywhere,
        country: view.country.as_deref().map(|code| AttrValue::from(country_name(code, t.code))),
        searching: view.searching() && !(awaiting && found_everywhere == 0),
        on_query,
        on_scope,
    };
    let tabs = TabsProps { tabs: &view.tabs, selected: view.country.as_deref(), on_select: on_select_country };
    let links = props.links;
    let site_page = props.site_page;
    // A static page of the published site, drawn natively at publish time: plain links for
    // the tabs, inert controls until the app takes the page over.
    let live = !links.is_site();
    let header = if site_page {
        masthead(Html::default(), site_nav(&page_nav(props, view, key)), t)
    } else {
        masthead(release_picker(bundle, view, on_release, t), props.tools.clone(), t)
    };
    let open = *insights_open.get();
    let on_insights = {
        let insights_open = insights_open.clone();
        Callback::from(move |_: MouseEvent| insights_open.set(!open))
    };
    // The charts are drawn from the events shown, so only when opened; on a static page the
    // button waits for the app, like the search box.
    let insights = if view.facets.read && !view.pending {
        html! {
            <div class="insights-toggle">
                <button type="button" aria-expanded={open.to_string()} aria-controls="insights" onclick={on_insights}>
                    { t.show_insights }
                </button>
                if open && live {
                    { insights_panel(InsightsProps { loaded: &props.loaded, events: &view.results, route: &pinned, links }, t) }
                }
            </div>
        }
    } else {
        Html::default()
    };
    let controls = html! { <>{ search_box(search, t) }{ filters }{ insights }</> };
    // Said once, wherever facts show (on a static page too: its chips need no script).
    let facts_note = if view.facets.read {
        html! { <p class="facts-note">{ t.facts_note }</p> }
    } else {
        Html::default()
    };
    // On a site page a heading names the events for readers without the app; the controls
    // (useless without a script) are hidden where no script runs, and drawn alike before
    // and after the app takes the page over, so that nothing moves.
    let search = if site_page {
        html! {
            <>
                <h2 id="events-heading">{ t.events }</h2>
                <div class="needs-script">{ controls }</div>
                { facts_note }
            </>
        }
    } else {
        html! { <>{ controls }{ facts_note }</> }
    };
    // The static page's tab links are drawn natively alone, at publish time.
    #[cfg(not(target_arch = "wasm32"))]
    let tabs = if live {
        country_tabs(tabs, t)
    } else {
        let href = |country: Option<&str>| {
            links.href(&Route { country: country.map(str::to_owned), event: None, ..pinned.clone() })
        };
        country_tab_links(&view.tabs, href, t)
    };
    #[cfg(target_arch = "wasm32")]
    let tabs = country_tabs(tabs, t);
    html! {
        <>
            { header }
            <main id="main">
                { notices(&view.notices, t) }
                if let Some(error) = props.loaded.archive.as_ref().and_then(|archive| archive.older_failed.as_ref()) {
                    <p role="alert" class="alert">{ error.describe(t) }</p>
                }
                { release_header(issue, t) }
                { summary(issue, t) }
                { contents(issue, &pinned, links, t) }
                <section class="events-section" aria-label={(!site_page).then_some(t.events)} aria-labelledby={site_page.then_some("events-heading")}>
                    { search }
                    if let Some(archive) = props.loaded.archive.as_ref().filter(|_| view.scope == Scope::All && view.searching()) {
                        { archive_search_status(archive, &props.route.query, view, &props.on_need, t) }
                    }
                    if props.loaded.archive.is_some() && view.scope == Scope::All && !view.searching() && view.facets.any() {
                        // Only a search reads the archive's index: filters alone see what is here.
                        <p class="status archive-status" role="status">
                            { (t.archive_filters_partial)(
                                view.releases.iter().filter(|&&at| !props.loaded.is_pending(at)).count(),
                                view.releases.len(),
                            ) }
                        </p>
                    }
                    if view.pending {
                        { pending_release(&props.loaded, view, t) }
                    } else {
                        { tabs }
                        <div class="events-panel" role={live.then_some("tabpanel")} id={live.then_some(PANEL_ID)} aria-labelledby={live.then(|| tab_id(view.country.as_deref()))} tabindex={live.then_some("0")}>
                            { topic(issue, view, t) }
                            { event_list(props, view, awaiting, &go, &shown, t) }
                        </div>
                    }
                </section>
            </main>
            { publisher_footer(issue, t) }
        </>
    }
}

/// The masthead's links on a page of the published site: the release's languages (to the
/// same view), its neighbours and its year. The static page is given its neighbours by the
/// site generator (its bundle holds the one release); the app finds them in its bundle.
fn page_nav(props: &ReleaseProps, view: &ReleaseView, key: ReleaseKey) -> Nav {
    let (newer, older) = props.neighbours.unwrap_or_else(|| {
        let keys: Vec<ReleaseKey> =
            view.releases.iter().map(|&at| release_key(&props.loaded.bundle.issues[at])).collect();
        let position = keys.iter().position(|&other| other == key);
        let newer = position.and_then(|at| at.checked_sub(1)).and_then(|at| keys.get(at).copied());
        let older = position.and_then(|at| keys.get(at + 1).copied());
        (newer, older)
    });
    let here = Route { release: Some(key), ..props.route.clone() };
    release_nav(key, newer, older, &here, props.text.0.code)
}

fn page_title(bundle: &Bundle, view: &ReleaseView, t: &Messages) -> String {
    let issue = &bundle.issues[view.issue];
    let country = view.country.as_deref().map(|code| country_name(code, t.code)).unwrap_or_default();
    (t.page_title)(issue.number, &format_period(&issue.period.from, &issue.period.to), &country)
}

/// The releases of the year on screen and, for each other year, its newest release labelled
/// with the year (in the reader's language where the bundle has it).
fn release_picker(bundle: &Bundle, view: &ReleaseView, onchange: Callback<Event>, t: &Messages) -> Html {
    html! {
        <div class="release-picker">
            <label for="release-picker">{ t.release_label }</label>
            <select id="release-picker" {onchange}>
                { for picker_entries(bundle, view).into_iter().map(|(index, stands_for_year)| {
                    let issue = &bundle.issues[index];
                    let key = release_key(issue).to_string();
                    let label = if stands_for_year {
                        issue.year.to_string()
                    } else {
                        (t.release_option)(issue.number, &format_period(&issue.period.from, &issue.period.to))
                    };
                    html! { <option key={index} value={key} selected={index == view.issue}>{ label }</option> }
                }) }
            </select>
        </div>
    }
}

fn notices(notices: &[Notice], t: &Messages) -> Html {
    if notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notices">
            { for notices.iter().map(|notice| {
                let text = match notice {
                    Notice::ReleaseNotFound(key) => (t.release_not_found)(&key.to_string()),
                    Notice::EventNotFound(id) => (t.event_not_found)(id),
                    Notice::CountryNotFound(code) => (t.country_not_found)(&country_name(code, t.code)),
                    Notice::LanguageFallback(lang) => {
                        let name = caricc_view::i18n::by_code(lang).map_or(lang.as_str(), |messages| messages.name);
                        (t.content_fallback)(name)
                    }
                };
                html! { <p class="notice" role="status">{ text }</p> }
            }) }
        </div>
    }
}

fn release_header(issue: &Issue, t: &Messages) -> Html {
    html! {
        <section class="release-header" lang={content_lang(issue)} aria-labelledby="release-heading">
            <h1 id="release-heading" lang={t.code}>{ (t.release_heading)(issue.number) }</h1>
            <p class="period">{ format_period(&issue.period.from, &issue.period.to) }</p>
            <p class="release-title">
                { issue.title.clone() }
                if !issue.subtitle.is_empty() {
                    <span class="subtitle">{ format!(" ({})", issue.subtitle) }</span>
                }
            </p>
            if !issue.publisher.name.is_empty() {
                <p class="publisher-name">
                    { issue.publisher.name.clone() }
                    if !issue.place.is_empty() { { format!(", {}", issue.place) } }
                </p>
            }
        </section>
    }
}

fn summary(issue: &Issue, t: &Messages) -> Html {
    let summary = &issue.summary;
    if summary.paragraphs.is_empty() && summary.counts.is_empty() {
        return Html::default();
    }
    html! {
        <section class="summary" lang={content_lang(issue)} aria-labelledby="summary-heading">
            <h2 id="summary-heading" lang={t.code}>{ t.summary }</h2>
            { for summary.paragraphs.iter().map(|paragraph| html! { <p>{ paragraph.clone() }</p> }) }
            if !summary.counts.is_empty() {
                <ul class="stated-counts" aria-label={t.stated_counts} lang={t.code}>
                    { for summary.counts.iter().map(|count| html! {
                        <li>{ format!("{}: {}", country_name(&count.country, t.code), count.count) }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

fn contents(issue: &Issue, pinned: &Route, links: Links, t: &Messages) -> Html {
    if issue.contents.is_empty() {
        return Html::default();
    }
    html! {
        <section class="contents-section" aria-labelledby="contents-heading">
            <h2 id="contents-heading">{ t.contents }</h2>
            <ol class="contents">
                { for issue.contents.iter().map(|entry| {
                    let events = entry.country.as_ref().map(|code| issue.events.iter().filter(|e| &e.country == code).count());
                    let name = entry.country.as_deref().map_or_else(|| entry.title.clone(), |code| country_name(code, t.code));
                    match (&entry.country, events) {
                        (Some(code), Some(count)) if count > 0 => {
                            let route = Route { country: Some(code.clone()), event: None, query: String::new(), ..pinned.clone() };
                            html! { <li><a href={links.href(&route)}>{ name }</a>{ format!(" ({})", (t.event_count)(count)) }</li> }
                        }
                        _ => html! { <li>{ name }</li> },
                    }
                }) }
            </ol>
        </section>
    }
}

/// What the release's summary says the selected country's events were about.
fn topic(issue: &Issue, view: &ReleaseView, t: &Messages) -> Html {
    let Some(country) = &view.country else { return Html::default() };
    if view.searching() {
        return Html::default();
    }
    match issue.summary.topics.iter().find(|topic| &topic.country == country) {
        Some(topic) => {
            html! { <p class="topic">{ (t.topic)(&topic.text) }</p> }
        }
        None => Html::default(),
    }
}

/// Cards drawn at first, and added by each "Show more": several screens of reading, and
/// few enough that a keystroke redraws them quickly (each highlighted card costs about a
/// millisecond to draw on a slow machine).
pub const CARDS_PER_PAGE: usize = 20;

/// What makes a list of results a different list (and so starts it at one page again).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListKey {
    issue: usize,
    country: Option<String>,
    query: String,
    scope: Scope,
    /// The drug, kind and months filtered by.
    filters: [Option<String>; 4],
}

type Shown = Kept<(ListKey, usize)>;

fn event_list(
    props: &ReleaseProps,
    view: &ReleaseView,
    awaiting: bool,
    go: &(impl Fn(Route, HistoryMode) + Clone + 'static),
    shown: &Shown,
    t: &Messages,
) -> Html {
    if view.results.is_empty() {
        if awaiting {
            return Html::default();
        }
        let elsewhere = view.tabs.first().map_or(0, |all| all.count);
        let message = if view.facets.any() && elsewhere == 0 {
            t.empty_filters.to_owned()
        } else if (view.searching() || view.facets.any()) && elsewhere > 0 {
            (t.empty_here_but_elsewhere)(elsewhere)
        } else if view.searching() {
            if view.scope == Scope::All {
                t.empty_search_all.to_owned()
            } else {
                t.empty_search_release.to_owned()
            }
        } else {
            t.empty_release.to_owned()
        };
        return html! { <p class="empty">{ message }</p> };
    }
    let bundle = &props.loaded.bundle;
    let show_release = view.scope == Scope::All;
    let key = ListKey {
        issue: view.issue,
        country: view.country.clone(),
        query: props.route.query.clone(),
        scope: view.scope,
        filters: [view.facets.drug.clone(), view.facets.kind.clone(), view.facets.from.clone(), view.facets.to.clone()],
    };
    // A site page lists its release's events all at once, as its static form does.
    let everything = props.site_page && !view.searching();
    let mut visible = match &*shown.get() {
        _ if everything => view.results.len(),
        (shown, visible) if *shown == key => *visible,
        _ => CARDS_PER_PAGE,
    };
    // A linked event further down the list is drawn too.
    if let Some(position) = view.opened.and_then(|opened| view.results.iter().position(|&at| at == opened)) {
        visible = visible.max((position / CARDS_PER_PAGE + 1) * CARDS_PER_PAGE);
    }
    let visible = visible.min(view.results.len());
    let remaining = view.results.len() - visible;
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set((key.clone(), visible + CARDS_PER_PAGE)))
    };
    let mut seen: Vec<&str> = Vec::new();
    html! {
        <>
        <ol class="events">
            { for view.results[..visible].iter().map(|&at| {
                let issue = &bundle.issues[at.issue];
                let event = &issue.events[at.event];
                let expanded = props.site_page || view.opened == Some(at);
                // On a site page the first event of each country is where the country's
                // link on the static page leads.
                let first_of_country = everything
                    && view.country.is_none()
                    && !seen.contains(&event.country.as_str())
                    && { seen.push(&event.country); true };
                // A link to the event alone, in the interface language the reader chose.
                let permalink = Route {
                    release: Some(release_key(issue)),
                    event: Some(event.id.clone()),
                    lang: props.route.lang.clone(),
                    ..Route::default()
                };
                let on_toggle = {
                    let go = go.clone();
                    let id = event.id.clone();
                    let current = Route { release: Some(release_key(&bundle.issues[view.issue])), ..props.route.clone() };
                    Callback::from(move |()| {
                        let event = if expanded { None } else { Some(id.clone()) };
                        go(Route { event, ..current.clone() }, HistoryMode::Push);
                    })
                };
                html! {
                    <li key={format!("{}-{}", at.issue, at.event)} id={first_of_country.then(|| dom_id("country", &event.country))}>
                        <EventCard
                            loaded={props.loaded.clone()}
                            {at}
                            query={view.query.clone()}
                            {expanded}
                            {show_release}
                            permalink={AttrValue::from(props.links.href(&permalink))}
                            {on_toggle}
                            text={props.text}
                            site_page={props.site_page}
                        />
                    </li>
                }
            }) }
        </ol>
        if remaining > 0 {
            <div class="more-results">
                <p>{ (t.showing)(visible, view.results.len()) }</p>
                <button type="button" class="show-more" onclick={on_more}>
                    { (t.show_more)(remaining.min(CARDS_PER_PAGE)) }
                </button>
            </div>
        }
        </>
    }
}

/// What the page lacks from a chunked archive: the release on screen, and the search
/// across the archive it shows, if any (the loading machine fetches the releases that
/// search reads, and waits for every release to be listed first). Nothing for a
/// single-file bundle.
fn archive_needs(loaded: &Loaded, view: Option<&ReleaseView>, route: &Route) -> Vec<Need> {
    let (Some(archive), Some(view)) = (&loaded.archive, view) else { return Vec::new() };
    let mut needs = Vec::new();
    if view.pending && !archive.is_settled(view.issue) {
        needs.push(Need::Releases(vec![view.issue]));
    }
    needs.push(if view.scope == Scope::All && view.searching() {
        Need::Search { query: route.query.clone(), versions: Rc::new(view.releases.clone()) }
    } else {
        Need::NoSearch
    });
    needs
}

/// True while a search across a chunked archive is still reading what it set out to.
fn awaiting_archive_search(props: &ReleaseProps, view: &ReleaseView) -> bool {
    view.scope == Scope::All && view.searching() && !archive_search_settled(&props.loaded, &props.route.query, view)
}

/// True when a search across the archive has read every release it set out to.
fn archive_search_settled(loaded: &Loaded, query: &str, view: &ReleaseView) -> bool {
    let Some(archive) = &loaded.archive else { return true };
    match archive.search.as_ref().filter(|search| search.is_for(query, &view.releases)).map(|search| &search.state) {
        Some(SearchState::Candidates { releases, wanted }) => {
            releases[..*wanted].iter().all(|&at| archive.is_settled(at))
        }
        Some(SearchState::TooShort | SearchState::Failed(_)) => true,
        Some(SearchState::ReadingIndex) | None => false,
    }
}

/// Where a search across a chunked archive stands, and a way to read further.
fn archive_search_status(
    archive: &Archive,
    query: &str,
    view: &ReleaseView,
    on_need: &Callback<Need>,
    t: &Messages,
) -> Html {
    let status = |text: &str| html! { <p class="status archive-status" role="status">{ text.to_owned() }</p> };
    // Until the search for this query has started, it is about to read the index.
    let state =
        archive.search.as_ref().filter(|search| search.is_for(query, &view.releases)).map(|search| &search.state);
    match state.unwrap_or(&SearchState::ReadingIndex) {
        SearchState::ReadingIndex => status(t.archive_reading_index),
        SearchState::TooShort => status(t.archive_too_short),
        SearchState::Failed(error) => html! { <p class="alert archive-status" role="alert">{ error.describe(t) }</p> },
        SearchState::Candidates { releases, wanted } => {
            let reading = releases[..*wanted].iter().filter(|&&at| !archive.is_settled(at)).count();
            let failed: Vec<Html> = releases[..*wanted]
                .iter()
                .filter_map(|&at| archive.failure(at))
                .map(|error| html! { <p class="alert" role="alert">{ error.describe(t) }</p> })
                .collect();
            let remaining = releases.len() - wanted;
            let on_more = {
                let on_need = on_need.clone();
                Callback::from(move |_: MouseEvent| on_need.emit(Need::SearchMore))
            };
            html! {
                <div class="archive-status">
                    <p class="status" role="status">
                        if reading > 0 {
                            { (t.archive_searching)(reading) }
                        } else if remaining > 0 {
                            { (t.archive_partial)(*wanted, releases.len()) }
                        }
                    </p>
                    { for failed }
                    if reading == 0 && remaining > 0 {
                        <button type="button" class="show-more" onclick={on_more}>
                            { (t.archive_search_more)(remaining.min(ARCHIVE_SEARCH_PAGE)) }
                        </button>
                    }
                </div>
            }
        }
    }
}

/// The release on screen while its file is on its way, or why it could not be fetched.
fn pending_release(loaded: &Loaded, view: &ReleaseView, t: &Messages) -> Html {
    let failed = loaded.archive.as_ref().and_then(|archive| archive.failure(view.issue));
    match failed {
        Some(error) => html! {
            <div role="alert" class="alert">
                <p>{ error.describe(t) }</p>
                <p>{ t.load_failed_hint }</p>
            </div>
        },
        None => html! {
            <p role="status" class="status">{ (t.loading_release)(loaded.bundle.issues[view.issue].number) }</p>
        },
    }
}

fn publisher_footer(issue: &Issue, t: &Messages) -> Html {
    let publisher = &issue.publisher;
    if publisher.name.is_empty() && publisher.address.is_empty() {
        return Html::default();
    }
    let website = if publisher.website.is_empty() {
        Html::default()
    } else {
        let href = if publisher.website.contains("://") {
            publisher.website.clone()
        } else {
            format!("https://{}", publisher.website)
        };
        if caricc_format::text::is_web_url(&href) {
            html! { <li><a href={href} rel="noopener noreferrer">{ publisher.website.clone() }</a></li> }
        } else {
            html! { <li>{ publisher.website.clone() }</li> }
        }
    };
    html! {
        <footer class="publisher" lang={content_lang(issue)} aria-labelledby="publisher-heading">
            <h2 id="publisher-heading" lang={t.code}>{ t.editorial_address }</h2>
            <p class="publisher-name">{ publisher.name.clone() }</p>
            <ul class="contacts">
                if !publisher.address.is_empty() { <li>{ publisher.address.clone() }</li> }
                if !publisher.phone.is_empty() { <li>{ (t.phone)(&publisher.phone) }</li> }
                if !publisher.fax.is_empty() { <li>{ (t.fax)(&publisher.fax) }</li> }
                if is_email(&publisher.email) {
                    <li><a href={format!("mailto:{}", publisher.email)}>{ publisher.email.clone() }</a></li>
                } else if !publisher.email.is_empty() {
                    <li>{ publisher.email.clone() }</li>
                }
                { website }
            </ul>
            { for publisher.imprint.iter().map(|line| html! { <p class="imprint">{ line.clone() }</p> }) }
        </footer>
    }
}

/// Only a plain address becomes a `mailto:` link; anything odd stays text.
fn is_email(text: &str) -> bool {
    let Some((user, host)) = text.split_once('@') else { return false };
    !user.is_empty() && host.contains('.') && text.chars().all(|c| c.is_alphanumeric() || "@.-_+".contains(c))
}
