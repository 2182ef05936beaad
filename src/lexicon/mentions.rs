//! Words that show a text naming a character or a tag rather than using it:
//! `Type " to start a string`, `the <title> element`, `a ";" mark`.

use super::WordList;

/// Words before a mark or tag that name it: verbs of typing, determiners,
/// conjunctions in a list of marks, and the noun for a tag in languages
/// that put it first (`la balise <OPTION>`, `la etiqueta <p>`, `тег <br>`).
pub static NAMING_WORDS: WordList = WordList(&[
    "a",
    "add",
    "an",
    "and",
    "any",
    "balise",
    "balises",
    "each",
    "enter",
    "etiqueta",
    "etiquetas",
    "every",
    "insert",
    "its",
    "no",
    "or",
    "press",
    "put",
    "tag",
    "tags",
    "the",
    "this",
    "type",
    "use",
    "uses",
    "using",
    "with",
    "write",
    "your",
    "znacznik",
    "znaczniki",
    "тег",
    "тега",
    "теги",
    "тегу",
]);

/// The starts of the nouns for a tag or an element, lowercase, in many
/// languages and their inflections: a word that begins with one, beside a
/// tag, names it (`del tag <area shape="rect">`, `l'élément <input>`,
/// `tagget <meta …>`, `<meta …> etiketini`, `<html> 标签`, `значку`).
const TAG_STEMS: &[&str] = &[
    "balise",
    "címk",
    "elemen",
    "etichet",
    "etiked",
    "etiket",
    "etiqueta",
    "prvek",
    "prvk",
    "prvok",
    "silt",
    "tag",
    "thẻ",
    "tunniste",
    "značk",
    "znacznik",
    "élément",
    "öğe",
    "ετικέτ",
    "στοιχεί",
    "таг",
    "тег",
    "тэг",
    "элемент",
    "אלמנט",
    "תג",
    "العلامة",
    "الوسم",
    "برچسب",
    "تاگ",
    "تگ",
    "عنصر",
    "علامة",
    "وسم",
    "टैग",
    "टॅग",
    "ট্যাগ",
    "ਟੈਗ",
    "ટેગ",
    "குறிச்சொல்",
    "แท็ก",
    "タグ",
    "要素",
    "元素",
    "标签",
    "標籤",
    "요소",
    "태그",
];

/// True when `token`, a word beside a tag with its punctuation, is a noun
/// for a tag or an element: past an elided article (`l'élément`) or a
/// hyphen (`<img>-Tags`), it begins with one of [`TAG_STEMS`].
pub fn names_a_tag(token: &str) -> bool {
    let word = token.rsplit(['\'', '’']).next().unwrap_or(token);
    let word: String = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    TAG_STEMS.iter().any(|s| word.starts_with(s))
}

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

/// Nouns for a value a text may give next as a sentence of its own (`The
/// username was taken. jdoe.`, `He typed the command. ls.`).
pub static VALUE_NOUNS: WordList = WordList(&[
    "alias",
    "command",
    "commands",
    "filename",
    "handle",
    "hashtag",
    "keyword",
    "login",
    "nickname",
    "password",
    "passwords",
    "prompt",
    "username",
    "usernames",
]);

/// True when the words around `text[start..end]`, past blanks, name the
/// mark or tag there rather than use it: `Type " to`, `the <title> element`.
pub fn named_between(text: &str, start: usize, end: usize) -> bool {
    let (before, after) = words_around(text, start, end);
    NAMING_WORDS.contains(before) || NAMING_NOUNS.contains(after)
}

/// The words next to `text[start..end]`, past blanks: the one that ends
/// before it and the one that starts after it (empty where none does).
pub fn words_around(text: &str, start: usize, end: usize) -> (&str, &str) {
    let head = text[..start].trim_end_matches([' ', '\t']);
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let rest = text[end..].trim_start_matches([' ', '\t']);
    let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    (&head[word_start..], &rest[..word_end])
}

/// Kinds of work whose titles follow them (`the novel To the Lighthouse`).
pub static WORK_NOUNS: WordList = WordList(&[
    "album",
    "anthem",
    "article",
    "ballad",
    "book",
    "campaign",
    "chapter",
    "column",
    "documentary",
    "drama",
    "episode",
    "essay",
    "exhibition",
    "film",
    "headline",
    "lecture",
    "lyric",
    "magazine",
    "manifesto",
    "memoir",
    "motto",
    "movie",
    "musical",
    "newspaper",
    "novel",
    "opera",
    "painting",
    "paper",
    "phrase",
    "play",
    "podcast",
    "poem",
    "program",
    "programme",
    "report",
    "series",
    "show",
    "single",
    "sitcom",
    "slogan",
    "song",
    "speech",
    "story",
    "study",
    "thesis",
    "title",
    "track",
    "treatise",
    "tune",
    "verse",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_for_a_tag_are_told_in_many_languages_and_forms() {
        for token in [
            "tag",
            "Tags",
            "l'élément",
            "-etiket",
            "etiketini",
            "tagget",
            "značku",
            "标签",
            "टैग",
        ] {
            assert!(names_a_tag(token), "{token}");
        }
        for token in ["stage", "the", "label", "-", ""] {
            assert!(!names_a_tag(token), "{token}");
        }
    }

    #[test]
    fn words_around_a_mark_tell_whether_it_is_named() {
        let text = "Type \" to start, or «\" »";
        assert!(named_between(text, 5, 6));
        assert!(!named_between(text, 23, 24), "a multi-byte mark before is no word");
    }
}
