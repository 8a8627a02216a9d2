//! Golden tests on the real release texts: the project's own copies in `tests/fixtures/releases`
//! and, where a folder of release texts as they arrive sits beside the repository
//! (`../shared/releases`, or the folder named by `CARICC_RELEASES`), every text in it; and
//! the embedded default bundle built from them.

mod common;

use caricc_format::bundle::{parse_bundle, to_json};
use caricc_format::model::{Bundle, FORMAT_VERSION};
use caricc_import::check::check_bundle;
use caricc_import::import::{import_release, Import, ImportOptions, Placement, WarningKind};
use std::path::PathBuf;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/releases")
}

/// The folder where real release texts arrive, if there is one: they are tried as they come.
fn arriving_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("CARICC_RELEASES") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/releases"),
    };
    dir.is_dir().then_some(dir)
}

/// The release texts (`*.txt`) in a folder, sorted.
fn texts_in(dir: &std::path::Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut texts: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    texts.sort();
    texts
}

fn sample_text() -> String {
    let path = fixtures_dir().join("information-release-2025-15.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sample() -> Import {
    import_release(&sample_text(), &ImportOptions::default()).expect("the sample imports")
}

#[test]
fn every_event_of_release_15() {
    let issue = sample().issue;
    // (id, country, outlet, title, paragraph count, source URL)
    let expected: &[common::ExpectedEvent] = &[
        ("2025-15-az-1", "az", None, "AN AWARENESS-RAISING EVENT AGAINST DRUG ADDICTION HELD IN CORRECTIONAL FACILITIES", 4, "https://www.nmdk.gov.az/page/post/3408/"),
        ("2025-15-kz-1", "kz", None, "FROM ORDINARY COURIER TO CRIMINAL: INTERIOR MINISTRY SOCIAL MEDIA VIDEO SHOWS THE PRICE OF “EASY MONEY”", 6, "https://polisia.kz/ru/ot-obychnogo-kur-era-do-prestupnika-sotsial-nyj-rolik-mvd-pokazal-tsenu-legkogo-zarabotka/"),
        ("2025-15-kz-2", "kz", None, "POLICE OFFICERS AND IT SPECIALISTS JOIN FORCES TO COMBAT DRUG CRIME IN NORTH KAZAKHSTAN REGION", 6, "https://polisia.kz/ru/politsejskie-i-it-spetsialisty-ob-edinyayutsya-dlya-bor-by-s-narkoprestupnost-yu-v-sko/"),
        ("2025-15-kz-3", "kz", None, "POLICE COOPERATE WITH UNICEF IN WORKING WITH YOUNG PEOPLE", 7, "https://polisia.kz/ru/politsiya-sotrudnichaet-s-yunisef-v-rabote-s-molodezh-yu/"),
        ("2025-15-kz-4", "kz", None, "MVD WARNS CITIZENS ABOUT DRUG TRAFFICKING SCHEMES INVOLVING DROPPERS", 6, "https://polisia.kz/ru/mvd-preduprezhdaet-grazhdan-o-shemah-narkobiznesa-s-uchastiem-dropperov/"),
        ("2025-15-kg-1", "kg", Some("TOPNEWS.KG"), "DRUG ENFORCEMENT OFFICERS INSPECTED NIGHTCLUBS AND BARS IN BISHKEK", 4, "https://topnews.kg/obshchestvo/54012-narkoborecy-proverili-nochnye-kluby-i-bary-v-bishkeke.html"),
        ("2025-15-ru-1", "ru", None, "POLICE OFFICERS IN UDMURTIA MET WITH TEENAGERS AT A YOUTH CAMP AS PART OF THE “POLICE SCHOOL” CAMPAIGN", 8, "https://xn--b1aew.xn--p1ai/news/item/68147789"),
        ("2025-15-ru-2", "ru", None, "A PREVENTIVE CAMPAIGN CALLED “EXERCISE WITH POLICE!” KICKED OFF TODAY IN PSKOV REGION", 4, "https://xn--blaww.xn--plai/news/item/68206917"),
        ("2025-15-ru-3", "ru", None, "OFFICERS OF UNK UMVD OF RUSSIA IN TAMBOV REGION HELD AN ANTI-DRUG EVENT WITH PUPILS OF THE SPUTNIK CHILDREN’S HEALTH CAMP", 5, "https://xn--b1aew.xn--plai/news/item/68208864"),
        ("2025-15-ru-4", "ru", None, "INTERNATIONAL ANTI-DRUG OPERATION “SPIDER WEB” CONCLUDED", 9, "https://xn--b1aew.xn--plai/news/item/68561326"),
    ];
    common::assert_events(&issue, expected);
}

#[test]
fn header_publisher_and_contents_of_release_15() {
    let issue = sample().issue;
    assert_eq!((issue.number, issue.year, issue.lang.as_str()), (15, 2025, "en"));
    assert_eq!((issue.period.from.as_str(), issue.period.to.as_str()), ("2025-08-01", "2025-08-15"));
    assert_eq!(issue.title, "Information Release about past events in the anti-drug sphere");
    assert_eq!(issue.subtitle, "according to the media");
    assert_eq!(issue.place, "Almaty");
    let publisher = &issue.publisher;
    assert_eq!(publisher.name, "Central Asian Regional Information and Coordination Centre for combating the illicit trafficking of narcotic drugs, psychotropic substances and their precursors");
    assert_eq!(publisher.address, "Republic of Kazakhstan, 050008, Almaty, Abay Avenue, 52");
    assert_eq!(publisher.phone, "+7 727 259 99 90");
    assert_eq!(publisher.fax, "+7 727 392 15 54");
    assert_eq!(publisher.email, "registry@caricc.org");
    assert_eq!(publisher.website, "www.caricc.org");
    assert_eq!(
        publisher.imprint,
        ["«Information Release about past events in the anti-drug sphere», #15, 2025", "Circulation in PDF format"]
    );
    let contents: Vec<(&str, Option<&str>, Option<u32>)> =
        issue.contents.iter().map(|c| (c.title.as_str(), c.country.as_deref(), c.page)).collect();
    assert_eq!(
        contents,
        [
            ("REPUBLIC OF AZERBAIJAN", Some("az"), Some(2)),
            ("REPUBLIC OF KAZAKHSTAN", Some("kz"), Some(3)),
            ("KYRGYZ PEPUBLIC", Some("kg"), Some(6)),
            ("RUSSIAN FEDERATION", Some("ru"), Some(7)),
        ]
    );
}

#[test]
fn counts_found_equal_the_counts_the_summary_states() {
    let Import { issue, report } = sample();
    assert_eq!(issue.summary.total, Some(10));
    assert_eq!(issue.summary.paragraphs.len(), 2);
    let stated: Vec<(&str, u32)> = issue.summary.counts.iter().map(|c| (c.country.as_str(), c.count)).collect();
    assert_eq!(stated, [("az", 1), ("kz", 4), ("kg", 1), ("ru", 4)]);
    for (code, count) in stated {
        assert_eq!(issue.events.iter().filter(|e| e.country == code).count(), count as usize, "{code}");
    }
    assert!(report.warnings.iter().all(|w| w.kind != WarningKind::CountMismatch), "{:#?}", report.warnings);
    let topics: Vec<&str> = issue.summary.topics.iter().map(|t| t.country.as_str()).collect();
    assert_eq!(topics, ["az", "kz", "kg", "ru"]);
}

#[test]
fn the_sample_warns_about_exactly_its_real_flaws() {
    let warnings = sample().report.warnings;
    let seen: Vec<(usize, WarningKind)> = warnings.iter().map(|w| (w.line, w.kind)).collect();
    assert_eq!(
        seen,
        [
            (44, WarningKind::Typo),
            (225, WarningKind::SuspiciousSource),
            (247, WarningKind::SuspiciousSource),
            (275, WarningKind::SuspiciousSource)
        ],
        "{warnings:#?}"
    );
    assert!(
        warnings[1].message.contains("did you mean xn--b1aew.xn--p1ai, shown as мвд.рф"),
        "{}",
        warnings[1].message
    );
}

#[test]
fn the_samples_broken_links_are_marked_and_corrected_and_no_other() {
    let issue = sample().issue;
    let marked: Vec<(&str, &str, Option<&str>)> = issue
        .events
        .iter()
        .flat_map(|event| event.sources.iter().map(move |source| (event, source)))
        .filter(|(_, source)| source.broken || source.corrected.is_some())
        .map(|(event, source)| {
            (event.id.as_str(), source.url.as_str(), source.corrected.as_ref().map(|url| url.as_str()))
        })
        .collect();
    assert_eq!(
        marked,
        [
            (
                "2025-15-ru-2",
                "https://xn--blaww.xn--plai/news/item/68206917",
                Some("https://xn--b1aew.xn--p1ai/news/item/68206917")
            ),
            (
                "2025-15-ru-3",
                "https://xn--b1aew.xn--plai/news/item/68208864",
                Some("https://xn--b1aew.xn--p1ai/news/item/68208864")
            ),
            (
                "2025-15-ru-4",
                "https://xn--b1aew.xn--plai/news/item/68561326",
                Some("https://xn--b1aew.xn--p1ai/news/item/68561326")
            ),
        ]
    );
    assert!(issue.events.iter().flat_map(|e| &e.sources).filter(|s| s.corrected.is_some()).all(|s| s.broken));
}

/// Each non-blank line placed exactly once, and each unplaced one with a warning before it.
fn assert_every_line_accounted_for(path: &std::path::Path) -> Import {
    let text = std::fs::read_to_string(path).unwrap();
    let import = import_release(&text, &ImportOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let non_blank: Vec<usize> =
        text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i + 1).collect();
    let placed: Vec<usize> = import.report.placements.iter().map(|p| p.line).collect();
    assert_eq!(placed, non_blank, "{}: each non-blank line placed exactly once", path.display());
    for line in import.report.unplaced_lines() {
        assert!(
            import.report.warnings.iter().any(|w| w.line <= line),
            "{}: unplaced line {line} has no warning",
            path.display()
        );
    }
    import
}

#[test]
fn every_non_blank_line_of_every_release_is_accounted_for() {
    let texts = texts_in(&fixtures_dir());
    assert!(texts.len() >= 2, "the English and Russian samples");
    for path in texts {
        assert_every_line_accounted_for(&path);
    }
}

/// Real release texts as they arrive: each must import with every line placed, so a new
/// release whose layout the importer does not know fails here before anyone publishes it.
#[test]
fn every_arriving_release_imports_with_no_unplaced_line() {
    let Some(dir) = arriving_dir() else {
        eprintln!("no folder of arriving release texts beside the repository: nothing more to try");
        return;
    };
    let texts = texts_in(&dir);
    eprintln!("trying {} release text(s) in {}", texts.len(), dir.display());
    for path in texts {
        let import = assert_every_line_accounted_for(&path);
        let unplaced = import.report.unplaced_lines();
        assert!(unplaced.is_empty(), "{}: lines {unplaced:?} are not placed", path.display());
    }
}

#[test]
fn the_sample_has_no_unplaced_lines_and_its_back_cover_is_recognised() {
    let report = sample().report;
    assert_eq!(report.unplaced_lines(), Vec::<usize>::new());
    let back_cover: Vec<usize> =
        report.placements.iter().filter(|p| p.placement == Placement::PageFurniture).map(|p| p.line).collect();
    // The back cover repeats the name, address, phone, fax, e-mail and website.
    assert_eq!(back_cover, [279, 280, 281, 283, 284, 285, 286]);
}

fn static_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static").join(name)
}

