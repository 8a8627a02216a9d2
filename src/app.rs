//! The root component: owns the load state and the route, and keeps the route in step
//! with the address bar. Everything below it renders from these two values.

use crate::browser::{self, HistoryMode};
use crate::components::{page, PageProps};
use crate::load::{
    fetch_bundle, fetch_text, initial_bundle, read_file, release_from_text, shard_from_text, ArchiveSearch, Load,
    LoadError, Loaded, SearchState,
};
use crate::text::Text;
use caricc_format::archive::{self, Postings};
use caricc_format::bundle::DecodeError;
use caricc_search::index::{shard_of, IndexQuery};
use caricc_search::search::Query;
use caricc_view::i18n::{self, Messages};
use caricc_view::route::Route;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Releases a search across a chunked archive fetches at a time.
pub const ARCHIVE_SEARCH_PAGE: usize = 50;

/// What the page on screen lacks from a chunked archive.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// Releases to fetch (positions in the manifest).
    Releases(Vec<usize>),
    /// Find the releases that may hold this query (the route's `q`), among these (one
    /// language version of each release).
    Search { query: String, versions: Rc<Vec<usize>> },
    /// Search the next page of candidate releases.
    SearchMore,
}

/// A change to what is loaded; applied to the state current when it arrives, so answers
/// that come back in any order all land.
pub enum Change {
    Replace(Load),
    /// Releases of the loaded archive `id` arrived (or failed), or the manifest of its older
    /// releases did.
    Arrived {
        id: u32,
        releases: Vec<(usize, Result<caricc_format::model::Issue, Rc<LoadError>>)>,
        older: Option<Result<Box<Loaded>, Rc<LoadError>>>,
    },
    /// A search across archive `id` started (`start`) or moved on.
    Search {
        id: u32,
        search: ArchiveSearch,
        start: bool,
    },
    SearchMore {
        id: u32,
    },
}

impl Reducible for Load {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let Load::Ready(loaded) = &*self else {
            return match change {
                Change::Replace(load) => Rc::new(load),
                _ => self,
            };
        };
        let next: Loaded = match change {
            Change::Replace(load) => return Rc::new(load),
            Change::Arrived { id, releases, older } if id == loaded.id => loaded.with_arrivals(releases, older),
            Change::Search { id, search, start } if id == loaded.id => {
                let mut next = (**loaded).clone();
                if let Some(archive) = next.archive.as_mut() {
                    let current = archive.search.as_ref();
                    if start || current.is_some_and(|current| current.is_for(&search.query, &search.versions)) {
                        archive.search = Some(search);
                    }
                }
                next
            }
            Change::SearchMore { id } if id == loaded.id => {
                let mut next = (**loaded).clone();
                if let Some(ArchiveSearch { state: SearchState::Candidates { releases, wanted }, .. }) =
                    next.archive.as_mut().and_then(|archive| archive.search.as_mut())
                {
                    *wanted = (*wanted + ARCHIVE_SEARCH_PAGE).min(releases.len());
                }
                next
            }
            // An answer for an archive no longer on screen.
            _ => return self,
        };
        Rc::new(Load::Ready(Rc::new(next)))
    }
}

/// What is on its way from a chunked archive, so that nothing is asked for twice.
#[derive(Default)]
struct InFlight {
    /// (archive id, release position)
    releases: Vec<(u32, usize)>,
    /// Decoded index shards, by (archive id, shard): a few per query, read once.
    shards: Vec<(u32, u32, Rc<Postings>)>,
    /// Set once a batch of releases has arrived (or failed): the older releases' manifest
    /// waits for it, so that the first card does not share the network and the main thread
    /// with it. `waiting` is woken then.
    release_arrived: bool,
    waiting: Option<std::task::Waker>,
}

impl InFlight {
    fn shard(&self, id: u32, shard: u32) -> Option<&Postings> {
        self.shards.iter().find(|(of, number, _)| *of == id && *number == shard).map(|(_, _, postings)| &**postings)
    }
}

/// What [`fetch_all`] hands the texts to: boxed, so that its callers share one copy of it.
type Fetched = Box<dyn FnOnce(Vec<Result<String, LoadError>>)>;

/// Fetches the texts at `urls` at once and hands them, in order, to `done` when the last
/// one is here (so the page redraws once for a batch of files, not once per file).
fn fetch_all(urls: Vec<String>, done: Fetched) {
    if urls.is_empty() {
        return done(Vec::new());
    }
    type Texts = Vec<Option<Result<String, LoadError>>>;
    let results: Rc<RefCell<Texts>> = Rc::new(RefCell::new((0..urls.len()).map(|_| None).collect()));
    let done = Rc::new(RefCell::new(Some(done)));
    for (index, url) in urls.into_iter().enumerate() {
        let (results, done) = (results.clone(), done.clone());
        yew::platform::spawn_local(async move {
            let text = fetch_text(&url).await.map(|(text, _saved)| text);
            let finished = {
                let mut results = results.borrow_mut();
                results[index] = Some(text);
                results.iter().all(Option::is_some)
            };
            if finished {
                if let Some(done) = done.borrow_mut().take() {
                    done(results.borrow_mut().drain(..).flatten().collect());
                }
            }
        });
    }
}

