//! The upper halves (bytes 0x80..0xFF) of the single-byte code pages UTF-8
//! gets misread as, and the reverse lookup from a character to its byte.
//!
//! Generated once from Python's `codecs` and pasted as data, so the rule
//! needs no encoding crate and the tables can be read and reviewed here.

use std::sync::LazyLock;

/// Windows-1252. The five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90,
/// 0x9D) read as the C1 controls of the same number, as browsers and most
/// lenient decoders read them.
pub static WINDOWS_1252: [char; 128] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', // 0x80
    'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', // 0x88
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', // 0x90
    '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ', // 0x98
    '\u{a0}', '¡', '¢', '£', '¤', '¥', '¦', '§', // 0xA0
    '¨', '©', 'ª', '«', '¬', '\u{ad}', '®', '¯', // 0xA8
    '°', '±', '²', '³', '´', 'µ', '¶', '·', // 0xB0
    '¸', '¹', 'º', '»', '¼', '½', '¾', '¿', // 0xB8
    'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Æ', 'Ç', // 0xC0
    'È', 'É', 'Ê', 'Ë', 'Ì', 'Í', 'Î', 'Ï', // 0xC8
    'Ð', 'Ñ', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', '×', // 0xD0
    'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ý', 'Þ', 'ß', // 0xD8
    'à', 'á', 'â', 'ã', 'ä', 'å', 'æ', 'ç', // 0xE0
    'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï', // 0xE8
    'ð', 'ñ', 'ò', 'ó', 'ô', 'õ', 'ö', '÷', // 0xF0
    'ø', 'ù', 'ú', 'û', 'ü', 'ý', 'þ', 'ÿ', // 0xF8
];

/// ISO-8859-1: every byte is the code point of the same number, so
/// 0x80..0x9F are C1 controls.
pub static LATIN_1: [char; 128] = [
    '\u{80}', '\u{81}', '\u{82}', '\u{83}', '\u{84}', '\u{85}', '\u{86}', '\u{87}', // 0x80
    '\u{88}', '\u{89}', '\u{8a}', '\u{8b}', '\u{8c}', '\u{8d}', '\u{8e}', '\u{8f}', // 0x88
    '\u{90}', '\u{91}', '\u{92}', '\u{93}', '\u{94}', '\u{95}', '\u{96}', '\u{97}', // 0x90
    '\u{98}', '\u{99}', '\u{9a}', '\u{9b}', '\u{9c}', '\u{9d}', '\u{9e}', '\u{9f}', // 0x98
    '\u{a0}', '¡', '¢', '£', '¤', '¥', '¦', '§', // 0xA0
    '¨', '©', 'ª', '«', '¬', '\u{ad}', '®', '¯', // 0xA8
    '°', '±', '²', '³', '´', 'µ', '¶', '·', // 0xB0
    '¸', '¹', 'º', '»', '¼', '½', '¾', '¿', // 0xB8
    'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Æ', 'Ç', // 0xC0
    'È', 'É', 'Ê', 'Ë', 'Ì', 'Í', 'Î', 'Ï', // 0xC8
    'Ð', 'Ñ', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', '×', // 0xD0
    'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ý', 'Þ', 'ß', // 0xD8
    'à', 'á', 'â', 'ã', 'ä', 'å', 'æ', 'ç', // 0xE0
    'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï', // 0xE8
    'ð', 'ñ', 'ò', 'ó', 'ô', 'õ', 'ö', '÷', // 0xF0
    'ø', 'ù', 'ú', 'û', 'ü', 'ý', 'þ', 'ÿ', // 0xF8
];

/// Mac OS Roman (0xF0 is the Apple logo, a private-use character).
pub static MAC_ROMAN: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', // 0x80
    'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', // 0x88
    'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ñ', 'ó', // 0x90
    'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', // 0x98
    '†', '°', '¢', '£', '§', '•', '¶', 'ß', // 0xA0
    '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', // 0xA8
    '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', // 0xB0
    '∏', 'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', // 0xB8
    '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', // 0xC0
    '»', '…', '\u{a0}', 'À', 'Ã', 'Õ', 'Œ', 'œ', // 0xC8
    '–', '—', '“', '”', '‘', '’', '÷', '◊', // 0xD0
    'ÿ', 'Ÿ', '⁄', '€', '‹', '›', 'ﬁ', 'ﬂ', // 0xD8
    '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', // 0xE0
    'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô', // 0xE8
    '\u{f8ff}', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', // 0xF0
    '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ', // 0xF8
];

