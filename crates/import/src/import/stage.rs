//! The stages after segmenting, in the order a release has them, and how one stage hands
//! the reading to the next. Stages never call each other: a stage that sees its end says
//! which stage follows, and the importer hands the segment on.

use super::segment::Segment;

/// Where the reading stands. It only ever moves down this list, so a segment is handed
/// on at most three times.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    /// Cover and publisher.
    #[default]
    Front,
    Contents,
    Summary,
    /// Country sections and their events, to the end of the text.
    Body,
}

/// What a stage did with a segment.
pub(super) enum Handoff<'a> {
    /// Placed it; the next segment comes to the same stage.
    Stay,
    /// Placed it, and it closes this stage: the next segment goes to the phase named.
    Then(Phase),
    /// Not this stage's: the segment, and what follows it, belong to the phase named.
    Pass(Phase, Segment<'a>),
}
