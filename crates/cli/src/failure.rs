//! A failure the user must see: its message already says what and where.

use caricc_synth::SynthError;

pub struct Failure(pub String);

impl From<SynthError> for Failure {
    fn from(error: SynthError) -> Failure {
        Failure(error.to_string())
    }
}
