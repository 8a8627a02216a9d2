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

use crate::bundle::{decode_object, DecodeError};
use crate::decode::record;
use crate::model::{Bundle, Issue, Period, FORMAT_VERSION};
use crate::text::is_language_tag;
use serde::Serialize;

/// The manifest's file name in an archive folder.
pub const MANIFEST_FILE: &str = "manifest.json";
/// The second manifest, listing the releases older than the newest year's (see [`Manifest::parts`]).
pub const OLDER_MANIFEST_FILE: &str = "manifest-older.json";
/// Releases a manifest may list (ten times a bundle's limit: each release is its own file).
pub const MAX_MANIFEST_RELEASES: usize = 100_000;
/// Shards an index may have at most.
pub const MAX_SHARDS: u32 = 4_096;

record! {
    /// The manifest: what an archive holds and where its files are, relative to the manifest.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct Manifest {
        pub format: u32,
        pub releases: Vec<ReleaseEntry>,
        pub search: SearchShards,
        /// A manifest of its own listing the releases that follow these (older ones), relative
        /// to this one; its releases take the positions after these in the index.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub older: Option<String> = None,
    }
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

record! {
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
}

record! {
    /// Where the search index is: `files` with `{shard}` replaced by a shard number.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
    pub struct SearchShards {
        pub shards: u32,
        pub files: String,
    }
}

record! {
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
}

record! {
    /// A gram and its releases' gaps, written as the pair `["abc", [0, 3, 1]]`.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct GramList {
        pub gram: String,
        pub releases: Vec<u32>,
    }
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
            files.push((name.clone(), crate::bundle::to_json(bundle)));
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

/// A value as it is written in an archive: compact JSON and a newline.
pub fn compact_json<T: Serialize>(value: &T) -> String {
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

    #[test]
    fn wrong_values_are_named_as_serde_names_them() {
        let error = |json: &str| serde_json::from_str::<Period>(json).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"from": 1, "to": "b"}"#),
            "invalid type: integer `1`, expected a string at line 1 column 10"
        );
        // Inside the bracket, one column later than serde's typed readers say (see
        // `json_path::fault_offset`).
        assert_eq!(
            error(r#"{"from": [], "to": "b"}"#),
            "invalid type: sequence, expected a string at line 1 column 11"
        );
        assert_eq!(
            error(r#"{"from": 1.5}"#),
            "invalid type: floating point `1.5`, expected a string at line 1 column 12"
        );
        let error = |json: &str| serde_json::from_str::<ReleaseEntry>(json).unwrap_err().to_string();
        assert_eq!(error(r#"{"number": "15"}"#), "invalid type: string \"15\", expected u32 at line 1 column 15");
        assert_eq!(error(r#"{"number": -1}"#), "invalid value: integer `-1`, expected u32 at line 1 column 13");
        assert_eq!(
            error(r#"{"year": 3000000000}"#),
            "invalid value: integer `3000000000`, expected i32 at line 1 column 19"
        );
        assert_eq!(
            error(r#"{"period": true}"#),
            "invalid type: boolean `true`, expected struct Period at line 1 column 15"
        );
        assert_eq!(error(r#"{"lang": null}"#), "invalid type: null, expected a string at line 1 column 13");
        assert_eq!(error("[]"), "invalid length 0, expected struct ReleaseEntry with 6 elements at line 1 column 2");
    }
}
