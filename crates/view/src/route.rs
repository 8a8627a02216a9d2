//! The viewer's state as a URL fragment: which release, which country, what search and
//! which event is open. One typed value, parsed and written here only, so every link the
//! viewer makes round-trips and any pasted URL opens the same view.
//!
//! The state lives in the fragment (`#release=2025-15&country=kz`) rather than the path so
//! that `dist/` works from any folder of any static web server, and from `file://`.

use std::fmt::Write;

/// A release as links name it: `2025-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReleaseKey {
    pub year: i32,
    pub number: u32,
}

impl ReleaseKey {
    pub fn parse(text: &str) -> Option<ReleaseKey> {
        let (year, number) = text.split_once('-')?;
        ReleaseKey::from_parts(year, number)
    }

    /// A key from its year and number as text, when both are plausible.
    fn from_parts(year: &str, number: &str) -> Option<ReleaseKey> {
        let year: i32 = year.parse().ok()?;
        let number: u32 = number.parse().ok()?;
        ((1000..=9999).contains(&year) && number > 0).then_some(ReleaseKey { year, number })
    }
}

impl std::fmt::Display for ReleaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.year, self.number)
    }
}

/// Where the search looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The release on screen.
    #[default]
    Release,
    /// Every release in the bundle.
    All,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    /// `None`: the newest release.
    pub release: Option<ReleaseKey>,
    /// `None`: all countries.
    pub country: Option<String>,
    pub query: String,
    pub scope: Scope,
    /// Only events naming this drug (an id of the drug table: `heroin`).
    pub drug: Option<String>,
    /// Only events of this kind (`seizure`, …, `other`).
    pub kind: Option<String>,
    /// Only releases whose period ends on or after this month (`2024-01`); with `to`, the
    /// date range filter, which reaches across releases.
    pub from: Option<String>,
    /// Only releases whose period starts on or before this month (`2024-12`).
    pub to: Option<String>,
    /// The event opened in full (and scrolled to).
    pub event: Option<String>,
    /// Interface language chosen by the reader (`en`, `ru`); `None`: the browser's.
    pub lang: Option<String>,
}

/// Longest search text kept from a URL; a query is words, not documents.
const MAX_QUERY_CHARS: usize = 200;

impl Route {
    /// Reads a fragment (with or without the leading `#`). Unknown keys and malformed
    /// values are ignored: a damaged link still opens the viewer, just less precisely.
    pub fn from_fragment(fragment: &str) -> Route {
        let mut route = Route::default();
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        for pair in fragment.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "release" => route.release = ReleaseKey::parse(&value),
                "event" => route.event = (!value.is_empty() && value.len() <= 100).then_some(value),
                "lang" => route.lang = is_language_code(&value).then_some(value),
                _ => route.read_view_part(key, value),
            }
        }
        route
    }

    /// The fragment for this route, `#` included; `#` alone for the default view.
    pub fn to_fragment(&self) -> String {
        let mut out = String::from("#");
        let mut add = |key: &str, value: &str| {
            if out.len() > 1 {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            out.push_str(&percent_encode(value));
        };
        if let Some(release) = self.release {
            add("release", &release.to_string());
        }
        self.write_view_parts(&mut add);
        if let Some(event) = &self.event {
            add("event", event);
        }
        if let Some(lang) = &self.lang {
            add("lang", lang);
        }
        out
    }
}

impl Route {
    /// The route's address in the published site ([`site_path`]), relative to the site's
    /// root: its release page, and the event or country section as the fragment. `None`
    /// without a release or an interface language, or for a search (no page holds one).
    pub fn to_site_path(&self) -> Option<String> {
        let (release, lang) = (self.release?, self.lang.as_deref()?);
        if !self.query.is_empty() || self.filtered() {
            return None;
        }
        let mut path = site_path(lang, release);
        if let Some(event) = &self.event {
            path.push('#');
            path.push_str(&element_id("event", event));
        } else if let Some(country) = &self.country {
            path.push('#');
            path.push_str(&element_id("country", country));
        }
        Some(path)
    }
}

