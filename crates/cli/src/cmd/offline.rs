//! `caricc offline`: the single-file offline edition, the viewer and a bundle in one HTML file.

use crate::failure::Failure;
use crate::files::{read_bundle_text, write_atomically};
use crate::offline::{build_files, offline_html, ViewerBuild};
use crate::report::print_problems;
use caricc_format::bundle::parse_bundle;
use caricc_import::check::{check_bundle, has_errors};
use std::fs;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A release build of the viewer (`trunk build --release` output, normally dist/).
    #[arg(long)]
    dist: PathBuf,
    bundle: PathBuf,
    #[arg(short, long)]
    output: PathBuf,
}

pub fn run(Args { dist, bundle, output }: Args) -> Result<(), Failure> {
    let (dist, bundle_path, output) = (dist.as_path(), bundle.as_path(), output.as_path());
    let read = |name: &str| -> Result<Vec<u8>, Failure> {
        let path = dist.join(name);
        fs::read(&path).map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))
    };
    let text = |name: &str| -> Result<String, Failure> {
        String::from_utf8(read(name)?).map_err(|_| Failure(format!("{}: not UTF-8 text", dist.join(name).display())))
    };
    let index = text("index.html")?;
    let files = build_files(&index).map_err(|e| Failure(format!("{}: {e}", dist.join("index.html").display())))?;
    let build = ViewerBuild {
        js: text(&files.js)?,
        wasm: read(&files.wasm)?,
        css: text(&files.css)?,
        icon_svg: match &files.icon {
            Some(icon) if icon.ends_with(".svg") => Some(text(icon)?),
            _ => None,
        },
    };
    let bundle_text = read_bundle_text(bundle_path)?;
    let bundle = parse_bundle(&bundle_text).map_err(|error| Failure(format!("{}: {error}", bundle_path.display())))?;
    let problems = check_bundle(&bundle);
    if has_errors(&problems) {
        print_problems(&problems);
        return Err(Failure(format!("{}: not written: the bundle has errors (listed above)", output.display())));
    }
    let html = offline_html(&build, &bundle).map_err(|e| Failure(format!("{}: {e}", dist.display())))?;
    write_atomically(output, html.as_bytes())?;
    let events: usize = bundle.issues.iter().map(|issue| issue.events.len()).sum();
    println!(
        "{}: {} bytes: the viewer ({} bytes of WebAssembly, {} of JavaScript, {} of CSS) and {} release(s), {events} events",
        output.display(),
        html.len(),
        build.wasm.len(),
        build.js.len(),
        build.css.len(),
        bundle.issues.len()
    );
    Ok(())
}
