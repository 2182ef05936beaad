use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::lang::SPACED_EUROPEAN;
use crate::prelude::*;

use super::helpers::{alnum_after, alnum_before, cjk_nearby, cjk_paragraphs};
use crate::text::chars::{is_cjk_letter, is_latin_alnum};

pub struct FullwidthPunctuation;

static META: RuleMeta = RuleMeta {
    code: "P004",
    name: "fullwidth-punctuation",
    family: Family::Punctuation,
    summary: "CJK or full-width punctuation between Latin words: `chipmaker，which`",
    docs: "\
Flags CJK and full-width punctuation in Latin-script text:
`The Shenzhen-based chipmaker，which supplies`, `in the past year。Companies`,
`a partner（the name was not disclosed）`, `10：30`, `50％`.

Machine translation out of Chinese or Japanese keeps the source's
punctuation when it copies a clause through, and CJK input methods type
full-width marks by default. In Latin text they look like a mark followed
by a space that is not there, and they defeat searches and tokenisers.

A mark counts only when the nearest letters or digits around it are Latin
(one side may be the edge of the line) and no CJK character sits within a
dozen characters: CJK text (`中文，中文`) and Latin words quoted inside CJK
text are never touched, nor is a Latin line in a document whose letters are
a quarter or more CJK (`setterm(1)、stty(1)` in a Japanese manual), or that
holds a paragraph written in CJK (`Debian security FAQ。` listed after
`更多信息请参阅以下文档：`): there the marks are the document's own. A
name in Han inside an English paragraph (`华为`) makes no CJK paragraph.

Replacements: `，` `、` → `,`, `。` `．` → `.`, `：` → `:`, `；` → `;`, `！` → `!`,
`？` → `?`, `（）` → `()`, `【】` `［］` → `[]`, and every
other full-width symbol (`％` `＆` `－` `／`…) to its ASCII form. A space
is added after a comma, period, colon, semicolon, `!`, `?` or closing
bracket when a word follows (not between digits: `1，000` → `1,000`,
`10：30` → `10:30`), and before an opening bracket or quote that follows a
word. Brackets convert only in pairs found on one line,
both sides in Latin text, so a conversion never unbalances them; a lone
`（` is left for a person. Corner quotes (`「」`, `『』`) are a quotation
style, not stray marks: a UI name quoted `「Measure」` in an English
paragraph of a Japanese manual is written so on purpose, and no rule turns
one quotation style into another; marks inside them are the quoted
title's own (`see sidebar 「TOOLS dpkg、APT、ar」`). Also left: a mark quoted
alone (`\"periodMark\": \"。\"`), lenticular brackets that open a line to set
off its label (`【memo】`), and Japanese notation in a record cut from a
manual (`A、B、C`, `(Shift)＋(F3)`).

Fix (safe): only punctuation and spaces change.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::scripts(SPACED_EUROPEAN)
        .note("full-width marks are the punctuation of Chinese, Japanese, Korean and Yi text"),
    flags: &[
        Fixture {
            input: "Shares rose，then fell.\n\nThe firm, 华为, declined to comment.",
            output: "Shares rose, then fell.\n\nThe firm, 华为, declined to comment.",
        },
        Fixture {
            input: "The Shenzhen-based chipmaker，which supplies chips，told investors.",
            output: "The Shenzhen-based chipmaker, which supplies chips, told investors.",
        },
        Fixture {
            input:
                "a European partner（the name was not disclosed）. Prices fell in the past year。Companies are looking.",
            output:
                "a European partner (the name was not disclosed). Prices fell in the past year. Companies are looking.",
        },
        Fixture {
            input: "It opens at 10：30 and sold 1，000 units，up 50％！",
            output: "It opens at 10:30 and sold 1,000 units, up 50%!",
        },
        Fixture {
            input: "He said 「hello」 and left。",
            output: "He said 「hello」 and left.",
        },
        Fixture {
            input: "“We see no restriction at this time，” a spokesperson said.",
            output: "“We see no restriction at this time,” a spokesperson said.",
        },
    ],
    keeps: &[
        "The option takes the mark to use, as in \"periodMark\": \"。\" for Japanese.",
        "【memo】\nThe notes below were taken at the meeting.",
        "Download the .deb file and install it by hand (see sidebar 「TOOLS dpkg、APT、ar」).",
        "請參閱 'sphinx --help'。",
        "ꆈꌠꁱꂷ，ꀉꂿꄉꌠ。",
        "中文，中文。这是（测试）。",
        "関連項目を参照してください。\n\nsetterm(1)、stty(1)、tic(1)\n\nSee 「Using vim」.",
        "更多信息请参阅以下文档：\n\nDebian security FAQ。\n\nSecuring Debian Manual。 It is long, and this English paragraph makes the text mostly Latin: more words, more letters.",
        "我喜欢Apple，但是价格太高。",
        "使用GPT-4（OpenAI）模型。",
        "Plain ASCII, with (brackets) and 10:30.",
        "Select the cells A、B、C and press (Shift)＋(F3) to change their case.",
        "The slogan “中国制造”，which means made in China.",
        "A common use case for 「Measure」 is to find the angle, as 『Guide』 says.",
    ],
};

