use crate::prelude::*;
use crate::text::chars::is_cjk_letter;

use super::trailing_whitespace::is_blank;

pub struct LeadingWhitespace;

static META: RuleMeta = RuleMeta {
    code: "W005",
    name: "leading-whitespace",
    family: Family::Whitespace,
    summary: "Spaces or a tab before the first word of a prose paragraph",
    docs: "\
Flags whitespace that opens a line of running prose: ` date 2023-12-18
TikTok’s parent…`, `  For its tenth edition…`, `⇥Ferreyra passed the
medical…`.

Scrapers keep the indentation of the HTML source or the space left by a
removed tag or image; machine translation pipelines prepend a space when
they glue segments together.

Only a line that starts a paragraph or a sentence, and whose neighbours in
the paragraph are not indented, counts. Up to three spaces (or no-break,
ideographic and other Unicode spaces) are flagged before any word; four or
more spaces, or a tab, only before a line of prose (eight or more words
ending in sentence punctuation), since that much indentation is how
Markdown marks code.

Left alone: indented blocks (code, poetry, block quotes: two or more
indented lines in a row), a line indented under a label that ends in a
colon (`Murphy's Law:` then `⇥Anything that can go wrong…`) and its
later paragraphs set in the same way (a dictionary's second sense), list items
(`- item`, `* item`, `1. item`, `a) item`) and the lines and paragraphs
that continue one, set in to its text (`1. Install it.` then `   Give it
a name.`), a program's output under its shell prompt (`$ gio info …`), a
centred title (a short line alone, set in by two spaces or more), code (a line ending in `;`,
`{` or `}`, a statement under `if (…)`, a block after an rST directive
or a `::` paragraph), lines starting with
punctuation or a bracket, a reply quoted under its writer's initials
(`    J> Absolutely`), an e-mail's signature (everything under `-- ` alone
on its line), CJK paragraphs (`\u{3000}\u{3000}` is how they
indent), documents that indent most of their
paragraphs on purpose (three or more, and more than half), and Markdown,
where indentation is structure (nested lists, code, continuation lines).

Fix (safe): delete the indentation.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE.prose(),
    flags: &[
        Fixture {
            input: " date 2023-12-18 TikTok’s parent company said.\n\nMore.\n",
            output: "date 2023-12-18 TikTok’s parent company said.\n\nMore.\n",
        },
        Fixture {
            input: "Title\n\n  For its tenth edition, it leaned hard into the past.\n",
            output: "Title\n\nFor its tenth edition, it leaned hard into the past.\n",
        },
        Fixture {
            input: "Arrives.\r\n\r\n\tFerreyra passed the medical examination on Monday in Valencia.\r\n",
            output: "Arrives.\r\n\r\nFerreyra passed the medical examination on Monday in Valencia.\r\n",
        },
        Fixture {
            input: "It rained.\n\u{a0}\u{a0}The match went ahead anyway.",
            output: "It rained.\nThe match went ahead anyway.",
        },
        Fixture {
            input: "1. First item.\n\n The council then met again on Monday.\n",
            output: "1. First item.\n\nThe council then met again on Monday.\n",
        },
    ],
    keeps: &[
        "Friends, n.:\n\tPeople who borrow your books and set wet glasses on them.\n\n\tPeople who know you well, but like you anyway.\n",
        "Code:\n\n    let x = 1;\n    let y = 2;\n",
        "So the old song says.\n\n  Oh! jolly is the gale,   And a joker is the whale,   A' flourishin' his tail.\n",
        "It should print something like this:\n\n    2010-12-12 11:41:42,612 is when this event was logged.\n\nThe default format is ISO8601.\n",
        "Steps:\n\n  - first\n  - second\n  1. third\n",
        "  Roses are red,\n  violets are blue.\n",
        "A line\n  wrapped with a hanging indent\n",
        "Murphy's Law:\n\tIf anything can go wrong, it will, and at the worst possible moment.\n",
        "\u{3000}\u{3000}中文段落的缩进。\n",
        "    short code line\n",
        "Jane wrote:\n\n    J> Absolutely, and I have wanted to get back to it for years.\n\nMe too.\n",
        "It works fine on the laptop.\n\n--\nJane Doe\n\n  Ask not what the list can do for you.\n",
        "  (a) first item\n",
        "  One para.\n\n  Two para.\n\n  Three para.\n\nFour.\n",
        "The style:\n\nif (foo == NULL)\n  fatal (\"virtual memory exhausted\");\n",
        "Install it.\n\n.. code-block:: shell\n\n   pip install -U sphinx\n",
        "Run this::\n\n  make install DESTDIR=out and then reboot the machine\n",
        "Then:\n\n  x = compute(a, b) + offset for every item in the list;\n",
        "Die Funktion wird mit der folgenden Syntax aufgerufen:\n\n  Variable = FunctionName( [Parameter1:=]Value1, [Parameter2:=]Value2, ...)\n",
        "Then run it:\n\n$ gio info test.xyz | grep \"standard::content-type\"\n  standard::content-type: application/x-newtype\n",
        "1. **Create a new project.**\n\n   Give it the name \"My Site\".\n\n2. **Start it.**\n",
        "3. Use the front-end scripts to convert documents.\n   Try for example the FAQ page of the project itself.\n",
        "   Gruselett\n\nDer Flügelflagel gaustert\ndurchs Wiruwaruwolz.\n",
    ],
};

