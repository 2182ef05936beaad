use crate::prelude::*;

use super::helpers;

pub struct DoubledClosingQuote;

static META: RuleMeta = RuleMeta {
    code: "Q003",
    name: "doubled-closing-quote",
    family: Family::Quotes,
    summary: "A closing quote repeated around a comma or period: `China”,” a spokesperson`",
    docs: "\
Flags a closing quote, a comma or period, and a second closing quote:
`China\",\" a spokesperson said`, `on Monday”,” she said`.

Translation and editing tools that move punctuation inside or outside
quotation marks sometimes add a quote instead of moving one, leaving the
comma stranded between two closers.

Only fires after a word (or `)`, `%`, `’`) and before a space or the end, so
`\"a\",\"b\"` lists and `'yes.'.` do not match; `word!\",\"` is left alone because
dropping a quote would leave `!,`.

Fix (safe): keep one closing quote after the punctuation: `China,” a
spokesperson said`. The quote is curly if either of the two was, straight
otherwise. Only punctuation moves; no letter changes.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: "“We will stay in China”,” a spokesperson said.",
            output: "“We will stay in China,” a spokesperson said.",
        },
        Fixture {
            input: "\"We will stay in China\",\" a spokesperson said.",
            output: "\"We will stay in China,\" a spokesperson said.",
        },
        Fixture {
            input: "It ends on the same day\".\"\n",
            output: "It ends on the same day.\"\n",
        },
    ],
    keeps: &[
        "The columns were \"a\",\"b\",\"c\" in the file.",
        "“We will stay,” a spokesperson said.",
        "He shouted “Stop!”,” and ran.",
        "Use split(\",\") to cut it.",
    ],
};

impl Rule for DoubledClosingQuote {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !helpers::may_have_quotes(doc) || !doc.bytes().any(b",.") {
            return;
        }
        let text = doc.text();
        for (second, _) in helpers::double_quotes(text) {
            let Some((span, with)) = helpers::doubled_closer(text, second) else {
                continue;
            };
            out.push(
                Diagnostic::new(&META, span, "closing quote repeated around the punctuation")
                    .with_fix(Fix::safe_edit(format!("write `{with}`"), Edit::replace(span, with))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::FixMode;

    fn fix(text: &str) -> String {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        linter.fix(text, FixMode::Safe).unwrap().text
    }

    #[test]
    fn curls_the_kept_quote_when_either_was_curly() {
        assert_eq!(fix("in China\",” a spokesperson"), "in China,” a spokesperson");
    }

    #[test]
    fn keeps_quoted_lists_without_spaces() {
        let text = "Values \"x\",\"y\" only.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_code_that_splits_on_a_comma() {
        let text = "Call split(\",\") first.";
        assert_eq!(fix(text), text);
    }
}
