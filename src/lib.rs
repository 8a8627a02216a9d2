//! The browser viewer: a thin shell over the pure crates. `App` owns the loading machine
//! and the route, and runs the fetches the machine asks for; components render the view
//! model and report navigations and what they lack back up.

mod app;
mod browser;
mod components;
mod links;
mod load;
mod navigate;
mod text;

pub use app::App;
#[cfg(target_arch = "wasm32")]
pub use browser::site_host;
pub use browser::HistoryMode;
pub use caricc_view::loaded::{Load, LoadError, Loaded, Origin};
pub use components::{page, PageProps, ReleasePage, ReleaseProps};
pub use links::Links;
pub use navigate::Navigate;
pub use text::Text;
