//! The CLI: everything that reads, prints, writes files or picks exit codes.

pub mod args;
mod input;
mod report;
mod write;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{anyhow, Result};
use detritus::{diff, registry, FixMode, Language, Linter, Settings};

use args::{
    CheckArgs, Cli, ColorChoice, Command, FixArgs, Format, InputArgs, RulesArgs, RulesFormat,
};
use input::{Loaded, Source};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Fix(args) => fix(args),
        Command::Rules(args) => rules(args),
        Command::Explain { rule } => explain(&rule),
    }
}

fn linter(input: &InputArgs) -> Result<Linter> {
    let language: Language = input.language.parse()?;
    let settings = Settings {
        select: input.select.clone(),
        ignore: input.ignore.clone(),
        language,
        ..Settings::default()
    };
    Ok(Linter::new(&settings)?)
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
    Text { path: String, text: String },
    Skipped(String),
    Failed(anyhow::Error),
}

fn load_all(paths: &[std::path::PathBuf]) -> Vec<(Option<Source>, Outcome)> {
    input::sources(paths)
        .into_iter()
        .map(|source| match source {
            Err(e) => (None, Outcome::Failed(e)),
            Ok(source) => {
                let outcome = match input::read(&source) {
                    Ok(Loaded::Text(text)) => Outcome::Text {
                        path: source.to_string(),
                        text,
                    },
                    Ok(Loaded::Binary) => {
                        Outcome::Skipped(format!("{source}: skipped, binary file"))
                    }
                    Err(e) => Outcome::Failed(e),
                };
                (Some(source), outcome)
            }
        })
        .collect()
}

