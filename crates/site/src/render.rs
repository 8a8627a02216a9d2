//! A release page's body, drawn by the viewer's own `ReleasePage` with Yew's server-side
//! rendering, in its static form ([`Links::Site`]).

use caricc_format::model::Bundle;
use caricc_view::i18n;
use caricc_view::route::Route;
use caricc_viewer::{Links, Loaded, Origin, ReleasePage, Text};
use std::rc::Rc;
use yew::prelude::*;

/// A link of the page's navigation: its text and `href` (relative to the site's root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
    /// Set on the link to the page itself (`aria-current`).
    pub current: bool,
    /// The language of the link's text, when it is not the page's.
    pub lang: Option<&'static str>,
}

/// The navigation the site adds to a release page, in the masthead where the app has its
/// release picker and language switch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nav {
    pub languages_label: String,
    pub languages: Vec<Link>,
    pub archive_label: String,
    pub archive: Vec<Link>,
}

#[derive(Properties, PartialEq)]
struct PageProps {
    loaded: Rc<Loaded>,
    route: Route,
    text: Text,
    nav: Nav,
}

#[component]
fn StaticPage(props: &PageProps) -> Html {
    let tools = html! {
        <>
            { link_list(&props.nav.languages_label, "site-languages", &props.nav.languages) }
            { link_list(&props.nav.archive_label, "site-archive", &props.nav.archive) }
        </>
    };
    html! {
        <div class="app">
            <ReleasePage
                loaded={props.loaded.clone()}
                route={props.route.clone()}
                arrival={0}
                on_navigate={Callback::noop()}
                {tools}
                text={props.text}
                links={Links::Site}
            />
        </div>
    }
}

fn link_list(label: &str, class: &'static str, links: &[Link]) -> Html {
    if links.is_empty() {
        return Html::default();
    }
    html! {
        <nav class={classes!("site-nav", class)} aria-label={label.to_owned()}>
            <ul>
                { for links.iter().map(|link| html! {
                    <li>
                        <a href={link.href.clone()} lang={link.lang} aria-current={link.current.then_some("page")}>
                            { link.text.clone() }
                        </a>
                    </li>
                }) }
            </ul>
        </nav>
    }
}

/// The body of the page for `route` (its release and interface language set) over the
/// bundle `release` (the release's language versions).
pub fn release_body(release: Bundle, route: Route, lang: &'static str, nav: Nav) -> String {
    let renderer = yew::ServerRenderer::<StaticPage>::with_props(move || {
        let loaded = Loaded::new(release, Origin::Embedded);
        let text = Text(i18n::by_code(lang).unwrap_or(&i18n::EN));
        PageProps { loaded: Rc::new(loaded), route, text, nav }
    });
    futures_executor::block_on(renderer.hydratable(false).render())
}
