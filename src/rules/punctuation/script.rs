//! Telling Latin text from CJK text, and abbreviations from sentence ends,
//! for the punctuation and whitespace rules.

use crate::document::Document;
use crate::lexicon::{ABBREVIATIONS, NUMBER_PREFIXES, TITLES};
use crate::span::Span;

/// Han, kana, Hangul and Bopomofo: the letters of CJK text.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'   // Hangul Jamo
        | '\u{2E80}'..='\u{2FDF}' // CJK and Kangxi radicals
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3100}'..='\u{312F}' // Bopomofo
        | '\u{3130}'..='\u{318F}' // Hangul compatibility Jamo
        | '\u{31A0}'..='\u{31FF}' // Bopomofo extended, Katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{A000}'..='\u{A4CF}' // Yi syllables and radicals
        | '\u{A960}'..='\u{A97F}' // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7FF}' // Hangul syllables and Jamo extended B
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FFDC}' // half-width Katakana and Hangul
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// Full-width forms (`Ａ`, `１`, `，`), which belong to neither script.
pub(crate) fn is_fullwidth_form(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// A letter or digit of Latin-script (or other non-CJK) text.
pub(crate) fn is_latin_alnum(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk_letter(c) && !is_fullwidth_form(c)
}

/// True when a CJK letter sits within `reach` characters before `start` or
/// after `end`, on the same line. Bounded, so a long run costs no more than
/// a short one.
pub(crate) fn cjk_nearby(text: &str, start: usize, end: usize, reach: usize) -> bool {
    let before = text[..start].chars().rev().take(reach).take_while(|&c| c != '\n');
    let after = text[end..].chars().take(reach).take_while(|&c| c != '\n');
    before.chain(after).any(is_cjk_letter)
}

/// Whether the paragraph holding a position has any Chinese, Japanese, Korean
/// or Yi letter: full-width forms are that text's own punctuation and
/// digits, even beside a Latin word or a code snippet in it.
/// Each paragraph is read once, however many marks it holds.
pub(crate) struct CjkParagraphs<'d, 'a> {
    doc: &'d Document<'a>,
    last: Option<(Span, bool)>,
}

impl<'d, 'a> CjkParagraphs<'d, 'a> {
    pub(crate) fn new(doc: &'d Document<'a>) -> Self {
        CjkParagraphs { doc, last: None }
    }

    pub(crate) fn has(&mut self, at: usize) -> bool {
        let Some(p) = self.doc.paragraph_at(at) else {
            return false;
        };
        match self.last {
            Some((q, cjk)) if q == p => cjk,
            _ => {
                let cjk = self.doc.slice(p).chars().any(is_cjk_letter);
                self.last = Some((p, cjk));
                cjk
            }
        }
    }
}

/// The nearest letter or digit before `at` on the same line, looking past
/// at most `reach` other characters.
pub(crate) fn alnum_before(text: &str, at: usize, reach: usize) -> Option<char> {
    text[..at]
        .chars()
        .rev()
        .take(reach)
        .take_while(|&c| c != '\n')
        .find(|c| c.is_alphanumeric())
}

/// The nearest letter or digit from `at` on the same line, looking past at
/// most `reach` other characters.
pub(crate) fn alnum_after(text: &str, at: usize, reach: usize) -> Option<char> {
    text[at..]
        .chars()
        .take(reach)
        .take_while(|&c| c != '\n')
        .find(|c| c.is_alphanumeric())
}

/// True when the period at byte `dot` ends an abbreviation or initial
/// (`etc.`, `U.S.`, `Inc.`, `a.m.`, `Dr.`, `J.`) rather than a sentence.
pub(crate) fn is_abbreviation_period(text: &str, dot: usize) -> bool {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .take(24)
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(dot, |(i, _)| i);
    let word = head[start..].trim_start_matches('.');
    if word.is_empty() || word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut chars = word.chars();
    let single_letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    single_letter
        || word.contains('.')
        || ABBREVIATIONS.contains(word)
        || TITLES.contains(word)
        || NUMBER_PREFIXES.contains(word)
}

/// True when the `;` at byte `at` closes an HTML entity such as `&amp;`,
/// `&#8217;` or `&#x2019;`: then it is not punctuation.
pub(crate) fn ends_entity(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    if b.get(at) != Some(&b';') {
        return false;
    }
    let lo = at.saturating_sub(33);
    let Some(amp) = (lo..at).rev().find(|&i| !b[i].is_ascii_alphanumeric() && b[i] != b'#') else {
        return false;
    };
    if b[amp] != b'&' {
        return false;
    }
    let name = &b[amp + 1..at];
    match name {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
        [first, ..] => first.is_ascii_alphabetic() && !name.contains(&b'#'),
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_cjk_letters_from_latin_ones() {
        assert!(is_cjk_letter('中'));
        assert!(is_cjk_letter('カ'));
        assert!(is_cjk_letter('한'));
        assert!(!is_cjk_letter('a'));
        assert!(!is_cjk_letter('，'));
        assert!(is_latin_alnum('é'));
        assert!(!is_latin_alnum('Ａ'));
    }

    #[test]
    fn finds_cjk_only_within_reach_and_on_the_same_line() {
        let text = "中文\nword，word";
        let at = text.find('，').unwrap();
        assert!(!cjk_nearby(text, at, at + 3, 8));
        let text = "中文 word，word";
        let at = text.find('，').unwrap();
        assert!(cjk_nearby(text, at, at + 3, 8));
        assert!(!cjk_nearby(text, at, at + 3, 5));
    }

    #[test]
    fn recognises_abbreviation_periods() {
        for (text, want) in [
            ("etc.", true),
            ("the U.S.", true),
            ("Acme Inc.", true),
            ("at 6 a.m.", true),
            ("Dr.", true),
            ("plan B.", true),
            ("the end.", false),
            ("in 2024.", false),
            (".", false),
        ] {
            assert_eq!(is_abbreviation_period(text, text.len() - 1), want, "{text:?}");
        }
    }

    #[test]
    fn recognises_the_semicolon_of_an_html_entity() {
        for (text, want) in [
            ("&amp;", true),
            ("x &quot;", true),
            ("&#8217;", true),
            ("&#x2019;", true),
            ("cost;", false),
            ("& ;", false),
            ("&#;", false),
            ("a&b#c;", false),
        ] {
            assert_eq!(ends_entity(text, text.len() - 1), want, "{text:?}");
        }
    }
}
