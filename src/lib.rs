//! The browser viewer: a thin shell over the pure crates. `App` owns the load state and the
//! route; components render the view model and report navigations back up.

mod app;
mod browser;
mod components;
mod load;
mod text;

pub use app::{App, Navigate};
pub use browser::HistoryMode;
pub use components::{page, PageProps};
pub use load::{Load, LoadError, Loaded, Origin};
pub use text::Text;
