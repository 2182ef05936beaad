//! Markdown syntax leaked into plain text: images, links, emphasis markers.

use super::*;

/// `![alt](url)`, `![](url)` and `[](url)`, found from their `](`.
pub(super) fn find_markdown(text: &str, out: &mut Vec<Item>) {
    let b = text.as_bytes();
    for mid in memchr::memmem::find_iter(b, b"](") {
        let from = mid.saturating_sub(300);
        let Some(open) = memchr::memrchr(b'[', &b[from..mid]).map(|i| from + i) else {
            continue;
        };
        if memchr::memchr2(b']', b'\n', &b[open + 1..mid]).is_some() {
            continue;
        }
        let Some(end) = link_target_end(b, mid + 2) else {
            continue;
        };
        let label = &text[open + 1..mid];
        let image = open > 0 && b[open - 1] == b'!';
        if !image && !label.trim().is_empty() {
            continue; // a Markdown link with text may be intended
        }
        let start = if image { open - 1 } else { open };
        let what = if image { "Markdown image" } else { "empty Markdown link" };
        out.push(item(
            start,
            end,
            !label.chars().any(char::is_alphanumeric),
            false,
            format!("leaked {what}"),
        ));
    }
}

/// The end of `url)` or `url "title")` starting at `at`, just past the `)`.
pub(super) fn link_target_end(b: &[u8], at: usize) -> Option<usize> {
    let limit = b.len().min(at + 2000);
    let mut i = at;
    while i < limit && !matches!(b[i], b')' | b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    if i < limit && b[i] == b' ' {
        // an optional `"title"`
        while i < limit && b[i] == b' ' {
            i += 1;
        }
        if b.get(i) != Some(&b'"') {
            return None;
        }
        i = i + 1 + memchr::memchr2(b'"', b'\n', &b[i + 1..limit])?;
        if b[i] != b'"' {
            return None;
        }
        i += 1;
    }
    (b.get(i) == Some(&b')')).then_some(i + 1)
}
