//! What every command says the same way: exit codes, plurals, errors on
//! standard error, and a reader that stopped listening.

use std::io;
use std::process::ExitCode;

/// `detritus: error: …` on standard error, the one shape every error takes,
/// so scripts can match it.
macro_rules! error {
    ($($arg:tt)*) => {
        eprintln!("detritus: error: {}", format_args!($($arg)*))
    };
}

/// 2 when something failed, 1 when debris was found, 0 otherwise.
pub(crate) fn exit(failed: bool, found: bool) -> ExitCode {
    ExitCode::from(if failed {
        2
    } else if found {
        1
    } else {
        0
    })
}

/// `1 file`, `2 files`, `3 fixes`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    match (n, noun.ends_with('x')) {
        (1, _) => format!("1 {noun}"),
        (_, true) => format!("{n} {noun}es"),
        _ => format!("{n} {noun}s"),
    }
}

/// The exit for a run that ended in `e`: 2 with the error on standard
/// error, or 0 when a reader stopped listening (`detritus … | head`), which
/// is not an error worth a message.
pub fn failed(e: anyhow::Error) -> ExitCode {
    if is_broken_pipe(&e) {
        return ExitCode::SUCCESS;
    }
    error!("{e:#}");
    ExitCode::from(2)
}

/// True when `e` comes from writing to a closed pipe (`detritus … | head`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    }) || e.chain().any(|c| {
        c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == Some(io::ErrorKind::BrokenPipe)
    })
}
