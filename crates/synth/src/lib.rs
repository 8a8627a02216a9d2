//! A synthetic archive for measuring the importer and the viewer at archive scale
//! (`caricc synth`): N releases shaped like the real ones, deterministic for a seed.
//!
//! Each release is written as a release *text* in the importer's input format (the form of
//! release #15 and of its Russian version), so importing the texts is a real measurement of
//! the importer, and the bundle is what the importer makes of them. Shape: two releases a
//! month going back from the second half of December 2025 (numbers 1–24 in a year; an
//! archive of more than 1,728 releases gets shorter periods, down to two days), 15–25
//! events each (about 20), countries weighted as in real releases, titles in capitals,
//! 2–9 paragraphs of 150–450 characters built from the sample's own words, one source
//! link per event, a summary stating the counts and the topics. About a third of the
//! releases are also, or only, in Russian (Cyrillic text, the Russian form of the release),
//! so search across scripts has both to look at.
//!
//! No randomness crate: a xorshift generator seeded from the seed, so the same seed gives
//! the same archive on every machine and every build.

use caricc_format::archive::Manifest;
use caricc_format::bundle::to_json;
use caricc_format::country;
use caricc_format::date::{MONTHS_EN, MONTHS_RU};
use caricc_format::model::{Bundle, Issue, FORMAT_VERSION};
use caricc_import::check::{check_bundle, has_errors};
use caricc_import::import::{import_release, ImportOptions};
use caricc_search::index::Splitter;
use thiserror::Error;

/// The oldest year a synthetic release is dated (bundle checks refuse implausible years).
const FIRST_YEAR: i32 = 1990;
/// The newest release is the last of this year.
const LAST_YEAR: i32 = 2025;
const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;
/// Releases a month: two (half-months, as CARICC publishes) while the archive fits, else the
/// first that holds it: thirds of a month, weeks, five days, three days, two days.
const PER_MONTH: [usize; 6] = [2, 3, 4, 6, 10, 14];
/// Releases (bundle entries) at most in half-monthly releases: every slot in both languages.
pub const HALF_MONTHLY_RELEASES: usize = 2 * YEARS * 12 * PER_MONTH[0];
/// Releases (bundle entries) at most: every two-day slot in both languages.
pub const MAX_SYNTH_RELEASES: usize = 2 * YEARS * 12 * PER_MONTH[PER_MONTH.len() - 1];

/// Events per release.
const EVENTS: (usize, usize) = (15, 25);
/// Paragraphs per event.
const PARAGRAPHS: (usize, usize) = (2, 9);
/// Characters per paragraph.
pub const PARAGRAPH_CHARS: (usize, usize) = (150, 450);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SynthError {
    #[error("{asked} releases asked for; at most {MAX_SYNTH_RELEASES} can be dated {FIRST_YEAR}–{LAST_YEAR} (a release every two days, in two languages)")]
    TooMany { asked: usize },
    /// The importer could not read a generated text: a bug in this module or in the importer.
    #[error("{file}: the importer could not read the generated text: {message}")]
    Import { file: String, message: String },
}

/// One generated release text and what it is meant to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthRelease {
    pub number: u32,
    pub year: i32,
    /// `en` or `ru`: the language the text is written in.
    pub lang: &'static str,
    /// Events per country in print order, as the text's summary states them.
    pub counts: Vec<(&'static str, u32)>,
    /// Paragraphs of each event, in print order.
    pub paragraphs: Vec<usize>,
    /// The release text, in the importer's input format.
    pub text: String,
}

impl SynthRelease {
    /// `information-release-2025-07.txt`, `information-release-2025-07-ru.txt`.
    pub fn file_name(&self) -> String {
        let suffix = if self.lang == "en" { String::new() } else { format!("-{}", self.lang) };
        format!("information-release-{}-{:02}{suffix}.txt", self.year, self.number)
    }

    pub fn events(&self) -> u32 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// `count` release texts, newest first (a release in both languages: English, then Russian).
pub fn synth_releases(count: usize, seed: u64) -> Result<Vec<SynthRelease>, SynthError> {
    Ok(synth_iter(count, seed)?.collect())
}

/// The releases of [`synth_releases`] one at a time, so that an archive of thousands of
/// releases (hundreds of megabytes of text) never has to be in memory at once.
pub fn synth_iter(count: usize, seed: u64) -> Result<impl Iterator<Item = SynthRelease>, SynthError> {
    if count > MAX_SYNTH_RELEASES {
        return Err(SynthError::TooMany { asked: count });
    }
    let calendar = Calendar::for_count(count);
    let vocabulary = Vocabulary::new();
    let mut rng = Rng::new(seed);
    Ok(schedule(count, seed).into_iter().flat_map(move |(number, year, langs)| {
        let plan = plan_release(&mut rng, &vocabulary, calendar, number, year);
        langs
            .iter()
            .map(|&lang| SynthRelease {
                number,
                year,
                lang: lang.code(),
                counts: plan.counts(),
                paragraphs: plan.events.iter().map(|event| event.paragraphs.len()).collect(),
                text: render_release(&plan, lang, &vocabulary),
            })
            .collect::<Vec<_>>()
    }))
}

/// How often releases come out: `per_month` periods a month, numbered from 1 in each year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Calendar {
    per_month: usize,
}

impl Calendar {
    /// The longest periods that date `count` releases within the years.
    fn for_count(count: usize) -> Calendar {
        let per_month = PER_MONTH.iter().copied().find(|&per_month| 2 * YEARS * 12 * per_month >= count);
        Calendar { per_month: per_month.unwrap_or(PER_MONTH[PER_MONTH.len() - 1]) }
    }

    fn per_year(self) -> usize {
        12 * self.per_month
    }

    /// Publication slots from the last release of 2025 back to 1990 #1.
    fn slots(self) -> usize {
        YEARS * self.per_year()
    }

    /// The month (0 for January) and the first and last day of release `number` of `year`.
    fn period(self, number: u32, year: i32) -> (usize, (u32, u32)) {
        let index = (number as usize).saturating_sub(1);
        let (month, slot) = (index / self.per_month, index % self.per_month);
        let days = days_in_month(year, month + 1);
        // Half-months are 1–15 and 16–end, as CARICC prints them; shorter periods share the
        // month out evenly (at least two days each: no month is shorter than 28).
        let basis = if self.per_month == 2 { 30 } else { days as usize };
        let start = |slot: usize| 1 + (slot * basis / self.per_month) as u32;
        let end = if slot + 1 == self.per_month { days } else { start(slot + 1) - 1 };
        (month, (start(slot), end))
    }
}

