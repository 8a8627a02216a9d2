//! How the page's links name a view: in the viewer's own fragment, or as the published
//! site's pages. Its own module, so that components and the site generator share it.

use crate::browser;
use caricc_view::route::Route;

/// How links name a view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Links {
    /// This page with the view in the fragment (`#release=2025-15&country=kz`): the app,
    /// a bundle given with `?bundle=`, an opened file, the offline edition.
    #[default]
    Fragment,
    /// The published site's static pages (`en/2025/15/#event-…`), relative to the site's
    /// root, which the pages name as their `<base>`. The page is drawn for reading with no
    /// script at all: every event in full, plain links instead of controls.
    Site,
}

impl Links {
    /// The `href` of a link to `route`.
    pub fn href(self, route: &Route) -> String {
        match self {
            // Every route the site's pages link to names its release and language; any
            // other leads to the site's root rather than to a page that does not exist.
            Links::Site => route.to_site_path().unwrap_or_else(|| "./".to_owned()),
            Links::Fragment => browser::href_for(route),
        }
    }

    /// True when the page is a static page of the published site.
    pub fn is_site(self) -> bool {
        self == Links::Site
    }
}
