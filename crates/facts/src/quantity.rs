//! Amounts of drugs: a number, a unit and, when the sentence says, the drug.

use crate::drugs::{self, Named};
use crate::number::{self, number_at, Number, Reading};
use crate::words::endings::{BARE, EN, RU_ADJ, RU_M, RU_M_VELAR, RU_N};
use crate::words::{ends_clause, ends_sentence, Form, Word};
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
    /// Every unit, in the order readers list them.
    pub const ALL: [Unit; 11] = [
        Unit::Kg,
        Unit::G,
        Unit::T,
        Unit::L,
        Unit::Ml,
        Unit::Tablets,
        Unit::Capsules,
        Unit::Doses,
        Unit::Ampoules,
        Unit::Packets,
        Unit::Plants,
    ];

    /// The unit's id, as bundles write it (`kg`, `tablets`).
    pub fn id(self) -> &'static str {
        match self {
            Unit::G => "g",
            Unit::Kg => "kg",
            Unit::T => "t",
            Unit::Ml => "ml",
            Unit::L => "l",
            Unit::Tablets => "tablets",
            Unit::Capsules => "capsules",
            Unit::Doses => "doses",
            Unit::Plants => "plants",
            Unit::Packets => "packets",
            Unit::Ampoules => "ampoules",
        }
    }

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
            f("пакет", RU_M),
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

/// Words between an amount and the drug it is of (`3 kg of pure heroin`, `120 kg of
/// crystal methamphetamine`, `2 кг высушенной марихуаны`).
const OF: &[Form] = &[
    f("of", BARE),
    f("the", BARE),
    f("pure", BARE),
    f("raw", BARE),
    f("crystal", BARE),
    f("crystalline", BARE),
    f("dried", BARE),
    f("liquid", BARE),
    f("other", BARE),
    f("чист", RU_ADJ),
    f("друг", RU_ADJ),
    f("проч", RU_ADJ),
    f("сыр", RU_ADJ),
    f("кристаллическ", RU_ADJ),
    f("высушенн", RU_ADJ),
    f("сушен", RU_ADJ),
    f("жидк", RU_ADJ),
];
/// Words between a count of packets or tablets and what they hold (`12 bags with heroin`,
/// `в 6 пакетах находится гашиш`).
const HOLDING: &[Form] = &[
    f("with", BARE),
    f("containing", BARE),
    f("contained", BARE),
    f("с", BARE),
    f("со", BARE),
    f("содерж", &["ащих", "ащие", "ащими", "ится", "атся", "ался", "алось", "ались"]),
    f("находи", &["тся", "лся", "лось", "лись", "лась"]),
];
/// Words between a number and a count unit that tell what the unit is made of or its
/// size (`36 plastic packets`, `12 полиэтиленовых свёртков`).
const PACKAGING: &[Form] = &[
    f("plastic", BARE),
    f("polyethylene", BARE),
    f("cellophane", BARE),
    f("paper", BARE),
    f("foil", BARE),
    f("vacuum", BARE),
    f("small", BARE),
    f("large", BARE),
    f("полиэтиленов", RU_ADJ),
    f("целлофанов", RU_ADJ),
    f("бумажн", RU_ADJ),
    f("вакуумн", RU_ADJ),
    f("пластиков", RU_ADJ),
    f("полимерн", RU_ADJ),
    f("небольш", RU_ADJ),
    f("мелк", RU_ADJ),
    f("крупн", RU_ADJ),
];
/// Words between a drug and the amount that weighs it (`heroin weighing 3 kg`, `героин
/// общим весом 3 кг`, `the weight of the hashish is from 3 to 3.5 kg`).
const WEIGHING: &[Form] = &[
    f("weighing", BARE),
    f("weighed", BARE),
    f("weight", BARE),
    f("with", BARE),
    f("a", BARE),
    f("total", BARE),
    f("of", BARE),
    f("is", BARE),
    f("was", BARE),
    f("were", BARE),
    f("from", BARE),
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
    f("состав", &["ил", "ила", "ило", "или", "ляет", "ляют", "лял", "ляла", "ляло", "ляли"]),
    f("от", BARE),
    f("in", BARE),
    f("the", BARE),
    f("amount", BARE),
    f("quantity", BARE),
    f("seized", BARE),
    f("изъят", &["", "о", "а", "ы"]),
    f("обнаружен", &["", "о", "а", "ы"]),
];
/// The nouns of a relative clause that weighs the drug before it (`hashish, the weight of
/// which is 2 tons`, `марихуана, вес которой составляет 3 кг`).
const WEIGHT: &[Form] =
    &[f("weight", BARE), f("mass", BARE), f("volume", BARE), f("вес", BARE), f("масс", &["а"]), f("объем", BARE)];
