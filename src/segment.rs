//! Sentence and word segmentation, and the regions no rule may touch.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::is_combining_mark;

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
    let mut marks = Terminals::new(s.as_bytes());
    let mut at = 0;
    while let Some(i) = marks.next(at) {
        // Swallow the rest of the terminal run and any closers.
        let mut end = i;
        for d in s[i..].chars() {
            if end > i && !(is_terminal(d) || is_closer(d)) {
                break;
            }
            end += d.len_utf8();
        }
        at = end;
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

/// The part of `s` after its last blank line. A look back from inside a
/// paragraph stops there, so it never reads the paragraph before, and a
/// check of one paragraph sees what a check of the whole text sees.
pub(crate) fn after_blank_line(s: &str) -> &str {
    let mut later = None;
    for nl in memchr::memrchr_iter(b'\n', s.as_bytes()) {
        if let Some(later) = later {
            if s[nl + 1..later].trim().is_empty() {
                return &s[later + 1..];
            }
        }
        later = Some(nl);
    }
    s
}

static ELLIPSIS: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("…"));

/// The next `.`, `!`, `?` or `…` at or after a position. Jumping between
/// them beats decoding every character; each finder only moves forward, so
/// a paragraph is scanned once whatever its marks.
struct Terminals<'a> {
    bytes: &'a [u8],
    /// Next ASCII mark and next ellipsis; `usize::MAX` when there is none.
    ascii: usize,
    ellipsis: usize,
}

impl<'a> Terminals<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut t = Terminals {
            bytes,
            ascii: 0,
            ellipsis: 0,
        };
        t.ascii = t.find_ascii(0);
        t.ellipsis = t.find_ellipsis(0);
        t
    }

    fn find_ascii(&self, at: usize) -> usize {
        memchr::memchr3(b'.', b'!', b'?', &self.bytes[at..]).map_or(usize::MAX, |p| at + p)
    }

    fn find_ellipsis(&self, at: usize) -> usize {
        ELLIPSIS.find(&self.bytes[at..]).map_or(usize::MAX, |p| at + p)
    }

    fn next(&mut self, at: usize) -> Option<usize> {
        if self.ascii < at {
            self.ascii = self.find_ascii(at);
        }
        if self.ellipsis < at {
            self.ellipsis = self.find_ellipsis(at);
        }
        Some(self.ascii.min(self.ellipsis)).filter(|&i| i != usize::MAX)
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
    if TITLES.contains(before) || (first.is_ascii_digit() && NUMBER_PREFIXES.contains(before)) {
        return false;
    }
    let mut letters = before.chars();
    let is_initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    if is_initial || before.contains('.') || ABBREVIATIONS.contains(before) {
        // Looked up only here: most periods follow an ordinary word.
        return SENTENCE_STARTERS.contains(leading_word(next));
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
    let b = s.as_bytes();
    // Sized for a word every four bytes, denser than prose, so the list
    // seldom doubles (a copy at twice its size), then trimmed to its length.
    let mut out = Vec::with_capacity(s.len() / 4);
    // The character at `i` and whether it is a letter or digit; ASCII
    // without decoding, since nearly all of the text is.
    let at = |i: usize| -> (char, bool) {
        if b[i] < 0x80 {
            (b[i] as char, b[i].is_ascii_alphanumeric())
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            (c, c.is_alphanumeric())
        }
    };
    let mut i = 0;
    while i < b.len() {
        // Skip to the next word: ASCII spaces and marks by table, the rest decoded.
        while i < b.len() && SKIP[b[i] as usize] {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let (c, alnum) = at(i);
        if !alnum {
            i += c.len_utf8();
            continue;
        }
        let st = i;
        loop {
            i += c_len(b[i]);
            while i < b.len() && ALNUM[b[i] as usize] {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            let (c, alnum) = at(i);
            // A combining mark belongs to the letter before it: `de\u{301}fense`
            // decomposed, a Devanagari virama.
            if alnum || (c >= '\u{300}' && is_combining_mark(c)) {
                continue;
            }
            let joins = matches!(c, '-' | '\'' | '’') && {
                let j = i + c.len_utf8();
                j < b.len() && at(j).1
            };
            if !joins {
                break;
            }
        }
        out.push(Span::new(span.start + st, span.start + i.min(b.len())));
    }
    out.shrink_to_fit();
    out
}

/// How [`sentence_key`] treats each byte: 0 separates words, anything else
/// is hashed as that value (ASCII letters lowercased, other bytes as they are).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else if b >= 0x80 {
            b
        } else {
            0
        };
        i += 1;
    }
    t
};

