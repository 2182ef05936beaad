//! The library's errors. The CLI adds file names and exit codes on top.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum Error {
    /// The selector, and the nearest known one when it is a likely typo.
    #[error("unknown rule selector `{0}`{hint} (expected a code such as P001, a code prefix, a family or a rule name; see `detritus rules`)",
        hint = .1.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownSelector(String, Option<&'static str>),
    #[error("unknown language `{0}`; supported: {supported}", supported = crate::settings::Language::supported())]
    UnknownLanguage(String),
    #[error("invalid protect pattern `{pattern}`: {reason}")]
    BadPattern { pattern: String, reason: String },
    #[error("line {line}: {reason}")]
    BadDecision { line: usize, reason: String },
    #[error("fixes did not converge after {passes} passes; rules still changing the text: {}. This is a bug in those rules", rules.join(", "))]
    NoFixpoint { passes: usize, rules: Vec<&'static str> },
}
