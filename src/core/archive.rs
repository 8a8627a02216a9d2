//! The chunked layout of an archive: a small manifest, one bundle file per release, and a
//! search index in shards, so that the viewer fetches only what a reader looks at.
//!
//! ```text
//! manifest.json              the releases (number, year, language, period, events)
//! releases/2025-15-en.json   one ordinary bundle per release
//! search/0.json … search/N   which releases contain each trigram of the searchable text
//! ```
//!
//! The search index answers one question: which releases *may* hold a query. Every three
//! characters of an event's searchable text (folded as search folds it, and with the
//! letters other-script spellings are compared as) are listed with the releases they occur
//! in. A release that holds a query word holds all of that word's trigrams, so the
//! releases that have them all are a superset of the matches, never missing one; the
//! viewer then fetches those releases and searches them exactly. Words shorter than three
//! characters cannot narrow anything: they are searched in the releases the longer words
//! narrowed to.

use crate::core::bundle::{decode_object, DecodeError};
use crate::core::model::{Bundle, Issue, Period, FORMAT_VERSION};
use crate::core::search::{searchable_text, Query};
use crate::core::text::is_language_tag;
use crate::core::trigram::{self, index_form, GRAM};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// The manifest's file name in an archive folder.
pub const MANIFEST_FILE: &str = "manifest.json";
/// The second manifest, listing the releases older than the newest year's (see [`Manifest::parts`]).
pub const OLDER_MANIFEST_FILE: &str = "manifest-older.json";
/// Releases a manifest may list (ten times a bundle's limit: each release is its own file).
pub const MAX_MANIFEST_RELEASES: usize = 100_000;
/// Shards an index may have at most.
pub const MAX_SHARDS: u32 = 4_096;
/// Uncompressed bytes a shard aims at when the number of shards is chosen automatically.
const SHARD_TARGET_BYTES: usize = 256 * 1024;

/// The manifest: what an archive holds and where its files are, relative to the manifest.
// Decoded through the shared visitor in `core::decode`, as the bundle's types are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    pub format: u32,
    pub releases: Vec<ReleaseEntry>,
    pub search: SearchShards,
    /// A manifest of its own listing the releases that follow these (older ones), relative
    /// to this one; its releases take the positions after these in the index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub older: Option<String>,
}

impl Manifest {
    /// The manifest as it is written: the newest year's releases, naming a second manifest
    /// ([`OLDER_MANIFEST_FILE`]) with the rest. The viewer reads the first before the first
    /// card, so that what it reads then does not grow with the archive; the releases keep
    /// their positions (the first manifest's, then the second's).
    pub fn parts(&self) -> (Manifest, Option<Manifest>) {
        let newest = self.releases.first().map(|entry| entry.year);
        let head = self.releases.iter().take_while(|entry| Some(entry.year) == newest).count();
        if head == self.releases.len() {
            return (self.clone(), None);
        }
        let part = |releases: &[ReleaseEntry], older: Option<String>| Manifest {
            format: self.format,
            releases: releases.to_vec(),
            search: self.search.clone(),
            older,
        };
        let (newest, older) = self.releases.split_at(head);
        (part(newest, Some(OLDER_MANIFEST_FILE.to_owned())), Some(part(older, None)))
    }
}

/// One release of the archive, with what the picker needs before it is fetched. Kept
/// short (about 130 bytes), since the manifest of 10,000 releases is read before anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseEntry {
    pub number: u32,
    pub year: i32,
    pub lang: String,
    pub period: Period,
    /// The release's bundle, relative to the manifest (`releases/2025-15-en.json`).
    pub file: String,
    /// How many events the release holds.
    pub events: u32,
}

/// Where the search index is: `files` with `{shard}` replaced by a shard number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchShards {
    pub shards: u32,
    pub files: String,
}

/// One shard of the search index: each trigram hashed to it, in order, with the releases
/// (positions in the manifest) that contain it, as the first position then the gaps
/// between positions. Pairs rather than a JSON object, so that the viewer reads them into
/// a sorted list without a map type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Shard {
    pub format: u32,
    pub shard: u32,
    pub grams: Vec<GramList>,
}

