//! The sitemap (sitemaps.org protocol) and `robots.txt`, which names it. Past 50,000 URLs
//! the sitemap is split and `sitemap.xml` becomes an index of the parts.

use crate::archive::{years, Listed};
use crate::html::escape;
use crate::SiteFile;
use caricc_view::i18n::LANGUAGES;
use caricc_view::route::site_path;
use caricc_view::site::year_path;

/// URLs one sitemap file may list.
pub const URLS_PER_SITEMAP: usize = 50_000;

pub fn sitemaps(releases: &[Listed], url: &str) -> Vec<SiteFile> {
    // (path, last modified)
    let mut pages: Vec<(String, String)> = Vec::new();
    // The root shows the newest release in the first language.
    let newest = releases.first().map(|release| release.period(LANGUAGES[0].code).to.clone());
    pages.push((String::new(), newest.unwrap_or_default()));
    for release in releases {
        for messages in LANGUAGES {
            pages.push((site_path(messages.code, release.key), release.period(messages.code).to.clone()));
        }
    }
    let years = years(releases);
    for messages in LANGUAGES {
        pages.extend(years.iter().map(|&year| (year_path(messages.code, year), String::new())));
    }
    let parts: Vec<&[(String, String)]> = pages.chunks(URLS_PER_SITEMAP).collect();
    let mut files = Vec::new();
    if parts.len() <= 1 {
        files.push(SiteFile { path: "sitemap.xml".into(), bytes: urlset(&pages, url).into_bytes() });
    } else {
        let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        index.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (number, part) in parts.iter().enumerate() {
            let path = format!("sitemap-{}.xml", number + 1);
            index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", escape(&format!("{url}{path}"))));
            files.push(SiteFile { path, bytes: urlset(part, url).into_bytes() });
        }
        index.push_str("</sitemapindex>\n");
        files.push(SiteFile { path: "sitemap.xml".into(), bytes: index.into_bytes() });
    }
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {url}sitemap.xml\n");
    files.push(SiteFile { path: "robots.txt".into(), bytes: robots.into_bytes() });
    files
}

fn urlset(pages: &[(String, String)], url: &str) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, modified) in pages {
        xml.push_str(&format!("<url><loc>{}</loc>", escape(&format!("{url}{path}"))));
        if crate::feeds::timestamp(modified) != "1970-01-01T00:00:00Z" {
            xml.push_str(&format!("<lastmod>{modified}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use caricc_format::model::{Issue, Period};
    use caricc_view::view::release_key;

    fn archive_of(releases: u32) -> Vec<Listed> {
        let issue = |number: u32| Issue {
            number,
            year: 2025,
            lang: "en".into(),
            period: Period { from: "2025-01-01".into(), to: "2025-01-15".into() },
            title: "Information Release".into(),
            subtitle: String::new(),
            place: String::new(),
            publisher: Default::default(),
            summary: Default::default(),
            contents: Vec::new(),
            events: Vec::new(),
        };
        let mut issues: Vec<Issue> = (1..=releases).map(issue).collect();
        issues.reverse();
        issues.into_iter().map(|issue| Listed::new(release_key(&issue), &[issue])).collect()
    }

    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>").skip(1).map(|rest| &rest[..rest.find("</loc>").unwrap()]).collect()
    }

    #[test]
    fn one_sitemap_lists_every_page() {
        let releases = archive_of(3);
        let files = sitemaps(&releases, "https://example.org/");
        let sitemap = String::from_utf8(files[0].bytes.clone()).unwrap();
        // The root, 3 releases in 2 languages, one year in 2 languages.
        assert_eq!(locs(&sitemap).len(), 1 + 6 + 2);
        assert!(sitemap.contains("<loc>https://example.org/en/2025/3/</loc><lastmod>2025-01-15</lastmod>"));
        assert_eq!(files.iter().map(|file| file.path.as_str()).collect::<Vec<_>>(), ["sitemap.xml", "robots.txt"]);
    }

    #[test]
    fn past_fifty_thousand_urls_the_sitemap_is_split_under_an_index() {
        let releases = archive_of(25_000);
        let files = sitemaps(&releases, "https://example.org/");
        let paths: Vec<&str> = files.iter().map(|file| file.path.as_str()).collect();
        assert_eq!(paths, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml", "robots.txt"]);
        let text = |at: usize| String::from_utf8(files[at].bytes.clone()).unwrap();
        assert_eq!(locs(&text(0)).len(), URLS_PER_SITEMAP);
        assert_eq!(locs(&text(1)).len(), 1 + 50_000 + 2 - URLS_PER_SITEMAP);
        assert!(text(2).starts_with("<?xml") && text(2).contains("<sitemapindex"));
        assert_eq!(locs(&text(2)), ["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml"]);
    }
}
