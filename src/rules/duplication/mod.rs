//! D: duplicated words, sentences and captions.

use crate::rule::Rule;

mod doubled_word;
mod duplicate_sentence;
mod duplicated_caption;

pub const RULES: &[&dyn Rule] = &[
    &doubled_word::DoubledWord,
    &duplicate_sentence::DuplicateSentence,
    &duplicated_caption::DuplicatedCaption,
];
