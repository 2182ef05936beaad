//! JSON Lines: clean one or more string fields of each record, streaming.
//!
//! Records are read in batches, cleaned in parallel and written in input
//! order, so memory holds one batch whatever the input size. A record that
//! does not change is written back byte for byte; in a changed one only the
//! fixed string values are rewritten, spliced into the line as it was read
//! (see `json_span`), so repeated keys, numbers, escapes and spacing stay.

use std::borrow::Cow;
use std::io::{BufRead, Write};

use anyhow::Result;
use rayon::prelude::*;
use serde_json::Value;

use detritus::lang::StreamLanguage;
use detritus::{AppliedFix, Diagnostic, FixMode, Language, Linter};

use super::json_span;

/// Records cleaned per parallel batch; bounds memory.
const BATCH: usize = 512;

/// What to do with each record's fields.
pub enum Job {
    Check,
    Fix(FixMode),
}

/// Per-run totals for the summary and the exit code.
#[derive(Default)]
pub struct Totals {
    pub records: usize,
    pub changed: usize,
    pub applied: usize,
    pub found: usize,
    pub malformed: usize,
    /// Per `--field`, how many records held a string there.
    pub matched: Vec<usize>,
    /// Top-level keys seen, to name when a field matched nothing.
    pub keys: std::collections::BTreeSet<String>,
}

/// Most keys [`Totals::keys`] keeps: enough to spot a misspelt field.
const KEYS_SEEN: usize = 24;

impl Totals {
    /// Add another stream's totals to these.
    pub fn add(&mut self, other: Totals) {
        self.records += other.records;
        self.changed += other.changed;
        self.applied += other.applied;
        self.found += other.found;
        self.malformed += other.malformed;
        if self.matched.len() < other.matched.len() {
            self.matched.resize(other.matched.len(), 0);
        }
        for (m, o) in self.matched.iter_mut().zip(other.matched) {
            *m += o;
        }
        for k in other.keys {
            if self.keys.len() < KEYS_SEEN {
                self.keys.insert(k);
            }
        }
    }

    /// A warning for each `--field` no record held, naming the keys seen,
    /// and whether no field matched at all (an error: nothing was read).
    pub fn unmatched(&self, fields: &[String]) -> (Vec<String>, bool) {
        if self.records == self.malformed {
            return (Vec::new(), false); // nothing was read to hold a field
        }
        let seen = if self.keys.is_empty() {
            "none".to_string()
        } else {
            self.keys
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let warnings: Vec<String> = fields
            .iter()
            .enumerate()
            // Past the 64th field, records are not tracked (see `Done::matched`).
            .filter(|&(i, _)| i < 64 && self.matched.get(i).is_none_or(|&n| n == 0))
            .map(|(_, f)| format!("no record has a string at --field `{f}`; top-level fields seen: {seen}"))
            .collect();
        let none = warnings.len() == fields.len();
        (warnings, none)
    }
}

/// One cleaned record: the line to write, and diagnostics found per field.
struct Done {
    line: Vec<u8>,
    error: Option<String>,
    /// Change-log lines, when the stream keeps a log.
    log: Vec<String>,
    found: Vec<(String, String, Vec<Diagnostic>)>,
    applied: usize,
    changed: bool,
    /// Which `--field`s this record held (bit per field, the first 64).
    matched: u64,
    keys: Vec<String>,
}

/// Receives each record's diagnostics as `(label, text, diagnostics)`.
pub type Report<'r> = dyn FnMut(&str, &str, &[Diagnostic]) -> Result<()> + 'r;

/// One JSON Lines stream to clean.
pub struct Stream<'a> {
    pub linter: &'a Linter,
    /// Names the input in messages and labels.
    pub source: &'a str,
    pub fields: &'a [String],
    pub job: Job,
    /// Keep a change log (see [`log_line`]).
    pub log: bool,
    /// Where crawl-metadata's removals go instead of away.
    pub metadata_field: Option<&'a str>,
}

