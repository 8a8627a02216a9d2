//! The pure core: no browser or terminal code here, so it is tested natively and
//! shared unchanged by the CLI and the viewer.

pub mod archive;
pub mod bundle;
pub mod case;
pub mod check;
pub mod country;
pub mod decode;
pub mod i18n;
pub mod import;
pub mod json_path;
pub mod limits;
pub mod model;
pub mod order;
pub mod route;
pub mod search;
pub mod synth;
pub mod text;
pub mod translit;
pub mod trigram;
pub mod view;
