//! English.

use super::{group_digits, Messages};

fn count(n: usize) -> String {
    group_digits(n, ',')
}

fn events(n: usize) -> &'static str {
    if n == 1 {
        "event"
    } else {
        "events"
    }
}

pub static EN: Messages = Messages {
    code: "en",
    name: "English",
    language_label: "Language",
    site_name: "CARICC Information Releases",
    loading: "Loading releases…",
    load_failed: "The releases could not be loaded",
    load_failed_hint: "If you have a bundle file, open it with “Open bundle…” above or drop it on this page.",
    no_releases: "This bundle holds no releases.",
    release_label: "Release",
    open_bundle: "Open bundle…",
    bundle_fetched: |url| format!("Bundle: {url}"),
    bundle_saved_copy: |url, date| format!("Offline: showing the copy of {url} saved {date}; it may be out of date."),
    bundle_embedded: "Offline edition: the releases are saved in this file.",
    bundle_file: |name| format!("Bundle: {name} (opened from this computer)"),
    download_offline: "Download for offline reading",
    release_heading: |number| format!("Information Release #{number}"),
    release_option: |number, period| format!("#{number} · {period}"),
    summary: "Summary",
    stated_counts: "Events per country, as the release states",
    contents: "Contents",
    events: "Events",
    event_count: |n| format!("{} {}", count(n), events(n)),
    event_word: events,
    search_label: "Search events",
    search_all: "Search all releases",
    result_count: |n, query, all| {
        let place = if all { " in all releases" } else { "" };
        match n {
            0 => format!("No events match “{query}”{place}."),
            1 => format!("1 event matches “{query}”{place}."),
            n => format!("{} events match “{query}”{place}.", count(n)),
        }
    },
    in_country: |n, country| match n {
        0 => format!(" None in {country}."),
        n => format!(" {} in {country}.", count(n)),
    },
    countries: "Countries",
    all_countries: "All",
    topic: |topic| format!("In this release: {topic}."),
    empty_here_but_elsewhere: |n| {
        format!("No events in this country match the search; {} in other countries (see the “All” tab).", count(n))
    },
    empty_search_all: "No events match this search in any release. Try fewer or other words.",
    empty_search_release:
        "No events match this search in this release. Try fewer or other words, or search all releases.",
    empty_release: "This release has no events here.",
    showing: |shown, total| format!("Showing {} of {} events.", count(shown), count(total)),
    show_more: |n| format!("Show {} more", count(n)),
    show_full_text: "Show full text",
    show_less: "Show less",
    copy_citation: "Copy citation",
    citation_copied: "Citation copied",
    copy_unavailable: "Copying is not available here; the citation is: ",
    permalink: "Link to this event",
    sources: "Sources",
    corrected_link: |host| format!("corrected link: {host}"),
    event_release: |number, period| format!("Release #{number} · {period}"),
    citation: |number, period, title, outlet| {
        let outlet = if outlet.is_empty() { String::new() } else { format!(", {outlet}") };
        format!("CARICC Information Release #{number} ({period}): “{title}”{outlet}.")
    },
    release_not_found: |key| format!("Release {key} is not in this bundle; showing another release."),
    event_not_found: |id| format!("The event “{id}” is not in this bundle."),
    country_not_found: |country| format!("This release has no events for {country}; showing all countries."),
    content_fallback: |language| format!("This release is not available in English; showing it in {language}."),
    editorial_address: "Editorial address",
    phone: |phone| format!("Tel.: {phone}"),
    fax: |fax| format!("Fax: {fax}"),
    page_title: |number, period, country| {
        let country = if country.is_empty() { String::new() } else { format!(" · {country}") };
        format!("Information Release #{number} · {period}{country} — CARICC")
    },
    error_fetch: |url, message| format!("Could not fetch {url}: {message}"),
    error_status: |url, status, text| format!("Could not fetch {url}: the server answered {status} {text}"),
    error_other_site: |url| {
        format!("{url} is on another site: this viewer only loads bundles from its own site, so that no link can show another site's text as CARICC releases")
    },
    error_too_large: |name, size| {
        format!("{name} is {size} bytes; the viewer opens bundles of at most 268435456 bytes")
    },
    error_read: |name, message| format!("Could not read {name}: {message}"),
    error_not_utf8: |name, line, offset| format!("{name}: line {line}: not UTF-8 text (byte {offset} is invalid)"),
    error_decode: |url, reason| format!("{url} is not a bundle this viewer can read: {reason}"),
    error_manifest_file: |name| {
        format!("{name} is the manifest of an archive kept in separate files, which opens only from its site. Open a single-file bundle instead.")
    },
    loading_release: |number| format!("Loading release #{number}…"),
    archive_reading_index: "Looking up which releases may hold these words…",
    archive_too_short: "To search every release, type a word of at least three letters. Until then only the releases already opened are searched.",
    archive_searching: |n| format!("Searching {} {}…", count(n), if n == 1 { "release" } else { "releases" }),
    archive_partial: |searched, total| {
        format!("Showing matches in the newest {} of the {} releases that may hold these words.", count(searched), count(total))
    },
    archive_search_more: |n| format!("Search {} more {}", count(n), if n == 1 { "release" } else { "releases" }),
    json_syntax: |line, column, message| format!("not valid JSON at line {line}, column {column}: {message}"),
    json_format: |found| format!("unsupported bundle format {found} at $.format: this viewer reads format 1"),
    json_limit_hint: "the viewer's limits keep a wrong file from freezing the page",
    filters: "Filter by what the text tells",
    filter_drug: "Drug",
    filter_kind: "Kind of event",
    any_drug: "All drugs",
    any_kind: "All kinds",
    filter_from: "From",
    filter_to: "To",
    clear_filters: "Clear filters",
    filtered_count: |n| format!("{} {} the filters.", count(n), if n == 1 { "event matches" } else { "events match" }),
    empty_filters: "No events match these filters.",
    facts_note: "Drugs, amounts and kinds of event are read from the media text automatically, by rules, and may be wrong: each one shows the sentence it was read from.",
    facts_label: "Facts read from the text",
    kind_name: |kind| {
        match kind {
            "seizure" => "Seizure",
            "arrest" => "Arrest",
            "laboratory" => "Laboratory dismantled",
            "trafficking-group" => "Trafficking group dismantled",
            "sentence" => "Court sentence",
            "prevention" => "Prevention and awareness",
            "cooperation" => "International cooperation",
            "other" => "Other",
            other => other,
        }
        .to_owned()
    },
    unit_name: |unit, amount| {
        let one = amount == 1.0;
        match unit {
            "tablets" if one => "tablet",
            "capsules" if one => "capsule",
            "doses" if one => "dose",
            "plants" if one => "plant",
            "packets" if one => "packet",
            "ampoules" if one => "ampoule",
            other => other,
        }
        .to_owned()
    },
    number: |value| super::format_number(value, ',', '.'),
    either: |one, other| format!("{one} or {other}"),
    show_insights: "Charts and downloads",
    insights_heading: |n| format!("What the {} shown hold", if n == 1 { "event".to_owned() } else { format!("{} events", count(n)) }),
    chart_months: "Events per month, by country",
    chart_amounts: |unit| format!("Amounts seized per month, in {unit}, by drug (a range at its lower end)"),
    chart_kinds: "Events by kind",
    month: "Month",
    total: "Total",
    drug_not_stated: "drug not stated",
    approximate_counted: |n| format!("{} of these {} printed as approximate and counted at their value.", count(n), if n == 1 { "amount is" } else { "amounts are" }),
    ambiguous_left_out: |n| format!("{} {} that can be read two ways (such as 5,065 kg) {} left out.", count(n), if n == 1 { "amount" } else { "amounts" }, if n == 1 { "is" } else { "are" }),
    not_read: |n| format!("{} {} no facts read (from a bundle older than the facts).", count(n), if n == 1 { "event has" } else { "events have" }),
    download_events: |n| format!("Download the {} shown:", if n == 1 { "event".to_owned() } else { format!("{} events", count(n)) }),
    download_events_csv: "CSV, a row per event",
    download_amounts_csv: "CSV, a row per amount",
    download_json: "JSON bundle",
    archive_filters_partial: |opened, total| {
        format!(
            "The filters reach the {} opened so far of the archive's {}: type words to search every release.",
            if opened == 1 { "release".to_owned() } else { format!("{} releases", count(opened)) },
            count(total)
        )
    },
};
