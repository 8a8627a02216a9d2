//! Full-text search over a bundle's events: case-insensitive and Unicode-aware
//! (Cyrillic included, `ё` read as `е`), every word of the query must occur, in the script
//! it is typed in or, through the table in [`crate::translit`], in the other one:
//! `Almaty` finds `Алматы` and `бишкек` finds `Bishkek`.
//!
//! The folded text of each event is computed once per bundle ([`SearchIndex::new`]), and
//! each query word's other-script spellings once per query ([`Query::parse`]). A keystroke
//! then reads only the events whose trigram signature admits the query (see
//! [`crate::trigram`]), with one substring scan and one pass over the spellings each.

use crate::translit::{self, Spellings};
use crate::trigram::{self, Signature, SignatureBuilder, SignatureFilter};
use caricc_format::case;
use caricc_format::model::{Bundle, Event, Issue};
use caricc_format::text::is_invisible;
use std::cell::{OnceCell, RefCell};

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
    // Most text of the releases is English or Russian; Russian's letters fold here.
    match c {
        'а'..='я' => return c,
        'А'..='Я' => return char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => {}
    }
    // to_lowercase yields more than one char only for a few letters (e.g. 'İ');
    // its first char is the one that matters for matching.
    let lower = case::lowercase_first(c);
    match lower {
        'ё' => 'е',
        other => other,
    }
}

/// The other-script spellings search tries for the query's word at `index`: those of
/// [`translit::spellings`] for the first [`translit::MAX_SPELT_WORDS`] words, none after.
pub(crate) fn other_spellings(index: usize, term: &str) -> Vec<String> {
    if index < translit::MAX_SPELT_WORDS {
        translit::spellings(term)
    } else {
        Vec::new()
    }
}

/// A parsed query: folded words, all of which must match, each as written or in one of
/// its other-script spellings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
    /// For each term, its other-script spellings ([`translit::spellings`]).
    spellings: Vec<Spellings>,
    /// The trigrams of each way of writing each word that can narrow a search
    /// ([`trigram::word_grams`]): for the events' signatures and the archive's index.
    grams: Vec<Vec<Vec<String>>>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut terms: Vec<String> = Vec::new();
        let visible: String = text.chars().filter(|&c| !is_invisible(c)).collect();
        for word in fold(&visible).split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.is_empty() && !terms.iter().any(|t| t == word) {
                terms.push(word.to_owned());
            }
        }
        // Spelt once, for both the exact search and the trigrams that narrow it.
        let others: Vec<Vec<String>> =
            terms.iter().enumerate().map(|(index, term)| other_spellings(index, term)).collect();
        let spellings = others.iter().map(|other| Spellings::new(other)).collect();
        let grams = terms.iter().zip(&others).filter_map(|(term, other)| trigram::word_grams(term, other)).collect();
        Query { terms, spellings, grams }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// For each word that can narrow a search, the trigrams of each way it may be written.
    pub fn grams(&self) -> &[Vec<Vec<String>>] {
        &self.grams
    }

    /// True when the term at `index` occurs in the folded text, as written or otherwise spelt.
    fn term_occurs(&self, index: usize, folded: &str) -> bool {
        folded.contains(self.terms[index].as_str()) || self.spellings[index].occurs_in(folded)
    }

    /// True when [`highlight`] marks something in `text`: a hit the reader can see (a word
    /// of one letter is found but never marked, a word of two only as a whole word).
    pub fn marks_in(&self, text: &str) -> bool {
        highlight(text, self).iter().any(|fragment| fragment.marked)
    }

    /// True when every term occurs in the folded text.
    pub fn matches_folded(&self, folded: &str) -> bool {
        (0..self.terms.len()).all(|index| self.term_occurs(index, folded))
    }
}

/// The text of an event that search reads: title, outlet and paragraphs, folded.
pub fn searchable_text(event: &Event) -> String {
    fold_event(event, |_| {})
}

/// Folds an event's searchable text in one pass, handing each folded character to `each`
/// too. Zero-width and direction characters do not count: "her\u{200b}oin" is found by
/// "heroin".
fn fold_event(event: &Event, mut each: impl FnMut(char)) -> String {
    let parts = std::iter::once(&event.title).chain(&event.outlet).chain(&event.paragraphs);
    let mut folded = String::with_capacity(parts.clone().map(|part| part.len() + 1).sum());
    for (index, part) in parts.enumerate() {
        if index > 0 {
            folded.push('\n');
            each('\n');
        }
        for c in part.chars().filter(|&c| !is_invisible(c)).map(fold_char) {
            folded.push(c);
            each(c);
        }
    }
    folded
}

