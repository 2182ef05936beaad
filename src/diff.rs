//! Diffs a person can review: unified for tools, word-level for terminals.

use std::fmt::Write;

use similar::udiff::UnifiedDiffHunk;
use similar::{Algorithm, ChangeTag, TextDiff};

use crate::fixer::AppliedFix;

/// A unified diff that `git apply` and `patch -p1` accept. The text after
/// each `@@ … @@` header names the rules behind the hunk; both tools ignore it.
/// Empty when nothing changed.
pub fn unified(path: &str, old: &str, new: &str, applied: &[AppliedFix]) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_lines(old, new);
    let lines = LineIndex::new(old);
    let mut out = String::new();
    // `a/` and `b/` prefixes are what `git apply` and `patch -p1` strip.
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let _ = writeln!(out, "--- a/{path}\n+++ b/{path}");
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        let _ = write!(out, "{}", hunk.header());
        let rules = rules_in(&hunk, &lines, applied);
        if !rules.is_empty() {
            let _ = write!(out, " {rules}");
        }
        out.push('\n');
        for change in hunk.iter_changes() {
            out.push(match change.tag() {
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
                ChangeTag::Equal => ' ',
            });
            out.push_str(change.value());
            if !change.value().ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// A word-level view for terminals: changed words highlighted, invisible
/// characters shown as markers, each hunk headed by its location and rules.
pub fn words(path: &str, old: &str, new: &str, applied: &[AppliedFix], color: bool) -> String {
    if old == new {
        return String::new();
    }
    let paint = Paint { on: color };
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_lines(old, new);
    let lines = LineIndex::new(old);
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.bold(path));
    for hunk in diff.unified_diff().context_radius(1).iter_hunks() {
        let rules = rules_in(&hunk, &lines, applied);
        let _ = writeln!(
            out,
            "{} {}",
            paint.cyan(&hunk.header().to_string()),
            paint.dim(&rules)
        );
        for op in hunk.ops() {
            for change in diff.iter_inline_changes(op) {
                let (sign, emph): (&str, fn(&Paint, &str) -> String) = match change.tag() {
                    ChangeTag::Delete => ("-", Paint::removed),
                    ChangeTag::Insert => ("+", Paint::added),
                    ChangeTag::Equal => (" ", Paint::plain),
                };
                out.push_str(sign);
                for (emphasised, value) in change.iter_strings_lossy() {
                    let shown = show_invisibles(value.trim_end_matches(['\n', '\r']));
                    if emphasised {
                        out.push_str(&emph(&paint, &shown));
                    } else if change.tag() == ChangeTag::Equal {
                        out.push_str(&shown);
                    } else {
                        out.push_str(&paint.dim(&shown));
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Replace characters a reader cannot see with visible markers.
pub fn show_invisibles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match invisible_name(c) {
            Some(name) => {
                out.push('‹');
                out.push_str(name);
                out.push('›');
            }
            None => out.push(c),
        }
    }
    out
}

/// The short name of an invisible or easily confused character, if `c` is one.
pub fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "NBSP",
        '\u{00AD}' => "SHY",
        '\u{2000}'..='\u{200A}' => "SPACE",
        '\u{200B}' => "ZWSP",
        '\u{200C}' => "ZWNJ",
        '\u{200D}' => "ZWJ",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{202A}'..='\u{202E}' => "BIDI",
        '\u{2060}' => "WJ",
        '\u{2066}'..='\u{2069}' => "BIDI",
        '\u{202F}' => "NNBSP",
        '\u{3000}' => "IDSP",
        '\u{FEFF}' => "BOM",
        '\t' => "TAB",
        c if c.is_control() && c != '\n' && c != '\r' => "CTRL",
        _ => return None,
    })
}

/// Rule codes and names behind the fixes inside `hunk`, deduplicated.
fn rules_in(
    hunk: &UnifiedDiffHunk<'_, '_, '_, '_, str>,
    lines: &LineIndex,
    applied: &[AppliedFix],
) -> String {
    let ops = hunk.ops();
    let (Some(first), Some(last)) = (ops.first(), ops.last()) else {
        return String::new();
    };
    let (from, to) = (
        first.old_range().start,
        last.old_range().end.max(first.old_range().start + 1),
    );
    let mut names: Vec<(&str, &str)> = applied
        .iter()
        .filter(|f| {
            let (a, b) = (lines.line_of(f.span.start), lines.line_of(f.span.end));
            a < to && b >= from
        })
        .map(|f| (f.rule.code, f.rule.name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Byte offset to zero-based line number.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
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
    fn plain(&self, s: &str) -> String {
        s.to_string()
    }
    fn removed(&self, s: &str) -> String {
        if self.on {
            self.wrap("1;31;9", s)
        } else {
            format!("[-{s}-]")
        }
    }
    fn added(&self, s: &str) -> String {
        if self.on {
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
    fn marks_a_missing_final_newline() {
        let d = unified("x.txt", "a ,b", "a, b", &[]);
        assert_eq!(d, "--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-a ,b\n\\ No newline at end of file\n+a, b\n\\ No newline at end of file\n");
    }

    #[test]
    fn shows_invisible_characters_as_markers() {
        assert_eq!(show_invisibles("a\u{a0}b\u{200b}c"), "a‹NBSP›b‹ZWSP›c");
    }

    #[test]
    fn is_empty_when_nothing_changed() {
        assert_eq!(unified("x", "same\n", "same\n", &[]), "");
    }
}