#[test]
fn the_embedded_bundle_is_a_fresh_import_of_the_sample() {
    let fresh = Bundle { format: FORMAT_VERSION, issues: vec![sample().issue] };
    let committed = std::fs::read_to_string(static_path("bundle.json")).expect("static/bundle.json");
    assert!(
        committed == to_json(&fresh),
        "static/bundle.json is stale: regenerate it with\n  cargo run -p caricc-cli -- import tests/fixtures/releases/information-release-2025-15.txt -o static/bundle.json\n(delete the old file first)"
    );
    let decoded = parse_bundle(&committed).unwrap();
    assert!(check_bundle(&decoded).iter().all(|p| p.severity == caricc_import::check::Severity::Warning));
}

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(static_path("bundle.schema.json")).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[test]
fn the_published_schema_accepts_the_embedded_bundle() {
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(static_path("bundle.json")).unwrap()).unwrap();
    let validator = schema_validator();
    let errors: Vec<String> = validator.iter_errors(&bundle).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_published_schema_and_the_decoder_refuse_the_same_broken_bundles() {
    let validator = schema_validator();
    let good = std::fs::read_to_string(static_path("bundle.json")).unwrap();
    let broken = [
        good.replacen("\"format\": 1", "\"format\": 2", 1),
        good.replacen("\"number\": 15", "\"number\": \"15\"", 1),
        good.replacen("\"title\": \"AN AWARENESS", "\"title\": 7, \"x\": \"", 1),
        good.replacen("\"paragraphs\": [", "\"paragraphs\": [1, ", 1),
        good.replacen("\"url\": ", "\"href\": ", 1),
        good.replacen("\"broken\": true", "\"broken\": \"true\"", 1),
        good.replacen("\"corrected\": \"https:", "\"corrected\": \"javascript:", 1),
        good.replacen("\"corrected\": \"https://xn--b1aew.xn--p1ai", "\"corrected\": \"https://", 1),
        good.replacen("\"issues\": [", "\"issues\": {\"x\": [", 1).replacen("\n}\n", "}\n}\n", 1),
    ];
    for (index, text) in broken.iter().enumerate() {
        assert_ne!(text, &good, "case {index} changed nothing");
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("case {index}: {e}"));
        assert!(!validator.is_valid(&value), "case {index}: schema accepted it");
        assert!(parse_bundle(text).is_err(), "case {index}: decoder accepted it");
    }
}
