//! The promise `fix` makes when run unattended: on correct text, a safe fix
//! changes no letter or digit, deletes no word, removes no character a
//! script needs, and leaves a fixpoint.
//!
//! Checked on the project's own multilingual lines (tests/data, written for
//! this project) and on generated near misses: correct text built from the
//! pieces that look like debris. The large measure, over real translations
//! in hundreds of languages fetched from package registries, is
//! `scripts/no-harm.py`, which CI runs too.

use detritus::{FixMode, Linter, Settings, Syntax};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

const CLEAN: &str = include_str!("../data/clean_multilingual.txt");

fn linter(markdown: bool) -> &'static Linter {
    static PLAIN: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    static MARKDOWN: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    let cell = if markdown { &MARKDOWN } else { &PLAIN };
    cell.get_or_init(|| {
        Linter::new(&Settings {
            syntax: if markdown { Syntax::Markdown } else { Syntax::Plain },
            ..Settings::default()
        })
        .unwrap()
    })
}

fn letters(text: &str) -> Vec<char> {
    text.nfc().filter(|c| c.is_alphanumeric()).collect()
}

/// Format characters a script needs, next to a letter of that script.
fn script_characters(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let needs =
        |c: char| c.is_alphabetic() && !c.is_ascii() && !matches!(c, '\u{c0}'..='\u{24f}' | '\u{370}'..='\u{52f}');
    (0..chars.len())
        .filter(|&i| matches!(chars[i], '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{202f}' | '\u{180e}'))
        .filter(|&i| {
            let before = chars[..i]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200d}' | '\u{202f}'));
            let after = chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200d}' | '\u{202f}'));
            before.is_some_and(|&c| needs(c)) || after.is_some_and(|&c| needs(c))
        })
        .count()
}

fn keeps_the_promise(text: &str, markdown: bool) -> Result<(), TestCaseError> {
    let fixed = linter(markdown).fix(text, FixMode::Safe).unwrap();
    prop_assert_eq!(
        letters(&fixed.text),
        letters(text),
        "a safe fix changed letters: {:?} -> {:?} by {:?}",
        text,
        fixed.text,
        fixed.applied.iter().map(|f| f.rule.code).collect::<Vec<_>>()
    );
    prop_assert_eq!(
        script_characters(&fixed.text),
        script_characters(text),
        "a safe fix removed a character a script needs: {:?} -> {:?}",
        text,
        fixed.text
    );
    let again = linter(markdown).fix(&fixed.text, FixMode::Safe).unwrap();
    prop_assert_eq!(&again.text, &fixed.text, "not a fixpoint: {:?}", text);
    Ok(())
}

fn clean_lines() -> Vec<&'static str> {
    CLEAN
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

#[test]
fn safe_fixes_change_no_letter_of_any_clean_line() {
    for line in clean_lines() {
        keeps_the_promise(line, false).map_err(|e| e.to_string()).unwrap();
    }
}

#[test]
fn safe_fixes_change_no_letter_of_the_clean_lines_as_one_document() {
    keeps_the_promise(&clean_lines().join("\n\n"), false)
        .map_err(|e| e.to_string())
        .unwrap();
}

/// Correct text that looks like debris: every piece is right where it is.
const NEAR_MISSES: &[&str] = &[
    "01.AI released Yi-34B",
    "the U.S. and e.g. the U.K.",
    "3.5 per cent at 10:30 a.m.",
    "see https://example.com/a?b=c,d&e=f",
    "Well... that was odd",
    "Nice work :) and ;-)",
    "¯\\_(ツ)_/¯",
    "“He said ‘no’ twice,” she recalled.",
    "Le prix a augmenté de 5\u{a0}% ; c’est «\u{a0}inacceptable\u{a0}» !",
    "Er sagte: „Das ist gut.“",
    "Han sa: ”Det är bra.”",
    "彼は「それは問題ではない」と言った。",
    "他说：“这不是我的问题。”",
    "می\u{200c}خواهم این کتاب را بخوانم.",
    "क्\u{200d}ष और क\u{200c}ष",
    "ภาษา\u{200b}ไทย",
    "ᠴᠢᠯᠥᠭᠡ\u{202f}ᠲᠡᠢ",
    "ꦲꦸꦠꦮꦤ꧀\u{200b} ꦢꦶꦥꦠꦿ",
    "Kirjain Ä\u{a0}on suomen aakkosissa.",
    "Se oli 12.\u{a0}maaliskuuta, 5\u{a0}mètres plus loin.",
    "Bydlí v\u{a0}Praze.",
    "Pole pole ndio mwendo.",
    "The ratio √2 ≈ 1.414, and ∆t ≈ 0.5 s at 20 °C.",
    "┌──┬──┐ │ a │ b │ └──┴──┘",
    "Type &lt;b&gt;bold&lt;/b&gt; to make text bold.",
    "the <title> element, and <br> breaks a line",
    "Type \" to start a string and \" to end it.",
    "He wrote \",,\" by mistake.",
    "A prime: 5′ 10″ tall and the ’90s.",
    "Whereas the parties met in good faith,",
    "Ua noa i ka ‘ohana ke kaiāulu.",
];

fn near_miss_text() -> impl Strategy<Value = String> {
    let piece = proptest::sample::select(NEAR_MISSES);
    let join = prop_oneof![Just(" "), Just("\n"), Just("\n\n")];
    proptest::collection::vec((piece, join), 1..6).prop_map(|v| v.into_iter().map(|(p, j)| format!("{p}{j}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn safe_fixes_keep_every_letter_of_near_misses(text in near_miss_text()) {
        keeps_the_promise(&text, false)?;
    }

    #[test]
    fn safe_fixes_keep_code_and_hard_breaks_in_markdown(text in near_miss_text()) {
        let doc = format!("# Notes\n\n{}  \nnext line\n\n```\nlet x = a , b;\n```\n\n    indented , code\n\nSee `a , b`.\n", text.trim_end());
        keeps_the_promise(&doc, true)?;
        let fixed = linter(true).fix(&doc, FixMode::Safe).unwrap().text;
        for kept in ["  \nnext line", "let x = a , b;", "    indented , code", "`a , b`"] {
            prop_assert!(fixed.contains(kept), "{:?} lost {:?}", doc, kept);
        }
    }
}
