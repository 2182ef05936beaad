use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::WORD_ENDINGS;
use crate::prelude::*;
use crate::text::trailing_letters;

pub struct SplitWord;

static META: RuleMeta = RuleMeta {
    code: "W011",
    name: "split-word",
    family: Family::Whitespace,
    summary: "A word split by a stray space before its ending: `signifi cantly`, `gov ernment`",
    docs: "\
Flags an English word split in two by a space, where the second part is
an ending that is never a word of its own: `signifi cantly`, `informa
tion`, `gov ernment`. Text copied from a PDF loses a ligature (`ﬁ`) as a
space, or keeps a space where the page justified a line.

Found from a list of endings (`-cantly`, `-tion`, `-ernment`, `-ness`, …),
so a split elsewhere in a word (`gover nment`) is not found: telling those
apart from two real words takes a dictionary.

Left alone: a capitalised first part (`Loch Ness`), an ending that is also
a word (`ability`, `ably`), and every language but English.

Fix (unsafe): remove the space.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English]),
    flags: &[Fixture {
        input: "The change is signifi cantly cheaper than the gov ernment estimate, the informa tion showed.",
        output: "The change is significantly cheaper than the government estimate, the information showed.",
    }],
    keeps: &[
        "They visited Loch Ness and the nation's capital.",
        "She spoke ably and at length about the tion- prefix.",
        "The a tion of it.",
    ],
};

/// A space and an ending that is not a word, longest first so `tional`
/// is tried before `tion`. The word boundary after it is checked by hand:
/// a Unicode `\b` keeps the regex off its fastest search.
static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    let mut endings: Vec<&str> = WORD_ENDINGS
        .words()
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "ability" | "ably"))
        .collect();
    endings.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Regex::new(&format!(" (?:{})", endings.join("|"))).expect("pattern compiles")
});

impl Rule for SplitWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for m in ENDING.find_iter(text) {
            let before = &text[..m.start()];
            let first = trailing_letters(before);
            let after = text[m.end()..].chars().next();
            // `the tion- prefix` names a piece of a word.
            let word_ends = !after.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if first.len() < 2 || !first.chars().all(|c| c.is_ascii_lowercase()) || !word_ends {
                continue;
            }
            let space = Span::new(m.start(), m.start() + 1);
            let span = Span::new(m.start() - first.len(), m.end());
            out.push(
                Diagnostic::new(&META, span, format!("word split by a space: `{}`", span.slice(text)))
                    .with_fix(Fix::unsafe_edit("join the word", Edit::delete(space))),
            );
        }
    }
}
