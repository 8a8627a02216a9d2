//! Full-text search over a bundle's events: case-insensitive and Unicode-aware
//! (Cyrillic included, `ё` read as `е`), every word of the query must occur.
//!
//! The folded text of each event is computed once per bundle ([`SearchIndex::new`]), so
//! a keystroke costs one substring scan per event, not a re-fold of the whole bundle.

use crate::core::model::{Bundle, Event};

/// Folds text for matching: lowercase, `ё`→`е`. Produces exactly one char per input
/// char, so a char offset in the folded text is the same offset in the original, which
/// is what lets [`highlight`] mark the original text.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // to_lowercase yields more than one char only for a few letters (e.g. 'İ');
    // its first char is the one that matters for matching.
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'ё' => 'е',
        other => other,
    }
}

/// A parsed query: folded words, all of which must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut terms: Vec<String> = Vec::new();
        for word in fold(text).split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.is_empty() && !terms.iter().any(|t| t == word) {
                terms.push(word.to_owned());
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// True when some term occurs in `text` (not folded yet).
    pub fn matches_any(&self, text: &str) -> bool {
        let folded = fold(text);
        self.terms.iter().any(|term| folded.contains(term.as_str()))
    }

    /// True when every term occurs in the folded text.
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.terms.iter().all(|term| folded.contains(term.as_str()))
    }
}

/// The text of an event that search reads: title, outlet and paragraphs.
fn searchable_text(event: &Event) -> String {
    let mut text =
        String::with_capacity(event.title.len() + event.paragraphs.iter().map(String::len).sum::<usize>() + 16);
    text.push_str(&event.title);
    if let Some(outlet) = &event.outlet {
        text.push('\n');
        text.push_str(outlet);
    }
    for paragraph in &event.paragraphs {
        text.push('\n');
        text.push_str(paragraph);
    }
    fold(&text)
}

/// Position of an event in a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventRef {
    pub issue: usize,
    pub event: usize,
}

/// Folded text of every event, built once per bundle.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    documents: Vec<(EventRef, String)>,
}

impl SearchIndex {
    pub fn new(bundle: &Bundle) -> SearchIndex {
        let mut documents = Vec::new();
        for (issue_index, issue) in bundle.issues.iter().enumerate() {
            for (event_index, event) in issue.events.iter().enumerate() {
                documents.push((EventRef { issue: issue_index, event: event_index }, searchable_text(event)));
            }
        }
        SearchIndex { documents }
    }

    /// Events matching the query, in bundle order; `only_issue` limits them to one release.
    pub fn search(&self, query: &Query, only_issue: Option<usize>) -> Vec<EventRef> {
        self.documents
            .iter()
            .filter(|(at, _)| only_issue.is_none_or(|issue| at.issue == issue))
            .filter(|(_, folded)| query.matches_folded(folded))
            .map(|(at, _)| *at)
            .collect()
    }
}

/// A piece of text, marked when it matched a query term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment<'a> {
    pub text: &'a str,
    pub marked: bool,
}

/// Splits `text` into marked and unmarked fragments for the query's terms. Overlapping
/// or adjacent matches merge into one mark.
pub fn highlight<'a>(text: &'a str, query: &Query) -> Vec<Fragment<'a>> {
    if query.is_empty() || text.is_empty() {
        return vec![Fragment { text, marked: false }];
    }
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    let mut marked = vec![false; folded.len()];
    for term in query.terms() {
        let term: Vec<char> = term.chars().collect();
        if term.is_empty() || term.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - term.len() {
            if folded[start..start + term.len()] == term[..] {
                marked[start..start + term.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    // Char positions → byte offsets of the original text.
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let mut fragments = Vec::new();
    let mut start = 0;
    for index in 1..=marked.len() {
        if index == marked.len() || marked[index] != marked[start] {
            fragments.push(Fragment { text: &text[offsets[start]..offsets[index]], marked: marked[start] });
            start = index;
        }
    }
    fragments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundle::parse_bundle;

    #[test]
    fn folding_is_unicode_aware_and_keeps_length() {
        assert_eq!(fold("ПОЛИЦИЯ Police Ёлка"), "полиция police елка");
        for text in ["İstanbul", "ẞ", "ΣΑΣ", "мвд.рф"] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn queries_are_words_all_of_which_must_match() {
        let query = Query::parse("  Police, «БИШКЕК» police ");
        assert_eq!(query.terms(), ["police", "бишкек"]);
        assert!(query.matches_folded("the police in бишкек"));
        assert!(!query.matches_folded("the police in almaty"));
        assert!(Query::parse(" ,. ").is_empty());
        assert!(query.matches_any("in Бишкек only"));
        assert!(!query.matches_any("nothing here"));
    }

    #[test]
    fn highlight_marks_matches_in_the_original_case() {
        let query = Query::parse("police ёлка");
        let fragments = highlight("POLICE met at the Елка camp; police", &query);
        let shown: Vec<(&str, bool)> = fragments.iter().map(|f| (f.text, f.marked)).collect();
        assert_eq!(
            shown,
            [("POLICE", true), (" met at the ", false), ("Елка", true), (" camp; ", false), ("police", true)]
        );
        assert_eq!(highlight("abc", &Query::default()), [Fragment { text: "abc", marked: false }]);
    }

    #[test]
    fn search_finds_events_in_titles_paragraphs_and_outlets() {
        let bundle = parse_bundle(include_str!("../../static/bundle.json")).unwrap();
        let index = SearchIndex::new(&bundle);
        let ids = |query: &str| -> Vec<&str> {
            index
                .search(&Query::parse(query), None)
                .iter()
                .map(|at| bundle.issues[at.issue].events[at.event].id.as_str())
                .collect()
        };
        assert_eq!(ids("topnews.kg"), ["2025-15-kg-1"]);
        assert_eq!(ids("UNICEF"), ["2025-15-kz-3"]);
        assert_eq!(ids("spider web"), ["2025-15-ru-4"]);
        assert_eq!(ids("nightclubs bishkek"), ["2025-15-kg-1"]);
        assert_eq!(ids("no-such-word"), Vec::<&str>::new());
        assert_eq!(ids("").len(), 10);
    }
}
