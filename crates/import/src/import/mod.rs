//! Release text (as extracted from the PDF) → one [`Issue`], with a report of everything
//! the importer was unsure of. Every non-blank input line is accounted for: it lands in
//! the issue (cover, publisher, contents, summary, an event) or in the report as unplaced.
//!
//! The text is read as blocks of consecutive non-blank lines, each cut into segments
//! (a heading, source links, or text), which a small state machine places by where it
//! stands: front matter, contents list, summary, then country sections of events.

use crate::sources::{source_problem, valid_hosts};
use caricc_format::country::{self, Country, Recognised};
use caricc_format::date::Date;
use caricc_format::model::{
    ContentsEntry, CountryCount, CountryTopic, Event, Issue, Period, Publisher, Source, Summary,
};
use caricc_format::text::{
    ends_sentence, ends_with_connective, excerpt, fold_whitespace, is_invisible, match_key, starts_lowercase,
    strip_markup,
};
use period::{parse_period, parse_period_in_words, strip_year_mark, DASHES};
use segment::{blocks, is_contents_line, parse_contents_line, segments, Segment, SegmentKind};
use std::collections::HashSet;
use thiserror::Error;

mod period;
mod report;
mod segment;

pub use report::{LinePlacement, Placement, Report, Warning, WarningKind};

/// Release texts are tens of kilobytes; anything this large is the wrong file.
pub const MAX_RELEASE_BYTES: usize = 8 * 1024 * 1024;

/// Why a text could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes; a release text is at most {MAX_RELEASE_BYTES} bytes (8 MiB): is this the right file?")]
    TooLarge { size: usize },
    #[error("line {line}: not text: {what}")]
    Binary { line: usize, what: String },
    #[error("not a release text: {missing} (read {lines} lines)")]
    NotARelease { missing: String, lines: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub issue: Issue,
    pub report: Report,
}

/// Choices the caller can make; the defaults suit the releases CARICC publishes.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The release's language; detected from its script when `None`.
    pub lang: Option<String>,
}

