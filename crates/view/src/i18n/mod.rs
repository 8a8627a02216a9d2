//! The viewer's words in each interface language. Every language is one file holding one
//! [`Messages`] value; the compiler refuses a language that misses a message, and
//! [`LANGUAGES`] lists them for the switcher. Adding Kazakh, Kyrgyz or Uzbek is a file like
//! `ru.rs` plus one line in `LANGUAGES` (and, for country names, a column in `country.rs`).

use caricc_format::bundle::DecodeError;

mod en;
mod ru;

pub use en::EN;
pub use ru::RU;

/// Every interface language, the default first.
// Statics, not consts: a const's closures would be compiled again in every crate that uses
// it (the viewer and this one): two copies of each message, 0.9 KB of the shipped WebAssembly.
pub static LANGUAGES: &[&Messages] = &[&EN, &RU];

/// The messages for a language code (`en`, `ru`), if the interface has that language.
pub fn by_code(code: &str) -> Option<&'static Messages> {
    LANGUAGES.iter().copied().find(|messages| messages.code == code)
}

/// The interface language for a browser's preferred languages (BCP 47 tags, most preferred
/// first): the first one the interface has; Russian for the region's other languages
/// (Kazakh, Kyrgyz, Uzbek, Tajik, Turkmen, Belarusian, Ukrainian), whose readers mostly read
/// Russian before English; English otherwise.
pub fn for_browser(preferred: &[String]) -> &'static Messages {
    for tag in preferred {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        if let Some(messages) = by_code(&primary) {
            return messages;
        }
        if matches!(primary.as_str(), "kk" | "ky" | "uz" | "tg" | "tk" | "be" | "uk") {
            return &RU;
        }
    }
    &EN
}

/// All the interface's text for one language. Plain strings, or functions for messages
/// with numbers or names in them (word order and plural forms differ between languages).
pub struct Messages {
    /// BCP 47 code, for `lang` attributes and links (`lang=ru`).
    pub code: &'static str,
    /// The language's own name, for the switcher.
    pub name: &'static str,
    pub language_label: &'static str,
    pub site_name: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub load_failed_hint: &'static str,
    pub no_releases: &'static str,
    pub release_label: &'static str,
    pub open_bundle: &'static str,
    pub bundle_fetched: fn(&str) -> String,
    /// (url, date the saved copy was made)
    pub bundle_saved_copy: fn(&str, &str) -> String,
    pub bundle_embedded: &'static str,
    pub bundle_file: fn(&str) -> String,
    pub download_offline: &'static str,
    pub release_heading: fn(u32) -> String,
    /// (number, period)
    pub release_option: fn(u32, &str) -> String,
    pub summary: &'static str,
    pub stated_counts: &'static str,
    pub contents: &'static str,
    pub events: &'static str,
    /// "4 events"
    pub event_count: fn(usize) -> String,
    /// The word after a tab's count, for screen readers: "events"
    pub event_word: fn(usize) -> &'static str,
    pub search_label: &'static str,
    pub search_all: &'static str,
    /// (matches, query, across all releases)
    pub result_count: fn(usize, &str, bool) -> String,
    /// (matches in the selected country, its name)
    pub in_country: fn(usize, &str) -> String,
    pub countries: &'static str,
    pub all_countries: &'static str,
    pub topic: fn(&str) -> String,
    /// (matches in other countries)
    pub empty_here_but_elsewhere: fn(usize) -> String,
    pub empty_search_all: &'static str,
    pub empty_search_release: &'static str,
    pub empty_release: &'static str,
    /// (shown, total)
    pub showing: fn(usize, usize) -> String,
    pub show_more: fn(usize) -> String,
    pub show_full_text: &'static str,
    pub show_less: &'static str,
    pub copy_citation: &'static str,
    pub citation_copied: &'static str,
    pub copy_unavailable: &'static str,
    pub permalink: &'static str,
    pub sources: &'static str,
    /// The link to a broken source's corrected URL, beside the URL as printed: (its host)
    pub corrected_link: fn(&str) -> String,
    /// (number, period)
    pub event_release: fn(u32, &str) -> String,
    /// (number, period, title, outlet or "")
    pub citation: fn(u32, &str, &str, &str) -> String,
    pub release_not_found: fn(&str) -> String,
    pub event_not_found: fn(&str) -> String,
    pub country_not_found: fn(&str) -> String,
    /// (language name of the release shown)
    pub content_fallback: fn(&str) -> String,
    pub editorial_address: &'static str,
    pub phone: fn(&str) -> String,
    pub fax: fn(&str) -> String,
    /// Page title: (number, period, country name or "")
    pub page_title: fn(u32, &str, &str) -> String,
    pub error_fetch: fn(&str, &str) -> String,
    /// (URL, HTTP status, its text). The status as a `u32`: printing a `u16` would be one
    /// more copy of number printing in the viewer, for this message alone.
    pub error_status: fn(&str, u32, &str) -> String,
    pub error_other_site: fn(&str) -> String,
    pub error_too_large: fn(&str, u64) -> String,
    pub error_read: fn(&str, &str) -> String,
    /// (file, line, byte offset)
    pub error_not_utf8: fn(&str, usize, usize) -> String,
    pub error_decode: fn(&str, &str) -> String,
    pub error_manifest_file: fn(&str) -> String,
    /// A release of a chunked archive on its way: (number)
    pub loading_release: fn(u32) -> String,
    /// Searching a chunked archive: its index is being read.
    pub archive_reading_index: &'static str,
    /// Every word of the query is too short for the archive's index.
    pub archive_too_short: &'static str,
    /// (releases being fetched)
    pub archive_searching: fn(usize) -> String,
    /// (releases searched, releases that may match)
    pub archive_partial: fn(usize, usize) -> String,
    /// (releases the button adds)
    pub archive_search_more: fn(usize) -> String,
    pub json_syntax: fn(usize, usize, &str) -> String,
    pub json_format: fn(&str) -> String,
    pub json_limit_hint: &'static str,
    /// The filters by the facts read in the text.
    pub filters: &'static str,
    pub filter_drug: &'static str,
    pub filter_kind: &'static str,
    pub any_drug: &'static str,
    pub any_kind: &'static str,
    /// The date range's ends (months), when filtering all releases.
    pub filter_from: &'static str,
    pub filter_to: &'static str,
    pub clear_filters: &'static str,
    /// (events the filters show)
    pub filtered_count: fn(usize) -> String,
    pub empty_filters: &'static str,
    /// Said once on the page: the facts are read by rules, not by a person.
    pub facts_note: &'static str,
    /// The list of an event's facts.
    pub facts_label: &'static str,
    /// A kind of event by its id (`seizure`); an unknown id as it is.
    pub kind_name: fn(&str) -> String,
    /// A unit after an amount: (unit id, the amount) — `kg`, `tablets`, `таблеток`.
    pub unit_name: fn(&str, f64) -> String,
    /// A number as the language writes it: `1,200.5` / `1 200,5`.
    pub number: fn(f64) -> String,
    /// A number that reads two ways: (one reading, the other).
    pub either: fn(&str, &str) -> String,
    pub show_insights: &'static str,
    /// (events the charts are of)
    pub insights_heading: fn(usize) -> String,
    pub chart_months: &'static str,
    /// (the unit, as after a number)
    pub chart_amounts: fn(&str) -> String,
    pub chart_kinds: &'static str,
    pub month: &'static str,
    pub total: &'static str,
    pub drug_not_stated: &'static str,
    pub approximate_counted: fn(usize) -> String,
    pub ambiguous_left_out: fn(usize) -> String,
    pub not_read: fn(usize) -> String,
    /// (events the files hold)
    pub download_events: fn(usize) -> String,
    pub download_events_csv: &'static str,
    pub download_amounts_csv: &'static str,
    pub download_json: &'static str,
    /// Filters across a chunked archive reach only its releases opened so far: (opened,
    /// releases in all).
    pub archive_filters_partial: fn(usize, usize) -> String,
}

