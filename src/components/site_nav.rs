//! The published site's navigation in a release page's masthead: its languages, the newer
//! and older release and the year's index, as plain links (see [`caricc_view::site`]).

use caricc_view::site::{Link, Nav};
use yew::prelude::*;

pub fn site_nav(nav: &Nav) -> Html {
    html! {
        <>
            { link_list(nav.languages_label, "site-languages", &nav.languages) }
            { link_list(nav.archive_label, "site-archive", &nav.archive) }
        </>
    }
}

fn link_list(label: &'static str, class: &'static str, links: &[Link]) -> Html {
    if links.is_empty() {
        return Html::default();
    }
    html! {
        <nav class={classes!("site-nav", class)} aria-label={label}>
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
