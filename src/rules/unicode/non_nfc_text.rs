use std::collections::HashSet;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::prelude::*;

pub struct NonNfcText;

static META: RuleMeta = RuleMeta {
    code: "U007",
    name: "non-nfc-text",
    family: Family::Unicode,
    summary: "Letters written decomposed (`e` + U+0301) instead of in Unicode NFC (`é`)",
    docs: "\
Flags letters written decomposed where Unicode Normalization Form C has
one character for them: `Rene\\u{301}e` (an `e` followed by a combining
acute accent) where `Renée` is meant, and the symbols NFC replaces by a
letter twin (the Ohm sign `Ω` by `Ω`, the Kelvin and Ångström signs).

The two spellings look the same but compare, search and count differently:
`Renée` does not match `Rene\\u{301}e`. Text from macOS file systems, some
PDFs and some keyboards arrives decomposed.

Only canonical normalization is applied, never the compatibility forms
(NFKC would turn `ﬁ` into `fi`, `²` into `2` and full-width letters into
ASCII, which changes what the text shows).

Left alone: text already in NFC; a letter the text writes decomposed
every time, which is its keyboard's choice (tone marks typed apart in
Vietnamese, Yoruba or Mossi, scholarly transliteration), where a letter
written both ways shows the text was pieced together from several
sources (in English, which has no accents of its own, any accented
letter written whole shows that); CJK compatibility ideographs
(U+F900–U+FAFF, U+2F800–U+2FA1F), which NFC maps to a unified ideograph
that some fonts draw differently; and the differences from NFC that are
a script's own spelling, not a decomposed letter: combining marks in
another order (Arabic vowel signs typed shadda last), Hebrew, Arabic and
Syriac pointing, which writes marks such as the Uthmani maddah as signs
of their own, letters NFC
deliberately keeps apart (Bengali and Devanagari nukta forms such as
`য়`) and polytonic Greek accents (oxia), which NFC maps to their
monotonic twins, and Indic vowels typed in their two parts.

Fix (safe): compose the run. The result looks the same and keeps every
letter.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "said Rene\u{301}e Castellanos from Jose\u{301} Mari\u{301}a Alvarado’s band, at the café of María.",
            output: "said Renée Castellanos from José María Alvarado’s band, at the café of María.",
        },
        Fixture {
            input: "A 4.7 k\u{2126} resistor and the Korean \u{1100}\u{1161} of 한국.",
            output: "A 4.7 kΩ resistor and the Korean 가 of 한국.",
        },
    ],
    keeps: &[
        "The café’s owner, Zoë, makes a naïve crème brûlée.",
        "Ligatures ﬁ, superscripts x² and full-width Ａ are not canonical forms.",
        "A CJK compatibility ideograph \u{F900} stays.",
        "Ba\u{300} Ma\u{304}ori written decomposed throughout, as some keyboards do.",
        "Bengali vowels in two parts: \u{995}\u{9c7}\u{9be}.",
        "Arabic marks in typing order: \u{628}\u{64e}\u{651}, Bengali \u{9df}, polytonic Greek \u{1f79}.",
    ],
};

impl Rule for NonNfcText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Every character below U+0300 is in NFC and composes with nothing
        // before it; U+0300 and up start with a byte of 0xCC or more.
        if !doc.bytes().has_non_ascii() || !(0xCC..=0xF4).any(|b| doc.bytes().contains(b)) {
            return;
        }
        let text = doc.text();
        let b = text.as_bytes();
        let from = out.len();
        let mut i = 0;
        while let Some(hit) = next_lead_at_or_above_u0300(b, i) {
            // Whitespace never composes, so a run between spaces is judged alone.
            let start = b[i..hit]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(i, |p| i + p + 1);
            let end = b[hit..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(b.len(), |p| hit + p);
            check_run(text, start, end, out);
            i = end;
        }
        // A letter the text always writes decomposed is its keyboard's
        // choice (tone marks typed apart, in Vietnamese, Yoruba, Mossi); a
        // letter written both ways was pieced together from sources, and
        // its decomposed words do not match the others. English has no
        // accents of its own: any accented letter written whole shows its
        // decomposed names were pasted in.
        if out.len() > from {
            let written_whole: HashSet<char> = crate::text::chars::non_ascii(text)
                .filter(|&c| is_precomposed(c))
                .collect();
            let hangul = written_whole.iter().any(|&c| is_hangul_syllable(c));
            let found = out.split_off(from);
            out.extend(found.into_iter().filter(|d| {
                is_symbol_twin(doc.slice(d.span))
                    || (!written_whole.is_empty() && doc.language_at(d.span.start) == Some(Lang::English))
                    || d.fix.iter().flat_map(|f| &f.edits).any(|e| {
                        e.content
                            .chars()
                            .any(|c| written_whole.contains(&c) || (hangul && is_hangul_syllable(c)))
                    })
            }));
        }
    }
}

