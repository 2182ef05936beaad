//! The script a paragraph is written in, by majority of its letters.

pub use unicode_script::Script;
use unicode_script::UnicodeScript;

/// Letters read before the majority is called: a paragraph's script shows in
/// its first words, and a long one must not cost a full pass.
const SAMPLE: usize = 400;

/// The script most of the first letters of `text` belong to, or `None` when
/// it has no letters. Hiragana, Katakana and Bopomofo count as Han: one
/// writing system, which punctuates and spaces the same way.
pub fn dominant(text: &str) -> Option<Script> {
    // (script, letters) for the few scripts a paragraph mixes; a linear
    // search beats a map at this size.
    const SLOTS: usize = 6;
    let mut counts: [(Script, u32); SLOTS] = [(Script::Unknown, 0); SLOTS];
    let mut used = 0;
    let mut letters = 0;
    for c in text.chars() {
        let script = if c.is_ascii() {
            if !c.is_ascii_alphabetic() {
                continue;
            }
            Script::Latin
        } else {
            if !c.is_alphabetic() {
                continue;
            }
            match c.script() {
                Script::Common | Script::Inherited | Script::Unknown => continue,
                Script::Hiragana | Script::Katakana | Script::Bopomofo => Script::Han,
                s => s,
            }
        };
        match counts[..used].iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None if used < SLOTS => {
                counts[used] = (script, 1);
                used += 1;
            }
            None => {}
        }
        letters += 1;
        if letters == SAMPLE {
            break;
        }
    }
    counts[..used].iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s)
}

/// Scripts that separate words with spaces and attach `, . ; : ! ?` to the
/// word before them, as Latin does: the scripts the spacing rules read.
pub const SPACED_EUROPEAN: &[Script] = &[
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Armenian,
    Script::Georgian,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_majority_of_letters_decides_and_digits_and_marks_do_not_count() {
        assert_eq!(dominant("It grew 5% in 2023."), Some(Script::Latin));
        assert_eq!(dominant("Он сказал: «OK»."), Some(Script::Cyrillic));
        assert_eq!(dominant("彼は「それは私の問題ではない」と言った。"), Some(Script::Han));
        assert_eq!(dominant("می‌خواهم این کتاب را بخوانم."), Some(Script::Arabic));
        assert_eq!(dominant("ᠴᠢᠯᠥᠭᠡ ᠲᠡᠢ"), Some(Script::Mongolian));
        assert_eq!(dominant("12 345 — 67 %"), None);
    }

    #[test]
    fn a_latin_brand_inside_another_script_does_not_change_its_script() {
        assert_eq!(
            dominant("Компания Apple выпустила новый iPhone."),
            Some(Script::Cyrillic)
        );
    }
}
