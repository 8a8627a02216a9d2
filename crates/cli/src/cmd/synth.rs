//! `caricc synth`: a deterministic synthetic archive for the benchmark, as a bundle, release
//! texts or the chunked layout.

use crate::failure::Failure;
use crate::files::{write_atomically, write_folder_atomically};
use crate::progress;
use crate::report::print_archive_summary;
use caricc_format::archive::MAX_SHARDS;
use caricc_format::bundle::{to_json, MAX_BUNDLE_BYTES};
use caricc_format::limits::MAX_RELEASES;
use caricc_synth::{import_all, synth_archive, synth_iter};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Releases to write (a release in two languages counts twice).
    count: usize,
    /// The bundle to write (what `caricc import` makes of the texts).
    #[arg(short, long, required_unless_present_any = ["texts", "split"])]
    output: Option<PathBuf>,
    /// A folder to write the release texts into, one file per release.
    #[arg(long)]
    texts: Option<PathBuf>,
    /// An archive folder to write the chunked layout into, as `caricc split` would, one
    /// release at a time: archives larger than a bundle may go this way.
    #[arg(long)]
    split: Option<PathBuf>,
    /// Search index shards of the --split archive (1–4096); by default about 256 KB each.
    #[arg(long, requires = "split", value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_SHARDS)))]
    shards: Option<u32>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub fn run(Args { count, output, texts, split, shards, seed }: Args) -> Result<(), Failure> {
    let outputs = SynthOutputs { bundle: output.as_deref(), texts: texts.as_deref(), split: split.as_deref() };
    write(count, outputs, shards, seed)
}

/// Where `caricc synth` writes (at least one is given).
struct SynthOutputs<'a> {
    bundle: Option<&'a Path>,
    texts: Option<&'a Path>,
    split: Option<&'a Path>,
}

fn write(count: usize, outputs: SynthOutputs, shards: Option<u32>, seed: u64) -> Result<(), Failure> {
    let too_large = |what: String| {
        Failure(format!("{what}; a bundle holds at most {MAX_RELEASES} releases, {MAX_BUNDLE_BYTES} bytes: write the chunked layout with --split DIR instead"))
    };
    if let Some(output) = outputs.bundle {
        if count > MAX_RELEASES {
            return Err(too_large(format!("{}: not written: {count} releases", output.display())));
        }
    }
    if outputs.texts.is_some() || outputs.bundle.is_some() {
        // Texts are written as they are made; only a bundle needs them all at once.
        let mut kept = Vec::new();
        let (mut written, mut events) = (0, 0);
        if let Some(folder) = outputs.texts {
            fs::create_dir_all(folder).map_err(|e| Failure(format!("{}: cannot create: {e}", folder.display())))?;
        }
        for release in synth_iter(count, seed)? {
            events += release.events();
            if let Some(folder) = outputs.texts {
                let path = folder.join(release.file_name());
                fs::write(&path, &release.text)
                    .map_err(|e| Failure(format!("{}: not written: {e}", path.display())))?;
                written += 1;
            }
            if outputs.bundle.is_some() {
                kept.push(release);
            }
        }
        if let Some(folder) = outputs.texts {
            println!("{}: wrote {written} release texts ({events} events, seed {seed})", folder.display());
        }
        if let Some(output) = outputs.bundle {
            let bundle = import_all(&kept)?;
            drop(kept);
            let json = to_json(&bundle);
            if json.len() > MAX_BUNDLE_BYTES {
                return Err(too_large(format!("{}: not written: {} bytes", output.display(), json.len())));
            }
            write_atomically(output, json.as_bytes())?;
            println!(
                "{}: wrote {} release(s), {events} events, {} bytes (seed {seed})",
                output.display(),
                bundle.issues.len(),
                json.len()
            );
        }
    }
    if let Some(folder) = outputs.split {
        // 10,000 releases take minutes: count them as their files are written.
        let bar = progress::bar(count, "releases");
        let written = write_folder_atomically(folder, |writer| {
            synth_archive(count, seed, shards, |file, text| {
                if file.starts_with("releases/") {
                    bar.inc(1);
                }
                writer.write(file, text.as_bytes())
            })
        });
        bar.finish_and_clear();
        let (manifest, sizes) = written?;
        print_archive_summary(folder, &manifest, &sizes);
    }
    Ok(())
}
