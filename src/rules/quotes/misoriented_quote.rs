use crate::prelude::*;
use crate::text::chars::mojibake_quote;

pub struct MisorientedQuote;

static META: RuleMeta = RuleMeta {
    code: "Q007",
    name: "misoriented-quote",
    family: Family::Quotes,
    summary: "A curly double quote facing the wrong way: `…in arrivals,“ said Winter`",
    docs: "\
Flags a curly double quote whose glyph faces the wrong way for where it
stands: an opening `“` that closes a quotation opened before it
(`“We are concerned,“ said Winter.`, `…North America.“`), and a closing
`”` that opens one closed after it (`”We are concerned,” she said`).

Smart-quote converters decide the direction from the character before the
mark and get it wrong after punctuation; machine translation and OCR pick
the wrong glyph.

Only English text that opens quotations with `“` (and never with `„`) is
judged, paragraph by paragraph, and only marks whose position leaves no doubt: an opening
glyph after a word or a mark and before a space or the end, with a
quotation open before it; a closing glyph at a word's start, with none
open and a closing one later. Left alone: German `„…“` and Swedish `”…”`
(the same glyphs, other conventions), translations that pair `“…“`,
right-to-left text, guillemets, nested single quotes, and the `“` that
ends a dash read in the wrong charset (`â€“`, which `mojibake` decodes).

Fix: turn the glyph around; only one punctuation mark changes. Safe,
except for a closing glyph opening a term that closes on a letter
(`”citat”`), or opening anything in a paragraph with no `“` of its own,
which is how Swedish and Finnish quote inside a page that may also hold
English quotes: unsafe.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::languages(&[Lang::English])
        .note("English pairs “ with ”; German „“, Swedish ””, Greek and Russian “…“ and right-to-left text are other conventions"),
    flags: &[
        Fixture {
            input: "“We have seen a concerning uptick in arrivals,“ said Winter.",
            output: "“We have seen a concerning uptick in arrivals,” said Winter.",
        },
        Fixture {
            input: "He said “the market is quite big in North America.“\n\n”It will grow,” she added.",
            output: "He said “the market is quite big in North America.”\n\n“It will grow,” she added.",
        },
    ],
    keeps: &[
        "Er sagte: „Das ist nicht mein Problem.“ Dann ging er.",
        "Han sa: ”Det är inte mitt problem.” Sedan gick han.",
        "“He said ‘no’ twice,” she recalled. “Yes.”",
        "“We will go on.\n\n“We will not stop.\n\n“We will win,” he said.",
        "他说：“这不是我的问题。”然后，他走了。",
        "He said costs rose â€“ by 5 % â€“ last year, and that the plan will work for all of them.",
    ],
};

impl Rule for MisorientedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // “ is E2 80 9C.
        if !doc.bytes().contains(0x9C) {
            return;
        }
        let text = doc.text();
        // English-style text opens with `“`; Swedish writes only `”`, and
        // German closes with `“` what it opened with `„`.
        if !text.contains('“') || text.contains('„') {
            return;
        }
        for &para in doc.paragraphs() {
            let p = para.slice(text);
            // One character at a time, each search runs on vectors; a set of
            // characters would decode the paragraph.
            if !(p.contains('“') || p.contains('”')) || p.contains('„') || p.contains('«') || p.contains('»') {
                continue;
            }
            // `“` and `”` are E2 80 9C and E2 80 9D: found by their last byte.
            let b = p.as_bytes();
            let marks: Vec<(usize, char)> = memchr::memchr2_iter(0x9C, 0x9D, b)
                .filter(|&i| i >= 2 && b[i - 2..i] == [0xE2, 0x80] && !mojibake_quote(p, i - 2))
                .map(|i| (i - 2, if b[i] == 0x9C { '“' } else { '”' }))
                .collect();
            let mut open = 0usize;
            for (k, &(at, c)) in marks.iter().enumerate() {
                let prev = p[..at].chars().next_back();
                let next = p[at + c.len_utf8()..].chars().next();
                let closes_here = prev.is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '—' | '–'))
                    && next.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')'));
                let opens_here = prev.is_none_or(char::is_whitespace) && next.is_some_and(char::is_alphanumeric);
                let turned = match c {
                    '“' if closes_here && open > 0 => Some('”'),
                    '”' if opens_here && open == 0 && marks[k + 1..].iter().any(|&(_, m)| m == '”') => Some('“'),
                    _ => None,
                };
                let effective = turned.unwrap_or(c);
                if effective == '“' {
                    open += 1;
                } else {
                    open = open.saturating_sub(1);
                }
                if let Some(with) = turned {
                    let span = Span::new(para.start + at, para.start + at + c.len_utf8());
                    // `”citat”`, `Avsnitt 12.2, ”Virtualisering”`: a term in
                    // Swedish or Finnish quotes. Speech closes on its mark
                    // (`”We are concerned,” she said`); a term does not, so
                    // turning its opener waits for review, as it does in a
                    // paragraph that opens nothing with `“` and may quote the
                    // Swedish way throughout (`Avsnitt 5.2.3, ”Checksums, et al.”`).
                    let term = c == '”'
                        && (!marks.iter().any(|&(_, m)| m == '“')
                            || marks[k + 1..]
                                .iter()
                                .find(|&&(_, m)| m == '”')
                                .is_some_and(|&(end, _)| !p[..end].ends_with([',', '.', '!', '?', ';', ':', '…'])));
                    let edit = Edit::replace(span, with.to_string());
                    let fix = if term {
                        Fix::unsafe_edit(format!("use `{with}` unless the quotes are Swedish or Finnish"), edit)
                    } else {
                        Fix::safe_edit(format!("use `{with}`"), edit)
                    };
                    out.push(Diagnostic::new(&META, span, format!("`{c}` faces the wrong way here")).with_fix(fix));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Lang, Language};

    fn fix(text: &str, mode: FixMode) -> String {
        crate::rules::testing::linter(&super::META, Language::Is(Lang::English))
            .fix(text, mode)
            .unwrap()
            .text
    }

    #[test]
    fn a_term_in_swedish_quotes_is_turned_only_when_unsafe_fixes_are_on() {
        let text = "Swedish and Finnish write ”citat” with two closing marks, where English writes “quote”.";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(
            fix(text, FixMode::Unsafe),
            "Swedish and Finnish write “citat” with two closing marks, where English writes “quote”."
        );
    }

    #[test]
    fn speech_opened_with_a_closing_glyph_is_turned_safely_where_its_paragraph_opens_with_the_other() {
        let text = "He said “yes.”\n\n”It will grow,” she added, “and fast.”";
        assert_eq!(
            fix(text, FixMode::Safe),
            "He said “yes.”\n\n“It will grow,” she added, “and fast.”"
        );
        // With no `“` of its own, the paragraph may quote the Swedish way.
        let swedish = "We named “bullseye” there.\n\nAs you learned in Avsnitt 5.2.3, ”Checksums, et al.” you can.";
        assert_eq!(fix(swedish, FixMode::Safe), swedish);
    }
}
