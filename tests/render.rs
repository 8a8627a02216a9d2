//! The viewer's components rendered to HTML natively (Yew's server-side rendering), for
//! the embedded bundle and hand-made hostile ones: fast checks of the markup a reader's
//! browser and screen reader get.

use caricc_format::bundle::parse_bundle;
use caricc_format::bundle::DecodeError;
use caricc_view::route::Route;
use caricc_viewer::{page, Load, LoadError, Loaded, Origin, PageProps, Text};
use std::rc::Rc;

const EMBEDDED: &str = include_str!("../static/bundle.json");

/// The page as the app draws it (`App` calls [`page`] with its state).
#[yew::component]
fn Page(props: &PageProps) -> yew::Html {
    page(props)
}

/// Renders the page; the state is built on Yew's SSR thread, since a `Load` holds an `Rc`.
fn render(make: impl FnOnce() -> Load + Send + 'static, fragment: &str) -> String {
    let route = Route::from_fragment(fragment);
    let renderer = yew::ServerRenderer::<Page>::with_props(move || PageProps {
        load: make(),
        route,
        arrival: 0,
        on_navigate: Default::default(),
        file_error: None,
        on_open_file: Default::default(),
        on_need: Default::default(),
        text: Default::default(),
        site_page: false,
        on_shown: Default::default(),
    });
    futures_executor::block_on(renderer.hydratable(false).render())
}