const WHICH: &[Form] = &[f("котор", &["ого", "ой", "ых"])];
/// The words before `in`, `for` (`в`, `для`) that put an amount of packets or doses into
/// the amount before it (`3 kg of heroin packed in 36 packets`, `1 кг героина,
/// расфасованного в 230 свёртков`, `enough for 2500 doses`).
const PACKED: &[Form] = &[
    f("packed", BARE),
    f("packaged", BARE),
    f("wrapped", BARE),
    f("divided", BARE),
    f("enough", BARE),
    f("sufficient", BARE),
    f("расфасован", &["", "о", "а", "ы"]),
    f("расфасованн", RU_ADJ),
    f("упакован", &["", "о", "а", "ы"]),
    f("упакованн", RU_ADJ),
    f("достаточн", &["о", "ого", "ый", "ое"]),
];
const INTO: &[&str] = &["in", "into", "for", "в", "по", "для", "на"];
/// Words before an amount that make it more of what was just weighed (`another 120 g`,
/// `ещё 9,3 кг обнаружено`).
const ANOTHER: &[&str] = &["another", "further", "еще"];
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

/// An amount as read, before the amounts around it are known.
struct Candidate {
    amount: Amount,
    /// The amount's first and last word.
    first: usize,
    last: usize,
    /// The text says it is of drugs, though it may not name one.
    of_drugs: bool,
    /// It is of the drug of the amount before it.
    link: Option<Link>,
}

#[derive(Clone, Copy, PartialEq)]
enum Link {
    /// Packed into, or enough for: the amount just before, in the sentence.
    Packed,
    /// Another amount of what was just weighed, in the paragraph.
    Another,
}

/// The amounts of drugs in a text, given its words and the drugs named in it. A weight or
/// volume that names no drug and does not say it is of drugs (`20 tons of watermelons`,
/// `the container weighed 22 tons`) is left out.
pub fn amounts(text: &[char], words: &[Word], drugs: &[Named]) -> Vec<Amount> {
    let mut found: Vec<Candidate> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        if !text[at].is_ascii_digit()
            || at.checked_sub(1).is_some_and(|before| crate::words::is_word_char(text[before]))
        {
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
        if let Some(mut amount) = amount_from(text, words, drugs, &number) {
            at = amount.amount.end;
            if let (None, Some(link)) = (amount.amount.drug, amount.link) {
                let before = found.last().filter(|before| {
                    link == Link::Another
                        || !(before.last..amount.first).any(|at| ends_sentence(text, &words[at], &words[at + 1]))
                });
                if let Some(before) = before {
                    amount.amount.drug = before.amount.drug;
                    amount.of_drugs |= before.of_drugs;
                }
            }
            found.push(amount);
        }
    }
    found.into_iter().filter(|found| found.of_drugs || found.amount.unit.counts()).map(|found| found.amount).collect()
}

/// The index of the first word at or after character `at`.
fn word_from(words: &[Word], at: usize) -> usize {
    words.partition_point(|word| word.start < at)
}

pub(crate) fn is_unit(word: &str) -> Option<Unit> {
    UNITS.iter().find(|(_, forms)| forms.iter().any(|form| form.matches(word))).map(|&(unit, _)| unit)
}

fn is(forms: &[Form], word: &Word) -> bool {
    forms.iter().any(|form| form.matches(&word.text))
}

