//! What the reader sees. Components render the core's view model; bundle text goes into
//! text nodes only, never into markup.

mod card;
mod filters;
mod insights;
mod language;
mod open;
mod release;
mod search;
mod site_nav;
mod tabs;
mod text;

use crate::navigate::Navigate;
use crate::text::Text;
use caricc_format::model::Issue;
use caricc_view::i18n::Messages;
use caricc_view::loaded::{Load, LoadError, Origin};
use caricc_view::loading::Need;
use caricc_view::route::Route;
use language::language_picker;
use open::{open_bundle, OpenProps};
pub use release::{ReleasePage, ReleaseProps};
use std::rc::Rc;
use yew::prelude::*;

/// A value a component keeps between renders, and the handle that redraws it: what
/// `use_state` does, without another copy of Yew's state hook for each type kept.
pub struct Kept<T> {
    value: Rc<std::cell::RefCell<T>>,
    redraw: UseForceUpdateHandle,
}

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Kept { value: self.value.clone(), redraw: self.redraw.clone() }
    }
}

impl<T> Kept<T> {
    pub fn get(&self) -> std::cell::Ref<'_, T> {
        self.value.borrow()
    }

    /// Keeps `value` and redraws the component, as setting a `use_state` does.
    pub fn set(&self, value: T) {
        *self.value.borrow_mut() = value;
        self.redraw.force_update();
    }
}

#[hook]
pub fn use_kept<T: 'static>(init: impl FnOnce() -> T) -> Kept<T> {
    Kept { value: use_mut_ref(init), redraw: use_force_update() }
}

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub load: Load,
    #[prop_or_default]
    pub route: Route,
    /// Changes when the route arrived from outside the page (see `App`).
    #[prop_or_default]
    pub arrival: u32,
    #[prop_or_default]
    pub on_navigate: Callback<Navigate>,
    /// Why the last bundle file the reader opened could not be shown.
    #[prop_or_default]
    pub file_error: Option<Rc<LoadError>>,
    #[prop_or_default]
    pub on_open_file: Callback<web_sys::File>,
    /// Asks for what the page lacks from a chunked archive.
    #[prop_or_default]
    pub on_need: Callback<Need>,
    /// The interface language.
    #[prop_or_default]
    pub text: Text,
    /// The page is a page of the published site, which the app takes over.
    #[prop_or_default]
    pub site_page: bool,
    /// Called once the release is drawn.
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

/// The whole page for the load state and route. A function rather than a component: `App`
/// redraws it whenever these change anyway, and a component is a copy of Yew's component
/// machinery in the WebAssembly.
pub fn page(props: &PageProps) -> Html {
    let t = props.text.0;
    match &props.load {
        Load::Loading => frame(
            props,
            t,
            html! {
                <>
                    <h1>{ t.site_name }</h1>
                    <p role="status" class="status">{ t.loading }</p>
                </>
            },
        ),
        Load::Failed(error) => frame(
            props,
            t,
            html! {
                <div role="alert" class="alert">
                    <h1>{ t.load_failed }</h1>
                    <p>{ error.describe(t) }</p>
                    <p>{ t.load_failed_hint }</p>
                </div>
            },
        ),
        Load::Ready(loaded) => {
            let tools = bundle_tools(props, Some(&loaded.origin), t);
            html! {
                <ReleasePage loaded={loaded.clone()} route={props.route.clone()} arrival={props.arrival} on_navigate={props.on_navigate.clone()} on_need={props.on_need.clone()} {tools} text={props.text} site_page={props.site_page} on_shown={props.on_shown.clone()} />
            }
        }
    }
}

/// The page around a message, before there is a release to show.
fn frame(props: &PageProps, t: &Messages, content: Html) -> Html {
    html! {
        <>
            { masthead(Html::default(), bundle_tools(props, None, t), t) }
            <main id="main">{ content }</main>
        </>
    }
}

/// The language switcher and the bundle controls, for the masthead.
fn bundle_tools(props: &PageProps, origin: Option<&Origin>, t: &Messages) -> Html {
    let open = OpenProps { origin, file_error: props.file_error.as_ref(), on_open_file: &props.on_open_file };
    html! {
        <>
            { language_picker(&props.route, &props.on_navigate, t) }
            { open_bundle(open, t) }
        </>
    }
}

/// The site's name bar: the release picker once a bundle is loaded, and the bundle controls.
/// A function rather than a component: a component of its own is a copy of Yew's
/// component machinery in the WebAssembly, for markup that has no state.
pub(crate) fn masthead(picker: Html, tools: Html, t: &Messages) -> Html {
    html! {
        <header class="masthead">
            <p class="site-name">{ t.site_name }</p>
            { picker }
            { tools }
        </header>
    }
}

/// The release's language for `lang` attributes; none when the bundle's value is not a
/// language tag (an attribute value cannot harm, but a wrong one misleads screen readers).
pub(crate) fn content_lang(issue: &Issue) -> Option<String> {
    caricc_format::text::is_language_tag(&issue.lang).then(|| issue.lang.clone())
}

/// An HTML id derived from bundle text: letters, digits, `-` and `_` only.
pub(crate) fn dom_id(prefix: &str, id: &str) -> String {
    caricc_view::route::element_id(prefix, id)
}