impl Stream<'_> {
    /// Stream `input` to `out` (fix) or to `report` (check), in input order,
    /// and the change log to `log`. `note` hears about malformed records,
    /// which pass through unchanged.
    pub fn run(
        &self,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        report: &mut Report,
        note: &mut dyn FnMut(String),
        log: &mut dyn Write,
    ) -> Result<Totals> {
        let mut totals = Totals {
            matched: vec![0; self.fields.len()],
            ..Totals::default()
        };
        let mut line_no = 0usize;
        // The languages the records so far tell, for reading the records
        // too short to tell their own. A batch is counted whole before it
        // is cleaned, so the output does not depend on how records are
        // scheduled.
        let mut languages = StreamLanguage::default();
        loop {
            let mut batch = Vec::with_capacity(BATCH);
            for _ in 0..BATCH {
                // Bytes, not a String: a line of invalid UTF-8 is one bad
                // record to pass through, not the end of the stream.
                let mut line = Vec::new();
                if input.read_until(b'\n', &mut line)? == 0 {
                    break;
                }
                line_no += 1;
                batch.push((line_no, line));
            }
            if batch.is_empty() {
                break;
            }
            let linter = if self.linter.language() == Language::Auto {
                // The raw lines: keys and URLs hold no function words.
                languages.merge(&StreamLanguage::of_all(
                    batch.par_iter().filter_map(|(_, line)| std::str::from_utf8(line).ok()),
                ));
                self.linter.reading_short_texts_as(languages.shared())
            } else {
                Cow::Borrowed(self.linter)
            };
            let done: Vec<Done> = batch
                .into_par_iter()
                .map(|(n, line)| clean(self, &linter, n, line))
                .collect();
            for d in done {
                totals.records += 1;
                totals.applied += d.applied;
                totals.changed += usize::from(d.changed);
                for (i, m) in totals.matched.iter_mut().enumerate().take(64) {
                    *m += usize::from(d.matched >> i & 1 == 1);
                }
                for k in d.keys {
                    if totals.keys.len() < KEYS_SEEN {
                        totals.keys.insert(k);
                    }
                }
                if let Some(e) = d.error {
                    totals.malformed += 1;
                    note(e);
                }
                for (label, text, diags) in &d.found {
                    totals.found += diags.len();
                    report(label, text, diags)?;
                }
                if matches!(self.job, Job::Fix(_)) {
                    out.write_all(&d.line)?;
                }
                for line in &d.log {
                    log.write_all(line.as_bytes())?;
                }
            }
        }
        out.flush()?;
        Ok(totals)
    }
}

/// One record's outcome; the line is passed on as read unless it changed.
fn clean(stream: &Stream, linter: &Linter, n: usize, bytes: Vec<u8>) -> Done {
    let mut done = Done {
        line: Vec::new(),
        error: None,
        log: Vec::new(),
        found: Vec::new(),
        applied: 0,
        changed: false,
        matched: 0,
        keys: Vec::new(),
    };
    done.line = examine(stream, linter, n, &bytes, &mut done).unwrap_or(bytes);
    done
}

