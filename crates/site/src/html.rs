//! Escaping for the text this crate writes into markup and XML itself (the components'
//! markup is escaped by Yew).

/// Text for an element's content or a quoted attribute value, in HTML or XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0, and mean nothing in a page.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A Content-Security-Policy source that allows one inline `<style>` or `<script>` by its
/// content: `sha256-` and the base64 of its SHA-256.
pub fn csp_hash(content: &str) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(content.as_bytes())))
}

/// JSON for a `<script type="application/ld+json">` block: `<` is escaped so that no text
/// can close the element (`</script>`) or open a comment.
pub fn json_in_script(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The text's first sentence, shortened at a word boundary to at most `limit` characters
/// (with "…" when shortened): for descriptions and previews.
pub fn first_sentence(text: &str, limit: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = match text.find(". ") {
        Some(end) => &text[..=end],
        None => text.as_str(),
    };
    if sentence.chars().count() <= limit {
        return sentence.to_owned();
    }
    let mut out = String::new();
    for word in sentence.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > limit {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = sentence.chars().take(limit.saturating_sub(1)).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(escape(r#"<b a="1">&'"#), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
        assert_eq!(escape("a\u{1}b"), "a b");
        let value = serde_json::json!({ "name": "</script><!--" });
        assert_eq!(json_in_script(&value), r#"{"name":"\u003c/script>\u003c!--"}"#);
    }

    #[test]
    fn descriptions_end_at_the_sentence_or_a_word() {
        assert_eq!(first_sentence("One two.  Three four.", 100), "One two.");
        assert_eq!(first_sentence("alpha beta gamma delta", 12), "alpha beta…");
        assert_eq!(first_sentence("", 10), "");
        let long = "x".repeat(50);
        assert_eq!(first_sentence(&long, 10).chars().count(), 10);
        assert!(first_sentence("Полиция изъяла 5 кг героина в Бишкеке", 20).chars().count() <= 20);
    }
}
