//! Guard rails: decodings no evidence can justify. The weirdness score
//! weighs readings against each other; these refuse a reading outright,
//! because each invents a character the text could not have held.

use unicode_normalization::char::{compose, is_combining_mark};
use unicode_script::{Script, UnicodeScript};

use super::tables::Enc;

/// False for MacRoman lead bytes that are marks real text puts straight
/// before a word: `« »` (C7, C8), `…` (C9), the no-break space (CA), `“ ”
/// ‘ ’` (D2..D5), `‹ ›` (DC, DD), and `∆` (C6), which science puts before
/// a unit (`∆°C`, ftfy's own example). MacRoman's continuation bytes are the
/// accented letters, so with these as leads French `«Élysée»` would read
/// as mojibake (`«É` is C7 83, `ǃ`). Real MacRoman mojibake leads with `√`
/// `¬` `ƒ` `‚` and letters no word puts before an accented letter.
pub fn plausible_lead(enc: Enc, lead_byte: u8) -> bool {
    enc != Enc::MacRoman || !matches!(lead_byte, 0xC6..=0xCA | 0xD2..=0xD5 | 0xDC | 0xDD)
}

/// True when `run` reads as deliberate marks: no letter in it or in its
/// decoding, and glued to another symbol rather than to a word. Emoticons
/// and kaomoji are built from the symbols mojibake is made of (`°¬°`,
/// `¯\_(ツ)_/¯`), while mojibake of a symbol stands alone (`Copyright ¬©
/// 2023`) or sits in words or numbers (`30┬░C`, `100 ¬µF`).
pub fn deliberate(run: &str, decoded: &str, prev: Option<char>, next: Option<char>) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // Sentence punctuation sits beside mojibake of quotes (`cert.┬╗`).
    let mark = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace() && !".,;:!?".contains(c));
    // `º` and `ª` are letters to Unicode and eyes to a kaomoji: `(¬º-°)¬`.
    let letter = |c: char| c.is_alphabetic() && !matches!(c, 'º' | 'ª');
    !run.chars().chain(decoded.chars()).any(letter) && !word(prev) && !word(next) && (mark(prev) || mark(next))
}

/// True when `decoded`, standing between `prev` and `next`, holds a
/// character no misreading can explain:
/// - a combining mark that does not compose with the letter before it into
///   a common precomposed letter (decomposed `é` is `e` + U+0301; a comma
///   below after `e`, or `ȅ`, is a misreading of other bytes);
/// - the one character of a script other than Latin or Greek, glued to a
///   Latin letter (`déjà·` + soft hyphen is not a Sinhala digit; Greek
///   stands alone in Latin text as units and maths, `μm`);
/// - a one-letter word from Latin Extended-A or -B (`In Ņ today`): such
///   letters are real inside words, and the one-letter words of the
///   languages that use them are nearly all plain Latin (Vietnamese `ở`
///   lies outside these blocks and `ơ` `ư` are kept; Lithuanian `į` is the
///   exception, and its mojibake is left for a person);
/// - one lowercase letter between two capitals (`MÄ£ÄM` is styled
///   writing, not `MģÄM`): a misread capital reads as a capital (`CAFÃ‰S`
///   is `CAFÉS`), and a title's word goes on in lowercase (`Há»“` is `Hồ`).
pub fn invents(decoded: &str, prev: Option<char>, next: Option<char>) -> bool {
    let mut last = prev;
    // The letter accents compose with, once composed.
    let mut letter = prev.filter(|c| c.is_alphabetic());
    for c in decoded.chars() {
        if !is_combining_mark(c) {
            (last, letter) = (Some(c), c.is_alphabetic().then_some(c));
            continue;
        }
        let ok = if matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF) {
            // Latin, Greek and Cyrillic accents: decomposed text.
            match letter.and_then(|b| compose(b, c)) {
                Some(composed) if common_letter(composed) => {
                    letter = Some(composed);
                    true
                }
                _ => false,
            }
        } else if c.script() == Script::Inherited {
            // Shared marks (Arabic harakat, variation selectors after
            // emoji, the keycap) follow any character but a space.
            last.is_some_and(|b| !b.is_whitespace())
        } else {
            // Vowel signs and viramas follow a letter of their own script.
            letter.is_some_and(|b| b.script() == c.script())
        };
        if !ok {
            return true;
        }
    }
    lone_foreign(decoded, prev, next)
        || lone_rare_latin(decoded, prev, next)
        || lowercase_in_capitals(decoded, prev, next)
}

