use crate::prelude::*;

use super::helpers;

pub struct UnbalancedBracket;

static META: RuleMeta = RuleMeta {
    code: "Q005",
    name: "unbalanced-bracket",
    family: Family::Quotes,
    summary: "A parenthesis or square bracket with no partner in its paragraph",
    docs: "\
Flags `(` and `[` that are never closed in their paragraph, and `)` and `]`
that close nothing: `Northlight (which launched in 2019 says`, `in 14
countries [including Australia.`, `the results) were`.

Machine translation reorders clauses and loses one half of a parenthetical;
scrapers cut a paragraph in the middle of one.

Pairing runs per paragraph (and per line, in text with one paragraph per
line), with `(` and `[` sharing one stack so `[0, 1)` counts as closed.
Brackets side by side (`)))`) are one finding.
Left alone: list markers (`a)`, `б)`, `1)`, `iv)`, `2º)`, German law's `aa)`), keys pressed with a
modifier (`Control+]`, `Ctrl-[`, `Strg + ]`) or in caret notation (`^]`), emoticons (`:)`, `;-)`,
`:(`, `(:`, `:)))`, `:'-)`, `;~)`, `:_)`, `8-)`, `:))` and `;]]]` with no bracket open before them on
their line, and the Russian smile of brackets after a word,
`спасибо)))`, and Korean faces `^^)` and ` --)` with no bracket open on
their line), the prefix a mail reader puts before each quoted line (`>
)`, `--]` opening two lines), brackets inside URLs and code spans
(`…/Foo_(bar)`), and a
bracket opened at the end of one paragraph and closed at the start of the
next.

Fix (unsafe): remove a closing bracket that closes nothing. Which words it
was meant to enclose is a guess. A closer in a paragraph's first sentence
is only reported: a record cut from a longer text may start inside a
parenthesis (`D-New York] or somebody`). So is a closer right after a
sentence's final mark (`…at night,\" Priebus said.) While`): a parenthesis
of whole sentences may have opened before the paragraph. An opening
bracket that is never closed is only reported: where it should close
cannot be known.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: "Northlight (which launched in 2019 says it has 6.5 million subscribers.",
            output: "Northlight (which launched in 2019 says it has 6.5 million subscribers.",
        },
        Fixture {
            input: "The board met on Monday. The results) were better than expected.",
            output: "The board met on Monday. The results were better than expected.",
        },
        Fixture {
            input: "The board met on 2018-) Monday and read pages 7-8-) first.",
            output: "The board met on 2018-) Monday and read pages 7-8-) first.",
        },
        Fixture {
            input: "It was fine. The board (and the chair :)) met) today.",
            output: "It was fine. The board (and the chair :)) met today.",
        },
        Fixture {
            input: "D-New York] or somebody like that, he said.",
            output: "D-New York] or somebody like that, he said.",
        },
        Fixture {
            input: "The board met. He was up at six, Priebus said.) While Bannon slept, he worked.",
            output: "The board met. He was up at six, Priebus said.) While Bannon slept, he worked.",
        },
        Fixture {
            input: "It sold in 14 countries [including Australia.",
            output: "It sold in 14 countries [including Australia.",
        },
    ],
    keeps: &[
        "이글루에서만요.. --) 그래도 괜찮아요 ^^) 정말로.",
        "It was set. The sequence ESC ) B switches the second table back. Patterns such as *.Z) and *.gz) pick the tool.",
        "It was fine.\n\nThe vacuum is lovely :)) and cheap. Escape character is '^]'. So sad :((",
        "The firm makes large language models (LLMs) and [sic] more.",
        "Choose a) cost, b) speed or iv) both.\n1) First\n2) Second",
        "Nice work :) and thanks ;-) or :( and (:",
        "Cells grew in the medium (ESC) for two days (95% CI=[0.03; 0.10] in BG); see courtname:(United States).",
        "It recovered in 3 substages: 5A) the membrane; 5B) the zone; and 12c) the rest.",
        "Set the rights explicitly (with =), or compare them (with == or !=), as equality (==) does; parents=[] is empty.",
        "* حذف الحركات:( كل الحركات، حذف الشدة)",
        "For example, type \")\" to display \"1)\" in the cell.",
        "Wir sehen uns morgen. 8-) Bis dann ;~) und :'-) oder :-] und :_)",
        "Si no borra res, 2º) tanqui la finestra, o 1ª) reiniciï.",
        "P.S. Эта сказка посвящается острову Родос :))) и спасибо)))",
        "Jane wrote:\n> ) Since last night I get odd results from the checker.\n> ) It is set up like this.\n\nUpgrade the client.",
        "Somebody said so.\n--]I think the licence is not as strict as they claim and\n--]nobody has read it.\n\nI agree.",
        "Leave telnet with the Control+] key combination, or press Strg + ] here and Ctrl-[ there.",
        "See https://en.wikipedia.org/wiki/Mercury_(planet) for more.",
        "An interval [0, 1) is half open.",
        "Kaomoji: ¯\\_(ツ)_/¯ and (╯°□°)╯︵ ┻━┻",
        "The plan (which ran\nto 2030) was approved.",
        "You can apply (=push), remove (=pop) and refresh patches.",
        "Способ зависит от: а) системы; б) ядра; в) udev.",
    ],
};