/// Position of an event in a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventRef {
    pub issue: usize,
    pub event: usize,
}

/// An event as search reads it.
#[derive(Debug, Clone)]
struct Document {
    at: EventRef,
    folded: String,
    /// Its trigrams: most events without a query's words are passed over without reading.
    signature: Signature,
}

impl Document {
    fn new(at: EventRef, event: &Event) -> Document {
        let mut signature = SignatureBuilder::new();
        let folded = fold_event(event, |c| signature.push(c));
        Document { at, folded, signature: signature.finish() }
    }
}

/// Folded text and trigram signature of every event of one bundle, built once: by
/// [`SearchIndex::new`] at once, or for a [`SearchIndex::default`] on the first search that
/// needs it or by [`SearchIndex::build`] when the page has time, so that a large archive's
/// first cards are drawn without waiting for every event to be folded.
#[derive(Debug, Default)]
pub struct SearchIndex {
    documents: OnceCell<Vec<Document>>,
    /// The last search's query, scope and results: switching tabs, paging or opening a card
    /// redraws the same search, which then costs nothing (a scan of every event otherwise).
    last: RefCell<Option<LastSearch>>,
}

/// A copy of the documents, without the last search: a copy is made to change them (see
/// [`SearchIndex::insert_issue`]), which forgets the last search anyway, and copying it
/// would compile a copy of the query's clone into the viewer for nothing.
impl Clone for SearchIndex {
    fn clone(&self) -> SearchIndex {
        SearchIndex { documents: self.documents.clone(), last: RefCell::default() }
    }
}

/// A query, the release it was limited to, and the events it found.
type LastSearch = (Query, Option<usize>, Vec<EventRef>);

impl SearchIndex {
    /// The index of `bundle`, built now.
    pub fn new(bundle: &Bundle) -> SearchIndex {
        let index = SearchIndex::default();
        index.build(bundle);
        index
    }

    /// Builds the index of `bundle` unless it is built: the bundle must be the one every
    /// search of this index is given.
    pub fn build(&self, bundle: &Bundle) {
        self.documents(bundle);
    }

    fn documents(&self, bundle: &Bundle) -> &[Document] {
        self.documents.get_or_init(|| {
            let mut documents = Vec::new();
            for (issue_index, issue) in bundle.issues.iter().enumerate() {
                for (event_index, event) in issue.events.iter().enumerate() {
                    documents.push(Document::new(EventRef { issue: issue_index, event: event_index }, event));
                }
            }
            documents
        })
    }

    /// Adds the events of release `issue_index`, fetched after the index was built (a
    /// chunked archive), keeping the documents in bundle order. An index not built yet
    /// takes them from the bundle when it is.
    pub fn insert_issue(&mut self, issue_index: usize, issue: &Issue) {
        self.last.take();
        let Some(documents) = self.documents.get_mut() else { return };
        documents.retain(|document| document.at.issue != issue_index);
        let start = documents.partition_point(|document| document.at.issue < issue_index);
        let added = issue
            .events
            .iter()
            .enumerate()
            .map(|(event_index, event)| Document::new(EventRef { issue: issue_index, event: event_index }, event));
        documents.splice(start..start, added);
    }

    /// Events of `bundle` matching the query, in bundle order; `only_issue` limits them to
    /// one release. The empty query (every event in scope) needs no index.
    pub fn search(&self, bundle: &Bundle, query: &Query, only_issue: Option<usize>) -> Vec<EventRef> {
        if query.is_empty() {
            let mut all = Vec::new();
            for (issue, release) in bundle.issues.iter().enumerate() {
                if only_issue.is_none_or(|only| only == issue) {
                    all.extend((0..release.events.len()).map(|event| EventRef { issue, event }));
                }
            }
            return all;
        }
        if let Some((_, _, found)) = self.last.borrow().as_ref().filter(|(q, o, _)| q == query && *o == only_issue) {
            return found.clone();
        }
        let filter = SignatureFilter::new(query.grams());
        let found: Vec<EventRef> = self
            .documents(bundle)
            .iter()
            .filter(|document| only_issue.is_none_or(|issue| document.at.issue == issue))
            .filter(|document| filter.may_match(&document.signature) && query.matches_folded(&document.folded))
            .map(|document| document.at)
            .collect();
        *self.last.borrow_mut() = Some((query.clone(), only_issue, found.clone()));
        found
    }
}