fn amount_from(text: &[char], words: &[Word], drugs: &[Named], number: &Number) -> Option<Candidate> {
    let mut reading = number.reading.clone();
    // The word the number is in: it may sit inside a word the tokenizer joined (`0-0t`).
    let first_word = words.partition_point(|word| word.end <= number.start);
    // A unit printed onto the number (`2kg`, `850g`, `3кг`) is the rest of its last word.
    let last_word = word_from(words, number.end).checked_sub(1)?;
    if first_word >= words.len() || last_word < first_word {
        return None;
    }
    let (unit, unit_word, scale, to, attributive) = if words[last_word].end > number.end {
        let rest: String = text[number.end..words[last_word].end].iter().flat_map(|c| c.to_lowercase()).collect();
        (is_unit(&rest)?, last_word, 1.0, None, None)
    } else {
        unit_after(text, words, drugs, number)?
    };
    // `в 2024 г.` is a year, not grams.
    if unit == Unit::G && words[unit_word].text == "г" {
        if let Reading::One(value) = reading {
            if (1900.0..=2100.0).contains(&value) && value.fract() == 0.0 {
                return None;
            }
        }
    }
    reading = reading.scaled(scale);
    let to = to.map(|value| number::scale(value, scale));
    // A count has no fractions: of `1,200 tablets`'s two readings only 1,200 is one.
    if unit.counts() {
        if let Reading::Either(_, whole) = reading {
            reading = Reading::One(whole);
        }
    }
    // The words before the number that make it approximate: `about`, `более`, `up to`,
    // `more than` (not `до` ending a range).
    let word_before =
        |at: usize, texts: &[&str]| at.checked_sub(1).filter(|&before| texts.contains(&words[before].text.as_str()));
    let mut first = first_word;
    let mut approximate = false;
    if let Some(before) = word_before(first, APPROXIMATE).filter(|&at| !(words[at].text == "до" && to.is_some())) {
        approximate = true;
        first = before;
        if let Some(earlier) = word_before(first, &["more", "less"]).filter(|_| words[first].text == "than") {
            first = earlier;
        }
    } else if let Some(up) = word_before(first, &["to"]).and_then(|word| word_before(word, &["up"])) {
        approximate = true;
        first = up;
    }
    let drug = attributive.or_else(|| drug_of(text, words, drugs, first_word, unit_word, unit));
    // What the amount is of, when no drug is named: a word for drugs after the unit, or
    // the amount before it.
    let of_drugs = drug.is_some() || says_drugs(text, words, unit_word);
    let link = if drug.is_some() {
        None
    } else if word_before(first, INTO).and_then(|into| into.checked_sub(1)).is_some_and(|at| is(PACKED, &words[at])) {
        Some(Link::Packed)
    } else if word_before(first, ANOTHER).is_some() {
        Some(Link::Another)
    } else {
        None
    };
    let start = words[first].start.min(number.start);
    let amount = Amount { reading, to, unit, drug, approximate, start, end: words[unit_word].end };
    Some(Candidate { amount, first, last: unit_word, of_drugs, link })
}

/// The unit after a number printed apart from it: the unit, its word, the multiplier, the
/// upper end of a range and a drug named between the number and a count unit (`350
/// cannabis bushes`).
type UnitAfter = (Unit, usize, f64, Option<f64>, Option<&'static str>);

fn unit_after(text: &[char], words: &[Word], drugs: &[Named], number: &Number) -> Option<UnitAfter> {
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
    // The unit follows the number closely (`3 kg`, `3 тыс. таблеток`).
    let unit_word = words.get(next)?;
    let gap: String = text[words.get(next - 1).filter(|_| scale != 1.0).map_or(number.end, |w| w.end)..unit_word.start]
        .iter()
        .collect();
    if gap.chars().any(|c| !(c.is_whitespace() || c == '.' || c == '-' || c == '–')) && to.is_none() {
        return None;
    }
    // Between a number and a count unit may stand a drug or what the unit is made of (`340
    // methadone tablets`, `36 small plastic bags`), a word or two, spaces only between.
    let mut attributive = None;
    let mut unit_at = next;
    while unit_at < words.len() && unit_at < next + 3 && is_unit(&words[unit_at].text).is_none() {
        let named = drugs.iter().find(|named| named.first == unit_at && attributive.is_none());
        match named {
            Some(named) => {
                attributive = Some(named.drug.id);
                unit_at = named.last + 1;
            }
            None if is(PACKAGING, &words[unit_at]) => unit_at += 1,
            None => return None,
        }
    }
    let spaced = (next..unit_at.min(words.len() - 1))
        .all(|at| text[words[at].end..words[at + 1].start].iter().all(|c| c.is_whitespace()));
    let unit = is_unit(&words.get(unit_at)?.text)?;
    if unit_at > next && !(unit.counts() && spaced) {
        return None;
    }
    Some((unit, unit_at, scale, to, attributive))
}

/// The drug an amount is of: named right after its unit in the same clause (`3 kg of
/// heroin`, `3 кг героина`, `6 bags with hashish`), else named before its number, in the
/// same sentence, with only words of weighing between (`heroin weighing 3 kg`, `героин
/// массой 3 кг`) or a relative clause of its weight (`hashish, the weight of which is
/// estimated at 2 tons`).
fn drug_of(
    text: &[char],
    words: &[Word],
    drugs: &[Named],
    number_word: usize,
    unit_word: usize,
    unit: Unit,
) -> Option<&'static str> {
    let mut after = unit_word + 1;
    while after < words.len()
        && after <= unit_word + 3
        && (is(OF, &words[after]) || (unit.counts() && is(HOLDING, &words[after])))
    {
        after += 1;
    }
    let same_clause = |from: usize, to: usize| (from..to).all(|at| !ends_clause(text, &words[at], &words[at + 1]));
    if let Some(named) = drugs.iter().find(|named| named.first == after) {
        if same_clause(unit_word, after) {
            return Some(named.drug.id);
        }
    }
    let before = drugs.iter().rev().find(|named| named.last < number_word)?;
    if (before.last..number_word).any(|at| ends_sentence(text, &words[at], &words[at + 1])) {
        return None;
    }
    let gap = &words[before.last + 1..number_word];
    let weighs =
        gap.len() <= 6 && gap.iter().all(|word| is(WEIGHING, word) || APPROXIMATE.contains(&word.text.as_str()));
    (weighs || weighed_by_clause(words, before.last + 1)).then_some(before.drug.id)
}

