//! One test per quirk of PDF-extracted release text, on small releases written here, and
//! the bad inputs the importer must refuse clearly.

use caricc_import::import::{
    decode_release_bytes, import_release, Import, ImportError, ImportOptions, Placement, WarningKind,
};

/// A minimal release: cover, contents, summary, then `body`.
fn release(contents: &str, summary: &str, body: &str) -> String {
    format!(
        "# INFORMATION RELEASE\n\nABOUT PAST EVENTS\nIN THE ANTI-DRUG SPHERE\n(according to the media)\n\n16-31.08.2025\n\n#16\n\nAlmaty - 2025\n\n\
         ## CONTENTS\n\n{contents}\n\n{summary}\n\n{body}\n"
    )
}

fn import(text: &str) -> Import {
    import_release(text, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}\n---\n{text}"))
}

const TAJIK_SUMMARY: &str = "In the period from 16 to 31 August 2025 the media covered 2 events in the counter-narcotics field (*Tajikistan – 2*).";

#[test]
fn headings_in_every_form_are_read() {
    for (section, title) in [
        ("## REPUBLIC OF TAJIKISTAN", "### SEIZURE IN DUSHANBE"),
        ("**REPUBLIC OF TAJIKISTAN**", "**SEIZURE IN DUSHANBE**"),
        ("REPUBLIC OF TAJIKISTAN", "**SEIZURE IN DUSHANBE**"),
        ("# Republic of Tajikistan", "#### Seizure in Dushanbe"),
    ] {
        let body = format!("{section}\n\n{title}\n\nPolice seized heroin.\n\n<https://mvd.tj/a>\n\n{title}\n\nMore heroin.\n\n<https://mvd.tj/b>");
        let import = import(&release("<i>REPUBLIC OF TAJIKISTAN</i> .....\t2", TAJIK_SUMMARY, &body));
        let events = &import.issue.events;
        assert_eq!(events.len(), 2, "{section} / {title}: {events:#?}");
        assert!(
            events.iter().all(|e| e.country == "tj" && e.title.eq_ignore_ascii_case("SEIZURE IN DUSHANBE")),
            "{events:#?}"
        );
        assert!(import.report.warnings.is_empty(), "{:#?}", import.report.warnings);
    }
}

#[test]
fn a_title_broken_over_lines_is_joined() {
    let body = "## REPUBLIC OF TAJIKISTAN\n\n**POLICE COOPERATE WITH UNICEF IN  \nWORKING WITH YOUNG PEOPLE**\n\nText.\n\n<https://mvd.tj/a>";
    let issue = import(&release("", TAJIK_SUMMARY, body)).issue;
    assert_eq!(issue.events[0].title, "POLICE COOPERATE WITH UNICEF IN WORKING WITH YOUNG PEOPLE");
}

#[test]
fn a_title_broken_by_a_page_break_is_joined() {
    let body = "## REPUBLIC OF TAJIKISTAN\n\n**POLICE COOPERATE WITH UNICEF IN**\n\n**WORKING WITH YOUNG PEOPLE**\n\nText.\n\n<https://mvd.tj/a>";
    let issue = import(&release("", TAJIK_SUMMARY, body)).issue;
    assert_eq!(issue.events.len(), 1);
    assert_eq!(issue.events[0].title, "POLICE COOPERATE WITH UNICEF IN WORKING WITH YOUNG PEOPLE");
}

#[test]
fn contents_with_leaders_pages_and_a_typo() {
    let contents = "<i>REPUBLIC OF TAJIKISTAN</i> .....\t2\n<i>KYRGYZ PEPUBLIC</i> …………… 6";
    let body = "## REPUBLIC OF TAJIKISTAN\n\n### A\n\nText.\n\n<https://mvd.tj/a>\n\n## KYRGYZ REPUBLIC\n\n### B\n\nText.\n\n<https://mvd.kg/b>";
    let import = import(&release(
        contents,
        "Overview of the fortnight, in full sentences, long enough to be read as the summary of it all.",
        body,
    ));
    let contents: Vec<(&str, Option<&str>, Option<u32>)> =
        import.issue.contents.iter().map(|c| (c.title.as_str(), c.country.as_deref(), c.page)).collect();
    assert_eq!(contents, [("REPUBLIC OF TAJIKISTAN", Some("tj"), Some(2)), ("KYRGYZ PEPUBLIC", Some("kg"), Some(6))]);
    let typo = import.report.warnings.iter().find(|w| w.kind == WarningKind::Typo).expect("the typo is reported");
    assert!(typo.message.contains("KYRGYZ PEPUBLIC") && typo.message.contains("(kg)"), "{}", typo.message);
}

