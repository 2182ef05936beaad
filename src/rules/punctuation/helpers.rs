//! Helpers the punctuation rules share: whether CJK text is near a mark,
//! the letters around it, and the semicolon of an HTML entity.

use crate::document::{Document, PerParagraph};
use crate::text::chars::is_cjk_letter;

/// True when a CJK letter sits within `reach` characters before `start` or
/// after `end`, on the same line. Bounded, so a long run costs no more than
/// a short one.
pub(crate) fn cjk_nearby(text: &str, start: usize, end: usize, reach: usize) -> bool {
    let before = text[..start].chars().rev().take(reach).take_while(|&c| c != '\n');
    let after = text[end..].chars().take(reach).take_while(|&c| c != '\n');
    before.chain(after).any(is_cjk_letter)
}

/// Whether the paragraph around a position holds a Han, kana, Hangul
/// or Yi letter: full-width forms are that text's own punctuation and
/// digits, even beside a Latin word or a code snippet in it.
pub(crate) fn cjk_paragraphs<'d, 'a>(doc: &'d Document<'a>) -> PerParagraph<'d, 'a, impl FnMut(&'a str) -> bool> {
    PerParagraph::new(doc, |p: &str| crate::text::chars::non_ascii(p).any(is_cjk_letter))
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

/// True when the `;` at byte `at` closes an HTML entity such as `&amp;`,
/// `&#8217;` or `&#x2019;`, or a placeholder for one (`&#NNN;`): then it
/// is not punctuation.
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
        // Digits, or the placeholder a text about entities writes
        // (`&#NNN;`, `&#xHHHH;`).
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_alphanumeric),
        [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_alphanumeric),
        [first, ..] => first.is_ascii_alphabetic() && !name.contains(&b'#'),
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn recognises_the_semicolon_of_an_html_entity() {
        for (text, want) in [
            ("&amp;", true),
            ("x &quot;", true),
            ("&#8217;", true),
            ("&#x2019;", true),
            ("the form &#NNN; or &#xNNN;", true),
            ("cost;", false),
            ("& ;", false),
            ("&#;", false),
            ("a&b#c;", false),
        ] {
            assert_eq!(ends_entity(text, text.len() - 1), want, "{text:?}");
        }
    }
}
