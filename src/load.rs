//! Fetching and reading bundles in the browser: the page's own address, the reader's
//! files, the network. What they become, and what to fetch next, is decided by the pure
//! loading machine ([`caricc_view::loading`]).

use caricc_format::archive;
use caricc_format::bundle::{parse_bundle_within_limits, MAX_BUNDLE_BYTES};
use caricc_view::loaded::{LoadError, Loaded, Origin};

/// Where the bundle is fetched from when the page's URL does not say (`?bundle=`).
/// Relative, so it resolves against the document's base URL and the viewer works under any path.
pub const DEFAULT_BUNDLE_URL: &str = "bundle.json";

/// The `id` of the element in which a single-file offline edition carries its bundle.
pub const EMBEDDED_BUNDLE_ID: &str = "caricc-bundle";

/// Response header the service worker adds when it answers from its saved copy.
const OFFLINE_COPY_HEADER: &str = "x-caricc-offline-copy";

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

/// Fetches and decodes the bundle, or the manifest of a chunked archive, at `url`.
pub async fn fetch_bundle(url: &str) -> Result<Loaded, LoadError> {
    check_same_site(url)?;
    let (text, saved) = fetch_text(url).await?;
    Loaded::decode(url, &text, Origin::Fetched { url: url.to_owned(), saved })
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
