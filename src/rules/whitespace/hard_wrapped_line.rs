use crate::lang::SPACED_EUROPEAN;
use crate::prelude::*;

use super::line_break_hyphen::broken_stem;

pub struct HardWrappedLine;

static META: RuleMeta = RuleMeta {
    code: "W010",
    name: "hard-wrapped-line",
    family: Family::Whitespace,
    summary: "A paragraph broken into lines at a fixed width, with sentences running across the breaks",
    docs: "\
Flags a paragraph whose lines were wrapped at a fixed width: text copied
from a PDF, an e-mail or a fixed-width page, where a line ends wherever the
next word would not fit, in the middle of a sentence.

Such breaks split sentences for every tool that reads lines, and they stay
when the text is shown at any other width.

A paragraph counts as hard-wrapped when all of these hold:

- it has two lines or more, the longest at least 50 characters;
- every line but the last is within a fifth of the longest, and the first
  word of each next line would not have fitted on the line before;
- at least half of its breaks fall inside a sentence: the line ends on a
  letter, a digit or a comma and the next one starts in lowercase.

Left alone: verse and addresses (short lines), lists (a line that starts
with `-`, `*`, `•` or `1.`), quotations set off with `>`, Markdown hard
breaks (two spaces or `\\` at the end of a line), and a line that ends with
a hyphen inside a word, which `line-break-hyphen` mends. So are listings:
a paragraph that does not end as a sentence does (on a period, a question
or exclamation mark, a colon or a semicolon, a quote or bracket after
one), and one with columns (three spaces or more inside two lines). Each line of a listing (`deb http://… main`, a line of
`fstab`) is a record of its own, not a sentence's part. Markdown files
(read as Markdown) are left alone whole: their source is wrapped by
convention, and a single line break renders as a space.

Fix (unsafe): join the lines of the paragraph with single spaces.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::scripts(SPACED_EUROPEAN),
    flags: &[Fixture {
        input: "The council approved the new budget on Tuesday after a long\ndebate about transport, and officials said the plan would add\nbus lanes on the main roads before the end of next year.",
        output: "The council approved the new budget on Tuesday after a long debate about transport, and officials said the plan would add bus lanes on the main roads before the end of next year.",
    }, Fixture {
        input: "The installer keeps a log of every step it took during the install\nin the file /var/log/syslog on the new system, and copies it there.",
        output: "The installer keeps a log of every step it took during the install in the file /var/log/syslog on the new system, and copies it there.",
    }],
    keeps: &[
        "Roses are red,\nviolets are blue,\nsugar is sweet,\nand so are you.",
        "The Daily Ledger\n12 Harbour Road\nRiverton RT1 4AB",
        "The budget rises by four per cent this year, the council said.\nTransport takes the largest share of the new spending plan.",
        "- the council approved the new budget on Tuesday after a long\n- debate about transport, and officials said the plan would add",
        "The council approved the new budget on Tuesday after a long  \ndebate about transport, and officials said the plan would add",
        "> The council approved the new budget on Tuesday after a long\n> debate about transport, and officials said the plan would add",
        "deb http://deb.debian.org/debian/ experimental main\ndeb-src http://deb.debian.org/debian/ experimental main",
        "/dev/sda1         /tmp          ext3    rw,nosuid,nodev          0    2\n/dev/sda2         /var          ext3    rw,nosuid,nodev          0    2",
    ],
};

/// The shortest longest line of a wrapped paragraph: wrapping narrower
/// than this is verse, an address or a table.
const MIN_WIDTH: usize = 50;

/// Characters a wrapped line may fall short of the widest one by and
/// still count as full.
const SLACK: usize = 4;

impl Rule for HardWrappedLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Marked-up source is wrapped by convention: a single line break
        // renders as a space, so the wrap is not debris there.
        if !doc.bytes().contains(b'\n') || doc.is_marked_up() {
            return;
        }
        let text = doc.text();
        let lines = doc.lines();
        let mut i = 0;
        while i < lines.len() {
            let start = i;
            while i < lines.len() && !lines[i].slice(text).trim().is_empty() {
                i += 1;
            }
            if i - start >= 2 {
                check_paragraph(text, &lines[start..i], out);
            }
            i += 1;
        }
    }
}

