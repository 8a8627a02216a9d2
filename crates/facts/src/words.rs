//! The words of a text, lowercased, with where each stands (in characters, as facts
//! report their places).

/// One word: letters and digits, with `-` and `'` inside it (`α-pvp`, `alpha-pvp`).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    /// Character offsets in the text: the word is `start..end`.
    pub start: usize,
    pub end: usize,
}

/// The text's words, lowercased, `ё` read as `е`.
pub fn words(text: &str) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].is_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        let mut word = String::new();
        while at < chars.len() {
            let c = chars[at];
            let joins = matches!(c, '-' | '\'' | '’')
                && at + 1 < chars.len()
                && chars[at + 1].is_alphanumeric()
                && !word.is_empty();
            if !(c.is_alphanumeric() || joins) {
                break;
            }
            word.extend(c.to_lowercase().map(|c| if c == 'ё' { 'е' } else { c }));
            at += 1;
        }
        out.push(Word { text: word, start, end: at });
    }
    out
}

/// A word form: a stem and the endings it takes (`""` for the stem alone).
#[derive(Debug, Clone, Copy)]
pub struct Form {
    pub stem: &'static str,
    pub endings: &'static [&'static str],
}

impl Form {
    pub fn matches(&self, word: &str) -> bool {
        word.strip_prefix(self.stem).is_some_and(|ending| self.endings.contains(&ending))
    }
}

/// Russian and English endings, for the tables.
pub mod endings {
    /// The stem alone.
    pub const BARE: &[&str] = &[""];
    /// English nouns: singular and plural.
    pub const EN: &[&str] = &["", "s", "es"];
    /// Russian masculine nouns ending in a hard consonant (героин, каннабис).
    pub const RU_M: &[&str] = &["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"];
    /// Russian masculine nouns ending in к, г, х (наркотик, пакетик): after a velar the
    /// plural and the genitive take `и`, never `ы` (наркотики).
    pub const RU_M_VELAR: &[&str] = &["", "а", "у", "ом", "е", "и", "ов", "ам", "ами", "ах"];
    /// Russian masculine nouns ending in ж, ш, щ, ч (гашиш).
    pub const RU_M_SOFT: &[&str] = &["", "а", "у", "ем", "е", "и", "ей", "ам", "ами", "ах"];
    /// Russian feminine nouns in -а (марихуана, доза).
    pub const RU_F: &[&str] = &["а", "ы", "е", "у", "ой", "ою", "", "ам", "ами", "ах"];
    /// Russian feminine nouns in -ка, -га, -ха (лирика, синтетика): `и` after the velar
    /// (лирики, синтетики).
    pub const RU_F_VELAR: &[&str] = &["а", "и", "е", "у", "ой", "ою", "", "ам", "ами", "ах"];
    /// Russian feminine nouns in -я (конопля).
    pub const RU_F_SOFT: &[&str] = &["я", "и", "е", "ю", "ей", "ею", "ь", "ям", "ями", "ях"];
    /// Russian neuter nouns in -о (вещество).
    pub const RU_N: &[&str] = &["о", "а", "у", "ом", "е", "", "ам", "ами", "ах"];
    /// Russian adjectives, every gender, number and case.
    pub const RU_ADJ: &[&str] = &[
        "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому", "ему", "ую", "юю", "ым", "им", "ом",
        "ем", "ых", "их", "ыми", "ими", "ей", "ою", "ею",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_with_their_places_in_characters() {
        let found = words("Изъято 3,2 кг ГАШИША; α-PVP — «соль».");
        let texts: Vec<&str> = found.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["изъято", "3", "2", "кг", "гашиша", "α-pvp", "соль"]);
        assert_eq!((found[4].start, found[4].end), (14, 20));
    }

    #[test]
    fn a_form_takes_only_its_endings() {
        let heroin = Form { stem: "героин", endings: endings::RU_M };
        assert!(heroin.matches("героина") && heroin.matches("героином") && heroin.matches("героин"));
        assert!(!heroin.matches("героиновый") && !heroin.matches("героиня"));
    }

    #[test]
    fn a_velar_stem_takes_i_not_y() {
        let lyrica = Form { stem: "лирик", endings: endings::RU_F_VELAR };
        assert!(lyrica.matches("лирики") && lyrica.matches("лирикой") && lyrica.matches("лирик"));
        assert!(!lyrica.matches("лирикы"));
        let drug = Form { stem: "наркотик", endings: endings::RU_M_VELAR };
        assert!(drug.matches("наркотики") && drug.matches("наркотиков") && !drug.matches("наркотикы"));
    }
}
