//! One module per subcommand: its arguments (`Args`) and `run`.

pub mod check;
pub mod evaluate_facts;
pub mod import;
pub mod offline;
pub mod site;
pub mod split;
pub mod synth;
