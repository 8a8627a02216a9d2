//! The bundle of CARICC releases as files hold it: its types ([`model`]), decoding with
//! errors that say what is wrong and where ([`bundle`], [`decode`], [`json_path`]), the
//! limits that keep a wrong file from freezing a reader ([`limits`]), and the chunked
//! archive's layout ([`archive`]); with the small text, date and country helpers every
//! other crate shares. No browser, no file system: the viewer and the CLI both build on it.

pub mod archive;
pub mod bundle;
pub mod case;
pub mod country;
pub mod date;
pub mod decode;
pub mod json_path;
pub mod limits;
pub mod model;
pub mod order;
pub mod text;
