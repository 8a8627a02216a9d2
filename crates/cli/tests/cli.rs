//! The `caricc` binary as staff use it: real files in a temporary directory, exit codes,
//! reports, and the bundle left untouched whenever the command fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CARICC: &str = env!("CARGO_BIN_EXE_caricc");

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/releases/information-release-2025-15.txt")
}

fn run(args: &[&str]) -> Output {
    Command::new(CARICC).args(args).output().expect("caricc runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn import_creates_a_bundle_and_reports_counts_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    let output = run(&["import", path_str(&sample_path()), "-o", path_str(&bundle)]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", text(&output.stderr));
    for line in [
        "  kz  Kazakhstan       4   (summary: 4)",
        "  ru  Russia           4   (summary: 4)",
        "all 129 non-blank lines placed",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    assert!(stdout.contains("warning (source): line 225:"), "{stdout}");
    assert!(stdout.contains("warning (typo): line 44:"), "{stdout}");
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/bundle.json")).unwrap();
    assert_eq!(std::fs::read_to_string(&bundle).unwrap(), committed);
    // Nothing but the bundle is left behind (no temporary files).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn importing_the_same_release_again_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    let sample = sample_path();
    assert!(run(&["import", path_str(&sample), "-o", path_str(&bundle)]).status.success());
    let first = std::fs::read_to_string(&bundle).unwrap();
    let output = run(&["import", path_str(&sample), "-o", path_str(&bundle)]);
    assert!(output.status.success());
    assert!(text(&output.stdout).contains("1 release(s) replaced, 1 in the bundle"), "{}", text(&output.stdout));
    assert_eq!(std::fs::read_to_string(&bundle).unwrap(), first);
}

#[test]
fn a_second_release_is_added_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    let sixteen = dir.path().join("release-16.txt");
    let text16 =
        std::fs::read_to_string(sample_path()).unwrap().replace("1-15.08.2025", "16-31.08.2025").replace("#15", "#16");
    std::fs::write(&sixteen, text16).unwrap();
    assert!(run(&["import", path_str(&sample_path()), "-o", path_str(&bundle)]).status.success());
    assert!(run(&["import", path_str(&sixteen), "-o", path_str(&bundle)]).status.success());
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    let numbers: Vec<u64> =
        written["issues"].as_array().unwrap().iter().map(|i| i["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [16, 15]);
    assert_eq!(written["issues"][0]["events"][0]["id"], "2025-16-az-1");
}

#[test]
fn strict_refuses_warnings_and_leaves_the_bundle_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    std::fs::write(&bundle, "{\"format\": 1, \"issues\": []}\n").unwrap();
    let before = std::fs::read(&bundle).unwrap();
    let output = run(&["import", "--strict", path_str(&sample_path()), "-o", path_str(&bundle)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("not written: 4 warning(s) and --strict"), "{}", text(&output.stderr));
    assert_eq!(std::fs::read(&bundle).unwrap(), before);
}

#[test]
fn a_failed_import_never_touches_the_existing_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    assert!(run(&["import", path_str(&sample_path()), "-o", path_str(&bundle)]).status.success());
    let before = std::fs::read(&bundle).unwrap();

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let garbage = dir.path().join("garbage.txt");
    std::fs::write(&garbage, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let foreign = dir.path().join("letter.txt");
    std::fs::write(&foreign, "Dear colleagues,\n\nplease find attached.\n").unwrap();
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, "x".repeat(50 * 1024 * 1024)).unwrap();
    let missing = dir.path().join("missing.txt");

    let cases: [(&Path, &str); 5] = [
        (&empty, "empty.txt: the file is empty"),
        (&garbage, "garbage.txt: line 1: not text: byte 0 is not valid UTF-8"),
        (&foreign, "letter.txt: not a release text: no release number"),
        (&huge, "huge.txt: the file is 52428800 bytes"),
        (&missing, "missing.txt: cannot read"),
    ];
    for (input, expected) in cases {
        // The good release first: a failure later in the list must still write nothing.
        let output = run(&["import", path_str(&sample_path()), path_str(input), "-o", path_str(&bundle)]);
        assert_eq!(output.status.code(), Some(1), "{expected}");
        assert!(text(&output.stderr).contains(expected), "expected {expected:?} in {:?}", text(&output.stderr));
        assert_eq!(std::fs::read(&bundle).unwrap(), before, "{expected}: bundle changed");
    }
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains(".tmp"))
            .count(),
        0
    );
}

#[test]
fn import_refuses_to_overwrite_a_bundle_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    for (content, expected) in [
        ("{\"format\": 1, \"issues\": [", "existing bundle not updated: not valid JSON at line 1"),
        ("{\"format\": 7, \"issues\": []}", "existing bundle not updated: unsupported bundle format 7 at $.format"),
        (
            "{\"format\": 1, \"issues\": [{\"number\": \"x\"}]}",
            "existing bundle not updated: $.issues[0].number: invalid type",
        ),
    ] {
        std::fs::write(&bundle, content).unwrap();
        let output = run(&["import", path_str(&sample_path()), "-o", path_str(&bundle)]);
        assert_eq!(output.status.code(), Some(1));
        assert!(text(&output.stderr).contains(expected), "expected {expected:?} in {:?}", text(&output.stderr));
        assert_eq!(std::fs::read_to_string(&bundle).unwrap(), content);
    }
}

