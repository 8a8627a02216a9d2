//! What the importer says besides the issue: where each input line landed, and what it
//! was unsure of. Every stage writes here, so it depends on no stage.

/// Where one input line ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Title page: title, period, number, place.
    Cover,
    /// Editorial address and imprint.
    Publisher,
    Contents,
    Summary,
    /// A country section heading.
    Section,
    /// Part of the event at this index of `Issue::events`.
    Event(usize),
    /// The back cover's repeat of the address, or a page number.
    PageFurniture,
    /// Not in the issue: listed in the report.
    Unplaced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinePlacement {
    /// 1-based line number in the input.
    pub line: usize,
    pub placement: Placement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// The events found disagree with the counts the release's summary states.
    CountMismatch,
    /// A line that could not be placed in the issue.
    Unplaced,
    /// A source that is not a plain http(s) link to a valid host.
    SuspiciousSource,
    /// A name recognised only approximately (a typo in the release).
    Typo,
    /// The release's structure is incomplete (an event with no text or no source, no summary…).
    Structure,
    /// Characters that change how text displays without being seen (right-to-left
    /// overrides, zero-width spaces): what a reader sees may differ from what is there.
    Invisible,
    /// A number that reads two ways (`5,065 kg`: five kilograms or five tonnes), kept in
    /// the event's facts with both readings.
    AmbiguousNumber,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line the warning is about; 0 when it is about the release as a whole.
    pub line: usize,
    pub kind: WarningKind,
    pub message: String,
}

/// What the importer saw besides the issue itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub warnings: Vec<Warning>,
    /// One entry per non-blank input line, in input order.
    pub placements: Vec<LinePlacement>,
}

impl Report {
    /// The messages of one kind of warning, in input order.
    pub fn messages(&self, kind: WarningKind) -> Vec<&str> {
        self.warnings.iter().filter(|w| w.kind == kind).map(|w| w.message.as_str()).collect()
    }

    /// Line numbers the issue does not hold.
    pub fn unplaced_lines(&self) -> Vec<usize> {
        self.placements.iter().filter(|p| p.placement == Placement::Unplaced).map(|p| p.line).collect()
    }

    /// Records where some lines landed; the stages call it as they place them.
    pub(super) fn mark(&mut self, lines: std::ops::Range<usize>, placement: Placement) {
        self.placements.extend(lines.map(|line| LinePlacement { line, placement }));
    }

    pub(super) fn warn(&mut self, line: usize, kind: WarningKind, message: String) {
        self.warnings.push(Warning { line, kind, message });
    }
}
