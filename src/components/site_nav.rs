//! The published site's navigation in a release page's masthead: its languages, the newer
//! and older release and the year's index, as plain links (see [`caricc_view::site`]).

use caricc_view::site::{Link, Nav};
use yew::prelude::*;

pub fn site_nav(nav: &Nav) -> Html {
    // Literal classes: a class from a variable would bring in Yew's class set.
    html! {
        <>
            <nav class="site-nav site-languages" aria-label={nav.languages_label}>{ link_list(&nav.languages) }</nav>
            <nav class="site-nav site-archive" aria-label={nav.archive_label}>{ link_list(&nav.archive) }</nav>
        </>
    }
}

fn link_list(links: &[Link]) -> Html {
    html! {
        <ul>
            { for links.iter().map(|link| html! {
                <li>
                    <a href={link.href.clone()} lang={link.lang} aria-current={link.current.then_some("page")}>
                        { link.text.clone() }
                    </a>
                </li>
            }) }
        </ul>
    }
}
