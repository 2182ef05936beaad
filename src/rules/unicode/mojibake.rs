use std::collections::BTreeMap;

use memchr::memmem;

use crate::lexicon::is_contraction;
use crate::prelude::*;
use crate::text::show_invisibles;

mod decode;
mod guard;
mod tables;
mod weird;

use decode::{repairs_in_document, scan, Repair, Step};
use tables::{bytes_of, Enc, WINDOWS_1252};

pub struct Mojibake;

static META: RuleMeta = RuleMeta {
    code: "U010",
    name: "mojibake",
    family: Family::Unicode,
    summary: "UTF-8 text decoded with the wrong code page (`â€™`, `Ã©`, `вЂ™`, `├⌐`)",
    docs: "\
Flags runs of characters that are the bytes of UTF-8 text decoded with a
single-byte code page: `festivalâ€™s` and `cafÃ©` (Windows-1252 or Latin-1),
`вЂњ` (Windows-1251), `caf√©` and `it‚Äôs` (MacRoman), `┬á` and `ΓÇÖ` (CP437),
`Ã¢â‚¬â„¢` (misread twice), and C1 control characters such as U+0092 left
where Windows-1252 text was read as Latin-1 (`It\\u{92}s` → `It’s`).

Scrapers and old pipelines mislabel encodings; the damage reads as
gibberish and hides the letters and quotes it stands for.

How a repair is proven: each run of characters that re-encodes with a code
page into valid UTF-8 sequences is decoded, and the result must be strictly
less weird than the run. Weirdness counts what real writing does not do:
C1 controls and spacing accents; a code page's spelling of the UTF-8 prefix
of `’ “ ” – — … € ™` (`â€`, `вЂ`, `‚Ä`, `ΓÇ`); `Â Î Ñ` (and, inside a word,
`Ã â Ä Å`) before a symbol or a Windows-1252 continuation character; a
capital after a lowercase letter inside a word (`cafÃ`); a letter touching
a symbol (`Ã©`); two unrelated symbols touching (`€™`); Latin touching
Cyrillic inside a word (`festivalвЂ`); and, on the decoded side, IPA letters,
rare combining marks, rare blocks and a lone letter of another script. Where
several code pages decode a run, the reading that removes the most
weirdness wins, and the message names it. A decoded run is searched again
for mojibake, which undoes double encoding; the repair ends on the best
round. Each run is judged twice, the second time among its neighbours as
repaired, so a misread Russian sentence is not judged against its own
gibberish; a short word that still looks like a word (`РІ` for `в`) borrows
the evidence of safe repairs on both sides. Only the runs are decoded, never
the whole text.

Left alone: correct text in any language, including the letters mojibake is
made of where they are real: `SÃO PAULO`, `IRMÃ”`, `À PARIS`, `“CAFÉ”`,
a heading's capitals around a no-break space (`IRMÃ DULCE`) or before a
trademark (`AHÅ™`),
Ukrainian `ВІЙНА`, `l’été`, maths (`Γ(x) ≤ ∞`, `3√π`: a repair may not leave
standing alone a letter that is a word in no language, such as `ù`),
box-drawing tables. A run
that scores 0 is never touched, and real text scores 0 almost everywhere.

Fix safety:
- safe: every byte was there, the decoded text scores 0 where it stands and
  the run scored at least 2 (two independent signs, such as `Ã` after a
  lowercase letter and before `©`), or it borrowed the evidence of safe
  neighbours. `cafÃ©` → `café`, `â€™` → `’`, `\\u{92}` → `’`.
- unsafe: a proven repair on weaker evidence (the run scored 1, or the
  result still scores above 0), and every repair that guesses a lost byte:
  a no-break space that became a space (`voilÃ  la` → `voilà la`, `10Â km`
  → `10\\u{a0}km`); `â€` whose 0x9D (undefined in Windows-1252) was dropped
  → `”`; `â` where a Latin-1 reading left C1 controls that were stripped,
  in English contractions (`2017âs` → `2017’s`, `donât` → `don’t`); `Ã`
  between lowercase letters whose soft hyphen was stripped (`MarÃa` →
  `María`); and removing a lone C1 control that Windows-1252 leaves
  undefined (U+0081, U+008D, U+008F, U+0090, U+009D), the leftover of a
  sequence whose other bytes were lost. So is every repair in a paragraph
  that talks about encodings (`mojibake`, `UTF-8`, `Latin-1`, `文字化け`),
  which may show misreadings as its examples.
- display-only: `â€` straight before a letter, where the lost byte cannot be
  told from its neighbours, and a run quoted alone (`sequences like “Ã©”
  or “Ã¨”`), which a text about encodings shows as an example.",
    fix: FixAvailability::Sometimes,
    rewrites_letters: true,
    scope: Scope::Document,
    applies: Applies::EVERYWHERE,
    flags: &[
        Fixture {
            input: "The festivalâ€™s co-founder said â€œyesâ€\u{9d} twice.",
            output: "The festival’s co-founder said “yes” twice.",
        },
        Fixture {
            input: "A cafÃ© crÃ¨me in SÃO PAULO costs Â£3.",
            output: "A café crème in SÃO PAULO costs £3.",
        },
        Fixture {
            input: "The festivalвЂ™s founders called it вЂњone night onlyвЂќ.",
            output: "The festival’s founders called it “one night only”.",
        },
        Fixture {
            input: "It didnÃ¢â‚¬â„¢t cost Ã‚Â£7.50, she said.",
            output: "It didn’t cost £7.50, she said.",
        },
        Fixture {
            input: "The caf√© said it‚Äôs closed.",
            output: "The café said it’s closed.",
        },
        Fixture {
            input: "The caf├⌐ said itΓÇÖs closed.",
            output: "The café said it’s closed.",
        },
        Fixture {
            input: "It\u{92}s the band\u{92}s \u{93}last\u{94} tour.",
            output: "It’s the band’s “last” tour.",
        },
        Fixture {
            input: "It\u{e2}\u{80}\u{99}s here.",
            output: "It’s here.",
        },
        Fixture {
            input: "In РњРѕСЃРєРІР° it snowed.",
            output: "In Москва it snowed.",
        },
        Fixture {
            input: "2017âs Wonder Woman was a hit, and I donât mind.",
            output: "2017’s Wonder Woman was a hit, and I don’t mind.",
        },
        Fixture {
            input: "He said â€œquotedâ€ and left.",
            output: "He said “quoted” and left.",
        },
        Fixture {
            input: "Rendez-vous Ã  la gare, voilÃ  tout.",
            output: "Rendez-vous à la gare, voilà tout.",
        },
        Fixture {
            input: "РџСЂРµР·РёРґРµРЅС‚ РїРѕРґРїРёСЃР°Р» СѓРєР°Р· РІ РїСЏС‚РЅРёС†Сѓ.",
            output: "Президент подписал указ в пятницу.",
        },
        Fixture {
            input: "ThÃ nh phá»‘ Há»“ ChÃ\u{ad} Minh",
            output: "Thành phố Hồ Chí Minh",
        },
    ],
    keeps: &[
        "The area is 3√π square metres; the formula √π appears in the Gaussian integral.",
        "SÃO PAULO E RIO: NÃO HÁ VAGAS, disse a IRMÃ.",
        "  -m, --max-count=MÄÄRÄ     pysäytä MÄÄRÄn täsmäävän rivin jälkeen\n      --remote-encoding=BẢNG-MÃ   dùng bảng mã này\n",
        "The caption ended with IRMÃ” and a full stop.",
        "“CAFÉ” and ÉTÉ» and À PARIS.",
        "ВІЙНА ТА МИР; вітер віє над полем.",
        "L’été à Paris, l’âge d’or, qu’à cela ne tienne.",
        "Rock ’n’ roll in the ’90s, Tâm and Lâm, rămâs, le mât.",
        "Γ(x) ≤ ∞, 4.7 kΩ, ±5 °C, £7.50, €3 and ½ cup.",
        "┌──┬──┐ │ a │ b │ └──┴──┘ ▓▓░░",
        "The letters Ã and Â appear in Portuguese and Romanian.",
        "A SANTA IRMÃ\u{a0}DULCE foi canonizada em 2019.",
        "Lehden otsikko: KESÄ\u{a0}TULI vihdoin Lappiin.",
        "CỘNG HÒA XÃ\u{a0}HỘI CHỦ NGHĨA VIỆT NAM",
        "AHÅ™, the new sofa.",
        "Ewe: ƒe ƒo ƒu, ƒã ƒãƒã ɖe eƒe dzidzedze.",
    ],
};

