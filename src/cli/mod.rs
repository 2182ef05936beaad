//! The CLI: everything that reads, prints, writes files or picks exit codes.

pub mod args;
mod config;
mod encoding;
mod html;
mod input;
mod interrupt;
mod json_span;
mod jsonl;
mod report;
mod review;
mod write;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use detritus::decisions::Decisions;
use detritus::{diff, registry, FixMode, Language, Linter, Scope, Settings};

use args::{
    CheckArgs, Cli, ColorChoice, Command, DiffView, FixArgs, Format, InputArgs, OutputEncoding, RulesArgs, RulesFormat,
};
use input::{Loaded, Source};

pub fn run(mut cli: Cli) -> Result<ExitCode> {
    if let Command::Check(CheckArgs { input, .. })
    | Command::Fix(FixArgs { input, .. })
    | Command::Review(args::ReviewArgs { input, .. })
    | Command::Report(args::ReportArgs { input, .. }) = &mut cli.command
    {
        input.color = cli.color;
    }
    let input = match &cli.command {
        Command::Check(a) => Some(&a.input),
        Command::Fix(a) => Some(&a.input),
        Command::Review(a) => Some(&a.input),
        Command::Report(a) => Some(&a.input),
        _ => None,
    };
    if let Some(input) = input.filter(|i| i.show_settings) {
        return show_settings(input);
    }
    match cli.command {
        Command::Check(args) => check(args),
        Command::Fix(args) => fix(args),
        Command::Review(args) => review::run(args),
        Command::Report(args) => html::run(args),
        Command::Rules(args) => rules(args),
        Command::Explain { rule } => explain(&rule),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "detritus", &mut io::stdout().lock());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { command } => {
            use clap::CommandFactory;
            let mut cli = Cli::command();
            let page = match command {
                None => cli,
                Some(name) => {
                    cli.build();
                    let sub = cli
                        .find_subcommand(&name)
                        .ok_or_else(|| anyhow!("unknown subcommand `{name}`; `detritus --help` lists them"))?;
                    // clap names take a `&'static str`; this process prints one page.
                    let title: &'static str = Box::leak(format!("detritus-{name}").into_boxed_str());
                    sub.clone().name(title)
                }
            };
            clap_mangen::Man::new(page).render(&mut io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `--show-settings`: what the run would use, and where each part came from.
fn show_settings(input: &InputArgs) -> Result<ExitCode> {
    let setup = Setup::new(input)?;
    let s = &setup.base;
    let list = |v: &[String]| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.join(", ")
        }
    };
    let mut out = io::stdout().lock();
    match &setup.config {
        Some(p) => writeln!(out, "config: {}", display_path(p))?,
        None => writeln!(out, "config: (none; defaults)")?,
    }
    writeln!(
        out,
        "select: {}",
        if s.select.is_empty() {
            "ALL".to_string()
        } else {
            s.select.join(", ")
        }
    )?;
    writeln!(out, "ignore: {}", list(&s.ignore))?;
    writeln!(out, "language: {}", s.language)?;
    writeln!(out, "unsafe-fixes: {}", setup.unsafe_fixes)?;
    writeln!(out, "extend-safe-fixes: {}", list(&s.extend_safe_fixes))?;
    writeln!(out, "extend-unsafe-fixes: {}", list(&s.extend_unsafe_fixes))?;
    writeln!(out, "protect: {}", list(&s.protect))?;
    writeln!(out, "records (--jsonl): {}", s.records)?;
    writeln!(out, "restore-paragraphs: {}", s.restore_paragraphs)?;
    writeln!(out, "per-file-ignores: {}", setup.per_file.len())?;
    writeln!(out, "rules in force: {}", setup.linter_here(None).rules().len())?;
    Ok(ExitCode::SUCCESS)
}

/// Two paths naming one file.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b
        || std::fs::canonicalize(a)
            .ok()
            .is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a))
}

/// Which per-file ignores a text matches, and whether it is Markdown.
type LinterKey = (Vec<usize>, bool);

