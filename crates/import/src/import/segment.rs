//! The first stage: the text cut into pieces whose form alone says what they are.
//! Blocks are runs of consecutive non-blank lines (blank lines part paragraphs, and page
//! breaks leave them); each block is cut into segments: a heading, a run of source links,
//! or text. Where a segment belongs is for the later stages to say.

use super::report::{Placement, Report, WarningKind};
use caricc_format::text::{
    ends_sentence, excerpt, fold_whitespace, is_all_caps, is_invisible, match_key, strip_markup, url_parts,
};
use std::collections::HashSet;

/// Warns of each line holding a character that changes how text displays without being
/// seen; the line is still read as it is.
pub(super) fn warn_invisible(text: &str, report: &mut Report) {
    for (index, line) in text.lines().enumerate() {
        if let Some(c) = line.chars().find(|&c| is_invisible(c) && c != '\u{ad}') {
            let message = format!(
                "contains the invisible character U+{:04X}; the text may display differently from what it says",
                c as u32
            );
            report.warn(index + 1, WarningKind::Invisible, message);
        }
    }
}

/// A run of consecutive non-blank lines.
pub(super) struct Block<'a> {
    first_line: usize,
    lines: Vec<&'a str>,
}

pub(super) fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current.get_or_insert_with(|| Block { first_line: index + 1, lines: Vec::new() }).lines.push(line);
        }
    }
    blocks.extend(current);
    blocks
}

#[derive(Debug)]
pub(super) enum SegmentKind {
    /// `#` headings, whole-block `**bold**`, or plain capitals. `raw` keeps the markup
    /// because bold runs separate an outlet byline from the title.
    Heading {
        raw: String,
    },
    Sources(Vec<String>),
    Text,
}

#[derive(Debug)]
pub(super) struct Segment<'a> {
    pub(super) first_line: usize,
    pub(super) lines: Vec<&'a str>,
    pub(super) kind: SegmentKind,
}

impl Segment<'_> {
    pub(super) fn line_numbers(&self) -> std::ops::Range<usize> {
        self.first_line..self.first_line + self.lines.len()
    }

    pub(super) fn joined(&self) -> String {
        self.lines.join("\n")
    }

    pub(super) fn text(&self) -> String {
        strip_markup(&self.joined())
    }

    /// Lines that repeat the front matter (the back cover's address) or a page number
    /// standing alone: what the PDF prints on its pages, not what the release says.
    pub(super) fn is_page_furniture(&self, front_keys: &HashSet<String>) -> bool {
        let keys: Vec<String> = self.lines.iter().map(|line| match_key(line)).collect();
        let repeats_front = keys.iter().all(|key| front_keys.contains(key));
        let is_page_number = self.lines.len() == 1
            && self.lines[0].trim().len() <= 3
            && self.lines[0].trim().bytes().all(|b| b.is_ascii_digit());
        repeats_front || is_page_number
    }

    /// Records the segment as not in the issue, with why, so that no line goes unaccounted.
    pub(super) fn report_unplaced(&self, report: &mut Report, why: &str) {
        report.mark(self.line_numbers(), Placement::Unplaced);
        let message = format!("{why}: “{}”", excerpt(&self.text(), 80));
        report.warn(self.first_line, WarningKind::Unplaced, message);
    }
}

/// Cuts a block into headings, source-link runs and text.
pub(super) fn segments<'a>(block: &Block<'a>) -> Vec<Segment<'a>> {
    let mut out: Vec<Segment<'a>> = Vec::new();
    let mut index = 0;
    while index < block.lines.len() {
        let line = block.lines[index].trim();
        let first_line = block.first_line + index;
        if let Some(url) = source_url(line) {
            let mut urls = vec![url];
            let mut end = index + 1;
            while let Some(url) = block.lines.get(end).and_then(|l| source_url(l.trim())) {
                urls.push(url);
                end += 1;
            }
            out.push(Segment { first_line, lines: block.lines[index..end].to_vec(), kind: SegmentKind::Sources(urls) });
            index = end;
        } else if let Some(heading) = markdown_heading(line) {
            out.push(Segment {
                first_line,
                lines: vec![block.lines[index]],
                kind: SegmentKind::Heading { raw: heading.to_owned() },
            });
            index += 1;
        } else if line.starts_with("**") && !line.trim_start_matches('*').is_empty() {
            // A bold run may span lines (a title broken over lines); it closes on a line ending in `**`.
            let close = (index..block.lines.len()).find(|&i| {
                let l = block.lines[i].trim();
                l.ends_with("**") && (i > index || l.len() > 2)
            });
            let end = close.map_or(index + 1, |close| close + 1);
            let lines = block.lines[index..end].to_vec();
            let joined = fold_whitespace(&lines.join(" "));
            let kind = if close.is_some() { SegmentKind::Heading { raw: joined } } else { SegmentKind::Text };
            out.push(Segment { first_line, lines, kind });
            index = end;
        } else {
            let mut end = index + 1;
            while let Some(next) = block.lines.get(end) {
                let next = next.trim();
                if source_url(next).is_some() || markdown_heading(next).is_some() || next.starts_with("**") {
                    break;
                }
                end += 1;
            }
            let lines = block.lines[index..end].to_vec();
            let text = strip_markup(&lines.join(" "));
            let kind =
                if looks_like_plain_heading(&text) { SegmentKind::Heading { raw: text } } else { SegmentKind::Text };
            out.push(Segment { first_line, lines, kind });
            index = end;
        }
    }
    out
}

