//! Search across scripts: the other-script spellings of a query word, so that `Almaty`
//! finds `Алматы` and `бишкек` finds `Bishkek`.
//!
//! # The transliteration table
//!
//! One table, read in both directions ([`TABLE`]): Russian → Latin by the simplified
//! BGN/PCGN romanisation that passports, news sites and the releases' own URLs mostly
//! follow (`polisia.kz/ru/politsiya-…`), with the common variants beside it (ICAO `ia`,
//! `iu`; English `c`, `h`, `j`, `w`, `x`, `q`). A Latin query word is read as every
//! Cyrillic spelling the table allows (`i` as и, й or ы; `ts` as ц or т + с), a Cyrillic
//! one as every Latin spelling; the first spelling listed is the likeliest.
//!
//! | Cyrillic | Latin | Cyrillic | Latin | Cyrillic | Latin |
//! | --- | --- | --- | --- | --- | --- |
//! | а | a | п | p | ъ, ь | (dropped) |
//! | б | b | р | r | ы | y, i |
//! | в | v, w | с | s, c | э | e |
//! | г | g | т | t | ю | yu, iu |
//! | д | d | у | u | я | ya, ia |
//! | е, ё | e, ye, yo | ф | f | ия | ia |
//! | ж | zh, j | х | kh, h | ий, ый | y |
//! | з | z | ц | ts, c | кс | x |
//! | и | i | ч | ch | дж | j |
//! | й | y, i, j | ш | sh | | |
//! | к | k, c, q | щ | shch, sch | | |
//! | л, м, н, о | l, m, n, o | | | | |
//!
//! Kazakh and Kyrgyz letters: ә a; ғ g, gh; қ k, q; ң n, ng; ө o; ұ, ү u; һ h; і i. A
//! Latin query word finds them through the Russian letter nearest in sound (ә as а, ғ as
//! г, қ as к, ң as н, ө as о, ұ and ү as у, һ as х, і as и), and so does a Cyrillic one:
//! `мейирхан` finds `Мейірхан`. Latin `ä ö ü` in text are read as `a o u`.
//!
//! An other-script spelling matches at the start of a word (`mvd` finds `МВД` and
//! `МВД России`, not the `мвд` inside `УМВД`), so that short Latin words do not turn up
//! inside unrelated Russian ones; the word as typed still matches anywhere, as before.
//! Inside a match the text may hold one soft or hard sign (`ь`, `ъ`) or apostrophe between
//! two letters, which romanisation drops: `podezd` finds `подъезд`, and `il'ich` (an
//! apostrophe in a Latin word is read as such a sign) finds `Ильич`.
//!
//! # Bounds
//!
//! A word has at most [`MAX_SPELLINGS`] other-script spellings (the likeliest); a word
//! longer than [`MAX_WORD_CHARS`] characters, or after the first [`MAX_SPELT_WORDS`] words
//! of a query, gets none. So a long or hostile query costs a bounded amount of extra work,
//! computed once per query.

use caricc_format::order::stable_order;

/// At most this many other-script spellings per query word.
pub const MAX_SPELLINGS: usize = 64;

/// Words longer than this (in characters) are matched only as written.
pub const MAX_WORD_CHARS: usize = 40;

/// Only the first this many words of a query get other-script spellings; the rest are
/// matched as written.
pub const MAX_SPELT_WORDS: usize = 16;

/// Cyrillic (folded: lowercase, `ё` as `е`) → its Latin spellings, likeliest first.
/// Read backwards for Latin query words, except the Kazakh and Kyrgyz letters, which
/// Latin words find through [`base_letter`].
pub const TABLE: &[(&str, &[&str])] = &[
    ("а", &["a"]),
    ("б", &["b"]),
    ("в", &["v", "w"]),
    ("г", &["g"]),
    ("д", &["d"]),
    ("е", &["e", "ye", "yo"]),
    ("ж", &["zh", "j"]),
    ("з", &["z"]),
    ("и", &["i"]),
    ("й", &["y", "i", "j"]),
    ("к", &["k", "c", "q"]),
    ("л", &["l"]),
    ("м", &["m"]),
    ("н", &["n"]),
    ("о", &["o"]),
    ("п", &["p"]),
    ("р", &["r"]),
    ("с", &["s", "c"]),
    ("т", &["t"]),
    ("у", &["u"]),
    ("ф", &["f"]),
    ("х", &["kh", "h"]),
    ("ц", &["ts", "c"]),
    ("ч", &["ch"]),
    ("ш", &["sh"]),
    ("щ", &["shch", "sch"]),
    ("ъ", &[""]),
    ("ы", &["y", "i"]),
    ("ь", &[""]),
    ("э", &["e"]),
    ("ю", &["yu", "iu"]),
    ("я", &["ya", "ia"]),
    ("ия", &["ia"]),
    ("ий", &["y"]),
    ("ый", &["y"]),
    ("кс", &["x"]),
    ("дж", &["j"]),
    ("ә", &["a"]),
    ("ғ", &["g", "gh"]),
    ("қ", &["k", "q"]),
    ("ң", &["n", "ng"]),
    ("ө", &["o"]),
    ("ұ", &["u"]),
    ("ү", &["u"]),
    ("һ", &["h"]),
    ("і", &["i"]),
];

