//! Golden tests on the Russian form of release #15 (`tests/fixtures/releases/
//! information-release-2025-15-ru.txt`), shaped like the English text as the PDF converter
//! gives it: `#` and `**bold**` and plain-capital headings, titles broken over lines, the
//! contents with leaders and tabs, an outlet byline, punycode sources, paragraphs split by
//! page breaks and the back cover repeating the address.
//!
//! The fixture has one deliberate flaw, the same kind the English text has: the source of
//! the Pskov event (line 189) has `l` for `1` in its punycode host (`xn--b1aew.xn--plai`).

mod common;

use caricc_format::model::{Bundle, FORMAT_VERSION};
use caricc_import::check::{check_bundle, Severity};
use caricc_import::import::{import_release, Import, ImportOptions, Placement, WarningKind};
use std::path::PathBuf;

fn russian_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/releases/information-release-2025-15-ru.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn russian() -> Import {
    import_release(&russian_text(), &ImportOptions::default()).expect("the Russian release imports")
}

#[test]
fn every_event_of_the_russian_release() {
    let issue = russian().issue;
    // (id, country, outlet, title, paragraph count, source URL)
    #[rustfmt::skip]
    let expected: &[common::ExpectedEvent] = &[
        ("2025-15-az-1", "az", None, "В ИСПРАВИТЕЛЬНЫХ УЧРЕЖДЕНИЯХ ПРОВЕДЕНЫ ПРОСВЕТИТЕЛЬСКИЕ МЕРОПРИЯТИЯ ПРОТИВ НАРКОМАНИИ", 4, "https://www.nmdk.gov.az/page/post/3408/"),
        ("2025-15-kz-1", "kz", None, "ОТ ОБЫЧНОГО КУРЬЕРА ДО ПРЕСТУПНИКА: СОЦИАЛЬНЫЙ РОЛИК МВД ПОКАЗАЛ ЦЕНУ «ЛЕГКОГО ЗАРАБОТКА»", 4, "https://polisia.kz/ru/ot-obychnogo-kur-era-do-prestupnika-sotsial-nyj-rolik-mvd-pokazal-tsenu-legkogo-zarabotka/"),
        ("2025-15-kz-2", "kz", None, "ПОЛИЦЕЙСКИЕ И IT-СПЕЦИАЛИСТЫ ОБЪЕДИНЯЮТСЯ ДЛЯ БОРЬБЫ С НАРКОПРЕСТУПНОСТЬЮ В СКО", 3, "https://polisia.kz/ru/politsejskie-i-it-spetsialisty-ob-edinyayutsya-dlya-bor-by-s-narkoprestupnost-yu-v-sko/"),
        ("2025-15-kz-3", "kz", None, "ПОЛИЦИЯ СОТРУДНИЧАЕТ С ЮНИСЕФ В РАБОТЕ С МОЛОДЕЖЬЮ", 4, "https://polisia.kz/ru/politsiya-sotrudnichaet-s-yunisef-v-rabote-s-molodezh-yu/"),
        ("2025-15-kz-4", "kz", None, "МВД ПРЕДУПРЕЖДАЕТ ГРАЖДАН О СХЕМАХ НАРКОБИЗНЕСА С УЧАСТИЕМ ДРОППЕРОВ", 3, "https://polisia.kz/ru/mvd-preduprezhdaet-grazhdan-o-shemah-narkobiznesa-s-uchastiem-dropperov/"),
        ("2025-15-kg-1", "kg", Some("TOPNEWS.KG"), "НАРКОБОРЦЫ ПРОВЕРИЛИ НОЧНЫЕ КЛУБЫ И БАРЫ В БИШКЕКЕ", 4, "https://topnews.kg/obshchestvo/54012-narkoborecy-proverili-nochnye-kluby-i-bary-v-bishkeke.html"),
        ("2025-15-ru-1", "ru", None, "СОТРУДНИКИ ПОЛИЦИИ УДМУРТИИ ВСТРЕТИЛИСЬ С ПОДРОСТКАМИ В ЛАГЕРЕ В РАМКАХ АКЦИИ «ПОЛИЦЕЙСКАЯ ШКОЛА»", 4, "https://xn--b1aew.xn--p1ai/news/item/68147789"),
        ("2025-15-ru-2", "ru", None, "В ПСКОВСКОЙ ОБЛАСТИ СТАРТОВАЛА ПРОФИЛАКТИЧЕСКАЯ АКЦИЯ «ЗАРЯДКА С ПОЛИЦЕЙСКИМ!»", 3, "https://xn--b1aew.xn--plai/news/item/68206917"),
        ("2025-15-ru-3", "ru", None, "СОТРУДНИКИ УНК УМВД РОССИИ ПО ТАМБОВСКОЙ ОБЛАСТИ ПРОВЕЛИ АНТИНАРКОТИЧЕСКОЕ МЕРОПРИЯТИЕ С ВОСПИТАННИКАМИ ДЕТСКОГО ОЗДОРОВИТЕЛЬНОГО ЛАГЕРЯ «СПУТНИК»", 3, "https://xn--b1aew.xn--p1ai/news/item/68208864"),
        ("2025-15-ru-4", "ru", None, "МЕЖДУНАРОДНАЯ АНТИНАРКОТИЧЕСКАЯ ОПЕРАЦИЯ «ПАУТИНА» ЗАВЕРШЕНА", 4, "https://xn--b1aew.xn--p1ai/news/item/68561326"),
    ];
    common::assert_events(&issue, expected);
}

