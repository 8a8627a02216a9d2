//! The bundle as the site sees it: its releases newest first, each with its language
//! versions, and the addresses of the pages that list them.

use caricc_format::model::{Bundle, Issue};
use caricc_view::route::ReleaseKey;
use caricc_view::view::release_key;

/// The bundle's releases, newest first, each with its language versions.
pub struct Archive<'a> {
    pub bundle: &'a Bundle,
    pub releases: Vec<Release>,
}

pub struct Release {
    pub key: ReleaseKey,
    /// Indexes of its language versions in the bundle, in bundle order.
    pub versions: Vec<usize>,
}

impl<'a> Archive<'a> {
    pub fn new(bundle: &'a Bundle) -> Archive<'a> {
        let mut releases: Vec<Release> = Vec::new();
        for (index, issue) in bundle.issues.iter().enumerate() {
            let key = release_key(issue);
            match releases.iter_mut().find(|release| release.key == key) {
                Some(release) => release.versions.push(index),
                None => releases.push(Release { key, versions: vec![index] }),
            }
        }
        releases.sort_by_key(|release| std::cmp::Reverse(release.key));
        Archive { bundle, releases }
    }

    /// The version of `release` a page in language `lang` shows: the one in `lang`, else
    /// the first (as the viewer chooses).
    pub fn version(&self, release: &Release, lang: &str) -> &'a Issue {
        let issues = &self.bundle.issues;
        let chosen = release.versions.iter().copied().find(|&at| issues[at].lang == lang);
        &issues[chosen.unwrap_or(release.versions[0])]
    }

    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.releases.iter().map(|release| release.key.year).collect();
        years.dedup();
        years
    }
}

/// Where the index of a year's releases is, in language `lang`.
pub fn year_path(lang: &str, year: i32) -> String {
    format!("{lang}/{year}/")
}