#[test]
fn inline_markup_is_removed_from_text() {
    let body = "## REPUBLIC OF TAJIKISTAN\n\n### <i>Seizure</i> in **Dushanbe**\n\nThe <i>Drug Control Agency</i> reported **a record** seizure of *heroin*.\n\n<https://mvd.tj/a>";
    let issue = import(&release("", TAJIK_SUMMARY, body)).issue;
    assert_eq!(issue.events[0].title, "Seizure in Dushanbe");
    assert_eq!(issue.events[0].paragraphs, ["The Drug Control Agency reported a record seizure of heroin."]);
}

#[test]
fn outlet_bylines_are_split_from_titles() {
    let body =
        "## REPUBLIC OF TAJIKISTAN\n\n**ASIAPLUS.TJ****POLICE SEIZED  \nHEROIN**\n\nText.\n\n<https://asiaplus.tj/a>";
    let event = &import(&release("", TAJIK_SUMMARY, body)).issue.events[0];
    assert_eq!(event.outlet.as_deref(), Some("ASIAPLUS.TJ"));
    assert_eq!(event.title, "POLICE SEIZED HEROIN");
}

#[test]
fn sources_in_angle_brackets_bare_and_punycode() {
    let body = "## RUSSIAN FEDERATION\n\n### A\n\nText.\n\n<https://xn--b1aew.xn--p1ai/news/item/1>\nhttps://tass.ru/x\n\n### B\n\nText.\n\n<https://xn--b1aew.xn--plai/news/item/2>";
    let import = import(&release(
        "",
        "The media covered 2 events in the counter-narcotics field (*Russia – 2*), as follows below here.",
        body,
    ));
    let urls: Vec<Vec<&str>> =
        import.issue.events.iter().map(|e| e.sources.iter().map(|s| s.url.as_str()).collect()).collect();
    assert_eq!(
        urls,
        [
            vec!["https://xn--b1aew.xn--p1ai/news/item/1", "https://tass.ru/x"],
            vec!["https://xn--b1aew.xn--plai/news/item/2"]
        ]
    );
    let suspicious: Vec<&str> = import.report.messages(WarningKind::SuspiciousSource);
    assert_eq!(suspicious.len(), 1, "{suspicious:#?}");
    assert!(suspicious[0].contains("did you mean xn--b1aew.xn--p1ai"));
}

#[test]
fn non_http_sources_are_kept_and_flagged() {
    let body = "## REPUBLIC OF TAJIKISTAN\n\n### A\n\nText.\n\n<javascript:alert(1)>\n<ftp://files.tj/a>";
    let import = import(&release("", TAJIK_SUMMARY, body));
    assert_eq!(import.issue.events[0].sources.len(), 2);
    let flagged = import.report.warnings.iter().filter(|w| w.kind == WarningKind::SuspiciousSource).count();
    assert_eq!(flagged, 2);
}

#[test]
fn paragraphs_split_by_page_breaks_are_joined_back() {
    let body = "## REPUBLIC OF TAJIKISTAN\n\n### A\n\n\
                Conversations were held with owners of establishments\n\n\
                A total of 3,216 individuals were detained in the operation related to illegal\n\n\
                drug trafficking. Representatives of the Ministry of Labor, and the\n\n\
                Baku City Narcological Center took part.\n\n \n\nA new paragraph.\n\n<https://mvd.tj/a>";
    let paragraphs = import(&release("", TAJIK_SUMMARY, body)).issue.events.remove(0).paragraphs;
    assert_eq!(
        paragraphs,
        [
            "Conversations were held with owners of establishments",
            "A total of 3,216 individuals were detained in the operation related to illegal drug trafficking. Representatives of the Ministry of Labor, and the Baku City Narcological Center took part.",
            "A new paragraph.",
        ]
    );
}

#[test]
fn a_heading_that_is_not_a_country_is_an_event_title() {
    let body = "**RUSSIAN FEDERATION**\n\n**POLICE MET TEENAGERS**\n\nText.\n\n<https://a.ru/1>\n\n## INTERNATIONAL ANTI-DRUG OPERATION “SPIDER WEB” CONCLUDED\n\nText.\n\n<https://a.ru/2>";
    let issue = import(&release(
        "",
        "The media covered 2 events in the counter-narcotics field (*Russia – 2*), as follows below here.",
        body,
    ))
    .issue;
    let titles: Vec<(&str, &str)> = issue.events.iter().map(|e| (e.country.as_str(), e.title.as_str())).collect();
    assert_eq!(
        titles,
        [("ru", "POLICE MET TEENAGERS"), ("ru", "INTERNATIONAL ANTI-DRUG OPERATION “SPIDER WEB” CONCLUDED")]
    );
}