/// Everything a run needs from flags and config, built once.
struct Setup {
    base: Settings,
    /// Per-file ignores: a glob and the rules it turns off.
    per_file: Vec<(globset::GlobMatcher, Vec<String>)>,
    /// Linters for files that match per-file ignores, by the set of patterns matched.
    /// Linters by the per-file-ignore patterns matched and whether the text is Markdown.
    derived: std::sync::Mutex<std::collections::HashMap<LinterKey, std::sync::Arc<Linter>>>,
    filter: input::Filter,
    /// The config file in force, if any.
    config: Option<std::path::PathBuf>,
    unsafe_fixes: bool,
    /// The options: a nested config's setup is built from them, and
    /// `--stdin-filename` names standard input for per-file ignores.
    input: InputArgs,
    /// A file's settings come from the `detritus.toml` nearest to it, as
    /// in ruff: these are the other configs met, by path, and the config
    /// found for each folder. `--config` turns this off.
    nested: std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, std::sync::Arc<Setup>>>,
    folders: std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, Option<std::path::PathBuf>>>,
}

impl Setup {
    fn new(input: &InputArgs) -> Result<Setup> {
        Setup::from_loaded(input, config::load(input.config.as_deref())?)
    }

    fn from_loaded(input: &InputArgs, loaded: config::Loaded) -> Result<Setup> {
        if input.verbose {
            match &loaded.path {
                Some(p) => eprintln!("detritus: settings from {}", display_path(p)),
                None => eprintln!("detritus: no detritus.toml found; default settings"),
            }
        }
        let c = loaded.config;
        let named = |key: &str, e: detritus::Error| {
            anyhow!(
                "{}{key}: {e}",
                loaded
                    .path
                    .as_ref()
                    .map_or(String::new(), |p| format!("{}: ", display_path(p)))
            )
        };
        let pick = |flag: &[String], file: Option<Vec<String>>| {
            if flag.is_empty() {
                file.unwrap_or_default()
            } else {
                flag.to_vec()
            }
        };
        let language: Language = match &input.language {
            Some(tag) => tag.parse()?,
            None => c
                .language
                .as_deref()
                .map_or(Ok(Language::default()), str::parse)
                .map_err(|e| named("language", e))?,
        };
        let base = Settings {
            select: pick(&input.select, c.select),
            ignore: pick(&input.ignore, c.ignore),
            language,
            protect: c.protect,
            extend_safe_fixes: c.extend_safe_fixes,
            extend_unsafe_fixes: c.extend_unsafe_fixes,
            markdown: false,
            records: input.jsonl,
            restore_paragraphs: input.restore_paragraphs || c.restore_paragraphs.unwrap_or(false),
        };
        // Name the config key behind a bad selector or pattern.
        for (key, list) in [
            ("extend-safe-fixes", &base.extend_safe_fixes),
            ("extend-unsafe-fixes", &base.extend_unsafe_fixes),
        ] {
            detritus::registry::select(list, &[]).map_err(|e| named(key, e))?;
        }
        let linter = Linter::new(&base).map_err(|e| match e {
            detritus::Error::BadPattern { .. } => named("protect", e),
            e => anyhow!(e),
        })?;
        let mut per_file = Vec::new();
        for (glob, rules) in c.per_file_ignores {
            detritus::registry::select(&rules, &[]).map_err(|e| named("per-file-ignores", e))?;
            let matcher = globset::Glob::new(&glob)
                .map_err(|e| anyhow!("per-file-ignores: bad glob `{glob}`: {e}"))?
                .compile_matcher();
            per_file.push((matcher, rules));
        }
        Ok(Setup {
            base,
            per_file,
            derived: std::sync::Mutex::new([((Vec::new(), false), std::sync::Arc::new(linter))].into()),
            filter: input::Filter {
                exclude: config::globs("exclude", &c.exclude)?,
                include: if input.include.is_empty() {
                    let defaults = if input.jsonl { input::RECORDS } else { input::PROSE };
                    let base: Vec<String> = c
                        .include
                        .unwrap_or_else(|| defaults.iter().map(|g| g.to_string()).collect());
                    config::globs("include", &[base, c.extend_include].concat())?
                } else {
                    config::globs("--include", &input.include)?
                },
                root: loaded.root,
                verbose: input.verbose,
                output: None,
                encoding: input.encoding,
            },
            config: loaded.path.clone(),
            unsafe_fixes: c.unsafe_fixes.unwrap_or(false),
            input: input.clone(),
            nested: Default::default(),
            folders: Default::default(),
        })
    }

