//! A release page's body, drawn by the viewer's own `ReleasePage` with Yew's server-side
//! rendering, in its static form ([`Links::Site`]).

use caricc_format::model::Bundle;
use caricc_view::i18n;
use caricc_view::route::{ReleaseKey, Route};
use caricc_viewer::{Links, Loaded, Origin, ReleasePage, Text};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct PageProps {
    loaded: Rc<Loaded>,
    route: Route,
    text: Text,
    neighbours: (Option<ReleaseKey>, Option<ReleaseKey>),
}

#[component]
fn StaticPage(props: &PageProps) -> Html {
    html! {
        <div class="app" data-prerendered="">
            <ReleasePage
                loaded={props.loaded.clone()}
                route={props.route.clone()}
                arrival={0}
                on_navigate={Callback::noop()}
                text={props.text}
                links={Links::Site}
                site_page=true
                neighbours={Some(props.neighbours)}
            />
        </div>
    }
}

/// The body of the page for `route` (its release and interface language set) over the
/// bundle `release` (the release's language versions), between the releases `neighbours`
/// (newer, older).
pub fn release_body(
    release: Bundle,
    route: Route,
    lang: &'static str,
    neighbours: (Option<ReleaseKey>, Option<ReleaseKey>),
) -> String {
    let renderer = yew::ServerRenderer::<StaticPage>::with_props(move || {
        let loaded = Loaded::new(release, Origin::Embedded);
        let text = Text(i18n::by_code(lang).unwrap_or(&i18n::EN));
        PageProps { loaded: Rc::new(loaded), route, text, neighbours }
    });
    futures_executor::block_on(renderer.hydratable(false).render())
}
