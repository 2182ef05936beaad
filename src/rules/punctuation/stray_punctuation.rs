use crate::lang::SPACED_EUROPEAN;
use crate::lexicon::{CLAUSE_SUBORDINATORS, FINAL_SUBORDINATORS, PREPOSITIONS, REPORTING_WORDS};
use crate::prelude::*;
use crate::text::trailing_letters;

pub struct StrayPunctuation;

static META: RuleMeta = RuleMeta {
    code: "P002",
    name: "stray-punctuation",
    family: Family::Punctuation,
    summary: "A paragraph that opens with a comma or period, or ends on a comma",
    docs: "\
Flags punctuation that opens a paragraph or sentence line, `., Casting has
not been announced`, `, The company said`, and a comma or semicolon that
closes a paragraph, `The regulator said it would open an inquiry,`.

When a scraper splits text at a removed element, or machine translation
drops the clause a mark belonged to, the mark is left stranded at the edge
of a paragraph.

A line counts as opening when it starts a paragraph or follows a line that
ends a sentence. Left alone: ellipses (`...and then`), marks that start a
token (`.NET`, `.45`), `?` or `!` glued to a word, colons, a mark on an
indented line or in a run of three (code: `⇥,LET)`, `;;; comment`), a
`;` opening a line when another line within three also opens with one
(the comments of a zone file, an INI file or assembly), a
period, `?` or `!` before a lowercase word or a bracket, which the line
defines (`? matches one character`), a lone `!` or `?` (`! EXPR`), lines
of nothing but punctuation (`punctuation-only-line`'s), and for the
closing comma: list items, short lines and verse (a stanza may end on a
comma), a short sentence of its own that introduces what follows (`For
example,` above a listing), an opening phrase the next paragraph goes on
from (`Throughout the campaign,`, split by a line break), a letter's
closing above a name (`see you soon,` then `Max Steinbeis`), a
paragraph that the next one continues in lowercase or that introduces the
speech the next one quotes after a verb of saying (`made bold to
speak,`), a run of paragraphs
that each end on a comma, semicolon or colon (the recitals of a
declaration, the items of an enumeration), or every other one on a comma
or semicolon (a definition list: a term, then its clause), a comma after
other punctuation (`punctuation-cluster`'s), and the `;` of an HTML entity
(`inside.&rdquo;`).

The closing comma is judged in English paragraphs only: that a paragraph
cannot end on one is a convention of English news prose.

Fix: deleting opening marks is safe (only punctuation and a space go).
Replacing a closing comma with a period is unsafe: the paragraph may have
been cut mid-sentence, and a person should decide.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::scripts(SPACED_EUROPEAN).prose(),
    flags: &[
        Fixture {
            input: "It grew.\n\n., Casting has not been announced.\n",
            output: "It grew.\n\nCasting has not been announced.\n",
        },
        Fixture {
            input: ". Emergency services said some callers could not reach them.",
            output: "Emergency services said some callers could not reach them.",
        },
        Fixture {
            input: "The regulator said it would open an inquiry ,\n\nNext.",
            output: "The regulator said it would open an inquiry.\n\nNext.",
        },
        Fixture {
            input: "One line ends.\n,The company said so.",
            output: "One line ends.\nThe company said so.",
        },
    ],
    keeps: &[
        "[+] SignOff gari_: #hax (EOF From client)\n\n;P evilme. I had to let off steam, it has been two weeks.",
        "100..499\n\nwill only be installed if there is no newer version available in another distribution,\n\n500..989\n\nwill only be installed if there is no newer version available in the target distribution,\n\n990..1000\n\nwill be installed unless the installed version is newer.\n",
        "        IN      NS      ns.internal.example.com.\n\n; 192.168.0.1 -> arrakis\n1.0     IN      PTR     arrakis.\n; 192.168.0.2 -> neptune\n2.0     IN      PTR     neptune.\n",
        "...and then it rained.\n\n.NET is a runtime.",
        "In this field, multiple numbers can be entered separated by ;\n\nThe list is read in order.",
        "The response also has a type, which is “basic”, “cors”, “default”,\n\n“error” or “opaque”, and it tells where the response came from.",
        "Decimal places\n\n,5 is read as 0,5 in this format, and so is ,25.",
        "Throughout the black operations campaign,\n\nUS intelligence appears to have worked through the company.\n",
        "Keep up the spirit! All the best, and see you in a few weeks,\n\nMax Steinbeis\n",
        "Roses are red,\nviolets are blue,\n\nsugar is sweet.",
        "- apples,\n- pears,\n\nDone.",
        "The list continues across the break as follows,\n\nand then it ends.",
        ". ,\n\n, ,",
        "Note:\n\nHe said “waste”. ,",
        "wrapped line ending with a comma,\n, odd but mid-paragraph",
        "(LET ((LET ',LET))\n\n\t\t,LET)))\n\n;;; We are an equal opportunity employer.",
        "Wildcards:\n\n? matches exactly one character.\n\n! EXPRESSION\n\n. (dot) and .. are not hidden.",
        "But developers want to see what is inside.&rdquo;",
        "The relations are less or equal, and strictly greater, respectively. For example,\n\nDepends: foo (>= 1.2)\nConflicts: baz\n\nThese lines are taken from a real control file.",
        "Whereas the parties to this agreement have met in good faith,\n\nWhereas the talks have lasted for a year;\n\nNow, therefore, the parties agree as follows.",
    ],
};

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '…', '”', '"', '’', ')', ':'])
}

fn is_blank_line(line: &str) -> bool {
    line.trim().is_empty()
}

/// The marks opening `line` (after any indentation), to delete with the
/// blanks after them, if a word follows.
fn opening_marks(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let start = b.iter().position(|&c| !is_blank(c))?;
    let mut end = start;
    let mut marks = 0;
    while end < b.len() && (matches!(b[end], b',' | b';' | b'.' | b'!' | b'?') || is_blank(b[end])) {
        if !is_blank(b[end]) {
            marks += 1;
            if b[end] == b'.' && b.get(end + 1) == Some(&b'.') {
                return None; // an ellipsis
            }
        }
        end += 1;
    }
    if marks == 0 {
        return None;
    }
    let next = line[end..].chars().next()?;
    if !(next.is_alphanumeric() || crate::segment::is_opener(next)) {
        return None;
    }
    // A sentence's mark left by a cut stands before a new sentence; before
    // a lowercase word or a bracket it is the term a line defines (`?
    // matches one character`, `. (dot) is hidden`), and a lone `!` or `?`
    // opens a logical `! EXPRESSION`.
    let comma = b[start..end].iter().any(|&c| matches!(c, b',' | b';'));
    if !comma
        && (!(next.is_uppercase() || next.is_ascii_digit() || (crate::segment::is_opener(next) && next != '('))
            || b[start..end].iter().all(|&c| matches!(c, b'!' | b'?') || is_blank(c)))
    {
        return None;
    }
    // `.NET`, `?foo`: glued marks belong to the word, except a comma;
    // `,5` and `.5` are the number's decimal mark.
    if !is_blank(b[end - 1]) && (!matches!(b[end - 1], b',' | b';') || next.is_ascii_digit()) {
        return None;
    }
    Some((start, end))
}

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    let token = t.split_whitespace().next().unwrap_or("");
    matches!(token, "-" | "*" | "+" | "•" | "–" | "—")
        || token
            .strip_suffix(['.', ')'])
            .is_some_and(|b| !b.is_empty() && b.len() <= 3 && b.bytes().all(|c| c.is_ascii_alphanumeric()))
        || (token.starts_with('(') && token.ends_with(')') && token.len() <= 5)
}

