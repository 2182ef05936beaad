//! How double quotes pair up, shared by the quote rules.
//!
//! Pairing runs per *segment*: a paragraph, further cut at every line break
//! that follows the end of a sentence. Scraped text often keeps one paragraph
//! per line with no blank lines between, and a quote never pairs across two
//! of those; hard-wrapped text breaks lines mid-sentence, and those lines
//! stay together.

use crate::document::Document;
use crate::span::Span;
use crate::text::chars::{is_cjk_symbol, is_fullwidth_form, mojibake_quote};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Dir {
    Open,
    Close,
    /// A straight quote whose neighbours do not tell: pairs with what is open.
    Either,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Quote {
    pub at: usize,
    /// `"` also for the typewriter pair `''` standing in for one.
    pub ch: char,
    /// At most six bytes (`''` or one mark); a byte keeps a quote-dense
    /// text's pairing small.
    pub len: u8,
    pub dir: Dir,
    /// Straight `"` (or `”`) right after a digit: maybe inches (`12"`).
    pub inch: bool,
    /// Opens right after a sentence end and a space (`… said. “Next`).
    pub sentence_start: bool,
}

impl Quote {
    pub fn span(&self) -> Span {
        Span::new(self.at, self.at + usize::from(self.len))
    }

    /// The mark as written.
    pub fn mark<'t>(&self, text: &'t str) -> &'t str {
        self.span().slice(text)
    }

    pub fn is_straight(&self) -> bool {
        self.ch == '"'
    }
}

/// The quotes of one segment and how they paired.
pub(super) struct Segment {
    pub index: usize,
    pub pairs: Vec<(Quote, Quote)>,
    /// Closing quotes with nothing open.
    pub orphans: Vec<Quote>,
    /// Opening quotes still open at the end of the segment.
    pub unclosed: Vec<Quote>,
    /// The segment's first visible character is an opening quote.
    pub starts_with_opener: bool,
}

impl Segment {
    pub fn balanced(&self) -> bool {
        self.orphans.is_empty() && self.unclosed.is_empty()
    }
}

/// Double quotes in `text` as (start, end): `"`, `“`, `”`, and the
/// typewriter pair `''` standing in for one; also German `„` and `‚`, which
/// callers use to skip a segment.
pub(super) fn double_quotes(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut skip = 0;
    memchr::memchr3_iter(b'"', 0xE2, b'\'', b).filter_map(move |i| {
        if i < skip {
            return None;
        }
        let (start, end) = match b[i] {
            b'"' => (i, i + 1),
            // `“` E2 80 9C, `”` E2 80 9D, `„` E2 80 9E, `‚` E2 80 9A
            0xE2 if is_double_quote_tail(b.get(i + 1..i + 3)) => (i, i + 3),
            b'\'' if b.get(i + 1) == Some(&b'\'') => {
                skip = i + 2;
                (i, i + 2)
            }
            _ => return None,
        };
        // `wrapped in double quotes (")`: the mark named, not used.
        let named = start > 0 && matches!(b[start - 1], b'(' | b'[') && matches!(b.get(end), Some(b')' | b']'));
        (!named).then_some((start, end))
    })
}

/// How far back a TeX closer `''` looks for its opener.
const TEX_REACH: usize = 300;

/// True when two backticks, glued to the word they open, stand in
/// `text[from..to]` with no `''` after them: a TeX quotation
/// (``` ``solution'' ```) still open, which the `''` at `to` closes.
fn tex_opened(text: &str, from: usize, to: usize) -> bool {
    let b = &text.as_bytes()[from..to];
    memchr::memmem::rfind(b, b"``").is_some_and(|i| {
        b.get(i + 2).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'`')
            && memchr::memmem::find(&b[i + 2..], b"''").is_none()
    })
}

