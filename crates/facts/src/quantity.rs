//! Amounts of drugs: a number, a unit and, when the sentence says, the drug.

use crate::drugs::Named;
use crate::number::{number_at, Number, Reading};
use crate::words::endings::{BARE, EN, RU_ADJ, RU_M, RU_M_VELAR, RU_N};
use crate::words::{Form, Word};
use serde::Serialize;

/// What an amount counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    G,
    Kg,
    T,
    Ml,
    L,
    Tablets,
    Capsules,
    Doses,
    Plants,
    Packets,
    Ampoules,
}

impl Unit {
    /// Whether the unit counts things (no fraction of a tablet).
    pub fn counts(self) -> bool {
        !matches!(self, Unit::G | Unit::Kg | Unit::T | Unit::Ml | Unit::L)
    }
}

const fn f(stem: &'static str, endings: &'static [&'static str]) -> Form {
    Form { stem, endings }
}

/// The words for each unit, abbreviated and spelled out.
const UNITS: &[(Unit, &[Form])] = &[
    (
        Unit::Kg,
        &[
            f("kg", &["", "s"]),
            f("kilogram", &["", "s", "me", "mes"]),
            f("кг", BARE),
            f("килограмм", &["", "а", "ов", "ам"]),
            f("килограм", &["", "а", "ов"]),
        ],
    ),
    (
        Unit::G,
        &[
            f("g", BARE),
            f("gr", BARE),
            f("gram", &["", "s", "me", "mes"]),
            f("г", BARE),
            f("гр", BARE),
            f("грамм", &["", "а", "ов", "ам"]),
        ],
    ),
    (Unit::T, &[f("t", BARE), f("ton", &["", "s", "ne", "nes"]), f("т", BARE), f("тонн", &["", "а", "ы", "у", "ам"])]),
    (
        Unit::Ml,
        &[f("ml", BARE), f("millilit", &["er", "ers", "re", "res"]), f("мл", BARE), f("миллилитр", &["", "а", "ов"])],
    ),
    (Unit::L, &[f("l", BARE), f("lit", &["er", "ers", "re", "res"]), f("л", BARE), f("литр", &["", "а", "ов", "ам"])]),
    (Unit::Tablets, &[f("tablet", EN), f("pill", EN), f("таблет", &["ка", "ки", "ок", "кам", "ками"])]),
    (Unit::Capsules, &[f("capsule", EN), f("капсул", &["а", "ы", "", "ам"])]),
    (Unit::Doses, &[f("dose", EN), f("доз", &["а", "ы", "", "ам"])]),
    (
        Unit::Plants,
        &[f("bush", &["", "es"]), f("plant", EN), f("куст", &["", "а", "ов", "ы"]), f("растени", &["е", "я", "й"])],
    ),
    (
        Unit::Packets,
        &[
            f("packet", EN),
            f("bag", EN),
            f("sachet", EN),
            f("пакетик", RU_M_VELAR),
            f("сверт", &["ок", "ка", "ков", "ки"]),
            f("заклад", &["ка", "ки", "ок"]),
        ],
    ),
    (Unit::Ampoules, &[f("ampoule", EN), f("ampule", EN), f("ампул", &["а", "ы", ""])]),
];

/// Words between a number and its unit that multiply it.
const THOUSAND: &[Form] = &[f("thousand", BARE), f("тыс", BARE), f("тысяч", &["", "а", "и"])];
const MILLION: &[Form] = &[f("million", BARE), f("млн", BARE), f("миллион", &["", "а", "ов"])];

/// Words just before an amount that make it approximate.
const APPROXIMATE: &[&str] = &[
    "about",
    "around",
    "approximately",
    "over",
    "almost",
    "nearly",
    "roughly",
    "some",
    "up",
    "около",
    "более",
    "свыше",
    "почти",
    "порядка",
    "примерно",
    "до",
    "больше",
    "приблизительно",
    "than",
];

/// Words between an amount and the drug it is of (`3 kg of pure heroin`).
const OF: &[Form] =
    &[f("of", BARE), f("the", BARE), f("pure", BARE), f("raw", BARE), f("чист", RU_ADJ), f("сыр", RU_ADJ)];
/// Words between a drug and the amount that weighs it (`heroin weighing 3 kg`, `героин
/// общим весом 3 кг`).
const WEIGHING: &[Form] = &[
    f("weighing", BARE),
    f("weight", BARE),
    f("with", BARE),
    f("a", BARE),
    f("total", BARE),
    f("of", BARE),
    f("весом", BARE),
    f("масс", &["ой", "ы"]),
    f("общ", RU_ADJ),
    f("количеств", RU_N),
    // `кол-во` is one word: the words keep a hyphen between letters.
    f("кол-во", BARE),
    f("объем", RU_M),
    f("парти", &["я", "ю", "и", "ей"]),
    f("в", BARE),
    f("размере", BARE),
    f("in", BARE),
    f("the", BARE),
    f("amount", BARE),
    f("quantity", BARE),
    f("seized", BARE),
    f("изъят", &["", "о", "а", "ы"]),
    f("обнаружен", &["", "о", "а", "ы"]),
];

/// An amount of a drug in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub reading: Reading,
    /// The upper end of a range (`2–3 kg`).
    pub to: Option<f64>,
    pub unit: Unit,
    /// The drug's canonical id, when the text ties the amount to one.
    pub drug: Option<&'static str>,
    pub approximate: bool,
    /// Characters `start..end`: from the number (or the word making it approximate) to
    /// the unit.
    pub start: usize,
    pub end: usize,
}

