//! The loading machine driven as the viewer drives it, against an archive held in memory:
//! every fetch it asks for is answered (or failed, or held back) by the test.

use caricc_format::archive::MANIFEST_SHAPE;
use caricc_format::bundle::{parse_bundle, DecodeError};
use caricc_view::loaded::{Archive, Load, LoadError, Loaded, Origin, SearchState};
use caricc_view::loading::{Effect, Event, Files, Loader, Need, ARCHIVE_SEARCH_PAGE};
use std::collections::HashMap;
use std::rc::Rc;

const MANIFEST: &str = "archive/manifest.json";
const OLDER: &str = "archive/manifest-older.json";

/// An archive's files by URL: `releases` releases, 20 a year from 2025 down, each with one
/// event about the police, split into the newest year's manifest and the older one's.
struct Site {
    files: HashMap<String, String>,
}

impl Site {
    fn new(releases: usize) -> Site {
        let issues: Vec<String> = (0..releases)
            .map(|at| {
                let (year, number) = (2025 - (at / 20) as i32, 20 - at % 20);
                format!(
                    r#"{{"number":{number},"year":{year},"lang":"en","period":{{"from":"{year}-01-01","to":"{year}-01-15"}},"title":"Release {number}","events":[{{"id":"{year}-{number}-kz-1","country":"kz","title":"Police seize heroin","paragraphs":["Release {number} of {year}."]}}]}}"#
                )
            })
            .collect();
        let bundle = parse_bundle(&format!(r#"{{"format":1,"issues":[{}]}}"#, issues.join(","))).unwrap();
        let split = caricc_search::index::split(&bundle, Some(4));
        let files = split.files().into_iter().map(|(path, text)| (format!("archive/{path}"), text)).collect();
        Site { files }
    }

    /// The file at `url`, or the 404 the server would answer.
    fn get(&self, url: &str) -> Result<String, LoadError> {
        self.files.get(url).cloned().ok_or_else(|| LoadError::Status {
            url: url.to_owned(),
            status: 404,
            status_text: "Not Found".into(),
        })
    }

    /// Opens the archive in `loader` as the viewer does, and returns its id.
    fn open(&self, loader: &mut Loader) -> u32 {
        let origin = Origin::Fetched { url: MANIFEST.into(), saved: None };
        let loaded = Loaded::decode(MANIFEST, &self.get(MANIFEST).unwrap(), origin).unwrap();
        assert_eq!(loader.update(Event::Opened(Ok(loaded))), [], "nothing is fetched before the page asks");
        ready(loader).id
    }

    /// The answer to a fetch, as the viewer would give it once every file is here.
    fn answer(&self, effect: &Effect) -> Event {
        match effect {
            Effect::Fetch { id, files, urls } => {
                Event::Fetched { id: *id, files: files.clone(), texts: urls.iter().map(|url| self.get(url)).collect() }
            }
            Effect::BuildIndex { .. } => panic!("an archive's index is built as releases arrive"),
        }
    }
}

fn ready(loader: &Loader) -> Rc<Loaded> {
    match loader.load() {
        Load::Ready(loaded) => loaded.clone(),
        other => panic!("not ready: {other:?}"),
    }
}

fn archive(loader: &Loader) -> Archive {
    ready(loader).archive.clone().expect("an archive")
}

fn need(loader: &mut Loader, need: Need) -> Vec<Effect> {
    loader.update(Event::Needed(need))
}

/// The positions a fetch of releases asks for.
fn positions(effects: &[Effect]) -> Vec<usize> {
    effects
        .iter()
        .flat_map(|effect| match effect {
            Effect::Fetch { files: Files::Releases(releases), .. } => releases.clone(),
            _ => Vec::new(),
        })
        .collect()
}

/// The fetch of the older releases' manifest.
fn older(id: u32) -> Effect {
    Effect::Fetch { id, files: Files::Older, urls: vec![OLDER.into()] }
}

fn older_arrived(id: u32, text: Result<String, LoadError>) -> Event {
    Event::Fetched { id, files: Files::Older, texts: vec![text] }
}

/// The shards and their URLs, if `effects` is one fetch of shards.
fn shards_fetched(effects: &[Effect]) -> Option<(u32, Vec<(u32, String)>)> {
    match effects {
        [Effect::Fetch { id, files: Files::Shards(shards), urls }] => {
            Some((*id, shards.iter().copied().zip(urls.iter().cloned()).collect()))
        }
        _ => None,
    }
}

/// Opens the archive, lets the first release and the older manifest arrive: every release listed.
fn fully_listed(site: &Site, loader: &mut Loader) -> u32 {
    let id = site.open(loader);
    let first = need(loader, Need::Releases(vec![0]));
    let older = loader.update(site.answer(&first[0]));
    assert_eq!(older, [self::older(id)]);
    assert_eq!(loader.update(site.answer(&older[0])), []);
    id
}

fn search(loader: &mut Loader, query: &str) -> Vec<Effect> {
    let versions = Rc::new((0..archive(loader).manifest.releases.len()).collect());
    need(loader, Need::Search { query: query.into(), versions })
}

fn search_state(loader: &Loader) -> SearchState {
    archive(loader).search.expect("a search").state
}

#[test]
fn a_release_asked_for_twice_is_fetched_once() {
    let site = Site::new(30);
    let mut loader = Loader::default();
    let id = site.open(&mut loader);
    let first = need(&mut loader, Need::Releases(vec![0]));
    let url = "archive/releases/2025-20-en.json".to_owned();
    assert_eq!(first, [Effect::Fetch { id, files: Files::Releases(vec![0]), urls: vec![url] }]);
    assert_eq!(need(&mut loader, Need::Releases(vec![0])), [], "on its way already");
    assert_eq!(positions(&need(&mut loader, Need::Releases(vec![0, 1, 1]))), [1], "only the one not on its way");
    loader.update(site.answer(&first[0]));
    assert_eq!(need(&mut loader, Need::Releases(vec![0])), [], "here already");
    // Positions the manifest does not list (yet) are not fetched.
    assert_eq!(need(&mut loader, Need::Releases(vec![20, 500])), []);
}

#[test]
fn the_older_manifest_waits_for_the_first_release_and_is_fetched_once() {
    let site = Site::new(50);
    let mut loader = Loader::default();
    let id = site.open(&mut loader);
    assert_eq!(archive(&loader).older.as_deref(), Some(OLDER));
    assert_eq!(archive(&loader).manifest.releases.len(), 20, "the newest year only");
    let first = need(&mut loader, Need::Releases(vec![0]));
    assert!(
        !first.iter().any(|effect| matches!(effect, Effect::Fetch { files: Files::Older, .. })),
        "not before a release is here"
    );
    let second = need(&mut loader, Need::Releases(vec![1]));
    assert_eq!(loader.update(site.answer(&first[0])), [older(id)]);
    assert_eq!(loader.update(site.answer(&second[0])), [], "asked for once");
    let third = need(&mut loader, Need::Releases(vec![2]));
    assert_eq!(positions(&third), [2]);
    assert_eq!(loader.update(site.answer(&third[0])), []);

    loader.update(site.answer(&older(id)));
    let archive = archive(&loader);
    assert_eq!(archive.manifest.releases.len(), 50);
    assert_eq!(ready(&loader).bundle.issues.len(), 50);
    assert_eq!((archive.older, archive.older_failed), (None, None));
    assert!(archive.fetched[..3].iter().all(|&here| here) && !archive.fetched[3..].iter().any(|&here| here));
    // Its releases are fetched like the others.
    assert_eq!(positions(&need(&mut loader, Need::Releases(vec![45]))), [45]);
}

#[test]
fn an_older_manifest_that_fails_is_reported_by_name_and_the_newest_year_stays() {
    let site = Site::new(50);
    let mut loader = Loader::default();
    let id = site.open(&mut loader);
    let first = need(&mut loader, Need::Releases(vec![0]));
    loader.update(site.answer(&first[0]));
    let missing = LoadError::Status { url: OLDER.into(), status: 404, status_text: "Not Found".into() };
    assert_eq!(loader.update(older_arrived(id, Err(missing))), []);
    let archive = archive(&loader);
    let error = archive.older_failed.expect("the failure is kept");
    assert!(error.to_string().contains("manifest-older.json") && error.to_string().contains("404"), "{error}");
    assert_eq!(archive.older, None, "not asked for again");
    assert_eq!(archive.manifest.releases.len(), 20);
    assert!(archive.fetched[0] && !ready(&loader).bundle.issues[0].events.is_empty(), "the release on screen stays");
    // A search no longer waits for it.
    assert!(shards_fetched(&search(&mut loader, "police")).is_some());
}

#[test]
fn an_older_manifest_that_is_a_bundle_is_refused_as_not_a_manifest() {
    let site = Site::new(50);
    let mut loader = Loader::default();
    let id = site.open(&mut loader);
    let first = need(&mut loader, Need::Releases(vec![0]));
    loader.update(site.answer(&first[0]));
    let bundle = site.get("archive/releases/2025-20-en.json").unwrap();
    loader.update(older_arrived(id, Ok(bundle)));
    let error = archive(&loader).older_failed.expect("refused");
    let shape = DecodeError::Shape { path: "$".into(), message: MANIFEST_SHAPE.into() };
    assert_eq!(*error, LoadError::Decode { url: OLDER.into(), source: shape });
    assert!(error.to_string().contains("manifest-older.json"));
    // Bad JSON is named too.
    let mut loader = Loader::default();
    let id = site.open(&mut loader);
    let first = need(&mut loader, Need::Releases(vec![0]));
    loader.update(site.answer(&first[0]));
    loader.update(older_arrived(id, Ok("{\"releases\": [".into())));
    let error = archive(&loader).older_failed.expect("refused");
    assert!(
        matches!(&*error, LoadError::Decode { url, source: DecodeError::Syntax { .. } } if url == OLDER),
        "{error:?}"
    );
}

#[test]
fn answers_in_reverse_order_both_land() {
    let site = Site::new(20);
    let mut loader = Loader::default();
    site.open(&mut loader);
    let first = need(&mut loader, Need::Releases(vec![0]));
    let second = need(&mut loader, Need::Releases(vec![1, 2]));
    loader.update(site.answer(&second[0]));
    loader.update(site.answer(&first[0]));
    let loaded = ready(&loader);
    let archive = loaded.archive.as_ref().unwrap();
    assert_eq!(archive.fetched[..4], [true, true, true, false]);
    for at in 0..3 {
        assert_eq!(loaded.bundle.issues[at].events.len(), 1, "release {at}");
    }
    assert_eq!(need(&mut loader, Need::Releases(vec![0, 1, 2])), []);
}

#[test]
fn a_release_that_fails_is_reported_by_name_and_the_others_land() {
    let site = Site::new(20);
    let mut loader = Loader::default();
    let id = site.open(&mut loader);
    let fetch = need(&mut loader, Need::Releases(vec![0, 1, 2, 3]));
    let [Effect::Fetch { files: Files::Releases(releases), urls, .. }] = &fetch[..] else { panic!("{fetch:?}") };
    assert_eq!(*releases, [0, 1, 2, 3]);
    let missing = LoadError::Status { url: urls[1].clone(), status: 404, status_text: "Not Found".into() };
    let texts = vec![
        site.get(&urls[0]),
        Err(missing),
        Ok("{\"format\": 1, \"issues\": [".into()),
        // Another release's file where this one's should be.
        site.get(&urls[0]),
    ];
    loader.update(Event::Fetched { id, files: Files::Releases(vec![0, 1, 2, 3]), texts });
    let archive = archive(&loader);
    assert!(archive.fetched[0]);
    for (at, url) in urls.iter().enumerate().skip(1) {
        let error = archive.failure(at).unwrap_or_else(|| panic!("release {at} failed"));
        assert!(error.to_string().contains(url), "{error}");
        assert!(archive.is_settled(at) && !archive.fetched[at]);
    }
    assert!(matches!(&**archive.failure(1).unwrap(), LoadError::Status { status: 404, .. }));
    assert!(matches!(&**archive.failure(2).unwrap(), LoadError::Decode { source: DecodeError::Syntax { .. }, .. }));
    assert!(archive.failure(3).unwrap().to_string().contains("but the manifest lists this file as #17"));
    // A failed release is not asked for again by the page's needs.
    assert_eq!(need(&mut loader, Need::Releases(vec![1, 2, 3])), []);
}

#[test]
fn a_bundle_opened_mid_flight_replaces_the_archive_and_late_answers_are_dropped() {
    let site = Site::new(50);
    let mut loader = Loader::default();
    let old = site.open(&mut loader);
    let first = need(&mut loader, Need::Releases(vec![0, 1]));
    let searching = search(&mut loader, "police");
    assert_eq!(searching, [], "the search waits for the older manifest");

    let new = site.open(&mut loader);
    assert_ne!(old, new);
    let before = ready(&loader);
    assert_eq!(loader.update(site.answer(&first[0])), [], "no older manifest for the archive gone");
    assert_eq!(loader.update(site.answer(&older(old))), []);
    let shards = vec![site.get("archive/search/0.json")];
    assert_eq!(loader.update(Event::Fetched { id: old, files: Files::Shards(vec![0]), texts: shards }), []);
    assert!(Rc::ptr_eq(&before, &ready(&loader)), "nothing changed");
    let archive = archive(&loader);
    assert!(!archive.fetched.iter().any(|&here| here) && archive.search.is_none());
    assert_eq!(archive.manifest.releases.len(), 20);
    // The new archive's own fetches start afresh.
    assert_eq!(positions(&need(&mut loader, Need::Releases(vec![0, 1]))), [0, 1]);

    // A single-file bundle replaces an archive too, and has its index built.
    let bundle = parse_bundle(&site.get("archive/releases/2025-20-en.json").unwrap()).unwrap();
    let effects = loader.update(Event::Opened(Ok(Loaded::new(bundle, Origin::Embedded))));
    let id = ready(&loader).id;
    assert_eq!(effects, [Effect::BuildIndex { id }]);
    let late = Event::Fetched { id: new, files: Files::Releases(vec![0]), texts: vec![site.get(&positions_url(0))] };
    assert_eq!(loader.update(late), []);
    assert_eq!(need(&mut loader, Need::Releases(vec![0])), [], "a single bundle needs nothing");
    // And one that cannot be read is shown as such.
    let down = || LoadError::Network { url: "b.json".into(), message: "down".into() };
    assert_eq!(loader.update(Event::Opened(Err(down()))), []);
    assert_eq!(*loader.load(), Load::Failed(Rc::new(down())));
}

fn positions_url(at: usize) -> String {
    format!("archive/releases/2025-{:02}-en.json", 20 - at)
}

#[test]
fn a_search_reads_the_index_once_every_release_is_listed_then_fifty_releases_at_a_time() {
    let site = Site::new(120);
    let mut loader = Loader::default();
    let id = site.open(&mut loader);
    assert_eq!(search(&mut loader, "police"), [], "no shard before the older manifest");
    assert_eq!(search_state(&loader), SearchState::ReadingIndex);
    let first = need(&mut loader, Need::Releases(vec![0]));
    let older = loader.update(site.answer(&first[0]));
    let shards = loader.update(site.answer(&older[0]));
    let (of, files) = shards_fetched(&shards).expect("shards");
    assert_eq!(of, id);
    assert!(files.iter().all(|(shard, url)| *url == format!("archive/search/{shard}.json")));
    // The search as the page asks for it now that every release is listed.
    assert_eq!(search(&mut loader, "police"), [], "the shards are on their way");

    let page = loader.update(site.answer(&shards[0]));
    assert_eq!(positions(&page), (1..ARCHIVE_SEARCH_PAGE).collect::<Vec<_>>(), "the newest 50, less the one here");
    let SearchState::Candidates { releases, wanted } = search_state(&loader) else { panic!() };
    assert_eq!((releases.len(), wanted), (120, 50));
    loader.update(site.answer(&page[0]));

    let more = need(&mut loader, Need::SearchMore);
    assert_eq!(positions(&more), (50..100).collect::<Vec<_>>());
    assert!(matches!(search_state(&loader), SearchState::Candidates { wanted: 100, .. }));
    // Asked again before they arrive: the rest, never past the end.
    let rest = need(&mut loader, Need::SearchMore);
    assert_eq!(positions(&rest), (100..120).collect::<Vec<_>>());
    assert!(matches!(search_state(&loader), SearchState::Candidates { wanted: 120, .. }));
    assert_eq!(need(&mut loader, Need::SearchMore), []);
    assert!(matches!(search_state(&loader), SearchState::Candidates { wanted: 120, .. }));
    loader.update(site.answer(&rest[0]));
    loader.update(site.answer(&more[0]));
    assert!(archive(&loader).fetched.iter().all(|&here| here));

    // The same words again read no shard: they are kept for the archive on screen.
    need(&mut loader, Need::NoSearch);
    assert!(archive(&loader).search.is_none());
    assert_eq!(search(&mut loader, "police"), [], "every release that may match is here");
    assert!(matches!(search_state(&loader), SearchState::Candidates { wanted: 50, .. }));
    // A new archive reads them again.
    fully_listed(&site, &mut loader);
    assert!(shards_fetched(&search(&mut loader, "police")).is_some());
}

#[test]
fn a_search_the_index_cannot_narrow_finds_no_candidates_or_fails_by_name() {
    let site = Site::new(30);
    let mut loader = Loader::default();
    fully_listed(&site, &mut loader);
    assert_eq!(search(&mut loader, "kg"), []);
    assert_eq!(search_state(&loader), SearchState::TooShort);
    // A word in no release: its shards, and no release.
    let shards = search(&mut loader, "zqxwv");
    assert!(shards_fetched(&shards).is_some(), "{shards:?}");
    assert_eq!(loader.update(site.answer(&shards[0])), []);
    assert!(
        matches!(search_state(&loader), SearchState::Candidates { wanted: 0, ref releases } if releases.is_empty())
    );

    // A shard that is not a shard fails the search, naming the file.
    let mut loader = Loader::default();
    let id = fully_listed(&site, &mut loader);
    let effects = search(&mut loader, "police");
    let (_, shards) = shards_fetched(&effects).expect("shards");
    let broken = shards[0].clone();
    let texts = shards.iter().map(|(_, url)| if *url == broken.1 { Ok("[]".into()) } else { site.get(url) });
    let files = Files::Shards(shards.iter().map(|(shard, _)| *shard).collect());
    assert_eq!(loader.update(Event::Fetched { id, files, texts: texts.collect() }), []);
    let SearchState::Failed(error) = search_state(&loader) else { panic!("{:?}", search_state(&loader)) };
    assert!(error.to_string().contains(&broken.1), "{error}");
    // Asked again, only the shard that failed is fetched again.
    need(&mut loader, Need::NoSearch);
    let again = Effect::Fetch { id, files: Files::Shards(vec![broken.0]), urls: vec![broken.1] };
    assert_eq!(search(&mut loader, "police"), [again]);
}
