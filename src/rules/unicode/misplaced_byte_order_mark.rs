use crate::prelude::*;

pub struct MisplacedByteOrderMark;

static META: RuleMeta = RuleMeta {
    code: "U002",
    name: "misplaced-byte-order-mark",
    family: Family::Unicode,
    summary: "A byte order mark (U+FEFF) anywhere but the very start of the text",
    docs: "\
Flags U+FEFF after the first character: `\\u{FEFF}The Ministry said` in the
middle of an article, `word\\u{FEFF}word`.

U+FEFF at the start of a file is a byte order mark, an encoding signature.
Anywhere else it is a leftover: files concatenated with their marks, or the
obsolete zero-width no-break space. It is invisible and breaks matching and
line-based tools (a line starting with it does not start with its first
word).

Left alone: a mark at offset 0 of a file, which the fixer keeps byte for
byte. At the start of a record (a JSON Lines field, `--jsonl`) it is no
signature: there it is debris too.

Fix (safe): remove it. It renders as nothing.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "First paragraph.\n\n\u{FEFF}The Ministry said it had set up a task force.",
            output: "First paragraph.\n\nThe Ministry said it had set up a task force.",
        },
        Fixture {
            input: "\u{FEFF}Kept at the start, but not\u{FEFF}\u{FEFF} here.",
            output: "\u{FEFF}Kept at the start, but not here.",
        },
    ],
    keeps: &["\u{FEFF}A byte order mark at the start is an encoding signature."],
};

const BOM: &str = "\u{FEFF}";

impl Rule for MisplacedByteOrderMark {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(0xEF) || !doc.bytes().contains(0xBB) {
            return;
        }
        // A BOM at a file's offset 0 is an encoding signature, not debris;
        // at the start of a record's text it is debris like any other.
        let from = usize::from(!doc.is_record());
        for run in super::runs(doc.text(), BOM, from) {
            push(out, run);
        }
    }
}

fn push(out: &mut Vec<Diagnostic>, span: Span) {
    out.push(
        Diagnostic::new(&META, span, "byte order mark U+FEFF inside the text")
            .with_fix(Fix::safe_edit("remove the byte order mark", Edit::delete(span))),
    );
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter, Settings};

    fn fix(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn removes_a_leading_mark_from_a_record() {
        let linter = Linter::new(&Settings {
            select: vec!["U002".into()],
            records: true,
            ..Settings::default()
        })
        .unwrap();
        assert_eq!(linter.fix("\u{FEFF}abc", FixMode::Safe).unwrap().text, "abc");
    }

    #[test]
    fn keeps_a_leading_mark_byte_for_byte() {
        assert_eq!(fix("\u{FEFF}abc").as_bytes(), "\u{FEFF}abc".as_bytes());
    }

    #[test]
    fn removes_a_second_mark_right_after_the_first() {
        assert_eq!(fix("\u{FEFF}\u{FEFF}abc"), "\u{FEFF}abc");
    }
}
