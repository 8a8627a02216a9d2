//! The published site of the sample release, as a reader, a crawler and a feed reader
//! meet it: every event readable in the HTML, every link leading to a generated page, and
//! feeds that a real feed parser reads.

use caricc_format::bundle::parse_bundle;
use caricc_format::model::Bundle;
use caricc_site::{generate, AppFiles, Assets, Settings, Site};
use std::collections::HashMap;

const SAMPLE: &str = include_str!("../../../static/bundle.json");
const URL: &str = "https://example.org/releases/";
/// Stands for the viewer's stylesheet.
const VIEWER_CSS: &str = "body{margin:0}.tab{min-height:2.25rem}\n";

fn assets() -> Assets {
    let app = AppFiles {
        boot: "boot.js".into(),
        js: "app-1.js".into(),
        wasm: "app-1_bg.wasm".into(),
        data: "bundle.json".into(),
    };
    Assets::new(VIEWER_CSS, Some("favicon-1.svg".into()), Some(app)).unwrap()
}

fn site(bundle: &Bundle, url: Option<&str>) -> HashMap<String, String> {
    let Site { files, .. } = generate(bundle, &assets(), &Settings { url: url.map(str::to_owned) });
    // Every file but the preview image is text.
    files
        .into_iter()
        .filter(|file| !file.path.ends_with(".png"))
        .map(|file| (file.path, String::from_utf8(file.bytes).unwrap()))
        .collect()
}

fn sample() -> Bundle {
    parse_bundle(SAMPLE).unwrap()
}

/// Text as it reads in the page: the entities the renderer writes decoded.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The values of attribute `name` in `html`.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// The generated file a site-relative `href` leads to, and its fragment.
fn target(href: &str) -> (String, Option<String>) {
    let (path, fragment) = match href.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment.to_owned())),
        None => (href, None),
    };
    let path = path.strip_prefix("./").unwrap_or(path);
    let file = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() };
    (file, fragment)
}

fn assert_leads_somewhere(files: &HashMap<String, String>, from: &str, href: &str) {
    let (file, fragment) = target(&unescape(href));
    let page = files.get(&file).unwrap_or_else(|| panic!("{from}: link {href} leads to no page ({file})"));
    if let Some(fragment) = fragment {
        assert!(page.contains(&format!(" id=\"{fragment}\"")), "{from}: link {href}: no #{fragment} in {file}");
    }
}

#[test]
fn every_event_reads_in_full_without_script() {
    let bundle = sample();
    let files = site(&bundle, Some(URL));
    let issue = &bundle.issues[0];
    let key = format!("{}/{}", issue.year, issue.number);
    for path in ["index.html".to_owned(), format!("en/{key}/index.html"), format!("ru/{key}/index.html")] {
        let html = files.get(&path).unwrap_or_else(|| panic!("no {path}"));
        let text = unescape(html);
        for paragraph in &issue.summary.paragraphs {
            assert!(text.contains(paragraph.as_str()), "{path}: summary paragraph missing");
        }
        for event in &issue.events {
            assert!(text.contains(&event.title), "{path}: {}", event.title);
            for paragraph in &event.paragraphs {
                assert!(text.contains(paragraph.as_str()), "{path}: {}: paragraph missing", event.id);
            }
            assert!(html.contains(&format!(" id=\"event-{}\"", event.id)), "{path}: no anchor for {}", event.id);
        }
        // Nothing is hidden, and no part of the page needs a script: the controls that do
        // (the search box and filters, copying a citation) wait for the app and are hidden
        // where no script runs; the tabs are links.
        for dead in [" hidden", "<script>", "role=\"tab\""] {
            assert!(!html.contains(dead), "{path}: {dead}");
        }
        let css = include_str!("../assets/site.css");
        assert!(css.contains("@media (scripting: none)") && css.contains(".needs-script, .copy-citation"));
        let search = html.find("<div class=\"needs-script\"><div role=\"search\"").expect("search box");
        let controls_end = search + html[search..].find("<p class=\"facts-note\">").expect("the note on facts");
        assert_eq!(html.matches("<input").count(), 2, "{path}");
        for control in ["<input", "<select"] {
            assert!(html.match_indices(control).all(|(at, _)| at > search && at < controls_end), "{path}: {control}");
        }
        // The buttons: each card's "Copy citation", and the charts' toggle among the controls.
        let toggle = html.find("aria-controls=\"insights\"").expect("the charts' toggle");
        assert!(toggle > search && toggle < controls_end, "{path}");
        assert_eq!(
            html.matches("<button").count(),
            html.matches("<button type=\"button\" class=\"copy-citation\"").count() + 1
        );
        // The app, which takes the page over, starts from a module script (no inline script).
        assert!(html.contains("<script type=\"module\" src=\"boot.js\" data-app-js=\"app-1.js\""), "{path}");
        assert!(html.contains("script-src 'self' 'wasm-unsafe-eval'"), "{path}");
        assert!(html.contains("<div data-prerendered=\"\" class=\"app\">"), "{path}");
        for link in html.split("<a ").skip(1) {
            if link.contains("target=\"_blank\"") {
                assert!(link.contains("rel=\"noopener noreferrer\""), "{path}: {link}");
            }
        }
    }
}

