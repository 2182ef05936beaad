//! Properties on corpus articles mutated at random: characters inserted,
//! deleted and stretches duplicated, the way scraping damages text. Real
//! articles reach rule paths that generated text rarely does.

use detritus::{FixMode, Linter, Settings, Span};
use proptest::prelude::*;

fn linter() -> &'static Linter {
    static LINTER: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    LINTER.get_or_init(|| Linter::new(&Settings::default()).unwrap())
}

fn corpus() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    })
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

fn letters(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd().filter(|c| c.is_alphanumeric()).collect()
}

proptest! {
    // Whole articles cost far more per case than generated snippets.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_article_keeps_every_span_on_a_character_boundary(text in mutated_article()) {
        for d in linter().check(&text) {
            prop_assert!(d.span.end <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            for e in d.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
    }

    #[test]
    fn a_mutated_article_fixes_idempotently_and_changes_nothing_outside_the_edits(text in mutated_article()) {
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let fixed = linter().fix(&text, mode).expect("the fixer converges");
            let mut rebuilt = String::new();
            let mut at = 0;
            for (old, new) in &fixed.changes {
                prop_assert!(old.start >= at);
                rebuilt.push_str(&text[at..old.start]);
                rebuilt.push_str(&fixed.text[new.start..new.end]);
                at = old.end;
            }
            rebuilt.push_str(&text[at..]);
            prop_assert_eq!(&rebuilt, &fixed.text);
            let again = linter().fix(&fixed.text, mode).expect("the fixer converges");
            prop_assert_eq!(&again.text, &fixed.text);
        }
    }

    #[test]
    fn safe_fixes_of_a_mutated_article_keep_every_letter_and_digit(text in mutated_article()) {
        let fixed = linter().fix(&text, FixMode::Safe).unwrap();
        if !fixed.applied.iter().any(|f| f.rule.rewrites_letters) {
            prop_assert_eq!(letters(&fixed.text), letters(&text));
        }
        for f in &fixed.applied {
            let Span { start, end } = f.span;
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end) && end <= text.len());
        }
    }
}
