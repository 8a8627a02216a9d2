//! Numbers as the releases print them, in either convention: `1,5` and `1.5`, `100,000`
//! and `100 000`. A number that reads two ways (`5,065`: five or five thousand?) is kept
//! with both readings, never guessed.

/// A number read from the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    One(f64),
    /// The decimal reading first (`5,065` → 5.065, 5065).
    Either(f64, f64),
}

impl Reading {
    pub fn scaled(&self, by: f64) -> Reading {
        match *self {
            Reading::One(value) => Reading::One(scale(value, by)),
            Reading::Either(a, b) => Reading::Either(scale(a, by), scale(b, by)),
        }
    }
}

/// `value` times `by` (a thousand, a million), as the decimal the text means: `1.005`
/// thousand is 1005, where floating-point multiplication gives 1004.9999999999999.
pub fn scale(value: f64, by: f64) -> f64 {
    let product = value * by;
    format!("{product:.9}").parse().unwrap_or(product)
}

/// A number in a text: its reading and its place (characters `start..end`).
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub reading: Reading,
    pub start: usize,
    pub end: usize,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The number that starts at `start` (a digit not preceded by a letter or digit), if any.
pub fn number_at(text: &[char], start: usize) -> Option<Number> {
    let digit = |at: usize| text.get(at).is_some_and(char::is_ascii_digit);
    if !digit(start) || start.checked_sub(1).and_then(|at| text.get(at)).is_some_and(|c| crate::words::is_word_char(*c))
    {
        return None;
    }
    let run = |from: usize| (from..).take_while(|&at| digit(at)).count();
    // Groups of digits and the separators between them.
    let mut groups = vec![(start, run(start))];
    let mut separators = Vec::new();
    loop {
        let (from, len) = *groups.last().expect("one group at least");
        let after = from + len;
        let Some(&c) = text.get(after) else { break };
        let next = run(after + 1);
        let joins = match c {
            ',' | '.' => next > 0,
            // A space joins only thousands: `100 000`, not `2024 15`.
            c if is_space(c) => next == 3 && !text.get(after + 4).is_some_and(|c| crate::words::is_word_char(*c)),
            _ => false,
        };
        if !joins {
            break;
        }
        separators.push(if is_space(c) { ' ' } else { c });
        groups.push((after + 1, next));
    }
    let end = groups.last().map(|&(from, len)| from + len).expect("one group at least");
    let digits: Vec<String> = groups.iter().map(|&(from, len)| text[from..from + len].iter().collect()).collect();
    Some(Number { reading: read(&digits, &separators)?, start, end })
}

/// Reads digit groups joined by separators (`' '`, `,`, `.`).
fn read(groups: &[String], separators: &[char]) -> Option<Reading> {
    let join = |groups: &[String]| groups.concat().parse::<f64>().ok();
    // Parsed as one decimal, so the value is the double nearest to it (9 + 0.524 is
    // 9.524000000000001).
    let decimal = |whole: &[String], fraction: &str| format!("{}.{fraction}", whole.concat()).parse::<f64>().ok();
    let marks: Vec<char> = separators.iter().copied().filter(|&c| c != ' ').collect();
    let thousands_only = |groups: &[String]| groups[1..].iter().all(|group| group.len() == 3);
    match marks.as_slice() {
        [] => thousands_only(groups).then(|| join(groups)).flatten().map(Reading::One),
        [mark] => {
            let last = groups.last()?;
            let whole = &groups[..groups.len() - 1];
            if !thousands_only(whole) {
                return None;
            }
            let spaced = separators.len() > 1;
            if *mark == ',' && last.len() == 3 && !spaced {
                // `100,000` is a hundred thousand (nobody prints a hundred as 100,000);
                // `5,065` is five or five thousand.
                if last == "000" {
                    return join(groups).map(Reading::One);
                }
                return Some(Reading::Either(decimal(whole, last)?, join(groups)?));
            }
            decimal(whole, last).map(Reading::One)
        }
        // `1,000,000` / `1.000.000`: thousands; `1,234.5` / `1.234,5`: the last mark is the
        // decimal one.
        [first, rest @ ..] => {
            let last_mark = *marks.last()?;
            if rest.iter().all(|mark| mark == first) {
                return thousands_only(groups).then(|| join(groups)).flatten().map(Reading::One);
            }
            let cut = separators.iter().rposition(|&c| c == last_mark)? + 1;
            let (whole, fraction) = groups.split_at(cut);
            if fraction.len() != 1 || !thousands_only(whole) || marks[..marks.len() - 1].contains(&last_mark) {
                return None;
            }
            decimal(whole, &fraction[0]).map(Reading::One)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(text: &str) -> Option<Reading> {
        let chars: Vec<char> = text.chars().collect();
        number_at(&chars, 0).map(|number| number.reading)
    }

    #[test]
    fn both_conventions_read_alike() {
        assert_eq!(reading("1,5 kg"), Some(Reading::One(1.5)));
        assert_eq!(reading("1.5 kg"), Some(Reading::One(1.5)));
        assert_eq!(reading("100,000 tablets"), Some(Reading::One(100_000.0)));
        assert_eq!(reading("100 000 таблеток"), Some(Reading::One(100_000.0)));
        assert_eq!(reading("10\u{a0}000"), Some(Reading::One(10_000.0)));
        assert_eq!(reading("1,234.5"), Some(Reading::One(1234.5)));
        assert_eq!(reading("1 234,5"), Some(Reading::One(1234.5)));
        assert_eq!(reading("1.234,5"), Some(Reading::One(1234.5)));
        assert_eq!(reading("1,000,000"), Some(Reading::One(1_000_000.0)));
        assert_eq!(reading("12."), Some(Reading::One(12.0)));
    }

    #[test]
    fn a_value_is_the_double_nearest_to_the_printed_decimal() {
        assert_eq!(reading("9,524 kg"), Some(Reading::Either(9.524, 9524.0)));
        assert_eq!(reading("1 009,524"), Some(Reading::One(1009.524)));
        assert_eq!(scale(1.005, 1e3), 1005.0);
        assert_eq!(scale(2.3, 1e6), 2_300_000.0);
    }

    #[test]
    fn a_number_that_reads_two_ways_keeps_both() {
        assert_eq!(reading("5,065 kg"), Some(Reading::Either(5.065, 5065.0)));
        assert_eq!(reading("1,200"), Some(Reading::Either(1.2, 1200.0)));
    }

    #[test]
    fn a_space_joins_only_groups_of_three() {
        let chars: Vec<char> = "в 2024 15 кг".chars().collect();
        assert_eq!(number_at(&chars, 2).map(|n| (n.reading, n.end)), Some((Reading::One(2024.0), 6)));
        let chars: Vec<char> = "1 200 кг".chars().collect();
        assert_eq!(number_at(&chars, 0).map(|n| n.reading), Some(Reading::One(1200.0)));
    }

    #[test]
    fn digits_inside_a_word_are_no_number() {
        let chars: Vec<char> = "a-PVP2 x3".chars().collect();
        assert_eq!(number_at(&chars, 5), None);
    }
}