/// UTF-8 lead bytes of the characters mojibake is made of: `Ã Â â é ä`
/// (C3), C1 controls and Latin-1 symbols (C2), `Š œ ž` (C5), `ƒ` (C6),
/// `ˆ ˜` (CB), Greek (CE, CF), Cyrillic (D0, D1).
const TRIGGERS: &[u8] = &[0xC2, 0xC3, 0xC5, 0xC6, 0xCB, 0xCE, 0xCF, 0xD0, 0xD1];

impl Rule for Mojibake {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        // CP437 mojibake can be all box drawing (`┬░` for `°`): E2 94..96.
        let box_drawing = bytes.contains(0xE2) && bytes.any(&[0x94, 0x95, 0x96]);
        if !(bytes.any(TRIGGERS) || box_drawing) {
            return;
        }
        let text = doc.text();
        let repairs = repairs_in_document(text);
        let mut taken = Taken::default();
        let mut spelling: Vec<(char, bool)> = Vec::new();
        let first = out.len();
        // Repairs of one sequence, which may be meant if nothing agrees.
        let mut lone: Vec<usize> = Vec::new();
        // A heading's `IRMÃ DULCE` or `AHÅ™` is a word and what follows it,
        // unless other misreadings stand near (`SÃƒOÂ PAULO`). Another such
        // word does not vouch: `SELKÄ EDELLÄ MAAHAN` is two of them.
        let word_and_sign: Vec<bool> = repairs
            .iter()
            .map(|r| guard::capitals_and_sign(text, r.start, r.end))
            .collect();
        let near = |i: usize| {
            let r = &repairs[i];
            let before = repairs[..i]
                .iter()
                .rev()
                .zip(word_and_sign[..i].iter().rev())
                .take_while(|(p, _)| r.start.saturating_sub(p.end) <= NEAR)
                .any(|(_, &w)| !w);
            let after = repairs[i + 1..]
                .iter()
                .zip(&word_and_sign[i + 1..])
                .take_while(|(n, _)| n.start.saturating_sub(r.end) <= NEAR)
                .any(|(_, &w)| !w);
            before || after
        };
        for (_, r) in repairs
            .iter()
            .enumerate()
            .filter(|&(i, r)| (!word_and_sign[i] || near(i)) && !spelled_with(text, r, &mut spelling))
        {
            taken.insert(Span::new(r.start, r.end));
            if r.steps.as_slice().len() == 1 && r.replacement.chars().count() == 1 && !r.borrowed {
                lone.push(out.len());
            }
            out.push(diagnose(text, r));
        }
        if bytes.contains(0xC2) {
            lone_c1(text, &mut taken, out);
        }
        if bytes.contains(0xC3) {
            lost_bytes(doc, &mut taken, out);
        }
        // One misreading alone in a paragraph otherwise typeset correctly is
        // a reasonable guess, never proof (`the “ÃŸ-Tech” brand`), unless
        // lowercase letters enclose it: no word is spelled `rÃ©colte` on
        // purpose.
        let lower = |c: Option<char>| c.is_some_and(char::is_lowercase);
        // The findings are disjoint, so in start order a finding's nearest
        // neighbours are the only ones that can share its paragraph.
        let mut spans: Vec<Span> = out[first..].iter().map(|d| d.span).collect();
        spans.sort_unstable_by_key(|s| s.start);
        for k in lone {
            let span = out[k].span;
            if lower(text[..span.start].chars().next_back()) && lower(text[span.end..].chars().next()) {
                continue;
            }
            let para = doc.paragraph_at(span.start).unwrap_or(Span::new(0, text.len()));
            let i = spans.partition_point(|s| s.start < span.start);
            let inside = |s: &Span| s.start < para.end && s.end > para.start;
            let agreed =
                i.checked_sub(1).and_then(|j| spans.get(j)).is_some_and(inside) || spans.get(i + 1).is_some_and(inside);
            if !agreed && typeset(text, para, span) {
                if let Some(fix) = &mut out[k].fix {
                    fix.applicability = fix.applicability.min(Applicability::Unsafe);
                }
            }
        }
        // `The string â€™ is the mojibake for a curly apostrophe`: a
        // paragraph about encodings may show misreadings as its examples,
        // and decoding them would make it false. A person decides there.
        let mut lesson = crate::document::PerParagraph::new(doc, |p: &str| ENCODING_WORDS.is_match(p));
        for d in &mut out[first..] {
            if let Some(fix) = d.fix.as_mut().filter(|f| f.applicability == Applicability::Safe) {
                if lesson.has(d.span.start) {
                    fix.applicability = Applicability::Unsafe;
                }
            }
        }
    }
}

