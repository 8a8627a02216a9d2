//! What the facts the importer read add up to, decided here so that the page only draws
//! it: the sentence a fact was read in, for showing the fact in its context.
//!
//! Facts come from a bundle, which may be hostile: a place may point past its text or run
//! backwards, so nothing here indexes text by a place it has not checked.

use caricc_format::model::{Event, Place};

/// The characters a fact was read in; `None` when the place is not in the event (a
/// paragraph it lacks, characters past the end of the text, an empty or inverted range).
pub fn fact_text(event: &Event, at: Place) -> Option<String> {
    let (chars, from, to) = placed(event, at)?;
    Some(chars[from..to].iter().collect())
}

/// The sentence a fact was read in, trimmed: from the end of the sentence before it to the
/// end of its own, or the whole title or paragraph when it has no sentence ends there. A
/// fact that spans a sentence end gets both sentences. `None` as for [`fact_text`].
pub fn fact_sentence(event: &Event, at: Place) -> Option<String> {
    let (chars, from, to) = placed(event, at)?;
    let start = (1..=from).rev().find(|&at| sentence_ends_before(&chars, at)).unwrap_or(0);
    let end = (to..chars.len()).find(|&at| sentence_ends_before(&chars, at)).unwrap_or(chars.len());
    let sentence: String = chars[start..end].iter().collect();
    Some(sentence.trim().to_owned())
}

/// The characters of the text a place is in, and the place as indexes that are in range.
fn placed(event: &Event, at: Place) -> Option<(Vec<char>, usize, usize)> {
    let text = match at.p {
        None => &event.title,
        Some(p) => event.paragraphs.get(usize::try_from(p).ok()?)?,
    };
    let (from, to) = (usize::try_from(at.from).ok()?, usize::try_from(at.to).ok()?);
    let chars: Vec<char> = text.chars().collect();
    (from < to && to <= chars.len()).then_some((chars, from, to))
}

/// Closing quotes and brackets that may stand between a sentence's full stop and the space
/// after it (`… he said.” Then`).
const CLOSERS: [char; 6] = ['"', '”', '»', '’', '\'', ')'];

/// True when the whitespace at `at` follows a sentence's end: `.`, `!`, `?` or `…`, maybe
/// with closing quotes or brackets after it.
fn sentence_ends_before(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|c| c.is_whitespace())
        && chars[..at].iter().rev().find(|c| !CLOSERS.contains(c)).is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}
