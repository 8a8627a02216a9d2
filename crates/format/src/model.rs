//! The bundle format, version 1: the JSON the viewer loads and the importer writes.
//!
//! Readers ignore fields they do not know, so later versions can add fields without
//! breaking older viewers; a change that would mislead an old reader bumps
//! [`FORMAT_VERSION`] instead. A field that may be left out is written with the value it
//! then has (`lang: String = "en".to_owned()`); one without must be present. Each struct
//! is declared once, with [`record!`], which writes its decoding too ([`crate::decode`]).

use crate::decode::record;
use crate::text::WebUrl;
use serde::Serialize;

/// The only bundle format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

record! {
    /// A set of releases, as one JSON file.
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct Bundle {
        pub format: u32,
        pub issues: Vec<Issue> = Vec::new(),
    }
}

impl Default for Bundle {
    fn default() -> Self {
        Bundle { format: FORMAT_VERSION, issues: Vec::new() }
    }
}

record! {
    /// One Information Release.
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct Issue {
        /// The release's number within its year (`#15`).
        pub number: u32,
        pub year: i32,
        /// Language of the release's text (BCP 47, e.g. `en`, `ru`).
        pub lang: String = "en".to_owned(),
        pub period: Period,
        pub title: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        pub subtitle: String = String::new(),
        /// Where it was issued, as printed on the cover (`Almaty`).
        #[serde(skip_serializing_if = "String::is_empty")]
        pub place: String = String::new(),
        pub publisher: Publisher = Publisher::default(),
        pub summary: Summary = Summary::default(),
        pub contents: Vec<ContentsEntry> = Vec::new(),
        pub events: Vec<Event> = Vec::new(),
    }
}

record! {
    /// Inclusive date range the release covers, as ISO 8601 dates (`2025-08-01`).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct Period {
        pub from: String,
        pub to: String,
    }
}

record! {
    /// The editorial address block, each field as printed.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    pub struct Publisher {
        #[serde(skip_serializing_if = "String::is_empty")]
        pub name: String = String::new(),
        #[serde(skip_serializing_if = "String::is_empty")]
        pub address: String = String::new(),
        #[serde(skip_serializing_if = "String::is_empty")]
        pub phone: String = String::new(),
        #[serde(skip_serializing_if = "String::is_empty")]
        pub fax: String = String::new(),
        #[serde(skip_serializing_if = "String::is_empty")]
        pub email: String = String::new(),
        #[serde(skip_serializing_if = "String::is_empty")]
        pub website: String = String::new(),
        /// Other imprint lines as printed (the citation line, "Circulation in PDF format").
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub imprint: Vec<String> = Vec::new(),
    }
}

record! {
    /// The release's own overview: its text and what it states per country.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    pub struct Summary {
        pub paragraphs: Vec<String> = Vec::new(),
        /// Total number of events the summary states, if it states one.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub total: Option<u32> = None,
        /// Per-country event counts as the summary states them (which may disagree with the events).
        pub counts: Vec<CountryCount> = Vec::new(),
        /// What each country's events were about, as the summary puts it.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub topics: Vec<CountryTopic> = Vec::new(),
    }
}

record! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct CountryCount {
        pub country: String,
        /// The country as the summary names it (`Kyrgyzstan`).
        pub label: String,
        pub count: u32,
    }
}

record! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct CountryTopic {
        pub country: String,
        pub text: String,
    }
}

record! {
    /// One line of the printed contents list.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct ContentsEntry {
        /// The entry as printed, typos included (`KYRGYZ PEPUBLIC`).
        pub title: String,
        /// The country the entry refers to, when it could be recognised.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub country: Option<String> = None,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub page: Option<u32> = None,
    }
}

