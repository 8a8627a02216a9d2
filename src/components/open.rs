//! Which bundle is open, and a way to open another from the reader's computer (the
//! offline reader's main door: no server, no network).

use crate::load::DEFAULT_BUNDLE_URL;
use caricc_view::i18n::Messages;
use caricc_view::loaded::{LoadError, Origin};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The single-file offline edition, published beside `index.html`.
pub const OFFLINE_EDITION: &str = "caricc-releases.html";

pub struct OpenProps<'a> {
    /// `None` while nothing is loaded.
    pub origin: Option<&'a Origin>,
    pub file_error: Option<&'a Rc<LoadError>>,
    pub on_open_file: &'a Callback<web_sys::File>,
}

/// The bundle controls. A function rather than a component of its own (which would be a
/// copy of Yew's component machinery in the WebAssembly): it has no state.
pub fn open_bundle(props: OpenProps, t: &Messages) -> Html {
    let onchange = {
        let on_open_file = props.on_open_file.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_open_file.emit(file);
            }
            // Choosing the same file again (after fixing it) must fire `change` again.
            input.set_value("");
        })
    };
    html! {
        <div class="bundle-controls">
            <label class="open-bundle">
                { t.open_bundle }
                <input type="file" id="open-bundle" accept=".json,application/json" {onchange} />
            </label>
            if let Some(origin) = props.origin {
                <p class="bundle-source">{ describe(origin, t) }</p>
            }
            if matches!(props.origin, Some(Origin::Fetched { url, .. }) if url == DEFAULT_BUNDLE_URL) {
                // Built with the site (scripts/build.sh) from its own bundle: the viewer and
                // these releases in one file. Not offered for another bundle or an archive,
                // which that file does not hold.
                <a class="download-offline" href={OFFLINE_EDITION} download="">{ t.download_offline }</a>
            }
            if let Some(error) = props.file_error {
                <p role="alert" class="alert file-error">{ error.describe(t) }</p>
            }
        </div>
    }
}

fn describe(origin: &Origin, t: &Messages) -> String {
    match origin {
        Origin::Fetched { url, saved: None } => (t.bundle_fetched)(url),
        Origin::Fetched { url, saved: Some(date) } => (t.bundle_saved_copy)(url, date),
        Origin::Embedded => t.bundle_embedded.to_owned(),
        Origin::File { name } => (t.bundle_file)(name),
    }
}