/// Letters compared as another when matching other-script spellings: Kazakh and Kyrgyz
/// letters as the nearest Russian one, `ä ö ü` as `a o u`.
const BASE_LETTERS: &[(char, char)] = &[
    ('ә', 'а'),
    ('ғ', 'г'),
    ('қ', 'к'),
    ('ң', 'н'),
    ('ө', 'о'),
    ('ұ', 'у'),
    ('ү', 'у'),
    ('һ', 'х'),
    ('і', 'и'),
    ('ä', 'a'),
    ('ö', 'o'),
    ('ü', 'u'),
];

/// The letter a text character is compared as when matching other-script spellings
/// (see [`BASE_LETTERS`]); any other character as itself.
pub fn base_letter(c: char) -> char {
    // Most text of the releases: English, and Russian's own letters.
    if c.is_ascii() || ('а'..='я').contains(&c) {
        return c;
    }
    BASE_LETTERS.iter().find(|(letter, _)| *letter == c).map_or(c, |&(_, base)| base)
}

/// Signs romanisation drops, which a match may pass over in the text.
pub fn is_dropped_sign(c: char) -> bool {
    matches!(c, 'ь' | 'ъ' | '\'' | '’')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// The other-script spellings of a folded query word (lowercase, `ё` as `е`), likeliest
/// first, at most [`MAX_SPELLINGS`]. A Latin word gets Cyrillic spellings; a Cyrillic word
/// gets Latin ones and, first, its own form with Kazakh letters read as Russian ones. A word
/// mixing scripts, or longer than [`MAX_WORD_CHARS`], gets none. Characters that are not
/// letters (digits, `.`, `-`) are kept as they are.
pub fn spellings(word: &str) -> Vec<String> {
    let length = word.chars().count();
    if length == 0 || length > MAX_WORD_CHARS {
        return Vec::new();
    }
    let has_latin = word.chars().any(|c| c.is_ascii_alphabetic());
    let has_cyrillic = word.chars().any(is_cyrillic);
    let other_letters = word.chars().any(|c| c.is_alphabetic() && !c.is_ascii_alphabetic() && !is_cyrillic(c));
    let chars: Vec<char> = word.chars().collect();
    let out = match (has_latin, has_cyrillic, other_letters) {
        (true, false, false) => {
            // An apostrophe stands for a dropped sign, which matching passes over anyway.
            let letters: Vec<char> = chars.iter().copied().filter(|&c| !is_dropped_sign(c)).collect();
            beam(&letters, &latin_readings())
        }
        (false, true, false) => {
            let mut out = vec![word.chars().map(base_letter).collect::<String>()];
            out.extend(beam(&chars, &cyrillic_readings()));
            out
        }
        _ => Vec::new(),
    };
    // Each spelling once, where it first occurs. A scan of the few kept so far: a hash set
    // of strings would bring its own copy of the hash table's code into the viewer.
    let mut kept: Vec<String> = Vec::with_capacity(out.len());
    for spelling in out {
        if !spelling.is_empty() && !kept.contains(&spelling) {
            kept.push(spelling);
        }
    }
    kept.truncate(MAX_SPELLINGS);
    kept
}

/// A unit of the word being respelt and its readings in the other script, with a rank
/// (0 for the likeliest).
type Readings = Vec<(&'static str, Vec<(&'static str, u32)>)>;

/// The table as read from Cyrillic: each Cyrillic letter or pair and its Latin spellings.
fn cyrillic_readings() -> Readings {
    TABLE
        .iter()
        .map(|(cyrillic, latin)| (*cyrillic, latin.iter().enumerate().map(|(rank, l)| (*l, rank as u32)).collect()))
        .collect()
}