/// A list marker such as `1.`, `a)`, `iv.` or a bullet.
fn is_list_marker(token: &str) -> bool {
    if matches!(token, "-" | "*" | "+" | "•" | "–" | "—" | "·" | "▪" | "◦") {
        return true;
    }
    let Some(body) = token.strip_suffix(['.', ')']) else {
        return false;
    };
    let digits = !body.is_empty() && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit());
    let letter = body.len() == 1 && body.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = !body.is_empty() && body.len() <= 5 && body.bytes().all(|b| b"ivxlcdm".contains(&b));
    digits || letter || roman
}

/// How many lines back a list item's continuation is looked for.
const LIST_REACH: usize = 40;

/// True when the nearest line above that is set in less than `width` is a
/// list item whose text starts at column `width`: what is indented to that
/// column continues the item.
fn continues_list_item(above: &[Span], text: &str, width: usize) -> bool {
    let Some(line) = above
        .iter()
        .rev()
        .take(LIST_REACH)
        .map(|l| l.slice(text))
        .find(|l| !is_blank_line(l) && indent_len(l) < width)
    else {
        return false;
    };
    let item = &line[indent_len(line)..];
    let marker = item.split(is_blank).next().unwrap_or("");
    let after = &item[marker.len()..];
    is_list_marker(marker)
        && !after.is_empty()
        && indent_len(line) + marker.len() + (after.len() - after.trim_start_matches(is_blank).len()) == width
}

/// Running prose: enough words, ending like a sentence.
fn is_prose(content: &str) -> bool {
    let words = content.split_whitespace().count();
    words >= 8 && content.trim_end().ends_with(['.', '!', '?', '…', '”', '"', '’', ')'])
}

fn indent_len(line: &str) -> usize {
    line.len() - line.trim_start_matches(is_blank).len()
}

fn is_blank_line(line: &str) -> bool {
    line.trim_matches(is_blank).is_empty()
}

/// A line that opens a statement in C-like code: a lowercase keyword or
/// call and a condition in brackets, `if (foo == NULL)`, `while (n--)`.
fn is_code_head(line: &str) -> bool {
    let line = line.trim_matches(is_blank);
    let word = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(line.len());
    line.ends_with(')')
        && line.starts_with(|c: char| c.is_ascii_lowercase())
        && line[word..].trim_start_matches(' ').starts_with('(')
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(is_blank)
        .ends_with(['.', '!', '?', '…', '”', '"', '’', ')', ':'])
}

