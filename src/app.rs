//! The root component: owns the loading machine and the route, keeps the route in step
//! with the address bar, and runs the fetches the machine asks for. Everything below it
//! renders from what is loaded and the route.

use crate::browser::{self, HistoryMode};
use crate::components::{page, PageProps};
use crate::load::{fetch_bundle, fetch_text, initial_bundle, read_file};
use crate::navigate::Navigate;
use crate::text::Text;
use caricc_view::i18n::{self, Messages};
use caricc_view::loaded::{Load, LoadError};
use caricc_view::loading::{Effect, Event, Loader, Need};
use caricc_view::route::Route;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The loading machine, and a way to redraw the page when what it shows changes.
#[derive(Clone)]
struct Machine {
    loader: Rc<RefCell<Loader>>,
    redraw: UseForceUpdateHandle,
}

impl Machine {
    /// Takes in an event, and starts the fetches the machine asks for once the redraw it
    /// calls for is queued: the page is drawn before they compete with it.
    fn send(&self, event: Event) {
        let (effects, changed) = {
            let mut loader = self.loader.borrow_mut();
            // Held, so that the state it points to cannot be freed and its address reused.
            let before = loader.load().clone();
            let effects = loader.update(event);
            (effects, !loader.load().is(&before))
        };
        if changed {
            self.redraw.force_update();
        }
        for effect in effects {
            self.run(effect);
        }
    }

