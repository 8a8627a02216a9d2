//! One event: title, byline, text (first paragraph, the rest on request), sources and
//! the reader's actions (copy a citation, link to the event).

use crate::browser;
use crate::components::text::highlighted;
use crate::components::{content_lang, dom_id, use_kept};
use crate::text::Text;
use caricc_format::model::{Event, Facts, Place, QuantityFact, Source};
use caricc_format::text::{display_host, is_web_url, url_parts};
use caricc_search::search::{EventRef, Query};
use caricc_view::facts::{drug_name, fact_sentence, fact_text};
use caricc_view::i18n::Messages;
use caricc_view::loaded::Loaded;
use caricc_view::view::{citation, format_period};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub loaded: Rc<Loaded>,
    pub at: EventRef,
    pub query: Query,
    pub expanded: bool,
    /// Shown when results come from several releases.
    pub show_release: bool,
    /// `href` of the link to this event alone.
    pub permalink: AttrValue,
    /// Asks to open (or, when open, close) this event.
    pub on_toggle: Callback<()>,
    /// The interface language.
    pub text: Text,
    /// On a page of the published site every card is open, as the page prints them: no
    /// button folds one.
    #[prop_or_default]
    pub site_page: bool,
}

/// What became of the last "Copy citation".
#[derive(Debug, Clone, PartialEq)]
enum Copied {
    Yes,
    /// The clipboard was unavailable: the citation is shown for copying by hand.
    ByHand(String),
}

#[component]
pub fn EventCard(props: &CardProps) -> Html {
    let t = props.text.0;
    let copied = use_kept(|| None::<Copied>);
    let issue = &props.loaded.bundle.issues[props.at.issue];
    let event = &issue.events[props.at.event];
    let title_id = dom_id("title", &event.id);
    let more_id = dom_id("more", &event.id);
    let query = &props.query;

    let on_copy = {
        let copied = copied.clone();
        let (loaded, at) = (props.loaded.clone(), props.at);
        // Built on the click, not on every render: cards re-render on each search keystroke.
        Callback::from(move |_: MouseEvent| {
            let issue = &loaded.bundle.issues[at.issue];
            let text = citation(issue, &issue.events[at.event], t);
            let copied = copied.clone();
            yew::platform::spawn_local(async move {
                let done = browser::copy_text(&text).await;
                copied.set(Some(if done { Copied::Yes } else { Copied::ByHand(text) }));
            });
        })
    };
    let on_toggle = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_: MouseEvent| on_toggle.emit(()))
    };

    let (first, rest) = event.paragraphs.split_first().map_or((None, &[][..]), |(first, rest)| (Some(first), rest));
    // Whether the card, folded, shows a marked hit; if not, the first paragraph that has one
    // is shown as an excerpt.
    let shown_has_hit = query.marks_in(&event.title)
        || event.outlet.as_deref().is_some_and(|outlet| query.marks_in(outlet))
        || first.is_some_and(|first| query.marks_in(first));
    let folded_hit = if query.is_empty() || props.expanded || shown_has_hit {
        None
    } else {
        rest.iter().find(|paragraph| query.marks_in(paragraph))
    };
    html! {
        <article class="event" data-opened={props.expanded.then_some("")} id={dom_id("event", &event.id)} aria-labelledby={title_id.clone()} lang={content_lang(issue)}>
            if props.show_release {
                <p class="event-release" lang={t.code}>{ (t.event_release)(issue.number, &format_period(&issue.period.from, &issue.period.to)) }</p>
            }
            <h3 id={title_id}>{ highlighted(&event.title, query) }</h3>
            if let Some(outlet) = &event.outlet {
                <p class="outlet">{ highlighted(outlet, query) }</p>
            }
            <div class="event-text">
                if let Some(first) = first {
                    <p>{ highlighted(first, query) }</p>
                }
                if let Some(hit) = folded_hit {
                    // A search may match only folded text: show where, so the reader sees why.
                    <p class="excerpt">{ "… " }{ highlighted(hit, query) }</p>
                }
                if !rest.is_empty() {
                    // Always in the page (hidden when folded) so that printing shows it.
                    <div class="more" id={more_id.clone()} hidden={!props.expanded}>
                        { for rest.iter().map(|paragraph| html! { <p>{ highlighted(paragraph, query) }</p> }) }
                    </div>
                }
            </div>
            if let Some(facts) = event.facts.as_ref().filter(|facts| !facts.drugs.is_empty() || !facts.quantities.is_empty()) {
                { fact_chips(event, facts, content_lang(issue), t) }
            }
            if !event.sources.is_empty() {
                <ul class="sources" aria-label={t.sources} lang={t.code}>
                    { for event.sources.iter().map(|source| html! { <li>{ source_item(source, t) }</li> }) }
                </ul>
            }
            <div class="event-actions" lang={t.code}>
                if !rest.is_empty() && !props.site_page {
                    <button type="button" class="expand" aria-expanded={props.expanded.to_string()} aria-controls={more_id} onclick={on_toggle}>
                        { if props.expanded { t.show_less } else { t.show_full_text } }
                    </button>
                }
                // On a static page it waits for the app (and is hidden where no script runs).
                <button type="button" class="copy-citation" onclick={on_copy}>{ t.copy_citation }</button>
                <a class="permalink" href={props.permalink.clone()}>{ t.permalink }</a>
            </div>
            { copy_status(copied.get().as_ref(), t) }
        </article>
    }
}

