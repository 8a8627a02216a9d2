//! Validation of a decoded bundle's meaning: what the JSON shape alone cannot say
//! (unique ids, real country codes, real dates, non-empty titles). Every problem names
//! the JSON path at fault.

use crate::sources::{is_valid_host, source_problem, valid_hosts};
use caricc_facts::{Kind, Unit};
use caricc_format::country::is_iso_code;
use caricc_format::date::Date;
use caricc_format::limits::over_limits;
use caricc_format::model::{Bundle, Event, Facts, Issue, Place, Source};
use caricc_format::text::{is_blank, is_language_tag, is_web_url, url_parts};
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The viewer will still show the bundle, but a reader may be misled or see text instead of a link.
    Warning,
    /// The bundle is wrong: the checker and the importer refuse it.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSONPath of the value at fault (`$.issues[0].events[3].country`).
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}: {}", self.path, self.message)
    }
}

/// All problems in a bundle, errors and warnings, in document order.
pub fn check_bundle(bundle: &Bundle) -> Vec<Problem> {
    let mut checker = Checker::default();
    for over in over_limits(bundle, 100) {
        checker.error(&over.path, over.message);
    }
    let mut releases: HashMap<(i32, u32, &str), usize> = HashMap::new();
    for (index, issue) in bundle.issues.iter().enumerate() {
        let path = format!("$.issues[{index}]");
        if let Some(first) = releases.insert((issue.year, issue.number, issue.lang.as_str()), index) {
            checker.error(
                &path,
                format!("release #{} of {} ({}) is already at $.issues[{first}]", issue.number, issue.year, issue.lang),
            );
        }
        checker.issue(&path, issue);
    }
    checker.problems
}

#[derive(Default)]
struct Checker<'a> {
    problems: Vec<Problem>,
    /// Event ids seen so far per language, with the path of the first use. The same event
    /// in another language version of a release keeps its id (that is how the viewer
    /// finds it in the reader's language), so ids are unique within a language.
    ids: HashMap<(&'a str, &'a str), String>,
}

impl<'a> Checker<'a> {
    fn error(&mut self, path: &str, message: String) {
        self.problems.push(Problem { severity: Severity::Error, path: path.to_owned(), message });
    }

    fn warning(&mut self, path: &str, message: String) {
        self.problems.push(Problem { severity: Severity::Warning, path: path.to_owned(), message });
    }

    fn country(&mut self, path: &str, code: &str) {
        if !is_iso_code(code) {
            self.error(path, format!("“{code}” is not a lowercase ISO 3166-1 alpha-2 country code"));
        }
    }

    fn not_blank(&mut self, path: &str, text: &str, what: &str) {
        if is_blank(text) {
            self.error(path, format!("{what} is empty"));
        }
    }

    fn issue(&mut self, path: &str, issue: &'a Issue) {
        if issue.number == 0 {
            self.error(&format!("{path}.number"), "release number must be 1 or more".into());
        }
        if !(1990..=2200).contains(&issue.year) {
            self.error(&format!("{path}.year"), format!("year {} is not plausible for a release", issue.year));
        }
        let lang_ok = is_language_tag(&issue.lang);
        if !lang_ok {
            self.error(&format!("{path}.lang"), format!("“{}” is not a language tag like “en” or “ru”", issue.lang));
        }
        self.not_blank(&format!("{path}.title"), &issue.title, "title");
        let from = Date::parse_iso(&issue.period.from);
        let to = Date::parse_iso(&issue.period.to);
        for (field, text, date) in [("from", &issue.period.from, from), ("to", &issue.period.to, to)] {
            if date.is_none() {
                self.error(&format!("{path}.period.{field}"), format!("“{text}” is not a date written YYYY-MM-DD"));
            }
        }
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                self.error(
                    &format!("{path}.period"),
                    format!("period starts ({}) after it ends ({})", issue.period.from, issue.period.to),
                );
            }
            if from.year != issue.year && to.year != issue.year {
                self.warning(
                    &format!("{path}.year"),
                    format!("year {} is outside the period {} – {}", issue.year, issue.period.from, issue.period.to),
                );
            }
        }
        for (index, count) in issue.summary.counts.iter().enumerate() {
            self.country(&format!("{path}.summary.counts[{index}].country"), &count.country);
        }
        for (index, topic) in issue.summary.topics.iter().enumerate() {
            self.country(&format!("{path}.summary.topics[{index}].country"), &topic.country);
        }
        for (index, entry) in issue.contents.iter().enumerate() {
            if let Some(code) = &entry.country {
                self.country(&format!("{path}.contents[{index}].country"), code);
            }
        }
        let known_hosts = valid_hosts(issue.events.iter().flat_map(|e| e.sources.iter().map(|s| s.url.as_str())));
        for (index, event) in issue.events.iter().enumerate() {
            let event_path = format!("{path}.events[{index}]");
            if event.id.trim().is_empty() {
                self.error(&format!("{event_path}.id"), "event id is empty".into());
            } else if let Some(first) = self.ids.get(&(issue.lang.as_str(), event.id.as_str())) {
                let message = format!("event id “{}” is already used at {first}", event.id);
                self.error(&format!("{event_path}.id"), message);
            } else {
                self.ids.insert((&issue.lang, &event.id), format!("{event_path}.id"));
            }
            self.country(&format!("{event_path}.country"), &event.country);
            self.not_blank(&format!("{event_path}.title"), &event.title, "event title");
            if event.paragraphs.iter().all(|p| is_blank(p)) {
                self.warning(&format!("{event_path}.paragraphs"), "event has no text".into());
            }
            if event.sources.is_empty() {
                self.warning(&format!("{event_path}.sources"), "event has no source link".into());
            }
            for (source_index, source) in event.sources.iter().enumerate() {
                self.source(&format!("{event_path}.sources[{source_index}]"), source, &known_hosts);
            }
            if let Some(facts) = &event.facts {
                self.facts(&format!("{event_path}.facts"), event, facts);
            }
        }
    }
}

