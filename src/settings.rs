//! What a linter is built from: which rules, which language, what to protect.

use std::str::FromStr;

use crate::error::Error;

/// The language of the text. Rules that lean on English word lists or on
/// English typography stay quiet for other languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    #[default]
    English,
    French,
    /// Any other language: only language-neutral rules run.
    Other,
}

impl Language {
    pub fn is_english(self) -> bool {
        self == Language::English
    }

    pub fn is_french(self) -> bool {
        self == Language::French
    }
}

impl FromStr for Language {
    type Err = Error;

    /// Accepts a BCP 47 tag such as `en`, `en-GB`, `fr` or `fr-CA`.
    fn from_str(tag: &str) -> Result<Language, Error> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        let valid = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
        if !valid {
            return Err(Error::UnknownLanguage(tag.to_string()));
        }
        Ok(match primary.to_ascii_lowercase().as_str() {
            "en" => Language::English,
            "fr" => Language::French,
            _ => Language::Other,
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
    pub language: Language,
    /// Regexes whose matches no rule may touch.
    pub protect: Vec<String>,
    /// Rules whose unsafe fixes count as safe. A fix that deletes letters
    /// stays unsafe whatever this says: deleting words is never safe.
    pub extend_safe_fixes: Vec<String>,
    /// Rules whose safe fixes count as unsafe, so `fix` leaves them for review.
    pub extend_unsafe_fixes: Vec<String>,
}