record! {
    /// One media report.
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct Event {
        /// Stable across re-imports of the same text: `{year}-{number}-{country}-{n}`.
        pub id: String,
        /// Lowercase ISO 3166-1 alpha-2 code of the section the event is printed under.
        pub country: String,
        pub title: String,
        /// The outlet byline, when the release prints one (`TOPNEWS.KG`).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub outlet: Option<String> = None,
        /// Plain text, markup removed, page-break splits joined back.
        pub paragraphs: Vec<String> = Vec::new(),
        pub sources: Vec<Source> = Vec::new(),
        /// What the importer read in the text (drugs, amounts, kinds of event); absent when
        /// it was not read, as in bundles written before there were facts.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub facts: Option<Facts> = None,
    }
}

record! {
    /// A source link as printed, and what the importer found out about it.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct Source {
        /// As printed.
        pub url: String,
        /// The link cannot work as printed (its host is not a valid internationalised
        /// domain name): readers show it as text rather than a link that leads nowhere.
        #[serde(skip_serializing_if = "is_false")]
        pub broken: bool = false,
        /// For a broken link, `url` with the host it most likely meant (`xn--p1ai` for a
        /// printed `xn--plai`), when the importer could tell: readers offer it, marked as
        /// corrected. Decoding refuses a value that is not an http(s) URL.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub corrected: Option<WebUrl> = None,
    }
}

impl Source {
    /// A link as printed, with nothing known against it.
    pub fn printed(url: impl Into<String>) -> Source {
        Source { url: url.into(), broken: false, corrected: None }
    }

    /// The address a reader can follow: the printed one, or for a broken link its
    /// correction, if any.
    pub fn followable(&self) -> Option<&str> {
        if self.broken {
            self.corrected.as_ref().map(WebUrl::as_str)
        } else {
            Some(&self.url)
        }
    }
}

/// Leaves `false` flags out of the JSON: absent reads as `false`.
fn is_false(flag: &bool) -> bool {
    !flag
}

record! {
    /// The facts the importer read in an event's text, each with the place it was read.
    /// Read by rules, not by a person: readers say so. An event with facts but no kind is
    /// of none of the kinds the rules know ("other").
    #[derive(Debug, Clone, Default, PartialEq, Serialize)]
    pub struct Facts {
        /// The drugs named, each once, at its first mention.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub drugs: Vec<DrugFact> = Vec::new(),
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub quantities: Vec<QuantityFact> = Vec::new(),
        /// The kinds of event the text tells, each once, where it first tells it.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub kinds: Vec<KindFact> = Vec::new(),
    }
}

record! {
    /// Where a fact was read: the title (no `p`) or paragraph `p`, characters `from..to`
    /// (counted in Unicode scalar values, as Rust's `chars` and JavaScript's code points).
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
    pub struct Place {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub p: Option<u32> = None,
        pub from: u32,
        pub to: u32,
    }
}

record! {
    /// A drug the event names (an id of the drug table: `heroin`).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct DrugFact {
        pub drug: String,
        pub at: Place,
    }
}

record! {
    /// An amount the event gives.
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct QuantityFact {
        /// The amount; absent when the number reads two ways (then `readings` has both).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub amount: Option<f64> = None,
        /// Both readings of a number that reads two ways (`5,065`: 5.065 and 5065),
        /// decimal first: the text does not say which, so neither is chosen.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub readings: Vec<f64> = Vec::new(),
        /// The upper end of a range (`2–3 kg`).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub to: Option<f64> = None,
        /// `g`, `kg`, `t`, `ml`, `l`, `tablets`, `capsules`, `doses`, `plants`, `packets`, `ampoules`.
        pub unit: String,
        /// The drug it is an amount of, when the sentence says.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub drug: Option<String> = None,
        /// Printed as approximate (“about”, “more than”, «около»).
        #[serde(skip_serializing_if = "is_false")]
        pub approximate: bool = false,
        pub at: Place,
    }
}

impl QuantityFact {
    /// Whether the number reads two ways.
    pub fn ambiguous(&self) -> bool {
        !self.readings.is_empty()
    }
}

record! {
    /// A kind of event the text tells (`seizure`, `arrest`, `laboratory`,
    /// `trafficking-group`, `sentence`, `prevention`, `cooperation`).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct KindFact {
        pub kind: String,
        pub at: Place,
    }
}