#[test]
fn check_accepts_the_embedded_bundle_and_strict_counts_its_warnings() {
    let bundle = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/bundle.json");
    let output = run(&["check", bundle]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("1 release(s), 10 events: 0 error(s), 3 warning(s)"),
        "{}",
        text(&output.stdout)
    );
    assert_eq!(run(&["check", "--strict", bundle]).status.code(), Some(1));
}

#[test]
fn check_names_the_json_path_of_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/bundle.json")).unwrap();
    let broken = committed
        .replacen("\"id\": \"2025-15-kz-1\"", "\"id\": \"2025-15-az-1\"", 1)
        .replacen("\"country\": \"kg\"", "\"country\": \"KG\"", 1)
        .replacen("\"from\": \"2025-08-01\"", "\"from\": \"2025-08-32\"", 1)
        .replacen(
            "\"title\": \"AN AWARENESS-RAISING EVENT AGAINST DRUG ADDICTION HELD IN CORRECTIONAL FACILITIES\"",
            "\"title\": \" \"",
            1,
        );
    std::fs::write(&path, broken).unwrap();
    let output = run(&["check", path_str(&path)]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    for expected in [
        "error: $.issues[0].period.from: “2025-08-32” is not a date written YYYY-MM-DD",
        "error: $.issues[0].events[0].title: event title is empty",
        "error: $.issues[0].events[1].id: event id “2025-15-az-1” is already used at $.issues[0].events[0].id",
        "error: $.issues[0].summary.counts[2].country: “KG” is not a lowercase ISO 3166-1 alpha-2 country code",
    ] {
        assert!(stdout.contains(expected), "missing {expected:?} in:\n{stdout}");
    }
}

#[test]
fn check_reports_unreadable_bundles_with_their_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    for (content, expected) in [
        ("{\"format\": 1,\n  \"issues\": [}", "not valid JSON at line 2, column 14"),
        ("[1, 2]", "bad.json: $: a bundle is a JSON object with \"format\" and \"issues\", not an array"),
        ("{\"format\": \"one\"}", "unsupported bundle format \"one\" at $.format"),
        ("", "not valid JSON at line 1, column 0: EOF while parsing a value"),
    ] {
        std::fs::write(&path, content).unwrap();
        let output = run(&["check", path_str(&path)]);
        assert_eq!(output.status.code(), Some(1), "{content}");
        assert!(text(&output.stderr).contains(expected), "expected {expected:?} in {:?}", text(&output.stderr));
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["import", "x.txt"]).status.code(), Some(2), "-o is required");
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

