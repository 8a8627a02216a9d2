//! `caricc`: the staff's command-line tool. A thin shell over the core: it reads files,
//! prints reports and writes bundles atomically; every decision is made in `core`.

use caricc_viewer::core::bundle::{parse_bundle, to_json, MAX_BUNDLE_BYTES};
use caricc_viewer::core::check::{check_bundle, has_errors, Problem, Severity};
use caricc_viewer::core::country;
use caricc_viewer::core::import::{
    decode_release_bytes, import_release, Import, ImportOptions, Placement, WarningKind, MAX_RELEASE_BYTES,
};
use caricc_viewer::core::model::Bundle;
use caricc_viewer::core::synth::{import_all, synth_releases};
use caricc_viewer::core::text::escape_controls;
use caricc_viewer::offline::{build_files, offline_html, ViewerBuild};
use clap::{Parser, Subcommand};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
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
    /// Write a synthetic archive for benchmarks, the same for the same seed: COUNT releases
    /// shaped like the real ones (two a month back from 2025, about 20 events each, a third
    /// also or only in Russian), as a bundle (-o) and/or as release texts (--texts).
    Synth {
        /// Releases to write (a release in two languages counts twice).
        count: usize,
        /// The bundle to write (what `caricc import` makes of the texts).
        #[arg(short, long, required_unless_present = "texts")]
        output: Option<PathBuf>,
        /// A folder to write the release texts into, one file per release.
        #[arg(long)]
        texts: Option<PathBuf>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// A failure the user must see; the message already says what and where.
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import { releases, output, strict, lang } => run_import(&releases, &output, strict, lang),
        Command::Check { bundle, strict } => run_check(&bundle, strict),
        Command::Offline { dist, bundle, output } => run_offline(&dist, &bundle, &output),
        Command::Synth { count, output, texts, seed } => run_synth(count, output.as_deref(), texts.as_deref(), seed),
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

fn run_synth(count: usize, output: Option<&Path>, texts: Option<&Path>, seed: u64) -> Result<(), Failure> {
    let releases = synth_releases(count, seed).map_err(|e| Failure(e.to_string()))?;
    let events: u32 = releases.iter().map(|release| release.events()).sum();
    if let Some(folder) = texts {
        fs::create_dir_all(folder).map_err(|e| Failure(format!("{}: cannot create: {e}", folder.display())))?;
        for release in &releases {
            let path = folder.join(release.file_name());
            fs::write(&path, &release.text).map_err(|e| Failure(format!("{}: not written: {e}", path.display())))?;
        }
        println!("{}: wrote {} release texts ({events} events, seed {seed})", folder.display(), releases.len());
    }
    if let Some(output) = output {
        let bundle = import_all(&releases).map_err(|e| Failure(e.to_string()))?;
        let json = to_json(&bundle);
        write_atomically(output, json.as_bytes())?;
        println!(
            "{}: wrote {} release(s), {events} events, {} bytes (seed {seed})",
            output.display(),
            bundle.issues.len(),
            json.len()
        );
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
