//! Word lists the segmenter and the rules share, kept as sorted data.
//!
//! Every list is lowercase ASCII and sorted, so lookups are a binary search
//! without allocating; `tests::lists_are_sorted_lowercase_and_unique` keeps
//! them that way.

mod abbreviations;

pub use abbreviations::{ABBREVIATIONS, NUMBER_PREFIXES, SENTENCE_STARTERS, TITLES};

/// A sorted list of lowercase words, looked up case-insensitively.
pub struct WordList(pub &'static [&'static str]);

impl WordList {
    pub fn contains(&self, word: &str) -> bool {
        self.0
            .binary_search_by(|probe| cmp_ignore_ascii_case(probe, word))
            .is_ok()
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.0
    }
}

fn cmp_ignore_ascii_case(probe: &str, word: &str) -> std::cmp::Ordering {
    let a = probe.bytes();
    let b = word.bytes().map(|c| c.to_ascii_lowercase());
    a.cmp(b)
}

/// Every list, by name, for the invariant test.
pub fn all_lists() -> Vec<(&'static str, &'static WordList)> {
    vec![
        ("ABBREVIATIONS", &ABBREVIATIONS),
        ("NUMBER_PREFIXES", &NUMBER_PREFIXES),
        ("SENTENCE_STARTERS", &SENTENCE_STARTERS),
        ("TITLES", &TITLES),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        for (name, list) in all_lists() {
            for pair in list.words().windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} must sort before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for word in list.words() {
                assert_eq!(
                    *word,
                    word.to_ascii_lowercase(),
                    "{name}: {word:?} must be lowercase"
                );
            }
        }
    }

    #[test]
    fn lookup_ignores_case() {
        assert!(TITLES.contains("Dr"));
        assert!(ABBREVIATIONS.contains("U.S"));
        assert!(!ABBREVIATIONS.contains("cat"));
    }
}
