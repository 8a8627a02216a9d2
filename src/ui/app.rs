//! The root component: owns the load state and the route, and keeps the route in step
//! with the address bar. Everything below it renders from these two values.

use crate::core::route::Route;
use crate::ui::browser::{self, HistoryMode};
use crate::ui::components::Page;
use crate::ui::load::{bundle_url, fetch_bundle, Load, Loaded};
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
    let route = use_state(browser::current_route);
    // Counts arrivals from outside the page (first load, Back/Forward, a pasted or followed
    // link), after which the opened event is scrolled into view; in-page moves do not.
    let arrival = use_state(|| 0u32);
    {
        let load = load.clone();
        // Runs once after the first render, so the loading state is on screen while fetching.
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let url = bundle_url();
                load.set(match fetch_bundle(&url).await {
                    Ok(bundle) => Load::Ready(Rc::new(Loaded::new(bundle))),
                    Err(error) => Load::Failed(error.to_string().into()),
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
    let on_navigate = {
        let route = route.clone();
        Callback::from(move |navigate: Navigate| {
            browser::record(&navigate.route, navigate.mode);
            route.set(navigate.route);
        })
    };
    html! { <Page load={(*load).clone()} route={(*route).clone()} arrival={*arrival} {on_navigate} /> }
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
