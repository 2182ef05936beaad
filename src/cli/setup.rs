//! What a run needs from flags and config files, built once: the settings,
//! per-file ignores, nested configs and the linters they call for.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{anyhow, Result};
use detritus::{FixMode, Language, Linter, Settings, Syntax};

use crate::cli::args::{ColorChoice, InputArgs};

use crate::cli::input::Source;
use crate::cli::messages::display_path;
use crate::cli::{config, input};

/// `--show-settings`: what the run would use, and where each part came from.
pub(crate) fn show_settings(input: &InputArgs) -> Result<ExitCode> {
    let setup = Setup::new(input)?;
    let s = &setup.base;
    let list = |v: &[String]| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.join(", ")
        }
    };
    let mut out = io::stdout().lock();
    match &setup.config {
        Some(p) => writeln!(out, "config: {}", display_path(p))?,
        None => writeln!(out, "config: (none; defaults)")?,
    }
    writeln!(
        out,
        "select: {}",
        if s.select.is_empty() {
            "ALL".to_string()
        } else {
            s.select.join(", ")
        }
    )?;
    writeln!(out, "ignore: {}", list(&s.ignore))?;
    writeln!(out, "language: {}", s.language)?;
    writeln!(out, "unsafe-fixes: {}", setup.unsafe_fixes)?;
    writeln!(out, "extend-safe-fixes: {}", list(&s.extend_safe_fixes))?;
    writeln!(out, "extend-unsafe-fixes: {}", list(&s.extend_unsafe_fixes))?;
    writeln!(out, "protect: {}", list(&s.protect))?;
    match setup.syntax {
        Some(syntax) => writeln!(out, "syntax: {syntax}")?,
        None => writeln!(out, "syntax: auto (by file extension)")?,
    }
    writeln!(out, "records (--jsonl): {}", s.records)?;
    writeln!(out, "restore-paragraphs: {}", s.restore_paragraphs)?;
    writeln!(out, "per-file-ignores: {}", setup.per_file.len())?;
    writeln!(out, "rules in force: {}", setup.linter_here(None).rules().len())?;
    Ok(ExitCode::SUCCESS)
}

/// Two paths naming one file.
pub(crate) fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b
        || std::fs::canonicalize(a)
            .ok()
            .is_some_and(|a| std::fs::canonicalize(b).ok() == Some(a))
}

/// Which per-file ignores a text matches, and how it is marked up.
pub(crate) type LinterKey = (Vec<usize>, Syntax);

/// Everything a run needs from flags and config, built once.
pub(crate) struct Setup {
    pub(crate) base: Settings,
    /// Per-file ignores: a glob and the rules it turns off.
    pub(crate) per_file: Vec<(globset::GlobMatcher, Vec<String>)>,
    /// Linters by the per-file-ignore patterns matched and the text's syntax.
    pub(crate) derived: std::sync::Mutex<std::collections::HashMap<LinterKey, std::sync::Arc<Linter>>>,
    pub(crate) filter: input::Filter,
    /// The config file in force, if any.
    pub(crate) config: Option<std::path::PathBuf>,
    pub(crate) unsafe_fixes: bool,
    /// `--syntax`: every text's syntax, or `None` to tell it by extension.
    pub(crate) syntax: Option<Syntax>,
    /// The options: a nested config's setup is built from them, and
    /// `--stdin-filename` names standard input for per-file ignores.
    pub(crate) input: InputArgs,
    /// A file's settings come from the `detritus.toml` nearest to it, as
    /// in ruff: these are the other configs met, by path, and the config
    /// found for each folder. `--config` turns this off.
    pub(crate) nested: std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, std::sync::Arc<Setup>>>,
    pub(crate) folders: std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, Option<std::path::PathBuf>>>,
}

impl Setup {
    pub(crate) fn new(input: &InputArgs) -> Result<Setup> {
        Setup::from_loaded(input, config::load(input.config.as_deref())?)
    }