/// Check or fix the record on `bytes` into `done`; the new line if it changed.
fn examine(stream: &Stream, linter: &Linter, n: usize, bytes: &[u8], done: &mut Done) -> Option<Vec<u8>> {
    let Stream {
        source, fields, job, ..
    } = stream;
    let line = match std::str::from_utf8(bytes) {
        Ok(line) => line,
        Err(e) => {
            done.error = Some(format!("{source}:{n}: invalid UTF-8 at byte {}", e.valid_up_to()));
            return None;
        }
    };
    let body = line.trim_end_matches(['\n', '\r']);
    // A byte order mark may open a file; it stays, and the record after it
    // is read.
    let bom = if n == 1 && body.starts_with('\u{feff}') { 3 } else { 0 };
    let json = &body[bom..];
    if json.trim().is_empty() {
        return None;
    }
    let mut record: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            // The line is passed through as it was: nothing after it is lost.
            done.error = Some(format!("{source}:{n}: malformed JSON: {e}"));
            return None;
        }
    };
    // New text for spans of `json`; a field named twice keeps its last fix.
    let mut splices: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut moved: Vec<Value> = Vec::new();
    // Only the first records' keys are wanted, to name when nothing matched.
    if n <= KEYS_SEEN {
        if let Value::Object(map) = &record {
            done.keys = map.keys().take(KEYS_SEEN).cloned().collect();
        }
    }
    for (i, pattern) in fields.iter().enumerate() {
        // Only a `*` pattern is expanded: a plain path costs no allocation.
        let expanded;
        let paths = if pattern.split('.').any(|s| s == "*") {
            expanded = expand(&record, pattern);
            expanded.as_slice()
        } else {
            std::slice::from_ref(pattern)
        };
        for field in paths {
            let Some(Value::String(text)) = lookup(&mut record, field) else {
                continue;
            };
            if i < 64 {
                done.matched |= 1 << i;
            }
            match job {
                Job::Check => {
                    let diags = linter.check(text);
                    if !diags.is_empty() {
                        done.found.push((format!("{source}:{n}:{field}"), text.clone(), diags));
                    }
                }
                Job::Fix(mode) => match linter.fix(text, *mode) {
                    Ok(fixed) if fixed.changed() => {
                        let Some(span) = json_span::locate(json, field) else {
                            done.error = Some(format!("{source}:{n}:{field}: value not found; record left unchanged"));
                            return None;
                        };
                        done.applied += fixed.applied.len();
                        if stream.log {
                            let at = serde_json::json!({"record": n, "field": field});
                            done.log.extend(fixed.applied.iter().map(|f| log_line(&at, f)));
                        }
                        if stream.metadata_field.is_some() {
                            moved.extend(
                                fixed
                                    .applied
                                    .iter()
                                    .filter(|f| f.rule.code == CRAWL_METADATA)
                                    .map(|f| Value::String(f.before.trim().to_string())),
                            );
                        }
                        let new = serde_json::to_string(&fixed.text).expect("a string serialises");
                        splices.retain(|(s, _)| *s != span);
                        splices.push((span, new));
                        *text = fixed.text;
                        done.changed = true;
                    }
                    Ok(_) => {}
                    Err(e) => done.error = Some(format!("{source}:{n}:{field}: {e}")),
                },
            }
        }
    }
    if let (Some(name), false) = (stream.metadata_field, moved.is_empty()) {
        match keep_metadata(json, name, &moved) {
            Ok(splice) => splices.push(splice),
            Err(e) => {
                // Never drop what could not be kept: leave the record as it was.
                done.error = Some(format!("{source}:{n}: {e}; record left unchanged"));
                done.log.clear();
                done.applied = 0;
                done.changed = false;
                return None;
            }
        }
    }
    done.changed.then(|| {
        splices.sort_by_key(|(span, _)| span.start);
        let mut out = Vec::with_capacity(line.len() + 64);
        out.extend_from_slice(&body.as_bytes()[..bom]);
        let mut at = 0;
        for (span, new) in &splices {
            out.extend_from_slice(&json.as_bytes()[at..span.start]);
            out.extend_from_slice(new.as_bytes());
            at = span.end;
        }
        out.extend_from_slice(&line.as_bytes()[bom + at..]);
        out
    })
}

/// The rule whose removals `--metadata-field` keeps.
const CRAWL_METADATA: &str = "B001";

