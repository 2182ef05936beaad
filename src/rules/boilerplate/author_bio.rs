use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;
use crate::text::line_removal;

pub struct AuthorBio;

static META: RuleMeta = RuleMeta {
    code: "B006",
    name: "author-bio",
    family: Family::Boilerplate,
    summary: "An author's bio line left after the article: `Jane Doe is a senior reporter at The Daily Ledger.`",
    docs: "\
Flags one of the last three lines of a text when it names the author's job
at an outlet: `Jane Doe is a senior reporter at The Daily Ledger covering
city hall.` Pages print the author's bio under the article, and scrapers
keep it as if it were the article's last paragraph.

Recognised by shape: one to three capitalised names, `is a` or `is an`,
a job in journalism (`reporter`, `correspondent`, `editor`, `writer`, …)
and `at`, `for` or `with` before a capitalised outlet.

Left alone: the same sentence anywhere but the end of the text (an article
may introduce a journalist), one that a sentence of the article's still
follows (`A verdict is not expected for weeks, his lawyers said.`: the
article is about the journalist), and a sentence that goes on about the
person (`… is a reporter who was jailed in 2019`).

Fix (unsafe): remove the line.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    // Only the text's end counts, which a paragraph cannot know.
    scope: Scope::Document,
    applies: Applies::languages(&[Lang::English]),
    flags: &[Fixture {
        input: "The council met on Tuesday.\n\nJane Doe is a senior reporter at The Daily Ledger covering city hall.\n",
        output: "The council met on Tuesday.\n",
    }],
    keeps: &[
        "The trial began.\n\nJane Doe is a reporter who was jailed for spying in 2019.",
        "Jane Doe is a senior reporter at The Daily Ledger.\n\nShe said the trial began.\n\nThe court met.\n\nIt adjourned.",
        "The trial of the journalist began on Monday.\n\nEvan Gershkovich is a reporter for The Wall Street Journal.\n\nA verdict is not expected for several weeks, his lawyers said.\n",
    ],
};

/// Names, `is a`, a job in journalism, and the outlet.
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Z][\w'’-]+ ){1,3}is an? (?:[a-z-]+ ){0,3}(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer)(?: [a-z-]+){0,3} (?:at|for|with) (?:the )?[A-Z][^.!?]*[.!]?$",
    )
    .expect("pattern compiles")
});

/// How many of the text's last lines a bio may sit on.
const LAST_LINES: usize = 3;

/// Words past which a line after a bio is a sentence of the article (a
/// `Follow her on X` or a credit line under a bio is shorter).
const ARTICLE_WORDS: usize = 8;

impl Rule for AuthorBio {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let lines = doc.lines();
        let last: Vec<usize> = (0..lines.len())
            .rev()
            .filter(|&i| !lines[i].slice(text).trim().is_empty())
            .take(LAST_LINES)
            .collect();
        // A sentence of the article after it: the text goes on, so the line
        // is the article's, not a bio under it.
        let prose = |i: usize| {
            let t = lines[i].slice(text).trim();
            t.split_whitespace().nth(ARTICLE_WORDS).is_some() && !BIO.is_match(t)
        };
        for (k, &index) in last.iter().enumerate().rev() {
            let t = lines[index].slice(text).trim();
            if t.len() <= 300 && BIO.is_match(t) && !last[..k].iter().any(|&i| prose(i)) {
                out.push(
                    Diagnostic::new(&META, lines[index], "author bio after the article").with_fix(Fix::unsafe_edit(
                        "remove the line",
                        Edit::delete(line_removal(doc, index)),
                    )),
                );
            }
        }
    }
}
