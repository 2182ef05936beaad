use crate::prelude::*;

pub struct ControlCharacter;

static META: RuleMeta = RuleMeta {
    code: "U005",
    name: "control-character",
    family: Family::Unicode,
    summary: "ASCII control characters other than tab, line feed and carriage return",
    docs: "\
Flags C0 control characters (U+0000–U+001F except tab, line feed and
carriage return) and DEL U+007F: `A ministry\\u{1A} official`, a form feed
between pages, a NUL from a broken export, ANSI colour codes
(`\\u{1B}[31m`).

They have no place in article text: they are invisible or render as boxes,
and many tools choke on them.

Left alone: tab, line feed and carriage return (line endings are another
matter), and the C1 controls U+0080–U+009F: those are nearly always
Windows-1252 punctuation read as Latin-1 (U+0092 for `’`), which the
`mojibake` rule repairs to the character meant.

Fix (safe): remove them. A vertical tab or form feed standing alone between
two visible characters becomes a space (Word writes a manual line break as
a vertical tab), so the words on either side stay apart. An ANSI escape
sequence is removed whole; its final letter is part of the code, not a
word, which is why the rule declares that it rewrites letters. Backspaces
that underline (`_⌫t`) or embolden (`t⌫t`) go with the underscore or the
first copy; one that strikes a mark onto a letter (`'⌫u` for `ú`) is
reported without a fix.",
    fix: FixAvailability::Safe,
    rewrites_letters: true,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "A ministry\u{1A} official said the bell\u{7} rang.",
            output: "A ministry official said the bell rang.",
        },
        Fixture {
            input: "First line\u{B}second line, page one\u{C}page two.",
            output: "First line second line, page one page two.",
        },
        Fixture {
            input: "Status: \u{1B}[1;31mFAILED\u{1B}[0m today.",
            output: "Status: FAILED today.",
        },
    ],
    keeps: &["Tabs\tand\r\nline endings\nstay, and so does \u{92} for mojibake."],
};

fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F
}

impl Rule for ControlCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !(0u8..0x20)
            .chain([0x7F])
            .any(|b| is_control(b) && doc.bytes().contains(b))
        {
            return;
        }
        let text = doc.text();
        let b = text.as_bytes();
        let mut i = 0;
        while let Some(start) = next_below_space_or_del(b, i) {
            if !is_control(b[start]) {
                i = start + 1; // tab, line feed, carriage return
                continue;
            }
            i = start;
            let mut only_breaks = true;
            while i < b.len() {
                if b[i] == 0x1B && b.get(i + 1) == Some(&b'[') {
                    i = csi_end(b, i);
                    only_breaks = false;
                } else if b[i] == 0x03 {
                    i = colour_end(b, i);
                    only_breaks = false;
                } else if is_control(b[i]) {
                    only_breaks &= matches!(b[i], 0x0B | 0x0C);
                    i += 1;
                } else {
                    break;
                }
            }
            let span = Span::new(start, i);
            if b[start..i].iter().all(|&c| c == 0x08) && push_overstrike(text, span, out) {
                continue;
            }
            let prev = text[..start].chars().next_back();
            let next = text[i..].chars().next();
            let between_words = prev.is_some_and(|c| !c.is_whitespace()) && next.is_some_and(|c| !c.is_whitespace());
            let with = if only_breaks && between_words { " " } else { "" };
            let first = b[start];
            let what = if first == 0x1B && b.get(start + 1) == Some(&b'[') {
                "ANSI escape sequence".to_string()
            } else if first == 0x03 && i > start + 1 && b[start + 1].is_ascii_digit() {
                "IRC colour code".to_string()
            } else {
                format!("control character U+{first:04X}")
            };
            out.push(Diagnostic::new(&META, span, what).with_fix(Fix::safe_edit(
                if with.is_empty() {
                    "remove it"
                } else {
                    "replace it with a space"
                },
                Edit::replace(span, with),
            )));
        }
    }
}

