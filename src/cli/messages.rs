//! What every command says the same way: exit codes, plurals, errors on
//! standard error, a reader that stopped listening, the closing tally and
//! how a path is shown.

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

/// Totals for the closing summary on standard error.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) files: usize,
    pub(crate) bytes: usize,
    pub(crate) by_rule: std::collections::BTreeMap<&'static str, usize>,
}

impl Tally {
    pub(crate) fn line(&self, started: std::time::Instant) -> String {
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
