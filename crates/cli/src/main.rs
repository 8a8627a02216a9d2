//! `caricc`: the staff's command-line tool. A thin shell over the core: it reads files,
//! prints reports and writes bundles atomically; every decision is made in `core`.

mod offline;

use crate::offline::{build_files, offline_html, ViewerBuild};
use caricc_format::archive::{self, Manifest, MANIFEST_FILE, MAX_SHARDS, OLDER_MANIFEST_FILE};
use caricc_format::bundle::{parse_bundle, to_json, MAX_BUNDLE_BYTES};
use caricc_format::country;
use caricc_format::limits::MAX_RELEASES;
use caricc_format::model::Bundle;
use caricc_format::text::escape_controls;
use caricc_import::check::{check_bundle, has_errors, Problem, Severity};
use caricc_import::import::{
    decode_release_bytes, import_release, Import, ImportOptions, Placement, WarningKind, MAX_RELEASE_BYTES,
};
use caricc_synth::{import_all, synth_archive, synth_iter, SynthError};
use clap::{Parser, Subcommand};
use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
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
    Import {
        /// Release texts, as extracted from the PDFs (UTF-8).
        #[arg(required = true)]
        releases: Vec<PathBuf>,
        /// The bundle to update.
        #[arg(short, long)]
        output: PathBuf,
        /// Treat warnings (count mismatches, unplaced lines, suspicious sources) as errors:
        /// exit 1 and leave the bundle untouched.
        #[arg(long)]
        strict: bool,
        /// The releases' language (e.g. en, ru); detected from the text by default.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Validate a bundle; exits 1 if it has errors (or warnings, with --strict).
    Check {
        bundle: PathBuf,
        #[arg(long)]
        strict: bool,
    },
    /// Write the single-file offline edition: the viewer and the bundle in one HTML file
    /// that opens by double-click (file://), with no server and no network.
    Offline {
        /// A release build of the viewer (`trunk build --release` output, normally dist/).
        #[arg(long)]
        dist: PathBuf,
        bundle: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write a bundle as a large archive's chunked layout: DIR/manifest.json, one bundle per
    /// release in DIR/releases/ and the search index in DIR/search/. DIR is replaced whole
    /// (or not at all), and only if it is empty or holds an archive and nothing else.
    Split {
        bundle: PathBuf,
        /// The archive folder to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Search index shards (1–4096); by default about 256 KB each.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_SHARDS)))]
        shards: Option<u32>,
    },
    /// Write a synthetic archive for benchmarks, the same for the same seed: COUNT releases
    /// shaped like the real ones (two a month back from 2025, shorter periods beyond 1,728
    /// releases; about 20 events each, a third also or only in Russian), as a bundle (-o),
    /// as release texts (--texts) and/or as the chunked layout (--split).
    Synth {
        /// Releases to write (a release in two languages counts twice).
        count: usize,
        /// The bundle to write (what `caricc import` makes of the texts).
        #[arg(short, long, required_unless_present_any = ["texts", "split"])]
        output: Option<PathBuf>,
        /// A folder to write the release texts into, one file per release.
        #[arg(long)]
        texts: Option<PathBuf>,
        /// An archive folder to write the chunked layout into, as `caricc split` would, one
        /// release at a time: archives larger than a bundle may be go this way.
        #[arg(long)]
        split: Option<PathBuf>,
        /// Search index shards of the --split archive (1–4096); by default about 256 KB each.
        #[arg(long, requires = "split", value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_SHARDS)))]
        shards: Option<u32>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// A failure the user must see; the message already says what and where.
struct Failure(String);

impl From<SynthError> for Failure {
    fn from(error: SynthError) -> Failure {
        Failure(error.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import { releases, output, strict, lang } => run_import(&releases, &output, strict, lang),
        Command::Check { bundle, strict } => run_check(&bundle, strict),
        Command::Offline { dist, bundle, output } => run_offline(&dist, &bundle, &output),
        Command::Split { bundle, output, shards } => run_split(&bundle, &output, shards),
        Command::Synth { count, output, texts, split, shards, seed } => {
            let outputs = SynthOutputs { bundle: output.as_deref(), texts: texts.as_deref(), split: split.as_deref() };
            run_synth(count, outputs, shards, seed)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("caricc: {}", escape_controls(&message));
            ExitCode::FAILURE
        }
    }
}

fn run_import(releases: &[PathBuf], output: &Path, strict: bool, lang: Option<String>) -> Result<(), Failure> {
    let mut bundle = read_existing_bundle(output)?;
    let options = ImportOptions { lang };
    let mut warning_count = 0;
    let mut replaced = 0;
    let mut imported_events = 0;
    for path in releases {
        let import = import_file(path, &options)?;
        print_report(path, &import);
        warning_count += import.report.warnings.len();
        imported_events += import.issue.events.len();
        let issue = import.issue;
        let before = bundle.issues.len();
        bundle.issues.retain(|old| (old.year, old.number, &old.lang) != (issue.year, issue.number, &issue.lang));
        replaced += before - bundle.issues.len();
        bundle.issues.push(issue);
    }
    // Newest first: the order the viewer lists them in.
    bundle.issues.sort_by(|a, b| (b.year, b.number, &a.lang).cmp(&(a.year, a.number, &b.lang)));

    let problems = check_bundle(&bundle);
    if has_errors(&problems) {
        print_problems(&problems);
        return Err(Failure(format!(
            "{}: not written: the resulting bundle has errors (listed above)",
            output.display()
        )));
    }
    if strict && warning_count > 0 {
        return Err(Failure(format!("{}: not written: {warning_count} warning(s) and --strict", output.display())));
    }
    write_atomically(output, to_json(&bundle).as_bytes())?;
    println!(
        "{}: wrote {} release(s) ({imported_events} events imported, {replaced} release(s) replaced, {} in the bundle)",
        output.display(),
        releases.len(),
        bundle.issues.len()
    );
    Ok(())
}

fn read_existing_bundle(path: &Path) -> Result<Bundle, Failure> {
    match fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Bundle::default()),
        Err(error) => Err(Failure(format!("{}: cannot read: {error}", path.display()))),
        Ok(_) => {
            let text = read_bundle_text(path)?;
            parse_bundle(&text)
                .map_err(|error| Failure(format!("{}: existing bundle not updated: {error}", path.display())))
        }
    }
}

fn read_bundle_text(path: &Path) -> Result<String, Failure> {
    let size = fs::metadata(path).map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))?.len();
    if size > MAX_BUNDLE_BYTES as u64 {
        return Err(Failure(format!(
            "{}: {size} bytes is more than the {MAX_BUNDLE_BYTES} bytes a bundle may have",
            path.display()
        )));
    }
    let bytes = fs::read(path).map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        Failure(format!("{}: line {line}: not UTF-8 text (byte {offset} is invalid)", path.display()))
    })
}

