//! The interface language switcher. The choice goes into the URL (so links carry it) and
//! into the browser's storage (so the next visit remembers it).

use crate::core::i18n::LANGUAGES;
use crate::core::route::Route;
use crate::ui::app::Navigate;
use crate::ui::browser::HistoryMode;
use crate::ui::text::use_text;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageProps {
    pub route: Route,
    pub on_navigate: Callback<Navigate>,
}

#[component]
pub fn LanguagePicker(props: &LanguageProps) -> Html {
    let t = use_text();
    let onchange = {
        let route = props.route.clone();
        let on_navigate = props.on_navigate.clone();
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
