use crate::prelude::*;

pub struct PunctuationOnlyLine;

static META: RuleMeta = RuleMeta {
    code: "P003",
    name: "punctuation-only-line",
    family: Family::Punctuation,
    summary: "A line that holds nothing but punctuation marks: `.`, `. ,`, `, ,`",
    docs: "\
Flags a line whose only visible characters are sentence punctuation
(`.` `,` `;` `:` `!` `?`), such as a lone `.` or `. ,` between paragraphs.

Scrapers leave them where an element (an embedded post, an image, an ad)
was cut out of a paragraph and only its trailing marks survived; machine
translation leaves them where a sentence was dropped.

A line of periods alone (`..`, `. . . .`) is flagged as well, but it
may be a deliberate section break, so its fix is unsafe; so is that of an
indented line, of a lone `?` or `!` (a reply, a list's `?` step before
`Profit!`), of one mark doubled (a shell `case`'s `;;`,
reStructuredText's `::`) or of more than four marks (code, ASCII art), and
of a line of marks above or below another, a pause drawn down the page,
and of one between two short lines that end on no mark: cells of a
flattened table, where `, ,` is a ditto mark.

Left alone even with unsafe fixes: a line of a drawing (`,:      :,`, a
heart's sides), a line near a line of a short symbol
(`#`, `0`, `?`), in a table of symbols, one cell a line, each above its
explanation; the mark is a symbol documented (a regular expression's `.`).

Left alone: a lone `…`, `...` or `. . .`, which marks an elision (lines
left out of a quotation or of a program's output), Markdown rules and section breaks (`---`, `***`,
`* * *`, `___`), list bullets (`-`, `*`, `•`), `--` separators, and any
line with a letter, digit, quote or bracket on it; a mark that leads the
line above or below it, with a space after it there (`;` between `; The
@ refers…` lines: an empty comment line); and a mark line under a line of
code that is code too (a `.` under `$ tree -d`: the program's output).

Fix: delete the line with its line break, and one blank line beside it
when it stood between two paragraphs, so the paragraphs stay one blank
line apart. Safe for marks (only punctuation and line breaks go); unsafe
for the lines that may be meant.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "First paragraph.\n\n. ,\n\nPartager cet article\n",
            output: "First paragraph.\n\nPartager cet article\n",
        },
        Fixture {
            input: "in stages.\r\n\r\n. . . .\r\n\r\nIndustry analysts said.\r\n",
            output: "in stages.\r\n\r\nIndustry analysts said.\r\n",
        },
        Fixture {
            input: "One line.\n.\nNext line.",
            output: "One line.\nNext line.",
        },
        Fixture {
            input: "Text.\n\n, ,",
            output: "Text.\n",
        },
    ],
    keeps: &[
        " ,:    V '. .' V    :,\n,:        / '        :,\n,:                   :,\n ,:       =:=       :,\n",
        "                         604800 )       ; Negative Cache TTL\n;\n; The @ refers to the zone name (\"falcot.com\" here)\n; or to $ORIGIN if that directive has been used\n;\n@       IN      NS      ns\n",
        "I have a directory like this:\n$ tree -d\n.\n|-- current7\n|   |-- SRPMS.current\n|   `-- redhat\n",
        "Part one.\n\n---\n\n***\n\n* * *\n\n___\n\nPart two.",
        "- item\n* item\n• item\n--\n…\n",
        "A line.\n\n“.”\n\n(.)\n",
        "Why? No. Yes!",
        "$ ls\n...\n$ sudo update-alternatives --config vi\n\nHe said:\n\n. . .\n\nand left.",
    ],
};

/// What a line of marks is: `None` if it is not one.
enum LineKind {
    /// Marks left behind by a cut: safe to delete.
    Marks,
    /// Marks that may be meant: a line of periods (a section break), an
    /// indented line, one mark doubled or more than four marks (code,
    /// ASCII art), a column of such lines (a pause drawn down the page).
    Layout,
}

fn classify(line: &str) -> Option<LineKind> {
    let mut marks = 0;
    let mut periods = 0;
    for b in line.bytes() {
        match b {
            b'.' => {
                marks += 1;
                periods += 1;
            }
            b',' | b';' | b':' | b'!' | b'?' => marks += 1,
            b' ' | b'\t' => {}
            _ => return None,
        }
    }
    let indented = line.starts_with([' ', '\t']);
    // One mark doubled is syntax: a shell `case`'s `;;`, reStructuredText's `::`.
    let doubled = matches!(line.as_bytes(), [a, b] if a == b);
    match marks {
        0 => None,
        // `...` alone marks an elision (lines left out of a quotation, a
        // program's output): it is content.
        3 if periods == 3 => None,
        _ if (periods == marks && marks >= 2) || indented || doubled || marks > 4 => Some(LineKind::Layout),
        _ => Some(LineKind::Marks),
    }
}

impl Rule for PunctuationOnlyLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().any(b",;:.!?") {
            return;
        }
        let text = doc.text();
        let lines = doc.lines();
        let blank = |i: usize| lines[i].slice(text).trim().is_empty();
        // Where line `i` ends, its terminator included.
        let full_end = |i: usize| lines.get(i + 1).map_or(text.len(), |l| l.start);
        for (i, &line) in lines.iter().enumerate() {
            let s = line.slice(text);
            // Short lines only: a line of marks is a handful of characters.
            if s.len() > 64 {
                continue;
            }
            let Some(mut kind) = classify(s) else { continue };
            // A column of marks, one per line, is a pause drawn down the
            // page (verse, jokes, a script's ellipsis), not a scrap.
            let marks_line = |j: usize| lines[j].slice(text).len() <= 64 && classify(lines[j].slice(text)).is_some();
            if (i > 0 && marks_line(i - 1)) || (i + 1 < lines.len() && marks_line(i + 1)) {
                kind = LineKind::Layout;
            }
            // A table of symbols flattened into lines, one cell a line: `#`,
            // `?`, `0` each above its explanation. A symbol cell among the
            // nearest lines makes this mark one too: the symbol documented
            // (a regular expression's `.`), which no fix may take.
            let cell = |j: usize| {
                let t = lines[j].slice(text).trim();
                !t.is_empty() && t.chars().count() <= 3 && !t.chars().any(char::is_alphabetic) && classify(t).is_none()
            };
            let written = |r: &mut dyn Iterator<Item = usize>| r.filter(|&j| !blank(j)).take(4).any(cell);
            if written(&mut (i.saturating_sub(8)..i).rev()) || written(&mut (i + 1..lines.len().min(i + 9))) {
                continue;
            }
            let prev_blank = i == 0 || blank(i - 1);
            let next_blank = i + 1 >= lines.len() || blank(i + 1);
            // `;` between `; The @ refers…` lines leads an empty comment
            // line; a `.` under `$ tree -d` is what the program printed.
            let leads = |j: usize| {
                lines[j]
                    .slice(text)
                    .trim_start()
                    .strip_prefix(s.trim())
                    .is_some_and(|rest| rest.starts_with(' '))
            };
            // A drawing's line of marks (`,:      :,`) is one of its strokes.
            if (!prev_blank && (leads(i - 1) || (doc.in_code_line(lines[i - 1].start) && doc.in_code_line(line.start))))
                || (!next_blank && leads(i + 1))
                || doc.in_code_line(line.start)
            {
                continue;
            }
            // A paragraph of its own between two short ones that end on no
            // mark, the cells of a flattened table (a command above and
            // below): `, ,` may be a ditto mark, "the same as above".
            let nearest =
                |r: &mut dyn Iterator<Item = usize>| r.filter(|&j| !blank(j)).map(|j| lines[j].slice(text)).next();
            let unpunctuated_cell = |l: Option<&str>| {
                l.is_some_and(|l| {
                    let l = l.trim();
                    l.len() <= 60 && !l.ends_with(['.', ',', ';', ':', '!', '?', '…'])
                })
            };
            if prev_blank
                && next_blank
                && unpunctuated_cell(nearest(&mut (i.saturating_sub(3)..i).rev()))
                && unpunctuated_cell(nearest(&mut (i + 1..lines.len().min(i + 4))))
            {
                kind = LineKind::Layout;
            }
            // `…odpowiedzialności za dokonane czyny` then `?` alone: the
            // question's own mark, wrapped. It goes back up, not away.
            // Set in from the margin, it is placed: a concrete poem's last
            // `!` centred under its lines.
            let body = s.trim();
            let exclaims = matches!(body, "?" | "!" | "?!" | "!?");
            if exclaims
                && !s.starts_with([' ', '\t'])
                && !prev_blank
                && text[..lines[i - 1].end].ends_with(char::is_alphanumeric)
            {
                let above = text[..lines[i - 1].end].trim_end_matches([' ', '\t']).len();
                let wrap = Span::new(above, line.start + (s.len() - s.trim_start().len()));
                out.push(
                    Diagnostic::new(
                        &META,
                        Span::new(line.start, line.end),
                        "a sentence's mark wrapped onto a line of its own",
                    )
                    .with_fix(Fix::safe_edit("join it to the line above", Edit::delete(wrap))),
                );
                continue;
            }
            // A question or an exclamation mark alone says something: a
            // list's `?` step between `Run this` and `Profit!`, a reply.
            if exclaims {
                kind = LineKind::Layout;
            }
            let span = if prev_blank && next_blank && i + 1 < lines.len() {
                Span::new(line.start, full_end(i + 1))
            } else if prev_blank && next_blank && i > 0 {
                Span::new(lines[i - 1].start, full_end(i))
            } else {
                Span::new(line.start, full_end(i))
            };
            let diag = Diagnostic::new(
                &META,
                Span::new(line.start, line.end),
                "a line of nothing but punctuation",
            );
            out.push(match kind {
                LineKind::Marks => diag.with_fix(Fix::safe_edit("delete the line", Edit::delete(span))),
                LineKind::Layout => diag.with_fix(Fix::unsafe_edit(
                    "delete the line (unless it is a section break)",
                    Edit::delete(span),
                )),
            });
        }
    }
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
    fn joins_a_wrapped_question_mark_to_its_sentence() {
        assert_eq!(
            fix(
                "Will anyone answer for what they did\n?\n\nDo you know?\n",
                FixMode::Safe
            ),
            "Will anyone answer for what they did?\n\nDo you know?\n"
        );
        // Alone after a finished sentence, the mark may be meant (a reply,
        // a list's step): only unsafe fixes delete it.
        let alone = "It was over.\n?\nThen it began.\n";
        assert_eq!(fix(alone, FixMode::Safe), alone);
        assert_eq!(fix(alone, FixMode::Unsafe), "It was over.\nThen it began.\n");
        let step = "Run this command: ls -l *.html\n\nls -l *.html\n\n?\n\nProfit!\n";
        assert_eq!(fix(step, FixMode::Safe), step);
        // Set in under its lines, the mark is placed, not wrapped.
        let poem = "             you\n              !\n";
        assert_eq!(fix(poem, FixMode::Safe), poem);
    }

    #[test]
    fn deletes_a_lone_period_line() {
        assert_eq!(fix("a\n.\nb\n", FixMode::Safe), "a\nb\n");
    }

    #[test]
    fn keeps_elided_code_and_ascii_art_unless_unsafe_fixes_are_on() {
        for text in ["do {\n    :\n} while (busy);\n", "art\n:::.,:;\nend\n"] {
            assert_eq!(fix(text, FixMode::Safe), text);
        }
    }

    #[test]
    fn keeps_a_column_of_periods_unless_unsafe_fixes_are_on() {
        let text = "And then\n.\n.\n.\nhe woke up.\n";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(fix(text, FixMode::Unsafe), "And then\nhe woke up.\n");
    }

    #[test]
    fn keeps_a_line_of_periods_unless_unsafe_fixes_are_on() {
        let text = "a\n\n. . . .\n\nb\n";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(fix(text, FixMode::Unsafe), "a\n\nb\n");
    }

    #[test]
    fn keeps_an_ellipsis_line_that_marks_an_elision_even_with_unsafe_fixes() {
        for text in ["$ make\n...\n$ make install\n", "He wrote:\n\n. . .\n\nand no more.\n"] {
            assert_eq!(fix(text, FixMode::Unsafe), text);
        }
    }

    #[test]
    fn keeps_a_symbol_cell_of_a_flattened_table_even_with_unsafe_fixes() {
        let text = "Placeholders\n\n#\n\nDoes not display extra zeros.\n\n?\n\nDisplays a space instead.\n";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(fix(text, FixMode::Unsafe), text);
        let regex = "c\n\nmatches the letter c\n\n.\n\nmatches any character\n\n^\n\nmatches the start\n";
        assert_eq!(fix(regex, FixMode::Unsafe), regex);
        // Not so after a finished sentence, where it may be a reply: only
        // unsafe fixes delete it.
        let reply = "A paragraph.\n\n?\n\nDisplays a space instead.\n";
        assert_eq!(fix(reply, FixMode::Safe), reply);
        assert_eq!(
            fix(reply, FixMode::Unsafe),
            "A paragraph.\n\nDisplays a space instead.\n"
        );
    }

    #[test]
    fn keeps_a_ditto_mark_between_table_cells_unless_unsafe_fixes_are_on() {
        let text =
            "gpg -a -s file\n\nsign a file in ASCII armour\n\ngpg --armor --sign file\n\n, ,\n\ngpg --clearsign file\n";
        assert_eq!(fix(text, FixMode::Safe), text);
        assert_eq!(
            fix("Share this\n\n, ,\n\nRelated articles\n", FixMode::Unsafe),
            "Share this\n\nRelated articles\n"
        );
        // After a sentence, the marks are a cut's leftovers.
        assert_eq!(
            fix("The talks ended.\n\n, ,\n\nRelated articles\n", FixMode::Safe),
            "The talks ended.\n\nRelated articles\n"
        );
    }

    #[test]
    fn keeps_the_final_newline_when_the_last_line_goes() {
        assert_eq!(fix("a\n\n.\n", FixMode::Safe), "a\n");
    }

    #[test]
    fn deletes_a_first_line_of_marks_with_its_blank_line() {
        assert_eq!(fix(", ,\n\nText.\n", FixMode::Safe), "Text.\n");
    }

    #[test]
    fn keeps_crlf_on_the_lines_that_stay() {
        assert_eq!(fix("a\r\n;\r\nb\r\n", FixMode::Safe), "a\r\nb\r\n");
    }

    #[test]
    fn keeps_a_lone_ellipsis_character() {
        let text = "a\n\n…\n\nb";
        assert_eq!(fix(text, FixMode::Unsafe), text);
    }
}