fn import_file(path: &Path, options: &ImportOptions) -> Result<Import, Failure> {
    let fail = |message: String| Failure(format!("{}: {message}", path.display()));
    let size = fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?.len();
    if size > MAX_RELEASE_BYTES as u64 {
        return Err(fail(format!("the file is {size} bytes; a release text is at most {MAX_RELEASE_BYTES} bytes (8 MiB): is this the right file?")));
    }
    let bytes = fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let text = decode_release_bytes(&bytes).map_err(|e| fail(e.to_string()))?;
    import_release(text, options).map_err(|e| fail(e.to_string()))
}

fn print_report(path: &Path, import: &Import) {
    let issue = &import.issue;
    println!(
        "{}: Information Release #{} ({} – {}, {}): {} events",
        path.display(),
        issue.number,
        issue.period.from,
        issue.period.to,
        issue.lang,
        issue.events.len()
    );
    let mut countries: Vec<&str> = Vec::new();
    for event in &issue.events {
        if !countries.contains(&event.country.as_str()) {
            countries.push(&event.country);
        }
    }
    for code in countries {
        let found = issue.events.iter().filter(|e| e.country == code).count();
        let stated = issue
            .summary
            .counts
            .iter()
            .find(|c| c.country == code)
            .map_or("not stated".to_owned(), |c| c.count.to_string());
        println!("  {code}  {:<14} {found:>3}   (summary: {stated})", country::name_en(code));
    }
    for warning in &import.report.warnings {
        let kind = match warning.kind {
            WarningKind::CountMismatch => "count",
            WarningKind::Unplaced => "unplaced",
            WarningKind::SuspiciousSource => "source",
            WarningKind::Typo => "typo",
            WarningKind::Structure => "structure",
            WarningKind::Invisible => "invisible",
        };
        let place = if warning.line > 0 { format!("line {}: ", warning.line) } else { String::new() };
        println!("  warning ({kind}): {place}{}", escape_controls(&warning.message));
    }
    let unplaced = import.report.unplaced_lines();
    let placed = import.report.placements.iter().filter(|p| p.placement != Placement::Unplaced).count();
    if unplaced.is_empty() {
        println!("  all {placed} non-blank lines placed");
    } else {
        println!("  {placed} non-blank lines placed; NOT in the bundle: lines {}", join_numbers(&unplaced));
    }
}

