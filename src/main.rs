//! The `detritus` binary: parse arguments, run, map errors to exit code 2.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    cli::run(args).unwrap_or_else(cli::failed)
}
