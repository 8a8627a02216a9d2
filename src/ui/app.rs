//! The root component: owns the load state and nothing else.

use crate::ui::components::Page;
use crate::ui::load::{bundle_url, fetch_bundle, Load};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        // Runs once after the first render, so the loading state is on screen while fetching.
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let url = bundle_url();
                load.set(match fetch_bundle(&url).await {
                    Ok(bundle) => Load::Ready(Rc::new(bundle)),
                    Err(error) => Load::Failed(error.to_string().into()),
                });
            });
        });
    }
    html! { <Page load={(*load).clone()} /> }
}
