//! The parts of a reStructuredText source that are not prose, so no rule
//! touches them: literal blocks, code directives and their bodies, comments,
//! targets, section adornments, tables, doctests, field markers and inline
//! literals. Read line by line, as docutils reads it: no rule may see code
//! in a `::` block as prose any more than in a Markdown fence.

use crate::span::Span;

/// Directives whose body is code, data or names, never prose.
const LITERAL_DIRECTIVES: &[&str] = &[
    "autosummary",
    "code",
    "code-block",
    "csv-table",
    "digraph",
    "doctest",
    "graph",
    "graphviz",
    "highlight",
    "image",
    "include",
    "index",
    "ipython",
    "jupyter-execute",
    "list-table",
    "literalinclude",
    "math",
    "mermaid",
    "parsed-literal",
    "plantuml",
    "productionlist",
    "prompt",
    "raw",
    "sourcecode",
    "table",
    "tabularcolumns",
    "testcleanup",
    "testcode",
    "testoutput",
    "testsetup",
    "toctree",
    "uml",
];

/// Directives whose argument is a signature or a name (`.. function::
/// run(a, b)`), not a sentence. Domain directives (`py:method`) are too.
const SIGNATURE_DIRECTIVES: &[&str] = &[
    "attribute",
    "class",
    "cmdoption",
    "confval",
    "currentmodule",
    "data",
    "decorator",
    "describe",
    "directive",
    "envvar",
    "event",
    "exception",
    "function",
    "method",
    "module",
    "object",
    "option",
    "program",
    "role",
    "setting",
];

/// How far an inline literal may run before its opener counts as a stray
/// backtick. Bounds the search, so a text of lone backticks stays linear.
const INLINE_REACH: usize = 2000;

/// The most lines a simple table runs to its closing border.
const TABLE_LINES: usize = 1000;

/// The longest role name (`:py:meth:`) read back from a backtick.
const ROLE_REACH: usize = 40;

/// One line: its start, its end before the line break, and its indentation.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
    blank: bool,
}

fn lines_of(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches([' ', '\t']).len();
        out.push(Line {
            start,
            end: start + body.len(),
            indent,
            blank: body.trim().is_empty(),
        });
        start += raw.len();
    }
    out
}

