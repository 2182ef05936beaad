//! Turning command-line paths into texts: stdin, files, and walked trees.

use std::fmt;
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use super::encoding::{decode, Decoded, Wanted};
use super::messages::display_path;
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
            Source::File(p) => write!(f, "{}", display_path(p)),
        }
    }
}

/// What reading a source gave.
pub enum Loaded {
    Text(String),
    /// Text decoded from another encoding (`--encoding`), and the bytes
    /// as read, to check the file did not change before writing it back.
    Decoded(String, Decoded, Vec<u8>),
    /// Not text (it holds a NUL byte): a file is skipped with a note.
    Binary(Vec<u8>),
    /// Not UTF-8: an error that names the offset, with the bytes read, so
    /// standard input can pass them through.
    NotUtf8(Vec<u8>, anyhow::Error),
}

/// Expand `paths` into sources in a stable order. Directories are walked
/// recursively, honouring .gitignore (in a git repository or not) and
/// skipping hidden files, `detritus.toml` and files `filter` does not take;
/// a file named on the command line is always read. A path that does not
/// exist is an error for that path alone.
pub fn sources(paths: &[PathBuf], filter: &Filter) -> Vec<Result<Source>> {
    if paths.is_empty() {
        return vec![Ok(Source::Stdin)];
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
        } else if path.is_dir() {
            walk(path, filter, &mut out);
        } else if path.exists() || path.is_symlink() {
            out.push(Ok(Source::File(path.clone())));
        } else {
            out.push(Err(anyhow!("{}: no such file or directory", display_path(path))));
        }
    }
    // `a.txt ./a.txt`, or a folder and a file inside it: each file once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| match s {
        Ok(Source::File(path)) => seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())),
        _ => true,
    });
    out
}

/// The prose files a walk reads by default: articles are text, Markdown or
/// reStructuredText. Data, code and configuration are not prose, and the
/// rules would "repair" them (`col1,col2` is not a missing space).
pub const PROSE: &[&str] = &["*.markdown", "*.md", "*.rst", "*.text", "*.txt"];

/// The record files a `--jsonl` walk reads.
pub const RECORDS: &[&str] = &["*.jsonl", "*.ndjson"];

/// Which files a directory walk reads, with paths relative to the config's directory.
pub struct Filter {
    /// Globs of walked paths to skip.
    pub exclude: globset::GlobSet,
    /// Globs of file names a walk reads; the rest are skipped.
    pub include: globset::GlobSet,
    pub root: PathBuf,
    /// Say on standard error what a walk skipped and why.
    pub verbose: bool,
    /// A folder a walk never enters: `fix --output`'s, when it lies inside
    /// the tree being fixed, so a second run does not fix its own copies.
    pub output: Option<PathBuf>,
    /// How to decode what is read (`--encoding`).
    pub encoding: Wanted,
}

impl Filter {
    pub fn excludes(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        self.exclude.is_match(relative) || self.exclude.is_match(path)
    }

    /// Why a walk skips `path`, if it does.
    fn skips(&self, path: &Path) -> Option<&'static str> {
        let name = path.file_name().unwrap_or_default();
        if name == super::config::FILE_NAME {
            Some("detritus's own configuration")
        } else if self.excludes(path) {
            Some("excluded by the configuration")
        } else if !self.include.is_match(name) {
            Some("not a prose file (see --include)")
        } else {
            None
        }
    }
}

fn walk(root: &Path, filter: &Filter, out: &mut Vec<Result<Source>>) {
    // `.gitignore` is honoured outside a git repository too, as people expect
    // of a tree they copied or unpacked.
    let output = filter.output.clone();
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| {
            output.as_ref().is_none_or(|o| {
                !e.file_type().is_some_and(|t| t.is_dir()) || std::fs::canonicalize(e.path()).ok().as_ref() != Some(o)
            })
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => match filter.skips(e.path()) {
                None => out.push(Ok(Source::File(e.into_path()))),
                Some(why) if filter.verbose => {
                    eprintln!("detritus: {}: skipped, {why}", display_path(e.path()))
                }
                Some(_) => {}
            },
            Ok(_) => {}
            Err(e) => out.push(Err(anyhow!("{e}"))),
        }
    }
}

