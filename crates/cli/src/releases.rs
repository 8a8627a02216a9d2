//! The releases `caricc site` publishes, from a bundle file or a chunked archive folder,
//! handed over one release (its language versions) at a time. A bundle is at most 256 MiB
//! and is read whole; an archive may be far larger (10,000 releases are 660 MB), so only its
//! manifests are read up front and each release file when its turn comes. Every error names
//! the file and, where it has one, the JSON path.

use crate::failure::Failure;
use crate::files::read_bundle_text;
use crate::report::print_problems;
use caricc_format::archive::{self, ReleaseEntry, MANIFEST_FILE, MANIFEST_SHAPE};
use caricc_format::bundle::{parse_bundle, DecodeError};
use caricc_format::model::{Bundle, Issue, FORMAT_VERSION};
use caricc_import::check::{check_bundle, has_errors};
use caricc_site::{group_releases, ReleaseKey};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Releases newest first, each with its language versions, read from a bundle or an archive.
pub struct Releases {
    /// Each release and the positions of its versions in `source`.
    groups: Vec<(ReleaseKey, Vec<usize>)>,
    source: Source,
    /// The files the viewer reads: the bundle, or the archive's manifests, release files
    /// and index shards (relative to its folder).
    data: Data,
}

enum Data {
    Bundle(PathBuf),
    Archive { folder: PathBuf, manifest: String, files: Vec<String> },
}

enum Source {
    /// A bundle's issues, each taken out when its release is drawn.
    Bundle(Vec<Option<Issue>>),
    /// An archive's folder and its manifests' entries, in the manifests' order.
    Archive { folder: PathBuf, entries: Vec<Listed> },
}

/// A manifest's entry and where it was read.
struct Listed {
    entry: ReleaseEntry,
    /// The release's file relative to the archive folder.
    file: String,
    /// The manifest that lists it, relative to the archive folder, and the entry's JSON path.
    manifest: String,
    path: String,
}

impl Releases {
    /// Opens `input`: a folder is an archive (its `manifest.json`), and so is a file that is
    /// an archive's manifest; any other file is a bundle, read and checked whole.
    pub fn open(input: &Path) -> Result<Releases, Failure> {
        if input.is_dir() {
            return open_archive(input, MANIFEST_FILE, None);
        }
        let text = read_bundle_text(input)?;
        if archive::is_manifest(&text) {
            let folder = input.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let name =
                input.file_name().map_or_else(|| MANIFEST_FILE.into(), |name| name.to_string_lossy().into_owned());
            return open_archive(folder, &name, Some(text));
        }
        let bundle = parse_bundle(&text).map_err(|error| Failure(format!("{}: {error}", input.display())))?;
        drop(text);
        let problems = check_bundle(&bundle);
        if has_errors(&problems) {
            print_problems(&problems);
            return Err(Failure(format!("{}: the bundle has errors (listed above)", input.display())));
        }
        let groups = group_releases(&bundle.issues, |issue| ReleaseKey { year: issue.year, number: issue.number });
        let source = Source::Bundle(bundle.issues.into_iter().map(Some).collect());
        Ok(Releases { groups, source, data: Data::Bundle(input.to_path_buf()) })
    }

    /// Every release, newest first.
    pub fn keys(&self) -> Vec<ReleaseKey> {
        self.groups.iter().map(|(key, _)| *key).collect()
    }

    /// How many language versions there are in all.
    pub fn versions(&self) -> usize {
        self.groups.iter().map(|(_, versions)| versions.len()).sum()
    }

    /// The file the viewer opens first, relative to the site's root (`bundle.json`, or
    /// `archive/manifest.json`), and each file the viewer may read, as (its name in the site,
    /// where to read it).
    pub fn data_files(&self) -> (String, Vec<(String, PathBuf)>) {
        match &self.data {
            Data::Bundle(path) => ("bundle.json".to_owned(), vec![("bundle.json".to_owned(), path.clone())]),
            Data::Archive { folder, manifest, files } => (
                format!("archive/{manifest}"),
                files.iter().map(|file| (format!("archive/{file}"), folder.join(file))).collect(),
            ),
        }
    }

