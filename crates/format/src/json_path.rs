//! Which value of a JSON text a position is in, as a JSONPath (`$.issues[0].events[3].title`).
//!
//! Bundles are decoded straight into their types. Tracking the path of every value while
//! decoding would cost every load time and the viewer much code; instead, when decoding
//! fails, serde_json says where it stopped (line and column) and this scanner reads the text
//! up to there to name the value. It is a plain loop over bytes with its own stack: no
//! recursion, no indexing past the text, so any input, however deep or broken, gets a path.

/// A container open at the position.
enum Open {
    /// An object: the byte range of the last key read (its text between the quotes), and
    /// whether the `:` after it has been read, i.e. whether the position is in its value.
    Object { key: Option<(usize, usize)>, in_value: bool },
    /// An array, and the index of the element the position is in.
    Array { index: usize },
}

/// The byte offset of serde_json's error position: `line` counts from 1, `column` counts
/// bytes from the start of the line. Clamped to the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        match text.bytes().enumerate().filter(|&(_, byte)| byte == b'\n').nth(line - 2) {
            Some((newline, _)) => newline + 1,
            None => text.len(),
        }
    };
    line_start.saturating_add(column).min(text.len())
}

/// Where serde_json reports a decoding error `message` at byte `offset` (see [`offset_of`])
/// as its typed readers did: for an array or object where something else belongs, at its
/// opening bracket. Decoding reads any value and then says what is wrong with it, and
/// serde_json has read on by then, past the bracket, white space and an empty array's or
/// object's closing bracket (or an array's first comma): this steps back over them. Any
/// other error stays where it is.
pub fn fault_offset(text: &str, message: &str, offset: usize) -> usize {
    if !(message.starts_with("invalid type: sequence") || message.starts_with("invalid type: map")) {
        return offset;
    }
    let read = text.get(..offset).unwrap_or(text).trim_end();
    // An array's end reads a `,` and the white space after it too (then fails).
    let open = read.strip_suffix([']', '}', ',']).unwrap_or(read).trim_end();
    match open.strip_suffix(['[', '{']) {
        Some(before) => before.len(),
        None => offset,
    }
}

