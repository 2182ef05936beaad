//! Properties that hold for any input, checked on generated text.

use detritus::{FixMode, Linter, Settings};
use proptest::prelude::*;

fn linter() -> &'static Linter {
    static LINTER: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    LINTER.get_or_init(|| Linter::new(&Settings::default()).unwrap())
}

/// Text made of the pieces debris is made of, so rules actually fire.
fn debris_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("word".to_string()),
        Just("The".to_string()),
        Just("this".to_string()),
        Just(" ".to_string()),
        Just("  ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just(" ,".to_string()),
        Just("...".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("<p>".to_string()),
        Just("&amp;".to_string()),
        Just("&#8217;".to_string()),
        Just("alt=".to_string()),
        Just(">".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{feff}".to_string()),
        Just("â€™".to_string()),
        Just("Ã©".to_string()),
        Just("，".to_string()),
        Just("Ａ".to_string()),
        Just("01.AI".to_string()),
        Just("3.5".to_string()),
        Just("https://example.com/x".to_string()),
        Just(" date 2023-12-18 ".to_string()),
        Just("Photo: Reuters".to_string()),
        Just("e\u{301}".to_string()),
        "[a-zA-Z]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn letters(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd().filter(|c| c.is_alphanumeric()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_lie_on_character_boundaries(text in debris_text()) {
        for d in linter().check(&text) {
            prop_assert!(d.span.end <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            for e in d.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
    }

    #[test]
    fn fixing_converges_and_is_idempotent(text in debris_text()) {
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let fixed = linter().fix(&text, mode).expect("the fixer converges");
            let again = linter().fix(&fixed.text, mode).expect("the fixer converges");
            prop_assert_eq!(&again.text, &fixed.text);
        }
    }

    #[test]
    fn safe_fixes_never_delete_a_letter_or_digit(text in debris_text()) {
        let fixed = linter().fix(&text, FixMode::Safe).unwrap();
        if !fixed.applied.iter().any(|f| f.rule.rewrites_letters) {
            prop_assert_eq!(letters(&fixed.text), letters(&text));
        }
    }

    #[test]
    fn text_outside_the_applied_fixes_is_unchanged(text in debris_text()) {
        // Every stretch of the input that no applied fix covers must appear
        // in the output verbatim and in order.
        let fixed = linter().fix(&text, FixMode::Unsafe).unwrap();
        let mut spans: Vec<_> = fixed.applied.iter().map(|f| f.span).collect();
        spans.sort();
        let mut at = 0;
        let mut cursor = 0;
        for s in spans.iter().chain(std::iter::once(&detritus::Span::new(text.len(), text.len()))) {
            if s.start > at {
                let gap = &text[at..s.start];
                let found = fixed.text[cursor..].find(gap);
                prop_assert!(found.is_some(), "untouched text {:?} is missing from {:?}", gap, fixed.text);
                cursor += found.unwrap() + gap.len();
            }
            at = at.max(s.end);
        }
    }

    #[test]
    fn the_change_list_rebuilds_the_fixed_text_from_the_original(text in debris_text()) {
        let fixed = linter().fix(&text, FixMode::Unsafe).unwrap();
        let mut rebuilt = String::new();
        let mut at = 0;
        for (old, new) in &fixed.changes {
            prop_assert!(old.start >= at, "changes are sorted and disjoint");
            rebuilt.push_str(&text[at..old.start]);
            rebuilt.push_str(&fixed.text[new.start..new.end]);
            at = old.end;
        }
        rebuilt.push_str(&text[at..]);
        prop_assert_eq!(rebuilt, fixed.text);
    }

    #[test]
    fn check_after_fix_finds_nothing_safe_to_fix_from_a_rule_that_was_applied(text in debris_text()) {
        // Safe fixes are never declined, so none may be left. Unsafe ones may
        // be: the fixer drops an unsafe fix that leaves debris nothing can
        // repair (`word“ 𳑺“ ")”Ã©` keeps a fixable Q001 after an applied one).
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let fixed = linter().fix(&text, mode).unwrap();
            let applied: std::collections::HashSet<&str> = fixed.applied.iter().map(|f| f.rule.code).collect();
            for d in linter().check(&fixed.text) {
                let safe = d.applicability() == Some(detritus::Applicability::Safe);
                prop_assert!(
                    !(safe && applied.contains(d.rule.code)),
                    "{:?}: {} still fixable at {:?} in {:?}", mode, d.rule.code, d.span, fixed.text
                );
            }
        }
    }

    #[test]
    fn nothing_panics_on_arbitrary_strings(text in any::<String>()) {
        let _ = linter().check(&text);
        let _ = linter().fix(&text, FixMode::Unsafe);
    }
}
