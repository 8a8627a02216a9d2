//! The bundle format, version 1: the JSON the viewer loads and the importer writes.
//!
//! Readers ignore fields they do not know, so later versions can add fields without
//! breaking older viewers; a change that would mislead an old reader bumps
//! [`FORMAT_VERSION`] instead. Which fields may be left out, and their values then, is
//! written with the decoding, in [`crate::decode`] (`lang` is `en`, lists are empty).

use serde::Serialize;

/// The only bundle format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A set of releases, as one JSON file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bundle {
    pub format: u32,
    pub issues: Vec<Issue>,
}

impl Default for Bundle {
    fn default() -> Self {
        Bundle { format: FORMAT_VERSION, issues: Vec::new() }
    }
}

/// One Information Release.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// The release's number within its year (`#15`).
    pub number: u32,
    pub year: i32,
    /// Language of the release's text (BCP 47, e.g. `en`, `ru`).
    pub lang: String,
    pub period: Period,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub subtitle: String,
    /// Where it was issued, as printed on the cover (`Almaty`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    pub publisher: Publisher,
    pub summary: Summary,
    pub contents: Vec<ContentsEntry>,
    pub events: Vec<Event>,
}

/// Inclusive date range the release covers, as ISO 8601 dates (`2025-08-01`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

/// The editorial address block, each field as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Publisher {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub fax: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub website: String,
    /// Other imprint lines as printed (the citation line, "Circulation in PDF format").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub imprint: Vec<String>,
}

/// The release's own overview: its text and what it states per country.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub paragraphs: Vec<String>,
    /// Total number of events the summary states, if it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Per-country event counts as the summary states them (which may disagree with the events).
    pub counts: Vec<CountryCount>,
    /// What each country's events were about, as the summary puts it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<CountryTopic>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryCount {
    pub country: String,
    /// The country as the summary names it (`Kyrgyzstan`).
    pub label: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryTopic {
    pub country: String,
    pub text: String,
}

/// One line of the printed contents list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentsEntry {
    /// The entry as printed, typos included (`KYRGYZ PEPUBLIC`).
    pub title: String,
    /// The country the entry refers to, when it could be recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// One media report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Stable across re-imports of the same text: `{year}-{number}-{country}-{n}`.
    pub id: String,
    /// Lowercase ISO 3166-1 alpha-2 code of the section the event is printed under.
    pub country: String,
    pub title: String,
    /// The outlet byline, when the release prints one (`TOPNEWS.KG`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Plain text, markup removed, page-break splits joined back.
    pub paragraphs: Vec<String>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub url: String,
}
