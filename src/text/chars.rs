//! Character classes: which scripts join, break or run right to left, and
//! which characters are CJK or full-width.

/// The characters of `text` outside ASCII, found without decoding the ASCII
/// between them, which is most of a Latin text: a question about a script
/// other than Latin asks only these.
pub(crate) fn non_ascii(text: &str) -> impl Iterator<Item = char> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Eight bytes at a time while all are ASCII.
        while let Some(word) = b.get(i..i + 8) {
            if u64::from_ne_bytes(word.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        let at = i + b.get(i..)?.iter().position(|x| !x.is_ascii())?;
        let c = text[at..].chars().next().expect("a byte after ASCII starts a char");
        i = at + c.len_utf8();
        Some(c)
    })
}

/// Scripts whose shaping relies on zero-width joiners and non-joiners:
/// Arabic and Persian, Syriac, the Indic scripts, Tibetan, Myanmar, Khmer,
/// Mongolian (`می‌خواهم`, `क्‍ष`).
pub(crate) fn uses_joiners(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x08FF
        | 0x0900..=0x0DFF
        | 0x0F00..=0x0FFF
        | 0x1000..=0x109F
        | 0x1780..=0x18AF
        | 0xA8E0..=0xA8FF
        | 0xA9E0..=0xA9FF
        | 0xAA60..=0xAA7F
        | 0xFB50..=0xFDFF
        | 0xFE70..=0xFEFE
        | 0x10A00..=0x10A5F
        | 0x11000..=0x11FFF)
}

/// Scripts written without spaces, where a zero-width space marks a word
/// break for line wrapping: Thai, Lao, Tibetan, Myanmar, Khmer, Tai Tham,
/// Balinese, Javanese.
pub(crate) fn breaks_with_zwsp(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF
        | 0x0F00..=0x0FFF
        | 0x1000..=0x109F
        | 0x1780..=0x17FF
        | 0x1A20..=0x1AAF
        | 0x1B00..=0x1B7F
        | 0xA980..=0xA9DF)
}

/// Characters that take part in emoji ZWJ sequences (`👩‍💻`, `❤️‍🔥`).
pub(crate) fn is_emoji_part(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF
        | 0x2190..=0x21FF
        | 0x2300..=0x23FF
        | 0x2600..=0x27BF
        | 0x2B00..=0x2BFF
        | 0xFE0F
        | 0x20E3
        | 0xE0020..=0xE007F
        | 0xA9
        | 0xAE
        | 0x203C
        | 0x2049
        | 0x2122
        | 0x2139)
}

/// Whether `text` holds a right-to-left letter (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko…), read from its non-ASCII characters only.
pub(crate) fn has_rtl(text: &str) -> bool {
    non_ascii(text).any(is_rtl)
}

/// Right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms, and the historic RTL scripts.
pub(crate) fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF
        | 0xFB1D..=0xFDFF
        | 0xFE70..=0xFEFE
        | 0x10800..=0x10FFF
        | 0x1E800..=0x1EFFF)
}

/// Han, kana, Hangul and Bopomofo: the letters of CJK text.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'   // Hangul Jamo
        | '\u{2E80}'..='\u{2FDF}' // CJK and Kangxi radicals
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3100}'..='\u{312F}' // Bopomofo
        | '\u{3130}'..='\u{318F}' // Hangul compatibility Jamo
        | '\u{31A0}'..='\u{31FF}' // Bopomofo extended, Katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{A000}'..='\u{A4CF}' // Yi syllables and radicals
        | '\u{A960}'..='\u{A97F}' // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7FF}' // Hangul syllables and Jamo extended B
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FFDC}' // half-width Katakana and Hangul
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// CJK symbols and punctuation, U+3000–U+303F: the ideographic space,
/// `、` `。`, corner and angle brackets (`「」`, `《》`), which only CJK text sets.
pub(crate) fn is_cjk_symbol(c: char) -> bool {
    ('\u{3000}'..='\u{303F}').contains(&c)
}