impl Checker<'_> {
    /// An event's facts: each place within the text it names (readers show the sentence
    /// there), each id one this build knows (readers show an unknown one as it is), each
    /// amount with one reading or two.
    fn facts(&mut self, path: &str, event: &Event, facts: &Facts) {
        for (index, fact) in facts.drugs.iter().enumerate() {
            let path = format!("{path}.drugs[{index}]");
            if caricc_facts::drugs::by_id(&fact.drug).is_none() {
                self.warning(&format!("{path}.drug"), format!("drug “{}” is not in the drug table", fact.drug));
            }
            self.place(&path, event, fact.at);
        }
        for (index, fact) in facts.quantities.iter().enumerate() {
            let path = format!("{path}.quantities[{index}]");
            if !Unit::ALL.iter().any(|unit| unit.id() == fact.unit) {
                self.warning(&format!("{path}.unit"), format!("unit “{}” is not one this build knows", fact.unit));
            }
            if let Some(drug) = fact.drug.as_deref().filter(|drug| caricc_facts::drugs::by_id(drug).is_none()) {
                self.warning(&format!("{path}.drug"), format!("drug “{drug}” is not in the drug table"));
            }
            match (fact.amount, fact.readings.len()) {
                (Some(_), 0) | (None, 2) => {}
                _ => self.error(&path, "an amount has either an `amount` or two `readings`".into()),
            }
            let numbers = fact.amount.iter().chain(&fact.readings).chain(&fact.to);
            if numbers.clone().any(|number| *number < 0.0) {
                self.error(&path, "an amount is negative".into());
            }
            self.place(&path, event, fact.at);
        }
        for (index, fact) in facts.kinds.iter().enumerate() {
            let path = format!("{path}.kinds[{index}]");
            if !Kind::ALL.iter().any(|kind| kind.id() == fact.kind && *kind != Kind::Other) {
                self.warning(&format!("{path}.kind"), format!("kind “{}” is not one this build knows", fact.kind));
            }
            self.place(&path, event, fact.at);
        }
    }

    /// A fact's place: a paragraph the event has (or the title), characters within it.
    fn place(&mut self, path: &str, event: &Event, at: Place) {
        let text = match at.p {
            None => Some(&event.title),
            Some(p) => usize::try_from(p).ok().and_then(|p| event.paragraphs.get(p)),
        };
        let Some(text) = text else {
            let count = event.paragraphs.len();
            return self.error(
                &format!("{path}.at.p"),
                format!("the event has {count} paragraph(s), not {}", at.p.unwrap_or(0) + 1),
            );
        };
        let length = text.chars().count();
        if at.from > at.to || at.to as usize > length {
            let message = format!("characters {}..{} are not within the text's {length}", at.from, at.to);
            self.error(&format!("{path}.at"), message);
        }
    }
}

