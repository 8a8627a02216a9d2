//! Atom feeds of the newest events (RFC 4287): one per interface language, and one per
//! country and language. Entries link to the event's anchor on its release page.

use crate::archive::version;
use crate::html::{escape, first_sentence};
use crate::labels::labels;
use crate::{Settings, SiteFile};
use caricc_format::model::{Event, Issue};
use caricc_view::i18n::LANGUAGES;
use caricc_view::route::{element_id, percent_encode, site_path, ReleaseKey};
use caricc_view::view::country_name;
use std::collections::{BTreeMap, BTreeSet};

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

/// The newest events of each feed, gathered release by release (newest first) as the
/// pages are drawn, so that the feeds need no release kept in memory: at most
/// [`FEED_ENTRIES`] events per feed.
#[derive(Default)]
pub struct Collector {
    /// Per interface language, in [`LANGUAGES`]' order.
    languages: Vec<LanguageFeeds>,
    /// Every country with an event in any language version: each has a feed per language.
    countries: BTreeSet<String>,
}

/// The entries of a language's feeds: the main feed's, and each country's.
#[derive(Default)]
struct LanguageFeeds {
    all: Vec<Entry>,
    by_country: BTreeMap<String, Vec<Entry>>,
}

/// An event in a feed, with what the feed says of its release.
struct Entry {
    key: ReleaseKey,
    /// The release's end date, the entry's date.
    date: String,
    /// The language of the release's text.
    lang: String,
    publisher: String,
    event: Event,
}

impl Collector {
    /// Adds the next release (newer ones first), given its language versions.
    pub fn add(&mut self, key: ReleaseKey, versions: &[Issue]) {
        for event in versions.iter().flat_map(|issue| &issue.events) {
            if !self.countries.contains(&event.country) {
                self.countries.insert(event.country.clone());
            }
        }
        if self.languages.is_empty() {
            self.languages = LANGUAGES.iter().map(|_| Default::default()).collect();
        }
        for (messages, LanguageFeeds { all, by_country }) in LANGUAGES.iter().zip(&mut self.languages) {
            let issue = version(versions, messages.code);
            let entry = |event: &Event| Entry {
                key,
                date: issue.period.to.clone(),
                lang: issue.lang.clone(),
                publisher: issue.publisher.name.clone(),
                event: event.clone(),
            };
            for event in &issue.events {
                if all.len() < FEED_ENTRIES {
                    all.push(entry(event));
                }
                match by_country.get_mut(&event.country) {
                    Some(country) if country.len() < FEED_ENTRIES => country.push(entry(event)),
                    Some(_) => {}
                    None => {
                        by_country.insert(event.country.clone(), vec![entry(event)]);
                    }
                }
            }
        }
    }

    /// Every feed of the site.
    pub fn feeds(&self, settings: &Settings) -> Vec<SiteFile> {
        let mut files = Vec::new();
        for (at, messages) in LANGUAGES.iter().enumerate() {
            let lang = messages.code;
            let label = labels(lang);
            // No release at all: empty feeds.
            let feeds = self.languages.get(at);
            let all = feeds.map_or(&[][..], |feeds| feeds.all.as_slice());
            files.push(feed(lang, None, label.feed, all, settings));
            for country in &self.countries {
                let title = (label.feed_of)(&country_name(country, lang));
                let entries = feeds.and_then(|feeds| feeds.by_country.get(country)).map_or(&[][..], Vec::as_slice);
                files.push(feed(lang, Some(country), &title, entries, settings));
            }
        }
        files
    }
}

fn feed(lang: &str, country: Option<&str>, title: &str, entries: &[Entry], settings: &Settings) -> SiteFile {
    let path = feed_path(lang, country);
    // Entries' links are relative to the feed, one folder below the site's root.
    let href = |target: &str| settings.absolute(target).unwrap_or_else(|| format!("../{target}"));
    let updated = entries.first().map_or_else(|| timestamp(""), |entry| timestamp(&entry.date));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", escape(lang)));
    xml.push_str(&format!("<title>{}</title>\n", escape(title)));
    xml.push_str(&format!("<id>urn:caricc:feed:{}</id>\n", percent_encode(&path)));
    xml.push_str(&format!("<updated>{updated}</updated>\n"));
    xml.push_str(&format!("<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n", escape(&href(&path))));
    // The page of the newest entry's release.
    let home = entries.first().map_or_else(String::new, |entry| site_path(lang, entry.key));
    xml.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&href(&home))));
    let author = entries.first().map_or("CARICC", |entry| entry.publisher.as_str());
    let author = if author.is_empty() { "CARICC" } else { author };
    xml.push_str(&format!("<author><name>{}</name></author>\n", escape(author)));
    for Entry { key, date, lang: text_lang, event, .. } in entries {
        let permalink = format!("{}#{}", site_path(lang, *key), element_id("event", &event.id));
        let mut content = event.paragraphs.join("\n\n");
        for source in &event.sources {
            content.push_str("\n\n");
            content.push_str(&source.url);
        }
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<title>{}</title>\n", escape(&event.title)));
        xml.push_str(&format!("<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape(&href(&permalink))));
        xml.push_str(&format!("<id>urn:caricc:event:{}:{}</id>\n", escape(lang), percent_encode(&event.id)));
        xml.push_str(&format!("<updated>{}</updated>\n", timestamp(date)));
        if let Some(first) = event.paragraphs.first() {
            xml.push_str(&format!("<summary>{}</summary>\n", escape(&first_sentence(first, 300))));
        }
        xml.push_str(&format!(
            "<content type=\"text\" xml:lang=\"{}\">{}</content>\n",
            escape(text_lang),
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
