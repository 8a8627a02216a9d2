//! The few places the viewer touches the browser directly: the URL, history, focus,
//! scrolling and the clipboard. Outside WebAssembly (server-side rendering in native
//! tests) these do nothing, so components stay renderable anywhere.

/// How a navigation enters the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: Back returns to the view before it.
    Push,
    /// Replaces the current entry: for typing, so Back skips the keystrokes.
    Replace,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::HistoryMode;
    use caricc_view::route::Route;
    use wasm_bindgen::JsCast;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    /// The route in the address bar now.
    pub fn current_route() -> Route {
        let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        Route::from_fragment(&hash)
    }

    /// The page's URL with `route` as its fragment. Built from the document's own URL, not
    /// the `<base>`, so the path and `?bundle=` are kept.
    pub fn href_for(route: &Route) -> String {
        let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let without_fragment = href.split('#').next().unwrap_or("");
        format!("{without_fragment}{}", route.to_fragment())
    }

    pub fn record(route: &Route, mode: HistoryMode) {
        let Some(history) = window().and_then(|w| w.history().ok()) else { return };
        let url = href_for(route);
        let _ = match mode {
            HistoryMode::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            HistoryMode::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }

    fn element(id: &str) -> Option<web_sys::HtmlElement> {
        window()?.document()?.get_element_by_id(id)?.dyn_into::<web_sys::HtmlElement>().ok()
    }

    pub fn focus(id: &str) {
        if let Some(element) = element(id) {
            let _ = element.focus();
        }
    }

    /// Scrolls now, and again a moment later: cards above the target are laid out lazily
    /// (`content-visibility: auto`) and may grow after the first scroll, pushing it away.
    pub fn scroll_to(id: &str) {
        if let Some(element) = element(id) {
            element.scroll_into_view();
        }
        let id = id.to_owned();
        gloo::timers::callback::Timeout::new(150, move || {
            if let Some(element) = element(&id) {
                element.scroll_into_view();
            }
        })
        .forget();
    }

    /// Runs `work` after the browser has painted what the page holds now: the reader sees
    /// it first. Animation frame callbacks run just before a paint, so `work` waits for the
    /// frame after the next.
    pub fn after_paint(work: impl FnOnce() + 'static) {
        in_frame(2, work);
    }

    fn in_frame(frames: u8, work: impl FnOnce() + 'static) {
        let Some(window) = window() else { return };
        let next = move || match frames {
            0 | 1 => work(),
            _ => in_frame(frames - 1, work),
        };
        let callback = wasm_bindgen::closure::Closure::once_into_js(next);
        // Fails only without a rendering loop; the work is then done when first needed.
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }

    /// The browser's preferred languages, most preferred first.
    pub fn preferred_languages() -> Vec<String> {
        let Some(window) = window() else { return Vec::new() };
        window.navigator().languages().iter().filter_map(|value| value.as_string()).collect()
    }

    const LANGUAGE_KEY: &str = "caricc-viewer-language";

    /// The interface language the reader chose last time, if storage is available.
    pub fn stored_language() -> Option<String> {
        window()?.local_storage().ok()??.get_item(LANGUAGE_KEY).ok()?
    }

    pub fn store_language(code: &str) {
        // Private windows and file:// pages may refuse storage: the choice then lasts the visit.
        if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(LANGUAGE_KEY, code);
        }
    }

    /// `<html lang>`: screen readers and hyphenation follow it.
    pub fn set_document_language(code: &str) {
        if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", code);
        }
    }

    pub fn set_title(title: &str) {
        if let Some(document) = window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }

    /// Copies text; false when the browser has no clipboard for this page (e.g. plain
    /// http on another host) or refused.
    pub async fn copy_text(text: &str) -> bool {
        let Some(window) = window() else { return false };
        let clipboard = window.navigator().clipboard();
        // Older browsers lack the Clipboard API: the property is then undefined.
        if clipboard.is_undefined() {
            return false;
        }
        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::HistoryMode;
    use caricc_view::route::Route;

    pub fn current_route() -> Route {
        Route::default()
    }
    pub fn href_for(route: &Route) -> String {
        route.to_fragment()
    }
    pub fn record(_: &Route, _: HistoryMode) {}
    pub fn focus(_: &str) {}
    pub fn scroll_to(_: &str) {}
    pub fn after_paint(_: impl FnOnce() + 'static) {}
    pub fn set_title(_: &str) {}
    pub fn preferred_languages() -> Vec<String> {
        Vec::new()
    }
    pub fn stored_language() -> Option<String> {
        None
    }
    pub fn store_language(_: &str) {}
    pub fn set_document_language(_: &str) {}
    pub async fn copy_text(_: &str) -> bool {
        false
    }
}

pub use imp::{
    after_paint, copy_text, current_route, focus, href_for, preferred_languages, record, scroll_to,
    set_document_language, set_title, store_language, stored_language,
};