/// A hash of the sentence's letters and digits, ASCII-lowercased, with one
/// mark per gap between them, without building a string: two sentences
/// with the same words share it. Collisions only cost a comparison, so
/// speed matters more than strength here.
pub(crate) fn sentence_key(sentence: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = 0;
    let mut gap = false;
    for &c in sentence.as_bytes() {
        let v = BYTE_CLASS[c as usize];
        if v == 0 {
            gap = h != 0;
            continue;
        }
        if gap {
            h = (h.rotate_left(5) ^ 0x20).wrapping_mul(K);
            gap = false;
        }
        h = (h.rotate_left(5) ^ u64::from(v)).wrapping_mul(K);
    }
    h
}

/// ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// ASCII bytes that are neither letters nor digits.
static SKIP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = !(i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The length of the UTF-8 sequence a lead byte starts.
fn c_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
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
    for region in candidate_regions(text) {
        for m in PROTECTED.find_iter(region.slice(text)) {
            let m = Span::new(region.start + m.start(), region.start + m.end());
            push_dotted(text, m, &mut out);
        }
    }
    for re in extra {
        out.extend(
            re.find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| Span::new(m.start(), m.end())),
        );
    }
    crate::span::merged(out)
}

/// Finds the bytes every protected match contains: a separator between
/// word characters, the `@` of an address, the `:` of `://` or a backtick.
/// Three forward-only memchr searches skip the text between them.
struct Anchors<'a> {
    bytes: &'a [u8],
    /// The next hit of each search; `usize::MAX` when there is none.
    next: [usize; 3],
}

impl<'a> Anchors<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut a = Anchors { bytes, next: [0; 3] };
        for k in 0..3 {
            a.next[k] = a.find(k, 0);
        }
        a
    }

    fn find(&self, k: usize, at: usize) -> usize {
        let rest = &self.bytes[at..];
        let found = match k {
            0 => memchr::memchr3(b'.', b',', b':', rest),
            1 => memchr::memchr3(b'/', b'_', b'@', rest),
            _ => memchr::memchr(b'`', rest),
        };
        found.map_or(usize::MAX, |p| at + p)
    }

    fn next(&mut self, at: usize) -> Option<usize> {
        for k in 0..3 {
            if self.next[k] < at {
                self.next[k] = self.find(k, at);
            }
        }
        self.next.iter().copied().min().filter(|&i| i != usize::MAX)
    }
}

/// Could be part of a `\w` character: ASCII letters, digits, `_`, or any
/// byte of a multi-byte character.
fn wordish(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| b >= 0x80 || b == b'_' || b.is_ascii_alphanumeric())
}

/// The parts of `text` that [`PROTECTED`] can match in, so it runs on a few
/// tokens instead of every byte. No match spans whitespace except inline
/// code, and none spans a line, so a match lies in a whitespace-delimited
/// token holding one of its anchors (the whole line, for a backtick), and
/// searching each such region alone finds exactly what one search of the
/// whole text finds: the pattern has no look-around.
fn candidate_regions(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    // Everything before `done` is settled; it is 0 or a whitespace byte.
    let mut done = 0;
    let mut anchors = Anchors::new(b);
    let mut i = 0;
    while let Some(at) = anchors.next(i) {
        i = at;
        let prev = i.checked_sub(1).and_then(|p| b.get(p));
        let next = b.get(i + 1);
        let anchor = match b[i] {
            b'@' | b'`' => true,
            b':' if next == Some(&b'/') => true,
            // `www.` may be followed by anything.
            b'.' if prev == Some(&b'w') => true,
            _ => wordish(prev) && wordish(next),
        };
        if !anchor {
            i += 1;
            continue;
        }
        let token_end = b[i..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(b.len(), |p| i + p);
        let (mut start, end) = if memchr::memchr(b'`', &b[i..token_end]).is_some() {
            let start = memchr::memrchr(b'\n', &b[..i]).map_or(0, |p| p + 1);
            (start, memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p))
        } else {
            let start = b[done..i]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(done, |p| done + p + 1);
            (start, token_end)
        };
        // A backtick's line swallows the tokens found earlier on it.
        while let Some(last) = out.last().filter(|r| r.end > start) {
            start = start.min(last.start);
            out.pop();
        }
        out.push(Span::new(start, end));
        done = end;
        i = end;
    }
    out
}

