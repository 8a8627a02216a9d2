//! Small text helpers shared by the importer, the checker and the viewer.

/// Inline tags PDF-to-text converters leave in release text. Only these are removed, so
/// that text which merely looks like markup (`a <b c`) survives as written.
const INLINE_TAGS: &[&str] = &["i", "b", "u", "em", "strong", "sup", "sub", "span", "br", "s"];

/// Removes inline markup (`<i>…</i>`, `**bold**`, `*emphasis*`, `__bold__`) and folds
/// runs of white space into one space.
pub fn strip_markup(input: &str) -> String {
    let without_tags = strip_inline_tags(input);
    let without_bold = without_tags.replace("**", "").replace("__", "");
    let without_emphasis = strip_emphasis_stars(&without_bold);
    fold_whitespace(&without_emphasis)
}

fn strip_inline_tags(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match inline_tag_len(after) {
            Some(len) => rest = &after[len..],
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Length of a known inline tag at the start of `text` (`<i>`, `</b>`, `<br/>`, `<span class="x">`).
fn inline_tag_len(text: &str) -> Option<usize> {
    let close = text.find('>')?;
    let inner = text[1..close].trim_start_matches('/').trim_end_matches('/').trim();
    let name = inner.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    INLINE_TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(name)).then_some(close + 1)
}

/// Removes `*` used as emphasis: a star that touches a word on one side and a space,
/// bracket, punctuation or the text's edge on the other. `5 * 3` keeps its star.
fn strip_emphasis_stars(input: &str) -> String {
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len());
    for (index, &c) in chars.iter().enumerate() {
        if c == '*' {
            let before = index.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(index + 1).copied();
            let edge = |side: Option<char>| side.is_none_or(|c| c.is_whitespace() || is_bracket_or_punct(c));
            let word = |side: Option<char>| side.is_some_and(|c| !c.is_whitespace() && c != '*');
            if (edge(before) && word(after)) || (word(before) && edge(after)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn is_bracket_or_punct(c: char) -> bool {
    matches!(c, '(' | ')' | '[' | ']' | ',' | '.' | ';' | ':' | '!' | '?' | '«' | '»' | '"' | '“' | '”')
}

/// Folds every run of white space (including non-breaking spaces) into one space and trims.
pub fn fold_whitespace(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for word in input.split(char::is_whitespace).filter(|word| !word.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A form of a name for comparing printed variants: markup removed, letters and digits
/// only, upper-cased, single spaces. `<i>Kyrgyz  Republic</i>` → `KYRGYZ REPUBLIC`.
pub fn match_key(input: &str) -> String {
    let plain = strip_markup(input);
    let mut key = String::with_capacity(plain.len());
    let mut pending_space = false;
    for c in plain.chars() {
        if c.is_alphanumeric() {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.extend(c.to_uppercase());
        } else if c != '\'' && c != '’' {
            pending_space = true;
        }
    }
    key
}

/// Levenshtein distance between two strings, in characters; gives up (returns
/// `limit + 1`) as soon as the distance must exceed `limit`, so long inputs stay cheap.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()].min(limit + 1)
}

/// True when the text has letters and none of them is lowercase (`REPUBLIC OF KAZAKHSTAN`).
pub fn is_all_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 3
}

/// True when a paragraph ends the way a sentence or a quoted sentence does.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed =
        text.trim_end_matches(|c: char| matches!(c, '"' | '”' | '»' | '’' | '\'' | ')' | '*') || c.is_whitespace());
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// True when the text starts with a lowercase letter (after opening quotes or brackets).
pub fn starts_lowercase(text: &str) -> bool {
    text.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// Words after which an English or Russian sentence cannot end: a paragraph that ends in
/// one was cut by a page break, even when the next part starts with a capital ("and the" /
/// "Baku City Narcological Center…").
const CONNECTIVES: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "as",
    "that",
    "which",
    "who",
    "whose",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "than",
    "about",
    "between",
    "under",
    "over",
    "after",
    "before",
    "и",
    "а",
    "но",
    "или",
    "в",
    "во",
    "на",
    "с",
    "со",
    "по",
    "для",
    "о",
    "об",
    "к",
    "ко",
    "от",
    "из",
    "за",
    "не",
    "что",
    "как",
    "у",
    "при",
    "до",
    "без",
    "над",
    "под",
    "между",
    "его",
    "её",
    "их",
    "это",
    "также",
    "чтобы",
    "который",
    "которая",
    "которое",
    "которые",
    "которого",
    "которой",
    "которых",
    "которым",
    "где",
    "когда",
    "если",
    "через",
    "перед",
    "около",
    "среди",
    "против",
    "после",
    "вокруг",
    "ради",
    "вместо",
    "обо",
    "изо",
    "ото",
];

/// True when the text ends in a word after which no sentence ends.
pub fn ends_with_connective(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    CONNECTIVES.iter().any(|word| word.eq_ignore_ascii_case(last) || last.to_lowercase() == *word)
}

/// True for a plausible BCP 47 language tag (`en`, `ru`, `kk-Cyrl-KZ`): what may go into a
/// `lang` attribute.
pub fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag
            .split('-')
            .all(|part| !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Cuts text to at most `max_chars` characters for messages, marking the cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max_chars).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The parts of a URL the viewer and the importer care about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// Lowercased scheme, empty when the text has none.
    pub scheme: String,
    /// Host as written (no user info, no port).
    pub host: &'a str,
}

/// Splits a URL into scheme and host without validating either.
pub fn url_parts(url: &str) -> UrlParts<'_> {
    let (scheme, rest) = match url.find(':') {
        Some(colon) if url[..colon].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) && colon > 0 => {
            (url[..colon].to_ascii_lowercase(), &url[colon + 1..])
        }
        _ => (String::new(), url),
    };
    let host = match rest.strip_prefix("//") {
        Some(authority) => {
            let end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
            let authority = &authority[..end];
            let without_user = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
            if without_user.starts_with('[') {
                without_user.split_once(']').map_or(without_user, |(host, _)| &host[1..])
            } else {
                without_user.split(':').next().unwrap_or("")
            }
        }
        None => "",
    };
    UrlParts { scheme, host }
}

/// Characters that change how text displays without being seen: bidirectional overrides
/// and isolates, zero-width spaces and joiners, the word joiner, soft hyphen, byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// True when the text shows nothing: empty, white space or invisible characters only.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Text safe to print on a terminal: control and invisible characters written as `\u{…}`,
/// so a bundle cannot clear the screen or reorder what a staff member reads.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (c.is_control() && c != '\n') || is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// True for the only URLs the viewer turns into links: http(s), a host a browser can
/// reach (letters, digits, `-` and `.`, or a bracketed IPv6 address), and nothing invisible
/// or blank anywhere, so a link cannot show one address and lead to another.
pub fn is_web_url(url: &str) -> bool {
    let parts = url_parts(url);
    (parts.scheme == "http" || parts.scheme == "https")
        && is_reachable_host(parts.host, url)
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
}

/// An http(s) URL a reader can follow ([`is_web_url`]); nothing else can be made one, so
/// whoever holds one may link it as it is. A bundle's `corrected` source links are these:
/// decoding refuses any other.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn new(url: &str) -> Option<WebUrl> {
        is_web_url(url).then(|| WebUrl(url.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_reachable_host(host: &str, url: &str) -> bool {
    if host.is_empty() {
        return false;
    }
    // url_parts strips the brackets of an IPv6 host: check the URL has both.
    if url.contains(&format!("[{host}]")) {
        return host.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    }
    host.split('.').all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// A host as a reader should see it: punycode labels decoded (`xn--b1aew.xn--p1ai` →
/// `мвд.рф`), lowercase. A label that does not decode is kept as written.
pub fn display_host(host: &str) -> String {
    host.split('.')
        .map(|label| {
            let lower = label.to_ascii_lowercase();
            match lower.strip_prefix("xn--") {
                Some(encoded) => punycode_decode(encoded).filter(|label| is_plausible_label(label)).unwrap_or(lower),
                None => lower,
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// A decoded label worth showing: letters, digits and hyphens, no capitals (IDNA maps
/// labels to lowercase, so a capital means the punycode was mistyped: `xn--plai` → `ȐȔ`).
fn is_plausible_label(label: &str) -> bool {
    !label.is_empty() && label.chars().all(|c| (c.is_alphanumeric() || c == '-') && !c.is_uppercase())
}

/// RFC 3492 Punycode decoding of one label (without the `xn--` prefix). Returns `None`
/// for input that is not valid Punycode. Kept here rather than pulling a full IDNA
/// implementation into the browser build.
pub fn punycode_decode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    const INITIAL_BIAS: u32 = 72;
    const INITIAL_N: u32 = 128;

    fn adapt(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
        delta /= if first_time { DAMP } else { 2 };
        delta += delta / num_points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
    }

    if !input.is_ascii() || input.is_empty() {
        return None;
    }
    let (basic, encoded) = match input.rfind('-') {
        Some(dash) => (&input[..dash], &input[dash + 1..]),
        None => ("", input),
    };
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut digits = encoded.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut weight = 1u32;
        let mut k = BASE;
        loop {
            let byte = digits.next()?;
            let digit = match byte {
                b'a'..=b'z' => byte - b'a',
                b'A'..=b'Z' => byte - b'A',
                b'0'..=b'9' => byte - b'0' + 26,
                _ => return None,
            } as u32;
            i = i.checked_add(digit.checked_mul(weight)?)?;
            let threshold = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if digit < threshold {
                break;
            }
            weight = weight.checked_mul(BASE - threshold)?;
            k += BASE;
        }
        let length = u32::try_from(output.len() + 1).ok()?;
        bias = adapt(i - old_i, length, old_i == 0);
        n = n.checked_add(i / length)?;
        i %= length;
        output.insert(usize::try_from(i).ok()?, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_from_release_text() {
        assert_eq!(strip_markup("<i>REPUBLIC OF AZERBAIJAN</i> ....."), "REPUBLIC OF AZERBAIJAN .....");
        assert_eq!(strip_markup("**TOPNEWS.KG****DRUG OFFICERS  \nIN BISHKEK**"), "TOPNEWS.KGDRUG OFFICERS IN BISHKEK");
        assert_eq!(strip_markup("(*Azerbaijan -1, Russia – 4*)."), "(Azerbaijan -1, Russia – 4).");
        assert_eq!(strip_markup("5 * 3 and a <b c"), "5 * 3 and a <b c");
        assert_eq!(strip_markup("<script>x</script>"), "<script>x</script>");
    }

    #[test]
    fn match_key_ignores_case_markup_and_punctuation() {
        assert_eq!(match_key("<i>Kyrgyz  Republic</i> ....."), "KYRGYZ REPUBLIC");
        assert_eq!(match_key("People's Republic of China"), "PEOPLES REPUBLIC OF CHINA");
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("KYRGYZ PEPUBLIC", "KYRGYZ REPUBLIC", 2), 1);
        assert_eq!(edit_distance("abc", "abc", 2), 0);
        assert_eq!(edit_distance("abcdef", "x", 2), 3);
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
    }

    #[test]
    fn sentence_shapes() {
        assert!(ends_sentence("It ended.”"));
        assert!(ends_sentence("of “law and order.”"));
        assert!(!ends_sentence("related to illegal"));
        assert!(starts_lowercase("“drug trafficking"));
        assert!(!starts_lowercase("Baku City"));
        assert!(ends_with_connective("Social Protection, and the"));
        assert!(!ends_with_connective("visitors of establishments"));
        assert!(is_all_caps("REPUBLIC OF KAZAKHSTAN"));
        assert!(!is_all_caps("1-15.08.2025"));
        assert!(!is_all_caps("Almaty - 2025"));
    }

    #[test]
    fn invisible_text_and_terminal_escapes() {
        assert!(is_blank("\u{200b} \u{feff}"));
        assert!(!is_blank("\u{200b}x"));
        assert_eq!(escape_controls("a\u{1b}[2J b\u{202e}c"), "a\\u{1b}[2J b\\u{202e}c");
    }

    #[test]
    fn url_parts_and_web_urls() {
        assert_eq!(
            url_parts("https://user@Polisia.kz:443/ru/x?y#z"),
            UrlParts { scheme: "https".into(), host: "Polisia.kz" }
        );
        assert_eq!(url_parts("javascript:alert(1)").scheme, "javascript");
        assert!(is_web_url("http://a.kz/"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https:///nohost"));
        assert!(!is_web_url("www.caricc.org"));
        // Links a browser cannot follow, or that would show one address and lead to another.
        assert!(!is_web_url("https://\u{202e}zk.ailisop/a"));
        assert!(!is_web_url("http://[::1"));
        assert!(!is_web_url("http://exa mple.com/"));
        assert!(!is_web_url("https://a..kz/"));
        assert!(is_web_url("http://[::1]:8080/x"));
        assert!(is_web_url("https://мвд.рф/news"));
    }

    #[test]
    fn punycode_hosts_are_shown_decoded() {
        assert_eq!(display_host("xn--b1aew.xn--p1ai"), "мвд.рф");
        assert_eq!(display_host("WWW.NMDK.GOV.AZ"), "www.nmdk.gov.az");
        // Mistyped punycode is shown as written rather than as nonsense letters.
        assert_eq!(display_host("xn--b1aew.xn--plai"), "мвд.xn--plai");
        assert_eq!(display_host("xn--blaww.xn--plai"), "xn--blaww.xn--plai");
        assert_eq!(punycode_decode("mnchen-3ya").as_deref(), Some("münchen"));
        assert_eq!(punycode_decode("zz!"), None);
    }

    #[test]
    fn punycode_agrees_with_idna_on_valid_labels() {
        for host in ["xn--b1aew.xn--p1ai", "xn--80aswg.xn--p1ai", "xn--mnchen-3ya.de", "xn--d1acufc.xn--p1ai"] {
            let (expected, result) = idna::domain_to_unicode(host);
            assert!(result.is_ok());
            assert_eq!(display_host(host), expected);
        }
    }
}
