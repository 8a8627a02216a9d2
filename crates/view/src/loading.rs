//! Loading a bundle or a chunked archive, as a state machine with no browser in it: the
//! viewer feeds it [`Event`]s (a bundle opened, the page needs releases, files arrived)
//! and runs the [`Effect`]s it returns (fetch these files); the page renders
//! [`Loader::load`].
//!
//! For a chunked archive it decides what to fetch and when: each file once while it is on
//! its way; the older releases' manifest only after the first batch of releases has
//! arrived, so that the first card shares the network with nothing; the search index's
//! shards only once every release is listed (the index names them all), each shard once
//! per archive; then the releases that may match, [`ARCHIVE_SEARCH_PAGE`] at a time.
//! Answers may arrive in any order; an answer for an archive no longer on screen is dropped.
//! Fetched text is decoded here, so that every failure names its file.

use crate::loaded::{Archive, ArchiveSearch, Load, LoadError, Loaded, OlderPart, SearchState};
use caricc_format::archive::{self, Postings, MANIFEST_SHAPE};
use caricc_format::bundle::{parse_bundle_within_limits, DecodeError};
use caricc_format::model::Issue;
use caricc_search::index::{shard_of, IndexQuery};
use caricc_search::search::Query;
use std::rc::Rc;

/// Releases a search across a chunked archive fetches at a time.
pub const ARCHIVE_SEARCH_PAGE: usize = 50;

/// What the page on screen lacks from a chunked archive.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// Releases to fetch (positions in the manifest).
    Releases(Vec<usize>),
    /// Find the releases that may hold this query (the route's `q`), among these (one
    /// language version of each release), and search them.
    Search { query: String, versions: Rc<Vec<usize>> },
    /// Search the next page of candidate releases.
    SearchMore,
    /// The page shows no search across the archive (any more): its releases are not fetched.
    NoSearch,
}

/// Something that happened, for the machine to take in.
#[derive(Debug)]
pub enum Event {
    /// A bundle or an archive's manifest was opened (or could not be), replacing what is
    /// on screen, even mid-flight.
    Opened(Result<Loaded, LoadError>),
    /// The page lacks this from the archive on screen.
    Needed(Need),
    /// The answer to [`Effect::Fetch`]: the texts of `files` of archive `id`, each as
    /// fetched or why it could not be, in the order of the fetch's URLs.
    Fetched { id: u32, files: Files, texts: Vec<Result<String, LoadError>> },
}

/// Which of an archive's files a fetch is for, so that their texts find their way back.
#[derive(Debug, Clone, PartialEq)]
pub enum Files {
    /// Releases (positions in the manifest).
    Releases(Vec<usize>),
    /// The manifest of the older releases.
    Older,
    /// Shards of the search index.
    Shards(Vec<u32>),
}

/// Work for the viewer.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Fetch the texts at `urls` all at once and answer with [`Event::Fetched`] when the
    /// last is here, so that the page redraws once for a batch of files.
    Fetch { id: u32, files: Files, urls: Vec<String> },
    /// Build the search index of bundle `id` once the first cards are painted (if it is
    /// still on screen), so that they are not kept waiting for every event to be folded.
    BuildIndex { id: u32 },
}

/// The machine's state: what is on screen, and what is on its way for it.
#[derive(Debug, Default)]
pub struct Loader {
    load: Load,
    /// The last bundle's number ([`Loaded::id`]).
    last_id: u32,
    /// Of the archive on screen: releases on their way.
    releases_in_flight: Vec<usize>,
    /// Set once a batch of its releases has arrived (or failed): the older releases'
    /// manifest waits for it.
    release_arrived: bool,
    older_in_flight: bool,
    /// Its decoded index shards: a few per query, each read once.
    shards: Vec<(u32, Postings)>,
    shards_in_flight: Vec<u32>,
}

impl Loader {
    /// What the page shows.
    pub fn load(&self) -> &Load {
        &self.load
    }

