//! `caricc split`: a bundle as a large archive's chunked layout, written whole or not at all.

use crate::failure::Failure;
use crate::files::{archive_folder, read_bundle_text, write_folder_atomically};
use crate::report::{print_archive_summary, print_problems};
use caricc_format::archive::MAX_SHARDS;
use caricc_format::bundle::parse_bundle;
use caricc_import::check::{check_bundle, has_errors};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    bundle: PathBuf,
    /// The archive folder to write.
    #[arg(short, long)]
    output: PathBuf,
    /// Search index shards (1–4096); by default about 256 KB each.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_SHARDS)))]
    shards: Option<u32>,
}

pub fn run(Args { bundle, output, shards }: Args) -> Result<(), Failure> {
    let (bundle_path, output) = (bundle.as_path(), output.as_path());
    // Before reading a bundle of hundreds of megabytes: is there anywhere to write it?
    archive_folder(output)?;
    let text = read_bundle_text(bundle_path)?;
    let bundle = parse_bundle(&text).map_err(|error| Failure(format!("{}: {error}", bundle_path.display())))?;
    drop(text);
    let problems = check_bundle(&bundle);
    if has_errors(&problems) {
        print_problems(&problems);
        return Err(Failure(format!(
            "{}: not written: the bundle {} has errors (listed above)",
            output.display(),
            bundle_path.display()
        )));
    }
    let split = caricc_search::index::split(&bundle, shards);
    drop(bundle);
    let ((), sizes) = write_folder_atomically(output, |folder| {
        for (file, text) in split.files() {
            folder.write(&file, text.as_bytes())?;
        }
        Ok(())
    })?;
    print_archive_summary(output, &split.manifest, &sizes);
    Ok(())
}
