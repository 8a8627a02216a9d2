//! `caricc check`: what is wrong with a bundle, each problem with its JSON path.

use crate::failure::Failure;
use crate::files::read_bundle_text;
use crate::report::print_problems;
use caricc_format::bundle::parse_bundle;
use caricc_import::check::{check_bundle, Severity};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    bundle: PathBuf,
    #[arg(long)]
    strict: bool,
}

pub fn run(Args { bundle, strict }: Args) -> Result<(), Failure> {
    let path = bundle.as_path();
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
