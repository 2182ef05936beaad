//! How much a stretch of text looks like mojibake.
//!
//! Mojibake is made of characters that are each ordinary (`Ã`, `©`, `€`,
//! `в`, `Ђ`, `├`) but sit together in ways real writing never puts them: a
//! code page's spelling of a UTF-8 prefix (`â€`, `вЂ`), a capital letter
//! straight after a lowercase one (`cafÃ`), a letter straight before a
//! symbol (`Ã©`), two unrelated symbols touching (`€™`), Latin touching
//! Cyrillic or Greek inside a word (`festivalвЂ`, `ΓÇÖ`), C1 control
//! characters. So the measure is a sum over the characters of a window,
//! over each adjacent pair and over a few triples, plus a penalty for a
//! lone letter of another script than the text around it.
//!
//! A repair is proven when the repaired window scores strictly lower than
//! the original one. Correct text almost always scores 0 where a repair
//! could apply, so the strict comparison alone keeps it untouched; the
//! scores of characters a wrong decoding tends to produce (IPA letters,
//! rare combining marks, a lone letter of another script inside a word)
//! make sure a wrong reading never looks like an improvement.

use std::sync::LazyLock;

use super::tables::bytes_of;

/// What a character does in running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Letter,
    Digit,
    Space,
    /// Quotation marks, straight or curly, and guillemets.
    Quote,
    /// `¡` `¿`: open a sentence, never follow a letter.
    Open,
    /// Closing brackets, sentence punctuation and the ellipsis.
    Close,
    Dash,
    /// Currency, maths, `©`, superscripts, ordinal indicators, emoji.
    Symbol,
    /// Characters that have next to no use outside mojibake and code
    /// pages: spacing accents, `¤`, `¦`, `ƒ`, `‡`.
    Junk,
    /// Box drawing and block elements: fine in a table, odd against a letter.
    Box,
    /// C1 controls U+0080..U+009F.
    Control,
    /// Soft hyphen, zero-width and bidi controls.
    Format,
    /// Combining marks.
    Mark,
    /// ASCII symbols and anything neutral.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    /// Han, kana and Hangul: they mix with Latin words in real text.
    Cjk,
    Other,
    None,
}

#[derive(Clone, Copy, Debug)]
pub struct Class {
    pub kind: Kind,
    pub script: Script,
    pub upper: bool,
    pub lower: bool,
    pub ascii: bool,
    /// Windows-1252 writes it as a byte 0x80..0xBF, a UTF-8 continuation.
    cont_1252: bool,
    /// Bit k: code page k writes it as 0xE2.
    e2: u8,
    /// Bit k: code page k writes it as 0x80, 0x82 or 0x84.
    after_e2: u8,
}

impl Class {
    const fn of(kind: Kind) -> Class {
        Class {
            kind,
            script: Script::None,
            upper: false,
            lower: false,
            ascii: false,
            cont_1252: false,
            e2: 0,
            after_e2: 0,
        }
    }

    fn letter(&self) -> bool {
        self.kind == Kind::Letter
    }
}

fn script_of(cp: u32) -> Script {
    match cp {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x2AF | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F => Script::Latin,
        0xA720..=0xA7FF | 0xAB30..=0xAB6F | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => Script::Cjk,
        _ => Script::Other,
    }
}

fn is_junk(c: char) -> bool {
    matches!(
        c,
        '¤' | '¦' | '¨' | '¬' | '¯' | '¸' | 'ƒ' | '‡' | '⌐' | '⌠' | '⌡' | '₧' | '◊' | '\u{F8FF}' | '\u{2C6}'
            ..='\u{2DF}'
    )
}

/// The class of `c`. Characters below U+3000, where nearly all mojibake
/// lives, come from a table built once: the Unicode property lookups
/// behind `is_alphabetic` are the slow part otherwise.
#[inline]
pub fn class(c: char) -> Class {
    static TABLE: LazyLock<Vec<Class>> = LazyLock::new(|| {
        (0..0x3000u32)
            .map(|cp| char::from_u32(cp).map_or(Class::of(Kind::Other), classify))
            .collect()
    });
    match TABLE.get(c as usize) {
        Some(&cl) => cl,
        None => classify(c),
    }
}

