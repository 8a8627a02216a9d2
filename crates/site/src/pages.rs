//! Which pages the site has, and each one's head, body and navigation.

use crate::archive::{years, Listed};
use crate::head::Head;
use crate::html::{escape, first_sentence};
use crate::labels::labels;
use crate::render::release_body;
use crate::{feeds, Assets, Settings, SiteFile};
use caricc_format::model::{Bundle, Issue};
use caricc_search::search::SearchIndex;
use caricc_view::i18n::{Messages, LANGUAGES};
use caricc_view::route::{site_path, ReleaseKey, Route};
use caricc_view::site::{nav_labels, year_path};
use caricc_view::view::{format_period, release_view};
use serde_json::json;

/// Longest description, in characters: about what search results and previews show.
const DESCRIPTION_CHARS: usize = 160;

/// The pages of release `position` of `keys` (every release, newest first) in each
/// interface language, and for the newest its English page again at the site's root (the
/// same body, drawn once, under a head of its own). `release` holds its language versions.
pub fn release_pages(
    keys: &[ReleaseKey],
    position: usize,
    release: &Bundle,
    assets: &Assets,
    settings: &Settings,
) -> Vec<SiteFile> {
    let mut files = Vec::new();
    for messages in LANGUAGES {
        let path = site_path(messages.code, keys[position]);
        let (head, body) = release_page(keys, position, release, messages, &path, settings);
        files.push(SiteFile {
            path: format!("{path}index.html"),
            bytes: head.document(&body, assets, settings).into_bytes(),
        });
        if position == 0 && messages.code == LANGUAGES[0].code {
            let root = Head { path: "", ..head };
            files.push(SiteFile {
                path: "index.html".into(),
                bytes: root.document(&body, assets, settings).into_bytes(),
            });
        }
    }
    files
}

/// The head and body of the page of release `position` in language `messages`, at `path`.
fn release_page<'a>(
    keys: &[ReleaseKey],
    position: usize,
    bundle: &Bundle,
    messages: &'static Messages,
    path: &'a str,
    settings: &Settings,
) -> (Head<'a>, String) {
    let key = keys[position];
    let lang = messages.code;
    let route = Route { release: Some(key), lang: Some(lang.to_owned()), ..Route::default() };
    // The version and title the page shows, as the component chooses them.
    let view = release_view(bundle, &SearchIndex::default(), &route, lang);
    let issue = view.as_ref().map_or(crate::archive::version(&bundle.issues, lang), |view| &bundle.issues[view.issue]);
    let period = format_period(&issue.period.from, &issue.period.to);
    let title = (messages.page_title)(issue.number, &period, "");
    let description = description(issue);

    let page_path = site_path(lang, key);
    let newer = position.checked_sub(1).and_then(|at| keys.get(at)).copied();
    let older = keys.get(position + 1).copied();
    let structured = json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": title,
        "itemListElement": issue.events.iter().enumerate().map(|(at, event)| {
            let mut item = json!({
                "@type": "NewsArticle",
                "headline": event.title,
                "inLanguage": issue.lang,
                "datePublished": issue.period.to,
                "isBasedOn": event.sources.iter().filter_map(|source| source.followable()).collect::<Vec<_>>(),
                "publisher": { "@type": "Organization", "name": issue.publisher.name },
            });
            // Without the site's address there is no URL to give (not a null one).
            if let Some(url) = settings.absolute(&format!("{page_path}#{}", caricc_view::route::element_id("event", &event.id))) {
                item["url"] = url.into();
            }
            json!({ "@type": "ListItem", "position": at + 1, "item": item })
        }).collect::<Vec<_>>(),
    });
    let head = Head {
        lang,
        path,
        title,
        description,
        site_name: messages.site_name,
        kind: "article",
        alternates: LANGUAGES.iter().map(|other| (other.code, site_path(other.code, key))).collect(),
        feeds: feeds::links(lang),
        structured: Some(structured),
        app: true,
    };
    // The head is taken from the release the component will show; the bundle goes to it.
    (head, release_body(bundle.clone(), route, lang, (newer, older)))
}

/// The release's first sentence worth quoting: its summary's, else its first event's.
fn description(issue: &Issue) -> String {
    let text = issue
        .summary
        .paragraphs
        .first()
        .or_else(|| issue.events.first().and_then(|event| event.paragraphs.first()))
        .map_or(issue.title.as_str(), String::as_str);
    first_sentence(text, DESCRIPTION_CHARS)
}

/// An index of each year's releases, per language, with links to every other year: with
/// the release pages' links, a reader walks the whole archive.
pub fn year_pages(releases: &[Listed], assets: &Assets, settings: &Settings) -> Vec<SiteFile> {
    let years = years(releases);
    let mut files = Vec::new();
    for messages in LANGUAGES {
        let lang = messages.code;
        let label = labels(lang);
        let nav = nav_labels(lang);
        for &year in &years {
            let path = year_path(lang, year);
            let mut list = String::new();
            for release in releases.iter().filter(|release| release.key.year == year) {
                let shown = release.period(lang);
                let period = format_period(&shown.from, &shown.to);
                list.push_str(&format!(
                    "<li><a href=\"{}\">{}</a></li>\n",
                    escape(&site_path(lang, release.key)),
                    escape(&(label.release_option)(release.key.number, &period))
                ));
            }
            let year_links: String = years
                .iter()
                .map(|&other| {
                    let current = if other == year { " aria-current=\"page\"" } else { "" };
                    format!("<li><a href=\"{}\"{current}>{other}</a></li>", escape(&year_path(lang, other)))
                })
                .collect();
            let language_links: String = LANGUAGES
                .iter()
                .filter(|other| other.code != lang)
                .map(|other| {
                    format!(
                        "<li><a href=\"{}\" lang=\"{}\">{}</a></li>",
                        escape(&year_path(other.code, year)),
                        other.code,
                        escape(other.name)
                    )
                })
                .collect();
            let heading = (nav.releases_of)(year);
            let body = format!(
                "<div class=\"app\">\n<header class=\"masthead\"><p class=\"site-name\"><a href=\"./\">{site}</a></p>\
                 <nav class=\"site-nav site-languages\" aria-label=\"{languages}\"><ul>{language_links}</ul></nav></header>\n\
                 <main id=\"main\" class=\"year-index\">\n<h1>{heading}</h1>\n<ol class=\"release-list\">\n{list}</ol>\n\
                 <nav class=\"site-nav\" aria-label=\"{years_label}\"><h2>{years_label}</h2><ul>{year_links}</ul></nav>\n</main>\n</div>",
                site = escape(messages.site_name),
                languages = escape(nav.languages),
                heading = escape(&heading),
                years_label = escape(label.years),
            );
            let head = Head {
                lang,
                path: &path,
                title: format!("{heading} — {}", messages.site_name),
                description: heading.clone(),
                site_name: messages.site_name,
                kind: "website",
                alternates: LANGUAGES.iter().map(|other| (other.code, year_path(other.code, year))).collect(),
                feeds: feeds::links(lang),
                structured: None,
                app: false,
            };
            files.push(SiteFile {
                path: format!("{path}index.html"),
                bytes: head.document(&body, assets, settings).into_bytes(),
            });
        }
    }
    files
}