/// True when two commas typed for a low opening quote stand in
/// `text[from..to]`, after a space and glued to the word they open, with no
/// quote after them: the quotation the straight quote at `to` closes.
/// `pairs` are the offsets of every `,,` in `text`, in order.
fn commas_opened(text: &str, from: usize, to: usize, pairs: &[usize]) -> bool {
    let k = pairs.partition_point(|&p| p < to);
    let Some(at) = k.checked_sub(1).map(|k| pairs[k]).filter(|&p| p >= from && p + 2 <= to) else {
        return false;
    };
    let b = text.as_bytes();
    let opens = (at > from)
        .then(|| b[at - 1])
        .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'(' | b':'));
    let inside = &b[at + 2..to];
    opens
        && inside.first().is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
        && !inside.contains(&b'"')
        && memchr::memmem::find(inside, b"''").is_none()
}

fn is_double_quote_tail(tail: Option<&[u8]>) -> bool {
    matches!(tail, Some([0x80, 0x9A | 0x9C..=0x9E]))
}

/// True when the document may hold double quotes at all.
pub(super) fn may_have_quotes(doc: &Document) -> bool {
    // `“` and `”` are E2 80 9C / E2 80 9D.
    doc.bytes().contains(b'"') || (doc.bytes().contains(0xE2) && doc.bytes().contains(0x80))
}

/// Paragraphs cut after lines that end a sentence outside a quotation, in
/// document order.
pub(super) fn segments(doc: &Document) -> Vec<Span> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    // Double quotes the segment holds before `counted`: curly openers less
    // closers, and straight ones.
    let (mut open, mut straight, mut counted) = (0isize, 0usize, 0usize);
    for &line in doc.lines() {
        let s = line.slice(text).trim_end();
        if s.trim_start().is_empty() {
            out.extend(current.take());
            (open, straight, counted) = (0, 0, line.end);
            continue;
        }
        if current.is_none() {
            counted = line.start;
        }
        current = Some(match current {
            Some(c) => Span::new(c.start, line.end),
            None => line,
        });
        // A hard-wrapped quotation goes on past a line that ends a
        // sentence inside it (`…white water!”` closes on the next line).
        // Quotes are counted only where a cut is weighed, each byte once.
        if ends_unit(s) {
            let b = &text.as_bytes()[counted..line.start + s.len()];
            for i in memchr::memchr3_iter(b'"', 0x9C, 0x9D, b) {
                match b[i] {
                    b'"' => straight += 1,
                    c if i >= 2 && b[i - 2..i] == [0xE2, 0x80] => open += if c == 0x9C { 1 } else { -1 },
                    _ => {}
                }
            }
            counted = line.start + s.len();
            if open <= 0 && straight % 2 == 0 {
                out.extend(current.take());
                (open, straight) = (0, 0);
            }
        }
    }
    out.extend(current);
    out
}

/// A line that ends a sentence, or ends on a closing quote or bracket.
fn ends_unit(line: &str) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some('.' | '!' | '?' | '…' | '”' | '"' | '»') => true,
        Some('’' | ')' | ']') => rev
            .next()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '”' | '"')),
        _ => false,
    }
}