fn classify(c: char) -> Class {
    let mut cl = classify_kind(c);
    if !c.is_ascii() {
        let bytes = bytes_of(c);
        cl.cont_1252 = (0x80..=0xBF).contains(&bytes[0]);
        for (k, &b) in bytes.iter().enumerate() {
            cl.e2 |= u8::from(b == 0xE2) << k;
            cl.after_e2 |= u8::from(matches!(b, 0x80 | 0x82 | 0x84)) << k;
        }
    }
    cl
}

fn classify_kind(c: char) -> Class {
    let cp = c as u32;
    if cp < 0x80 {
        return match c {
            'a'..='z' => Class {
                kind: Kind::Letter,
                script: Script::Latin,
                upper: false,
                lower: true,
                ascii: true,
                ..Class::of(Kind::Letter)
            },
            'A'..='Z' => Class {
                kind: Kind::Letter,
                script: Script::Latin,
                upper: true,
                lower: false,
                ascii: true,
                ..Class::of(Kind::Letter)
            },
            '0'..='9' => Class {
                ascii: true,
                ..Class::of(Kind::Digit)
            },
            ' ' | '\t' | '\n' | '\r' => Class::of(Kind::Space),
            '"' | '\'' => Class::of(Kind::Quote),
            ')' | ']' | '}' | '.' | ',' | ';' | ':' | '!' | '?' => Class::of(Kind::Close),
            '-' => Class::of(Kind::Dash),
            _ => Class::of(Kind::Other),
        };
    }
    let kind = match c {
        '\u{80}'..='\u{9F}' => Kind::Control,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Kind::Space,
        '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Kind::Format,
        '«' | '»' | '‹' | '›' | '‘' | '’' | '‚' | '‛' | '“' | '”' | '„' | '‟' => Kind::Quote,
        '¡' | '¿' => Kind::Open,
        '…' | '\u{3001}' | '\u{3002}' | '\u{FF0C}' | '\u{FF0E}' => Kind::Close,
        '‐' | '‑' | '‒' | '–' | '—' | '―' => Kind::Dash,
        'ª' | 'º' | 'µ' | '\u{B2}' | '\u{B3}' | '\u{B9}' | '¼' | '½' | '¾' => Kind::Symbol,
        _ if is_junk(c) => Kind::Junk,
        '\u{2500}'..='\u{259F}' => Kind::Box,
        '\u{300}'..='\u{36F}'
        | '\u{483}'..='\u{489}'
        | '\u{591}'..='\u{5C7}'
        | '\u{610}'..='\u{61A}'
        | '\u{64B}'..='\u{65F}'
        | '\u{670}'
        | '\u{6D6}'..='\u{6ED}'
        | '\u{711}'
        | '\u{730}'..='\u{74A}'
        | '\u{7A6}'..='\u{7B0}'
        | '\u{7EB}'..='\u{7F3}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}' => Kind::Mark,
        _ if c.is_alphabetic() => {
            return Class {
                kind: Kind::Letter,
                script: script_of(cp),
                upper: c.is_uppercase(),
                lower: c.is_lowercase(),
                ..Class::of(Kind::Letter)
            }
        }
        _ if c.is_numeric() => Kind::Digit,
        _ => Kind::Symbol,
    };
    Class::of(kind)
}

