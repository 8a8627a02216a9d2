//! Country tabs, following the WAI-ARIA tabs pattern with automatic activation: arrow
//! keys, Home and End move focus and select; Tab moves on into the panel.

use crate::browser::{self, HistoryMode};
use crate::components::dom_id;
use caricc_view::i18n::Messages;
use caricc_view::view::{country_name, Tab};
use yew::prelude::*;

pub const PANEL_ID: &str = "events-panel";

/// Country tabs get a prefix of their own so no code from a bundle (even "all") can
/// give two tabs one id.
pub fn tab_id(country: Option<&str>) -> String {
    match country {
        Some(code) => dom_id("tab-country", code),
        None => "tab-all".to_owned(),
    }
}

pub struct TabsProps<'a> {
    pub tabs: &'a [Tab],
    pub selected: Option<&'a str>,
    /// The chosen tab, and how to record it: a click is a new view in the history; arrow
    /// keys replace it, so that Back does not step through every tab passed on the way.
    pub on_select: Callback<(Option<String>, HistoryMode)>,
}

/// The tab list. A function rather than a component of its own (which would be a copy of
/// Yew's component machinery in the WebAssembly): it has no state.
pub fn country_tabs(props: TabsProps, t: &Messages) -> Html {
    let count = props.tabs.len();
    html! {
        <div role="tablist" aria-label={t.countries} class="tabs">
            { for props.tabs.iter().enumerate().map(|(index, tab)| {
                let selected = tab.country.as_deref() == props.selected;
                let onclick = {
                    let on_select = props.on_select.clone();
                    let country = tab.country.clone();
                    Callback::from(move |_: MouseEvent| on_select.emit((country.clone(), HistoryMode::Push)))
                };
                let onkeydown = {
                    let on_select = props.on_select.clone();
                    let countries: Vec<Option<String>> = props.tabs.iter().map(|t| t.country.clone()).collect();
                    Callback::from(move |event: KeyboardEvent| {
                        let target = match event.key().as_str() {
                            "ArrowRight" => (index + 1) % count,
                            "ArrowLeft" => (index + count - 1) % count,
                            "Home" => 0,
                            "End" => count - 1,
                            _ => return,
                        };
                        event.prevent_default();
                        on_select.emit((countries[target].clone(), HistoryMode::Replace));
                        browser::focus(&tab_id(countries[target].as_deref()));
                    })
                };
                html! {
                    <button
                        key={tab_id(tab.country.as_deref())}
                        type="button"
                        role="tab"
                        id={tab_id(tab.country.as_deref())}
                        aria-selected={selected.to_string()}
                        aria-controls={PANEL_ID}
                        tabindex={if selected { "0" } else { "-1" }}
                        class="tab"
                        {onclick}
                        {onkeydown}
                    >
                        { tab_label(tab, t) }
                    </button>
                }
            }) }
        </div>
    }
}

/// A tab's country, its number of events, and the word for them for screen readers.
fn tab_label(tab: &Tab, t: &Messages) -> Html {
    let name = tab.country.as_deref().map_or_else(|| t.all_countries.to_owned(), |code| country_name(code, t.code));
    html! {
        <>
            <span class="tab-name">{ name }</span>
            { " " }
            <span class="tab-count">{ tab.count }</span>
            <span class="visually-hidden">{ format!(" {}", (t.event_word)(tab.count)) }</span>
        </>
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The tabs of a static page of the published site, which shows every country: links to
/// each country's first event, in the tabs' place and shape, so that the app's tabs take
/// their place without moving anything.
pub fn country_tab_links(tabs: &[Tab], href: impl Fn(Option<&str>) -> String, t: &Messages) -> Html {
    html! {
        <nav class="tabs" aria-label={t.countries}>
            { for tabs.iter().map(|tab| html! {
                <a class="tab" href={href(tab.country.as_deref())} aria-current={tab.country.is_none().then_some("page")}>
                    { tab_label(tab, t) }
                </a>
            }) }
        </nav>
    }
}