    /// The setup of the `detritus.toml` nearest to `source`, when that is
    /// not this one's.
    fn nested_for(&self, source: Option<&Source>) -> Result<Option<std::sync::Arc<Setup>>> {
        let Some(Source::File(path)) = source else {
            return Ok(None);
        };
        if self.input.config.is_some() {
            return Ok(None);
        }
        let Some(dir) = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
        else {
            return Ok(None);
        };
        let found = {
            let mut folders = self.folders.lock().expect("no thread panics holding this lock");
            folders
                .entry(dir.clone())
                .or_insert_with(|| config::nearest(&dir))
                .clone()
        };
        let Some(found) = found.filter(|f| self.config.as_ref().is_none_or(|c| !same_file(c, f))) else {
            return Ok(None);
        };
        let mut nested = self.nested.lock().expect("no thread panics holding this lock");
        if let Some(s) = nested.get(&found) {
            return Ok(Some(s.clone()));
        }
        let loaded = config::read(&found, dir)?;
        let mut setup = Setup::from_loaded(&self.input, loaded)?;
        // Final: a nested setup does not look for configs of its own.
        setup.input.config = Some(found.clone());
        let setup = std::sync::Arc::new(setup);
        nested.insert(found, setup.clone());
        Ok(Some(setup))
    }

    /// The linter and fix mode for `source`: `flag` when the command line
    /// chose one, else what its nearest config's `unsafe-fixes` says.
    fn fixing(&self, source: Option<&Source>, flag: Option<FixMode>) -> Result<(std::sync::Arc<Linter>, FixMode)> {
        let unsafe_fixes = match self.nested_for(source)? {
            Some(nested) => nested.unsafe_fixes,
            None => self.unsafe_fixes,
        };
        let mode = flag.unwrap_or(if unsafe_fixes { FixMode::Unsafe } else { FixMode::Safe });
        Ok((self.linter_for(source)?, mode))
    }

    /// The linter for `source`: its nearest config's, with the per-file
    /// ignores that match it applied.
    fn linter_for(&self, source: Option<&Source>) -> Result<std::sync::Arc<Linter>> {
        Ok(match self.nested_for(source)? {
            Some(nested) => nested.linter_here(source),
            None => self.linter_here(source),
        })
    }

    /// The linter for `source` under this setup's own config.
    fn linter_here(&self, source: Option<&Source>) -> std::sync::Arc<Linter> {
        let path = match source {
            Some(Source::File(path)) => Some(path),
            Some(Source::Stdin) => self.input.stdin_filename.as_ref(),
            None => None,
        };
        let markdown = path.is_some_and(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
        });
        let matched: Vec<usize> = match path {
            Some(path) if !self.per_file.is_empty() => {
                let rel = std::path::absolute(path).ok();
                let rel = rel
                    .as_deref()
                    .and_then(|p| p.strip_prefix(&self.filter.root).ok())
                    .unwrap_or(path);
                self.per_file
                    .iter()
                    .enumerate()
                    .filter(|(_, (m, _))| m.is_match(rel) || m.is_match(path))
                    .map(|(i, _)| i)
                    .collect()
            }
            _ => Vec::new(),
        };
        let mut derived = self.derived.lock().expect("no thread panics holding this lock");
        derived
            .entry((matched.clone(), markdown))
            .or_insert_with(|| {
                let mut settings = self.base.clone();
                settings.markdown = markdown;
                settings
                    .ignore
                    .extend(matched.iter().flat_map(|&i| self.per_file[i].1.iter().cloned()));
                std::sync::Arc::new(Linter::new(&settings).expect("selectors were checked when the setup was built"))
            })
            .clone()
    }
}

