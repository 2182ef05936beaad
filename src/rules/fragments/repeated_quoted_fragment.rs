use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;
use crate::text::first_char;

pub struct RepeatedQuotedFragment;

static META: RuleMeta = RuleMeta {
    code: "F006",
    name: "repeated-quoted-fragment",
    family: Family::Fragments,
    summary: "A stray quoted word or two after a finished quotation",
    docs: "\
Flags a quoted scrap of one to three words that follows a quotation which
already ended its sentence, and is itself closed by a period outside the
quotes: `…which is “a huge drain on resources.” “waste”.`

Scrapers and translation memories repeat a quoted keyword (often a pull
quote or a highlighted term) after the sentence it came from.

The quotation before must end with `.`, `!` or `?` inside its closing
quote; the scrap must have no sentence punctuation of its own, and must
either start in lowercase or end its paragraph. Dialogue such as
`“Stop.” “Why?” she asked.` is left alone (the second quote is a sentence),
as are scare quotes inside a sentence (`the “waste” they cited`) and a
quoted word followed by more text.

A quoted scrap that repeats the last words of the quotation right before
it is flagged however that quotation ends: `was \"overstated\"
\"overstated\". because`, `“I forgot to breathe”. “breathe”.`.

Fix (unsafe): delete the scrap, its quotes, the period after it and the
space before it. The edit ends right after that period, so a stray `,`
after it is left to the punctuation rules.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English]),
    flags: &[
        Fixture {
            input: "She called it “a waste of public money.” “burden”.",
            output: "She called it “a waste of public money.”",
        },
        Fixture {
            input: "He said the plan was \"a step too far.\" \"too far\". Others agreed.",
            output: "He said the plan was \"a step too far.\" Others agreed.",
        },
        Fixture {
            input: "The impact was \"overstated\" \"overstated\". because it ignored costs.",
            output: "The impact was \"overstated\" because it ignored costs.",
        },
        Fixture {
            input: "“I forgot to breathe”. “breathe”. Then she won.",
            output: "“I forgot to breathe”. Then she won.",
        },
        Fixture {
            input: "It is “the future of work!” “Hybrid”.\n\nNext.",
            output: "It is “the future of work!”\n\nNext.",
        },
    ],
    keeps: &[
        "“Stop.” “Why?” she asked.",
        "He said “no.” “Never” was his word.",
        "They cited the “waste” and the “burden”.",
        "It was “fine.” “Great”. Then it rained.",
        "He said “it is ‘done.’” Then “over”, she added.",
        "Quotes like “GPT 3.5.” “01.AI” and Yi-34B (LLMs)...",
        "He said “yes” “no” and “maybe”; she said “run” “run fast”.",
    ],
};

static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]["”]([ \t]+)([“"])([^“”"\n]{1,60})([”"])\."#).expect("pattern compiles"));

/// Two quotations side by side, for the second repeating the end of the first.
static ADJACENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([“"])([^“”"\n]{1,300})([”"])(\.?)([ \t]+)([“"])([^“”"\n]{1,60})([”"])(\.?)"#)
        .expect("pattern compiles")
});

impl Rule for RepeatedQuotedFragment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        if !(bytes.contains(b'"') || bytes.has_non_ascii()) || !bytes.contains(b'.') {
            return;
        }
        let text = doc.text();
        for c in PATTERN.captures_iter(text) {
            let (Some(space), Some(open), Some(inner), Some(close)) = (c.get(1), c.get(2), c.get(3), c.get(4)) else {
                continue;
            };
            let paired = matches!((open.as_str(), close.as_str()), ("“", "”") | ("\"", "\""));
            let content = inner.as_str();
            let words = content.split_whitespace().count();
            if !paired
                || !(1..=3).contains(&words)
                || content.trim() != content
                || content.contains(['.', '!', '?', '…', ',', ';', ':'])
            {
                continue;
            }
            let end = close.end() + 1;
            let tail = &text[end..];
            let next = first_char(tail);
            if next.is_alphanumeric() || next == '.' || tail.starts_with(['”', '"']) {
                continue;
            }
            if !(first_char(content).is_lowercase() || ends_paragraph(tail)) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &META,
                    Span::new(open.start(), end),
                    format!("stray quoted fragment `{content}` after a finished quotation"),
                )
                .with_fix(Fix::unsafe_edit(
                    "remove the fragment",
                    Edit::delete(Span::new(space.start(), end)),
                )),
            );
        }
        repeats(text, out);
    }
}