fn check_paragraph(text: &str, lines: &[Span], out: &mut Vec<Diagnostic>) {
    let raw: Vec<&str> = lines.iter().map(|l| l.slice(text)).collect();
    if raw.iter().any(|l| is_marked(l))
        || raw.iter().filter(|l| has_columns(l)).count() >= 2
        || !ends_as_sentence(raw[raw.len() - 1])
    {
        return;
    }
    let width = |l: &str| l.trim().chars().count();
    let widest = raw.iter().map(|l| width(l)).max().unwrap_or(0);
    if widest < MIN_WIDTH {
        return;
    }
    let mut inside = 0;
    for pair in raw.windows(2) {
        let (line, next) = (pair[0].trim(), pair[1].trim());
        let next_word = next.split_whitespace().next().unwrap_or_default().chars().count();
        // A hyphenated break is a wrap by its nature; a few characters of
        // slack allow for a footnote marker or a wide mark on the widest line.
        let fitted = width(line) + 1 + next_word + SLACK <= widest;
        if width(line) * 5 < widest * 4 || (fitted && broken_stem(pair[0]).is_none()) {
            return;
        }
        let ends_inside = line
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ',');
        if ends_inside && next.starts_with(char::is_lowercase) {
            inside += 1;
        }
    }
    let breaks = raw.len() - 1;
    if inside * 2 < breaks {
        return;
    }
    let mut edits = lines
        .windows(2)
        .filter(|pair| broken_stem(pair[0].slice(text)).is_none())
        .map(|pair| {
            let line = pair[0].slice(text);
            let from = pair[0].start + line.trim_end().len();
            let next = pair[1].slice(text);
            let to = pair[1].start + (next.len() - next.trim_start().len());
            Edit::replace(Span::new(from, to), " ")
        });
    let Some(first) = edits.next() else {
        return;
    };
    let message = format!("paragraph hard-wrapped at {widest} characters: {breaks} line breaks inside it");
    let diagnostic = Diagnostic::new(&META, first.span, message);
    out.push(diagnostic.with_fix(Fix::unsafe_edits("join the lines", first, edits)));
}

/// Whether a paragraph's last line closes as a sentence does, before any
/// closing quotes, brackets and citation markers (`litres a day.[2][3]`):
/// a listing's record (`deb http://… main`) ends on a word or a figure.
fn ends_as_sentence(last: &str) -> bool {
    let mut t = last.trim_end();
    loop {
        let trimmed = t.trim_end_matches(['"', '\'', '”', '’', '»', '«', ')', '*', '_']);
        t = match trimmed.strip_suffix(']').and_then(|s| s.rsplit_once('[')) {
            Some((before, marker)) if marker.bytes().all(|b| b.is_ascii_digit()) => before,
            _ => trimmed.trim_end_matches(']'),
        };
        if t.len() == trimmed.len() {
            return t.ends_with(['.', '!', '?', ':', ';', '…']);
        }
    }
}

/// Three spaces or more inside a line: a table's columns when two lines
/// have them. A manual's option (`novj   Disable Van Jacobson…`) sets
/// only its first line in a column, and wraps the rest.
fn has_columns(line: &str) -> bool {
    line.trim().contains("   ")
}

/// A list item, a quotation or a Markdown hard break: a break that means something.
fn is_marked(line: &str) -> bool {
    let t = line.trim_start();
    let numbered = t.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
    });
    t.starts_with(['-', '*', '•', '+', '>', '|', '#'])
        || numbered
        || line.ends_with("  ")
        || line.ends_with('\\')
        || line.ends_with('\t')
}

#[cfg(test)]
mod tests {
    use crate::{Linter, Settings, Syntax};

    const WRAPPED: &str = "The council approved the new budget on Tuesday after a long\ndebate about transport, and officials said the plan would add\nbus lanes on the main roads before the end of next year.";

    fn linter(markdown: bool) -> Linter {
        Linter::new(&Settings {
            select: vec!["W010".into()],
            syntax: if markdown { Syntax::Markdown } else { Syntax::Plain },
            ..Settings::default()
        })
        .unwrap()
    }

    #[test]
    fn leaves_wrapped_markdown_source_alone() {
        assert_eq!(linter(false).check(WRAPPED).len(), 1);
        assert!(linter(true).check(WRAPPED).is_empty());
    }
}
