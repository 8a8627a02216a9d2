//! The contents list: one entry per line (`KYRGYZ REPUBLIC ..... 6`), each read as a
//! country where it names one. The list ends at the first block with no entry in it (the
//! summary) or at a country section heading; once the body is read, the list is held
//! against the sections the text really has.

use super::events::starts_section;
use super::report::{Placement, Report, WarningKind};
use super::segment::{is_contents_line, parse_contents_line, Segment, SegmentKind};
use super::stage::{Handoff, Phase};
use caricc_format::country::{self, Recognised};
use caricc_format::model::ContentsEntry;
use caricc_format::text::{excerpt, strip_markup};

/// The contents entries as they are read, each with its line.
#[derive(Default)]
pub(super) struct Contents {
    entries: Vec<(usize, ContentsEntry)>,
}

impl Contents {
    pub(super) fn place<'a>(&mut self, segment: Segment<'a>, report: &mut Report) -> Handoff<'a> {
        if starts_section(&segment) && !segment.lines.iter().any(|l| is_contents_line(&strip_markup(l))) {
            return Handoff::Pass(Phase::Body, segment);
        }
        let entries: Vec<_> = segment.lines.iter().map(|line| parse_contents_line(&strip_markup(line))).collect();
        if entries.iter().all(Option::is_none) || matches!(segment.kind, SegmentKind::Sources(_)) {
            return Handoff::Pass(Phase::Summary, segment);
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
                            report.warn(line, WarningKind::Typo, message);
                            Some(country.code.to_owned())
                        }
                        None => None,
                    };
                    self.entries.push((line, ContentsEntry { title, country, page }));
                    report.mark(line..line + 1, Placement::Contents);
                }
                None => {
                    let text = strip_markup(segment.lines[offset]);
                    report.mark(line..line + 1, Placement::Unplaced);
                    report.warn(
                        line,
                        WarningKind::Unplaced,
                        format!("line in the contents list not read as an entry: “{}”", excerpt(&text, 80)),
                    );
                }
            }
        }
        Handoff::Stay
    }

    /// Warns of entries whose country has no section in the text, and of sections
    /// (`found`: country codes with their event counts) the list leaves out.
    pub(super) fn compare(&self, sections_seen: &[(&str, usize)], found: &[(&str, u32)], report: &mut Report) {
        if self.entries.is_empty() {
            return;
        }
        for (line, entry) in &self.entries {
            if let Some(code) = &entry.country {
                if !sections_seen.iter().any(|(seen, _)| seen == code) {
                    let message = format!("the contents list {} but the text has no such section", entry.title);
                    report.warn(*line, WarningKind::Structure, message);
                }
            }
        }
        for (code, _) in found {
            if !self.entries.iter().any(|(_, entry)| entry.country.as_deref() == Some(*code)) {
                let message = format!("{} has a section but no line in the contents", country::name_en(code));
                report.warn(0, WarningKind::Structure, message);
            }
        }
    }

    pub(super) fn into_entries(self) -> Vec<ContentsEntry> {
        self.entries.into_iter().map(|(_, entry)| entry).collect()
    }
}