#[test]
fn a_broken_source_is_printed_text_and_its_correction_a_link_marked_as_such() {
    let bundle = sample();
    let files = site(&bundle, Some(URL));
    let issue = &bundle.issues[0];
    let broken: Vec<_> = issue.events.iter().flat_map(|e| &e.sources).filter(|s| s.broken).collect();
    assert_eq!(broken.len(), 3, "the sample's three mistyped мвд.рф links");
    for (path, words) in [
        ("index.html", "corrected link: мвд.рф"),
        ("en/2025/15/index.html", "corrected link: мвд.рф"),
        ("ru/2025/15/index.html", "исправленная ссылка: мвд.рф"),
    ] {
        let html = &files[path];
        let hrefs = attributes(html, "href");
        for source in &broken {
            assert!(!hrefs.contains(&source.url.as_str()), "{path}: {} is a link", source.url);
            assert!(
                html.contains(&format!("<span class=\"source-text\">{}</span>", source.url)),
                "{path}: {}",
                source.url
            );
            let corrected = source.corrected.as_ref().unwrap().as_str();
            let link = format!(
                "<a href=\"{corrected}\" target=\"_blank\" rel=\"noopener noreferrer\" title=\"{corrected}\" class=\"source corrected\">{words}</a>"
            );
            assert!(html.contains(&link), "{path}: no {link}");
            // Search engines are told of the correction, never of the link that leads nowhere.
            let data = &html[html.find("application/ld+json").unwrap()..];
            let data = &data[..data.find("</script>").unwrap()];
            assert!(!data.contains(&source.url) && data.contains(corrected), "{path}: {data}");
        }
    }
}