/// How close another misreading must stand to vouch for a run that reads
/// as a word in capitals and what follows it.
const NEAR: usize = 200;

/// Words a paragraph about text encodings uses, in several languages.
static ENCODING_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // One pass over the paragraph, however many words.
    regex::Regex::new(
        "-1252|8859|Encoding|Latin-1|Mojibake|UTF-8|Zeichensalat|cp1252|encodage|encoding|latin-1|mojibake|utf-8|\
         кодировк|кракозябр|乱码|亂碼|文字化け",
    )
    .expect("pattern compiles")
});

/// True when a run of letters starts with a letter the text spells its
/// words with: Ewe writes `ƒ` before plain letters throughout (`ƒe`, `ƒo`),
/// so its `ƒã` is a word, not MacRoman's reading of `ċ`. Mojibake's first
/// character stands before a plain letter only by accident, and less
/// often than before another non-ASCII character. `known` keeps
/// each first character's answer, so the text is searched once per letter.
fn spelled_with(text: &str, r: &Repair, known: &mut Vec<(char, bool)>) -> bool {
    let run = &text[r.start..r.end];
    let Some(first) = run.chars().next() else {
        return false;
    };
    if !run.chars().all(char::is_alphabetic) {
        return false;
    }
    if let Some(&(_, answer)) = known.iter().find(|(c, _)| *c == first) {
        return answer;
    }
    let mut buf = [0u8; 4];
    let needle = first.encode_utf8(&mut buf).as_bytes();
    let (mut plain, mut other) = (0usize, 0usize);
    for at in memmem::find_iter(text.as_bytes(), needle) {
        match text.as_bytes().get(at + needle.len()) {
            Some(b) if b.is_ascii_alphabetic() => plain += 1,
            Some(b) if *b >= 0x80 => other += 1,
            _ => {}
        }
    }
    // Mostly before plain letters: a text full of `Ã©` that also holds a
    // few `Ãr` (mojibake that lost a byte) does not spell words with `Ã`.
    let answer = plain >= 2 && plain > other;
    known.push((first, answer));
    answer
}

