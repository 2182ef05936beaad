//! The shared, once-built view of a text that every rule reads.
//!
//! Lines and the byte summary are built eagerly because they are cheap and
//! nearly every rule wants them. Paragraphs, sentences, words and protected
//! regions are built on first use, so a rule set that never asks for
//! sentences never pays for segmenting them.

use std::cell::OnceCell;

use regex::Regex;

use crate::segment;
use crate::settings::Language;
use crate::span::Span;

/// Bytes present in the text, so a rule can skip a document without scanning it.
#[derive(Clone, Copy, Default)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    pub fn of(text: &[u8]) -> ByteSet {
        // Four independent tables let the CPU keep several stores in flight;
        // this is the one full pass every document pays for.
        let mut seen = [[false; 256]; 4];
        let mut chunks = text.chunks_exact(4);
        for c in &mut chunks {
            seen[0][c[0] as usize] = true;
            seen[1][c[1] as usize] = true;
            seen[2][c[2] as usize] = true;
            seen[3][c[3] as usize] = true;
        }
        for &b in chunks.remainder() {
            seen[0][b as usize] = true;
        }
        let mut set = ByteSet::default();
        for (b, _) in (0..256).zip(0..).filter(|&(b, _)| seen.iter().any(|t| t[b])) {
            set.0[b / 64] |= 1 << (b % 64);
        }
        set
    }

    pub fn contains(&self, b: u8) -> bool {
        self.0[b as usize / 64] & (1 << (b % 64)) != 0
    }

    pub fn any(&self, bytes: &[u8]) -> bool {
        bytes.iter().any(|&b| self.contains(b))
    }

    /// True when the text has any byte of 0x80 and above.
    pub fn has_non_ascii(&self) -> bool {
        self.0[2] != 0 || self.0[3] != 0
    }
}

/// A text plus the structure rules read from it. Offsets are byte spans into `text`.
pub struct Document<'a> {
    text: &'a str,
    language: Language,
    bytes: ByteSet,
    lines: Vec<Span>,
    paragraphs: OnceCell<Vec<Span>>,
    sentences: OnceCell<Vec<Span>>,
    words: OnceCell<Vec<Span>>,
    protected: OnceCell<Vec<Span>>,
    extra_protect: &'a [Regex],
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Document<'a> {
        Document::with_settings(text, Language::default(), &[])
    }

    pub fn with_settings(text: &'a str, language: Language, extra_protect: &'a [Regex]) -> Self {
        Document {
            text,
            language,
            bytes: ByteSet::of(text.as_bytes()),
            lines: line_spans(text),
            paragraphs: OnceCell::new(),
            sentences: OnceCell::new(),
            words: OnceCell::new(),
            protected: OnceCell::new(),
            extra_protect,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    pub fn language(&self) -> &Language {
        &self.language
    }

    pub fn bytes(&self) -> &ByteSet {
        &self.bytes
    }

    /// Line contents without their `\n` or `\r\n` terminator.
    pub fn lines(&self) -> &[Span] {
        &self.lines
    }

    /// Runs of non-blank lines, separated by blank lines.
    pub fn paragraphs(&self) -> &[Span] {
        self.paragraphs.get_or_init(|| {
            let mut out = Vec::new();
            let mut current: Option<Span> = None;
            for &line in &self.lines {
                if self.slice(line).trim().is_empty() {
                    out.extend(current.take());
                } else {
                    current = Some(match current {
                        Some(p) => Span::new(p.start, line.end),
                        None => line,
                    });
                }
            }
            out.extend(current);
            out
        })
    }

    /// Sentences in document order; none crosses a paragraph break.
    pub fn sentences(&self) -> &[Span] {
        self.sentences.get_or_init(|| {
            let mut out = Vec::new();
            for &p in self.paragraphs() {
                segment::sentences(self.text, p, &mut out);
            }
            out
        })
    }

    /// The sentences that lie inside `para`.
    pub fn sentences_in(&self, para: Span) -> &[Span] {
        let all = self.sentences();
        let from = all.partition_point(|s| s.start < para.start);
        let to = from + all[from..].partition_point(|s| s.start < para.end);
        &all[from..to]
    }

    /// Word tokens: letters and digits, joined across inner `-`, `'` and `’`.
    pub fn words(&self) -> &[Span] {
        self.words
            .get_or_init(|| segment::words(self.text, Span::new(0, self.text.len())))
    }

    /// The words that lie inside `span`.
    pub fn words_in(&self, span: Span) -> &[Span] {
        let all = self.words();
        let from = all.partition_point(|w| w.start < span.start);
        let to = from + all[from..].partition_point(|w| w.start < span.end);
        &all[from..to]
    }

    /// Regions no rule may touch: URLs, e-mail addresses, numbers with
    /// separators, code-like tokens and the user's own `protect` patterns.
    /// Sorted and non-overlapping.
    pub fn protected(&self) -> &[Span] {
        self.protected
            .get_or_init(|| segment::protected(self.text, self.extra_protect))
    }

    /// True when `span` would cut into a protected region: it overlaps one
    /// without covering it whole, or inserts strictly inside one.
    pub fn cuts_protected(&self, span: Span) -> bool {
        let p = self.protected();
        let i = p.partition_point(|r| r.end <= span.start);
        for r in &p[i..] {
            if r.start >= span.end {
                break;
            }
            if !span.contains(*r) {
                return true;
            }
        }
        span.is_empty() && p.get(i).is_some_and(|r| r.start < span.start && span.start < r.end)
    }

    /// The line index holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.end < offset)
            .min(self.lines.len().saturating_sub(1))
    }

    /// The paragraph holding byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<Span> {
        let p = self.paragraphs();
        let i = p.partition_point(|s| s.end < offset);
        p.get(i).copied().filter(|s| s.start <= offset)
    }
}

fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if nl > start && text.as_bytes()[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        out.push(Span::new(start, end));
        start = nl + 1;
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_exclude_crlf_terminators() {
        let doc = Document::new("a\r\nbb\nc");
        let lines: Vec<_> = doc.lines().iter().map(|&s| doc.slice(s)).collect();
        assert_eq!(lines, ["a", "bb", "c"]);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let doc = Document::new("one\ntwo\n\n  \nthree\n");
        let paras: Vec<_> = doc.paragraphs().iter().map(|&s| doc.slice(s)).collect();
        assert_eq!(paras, ["one\ntwo", "three"]);
    }

    #[test]
    fn byte_set_sees_every_byte() {
        let set = ByteSet::of("abc&é".as_bytes());
        assert!(set.contains(b'&'));
        assert!(!set.contains(b'<'));
        assert!(set.has_non_ascii());
        assert!(!ByteSet::of(b"plain").has_non_ascii());
    }

    #[test]
    fn protected_regions_cover_urls_and_dotted_names() {
        let doc = Document::new("See https://example.com/a?b=1 or 01.AI at 10:30.");
        let found: Vec<_> = doc.protected().iter().map(|&s| doc.slice(s)).collect();
        assert_eq!(found, ["https://example.com/a?b=1", "01.AI", "10:30"]);
        assert!(doc.cuts_protected(Span::new(6, 7)));
        assert!(doc.cuts_protected(Span::new(10, 10)));
        assert!(!doc.cuts_protected(Span::new(0, 3)));
        assert!(
            !doc.cuts_protected(Span::new(3, 31)),
            "covering a region whole is allowed"
        );
    }

    #[test]
    fn a_missing_space_after_a_period_is_not_protected() {
        let doc = Document::new("in October 2024.This represents");
        assert!(doc.protected().is_empty());
    }
}
