//! What kind of event a report tells of, from words that say so: a short fixed list.

use crate::words::Word;
use serde::{Deserialize, Serialize};

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

/// The words that tell of each kind: a run of word beginnings (`["преступн", "групп"]`
/// is “преступная группа” in any case).
const CUES: &[(Kind, &[&[&str]])] = &[
    (
        Kind::Seizure,
        &[
            &["seiz"],
            &["confiscat"],
            &["intercept"],
            &["изъят"],
            &["изъял"],
            &["изъя"],
            &["конфиск"],
            &["обнаружен"],
            &["обнаружил"],
            &["found."],
            &["discovered"],
            &["destroyed"],
            &["уничтож"],
        ],
    ),
    (
        Kind::Arrest,
        &[
            &["detain"],
            &["arrest"],
            &["apprehend"],
            &["detention"],
            &["задержан"],
            &["задержал"],
            &["арест"],
            &["задержи"],
        ],
    ),
    (Kind::Laboratory, &[&["laborator"], &["lab."], &["лаборатор"], &["нарколаборатор"]]),
    (
        Kind::TraffickingGroup,
        &[
            &["criminal", "group"],
            &["organized", "group"],
            &["organised", "group"],
            &["criminal", "gang"],
            &["drug", "ring"],
            &["trafficking", "ring"],
            &["gang"],
            &["syndicate"],
            &["criminal", "network"],
            &["trafficking", "network"],
            &["trafficking", "channel"],
            &["smuggling", "channel"],
            &["преступн", "групп"],
            &["организованн", "групп"],
            &["преступн", "сообществ"],
            &["группиров"],
            &["опг."],
            &["канал"],
            &["наркогрупп"],
            &["банд."],
        ],
    ),
    (
        Kind::Sentence,
        &[
            &["sentenced"],
            &["sentence"],
            &["verdict"],
            &["court"],
            &["imprisonment"],
            &["convicted"],
            &["приговор"],
            &["осужд"],
            &["суд."],
            &["судебн"],
            &["лишени", "свобод"],
        ],
    ),
    (
        Kind::Prevention,
        &[
            &["prevent"],
            &["awareness"],
            &["lecture"],
            &["campaign"],
            &["healthy", "lifestyle"],
            &["rehabilitat"],
            &["propaganda"],
            &["профилакт"],
            &["лекци"],
            &["акци"],
            &["здоров", "образ"],
            &["реабилит"],
            &["антинаркотическ", "месячник"],
            &["пропаганд"],
            &["разъяснительн"],
            &["tournament"],
            &["турнир"],
            &["флешмоб"],
            &["flash", "mob"],
        ],
    ),
    (
        Kind::Cooperation,
        &[
            &["international"],
            &["cooperation"],
            &["joint"],
            &["delegation"],
            &["memorandum"],
            &["agreement"],
            &["unodc"],
            &["caricc"],
            &["царинц"],
            &["унп.", "оон."],
            &["международн"],
            &["сотрудничеств"],
            &["совместн"],
            &["делегац"],
            &["меморандум"],
            &["соглашени"],
        ],
    ),
];

/// A kind and the word where the text told it (an index into the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Told {
    pub kind: Kind,
    pub word: usize,
}

/// Each kind the words tell of, once, at its first cue.
pub fn kinds(words: &[Word]) -> Vec<Told> {
    let mut out: Vec<Told> = Vec::new();
    for at in 0..words.len() {
        for &(kind, cues) in CUES {
            if out.iter().any(|told| told.kind == kind) {
                continue;
            }
            let fits = |cue: &&[&str]| {
                cue.len() <= words.len() - at
                    && cue.iter().zip(&words[at..]).all(|(stem, word)| starts(&word.text, stem))
            };
            if cues.iter().any(fits) {
                out.push(Told { kind, word: at });
            }
        }
    }
    out
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
    use crate::words::words;

    fn ids(text: &str) -> Vec<&'static str> {
        let mut found: Vec<&str> = kinds(&words(text)).iter().map(|told| told.kind.id()).collect();
        found.sort_unstable();
        found
    }

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
        assert_eq!(ids("a label; судьба; the labyrinth"), Vec::<&str>::new());
    }
}