/// A dotted token whose piece after a period is a capitalised word
/// (`2024.This`) is a missing space, not a name: protect only the dotted
/// pieces around it, so the missing-space rule can still see the seam.
fn push_dotted(text: &str, m: Span, out: &mut Vec<Span>) {
    // Inline code without spaces is a name: `random.Random`. One with
    // spaces may be a `quotation' in the old typewriter style.
    if text.as_bytes()[m.start] == b'`' && !m.slice(text).contains([' ', '\t']) {
        out.push(m);
        return;
    }
    // `speeds.â€\u{9d}`: a piece after a separator with no ASCII letter or
    // digit is no domain, file or identifier part; it is where the token
    // ends (here, at mojibake glued to a sentence's period).
    let m = match m.slice(text).match_indices(['.', '_']).find(|&(i, _)| {
        let piece = &m.slice(text)[i + 1..];
        let piece = &piece[..piece.find(['.', '_']).unwrap_or(piece.len())];
        !piece.bytes().any(|b| b.is_ascii_alphanumeric())
    }) {
        Some((0, _)) => return,
        Some((i, _)) if !m.slice(text)[..i].contains(['.', '_']) => return,
        Some((i, _)) => Span::new(m.start, m.start + i),
        None => m,
    };
    let s = m.slice(text);
    let b = s.as_bytes();
    let mut piece_start = 0;
    for i in 0..b.len() {
        let seam = b[i] == b'.'
            && b.get(i + 1).is_some_and(|c| c.is_ascii_uppercase())
            && b.get(i + 2).is_some_and(|c| c.is_ascii_lowercase())
            && !file_name_seam(s, piece_start, i, &text[m.end..]);
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

/// Whether the period at `dot` of `token` (which `after` follows) joins
/// the parts of a name rather than two
/// sentences: the capitalised part goes on to an extension
/// (`changelog.Debian.gz`) or a call's bracket (`struct.Struct(format)`),
/// repeats the part before it (`queue.Queue`), or a capitals-only name of four letters or
/// more comes before it and no sentence starter after (`README.Debian`,
/// `NEWS.Debian`; `USA.The` is still a seam). Code names the same way: a
/// member assigned (`chart.Legend = True`), a package path
/// (`com.sun.star.frame.Desktop`), a library's prefix in capitals
/// (`SFDocuments.Calc`), a method in camel case (`doc.CreateChart`).
fn file_name_seam(token: &str, piece_start: usize, dot: usize, after: &str) -> bool {
    let called = after.starts_with('(');
    let next = &token[dot + 1..];
    let word_len = next.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(next.len());
    let extension = next[word_len..]
        .strip_prefix('.')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()));
    let before = &token[piece_start..dot];
    let capitals = before.len() >= 4 && before.bytes().all(|c| c.is_ascii_uppercase());
    // `struct.Struct(format)`, `queue.Queue`: a module and its class.
    let whole_word = word_len == next.len();
    let class = (called && whole_word) || before.eq_ignore_ascii_case(&next[..word_len]);
    let assigned = whole_word && after.trim_start_matches(' ').starts_with('=');
    let package = before
        .split('.')
        .filter(|p| p.len() >= 2 && p.bytes().all(|c| c.is_ascii_lowercase()))
        .count()
        >= 2;
    let lead_caps = before.bytes().take_while(u8::is_ascii_uppercase).count();
    let prefixed = lead_caps >= 2 && before[lead_caps..].bytes().take_while(u8::is_ascii_lowercase).count() >= 3;
    let camel = next[1..word_len].bytes().any(|c| c.is_ascii_uppercase())
        && next[1..word_len].bytes().any(|c| c.is_ascii_lowercase());
    extension
        || class
        || assigned
        || package
        || prefixed
        || camel
        || (capitals && !SENTENCE_STARTERS.contains(&next[..word_len]))
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
    fn a_look_back_stops_at_the_last_blank_line_of_any_kind() {
        assert_eq!(after_blank_line("a\n\nb\nc"), "b\nc");
        assert_eq!(after_blank_line("a\r\n \t\r\nb"), "b");
        assert_eq!(after_blank_line("a\n\nb\n\n"), "");
        assert_eq!(after_blank_line("one line\nand a wrap"), "one line\nand a wrap");
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

    fn word_texts(text: &str) -> Vec<&str> {
        words(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn joins_words_across_inner_hyphens_and_apostrophes() {
        assert_eq!(
            word_texts("Li Kai-fu’s Yi-34B isn't -here- 'quoted'"),
            ["Li", "Kai-fu’s", "Yi-34B", "isn't", "here", "quoted"]
        );
    }

    #[test]
    fn keeps_combining_marks_inside_their_word() {
        assert_eq!(
            word_texts("balles de de\u{301}fense, हिन्दी"),
            ["balles", "de", "de\u{301}fense", "हिन्दी"]
        );
    }

    /// The straightforward segmenters the fast ones must agree with.
    mod reference {
        use super::super::*;

        pub fn sentences(text: &str, para: Span, out: &mut Vec<Span>) {
            let s = &text[para.start..para.end];
            let mut start = s.len() - s.trim_start().len();
            let mut chars = s.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if !is_terminal(c) {
                    continue;
                }
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

        pub fn words(text: &str, span: Span) -> Vec<Span> {
            let s = &text[span.start..span.end];
            let mut out = Vec::new();
            let mut start: Option<usize> = None;
            let mut chars = s.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if c.is_alphanumeric() || (start.is_some() && is_combining_mark(c)) {
                    start.get_or_insert(i);
                    continue;
                }
                if let Some(st) = start {
                    let joins =
                        matches!(c, '-' | '\'' | '’') && chars.peek().is_some_and(|&(_, d)| d.is_alphanumeric());
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

        pub fn protected_matches(text: &str) -> Vec<Span> {
            let mut out = Vec::new();
            for m in PROTECTED.find_iter(text) {
                push_dotted(text, Span::new(m.start(), m.end()), &mut out);
            }
            out
        }
    }

    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("word"),
            Just("The"),
            Just("U.S."),
            Just("Dr."),
            Just("e.g."),
            Just("www."),
            Just("http://a.b/c"),
            Just("x@y.org"),
            Just("`code here`"),
            Just("`"),
            Just("3"),
            Just("_"),
            Just(" "),
            Just("\n"),
            Just("\n\n"),
            Just("\t"),
            Just("\u{b}"),
            Just("\u{a0}"),
            Just("."),
            Just(","),
            Just(":"),
            Just("/"),
            Just("!"),
            Just("?"),
            Just("…"),
            Just("”"),
            Just("’"),
            Just("'"),
            Just("-"),
            Just("“"),
            Just(")"),
            Just("é"),
            Just("٣"),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn fast_segmenters_agree_with_the_reference_ones(text in tricky_text()) {
            let all = Span::new(0, text.len());
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            sentences(&text, all, &mut fast);
            reference::sentences(&text, all, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
            proptest::prop_assert_eq!(words(&text, all), reference::words(&text, all));
            let mut found = Vec::new();
            for region in candidate_regions(&text) {
                for m in PROTECTED.find_iter(region.slice(&text)) {
                    push_dotted(&text, Span::new(region.start + m.start(), region.start + m.end()), &mut found);
                }
            }
            proptest::prop_assert_eq!(found, reference::protected_matches(&text));
        }
    }

    #[test]
    fn protects_inline_code_glued_to_a_dotted_token() {
        let text = "see a.b`x y` and `p q`";
        let p: Vec<_> = protected(text, &[]).iter().map(|s| s.slice(text)).collect();
        assert_eq!(p, ["a.b`x y`", "`p q`"], "touching regions merge");
    }

    #[test]
    fn a_dotted_token_ends_where_a_piece_has_no_ascii_letter() {
        let text = "So here we are.â€ Then münchen.de, café.py, 01.AI and v1.2.é stay.";
        let p: Vec<_> = protected(text, &[]).iter().map(|s| s.slice(text)).collect();
        assert_eq!(p, ["münchen.de", "café.py", "01.AI", "v1.2"]);
    }

    #[test]
    fn protects_emails_and_numbers() {
        let text = "Mail a.b@example.org about 1,000 units (e.g. now).";
        let p: Vec<_> = protected(text, &[]).iter().map(|s| s.slice(text)).collect();
        assert_eq!(p, ["a.b@example.org", "1,000", "e.g"]);
    }
}
