use crate::lang::SPACED_EUROPEAN;
use crate::lexicon::named_between;
use crate::prelude::*;
use crate::span::ceil_char_boundary;
use crate::text::chars::mojibake_quote;

pub struct SpaceInsideQuotes;

static META: RuleMeta = RuleMeta {
    code: "W007",
    name: "space-inside-quotes",
    family: Family::Whitespace,
    summary: "Space just inside quotation marks: `“ text ”`, or a closing quote typed as `“ `",
    docs: "\
Flags spaces between a quotation mark and what it quotes: `“ worth it ”`,
`said.“ But`, `looking for “a warm show ”`, and the closing quote that a
machine translation typed as a spaced opening one: `the working title
“Harbor Lights “, follows`.

Tokenise-then-join pipelines put a space around every token, quotes
included, and sometimes choose the wrong glyph for the closing one.

Only double quotes whose pairing is clear are judged. Curly quotes pair by
glyph within a paragraph (or, in text with one paragraph per line, within
the line): an opening `“` followed by spaces, a closing `”` preceded by
spaces. A second `“` while one is open counts as a mistyped closing quote
only when spaces precede it, no word follows it directly and no `”` comes
before the next `“`. Straight quotes `\"` are judged only in a stretch where
they are even in number, none follows a digit (inches: `12\"`), every odd
one stands after a word boundary and before a word, every even one after a
word and before a boundary, and no curly quote is mixed in (`\"?at least
\"?the` is dashes lost in a charset conversion, not quotations).

Left alone: a `”` after a straight quote that may close the `“`
(`“closed\". ”`: which mark pairs is not clear); a quote mark the text
names rather than uses (`Type \" to start a string`, `a \" mark`); strings
in code (`\"Hello, \" + name`, `\"The date is \" & Date`, `sep = \" \"`, `formail -I \"From \"`,
`=TRIM(\" hello world \")`), a string shown alone in brackets (`a text
node (\" language is \")`) and a
quote after a column gap (a Vim comment); empty
quotes (`“ ”`: `empty-quotes-or-brackets`'s), padding that crosses a line
break, single quotes (they double as apostrophes), German `„…“` and a
German `“` closing what a straight quote opened (`\"light“ arbeiten`),
guillemets (`« … »` is correct French), French paragraphs, Arabic and
Hebrew ones (they quote `”…“`), and the `“`
that ends a dash read in the wrong charset (`â€“ we`, for `– we`): the
`mojibake` rule decodes it, and deleting the space would glue the dash to
the word.

Fix (safe): delete the spaces; for a mistyped closing quote, replace the
space and the `“` with `”`. Only whitespace and quotation marks change.
Unsafe where quotes hold one word padded on one side only (`“From ”`, `the
\"From \" line`, `the string \" (deleted)\"`): a string shown with its space.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::scripts(SPACED_EUROPEAN)
        .note("the spaces French puts inside guillemets are typography")
        .prose(),
    flags: &[
        Fixture {
            input: "the caption “ worth it tho :) ” and it spread.",
            output: "the caption “worth it tho :)” and it spread.",
        },
        Fixture {
            input: "with the working title “Harbor Lights “, follows three siblings.",
            output: "with the working title “Harbor Lights”, follows three siblings.",
        },
        Fixture {
            input: "a code name, “Project Seed “\n",
            output: "a code name, “Project Seed”\n",
        },
        Fixture {
            input: "a spokesperson said.“ But we will see.”",
            output: "a spokesperson said.“But we will see.”",
        },
        Fixture {
            input: "He said \" hello \" and \"bye \" to her.",
            output: "He said \"hello\" and \"bye\" to her.",
        },
    ],
    keeps: &[
        "“He said ‘no’ twice,” she recalled. “Yes.”",
        "It “stops short of plausibility of ‘entitlement to relief.’ ” Ibid. “ ‘Twas so,” he said.",
        "\"We take 'care,' \" says Smith.",
        "Sub ExampleDate\n    MsgBox \"The date is \" & Date\nEnd Sub\n",
        "The sign read “closed\". ” Then it opened.",
        "It cancelled the show “ ” after one season.",
        "=TRIM(\" hello world \") returns hello world, and CONCATENATE(\"a\"; \" b \") returns a b.",
        "The paragraph has children: a text node (\"My \"), an emphasis node, a text node (\" language is \").",
        "PS2 is the secondary prompt string, “> ” by default.",
        "Set text = \"Hello, \" + name, then run formail -I \"From \" on it.",
        "He said “we will see\n” tomorrow.",
        "Der Bürgermeister sagte: „Wir müssen handeln.“ Dann ging er.",
        "Als \"Genossenschaft light“ arbeiten wir in vier Feldern.",
        "صفة ”coords“ في وسم area ليست بصيغة ”left,top,right,bottom“.",
        "Wir sind als “Genossenschaft light“ organisiert und arbeiten.",
        "He bought a 12\" screen and a 5\" one.",
        "« Nous n’avions jamais vu ça » , a-t-il dit.",
        "“He said “ yes” and left.",
        "He said \"yes\" and then \" no.",
        "could determine \"?at least temporarily \"?the fate of many",
        "Type \" to start a string and \" to end it.",
        "The rule â€“ we had good reasons â€“ stays, Ã“ scar said.",
    ],
};

fn is_pad(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Units whose quotes pair: paragraphs, cut after a line that ends a sentence.
fn segments(doc: &Document) -> Vec<Span> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for &line in doc.lines() {
        let s = line.slice(text).trim_end();
        if s.trim_start().is_empty() {
            out.extend(current.take());
            continue;
        }
        current = Some(match current {
            Some(c) => Span::new(c.start, line.end),
            None => line,
        });
        if s.ends_with(['.', '!', '?', '…', '”', '"']) {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

impl Rule for SpaceInsideQuotes {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b" \t") {
            return;
        }
        let text = doc.text();
        let cands = candidates(text);
        if cands.is_empty() {
            return;
        }
        // Only stretches with a padded quote are paired, so clean text costs
        // a memchr pass and a walk over the line table.
        let segs = segments(doc);
        let mut last = usize::MAX;
        for pos in cands {
            let k = segs.partition_point(|s| s.end < pos);
            if k == last || k >= segs.len() {
                continue;
            }
            last = k;
            let seg = segs[k];
            let s = seg.slice(text);
            // French pads quotation marks on purpose; Arabic and Hebrew
            // quote `”…“`, the other way round.
            if s.contains('„')
                || doc.language_at(seg.start).is_some_and(Lang::spaces_high_punctuation)
                || crate::text::chars::has_rtl(s)
            {
                continue;
            }
            if s.contains(['“', '”']) {
                check_curly(doc, seg, out);
            } else if s.contains('"') {
                check_straight(doc, seg, out);
            }
        }
    }
}

/// Positions of quotes that may have a blank on their inner side, sorted:
/// `“ `, ` ”`, a spaced `“` that no word follows, and a straight `"` between
/// a blank and a non-word.
fn candidates(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let blank = |i: usize| b.get(i).is_some_and(|&c| c == b' ' || c == b'\t');
    let boundary = |i: usize| b.get(i).is_none_or(|&c| !c.is_ascii_alphanumeric() && c < 0x80);
    let mut out = Vec::new();
    // `“` and `”` are E2 80 9C and E2 80 9D.
    for i in memchr::memmem::find_iter(b, b"\xE2\x80") {
        let padded = match b.get(i + 2) {
            Some(0x9C) => blank(i + 3) || (i > 0 && blank(i - 1) && boundary(i + 3)),
            Some(0x9D) => i > 0 && blank(i - 1),
            _ => false,
        };
        // Asked only of a padded mark: `’` shares the first two bytes.
        if padded && !mojibake_quote(text, i) {
            out.push(i);
        }
    }
    // A straight quote tells nothing by its glyph: only one with a blank or
    // a line start before it and no word after it can be padded.
    for i in memchr::memchr_iter(b'"', b) {
        let open_before = i == 0 || blank(i - 1) || b[i - 1] == b'\n';
        if open_before && boundary(i + 1) {
            out.push(i);
        }
    }
    out.sort_unstable();
    out
}

/// Spaces after an opening quote ending at `after`, if something quoted follows on the line.
fn pad_after(text: &str, after: usize) -> Option<Span> {
    let b = text.as_bytes();
    let end = (after..b.len()).find(|&i| !is_pad(b[i])).unwrap_or(b.len());
    if end == after {
        return None;
    }
    let next = text[end..].chars().next()?;
    // `“ ‘Twas`: a space between nested quotes is typography.
    if matches!(next, '\n' | '\r' | '“' | '”' | '"' | '‘' | '\'') {
        return None;
    }
    Some(Span::new(after, end))
}

/// Spaces before a closing quote at `at`, if something quoted precedes it on the line.
fn pad_before(text: &str, at: usize, opener_end: usize) -> Option<Span> {
    let b = text.as_bytes();
    let start = (opener_end..at)
        .rev()
        .find(|&i| !is_pad(b[i]))
        .map_or(opener_end, |i| i + 1);
    if start == at || start == opener_end {
        return None;
    }
    // `relief.’ ” Ibid.`, `care,' " says`: nor between nested closing ones.
    if matches!(b[start - 1], b'\n' | b'\r' | b'\'') || text[..start].ends_with('’') {
        return None;
    }
    Some(Span::new(start, at))
}

fn push(out: &mut Vec<Diagnostic>, span: Span, what: &'static str) {
    out.push(Diagnostic::new(&META, span, what).with_fix(pad_fix(span, false)));
}

/// Deleting the spaces at `span`; for `string`, one word padded on one side
/// only (`the "From " line`, `“From ”`), unsafe: it may be a string shown
/// with its space, where a tokeniser pads both sides.
fn pad_fix(span: Span, string: bool) -> Fix {
    if string {
        Fix::unsafe_edit(
            "delete the spaces; a word padded on one side may be a string shown",
            Edit::delete(span),
        )
    } else {
        Fix::safe_edit("delete the spaces", Edit::delete(span))
    }
}

fn check_curly(doc: &Document, seg: Span, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let quotes: Vec<(usize, char)> = seg
        .slice(text)
        .char_indices()
        .filter(|&(_, c)| c == '“' || c == '”')
        .map(|(i, c)| (seg.start + i, c))
        .filter(|&(at, _)| !mojibake_quote(text, at))
        .collect();
    let mut open: Option<usize> = None;
    for (k, &(at, q)) in quotes.iter().enumerate() {
        let end = at + q.len_utf8();
        match (q, open) {
            // `light“ arbeiten`: a `“` glued to what precedes it, with no `”`
            // to come, closes (German) or is a reversed closer; the space
            // after it is the one between two words.
            ('“', None)
                if text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '—' | '–' | '/'))
                    && quotes.get(k + 1).is_none_or(|&(_, c)| c != '”') => {}
            ('“', None) => {
                if let Some(pad) = pad_after(text, end) {
                    push(out, pad, "space after an opening quote");
                }
                open = Some(end);
            }
            ('“', Some(opener_end)) => {
                let next = text[end..].chars().next();
                let ends_quote = next
                    .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']'));
                let closer_follows = quotes.get(k + 1).is_some_and(|&(_, c)| c == '”');
                match pad_before(text, at, opener_end) {
                    Some(pad) if ends_quote && !closer_follows => {
                        let span = Span::new(pad.start, end);
                        out.push(
                            Diagnostic::new(&META, span, "a closing quote typed as a spaced `“`")
                                .with_fix(Fix::safe_edit("close the quote with `”`", Edit::replace(span, "”"))),
                        );
                        open = None;
                    }
                    _ => open = Some(end),
                }
            }
            // A straight quote between them may close the `“` (`“m". ”`): the
            // pairing is not clear, and the `”` may be an orphan.
            // `“> ”`, a prompt's characters: with no letter or digit inside,
            // the quotes show a string whose spaces are part of it.
            ('”', Some(opener_end)) if !text[opener_end..at].chars().any(char::is_alphanumeric) => open = None,
            ('”', Some(opener_end)) => {
                if let (Some(pad), false) = (pad_before(text, at, opener_end), text[opener_end..at].contains('"')) {
                    let inner = text[opener_end..at].trim_matches([' ', '\t']);
                    let string = !inner.contains([' ', '\t']) && !text[opener_end..].starts_with([' ', '\t']);
                    out.push(
                        Diagnostic::new(&META, pad, "space before a closing quote").with_fix(pad_fix(pad, string)),
                    );
                }
                open = None;
            }
            _ => {}
        }
    }
}

