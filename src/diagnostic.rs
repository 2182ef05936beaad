//! What a rule reports: a diagnostic, and the fix it proposes.

use std::borrow::Cow;

use serde::Serialize;

use crate::rule::RuleMeta;
use crate::span::{Edit, Span};

/// How safe it is to apply a fix without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// A suggestion a person must judge; never applied automatically.
    DisplayOnly,
    /// Probably right, but removes or reorders words or picks between readings.
    Unsafe,
    /// Cannot change meaning: only whitespace, punctuation or encoding.
    Safe,
}

impl Applicability {
    pub const fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

impl std::fmt::Display for Applicability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One or more edits that belong together, applied all or not at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub message: Cow<'static, str>,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, message: impl Into<Cow<'static, str>>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability,
            message: message.into(),
            edits,
        }
    }

    pub fn safe(message: impl Into<Cow<'static, str>>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Safe, message, edits)
    }

    pub fn unsafe_(message: impl Into<Cow<'static, str>>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Unsafe, message, edits)
    }

    pub fn display_only(message: impl Into<Cow<'static, str>>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::DisplayOnly, message, edits)
    }

    /// The smallest span covering every edit.
    pub fn span(&self) -> Span {
        let start = self.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.span.end).max().unwrap_or(0);
        Span::new(start, end)
    }
}

/// A piece of debris found by a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub span: Span,
    pub message: Cow<'static, str>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<Cow<'static, str>>) -> Self {
        Diagnostic {
            rule,
            span,
            message: message.into(),
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// A copy reported `by` bytes further on, for a block of a longer text.
    pub(crate) fn shifted(&self, by: usize) -> Diagnostic {
        let mut d = self.clone();
        d.span = d.span.shifted(by);
        for e in d.fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
            e.span = e.span.shifted(by);
        }
        d
    }

    pub fn applicability(&self) -> Option<Applicability> {
        self.fix.as_ref().map(|f| f.applicability)
    }
}
