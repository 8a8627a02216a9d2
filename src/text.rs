//! The interface language, handed to the components that need it as a prop. (A Yew
//! context would do the same with its provider component and subscriptions: 2.4 KB
//! gzipped of WebAssembly for one value that only the page, the release and the cards
//! read.)

use caricc_view::i18n::{Messages, EN};

/// The interface's words, in the reader's language (English by default, as in tests).
#[derive(Clone, Copy)]
pub struct Text(pub &'static Messages);

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}

impl Default for Text {
    fn default() -> Self {
        Text(&EN)
    }
}
