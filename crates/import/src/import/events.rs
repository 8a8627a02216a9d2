//! The body: country sections and the events under them, to the end of the text. A country
//! heading opens a section; any other heading is an event's title (with the outlet's byline
//! split off); text is the event's paragraphs, a paragraph broken by a page joined back;
//! source links close the event. Lines that repeat the cover, and page numbers, are page
//! furniture.

use super::report::{Placement, Report, WarningKind};
use super::segment::{Segment, SegmentKind};
use crate::sources::{source_problem, valid_hosts};
use caricc_format::country::{self, Country, Recognised};
use caricc_format::model::{Event, Facts, Source};
use caricc_format::text::{ends_sentence, ends_with_connective, excerpt, starts_lowercase, strip_markup};
use std::collections::HashSet;

/// A heading that starts the body: a country section or, if none is open, an orphan title.
pub(super) fn starts_section(segment: &Segment) -> bool {
    matches!(&segment.kind, SegmentKind::Heading { raw } if country::recognise(raw).is_some())
}

/// An event while it is being read.
struct Draft {
    country: &'static str,
    title: String,
    outlet: Option<String>,
    paragraphs: Vec<String>,
    /// The line each paragraph starts on.
    paragraph_lines: Vec<usize>,
    sources: Vec<Source>,
    title_line: usize,
}

/// Warns of each amount whose number reads two ways (`5,065 kg`), kept with both
/// readings: an editor can tell which was meant, the importer cannot.
fn report_ambiguous_amounts(facts: &Facts, draft: &Draft, report: &mut Report) {
    for quantity in facts.quantities.iter().filter(|quantity| quantity.ambiguous()) {
        let Some(paragraph) = quantity.at.p.and_then(|p| usize::try_from(p).ok()) else { continue };
        let (Some(text), Some(&line)) = (draft.paragraphs.get(paragraph), draft.paragraph_lines.get(paragraph)) else {
            continue;
        };
        let printed: String =
            text.chars().skip(quantity.at.from as usize).take((quantity.at.to - quantity.at.from) as usize).collect();
        let readings: Vec<String> = quantity.readings.iter().map(f64::to_string).collect();
        report.warn(
            line,
            WarningKind::AmbiguousNumber,
            format!(
                "“{printed}” in “{}” reads as {} {}: kept with both readings, neither chosen",
                excerpt(&draft.title, 60),
                readings.join(" or "),
                quantity.unit
            ),
        );
    }
}