#[test]
fn every_link_leads_to_a_generated_page() {
    let files = site(&sample(), Some(URL));
    let mut checked = 0;
    for (path, html) in files.iter().filter(|(path, _)| path.ends_with(".html")) {
        // Every other link is relative to the site's root, which <base> names.
        let (before, after) = html.split_once("<base href=\"").unwrap();
        let html = format!("{before}{}", &after[after.find('>').unwrap()..]);
        for href in attributes(&html, "href") {
            // The icon and the app are copied from the viewer's build beside the pages.
            if href.starts_with("http") || href.starts_with("mailto:") || assets().files().contains(&href) {
                continue;
            }
            assert_leads_somewhere(&files, path, href);
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked} links");
    // The way through the archive: the language versions link each other, and each
    // release page its year's index.
    let en = &files["en/2025/15/index.html"];
    assert!(en.contains("href=\"ru/2025/15/\""), "language link");
    assert!(en.contains("href=\"en/2025/\""), "year link");
    assert!(files["en/2025/index.html"].contains("href=\"en/2025/15/\""));
    assert!(en.contains("<base href=\"../../../\">"));
    assert!(files["index.html"].contains("<base href=\"./\">"));
}

#[test]
fn pages_say_what_they_are_to_search_engines_and_previews() {
    let files = site(&sample(), Some(URL));
    let en = &files["en/2025/15/index.html"];
    for expected in [
        "<title>Information Release #15",
        "<meta name=\"description\" content=\"",
        &format!("<link rel=\"canonical\" href=\"{URL}en/2025/15/\">"),
        &format!("<link rel=\"alternate\" hreflang=\"ru\" href=\"{URL}ru/2025/15/\">"),
        &format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{URL}en/2025/15/\">"),
        "<link rel=\"alternate\" type=\"application/atom+xml\"",
        "<meta property=\"og:title\" content=\"Information Release #15",
        &format!("<meta property=\"og:image\" content=\"{URL}preview.png\">"),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<html lang=\"en\">",
    ] {
        assert!(en.contains(expected), "{expected}");
    }
    assert!(files["ru/2025/15/index.html"].contains("<html lang=\"ru\">"));
    let description = &en[en.find("<meta name=\"description\" content=\"").unwrap() + 34..];
    let description = &description[..description.find('"').unwrap()];
    assert!(!description.is_empty() && description.chars().count() <= 160, "{description}");
    let start = en.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let json: serde_json::Value =
        serde_json::from_str(&en[start..start + en[start..].find("</script>").unwrap()]).unwrap();
    assert_eq!(json["@type"], "ItemList");
    assert_eq!(json["itemListElement"].as_array().unwrap().len(), sample().issues[0].events.len());
    assert_eq!(json["itemListElement"][0]["item"]["@type"], "NewsArticle");

    let sitemap = &files["sitemap.xml"];
    for loc in sitemap.split("<loc>").skip(1).map(|rest| &rest[..rest.find("</loc>").unwrap()]) {
        let path = loc.strip_prefix(URL).unwrap_or_else(|| panic!("{loc}"));
        assert_leads_somewhere(&files, "sitemap.xml", path);
    }
    assert!(files["robots.txt"].contains(&format!("Sitemap: {URL}sitemap.xml")));
}

#[test]
fn without_its_address_the_site_leaves_out_what_needs_it() {
    let generated = generate(&sample(), &assets(), &Settings::default());
    assert!(!generated.left_out.is_empty());
    let files: HashMap<String, String> = generated
        .files
        .into_iter()
        .map(|file| (file.path, String::from_utf8_lossy(&file.bytes).into_owned()))
        .collect();
    assert!(!files.contains_key("sitemap.xml") && !files.contains_key("robots.txt"));
    let en = &files["en/2025/15/index.html"];
    assert!(!en.contains("rel=\"canonical\"") && !en.contains("og:url") && !en.contains("og:image"));
    assert!(en.contains("<title>") && en.contains("og:title"));
    // The structured data has no URLs rather than empty ones.
    let data = &en[en.find("application/ld+json").unwrap()..];
    let data = &data[..data.find("</script>").unwrap()];
    assert!(data.contains("\"NewsArticle\"") && !data.contains("\"url\"") && !data.contains("null"), "{data}");
}

#[test]
fn feeds_parse_and_every_entry_leads_to_its_event() {
    for url in [Some(URL), None] {
        let files = site(&sample(), url);
        let mut entries = 0;
        for (path, xml) in files.iter().filter(|(path, _)| path.starts_with("feeds/")) {
            let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(!feed.title.as_ref().unwrap().content.is_empty(), "{path}");
            for entry in &feed.entries {
                let href = &entry.links[0].href;
                // Relative links are relative to the feed, in feeds/.
                let site_relative = match url {
                    Some(url) => href.strip_prefix(url).unwrap_or_else(|| panic!("{path}: {href}")).to_owned(),
                    None => href.strip_prefix("../").unwrap_or_else(|| panic!("{path}: {href}")).to_owned(),
                };
                assert_leads_somewhere(&files, path, &site_relative);
                assert!(entry.updated.is_some(), "{path}: no updated date");
                assert!(entry.content.as_ref().and_then(|c| c.body.as_ref()).is_some_and(|body| !body.is_empty()));
                entries += 1;
            }
        }
        let events = sample().issues[0].events.len();
        // The main feed of each language, and each country's: every event twice per language.
        assert_eq!(entries, events * 2 * 2, "entries");
        assert!(files.contains_key("feeds/en-kz.xml") && files.contains_key("feeds/ru-kz.xml"));
    }
}

