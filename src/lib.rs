//! CARICC Release Viewer: a pure core (bundle model, release import, validation) shared by
//! the native `caricc` CLI and the WebAssembly viewer.

pub mod core;

/// Assembling the single-file offline edition; native only, used by the CLI.
#[cfg(feature = "cli")]
pub mod offline;

#[cfg(feature = "ui")]
pub mod ui;