/// The body as it is read.
#[derive(Default)]
pub(super) struct Body {
    section: Option<&'static Country>,
    sections_seen: Vec<(&'static str, usize)>,
    drafts: Vec<Draft>,
    /// Every source link's line, event and place among the event's sources, checked once
    /// all are known.
    source_lines: Vec<(usize, usize, usize)>,
}

impl Body {
    /// Places a segment of the body; `front_keys` are the front matter's lines, whose
    /// repeat on the back cover is page furniture.
    pub(super) fn place(&mut self, segment: Segment, front_keys: &HashSet<String>, report: &mut Report) {
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
                        report.warn(segment.first_line, WarningKind::Typo, message);
                    }
                    self.section = Some(country);
                    self.sections_seen.push((country.code, segment.first_line));
                    report.mark(segment.line_numbers(), Placement::Section);
                }
                None => self.start_event(&segment, raw, report),
            },
            SegmentKind::Sources(urls) => {
                let urls = urls.clone();
                match self.drafts.last_mut() {
                    Some(event) => {
                        let first_source = event.sources.len();
                        event.sources.extend(urls.iter().map(Source::printed));
                        let index = self.drafts.len() - 1;
                        report.mark(segment.line_numbers(), Placement::Event(index));
                        let first_line = segment.first_line;
                        self.source_lines
                            .extend((0..urls.len()).map(|offset| (first_line + offset, index, first_source + offset)));
                    }
                    None => segment.report_unplaced(report, "link before any event"),
                }
            }
            SegmentKind::Text => self.place_text(&segment, front_keys, report),
        }
    }

    fn start_event(&mut self, segment: &Segment, raw: &str, report: &mut Report) {
        let Some(country) = self.section else {
            return segment.report_unplaced(report, "event title before any country section");
        };
        let (outlet, title) = split_outlet(raw);
        // A title broken by a page break arrives as two headings in a row.
        if let Some(previous) = self.drafts.last_mut() {
            if previous.paragraphs.is_empty()
                && previous.sources.is_empty()
                && previous.country == country.code
                && outlet.is_none()
            {
                previous.title = format!("{} {}", previous.title, title);
                let index = self.drafts.len() - 1;
                return report.mark(segment.line_numbers(), Placement::Event(index));
            }
        }
        self.drafts.push(Draft {
            country: country.code,
            title,
            outlet,
            paragraphs: Vec::new(),
            paragraph_lines: Vec::new(),
            sources: Vec::new(),
            title_line: segment.first_line,
        });
        let index = self.drafts.len() - 1;
        report.mark(segment.line_numbers(), Placement::Event(index));
    }

    fn place_text(&mut self, segment: &Segment, front_keys: &HashSet<String>, report: &mut Report) {
        if segment.is_page_furniture(front_keys) {
            return report.mark(segment.line_numbers(), Placement::PageFurniture);
        }
        let text = segment.text();
        let Some(index) = self.drafts.len().checked_sub(1) else {
            return segment.report_unplaced(report, "text before any event");
        };
        if !self.drafts[index].sources.is_empty() {
            let title = excerpt(&self.drafts[index].title, 60);
            report.warn(
                segment.first_line,
                WarningKind::Structure,
                format!("text after the source link of “{title}”; kept in that event"),
            );
        }
        let event = &mut self.drafts[index];
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
            _ => {
                event.paragraphs.push(text);
                event.paragraph_lines.push(segment.first_line);
            }
        }
        report.mark(segment.line_numbers(), Placement::Event(index));
    }

    pub(super) fn has_events(&self) -> bool {
        !self.drafts.is_empty()
    }

    /// The country sections met, each with its heading's line.
    pub(super) fn sections_seen(&self) -> &[(&'static str, usize)] {
        &self.sections_seen
    }

    /// The events as the issue holds them, their ids numbered per country within release
    /// `number` of `year`, with how many events each country has; warns of an event with
    /// no text or no source link.
    pub(super) fn take_events(
        &mut self,
        year: i32,
        number: u32,
        report: &mut Report,
    ) -> (Vec<Event>, Vec<(&'static str, u32)>) {
        let mut per_country: Vec<(&'static str, u32)> = Vec::new();
        let mut events = Vec::with_capacity(self.drafts.len());
        for draft in std::mem::take(&mut self.drafts) {
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
                report.warn(
                    draft.title_line,
                    WarningKind::Structure,
                    format!("event “{}” has no text", excerpt(&draft.title, 60)),
                );
            }
            if draft.sources.is_empty() {
                report.warn(
                    draft.title_line,
                    WarningKind::Structure,
                    format!("event “{}” has no source link", excerpt(&draft.title, 60)),
                );
            }
            let facts = caricc_facts::extract(&draft.title, &draft.paragraphs);
            report_ambiguous_amounts(&facts, &draft, report);
            events.push(Event {
                id: format!("{year}-{number}-{}-{ordinal}", draft.country),
                country: draft.country.to_owned(),
                title: draft.title,
                outlet: draft.outlet,
                paragraphs: draft.paragraphs,
                sources: draft.sources,
                facts: Some(facts),
            });
        }
        (events, per_country)
    }

    /// Warns of each suspicious source link, offering the hosts this release cites
    /// elsewhere as what a mistyped host meant; marks a link that cannot work as broken,
    /// with that correction, so that readers are not shown a link that leads nowhere.
    /// Before [`Body::take_events`], which takes the events away.
    pub(super) fn check_sources(&mut self, report: &mut Report) {
        let drafts = &mut self.drafts;
        let known_hosts = valid_hosts(drafts.iter().flat_map(|draft| draft.sources.iter().map(|s| s.url.as_str())));
        for (line, event, index) in std::mem::take(&mut self.source_lines) {
            let Some(source) = drafts.get_mut(event).and_then(|draft| draft.sources.get_mut(index)) else { continue };
            if let Some(problem) = source_problem(&source.url, &known_hosts) {
                report.warn(line, WarningKind::SuspiciousSource, format!("source {}: {}", source.url, problem.message));
                source.broken = problem.broken;
                source.corrected = problem.corrected;
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
