//! The shared, once-built view of a text that every rule reads.
//!
//! Lines and the byte summary are built eagerly because they are cheap and
//! nearly every rule wants them. Paragraphs, sentences, words and protected
//! regions are built on first use, so a rule set that never asks for
//! sentences never pays for segmenting them.

use std::cell::{Cell, OnceCell};

use regex::Regex;

use crate::lang::{self, Lang, Script, Verdict};
use crate::segment;
use crate::settings::{Language, Syntax};
use crate::span::Span;

/// Bytes present in the text, so a rule can skip a document without scanning it.
#[derive(Clone, Copy, Default)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    /// The set of bytes that occur in `text`.
    pub fn of(text: &[u8]) -> ByteSet {
        if text.len() < 4096 {
            // A paragraph: setting bits directly beats clearing the tables below.
            let mut set = ByteSet::default();
            for &b in text {
                set.0[b as usize / 64] |= 1 << (b % 64);
            }
            return set;
        }
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

    /// True when `b` occurs.
    pub fn contains(&self, b: u8) -> bool {
        self.0[b as usize / 64] & (1 << (b % 64)) != 0
    }

    /// True when any of `bytes` occurs.
    pub fn any(&self, bytes: &[u8]) -> bool {
        bytes.iter().any(|&b| self.contains(b))
    }

    /// True when the text has any byte of 0x80 and above.
    pub fn has_non_ascii(&self) -> bool {
        self.0[2] != 0 || self.0[3] != 0
    }
}

/// What a paragraph is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The script most of its letters are in; `None` when it has no letters.
    pub script: Option<Script>,
    /// Its language, when it is one whose conventions detritus knows.
    pub language: Option<Lang>,
}

/// A text plus the structure rules read from it. Offsets are byte spans into `text`.
pub struct Document<'a> {
    text: &'a str,
    language: Language,
    /// The whole text's language, for paragraphs too short to tell. A block
    /// of a longer text is given the whole text's answer, so that it reads
    /// its paragraphs as the whole text does.
    document_language: OnceCell<Option<Lang>>,
    /// Each paragraph's context, found when a rule first asks.
    contexts: OnceCell<Vec<Cell<Option<Context>>>>,
    bytes: ByteSet,
    lines: Vec<Span>,
    paragraphs: OnceCell<Vec<Span>>,
    sentences: OnceCell<Vec<Span>>,
    /// [`segment::sentence_key`] of each sentence, in order.
    sentence_keys: OnceCell<Vec<u64>>,
    words: OnceCell<Vec<Span>>,
    protected: OnceCell<Vec<Span>>,
    /// Whether each line reads as code, found when a rule first asks.
    code_lines: OnceCell<Vec<Cell<Option<bool>>>>,
    /// The block of lines last judged by [`Document::in_program`] and its
    /// verdict: rules ask in text order, so a block is judged once.
    program_block: Cell<Option<(usize, usize, bool)>>,
    /// Whether any block reads as a program, found when a rule first asks.
    holds_program: OnceCell<bool>,
    extra_protect: &'a [Regex],
    /// How the text is marked up, and its regions that are not prose.
    syntax: Syntax,
    markup: OnceCell<Vec<Span>>,
    /// The text is a record of a data set, not a file.
    record: bool,
    /// Glued sentences are mended with a paragraph break where one was lost.
    restore_paragraphs: bool,
    /// True when this is a block of a longer text that has text before it.
    continues: bool,
    /// Where the last `words_in` and `sentences_in` answers started: rules
    /// ask in document order, so the next answer is usually just after.
    word_hint: Cell<usize>,
    sentence_hint: Cell<usize>,
}