/// Read a source as UTF-8 text. Invalid UTF-8 is an error that names the
/// byte offset; a text with a NUL byte anywhere is binary (text never holds
/// one, and a NUL far into a file is no more text than one at its start).
pub fn read(source: &Source, encoding: Wanted) -> Result<Loaded> {
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
                return Err(anyhow!("{}: is a directory", display_path(path)));
            }
            std::fs::read(path).with_context(|| format!("{}: cannot read", display_path(path)))?
        }
    };
    // Before the NUL test: UTF-16 is full of zero bytes.
    match decode(&bytes, encoding, source) {
        Ok(Some((text, decoded))) => return Ok(Loaded::Decoded(text, decoded, bytes)),
        Ok(None) => {}
        Err(e) => return Ok(Loaded::NotUtf8(bytes, e)),
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Ok(Loaded::Binary(bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Loaded::Text(text)),
        Err(e) => {
            let error = anyhow!(
                "{source}: invalid UTF-8 at byte {} (for Latin-1, Windows-125x or UTF-16 text, try --encoding auto)",
                e.utf8_error().valid_up_to()
            );
            Ok(Loaded::NotUtf8(e.into_bytes(), error))
        }
    }
}

/// One read text, or why it was not read.
pub(crate) enum Outcome {
    Text {
        path: String,
        text: String,
        /// How it was decoded, when it was not UTF-8 (`--encoding`).
        decoded: Option<(Decoded, Vec<u8>)>,
    },
    Skipped(String),
    Failed(anyhow::Error),
    /// Standard input that cannot be processed: written through unchanged
    /// by `fix`, so no record in a pipeline is lost, and an error.
    Passthrough(anyhow::Error, Vec<u8>),
}

/// Files read and processed per parallel batch: enough to keep every core
/// busy, few enough that memory does not grow with the size of the tree.
pub(crate) const FILE_BATCH: usize = 64;

/// Run `work` on every source in parallel batches, handing results to
/// `emit` in input order so output is deterministic.
pub(crate) fn for_each_source<T: Send>(
    paths: &[std::path::PathBuf],
    filter: &Filter,
    quiet: bool,
    work: impl Fn(Option<Source>, Outcome) -> T + Sync,
    mut emit: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    use rayon::prelude::*;
    let sources = sources(paths, filter);
    // A bar only where someone watches and the wait is long enough to matter.
    let bar = (!quiet && io::stderr().is_terminal() && sources.len() > FILE_BATCH).then(|| {
        let bar = indicatif::ProgressBar::new(sources.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
                .expect("template is valid"),
        );
        bar
    });
    for batch in sources.chunks(FILE_BATCH) {
        let results: Vec<T> = batch
            .par_iter()
            .map(|source| match source {
                Err(e) => work(None, Outcome::Failed(anyhow!("{e:#}"))),
                Ok(source) => {
                    let outcome = match read(source, filter.encoding) {
                        Ok(Loaded::Text(text)) => Outcome::Text {
                            path: source.to_string(),
                            text,
                            decoded: None,
                        },
                        Ok(Loaded::Decoded(text, decoded, raw)) => Outcome::Text {
                            path: source.to_string(),
                            text,
                            decoded: Some((decoded, raw)),
                        },
                        Ok(Loaded::Binary(bytes)) if *source == Source::Stdin => Outcome::Passthrough(
                            anyhow!("-: binary input (a NUL byte); passed through unchanged"),
                            bytes,
                        ),
                        Ok(Loaded::Binary(_)) => Outcome::Skipped(format!("{source}: skipped, binary file")),
                        Ok(Loaded::NotUtf8(bytes, e)) if *source == Source::Stdin => {
                            Outcome::Passthrough(e.context("passed through unchanged"), bytes)
                        }
                        Ok(Loaded::NotUtf8(_, e)) | Err(e) => Outcome::Failed(e),
                    };
                    work(Some(source.clone()), outcome)
                }
            })
            .collect();
        for r in results {
            match &bar {
                Some(bar) => {
                    bar.suspend(|| emit(r))?;
                    bar.inc(1);
                }
                None => emit(r)?,
            }
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(())
}

pub(crate) fn open_lines(source: &Source) -> Result<Box<dyn io::BufRead>> {
    Ok(match source {
        Source::Stdin => Box::new(io::BufReader::new(io::stdin())),
        Source::File(p) => Box::new(io::BufReader::new(
            std::fs::File::open(p).map_err(|e| anyhow!("{}: cannot read: {e}", display_path(p)))?,
        )),
    })
}
