use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::lexicon::is_contraction;
use crate::prelude::*;
use crate::text::trailing_letters;

/// How far after a `‘` to look for the `’` that closes its quotation.
const QUOTE_REACH: usize = 400;

pub struct ApostropheLookalike;

static META: RuleMeta = RuleMeta {
    code: "Q006",
    name: "apostrophe-lookalike",
    family: Family::Quotes,
    summary: "An accent, backtick, opening quote or prime typed as an apostrophe inside a word: `Secretary´s`",
    docs: "\
Flags a character that stands for an apostrophe inside a word but is not
one: the acute accent `´` (`Secretary´s`, `d´affaires`), the backtick
(`` enemy`s ``), the opening quote `‘` (`Majesty‘s`) and the prime `′`
(`year′s`) and, in `n\"t` and `\"ve` (`don\"t`, `I\"ve`), the straight double
quote, before the endings of English contractions and possessives
(`s`, `t`, `re`, `ve`, `ll`, `d`, `m`) or after an elided `d`, `l`, `o`
(`o´clock`).

Keyboards without an apostrophe key, OCR and machine translation type
these; they break search (`Secretary´s` does not match `Secretary’s`) and
spell checking.

Left alone: primes after digits (`5′ 10″`), an opening quote that opens a
quotation (`the ‘Brexit’ vote`), marks between letters that are not a
contraction (`ho‘okolokolo`, where Hawaiian writes the ʻokina), Uzbek's
letters `o‘` and `g‘` before a lowercase letter (`O‘zbekiston`), and text
in other languages.

Fix (safe): use the apostrophe the rest of the text uses: the curly `’`
when the text writes curly apostrophes or quotes, the straight `'`
otherwise. Only the glyph of one punctuation mark changes.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Document,
    applies: Applies::languages(&[Lang::English]).prose(),
    flags: &[
        Fixture {
            input: "The Secretary´s plan and the enemy`s reply, Her Majesty‘s view.",
            output: "The Secretary's plan and the enemy's reply, Her Majesty's view.",
        },
        Fixture {
            input: "The chargé d´affaires said last year′s talks “failed”.",
            output: "The chargé d’affaires said last year’s talks “failed”.",
        },
        Fixture {
            input: "They weren\"t ready, and I\"ve said so: \"We don\"t know.\"",
            output: "They weren't ready, and I've said so: \"We don't know.\"",
        },
    ],
    keeps: &[
        "He is 5′ 10″ tall and the ’90s were long.",
        "The ‘Brexit’ vote and the ‘fair deal’ were both in the news.",
        "Write `x` and `y`s in the code.",
        "The team from O‘zbekiston won, G‘afur scored and Tashkent cheered.",
        "The company's report and it's done.",
        "The \"Hood desert\"s status and the \"Nazis\"tv show, \"in\"t.",
    ],
};

/// The lookalikes as UTF-8: backtick, acute accent `´`, opening single
/// quote `‘`, prime `′`, and a double quote before `t` or `ve`. Byte
/// literals let the regex engine find them fast.
static LOOKALIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?-u)`|\xC2\xB4|\xE2\x80\x98|\xE2\x80\xB2|"t|"ve"#).expect("pattern compiles"));

/// Endings that follow an apostrophe in English: `’s`, `n’t`, `’re`…
const ENDINGS: [&str; 7] = ["s", "t", "re", "ve", "ll", "d", "m"];

/// Letters elided before an apostrophe: `d’affaires`, `l’état`, `o’clock`.
const ELIDED: [&str; 3] = ["d", "l", "o"];

impl Rule for ApostropheLookalike {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let bytes = doc.bytes();
        if !(bytes.contains(b'`')
            || bytes.contains(0xB4)
            || bytes.contains(0x98)
            || bytes.contains(0xB2)
            || bytes.contains(b'"'))
        {
            return;
        }
        let text = doc.text();
        let mut apostrophe: Option<&'static str> = None;
        for m in LOOKALIKE.find_iter(text.as_bytes()) {
            let at = m.start();
            let c = text[at..].chars().next().expect("a match starts a character");
            let end = at + c.len_utf8();
            let before = trailing_letters(&text[..at]);
            let after = word_after(&text[end..]);
            if before.is_empty() || after.is_empty() {
                continue;
            }
            // A double quote can close a quotation before a word (`"Hood
            // desert"s`), so it reads as an apostrophe only in a contraction
            // whose first half is listed: `don"t`, `I"ve`.
            if c == '"' && !double_quote_contraction(before, after) {
                continue;
            }
            let contraction = ENDINGS.contains(&after.to_ascii_lowercase().as_str());
            let elision = ELIDED.contains(&before.to_ascii_lowercase().as_str()) && after.chars().count() >= 3;
            if !(contraction || elision) {
                continue;
            }
            // Uzbek writes `o‘` and `g‘` as letters of their own
            // (`O‘zbekiston`, `G‘afur`); Irish `O’Brien` goes on in capitals.
            if c == '\u{2018}' && matches!(before, "o" | "O" | "g" | "G") && after.starts_with(char::is_lowercase) {
                continue;
            }
            // `‘` opening a quotation closes later in the sentence: `‘s’ is a
            // letter`. The look is bounded, so a line of them stays linear.
            if c == '\u{2018}'
                && text[end..crate::span::floor_char_boundary(text, (end + QUOTE_REACH).min(text.len()))]
                    .split(['.', '\n'])
                    .next()
                    .is_some_and(|s| s.contains('\u{2019}'))
            {
                continue;
            }
            let with = *apostrophe.get_or_insert_with(|| style(text));
            let span = Span::new(at, end);
            out.push(
                Diagnostic::new(&META, span, format!("`{c}` typed as an apostrophe"))
                    .with_fix(Fix::safe_edit(format!("use `{with}`"), Edit::replace(span, with))),
            );
        }
    }
}

/// True when `before"after` is an English contraction: a negation (`don"t`,
/// `weren"t`) or `'ve` after a pronoun or modal (`I"ve`, `would"ve`).
fn double_quote_contraction(before: &str, after: &str) -> bool {
    matches!(after, "t" | "ve") && is_contraction(&before.to_ascii_lowercase(), after)
}

/// The letters at `s`'s start, if a non-letter (or the end) follows them.
fn word_after(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

/// The apostrophe the text uses: curly when it writes curly apostrophes or
/// double quotes at least as often as straight ones.
fn style(text: &str) -> &'static str {
    // Byte searches: a document may be a whole file, read once per finding's text.
    let b = text.as_bytes();
    let between = |needle: &[u8]| {
        memchr::memmem::find_iter(b, needle)
            .filter(|&i| {
                text[..i].chars().next_back().is_some_and(char::is_alphabetic)
                    && text[i + needle.len()..].chars().next().is_some_and(char::is_alphabetic)
            })
            .count()
    };
    let count = |needle: &[u8]| memchr::memmem::find_iter(b, needle).count();
    let curly = between("\u{2019}".as_bytes()) + count("\u{201c}".as_bytes()) + count("\u{201d}".as_bytes());
    let straight = between(b"'") + memchr::memchr_iter(b'"', b).count();
    if curly > straight && curly > 0 {
        "\u{2019}"
    } else {
        "'"
    }
}
