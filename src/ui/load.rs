//! Fetching the bundle, and the states a reader can see while it happens.

use crate::core::bundle::{parse_bundle_within_limits, DecodeError, MAX_BUNDLE_BYTES};
use crate::core::i18n::Messages;
use crate::core::model::Bundle;
use crate::core::search::SearchIndex;
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
#[derive(Debug)]
pub struct Loaded {
    pub bundle: Bundle,
    pub index: SearchIndex,
    pub origin: Origin,
}

impl Loaded {
    pub fn new(bundle: Bundle, origin: Origin) -> Loaded {
        let index = SearchIndex::new(&bundle);
        Loaded { bundle, index, origin }
    }
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
/// (offline edition), else `bundle.json` beside the page.
pub async fn initial_bundle() -> Result<Loaded, LoadError> {
    let asked = bundle_url_from_query();
    if asked.is_none() {
        if let Some(text) = embedded_bundle_text() {
            let bundle = parse_bundle_within_limits(&text)
                .map_err(|source| LoadError::Decode { url: EMBEDDED_BUNDLE_ID.into(), source })?;
            return Ok(Loaded::new(bundle, Origin::Embedded));
        }
    }
    let url = asked.unwrap_or_else(|| DEFAULT_BUNDLE_URL.to_owned());
    fetch_bundle(&url).await
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
        .map_err(|error| LoadError::File { name: name.clone(), message: format!("{error:?}") })?;
    let text = utf8_text(js_sys::Uint8Array::new(&buffer).to_vec(), &name)?;
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

/// Fetches and parses the bundle at `url`. With the browser's `fetch` directly: a fetch
/// library's request builder and error types would be more WebAssembly for one GET.
pub async fn fetch_bundle(url: &str) -> Result<Loaded, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    check_same_site(url)?;
    // What a failed fetch or read says: its JavaScript error as text ("TypeError: Failed to fetch").
    let network = |error: wasm_bindgen::JsValue| LoadError::Network {
        url: url.to_owned(),
        message: String::from(error.unchecked_into::<js_sys::Error>().to_string()),
    };
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
    let bundle =
        parse_bundle_within_limits(&text).map_err(|source| LoadError::Decode { url: url.to_owned(), source })?;
    Ok(Loaded::new(bundle, Origin::Fetched { url: url.to_owned(), saved }))
}