/// "Windows-1252", "Windows-1252 twice", "Windows-1251, then as Windows-1252".
fn chain(steps: &[Step]) -> String {
    let first = steps[0].name();
    if steps.iter().all(|s| s.name() == first) {
        return match steps.len() {
            1 => first.to_string(),
            2 => format!("{first} twice"),
            n => format!("{first} {n} times"),
        };
    }
    // Steps are in repair order; the text was misread in the opposite order.
    let names: Vec<&str> = steps.iter().rev().map(|s| s.name()).collect();
    names.join(", then as ")
}

/// True when the paragraph around `r` holds correctly encoded non-ASCII
/// letters or typography outside it: text that was decoded right, so one
/// lone misreading-shaped pair in it may be meant (a name, a quoted example).
/// Characters inside any run that could be a misreading do not count.
fn typeset(text: &str, para: Span, r: Span) -> bool {
    let mut runs = Vec::new();
    scan(text, para.start, para.end, &mut runs);
    runs.sort_unstable_by_key(|run| run.start);
    // One sweep: the runs begun so far cover the text up to `covered`.
    let (mut next, mut covered) = (0, 0);
    text[para.start..para.end].char_indices().any(|(i, c)| {
        let at = para.start + i;
        while runs.get(next).is_some_and(|run| run.start <= at) {
            covered = covered.max(runs[next].end);
            next += 1;
        }
        let typography = c.is_alphabetic() || matches!(c, '’' | '“' | '”' | '–' | '—' | '…');
        !c.is_ascii() && typography && !(r.start..r.end).contains(&at) && at >= covered
    })
}

