//! What the reader sees. Plain functions of the load state, so they render the same in the
//! browser and in native SSR tests. Bundle text goes into text nodes only, never into markup.

use crate::core::model::{Bundle, Issue};
use crate::ui::load::Load;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub load: Load,
}

#[component]
pub fn Page(props: &PageProps) -> Html {
    let body = match &props.load {
        Load::Loading => html! { <p role="status" class="status">{ "Loading releases…" }</p> },
        Load::Failed(message) => html! {
            <div role="alert" class="alert">
                <h2>{ "The releases could not be loaded" }</h2>
                <p>{ message.clone() }</p>
            </div>
        },
        Load::Ready(bundle) => issue_list(bundle),
    };
    html! {
        <>
            <header class="masthead">
                <h1>{ "CARICC Information Releases" }</h1>
            </header>
            <main>{ body }</main>
        </>
    }
}

fn issue_list(bundle: &Bundle) -> Html {
    if bundle.issues.is_empty() {
        return html! { <p class="status">{ "This bundle holds no releases." }</p> };
    }
    html! {
        <ul class="issues" aria-label="Releases">
            // Keyed by position: a hand-edited bundle may repeat a release number, and
            // duplicate keys would break rendering.
            { for bundle.issues.iter().enumerate().map(|(index, issue)| html! {
                <li key={index}>{ issue_card(index, issue) }</li>
            }) }
        </ul>
    }
}

fn issue_card(index: usize, issue: &Issue) -> Html {
    let heading_id = format!("issue-{index}");
    html! {
        <article class="issue" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>
                { format!("Information Release #{} · ", issue.number) }
                // Kept on one line: the dates' hyphens are not places to break.
                <span class="period">{ format!("{} – {}", issue.period.from, issue.period.to) }</span>
            </h2>
            <p class="issue-title" lang={issue.lang.clone()}>{ issue.title.clone() }</p>
            <ul class="counts" aria-label="Events per country">
                { for events_per_country(issue).into_iter().map(|(country, count)| html! {
                    <li key={country.clone()}>
                        <span class="country">{ country.to_uppercase() }</span>
                        { format!(": {}", event_count(count)) }
                    </li>
                }) }
            </ul>
        </article>
    }
}

/// Events per country, in the order the release prints its country sections.
pub fn events_per_country(issue: &Issue) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for event in &issue.events {
        match counts.iter_mut().find(|(country, _)| *country == event.country) {
            Some((_, count)) => *count += 1,
            None => counts.push((event.country.clone(), 1)),
        }
    }
    counts
}

fn event_count(count: usize) -> String {
    match count {
        1 => "1 event".to_owned(),
        n => format!("{n} events"),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::core::bundle::parse_bundle;
    use std::future::Future;
    use std::rc::Rc;
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    use std::thread::{self, Thread};

    const BUNDLE: &str = r#"{"format":1,"issues":[{"number":15,"year":2025,
        "period":{"from":"2025-08-01","to":"2025-08-15"},"title":"Drug situation <b>review</b>",
        "events":[{"id":"a","country":"kz","title":"x"},{"id":"b","country":"az","title":"y"},
                  {"id":"c","country":"kz","title":"z"}]}]}"#;

    /// Renders the page to HTML on Yew's SSR runtime. The state is built there, by `make`,
    /// because a `Load` holds an `Rc` and cannot cross threads.
    fn render(make: impl FnOnce() -> Load + Send + 'static) -> String {
        let renderer = yew::ServerRenderer::<Page>::with_props(move || PageProps { load: make() });
        block_on(renderer.hydratable(false).render())
    }

    fn ready() -> Load {
        Load::Ready(Rc::new(parse_bundle(BUNDLE).unwrap()))
    }

    /// A minimal executor: the rendering runs on Yew's runtime; this thread only waits.
    fn block_on<F: Future>(future: F) -> F::Output {
        struct Unpark(Thread);
        impl Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Waker::from(Arc::new(Unpark(thread::current())));
        let mut context = Context::from_waker(&waker);
        let mut future = std::pin::pin!(future);
        loop {
            match future.as_mut().poll(&mut context) {
                Poll::Ready(output) => return output,
                Poll::Pending => thread::park(),
            }
        }
    }

    #[test]
    fn lists_each_release_with_counts_per_country() {
        let html = render(ready);
        assert!(html.contains(r#"Information Release #15 · <span class="period">2025-08-01 – 2025-08-15</span>"#), "{html}");
        assert!(html.contains(r#"<span class="country">KZ</span>: 2 events"#), "{html}");
        assert!(html.contains(r#"<span class="country">AZ</span>: 1 event<"#), "{html}");
    }

    #[test]
    fn bundle_text_is_escaped() {
        let html = render(ready);
        assert!(html.contains("Drug situation &lt;b&gt;review&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn failure_is_an_alert() {
        let html = render(|| Load::Failed("bundle.json: the server answered 404 Not Found".into()));
        assert!(html.contains(r#"role="alert""#), "{html}");
        assert!(html.contains("404 Not Found"), "{html}");
    }

    #[test]
    fn loading_is_announced() {
        assert!(render(|| Load::Loading).contains(r#"role="status""#));
    }
}
