//! Small word-shape tests the rule families share.

use unicode_normalization::UnicodeNormalization;

use crate::lexicon::{ABBREVIATIONS, NUMBER_PREFIXES, TITLES};

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

/// What follows the last space, tab or line break in `s`, when that is at
/// most `max` bytes; otherwise `""`. Bounded, so a rule asking at every mark
/// of a long line without spaces stays linear.
pub(crate) fn last_token(s: &str, max: usize) -> &str {
    let from = crate::span::ceil_char_boundary(s, s.len().saturating_sub(max));
    match s[from..].rfind([' ', '\t', '\n']) {
        Some(i) => &s[from + i + 1..],
        None if from == 0 => s,
        None => "",
    }
}

/// `passed`, `announced`: a regular past form, long enough not to be `red`.
pub(crate) fn is_past_form(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed")
}

/// True when `word` starts with an uppercase letter.
pub(crate) fn is_capitalised(word: &str) -> bool {
    first_char(word).is_uppercase()
}

/// A short capitalised word, which before a period is usually an
/// abbreviation no list knows (`Gov.`, `Fla.`, `Inst.`, `Ind.`).
pub(crate) fn looks_abbreviated(word: &str) -> bool {
    is_capitalised(word) && word.chars().count() <= 4
}

/// True when every letter of `word` is lowercase and it has at least one.
pub(crate) fn is_lowercase_word(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_uppercase)
}

/// True when the text of `span` holds a quotation mark of any kind.
pub(crate) fn has_quote(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»', '„'])
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

/// True when `after` lacks a letter or digit of `before`, compared after
/// compatibility decomposition so `é` and `e\u{301}`, `Ａ` and `A` count as equal.
pub fn deletes_letters(before: &str, after: &str) -> bool {
    if !before.chars().any(char::is_alphanumeric) {
        return false;
    }
    let mut kept = after.nfkd().filter(|c| c.is_alphanumeric());
    !before
        .nfkd()
        .filter(|c| c.is_alphanumeric())
        .all(|c| kept.any(|k| k == c))
}

/// `WriteLine`, `myVar`: a capital after a lowercase letter marks an identifier.
pub(crate) fn is_identifier_like(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Whether `text[span]` stands alone between a pair of quotation marks,
/// `"[]"`, `“<p>”`, `«.»`, in any language's style (`„<p>“`, `„<p>”`, Arabic
/// `”<p>“`, `「<p>」`): the characters named, not used. Guillemets may be
/// padded with plain spaces too (`« <p> »`).
pub(crate) fn between_quotes(text: &str, span: crate::Span) -> bool {
    let pad = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    let pair = |before: Option<char>, after: Option<char>| {
        matches!(
            (before, after),
            (Some('"'), Some('"'))
                | (Some('“'), Some('”'))
                | (Some('‘'), Some('’'))
                | (Some('\''), Some('\''))
                | (Some('`'), Some('`'))
                | (Some('«'), Some('»'))
                | (Some('»'), Some('«'))
                | (Some('‹'), Some('›'))
                | (Some('„'), Some('“' | '”'))
                | (Some('‚'), Some('‘'))
                | (Some('”'), Some('“' | '”'))
                | (Some('「'), Some('」'))
                | (Some('『'), Some('』'))
        )
    };
    // No-break and thin spaces and direction marks may sit inside any
    // pair (`”\u{200e}&lt;\u{200e}“` in Arabic, `«\u{a0}<p>\u{a0}»`).
    let fine = |c: char| matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{200e}' | '\u{200f}');
    if pair(
        text[..span.start].trim_end_matches(fine).chars().next_back(),
        text[span.end..].trim_start_matches(fine).chars().next(),
    ) {
        return true;
    }
    let before = text[..span.start].trim_end_matches(pad).chars().next_back();
    let after = text[span.end..].trim_start_matches(pad).chars().next();
    matches!((before, after), (Some('«'), Some('»')) | (Some('»'), Some('«')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_token_is_read_only_within_its_bound() {
        assert_eq!(last_token("run with -h", 64), "-h");
        assert_eq!(last_token("tab\t*.Z", 64), "*.Z");
        assert_eq!(last_token("-h", 64), "-h");
        assert_eq!(last_token("ends with a space ", 64), "");
        // A token longer than the bound is none: the look stops there.
        assert_eq!(last_token(&format!("a {}", "\"".repeat(100)), 64), "");
        // The bound falls inside a letter of two bytes.
        assert_eq!(last_token("éé", 3), "");
    }

    #[test]
    fn finds_the_terminal_behind_closing_quotes() {
        assert_eq!(terminal("He left.”"), Some('.'));
        assert_eq!(terminal("Why?"), Some('?'));
        assert_eq!(terminal("Headline"), None);
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
}