fn diagnose(text: &str, r: &Repair) -> Diagnostic {
    let span = Span::new(r.start, r.end);
    let found = span.slice(text);
    let message = format!(
        "UTF-8 read as {}: `{}` → `{}`{}{}",
        chain(r.steps.as_slice()),
        show_invisibles(found),
        show_invisibles(&r.replacement),
        if r.guessed {
            " (a no-break space had become a space)"
        } else {
            ""
        },
        if r.borrowed { ", like the words around it" } else { "" }
    );
    let edit = Edit::replace(span, r.replacement.clone());
    let label = "decode the run as UTF-8";
    // `sequences like “Ã©” or “Ã¨”`: a run quoted alone is shown as an
    // example of mojibake, and decoding it would garble the lesson.
    let fix = if crate::text::between_quotes(text, span) {
        Fix::display_only_edit("decode the run as UTF-8 by hand unless it is shown as an example", edit)
    } else if !r.guessed && (r.borrowed || (r.after == 0 && r.before >= 2)) {
        Fix::safe_edit(label, edit)
    } else {
        Fix::unsafe_edit(label, edit)
    };
    Diagnostic::new(&META, span, message).with_fix(fix)
}

/// Spans already reported, so two repairs never claim the same bytes.
#[derive(Default)]
struct Taken(BTreeMap<usize, usize>);

impl Taken {
    fn overlaps(&self, span: Span) -> bool {
        self.0
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start)
    }

    fn insert(&mut self, span: Span) {
        self.0.insert(span.start, span.end);
    }
}

/// C1 controls that stand alone: Windows-1252 text read as Latin-1, so
/// U+0092 is the `’` Windows-1252 has at 0x92.
fn lone_c1(text: &str, taken: &mut Taken, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    for at in memchr::memchr_iter(0xC2, bytes) {
        let Some(&b) = bytes.get(at + 1) else { break };
        if !(0x80..=0x9F).contains(&b) {
            continue;
        }
        let span = Span::new(at, at + 2);
        if taken.overlaps(span) {
            continue;
        }
        taken.insert(span);
        let meant = WINDOWS_1252[usize::from(b - 0x80)];
        if ('\u{80}'..='\u{9F}').contains(&meant) {
            // 0x81, 0x8D, 0x8F, 0x90, 0x9D mean nothing in Windows-1252: the
            // leftover of a sequence whose other bytes were lost.
            out.push(
                Diagnostic::new(
                    &META,
                    span,
                    format!(
                        "C1 control `{}`, a byte of mojibake whose neighbours were lost",
                        show_invisibles(&char::from(b).to_string())
                    ),
                )
                .with_fix(Fix::unsafe_edit("remove it", Edit::delete(span))),
            );
            continue;
        }
        out.push(
            Diagnostic::new(
                &META,
                span,
                format!(
                    "Windows-1252 read as Latin-1: `{}` → `{}`",
                    show_invisibles(&char::from(b).to_string()),
                    show_invisibles(&meant.to_string())
                ),
            )
            .with_fix(Fix::safe_edit(
                format!("replace with `{meant}`"),
                Edit::replace(span, meant.to_string()),
            )),
        );
    }
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Repairs that have to guess a byte the text no longer has.
fn lost_bytes(doc: &Document, taken: &mut Taken, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let bytes = text.as_bytes();
    let mut push = |out: &mut Vec<Diagnostic>, span: Span, content: &str, why: &str, sure: bool| {
        if taken.overlaps(span) {
            return;
        }
        taken.insert(span);
        let found = show_invisibles(span.slice(text));
        let message = format!("{why}: `{found}` → `{}` (a guess)", show_invisibles(content));
        let edit = Edit::replace(span, content);
        let label = format!("replace with `{}`", show_invisibles(content));
        let fix = if sure {
            Fix::unsafe_edit(label, edit)
        } else {
            Fix::display_only_edit(label, edit)
        };
        out.push(Diagnostic::new(&META, span, message).with_fix(fix));
    };

    // `â€` + a byte Windows-1252 does not define, dropped: almost always
    // the 0x9D of `”` (E2 80 9D).
    for at in memmem::find_iter(bytes, "â€".as_bytes()) {
        let end = at + "â€".len();
        let next = next_char(text, end);
        let cont = next.is_some_and(|c| (0x80..=0xBF).contains(&bytes_of(c)[Enc::Windows1252.index()]));
        if cont {
            continue;
        }
        let why = "UTF-8 read as Windows-1252, last byte lost";
        match next {
            Some('\u{FFFD}') => push(out, Span::new(at, end + 3), "”", why, true),
            Some(c) if c.is_alphanumeric() => push(out, Span::new(at, end), "”", why, false),
            _ => push(out, Span::new(at, end), "”", why, true),
        }
    }

    for at in memmem::find_iter(bytes, "Ã".as_bytes()) {
        let end = at + "Ã".len();
        let prev = prev_char(text, at);
        let next = next_char(text, end);
        // Only inside a plain ASCII word: after other mojibake the lost byte
        // could as well be a C1 control (`âÃpfel` is `„Äpfel`).
        let lower = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase());
        if lower(prev) && lower(next) {
            // `í` is C3 AD; its soft hyphen was stripped.
            push(
                out,
                Span::new(at, end),
                "í",
                "UTF-8 read as Windows-1252, soft hyphen lost",
                true,
            );
        }
    }

    if doc.document_language() == Some(Lang::English) {
        for at in memmem::find_iter(bytes, "â".as_bytes()) {
            if contraction_after(text, at) {
                push(
                    out,
                    Span::new(at, at + "â".len()),
                    "’",
                    "UTF-8 read as Latin-1 with the C1 controls stripped",
                    true,
                );
            }
        }
    }
}

