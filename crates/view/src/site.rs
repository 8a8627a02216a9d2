//! The published site's navigation: the links a release page has in its masthead (its
//! other languages, the newer and older release, the year's index). The site generator
//! draws them into the static page and the app draws the same links when it takes the page
//! over, so both decide them here.

use crate::i18n::LANGUAGES;
use crate::route::{site_path, ReleaseKey, Route};

/// A link of the page's navigation: its text and `href` (relative to the site's root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
    /// Set on the link to the page itself (`aria-current`).
    pub current: bool,
    /// The language of the link's text, when it is not the page's.
    pub lang: Option<&'static str>,
}

/// The navigation of a release page, in the masthead where the app alone has its release
/// picker and language switch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nav {
    pub languages_label: &'static str,
    pub languages: Vec<Link>,
    pub archive_label: &'static str,
    pub archive: Vec<Link>,
}

/// The words of the navigation, per interface language.
pub struct NavLabels {
    pub languages: &'static str,
    pub archive: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub releases_of: fn(i32) -> String,
}

static EN: NavLabels = NavLabels {
    languages: "Languages",
    archive: "Releases",
    newer: "Newer release",
    older: "Older release",
    releases_of: |year| format!("Releases of {year}"),
};

static RU: NavLabels = NavLabels {
    languages: "Языки",
    archive: "Выпуски",
    newer: "Следующий выпуск",
    older: "Предыдущий выпуск",
    releases_of: |year| format!("Выпуски {year} года"),
};

/// The navigation's words in interface language `code` (English for any other).
pub fn nav_labels(code: &str) -> &'static NavLabels {
    match code {
        "ru" => &RU,
        _ => &EN,
    }
}

/// The index of a year's releases in language `lang`: `en/2025/`.
pub fn year_path(lang: &str, year: i32) -> String {
    format!("{lang}/{year}/")
}

/// The navigation of the page of release `key` in language `lang`, between `newer` and
/// `older` (its neighbours in the archive, if any). The language links lead to the same
/// view in the other language: `view` is the route on screen (search, country, event),
/// which the app carries over and a static page has none of.
pub fn release_nav(
    key: ReleaseKey,
    newer: Option<ReleaseKey>,
    older: Option<ReleaseKey>,
    view: &Route,
    lang: &str,
) -> Nav {
    let labels = nav_labels(lang);
    let languages = LANGUAGES
        .iter()
        .map(|other| Link {
            text: other.name.to_owned(),
            href: Route { release: Some(key), lang: Some(other.code.to_owned()), ..view.clone() }.to_site_address(),
            current: other.code == lang,
            lang: (other.code != lang).then_some(other.code),
        })
        .collect();
    let mut archive = Vec::new();
    let mut add = |text: String, href: String| archive.push(Link { text, href, current: false, lang: None });
    if let Some(newer) = newer {
        add(labels.newer.to_owned(), site_path(lang, newer));
    }
    if let Some(older) = older {
        add(labels.older.to_owned(), site_path(lang, older));
    }
    add((labels.releases_of)(key.year), year_path(lang, key.year));
    Nav { languages_label: labels.languages, languages, archive_label: labels.archive, archive }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_links_its_languages_neighbours_and_year() {
        let key = ReleaseKey { year: 2025, number: 15 };
        let newer = Some(ReleaseKey { year: 2025, number: 16 });
        let page = Route { release: Some(key), lang: Some("ru".into()), ..Route::default() };
        let nav = release_nav(key, newer, None, &page, "ru");
        let hrefs: Vec<&str> = nav.languages.iter().map(|link| link.href.as_str()).collect();
        assert_eq!(hrefs, ["en/2025/15/", "ru/2025/15/"]);
        assert!(nav.languages[1].current && !nav.languages[0].current);
        assert_eq!(nav.languages[0].lang, Some("en"));
        let archive: Vec<(&str, &str)> =
            nav.archive.iter().map(|link| (link.text.as_str(), link.href.as_str())).collect();
        assert_eq!(archive, [("Следующий выпуск", "ru/2025/16/"), ("Выпуски 2025 года", "ru/2025/")]);

        // The app's view goes with the reader to the other language.
        let searching = Route { query: "героин".into(), country: Some("kg".into()), ..page };
        let nav = release_nav(key, newer, None, &searching, "ru");
        assert_eq!(nav.languages[0].href, "en/2025/15/?country=kg&q=%D0%B3%D0%B5%D1%80%D0%BE%D0%B8%D0%BD");
    }
}