fn color(choice: ColorChoice, stream_is_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stream_is_tty && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// One read text, or why it was not read.
enum Outcome {
    Text {
        path: String,
        text: String,
        /// How it was decoded, when it was not UTF-8 (`--encoding`).
        decoded: Option<(encoding::Decoded, Vec<u8>)>,
    },
    Skipped(String),
    Failed(anyhow::Error),
    /// Standard input that cannot be processed: written through unchanged
    /// by `fix`, so no record in a pipeline is lost, and an error.
    Passthrough(anyhow::Error, Vec<u8>),
}

/// Files read and processed per parallel batch: enough to keep every core
/// busy, few enough that memory does not grow with the size of the tree.
const FILE_BATCH: usize = 64;

/// Run `work` on every source in parallel batches, handing results to
/// `emit` in input order so output is deterministic.
fn for_each_source<T: Send>(
    paths: &[std::path::PathBuf],
    filter: &input::Filter,
    quiet: bool,
    work: impl Fn(Option<Source>, Outcome) -> T + Sync,
    mut emit: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    use rayon::prelude::*;
    let sources = input::sources(paths, filter);
    // A bar only where someone watches and the wait is long enough to matter.
    let bar = (!quiet && io::stderr().is_terminal() && sources.len() > FILE_BATCH).then(|| {
        let bar = indicatif::ProgressBar::new(sources.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
                .expect("template is valid"),
        );
        bar
    });
    for batch in sources.chunks(FILE_BATCH) {
        let results: Vec<T> = batch
            .par_iter()
            .map(|source| match source {
                Err(e) => work(None, Outcome::Failed(anyhow!("{e:#}"))),
                Ok(source) => {
                    let outcome = match input::read(source, filter.encoding) {
                        Ok(Loaded::Text(text)) => Outcome::Text {
                            path: source.to_string(),
                            text,
                            decoded: None,
                        },
                        Ok(Loaded::Decoded(text, decoded, raw)) => Outcome::Text {
                            path: source.to_string(),
                            text,
                            decoded: Some((decoded, raw)),
                        },
                        Ok(Loaded::Binary(bytes)) if *source == Source::Stdin => Outcome::Passthrough(
                            anyhow!("-: binary input (a NUL byte); passed through unchanged"),
                            bytes,
                        ),
                        Ok(Loaded::Binary(_)) => Outcome::Skipped(format!("{source}: skipped, binary file")),
                        Ok(Loaded::NotUtf8(bytes, e)) if *source == Source::Stdin => {
                            Outcome::Passthrough(e.context("passed through unchanged"), bytes)
                        }
                        Ok(Loaded::NotUtf8(_, e)) | Err(e) => Outcome::Failed(e),
                    };
                    work(Some(source.clone()), outcome)
                }
            })
            .collect();
        for r in results {
            match &bar {
                Some(bar) => {
                    bar.suspend(|| emit(r))?;
                    bar.inc(1);
                }
                None => emit(r)?,
            }
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(())
}

/// Totals for the closing summary on standard error.
#[derive(Default)]
struct Tally {
    files: usize,
    bytes: usize,
    by_rule: std::collections::BTreeMap<&'static str, usize>,
}

impl Tally {
    fn line(&self, started: std::time::Instant) -> String {
        let secs = started.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let rules: Vec<String> = self.by_rule.iter().map(|(code, n)| format!("{code}×{n}")).collect();
        let rules = if rules.is_empty() {
            String::new()
        } else {
            format!("; {}", rules.join(" "))
        };
        format!(
            "{} ({mb:.2} MB) in {secs:.2}s, {:.1} MB/s{rules}",
            plural(self.files, "file"),
            mb / secs.max(1e-9)
        )
    }
}

/// Where `check` sends each text's diagnostics.
struct CheckSink {
    out: io::StdoutLock<'static>,
    format: Format,
    colored: bool,
    /// json, sarif and statistics need every diagnostic before printing.
    whole_run: bool,
    kept: Vec<(String, String, Vec<detritus::Diagnostic>)>,
    found: usize,
    texts_with: usize,
    safe: usize,
    /// The language setting, to name each finding's paragraph language in JSON.
    language: detritus::Language,
}

impl CheckSink {
    fn take(&mut self, path: String, text: String, diags: Vec<detritus::Diagnostic>) -> Result<()> {
        self.found += diags.len();
        self.texts_with += usize::from(!diags.is_empty());
        self.safe += diags
            .iter()
            .filter(|d| d.applicability() == Some(detritus::Applicability::Safe))
            .count();
        if self.whole_run {
            if !diags.is_empty() {
                self.kept.push((path, text, diags));
            }
            return Ok(());
        }
        let out = &mut self.out;
        let doc = (self.format == Format::Jsonl).then(|| detritus::Document::with_settings(&text, self.language, &[]));
        for l in report::locate(&path, &text, &diags) {
            match self.format {
                Format::Full => writeln!(out, "{}", report::full(&l, self.colored))?,
                Format::Concise => writeln!(out, "{}", report::concise(&l))?,
                Format::Jsonl => {
                    let context = doc.as_ref().map(|d| d.context_at(l.diag.span.start));
                    serde_json::to_writer(&mut *out, &report::json_value(&l, context))?;
                    writeln!(out)?;
                }
                Format::Github => writeln!(out, "{}", report::github(&l))?,
                Format::Json | Format::Sarif => unreachable!("whole-run formats are kept"),
            }
        }
        Ok(())
    }

    fn finish(mut self, statistics: bool, unit: &str) -> Result<usize> {
        let located: Vec<_> = self.kept.iter().flat_map(|(p, t, d)| report::locate(p, t, d)).collect();
        let out = &mut self.out;
        if statistics && matches!(self.format, Format::Json | Format::Jsonl) {
            serde_json::to_writer_pretty(&mut *out, &report::statistics_json(&located))?;
            writeln!(out)?;
        } else if statistics {
            write!(out, "{}", report::statistics(&located))?;
        } else if self.format == Format::Json {
            let mut all = Vec::with_capacity(located.len());
            for (path, text, diags) in &self.kept {
                let doc = detritus::Document::with_settings(text, self.language, &[]);
                for l in report::locate(path, text, diags) {
                    all.push(report::json_value(&l, Some(doc.context_at(l.diag.span.start))));
                }
            }
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
        } else if self.format == Format::Sarif {
            serde_json::to_writer_pretty(&mut *out, &report::sarif(&located))?;
            writeln!(out)?;
        } else if self.format == Format::Full && self.found > 0 {
            writeln!(
                out,
                "Found {} in {} ({} fixable with `detritus fix`).",
                plural(self.found, "issue"),
                plural(self.texts_with, unit),
                self.safe
            )?;
        }
        out.flush()?;
        Ok(self.found)
    }
}

fn check(mut args: CheckArgs) -> Result<ExitCode> {
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
    let mut sink = CheckSink {
        colored: color(args.input.color, stdout.is_terminal()),
        out: stdout.lock(),
        format: args.format,
        whole_run: args.statistics || matches!(args.format, Format::Json | Format::Sarif),
        kept: Vec::new(),
        found: 0,
        texts_with: 0,
        safe: 0,
        language: setup.base.language,
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
                    eprintln!("detritus: error: {e:#}");
                    continue;
                }
            };
            let mut report_to = |label: &str, text: &str, diags: &[detritus::Diagnostic]| {
                sink.take(label.to_string(), text.to_string(), diags.to_vec())
            };
            let mut note = |note: String| eprintln!("detritus: error: {note}");
            let name = source.to_string();
            let linter = match setup.linter_for(Some(&source)) {
                Ok(l) => l,
                Err(e) => {
                    failed = true;
                    eprintln!("detritus: error: {e:#}");
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
                        eprintln!("detritus: error: {e:#}");
                    }
                }
                Ok(())
            },
        )?;
    }
    let full = args.format == Format::Full && !args.statistics;
    let found = sink.finish(args.statistics, if args.input.jsonl { "record" } else { "file" })?;
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
fn check_fixing(mut args: CheckArgs) -> Result<ExitCode> {
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
enum Checked {
    Text(String, String, Vec<detritus::Diagnostic>),
    Note(String),
    Failed(anyhow::Error),
}

fn open_lines(source: &Source) -> Result<Box<dyn io::BufRead>> {
    Ok(match source {
        Source::Stdin => Box::new(io::BufReader::new(io::stdin())),
        Source::File(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| anyhow!("{}: cannot read: {e}", display_path(p)))?,
        )),
    })
}

