//! The drugs the releases name, each under one canonical id, with its English and Russian
//! names and the forms it is printed in. One table: a new drug or spelling is one line.

use crate::words::endings::{BARE, EN, RU_ADJ, RU_F, RU_F_SOFT, RU_F_VELAR, RU_M, RU_M_SOFT, RU_M_VELAR, RU_N};
use crate::words::{Form, Word};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A drug of the table.
#[derive(Debug)]
pub struct Drug {
    /// The canonical id, in bundles and filters (`heroin`).
    pub id: &'static str,
    pub en: &'static str,
    pub ru: &'static str,
    /// The phrases that name it: each a run of word forms.
    pub phrases: &'static [&'static [Form]],
}

const fn f(stem: &'static str, endings: &'static [&'static str]) -> Form {
    Form { stem, endings }
}

/// Every drug the extractor knows.
pub static DRUGS: &[Drug] = &[
    Drug {
        id: "heroin", en: "heroin", ru: "героин", phrases: &[&[f("heroin", BARE)], &[f("героин", RU_M)]]
    },
    Drug {
        id: "hashish",
        en: "hashish",
        ru: "гашиш",
        phrases: &[
            &[f("hashish", BARE)],
            &[f("hash", BARE)],
            &[f("charas", BARE)],
            &[f("гашиш", RU_M_SOFT)],
            // Hashish oil: гашишное масло, гашишного масла.
            &[f("гашишн", RU_ADJ), f("масл", &["о", "а", "у", "ом", "е"])],
            &[f("чарс", RU_M)],
        ],
    },
    Drug {
        id: "cannabis",
        en: "cannabis (marijuana)",
        ru: "каннабис (марихуана)",
        phrases: &[
            &[f("marijuana", BARE)],
            &[f("marihuana", BARE)],
            &[f("cannabis", BARE)],
            // Hemp is cannabis (конопля). Not “ganja”: in these releases Ganja is
            // Azerbaijan's second city far more often than the slang word.
            &[f("hemp", BARE)],
            &[f("марихуан", RU_F)],
            &[f("каннабис", RU_M)],
            &[f("конопл", RU_F_SOFT)],
        ],
    },
    Drug {
        id: "opium",
        en: "opium",
        ru: "опий",
        phrases: &[&[f("opium", BARE)], &[f("опи", &["й", "я", "ю", "ем", "и"])], &[f("опиум", RU_M)]],
    },
    Drug {
        id: "poppy",
        en: "opium poppy",
        ru: "мак",
        phrases: &[
            &[f("poppy", &["", "ies"])],
            // The opium poppy is the plant, not opium.
            &[f("opium", BARE), f("poppy", &["", "ies"])],
            &[f("мак", RU_M_VELAR)],
            &[f("опийн", RU_ADJ), f("мак", RU_M_VELAR)],
            &[f("маков", RU_ADJ), f("солом", RU_F)],
        ],
    },
    Drug {
        id: "cocaine", en: "cocaine", ru: "кокаин", phrases: &[&[f("cocaine", BARE)], &[f("кокаин", RU_M)]]
    },
    Drug {
        id: "methamphetamine",
        en: "methamphetamine",
        ru: "метамфетамин",
        phrases: &[
            &[f("methamphetamine", BARE)],
            &[f("meth", BARE)],
            &[f("метамфетамин", RU_M)],
            &[f("первитин", RU_M)],
        ],
    },
    Drug {
        id: "amphetamine",
        en: "amphetamine",
        ru: "амфетамин",
        phrases: &[&[f("amphetamine", EN)], &[f("амфетамин", RU_M)]],
    },
    Drug {
        id: "mephedrone",
        en: "mephedrone",
        ru: "мефедрон",
        phrases: &[&[f("mephedrone", BARE)], &[f("мефедрон", RU_M)]],
    },
    Drug {
        id: "alpha-pvp",
        en: "α-PVP (“salt”)",
        ru: "α-PVP («соль»)",
        phrases: &[
            &[f("α-pvp", BARE)],
            &[f("alpha-pvp", BARE)],
            &[f("a-pvp", BARE)],
            &[f("альфа-pvp", BARE)],
            &[f("pvp", BARE)],
        ],
    },
    Drug {
        id: "mdma",
        en: "MDMA (ecstasy)",
        ru: "МДМА (экстази)",
        phrases: &[&[f("mdma", BARE)], &[f("ecstasy", BARE)], &[f("мдма", BARE)], &[f("экстази", BARE)]],
    },
    Drug { id: "lsd", en: "LSD", ru: "ЛСД", phrases: &[&[f("lsd", BARE)], &[f("лсд", BARE)]] },
    Drug {
        id: "synthetic-drugs",
        en: "synthetic drugs",
        ru: "синтетические наркотики",
        phrases: &[
            &[f("synthetic", BARE), f("drug", EN)],
            &[f("synthetic", BARE), f("narcotic", EN)],
            &[f("synthetics", BARE)],
            &[f("синтетическ", RU_ADJ), f("наркотик", RU_M_VELAR)],
            &[f("синтетическ", RU_ADJ), f("наркотическ", RU_ADJ), f("средств", RU_N)],
            &[f("синтетик", RU_F_VELAR)],
        ],
    },
    Drug {
        id: "psychotropic-substances",
        en: "psychotropic substances",
        ru: "психотропные вещества",
        phrases: &[&[f("psychotropic", BARE), f("substance", EN)], &[f("психотропн", RU_ADJ), f("веществ", RU_N)]],
    },
    Drug {
        id: "methadone",
        en: "methadone",
        ru: "метадон",
        phrases: &[&[f("methadone", BARE)], &[f("метадон", RU_M)]],
    },
    Drug {
        id: "tramadol", en: "tramadol", ru: "трамадол", phrases: &[&[f("tramadol", BARE)], &[f("трамадол", RU_M)]]
    },
    Drug {
        id: "pregabalin",
        en: "pregabalin (Lyrica)",
        ru: "прегабалин (лирика)",
        phrases: &[&[f("pregabalin", BARE)], &[f("lyrica", BARE)], &[f("прегабалин", RU_M)], &[f("лирик", RU_F_VELAR)]],
    },
    Drug {
        id: "codeine", en: "codeine", ru: "кодеин", phrases: &[&[f("codeine", BARE)], &[f("кодеин", RU_M)]]
    },
    Drug {
        id: "precursors",
        en: "precursors",
        ru: "прекурсоры",
        phrases: &[
            &[f("precursor", EN)],
            &[f("acetic", BARE), f("anhydride", BARE)],
            &[f("прекурсор", RU_M)],
            &[f("уксусн", RU_ADJ), f("ангидрид", RU_M)],
        ],
    },
];

/// The word beginnings that speak of drugs without naming one (`16 tons of drugs`, `3 кг
/// наркотических средств`, `18 литров раствора`, `a drug-containing liquid`).
const IN_GENERAL: &[&str] = &[
    "drug",
    "narcotic",
    "substance",
    "psychotropic",
    "psychoactive",
    "solution",
    "наркот",
    "вещест",
    "психотроп",
    "психоактив",
    "раствор",
    "жидкост",
];

/// Whether a word speaks of drugs in general.
pub fn in_general(word: &str) -> bool {
    IN_GENERAL.iter().any(|stem| word.starts_with(stem))
}

/// “Salt” names α-PVP only in quotes (`“salt”`, `«соль»`): elsewhere it is salt.
const SALT: &[Form] = &[f("salt", EN), f("сол", &["ь", "и", "ью", "ей", "ям", "ями", "ях"])];

/// A drug named in a text: which, and its words (`first..=last` of the text's words).
#[derive(Debug, Clone, Copy)]
pub struct Named {
    pub drug: &'static Drug,
    pub first: usize,
    pub last: usize,
}

/// The drugs the words name, in order. `text` is the words' text, for the quotes around
/// “salt”. Where phrases of several drugs start at a word, the longest names it
/// (“opium poppy” is the poppy, not opium).
/// A phrase of the table, with its drug.
type Phrase = (&'static Drug, &'static [Form]);

/// The table's phrases by the first letter of their first word, in table order: a word is
/// tried against the few phrases that can start with it.
fn phrases_by_letter() -> &'static HashMap<char, Vec<Phrase>> {
    static PHRASES_BY_LETTER: OnceLock<HashMap<char, Vec<Phrase>>> = OnceLock::new();
    PHRASES_BY_LETTER.get_or_init(|| {
        let mut by_letter: HashMap<char, Vec<Phrase>> = HashMap::new();
        for drug in DRUGS {
            for &phrase in drug.phrases {
                if let Some(letter) = phrase.first().and_then(|form| form.stem.chars().next()) {
                    by_letter.entry(letter).or_default().push((drug, phrase));
                }
            }
        }
        by_letter
    })
}

