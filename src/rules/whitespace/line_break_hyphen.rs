use std::cell::OnceCell;

use rustc_hash::FxHashSet;

use crate::lexicon::{COMPOUND_FIRST, WORD_ENDINGS};
use crate::prelude::*;
use crate::text::trailing_letters;

pub struct LineBreakHyphen;

static META: RuleMeta = RuleMeta {
    code: "W009",
    name: "line-break-hyphen",
    family: Family::Whitespace,
    summary: "A word hyphenated across a line break inside a paragraph: `recom-\\nmend`",
    docs: "\
Flags a word broken with a hyphen at the end of a line, with its second
part on the next line of the same paragraph: `the plan would recom-\\nmend
new bus lanes`. Text copied from a PDF, a typeset page or a fixed-width
e-mail keeps the hyphenation of its old line breaks, which breaks search
and word counts.

The fix decides between two repairs, and only where the evidence is
clear:

- join the parts (`recommend`) when the text writes the joined word
  elsewhere, or, in English, when the second part is an ending that is
  not a word of its own (`-tion`, `-ment`, `-cantly`, …);
- keep the hyphen and remove only the line break (`well-known`) when the
  text writes the hyphenated word elsewhere, or, in English, when the first
  part is one that forms compounds (`well-`, `self-`, `non-`, `long-`, a
  number, …), or the word already holds a hyphen (`state-of-the-\\nart`).

Otherwise it reports the break without a fix: which of `co-\\noperate` and
`cooperate` was meant takes a dictionary.

Left alone: a dash set off by spaces (`and -\\nas`), a hyphen before a
capital or a digit, a hyphen at the end of a paragraph.

Fix (unsafe): join the word, or remove the line break after the hyphen.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    // The joined or hyphenated word may be written in another paragraph.
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "The council said the plan would recom-\nmend new bus lanes, and a well-\nknown cycle route, with the informa-\ntion it had.",
            output: "The council said the plan would recom-\nmend new bus lanes, and a well-known cycle route, with the information it had.",
        },
        Fixture {
            input: "Officials will recom-\nmend a change. They recommend it every year.",
            output: "Officials will recommend a change. They recommend it every year.",
        },
        Fixture {
            input: "The state-of-the-\nart lab opened. The decision-\nmaking was slow, they said of the decision-making.",
            output: "The state-of-the-art lab opened. The decision-making was slow, they said of the decision-making.",
        },
    ],
    keeps: &[
        "The plan was cheap -\nand fast.",
        "It runs from 1990-\n2000 in the Franco-\nGerman archive.",
        "The word ends in a hyphen-\n\nand this is a new paragraph.",
        "A list:\n- first\n- second",
    ],
};

impl Rule for LineBreakHyphen {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(b'-') || !doc.bytes().contains(b'\n') {
            return;
        }
        let text = doc.text();
        let lines = doc.lines();
        // Every word of the text, hyphenated ones whole, gathered once at the
        // first broken word: searching the text for each would be quadratic.
        let written: OnceCell<FxHashSet<&str>> = OnceCell::new();
        let written = |word: &str| written.get_or_init(|| tokens(text)).contains(word);
        for pair in lines.windows(2) {
            let (line, next) = (pair[0].slice(text), pair[1].slice(text));
            let Some(stem) = broken_stem(line) else {
                continue;
            };
            let second_len = next.len() - next.trim_start_matches(char::is_alphabetic).len();
            if second_len == 0 || !next.starts_with(char::is_lowercase) {
                continue;
            }
            let first = trailing_letters(stem);
            let second = &next[..second_len];
            let hyphen = pair[0].start + stem.len();
            let span = Span::new(hyphen, pair[1].start + second_len);
            let english = doc.language_at(hyphen) == Some(Lang::English);
            let diagnostic = Diagnostic::new(&META, span, "word hyphenated across a line break");
            let compound = stem[..stem.len() - first.len()].ends_with('-');
            let joined = format!("{first}{second}");
            let hyphenated = format!("{first}-{second}");
            let keep = compound
                || written(&hyphenated)
                || (english && (COMPOUND_FIRST.contains(first) || first.bytes().any(|b| b.is_ascii_uppercase())));
            let join = !keep && (written(&joined) || (english && WORD_ENDINGS.contains(second)));
            let break_span = Span::new(hyphen + 1, pair[1].start);
            out.push(if keep {
                diagnostic.with_fix(Fix::unsafe_edit(
                    "keep the hyphen and remove the line break",
                    Edit::delete(break_span),
                ))
            } else if join {
                diagnostic.with_fix(Fix::unsafe_edit(
                    format!("join the word: `{joined}`"),
                    Edit::delete(Span::new(hyphen, pair[1].start)),
                ))
            } else {
                diagnostic
            });
        }
    }
}

/// What comes before the hyphen of a line that ends in the middle of a
/// word (`…would recom-`), or `None`.
pub(super) fn broken_stem(line: &str) -> Option<&str> {
    line.trim_end()
        .strip_suffix('-')
        .filter(|stem| stem.ends_with(char::is_alphabetic))
}

/// The words of `text`, a hyphenated one (`decision-making`) as one.
fn tokens(text: &str) -> FxHashSet<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}
