//! What the viewer shows, decided without a browser: the route in the URL ([`route`]), the
//! view model a page renders ([`view`]) and the interface's languages ([`i18n`]). The Yew
//! app renders these; the tests run natively.

pub mod i18n;
pub mod route;
pub mod view;
