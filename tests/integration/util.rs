//! Helpers every suite shares.

use std::path::PathBuf;

use assert_cmd::Command;

/// The `detritus` binary this build produced.
pub fn detritus() -> Command {
    Command::cargo_bin("detritus").unwrap()
}

/// Letters and digits in order, compatibility-decomposed: a safe fix may
/// change nothing else about them (`ﬁ` and `fi` count the same).
pub fn letters(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd().filter(|c| c.is_alphanumeric()).collect()
}

/// The bundled corpus directory.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
}

/// Every corpus article, in file-name order; read once per test binary.
pub fn corpus() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut paths: Vec<_> = std::fs::read_dir(corpus_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    })
}
