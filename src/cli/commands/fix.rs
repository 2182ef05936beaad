//! `detritus fix`: apply the fixes the mode allows, to files, standard
//! input or JSON Lines records, and say what changed.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use detritus::decisions::Decisions;
use detritus::{diff, FixMode};

use crate::cli::args::{DiffView, FixArgs, OutputEncoding};
use crate::cli::input::{self, for_each_source, open_lines, Outcome, Source};
use crate::cli::messages::display_path;
use crate::cli::messages::{exit, plural, Tally};
use crate::cli::setup::{below_input_root, color, Setup};
use crate::cli::{encoding, jsonl, write};

/// What fixing one file gave, ready to print.
#[derive(Default)]
pub(crate) struct FileFix {
    pub(crate) output: Vec<u8>,
    pub(crate) notes: Vec<String>,
    pub(crate) errors: Vec<String>,
    pub(crate) applied: Vec<&'static str>,
    pub(crate) log: String,
    pub(crate) remaining: usize,
    /// Of `remaining`, those an unsafe fix would repair.
    pub(crate) unsafe_remaining: usize,
    pub(crate) changed: bool,
    pub(crate) bytes: usize,
}

impl FileFix {
    /// The write failed: nothing this file's fixes did reached the disk, so
    /// none of them may be counted or logged as applied.
    pub(crate) fn written_nothing(&mut self) {
        self.applied.clear();
        self.log.clear();
        self.changed = false;
    }
}

pub(crate) fn fix_one(
    setup: &Setup,
    args: &FixArgs,
    mode: Option<FixMode>,
    decisions: Option<&Decisions>,
    colored: bool,
    source: Option<Source>,
    outcome: Outcome,
) -> FileFix {
    let mut r = FileFix::default();
    let (path, text, decoded) = match outcome {
        Outcome::Text { path, text, decoded } => (path, text, decoded),
        Outcome::Skipped(note) => {
            r.notes.push(note);
            return r;
        }
        Outcome::Failed(e) => {
            r.errors.push(format!("{e:#}"));
            return r;
        }
        Outcome::Passthrough(e, bytes) => {
            r.errors.push(format!("{e:#}"));
            if args.diff.is_none() {
                r.output = bytes;
            }
            return r;
        }
    };
    // The file's nearest config decides its rules and unsafe-fixes.
    let (linter, mode) = match setup.fixing(source.as_ref(), mode) {
        Ok(x) => x,
        Err(e) => {
            r.errors.push(format!("{e:#}"));
            r.written_nothing();
            return r;
        }
    };
    let fixed = match decisions {
        Some(decisions) => detritus::decisions::apply(&linter, &text, decisions, Some(mode)),
        None => linter.fix(&text, mode),
    };
    let fixed = match fixed {
        Ok(fixed) => fixed,
        Err(e) => {
            r.errors.push(format!("{path}: {e}"));
            if source == Some(Source::Stdin) && args.diff.is_none() {
                r.output = text.into_bytes(); // never lose the input
            }
            return r;
        }
    };
    r.applied = fixed.applied.iter().map(|f| f.rule.code).collect();
    if args.log.is_some() {
        let at = serde_json::json!({ "file": path });
        r.log = fixed.applied.iter().map(|f| jsonl::log_line(&at, f)).collect();
    }
    r.remaining = fixed.remaining.len();
    // What --unsafe-fixes could still repair: nothing, when it was on.
    if mode == FixMode::Safe {
        r.unsafe_remaining = fixed
            .remaining
            .iter()
            .filter(|d| d.applicability() == Some(detritus::Applicability::Unsafe))
            .count();
    }
    r.changed = fixed.changed();
    r.bytes = text.len();
    if args.show_fixes {
        let lines = detritus::text::LineIndex::new(&text);
        for f in &fixed.applied {
            let line = lines.line_of(f.span.start) + 1;
            r.notes.push(format!(
                "{path}:{line}: {} {} ({}): {}",
                f.rule.code, f.rule.name, f.applicability, f.message
            ));
        }
    }
    if let Some(view) = args.diff {
        let shown = match (view, colored) {
            (DiffView::Words, _) => diff::words(&path, &text, &fixed, colored),
            (DiffView::Unified, true) => diff::unified_colored(&path, &text, &fixed),
            (DiffView::Unified, false) => diff::unified(&path, &text, &fixed),
        };
        r.output = shown.into_bytes();
        return r;
    }
    // Back in the encoding it came in, unless asked for UTF-8.
    let (bytes, original) = match decoded
        .as_ref()
        .filter(|_| args.output_encoding == OutputEncoding::Input)
    {
        Some((d, raw)) => match encoding::encode(&fixed.text, d, &path) {
            Ok(bytes) => (bytes, raw.as_slice()),
            Err(e) => {
                r.errors.push(format!("{e:#}"));
                r.written_nothing();
                return r;
            }
        },
        None => (
            std::borrow::Cow::Borrowed(fixed.text.as_bytes()),
            decoded.as_ref().map_or(text.as_bytes(), |(_, raw)| raw.as_slice()),
        ),
    };
    // A file read in another encoding changes when it is written as UTF-8.
    let rewrite = fixed.changed() || (decoded.is_some() && args.output_encoding == OutputEncoding::Utf8);
    if let (Some(dir), Some(Source::File(file))) = (&args.output, &source) {
        if let Err(e) = write::mirrored(dir, &below_input_root(&args.input.paths, file), file, &bytes) {
            r.errors.push(format!("{e:#}"));
            r.written_nothing();
        }
    } else if let Some(Source::File(file)) = &source {
        if rewrite {
            if let Err(e) = write::atomic(file, &bytes, original) {
                r.errors.push(format!("{e:#}"));
                r.written_nothing();
            }
        }
    } else {
        r.output = bytes.into_owned();
    }
    r
}

