//! The search box: words to find, and whether to look in every release.

use crate::core::route::Scope;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub query: AttrValue,
    pub scope: Scope,
    /// Events shown for the search (meaningful only while `query` has words)…
    pub found: usize,
    /// …and in all countries, with the selected one's name when a tab narrows the results.
    pub found_everywhere: usize,
    pub country: Option<AttrValue>,
    pub searching: bool,
    pub on_query: Callback<String>,
    pub on_scope: Callback<Scope>,
}

#[component]
pub fn SearchBox(props: &SearchProps) -> Html {
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |event: InputEvent| {
            on_query.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onchange = {
        let on_scope = props.on_scope.clone();
        Callback::from(move |event: Event| {
            let everywhere = event.target_unchecked_into::<HtmlInputElement>().checked();
            on_scope.emit(if everywhere { Scope::All } else { Scope::Release });
        })
    };
    let status = if props.searching {
        let mut status = result_count(props.found_everywhere, &props.query, props.scope);
        if let Some(country) = &props.country {
            match props.found {
                0 => status.push_str(&format!(" None in {country}.")),
                n => status.push_str(&format!(" {n} in {country}.")),
            }
        }
        status
    } else {
        String::new()
    };
    html! {
        <div class="search" role="search">
            <label for="search">{ "Search events" }</label>
            <input id="search" type="search" value={props.query.clone()} {oninput} autocomplete="off" spellcheck="false" />
            <label class="search-all">
                <input type="checkbox" id="search-all" checked={props.scope == Scope::All} {onchange} />
                { " Search all releases" }
            </label>
            // Always present, so screen readers announce the count as it changes.
            <p role="status" class="result-count">{ status }</p>
        </div>
    }
}

/// "4 events match “police”", "No events match “zzz”."
pub fn result_count(found: usize, query: &str, scope: Scope) -> String {
    let query = query.trim();
    let place = if scope == Scope::All { " in all releases" } else { "" };
    match found {
        0 => format!("No events match “{query}”{place}."),
        1 => format!("1 event matches “{query}”{place}."),
        n => format!("{n} events match “{query}”{place}."),
    }
}
