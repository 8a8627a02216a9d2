//! Upper and lower case, exactly as the standard library maps them, from tables a tenth of
//! the size of its own (about 25 KB less WebAssembly for the viewer). The tables are runs of
//! characters with the same offset, written by `build.rs` from the standard library of the
//! toolchain that builds the crate, so they can never disagree with it; the tests check
//! every character.

/// `count` characters `first`, `first + step`, … whose case is the character `offset` away.
struct Run {
    first: u32,
    count: u32,
    step: u32,
    offset: i32,
}

include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));

/// The character `c` maps to in `runs`, if any.
fn lookup(runs: &[Run], c: char) -> Option<char> {
    let code = c as u32;
    let run = runs.get(runs.partition_point(|run| run.first <= code).checked_sub(1)?)?;
    let from_first = code - run.first;
    if from_first % run.step != 0 || from_first / run.step >= run.count {
        return None;
    }
    char::from_u32(code.checked_add_signed(run.offset)?)
}

/// The first character of `c`'s lowercase: `c.to_lowercase().next()`, which is the whole
/// of it for every character but `İ` (`i` and a combining dot above).
pub fn lowercase_first(c: char) -> char {
    lookup(LOWER, c).unwrap_or(c)
}

/// `text` in uppercase: the same as [`str::to_uppercase`].
pub fn to_uppercase(text: &str) -> String {
    let mut upper = String::with_capacity(text.len());
    for c in text.chars() {
        match (lookup(UPPER, c), UPPER_SPECIAL.iter().find(|(special, _)| *special == c)) {
            (Some(single), _) => upper.push(single),
            (None, Some((_, several))) => upper.push_str(several),
            (None, None) => upper.push(c),
        }
    }
    upper
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_maps_as_the_standard_library_maps_it() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(lowercase_first(c), c.to_lowercase().next().unwrap_or(c), "{c:?}");
            let mut one = [0; 4];
            let one = c.encode_utf8(&mut one);
            assert_eq!(to_uppercase(one), one.to_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn words_in_several_scripts() {
        assert_eq!(to_uppercase("xk ж straße ǆ ﬁ ΐ"), "XK Ж STRASSE Ǆ FI \u{399}\u{308}\u{301}");
        assert_eq!(lowercase_first('Ё'), 'ё');
        assert_eq!(lowercase_first('İ'), 'i');
        assert_eq!(lowercase_first('Σ'), 'σ');
        assert!(LOWER.len() < 400 && UPPER.len() < 400, "runs: {} and {}", LOWER.len(), UPPER.len());
    }
}