pub(crate) fn fix(args: FixArgs) -> Result<ExitCode> {
    let mut setup = Setup::new(&args.input)?;
    if let Some(out) = &args.output {
        std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", display_path(out)))?;
        setup.filter.output = std::fs::canonicalize(out).ok();
    }
    // The flags decide for every file; without them each file's config does.
    let mode = if args.no_unsafe_fixes {
        Some(FixMode::Safe)
    } else if args.unsafe_fixes {
        Some(FixMode::Unsafe)
    } else {
        None
    };
    if args.input.jsonl {
        if args.decisions.is_some() {
            anyhow::bail!("--decisions is not supported with --jsonl: decisions are made on files");
        }
        return fix_jsonl(&setup, &args, mode);
    }
    let decisions = args.decisions.as_deref().map(load_decisions).transpose()?;
    let mut log = args.log.as_deref().map(open_log).transpose()?;
    let stdout = io::stdout();
    let colored = color(args.input.color, stdout.is_terminal());
    let mut out = stdout.lock();
    let (mut failed, mut pending) = (false, false);
    let (mut applied, mut files_changed, mut remaining, mut unsafe_remaining) = (0, 0, 0, 0);
    let started = std::time::Instant::now();
    let mut tally = Tally::default();
    for_each_source(
        &args.input.paths,
        &setup.filter,
        args.input.quiet,
        |source, outcome| fix_one(&setup, &args, mode, decisions.as_ref(), colored, source, outcome),
        |r| {
            for note in r.notes.iter().filter(|_| !args.input.quiet) {
                eprintln!("detritus: {note}");
            }
            for e in &r.errors {
                failed = true;
                error!("{e}");
            }
            applied += r.applied.len();
            for code in &r.applied {
                *tally.by_rule.entry(code).or_default() += 1;
            }
            tally.files += usize::from(r.bytes > 0);
            tally.bytes += r.bytes;
            remaining += r.remaining;
            unsafe_remaining += r.unsafe_remaining;
            files_changed += usize::from(r.changed);
            pending |= r.changed;
            out.write_all(&r.output)?;
            if let Some(log) = &mut log {
                log.write_all(r.log.as_bytes())?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    if let Some(log) = &mut log {
        log.flush()?;
    }
    let stdin_only = args.input.paths.is_empty() || args.input.paths.iter().all(|p| p.as_os_str() == "-");
    if (!stdin_only || args.diff.is_some()) && !args.input.quiet {
        let left = Left {
            issues: remaining,
            unsafe_fixable: unsafe_remaining,
        };
        summary(&args, applied, files_changed, "file", Some(left));
        if tally.files > 1 {
            eprintln!("detritus: processed {}", tally.line(started));
        }
    }
    Ok(exit(
        failed,
        (args.diff.is_some() || args.exit_non_zero_on_fix) && pending,
    ))
}

pub(crate) fn open_log(path: &std::path::Path) -> Result<io::BufWriter<std::fs::File>> {
    let file = std::fs::File::create(path).with_context(|| format!("{}: cannot create the log", display_path(path)))?;
    Ok(io::BufWriter::new(file))
}

/// Read a decisions file; a missing file is an error, because it was named.
pub(crate) fn load_decisions(path: &std::path::Path) -> Result<Decisions> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("{}: cannot read decisions", display_path(path)))?;
    Decisions::parse(&text).with_context(|| display_path(path).to_string())
}

/// What a fix run left in files: every issue, and those `--unsafe-fixes`
/// would repair (none when unsafe fixes were on).
pub(crate) struct Left {
    pub(crate) issues: usize,
    pub(crate) unsafe_fixable: usize,
}

pub(crate) fn summary(args: &FixArgs, applied: usize, changed: usize, unit: &str, left: Option<Left>) {
    let verb = if args.diff.is_some() { "would apply" } else { "applied" };
    let remaining = match left {
        Some(left) => {
            let verb = if left.issues == 1 { "remains" } else { "remain" };
            let hint = match left.unsafe_fixable {
                0 => String::new(),
                n => format!(" ({n} repairable with --unsafe-fixes)"),
            };
            format!("; {} {verb}{hint}", plural(left.issues, "issue"))
        }
        None => String::new(),
    };
    eprintln!(
        "detritus: {verb} {} in {}{remaining}",
        plural(applied, "fix"),
        plural(changed, unit)
    );
}

pub(crate) fn fix_jsonl(setup: &Setup, args: &FixArgs, mode: Option<FixMode>) -> Result<ExitCode> {
    if args.diff.is_some() {
        anyhow::bail!("--diff is not supported with --jsonl; run `fix --jsonl` to a new file and diff that");
    }
    let mut failed = false;
    let mut all = jsonl::Totals::default();
    let mut log = args.log.as_deref().map(open_log).transpose()?;
    let mut sink = io::sink();
    let mut notes = |note: String| {
        failed = true;
        error!("{note}");
    };
    for source in input::sources(&args.input.paths, &setup.filter) {
        let source = match source {
            Ok(s) => s,
            Err(e) => {
                notes(format!("{e:#}"));
                continue;
            }
        };
        let mut reader = match open_lines(&source) {
            Ok(r) => r,
            Err(e) => {
                notes(format!("{e:#}"));
                continue;
            }
        };
        let name = source.to_string();
        let (linter, mode) = match setup.fixing(Some(&source), mode) {
            Ok(x) => x,
            Err(e) => {
                notes(format!("{e:#}"));
                continue;
            }
        };
        let stream = jsonl::Stream {
            linter: &linter,
            source: &name,
            fields: &args.input.fields,
            job: jsonl::Job::Fix(mode),
            log: log.is_some(),
            metadata_field: args.metadata_field.as_deref(),
        };
        let log: &mut dyn Write = match &mut log {
            Some(w) => w,
            None => &mut sink,
        };
        let totals = match &source {
            Source::Stdin => {
                let mut out = io::BufWriter::new(io::stdout().lock());
                stream.run(&mut *reader, &mut out, &mut |_, _, _| Ok(()), &mut notes, log)?
            }
            Source::File(path) => {
                let mut totals = None;
                // A file with no record changed is not rewritten.
                let result = write::atomic_stream(path, |out| {
                    let t = stream.run(&mut *reader, out, &mut |_, _, _| Ok(()), &mut notes, log)?;
                    let changed = t.changed > 0;
                    totals = Some(t);
                    Ok(changed)
                });
                if let Err(e) = result {
                    notes(format!("{e:#}"));
                }
                totals.unwrap_or_default()
            }
        };
        all.add(totals);
    }
    failed |= warn_unmatched(&all, &args.input.fields, args.input.quiet);
    if !args.input.quiet {
        summary(args, all.applied, all.changed, "record", None);
    }
    Ok(exit(failed, false))
}

/// Warn about each `--field` no record held; true (an error) when no
/// record held any of them, so nothing was read.
pub(crate) fn warn_unmatched(totals: &jsonl::Totals, fields: &[String], quiet: bool) -> bool {
    let (warnings, none) = totals.unmatched(fields);
    for w in warnings.iter().filter(|_| none || !quiet) {
        eprintln!("detritus: {}: {w}", if none { "error" } else { "warning" });
    }
    none
}