/// IBM PC code page 437 (DOS, Windows consoles).
pub static CP437: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', // 0x80
    'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', // 0x88
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', // 0x90
    'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ', // 0x98
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', // 0xA0
    '¿', '⌐', '¬', '½', '¼', '¡', '«', '»', // 0xA8
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', // 0xB0
    '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐', // 0xB8
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', // 0xC0
    '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', // 0xC8
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', // 0xD0
    '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀', // 0xD8
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', // 0xE0
    'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', // 0xE8
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', // 0xF0
    '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{a0}', // 0xF8
];

/// Windows-1251 (Cyrillic); the undefined byte 0x98 reads as the C1 control U+0098.
pub static WINDOWS_1251: [char; 128] = [
    'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', // 0x80
    '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', // 0x88
    'ђ', '‘', '’', '“', '”', '•', '–', '—', // 0x90
    '\u{98}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ', // 0x98
    '\u{a0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', // 0xA0
    'Ё', '©', 'Є', '«', '¬', '\u{ad}', '®', 'Ї', // 0xA8
    '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', // 0xB0
    'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї', // 0xB8
    'А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж', 'З', // 0xC0
    'И', 'Й', 'К', 'Л', 'М', 'Н', 'О', 'П', // 0xC8
    'Р', 'С', 'Т', 'У', 'Ф', 'Х', 'Ц', 'Ч', // 0xD0
    'Ш', 'Щ', 'Ъ', 'Ы', 'Ь', 'Э', 'Ю', 'Я', // 0xD8
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', // 0xE0
    'и', 'й', 'к', 'л', 'м', 'н', 'о', 'п', // 0xE8
    'р', 'с', 'т', 'у', 'ф', 'х', 'ц', 'ч', // 0xF0
    'ш', 'щ', 'ъ', 'ы', 'ь', 'э', 'ю', 'я', // 0xF8
];

/// Windows-1250, Central European: Polish, Czech, Slovak, Hungarian,
/// Slovene, Croatian, Romanian. Undefined bytes read as C1 controls.
pub static WINDOWS_1250: [char; 128] = [
    '€', '\u{81}', '‚', '\u{83}', '„', '…', '†', '‡', // 0x80
    '\u{88}', '‰', 'Š', '‹', 'Ś', 'Ť', 'Ž', 'Ź', // 0x88
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', // 0x90
    '\u{98}', '™', 'š', '›', 'ś', 'ť', 'ž', 'ź', // 0x98
    '\u{a0}', 'ˇ', '˘', 'Ł', '¤', 'Ą', '¦', '§', // 0xA0
    '¨', '©', 'Ş', '«', '¬', '\u{ad}', '®', 'Ż', // 0xA8
    '°', '±', '˛', 'ł', '´', 'µ', '¶', '·', // 0xB0
    '¸', 'ą', 'ş', '»', 'Ľ', '˝', 'ľ', 'ż', // 0xB8
    'Ŕ', 'Á', 'Â', 'Ă', 'Ä', 'Ĺ', 'Ć', 'Ç', // 0xC0
    'Č', 'É', 'Ę', 'Ë', 'Ě', 'Í', 'Î', 'Ď', // 0xC8
    'Đ', 'Ń', 'Ň', 'Ó', 'Ô', 'Ő', 'Ö', '×', // 0xD0
    'Ř', 'Ů', 'Ú', 'Ű', 'Ü', 'Ý', 'Ţ', 'ß', // 0xD8
    'ŕ', 'á', 'â', 'ă', 'ä', 'ĺ', 'ć', 'ç', // 0xE0
    'č', 'é', 'ę', 'ë', 'ě', 'í', 'î', 'ď', // 0xE8
    'đ', 'ń', 'ň', 'ó', 'ô', 'ő', 'ö', '÷', // 0xF0
    'ř', 'ů', 'ú', 'ű', 'ü', 'ý', 'ţ', '˙', // 0xF8
];

/// A code page UTF-8 text can be misread as. Windows-1252 and Latin-1 share
/// a scan: they agree on 0xA0..0xFF, and a lenient decoder mixes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enc {
    Windows1252,
    MacRoman,
    Cp437,
    Windows1251,
    Windows1250,
}

impl Enc {
    /// In order of preference when two readings are equally good: the
    /// common misreadings first.
    pub const ALL: [Enc; 5] = [
        Enc::Windows1252,
        Enc::Windows1251,
        Enc::Windows1250,
        Enc::MacRoman,
        Enc::Cp437,
    ];