/// The drugs and amounts the importer read in the event, each a chip that opens on the
/// sentence it was read in (the words it was read from marked): every amount, then each drug
/// no amount names.
fn fact_chips(event: &Event, facts: &Facts, lang: Option<String>, t: &Messages) -> Html {
    let amounts = facts.quantities.iter().map(|quantity| (amount_label(quantity, t), quantity.at));
    let drugs = facts
        .drugs
        .iter()
        .filter(|drug| !facts.quantities.iter().any(|quantity| quantity.drug.as_ref() == Some(&drug.drug)))
        .map(|drug| (drug_name(&drug.drug, t.code), drug.at));
    html! {
        <ul class="facts" aria-label={t.facts_label} lang={t.code}>
            { for amounts.chain(drugs).map(|(label, at)| html! {
                <li>
                    <details class="fact">
                        <summary>{ label }</summary>
                        { fact_source(event, at, lang.clone()) }
                    </details>
                </li>
            }) }
        </ul>
    }
}

/// An amount as a chip names it: `≈ 10 t · precursors`, `2–3 kg`, `5.065 or 5,065 kg`.
fn amount_label(quantity: &QuantityFact, t: &Messages) -> String {
    let number = t.number;
    let (mut text, value) = match (quantity.amount, quantity.readings.as_slice()) {
        (Some(amount), _) => (number(amount), amount),
        (None, [one, other, ..]) => ((t.either)(&number(*one), &number(*other)), *other),
        (None, _) => (String::from("?"), 0.0),
    };
    if let Some(to) = quantity.to {
        text = format!("{text}–{}", number(to));
    }
    let about = if quantity.approximate { "≈ " } else { "" };
    let drug = quantity.drug.as_deref().map(|drug| format!(" · {}", drug_name(drug, t.code))).unwrap_or_default();
    format!("{about}{text} {}{drug}", (t.unit_name)(&quantity.unit, quantity.to.unwrap_or(value)))
}

/// The sentence a fact was read in, in the event's language (`lang`), the words it was read
/// from marked; nothing for a place outside the text (a damaged bundle).
fn fact_source(event: &Event, at: Place, lang: Option<String>) -> Html {
    let (Some(sentence), Some(words)) = (fact_sentence(event, at), fact_text(event, at)) else {
        return Html::default();
    };
    let marked = match sentence.split_once(words.as_str()) {
        // Not <mark>: that is a search's hit.
        Some((before, after)) => {
            html! { <>{ before.to_owned() }<strong>{ words.clone() }</strong>{ after.to_owned() }</> }
        }
        None => html! { { sentence.clone() } },
    };
    html! { <q class="fact-source" {lang}>{ marked }</q> }
}

fn copy_status(copied: Option<&Copied>, t: &Messages) -> Html {
    match copied {
        None => Html::default(),
        Some(Copied::Yes) => html! { <p role="status" class="copy-status">{ t.citation_copied }</p> },
        Some(Copied::ByHand(text)) => html! {
            <p role="status" class="copy-status">{ t.copy_unavailable }<q>{ text.clone() }</q></p>
        },
    }
}

/// A source as a reader can use it. A link the importer found broken is shown as printed,
/// as text (a link would lead nowhere), followed by the link it corrected it to, if any,
/// saying so in words.
fn source_item(source: &Source, t: &Messages) -> Html {
    if !source.broken {
        return source_link(&source.url);
    }
    let printed = html! { <span class="source-text">{ source.url.clone() }</span> };
    let Some(corrected) = &source.corrected else { return printed };
    // Decoding let through only an http(s) URL (`WebUrl`): it may be linked as it is.
    let url = corrected.as_str();
    html! {
        <>
            { printed }{ " " }
            <a class="source corrected" href={url.to_owned()} target="_blank" rel="noopener noreferrer" title={url.to_owned()}>
                { (t.corrected_link)(&shown_host(url)) }
            </a>
        </>
    }
}

/// A link showing the readable host for http(s) URLs; anything else as plain text, so a
/// `javascript:` or `data:` URL in a bundle can never become a live link.
pub fn source_link(url: &str) -> Html {
    if !is_web_url(url) {
        return html! { <span class="source-text">{ url.to_owned() }</span> };
    }
    html! {
        <a class="source" href={url.to_owned()} target="_blank" rel="noopener noreferrer" title={url.to_owned()}>{ shown_host(url) }</a>
    }
}

/// A URL's host as a reader writes it: `мвд.рф`, `nmdk.gov.az` for `www.nmdk.gov.az`.
fn shown_host(url: &str) -> String {
    let host = display_host(url_parts(url).host);
    host.strip_prefix("www.").unwrap_or(&host).to_owned()
}
