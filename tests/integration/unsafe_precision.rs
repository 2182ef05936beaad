//! The promise `fix --unsafe-fixes` makes: it removes debris, never
//! content. Each property builds correct text of one shape that unsafe
//! fixes once deleted, from pieces written for this project, and asserts
//! that fixing it with every fix allowed changes nothing:
//!
//! - quotation marks at a paragraph's start or end (a quotation running
//!   over several paragraphs opens each and closes only the last);
//! - article text after a teaser label (`READ MORE: <headline> <sentence>`);
//! - a short answer after a question (`Sort of.`, `Barely.`);
//! - a one-word value after the noun that names it (`The username was
//!   taken. jdoe.`);
//! - an empty literal named by the word before it (`an empty list []`).

use detritus::lexicon::VALUE_NOUNS;
use detritus::{FixMode, Linter, Settings};
use proptest::prelude::*;
use proptest::sample::select;

fn linter() -> &'static Linter {
    static LINTER: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    LINTER.get_or_init(|| Linter::new(&Settings::default()).unwrap())
}

fn unchanged(text: &str) -> Result<(), TestCaseError> {
    let fixed = linter().fix(text, FixMode::Unsafe).unwrap();
    prop_assert_eq!(&fixed.text, text, "unsafe fixes changed correct text");
    Ok(())
}

const SENTENCES: &[&str] = &[
    "The council approved the budget on Tuesday.",
    "Prices rose for the third month in a row.",
    "She said the plan would cost more than expected.",
    "The bridge will stay closed until the spring.",
    "Officials expect the talks to resume next week.",
    "He has run the bakery on the corner since 1998.",
    "Most of the new homes were sold within a month.",
    "The museum reopened after a two-year renovation.",
    "Farmers say the rain came too late for the harvest.",
    "We were told to wait, and so we waited.",
];

const QUESTIONS: &[&str] = &[
    "Was it worth it?",
    "Did they win?",
    "Who paid for it?",
    "Where did the money go?",
    "Is the plan working?",
    "How long did it take?",
];

const ANSWERS: &[&str] = &[
    "Sort of.", "Kind of.", "End of.", "Barely.", "Nobody.", "Not yet.", "Twice.", "Yes.", "Maybe.", "Berlin.",
];

const HEADLINES: &[&str] = &[
    "Chip exports slump as demand cools",
    "Far-right MP found guilty of hate speech",
    "The rise of superbugs",
    "Why the harbour still floods",
    "Inside the race to rebuild the old mill",
];

/// One to three sentences, none said twice (that is debris of its own).
fn paragraph() -> impl Strategy<Value = String> {
    proptest::sample::subsequence(SENTENCES, 1..4).prop_map(|v| v.join(" "))
}

/// A quotation that runs over paragraphs: each may open with a mark and
/// may close with one, in one style per text. No sentence is said twice.
fn quoted_paragraphs() -> impl Strategy<Value = String> {
    let styles = select(&[("\"", "\""), ("“", "”")][..]);
    let shapes = proptest::collection::vec((1..4usize, any::<bool>(), any::<bool>()), 1..4);
    (styles, Just(SENTENCES.to_vec()).prop_shuffle(), shapes).prop_map(|((open, close), sentences, shapes)| {
        let mut next = sentences.into_iter();
        shapes
            .into_iter()
            .map(|(n, opens, closes)| {
                let body = next.by_ref().take(n).collect::<Vec<_>>().join(" ");
                format!(
                    "{}{body}{}",
                    if opens { open } else { "" },
                    if closes { close } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn quotation_marks_at_a_paragraphs_edges_are_kept(text in quoted_paragraphs()) {
        unchanged(&text)?;
    }

    #[test]
    fn the_article_text_after_a_teaser_label_is_kept(
        label in select(&["READ MORE:", "WATCH:", "RELATED:", "Read more:", "See also:"][..]),
        headline in select(HEADLINES),
        body in paragraph(),
    ) {
        let before = "The storm passed overnight.";
        let text = format!("{before}\n\n{label} {headline} {body}\n");
        let fixed = linter().fix(&text, FixMode::Unsafe).unwrap();
        prop_assert!(fixed.text.contains(&body), "the sentence after the teaser was lost: {:?}", fixed.text);
        prop_assert!(fixed.text.starts_with(before), "{:?}", fixed.text);
    }

    #[test]
    fn a_short_answer_after_a_question_is_kept(
        question in select(QUESTIONS),
        answer in select(ANSWERS),
        after in paragraph(),
    ) {
        unchanged(&format!("The storm passed overnight. {question} {answer} {after}"))?;
    }

    #[test]
    fn a_value_given_after_the_noun_that_names_it_is_kept(
        noun in select(VALUE_NOUNS.words()),
        value in "[a-z]{2,8}",
        after in select(SENTENCES),
    ) {
        unchanged(&format!("The {noun} was already taken. {value}. {after}"))?;
        unchanged(&format!("He typed the {noun}. {value}. {after}"))?;
    }

    #[test]
    fn an_empty_literal_named_by_the_word_before_it_is_kept(
        noun in select(&["list", "tuple", "dict", "array", "set", "vector", "string", "object"][..]),
        literal in select(&["[]", "()", "{}", "\"\""][..]),
        after in select(SENTENCES),
    ) {
        unchanged(&format!("It returns an empty {noun} {literal} by default. {after}"))?;
    }
}