impl Rule for StrayPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b",;.!?") {
            return;
        }
        let text = doc.text();
        let lines = doc.lines();
        let slice = |i: usize| lines[i].slice(text);
        let mut para_first = 0;
        for i in 0..lines.len() {
            let line = slice(i);
            let body = line.trim();
            if body.is_empty() {
                continue;
            }
            let starts_para = i == 0 || is_blank_line(slice(i - 1));
            if starts_para {
                para_first = i;
            }
            // An indented line opening with a mark is code or layout
            // (Lisp's `,x`, a magazine's `;login:`), and so is a run of one
            // mark (`;;;` opening a comment).
            let opens_with_mark = line.starts_with([',', ';', '.', '!', '?'])
                && line.as_bytes().get(1..3).is_none_or(|m| m != [line.as_bytes()[0]; 2]);
            // `; 192.168.0.1 -> arrakis` among other lines that open with
            // `;`: the comments of a zone file, an INI file or assembly.
            let comments = line.starts_with(';')
                && (i.saturating_sub(3)..(i + 4).min(lines.len()))
                    .any(|j| j != i && slice(j).trim_start().starts_with(';'));
            // `;P evilme.`, `:) ok`: a face opening the line.
            let face = line.starts_with([';', ':']) && crate::text::emoticons::follows_eyes(&line[1..]);
            if opens_with_mark && !comments && !face && (starts_para || ends_sentence(slice(i - 1))) {
                if let Some((s, e)) = opening_marks(line) {
                    let span = Span::new(lines[i].start + s, lines[i].start + e);
                    out.push(
                        Diagnostic::new(&META, span, "punctuation opening a paragraph")
                            .with_fix(Fix::safe_edit("delete the stray marks", Edit::delete(span))),
                    );
                }
            }
            let ends_para = i + 1 == lines.len() || is_blank_line(slice(i + 1));
            if ends_para && body.ends_with([',', ';']) {
                check_closing(doc, para_first, i, out);
            }
        }
    }
}

