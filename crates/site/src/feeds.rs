//! Atom feeds of the newest events (RFC 4287): one per interface language, and one per
//! country and language. Entries link to the event's anchor on its release page.

use crate::archive::Archive;
use crate::html::{escape, first_sentence};
use crate::labels::labels;
use crate::{Settings, SiteFile};
use caricc_format::model::{Event, Issue};
use caricc_view::i18n::LANGUAGES;
use caricc_view::route::{element_id, percent_encode, site_path};
use caricc_view::view::{country_name, release_key};

/// Entries per feed: about two releases' worth in the main feed.
pub const FEED_ENTRIES: usize = 50;

/// Where the feed of `country` (or of every country) in language `lang` is.
pub fn feed_path(lang: &str, country: Option<&str>) -> String {
    match country {
        Some(code) => format!("feeds/{lang}-{code}.xml"),
        None => format!("feeds/{lang}.xml"),
    }
}

/// The feeds a page in `lang` names in its head (title, path): the main one.
pub fn links(lang: &str) -> Vec<(String, String)> {
    vec![(labels(lang).feed.to_owned(), feed_path(lang, None))]
}

/// Every feed of the site.
pub fn feeds(archive: &Archive, settings: &Settings) -> Vec<SiteFile> {
    let mut countries: Vec<&str> = archive
        .bundle
        .issues
        .iter()
        .flat_map(|issue| issue.events.iter().map(|event| event.country.as_str()))
        .collect();
    countries.sort_unstable();
    countries.dedup();
    let mut files = Vec::new();
    for messages in LANGUAGES {
        let lang = messages.code;
        let label = labels(lang);
        files.push(feed(archive, lang, None, label.feed, settings));
        for &country in &countries {
            let title = (label.feed_of)(&country_name(country, lang));
            files.push(feed(archive, lang, Some(country), &title, settings));
        }
    }
    files
}

fn feed(archive: &Archive, lang: &str, country: Option<&str>, title: &str, settings: &Settings) -> SiteFile {
    let path = feed_path(lang, country);
    // Entries' links are relative to the feed, one folder below the site's root.
    let href = |target: &str| settings.absolute(target).unwrap_or_else(|| format!("../{target}"));
    let mut entries: Vec<(&Issue, &Event, String)> = Vec::new();
    'releases: for release in &archive.releases {
        let issue = archive.version(release, lang);
        let page = site_path(lang, release.key);
        for event in issue.events.iter().filter(|event| country.is_none_or(|code| event.country == code)) {
            if entries.len() == FEED_ENTRIES {
                break 'releases;
            }
            entries.push((issue, event, format!("{page}#{}", element_id("event", &event.id))));
        }
    }
    let updated = entries.first().map_or_else(|| timestamp(""), |(issue, _, _)| timestamp(&issue.period.to));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", escape(lang)));
    xml.push_str(&format!("<title>{}</title>\n", escape(title)));
    xml.push_str(&format!("<id>urn:caricc:feed:{}</id>\n", percent_encode(&path)));
    xml.push_str(&format!("<updated>{updated}</updated>\n"));
    xml.push_str(&format!("<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n", escape(&href(&path))));
    // The page of the newest entry's release.
    let home = entries.first().map_or_else(String::new, |(issue, _, _)| site_path(lang, release_key(issue)));
    xml.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&href(&home))));
    let author = entries.first().map_or("CARICC", |(issue, _, _)| issue.publisher.name.as_str());
    let author = if author.is_empty() { "CARICC" } else { author };
    xml.push_str(&format!("<author><name>{}</name></author>\n", escape(author)));
    for (issue, event, permalink) in &entries {
        let mut content = event.paragraphs.join("\n\n");
        for source in &event.sources {
            content.push_str("\n\n");
            content.push_str(&source.url);
        }
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<title>{}</title>\n", escape(&event.title)));
        xml.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&href(permalink))));
        xml.push_str(&format!("<id>urn:caricc:event:{}:{}</id>\n", escape(lang), percent_encode(&event.id)));
        xml.push_str(&format!("<updated>{}</updated>\n", timestamp(&issue.period.to)));
        if let Some(first) = event.paragraphs.first() {
            xml.push_str(&format!("<summary>{}</summary>\n", escape(&first_sentence(first, 300))));
        }
        xml.push_str(&format!(
            "<content type=\"text\" xml:lang=\"{}\">{}</content>\n",
            escape(&issue.lang),
            escape(&content)
        ));
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    SiteFile { path, bytes: xml.into_bytes() }
}

/// An ISO date (`2025-08-15`) as an Atom timestamp; a date that is not one gives the epoch,
/// which a feed reader shows as old rather than refusing the feed.
pub fn timestamp(date: &str) -> String {
    let is_date = date.len() == 10
        && date
            .bytes()
            .enumerate()
            .all(|(at, byte)| if at == 4 || at == 7 { byte == b'-' } else { byte.is_ascii_digit() });
    if is_date {
        format!("{date}T00:00:00Z")
    } else {
        "1970-01-01T00:00:00Z".to_owned()
    }
}
