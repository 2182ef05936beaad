//! Where `check` sends what it finds: one type per output format behind one
//! trait, as typos's `Report` is. Streaming formats print each text's
//! findings as they come; JSON, SARIF and statistics need the whole run, so
//! they keep every finding until the end.

use std::io::Write;

use anyhow::Result;
use detritus::{Diagnostic, Document, Language};

use crate::cli::args::Format;
use crate::cli::format;
use crate::cli::messages::plural;

/// What the whole run found, for the closing line.
#[derive(Default)]
pub(crate) struct Counts {
    pub(crate) found: usize,
    pub(crate) texts_with: usize,
    pub(crate) safe: usize,
}

/// One output format.
pub(crate) trait Sink {
    /// One text's diagnostics, in order.
    fn take(&mut self, out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()>;
    /// After the last text; `unit` names what a text is (`file`, `record`).
    fn finish(&mut self, _out: &mut dyn Write, _counts: &Counts, _unit: &str) -> Result<()> {
        Ok(())
    }
}

/// The sink for `--format` and `--statistics`.
pub(crate) fn for_format(format: Format, statistics: bool, colored: bool, language: Language) -> Box<dyn Sink> {
    if statistics {
        let json = matches!(format, Format::Json | Format::Jsonl);
        return Box::new(Statistics {
            json,
            kept: Kept::default(),
        });
    }
    match format {
        Format::Full => Box::new(Full { colored }),
        Format::Concise => Box::new(Line(format::concise)),
        Format::Github => Box::new(Line(format::github)),
        Format::Jsonl => Box::new(JsonLines { language }),
        Format::Json => Box::new(Json {
            language,
            kept: Kept::default(),
        }),
        Format::Sarif => Box::new(Sarif { kept: Kept::default() }),
    }
}

/// The texts with findings, kept for a whole-run format.
#[derive(Default)]
struct Kept(Vec<(String, String, Vec<Diagnostic>)>);

impl Kept {
    fn push(&mut self, path: String, text: String, diags: Vec<Diagnostic>) {
        if !diags.is_empty() {
            self.0.push((path, text, diags));
        }
    }

    fn located(&self) -> Vec<format::Located<'_>> {
        self.0.iter().flat_map(|(p, t, d)| format::locate(p, t, d)).collect()
    }
}

/// The default: each finding with its line and a caret, then a count.
struct Full {
    colored: bool,
}

impl Sink for Full {
    fn take(&mut self, out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        for l in format::locate(&path, &text, &diags) {
            writeln!(out, "{}", format::full(&l, self.colored))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, counts: &Counts, unit: &str) -> Result<()> {
        if counts.found > 0 {
            writeln!(
                out,
                "Found {} in {} ({} fixable with `detritus fix`).",
                plural(counts.found, "issue"),
                plural(counts.texts_with, unit),
                counts.safe
            )?;
        }
        Ok(())
    }
}

/// One line per finding: `concise` and `github`.
struct Line(fn(&format::Located) -> String);

impl Sink for Line {
    fn take(&mut self, out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        for l in format::locate(&path, &text, &diags) {
            writeln!(out, "{}", (self.0)(&l))?;
        }
        Ok(())
    }
}

/// One JSON object per finding and line, with its paragraph's language.
struct JsonLines {
    language: Language,
}

impl Sink for JsonLines {
    fn take(&mut self, out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        let doc = Document::with_settings(&text, self.language, &[]);
        for l in format::locate(&path, &text, &diags) {
            let context = doc.context_at(l.diag.span.start);
            serde_json::to_writer(&mut *out, &format::json_value(&l, Some(context)))?;
            writeln!(out)?;
        }
        Ok(())
    }
}

/// One JSON array of every finding.
struct Json {
    language: Language,
    kept: Kept,
}

impl Sink for Json {
    fn take(&mut self, _out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        self.kept.push(path, text, diags);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _counts: &Counts, _unit: &str) -> Result<()> {
        let mut all = Vec::new();
        for (path, text, diags) in &self.kept.0 {
            let doc = Document::with_settings(text, self.language, &[]);
            for l in format::locate(path, text, diags) {
                all.push(format::json_value(&l, Some(doc.context_at(l.diag.span.start))));
            }
        }
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
        Ok(())
    }
}

/// A SARIF log, for code-scanning dashboards.
struct Sarif {
    kept: Kept,
}

impl Sink for Sarif {
    fn take(&mut self, _out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        self.kept.push(path, text, diags);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _counts: &Counts, _unit: &str) -> Result<()> {
        serde_json::to_writer_pretty(&mut *out, &format::sarif(&self.kept.located()))?;
        writeln!(out)?;
        Ok(())
    }
}

/// Counts per rule, as a table or (with a JSON format) as JSON.
struct Statistics {
    json: bool,
    kept: Kept,
}

impl Sink for Statistics {
    fn take(&mut self, _out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        self.kept.push(path, text, diags);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _counts: &Counts, _unit: &str) -> Result<()> {
        let located = self.kept.located();
        if self.json {
            serde_json::to_writer_pretty(&mut *out, &format::statistics_json(&located))?;
            writeln!(out)?;
        } else {
            write!(out, "{}", format::statistics(&located))?;
        }
        Ok(())
    }
}
