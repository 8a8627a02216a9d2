//! `caricc`: the staff's command-line tool. A thin shell over the library crates: it reads
//! files, prints reports and writes bundles atomically; every decision is made in the
//! format, import, search and synth crates. One module per subcommand in `cmd/`.

mod cmd;
mod failure;
mod files;
mod offline;
mod progress;
mod releases;
mod report;

use caricc_format::text::escape_controls;
use clap::{Parser, Subcommand};
use failure::Failure;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "caricc",
    version,
    about = "Import CARICC Information Releases into a viewer bundle, and check bundles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add release texts to a bundle (created if absent); a release with the same number,
    /// year and language replaces the old one. Prints a report of what was found.
    Import(cmd::import::Args),
    /// Validate a bundle; exits 1 if it has errors (or warnings, with --strict).
    Check(cmd::check::Args),
    /// Write the single-file offline edition: the viewer and the bundle in one HTML file
    /// that opens by double-click (file://), with no server and no network.
    Offline(cmd::offline::Args),
    /// Write a bundle as a large archive's chunked layout: DIR/manifest.json, one bundle per
    /// release in DIR/releases/ and the search index in DIR/search/. DIR is replaced whole
    /// (or not at all), and only if it is empty or holds an archive and nothing else.
    Split(cmd::split::Args),
    /// Write a synthetic archive for benchmarks, the same for the same seed: COUNT releases
    /// shaped like the real ones (two a month back from 2025, shorter periods beyond 1,728
    /// releases; about 20 events each, a third also or only in Russian), as a bundle (-o),
    /// as release texts (--texts) and/or as the chunked layout (--split).
    Synth(cmd::synth::Args),
    /// Write the published site into a folder, from a bundle or a chunked archive: a static
    /// page per release and language (en/2025/15/), readable with no script, the newest
    /// release at the root, an index per year, Atom feeds per language and country, and with
    /// --url a sitemap and robots.txt. Only files whose bytes change are written.
    Site(cmd::site::Args),
    /// Measure the fact extractor (drugs, amounts, kinds of event) against events labelled
    /// by hand: precision and recall per type of fact. Exits 1 below the goals.
    EvaluateFacts(cmd::evaluate_facts::Args),
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Import(args) => cmd::import::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Offline(args) => cmd::offline::run(args),
        Command::Split(args) => cmd::split::run(args),
        Command::Synth(args) => cmd::synth::run(args),
        Command::Site(args) => cmd::site::run(args),
        Command::EvaluateFacts(args) => cmd::evaluate_facts::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("caricc: {}", escape_controls(&message));
            ExitCode::FAILURE
        }
    }
}