/// True when the `â` at `at` sits where an English apostrophe belongs:
/// `2017âs`, `donât`, `Iâm`, `weâre`, `theyâll`, `youâve`, `sheâd`.
fn contraction_after(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let after = &text[at + "â".len()..];
    // Words are short: look back a little, so a huge token stays linear.
    let from = at.saturating_sub(32);
    let word_start = before.as_bytes()[from..]
        .iter()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(from, |i| from + i + 1);
    if word_start == from && from > 0 {
        return false;
    }
    let word = &before[word_start..];
    let suffix_len = after.bytes().take_while(u8::is_ascii_lowercase).count();
    let suffix = &after[..suffix_len];
    if word.is_empty() || after[suffix_len..].chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    // A word glued on the left, like `rămâs`, is not English.
    if before[..word_start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    match suffix {
        "s" => word.len() >= 2,
        _ => is_contraction(&word.to_ascii_lowercase(), suffix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<Diagnostic> {
        let doc = Document::new(text);
        let mut out = Vec::new();
        Mojibake.check(&doc, &mut out);
        out
    }

    #[test]
    fn a_paragraph_about_encodings_has_its_examples_decoded_only_when_unsafe() {
        let lesson = "The string â€™ is the mojibake for a curly apostrophe.\n\nThe cafÃ© was full.";
        let found = check(lesson);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].applicability(), Some(Applicability::Unsafe));
        assert_eq!(found[1].applicability(), Some(Applicability::Safe));
    }

    /// Apply every safe and unsafe fix, like `fix --unsafe-fixes`, to a fixpoint.
    fn fix(text: &str) -> String {
        let mut text = text.to_string();
        for _ in 0..6 {
            let mut edits: Vec<Edit> = check(&text)
                .into_iter()
                .filter_map(|d| d.fix)
                .filter(|f| f.applicability != Applicability::DisplayOnly)
                .flat_map(|f| f.edits)
                .collect();
            if edits.is_empty() {
                break;
            }
            edits.sort_by_key(|e| e.span.start);
            // Of edits that overlap, the first wins.
            let mut at = 0;
            edits.retain(|e| {
                let keep = e.span.start >= at;
                if keep {
                    at = e.span.end;
                }
                keep
            });
            text = crate::fix::ChangeMap::splice(&text, edits.iter().map(|e| (e.span, e.content.as_str()))).0;
        }
        text
    }

    fn safety(text: &str) -> Vec<Applicability> {
        check(text).iter().filter_map(|d| d.applicability()).collect()
    }

    #[test]
    fn a_run_quoted_alone_as_an_example_is_only_suggested() {
        let text = "If letters show as sequences like “Ã©” or “Ã¨”, the file is UTF-8 read as Latin-1.";
        assert_eq!(fix(text), text);
        assert_eq!(safety(text), [Applicability::DisplayOnly, Applicability::DisplayOnly]);
        assert_eq!(fix("A “cafÃ©” opened."), "A “café” opened.");
    }

    #[test]
    fn flags_every_fixture_and_repairs_it_exactly() {
        for f in META.flags {
            assert!(!check(f.input).is_empty(), "missed {:?}", f.input);
            assert_eq!(fix(f.input), f.output, "for {:?}", f.input);
            assert_eq!(fix(f.output), f.output, "not idempotent on {:?}", f.input);
        }
    }

    #[test]
    fn keeps_every_near_miss() {
        for text in META.keeps {
            let found: Vec<_> = check(text).into_iter().map(|d| d.message).collect();
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn repairs_windows_1252_with_a_safe_fix_and_names_the_code_page() {
        let d = check("The festivalâ€™s founders");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "UTF-8 read as Windows-1252: `â€™` → `’`");
        assert_eq!(d[0].applicability(), Some(Applicability::Safe));
    }

    #[test]
    fn repairs_latin_1_c1_controls_and_says_latin_1() {
        let d = check("it\u{e2}\u{80}\u{99}s");
        assert_eq!(d[0].message, "UTF-8 read as Latin-1: `â‹U+0080›‹U+0099›` → `’`");
        assert_eq!(fix("cafÃ\u{a9} and \u{c3}\u{81}lvaro"), "café and Álvaro");
    }

    #[test]
    fn repairs_windows_1251_macroman_and_cp437() {
        assert_eq!(fix("вЂњone night onlyвЂќ"), "“one night only”");
        assert_eq!(fix("РџСЂРёРІРµС‚, РјРёСЂ!"), "Привет, мир!");
        assert_eq!(fix("caf√©s and it‚Äôs and ‚Äúyes‚Äù"), "cafés and it’s and “yes”");
        assert_eq!(fix("caf├⌐ itΓÇÖs ┬á gap"), "café it’s \u{a0} gap");
        let names: Vec<_> = check("вЂ™ x caf√© x caf├⌐")
            .into_iter()
            .map(|d| d.message.to_string())
            .collect();
        assert_eq!(
            names,
            [
                "UTF-8 read as Windows-1251: `вЂ™` → `’`",
                "UTF-8 read as MacRoman: `√©` → `é`",
                "UTF-8 read as CP437: `├⌐` → `é`",
            ]
        );
    }

    #[test]
    fn repairs_double_encoding_and_says_twice() {
        let d = check("didnÃ¢â‚¬â„¢t");
        assert_eq!(d[0].message, "UTF-8 read as Windows-1252 twice: `Ã¢â‚¬â„¢` → `’`");
        assert_eq!(d[0].applicability(), Some(Applicability::Safe));
        assert_eq!(fix("Ã‚Â£7.50"), "£7.50");
    }

    #[test]
    fn repairs_mixed_double_encoding() {
        // Windows-1252 first, then the result read as Windows-1251.
        let once = "â€™";
        let bytes: Vec<u8> = once.bytes().collect();
        let twice: String = bytes
            .iter()
            .map(|&b| {
                if b < 0x80 {
                    b as char
                } else {
                    tables::WINDOWS_1251[usize::from(b - 0x80)]
                }
            })
            .collect();
        assert_eq!(fix(&format!("it{twice}s")), "it’s");
    }

    #[test]
    fn repairs_common_accents_of_many_languages() {
        for (bad, good) in [
            ("Ã–sterreich", "Österreich"),
            ("StraÃŸe", "Straße"),
            ("Ãœber", "Über"),
            ("GdaÅ„sk", "Gdańsk"),
            ("Å»Ã³Å‚w", "Żółw"),
            ("Ä\u{8d}esky", "česky"),
            ("Ä°stanbul", "İstanbul"),
            ("ÅžiÅŸli", "Şişli"),
            ("Viá»‡t Nam", "Việt Nam"),
            ("naÃ¯ve", "naïve"),
            ("GarcÃ\u{ad}a", "García"),
            ("Ã‰cole", "École"),
            ("Î±Î²Î³", "αβγ"),
            ("ä¸\u{ad}æ–‡", "中文"),
            ("ðŸ˜€ smile", "😀 smile"),
        ] {
            assert_eq!(fix(bad), good, "{bad:?}");
        }
    }

    #[test]
    fn lost_byte_guesses_are_unsafe() {
        assert_eq!(
            safety("She said that 2017âs Wonder Woman was the start of it."),
            [Applicability::Unsafe]
        );
        assert_eq!(
            safety("said â€œyesâ€ and"),
            [Applicability::Safe, Applicability::Unsafe]
        );
        assert_eq!(safety("wellâ€known"), [Applicability::DisplayOnly]);
        assert_eq!(fix("said â€œyesâ€\u{fffd} and"), "said “yes” and");
        assert_eq!(fix("MarÃa"), "María");
        assert_eq!(fix("10Â km"), "10\u{a0}km");
    }

    #[test]
    fn short_words_borrow_the_evidence_of_their_neighbours() {
        let d = check("РїРѕРґРїРёСЃР°Р» СѓРєР°Р· РІ РїСЏС‚РЅРёС†Сѓ");
        let borrowed: Vec<_> = d
            .iter()
            .filter(|d| d.message.ends_with("like the words around it"))
            .collect();
        assert_eq!(borrowed.len(), 1);
        assert_eq!(borrowed[0].applicability(), Some(Applicability::Safe));
        // Alone, two capitals prove nothing.
        assert!(check("РІ").is_empty());
    }

    #[test]
    fn a_no_break_space_turned_space_is_restored_only_where_it_is_plain() {
        assert_eq!(fix("voilÃ  la"), "voilà la");
        assert_eq!(fix("ThÃ nh phá»‘"), "Thành phố");
        assert_eq!(safety("voilÃ  la"), [Applicability::Unsafe]);
        for text in [
            "IRMÃ E MÃE",
            "ÓRGÃO, ÓRFÃO and ÍMÃ are words.",
            "The letters Ã and Â.",
            "PÅ MÅNDAG",
            "In Portuguese, Ã and Õ",
        ] {
            assert!(check(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_heading_word_before_a_no_break_space_is_repaired_only_among_other_misreadings() {
        assert_eq!(fix("A SANTA IRMÃ\u{a0}DULCE"), "A SANTA IRMÃ\u{a0}DULCE");
        assert_eq!(fix("Nach SÃƒOÂ\u{a0}PAULO fahren."), "Nach SÃO\u{a0}PAULO fahren.");
        // Two such words vouch for neither.
        for text in [
            "SELKÄ\u{a0}EDELLÄ\u{a0}MAAHAN via @YouTube",
            "SVERIGE VANN PÅ\u{a0}HEMMAPLAN – PÅ\u{a0}NYTT, skriver tidningen.",
            "A IRMÃ\u{a0}E A MAÇÃ\u{a0}VERDE são contos.",
        ] {
            assert_eq!(fix(text), text);
        }
    }

    #[test]
    fn keeps_capitals_before_a_caron_in_dialect_spellings() {
        // `Öš` read as UTF-8 would be a Hebrew accent after a Latin letter.
        for text in ["Öšel and Ušk met in Öštal.", "ÖŠTAL, ÜŽE"] {
            assert!(check(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_full_reading_beats_a_guessed_one() {
        // MacRoman `√Ä` is `À`; Windows-1252 could only guess `Ä ` as `Ġ`.
        assert_eq!(fix("√Ä Paris"), "À Paris");
    }

    #[test]
    fn keeps_contraction_lookalikes_in_other_languages() {
        for text in ["rămâs", "Pâs", "le mât", "Tâm", "Ahmâd", "pâte", "I âge"] {
            assert!(check(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn replaces_lone_c1_controls_with_their_windows_1252_meaning() {
        assert_eq!(fix("It\u{92}s \u{93}ok\u{94} \u{96} fine\u{85}"), "It’s “ok” – fine…");
        assert_eq!(safety("It\u{92}s"), [Applicability::Safe]);
        // A C1 control Windows-1252 gives no meaning can only go.
        assert_eq!(safety("odd \u{81} byte"), [Applicability::Unsafe]);
        assert_eq!(fix("odd \u{81} byte"), "odd  byte");
    }

    #[test]
    fn repairs_long_runs_without_spaces_in_one_piece() {
        // Long tokens are where a backtracking reader would go quadratic; the
        // benchmark measures the speed, this checks the answer.
        assert_eq!(fix(&"Ã©".repeat(100_000)), "é".repeat(100_000));
        assert_eq!(fix(&"cafÃ©".repeat(50_000)), "café".repeat(50_000));
        assert_eq!(
            fix(&"РїРѕРґРїРёСЃР°Р» РІ ".repeat(20_000)),
            "подписал в ".repeat(20_000)
        );
        assert!(!check(&"√©Ã©├⌐вЂ™".repeat(20_000)).is_empty());
    }

    #[test]
    fn skips_documents_without_trigger_bytes() {
        assert!(check("Plain ASCII and “curly” quotes — and ’90s.").is_empty());
    }

    #[test]
    fn keeps_the_clean_multilingual_set() {
        let text = include_str!("../../../tests/data/clean_multilingual.txt");
        for line in text.lines() {
            let found: Vec<_> = check(line).into_iter().map(|d| d.message).collect();
            assert!(found.is_empty(), "{line:?}: {found:?}");
        }
    }
}