/// The weight of one character, whatever its neighbours. Most characters
/// weigh nothing; these are the ones a correct text rarely contains.
fn char_weight(c: char, prev: Option<Class>) -> u32 {
    let cp = c as u32;
    match cp {
        0x80..=0x9F => 3,
        0xFFFD => 2,
        0xE000..=0xF8FF | 0xF0000.. | 0xFDD0..=0xFDEF => 3,
        _ if cp & 0xFFFE == 0xFFFE => 3,
        // Latin Extended-B: rare, except what Vietnamese, Romanian,
        // Pinyin and Azerbaijani use.
        0x180..=0x24F => match cp {
            0x18F | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1CD..=0x1DC | 0x218..=0x21B => 0,
            _ => 2,
        },
        // IPA: in news text, almost always a misdecoded `É”` or `Ê»`.
        0x250..=0x2AF => u32::from(cp != 0x259) * 3,
        // Spacing modifiers, except the okina, apostrophe and stress marks.
        0x2B0..=0x2FF => match cp {
            0x2BB | 0x2BC | 0x2C8 | 0x2CC | 0x2D0 => 0,
            _ => 2,
        },
        // Combining accents are fine after a letter if they are the
        // accents decomposed text uses.
        0x300..=0x36F => match cp {
            0x300..=0x30C | 0x30F | 0x311 | 0x31B | 0x323..=0x328 | 0x32D | 0x32E | 0x330 | 0x331
                if prev.is_some_and(|p| p.letter()) =>
            {
                0
            }
            _ => 2,
        },
        0x370..=0x385 | 0x3CF..=0x3FF => 2,
        // Cyrillic beyond the modern alphabets: historic letters, titlo.
        0x460..=0x48F | 0x500..=0x52F => 2,
        0x490..=0x4FF => match cp {
            0x490..=0x493 | 0x49A | 0x49B | 0x4A2 | 0x4A3 | 0x4AE..=0x4B1 | 0x4BA | 0x4BB => 0,
            0x4D8 | 0x4D9 | 0x4E8 | 0x4E9 => 0,
            _ => 2,
        },
        // Armenian, Hebrew, Arabic: real scripts, but a two-byte misreading
        // lands on them; Syriac, Thaana, NKo and beyond almost never appear.
        // Their vowel points and accents belong after a letter of their own
        // script, never after a Latin one (`Öš` is not U+059A).
        0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670 => {
            if prev.is_some_and(|p| p.letter() && p.script == Script::Other) {
                2
            } else {
                3
            }
        }
        0x530..=0x6FF => 1,
        0x700..=0x8FF => 2,
        // Blocks a three-byte misreading lands in that news text does not
        // use: Glagolitic, Coptic, Tifinagh, radicals, Bopomofo, Yi, Vai,
        // compatibility ideographs, presentation and small forms.
        0x2C00..=0x2C5F | 0x2C80..=0x2E7F | 0x2E80..=0x2FFF | 0x3100..=0x31FF => 2,
        0xA000..=0xABFF | 0xD7B0..=0xD7FF | 0xF900..=0xFAFF | 0xFB00..=0xFDFF => 2,
        0xFE10..=0xFE1F | 0xFE30..=0xFE6F | 0xFFF0..=0xFFFC => 2,
        _ => match class(c).kind {
            Kind::Junk | Kind::Format => 1,
            Kind::Mark => 2,
            _ => 0,
        },
    }
}

/// Lead bytes read as Windows-1252 that real words never put before a
/// continuation character: `Â` (C2), `Î` (CE: Greek) and `Ñ` (D1:
/// Cyrillic) end no word. `Ã` `â` `Ä` `Å` `Æ` `È` `Ï` `Ð` do end words
/// (`IRMÃ”`, `hâlâ…`, `PERCHÈ”`), so closing punctuation after them proves
/// nothing unless they stand alone.
fn latin1_lead_pair(a: char, b: char, cb: Class) -> bool {
    if !cb.cont_1252 {
        return false;
    }
    let closing = matches!(b, '’' | '”' | '…' | '»');
    match a {
        'Â' | 'Î' | 'Ñ' => true,
        'Ï' | 'â' | 'È' | 'Æ' => !closing,
        'Ã' | 'Ä' | 'Å' | 'Ð' => !closing && !matches!(b, '–' | '—'),
        _ => false,
    }
}

