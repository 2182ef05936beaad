//! Where values sit in the text of a JSON document, so a changed record
//! can be rewritten by splicing new values in and every other byte kept:
//! duplicate keys, numbers as written (`1E5`), escapes (`\u00e9`, `\/`),
//! spacing and key order. The text must already have parsed as JSON.

use std::ops::Range;

/// The byte span of the value at the dotted `path` (`doc.body`,
/// `items.0.body`), walking object keys and array indices from the top.
/// Where a key repeats, the last one counts, as it does for the parser
/// that read the record.
pub fn locate(json: &str, path: &str) -> Option<Range<usize>> {
    let b = json.as_bytes();
    let start = skip_ws(b, 0);
    let mut value = start..skip_value(b, start);
    for key in path.split('.') {
        value = match b.get(value.start) {
            Some(b'[') => element(b, value.start, key.parse().ok()?)?,
            _ => member(json, value.start, key)?,
        };
    }
    Some(value)
}

/// The span of element `index` of the array starting at `at`.
fn element(b: &[u8], at: usize, index: usize) -> Option<Range<usize>> {
    let mut i = skip_ws(b, at + 1);
    let mut n = 0;
    while i < b.len() && b[i] != b']' {
        let end = skip_value(b, i);
        if n == index {
            return Some(i..end);
        }
        n += 1;
        i = skip_ws(b, end);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    None
}

/// The span of the top-level value, without surrounding space.
pub fn top(json: &str) -> Range<usize> {
    let b = json.as_bytes();
    let start = skip_ws(b, 0);
    start..skip_value(b, start)
}

/// True when the array or object spanning `span` has no members.
pub fn is_empty(json: &str, span: &Range<usize>) -> bool {
    json[span.start + 1..span.end - 1].trim().is_empty()
}

/// The span of the last member called `key` of the object starting at `at`.
fn member(json: &str, at: usize, key: &str) -> Option<Range<usize>> {
    let b = json.as_bytes();
    if b.get(at) != Some(&b'{') {
        return None;
    }
    let mut found = None;
    let mut i = skip_ws(b, at + 1);
    while b.get(i) == Some(&b'"') {
        let key_end = skip_string(b, i);
        let name: String = serde_json::from_str(&json[i..key_end]).ok()?;
        let colon = skip_ws(b, key_end);
        let start = skip_ws(b, colon + 1);
        let end = skip_value(b, start);
        if name == key {
            found = Some(start..end);
        }
        i = skip_ws(b, end);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    found
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// Past the string whose opening quote is at `i`.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// Past the value starting at `i`. Iterative: nesting depth costs nothing.
fn skip_value(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            // A number or literal ends at its container's close.
            b'}' | b']' if depth == 0 => return i,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'j>(json: &'j str, path: &str) -> Option<&'j str> {
        locate(json, path).map(|r| &json[r])
    }

    #[test]
    fn finds_values_by_dotted_path_whatever_their_spelling() {
        let json = r#" {"n": 1E5, "s": "a\"b\/c", "doc" : {"body":"x\u00e9", "k": [1, {"a": "}"}]} } "#;
        assert_eq!(at(json, "n"), Some("1E5"));
        assert_eq!(at(json, "s"), Some(r#""a\"b\/c""#));
        assert_eq!(at(json, "doc.body"), Some(r#""x\u00e9""#));
        assert_eq!(at(json, "doc.k"), Some(r#"[1, {"a": "}"}]"#));
        assert_eq!(at(json, "doc.none"), None);
        assert_eq!(at(r#"{"a":7}"#, "a"), Some("7"));
        assert_eq!(at(json, "s.deeper"), None);
        assert_eq!(&json[top(json)], json.trim());
    }

    #[test]
    fn a_repeated_key_is_found_where_the_parser_reads_it() {
        let json = r#"{"text": "first", "text": "second"}"#;
        assert_eq!(at(json, "text"), Some(r#""second""#));
        let parsed: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(parsed["text"], "second");
    }

    #[test]
    fn keys_are_compared_as_decoded() {
        assert_eq!(at(r#"{"t\u0065xt": "v"}"#, "text"), Some(r#""v""#));
    }

    #[test]
    fn tells_empty_containers() {
        let json = r#"{"a": [ ], "b": [1], "c": {}}"#;
        assert!(is_empty(json, &locate(json, "a").unwrap()));
        assert!(!is_empty(json, &locate(json, "b").unwrap()));
        assert!(is_empty(json, &locate(json, "c").unwrap()));
    }
}