/// Pair the double quotes of every segment (from [`segments`]) that has any.
pub(super) fn analyse(doc: &Document, segs: &[Span]) -> Vec<Segment> {
    let text = doc.text();
    let mut found = double_quotes(text).peekable();
    if found.peek().is_none() {
        return Vec::new();
    }
    // Two commas for a low quote are rare: found once, they spare a look
    // back from every straight quote.
    let low_commas: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b",,").collect();
    let mut out = Vec::new();
    let mut quotes: Vec<Quote> = Vec::new();
    for (index, &seg) in segs.iter().enumerate() {
        quotes.clear();
        let mut damaged = false;
        let mut german = false;
        while let Some((start, end)) = found.next_if(|&(start, _)| start < seg.end) {
            if matches!(&text[start..end], "„" | "‚") {
                german = true;
                continue;
            }
            if start < seg.start || doubled_closer(text, start).is_some() || mojibake_quote(text, start) {
                continue;
            }
            // `in. “”This is…,” he said`: a `”` glued between an opening
            // `“` and a word doubles the opener; the quotation closes later.
            if &text[start..end] == "”"
                && text[..start].ends_with('“')
                && text[end..].starts_with(char::is_alphanumeric)
            {
                continue;
            }
            damaged |= mangled_dash(text, end);
            if apostrophe(text, start, end) || gershayim(text, start, end) {
                continue;
            }
            let ch = match &text[start..end] {
                // `x = ''` is an empty string, not a quotation mark.
                "''" if text[..start].ends_with(char::is_whitespace)
                    && text[end..].chars().next().is_none_or(char::is_whitespace) =>
                {
                    continue
                }
                // TeX's ``…'' pair: the opener is two backticks, which
                // are not a quote here, so the closer is not judged either.
                "''" if tex_opened(text, seg.start.max(start.saturating_sub(TEX_REACH)), start) => continue,
                // `,,Ahoj"`, `,,Programowo nie''`: two commas typed for a low
                // opening quote, which the closer pairs with.
                "''" | "\""
                    if commas_opened(text, seg.start.max(start.saturating_sub(TEX_REACH)), start, &low_commas) =>
                {
                    continue
                }
                "''" => '"',
                s => s.chars().next().expect("a quote is a char"),
            };
            quotes.push(classify(text, start, end, ch));
        }
        // Quotes a lossy decoder mangled cannot be paired reliably.
        if quotes.is_empty() || damaged {
            continue;
        }
        // German `„…“` and `‚…‘` close with what English opens with;
        // Arabic and Hebrew quote `”…“` and glue a prefix to the opening
        // mark (`و”خطأ“`, `ב־”…“`).
        if german || crate::text::chars::has_rtl(seg.slice(text)) {
            continue;
        }
        let mut result = pair_allowing_inches(&quotes);
        if !result.balanced() && !doc.protected().is_empty() {
            // Quotes inside code spans and URLs are not prose quotes.
            let prot = doc.protected();
            let before = quotes.len();
            quotes.retain(|q| !inside(prot, q.at));
            if quotes.len() != before {
                result = pair_allowing_inches(&quotes);
            }
        }
        // A mark with spaces on both sides that pairs with nothing is a
        // stray, not the start of a quotation.
        let (mut stray, unclosed): (Vec<Quote>, Vec<Quote>) =
            result.unclosed.into_iter().partition(|q| standalone(text, q));
        // `(e.g. " for inches)`: a stray that a word names is the mark
        // itself, cited.
        stray.retain(|q| !named(text, q));
        let mut orphans = result.orphans;
        if !stray.is_empty() {
            orphans.extend(stray);
            orphans.sort_by_key(|q| q.at);
        }
        // `• "Social Security…`: a list's bullet may stand before it.
        let first = unbulleted(seg.slice(text)).chars().next();
        out.push(Segment {
            index,
            starts_with_opener: matches!(first, Some('“' | '"'))
                && quotes
                    .first()
                    .is_some_and(|q| q.dir != Dir::Close && unbulleted(&text[seg.start..q.at]).is_empty()),
            pairs: result.pairs,
            orphans,
            unclosed,
        });
    }
    out
}

/// `s` without its leading space and a list's bullet.
fn unbulleted(s: &str) -> &str {
    s.trim_start().trim_start_matches(['•', '·', '▪', '◦']).trim_start()
}

/// `DeVos"?highly`, `"?Sen. Warren`, `Democrats "? and`: a dash or quote
/// that a lossy decoder turned into `"?` or `"�`. Real text puts a space
/// and a capital, or nothing, after a `"?`.
pub(super) fn mangled_dash(text: &str, quote_end: usize) -> bool {
    let rest = &text.as_bytes()[quote_end..];
    if text[quote_end..].starts_with('\u{FFFD}') {
        return true;
    }
    rest.first() == Some(&b'?')
        && match rest.get(1) {
            Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'(' | b'[' | b'"') => true,
            Some(b' ') => rest.get(2).is_some_and(u8::is_ascii_lowercase),
            _ => false,
        }
}

