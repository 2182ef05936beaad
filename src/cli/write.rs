//! Writing a fixed file without ever leaving a half-written one.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use super::interrupt;

/// Write `text` as the copy of `source` under `dir`, mirroring the path as
/// given: `a/b.txt` becomes `dir/a/b.txt`, `/abs/b.txt` becomes
/// `dir/abs/b.txt`. `..` steps become `__` so nothing escapes `dir`.
pub fn mirrored(dir: &Path, source: &Path, text: &str) -> Result<()> {
    use std::path::Component;
    let mut dest = dir.to_path_buf();
    for part in source.components() {
        match part {
            Component::Normal(p) => dest.push(p),
            Component::ParentDir => dest.push("__"),
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
        }
    }
    let parent = dest.parent().unwrap_or(dir);
    fs::create_dir_all(parent).with_context(|| format!("{}: cannot create", parent.display()))?;
    replace(&dest, text.as_bytes())
}

/// Write `bytes` to `path` atomically, creating it if it is missing: for
/// files detritus itself owns, such as the decisions file.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let replacing = interrupt::begin();
    let mut tmp = tempfile::Builder::new()
        .prefix(".detritus-")
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot flush to disk", path.display()))?;
    // A temporary file is private (0600); the file it becomes is not: keep
    // the permissions of the one it replaces, or make it readable by all.
    let permissions = fs::metadata(path).map(|m| m.permissions()).unwrap_or_else(|_| {
        use std::os::unix::fs::PermissionsExt;
        fs::Permissions::from_mode(0o644)
    });
    fs::set_permissions(tmp.path(), permissions)
        .with_context(|| format!("{}: cannot set permissions", path.display()))?;
    replacing
        .go_on()
        .with_context(|| format!("{}: not written", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

/// Replace `path`'s contents with what `fill` writes, atomically, for
/// output too large to hold in memory. Same guarantees as [`atomic`].
pub fn atomic_stream(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let target = fs::canonicalize(path).with_context(|| format!("{}: cannot resolve", path.display()))?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let meta = fs::metadata(&target).with_context(|| format!("{}: cannot stat", path.display()))?;
    let replacing = interrupt::begin();
    let tmp = tempfile::Builder::new()
        .prefix(".detritus-")
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file beside it", path.display()))?;
    let mut writer = std::io::BufWriter::new(interrupt::Stoppable(tmp));
    fill(&mut writer)?;
    let tmp = writer
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("{}: cannot write", path.display()))?
        .0;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot flush to disk", path.display()))?;
    let now = fs::metadata(&target).with_context(|| format!("{}: cannot stat", path.display()))?;
    if now.len() != meta.len() || now.modified().ok() != meta.modified().ok() {
        anyhow::bail!("{}: changed while it was being fixed; left as it is", path.display());
    }
    fs::set_permissions(tmp.path(), meta.permissions())
        .with_context(|| format!("{}: cannot copy permissions", path.display()))?;
    replacing
        .go_on()
        .with_context(|| format!("{}: left as it is", path.display()))?;
    tmp.persist(&target)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace the file", path.display()))?;
    Ok(())
}

/// Replace `path`'s contents with `text` atomically: write a temporary file
/// in the same directory, fsync it, give it the original's permissions, and
/// rename it over the original. A failure at any step leaves the original
/// as it was. A symlink is followed and its target rewritten, so the link
/// itself survives.
pub fn atomic(path: &Path, text: &str, expected_original: &[u8]) -> Result<()> {
    let target = fs::canonicalize(path).with_context(|| format!("{}: cannot resolve", path.display()))?;
    let current = fs::read(&target).with_context(|| format!("{}: cannot re-read before writing", path.display()))?;
    if current != expected_original {
        anyhow::bail!("{}: changed while it was being fixed; left as it is", path.display());
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let perms = fs::metadata(&target)
        .with_context(|| format!("{}: cannot stat", path.display()))?
        .permissions();
    let replacing = interrupt::begin();
    let mut tmp = tempfile::Builder::new()
        .prefix(".detritus-")
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file beside it", path.display()))?;
    tmp.write_all(text.as_bytes())
        .with_context(|| format!("{}: cannot write the fixed text", path.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot flush the fixed text to disk", path.display()))?;
    fs::set_permissions(tmp.path(), perms).with_context(|| format!("{}: cannot copy permissions", path.display()))?;
    replacing
        .go_on()
        .with_context(|| format!("{}: left as it is", path.display()))?;
    tmp.persist(&target)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace the file", path.display()))?;
    Ok(())
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
}
