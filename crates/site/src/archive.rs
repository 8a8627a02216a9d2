//! The archive as the site sees it: its releases newest first, each with its language
//! versions, and what the indexes and the sitemap keep of each release once its pages are
//! drawn (so that the releases themselves need not stay in memory).

use caricc_format::model::{Issue, Period};
use caricc_view::i18n::LANGUAGES;
use caricc_view::route::ReleaseKey;
use std::collections::HashMap;

/// Groups language versions into releases, newest first: each release's key and the
/// positions of its versions in `items`, in their order there. `items` may be a bundle's
/// issues or an archive's manifest entries; both give the same grouping for the same
/// releases, since `caricc split` keeps the bundle's order of a release's versions.
pub fn group_releases<T>(items: &[T], key: impl Fn(&T) -> ReleaseKey) -> Vec<(ReleaseKey, Vec<usize>)> {
    let mut releases: Vec<(ReleaseKey, Vec<usize>)> = Vec::new();
    let mut found: HashMap<ReleaseKey, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let key = key(item);
        match found.get(&key) {
            Some(&at) => releases[at].1.push(index),
            None => {
                found.insert(key, releases.len());
                releases.push((key, vec![index]));
            }
        }
    }
    releases.sort_by_key(|(key, _)| std::cmp::Reverse(*key));
    releases
}

/// The version of a release a page in language `lang` shows: the one in `lang`, else the
/// first (as the viewer chooses). `versions` is never empty.
pub fn version<'a>(versions: &'a [Issue], lang: &str) -> &'a Issue {
    versions.iter().find(|issue| issue.lang == lang).unwrap_or(&versions[0])
}

/// What the year indexes and the sitemap need of a release whose pages are drawn.
pub struct Listed {
    pub key: ReleaseKey,
    /// The period of the version each interface language shows, in [`LANGUAGES`]' order.
    pub periods: Vec<Period>,
}

impl Listed {
    pub fn new(key: ReleaseKey, versions: &[Issue]) -> Listed {
        let periods = LANGUAGES.iter().map(|messages| version(versions, messages.code).period.clone()).collect();
        Listed { key, periods }
    }

    /// The period a page in language `lang` shows.
    pub fn period(&self, lang: &str) -> &Period {
        let at = LANGUAGES.iter().position(|messages| messages.code == lang).unwrap_or(0);
        &self.periods[at]
    }
}

/// The years of `releases` (newest first), each once.
pub fn years(releases: &[Listed]) -> Vec<i32> {
    let mut years: Vec<i32> = releases.iter().map(|release| release.key.year).collect();
    years.dedup();
    years
}
