//! Periods as releases print them, on the cover (`1-15.08.2025`, `1-15 августа 2025 г.`)
//! or in running text ("from 1 to 15 August 2025"). Dates and month names come from
//! `caricc_format::date`; this is only how a release writes them.

use caricc_format::date::{Date, MONTHS_EN, MONTHS_RU};

/// The dashes a release puts between two dates, or between a place and its year.
pub(super) const DASHES: [char; 3] = ['-', '–', '—'];

/// The cover's period: `1-15.08.2025`, `01.08-15.08.2025` or `01.08.2025 – 15.08.2025`,
/// each optionally followed by the Russian year mark `г.`; or in words, as Russian
/// covers print it: `1-15 августа 2025 г.` (see [`parse_period_words`]).
pub(super) fn parse_period(line: &str) -> Option<(Date, Date)> {
    parse_period_numeric(line).or_else(|| parse_period_words(line))
}

fn parse_period_numeric(line: &str) -> Option<(Date, Date)> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = strip_year_mark(&compact);
    let (left, right) = compact.split_once(DASHES)?;
    let right_parts: Vec<&str> = right.trim_end_matches('.').split('.').collect();
    let left_parts: Vec<&str> = strip_year_mark(left).trim_end_matches('.').split('.').collect();
    if right_parts.len() != 3 || left_parts.is_empty() || left_parts.len() > 3 {
        return None;
    }
    let number = |part: &str| -> Option<u32> {
        (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let to = Date::new(number(right_parts[2])? as i32, number(right_parts[1])?, number(right_parts[0])?)?;
    let from_month = left_parts.get(1).map_or(Some(to.month), |m| number(m))?;
    let from_year = left_parts.get(2).map_or(Some(to.year), |y| number(y).map(|y| y as i32))?;
    let from = Date::new(from_year, from_month, number(left_parts[0])?)?;
    (from <= to).then_some((from, to))
}

/// `2025г.`, `2025 года`, `2025 Г.` → `2025`: the Russian year mark after a year (only
/// after a digit, so a word ending in `г` is left alone).
pub(super) fn strip_year_mark(text: &str) -> &str {
    let text = text.trim_end();
    for mark in ["года", "год", "гг.", "гг", "г.", "г"] {
        let length = mark.chars().count();
        let Some((start, _)) = text.char_indices().rev().nth(length - 1) else { continue };
        if text[start..].to_lowercase() == mark {
            let rest = text[..start].trim_end();
            if rest.ends_with(|c: char| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    text
}

/// A month name (English, or Russian in the genitive as dates print it) → 1..=12.
fn month_number(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    let position = MONTHS_EN.iter().chain(MONTHS_RU.iter()).position(|m| *m == word)?;
    Some(position as u32 % 12 + 1)
}

/// A whole cover line giving the period in words: `1-15 августа 2025 г.`,
/// `28 июля – 10 августа 2025 г.`, `25 декабря 2025 г. – 10 января 2026 г.`,
/// `1–15 August 2025`. Nothing else may stand on the line, so running text is never read as one.
fn parse_period_words(line: &str) -> Option<(Date, Date)> {
    let mut spaced = String::with_capacity(line.len() + 4);
    for c in line.chars() {
        if DASHES.contains(&c) {
            spaced.push_str(" - ");
        } else {
            spaced.push(c);
        }
    }
    let tokens: Vec<&str> = spaced.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).collect();
    let dash = tokens.iter().position(|t| *t == "-")?;
    let (left, right) = (&tokens[..dash], &tokens[dash + 1..]);
    let day = |token: &str| -> Option<u32> {
        (token.len() <= 2 && token.bytes().all(|b| b.is_ascii_digit())).then(|| token.parse().ok()).flatten()
    };
    let year = |tokens: &[&str]| -> Option<i32> {
        let joined = tokens.join(" ");
        let digits = strip_year_mark(&joined).trim_end_matches('.');
        (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
    };
    // Right side: day, month, year (and the year mark).
    if right.len() < 3 || right.len() > 4 {
        return None;
    }
    let to_year = year(&right[2..])?;
    let to = Date::new(to_year, month_number(right[1])?, day(right[0])?)?;
    let from = match left {
        [d] => Date::new(to.year, to.month, day(d)?)?,
        [d, m] => Date::new(to.year, month_number(m)?, day(d)?)?,
        [d, m, rest @ ..] if rest.len() <= 2 => Date::new(year(rest)?, month_number(m)?, day(d)?)?,
        _ => return None,
    };
    (from <= to).then_some((from, to))
}

/// A period in running text: "from 1 to 15 August 2025", "с 1 по 15 августа 2025".
pub(super) fn parse_period_in_words(text: &str) -> Option<(Date, Date)> {
    let words: Vec<String> =
        text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.windows(5).find_map(|w| {
        let from_day: u32 = w[0].parse().ok()?;
        if !matches!(w[1].as_str(), "to" | "по" | "-" | "–") {
            return None;
        }
        let to_day: u32 = w[2].parse().ok()?;
        let month = month_number(&w[3])?;
        let year: i32 = w[4].trim_end_matches(['.', 'г']).parse().ok()?;
        let from = Date::new(year, month, from_day)?;
        let to = Date::new(year, month, to_day)?;
        (from <= to).then_some((from, to))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(parse_period("1-15.08.2025"), Some((d(2025, 8, 1), d(2025, 8, 15))));
        assert_eq!(parse_period("16 – 31.08.2025"), Some((d(2025, 8, 16), d(2025, 8, 31))));
        assert_eq!(parse_period("25.12-10.01.2026"), None, "from after to in the same year is not a period");
        assert_eq!(parse_period("25.12.2025-10.01.2026"), Some((d(2025, 12, 25), d(2026, 1, 10))));
        assert_eq!(parse_period("1-31.02.2025"), None);
        assert_eq!(parse_period("Almaty - 2025"), None);
        assert_eq!(
            parse_period_in_words("In the period from 1 to 15 August 2025, based"),
            Some((d(2025, 8, 1), d(2025, 8, 15)))
        );
        assert_eq!(parse_period_in_words("за период с 1 по 15 августа 2025 г."), Some((d(2025, 8, 1), d(2025, 8, 15))));
    }

    #[test]
    fn russian_periods() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        let august = Some((d(2025, 8, 1), d(2025, 8, 15)));
        assert_eq!(parse_period("1-15 августа 2025 г."), august);
        assert_eq!(parse_period("1 – 15 августа 2025 года"), august);
        assert_eq!(parse_period("1-15 августа 2025г."), august);
        assert_eq!(parse_period("1-15 АВГУСТА 2025 Г."), august);
        assert_eq!(parse_period("1–15 August 2025"), august);
        assert_eq!(parse_period("1-15.08.2025 г."), august);
        assert_eq!(parse_period("01.08.2025г. - 15.08.2025г."), august);
        assert_eq!(parse_period("28 июля – 10 августа 2025 г."), Some((d(2025, 7, 28), d(2025, 8, 10))));
        assert_eq!(parse_period("25 декабря 2025 г. – 10 января 2026 г."), Some((d(2025, 12, 25), d(2026, 1, 10))));
        assert_eq!(parse_period("16-31 февраля 2025 г."), None, "no such day");
        assert_eq!(parse_period("15-1 августа 2025 г."), None, "from after to");
        assert_eq!(parse_period("1-15 авгуcта 2025 г."), None, "a Latin c in the month is not a month");
        assert_eq!(parse_period("г. Алматы - 2025"), None);
        assert_eq!(parse_period("В период с 1 по 15 августа 2025 года, по информации СМИ"), None);
        assert_eq!(parse_period("Республика Казахстан, 050008, г. Алматы, пр. Абая, 52"), None);
        assert_eq!(parse_period_in_words("В период с 1 по 15 августа 2025 года по информации СМИ"), august);
        assert_eq!(strip_year_mark("2025 г."), "2025");
        assert_eq!(strip_year_mark("Ваг"), "Ваг", "only a mark after a year is dropped");
    }
}
