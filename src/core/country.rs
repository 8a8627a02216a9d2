//! Countries: the one table of codes and names, and recognition of the ways a release
//! prints them ("REPUBLIC OF KAZAKHSTAN", "Kyrgyzstan", "KYRGYZ PEPUBLIC").

use crate::core::text::{edit_distance, match_key};

/// A country a release may have a section for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// Lowercase ISO 3166-1 alpha-2.
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_ru: &'static str,
    /// Extra printed forms beyond the names and their "Republic of …" variants.
    pub aliases: &'static [&'static str],
}

/// CARICC's member states first (in the order releases print them), then the other
/// countries releases report on. Adding a country is one line here.
pub const COUNTRIES: &[Country] = &[
    Country {
        code: "az",
        name_en: "Azerbaijan",
        name_ru: "Азербайджан",
        aliases: &["Azerbaijan Republic", "Азербайджанская Республика"],
    },
    Country { code: "kz", name_en: "Kazakhstan", name_ru: "Казахстан", aliases: &[] },
    Country {
        code: "kg",
        name_en: "Kyrgyzstan",
        name_ru: "Кыргызстан",
        aliases: &["Kyrgyz Republic", "Kyrgyzia", "Kirghizia", "Кыргызская Республика", "Киргизия"],
    },
    Country {
        code: "ru",
        name_en: "Russia",
        name_ru: "Россия",
        aliases: &["Russian Federation", "Российская Федерация"],
    },
    Country { code: "tj", name_en: "Tajikistan", name_ru: "Таджикистан", aliases: &[] },
    Country { code: "tm", name_en: "Turkmenistan", name_ru: "Туркменистан", aliases: &[] },
    Country { code: "uz", name_en: "Uzbekistan", name_ru: "Узбекистан", aliases: &[] },
    Country {
        code: "af",
        name_en: "Afghanistan",
        name_ru: "Афганистан",
        aliases: &[
            "Islamic Republic of Afghanistan",
            "Islamic Emirate of Afghanistan",
            "Исламская Республика Афганистан",
        ],
    },
    Country { code: "am", name_en: "Armenia", name_ru: "Армения", aliases: &[] },
    Country {
        code: "by", name_en: "Belarus", name_ru: "Беларусь", aliases: &["Республика Беларусь"]
    },
    Country {
        code: "cn",
        name_en: "China",
        name_ru: "Китай",
        aliases: &["People's Republic of China", "PRC", "КНР", "Китайская Народная Республика"],
    },
    Country {
        code: "de", name_en: "Germany", name_ru: "Германия", aliases: &["Federal Republic of Germany", "ФРГ"]
    },
    Country { code: "fr", name_en: "France", name_ru: "Франция", aliases: &["French Republic"] },
    Country {
        code: "gb",
        name_en: "United Kingdom",
        name_ru: "Великобритания",
        aliases: &["Great Britain", "UK", "Соединённое Королевство"],
    },
    Country { code: "ge", name_en: "Georgia", name_ru: "Грузия", aliases: &[] },
    Country { code: "in", name_en: "India", name_ru: "Индия", aliases: &[] },
    Country {
        code: "ir",
        name_en: "Iran",
        name_ru: "Иран",
        aliases: &["Islamic Republic of Iran", "Исламская Республика Иран"],
    },
    Country {
        code: "md",
        name_en: "Moldova",
        name_ru: "Молдова",
        aliases: &["Republic of Moldova", "Республика Молдова"],
    },
    Country { code: "mn", name_en: "Mongolia", name_ru: "Монголия", aliases: &[] },
    Country {
        code: "pk", name_en: "Pakistan", name_ru: "Пакистан", aliases: &["Islamic Republic of Pakistan"]
    },
    Country {
        code: "tr",
        name_en: "Türkiye",
        name_ru: "Турция",
        aliases: &["Turkey", "Turkiye", "Republic of Turkey"],
    },
    Country { code: "ua", name_en: "Ukraine", name_ru: "Украина", aliases: &[] },
    Country {
        code: "ae",
        name_en: "United Arab Emirates",
        name_ru: "Объединённые Арабские Эмираты",
        aliases: &["UAE", "ОАЭ"],
    },
    Country {
        code: "us",
        name_en: "United States",
        name_ru: "США",
        aliases: &["United States of America", "USA", "Соединённые Штаты Америки"],
    },
];