/// A letter of a script written without spaces between words: Han, kana,
/// Bopomofo and Yi, but not Hangul, which Korean spaces.
pub(crate) fn is_unspaced_letter(c: char) -> bool {
    is_cjk_letter(c)
        && !matches!(c,
            '\u{1100}'..='\u{11FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{A960}'..='\u{A97F}'
            | '\u{AC00}'..='\u{D7FF}'
            | '\u{FFA0}'..='\u{FFDC}')
}

/// A letter of a script that writes no spaces between words (Thai, Lao,
/// Tibetan, Myanmar, Khmer, Tai Tham, Balinese, Javanese): a space there
/// marks a phrase, and a no-break space is the writer's choice.
pub(crate) fn is_unspaced_script_letter(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0FFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{1980}'..='\u{1AAF}'
        | '\u{1B00}'..='\u{1B7F}'
        | '\u{A980}'..='\u{A9FF}'
        | '\u{AA60}'..='\u{AA7F}')
}

/// A sentence or clause mark of a script other than Latin (Devanagari's
/// danda `।`, Khmer's `។` and `៖`, Thai's `ฯ`, Myanmar's `။`, Tibetan's
/// `།`, Armenian's `։`, Ethiopic's `።`, Arabic's `؟` `،` `؛`, Greek's
/// `·`): what typography may set off with a no-break space.
pub(crate) fn is_script_mark(c: char) -> bool {
    matches!(c,
        '\u{0964}' | '\u{0965}'
        | '\u{17D4}'..='\u{17D6}' | '\u{17DA}'
        | '\u{0E2F}' | '\u{0E5A}' | '\u{0E5B}'
        | '\u{104A}' | '\u{104B}'
        | '\u{0F0D}'..='\u{0F12}'
        | '\u{0589}' | '\u{055D}' | '\u{055E}'
        | '\u{1361}'..='\u{1368}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}'
        | '\u{1802}' | '\u{1803}'
        | '\u{0387}' | '…' | '‽' | '\u{2E2E}')
}

/// Full-width forms (`Ａ`, `１`, `，`), which belong to neither script.
pub(crate) fn is_fullwidth_form(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// A letter or digit of Latin-script (or other non-CJK) text.
pub(crate) fn is_latin_alnum(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk_letter(c) && !is_fullwidth_form(c)
}

/// A `“` or `”` at `at` that is the last piece of mojibake, not a quotation
/// mark: UTF-8 read as Windows-1252 turns `–` (E2 80 93) into `â€“`, `—`
/// into `â€”` and `Ó` (C3 93) into `Ã“`. A quote rule that judged it would
/// pad or glue the dash the decoder restores (`â€“ wij` → `–wij`).
pub(crate) fn mojibake_quote(text: &str, at: usize) -> bool {
    let head = &text[..at];
    head.ends_with('€') || (head.ends_with('Ã') && text[at..].starts_with('“'))
}

#[cfg(test)]
mod tests {

    #[test]
    fn non_ascii_yields_every_character_outside_ascii_in_order() {
        // Characters on both sides of eight-byte words, at the ends, and in runs.
        for text in [
            "",
            "plain ASCII only, longer than sixteen bytes",
            "é",
            "abcdefgé",
            "abcdefghé",
            "“Quoted” text — with 中文 and 한국어, then ASCII again.",
            "ééééééééé",
            "twelve bytes😀x",
        ] {
            let expected: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
            assert_eq!(non_ascii(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }
    use super::*;

    #[test]
    fn tells_cjk_letters_from_latin_ones() {
        assert!(is_cjk_letter('中'));
        assert!(is_cjk_letter('カ'));
        assert!(is_cjk_letter('한'));
        assert!(!is_cjk_letter('a'));
        assert!(!is_cjk_letter('，'));
        assert!(is_latin_alnum('é'));
        assert!(!is_latin_alnum('Ａ'));
    }
}
