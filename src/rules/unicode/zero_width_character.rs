use crate::prelude::*;
use unicode_script::UnicodeScript;

use crate::text::chars::{breaks_with_zwsp, is_emoji_part, non_ascii, uses_joiners};

pub struct ZeroWidthCharacter;

static META: RuleMeta = RuleMeta {
    code: "U001",
    name: "zero-width-character",
    family: Family::Unicode,
    summary: "Invisible zero-width spaces, joiners or word joiners inside text",
    docs: "\
Flags zero-width characters where they do nothing but harm: zero-width space
U+200B, word joiner U+2060, and zero-width joiner U+200D and non-joiner
U+200C between Latin (or other) letters: `automated\\u{200B} cranes`,
`Shen\\u{200B}zhen`.

They are invisible, so nobody sees them, but they break search, word counts,
spell checking and copy-paste: `Shen\\u{200B}zhen` does not match `Shenzhen`.
Web pages insert them as line-break hints and editors leave them behind.

Left alone: the joiner inside emoji sequences (`👩‍💻`, `❤️‍🔥`); joiners
and non-joiners next to scripts whose spelling needs them (Persian
`می‌خواهم`, Arabic, Devanagari and the other Indic scripts, Myanmar,
Khmer), and every one in a paragraph holding such a script; zero-width
spaces in a paragraph holding a script written without spaces (Thai,
Lao, Khmer, Myanmar, Tibetan, Javanese, Balinese), where they mark word
breaks, even beside a space or a Latin word quoted in it. The
zero-width no-break space U+FEFF is `misplaced-byte-order-mark`'s.

Fix (safe): remove the characters. They render as nothing, so the text reads
the same. Unsafe for one non-joiner between two lowercase Latin letters
in a paragraph not in English (`Auf\\u{200C}lage`): German and Dutch
typesetting put it at a compound's seam to stop a ligature (`fl`) across
it, and removing it changes how the word is set.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::EVERYWHERE
        .note("keeps joiners in Arabic-script and Indic text and zero-width spaces in scripts written without spaces"),
    flags: &[
        Fixture {
            input: "The Shen\u{200B}zhen-based firm uses automated\u{200B}\u{200B} cranes.",
            output: "The Shenzhen-based firm uses automated cranes.",
        },
        Fixture {
            input: "A word\u{2060}joiner and a stray joi\u{200D}ner and non\u{200C}joiner.",
            output: "A wordjoiner and a stray joiner and nonjoiner.",
        },
    ],
    keeps: &[
        "A coder 👩\u{200D}💻 and a family 👨\u{200D}👩\u{200D}👧.",
        "Persian: می\u{200C}خواهم and Hindi: क्\u{200D}ष.",
        "Thai: ภาษา\u{200B}ไทย",
        "ꦲꦸꦠꦮꦤ꧀\u{200B} ꦢꦶꦥꦠꦿ꧉\u{200B}\nក្រុមហ៊ុន\u{200B} របស់",
        "خروج Enter\u{200C} را بزنید و پوشه\u{200C}\u{200C}ی منبع",
        "Plain text with no invisible characters.",
    ],
};

/// Runs of U+200B..U+200D and U+2060 (E2 80 8B..8D, E2 81 A0), found with
/// one `memchr` pass over the `E2` lead bytes.
fn runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let b = text.as_bytes();
    let is_zw = move |i: usize| {
        matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8B..=0x8D)) | (Some(0x81), Some(0xA0))
        )
    };
    let mut hits = memchr::memchr_iter(0xE2, b).filter(move |&i| is_zw(i)).peekable();
    std::iter::from_fn(move || {
        let start = hits.next()?;
        let mut end = start + 3;
        while hits.next_if(|&i| i == end).is_some() {
            end += 3;
        }
        Some(Span::new(start, end))
    })
}

impl Rule for ZeroWidthCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // U+200B..U+200D are E2 80 8B..8D; U+2060 is E2 81 A0.
        let b = doc.bytes();
        if !b.contains(0xE2) || !(b.any(&[0x8B, 0x8C, 0x8D, 0xA0])) {
            return;
        }
        let text = doc.text();
        // (paragraph, has a letter of a joining script, of an unspaced one)
        let mut last: Option<(Span, bool, bool)> = None;
        for found in runs(text) {
            let (start, m) = (found.start, found.slice(text));
            let prev = text[..start].chars().next_back();
            let next = text[found.end..].chars().next();
            let para = doc.paragraph_at(start).unwrap_or(found);
            let (joining, unspaced) = match last {
                Some((p, j, u)) if p == para => (j, u),
                _ => {
                    let body = doc.slice(para);
                    let found = (non_ascii(body).any(uses_joiners), non_ascii(body).any(breaks_with_zwsp));
                    last = Some((para, found.0, found.1));
                    found
                }
            };
            let around = Around {
                prev,
                next,
                joining,
                unspaced,
            };
            // Judge each character; removable ones next to each other go together.
            let mut run: Option<(usize, usize, char)> = None;
            for (i, c) in m.char_indices() {
                let at = start + i;
                let end = at + c.len_utf8();
                if keep(c, &around, m.len() / 3) {
                    if let Some(r) = run.take() {
                        push(doc, out, r);
                    }
                    continue;
                }
                run = Some(match run {
                    Some((s, _, first)) => (s, end, first),
                    None => (at, end, c),
                });
            }
            if let Some(r) = run {
                push(doc, out, r);
            }
        }
    }
}