/// Every ISO 3166-1 alpha-2 code (officially assigned), for validating bundles that name
/// countries this build has no names for.
const ISO_3166_ALPHA2: &str =
    "ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz \
ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj fk fm fo fr \
ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp \
ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt \
mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw \
sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug \
um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code, written in lowercase.
pub fn is_iso_code(code: &str) -> bool {
    code.len() == 2 && ISO_3166_ALPHA2.split_ascii_whitespace().any(|known| known == code)
}

/// The table entry for a code, if this build knows the country's names.
pub fn by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|country| country.code == code)
}

/// English name for a code; the upper-cased code when the country is not in the table.
pub fn name_en(code: &str) -> String {
    by_code(code).map_or_else(|| code.to_uppercase(), |country| country.name_en.to_owned())
}

/// How a printed name was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognised {
    Exactly(&'static Country),
    /// Close to a known form but not equal (a typo); the caller should warn.
    Approximately(&'static Country),
}

impl Recognised {
    pub fn country(self) -> &'static Country {
        match self {
            Recognised::Exactly(country) | Recognised::Approximately(country) => country,
        }
    }
}

/// Recognises a country name as printed in a heading, a contents line or the summary.
/// Case, markup and punctuation are ignored; a typo of at most two letters in a name of
/// ten letters or more is accepted as [`Recognised::Approximately`].
pub fn recognise(printed: &str) -> Option<Recognised> {
    let key = match_key(printed);
    if key.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &'static Country)> = None;
    for country in COUNTRIES {
        for form in printed_forms(country) {
            let form_key = match_key(&form);
            if form_key == key {
                return Some(Recognised::Exactly(country));
            }
            if key.chars().count() >= 10 && form_key.chars().count() >= 10 {
                let distance = edit_distance(&key, &form_key, 2);
                if distance <= 2 && best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, country));
                }
            }
        }
    }
    best.map(|(_, country)| Recognised::Approximately(country))
}

/// The forms a release may print a country's name in.
fn printed_forms(country: &Country) -> Vec<String> {
    let mut forms = vec![country.name_en.to_owned(), country.name_ru.to_owned()];
    forms.push(format!("Republic of {}", country.name_en));
    forms.push(format!("The Republic of {}", country.name_en));
    forms.push(format!("Республика {}", country.name_ru));
    forms.extend(country.aliases.iter().map(|alias| (*alias).to_owned()));
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_list_is_complete_and_well_formed() {
        let codes: Vec<&str> = ISO_3166_ALPHA2.split_ascii_whitespace().collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]), "sorted, no duplicates");
        assert!(codes.iter().all(|code| code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn table_codes_are_iso_and_unique() {
        for (index, country) in COUNTRIES.iter().enumerate() {
            assert!(is_iso_code(country.code), "{}", country.code);
            assert!(COUNTRIES[..index].iter().all(|other| other.code != country.code));
        }
    }

    #[test]
    fn recognises_printed_forms() {
        let code = |printed: &str| recognise(printed).map(|r| r.country().code);
        assert_eq!(code("REPUBLIC OF AZERBAIJAN"), Some("az"));
        assert_eq!(code("<i>REPUBLIC OF KAZAKHSTAN</i>"), Some("kz"));
        assert_eq!(code("**RUSSIAN FEDERATION**"), Some("ru"));
        assert_eq!(code("Kyrgyzstan"), Some("kg"));
        assert_eq!(code("РЕСПУБЛИКА КАЗАХСТАН"), Some("kz"));
        assert_eq!(code("Российская Федерация"), Some("ru"));
        assert_eq!(code("INTERNATIONAL ANTI-DRUG OPERATION “SPIDER WEB” CONCLUDED"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn a_typo_is_recognised_approximately() {
        assert_eq!(recognise("KYRGYZ PEPUBLIC"), Some(Recognised::Approximately(by_code("kg").unwrap())));
        assert_eq!(recognise("KYRGYZ REPUBLIC"), Some(Recognised::Exactly(by_code("kg").unwrap())));
        // Short names are too close to each other to guess at.
        assert_eq!(recognise("Ukraina"), None);
    }
}