/// A gram and its releases' gaps, written as the pair `["abc", [0, 3, 1]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GramList {
    pub gram: String,
    pub releases: Vec<u32>,
}

impl Serialize for GramList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&self.gram, &self.releases).serialize(serializer)
    }
}

/// An archive split into its files, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub manifest: Manifest,
    /// Each release's file name and its one-release bundle.
    pub releases: Vec<(String, Bundle)>,
    pub shards: Vec<Shard>,
}

impl Split {
    /// Every file as (path relative to the archive folder, JSON text), manifest last so that
    /// a reader never finds a manifest naming files not written yet (the older releases'
    /// manifest just before it).
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = Vec::with_capacity(self.releases.len() + self.shards.len() + 1);
        for (name, bundle) in &self.releases {
            files.push((name.clone(), crate::core::bundle::to_json(bundle)));
        }
        for shard in &self.shards {
            files.push((shard_file(&self.manifest.search.files, shard.shard), compact_json(shard)));
        }
        let (newest, older) = self.manifest.parts();
        if let Some(older) = older {
            files.push((OLDER_MANIFEST_FILE.to_owned(), compact_json(&older)));
        }
        files.push((MANIFEST_FILE.to_owned(), compact_json(&newest)));
        files
    }
}

fn compact_json<T: Serialize>(value: &T) -> String {
    // Plain structs of strings, numbers and maps with string keys always serialise.
    let mut json = serde_json::to_string(value).unwrap_or_default();
    json.push('\n');
    json
}

/// The file of a release within an archive folder.
pub fn release_file(issue: &Issue) -> String {
    format!("releases/{}-{:02}-{}.json", issue.year, issue.number, issue.lang)
}

/// The file of shard `shard`.
pub fn shard_file(pattern: &str, shard: u32) -> String {
    pattern.replace("{shard}", &shard.to_string())
}

/// Splits a bundle into the chunked layout, releases newest first. `shards` fixes the
/// number of index shards; by default it is chosen so that a shard is about 256 KB.
pub fn split(bundle: &Bundle, shards: Option<u32>) -> Split {
    let mut splitter = Splitter::default();
    let mut issues: Vec<&Issue> = bundle.issues.iter().collect();
    // Stable: the language versions of a release stay in the bundle's order.
    issues.sort_by_key(|issue| std::cmp::Reverse((issue.year, issue.number)));
    let releases = issues
        .into_iter()
        .map(|issue| (splitter.add(issue), Bundle { format: FORMAT_VERSION, issues: vec![issue.clone()] }))
        .collect();
    Split { releases, ..splitter.finish(shards) }
}

/// A split built one release at a time, for archives too large to hold as one bundle: each
/// release's file can be written and the release dropped before the next is made.
#[derive(Debug, Default)]
pub struct Splitter {
    postings: BTreeMap<String, Vec<u32>>,
    entries: Vec<ReleaseEntry>,
}

impl Splitter {
    /// Indexes the next release (in manifest order: newest first) and returns its file.
    pub fn add(&mut self, issue: &Issue) -> String {
        let position = self.entries.len() as u32;
        // The windows grams_of reads, kept as arrays until they are distinct: a release has
        // tens of thousands of windows and a few thousand different grams.
        let mut grams: HashSet<[char; GRAM]> = HashSet::new();
        for event in &issue.events {
            let text = index_form(&searchable_text(event));
            grams.extend(text.windows(GRAM).filter_map(|window| <[char; GRAM]>::try_from(window).ok()));
        }
        for gram in grams {
            self.postings.entry(gram.iter().collect()).or_default().push(position);
        }
        let file = release_file(issue);
        self.entries.push(ReleaseEntry {
            number: issue.number,
            year: issue.year,
            lang: issue.lang.clone(),
            period: issue.period.clone(),
            file: file.clone(),
            events: issue.events.len() as u32,
        });
        file
    }