/// Which releases to write, newest first: (number, year, languages), `count` entries in all.
fn schedule(count: usize, seed: u64) -> Vec<(u32, i32, &'static [Lang])> {
    let calendar = Calendar::for_count(count);
    let (per_year, slots_in_all) = (calendar.per_year(), calendar.slots());
    // Its own generator, so the releases' contents do not depend on how many there are.
    let mut rng = Rng::new(seed ^ 0x6c61_6e67_7561_6765);
    let mut slots = Vec::new();
    let mut written = 0;
    let mut slot = 0;
    while written < count {
        let number = (per_year - slot % per_year) as u32;
        let year = LAST_YEAR - (slot / per_year) as i32;
        // A sixth only in Russian, a sixth in both languages, the rest only in English…
        let mut langs: &'static [Lang] = match rng.below(6) {
            0 => &[Lang::Ru],
            1 => &[Lang::En, Lang::Ru],
            _ => &[Lang::En],
        };
        // …unless the remaining slots could not hold the releases still to write otherwise.
        let remaining = count - written;
        if remaining > 2 * (slots_in_all - slot - 1) {
            langs = &[Lang::En, Lang::Ru];
        }
        if langs.len() > remaining {
            langs = &langs[..remaining];
        }
        written += langs.len();
        slots.push((number, year, langs));
        slot += 1;
    }
    slots
}

/// The bundle the importer makes of the texts, ordered as `caricc import` orders it.
pub fn import_all(releases: &[SynthRelease]) -> Result<Bundle, SynthError> {
    let mut bundle = Bundle::default();
    for release in releases {
        bundle.issues.push(import_one(release)?);
    }
    bundle.issues.sort_by(|a, b| (b.year, b.number, &a.lang).cmp(&(a.year, a.number, &b.lang)));
    check(&bundle, || "the bundle".into())?;
    Ok(bundle)
}

/// `count` releases as a bundle: [`synth_releases`], then [`import_all`].
pub fn synth_bundle(count: usize, seed: u64) -> Result<Bundle, SynthError> {
    import_all(&synth_releases(count, seed)?)
}

/// `count` releases written straight into the chunked layout (see [`caricc_format::archive`]):
/// the files [`split`](caricc_format::archive::split) makes of [`synth_bundle`], made one
/// release at a time, so that an archive far larger than a bundle may be (10,000 releases,
/// 600 MB) is never in memory at once. Each release is checked as a bundle of its own (the
/// schedule never repeats a release). `write` gets each file's path in the archive folder
/// and its text, the manifest last; the manifest is returned.
pub fn synth_archive<E: From<SynthError>>(
    count: usize,
    seed: u64,
    shards: Option<u32>,
    mut write: impl FnMut(&str, &str) -> Result<(), E>,
) -> Result<Manifest, E> {
    let mut splitter = Splitter::default();
    // Generated newest first, English before Russian: the order of the bundle, so positions
    // in the index are the bundle's.
    for release in synth_iter(count, seed)? {
        let bundle = Bundle { format: FORMAT_VERSION, issues: vec![import_one(&release)?] };
        check(&bundle, || release.file_name())?;
        let file = splitter.add(&bundle.issues[0]);
        write(&file, &to_json(&bundle))?;
    }
    let split = splitter.finish(shards);
    for (file, text) in split.files() {
        write(&file, &text)?;
    }
    Ok(split.manifest)
}

/// What the importer makes of one generated text.
fn import_one(release: &SynthRelease) -> Result<Issue, SynthError> {
    import_release(&release.text, &ImportOptions::default())
        .map(|import| import.issue)
        .map_err(|error| SynthError::Import { file: release.file_name(), message: error.to_string() })
}

/// Fails with every error `caricc check` would report.
fn check(bundle: &Bundle, file: impl FnOnce() -> String) -> Result<(), SynthError> {
    let problems = check_bundle(bundle);
    if has_errors(&problems) {
        let message = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
        return Err(SynthError::Import { file: file(), message });
    }
    Ok(())
}

// ---- What a release holds ---------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Ru,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }
}

/// A country as releases print it, and how often it has events.
struct Place {
    code: &'static str,
    heading: [&'static str; 2],
    /// The name in the summary's counts and topics.
    label: [&'static str; 2],
    /// Share of events, in percent.
    weight: usize,
    outlets: &'static [&'static str],
    /// Source URL patterns: `{n}` a number, `{slug}` words of a title.
    sources: &'static [&'static str],
}

/// CARICC's member states in the order releases print them; the weights follow the real
/// releases (Kazakhstan and Russia report most).
const PLACES: &[Place] = &[
    Place {
        code: "az",
        heading: ["REPUBLIC OF AZERBAIJAN", "АЗЕРБАЙДЖАНСКАЯ РЕСПУБЛИКА"],
        label: ["Azerbaijan", "Азербайджан"],
        weight: 6,
        outlets: &["APA.AZ", "REPORT.AZ"],
        sources: &["https://www.nmdk.gov.az/page/post/{n}/", "https://mia.gov.az/ru/news/{n}/"],
    },
    Place {
        code: "kz",
        heading: ["REPUBLIC OF KAZAKHSTAN", "РЕСПУБЛИКА КАЗАХСТАН"],
        label: ["Kazakhstan", "Казахстан"],
        weight: 30,
        outlets: &["24.KZ", "KAZINFORM.KZ", "TENGRINEWS.KZ"],
        sources: &["https://polisia.kz/ru/{slug}/", "https://www.inform.kz/ru/{slug}-{n}"],
    },
    Place {
        code: "kg",
        heading: ["KYRGYZ REPUBLIC", "КЫРГЫЗСКАЯ РЕСПУБЛИКА"],
        label: ["Kyrgyzstan", "Кыргызстан"],
        weight: 14,
        outlets: &["TOPNEWS.KG", "KABAR.KG", "24.KG"],
        sources: &["https://topnews.kg/obshchestvo/{n}-{slug}.html", "https://24.kg/proisshestvija/{n}_{slug}/"],
    },
    Place {
        code: "ru",
        heading: ["RUSSIAN FEDERATION", "РОССИЙСКАЯ ФЕДЕРАЦИЯ"],
        label: ["Russia", "Россия"],
        weight: 28,
        outlets: &["TASS.RU", "RIA.RU"],
        sources: &["https://xn--b1aew.xn--p1ai/news/item/{n}", "https://tass.ru/proisshestviya/{n}"],
    },
    Place {
        code: "tj",
        heading: ["REPUBLIC OF TAJIKISTAN", "РЕСПУБЛИКА ТАДЖИКИСТАН"],
        label: ["Tajikistan", "Таджикистан"],
        weight: 8,
        outlets: &["KHOVAR.TJ", "ASIAPLUS.TJ"],
        sources: &["https://vkd.tj/index.php/ru/novosti/{n}-{slug}", "https://khovar.tj/rus/{slug}/"],
    },
    Place {
        code: "tm",
        heading: ["TURKMENISTAN", "ТУРКМЕНИСТАН"],
        label: ["Turkmenistan", "Туркменистан"],
        weight: 4,
        outlets: &["TURKMENPORTAL.COM"],
        sources: &["https://turkmenportal.com/blog/{n}/{slug}"],
    },
    Place {
        code: "uz",
        heading: ["REPUBLIC OF UZBEKISTAN", "РЕСПУБЛИКА УЗБЕКИСТАН"],
        label: ["Uzbekistan", "Узбекистан"],
        weight: 10,
        outlets: &["UZA.UZ", "KUN.UZ"],
        sources: &["https://iiv.uz/ru/news/{slug}", "https://uza.uz/ru/posts/{slug}_{n}"],
    },
];

