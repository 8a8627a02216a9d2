//! The archive's search index: which releases hold each trigram of their searchable text,
//! in shards, written by [`split`] and read back through [`IndexQuery`]. The layout of the
//! files and their decoding are the format's ([`caricc_format::archive`]).

use crate::search::{searchable_text, Query};
use crate::trigram::{self, index_form, GRAM};
use caricc_format::archive::{release_file, GramList, Manifest, ReleaseEntry, SearchShards, Shard, Split, MAX_SHARDS};
use caricc_format::model::{Bundle, Issue, FORMAT_VERSION};
use std::collections::{BTreeMap, HashSet};

/// Uncompressed bytes a shard aims at when the number of shards is chosen automatically.
const SHARD_TARGET_BYTES: usize = 256 * 1024;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchIndex;
    use caricc_format::archive::*;
    use caricc_format::bundle::parse_bundle;
    use caricc_format::bundle::DecodeError;
    use std::collections::BTreeSet;

    fn sample() -> Bundle {
        parse_bundle(include_str!("../../../static/bundle.json")).unwrap()
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
        assert!(!is_manifest(include_str!("../../../static/bundle.json")));
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
