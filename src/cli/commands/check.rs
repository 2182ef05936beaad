//! `detritus check`: report debris, in the format asked for.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::args::{CheckArgs, FixArgs, Format, OutputEncoding};
use crate::cli::commands::fix::{fix, warn_unmatched};
use crate::cli::input::{self, for_each_source, open_lines, Outcome};
use crate::cli::jsonl;
use crate::cli::messages::{exit, plural, Tally};
use crate::cli::setup::{color, Setup};
use crate::cli::sink::{self, Counts, Sink};

/// The output of a `check` run: the format's sink and the counts every
/// format shares.
pub(crate) struct CheckSink {
    out: io::StdoutLock<'static>,
    sink: Box<dyn Sink>,
    counts: Counts,
}

impl CheckSink {
    pub(crate) fn take(&mut self, path: String, text: String, diags: Vec<detritus::Diagnostic>) -> Result<()> {
        self.counts.found += diags.len();
        self.counts.texts_with += usize::from(!diags.is_empty());
        self.counts.safe += diags
            .iter()
            .filter(|d| d.applicability() == Some(detritus::Applicability::Safe))
            .count();
        self.sink.take(&mut self.out, path, text, diags)
    }

    pub(crate) fn finish(mut self, unit: &str) -> Result<usize> {
        self.sink.finish(&mut self.out, &self.counts, unit)?;
        self.out.flush()?;
        Ok(self.counts.found)
    }
}

pub(crate) fn check(mut args: CheckArgs) -> Result<ExitCode> {
    // Typed at a terminal with no path, `check` means this folder, as in
    // ruff and typos; waiting on a keyboard for text would look like a hang.
    if args.input.paths.is_empty() && !args.input.jsonl && io::stdin().is_terminal() {
        args.input.paths.push(".".into());
    }
    if args.fix || args.fix_only || args.diff.is_some() {
        return check_fixing(args);
    }
    let setup = Setup::new(&args.input)?;
    let stdout = io::stdout();
    let colored = color(args.input.color, stdout.is_terminal());
    let mut sink = CheckSink {
        sink: sink::for_format(args.format, args.statistics, colored, setup.base.language),
        out: stdout.lock(),
        counts: Counts::default(),
    };
    let mut failed = false;
    let started = std::time::Instant::now();
    let mut tally = Tally::default();
    if args.input.jsonl {
        let mut all = jsonl::Totals::default();
        for source in input::sources(&args.input.paths, &setup.filter) {
            let opened = source.and_then(|s| open_lines(&s).map(|r| (s, r)));
            let (source, mut reader) = match opened {
                Ok(x) => x,
                Err(e) => {
                    failed = true;
                    error!("{e:#}");
                    continue;
                }
            };
            let mut report_to = |label: &str, text: &str, diags: &[detritus::Diagnostic]| {
                sink.take(label.to_string(), text.to_string(), diags.to_vec())
            };
            let mut note = |note: String| error!("{note}");
            let name = source.to_string();
            let linter = match setup.linter_for(Some(&source)) {
                Ok(l) => l,
                Err(e) => {
                    failed = true;
                    error!("{e:#}");
                    continue;
                }
            };
            let stream = jsonl::Stream {
                linter: &linter,
                source: &name,
                fields: &args.input.fields,
                job: jsonl::Job::Check,
                log: false,
                metadata_field: None,
            };
            let totals = stream.run(
                &mut *reader,
                &mut io::sink(),
                &mut report_to,
                &mut note,
                &mut io::sink(),
            )?;
            failed |= totals.malformed > 0;
            all.add(totals);
        }
        failed |= warn_unmatched(&all, &args.input.fields, args.input.quiet);
    } else {
        for_each_source(
            &args.input.paths,
            &setup.filter,
            args.input.quiet,
            |source, outcome| match outcome {
                Outcome::Text { path, text, .. } => match setup.linter_for(source.as_ref()) {
                    Ok(linter) => {
                        let diags = linter.check(&text);
                        Checked::Text(path, text, diags)
                    }
                    Err(e) => Checked::Failed(e),
                },
                Outcome::Skipped(note) => Checked::Note(note),
                Outcome::Failed(e) | Outcome::Passthrough(e, _) => Checked::Failed(e),
            },
            |r| {
                match r {
                    Checked::Text(path, text, diags) => {
                        tally.files += 1;
                        tally.bytes += text.len();
                        for d in &diags {
                            *tally.by_rule.entry(d.rule.code).or_default() += 1;
                        }
                        sink.take(path, text, diags)?
                    }
                    Checked::Note(note) => {
                        if !args.input.quiet {
                            eprintln!("detritus: {note}");
                        }
                    }
                    Checked::Failed(e) => {
                        failed = true;
                        error!("{e:#}");
                    }
                }
                Ok(())
            },
        )?;
    }
    let full = args.format == Format::Full && !args.statistics;
    let found = sink.finish(if args.input.jsonl { "record" } else { "file" })?;
    if found == 0 && full && !failed && !args.input.quiet {
        let unit = if args.input.jsonl { "record" } else { "file" };
        println!("All clear: {}, no debris found.", plural(tally.files.max(1), unit));
    }
    if !args.input.quiet && tally.files > 1 {
        eprintln!("detritus: checked {}", tally.line(started));
    }
    Ok(exit(failed, found > 0 && !args.exit_zero))
}

/// `check --fix`, `--fix-only` and `--diff`, as in ruff: `fix` does the
/// work, and `--fix` then checks the fixed files for what remains.
pub(crate) fn check_fixing(mut args: CheckArgs) -> Result<ExitCode> {
    let fixed = fix(FixArgs {
        input: args.input.clone(),
        unsafe_fixes: args.unsafe_fixes,
        no_unsafe_fixes: args.no_unsafe_fixes,
        exit_non_zero_on_fix: false,
        diff: args.diff,
        show_fixes: false,
        output: None,
        decisions: None,
        log: None,
        metadata_field: None,
        output_encoding: OutputEncoding::Input,
    })?;
    let stdin = args.input.paths.iter().all(|p| p.as_os_str() == "-");
    if !args.fix || stdin || fixed == ExitCode::from(2) {
        return Ok(fixed);
    }
    args.fix = false;
    check(args)
}

/// What checking one source gave.
pub(crate) enum Checked {
    Text(String, String, Vec<detritus::Diagnostic>),
    Note(String),
    Failed(anyhow::Error),
}
