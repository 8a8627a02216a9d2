//! Fetching the bundle, and the states a reader can see while it happens.

use caricc_format::archive::{self, Manifest, Postings, ReleaseEntry};
use caricc_format::bundle::{parse_bundle_within_limits, DecodeError, MAX_BUNDLE_BYTES};
use caricc_format::model::{Bundle, Issue};
use caricc_search::search::SearchIndex;
use caricc_view::i18n::{Describe, Messages};
use std::cell::Cell;
use std::rc::Rc;
use thiserror::Error;

/// Where the bundle is fetched from when the page's URL does not say (`?bundle=`).
/// Relative, so it resolves against the document's base URL and the viewer works under any path.
pub const DEFAULT_BUNDLE_URL: &str = "bundle.json";

/// The `id` of the element in which a single-file offline edition carries its bundle.
pub const EMBEDDED_BUNDLE_ID: &str = "caricc-bundle";

/// Response header the service worker adds when it answers from its saved copy.
const OFFLINE_COPY_HEADER: &str = "x-caricc-offline-copy";

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
    /// archive no longer on screen is dropped.
    pub id: u32,
    /// Shared between the states of one archive: a change to its search state copies
    /// neither the releases nor their folded text.
    pub bundle: Rc<Bundle>,
    pub index: Rc<SearchIndex>,
    pub origin: Origin,
    /// Set when the bundle stands for a chunked archive whose releases arrive one by one.
    pub archive: Option<Archive>,
}

impl Loaded {
    pub fn new(bundle: Bundle, origin: Origin) -> Loaded {
        let (bundle, index) = (Rc::new(bundle), Rc::new(SearchIndex::default()));
        // The search index is built once the first cards are painted (or by the first search,
        // if the reader is quicker), and not if the reader has opened another bundle since.
        let (weak_bundle, weak_index) = (Rc::downgrade(&bundle), Rc::downgrade(&index));
        crate::browser::after_paint(move || {
            if let (Some(bundle), Some(index)) = (weak_bundle.upgrade(), weak_index.upgrade()) {
                index.build(&bundle);
            }
        });
        Loaded { id: next_id(), bundle, index, origin, archive: None }
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
        Loaded { id: next_id(), index: Rc::default(), bundle: Rc::new(bundle), origin, archive: Some(archive) }
    }

    /// True when release `at` is listed but not fetched yet.
    pub fn is_pending(&self, at: usize) -> bool {
        self.archive.as_ref().is_some_and(|archive| !archive.fetched.get(at).copied().unwrap_or(true))
    }

    /// Takes in fetched releases (or why they could not be fetched), and the manifest of
    /// the older releases (see `Manifest::parts`) when it has arrived: fetched as an archive
    /// of its own, its releases follow the ones listed, in the same positions as in the
    /// index. If it could not be fetched, the archive stays as it is and says why.
    pub fn with_arrivals(
        &self,
        arrivals: Vec<(usize, Result<Issue, Rc<LoadError>>)>,
        older: Option<Result<Box<Loaded>, Rc<LoadError>>>,
    ) -> Loaded {
        let mut next = self.clone();
        let Some(archive) = next.archive.as_mut() else { return next };
        // The bundle and index are copied (once per change, while the previous state still
        // holds them) only when releases are added; the part's own are not copied at all.
        match older.map(|part| part.map(|part| *part)) {
            Some(Ok(Loaded { bundle: part_bundle, archive: Some(part), .. })) => {
                Rc::make_mut(&mut next.bundle).issues.extend(Rc::unwrap_or_clone(part_bundle).issues);
                Rc::make_mut(&mut archive.manifest).releases.extend(Rc::unwrap_or_clone(part.manifest).releases);
                archive.fetched.extend(part.fetched);
                archive.failed.extend(part.failed);
                // A further part, should this one name one.
                archive.older = part.older;
            }
            Some(other) => {
                archive.older = None;
                archive.older_failed = other.err();
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

fn next_id() -> u32 {
    thread_local!(static LAST: Cell<u32> = const { Cell::new(0) });
    LAST.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    })
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
    /// Fetching the index shards the query needs.
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

/// One loaded bundle is only ever equal to itself: comparing a large bundle field by
/// field on every render would cost more than it could save.
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// What the page shows: one state, so it can never be both loading and failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Loading,
    Ready(Rc<Loaded>),
    Failed(Rc<LoadError>),
}

/// Why the bundle could not be shown, in words a reader can act on.
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
            LoadError::Status { url, status, status_text } => (t.error_status)(url, *status, status_text),
            LoadError::TooLarge { name, size } => (t.error_too_large)(name, *size),
            LoadError::File { name, message } => (t.error_read)(name, message),
            LoadError::NotUtf8 { name, line, offset } => (t.error_not_utf8)(name, *line, *offset),
            LoadError::ManifestFile { name } => (t.error_manifest_file)(name),
            LoadError::Decode { url, source } => (t.error_decode)(url, &source.describe(t)),
        }
    }
}

/// `?bundle=URL`, if the page was opened with one.
fn bundle_url_from_query() -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("bundle"))
        .filter(|url| !url.trim().is_empty())
}

