//! Fetching the bundle, and the states a reader can see while it happens.

use crate::core::bundle::{parse_bundle, DecodeError};
use crate::core::model::Bundle;
use crate::core::search::SearchIndex;
use std::rc::Rc;
use thiserror::Error;
use yew::AttrValue;

/// Where the bundle is fetched from when the page's URL does not say (`?bundle=`).
/// Relative, so it resolves against the document's base URL and the viewer works under any path.
pub const DEFAULT_BUNDLE_URL: &str = "bundle.json";

/// A bundle ready to show, with what is derived from it once (not per keystroke).
#[derive(Debug)]
pub struct Loaded {
    pub bundle: Bundle,
    pub index: SearchIndex,
}

impl Loaded {
    pub fn new(bundle: Bundle) -> Loaded {
        let index = SearchIndex::new(&bundle);
        Loaded { bundle, index }
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
    Failed(AttrValue),
}

/// Why the bundle could not be shown, in words a reader can act on.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{url} is on another site: this viewer only loads bundles from its own site, so that no link can show another site's text as CARICC releases")]
    OtherSite { url: String },
    #[error("Could not fetch {url}: {message}")]
    Network { url: String, message: String },
    #[error("Could not fetch {url}: the server answered {status} {status_text}")]
    Status { url: String, status: u16, status_text: String },
    #[error("{url} is not a bundle this viewer can read: {source}")]
    Decode {
        url: String,
        #[source]
        source: DecodeError,
    },
}

/// The bundle location: `?bundle=URL` if the page was opened with one, else the default.
pub fn bundle_url() -> String {
    let from_query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("bundle"))
        .filter(|url| !url.trim().is_empty());
    from_query.unwrap_or_else(|| DEFAULT_BUNDLE_URL.to_owned())
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

/// Fetches and parses the bundle at `url`.
pub async fn fetch_bundle(url: &str) -> Result<Bundle, LoadError> {
    check_same_site(url)?;
    let network = |error: gloo::net::Error| LoadError::Network { url: url.to_owned(), message: error.to_string() };
    let response = gloo::net::http::Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response.text().await.map_err(network)?;
    parse_bundle(&text).map_err(|source| LoadError::Decode { url: url.to_owned(), source })
}