fn check_straight(doc: &Document, seg: Span, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let b = text.as_bytes();
    let quotes: Vec<usize> = memchr::memchr_iter(b'"', &b[seg.start..seg.end])
        .map(|i| seg.start + i)
        .collect();
    if quotes.len() % 2 != 0 {
        return;
    }
    let boundary_before = |at: usize| {
        at == 0
            || text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'))
    };
    let boundary_after = |at: usize| {
        let mut rest = text[at + 1..].chars();
        match rest.next() {
            None => true,
            // `"?the`: a `?` glued to a word is a lost character, not a mark.
            Some('?' | '!') => rest.next().is_none_or(|c| !c.is_alphanumeric()),
            Some(c) => c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | ']' | '—'),
        }
    };
    // What a quotation starts and ends with; `"?at` is no quotation but a
    // dash lost in a charset conversion.
    let starts_quote = |o: usize| {
        let rest = text[o + 1..].trim_start_matches([' ', '\t']);
        rest.chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '‘' | '(' | '.' | '…' | '$' | '£' | '€'))
    };
    let ends_quote = |c: usize| {
        let head = text[..c].trim_end_matches([' ', '\t']);
        head.chars().next_back().is_some_and(|ch| {
            ch.is_alphanumeric() || matches!(ch, '.' | ',' | '!' | '?' | '…' | ')' | '\'' | '’' | '%')
        })
    };
    // Inches (`12"`) and quotes glued inside words make the pairing unclear.
    let clear = quotes.chunks(2).all(|p| {
        let (o, c) = (p[0], p[1]);
        boundary_before(o) && boundary_after(c) && starts_quote(o) && ends_quote(c)
    }) && !quotes.iter().any(|&q| q > 0 && b[q - 1].is_ascii_digit());
    if !clear || quotes.iter().any(|&q| names_the_mark(text, q)) {
        return;
    }
    for p in quotes.chunks(2) {
        let (o, c) = (p[0], p[1]);
        if string_literal(text, o, c) {
            continue;
        }
        let after = pad_after(text, o + 1).filter(|s| s.end < c);
        let before = pad_before(text, c, o + 1);
        // `the string " (deleted)"`: one word padded on one side only (`pad_fix`).
        let inner = text[o + 1..c].trim_matches([' ', '\t']);
        let string = after.is_some() != before.is_some() && !inner.contains([' ', '\t']);
        if let Some(pad) = after {
            out.push(Diagnostic::new(&META, pad, "space after an opening quote").with_fix(pad_fix(pad, string)));
        }
        if let Some(pad) = before {
            out.push(Diagnostic::new(&META, pad, "space before a closing quote").with_fix(pad_fix(pad, string)));
        }
    }
}