/// What the summary says a country's events were about.
const TOPICS: &[[&str; 2]] = &[
    [
        "preventive measures carried out by police officers",
        "профилактических мероприятиях, проводимых сотрудниками полиции",
    ],
    ["seizures of narcotic drugs and psychotropic substances", "изъятиях наркотических средств и психотропных веществ"],
    ["educational activities against drug addiction", "просветительских мероприятиях против наркомании"],
    ["inspections of nightclubs and bars", "проверках ночных клубов и баров"],
    ["the detention of drug couriers", "задержании наркокурьеров"],
    ["international cooperation in the fight against drugs", "международном сотрудничестве в борьбе с наркотиками"],
    ["countering the sale of drugs via the Internet", "противодействии сбыту наркотиков через Интернет"],
];

/// Cities, in both scripts, so that a Latin query finds Cyrillic text and the other way round.
const CITIES: &[[&str; 2]] = &[
    ["Almaty", "Алматы"],
    ["Astana", "Астана"],
    ["Bishkek", "Бишкек"],
    ["Osh", "Ош"],
    ["Tashkent", "Ташкент"],
    ["Dushanbe", "Душанбе"],
    ["Ashgabat", "Ашхабад"],
    ["Baku", "Баку"],
    ["Moscow", "Москва"],
    ["Novosibirsk", "Новосибирск"],
];

/// An English month name as a release prints it ("August").
fn month_en(month: usize) -> String {
    let name = MONTHS_EN[month];
    name[..1].to_uppercase() + &name[1..]
}

/// A release before it is written in a language: the same plan gives the English and the
/// Russian version, so both hold the same events (and the importer gives them the same ids).
struct ReleasePlan {
    number: u32,
    year: i32,
    month: usize,
    days: (u32, u32),
    /// Events in print order (grouped by country in table order).
    events: Vec<EventPlan>,
    /// How each country's section heading is written (Markdown, bold or plain capitals).
    heading_forms: Vec<usize>,
    topics: Vec<usize>,
}

struct EventPlan {
    place: usize,
    /// Target length of each paragraph in characters.
    paragraphs: Vec<usize>,
    outlet: Option<&'static str>,
    /// How the title is written: `###`, bold, bold over two lines, plain capitals.
    title_form: usize,
    title_words: usize,
    source: String,
    source_in_brackets: bool,
    /// Seeds the words, so both languages' texts of the event are drawn the same way.
    seed: u64,
}

impl ReleasePlan {
    fn counts(&self) -> Vec<(&'static str, u32)> {
        let mut counts: Vec<(&'static str, u32)> = Vec::new();
        for event in &self.events {
            let code = PLACES[event.place].code;
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => counts.push((code, 1)),
            }
        }
        counts
    }

    /// Indexes into [`PLACES`] of the countries with events, in print order.
    fn places(&self) -> Vec<usize> {
        let mut places: Vec<usize> = self.events.iter().map(|event| event.place).collect();
        places.dedup();
        places
    }
}

fn plan_release(rng: &mut Rng, vocabulary: &Vocabulary, calendar: Calendar, number: u32, year: i32) -> ReleasePlan {
    let (month, days) = calendar.period(number, year);
    let total_weight: usize = PLACES.iter().map(|place| place.weight).sum();
    let mut places: Vec<usize> = (0..rng.range(EVENTS.0, EVENTS.1))
        .map(|_| {
            let mut pick = rng.below(total_weight);
            PLACES
                .iter()
                .position(|place| {
                    if pick < place.weight {
                        return true;
                    }
                    pick -= place.weight;
                    false
                })
                .unwrap_or(0)
        })
        .collect();
    places.sort_unstable();
    let events = places
        .into_iter()
        .map(|place| {
            let outlet = rng.chance(15).then(|| *rng.pick(PLACES[place].outlets));
            let slug: Vec<String> = (0..rng.range(3, 6))
                .map(|_| {
                    let word = rng.pick(&vocabulary.words[0]);
                    word.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect::<String>()
                })
                .filter(|word| !word.is_empty())
                .collect();
            let source = rng
                .pick(PLACES[place].sources)
                .replace("{n}", &rng.range(1_000, 99_999_999).to_string())
                .replace("{slug}", &slug.join("-"));
            EventPlan {
                place,
                paragraphs: (0..rng.range(PARAGRAPHS.0, PARAGRAPHS.1))
                    .map(|_| rng.range(PARAGRAPH_CHARS.0 + 20, PARAGRAPH_CHARS.1))
                    .collect(),
                title_form: if outlet.is_some() { 1 } else { rng.below(4) },
                outlet,
                title_words: rng.range(4, 11),
                source,
                source_in_brackets: rng.chance(85),
                seed: rng.next(),
            }
        })
        .collect::<Vec<_>>();
    let mut plan = ReleasePlan { number, year, month, days, events, heading_forms: Vec::new(), topics: Vec::new() };
    for _ in plan.places() {
        plan.heading_forms.push(rng.below(3));
        plan.topics.push(rng.below(TOPICS.len()));
    }
    plan
}

fn days_in_month(year: i32, month: usize) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---- Writing a release ------------------------------------------------------------------

