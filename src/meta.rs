//! Everything about a rule except its check, as plain data: its family,
//! fix safety, scope, where it applies and the fixtures it must meet.

use serde::Serialize;

use crate::document::Context;
use crate::lang::{Lang, Script};

/// The kind of debris a rule looks for. The letter prefixes rule codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// Spacing: missing, doubled, odd or misplaced whitespace.
    Whitespace,
    /// Stray, doubled and foreign punctuation marks.
    Punctuation,
    /// Quotation marks, apostrophes and brackets.
    Quotes,
    /// Sentence fragments and sentences run together.
    Fragments,
    /// Leaked HTML, Markdown and entities.
    Markup,
    /// Invisible, control and mis-decoded characters.
    Unicode,
    /// Words, sentences and captions said twice.
    Duplication,
    /// Page furniture: navigation, credits, crawler headers.
    Boilerplate,
}

impl Family {
    /// Every family, in registry order.
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

    /// The letter that opens the family's rule codes (`W` for whitespace).
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

    /// The family's name, as `--select` accepts it.
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
    /// Fixes are shown for review and never applied automatically.
    DisplayOnly,
    /// Every fix needs `--unsafe-fixes` or review.
    Unsafe,
    /// Some fixes are safe, others unsafe, depending on the evidence.
    Sometimes,
    /// Every fix is safe to apply unattended.
    Safe,
}

impl FixAvailability {
    /// The name used in output (`safe`, `sometimes`, `unsafe`).
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
    /// The name used in output (`paragraph`, `document`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Scope::Paragraph => "paragraph",
            Scope::Document => "document",
        }
    }
}

/// Where a rule's conventions hold, as data: the languages whose word
/// lists or typography it assumes and the scripts it reads. The linter
/// drops what a rule reports in a paragraph outside them, so an English
/// word list never reads Swahili and a spacing rule never reads Thai.
#[derive(Clone, Copy, Debug)]
pub struct Applies {
    /// Empty: every language, including the ones detritus cannot identify.
    pub languages: &'static [Lang],
    /// Empty: every script.
    pub scripts: &'static [Script],
    /// What else the rule assumes or leaves alone, for `explain`.
    pub note: &'static str,
    /// The rule reads prose only: what it reports on a line of code (a
    /// command, a statement; see [`crate::Document::in_code_line`]) is
    /// dropped, since spacing and marks there are the code's.
    pub prose_only: bool,
}

impl Applies {
    /// Debris that is debris in every language and script.
    pub const EVERYWHERE: Applies = Applies {
        languages: &[],
        scripts: &[],
        note: "",
        prose_only: false,
    };

    /// A rule built on these languages' word lists or conventions.
    pub const fn languages(languages: &'static [Lang]) -> Applies {
        Applies {
            languages,
            scripts: &[],
            note: "",
            prose_only: false,
        }
    }

    /// A rule about typography these scripts share.
    pub const fn scripts(scripts: &'static [Script]) -> Applies {
        Applies {
            languages: &[],
            scripts,
            note: "",
            prose_only: false,
        }
    }

    /// Add a note on the conventions the rule assumes.
    pub const fn note(self, note: &'static str) -> Applies {
        Applies { note, ..self }
    }

    /// Read prose lines only, not lines of code.
    pub const fn prose(self) -> Applies {
        Applies {
            prose_only: true,
            ..self
        }
    }

    /// True when the rule holds in every language and script.
    pub fn is_everywhere(&self) -> bool {
        self.languages.is_empty() && self.scripts.is_empty()
    }

    /// True when a paragraph in `context` is one the rule reads. A paragraph
    /// without letters has no script to rule it out.
    pub fn admits(&self, context: Context) -> bool {
        (self.languages.is_empty() || context.language.is_some_and(|l| self.languages.contains(&l)))
            && (self.scripts.is_empty() || context.script.is_none_or(|s| self.scripts.contains(&s)))
    }

    /// In words: `English paragraphs`, `Latin, Cyrillic script`, `every language and script`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.languages.len() == Lang::ALL.len() {
            parts.push("paragraphs in a language detritus identifies".to_string());
        } else if !self.languages.is_empty() {
            let names: Vec<_> = self.languages.iter().map(|l| l.name()).collect();
            parts.push(format!("{} paragraphs", names.join(", ")));
        }
        if !self.scripts.is_empty() {
            let names: Vec<_> = self.scripts.iter().map(|s| s.full_name()).collect();
            parts.push(format!("{} script", names.join(", ")));
        }
        if parts.is_empty() {
            parts.push("every language and script".to_string());
        }
        if self.prose_only {
            parts.push("prose lines, not commands or code".to_string());
        }
        parts.join("; ")
    }
}

/// Text a rule must flag, and what applying every fix of that rule yields.
#[derive(Clone, Copy, Debug)]
pub struct Fixture {
    /// Text with the debris.
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
    /// The family it belongs to; its code starts with the family's letter.
    pub family: Family,
    /// One line on what it flags.
    pub summary: &'static str,
    /// Markdown: what it flags, why it is debris, an example, fix safety.
    pub docs: &'static str,
    /// The most its fixes can be trusted.
    pub fix: FixAvailability,
    /// Safe fixes may drop letters that are artefacts, not words (`&amp;`,
    /// mojibake). Every other rule's safe fixes must keep every letter and digit.
    pub rewrites_letters: bool,
    /// How much text it needs to see at once.
    pub scope: Scope,
    /// The languages and scripts whose conventions the rule assumes.
    pub applies: Applies,
    /// Text it must flag, and what its fixes make of it.
    pub flags: &'static [Fixture],
    /// Near misses it must leave alone.
    pub keeps: &'static [&'static str],
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for RuleMeta {}
