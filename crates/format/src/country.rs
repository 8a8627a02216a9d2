//! Countries: the one table of codes and names, and recognition of the ways a release
//! prints them ("REPUBLIC OF KAZAKHSTAN", "Kyrgyzstan", "KYRGYZ PEPUBLIC").

use crate::text::{edit_distance, match_key};

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
#[rustfmt::skip]
pub const COUNTRIES: &[Country] = &[
    country("az", "Azerbaijan", "Азербайджан", &["Azerbaijan Republic", "Азербайджанская Республика"]),
    country("kz", "Kazakhstan", "Казахстан", &[]),
    country("kg", "Kyrgyzstan", "Кыргызстан", &["Kyrgyz Republic", "Kyrgyzia", "Kirghizia", "Кыргызская Республика", "Киргизия"]),
    country("ru", "Russia", "Россия", &["Russian Federation", "Российская Федерация"]),
    country("tj", "Tajikistan", "Таджикистан", &[]),
    country("tm", "Turkmenistan", "Туркменистан", &[]),
    country("uz", "Uzbekistan", "Узбекистан", &[]),
    country("af", "Afghanistan", "Афганистан", &["Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan", "Исламская Республика Афганистан"]),
    country("am", "Armenia", "Армения", &[]),
    country("by", "Belarus", "Беларусь", &["Республика Беларусь"]),
    country("cn", "China", "Китай", &["People's Republic of China", "PRC", "КНР", "Китайская Народная Республика"]),
    country("de", "Germany", "Германия", &["Federal Republic of Germany", "ФРГ"]),
    country("fr", "France", "Франция", &["French Republic"]),
    country("gb", "United Kingdom", "Великобритания", &["Great Britain", "UK", "Соединённое Королевство"]),
    country("ge", "Georgia", "Грузия", &[]),
    country("in", "India", "Индия", &[]),
    country("ir", "Iran", "Иран", &["Islamic Republic of Iran", "Исламская Республика Иран"]),
    country("md", "Moldova", "Молдова", &["Republic of Moldova", "Республика Молдова"]),
    country("mn", "Mongolia", "Монголия", &[]),
    country("pk", "Pakistan", "Пакистан", &["Islamic Republic of Pakistan"]),
    country("tr", "Türkiye", "Турция", &["Turkey", "Turkiye", "Republic of Turkey"]),
    country("ua", "Ukraine", "Украина", &[]),
    country("ae", "United Arab Emirates", "Объединённые Арабские Эмираты", &["UAE", "ОАЭ"]),
    country("us", "United States", "США", &["United States of America", "USA", "Соединённые Штаты Америки"]),
];

const fn country(
    code: &'static str,
    name_en: &'static str,
    name_ru: &'static str,
    aliases: &'static [&'static str],
) -> Country {
    Country { code, name_en, name_ru, aliases }
}

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
    by_code(code).map_or_else(|| crate::case::to_uppercase(code), |country| country.name_en.to_owned())
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
    let length = key.chars().count();
    let mut best: Option<(usize, &'static Country)> = None;
    for form in form_keys() {
        if form.key == key {
            return Some(Recognised::Exactly(form.country));
        }
        // Only names of ten letters or more, and of about the same length, can be a typo.
        if length >= 10 && form.length >= 10 && length.abs_diff(form.length) <= 2 {
            let distance = edit_distance(&key, &form.key, 2);
            if distance <= 2 && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, form.country));
            }
        }
    }
    best.map(|(_, country)| Recognised::Approximately(country))
}

/// A printed form's match key, computed once: the importer asks about every heading.
struct FormKey {
    key: String,
    length: usize,
    country: &'static Country,
}

fn form_keys() -> &'static [FormKey] {
    static KEYS: std::sync::OnceLock<Vec<FormKey>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        COUNTRIES
            .iter()
            .flat_map(|country| {
                printed_forms(country).into_iter().map(move |form| {
                    let key = match_key(&form);
                    FormKey { length: key.chars().count(), key, country }
                })
            })
            .collect()
    })
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