fn check_closing(doc: &Document, first: usize, last: usize, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let lines = doc.lines();
    let line = lines[last].slice(text);
    let body = line.trim_end();
    if !body.ends_with([',', ';']) {
        return;
    }
    // That a paragraph cannot end on a comma is a convention of English
    // prose; other languages' recitals and headings may.
    if doc.language_at(lines[last].start) != Some(Lang::English) {
        return;
    }
    let mark_at = body.len() - 1;
    if super::helpers::ends_entity(text, lines[last].start + mark_at) {
        return; // `&rdquo;`
    }
    // `a type: “basic”, “cors”,` above `“error” or …`: a list of quoted
    // words that a line break cut goes on in the next paragraph.
    let next = text[lines[last].end..].trim_start();
    let quoted_item = body[..mark_at].ends_with(['”', '"', '’', '\'']);
    if quoted_item && next.starts_with(['"', '“', '«', '„', '\'', '‘']) {
        return;
    }
    let before = body[..mark_at].trim_end_matches([' ', '\t']);
    // `numbers separated by ;`: a mark standing alone after `by` or an
    // article is named.
    if before.len() < mark_at && crate::rules::whitespace::names_the_mark(before) {
        return;
    }
    let prev_visible = before.trim_end_matches(crate::segment::is_closer);
    if !prev_visible.chars().next_back().is_some_and(char::is_alphanumeric) {
        return;
    }
    let words = before
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words < 4 || is_list_item(lines[first].slice(text)) {
        return;
    }
    // A short sentence of its own introduces what follows (`…respectively.
    // For example,` above a listing): it was not cut.
    let last_sentence = before.rsplit(['.', '!', '?', ':']).next().unwrap_or(before);
    if before.len() > last_sentence.len() && last_sentence.split_whitespace().count() <= 3 {
        return;
    }
    // An opening phrase and its comma (`Throughout the campaign,`, `When
    // the vote came,`): the sentence goes on in the next paragraph, split
    // there by a line break the page had.
    let opener = last_sentence.split_whitespace().next().unwrap_or("");
    if !last_sentence.contains(',')
        && (PREPOSITIONS.contains(opener)
            || CLAUSE_SUBORDINATORS.contains(opener)
            || FINAL_SUBORDINATORS.contains(opener)
            || opener.eq_ignore_ascii_case("when")
            || opener.eq_ignore_ascii_case("if"))
    {
        return;
    }
    // Verse: several short lines.
    if last > first && (first..=last).all(|i| lines[i].len() < 60) {
        return;
    }
    // The next paragraph carries on the sentence.
    let next_para = lines[last + 1..]
        .iter()
        .map(|l| l.slice(text).trim_start())
        .find(|l| !l.is_empty());
    let next_first = next_para.and_then(|l| l.chars().next());
    if next_first.is_some_and(char::is_lowercase) {
        return;
    }
    // A letter's closing above the writer's name (`see you in a few
    // weeks,` then `Max Steinbeis`).
    let signed = next_para.is_some_and(|l| {
        let words: Vec<&str> = l.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && !l.ends_with(['.', '!', '?', ':', ',', ';'])
    });
    if signed {
        return;
    }
    // …or quotes the speech a verb of saying introduced with the comma
    // (`made bold to speak,` then `"Please, sir, who is it?"`), a few
    // words back too (`stated in their testimony,`).
    if next_first.is_some_and(|c| matches!(c, '"' | '“' | '‘' | '«' | '„'))
        && before
            .rsplit(char::is_whitespace)
            .take(SAYING_WORDS)
            .any(|w| REPORTING_WORDS.contains(trailing_letters(w)))
    {
        return;
    }
    // A run of clauses, each a paragraph: the recitals of a declaration
    // (`Whereas …,`), the items of an enumeration (`…;`).
    let ends_clause = |l: &str| l.trim_end().ends_with([',', ';', ':']);
    let prev_para = lines[..first]
        .iter()
        .rev()
        .map(|l| l.slice(text))
        .find(|l| !is_blank_line(l));
    let next_para_end = lines[last + 1..]
        .iter()
        .map(|l| l.slice(text))
        .skip_while(|l| is_blank_line(l))
        .take_while(|l| !is_blank_line(l))
        .last();
    if prev_para.is_some_and(ends_clause) || next_para_end.is_some_and(ends_clause) {
        return;
    }
    // …and a definition list, a term then a clause each (`100..499` then
    // `…available in another distribution,`): two paragraphs away.
    let ends_item = |l: &str| l.trim_end().ends_with([',', ';']);
    if paragraph_end(lines[..first].iter().rev().map(|l| l.slice(text)), 2).is_some_and(ends_item)
        || paragraph_end_after(lines[last + 1..].iter().map(|l| l.slice(text)), 2).is_some_and(ends_item)
    {
        return;
    }
    let line_start = lines[last].start;
    let span = Span::new(line_start + before.len(), line_start + mark_at + 1);
    out.push(
        Diagnostic::new(&META, span, "a paragraph ending on a comma").with_fix(Fix::unsafe_edit(
            "end the paragraph with a period",
            Edit::replace(span, "."),
        )),
    );
}