impl<'a> Document<'a> {
    /// A view of `text` with the default settings: language identified per paragraph, nothing extra protected.
    pub fn new(text: &'a str) -> Document<'a> {
        Document::with_settings(text, Language::default(), &[])
    }

    /// A view of `text` read as `language`, with `extra_protect` patterns no rule may touch.
    pub fn with_settings(text: &'a str, language: Language, extra_protect: &'a [Regex]) -> Self {
        Document {
            text,
            language,
            document_language: OnceCell::new(),
            contexts: OnceCell::new(),
            bytes: ByteSet::of(text.as_bytes()),
            lines: line_spans(text),
            paragraphs: OnceCell::new(),
            sentences: OnceCell::new(),
            sentence_keys: OnceCell::new(),
            words: OnceCell::new(),
            protected: OnceCell::new(),
            code_lines: OnceCell::new(),
            program_block: Cell::new(None),
            holds_program: OnceCell::new(),
            extra_protect,
            syntax: Syntax::Plain,
            markup: OnceCell::new(),
            record: false,
            restore_paragraphs: false,
            continues: false,
            word_hint: Cell::new(0),
            sentence_hint: Cell::new(0),
        }
    }

    /// One of [`blocks`] of a longer text whose language is `whole`;
    /// `continues` when it is not the first.
    pub(crate) fn block(text: &'a str, language: Language, whole: Option<Lang>, continues: bool) -> Self {
        Document {
            continues,
            document_language: OnceCell::from(whole),
            ..Document::with_settings(text, language, &[])
        }
    }

    /// This view of a text marked up in `syntax`.
    pub fn with_syntax(self, syntax: Syntax) -> Self {
        Document { syntax, ..self }
    }

    /// This view of a record of a data set, whose start is no file's start.
    pub fn record(self) -> Self {
        Document { record: true, ..self }
    }

    /// True when the text is a record (a JSON Lines field), not a file.
    pub fn is_record(&self) -> bool {
        self.record
    }

    /// This view, mending glued sentences with a paragraph break where a
    /// paragraph's worth of text stands on each side.
    pub fn restoring_paragraphs(self) -> Self {
        Document {
            restore_paragraphs: true,
            ..self
        }
    }

    /// True when a lost paragraph break is mended as one, not as a space.
    pub fn restores_paragraphs(&self) -> bool {
        self.restore_paragraphs
    }

    /// True when the text is a marked-up source (Markdown or
    /// reStructuredText), where indentation and line breaks are structure.
    pub fn is_marked_up(&self) -> bool {
        self.syntax != Syntax::Plain
    }

    /// The regions of a marked-up source that are not prose (code, HTML,
    /// tables, link targets, directives…): no diagnostic may touch them.
    /// Empty for plain text.
    pub fn markup(&self) -> &[Span] {
        match self.syntax {
            Syntax::Plain => &[],
            Syntax::Markdown => self.markup.get_or_init(|| crate::markdown::regions(self.text)),
            Syntax::ReStructuredText => self.markup.get_or_init(|| crate::rst::regions(self.text)),
        }
    }

    /// True when `span` overlaps a markup region, or inserts inside one.
    pub fn touches_markup(&self, span: Span) -> bool {
        let m = self.markup();
        match m.get(m.partition_point(|r| r.end <= span.start)) {
            Some(r) if span.is_empty() => r.start < span.start,
            Some(r) => r.start < span.end,
            None => false,
        }
    }

    /// True when the text is a block that a paragraph of the whole text
    /// precedes: the block starts where that paragraph's last line ends.
    pub fn continues(&self) -> bool {
        self.continues
    }

    /// This view with sentences, their keys and words segmented elsewhere,
    /// which must be what [`Document::sentences`],
    /// [`Document::sentence_keys`] and [`Document::words`] would find, and
    /// the language [`language_of`] found.
    pub(crate) fn with_segments(self, segments: Segments, language: Option<Lang>) -> Self {
        Document {
            document_language: OnceCell::from(language),
            sentences: OnceCell::from(segments.sentences),
            sentence_keys: OnceCell::from(segments.sentence_keys),
            words: OnceCell::from(segments.words),
            ..self
        }
    }

    /// The sentences, their keys and the words of this view, made now if
    /// no rule asked.
    pub(crate) fn into_segments(self) -> Segments {
        self.sentence_keys();
        self.words();
        Segments {
            sentences: self.sentences.into_inner().expect("segmented above"),
            sentence_keys: self.sentence_keys.into_inner().expect("keyed above"),
            words: self.words.into_inner().expect("segmented above"),
        }
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The text under `span`.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// The language setting the text is read with.
    pub fn language_setting(&self) -> Language {
        self.language
    }

    /// The whole text's language: the setting's, or in `auto` mode what
    /// the function words of its first paragraphs say.
    pub fn document_language(&self) -> Option<Lang> {
        *self
            .document_language
            .get_or_init(|| language_of(self.text, self.language))
    }

    /// False when the setting rules `lang` out for every paragraph, so a
    /// rule built for it can skip the text without reading it.
    pub fn may_be(&self, lang: Lang) -> bool {
        match self.language {
            Language::Auto | Language::Mostly(_) => true,
            Language::Is(l) => l == lang,
            Language::Other => false,
        }
    }

    /// The language and script of the paragraph holding byte `offset`, or
    /// of the paragraph after it when `offset` sits between paragraphs.
    pub fn context_at(&self, offset: usize) -> Context {
        let paragraphs = self.paragraphs();
        let Some(last) = paragraphs.len().checked_sub(1) else {
            return Context {
                script: None,
                language: self.document_language(),
            };
        };
        let i = paragraphs.partition_point(|p| p.end < offset).min(last);
        let cells = self
            .contexts
            .get_or_init(|| (0..paragraphs.len()).map(|_| Cell::new(None)).collect());
        if let Some(found) = cells[i].get() {
            return found;
        }
        let found = self.read_context(paragraphs[i]);
        cells[i].set(Some(found));
        found
    }

    /// The language of the paragraph holding `offset`, if detritus knows it.
    pub fn language_at(&self, offset: usize) -> Option<Lang> {
        self.context_at(offset).language
    }

    /// The script of the paragraph holding `offset`.
    pub fn script_at(&self, offset: usize) -> Option<Script> {
        self.context_at(offset).script
    }

    fn read_context(&self, para: Span) -> Context {
        let text = self.slice(para);
        let script = lang::dominant_script(text);
        let language = match self.language {
            Language::Is(l) => Some(l),
            Language::Other => None,
            // Every language with a function-word list is written in Latin
            // script, but Russian in Cyrillic.
            Language::Auto | Language::Mostly(_) => match script {
                Some(Script::Latin | Script::Cyrillic) => match lang::detect(text, lang::PARAGRAPH_WORDS) {
                    Verdict::Is(l) => Some(l),
                    // `Luôn luôn tạo bản sao lưu`, a Vietnamese heading in an English
                    // page: many of its letters outside ASCII, which English
                    // words never have, so it is not read as English.
                    Verdict::Undecided
                        if self.document_language() == Some(Lang::English) && mostly_foreign_letters(text) =>
                    {
                        None
                    }
                    Verdict::Undecided => self.document_language(),
                    Verdict::Foreign if lang::short_lines(text) => self.document_language(),
                    Verdict::Foreign => None,
                },
                None => self.document_language(),
                Some(_) => None,
            },
        };
        Context { script, language }
    }

    /// The set of bytes the text holds, so a rule can skip a text that lacks its trigger.
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

    /// [`segment::sentence_key`] of each of [`Document::sentences`]: the
    /// same for two sentences with the same words. A fixer's pass re-reads
    /// only the paragraphs it changed, and keeps the others' keys.
    pub fn sentence_keys(&self) -> &[u64] {
        self.sentence_keys.get_or_init(|| {
            self.sentences()
                .iter()
                .map(|&s| segment::sentence_key(self.slice(s)))
                .collect()
        })
    }

    /// The sentences that lie inside `para`.
    pub fn sentences_in(&self, para: Span) -> &[Span] {
        within(self.sentences(), para, &self.sentence_hint)
    }

    /// Word tokens: letters and digits, joined across inner `-`, `'` and `’`.
    pub fn words(&self) -> &[Span] {
        self.words
            .get_or_init(|| segment::words(self.text, Span::new(0, self.text.len())))
    }

    /// The words that lie inside `span`.
    pub fn words_in(&self, span: Span) -> &[Span] {
        within(self.words(), span, &self.word_hint)
    }

    /// Regions no rule may touch: URLs, e-mail addresses, numbers with
    /// separators, code-like tokens and the user's own `protect` patterns.
    /// Sorted and non-overlapping.
    pub fn protected(&self) -> &[Span] {
        self.protected
            .get_or_init(|| segment::protected(self.text, self.extra_protect))
    }

    /// True when the line holding `offset` reads as a command or a
    /// statement, or sits in a block of lines that reads as a program
    /// ([`crate::code_lines`]): its spacing and marks are the code's, not
    /// debris. Each block of lines is judged once, when first asked.
    pub fn in_code_line(&self, offset: usize) -> bool {
        let i = self.line_index(offset);
        if i >= self.lines.len() {
            return false;
        }
        let cells = self.code_lines.get_or_init(|| vec![Cell::new(None); self.lines.len()]);
        if let Some(v) = cells[i].get() {
            return v;
        }
        if self.blank_line(i) {
            cells[i].set(Some(false));
            return false;
        }
        let (a, b) = self.block_around(i);
        let block = self.judged_lines(a, b);
        let program = crate::code_lines::is_code_block(&block);
        for (j, &(_, code)) in (a..b).zip(&block) {
            cells[j].set(Some(program || code));
        }
        program || block[i - a].1
    }

    /// True when the line holding `offset` sits in a block of lines that
    /// reads as a program ([`crate::code_lines::is_code_block`]) and holds
    /// a statement other than markup: a program that shows tags
    /// (`<script>` around JavaScript), not a scrap of a page whose tags,
    /// shortcodes (`[ad_1]`) and images (`![](…)`) read as statements.
    pub fn in_program(&self, offset: usize) -> bool {
        let i = self.line_index(offset);
        if i >= self.lines.len() || !self.in_code_line(offset) {
            return false;
        }
        if let Some((a, b, v)) = self.program_block.get() {
            if (a..b).contains(&i) {
                return v;
            }
        }
        let (a, b) = self.block_around(i);
        let block = self.judged_lines(a, b);
        // Markup indented to show its nesting is a listing too: a
        // scraper's text keeps no indentation.
        let v = crate::code_lines::is_code_block(&block)
            && block.iter().any(|&(line, _)| {
                crate::code_lines::is_program_statement(line)
                    || (line.starts_with([' ', '\t']) && line.trim_start().starts_with('<'))
            });
        self.program_block.set(Some((a, b, v)));
        v
    }

    /// True when some block of the text reads as a program
    /// ([`Document::in_program`]): a text that shows code, where markup
    /// outside the listings may be an example too.
    pub fn holds_program(&self) -> bool {
        *self.holds_program.get_or_init(|| {
            // A program is a block of two lines or more, so a block of one
            // (a news paragraph, a heading) is passed over unread.
            let mut i = 0;
            while i < self.lines.len() {
                if self.blank_line(i) {
                    i += 1;
                    continue;
                }
                let (a, b) = self.block_around(i);
                if b - a >= 2 && self.in_program(self.lines[a].start) {
                    return true;
                }
                i = b;
            }
            false
        })
    }

    /// Lines `[a, b)`, each with whether it reads as a line of code. What
    /// follows an interpreter's prompt (`>>> find_date(…)`) up to the next
    /// one is what it printed (`'2016-12-23'`), whatever its shape; a line
    /// opening with `>` ends it, as mail quotes `>> ` below `>>> `. So is
    /// what follows a shell's `$ command`, to the block's end. Lines
    /// numbered one after the other, each number before a tab, are a
    /// listing's.
    fn judged_lines(&self, a: usize, b: usize) -> Vec<(&str, bool)> {
        let mut output = false;
        let mut judged: Vec<(&str, bool)> = (a..b)
            .map(|j| {
                let line = self.slice(self.lines[j]);
                let code = crate::code_lines::is_code_line(line);
                let t = line.trim_start();
                if t.starts_with('>') {
                    output = code && t.starts_with(">>> ");
                    return (line, code);
                }
                let was_output = output;
                output |= code && t.starts_with("$ ");
                (line, code || was_output)
            })
            .collect();
        // `debug1: got …` over `debug1: next auth …`: a log's lines, each
        // opening on the same label of a program's.
        fn label(l: &str) -> Option<&str> {
            let (label, rest) = l.split_once(": ")?;
            let program = label.len() <= 16
                && label.bytes().any(|c| c.is_ascii_digit() || c == b'_')
                && label
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
            (program && !rest.is_empty()).then_some(label)
        }
        // `16⇥foreach my $url ( @files )` over `17⇥  {`: a listing whose
        // lines carry their numbers, one after the other, then a tab.
        fn number(l: &str) -> Option<usize> {
            l.split_once('\t')
                .filter(|(n, _)| n.len() <= 5)
                .and_then(|(n, _)| n.trim_start().parse().ok())
        }
        for j in 1..judged.len() {
            let (above, line) = (judged[j - 1].0, judged[j].0);
            let log = label(line).is_some_and(|l| label(above) == Some(l));
            let numbered = number(line).is_some_and(|n| number(above).is_some_and(|m| n == m + 1));
            if log || numbered {
                judged[j - 1].1 = true;
                judged[j].1 = true;
            }
        }
        judged
    }

    /// The lines `[a, b)` of the block of non-blank lines holding line `i`.
    fn block_around(&self, i: usize) -> (usize, usize) {
        let (mut a, mut b) = (i, i + 1);
        while a > 0 && !self.blank_line(a - 1) {
            a -= 1;
        }
        while b < self.lines.len() && !self.blank_line(b) {
            b += 1;
        }
        (a, b)
    }

    /// Whether line `j` holds only whitespace.
    fn blank_line(&self, j: usize) -> bool {
        self.slice(self.lines[j]).trim().is_empty()
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

/// What segmenting a text made, kept with a paragraph's findings so that a
/// later check of an unchanged paragraph does not make it again.
#[derive(Default)]
pub(crate) struct Segments {
    pub(crate) sentences: Vec<Span>,
    pub(crate) sentence_keys: Vec<u64>,
    pub(crate) words: Vec<Span>,
}

/// One verdict per paragraph, for a rule that asks about the paragraph of
/// each match as it walks the text in order: each paragraph is judged once,
/// however many matches it holds, so a long paragraph stays linear.
pub(crate) struct PerParagraph<'d, 'a, F> {
    doc: &'d Document<'a>,
    judge: F,
    last: Option<(Span, bool)>,
}

impl<'d, 'a, F: FnMut(&'a str) -> bool> PerParagraph<'d, 'a, F> {
    pub(crate) fn new(doc: &'d Document<'a>, judge: F) -> Self {
        PerParagraph { doc, judge, last: None }
    }

    /// The verdict on the paragraph holding `at`; false outside paragraphs.
    pub(crate) fn has(&mut self, at: usize) -> bool {
        let Some(p) = self.doc.paragraph_at(at) else {
            return false;
        };
        match self.last {
            Some((q, v)) if q == p => v,
            _ => {
                let v = (self.judge)(self.doc.slice(p));
                self.last = Some((p, v));
                v
            }
        }
    }
}

/// The language of a whole text under `setting`.
pub(crate) fn language_of(text: &str, setting: Language) -> Option<Lang> {
    match setting {
        Language::Is(l) => Some(l),
        Language::Other => None,
        Language::Auto => match lang::detect(text, lang::DOCUMENT_WORDS) {
            Verdict::Is(l) => Some(l),
            Verdict::Undecided | Verdict::Foreign => None,
        },
        Language::Mostly(usual) => match lang::detect(text, lang::DOCUMENT_WORDS) {
            Verdict::Is(l) => Some(l),
            Verdict::Undecided => Some(usual),
            Verdict::Foreign => None,
        },
    }
}

/// The spans of sorted `all` that start inside `span`. Searching from where
/// the last answer started, then doubling the step, costs about the log of
/// the distance moved: near nothing for callers walking forward, where a
/// binary search over a long text's words missed the cache at every step.
fn within<'s>(all: &'s [Span], span: Span, hint: &Cell<usize>) -> &'s [Span] {
    let h = hint.get().min(all.len());
    let from = if h == 0 || all[h - 1].start < span.start {
        h + gallop(&all[h..], |w| w.start < span.start)
    } else {
        all[..h].partition_point(|w| w.start < span.start)
    };
    let to = from + gallop(&all[from..], |w| w.start < span.end);
    hint.set(from);
    &all[from..to]
}

/// `partition_point` for a predicate that usually fails early in `s`.
fn gallop(s: &[Span], pred: impl Fn(&Span) -> bool) -> usize {
    let mut lo = 0;
    let mut step = 1;
    while lo + step <= s.len() && pred(&s[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    lo + s[lo..(lo + step).min(s.len())].partition_point(pred)
}

/// Eight letters or more, a fifth of them or more outside ASCII; or, in a
/// paragraph of forty letters or more, a twelfth: Czech (`zvětšit, resp.
/// zmenšit`) writes about one in ten so, and an English paragraph has a
/// name's accent or two among many more letters (`The mayor of Zürich said
/// the café would reopen`). A short text's one accent may be a loanword's.
fn mostly_foreign_letters(text: &str) -> bool {
    let (letters, foreign) = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0usize, 0usize), |(l, f), c| (l + 1, f + usize::from(!c.is_ascii())));
    letters >= 8 && (foreign * 5 >= letters || (letters >= 40 && foreign * 12 >= letters))
}

/// Cut `text` into blocks that paragraph-scoped rules check one at a time.
///
/// Each block runs from the end of one paragraph's last line to the end of
/// the next one's, so it holds the blank lines before its paragraph: a
/// paragraph removed whole takes the line break before it from its own
/// block. The first block holds the first two paragraphs, because removing
/// a one-line opening paragraph takes the blank lines after it instead.
pub fn blocks(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    // The end of the last non-blank line seen, and whether a blank line followed it.
    let mut last_end = None;
    let mut gap = false;
    let mut paragraphs = 0;
    let mut start = 0;
    loop {
        let nl = memchr::memchr(b'\n', &bytes[start..]).map(|i| start + i);
        let end = nl.unwrap_or(bytes.len());
        let line = &text[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            gap |= last_end.is_some();
        } else {
            if gap || last_end.is_none() {
                paragraphs += 1;
                if paragraphs > 2 {
                    cuts.push(last_end.expect("a paragraph came before"));
                }
            }
            gap = false;
            last_end = Some(start + line.len());
        }
        match nl {
            Some(nl) => start = nl + 1,
            None => break,
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        out.push(Span::new(from, cut));
        from = cut;
    }
    out.push(Span::new(from, text.len()));
    out
}

fn line_spans(text: &str) -> Vec<Span> {
    // Counted first (memchr is cheap): a text of short lines would otherwise
    // hold the list at up to twice its size while it grows.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
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
    fn a_heading_in_another_alphabet_is_not_read_as_the_english_around_it() {
        let text = "Luôn luôn tạo bản sao lưu\n\nSaves the previous version of a document as a backup copy \
                    whenever you save a document, so that you can go back to it.\n\nPrint the page\n";
        let doc = Document::new(text);
        assert_eq!(doc.document_language(), Some(Lang::English));
        assert_eq!(doc.language_at(0), None);
        // A short heading in plain letters still takes the page's language.
        assert_eq!(doc.language_at(text.rfind("Print").unwrap()), Some(Lang::English));
        // And the doubled word in it is left alone.
        let linter = crate::Linter::new(&crate::Settings::default()).unwrap();
        assert!(linter.check(text).iter().all(|d| d.rule.code != "D001"));
    }

    #[test]
    fn a_czech_paragraph_in_an_english_page_is_not_read_as_english() {
        let text = "For users with low vision, the installer can use a high-contrast color theme that makes \
                    it more readable. To enable it, use the entry from the boot screen.\n\n\
                    Grafický instalátor obsahuje základní podporu pro změnu velikosti písma. Klávesovými \
                    zkratkami lze velikost písma zvětšit, resp. zmenšit.\n\n\
                    The mayor of Zürich said the café would reopen after the works.\n";
        let doc = Document::new(text);
        assert_eq!(doc.document_language(), Some(Lang::English));
        assert_eq!(doc.language_at(text.find("Grafick").unwrap()), None);
        assert_eq!(doc.language_at(text.find("The mayor").unwrap()), Some(Lang::English));
    }

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
    fn blocks_run_from_one_paragraph_end_to_the_next_and_the_first_holds_two() {
        let text = "\n a\n\nb\r\nb\n \n\nc\n\nd\n";
        let found: Vec<_> = blocks(text).iter().map(|&s| &text[s.start..s.end]).collect();
        assert_eq!(found, ["\n a\n\nb\r\nb", "\n \n\nc", "\n\nd\n"]);
        assert_eq!(blocks("one\ntwo\n\nthree"), [Span::new(0, 14)]);
        assert_eq!(blocks(""), [Span::new(0, 0)]);
    }

    #[test]
    fn words_in_answers_like_a_binary_search_in_any_order() {
        let text = "one two. three, four five\n\nsix seven eight. nine ten";
        let doc = Document::new(text);
        let all = doc.words().to_vec();
        let naive = |s: Span| {
            let from = all.partition_point(|w| w.start < s.start);
            let to = from + all[from..].partition_point(|w| w.start < s.end);
            &all[from..to]
        };
        // Forward, backward, repeated and empty spans, past the end too.
        for (a, b) in [
            (0, 8),
            (9, 30),
            (2, 3),
            (40, 54),
            (0, 54),
            (30, 30),
            (54, 54),
            (5, 45),
            (1, 2),
        ] {
            assert_eq!(doc.words_in(Span::new(a, b)), naive(Span::new(a, b)), "{a}..{b}");
        }
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
    fn sentences_with_the_same_words_share_a_key_wherever_they_stand() {
        let doc = Document::new("The rate rose again. Prices fell.\n\nthe RATE rose, again! Prices fell sharply.");
        let keys = doc.sentence_keys();
        assert_eq!(keys.len(), doc.sentences().len());
        assert_eq!(keys.len(), 4);
        assert_eq!(keys[0], keys[2]);
        assert_ne!(keys[1], keys[3]);
        assert_eq!(keys[1], segment::sentence_key("Prices fell."));
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

    #[test]
    fn a_file_name_with_a_capitalised_part_is_protected() {
        let doc = Document::new(
            "See README.Debian and changelog.Debian.gz, a queue.Queue and struct.Pack(fmt) in the USA.The end.",
        );
        let found: Vec<_> = doc.protected().iter().map(|&s| doc.slice(s)).collect();
        assert_eq!(
            found,
            ["README.Debian", "changelog.Debian.gz", "queue.Queue", "struct.Pack"]
        );
    }

    #[test]
    fn what_an_interpreter_prints_after_its_prompt_is_code_but_a_quotation_is_not() {
        let text = "It reads the header:\n>>> find_date(page)\n'Friday, December 23, 2016'\n>>> This is quoted mail.\n>> And so is this.\n>>> of poverty! When did this happen?\n>> Never.\nA quote from the list:\n";
        let doc = Document::new(text);
        let code: Vec<bool> = doc.lines().iter().map(|l| doc.in_code_line(l.start)).collect();
        assert_eq!(code, [false, true, true, false, false, true, false, false]);
    }

    #[test]
    fn a_name_code_writes_with_a_capitalised_part_is_protected_but_a_seam_is_not() {
        let doc = Document::new(
            "Set chart.Legend = True in com.sun.star.frame.Desktop via SFDocuments.Calc and doc.CreateChart now. \
             It grew in 2024.This year the CDs.The end, in the town.Next we left.",
        );
        let found: Vec<_> = doc.protected().iter().map(|&s| doc.slice(s)).collect();
        assert_eq!(
            found,
            [
                "chart.Legend",
                "com.sun.star.frame.Desktop",
                "SFDocuments.Calc",
                "doc.CreateChart"
            ]
        );
    }

    #[test]
    fn inline_code_is_protected_whole_even_with_a_capital_after_a_period() {
        let doc = Document::new("an instance of `random.Random` and ``factory.Factory``, which");
        let found: Vec<_> = doc.protected().iter().map(|&s| doc.slice(s)).collect();
        assert_eq!(found, ["`random.Random`", "`factory.Factory`"]);
    }
}
