//! Word lists the segmenter and the rules share, kept as sorted data.
//!
//! Every list is lowercase ASCII and sorted, so lookups are a binary search
//! without allocating; `tests::lists_are_sorted_lowercase_and_unique` keeps
//! them that way.

mod abbreviations;
mod contractions;
mod doubling;
pub(crate) mod entities;
mod function_words;
mod hyphenation;
mod keys;
mod markup;
mod mentions;
mod period_words;
mod short_sentences;
mod verbs;
mod web;

pub use abbreviations::{ABBREVIATIONS, NUMBER_PREFIXES, SENTENCE_STARTERS, TITLES};
pub use contractions::is_contraction;
pub use doubling::{DOUBLING_WORDS, FRENCH_DOUBLING_WORDS, REDUPLICATED_NAMES};
pub use function_words::{
    ARTICLES, CLAUSE_OPENERS, CLAUSE_SUBORDINATORS, COORDINATORS, FINAL_SUBORDINATORS, FOREIGN_NUMBER_WORDS,
    NUMBER_WORDS, PARTICLES, PHRASAL_VERBS, POSSESSIVE_DETERMINERS, PREPOSITIONS, PRE_VERB_ADVERBS,
    STRANDED_PREPOSITIONS, STRANDING_PAIRS, SUBJECT_PRONOUNS, WH_WORDS,
};
pub use hyphenation::{COMPOUND_FIRST, WORD_ENDINGS};
pub use keys::KEY_MODIFIERS;
pub use markup::{ATTRS, BLOCK_TAGS, BOOLEAN_ATTRS, SHORTCODES, TAGS, WORDY_ATTRS};
pub use mentions::{named_between, names_a_tag, words_around, NAMING_NOUNS, NAMING_WORDS, VALUE_NOUNS, WORK_NOUNS};
pub use period_words::{PERIOD_ABBREVIATIONS, UNIT_ABBREVIATIONS};
pub use short_sentences::{STANDALONE_PHRASES, STANDALONE_WORDS};
pub use verbs::{
    AUXILIARIES, COMPLEMENT_VERBS, FINITE_VERBS, INFINITIVE_TAKERS, NOUNLIKE_VERBS, REPORTING_WORDS, THIRD_PERSON_VERBS,
};
pub use web::{
    BOILERPLATE_PHRASES, CTA_VERBS, LIST_HEADINGS, METADATA_FIELDS, NAV_WORDS, PHOTO_AGENCIES, SECTIONS, SHARE_WORDS,
    SOCIAL_NETWORKS, WEB_OBJECTS,
};

/// A sorted list of lowercase words, looked up case-insensitively.
pub struct WordList(pub &'static [&'static str]);

impl WordList {
    /// True when `word` is in the list, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        self.0
            .binary_search_by(|probe| cmp_ignore_ascii_case(probe, word))
            .is_ok()
    }

    /// The words, sorted and lowercase.
    /// True when `word` is in the list exactly, case included.
    pub fn contains_exact(&self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }

    /// The words, sorted and lowercase.
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
        ("ARTICLES", &ARTICLES),
        ("ATTRS", &ATTRS),
        ("BLOCK_TAGS", &BLOCK_TAGS),
        ("BOOLEAN_ATTRS", &BOOLEAN_ATTRS),
        ("SHORTCODES", &SHORTCODES),
        ("TAGS", &TAGS),
        ("WORDY_ATTRS", &WORDY_ATTRS),
        ("AUXILIARIES", &AUXILIARIES),
        ("BOILERPLATE_PHRASES", &BOILERPLATE_PHRASES),
        ("CLAUSE_OPENERS", &CLAUSE_OPENERS),
        ("CLAUSE_SUBORDINATORS", &CLAUSE_SUBORDINATORS),
        ("COMPLEMENT_VERBS", &COMPLEMENT_VERBS),
        ("COMPOUND_FIRST", &COMPOUND_FIRST),
        ("COORDINATORS", &COORDINATORS),
        ("CTA_VERBS", &CTA_VERBS),
        ("DOUBLING_WORDS", &DOUBLING_WORDS),
        ("FINAL_SUBORDINATORS", &FINAL_SUBORDINATORS),
        ("FOREIGN_NUMBER_WORDS", &FOREIGN_NUMBER_WORDS),
        ("NUMBER_WORDS", &NUMBER_WORDS),
        ("FINITE_VERBS", &FINITE_VERBS),
        ("FRENCH_DOUBLING_WORDS", &FRENCH_DOUBLING_WORDS),
        ("REDUPLICATED_NAMES", &REDUPLICATED_NAMES),
        ("REPORTING_WORDS", &REPORTING_WORDS),
        ("LIST_HEADINGS", &LIST_HEADINGS),
        ("METADATA_FIELDS", &METADATA_FIELDS),
        ("NAMING_NOUNS", &NAMING_NOUNS),
        ("VALUE_NOUNS", &VALUE_NOUNS),
        ("NAMING_WORDS", &NAMING_WORDS),
        ("NAV_WORDS", &NAV_WORDS),
        ("SECTIONS", &SECTIONS),
        ("NOUNLIKE_VERBS", &NOUNLIKE_VERBS),
        ("PARTICLES", &PARTICLES),
        ("PHRASAL_VERBS", &PHRASAL_VERBS),
        ("PERIOD_ABBREVIATIONS", &PERIOD_ABBREVIATIONS),
        ("PHOTO_AGENCIES", &PHOTO_AGENCIES),
        ("POSSESSIVE_DETERMINERS", &POSSESSIVE_DETERMINERS),
        ("PREPOSITIONS", &PREPOSITIONS),
        ("PRE_VERB_ADVERBS", &PRE_VERB_ADVERBS),
        ("SHARE_WORDS", &SHARE_WORDS),
        ("SOCIAL_NETWORKS", &SOCIAL_NETWORKS),
        ("STANDALONE_PHRASES", &STANDALONE_PHRASES),
        ("STANDALONE_WORDS", &STANDALONE_WORDS),
        ("STRANDED_PREPOSITIONS", &STRANDED_PREPOSITIONS),
        ("STRANDING_PAIRS", &STRANDING_PAIRS),
        ("SUBJECT_PRONOUNS", &SUBJECT_PRONOUNS),
        ("THIRD_PERSON_VERBS", &THIRD_PERSON_VERBS),
        ("UNIT_ABBREVIATIONS", &UNIT_ABBREVIATIONS),
        ("WEB_OBJECTS", &WEB_OBJECTS),
        ("KEY_MODIFIERS", &KEY_MODIFIERS),
        ("WH_WORDS", &WH_WORDS),
        ("WORD_ENDINGS", &WORD_ENDINGS),
        ("WORK_NOUNS", &WORK_NOUNS),
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
                assert_eq!(*word, word.to_ascii_lowercase(), "{name}: {word:?} must be lowercase");
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