fn ready(text: &'static str) -> impl FnOnce() -> Load + Send + 'static {
    move || {
        let origin = Origin::Fetched { url: "bundle.json".into(), saved: None };
        Load::Ready(Rc::new(Loaded::new(parse_bundle(text).unwrap(), origin)))
    }
}

fn embedded(fragment: &str) -> String {
    render(ready(EMBEDDED), fragment)
}

/// The page in an interface language, as the app renders it.
#[derive(yew::Properties, PartialEq)]
struct InLanguage {
    load: Load,
    route: Route,
    lang: &'static str,
}

#[yew::component]
fn PageInLanguage(props: &InLanguage) -> yew::Html {
    let text = Text(caricc_view::i18n::by_code(props.lang).unwrap());
    yew::html! { <Page load={props.load.clone()} route={props.route.clone()} {text} /> }
}

fn render_in(lang: &'static str, make: impl FnOnce() -> Load + Send + 'static, fragment: &str) -> String {
    let route = Route::from_fragment(fragment);
    let renderer = yew::ServerRenderer::<PageInLanguage>::with_props(move || InLanguage { load: make(), route, lang });
    futures_executor::block_on(renderer.hydratable(false).render())
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn loading_and_failure_are_announced() {
    assert!(render(|| Load::Loading, "").contains(r#"<p role="status" class="status">Loading releases…</p>"#));
    let error = || LoadError::Decode {
        url: "bundle.json".into(),
        source: DecodeError::UnsupportedFormat { found: "2".into() },
    };
    let html = render(move || Load::Failed(Rc::new(error())), "");
    assert!(html.contains(r#"role="alert""#) && html.contains("$.format"), "{html}");
}

#[test]
fn the_release_header_summary_contents_and_footer() {
    let html = embedded("");
    assert!(html.contains(r#"<h1 id="release-heading" lang="en">Information Release #15</h1>"#), "{html}");
    assert!(html.contains(r#"<p class="period">1–15.08.2025</p>"#));
    assert!(html.contains("<li>Kazakhstan: 4</li>"), "stated counts");
    assert!(html.contains(r#"<h2 id="contents-heading">Contents</h2>"#));
    assert!(html.contains(">Kyrgyzstan</a> (1 event)"), "the contents' typo is shown as the country's name");
    assert!(html.contains(r#"<a href="mailto:registry@caricc.org">registry@caricc.org</a>"#));
    assert!(html.contains("Tel.: +7 727 259 99 90"));
    assert!(html.contains(r#"<option value="2025-15" selected="selected">#15 · 1–15.08.2025</option>"#), "{html}");
}

#[test]
fn tabs_follow_the_aria_pattern() {
    let html = embedded("#country=kz");
    assert_eq!(count(&html, r#"role="tab""#), 5);
    assert_eq!(count(&html, r#"aria-selected="true""#), 1);
    assert!(
        html.contains(
            r#"role="tab" id="tab-country-kz" aria-selected="true" aria-controls="events-panel" tabindex="0""#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<span class="tab-name">Kazakhstan</span> <span class="tab-count">4</span><span class="visually-hidden"> events</span>"#), "{html}");
    assert!(html.contains(r#"<span class="tab-name">Azerbaijan</span> <span class="tab-count">1</span><span class="visually-hidden"> event</span>"#));
    assert!(html.contains(r#"role="tabpanel" id="events-panel" aria-labelledby="tab-country-kz""#));
    assert_eq!(count(&html, "<article"), 4, "the Kazakhstan tab shows its 4 events");
    assert!(html.contains("In this release: preventive measures carried out by police officers."));
}

#[test]
fn cards_show_title_byline_first_paragraph_and_sources() {
    let html = embedded("#country=kg");
    assert!(
        html.contains(
            r#"<article id="event-2025-15-kg-1" aria-labelledby="title-2025-15-kg-1" lang="en" class="event">"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<p class="outlet">TOPNEWS.KG</p>"#));
    assert!(html.contains(r#"<div id="more-2025-15-kg-1" hidden="hidden" class="more">"#), "the rest is folded");
    assert!(html.contains(r#"<button type="button" aria-expanded="false" aria-controls="more-2025-15-kg-1" class="expand">Show full text</button>"#), "{html}");
    assert!(html.contains(r#"target="_blank" rel="noopener noreferrer""#));
    assert!(
        html.contains(
            r##"<a href="#release=2025-15&amp;event=2025-15-kg-1" class="permalink">Link to this event</a>"##
        ),
        "{html}"
    );
}

#[test]
fn punycode_hosts_are_shown_readable() {
    let html = embedded("#country=ru");
    assert!(html.contains(r#"href="https://xn--b1aew.xn--p1ai/news/item/68147789" target="_blank" rel="noopener noreferrer" title="https://xn--b1aew.xn--p1ai/news/item/68147789" class="source">мвд.рф</a>"#), "{html}");
    let all = embedded("");
    assert!(all.contains(r#"class="source">nmdk.gov.az</a>"#), "www. is dropped from the shown host");
}

#[test]
fn a_broken_source_is_printed_text_beside_its_corrected_link() {
    let html = embedded("#country=ru");
    // The printed link, whose host cannot resolve, is text: never an href.
    assert!(html.contains(r#"<li><span class="source-text">https://xn--blaww.xn--plai/news/item/68206917</span> <a href="https://xn--b1aew.xn--p1ai/news/item/68206917" target="_blank" rel="noopener noreferrer" title="https://xn--b1aew.xn--p1ai/news/item/68206917" class="source corrected">corrected link: мвд.рф</a></li>"#), "{html}");
    assert!(!html.contains("href=\"https://xn--blaww"), "{html}");
    assert!(!html.contains("href=\"https://xn--b1aew.xn--plai"), "{html}");
    assert_eq!(count(&html, "corrected link: мвд.рф</a>"), 3, "the sample's three mistyped links");
    let russian = render_in("ru", ready(EMBEDDED), "#country=ru");
    assert!(russian.contains(r#"class="source corrected">исправленная ссылка: мвд.рф</a>"#), "{russian}");
}

/// A release whose sources are marked broken, one with a correction holding markup.
const BROKEN_SOURCES: &str = r#"{"format":1,"issues":[{"number":1,"year":2025,"period":{"from":"2025-01-01","to":"2025-01-15"},"title":"t",
  "events":[{"id":"e","country":"ru","title":"T","paragraphs":["p"],"sources":[
    {"url":"https://xn--blaww.xn--plai/1","broken":true,"corrected":"https://www.xn--b1aew.xn--p1ai/1?q=\"><script>alert(1)</script>"},
    {"url":"https://polisia.kz/a","broken":true},
    {"url":"https://polisia.kz/b","corrected":"https://tass.ru/c"}]}]}]}"#;

#[test]
fn only_a_broken_sources_correction_is_linked_and_its_markup_stays_in_the_attribute() {
    let html = render(ready(BROKEN_SOURCES), "");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains(r#"<span class="source-text">https://xn--blaww.xn--plai/1</span> <a href="https://www.xn--b1aew.xn--p1ai/1?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#), "{html}");
    assert!(html.contains(r#"class="source corrected">corrected link: мвд.рф</a>"#), "{html}");
    // Marked broken with nothing to offer: text only.
    assert!(html.contains(r#"<li><span class="source-text">https://polisia.kz/a</span></li>"#), "{html}");
    // A correction of a link not marked broken is not shown (the checker warns of it).
    assert!(html.contains(r#"href="https://polisia.kz/b""#), "{html}");
    assert!(!html.contains("tass.ru"), "{html}");
}

#[test]
fn an_opened_event_is_expanded() {
    let html = embedded("#event=2025-15-kz-3");
    assert!(html.contains(r#"<div id="more-2025-15-kz-3" class="more">"#), "{html}");
    assert!(
        html.contains(r#"aria-expanded="true" aria-controls="more-2025-15-kz-3" class="expand">Show less</button>"#)
    );
    assert_eq!(count(&html, r#"aria-expanded="true""#), 1);
}

#[test]
fn search_marks_hits_counts_them_and_says_when_nothing_matched() {
    let html = embedded("#q=nightclubs");
    assert!(html.contains(r#"<p role="status" class="result-count">1 event matches “nightclubs”.</p>"#), "{html}");
    assert!(html.contains("<mark>NIGHTCLUBS</mark>"), "{html}");
    assert_eq!(count(&html, "<article"), 1);
    // A hit only in folded text is shown as an excerpt, so the reader sees why the card matched.
    let folded = embedded("#q=murder");
    assert!(folded.contains(r#"<p class="excerpt">… "#) && folded.contains("<mark>murder</mark>"), "{folded}");
    assert!(!embedded("#q=nightclubs").contains("excerpt"), "a hit in the title needs no excerpt");
    // A one-letter word is found but not marked, so it does not count as a hit shown.
    let unmarked = embedded("#q=a%20murder");
    assert!(unmarked.contains(r#"<p class="excerpt">… "#) && unmarked.contains("<mark>murder</mark>"), "{unmarked}");
    // The "all releases" box shows the reader's choice even before a word is typed.
    let html = embedded("#scope=all");
    assert!(html.contains(r#"<input checked type="checkbox" id="search-all">"#), "checked before typing: {html}");
    assert!(embedded("").contains(r#"<input type="checkbox" id="search-all">"#));
    let elsewhere = embedded("#q=nightclubs&country=ru");
    assert!(elsewhere.contains("1 event matches “nightclubs”. None in Russia."), "{elsewhere}");
    assert!(elsewhere.contains("1 in other countries"));
    let none = embedded("#q=zzzz");
    assert!(none.contains("No events match “zzzz”."));
    assert!(none.contains(r#"<p class="empty">"#));
    assert_eq!(count(&none, "<article"), 0);
}

#[test]
fn links_to_missing_things_say_so() {
    let html = embedded("#release=2019-3&event=nope");
    assert!(html.contains("Release 2019-3 is not in this bundle"), "{html}");
    assert!(html.contains("The event “nope” is not in this bundle."));
}

const HOSTILE: &str = r#"{"format":1,"issues":[{"number":1,"year":2025,"period":{"from":"2025-01-01","to":"2025-01-15"},
  "title":"<script>alert(1)</script>","publisher":{"name":"x","email":"a@b.c\" onmouseover=\"alert(1)","website":"javascript:alert(1)"},
  "events":[{"id":"x\" onclick=\"alert(1)","country":"kz","title":"<img src=x onerror=alert(1)>","outlet":"<b>o</b>",
  "paragraphs":["<script>alert(2)</script>","<i>second</i>"],
  "sources":[{"url":"javascript:alert(1)"},{"url":"data:text/html,<script>alert(1)</script>"},{"url":"https://ok.kz/\"><script>"}]}]}]}"#;

#[test]
fn hostile_bundle_text_stays_text() {
    let html = render(ready(HOSTILE), "#q=script");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains(r#"href="javascript:"#), "{html}");
    assert!(!html.contains(r#"href="data:"#), "{html}");
    assert!(!html.contains(r#"href="mailto:a@b.c""#), "an odd e-mail is not a link");
    assert!(html.contains(r#"<span class="source-text">javascript:alert(1)</span>"#), "{html}");
    assert!(html.contains("&lt;<mark>script</mark>&gt;alert(2)"), "{html}");
    assert!(!html.contains(r#"" onclick="#), "ids are sanitised: {html}");
}

#[test]
fn the_open_bundle_control_and_the_bundle_on_screen() {
    let html = embedded("");
    assert!(html.contains(r#"<label class="open-bundle">Open bundle…<input type="file" id="open-bundle" accept=".json,application/json">"#), "{html}");
    assert!(html.contains(r#"<p class="bundle-source">Bundle: bundle.json</p>"#));
    assert!(
        html.contains(
            r#"<a href="caricc-releases.html" download="" class="download-offline">Download for offline reading</a>"#
        ),
        "{html}"
    );
    let failed =
        render(|| Load::Failed(Rc::new(LoadError::Network { url: "b.json".into(), message: "down".into() })), "");
    assert!(failed.contains(r#"id="open-bundle""#), "a reader can still open a file when loading failed");
    let offline = render(
        || {
            let origin =
                Origin::Fetched { url: "bundle.json".into(), saved: Some("Sat, 29 Nov 2026 10:00:00 GMT".into()) };
            Load::Ready(Rc::new(Loaded::new(parse_bundle(EMBEDDED).unwrap(), origin)))
        },
        "",
    );
    assert!(offline.contains(
        "Offline: showing the copy of bundle.json saved Sat, 29 Nov 2026 10:00:00 GMT; it may be out of date."
    ));
    // Another bundle than the site's own: the site's offline edition does not hold it.
    let other = render(
        || {
            let origin = Origin::Fetched { url: "archive/other.json".into(), saved: None };
            Load::Ready(Rc::new(Loaded::new(parse_bundle(EMBEDDED).unwrap(), origin)))
        },
        "",
    );
    assert!(other.contains("Bundle: archive/other.json"), "{other}");
    assert!(!other.contains("download-offline"), "{other}");
}

#[test]
fn an_empty_bundle_says_so() {
    assert!(render(ready(r#"{"format":1,"issues":[]}"#), "").contains("This bundle holds no releases."));
}

/// A release of `count` small events in Kazakhstan.
fn many_events(count: usize) -> String {
    let events: Vec<String> = (1..=count)
        .map(|n| format!(r#"{{"id":"2025-1-kz-{n}","country":"kz","title":"Event {n}","paragraphs":["Text {n}."]}}"#))
        .collect();
    format!(
        r#"{{"format":1,"issues":[{{"number":1,"year":2025,"period":{{"from":"2025-01-01","to":"2025-01-15"}},"title":"Many","events":[{}]}}]}}"#,
        events.join(",")
    )
}

#[test]
fn a_long_list_is_drawn_a_page_at_a_time() {
    let text: &'static str = Box::leak(many_events(120).into_boxed_str());
    let html = render(ready(text), "");
    assert_eq!(count(&html, "<article"), 20);
    assert!(html.contains("<p>Showing 20 of 120 events.</p>"), "{html}");
    assert!(html.contains(r#"<button type="button" class="show-more">Show 20 more</button>"#));
    // A link to an event further down draws the pages up to it.
    let linked = render(ready(text), "#event=2025-1-kz-101");
    assert_eq!(count(&linked, "<article"), 120);
    assert!(!linked.contains("show-more"));
    let short = embedded("");
    assert!(!short.contains("show-more"));
}

#[test]
fn the_russian_interface() {
    let html = render_in("ru", ready(EMBEDDED), "#country=kz&q=police");
    for expected in [
        r#"<p class="site-name">Информационные бюллетени ЦАРИКЦ</p>"#,
        r#"<label for="language">Язык</label>"#,
        r#"<option lang="ru" value="ru" selected="selected">Русский</option>"#,
        r#"<h1 id="release-heading" lang="ru">Информационный бюллетень №15</h1>"#,
        r#"<label for="search">Поиск по событиям</label>"#,
        r#"<span class="tab-name">Казахстан</span>"#,
        r#"<span class="tab-name">Все</span>"#,
        "Показать полностью",
        "Адрес редакции",
        // The release exists only in English: the page says so.
        "Этого выпуска нет на русском языке; он показан на языке: English.",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in {html}");
    }
    // Links keep the interface language the reader chose.
    let chosen = render_in("ru", ready(EMBEDDED), "#lang=ru&country=kg");
    assert!(chosen.contains(r##"href="#release=2025-15&amp;event=2025-15-kg-1&amp;lang=ru""##), "{chosen}");
    // The release's own text keeps its language.
    assert!(
        html.contains(r#"<article id="event-2025-15-kz-1" aria-labelledby="title-2025-15-kz-1" lang="en""#),
        "{html}"
    );
    assert!(!html.contains("Show full text") && !html.contains("Search events"), "no English interface text left");

    let failed = render_in(
        "ru",
        || {
            Load::Failed(Rc::new(LoadError::Status {
                url: "b.json".into(),
                status: 404,
                status_text: "Not Found".into(),
            }))
        },
        "",
    );
    assert!(failed.contains("Не удалось загрузить b.json: сервер ответил 404 Not Found"), "{failed}");
    assert!(render_in("ru", || Load::Loading, "").contains("Загрузка бюллетеней…"));
}

#[test]
fn a_chunked_archive_shows_its_release_as_loading_until_the_file_arrives() {
    let issue = parse_bundle(EMBEDDED).unwrap().issues.remove(0);
    let manifest = caricc_search::index::split(&parse_bundle(EMBEDDED).unwrap(), None).manifest;
    let pending = {
        let manifest = manifest.clone();
        move || {
            let origin = Origin::Fetched { url: "archive/manifest.json".into(), saved: None };
            Load::Ready(Rc::new(Loaded::from_manifest(manifest, "archive/manifest.json".into(), origin)))
        }
    };
    let html = render(pending, "");
    assert!(html.contains("Loading release #15…"), "{html}");
    assert!(!html.contains("role=\"tabpanel\""), "no tabs before the events are here");

    let arrived = move || {
        let origin = Origin::Fetched { url: "archive/manifest.json".into(), saved: None };
        let loaded = Loaded::from_manifest(manifest, "archive/manifest.json".into(), origin);
        Load::Ready(Rc::new(loaded.with_arrivals(vec![(0, Ok(issue))], None)))
    };
    let html = render(arrived, "");
    assert!(html.contains("role=\"tabpanel\"") && !html.contains("Loading release"), "{html}");
    assert_eq!(html.matches("<article").count(), 10);
}