/// How many words back a verb of saying may introduce the speech a
/// paragraph ending on a comma gives to the next.
const SAYING_WORDS: usize = 5;

/// The last line of the `n`th paragraph before (lines given backwards).
fn paragraph_end<'t>(back: impl Iterator<Item = &'t str>, n: usize) -> Option<&'t str> {
    let mut seen = 0;
    let mut inside = false;
    for l in back {
        if is_blank_line(l) {
            inside = false;
        } else if !inside {
            inside = true;
            seen += 1;
            if seen == n {
                return Some(l);
            }
        }
    }
    None
}

/// The last line of the `n`th paragraph after (lines given forwards).
fn paragraph_end_after<'t>(ahead: impl Iterator<Item = &'t str>, n: usize) -> Option<&'t str> {
    let mut seen = 0;
    let mut current: Option<&'t str> = None;
    for l in ahead {
        if is_blank_line(l) {
            if let Some(end) = current.take() {
                seen += 1;
                if seen == n {
                    return Some(end);
                }
            }
        } else {
            current = Some(l);
        }
    }
    current.filter(|_| seen + 1 == n)
}

#[cfg(test)]
mod tests {
    use crate::FixMode;

    fn fix(text: &str, mode: FixMode) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, mode)
            .unwrap()
            .text
    }

    #[test]
    fn deletes_a_comma_opening_a_paragraph() {
        assert_eq!(fix(", The company said.", FixMode::Safe), "The company said.");
    }

    #[test]
    fn only_suggests_a_period_for_a_closing_comma() {
        let text = "The regulator said it would open an inquiry,";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(
            fix(text, FixMode::Unsafe),
            "The regulator said it would open an inquiry."
        );
    }

    #[test]
    fn still_ends_a_cut_sentence_that_opens_with_a_phrase_or_sits_above_a_sentence() {
        assert_eq!(
            fix(
                "In a statement, the regulator said it would open an inquiry,\n\nNext.",
                FixMode::Unsafe
            ),
            "In a statement, the regulator said it would open an inquiry.\n\nNext."
        );
        assert_eq!(
            fix(
                "The regulator said it would open an inquiry,\n\nShares fell sharply on Monday.",
                FixMode::Unsafe
            ),
            "The regulator said it would open an inquiry.\n\nShares fell sharply on Monday."
        );
    }

    #[test]
    fn keeps_an_ellipsis_opening_a_paragraph() {
        let text = "... and then it rained.";
        assert_eq!(fix(text, FixMode::Unsafe), text);
    }

    #[test]
    fn keeps_a_comma_at_the_end_of_a_wrapped_line() {
        let text = "The company said that its revenue,\nwhich grew, was fine.";
        assert_eq!(fix(text, FixMode::Unsafe), text);
    }

    #[test]
    fn keeps_a_comma_that_introduces_speech_in_the_next_paragraph() {
        let text = "The clerk, after scratching about for his ideas, made bold to speak,\n\n\"Please, sir, who is the Lord Warden?\"\n";
        assert_eq!(fix(text, FixMode::Unsafe), text);
        let text = "A former partner at the firm stated in their testimony,\n\n\"Sometimes he answered that they were friends.\"\n";
        assert_eq!(fix(text, FixMode::Unsafe), text);
    }

    #[test]
    fn keeps_crlf_when_fixing_a_closing_comma() {
        assert_eq!(
            fix("It said it would open an inquiry,\r\n\r\nNext.\r\n", FixMode::Unsafe),
            "It said it would open an inquiry.\r\n\r\nNext.\r\n"
        );
    }

    #[test]
    fn replaces_a_comma_after_a_closing_quote() {
        assert_eq!(
            fix("He called the plan a “waste”,", FixMode::Unsafe),
            "He called the plan a “waste”."
        );
    }
}