/// Whether the words from `at` open a relative clause of weight: `the weight of which`,
/// `вес которого`, `общая масса которых`.
fn weighed_by_clause(words: &[Word], at: usize) -> bool {
    let mut at = at;
    while words.get(at).is_some_and(|word| word.text == "the" || word.text == "total" || word.text.starts_with("общ"))
    {
        at += 1;
    }
    let noun = words.get(at).is_some_and(|word| is(WEIGHT, word));
    let which = words.get(at + 1).is_some_and(|word| is(WHICH, word))
        || (words.get(at + 1).is_some_and(|word| word.text == "of")
            && words.get(at + 2).is_some_and(|word| word.text == "which"));
    noun && which
}

/// Whether words just after a unit say the amount is of drugs without naming one (`of
/// narcotic drugs`, `готового наркотика`, `of a drug-containing liquid`), in its clause.
fn says_drugs(text: &[char], words: &[Word], unit_word: usize) -> bool {
    (unit_word + 1..words.len().min(unit_word + 4))
        .take_while(|&at| !ends_clause(text, &words[at - 1], &words[at]))
        .any(|at| drugs::in_general(&words[at].text))
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
    fn a_unit_printed_onto_its_number() {
        assert_eq!(
            found("a bag with 3kg of hashish and 1.5kg of opium, 250g of heroin"),
            [
                (One(3.0), None, Unit::Kg, Some("hashish"), false),
                (One(1.5), None, Unit::Kg, Some("opium"), false),
                (One(250.0), None, Unit::G, Some("heroin"), false)
            ]
        );
        assert_eq!(found("изъято 700г героина"), [(One(700.0), None, Unit::G, Some("heroin"), false)]);
        assert!(found("a 20-year-old man, 5th floor").is_empty());
    }

    #[test]
    fn a_drug_or_a_material_between_a_number_and_a_count() {
        assert_eq!(
            found("Police found 120 methadone tablets, 15 small plastic bags of cocaine and 40 poppy plants."),
            [
                (One(120.0), None, Unit::Tablets, Some("methadone"), false),
                (One(15.0), None, Unit::Packets, Some("cocaine"), false),
                (One(40.0), None, Unit::Plants, Some("poppy"), false)
            ]
        );
        assert_eq!(
            found("12 полиэтиленовых свёртков с героином"),
            [(One(12.0), None, Unit::Packets, Some("heroin"), false)]
        );
        // Only a count: `5 heroin kg` is not English, and `3 big men` no amount.
        assert!(found("5 heroin kg; 3 big men").is_empty());
    }

    #[test]
    fn what_a_count_of_packets_holds() {
        assert_eq!(
            found("в 8 пакетах находился гашиш, в 3 пакетах с мефедроном"),
            [
                (One(8.0), None, Unit::Packets, Some("hashish"), false),
                (One(3.0), None, Unit::Packets, Some("mephedrone"), false)
            ]
        );
        assert_eq!(found("40 bags containing heroin"), [(One(40.0), None, Unit::Packets, Some("heroin"), false)]);
    }

    #[test]
    fn a_drug_named_after_a_comma_belongs_to_the_next_amount() {
        assert_eq!(
            found("Общий вес кокаина составил 4,5 кг, героина – 2 кг."),
            [(One(4.5), None, Unit::Kg, Some("cocaine"), false), (One(2.0), None, Unit::Kg, Some("heroin"), false)]
        );
        assert_eq!(
            found("Cocaine weighing 2 kg, hashish weighing 300 g and 12 grams of other precursors"),
            [
                (One(2.0), None, Unit::Kg, Some("cocaine"), false),
                (One(300.0), None, Unit::G, Some("hashish"), false),
                (One(12.0), None, Unit::G, Some("precursors"), false)
            ]
        );
    }

    #[test]
    fn the_drug_before_is_in_the_same_sentence() {
        assert_eq!(
            found("The total weight of the opium was 7.2 kg. In 2023, 5 kg were seized."),
            [(One(7.2), None, Unit::Kg, Some("opium"), false)]
        );
        assert_eq!(
            found("Изъят героин. 3 кг наркотиков обнаружено в машине."),
            [(One(3.0), None, Unit::Kg, None, false)]
        );
    }

    #[test]
    fn a_relative_clause_of_weight() {
        assert_eq!(
            found("They found opium, the weight of which is estimated at 1,5–2 tons, and 40 kg of heroin."),
            [(One(1.5), Some(2.0), Unit::T, Some("opium"), false), (One(40.0), None, Unit::Kg, Some("heroin"), false)]
        );
        assert_eq!(
            found("обнаружен гашиш, общий вес которого, по данным экспертизы, составляет около 900 граммов"),
            [(One(900.0), None, Unit::G, Some("hashish"), true)]
        );
    }

    #[test]
    fn packets_and_doses_of_the_amount_before() {
        assert_eq!(
            found("5.2 kg of cocaine packed in 40 bags and 2 kg of heroin, enough for about 10,000 doses."),
            [
                (One(5.2), None, Unit::Kg, Some("cocaine"), false),
                (One(40.0), None, Unit::Packets, Some("cocaine"), false),
                (One(2.0), None, Unit::Kg, Some("heroin"), false),
                (One(10_000.0), None, Unit::Doses, Some("heroin"), true)
            ]
        );
        assert_eq!(
            found("изъято около 600 граммов гашиша, расфасованного в 120 свёртков"),
            [
                (One(600.0), None, Unit::G, Some("hashish"), true),
                (One(120.0), None, Unit::Packets, Some("hashish"), false)
            ]
        );
        // Packets that are not said to hold the amount before are of no drug.
        assert_eq!(
            found("2 kg of opium and 30 packets ready for sale"),
            [(One(2.0), None, Unit::Kg, Some("opium"), false), (One(30.0), None, Unit::Packets, None, false)]
        );
    }

    #[test]
    fn another_amount_of_what_was_just_weighed() {
        assert_eq!(
            found("В машине изъято 12 кг героина. Ещё 1 200 граммов обнаружено дома."),
            [(One(12.0), None, Unit::Kg, Some("heroin"), false), (One(1200.0), None, Unit::G, Some("heroin"), false)]
        );
    }

    #[test]
    fn up_to_and_more_than_are_approximate() {
        assert_eq!(found("up to 40 kg of cocaine a month"), [(One(40.0), None, Unit::Kg, Some("cocaine"), true)]);
        assert_eq!(found("more than 3 tons of hashish"), [(One(3.0), None, Unit::T, Some("hashish"), true)]);
        let text = "more than 3 tons of hashish";
        let chars: Vec<char> = text.chars().collect();
        let words = words(text);
        assert_eq!(amounts(&chars, &words, &named(&words, &chars))[0].start, 0);
    }

    #[test]
    fn weights_of_things_that_are_not_drugs_are_left_out() {
        assert_eq!(
            found("A truck carrying 20 tons of melons; 4 kg of heroin were hidden in it. The truck weighed 24 tons."),
            [(One(4.0), None, Unit::Kg, Some("heroin"), false)]
        );
        assert_eq!(
            found("изъято 30 кг наркотических средств, 5 литров раствора, 25 тонн угля и бак объёмом 200 литров"),
            [(One(30.0), None, Unit::Kg, None, false), (One(5.0), None, Unit::L, None, false)]
        );
        assert_eq!(found("about 2 kg of a drug-containing powder"), [(One(2.0), None, Unit::Kg, None, true)]);
    }

    #[test]
    fn numbers_that_are_not_amounts() {
        assert!(
            found("В 2024 г. по статье 228 осуждены 15 человек на 8 лет; штраф 5,000 тенге; 15.08.2025 г.").is_empty()
        );
        assert!(found("3 laboratories, in 2024, 10 years in prison").is_empty());
    }
}