#[derive(Clone, Copy)]
struct Bracket {
    at: usize,
    open: bool,
}

/// Brackets side by side, `)))` or `[((`: reported as one finding, so a
/// text of nothing but brackets costs a diagnostic per run, not per mark.
#[derive(Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
}

impl Run {
    fn span(self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Add the bracket at `at` to the last run if it touches it.
fn extend(runs: &mut Vec<Run>, at: usize) {
    match runs.last_mut() {
        Some(r) if r.end == at => r.end = at + 1,
        _ => runs.push(Run { start: at, end: at + 1 }),
    }
}

struct Result {
    index: usize,
    orphans: Vec<Run>,
    unclosed: Vec<Run>,
    first: Option<usize>,
}

impl Rule for UnbalancedBracket {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b"()[]") {
            return;
        }
        let text = doc.text();
        // `(`, `)` and `[` in one memchr pass, `]` in another, merged in order.
        let mut rounds = memchr::memchr3_iter(b'(', b')', b'[', text.as_bytes()).peekable();
        let mut squares = memchr::memchr_iter(b']', text.as_bytes()).peekable();
        let mut found = std::iter::from_fn(move || match (rounds.peek(), squares.peek()) {
            (Some(&a), Some(&b)) if b < a => squares.next(),
            (Some(_), _) => rounds.next(),
            (None, _) => squares.next(),
        })
        .peekable();
        let mut results: Vec<Result> = Vec::new();
        let mut brackets: Vec<Bracket> = Vec::new();
        for (index, seg) in helpers::segments(doc).into_iter().enumerate() {
            brackets.clear();
            while let Some(at) = found.next_if(|&at| at < seg.end) {
                if at >= seg.start
                    && !emoticon(text, at)
                    && !pressed_key(text, at)
                    && !quote_prefix(text, at)
                    && !quoted_token(text.as_bytes(), at)
                {
                    let open = matches!(text.as_bytes()[at], b'(' | b'[');
                    brackets.push(Bracket { at, open });
                }
            }
            if brackets.is_empty() {
                continue;
            }
            let (mut orphans, mut unclosed) = pair(text, &brackets);
            let balanced = orphans.is_empty() && unclosed.is_empty();
            if !balanced && !doc.protected().is_empty() {
                let prot = doc.protected();
                brackets.retain(|b| !inside(prot, b.at));
                (orphans, unclosed) = pair(text, &brackets);
                // `…/Mercury_(planet)`: the URL pattern stops before the `)`.
                orphans.retain(|r| !closes_url(text, prot, r.start));
            }
            if orphans.is_empty() && unclosed.is_empty() {
                continue;
            }
            results.push(Result {
                index,
                orphans,
                unclosed,
                first: brackets.first().map(|b| b.at),
            });
        }
        let mut pending: Option<(usize, Vec<Run>)> = None;
        // Where the first sentence of the paragraph at hand ends, found once
        // per paragraph: a run of orphans must not rescan it each.
        let mut first_sentence: Option<(Span, usize)> = None;
        for r in &mut results {
            if let Some((index, open)) = pending.take() {
                let split = index + 1 == r.index && r.orphans.first().is_some_and(|o| Some(o.start) == r.first);
                if split {
                    r.orphans[0].start += 1;
                    if r.orphans[0].start == r.orphans[0].end {
                        r.orphans.remove(0);
                    }
                } else {
                    report_unclosed(&open, out);
                }
            }
            for &o in &r.orphans {
                let d = Diagnostic::new(
                    &META,
                    o.span(),
                    format!("`{}` closes nothing in its paragraph", o.span().slice(text)),
                );
                // A record cut from a longer text may start inside a
                // parenthesis: a closer in its first sentence is only reported.
                let para = doc.paragraph_at(o.start).unwrap_or(Span::new(0, text.len()));
                let ends = match first_sentence {
                    Some((p, end)) if p == para => end,
                    _ => {
                        let end = first_sentence_end(text, para);
                        first_sentence = Some((para, end));
                        end
                    }
                };
                out.push(if o.start < ends || closes_sentences(text, o.start) {
                    d
                } else {
                    let del = helpers::removal(text, o.span());
                    d.with_fix(Fix::unsafe_edit("remove the stray bracket", Edit::delete(del)))
                });
            }
            if !r.unclosed.is_empty() {
                pending = Some((r.index, std::mem::take(&mut r.unclosed)));
            }
        }
        if let Some((_, open)) = pending {
            report_unclosed(&open, out);
        }
    }
}

