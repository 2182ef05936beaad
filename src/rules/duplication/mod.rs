//! D: duplicated words, sentences and captions.

use crate::rule::Rule;

mod doubled_word;
mod duplicate_sentence;
mod duplicated_caption;

/// The family's rules, in code order.
pub const RULES: &[&dyn Rule] = &[
    &doubled_word::DoubledWord,
    &duplicate_sentence::DuplicateSentence,
    &duplicated_caption::DuplicatedCaption,
];