fn lowercase_in_capitals(decoded: &str, prev: Option<char>, next: Option<char>) -> bool {
    let mut chars = decoded.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    c.is_lowercase() && prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase)
}

/// True when the run `text[start..end]` is a word in capitals and what
/// follows it, not a misreading:
/// - a capital before a no-break space before a capital (`IRMÃ DULCE`,
///   `PÅ NETT`): `&nbsp;` between two words of a heading, where a misread
///   `à` or `Š` would sit inside one word;
/// - a capital before `™` that ends the word (`AHÅ™`, `NICIODATĂ™`): a
///   trademark after a name, where a misread `ř` or `Ù` would go on.
pub fn capitals_and_sign(text: &str, start: usize, end: usize) -> bool {
    let run = &text[start..end];
    let mut chars = run.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let (prev, next) = (text[..start].chars().next_back(), text[end..].chars().next());
    prev.is_some_and(char::is_uppercase)
        && first.is_uppercase()
        && match last {
            '\u{a0}' => next.is_some_and(char::is_uppercase),
            '™' => !next.is_some_and(char::is_alphanumeric),
            _ => false,
        }
}

/// Precomposed letters decomposed text is made of: Latin-1, Extended-A,
/// Vietnamese and the other Extended Additional letters, Greek, Cyrillic.
fn common_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0x17F | 0x1E00..=0x1EFF | 0x370..=0x3FF | 0x400..=0x4FF)
}

fn lone_foreign(decoded: &str, prev: Option<char>, next: Option<char>) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && c.script() == Script::Latin);
    let mut foreign = decoded.chars().filter(|c| {
        !matches!(
            c.script(),
            Script::Latin | Script::Greek | Script::Common | Script::Inherited
        )
    });
    let Some(first) = foreign.next() else {
        return false;
    };
    let alone = !foreign.any(|c| c.script() == first.script());
    let glued = latin(prev) || latin(next) || decoded.chars().any(|c| latin(Some(c)));
    alone && glued
}

