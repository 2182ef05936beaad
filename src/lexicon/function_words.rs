//! Closed-class English words the sentence-level rules reason about.
//!
//! Each list is narrower than the grammar-book class it names: it keeps only
//! the members whose behaviour the rules rely on, so a rule reading
//! "a sentence cannot end here" can trust every word in the list.

use super::WordList;

/// Articles: a sentence never ends on one.
pub static ARTICLES: WordList = WordList(&["a", "an", "the"]);

/// Possessive determiners that always need a noun after them. `his` and
/// `her` are left out: they also stand alone (`the book is his`, `I saw her`).
pub static POSSESSIVE_DETERMINERS: WordList = WordList(&["its", "my", "our", "their", "your"]);

/// Coordinating conjunctions that cannot end a sentence. `so`, `yet` and `for`
/// are left out: they double as adverbs (`I think so.`, `not yet.`) or prepositions.
pub static COORDINATORS: WordList = WordList(&["and", "but", "nor", "or"]);

/// Subordinators that open a clause needing a main clause after it. Left out:
/// `when`, `after`, `before`, `since`, `as`, `if`, which also open complete
/// stylistic fragments (`Since 2019.`, `After the vote.`), and `because`,
/// whose fragments are a deliberate style in speech (`Because we can.`).
pub static CLAUSE_SUBORDINATORS: WordList = WordList(&["although", "though", "unless", "whereas", "while", "whilst"]);

/// Subordinators that cannot end a sentence. Left out: `though` (`He did,
/// though.`), `while` (`for a while.`), `since` (`ever since.`), `if` (`As if.`).
pub static FINAL_SUBORDINATORS: WordList =
    WordList(&["although", "because", "than", "unless", "whereas", "whether", "whilst"]);

/// Prepositions that are almost never adverbs, so ending a sentence on one
/// leaves it without its object unless a relative or question strands it
/// (`what it is for`). Particles such as `in`, `on`, `up`, `out`, `off`, `over`,
/// `about`, `through` and `to` are left out: `Come in.`, `Hold on.`, `He gave up.`,
/// `as he used to.` are complete.
pub static STRANDED_PREPOSITIONS: WordList = WordList(&[
    "amid",
    "amidst",
    "among",
    "amongst",
    "at",
    "despite",
    "during",
    "for",
    "from",
    "into",
    "of",
    "onto",
    "per",
    "regarding",
    "toward",
    "towards",
    "upon",
    "via",
    "with",
]);

/// Personal pronouns in subject form.
pub static SUBJECT_PRONOUNS: WordList = WordList(&["he", "i", "it", "she", "they", "we", "you"]);

/// Question words and relatives; their presence licenses a stranded preposition
/// (`That is what friends are for.`).
pub static WH_WORDS: WordList = WordList(&[
    "how",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "wherever",
    "which",
    "whichever",
    "who",
    "whoever",
    "whom",
    "whose",
    "why",
]);

/// Capitalised words that open a new clause and are rarely part of a name or
/// title when a lowercase finite verb follows them (`This comes`, `They said`).
/// `The`, `A`, `I` and `That` are left out: `The Verge`, `I think`, `That Thing`.
pub static CLAUSE_OPENERS: WordList = WordList(&[
    "he", "however", "it", "she", "there", "these", "they", "this", "those", "we",
]);

/// Adverbs that may sit between a subject and its finite verb (`It also said`).
pub static PRE_VERB_ADVERBS: WordList = WordList(&[
    "already",
    "also",
    "first",
    "just",
    "later",
    "never",
    "now",
    "previously",
    "recently",
    "reportedly",
    "still",
    "then",
]);

/// Prepositions, for telling a reduced clause (`While in office`) or a
/// preposition's object (`for it it will`) apart.
pub static PREPOSITIONS: WordList = WordList(&[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "amidst",
    "among",
    "amongst",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "unto",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
]);

/// Prepositions that also end phrasal verbs (`goes to`, `took in`, `getting
/// by`), so a doubled one after a verb is grammatical: `he goes to to stay`.
pub static PARTICLES: WordList = WordList(&[
    "about", "along", "around", "away", "back", "by", "down", "for", "in", "off", "on", "out", "over", "through", "to",
    "up", "with",
]);

/// A verb and the preposition it strands legitimately when its object became the
/// subject (`It was paid for.`, `The issue was dealt with.`), plus idioms that
/// end on a preposition (`sort of`). Written as `head preposition`.
pub static STRANDING_PAIRS: WordList = WordList(&[
    "accounted for",
    "acted upon",
    "agreed upon",
    "agreed with",
    "allowed for",
    "applied for",
    "approved of",
    "argued for",
    "arrived at",
    "asked for",
    "bargained for",
    "broken into",
    "budgeted for",
    "called for",
    "called upon",
    "cared for",
    "catered for",
    "compensated for",
    "complied with",
    "dealt with",
    "decided upon",
    "depended upon",
    "dispensed with",
    "disposed of",
    "done for",
    "dreamed of",
    "fought for",
    "frowned upon",
    "heard of",
    "hinted at",
    "hoped for",
    "improved upon",
    "insisted upon",
    "interfered with",
    "kind of",
    "laughed at",
    "longed for",
    "looked at",
    "looked for",
    "looked into",
    "looked upon",
    "met with",
    "opted for",
    "paid for",
    "planned for",
    "pointed at",
    "prepared for",
    "provided for",
    "qualified for",
    "reckoned with",
    "relied upon",
    "searched for",
    "sent for",
    "shot at",
    "sided with",
    "signed for",
    "sort of",
    "spoken for",
    "spoken of",
    "stared at",
    "stumbled upon",
    "tampered with",
    "thought of",
    "touched upon",
    "voted for",
    "vouched for",
    "waited for",
    "wished for",
    "worried about",
    "yearned for",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_are_not_articles_or_i() {
        for w in ["the", "a", "i", "that"] {
            assert!(!CLAUSE_OPENERS.contains(w), "{w}");
        }
        assert!(CLAUSE_OPENERS.contains("This"));
    }

    #[test]
    fn particles_that_end_sentences_are_not_stranded_prepositions() {
        for w in ["in", "on", "up", "out", "off", "to", "about", "through", "over"] {
            assert!(!STRANDED_PREPOSITIONS.contains(w), "{w}");
        }
        assert!(STRANDED_PREPOSITIONS.contains("for"));
    }

    #[test]
    fn adverbial_conjunctions_are_not_final_subordinators() {
        for w in ["though", "while", "since", "if", "so", "yet"] {
            assert!(!FINAL_SUBORDINATORS.contains(w), "{w}");
            assert!(!COORDINATORS.contains(w), "{w}");
        }
    }
}
