//! Function words per language: the short, frequent words every paragraph
//! of a language is made of, whatever its topic. Counting them identifies a
//! language at a fraction of the cost of character n-grams, and a paragraph
//! with none of them is not claimed for any language.
//!
//! Lists are lowercase, sorted and unique (`tests` keeps them so). A word may
//! sit in several lists: `de` is Dutch, French, Spanish and Portuguese.

use super::Lang;

/// Each language's function words, in [`Lang::ALL`] order.
pub(super) static LISTS: [(Lang, &[&str]); 16] = [
    (
        Lang::English,
        &[
            "a", "about", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from",
            "had", "has", "have", "he", "her", "his", "in", "is", "it", "its", "more", "not", "of", "on", "or", "said",
            "she", "than", "that", "the", "their", "there", "they", "this", "to", "was", "we", "were", "which", "who",
            "will", "with", "would", "you",
        ],
    ),
    (
        Lang::French,
        &[
            "au", "aux", "avec", "ce", "cette", "dans", "de", "des", "du", "elle", "est", "et", "il", "la", "le",
            "les", "leur", "leurs", "mais", "ne", "nous", "ont", "ou", "où", "par", "pas", "plus", "pour", "que",
            "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vous", "à", "été", "être",
        ],
    ),
    (
        Lang::German,
        &[
            "aber", "als", "an", "auch", "auf", "bei", "das", "dass", "dem", "den", "der", "des", "die", "durch",
            "ein", "eine", "einer", "eines", "es", "für", "hat", "im", "ist", "mit", "nach", "nicht", "oder", "sich",
            "sind", "und", "von", "werden", "wie", "wird", "zu",
        ],
    ),
    (
        Lang::Spanish,
        &[
            "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "ha", "la", "las", "lo", "los", "más",
            "no", "o", "para", "pero", "por", "que", "se", "sobre", "son", "su", "sus", "un", "una", "y",
        ],
    ),
    (
        Lang::Italian,
        &[
            "al", "alla", "anche", "che", "come", "con", "da", "dei", "del", "della", "delle", "di", "e", "gli", "il",
            "in", "la", "le", "lo", "ma", "nel", "nella", "non", "o", "per", "questa", "questo", "si", "sono", "un",
            "una", "è",
        ],
    ),
    (
        Lang::Portuguese,
        &[
            "a", "ao", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "em", "foi", "mais", "mas", "na",
            "nas", "no", "nos", "não", "o", "os", "ou", "para", "por", "que", "se", "seu", "sua", "são", "um", "uma",
            "é",
        ],
    ),
    (
        Lang::Dutch,
        &[
            "aan", "als", "bij", "dat", "de", "die", "door", "een", "en", "er", "het", "hij", "in", "is", "maar",
            "met", "naar", "niet", "of", "om", "ook", "op", "te", "van", "voor", "worden", "wordt", "ze", "zij",
            "zijn",
        ],
    ),
    (
        Lang::Swedish,
        &[
            "att", "av", "de", "den", "det", "eller", "en", "ett", "från", "för", "har", "inte", "jag", "kan", "med",
            "men", "och", "om", "på", "som", "så", "till", "var", "vi", "vid", "är",
        ],
    ),
    (
        Lang::Finnish,
        &[
            "ei", "että", "hän", "ja", "joka", "jos", "kuin", "kun", "mitä", "mutta", "myös", "niin", "ole", "oli",
            "on", "ovat", "se", "sen", "tai", "vain",
        ],
    ),
    (
        Lang::Polish,
        &[
            "ale", "czy", "do", "i", "jak", "jego", "jest", "lub", "na", "nie", "o", "od", "oraz", "po", "przez",
            "przy", "się", "są", "tak", "to", "w", "z", "za", "że",
        ],
    ),
    (
        Lang::Czech,
        &[
            "a", "ale", "by", "do", "jako", "je", "jeho", "jsou", "která", "které", "který", "na", "nebo", "o", "od",
            "po", "pro", "při", "s", "se", "také", "to", "v", "z", "že",
        ],
    ),
    (
        Lang::Romanian,
        &[
            "a", "ai", "al", "ale", "care", "ce", "cu", "de", "din", "este", "fi", "fost", "la", "mai", "nu", "pe",
            "pentru", "sau", "se", "sunt", "să", "un", "una", "unei", "unui", "în", "și",
        ],
    ),
    (
        Lang::Hungarian,
        &[
            "a", "az", "azt", "be", "csak", "de", "egy", "el", "ez", "hogy", "is", "kell", "meg", "mint", "nem",
            "szerint", "vagy", "van", "volt", "és",
        ],
    ),
    (
        Lang::Turkish,
        &[
            "bir", "bu", "da", "daha", "de", "gibi", "ile", "için", "kadar", "ki", "olan", "olarak", "sonra", "ve",
            "veya", "ya", "çok", "şu",
        ],
    ),
    (
        Lang::Indonesian,
        &[
            "adalah", "akan", "atau", "dalam", "dan", "dari", "dengan", "di", "ini", "itu", "juga", "ke", "oleh",
            "pada", "tidak", "untuk", "yang",
        ],
    ),
    (
        Lang::Russian,
        &[
            "в",
            "вы",
            "для",
            "до",
            "его",
            "же",
            "за",
            "и",
            "из",
            "к",
            "как",
            "мы",
            "на",
            "не",
            "но",
            "о",
            "он",
            "она",
            "они",
            "от",
            "по",
            "при",
            "с",
            "так",
            "также",
            "то",
            "только",
            "что",
            "это",
        ],
    ),
];