    /// Does what the machine asked for, and tells it the outcome.
    fn run(&self, effect: Effect) {
        let machine = self.clone();
        match effect {
            Effect::Fetch { id, files, urls } => {
                fetch_all(urls, Box::new(move |texts| machine.send(Event::Fetched { id, files, texts })))
            }
            Effect::BuildIndex { id } => browser::after_paint(move || {
                if let Load::Ready(loaded) = machine.loader.borrow().load() {
                    if loaded.id == id {
                        loaded.index.build(&loaded.bundle);
                    }
                }
            }),
        }
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

/// What the page shows besides what is loaded. Kept in one cell and redrawn with the
/// machine's handle: each `use_state` of another type would be another copy of Yew's state
/// code in the WebAssembly.
struct Screen {
    route: Route,
    /// Counts arrivals from outside the page (first load, Back/Forward, a pasted or followed
    /// link), after which the opened event is scrolled into view; in-page moves do not.
    arrival: u32,
    /// Why the last file the reader opened could not be shown; the bundle on screen stays.
    file_error: Option<Rc<LoadError>>,
    /// A file is being dragged over the page.
    dragging: bool,
}

/// The page's [`Screen`], to read and to change.
#[derive(Clone)]
struct Shown {
    screen: Rc<RefCell<Screen>>,
    redraw: UseForceUpdateHandle,
}

impl Shown {
    /// Changes what is shown and redraws the page, as setting a `use_state` does.
    fn set(&self, change: impl FnOnce(&mut Screen)) {
        change(&mut self.screen.borrow_mut());
        self.redraw.force_update();
    }
}

#[component]
pub fn App() -> Html {
    let redraw = use_force_update();
    let machine = Machine { loader: use_mut_ref(Loader::default), redraw: redraw.clone() };
    // On a page of the published site the app draws nothing until it can take the whole
    // page over: the page reads in full meanwhile, and stays as it is if the app fails.
    let site_page = browser::is_site_page();
    let screen = use_mut_ref(|| {
        let (route, rewrite) = browser::current_route_and_rewrite();
        if rewrite {
            // An old viewer link on a site page: the address bar shows the view's address.
            browser::record(&route, HistoryMode::Replace);
        }
        Screen { route, arrival: 0, file_error: None, dragging: false }
    });
    let shown = Shown { screen, redraw };
    {
        let (machine, shown) = (machine.clone(), shown.clone());
        // Runs once after the first render, so the loading state is on screen while fetching.
        // (One effect for both jobs: each effect is its own copy of Yew's effect code.)
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let opened = match browser::site_bundle().ok_or_else(initial_bundle) {
                    // A site page names the releases' file in the site.
                    Ok(url) | Err(Err(url)) => fetch_bundle(&url).await,
                    Err(Ok(embedded)) => embedded,
                };
                machine.send(Event::Opened(opened));
            });
            // Back/Forward and plain `#…` links change the address bar without us: follow it.
            let listeners = follow_address_bar(move || {
                shown.set(|screen| {
                    screen.route = browser::current_route();
                    screen.arrival = screen.arrival.wrapping_add(1);
                });
            });
            move || drop(listeners)
        });
    }
    let screen = shown.screen.borrow();
    let text = interface_language(&screen.route);
    {
        let code = text.code;
        use_effect_with(code, |code| browser::set_document_language(code));
    }
    let on_navigate = {
        let shown = shown.clone();
        Callback::from(move |navigate: Navigate| {
            // A site page's language is its address's, not a choice to remember.
            if let Some(code) = navigate.route.lang.as_deref().filter(|_| !site_page) {
                browser::store_language(code);
            }
            browser::record(&navigate.route, navigate.mode);
            shown.set(|screen| screen.route = navigate.route);
        })
    };
    let on_open_file = {
        let machine = machine.clone();
        let shown = shown.clone();
        Callback::from(move |file: web_sys::File| {
            let machine = machine.clone();
            let shown = shown.clone();
            yew::platform::spawn_local(async move {
                match read_file(file).await {
                    Ok(loaded) => {
                        shown.set(|screen| screen.file_error = None);
                        machine.send(Event::Opened(Ok(loaded)));
                    }
                    Err(error) => shown.set(|screen| screen.file_error = Some(Rc::new(error))),
                }
            });
        })
    };
    let on_need = {
        let machine = machine.clone();
        Callback::from(move |need: Need| machine.send(Event::Needed(need)))
    };
    // Once the release is drawn, on a site page: the app takes the page's place.
    let on_shown = {
        let taken = use_mut_ref(|| false);
        let (shown, on_navigate) = (shown.clone(), on_navigate.clone());
        Callback::from(move |()| {
            if !site_page || std::mem::replace(&mut *taken.borrow_mut(), true) {
                return;
            }
            // Words typed into the page's search box before the app ran are searched for.
            if let Some(query) = browser::take_over() {
                let route = Route { query, ..shown.screen.borrow().route.clone() };
                on_navigate.emit(Navigate { route, mode: HistoryMode::Replace });
            }
        })
    };
    let ondragover = {
        let shown = shown.clone();
        Callback::from(move |event: DragEvent| {
            // Without this the browser would open the dropped file itself, leaving the viewer.
            event.prevent_default();
            shown.set(|screen| screen.dragging = true);
        })
    };
    let ondragleave = {
        let shown = shown.clone();
        Callback::from(move |_: DragEvent| shown.set(|screen| screen.dragging = false))
    };
    let ondrop = {
        let shown = shown.clone();
        let on_open_file = on_open_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            shown.set(|screen| screen.dragging = false);
            if let Some(file) = event.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0)) {
                on_open_file.emit(file);
            }
        })
    };
    let load = machine.loader.borrow().load().clone();
    if site_page && !matches!(load, Load::Ready(_)) {
        return Html::default();
    }
    // On a site page, a link to another view of the site (a country in the contents, a
    // language, the next release, an event) is shown in place, as an arrival: no page load.
    // Files are not dropped there: the page shows the site's releases.
    let onclick = site_page.then(|| {
        let shown = shown.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(next) = browser::site_link_route(&event) {
                event.prevent_default();
                browser::record(&next, HistoryMode::Push);
                let moved = {
                    let screen = shown.screen.borrow();
                    next.release != screen.route.release || next.lang != screen.route.lang
                };
                if moved {
                    browser::scroll_to_top();
                }
                shown.set(|screen| {
                    screen.route = next;
                    screen.arrival = screen.arrival.wrapping_add(1);
                });
            }
        })
    });
    let droppable = !site_page;
    html! {
        <div
            class="app"
            data-dragging={screen.dragging.then_some("")}
            {onclick}
            ondragover={droppable.then_some(ondragover)}
            ondragleave={droppable.then_some(ondragleave)}
            ondrop={droppable.then_some(ondrop)}
        >
            { page(&PageProps {
                load,
                route: screen.route.clone(),
                arrival: screen.arrival,
                file_error: screen.file_error.clone(),
                on_navigate,
                on_open_file,
                on_need,
                text: Text(text),
                site_page,
                on_shown,
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
