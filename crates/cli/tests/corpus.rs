//! The `caricc` binary on the adversarial corpus (`tests/corpus`): exit statuses, messages,
//! and nothing written on failure. The corpus and its expected outcomes are the importer's
//! table, so the CLI and the library are held to the same results.

#[path = "../../import/tests/corpus_cases/mod.rs"]
mod corpus_cases;

use caricc_format::bundle::to_json;
use caricc_format::text::escape_controls;
use corpus_cases::*;
use std::path::Path;
use std::process::{Command, Output};

const CARICC: &str = env!("CARGO_BIN_EXE_caricc");

fn run(args: &[&Path]) -> Output {
    Command::new(CARICC).args(args).output().expect("caricc runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn import_writes_each_corpus_release_or_refuses_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, expected) in RELEASES {
        let release = corpus("releases").join(name);
        let output = dir.path().join(format!("{name}.json"));
        let result = run(&[Path::new("import"), &release, Path::new("-o"), &output]);
        let (stdout, stderr) = (text(&result.stdout), text(&result.stderr));
        match expected {
            Expected::Refused(message) => {
                assert_eq!(result.status.code(), Some(1), "{name}");
                assert_eq!(stderr, format!("caricc: {}: {message}\n", release.display()), "{name}");
                assert!(!output.exists(), "{name}: nothing written");
            }
            Expected::Imported { unplaced, check_errors, .. } => {
                let import = import_corpus_release(name);
                let placed = import.report.placements.len() - unplaced.len();
                let lines = if unplaced.is_empty() {
                    format!("  all {placed} non-blank lines placed\n")
                } else {
                    let numbers: Vec<String> = unplaced.iter().map(usize::to_string).collect();
                    format!("  {placed} non-blank lines placed; NOT in the bundle: lines {}\n", numbers.join(", "))
                };
                assert!(stdout.contains(&lines), "{name}: expected {lines:?} in\n{stdout}");
                for warning in &import.report.warnings {
                    assert!(
                        stdout.contains(&escape_controls(&warning.message)),
                        "{name}: {:?} not reported in\n{stdout}",
                        warning.message
                    );
                }
                if check_errors.is_empty() {
                    assert_eq!(result.status.code(), Some(0), "{name}: {stdout}{stderr}");
                    let written = std::fs::read_to_string(&output).unwrap();
                    assert_eq!(written, to_json(&bundle_of(&import)), "{name}: the bundle written is the import");
                } else {
                    assert_eq!(result.status.code(), Some(1), "{name}: {stdout}{stderr}");
                    for path in *check_errors {
                        assert!(stdout.contains(&format!("  error: {path}: ")), "{name}: {path} in\n{stdout}");
                    }
                    assert!(stderr.contains("not written: the resulting bundle has errors"), "{name}: {stderr}");
                    assert!(!output.exists(), "{name}: nothing written");
                }
            }
        }
    }
}

#[test]
fn import_refuses_release_bytes_that_are_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("bundle.json");
    for (index, (what, bytes, expected)) in binary_releases().into_iter().enumerate() {
        let release = dir.path().join(format!("release-{index}.txt"));
        std::fs::write(&release, bytes).unwrap();
        let result = run(&[Path::new("import"), &release, Path::new("-o"), &output]);
        assert_eq!(result.status.code(), Some(1), "{what}");
        assert_eq!(text(&result.stderr), format!("caricc: {}: {expected}\n", release.display()), "{what}");
        assert!(!output.exists(), "{what}: nothing written");
    }
}

#[test]
fn check_reports_each_corpus_bundle_as_the_table_says() {
    for (name, expected) in expected_bundles() {
        let bundle = corpus("bundles").join(&name);
        let result = run(&[Path::new("check"), &bundle]);
        let (stdout, stderr) = (text(&result.stdout), text(&result.stderr));
        if let Some(message) = &expected.error {
            assert_eq!(result.status.code(), Some(1), "{name}");
            assert_eq!(stderr, format!("caricc: {}: {message}\n", bundle.display()), "{name}");
            continue;
        }
        let problems = expected.problems.unwrap();
        let printed: Vec<&str> = stdout.lines().filter_map(|line| line.strip_prefix("  ")).collect();
        // What reaches the terminal has its control and invisible characters escaped.
        let escaped: Vec<String> = problems.iter().map(|p| escape_controls(p)).collect();
        assert_eq!(printed, escaped, "{name}");
        let errors = problems.iter().filter(|p| p.starts_with("error: ")).count();
        let summary = format!("{errors} error(s), {} warning(s)\n", problems.len() - errors);
        assert!(stdout.ends_with(&summary), "{name}: {stdout}");
        assert_eq!(result.status.code(), Some(if errors > 0 { 1 } else { 0 }), "{name}: {stdout}{stderr}");
        // --strict refuses warnings too.
        let strict = run(&[Path::new("check"), Path::new("--strict"), &bundle]);
        assert_eq!(strict.status.code(), Some(if problems.is_empty() { 0 } else { 1 }), "{name} --strict");
    }
}

#[test]
fn check_refuses_a_bundle_that_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("latin1.json");
    let latin1 = b"{\"format\": 1, \"issues\": [{\"title\": \"Bishkek \xe9t\xe9\"}]}";
    let offset = latin1.iter().position(|&b| b == 0xe9).unwrap();
    std::fs::write(&bundle, latin1).unwrap();
    let result = run(&[Path::new("check"), &bundle]);
    assert_eq!(result.status.code(), Some(1));
    let expected = format!("caricc: {}: line 1: not UTF-8 text (byte {offset} is invalid)\n", bundle.display());
    assert_eq!(text(&result.stderr), expected);
}

/// Found with this corpus: a bundle's text may hold any character as a JSON escape, and
/// `caricc check` prints values it quotes (language tags, country codes, ids, hosts) as
/// they are, so a bundle can send escape sequences to the staff member's terminal
/// (`\u001b[2J` clears the screen). Release texts with control characters are refused.
#[test]
fn check_never_prints_control_characters_from_a_bundle() {
    let result = run(&[Path::new("check"), &corpus("bundles").join("control-characters.json")]);
    let output = [result.stdout, result.stderr].concat();
    let controls: Vec<char> = text(&output).chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert_eq!(controls, Vec::<char>::new(), "control characters reach the terminal");
}