/// The amounts in a text, given its words and the drugs named in it.
pub fn amounts(text: &[char], words: &[Word], drugs: &[Named]) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        if !text[at].is_ascii_digit() || at.checked_sub(1).is_some_and(|before| text[before].is_alphanumeric()) {
            at += 1;
            continue;
        }
        let Some(number) = number_at(text, at) else {
            // A date or a code (`15.08.2025`): past all of it.
            at = (at..text.len())
                .find(|&i| !(text[i].is_ascii_digit() || matches!(text[i], ',' | '.' | '/' | '-')))
                .unwrap_or(text.len());
            continue;
        };
        at = number.end;
        if let Some(amount) = amount_from(text, words, drugs, &number) {
            at = amount.end;
            out.push(amount);
        }
    }
    out
}

/// The index of the first word at or after character `at`.
fn word_from(words: &[Word], at: usize) -> usize {
    words.partition_point(|word| word.start < at)
}

fn is_unit(word: &str) -> Option<Unit> {
    UNITS.iter().find(|(_, forms)| forms.iter().any(|form| form.matches(word))).map(|&(unit, _)| unit)
}

fn amount_from(text: &[char], words: &[Word], drugs: &[Named], number: &Number) -> Option<Amount> {
    let mut reading = number.reading.clone();
    // The word after the number: a range's second number, a multiplier, then the unit.
    let mut next = word_from(words, number.end);
    let mut to = None;
    let between: String = text[number.end..words.get(next).map_or(number.end, |w| w.start)].iter().collect();
    let dash = matches!(between.trim(), "-" | "–" | "—");
    let worded = words.get(next).is_some_and(|w| w.text == "to" || w.text == "до");
    if dash || worded {
        let second = words.get(next + usize::from(worded))?;
        if let Some(high) = number_at(text, second.start) {
            to = Some(match high.reading {
                Reading::One(value) => value,
                Reading::Either(_, _) => return None,
            });
            next = word_from(words, high.end);
        }
    }
    let mut scale = 1.0;
    if let Some(word) = words.get(next) {
        if THOUSAND.iter().any(|form| form.matches(&word.text)) {
            scale = 1e3;
            next += 1;
        } else if MILLION.iter().any(|form| form.matches(&word.text)) {
            scale = 1e6;
            next += 1;
        }
    }
    let unit_word = words.get(next)?;
    // The unit follows the number closely (`3 kg`, `3кг`, `3 тыс. таблеток`).
    let gap: String = text[words.get(next - 1).filter(|_| scale != 1.0).map_or(number.end, |w| w.end)..unit_word.start]
        .iter()
        .collect();
    if gap.chars().any(|c| !(c.is_whitespace() || c == '.' || c == '-' || c == '–')) && to.is_none() {
        return None;
    }
    let unit = is_unit(&unit_word.text)?;
    // `в 2024 г.` is a year, not grams.
    if unit == Unit::G && unit_word.text == "г" {
        if let Reading::One(value) = reading {
            if (1900.0..=2100.0).contains(&value) && value.fract() == 0.0 {
                return None;
            }
        }
    }
    reading = reading.scaled(scale);
    let to = to.map(|value| value * scale);
    // A count has no fractions: of `1,200 tablets`'s two readings only 1,200 is one.
    if unit.counts() {
        if let Reading::Either(_, whole) = reading {
            reading = Reading::One(whole);
        }
    }
    let first_word = word_from(words, number.start);
    let approximate = first_word
        .checked_sub(1)
        .and_then(|before| words.get(before))
        .is_some_and(|word| APPROXIMATE.contains(&word.text.as_str()) && !(word.text == "до" && to.is_some()));
    let start = if approximate { words[first_word - 1].start } else { number.start };
    let drug = drug_of(words, drugs, first_word, next);
    Some(Amount { reading, to, unit, drug, approximate, start, end: unit_word.end })
}

