//! The few words only the published site's pages use, in each interface language. They
//! live here rather than in the viewer's messages, which every reader downloads.

pub struct Labels {
    pub archive: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub releases_of: fn(i32) -> String,
    pub years: &'static str,
    pub languages: &'static str,
    pub feed: &'static str,
    pub feed_of: fn(&str) -> String,
    pub release_option: fn(u32, &str) -> String,
}

static EN: Labels = Labels {
    archive: "Releases",
    newer: "Newer release",
    older: "Older release",
    releases_of: |year| format!("Releases of {year}"),
    years: "Years",
    languages: "Languages",
    feed: "CARICC Information Releases: latest events",
    feed_of: |country| format!("CARICC Information Releases: {country}"),
    release_option: |number, period| format!("#{number}, {period}"),
};

static RU: Labels = Labels {
    archive: "Выпуски",
    newer: "Следующий выпуск",
    older: "Предыдущий выпуск",
    releases_of: |year| format!("Выпуски {year} года"),
    years: "Годы",
    languages: "Языки",
    feed: "Информационные выпуски ЦАРИКЦ: последние события",
    feed_of: |country| format!("Информационные выпуски ЦАРИКЦ: {country}"),
    release_option: |number, period| format!("№ {number}, {period}"),
};

/// The labels for an interface language (English for any other).
pub fn labels(code: &str) -> &'static Labels {
    match code {
        "ru" => &RU,
        _ => &EN,
    }
}