impl Route {
    /// Whether a filter narrows the events besides the country and the search: a drug, a
    /// kind or a date range.
    pub fn filtered(&self) -> bool {
        self.drug.is_some() || self.kind.is_some() || self.from.is_some() || self.to.is_some()
    }

    /// Whether the route looks beyond the release on screen: a search or a filter of all
    /// releases.
    pub fn across_releases(&self) -> bool {
        self.scope == Scope::All && (!self.query.is_empty() || self.filtered())
    }

    /// Reads the parts of a view that fragments and site addresses write alike (country,
    /// search, filters, scope); other keys are ignored.
    fn read_view_part(&mut self, key: &str, value: String) {
        match key {
            "country" => self.country = is_country_code(&value).then_some(value),
            "q" => self.query = value.chars().take(MAX_QUERY_CHARS).collect(),
            "scope" => self.scope = if value == "all" { Scope::All } else { Scope::Release },
            "drug" => self.drug = is_fact_id(&value).then_some(value),
            "kind" => self.kind = is_fact_id(&value).then_some(value),
            "from" => self.from = is_month(&value).then_some(value),
            "to" => self.to = is_month(&value).then_some(value),
            _ => {}
        }
    }

    /// Writes the parts [`Route::read_view_part`] reads; the scope only with a search or
    /// a filter.
    fn write_view_parts(&self, add: &mut impl FnMut(&str, &str)) {
        if let Some(country) = &self.country {
            add("country", country);
        }
        if !self.query.is_empty() {
            add("q", &self.query);
        }
        if self.across_releases() {
            add("scope", "all");
        }
        for (key, value) in [("drug", &self.drug), ("kind", &self.kind), ("from", &self.from), ("to", &self.to)] {
            if let Some(value) = value {
                add(key, value);
            }
        }
    }

    /// The route's address in the published site when the app runs there, relative to the
    /// site's root: the release page's path, the country and search in the query (no page
    /// holds them, so the app shows them over the page) and the opened event as the
    /// fragment, which is also its anchor on the page: `en/2025/15/?country=kz#event-…`.
    /// Without a release, the site's root (the newest release).
    pub fn to_site_address(&self) -> String {
        let mut out = match self.release {
            Some(release) => site_path(self.lang.as_deref().unwrap_or(crate::i18n::LANGUAGES[0].code), release),
            None => String::new(),
        };
        let mut separator = '?';
        let mut add = |key: &str, value: &str| {
            out.push(separator);
            separator = '&';
            out.push_str(key);
            out.push('=');
            out.push_str(&percent_encode(value));
        };
        self.write_view_parts(&mut add);
        if let Some(event) = &self.event {
            out.push('#');
            out.push_str(&element_id("event", event));
        }
        out
    }

