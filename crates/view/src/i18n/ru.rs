//! Русский.

use super::{group_digits, russian_plural, Messages};

fn count(n: usize) -> String {
    group_digits(n, '\u{a0}')
}

fn events(n: usize) -> &'static str {
    russian_plural(n, "событие", "события", "событий")
}

pub static RU: Messages = Messages {
    code: "ru",
    name: "Русский",
    language_label: "Язык",
    site_name: "Информационные бюллетени ЦАРИКЦ",
    loading: "Загрузка бюллетеней…",
    load_failed: "Не удалось загрузить бюллетени",
    load_failed_hint: "Если у вас есть файл с бюллетенями, откройте его кнопкой «Открыть файл…» выше или перетащите его на эту страницу.",
    no_releases: "В этом файле нет бюллетеней.",
    release_label: "Выпуск",
    open_bundle: "Открыть файл…",
    bundle_fetched: |url| format!("Файл: {url}"),
    bundle_saved_copy: |url, date| {
        format!("Нет связи: показана копия {url}, сохранённая {date}; она может быть устаревшей.")
    },
    bundle_embedded: "Автономная версия: бюллетени сохранены в этом файле.",
    bundle_file: |name| format!("Файл: {name} (открыт с этого компьютера)"),
    download_offline: "Скачать для чтения без интернета",
    release_heading: |number| format!("Информационный бюллетень №{number}"),
    release_option: |number, period| format!("№{number} · {period}"),
    summary: "Обзор",
    stated_counts: "Событий по странам, по данным бюллетеня",
    contents: "Содержание",
    events: "События",
    event_count: |n| format!("{} {}", count(n), events(n)),
    event_word: events,
    search_label: "Поиск по событиям",
    search_all: "Искать во всех выпусках",
    result_count: |n, query, all| {
        let place = if all { " во всех выпусках" } else { "" };
        match n {
            0 => format!("По запросу «{query}»{place} ничего не найдено."),
            n => format!("По запросу «{query}»{place} найдено: {} {}.", count(n), events(n)),
        }
    },
    in_country: |n, country| match n {
        0 => format!(" В стране «{country}» — ни одного."),
        n => format!(" В стране «{country}» — {}.", count(n)),
    },
    countries: "Страны",
    all_countries: "Все",
    topic: |topic| format!("В этом выпуске: {topic}."),
    empty_here_but_elsewhere: |n| {
        format!("В этой стране по запросу ничего нет; в других странах — {} (см. вкладку «Все»).", count(n))
    },
    empty_search_all: "Ни в одном выпуске ничего не найдено. Попробуйте меньше слов или другие слова.",
    empty_search_release: "В этом выпуске ничего не найдено. Попробуйте меньше слов или другие слова либо ищите во всех выпусках.",
    empty_release: "В этом выпуске здесь нет событий.",
    showing: |shown, total| format!("Показано {} из {}.", count(shown), count(total)),
    show_more: |n| format!("Показать ещё {}", count(n)),
    show_full_text: "Показать полностью",
    show_less: "Свернуть",
    copy_citation: "Скопировать ссылку для цитирования",
    citation_copied: "Ссылка для цитирования скопирована",
    copy_unavailable: "Копирование здесь недоступно; ссылка для цитирования: ",
    permalink: "Ссылка на это событие",
    sources: "Источники",
    corrected_link: |host| format!("исправленная ссылка: {host}"),
    event_release: |number, period| format!("Выпуск №{number} · {period}"),
    citation: |number, period, title, outlet| {
        let outlet = if outlet.is_empty() { String::new() } else { format!(", {outlet}") };
        format!("Информационный бюллетень ЦАРИКЦ №{number} ({period}): «{title}»{outlet}.")
    },
    release_not_found: |key| format!("Выпуска {key} в этом файле нет; показан другой выпуск."),
    event_not_found: |id| format!("События «{id}» в этом файле нет."),
    country_not_found: |country| format!("В этом выпуске нет событий по стране «{country}»; показаны все страны."),
    content_fallback: |language| format!("Этого выпуска нет на русском языке; он показан на языке: {language}."),
    editorial_address: "Адрес редакции",
    phone: |phone| format!("Тел.: {phone}"),
    fax: |fax| format!("Факс: {fax}"),
    page_title: |number, period, country| {
        let country = if country.is_empty() { String::new() } else { format!(" · {country}") };
        format!("Информационный бюллетень №{number} · {period}{country} — ЦАРИКЦ")
    },
    error_fetch: |url, message| format!("Не удалось загрузить {url}: {message}"),
    error_status: |url, status, text| format!("Не удалось загрузить {url}: сервер ответил {status} {text}"),
    error_other_site: |url| {
        format!("{url} находится на другом сайте: просмотрщик открывает файлы только со своего сайта, чтобы никакая ссылка не могла выдать чужой текст за бюллетени ЦАРИКЦ")
    },
    error_too_large: |name, size| format!("Размер {name} — {size} байт; просмотрщик открывает файлы не больше 268435456 байт"),
    error_read: |name, message| format!("Не удалось прочитать {name}: {message}"),
    error_not_utf8: |name, line, offset| format!("{name}: строка {line}: текст не в кодировке UTF-8 (ошибка в байте {offset})"),
    error_decode: |url, reason| format!("{url} — не файл бюллетеней, который может открыть просмотрщик: {reason}"),
    error_manifest_file: |name| {
        format!("{name} — оглавление архива из отдельных файлов; оно открывается только с сайта. Откройте файл бюллетеней целиком.")
    },
    loading_release: |number| format!("Загрузка выпуска №{number}…"),
    archive_reading_index: "Ищем выпуски, в которых могут быть эти слова…",
    archive_too_short: "Чтобы искать во всех выпусках, введите слово не короче трёх букв. Пока поиск идёт только в уже открытых выпусках.",
    archive_searching: |n| format!("Поиск в {} {}…", count(n), russian_plural(n, "выпуске", "выпусках", "выпусках")),
    archive_partial: |searched, total| {
        format!(
            "Показаны совпадения в {} самых новых из {} {}, где могут быть эти слова.",
            count(searched),
            count(total),
            russian_plural(total, "выпуска", "выпусков", "выпусков")
        )
    },
    archive_search_more: |n| format!("Искать ещё в {} {}", count(n), russian_plural(n, "выпуске", "выпусках", "выпусках")),
    json_syntax: |line, column, message| format!("ошибка JSON в строке {line}, столбце {column}: {message}"),
    json_format: |found| format!("неподдерживаемый формат {found} в $.format: просмотрщик читает формат 1"),
    json_limit_hint: "ограничения не дают ошибочному файлу «подвесить» страницу",
    filters: "Отбор по тому, о чём говорится в тексте",
    filter_drug: "Наркотик",
    filter_kind: "Вид события",
    any_drug: "Все наркотики",
    any_kind: "Все виды",
    filter_from: "С",
    filter_to: "По",
    clear_filters: "Сбросить отбор",
    filtered_count: |n| {
        format!("Отбору {} {} {}.", russian_plural(n, "соответствует", "соответствуют", "соответствуют"), count(n), events(n))
    },
    empty_filters: "Нет событий, подходящих под этот отбор.",
    facts_note: "Наркотики, количества и виды событий выделены из текста СМИ автоматически, по правилам, и могут быть неточны: у каждого показано предложение, из которого он взят.",
    facts_label: "Выделено из текста",
    kind_name: |kind| {
        match kind {
            "seizure" => "Изъятие",
            "arrest" => "Задержание",
            "laboratory" => "Ликвидация нарколаборатории",
            "trafficking-group" => "Пресечение деятельности наркогруппы",
            "sentence" => "Приговор суда",
            "prevention" => "Профилактика",
            "cooperation" => "Международное сотрудничество",
            "other" => "Другое",
            other => other,
        }
        .to_owned()
    },
    unit_name: |unit, amount| {
        // A fraction of a count takes the genitive singular (1,5 таблетки); whole counts
        // decline by their last digits.
        let whole = amount.fract() == 0.0 && (0.0..1e15).contains(&amount);
        let plural = |one, few, many| {
            if whole {
                russian_plural(amount as usize, one, few, many)
            } else {
                few
            }
        };
        match unit {
            "g" => "г",
            "kg" => "кг",
            "t" => "т",
            "ml" => "мл",
            "l" => "л",
            "tablets" => plural("таблетка", "таблетки", "таблеток"),
            "capsules" => plural("капсула", "капсулы", "капсул"),
            "doses" => plural("доза", "дозы", "доз"),
            "plants" => plural("куст", "куста", "кустов"),
            "packets" => plural("пакет", "пакета", "пакетов"),
            "ampoules" => plural("ампула", "ампулы", "ампул"),
            other => other,
        }
        .to_owned()
    },
    number: |value| super::format_number(value, '\u{a0}', ','),
    either: |one, other| format!("{one} или {other}"),
    show_insights: "Графики и выгрузка",
    insights_heading: |n| format!("Что в {} {}", count(n), russian_plural(n, "показанном событии", "показанных событиях", "показанных событиях")),
    chart_months: "События по месяцам и странам",
    chart_amounts: |unit| format!("Изъято по месяцам, {unit}, по наркотикам (диапазон — по нижней границе)"),
    chart_kinds: "События по видам",
    month: "Месяц",
    total: "Всего",
    drug_not_stated: "наркотик не указан",
    approximate_counted: |n| format!("{} {} указаны приблизительно и учтены по указанному значению.", count(n), russian_plural(n, "количество", "количества", "количеств")),
    ambiguous_left_out: |n| format!("Не учтены {} {}, которые можно прочесть двояко (например, 5,065 кг).", count(n), russian_plural(n, "количество", "количества", "количеств")),
    not_read: |n| format!("У {} {} факты не выделены (файл старше этой функции).", count(n), russian_plural(n, "события", "событий", "событий")),
    download_events: |n| format!("Скачать {} {}:", count(n), russian_plural(n, "показанное событие", "показанных события", "показанных событий")),
    download_events_csv: "CSV, строка на событие",
    download_amounts_csv: "CSV, строка на количество",
    download_json: "Файл JSON",
    archive_filters_partial: |opened, total| {
        format!(
            "Отбор охватывает {} {} из {} в архиве: введите слова, чтобы искать во всех выпусках.",
            count(opened),
            russian_plural(opened, "уже открытый выпуск", "уже открытых выпуска", "уже открытых выпусков"),
            count(total)
        )
    },
};
