use crate::prelude::*;

pub struct ReplacementCharacter;

static META: RuleMeta = RuleMeta {
    code: "U006",
    name: "replacement-character",
    family: Family::Unicode,
    summary: "U+FFFD replacement characters, where text was lost in decoding",
    docs: "\
Flags U+FFFD, the replacement character `�`: `The operators\\u{FFFD}
association`, `caf\\u{FFFD}`.

A decoder writes it in place of bytes it could not read. The original
character is gone: it might have been a letter, an apostrophe or a space,
and nothing in the text says which.

Fix: none. Only the source can say what was lost; the rule points at it.",
    fix: FixAvailability::None,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[Fixture {
        input: "The operators\u{FFFD} association said caf\u{FFFD}\u{FFFD} prices rose.",
        output: "The operators\u{FFFD} association said caf\u{FFFD}\u{FFFD} prices rose.",
    }],
    keeps: &["A box-drawing table ┌───┐ and a lozenge ◊ are fine."],
};

const REPLACEMENT: &str = "\u{FFFD}";

impl Rule for ReplacementCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(0xBF) || !doc.bytes().contains(0xBD) {
            return;
        }
        for run in super::runs(doc.text(), REPLACEMENT, 0) {
            push(out, run);
        }
    }
}

fn push(out: &mut Vec<Diagnostic>, span: Span) {
    let n = span.len() / REPLACEMENT.len();
    let message = if n == 1 {
        "replacement character: a character was lost in decoding".to_string()
    } else {
        format!("{n} replacement characters: text was lost in decoding")
    };
    out.push(Diagnostic::new(&META, span, message));
}

#[cfg(test)]
mod tests {

    #[test]
    fn reports_a_run_once_and_offers_no_fix() {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        let found = linter.check("a\u{FFFD}\u{FFFD}b");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }
}