/// Where the first sentence of `para` ends: just past its first `.`, `!`,
/// `?` or `"` before a space, or the paragraph's end.
fn first_sentence_end(text: &str, para: Span) -> usize {
    text.as_bytes()[para.start..para.end]
        .windows(2)
        .position(|w| matches!(w[0], b'.' | b'!' | b'?' | b'"') && w[1].is_ascii_whitespace())
        .map_or(para.end, |i| para.start + i + 1)
}

/// True when the closer at `at` follows a sentence's final mark, past any
/// closing quotes: `said.)`, `over?")`.
fn closes_sentences(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['.', '!', '?'])
}

fn report_unclosed(open: &[Run], out: &mut Vec<Diagnostic>) {
    for r in open {
        out.push(Diagnostic::new(
            &META,
            r.span(),
            "bracket is never closed in its paragraph",
        ));
    }
}

/// Pair the brackets: the closers that close nothing, and the openers never
/// closed, each as runs. The stack of openers is kept as runs too, so a run
/// of a hundred thousand `(` is one entry.
fn pair(text: &str, brackets: &[Bracket]) -> (Vec<Run>, Vec<Run>) {
    let mut stack: Vec<Run> = Vec::new();
    let mut orphans = Vec::new();
    for &b in brackets {
        if b.open {
            extend(&mut stack, b.at);
        } else if let Some(top) = stack.last_mut() {
            top.end -= 1;
            if top.start == top.end {
                stack.pop();
            }
        } else if !list_marker(text, b.at) {
            extend(&mut orphans, b.at);
        }
    }
    (orphans, stack)
}

fn inside(prot: &[Span], at: usize) -> bool {
    let i = prot.partition_point(|p| p.end <= at);
    prot.get(i).is_some_and(|p| p.start <= at)
}

fn closes_url(text: &str, prot: &[Span], at: usize) -> bool {
    let i = prot.partition_point(|p| p.end < at);
    prot.get(i)
        .is_some_and(|p| p.end == at && p.slice(text).contains(['(', '[']))
}

