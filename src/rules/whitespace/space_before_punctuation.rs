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
French or the line reads as French (guillemets, or more French function
words than English ones), a no-break space before `;` `:` `!` `?` (chosen
typography in any language), emoticons (`:)`, `;-)`), an ellipsis written ` ...` or `. . .`,
punctuation that starts a token (`.NET`, `.45`, `./run.sh`), operators
(`a != b`, `x := 1`), spaces at the start of a line (another rule's
business), and a mark after other punctuation, even across a closing quote
(`“waste”. ,`, `said.” ,`): that is a cluster, `punctuation-cluster`'s.

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
        Fixture {
            input: "It said “no” , then left .\r\n\r\nThe end .",
            output: "It said “no”, then left.\r\n\r\nThe end.",
        },
        Fixture {
            input: "large language models (LLMs) , often",
            output: "large language models (LLMs), often",
        },
    ],
    keeps: &[
        "Well ... that was odd.",
        "Nice work :) and thanks ;-)",
        "Built on the .NET runtime with a .45 caliber budget.",
        "  . indented list marker",
        "GPT 3.5 at 10:30 in the U.S. today.",
        "He paused . . . and went on.",
        "Run ./setup.sh if a != b or x := 1.",
        "The terms: ( a ) price, ( b ) date.",
        "a repeated quote “waste”. ,",
        "She said “stop.” , then left.",
        "Où est passée la clé du garage ? Personne ne le sait.",
        "ÉTÉ 2023 : LES RÉSULTATS DU CONCOURS SONT ARRIVÉS.",
        "Narrow spaces: «\u{202f}Oui\u{202f}!\u{202f}» and ÉTÉ\u{a0}: SÃO PAULO.",
        "Cool :] and :[",
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
        let mut french_line: Option<(usize, bool)> = None;
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
            if crate::segment::is_closer(prev) && closes_after_punctuation(before) {
                continue; // `said.” ,`: also a cluster
            }
            let next = after.chars().next();
            // `.NET`, `.45`, `:30`: the mark belongs to the next token.
            if next.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            if punct == b'.' && (after.starts_with('.') || after.starts_with('…')) {
                continue; // ` ...` as an ellipsis
            }
            if punct == b'.' && after.starts_with(" .") {
                continue; // `. . .` as a spaced ellipsis
            }
            // `./run.sh`, `a != b`, `x := 1`, `std ::`: not prose punctuation.
            if next.is_some_and(|c| matches!(c, '/' | '\\' | '=' | '_' | '*' | '~'))
                || (punct == b':' && next == Some(':'))
            {
                continue;
            }
            if matches!(punct, b':' | b';')
                && next.is_some_and(|c| {
                    matches!(
                        c,
                        ')' | '(' | '-' | '\'' | '|' | '/' | '[' | ']' | '*' | '3' | 'D' | 'P' | 'p' | 'O' | 'o'
                    )
                })
            {
                continue; // emoticon
            }
            if matches!(punct, b':' | b';' | b'!' | b'?') {
                // A no-break space before these is typography someone chose.
                if !text[m.start()..punct_at].contains([' ', '\t']) {
                    continue;
                }
                // French puts a (thin) space before these.
                if french || looks_french(doc, m.start(), &mut french_line) {
                    continue;
                }
            }
            let space = Span::new(m.start(), punct_at);
            out.push(
                Diagnostic::new(&META, space, format!("space before `{}`", punct as char))
                    .with_fix(Fix::safe("remove the space", vec![Edit::delete(space)])),
            );
        }
    }
}

/// Words common in French and rare in English, and the reverse.
const FRENCH_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "cette", "dans", "de", "des", "du", "elle", "est", "et", "il", "la", "le", "les",
    "leur", "mais", "ne", "nous", "où", "pas", "pour", "qui", "que", "sa", "se", "ses", "son", "sont", "sur", "un",
    "une", "vous", "à", "été", "être",
];
const ENGLISH_WORDS: &[&str] = &[
    "and", "are", "as", "at", "be", "but", "by", "for", "from", "have", "in", "is", "it", "not", "of", "on", "that",
    "the", "this", "to", "was", "with",
];

fn lower_eq(word: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|w| word.chars().flat_map(char::to_lowercase).eq(w.chars()))
}

/// True when the line holding `at` reads as French (guillemets, or more
/// French function words than English ones), so spacing before `;:!?` is
/// deliberate even in a document said to be English. Cached per line.
fn looks_french(doc: &Document, at: usize, cache: &mut Option<(usize, bool)>) -> bool {
    let li = doc.line_index(at);
    if let Some((i, verdict)) = *cache {
        if i == li {
            return verdict;
        }
    }
    let line = doc.lines().get(li).map_or("", |l| doc.slice(*l));
    let verdict = line.contains(['«', '»']) || {
        let (mut fr, mut en) = (0usize, 0usize);
        for w in line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            fr += usize::from(lower_eq(w, FRENCH_WORDS));
            en += usize::from(lower_eq(w, ENGLISH_WORDS));
        }
        fr >= 2 && fr > en
    };
    *cache = Some((li, verdict));
    verdict
}

/// True when the closing quotes and brackets that end `before` follow a
/// punctuation mark, as in `said.”`.
fn closes_after_punctuation(before: &str) -> bool {
    before
        .chars()
        .rev()
        .find(|&c| !crate::segment::is_closer(c))
        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…'))
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

    fn fix_en(text: &str) -> String {
        let settings = Settings {
            select: vec!["W001".into()],
            ..Settings::default()
        };
        Linter::new(&settings)
            .unwrap()
            .fix(text, crate::FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn fixes_a_period_ending_a_paragraph_and_keeps_crlf() {
        assert_eq!(fix_en("the end .\r\n\r\nNext ."), "the end.\r\n\r\nNext.");
    }

    #[test]
    fn fixes_a_space_before_a_mark_after_a_closing_quote() {
        assert_eq!(fix_en("he called it “waste” , then"), "he called it “waste”, then");
    }

    #[test]
    fn leaves_a_spaced_ellipsis_alone() {
        assert_eq!(fix_en("Wait . . . what"), "Wait . . . what");
    }

    #[test]
    fn leaves_clusters_behind_closing_quotes_to_the_cluster_rule() {
        assert_eq!(fix_en("“waste”. ,\n"), "“waste”. ,\n");
        assert_eq!(fix_en("“stop.” , she said"), "“stop.” , she said");
    }

    #[test]
    fn leaves_enumerators_in_brackets_alone() {
        assert_eq!(fix_en("( a ) price ( b ) date"), "( a ) price ( b ) date");
    }

    #[test]
    fn keeps_french_spacing_on_a_french_line_of_an_english_document() {
        let text = "Un naïf croit tout ce qu’on lui dit ; un sceptique ne croit rien.";
        assert_eq!(fix_en(text), text);
    }

    #[test]
    fn still_fixes_english_lines_with_a_stray_space_before_a_question_mark() {
        assert_eq!(fix_en("Is it over ? The end is near !"), "Is it over? The end is near!");
    }

    #[test]
    fn removes_a_no_break_space_before_a_comma() {
        assert_eq!(fix_en("said\u{a0}, and"), "said, and");
    }
}