impl Checker<'_> {
    /// A source link, and whether what the bundle says of it (`broken`, `corrected`) is so:
    /// readers show a broken link as text, and offer its correction as a link.
    fn source(&mut self, path: &str, source: &Source, known_hosts: &[String]) {
        let problem = source_problem(&source.url, known_hosts);
        let host_broken = problem.as_ref().is_some_and(|problem| problem.broken);
        if let Some(problem) = problem {
            let mut message = problem.message;
            // Only a link readers would follow misleads them: anything else is text already.
            if host_broken && !source.broken && is_web_url(&source.url) {
                message.push_str("; it is not marked \"broken\", so readers are shown a link that leads nowhere");
            }
            self.warning(&format!("{path}.url"), message);
        }
        if source.broken && !host_broken && is_web_url(&source.url) {
            let message = "marked broken, but its host is valid: readers are shown it as text, not a link";
            self.warning(&format!("{path}.broken"), message.into());
        }
        let Some(corrected) = &source.corrected else { return };
        // Decoding let through only an http(s) URL: its host is what can still be wrong.
        let host = url_parts(corrected.as_str()).host;
        if !is_valid_host(host, corrected.as_str()) {
            let message = format!(
                "host “{host}” is not a valid internationalised domain name: the correction leads nowhere either"
            );
            self.error(&format!("{path}.corrected"), message);
        } else if !source.broken {
            let message = "a correction of a link not marked \"broken\": readers are not shown it".into();
            self.warning(&format!("{path}.corrected"), message);
        }
    }
}