    pub(crate) fn from_loaded(input: &InputArgs, loaded: config::Loaded) -> Result<Setup> {
        if input.verbose {
            match &loaded.path {
                Some(p) => eprintln!("detritus: settings from {}", display_path(p)),
                None => eprintln!("detritus: no detritus.toml found; default settings"),
            }
        }
        let c = loaded.config;
        let named = |key: &str, e: detritus::Error| {
            anyhow!(
                "{}{key}: {e}",
                loaded
                    .path
                    .as_ref()
                    .map_or(String::new(), |p| format!("{}: ", display_path(p)))
            )
        };
        let pick = |flag: &[String], file: Option<Vec<String>>| {
            if flag.is_empty() {
                file.unwrap_or_default()
            } else {
                flag.to_vec()
            }
        };
        let language: Language = match &input.language {
            Some(tag) => tag.parse()?,
            None => c
                .language
                .as_deref()
                .map_or(Ok(Language::default()), str::parse)
                .map_err(|e| named("language", e))?,
        };
        let syntax = match input.syntax.as_deref() {
            None | Some("auto") => None,
            Some(name) => Some(name.parse::<Syntax>()?),
        };
        let base = Settings {
            select: pick(&input.select, c.select),
            ignore: pick(&input.ignore, c.ignore),
            language,
            protect: c.protect,
            extend_safe_fixes: c.extend_safe_fixes,
            extend_unsafe_fixes: c.extend_unsafe_fixes,
            syntax: syntax.unwrap_or_default(),
            records: input.jsonl,
            restore_paragraphs: input.restore_paragraphs || c.restore_paragraphs.unwrap_or(false),
        };
        // Name the config key behind a bad selector or pattern.
        for (key, list) in [
            ("extend-safe-fixes", &base.extend_safe_fixes),
            ("extend-unsafe-fixes", &base.extend_unsafe_fixes),
        ] {
            detritus::registry::select(list, &[]).map_err(|e| named(key, e))?;
        }
        let linter = Linter::new(&base).map_err(|e| match e {
            detritus::Error::BadPattern { .. } => named("protect", e),
            e => anyhow!(e),
        })?;
        let mut per_file = Vec::new();
        for (glob, rules) in c.per_file_ignores {
            detritus::registry::select(&rules, &[]).map_err(|e| named("per-file-ignores", e))?;
            let matcher = globset::Glob::new(&glob)
                .map_err(|e| anyhow!("per-file-ignores: bad glob `{glob}`: {e}"))?
                .compile_matcher();
            per_file.push((matcher, rules));
        }
        Ok(Setup {
            base,
            per_file,
            derived: std::sync::Mutex::new(
                [((Vec::new(), syntax.unwrap_or_default()), std::sync::Arc::new(linter))].into(),
            ),
            filter: input::Filter {
                exclude: config::globs("exclude", &c.exclude)?,
                include: if input.include.is_empty() {
                    let defaults = if input.jsonl { input::RECORDS } else { input::PROSE };
                    let base: Vec<String> = c
                        .include
                        .unwrap_or_else(|| defaults.iter().map(|g| g.to_string()).collect());
                    config::globs("include", &[base, c.extend_include].concat())?
                } else {
                    config::globs("--include", &input.include)?
                },
                root: loaded.root,
                verbose: input.verbose,
                output: None,
                encoding: input.encoding,
            },
            config: loaded.path.clone(),
            unsafe_fixes: c.unsafe_fixes.unwrap_or(false),
            syntax,
            input: input.clone(),
            nested: Default::default(),
            folders: Default::default(),
        })
    }

