//! Word lists that decide how to mend a word hyphenated across a line break.

use super::WordList;

/// First parts of English compounds that keep their hyphen: `well-known`,
/// `self-made`, `non-profit`, `long-term`, `twenty-five`.
pub static COMPOUND_FIRST: WordList = WordList(&[
    "all", "anti", "best", "cross", "eighty", "ex", "far", "fifty", "first", "forty", "full", "half", "high", "ill",
    "long", "low", "mid", "multi", "ninety", "non", "old", "one", "post", "pre", "pro", "second", "self", "semi",
    "seventy", "short", "sixty", "third", "thirty", "three", "twenty", "two", "well", "wide",
]);

/// Second parts of English words broken by hyphenation that are endings,
/// never words of their own: `informa-tion`, `signifi-cantly`.
pub static WORD_ENDINGS: WordList = WordList(&[
    "ability", "ably", "ance", "ances", "antly", "ation", "ational", "ations", "ative", "atives", "cantly", "cial",
    "cially", "ence", "ences", "ential", "ently", "ernment", "ernments", "ically", "ified", "isation", "ised", "ising",
    "ities", "ity", "ization", "izations", "ized", "izing", "ments", "ness", "nesses", "ously", "sion", "sions",
    "tial", "tially", "tion", "tional", "tions", "tive", "tively", "tives",
]);
