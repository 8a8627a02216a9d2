//! Release text (as extracted from the PDF) → one [`Issue`], with a report of everything
//! the importer was unsure of. Every non-blank input line is accounted for: it lands in
//! the issue (cover, publisher, contents, summary, an event) or in the report as unplaced.
//!
//! The text is read as blocks of consecutive non-blank lines, each cut into segments
//! (a heading, source links, or text) by `segment`. A small state machine here gives each
//! segment to the stage the reading stands in (`stage`): `front` matter, `contents` list,
//! `summary`, then the body's country sections of `events`. All of them write to one
//! [`Report`]; periods are read by `period`, source links checked by [`crate::sources`].

use caricc_format::model::{Issue, Period};
use contents::Contents;
use events::Body;
use front::Front;
use segment::{blocks, segments, warn_invisible, Segment};
use stage::{Handoff, Phase};
use summary::{compare_counts, SummaryText};
use thiserror::Error;

mod contents;
mod events;
mod front;
mod period;
mod report;
mod segment;
mod stage;
mod summary;

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
    warn_invisible(text, &mut importer.report);
    for block in blocks(text) {
        for segment in segments(&block) {
            importer.place(segment);
        }
    }
    importer.finish(text, options)
}

/// The stages' work in progress, and the one report they all write to.
#[derive(Default)]
struct Importer {
    phase: Phase,
    front: Front,
    contents: Contents,
    summary: SummaryText,
    body: Body,
    report: Report,
}

impl Importer {
    /// Gives a segment to the stage the reading stands in, and on to the next stage for as
    /// long as a stage says it is not its own.
    fn place(&mut self, mut segment: Segment) {
        loop {
            let handoff = match self.phase {
                Phase::Front => self.front.place(segment, &mut self.report),
                Phase::Contents => self.contents.place(segment, &mut self.report),
                Phase::Summary => self.summary.place(segment, &mut self.report),
                Phase::Body => return self.body.place(segment, self.front.keys(), &mut self.report),
            };
            match handoff {
                Handoff::Stay => return,
                Handoff::Then(phase) => {
                    self.phase = phase;
                    return;
                }
                Handoff::Pass(phase, next) => {
                    self.phase = phase;
                    segment = next;
                }
            }
        }
    }

    /// Once every segment is placed: the summary is read, the release refused if it is not
    /// one, the events numbered, and what the release states held against what was found.
    fn finish(mut self, text: &str, options: &ImportOptions) -> Result<Import, ImportError> {
        let line_count = text.lines().count();
        let summary = self.summary.read(&mut self.report);
        let period = self.front.period.or(summary.1);
        let mut missing = Vec::new();
        if self.front.number.is_none() {
            missing.push("no release number (like “#15”)");
        }
        if period.is_none() {
            missing.push("no period (like “1-15.08.2025”)");
        }
        if !missing.is_empty() && !self.body.has_events() {
            return Err(ImportError::NotARelease { missing: missing.join(", "), lines: line_count });
        }
        if self.front.number.is_none() {
            self.report.warn(0, WarningKind::Structure, "no release number (like “#15”) found; using 0".into());
        }
        if period.is_none() {
            self.report.warn(0, WarningKind::Structure, "no period (like “1-15.08.2025”) found".into());
        }
        let number = self.front.number.unwrap_or(0);
        let (from, to) = period.map_or((String::new(), String::new()), |(from, to)| (from.iso(), to.iso()));
        let year = period.map_or(0, |(from, _)| from.year);
        let lang = options.lang.clone().unwrap_or_else(|| detect_lang(text).to_owned());

        self.body.check_sources(&mut self.report);
        let (events, per_country) = self.body.take_events(year, number, &mut self.report);
        let summary = summary.0;
        compare_counts(&summary, &per_country, &mut self.report);
        self.contents.compare(self.body.sections_seen(), &per_country, &mut self.report);

        let (title, subtitle) = self.front.title_and_subtitle();
        let issue = Issue {
            number,
            year,
            lang,
            period: Period { from, to },
            title,
            subtitle,
            place: self.front.place.clone(),
            publisher: std::mem::take(&mut self.front.publisher),
            summary,
            contents: self.contents.into_entries(),
            events,
        };
        let mut report = self.report;
        report.placements.sort_by_key(|p| p.line);
        report.warnings.sort_by_key(|w| w.line);
        Ok(Import { issue, report })
    }
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