fn join_numbers(numbers: &[usize]) -> String {
    numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
}

fn print_problems(problems: &[Problem]) {
    for problem in problems {
        // Bundle text goes to a terminal: its control characters must not act there.
        println!("  {}", escape_controls(&problem.to_string()));
    }
}

fn run_check(path: &Path, strict: bool) -> Result<(), Failure> {
    let text = read_bundle_text(path)?;
    let bundle = parse_bundle(&text).map_err(|error| Failure(format!("{}: {error}", path.display())))?;
    let problems = check_bundle(&bundle);
    print_problems(&problems);
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = problems.len() - errors;
    let events: usize = bundle.issues.iter().map(|issue| issue.events.len()).sum();
    println!(
        "{}: {} release(s), {events} events: {errors} error(s), {warnings} warning(s)",
        path.display(),
        bundle.issues.len()
    );
    if errors > 0 || (strict && warnings > 0) {
        return Err(Failure(format!("{}: check failed", path.display())));
    }
    Ok(())
}

fn run_offline(dist: &Path, bundle_path: &Path, output: &Path) -> Result<(), Failure> {
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

fn run_split(bundle_path: &Path, output: &Path, shards: Option<u32>) -> Result<(), Failure> {
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

/// One line on what an archive folder holds: releases, shards and bytes.
fn print_archive_summary(folder: &Path, manifest: &Manifest, sizes: &HashMap<String, u64>) {
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

/// Where `caricc synth` writes (at least one is given).
struct SynthOutputs<'a> {
    bundle: Option<&'a Path>,
    texts: Option<&'a Path>,
    split: Option<&'a Path>,
}

fn run_synth(count: usize, outputs: SynthOutputs, shards: Option<u32>, seed: u64) -> Result<(), Failure> {
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
        let (manifest, sizes) = write_folder_atomically(folder, |writer| {
            synth_archive(count, seed, shards, |file, text| writer.write(file, text.as_bytes()))
        })?;
        print_archive_summary(folder, &manifest, &sizes);
    }
    Ok(())
}

/// Writes beside the target and renames over it, so a reader (or a crash) never sees a
/// half-written bundle: the old file stays whole until the new one is complete on disk.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |what: &str, e: std::io::Error| Failure(format!("{}: {what}: {e}", path.display()));
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "bundle.json".into());
    let temporary = directory.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        let _ = fs::remove_file(&temporary);
        return Err(fail("not written", error));
    }
    Ok(())
}

/// Whether an archive folder may be written: it does not exist yet, or it is a folder that
/// holds nothing, or nothing but an archive (its manifests, `releases/`, `search/`), so
/// replacing it can never delete anything else. `Ok(true)` when it exists.
fn archive_folder(folder: &Path) -> Result<bool, Failure> {
    let refuse = |why: String| Failure(format!("{}: not replaced: {why}", folder.display()));
    let metadata = match fs::symlink_metadata(folder) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(refuse(format!("cannot read: {error}"))),
        Ok(metadata) => metadata,
    };
    if metadata.file_type().is_symlink() {
        return Err(refuse("it is a symbolic link; give the folder it points to".into()));
    }
    if !metadata.is_dir() {
        return Err(refuse("it exists and is not a folder".into()));
    }
    let entries = fs::read_dir(folder).map_err(|error| refuse(format!("cannot read: {error}")))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| refuse(format!("cannot read: {error}")))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    if names.is_empty() {
        return Ok(true);
    }
    names.sort();
    let foreign: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|name| ![MANIFEST_FILE, OLDER_MANIFEST_FILE, "releases", "search"].contains(name))
        .collect();
    if !foreign.is_empty() {
        let shown = foreign.iter().take(3).map(|name| format!("“{name}”")).collect::<Vec<_>>().join(", ");
        let more = if foreign.len() > 3 { format!(" and {} more", foreign.len() - 3) } else { String::new() };
        return Err(refuse(format!(
            "it holds {shown}{more}, which an archive does not; give an empty folder, a new one or an earlier archive"
        )));
    }
    let manifest_path = folder.join(MANIFEST_FILE);
    let is_archive = fs::metadata(&manifest_path).is_ok_and(|m| m.is_file() && m.len() <= MAX_BUNDLE_BYTES as u64)
        && fs::read_to_string(&manifest_path).is_ok_and(|text| archive::parse_manifest(&text).is_ok());
    if !is_archive {
        return Err(refuse(format!(
            "it is not empty and has no readable {MANIFEST_FILE}, so it may not be an archive; give an empty folder, a new one or an earlier archive"
        )));
    }
    Ok(true)
}

