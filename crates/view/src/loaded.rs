//! What is loaded: one state for the page ([`Load`]), the bundle on screen ([`Loaded`]),
//! and, for a chunked archive, which of its releases are here ([`Archive`]). The loading
//! machine ([`crate::loading`]) moves these forward; the viewer only reads them.

use crate::i18n::{Describe, Messages};
use caricc_format::archive::{self, Manifest};
use caricc_format::bundle::{parse_bundle_within_limits, DecodeError, MAX_BUNDLE_BYTES};
use caricc_format::model::{Bundle, Issue};
use caricc_search::search::SearchIndex;
use std::rc::Rc;
use thiserror::Error;

/// Where the bundle on screen came from, so the page can say which one is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Fetched from the site; `saved` holds the date of the copy when the network was down
    /// and the service worker answered with what it had saved.
    Fetched { url: String, saved: Option<String> },
    /// Carried inside the page itself (the offline edition).
    Embedded,
    /// Opened by the reader from a file on their computer.
    File { name: String },
}

/// A bundle ready to show, with what is derived from it once (not per keystroke).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Tells one opened bundle or archive from the next, so that a late answer for an
    /// archive no longer on screen is dropped. The loading machine numbers them as they open.
    pub id: u32,
    /// Shared between the states of one archive: a change to its search state copies
    /// neither the releases nor their folded text.
    pub bundle: Rc<Bundle>,
    /// Built once the first cards are painted (the loading machine asks for that), or by
    /// the first search, if the reader is quicker.
    pub index: Rc<SearchIndex>,
    pub origin: Origin,
    /// Set when the bundle stands for a chunked archive whose releases arrive one by one.
    pub archive: Option<Archive>,
}

/// The manifest of an archive's older releases, and the URL it came from (which its own
/// files, and a further part it may name, are relative to).
#[derive(Debug, Clone, PartialEq)]
pub struct OlderPart {
    pub url: String,
    pub manifest: Manifest,
}

impl Loaded {
    pub fn new(bundle: Bundle, origin: Origin) -> Loaded {
        Loaded { id: 0, bundle: Rc::new(bundle), index: Rc::default(), origin, archive: None }
    }

    /// An archive before any of its releases is here: the manifest's releases, no events.
    pub fn from_manifest(manifest: Manifest, url: String, origin: Origin) -> Loaded {
        let bundle = archive::placeholder_bundle(&manifest);
        let archive = Archive {
            older: manifest.older.as_deref().map(|file| archive::resolve(&url, file)),
            older_failed: None,
            url,
            fetched: vec![false; manifest.releases.len()],
            failed: vec![None; manifest.releases.len()],
            manifest: Rc::new(manifest),
            search: None,
        };
        Loaded { id: 0, index: Rc::default(), bundle: Rc::new(bundle), origin, archive: Some(archive) }
    }

    /// The bundle, or the manifest of a chunked archive, fetched from `url`.
    pub fn decode(url: &str, text: &str, origin: Origin) -> Result<Loaded, LoadError> {
        let decode = |source| LoadError::Decode { url: url.to_owned(), source };
        if archive::is_manifest(text) {
            let manifest = archive::parse_manifest(text).map_err(decode)?;
            return Ok(Loaded::from_manifest(manifest, url.to_owned(), origin));
        }
        let bundle = parse_bundle_within_limits(text).map_err(decode)?;
        Ok(Loaded::new(bundle, origin))
    }

    /// True when release `at` is listed but not fetched yet.
    pub fn is_pending(&self, at: usize) -> bool {
        self.archive.as_ref().is_some_and(|archive| !archive.fetched.get(at).copied().unwrap_or(true))
    }

    /// Takes in fetched releases (or why they could not be fetched), and the manifest of
    /// the older releases (see `Manifest::parts`) when it has arrived: its releases follow
    /// the ones listed, in the same positions as in the index. If it could not be fetched,
    /// the archive stays as it is and says why.
    pub fn with_arrivals(
        &self,
        arrivals: Vec<(usize, Result<Issue, Rc<LoadError>>)>,
        older: Option<Result<OlderPart, Rc<LoadError>>>,
    ) -> Loaded {
        let mut next = self.clone();
        let Some(archive) = next.archive.as_mut() else { return next };
        // The bundle and index are copied (once per change, while the previous state still
        // holds them) only when releases are added.
        match older {
            Some(Ok(OlderPart { url, manifest })) => {
                let listed = manifest.releases.len();
                Rc::make_mut(&mut next.bundle).issues.extend(archive::placeholder_bundle(&manifest).issues);
                archive.fetched.extend(std::iter::repeat_n(false, listed));
                archive.failed.extend(std::iter::repeat_n(None, listed));
                // A further part, should this one name one.
                archive.older = manifest.older.as_deref().map(|file| archive::resolve(&url, file));
                Rc::make_mut(&mut archive.manifest).releases.extend(manifest.releases);
            }
            Some(Err(error)) => {
                archive.older = None;
                archive.older_failed = Some(error);
            }
            None => {}
        }
        for (at, arrival) in arrivals {
            if at >= archive.fetched.len() || archive.fetched[at] {
                continue;
            }
            match arrival {
                Ok(issue) => {
                    Rc::make_mut(&mut next.index).insert_issue(at, &issue);
                    Rc::make_mut(&mut next.bundle).issues[at] = issue;
                    archive.fetched[at] = true;
                    archive.failed[at] = None;
                }
                Err(error) => archive.failed[at] = Some(error),
            }
        }
        next
    }
}