/// Backspaces that strike one character over another, as `nroff` and old
/// terminals underline (`_⌫t`) and embolden (`t⌫t`): removing only the
/// backspaces would leave the underscores and doubled letters in the text.
/// Those two are undone whole, keeping the letter printed last; an accent
/// struck onto a letter (`'⌫u` for `ú`) is reported without a fix, since
/// no deletion gives the letter meant. False when the backspaces strike
/// nothing visible: they are then stray, and go like any control.
fn push_overstrike(text: &str, span: Span, out: &mut Vec<Diagnostic>) -> bool {
    let n = span.end - span.start;
    let struck: Vec<char> = text[..span.start].chars().rev().take(n).collect();
    let over: Vec<char> = text[span.end..].chars().take(n).collect();
    let visible = |c: &char| !c.is_whitespace() && !c.is_control();
    if struck.len() < n || over.len() < n || !struck.iter().chain(&over).all(visible) {
        return false;
    }
    // `struck` runs backwards from the backspaces, `over` forwards.
    let pairs = || struck.iter().rev().zip(&over);
    let diag = Diagnostic::new(&META, span, "backspace overstrike");
    if pairs().all(|(&x, &y)| x == '_' || x == y) {
        let from = span.start - struck.iter().map(|c| c.len_utf8()).sum::<usize>();
        out.push(diag.with_fix(Fix::safe_edit(
            "keep the character printed last",
            Edit::delete(Span::new(from, span.end)),
        )));
        return true;
    }
    if pairs().any(|(&x, &y)| matches!(x, '\'' | '`' | '^' | '~' | '"' | ',' | '´') && y.is_alphabetic()) {
        out.push(diag);
        return true;
    }
    false
}

/// The first byte at or after `i` below 0x20 or equal to 0x7F, eight bytes
/// at a time: a text has a line feed every line but rarely anything else.
fn next_below_space_or_del(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= b.len() {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        // The lowest flagged byte of each test is exact; borrows only run upward.
        let below = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let del = x ^ (ONES * 0x7F);
        let del = del.wrapping_sub(ONES) & !del & HIGH;
        let hits = below | del;
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..b.len()).find(|&j| b[j] < 0x20 || b[j] == 0x7F)
}

/// The end of the IRC colour code starting at `at`: U+0003, then a colour
/// of one or two digits and a background after a comma (`\x038,1`). Its
/// digits are the code's, not the text's: leaving them leaves `8,1 hi`.
fn colour_end(b: &[u8], at: usize) -> usize {
    let digits = |from: usize| b[from..].iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    let mut i = at + 1;
    let fg = digits(i);
    i += fg;
    if fg > 0 && b.get(i) == Some(&b',') && digits(i + 1) > 0 {
        i += 1 + digits(i + 1);
    }
    i
}

/// The end of the ANSI control sequence starting at `at` (`ESC [ params final`).
fn csi_end(b: &[u8], at: usize) -> usize {
    let mut i = at + 2;
    while i < b.len() && matches!(b[i], b'0'..=b'?') {
        i += 1;
    }
    while i < b.len() && matches!(b[i], b' '..=b'/') {
        i += 1;
    }
    if i < b.len() && matches!(b[i], b'@'..=b'~') {
        i + 1
    } else {
        at + 1
    }
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
    fn removes_an_irc_colour_code_with_its_digits() {
        // The gap left is repeated-spaces' to close.
        assert_eq!(fix("<nick> \u{3}8,1 come to #chan"), "<nick>  come to #chan");
        assert_eq!(fix("<nick> \u{3}4red\u{3} text"), "<nick> red text");
        assert_eq!(fix("a\u{3}, then 12 more"), "a, then 12 more");
    }

    #[test]
    fn removes_a_form_feed_on_its_own_line() {
        assert_eq!(fix("Page one.\n\u{C}\nPage two."), "Page one.\n\nPage two.");
    }

    #[test]
    fn removes_a_lone_escape_that_starts_no_sequence() {
        assert_eq!(fix("a\u{1B}b"), "ab");
    }

    #[test]
    fn finds_the_first_control_byte_in_any_position() {
        for n in 0..20 {
            let mut text = "a".repeat(n);
            text.push('\u{7F}');
            text.push('\u{1}');
            assert_eq!(super::next_below_space_or_del(text.as_bytes(), 0), Some(n));
        }
        assert_eq!(super::next_below_space_or_del("é€ abc".as_bytes(), 0), None);
    }

    #[test]
    fn undoes_underlining_and_emboldening_by_backspace() {
        assert_eq!(fix("an _\u{8}i_\u{8}s word and b\u{8}bold"), "an is word and bold");
        assert_eq!(fix("*_____\u{8}\u{8}\u{8}\u{8}\u{8}never*"), "*never*");
    }

    #[test]
    fn leaves_an_overstrike_that_makes_a_letter() {
        let text = "Tin'\u{8}uviel";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn removes_a_stray_backspace_like_any_control() {
        assert_eq!(
            fix("high-temperature\u{8} tests, e\u{8}t"),
            "high-temperature tests, et"
        );
    }

    #[test]
    fn removes_nul_bytes() {
        assert_eq!(fix("a\0b\0"), "ab");
    }
}