/// Sorted, disjoint byte spans of `text`'s non-prose parts.
pub fn regions(text: &str) -> Vec<Span> {
    let lines = lines_of(text);
    let mut out: Vec<Span> = Vec::new();
    let body = |l: &Line| &text[l.start + l.indent..l.end];
    // The end of the indented block under line `i`: the lines after it that
    // are blank or indented deeper than `indent`, trailing blanks left out.
    let block_end = |i: usize, indent: usize| {
        let mut last = i;
        let mut j = i + 1;
        while j < lines.len() && (lines[j].blank || lines[j].indent > indent) {
            if !lines[j].blank {
                last = j;
            }
            j += 1;
        }
        last
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.blank {
            i += 1;
            continue;
        }
        let b = body(&line);
        if let Some(rest) = b
            .strip_prefix("..")
            .filter(|r| r.is_empty() || r.starts_with([' ', '\t']))
        {
            let rest = rest.trim_start();
            let end = block_end(i, line.indent);
            match explicit(rest) {
                Explicit::Directive { name, head } => {
                    let literal = LITERAL_DIRECTIVES.contains(&name);
                    let signature = name.contains(':') || SIGNATURE_DIRECTIVES.contains(&name);
                    let head_end = if literal || signature {
                        line.end
                    } else {
                        line.start + line.indent + (b.len() - rest.len()) + head
                    };
                    if literal {
                        out.push(Span::new(line.start, lines[end].end));
                        i = end + 1;
                        continue;
                    }
                    out.push(Span::new(line.start, head_end));
                    // `:maxdepth: 2`, `:param x:`: the options under it.
                    let mut j = i + 1;
                    while j <= end && !lines[j].blank && body(&lines[j]).starts_with(':') {
                        out.push(Span::new(lines[j].start, lines[j].end));
                        j += 1;
                    }
                }
                // A footnote's label; its text is prose.
                Explicit::Footnote(len) => out.push(Span::new(
                    line.start,
                    line.start + line.indent + (b.len() - rest.len()) + len,
                )),
                // A comment, a target or a substitution: all of it.
                Explicit::Other => {
                    out.push(Span::new(line.start, lines[end].end));
                    i = end + 1;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        // `>>> print(x)`: a doctest block, to the next blank line.
        if b.starts_with(">>>") {
            let mut j = i;
            while j + 1 < lines.len() && !lines[j + 1].blank {
                j += 1;
            }
            out.push(Span::new(line.start, lines[j].end));
            i = j + 1;
            continue;
        }
        // `+----+----+` opens a grid table; its lines start `+` or `|`.
        if b.starts_with("+-") || b.starts_with("+=") {
            let mut j = i;
            while j + 1 < lines.len() && body(&lines[j + 1]).starts_with(['+', '|']) {
                j += 1;
            }
            out.push(Span::new(line.start, lines[j].end));
            i = j + 1;
            continue;
        }
        // `=====  ======`: a simple table's border; the table runs to the
        // border that a blank line (or the end) follows.
        if is_table_border(b) {
            let mut j = i;
            let mut k = i + 1;
            while k < lines.len().min(i + TABLE_LINES) {
                if is_table_border(body(&lines[k])) {
                    j = k;
                    if lines.get(k + 1).is_none_or(|l| l.blank) {
                        break;
                    }
                }
                k += 1;
            }
            out.push(Span::new(line.start, lines[j].end));
            i = j + 1;
            continue;
        }
        // `=====`, `-----`: a section's adornment.
        if is_adornment(b) {
            out.push(Span::new(line.start, line.end));
            i += 1;
            continue;
        }
        // `:Author: Jane`, `:param x: the value`: a field's marker.
        if let Some(len) = field_marker(b) {
            out.push(Span::new(line.start, line.start + line.indent + len));
        }
        // `Term : classifier` over its indented definition.
        if b.contains(" : ") && lines.get(i + 1).is_some_and(|n| !n.blank && n.indent > line.indent) {
            out.push(Span::new(line.start, line.end));
        }
        // A paragraph that ends `::` introduces a literal block: the
        // indented lines after it. `::` alone on its line is the marker only.
        let ends_paragraph = lines.get(i + 1).is_none_or(|n| n.blank);
        if b.trim_end().ends_with("::") && ends_paragraph {
            if b.trim_end() == "::" {
                out.push(Span::new(line.start, line.end));
            } else {
                let at = line.start + line.indent + b.trim_end().len() - 2;
                out.push(Span::new(at, at + 2));
            }
            let para_indent = paragraph_indent(&lines, i);
            let mut j = i + 1;
            while j < lines.len() && lines[j].blank {
                j += 1;
            }
            if j < lines.len() && lines[j].indent > para_indent {
                let end = block_end(j, para_indent);
                out.push(Span::new(lines[j].start, lines[end].end));
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    inline_literals(text, &mut out);
    out.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// The indentation of the paragraph whose last line is `i`.
fn paragraph_indent(lines: &[Line], i: usize) -> usize {
    let mut j = i;
    while j > 0 && !lines[j - 1].blank {
        j -= 1;
    }
    lines[j].indent
}

enum Explicit<'t> {
    /// `name:: …`; `head` is the bytes of `name::`.
    Directive {
        name: &'t str,
        head: usize,
    },
    /// `[1] text`, `[#note] text`: the label's bytes.
    Footnote(usize),
    Other,
}

/// What follows `.. `: a directive, a footnote, or something that is all
/// markup (a comment, a `_target:`, a `|substitution|`).
fn explicit(rest: &str) -> Explicit<'_> {
    if rest.starts_with('[') {
        if let Some(close) = rest.find(']') {
            return Explicit::Footnote(close + 1);
        }
    }
    if let Some(at) = rest.find("::") {
        let name = &rest[..at];
        if !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        {
            return Explicit::Directive { name, head: at + 2 };
        }
    }
    Explicit::Other
}

/// `=====  ======  ====`: two runs of `=` or more, spaces between.
fn is_table_border(b: &str) -> bool {
    let b = b.trim_end();
    b.starts_with('=')
        && b.bytes().all(|c| c == b'=' || c == b' ')
        && b.split(' ').filter(|r| !r.is_empty()).count() >= 2
}

/// A line of one punctuation mark repeated, three or more: a section's
/// over- or underline.
fn is_adornment(b: &str) -> bool {
    let b = b.trim_end();
    let Some(first) = b.bytes().next() else {
        return false;
    };
    b.len() >= 3 && b"=-`:.'\"~^_*+#<>".contains(&first) && b.bytes().all(|c| c == first)
}

/// The length of a field list's marker, `:name:`.
fn field_marker(b: &str) -> Option<usize> {
    let rest = b.strip_prefix(':')?;
    let close = rest.find(':')?;
    let name = &rest[..close];
    let after = &rest[close + 1..];
    (!name.is_empty() && !name.starts_with(' ') && close <= 60 && (after.is_empty() || after.starts_with(' ')))
        .then_some(close + 2)
}

/// ``` ``literal`` ```, `` :role:`text` ``, `` `link <url>`_ ``: inline
/// markup whose inside is code, a name or a target.
fn inline_literals(text: &str, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = memchr_tick(b, i) {
        let double = b.get(at + 1) == Some(&b'`');
        let (open_len, close) = if double { (2, "``") } else { (1, "`") };
        let from = at + open_len;
        let reach = crate::span::floor_char_boundary(text, (from + INLINE_REACH).min(text.len()));
        let window = &text[from..reach];
        let found = window
            .find(close)
            .filter(|&k| k > 0 && !window[..k].contains("\n\n") && !window[..k].contains("\n\r\n"));
        let Some(k) = found else {
            i = from;
            continue;
        };
        let mut start = at;
        let mut end = from + k + close.len();
        if !double {
            // `:role:` before it, `_` or `__` after it.
            if let Some(name) = text[..at].strip_suffix(':') {
                let lo = crate::span::floor_char_boundary(text, name.len().saturating_sub(ROLE_REACH));
                let role_start = name[lo..]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !(c.is_alphanumeric() || "-_:.+".contains(c)))
                    .map_or(lo, |(i, c)| lo + i + c.len_utf8());
                if text[role_start..].starts_with(':') {
                    start = role_start;
                }
            }
            end += text[end..].bytes().take(2).take_while(|&c| c == b'_').count();
        }
        out.push(Span::new(start, end));
        i = end;
    }
}

fn memchr_tick(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?.iter().position(|&c| c == b'`').map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        regions(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn a_literal_block_after_a_double_colon_is_not_prose() {
        let text = "Install it::\n\n    easy_install .\n\nThen read on , please.\n";
        assert_eq!(found(text), ["::", "    easy_install ."]);
    }

    #[test]
    fn a_code_directive_and_its_body_are_not_prose() {
        let text = "Run:\n\n.. code-block:: yaml\n\n   token: ${{ secrets.TOKEN }}\n   x : y\n\nBack to prose.\n";
        assert_eq!(
            found(text),
            [".. code-block:: yaml\n\n   token: ${{ secrets.TOKEN }}\n   x : y"]
        );
    }

    #[test]
    fn an_admonition_keeps_its_text_as_prose_but_not_its_marker() {
        let text = ".. note:: Read this , carefully.\n   :class: wide\n\n   More text.\n";
        assert_eq!(found(text), [".. note::", "   :class: wide"]);
    }

    #[test]
    fn a_signature_directive_is_markup_whole() {
        let text = ".. py:method:: run(a , b)\n\n   Runs it.\n";
        assert_eq!(found(text), [".. py:method:: run(a , b)"]);
    }

    #[test]
    fn comments_targets_adornments_and_tables_are_not_prose() {
        let text = "Title\n=====\n\n.. a comment ;;\n   still the comment\n\n.. _target: https://x.example\n\n=====  =====\nA      B\n=====  =====\n1      2\n=====  =====\n\nText.\n";
        assert_eq!(
            found(text),
            [
                "=====",
                ".. a comment ;;\n   still the comment",
                ".. _target: https://x.example",
                "=====  =====\nA      B\n=====  =====\n1      2\n=====  =====",
            ]
        );
    }

    #[test]
    fn inline_literals_roles_and_link_targets_are_not_prose() {
        let text = "Use ``a , b`` and :func:`run( x )` or `the docs <https://x.example>`_ now.\n";
        assert_eq!(
            found(text),
            ["``a , b``", ":func:`run( x )`", "`the docs <https://x.example>`_"]
        );
    }

    #[test]
    fn a_field_marker_and_a_classifier_are_not_prose() {
        let text = ":Author: Me\n\nTerm : classifier\n    The definition.\n";
        assert_eq!(found(text), [":Author:", "Term : classifier"]);
    }

    #[test]
    fn a_role_after_a_wide_character_starts_on_a_boundary() {
        let text = "Voir —:ref:`x` ici.\n";
        assert_eq!(found(text), [":ref:`x`"]);
    }

    #[test]
    fn lone_backticks_stay_linear() {
        let text = "` a".repeat(20_000);
        assert!(regions(&text).len() < 20_000);
    }
}
