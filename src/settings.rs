//! What a linter is built from: which rules, which language, what to protect.

use std::str::FromStr;

use crate::error::Error;
use crate::lang::Lang;

/// The language setting: which language's conventions apply where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    /// Identify each paragraph's language from its function words; a
    /// paragraph too short to tell takes the whole text's language. Rules
    /// built on one language's word lists or typography read only the
    /// paragraphs identified as that language.
    #[default]
    Auto,
    /// Every paragraph is in this language.
    Is(Lang),
    /// Every paragraph is in a language without conventions of its own
    /// here: only the rules that hold in every language run.
    Other,
    /// As [`Language::Auto`], but a text too short to tell its language is
    /// read as this one: a short record of a data set whose other records
    /// are in it (see [`crate::lang::StreamLanguage`]).
    Mostly(Lang),
}

impl Language {
    /// Every value `from_str` accepts, for help and error messages.
    pub fn supported() -> String {
        crate::lang::supported_tags()
    }
}

impl FromStr for Language {
    type Err = Error;

    /// Accepts `auto`, `other` (or `und`), or a BCP 47 tag whose primary
    /// language detritus knows: `en`, `en-GB`, `fr-CA`, `de`…
    fn from_str(tag: &str) -> Result<Language, Error> {
        match tag.to_ascii_lowercase().as_str() {
            "auto" => Ok(Language::Auto),
            "other" | "und" => Ok(Language::Other),
            _ => Lang::from_tag(tag)
                .map(Language::Is)
                .ok_or_else(|| Error::UnknownLanguage(tag.to_string())),
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Language::Auto => f.write_str("auto"),
            Language::Is(l) => f.write_str(l.code()),
            Language::Other => f.write_str("other"),
            Language::Mostly(l) => write!(f, "auto (short texts: {})", l.code()),
        }
    }
}

/// How a text is marked up, which decides what of it is prose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// Plain text: all of it is read.
    #[default]
    Plain,
    /// Markdown (CommonMark with tables, footnotes and front matter).
    Markdown,
    /// reStructuredText, as docutils and Sphinx read it.
    ReStructuredText,
}

impl Syntax {
    /// The syntax a file's extension names: `.md` and `.markdown` are
    /// Markdown, `.rst` and `.rest` reStructuredText, the rest plain text.
    pub fn of_path(path: &std::path::Path) -> Syntax {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let is = |e: &str| ext.eq_ignore_ascii_case(e);
        if is("md") || is("markdown") {
            Syntax::Markdown
        } else if is("rst") || is("rest") {
            Syntax::ReStructuredText
        } else {
            Syntax::Plain
        }
    }
}

impl FromStr for Syntax {
    type Err = Error;

    /// Accepts `plain`, `markdown` or `md`, `rst` or `restructuredtext`, in
    /// any case.
    fn from_str(name: &str) -> Result<Syntax, Error> {
        match name.to_ascii_lowercase().as_str() {
            "plain" | "text" => Ok(Syntax::Plain),
            "markdown" | "md" => Ok(Syntax::Markdown),
            "rst" | "rest" | "restructuredtext" => Ok(Syntax::ReStructuredText),
            _ => Err(Error::UnknownSyntax(name.to_string())),
        }
    }
}

impl std::fmt::Display for Syntax {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Syntax::Plain => "plain",
            Syntax::Markdown => "markdown",
            Syntax::ReStructuredText => "rst",
        })
    }
}

/// The settings a [`crate::Linter`] is built from.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Rule selectors to enable: codes, code prefixes, families or names. Empty means all.
    pub select: Vec<String>,
    /// Rule selectors to disable, applied after `select`.
    pub ignore: Vec<String>,
    /// Which language to read the text as.
    pub language: Language,
    /// Regexes whose matches no rule may touch.
    pub protect: Vec<String>,
    /// Rules whose unsafe fixes count as safe. A fix that deletes letters
    /// stays unsafe whatever this says, for every rule: deleting words is
    /// never safe. So promoting `unbalanced-quote` makes its quote removals
    /// safe, and promoting `orphan-fragment` changes nothing.
    pub extend_safe_fixes: Vec<String>,
    /// Rules whose safe fixes count as unsafe, so `fix` leaves them for review.
    pub extend_unsafe_fixes: Vec<String>,
    /// How texts are marked up. Markdown's code, HTML, front matter,
    /// tables, link targets and hard-break spaces, and reStructuredText's
    /// literal blocks, directives, comments, tables and inline literals,
    /// are not prose, and no rule touches them.
    pub syntax: Syntax,
    /// Texts are records of a data set (JSON Lines fields, rows), not
    /// files: a byte order mark at the start is debris, not a signature.
    pub records: bool,
    /// Mend two sentences glued with no space (`development.The paper`)
    /// with a paragraph break instead of a space, where a paragraph's worth
    /// of text stands on each side: a scraper joined two paragraphs there.
    pub restore_paragraphs: bool,
}
