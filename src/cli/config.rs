//! `detritus.toml`: found by walking up from the working directory, or
//! named with `--config`. Command-line flags override its keys.

use std::path::{Path, PathBuf};

use super::messages::display_path;
use anyhow::{Context, Result};
pub use detritus::config::{Config, FILE_NAME};
use globset::{Glob, GlobSet, GlobSetBuilder};

/// The config in force and where it came from.
pub struct Loaded {
    pub config: Config,
    /// The directory globs are relative to.
    pub root: PathBuf,
    pub path: Option<PathBuf>,
}

/// Read `explicit`, or the nearest `detritus.toml` above the working
/// directory. A found one that another user owns is ignored with a warning,
/// as git ignores a repository another user owns: a shared folder's config
/// must not turn on unsafe fixes for whoever runs detritus below it.
pub fn load(explicit: Option<&Path>) -> Result<Loaded> {
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => nearest(&cwd),
    };
    let Some(path) = path else {
        return Ok(Loaded {
            config: Config::default(),
            root: cwd,
            path: None,
        });
    };
    read(&path, cwd)
}

/// The nearest trusted `detritus.toml` in `dir` or a folder above it.
pub fn nearest(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
        .filter(|p| trusted_or_warn(p, "configuration"))
}

/// Read the config at `path`; its globs are relative to its folder
/// (`cwd` when it has none).
pub fn read(path: &Path, cwd: PathBuf) -> Result<Loaded> {
    let path = path.to_path_buf();
    let text = std::fs::read_to_string(&path).with_context(|| format!("{}: cannot read", display_path(&path)))?;
    // The parser's message names the line and column and shows the text.
    let config: Config = Config::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", display_path(&path)))?;
    let root = path.parent().map_or(cwd, Path::to_path_buf);
    Ok(Loaded {
        config,
        root,
        path: Some(path),
    })
}

/// Folders whose files may steer a run whoever owns them, separated by `:`.
pub const TRUSTED_DIRS: &str = "DETRITUS_TRUSTED_DIRS";

/// True when the file at `path` may steer this run: it belongs to the user
/// running detritus, that user is root, or its folder is listed in
/// `DETRITUS_TRUSTED_DIRS`. Otherwise say why it is ignored and how to trust it.
pub fn trusted_or_warn(path: &Path, what: &str) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(owner) = std::fs::metadata(path).map(|m| m.uid()) else {
        return true;
    };
    let me = current_uid();
    let dir = path.parent().and_then(|d| std::fs::canonicalize(d).ok());
    let listed = std::env::var_os(TRUSTED_DIRS).is_some_and(|v| {
        std::env::split_paths(&v).any(|t| std::fs::canonicalize(t).ok().is_some_and(|t| Some(&t) == dir.as_ref()))
    });
    if me.is_none_or(|me| me == 0 || me == owner) || listed {
        return true;
    }
    // Each file looks for its nearest config: say it once per file ignored.
    static WARNED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    let mut warned = WARNED.lock().unwrap_or_else(|e| e.into_inner());
    if warned.iter().any(|w| w == path) {
        return false;
    }
    warned.push(path.to_path_buf());
    eprintln!(
        "detritus: warning: ignoring the {what} {}: it belongs to user {owner}, not to you; \
         name it with --config, or add its folder to {TRUSTED_DIRS}, to use it",
        display_path(path)
    );
    false
}

/// The user this run acts as: the owner of its own `/proc` entry.
fn current_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    // Tests run as root, whom every file is trusted by; they pose as another user.
    #[cfg(debug_assertions)]
    if let Some(uid) = std::env::var("DETRITUS_TEST_UID").ok().and_then(|u| u.parse().ok()) {
        return Some(uid);
    }
    std::fs::metadata("/proc/self").map(|m| m.uid()).ok()
}

/// Compile globs, naming the key of a bad one.
pub fn globs(key: &str, patterns: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).with_context(|| format!("{key}: bad glob `{p}`"))?);
    }
    b.build().with_context(|| format!("{key}: bad globs"))
}
