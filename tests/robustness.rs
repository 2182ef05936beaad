//! The binary under the conditions real runs meet: interrupted mid-run.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};
use std::time::Duration;

use detritus::{FixMode, Linter, Settings};

fn binary() -> Std {
    Std::new(assert_cmd::cargo::cargo_bin("detritus"))
}

fn corpus() -> Vec<String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.into_iter().map(|p| fs::read_to_string(p).unwrap()).collect()
}

/// Every path under `dir`, hidden ones included.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    all_files(dir)
        .into_iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".detritus-"))
        .collect()
}

fn interrupt(pid: u32) {
    let sent = Std::new("kill").args(["-INT", &pid.to_string()]).status().unwrap();
    assert!(sent.success());
}

#[test]
fn an_interrupted_fix_over_a_tree_leaves_every_file_original_or_fully_fixed_and_no_temporary_file() {
    let articles = corpus();
    let linter = Linter::new(&Settings::default()).unwrap();
    // A file the fixer cannot settle stays as it was, like any failed file.
    let fixed: Vec<String> = articles
        .iter()
        .map(|a| linter.fix(a, FixMode::Safe).map_or_else(|_| a.clone(), |f| f.text))
        .collect();
    assert!(articles.iter().zip(&fixed).any(|(a, f)| a != f));

    // Enough files that the run is still going when the signal lands.
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for sub in 0..20 {
        fs::create_dir(dir.path().join(format!("d{sub:02}"))).unwrap();
        for copy in 0..5 {
            for (i, article) in articles.iter().enumerate() {
                let path = dir.path().join(format!("d{sub:02}/f{copy}-{i:02}.txt"));
                fs::write(&path, article).unwrap();
                files.push((path, i));
            }
        }
    }

    let mut child = binary()
        .args(["fix", "--quiet", "."])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Signal as soon as the first file has been replaced: writes are under way.
    let changed = |files: &[(PathBuf, usize)]| {
        files
            .iter()
            .filter(|(p, i)| fs::read_to_string(p).is_ok_and(|t| t != articles[*i]))
            .count()
    };
    while changed(&files) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before any file changed"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the tree is too small: the run ended before the signal"
    );
    interrupt(child.id());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");

    let (mut original, mut done) = (0, 0);
    for (path, i) in &files {
        let now = fs::read_to_string(path).unwrap();
        if now == fixed[*i] {
            done += 1;
        } else {
            assert_eq!(
                now,
                articles[*i],
                "{} is neither original nor fully fixed",
                path.display()
            );
            original += 1;
        }
    }
    assert!(
        done > 0 && original > 0,
        "stopped mid-run: {done} fixed, {original} untouched"
    );
    assert_eq!(temporary_files(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn an_interrupted_jsonl_fix_in_place_leaves_the_file_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.jsonl");
    let input: String = (0..200_000)
        .map(|i| format!("{{\"id\":{i},\"text\":\"row {i} , ok\"}}\n"))
        .collect();
    fs::write(&file, &input).unwrap();
    let fixed: String = (0..200_000)
        .map(|i| format!("{{\"id\":{i},\"text\":\"row {i}, ok\"}}\n"))
        .collect();

    let mut child = binary()
        .args(["fix", "--quiet", "--jsonl"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The temporary file appears when streaming starts.
    while temporary_files(dir.path()).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before streaming began"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    interrupt(child.id());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    let now = fs::read_to_string(&file).unwrap();
    assert!(
        now == input || now == fixed,
        "the file is neither original nor fully fixed"
    );
    assert_eq!(temporary_files(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn check_still_stops_at_once_on_ctrl_c() {
    // Nothing is written, so the default disposition applies: killed by SIGINT.
    use std::os::unix::process::ExitStatusExt;
    let mut child = binary()
        .args(["check", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    interrupt(child.id());
    let status = child.wait().unwrap();
    assert!(status.signal() == Some(2) || status.code() == Some(130), "{status:?}");
}
