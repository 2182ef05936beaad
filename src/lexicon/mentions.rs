//! Words that show a text naming a character or a tag rather than using it:
//! `Type " to start a string`, `the <title> element`, `a ";" mark`.

use super::WordList;

/// Words before a mark or tag that name it: verbs of typing, determiners,
/// conjunctions in a list of marks.
pub static NAMING_WORDS: WordList = WordList(&[
    "a", "add", "an", "and", "any", "each", "enter", "every", "insert", "its", "no", "or", "press", "put", "the",
    "this", "type", "use", "uses", "using", "with", "write", "your",
]);

/// Nouns after a mark or tag that name it.
pub static NAMING_NOUNS: WordList = WordList(&[
    "attribute",
    "attributes",
    "character",
    "characters",
    "element",
    "elements",
    "key",
    "mark",
    "marks",
    "sign",
    "signs",
    "symbol",
    "symbols",
    "tag",
    "tags",
]);
