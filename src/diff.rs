//! Diffs a person can review: unified for tools, word-level for terminals.

use std::fmt::Write;

use similar::{Algorithm, ChangeTag, TextDiff};

use crate::fix::{AppliedFix, Fixed};
use crate::span::{ceil_char_boundary, Edit, Span};
use crate::text::{show_invisibles, LineIndex};

/// Lines of unchanged context around each change.
const CONTEXT: usize = 3;

/// A block of whole lines that changed: old lines `old.0..old.1` became
/// new lines `new.0..new.1` (zero-based, half-open; either side may be empty).
#[derive(Clone, Copy, Debug)]
struct Block {
    old: (usize, usize),
    new: (usize, usize),
}

/// Whole-line blocks from the fixer's exact change list. Linear in the
/// number of changes: no diff algorithm runs, so a file with a hundred
/// thousand fixes costs no more than one with ten.
fn blocks(old: &str, new: &str, changes: &[(Span, Span)]) -> (LineIndex, LineIndex, Vec<Block>) {
    let (lo, ln) = (LineIndex::new(old), LineIndex::new(new));
    let (old_lines, new_lines) = (lo.count(old), ln.count(new));
    let at_line_start = |text: &str, i: usize| i == 0 || text.as_bytes()[i - 1] == b'\n';
    let mut out: Vec<Block> = Vec::new();
    for &(o, n) in changes {
        // A change that ends where a line starts on both sides leaves that line alone.
        let whole = at_line_start(old, o.end) && at_line_start(new, n.end);
        let end = |lines: &LineIndex, span: Span, count: usize| {
            let last = lines.line_of(span.end) + usize::from(!whole);
            last.max(lines.line_of(span.start)).min(count)
        };
        let b = Block {
            old: (lo.line_of(o.start).min(old_lines), end(&lo, o, old_lines)),
            new: (ln.line_of(n.start).min(new_lines), end(&ln, n, new_lines)),
        };
        match out.last_mut() {
            // Blocks that share a line on either side are one change.
            Some(last) if b.old.0 < last.old.1 || b.new.0 < last.new.1 => {
                last.old.1 = last.old.1.max(b.old.1);
                last.new.1 = last.new.1.max(b.new.1);
            }
            _ => out.push(b),
        }
    }
    (lo, ln, out)
}

/// A unified diff that `git apply` and `patch -p1` accept. The text after
/// each `@@ … @@` header names the rules behind the hunk; both tools ignore it.
/// Empty when nothing changed.
pub fn unified(path: &str, old: &str, fixed: &Fixed) -> String {
    let new = fixed.text.as_str();
    if old == new {
        return String::new();
    }
    let (lo, ln, blocks) = blocks(old, new, &fixed.changes);
    let mut out = String::new();
    // `a/` and `b/` prefixes are what `git apply` and `patch -p1` strip.
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let _ = writeln!(out, "--- a/{path}\n+++ b/{path}");
    let old_lines = lo.count(old);
    let rule_lines = RuleLines::new(&lo, &fixed.applied);
    for hunk in hunks(&blocks) {
        let (first, last) = (hunk[0], hunk[hunk.len() - 1]);
        let before = first.old.0.min(CONTEXT);
        let after = (old_lines - last.old.1).min(CONTEXT);
        let (old_from, old_to) = (first.old.0 - before, last.old.1 + after);
        let (new_from, new_to) = (first.new.0 - before, last.new.1 + after);
        let _ = write!(
            out,
            "@@ -{} +{} @@",
            range(old_from, old_to - old_from),
            range(new_from, new_to - new_from)
        );
        let rules = rule_lines.between(old_from, old_to);
        if !rules.is_empty() {
            let _ = write!(out, " {rules}");
        }
        out.push('\n');
        let mut at = old_from;
        for b in hunk {
            for line in at..b.old.0 {
                push_line(&mut out, ' ', lo.line(old, line));
            }
            for line in b.old.0..b.old.1 {
                push_line(&mut out, '-', lo.line(old, line));
            }
            for line in b.new.0..b.new.1 {
                push_line(&mut out, '+', ln.line(new, line));
            }
            at = b.old.1;
        }
        for line in at..old_to {
            push_line(&mut out, ' ', lo.line(old, line));
        }
    }
    out
}