/// CJK and full-width punctuation, as UTF-8 bytes: `、。【】` are
/// `E3 80 xx`, the full-width forms `EF BC xx` and `EF BD xx`; the prefixes
/// let the regex engine skip Latin text at memchr speed.
static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\xE3\x80[\x81\x82\x90\x91]|\xEF\xBC[\x81-\x8F\x9A-\xA0\xBB-\xBF]|\xEF\xBD[\x80\x9B-\x9E]")
        .expect("pattern compiles")
});

/// How far to look for letters around a mark, and for CJK text.
const REACH: usize = 8;
const CJK_REACH: usize = 12;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Takes a space after it before a word: `,` `.` `)` `”`.
    Closing,
    /// Takes a space before it after a word: `(` `[` `“`.
    Opening,
    Plain,
}

fn ascii_of(c: char) -> (&'static str, Role) {
    match c {
        '、' | '，' => (",", Role::Closing),
        '。' | '．' => (".", Role::Closing),
        '：' => (":", Role::Closing),
        '；' => (";", Role::Closing),
        '！' => ("!", Role::Closing),
        '？' => ("?", Role::Closing),
        '）' => (")", Role::Closing),
        '】' | '］' => ("]", Role::Closing),
        '（' => ("(", Role::Opening),
        '【' | '［' => ("[", Role::Opening),
        _ => {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or('?');
            (ASCII[(ascii as usize) - 0x20], Role::Plain)
        }
    }
}

/// Every printable ASCII character as a static string, indexed from U+0020.
static ASCII: [&str; 95] = [
    " ", "!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", "-", ".", "/", "0", "1", "2", "3", "4", "5", "6",
    "7", "8", "9", ":", ";", "<", "=", ">", "?", "@", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
    "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "[", "\\", "]", "^", "_", "`", "a", "b", "c", "d",
    "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "{",
    "|", "}", "~",
];

fn is_closing_char(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '”'
            | '’'
            | '，'
            | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '】'
            | '］'
            | '」'
            | '』'
            | '、'
    )
}

impl Rule for FullwidthPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        // Every target is E3 80 xx or EF BC xx / EF BD xx.
        if !(bytes.contains(0xE3) || bytes.contains(0xEF)) {
            return;
        }
        let text = doc.text();
        let mut cjk = cjk_paragraphs(doc);
        // In a document written mostly in CJK, or holding a paragraph that
        // is, a Latin line keeps the document's punctuation (`setterm(1)、
        // stty(1)` in a Japanese manual; `Debian security FAQ。` listed
        // after `更多信息请参阅以下文档：`).
        let mut cjk_document: Option<bool> = None;
        let mut cjk = |at: usize| cjk.has(at) || *cjk_document.get_or_insert_with(|| cjk_document_of(doc));
        let mut hits: Vec<Hit> = PATTERN
            .find_iter(text.as_bytes())
            .map(|m| Hit {
                span: Span::new(m.start(), m.end()),
                ch: text[m.start()..].chars().next().expect("a match is a char"),
                latin: in_latin_text(text, m.start(), m.end()) && !cjk(m.start()),
                paired: false,
            })
            .filter(|h| h.latin || pair_kind(h.ch).is_some())
            .collect();
        pair_brackets(text, &mut hits);
        for h in hits
            .iter()
            .filter(|h| h.latin && (h.paired || pair_kind(h.ch).is_none()))
        {
            out.push(diagnose(text, h));
        }
    }
}