fn exit(failed: bool, found: bool) -> ExitCode {
    ExitCode::from(if failed {
        2
    } else if found {
        1
    } else {
        0
    })
}

/// Where `file` goes below `fix --output`'s folder: its path below the
/// input root it was found under (a directory named on the command line),
/// or its name when it was named itself, as `cp -r` maps a tree.
fn below_input_root(roots: &[std::path::PathBuf], file: &std::path::Path) -> std::path::PathBuf {
    roots
        .iter()
        .filter(|r| r.is_dir())
        .filter_map(|r| file.strip_prefix(r).ok())
        .min_by_key(|rest| rest.components().count())
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| file.file_name().map(std::path::PathBuf::from).unwrap_or_default())
}

/// A path as people and terminals can read it: control characters (an
/// escape sequence, a line break in a file name) are written as escapes,
/// the way `ls -b` and git quote them, and the name is quoted then.
pub fn display_path(path: &std::path::Path) -> String {
    let shown = path.to_string_lossy();
    if !shown.chars().any(|c| c.is_control()) {
        return shown.into_owned();
    }
    let mut out = String::from("\"");
    for c in shown.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What fixing one file gave, ready to print.
#[derive(Default)]
struct FileFix {
    output: Vec<u8>,
    notes: Vec<String>,
    errors: Vec<String>,
    applied: Vec<&'static str>,
    log: String,
    remaining: usize,
    /// Of `remaining`, those an unsafe fix would repair.
    unsafe_remaining: usize,
    changed: bool,
    bytes: usize,
}

impl FileFix {
    /// The write failed: nothing this file's fixes did reached the disk, so
    /// none of them may be counted or logged as applied.
    fn written_nothing(&mut self) {
        self.applied.clear();
        self.log.clear();
        self.changed = false;
    }
}

fn fix_one(
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
        let lines = diff::LineIndex::new(&text);
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

fn fix(args: FixArgs) -> Result<ExitCode> {
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
                eprintln!("detritus: error: {e}");
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

fn open_log(path: &std::path::Path) -> Result<io::BufWriter<std::fs::File>> {
    let file = std::fs::File::create(path).with_context(|| format!("{}: cannot create the log", display_path(path)))?;
    Ok(io::BufWriter::new(file))
}

/// Read a decisions file; a missing file is an error, because it was named.
fn load_decisions(path: &std::path::Path) -> Result<Decisions> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("{}: cannot read decisions", display_path(path)))?;
    Decisions::parse(&text).with_context(|| display_path(path).to_string())
}

/// What a fix run left in files: every issue, and those `--unsafe-fixes`
/// would repair (none when unsafe fixes were on).
struct Left {
    issues: usize,
    unsafe_fixable: usize,
}

fn summary(args: &FixArgs, applied: usize, changed: usize, unit: &str, left: Option<Left>) {
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

fn fix_jsonl(setup: &Setup, args: &FixArgs, mode: Option<FixMode>) -> Result<ExitCode> {
    if args.diff.is_some() {
        anyhow::bail!("--diff is not supported with --jsonl; run `fix --jsonl` to a new file and diff that");
    }
    let mut failed = false;
    let mut all = jsonl::Totals::default();
    let mut log = args.log.as_deref().map(open_log).transpose()?;
    let mut sink = io::sink();
    let mut notes = |note: String| {
        failed = true;
        eprintln!("detritus: error: {note}");
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
fn warn_unmatched(totals: &jsonl::Totals, fields: &[String], quiet: bool) -> bool {
    let (warnings, none) = totals.unmatched(fields);
    for w in warnings.iter().filter(|_| none || !quiet) {
        eprintln!("detritus: {}: {w}", if none { "error" } else { "warning" });
    }
    none
}

fn plural(n: usize, noun: &str) -> String {
    match (n, noun.ends_with('x')) {
        (1, _) => format!("1 {noun}"),
        (_, true) => format!("{n} {noun}es"),
        _ => format!("{n} {noun}s"),
    }
}

fn rules(args: RulesArgs) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    match args.format {
        RulesFormat::Text => {
            for r in registry::all() {
                let m = r.meta();
                writeln!(
                    out,
                    "{}  {:<28} {:<12} {:<12} {:<22} {}",
                    m.code,
                    m.name,
                    m.family.name(),
                    m.fix.as_str(),
                    applies_short(&m.applies),
                    m.summary
                )?;
            }
        }
        RulesFormat::Json => {
            let all: Vec<_> = registry::all()
                .iter()
                .map(|r| {
                    let m = r.meta();
                    serde_json::json!({
                        "code": m.code,
                        "name": m.name,
                        "family": m.family.name(),
                        "fix": m.fix.as_str(),
                        "scope": m.scope.as_str(),
                        "languages": m.applies.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
                        "scripts": m.applies.scripts.iter().map(|s| s.full_name()).collect::<Vec<_>>(),
                        "conventions": m.applies.note,
                        "summary": m.summary,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A rule's languages or scripts in a column's width: `en fr`, `Latin+4`, `all`.
fn applies_short(a: &detritus::Applies) -> String {
    if !a.languages.is_empty() {
        if a.languages.len() == detritus::Lang::ALL.len() {
            return "known languages".into();
        }
        return a.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(" ");
    }
    match a.scripts {
        [] => "all".into(),
        [one] => one.full_name().into(),
        [first, rest @ ..] => format!("{}+{}", first.full_name(), rest.len()),
    }
}

fn explain(rule: &str) -> Result<ExitCode> {
    let r = registry::find(rule).ok_or_else(|| anyhow!("unknown rule `{rule}`; `detritus rules` lists them"))?;
    let m = r.meta();
    let mut out = io::stdout().lock();
    writeln!(out, "# {} {}\n", m.code, m.name)?;
    writeln!(out, "{}\n", m.summary)?;
    writeln!(
        out,
        "Family: {}. Fix: {}. Reads: {}.\n",
        m.family.name(),
        m.fix.as_str(),
        match m.scope {
            Scope::Paragraph => "one paragraph at a time",
            Scope::Document => "the whole document",
        }
    )?;
    write!(out, "Applies to: {}", m.applies.describe())?;
    if m.applies.note.is_empty() {
        writeln!(out, ".\n")?;
    } else {
        writeln!(out, "; {}.\n", m.applies.note)?;
    }
    writeln!(out, "{}\n", m.docs.trim_end())?;
    writeln!(out, "## Flags\n")?;
    for f in m.flags {
        writeln!(out, "{}", example(f.input, "    "))?;
        if f.input != f.output {
            writeln!(out, "{}", example(f.output, "    → "))?;
        }
    }
    writeln!(out, "\n## Leaves alone\n")?;
    for k in m.keeps {
        writeln!(out, "{}", example(k, "    "))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// An example for `explain`, every line of it indented (the first after
/// `lead`), so a multi-line one reads as one block.
fn example(text: &str, lead: &str) -> String {
    let shown = diff::show_invisibles(text);
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

/// True when `e` comes from writing to a closed pipe (`detritus … | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    }) || e.chain().any(|c| {
        c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == Some(io::ErrorKind::BrokenPipe)
    })
}