/// English function words that other languages share or that a text
/// quotes in passing (`a`, `in`, `to`, `no`): they count towards English,
/// but English needs other evidence too, or Huastec's `an` and `in` and
/// Tagalog's `at` would read as English.
pub(super) static ENGLISH_WEAK: &[&str] = &["a", "an", "as", "at", "be", "he", "in", "is", "it", "on", "to", "we"];

/// French function words that Bantu languages write as words of their own
/// (Setswana and Sesotho `le`, `la`, `sa`, `se`, `ne`: concords and
/// particles, repeated as grammar in `le le bana`): French needs other
/// evidence too, or their paragraphs would read as French.
pub(super) static FRENCH_WEAK: &[&str] = &["la", "le", "ne", "sa", "se"];

/// Function words of languages built on English words, Nigerian Pidgin
/// (`dem`, `wey`, `dey`) and Scots (`tae`, `frae`, `nae`), which standard
/// English does not write. Their texts share enough of English's list to
/// pass for it, and English rules read their grammar as debris (Pidgin's
/// `beta beta` is a doubled word only in English). Sorted.
pub(super) static ENGLISH_LEXIFIED: &[&str] = &[
    "anoda", "awbody", "cannae", "dat", "dem", "dey", "di", "dis", "don", "frae", "nae", "naebody", "naim", "ony",
    "tae", "una", "wetin", "wey", "wha",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_unique_and_in_language_order() {
        for (i, (lang, words)) in LISTS.iter().enumerate() {
            assert_eq!(*lang, Lang::ALL[i], "LISTS follows Lang::ALL");
            for pair in words.windows(2) {
                assert!(pair[0] < pair[1], "{lang:?}: {:?} before {:?}", pair[0], pair[1]);
            }
            for w in words.iter() {
                assert_eq!(w.to_lowercase(), *w, "{lang:?}: {w} is not lowercase");
            }
        }
        let english = LISTS[0].1;
        for pair in ENGLISH_LEXIFIED.windows(2) {
            assert!(
                pair[0] < pair[1],
                "ENGLISH_LEXIFIED: {:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        for w in ENGLISH_WEAK {
            assert!(english.binary_search(w).is_ok(), "weak word {w} is an English word");
        }
        let french = LISTS[Lang::French as usize].1;
        for w in FRENCH_WEAK {
            assert!(french.binary_search(w).is_ok(), "weak word {w} is a French word");
        }
    }
}
