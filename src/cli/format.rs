//! Printing diagnostics in the formats people and tools read.

use std::collections::BTreeMap;
use std::fmt::Write;

use detritus::text::{show_invisibles, LineIndex};
use detritus::{registry, Diagnostic};
use serde_json::{json, Value};

/// A diagnostic with the place it was found, located once for every format.
pub struct Located<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub diag: &'a Diagnostic,
    /// 1-based line and column (in characters) of the span's start and end.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offset where the span's first line starts.
    pub line_start: usize,
}

/// Locate every diagnostic of one text. Diagnostics come sorted, so columns
/// are counted on from the previous start or end: a 50 MB line with
/// thousands of findings, nested or not, is read about once, not once per
/// finding.
///
/// An iterator, not a list: a text dense with findings would otherwise hold
/// a location per finding beside the findings themselves.
pub fn locate<'a>(path: &'a str, text: &'a str, diags: &'a [Diagnostic]) -> impl Iterator<Item = Located<'a>> + 'a {
    let lines = LineIndex::new(text);
    // (line, offset, column) of the previous start and end.
    let (mut last, mut last_end) = ((usize::MAX, 0, 0), (usize::MAX, 0, 0));
    // Counted from the nearest known position on the line, forwards or
    // backwards: nested spans (`( ( ( … ) ) )`) end just before the
    // previous end, far from their own start.
    let position = move |lines: &LineIndex, offset: usize, bases: [(usize, usize, usize); 2]| {
        let line = lines.line_of(offset);
        let mut base = (lines.line_start(line), 1);
        for (l, o, c) in bases {
            if l == line && o.abs_diff(offset) < base.0.abs_diff(offset) {
                base = (o, c);
            }
        }
        let column = if base.0 <= offset {
            base.1 + text[base.0..offset].chars().count()
        } else {
            base.1 - text[offset..base.0].chars().count()
        };
        (line, offset, column)
    };
    diags.iter().map(move |diag| {
        let start = position(&lines, diag.span.start, [last, last_end]);
        last = start;
        let end = position(&lines, diag.span.end, [start, last_end]);
        last_end = end;
        Located {
            path,
            text,
            diag,
            line: start.0 + 1,
            column: start.2,
            end_line: end.0 + 1,
            end_column: end.2,
            line_start: lines.line_start(start.0),
        }
    })
}

/// A diagnostic as JSON, with the language and script of its paragraph
/// when `context` is given (`null` where detritus cannot identify them).
pub fn json_value(l: &Located, context: Option<detritus::Context>) -> Value {
    let d = l.diag;
    let mut v = json!({
        "path": l.path,
        "code": d.rule.code,
        "name": d.rule.name,
        "message": d.message,
        "span": {"start": d.span.start, "end": d.span.end},
        "line": l.line,
        "column": l.column,
        "end_line": l.end_line,
        "end_column": l.end_column,
        "fix": d.fix.as_ref().map(|f| json!({
            "applicability": f.applicability.as_str(),
            "message": f.message,
            "edits": f.edits.iter().map(|e| json!({"start": e.span.start, "end": e.span.end, "content": e.content})).collect::<Vec<_>>(),
        })),
    });
    if let Some(c) = context {
        v["language"] = json!(c.language.map(|l| l.code()));
        v["script"] = json!(c.script.map(|s| s.full_name()));
    }
    v
}

pub fn concise(l: &Located) -> String {
    let d = l.diag;
    let fix = d
        .fix
        .as_ref()
        .map(|f| format!(" [{} fix]", f.applicability))
        .unwrap_or_default();
    format!(
        "{}:{}:{}: {} {}: {}{fix}",
        l.path, l.line, l.column, d.rule.code, d.rule.name, d.message
    )
}

/// rustc-like: header, location, the line around the span, a caret line.
pub fn full(l: &Located, color: bool) -> String {
    let d = l.diag;
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let line_start = l.line_start;
    // Look for the line's end only as far as the window shows.
    let window_end = detritus::span::ceil_char_boundary(l.text, (d.span.end + 400).min(l.text.len()));
    let line_end = l.text[d.span.start..window_end]
        .find(['\n', '\r'])
        .map_or(window_end, |i| d.span.start + i);
    let span_end = d.span.end.min(line_end).max(d.span.start);
    // Long lines are whole paragraphs in articles: show a window around the span.
    let before = tail_chars(&l.text[line_start..d.span.start], 40);
    let marked = head_chars(&l.text[d.span.start..span_end], 60);
    let after = head_chars(&l.text[span_end..line_end], 40);
    let lead = if before.len() < d.span.start - line_start {
        "…"
    } else {
        ""
    };
    let trail = if after.len() < line_end - span_end { "…" } else { "" };
    let (before, marked, after) = (show_invisibles(before), show_invisibles(marked), show_invisibles(after));
    let gutter = " ".repeat(l.line.to_string().len());
    // Columns on screen, not characters: a CJK character takes two.
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let caret_pad = " ".repeat(width(lead) + width(&before));
    let carets = "^".repeat(width(&marked).max(1));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}",
        paint("1;33", &format!("{} {}", d.rule.code, d.rule.name)),
        paint("1", &d.message)
    );
    let _ = writeln!(out, "{gutter}{} {}:{}:{}", paint("34", "-->"), l.path, l.line, l.column);
    let _ = writeln!(out, "{gutter} {}", paint("34", "|"));
    let _ = writeln!(
        out,
        "{} {} {lead}{before}{marked}{after}{trail}",
        paint("34", &l.line.to_string()),
        paint("34", "|")
    );
    let _ = writeln!(
        out,
        "{gutter} {} {caret_pad}{}",
        paint("34", "|"),
        paint("1;33", &carets)
    );
    if let Some(fix) = &d.fix {
        let _ = writeln!(
            out,
            "{gutter} {} {} fix: {}",
            paint("34", "="),
            fix.applicability,
            fix.message
        );
    }
    out
}

