//! The interface language switcher. The choice goes into the URL (so links carry it) and
//! into the browser's storage (so the next visit remembers it).

use crate::browser::HistoryMode;
use crate::navigate::Navigate;
use caricc_view::i18n::{Messages, LANGUAGES};
use caricc_view::route::Route;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The switcher. A function rather than a component of its own (which would be a copy of
/// Yew's component machinery in the WebAssembly): it has no state.
pub fn language_picker(route: &Route, on_navigate: &Callback<Navigate>, t: &Messages) -> Html {
    let onchange = {
        let route = route.clone();
        let on_navigate = on_navigate.clone();
        Callback::from(move |event: Event| {
            let code = event.target_unchecked_into::<HtmlSelectElement>().value();
            let route = Route { lang: Some(code), ..route.clone() };
            on_navigate.emit(Navigate { route, mode: HistoryMode::Replace });
        })
    };
    html! {
        <div class="language-picker">
            <label for="language">{ t.language_label }</label>
            <select id="language" {onchange}>
                { for LANGUAGES.iter().map(|messages| html! {
                    <option key={messages.code} value={messages.code} lang={messages.code} selected={messages.code == t.code}>
                        { messages.name }
                    </option>
                }) }
            </select>
        </div>
    }
}
