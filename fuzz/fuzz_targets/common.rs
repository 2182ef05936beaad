//! What every target shares: one linter per language, built once, and the
//! split of the fuzzer's bytes into settings and text.

#![allow(dead_code)]

use std::sync::OnceLock;

use detritus::{Language, Linter, Settings};

/// The linter for the language the first byte picks (odd: French).
pub fn linter(flags: u8) -> &'static Linter {
    static EN: OnceLock<Linter> = OnceLock::new();
    static FR: OnceLock<Linter> = OnceLock::new();
    let (cell, tag) = if flags & 1 == 1 { (&FR, "fr") } else { (&EN, "en") };
    cell.get_or_init(|| {
        let language: Language = tag.parse().expect("a known language");
        Linter::new(&Settings {
            language,
            ..Settings::default()
        })
        .expect("the default settings are valid")
    })
}

/// The first byte as flags, the rest as the input.
pub fn split(data: &[u8]) -> Option<(u8, &[u8])> {
    let (&flags, rest) = data.split_first()?;
    Some((flags, rest))
}

/// Letters and digits after compatibility decomposition: what a safe fix may
/// never remove.
pub fn letters(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd().filter(|c| c.is_alphanumeric()).collect()
}

pub fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// One worker thread: the fuzzer runs one job per core already.
pub fn single_threaded() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(1).build_global();
    });
}
