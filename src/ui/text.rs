//! The interface language, shared with every component through Yew's context.

use crate::core::i18n::{Messages, EN};
use yew::prelude::*;

/// The interface's words, in the reader's language.
#[derive(Clone, Copy)]
pub struct Text(pub &'static Messages);

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}

/// The interface's words for this component (English outside a provider, as in tests).
#[hook]
pub fn use_text() -> &'static Messages {
    use_context::<Text>().map_or(&EN, |text| text.0)
}
