//! What to delete so that removing a piece of text leaves clean text: no
//! double space, no leading space, no empty line.

use crate::document::Document;
use crate::span::Span;

fn is_hspace(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The span to delete to remove `span`, a piece of a line, together with
/// whitespace on one side, so no double space, leading space or empty line
/// is left behind.
///
/// Inside a line the whitespace before goes (`A. Frag. B.` → `A. B.`); at
/// the start of a line the indentation and the whitespace after go; a piece
/// that fills its line takes the line with it (see [`line_removal`]).
pub(crate) fn inline_removal(doc: &Document, span: Span) -> Span {
    let b = doc.text().as_bytes();
    let mut start = span.start;
    while start > 0 && is_hspace(b[start - 1]) {
        start -= 1;
    }
    let at_line_start = start == 0 || b[start - 1] == b'\n';
    if !at_line_start {
        return Span::new(start, span.end);
    }
    let mut end = span.end;
    while end < b.len() && is_hspace(b[end]) {
        end += 1;
    }
    let at_line_end = end == b.len() || b[end] == b'\n' || b[end] == b'\r';
    if !at_line_end {
        return Span::new(start, end);
    }
    let line = doc.line_index(span.start);
    if line != doc.line_index(span.end) {
        return Span::new(start, end);
    }
    line_removal(doc, line)
}

/// The span to delete to remove line `index` with its line break, keeping
/// the blank-line separation between the paragraphs around it.
pub(crate) fn line_removal(doc: &Document, index: usize) -> Span {
    let lines = doc.lines();
    let text = doc.text();
    let line = lines[index];
    let blank = |i: usize| text[lines[i].start..lines[i].end].trim().is_empty();
    if index + 1 < lines.len() && !blank(index + 1) {
        // More of the paragraph follows: take the line and its break.
        return Span::new(line.start, lines[index + 1].start);
    }
    if index > 0 && !blank(index - 1) {
        // The paragraph's last line: take the break before it.
        return Span::new(lines[index - 1].end, line.end);
    }
    // A paragraph of its own: take the blank lines on one side.
    if let Some(prev) = (0..index).rev().find(|&i| !blank(i)) {
        return Span::new(lines[prev].end, line.end);
    }
    if doc.continues() {
        // A block of a longer text starts where the paragraph before ends.
        return Span::new(0, line.end);
    }
    if let Some(next) = (index + 1..lines.len()).find(|&i| !blank(i)) {
        return Span::new(0, lines[next].start);
    }
    Span::new(0, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remove(text: &str, piece: &str) -> String {
        let doc = Document::new(text);
        let at = text.find(piece).unwrap();
        let cut = inline_removal(&doc, Span::new(at, at + piece.len()));
        format!("{}{}", &text[..cut.start], &text[cut.end..])
    }

    #[test]
    fn removes_a_middle_sentence_with_the_space_before_it() {
        assert_eq!(remove("One. Two. Three.", "Two."), "One. Three.");
    }

    #[test]
    fn removes_a_leading_piece_with_the_space_after_it() {
        assert_eq!(remove(" date 1 Text", "date 1"), "Text");
        assert_eq!(remove("A.\n\nX Text", "X"), "A.\n\nText");
    }

    #[test]
    fn removes_a_line_that_is_a_paragraph_keeping_one_blank_line() {
        assert_eq!(remove("A.\n\nAd\n\nB.\n", "Ad"), "A.\n\nB.\n");
        assert_eq!(remove("Ad\n\nB.\n", "Ad"), "B.\n");
        assert_eq!(remove("A.\n\nAd\n", "Ad"), "A.\n");
        assert_eq!(remove("A.\nAd\nB.", "Ad"), "A.\nB.");
        assert_eq!(remove("A.\nAd", "Ad"), "A.");
    }
}