/// A folder being filled: each file written and its size.
struct FolderWriter {
    root: PathBuf,
    sizes: HashMap<String, u64>,
}

impl FolderWriter {
    /// Writes `file` (a relative path: `releases/2025-15-en.json`) into the folder.
    fn write(&mut self, file: &str, bytes: &[u8]) -> Result<(), Failure> {
        let relative = Path::new(file);
        if file.is_empty() || !relative.components().all(|part| matches!(part, Component::Normal(_))) {
            return Err(Failure(format!("{file}: not a file inside the archive folder")));
        }
        let path = self.root.join(relative);
        let result = (|| {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::File::create(&path)?.write_all(bytes)
        })();
        result.map_err(|error| Failure(format!("{}: not written: {error}", path.display())))?;
        self.sizes.insert(file.to_owned(), bytes.len() as u64);
        Ok(())
    }

    /// Puts every file on disk before the folder is swapped in. Once, at the end: the first
    /// sync commits what the others would each have waited for (a sync per file as it was
    /// written took splitting 1,000 releases from 9 s to 12 s).
    fn sync(&self) -> Result<(), Failure> {
        let mut folders: Vec<PathBuf> = vec![self.root.clone()];
        for file in self.sizes.keys() {
            let path = self.root.join(file);
            let synced = fs::File::open(&path).and_then(|handle| handle.sync_all());
            synced.map_err(|error| Failure(format!("{}: not written: {error}", path.display())))?;
            if let Some(parent) = path.parent().filter(|parent| !folders.iter().any(|folder| folder == parent)) {
                folders.push(parent.to_path_buf());
            }
        }
        for folder in folders {
            // A folder's entries are on disk once it is synced; not every system can open a
            // folder to sync it, and those that cannot keep entries some other way.
            if let Ok(handle) = fs::File::open(&folder) {
                let _ = handle.sync_all();
            }
        }
        Ok(())
    }
}

/// Fills a new folder beside `folder` and swaps it in only once it is complete, so that a
/// reader (or a crash, or a failure halfway) never sees a half-written archive: the old
/// folder is moved aside, the new one renamed into place, then the old one deleted. On
/// any failure the old folder stays as it was and the new one is removed. Returns what
/// `fill` returned and the size of every file written.
fn write_folder_atomically<T>(
    folder: &Path,
    fill: impl FnOnce(&mut FolderWriter) -> Result<T, Failure>,
) -> Result<(T, HashMap<String, u64>), Failure> {
    archive_folder(folder)?;
    let Some(name) = folder.file_name().map(|name| name.to_string_lossy().into_owned()) else {
        return Err(Failure(format!(
            "{}: not a folder name (give the folder's own name, not . or ..)",
            folder.display()
        )));
    };
    let parent = match folder.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Unique to this run, and hidden: `.archive.1234-5678.tmp`.
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |time| time.as_nanos());
    let beside = |suffix: &str| parent.join(format!(".{name}.{}-{stamp}.{suffix}", std::process::id()));
    let temporary = beside("tmp");
    fs::create_dir_all(&parent)
        .and_then(|()| fs::create_dir(&temporary))
        .map_err(|error| Failure(format!("{}: cannot create: {error}", temporary.display())))?;
    let mut writer = FolderWriter { root: temporary.clone(), sizes: HashMap::new() };
    let swapped = fill(&mut writer).and_then(|value| writer.sync().map(|()| value)).and_then(|value| {
        // Checked again: the folder may have changed while the new one was being written.
        let exists = archive_folder(folder)?;
        let aside = beside("old");
        if exists {
            fs::rename(folder, &aside).map_err(|error| {
                Failure(format!("{}: not replaced: cannot move it aside: {error}", folder.display()))
            })?;
        }
        if let Err(error) = fs::rename(&temporary, folder) {
            let restored = !exists || fs::rename(&aside, folder).is_ok();
            let kept = if restored { String::new() } else { format!("; the old archive is at {}", aside.display()) };
            return Err(Failure(format!("{}: not replaced: {error}{kept}", folder.display())));
        }
        if exists {
            if let Err(error) = fs::remove_dir_all(&aside) {
                eprintln!("caricc: {}: the old archive could not be deleted: {error}", aside.display());
            }
        }
        Ok(value)
    });
    match swapped {
        Ok(value) => Ok((value, writer.sizes)),
        Err(failure) => {
            let _ = fs::remove_dir_all(&temporary);
            Err(failure)
        }
    }
}