/// `didn"t`, `it"s`: a straight quote standing in for an apostrophe.
fn apostrophe(text: &str, start: usize, end: usize) -> bool {
    if &text[start..end] != "\"" {
        return false;
    }
    if !text[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let rest = &text[end..];
    let len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    matches!(&rest[..len], "t" | "s" | "re" | "ve" | "ll" | "d" | "m")
}

/// `after` (the text after an opening candidate) holds a closing mark
/// before its first space: `.")`, `::"`.
fn quoted_token(after: &str) -> bool {
    let token = &after[..after.find(char::is_whitespace).unwrap_or(after.len())];
    token.char_indices().any(|(i, c)| i > 0 && matches!(c, '"' | '”'))
}

/// `ע"מ`, `צה"ל`: in Hebrew, `"` between letters is gershayim, the mark of
/// an abbreviation, not a quote.
fn gershayim(text: &str, start: usize, end: usize) -> bool {
    let hebrew = |c: char| ('\u{05D0}'..='\u{05EA}').contains(&c);
    &text[start..end] == "\""
        && text[..start].chars().next_back().is_some_and(hebrew)
        && text[end..].chars().next().is_some_and(hebrew)
}

fn standalone(text: &str, q: &Quote) -> bool {
    let prev = text[..q.at].chars().next_back();
    let next = text[q.span().end..].chars().next();
    prev.is_some_and(char::is_whitespace) && next.is_none_or(char::is_whitespace)
}

/// Words after which a mark standing alone is cited, not used: `e.g. "
/// for inches`, `the " sign`, `a " character`.
const CITING_WORDS: &[&str] = &[
    "e.g.",
    "i.e.",
    "eg.",
    "ie.",
    "a",
    "an",
    "the",
    "like",
    "symbol",
    "sign",
    "mark",
    "character",
];

/// The word before the stray quote `q` cites it, or is a sign it is listed after.
fn named(text: &str, q: &Quote) -> bool {
    // Blanks only: a word on the line above cites nothing on this one, and
    // a check of one paragraph must see what a check of the whole text sees.
    let head = text[crate::span::ceil_char_boundary(text, q.at.saturating_sub(24))..q.at].trim_end_matches([' ', '\t']);
    let word = head
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    // `заменяет < > & " на`: a mark listed after another sign is one too.
    let sign = word.len() == 1 && word.bytes().all(|b| b.is_ascii_punctuation() && b != b'"');
    sign || CITING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn inside(prot: &[Span], at: usize) -> bool {
    let i = prot.partition_point(|p| p.end <= at);
    prot.get(i).is_some_and(|p| p.start <= at)
}

struct Pairing {
    pairs: Vec<(Quote, Quote)>,
    orphans: Vec<Quote>,
    unclosed: Vec<Quote>,
}

impl Pairing {
    fn balanced(&self) -> bool {
        self.orphans.is_empty() && self.unclosed.is_empty()
    }
}

/// Pair, reading a mark after a digit (`12"`) as inches when it has
/// nothing to close; failing that, with every such mark read as inches.
fn pair_allowing_inches(quotes: &[Quote]) -> Pairing {
    let greedy = pair(quotes.iter(), true);
    if greedy.balanced() || !quotes.iter().any(|q| q.inch) {
        return greedy;
    }
    let as_inches = pair(quotes.iter().filter(|q| !q.inch), false);
    if as_inches.balanced() {
        as_inches
    } else {
        greedy
    }
}

fn pair<'q>(quotes: impl Iterator<Item = &'q Quote>, skip_lone_inches: bool) -> Pairing {
    let mut stack: Vec<Quote> = Vec::new();
    let mut pairs = Vec::new();
    let mut orphans = Vec::new();
    for &q in quotes {
        if skip_lone_inches && q.inch && stack.is_empty() {
            continue;
        }
        match q.dir {
            Dir::Open => {
                // Paragraphs merged into one keep the multi-paragraph
                // convention inside: `“One. “Two.”` continues, not nests.
                if q.sentence_start && stack.last().is_some_and(|o| o.at < q.at) {
                    stack.pop();
                }
                stack.push(q)
            }
            Dir::Close => match stack.pop() {
                Some(o) => pairs.push((o, q)),
                None => orphans.push(q),
            },
            Dir::Either => match stack.pop() {
                Some(o) => pairs.push((o, q)),
                None => stack.push(q),
            },
        }
    }
    Pairing {
        pairs,
        orphans,
        unclosed: stack,
    }
}

/// Read a quote's direction from its glyph and its neighbours.
fn classify(text: &str, at: usize, end: usize, ch: char) -> Quote {
    let prev = text[..at].chars().next_back();
    let after = &text[end..];
    let next = after.chars().next();
    let prev_space = prev.is_none_or(char::is_whitespace);
    let next_space = next.is_none_or(char::is_whitespace);
    let prev_opening = prev_space || prev.is_some_and(|c| matches!(c, '(' | '[' | '{' | '—' | '–' | '‘' | '“' | '/'));
    // A quote right before `,` or `;` closes something; `...` may open a quote.
    let next_punct = match next {
        Some(',' | ';' | ':' | '!' | '?' | ')' | ']' | '}') => true,
        // `.”` ends a sentence; `...` and `.@handle` may follow an opener.
        Some('.') => after[1..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '”' | '’' | ')')),
        _ => false,
    };
    // `(".")`, `":file:"`: quoted punctuation reads as closing by its
    // neighbours, yet opens a pair that closes within the same token; so
    // does punctuation that starts a word (`":file :"`, `"?q=1"`).
    let word_after = |s: &str| s.chars().nth(1).is_some_and(char::is_alphanumeric);
    // Text written without spaces glues an opener to the word before it
    // (`字符“.”、“-”`, `指令的“:file”选项`).
    let unspaced_before =
        prev.is_some_and(|c| crate::text::chars::is_unspaced_letter(c) || is_cjk_symbol(c) || is_fullwidth_form(c));
    let next_punct = next_punct && !((prev_opening || unspaced_before) && (quoted_token(after) || word_after(after)));
    // `"https://"-sel`, `"AI"-powered`: a suffix hyphenated to a quotation
    // follows its closing quote.
    let suffix_after = !prev_space && next == Some('-') && word_after(after);
    let next_closer = next.is_some_and(|c| matches!(c, '’' | '”' | '—' | '–'));
    let open_ctx = prev_opening && !next_space && !next_punct && !next_closer && !suffix_after;
    let close_ctx = next_punct || suffix_after || (!prev_opening && (next_space || next_closer));
    let dir = match ch {
        '“' if next_punct || (prev.is_some_and(char::is_alphanumeric) && next_space) => Dir::Close,
        '“' => Dir::Open,
        // Swedish and Finnish `”…”`, and `”_private”`: after a space, an
        // opening bracket (`(”Siirrä edustalle”)`) or a slash between two
        // quotations (`”snabbuppstart”/”snabbstart”`), or a name's `=`
        // that gives it a value (`lang=”local”`, curled by an editor), before a word.
        '”' if (prev_space
            || matches!(prev, Some('(' | '['))
            || text[..at].ends_with("”/")
            || (prev == Some('=') && text[..at - 1].ends_with(|c: char| c.is_ascii_alphanumeric())))
            && !next_space
            && !next_punct =>
        {
            Dir::Open
        }
        '”' => Dir::Close,
        _ if open_ctx && !close_ctx => Dir::Open,
        _ if close_ctx && !open_ctx => Dir::Close,
        _ => Dir::Either,
    };
    // After a digit or a vulgar fraction (`½" thick`, `1¼”`).
    let inch = matches!(ch, '"' | '”')
        && prev.is_some_and(|c| c.is_ascii_digit() || matches!(c, '¼'..='¾' | '⅐'..='⅞'))
        && !next.is_some_and(char::is_alphanumeric);
    let head = text[..at].trim_end_matches([' ', '\t']);
    let sentence_start = head.len() < at
        && head
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'));
    Quote {
        at,
        ch,
        len: u8::try_from(end - at).expect("a quote mark is a few bytes"),
        dir,
        inch,
        sentence_start,
    }
}