    /// The setup of the `detritus.toml` nearest to `source`, when that is
    /// not this one's.
    pub(crate) fn nested_for(&self, source: Option<&Source>) -> Result<Option<std::sync::Arc<Setup>>> {
        let Some(Source::File(path)) = source else {
            return Ok(None);
        };
        if self.input.config.is_some() {
            return Ok(None);
        }
        let Some(dir) = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
        else {
            return Ok(None);
        };
        let found = {
            let mut folders = self.folders.lock().expect("no thread panics holding this lock");
            folders
                .entry(dir.clone())
                .or_insert_with(|| config::nearest(&dir))
                .clone()
        };
        let Some(found) = found.filter(|f| self.config.as_ref().is_none_or(|c| !same_file(c, f))) else {
            return Ok(None);
        };
        let mut nested = self.nested.lock().expect("no thread panics holding this lock");
        if let Some(s) = nested.get(&found) {
            return Ok(Some(s.clone()));
        }
        let loaded = config::read(&found, dir)?;
        let mut setup = Setup::from_loaded(&self.input, loaded)?;
        // Final: a nested setup does not look for configs of its own.
        setup.input.config = Some(found.clone());
        let setup = std::sync::Arc::new(setup);
        nested.insert(found, setup.clone());
        Ok(Some(setup))
    }

    /// The linter and fix mode for `source`: `flag` when the command line
    /// chose one, else what its nearest config's `unsafe-fixes` says.
    pub(crate) fn fixing(
        &self,
        source: Option<&Source>,
        flag: Option<FixMode>,
    ) -> Result<(std::sync::Arc<Linter>, FixMode)> {
        let unsafe_fixes = match self.nested_for(source)? {
            Some(nested) => nested.unsafe_fixes,
            None => self.unsafe_fixes,
        };
        let mode = flag.unwrap_or(if unsafe_fixes { FixMode::Unsafe } else { FixMode::Safe });
        Ok((self.linter_for(source)?, mode))
    }

    /// The linter for `source`: its nearest config's, with the per-file
    /// ignores that match it applied.
    pub(crate) fn linter_for(&self, source: Option<&Source>) -> Result<std::sync::Arc<Linter>> {
        Ok(match self.nested_for(source)? {
            Some(nested) => nested.linter_here(source),
            None => self.linter_here(source),
        })
    }

    /// The linter for `source` under this setup's own config.
    pub(crate) fn linter_here(&self, source: Option<&Source>) -> std::sync::Arc<Linter> {
        let path = match source {
            Some(Source::File(path)) => Some(path),
            Some(Source::Stdin) => self.input.stdin_filename.as_ref(),
            None => None,
        };
        let syntax = self
            .syntax
            .unwrap_or_else(|| path.map_or(Syntax::Plain, |p| Syntax::of_path(p)));
        let matched: Vec<usize> = match path {
            Some(path) if !self.per_file.is_empty() => {
                let rel = std::path::absolute(path).ok();
                let rel = rel
                    .as_deref()
                    .and_then(|p| p.strip_prefix(&self.filter.root).ok())
                    .unwrap_or(path);
                self.per_file
                    .iter()
                    .enumerate()
                    .filter(|(_, (m, _))| m.is_match(rel) || m.is_match(path))
                    .map(|(i, _)| i)
                    .collect()
            }
            _ => Vec::new(),
        };
        let mut derived = self.derived.lock().expect("no thread panics holding this lock");
        derived
            .entry((matched.clone(), syntax))
            .or_insert_with(|| {
                let mut settings = self.base.clone();
                settings.syntax = syntax;
                settings
                    .ignore
                    .extend(matched.iter().flat_map(|&i| self.per_file[i].1.iter().cloned()));
                std::sync::Arc::new(Linter::new(&settings).expect("selectors were checked when the setup was built"))
            })
            .clone()
    }
}

pub(crate) fn color(choice: ColorChoice, stream_is_tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stream_is_tty && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Where `file` goes below `fix --output`'s folder: its path below the
/// input root it was found under (a directory named on the command line),
/// or its name when it was named itself, as `cp -r` maps a tree.
pub(crate) fn below_input_root(roots: &[std::path::PathBuf], file: &std::path::Path) -> std::path::PathBuf {
    roots
        .iter()
        .filter(|r| r.is_dir())
        .filter_map(|r| file.strip_prefix(r).ok())
        .min_by_key(|rest| rest.components().count())
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| file.file_name().map(std::path::PathBuf::from).unwrap_or_default())
}
