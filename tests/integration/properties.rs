//! Properties that hold for any input, checked on generated text and on
//! corpus articles mutated at random (characters inserted, deleted and
//! stretches duplicated, the way scraping damages text): real articles reach
//! rule paths that generated text rarely does.

use crate::util::{corpus, letters};
use detritus::{CheckCache, FixMode, Linter, Settings};
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

#[derive(Clone, Debug)]
enum Mutation {
    Insert(usize, String),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

/// Characters debris is made of, plus any character at all.
fn debris_char() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            " ", "  ", "\n", "\r\n", "\t", ".", ",", ";", "\"", "“", "”", "‘", "’", "(", ")", "[", "<", ">", "&",
            "&amp;", "\u{a0}", "\u{200b}", "\u{ad}", "\u{feff}", "â€", "Ã", "©", "，", "。", "e\u{301}", "the ",
        ])
        .prop_map(String::from),
        any::<char>().prop_map(String::from),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), debris_char()).prop_map(|(at, s)| Mutation::Insert(at, s)),
        2 => (any::<usize>(), 1..12usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<usize>(), 1..80usize).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
    ]
}

/// The char boundary `seed` picks in `text`.
fn boundary(text: &str, seed: usize) -> usize {
    let mut at = seed % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_string();
    for m in mutations {
        match m {
            Mutation::Insert(at, s) => text.insert_str(boundary(&text, *at), s),
            Mutation::Delete(at, n) | Mutation::Duplicate(at, n) => {
                let start = boundary(&text, *at);
                let end = text[start..]
                    .char_indices()
                    .nth(*n)
                    .map_or(text.len(), |(i, _)| start + i);
                if matches!(m, Mutation::Delete(..)) {
                    text.replace_range(start..end, "");
                } else {
                    let copy = text[start..end].to_string();
                    text.insert_str(end, &copy);
                }
            }
        }
    }
    text
}

fn mutated_article() -> impl Strategy<Value = String> {
    (0..corpus().len(), proptest::collection::vec(mutation(), 1..24)).prop_map(|(i, ms)| mutate(&corpus()[i], &ms))
}

// The invariants, shared by both kinds of input.

/// A check that re-reads only changed paragraphs finds exactly what a
/// whole check finds, with a fresh cache and with one filled by `earlier`.
fn cached_check_matches(earlier: &str, text: &str) -> Result<(), TestCaseError> {
    let whole = linter().check(text);
    prop_assert_eq!(&linter().check_cached(text, &mut CheckCache::default()), &whole);
    let mut cache = CheckCache::default();
    linter().check_cached(earlier, &mut cache);
    prop_assert_eq!(&linter().check_cached(text, &mut cache), &whole);
    Ok(())
}

fn spans_on_boundaries(text: &str) -> Result<(), TestCaseError> {
    for d in linter().check(text) {
        prop_assert!(d.span.end <= text.len());
        prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
    }
    Ok(())
}

fn converges_and_settles(text: &str) -> Result<(), TestCaseError> {
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let fixed = linter().fix(text, mode).expect("the fixer converges");
        let again = linter().fix(&fixed.text, mode).expect("the fixer converges");
        prop_assert_eq!(&again.text, &fixed.text);
    }
    Ok(())
}

fn keeps_letters(text: &str) -> Result<(), TestCaseError> {
    let fixed = linter().fix(text, FixMode::Safe).unwrap();
    if !fixed.applied.iter().any(|f| f.rule.rewrites_letters) {
        prop_assert_eq!(letters(&fixed.text), letters(text));
    }
    Ok(())
}

fn change_list_rebuilds(text: &str) -> Result<(), TestCaseError> {
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let fixed = linter().fix(text, mode).unwrap();
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
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn spans_lie_on_character_boundaries(text in debris_text()) {
        spans_on_boundaries(&text)?;
    }

    #[test]
    fn fixing_converges_and_is_idempotent(text in debris_text()) {
        converges_and_settles(&text)?;
    }

    #[test]
    fn safe_fixes_never_delete_a_letter_or_digit(text in debris_text()) {
        keeps_letters(&text)?;
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
        change_list_rebuilds(&text)?;
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
    fn a_cached_check_finds_what_a_whole_check_finds(a in debris_text(), b in debris_text()) {
        cached_check_matches(&format!("{a}\n\n{b}"), &format!("{b}\n\n{a}\n\n{b}"))?;
    }

    #[test]
    fn nothing_panics_on_arbitrary_strings(text in any::<String>()) {
        let _ = linter().check(&text);
        let _ = linter().fix(&text, FixMode::Unsafe);
    }
}

proptest! {
    // Whole articles cost far more per case than generated snippets.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_article_keeps_every_span_on_a_character_boundary(text in mutated_article()) {
        spans_on_boundaries(&text)?;
    }

    #[test]
    fn a_mutated_article_fixes_idempotently_and_changes_nothing_outside_the_edits(text in mutated_article()) {
        converges_and_settles(&text)?;
        change_list_rebuilds(&text)?;
    }

    #[test]
    fn a_cached_check_of_a_mutated_article_finds_what_a_whole_check_finds(text in mutated_article(), seed in 0..corpus().len()) {
        cached_check_matches(&corpus()[seed], &text)?;
    }

    #[test]
    fn safe_fixes_of_a_mutated_article_keep_every_letter_and_digit(text in mutated_article()) {
        keeps_letters(&text)?;
    }
}
