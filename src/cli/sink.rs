//! Where `check` sends what it finds: one type per output format behind one
//! trait, as typos's `Report` is. Every format prints each text's findings
//! as they come, the JSON ones too, element by element: kept until the end,
//! a text dense with debris held its findings' JSON at over 2,000 times its
//! size. Statistics keep counts, not findings.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use detritus::{Diagnostic, Document, Language};
use serde_json::Value;

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
            counts: format::RuleCounts::default(),
        });
    }
    match format {
        Format::Full => Box::new(Full { colored }),
        Format::Concise => Box::new(Line(format::concise)),
        Format::Github => Box::new(Line(format::github)),
        Format::Jsonl => Box::new(JsonLines { language }),
        Format::Json => Box::new(Json {
            language,
            array: PrettyArray::at_depth(0),
        }),
        Format::Sarif => Box::new(Sarif::default()),
    }
}

/// A JSON array written an element at a time, byte for byte as
/// `serde_json::to_writer_pretty` writes the whole array nested `depth`
/// levels deep.
struct PrettyArray {
    indent: String,
    any: bool,
}

impl PrettyArray {
    fn at_depth(depth: usize) -> PrettyArray {
        PrettyArray {
            indent: "  ".repeat(depth),
            any: false,
        }
    }

    fn push(&mut self, out: &mut dyn Write, value: &Value) -> Result<()> {
        out.write_all(if self.any { b",\n" } else { b"[\n" })?;
        self.any = true;
        // JSON escapes line breaks inside strings, so each line of the
        // element's text is one of its own lines, indented one level more.
        for (i, line) in serde_json::to_string_pretty(value)?.split('\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "{}  {line}", self.indent)?;
        }
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write) -> Result<()> {
        if self.any {
            write!(out, "\n{}]", self.indent)?;
        } else {
            out.write_all(b"[]")?;
        }
        Ok(())
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
    array: PrettyArray,
}

impl Sink for Json {
    fn take(&mut self, out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        if diags.is_empty() {
            return Ok(());
        }
        let doc = Document::with_settings(&text, self.language, &[]);
        for l in format::locate(&path, &text, &diags) {
            self.array
                .push(out, &format::json_value(&l, Some(doc.context_at(l.diag.span.start))))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _counts: &Counts, _unit: &str) -> Result<()> {
        self.array.end(out)?;
        writeln!(out)?;
        Ok(())
    }
}

/// A SARIF log, for code-scanning dashboards: the log's head, then the
/// results as they come, then its tail.
#[derive(Default)]
struct Sarif {
    /// The tail, once the head is written.
    tail: Option<String>,
    results: Option<PrettyArray>,
    /// Each rule's place in `tool.driver.rules`, its `ruleIndex`.
    index: BTreeMap<&'static str, usize>,
}

impl Sarif {
    /// Write the log up to its results, once; the results' array after it.
    fn begin(&mut self, out: &mut dyn Write) -> Result<&mut PrettyArray> {
        if self.tail.is_none() {
            let log = serde_json::to_string_pretty(&format::sarif_log())?;
            let marker = serde_json::to_string(format::SARIF_RESULTS)?;
            let at = log.find(&marker).expect("the log holds its marker");
            let line_start = log[..at].rfind('\n').map_or(0, |i| i + 1);
            let depth = (log[line_start..].len() - log[line_start..].trim_start().len()) / 2;
            out.write_all(&log.as_bytes()[..at])?;
            self.tail = Some(log[at + marker.len()..].to_string());
            self.results = Some(PrettyArray::at_depth(depth));
            let rules = detritus::registry::all().iter().enumerate();
            self.index = rules.map(|(i, r)| (r.meta().code, i)).collect();
        }
        Ok(self.results.as_mut().expect("begun"))
    }
}

impl Sink for Sarif {
    fn take(&mut self, out: &mut dyn Write, path: String, text: String, diags: Vec<Diagnostic>) -> Result<()> {
        self.begin(out)?;
        for l in format::locate(&path, &text, &diags) {
            let result = format::sarif_result(&l, self.index[l.diag.rule.code]);
            self.results.as_mut().expect("begun").push(out, &result)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _counts: &Counts, _unit: &str) -> Result<()> {
        self.begin(out)?.end(out)?;
        writeln!(out, "{}", self.tail.as_deref().unwrap_or_default())?;
        Ok(())
    }
}

/// Counts per rule, as a table or (with a JSON format) as JSON.
struct Statistics {
    json: bool,
    counts: format::RuleCounts,
}

impl Sink for Statistics {
    fn take(&mut self, _out: &mut dyn Write, _path: String, _text: String, diags: Vec<Diagnostic>) -> Result<()> {
        diags.iter().for_each(|d| self.counts.add(d));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _counts: &Counts, _unit: &str) -> Result<()> {
        if self.json {
            serde_json::to_writer_pretty(&mut *out, &self.counts.json())?;
            writeln!(out)?;
        } else {
            write!(out, "{}", self.counts.table())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use detritus::{Linter, Settings};

    fn findings(text: &str) -> Vec<Diagnostic> {
        Linter::new(&Settings::default()).unwrap().check(text)
    }

    #[test]
    fn a_streamed_array_is_byte_for_byte_what_serde_writes_whole() {
        let values: Vec<Value> = vec![
            serde_json::json!({"a": 1, "b": {"c": [1, 2], "d": "x\ny"}}),
            serde_json::json!([]),
            serde_json::json!("plain"),
        ];
        for n in 0..=values.len() {
            for depth in [0, 3] {
                let mut streamed = Vec::new();
                let mut array = PrettyArray::at_depth(depth);
                for v in &values[..n] {
                    array.push(&mut streamed, v).unwrap();
                }
                array.end(&mut streamed).unwrap();
                // What serde writes for the array as a value nested `depth` deep.
                let mut nested = Value::Array(values[..n].to_vec());
                for _ in 0..depth {
                    nested = serde_json::json!({ "k": nested });
                }
                let whole = serde_json::to_string_pretty(&nested).unwrap();
                let at = whole.find('[').unwrap();
                let close = "  ".repeat(depth) + "]";
                let end = if n == 0 {
                    at + 2
                } else {
                    whole.find(&format!("\n{close}")).unwrap() + close.len() + 1
                };
                assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    whole[at..end],
                    "{n} at depth {depth}"
                );
            }
        }
    }

    #[test]
    fn json_and_sarif_write_each_texts_findings_before_the_run_ends() {
        for format in [Format::Json, Format::Sarif] {
            let mut sink = for_format(format, false, false, Language::Auto);
            let mut out = Vec::new();
            let text = "A model , which shipped.";
            sink.take(&mut out, "a.txt".into(), text.into(), findings(text))
                .unwrap();
            let written = String::from_utf8(out.clone()).unwrap();
            assert!(written.contains("\"W001\""), "{format:?}: {written}");
            sink.finish(&mut out, &Counts::default(), "file").unwrap();
            let log: Value = serde_json::from_slice(&out).unwrap();
            assert!(log.is_array() || log["runs"][0]["results"].as_array().unwrap().len() == 1);
        }
    }

    #[test]
    fn statistics_keep_counts_not_findings() {
        let mut sink = for_format(Format::Full, true, false, Language::Auto);
        let mut out = Vec::new();
        for text in ["A model , which shipped.", "Another , and another , too."] {
            sink.take(&mut out, "a.txt".into(), text.into(), findings(text))
                .unwrap();
        }
        sink.finish(&mut out, &Counts::default(), "file").unwrap();
        let table = String::from_utf8(out).unwrap();
        assert!(table.trim_start().starts_with("3  W001"), "{table}");
    }
}
