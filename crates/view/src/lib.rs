//! What the viewer shows, decided without a browser: the route in the URL ([`route`]), the
//! view model a page renders ([`view`]), the interface's languages ([`i18n`]), what is
//! loaded ([`loaded`]) and the machine that decides what to fetch for it ([`loading`]). The
//! Yew app renders these and runs the machine's fetches; the tests run natively.

pub mod chart;
pub mod export;
pub mod facts;
pub mod i18n;
pub mod insights;
pub mod loaded;
pub mod loading;
pub mod route;
pub mod site;
pub mod view;