/// `:)`, `;-)`, `:(`, `=]`, `(:`, `(-:`: faces, not brackets.
pub(super) fn emoticon(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    // `:)))`, `Родос)))`: a smile's mouth repeated; Russian writes the
    // mouth alone after a word. Two after eyes may be a face and a closer
    // (`(… :-))`); three are a face. Bounded: a face has a few mouths, and
    // a long run of brackets stays linear.
    // So `:))` with no bracket open before it on its line, `;]]]`, `:((`.
    if matches!(b[at], b')' | b']' | b'(') {
        let mouth = b[at];
        let first = at - b[..at].iter().rev().take(8).take_while(|&&c| c == mouth).count();
        let run = at + b[at..].iter().take(8).take_while(|&&c| c == mouth).count() - first;
        let bare = mouth == b')'
            && text[..first]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, 'А'..='я' | 'ё' | 'Ё'));
        let opener = match mouth {
            b')' => Some(b'('),
            b']' => Some(b'['),
            _ => None,
        };
        let open_before = opener.is_some_and(|o| open_on_line(b, first, o));
        if (bare && run >= 2) || (run >= 2 && first != at && face(text, first) && (run >= 3 || !open_before)) {
            return true;
        }
    }
    face(text, at)
}

/// Whether the opener at `at` is closed on its line, within 200 bytes: the
/// next bracket of its kind is a closer that is no face's mouth.
fn closed_on_line(b: &[u8], at: usize) -> bool {
    let (open, close) = if b[at] == b'(' { (b'(', b')') } else { (b'[', b']') };
    let tail = &b[at + 1..(at + 201).min(b.len())];
    let tail = &tail[..memchr::memchr(b'\n', tail).unwrap_or(tail.len())];
    // An empty pair (`parents=[]`) is no bracket opened after eyes.
    tail.iter()
        .position(|&c| c == open || c == close)
        .is_some_and(|i| tail[i] == close && i > 0 && !matches!(tail[i - 1], b':' | b';' | b'=' | b'-'))
}

/// Whether the bracket `open` stands before `at` on its line, within 200 bytes.
fn open_on_line(b: &[u8], at: usize, open: u8) -> bool {
    let head = &b[at.saturating_sub(200)..at];
    head[head.iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1)..].contains(&open)
}

/// The mark at `at` is part of a face of one mouth: `:)`, `;-(`, `(:`,
/// `:'-)`, `;~)`, `8-)`, `:-]`.
fn face(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let eye = |c: u8| matches!(c, b':' | b';' | b'=');
    let nose = |c: u8| matches!(c, b'-' | b'\'' | b'^' | b'o' | b'~' | b'_');
    let before = |n: usize| at.checked_sub(n).map(|i| b[i]);
    let after = |n: usize| b.get(at + n).copied();
    match b[at] {
        // `courtname:(United…)`, `CI=[0.03; 0.10]`, `الحركات:( كل …)`: eyes
        // before an opener that a closer ends on its line open a bracket.
        // A face stands apart: after a space, before one.
        b'(' | b'[' if before(1).is_some_and(eye) => {
            let glued = after(1).is_some_and(|c| !c.is_ascii_whitespace())
                || before(2).is_some_and(|c| !c.is_ascii_whitespace());
            !(glued && closed_on_line(b, at))
        }
        // `(with =)`, `(such as == or !=)`: an operator named inside
        // brackets open on its line, then their closer.
        b')' if before(1) == Some(b'=')
            && before(2).is_some_and(|c| c == b' ' || b"!<>:+-=".contains(&c))
            && open_on_line(b, at, b'(') =>
        {
            false
        }
        b')' | b']' if before(1).is_some_and(eye) => true,
        // `parents=[]`: the closer of an empty pair after eyes goes with its opener.
        b')' | b']' if before(1) == Some(if b[at] == b')' { b'(' } else { b'[' }) && before(2).is_some_and(eye) => true,
        b')' | b'(' | b']' | b'['
            if before(1).is_some_and(nose)
                && (before(2).is_some_and(eye)
                    // a tear and a nose: `:'-)`
                    || (before(2).is_some_and(nose) && before(3).is_some_and(eye))
                    // sunglasses, `8-)`, not a range's end (`pages 7-8-)`)
                    || (before(1) == Some(b'-')
                        && before(2) == Some(b'8')
                        && before(3).is_none_or(|c| c.is_ascii_whitespace()))) =>
        {
            true
        }
        // `^^)`, and `--)` after a space, with no bracket open on their
        // line: eyes and a mouth, as Korean writes a face (`(^^)` and
        // `(…종종^^)` close their bracket).
        b')' if ((before(1) == Some(b'^') && before(2) == Some(b'^'))
            || (before(1) == Some(b'-')
                && before(2) == Some(b'-')
                && before(3).is_none_or(|c| c.is_ascii_whitespace())))
            && !open_on_line(b, at, b'(') =>
        {
            true
        }
        // `: )` standing alone
        b')' if before(1) == Some(b' ')
            && before(2).is_some_and(eye)
            && after(1).is_none_or(|c| c.is_ascii_whitespace()) =>
        {
            true
        }
        // `(==)`, `(== and !=)`: an operator in brackets, no face.
        b'(' if after(1) == Some(b'=') && after(2) == Some(b'=') => false,
        // `(=push)` and `(= timestamp)` open a bracket: a word follows no face.
        b'(' if after(1).is_some_and(eye) => {
            after(2).is_none_or(|c| !c.is_ascii_alphanumeric())
                && !(after(2) == Some(b' ') && after(3).is_some_and(|c| c.is_ascii_alphanumeric()))
        }
        b'(' => after(1) == Some(b'-') && after(2).is_some_and(eye),
        _ => false,
    }
}

