//! Words and phrases that make a complete sentence on their own.

use super::WordList;

/// One-word sentences that are complete (`Yes.`, `Why?`, `Indeed.`), so a
/// short sentence made of one is never an orphaned fragment.
pub static STANDALONE_WORDS: WordList = WordList(&[
    "absolutely",
    "again",
    "agreed",
    "always",
    "amen",
    "anyway",
    "bye",
    "certainly",
    "cheers",
    "correct",
    "definitely",
    "done",
    "enough",
    "exactly",
    "fine",
    "good",
    "goodbye",
    "great",
    "hello",
    "hey",
    "hi",
    "how",
    "indeed",
    "later",
    "maybe",
    "never",
    "no",
    "nope",
    "nothing",
    "now",
    "obviously",
    "ok",
    "okay",
    "oops",
    "perhaps",
    "please",
    "precisely",
    "really",
    "right",
    "so",
    "sorry",
    "sure",
    "thanks",
    "true",
    "well",
    "what",
    "when",
    "where",
    "who",
    "why",
    "wow",
    "yeah",
    "yep",
    "yes",
]);

/// Two-word sentences that are complete (`Thank you.`, `Not so.`, `Sort
/// of.`: a hedge ends on its preposition).
pub static STANDALONE_PHRASES: WordList = WordList(&[
    "all right",
    "end of",
    "excuse me",
    "good luck",
    "kind of",
    "me too",
    "no way",
    "not quite",
    "not really",
    "not so",
    "not yet",
    "of course",
    "so what",
    "sort of",
    "thank you",
    "well done",
    "why not",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_short_answers_are_standalone() {
        for w in ["Yes", "no", "Why", "indeed", "Exactly"] {
            assert!(STANDALONE_WORDS.contains(w), "{w}");
        }
        assert!(STANDALONE_PHRASES.contains("Thank you"));
        assert!(!STANDALONE_WORDS.contains("hug"));
    }
}