/// Refuses a bundle URL on another origin before asking the network (the page's
/// Content-Security-Policy would block it anyway, with a less helpful message).
#[cfg(target_arch = "wasm32")]
fn check_same_site(url: &str) -> Result<(), LoadError> {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return Ok(()) };
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let own = web_sys::window().and_then(|window| window.location().origin().ok()).unwrap_or_default();
    match web_sys::Url::new_with_base(url, &base) {
        Ok(resolved) if resolved.origin() == own => Ok(()),
        // `file:` pages have an opaque origin ("null"): leave those to the browser.
        Ok(_) if own == "null" => Ok(()),
        _ => Err(LoadError::OtherSite { url: url.to_owned() }),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn check_same_site(_: &str) -> Result<(), LoadError> {
    Ok(())
}

/// The bundle the page opens with: `?bundle=URL` if given, else the one the page carries
/// (offline edition), else `bundle.json` beside the page. `Err` holds the URL to fetch.
pub fn initial_bundle() -> Result<Result<Loaded, LoadError>, String> {
    let asked = bundle_url_from_query();
    if asked.is_none() {
        if let Some(text) = embedded_bundle_text() {
            let bundle = parse_bundle_within_limits(&text)
                .map_err(|source| LoadError::Decode { url: EMBEDDED_BUNDLE_ID.into(), source });
            return Ok(bundle.map(|bundle| Loaded::new(bundle, Origin::Embedded)));
        }
    }
    Err(asked.unwrap_or_else(|| DEFAULT_BUNDLE_URL.to_owned()))
}

fn embedded_bundle_text() -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.document()?.get_element_by_id(EMBEDDED_BUNDLE_ID)?.text_content()
}

/// Reads a bundle file the reader chose or dropped on the page.
pub async fn read_file(file: web_sys::File) -> Result<Loaded, LoadError> {
    let name = file.name();
    if file.size() > MAX_BUNDLE_BYTES as f64 {
        return Err(LoadError::TooLarge { name, size: file.size() as u64 });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| LoadError::File { name: name.clone(), message: js_error_text(error) })?;
    let text = utf8_text(js_sys::Uint8Array::new(&buffer).to_vec(), &name)?;
    if archive::is_manifest(&text) {
        return Err(LoadError::ManifestFile { name });
    }
    let bundle = parse_bundle_within_limits(&text).map_err(|source| LoadError::Decode { url: name.clone(), source })?;
    Ok(Loaded::new(bundle, Origin::File { name }))
}

/// Bytes as UTF-8 text, refusing what is not, as the CLI does (a browser's own decoding
/// would quietly turn bad bytes into U+FFFD and drop a byte-order mark).
fn utf8_text(bytes: Vec<u8>, name: &str) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let line = error.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        LoadError::NotUtf8 { name: name.to_owned(), line, offset }
    })
}

/// Fetches and parses the bundle, or the manifest of a chunked archive, at `url`.
pub async fn fetch_bundle(url: &str) -> Result<Loaded, LoadError> {
    check_same_site(url)?;
    let (text, saved) = fetch_text(url).await?;
    let origin = Origin::Fetched { url: url.to_owned(), saved };
    let decode = |source| LoadError::Decode { url: url.to_owned(), source };
    if archive::is_manifest(&text) {
        let manifest = archive::parse_manifest(&text).map_err(decode)?;
        return Ok(Loaded::from_manifest(manifest, url.to_owned(), origin));
    }
    let bundle = parse_bundle_within_limits(&text).map_err(decode)?;
    Ok(Loaded::new(bundle, origin))
}

/// A fetched release file of a chunked archive, if it holds the release the manifest names.
pub fn release_from_text(url: &str, text: &str, entry: &ReleaseEntry) -> Result<Issue, LoadError> {
    let decode = |source| LoadError::Decode { url: url.to_owned(), source };
    let bundle = parse_bundle_within_limits(text).map_err(decode)?;
    archive::release_from_file(entry, bundle).map_err(decode)
}

/// A fetched shard of a chunked archive's search index.
pub fn shard_from_text(url: &str, text: &str, manifest: &Manifest, shard: u32) -> Result<Postings, LoadError> {
    archive::parse_shard(text, shard, manifest.releases.len())
        .map_err(|source| LoadError::Decode { url: url.to_owned(), source })
}

/// What a failed fetch or read says: its JavaScript error as text ("TypeError: Failed to
/// fetch"), or the value itself when something other than an error was thrown.
fn js_error_text(error: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_into::<js_sys::Error>() {
        Ok(error) => String::from(error.to_string()),
        Err(other) => other.as_string().unwrap_or_else(|| "unknown error".to_owned()),
    }
}

/// The text at `url`, and the date of the service worker's saved copy when it answered.
pub async fn fetch_text(url: &str) -> Result<(String, Option<String>), LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let network = |error| LoadError::Network { url: url.to_owned(), message: js_error_text(error) };
    let Some(window) = web_sys::window() else {
        return Err(LoadError::Network { url: url.to_owned(), message: "no browser window".to_owned() });
    };
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(network)?.unchecked_into();
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let saved = response.headers().get(OFFLINE_COPY_HEADER).ok().flatten();
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?).await.map_err(network)?;
    let text = utf8_text(js_sys::Uint8Array::new(&buffer).to_vec(), url)?;
    Ok((text, saved))
}