/// Checks that raw file bytes are release text and returns them as a string: not empty,
/// not too large, UTF-8, no binary control characters. A leading byte-order mark is dropped.
pub fn decode_release_bytes(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_RELEASE_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = std::str::from_utf8(bytes).map_err(|error| ImportError::Binary {
        line: line_of(error.valid_up_to()),
        what: format!("byte {} is not valid UTF-8 (release texts are UTF-8)", error.valid_up_to()),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((offset, c)) =
        text.char_indices().find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        let offset = offset + (bytes.len() - text.len());
        return Err(ImportError::Binary {
            line: line_of(offset),
            what: format!("control character U+{:04X}", c as u32),
        });
    }
    Ok(text)
}

/// Imports one release text.
pub fn import_release(text: &str, options: &ImportOptions) -> Result<Import, ImportError> {
    if text.len() > MAX_RELEASE_BYTES {
        return Err(ImportError::TooLarge { size: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut importer = Importer::default();
    for (index, line) in text.lines().enumerate() {
        if let Some(c) = line.chars().find(|&c| is_invisible(c) && c != '\u{ad}') {
            let message = format!(
                "contains the invisible character U+{:04X}; the text may display differently from what it says",
                c as u32
            );
            importer.warn(index + 1, WarningKind::Invisible, message);
        }
    }
    for block in blocks(text) {
        for segment in segments(&block) {
            importer.place(segment);
        }
    }
    importer.finish(text, options)
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Phase {
    #[default]
    Front,
    Contents,
    Summary,
    Body,
}

/// What the last front-matter heading announced, so the text under it lands in the right field.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum FrontField {
    #[default]
    None,
    CoverTitle,
    PublisherName,
    Address,
}

/// An event while it is being read.
struct Draft {
    country: &'static str,
    title: String,
    outlet: Option<String>,
    paragraphs: Vec<String>,
    sources: Vec<Source>,
    title_line: usize,
}

#[derive(Default)]
struct Importer {
    phase: Phase,
    front_field: FrontField,
    cover_title: Vec<String>,
    period: Option<(Date, Date)>,
    number: Option<u32>,
    place: String,
    publisher: Publisher,
    citation_title: Option<String>,
    /// Match keys of front-matter lines, to recognise their repeat on the back cover.
    front_keys: HashSet<String>,
    contents: Vec<(usize, ContentsEntry)>,
    summary_raw: Vec<(usize, String)>,
    section: Option<&'static Country>,
    sections_seen: Vec<(&'static str, usize)>,
    events: Vec<Draft>,
    /// Every source link with its line, checked once all are known.
    source_lines: Vec<(usize, String)>,
    placements: Vec<LinePlacement>,
    warnings: Vec<Warning>,
}

impl Importer {
    fn place(&mut self, segment: Segment) {
        match self.phase {
            Phase::Front => self.place_front(segment),
            Phase::Contents => self.place_contents(segment),
            Phase::Summary => self.place_summary(segment),
            Phase::Body => self.place_body(segment),
        }
    }

    fn mark(&mut self, lines: std::ops::Range<usize>, placement: Placement) {
        self.placements.extend(lines.map(|line| LinePlacement { line, placement }));
    }

    fn warn(&mut self, line: usize, kind: WarningKind, message: String) {
        self.warnings.push(Warning { line, kind, message });
    }

    fn unplaced(&mut self, segment: &Segment, why: &str) {
        self.mark(segment.line_numbers(), Placement::Unplaced);
        let message = format!("{why}: “{}”", excerpt(&segment.text(), 80));
        self.warn(segment.first_line, WarningKind::Unplaced, message);
    }

    /// A heading that starts the body: a country section or, if none is open, an orphan title.
    fn is_section_start(&self, segment: &Segment) -> bool {
        matches!(&segment.kind, SegmentKind::Heading { raw } if country::recognise(raw).is_some())
    }

    fn place_front(&mut self, segment: Segment) {
        if self.is_section_start(&segment) {
            self.phase = Phase::Body;
            return self.place_body(segment);
        }
        match &segment.kind {
            SegmentKind::Heading { raw } => {
                let key = match_key(raw);
                if is_contents_heading(&key) {
                    self.phase = Phase::Contents;
                    self.mark(segment.line_numbers(), Placement::Contents);
                    return;
                }
                let placement = if is_release_title(&key) && self.cover_title.is_empty() {
                    self.front_field = FrontField::CoverTitle;
                    self.cover_title.push(strip_markup(raw));
                    Placement::Cover
                } else if key.starts_with("INFORMATION RELEASE") || key.starts_with("ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ")
                {
                    self.front_field = FrontField::PublisherName;
                    Placement::Publisher
                } else if key.contains("EDITORIAL ADDRESS") || key.contains("АДРЕС РЕДАКЦИИ") {
                    self.front_field = FrontField::Address;
                    Placement::Publisher
                } else if self.front_field == FrontField::CoverTitle {
                    self.cover_title.push(strip_markup(raw));
                    Placement::Cover
                } else {
                    self.publisher.imprint.push(strip_markup(raw));
                    Placement::Publisher
                };
                self.remember_front(&segment);
                self.mark(segment.line_numbers(), placement);
            }
            SegmentKind::Sources(_) => self.unplaced(&segment, "link before the release's first section"),
            SegmentKind::Text => {
                if looks_like_summary(&segment.text()) {
                    self.phase = Phase::Summary;
                    return self.place_summary(segment);
                }
                self.remember_front(&segment);
                self.place_front_lines(&segment);
            }
        }
    }

    fn remember_front(&mut self, segment: &Segment) {
        self.front_keys.extend(segment.lines.iter().map(|line| match_key(line)).filter(|key| !key.is_empty()));
    }

    /// Front-matter text, line by line: contact details and cover facts are recognised by
    /// their form; runs of other lines fill the field the last heading announced.
    fn place_front_lines(&mut self, segment: &Segment) {
        let mut pending: Vec<String> = Vec::new();
        let mut pending_lines = 0..0;
        let mut in_citation = false;
        for (offset, raw_line) in segment.lines.iter().enumerate() {
            let line_number = segment.first_line + offset;
            let line = strip_markup(raw_line);
            if in_citation || line.starts_with('«') {
                in_citation = !line.contains('»');
                if pending_lines.is_empty() {
                    pending_lines = line_number..line_number;
                }
                pending.push(line);
                pending_lines.end = line_number + 1;
                if !in_citation {
                    self.take_citation(&pending.join(" "));
                    self.mark(pending_lines.clone(), Placement::Publisher);
                    pending.clear();
                    pending_lines = 0..0;
                }
                continue;
            }
            if let Some(placement) = self.front_fact(&line) {
                self.flush_front_text(&mut pending, &mut pending_lines);
                self.mark(line_number..line_number + 1, placement);
            } else {
                if pending_lines.is_empty() {
                    pending_lines = line_number..line_number;
                }
                pending.push(line);
                pending_lines.end = line_number + 1;
            }
        }
        self.flush_front_text(&mut pending, &mut pending_lines);
    }

    /// A line whose form says what it is (period, number, place, phone, fax, e-mail).
    fn front_fact(&mut self, line: &str) -> Option<Placement> {
        if let Some(period) = parse_period(line) {
            self.period.get_or_insert(period);
            return Some(Placement::Cover);
        }
        if let Some(number) = parse_number(line) {
            self.number.get_or_insert(number);
            return Some(Placement::Cover);
        }
        if let Some(place) = parse_place_year(line) {
            if self.place.is_empty() {
                self.place = place;
            }
            return Some(Placement::Cover);
        }
        let key = match_key(line);
        if let Some(value) = labelled(line, &key, &["TEL", "PHONE", "ТЕЛ"]) {
            self.publisher.phone = value;
        } else if let Some(value) = labelled(line, &key, &["FAX", "ФАКС"]) {
            self.publisher.fax = value;
        } else if line.contains('@') || line.to_ascii_lowercase().starts_with("www.") {
            for word in line.split_whitespace() {
                if word.contains('@') && self.publisher.email.is_empty() {
                    self.publisher.email = word.to_owned();
                } else if self.publisher.website.is_empty() {
                    self.publisher.website = word.to_owned();
                } else {
                    self.publisher.imprint.push(word.to_owned());
                }
            }
        } else {
            return None;
        }
        Some(Placement::Publisher)
    }

    fn flush_front_text(&mut self, pending: &mut Vec<String>, lines: &mut std::ops::Range<usize>) {
        if pending.is_empty() {
            return;
        }
        let text = fold_whitespace(&pending.join(" "));
        let placement = match self.front_field {
            FrontField::CoverTitle => {
                self.cover_title.push(text);
                Placement::Cover
            }
            FrontField::PublisherName if self.publisher.name.is_empty() => {
                self.publisher.name = text;
                Placement::Publisher
            }
            FrontField::Address if self.publisher.address.is_empty() => {
                self.publisher.address = text;
                Placement::Publisher
            }
            _ => {
                self.publisher.imprint.push(text);
                Placement::Publisher
            }
        };
        self.mark(lines.clone(), placement);
        pending.clear();
        *lines = 0..0;
    }

    /// `«Information Release about past events…», #15, 2025` (or `«Информационный
    /// бюллетень…», №15, 2025`) names the release in running text.
    fn take_citation(&mut self, citation: &str) {
        let citation = fold_whitespace(citation);
        if let (Some(open), Some(close)) = (citation.find('«'), citation.find('»')) {
            if open < close {
                let title = citation[open + '«'.len_utf8()..close].trim();
                if !title.is_empty() {
                    self.citation_title.get_or_insert_with(|| title.to_owned());
                }
                if self.number.is_none() {
                    self.number = citation[close..]
                        .split(|c: char| !c.is_ascii_digit() && c != '#' && c != '№')
                        .find_map(parse_number);
                }
            }
        }
        self.publisher.imprint.push(citation);
    }

    fn place_contents(&mut self, segment: Segment) {
        if self.is_section_start(&segment) && !segment.lines.iter().any(|l| is_contents_line(&strip_markup(l))) {
            self.phase = Phase::Body;
            return self.place_body(segment);
        }
        let entries: Vec<_> = segment.lines.iter().map(|line| parse_contents_line(&strip_markup(line))).collect();
        if entries.iter().all(Option::is_none) || matches!(segment.kind, SegmentKind::Sources(_)) {
            self.phase = Phase::Summary;
            return self.place_summary(segment);
        }
        for (offset, entry) in entries.into_iter().enumerate() {
            let line = segment.first_line + offset;
            match entry {
                Some((title, page)) => {
                    let country = match country::recognise(&title) {
                        Some(Recognised::Exactly(country)) => Some(country.code.to_owned()),
                        Some(Recognised::Approximately(country)) => {
                            let message =
                                format!("contents entry “{title}” read as {} ({})", country.name_en, country.code);
                            self.warn(line, WarningKind::Typo, message);
                            Some(country.code.to_owned())
                        }
                        None => None,
                    };
                    self.contents.push((line, ContentsEntry { title, country, page }));
                    self.mark(line..line + 1, Placement::Contents);
                }
                None => {
                    let text = strip_markup(segment.lines[offset]);
                    self.mark(line..line + 1, Placement::Unplaced);
                    self.warn(
                        line,
                        WarningKind::Unplaced,
                        format!("line in the contents list not read as an entry: “{}”", excerpt(&text, 80)),
                    );
                }
            }
        }
    }

    fn place_summary(&mut self, segment: Segment) {
        match &segment.kind {
            SegmentKind::Heading { .. } => {
                self.phase = Phase::Body;
                self.place_body(segment)
            }
            SegmentKind::Sources(_) => self.unplaced(&segment, "link in the summary, outside any event"),
            SegmentKind::Text => {
                self.summary_raw.push((segment.first_line, segment.joined()));
                self.mark(segment.line_numbers(), Placement::Summary);
            }
        }
    }

    fn place_body(&mut self, segment: Segment) {
        match &segment.kind {
            SegmentKind::Heading { raw } => match country::recognise(raw) {
                Some(recognised) => {
                    let country = recognised.country();
                    if let Recognised::Approximately(_) = recognised {
                        let message = format!(
                            "section heading “{}” read as {} ({})",
                            strip_markup(raw),
                            country.name_en,
                            country.code
                        );
                        self.warn(segment.first_line, WarningKind::Typo, message);
                    }
                    self.section = Some(country);
                    self.sections_seen.push((country.code, segment.first_line));
                    self.mark(segment.line_numbers(), Placement::Section);
                }
                None => self.start_event(&segment, raw),
            },
            SegmentKind::Sources(urls) => {
                let urls = urls.clone();
                match self.events.last_mut() {
                    Some(event) => {
                        event.sources.extend(urls.iter().map(|url| Source { url: url.clone() }));
                        let index = self.events.len() - 1;
                        self.mark(segment.line_numbers(), Placement::Event(index));
                        let first_line = segment.first_line;
                        self.source_lines
                            .extend(urls.into_iter().enumerate().map(|(offset, url)| (first_line + offset, url)));
                    }
                    None => self.unplaced(&segment, "link before any event"),
                }
            }
            SegmentKind::Text => self.place_body_text(&segment),
        }
    }

    fn start_event(&mut self, segment: &Segment, raw: &str) {
        let Some(country) = self.section else {
            return self.unplaced(segment, "event title before any country section");
        };
        let (outlet, title) = split_outlet(raw);
        // A title broken by a page break arrives as two headings in a row.
        if let Some(previous) = self.events.last_mut() {
            if previous.paragraphs.is_empty()
                && previous.sources.is_empty()
                && previous.country == country.code
                && outlet.is_none()
            {
                previous.title = format!("{} {}", previous.title, title);
                let index = self.events.len() - 1;
                return self.mark(segment.line_numbers(), Placement::Event(index));
            }
        }
        self.events.push(Draft {
            country: country.code,
            title,
            outlet,
            paragraphs: Vec::new(),
            sources: Vec::new(),
            title_line: segment.first_line,
        });
        let index = self.events.len() - 1;
        self.mark(segment.line_numbers(), Placement::Event(index));
    }

    fn place_body_text(&mut self, segment: &Segment) {
        let keys: Vec<String> = segment.lines.iter().map(|line| match_key(line)).collect();
        let repeats_front = keys.iter().all(|key| self.front_keys.contains(key));
        let is_page_number = segment.lines.len() == 1
            && segment.lines[0].trim().len() <= 3
            && segment.lines[0].trim().bytes().all(|b| b.is_ascii_digit());
        if repeats_front || is_page_number {
            return self.mark(segment.line_numbers(), Placement::PageFurniture);
        }
        let text = segment.text();
        let Some(index) = self.events.len().checked_sub(1) else {
            return self.unplaced(segment, "text before any event");
        };
        if !self.events[index].sources.is_empty() {
            let title = excerpt(&self.events[index].title, 60);
            self.warn(
                segment.first_line,
                WarningKind::Structure,
                format!("text after the source link of “{title}”; kept in that event"),
            );
        }
        let event = &mut self.events[index];
        match event.paragraphs.last_mut() {
            // A page break splits a paragraph into two: join them back.
            Some(last)
                if event.sources.is_empty()
                    && !ends_sentence(last)
                    && (starts_lowercase(&text) || ends_with_connective(last)) =>
            {
                last.push(' ');
                last.push_str(&text);
            }
            _ => event.paragraphs.push(text),
        }
        self.mark(segment.line_numbers(), Placement::Event(index));
    }

    fn finish(mut self, text: &str, options: &ImportOptions) -> Result<Import, ImportError> {
        let line_count = text.lines().count();
        let summary = self.read_summary();
        let period = self.period.or(summary.1);
        let mut missing = Vec::new();
        if self.number.is_none() {
            missing.push("no release number (like “#15”)");
        }
        if period.is_none() {
            missing.push("no period (like “1-15.08.2025”)");
        }
        if !missing.is_empty() && self.events.is_empty() {
            return Err(ImportError::NotARelease { missing: missing.join(", "), lines: line_count });
        }
        if self.number.is_none() {
            self.warn(0, WarningKind::Structure, "no release number (like “#15”) found; using 0".into());
        }
        if period.is_none() {
            self.warn(0, WarningKind::Structure, "no period (like “1-15.08.2025”) found".into());
        }
        let number = self.number.unwrap_or(0);
        let (from, to) = period.map_or((String::new(), String::new()), |(from, to)| (from.iso(), to.iso()));
        let year = period.map_or(0, |(from, _)| from.year);
        let lang = options.lang.clone().unwrap_or_else(|| detect_lang(text).to_owned());

        let mut per_country: Vec<(&str, u32)> = Vec::new();
        let mut events = Vec::with_capacity(self.events.len());
        for draft in std::mem::take(&mut self.events) {
            let ordinal = match per_country.iter_mut().find(|(code, _)| *code == draft.country) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    per_country.push((draft.country, 1));
                    1
                }
            };
            if draft.paragraphs.is_empty() {
                self.warn(
                    draft.title_line,
                    WarningKind::Structure,
                    format!("event “{}” has no text", excerpt(&draft.title, 60)),
                );
            }
            if draft.sources.is_empty() {
                self.warn(
                    draft.title_line,
                    WarningKind::Structure,
                    format!("event “{}” has no source link", excerpt(&draft.title, 60)),
                );
            }
            events.push(Event {
                id: format!("{year}-{number}-{}-{ordinal}", draft.country),
                country: draft.country.to_owned(),
                title: draft.title,
                outlet: draft.outlet,
                paragraphs: draft.paragraphs,
                sources: draft.sources,
            });
        }
        let summary = summary.0;
        let known_hosts = valid_hosts(self.source_lines.iter().map(|(_, url)| url.as_str()));
        for (line, url) in std::mem::take(&mut self.source_lines) {
            if let Some(problem) = source_problem(&url, &known_hosts) {
                self.warn(line, WarningKind::SuspiciousSource, format!("source {url}: {problem}"));
            }
        }
        self.compare_counts(&summary, &per_country);
        self.compare_contents(&per_country);

        let title = self.citation_title.clone().unwrap_or_else(|| fold_whitespace(&self.cover_title.join(" ")));
        let subtitle = self.cover_title.last().and_then(|last| trailing_parenthetical(last)).unwrap_or_default();
        let issue = Issue {
            number,
            year,
            lang,
            period: Period { from, to },
            title,
            subtitle,
            place: self.place.clone(),
            publisher: std::mem::take(&mut self.publisher),
            summary,
            contents: std::mem::take(&mut self.contents).into_iter().map(|(_, entry)| entry).collect(),
            events,
        };
        self.placements.sort_by_key(|p| p.line);
        self.warnings.sort_by_key(|w| w.line);
        Ok(Import { issue, report: Report { warnings: self.warnings, placements: self.placements } })
    }

    /// The summary's paragraphs, with the counts, total and topics they state, and the
    /// period if the text states one ("from 1 to 15 August 2025").
    fn read_summary(&mut self) -> (Summary, Option<(Date, Date)>) {
        let mut summary = Summary::default();
        let mut period = None;
        for (line, raw) in std::mem::take(&mut self.summary_raw) {
            let text = strip_markup(&raw);
            if summary.total.is_none() {
                summary.total = stated_total(&text);
            }
            period = period.or_else(|| parse_period_in_words(&text));
            for (label, count) in stated_counts(&text) {
                match country::recognise(&label) {
                    Some(recognised) => {
                        let country = recognised.country().code.to_owned();
                        summary.counts.push(CountryCount { country, label, count });
                    }
                    None => self.warn(
                        line,
                        WarningKind::Unplaced,
                        format!("the summary counts “{label} – {count}”, which is not a country this importer knows"),
                    ),
                }
            }
            summary.topics.extend(stated_topics(&raw));
            summary.paragraphs.push(text);
        }
        if summary.paragraphs.is_empty() {
            self.warn(0, WarningKind::Structure, "no summary found before the first section".into());
        }
        (summary, period)
    }

    fn compare_counts(&mut self, summary: &Summary, found: &[(&str, u32)]) {
        let found_count = |code: &str| found.iter().find(|(c, _)| *c == code).map_or(0, |(_, n)| *n);
        for stated in &summary.counts {
            let actual = found_count(&stated.country);
            if actual != stated.count {
                let message = format!(
                    "the summary states {} – {}, but {actual} events were found under {}",
                    stated.label,
                    stated.count,
                    country::name_en(&stated.country)
                );
                self.warn(0, WarningKind::CountMismatch, message);
            }
        }
        if !summary.counts.is_empty() {
            for (code, actual) in found {
                if !summary.counts.iter().any(|stated| stated.country == *code) {
                    let message = format!(
                        "{actual} events were found under {}, which the summary does not count",
                        country::name_en(code)
                    );
                    self.warn(0, WarningKind::CountMismatch, message);
                }
            }
        }
        if let Some(total) = summary.total {
            let actual: u32 = found.iter().map(|(_, n)| n).sum();
            if actual != total {
                self.warn(
                    0,
                    WarningKind::CountMismatch,
                    format!("the summary states {total} events in all, but {actual} were found"),
                );
            }
        }
    }

    fn compare_contents(&mut self, found: &[(&str, u32)]) {
        if self.contents.is_empty() {
            return;
        }
        for (line, entry) in &self.contents {
            if let Some(code) = &entry.country {
                if !self.sections_seen.iter().any(|(seen, _)| seen == code) {
                    let message = format!("the contents list {} but the text has no such section", entry.title);
                    self.warnings.push(Warning { line: *line, kind: WarningKind::Structure, message });
                }
            }
        }
        for (code, _) in found {
            if !self.contents.iter().any(|(_, entry)| entry.country.as_deref() == Some(*code)) {
                let message = format!("{} has a section but no line in the contents", country::name_en(code));
                self.warnings.push(Warning { line: 0, kind: WarningKind::Structure, message });
            }
        }
    }
}

fn is_contents_heading(key: &str) -> bool {
    matches!(key, "CONTENTS" | "TABLE OF CONTENTS" | "СОДЕРЖАНИЕ" | "ОГЛАВЛЕНИЕ")
}

fn is_release_title(key: &str) -> bool {
    matches!(key, "INFORMATION RELEASE" | "ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ")
}

/// Long running text before any section: the release's overview.
fn looks_like_summary(text: &str) -> bool {
    text.chars().count() >= 100 && ends_sentence(text)
}

/// `tel.: +7 727 259 99 90` → `+7 727 259 99 90`, when the line starts with one of the labels.
fn labelled(line: &str, key: &str, labels: &[&str]) -> Option<String> {
    let first = key.split(' ').next()?;
    if !labels.contains(&first) {
        return None;
    }
    let value = match line.find(':') {
        Some(colon) => &line[colon + 1..],
        None => line.split_once(char::is_whitespace).map_or("", |(_, rest)| rest),
    };
    Some(value.trim().to_owned())
}

/// `**TOPNEWS.KG****DRUG OFFICERS…**` → outlet `TOPNEWS.KG`, title `DRUG OFFICERS…`.
/// The byline is a separate bold run, or a first word shaped like a domain name.
fn split_outlet(raw: &str) -> (Option<String>, String) {
    let runs: Vec<String> = raw.split("**").map(strip_markup).filter(|run| !run.is_empty()).collect();
    if runs.len() >= 2 && is_domain_like(&runs[0]) {
        return (Some(runs[0].clone()), runs[1..].join(" "));
    }
    let title = runs.join(" ");
    if let Some((first, rest)) = title.split_once(' ') {
        if is_domain_like(first) && !rest.is_empty() {
            return (Some(first.to_owned()), rest.to_owned());
        }
    }
    (None, title)
}

fn is_domain_like(word: &str) -> bool {
    let labels: Vec<&str> = word.split('.').collect();
    let Some(tld) = labels.last() else { return false };
    labels.len() >= 2
        && labels.iter().all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && (2..=10).contains(&tld.chars().count())
        && tld.chars().all(char::is_alphabetic)
}

/// `#15`, `№ 15`, `No. 15` standing alone.
fn parse_number(line: &str) -> Option<u32> {
    let line = line.trim();
    let rest = line
        .strip_prefix('#')
        .or_else(|| line.strip_prefix('№'))
        .or_else(|| line.strip_prefix("No."))
        .or_else(|| line.strip_prefix("No"))?;
    let digits = rest.trim();
    (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|&n| n > 0)
}

/// `Almaty - 2025` → `Almaty`; `г. Алматы - 2025` → `г. Алматы` (the place as printed,
/// with the Russian mark `г.` for a city).
fn parse_place_year(line: &str) -> Option<String> {
    let (place, year) = line.rsplit_once(DASHES)?;
    let year = strip_year_mark(year.trim().trim_end_matches('.')).trim_end_matches('.');
    let place = place.trim();
    let valid = year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && place.starts_with(char::is_alphabetic)
        && place.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.');
    valid.then(|| place.to_owned())
}

/// "covered 10 events" → 10.
fn stated_total(text: &str) -> Option<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).find_map(|pair| {
        let next = pair[1].to_lowercase();
        let is_events = next.starts_with("event") || next.starts_with("событи");
        if is_events {
            pair[0].parse().ok()
        } else {
            None
        }
    })
}

/// "(Azerbaijan -1, Kazakhstan – 4, …)" → [("Azerbaijan", 1), ("Kazakhstan", 4), …].
fn stated_counts(text: &str) -> Vec<(String, u32)> {
    let mut counts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        for item in after[..close].split([',', ';']) {
            if let Some((label, count)) = item.rsplit_once(DASHES) {
                let label = fold_whitespace(label);
                if let Ok(count) = count.trim().parse::<u32>() {
                    if !label.is_empty() && label.chars().any(char::is_alphabetic) {
                        counts.push((label, count));
                    }
                }
            }
        }
        rest = &after[close..];
    }
    counts
}

