use crate::prelude::*;

use super::helpers::{self, Dir};

pub struct MixedQuoteStyle;

static META: RuleMeta = RuleMeta {
    code: "Q002",
    name: "mixed-quote-style",
    family: Family::Quotes,
    summary: "A quotation opened with a curly quote and closed with a straight one, or the reverse",
    docs: "\
Flags a pair of double quotes whose two ends differ in style: `“Doubao,\"`
or `\"Doubao,”`.

Editors and translation tools curl some quotes and not others, and pasted
fragments bring their own; a quotation ending in a different mark than it
began with is a seam left by such a splice.

Only pairs in paragraphs whose quotes all pair up are judged, so the rule
never guesses which two quotes belong together. Left alone: text that uses
one style throughout (`\"a\"` and `“b”` in one paragraph are both fine),
inch marks (`12\"`), German `„…“`. The curly end sets the style: a
straight opener before a German closing `“` becomes `„`.

Fix (safe): the straight end becomes the curly quote of its direction, so
the pair matches the end that was typographically set. Only the glyph of one
punctuation mark changes.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: "The chatbot is called “Doubao,\" the company said.",
            output: "The chatbot is called “Doubao,” the company said.",
        },
        Fixture {
            input: "It was \"committed to Canadian production”, adding more.",
            output: "It was “committed to Canadian production”, adding more.",
        },
        Fixture {
            input: "Dann sagt er: \"Mit diesem Strom betreiben wir den Schredder“, und lacht.",
            output: "Dann sagt er: „Mit diesem Strom betreiben wir den Schredder“, und lacht.",
        },
    ],
    keeps: &[
        "She said \"no\" and then “never”.",
        "“He said ‘no’ twice,” she recalled.",
        "A 12\" screen, she said, “is enough”.",
        "An “unbalanced\" quote and a stray ” elsewhere.",
        "“It ends on the same day\",\" the spokesperson said.",
    ],
};

impl Rule for MixedQuoteStyle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Needs both a straight quote (`"`, or `''` read as one) and a curly one.
        if !doc.bytes().any(b"\"'") || !doc.bytes().contains(0xE2) {
            return;
        }
        let curly = |q: &str| memchr::memmem::find(doc.text().as_bytes(), q.as_bytes()).is_some();
        if !curly("“") && !curly("”") {
            return;
        }
        let text = doc.text();
        let segs = helpers::segments(doc);
        for seg in helpers::analyse(doc, &segs) {
            if !seg.balanced() {
                continue;
            }
            for (open, close) in &seg.pairs {
                if open.is_straight() == close.is_straight() || starts_doubled_closer(text, close) {
                    continue;
                }
                // The curly end tells the style: a German closing `“` asks
                // for `„`, a German opening `„` for `“`.
                let (straight, curly) = if open.is_straight() {
                    (open, if close.mark(text) == "“" { '„' } else { '“' })
                } else {
                    (close, if open.mark(text) == "„" { '“' } else { '”' })
                };
                // A straight quote the context reads the other way is not
                // confidently this pair's end.
                let fits = match straight.dir {
                    Dir::Open => open.is_straight(),
                    Dir::Close => close.is_straight(),
                    Dir::Either => true,
                };
                // `src="…`: an attribute's value (leaked markup, another
                // rule's), not a quotation to curl.
                if !fits || text[..straight.at].ends_with('=') {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &META,
                        straight.span(),
                        format!("quotation pairs `{}` with `{}`", open.mark(text), close.mark(text)),
                    )
                    .with_fix(Fix::safe_edit(
                        format!("use `{curly}`"),
                        Edit::replace(straight.span(), curly.to_string()),
                    )),
                );
            }
        }
    }
}

/// `day",” the`: `doubled-closing-quote` rewrites both quotes at once.
fn starts_doubled_closer(text: &str, close: &helpers::Quote) -> bool {
    let after = close.span().end;
    let second = after + 1;
    text.as_bytes().get(after).is_some_and(|&b| b == b',' || b == b'.')
        && text.is_char_boundary(second)
        && helpers::doubled_closer(text, second).is_some_and(|(span, _)| span.start == close.at)
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter, Settings};

    #[test]
    fn leaked_attributes_beside_a_curly_quote_converge() {
        // Found by the fix fuzz target: each pass curled the quote of one
        // leaked `src="` and removed one attribute line, past the pass limit.
        let linter = Linter::new(&Settings::default()).unwrap();
        let text = format!("\"4\" said. g src=\".e\n{}o ”", "id=\"4\" src=\"h\n".repeat(20));
        assert!(linter.fix(&text, FixMode::Safe).is_ok());
        assert_eq!(
            fix("It said “yes\" and src=\"x” went."),
            "It said “yes” and src=\"x” went."
        );
    }

    fn fix(text: &str) -> String {
        let linter = crate::rules::testing::linter(&super::META, crate::Language::Auto);
        linter.fix(text, FixMode::Safe).unwrap().text
    }

    #[test]
    fn curls_the_straight_end_of_a_mixed_pair() {
        assert_eq!(
            fix("“We are not copying anyone,\" he said."),
            "“We are not copying anyone,” he said."
        );
    }

    #[test]
    fn keeps_straight_quotes_used_throughout() {
        let text = "He said \"yes\" and she said \"no\".";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_paragraphs_whose_quotes_do_not_pair() {
        let text = "An “open quote and a \"straight pair\" here.";
        assert_eq!(fix(text), text);
    }
}