/// [`unified`] coloured for a terminal, as `git diff` colours it, with
/// what changed inside each line marked: a `-` line and the `+` line that
/// replaces it show the characters that differ in reverse video, a space
/// that came or went as `·`, and invisible characters by name (`‹NBSP›`),
/// so `fast , analysts` → `fast, analysts` does not look unchanged.
pub fn unified_colored(path: &str, old: &str, fixed: &Fixed) -> String {
    let plain = unified(path, old, fixed);
    let paint = Paint { on: true };
    let lines: Vec<&str> = plain.split_inclusive('\n').collect();
    let painted = |code: &str, line: &str| paint.wrap(code, &show_invisibles(line.trim_end_matches('\n')));
    let mut out = String::with_capacity(plain.len() * 2);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with("--- ") || line.starts_with("+++ ") {
            let _ = writeln!(out, "{}", paint.bold(line.trim_end_matches('\n')));
        } else if line.starts_with("@@") {
            let _ = writeln!(out, "{}", paint.cyan(line.trim_end_matches('\n')));
        } else if line.starts_with('-') {
            // A run of removed lines and the run of added lines after it.
            let minus = lines[i..].iter().take_while(|l| l.starts_with('-')).count();
            let plus = lines[i + minus..].iter().take_while(|l| l.starts_with('+')).count();
            let (removed, added) = (&lines[i..i + minus], &lines[i + minus..i + minus + plus]);
            if minus == plus {
                for (r, a) in removed.iter().zip(added) {
                    let (r, a) = marked_pair(&r[1..], &a[1..]);
                    let _ = writeln!(out, "{}", paint.wrap("31", &format!("-{r}")));
                    let _ = writeln!(out, "{}", paint.wrap("32", &format!("+{a}")));
                }
            } else {
                for l in removed {
                    let _ = writeln!(out, "{}", painted("31", l));
                }
                for l in added {
                    let _ = writeln!(out, "{}", painted("32", l));
                }
            }
            i += minus + plus;
            continue;
        } else if line.starts_with('+') {
            let _ = writeln!(out, "{}", painted("32", line));
        } else if line.starts_with('\\') {
            let _ = writeln!(out, "{}", paint.dim(line.trim_end_matches('\n')));
        } else {
            let _ = writeln!(out, "{}", show_invisibles(line.trim_end_matches('\n')));
        }
        i += 1;
    }
    out
}

/// A removed line and the line that replaced it, each with the characters
/// the other lacks in reverse video (inside the line's own colour).
fn marked_pair(removed: &str, added: &str) -> (String, String) {
    let (removed, added) = (removed.trim_end_matches('\n'), added.trim_end_matches('\n'));
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_chars(removed, added);
    let (mut r, mut a) = (String::new(), String::new());
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                let shown = show_invisibles(value);
                r.push_str(&shown);
                a.push_str(&shown);
            }
            ChangeTag::Delete => r.push_str(&format!("\x1b[7m{}\x1b[27m", changed_chars(value))),
            ChangeTag::Insert => a.push_str(&format!("\x1b[7m{}\x1b[27m", changed_chars(value))),
        }
    }
    (r, a)
}

/// Changed characters made visible: a space as `·`, the rest as
/// [`show_invisibles`] shows them.
fn changed_chars(s: &str) -> String {
    show_invisibles(s).replace(' ', "·")
}

/// `start,len` as unified diffs write it: 1-based, `,len` left out for one
/// line, and an empty range named by the line before it.
fn range(from: usize, len: usize) -> String {
    match len {
        0 => format!("{from},0"),
        1 => format!("{}", from + 1),
        _ => format!("{},{len}", from + 1),
    }
}

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

/// Blocks grouped into hunks: blocks closer than twice the context share one.
fn hunks(blocks: &[Block]) -> Vec<&[Block]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=blocks.len() {
        let split = i == blocks.len() || blocks[i].old.0 > blocks[i - 1].old.1 + 2 * CONTEXT;
        if split {
            out.push(&blocks[start..i]);
            start = i;
        }
    }
    out
}

