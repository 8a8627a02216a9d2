//! Source links: is a link one a reader can follow, and if its host is mistyped, what it
//! most likely meant. Both the importer (as it reads a release) and the checker (on a
//! finished bundle) ask this, so it stands apart from both. The only place that uses `idna`.

use caricc_format::text::{display_host, edit_distance, url_parts};

/// The distinct valid hosts among some URLs, lowercased: what a mistyped host most
/// likely meant, since one release cites the same few sites again and again.
pub fn valid_hosts<'a>(urls: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut hosts: Vec<String> = Vec::new();
    for url in urls {
        let host = url_parts(url).host.to_ascii_lowercase();
        if !host.is_empty() && !hosts.contains(&host) && idna::domain_to_ascii_strict(&host).is_ok() {
            hosts.push(host);
        }
    }
    hosts
}

/// Why a source link is suspicious, if it is. `known_hosts` (valid hosts cited nearby)
/// are offered as the likely intent of a mistyped host.
pub fn source_problem(url: &str, known_hosts: &[String]) -> Option<String> {
    if url.contains(char::is_whitespace) {
        return Some("contains white space".into());
    }
    let parts = url_parts(url);
    if parts.scheme.is_empty() {
        return Some("has no scheme (http:// or https://); it will be shown as text, not a link".into());
    }
    if parts.scheme != "http" && parts.scheme != "https" {
        return Some(format!("scheme “{}:” is not http or https; it will be shown as text, not a link", parts.scheme));
    }
    if parts.host.is_empty() {
        return Some("has no host".into());
    }
    if idna::domain_to_ascii_strict(parts.host).is_err() {
        let mut problem = format!("host “{}” is not a valid internationalised domain name", parts.host);
        if let Some(suggestion) = likely_intended_host(parts.host, known_hosts) {
            problem.push_str(&format!(" (did you mean {suggestion}, shown as {}?)", display_host(&suggestion)));
        }
        return Some(problem);
    }
    None
}

/// The nearest known host (at most three letters off), or else the host with `l` read
/// as `1` in its punycode: PDF text often confuses them (`xn--plai` for `xn--p1ai`).
fn likely_intended_host(host: &str, known_hosts: &[String]) -> Option<String> {
    let lower = host.to_ascii_lowercase();
    let nearest = known_hosts
        .iter()
        .map(|known| (edit_distance(&lower, known, 3), known))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d);
    if let Some((_, known)) = nearest {
        return Some(known.clone());
    }
    let fixed: Vec<String> = host
        .split('.')
        .map(|label| match label.strip_prefix("xn--") {
            Some(encoded) => format!("xn--{}", encoded.replace('l', "1")),
            None => label.to_owned(),
        })
        .collect();
    let fixed = fixed.join(".");
    (fixed != host && idna::domain_to_ascii_strict(&fixed).is_ok()).then_some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert_eq!(source_problem("https://xn--b1aew.xn--p1ai/news/item/1", &[]), None);
        let problem = source_problem("https://xn--b1aew.xn--plai/news", &[]).unwrap();
        assert!(problem.contains("xn--b1aew.xn--p1ai") && problem.contains("мвд.рф"), "{problem}");
        let known = valid_hosts(["https://xn--b1aew.xn--p1ai/a", "https://polisia.kz/", "https://xn--blaww.xn--plai/"]);
        assert_eq!(known, ["xn--b1aew.xn--p1ai", "polisia.kz"]);
        let problem = source_problem("https://xn--blaww.xn--plai/news", &known).unwrap();
        assert!(problem.contains("did you mean xn--b1aew.xn--p1ai"), "{problem}");
        assert!(source_problem("javascript:alert(1)", &[]).unwrap().contains("not http"));
        assert!(source_problem("www.caricc.org", &[]).unwrap().contains("no scheme"));
    }
}
