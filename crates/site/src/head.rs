//! A page's `<head>` and the document around its body: title, description, canonical URL,
//! `hreflang` alternates, feeds, OpenGraph and Twitter card tags, structured data, and a
//! Content-Security-Policy as strict as the app's (a year's index runs no script at all).

use crate::html::{escape, json_in_script};
use crate::{Assets, Settings};

/// The image previews show for every page (a raster image: most previewers ignore SVG).
pub const PREVIEW_IMAGE: &str = "preview.png";

/// The pages allow their own stylesheet and images, and nothing else. (`connect-src 'self'`
/// lets auditing tools, which read `robots.txt` from inside the page, do so; no script runs.)
const POLICY: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'none'";

/// A release page the app takes over: the app's policy. Only the site's own scripts run
/// (no inline script: the structured data is JSON, never run), and 'wasm-unsafe-eval' lets
/// the page compile its WebAssembly; the app fetches its data from the site alone.
const APP_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'none'";

pub struct Head<'a> {
    /// The page's interface language.
    pub lang: &'a str,
    /// The page's path relative to the site's root (`en/2025/15/`, or `` for the root).
    pub path: &'a str,
    pub title: String,
    pub description: String,
    pub site_name: &'a str,
    /// `article` for a release, `website` for an index.
    pub kind: &'a str,
    /// The page in each language (code, path), this one included.
    pub alternates: Vec<(&'a str, String)>,
    /// Feeds (title, path).
    pub feeds: Vec<(String, String)>,
    pub structured: Option<serde_json::Value>,
    /// Whether the app takes the page over (when the site has it: [`Assets::app`]).
    pub app: bool,
}

impl Head<'_> {
    /// The whole document, with `body` as the body's content.
    pub fn document(&self, body: &str, assets: &Assets, settings: &Settings) -> String {
        // Every link in the page is relative to the site's root.
        let base = "../".repeat(self.path.matches('/').count());
        let base = if base.is_empty() { "./".to_owned() } else { base };
        let mut out = String::with_capacity(body.len() + 4096);
        let mut line = |text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        line(format!("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>", escape(self.lang)));
        line("<meta charset=\"utf-8\">".into());
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">".into());
        let app = assets.app.as_ref().filter(|_| self.app);
        let policy = if app.is_some() { APP_POLICY } else { POLICY };
        line(format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"));
        line(format!("<base href=\"{base}\">"));
        line(format!("<title>{}</title>", escape(&self.title)));
        line(format!("<meta name=\"description\" content=\"{}\">", escape(&self.description)));
        line(format!("<link rel=\"stylesheet\" href=\"{}\">", escape(&assets.stylesheet)));
        line(format!("<link rel=\"stylesheet\" href=\"{}\">", crate::site_stylesheet().0));
        if let Some(icon) = &assets.icon {
            line(format!("<link rel=\"icon\" href=\"{}\">", escape(icon)));
        }
        if let Some(canonical) = settings.absolute(self.path) {
            line(format!("<link rel=\"canonical\" href=\"{}\">", escape(&canonical)));
            for (lang, path) in &self.alternates {
                let href = settings.absolute(path).unwrap_or_default();
                line(format!("<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">", escape(lang), escape(&href)));
            }
            if let Some((_, path)) = self.alternates.first() {
                let href = settings.absolute(path).unwrap_or_default();
                line(format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", escape(&href)));
            }
        }
        for (title, path) in &self.feeds {
            line(format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">",
                escape(title),
                escape(path)
            ));
        }
        let mut meta = |property: &str, content: &str| {
            line(format!("<meta property=\"{property}\" content=\"{}\">", escape(content)));
        };
        meta("og:title", &self.title);
        meta("og:description", &self.description);
        meta("og:site_name", self.site_name);
        meta("og:type", self.kind);
        meta("og:locale", if self.lang == "ru" { "ru_RU" } else { "en_US" });
        if let Some(url) = settings.absolute(self.path) {
            meta("og:url", &url);
        }
        if let Some(image) = settings.absolute(PREVIEW_IMAGE) {
            meta("og:image", &image);
            meta("og:image:width", "1200");
            meta("og:image:height", "630");
        }
        let mut name = |name: &str, content: &str| {
            line(format!("<meta name=\"{name}\" content=\"{}\">", escape(content)));
        };
        name("twitter:card", "summary_large_image");
        name("twitter:title", &self.title);
        name("twitter:description", &self.description);
        if let Some(structured) = &self.structured {
            line(format!("<script type=\"application/ld+json\">{}</script>", json_in_script(structured)));
        }
        if let Some(app) = app {
            // A module script runs after the page is parsed and never holds up its first paint.
            line(format!(
                "<script type=\"module\" src=\"{}\" data-app-js=\"{}\" data-app-wasm=\"{}\" data-bundle=\"{}\"></script>",
                escape(&app.boot),
                escape(&app.js),
                escape(&app.wasm),
                escape(&app.data)
            ));
        }
        line("</head>\n<body>".into());
        line(body.to_owned());
        line("</body>\n</html>".into());
        out
    }
}