/// `was “overstated” “overstated”. because`, `“I forgot to breathe”.
/// “breathe”.`: a quoted scrap that repeats the last words of the quotation
/// right before it. The repeat is what makes it sure, so the quotation may
/// end any way.
fn repeats(text: &str, out: &mut Vec<Diagnostic>) {
    let mut from = 0;
    while let Some(c) = ADJACENT.captures_at(text, from) {
        let g = |i: usize| c.get(i).expect("every group takes part");
        // The second quotation may open the next pair: search again from it.
        from = g(6).start();
        let first_paired = matches!((g(1).as_str(), g(3).as_str()), ("“", "”") | ("\"", "\""));
        let second_paired = matches!((g(6).as_str(), g(8).as_str()), ("“", "”") | ("\"", "\""));
        let scrap = g(7).as_str();
        let quoted = g(2).as_str().trim_end_matches(['.', '!', '?', ',', ' ']);
        let words = scrap.split_whitespace().count();
        // A quotation that ends its sentence inside is the first shape's.
        let finished = g(2).as_str().ends_with(['.', '!', '?']);
        if finished
            || !(first_paired && second_paired)
            || !(1..=3).contains(&words)
            || scrap.trim() != scrap
            || scrap.contains(['.', '!', '?', '…', ',', ';', ':'])
            || !ends_with_words(quoted, scrap)
        {
            continue;
        }
        // Keep one period: the first quotation's, or the scrap's if it had
        // none and the sentence ends there (`“x” “x”. because` goes on).
        let goes_on = text[g(9).end()..]
            .trim_start_matches([' ', '\t'])
            .starts_with(char::is_lowercase);
        let end = if g(4).is_empty() && !goes_on {
            g(8).end()
        } else {
            g(9).end()
        };
        let span = Span::new(g(6).start(), g(8).end());
        out.push(
            Diagnostic::new(
                &META,
                span,
                format!("quoted fragment `{scrap}` repeats the quotation before it"),
            )
            .with_fix(Fix::unsafe_edit(
                "remove the repeat",
                Edit::delete(Span::new(g(5).start(), end)),
            )),
        );
        from = end;
    }
}

/// True when `quoted` ends with the words of `scrap`, ignoring case.
fn ends_with_words(quoted: &str, scrap: &str) -> bool {
    let q: Vec<&str> = quoted.split_whitespace().collect();
    let s: Vec<&str> = scrap.split_whitespace().collect();
    q.len() >= s.len()
        && q[q.len() - s.len()..]
            .iter()
            .zip(&s)
            .all(|(a, b)| a.to_lowercase() == b.to_lowercase())
}

/// True when only punctuation debris stands between here and the end of
/// the paragraph (the end of the text or a blank line).
fn ends_paragraph(tail: &str) -> bool {
    let mut lines = tail.splitn(3, '\n');
    let rest_of_line = lines.next().unwrap_or("");
    if rest_of_line.chars().any(char::is_alphanumeric) {
        return false;
    }
    match lines.next() {
        None => true,
        Some(next) => next.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    #[test]
    fn leaves_a_trailing_comma_to_other_rules() {
        let fixed = linter()
            .fix("It was “a drain on cash.” “loss”. ,", FixMode::Unsafe)
            .unwrap();
        assert_eq!(fixed.text, "It was “a drain on cash.” ,");
    }

    #[test]
    fn keeps_a_capitalised_quote_that_starts_a_new_sentence_in_the_line() {
        assert!(linter().check("He said “done.” “Later”. We left.").is_empty());
    }

    #[test]
    fn keeps_long_quotes() {
        assert!(linter().check("He said “done.” “we will see about that”.").is_empty());
    }
}