fn render_release(plan: &ReleasePlan, lang: Lang, vocabulary: &Vocabulary) -> String {
    let l = lang as usize;
    let mut text = String::with_capacity(plan.events.len() * 2_500 + 3_000);
    let places = plan.places();
    let counts = plan.counts();
    let total: u32 = counts.iter().map(|(_, n)| n).sum();
    let (from, to) = plan.days;
    let (number, year, month) = (plan.number, plan.year, plan.month + 1);
    match lang {
        Lang::En => text.push_str(&format!(
            "\n\n\n\n# INFORMATION RELEASE\n\nABOUT PAST EVENTS  \nIN THE ANTI-DRUG SPHERE  \n(according to the media)\n\n\
             {from}-{to}.{month:02}.{year}\n\n#{number}\n\nAlmaty - {year}\n\n\n\n# INFORMATION RELEASE CARICC\n\n\
             {PUBLISHER_EN}\n\n**EDITORIAL ADDRESS:**\n\n{ADDRESS_EN}\n\n\
             tel.: +7 727 259 99 90\n\nfax: +7 727 392 15 54\n\nregistry@caricc.org www.caricc.org\n\n\
             «Information Release about past events in the anti-drug  \nsphere», #{number}, {year}\n\n\
             Circulation in PDF format\n\n## CONTENTS\n\n"
        )),
        Lang::Ru => text.push_str(&format!(
            "\n\n\n\n# ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ\n\nО ПРОШЕДШИХ СОБЫТИЯХ  \nВ АНТИНАРКОТИЧЕСКОЙ СФЕРЕ  \n(по материалам СМИ)\n\n\
             {from}-{to} {} {year} г.\n\n№{number}\n\nг. Алматы - {year}\n\n\n\n# ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ ЦАРИКЦ\n\n\
             {PUBLISHER_RU}\n\n**АДРЕС РЕДАКЦИИ:**\n\n{ADDRESS_RU}\n\n\
             тел.: +7 727 259 99 90\n\nфакс: +7 727 392 15 54\n\nregistry@caricc.org www.caricc.org\n\n\
             «Информационный бюллетень о прошедших событиях в  \nантинаркотической сфере», №{number}, {year}\n\n\
             Распространяется в формате PDF\n\n## СОДЕРЖАНИЕ\n\n",
            MONTHS_RU[plan.month]
        )),
    }
    let mut page = 2;
    for (&place, &(_, count)) in places.iter().zip(&counts) {
        text.push_str(&format!("<i>{}</i> .....\t{page}\n", PLACES[place].heading[l]));
        page += (count as usize * 2).div_ceil(3);
    }
    let stated: Vec<String> = places
        .iter()
        .zip(&counts)
        .map(|(&place, (_, count))| format!("{} – {count}", PLACES[place].label[l]))
        .collect();
    let topics: Vec<String> = places
        .iter()
        .zip(&plan.topics)
        .enumerate()
        .map(|(index, (&place, &topic))| {
            let lead = match (lang, index) {
                (Lang::En, 0) => "about",
                (Lang::En, _) => "on",
                (Lang::Ru, _) if TOPICS[topic][1].starts_with(['а', 'и', 'о', 'у', 'э']) => "об",
                (Lang::Ru, _) => "о",
            };
            format!("{lead} {} (*{}*)", TOPICS[topic][l], PLACES[place].label[l])
        })
        .collect();
    match lang {
        Lang::En => text.push_str(&format!(
            "\nIn the period from {from} to {to} {} {year}, based on information from the media CARICC member \
             states and other countries covered {total} events in the counter-narcotics field (*{}*).\n\n\
             Published articles contain information {}.\n\n",
            month_en(plan.month),
            stated.join(", "),
            topics.join(", ")
        )),
        Lang::Ru => text.push_str(&format!(
            "\nВ период с {from} по {to} {} {year} года по информации СМИ государств-членов ЦАРИКЦ и других стран \
             освещено {total} {} в антинаркотической сфере (*{}*).\n\n\
             Опубликованные статьи содержат информацию {}.\n\n",
            MONTHS_RU[plan.month],
            events_ru(total),
            stated.join(", "),
            topics.join(", ")
        )),
    }
    let mut section = usize::MAX;
    for event in &plan.events {
        if event.place != section {
            section = event.place;
            let form = plan.heading_forms[places.iter().position(|&p| p == section).unwrap_or(0)];
            let heading = PLACES[section].heading[l];
            text.push_str(&match form {
                0 => format!("\n\n## {heading}\n\n\n\n"),
                1 => format!("\n\n**{heading}**\n\n\n\n"),
                _ => format!("\n\n{heading}\n\n\n\n"),
            });
        }
        render_event(&mut text, event, lang, vocabulary);
    }
    text.push_str(&format!("\n\n{}\n\n{}\n", back_cover_publisher(lang), back_cover_address(lang)));
    text
}

const PUBLISHER_EN: &str = "Central Asian Regional Information and Coordination  \nCentre for combating the illicit \
                            trafficking of narcotic drugs,  \npsychotropic substances and their precursors";
const ADDRESS_EN: &str = "Republic of Kazakhstan, 050008, Almaty, Abay Avenue, 52";
const PUBLISHER_RU: &str = "Центрально-Азиатский региональный информационный  \nкоординационный центр по борьбе с \
                            незаконным оборотом  \nнаркотических средств, психотропных веществ и их прекурсоров";
const ADDRESS_RU: &str = "Республика Казахстан, 050008, г. Алматы, пр. Абая, 52";

/// The back cover repeats the publisher and the address (the importer reads it as page furniture).
fn back_cover_publisher(lang: Lang) -> &'static str {
    match lang {
        Lang::En => PUBLISHER_EN,
        Lang::Ru => PUBLISHER_RU,
    }
}

fn back_cover_address(lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{ADDRESS_EN}  \ntel.: +7 727 259 99 90  \nfax: +7 727 392 15 54  \nregistry@caricc.org www.caricc.org"
        ),
        Lang::Ru => format!(
            "{ADDRESS_RU}  \nтел.: +7 727 259 99 90  \nфакс: +7 727 392 15 54  \nregistry@caricc.org www.caricc.org"
        ),
    }
}

/// "20 событий", "21 событие", "22 события".
fn events_ru(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => "событий",
        (1, _) => "событие",
        (2..=4, _) => "события",
        _ => "событий",
    }
}

