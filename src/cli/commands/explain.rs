//! `detritus explain`: one rule's docs with its examples.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{anyhow, Result};
use detritus::{registry, RuleMeta, Scope};

pub(crate) fn explain(rule: &str) -> Result<ExitCode> {
    let r = registry::find(rule).ok_or_else(|| anyhow!("unknown rule `{rule}`; `detritus rules` lists them"))?;
    let mut out = io::stdout().lock();
    out.write_all(render(r.meta()).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// A rule's docs as Markdown: summary, family, safety, scope, where it
/// applies, the docs, and the examples it must flag and leave alone.
pub(crate) fn render(m: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} {}\n", m.code, m.name);
    let _ = writeln!(out, "{}\n", m.summary);
    let _ = writeln!(
        out,
        "Family: {}. Fix: {}. Reads: {}.\n",
        m.family.name(),
        m.fix.as_str(),
        match m.scope {
            Scope::Paragraph => "one paragraph at a time",
            Scope::Document => "the whole document",
        }
    );
    let _ = write!(out, "Applies to: {}", m.applies.describe());
    if m.applies.note.is_empty() {
        let _ = writeln!(out, ".\n");
    } else {
        let _ = writeln!(out, "; {}.\n", m.applies.note);
    }
    let _ = writeln!(out, "{}\n", m.docs.trim_end());
    let _ = writeln!(out, "## Flags\n");
    for f in m.flags {
        let _ = writeln!(out, "{}", example(f.input, "    "));
        if f.input != f.output {
            let _ = writeln!(out, "{}", example(f.output, "    → "));
        }
    }
    let _ = writeln!(out, "\n## Leaves alone\n");
    for k in m.keeps {
        let _ = writeln!(out, "{}", example(k, "    "));
    }
    out
}

/// An example for `explain`, every line of it indented (the first after
/// `lead`), so a multi-line one reads as one block.
pub(crate) fn example(text: &str, lead: &str) -> String {
    let shown = detritus::text::show_invisibles(text);
    let mut out = String::new();
    for (i, line) in shown.trim_end().split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i == 0 {
            out.push_str(lead);
        } else if !line.is_empty() {
            out.push_str(&" ".repeat(lead.chars().count()));
        }
        out.push_str(line.trim_end());
    }
    out
}