#[test]
fn paragraphs_split_by_page_breaks_are_joined_back() {
    let issue = russian().issue;
    let paragraph = |id: &str, index: usize| -> String {
        issue.events.iter().find(|e| e.id == id).unwrap().paragraphs[index].clone()
    };
    // The second part starts with a capital after the connective «и».
    assert_eq!(
        paragraph("2025-15-az-1", 1),
        "В мероприятиях приняли участие представители Рабочей группы Государственной комиссии, Пенитенциарной \
         службы, Министерства труда и социальной защиты населения и Бакинского городского наркологического центра."
    );
    assert!(paragraph("2025-15-ru-4", 1).ends_with("представители компетентных органов и Секретариата ШОС."));
    // The second part starts in lowercase.
    assert!(paragraph("2025-15-kz-1", 2).contains("связанных с незаконным оборотом наркотиков. Задержаны"));
    assert!(paragraph("2025-15-kz-2", 1)
        .ends_with("удобно и анонимно сообщать информацию, представляющую оперативный интерес."));
    assert!(paragraph("2025-15-kz-4", 1).contains("криптокошельков третьим лицам"));
    assert!(paragraph("2025-15-ru-1", 2).ends_with(
        "чтобы не попасть в беду. Кроме того, ребятам объяснили, что каждое правонарушение влечет последствия."
    ));
    assert!(paragraph("2025-15-ru-3", 1).contains("не просто отдыхают, а строят город"));
    // A short lede without a full stop stays its own paragraph.
    assert_eq!(paragraph("2025-15-kg-1", 0), "С владельцами и посетителями заведений проведены беседы");
}

#[test]
fn header_publisher_and_contents_of_the_russian_release() {
    let issue = russian().issue;
    assert_eq!((issue.number, issue.year, issue.lang.as_str()), (15, 2025, "ru"));
    assert_eq!((issue.period.from.as_str(), issue.period.to.as_str()), ("2025-08-01", "2025-08-15"));
    assert_eq!(issue.title, "Информационный бюллетень о прошедших событиях в антинаркотической сфере");
    assert_eq!(issue.subtitle, "по материалам СМИ");
    assert_eq!(issue.place, "г. Алматы");
    let publisher = &issue.publisher;
    assert_eq!(
        publisher.name,
        "Центрально-Азиатский региональный информационный координационный центр по борьбе с незаконным оборотом \
         наркотических средств, психотропных веществ и их прекурсоров"
    );
    assert_eq!(publisher.address, "Республика Казахстан, 050008, г. Алматы, пр. Абая, 52");
    assert_eq!(publisher.phone, "+7 727 259 99 90");
    assert_eq!(publisher.fax, "+7 727 392 15 54");
    assert_eq!(publisher.email, "registry@caricc.org");
    assert_eq!(publisher.website, "www.caricc.org");
    assert_eq!(
        publisher.imprint,
        [
            "«Информационный бюллетень о прошедших событиях в антинаркотической сфере», №15, 2025",
            "Распространяется в формате PDF"
        ]
    );
    let contents: Vec<(&str, Option<&str>, Option<u32>)> =
        issue.contents.iter().map(|c| (c.title.as_str(), c.country.as_deref(), c.page)).collect();
    assert_eq!(
        contents,
        [
            ("АЗЕРБАЙДЖАНСКАЯ РЕСПУБЛИКА", Some("az"), Some(2)),
            ("РЕСПУБЛИКА КАЗАХСТАН", Some("kz"), Some(3)),
            ("КЫРГЫЗСКАЯ РЕСПУБЛИКА", Some("kg"), Some(5)),
            ("РОССИЙСКАЯ ФЕДЕРАЦИЯ", Some("ru"), Some(6)),
        ]
    );
}