impl Rule for LeadingWhitespace {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // In Markdown and reStructuredText, indentation is structure: lists,
        // code, directives' bodies, continuations.
        if doc.is_marked_up() {
            return;
        }
        let text = doc.text();
        let lines = doc.lines();
        let starts_blank = |l: &Span| match text.as_bytes().get(l.start) {
            Some(b' ' | b'\t') => true,
            Some(&b) if b >= 0x80 => text[l.start..].chars().next().is_some_and(is_blank),
            _ => false,
        };
        if !lines.iter().any(starts_blank) {
            return;
        }
        let slice = |i: usize| lines[i].slice(text);
        // Under a line ending with a colon (`which should print something
        // like this:`, an rST `::` paragraph) or an rST directive (`..
        // code-block:: shell`): an example announced.
        let announced = |i: usize| {
            (0..i)
                .rev()
                .map(slice)
                .find(|l| !is_blank_line(l))
                .is_some_and(|l| l.trim_end_matches(is_blank).ends_with(':') || l.starts_with(".. "))
        };
        let indented = |i: usize| starts_blank(&lines[i]) && !is_blank_line(slice(i));
        // Indentation used as a style is not debris: most paragraphs
        // indented, or most lines, as a manual page indents every body line
        // under flush headings (a one-line paragraph there keeps the margin).
        let (mut starts, mut indented_starts, mut written, mut indented_lines) = (0usize, 0usize, 0usize, 0usize);
        for i in 0..lines.len() {
            if is_blank_line(slice(i)) {
                continue;
            }
            written += 1;
            indented_lines += usize::from(indented(i));
            if i == 0 || is_blank_line(slice(i - 1)) {
                starts += 1;
                indented_starts += usize::from(indented(i));
            }
        }
        let most = |part: usize, whole: usize| part >= 3 && part * 2 > whole;
        if most(indented_starts, starts) || most(indented_lines, written) {
            return;
        }
        // An e-mail's signature, under `-- ` alone on its line, is laid
        // out as its writer likes, to the end of the text.
        let signature = lines
            .iter()
            .position(|l| crate::text::is_signature_delimiter(l.slice(text)))
            .unwrap_or(lines.len());
        for i in 0..lines.len() {
            if !indented(i) || i > signature {
                continue;
            }
            let line = slice(i);
            let prev_in_para = i > 0 && !is_blank_line(slice(i - 1));
            let next_in_para = i + 1 < lines.len() && !is_blank_line(slice(i + 1));
            // An indented block: code, verse, a block quote.
            if (prev_in_para && indented(i - 1)) || (next_in_para && indented(i + 1)) {
                continue;
            }
            // A hanging indent continues the line before it, and a body
            // hangs under its label (`Murphy's Law:`, `drug, n.:`).
            if prev_in_para && (!ends_sentence(slice(i - 1)) || slice(i - 1).trim_end().ends_with(':')) {
                continue;
            }
            // A label's second sense, set in as its first is (`Friends,
            // n.:` over `⇥People who…`, a blank line, `⇥People who…`).
            if !prev_in_para {
                let mut j = i;
                while j > 0 && is_blank_line(slice(j - 1)) {
                    j -= 1;
                }
                let mut k = j.saturating_sub(1);
                if j > 0 && slice(k).starts_with(&line[..indent_len(line)]) && indented(k) {
                    while k > 0 && !is_blank_line(slice(k - 1)) && indented(k - 1) {
                        k -= 1;
                    }
                    if k > 0 && !is_blank_line(slice(k - 1)) && slice(k - 1).trim_end().ends_with(':') {
                        continue;
                    }
                }
            }
            // A statement under its `if (…)`, or an example announced.
            if (prev_in_para && is_code_head(slice(i - 1))) || announced(i) {
                continue;
            }
            let width = indent_len(line);
            let indent = &line[..width];
            let content = &line[width..];
            if content.trim_end_matches(is_blank).ends_with([';', '{', '}']) {
                continue;
            }
            // Under a shell prompt, indentation is the program's output.
            if prev_in_para && slice(i - 1).starts_with(['$', '%']) && slice(i - 1)[1..].starts_with(' ') {
                continue;
            }
            // A list item's later paragraphs and lines line up with its text
            // (`1. Install it.` then `   Give it a name.`).
            if continues_list_item(&lines[..i], text, width) {
                continue;
            }
            // A short line alone in its paragraph, set in by two spaces or
            // more and not ending like a sentence, is a centred title.
            let alone = !prev_in_para && !next_in_para;
            let title = content.split_whitespace().count() <= 4 && !ends_sentence(content);
            if alone && title && indent.bytes().filter(|&b| b == b' ').count() >= 2 {
                continue;
            }
            // A stanza set in, its lines run together with wide gaps
            // (`  Oh! jolly is the gale,   And a joker is the whale,`), or
            // a table's row: the line is laid out.
            if indent.len() >= 2 && content.trim_end().contains("   ") {
                continue;
            }
            let Some(first) = content.chars().next() else {
                continue;
            };
            if is_cjk_letter(first) {
                continue;
            }
            let opens_quote = matches!(first, '“' | '"' | '‘' | '\'' | '«')
                && content[first.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !(first.is_alphanumeric() || opens_quote) {
                continue;
            }
            let token = content.split_whitespace().next().unwrap_or("");
            // `J> Absolutely…`: a reply quoted under its writer's initials.
            let quote_prefix = token.len() <= 6
                && token
                    .strip_suffix('>')
                    .is_some_and(|t| !t.is_empty() && t.chars().all(char::is_alphanumeric));
            if is_list_marker(token) || quote_prefix {
                continue;
            }
            let spaces = indent.bytes().filter(|&b| b == b' ').count();
            if (indent.contains('\t') || spaces >= 4) && !is_prose(content) {
                continue;
            }
            let span = Span::new(lines[i].start, lines[i].start + width);
            out.push(
                Diagnostic::new(&META, span, "whitespace before the first word of a paragraph")
                    .with_fix(Fix::safe_edit("delete the indentation", Edit::delete(span))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::FixMode;

    fn fix(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn removes_a_single_leading_space_from_the_first_paragraph() {
        assert_eq!(fix(" date 2024-03-11 Hanxin said."), "date 2024-03-11 Hanxin said.");
    }

    #[test]
    fn keeps_markdown_code_blocks() {
        let text = "Run:\n\n    cargo test\n";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_verse_and_block_quotes() {
        let text = "  Two roads diverged in a yellow wood,\n  And sorry I could not travel both.\n";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_list_items() {
        let text = "  - apples\n\n  2) pears\n\n  iv. plums\n";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_a_document_that_indents_every_paragraph() {
        let text = "  First para here.\n\n  Second para here.\n\n  Third para here.\n";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn fixes_an_indented_sentence_line_in_a_text_without_blank_lines() {
        assert_eq!(
            fix("One sentence ends.\n  Another starts here.\n"),
            "One sentence ends.\nAnother starts here.\n"
        );
    }

    #[test]
    fn keeps_a_one_line_paragraph_on_a_page_whose_body_is_indented() {
        let page = "DESCRIPTION\n       The reboot call resets the system, and the\n       kernel logs it.\n\n       The function is defined in rc.local.\n\nOPTIONS\n       hard   Reboots at once.\n";
        assert_eq!(fix(page), page);
        let article = "The council met on Monday.\n\n The vote was close.\n\nIt passed.\n";
        assert_eq!(
            fix(article),
            "The council met on Monday.\n\nThe vote was close.\n\nIt passed.\n"
        );
    }

    #[test]
    fn keeps_cjk_paragraph_indentation() {
        let text = "\u{3000}\u{3000}今天天气很好。\n";
        assert_eq!(fix(text), text);
    }
}
