//! A page's `<head>` and the document around its body: title, description, canonical URL,
//! `hreflang` alternates, feeds, OpenGraph and Twitter card tags, structured data, and a
//! Content-Security-Policy as strict as the app's (a year's index runs no script at all).

use crate::html::{csp_hash, escape, json_in_script};
use crate::{Assets, Settings};

/// The image previews show for every page (a raster image: most previewers ignore SVG).
pub const PREVIEW_IMAGE: &str = "preview.png";

/// The page's policy. A page allows its own `<style>` (by its hash) and the site's images,
/// and nothing else. (`connect-src 'self'` lets auditing tools, which read `robots.txt` from
/// inside the page, do so; no script runs.) A release page the app takes over also runs the
/// site's own scripts (no inline script: the structured data is JSON, never run), with
/// 'wasm-unsafe-eval' to compile its WebAssembly; the app fetches its data from the site alone.
fn policy(style: &PageStyle, app: bool) -> String {
    let scripts = if app { "script-src 'self' 'wasm-unsafe-eval'; " } else { "" };
    format!(
        "default-src 'none'; {scripts}style-src '{}'; img-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'none'",
        style.source
    )
}

/// The stylesheet every page carries in a `<style>` element, and the policy source that
/// allows it. Linked, the two stylesheets (the viewer's and the site's) held the first paint
/// back until both had arrived: 23 ms on a local server (a release page's first card at 126
/// ms against 103 ms inline), a round trip on a real network. Each page is 13 KB larger for
/// it (3.9 KB gzip), which a reader pays again on every page instead of from the cache.
#[derive(Debug, Clone)]
pub(crate) struct PageStyle {
    text: String,
    source: String,
}

impl PageStyle {
    pub fn new(viewer_css: &str) -> Result<PageStyle, String> {
        let text = format!("{}\n{}", viewer_css.trim(), without_comments(include_str!("../assets/site.css")));
        // The element's text ends at the first `</style`, whatever surrounds it.
        if text.to_ascii_lowercase().contains("</style") {
            return Err("the viewer's stylesheet holds `</style`, which would end the page's <style> element".into());
        }
        let source = csp_hash(&text);
        Ok(PageStyle { text, source })
    }
}

/// The site's stylesheet without its comments and indentation: every page carries it.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n")
}

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
        let policy = policy(&assets.style, app.is_some());
        line(format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"));
        line(format!("<base href=\"{base}\">"));
        line(format!("<title>{}</title>", escape(&self.title)));
        line(format!("<meta name=\"description\" content=\"{}\">", escape(&self.description)));
        line(format!("<style>{}</style>", assets.style.text));
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
