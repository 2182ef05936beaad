use crate::lexicon::{
    ARTICLES, COORDINATORS, FINAL_SUBORDINATORS, POSSESSIVE_DETERMINERS, STANDALONE_PHRASES, STRANDED_PREPOSITIONS,
    STRANDING_PAIRS, SUBJECT_PRONOUNS, WH_WORDS,
};
use crate::prelude::*;
use crate::rules::fragments::helpers::split_contraction;
use crate::text::{inline_removal, is_capitalised};

pub struct DanglingFragment;

static META: RuleMeta = RuleMeta {
    code: "F002",
    name: "dangling-fragment",
    family: Family::Fragments,
    summary: "A short trailing sentence that ends on a preposition, conjunction or article",
    docs: "\
Flags a short sentence (at most seven words) that follows another sentence
in its paragraph and ends on a word that needs something after it:
`…a rival service. Technology was used for.`

Machine translation produces these when it splits a clause and loses its
object; the scrap repeats what the sentence before said and adds nothing.

A sentence is flagged when its last word is

- an article, a possessive determiner (`its`, `their`), a coordinating
  conjunction (`and`, `or`) or a subordinator that cannot end a clause
  (`because`, `although`, `whether`, `than`); or
- a preposition that is rarely an adverb (`for`, `of`, `from`, `with`, `at`,
  `into`, …), and nothing in the sentence licenses stranding it: no question
  or relative word (`That is what friends are for.`), no `to` or `worth`
  before it (`something to look forward to`, `worth fighting for`), no
  subject pronoun after the first word (a contact relative: `the firm we
  worked with`), no comma, and the word before it does not form, with a
  subject before it, a prepositional verb whose object became the subject
  (`It was paid for.`, `The issue was dealt with.`; but `Prepared for.`
  and `Reasoning was improved for.` are flagged).

Sentences ending in `?` or `!`, quoted sentences, particles that end
sentences legitimately (`in`, `on`, `up`, `to`, `about`), answers to a
question (`Is it over? Sort of.`), hedges (`Sort of.`, `Kind of.`, `End
of.`), a sentence that ends on something quoted or a sign after its last
word (`start with “./” or “/”.`) and a last word glued to what precedes it
(Finnish `UTF-8:a.`, a case ending) are left alone.

Fix (unsafe): delete the sentence and the space before it; it removes words.",
    fix: FixAvailability::Unsafe,
    rewrites_letters: false,
    scope: Scope::Paragraph,
    applies: Applies::languages(&[Lang::English]),
    flags: &[
        Fixture {
            input: "The app copied a rival's design. The code was taken from.",
            output: "The app copied a rival's design.",
        },
        Fixture {
            input: "The firm denied the report. Data was collected with. It said more later.",
            output: "The firm denied the report. It said more later.",
        },
        Fixture {
            input: "Sales rose in March. The growth and.\n\nNext paragraph.",
            output: "Sales rose in March.\n\nNext paragraph.",
        },
    ],
    keeps: &[
        "Use this property to get the translated string with the GetText method. This parameter has a default value of \"\".",
        "Is it over? Sort of. Was it fun? Partly. Who was it for? The team paid for.",
        "It was fun, I think. Kind of. That was the end of it. End of. Nobody spoke.",
        "What is it for? Which city are you from?",
        "The team stuck together. That is what friends are for.",
        "The holiday is near. It is something to look forward to.",
        "The bill was large. It was paid for.",
        "The complaint was serious. The issue was dealt with.",
        "This is the company. It is the firm we worked with.",
        "They needed a cause. A cause worth fighting for.",
        "Resolving “foo” failed. Specifiers must start with “./”, “../” or “/”.",
        "Merkistö tunnistettiin. Tämän tulkittiin tarkoittavan UTF-8:a.",
        "He was tired. He gave up. The deal fell through. Come in.",
        "It rained, sort of. It was, kind of.",
        "The storm came. It had been prepared for.",
        "GPT 3.5 and 01.AI were compared. Yi-34B (LLMs) was built on.",
    ],
};

