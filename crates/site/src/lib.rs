//! The published site, generated from a bundle at publish time: one static page per release
//! and interface language at a real address (`en/2025/15/`), the newest release at the root,
//! an index per year, Atom feeds per language and per country, a sitemap and `robots.txt`.
//!
//! Release pages are drawn by the viewer's own components (Yew's server-side rendering, in
//! their static form, [`caricc_viewer::Links::Site`]), so the page and the app cannot
//! disagree. Each page reads in full with no script: every event's text and sources, and
//! plain links for countries, languages and the way through the archive. An event's
//! permalink is an anchor on its release's page (`en/2025/15/#event-…`), so a site has two
//! pages per release (one per language), an index per year and language, two feeds per
//! country: about 20,100 files for 10,000 releases.
//!
//! The site is drawn a release at a time ([`Builder`]), so an archive larger than memory
//! allows (10,000 releases are 660 MB of JSON) is read and drawn one release after another.
//! This crate decides what each file holds; reading the archive and writing the files is the
//! CLI's job.

mod archive;
mod feeds;
mod head;
mod html;
mod labels;
mod pages;
mod render;
mod sitemap;

pub use archive::group_releases;
use caricc_format::model::{Bundle, Issue, FORMAT_VERSION};
pub use caricc_view::route::ReleaseKey;
use caricc_view::view::release_key;
pub use html::csp_hash;

/// What the site is built with.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The site's public address (`https://example.org/releases/`), ending in `/`. Canonical
    /// links, `hreflang`, OpenGraph, structured data and the sitemap need absolute URLs:
    /// without it they are left out and [`Site::left_out`] says so.
    pub url: Option<String>,
}

impl Settings {
    /// The absolute URL of `path` (relative to the site's root), when the site's is known.
    pub(crate) fn absolute(&self, path: &str) -> Option<String> {
        self.url.as_ref().map(|url| format!("{url}{path}"))
    }
}

/// The viewer's files the pages use, by their names in the built `dist/` as its
/// `index.html` names them (they carry a hash of their content, so that a cache never
/// serves an old one).
#[derive(Debug, Clone)]
pub struct Assets {
    /// The stylesheet every page carries in its `<style>`: the viewer's and the site's own.
    style: head::PageStyle,
    pub icon: Option<String>,
    /// The app, which takes each release page over once it runs; without it the pages are
    /// static only.
    pub app: Option<AppFiles>,
}

/// The app's files, and where it finds the releases in the site.
#[derive(Debug, Clone)]
pub struct AppFiles {
    /// The script that starts the app (`boot.js`).
    pub boot: String,
    pub js: String,
    pub wasm: String,
    /// The bundle, or a chunked archive's manifest, relative to the site's root.
    pub data: String,
}

impl Assets {
    /// The pages' assets, given the text of the viewer's stylesheet. Pages carry the
    /// stylesheet rather than link it: a linked one holds the first paint back by a request
    /// (see [`head::PageStyle`]).
    ///
    /// # Errors
    /// When the stylesheet would end the page's `<style>` element early.
    pub fn new(viewer_css: &str, icon: Option<String>, app: Option<AppFiles>) -> Result<Assets, String> {
        Ok(Assets { style: head::PageStyle::new(viewer_css)?, icon, app })
    }

    /// The files to copy from `dist/` beside the pages.
    pub fn files(&self) -> Vec<&str> {
        let app = self.app.iter().flat_map(|app| [app.boot.as_str(), app.js.as_str(), app.wasm.as_str()]);
        self.icon.as_deref().into_iter().chain(app).collect()
    }
}

/// One file of the site: its path relative to the site's root, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The generated site.
#[derive(Debug, Clone, Default)]
pub struct Site {
    pub files: Vec<SiteFile>,
    /// What the site lacks for want of its public URL ([`Settings::url`]).
    pub left_out: Vec<&'static str>,
}

/// Generates the site of `bundle`, all in memory: for a small archive and for tests. A
/// large archive goes through [`Builder`] a release at a time.
pub fn generate(bundle: &Bundle, assets: &Assets, settings: &Settings) -> Site {
    let releases = archive::group_releases(&bundle.issues, release_key);
    let mut builder = Builder::new(releases.iter().map(|(key, _)| *key).collect(), assets, settings);
    let mut files = Vec::new();
    for (_, versions) in &releases {
        files.extend(builder.release(versions.iter().map(|&at| bundle.issues[at].clone()).collect()));
    }
    let rest = builder.finish();
    files.extend(rest.files);
    Site { files, ..rest }
}

/// Draws the site a release at a time, newest first, so that an archive need not be in
/// memory at once: each release's pages come as it is given; the indexes, feeds and
/// sitemap, which need every release, come at the end from what was kept of each (a few
/// dates per release, and each feed's newest events).
pub struct Builder<'a> {
    assets: &'a Assets,
    settings: &'a Settings,
    /// Every release, newest first: a page links its neighbours before they are drawn.
    keys: Vec<ReleaseKey>,
    listed: Vec<archive::Listed>,
    feeds: feeds::Collector,
}

impl<'a> Builder<'a> {
    /// A site of the releases `keys`, newest first, each once (see [`group_releases`]).
    pub fn new(keys: Vec<ReleaseKey>, assets: &'a Assets, settings: &'a Settings) -> Builder<'a> {
        Builder { assets, settings, keys, listed: Vec::new(), feeds: feeds::Collector::default() }
    }

    /// The pages of the next release of `keys`, given its language versions in the
    /// bundle's order.
    ///
    /// # Panics
    /// When every release of `keys` has been given already, or `versions` is empty: the
    /// caller groups the releases (see [`group_releases`]), so either is a mistake in it.
    pub fn release(&mut self, versions: Vec<Issue>) -> Vec<SiteFile> {
        let position = self.listed.len();
        let key = self.keys[position];
        assert!(!versions.is_empty(), "release {key:?} has no language version");
        self.listed.push(archive::Listed::new(key, &versions));
        self.feeds.add(key, &versions);
        let release = Bundle { format: FORMAT_VERSION, issues: versions };
        pages::release_pages(&self.keys, position, &release, self.assets, self.settings)
    }

    /// The files that need every release: the site's preview image, the year indexes, the
    /// feeds and (with the site's address) the sitemap and `robots.txt`.
    pub fn finish(self) -> Site {
        let mut files = vec![SiteFile {
            path: head::PREVIEW_IMAGE.to_owned(),
            bytes: include_bytes!("../assets/preview.png").to_vec(),
        }];
        files.extend(pages::year_pages(&self.listed, self.assets, self.settings));
        files.extend(self.feeds.feeds(self.settings));
        let mut left_out = Vec::new();
        match &self.settings.url {
            Some(url) => files.extend(sitemap::sitemaps(&self.listed, url)),
            None => {
                left_out = vec![
                    "sitemap.xml and robots.txt",
                    "canonical and hreflang links",
                    "OpenGraph URLs and image",
                    "URLs in the structured data",
                ]
            }
        }
        Site { files, left_out }
    }
}
