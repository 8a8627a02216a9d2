//! The search box: words to find, and whether to look in every release.

use caricc_view::i18n::Messages;
use caricc_view::route::Scope;
use web_sys::HtmlInputElement;
use yew::prelude::*;

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

/// The search box. A function rather than a component of its own (which would be a copy of
/// Yew's component machinery in the WebAssembly): it has no state.
pub fn search_box(props: SearchProps, t: &Messages) -> Html {
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
        let mut status = (t.result_count)(props.found_everywhere, props.query.trim(), props.scope == Scope::All);
        if let Some(country) = &props.country {
            status.push_str(&(t.in_country)(props.found, country));
        }
        status
    } else {
        String::new()
    };
    html! {
        <div class="search" role="search">
            <label for="search">{ t.search_label }</label>
            <input id="search" type="search" value={props.query.clone()} {oninput} autocomplete="off" spellcheck="false" />
            <label class="search-all">
                <input type="checkbox" id="search-all" checked={props.scope == Scope::All} {onchange} />
                { format!(" {}", t.search_all) }
            </label>
            // Always present, so screen readers announce the count as it changes.
            <p role="status" class="result-count">{ status }</p>
        </div>
    }
}
