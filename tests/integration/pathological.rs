//! Inputs built to find quadratic behaviour. Each must finish; a rule that
//! goes quadratic turns one of these into a hang the test runner reports.
//! Speed itself is measured by `bench/run.sh`, not here.

use detritus::{FixMode, Linter, Settings};

fn linter() -> Linter {
    Linter::new(&Settings::default()).unwrap()
}

fn survives(text: &str) {
    let linter = linter();
    let _ = linter.check(text);
    let fixed = linter.fix(text, FixMode::Unsafe).expect("the fixer converges");
    let again = linter.fix(&fixed.text, FixMode::Unsafe).expect("the fixer converges");
    assert_eq!(again.text, fixed.text);
}

#[test]
fn a_paragraph_of_a_hundred_thousand_punctuation_marks() {
    survives(&".,;:!?".repeat(100_000 / 6));
}

#[test]
fn deeply_nested_brackets_and_quotes() {
    survives(&format!("{}word{}", "(“[‘".repeat(10_000), "’]”)".repeat(10_000)));
    survives(&"(“".repeat(20_000));
    // Orphan closing quotes: each was judged by rescanning the rest of the
    // paragraph (11 s in release, a minute in debug, before).
    survives(&"”)".repeat(20_000));
    // Orphan closers in one long first sentence: each was judged by
    // rescanning the paragraph up to it.
    survives(&"word) ".repeat(100_000));
}

#[test]
fn a_two_megabyte_line_without_a_newline() {
    let sentence = "The firm , which said “yes” , grew fast.It said &amp; so on ";
    survives(&sentence.repeat(2_000_000 / sentence.len()));
}

#[test]
fn thousands_of_paragraphs_of_repeated_debris() {
    survives(&"An experimental model , which hug. The the end .\n\n".repeat(5_000));
}

#[test]
fn thousands_of_identical_sentences() {
    survives(&"The company said it would appeal the ruling next week. ".repeat(10_000));
}

#[test]
fn page_structure_debris_repeated_through_one_long_paragraph() {
    // Each broken word was looked up by searching the whole text for it.
    survives(&"The plan would recom-\nmend it and a well-\n".repeat(20_000));
    // Each bullet read its line back to the start, each marker its paragraph.
    survives(&"It rose by a fifth. • The firm grew fast.[1] ".repeat(30_000));
    survives(&"One signifi cantly late ﬁling, informa tion lost. ".repeat(30_000));
}

#[test]
fn one_long_paragraph_of_each_trigger_that_read_its_paragraph_per_match() {
    // Each of these read back to the paragraph's start, or on to the line's
    // end, for every match: glued quotes counted, `""` looked for a blank
    // line, `..` looked for ellipses, a credit looked for its caption, a bidi
    // entity looked for right-to-left text, a `‘` looked for its `’`.
    survives(&"He said.\"Go now.\"They left. ".repeat(40_000));
    survives(&"a \"\" ".repeat(100_000));
    survives(&"Well.. maybe ".repeat(100_000));
    survives(&"(the mayor spoke) (Photo by John Doe) ".repeat(20_000));
    survives(&"word &lrm; text ".repeat(50_000));
    survives(&"it‘s ".repeat(100_000));
}
