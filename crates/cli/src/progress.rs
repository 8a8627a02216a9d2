//! Progress of long runs (the site of a large archive takes minutes), shown only to a
//! person watching: on a terminal. A log or a pipe gets the summary lines alone.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A bar on stderr counting `total` steps of `what` (“releases”); hidden when stderr is not
/// a terminal. Clear it with `finish_and_clear` before printing the summary.
pub fn bar(total: usize, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let template = format!("{{wide_bar}} {{pos}}/{{len}} {what}, {{elapsed}} (about {{eta}} left)");
    let style = ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr()).with_style(style)
}
