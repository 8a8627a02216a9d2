//! What the reader sees. Components render the core's view model; bundle text goes into
//! text nodes only, never into markup.

mod card;
mod release;
mod search;
mod tabs;
mod text;

use crate::core::route::Route;
use crate::ui::app::Navigate;
use crate::ui::load::Load;
use release::ReleasePage;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub load: Load,
    #[prop_or_default]
    pub route: Route,
    /// Changes when the route arrived from outside the page (see `App`).
    #[prop_or_default]
    pub arrival: u32,
    #[prop_or_default]
    pub on_navigate: Callback<Navigate>,
}

#[component]
pub fn Page(props: &PageProps) -> Html {
    match &props.load {
        Load::Loading => frame(html! { <p role="status" class="status">{ "Loading releases…" }</p> }),
        Load::Failed(message) => frame(html! {
            <div role="alert" class="alert">
                <h2>{ "The releases could not be loaded" }</h2>
                <p>{ message.clone() }</p>
            </div>
        }),
        Load::Ready(loaded) => html! {
            <ReleasePage loaded={loaded.clone()} route={props.route.clone()} arrival={props.arrival} on_navigate={props.on_navigate.clone()} />
        },
    }
}

/// The page around a message, before there is a release to show.
fn frame(content: Html) -> Html {
    html! {
        <>
            { masthead(Html::default()) }
            <main id="main">{ content }</main>
        </>
    }
}

/// The site's name bar; `tools` holds the release picker once a bundle is loaded.
pub(crate) fn masthead(tools: Html) -> Html {
    html! {
        <header class="masthead">
            <p class="site-name">{ "CARICC Information Releases" }</p>
            { tools }
        </header>
    }
}

/// An HTML id derived from bundle text: letters, digits, `-` and `_` only.
pub(crate) fn dom_id(prefix: &str, id: &str) -> String {
    let safe: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    format!("{prefix}-{safe}")
}