    pub const fn index(self) -> usize {
        match self {
            Enc::Windows1252 => 0,
            Enc::MacRoman => 1,
            Enc::Cp437 => 2,
            Enc::Windows1251 => 3,
            Enc::Windows1250 => 4,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Enc::Windows1252 => "Windows-1252",
            Enc::MacRoman => "MacRoman",
            Enc::Cp437 => "CP437",
            Enc::Windows1251 => "Windows-1251",
            Enc::Windows1250 => "Windows-1250",
        }
    }

    pub fn table(self) -> &'static [char; 128] {
        match self {
            Enc::Windows1252 => &WINDOWS_1252,
            Enc::MacRoman => &MAC_ROMAN,
            Enc::Cp437 => &CP437,
            Enc::Windows1251 => &WINDOWS_1251,
            Enc::Windows1250 => &WINDOWS_1250,
        }
    }
}

/// The byte each encoding gives a character, 0 where it has none.
/// Indexed by [`Enc::index`].
pub type Bytes = [u8; 5];

/// A page table over the Basic Multilingual Plane: one 256-entry page for
/// each block that any table uses, so a lookup is two indexing steps.
struct Reverse {
    pages: Vec<Option<Box<[Bytes; 256]>>>,
}

static REVERSE: LazyLock<Reverse> = LazyLock::new(|| {
    let mut pages: Vec<Option<Box<[Bytes; 256]>>> = vec![None; 256];
    let mut put = |c: char, enc: usize, byte: u8| {
        let cp = c as usize;
        let page = pages[cp >> 8].get_or_insert_with(|| Box::new([[0; 5]; 256]));
        // Windows-1252 comes first, so a Latin-1 C1 control never
        // overwrites a Windows-1252 byte.
        if page[cp & 0xFF][enc] == 0 {
            page[cp & 0xFF][enc] = byte;
        }
    };
    for enc in Enc::ALL {
        for (i, &c) in enc.table().iter().enumerate() {
            put(c, enc.index(), 0x80 + i as u8);
        }
    }
    // Latin-1 fills the C1 gaps of Windows-1252: a lenient reader that fell
    // back to Latin-1 for a byte leaves its C1 control there.
    for (i, &c) in LATIN_1.iter().enumerate() {
        put(c, Enc::Windows1252.index(), 0x80 + i as u8);
    }
    Reverse { pages }
});

/// The byte each encoding writes `c` as, for non-ASCII `c`; 0 where the
/// encoding cannot write it.
#[inline]
pub fn bytes_of(c: char) -> Bytes {
    let cp = c as usize;
    match REVERSE.pages.get(cp >> 8) {
        Some(Some(page)) => page[cp & 0xFF],
        _ => [0; 5],
    }
}

/// True for the characters Windows-1252 has at 0x80..0x9F and Latin-1
/// does not: seeing one means the reader was Windows-1252.
pub fn is_1252_only(c: char) -> bool {
    WINDOWS_1252[..32].contains(&c) && !('\u{80}'..='\u{9f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_round_trips_through_the_reverse_lookup() {
        for enc in Enc::ALL {
            for (i, &c) in enc.table().iter().enumerate() {
                assert_eq!(bytes_of(c)[enc.index()], 0x80 + i as u8, "{enc:?} {c:?}");
            }
        }
    }

    #[test]
    fn latin_1_is_the_identity_on_the_upper_half() {
        for (i, &c) in LATIN_1.iter().enumerate() {
            assert_eq!(c as u32, 0x80 + i as u32);
        }
        assert_eq!(bytes_of('\u{80}')[0], 0x80);
        assert_eq!(bytes_of('€')[0], 0x80);
    }

    #[test]
    fn spot_checks_match_the_code_pages() {
        assert_eq!(bytes_of('√')[Enc::MacRoman.index()], 0xC3);
        assert_eq!(bytes_of('├')[Enc::Cp437.index()], 0xC3);
        assert_eq!(bytes_of('в')[Enc::Windows1251.index()], 0xE2);
        assert_eq!(bytes_of('Ђ')[Enc::Windows1251.index()], 0x80);
        assert_eq!(bytes_of('™')[Enc::Windows1252.index()], 0x99);
        assert_eq!(bytes_of('Ă')[Enc::Windows1250.index()], 0xC3);
        assert_eq!(bytes_of('ア'), [0; 5]);
    }
}