pub fn named(words: &[Word], text: &[char]) -> Vec<Named> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let mut longest: Option<(&'static Drug, usize)> = None;
        let letter = words[at].text.chars().next();
        for &(drug, phrase) in letter.and_then(|letter| phrases_by_letter().get(&letter)).into_iter().flatten() {
            let fits = phrase.len() <= words.len() - at
                && phrase.iter().zip(&words[at..]).all(|(form, word)| form.matches(&word.text));
            // Between phrases of one length, the first in the table.
            if fits && longest.is_none_or(|(_, len)| phrase.len() > len) {
                longest = Some((drug, phrase.len()));
            }
        }
        if let Some((drug, len)) = longest {
            out.push(Named { drug, first: at, last: at + len - 1 });
            at += len;
            continue;
        }
        let word = &words[at];
        if SALT.iter().any(|form| form.matches(&word.text)) && quoted(text, word.start, word.end) {
            let drug = DRUGS.iter().find(|drug| drug.id == "alpha-pvp").expect("α-PVP is in the table");
            out.push(Named { drug, first: at, last: at });
        }
        at += 1;
    }
    out
}

fn quoted(text: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|at| text.get(at)).copied();
    let after = text.get(end).copied();
    matches!(before, Some('"' | '«' | '“' | '\'' | '„')) && matches!(after, Some('"' | '»' | '”' | '\'' | '“'))
}