/// The drug an amount is of: named right after its unit (`3 kg of heroin`, `3 кг героина`),
/// else named just before its number (`heroin weighing 3 kg`, `героин массой 3 кг`).
fn drug_of(words: &[Word], drugs: &[Named], number_word: usize, unit_word: usize) -> Option<&'static str> {
    let mut after = unit_word + 1;
    while after < words.len() && after <= unit_word + 3 && OF.iter().any(|form| form.matches(&words[after].text)) {
        after += 1;
    }
    if let Some(named) = drugs.iter().find(|named| named.first == after) {
        return Some(named.drug.id);
    }
    let before = drugs.iter().rev().find(|named| named.last < number_word)?;
    let gap = &words[before.last + 1..number_word];
    let weighs = gap.len() <= 4
        && gap.iter().all(|word| {
            WEIGHING.iter().any(|form| form.matches(&word.text)) || APPROXIMATE.contains(&word.text.as_str())
        });
    weighs.then_some(before.drug.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drugs::named;
    use crate::words::words;

    /// Reading, range end, unit, drug, approximate.
    type Found = (Reading, Option<f64>, Unit, Option<&'static str>, bool);

    fn found(text: &str) -> Vec<Found> {
        let chars: Vec<char> = text.chars().collect();
        let words = words(text);
        let drugs = named(&words, &chars);
        amounts(&chars, &words, &drugs).into_iter().map(|a| (a.reading, a.to, a.unit, a.drug, a.approximate)).collect()
    }

    use Reading::One;

    #[test]
    fn several_drugs_and_amounts_in_one_sentence() {
        assert_eq!(
            found("Officers seized 12 kg of heroin and 3.5 kg of hashish."),
            [(One(12.0), None, Unit::Kg, Some("heroin"), false), (One(3.5), None, Unit::Kg, Some("hashish"), false)]
        );
        assert_eq!(
            found("Изъято 2,5 кг героина, 800 граммов гашиша и 1 200 таблеток трамадола."),
            [
                (One(2.5), None, Unit::Kg, Some("heroin"), false),
                (One(800.0), None, Unit::G, Some("hashish"), false),
                (One(1200.0), None, Unit::Tablets, Some("tramadol"), false)
            ]
        );
    }

    #[test]
    fn the_drug_may_come_first() {
        assert_eq!(found("героин общим весом более 3 кг"), [(One(3.0), None, Unit::Kg, Some("heroin"), true)]);
        assert_eq!(found("hashish weighing about 700 grams"), [(One(700.0), None, Unit::G, Some("hashish"), true)]);
        assert_eq!(found("over 200 kg of drugs"), [(One(200.0), None, Unit::Kg, None, true)]);
    }

    #[test]
    fn ranges_multipliers_and_ambiguity() {
        assert_eq!(found("от 2 до 3 кг марихуаны"), [(One(2.0), Some(3.0), Unit::Kg, Some("cannabis"), false)]);
        assert_eq!(found("2–3 kg of opium"), [(One(2.0), Some(3.0), Unit::Kg, Some("opium"), false)]);
        assert_eq!(found("1,5 млн таблеток"), [(One(1_500_000.0), None, Unit::Tablets, None, false)]);
        assert_eq!(
            found("5,065 kg of heroin"),
            [(Reading::Either(5.065, 5065.0), None, Unit::Kg, Some("heroin"), false)]
        );
        assert_eq!(found("1,200 tablets"), [(One(1200.0), None, Unit::Tablets, None, false)]);
    }

    #[test]
    fn numbers_that_are_not_amounts() {
        assert!(
            found("В 2024 г. по статье 228 осуждены 15 человек на 8 лет; штраф 5,000 тенге; 15.08.2025 г.").is_empty()
        );
        assert!(found("3 laboratories, in 2024, 10 years in prison").is_empty());
    }
}
