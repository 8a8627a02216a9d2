//! Text with search hits marked.

use caricc_search::search::{highlight, Query};
use yew::prelude::*;

/// `text` as text nodes, with the query's matches wrapped in `<mark>`.
pub fn highlighted(text: &str, query: &Query) -> Html {
    if query.is_empty() {
        return html! { { text.to_owned() } };
    }
    highlight(text, query)
        .into_iter()
        .map(|fragment| {
            if fragment.marked {
                html! { <mark>{ fragment.text.to_owned() }</mark> }
            } else {
                html! { { fragment.text.to_owned() } }
            }
        })
        .collect::<Html>()
}