/// A word-level view for terminals: each changed line once, with removed
/// text struck through in red and added text in green (or `[-…-]{+…+}`
/// without colour), invisible characters shown as markers, and each block
/// headed by its line and the rules behind it.
///
/// The fixer's change list says exactly which bytes changed; `similar`
/// refines each replacement to the characters that differ, so `Ã©` → `é`
/// or a re-quoted phrase highlights only what moved.
pub fn words(path: &str, old: &str, fixed: &Fixed, color: bool) -> String {
    let new = fixed.text.as_str();
    if old == new {
        return String::new();
    }
    let paint = Paint { on: color };
    let (lo, _, blocks) = blocks(old, new, &fixed.changes);
    let rule_lines = RuleLines::new(&lo, &fixed.applied);
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.bold(path));
    let mut next = 0;
    for b in blocks {
        let (from, to) = (lo.offset(old, b.old.0), lo.offset(old, b.old.1));
        let rules = rule_lines.between(b.old.0, b.old.1.max(b.old.0 + 1));
        let _ = writeln!(
            out,
            "{} {}",
            paint.cyan(&format!("line {}:", b.old.0 + 1)),
            paint.dim(&rules)
        );
        let mut at = from;
        while let Some(&(o, n)) = fixed.changes.get(next).filter(|(o, _)| o.start <= to) {
            out.push_str(&show_invisibles(&old[at..o.start.max(at)]));
            inline_change(&mut out, &paint, &old[o.start..o.end], &new[n.start..n.end]);
            at = o.end.max(at);
            next += 1;
        }
        let tail = &old[at.min(to)..to];
        out.push_str(&show_invisibles(tail.trim_end_matches(['\n', '\r'])));
        out.push('\n');
    }
    out
}

/// One replacement, refined character by character.
fn inline_change(out: &mut String, paint: &Paint, removed: &str, added: &str) {
    if removed.is_empty() || added.is_empty() {
        out.push_str(&paint.removed(&show_invisibles(removed)));
        out.push_str(&paint.added(&show_invisibles(added)));
        return;
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_chars(removed, added);
    for change in diff.iter_all_changes() {
        let shown = show_invisibles(change.value());
        out.push_str(&match change.tag() {
            ChangeTag::Delete => paint.removed(&shown),
            ChangeTag::Insert => paint.added(&shown),
            ChangeTag::Equal => shown,
        });
    }
}

/// One piece of a single fix's view: unchanged context, or what it deletes
/// or inserts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Piece {
    /// Text both sides share.
    Same(String),
    /// Text only the original has.
    Delete(String),
    /// Text only the fixed version has.
    Insert(String),
}

/// What one fix does, in reading order, with about `context` bytes of the
/// text either side (cut at a space, marked `…` where cut). Paragraphs are
/// often single long lines, so context is measured in bytes, not lines.
pub fn fix_pieces(text: &str, edits: &[Edit], context: usize) -> Vec<Piece> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let (Some(&first), Some(&last)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let from = first.span.start.saturating_sub(context);
    let left = if from == 0 {
        text[..first.span.start].to_string()
    } else {
        let window = &text[ceil_char_boundary(text, from)..first.span.start];
        let cut = window.find(' ').map_or(0, |i| i + 1);
        format!("…{}", &window[cut..])
    };
    out.push(Piece::Same(left));
    let mut at = first.span.start;
    for e in sorted {
        if e.span.start > at {
            out.push(Piece::Same(text[at..e.span.start].to_string()));
        }
        if !e.span.is_empty() {
            out.push(Piece::Delete(e.span.slice(text).to_string()));
        }
        if !e.content.is_empty() {
            out.push(Piece::Insert(e.content.clone()));
        }
        at = at.max(e.span.end);
    }
    let to = (last.span.end + context).min(text.len());
    let right = if to == text.len() {
        text[at..].to_string()
    } else {
        let window = &text[at..ceil_char_boundary(text, to)];
        let cut = window.rfind(' ').unwrap_or(window.len());
        format!("{}…", &window[..cut])
    };
    out.push(Piece::Same(right));
    out.retain(|p| !matches!(p, Piece::Same(s) if s.is_empty()));
    out
}

