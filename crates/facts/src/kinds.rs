//! What kind of event a report tells of, from words that say so: a short fixed list.

use crate::drugs::{self, Named};
use crate::quantity;
use crate::words::{ends_clause, sentences, Word};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use Kind::*;
use When::*;

/// A kind of event. An event may be of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Seizure,
    Arrest,
    /// A clandestine laboratory dismantled.
    Laboratory,
    /// A trafficking group, ring or channel dismantled.
    TraffickingGroup,
    /// A court's verdict or sentence.
    Sentence,
    /// Awareness, lectures, campaigns, sport against drugs, treatment.
    Prevention,
    /// International meetings, joint operations, agreements, training by partners.
    Cooperation,
    /// None of the above.
    Other,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Seizure,
        Kind::Arrest,
        Kind::Laboratory,
        Kind::TraffickingGroup,
        Kind::Sentence,
        Kind::Prevention,
        Kind::Cooperation,
        Kind::Other,
    ];

    /// The kind's id, as in bundles (`trafficking-group`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Seizure => "seizure",
            Kind::Arrest => "arrest",
            Kind::Laboratory => "laboratory",
            Kind::TraffickingGroup => "trafficking-group",
            Kind::Sentence => "sentence",
            Kind::Prevention => "prevention",
            Kind::Cooperation => "cooperation",
            Kind::Other => "other",
        }
    }
}

/// A cue: a run of word beginnings (`["преступн", "групп"]` is “преступная группа” in any
/// case) and what else the sentence must say for the words to tell the kind.
#[derive(Clone, Copy)]
struct Cue {
    kind: Kind,
    words: &'static [&'static str],
    when: When,
}

#[derive(Clone, Copy)]
enum When {
    /// The words alone tell the kind.
    Always,
    /// What was found or confiscated is drugs: a drug, a word for drugs or an amount near
    /// the cue, in its clause (`found 3 kg of heroin`, not `found the defendants guilty`).
    OfDrugs,
    /// The sentence has one of these words too: a laboratory or a group is an event when
    /// it is dismantled, not when it is mentioned.
    SentenceHas(&'static [&'static [&'static str]]),
    /// One of these words follows within three (`international … operation`).
    FollowedBy(&'static [&'static str]),
    /// The sentence names two countries or an international body: working together with
    /// another agency at home is no international cooperation.
    Abroad,
}

const fn cue(kind: Kind, words: &'static [&'static str], when: When) -> Cue {
    Cue { kind, words, when }
}

/// What is done to a clandestine laboratory.
const DISMANTLED_LAB: When = SentenceHas(&[
    &["dismantl"],
    &["eliminat"],
    &["liquidat"],
    &["shut"],
    &["discover"],
    &["uncover"],
    &["found."],
    &["raid"],
    &["ликвид"],
    &["обнаруж"],
    &["выявл"],
    &["выявил"],
    &["накры"],
    &["пресечен."],
    &["пресек"],
]);
/// What is done to a trafficking group or channel.
const DISMANTLED_GROUP: When = SentenceHas(&[
    &["dismantl"],
    &["neutraliz"],
    &["neutralis"],
    &["liquidat"],
    &["eliminat"],
    &["stopped"],
    &["blocked"],
    &["disrupt"],
    &["broke", "up"],
    &["busted"],
    &["ликвид"],
    &["пресечен."],
    &["пресек"],
    &["нейтрализ"],
    &["обезвред"],
    &["перекры"],
    &["разоблач"],
]);

