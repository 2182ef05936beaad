//! The parts of a reStructuredText source that are not prose, so no rule
//! touches them: literal blocks, code directives and their bodies, directive
//! and field lines, comments, targets, section titles and adornments,
//! tables, doctests, list markers' gaps, escapes and inline literals. Read line by line, as docutils reads it: no rule may see code
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
                // The directive's line is markup whole: its argument is a
                // signature, a name or options (`.. autoclass:: kombu.Consumer`,
                // `.. versionchanged:: 1.19  text`).
                Explicit::Directive(name) => {
                    if LITERAL_DIRECTIVES.contains(&name) {
                        out.push(Span::new(line.start, lines[end].end));
                        i = end + 1;
                        continue;
                    }
                    out.push(Span::new(line.start, line.end));
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
        // `=====`, `-----`: a section's adornment, and the title it
        // underlines, which no rule may delete (the underline would be
        // left bare) or lengthen (it would outrun its underline).
        if is_adornment(b) {
            let start = match i.checked_sub(1).map(|j| lines[j]) {
                Some(title) if !title.blank => title.start,
                _ => line.start,
            };
            out.push(Span::new(start, line.end));
            i += 1;
            continue;
        }
        // `:Author: Jane`, `:release-date: 2023-11-22  9:15`: a field, whose
        // value is data more often than prose.
        if is_field(b) {
            out.push(Span::new(line.start, line.end));
        }
        // `-  item`, `1.  item`, `-v  Print more output.`: a list's marker
        // or an option list's options, and the gap after them, which
        // docutils measures: a gap collapsed to one space ends the list.
        if let Some(gap_end) = list_gap(b) {
            out.push(Span::new(line.start, line.start + line.indent + gap_end));
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
    // `` `link`_\ s ``: a backslash and a space, an escape that joins text
    // to inline markup; the space is the escape's.
    out.extend(memchr::memmem::find_iter(text.as_bytes(), b"\\ ").map(|at| Span::new(at, at + 2)));
    crate::span::merged(out)
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
    /// `name:: …`.
    Directive(&'t str),
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
            return Explicit::Directive(name);
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

/// The end of the gap after a list item's marker or an option list's
/// options, where the gap is two blanks or more (one blank is prose's).
fn list_gap(b: &str) -> Option<usize> {
    let bytes = b.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'*' | b'+' if bytes.get(1) == Some(&b' ') => 1,
        // `-v`, `--verbose=LEVEL`, `/V`: options up to the first wide gap.
        b'-' | b'/' if bytes.get(1).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-') => {
            let head = &b[..crate::span::floor_char_boundary(b, b.len().min(OPTION_REACH))];
            let gap = head.find("  ")?;
            // Options hold no sentence: `- see the docs.  Then` is prose.
            if head[..gap].contains(". ") {
                return None;
            }
            gap
        }
        // `1.`, `#.`, `a)`, `(iv)`: an enumerator.
        _ => {
            let end = b.find([' ', '\t'])?;
            let e = &b[..end];
            let inner = e.trim_start_matches('(').trim_end_matches(['.', ')']);
            let shaped = e.len() > inner.len()
                && e.ends_with(['.', ')'])
                && (inner == "#"
                    || (!inner.is_empty() && inner.len() <= 4 && inner.bytes().all(|c| c.is_ascii_alphanumeric())));
            if !shaped {
                return None;
            }
            end
        }
    };
    let blanks = b[marker..].len() - b[marker..].trim_start_matches(' ').len();
    (blanks >= 2).then_some(marker + blanks)
}

/// How far into a line an option list's options may run.
const OPTION_REACH: usize = 60;

/// True when the line opens with a field list's marker, `:name:`.
fn is_field(b: &str) -> bool {
    let Some(rest) = b.strip_prefix(':') else {
        return false;
    };
    let Some(close) = rest.find(':') else {
        return false;
    };
    let (name, after) = (&rest[..close], &rest[close + 1..]);
    !name.is_empty() && !name.starts_with(' ') && close <= 60 && (after.is_empty() || after.starts_with(' '))
}

/// ``` ``literal`` ```, `` :role:`text` ``, `` `link <url>`_ ``: inline
/// markup whose inside is code, a name or a target.
fn inline_literals(text: &str, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = b.get(i..).and_then(|rest| memchr::memchr(b'`', rest)).map(|p| i + p) {
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
    fn a_directives_line_and_options_are_markup_and_its_body_prose() {
        let text = ".. note:: Read this.\n   :class: wide\n\n   More text , here.\n";
        assert_eq!(found(text), [".. note:: Read this.", "   :class: wide"]);
        let text = ".. autoclass:: kombu.Consumer\n\n   Runs it.\n";
        assert_eq!(found(text), [".. autoclass:: kombu.Consumer"]);
    }

    #[test]
    fn list_markers_and_options_keep_their_gaps() {
        let text = "-  The backend.\n\n-v  Print more output.\n--level=N  Set it.\n\n1.  First.\n\n- see the docs.  Then go.\n";
        assert_eq!(found(text), ["-  ", "-v  ", "--level=N  ", "1.  "]);
    }

    #[test]
    fn an_escaped_space_is_markup() {
        let text = "See `the docs`_\\ s and more.\n";
        assert_eq!(found(text), ["`the docs`_\\ "]);
    }

    #[test]
    fn comments_targets_adornments_and_tables_are_not_prose() {
        let text = "Title\n=====\n\n.. a comment ;;\n   still the comment\n\n.. _target: https://x.example\n\n=====  =====\nA      B\n=====  =====\n1      2\n=====  =====\n\nText.\n";
        assert_eq!(
            found(text),
            [
                "Title\n=====",
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
        assert_eq!(found(text), [":Author: Me", "Term : classifier"]);
    }

    #[test]
    fn a_role_after_a_wide_character_starts_on_a_boundary() {
        let text = "Voir —:ref:`x` ici.\n";
        assert_eq!(found(text), [":ref:`x`"]);
    }

    #[test]
    fn a_backtick_closed_out_of_reach_opens_no_literal() {
        // The search for the closer is bounded, so a text of stray
        // backticks stays linear; one closed too far away is no literal.
        let text = format!("`{}`", "a ".repeat(INLINE_REACH));
        assert!(regions(&text).is_empty());
        let text = format!("``{}``", "b ".repeat(INLINE_REACH));
        assert!(regions(&text).is_empty());
        assert_eq!(found("`a` and ``b``"), ["`a`", "``b``"]);
    }
}
