use crate::prelude::*;

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
right-to-left text, guillemets, nested single quotes.

Fix (safe): turn the glyph around. Only one punctuation mark changes.",
    fix: FixAvailability::Safe,
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
            if !p.contains(['“', '”']) || p.contains(['„', '«', '»']) {
                continue;
            }
            let marks: Vec<(usize, char)> = p.char_indices().filter(|&(_, c)| c == '“' || c == '”').collect();
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
                    out.push(
                        Diagnostic::new(&META, span, format!("`{c}` faces the wrong way here")).with_fix(
                            Fix::safe_edit(format!("use `{with}`"), Edit::replace(span, with.to_string())),
                        ),
                    );
                }
            }
        }
    }
}
