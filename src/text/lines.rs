//! Byte offsets to line numbers, and bounded stretches of one line.

/// The stretch around `[start, end)` that reaches at most `reach` bytes
/// either way without crossing a line break. A rule that looks along a line
/// for context reads this much, so a long line costs no more than a short one.
pub(crate) fn line_reach(b: &[u8], start: usize, end: usize, reach: usize) -> (usize, usize) {
    let lo = start.saturating_sub(reach);
    let hi = end.saturating_add(reach).min(b.len());
    let lo = memchr::memrchr(b'\n', &b[lo..start]).map_or(lo, |i| lo + i + 1);
    let hi = memchr::memchr(b'\n', &b[end..hi]).map_or(hi, |i| end + i);
    (lo, hi)
}

/// Whether `line` (without its break) is an e-mail's signature delimiter:
/// `-- ` alone on its line (RFC 3676), or `--` where a client trimmed it.
/// What follows is the writer's signature, laid out as they like.
pub(crate) fn is_signature_delimiter(line: &str) -> bool {
    line.trim_end() == "--"
}

/// Byte offset to zero-based line number.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The zero-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte offset where zero-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Lines holding text: a final newline does not start another line.
    pub fn count(&self, text: &str) -> usize {
        if text.is_empty() {
            0
        } else if text.ends_with('\n') {
            self.starts.len() - 1
        } else {
            self.starts.len()
        }
    }

    /// Line `line` with its terminator.
    pub fn line<'t>(&self, text: &'t str, line: usize) -> &'t str {
        &text[self.offset(text, line)..self.offset(text, line + 1)]
    }

    /// Where line `line` starts; the text's end for lines past the last.
    pub fn offset(&self, text: &str, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::line_reach;

    #[test]
    fn a_reach_stops_at_line_breaks_and_at_its_bound() {
        let b = b"first line\nsome words [here] and more\nlast";
        let (start, end) = (22, 28);
        assert_eq!(&b[start..end], b"[here]");
        let (lo, hi) = line_reach(b, start, end, 100);
        assert_eq!(&b[lo..hi], b"some words [here] and more");
        let (lo, hi) = line_reach(b, start, end, 3);
        assert_eq!(&b[lo..hi], b"ds [here] an");
    }
}