    /// The language versions of release `at` (of [`Releases::keys`]), in the bundle's
    /// order; from an archive, each file read, decoded and checked as a bundle of its own.
    pub fn take(&mut self, at: usize) -> Result<Vec<Issue>, Failure> {
        let positions = &self.groups[at].1;
        match &mut self.source {
            Source::Bundle(issues) => Ok(positions.iter().filter_map(|&position| issues[position].take()).collect()),
            Source::Archive { folder, entries } => {
                positions.iter().map(|&position| read_release(folder, &entries[position])).collect()
            }
        }
    }
}

/// Reads an archive's manifest and the older releases' manifests it names, in turn.
fn open_archive(folder: &Path, manifest: &str, text: Option<String>) -> Result<Releases, Failure> {
    let mut entries: Vec<Listed> = Vec::new();
    let mut next = Some((manifest.to_owned(), text));
    let mut read: Vec<String> = Vec::new();
    let mut shards: Vec<String> = Vec::new();
    while let Some((name, text)) = next.take() {
        let path = folder.join(&name);
        if read.contains(&name) {
            return Err(Failure(format!("{}: named again as an older releases' manifest", path.display())));
        }
        let text = match text {
            Some(text) => text,
            None => read_bundle_text(&path)?,
        };
        let fail = |error: DecodeError| Failure(format!("{}: {error}", path.display()));
        // A bundle where a manifest should be is refused as not a manifest, as the viewer does.
        if !archive::is_manifest(&text) {
            return Err(fail(DecodeError::Shape { path: "$".into(), message: MANIFEST_SHAPE.into() }));
        }
        let manifest = archive::parse_manifest(&text).map_err(fail)?;
        if read.is_empty() {
            // The first manifest names the index of the whole archive.
            shards = (0..manifest.search.shards)
                .map(|shard| archive::resolve(&name, &archive::shard_file(&manifest.search.files, shard)))
                .collect();
        }
        for (index, entry) in manifest.releases.into_iter().enumerate() {
            let file = archive::resolve(&name, &entry.file);
            entries.push(Listed { entry, file, manifest: name.clone(), path: format!("$.releases[{index}]") });
        }
        next = manifest.older.map(|older| (archive::resolve(&name, &older), None));
        read.push(name);
    }
    // A release listed twice would be drawn twice at one address.
    let mut seen: HashMap<(i32, u32, &str), &Listed> = HashMap::new();
    for listed in &entries {
        let ReleaseEntry { year, number, lang, .. } = &listed.entry;
        if let Some(first) = seen.insert((*year, *number, lang.as_str()), listed) {
            return Err(Failure(format!(
                "{}: {}: release #{number} of {year} ({lang}) is already listed in {} at {}",
                folder.join(&listed.manifest).display(),
                listed.path,
                first.manifest,
                first.path
            )));
        }
    }
    let groups = group_releases(&entries, |listed| ReleaseKey { year: listed.entry.year, number: listed.entry.number });
    let files = read.iter().chain(&shards).chain(entries.iter().map(|listed| &listed.file)).cloned().collect();
    let data = Data::Archive { folder: folder.to_path_buf(), manifest: manifest.to_owned(), files };
    Ok(Releases { groups, source: Source::Archive { folder: folder.to_path_buf(), entries }, data })
}

/// A release's file: decoded, the release the manifest says it is, and without errors.
fn read_release(folder: &Path, listed: &Listed) -> Result<Issue, Failure> {
    let path = folder.join(&listed.file);
    let listed_in = || format!("listed in {} at {}", listed.manifest, listed.path);
    let text = read_bundle_text(&path).map_err(|Failure(message)| Failure(format!("{message} ({})", listed_in())))?;
    let fail = |error: DecodeError| Failure(format!("{}: {error}", path.display()));
    let issue = archive::release_from_file(&listed.entry, parse_bundle(&text).map_err(fail)?).map_err(fail)?;
    let mut bundle = Bundle { format: FORMAT_VERSION, issues: vec![issue] };
    let problems = check_bundle(&bundle);
    if has_errors(&problems) {
        println!("{}:", path.display());
        print_problems(&problems);
        return Err(Failure(format!("{}: the release has errors (listed above)", path.display())));
    }
    Ok(bundle.issues.swap_remove(0))
}