#[test]
fn disagreements_with_the_summary_are_reported() {
    let body = "## REPUBLIC OF TAJIKISTAN\n\n### A\n\nText.\n\n<https://mvd.tj/a>";
    let import = import(&release("", TAJIK_SUMMARY, body));
    let counts: Vec<&str> = import.report.messages(WarningKind::CountMismatch);
    assert_eq!(
        counts,
        [
            "the summary states Tajikistan – 2, but 1 events were found under Tajikistan",
            "the summary states 2 events in all, but 1 were found"
        ]
    );
}

#[test]
fn lines_that_cannot_be_placed_are_reported_not_dropped() {
    let body = "Stray text before any section.\n\n## REPUBLIC OF TAJIKISTAN\n\nText before any event title.\n\n### A\n\nText.\n\n<https://mvd.tj/a>\n\nText after the source.";
    let text = release("", TAJIK_SUMMARY, body);
    let import = import(&text);
    let unplaced: Vec<&str> =
        import.report.unplaced_lines().iter().map(|&n| text.lines().nth(n - 1).unwrap()).collect();
    assert_eq!(unplaced, ["Text before any event title."]);
    // Text after a source stays in its event, with a warning.
    assert_eq!(import.issue.events[0].paragraphs, ["Text.", "Text after the source."]);
    assert!(import.report.warnings.iter().any(|w| w.message.contains("after the source link")));
    // The stray line before the first section is read as summary text: still in the bundle.
    assert!(import.issue.summary.paragraphs.iter().any(|p| p == "Stray text before any section."));
    let every_line_placed = import.report.placements.len() == text.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(every_line_placed);
    assert!(import
        .report
        .placements
        .iter()
        .all(|p| p.placement != Placement::Unplaced || import.report.unplaced_lines().contains(&p.line)));
}

#[test]
fn a_truncated_release_imports_with_warnings() {
    let full = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/releases/information-release-2025-15.txt"
    ))
    .unwrap();
    let cut: String = full.lines().take(180).collect::<Vec<_>>().join("\n");
    let import = import(&cut);
    assert_eq!(import.issue.events.len(), 6);
    let messages: Vec<&str> = import.report.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(messages.contains(&"the summary states Russia – 4, but 0 events were found under Russia"), "{messages:#?}");
    assert!(
        messages.contains(&"the contents list RUSSIAN FEDERATION but the text has no such section"),
        "{messages:#?}"
    );

    let mid_event: String = full.lines().take(195).collect::<Vec<_>>().join("\n");
    let import = import_release(&mid_event, &ImportOptions::default()).unwrap();
    let last = import.issue.events.last().unwrap();
    assert!(last.sources.is_empty());
    assert!(import.report.warnings.iter().any(|w| w.message.contains("has no source link")));
}