/// The splice that appends `moved` to the array at `name` (a top-level
/// key, the last if it repeats), creating it at the end of the record.
fn keep_metadata(json: &str, name: &str, moved: &[Value]) -> Result<(std::ops::Range<usize>, String), String> {
    // Written the way the record writes its own separators.
    let (comma, colon) = if json.contains("\": ") {
        (", ", ": ")
    } else {
        (",", ":")
    };
    let items = moved.iter().map(Value::to_string).collect::<Vec<_>>().join(comma);
    let record = json_span::top(json);
    if !json[record.clone()].starts_with('{') {
        return Err("the record is not an object".into());
    }
    let (container, new) = match json_span::locate(json, name) {
        Some(array) if json[array.clone()].starts_with('[') => (array, items),
        Some(_) => return Err(format!("field `{name}` exists and is not an array")),
        None => (record, format!("{}{colon}[{items}]", Value::from(name))),
    };
    let comma = if json_span::is_empty(json, &container) {
        ""
    } else {
        comma
    };
    // Just inside the closing bracket or brace: the spacing before it stays.
    let close = container.end - 1;
    let inner_end = json[..close].trim_end().len().max(container.start + 1);
    Ok((inner_end..inner_end, format!("{comma}{new}")))
}

/// One change-log line: where (`at`, an object), the rule, byte offsets
/// into the original text and the text before and after.
pub fn log_line(at: &Value, f: &AppliedFix) -> String {
    let mut entry = at.clone();
    let object = entry.as_object_mut().expect("log locations are objects");
    object.insert("code".into(), f.rule.code.into());
    object.insert("name".into(), f.rule.name.into());
    object.insert("safety".into(), f.applicability.as_str().into());
    object.insert("start".into(), f.span.start.into());
    object.insert("end".into(), f.span.end.into());
    object.insert("before".into(), f.before.clone().into());
    object.insert("after".into(), f.after.clone().into());
    entry.to_string() + "\n"
}

/// The value at a dotted path (`meta.body`, `items.0.body`): a step is an
/// object's key, or an array's index.
fn lookup<'v>(record: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    path.split('.').try_fold(record, |v, key| match v {
        Value::Object(map) => map.get_mut(key),
        Value::Array(items) => items.get_mut(key.parse::<usize>().ok()?),
        _ => None,
    })
}

/// The concrete paths a `--field` pattern names in `record`, in document
/// order: `*` stands for every element of an array (`items.*.body`);
/// every other step is a key or an index, as in [`lookup`].
fn expand(record: &Value, pattern: &str) -> Vec<String> {
    let mut found = Vec::new();
    walk(
        record,
        &pattern.split('.').collect::<Vec<_>>(),
        String::new(),
        &mut found,
    );
    found
}