#[test]
fn the_summary_states_the_counts_found_and_the_topics() {
    let Import { issue, report } = russian();
    let summary = &issue.summary;
    assert_eq!(summary.total, Some(10));
    assert_eq!(summary.paragraphs.len(), 2);
    assert!(summary.paragraphs[0].starts_with("В период с 1 по 15 августа 2025 года"), "{}", summary.paragraphs[0]);
    assert!(!summary.paragraphs[0].contains('*'), "markup removed");
    let stated: Vec<(&str, &str, u32)> =
        summary.counts.iter().map(|c| (c.country.as_str(), c.label.as_str(), c.count)).collect();
    assert_eq!(
        stated,
        [("az", "Азербайджан", 1), ("kz", "Казахстан", 4), ("kg", "Кыргызстан", 1), ("ru", "Россия", 4)]
    );
    for (code, _, count) in stated {
        assert_eq!(issue.events.iter().filter(|e| e.country == code).count(), count as usize, "{code}");
    }
    assert!(report.warnings.iter().all(|w| w.kind != WarningKind::CountMismatch), "{:#?}", report.warnings);
    let topics: Vec<(&str, &str)> = summary.topics.iter().map(|t| (t.country.as_str(), t.text.as_str())).collect();
    assert_eq!(
        topics,
        [
            ("az", "просветительских мероприятиях против наркомании в исправительных учреждениях"),
            ("kz", "профилактических мероприятиях, проводимых сотрудниками полиции"),
            ("kg", "проверках ночных клубов"),
            ("ru", "профилактических мероприятиях сотрудников полиции в регионах"),
        ]
    );
}

#[test]
fn every_line_is_accounted_for_and_the_only_warning_is_the_deliberate_one() {
    let text = russian_text();
    let report = russian().report;
    let non_blank: Vec<usize> =
        text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i + 1).collect();
    let placed: Vec<usize> = report.placements.iter().map(|p| p.line).collect();
    assert_eq!(placed, non_blank, "each non-blank line placed exactly once");
    assert_eq!(report.unplaced_lines(), Vec::<usize>::new());

    let seen: Vec<(usize, WarningKind)> = report.warnings.iter().map(|w| (w.line, w.kind)).collect();
    assert_eq!(seen, [(189, WarningKind::SuspiciousSource)], "{:#?}", report.warnings);
    assert!(
        report.warnings[0].message.contains("did you mean xn--b1aew.xn--p1ai, shown as мвд.рф"),
        "{}",
        report.warnings[0].message
    );

    let lines_placed = |wanted: Placement| -> Vec<usize> {
        report.placements.iter().filter(|p| p.placement == wanted).map(|p| p.line).collect()
    };
    // Title, subtitle lines, period, number, place.
    assert_eq!(lines_placed(Placement::Cover), [5, 7, 8, 9, 11, 13, 15]);
    assert_eq!(lines_placed(Placement::Section), [53, 74, 142, 157]);
    assert_eq!(lines_placed(Placement::Summary), [47, 49]);
    // The back cover repeats the name, address, phone, fax, e-mail and website.
    assert_eq!(lines_placed(Placement::PageFurniture), [227, 228, 229, 231, 232, 233, 234]);
}

#[test]
fn the_language_is_detected_or_given() {
    let text = russian_text();
    let detected = russian().issue;
    assert_eq!(detected.lang, "ru");
    let given = import_release(&text, &ImportOptions { lang: Some("en".into()) }).unwrap().issue;
    assert_eq!(given.lang, "en", "the caller's language wins over detection");
    // The language is all the option changes.
    assert_eq!(given.events, detected.events);
    assert_eq!((given.number, &given.period, &given.title), (detected.number, &detected.period, &detected.title));
    let said_ru = import_release(&text, &ImportOptions { lang: Some("ru".into()) }).unwrap().issue;
    assert_eq!(said_ru, detected);
}

#[test]
fn the_russian_and_english_forms_are_the_same_release() {
    let english_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/releases/information-release-2025-15.txt");
    let Ok(english_text) = std::fs::read_to_string(&english_path) else {
        panic!("{}: the English sample is missing", english_path.display());
    };
    let english = import_release(&english_text, &ImportOptions::default()).unwrap().issue;
    let russian = russian().issue;
    assert_eq!((english.lang.as_str(), russian.lang.as_str()), ("en", "ru"));
    assert_eq!((english.number, english.year, &english.period), (russian.number, russian.year, &russian.period));
    // Same events in the same sections, so each event's id names the same event in both languages.
    let ids =
        |issue: &caricc_format::model::Issue| -> Vec<String> { issue.events.iter().map(|e| e.id.clone()).collect() };
    assert_eq!(ids(&english), ids(&russian));
    let codes = |issue: &caricc_format::model::Issue| -> Vec<Option<String>> {
        issue.contents.iter().map(|c| c.country.clone()).collect()
    };
    assert_eq!(codes(&english), codes(&russian));
}

#[test]
fn the_russian_release_checks_without_errors() {
    let bundle = Bundle { format: FORMAT_VERSION, issues: vec![russian().issue] };
    let problems = check_bundle(&bundle);
    let errors: Vec<String> =
        problems.iter().filter(|p| p.severity == Severity::Error).map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The checker repeats the importer's one warning, about the mistyped punycode host.
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "$.issues[0].events[7].sources[0].url");
    // Marked, so the checker does not add that readers would be shown a dead link.
    assert!(!problems[0].message.contains("not marked"), "{}", problems[0].message);
    let source = &bundle.issues[0].events[7].sources[0];
    assert!(source.broken);
    let corrected = source.corrected.as_ref().map(|url| url.as_str()).unwrap_or_default();
    assert!(corrected.starts_with("https://xn--b1aew.xn--p1ai/"), "{corrected}");
}