/// A number with at most three decimals, digits grouped by `thousands` and the decimals
/// after `decimal`: the amounts facts give (`1,200.5`, `1 200,5`).
pub fn format_number(value: f64, thousands: char, decimal: char) -> String {
    let text = crate::chart::number_text(value, 3, thousands, decimal);
    match text.split_once(decimal) {
        Some((whole, fraction)) if fraction.trim_end_matches('0').is_empty() => whole.to_owned(),
        Some((whole, fraction)) => format!("{whole}{decimal}{}", fraction.trim_end_matches('0')),
        None => text,
    }
}

/// A count with the language's digit grouping: `100,000` / `100 000`.
pub fn group_digits(number: usize, separator: char) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// Russian plural forms: (1 событие, 2 события, 5 событий) by the number's last digits.
pub fn russian_plural(number: usize, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match (number % 10, number % 100) {
        (1, hundreds) if hundreds != 11 => one,
        (2..=4, hundreds) if !(12..=14).contains(&hundreds) => few,
        _ => many,
    }
}

/// An error of the format, told in an interface language.
pub trait Describe {
    fn describe(&self, messages: &Messages) -> String;
}

impl Describe for DecodeError {
    /// Parser details (serde's wording) stay as the parser wrote them; what is wrong and
    /// where is translated.
    fn describe(&self, messages: &Messages) -> String {
        match self {
            DecodeError::Syntax { line, column, message } => (messages.json_syntax)(*line, *column, message),
            DecodeError::UnsupportedFormat { found } => (messages.json_format)(found),
            DecodeError::Shape { path, message } => format!("{path}: {message}"),
            DecodeError::OverLimit { path, message } => format!("{path}: {message} ({})", messages.json_limit_hint),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(format_number(1200.5, ',', '.'), "1,200.5");
        assert_eq!(format_number(1200.5, '\u{a0}', ','), "1\u{a0}200,5");
        assert_eq!(format_number(5.065, ',', '.'), "5.065");
        assert_eq!(format_number(0.25, ',', '.'), "0.25");
        assert_eq!(format_number(10.0, ',', '.'), "10");
        assert_eq!(format_number(2.0004, ',', '.'), "2");
        assert_eq!((EN.number)(100_000.0), "100,000");
        assert_eq!((RU.unit_name)("tablets", 21.0), "таблетка");
        assert_eq!((RU.unit_name)("tablets", 1.5), "таблетки");
        assert_eq!((EN.kind_name)("trafficking-group"), "Trafficking group dismantled");
        assert_eq!((RU.kind_name)("new-kind"), "new-kind");
    }

    #[test]
    fn every_language_has_a_unique_code_and_a_name() {
        for (index, messages) in LANGUAGES.iter().enumerate() {
            assert!(!messages.name.is_empty());
            assert!(LANGUAGES[..index].iter().all(|other| other.code != messages.code));
            assert_eq!(by_code(messages.code).map(|m| m.code), Some(messages.code));
        }
    }

    /// The two tables have the same keys by construction (one struct); what can still go
    /// wrong is a message copied from English and left untranslated.
    #[test]
    fn nothing_in_russian_is_left_in_english() {
        let pairs: [(&str, &str); 29] = [
            (EN.language_label, RU.language_label),
            (EN.site_name, RU.site_name),
            (EN.loading, RU.loading),
            (EN.load_failed, RU.load_failed),
            (EN.load_failed_hint, RU.load_failed_hint),
            (EN.no_releases, RU.no_releases),
            (EN.release_label, RU.release_label),
            (EN.open_bundle, RU.open_bundle),
            (EN.bundle_embedded, RU.bundle_embedded),
            (EN.download_offline, RU.download_offline),
            (EN.summary, RU.summary),
            (EN.stated_counts, RU.stated_counts),
            (EN.contents, RU.contents),
            (EN.events, RU.events),
            (EN.search_label, RU.search_label),
            (EN.search_all, RU.search_all),
            (EN.countries, RU.countries),
            (EN.all_countries, RU.all_countries),
            (EN.empty_search_all, RU.empty_search_all),
            (EN.empty_search_release, RU.empty_search_release),
            (EN.empty_release, RU.empty_release),
            (EN.show_full_text, RU.show_full_text),
            (EN.show_less, RU.show_less),
            (EN.copy_citation, RU.copy_citation),
            (EN.citation_copied, RU.citation_copied),
            (EN.copy_unavailable, RU.copy_unavailable),
            (EN.permalink, RU.permalink),
            (EN.sources, RU.sources),
            (EN.editorial_address, RU.editorial_address),
        ];
        for (english, russian) in pairs {
            assert_ne!(english, russian);
            assert!(
                russian.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
                "not Russian: {russian}"
            );
        }
        let formatted = [
            ((EN.bundle_fetched)("b.json"), (RU.bundle_fetched)("b.json")),
            ((EN.release_heading)(15), (RU.release_heading)(15)),
            ((EN.event_count)(4), (RU.event_count)(4)),
            ((EN.result_count)(3, "police", true), (RU.result_count)(3, "police", true)),
            ((EN.showing)(50, 120), (RU.showing)(50, 120)),
            ((EN.show_more)(50), (RU.show_more)(50)),
            ((EN.citation)(15, "1–15.08.2025", "T", ""), (RU.citation)(15, "1–15.08.2025", "T", "")),
            ((EN.error_fetch)("b.json", "x"), (RU.error_fetch)("b.json", "x")),
            ((EN.content_fallback)("English"), (RU.content_fallback)("English")),
            ((EN.page_title)(15, "p", ""), (RU.page_title)(15, "p", "")),
            ((EN.corrected_link)("мвд.рф"), (RU.corrected_link)("мвд.рф")),
        ];
        for (english, russian) in formatted {
            assert_ne!(english, russian);
        }
    }

    #[test]
    fn russian_plurals_and_digit_groups() {
        let forms: Vec<String> = [1, 2, 5, 11, 21, 22, 25, 111, 112].iter().map(|&n| (RU.event_count)(n)).collect();
        assert_eq!(
            forms,
            [
                "1 событие",
                "2 события",
                "5 событий",
                "11 событий",
                "21 событие",
                "22 события",
                "25 событий",
                "111 событий",
                "112 событий"
            ]
        );
        assert_eq!((EN.event_count)(1), "1 event");
        assert_eq!((EN.event_count)(100_000), "100,000 events");
        assert_eq!((RU.event_count)(100_000), "100\u{a0}000 событий");
        assert_eq!(group_digits(999, ','), "999");
        assert_eq!(group_digits(1_234_567, ','), "1,234,567");
    }

    #[test]
    fn the_browser_language_chooses_the_interface() {
        let tags = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(for_browser(&tags(&["ru-RU", "en"])).code, "ru");
        assert_eq!(for_browser(&tags(&["kk-KZ"])).code, "ru");
        assert_eq!(for_browser(&tags(&["de-DE", "en-US"])).code, "en");
        assert_eq!(for_browser(&tags(&["fr"])).code, "en");
        assert_eq!(for_browser(&[]).code, "en");
    }
}
