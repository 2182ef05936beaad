//! Helpers the sentence-level families (fragments, duplication,
//! boilerplate) share: what to delete so a removal leaves clean text, and
//! small word-shape tests.

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

/// True when `word` is a lowercase Roman numeral of at most four letters
/// (`iv`, `xii`), as used to number list items.
pub(crate) fn is_roman_numeral(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if w.is_empty() || w.len() > 4 {
        return false;
    }
    const NUMERALS: [&str; 39] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
        "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxx", "xl", "l", "lx", "lxx", "xc", "c", "cc",
        "ccc", "cd", "d", "dc", "cm", "m",
    ];
    NUMERALS.contains(&w.as_str())
}

/// The first character of `s`, or a space for an empty string.
pub(crate) fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// The ASCII letters `s` starts with: a cheap first word for list lookups
/// before paying for the word index.
pub(crate) fn leading_word(s: &str) -> &str {
    let end = s.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

/// The letters right before `s`'s end: the word a mark is glued to.
pub(crate) fn trailing_letters(s: &str) -> &str {
    &s[s.trim_end_matches(char::is_alphabetic).len()..]
}

/// `passed`, `announced`: a regular past form, long enough not to be `red`.
pub(crate) fn is_past_form(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed")
}

/// True when `word` starts with an uppercase letter.
pub(crate) fn is_capitalised(word: &str) -> bool {
    first_char(word).is_uppercase()
}

/// True when every letter of `word` is lowercase and it has at least one.
pub(crate) fn is_lowercase_word(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_uppercase)
}

/// True when the text of `span` holds a quotation mark of any kind.
pub(crate) fn has_quote(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»', '„'])
}

/// Tracks, left to right through one paragraph, whether a quotation is
/// open, so rules can skip quoted speech (where fragments are style)
/// without rescanning the paragraph for every sentence.
pub(crate) struct QuoteTracker<'a> {
    text: &'a str,
    pos: usize,
    /// Inside `“…”`, by the last curly quote seen; `None` before any.
    curly: Option<bool>,
    straight_open: bool,
}

impl<'a> QuoteTracker<'a> {
    pub(crate) fn new(doc: &Document<'a>, para: Span) -> Self {
        QuoteTracker {
            text: doc.text(),
            pos: para.start,
            curly: None,
            straight_open: false,
        }
    }

    /// True when byte `at` (at or after the last position asked about)
    /// lies inside a quotation opened earlier in the paragraph.
    pub(crate) fn inside_at(&mut self, at: usize) -> bool {
        if at > self.pos {
            for c in self.text[self.pos..at].chars() {
                match c {
                    '“' => self.curly = Some(true),
                    '”' => self.curly = Some(false),
                    '"' => self.straight_open = !self.straight_open,
                    _ => {}
                }
            }
            self.pos = at;
        }
        self.curly.unwrap_or(self.straight_open)
    }
}

/// Splits `we've` into `we` and `ve`; other words come back whole.
pub(crate) fn split_contraction(word: &str) -> (&str, Option<&str>) {
    match word.rfind(['\'', '’']) {
        Some(i) => {
            let tail = &word[i..];
            let tail = tail.trim_start_matches(['\'', '’']);
            (&word[..i], Some(tail))
        }
        None => (word, None),
    }
}

/// The sentence-final punctuation of a sentence, ignoring closing quotes
/// and brackets: `.`, `?`, `!`, `…` or `None`.
pub(crate) fn terminal(sentence: &str) -> Option<char> {
    sentence
        .trim_end_matches(crate::segment::is_closer)
        .chars()
        .next_back()
        .filter(|c| matches!(c, '.' | '?' | '!' | '…'))
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

    #[test]
    fn recognises_list_numerals() {
        assert!(is_roman_numeral("iv") && is_roman_numeral("XII"));
        assert!(!is_roman_numeral("hug") && !is_roman_numeral("mild"));
    }

    #[test]
    fn sees_an_open_quotation() {
        let text = "He said: “It failed. Because we can.” Then “no.”";
        let doc = Document::new(text);
        let mut quotes = QuoteTracker::new(&doc, Span::new(0, text.len()));
        assert!(!quotes.inside_at(2));
        assert!(quotes.inside_at(text.find("Because").unwrap()));
        assert!(!quotes.inside_at(text.find("Then").unwrap()));
        let straight = "He said \"it failed. Because.\" Then.";
        let doc = Document::new(straight);
        let mut quotes = QuoteTracker::new(&doc, Span::new(0, straight.len()));
        assert!(quotes.inside_at(straight.find("Because").unwrap()));
        assert!(!quotes.inside_at(straight.find("Then").unwrap()));
    }

    #[test]
    fn splits_contractions() {
        assert_eq!(split_contraction("we’ve"), ("we", Some("ve")));
        assert_eq!(split_contraction("said"), ("said", None));
    }

    #[test]
    fn finds_the_terminal_behind_closing_quotes() {
        assert_eq!(terminal("He left.”"), Some('.'));
        assert_eq!(terminal("Why?"), Some('?'));
        assert_eq!(terminal("Headline"), None);
    }
}