#[test]
fn text_from_the_bundle_cannot_become_markup_or_script() {
    let mut bundle = sample();
    let hostile = "</script><script>alert(1)</script><!-- \"' <b>";
    bundle.issues[0].events[0].title = hostile.to_owned();
    bundle.issues[0].summary.paragraphs[0] = hostile.to_owned();
    bundle.issues[0].events[0].sources[0].url = "javascript:alert(1)".to_owned();
    let files = site(&bundle, Some(URL));
    for (path, text) in &files {
        assert!(!text.contains("<script>alert"), "{path}");
        assert!(!text.contains("<b>"), "{path}");
        assert!(!text.contains("href=\"javascript:"), "{path}");
        if path.ends_with(".html") {
            assert_eq!(text.matches("<script").count(), text.matches("</script>").count(), "{path}");
            // Structured data (never run) and the app's start script, nothing else.
            let scripts = text.matches("<script").count();
            let allowed = text.matches("<script type=\"application/ld+json\">").count()
                + text.matches("<script type=\"module\" src=\"boot.js\"").count();
            assert_eq!(scripts, allowed, "{path}");
        }
    }
    for (path, xml) in files.iter().filter(|(path, _)| path.starts_with("feeds/")) {
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
        if let Some(entry) =
            feed.entries.iter().find(|entry| entry.title.as_ref().unwrap().content.starts_with("</script>"))
        {
            assert_eq!(entry.title.as_ref().unwrap().content, hostile);
        }
    }
}

#[test]
fn a_page_in_a_language_the_release_lacks_says_so_as_the_app_does() {
    let files = site(&sample(), None);
    let russian = &files["ru/2025/15/index.html"];
    assert!(russian.contains("class=\"notice\""), "the Russian page of an English-only release has a notice");
    assert!(!files["en/2025/15/index.html"].contains("class=\"notice\""));
}

#[test]
fn every_page_carries_its_stylesheet_allowed_by_its_hash_alone() {
    for (path, html) in site(&sample(), Some(URL)).iter().filter(|(path, _)| path.ends_with(".html")) {
        // One request fewer before the first paint: nothing is linked, all is in the page.
        assert!(!html.contains("rel=\"stylesheet\""), "{path}");
        assert_eq!(html.matches("<style>").count(), 1, "{path}");
        let style = &html[html.find("<style>").unwrap() + "<style>".len()..html.find("</style>").unwrap()];
        assert!(style.starts_with("body{margin:0}.tab{min-height:2.25rem}\n"), "{path}: the viewer's first");
        assert!(
            style.contains("@media (scripting: none) {") && style.contains(".needs-script, .copy-citation"),
            "{path}"
        );
        assert!(!style.contains("/*") && !style.contains("\n\n") && !style.contains("\n "), "{path}: {style}");
        // The policy allows exactly this text, and no other style.
        let policy = &html[html.find("Content-Security-Policy\" content=\"").unwrap()..];
        let policy = &policy[..policy.find("\">").unwrap()];
        assert!(policy.contains(&format!("style-src '{}';", caricc_site::csp_hash(style))), "{path}: {policy}");
        assert!(!policy.contains("unsafe-inline"), "{path}");
    }
}

#[test]
fn a_stylesheet_that_would_end_the_style_element_is_refused() {
    for css in ["a{}</style><script>x()</script>", "a{content:'</STYLE>'}"] {
        let error = Assets::new(css, None, None).unwrap_err();
        assert!(error.contains("</style"), "{error}");
    }
}
