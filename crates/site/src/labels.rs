//! The few words only the published site's static files use (feeds, year indexes), in each
//! interface language. They live here rather than in the viewer's messages, which every
//! reader downloads; the release pages' navigation, which the app draws too, has its words
//! in [`caricc_view::site`].

pub struct Labels {
    pub years: &'static str,
    pub feed: &'static str,
    pub feed_of: fn(&str) -> String,
    pub release_option: fn(u32, &str) -> String,
}

static EN: Labels = Labels {
    years: "Years",
    feed: "CARICC Information Releases: latest events",
    feed_of: |country| format!("CARICC Information Releases: {country}"),
    release_option: |number, period| format!("#{number}, {period}"),
};

static RU: Labels = Labels {
    years: "Годы",
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
