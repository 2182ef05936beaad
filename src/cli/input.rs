//! Turning command-line paths into texts: stdin, files, and walked trees.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};

/// Where a text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Stdin => f.write_str("-"),
            Source::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// What reading a source gave.
pub enum Loaded {
    Text(String),
    /// Not text: skipped with a note, not an error.
    Binary,
}

/// Expand `paths` into sources in a stable order. Directories are walked
/// recursively, honouring .gitignore and skipping hidden files; a path that
/// does not exist is an error for that path alone.
pub fn sources(paths: &[PathBuf], exclude: &Exclude) -> Vec<Result<Source>> {
    if paths.is_empty() {
        return vec![Ok(Source::Stdin)];
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
        } else if path.is_dir() {
            walk(path, exclude, &mut out);
        } else if path.exists() || path.is_symlink() {
            out.push(Ok(Source::File(path.clone())));
        } else {
            out.push(Err(anyhow!("{}: no such file or directory", path.display())));
        }
    }
    out
}

/// Globs of walked paths to skip, relative to the config's directory.
pub struct Exclude {
    pub globs: globset::GlobSet,
    pub root: PathBuf,
}

impl Exclude {
    pub fn matches(&self, path: &Path) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        self.globs.is_match(relative) || self.globs.is_match(path)
    }
}

fn walk(root: &Path, exclude: &Exclude, out: &mut Vec<Result<Source>>) {
    let walker = ignore::WalkBuilder::new(root)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && !exclude.matches(e.path()) => {
                out.push(Ok(Source::File(e.into_path())))
            }
            Ok(_) => {}
            Err(e) => out.push(Err(anyhow!("{e}"))),
        }
    }
}

/// Read a source as UTF-8 text. Invalid UTF-8 is an error that names the
/// byte offset; a file with NUL bytes near its start is binary.
pub fn read(source: &Source) -> Result<Loaded> {
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .context("-: cannot read standard input")?;
            buf
        }
        Source::File(path) => {
            if path.is_dir() {
                return Err(anyhow!("{}: is a directory", path.display()));
            }
            std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?
        }
    };
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Ok(Loaded::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Loaded::Text(text)),
        Err(e) => Err(anyhow!(
            "{source}: invalid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )),
    }
}