    /// The manifest and the index shards; `releases` is left empty (their files were made
    /// as they were added), so `files()` gives the shards and the manifest.
    pub fn finish(self, shards: Option<u32>) -> Split {
        let count = shards.unwrap_or_else(|| {
            // A gram's entry is its text and its gaps, at about two bytes each.
            let bytes: usize = self.postings.iter().map(|(gram, list)| gram.len() + 6 + 2 * list.len()).sum();
            (bytes / SHARD_TARGET_BYTES + 1).next_power_of_two() as u32
        });
        let count = count.clamp(1, MAX_SHARDS);
        let mut shard_list: Vec<Shard> =
            (0..count).map(|shard| Shard { format: FORMAT_VERSION, shard, grams: Vec::new() }).collect();
        // In gram order, since `postings` is sorted.
        for (gram, list) in self.postings {
            let gaps = list.iter().scan(None, |last: &mut Option<u32>, &at| Some(at - last.replace(at).unwrap_or(0)));
            shard_list[shard_of(&gram, count) as usize].grams.push(GramList { gram, releases: gaps.collect() });
        }
        let manifest = Manifest {
            format: FORMAT_VERSION,
            releases: self.entries,
            search: SearchShards { shards: count, files: "search/{shard}.json".into() },
            older: None,
        };
        Split { manifest, releases: Vec::new(), shards: shard_list }
    }
}

/// The shard a gram is in: its hash, the same on every platform.
pub fn shard_of(gram: &str, shards: u32) -> u32 {
    trigram::hash(gram.as_bytes()) % shards.max(1)
}

/// What a query needs from the index: for each word that can narrow the search, the
/// trigrams of each way it may be written (all of one way's trigrams must occur).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexQuery {
    words: Vec<Vec<Vec<String>>>,
}

impl IndexQuery {
    pub fn new(query: &Query) -> IndexQuery {
        IndexQuery { words: query.grams().to_vec() }
    }

    /// False when no word of the query is long enough to narrow the search.
    pub fn narrows(&self) -> bool {
        !self.words.is_empty()
    }

    /// The shards holding the query's trigrams, each once.
    pub fn shards(&self, shards: u32) -> Vec<u32> {
        let mut found: Vec<u32> = Vec::new();
        for shard in self.words.iter().flatten().flatten().map(|gram| shard_of(gram, shards)) {
            if !found.contains(&shard) {
                found.push(shard);
            }
        }
        found
    }

    /// Positions of the releases that may hold the query, in manifest order; `None` when the
    /// query cannot narrow the search. `postings` gives a gram's releases (already decoded).
    pub fn candidates<'a>(&self, releases: usize, postings: impl Fn(&str) -> Option<&'a [u32]>) -> Option<Vec<usize>> {
        if !self.narrows() {
            return None;
        }
        let mut result = vec![true; releases];
        for ways in &self.words {
            let mut word = vec![false; releases];
            for grams in ways {
                let mut way = vec![true; releases];
                for gram in grams {
                    let mut has = vec![false; releases];
                    for &at in postings(gram).unwrap_or(&[]) {
                        if let Some(slot) = has.get_mut(at as usize) {
                            *slot = true;
                        }
                    }
                    way.iter_mut().zip(&has).for_each(|(w, h)| *w &= *h);
                }
                word.iter_mut().zip(&way).for_each(|(w, h)| *w |= *h);
            }
            result.iter_mut().zip(&word).for_each(|(r, w)| *r &= *w);
        }
        Some(result.iter().enumerate().filter(|(_, &may)| may).map(|(at, _)| at).collect())
    }
}

/// A decoded shard: each gram's releases as positions, sorted by gram.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    grams: Vec<(String, Vec<u32>)>,
}

impl Postings {
    pub fn get(&self, gram: &str) -> Option<&[u32]> {
        let found = self.grams.binary_search_by(|(other, _)| other.as_str().cmp(gram)).ok()?;
        Some(&self.grams[found].1)
    }
}