/// A piece of text, marked when it matched a query term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment<'a> {
    pub text: &'a str,
    pub marked: bool,
}

/// Query words shorter than this are marked only where they are a whole word, and words of
/// one character not at all: the two letters typed first occur in nearly every sentence,
/// and marking each occurrence would bury the text (and flood the page with elements).
const MARKED_ANYWHERE_CHARS: usize = 3;

/// Splits `text` into marked and unmarked fragments for the query's terms, as written
/// and in their other-script spellings. Overlapping or adjacent matches merge into one mark.
pub fn highlight<'a>(text: &'a str, query: &Query) -> Vec<Fragment<'a>> {
    if query.is_empty() || text.is_empty() {
        return vec![Fragment { text, marked: false }];
    }
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    let mut marked = vec![false; folded.len()];
    let is_word_char = |at: usize| folded.get(at).is_some_and(|c| c.is_alphanumeric());
    for (term, spellings) in query.terms.iter().zip(&query.spellings) {
        let term: Vec<char> = term.chars().collect();
        if term.len() < 2 {
            continue;
        }
        let whole_words = term.len() < MARKED_ANYWHERE_CHARS;
        // Before the length check: a spelling may be shorter than the word as typed.
        spellings.mark(&folded, &mut marked, whole_words);
        if term.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - term.len() {
            let end = start + term.len();
            let is_word = (start == 0 || !is_word_char(start - 1)) && !is_word_char(end);
            if folded[start..end] == term[..] && (is_word || !whole_words) {
                marked[start..end].iter_mut().for_each(|m| *m = true);
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
    use caricc_format::bundle::parse_bundle;

    #[test]
    fn a_repeated_search_gives_the_same_results_and_new_events_are_found() {
        let mut bundle = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
        let mut index = SearchIndex::new(&bundle);
        let police = Query::parse("police");
        let first = index.search(&bundle, &police, None);
        assert!(!first.is_empty());
        assert_eq!(index.search(&bundle, &police, None), first);
        assert_eq!(index.search(&bundle, &police, Some(0)), first);
        assert!(index.search(&bundle, &police, Some(1)).is_empty());
        // A release arriving later (a chunked archive) is searched, not the remembered results.
        let mut copy = bundle.issues[0].clone();
        copy.number = 16;
        bundle.issues.push(copy);
        index.insert_issue(1, &bundle.issues[1]);
        assert_eq!(index.search(&bundle, &police, None).len(), 2 * first.len());
    }

    #[test]
    fn a_deferred_index_finds_what_a_built_one_does_and_lists_without_building() {
        let bundle = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
        let built = SearchIndex::new(&bundle);
        let deferred = SearchIndex::default();
        let everything = deferred.search(&bundle, &Query::default(), None);
        assert_eq!(everything.len(), bundle.issues[0].events.len());
        assert_eq!(deferred.search(&bundle, &Query::default(), Some(1)), []);
        assert!(deferred.documents.get().is_none(), "listing every event needs no index");
        for query in ["police", "алматы", "heroin kyrgyzstan", "zzzz"] {
            let query = Query::parse(query);
            assert_eq!(deferred.search(&bundle, &query, None), built.search(&bundle, &query, None));
        }
        assert!(deferred.documents.get().is_some());
        assert_eq!(built.search(&bundle, &Query::default(), None), everything);
    }

    #[test]
    fn folding_is_unicode_aware_and_keeps_length() {
        assert_eq!(fold("ПОЛИЦИЯ Police Ёлка"), "полиция police елка");
        for text in ["İstanbul", "ẞ", "ΣΑΣ", "мвд.рф"] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn the_russian_shortcut_folds_as_unicode_does() {
        for c in ('\u{400}'..='\u{4ff}').chain('\u{0}'..='\u{ff}') {
            let lower = c.to_lowercase().next().unwrap();
            assert_eq!(fold_char(c), if lower == 'ё' { 'е' } else { lower }, "{c:?}");
        }
    }

    #[test]
    fn invisible_characters_do_not_hide_text_from_search() {
        let bundle = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
        let mut bundle = bundle;
        bundle.issues[0].events[0].title = "POLICE SEIZED HER\u{200b}OIN".into();
        let index = SearchIndex::new(&bundle);
        assert_eq!(index.search(&bundle, &Query::parse("heroin"), None).len(), 1);
        assert_eq!(index.search(&bundle, &Query::parse("he\u{ad}roin"), None).len(), 1);
    }

    #[test]
    fn queries_are_words_all_of_which_must_match() {
        let query = Query::parse("  Police, «БИШКЕК» police ");
        assert_eq!(query.terms(), ["police", "бишкек"]);
        assert!(query.matches_folded("the police in бишкек"));
        assert!(!query.matches_folded("the police in almaty"));
        assert!(Query::parse(" ,. ").is_empty());
        assert!(query.marks_in("in Бишкек only"));
        assert!(!query.marks_in("nothing here"));
        assert!(!Query::parse("a").marks_in("a raid"), "found, but not marked");
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
    fn short_words_are_marked_only_as_whole_words() {
        let shown = |text: &'static str, query: &str| -> Vec<(&'static str, bool)> {
            highlight(text, &Query::parse(query)).iter().map(|f| (f.text, f.marked)).collect()
        };
        // One letter: found by search, marked nowhere.
        assert_eq!(shown("a raid at Almaty", "a"), [("a raid at Almaty", false)]);
        // Two: the word, not the letters inside others; in either script.
        assert_eq!(shown("UN funds, un", "un"), [("UN", true), (" funds, ", false), ("un", true)]);
        assert_eq!(shown("МВД и KG, kgb", "кг"), [("МВД и ", false), ("KG", true), (", kgb", false)]);
        // Three or more: anywhere, as before.
        assert_eq!(shown("unfunded", "fun"), [("un", false), ("fun", true), ("ded", false)]);
    }

    #[test]
    fn search_finds_events_in_titles_paragraphs_and_outlets() {
        let bundle = parse_bundle(include_str!("../../../static/bundle.json")).unwrap();
        let index = SearchIndex::new(&bundle);
        let ids = |query: &str| -> Vec<&str> {
            index
                .search(&bundle, &Query::parse(query), None)
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

    /// Whether `query` matches `text`, folded as the index folds it.
    fn finds(query: &str, text: &str) -> bool {
        Query::parse(query).matches_folded(&fold(text))
    }

    #[test]
    fn a_latin_word_finds_its_cyrillic_spelling() {
        assert!(finds("Almaty", "Ролик снят в Алматы."));
        assert!(finds("bishkek", "Рейд в Бишкеке"));
        assert!(finds("MVD", "МВД предупреждает"));
        assert!(finds("politsiya", "Полиция сотрудничает с ЮНИСЕФ"));
        assert!(finds("kokshetau", "В Доме дружбы Кокшетау"));
        assert!(finds("meyirkhan", "Данияр Мейірхан"), "Kazakh letters read as Russian ones");
        assert!(finds("almaty bishkek", "Алматы и Bishkek"), "each word in either script");
        assert!(!finds("Almaty", "Ролик снят в Астане."));
        assert!(!finds("politsiya", "наркополиция"), "another script's spelling matches at a word's start");
        assert!(finds("polits", "наркополиция полиции"));
        assert!(finds("mvd", "UMVD"), "the word as typed matches anywhere");
        assert!(!finds("almaty bishkek", "Алматы и Астана"));
    }

    #[test]
    fn a_cyrillic_word_finds_its_latin_spelling() {
        assert!(finds("бишкек", "Officers inspected nightclubs in Bishkek"));
        assert!(finds("мвд", "MVD warns citizens"));
        assert!(finds("полиция", "POLITSIYA"));
        assert!(finds("казахстан", "North Kazakhstan region"));
        assert!(finds("мейирхан", "Данияр Мейірхан"), "a Russian spelling finds the Kazakh one");
        assert!(!finds("бишкек", "Officers inspected nightclubs in Almaty"));
    }

    #[test]
    fn cyrillic_case_and_yo_are_folded() {
        assert!(finds("ПОЛИЦИЯ", "полиция"));
        assert!(finds("полиция", "ПОЛИЦИЯ"));
        assert!(finds("ПоЛиЦиЯ", "Полиция"));
        assert!(finds("волонтеры", "волонтёры регионального движения"));
        assert!(finds("волонтёры", "Волонтеры"));
        assert!(finds("ЁЛОЧКА", "лагерь «Елочка»"));
    }

    #[test]
    fn latin_queries_still_find_latin_text() {
        assert!(finds("police", "Police officers met teenagers"));
        assert!(finds("Spider web", "operation “Spider web” concluded"));
        assert!(!finds("police", "Customs officers met teenagers"));
    }

    #[test]
    fn highlight_marks_the_other_script_match() {
        let query = Query::parse("bishkek almaty");
        let shown: Vec<(&str, bool)> =
            highlight("Рейд в Бишкеке и Алматы, Bishkek", &query).iter().map(|f| (f.text, f.marked)).collect();
        assert_eq!(
            shown,
            [("Рейд в ", false), ("Бишкек", true), ("е и ", false), ("Алматы", true), (", ", false), ("Bishkek", true)]
        );
        let query = Query::parse("полиция");
        let shown: Vec<(&str, bool)> =
            highlight("POLITSIYA and Полиция", &query).iter().map(|f| (f.text, f.marked)).collect();
        assert_eq!(shown, [("POLITSIYA", true), (" and ", false), ("Полиция", true)]);
        // A text shorter than the word as typed still shows the shorter spelling marked.
        let shown: Vec<(&str, bool)> =
            highlight("Полиция", &Query::parse("politsiya")).iter().map(|f| (f.text, f.marked)).collect();
        assert_eq!(shown, [("Полиция", true)]);
        // A dropped sign inside a match is marked with it.
        let query = Query::parse("podezd");
        let shown: Vec<(&str, bool)> = highlight("в подъезде", &query).iter().map(|f| (f.text, f.marked)).collect();
        assert_eq!(shown, [("в ", false), ("подъезд", true), ("е", false)]);
    }

    #[test]
    fn a_hostile_query_is_bounded() {
        let words: Vec<String> = (0..500).map(|i| format!("yiyjcyiyjc{i}")).collect();
        let long_word = "y".repeat(10_000);
        let text = format!("{} {long_word} {}", words.join(" "), "ыйцж".repeat(100));
        let query = Query::parse(&text);
        assert_eq!(query.terms().len(), 502);
        for (index, spellings) in query.spellings.iter().enumerate() {
            assert!(spellings.len() <= translit::MAX_SPELLINGS, "word {index}: {}", spellings.len());
            if index >= translit::MAX_SPELT_WORDS {
                assert!(spellings.is_empty(), "word {index} is past the words that get spellings");
            }
        }
        let query = Query::parse(&long_word);
        assert!(query.spellings[0].is_empty(), "a word too long to respell");
        // Still answers, and still matches what it should.
        let fragments = highlight("ыйцж", &Query::parse(&text));
        assert_eq!(fragments.iter().map(|f| f.text).collect::<String>(), "ыйцж");
        assert!(Query::parse("yiyjcyiyjc0").matches_folded(&fold("yiyjcyiyjc0")));
    }

    #[test]
    fn cross_script_search_over_the_english_and_russian_releases() {
        use caricc_import::import::{import_release, ImportOptions};
        let english = parse_bundle(include_str!("../../../static/bundle.json")).unwrap().issues.remove(0);
        let russian = import_release(
            include_str!("../../../tests/fixtures/releases/information-release-2025-15-ru.txt"),
            &ImportOptions::default(),
        )
        .unwrap()
        .issue;
        let bundle = Bundle { format: 1, issues: vec![english, russian] };
        let index = SearchIndex::new(&bundle);
        let found = |query: &str| -> Vec<String> {
            index
                .search(&bundle, &Query::parse(query), None)
                .iter()
                .map(|at| format!("{}:{}", bundle.issues[at.issue].lang, bundle.issues[at.issue].events[at.event].id))
                .collect()
        };
        assert_eq!(found("Almaty"), ["ru:2025-15-kz-1"]);
        assert_eq!(found("bishkek"), ["en:2025-15-kg-1", "ru:2025-15-kg-1"]);
        assert_eq!(found("бишкек"), ["en:2025-15-kg-1", "ru:2025-15-kg-1"]);
        assert_eq!(found("politsiya"), ["ru:2025-15-kz-3"]);
        assert_eq!(found("ПОЛИЦИЯ"), ["ru:2025-15-kz-3"]);
        assert_eq!(found("волонтеры"), ["ru:2025-15-ru-2"]);
        assert_eq!(found("topnews.kg"), ["en:2025-15-kg-1", "ru:2025-15-kg-1"]);
        for query in ["MVD", "мвд"] {
            let events = found(query);
            for id in ["en:2025-15-kz-4", "ru:2025-15-kz-4", "en:2025-15-ru-1", "ru:2025-15-ru-1"] {
                assert!(events.iter().any(|found| found == id), "{query}: {id} in {events:?}");
            }
        }
    }
}
