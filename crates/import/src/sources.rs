//! Source links: is a link one a reader can follow, and if its host is mistyped, what it
//! most likely meant. Both the importer (as it reads a release) and the checker (on a
//! finished bundle) ask this, so it stands apart from both. The only place that uses `idna`.

use caricc_format::text::{display_host, edit_distance, url_parts, WebUrl};

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

/// What is wrong with a source link: the report's words, and what readers should be
/// shown instead of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceProblem {
    pub message: String,
    /// The link looks like a web link but cannot work: its host is not a valid
    /// internationalised domain name.
    pub broken: bool,
    /// For a broken link, the URL with the host it most likely meant, when that can be told.
    pub corrected: Option<WebUrl>,
}

impl SourceProblem {
    fn suspicious(message: impl Into<String>) -> SourceProblem {
        SourceProblem { message: message.into(), broken: false, corrected: None }
    }
}

/// Why a source link is suspicious, if it is. `known_hosts` (valid hosts cited nearby)
/// are offered as the likely intent of a mistyped host.
pub fn source_problem(url: &str, known_hosts: &[String]) -> Option<SourceProblem> {
    if url.contains(char::is_whitespace) {
        return Some(SourceProblem::suspicious("contains white space"));
    }
    let parts = url_parts(url);
    if parts.scheme.is_empty() {
        return Some(SourceProblem::suspicious(
            "has no scheme (http:// or https://); it will be shown as text, not a link",
        ));
    }
    if parts.scheme != "http" && parts.scheme != "https" {
        return Some(SourceProblem::suspicious(format!(
            "scheme “{}:” is not http or https; it will be shown as text, not a link",
            parts.scheme
        )));
    }
    if parts.host.is_empty() {
        return Some(SourceProblem::suspicious("has no host"));
    }
    if !is_valid_host(parts.host, url) {
        let mut message = format!("host “{}” is not a valid internationalised domain name", parts.host);
        let suggestion = likely_intended_host(parts.host, known_hosts);
        if let Some(suggestion) = &suggestion {
            message.push_str(&format!(" (did you mean {suggestion}, shown as {}?)", display_host(suggestion)));
        }
        let corrected = suggestion.and_then(|host| with_host(url, parts.host, &host)).and_then(|url| WebUrl::new(&url));
        return Some(SourceProblem { message, broken: true, corrected });
    }
    None
}

/// Whether a URL's host can be reached: a valid internationalised domain name, or an IP
/// address literal (`[::1]`, which IDNA does not read).
pub fn is_valid_host(host: &str, url: &str) -> bool {
    url.contains(&format!("[{host}]")) || idna::domain_to_ascii_strict(host).is_ok()
}

/// `url` with `host` (a part of it, from [`url_parts`]) replaced by `new_host`.
fn with_host(url: &str, host: &str, new_host: &str) -> Option<String> {
    // `host` is a slice of `url`: where it starts in `url` is where it starts in memory.
    let start = (host.as_ptr() as usize).checked_sub(url.as_ptr() as usize)?;
    let end = start.checked_add(host.len())?;
    (url.get(start..end) == Some(host)).then(|| format!("{}{new_host}{}", &url[..start], &url[end..]))
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
        let problem = source_problem("https://xn--b1aew.xn--plai/news", &[]).unwrap().message;
        assert!(problem.contains("xn--b1aew.xn--p1ai") && problem.contains("мвд.рф"), "{problem}");
        let known = valid_hosts(["https://xn--b1aew.xn--p1ai/a", "https://polisia.kz/", "https://xn--blaww.xn--plai/"]);
        assert_eq!(known, ["xn--b1aew.xn--p1ai", "polisia.kz"]);
        let problem = source_problem("https://xn--blaww.xn--plai/news", &known).unwrap().message;
        assert!(problem.contains("did you mean xn--b1aew.xn--p1ai"), "{problem}");
        assert!(source_problem("javascript:alert(1)", &[]).unwrap().message.contains("not http"));
        assert!(source_problem("www.caricc.org", &[]).unwrap().message.contains("no scheme"));
    }

    #[test]
    fn a_link_with_an_invalid_host_is_broken_and_corrected_where_its_intent_is_known() {
        let known = valid_hosts(["https://xn--b1aew.xn--p1ai/a"]);
        let problem = source_problem("https://xn--blaww.xn--plai/news/item/68206917?a=b#c", &known).unwrap();
        assert!(problem.broken);
        let corrected = problem.corrected.as_ref().map(WebUrl::as_str);
        assert_eq!(corrected, Some("https://xn--b1aew.xn--p1ai/news/item/68206917?a=b#c"));
        // User info and port stay as printed: only the host is replaced.
        let problem = source_problem("HTTP://me@xn--b1aew.xn--plai:8080/x", &[]).unwrap();
        assert_eq!(problem.corrected.as_ref().map(WebUrl::as_str), Some("HTTP://me@xn--b1aew.xn--p1ai:8080/x"));
        // Nothing to go on: broken, with no correction.
        let problem = source_problem("https://xn--ww.kz/", &[]).unwrap();
        assert!(problem.broken && problem.corrected.is_none(), "{problem:?}");
        // A corrected host whose URL still could not be linked (an invisible character in
        // its path) is no correction.
        let problem = source_problem("https://xn--b1aew.xn--plai/a\u{200b}", &[]).unwrap();
        assert!(problem.broken && problem.corrected.is_none(), "{problem:?}");
        // What is not a web link at all is not \"broken\": readers show it as text anyway.
        for url in ["javascript:alert(1)", "www.caricc.org", "https:///x", "https://a .kz/"] {
            let problem = source_problem(url, &known).unwrap();
            assert!(!problem.broken && problem.corrected.is_none(), "{url}: {problem:?}");
        }
        assert_eq!(source_problem("http://[::1]:8080/x", &[]), None, "an IP address literal is a valid host");
    }
}