/// Reads a shard of an index over `releases` releases, checking that it is the shard asked
/// for and that every position is a release of the manifest.
pub fn parse_shard(text: &str, shard: u32, releases: usize) -> Result<Postings, DecodeError> {
    let decoded: Shard =
        decode_object(text, "a search shard is a JSON object with \"format\", \"shard\" and \"grams\"")?;
    if decoded.format != FORMAT_VERSION {
        return Err(DecodeError::UnsupportedFormat { found: decoded.format.to_string() });
    }
    if decoded.shard != shard {
        return Err(shape("$.shard", format!("this is shard {}, not shard {shard}", decoded.shard)));
    }
    let mut grams: Vec<(String, Vec<u32>)> = Vec::with_capacity(decoded.grams.len());
    for (index, GramList { gram, releases: gaps }) in decoded.grams.into_iter().enumerate() {
        if grams.last().is_some_and(|(last, _)| *last >= gram) {
            return Err(shape(&format!("$.grams[{index}][0]"), "grams must be in order, each once".into()));
        }
        let mut positions = Vec::with_capacity(gaps.len());
        let mut at: u64 = 0;
        for (position, &gap) in gaps.iter().enumerate() {
            at += u64::from(gap);
            if (position > 0 && gap == 0) || at >= releases as u64 {
                let path = format!("$.grams[{index}][1][{position}]");
                return Err(shape(&path, format!("not a release of the manifest's {releases} (positions must rise)")));
            }
            positions.push(at as u32);
        }
        grams.push((gram, positions));
    }
    Ok(Postings { grams })
}

/// What a manifest is, for a file that is something else.
pub const MANIFEST_SHAPE: &str = "a manifest is a JSON object with \"format\", \"releases\" and \"search\"";

/// Reads a manifest and checks what the viewer relies on: supported format, release files
/// inside the archive folder, a usable index.
pub fn parse_manifest(text: &str) -> Result<Manifest, DecodeError> {
    let manifest: Manifest = decode_object(text, MANIFEST_SHAPE)?;
    if manifest.format != FORMAT_VERSION {
        return Err(DecodeError::UnsupportedFormat { found: manifest.format.to_string() });
    }
    if manifest.releases.len() > MAX_MANIFEST_RELEASES {
        return Err(DecodeError::OverLimit {
            path: "$.releases".into(),
            message: format!("{} releases; a manifest lists at most {MAX_MANIFEST_RELEASES}", manifest.releases.len()),
        });
    }
    for (index, entry) in manifest.releases.iter().enumerate() {
        if !is_archive_path(&entry.file) {
            let message = "not a file inside the archive folder (letters, digits, `.`, `-`, `_` and `/` only)";
            return Err(shape(&format!("$.releases[{index}].file"), message.into()));
        }
        if !is_language_tag(&entry.lang) {
            return Err(shape(&format!("$.releases[{index}].lang"), "not a language tag".into()));
        }
    }
    if manifest.older.as_deref().is_some_and(|older| !is_archive_path(older)) {
        return Err(shape("$.older", "not a file inside the archive folder".into()));
    }
    let search = &manifest.search;
    if !(1..=MAX_SHARDS).contains(&search.shards) {
        return Err(shape("$.search.shards", format!("{} shards; an index has 1 to {MAX_SHARDS}", search.shards)));
    }
    if !search.files.contains("{shard}") || !is_archive_path(&search.files.replace("{shard}", "0")) {
        let message = "must name files inside the archive folder with `{shard}` for the shard's number";
        return Err(shape("$.search.files", message.into()));
    }
    Ok(manifest)
}

/// True when the text looks like a manifest rather than a bundle: an object naming
/// `releases` or `search` before its first array or object value. Bundles of every size
/// pass through here, so only that head is read (a bundle's first structured value is its
/// `issues`). A misjudged text still fails to parse, with that parser's message.
pub fn is_manifest(text: &str) -> bool {
    let Some(object) = text.trim_start_matches('\u{feff}').trim_start().strip_prefix('{') else { return false };
    let head = object.split(['{', '[']).next().unwrap_or_default();
    head.contains("\"releases\"") || head.contains("\"search\"")
}

