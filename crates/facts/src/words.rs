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
        if !is_word_char(chars[at]) {
            at += 1;
            continue;
        }
        let start = at;
        let mut word = String::new();
        while at < chars.len() {
            let c = chars[at];
            let joins = matches!(c, '-' | '\'' | '’')
                && at + 1 < chars.len()
                && is_word_char(chars[at + 1])
                && !word.is_empty();
            if !(is_word_char(c) || joins) {
                break;
            }
            word.extend(c.to_lowercase().map(|c| if c == 'ё' { 'е' } else { c }));
            at += 1;
        }
        out.push(Word { text: word, start, end: at });
    }
    out
}

/// Whether a character belongs in a word (a letter or a digit): Latin and Cyrillic letters
/// and punctuation at once, anything else by Unicode's tables, whose lookup was the
/// importer's largest single cost.
pub fn is_word_char(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        'А'..='я' | 'ё' | 'Ё' => true,
        // Spaces, dashes, quotes and the like: no letter among them.
        '\u{2000}'..='\u{206f}' | '\u{a0}' | '«' | '»' => false,
        c => c.is_alphanumeric(),
    }
}

/// Whether the text between two words ends a sentence: `.`, `!`, `?` or `…`, a space, and
/// a capital or a digit next (`3.5 kg`, `тыс. таблеток` and `2.4 tons` go on).
pub fn ends_sentence(text: &[char], before: &Word, after: &Word) -> bool {
    let gap = &text[before.end..after.start];
    let next = text[after.start];
    let stop = gap.iter().rposition(|&c| matches!(c, '.' | '!' | '?' | '…'));
    stop.is_some_and(|at| gap[at + 1..].iter().any(|c| c.is_whitespace()))
        && (next.is_uppercase() || next.is_ascii_digit())
}

/// Whether the text between two words ends a clause: a sentence's end, `;`, `:`, a dash,
/// a bracket, or a comma before a space (`5,2 кг` is one number, `героина, гашиша` two
/// clauses).
pub fn ends_clause(text: &[char], before: &Word, after: &Word) -> bool {
    let gap = &text[before.end..after.start];
    let comma = gap.windows(2).any(|pair| pair[0] == ',' && pair[1].is_whitespace());
    let dash = gap.iter().any(|&c| matches!(c, '–' | '—'))
        || gap.windows(3).any(|three| three[1] == '-' && three[0].is_whitespace());
    comma || dash || gap.iter().any(|&c| matches!(c, ';' | ':' | '(' | ')')) || ends_sentence(text, before, after)
}

/// The sentences of a text, as ranges of its words.
pub fn sentences(text: &[char], words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for at in 1..words.len() {
        if ends_sentence(text, &words[at - 1], &words[at]) {
            out.push(start..at);
            start = at;
        }
    }
    if start < words.len() {
        out.push(start..words.len());
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
    fn word_characters_are_those_unicode_says() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_are_lowercased_with_their_places_in_characters() {
        let found = words("Изъято 3,2 кг ГАШИША; α-PVP — «соль».");
        let texts: Vec<&str> = found.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["изъято", "3", "2", "кг", "гашиша", "α-pvp", "соль"]);
        assert_eq!((found[4].start, found[4].end), (14, 20));
    }

    #[test]
    fn sentences_end_at_a_stop_before_a_capital() {
        let text = "Изъято 3,5 кг героина и 2 тыс. таблеток. В гараже г. Москвы — ещё 2.4 т! 5 человек задержаны";
        let chars: Vec<char> = text.chars().collect();
        let found = words(text);
        let firsts: Vec<&str> = sentences(&chars, &found).iter().map(|s| found[s.start].text.as_str()).collect();
        // `г. Москвы` is read as an end: an abbreviation before a name cannot be told apart.
        assert_eq!(firsts, ["изъято", "в", "москвы", "5"]);
    }

    #[test]
    fn clauses_end_at_commas_dashes_and_stops_but_not_inside_numbers() {
        let text = "5,2 кг героина, гашиша – 3 кг; (опий) 1 200";
        let chars: Vec<char> = text.chars().collect();
        let found = words(text);
        let ends: Vec<bool> = found.windows(2).map(|pair| ends_clause(&chars, &pair[0], &pair[1])).collect();
        assert_eq!(ends, [false, false, false, true, true, false, true, true, false]);
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