/// `Control+]`, `Ctrl-[`, `Strg + ]`: a bracket pressed with a modifier is
/// a key, and pairs with nothing.
fn pressed_key(text: &str, at: usize) -> bool {
    // `'^]'`, `^[`: a control key in caret notation (telnet's escape),
    // a token of its own; `^(` and `^[a-z]` open a regex's group.
    let b = text.as_bytes();
    if matches!(b[at], b']' | b'[')
        && text[..at].ends_with('^')
        && (at < 2 || matches!(b[at - 2], b' ' | b'\'' | b'"' | b'\n'))
        && b.get(at + 1)
            .is_none_or(|&c| matches!(c, b' ' | b'\'' | b'"' | b'.' | b',' | b')' | b'\n'))
    {
        return true;
    }
    let head = text[..at].trim_end_matches(' ');
    // `ESC ) B`: a terminal's escape sequence, spelled; `*.Z)`, a shell
    // case's pattern.
    let pattern = crate::text::last_token(&text[..at], 64);
    // `(ESC)` is a word in brackets: the sequence's `ESC` stands alone.
    let escape = head
        .strip_suffix("ESC")
        .is_some_and(|h| !h.ends_with(|c: char| c.is_alphanumeric() || c == '('));
    if (b[at] != b'[' && escape) || (b[at] == b')' && pattern.starts_with('*') && !open_on_line(b, at, b'(')) {
        return true;
    }
    let Some(head) = head.strip_suffix(['+', '-']) else {
        return false;
    };
    let word = crate::text::trailing_letters(head.trim_end_matches(' '));
    crate::lexicon::KEY_MODIFIERS.contains(word)
}

/// `type ")" to display "1)"`: a bracket inside a short quoted token is
/// a character shown, and pairs with nothing.
fn quoted_token(b: &[u8], at: usize) -> bool {
    // Letters and digits only: `"?("Welcome` opens a quotation after one.
    let edge = |c: &&u8| !c.is_ascii_alphanumeric();
    let quote = |c: &u8| *c == b'"';
    let opened = b[at.saturating_sub(12)..at].iter().rev().find(edge).is_some_and(quote);
    let closed = b[at + 1..(at + 13).min(b.len())].iter().find(edge).is_some_and(quote);
    opened && closed
}

/// A closing bracket in the prefix a mail reader puts before each quoted
/// line (`> ) Since last night…`, `--]I think…`): only `>`, `-`, `|` and
/// spaces before it on its line, and the line above or below opening with
/// the same prefix.
fn quote_prefix(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    if !matches!(b[at], b')' | b']') || b.get(at + 1).is_some_and(|c| b"()[]".contains(c)) {
        return false;
    }
    // Only prefix marks back to the line's start, and a mail reader's
    // prefix is short: a long line of marks is read once, not per bracket.
    let marks = b[at.saturating_sub(24)..at]
        .iter()
        .rev()
        .take_while(|&&c| matches!(c, b'>' | b'-' | b'|' | b' '))
        .count();
    let start = at - marks;
    if start > 0 && b[start - 1] != b'\n' {
        return false;
    }
    let prefix = &b[start..=at];
    let line_at = |s: usize| &b[s..memchr::memchr(b'\n', &b[s..]).map_or(b.len(), |i| s + i)];
    let above = (start > 0).then(|| {
        let end = start - 1;
        let s = memchr::memrchr(b'\n', &b[..end]).map_or(0, |i| i + 1);
        &b[s..end]
    });
    let below = memchr::memchr(b'\n', &b[at..]).map(|i| line_at(at + i + 1));
    [above, below]
        .into_iter()
        .flatten()
        .any(|l| l.trim_ascii_end().starts_with(prefix.trim_ascii_end()))
}