/// How many letters `text` holds, and how many of them are CJK.
fn letters(text: &str) -> (usize, usize) {
    // ASCII letters are counted by byte; only the rest is decoded.
    let mut letters = text.bytes().filter(u8::is_ascii_alphabetic).count();
    let mut cjk = 0usize;
    for c in crate::text::chars::non_ascii(text).filter(|c| c.is_alphabetic()) {
        letters += 1;
        cjk += usize::from(is_cjk_letter(c));
    }
    (letters, cjk)
}

/// Whether a quarter or more of the document's letters are CJK, or of one
/// paragraph's, four or more (a name in Han inside an English paragraph
/// makes no CJK paragraph). One pass over the paragraphs answers both.
fn cjk_document_of(doc: &Document) -> bool {
    let (mut all, mut cjk) = (0, 0);
    for &p in doc.paragraphs() {
        let (l, c) = letters(doc.slice(p));
        if c >= 4 && c * 4 >= l {
            return true;
        }
        (all, cjk) = (all + l, cjk + c);
    }
    cjk * 4 >= all && cjk > 0
}

struct Hit {
    span: Span,
    ch: char,
    /// Latin letters around it and no CJK text near.
    latin: bool,
    /// A bracket whose partner is found and also in Latin text.
    paired: bool,
}

/// Brackets, by the pair they belong to: (pair, opens).
fn pair_kind(c: char) -> Option<(u8, bool)> {
    match c {
        '（' => Some((0, true)),
        '）' => Some((0, false)),
        '【' | '［' => Some((1, true)),
        '】' | '］' => Some((1, false)),
        _ => None,
    }
}

/// Converting one bracket of a pair and not the other would unbalance
/// them, so brackets convert only in pairs on one line, both in Latin text.
fn pair_brackets(text: &str, hits: &mut [Hit]) {
    let mut stack: Vec<usize> = Vec::new();
    let mut last_end = 0;
    for i in 0..hits.len() {
        let span = hits[i].span;
        if memchr::memchr(b'\n', &text.as_bytes()[last_end..span.start]).is_some() {
            stack.clear();
        }
        last_end = span.end;
        let Some((kind, opens)) = pair_kind(hits[i].ch) else {
            continue;
        };
        if opens {
            stack.push(i);
            continue;
        }
        match stack.pop() {
            Some(o) if pair_kind(hits[o].ch).is_some_and(|(k, _)| k == kind) => {
                let both = hits[o].latin && hits[i].latin;
                hits[o].paired = both;
                hits[i].paired = both;
            }
            _ => stack.clear(),
        }
    }
}

fn in_latin_text(text: &str, start: usize, end: usize) -> bool {
    let before = alnum_before(text, start, REACH);
    let after = alnum_after(text, end, REACH);
    let latin = |c: Option<char>| c.is_none_or(is_latin_alnum);
    (before.is_some() || after.is_some())
        && latin(before)
        && latin(after)
        && !cjk_nearby(text, start, end, CJK_REACH)
        && !japanese_notation(text, start, end)
}

