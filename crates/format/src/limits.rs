//! Limits on what a bundle may hold, so that a wrong or hostile file gets a clear message
//! instead of a frozen tab. They sit far above anything CARICC publishes: a 20-year archive
//! is ~500 releases and ~10,000 events, a title a line, a paragraph a few hundred words.

use crate::model::Bundle;

/// Largest bundle the CLI and the viewer read (also checked before reading): far beyond a
/// 20-year archive (~30 MB), low enough that a wrong file cannot exhaust a reader's memory.
pub const MAX_BUNDLE_BYTES: usize = 256 * 1024 * 1024;
pub const MAX_RELEASES: usize = 10_000;
pub const MAX_EVENTS: usize = 200_000;
/// Characters in a title, an outlet, an id or a source URL.
pub const MAX_SHORT_TEXT: usize = 2_000;
/// Characters in one paragraph (summary or event).
pub const MAX_PARAGRAPH: usize = 100_000;
pub const MAX_PARAGRAPHS_PER_EVENT: usize = 1_000;
pub const MAX_SOURCES_PER_EVENT: usize = 100;

/// A limit a bundle exceeds: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverLimit {
    pub path: String,
    pub message: String,
}

/// Every place a bundle exceeds a limit, in document order (at most `max_reported`, so a
/// bundle of a million oversized fields does not produce a million messages).
pub fn over_limits(bundle: &Bundle, max_reported: usize) -> Vec<OverLimit> {
    let mut found = Found { list: Vec::new(), max: max_reported };
    if bundle.issues.len() > MAX_RELEASES {
        found.report(
            "$.issues".into(),
            format!("{} releases; a bundle holds at most {MAX_RELEASES}", bundle.issues.len()),
        );
    }
    let events: usize = bundle.issues.iter().map(|issue| issue.events.len()).sum();
    if events > MAX_EVENTS {
        found.report("$.issues".into(), format!("{events} events in all; a bundle holds at most {MAX_EVENTS}"));
    }
    for (i, issue) in bundle.issues.iter().enumerate() {
        found.text(|| format!("$.issues[{i}].title"), &issue.title, MAX_SHORT_TEXT, "the title");
        for (p, paragraph) in issue.summary.paragraphs.iter().enumerate() {
            found.text(|| format!("$.issues[{i}].summary.paragraphs[{p}]"), paragraph, MAX_PARAGRAPH, "the paragraph");
        }
        for (e, event) in issue.events.iter().enumerate() {
            let at = |field: &str| format!("$.issues[{i}].events[{e}].{field}");
            found.text(|| at("id"), &event.id, MAX_SHORT_TEXT, "the id");
            found.text(|| at("title"), &event.title, MAX_SHORT_TEXT, "the title");
            if let Some(outlet) = &event.outlet {
                found.text(|| at("outlet"), outlet, MAX_SHORT_TEXT, "the outlet");
            }
            if event.paragraphs.len() > MAX_PARAGRAPHS_PER_EVENT {
                let message =
                    format!("{} paragraphs; an event has at most {MAX_PARAGRAPHS_PER_EVENT}", event.paragraphs.len());
                found.report(at("paragraphs"), message);
            }
            for (p, paragraph) in event.paragraphs.iter().enumerate().take(MAX_PARAGRAPHS_PER_EVENT) {
                found.text(|| at(&format!("paragraphs[{p}]")), paragraph, MAX_PARAGRAPH, "the paragraph");
            }
            if event.sources.len() > MAX_SOURCES_PER_EVENT {
                let message = format!("{} sources; an event has at most {MAX_SOURCES_PER_EVENT}", event.sources.len());
                found.report(at("sources"), message);
            }
            for (s, source) in event.sources.iter().enumerate().take(MAX_SOURCES_PER_EVENT) {
                found.text(|| at(&format!("sources[{s}].url")), &source.url, MAX_SHORT_TEXT, "the URL");
                if let Some(corrected) = &source.corrected {
                    let path = || at(&format!("sources[{s}].corrected"));
                    found.text(path, corrected.as_str(), MAX_SHORT_TEXT, "the URL");
                }
            }
        }
    }
    found.list
}

struct Found {
    list: Vec<OverLimit>,
    max: usize,
}

impl Found {
    fn report(&mut self, path: String, message: String) {
        if self.list.len() < self.max {
            self.list.push(OverLimit { path, message });
        }
    }

    /// Bytes bound characters from above, so characters are counted only for long values.
    fn text(&mut self, path: impl Fn() -> String, value: &str, limit: usize, what: &str) {
        if value.len() > limit {
            let chars = value.chars().count();
            if chars > limit {
                self.report(path(), format!("{what} is {chars} characters long; the limit is {limit}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::parse_bundle;

    fn bundle_with_event(event: &str) -> Bundle {
        let text = format!(
            r#"{{"format":1,"issues":[{{"number":1,"year":2025,"period":{{"from":"2025-01-01","to":"2025-01-15"}},"title":"t","events":[{event}]}}]}}"#
        );
        parse_bundle(&text).unwrap()
    }

    #[test]
    fn the_embedded_bundle_is_well_within_limits() {
        let bundle = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
        assert_eq!(over_limits(&bundle, 10), []);
    }

    #[test]
    fn an_oversized_title_is_named_by_path() {
        let title = "Ж".repeat(MAX_SHORT_TEXT + 1);
        let bundle = bundle_with_event(&format!(r#"{{"id":"a","country":"kz","title":"{title}"}}"#));
        let found = over_limits(&bundle, 10);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "$.issues[0].events[0].title");
        assert_eq!(found[0].message, "the title is 2001 characters long; the limit is 2000");
        // Bytes are not characters: 2000 Cyrillic letters are 4000 bytes and within the limit.
        let fits =
            bundle_with_event(&format!(r#"{{"id":"a","country":"kz","title":"{}"}}"#, "Ж".repeat(MAX_SHORT_TEXT)));
        assert_eq!(over_limits(&fits, 10), []);
    }

    #[test]
    fn too_many_sources_and_a_cap_on_messages() {
        let sources = vec![r#"{"url":"https://a.kz/"}"#; MAX_SOURCES_PER_EVENT + 1].join(",");
        let long = "x".repeat(MAX_SHORT_TEXT + 1);
        let bundle = bundle_with_event(&format!(
            r#"{{"id":"{long}","country":"kz","title":"{long}","outlet":"{long}","sources":[{sources}]}}"#
        ));
        let all = over_limits(&bundle, 100);
        let paths: Vec<&str> = all.iter().map(|o| o.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "$.issues[0].events[0].id",
                "$.issues[0].events[0].title",
                "$.issues[0].events[0].outlet",
                "$.issues[0].events[0].sources"
            ]
        );
        assert_eq!(over_limits(&bundle, 2).len(), 2);
    }

    #[test]
    fn an_oversized_corrected_url_is_named_by_path() {
        let long = format!("https://a.kz/{}", "x".repeat(MAX_SHORT_TEXT));
        let bundle = bundle_with_event(&format!(
            r#"{{"id":"a","country":"kz","title":"t","sources":[{{"url":"https://a.kz/","broken":true,"corrected":"{long}"}}]}}"#
        ));
        let found = over_limits(&bundle, 10);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "$.issues[0].events[0].sources[0].corrected");
    }
}
