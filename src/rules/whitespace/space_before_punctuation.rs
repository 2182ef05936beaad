use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;

pub struct SpaceBeforePunctuation;

static META: RuleMeta = RuleMeta {
    code: "W001",
    name: "space-before-punctuation",
    family: Family::Whitespace,
    summary: "Space before a comma, period, colon, semicolon, question or exclamation mark",
    docs: "\
Flags spaces between a word and the punctuation that should follow it
directly: `model , which`, `the end .`, `yes ?`.

Machine translation and tokenise-then-join pipelines leave these behind when
they glue tokens back together with spaces.

Left alone: French typography (`Quoi ?`, `note :`) when the language is
French, emoticons (`:)`, `;-)`), an ellipsis written ` ...`, punctuation that
starts a token (`.NET`, `.45`), and spaces at the start of a line (another
rule's business).

Fix (safe): remove the spaces. Only whitespace is deleted.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    flags: &[
        Fixture {
            input: "an experimental model , which never shipped.",
            output: "an experimental model, which never shipped.",
        },
        Fixture {
            input: "That is the end .\n",
            output: "That is the end.\n",
        },
        Fixture {
            input: "Did it work ? Yes !",
            output: "Did it work? Yes!",
        },
        Fixture {
            input: "Two reasons : cost and speed ; mostly cost.",
            output: "Two reasons: cost and speed; mostly cost.",
        },
    ],
    keeps: &[
        "Well ... that was odd.",
        "Nice work :) and thanks ;-)",
        "Built on the .NET runtime with a .45 caliber budget.",
        "  . indented list marker",
        "GPT 3.5 at 10:30 in the U.S. today.",
    ],
};

static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t\u{00A0}\u{202F}]+[,;:.!?]").expect("pattern compiles"));

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b",;:.!?") {
            return;
        }
        let text = doc.text();
        let french = doc.language().is_french();
        for m in PATTERN.find_iter(text) {
            let punct_at = m.end() - 1;
            let punct = text.as_bytes()[punct_at];
            let after = &text[m.end()..];
            let before = &text[..m.start()];
            let Some(prev) = before.chars().next_back() else {
                continue;
            };
            if prev == '\n' || prev == '\r' {
                continue; // leading whitespace
            }
            // A mark after other punctuation is a cluster, not a stray space.
            if !(prev.is_alphanumeric() || crate::segment::is_closer(prev)) {
                continue;
            }
            let next = after.chars().next();
            // `.NET`, `.45`, `:30`: the mark belongs to the next token.
            if next.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            if punct == b'.' && (after.starts_with('.') || after.starts_with('…')) {
                continue; // ` ...` as an ellipsis
            }
            if matches!(punct, b':' | b';')
                && next.is_some_and(|c| {
                    matches!(
                        c,
                        ')' | '('
                            | '-'
                            | '\''
                            | '|'
                            | '/'
                            | '*'
                            | '3'
                            | 'D'
                            | 'P'
                            | 'p'
                            | 'O'
                            | 'o'
                    )
                })
            {
                continue; // emoticon
            }
            if french && matches!(punct, b':' | b';' | b'!' | b'?') {
                continue; // French puts a (thin) space before these
            }
            let space = Span::new(m.start(), punct_at);
            out.push(
                Diagnostic::new(&META, space, format!("space before `{}`", punct as char))
                    .with_fix(Fix::safe("remove the space", vec![Edit::delete(space)])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Language, Linter, Settings};

    fn fix_fr(text: &str) -> String {
        let settings = Settings {
            select: vec!["W001".into()],
            language: Language::French,
            ..Settings::default()
        };
        Linter::new(&settings)
            .unwrap()
            .fix(text, crate::FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn keeps_french_spacing_when_the_language_is_french() {
        assert_eq!(
            fix_fr("Pourquoi ? Parce que : voilà !"),
            "Pourquoi ? Parce que : voilà !"
        );
    }

    #[test]
    fn still_fixes_a_space_before_a_comma_in_french() {
        assert_eq!(fix_fr("Oui , bien sûr ."), "Oui, bien sûr.");
    }
}