/// Korean typed as conjoining jamo is one spelling; any syllable written
/// whole beside it shows the text mixes the two.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The Ohm, Kelvin and Ångström signs, which NFC replaces by letters.
fn is_symbol_twin(s: &str) -> bool {
    matches!(s, "\u{2126}" | "\u{212A}" | "\u{212B}")
}

/// A letter NFC keeps whole that has a canonical decomposition: `é`, `ậ`.
fn is_precomposed(c: char) -> bool {
    c >= '\u{c0}' && c.is_alphabetic() && std::iter::once(c).nfd().nth(1).is_some()
}

/// The first byte at or after `from` that starts a character of U+0300 or
/// above (a lead byte of 0xCC or more), skipping ASCII eight bytes at a time.
fn next_lead_at_or_above_u0300(b: &[u8], mut i: usize) -> Option<usize> {
    while i < b.len() {
        if i + 8 <= b.len() {
            let word = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
            let high = word & 0x8080_8080_8080_8080;
            if high == 0 {
                i += 8;
                continue;
            }
            i += (high.trailing_zeros() / 8) as usize;
        } else if b[i] < 0x80 {
            i += 1;
            continue;
        }
        match b[i] {
            0xCC.. => return Some(i),
            0xC0..=0xCB => i += 2,
            _ => i += 1,
        }
    }
    None
}

fn check_run(text: &str, start: usize, end: usize, out: &mut Vec<Diagnostic>) {
    let run = &text[start..end];
    if is_nfc_quick(run.chars()) == IsNormalized::Yes {
        return;
    }
    let nfc: String = run.nfc().collect();
    if nfc == run {
        return;
    }
    // Report only the part that changes.
    let prefix: usize = run
        .chars()
        .zip(nfc.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = run[prefix..]
        .chars()
        .rev()
        .zip(nfc[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let before = &run[prefix..run.len() - suffix];
    let after = &nfc[prefix..nfc.len() - suffix];
    if before
        .chars()
        .any(|c| matches!(c as u32, 0xF900..=0xFAFF | 0x2F800..=0x2FA1F))
    {
        return;
    }
    // Hebrew, Arabic and Syriac pointing writes its marks as signs of their
    // own (alef with a separate maddah in Uthmani script); NFC's merging and
    // reordering there is a spelling change, not a repair (see UAX #53).
    if before
        .chars()
        .any(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
    {
        return;
    }
    // Only a diacritic composed onto its letter is a decomposed letter: a
    // reordering, a nukta form NFC splits, a polytonic accent it maps to a
    // twin and an Indic vowel typed in its two parts are spellings.
    let composes = after.chars().count() < before.chars().count()
        && before
            .chars()
            .any(|c| canonical_combining_class(c) != 0 || ('\u{1160}'..='\u{11FF}').contains(&c));
    if !(composes || is_symbol_twin(before)) {
        return;
    }
    let span = Span::new(start + prefix, start + prefix + before.len());
    out.push(
        Diagnostic::new(&META, span, format!("not in Unicode NFC; composes to `{after}`"))
            .with_fix(Fix::safe_edit("compose to NFC", Edit::replace(span, after.to_string()))),
    );
}

#[cfg(test)]
mod tests {
    use crate::FixMode;

    fn fix(text: &str) -> String {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Safe)
            .unwrap()
            .text
    }

    #[test]
    fn leaves_arabic_pointing_alone_even_beside_whole_letters() {
        let text = "آ \u{0646}\u{0651}\u{064f} \u{0627}\u{0653}";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn reorders_combining_marks_into_canonical_order() {
        assert_eq!(fix("ná a\u{301}\u{316}"), "ná á\u{316}");
    }

    #[test]
    fn composes_a_mark_after_a_space_only_with_what_precedes_it() {
        let text = "a \u{301}b";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_tone_marks_a_language_always_types_apart() {
        let text = "Tuye\u{302}\u{300}n ngôn toa\u{300}n thế giới";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn composes_a_pasted_name_in_english_beside_any_accented_letter() {
        assert_eq!(
            fix("The café hired Jose\u{301} Mari\u{301}a as its chef."),
            "The café hired José María as its chef."
        );
    }

    #[test]
    fn composes_only_the_letters_the_text_also_writes_whole() {
        assert_eq!(
            fix("Tie\u{302}\u{301}ng Vie\u{302}\u{323}t, tiếng"),
            "Tiếng Vie\u{302}\u{323}t, tiếng"
        );
    }

    #[test]
    fn skips_pure_ascii_text() {
        assert_eq!(fix("plain ascii"), "plain ascii");
    }
}
