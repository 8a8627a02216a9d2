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

    /// A published site's page, drawn at publish time, which the app takes over.
    const PRERENDERED: &str = ".app[data-prerendered]";

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    thread_local! {
        /// The published site's page the app runs on, if it does: looked up once.
        static SITE: Option<SitePage> = find_site_page();
        /// Where the app is drawn on a site page until it takes the page over.
        static HOST: std::cell::OnceCell<web_sys::Element> = const { std::cell::OnceCell::new() };
    }

    struct SitePage {
        /// The site's root: the page's `<base>`.
        root: String,
        /// The bundle or archive manifest the page names, relative to the root.
        bundle: String,
    }

    fn find_site_page() -> Option<SitePage> {
        let document = window()?.document()?;
        document.query_selector(PRERENDERED).ok()??;
        let bundle = document.query_selector("script[data-bundle]").ok()??.get_attribute("data-bundle")?;
        Some(SitePage { root: document.base_uri().ok()??, bundle })
    }

    /// True when the page is a page of the published site, which the app takes over.
    pub fn is_site_page() -> bool {
        SITE.with(Option::is_some)
    }

    /// The bundle a site page names for the app.
    pub fn site_bundle() -> Option<String> {
        SITE.with(|site| site.as_ref().map(|site| site.bundle.clone()))
    }

    /// On a site page, the element the app is drawn into, out of the document until it
    /// takes the page over; `None` elsewhere (the app is drawn into the body).
    pub fn site_host() -> Option<web_sys::Element> {
        if !is_site_page() {
            return None;
        }
        let host = window()?.document()?.create_element("div").ok()?;
        host.set_class_name("app-host");
        HOST.with(|cell| cell.set(host.clone())).ok()?;
        Some(host)
    }

    /// The address of the page relative to the site's root (`en/2025/15/?q=…#…`).
    fn site_address(root: &str) -> String {
        let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        href.strip_prefix(root).unwrap_or_default().to_owned()
    }

    /// The route in the address bar now, and whether the address should be rewritten to
    /// the route's own (an old viewer link opened on a site page).
    pub fn current_route_and_rewrite() -> (Route, bool) {
        if let Some(route) = SITE.with(|site| {
            let root = &site.as_ref()?.root;
            Route::from_site_address(&site_address(root), caricc_view::i18n::LANGUAGES[0].code)
        }) {
            return route;
        }
        let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        (Route::from_fragment(&hash), false)
    }

    /// The route in the address bar now.
    pub fn current_route() -> Route {
        current_route_and_rewrite().0
    }

    /// The URL of `route`: on a site page its address in the site; elsewhere this page's
    /// URL with `route` as its fragment, built from the document's own URL, not the
    /// `<base>`, so the path and `?bundle=` are kept.
    pub fn href_for(route: &Route) -> String {
        if let Some(root) = SITE.with(|site| site.as_ref().map(|site| site.root.clone())) {
            return format!("{root}{}", route.to_site_address());
        }
        let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let without_fragment = href.split('#').next().unwrap_or("");
        format!("{without_fragment}{}", route.to_fragment())
    }

    /// The view a click on a site page's link leads to, when the app can show it in place:
    /// a plain click (no modifier key, not to a new window) on a link to a release page of
    /// the same site. The caller then keeps the browser from loading the page.
    pub fn site_link_route(event: &web_sys::MouseEvent) -> Option<Route> {
        let root = SITE.with(|site| site.as_ref().map(|site| site.root.clone()))?;
        if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() {
            return None;
        }
        let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
        let link = target.closest("a[href]").ok()??;
        if link.has_attribute("target") || link.has_attribute("download") {
            return None;
        }
        let href = web_sys::Url::new_with_base(&link.get_attribute("href")?, &root).ok()?.href();
        let (route, _) = Route::from_site_address(href.strip_prefix(&root)?, caricc_view::i18n::LANGUAGES[0].code)?;
        Some(route)
    }

    /// Puts the app, drawn out of the document, in the place of the site page it was drawn
    /// from: the same markup in the same places, so nothing moves. The element with focus
    /// passes it to its counterpart, and the scroll position is kept. Returns what the
    /// reader typed into the page's search box before the app ran.
    pub fn take_over() -> Option<String> {
        // The same in both, in the same order (the tabs are links on the page, buttons in the app).
        const CONTROLS: &str = "a[href], button, input, select";
        let document = window()?.document()?;
        let page = document.query_selector(PRERENDERED).ok()??;
        let host = HOST.with(|cell| cell.get().cloned())?;
        let typed = document
            .get_element_by_id("search")
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .filter(|value| !value.trim().is_empty());
        // Which control has focus, counted in document order.
        let focused = document.active_element().and_then(|active| {
            let controls = page.query_selector_all(CONTROLS).ok()?;
            (0..controls.length()).find(|&at| controls.get(at).is_some_and(|node| node.is_same_node(Some(&active))))
        });
        let window = window()?;
        let (x, y) = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
        page.replace_with_with_node_1(&host).ok()?;
        if (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0)) != (x, y) {
            window.scroll_to_with_x_and_y(x, y);
        }
        if let Some(at) = focused {
            let control = host.query_selector_all(CONTROLS).ok().and_then(|controls| controls.get(at));
            if let Some(control) = control.and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok()) {
                // Where the reader had scrolled it, in view or not.
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = control.focus_with_options(&options);
            }
        }
        typed
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

    pub fn scroll_to_top() {
        if let Some(window) = window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
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

    /// Saves `text` as a file named `name` of type `mime`, as a download made in the page (a
    /// link to a blob of it, clicked): no server, and it works offline and from `file://`.
    pub fn download(name: &str, mime: &str, text: &str) -> bool {
        let Some(document) = window().and_then(|w| w.document()) else { return false };
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
        let Some(link) =
            document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return false;
        };
        link.set_href(&url);
        link.set_download(name);
        link.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        true
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
    pub fn current_route_and_rewrite() -> (Route, bool) {
        (Route::default(), false)
    }
    pub fn is_site_page() -> bool {
        false
    }
    pub fn site_bundle() -> Option<String> {
        None
    }
    pub fn take_over() -> Option<String> {
        None
    }
    pub fn site_link_route(_: &web_sys::MouseEvent) -> Option<Route> {
        None
    }
    pub fn href_for(route: &Route) -> String {
        route.to_fragment()
    }
    pub fn record(_: &Route, _: HistoryMode) {}
    pub fn focus(_: &str) {}
    pub fn scroll_to(_: &str) {}
    pub fn scroll_to_top() {}
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
    pub fn download(_: &str, _: &str, _: &str) -> bool {
        false
    }
    pub async fn copy_text(_: &str) -> bool {
        false
    }
}

#[cfg(target_arch = "wasm32")]
pub use imp::site_host;
pub use imp::{
    after_paint, copy_text, current_route, current_route_and_rewrite, download, focus, href_for, is_site_page,
    preferred_languages, record, scroll_to, scroll_to_top, set_document_language, set_title, site_bundle,
    site_link_route, store_language, stored_language, take_over,
};