fn walk(v: &Value, steps: &[&str], at: String, found: &mut Vec<String>) {
    let Some((&step, rest)) = steps.split_first() else {
        found.push(at);
        return;
    };
    let join = |key: &str| {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    };
    match (v, step) {
        (Value::Array(items), "*") => {
            for (i, item) in items.iter().enumerate() {
                walk(item, rest, join(&i.to_string()), found);
            }
        }
        (Value::Object(map), key) => {
            if let Some(next) = map.get(key) {
                walk(next, rest, join(key), found);
            }
        }
        (Value::Array(items), index) => {
            if let Some(next) = index.parse::<usize>().ok().and_then(|i| items.get(i)) {
                walk(next, rest, join(index), found);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Safe-fix `input` into `out` with every rule, cleaning `fields`.
    fn run_fix(input: &mut dyn BufRead, out: &mut dyn Write, fields: &[&str], note: &mut dyn FnMut(String)) -> Totals {
        let linter = Linter::new(&detritus::Settings::default()).unwrap();
        let fields: Vec<String> = fields.iter().map(|s| s.to_string()).collect();
        let stream = Stream {
            linter: &linter,
            source: "-",
            fields: &fields,
            job: Job::Fix(FixMode::Safe),
            log: false,
            metadata_field: None,
        };
        stream
            .run(input, out, &mut |_, _, _| Ok(()), note, &mut std::io::sink())
            .unwrap()
    }

    fn fix(input: &str, fields: &[&str]) -> (String, Totals, Vec<String>) {
        let (mut out, mut notes) = (Vec::new(), Vec::new());
        let totals = run_fix(&mut input.as_bytes(), &mut out, fields, &mut |n| notes.push(n));
        (String::from_utf8(out).unwrap(), totals, notes)
    }

    #[test]
    fn cleans_the_field_and_keeps_every_other_field_and_the_key_order() {
        let (out, totals, _) = fix("{\"id\":7,\"text\":\"a , b\",\"score\":1.50}\n", &["text"]);
        assert_eq!(out, "{\"id\":7,\"text\":\"a, b\",\"score\":1.50}\n");
        assert_eq!(totals.changed, 1);
    }

    #[test]
    fn a_changed_record_keeps_every_byte_outside_the_fixed_value() {
        let line = "{\"text\": \"dup\", \"n\": 1E5, \"u\": \"caf\\u00e9 a\\/b\",  \"text\":\"a , b\"}\r\n";
        let (out, totals, _) = fix(line, &["text"]);
        assert_eq!(out, line.replace("a , b", "a, b"));
        assert_eq!(totals.changed, 1);
    }

    #[test]
    fn crawl_metadata_is_appended_in_the_records_own_style() {
        let fixed = |json: &str| {
            let moved = [Value::from("date 2023-12-18")];
            let (span, new) = keep_metadata(json, "crawl", &moved).unwrap();
            format!("{}{new}{}", &json[..span.start], &json[span.end..])
        };
        assert_eq!(fixed(r#"{"a": 1E5 }"#), r#"{"a": 1E5, "crawl": ["date 2023-12-18"] }"#);
        assert_eq!(
            fixed(r#"{"crawl":["x"],"crawl":[]}"#),
            r#"{"crawl":["x"],"crawl":["date 2023-12-18"]}"#
        );
        assert_eq!(fixed("{}"), r#"{"crawl":["date 2023-12-18"]}"#);
        assert!(keep_metadata("[1]", "crawl", &[]).is_err());
    }

    #[test]
    fn a_byte_order_mark_on_the_first_line_stays_and_the_record_is_read() {
        let (out, totals, _) = fix("\u{feff}{\"text\":\"a , b\"}\n{\"text\":\"c , d\"}\n", &["text"]);
        assert_eq!(out, "\u{feff}{\"text\":\"a, b\"}\n{\"text\":\"c, d\"}\n");
        assert_eq!((totals.changed, totals.malformed), (2, 0));
    }

    #[test]
    fn reaches_nested_fields_by_dotted_path() {
        let (out, _, _) = fix("{\"doc\":{\"body\":\"x , y\"}}\n", &["doc.body"]);
        assert_eq!(out, "{\"doc\":{\"body\":\"x, y\"}}\n");
    }

    #[test]
    fn reaches_array_elements_by_index_and_by_star() {
        let input = "{\"items\":[{\"body\":\"One , two.\"},{\"body\":\"Three , four.\"}],\"n\":1E5}\n";
        let (out, totals, _) = fix(input, &["items.*.body"]);
        assert_eq!(
            out,
            "{\"items\":[{\"body\":\"One, two.\"},{\"body\":\"Three, four.\"}],\"n\":1E5}\n"
        );
        assert_eq!(totals.matched, [1]);
        let (out, _, _) = fix(input, &["items.1.body"]);
        assert_eq!(
            out,
            "{\"items\":[{\"body\":\"One , two.\"},{\"body\":\"Three, four.\"}],\"n\":1E5}\n"
        );
    }

    #[test]
    fn counts_the_records_that_hold_each_field_and_names_the_keys_seen() {
        let (_, totals, _) = fix("{\"body\":\"a\",\"id\":1}\n{\"id\":2}\n", &["body", "txt"]);
        assert_eq!(totals.matched, [1, 0]);
        let (warnings, none) = totals.unmatched(&["body".into(), "txt".into()]);
        assert!(!none);
        assert_eq!(
            warnings,
            ["no record has a string at --field `txt`; top-level fields seen: `body`, `id`"]
        );
    }

    #[test]
    fn passes_records_without_the_field_through_byte_for_byte() {
        let line = "{ \"other\" : \"a , b\" }\n";
        assert_eq!(fix(line, &["text"]).0, line);
    }

    #[test]
    fn passes_a_malformed_line_through_and_names_its_number() {
        let input = "{\"text\":\"ok\"}\n{broken\n{\"text\":\"a , b\"}\n";
        let (out, totals, notes) = fix(input, &["text"]);
        assert_eq!(out, "{\"text\":\"ok\"}\n{broken\n{\"text\":\"a, b\"}\n");
        assert_eq!(totals.malformed, 1);
        assert!(notes[0].starts_with("-:2: malformed JSON"), "{notes:?}");
    }

    #[test]
    fn passes_a_line_of_invalid_utf8_through_and_goes_on_to_the_next() {
        // Found by fuzzing: the stream read lines as Strings, so one bad byte
        // ended it and every later record was lost.
        let input = b"{\"text\":\"a , b\"}\n{\"text\":\"bad \xff , x\"}\n{\"text\":\"c , d\"}\n";
        let (mut out, mut notes) = (Vec::new(), Vec::new());
        let totals = run_fix(&mut &input[..], &mut out, &["text"], &mut |n| notes.push(n));
        assert_eq!(
            out,
            b"{\"text\":\"a, b\"}\n{\"text\":\"bad \xff , x\"}\n{\"text\":\"c, d\"}\n"
        );
        assert_eq!((totals.records, totals.malformed), (3, 1));
        assert_eq!(notes, ["-:2: invalid UTF-8 at byte 13"]);
    }

    /// Tiny records made one at a time, counting how many were handed out.
    struct Records {
        made: std::rc::Rc<std::cell::Cell<usize>>,
        total: usize,
        line: Vec<u8>,
        at: usize,
    }

    impl std::io::Read for Records {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = std::io::BufRead::fill_buf(self)?.len().min(buf.len());
            buf[..n].copy_from_slice(&self.line[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    impl BufRead for Records {
        fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
            if self.at == self.line.len() && self.made.get() < self.total {
                let i = self.made.get();
                self.line = format!("{{\"i\":{i},\"text\":\"r , {i}\"}}\n").into_bytes();
                self.at = 0;
                self.made.set(i + 1);
            }
            Ok(&self.line[self.at..])
        }
        fn consume(&mut self, n: usize) {
            self.at += n;
        }
    }

    /// Counts lines written and checks the reader is never far ahead.
    struct Written {
        made: std::rc::Rc<std::cell::Cell<usize>>,
        lines: usize,
        most_ahead: usize,
    }

    impl Write for Written {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.lines += buf.iter().filter(|&&b| b == b'\n').count();
            self.most_ahead = self.most_ahead.max(self.made.get() - self.lines);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn memory_holds_one_batch_whatever_the_number_of_records() {
        // Millions of records run in the release script; here enough batches
        // to show the reader is never more than a batch ahead of the writer.
        let total = BATCH * 40;
        let made = std::rc::Rc::new(std::cell::Cell::new(0));
        let mut input = Records {
            made: made.clone(),
            total,
            line: Vec::new(),
            at: 0,
        };
        let mut out = Written {
            made: made.clone(),
            lines: 0,
            most_ahead: 0,
        };
        let totals = run_fix(&mut input, &mut out, &["text"], &mut |n| panic!("{n}"));
        assert_eq!((totals.records, totals.changed, out.lines), (total, total, total));
        assert!(
            out.most_ahead <= BATCH,
            "read {} records ahead of the output",
            out.most_ahead
        );
    }

    #[test]
    fn keeps_one_record_out_per_record_in_across_batches() {
        let input: String = (0..BATCH * 2 + 3)
            .map(|i| format!("{{\"i\":{i},\"text\":\"n {i} , x\"}}\n"))
            .collect();
        let (out, totals, _) = fix(&input, &["text"]);
        assert_eq!(totals.records, BATCH * 2 + 3);
        for (i, line) in out.lines().enumerate() {
            assert_eq!(line, format!("{{\"i\":{i},\"text\":\"n {i}, x\"}}"));
        }
    }
}
