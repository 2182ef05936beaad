//! Words a doubled-word check must leave alone.

use super::WordList;

/// Words that are grammatical or idiomatic when doubled (`had had`, `that
/// that` and its dialect spelling `dat dat`, `what it is is`, `very very`,
/// `bye bye`, `the first first lady`, scripture's `yea yea` and `ten thousand
/// thousand`), and names made so (`protein kinase kinase`, `peptide
/// tyrosine tyrosine`).
pub static DOUBLING_WORDS: WordList = WordList(&[
    "ay", "aye", "bang", "beep", "bla", "blah", "boo", "boom", "bye", "choo", "chop", "dat", "do", "does", "far",
    "first", "go", "great", "ha", "had", "hear", "her", "ho", "hush", "is", "kinase", "knock", "long", "many", "meep",
    "more", "nay", "never", "night", "no", "now", "pom", "pretty", "really", "so", "ta", "that", "there", "thousand",
    "tom", "tsk", "tut", "tyrosine", "very", "wait", "was", "well", "win", "woot", "yadda", "yea", "yeah", "yes", "yo",
    "yum",
]);

/// French words that double grammatically: reflexive pronouns (`nous nous
/// sommes vus`, `vous vous souvenez`) and the gerund's `en` before the
/// pronoun `en` (`en en tronquant`); and those spoken French doubles for
/// emphasis, as English does `very very` (`un film très très long`, `vite
/// vite`, `le petit petit chat`, `oh là là`).
pub static FRENCH_DOUBLING_WORDS: WordList = WordList(&[
    "beaucoup",
    "bien",
    "bon",
    "doucement",
    "en",
    "encore",
    "fort",
    "jamais",
    "loin",
    "là",
    "non",
    "nous",
    "oui",
    "petit",
    "petite",
    "petites",
    "petits",
    "si",
    "toujours",
    "trop",
    "très",
    "vite",
    "vous",
]);

/// Names that are a word said twice (`Walla Walla`, `Duran Duran`, `Lang
/// Lang`, `Talk Talk`), and nouns (`mahi mahi`, `cous cous`): a doubling of
/// one of these is the name, even inside a longer one (`the Walla Walla
/// Valley`).
pub static REDUPLICATED_NAMES: WordList = WordList(&[
    "baden", "bam", "bao", "bei", "bella", "beri", "bora", "boutros", "bunga", "cous", "dum", "duran", "humbert",
    "jing", "lang", "ling", "mahi", "mau", "mei", "pago", "sing", "sirhan", "talk", "tian", "tora", "wagga", "walla",
    "xiao", "yang", "ying", "ylang",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_never_allowed_to_double() {
        for w in ["the", "a", "an", "of", "to"] {
            assert!(!DOUBLING_WORDS.contains(w), "{w}");
        }
        assert!(DOUBLING_WORDS.contains("had") && DOUBLING_WORDS.contains("that"));
    }
}