fn render_event(text: &mut String, event: &EventPlan, lang: Lang, vocabulary: &Vocabulary) {
    let mut rng = Rng::new(event.seed);
    let words = &vocabulary.words[lang as usize];
    let title = loop {
        let title: Vec<String> = (0..event.title_words).map(|_| rng.pick(words).to_uppercase()).collect();
        // A title that reads as a country's name would open a section instead.
        if country::recognise(&title.join(" ")).is_none() {
            break title;
        }
    };
    let heading = match (event.outlet, event.title_form) {
        (Some(outlet), _) => format!("**{outlet}****{}**", title.join(" ")),
        (None, 0) => format!("### {}", title.join(" ")),
        (None, 1) => format!("**{}**", title.join(" ")),
        // A title broken over two lines, as long titles are in the PDF.
        (None, 2) => {
            let (first, second) = title.split_at(title.len() / 2);
            format!("**{}  \n{}**", first.join(" "), second.join(" "))
        }
        (None, _) => title.join(" "),
    };
    text.push_str(&format!("{heading}\n\n\n\n"));
    for &target in &event.paragraphs {
        let paragraph = paragraph(&mut rng, vocabulary, lang, target);
        // Now and then a page break cuts a paragraph before a lowercase word (the importer
        // joins the parts again).
        let cut = rng
            .chance(8)
            .then(|| {
                paragraph.match_indices(' ').map(|(at, _)| at).find(|&at| {
                    let before = paragraph[..at].chars().next_back().unwrap_or('.');
                    at > 40 && !".!?…:;".contains(before) && paragraph[at + 1..].starts_with(char::is_lowercase)
                })
            })
            .flatten();
        match cut {
            Some(at) => text.push_str(&format!("{}\n\n{}\n\n", &paragraph[..at], &paragraph[at + 1..])),
            None => text.push_str(&format!("{paragraph}\n\n")),
        }
    }
    if event.source_in_brackets {
        text.push_str(&format!("<{}>\n\n\n\n", event.source));
    } else {
        text.push_str(&format!("{}\n\n\n\n", event.source));
    }
}

