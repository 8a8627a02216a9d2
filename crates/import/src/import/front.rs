//! The front matter: the cover (title, period, number, place) and the publisher (name,
//! editorial address, contacts, imprint). Cover facts and contact lines are known by their
//! form wherever they stand; other text fills the field the last heading announced.
//! The stage ends at the contents heading, at the first long sentence (the summary), or at
//! a country section heading when a release has neither.

use super::events::starts_section;
use super::period::{parse_period, strip_year_mark, DASHES};
use super::report::{Placement, Report};
use super::segment::{Segment, SegmentKind};
use super::stage::{Handoff, Phase};
use caricc_format::date::Date;
use caricc_format::model::Publisher;
use caricc_format::text::{ends_sentence, fold_whitespace, match_key, strip_markup};
use std::collections::HashSet;

/// What the last front-matter heading announced, so the text under it lands in the right field.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum FrontField {
    #[default]
    None,
    CoverTitle,
    PublisherName,
    Address,
}

/// The front matter as it is read.
#[derive(Default)]
pub(super) struct Front {
    field: FrontField,
    cover_title: Vec<String>,
    pub(super) period: Option<(Date, Date)>,
    pub(super) number: Option<u32>,
    pub(super) place: String,
    pub(super) publisher: Publisher,
    citation_title: Option<String>,
    /// Match keys of front-matter lines, to recognise their repeat on the back cover.
    keys: HashSet<String>,
}

impl Front {
    pub(super) fn place<'a>(&mut self, segment: Segment<'a>, report: &mut Report) -> Handoff<'a> {
        if starts_section(&segment) {
            return Handoff::Pass(Phase::Body, segment);
        }
        match &segment.kind {
            SegmentKind::Heading { raw } => {
                let key = match_key(raw);
                if is_contents_heading(&key) {
                    report.mark(segment.line_numbers(), Placement::Contents);
                    return Handoff::Then(Phase::Contents);
                }
                let placement = if is_release_title(&key) && self.cover_title.is_empty() {
                    self.field = FrontField::CoverTitle;
                    self.cover_title.push(strip_markup(raw));
                    Placement::Cover
                } else if key.starts_with("INFORMATION RELEASE") || key.starts_with("ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ")
                {
                    self.field = FrontField::PublisherName;
                    Placement::Publisher
                } else if key.contains("EDITORIAL ADDRESS") || key.contains("АДРЕС РЕДАКЦИИ") {
                    self.field = FrontField::Address;
                    Placement::Publisher
                } else if self.field == FrontField::CoverTitle {
                    self.cover_title.push(strip_markup(raw));
                    Placement::Cover
                } else {
                    self.publisher.imprint.push(strip_markup(raw));
                    Placement::Publisher
                };
                self.remember(&segment);
                report.mark(segment.line_numbers(), placement);
            }
            SegmentKind::Sources(_) => segment.report_unplaced(report, "link before the release's first section"),
            SegmentKind::Text => {
                if looks_like_summary(&segment.text()) {
                    return Handoff::Pass(Phase::Summary, segment);
                }
                self.remember(&segment);
                self.place_lines(&segment, report);
            }
        }
        Handoff::Stay
    }

    /// Match keys of every front-matter line, by which the body knows the back cover's repeat.
    pub(super) fn keys(&self) -> &HashSet<String> {
        &self.keys
    }

    /// The title (as the release cites itself, else the cover's) and subtitle
    /// (the cover's closing parenthesis, like “(according to the media)”).
    pub(super) fn title_and_subtitle(&self) -> (String, String) {
        let title = self.citation_title.clone().unwrap_or_else(|| fold_whitespace(&self.cover_title.join(" ")));
        let subtitle = self.cover_title.last().and_then(|last| trailing_parenthetical(last)).unwrap_or_default();
        (title, subtitle)
    }

    fn remember(&mut self, segment: &Segment) {
        self.keys.extend(segment.lines.iter().map(|line| match_key(line)).filter(|key| !key.is_empty()));
    }

    /// Front-matter text, line by line: contact details and cover facts are recognised by
    /// their form; runs of other lines fill the field the last heading announced.
    fn place_lines(&mut self, segment: &Segment, report: &mut Report) {
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
                    report.mark(pending_lines.clone(), Placement::Publisher);
                    pending.clear();
                    pending_lines = 0..0;
                }
                continue;
            }
            if let Some(placement) = self.fact(&line) {
                self.flush_text(&mut pending, &mut pending_lines, report);
                report.mark(line_number..line_number + 1, placement);
            } else {
                if pending_lines.is_empty() {
                    pending_lines = line_number..line_number;
                }
                pending.push(line);
                pending_lines.end = line_number + 1;
            }
        }
        self.flush_text(&mut pending, &mut pending_lines, report);
    }

    /// A line whose form says what it is (period, number, place, phone, fax, e-mail).
    fn fact(&mut self, line: &str) -> Option<Placement> {
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

    fn flush_text(&mut self, pending: &mut Vec<String>, lines: &mut std::ops::Range<usize>, report: &mut Report) {
        if pending.is_empty() {
            return;
        }
        let text = fold_whitespace(&pending.join(" "));
        let placement = match self.field {
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
        report.mark(lines.clone(), placement);
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

/// "…(according to the media)" → "according to the media".
fn trailing_parenthetical(text: &str) -> Option<String> {
    let text = text.trim();
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some(inner[open + 1..].trim().to_owned()).filter(|s| !s.is_empty())
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

        let mut front = Front::default();
        front.take_citation("«Информационный бюллетень о прошедших событиях в  антинаркотической сфере», №15, 2025");
        assert_eq!(front.number, Some(15), "the number is read from a Russian citation");
        assert_eq!(
            front.citation_title.as_deref(),
            Some("Информационный бюллетень о прошедших событиях в антинаркотической сфере")
        );
    }
}