/// The applied fixes by the old line they start on, for naming each hunk's rules.
struct RuleLines<'f> {
    by_line: Vec<(usize, &'f AppliedFix)>,
}

impl<'f> RuleLines<'f> {
    fn new(lines: &LineIndex, applied: &'f [AppliedFix]) -> Self {
        let mut by_line: Vec<_> = applied.iter().map(|f| (lines.line_of(f.span.start), f)).collect();
        by_line.sort_by_key(|(line, f)| (*line, f.rule.code));
        RuleLines { by_line }
    }

    /// Codes and names of the fixes starting on old lines `from..to`, deduplicated.
    fn between(&self, from: usize, to: usize) -> String {
        let a = self.by_line.partition_point(|(l, _)| *l < from);
        let b = self.by_line.partition_point(|(l, _)| *l < to);
        let mut names: Vec<(&str, &str)> = self.by_line[a..b]
            .iter()
            .map(|(_, f)| (f.rule.code, f.rule.name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn cyan(&self, s: &str) -> String {
        self.wrap("36", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn removed(&self, s: &str) -> String {
        if s.is_empty() {
            String::new()
        } else if self.on {
            self.wrap("1;31;9", s)
        } else {
            format!("[-{s}-]")
        }
    }
    fn added(&self, s: &str) -> String {
        if s.is_empty() {
            String::new()
        } else if self.on {
            self.wrap("1;32", s)
        } else {
            format!("{{+{s}+}}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fix_pieces_show_context_deletion_and_insertion_in_order() {
        let text = "A long opening clause runs here, then the model , which grew fast and far away.";
        let at = text.find(" ,").unwrap();
        let edits = [Edit::delete(Span::new(at, at + 1)), Edit::insert(at + 2, "\u{a0}")];
        let pieces = fix_pieces(text, &edits, 20);
        assert_eq!(
            pieces,
            [
                Piece::Same("…then the model".into()),
                Piece::Delete(" ".into()),
                Piece::Same(",".into()),
                Piece::Insert("\u{a0}".into()),
                Piece::Same(" which grew fast…".into()),
            ]
        );
        assert_eq!(fix_pieces("x , y", &edits[..0], 5), []);
    }

    fn fixed(text: &str) -> Fixed {
        let linter = crate::Linter::new(&crate::Settings {
            select: vec!["W001".into()],
            ..Default::default()
        })
        .unwrap();
        linter.fix(text, crate::FixMode::Safe).unwrap()
    }

    #[test]
    fn marks_a_missing_final_newline() {
        let d = unified("x.txt", "a , b", &fixed("a , b"));
        assert_eq!(d, "--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@ W001 space-before-punctuation\n-a , b\n\\ No newline at end of file\n+a, b\n\\ No newline at end of file\n");
    }

    #[test]
    fn shows_only_changed_lines_with_three_lines_of_context() {
        let text = "1\n2\n3\n4\nfive , x\n6\n7\n8\n9\n";
        let d = unified("x", text, &fixed(text));
        assert_eq!(d, "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@ W001 space-before-punctuation\n 2\n 3\n 4\n-five , x\n+five, x\n 6\n 7\n 8\n");
    }

    #[test]
    fn puts_far_apart_changes_in_separate_hunks() {
        let text = "a , b\n1\n2\n3\n4\n5\n6\n7\nc , d\n";
        let d = unified("x", text, &fixed(text));
        assert_eq!(d.matches("@@ -").count(), 2, "{d}");
    }

    #[test]
    fn the_word_view_marks_exactly_the_removed_characters() {
        let text = "one\nan experimental model , which\nthree\n";
        assert_eq!(
            words("x", text, &fixed(text), false),
            "x\nline 2: W001 space-before-punctuation\nan experimental model[- -], which\n"
        );
    }

    #[test]
    fn shows_invisible_characters_as_markers() {
        assert_eq!(show_invisibles("a\u{a0}b\u{200b}c"), "a‹NBSP›b‹ZWSP›c");
    }

    #[test]
    fn is_empty_when_nothing_changed() {
        assert_eq!(unified("x", "same\n", &fixed("same\n")), "");
    }
}
