//! The CLI: everything that reads, prints, writes files or picks exit codes.
//! This file only dispatches; each command lives in `commands/`.

#[macro_use]
mod messages;
pub mod args;
mod commands;
mod config;
mod encoding;
mod format;
mod input;
mod interrupt;
mod json_span;
mod jsonl;
mod setup;
mod sink;
mod write;

use std::io;
use std::process::ExitCode;

use anyhow::{anyhow, Result};

use args::{CheckArgs, Cli, Command, FixArgs};
pub use messages::failed;

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
        return setup::show_settings(input);
    }
    match cli.command {
        Command::Check(args) => commands::check::check(args),
        Command::Fix(args) => commands::fix::fix(args),
        Command::Review(args) => commands::review::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Rules(args) => commands::rules::rules(args),
        Command::Server(args) => commands::server::run(args),
        Command::Explain { rule } => commands::explain::explain(&rule),
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
