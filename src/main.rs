//! The `detritus` binary: parse arguments, run, map errors to exit code 2.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        // A reader that stopped listening is not an error worth a message.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("detritus: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
