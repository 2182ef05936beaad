//! Sentence and word segmentation, and the regions no rule may touch.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{ABBREVIATIONS, NUMBER_PREFIXES, SENTENCE_STARTERS, TITLES};
use crate::span::Span;

/// Characters that may close a sentence after its terminal punctuation.
pub fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '›' | '」' | '』')
}

/// Characters that may open a sentence before its first word.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '‹' | '「' | '『' | '¿' | '¡'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Split the paragraph `para` of `text` into sentences, appending to `out`.
///
/// A sentence ends at `.`, `!`, `?` or `…`, plus any closing quotes and
/// brackets, when whitespace and a plausible sentence start follow. A period
/// after a title (`Dr.`), an initial (`J.`) or an abbreviation (`e.g.`) does
/// not end one, unless a word that only starts sentences follows
/// (`…in the U.S. The company…`). Periods without a following space (`3.5`,
/// `01.AI`) never end one.
pub fn sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let s = &text[para.start..para.end];
    let mut start = s.len() - s.trim_start().len();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminal(c) {
            continue;
        }
        // Swallow the rest of the terminal run and any closers.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_terminal(d) || is_closer(d) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &s[end..];
        let next_start = end + (rest.len() - rest.trim_start().len());
        if next_start == end || next_start >= s.len() {
            continue;
        }
        if is_boundary(s, i, &s[i..end], &s[next_start..]) {
            out.push(Span::new(para.start + start, para.start + end));
            start = next_start;
        }
    }
    let end = s.trim_end().len();
    if start < end {
        out.push(Span::new(para.start + start, para.start + end));
    }
}

fn is_boundary(s: &str, term_at: usize, terminal: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    if first.is_lowercase() {
        return false;
    }
    if !(first.is_alphanumeric() || is_opener(first)) {
        return false;
    }
    if !terminal.starts_with('.') || terminal.starts_with("..") {
        return true;
    }
    let before = word_before(s, term_at);
    if before.is_empty() || before.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let next_word = leading_word(next);
    let starts_sentence = SENTENCE_STARTERS.contains(next_word);
    if TITLES.contains(before) || (first.is_ascii_digit() && NUMBER_PREFIXES.contains(before)) {
        return false;
    }
    let mut letters = before.chars();
    let is_initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    if is_initial || before.contains('.') || ABBREVIATIONS.contains(before) {
        return starts_sentence;
    }
    true
}

/// The word ending right before byte `at`, with inner periods (`U.S`, `e.g`).
fn word_before(s: &str, at: usize) -> &str {
    let head = &s[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(at, |(i, _)| i);
    head[start..].trim_start_matches('.')
}

fn leading_word(s: &str) -> &str {
    let s = s.trim_start_matches(is_opener);
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// Word tokens in `span`: runs of letters and digits, joined across a single
/// inner `-`, `'` or `’` (`Kai-fu’s`, `Yi-34B`, `don't`).
pub fn words(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.start..span.end];
    let mut out = Vec::with_capacity(s.len() / 6);
    let mut start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(st) = start {
            let joins = matches!(c, '-' | '\'' | '’') && chars.peek().is_some_and(|&(_, d)| d.is_alphanumeric());
            if !joins {
                out.push(Span::new(span.start + st, span.start + i));
                start = None;
            }
        }
    }
    if let Some(st) = start {
        out.push(Span::new(span.start + st, span.end));
    }
    out
}

static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        (?:https?|ftp)://[^\s<>"'“”‘’`]+[^\s<>"'“”‘’`.,;:!?)\]]   # URLs
        | www\.[^\s<>"'“”‘’`]+[^\s<>"'“”‘’`.,;:!?)\]]
        | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                            # e-mail addresses
        | \d+(?:[.,:/]\d+)+                                       # 3.5, 1,000, 10:30
        | \w+(?:[._]\w+)+                                         # 01.AI, example.com, snake_case
        | `[^`\n]+`                                               # inline code
        "#,
    )
    .expect("protected-region pattern compiles")
});

/// Protected regions of `text`, sorted and merged.
pub fn protected(text: &str, extra: &[Regex]) -> Vec<Span> {
    let mut out = Vec::new();
    for m in PROTECTED.find_iter(text) {
        push_dotted(text, Span::new(m.start(), m.end()), &mut out);
    }
    for re in extra {
        out.extend(
            re.find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| Span::new(m.start(), m.end())),
        );
    }
    out.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// A dotted token whose piece after a period is a capitalised word
/// (`2024.This`) is a missing space, not a name: protect only the dotted
/// pieces around it, so the missing-space rule can still see the seam.
fn push_dotted(text: &str, m: Span, out: &mut Vec<Span>) {
    let s = m.slice(text);
    let b = s.as_bytes();
    let mut piece_start = 0;
    for i in 0..b.len() {
        let seam = b[i] == b'.'
            && b.get(i + 1).is_some_and(|c| c.is_ascii_uppercase())
            && b.get(i + 2).is_some_and(|c| c.is_ascii_lowercase());
        if seam {
            push_if_code_like(text, Span::new(m.start + piece_start, m.start + i), out);
            piece_start = i + 1;
        }
    }
    if piece_start == 0 {
        out.push(m);
    } else {
        push_if_code_like(text, Span::new(m.start + piece_start, m.end), out);
    }
}

fn push_if_code_like(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.slice(text);
    let inner = s.trim_matches(|c: char| !c.is_alphanumeric());
    if inner.contains(['.', '_', ':', '/', '@', ',']) {
        out.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("It rained. We stayed in! Why? No."),
            ["It rained.", "We stayed in!", "Why?", "No."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_a_sentence() {
        let text = "Dr. Smith met J. K. Rowling in the U.S. on Friday, e.g. at 3 p.m. sharp, see No. 5.";
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn ends_a_sentence_at_an_abbreviation_when_a_new_one_starts() {
        assert_eq!(
            split("It is based in the U.S. The firm grew."),
            ["It is based in the U.S.", "The firm grew."]
        );
    }

    #[test]
    fn keeps_decimals_and_dotted_names_whole() {
        let text = "GPT 3.5 and 01.AI released Yi-34B today.";
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn includes_quotes_that_close_after_the_period() {
        assert_eq!(split("He said “no.” Then he left."), ["He said “no.”", "Then he left."]);
    }

    #[test]
    fn treats_an_ellipsis_before_lowercase_as_a_pause() {
        let text = "Well... maybe not. And then… Silence.";
        assert_eq!(split(text), ["Well... maybe not.", "And then…", "Silence."]);
    }

    #[test]
    fn joins_words_across_inner_hyphens_and_apostrophes() {
        let text = "Li Kai-fu’s Yi-34B isn't -here- 'quoted'";
        let w: Vec<_> = words(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(w, ["Li", "Kai-fu’s", "Yi-34B", "isn't", "here", "quoted"]);
    }

    #[test]
    fn protects_emails_and_numbers() {
        let text = "Mail a.b@example.org about 1,000 units (e.g. now).";
        let p: Vec<_> = protected(text, &[]).iter().map(|s| s.slice(text)).collect();
        assert_eq!(p, ["a.b@example.org", "1,000", "e.g"]);
    }
}
