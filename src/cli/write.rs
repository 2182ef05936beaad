//! Writing a fixed file without ever leaving a half-written one, losing a
//! change someone else made meanwhile, or changing whose file it is.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};
use tempfile::NamedTempFile;

use super::interrupt;
use super::messages::display_path;

/// Temporary files start so, then the writing process's id: a run that
/// was killed leaves them, and the next run in the folder removes them.
const TEMP_PREFIX: &str = ".detritus-tmp.";

/// Write `text` as the copy of `source` under `root`, mirroring the path
/// below the input root it was found under: `fix --output OUT articles`
/// writes `articles/a/b.txt` to `OUT/a/b.txt`, as `cp -r articles/. OUT`
/// would. Nothing is written outside `root`, not even through a symlink
/// inside it, and a copy keeps the source's permissions.
pub fn mirrored(root: &Path, relative: &Path, source: &Path, text: impl AsRef<[u8]>) -> Result<()> {
    use std::path::Component;
    let mut dest = root.to_path_buf();
    for part in relative.components() {
        match part {
            Component::Normal(p) => dest.push(p),
            // Input roots are stripped before this; what is left is inside.
            Component::ParentDir | Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
        }
    }
    let parent = dest.parent().unwrap_or(root);
    fs::create_dir_all(parent).with_context(|| format!("{}: cannot create", display_path(parent)))?;
    let real_root = fs::canonicalize(root).with_context(|| format!("{}: cannot resolve", display_path(root)))?;
    let real_parent = fs::canonicalize(parent).with_context(|| format!("{}: cannot resolve", display_path(parent)))?;
    if !real_parent.starts_with(&real_root) {
        bail!(
            "{}: leads outside the output folder {} through a symlink; not written",
            display_path(&dest),
            display_path(root)
        );
    }
    if fs::symlink_metadata(&dest).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "{}: is a symlink in the output folder; not written",
            display_path(&dest)
        );
    }
    let mode = fs::metadata(source).map(|m| m.permissions()).ok();
    replace_with(&dest, text.as_ref(), mode)
}

/// Write `bytes` to `path` atomically, creating it if it is missing: for
/// files detritus itself owns, such as the decisions file.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    replace_with(path, bytes, None)
}

fn replace_with(path: &Path, bytes: &[u8], mode: Option<fs::Permissions>) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let replacing = interrupt::begin();
    let mut tmp = temporary(dir, path)?;
    tmp.write_all(bytes)
        .with_context(|| format!("{}: cannot write", display_path(path)))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot flush to disk", display_path(path)))?;
    // A temporary file is private (0600); the file it becomes is not: keep
    // the permissions of the one it replaces, or make it readable by all.
    let permissions = mode
        .or_else(|| fs::metadata(path).map(|m| m.permissions()).ok())
        .unwrap_or_else(|| {
            use std::os::unix::fs::PermissionsExt;
            fs::Permissions::from_mode(0o644)
        });
    fs::set_permissions(tmp.path(), permissions)
        .with_context(|| format!("{}: cannot set permissions", display_path(path)))?;
    replacing
        .go_on()
        .with_context(|| format!("{}: not written", display_path(path)))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot write", display_path(path)))?;
    Ok(())
}

/// Replace `path`'s contents with what `fill` writes, atomically, for
/// output too large to hold in memory. Same guarantees as [`atomic`].
/// `fill` says whether it changed anything; when not, the temporary copy
/// is dropped and the file keeps its inode and mtime.
pub fn atomic_stream(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<bool>) -> Result<()> {
    let target = fs::canonicalize(path).with_context(|| format!("{}: cannot resolve", display_path(path)))?;
    let before = Original::of(path, &target)?;
    let replacing = interrupt::begin();
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = temporary(dir, path)?;
    let mut writer = std::io::BufWriter::new(interrupt::Stoppable(tmp));
    if !fill(&mut writer)? {
        return Ok(());
    }
    let tmp = writer
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("{}: cannot write", display_path(path)))?
        .0;
    commit(tmp, path, &target, &before, &replacing)
}

/// Replace `path`'s contents with `text` atomically: write a temporary file
/// in the same directory, fsync it, give it the original's permissions,
/// owner and group, and rename it over the original, unless the original
/// changed (was replaced, moved or deleted) since it was read. A failure at
/// any step leaves the original as it was. A symlink is followed and its
/// target rewritten, so the link itself survives. A file with more than one
/// hard link, or one that is read-only, is left alone: a rename would
/// separate its links, and read-only says not to.
pub fn atomic(path: &Path, text: impl AsRef<[u8]>, expected_original: &[u8]) -> Result<()> {
    let target = fs::canonicalize(path).with_context(|| format!("{}: cannot resolve", display_path(path)))?;
    let before = Original::of(path, &target)?;
    let current =
        fs::read(&target).with_context(|| format!("{}: cannot re-read before writing", display_path(path)))?;
    if current != expected_original {
        bail!(
            "{}: changed while it was being fixed; left as it is",
            display_path(path)
        );
    }
    let replacing = interrupt::begin();
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = temporary(dir, path)?;
    tmp.write_all(text.as_ref())
        .with_context(|| format!("{}: cannot write the fixed text", display_path(path)))?;
    commit(tmp, path, &target, &before, &replacing)
}

/// What the original was when it was read: which file, how big, how old,
/// whose, with what permissions.
struct Original {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    uid: u32,
    gid: u32,
    permissions: fs::Permissions,
}