/// A relative path that stays inside the archive folder and needs no escaping in a URL.
fn is_archive_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
        && path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
}

/// The URL of an archive's file, from the manifest's URL (relative or absolute) and the
/// file's path in the archive folder.
pub fn resolve(manifest_url: &str, file: &str) -> String {
    let without_query = manifest_url.split(['?', '#']).next().unwrap_or(manifest_url);
    match without_query.rfind('/') {
        Some(slash) => format!("{}{file}", &without_query[..=slash]),
        None => file.to_owned(),
    }
}

/// Stand-in releases for a manifest's entries: the bundle the viewer shows before any
/// release is fetched, one issue per entry with no events yet.
pub fn placeholder_bundle(manifest: &Manifest) -> Bundle {
    let issues = manifest
        .releases
        .iter()
        .map(|entry| Issue {
            number: entry.number,
            year: entry.year,
            lang: entry.lang.clone(),
            period: entry.period.clone(),
            title: String::new(),
            subtitle: String::new(),
            place: String::new(),
            publisher: Default::default(),
            summary: Default::default(),
            contents: Vec::new(),
            events: Vec::new(),
        })
        .collect();
    Bundle { format: FORMAT_VERSION, issues }
}

/// The release in a fetched release file, if it is the one the manifest's entry names.
pub fn release_from_file(entry: &ReleaseEntry, bundle: Bundle) -> Result<Issue, DecodeError> {
    let found = bundle.issues.len();
    let mut issues = bundle.issues.into_iter();
    match (issues.next(), found) {
        (Some(issue), 1) if issue.number == entry.number && issue.year == entry.year && issue.lang == entry.lang => {
            Ok(issue)
        }
        (Some(issue), 1) => Err(shape(
            "$.issues[0]",
            format!(
                "holds release #{} of {} ({}), but the manifest lists this file as #{} of {} ({})",
                issue.number, issue.year, issue.lang, entry.number, entry.year, entry.lang
            ),
        )),
        _ => Err(shape("$.issues", format!("{found} releases; a release file holds exactly one"))),
    }
}

