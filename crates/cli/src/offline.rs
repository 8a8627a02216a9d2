//! The single-file offline edition: the viewer's release build (its JavaScript, its
//! WebAssembly and its stylesheet) and a bundle in one HTML file that opens from
//! `file://` with no network.
//!
//! Browsers refuse to load module scripts, WebAssembly and JSON by `fetch` from
//! `file://`, so nothing here is loaded: the JavaScript runs inline, the WebAssembly is
//! carried gzip-compressed and base64-encoded (smaller than raw base64 by more than half)
//! and unpacked with the browser's own `DecompressionStream`, and the bundle sits in a
//! JSON data block the app reads. The page's Content-Security-Policy allows exactly these
//! inline pieces, by their SHA-256 hashes.

use base64::Engine;
use caricc_format::model::Bundle;
use caricc_site::csp_hash;
use std::io::Write;
use thiserror::Error;

/// The files of a Trunk release build that the offline edition carries.
#[derive(Debug, Clone)]
pub struct ViewerBuild {
    /// The wasm-bindgen JavaScript module.
    pub js: String,
    pub wasm: Vec<u8>,
    pub css: String,
    /// The favicon, if the build has one (SVG).
    pub icon_svg: Option<String>,
}

/// Names of the build's files, as `dist/index.html` refers to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildFiles {
    pub js: String,
    pub wasm: String,
    pub css: String,
    pub icon: Option<String>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum OfflineError {
    #[error("index.html does not name the app's {what} (is this a Trunk build of the viewer?)")]
    MissingFile { what: &'static str },
    #[error("the app's {what} contains “{sequence}”, which cannot be inlined in an HTML page")]
    NotInlinable { what: &'static str, sequence: &'static str },
}

/// Finds the build's file names in its `index.html`.
pub fn build_files(index_html: &str) -> Result<BuildFiles, OfflineError> {
    let js = attribute_value(index_html, "data-app-js").ok_or(OfflineError::MissingFile { what: "JavaScript" })?;
    let wasm = attribute_value(index_html, "data-app-wasm").ok_or(OfflineError::MissingFile { what: "WebAssembly" })?;
    let css = link_with_rel(index_html, "stylesheet")
        .and_then(|tag| attribute_value(tag, "href"))
        .ok_or(OfflineError::MissingFile { what: "stylesheet" })?;
    let icon = link_with_rel(index_html, "icon").and_then(|tag| attribute_value(tag, "href"));
    let relative = |name: String| name.trim_start_matches("./").to_owned();
    Ok(BuildFiles { js: relative(js), wasm: relative(wasm), css: relative(css), icon: icon.map(relative) })
}

/// The value of the first attribute `name` anywhere in `html`: `name="value"`,
/// `name='value'`, or `name=value` as minified HTML writes it where it can.
fn attribute_value(html: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=");
    let rest = &html[html.find(&needle)? + needle.len()..];
    let value = match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let quoted = &rest[1..];
            &quoted[..quoted.find(quote)?]
        }
        _ => rest.split(|c: char| c.is_ascii_whitespace() || c == '>').next()?,
    };
    Some(value.to_owned())
}

/// The `<link …>` tag whose `rel` is `rel`.
fn link_with_rel<'a>(html: &'a str, rel: &str) -> Option<&'a str> {
    html.match_indices("<link")
        .map(|(start, _)| &html[start..start + html[start..].find('>').unwrap_or(0)])
        .find(|tag| attribute_value(tag, "rel").as_deref() == Some(rel))
}

/// Starts the app from the inlined pieces. Appended to the wasm-bindgen module, where its
/// init function is in scope as `__wbg_init`.
const BOOT: &str = r#"
// Offline edition: unpack the WebAssembly carried in this page and start the viewer.
try {
  const encoded = document.getElementById('caricc-wasm').textContent.trim();
  const packed = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  const unpacked = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  await __wbg_init({ module_or_path: await new Response(unpacked).arrayBuffer() });
} catch (error) {
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.textContent = `The viewer could not start in this browser: ${error}`;
  document.body.append(alert);
  throw error;
}
"#;