/// The change that shows a bundle, or why it cannot be shown.
fn ready(loaded: Result<Loaded, LoadError>) -> Change {
    Change::Replace(match loaded {
        Ok(loaded) => Load::Ready(Rc::new(loaded)),
        Err(error) => Load::Failed(Rc::new(error)),
    })
}

/// A request to show another view.
#[derive(Debug, Clone, PartialEq)]
pub struct Navigate {
    pub route: Route,
    pub mode: HistoryMode,
}

#[component]
pub fn App() -> Html {
    let load = use_reducer(|| Load::Loading);
    let in_flight = use_mut_ref(InFlight::default);
    // Why the last file the reader opened could not be shown; the bundle on screen stays.
    let file_error = use_state(|| None::<Rc<LoadError>>);
    let route = use_state(browser::current_route);
    // Counts arrivals from outside the page (first load, Back/Forward, a pasted or followed
    // link), after which the opened event is scrolled into view; in-page moves do not.
    let arrival = use_state(|| 0u32);
    {
        let (load, route, arrival, in_flight) = (load.clone(), route.clone(), arrival.clone(), in_flight.clone());
        // Runs once after the first render, so the loading state is on screen while fetching.
        // (One effect for both jobs: each effect is its own copy of Yew's effect code.)
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let mut next = match initial_bundle() {
                    Ok(embedded) => {
                        load.dispatch(ready(embedded));
                        None
                    }
                    Err(url) => Some(url),
                };
                // A chunked archive's manifest may name another with its older releases: the
                // first card waits only for the first, and the rest arrive after it.
                let mut id = None;
                while let Some(url) = next.take() {
                    if id.is_some() {
                        // The older releases' manifest once the first release is here.
                        std::future::poll_fn(|context| {
                            let mut flights = in_flight.borrow_mut();
                            if flights.release_arrived {
                                return std::task::Poll::Ready(());
                            }
                            flights.waiting = Some(context.waker().clone());
                            std::task::Poll::Pending
                        })
                        .await;
                    }
                    let fetched = match fetch_bundle(&url).await {
                        // The older releases' manifest names a bundle instead.
                        Ok(loaded) if id.is_some() && loaded.archive.is_none() => {
                            let source =
                                DecodeError::Shape { path: "$".into(), message: archive::MANIFEST_SHAPE.into() };
                            Err(LoadError::Decode { url, source })
                        }
                        fetched => fetched,
                    };
                    next = fetched.as_ref().ok().and_then(|loaded| loaded.archive.as_ref()?.older.clone());
                    match id {
                        None => {
                            id = fetched.as_ref().map(|loaded| loaded.id).ok();
                            load.dispatch(ready(fetched));
                        }
                        Some(id) => load.dispatch(Change::Arrived {
                            id,
                            releases: Vec::new(),
                            older: Some(fetched.map(Box::new).map_err(Rc::new)),
                        }),
                    }
                }
            });
            // Back/Forward and plain `#…` links change the address bar without us: follow it.
            let listeners = follow_address_bar(move || {
                route.set(browser::current_route());
                arrival.set(arrival.wrapping_add(1));
            });
            move || drop(listeners)
        });
    }
    let text = interface_language(&route);
    {
        let code = text.code;
        use_effect_with(code, |code| browser::set_document_language(code));
    }
    let on_navigate = {
        let route = route.clone();
        Callback::from(move |navigate: Navigate| {
            if let Some(code) = &navigate.route.lang {
                browser::store_language(code);
            }
            browser::record(&navigate.route, navigate.mode);
            route.set(navigate.route);
        })
    };
    let on_open_file = {
        let load = load.clone();
        let file_error = file_error.clone();
        Callback::from(move |file: web_sys::File| {
            let load = load.clone();
            let file_error = file_error.clone();
            yew::platform::spawn_local(async move {
                match read_file(file).await {
                    Ok(loaded) => {
                        file_error.set(None);
                        load.dispatch(Change::Replace(Load::Ready(Rc::new(loaded))));
                    }
                    Err(error) => file_error.set(Some(Rc::new(error))),
                }
            });
        })
    };
    let on_need = {
        let load = load.clone();
        Callback::from(move |need: Need| {
            if let Load::Ready(loaded) = &*load {
                fetch_needed(loaded.clone(), need, load.dispatcher(), in_flight.clone());
            }
        })
    };
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Without this the browser would open the dropped file itself, leaving the viewer.
            event.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_open_file = on_open_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = event.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0)) {
                on_open_file.emit(file);
            }
        })
    };
    html! {
        <div class="app" data-dragging={dragging.then_some("")} {ondragover} {ondragleave} {ondrop}>
            { page(&PageProps {
                load: (*load).clone(),
                route: (*route).clone(),
                arrival: *arrival,
                file_error: (*file_error).clone(),
                on_navigate,
                on_open_file,
                on_need,
                text: Text(text),
            }) }
        </div>
    }
}