impl Original {
    fn of(path: &Path, target: &Path) -> Result<Original> {
        let meta = fs::metadata(target).with_context(|| format!("{}: cannot stat", display_path(path)))?;
        if meta.permissions().readonly() {
            bail!("{}: is read-only; left as it is", display_path(path));
        }
        if meta.nlink() > 1 {
            bail!(
                "{}: has {} hard links, and replacing it would separate them; left as it is",
                display_path(path),
                meta.nlink()
            );
        }
        Ok(Original {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            uid: meta.uid(),
            gid: meta.gid(),
            permissions: meta.permissions(),
        })
    }

    fn same_file(&self, meta: &fs::Metadata) -> bool {
        (meta.dev(), meta.ino(), meta.len(), (meta.mtime(), meta.mtime_nsec()))
            == (self.dev, self.ino, self.len, self.mtime)
    }
}

/// Flush the temporary file, give it the original's permissions and owner,
/// and rename it over the original if the original is still the file that
/// was read.
fn commit(
    tmp: NamedTempFile,
    path: &Path,
    target: &Path,
    before: &Original,
    replacing: &interrupt::Replacing,
) -> Result<()> {
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot flush the fixed text to disk", display_path(path)))?;
    fs::set_permissions(tmp.path(), before.permissions.clone())
        .with_context(|| format!("{}: cannot copy permissions", display_path(path)))?;
    let mine = tmp.as_file().metadata().map(|m| (m.uid(), m.gid())).ok();
    if mine != Some((before.uid, before.gid)) {
        std::os::unix::fs::fchown(tmp.as_file(), Some(before.uid), Some(before.gid)).with_context(|| {
            format!(
                "{}: belongs to user {} and group {}, which a rewrite cannot keep; left as it is",
                display_path(path),
                before.uid,
                before.gid
            )
        })?;
    }
    test_hook();
    // The last look before the rename: a file moved over the original or
    // deleted meanwhile must not be overwritten or brought back.
    match fs::metadata(target) {
        Ok(now) if before.same_file(&now) => {}
        Ok(_) => bail!(
            "{}: changed while it was being fixed; left as it is",
            display_path(path)
        ),
        Err(_) => bail!(
            "{}: disappeared while it was being fixed; not written",
            display_path(path)
        ),
    }
    replacing
        .go_on()
        .with_context(|| format!("{}: left as it is", display_path(path)))?;
    tmp.persist(target)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace the file", display_path(path)))?;
    Ok(())
}

/// A temporary file beside `path`, named so a later run can tell it was
/// left by an interrupted one. Temporary files a killed run left in `dir`
/// are removed first, once per folder and run.
fn temporary(dir: &Path, path: &Path) -> Result<NamedTempFile> {
    sweep(dir);
    tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}.", std::process::id()))
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file beside it", display_path(path)))
}

/// Remove the temporary files of runs that are no longer running, and say so.
fn sweep(dir: &Path) {
    static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let mut swept = SWEPT.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !swept.get_or_insert_with(HashSet::new).insert(dir.to_path_buf()) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TEMP_PREFIX))
            .and_then(|rest| rest.split('.').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        // A run still going (its /proc entry is there) owns its files.
        if pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists() {
            continue;
        }
        if fs::remove_file(entry.path()).is_ok() {
            eprintln!(
                "detritus: removed {}, a temporary file an interrupted run left",
                display_path(&entry.path())
            );
        }
    }
}

/// In test builds, run the command `DETRITUS_TEST_BEFORE_RENAME` names
/// between the last flush and the last look at the original, so tests can
/// change the original in that window deterministically, without sleeps.
fn test_hook() {
    #[cfg(debug_assertions)]
    if let Some(cmd) = std::env::var_os("DETRITUS_TEST_BEFORE_RENAME") {
        let _ = std::process::Command::new("sh").arg("-c").arg(cmd).status();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_fails_midway_leaves_the_original_intact_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "original text\n").unwrap();
        let result = atomic_stream(&file, |out| {
            out.write_all(b"half of the new")?;
            Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left on device").into())
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&file).unwrap(), "original text\n");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the temporary file is removed"
        );
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "changed by someone else\n").unwrap();
        let err = atomic(&file, "fixed\n", b"what we read\n").unwrap_err();
        assert!(err.to_string().contains("changed while it was being fixed"), "{err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), "changed by someone else\n");
    }

    #[test]
    fn a_vanished_file_is_an_error_not_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("gone.txt");
        assert!(atomic(&file, "fixed\n", b"x").is_err());
        assert!(!file.exists());
    }

    #[test]
    fn a_read_only_or_hard_linked_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ro.txt");
        fs::write(&file, "x ,\n").unwrap();
        let mut p = fs::metadata(&file).unwrap().permissions();
        p.set_readonly(true);
        fs::set_permissions(&file, p).unwrap();
        let err = atomic(&file, "x,\n", b"x ,\n").unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        let linked = dir.path().join("a.txt");
        fs::write(&linked, "x ,\n").unwrap();
        fs::hard_link(&linked, dir.path().join("b.txt")).unwrap();
        let err = atomic(&linked, "x,\n", b"x ,\n").unwrap_err();
        assert!(err.to_string().contains("hard links"), "{err}");
        assert_eq!(fs::read_to_string(&linked).unwrap(), "x ,\n");
    }

    #[test]
    fn a_temporary_file_of_a_run_that_is_gone_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        // No process has id 4000000000 (Linux caps ids far lower).
        let stale = dir.path().join(format!("{TEMP_PREFIX}4000000000.abc123"));
        fs::write(&stale, "half").unwrap();
        let mine = dir.path().join(format!("{TEMP_PREFIX}{}.keep", std::process::id()));
        fs::write(&mine, "mine").unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "a ,\n").unwrap();
        atomic(&file, "a,\n", b"a ,\n").unwrap();
        assert!(!stale.exists());
        assert!(mine.exists(), "a running process's file stays");
    }
}