/// The words that tell of each kind.
const CUES: &[Cue] = &[
    cue(Seizure, &["seiz"], Always),
    cue(Seizure, &["intercept"], Always),
    cue(Seizure, &["изъят"], Always),
    cue(Seizure, &["изъял"], Always),
    cue(Seizure, &["изъя"], Always),
    // Found, revealed, confiscated: a seizure when it is drugs (not property, not
    // violations, not `found guilty`). Destroyed is not: drugs are burnt long after.
    cue(Seizure, &["confiscat"], OfDrugs),
    cue(Seizure, &["конфиск"], OfDrugs),
    cue(Seizure, &["found."], OfDrugs),
    cue(Seizure, &["discovered"], OfDrugs),
    cue(Seizure, &["revealed"], OfDrugs),
    cue(Seizure, &["обнаружен"], OfDrugs),
    cue(Seizure, &["обнаружил"], OfDrugs),
    cue(Seizure, &["выявлен"], OfDrugs),
    cue(Arrest, &["detain"], Always),
    cue(Arrest, &["arrest"], Always),
    cue(Arrest, &["apprehend"], Always),
    cue(Arrest, &["detention"], Always),
    cue(Arrest, &["задержан"], Always),
    cue(Arrest, &["задержал"], Always),
    cue(Arrest, &["арест"], Always),
    cue(Arrest, &["задержи"], Always),
    cue(Laboratory, &["laborator"], DISMANTLED_LAB),
    cue(Laboratory, &["lab."], DISMANTLED_LAB),
    cue(Laboratory, &["лаборатор"], DISMANTLED_LAB),
    cue(Laboratory, &["нарколаборатор"], DISMANTLED_LAB),
    cue(TraffickingGroup, &["group"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["gang"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["ring."], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["syndicate"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["cartel"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["network"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["channel"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["групп"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["сообществ"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["опг."], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["канал"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["наркогрупп"], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["банд."], DISMANTLED_GROUP),
    cue(TraffickingGroup, &["наркобанд"], DISMANTLED_GROUP),
    // A verdict, not a court's other work (`the court placed them under arrest`) nor what
    // the law provides for (`up to 15 years of imprisonment`, `лишения свободы`).
    cue(Sentence, &["sentenced"], Always),
    cue(Sentence, &["verdict"], Always),
    cue(Sentence, &["convicted"], Always),
    cue(Sentence, &["приговор"], Always),
    cue(Sentence, &["осужд"], Always),
    // Prevention is ongoing (`preventing drug use`, `prevention`); `prevented an attempt
    // to smuggle` is a thwarted crime. Not propaganda, which is as often the drugs' own.
    cue(Prevention, &["prevention."], Always),
    cue(Prevention, &["preventive."], Always),
    cue(Prevention, &["preventing"], Always),
    cue(Prevention, &["prevent."], Always),
    cue(Prevention, &["awareness"], Always),
    cue(Prevention, &["lecture"], Always),
    cue(Prevention, &["campaign"], Always),
    cue(Prevention, &["healthy", "lifestyle"], Always),
    cue(Prevention, &["rehabilitat"], Always),
    cue(Prevention, &["festival"], Always),
    cue(Prevention, &["leaflet"], Always),
    cue(Prevention, &["warns."], Always),
    cue(Prevention, &["warned"], Always),
    cue(Prevention, &["anti-drug", "event"], Always),
    cue(Prevention, &["tournament"], Always),
    cue(Prevention, &["flash", "mob"], Always),
    cue(Prevention, &["профилакт"], Always),
    cue(Prevention, &["лекци"], Always),
    cue(Prevention, &["акци"], Always),
    cue(Prevention, &["здоров", "образ"], Always),
    cue(Prevention, &["реабилит"], Always),
    cue(Prevention, &["антинаркотическ", "месячник"], Always),
    cue(Prevention, &["антинаркотическ", "мероприят"], Always),
    cue(Prevention, &["разъяснительн"], Always),
    cue(Prevention, &["фестивал"], Always),
    cue(Prevention, &["листовк"], Always),
    cue(Prevention, &["буклет"], Always),
    cue(Prevention, &["предупрежда"], Always),
    cue(Prevention, &["родительск", "собрани"], Always),
    cue(Prevention, &["турнир"], Always),
    cue(Prevention, &["флешмоб"], Always),
    cue(Cooperation, &["memorandum"], Always),
    cue(Cooperation, &["agreement"], Always),
    cue(Cooperation, &["delegation"], Always),
    cue(Cooperation, &["меморандум"], Always),
    cue(Cooperation, &["соглашени"], Always),
    cue(Cooperation, &["делегац"], Always),
    cue(Cooperation, &["international"], FollowedBy(INTERNATIONAL_EN)),
    cue(Cooperation, &["международн"], FollowedBy(INTERNATIONAL_RU)),
    cue(Cooperation, &["cooperat"], Abroad),
    cue(Cooperation, &["joint"], Abroad),
    cue(Cooperation, &["together"], Abroad),
    cue(Cooperation, &["interaction"], Abroad),
    cue(Cooperation, &["partner"], Abroad),
    cue(Cooperation, &["training"], Abroad),
    cue(Cooperation, &["seminar"], Abroad),
    cue(Cooperation, &["workshop"], Abroad),
    cue(Cooperation, &["meeting"], Abroad),
    cue(Cooperation, &["talks"], Abroad),
    cue(Cooperation, &["discuss"], Abroad),
    cue(Cooperation, &["visit"], Abroad),
    cue(Cooperation, &["сотрудничеств"], Abroad),
    cue(Cooperation, &["взаимодейств"], Abroad),
    cue(Cooperation, &["совместн"], Abroad),
    cue(Cooperation, &["обучени"], Abroad),
    cue(Cooperation, &["семинар"], Abroad),
    cue(Cooperation, &["тренинг"], Abroad),
    cue(Cooperation, &["поддержк"], Abroad),
    cue(Cooperation, &["встреч"], Abroad),
    cue(Cooperation, &["совещани"], Abroad),
    cue(Cooperation, &["переговор"], Abroad),
    cue(Cooperation, &["обсуд"], Abroad),
    cue(Cooperation, &["визит"], Abroad),
];

/// What an international thing must be to tell of cooperation (not an international
/// airport, postal item or day).
const INTERNATIONAL_EN: &[&str] = &[
    "operation",
    "cooperation",
    "conference",
    "meeting",
    "seminar",
    "forum",
    "exercise",
    "training",
    "project",
    "controlled",
];
const INTERNATIONAL_RU: &[&str] = &[
    "операци",
    "сотрудничеств",
    "конференц",
    "совещани",
    "семинар",
    "форум",
    "учени",
    "тренинг",
    "проект",
    "встреч",
    "контролируем",
];

/// International bodies: naming one tells of cooperation.
const BODIES: &[&[&str]] = &[
    &["unodc"],
    &["caricc"],
    &["царинц"],
    &["унп.", "оон."],
    &["управлени", "оон."],
    &["csto"],
    &["одкб"],
    &["sco."],
    &["шос."],
    &["interpol"],
    &["интерпол"],
    &["europol"],
    &["европол"],
    &["osce"],
    &["обсе"],
    &["unicef"],
    &["юнисеф"],
];

/// The countries the releases name, each by the beginnings of its names and adjectives.
const COUNTRIES: &[&[&str]] = &[
    &["afghan", "афган"],
    &["azerbaijan", "азербайджан"],
    &["armenia", "армени"],
    &["belarus", "беларус", "белорус"],
    &["china", "chinese", "китай", "китая.", "китае.", "китаю."],
    &["georgia", "грузи."],
    &["india", "инди."],
    &["iran", "иран"],
    &["iraq", "ирак"],
    &["kazakh", "казах"],
    &["kyrgyz", "кыргыз", "киргиз"],
    &["moldova", "молдов"],
    &["mongolia", "монголи"],
    &["pakistan", "пакистан"],
    &["russia", "росси"],
    &["tajik", "таджик"],
    &["turkmen", "туркмен"],
    &["turkey", "turkish", "türkiye", "турци", "турецк"],
    &["uzbek", "узбек"],
    &["ukrain", "украин"],
    &["brazil", "бразили"],
    &["colombia", "колумби"],
    &["ecuador", "эквадор"],
    &["peru.", "перу."],
    &["germany", "german", "германи", "немецк"],
    &["netherlands", "dutch", "нидерланд"],
    &["spain", "spanish", "испани"],
    &["france", "french", "франци", "французск"],
    &["italy", "italian", "итали"],
    &["poland", "polish", "польш", "польск"],
    &["serbia", "серби"],
    &["thailand", "таиланд"],
];

/// Words that open a purpose: a seizure or an arrest after them in the sentence is aimed
/// at, not done (`with the aim of dismantling smuggling channels`).
const AIM: &[&[&str]] =
    &[&["aim"], &["goal"], &["purpose"], &["in", "order", "to"], &["цель"], &["целях"], &["направлен"]];

impl Kind {
    /// Whether the kind is something done, which a purpose does not tell.
    fn is_done(self) -> bool {
        matches!(self, Seizure | Arrest | Laboratory | TraffickingGroup | Sentence)
    }
}

/// A kind and the word where the text told it (an index into the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Told {
    pub kind: Kind,
    pub word: usize,
}

/// Each kind the words tell of, once, at its first cue. `text` is the words' text (for
/// where sentences and clauses end) and `drugs` the drugs they name.
pub fn kinds(text: &[char], words: &[Word], drugs: &[Named]) -> Vec<Told> {
    let cues = cues_by_letter();
    let mut out: Vec<Told> = Vec::new();
    for sentence in sentences(text, words) {
        let within = InSentence { text, words, drugs, range: sentence.clone() };
        let aim = sentence.clone().find(|&at| AIM.iter().any(|aim| within.fits(at, aim)));
        for at in sentence {
            let Some(cues) = words[at].text.chars().next().and_then(|letter| cues.get(&letter)) else { continue };
            for cue in cues {
                if out.iter().any(|told| told.kind == cue.kind) || !within.fits(at, cue.words) {
                    continue;
                }
                if cue.kind.is_done() && aim.is_some_and(|aim| aim < at) {
                    continue;
                }
                if within.holds(cue.when, at) {
                    out.push(Told { kind: cue.kind, word: at });
                }
            }
        }
    }
    out
}

/// The cues (the international bodies among them) by the first letter of their first
/// word, in table order: a word is tried against the few that can fit it, not all 170
/// (most of the importer's time went there).
fn cues_by_letter() -> &'static HashMap<char, Vec<Cue>> {
    static CUES_BY_LETTER: OnceLock<HashMap<char, Vec<Cue>>> = OnceLock::new();
    CUES_BY_LETTER.get_or_init(|| {
        let bodies = BODIES.iter().map(|&body| cue(Cooperation, body, Always));
        let mut by_letter: HashMap<char, Vec<Cue>> = HashMap::new();
        for cue in CUES.iter().copied().chain(bodies) {
            if let Some(letter) = cue.words.first().and_then(|word| word.chars().next()) {
                by_letter.entry(letter).or_default().push(cue);
            }
        }
        by_letter
    })
}

/// One sentence of a text: its words are `range` of `words`.
struct InSentence<'a> {
    text: &'a [char],
    words: &'a [Word],
    drugs: &'a [Named],
    range: Range<usize>,
}

impl InSentence<'_> {
    /// Whether the cue's words start at word `at`, inside the sentence.
    fn fits(&self, at: usize, cue: &[&str]) -> bool {
        cue.len() <= self.range.end - at
            && cue.iter().zip(&self.words[at..]).all(|(stem, word)| starts(&word.text, stem))
    }

    fn holds(&self, when: When, at: usize) -> bool {
        match when {
            Always => true,
            OfDrugs => self.of_drugs(at),
            SentenceHas(cues) => self.range.clone().any(|other| cues.iter().any(|cue| self.fits(other, cue))),
            FollowedBy(stems) => (at + 1..self.range.end.min(at + 4))
                .any(|next| stems.iter().any(|stem| starts(&self.words[next].text, stem))),
            Abroad => self.abroad(),
        }
    }

    /// Whether a drug, a word for drugs or a unit of an amount stands near word `at` in
    /// its clause: six words either way, numbers not counted.
    fn of_drugs(&self, at: usize) -> bool {
        let tells = |word: usize| {
            let text = &self.words[word].text;
            self.drugs.iter().any(|named| (named.first..=named.last).contains(&word))
                || drugs::in_general(text)
                // `г` and `т` are as often a town or a year as a unit.
                || (text.chars().count() > 1 && quantity::is_unit(text).is_some())
        };
        let is_number = |word: &usize| self.words[*word].text.starts_with(|c: char| c.is_ascii_digit());
        let ends = |a: usize, b: usize| ends_clause(self.text, &self.words[a], &self.words[b]);
        let after = (at + 1..self.range.end).take_while(|&word| !ends(word - 1, word));
        let before = (self.range.start..at).rev().take_while(|&word| !ends(word, word + 1));
        let near_after = after.filter(|word| !is_number(word)).take(6).any(tells);
        near_after || before.filter(|word| !is_number(word)).take(6).any(tells)
    }

    /// Whether the sentence names an international body or two countries.
    fn abroad(&self) -> bool {
        let named = |cue: &[&str]| self.range.clone().any(|at| self.fits(at, cue));
        BODIES.iter().any(|body| named(body))
            || COUNTRIES.iter().filter(|names| names.iter().any(|name| named(&[name]))).count() >= 2
    }
}

/// Whether a word fits a cue: it begins with the cue, or for a cue ending in `.` it is
/// the cue or the cue and one letter more (`lab.`: `lab`, `labs`, not `label`).
fn starts(word: &str, cue: &str) -> bool {
    match cue.strip_suffix('.') {
        Some(whole) => word.strip_prefix(whole).is_some_and(|rest| rest.chars().count() <= 1),
        None => word.starts_with(cue),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drugs::named;
    use crate::words::words;

    fn ids(text: &str) -> Vec<&'static str> {
        let chars: Vec<char> = text.chars().collect();
        let words = words(text);
        let drugs = named(&words, &chars);
        let mut found: Vec<&str> = kinds(&chars, &words, &drugs).iter().map(|told| told.kind.id()).collect();
        found.sort_unstable();
        found
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn kinds_are_told_in_either_language() {
        assert_eq!(ids("Police detained two men and seized 3 kg of hashish"), ["arrest", "seizure"]);
        assert_eq!(
            ids("Сотрудники ликвидировали нарколабораторию и задержали членов ОПГ"),
            ["arrest", "laboratory", "trafficking-group"]
        );
        assert_eq!(ids("Суд приговорил его к 8 годам лишения свободы"), ["sentence"]);
        assert_eq!(ids("В школах прошли профилактические лекции"), ["prevention"]);
        assert_eq!(ids("A joint meeting with UNODC"), ["cooperation"]);
    }

    #[test]
    fn short_cues_are_whole_words() {
        assert_eq!(ids("a label; судьба; the labyrinth"), NONE);
    }

    #[test]
    fn a_thing_found_is_a_seizure_when_it_is_drugs() {
        assert_eq!(ids("Customs officers found 4 kg of cocaine in a suitcase."), ["seizure"]);
        assert_eq!(ids("A search revealed 2 thousand tablets of tramadol."), ["seizure"]);
        assert_eq!(ids("В ходе обыска обнаружены 300 граммов гашиша и 1,5 кг «соли»."), ["seizure"]);
        assert_eq!(ids("Two parcels with heroin were discovered at the post office."), ["seizure"]);
        assert_eq!(ids("The court found him guilty and confiscated his car."), NONE);
        assert_eq!(ids("Нарушения обнаружены в 3 аптеках, где без рецепта продавали трамадол."), NONE);
        // Drugs destroyed long after their seizure are no seizure.
        assert_eq!(ids("В Душанбе сожгли и уничтожили 500 кг наркотиков."), NONE);
    }

    #[test]
    fn a_laboratory_or_a_group_is_told_when_dismantled() {
        assert_eq!(ids("Police dismantled a clandestine laboratory producing mephedrone."), ["laboratory"]);
        assert_eq!(ids("В гараже обнаружена подпольная нарколаборатория."), ["laboratory"]);
        assert_eq!(ids("They supplied precursors to clandestine laboratories."), NONE);
        assert_eq!(ids("A drug testing laboratory opened in the city."), NONE);
        assert_eq!(ids("The activities of an organized group were stopped."), ["trafficking-group"]);
        assert_eq!(ids("Канал контрабанды героина перекрыт."), ["trafficking-group"]);
        assert_eq!(
            ids("Деятельность преступного сообщества пресечена, 5 человек задержаны."),
            ["arrest", "trafficking-group"]
        );
        assert_eq!(ids("Суд вынес приговор членам преступной группы."), ["sentence"]);
        assert_eq!(ids("Members of the working group met in Almaty."), NONE);
        // `мера пресечения` is a measure of restraint, not a group stopped.
        assert_eq!(ids("Участникам группы избрана мера пресечения."), NONE);
    }

    #[test]
    fn a_sentence_is_a_verdict_not_what_the_law_provides() {
        assert_eq!(ids("He faces up to 10 years of imprisonment; the court placed him under arrest."), ["arrest"]);
        assert_eq!(ids("Подозреваемому грозит до 15 лет лишения свободы."), NONE);
        assert_eq!(ids("Convicts in the colony attended a lecture."), ["prevention"]);
        assert_eq!(ids("The dealer was convicted and sentenced to 9 years."), ["sentence"]);
        assert_eq!(ids("Осуждены трое наркокурьеров."), ["sentence"]);
    }

    #[test]
    fn what_is_aimed_at_is_not_done() {
        assert_eq!(ids("The operation is aimed at dismantling smuggling channels and seizing drugs."), NONE);
        assert_eq!(ids("Рейды проводятся с целью выявления и ликвидации нарколабораторий."), NONE);
        // A cue before the purpose is told.
        assert_eq!(ids("Задержан мужчина, хранивший героин с целью сбыта."), ["arrest"]);
        // Prevention and cooperation are told by their aims.
        assert_eq!(ids("The campaign aims at preventing drug use among teenagers."), ["prevention"]);
    }

    #[test]
    fn prevention_is_ongoing_work_not_a_thwarted_crime() {
        assert_eq!(ids("Border guards prevented an attempt to smuggle heroin."), NONE);
        assert_eq!(ids("The agency released a video on preventing drug use among teenagers."), ["prevention"]);
        assert_eq!(ids("МВД предупреждает: не становитесь курьерами."), ["prevention"]);
        assert_eq!(ids("В школе прошло родительское собрание."), ["prevention"]);
        assert_eq!(ids("An anti-drug sports festival was held; volunteers handed out leaflets."), ["prevention"]);
        assert_eq!(ids("Drug propaganda on the Internet is now punishable."), NONE);
    }

    #[test]
    fn cooperation_is_with_a_partner_abroad() {
        assert_eq!(ids("Officers of Uzbekistan together with the State Security Service seized heroin."), ["seizure"]);
        assert_eq!(
            ids("Officers of Kyrgyzstan together with colleagues from Kazakhstan seized heroin."),
            ["cooperation", "seizure"]
        );
        assert_eq!(ids("ФСБ России при взаимодействии с полицией Эквадора изъяла кокаин."), ["cooperation", "seizure"]);
        assert_eq!(ids("Полицейские совместно с волонтёрами провели акцию."), ["prevention"]);
        assert_eq!(ids("A man was detained at the international airport with an international parcel."), ["arrest"]);
        assert_eq!(ids("В Международный день борьбы с наркоманией прошёл концерт."), NONE);
        assert_eq!(ids("An international anti-drug operation ended in Tashkent."), ["cooperation"]);
        assert_eq!(ids("Представители УНП ООН провели семинар."), ["cooperation"]);
        assert_eq!(ids("Police officers took part in a UNICEF programme."), ["cooperation"]);
        assert_eq!(ids("Heads of the agencies of Tajikistan and Iran held a meeting in Dushanbe."), ["cooperation"]);
    }
}
