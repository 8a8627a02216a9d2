//! The summary: the release's overview between the contents and the first section. Read
//! for what it states (how many events in all and per country, what each country's events
//! were about, and the period, if the cover lacks it); once the body is read, the counts
//! it states are held against the events found.

use super::period::{parse_period_in_words, DASHES};
use super::report::{Placement, Report, WarningKind};
use super::segment::{Segment, SegmentKind};
use super::stage::{Handoff, Phase};
use caricc_format::country::{self, Recognised};
use caricc_format::date::Date;
use caricc_format::model::{CountryCount, CountryTopic, Summary};
use caricc_format::text::{fold_whitespace, strip_markup};

/// The summary's paragraphs as they are read, each with its first line; read for their
/// statements only once all are in.
#[derive(Default)]
pub(super) struct SummaryText {
    raw: Vec<(usize, String)>,
}

impl SummaryText {
    pub(super) fn place<'a>(&mut self, segment: Segment<'a>, report: &mut Report) -> Handoff<'a> {
        match &segment.kind {
            SegmentKind::Heading { .. } => return Handoff::Pass(Phase::Body, segment),
            SegmentKind::Sources(_) => segment.report_unplaced(report, "link in the summary, outside any event"),
            SegmentKind::Text => {
                self.raw.push((segment.first_line, segment.joined()));
                report.mark(segment.line_numbers(), Placement::Summary);
            }
        }
        Handoff::Stay
    }

    /// The summary's paragraphs, with the counts, total and topics they state, and the
    /// period if the text states one ("from 1 to 15 August 2025").
    pub(super) fn read(&mut self, report: &mut Report) -> (Summary, Option<(Date, Date)>) {
        let mut summary = Summary::default();
        let mut period = None;
        for (line, raw) in std::mem::take(&mut self.raw) {
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
                    None => report.warn(
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
            report.warn(0, WarningKind::Structure, "no summary found before the first section".into());
        }
        (summary, period)
    }
}

/// Warns where the events found (`found`: country codes with their event counts) disagree
/// with the counts and the total the summary states.
pub(super) fn compare_counts(summary: &Summary, found: &[(&str, u32)], report: &mut Report) {
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
            report.warn(0, WarningKind::CountMismatch, message);
        }
    }
    if !summary.counts.is_empty() {
        for (code, actual) in found {
            if !summary.counts.iter().any(|stated| stated.country == *code) {
                let message = format!(
                    "{actual} events were found under {}, which the summary does not count",
                    country::name_en(code)
                );
                report.warn(0, WarningKind::CountMismatch, message);
            }
        }
    }
    if let Some(total) = summary.total {
        let actual: u32 = found.iter().map(|(_, n)| n).sum();
        if actual != total {
            report.warn(
                0,
                WarningKind::CountMismatch,
                format!("the summary states {total} events in all, but {actual} were found"),
            );
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn russian_topics() {
        let topics = stated_topics("Статьи содержат информацию об операции (*Россия*), и о рейдах (*Кыргызстан*).");
        assert_eq!(topics[0], CountryTopic { country: "ru".into(), text: "операции".into() });
        assert_eq!(topics[1], CountryTopic { country: "kg".into(), text: "рейдах".into() });
    }
}
