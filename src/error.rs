//! The library's errors. The CLI adds file names and exit codes on top.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
/// Everything the library can refuse.
pub enum Error {
    /// The selector, and the nearest known one when it is a likely typo.
    #[error("unknown rule selector `{0}`{hint} (expected a code such as P001, a code prefix, a family or a rule name; see `detritus rules`)",
        hint = .1.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownSelector(String, Option<&'static str>),
    #[error("unknown language `{0}`; supported: {supported}", supported = crate::lang::supported_tags())]
    /// A `--language` tag or config value detritus does not know.
    UnknownLanguage(String),
    #[error("unknown syntax `{0}`; supported: plain, markdown (md), rst (restructuredtext)")]
    /// A `--syntax` name or a `syntax` argument detritus does not know.
    UnknownSyntax(String),
    #[error("invalid protect pattern `{pattern}`: {reason}")]
    /// A `protect` pattern that is not a valid regular expression.
    BadPattern {
        /// The pattern as given.
        pattern: String,
        /// Why the regex engine refused it.
        reason: String,
    },
    #[error("line {line}: {reason}")]
    /// A line of a decisions file that cannot be read.
    BadDecision {
        /// One-based line number in the decisions file.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    #[error("fixes did not converge after {passes} passes; rules still changing the text: {}. This is a bug in those rules", rules.join(", "))]
    /// Fixes kept changing the text; a bug in the named rules.
    NoFixpoint {
        /// Passes run before giving up.
        passes: usize,
        /// Names of the rules whose fixes still changed the text.
        rules: Vec<&'static str>,
    },
}
