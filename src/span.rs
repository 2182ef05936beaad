//! Byte spans and the edits made of them.

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document.
///
/// Byte offsets are what `regex` and `str::find` return, so rules can slice
/// the text without copying or re-counting characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The bytes from `start` up to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the spans overlap or meet end to start.
    pub const fn touches(self, other: Span) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The text under the span.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// The same span `by` bytes further on.
    pub const fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// `spans` sorted, with overlapping or touching ones merged: the regions a
/// set of matches covers, disjoint and in order.
pub fn merged(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The char boundary at or before byte `i` of `text`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after byte `i` of `text` (`i` at most its length).
pub fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Replace `span` with `content`. An empty `content` deletes, an empty span inserts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    #[serde(flatten)]
    /// The bytes replaced; empty for an insertion.
    pub span: Span,
    /// What goes in their place.
    pub content: String,
}

impl Edit {
    /// Replace `span` with `content`.
    pub fn replace(span: Span, content: impl Into<String>) -> Edit {
        Edit {
            span,
            content: content.into(),
        }
    }

    /// Delete `span`.
    pub fn delete(span: Span) -> Edit {
        Edit::replace(span, String::new())
    }

    /// Insert `content` at byte `at`.
    pub fn insert(at: usize, content: impl Into<String>) -> Edit {
        Edit::replace(Span::new(at, at), content)
    }

    /// Two edits conflict when applying both would be ambiguous: they share
    /// bytes, or both insert at the same point, or one inserts inside the other.
    pub fn conflicts(&self, other: &Edit) -> bool {
        let (a, b) = (self.span, other.span);
        if a.is_empty() || b.is_empty() {
            let (point, other) = if a.is_empty() { (a, b) } else { (b, a) };
            return (point == other) || (other.start < point.start && point.start < other.end);
        }
        a.overlaps(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_deletions_do_not_conflict() {
        let a = Edit::delete(Span::new(0, 2));
        let b = Edit::delete(Span::new(2, 4));
        assert!(!a.conflicts(&b));
    }

    #[test]
    fn two_insertions_at_one_point_conflict() {
        assert!(Edit::insert(3, "a").conflicts(&Edit::insert(3, "b")));
    }

    #[test]
    fn an_insertion_inside_a_replacement_conflicts() {
        let a = Edit::replace(Span::new(1, 5), "x");
        assert!(Edit::insert(3, "a").conflicts(&a));
        assert!(!Edit::insert(5, "a").conflicts(&a));
    }
}