/// The whole offline edition as one HTML document.
pub fn offline_html(build: &ViewerBuild, bundle: &Bundle) -> Result<String, OfflineError> {
    for (what, text) in [("JavaScript", build.js.as_str()), ("stylesheet", build.css.as_str())] {
        for sequence in ["</script", "</style", "<!--"] {
            if text.to_ascii_lowercase().contains(sequence) {
                return Err(OfflineError::NotInlinable { what, sequence });
            }
        }
    }
    let script = format!("{}\n{BOOT}", build.js);
    let css = build.css.clone();
    let wasm = base64::engine::general_purpose::STANDARD.encode(gzip(&build.wasm));
    let bundle_json = data_block_json(bundle);
    let icon = build.icon_svg.as_deref().map_or_else(String::new, |svg| {
        let encoded = base64::engine::general_purpose::STANDARD.encode(svg.as_bytes());
        format!("<link rel=\"icon\" href=\"data:image/svg+xml;base64,{encoded}\">\n")
    });
    let policy = format!(
        "default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src '{}'; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(&script),
        csp_hash(&css)
    );
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- Offline edition: everything is in this file; only these exact inline pieces may run. -->
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>CARICC Information Releases (offline)</title>
{icon}<style>{css}</style>
<!-- Data blocks stay in <head>: the app renders into <body>, replacing what is there. -->
<script type="application/json" id="caricc-bundle">{bundle_json}</script>
<script type="application/octet-stream" id="caricc-wasm">{wasm}</script>
<script type="module">{script}</script>
</head>
<body>
<noscript><p>This viewer needs JavaScript and WebAssembly.</p></noscript>
</body>
</html>
"#
    ))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// The bundle as JSON that is safe inside `<script type="application/json">`: `<` is
/// written `\u003c`, so no text in it can close the element or open a comment.
fn data_block_json(bundle: &Bundle) -> String {
    serde_json::to_string(bundle).unwrap_or_default().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use caricc_format::bundle::parse_bundle;

    const INDEX: &str = r#"<head><link rel="icon" href="./favicon-1.svg" integrity="x"/>
      <link rel="stylesheet" href="./viewer-2.css" integrity="y"/>
      <script type="module" src="./boot.js" data-app-js="./app-3.js" data-app-wasm="./app-3_bg.wasm"></script></head>"#;

    fn build() -> ViewerBuild {
        ViewerBuild {
            js: "export default function __wbg_init() {}".into(),
            wasm: vec![0, 97, 115, 109],
            css: "p{}".into(),
            icon_svg: None,
        }
    }

    #[test]
    fn finds_the_build_files() {
        let files = build_files(INDEX).unwrap();
        assert_eq!(
            files,
            BuildFiles {
                js: "app-3.js".into(),
                wasm: "app-3_bg.wasm".into(),
                css: "viewer-2.css".into(),
                icon: Some("favicon-1.svg".into())
            }
        );
        assert_eq!(build_files("<html></html>"), Err(OfflineError::MissingFile { what: "JavaScript" }));
    }

    #[test]
    fn finds_the_build_files_in_minified_html() {
        let minified = "<head><base href=./><link href=./favicon-1.svg integrity=sha384-x rel=icon><link href='./viewer-2.css' rel=stylesheet>\
            <script data-app-js=./app-3.js data-app-wasm=./app-3_bg.wasm src=./boot.js type=module></script></head>";
        assert_eq!(build_files(minified), build_files(INDEX));
    }

    #[test]
    fn the_bundle_cannot_break_out_of_its_data_block() {
        let bundle = parse_bundle(r#"{"format":1,"issues":[{"number":1,"year":2025,"period":{"from":"2025-01-01","to":"2025-01-02"},"title":"</script><script>alert(1)</script><!--"}]}"#).unwrap();
        let html = offline_html(&build(), &bundle).unwrap();
        let data = html.split("id=\"caricc-bundle\">").nth(1).unwrap().split("</script>").next().unwrap();
        assert!(!data.contains('<'));
        assert_eq!(serde_json::from_str::<Bundle>(data).unwrap(), bundle);
    }

    #[test]
    fn the_policy_allows_exactly_the_inline_script_and_style() {
        let html = offline_html(&build(), &Bundle::default()).unwrap();
        let script = html.split("<script type=\"module\">").nth(1).unwrap().split("</script>").next().unwrap();
        let style = html.split("<style>").nth(1).unwrap().split("</style>").next().unwrap();
        assert!(html.contains(&format!("script-src '{}' 'wasm-unsafe-eval'", csp_hash(script))));
        assert!(html.contains(&format!("style-src '{}'", csp_hash(style))));
        assert!(!html.contains("'unsafe-inline'"));
    }

    #[test]
    fn the_wasm_is_carried_gzipped() {
        let html = offline_html(&build(), &Bundle::default()).unwrap();
        let encoded = html.split("id=\"caricc-wasm\">").nth(1).unwrap().split("</script>").next().unwrap();
        let packed = base64::engine::general_purpose::STANDARD.decode(encoded).unwrap();
        let mut unpacked = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&packed[..]), &mut unpacked).unwrap();
        assert_eq!(unpacked, build().wasm);
    }

    #[test]
    fn script_that_would_end_the_page_early_is_refused() {
        let mut bad = build();
        bad.js.push_str("const s = '</script>';");
        assert_eq!(
            offline_html(&bad, &Bundle::default()),
            Err(OfflineError::NotInlinable { what: "JavaScript", sequence: "</script" })
        );
    }
}
