//! What the reader sees. Components render the core's view model; bundle text goes into
//! text nodes only, never into markup.

mod card;
mod open;
mod release;
mod search;
mod tabs;
mod text;

use crate::core::route::Route;
use crate::ui::app::Navigate;
use crate::ui::load::{Load, Origin};
use open::OpenBundle;
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
    /// Why the last bundle file the reader opened could not be shown.
    #[prop_or_default]
    pub file_error: Option<AttrValue>,
    #[prop_or_default]
    pub on_open_file: Callback<web_sys::File>,
}

#[component]
pub fn Page(props: &PageProps) -> Html {
    match &props.load {
        Load::Loading => frame(
            props,
            html! {
                <>
                    <h1>{ "CARICC Information Releases" }</h1>
                    <p role="status" class="status">{ "Loading releases…" }</p>
                </>
            },
        ),
        Load::Failed(message) => frame(
            props,
            html! {
                <div role="alert" class="alert">
                    <h1>{ "The releases could not be loaded" }</h1>
                    <p>{ message.clone() }</p>
                    <p>{ "If you have a bundle file, open it with “Open bundle…” above or drop it on this page." }</p>
                </div>
            },
        ),
        Load::Ready(loaded) => {
            let tools = html! {
                <OpenBundle origin={Some(loaded.origin.clone())} file_error={props.file_error.clone()} on_open_file={props.on_open_file.clone()} />
            };
            html! {
                <ReleasePage loaded={loaded.clone()} route={props.route.clone()} arrival={props.arrival} on_navigate={props.on_navigate.clone()} {tools} />
            }
        }
    }
}

/// The page around a message, before there is a release to show.
fn frame(props: &PageProps, content: Html) -> Html {
    let tools = html! { <OpenBundle origin={None::<Origin>} file_error={props.file_error.clone()} on_open_file={props.on_open_file.clone()} /> };
    html! {
        <>
            { masthead(Html::default(), tools) }
            <main id="main">{ content }</main>
        </>
    }
}

/// The site's name bar: the release picker once a bundle is loaded, and the bundle controls.
pub(crate) fn masthead(picker: Html, tools: Html) -> Html {
    html! {
        <header class="masthead">
            <p class="site-name">{ "CARICC Information Releases" }</p>
            { picker }
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
