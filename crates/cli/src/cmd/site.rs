//! `caricc site`: the published site's static pages, feeds and sitemap, from a bundle.

use crate::failure::Failure;
use crate::files::{read_bundle_text, write_atomically};
use crate::offline::build_files;
use crate::report::print_problems;
use caricc_format::bundle::parse_bundle;
use caricc_import::check::{check_bundle, has_errors};
use caricc_site::{generate, Assets, Settings};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// A release build of the viewer (normally dist/): its stylesheet and icon are copied.
    #[arg(long)]
    dist: PathBuf,
    bundle: PathBuf,
    /// The site's folder. Files whose content is unchanged are left alone; other files in
    /// it are never removed.
    #[arg(short, long)]
    output: PathBuf,
    /// The site's public address (e.g. https://example.org/releases/): canonical links,
    /// hreflang, OpenGraph, structured data and the sitemap need it.
    #[arg(long)]
    url: Option<String>,
}

pub fn run(Args { dist, bundle, output, url }: Args) -> Result<(), Failure> {
    let url = url.map(|url| check_url(&url)).transpose()?;
    // The stylesheet and icon the viewer's build uses, as its index.html names them.
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path).map_err(|e| {
        Failure(format!("{}: cannot read ({e}): not a release build of the viewer", index_path.display()))
    })?;
    let files = build_files(&index)
        .map_err(|e| Failure(format!("{}: not a release build of the viewer: {e}", index_path.display())))?;
    let assets = Assets { stylesheet: files.css, icon: files.icon };
    let text = read_bundle_text(&bundle)?;
    let parsed = parse_bundle(&text).map_err(|error| Failure(format!("{}: {error}", bundle.display())))?;
    let problems = check_bundle(&parsed);
    if has_errors(&problems) {
        print_problems(&problems);
        return Err(Failure(format!("{}: not written: the bundle has errors (listed above)", output.display())));
    }
    let site = generate(&parsed, &assets, &Settings { url });
    let mut written = Changes::default();
    for name in assets.files() {
        let bytes = fs::read(dist.join(name))
            .map_err(|e| Failure(format!("{}: cannot read: {e}", dist.join(name).display())))?;
        written.write(&output.join(name), &bytes)?;
    }
    for file in &site.files {
        written.write(&output.join(&file.path), &file.bytes)?;
    }
    let mut releases: Vec<(i32, u32)> = parsed.issues.iter().map(|issue| (issue.year, issue.number)).collect();
    releases.sort_unstable();
    releases.dedup();
    println!(
        "{}: {} file(s), {} written, {} unchanged ({} release(s), {} language version(s))",
        output.display(),
        written.written + written.unchanged,
        written.written,
        written.unchanged,
        releases.len(),
        parsed.issues.len()
    );
    if !site.left_out.is_empty() {
        println!("  left out for want of --url: {}", site.left_out.join("; "));
    }
    Ok(())
}

/// Counts what a run wrote: a file whose bytes are already there is not written again, so
/// that publishing one more release rewrites only the pages it changes.
#[derive(Default)]
struct Changes {
    written: usize,
    unchanged: usize,
}

impl Changes {
    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Failure> {
        if fs::read(path).is_ok_and(|existing| existing == bytes) {
            self.unchanged += 1;
            return Ok(());
        }
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| Failure(format!("{}: cannot create: {e}", folder.display())))?;
        }
        write_atomically(path, bytes)?;
        self.written += 1;
        Ok(())
    }
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