/// "…information about X (*Azerbaijan*), on Y (*Kazakhstan*)…" → what each country's
/// events were about. Reads the raw text: the country markers are the parenthesised names.
fn stated_topics(raw: &str) -> Vec<CountryTopic> {
    let text = strip_markup(raw);
    let mut topics = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some(open_offset) = text[search..].find('(') {
        let open = search + open_offset;
        let Some(close_offset) = text[open..].find(')') else { break };
        let close = open + close_offset;
        search = close + 1;
        let inside = &text[open + 1..close];
        let Some(Recognised::Exactly(country)) = country::recognise(inside) else { continue };
        let mut topic = text[start..open].trim().trim_start_matches([',', ';', '.']).trim();
        for lead in [
            "information about ",
            "information on ",
            "информацию о ",
            "информацию об ",
            "информация о ",
            "информация об ",
            "сведения о ",
            "сведения об ",
        ] {
            if let Some(at) = topic.find(lead) {
                topic = &topic[at + lead.len()..];
            }
        }
        for lead in ["and ", "on ", "about ", "и ", "о ", "об "] {
            topic = topic.strip_prefix(lead).unwrap_or(topic);
        }
        if !topic.is_empty() {
            topics
                .push(CountryTopic { country: country.code.to_owned(), text: topic.trim_end_matches(',').to_owned() });
        }
        start = close + 1;
    }
    topics
}