/// The first two bytes of the UTF-8 for the General Punctuation, Currency
/// and Letterlike blocks (E2 80, E2 82, E2 84: `’ “ ” – — … • € ™`), as a
/// code page spells them: `â€`, `вЂ`, `‚Ä`, `ΓÇ`. Most mojibake starts so.
/// Only German writes one of them (`‚Äpfel‘`), and there no continuation
/// byte follows, so it never reaches a run.
fn is_signature(ca: Class, cb: Class) -> bool {
    ca.e2 & cb.after_e2 != 0
}

/// Quotation marks that legitimately touch: nested, doubled or empty.
fn quotes_nest(a: char, b: char) -> bool {
    matches!(
        (a, b),
        ('“', '‘')
            | ('‘', '“')
            | ('’', '”')
            | ('”', '’')
            | ('„', '‚')
            | ('‚', '„')
            | ('«', '‹')
            | ('‹', '«')
            | ('›', '»')
            | ('»', '›')
            | ('‘', '’')
            | ('“', '”')
            | ('"', '\'')
            | ('\'', '"')
    ) || a == b
        || a.is_ascii()
        || b.is_ascii()
}

/// Line style of a box-drawing character: tables keep to one style.
fn box_style(c: char) -> u8 {
    match c {
        '─' | '│' | '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' => 1,
        '═' | '║' | '╔' | '╗' | '╚' | '╝' | '╠' | '╣' | '╦' | '╩' | '╬' => 2,
        '░' | '▒' | '▓' | '█' | '▄' | '▌' | '▐' | '▀' => 3,
        _ => 0, // mixed single/double pieces join either style
    }
}

fn pair_weight(a: char, ca: Class, b: char, cb: Class) -> u32 {
    use Kind::*;
    if is_signature(ca, cb) {
        return 3;
    }
    if latin1_lead_pair(a, b, cb) {
        return 2;
    }
    match (ca.kind, cb.kind) {
        (Letter, Letter) => {
            let (sa, sb) = (ca.script, cb.script);
            if sa != sb {
                // Latin mixes with CJK words and with Greek maths (`MΩ`).
                match (sa, sb) {
                    (Script::Latin, Script::Cjk | Script::Greek) | (Script::Cjk | Script::Greek, Script::Latin) => 1,
                    _ => 2,
                }
            } else {
                // `cafÃ`: a capital inside a lowercase word; `Ãœ`: a capital
                // before a Windows-1252 letter no word starts with.
                let capital_inside = ca.lower && cb.upper && !cb.ascii;
                let odd_follower = cb.lower && ca.upper && !ca.ascii && matches!(b, 'š' | 'œ' | 'ž');
                2 * u32::from(capital_inside || odd_follower)
            }
        }
        (Letter, Symbol | Junk) => {
            if !ca.ascii {
                2
            } else {
                u32::from(!matches!(b, '™' | '®' | '©' | '°'))
            }
        }
        (Letter, Open) => 2,
        // Low-9 quotes open a quotation: never straight after a letter.
        (Letter, Quote) => 2 * u32::from(matches!(b, '‚' | '„')),
        (Letter | Digit, Box) | (Box, Letter) => 2,
        (Box, Symbol | Junk) | (Symbol | Junk, Box) => 1,
        (Box, Box) => {
            let (x, y) = (box_style(a), box_style(b));
            u32::from(x != 0 && y != 0 && x != y)
        }
        (Quote, Quote) => u32::from(!quotes_nest(a, b)),
        (Symbol | Junk, Letter) => 1,
        (Symbol | Junk | Open | Quote, Symbol | Junk | Open | Quote) => u32::from(a != b),
        (Dash, Symbol | Junk) => 1,
        // MacRoman's `‚` (E2) before an accented letter German never
        // starts a word with: `‚àà` is `∈`.
        (Quote, Letter) if a == '‚' && !cb.ascii && !matches!(b, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü') => 2,
        (Quote, Letter) => u32::from(matches!(a, '»' | '”' | '›')),
        (Close, Letter) => u32::from(a == '…'),
        _ => 0,
    }
}

fn triple_weight(a: Class, b: char, c_char: char, c: Class) -> u32 {
    // A word that is only `Ã` or `Å` does not exist; `IRMÃ”` does.
    if matches!(b, 'Ã' | 'Å' | 'Ä' | 'Ð' | 'â' | 'Ï')
        && !a.letter()
        && matches!(c_char, '’' | '”' | '…' | '»' | '–' | '—')
    {
        return 2;
    }
    if !(a.letter() && c.letter()) {
        return 0;
    }
    let cb = class(b);
    if cb.letter() && a.script == c.script && cb.script != a.script {
        return 2; // one letter of another script inside a word
    }
    match b {
        '“' | '”' | '„' | '‚' | '«' | '»' | '‹' | '›' => 2,
        '‘' | '…' => 1,
        '–' | '—' if c.lower => 1 + u32::from(a.upper && !a.ascii),
        _ => 0,
    }
}

/// The text around a window: the characters that touch it and the script
/// of the nearest letters on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    pub prev: Option<char>,
    pub next: Option<char>,
    pub script_before: Script,
    pub script_after: Script,
}

