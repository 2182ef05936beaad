use memchr::memmem;

use crate::prelude::*;

pub struct Ligature;

static META: RuleMeta = RuleMeta {
    code: "U011",
    name: "ligature",
    family: Family::Unicode,
    summary: "A typographic ligature character in place of its letters: `ﬁnal`, `oﬀice`",
    docs: "\
Flags the Latin ligature characters U+FB00–FB06 (`ﬀ`, `ﬁ`, `ﬂ`, `ﬃ`, `ﬄ`,
`ﬅ`, `ﬆ`): `the ﬁnal report`, `a new oﬀice`.

A typeset PDF draws `fi` as one glyph, and text copied out of it keeps the
glyph as one character. Search for `final` misses `ﬁnal`, and spell
checkers and tokenisers read it as an unknown symbol.

Left alone: a ligature with no Latin letter beside it, shown as a
character (`the ligature ﬁ`, a font sample `♀ ﬁ⑀₂`): a word copied from a
PDF has its other letters around the glyph.

Fix (safe): write the letters. Unicode lists each ligature as compatibility
equivalent to its letters (NFKD), so no letter changes.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[Fixture {
        input: "The ﬁnal report from the oﬃce was ﬂawed.",
        output: "The final report from the office was flawed.",
    }],
    // Armenian `ﬓ` (U+FB13) and Arabic `ﭐ` (U+FB50) share the block's first bytes.
    keeps: &[
        "The final report from the office was flawed; ﬓ and ﭐ are other forms.",
        "Sample: ∀∂∈ℝ ☺♀ ﬁ⑀₂ἠḂ, and the ligature ﬂ alone.",
    ],
};

/// The letters of U+FB00 to U+FB06, in order.
const LETTERS: [&str; 7] = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

impl Rule for Ligature {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(0xAC) {
            return;
        }
        let text = doc.text();
        let bytes = text.as_bytes();
        // U+FB00 to U+FB06 are EF AC 80 to EF AC 86 in UTF-8.
        for at in memmem::find_iter(bytes, b"\xEF\xAC") {
            let Some(&last) = bytes.get(at + 2) else { continue };
            if !(0x80..=0x86).contains(&last) {
                continue;
            }
            let span = Span::new(at, at + 3);
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c <= '\u{24F}');
            if !latin(text[..at].chars().next_back()) && !latin(text[at + 3..].chars().next()) {
                continue;
            }
            let letters = LETTERS[usize::from(last - 0x80)];
            out.push(
                Diagnostic::new(&META, span, format!("ligature `{}` for `{letters}`", span.slice(text))).with_fix(
                    Fix::safe_edit(format!("write `{letters}`"), Edit::replace(span, letters)),
                ),
            );
        }
    }
}
