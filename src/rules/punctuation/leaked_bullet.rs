use std::sync::LazyLock;

use regex::Regex;

use crate::prelude::*;
use crate::span::{ceil_char_boundary, floor_char_boundary};

pub struct LeakedBullet;

static META: RuleMeta = RuleMeta {
    code: "P006",
    name: "leaked-bullet",
    family: Family::Punctuation,
    summary: "A list bullet left between two sentences of running text: `…a fifth. • The firm…`",
    docs: "\
Flags a bullet (`•`, `▪`, `◦`, `‣`, `●`, `■`) between two sentences of a
line: `Profits rose by a fifth. • Transport takes the largest share.` A
scraper that flattened a list into a paragraph kept the markers of its
items.

Reported where the bullet follows a finished sentence and a capitalised
sentence of three words or more follows it.

Left alone: a bullet that opens a line (a list), rows of short labels
(`Home • News • Sport`, which `boilerplate-line` reads as a menu), and a
bullet inside a sentence (`Price: $5 • Free delivery`).

Fix (unsafe): remove the bullet and the space after it.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE,
    flags: &[Fixture {
        input: "The budget rises by four per cent. • Transport takes the largest share. ▪ Schools get the rest.",
        output: "The budget rises by four per cent. Transport takes the largest share. Schools get the rest.",
    }],
    keeps: &[
        "• The budget rises by four per cent.\n• Transport takes the largest share.",
        "Home • News • Sport • Weather",
        "Price: $5 • Free delivery • Returns within 30 days",
        "The budget rises. • 4%",
    ],
};

/// A bullet and the space after it. One automaton finds all six; a scan
/// for a set of chars decodes every character of the text.
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?:•|▪|◦|‣|●|■) ").expect("pattern compiles"));

/// Bytes read on each side of a bullet for its three words.
const WINDOW: usize = 120;

impl Rule for LeakedBullet {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Every bullet above is three bytes in UTF-8, and all start with 0xE2.
        if !doc.bytes().contains(0xE2) {
            return;
        }
        let text = doc.text();
        for m in BULLET.find_iter(text) {
            let (at, c) = (m.start(), m.as_str().trim_end());
            let before = text[..at].trim_end_matches(' ');
            let rest = &text[m.end()..];
            let sentence_before =
                before.len() < at && before.ends_with(['.', '!', '?', '"', '”']) && !before.ends_with("...");
            // Three words each side, read from a bounded window so a long
            // line of bullets stays linear.
            let near_before = &before[floor_char_boundary(before, before.len().saturating_sub(WINDOW))..];
            let line_before = near_before.rsplit('\n').next().unwrap_or_default();
            let near_after = &rest[..ceil_char_boundary(rest, WINDOW.min(rest.len()))];
            let line_after = near_after.split('\n').next().unwrap_or_default();
            let sentence_after =
                rest.starts_with(char::is_uppercase) && line_after.split_whitespace().take(3).count() == 3;
            if sentence_before && line_before.split_whitespace().count() >= 3 && sentence_after {
                let span = Span::new(at, at + c.len() + 1);
                out.push(
                    Diagnostic::new(&META, span, format!("list bullet `{c}` between two sentences"))
                        .with_fix(Fix::unsafe_edit("remove the bullet", Edit::delete(span))),
                );
            }
        }
    }
}
