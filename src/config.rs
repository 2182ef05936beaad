//! `detritus.toml`, the configuration file: its keys and how they become
//! [`Settings`]. Finding and trusting the file is the caller's business (the
//! CLI walks up from the working directory; the Python package takes a path).

use serde::Deserialize;

use crate::error::Error;
use crate::settings::{Language, Settings};

/// The file's name, which the CLI looks for in each folder up from its own.
pub const FILE_NAME: &str = "detritus.toml";

/// The file's keys. Unknown keys are an error that names them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rule selectors to enable; absent means every rule.
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// Rule selectors to disable.
    #[serde(default)]
    pub ignore: Option<Vec<String>>,
    /// Rules whose unsafe fixes count as safe.
    #[serde(default)]
    pub extend_safe_fixes: Vec<String>,
    /// Rules whose safe fixes count as unsafe.
    #[serde(default)]
    pub extend_unsafe_fixes: Vec<String>,
    /// Apply unsafe fixes too when fixing.
    #[serde(default)]
    pub unsafe_fixes: Option<bool>,
    /// A BCP 47 tag, `auto` or `other`.
    #[serde(default)]
    pub language: Option<String>,
    /// Mend glued paragraphs with a paragraph break, not a space.
    #[serde(default)]
    pub restore_paragraphs: Option<bool>,
    /// Regexes whose matches no rule may touch.
    #[serde(default)]
    pub protect: Vec<String>,
    /// Globs of paths to skip when walking directories.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Globs of the file names a walk reads, instead of the prose defaults.
    #[serde(default)]
    pub include: Option<Vec<String>>,
    /// Globs of file names a walk reads besides `include`.
    #[serde(default)]
    pub extend_include: Vec<String>,
    /// Glob → rules to ignore in matching files.
    #[serde(default)]
    pub per_file_ignores: std::collections::BTreeMap<String, Vec<String>>,
}

impl Config {
    /// Parse a `detritus.toml`. The error names the line, column and key.
    pub fn parse(text: &str) -> Result<Config, toml::de::Error> {
        toml::from_str(text)
    }

    /// The engine settings this file asks for; the keys that steer a
    /// directory walk (`exclude`, `include`, …) and `unsafe-fixes` are the
    /// caller's to read.
    pub fn settings(&self) -> Result<Settings, Error> {
        Ok(Settings {
            select: self.select.clone().unwrap_or_default(),
            ignore: self.ignore.clone().unwrap_or_default(),
            language: match &self.language {
                Some(tag) => tag.parse()?,
                None => Language::default(),
            },
            protect: self.protect.clone(),
            extend_safe_fixes: self.extend_safe_fixes.clone(),
            extend_unsafe_fixes: self.extend_unsafe_fixes.clone(),
            restore_paragraphs: self.restore_paragraphs.unwrap_or(false),
            ..Settings::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_is_an_error_that_names_it() {
        let e = Config::parse("selekt = [\"W\"]").unwrap_err();
        assert!(e.message().contains("unknown field `selekt`"), "{}", e.message());
    }

    #[test]
    fn a_bad_value_is_an_error_that_names_the_key() {
        let e = Config::parse("unsafe-fixes = \"yes\"").unwrap_err();
        assert!(e.to_string().contains("unsafe-fixes"), "{e}");
    }

    #[test]
    fn reads_every_documented_key() {
        let c: Config = toml::from_str(
            r#"
            select = ["W", "punctuation"]
            ignore = ["W003"]
            extend-safe-fixes = ["F001"]
            extend-unsafe-fixes = ["W001"]
            unsafe-fixes = true
            language = "fr"
            protect = ["\\bACME-\\d+\\b"]
            exclude = ["drafts/**"]
            include = ["*.txt"]
            extend-include = ["*.html.txt"]
            [per-file-ignores]
            "legacy/*.txt" = ["Q"]
            "#,
        )
        .unwrap();
        assert_eq!(c.select.unwrap(), ["W", "punctuation"]);
        assert_eq!(c.per_file_ignores["legacy/*.txt"], ["Q"]);
        assert_eq!(c.unsafe_fixes, Some(true));
    }

    #[test]
    fn settings_take_the_engine_keys_and_parse_the_language() {
        let c = Config::parse("select = [\"W\"]\nlanguage = \"fr\"\nrestore-paragraphs = true").unwrap();
        let s = c.settings().unwrap();
        assert_eq!(s.select, ["W"]);
        assert_eq!(s.language.to_string(), "fr");
        assert!(s.restore_paragraphs);
        let bad = Config::parse("language = \"xx-nonsense\"").unwrap();
        assert!(bad.settings().is_err());
    }
}
