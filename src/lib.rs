//! CARICC Release Viewer: a pure core (bundle model, release import, validation) shared by
//! the native `caricc` CLI and the WebAssembly viewer.

pub mod core;

#[cfg(feature = "ui")]
pub mod ui;