/// `a)`, `б)`, `1)`, `iv)` starting a list item, at a line start or after a space.
fn list_marker(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let start = head
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    // `2º)`, `1ª)`: an ordinal numbers the item in Spanish, Catalan and Portuguese.
    let token = match head[start..].strip_suffix(['º', 'ª']) {
        Some(number) if !number.is_empty() && number.bytes().all(|c| c.is_ascii_digit()) => number,
        _ => &head[start..],
    };
    let boundary = head[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    let short = match token.chars().count() {
        1 => true,
        // `12)`, and `aa)`, `bb)`: German law's second level of a list.
        // `5A)`, `12b)`: a step's number and its part.
        2 | 3
            if token.bytes().last().is_some_and(|c| c.is_ascii_alphabetic())
                && token[..token.len() - 1].bytes().all(|c| c.is_ascii_digit()) =>
        {
            true
        }
        2 => {
            token.bytes().all(|c| c.is_ascii_digit()) || {
                let mut c = token.chars();
                matches!((c.next(), c.next()), (Some(a), Some(b)) if a == b && a.is_lowercase())
            }
        }
        _ => false,
    };
    let roman = matches!(
        token.to_ascii_lowercase().as_str(),
        "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" | "xi" | "xii"
    );
    boundary && (short || roman)
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    fn count(text: &str) -> usize {
        linter().check(text).len()
    }

    #[test]
    fn keeps_a_parenthetical_split_across_paragraphs() {
        assert_eq!(count("The plan (which ran\n\nto 2030) was approved."), 0);
    }

    #[test]
    fn keeps_balanced_lines_in_one_paragraph_per_line_text() {
        assert_eq!(
            count("Temperatures reached 41 °C (106 °F).\nSection § 4(b) covers it."),
            0
        );
    }

    #[test]
    fn flags_each_line_on_its_own_when_lines_end_sentences() {
        assert_eq!(count("It rose (sharply.\nThe end.\nThen it fell) again."), 2);
        assert_eq!(count("It rose (sharply.\nThen it fell) again."), 0);
    }

    #[test]
    fn removes_a_stray_closing_bracket_between_spaces() {
        let fixed = linter()
            .fix("It was Monday. The results ] were in.", FixMode::Unsafe)
            .unwrap();
        assert_eq!(fixed.text, "It was Monday. The results were in.");
    }

    #[test]
    fn only_reports_a_closer_that_may_close_what_opened_before_the_paragraph() {
        let text = "Priebus said.) While Priebus called Bannon loyal, he left.";
        assert_eq!(count(text), 1);
        assert_eq!(linter().fix(text, FixMode::Unsafe).unwrap().text, text);
    }

    #[test]
    fn keeps_list_markers_but_not_closers_after_longer_words() {
        assert_eq!(count("Pick a) or b)."), 0);
        assert_eq!(
            count("Es gilt:\naa) Der Kläger ist Urheber.\nbb) Das Recht ist verletzt."),
            0
        );
        assert_eq!(count("It starts at the upload (= timestamp) of the analysis."), 0);
        assert_eq!(count("They said AI) was the future."), 1);
    }

    #[test]
    fn reports_a_run_of_brackets_once() {
        assert_eq!(count(&"(".repeat(100_000)), 1);
        assert_eq!(count("It was Monday. The results ))) were in, (( and [( so."), 3);
        let fixed = linter()
            .fix("It was Monday. The results ))) were in.", FixMode::Unsafe)
            .unwrap();
        assert_eq!(fixed.text, "It was Monday. The results were in.");
    }
}