/// The table read backwards: each Latin spelling and the Cyrillic it may stand for, ranked
/// by how likely that spelling is for that letter. Kazakh and Kyrgyz letters are left out
/// (the Russian letter they are matched as stands for them).
fn latin_readings() -> Readings {
    let letters = || TABLE.iter().filter(|(cyrillic, _)| cyrillic.chars().all(|c| base_letter(c) == c));
    // Each Latin spelling once, in the order the table first gives it…
    let mut readings: Readings = Vec::new();
    for (_, latin) in letters() {
        for spelling in latin.iter().filter(|spelling| !spelling.is_empty()) {
            if !readings.iter().any(|(unit, _)| unit == spelling) {
                readings.push((spelling, Vec::new()));
            }
        }
    }
    // …with the Cyrillic it may stand for, likeliest first: by rank, then in table order
    // (filled rank by rank rather than sorted, which would be one more copy of a sort).
    let ranks = TABLE.iter().map(|(_, latin)| latin.len()).max().unwrap_or(0);
    for rank in 0..ranks {
        for (cyrillic, latin) in letters() {
            let Some(spelling) = latin.get(rank).filter(|spelling| !spelling.is_empty()) else { continue };
            if let Some((_, outputs)) = readings.iter_mut().find(|(unit, _)| unit == spelling) {
                outputs.push((cyrillic, rank as u32));
            }
        }
    }
    readings
}

/// A partial spelling: the text so far and how many less likely readings it took.
#[derive(Clone)]
struct Partial {
    text: String,
    cost: u32,
}

/// Orders partial spellings by cost, keeping the order of equal ones.
fn cheapest_first(partials: &mut Vec<Partial>) {
    let order = stable_order(partials.len(), &|a, b| partials[a].cost.cmp(&partials[b].cost));
    let mut unsorted: Vec<Option<Partial>> = std::mem::take(partials).into_iter().map(Some).collect();
    partials.extend(order.into_iter().filter_map(|index| unsorted[index].take()));
}

