//! A request to show another view: what components send up to `App`, which records it in
//! the address bar. Its own module, so that the components and the root that renders them
//! both import it and neither imports the other's.

use crate::browser::HistoryMode;
use caricc_view::route::Route;

/// A request to show another view.
#[derive(Debug, Clone, PartialEq)]
pub struct Navigate {
    pub route: Route,
    pub mode: HistoryMode,
}
