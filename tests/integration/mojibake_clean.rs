//! Correct multilingual text must never look like mojibake.
//!
//! tests/data/clean_multilingual.txt holds several hundred lines written for
//! this project: sentences in many languages and scripts, names, maths,
//! currency, box drawing, and the letters mojibake is made of used where
//! they are real (`SÃO PAULO`, `IRMÃ”`, `“CAFÉ”`, Ukrainian `ВІЙНА`).

use detritus::{Linter, Settings};

const CLEAN: &str = include_str!("../data/clean_multilingual.txt");

fn mojibake_only() -> Linter {
    Linter::new(&Settings {
        select: vec!["mojibake".into()],
        ..Settings::default()
    })
    .expect("the mojibake rule is registered")
}

#[test]
fn the_clean_multilingual_set_is_big_enough_to_mean_something() {
    let lines = CLEAN.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    assert!(lines.count() >= 400);
}

#[test]
fn no_clean_line_is_flagged() {
    let linter = mojibake_only();
    let mut hits = Vec::new();
    for (n, line) in CLEAN.lines().enumerate() {
        for d in linter.check(line) {
            hits.push(format!("line {}: {} in {line:?}", n + 1, d.message));
        }
    }
    assert!(hits.is_empty(), "{} false hits:\n{}", hits.len(), hits.join("\n"));
}

#[test]
fn the_whole_file_as_one_document_is_not_flagged() {
    let found = mojibake_only().check(CLEAN);
    assert!(
        found.is_empty(),
        "{:?}",
        found.iter().map(|d| d.message.to_string()).collect::<Vec<_>>()
    );
}

/// Repairs, safe and unsafe, repeated to a fixpoint, may not invent a
/// character: a combining mark without its letter, a lone character of a
/// foreign script inside a Latin word, a one-letter word in a rare letter,
/// or a letter built from a quotation mark.
#[test]
fn no_repair_invents_a_character() {
    let linter = mojibake_only();
    for (input, repaired) in [
        ("In Ã…â€¦ today", "In Å… today"),
        ("01.AI«Ã©café", "01.AI«écafé"),
        ("theÃ¶\u{2028}next", "theö\u{2028}next"),
        ("déjà·\u{ad} vu", "déjà·\u{ad} vu"),
        ("theÃÃ¨x", "theÃèx"),
        ("Il a dit «Élysée» et «été».", "Il a dit «Élysée» et «été»."),
        ("season—été—was", "season—été—was"),
    ] {
        for mode in [detritus::FixMode::Safe, detritus::FixMode::Unsafe] {
            let fixed = linter.fix(input, mode).unwrap().text;
            if mode == detritus::FixMode::Unsafe || fixed != input {
                assert_eq!(fixed, repaired, "{mode:?} on {input:?}");
            }
        }
    }
}

const NEGATIVE: &str = include_str!("../data/mojibake_negative.txt");

/// Correct text shaped like mojibake stays as it is, in safe and in unsafe
/// mode: maths, line art and faces are deliberate marks.
#[test]
fn no_negative_line_changes_in_any_mode() {
    let linter = mojibake_only();
    let lines: Vec<&str> = NEGATIVE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(lines.len() >= 60, "{} lines", lines.len());
    let mut changed = Vec::new();
    for line in lines.iter().copied().chain([NEGATIVE]) {
        for mode in [detritus::FixMode::Safe, detritus::FixMode::Unsafe] {
            let fixed = linter.fix(line, mode).unwrap().text;
            if fixed != line {
                changed.push(format!("{mode:?}: {line:?} -> {fixed:?}"));
            }
        }
    }
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

/// One misreading-shaped pair in a paragraph otherwise typeset correctly
/// may be meant: it is offered as an unsafe fix, never applied unattended.
#[test]
fn a_lone_pair_among_correct_typography_is_only_a_guess() {
    let linter = mojibake_only();
    let text = "The brand “ÃŸ-Tech” is spelled that way, says Zoë.";
    assert_eq!(linter.fix(text, detritus::FixMode::Safe).unwrap().text, text);
    assert_ne!(linter.fix(text, detritus::FixMode::Unsafe).unwrap().text, text);
    // Quoted alone, a pair is shown as an example: only suggested.
    let text = "Le café’s menu: “Ã¨” stands for è.";
    assert_eq!(linter.fix(text, detritus::FixMode::Unsafe).unwrap().text, text);
    assert_eq!(linter.check(text).len(), 1);
    // Two misreadings agree with each other, or lowercase letters enclose
    // the one: safe.
    let safe = |text: &str| linter.fix(text, detritus::FixMode::Safe).unwrap().text;
    assert_eq!(safe("Le cafÃ© et la crÃ¨me."), "Le café et la crème.");
    assert_eq!(
        safe("« Ils ont perdu la moitié de leur rÃ©colte », dit-il."),
        "« Ils ont perdu la moitié de leur récolte », dit-il."
    );
}