/// A directory shaped like a Trunk build of the viewer.
fn fake_dist(dir: &Path) {
    std::fs::write(
        dir.join("index.html"),
        r#"<link rel="icon" href="./favicon-1.svg"/><link rel="stylesheet" href="./viewer-2.css"/>
           <script type="module" src="./boot.js" data-app-js="./app-3.js" data-app-wasm="./app-3_bg.wasm"></script>"#,
    )
    .unwrap();
    std::fs::write(dir.join("app-3.js"), "export default async function __wbg_init() {}").unwrap();
    std::fs::write(dir.join("app-3_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("viewer-2.css"), "body{margin:0}").unwrap();
    std::fs::write(dir.join("favicon-1.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
}

#[test]
fn offline_writes_one_self_contained_page() {
    let dir = tempfile::tempdir().unwrap();
    fake_dist(dir.path());
    let output = dir.path().join("caricc-releases.html");
    let bundle = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/bundle.json");
    let run_output = run(&["offline", "--dist", path_str(dir.path()), bundle, "-o", path_str(&output)]);
    assert!(run_output.status.success(), "{}", text(&run_output.stderr));
    assert!(text(&run_output.stdout).contains("1 release(s), 10 events"), "{}", text(&run_output.stdout));
    let html = std::fs::read_to_string(&output).unwrap();
    for needle in [
        r#"<script type="application/json" id="caricc-bundle">"#,
        "export default async function __wbg_init",
        "body{margin:0}",
        "data:image/svg+xml;base64,",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    // Nothing is loaded from anywhere: no src= or href= to a file.
    assert!(!html.contains(" src=") && !html.contains("href=\"./"), "{html}");
}

#[test]
fn offline_refuses_a_bad_dist_or_bundle_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.html");
    let bundle = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/bundle.json");
    let missing = run(&["offline", "--dist", path_str(dir.path()), bundle, "-o", path_str(&output)]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("index.html: cannot read"), "{}", text(&missing.stderr));

    fake_dist(dir.path());
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, r#"{"format":1,"issues":[{"number":1,"year":2025,"period":{"from":"2025-01-01","to":"2025-01-02"},"title":" "}]}"#).unwrap();
    let refused = run(&["offline", "--dist", path_str(dir.path()), path_str(&broken), "-o", path_str(&output)]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stdout).contains("error: $.issues[0].title: title is empty"), "{}", text(&refused.stdout));
    assert!(!output.exists());
}

#[test]
fn a_release_in_both_languages_lives_in_one_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    let russian =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/releases/information-release-2025-15-ru.txt");
    let output = run(&["import", path_str(&sample_path()), russian, "-o", path_str(&bundle)]);
    assert!(output.status.success(), "{}{}", text(&output.stdout), text(&output.stderr));
    let written: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    let versions: Vec<(u64, &str)> = written["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["number"].as_u64().unwrap(), i["lang"].as_str().unwrap()))
        .collect();
    assert_eq!(versions, [(15, "en"), (15, "ru")]);
    assert!(run(&["check", path_str(&bundle)]).status.success());
}

const EMBEDDED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/bundle.json");

/// Every file under `dir` (relative path → bytes), to compare a folder before and after.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Names in `dir`, sorted: nothing left behind beside an archive (no temporary folders).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The embedded bundle and a copy of its release renumbered #16: two releases.
fn two_release_bundle(dir: &Path) -> PathBuf {
    use caricc_format::bundle::{parse_bundle, to_json};
    let mut bundle = parse_bundle(&std::fs::read_to_string(EMBEDDED).unwrap()).unwrap();
    let mut sixteen = bundle.issues[0].clone();
    sixteen.number = 16;
    (sixteen.period.from, sixteen.period.to) = ("2025-08-16".into(), "2025-08-31".into());
    for event in &mut sixteen.events {
        event.id = event.id.replace("2025-15-", "2025-16-");
    }
    bundle.issues.insert(0, sixteen);
    let path = dir.join("two.json");
    std::fs::write(&path, to_json(&bundle)).unwrap();
    path
}

#[test]
fn split_writes_an_archive_whose_files_read_back() {
    use caricc_format::archive::{parse_manifest, parse_shard, release_from_file, shard_file};
    use caricc_format::bundle::parse_bundle;
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let output = run(&["split", EMBEDDED, "-o", path_str(&archive)]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", text(&output.stderr));
    assert!(stdout.contains("archive: wrote 1 release(s) (10 events) and 1 search shard(s): "), "{stdout}");
    assert!(stdout.contains(" bytes in 3 files (manifest "), "{stdout}");

    let manifest = parse_manifest(&std::fs::read_to_string(archive.join("manifest.json")).unwrap()).unwrap();
    let embedded = parse_bundle(&std::fs::read_to_string(EMBEDDED).unwrap()).unwrap();
    assert_eq!(manifest.releases.len(), 1);
    for (entry, issue) in manifest.releases.iter().zip(&embedded.issues) {
        let release = parse_bundle(&std::fs::read_to_string(archive.join(&entry.file)).unwrap()).unwrap();
        assert_eq!(&release_from_file(entry, release).unwrap(), issue);
    }
    for shard in 0..manifest.search.shards {
        let file = archive.join(shard_file(&manifest.search.files, shard));
        let postings = parse_shard(&std::fs::read_to_string(&file).unwrap(), shard, 1).unwrap();
        assert_eq!(postings.get("pol"), Some(&[0][..]), "“police” is in the only release");
    }
    assert_eq!(names(&archive), ["manifest.json", "releases", "search"]);
    assert_eq!(names(dir.path()), ["archive"], "no temporary folder left");
}

#[test]
fn splitting_again_replaces_the_archive_whole() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let two = two_release_bundle(dir.path());
    let first = run(&["split", path_str(&two), "-o", path_str(&archive), "--shards", "4"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("wrote 2 release(s) (20 events) and 4 search shard(s)"),
        "{}",
        text(&first.stdout)
    );
    assert!(archive.join("releases/2025-16-en.json").exists());
    assert!(archive.join("search/3.json").exists());

    let second = run(&["split", EMBEDDED, "-o", path_str(&archive)]);
    assert!(second.status.success(), "{}", text(&second.stderr));
    let files: Vec<PathBuf> = snapshot(&archive).into_keys().collect();
    let expected: Vec<PathBuf> =
        ["manifest.json", "releases/2025-15-en.json", "search/0.json"].iter().map(PathBuf::from).collect();
    assert_eq!(files, expected, "nothing of the old archive is left");
    assert_eq!(names(dir.path()), ["archive", "two.json"]);
    // An empty folder is an archive folder too.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(run(&["split", EMBEDDED, "-o", path_str(&empty)]).status.success());
    assert!(empty.join("manifest.json").exists());
}

#[test]
fn split_never_replaces_a_folder_that_is_not_an_archive() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    std::fs::create_dir(&site).unwrap();
    std::fs::write(site.join("notes.txt"), "mine").unwrap();
    // A web app manifest is not an archive's, and the viewer beside it must survive.
    let web_app = dir.path().join("web-app");
    std::fs::create_dir(&web_app).unwrap();
    std::fs::write(web_app.join("manifest.json"), r#"{"name": "CARICC", "icons": []}"#).unwrap();
    // An archive with something else beside it.
    let mixed = dir.path().join("mixed");
    assert!(run(&["split", EMBEDDED, "-o", path_str(&mixed)]).status.success());
    std::fs::write(mixed.join("index.html"), "<!doctype html>").unwrap();
    let file = dir.path().join("file.json");
    std::fs::write(&file, "{}").unwrap();

    for (target, expected) in [
        (&site, "site: not replaced: it holds “notes.txt”, which an archive does not"),
        (&web_app, "web-app: not replaced: it is not empty and has no readable manifest.json"),
        (&mixed, "mixed: not replaced: it holds “index.html”"),
        (&file, "file.json: not replaced: it exists and is not a folder"),
    ] {
        let before = if target.is_dir() { snapshot(target) } else { Default::default() };
        let output = run(&["split", EMBEDDED, "-o", path_str(target)]);
        assert_eq!(output.status.code(), Some(1), "{expected}");
        assert!(text(&output.stderr).contains(expected), "expected {expected:?} in {:?}", text(&output.stderr));
        if target.is_dir() {
            assert_eq!(snapshot(target), before, "{expected}: changed");
        }
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{}");
    assert_eq!(names(dir.path()), ["file.json", "mixed", "site", "web-app"], "no temporary folder left");
}

#[test]
fn a_bad_bundle_leaves_the_archive_byte_for_byte_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let two = two_release_bundle(dir.path());
    assert!(run(&["split", path_str(&two), "-o", path_str(&archive)]).status.success());
    let before = snapshot(&archive);

    let broken = dir.path().join("broken.json");
    let committed = std::fs::read_to_string(EMBEDDED).unwrap();
    std::fs::write(&broken, committed.replacen("\"from\": \"2025-08-01\"", "\"from\": \"2025-08-32\"", 1)).unwrap();
    let unreadable = dir.path().join("unreadable.json");
    std::fs::write(&unreadable, "{\"format\": 1,\n  \"issues\": [}").unwrap();
    let missing = dir.path().join("missing.json");
    for (bundle, expected) in [
        (&broken, "archive: not written: the bundle"),
        (&unreadable, "unreadable.json: not valid JSON at line 2, column 14"),
        (&missing, "missing.json: cannot read"),
    ] {
        let output = run(&["split", path_str(bundle), "-o", path_str(&archive)]);
        assert_eq!(output.status.code(), Some(1), "{expected}");
        assert!(text(&output.stderr).contains(expected), "expected {expected:?} in {:?}", text(&output.stderr));
        assert_eq!(snapshot(&archive), before, "{expected}: the archive changed");
    }
    let output = run(&["split", path_str(&broken), "-o", path_str(&archive)]);
    assert!(
        text(&output.stdout).contains("error: $.issues[0].period.from: “2025-08-32” is not a date"),
        "{}",
        text(&output.stdout)
    );
    assert_eq!(names(dir.path()), ["archive", "broken.json", "two.json", "unreadable.json"]);
    assert_eq!(run(&["split", EMBEDDED, "-o", path_str(&archive), "--shards", "0"]).status.code(), Some(2));
}

#[test]
fn synth_split_writes_what_split_makes_of_the_synthetic_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let (bundle, split, direct) = (dir.path().join("b.json"), dir.path().join("split"), dir.path().join("direct"));
    assert!(run(&["synth", "60", "--seed", "3", "-o", path_str(&bundle)]).status.success());
    assert!(run(&["split", path_str(&bundle), "-o", path_str(&split), "--shards", "2"]).status.success());
    let output = run(&["synth", "60", "--seed", "3", "--split", path_str(&direct), "--shards", "2"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("direct: wrote 60 release(s) ("), "{}", text(&output.stdout));
    assert_eq!(snapshot(&direct), snapshot(&split), "byte for byte the same archive");
    assert!(run(&["check", path_str(&direct.join("releases/2025-24-en.json"))]).status.success());
    assert_eq!(names(dir.path()), ["b.json", "direct", "split"]);
    // Releases from 2025 back (some in two languages): the manifest lists 2025's, the second
    // manifest the rest.
    use caricc_format::archive::parse_manifest;
    let read = |name: &str| parse_manifest(&std::fs::read_to_string(direct.join(name)).unwrap()).unwrap();
    let (newest, older) = (read("manifest.json"), read("manifest-older.json"));
    assert!(newest.releases.iter().all(|entry| entry.year == 2025), "{:?}", newest.releases);
    assert!(!older.releases.is_empty() && older.releases.iter().all(|entry| entry.year < 2025));
    assert_eq!(newest.releases.len() + older.releases.len(), 60);
    assert_eq!(newest.older.as_deref(), Some("manifest-older.json"));
    assert!(text(&output.stdout).contains("older releases' manifest "), "{}", text(&output.stdout));
    assert_eq!(names(&direct), ["manifest-older.json", "manifest.json", "releases", "search"]);
    // A folder holding both manifests is an archive that may be replaced.
    let again = run(&["split", path_str(&bundle), "-o", path_str(&direct)]);
    assert!(again.status.success(), "{}", text(&again.stderr));
}

#[test]
fn synth_sends_archives_larger_than_a_bundle_to_split() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("b.json");
    let output = run(&["synth", "10001", "-o", path_str(&bundle)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("b.json: not written: 10001 releases; a bundle holds at most 10000 releases"),
        "{}",
        text(&output.stderr)
    );
    assert!(text(&output.stderr).contains("--split DIR"), "{}", text(&output.stderr));
    assert!(!bundle.exists());
    let too_many = run(&["synth", "20000", "--split", path_str(&dir.path().join("a"))]);
    assert_eq!(too_many.status.code(), Some(1));
    assert!(text(&too_many.stderr).contains("20000 releases asked for; at most 12096"), "{}", text(&too_many.stderr));
    assert_eq!(names(dir.path()), Vec::<String>::new(), "nothing written, no temporary folder left");
    assert_eq!(run(&["synth", "5", "--shards", "2", "-o", path_str(&bundle)]).status.code(), Some(2));
    assert_eq!(run(&["synth", "5"]).status.code(), Some(2));
}

/// The index.html of a viewer build, as far as `caricc site` reads it.
const VIEWER_INDEX: &str = r#"<link href=./favicon-abc.svg rel=icon><link href=./viewer-abc.css rel=stylesheet>
<script type="module" src="./boot.js" data-app-js="./app-1.js" data-app-wasm="./app-1_bg.wasm"></script>"#;

/// The files of a viewer build that `caricc site` copies.
fn write_viewer_build(dist: &Path) {
    std::fs::write(dist.join("index.html"), VIEWER_INDEX).unwrap();
    std::fs::write(dist.join("viewer-abc.css"), "body{}").unwrap();
    std::fs::write(dist.join("favicon-abc.svg"), "<svg/>").unwrap();
    std::fs::write(dist.join("boot.js"), "// starts the app").unwrap();
    std::fs::write(dist.join("app-1.js"), "// the app's glue").unwrap();
    std::fs::write(dist.join("app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dist.join("app-1_bg.wasm.gz"), b"\x1f\x8b").unwrap();
}

/// Parses the "N file(s), W written, U unchanged" of `caricc site`.
fn site_counts(stdout: &str) -> (usize, usize, usize) {
    let first_line = stdout.lines().next().unwrap_or("");
    let counts = first_line.rsplit_once(": ").map_or(first_line, |(_, counts)| counts);
    let numbers: Vec<usize> = counts
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().unwrap())
        .collect();
    (numbers[0], numbers[1], numbers[2])
}

#[test]
fn site_writes_pages_and_republishing_rewrites_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (bundle, site, dist) = (dir.path().join("bundle.json"), dir.path().join("site"), dir.path().join("dist"));
    std::fs::create_dir(&dist).unwrap();
    write_viewer_build(&dist);
    assert!(run(&["import", path_str(&sample_path()), "-o", path_str(&bundle)]).status.success());
    let site_args =
        ["site", "--dist", path_str(&dist), path_str(&bundle), "-o", path_str(&site), "--url", "https://example.org/r"];
    let first = run(&site_args);
    let stdout = text(&first.stdout);
    assert!(first.status.success(), "{stdout}{}", text(&first.stderr));
    let (files, written, unchanged) = site_counts(&stdout);
    assert_eq!((written, unchanged), (files, 0), "{stdout}");
    for page in [
        "index.html",
        "en/2025/15/index.html",
        "ru/2025/15/index.html",
        "en/2025/index.html",
        "sitemap.xml",
        "robots.txt",
        "feeds/en.xml",
        "preview.png",
        // The app, which takes the pages over, and the bundle it reads there.
        "boot.js",
        "app-1.js",
        "app-1_bg.wasm",
        // Its precompressed copy, which the build wrote beside it.
        "app-1_bg.wasm.gz",
        "bundle.json",
    ] {
        assert!(site.join(page).is_file(), "{page}");
    }
    assert!(std::fs::read_to_string(site.join("robots.txt")).unwrap().contains("https://example.org/r/sitemap.xml"));
    assert!(!site.join("app-1.js.gz").exists(), "no copy where the build wrote none");
    // The viewer's stylesheet is in every page rather than beside them.
    assert!(!site.join("viewer-abc.css").exists());
    assert!(std::fs::read_to_string(site.join("index.html")).unwrap().contains("<style>body{}\n"));

    // The same bundle again: nothing is written.
    let again = text(&run(&site_args).stdout);
    assert_eq!(site_counts(&again), (files, 0, files), "{again}");

    // One more release: its pages, the root, its neighbour's (a "newer" link), the year's
    // indexes, the feeds with its events and the sitemap; not the images or the app.
    let sixteen = dir.path().join("release-16.txt");
    let text16 =
        std::fs::read_to_string(sample_path()).unwrap().replace("1-15.08.2025", "16-31.08.2025").replace("#15", "#16");
    std::fs::write(&sixteen, text16).unwrap();
    assert!(run(&["import", path_str(&sixteen), "-o", path_str(&bundle)]).status.success());
    let after = text(&run(&site_args).stdout);
    let (files_after, written, unchanged) = site_counts(&after);
    assert_eq!(files_after, files + 2, "{after}");
    assert!(unchanged >= 4 && written < files_after, "{after}");
    assert!(site.join("en/2025/16/index.html").is_file());
    let fifteen = std::fs::read_to_string(site.join("en/2025/15/index.html")).unwrap();
    assert!(fifteen.contains("href=\"en/2025/16/\""), "the older page links the newer");
}

#[test]
fn site_refuses_a_bad_address_and_a_folder_that_is_not_a_build() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.json");
    assert!(run(&["import", path_str(&sample_path()), "-o", path_str(&bundle)]).status.success());
    let site = dir.path().join("site");
    let output = run(&["site", "--dist", path_str(dir.path()), path_str(&bundle), "-o", path_str(&site)]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("not a release build of the viewer"), "{}", text(&output.stderr));
    std::fs::write(dir.path().join("index.html"), VIEWER_INDEX).unwrap();
    let output = run(&[
        "site",
        "--dist",
        path_str(dir.path()),
        path_str(&bundle),
        "-o",
        path_str(&site),
        "--url",
        "javascript:alert(1)",
    ]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("--url javascript:alert(1): not an http(s) address"),
        "{}",
        text(&output.stderr)
    );
    assert!(!site.exists(), "nothing written");
}

/// A folder shaped like the viewer's release build, as far as `caricc site` reads it.
fn site_dist(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir(&dist).unwrap();
    write_viewer_build(&dist);
    dist
}

/// `caricc site` of `input` into `site`, with an address so that the sitemap is written.
fn publish(dist: &Path, input: &Path, site: &Path) -> Output {
    run(&["site", "--dist", path_str(dist), path_str(input), "-o", path_str(site), "--url", "https://example.org/r/"])
}

/// A synthetic bundle of `count` releases (some in two languages), in `dir`.
fn synthetic_bundle(dir: &Path, count: &str) -> PathBuf {
    let bundle = dir.join(format!("synth-{count}.json"));
    let output = run(&["synth", count, "--seed", "3", "-o", path_str(&bundle)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    bundle
}

/// A copy of `bundle` without its newest release (in all its languages), beside it; and
/// that release's (year, number) and the one before it.
fn without_newest_release(bundle: &Path) -> (PathBuf, (i32, u32), (i32, u32)) {
    use caricc_format::bundle::{parse_bundle, to_json};
    let mut parsed = parse_bundle(&std::fs::read_to_string(bundle).unwrap()).unwrap();
    let key = |issue: &caricc_format::model::Issue| (issue.year, issue.number);
    let newest = parsed.issues.iter().map(key).max().unwrap();
    parsed.issues.retain(|issue| key(issue) != newest);
    let previous = parsed.issues.iter().map(key).max().unwrap();
    let path = bundle.with_file_name("without-newest.json");
    std::fs::write(&path, to_json(&parsed)).unwrap();
    (path, newest, previous)
}

#[test]
fn the_site_of_an_archive_is_the_site_of_its_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let dist = site_dist(dir.path());
    let bundle = synthetic_bundle(dir.path(), "30");
    let archive = dir.path().join("archive");
    assert!(run(&["split", path_str(&bundle), "-o", path_str(&archive)]).status.success());

    let from_bundle = publish(&dist, &bundle, &dir.path().join("from-bundle"));
    let stdout = text(&from_bundle.stdout);
    assert!(from_bundle.status.success(), "{stdout}{}", text(&from_bundle.stderr));
    let from_archive = publish(&dist, &archive, &dir.path().join("from-archive"));
    assert!(from_archive.status.success(), "{}", text(&from_archive.stderr));
    let from_manifest = publish(&dist, &archive.join("manifest.json"), &dir.path().join("from-manifest"));
    assert!(from_manifest.status.success(), "{}", text(&from_manifest.stderr));

    // The pages are the same; the app reads the releases from the bundle or the archive.
    let pages = |folder: &str| {
        let mut files = snapshot(&dir.path().join(folder));
        let data = files.keys().filter(|path| path.starts_with("archive") || path.ends_with("bundle.json")).count();
        files.retain(|path, _| !path.starts_with("archive") && path != Path::new("bundle.json"));
        for bytes in files.values_mut() {
            let text = String::from_utf8_lossy(bytes)
                .replace("data-bundle=\"archive/manifest.json\"", "data-bundle=\"bundle.json\"");
            *bytes = text.into_bytes();
        }
        (files, data)
    };
    let (site, bundle_data) = pages("from-bundle");
    assert_eq!(bundle_data, 1, "the bundle");
    let from_archive_pages = pages("from-archive");
    assert!(from_archive_pages.0 == site, "the archive's site differs from the bundle's");
    // The manifests, a file per language version and the index's shards.
    assert!(from_archive_pages.1 > 30, "{} archive files", from_archive_pages.1);
    assert_eq!(
        std::fs::read(dir.path().join("from-archive/archive/manifest.json")).unwrap(),
        std::fs::read(archive.join("manifest.json")).unwrap()
    );
    assert!(pages("from-manifest").0 == site, "the manifest's site differs from the bundle's");
    // 30 language versions of fewer releases, each release with a page per language.
    let releases = site.keys().filter(|path| path.starts_with("en") && path.components().count() == 4).count();
    assert!(releases > 10 && releases < 30, "{releases} releases");
    assert!(stdout.contains(&format!("({releases} release(s), 30 language version(s))")), "{stdout}");
    assert!(site.contains_key(Path::new("sitemap.xml")) && site.contains_key(Path::new("feeds/ru.xml")));
    let releases_and_versions = |stdout: &str| stdout.split_once(" (").map(|(_, rest)| rest.to_owned());
    assert_eq!(releases_and_versions(&text(&from_archive.stdout)), releases_and_versions(&stdout));
    assert_eq!(
        names(dir.path()),
        ["archive", "dist", "from-archive", "from-bundle", "from-manifest", "synth-30.json"],
        "no temporary folder left"
    );
}

#[test]
fn a_broken_archive_is_named_and_the_site_is_left_as_it_was() {
    use caricc_format::archive::parse_manifest;
    let dir = tempfile::tempdir().unwrap();
    let dist = site_dist(dir.path());
    // Sixty releases: the older ones in a manifest of their own.
    let bundle = synthetic_bundle(dir.path(), "60");
    let archive = dir.path().join("archive");
    assert!(run(&["split", path_str(&bundle), "-o", path_str(&archive)]).status.success());
    // The site as it was before the newest release: publishing the archive would change it.
    let (before_newest, _, _) = without_newest_release(&bundle);
    let site = dir.path().join("site");
    assert!(publish(&dist, &before_newest, &site).status.success());
    let published = snapshot(&site);

    let manifest = parse_manifest(&std::fs::read_to_string(archive.join("manifest.json")).unwrap()).unwrap();
    let older = parse_manifest(&std::fs::read_to_string(archive.join("manifest-older.json")).unwrap()).unwrap();
    // Files read late, so that pages of other releases have been drawn before the fault.
    let (late, last) = (&older.releases[2].file, &older.releases.last().unwrap().file);
    let good = |file: &str| std::fs::read_to_string(archive.join(file)).unwrap();
    let (late_text, last_text, manifest_text) = (good(late), good(last), good("manifest.json"));
    type Break = Box<dyn Fn(&Path)>;
    let cases: Vec<(Break, Vec<String>)> = vec![
        (
            Box::new({
                let last = last.clone();
                move |archive: &Path| std::fs::remove_file(archive.join(&last)).unwrap()
            }),
            vec![format!("archive/{last}: cannot read"), "listed in manifest-older.json at $.releases[".into()],
        ),
        (
            Box::new(|archive: &Path| {
                std::fs::write(archive.join("manifest.json"), "{\"format\": 1,\n  \"releases\": [}").unwrap()
            }),
            vec!["archive/manifest.json: not valid JSON at line 2, column 16".into()],
        ),
        (
            Box::new({
                let (late, late_text) = (late.clone(), late_text.clone());
                move |archive: &Path| {
                    // The release's number as a string: "number": "22".
                    let at = late_text.find("\"number\": ").unwrap() + "\"number\": ".len();
                    let end = at + late_text[at..].find(',').unwrap();
                    let wrong = format!("{}\"{}\"{}", &late_text[..at], &late_text[at..end], &late_text[end..]);
                    std::fs::write(archive.join(&late), wrong).unwrap()
                }
            }),
            vec![format!("archive/{late}: $.issues[0].number: invalid type: string")],
        ),
        (
            Box::new(|archive: &Path| {
                // The newest release listed twice.
                let path = archive.join("manifest.json");
                let mut json: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                json["releases"][1] = json["releases"][0].clone();
                std::fs::write(&path, json.to_string()).unwrap()
            }),
            vec![
                "archive/manifest.json: $.releases[1]: release #".into(),
                "is already listed in manifest.json at $.releases[0]".into(),
            ],
        ),
    ];
    assert!(manifest.releases.len() > 2);
    for (break_it, expected) in cases {
        break_it(&archive);
        for (target, existed) in [(&site, true), (&dir.path().join("new-site"), false)] {
            let output = publish(&dist, &archive, target);
            let stderr = text(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{expected:?}: {stderr}");
            for part in &expected {
                assert!(stderr.contains(part.as_str()), "expected {part:?} in {stderr:?}");
            }
            if existed {
                assert!(snapshot(&site) == published, "{expected:?}: the site changed");
            } else {
                assert!(!target.exists(), "{expected:?}: a new site was started");
            }
        }
        // Mend the archive for the next case.
        for (file, text) in [(late, &late_text), (last, &last_text), (&"manifest.json".to_owned(), &manifest_text)] {
            std::fs::write(archive.join(file), text).unwrap();
        }
    }
    assert!(publish(&dist, &archive, &site).status.success(), "the mended archive publishes");
    assert!(snapshot(&site) != published);
    assert_eq!(
        names(dir.path()),
        ["archive", "dist", "site", "synth-60.json", "without-newest.json"],
        "no temporary folder left"
    );
}

#[test]
fn republishing_an_archive_after_one_new_release_rewrites_only_what_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let dist = site_dist(dir.path());
    // The same archive without its newest release, then with it.
    let with_newest = synthetic_bundle(dir.path(), "100");
    let (without_newest, newest, previous) = without_newest_release(&with_newest);

    let (archive, site) = (dir.path().join("archive"), dir.path().join("site"));
    assert!(run(&["split", path_str(&without_newest), "-o", path_str(&archive)]).status.success());
    let first = publish(&dist, &archive, &site);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let before = snapshot(&site);
    let again = text(&publish(&dist, &archive, &site).stdout);
    assert_eq!(site_counts(&again), (before.len(), 0, before.len()), "nothing changed, nothing written: {again}");

    assert!(run(&["split", path_str(&with_newest), "-o", path_str(&archive)]).status.success());
    let output = publish(&dist, &archive, &site);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", text(&output.stderr));
    let after = snapshot(&site);
    let changed: Vec<String> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .map(|(path, _)| path.to_string_lossy().into_owned())
        .collect();
    let (files, written, unchanged) = site_counts(&stdout);
    assert_eq!((files, written, unchanged), (after.len(), changed.len(), after.len() - changed.len()), "{stdout}");

    let page = |lang: &str, (year, number): (i32, u32)| format!("{lang}/{year}/{number}/index.html");
    let must_change = [
        page("en", newest),
        page("ru", newest),
        "index.html".to_owned(),
        page("en", previous),
        page("ru", previous),
        format!("en/{}/index.html", newest.0),
        format!("ru/{}/index.html", newest.0),
        "feeds/en.xml".to_owned(),
        "feeds/ru.xml".to_owned(),
        "sitemap.xml".to_owned(),
    ];
    for file in &must_change {
        assert!(changed.contains(file), "{file} was not rewritten: {changed:?}");
    }
    // Besides those, only feeds of countries with events in the new release may change, and
    // the archive the app reads (its manifests, index and the new release's files).
    for file in &changed {
        assert!(
            must_change.contains(file) || file.starts_with("feeds/") || file.starts_with("archive/"),
            "{file} was rewritten"
        );
    }
    let new_files: Vec<&String> = changed.iter().filter(|file| file.starts_with("archive/releases/")).collect();
    assert!(!new_files.is_empty() && new_files.len() <= 2, "{new_files:?}");
    assert!(written * 5 < files, "{written} of {files} files written");
    assert!(std::fs::read_to_string(site.join(page("en", previous)))
        .unwrap()
        .contains(&format!("href=\"en/{}/{}/\"", newest.0, newest.1)));
}

#[test]
fn the_site_can_name_releases_it_does_not_copy() {
    let dir = tempfile::tempdir().unwrap();
    let dist = site_dist(dir.path());
    let bundle = synthetic_bundle(dir.path(), "3");
    let site = dir.path().join("site");
    let args = |data: &str| {
        run(&["site", "--dist", path_str(&dist), path_str(&bundle), "-o", path_str(&site), "--data", data])
    };
    assert!(args("../archive/manifest.json").status.success());
    let root = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(root.contains("data-bundle=\"../archive/manifest.json\""), "{root}");
    assert!(!site.join("bundle.json").exists(), "nothing copied");
    for elsewhere in ["https://example.org/bundle.json", "//example.org/b.json", "/b.json", "a\"b.json", ""] {
        let refused = args(elsewhere);
        assert_eq!(refused.status.code(), Some(1), "{elsewhere}");
        assert!(text(&refused.stderr).contains("not a relative path on this site"), "{elsewhere}");
    }
}

#[test]
fn evaluate_facts_prints_precision_and_recall_per_type_and_fails_below_the_goals() {
    let labelled = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/facts/evaluation.json");
    let output = run(&["evaluate-facts", path_str(&labelled), "--misses"]);
    let stdout = text(&output.stdout);
    let set: caricc_facts::evaluation::LabelledSet =
        serde_json::from_str(&std::fs::read_to_string(&labelled).unwrap()).unwrap();
    let report = caricc_facts::evaluation::evaluate(&set);
    for (name, score) in report.scores() {
        let row = format!("  {name:<11} {:>9.3} {:>7.3}", score.precision(), score.recall());
        assert!(stdout.contains(&row), "missing {row:?} in:\n{stdout}");
    }
    assert_eq!(stdout.lines().filter(|line| line.contains("labelled, not found")).count(), {
        report.misses.iter().filter(|miss| !miss.extra).count()
    });
    let meets = report.scores().iter().all(|(_, score)| score.meets_goals());
    assert_eq!(output.status.success(), meets, "{stdout}{}", text(&output.stderr));

    // A file that is not a labelled set says so, and where.
    let dir = tempfile::tempdir().unwrap();
    let wrong = dir.path().join("wrong.json");
    std::fs::write(&wrong, "{\"events\": [{\"id\": 1}]}").unwrap();
    let output = run(&["evaluate-facts", path_str(&wrong)]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("wrong.json: not a set of labelled events: invalid type: integer `1`"), "{stderr}");
    assert!(stderr.contains("line 1 column 20"), "{stderr}");
}