/// True when any problem is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use caricc_format::bundle::parse_bundle;

    fn bundle(events: &str, period: &str) -> Bundle {
        let text = format!(
            r#"{{"format":1,"issues":[{{"number":15,"year":2025,"period":{period},"title":"Release","events":{events}}}]}}"#
        );
        parse_bundle(&text).unwrap()
    }

    const PERIOD: &str = r#"{"from":"2025-08-01","to":"2025-08-15"}"#;

    #[test]
    fn a_clean_bundle_has_no_problems() {
        let events =
            r#"[{"id":"a","country":"kz","title":"T","paragraphs":["p"],"sources":[{"url":"https://polisia.kz/"}]}]"#;
        assert_eq!(check_bundle(&bundle(events, PERIOD)), vec![]);
    }

    #[test]
    fn duplicate_ids_unknown_countries_and_empty_titles_name_their_paths() {
        let events = r#"[{"id":"a","country":"kz","title":"T","paragraphs":["p"],"sources":[{"url":"https://a.kz/"}]},
                         {"id":"a","country":"xx","title":"  ","paragraphs":["p"],"sources":[{"url":"https://a.kz/"}]}]"#;
        let problems = check_bundle(&bundle(events, PERIOD));
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.issues[0].events[1].id", "$.issues[0].events[1].country", "$.issues[0].events[1].title"]);
        assert!(problems[0].message.contains("$.issues[0].events[0].id"));
        assert!(has_errors(&problems));
    }

    #[test]
    fn the_same_event_may_keep_its_id_in_another_language() {
        let event = r#"{"id":"a","country":"kz","title":"T","paragraphs":["p"],"sources":[{"url":"https://a.kz/"}]}"#;
        let mut bundle = bundle(&format!("[{event}]"), PERIOD);
        let mut russian = bundle.issues[0].clone();
        russian.lang = "ru".into();
        bundle.issues.push(russian.clone());
        assert_eq!(check_bundle(&bundle), vec![]);
        bundle.issues.push(russian);
        let problems = check_bundle(&bundle);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.issues[2]", "$.issues[2].events[0].id"], "the same release and id twice in one language");
    }

    #[test]
    fn bad_dates_are_errors() {
        let problems = check_bundle(&bundle("[]", r#"{"from":"2025-02-30","to":"15.08.2025"}"#));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].path, "$.issues[0].period.from");
        assert_eq!(problems[1].path, "$.issues[0].period.to");
        let reversed = check_bundle(&bundle("[]", r#"{"from":"2025-08-15","to":"2025-08-01"}"#));
        assert_eq!(reversed[0].path, "$.issues[0].period");
    }

    #[test]
    fn suspicious_sources_are_warnings() {
        let events =
            r#"[{"id":"a","country":"ru","title":"T","paragraphs":["p"],"sources":[{"url":"javascript:alert(1)"}]}]"#;
        let problems = check_bundle(&bundle(events, PERIOD));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert_eq!(problems[0].path, "$.issues[0].events[0].sources[0].url");
        assert!(!has_errors(&problems));
    }

    #[test]
    fn facts_out_of_their_text_or_unknown_are_named_by_path() {
        let events = r#"[{"id":"a","country":"kz","title":"T","paragraphs":["Heroin"],"sources":[{"url":"https://a.kz/"}],
            "facts":{"drugs":[{"drug":"heroin","at":{"p":0,"from":0,"to":6}},{"drug":"kratom","at":{"p":1,"from":0,"to":1}}],
                     "quantities":[{"amount":1,"readings":[1,1000],"unit":"kg","at":{"from":0,"to":1}},{"amount":2,"unit":"bags","at":{"from":0,"to":9}}],
                     "kinds":[{"kind":"seizure","at":{"from":0,"to":1}},{"kind":"other","at":{"from":0,"to":1}}]}}]"#;
        let problems = check_bundle(&bundle(events, r#"{"from":"2025-08-01","to":"2025-08-15"}"#));
        let found: Vec<(Severity, &str)> =
            problems.iter().map(|problem| (problem.severity, problem.path.as_str())).collect();
        let facts = "$.issues[0].events[0].facts";
        assert_eq!(
            found,
            [
                (Severity::Warning, format!("{facts}.drugs[1].drug").as_str()),
                (Severity::Error, format!("{facts}.drugs[1].at.p").as_str()),
                (Severity::Error, format!("{facts}.quantities[0]").as_str()),
                (Severity::Warning, format!("{facts}.quantities[1].unit").as_str()),
                (Severity::Error, format!("{facts}.quantities[1].at").as_str()),
                (Severity::Warning, format!("{facts}.kinds[1].kind").as_str()),
            ],
            "{problems:?}"
        );
    }

    /// The problems of one event's sources, each as (severity, path, message).
    fn source_problems(sources: &str) -> Vec<(Severity, String, String)> {
        let events = format!(r#"[{{"id":"a","country":"ru","title":"T","paragraphs":["p"],"sources":{sources}}}]"#);
        let problems = check_bundle(&bundle(&events, PERIOD));
        problems.into_iter().map(|p| (p.severity, p.path.replace("$.issues[0].events[0].", ""), p.message)).collect()
    }

    #[test]
    fn a_broken_link_marked_and_corrected_is_reported_only_for_its_printed_host() {
        let problems = source_problems(
            r#"[{"url":"https://xn--blaww.xn--plai/1","broken":true,"corrected":"https://xn--b1aew.xn--p1ai/1"}]"#,
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].0, problems[0].1.as_str()), (Severity::Warning, "sources[0].url"));
        assert!(!problems[0].2.contains("not marked"), "{problems:?}");
    }

    #[test]
    fn a_link_with_an_invalid_host_not_marked_broken_is_flagged() {
        let problems = source_problems(r#"[{"url":"https://xn--blaww.xn--plai/1"}]"#);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].0, problems[0].1.as_str()), (Severity::Warning, "sources[0].url"));
        assert!(problems[0].2.contains("not a valid internationalised domain name"), "{problems:?}");
        assert!(problems[0].2.contains("not marked \"broken\""), "{problems:?}");
    }

    #[test]
    fn a_correction_whose_host_is_invalid_is_an_error() {
        let problems = source_problems(
            r#"[{"url":"https://xn--blaww.xn--plai/1","broken":true,"corrected":"https://xn--b1aew.xn--plai/1"}]"#,
        );
        let paths: Vec<(Severity, &str)> = problems.iter().map(|(s, path, _)| (*s, path.as_str())).collect();
        assert_eq!(paths, [(Severity::Warning, "sources[0].url"), (Severity::Error, "sources[0].corrected")]);
        assert!(problems[1].2.contains("host “xn--b1aew.xn--plai” is not a valid"), "{problems:?}");
    }

    #[test]
    fn marks_that_do_not_match_the_link_are_flagged() {
        // A working link marked broken would be hidden from readers.
        let problems = source_problems(r#"[{"url":"https://polisia.kz/","broken":true}]"#);
        let paths: Vec<&str> = problems.iter().map(|(_, path, _)| path.as_str()).collect();
        assert_eq!(paths, ["sources[0].broken"], "{problems:?}");
        // A correction of a link not marked broken is never shown.
        let problems = source_problems(r#"[{"url":"https://polisia.kz/","corrected":"https://polisia.kz/"}]"#);
        let paths: Vec<&str> = problems.iter().map(|(_, path, _)| path.as_str()).collect();
        assert_eq!(paths, ["sources[0].corrected"], "{problems:?}");
        assert!(problems.iter().all(|(severity, _, _)| *severity == Severity::Warning));
        // Broken with no correction is what the importer writes when it cannot tell the intent.
        let problems = source_problems(r#"[{"url":"https://xn--ww.kz/","broken":true}]"#);
        let paths: Vec<&str> = problems.iter().map(|(_, path, _)| path.as_str()).collect();
        assert_eq!(paths, ["sources[0].url"], "{problems:?}");
    }
}