fn tail_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ => s,
    }
}

fn head_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A GitHub Actions workflow command.
pub fn github(l: &Located) -> String {
    let d = l.diag;
    format!(
        "::warning file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(l.path),
        l.line,
        l.column,
        l.end_line,
        l.end_column,
        escape_property(&format!("{} {}", d.rule.code, d.rule.name)),
        escape_data(&d.message)
    )
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A path as a SARIF artifact URI: an absolute path becomes a `file://`
/// URI, a relative one a relative reference; either is percent-encoded.
fn sarif_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SARIF 2.1.0 log around the results: every rule's metadata in
/// `tool.driver.rules`, and `results` holding the string [`SARIF_RESULTS`]
/// for the results to be written in its place.
pub fn sarif_log() -> Value {
    let rules = registry::all();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "detritus",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules.iter().map(|r| {
                    let m = r.meta();
                    json!({
                        "id": m.code,
                        "name": m.name,
                        "shortDescription": {"text": m.summary},
                        "fullDescription": {"text": m.docs},
                        "help": {"text": m.docs},
                        "properties": {"family": m.family.name(), "fix": m.fix.as_str()},
                    })
                }).collect::<Vec<_>>(),
            }},
            "results": SARIF_RESULTS,
        }],
    })
}

/// What stands for the results in [`sarif_log`]; no rule's text holds it.
pub const SARIF_RESULTS: &str = "\u{0}results";

/// One SARIF result; `index` is its rule's place in `tool.driver.rules`.
pub fn sarif_result(l: &Located, index: usize) -> Value {
    let d = l.diag;
    let mut result = json!({
        "ruleId": d.rule.code,
        "ruleIndex": index,
        "level": "warning",
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": sarif_uri(l.path)},
            "region": {
                "startLine": l.line, "startColumn": l.column,
                "endLine": l.end_line, "endColumn": l.end_column,
                "byteOffset": d.span.start, "byteLength": d.span.len(),
            },
        }}],
    });
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": {"text": format!("{} fix: {}", fix.applicability, fix.message)},
            "artifactChanges": [{
                "artifactLocation": {"uri": sarif_uri(l.path)},
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": {"byteOffset": e.span.start, "byteLength": e.span.len()},
                    "insertedContent": {"text": e.content},
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    result
}

/// Findings counted per rule, for `--statistics`: counts, not findings,
/// so a run's statistics hold a few numbers per rule, whatever it found.
#[derive(Default)]
pub struct RuleCounts(BTreeMap<&'static str, (usize, &'static str, usize)>);

impl RuleCounts {
    pub fn add(&mut self, d: &Diagnostic) {
        let e = self.0.entry(d.rule.code).or_insert((0, d.rule.name, 0));
        e.0 += 1;
        if d.applicability() == Some(detritus::Applicability::Safe) {
            e.2 += 1;
        }
    }

    /// Most frequent first: (code, name, count, safe-fixable).
    fn rows(&self) -> Vec<(&'static str, &'static str, usize, usize)> {
        let mut rows: Vec<_> = self
            .0
            .iter()
            .map(|(&code, &(n, name, safe))| (code, name, n, safe))
            .collect();
        rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        rows
    }

    /// `--statistics`: one line per rule.
    pub fn table(&self) -> String {
        let mut out = String::new();
        for (code, name, n, safe) in self.rows() {
            let _ = writeln!(out, "{n:>6}  {code}  {name:<28} {safe} safe-fixable");
        }
        out
    }

    /// `--statistics --format json`: one object per rule.
    pub fn json(&self) -> Value {
        self.rows()
            .into_iter()
            .map(|(code, name, count, safe)| json!({"code": code, "name": name, "count": count, "safe_fixable": safe}))
            .collect()
    }
}
