//! `caricc site`: the published site's static pages, feeds and sitemap, from a bundle or a
//! chunked archive folder, drawn a release at a time.

use crate::failure::Failure;
use crate::files::update_folder;
use crate::offline::build_files;
use crate::progress;
use crate::releases::Releases;
use caricc_site::{AppFiles, Assets, Builder, Settings};
use std::fs;
use std::path::PathBuf;

/// The viewer's start script in `dist/` (its name carries no hash: index.html names it).
const BOOT_SCRIPT: &str = "boot.js";

#[derive(clap::Args)]
pub struct Args {
    /// A release build of the viewer (normally dist/): its stylesheet and icon are copied.
    #[arg(long)]
    dist: PathBuf,
    /// A bundle, or a chunked archive: its folder (as `caricc split` writes it) or its
    /// manifest.json.
    #[arg(value_name = "BUNDLE-OR-ARCHIVE")]
    input: PathBuf,
    /// The site's folder. Files whose content is unchanged are left alone; other files in
    /// it are never removed. Nothing in it changes unless every page could be drawn.
    #[arg(short, long)]
    output: PathBuf,
    /// Where the app finds the releases, relative to the site's root (e.g.
    /// `../archive/manifest.json` for an archive the viewer already publishes), on the same
    /// site. Without it they are copied into the site: the bundle as `bundle.json`, an
    /// archive's files under `archive/` (10,000 releases are 10,257 files more).
    #[arg(long, value_name = "PATH")]
    data: Option<String>,
    /// The site's public address (e.g. https://example.org/releases/): canonical links,
    /// hreflang, OpenGraph, structured data and the sitemap need it.
    #[arg(long)]
    url: Option<String>,
}

pub fn run(Args { dist, input, output, data, url }: Args) -> Result<(), Failure> {
    let url = url.map(|url| check_url(&url)).transpose()?;
    // The stylesheet and icon the viewer's build uses, as its index.html names them.
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path).map_err(|e| {
        Failure(format!("{}: cannot read ({e}): not a release build of the viewer", index_path.display()))
    })?;
    let files = build_files(&index)
        .map_err(|e| Failure(format!("{}: not a release build of the viewer: {e}", index_path.display())))?;
    let mut releases = Releases::open(&input)?;
    // The app takes each release page over, reading the releases from the site itself.
    let (data, data_files) = match data {
        Some(path) => (check_data_path(&path)?, Vec::new()),
        None => releases.data_files(),
    };
    let app = AppFiles { boot: BOOT_SCRIPT.to_owned(), js: files.js, wasm: files.wasm, data };
    let css_path = dist.join(&files.css);
    let css = fs::read_to_string(&css_path)
        .map_err(|e| Failure(format!("{}: cannot read the viewer's stylesheet: {e}", css_path.display())))?;
    let assets =
        Assets::new(&css, files.icon, Some(app)).map_err(|e| Failure(format!("{}: {e}", css_path.display())))?;
    let settings = Settings { url };
    let keys = releases.keys();
    let bar = progress::bar(keys.len(), "releases");
    let updated = update_folder(&output, |folder| {
        for name in assets.files() {
            let bytes = fs::read(dist.join(name))
                .map_err(|e| Failure(format!("{}: cannot read: {e}", dist.join(name).display())))?;
            folder.put(name, &bytes)?;
            // The build's precompressed copy goes with its file, for a server that sends it.
            let compressed = format!("{name}.gz");
            if let Ok(bytes) = fs::read(dist.join(&compressed)) {
                folder.put(&compressed, &bytes)?;
            }
        }
        // Each release is read, drawn and dropped in turn: an archive is never in memory whole.
        let mut builder = Builder::new(keys.clone(), &assets, &settings);
        for at in 0..keys.len() {
            for file in builder.release(releases.take(at)?) {
                folder.put(&file.path, &file.bytes)?;
            }
            bar.inc(1);
        }
        // The releases the app reads, once every page is drawn (a broken release file is
        // reported by the page that needed it first, with where it is listed).
        for (name, path) in &data_files {
            let bytes = fs::read(path).map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))?;
            folder.put(name, &bytes)?;
        }
        let rest = builder.finish();
        for file in &rest.files {
            folder.put(&file.path, &file.bytes)?;
        }
        Ok(rest.left_out)
    });
    bar.finish_and_clear();
    let (left_out, written, unchanged) =
        updated.map_err(|Failure(message)| Failure(format!("{message}; {}: nothing changed", output.display())))?;
    println!(
        "{}: {} file(s), {written} written, {unchanged} unchanged ({} release(s), {} language version(s))",
        output.display(),
        written + unchanged,
        keys.len(),
        releases.versions()
    );
    if !left_out.is_empty() {
        println!("  left out for want of --url: {}", left_out.join("; "));
    }
    Ok(())
}

/// The site's address as the pages will use it: http(s), ending in `/`.
fn check_url(url: &str) -> Result<String, Failure> {
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(['"', '<', '>', ' ', '#', '?'])
        && url.split("://").nth(1).is_some_and(|rest| !rest.is_empty());
    if !ok {
        return Err(Failure(format!("--url {url}: not an http(s) address without spaces, quotes, ? or #")));
    }
    Ok(if url.ends_with('/') { url.to_owned() } else { format!("{url}/") })
}

/// A path for the app's data: relative, within the same site, and plain text for an
/// attribute (the app refuses another origin anyway).
fn check_data_path(path: &str) -> Result<String, Failure> {
    let plain = !path.is_empty() && !path.contains("://") && !path.starts_with("//") && !path.starts_with('/');
    if plain && path.chars().all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\')) {
        Ok(path.to_owned())
    } else {
        Err(Failure(format!("--data {path}: not a relative path on this site (e.g. ../archive/manifest.json)")))
    }
}
