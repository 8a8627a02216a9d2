//! The browser viewer. For now a placeholder: it loads the bundle and lists its releases,
//! so that the build, hosting and browser tests can be exercised end to end.

mod app;
mod components;
mod load;

pub use app::App;
pub use components::{Page, PageProps};
pub use load::{Load, LoadError};
