//! The staff's side of the format: release text to bundle with a report of every line
//! ([`import`]), the checker that says what is wrong with a bundle ([`check`]), and the
//! source-link checks both of them ask ([`sources`]).
//! The only crate that checks host names with `idna`; the viewer never depends on it.

pub mod check;
pub mod import;
pub mod sources;
