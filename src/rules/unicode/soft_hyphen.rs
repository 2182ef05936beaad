use crate::prelude::*;

pub struct SoftHyphen;

static META: RuleMeta = RuleMeta {
    code: "U003",
    name: "soft-hyphen",
    family: Family::Unicode,
    summary: "Invisible soft hyphens (U+00AD) inside words",
    docs: "\
Flags soft hyphens, U+00AD: `auto\\u{AD}mation`, `con\\u{AD}tainers`.

A soft hyphen is a hint for where a word may break at a line end; it is
invisible everywhere else. Copied out of a typeset page it stays in the
text, where it breaks search (`automation` does not match
`auto\\u{AD}mation`), spell checking and word counts, and some programs show
it as a stray hyphen.

Fix (safe): remove it. It renders as nothing in running text, so the text
reads the same. One standing alone between spaces (`without warning \\u{AD}
and nobody`) is reported without a fix: an old encoding put it for a
dash, which removing it would lose. (HTML's `&shy;` is decoded straight to nothing by
`html-entity`.)",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[Fixture {
        input: "They say auto\u{AD}mation is needed to handle more con\u{AD}\u{AD}tainers.",
        output: "They say automation is needed to handle more containers.",
    }],
    keeps: &["A hyphen-minus, an en dash – and a real hyphen ‐ stay."],
};

const SHY: &str = "\u{AD}";

impl Rule for SoftHyphen {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(0xC2) || !doc.bytes().contains(0xAD) {
            return;
        }
        let text = doc.text();
        for run in super::runs(text, SHY, 0) {
            // `without warning \u{AD} and nobody`: between spaces it stands
            // for a dash an old encoding put there, and deleting it would
            // lose the dash. A person decides which one.
            let spaced = text[..run.start].ends_with(' ') && text[run.end..].starts_with(' ');
            let diagnostic = Diagnostic::new(&META, run, "invisible soft hyphen U+00AD");
            out.push(if spaced {
                diagnostic
            } else {
                diagnostic.with_fix(Fix::safe_edit("remove the soft hyphen", Edit::delete(run)))
            });
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn reports_one_diagnostic_per_run() {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        assert_eq!(linter.check("a\u{AD}\u{AD}b c\u{AD}d").len(), 2);
    }

    #[test]
    fn keeps_a_soft_hyphen_that_stands_for_a_dash_between_spaces() {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        let text = "The flood came without warning \u{AD} and nobody moved the cattle.";
        assert_eq!(linter.check(text).len(), 1);
        assert_eq!(linter.fix(text, crate::FixMode::Unsafe).unwrap().text, text);
    }
}