fn lone_rare_latin(decoded: &str, prev: Option<char>, next: Option<char>) -> bool {
    let mut chars = decoded.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    let word_edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    matches!(c as u32, 0x100..=0x24F) && !matches!(c, 'Ơ' | 'ơ' | 'Ư' | 'ư') && word_edge(prev) && word_edge(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_combining_mark_must_compose_into_a_common_letter() {
        assert!(!invents("\u{301}", Some('e'), None));
        assert!(!invents("\u{323}\u{302}", Some('e'), None), "Vietnamese ệ");
        assert!(invents("\u{326}", Some('e'), None), "comma below after e");
        assert!(invents("\u{30f}", Some('e'), None), "ȅ is Extended-B");
        assert!(invents("\u{301}", Some(' '), None), "no base");
        assert!(invents("\u{301}", None, None));
        assert!(!invents("हिन्दी", Some(' '), None), "Devanagari vowel signs and virama");
        assert!(
            invents("\u{93f}", Some('e'), None),
            "a Devanagari sign after a Latin letter"
        );
        assert!(!invents("كَتَبَ", None, None), "Arabic harakat");
        assert!(!invents("❤\u{fe0f}", Some(' '), None), "emoji presentation");
    }

    #[test]
    fn a_lone_character_of_another_script_glued_to_latin_is_invented() {
        assert!(invents("\u{ded}", Some('j'), Some(' ')));
        assert!(!invents("สว", Some(' '), Some(' ')), "a Thai word");
        assert!(!invents("в", Some(' '), Some(' ')), "a Russian word alone");
        assert!(!invents("μ", Some('0'), Some('m')), "Greek as a unit");
        assert!(!invents("москва", Some(' '), Some(' ')));
    }

    #[test]
    fn a_one_letter_word_of_latin_extended_is_invented() {
        assert!(invents("Ņ", Some(' '), Some(' ')));
        assert!(!invents("ł", Some('c'), Some('a')), "inside Wrocław");
        assert!(!invents("ở", Some(' '), Some(' ')), "Vietnamese");
        assert!(!invents("ơ", Some(' '), Some(' ')));
        assert!(!invents("é", Some(' '), Some(' ')));
    }

    #[test]
    fn a_lowercase_letter_between_capitals_is_invented() {
        assert!(invents("ģ", Some('M'), Some('Ä')));
        assert!(invents("é", Some('F'), Some('N')));
        assert!(!invents("É", Some('F'), Some('S')), "CAFÃ‰S is CAFÉS");
        assert!(!invents("ồ", Some('H'), Some(' ')), "Há»“ is Hồ");
        assert!(!invents("é", Some('s'), Some(' ')), "JosÃ© is José");
        assert!(!invents("é", Some('D'), Some('j')), "a capital opening a word");
    }

    #[test]
    fn symbols_touching_no_word_are_deliberate() {
        assert!(deliberate("¬°", "¡", Some('°'), Some(' ')), "°¬° is a face");
        assert!(!deliberate("┬░", "°", Some('0'), Some('C')), "30┬░C");
        assert!(!deliberate("¬µ", "µ", Some(' '), Some('F')), "100 ¬µF");
        assert!(!deliberate("¬©", "©", Some(' '), Some(' ')), "Copyright ¬© 2023");
        assert!(!deliberate("┬╗", "»", Some('.'), None), "cert.┬╗");
        assert!(!deliberate("√†", "à", Some('('), Some(' ')), "decodes to a letter");
        assert!(!deliberate("Ã©", "é", Some(' '), Some(' ')), "a letter in the run");
    }

    #[test]
    fn a_capital_before_a_no_break_space_or_a_trademark_is_no_misreading() {
        let at = |text: &str, run: &str| {
            let start = text.find(run).unwrap();
            capitals_and_sign(text, start, start + run.len())
        };
        assert!(at("A SANTA IRMÃ\u{a0}DULCE", "Ã\u{a0}"));
        assert!(at("KESÄ\u{a0}TULI", "Ä\u{a0}"));
        assert!(at("AHÅ™, the sofa", "Å™"));
        assert!(!at("voilÃ\u{a0} la", "Ã\u{a0}"), "a misread à before a space");
        assert!(!at("DÃ\u{a0}n", "Ã\u{a0}"), "a misread à inside a word");
        assert!(!at("pÅ™es", "Å™"), "a misread ř inside a word");
        assert!(!at("lékaÅ™ a", "Å™"), "a misread ř ending a word");
    }

    #[test]
    fn macroman_reads_only_symbol_leads() {
        assert!(plausible_lead(Enc::MacRoman, 0xC3), "√");
        assert!(plausible_lead(Enc::MacRoman, 0xE2), "‚");
        assert!(!plausible_lead(Enc::MacRoman, 0xC7), "«");
        assert!(!plausible_lead(Enc::MacRoman, 0xD2), "“");
        assert!(!plausible_lead(Enc::MacRoman, 0xC6), "∆, before °C");
        assert!(plausible_lead(Enc::MacRoman, 0xCE), "Œ, for Greek");
        assert!(plausible_lead(Enc::Windows1252, 0xC7));
    }
}
