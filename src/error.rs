//! The library's errors. The CLI adds file names and exit codes on top.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum Error {
    #[error("unknown rule selector `{0}` (expected a code such as P001, a code prefix, a family or a rule name; see `detritus rules`)")]
    UnknownSelector(String),
    #[error("unknown language `{0}`; supported: {supported}", supported = crate::settings::Language::supported())]
    UnknownLanguage(String),
    #[error("invalid protect pattern `{pattern}`: {reason}")]
    BadPattern { pattern: String, reason: String },
    #[error("line {line}: {reason}")]
    BadDecision { line: usize, reason: String },
    #[error("fixes did not converge after {passes} passes; rules still changing the text: {}. This is a bug in those rules", rules.join(", "))]
    NoFixpoint { passes: usize, rules: Vec<&'static str> },
}