/// "…(according to the media)" → "according to the media".
fn trailing_parenthetical(text: &str) -> Option<String> {
    let text = text.trim();
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some(inner[open + 1..].trim().to_owned()).filter(|s| !s.is_empty())
}

/// `ru` when most letters are Cyrillic, otherwise `en`.
fn detect_lang(text: &str) -> &'static str {
    let (mut cyrillic, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if ('\u{400}'..='\u{4ff}').contains(&c) {
            cyrillic += 1;
        }
    }
    if letters > 0 && cyrillic * 2 > letters {
        "ru"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_facts() {
        assert_eq!(parse_number("#15"), Some(15));
        assert_eq!(parse_number("№ 7"), Some(7));
        assert_eq!(parse_number("#"), None);
        assert_eq!(parse_number("#99999"), None);
        assert_eq!(parse_place_year("Almaty - 2025"), Some("Almaty".into()));
        assert_eq!(parse_place_year("1-15.08.2025"), None);
    }

    #[test]
    fn russian_cover_facts() {
        assert_eq!(parse_number("№15"), Some(15));
        assert_eq!(parse_number("№ 15"), Some(15));
        assert_eq!(parse_number("№"), None);
        assert_eq!(parse_place_year("г. Алматы - 2025"), Some("г. Алматы".into()));
        assert_eq!(parse_place_year("Алматы – 2025 г."), Some("Алматы".into()));
        assert_eq!(parse_place_year("Almaty - 2025."), Some("Almaty".into()));
        assert_eq!(parse_place_year("Нур-Султан - 2021"), Some("Нур-Султан".into()));
        assert_eq!(parse_place_year("1-15 августа 2025 г."), None);
        assert_eq!(parse_place_year(". - 2025"), None);
        assert_eq!(parse_place_year("тел. - 2025 2026"), None);

        let mut importer = Importer::default();
        importer.take_citation("«Информационный бюллетень о прошедших событиях в  антинаркотической сфере», №15, 2025");
        assert_eq!(importer.number, Some(15), "the number is read from a Russian citation");
        assert_eq!(
            importer.citation_title.as_deref(),
            Some("Информационный бюллетень о прошедших событиях в антинаркотической сфере")
        );
        let topics = stated_topics("Статьи содержат информацию об операции (*Россия*), и о рейдах (*Кыргызстан*).");
        assert_eq!(topics[0], CountryTopic { country: "ru".into(), text: "операции".into() });
        assert_eq!(topics[1], CountryTopic { country: "kg".into(), text: "рейдах".into() });
    }

    #[test]
    fn outlets() {
        assert_eq!(
            split_outlet("**TOPNEWS.KG****DRUG OFFICERS IN BISHKEK**"),
            (Some("TOPNEWS.KG".into()), "DRUG OFFICERS IN BISHKEK".into())
        );
        assert_eq!(split_outlet("24.KZ POLICE MET PUPILS"), (Some("24.KZ".into()), "POLICE MET PUPILS".into()));
        assert_eq!(split_outlet("**U.S. AND KAZAKHSTAN MEET**"), (None, "U.S. AND KAZAKHSTAN MEET".into()));
        assert_eq!(split_outlet("ST. PETERSBURG RAID"), (None, "ST. PETERSBURG RAID".into()));
    }

    #[test]
    fn summary_statements() {
        let text = "covered 10 events in the field (*Azerbaijan -1, Kazakhstan – 4, Kyrgyzstan – 1, Russia – 4*).";
        assert_eq!(stated_total(&strip_markup(text)), Some(10));
        let counts = stated_counts(&strip_markup(text));
        assert_eq!(
            counts,
            vec![("Azerbaijan".into(), 1), ("Kazakhstan".into(), 4), ("Kyrgyzstan".into(), 1), ("Russia".into(), 4)]
        );
        let topics = stated_topics("Published articles contain information about events in prisons (*Azerbaijan*), on police work (*Kazakhstan*).");
        assert_eq!(topics[0], CountryTopic { country: "az".into(), text: "events in prisons".into() });
        assert_eq!(topics[1], CountryTopic { country: "kz".into(), text: "police work".into() });
    }

    #[test]
    fn bytes_that_are_not_text_are_refused_with_a_line() {
        assert!(matches!(decode_release_bytes(b"line one\nline \xff two"), Err(ImportError::Binary { line: 2, .. })));
        assert!(matches!(decode_release_bytes(b"a\nb\nc\x00"), Err(ImportError::Binary { line: 3, .. })));
        assert_eq!(decode_release_bytes("\u{feff}#15".as_bytes()), Ok("#15"));
    }

    #[test]
    fn empty_and_foreign_texts_are_errors() {
        let options = ImportOptions::default();
        assert_eq!(import_release(" \n\n\t", &options), Err(ImportError::Empty));
        assert!(matches!(
            import_release("Dear diary,\n\ntoday was fine.", &options),
            Err(ImportError::NotARelease { lines: 3, .. })
        ));
    }
}