/// The interface language: the link's (`lang=`), else the reader's last choice, else the
/// browser's preference.
fn interface_language(route: &Route) -> &'static Messages {
    route
        .lang
        .as_deref()
        .and_then(i18n::by_code)
        .or_else(|| browser::stored_language().as_deref().and_then(i18n::by_code))
        .unwrap_or_else(|| i18n::for_browser(&browser::preferred_languages()))
}

#[cfg(target_arch = "wasm32")]
fn follow_address_bar(on_change: impl Fn() + Clone + 'static) -> Vec<gloo::events::EventListener> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let on_change = on_change.clone();
            gloo::events::EventListener::new(&window, event, move |_| on_change())
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn follow_address_bar(_: impl Fn() + Clone + 'static) -> Vec<()> {
    Vec::new()
}

/// Fetches what the page lacks from a chunked archive, and reports it as [`Change`]s.
fn fetch_needed(
    loaded: Rc<Loaded>,
    need: Need,
    dispatch: UseReducerDispatcher<Load>,
    in_flight: Rc<RefCell<InFlight>>,
) {
    let Some(archive) = loaded.archive.clone() else { return };
    let id = loaded.id;
    match need {
        Need::Releases(wanted) => {
            let wanted: Vec<usize> = {
                let mut flights = in_flight.borrow_mut();
                let mut fresh = Vec::new();
                for at in wanted {
                    if at < archive.fetched.len() && !flights.releases.contains(&(id, at)) {
                        flights.releases.push((id, at));
                        fresh.push(at);
                    }
                }
                fresh
            };
            if wanted.is_empty() {
                return;
            }
            let manifest = archive.manifest.clone();
            let urls: Vec<String> =
                wanted.iter().map(|&at| archive::resolve(&archive.url, &manifest.releases[at].file)).collect();
            fetch_all(
                urls.clone(),
                Box::new(move |texts| {
                    let releases = (wanted.iter().zip(&urls).zip(texts))
                        .map(|((&at, url), text)| {
                            let issue = text.and_then(|text| release_from_text(url, &text, &manifest.releases[at]));
                            (at, issue.map_err(Rc::new))
                        })
                        .collect();
                    dispatch.dispatch(Change::Arrived { id, releases, older: None });
                    // Woken after the redraw the arrival asked for, which runs first.
                    let mut flights = in_flight.borrow_mut();
                    flights.releases.retain(|(of, at)| !(*of == id && wanted.contains(at)));
                    flights.release_arrived = true;
                    if let Some(waiting) = flights.waiting.take() {
                        waiting.wake();
                    }
                }),
            );
        }
        Need::SearchMore => dispatch.dispatch(Change::SearchMore { id }),
        Need::Search { query, versions } => {
            let index_query = IndexQuery::new(&Query::parse(&query));
            let searched = versions.clone();
            let search = move |state| ArchiveSearch { query: query.clone(), versions: versions.clone(), state };
            dispatch.dispatch(Change::Search { id, search: search(SearchState::ReadingIndex), start: true });
            if !index_query.narrows() {
                dispatch.dispatch(Change::Search { id, search: search(SearchState::TooShort), start: false });
                return;
            }
            let manifest = archive.manifest.clone();
            let missing: Vec<u32> = {
                let flights = in_flight.borrow();
                let needed = index_query.shards(manifest.search.shards);
                needed.into_iter().filter(|&shard| flights.shard(id, shard).is_none()).collect()
            };
            let urls: Vec<String> = missing
                .iter()
                .map(|&shard| archive::resolve(&archive.url, &archive::shard_file(&manifest.search.files, shard)))
                .collect();
            fetch_all(
                urls.clone(),
                Box::new(move |texts| {
                    let mut failure = None;
                    for ((&shard, url), text) in missing.iter().zip(&urls).zip(texts) {
                        match text.and_then(|text| shard_from_text(url, &text, &manifest, shard)) {
                            Ok(postings) => in_flight.borrow_mut().shards.push((id, shard, Rc::new(postings))),
                            Err(error) => failure = Some(Rc::new(error)),
                        }
                    }
                    let state = match failure {
                        Some(error) => SearchState::Failed(error),
                        None => {
                            let flights = in_flight.borrow();
                            let count = manifest.search.shards;
                            let postings =
                                |gram: &str| flights.shard(id, shard_of(gram, count)).and_then(|p| p.get(gram));
                            // In increasing order.
                            let candidates =
                                index_query.candidates(manifest.releases.len(), postings).unwrap_or_default();
                            // In the view's order (newest first), one language version of each.
                            let releases: Vec<usize> =
                                searched.iter().copied().filter(|at| candidates.binary_search(at).is_ok()).collect();
                            let wanted = releases.len().min(ARCHIVE_SEARCH_PAGE);
                            SearchState::Candidates { releases: Rc::new(releases), wanted }
                        }
                    };
                    dispatch.dispatch(Change::Search { id, search: search(state), start: false });
                }),
            );
        }
    }
}