/// True when a run is one non-joiner between lowercase Latin letters: a
/// compound's seam, set apart so that no ligature spans it.
fn ligature_break(text: &str, (start, end, first): (usize, usize, char)) -> bool {
    let latin_lower =
        |c: Option<char>| c.is_some_and(|c| c.is_lowercase() && c.script() == unicode_script::Script::Latin);
    first == '\u{200C}'
        && end - start == 3
        && latin_lower(text[..start].chars().next_back())
        && latin_lower(text[end..].chars().next())
}

/// What surrounds a run of invisible characters.
struct Around {
    prev: Option<char>,
    next: Option<char>,
    /// The paragraph holds letters of a script that spells with joiners.
    joining: bool,
    /// The paragraph holds letters of a script written without spaces.
    unspaced: bool,
}

fn keep(c: char, at: &Around, run_len: usize) -> bool {
    let (prev, next) = (at.prev, at.next);
    let either = |f: fn(char) -> bool| prev.is_some_and(f) || next.is_some_and(f);
    match c {
        '\u{200D}' if run_len == 1 && prev.is_some_and(is_emoji_part) && next.is_some_and(is_emoji_part) => true,
        // Persian and Hindi writers place them by hand, next to a space or
        // a Latin word too: in such a paragraph every one stays.
        '\u{200C}' | '\u{200D}' => at.joining || either(uses_joiners),
        // A word separator: after a word of its script, before a space or
        // a line break as much as before the next word.
        '\u{200B}' => {
            at.unspaced
                || prev.is_some_and(breaks_with_zwsp)
                || (next.is_some_and(breaks_with_zwsp) && !prev.is_some_and(char::is_alphanumeric))
        }
        _ => false,
    }
}

fn push(doc: &Document, out: &mut Vec<Diagnostic>, (start, end, first): (usize, usize, char)) {
    let name = match first {
        '\u{200B}' => "zero-width space U+200B",
        '\u{200C}' => "zero-width non-joiner U+200C",
        '\u{200D}' => "zero-width joiner U+200D",
        _ => "word joiner U+2060",
    };
    let span = Span::new(start, end);
    // English sets no compound apart: there a non-joiner is debris.
    let fix = if ligature_break(doc.text(), (start, end, first)) && doc.language_at(start) != Some(Lang::English) {
        Fix::unsafe_edit(
            "remove the invisible character; it may keep a ligature off a compound's seam",
            Edit::delete(span),
        )
    } else {
        Fix::safe_edit("remove the invisible character", Edit::delete(span))
    };
    out.push(Diagnostic::new(&META, span, format!("invisible {name}")).with_fix(fix));
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
    fn keeps_a_joiner_in_an_emoji_sequence() {
        let text = "Love ❤\u{FE0F}\u{200D}🔥 it";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn removes_doubled_joiners_between_latin_letters() {
        assert_eq!(fix("a\u{200D}\u{200D}b"), "ab");
    }

    #[test]
    fn a_non_joiner_at_a_compounds_seam_waits_for_review() {
        let text = "Die zweite Auf\u{200C}lage erschien auf der Schilf\u{200C}insel.";
        assert_eq!(fix(text), text);
        let unsafe_fix = crate::rules::testing::linter(&super::META, crate::Language::Auto)
            .fix(text, FixMode::Unsafe)
            .unwrap()
            .text;
        assert_eq!(unsafe_fix, "Die zweite Auflage erschien auf der Schilfinsel.");
        assert_eq!(fix("Auf\u{200C}\u{200C}lage and A\u{200C}B"), "Auflage and AB");
        assert_eq!(
            fix("The company said it would sell the manag\u{200C}ement unit next year."),
            "The company said it would sell the management unit next year."
        );
    }

    #[test]
    fn keeps_a_non_joiner_in_devanagari() {
        let text = "क\u{200C}ष";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn keeps_every_zero_width_space_in_a_thai_paragraph() {
        let text = "ร้าน abc\u{200B}ไทย เปิด";
        assert_eq!(fix(text), text);
    }
}
