//! `detritus report --html`: one self-contained page for reviewing a corpus.
//!
//! Everything that needs the linter happens here: each proposed fix comes
//! with its decision key and the exact decisions-file lines for accepting
//! and rejecting it, so the page only renders, filters and concatenates.
//! The data goes in as one JSON blob that the page renders lazily.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::{bail, Result};
use detritus::decisions::{Decision, Verdict};
use detritus::diff::{self, Piece};
use detritus::text::LineIndex;
use detritus::{Applicability, Diagnostic, Edit, RuleMeta};
use serde::Serialize;

use crate::cli::args::ReportArgs;
use crate::cli::input::{for_each_source, Outcome};
use crate::cli::messages::display_path;
use crate::cli::messages::{exit, plural};
use crate::cli::setup::Setup;
use crate::cli::write;

const TEMPLATE: &str = include_str!("html/template.html");
const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");

/// Bytes of text shown either side of a change: about a sentence, enough
/// to judge it, small enough that a thousand articles stay a light page.
const CONTEXT: usize = 90;

#[derive(Serialize)]
struct Page {
    rules: Vec<RuleInfo>,
    files: Vec<File>,
    errors: Vec<String>,
}

#[derive(Serialize)]
struct RuleInfo {
    code: &'static str,
    name: &'static str,
    family: &'static str,
    summary: &'static str,
}

#[derive(Serialize)]
struct File {
    path: String,
    items: Vec<Item>,
}

/// A proposed fix, or a note with nothing to decide (`safety: "note"`).
#[derive(Serialize)]
struct Item {
    rule: &'static str,
    safety: &'static str,
    line: usize,
    col: usize,
    message: String,
    /// `[kind, text]` with kind `=` unchanged, `-` deleted, `+` inserted,
    /// `!` the flagged text of a note without a fix.
    pieces: Vec<(&'static str, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// The decisions-file lines the page exports for this fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    accept: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reject: Option<String>,
}

/// What gathering one source gave.
enum Gathered {
    File(File, Vec<&'static RuleMeta>),
    Note(String),
    Failed(anyhow::Error),
}

pub fn run(args: ReportArgs) -> Result<ExitCode> {
    if args.input.jsonl {
        bail!("report works on files, not --jsonl");
    }
    let setup = Setup::new(&args.input)?;
    let mut page = Page {
        rules: Vec::new(),
        files: Vec::new(),
        errors: Vec::new(),
    };
    let mut rules: BTreeMap<&str, &'static RuleMeta> = BTreeMap::new();
    for_each_source(
        &args.input.paths,
        &setup.filter,
        args.input.quiet,
        |source, outcome| match outcome {
            Outcome::Text { path, text, .. } => match setup.linter_for(source.as_ref()) {
                Ok(linter) => {
                    let diags = linter.check(&text);
                    let metas = diags.iter().map(|d| d.rule).collect();
                    Gathered::File(gather(path, &text, &diags), metas)
                }
                Err(e) => Gathered::Failed(e),
            },
            Outcome::Skipped(note) => Gathered::Note(note),
            Outcome::Failed(e) | Outcome::Passthrough(e, _) => Gathered::Failed(e),
        },
        |g| {
            match g {
                Gathered::File(file, metas) => {
                    rules.extend(metas.into_iter().map(|m| (m.code, m)));
                    page.files.push(file);
                }
                Gathered::Note(note) => eprintln!("detritus: {note}"),
                Gathered::Failed(e) => {
                    error!("{e:#}");
                    page.errors.push(format!("{e:#}"));
                }
            }
            Ok(())
        },
    )?;
    page.rules = rules
        .values()
        .map(|m| RuleInfo {
            code: m.code,
            name: m.name,
            family: m.family.name(),
            summary: m.summary,
        })
        .collect();
    write::replace(&args.html, render(&page)?.as_bytes())?;
    if !args.input.quiet {
        let fixes = page
            .files
            .iter()
            .flat_map(|f| &f.items)
            .filter(|i| i.key.is_some())
            .count();
        eprintln!(
            "detritus: wrote {}: {}, {}",
            display_path(&args.html),
            plural(page.files.len(), "file"),
            plural(fixes, "proposed fix")
        );
    }
    Ok(exit(!page.errors.is_empty(), false))
}

/// The page: template, style and script, with the data embedded where
/// no text in it can end the script element.
fn render(page: &Page) -> Result<String> {
    // `<` appears only inside JSON strings, so escaping every one keeps the
    // JSON valid and leaves nothing that could close or open a tag.
    let data = serde_json::to_string(page)?.replace('<', "\\u003c");
    Ok(TEMPLATE
        .replacen("{{css}}", CSS, 1)
        .replacen("{{js}}", JS, 1)
        .replacen("{{data}}", &data, 1))
}

/// One file's findings in document order: fixes to decide, and notes.
fn gather(path: String, text: &str, diags: &[Diagnostic]) -> File {
    let lines = LineIndex::new(text);
    let items = diags
        .iter()
        .map(|d| {
            let fix = d.fix.as_ref().filter(|f| !f.edits.is_empty());
            // Where the finding is, as `check` says, not where its edit
            // starts: removing a last line starts at the break before it.
            let at = d.span.start;
            let line = lines.line_of(at);
            let col = text[lines.line_start(line)..at].chars().count() + 1;
            let mut item = Item {
                rule: d.rule.code,
                safety: "note",
                line: line + 1,
                col,
                message: d.message.to_string(),
                pieces: Vec::new(),
                key: None,
                accept: None,
                reject: None,
            };
            match fix {
                Some(f) => {
                    item.pieces = pieces(diff::fix_pieces(text, &f.edits, CONTEXT), "-");
                    item.message = format!("{}: {}", d.message, f.message);
                    if f.applicability != Applicability::DisplayOnly {
                        item.safety = f.applicability.as_str();
                        // The page only joins these lines; Rust computes every key.
                        if let Some(accept) = Decision::new(d, text, Verdict::Accept) {
                            let reject = Decision {
                                verdict: Verdict::Reject,
                                ..accept.clone()
                            };
                            item.accept = Some(decision_line(&accept));
                            item.reject = Some(decision_line(&reject));
                            item.key = Some(accept.key);
                        }
                    }
                }
                None => item.pieces = pieces(diff::fix_pieces(text, &[Edit::delete(d.span)], CONTEXT), "!"),
            }
            item
        })
        .collect();
    File { path, items }
}

/// The decisions-file line for `decision`: what `Decisions::to_jsonl` writes
/// for it, so `fix --decisions` reads it back.
fn decision_line(decision: &Decision) -> String {
    serde_json::to_string(decision).expect("decisions serialise")
}

/// Pieces as compact `[kind, text]` pairs, invisible characters made visible;
/// `deleted` is the kind deleted text gets.
fn pieces(pieces: Vec<Piece>, deleted: &'static str) -> Vec<(&'static str, String)> {
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Same(s) => ("=", detritus::text::show_invisibles(&s)),
            Piece::Delete(s) => (deleted, detritus::text::show_invisibles(&s)),
            Piece::Insert(s) => ("+", detritus::text::show_invisibles(&s)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_text_cannot_close_the_script_element() {
        let page = Page {
            rules: Vec::new(),
            files: vec![File {
                path: "</script><!--<script>".into(),
                items: Vec::new(),
            }],
            errors: Vec::new(),
        };
        let html = render(&page).unwrap();
        assert!(!html.contains("</script><!--"), "{html}");
        assert!(html.contains(r"\u003c/script>\u003c!--\u003cscript>"));
    }
}
