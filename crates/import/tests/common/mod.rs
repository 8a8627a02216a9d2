//! Helpers shared by the golden tests of real and written release texts.

use caricc_format::model::Issue;

/// One expected event: (id, country, outlet, title, paragraph count, source URL).
pub type ExpectedEvent<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, usize, &'a str);

/// Asserts every event of `issue`, in order, against `expected`, and that no markup is left.
pub fn assert_events(issue: &Issue, expected: &[ExpectedEvent]) {
    assert_eq!(issue.events.len(), expected.len());
    for (event, &(id, country, outlet, title, paragraphs, url)) in issue.events.iter().zip(expected) {
        assert_eq!(event.id, id);
        assert_eq!(event.country, country, "{id}");
        assert_eq!(event.outlet.as_deref(), outlet, "{id}");
        assert_eq!(event.title, title, "{id}");
        assert_eq!(event.paragraphs.len(), paragraphs, "{id}: {:#?}", event.paragraphs);
        let urls: Vec<&str> = event.sources.iter().map(|s| s.url.as_str()).collect();
        assert_eq!(urls, [url], "{id}");
        assert!(event.paragraphs.iter().all(|p| !p.contains("**") && !p.contains("<i>")), "{id}: markup left");
    }
}