impl Rule for DanglingFragment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if !doc.bytes().contains(b'.') {
            return;
        }
        for &para in doc.paragraphs() {
            for pair in doc.sentences_in(para).windows(2) {
                let (before, s) = (pair[0], pair[1]);
                let sentence = doc.slice(s);
                // Exactly one final period: `?`, `!`, quotes and `...` are out.
                if sentence.len() > 80
                    || !sentence.ends_with('.')
                    || sentence.ends_with("..")
                    || !is_capitalised(sentence)
                {
                    continue;
                }
                // After a question it is an answer (`Is it over? Sort of.`),
                // and a hedge is whole on its own (`Kind of.`).
                if doc.slice(before).trim_end().ends_with('?')
                    || STANDALONE_PHRASES.contains(&sentence[..sentence.len() - 1])
                {
                    continue;
                }
                let words = doc.words_in(s);
                // The sentence must end on that word: `must start with “./”
                // or “/”.` ends on what it quotes, and `UTF-8:a.` on a
                // case ending glued to a name, no article.
                let Some(&tail_word) = words.last() else { continue };
                let tail = doc.slice(Span::new(tail_word.end, s.end - 1));
                let glued = doc.text()[..tail_word.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '“' | '‘' | '"' | '\''));
                // `a default value of "".`: an empty string quoted ends it.
                if glued
                    || tail
                        .chars()
                        .any(|c| !matches!(c, ' ' | '”' | '’' | '"' | '\'' | ')' | ']'))
                    || ["\"\"", "''", "“”"].iter().any(|q| tail.contains(q))
                {
                    continue;
                }
                let Some(last) = dangling_word(doc, sentence, words) else {
                    continue;
                };
                let span = Span::new(s.start, s.end);
                out.push(
                    Diagnostic::new(&META, span, format!("short sentence ends on `{last}` and says nothing")).with_fix(
                        Fix::unsafe_edit("remove the fragment", Edit::delete(inline_removal(doc, span))),
                    ),
                );
            }
        }
    }
}

/// The word a short sentence dangles on, when it cannot end there.
fn dangling_word<'a>(doc: &Document<'a>, sentence: &str, words: &[Span]) -> Option<&'a str> {
    if !(2..=7).contains(&words.len()) {
        return None;
    }
    let last = doc.slice(*words.last()?);
    if !last.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if ARTICLES.contains(last)
        || POSSESSIVE_DETERMINERS.contains(last)
        || COORDINATORS.contains(last)
        || FINAL_SUBORDINATORS.contains(last)
    {
        return Some(last);
    }
    if !STRANDED_PREPOSITIONS.contains(last) || sentence.contains(',') {
        return None;
    }
    // `It was paid for.`: a prepositional verb whose object became the
    // subject. Without a subject (`Prepared for.`) it is still a scrap.
    let head = doc.slice(words[words.len() - 2]);
    if words.len() > 2 && STRANDING_PAIRS.contains(&format!("{head} {last}")) {
        return None;
    }
    let licensed = words[..words.len() - 1].iter().enumerate().any(|(i, &w)| {
        let w = doc.slice(w);
        let (base, _) = split_contraction(w);
        WH_WORDS.contains(w)
            || w.eq_ignore_ascii_case("to")
            || w.eq_ignore_ascii_case("worth")
            || w.eq_ignore_ascii_case("that")
            || (i > 0 && SUBJECT_PRONOUNS.contains(base))
    });
    (!licensed).then_some(last)
}

#[cfg(test)]
mod tests {
    use crate::{FixMode, Linter};

    fn linter() -> Linter {
        crate::rules::testing::linter(&super::META, crate::Language::Auto)
    }

    #[test]
    fn removes_a_passive_scrap_that_lost_its_object() {
        let fixed = linter()
            .fix(
                "The model was trained on public data, the firm said. Technology was relied on. Outputs were used for.",
                FixMode::Unsafe,
            )
            .unwrap();
        assert_eq!(
            fixed.text,
            "The model was trained on public data, the firm said. Technology was relied on."
        );
    }

    #[test]
    fn flags_a_prepositional_verb_without_a_subject_or_with_the_wrong_preposition() {
        assert_eq!(linter().check("Analysts were less sure. Prepared for.").len(), 1);
        assert_eq!(linter().check("It is faster. Reasoning was improved for.").len(), 1);
    }

    #[test]
    fn keeps_the_first_sentence_of_a_paragraph() {
        assert!(linter().check("Results were used for.").is_empty());
    }

    #[test]
    fn keeps_long_sentences_and_questions() {
        assert!(linter()
            .check("It began. The company said the new model was trained with. Where is it from?")
            .is_empty());
    }

    #[test]
    fn keeps_contact_relatives_and_infinitives() {
        for text in [
            "It is old. This is the house I grew up in.",
            "It is late. That's the team she played for.",
            "Jobs are up. It's something I'm very proud of.",
            "It is hard. There is nobody to talk with.",
        ] {
            assert!(linter().check(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn flags_a_sentence_ending_on_an_article() {
        assert_eq!(linter().check("It grew. Revenue came from the.").len(), 1);
    }
}