/// The JSONPath of the value that the first `offset` bytes of `text` end in, in the form
/// serde reports it: an object's key counts from its `:` on (before that, the position is
/// in the object itself, as for `duplicate field` or `missing field`), and an array's
/// element from the `[` or `,` before it. Keys are unescaped. Whatever the text, this
/// returns a path; for text that is not a JSON prefix, the path is a best guess.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut open: Vec<Open> = Vec::new();
    let mut at = 0;
    while at < end {
        match bytes[at] {
            b'{' => open.push(Open::Object { key: None, in_value: false }),
            b'[' => open.push(Open::Array { index: 0 }),
            b'}' | b']' => {
                open.pop();
            }
            b':' => {
                if let Some(Open::Object { in_value, .. }) = open.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match open.last_mut() {
                Some(Open::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Open::Array { index }) => *index = index.saturating_add(1),
                None => {}
            },
            b'"' => {
                let start = at + 1;
                let close = string_end(bytes, start, end);
                if let Some(Open::Object { key, in_value: false }) = open.last_mut() {
                    *key = Some((start, close));
                }
                // The closing quote (if any) is skipped below.
                at = close;
            }
            _ => {}
        }
        at += 1;
    }
    let mut path = String::from("$");
    for container in &open {
        match container {
            Open::Object { key: Some((start, close)), in_value: true } => {
                path.push('.');
                path.push_str(&unescape(bytes.get(*start..*close).unwrap_or_default()));
            }
            // Between an object's members the position is in the object itself.
            Open::Object { .. } => {}
            Open::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The index of the quote that closes the string starting at `start`, or `end` if the
/// string runs past it.
fn string_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut at = start;
    while at < end {
        match bytes[at] {
            b'"' => return at,
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
    end
}

/// A JSON string's text (without its quotes) as the string it stands for. Escapes that are
/// not valid JSON stand for U+FFFD, as do unpaired surrogates and cut-off UTF-8.
fn unescape(raw: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(raw.len());
    let mut at = 0;
    while at < raw.len() {
        if raw[at] != b'\\' {
            out.push(raw[at]);
            at += 1;
            continue;
        }
        let escaped = raw.get(at + 1).copied();
        at += 2;
        let decoded = match escaped {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let high = hex4(raw, at);
                at += 4;
                match high {
                    Some(high @ 0xD800..=0xDBFF) if raw.get(at..at + 2) == Some(b"\\u") => match hex4(raw, at + 2) {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            at += 6;
                            char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                                .unwrap_or(char::REPLACEMENT_CHARACTER)
                        }
                        _ => char::REPLACEMENT_CHARACTER,
                    },
                    Some(code) => char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
                    None => char::REPLACEMENT_CHARACTER,
                }
            }
            _ => char::REPLACEMENT_CHARACTER,
        };
        out.extend_from_slice(decoded.encode_utf8(&mut [0; 4]).as_bytes());
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The four hex digits at `at`, as a number.
fn hex4(raw: &[u8], at: usize) -> Option<u32> {
    let digits = raw.get(at..at.checked_add(4)?)?;
    digits.iter().try_fold(0, |value, &digit| Some(value * 16 + char::from(digit).to_digit(16)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path at the first `^` in `marked`, which is removed from the text.
    fn path_at_mark(marked: &str) -> String {
        let offset = marked.find('^').unwrap();
        path_at(&marked.replacen('^', "", 1), offset)
    }

    #[test]
    fn paths_follow_keys_from_their_colon_and_elements_from_their_comma() {
        assert_eq!(path_at_mark(r#"^{"a":1}"#), "$");
        assert_eq!(path_at_mark(r#"{"a"^:1}"#), "$");
        assert_eq!(path_at_mark(r#"{"a":^1}"#), "$.a");
        assert_eq!(path_at_mark(r#"{"a":1^}"#), "$.a");
        assert_eq!(path_at_mark(r#"{"a":1,^"b":2}"#), "$");
        assert_eq!(path_at_mark(r#"{"a":[^1]}"#), "$.a[0]");
        assert_eq!(path_at_mark(r#"{"a":[1, 2,^ 3]}"#), "$.a[2]");
        assert_eq!(path_at_mark(r#"{"a":[{"b":{}}, {"c":"}]{[,:", "d":{"e":[]^}}]}"#), "$.a[1].d.e");
        assert_eq!(path_at_mark(r#"{"a":{"b":1}^,"c":2}"#), "$.a");
        assert_eq!(path_at_mark(r#"{"a":{"b":1},"c":2}^"#), "$");
    }

    #[test]
    fn keys_are_unescaped() {
        assert_eq!(path_at_mark(r#"{"ti\u0074le\"\\\/\n":^1}"#), "$.title\"\\/\n");
        assert_eq!(path_at_mark(r#"{"\ud83d\ude00 \u0416":^1}"#), "$.😀 Ж");
        assert_eq!(path_at_mark(r#"{"\ud83d \uZZZZ \q":^1}"#), "$.\u{fffd} \u{fffd} \u{fffd}");
        assert_eq!(path_at_mark(r#"{"\u00":^1}"#), "$.\u{fffd}");
    }

    #[test]
    fn offsets_count_bytes_on_the_line() {
        let text = "{\n  \"ж\": [\n1]}";
        assert_eq!(offset_of(text, 1, 0), 0);
        assert_eq!(offset_of(text, 2, 7), 9);
        assert_eq!(&text[offset_of(text, 3, 0)..], "1]}");
        assert_eq!(offset_of(text, 3, 99), text.len());
        assert_eq!(offset_of(text, 9, 0), text.len());
        assert_eq!(offset_of(text, 0, 0), 0);
    }

    #[test]
    fn broken_text_still_gets_a_path() {
        for text in ["", "]]]}}", "{\"a", "{\"a\\", "[\"\\u12", "{:::,,,[", "\\", "\"\u{44f}"] {
            for offset in 0..=text.len() + 1 {
                assert!(path_at(text, offset).starts_with('$'));
            }
        }
        assert_eq!(path_at("{\"a\":[[[", 99), "$.a[0][0][0]");
    }
}