#[test]
fn empty_foreign_binary_and_huge_inputs_are_refused_clearly() {
    let options = ImportOptions::default();
    assert_eq!(import_release("", &options), Err(ImportError::Empty));
    assert_eq!(import_release("\n \n\t\n", &options), Err(ImportError::Empty));

    let foreign = import_release("Shopping list\n\nmilk, bread\n", &options).unwrap_err();
    assert_eq!(
        foreign.to_string(),
        "not a release text: no release number (like “#15”), no period (like “1-15.08.2025”) (read 3 lines)"
    );

    let binary = decode_release_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").unwrap_err();
    assert_eq!(
        binary,
        ImportError::Binary { line: 2, what: "byte 10 is not valid UTF-8 (release texts are UTF-8)".into() }
    );
    let nul = decode_release_bytes(b"#15\n\n\x00\x01").unwrap_err();
    assert!(matches!(nul, ImportError::Binary { line: 3, .. }), "{nul}");

    let huge = "a".repeat(50 * 1024 * 1024);
    let error = decode_release_bytes(huge.as_bytes()).unwrap_err();
    assert!(error.to_string().starts_with("the file is 52428800 bytes"), "{error}");
    assert!(matches!(import_release(&huge, &options), Err(ImportError::TooLarge { .. })));
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_read() {
    let text = release(
        "",
        TAJIK_SUMMARY,
        "## REPUBLIC OF TAJIKISTAN\n\n### A\n\nText.\n\n<https://mvd.tj/a>\n\n### B\n\nText.\n\n<https://mvd.tj/b>",
    );
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let decoded = decode_release_bytes(windows.as_bytes()).unwrap();
    assert_eq!(import(decoded).issue, import(&text).issue);
}

#[test]
fn language_is_detected_or_given() {
    let text = release("", TAJIK_SUMMARY, "## REPUBLIC OF TAJIKISTAN\n\n### A\n\nText.\n\n<https://mvd.tj/a>");
    assert_eq!(import(&text).issue.lang, "en");
    let given = import_release(&text, &ImportOptions { lang: Some("ru".into()) }).unwrap();
    assert_eq!(given.issue.lang, "ru");
}

/// A minimal release in its Russian form: cover, address, contents, summary, then `body`.
fn russian_release(cover_period: &str, body: &str) -> String {
    format!(
        "# ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ\n\nО ПРОШЕДШИХ СОБЫТИЯХ  \nВ АНТИНАРКОТИЧЕСКОЙ СФЕРЕ  \n(по материалам СМИ)\n\n{cover_period}\n\n№16\n\nг. Алматы - 2025\n\n\
         # ИНФОРМАЦИОННЫЙ БЮЛЛЕТЕНЬ ЦАРИКЦ\n\n**АДРЕС РЕДАКЦИИ:**\n\nРеспублика Казахстан, 050008, г. Алматы, пр. Абая, 52\n\n\
         «Информационный бюллетень о прошедших событиях в  \nантинаркотической сфере», №16, 2025\n\nРаспространяется в формате PDF\n\n\
         ## СОДЕРЖАНИЕ\n\n<i>РЕСПУБЛИКА ТАДЖИКИСТАН</i> .....\t2\n\n\
         В период с 16 по 31 августа 2025 года по информации СМИ освещено 1 событие в антинаркотической сфере (*Таджикистан – 1*).\n\n\
         ## РЕСПУБЛИКА ТАДЖИКИСТАН\n\n{body}\n"
    )
}

#[test]
fn a_russian_cover_is_read_in_each_of_its_forms() {
    let body = "**ИЗЪЯТИЕ В ДУШАНБЕ**\n\nПолиция изъяла героин.\n\n<https://mvd.tj/a>";
    for period in ["16-31 августа 2025 г.", "16 – 31 августа 2025 года", "16-31.08.2025", "16-31.08.2025 г."]
    {
        let import = import(&russian_release(period, body));
        let issue = &import.issue;
        assert_eq!((issue.number, issue.year, issue.lang.as_str()), (16, 2025, "ru"), "{period}");
        assert_eq!((issue.period.from.as_str(), issue.period.to.as_str()), ("2025-08-16", "2025-08-31"), "{period}");
        assert_eq!(issue.place, "г. Алматы");
        assert_eq!(issue.title, "Информационный бюллетень о прошедших событиях в антинаркотической сфере");
        assert_eq!(issue.subtitle, "по материалам СМИ");
        assert_eq!(issue.publisher.address, "Республика Казахстан, 050008, г. Алматы, пр. Абая, 52");
        assert_eq!(
            issue.publisher.imprint,
            [
                "«Информационный бюллетень о прошедших событиях в антинаркотической сфере», №16, 2025",
                "Распространяется в формате PDF"
            ]
        );
        assert_eq!(issue.events.len(), 1);
        assert_eq!(issue.events[0].country, "tj");
        assert!(import.report.warnings.is_empty(), "{period}: {:#?}", import.report.warnings);
        assert!(import.report.unplaced_lines().is_empty());
    }
}

#[test]
fn a_russian_cover_period_in_words_is_the_period_even_without_a_summary_date() {
    let body = "**ИЗЪЯТИЕ В ДУШАНБЕ**\n\nПолиция изъяла героин.\n\n<https://mvd.tj/a>";
    // The summary states no period: the cover's alone must give it.
    let text =
        russian_release("28 июля – 10 августа 2025 г.", body).replace("В период с 16 по 31 августа 2025 года по", "По");
    let issue = import(&text).issue;
    assert_eq!((issue.period.from.as_str(), issue.period.to.as_str()), ("2025-07-28", "2025-08-10"));
}

#[test]
fn russian_paragraphs_split_by_page_breaks_are_joined_back() {
    let body = "**ИЗЪЯТИЕ В ДУШАНБЕ**\n\n\
                С владельцами заведений проведены беседы\n\n\
                В мероприятии приняли участие представители министерства и\n\n\
                Бакинского городского наркологического центра. Задержаны участники, связанные с незаконным\n\n\
                оборотом наркотиков. Сотрудники объяснили детям, как не попасть в\n\n\
                Беду, которая\n\n\
                Грозит каждому.\n\n \n\nНовый абзац.\n\n<https://mvd.tj/a>";
    let paragraphs = import(&russian_release("16-31 августа 2025 г.", body)).issue.events.remove(0).paragraphs;
    assert_eq!(
        paragraphs,
        [
            "С владельцами заведений проведены беседы",
            "В мероприятии приняли участие представители министерства и Бакинского городского наркологического центра. Задержаны участники, связанные с незаконным оборотом наркотиков. Сотрудники объяснили детям, как не попасть в Беду, которая Грозит каждому.",
            "Новый абзац.",
        ]
    );
}

#[test]
fn a_russian_summary_states_its_counts_and_topics() {
    let summary = "В период с 16 по 31 августа 2025 года по информации СМИ освещено 3 события в антинаркотической сфере (*Таджикистан – 2, Кыргызская Республика – 1*).\n\n\
                   Опубликованные статьи содержат информацию об изъятии героина (*Таджикистан*), и о рейдах в ночных клубах (*Кыргызстан*).";
    let body = "## РЕСПУБЛИКА ТАДЖИКИСТАН\n\n### А\n\nТекст.\n\n<https://mvd.tj/a>\n\n### Б\n\nТекст.\n\n<https://mvd.tj/b>\n\n\
                ## КЫРГЫЗСКАЯ РЕСПУБЛИКА\n\n### В\n\nТекст.\n\n<https://mvd.kg/c>";
    let import = import(&release("", summary, body));
    let summary = &import.issue.summary;
    assert_eq!(summary.total, Some(3));
    let counts: Vec<(&str, &str, u32)> =
        summary.counts.iter().map(|c| (c.country.as_str(), c.label.as_str(), c.count)).collect();
    assert_eq!(counts, [("tj", "Таджикистан", 2), ("kg", "Кыргызская Республика", 1)]);
    let topics: Vec<(&str, &str)> = summary.topics.iter().map(|t| (t.country.as_str(), t.text.as_str())).collect();
    assert_eq!(topics, [("tj", "изъятии героина"), ("kg", "рейдах в ночных клубах")]);
    assert!(
        import.report.warnings.iter().all(|w| w.kind != WarningKind::CountMismatch),
        "{:#?}",
        import.report.warnings
    );
}

#[test]
fn events_carry_their_facts_and_a_number_that_reads_two_ways_is_reported_by_line() {
    let body = "## REPUBLIC OF TAJIKISTAN\n\n### HEROIN SEIZED IN DUSHANBE\n\nPolice officers detained a man.\n\n\
                The officers seized 5,065 kg of heroin and about 300 tablets of tramadol.\n\n<https://mvd.tj/a>\n\n\
                ### A LECTURE\n\nA lecture on the prevention of drug addiction was held at a school.\n\n<https://mvd.tj/b>";
    let import = import(&release("", TAJIK_SUMMARY, body));
    let [heroin, sport] = &import.issue.events[..] else { panic!("{:#?}", import.issue.events) };
    let facts = heroin.facts.as_ref().expect("the importer reads facts");
    let drugs: Vec<&str> = facts.drugs.iter().map(|fact| fact.drug.as_str()).collect();
    assert_eq!(drugs, ["heroin", "tramadol"]);
    let [kilograms, tablets] = &facts.quantities[..] else { panic!("{:#?}", facts.quantities) };
    assert_eq!(
        (kilograms.amount, &kilograms.readings[..], kilograms.unit.as_str()),
        (None, &[5.065, 5065.0][..], "kg")
    );
    assert_eq!((tablets.amount, tablets.approximate, tablets.drug.as_deref()), (Some(300.0), true, Some("tramadol")));
    assert_eq!(kilograms.at.p, Some(1));
    let kinds: Vec<&str> = facts.kinds.iter().map(|fact| fact.kind.as_str()).collect();
    assert!(kinds.contains(&"seizure") && kinds.contains(&"arrest"), "{kinds:?}");
    assert!(sport.facts.as_ref().unwrap().kinds.iter().any(|fact| fact.kind == "prevention"));

    let text = release("", TAJIK_SUMMARY, body);
    let line = 1 + text.lines().position(|line| line.contains("5,065")).unwrap();
    let ambiguous: Vec<_> =
        import.report.warnings.iter().filter(|warning| warning.kind == WarningKind::AmbiguousNumber).collect();
    assert_eq!(ambiguous.len(), 1, "{:#?}", import.report.warnings);
    assert_eq!(ambiguous[0].line, line);
    assert!(ambiguous[0].message.contains("“5,065 kg”") && ambiguous[0].message.contains("5.065 or 5065 kg"));
}