/// `## TITLE` → `TITLE`. `#15` (a release number) is not a heading: Markdown needs the space.
fn markdown_heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        let text = line[hashes..].trim();
        (!text.is_empty()).then_some(text)
    } else {
        None
    }
}

/// Capitals standing alone, like `REPUBLIC OF KAZAKHSTAN`; not numbers, not a long shouted paragraph.
fn looks_like_plain_heading(text: &str) -> bool {
    is_all_caps(text) && text.chars().count() <= 300 && !ends_sentence(text) && !is_contents_line(text)
}

pub(super) fn is_contents_line(text: &str) -> bool {
    parse_contents_line(text).is_some_and(|(_, page)| page.is_some())
}

/// `<i>KYRGYZ PEPUBLIC</i> .....` + tab + `6` → (`KYRGYZ PEPUBLIC`, Some(6)).
pub(super) fn parse_contents_line(line: &str) -> Option<(String, Option<u32>)> {
    let trimmed = line.trim();
    let digits_start = trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, page) = trimmed.split_at(digits_start);
    let has_leader = head.trim_end().ends_with(['.', '…']) || head.ends_with('\t');
    if page.is_empty() || !has_leader || page.len() > 4 {
        return None;
    }
    let title = head.trim_end().trim_end_matches(['.', '…', ' ', '\t']).trim();
    if title.is_empty() || !title.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((fold_whitespace(title), page.parse().ok()))
}

/// `<https://…>` or a bare `https://…` line → the URL. Angle brackets may hold any scheme,
/// so that a `javascript:` or `ftp:` source is seen (and flagged) rather than taken for text.
fn source_url(line: &str) -> Option<String> {
    let inner = match line.strip_prefix('<').and_then(|l| l.strip_suffix('>')) {
        Some(inner) => inner.trim(),
        None => {
            let lower = line.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                return None;
            }
            line
        }
    };
    // A web address broken by the PDF converter (`<http://exa mple.com>`) is still the
    // source line; the report flags its white space.
    let lower = inner.to_ascii_lowercase();
    if line.starts_with('<') && (lower.starts_with("http://") || lower.starts_with("https://")) {
        return Some(inner.to_owned());
    }
    let looks_like_url = !inner.is_empty()
        && !inner.contains(char::is_whitespace)
        && (inner.contains("://")
            || !url_parts(inner).scheme.is_empty()
            || inner.to_ascii_lowercase().starts_with("www."));
    looks_like_url.then(|| inner.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_lines() {
        assert_eq!(parse_contents_line("KYRGYZ PEPUBLIC .....\t6"), Some(("KYRGYZ PEPUBLIC".into(), Some(6))));
        assert_eq!(parse_contents_line("RUSSIAN FEDERATION … 7"), Some(("RUSSIAN FEDERATION".into(), Some(7))));
        assert_eq!(parse_contents_line("In 2025 there were 7"), None);
    }

    #[test]
    fn source_lines() {
        assert_eq!(source_url("<https://polisia.kz/ru/x/>"), Some("https://polisia.kz/ru/x/".into()));
        assert_eq!(source_url("<javascript:alert(1)>"), Some("javascript:alert(1)".into()));
        assert_eq!(source_url("https://a.kz/x"), Some("https://a.kz/x".into()));
        assert_eq!(source_url("<i>not a link</i>"), None);
    }
}