/// `China”,” a spokesperson`: a closing quote, a comma or period, and a
/// closing quote again. Given the second quote, the span from the first
/// quote to the end of the second and what should replace it (`,”`).
pub(super) fn doubled_closer(text: &str, second: usize) -> Option<(Span, String)> {
    let b = text.as_bytes();
    let second_ch = text[second..].chars().next()?;
    if !matches!(second_ch, '"' | '”') {
        return None;
    }
    let end = second + second_ch.len_utf8();
    if !text[end..].chars().next().is_none_or(char::is_whitespace) {
        return None;
    }
    let punct_at = second.checked_sub(1)?;
    if !matches!(b[punct_at], b',' | b'.') {
        return None;
    }
    let head = &text[..punct_at];
    let first_ch = head.chars().next_back()?;
    if !matches!(first_ch, '"' | '”') {
        return None;
    }
    let first = punct_at - first_ch.len_utf8();
    let before = text[..first].chars().next_back()?;
    if !(before.is_alphanumeric() || matches!(before, ')' | ']' | '’' | '%')) {
        return None;
    }
    let quote = if first_ch == '”' || second_ch == '”' {
        '”'
    } else {
        '"'
    };
    Some((Span::new(first, end), format!("{}{quote}", b[punct_at] as char)))
}

