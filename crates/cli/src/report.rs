//! What the commands print: problems of a bundle and the summary of an archive folder.
//! Bundle text goes to a terminal, so its control characters are escaped first.

use caricc_format::archive::{self, Manifest, MANIFEST_FILE, OLDER_MANIFEST_FILE};
use caricc_format::text::escape_controls;
use caricc_import::check::Problem;
use std::collections::HashMap;
use std::path::Path;

/// Each problem on a line of its own, indented.
pub fn print_problems(problems: &[Problem]) {
    for problem in problems {
        println!("  {}", escape_controls(&problem.to_string()));
    }
}

/// One line on what an archive folder holds: releases, shards and bytes.
pub fn print_archive_summary(folder: &Path, manifest: &Manifest, sizes: &HashMap<String, u64>) {
    let size = |file: &str| sizes.get(file).copied().unwrap_or(0);
    let largest_shard =
        (0..manifest.search.shards).map(|shard| size(&archive::shard_file(&manifest.search.files, shard))).max();
    println!(
        "{}: wrote {} release(s) ({} events) and {} search shard(s): {} bytes in {} files (manifest {} bytes, older releases' manifest {} bytes, largest shard {} bytes)",
        folder.display(),
        manifest.releases.len(),
        manifest.releases.iter().map(|entry| u64::from(entry.events)).sum::<u64>(),
        manifest.search.shards,
        sizes.values().sum::<u64>(),
        sizes.len(),
        size(MANIFEST_FILE),
        size(OLDER_MANIFEST_FILE),
        largest_shard.unwrap_or(0)
    );
}
