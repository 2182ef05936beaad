//! The rule trait and the metadata every rule carries as data.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::document::Document;

/// The kind of debris a rule looks for. The letter prefixes rule codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Whitespace,
    Punctuation,
    Quotes,
    Fragments,
    Markup,
    Unicode,
    Duplication,
    Boilerplate,
}

impl Family {
    pub const ALL: [Family; 8] = [
        Family::Whitespace,
        Family::Punctuation,
        Family::Quotes,
        Family::Fragments,
        Family::Markup,
        Family::Unicode,
        Family::Duplication,
        Family::Boilerplate,
    ];

    pub const fn letter(self) -> char {
        match self {
            Family::Whitespace => 'W',
            Family::Punctuation => 'P',
            Family::Quotes => 'Q',
            Family::Fragments => 'F',
            Family::Markup => 'M',
            Family::Unicode => 'U',
            Family::Duplication => 'D',
            Family::Boilerplate => 'B',
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Family::Whitespace => "whitespace",
            Family::Punctuation => "punctuation",
            Family::Quotes => "quotes",
            Family::Fragments => "fragments",
            Family::Markup => "markup",
            Family::Unicode => "unicode",
            Family::Duplication => "duplication",
            Family::Boilerplate => "boilerplate",
        }
    }
}

/// The most a rule's fixes can be trusted; individual fixes may be less safe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAvailability {
    /// The rule only reports.
    None,
    DisplayOnly,
    Unsafe,
    /// Some fixes are safe, others unsafe, depending on the evidence.
    Sometimes,
    Safe,
}

impl FixAvailability {
    pub const fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "none",
            FixAvailability::DisplayOnly => "display-only",
            FixAvailability::Unsafe => "unsafe",
            FixAvailability::Sometimes => "safe/unsafe",
            FixAvailability::Safe => "safe",
        }
    }
}

/// How much text a rule reads to decide what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// What it reports in a paragraph depends only on that paragraph and
    /// the blank lines before it, so the fixer re-checks only the paragraphs
    /// a pass changed. The registry tests hold every such rule to it.
    Paragraph,
    /// It compares paragraphs, reads past a blank line or weighs the whole
    /// document (its quote style, how it indents), so it reads the whole
    /// text on every check.
    Document,
}

impl Scope {
    pub const fn as_str(self) -> &'static str {
        match self {
            Scope::Paragraph => "paragraph",
            Scope::Document => "document",
        }
    }
}

/// Text a rule must flag, and what applying every fix of that rule yields.
#[derive(Clone, Copy, Debug)]
pub struct Fixture {
    pub input: &'static str,
    /// The text after this rule's fixes (unsafe included) reach a fixpoint.
    /// Equal to `input` for rules that only report.
    pub output: &'static str,
}

/// Everything about a rule except its check, as plain data.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code such as `P001`; never reused.
    pub code: &'static str,
    /// Kebab-case name of the debris, not of the fix.
    pub name: &'static str,
    pub family: Family,
    pub summary: &'static str,
    /// Markdown: what it flags, why it is debris, an example, fix safety.
    pub docs: &'static str,
    pub fix: FixAvailability,
    /// Safe fixes may drop letters that are artefacts, not words (`&amp;`,
    /// mojibake). Every other rule's safe fixes must keep every letter and digit.
    pub rewrites_letters: bool,
    pub scope: Scope,
    pub flags: &'static [Fixture],
    pub keeps: &'static [&'static str],
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for RuleMeta {}

/// A stateless check over a shared document view.
///
/// Rules report; they never change text. The fixer is the only code that does.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);
}
