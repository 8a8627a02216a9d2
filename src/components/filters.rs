//! The filters by the facts read in the text: a drug, a kind of event and, across all
//! releases, a range of months; each choice with how many events it shows. Plain labelled
//! selects and month fields, so keyboards and screen readers use them as they use any form.

use caricc_view::facts::drug_name;
use caricc_view::i18n::Messages;
use caricc_view::view::Facets;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A change of one filter: which (`drug`, `kind`, `from`, `to`, or `clear` for all), and its
/// value (empty: any).
pub type FilterChange = (&'static str, String);

pub struct FiltersProps<'a> {
    pub facets: &'a Facets,
    /// Whether the events come from all releases (the date range applies then only).
    pub across_releases: bool,
    /// Events the filters show, all countries.
    pub found: usize,
    pub on_change: Callback<FilterChange>,
}

/// The filter bar; nothing when no event in scope has facts to filter by.
pub fn filter_bar(props: FiltersProps, t: &Messages) -> Html {
    let facets = props.facets;
    if !facets.read && !facets.any() {
        return Html::default();
    }
    let select = |name: &'static str| {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            on_change.emit((name, event.target_unchecked_into::<HtmlSelectElement>().value()));
        })
    };
    let month = |name: &'static str| {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            on_change.emit((name, event.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };
    let on_clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(("clear", String::new())))
    };
    let drug_name = |id: &str| drug_name(id, t.code);
    let (first, last) = facets.months.clone().unwrap_or_default();
    html! {
        <div class="filters" role="group" aria-labelledby="filters-heading">
            <p id="filters-heading" class="filters-heading">{ t.filters }</p>
            <div class="filter">
                <label for="filter-drug">{ t.filter_drug }</label>
                <select id="filter-drug" onchange={select("drug")}>
                    <option value="" selected={facets.drug.is_none()}>{ t.any_drug }</option>
                    { for facets.drugs.iter().map(|choice| html! {
                        <option value={choice.id.clone()} selected={facets.drug.as_ref() == Some(&choice.id)}>
                            { format!("{} ({})", drug_name(&choice.id), choice.count) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="filter">
                <label for="filter-kind">{ t.filter_kind }</label>
                <select id="filter-kind" onchange={select("kind")}>
                    <option value="" selected={facets.kind.is_none()}>{ t.any_kind }</option>
                    { for facets.kinds.iter().map(|choice| html! {
                        <option value={choice.id.clone()} selected={facets.kind.as_ref() == Some(&choice.id)}>
                            { format!("{} ({})", (t.kind_name)(&choice.id), choice.count) }
                        </option>
                    }) }
                </select>
            </div>
            if props.across_releases {
                <div class="filter">
                    <label for="filter-from">{ t.filter_from }</label>
                    <input id="filter-from" type="month" min={first.clone()} max={last.clone()} value={facets.from.clone().unwrap_or_default()} onchange={month("from")} />
                </div>
                <div class="filter">
                    <label for="filter-to">{ t.filter_to }</label>
                    <input id="filter-to" type="month" min={first} max={last} value={facets.to.clone().unwrap_or_default()} onchange={month("to")} />
                </div>
            }
            if facets.any() {
                <button type="button" class="clear-filters" onclick={on_clear}>{ t.clear_filters }</button>
            }
            // Always present, so screen readers announce the count as it changes.
            <p role="status" class="filter-count">{ if facets.any() { (t.filtered_count)(props.found) } else { String::new() } }</p>
        </div>
    }
}