impl Context {
    /// Look around `text[start..end]`, up to a few dozen bytes each way.
    pub fn around(text: &str, start: usize, end: usize) -> Context {
        let before = &text[..start];
        let after = &text[end..];
        let nearest = |mut it: &mut dyn Iterator<Item = char>| -> Script {
            for c in &mut it {
                let cl = class(c);
                if cl.letter() {
                    return cl.script;
                }
                if c == '\n' {
                    break;
                }
            }
            Script::None
        };
        Context {
            prev: before.chars().next_back(),
            next: after.chars().next(),
            script_before: nearest(&mut before.chars().rev().take(24)),
            script_after: nearest(&mut after.chars().take(24)),
        }
    }
}

/// The weirdness of `s` sitting in `ctx`.
pub fn weirdness(s: &str, ctx: &Context) -> u32 {
    let mut seq = ctx
        .prev
        .map(|c| (c, false))
        .into_iter()
        .chain(s.chars().map(|c| (c, true)))
        .chain(ctx.next.map(|c| (c, false)))
        .peekable();
    let mut total = 0;
    let mut p2: Option<Class> = None;
    let mut p1: Option<(char, Class)> = None;
    let mut first_script = Script::None;
    let mut letters = 0;
    // The character before the pair's first, for a letter standing alone.
    let mut before_pair: Option<char> = None;
    while let Some((c, inner)) = seq.next() {
        let cl = class(c);
        if inner {
            total += char_weight(c, p1.map(|p| p.1));
            if cl.letter() {
                letters += 1;
                if first_script == Script::None {
                    first_script = cl.script;
                }
            }
        }
        if let Some((a, ca)) = p1 {
            // `Kirjain Ä on`: a Nordic or Portuguese capital standing alone,
            // then a no-break space before the next word, is typography
            // (Finnish, Swedish, Danish, Portuguese letter names and words).
            // Mojibake of `à` (C3 A0) keeps the space after it: `Ã\u{a0} la`.
            // `Î` or `Â` stand alone in no language, so `Î\u{a0}y` is `Πy`.
            let word_start = !before_pair.is_some_and(char::is_alphanumeric);
            let word_after = seq.peek().is_some_and(|&(n, _)| n.is_alphabetic());
            let letter_word = matches!(a, 'Ä' | 'Å' | 'Æ' | 'Ø' | 'Ö' | 'Ã');
            if !(c == '\u{a0}' && letter_word && word_start && word_after) {
                total += pair_weight(a, ca, c, cl);
            }
            if let Some(cz) = p2 {
                total += triple_weight(cz, a, c, cl);
            }
        }
        p2 = p1.map(|p| p.1);
        before_pair = p1.map(|p| p.0);
        p1 = Some((c, cl));
    }
    // `3√π`, `√π appears`: a repair that leaves a lowercase letter standing
    // alone which is a word in no language (`ù`, unlike `à`, `í` or `ø`)
    // read maths as mojibake.
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let alone = !ctx.prev.is_some_and(char::is_alphabetic) && !ctx.next.is_some_and(char::is_alphabetic);
        if alone && matches!(c, 'ù' | 'ì' | 'û' | 'ï' | 'ë' | 'ÿ') {
            total += 1;
        }
    }
    // A lone letter or word of another script inside running text.
    // (Greek letters stand alone in Latin text as maths: `π`, `α = 0.05`;
    // CJK words sit in Latin text, but a single ideograph rarely does.)
    let sides = [ctx.script_before, ctx.script_after];
    let maths = first_script == Script::Greek && sides.contains(&Script::Latin);
    let cjk_word = first_script == Script::Cjk && letters > 1;
    if first_script != Script::None
        && !maths
        && !cjk_word
        && sides.iter().any(|&s| s != Script::None)
        && sides.iter().all(|&s| s == Script::None || s != first_script)
    {
        total += 2;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str, start: usize, end: usize) -> u32 {
        weirdness(&text[start..end], &Context::around(text, start, end))
    }

    fn in_place(before: &str, s: &str, after: &str) -> u32 {
        let text = format!("{before}{s}{after}");
        w(&text, before.len(), before.len() + s.len())
    }

    #[test]
    fn mojibake_scores_higher_than_its_repair() {
        for (bad, good, before, after) in [
            ("Ã©", "é", "caf", " au lait"),
            ("â€™", "’", "don", "t"),
            ("Â£", "£", "a pint for ", "7.50"),
            ("вЂ™", "’", "festival", "s"),
            ("├⌐", "é", "caf", "s"),
            ("ΓÇÖ", "’", "it", "s"),
            ("‚Äô", "’", "it", "s"),
            ("√©", "é", "caf", " "),
            ("Ã–", "Ö", " ", "sterreich"),
            ("\u{e2}\u{80}\u{99}", "’", "it", "s"),
        ] {
            let (b, g) = (in_place(before, bad, after), in_place(before, good, after));
            assert!(b > g, "{bad:?} scored {b}, {good:?} scored {g}");
            assert_eq!(g, 0, "{good:?}");
        }
    }

    #[test]
    fn a_capital_before_a_no_break_space_is_typography() {
        for text in ["Kirjain Ä\u{a0}on", "ja Å\u{a0}on", "og Æ\u{a0}er", "a Ã\u{a0}sia"] {
            let at = text.find('\u{a0}').unwrap();
            let start = text[..at].char_indices().next_back().unwrap().0;
            assert_eq!(w(text, start, at + 2), 0, "{text:?}");
        }
        // Glued to a digit or a word, or before a space, it is still mojibake.
        assert!(w("voilÃ\u{a0} la", 4, 8) > 0);
    }

    #[test]
    fn correct_text_near_misses_score_zero() {
        for (before, s, after) in [
            ("IRM", "Ã”", " was"),
            ("CAF", "É”", ""),
            ("Москва ", "ВІ", "ЙНА"),
            ("Вітер ", "віє", " над"),
            ("l", "’é", "té"),
            ("", "“É", "cole”"),
        ] {
            assert_eq!(in_place(before, s, after), 0, "{s:?}");
        }
    }

    #[test]
    fn wrong_readings_of_correct_text_look_worse() {
        // `É”` read as UTF-8 is an IPA letter; `ÍŠ` a rare combining mark.
        assert!(in_place("CAF", "ɔ", "") > 0);
        assert!(in_place("P", "\u{34A}", "E") > 0);
        assert!(in_place("Nescaf", "鮒", "s") > 2);
    }

    #[test]
    fn context_characters_are_not_counted_for_themselves() {
        assert_eq!(in_place("\u{92}", "a", "\u{92}"), 0);
    }
}