/// Whether the quotes at `o` and `c` hold a string in code, where a space
/// inside is data: one joined with `+` or `&` (`"Hello, " + name`,
/// `"The date is " & Date`), assigned
/// (`sep = " "`), given to a command's option (`formail -I "From "`) or to
/// a function (`=TRIM(" hello world ")`, `CONCATENATE("a"; " b ")`), shown
/// alone in brackets (`a text node (" is ")`), and a quote after a column
/// gap, which opens a Vim script's comment.
fn string_literal(text: &str, o: usize, c: usize) -> bool {
    let before = text[..o].trim_end_matches([' ', '\t']);
    let rest = text[c + 1..].trim_start_matches([' ', '\t']);
    // `+`, or BASIC's and spreadsheets' `&` (`"The date is " & Date`).
    let joined = rest.starts_with('+') || rest.starts_with("& ") || rest.starts_with("&\"") || before.ends_with('&');
    // Inside a call's brackets: the last bracket before the quote on its
    // line (within reach) opens right after a name.
    let (lo, _) = crate::text::line_reach(text.as_bytes(), o, o, 200);
    let line = &text[ceil_char_boundary(text, lo)..o];
    let in_call = line.rfind(['(', ')']).is_some_and(|i| {
        line[i..].starts_with('(') && line[..i].ends_with(|ch: char| ch.is_alphanumeric() || ch == '_')
    });
    let argument = in_call && (before.ends_with(['(', ',', ';']) && rest.starts_with([',', ';', ')']));
    let flag = before.rsplit([' ', '\t', '\n']).next().is_some_and(|t| {
        t.len() > 1 && t.starts_with('-') && t[1..].chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
    });
    let column = |q: usize| text[..q].ends_with("   ");
    // `a text node (" language is ")`: a value alone in brackets, shown
    // with the spaces it holds.
    let shown = before.ends_with('(') && rest.starts_with(')');
    joined || argument || shown || before.ends_with(['=', '+']) || flag || column(o) || column(c)
}