/// One loaded bundle is only ever equal to itself: comparing a large bundle field by
/// field on every render would cost more than it could save.
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// A chunked archive behind the bundle on screen ([`caricc_format::archive`]).
#[derive(Debug, Clone)]
pub struct Archive {
    /// The manifest's URL, which the archive's files are relative to.
    pub url: String,
    pub manifest: Rc<Manifest>,
    pub fetched: Vec<bool>,
    /// Why each release that could not be fetched could not.
    pub failed: Vec<Option<Rc<LoadError>>>,
    /// The search across all releases, while the reader has one.
    pub search: Option<ArchiveSearch>,
    /// The URL of the manifest of the older releases, while it is on its way: until it is
    /// here the archive lists only the newest year's.
    pub older: Option<String>,
    /// Why that manifest could not be fetched.
    pub older_failed: Option<Rc<LoadError>>,
}

impl Archive {
    /// Why release `at` could not be fetched, if it could not.
    pub fn failure(&self, at: usize) -> Option<&Rc<LoadError>> {
        self.failed.get(at).and_then(Option::as_ref)
    }

    /// True when release `at` is here or could not be fetched: nothing more will come.
    pub fn is_settled(&self, at: usize) -> bool {
        self.fetched.get(at).copied().unwrap_or(true) || self.failure(at).is_some()
    }

    /// The URL of release `at`'s file.
    pub fn release_url(&self, at: usize) -> Option<String> {
        self.manifest.releases.get(at).map(|entry| archive::resolve(&self.url, &entry.file))
    }

    /// The URL of the index's shard `shard`.
    pub fn shard_url(&self, shard: u32) -> String {
        archive::resolve(&self.url, &archive::shard_file(&self.manifest.search.files, shard))
    }
}

/// Where a search across a chunked archive's releases stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveSearch {
    /// The query as typed (the route's `q`).
    pub query: String,
    /// The releases searched: one language version of each, as the view chose them.
    pub versions: Rc<Vec<usize>>,
    pub state: SearchState,
}

impl ArchiveSearch {
    /// True when this is the search for `query` among `versions`.
    pub fn is_for(&self, query: &str, versions: &[usize]) -> bool {
        self.query == query && *self.versions == versions
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SearchState {
    /// Fetching the index shards the query needs (or waiting for every release to be
    /// listed, since the index names them all).
    ReadingIndex,
    /// No word of the query is long enough for the index: only releases already here are searched.
    TooShort,
    /// The releases that may match, newest first; the first `wanted` are searched.
    Candidates {
        releases: Rc<Vec<usize>>,
        wanted: usize,
    },
    Failed(Rc<LoadError>),
}

/// What the page shows: one state, so it can never be both loading and failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Load {
    #[default]
    Loading,
    Ready(Rc<Loaded>),
    Failed(Rc<LoadError>),
}

impl Load {
    /// True when `self` is the very state `other` is, not merely an equal one: every new
    /// state is a new `Rc`, so this tells whether the page must redraw without comparing
    /// (and compiling a comparison of) what two failures say.
    pub fn is(&self, other: &Load) -> bool {
        match (self, other) {
            (Load::Loading, Load::Loading) => true,
            (Load::Ready(a), Load::Ready(b)) => Rc::ptr_eq(a, b),
            (Load::Failed(a), Load::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Why the bundle, or one of an archive's files, could not be shown, in words a reader can
/// act on: each names the file.
#[derive(Debug, Error, PartialEq)]
pub enum LoadError {
    #[error("{url} is on another site: this viewer only loads bundles from its own site, so that no link can show another site's text as CARICC releases")]
    OtherSite { url: String },
    #[error("Could not fetch {url}: {message}")]
    Network { url: String, message: String },
    #[error("Could not fetch {url}: the server answered {status} {status_text}")]
    Status { url: String, status: u16, status_text: String },
    #[error("{name} is {size} bytes; the viewer opens bundles of at most {MAX_BUNDLE_BYTES} bytes")]
    // Whole bytes: formatting a float would pull float printing into the app for one message.
    TooLarge { name: String, size: u64 },
    #[error("{name}: line {line}: not UTF-8 text (byte {offset} is invalid)")]
    NotUtf8 { name: String, line: usize, offset: usize },
    #[error("Could not read {name}: {message}")]
    File { name: String, message: String },
    #[error("{name} is the manifest of an archive in separate files, which only opens from the site; open a single-file bundle instead")]
    ManifestFile { name: String },
    #[error("{url} is not a bundle this viewer can read: {source}")]
    Decode {
        url: String,
        #[source]
        source: DecodeError,
    },
}

impl LoadError {
    /// The message in the reader's interface language.
    pub fn describe(&self, t: &Messages) -> String {
        match self {
            LoadError::OtherSite { url } => (t.error_other_site)(url),
            LoadError::Network { url, message } => (t.error_fetch)(url, message),
            LoadError::Status { url, status, status_text } => (t.error_status)(url, u32::from(*status), status_text),
            LoadError::TooLarge { name, size } => (t.error_too_large)(name, *size),
            LoadError::File { name, message } => (t.error_read)(name, message),
            LoadError::NotUtf8 { name, line, offset } => (t.error_not_utf8)(name, *line, *offset),
            LoadError::ManifestFile { name } => (t.error_manifest_file)(name),
            LoadError::Decode { url, source } => (t.error_decode)(url, &source.describe(t)),
        }
    }
}