/// Marks that Japanese and Chinese notation puts beside Latin words, or
/// that the text names: `A、B、C` and `(Shift)＋(F3)` in a record cut from a
/// Japanese manual (an enumeration comma between single letters, a plus
/// between keys; debris puts them between words, `apples、oranges`), a
/// mark quoted alone (`"periodMark": "。"`), marks inside corner brackets
/// and lenticular brackets that open a line.
fn japanese_notation(text: &str, start: usize, end: usize) -> bool {
    if crate::text::between_quotes(text, Span::new(start, end)) {
        return true;
    }
    // The mark's line, read at most CORNER_REACH bytes each way.
    let (lo, hi) = crate::text::line_reach(text.as_bytes(), start, end, CORNER_REACH);
    let (lo, hi) = (
        crate::span::ceil_char_boundary(text, lo),
        crate::span::floor_char_boundary(text, hi),
    );
    if in_corner_brackets(&text[lo..start], &text[end..hi]) {
        return true;
    }
    let (head, tail) = (text[..start].trim_end_matches(' '), text[end..].trim_start_matches(' '));
    match &text[start..end] {
        "、" => {
            let run_before = head.chars().rev().take_while(|c| c.is_alphanumeric()).take(2).count();
            let run_after = tail.chars().take_while(|c| c.is_alphanumeric()).take(2).count();
            run_before < 2 && run_after < 2
        }
        "＋" => head.ends_with(')') && tail.starts_with('('),
        // `【memo】`, `【Abstract】 This paper…`: lenticular brackets
        // opening a line set off its label, as Chinese and Japanese do.
        "【" | "】" => {
            let line = &text[lo..hi];
            (lo == 0 || text.as_bytes()[lo - 1] == b'\n') && line.trim_start().starts_with('【') && line.contains('】')
        }
        _ => false,
    }
}

/// How far from a mark, on its line, Japanese brackets are looked for.
const CORNER_REACH: usize = 64;

/// `see sidebar 「TOOLS dpkg、APT、ar」`: Japanese corner brackets, open in
/// `head` and closed in `tail`, quote a Japanese title, whose marks are its
/// own even between Latin words.
fn in_corner_brackets(head: &str, tail: &str) -> bool {
    let opened = head
        .rfind(['「', '『'])
        .is_some_and(|i| !head[i..].contains(['」', '』']));
    let closed = tail
        .find(['」', '』'])
        .is_some_and(|i| !tail[..i].contains(['「', '『']));
    opened && closed
}

fn diagnose(text: &str, h: &Hit) -> Diagnostic {
    let (start, end) = (h.span.start, h.span.end);
    let (ascii, role) = ascii_of(h.ch);
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let digits_around = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    let mut content = String::with_capacity(ascii.len() + 2);
    if role == Role::Opening && prev.is_some_and(|p| is_latin_alnum(p) || is_closing_char(p)) {
        content.push(' ');
    }
    content.push_str(ascii);
    if role == Role::Closing
        && !(digits_around && matches!(ascii, "," | "." | ":"))
        && next.is_some_and(|n| is_latin_alnum(n) || matches!(n, '“' | '‘' | '('))
    {
        content.push(' ');
    }
    Diagnostic::new(&META, h.span, format!("full-width `{}` in Latin text", h.ch)).with_fix(Fix::safe_edit(
        format!("use `{}`", content.trim()),
        Edit::replace(h.span, content),
    ))
}

#[cfg(test)]
mod tests {
    use crate::FixMode;

    fn fix(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn never_touches_cjk_text() {
        let text = "中文，中文。「引用」【注】";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn adds_a_space_after_a_comma_before_a_word() {
        assert_eq!(fix("word，word"), "word, word");
    }

    #[test]
    fn keeps_an_existing_space() {
        assert_eq!(fix("word， word"), "word, word");
    }

    #[test]
    fn leaves_corner_quotes_as_the_quotation_style_they_are() {
        let text = "He said “yes” and 「no」 today, then 『maybe』.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn converts_a_full_stop_at_the_end_of_a_line() {
        assert_eq!(fix("in the next three years。\n"), "in the next three years.\n");
    }

    #[test]
    fn leaves_a_bracket_without_its_partner_alone() {
        let text = "a European partner（the name was not disclosed. It grew.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn leaves_a_pair_alone_when_one_side_touches_cjk_text() {
        let text = "the partner（Acme）公司";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn stays_linear_on_many_unpaired_brackets() {
        let text = "word（".repeat(100_000);
        let doc = crate::Document::new(&text);
        let mut out = Vec::new();
        crate::Rule::check(&super::FullwidthPunctuation, &doc, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn waits_for_full_width_letters_to_be_converted_first() {
        let text = "vehicles（ＥＶｓ），saying";
        assert_eq!(fix(text), text);
    }
}
