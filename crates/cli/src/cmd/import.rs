//! `caricc import`: release texts into a bundle, with a report of every line.

use crate::failure::Failure;
use crate::files::{read_bundle_text, write_atomically};
use crate::report::print_problems;
use caricc_format::bundle::{parse_bundle, to_json};
use caricc_format::country;
use caricc_format::model::Bundle;
use caricc_format::text::escape_controls;
use caricc_import::check::{check_bundle, has_errors};
use caricc_import::import::{
    decode_release_bytes, import_release, Import, ImportOptions, Placement, WarningKind, MAX_RELEASE_BYTES,
};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
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
}

pub fn run(Args { releases, output, strict, lang }: Args) -> Result<(), Failure> {
    let output = output.as_path();
    let mut bundle = read_existing_bundle(output)?;
    let options = ImportOptions { lang };
    let mut warning_count = 0;
    let mut replaced = 0;
    let mut imported_events = 0;
    for path in &releases {
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
            WarningKind::AmbiguousNumber => "number",
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