/// A drug by its canonical id.
pub fn by_id(id: &str) -> Option<&'static Drug> {
    DRUGS.iter().find(|drug| drug.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    fn ids(text: &str) -> Vec<&'static str> {
        let chars: Vec<char> = text.chars().collect();
        named(&words(text), &chars).iter().map(|named| named.drug.id).collect()
    }

    #[test]
    fn drugs_are_found_in_any_case_and_form() {
        assert_eq!(ids("Изъято 2 кг героина и 500 г ГАШИША, а также марихуаной"), ["heroin", "hashish", "cannabis"]);
        assert_eq!(
            ids("12 kg of heroin, methamphetamine and amphetamines"),
            ["heroin", "methamphetamine", "amphetamine"]
        );
        assert_eq!(
            ids("синтетических наркотиков и психотропных веществ"),
            ["synthetic-drugs", "psychotropic-substances"]
        );
        assert_eq!(ids("маковой соломы; опия; уксусного ангидрида"), ["poppy", "opium", "precursors"]);
        // After a velar the ending is `и`: «Лирики», синтетические наркотики, «синтетики».
        assert_eq!(
            ids("540 капсул «Лирики», синтетические наркотики и «синтетики», дикие маки"),
            ["pregabalin", "synthetic-drugs", "synthetic-drugs", "poppy"]
        );
    }

    #[test]
    fn the_longest_phrase_names_the_drug() {
        assert_eq!(ids("He grew opium poppy and sold opium"), ["poppy", "opium"]);
        assert_eq!(ids("посевы опийного мака, 2 кг опия и гашишное масло"), ["poppy", "opium", "hashish"]);
        assert_eq!(ids("wild-growing hemp and 3 litres of hashish oil"), ["cannabis", "hashish"]);
    }

    #[test]
    fn a_city_is_not_a_drug() {
        assert_eq!(ids("Police of Ganja seized heroin"), ["heroin"]);
    }

    #[test]
    fn salt_is_a_drug_only_in_quotes() {
        assert_eq!(ids("«соль» массой 3 г"), ["alpha-pvp"]);
        assert_eq!(ids("упаковки с «солями», торговля «солью»"), ["alpha-pvp", "alpha-pvp"]);
        assert_eq!(ids("the drug known as “salt”"), ["alpha-pvp"]);
        assert_eq!(ids("поваренная соль; salt and pepper"), Vec::<&str>::new());
    }

    #[test]
    fn words_that_only_begin_like_a_drug_are_not_one() {
        assert_eq!(ids("героиня, описание, макет, Lyricall, hashtag"), Vec::<&str>::new());
    }

    #[test]
    fn words_for_drugs_in_general() {
        let found = words(
            "3 кг наркотических средств, drug-containing liquid, narcotics, психотропные вещества, героин, sugar",
        );
        let general: Vec<&str> =
            found.iter().filter(|word| in_general(&word.text)).map(|word| word.text.as_str()).collect();
        assert_eq!(general, ["наркотических", "drug-containing", "narcotics", "психотропные", "вещества"]);
    }

    #[test]
    fn every_id_is_once_in_the_table() {
        for (at, drug) in DRUGS.iter().enumerate() {
            assert!(DRUGS[at + 1..].iter().all(|other| other.id != drug.id), "{}", drug.id);
            assert!(by_id(drug.id).is_some());
        }
    }
}