/// `Type " to start a string`, `a " mark`: a quote with blanks on both
/// sides after a word that names it is the character itself, not a quotation.
fn names_the_mark(text: &str, at: usize) -> bool {
    let blank = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\t');
    if !(blank(text[..at].chars().next_back()) && blank(text[at + 1..].chars().next())) {
        return false;
    }
    named_between(text, at, at + 1)
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Language};

    fn fix_in(text: &str, language: Language) -> String {
        crate::rules::testing::linter(&super::META, language)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    fn fix(text: &str) -> String {
        fix_in(text, Language::Is(crate::Lang::English))
    }

    #[test]
    fn keeps_the_spaces_of_a_string_given_to_a_function_but_not_of_a_quotation_between_commas() {
        let text = "=TRIM(\" hello world \") and Array(\"Neque porro \", \"quisquam est \").";
        assert_eq!(fix(text), text);
        assert_eq!(
            fix("Under the banner, \"march for justice \", thousands rallied."),
            "Under the banner, \"march for justice\", thousands rallied."
        );
    }

    #[test]
    fn a_word_padded_on_one_side_waits_for_review() {
        let text = "The mail program thinks that the \"From \" line starts a new message.";
        assert_eq!(fix(text), text);
        let unsafe_fixed = crate::rules::testing::english(&super::META)
            .fix(text, FixMode::Unsafe)
            .unwrap()
            .text;
        assert!(unsafe_fixed.contains("\"From\""), "{unsafe_fixed}");
        // Padded on both sides, it is a tokeniser's.
        assert_eq!(
            fix("He called it \" genius \" twice."),
            "He called it \"genius\" twice."
        );
        let curly = "Each line starting with “From ” begins a new message.";
        assert_eq!(fix(curly), curly);
    }

    #[test]
    fn removes_space_before_a_curly_closing_quote() {
        assert_eq!(
            fix("looking for “a warm, character-driven show ” to balance"),
            "looking for “a warm, character-driven show” to balance"
        );
    }

    #[test]
    fn keeps_nested_single_quotes() {
        let text = "“She said, ‘Why don’t you?’ and left.”";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_a_second_opening_quote_that_opens_a_nested_quotation() {
        let text = "“He called it “ great” and left.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn leaves_straight_quotes_alone_when_their_count_is_odd() {
        let text = "He said \" hello and \"bye \" to her.";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn leaves_french_documents_alone() {
        let text = "Il a dit “ bonjour ” hier.";
        assert_eq!(fix_in(text, Language::Is(crate::Lang::French)), text);
    }

    #[test]
    fn pairs_per_line_in_text_with_one_paragraph_per_line() {
        assert_eq!(
            fix("“Open without close.\nThen “ text” here."),
            "“Open without close.\nThen “text” here."
        );
    }

    #[test]
    fn stays_linear_on_many_quotes() {
        let text = "“ a “ ".repeat(50_000);
        let doc = crate::Document::new(&text);
        let mut out = Vec::new();
        crate::Rule::check(&super::SpaceInsideQuotes, &doc, &mut out);
        assert!(!out.is_empty());
    }
}