/// Spells `word` in the other script, left to right: at each position every unit of
/// `readings` that starts there gives its readings; reading a shorter unit where a longer
/// one also starts (`t` + `s` where `ts` is ц) costs one more. The [`MAX_SPELLINGS`]
/// cheapest partial spellings are kept at each position (a beam), so the work is bounded
/// by the word's length whatever its letters. A character no unit covers is kept as is.
fn beam(word: &[char], readings: &Readings) -> Vec<String> {
    let length = word.len();
    let mut at: Vec<Vec<Partial>> = vec![Vec::new(); length + 1];
    at[0].push(Partial { text: String::new(), cost: 0 });
    for position in 0..length {
        let mut here = std::mem::take(&mut at[position]);
        if here.is_empty() {
            continue;
        }
        cheapest_first(&mut here);
        here.truncate(MAX_SPELLINGS);
        let starting: Vec<(usize, &Vec<(&'static str, u32)>)> = readings
            .iter()
            .filter_map(|(unit, outputs)| {
                let unit_chars = unit.chars().count();
                let matches =
                    position + unit_chars <= length && unit.chars().zip(&word[position..]).all(|(u, w)| u == *w);
                matches.then_some((unit_chars, outputs))
            })
            .collect();
        if starting.is_empty() {
            for partial in &mut here {
                partial.text.push(word[position]);
            }
            at[position + 1].extend(here);
            continue;
        }
        let longest = starting.iter().map(|(unit_chars, _)| *unit_chars).max().unwrap_or(1);
        for partial in &here {
            for &(unit_chars, outputs) in &starting {
                let split_penalty = u32::from(unit_chars < longest);
                for &(output, rank) in outputs {
                    let mut text = partial.text.clone();
                    text.push_str(output);
                    at[position + unit_chars].push(Partial { text, cost: partial.cost + rank + split_penalty });
                }
            }
        }
        // Keep the lists ahead from growing far past what the beam keeps.
        for list in at.iter_mut().skip(position + 1) {
            if list.len() > MAX_SPELLINGS * 4 {
                cheapest_first(list);
                list.truncate(MAX_SPELLINGS);
            }
        }
    }
    let mut done = std::mem::take(&mut at[length]);
    cheapest_first(&mut done);
    done.truncate(MAX_SPELLINGS);
    done.into_iter().map(|partial| partial.text).collect()
}

/// A set of spellings to find in folded text, as a trie walked from each text position
/// where a spelling may start. Text characters are compared through [`base_letter`], and
/// one dropped sign ([`is_dropped_sign`]) between two matched letters is passed over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spellings {
    /// How many distinct spellings the set holds.
    count: usize,
    nodes: Vec<Node>,
    /// The last UTF-8 byte of every character a spelling may start with (a 256-bit set):
    /// a byte scan finds the few places worth walking the trie from.
    first_last_bytes: [u64; 4],
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Node {
    edges: Vec<(char, u32)>,
    end: bool,
}

impl Spellings {
    pub fn new<S: AsRef<str>>(spellings: &[S]) -> Spellings {
        let mut nodes = vec![Node::default()];
        let mut count = 0;
        for spelling in spellings {
            let mut at = 0usize;
            for c in spelling.as_ref().chars() {
                at = match nodes[at].edges.iter().find(|(label, _)| *label == c) {
                    Some(&(_, next)) => next as usize,
                    None => {
                        nodes.push(Node::default());
                        let next = nodes.len() - 1;
                        nodes[at].edges.push((c, next as u32));
                        next
                    }
                };
            }
            if at != 0 && !nodes[at].end {
                nodes[at].end = true;
                count += 1;
            }
        }
        let mut first_last_bytes = [0u64; 4];
        for &(first, _) in &nodes[0].edges {
            let variants = BASE_LETTERS.iter().filter(|(_, base)| *base == first).map(|&(letter, _)| letter);
            for c in std::iter::once(first).chain(variants) {
                let mut buffer = [0u8; 4];
                let last = *c.encode_utf8(&mut buffer).as_bytes().last().unwrap_or(&0);
                first_last_bytes[usize::from(last >> 6)] |= 1 << (last & 63);
            }
        }
        Spellings { count, nodes, first_last_bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// How many distinct spellings the set holds.
    pub fn len(&self) -> usize {
        self.count
    }

    fn step(&self, at: usize, c: char) -> Option<usize> {
        let c = base_letter(c);
        self.nodes[at].edges.iter().find(|(label, _)| *label == c).map(|&(_, next)| next as usize)
    }

    /// The length, in chars of `text`, of the longest spelling that starts `text`.
    fn longest_at(&self, text: impl Iterator<Item = char>) -> Option<usize> {
        let (mut at, mut consumed, mut longest) = (0usize, 0usize, None);
        let mut skipped = false;
        for c in text {
            match self.step(at, c) {
                Some(next) => {
                    at = next;
                    consumed += 1;
                    skipped = false;
                    if self.nodes[at].end {
                        longest = Some(consumed);
                    }
                }
                // One dropped sign between matched letters is passed over.
                None if consumed > 0 && !skipped && is_dropped_sign(c) => {
                    consumed += 1;
                    skipped = true;
                }
                None => break,
            }
            if self.nodes[at].edges.is_empty() {
                break;
            }
        }
        longest
    }

    /// True when one of the spellings occurs in `folded` at the start of a word.
    pub fn occurs_in(&self, folded: &str) -> bool {
        if self.is_empty() {
            return false;
        }
        let bytes = folded.as_bytes();
        (0..bytes.len()).any(|index| {
            let byte = bytes[index];
            if self.first_last_bytes[usize::from(byte >> 6)] & (1 << (byte & 63)) == 0 {
                return false;
            }
            // The start of the character this byte ends (or is inside of; the walk checks).
            let mut start = index;
            while start > 0 && !folded.is_char_boundary(start) {
                start -= 1;
            }
            let starts_word = folded[..start].chars().next_back().is_none_or(|before| !before.is_alphanumeric());
            starts_word && self.longest_at(folded[start..].chars()).is_some()
        })
    }

    /// Marks, in `folded` (one entry per char), every char inside an occurrence that starts a
    /// word; with `whole_words`, only occurrences that are a whole word.
    pub fn mark(&self, folded: &[char], marked: &mut [bool], whole_words: bool) {
        if self.is_empty() {
            return;
        }
        for start in 0..folded.len() {
            if start > 0 && folded[start - 1].is_alphanumeric() {
                continue;
            }
            if let Some(length) = self.longest_at(folded[start..].iter().copied()) {
                if whole_words && folded.get(start + length).is_some_and(|c| c.is_alphanumeric()) {
                    continue;
                }
                marked[start..start + length].iter_mut().for_each(|m| *m = true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_readings_are_the_table_read_backwards_likeliest_first() {
        // The table read backwards as first written: pushed in table order, then sorted by rank.
        let mut sorted: Readings = Vec::new();
        for (cyrillic, latin) in TABLE.iter().filter(|(cyrillic, _)| cyrillic.chars().all(|c| base_letter(c) == c)) {
            for (rank, spelling) in latin.iter().enumerate().filter(|(_, spelling)| !spelling.is_empty()) {
                match sorted.iter_mut().find(|(unit, _)| unit == spelling) {
                    Some((_, outputs)) => outputs.push((cyrillic, rank as u32)),
                    None => sorted.push((spelling, vec![(cyrillic, rank as u32)])),
                }
            }
        }
        for (_, outputs) in &mut sorted {
            outputs.sort_by_key(|&(_, rank)| rank);
        }
        assert_eq!(latin_readings(), sorted);
    }

    #[test]
    fn latin_words_get_their_cyrillic_spellings_likeliest_first() {
        assert!(spellings("almaty").iter().take(4).any(|s| s == "алматы"));
        assert_eq!(spellings("bishkek")[0], "бишкек");
        assert_eq!(spellings("mvd"), ["мвд"]);
        assert!(spellings("politsiya").iter().any(|s| s == "полиция"));
        assert!(spellings("kazakhstan").iter().any(|s| s == "казахстан"));
        assert!(spellings("shchuchinsk").iter().any(|s| s == "щучинск"));
        assert!(spellings("zhanaozen").iter().any(|s| s == "жанаозен"));
        assert!(spellings("yurt").iter().any(|s| s == "юрт"));
        assert!(spellings("udmurtia").iter().any(|s| s == "удмуртия"));
        assert!(spellings("otsenka").iter().any(|s| s == "оценка"));
        assert!(spellings("ottsa").iter().any(|s| s == "отца"));
        assert!(spellings("topnews.kg").iter().any(|s| s == "топневс.кг"), "non-letters kept");
    }

    #[test]
    fn cyrillic_words_get_latin_spellings_and_their_kazakh_reading() {
        let of = |word: &str| spellings(word);
        assert!(of("бишкек").iter().any(|s| s == "bishkek"));
        assert!(of("полиция").iter().any(|s| s == "politsiya"));
        assert!(of("полиция").iter().any(|s| s == "politsia"));
        assert!(of("мвд").iter().any(|s| s == "mvd"));
        assert!(of("юнисеф").iter().any(|s| s == "yunisef"));
        assert!(of("завьяловский").iter().any(|s| s == "zavyalovsky"));
        assert!(of("кокшетау").iter().any(|s| s == "kokshetau"));
        assert!(of("мейірхан").iter().any(|s| s == "мейирхан"));
        assert!(of("мейірхан").iter().any(|s| s == "meyirkhan"));
        assert!(of("подъезд").iter().any(|s| s == "podezd"));
    }

    #[test]
    fn mixed_long_and_empty_words_get_no_spellings() {
        assert!(spellings("").is_empty());
        assert!(spellings("mvdрф").is_empty());
        assert!(spellings("münchen").is_empty());
        assert!(spellings("2025").is_empty());
        assert!(spellings(&"a".repeat(MAX_WORD_CHARS + 1)).is_empty());
    }

    #[test]
    fn spellings_are_bounded_whatever_the_word() {
        for word in [
            "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
            "iiiiiiiiiiiiiiiiiiiiiiiii",
            "cjcjcjcjcjcjcjcjcjcj",
            "ёйыъьэюя",
        ] {
            let found = spellings(word);
            assert!(!found.is_empty() && found.len() <= MAX_SPELLINGS, "{word}: {}", found.len());
        }
    }

    #[test]
    fn spellings_are_found_through_kazakh_letters_and_dropped_signs() {
        let set = Spellings::new(&spellings("meyirkhan"));
        assert!(set.occurs_in("данияр мейірхан"));
        assert!(Spellings::new(&spellings("podezd")).occurs_in("в подъезде"));
        assert!(Spellings::new(&spellings("il'ich")).occurs_in("ильич"));
        assert!(Spellings::new(&spellings("mvd")).occurs_in("мвд россии"));
        assert!(!Spellings::new(&spellings("mvd")).occurs_in("умвд россии"), "only at the start of a word");
        assert!(Spellings::new(&spellings("mvd")).occurs_in("умвд, мвд"));
        assert!(Spellings::new(&spellings("almaty")).occurs_in("в алматы"));
        assert!(!Spellings::new(&spellings("almaty")).occurs_in("в астане"));
        assert!(!Spellings::new::<String>(&[]).occurs_in("anything"));
        let text: Vec<char> = "в подъезде".chars().collect();
        let mut marked = vec![false; text.len()];
        Spellings::new(&spellings("podezd")).mark(&text, &mut marked, false);
        let shown: String = text.iter().zip(&marked).filter(|(_, m)| **m).map(|(c, _)| c).collect();
        assert_eq!(shown, "подъезд");
    }
}