fn shape(path: &str, message: String) -> DecodeError {
    DecodeError::Shape { path: path.to_owned(), message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundle::parse_bundle;
    use crate::core::search::SearchIndex;
    use std::collections::BTreeSet;

    fn sample() -> Bundle {
        parse_bundle(include_str!("../../static/bundle.json")).unwrap()
    }

    /// The candidates for `query` given a split, decoding its shards as the viewer does.
    fn candidates(split: &Split, query: &str) -> Option<Vec<usize>> {
        let releases = split.manifest.releases.len();
        let decoded: Vec<Postings> = split
            .shards
            .iter()
            .map(|shard| parse_shard(&compact_json(shard), shard.shard, releases).unwrap())
            .collect();
        let shards = split.manifest.search.shards;
        IndexQuery::new(&Query::parse(query))
            .candidates(releases, |gram| decoded[shard_of(gram, shards) as usize].get(gram))
    }

    /// Two releases, newest first: a copy of the sample renumbered with its text in Russian,
    /// and the sample.
    fn two_releases() -> Bundle {
        let mut bundle = sample();
        let mut other = bundle.issues[0].clone();
        other.number = 16;
        for event in &mut other.events {
            event.id = event.id.replace("2025-15-", "2025-16-");
            event.paragraphs = vec!["Полиция Алматы изъяла гашиш.".into()];
            event.title = "Объект".into();
        }
        bundle.issues.insert(0, other);
        bundle
    }

    #[test]
    fn candidates_include_every_release_search_finds() {
        let bundle = two_releases();
        let split = split(&bundle, Some(4));
        let index = SearchIndex::new(&bundle);
        for query in ["police", "almaty", "Алматы", "гашиш", "gashish", "obekt", "heroin", "kyrgyz", "мвд.рф"]
        {
            let found: BTreeSet<usize> =
                index.search(&bundle, &Query::parse(query), None).iter().map(|at| at.issue).collect();
            let may = candidates(&split, query).expect(query);
            for issue in &found {
                assert!(may.contains(issue), "{query}: release {issue} found by search but not a candidate");
            }
        }
        // And they narrow: the Russian text is only in the newer release.
        assert_eq!(candidates(&split, "гашиш"), Some(vec![0]));
        assert_eq!(candidates(&split, "zqxw"), Some(vec![]));
    }

    #[test]
    fn short_words_cannot_narrow() {
        let split = split(&sample(), None);
        assert_eq!(candidates(&split, "kg"), None);
        // The long word narrows; the short one is searched in what it narrows to.
        assert_eq!(candidates(&split, "kg police"), Some(vec![0]));
    }

    #[test]
    fn split_files_round_trip() {
        let bundle = two_releases();
        let split = split(&bundle, None);
        let files = split.files();
        assert_eq!(files.last().map(|(name, _)| name.as_str()), Some(MANIFEST_FILE));
        let manifest = parse_manifest(&files.last().unwrap().1).unwrap();
        assert!(is_manifest(&files.last().unwrap().1));
        assert!(!is_manifest(include_str!("../../static/bundle.json")));
        assert_eq!(manifest.releases[0].file, "releases/2025-16-en.json");
        assert_eq!(manifest.releases[1].events, 10);
        assert_eq!(manifest.older, None, "one year: one manifest");
        for (entry, issue) in manifest.releases.iter().zip(&bundle.issues) {
            let text = &files.iter().find(|(name, _)| name == &entry.file).unwrap().1;
            assert_eq!(&release_from_file(entry, parse_bundle(text).unwrap()).unwrap(), issue);
        }
        let placeholders = placeholder_bundle(&manifest);
        assert_eq!(placeholders.issues.len(), 2);
        assert!(placeholders.issues.iter().all(|issue| issue.events.is_empty()));
    }

    #[test]
    fn older_years_are_listed_in_a_second_manifest() {
        let mut bundle = two_releases();
        // In no order: a split lists the newest first whatever the bundle's order.
        let mut last_year = bundle.issues[0].clone();
        last_year.year = 2024;
        let mut year_before = last_year.clone();
        year_before.year = 2023;
        bundle.issues.insert(1, year_before);
        bundle.issues.insert(0, last_year);
        let split = split(&bundle, None);
        let keys: Vec<(i32, u32)> = split.manifest.releases.iter().map(|entry| (entry.year, entry.number)).collect();
        assert_eq!(keys, [(2025, 16), (2025, 15), (2024, 16), (2023, 16)]);

        let files = split.files();
        let names: Vec<&str> = files.iter().rev().take(2).map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, [MANIFEST_FILE, OLDER_MANIFEST_FILE], "written last, the newest year's manifest at the end");
        let newest = parse_manifest(&files[files.len() - 1].1).unwrap();
        let older = parse_manifest(&files[files.len() - 2].1).unwrap();
        assert_eq!(newest.older.as_deref(), Some(OLDER_MANIFEST_FILE));
        assert_eq!((newest.releases.len(), older.releases.len(), older.older), (2, 2, None));
        assert_eq!([newest.releases, older.releases].concat(), split.manifest.releases);
        assert_eq!((older.search, older.format), (split.manifest.search.clone(), 1));
        // Only a file inside the archive folder.
        let text = &files[files.len() - 1].1;
        for bad in ["../older.json", "https://evil.example/m.json", ""] {
            let error = parse_manifest(&text.replace(OLDER_MANIFEST_FILE, bad)).unwrap_err();
            assert_eq!(error.path(), Some("$.older"), "{bad}: {error}");
        }
    }

    #[test]
    fn a_wrong_release_file_is_refused() {
        let bundle = two_releases();
        let manifest = split(&bundle, None).manifest;
        let swapped = Bundle { format: 1, issues: vec![bundle.issues[1].clone()] };
        let error = release_from_file(&manifest.releases[0], swapped).unwrap_err();
        assert!(error.to_string().contains("holds release #15 of 2025"), "{error}");
        assert!(release_from_file(&manifest.releases[0], Bundle::default()).is_err());
    }

    #[test]
    fn bad_manifests_and_shards_say_where() {
        let good = compact_json(&split(&sample(), None).manifest);
        for (bad, path) in [
            (good.replace("releases/2025-15-en.json", "../secret.json"), "$.releases[0].file"),
            (good.replace("releases/2025-15-en.json", "https://evil.example/x.json"), "$.releases[0].file"),
            (good.replace("\"shards\":1", "\"shards\":0"), "$.search.shards"),
            (good.replace("search/{shard}.json", "search/all.json"), "$.search.files"),
            (good.replace("\"lang\":\"en\"", "\"lang\":\"<b>\""), "$.releases[0].lang"),
            ("[1]".to_owned(), "$"),
            (good.replace("\"year\":2025", "\"year\":\"2025\""), "$.releases[0].year"),
            (good.replace(",\"events\":10", ""), "$.releases[0]"),
        ] {
            let error = parse_manifest(&bad).unwrap_err();
            assert_eq!(error.path(), Some(path), "{bad}: {error}");
        }
        assert!(matches!(parse_manifest("{\"format\":1,"), Err(DecodeError::Syntax { line: 1, .. })));
        assert_eq!(
            parse_manifest(r#"{"format": 2, "releases": {"2025-15": {}}}"#),
            Err(DecodeError::UnsupportedFormat { found: "2".into() })
        );
        assert!(matches!(
            parse_manifest(&good.replace("\"format\":1", "\"format\":7")),
            Err(DecodeError::UnsupportedFormat { .. })
        ));
        let shard = |grams: &str| parse_shard(&format!(r#"{{"format":1,"shard":0,"grams":{grams}}}"#), 0, 5);
        assert_eq!(shard(r#"[["abc",[0,0]]]"#).unwrap_err().path(), Some("$.grams[0][1][1]"));
        assert_eq!(shard(r#"[["abc",[1]],["abd",[7]]]"#).unwrap_err().path(), Some("$.grams[1][1][0]"));
        assert_eq!(shard(r#"[["abd",[1]],["abc",[2]]]"#).unwrap_err().path(), Some("$.grams[1][0]"));
        assert!(shard(r#"[["abc",[4294967295,4294967295]]]"#).is_err());
        assert!(shard(r#"{"abc":[1]}"#).is_err());
        assert!(parse_shard(r#"{"format":1,"shard":1,"grams":[]}"#, 0, 5).is_err());
        let postings = shard(r#"[["abc",[1,2]],["xyz",[0]]]"#).unwrap();
        assert_eq!(
            (postings.get("abc"), postings.get("xyz"), postings.get("abd")),
            (Some(&[1, 3][..]), Some(&[0][..]), None)
        );
    }

    #[test]
    fn files_resolve_beside_the_manifest() {
        assert_eq!(resolve("archive/manifest.json", "releases/a.json"), "archive/releases/a.json");
        assert_eq!(resolve("manifest.json?v=2", "search/0.json"), "search/0.json");
        assert_eq!(resolve("https://x.example/a/manifest.json#k", "r.json"), "https://x.example/a/r.json");
        assert_eq!(resolve("/a/b/manifest.json", "r.json"), "/a/b/r.json");
    }

    #[test]
    fn a_manifest_is_told_from_a_bundle_by_its_head() {
        assert!(!is_manifest(r#" {"format": 1, "issues": [{"releases": 1}]}"#));
        assert!(is_manifest("\u{feff}{\"format\":1,\"releases\":[]}"));
        assert!(is_manifest(r#"{"title": "a \" b", "search": {}}"#));
        assert!(!is_manifest(r#"{"title": "\"releases\" later", "issues": []}"#));
        assert!(!is_manifest(r#"["releases"]"#));
        assert!(!is_manifest("not json"));
        assert!(!is_manifest("{\"unterminated"));
    }
}
