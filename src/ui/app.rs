//! The root component: owns the load state and the route, and keeps the route in step
//! with the address bar. Everything below it renders from these two values.

use crate::core::i18n::{self, Messages};
use crate::core::route::Route;
use crate::ui::browser::{self, HistoryMode};
use crate::ui::components::Page;
use crate::ui::load::{initial_bundle, read_file, Load, LoadError};
use crate::ui::text::Text;
use std::rc::Rc;
use yew::prelude::*;

/// A request to show another view.
#[derive(Debug, Clone, PartialEq)]
pub struct Navigate {
    pub route: Route,
    pub mode: HistoryMode,
}

#[component]
pub fn App() -> Html {
    let load = use_state(|| Load::Loading);
    // Why the last file the reader opened could not be shown; the bundle on screen stays.
    let file_error = use_state(|| None::<Rc<LoadError>>);
    let route = use_state(browser::current_route);
    // Counts arrivals from outside the page (first load, Back/Forward, a pasted or followed
    // link), after which the opened event is scrolled into view; in-page moves do not.
    let arrival = use_state(|| 0u32);
    {
        let load = load.clone();
        // Runs once after the first render, so the loading state is on screen while fetching.
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                load.set(match initial_bundle().await {
                    Ok(loaded) => Load::Ready(Rc::new(loaded)),
                    Err(error) => Load::Failed(Rc::new(error)),
                });
            });
        });
    }
    {
        // Back/Forward and plain `#…` links change the address bar without us: follow it.
        let route = route.clone();
        let arrival = arrival.clone();
        use_effect_with((), move |_| {
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
                        load.set(Load::Ready(Rc::new(loaded)));
                    }
                    Err(error) => file_error.set(Some(Rc::new(error))),
                }
            });
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
        <div class={if *dragging { "app dragging" } else { "app" }} {ondragover} {ondragleave} {ondrop}>
            <Page
                load={(*load).clone()}
                route={(*route).clone()}
                arrival={*arrival}
                file_error={(*file_error).clone()}
                {on_navigate}
                {on_open_file}
                text={Text(text)}
            />
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