/// Sentences of 6–16 words from the vocabulary, with now and then a number, a city or a
/// comma, ending in a full stop, between `PARAGRAPH_CHARS` characters long (and at most `target`).
fn paragraph(rng: &mut Rng, vocabulary: &Vocabulary, lang: Lang, target: usize) -> String {
    let words = &vocabulary.words[lang as usize];
    let mut text = String::with_capacity(target * 2);
    let mut chars = 0;
    let mut sentence_left = rng.range(6, 16);
    let mut sentence_start = true;
    loop {
        let word = if !sentence_start && rng.chance(4) {
            number(rng, lang)
        } else if rng.chance(3) {
            rng.pick(CITIES)[lang as usize].to_owned()
        } else if sentence_start {
            capitalise(rng.pick::<&str>(words))
        } else {
            (*rng.pick(words)).to_owned()
        };
        let length = word.chars().count();
        // A space before the word and room for the punctuation after it.
        if chars + 1 + length + 1 > target {
            if chars >= PARAGRAPH_CHARS.0 {
                break;
            }
            continue;
        }
        if chars > 0 {
            text.push(' ');
            chars += 1;
        }
        text.push_str(&word);
        chars += length;
        sentence_start = false;
        sentence_left -= 1;
        if sentence_left == 0 {
            text.push('.');
            chars += 1;
            sentence_start = true;
            sentence_left = rng.range(6, 16);
        } else if rng.chance(6) {
            text.push(',');
            chars += 1;
        }
    }
    if text.ends_with(',') {
        text.pop();
    }
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

fn number(rng: &mut Rng, lang: Lang) -> String {
    let n = match rng.below(3) {
        0 => rng.range(2, 99),
        1 => rng.range(100, 999),
        _ => rng.range(1_000, 9_999),
    };
    match (lang, n) {
        (Lang::En, 1_000..) => format!("{},{:03}", n / 1_000, n % 1_000),
        (Lang::Ru, 1_000..) => format!("{} {:03}", n / 1_000, n % 1_000),
        _ => n.to_string(),
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The words texts are made of, per language (`Lang as usize`).
struct Vocabulary {
    words: [Vec<&'static str>; 2],
}

impl Vocabulary {
    fn new() -> Vocabulary {
        Vocabulary { words: [WORDS_EN.split_whitespace().collect(), WORDS_RU.split_whitespace().collect()] }
    }
}

/// xorshift64* (Marsaglia; Vigna), seeded through splitmix64 so that nearby seeds give
/// unrelated sequences and seed 0 is as good as any.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_f491_4f6c_dd1d } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// 0..n (n > 0); the bias of the modulo is far below what matters here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// lo..=hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Words of the sample release's event texts (static/bundle.json), sorted: the English vocabulary.
const WORDS_EN: &str = "\
    According Action Airport Akmola Autonomous Baku Belarus Bishkek China Chinese Commission Committee \
    Communication Conversations Council Counter Cup Daniyar Dear Dmitry During European Federation \
    Following Fomin Format General Good House If Illicit India Inspectorate Internet Iran Juvenile \
    Kazakhstan Kokshetau Krasnoslobodtseva Kursanova Kyrgyzstan Labor Marijuana Marina Meyirkhan \
    Michurinsky Ministry Narcological North Pakistan Penitentiary People’s Physical Plan Polukhtin \
    Protagonist Protect Pskov Razia Remember Republic Ruslan Russia Russian Safety School Secretariat \
    Sergey Shanghai Shift Sobriety Spider Sputnik Staff Tajikistan Tambov Tianshan Times Today Traffic \
    Twenty-five Udmurt Udmurtia Umbetov Urumqi Uygur Uzbekistan Well-being Xinjiang Yolochka Zavyalovsky \
    about accessible accused acting actions active actively activities addiction addition addressed \
    adolescents advantage advantages aerial affairs after against agencies agency agrees ahead aim aimed \
    allow already also among an and anonymously answers anti-drug any anyone apprehend approved \
    approximately apps are area areas around artificial as asked aspects at attempting attitude audience \
    authorities avoid bank bars based be became become becomes been before begin begins behalf behave \
    behavior best between beyond body border both branch brings brought build bureau but by called \
    cameras camp campaign campers can card cards care careful carried cases cause center ceremony \
    certificates chairman chairmanship channels chat chatbot children children’s citizens city civil \
    combat combating commits committed community company competent complicity compositions concept \
    concerned conclusion conditions conducted confirming consequences consideration consuming \
    contactless continued continues contribute control conveniently conveying convicts cooperation \
    coordination correctional could countering courier couriers cover create creative creativity crime \
    crimes criminal crypto cryptocurrency cultural culture current customs daily danger data date day \
    days dealer deals defendants delivery demonstrated demonstrating department departmental \
    department’s deputy detail detailed detained detect developing development dialogue different \
    directorate discoveries discussed discussion diseases dismantling distributing distribution district \
    do dog done don’t dropping drug drug-related drugs dynamic each eagerly earlier earning easy \
    education educational effective effects efforts emphasized employee employees employment encouraging \
    end enforcement entering environment environmental episodes equality equipment equipped especially \
    establishments event events every everyone evidence examples exchanged exciting exercise experiences \
    expert experts explained face facts fall faster field fight fighters first fixes food for foremost \
    forensic form friendship from full further future games get gets giving goal government group groups \
    guests handed handlers happens happiness harm harmful has have he head heads health healthy held \
    helps here high high-resolution high-tech himself his hosts how human ideas identified identify \
    illegal illusory imagers immediately impact implementation implementing important in incidents \
    included including inclusion increasingly indicates individuals inevitability infectious information \
    informative informed initiative inspections inspector institutions instructor intelligence \
    interaction interactive interagency interest interested interesting intergovernmental internal \
    international interregional into introduction investigate involved involvement is it its joint judo \
    just justice know laboratory land large-scale launch launching law law-abiding leaflets learned led \
    legal legalization lessons level liability lieutenant life lifestyles linked logistics long loses \
    losing loved mail main maintain make malicious manner mark master measures media meeting meetings \
    member members memorable met methods minors mission mistake mobile money months more most movement \
    multimodal multiple municipal murder musical must narcotic narcotics national need networks new \
    nightclubs no not of offense offenses offer offers officers older on one ones online only open \
    opening operating operation operational operations operative operatives opportunities or order \
    ordinary organization organizational organizations organized organizing original other out outdoor \
    over owners part participants participate participated particularly parties payment penalties people \
    personal personnel persons platform please pleasures plot police port possible postal potential \
    practice practices precursors preliminary presentation presented press pretext prevent prevented \
    preventing prevention preventive prison problem problems procedure proceeds processing profession \
    program promising promoting proportion proposal proposals protection provided psychoactive \
    psychological psychotropic public public-state punishment pupils pursuit qualities questions quick \
    raid railway real real-life received recorded recreation recruit region regional registered \
    reintegration related relax releases reminded report representatives republic’s required requires \
    respect respond responsible result results rich rights risk routine said sambo says scheme schemes \
    security seized seizures senior sentences separate series serious serve service services session \
    sessions seven shaping shared she shipment show side since situations smuggling so so-called social \
    society solving some specialized spoke sports spread spreading stability start state states station \
    stations statistical step stop storytelling strength strengthen strengthening studying subject \
    substances such support suspects sustainable synthetic taken tasks team tech technologies teenagers \
    terminal territory testing than thanked that the their them themed there thermal these they third \
    this threat through to together tons took tools topic topics total towards traces trade \
    traditionally trafficking training transactions transnational transport tricks tries trouble true \
    trying unacceptability under understanding universities unlawful unmanned up urge urges us use used \
    using vacationers values vehicle via victim video video’s view vigilant visitors volunteer \
    volunteering volunteerism volunteers vulnerabilities wallet wallets warm-up warned warns was we web \
    well were what where which while who whom winner with within work working world would you young your \
    yourself youth";

/// Words of the Russian-form test release (tests/fixtures/releases), sorted: the Russian vocabulary.
const WORDS_RU: &str = "\
    Ёлочка Абая Азербайджан Акмолинской Алматы Бакинского Бишкеке Быстрых Влияние Главная Главного \
    Главный Государственной Данияр Дня Добрых Доме Если Завьяловского Задержаны Заместитель Зарядка \
    Инспектор Казахстан Китайская Кокшетау Комитета Координационную Краснослободцева Кроме Курсанова \
    Кыргызстан Мак Марина Международный Мейірхан Министерства Мичуринском Народная Опубликованные От \
    Паутина Пенитенциарной Плана Под Полицейская Полицейские Помните После Прозвучали Псковской Рабочей \
    Разия Распространяется Республика России Российской Россия Руслан Секретариата Сотрудничество \
    Спутник Твори Уважаемые Удмуртии Удмуртской Умбетов Урумчи Федерации Шанхайской Школе Школы августа \
    акция анонимно антинаркотическая антинаркотического антинаркотическое антинаркотической банковские \
    банковских баров беду безопасности беседы благополучие бойцы более борьбе быстрыми бюллетень бюро \
    вам ведомством вели вести веществ взаимодействия владельцами влечет вместе вовлекайтесь волонтёров \
    волонтёрской волонтёры вопросы воспитанниками вреде времен всем встреч встречи втягивается выпустило \
    высоких выявления выявлено выявлять где герой года город городского гостей государств \
    государств-членов государствах граждане группой группы данным движения действия делам день деньгами \
    департамента детей дети детском детям деятельность для дней добро доставки дропперством другие \
    других дружбой дружбы есть жизни за заболеваний заведений завершение зависимости закладчиком \
    занятиях запрещенных запуска заработка зарегистрировались защиты заявил здорового здоровье из \
    известно изъято или интеллекта интерактивной интерактивных интерес интересную инфекционных \
    информации информационный информацию искусственного исполняющий использовать исправительных их \
    каждое как кампании карт карты кинологи клубов комиссии компетентных контролю контроля \
    координационный котором который криминальный криптокошельки криптокошельков курьер лагере лагеря \
    листовки лицам материалам медиацентр мероприятие мероприятий мероприятия мероприятиях месяцев \
    милиции мир мобильных можем молодежи муниципальном мы на называемым наказания наполненных напомнили \
    наркокурьеров наркологического наркоманией наркомании наркопреступлений наркопреступности \
    наркотиками наркотиков наркотических населения насыщенную национальной начала начальник начальника \
    не незаконным незамедлительно неотвратимости неравнодушным несовершеннолетних нет новой ночных об \
    области оборотом образа обсудили общественной объяснили обычный обязанности оздоровительном около \
    округе оперативниками оперативный операции операция оперуполномоченный организации организационную \
    организма организованная организованное организованы органов освещено остановить осужденным \
    осужденных ответственности ответственность ответы отделением отделения отдыхают отдыхающих открытии \
    открытиями отметил ошибка первых передать передача период платежные по побеседовали поблагодарили \
    погоне поддержка подобных подчеркнула позволит показали полицейским полиции полицию получили помощью \
    попасть посетителями последствия последствиях пр права правонарушение правонарушений \
    правоохранительных предварительным преддверии предлагают предлогом предложение предложения \
    председателя представители представляющую предупреждает предупреждать предусмотрена прекурсоров \
    пресс-службы преступлении преступления преступную приложений примерах приняли проблемы проведена \
    проведено проведены провели проверках проверок проводилась проводимых программу программы \
    продолжилось пропаганда проработки просветительские просветительских просто пространстве против \
    противодействию профилактика профилактике профилактических профилактическое профильная проходит \
    прошедших прошло психологических психотропных работает работал работе работу раздали разминки разных \
    района рамках раньше распространение распространении рассказала рассказали реализации реальная \
    ребятам регионального региональный региональным регионах рейде республике решений ролик свои своих \
    связанную связанные связанных себя сегодняшний семь сила ситуациях службой службы смена событий \
    событиях совместно содержат создать сообщать сообщите состоялась сотрудниками сотрудники сотрудников \
    сотрудничества соучастие социальной социальную социальный социальных среди средств средства среду \
    становится станциях старший статистическую статьи стран строят сфере так такие творчеством тел \
    тематических тему технологии технологий того том тонн тонны традиционно требует третьим труда \
    тщательной тяжком уголовная уголовной уголовных удобно узнали укрепления употребления управления \
    утвержденного участвовали участие участники участников учреждениях факс фактах физкультурника \
    формате форме ходе цель целях центр центра церемония чат-бот человек человека числе членах членов \
    что чтобы школа штаб экологического это этой эту юных юстиции";

#[cfg(test)]
mod tests {
    use super::*;
    use caricc_format::text::is_all_caps;
    use caricc_import::check::check_bundle;
    use caricc_import::import::import_release;
    use caricc_import::import::WarningKind;

    #[test]
    fn the_same_seed_gives_the_same_archive() {
        let a = synth_releases(12, 7).unwrap();
        assert_eq!(a, synth_releases(12, 7).unwrap());
        assert_ne!(a, synth_releases(12, 8).unwrap(), "another seed, another archive");
        // A longer archive starts with the shorter one.
        assert_eq!(&synth_releases(20, 7).unwrap()[..12], &a[..]);
    }

    #[test]
    fn n_releases_two_a_month_going_back_from_2025() {
        for count in [0, 1, 2, 7, 30] {
            assert_eq!(synth_bundle(count, 1).unwrap().issues.len(), count, "{count}");
        }
        let releases = synth_releases(60, 1).unwrap();
        assert_eq!((releases[0].year, releases[0].number), (2025, 24));
        let mut slots: Vec<(i32, u32)> = releases.iter().map(|r| (r.year, r.number)).collect();
        slots.dedup();
        let expected: Vec<(i32, u32)> =
            (0..slots.len()).map(|i| (2025 - (i / 24) as i32, 24 - (i % 24) as u32)).collect();
        assert_eq!(slots, expected, "consecutive numbers 24…1 in each year, newest first");
        let russian = releases.iter().filter(|r| r.lang == "ru").count();
        assert!((10..=30).contains(&russian), "about a third in Russian: {russian} of 60");
        let both = releases.windows(2).filter(|w| (w[0].year, w[0].number) == (w[1].year, w[1].number)).count();
        assert!(both > 0 && both < russian, "some releases in both languages, some in Russian only");
        let events: u32 = releases.iter().map(SynthRelease::events).sum();
        assert!((60 * 17..=60 * 23).contains(&(events as usize)), "about 20 events a release: {events}");
    }

    #[test]
    fn the_bundle_passes_the_checks_without_a_warning() {
        let bundle = synth_bundle(40, 3).unwrap();
        assert_eq!(check_bundle(&bundle), vec![]);
        for issue in &bundle.issues {
            for event in &issue.events {
                assert!(is_all_caps(&event.title), "{}", event.title);
                assert!((2..=9).contains(&event.paragraphs.len()), "{}", event.id);
                for paragraph in &event.paragraphs {
                    let chars = paragraph.chars().count();
                    assert!((PARAGRAPH_CHARS.0..=PARAGRAPH_CHARS.1).contains(&chars), "{chars}: {paragraph}");
                }
                assert_eq!(event.sources.len(), 1);
                assert!(["az", "kz", "kg", "ru", "tj", "tm", "uz"].contains(&event.country.as_str()));
            }
            let cyrillic = issue.events.iter().flat_map(|e| e.paragraphs.iter()).any(|p| p.contains('а'));
            assert_eq!(cyrillic, issue.lang == "ru", "{} {}", issue.number, issue.lang);
        }
    }

    #[test]
    fn the_texts_import_back_to_what_they_were_written_to_hold() {
        for release in synth_releases(30, 11).unwrap() {
            let import = import_release(&release.text, &ImportOptions::default()).unwrap();
            let issue = &import.issue;
            let name = release.file_name();
            assert_eq!((issue.number, issue.year, issue.lang.as_str()), (release.number, release.year, release.lang));
            // The made-up text may print a number that reads two ways (`2,167 tons`): the
            // importer rightly reports it; nothing else may be reported.
            let warnings: Vec<_> =
                import.report.warnings.iter().filter(|warning| warning.kind != WarningKind::AmbiguousNumber).collect();
            assert_eq!(warnings, Vec::<&caricc_import::import::Warning>::new(), "{name}");
            assert_eq!(import.report.unplaced_lines(), Vec::<usize>::new(), "{name}");
            let mut found: Vec<(&str, u32)> = Vec::new();
            for event in &issue.events {
                match found.iter_mut().find(|(code, _)| *code == event.country) {
                    Some((_, n)) => *n += 1,
                    None => found.push((&event.country, 1)),
                }
            }
            assert_eq!(found, release.counts, "{name}: events per country");
            let stated: Vec<(&str, u32)> = issue.summary.counts.iter().map(|c| (c.country.as_str(), c.count)).collect();
            assert_eq!(stated, release.counts, "{name}: the summary's counts");
            assert_eq!(issue.summary.total, Some(release.events()), "{name}");
            assert_eq!(issue.summary.topics.len(), release.counts.len(), "{name}: a topic per country");
            let paragraphs: Vec<usize> = issue.events.iter().map(|e| e.paragraphs.len()).collect();
            assert_eq!(paragraphs, release.paragraphs, "{name}: paragraphs (page breaks joined back)");
        }
    }

    #[test]
    fn a_release_in_both_languages_has_the_same_events() {
        let bundle = synth_bundle(30, 1).unwrap();
        let pairs: Vec<_> =
            bundle.issues.windows(2).filter(|w| (w[0].year, w[0].number) == (w[1].year, w[1].number)).collect();
        assert!(!pairs.is_empty());
        for pair in pairs {
            assert_eq!((pair[0].lang.as_str(), pair[1].lang.as_str()), ("en", "ru"));
            let ids = |i: usize| pair[i].events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(0), ids(1));
            assert_ne!(pair[0].events[0].title, pair[1].events[0].title);
        }
    }

    #[test]
    fn searching_across_scripts_finds_both() {
        use caricc_search::search::{Query, SearchIndex};
        let bundle = synth_bundle(30, 1).unwrap();
        let index = SearchIndex::new(&bundle);
        let languages = |query: &str| {
            let mut langs: Vec<&str> = index
                .search(&bundle, &Query::parse(query), None)
                .iter()
                .map(|at| bundle.issues[at.issue].lang.as_str())
                .collect();
            langs.sort_unstable();
            langs.dedup();
            langs
        };
        assert_eq!(languages("Almaty"), ["en", "ru"]);
        assert_eq!(languages("Бишкек"), ["en", "ru"]);
    }

    #[test]
    fn an_archive_larger_than_the_calendar_is_refused() {
        assert_eq!(
            synth_releases(MAX_SYNTH_RELEASES + 1, 1).err(),
            Some(SynthError::TooMany { asked: MAX_SYNTH_RELEASES + 1 })
        );
        // The largest fits: every two-day slot back to 1990, in both languages.
        let all = schedule(MAX_SYNTH_RELEASES, 1);
        assert_eq!(all.len(), Calendar::for_count(MAX_SYNTH_RELEASES).slots());
        assert!(all.iter().all(|(_, _, langs)| langs.len() == 2));
        // So does the largest half-monthly archive, and 1,000 with room to spare.
        let half_monthly = schedule(HALF_MONTHLY_RELEASES, 1);
        assert_eq!((half_monthly.len(), HALF_MONTHLY_RELEASES), (36 * 24, 1_728));
        assert!(half_monthly.iter().all(|&(number, _, langs)| langs.len() == 2 && number <= 24));
        let thousand = schedule(1_000, 1);
        assert_eq!(thousand.iter().map(|(_, _, langs)| langs.len()).sum::<usize>(), 1_000);
        assert!(thousand.last().is_some_and(|&(_, year, _)| year >= FIRST_YEAR));
    }

    fn fnv(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3))
    }

    fn schedule_text(count: usize) -> String {
        schedule(count, 1).iter().map(|(number, year, langs)| format!("{number} {year} {};", langs.len())).collect()
    }

    #[test]
    fn half_monthly_archives_are_what_they_were_before_longer_archives() {
        // Hashes of what this module wrote before it could date more than 1,728 releases: an
        // archive of up to 1,728 releases must stay byte for byte the same, so that figures
        // measured on it stay comparable.
        let texts: String = synth_releases(48, 1)
            .unwrap()
            .iter()
            .map(|release| format!("{}{}{}", release.file_name(), release.lang, release.text))
            .collect();
        assert_eq!(fnv(&texts), 0xa5ad_7836_650b_741a);
        assert_eq!(fnv(&schedule_text(HALF_MONTHLY_RELEASES)), 0xeebc_eabe_9a12_bfd5);
        assert_eq!(fnv(&schedule_text(1_000)), 0x2978_8afd_96a3_1b48);
    }

    #[test]
    fn shorter_periods_share_out_every_month() {
        for per_month in PER_MONTH {
            let calendar = Calendar { per_month };
            for year in [2024, 2025] {
                let mut next = (0, 1);
                for number in 1..=calendar.per_year() as u32 {
                    let (month, (from, to)) = calendar.period(number, year);
                    assert_eq!((month, from), next, "{per_month} a month: {year} #{number} follows the one before");
                    assert!(to > from, "{per_month} a month: {year} #{number} lasts two days or more");
                    let days = days_in_month(year, month + 1);
                    next = if to == days { (month + 1, 1) } else { (month, to + 1) };
                }
                assert_eq!(next, (12, 1), "{per_month} a month: {year} is covered to 31 December");
            }
        }
        // Half-months are printed 1–15 and 16–end, February included.
        assert_eq!(Calendar { per_month: 2 }.period(4, 2024), (1, (16, 29)));
        assert_eq!(Calendar::for_count(HALF_MONTHLY_RELEASES), Calendar { per_month: 2 });
        assert_eq!(Calendar::for_count(HALF_MONTHLY_RELEASES + 1), Calendar { per_month: 3 });
        assert_eq!(Calendar::for_count(10_000), Calendar { per_month: 14 });
    }

    #[test]
    fn shorter_periods_import_and_pass_the_checks() {
        let vocabulary = Vocabulary::new();
        let mut rng = Rng::new(1);
        for per_month in PER_MONTH {
            let calendar = Calendar { per_month };
            let last = calendar.per_year() as u32;
            for (number, year) in [(1, 2025), (per_month as u32 + 2, 2024), (last, 1990)] {
                let plan = plan_release(&mut rng, &vocabulary, calendar, number, year);
                for lang in [Lang::En, Lang::Ru] {
                    let import =
                        import_release(&render_release(&plan, lang, &vocabulary), &ImportOptions::default()).unwrap();
                    let issue = &import.issue;
                    let (month, (from, to)) = calendar.period(number, year);
                    let date = |day: u32| format!("{year}-{:02}-{day:02}", month + 1);
                    assert_eq!((issue.number, issue.year), (number, year));
                    assert_eq!((issue.period.from.clone(), issue.period.to.clone()), (date(from), date(to)));
                    assert_eq!(import.report.warnings, vec![], "{per_month} a month, {year} #{number}");
                    let bundle = Bundle { format: FORMAT_VERSION, issues: vec![import.issue] };
                    assert_eq!(check_bundle(&bundle), vec![], "{per_month} a month, {year} #{number}");
                }
            }
        }
    }

    #[test]
    fn ten_thousand_releases_fit_in_two_day_periods() {
        let slots = schedule(10_000, 1);
        assert_eq!(slots.iter().map(|(_, _, langs)| langs.len()).sum::<usize>(), 10_000);
        assert!(slots.iter().all(|&(number, year, _)| (1..=168).contains(&number) && year >= FIRST_YEAR));
        let mut keys: Vec<(i32, u32)> = slots.iter().map(|&(number, year, _)| (year, number)).collect();
        let all = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all, "no release twice");
        assert_eq!(synth_iter(10_000, 1).unwrap().take(3).count(), 3, "generated lazily");
    }

    #[test]
    fn the_archive_written_release_by_release_is_the_split_of_the_bundle() {
        for (count, shards) in [(0, None), (30, None), (25, Some(4))] {
            let mut files: Vec<(String, String)> = Vec::new();
            let manifest = synth_archive::<SynthError>(count, 2, shards, |file, text| {
                files.push((file.to_owned(), text.to_owned()));
                Ok(())
            })
            .unwrap();
            let split = caricc_search::index::split(&synth_bundle(count, 2).unwrap(), shards);
            assert_eq!(manifest, split.manifest);
            assert_eq!(files, split.files(), "{count} releases");
        }
    }

    #[test]
    fn writing_stops_at_the_first_failure() {
        let mut calls = 0;
        let result = synth_archive(5, 1, None, |_, _| {
            calls += 1;
            Err(SynthError::TooMany { asked: 0 })
        });
        assert!(result.is_err());
        assert_eq!(calls, 1);
    }

    #[test]
    fn the_random_numbers_stay_in_range() {
        let mut rng = Rng::new(0);
        for _ in 0..10_000 {
            assert!((3..=5).contains(&rng.range(3, 5)));
        }
        assert_ne!(Rng::new(0).next(), Rng::new(1).next());
    }
}
