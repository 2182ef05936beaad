//! What a rule reports: a diagnostic, and the fix it proposes.

use std::borrow::Cow;

use serde::Serialize;

use crate::meta::RuleMeta;
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
    /// The name used in output and on the command line (`safe`, `unsafe`, `display-only`).
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
    /// How far the fix can be trusted.
    pub applicability: Applicability,
    /// What the fix does, in a few words (`drop the redundant mark`).
    pub message: Cow<'static, str>,
    /// Non-overlapping edits, applied together or not at all.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix of one or more edits: `first` and then `rest`. A fix always
    /// has an edit, so the fixer never meets an empty one.
    pub fn new(
        applicability: Applicability,
        message: impl Into<Cow<'static, str>>,
        first: Edit,
        rest: impl IntoIterator<Item = Edit>,
    ) -> Fix {
        let mut edits = vec![first];
        edits.extend(rest);
        Fix {
            applicability,
            message: message.into(),
            edits,
        }
    }

    /// A one-edit fix that cannot change meaning, applied by default.
    pub fn safe_edit(message: impl Into<Cow<'static, str>>, edit: Edit) -> Fix {
        Fix::new(Applicability::Safe, message, edit, [])
    }

    /// A safe fix of several edits applied together.
    pub fn safe_edits(message: impl Into<Cow<'static, str>>, first: Edit, rest: impl IntoIterator<Item = Edit>) -> Fix {
        Fix::new(Applicability::Safe, message, first, rest)
    }

    /// A one-edit fix applied only with `--unsafe-fixes` or after review.
    pub fn unsafe_edit(message: impl Into<Cow<'static, str>>, edit: Edit) -> Fix {
        Fix::new(Applicability::Unsafe, message, edit, [])
    }

    /// An unsafe fix of several edits applied together.
    pub fn unsafe_edits(
        message: impl Into<Cow<'static, str>>,
        first: Edit,
        rest: impl IntoIterator<Item = Edit>,
    ) -> Fix {
        Fix::new(Applicability::Unsafe, message, first, rest)
    }

    /// A one-edit fix shown for review and never applied automatically.
    pub fn display_only_edit(message: impl Into<Cow<'static, str>>, edit: Edit) -> Fix {
        Fix::new(Applicability::DisplayOnly, message, edit, [])
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
    /// The rule that found it.
    pub rule: &'static RuleMeta,
    /// Where the debris is, in bytes of the checked text.
    pub span: Span,
    /// What is wrong, in one line.
    pub message: Cow<'static, str>,
    /// The proposed repair, if the rule has one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of `rule` at `span`, without a fix.
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<Cow<'static, str>>) -> Self {
        Diagnostic {
            rule,
            span,
            message: message.into(),
            fix: None,
        }
    }

    /// Attach a proposed fix.
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

    /// The fix's safety, or `None` when there is no fix.
    pub fn applicability(&self) -> Option<Applicability> {
        self.fix.as_ref().map(|f| f.applicability)
    }
}