fn check(args: CheckArgs) -> Result<ExitCode> {
    let linter = linter(&args.input)?;
    let stdout = io::stdout();
    let colored = color(args.input.color, stdout.is_terminal());
    let mut out = stdout.lock();
    let mut failed = false;
    let mut checked = Vec::new();
    for (_, outcome) in load_all(&args.input.paths) {
        match outcome {
            Outcome::Text { path, text } => {
                let diags = linter.check(&text);
                checked.push((path, text, diags));
            }
            Outcome::Skipped(note) => eprintln!("detritus: {note}"),
            Outcome::Failed(e) => {
                failed = true;
                eprintln!("detritus: error: {e:#}");
            }
        }
    }
    let located: Vec<_> = checked
        .iter()
        .flat_map(|(p, t, d)| report::locate(p, t, d))
        .collect();
    if args.statistics {
        write!(out, "{}", report::statistics(&located))?;
    } else {
        match args.format {
            Format::Full => {
                for l in &located {
                    writeln!(out, "{}", report::full(l, colored))?;
                }
                if !located.is_empty() {
                    let safe = located
                        .iter()
                        .filter(|l| l.diag.applicability() == Some(detritus::Applicability::Safe))
                        .count();
                    let files = checked.iter().filter(|(_, _, d)| !d.is_empty()).count();
                    writeln!(
                        out,
                        "Found {} in {} ({safe} fixable with `detritus fix`).",
                        plural(located.len(), "issue"),
                        plural(files, "file")
                    )?;
                }
            }
            Format::Concise => {
                for l in &located {
                    writeln!(out, "{}", report::concise(l))?;
                }
            }
            Format::Json => {
                let all: Vec<_> = located.iter().map(report::json_value).collect();
                serde_json::to_writer_pretty(&mut out, &all)?;
                writeln!(out)?;
            }
            Format::Jsonl => {
                for l in &located {
                    serde_json::to_writer(&mut out, &report::json_value(l))?;
                    writeln!(out)?;
                }
            }
            Format::Github => {
                for l in &located {
                    writeln!(out, "{}", report::github(l))?;
                }
            }
            Format::Sarif => {
                serde_json::to_writer_pretty(&mut out, &report::sarif(&located))?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(exit(failed, !located.is_empty()))
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

fn fix(args: FixArgs) -> Result<ExitCode> {
    let linter = linter(&args.input)?;
    let mode = if args.unsafe_fixes {
        FixMode::Unsafe
    } else {
        FixMode::Safe
    };
    let stdout = io::stdout();
    let words = color(args.input.color, stdout.is_terminal());
    let mut out = stdout.lock();
    let (mut failed, mut pending) = (false, false);
    let (mut applied, mut files_changed, mut remaining) = (0, 0, 0);
    for (source, outcome) in load_all(&args.input.paths) {
        let (path, text) = match outcome {
            Outcome::Text { path, text } => (path, text),
            Outcome::Skipped(note) => {
                eprintln!("detritus: {note}");
                continue;
            }
            Outcome::Failed(e) => {
                failed = true;
                eprintln!("detritus: error: {e:#}");
                continue;
            }
        };
        let fixed = match linter.fix(&text, mode) {
            Ok(fixed) => fixed,
            Err(e) => {
                failed = true;
                eprintln!("detritus: error: {path}: {e}");
                if source == Some(Source::Stdin) && !args.diff {
                    out.write_all(text.as_bytes())?; // never lose the input
                }
                continue;
            }
        };
        applied += fixed.applied.len();
        remaining += fixed.remaining.len();
        files_changed += usize::from(fixed.changed());
        if args.show_fixes {
            for f in &fixed.applied {
                let line = diff::LineIndex::new(&text).line_of(f.span.start) + 1;
                eprintln!(
                    "{path}:{line}: {} {} ({}): {}",
                    f.rule.code, f.rule.name, f.applicability, f.message
                );
            }
        }
        if args.diff {
            pending |= fixed.changed();
            let shown = if words {
                diff::words(&path, &text, &fixed.text, &fixed.applied, true)
            } else {
                diff::unified(&path, &text, &fixed.text, &fixed.applied)
            };
            out.write_all(shown.as_bytes())?;
        } else if let Some(Source::File(file)) = &source {
            if fixed.changed() {
                if let Err(e) = write::atomic(file, &fixed.text, text.as_bytes()) {
                    failed = true;
                    eprintln!("detritus: error: {e:#}");
                }
            }
        } else {
            out.write_all(fixed.text.as_bytes())?;
        }
    }
    out.flush()?;
    let stdin_only =
        args.input.paths.is_empty() || args.input.paths.iter().all(|p| p.as_os_str() == "-");
    if !stdin_only || args.diff {
        let verb = if args.diff { "would apply" } else { "applied" };
        let hint = if args.unsafe_fixes {
            ""
        } else {
            " (--unsafe-fixes may repair more)"
        };
        eprintln!(
            "detritus: {verb} {} in {}; {} remain{hint}",
            plural(applied, "fix"),
            plural(files_changed, "file"),
            plural(remaining, "issue")
        );
    }
    Ok(exit(failed, args.diff && pending))
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
                    "{}  {:<28} {:<12} {:<12} {}",
                    m.code,
                    m.name,
                    m.family.name(),
                    m.fix.as_str(),
                    m.summary
                )?;
            }
        }
        RulesFormat::Json => {
            let all: Vec<_> = registry::all()
                .iter()
                .map(|r| {
                    let m = r.meta();
                    serde_json::json!({"code": m.code, "name": m.name, "family": m.family.name(), "fix": m.fix.as_str(), "summary": m.summary})
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(rule: &str) -> Result<ExitCode> {
    let r = registry::find(rule)
        .ok_or_else(|| anyhow!("unknown rule `{rule}`; `detritus rules` lists them"))?;
    let m = r.meta();
    let mut out = io::stdout().lock();
    writeln!(out, "# {} {}\n", m.code, m.name)?;
    writeln!(out, "{}\n", m.summary)?;
    writeln!(
        out,
        "Family: {}. Fix: {}.\n",
        m.family.name(),
        m.fix.as_str()
    )?;
    writeln!(out, "{}\n", m.docs.trim_end())?;
    writeln!(out, "## Flags\n")?;
    for f in m.flags {
        if f.input == f.output {
            writeln!(out, "    {}", diff::show_invisibles(f.input).trim_end())?;
        } else {
            writeln!(
                out,
                "    {}\n    → {}",
                diff::show_invisibles(f.input).trim_end(),
                diff::show_invisibles(f.output).trim_end()
            )?;
        }
    }
    writeln!(out, "\n## Leaves alone\n")?;
    for k in m.keeps {
        writeln!(out, "    {}", diff::show_invisibles(k).trim_end())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// True when `e` comes from writing to a closed pipe (`detritus … | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    }) || e.chain().any(|c| {
        c.downcast_ref::<serde_json::Error>()
            .and_then(|j| j.io_error_kind())
            == Some(io::ErrorKind::BrokenPipe)
    })
}