    /// Takes in one event and returns what is to be fetched because of it.
    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Opened(opened) => self.open(opened),
            Event::Needed(need) if self.archive().is_some() => self.need(need),
            Event::Fetched { id, files, texts } if self.is_current(id) => match files {
                Files::Releases(releases) => self.releases_arrived(releases.into_iter().zip(texts)),
                Files::Older => match texts.into_iter().next() {
                    Some(text) => self.older_arrived(text),
                    None => Vec::new(),
                },
                Files::Shards(shards) => self.shards_arrived(shards.into_iter().zip(texts)),
            },
            // A need with no archive on screen, or an answer for one no longer on screen.
            _ => Vec::new(),
        }
    }

    fn open(&mut self, opened: Result<Loaded, LoadError>) -> Vec<Effect> {
        let id = self.last_id.wrapping_add(1);
        // Nothing on its way for the previous bundle matters any more.
        *self = Loader { last_id: id, ..Loader::default() };
        match opened {
            Ok(mut loaded) => {
                loaded.id = id;
                let listed = loaded.archive.as_ref().map(|archive| archive.manifest.releases.len());
                self.load = Load::Ready(Rc::new(loaded));
                match listed {
                    None => vec![Effect::BuildIndex { id }],
                    // No release to wait for: the older ones may come at once.
                    Some(0) => {
                        self.release_arrived = true;
                        self.fetch_older().into_iter().collect()
                    }
                    Some(_) => Vec::new(),
                }
            }
            Err(error) => {
                self.load = Load::Failed(Rc::new(error));
                Vec::new()
            }
        }
    }

    fn need(&mut self, need: Need) -> Vec<Effect> {
        match need {
            Need::Releases(wanted) => self.fetch_releases(wanted).into_iter().collect(),
            Need::Search { query, versions } => {
                // The page asks again whenever its needs change: the search on screen goes on
                // (or stays failed, rather than fetching again at every change).
                let current = self.archive().and_then(|archive| archive.search.as_ref());
                if current.is_some_and(|search| search.is_for(&query, &versions)) {
                    return Vec::new();
                }
                let search = ArchiveSearch { query, versions, state: SearchState::ReadingIndex };
                if let Some(archive) = self.archive_mut() {
                    archive.search = Some(search);
                }
                self.advance_search()
            }
            Need::SearchMore => {
                let Some(SearchState::Candidates { releases, wanted }) = self.search_state().cloned() else {
                    return Vec::new();
                };
                let more = (wanted + ARCHIVE_SEARCH_PAGE).min(releases.len());
                if more == wanted {
                    return Vec::new();
                }
                self.set_search_state(SearchState::Candidates { releases: releases.clone(), wanted: more });
                self.fetch_releases(releases[wanted..more].to_vec()).into_iter().collect()
            }
            Need::NoSearch => {
                if self.archive().is_some_and(|archive| archive.search.is_some()) {
                    if let Some(archive) = self.archive_mut() {
                        archive.search = None;
                    }
                }
                Vec::new()
            }
        }
    }

    fn releases_arrived(&mut self, texts: impl Iterator<Item = (usize, Result<String, LoadError>)>) -> Vec<Effect> {
        let Some(archive) = self.archive() else { return Vec::new() };
        let arrivals: Vec<(usize, Result<Issue, Rc<LoadError>>)> = texts
            .filter_map(|(at, text)| {
                let url = archive.release_url(at)?;
                let entry = &archive.manifest.releases[at];
                let issue = text.and_then(|text| {
                    let decode = |source| LoadError::Decode { url: url.clone(), source };
                    let bundle = parse_bundle_within_limits(&text).map_err(decode)?;
                    archive::release_from_file(entry, bundle).map_err(decode)
                });
                Some((at, issue.map_err(Rc::new)))
            })
            .collect();
        self.releases_in_flight.retain(|at| !arrivals.iter().any(|(arrived, _)| arrived == at));
        self.arrived(arrivals, None);
        self.release_arrived = true;
        self.fetch_older().into_iter().collect()
    }

    fn older_arrived(&mut self, text: Result<String, LoadError>) -> Vec<Effect> {
        let Some(url) = self.archive().and_then(|archive| archive.older.clone()) else { return Vec::new() };
        self.older_in_flight = false;
        let part = text.and_then(|text| {
            let decode = |source| LoadError::Decode { url: url.clone(), source };
            // A bundle where the manifest should be is refused as not a manifest, rather
            // than with whatever a bundle's decoding makes of it.
            if !archive::is_manifest(&text) {
                return Err(decode(DecodeError::Shape { path: "$".into(), message: MANIFEST_SHAPE.into() }));
            }
            let manifest = archive::parse_manifest(&text).map_err(decode)?;
            Ok(OlderPart { url: url.clone(), manifest })
        });
        self.arrived(Vec::new(), Some(part.map_err(Rc::new)));
        // A further part, and a search that waited for every release to be listed.
        let mut effects: Vec<Effect> = self.fetch_older().into_iter().collect();
        effects.extend(self.advance_search());
        effects
    }

    fn shards_arrived(&mut self, texts: impl Iterator<Item = (u32, Result<String, LoadError>)>) -> Vec<Effect> {
        let Some(archive) = self.archive() else { return Vec::new() };
        let (url, releases) = (archive.url.clone(), archive.manifest.releases.len());
        let files = archive.manifest.search.files.clone();
        let needed = self.search_query().map(|(query, _)| query.shards(archive.manifest.search.shards));
        let mut failure = None;
        for (shard, text) in texts {
            self.shards_in_flight.retain(|&other| other != shard);
            let url = archive::resolve(&url, &archive::shard_file(&files, shard));
            let decoded = text.and_then(|text| {
                archive::parse_shard(&text, shard, releases).map_err(|source| LoadError::Decode { url, source })
            });
            match decoded {
                Ok(postings) if self.shard(shard).is_none() => self.shards.push((shard, postings)),
                Ok(_) => {}
                // Only the search on screen is told; another will fetch the shard again.
                Err(error) if needed.as_ref().is_some_and(|needed| needed.contains(&shard)) => {
                    failure.get_or_insert(error);
                }
                Err(_) => {}
            }
        }
        match failure {
            Some(error) => {
                self.set_search_state(SearchState::Failed(Rc::new(error)));
                Vec::new()
            }
            None => self.advance_search(),
        }
    }

    /// Moves the search on screen on as far as what is here allows: to "too short" if the
    /// index cannot narrow it, to fetching the shards it lacks, or to its candidates.
    fn advance_search(&mut self) -> Vec<Effect> {
        let Some((query, versions)) = self.search_query() else { return Vec::new() };
        if !query.narrows() {
            self.set_search_state(SearchState::TooShort);
            return Vec::new();
        }
        let (Some(archive), Load::Ready(loaded)) = (self.archive(), &self.load) else { return Vec::new() };
        // The index names releases of both manifests: read only once both are here.
        if archive.older.is_some() {
            return Vec::new();
        }
        let id = loaded.id;
        let count = archive.manifest.search.shards;
        let missing: Vec<u32> = query.shards(count).into_iter().filter(|&shard| self.shard(shard).is_none()).collect();
        if !missing.is_empty() {
            let shards: Vec<u32> = missing.into_iter().filter(|shard| !self.shards_in_flight.contains(shard)).collect();
            if shards.is_empty() {
                return Vec::new();
            }
            let urls = shards.iter().map(|&shard| archive.shard_url(shard)).collect();
            self.shards_in_flight.extend(&shards);
            return vec![Effect::Fetch { id, files: Files::Shards(shards), urls }];
        }
        let postings = |gram: &str| self.shard(shard_of(gram, count)).and_then(|postings| postings.get(gram));
        // In increasing order.
        let candidates = query.candidates(archive.manifest.releases.len(), postings).unwrap_or_default();
        // In the view's order (newest first), one language version of each.
        let releases: Vec<usize> = versions.iter().copied().filter(|at| candidates.binary_search(at).is_ok()).collect();
        let wanted = releases.len().min(ARCHIVE_SEARCH_PAGE);
        let first = releases[..wanted].to_vec();
        self.set_search_state(SearchState::Candidates { releases: Rc::new(releases), wanted });
        self.fetch_releases(first).into_iter().collect()
    }

    /// The fetch of those of `wanted` that are listed, not here and not on their way.
    fn fetch_releases(&mut self, wanted: Vec<usize>) -> Option<Effect> {
        let Load::Ready(loaded) = &self.load else { return None };
        let archive = loaded.archive.as_ref()?;
        let (mut releases, mut urls) = (Vec::new(), Vec::new());
        for at in wanted {
            if archive.is_settled(at) || self.releases_in_flight.contains(&at) {
                continue;
            }
            if let Some(url) = archive.release_url(at) {
                self.releases_in_flight.push(at);
                releases.push(at);
                urls.push(url);
            }
        }
        (!releases.is_empty()).then_some(Effect::Fetch { id: loaded.id, files: Files::Releases(releases), urls })
    }

    /// The fetch of the older releases' manifest, once a release has arrived and while it
    /// is listed and not on its way.
    fn fetch_older(&mut self) -> Option<Effect> {
        if !self.release_arrived || self.older_in_flight {
            return None;
        }
        let Load::Ready(loaded) = &self.load else { return None };
        let url = loaded.archive.as_ref()?.older.clone()?;
        self.older_in_flight = true;
        Some(Effect::Fetch { id: loaded.id, files: Files::Older, urls: vec![url] })
    }

    fn is_current(&self, id: u32) -> bool {
        matches!(&self.load, Load::Ready(loaded) if loaded.id == id && loaded.archive.is_some())
    }

    fn archive(&self) -> Option<&Archive> {
        match &self.load {
            Load::Ready(loaded) => loaded.archive.as_ref(),
            _ => None,
        }
    }

    fn shard(&self, shard: u32) -> Option<&Postings> {
        self.shards.iter().find(|(number, _)| *number == shard).map(|(_, postings)| postings)
    }

    fn search_state(&self) -> Option<&SearchState> {
        self.archive()?.search.as_ref().map(|search| &search.state)
    }

    /// The search on screen, while it is reading the index.
    fn search_query(&self) -> Option<(IndexQuery, Rc<Vec<usize>>)> {
        let search = self.archive()?.search.as_ref().filter(|search| search.state == SearchState::ReadingIndex)?;
        Some((IndexQuery::new(&Query::parse(&search.query)), search.versions.clone()))
    }

    fn set_search_state(&mut self, state: SearchState) {
        if let Some(search) = self.archive_mut().and_then(|archive| archive.search.as_mut()) {
            search.state = state;
        }
    }

    /// The archive on screen, to change. Always in a new `Loaded`: the page tells one state
    /// from the next by its address. (Not a function taking the change as a closure: that
    /// would be compiled once per change.)
    fn archive_mut(&mut self) -> Option<&mut Archive> {
        let Load::Ready(loaded) = &mut self.load else { return None };
        *loaded = Rc::new(Loaded::clone(loaded));
        Rc::get_mut(loaded)?.archive.as_mut()
    }

    /// Takes fetched releases, or the older releases' manifest, into the archive on screen.
    fn arrived(
        &mut self,
        arrivals: Vec<(usize, Result<Issue, Rc<LoadError>>)>,
        older: Option<Result<OlderPart, Rc<LoadError>>>,
    ) {
        if let Load::Ready(loaded) = &self.load {
            self.load = Load::Ready(Rc::new(loaded.with_arrivals(arrivals, older)));
        }
    }
}