/// Delete `span`, and with it the spaces that would be left doubled or
/// dangling before punctuation or at a line's end.
pub(super) fn removal(text: &str, span: Span) -> Span {
    let hspace = |c: char| c == ' ' || c == '\t';
    let prev = text[..span.start].chars().next_back();
    let next = text[span.end..].chars().next();
    let next_end = next.is_none_or(|c| c == '\n' || c == '\r');
    let next_punct = next.is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '”' | '’'));
    if prev.is_some_and(hspace) && (next.is_some_and(hspace) || next_end || next_punct) {
        let start = text[..span.start].trim_end_matches(hspace).len();
        return Span::new(start, span.end);
    }
    let prev_open = prev.is_none_or(|c| matches!(c, '\n' | '(' | '[' | '“' | '‘' | '"'));
    if next.is_some_and(hspace) && prev_open {
        let rest = &text[span.end..];
        let end = span.end + (rest.len() - rest.trim_start_matches(hspace).len());
        return Span::new(span.start, end);
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg_texts(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        segments(&doc).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn cuts_paragraphs_after_lines_that_end_a_sentence() {
        assert_eq!(
            seg_texts("One line.\nTwo wrapped\nlines.\n\nThree"),
            ["One line.", "Two wrapped\nlines.", "Three"]
        );
    }

    #[test]
    fn reads_directions_from_neighbours() {
        let t = "a “b” c";
        assert_eq!(classify(t, 2, 5, '“').dir, Dir::Open);
        assert_eq!(classify(t, 6, 9, '”').dir, Dir::Close);
        let t = "say ”hi";
        assert_eq!(classify(t, 4, 7, '”').dir, Dir::Open);
        let t = "Lights “, he";
        assert_eq!(classify(t, 7, 10, '“').dir, Dir::Close);
    }

    #[test]
    fn finds_a_doubled_closer() {
        let t = "China”,” a spokesperson";
        let at = t.rfind('”').unwrap();
        let (span, with) = doubled_closer(t, at).unwrap();
        assert_eq!(span.slice(t), "”,”");
        assert_eq!(with, ",”");
        assert!(doubled_closer("\"a\",\"b\"", 4).is_none());
    }
}
