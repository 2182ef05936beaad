//! Helpers the fragment rules share: list numerals, contractions and
//! whether a point lies inside a quotation.

use crate::document::Document;
use crate::span::Span;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