    /// Reads an address of the published site relative to its root (see
    /// [`Route::to_site_address`]); `root_lang` is the language of the site's root page.
    /// `None` for an address that is not a release page (a year's index, a feed). The flag
    /// is set when the address should be rewritten to the route's own: an old viewer link
    /// (`#release=2025-15&country=kz`) or a static page's country anchor (`#country-kz`).
    pub fn from_site_address(address: &str, root_lang: &str) -> Option<(Route, bool)> {
        let (rest, fragment) = address.split_once('#').unwrap_or((address, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let mut route = Route::default();
        if path.is_empty() {
            route.lang = Some(root_lang.to_owned());
        } else {
            let mut parts = path.strip_suffix('/').unwrap_or(path).split('/');
            let (Some(lang), Some(year), Some(number), None) = (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return None;
            };
            if !is_language_code(lang) {
                return None;
            }
            route.release = Some(ReleaseKey::from_parts(year, number)?);
            route.lang = Some(lang.to_owned());
        }
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            route.read_view_part(key, percent_decode(value));
        }
        if fragment.contains('=') {
            // A link to the viewer from before the site: its view, on this page's language.
            let old = Route::from_fragment(fragment);
            let lang = old.lang.or(route.lang);
            return Some((Route { lang, ..old }, true));
        }
        let fragment = percent_decode(fragment);
        if let Some(event) = fragment.strip_prefix("event-").filter(|id| !id.is_empty() && id.len() <= 100) {
            route.event = Some(event.to_owned());
        } else if let Some(country) = fragment.strip_prefix("country-").filter(|code| is_country_code(code)) {
            route.country = Some(country.to_owned());
            return Some((route, true));
        }
        Some((route, false))
    }
}

/// The folder of a release's page in language `lang` in the published site: `en/2025/15/`.
pub fn site_path(lang: &str, release: ReleaseKey) -> String {
    format!("{lang}/{}/{}/", release.year, release.number)
}

/// An HTML id derived from bundle text: letters, digits, `-` and `_` only, so that no id
/// from a bundle can break out of its attribute or name another kind of element.
pub fn element_id(prefix: &str, id: &str) -> String {
    let safe: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    format!("{prefix}-{safe}")
}

fn is_language_code(value: &str) -> bool {
    (2..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_lowercase())
}

/// An id of the drug table or a kind: lowercase letters, digits and `-`, short.
fn is_fact_id(value: &str) -> bool {
    (1..=40).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A month as `YYYY-MM`.
fn is_month(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 7
        && bytes[4] == b'-'
        && bytes.iter().enumerate().all(|(at, b)| at == 4 || b.is_ascii_digit())
        && matches!(value[5..].parse::<u8>(), Ok(1..=12))
}

fn is_country_code(value: &str) -> bool {
    value.len() == 2 && value.bytes().all(|b| b.is_ascii_lowercase())
}

/// Percent-encodes all but unreserved characters (RFC 3986), so the fragment survives
/// copying into e-mail and chat.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space, as forms write it); malformed escapes stay
/// as written and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' if index + 2 < bytes.len() => {
                let hex =
                    std::str::from_utf8(&bytes[index + 1..index + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        index += 3;
                    }
                    None => {
                        out.push(b'%');
                        index += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                index += 1;
            }
            byte => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        let route = Route {
            release: Some(ReleaseKey { year: 2025, number: 15 }),
            country: Some("kz".into()),
            query: "полиция & “easy money”".into(),
            scope: Scope::All,
            drug: Some("alpha-pvp".into()),
            kind: Some("trafficking-group".into()),
            from: Some("2024-01".into()),
            to: Some("2025-12".into()),
            event: Some("2025-15-kz-2".into()),
            lang: Some("ru".into()),
        };
        let fragment = route.to_fragment();
        assert!(fragment.starts_with("#release=2025-15&country=kz&q=%D0%BF"), "{fragment}");
        assert_eq!(Route::from_fragment(&fragment), route);
        assert_eq!(Route::default().to_fragment(), "#");
        assert_eq!(Route::from_fragment(""), Route::default());
    }

    #[test]
    fn damaged_fragments_open_what_they_can() {
        let route = Route::from_fragment("#release=15&country=KZ&q=%ZZpolice%&scope=all&junk&event=&lang=Russian");
        assert_eq!(route, Route { query: "%ZZpolice%".into(), scope: Scope::All, ..Route::default() });
        assert_eq!(Route::from_fragment("#q=a+b%20c").query, "a b c");
        assert_eq!(Route::from_fragment("#q=%FF").query, "\u{fffd}");
        assert_eq!(Route::from_fragment(&format!("#q={}", "x".repeat(5000))).query.len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn site_paths_name_the_release_page_and_the_anchor() {
        let release = Some(ReleaseKey { year: 2025, number: 15 });
        let lang = Some("en".to_owned());
        let page = Route { release, lang: lang.clone(), ..Route::default() };
        assert_eq!(page.to_site_path().as_deref(), Some("en/2025/15/"));
        let event = Route { event: Some("2025-15 kz/2".into()), country: Some("kz".into()), ..page.clone() };
        assert_eq!(event.to_site_path().as_deref(), Some("en/2025/15/#event-2025-15_kz_2"));
        let country = Route { country: Some("kz".into()), ..page.clone() };
        assert_eq!(country.to_site_path().as_deref(), Some("en/2025/15/#country-kz"));
        assert_eq!(Route { query: "police".into(), ..page.clone() }.to_site_path(), None);
        assert_eq!(Route { lang: None, ..page }.to_site_path(), None);
        assert_eq!(Route { release: None, lang, ..Route::default() }.to_site_path(), None);
    }

    #[test]
    fn site_addresses_round_trip() {
        let release = Some(ReleaseKey { year: 2025, number: 15 });
        let page = Route { release, lang: Some("ru".into()), ..Route::default() };
        assert_eq!(page.to_site_address(), "ru/2025/15/");
        let full = Route {
            country: Some("kz".into()),
            query: "героин & co".into(),
            scope: Scope::All,
            event: Some("2025-15-kz-2".into()),
            ..page.clone()
        };
        let address = full.to_site_address();
        assert!(address.starts_with("ru/2025/15/?country=kz&q=%D0%B3"), "{address}");
        assert!(address.ends_with("&scope=all#event-2025-15-kz-2"), "{address}");
        assert_eq!(Route::from_site_address(&address, "en"), Some((full, false)));
        assert_eq!(Route::from_site_address("ru/2025/15/index.html", "en"), Some((page.clone(), false)));
        assert_eq!(Route::from_site_address("ru/2025/15", "en"), Some((page, false)));
        // The root is the newest release in the root's language.
        let root = Route { lang: Some("en".into()), ..Route::default() };
        assert_eq!(Route::from_site_address("", "en"), Some((root.clone(), false)));
        assert_eq!(root.to_site_address(), "");
    }

    #[test]
    fn old_links_and_country_anchors_are_rewritten() {
        let (route, rewrite) =
            Route::from_site_address("#release=2025-15&country=kz&event=2025-15-kz-1", "en").unwrap();
        assert!(rewrite);
        assert_eq!(route.to_site_address(), "en/2025/15/?country=kz#event-2025-15-kz-1");
        let (route, rewrite) = Route::from_site_address("ru/2025/15/#release=2025-14&q=%D0%B0", "en").unwrap();
        assert!(rewrite);
        assert_eq!(route.to_site_address(), "ru/2025/14/?q=%D0%B0");
        let (route, rewrite) = Route::from_site_address("en/2025/15/#country-kg", "en").unwrap();
        assert!(rewrite);
        assert_eq!(route.to_site_address(), "en/2025/15/?country=kg");
    }

    #[test]
    fn other_pages_of_the_site_are_not_release_pages() {
        for address in ["en/2025/", "feeds/en.xml", "en/2025/15/x/", "english/2025/15/", "en/0/15/", "en/2025/0/"] {
            assert_eq!(Route::from_site_address(address, "en"), None, "{address}");
        }
        // Damaged parts of a release page's address are dropped, as in fragments.
        let (route, _) = Route::from_site_address("en/2025/15/?country=KZ&scope=all&junk#main", "en").unwrap();
        assert_eq!((route.country, route.scope, route.event), (None, Scope::All, None));
    }

    #[test]
    fn scope_is_written_only_with_a_query() {
        let route = Route { scope: Scope::All, ..Route::default() };
        assert_eq!(route.to_fragment(), "#");
    }

    #[test]
    fn filters_are_written_and_a_filter_of_all_releases_keeps_its_scope() {
        let route = Route { scope: Scope::All, drug: Some("heroin".into()), ..Route::default() };
        assert_eq!(route.to_fragment(), "#scope=all&drug=heroin");
        assert_eq!(Route::from_fragment("#scope=all&drug=heroin"), route);
        let route = Route { kind: Some("seizure".into()), from: Some("2025-01".into()), ..Route::default() };
        assert_eq!(route.to_site_address(), "?kind=seizure&from=2025-01");
        // A filter has no page of its own in the site.
        let route = Route { release: Some(ReleaseKey { year: 2025, number: 15 }), lang: Some("en".into()), ..route };
        assert_eq!(route.to_site_path(), None);
    }

    #[test]
    fn damaged_filters_are_dropped() {
        let route = Route::from_fragment("#drug=Heroin&kind=<b>&from=2025-13&to=25-01");
        assert_eq!((route.drug, route.kind, route.from, route.to), (None, None, None, None));
        let route = Route::from_fragment("#drug=synthetic-drugs&from=2025-02&to=2025-11");
        assert_eq!(route.drug.as_deref(), Some("synthetic-drugs"));
        assert_eq!((route.from.as_deref(), route.to.as_deref()), (Some("2025-02"), Some("2025-11")));
    }
}
